/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `sigap` binary (SIGAP_BIN) on a small demo database and compares what it
 * prints with the core figures.
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
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

static SigapDatabase *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  SigapDatabase *db = sigap_database_open (demo_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static void
assert_member_int (JsonObject *object,
                   const char *name,
                   gint64      expected,
                   gboolean    defined)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (!defined)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      return;
    }
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_member_double (JsonObject *object,
                      const char *name,
                      double      expected,
                      gboolean    defined)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (!defined)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      return;
    }
  /* JSON gives percentages to two decimals. */
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), round (expected * 100.0) / 100.0,
                                  1e-9);
}

/* A count straight from the tables, by plain SQL. */
static gint64
query_count (SigapDatabase *db,
             const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return sigap_statement_column_int64 (stmt, 0);
}

static void
test_summary_json (void)
{
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(SigapDatabase) db = open_demo ();
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(SigapSummary) s = NULL;
  GDate cutoff;

  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "json", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  object = parse_object (run.out);

  /* Defaults: the data cut-off, rentan, the whole city. */
  g_assert_true (sigap_database_get_cutoff (db, &cutoff));
  filter = sigap_filter_new (&cutoff, "32.75", SIGAP_SEGMENT_RENTAN);
  s = sigap_figures_summary (db, filter, NULL);
  g_assert_nonnull (s);

  g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, SIGAP_DEMO_CUTOFF);
  g_assert_cmpstr (json_object_get_string_member (object, "segment"), ==, "rentan");
  g_assert_cmpstr (json_object_get_string_member (object, "scope"), ==, "32.75");
  assert_member_int (object, "year", 2026, TRUE);
  assert_member_int (object, "registered", s->registered, TRUE);
  assert_member_int (object, "active", s->active, TRUE);
  assert_member_int (object, "ended", s->ended, TRUE);
  assert_member_int (object, "target", s->target, s->has_target);
  assert_member_double (object, "coverage_pct", s->coverage_pct, s->has_coverage);
  assert_member_int (object, "pagu", s->pagu, s->has_pagu);
  assert_member_int (object, "realised", s->realised, TRUE);
  assert_member_double (object, "absorption_pct", s->absorption_pct, s->has_absorption);
  assert_member_int (object, "remaining", s->remaining, s->has_pagu);
  assert_member_int (object, "premium_monthly", 16800, TRUE);
  assert_member_int (object, "projected_year_end", s->projected_year_end, TRUE);
  assert_member_int (object, "quota", s->quota, s->has_quota);
  assert_member_int (object, "quota_months", 2, TRUE);
  assert_member_int (object, "quota_full_year", s->quota_full_year, s->has_quota);
  /* Issue 13: the data cut-off (the demo's last day) and the months not yet paid for. */
  g_assert_cmpstr (json_object_get_string_member (object, "data_cutoff"), ==, "2026-10-31");
  assert_member_int (object, "months_unpaid", 2, TRUE);
  g_assert_cmpuint (json_object_get_size (object), ==, 21);

  /* The story at 31 October 2026: floor ((pagu − projected) / (16.800 × 2)) for Nov–Dec and
   * floor ((pagu − projected) / (16.800 × 12)) for a full year. */
  g_assert_cmpint (s->quota, ==, (s->pagu - s->projected_year_end) / (16800 * 2));
  g_assert_cmpint (s->quota_full_year, ==, (s->pagu - s->projected_year_end) / (16800 * 12));

  /* The data-quality notes of the filter: rentan participants registered by the as-of date
   * in the whole city, counted straight from the tables. */
  {
    JsonObject *quality = json_object_get_object_member (object, "quality");
    g_autofree char *sql = NULL;

    g_assert_nonnull (quality);
    g_assert_cmpuint (json_object_get_size (quality), ==, 5);
    sql = g_strdup_printf ("SELECT count (*) FROM participant AS p JOIN sector AS s"
                           " ON s.id = p.sector_id WHERE s.segment = 'rentan' AND p.desil >= 6"
                           " AND p.registered_on <= '%s'", SIGAP_DEMO_CUTOFF);
    g_assert_cmpint (json_object_get_int_member (quality, "desil_outside_target"), ==,
                     query_count (db, sql));
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT count (*) FROM participant_flag AS f JOIN participant AS p"
                           " ON p.id = f.participant_id JOIN sector AS s ON s.id = p.sector_id"
                           " WHERE f.kind = 'kpj-missing' AND s.segment = 'rentan'"
                           " AND p.registered_on <= '%s'", SIGAP_DEMO_CUTOFF);
    g_assert_cmpint (json_object_get_int_member (quality, "no_kpj"), ==, query_count (db, sql));
    /* Issue 13: a rentan worker without a desil; the demo has a few. */
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT count (*) FROM participant AS p JOIN sector AS s"
                           " ON s.id = p.sector_id WHERE s.segment = 'rentan' AND p.desil IS NULL"
                           " AND p.registered_on <= '%s'", SIGAP_DEMO_CUTOFF);
    g_assert_cmpint (query_count (db, sql), >, 0);
    g_assert_cmpint (json_object_get_int_member (quality, "desil_missing"), ==,
                     query_count (db, sql));
    g_assert_true (json_object_has_member (quality, "nik_outside_city"));
    g_assert_true (json_object_has_member (quality, "age_outside_15_65"));
  }

  /* The demo story: a 2026 target of 10.000 and a Rp2 miliar pagu. */
  g_assert_cmpint (s->target, ==, 10000);
  g_assert_cmpint (s->pagu, ==, 2000000000);
}

