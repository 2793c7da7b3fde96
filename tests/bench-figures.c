/* bench-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The foundation's performance targets, measured: demo generation at N participants, the
 * database's size, and the overview set of figures (summary, four breakdowns and a 24-month
 * series), warm, on month-end and mid-month as-of dates.
 *
 *   bench-figures [--participants N] [--db FILE|URI] [--keep]
 *
 * Without --db the database is generated in a temporary folder and removed afterwards; a
 * server database (a postgresql:// URI) is measured as it is, filled beforehand by sigap demo.
 * Prints one line per measurement; exits non-zero when a target is missed, so that
 * `meson test --benchmark` shows the miss.
 */

#include <glib/gstdio.h>
#include <stdio.h>

#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"

#define TARGET_GENERATE_S   60.0
#define TARGET_OVERVIEW_MS 100.0
#define TARGET_SIZE_MB     600.0
#define RUNS 10

static gboolean
compute_overview (SigapDatabase      *db,
                  const SigapFilter  *filter,
                  GError            **error)
{
  static const SigapBreakdown kinds[] = {
    SIGAP_BREAKDOWN_KECAMATAN, SIGAP_BREAKDOWN_KELURAHAN,
    SIGAP_BREAKDOWN_SECTOR, SIGAP_BREAKDOWN_DESIL,
  };
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(GArray) series = NULL;

  summary = sigap_figures_summary (db, filter, error);
  if (summary == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) rows = sigap_figures_breakdown (db, filter, kinds[i], error);

      if (rows == NULL)
        return FALSE;
    }

  series = sigap_figures_monthly (db, filter, 24, error);
  return series != NULL;
}

/* Median of RUNS warm runs, in milliseconds. */
static double
time_overview (SigapDatabase *db,
               const char    *as_of_iso,
               SigapSegment   segment)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  double times[RUNS];
  GDate as_of;

  g_assert_true (sigap_date_parse_iso (as_of_iso, &as_of));
  filter = sigap_filter_new (&as_of, SIGAP_CITY_CODE, segment);

  if (!compute_overview (db, filter, &error))
    g_error ("%s", error->message);

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!compute_overview (db, filter, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (int i = 1; i < RUNS; i++)
    for (int j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        double swap = times[j];

        times[j] = times[j - 1];
        times[j - 1] = swap;
      }

  return times[RUNS / 2];
}

static double
file_size_mb (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / 1e6 : 0;
}

int
main (int    argc,
      char **argv)
{
  gint64 participants = SIGAP_DEMO_MAX_PARTICIPANTS;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "participants", 0, 0, G_OPTION_ARG_INT64, &participants, "Demo size", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Use (or create) this database", "FILE" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  double month_end_ms, mid_month_ms, all_ms, size_mb;
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  if (db_path == NULL)
    {
      dir = g_dir_make_tmp ("sigap-bench-XXXXXX", &error);
      g_assert_no_error (error);
      db_path = g_build_filename (dir, "bench.sigap", NULL);
    }

  /* A server database is used as it is: fill it first with `sigap demo --db URI`. */
  if (!sigap_database_path_is_server (db_path) && !g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      SigapDemoOptions options;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      sigap_demo_options_init (&options);
      options.participants = participants;
      if (!sigap_demo_generate (db_path, &options, FALSE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      printf ("demo generation, %" G_GINT64_FORMAT " participants: %.1f s (target <= %.0f s)\n",
              participants, seconds, TARGET_GENERATE_S);
      ok &= seconds <= TARGET_GENERATE_S;
    }

  size_mb = file_size_mb (db_path);
  printf ("database file: %.0f MB (target <= %.0f MB)\n", size_mb, TARGET_SIZE_MB);
  ok &= size_mb <= TARGET_SIZE_MB;

  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  month_end_ms = time_overview (db, SIGAP_DEMO_CUTOFF, SIGAP_SEGMENT_RENTAN);
  mid_month_ms = time_overview (db, "2026-10-17", SIGAP_SEGMENT_RENTAN);
  all_ms = time_overview (db, "2026-06-15", SIGAP_SEGMENT_ALL);
  printf ("overview figures (summary + 4 breakdowns + 24 months), warm median of %d:\n", RUNS);
  printf ("  as of %s, rentan: %.1f ms (target <= %.0f ms)\n", SIGAP_DEMO_CUTOFF,
          month_end_ms, TARGET_OVERVIEW_MS);
  printf ("  as of 2026-10-17, rentan: %.1f ms\n", mid_month_ms);
  printf ("  as of 2026-06-15, all segments: %.1f ms\n", all_ms);
  ok &= month_end_ms <= TARGET_OVERVIEW_MS;
  ok &= mid_month_ms <= TARGET_OVERVIEW_MS;
  ok &= all_ms <= TARGET_OVERVIEW_MS;

  g_clear_object (&db);
  if (dir != NULL && !keep)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  printf ("%s\n", ok ? "all targets met" : "TARGET MISSED");
  return ok ? 0 : 1;
}
