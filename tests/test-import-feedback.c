/* test-import-feedback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import feedback an operator can act on (issue 13): `sigap import` lists the data-quality
 * notes with their lines, an unknown sector names the closest ones and every valid one, a
 * kelurahan typed short suggests the one it begins, and the age check works from the NIK
 * when the file has no birth dates.
 */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "sigap-test-util.h"

static char *dir;

static JsonObject *
import_json (const char *name,
             const char *csv,
             char      **out_db)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *db_name = g_strconcat (name, ".sigap", NULL);
  g_autofree char *db = g_build_filename (dir, db_name, NULL);
  g_auto(SigapTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  sigap_test_run_sigap (&run, "import", "participants", "--db", db, path, "--format", "json",
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  /* No whole NIK in what is printed. */
  g_assert_false (g_regex_match_simple ("[0-9]{16}", run.out, 0, 0));

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  if (out_db != NULL)
    *out_db = g_steal_pointer (&db);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *
rejection_reason (JsonObject *root,
                  gint64      line)
{
  JsonArray *rejections = json_object_get_array_member (root, "rejections");

  for (guint i = 0; i < json_array_get_length (rejections); i++)
    {
      JsonObject *rejection = json_array_get_object_element (rejections, i);

      if (json_object_get_int_member (rejection, "line") == line)
        return json_object_get_string_member (rejection, "reason");
    }
  g_assert_not_reached ();
}

static void
test_flagged_lines (void)
{
  g_autoptr(JsonObject) root = import_json ("flags.csv",
    "nik;nama;kelurahan;sektor;tanggal_daftar;desil;no_kpj\n"
    "3275014101900001;Siti;Bekasijaya;Ojek Online;2025-11-05;7;111\n"
    "3275014101900002;Budi;Bekasijaya;Ojek Online;2025-11-05;2;222\n"
    "3275014101900003;Ani;Bekasijaya;Ojek Online;2025-11-05;2;\n", NULL);
  JsonArray *flags = json_object_get_array_member (root, "flags");
  JsonObject *first, *second;

  g_assert_cmpint (json_object_get_int_member (root, "flagged"), ==, 2);
  g_assert_cmpuint (json_array_get_length (flags), ==, 2);
  first = json_array_get_object_element (flags, 0);
  second = json_array_get_object_element (flags, 1);
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "desil");
  g_assert_cmpstr (json_object_get_string_member (first, "detail"), ==, "7");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "reason"), "7"));
  g_assert_cmpstr (json_object_get_string_member (first, "nik"), ==, "3275********0001");
  g_assert_cmpint (json_object_get_int_member (second, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (second, "kind"), ==, "kpj-missing");

  /* The text output lists them too. */
  {
    g_autofree char *path = g_build_filename (dir, "flags-text.csv", NULL);
    g_autofree char *db = g_build_filename (dir, "flags-text.sigap", NULL);
    g_auto(SigapTestRun) run = { 0 };

    g_assert_true (g_file_set_contents (path,
                                        "nik;nama;kelurahan;sektor;tanggal_daftar;desil\n"
                                        "3275014101900001;Siti;Bekasijaya;Ojek Online;"
                                        "2025-11-05;8\n", -1, NULL));
    sigap_test_run_sigap (&run, "import", "participants", "--db", db, path, NULL);
    g_assert_true (sigap_test_run_succeeded (&run));
    g_assert_nonnull (strstr (run.out, "Line 2 (NIK 3275********0001): Desil 8"));
  }

  /* In Indonesian, the counts line up under the longest label ("Tidak berubah"). */
  {
    g_autofree char *path = g_build_filename (dir, "flags-id.csv", NULL);
    g_autofree char *db = g_build_filename (dir, "flags-id.sigap", NULL);
    g_auto(SigapTestRun) run = { 0 };
    g_auto(GStrv) lines = NULL;
    glong end = -1;

    g_assert_true (g_file_set_contents (path,
                                        "nik;nama;kelurahan;sektor;tanggal_daftar;desil\n"
                                        "3275014101900001;Siti;Bekasijaya;Ojek Online;"
                                        "2025-11-05;8\n", -1, NULL));
    g_setenv ("LANGUAGE", "id", TRUE);
    sigap_test_run_sigap (&run, "import", "participants", "--db", db, path, NULL);
    g_unsetenv ("LANGUAGE");
    g_assert_true (sigap_test_run_succeeded (&run));
    g_assert_nonnull (strstr (run.out, "Tidak berubah"));
    g_assert_nonnull (strstr (run.out, "Catatan mutu data:"));
    lines = g_strsplit (run.out, "\n", -1);
    for (guint i = 1; i <= 6; i++)
      {
        glong length = g_utf8_strlen (lines[i], -1);

        g_assert_true (g_ascii_isdigit (lines[i][strlen (lines[i]) - 1]));
        if (end >= 0)
          g_assert_cmpint (length, ==, end);
        end = length;
      }
  }
}

