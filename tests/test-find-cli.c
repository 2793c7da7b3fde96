/* test-find-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `sigap find` (SIGAP_BIN) on a database filled by `sigap import` from a CSV
 * the test writes: an active, an ended, a never-imported and a rejected person, NIKs typed
 * the ways people type them, and no full NIK anywhere in the output.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sigap-test-util.h"

static char *dir;
static char *db;

/* Line 2 active, line 3 ended on 2026-03-31, line 4 rejected (no such kelurahan). */
static const char participants_csv[] =
  "nik;nama;kelurahan;sektor;tanggal_daftar;desil;no_kpj;tanggal_berhenti;alasan_berhenti\n"
  "3275014101900001;Siti Aminah;Bekasijaya;Ojek Online;2025-11-05;7;;;\n"
  "3275010101850002;Budi;Margahayu;PKL;2025-11-05;2;12345678901;2026-03-31;Pindah domisili\n"
  "3275014101900003;Ani;Kelurahan Entah;ojol;2025-11-05;2;12345678902;;\n";

static JsonObject *
find_json (const char *nik,
           const char *as_of)
{
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (as_of != NULL)
    sigap_test_run_sigap (&run, "find", "--db", db, "--nik", nik, "--as-of", as_of,
                          "--format", "json", NULL);
  else
    sigap_test_run_sigap (&run, "find", "--db", db, "--nik", nik, "--format", "json", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_assert_cmpstr (run.err, ==, "");
  /* The whole NIK never leaves the database. */
  g_assert_null (strstr (run.out, "32750141019000"));
  g_assert_null (strstr (run.out, "3275010101850002"));

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_active (void)
{
  /* Typed with spaces and Excel's text apostrophe. */
  g_autoptr(JsonObject) card = find_json ("'3275 0141 0190 0001", "2026-01-15");
  JsonArray *flags;
  gboolean desil = FALSE, kpj = FALSE;

  g_assert_true (json_object_get_boolean_member (card, "found"));
  g_assert_cmpstr (json_object_get_string_member (card, "nik"), ==, "3275********0001");
  g_assert_cmpstr (json_object_get_string_member (card, "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (card, "registered_on"), ==, "2025-11-05");
  g_assert_true (json_object_get_null_member (card, "ended_on"));
  g_assert_true (json_object_get_null_member (card, "end_reason"));
  g_assert_cmpstr (json_object_get_string_member (card, "kelurahan"), ==, "Bekasijaya");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (card, "kelurahan_code"),
                                   "32.75.01."));
  g_assert_cmpstr (json_object_get_string_member (card, "kecamatan"), ==, "Bekasi Timur");
  g_assert_cmpstr (json_object_get_string_member (card, "segment"), ==, "rentan");
  g_assert_nonnull (json_object_get_string_member (card, "sector"));

  /* Desil 7 and no KPJ number: both notes. */
  flags = json_object_get_array_member (card, "flags");
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonObject *flag = json_array_get_object_element (flags, i);
      const char *kind = json_object_get_string_member (flag, "kind");

      desil |= g_strcmp0 (kind, "desil") == 0;
      kpj |= g_strcmp0 (kind, "kpj-missing") == 0;
    }
  g_assert_true (desil);
  g_assert_true (kpj);
}

static void
test_ended (void)
{
  g_autoptr(JsonObject) before = find_json ("32.75.01-010185-0002", "2026-03-30");
  g_autoptr(JsonObject) after = find_json ("3275010101850002", "2026-03-31");
  g_autoptr(JsonObject) early = find_json ("3275010101850002", "2025-11-04");

  /* Active up to the day before the end, ended from that day (ended_on > D means active). */
  g_assert_cmpstr (json_object_get_string_member (before, "status"), ==, "active");
  g_assert_true (json_object_get_null_member (before, "ended_on"));
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "ended");
  g_assert_cmpstr (json_object_get_string_member (after, "ended_on"), ==, "2026-03-31");
  g_assert_cmpstr (json_object_get_string_member (after, "end_reason"), ==, "Pindah domisili");
  g_assert_cmpstr (json_object_get_string_member (early, "status"), ==, "not_yet_registered");
}

static void
test_not_found (void)
{
  g_autoptr(JsonObject) never = find_json ("3275014101900009", NULL);
  g_autoptr(JsonObject) rejected = find_json ("3275014101900003", NULL);
  JsonArray *lines;

  g_assert_false (json_object_get_boolean_member (never, "found"));
  g_assert_cmpstr (json_object_get_string_member (never, "nik"), ==, "3275********0009");
  g_assert_false (json_object_has_member (never, "status"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (never, "rejected_lines")),
                    ==, 0);

  /* Sent but refused: not found, and the line that was refused says why. */
  g_assert_false (json_object_get_boolean_member (rejected, "found"));
  lines = json_object_get_array_member (rejected, "rejected_lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 0), "line"),
                   ==, 4);
}

static void
test_text_and_errors (void)
{
  g_auto(SigapTestRun) run = { 0 };
  g_auto(SigapTestRun) missing = { 0 };
  g_auto(SigapTestRun) excel = { 0 };
  g_auto(SigapTestRun) absent = { 0 };

  sigap_test_run_sigap (&run, "find", "--db", db, "--nik", "3275010101850002",
                        "--as-of", "2026-06-30", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_assert_nonnull (strstr (run.out, "3275********0002"));
  g_assert_nonnull (strstr (run.out, "ended"));
  g_assert_nonnull (strstr (run.out, "Pindah domisili"));
  g_assert_null (strstr (run.out, "3275010101850002"));

  sigap_test_run_sigap (&absent, "find", "--db", db, "--nik", "3275014101900009", NULL);
  g_assert_true (sigap_test_run_succeeded (&absent));
  g_assert_nonnull (strstr (absent.out, "not in the participant lists"));

  sigap_test_run_sigap (&missing, "find", "--db", db, NULL);
  sigap_test_run_assert_fails_with (&missing, "--nik");
  sigap_test_run_sigap (&excel, "find", "--db", db, "--nik", "3,27501E+15", NULL);
  sigap_test_run_assert_fails_with (&excel, "Excel");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *csv = NULL;
  g_auto(SigapTestRun) import = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = sigap_test_make_tmp_dir ("sigap-find-cli-XXXXXX", FALSE);
  db = g_build_filename (dir, "data.sigap", NULL);
  csv = g_build_filename (dir, "peserta.csv", NULL);
  g_assert_true (g_file_set_contents (csv, participants_csv, -1, NULL));
  sigap_test_run_sigap (&import, "import", "participants", "--db", db, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&import));

  g_test_add_func ("/sigap/cli/find/active", test_active);
  g_test_add_func ("/sigap/cli/find/ended", test_ended);
  g_test_add_func ("/sigap/cli/find/not-found", test_not_found);
  g_test_add_func ("/sigap/cli/find/text-errors", test_text_and_errors);

  status = g_test_run ();

  sigap_test_remove_tree (dir);
  g_free (db);
  g_free (dir);
  return status;
}
