/* test-participants-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap participants` (issue 13): the participant list of a filter for operators, NIKs
 * masked unless --full-nik, which the database then records; the file private (0600).
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "sigap-test-util.h"

static char *dir;
static char *demo_path;

static gint64
sql_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
sql_text (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Participants of Bekasi Utara's rentan sectors registered by 30 June 2026. */
#define EXPECTED_SQL \
  "SELECT count (*) FROM participant p JOIN region r ON r.id = p.kelurahan_id " \
  "JOIN sector s ON s.id = p.sector_id WHERE r.code LIKE '32.75.03.%' " \
  "AND s.segment = 'rentan' AND p.registered_on <= '2026-06-30'"

static void
test_masked (void)
{
  g_autofree char *path = g_build_filename (dir, "peserta.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *records = NULL;
  g_auto(SigapTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  sigap_test_run_sigap (&run, "participants", "--db", demo_path, "--output", path,
                        "--scope", "Bekasi Utara", "--as-of", "2026-06-30", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_false (g_regex_match_simple ("[0-9]{16}", contents, 0, 0));
  g_assert_true (g_regex_match_simple ("\\n2026-06-30,rentan,32\\.75\\.03,3275\\*{8}[0-9]{4},",
                                       contents, G_REGEX_MULTILINE, 0));

  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "as_of,segment,scope,nik,name,"));
  /* Header, one line a participant, and the empty string after the last CRLF. */
  g_assert_cmpint (g_strv_length (lines) - 2, ==, sql_int (EXPECTED_SQL));

  /* A masked list is not recorded. */
  records = sql_text ("SELECT value FROM sigap_meta WHERE key = 'full_nik_exports'");
  g_assert_null (records);
}

static void
test_full_nik (void)
{
  g_autofree char *path = g_build_filename (dir, "peserta-lengkap.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *records = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(SigapTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  JsonArray *array;
  JsonObject *record;
  GStatBuf st;

  sigap_test_run_sigap (&run, "participants", "--db", demo_path, "--output", path,
                        "--scope", "3275070", "--as-of", "2026-06-30", "--full-nik", NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap participants --full-nik failed: %s", run.err);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_regex_match_simple ("^2026-06-30,rentan,32\\.75\\.03,[0-9]{16},", lines[1],
                                       0, 0));

  /* Who, when, how many. */
  records = sql_text ("SELECT value FROM sigap_meta WHERE key = 'full_nik_exports'");
  g_assert_nonnull (records);
  g_assert_true (json_parser_load_from_data (parser, records, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  record = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "user"), ==, g_get_user_name ());
  g_assert_cmpint (json_object_get_int_member (record, "rows"), ==, sql_int (EXPECTED_SQL));
  g_assert_cmpint (json_object_get_int_member (record, "rows"), ==, g_strv_length (lines) - 2);
  g_assert_cmpstr (json_object_get_string_member (record, "scope"), ==, "32.75.03");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (record, "written_at"), "20"));
  g_assert_nonnull (strstr (json_object_get_string_member (record, "file"),
                            "peserta-lengkap.csv"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = sigap_test_make_tmp_dir ("sigap-participants-cli-XXXXXX", FALSE);
  demo_path = sigap_test_make_demo_db (dir, 3000);

  g_test_add_func ("/sigap/cli/participants/masked", test_masked);
  g_test_add_func ("/sigap/cli/participants/full-nik", test_full_nik);

  status = g_test_run ();

  sigap_test_remove_tree (dir);
  g_free (demo_path);
  g_free (dir);
  return status;
}
