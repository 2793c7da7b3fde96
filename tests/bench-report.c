/* bench-report.c: how long a full city briefing takes, and how big it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-report [--demo FILE] [--db-3m FILE] [--runs N] [--skip-3m]
 *
 * Writes the full briefing (every section, the whole city, Indonesian) with
 * sigap_report_write_full() as the window's worker thread and `sigap report` do, N times per
 * database, the first run included in the worst time: opening the database, every figure,
 * layout, drawing, compression and the write to disk. Targets: 1 s and 1 MB on the demo
 * database, 2 s on 3,000,000 participants.
 *
 * The databases are generated into the build folder on the first run and kept (the 3M one
 * takes about a minute; bench-window's is reused when present), unless given, or
 * SIGAP_BENCH_DB_3M names one. Prints one line per measurement; exits non-zero when a target is
 * missed, so `meson test --benchmark` shows it.
 */

#include <glib/gstdio.h>
#include <stdio.h>

#include "core/sigap-demo.h"
#include "report/sigap-report.h"
#include "sigap-test-util.h"

#define TARGET_DEMO_MS  1000.0
#define TARGET_DEMO_MB     1.0
#define TARGET_3M_MS    2000.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gboolean
bench (const char *label,
       const char *db,
       guint       n_runs,
       double      target_ms,
       double      target_mb)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-bench-report-XXXXXX", &error);
  g_autofree char *output = NULL;
  g_autoptr(SigapReportOptions) options = sigap_report_options_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  SigapReportInfo info = { 0 };
  double first = 0, worst = 0, median, size_mb;
  gboolean ok;

  g_assert_no_error (error);
  output = g_build_filename (dir, "briefing.pdf", NULL);
  options->db_path = g_strdup (db);
  options->output_path = g_strdup (output);

  for (guint i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!sigap_report_write_full (options, &info, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      worst = MAX (worst, ms);
      if (i == 0)
        first = ms;
    }

  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  size_mb = info.size / 1e6;

  ok = worst <= target_ms && (target_mb <= 0 || size_mb <= target_mb);
  printf ("report %-5s first %.0f ms, median %.0f ms, worst %.0f ms (target %.0f ms); "
          "%u pages, %.3f MB%s: %s\n",
          label, first, median, worst, target_ms,
          info.n_pages, size_mb, target_mb > 0 ? " (target 1 MB)" : "", ok ? "ok" : "MISSED");
  fflush (stdout);

  g_unlink (output);
  g_rmdir (dir);

  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *demo_arg = NULL;
  g_autofree char *db_3m_arg = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *db_3m = NULL;
  int n_runs = 5;
  gboolean skip_3m = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_FILENAME, &demo_arg, "The demo database", "FILE" },
    { "db-3m", 0, 0, G_OPTION_ARG_FILENAME, &db_3m_arg, "A 3,000,000-participant database",
      "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Briefings per database (5)", "N" },
    { "skip-3m", 0, 0, G_OPTION_ARG_NONE, &skip_3m, "Only the demo database", NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean ok = TRUE;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("SOURCE_DATE_EPOCH");

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  n_runs = MAX (n_runs, 1);

  if (db_3m_arg == NULL && g_getenv ("SIGAP_BENCH_DB_3M") != NULL)
    db_3m_arg = g_strdup (g_getenv ("SIGAP_BENCH_DB_3M"));

  demo = sigap_test_ensure_bench_db (demo_arg, "bench-report-demo.sigap", NULL, 0);
  ok &= bench ("demo", demo, (guint) n_runs, TARGET_DEMO_MS, TARGET_DEMO_MB);

  if (!skip_3m)
    {
      db_3m = sigap_test_ensure_bench_db (db_3m_arg, "bench-report-3m.sigap",
                                          "bench-window-3m.sigap", SIGAP_DEMO_MAX_PARTICIPANTS);
      ok &= bench ("3m", db_3m, (guint) n_runs, TARGET_3M_MS, 0);
    }

  return ok ? 0 : 1;
}