static void
test_summary_options (void)
{
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonObject) object = NULL;

  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "json",
                        "--as-of", "2025-12-31", "--segment", "all", "--scope", "32.75.03", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  object = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, "2025-12-31");
  g_assert_cmpstr (json_object_get_string_member (object, "segment"), ==, "all");
  g_assert_cmpstr (json_object_get_string_member (object, "scope"), ==, "32.75.03");
  assert_member_int (object, "year", 2025, TRUE);
}

static void
test_breakdown_json (void)
{
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(SigapDatabase) db = open_demo ();
  JsonArray *rows;
  gint64 active = 0;
  GDate cutoff;

  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "json",
                        "--by", "kecamatan", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  object = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "by"), ==, "kecamatan");
  rows = json_object_get_array_member (object, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 12);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    active += json_object_get_int_member (json_array_get_object_element (rows, i), "active");

  /* The kecamatan add up to the city. */
  g_assert_true (sigap_database_get_cutoff (db, &cutoff));
  {
    g_autoptr(SigapFilter) filter = sigap_filter_new (&cutoff, "32.75", SIGAP_SEGMENT_RENTAN);
    g_autoptr(SigapSummary) s = sigap_figures_summary (db, filter, NULL);

    g_assert_cmpint (active, ==, s->active);
  }

  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  sigap_test_run_sigap (&run, "summary", "--db", demo_path, "--format", "json", "--by", "kelurahan",
                        "--scope", "32.75.01", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_clear_pointer (&object, json_object_unref);
  object = parse_object (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "rows")), ==, 4);
}

static void
test_csv_and_text (void)
{
  g_auto(SigapTestRun) csv = { 0 };
  g_auto(SigapTestRun) text = { 0 };
  g_auto(GStrv) lines = NULL;

  sigap_test_run_sigap (&csv, "summary", "--db", demo_path, "--format", "csv",
                        "--by", "sector", NULL);
  g_assert_true (sigap_test_run_succeeded (&csv));
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "as_of,segment,scope,data_cutoff,code,name,registered"));
  /* Header, 16 rentan sectors, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 18);

  /* Figures stay plain numbers, never quoted or defused like text from outside. */
  g_clear_pointer (&lines, g_strfreev);
  sigap_test_run_clear (&csv);
  sigap_test_run_sigap (&csv, "summary", "--db", demo_path, "--format", "csv", NULL);
  g_assert_true (sigap_test_run_succeeded (&csv));
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_regex_match_simple ("^[0-9-]{10},rentan,32\\.75,[0-9-]{10},2026,[0-9]+,[0-9]+,[0-9]+,"
                                       "[0-9]+,[0-9.]+,[0-9]+,[0-9]+,[0-9.]+,-?[0-9]+,[0-9]+,"
                                       "[0-9]+,[0-9]*,[0-9]*,[0-9]*(,[0-9]+){5}$",
                                       lines[1], 0, 0));

  sigap_test_run_sigap (&text, "summary", "--db", demo_path, NULL);
  g_assert_true (sigap_test_run_succeeded (&text));
  g_assert_nonnull (strstr (text.out, "Kota Bekasi"));
}

/* An uninstalled build speaks the language LANGUAGE asks for, words and figures alike, also
 * when the message locale is plain "C" (a shell without LANG). */
