/* test-cli-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap summary` output that keeps its context (issue 13): the monthly series against plain
 * SQL, the context columns of every CSV, percentages to two decimals in JSON, the warning for
 * an as-of date after the data cut-off, and the scope as BPS code or name.
 */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "sigap-test-util.h"

static char *demo_dir;
static char *demo_path;

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
sql_count (const char *sql,
           const char *date)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The series the charts draw, month by month, against a count of the participants. */
static void
test_month_series (void)
{
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *rows;
  guint n;

  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--by", "month", "--format", "json",
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  root = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "by"), ==, "month");
  g_assert_cmpstr (json_object_get_string_member (root, "data_cutoff"), ==, "2026-10-31");
  rows = json_object_get_array_member (root, "rows");
  n = json_array_get_length (rows);
  g_assert_cmpuint (n, ==, 24);

  /* Oldest first, the last month as of the cut-off. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                  "month"), ==, "2024-11");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, n - 1),
                                                  "date"), ==, "2026-10-31");

  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *date = json_object_get_string_member (row, "date");
      gint64 registered = sql_count ("SELECT count (*) FROM participant p "
                                     "JOIN sector s ON s.id = p.sector_id "
                                     "WHERE s.segment = 'rentan' AND p.registered_on <= ?1",
                                     date);
      gint64 active = sql_count ("SELECT count (*) FROM participant p "
                                 "JOIN sector s ON s.id = p.sector_id "
                                 "WHERE s.segment = 'rentan' AND p.registered_on <= ?1 "
                                 "AND (p.ended_on IS NULL OR p.ended_on > ?1)",
                                 date);

      g_assert_cmpint (json_object_get_int_member (row, "registered"), ==, registered);
      g_assert_cmpint (json_object_get_int_member (row, "active"), ==, active);
    }

  /* The text table has a header and one line a month. */
  sigap_test_run_clear (&run);
  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--by", "month", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_assert_nonnull (strstr (run.out, "October 2026"));
}

/* Every CSV row starts with as_of, segment, scope and data_cutoff. */
static void
test_csv_context (void)
{
  const char *bys[] = { NULL, "kelurahan", "sector", "desil", "month" };

  for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
    {
      g_auto(SigapTestRun) run = { 0 };
      g_auto(GStrv) lines = NULL;

      if (bys[b] != NULL)
        sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "csv",
                              "--segment", "all", "--scope", "3275070", "--as-of", "2026-06-30",
                              "--by", bys[b], NULL);
      else
        sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "csv",
                              "--segment", "all", "--scope", "3275070", "--as-of", "2026-06-30",
                              NULL);
      g_assert_true (sigap_test_run_succeeded (&run));
      lines = g_strsplit (run.out, "\r\n", -1);
      g_assert_true (g_str_has_prefix (lines[0], "as_of,segment,scope,data_cutoff,"));
      g_assert_cmpuint (g_strv_length (lines), >, 2);
      for (guint i = 1; lines[i + 1] != NULL; i++)
        g_assert_true (g_str_has_prefix (lines[i], "2026-06-30,all,32.75.03,2026-10-31,"));
    }
}

/* No 99.650000000000006: every fractional number in the JSON has at most two decimals. */
static void
test_json_rounding (void)
{
  const char *bys[] = { "kecamatan", "kelurahan", "sector", "desil", "month" };

  for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
    {
      g_auto(SigapTestRun) run = { 0 };

      sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "json",
                            "--by", bys[b], NULL);
      g_assert_true (sigap_test_run_succeeded (&run));
      g_assert_false (g_regex_match_simple (": -?[0-9]+\\.[0-9]{3,}", run.out, 0, 0));
      /* Desil rows have no target, so no coverage. */
      if (b != 3)
        g_assert_true (g_regex_match_simple ("\"coverage_pct\" : [0-9]+\\.[0-9]{1,2}\\b",
                                             run.out, 0, 0));
    }
}

static void
test_after_cutoff_warning (void)
{
  g_auto(SigapTestRun) before = { 0 };
  g_auto(SigapTestRun) after = { 0 };
  g_autoptr(JsonObject) root = NULL;

  sigap_test_run_sigap (&before, "summary", "--db", demo_path, "--as-of", "2026-10-31",
                        "--format", "json", NULL);
  g_assert_true (sigap_test_run_succeeded (&before));
  g_assert_cmpstr (before.err, ==, "");

  sigap_test_run_sigap (&after, "summary", "--db", demo_path, "--as-of", "2026-12-31",
                        "--format", "json", NULL);
  g_assert_true (sigap_test_run_succeeded (&after));
  g_assert_nonnull (strstr (after.err, "warning"));
  g_assert_nonnull (strstr (after.err, "2026-10-31"));
  /* stdout stays clean JSON. */
  root = parse_object (after.out);
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-12-31");
}

static void
test_scope_forms (void)
{
  const struct { const char *given; const char *code; } forms[] = {
    { "32.75.03", "32.75.03" },
    { "3275", "32.75" },
    { "3275070", "32.75.03" },
    { "3275030", "32.75.07" },
    { "Bekasi Utara", "32.75.03" },
    { "kecamatan bekasi-utara", "32.75.03" },
    { "Kota Bekasi", "32.75" },
    { "Kel. Kaliabang Tengah", "32.75.03.1001" },
  };
  g_auto(SigapTestRun) typo = { 0 };
  g_auto(SigapTestRun) bps = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(SigapTestRun) run = { 0 };
      g_autoptr(JsonObject) root = NULL;

      sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--scope", forms[i].given,
                            "--format", "json", NULL);
      g_assert_true (sigap_test_run_succeeded (&run));
      root = parse_object (run.out);
      g_assert_cmpstr (json_object_get_string_member (root, "scope"), ==, forms[i].code);
    }

  sigap_test_run_sigap (&typo, "summary", "--db", demo_path, "--scope", "Bekasi Utra", NULL);
  sigap_test_run_assert_fails_with (&typo, "did you mean Bekasi Utara (32.75.03)");
  sigap_test_run_sigap (&bps, "summary", "--db", demo_path, "--scope", "3275999", NULL);
  sigap_test_run_assert_fails_with (&bps, "3275999");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = sigap_test_make_tmp_dir ("sigap-cli-context-XXXXXX", FALSE);
  demo_path = sigap_test_make_demo_db (demo_dir, 0);

  g_test_add_func ("/sigap/cli/context/month-series", test_month_series);
  g_test_add_func ("/sigap/cli/context/csv-columns", test_csv_context);
  g_test_add_func ("/sigap/cli/context/json-rounding", test_json_rounding);
  g_test_add_func ("/sigap/cli/context/after-cutoff", test_after_cutoff_warning);
  g_test_add_func ("/sigap/cli/context/scope-forms", test_scope_forms);

  status = g_test_run ();

  sigap_test_remove_tree (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
