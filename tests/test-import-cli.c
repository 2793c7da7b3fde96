/* test-import-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `sigap import` (SIGAP_BIN) on CSV files the tests write: the JSON it prints,
 * its text summary, the rejected-lines file, dry runs, and the exit status and one-line
 * message when a file cannot be imported at all.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-import-log.h"
#include "sigap-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-import-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "data.sigap", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sigap_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

static const char participants_csv[] =
  "nik;nama;kelurahan;sektor;tanggal_daftar;desil;catatan\n"
  "3275014101900001;Siti Aminah;Bekasijaya;Ojek Online;2025-11-05;7;\n"
  "3275010101850002;Budi;Margahayu;PKL;05/11/2025;2;\n"
  "3275014101900003;Ani;Bekasijya;ojol;2025-11-05;;\n"
  "3275014101900004;Joko;Bekasijaya;ojol;2025-11-05;;x;extra\n";

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const members[] = {
    "kind", "file", "read", "added", "updated", "unchanged", "rejected", "flagged",
    "batch", "imported_by", "imported_at", "rejections", "flags",
  };
  g_autofree char *csv = write_csv (fixture, "peserta.csv", participants_csv);
  g_autofree char *rejects = g_build_filename (fixture->dir, "ditolak.csv", NULL);
  g_autofree char *rejects_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) names = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SigapTestRun) run = { 0 };
  JsonObject *root, *rejection;
  JsonArray *rejections;
  GList *l;
  guint i;

  sigap_test_run_sigap (&run, "import", "participants", "--db", fixture->db, csv,
                        "--format", "json", "--rejects", rejects, NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* Exactly the documented members, in the documented order. */
  names = json_object_get_members (root);
  for (l = names, i = 0; l != NULL; l = l->next, i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (members));
      g_assert_cmpstr (l->data, ==, members[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (members));

  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "participants");
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, csv);
  g_assert_cmpint (json_object_get_int_member (root, "read"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "unchanged"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "rejected"), ==, 2);
  /* Both accepted lines lack a KPJ number; Siti's desil is 7 too. */
  g_assert_cmpint (json_object_get_int_member (root, "flagged"), ==, 2);

  /* Who imported it and when: the user running sigap, as the batch row keeps it. */
  g_assert_cmpint (json_object_get_int_member (root, "batch"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "imported_by"), ==, g_get_user_name ());
  {
    g_autoptr(SigapDatabase) db = sigap_database_open (fixture->db,
                                                       SIGAP_DATABASE_OPEN_READ_ONLY, &error);
    g_autoptr(SigapStatement) stmt = NULL;
    g_autoptr(GPtrArray) batches = NULL;

    g_assert_no_error (error);
    stmt = sigap_database_prepare (db, "SELECT imported_by, imported_at FROM import_batch "
                                   "WHERE id = 1", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
    g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, g_get_user_name ());
    g_assert_cmpstr (sigap_statement_column_text (stmt, 1), ==,
                     json_object_get_string_member (root, "imported_at"));
    g_assert_true (g_str_has_suffix (sigap_statement_column_text (stmt, 1), "Z"));

    /* The Data page's listing carries it. */
    batches = sigap_import_list_batches (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (batches->len, ==, 1);
    g_assert_cmpstr (((SigapImportBatch *) g_ptr_array_index (batches, 0))->imported_by, ==,
                     g_get_user_name ());
  }

  rejections = json_object_get_array_member (root, "rejections");
  g_assert_cmpuint (json_array_get_length (rejections), ==, 2);
  rejection = json_array_get_object_element (rejections, 0);
  g_assert_cmpuint (json_object_get_size (rejection), ==, 3);
  g_assert_cmpint (json_object_get_int_member (rejection, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (rejection, "column"), ==, "kelurahan");
  g_assert_nonnull (strstr (json_object_get_string_member (rejection, "reason"),
                            "did you mean Bekasijaya"));
  rejection = json_array_get_object_element (rejections, 1);
  g_assert_cmpint (json_object_get_int_member (rejection, "line"), ==, 5);
  g_assert_true (json_object_get_null_member (rejection, "column"));

  g_assert_true (g_file_get_contents (rejects, &rejects_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (rejects_text,
                                   "\xEF\xBB\xBF" "baris;alasan_ditolak;nik;nama;kelurahan;"
                                   "sektor;tanggal_daftar;desil;catatan\r\n4;"));
  g_assert_nonnull (strstr (rejects_text,
                            "\r\n5;\"The line has 8 values but the header has 7 columns: is "
                            "there an unquoted separator (“;”) inside a value?\";"
                            "3275014101900004;Joko;Bekasijaya;ojol;2025-11-05;;x;extra\r\n"));
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "peserta.csv", participants_csv);
  g_auto(SigapTestRun) first = { 0 };
  g_auto(SigapTestRun) second = { 0 };
  g_autofree char *by = NULL;

  sigap_test_run_sigap (&first, "import", "participants", csv, "--db", fixture->db, NULL);
  g_assert_true (sigap_test_run_succeeded (&first));
  g_assert_nonnull (strstr (first.out, "“peserta.csv” (participants): UTF-8, separator "
                                       "semicolon"));
  g_assert_nonnull (strstr (first.out, "Ignored columns: catatan"));
  g_assert_nonnull (strstr (first.out, "  Line 4, kelurahan: Unknown kelurahan"));
  g_assert_nonnull (strstr (first.out, "  Line 5: The line has 8 values"));
  g_assert_nonnull (strstr (first.out, "Saved as import 1."));
  by = g_strdup_printf ("Imported by %s at 20", g_get_user_name ());
  g_assert_nonnull (strstr (first.out, by));
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  /* The same file again changes nothing, and says so. */
  sigap_test_run_sigap (&second, "import", "participants", "--db", fixture->db, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&second));
  g_assert_nonnull (strstr (second.out, "already imported (import 1); nothing changed"));
  g_assert_nonnull (strstr (second.out, by));
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = write_csv (fixture, "peserta.csv", participants_csv);
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "import", "participants", "--dry-run", "--db", fixture->db, csv,
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was saved."));
  /* Checked against the reference data, without creating the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_file_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *no_sector = write_csv (fixture, "tanpa-sektor.csv",
                                          "nik,nama,kelurahan,tanggal_daftar\n"
                                          "3275014101900001,Siti,Bekasijaya,2025-11-05\n");
  g_autofree char *empty = write_csv (fixture, "kosong.csv", "");
  g_autofree char *missing = g_build_filename (fixture->dir, "tidak-ada.csv", NULL);
  g_auto(SigapTestRun) run1 = { 0 };
  g_auto(SigapTestRun) run2 = { 0 };
  g_auto(SigapTestRun) run3 = { 0 };
  g_auto(SigapTestRun) run4 = { 0 };
  g_auto(SigapTestRun) run5 = { 0 };
  g_auto(SigapTestRun) run6 = { 0 };

  sigap_test_run_sigap (&run1, "import", "participants", "--db", fixture->db, no_sector, NULL);
  sigap_test_run_assert_fails_with (&run1, "Required column “sektor” is missing");
  /* No new, empty database is left behind. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  sigap_test_run_sigap (&run2, "import", "participants", "--db", fixture->db, empty,
                        "--format", "json", NULL);
  sigap_test_run_assert_fails_with (&run2, "no header line");

  sigap_test_run_sigap (&run3, "import", "participants", "--db", fixture->db, missing, NULL);
  sigap_test_run_assert_fails_with (&run3, "cannot read");
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  sigap_test_run_sigap (&run4, "import", "peserta", "--db", fixture->db, missing, NULL);
  sigap_test_run_assert_fails_with (&run4, "unknown kind “peserta”");

  sigap_test_run_sigap (&run5, "import", "targets", no_sector, NULL);
  sigap_test_run_assert_fails_with (&run5, "missing --db");

  sigap_test_run_sigap (&run6, "import", "budget", "--db", fixture->db, no_sector,
                        "--format", "xml", NULL);
  sigap_test_run_assert_fails_with (&run6, "unknown format “xml”");
}

static void
test_other_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *targets = write_csv (fixture, "sasaran.csv",
                                        "tahun,segmen,kode_wilayah,sasaran\n"
                                        "2026,rentan,32.75,10000\n");
  g_autofree char *budget = write_csv (fixture, "pagu.csv",
                                       "tahun,segmen,sumber_dana,pagu\n"
                                       "2026,rentan,APBD,Rp2.000.000.000\n");
  g_autofree char *payments = write_csv (fixture, "sp2d.csv",
                                         "tanggal_bayar,nomor_sp2d,segmen,sumber_dana,"
                                         "periode_awal,periode_akhir,jumlah_peserta,nilai\n"
                                         "2025-12-15,0001/SP2D/2025,rentan,APBD,Nov 2025,"
                                         "Des 2025,11666,391977600\n");
  const char *files[] = { targets, budget, payments };
  const char *kinds[] = { "targets", "budget", "payments" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(SigapTestRun) run = { 0 };
      JsonObject *root;

      sigap_test_run_sigap (&run, "import", kinds[i], "--db", fixture->db, files[i],
                            "--format", "json", NULL);
      g_assert_true (sigap_test_run_succeeded (&run));
      g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, kinds[i]);
      g_assert_cmpint (json_object_get_int_member (root, "added"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (root, "rejected"), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sigap/cli/import/json", test_json);
  ADD ("/sigap/cli/import/text", test_text);
  ADD ("/sigap/cli/import/dry-run", test_dry_run);
  ADD ("/sigap/cli/import/file-errors", test_file_errors);
  ADD ("/sigap/cli/import/other-kinds", test_other_kinds);

#undef ADD

  return g_test_run ();
}