static void
test_language (void)
{
  const char *locales[] = { "C.UTF-8", "C" };

  for (gsize i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_auto(SigapTestRun) id = { 0 };
      g_auto(SigapTestRun) en = { 0 };
      g_autofree char *old_all = g_strdup (g_getenv ("LC_ALL"));

      g_setenv ("LC_ALL", locales[i], TRUE);
      g_setenv ("LANGUAGE", "id", TRUE);
      sigap_test_run_sigap (&id, "summary", "--db", demo_path, NULL);
      g_unsetenv ("LANGUAGE");
      sigap_test_run_sigap (&en, "summary", "--db", demo_path, NULL);
      if (old_all != NULL)
        g_setenv ("LC_ALL", old_all, TRUE);
      else
        g_unsetenv ("LC_ALL");

      g_assert_true (sigap_test_run_succeeded (&id));
      g_assert_nonnull (strstr (id.out, "Peserta"));
      g_assert_nonnull (strstr (id.out, "posisi per"));
      g_assert_null (strstr (id.out, "as of"));
      g_assert_true (sigap_test_run_succeeded (&en));
      g_assert_nonnull (strstr (en.out, "as of"));
      g_assert_null (strstr (en.out, "Peserta"));
    }
}

static void
test_errors (void)
{
  g_autofree char *missing = g_build_filename (demo_dir, "missing.sigap", NULL);
  g_auto(SigapTestRun) a = { 0 };
  g_auto(SigapTestRun) b = { 0 };
  g_auto(SigapTestRun) c = { 0 };
  g_auto(SigapTestRun) d = { 0 };
  g_auto(SigapTestRun) e = { 0 };
  g_auto(SigapTestRun) f = { 0 };

  sigap_test_run_sigap (&a, "summary", "--db", demo_path, "--frobnicate", NULL);
  sigap_test_run_assert_fails_with (&a, "frobnicate");
  sigap_test_run_sigap (&b, "summary", "--db", demo_path, "--as-of", "2026-02-30", NULL);
  sigap_test_run_assert_fails_with (&b, "2026-02-30");
  sigap_test_run_sigap (&c, "summary", "--db", demo_path, "--scope", "32.76", NULL);
  sigap_test_run_assert_fails_with (&c, "32.76");
  sigap_test_run_sigap (&d, "summary", "--db", missing, NULL);
  sigap_test_run_assert_fails_with (&d, "missing.sigap");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  sigap_test_run_sigap (&e, "summary", NULL);
  sigap_test_run_assert_fails_with (&e, "--db");
  sigap_test_run_sigap (&f, "summary", "--db", demo_path, "--segment", "asn", NULL);
  sigap_test_run_assert_fails_with (&f, "asn");
}

/* Issue 14: payments written into the database directly that sum past INT64_MAX make
 * `summary` fail with one line, not print a negative realisation. */
static void
test_money_overflow (void)
{
  g_autofree char *dir = sigap_test_make_tmp_dir ("sigap-cli-overflow-XXXXXX", FALSE);
  g_autofree char *path = sigap_test_make_demo_db (dir, 300);
  g_auto(SigapTestRun) run = { 0 };
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                                 "FROM i WHERE n < 10000) "
                                 "INSERT INTO payment (paid_on, sp2d_number, segment, "
                                 "funding_source, period_start, period_end, participants, "
                                 "amount) "
                                 "SELECT (SELECT max (paid_on) FROM payment), 'X-' || n, "
                                 "'rentan', 'APBD', '2020-01-01', '2020-01-31', 1, "
                                 "999999999999999 FROM i",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);

  sigap_test_run_sigap (&run, "summary", "--db", path, "--format", "csv", NULL);
  sigap_test_run_assert_fails_with (&run, "add up to more than can be counted");
  sigap_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = sigap_test_make_tmp_dir ("sigap-cli-XXXXXX", FALSE);
  demo_path = sigap_test_make_demo_db (demo_dir, 0);

  g_test_add_func ("/sigap/cli/summary/json", test_summary_json);
  g_test_add_func ("/sigap/cli/summary/options", test_summary_options);
  g_test_add_func ("/sigap/cli/summary/breakdown", test_breakdown_json);
  g_test_add_func ("/sigap/cli/summary/csv-text", test_csv_and_text);
  g_test_add_func ("/sigap/cli/errors", test_errors);
  g_test_add_func ("/sigap/cli/language", test_language);
  g_test_add_func ("/sigap/cli/summary/money-overflow", test_money_overflow);

  status = g_test_run ();

  sigap_test_remove_tree (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