static void
test_suggestions (void)
{
  g_autoptr(JsonObject) root = import_json ("suggest.csv",
    "nik;nama;kelurahan;sektor;tanggal_daftar\n"
    "3275014101900001;Siti;Kaliabang;Ojek Online;2025-11-05\n"
    "3275014101900002;Budi;Bekasijaya;Pedagang;2025-11-05\n"
    "3275014101900003;Ani;Bekasijaya;Xyzzy Qwerty;2025-11-05\n", NULL);
  const char *kelurahan = rejection_reason (root, 2);
  const char *sector = rejection_reason (root, 3);
  const char *unknown = rejection_reason (root, 4);

  /* The kelurahan it begins, not one a letter or two away (Kalibaru). */
  g_assert_nonnull (strstr (kelurahan, "did you mean Kaliabang Tengah"));
  g_assert_null (strstr (kelurahan, "Kalibaru"));

  /* The closest sectors, then every valid one. */
  g_assert_nonnull (strstr (sector, "did you mean Pedagang Kaki Lima, Pedagang Keliling/Pasar"));
  g_assert_nonnull (strstr (sector, "Valid sectors: "));
  g_assert_nonnull (strstr (sector, "Kader Posyandu"));
  g_assert_nonnull (strstr (unknown, "Valid sectors: Ojek Pangkalan"));
}

static void
test_birth_date_from_nik (void)
{
  g_autofree char *db = NULL;
  g_autoptr(JsonObject) root = import_json ("age.csv",
    /* With a desil: a rentan worker without one would be noted too. */
    "nik;nama;kelurahan;sektor;tanggal_daftar;no_kpj;desil\n"
    /* Born 1 January 2015 (day 01), a boy; 10 when registered. */
    "3275010101150001;Anak;Bekasijaya;Ojek Online;2025-11-05;1;2\n"
    /* Born 1 January 1990, a woman (day 41). */
    "3275014101900002;Siti;Bekasijaya;Ojek Online;2025-11-05;2;2\n", &db);
  JsonArray *flags = json_object_get_array_member (root, "flags");
  JsonObject *flag;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpuint (json_array_get_length (flags), ==, 1);
  flag = json_array_get_object_element (flags, 0);
  g_assert_cmpint (json_object_get_int_member (flag, "line"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (flag, "kind"), ==, "age");
  g_assert_cmpstr (json_object_get_string_member (flag, "detail"), ==, "10");

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT sex, birth_date FROM participant "
                                               "ORDER BY nik", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "L");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "2015-01-01");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "P");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "1990-01-01");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  /* A birth date the file gives wins over the NIK's. */
  {
    g_autoptr(JsonObject) given = import_json ("age-given.csv",
      "nik;nama;kelurahan;sektor;tanggal_daftar;no_kpj;tanggal_lahir;desil\n"
      "3275010101150001;Anak;Bekasijaya;Ojek Online;2025-11-05;1;1980-05-05;3\n", NULL);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (given, "flags")),
                      ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = sigap_test_make_tmp_dir ("sigap-import-feedback-XXXXXX", FALSE);

  g_test_add_func ("/sigap/cli/import-feedback/flagged-lines", test_flagged_lines);
  g_test_add_func ("/sigap/cli/import-feedback/suggestions", test_suggestions);
  g_test_add_func ("/sigap/cli/import-feedback/birth-date-from-nik", test_birth_date_from_nik);

  status = g_test_run ();

  sigap_test_remove_tree (dir);
  g_free (dir);
  return status;
}
