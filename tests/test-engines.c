/* test-engines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same figures from both engines: the demo of one seed written to an SQLite file and to a
 * PostgreSQL database gives byte-identical `sigap summary --format json` for the city, a
 * kecamatan and a kelurahan, every --by and segment, at a month end (the tallies alone) and
 * mid-month (the tallies and the participants of the month); the same import on both gives
 * the same report and figures, and the triggers keep the tallies. Then what PostgreSQL alone
 * has: one-line connection failures and the roles.
 *
 * Runs when SIGAP_TEST_PG is the libpq URI of a server where the test may create databases
 * (build-aux/sigap-dev test sets it under pg_virtualenv); each test creates a database of a
 * random name and drops it afterwards, so that tests running at once do not meet.
 */

#include <glib/gstdio.h>
#include <stdlib.h>
#include <pwd.h>
#include <unistd.h>
#include <libpq-fe.h>
#include <string.h>

#include "core/sigap-data-watch.h"
#include "core/sigap-database.h"
#include "sigap-test-server.h"
#include "sigap-test-util.h"

#define DEMO_PARTICIPANTS "6000"

static const char *server_uri;

static void
demo_into (const char *location)
{
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "demo", "--db", location, "--participants", DEMO_PARTICIPANTS,
                        "--force", NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap demo --db %s: %s", location, run.err);
}

static void
test_summary_identical (void)
{
  static const char * const scopes[] = { "32.75", "32.75.03", "32.75.01.1002" };
  static const char * const bys[] = { NULL, "kecamatan", "kelurahan", "sector", "desil", "month" };
  static const char * const segments[] = { "rentan", "ekosistem", "all" };
  static const char * const dates[] = { "2026-10-31", "2026-06-15" };
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  SigapTestDatabase server = { 0 };
  guint n_compared = 0;
  guint n_figures = 0;

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  file = g_build_filename (dir, "demo.sigap", NULL);
  sigap_test_database_create (&server);
  demo_into (file);
  demo_into (server.uri);

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
      for (guint g = 0; g < G_N_ELEMENTS (segments); g++)
        for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
          {
            g_auto(SigapTestRun) sqlite_run = { 0 };
            g_auto(SigapTestRun) server_run = { 0 };
            g_autofree char *by = bys[b] != NULL ? g_strdup_printf ("--by=%s", bys[b])
                                                 : g_strdup ("--format=json");

            sigap_test_run_sigap (&sqlite_run, "summary", "--db", file, "--format=json",
                                  "--scope", scopes[s], "--segment", segments[g],
                                  "--as-of", dates[d], by, NULL);
            sigap_test_run_sigap (&server_run, "summary", "--db", server.uri, "--format=json",
                                  "--scope", scopes[s], "--segment", segments[g],
                                  "--as-of", dates[d], by, NULL);

            g_test_message ("%s %s %s %s", scopes[s], by, segments[g], dates[d]);
            g_assert_cmpint (server_run.status, ==, sqlite_run.status);
            g_assert_cmpstr (server_run.out, ==, sqlite_run.out);
            if (sigap_test_run_succeeded (&sqlite_run))
              {
                /* Figures, not two empty answers. */
                g_assert_nonnull (strstr (sqlite_run.out, "\"registered\""));
                n_figures++;
              }
            else
              g_assert_cmpstr (server_run.err, ==, sqlite_run.err);
            n_compared++;
          }

  g_assert_cmpuint (n_compared, ==, 108);
  /* A kelurahan has no breakdown by kecamatan or kelurahan; everything else answers. */
  g_assert_cmpuint (n_figures, >=, 90);

  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

static void
test_connection_errors (void)
{
  g_autofree char *missing = NULL;
  g_auto(SigapTestRun) run = { 0 };
  g_auto(SigapTestRun) down = { 0 };

  if (sigap_test_server_skip ())
    return;

  missing = sigap_test_server_uri_for ("sigap_test_missing", NULL, NULL);
  sigap_test_run_sigap (&run, "summary", "--db", missing, NULL);
  sigap_test_run_assert_fails_with (&run, "“sigap_test_missing” does not exist");

  /* Port 1 takes no connections. */
  sigap_test_run_sigap (&down, "summary", "--db", "postgresql://127.0.0.1:1/sigap", NULL);
  sigap_test_run_assert_fails_with (&down, "the server is down or cannot be reached");
}

/* A participants CSV of @n_lines: valid lines, one NIK repeated and one line rejected. */
static char *
write_participants_csv (const char *dir,
                        const char *name,
                        int         kecamatan,
                        int         n_lines)
{
  static const char * const kelurahan[] = { "Bekasijaya", "Bintara", "Kranji", "Perwira",
                                            "Pekayonjaya", "Pengasinan", "Kalibaru" };
  static const char * const sectors[] = { "ojek", "pkl", "sopir", "umkm", "honorer" };
  g_autoptr(GString) csv = g_string_new ("nik,nama,kelurahan,sektor,tanggal_daftar,desil,kpj\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  for (int i = 0; i < n_lines; i++)
    {
      char kpj[16] = "";

      if (i % 7 != 0)
        g_snprintf (kpj, sizeof kpj, "%011d", i);
      g_string_append_printf (csv, "3275%02d%02d%02d%02d%04d,Orang %d,%s,%s,2026-%02d-%02d,%d,%s\n",
                              kecamatan, i % 28 + 1, i % 12 + 1, 60 + i % 40, i % 9999 + 1, i,
                              kelurahan[i % G_N_ELEMENTS (kelurahan)],
                              sectors[i % G_N_ELEMENTS (sectors)], i % 10 + 1, i % 28 + 1,
                              i % 10 + 1, kpj);
    }
  /* The first NIK again, and a NIK too short. */
  g_string_append_printf (csv, "3275%02d010160" "0001,Orang lagi,Bintara,ojek,2026-05-05,3,\n",
                          kecamatan);
  g_string_append (csv, "32750101,Pendek,Bintara,ojek,2026-05-05,3,\n");

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_same_summaries (const char *file,
                       const char *uri,
                       const char *as_of)
{
  static const char * const bys[] = { "--format=json", "--by=kecamatan", "--by=sector",
                                      "--by=desil" };

  for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
    {
      g_auto(SigapTestRun) sqlite_run = { 0 };
      g_auto(SigapTestRun) server_run = { 0 };

      sigap_test_run_sigap (&sqlite_run, "summary", "--db", file, "--format=json", "--segment=all",
                            "--as-of", as_of, bys[b], NULL);
      sigap_test_run_sigap (&server_run, "summary", "--db", uri, "--format=json", "--segment=all",
                            "--as-of", as_of, bys[b], NULL);
      g_assert_true (sigap_test_run_succeeded (&sqlite_run));
      g_assert_cmpstr (server_run.out, ==, sqlite_run.out);
    }
}

/* Tallies and notes counted again from the rows: the triggers kept them. */
static void
assert_tallies_match (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(SigapStatement) stmt = NULL;

  g_assert_no_error (error);
  stmt = sigap_database_prepare (db,
                                 "SELECT (SELECT sum (registered) FROM tally_sector),"
                                 " (SELECT count (*) FROM participant),"
                                 " (SELECT sum (ended) FROM tally_desil),"
                                 " (SELECT count (*) FROM participant WHERE ended_on IS NOT NULL),"
                                 " (SELECT sum (registered) FROM tally_flag),"
                                 " (SELECT count (*) FROM participant_flag)",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 0), ==,
                   sigap_statement_column_int64 (stmt, 1));
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 2), ==,
                   sigap_statement_column_int64 (stmt, 3));
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 4), ==,
                   sigap_statement_column_int64 (stmt, 5));
}

/* Takes the lines naming who imported and when out of a JSON report. */
static void
strip_origin (char *json)
{
  char *out = json;

  for (const char *line = json; *line != '\0';)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line + 1) : strlen (line);

      if (g_strstr_len (line, length, "\"imported_by\"") == NULL &&
          g_strstr_len (line, length, "\"imported_at\"") == NULL)
        {
          memmove (out, line, length);
          out += length;
        }
      line += length;
    }
  *out = '\0';
}

/* The role's name, as current_user gives it, kept on the newest batch. */
static char *
newest_batch_importer (const char *uri)
{
  g_autofree char *sql = NULL;
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;
  char *name = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT imported_by FROM import_batch ORDER BY id DESC LIMIT 1");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  if (!PQgetisnull (result, 0, 0))
    name = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return name;
}

static void
test_import_identical (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *csv = NULL;
  g_auto(SigapTestRun) sqlite_run = { 0 };
  g_auto(SigapTestRun) server_run = { 0 };
  g_auto(SigapTestRun) again = { 0 };
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  file = g_build_filename (dir, "demo.sigap", NULL);
  csv = write_participants_csv (dir, "peserta.csv", 3, 1500);
  sigap_test_database_create (&server);
  demo_into (file);
  demo_into (server.uri);

  sigap_test_run_sigap (&sqlite_run, "import", "participants", "--db", file, "--format=json",
                        csv, NULL);
  sigap_test_run_sigap (&server_run, "import", "participants", "--db", server.uri,
                        "--format=json", csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&sqlite_run));
  g_assert_cmpstr (server_run.err, ==, sqlite_run.err);
  /* The same but who and when. */
  strip_origin (server_run.out);
  strip_origin (sqlite_run.out);
  g_assert_cmpstr (server_run.out, ==, sqlite_run.out);
  /* The repeat and the short NIK were rejected, the rest added. */
  g_assert_nonnull (strstr (sqlite_run.out, "\"rejected\" : 2"));

  assert_same_summaries (file, server.uri, "2026-10-31");
  assert_same_summaries (file, server.uri, "2026-06-15");
  assert_tallies_match (server.uri);

  /* A file imported twice changes nothing. */
  sigap_test_run_sigap (&again, "import", "participants", "--db", server.uri, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&again));
  g_assert_nonnull (strstr (again.out, "nothing changed"));
  assert_same_summaries (file, server.uri, "2026-06-15");

  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}


/* --- The bulk-load door ---------------------------------------------------------------- */

/* Values that COPY's text format must escape, or could take for something else. */
static const char * const copy_values[] = {
  "tab\there", "two\nlines", "back\\slash", NULL, "Siti Nurhalizah — Ñandú 😀", "cr\r\nlf",
  "\\N", "", "\\.", "ends with a backslash \\",
};

static void
assert_copy_round_trip (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (location, SIGAP_DATABASE_OPEN_CREATE,
                                                     &error);
  g_autoptr(SigapStatement) stmt = NULL;
  static const char * const columns[] = { "n", "value", "other", NULL };
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (sigap_database_exec (db, "CREATE TEMP TABLE copy_test "
                                          "(n INTEGER PRIMARY KEY, value TEXT, other TEXT)",
                                      &error));
  g_assert_no_error (error);

  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_copy_begin (db, "copy_test", columns, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_database_in_copy (db));
  for (guint i = 0; i < G_N_ELEMENTS (copy_values); i++)
    {
      char number[8];
      const char *row[] = { number, copy_values[i], "x" };

      g_snprintf (number, sizeof number, "%u", i + 1);
      g_assert_true (sigap_database_copy_row (db, row, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sigap_database_copy_end (db, &error));
  g_assert_no_error (error);
  g_assert_false (sigap_database_in_copy (db));
  g_assert_true (sigap_database_commit (db, &error));

  stmt = sigap_database_prepare (db, "SELECT n, value, other, value IS NULL FROM copy_test "
                                     "ORDER BY n", &error);
  g_assert_no_error (error);
  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    {
      g_assert_cmpint (sigap_statement_column_int (stmt, 0), ==, n + 1);
      g_assert_cmpstr (sigap_statement_column_text (stmt, 1), ==, copy_values[n]);
      g_assert_cmpint (sigap_statement_column_int (stmt, 3), ==, copy_values[n] == NULL);
      g_assert_cmpstr (sigap_statement_column_text (stmt, 2), ==, "x");
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (copy_values));
  g_clear_pointer (&stmt, sigap_statement_free);

  /* A load left open goes with the rollback, and the connection carries on. */
  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_copy_begin (db, "copy_test", columns, &error));
  g_assert_true (sigap_database_copy_row (db, (const char *[]) { "100", "gone", NULL }, &error));
  sigap_database_rollback (db);
  g_assert_false (sigap_database_in_copy (db));
  stmt = sigap_database_prepare (db, "SELECT count (*) FROM copy_test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  g_assert_cmpint (sigap_statement_column_int (stmt, 0), ==, G_N_ELEMENTS (copy_values));
  g_clear_pointer (&stmt, sigap_statement_free);

  /* A row the table refuses fails the load, by copy_end () at the latest. */
  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_copy_begin (db, "copy_test", columns, &error));
  if (sigap_database_copy_row (db, (const char *[]) { "1", "again", NULL }, NULL))
    g_assert_false (sigap_database_copy_end (db, &error));
  else
    g_assert_false (sigap_database_copy_end (db, &error));
  g_assert_nonnull (error);
  g_test_message ("A refused row: %s", error->message);
  sigap_database_rollback (db);
}

static void
test_copy (void)
{
  g_autofree char *dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  g_autofree char *file = g_build_filename (dir, "copy.sigap", NULL);
  SigapTestDatabase server = { 0 };

  assert_copy_round_trip (file);
  sigap_test_remove_tree (dir);

  if (sigap_test_server_skip ())
    return;

  sigap_test_database_create (&server);
  assert_copy_round_trip (server.uri);
  sigap_test_database_drop (&server);
}

/* --- An import with updates, ends and rejects ------------------------------------------ */

/* Everything an import writes, as text: the participants, their notes, the rejected lines,
 * the batches' counts and the tallies (the rows of a tally a key no longer counts aside). */
static char *
database_contents (const char *location)
{
  static const char * const queries[] = {
    "SELECT nik, name, kelurahan_id, sector_id, coalesce (desil, 0), coalesce (sex, ''), "
    "coalesce (birth_date, ''), registered_on, coalesce (ended_on, ''), "
    "coalesce (end_reason, ''), coalesce (kpj_number, ''), coalesce (source, ''), "
    "coalesce (batch_id, 0), coalesce (changed_batch, 0), coalesce (changed_line, 0) "
    "FROM participant ORDER BY nik",
    "SELECT p.nik, f.kind, coalesce (f.detail, ''), coalesce (f.line, 0), "
    "coalesce (f.batch_id, 0) "
    "FROM participant_flag AS f JOIN participant AS p ON p.id = f.participant_id "
    "ORDER BY p.nik, f.kind",
    "SELECT batch_id, line, coalesce (column_name, ''), reason, raw FROM import_reject "
    "ORDER BY batch_id, line, id",
    "SELECT id, kind, rows_read, rows_added, rows_updated, rows_unchanged, rows_rejected, "
    "rows_flagged FROM import_batch ORDER BY id",
    "SELECT kelurahan_id, sector_id, month, registered, ended FROM tally_sector "
    "WHERE registered <> 0 OR ended <> 0 ORDER BY 1, 2, 3",
    "SELECT kelurahan_id, segment, desil, month, registered, ended FROM tally_desil "
    "WHERE registered <> 0 OR ended <> 0 ORDER BY 1, 2, 3, 4",
    "SELECT kelurahan_id, segment, kind, month, registered FROM tally_flag "
    "WHERE registered <> 0 ORDER BY 1, 2, 3, 4",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (location, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, queries[q], &error);
      SigapStep step;

      g_assert_no_error (error);
      g_string_append_printf (out, "-- %u\n", q);
      while ((step = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
        {
          for (int c = 0; c < sigap_statement_column_count (stmt); c++)
            g_string_append_printf (out, "%s%s", c > 0 ? "|" : "",
                                    sigap_statement_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      g_assert_cmpint (step, ==, SIGAP_STEP_DONE);
    }

  return g_string_free (out, FALSE);
}

/* Lines for participants of the demo (the same seed gives the same NIKs on both engines):
 * moves to another sector, ends, an end before the registration, a NIK twice; new workers,
 * one of them rejected first and taken on a later line; rejected lines, one over two lines. */
static char *
write_updates_csv (const char *dir,
                   const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (file, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GString) csv = g_string_new ("nik,nama,kelurahan,sektor,tanggal_daftar,desil,"
                                         "no_kpj,tanggal_berhenti,alasan_berhenti\n");
  char *path = g_build_filename (dir, "perubahan.csv", NULL);
  guint n = 0;

  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, "SELECT p.nik, p.name, p.registered_on, r.code, s.code "
                                     "FROM participant AS p "
                                     "JOIN region AS r ON r.id = p.kelurahan_id "
                                     "JOIN sector AS s ON s.id = p.sector_id "
                                     "WHERE p.ended_on IS NULL ORDER BY p.id LIMIT 60", &error);
  g_assert_no_error (error);
  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    {
      const char *nik = sigap_statement_column_text (stmt, 0);
      const char *name = sigap_statement_column_text (stmt, 1);
      const char *registered = sigap_statement_column_text (stmt, 2);
      const char *kelurahan = sigap_statement_column_text (stmt, 3);
      const char *sector = sigap_statement_column_text (stmt, 4);

      if (n % 4 == 0)        /* moves, with a name holding a backslash */
        g_string_append_printf (csv, "%s,\"%s \\ baru\",Kranji,ojek,%s,%u,,,\n",
                                nik, name, registered, n % 10 + 1);
      else if (n % 4 == 1)   /* ends on the day it registered */
        g_string_append_printf (csv, "%s,%s,%s,%s,%s,,,%s,Meninggal dunia\n",
                                nik, name, kelurahan, sector, registered, registered);
      else if (n % 4 == 2)   /* an end before the registration: rejected */
        g_string_append_printf (csv, "%s,%s,%s,%s,%s,,,2019-01-01,Pindah\n",
                                nik, name, kelurahan, sector, registered);
      else                   /* the same NIK twice: the second is rejected */
        g_string_append_printf (csv, "%s,%s,%s,%s,%s,7,,,\n%s,%s lagi,%s,%s,%s,8,,,\n",
                                nik, name, kelurahan, sector, registered,
                                nik, name, kelurahan, sector, registered);
      n++;
    }
  g_assert_cmpuint (n, ==, 60);

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (csv, "3275%02u%02u%02u%02u%04u,Pekerja\tBaru %u,Bintara,pkl,"
                            "2026-%02u-%02u,%u,%s,,\n",
                            4, i % 28 + 1, i % 12 + 1, 70 + i % 20, i + 1, i, i % 9 + 1,
                            i % 27 + 1, i % 10 + 1, i % 3 == 0 ? "" : "12345678901");
  /* New, ended before registering, then the same NIK correct: the second line is taken. */
  g_string_append (csv, "3275040101800999,Dua Kali,Bintara,pkl,2026-03-03,,,2026-01-01,X\n"
                        "3275040101800999,Dua Kali,Bintara,pkl,2026-03-03,,,,\n"
                        "3275040101800999,Tiga Kali,Bintara,pkl,2026-03-03,,,,\n");
  g_string_append (csv, "3275040101800998,Tak Dikenal,Atlantis,pkl,2026-03-03,,,,\n"
                        "3275040101800997,\"Nama\ndua baris\",Atlantis,pkl,2026-03-03,,,,\n"
                        "32750401,Pendek,Bintara,pkl,2026-03-03,,,,\n");

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
import_both (const char *file,
             const char *uri,
             const char *csv,
             char      **out_report)
{
  g_auto(SigapTestRun) sqlite_run = { 0 };
  g_auto(SigapTestRun) server_run = { 0 };

  sigap_test_run_sigap (&sqlite_run, "import", "participants", "--db", file, "--format=json",
                        csv, NULL);
  sigap_test_run_sigap (&server_run, "import", "participants", "--db", uri, "--format=json",
                        csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&sqlite_run));
  g_assert_cmpstr (server_run.err, ==, sqlite_run.err);
  strip_origin (server_run.out);
  strip_origin (sqlite_run.out);
  g_assert_cmpstr (server_run.out, ==, sqlite_run.out);
  if (out_report != NULL)
    *out_report = g_strdup (sqlite_run.out);
}

static void
test_import_updates (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *report = NULL;
  g_autofree char *sqlite_contents = NULL;
  g_autofree char *server_contents = NULL;
  g_autofree char *server_again = NULL;
  g_auto(SigapTestRun) again = { 0 };
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  file = g_build_filename (dir, "demo.sigap", NULL);
  sigap_test_database_create (&server);
  demo_into (file);
  demo_into (server.uri);
  csv = write_updates_csv (dir, file);

  import_both (file, server.uri, csv, &report);
  /* Counted by hand from write_updates_csv (): 60 + 15 + 200 + 3 + 3 lines; 200 + 1 new;
   * rejected: 15 ends too early, 15 repeats, the early end and the third line of the new
   * NIK, an unknown kelurahan twice and a short NIK. */
  g_assert_nonnull (strstr (report, "\"read\" : 281"));
  g_assert_nonnull (strstr (report, "\"added\" : 201"));
  g_assert_nonnull (strstr (report, "\"rejected\" : 35"));
  /* 15 moved and 15 ended; of the 15 given desil 7, those that had it are unchanged. */
  {
    const char *updated = strstr (report, "\"updated\" : ");
    const char *unchanged = strstr (report, "\"unchanged\" : ");

    g_assert_nonnull (updated);
    g_assert_nonnull (unchanged);
    g_assert_cmpint (atoi (updated + strlen ("\"updated\" : ")) +
                     atoi (unchanged + strlen ("\"unchanged\" : ")), ==, 45);
    g_assert_cmpint (atoi (updated + strlen ("\"updated\" : ")), >=, 30);
  }

  sqlite_contents = database_contents (file);
  server_contents = database_contents (server.uri);
  g_assert_cmpstr (server_contents, ==, sqlite_contents);
  assert_same_summaries (file, server.uri, "2026-10-31");
  assert_same_summaries (file, server.uri, "2026-06-15");
  assert_tallies_match (server.uri);

  /* The same file again changes nothing. */
  sigap_test_run_sigap (&again, "import", "participants", "--db", server.uri, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&again));
  g_assert_nonnull (strstr (again.out, "nothing changed"));
  server_again = database_contents (server.uri);
  g_assert_cmpstr (server_again, ==, server_contents);

  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}


/* The session's setting @name is @expected. */
static void
assert_setting (SigapDatabase *db,
                const char    *name,
                const char    *expected)
{
  g_autofree char *sql = g_strdup_printf ("SHOW %s", name);
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = sigap_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, expected);
}

/* The session settings travel with the connection (no SET, so opening waits one round trip,
 * for the schema version), after the URI's own options or PGOPTIONS, which are kept. */
static void
test_session_options (void)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_options = NULL;
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;

  sigap_test_database_create (&server);
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (db), >, 1);   /* it made the schema */
  g_clear_object (&db);

  /* The URI's options and the read-only session's own. */
  with_options = g_strconcat (server.uri, strchr (server.uri, '?') != NULL ? "&" : "?",
                              "options=-c%20application_name%3Dsigap_test_options", NULL);
  db = sigap_database_open (with_options, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (db), ==, 1);
  assert_setting (db, "application_name", "sigap_test_options");
  assert_setting (db, "default_transaction_read_only", "on");
  assert_setting (db, "client_min_messages", "warning");
  assert_setting (db, "client_encoding", "UTF8");
  g_clear_object (&db);

  /* PGOPTIONS, when the URI has none; a writer's session is not read-only. */
  g_setenv ("PGOPTIONS", "-c statement_timeout=123456", TRUE);
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_unsetenv ("PGOPTIONS");
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (db), ==, 1);
  assert_setting (db, "statement_timeout", "123456ms");
  assert_setting (db, "default_transaction_read_only", "off");
  assert_setting (db, "client_min_messages", "warning");
  g_clear_object (&db);

  sigap_test_database_drop (&server);
}

/* On the server, a participant's references are checked once per statement (migration 8):
 * still refused when they name nothing, and what they name cannot be deleted. */
static void
test_references (void)
{
  static const char * const refused[] = {
    "INSERT INTO participant (nik, name, kelurahan_id, sector_id, registered_on) "
    "VALUES ('3275010101900001', 'A', 999999, (SELECT min (id) FROM sector), '2026-01-01')",
    "INSERT INTO participant (nik, name, kelurahan_id, sector_id, registered_on) "
    "VALUES ('3275010101900001', 'A', (SELECT min (id) FROM region WHERE level = 'kelurahan'), "
    "999999, '2026-01-01')",
    "INSERT INTO participant (nik, name, kelurahan_id, sector_id, registered_on, batch_id) "
    "VALUES ('3275010101900001', 'A', (SELECT min (id) FROM region WHERE level = 'kelurahan'), "
    "(SELECT min (id) FROM sector), '2026-01-01', 999999)",
    "UPDATE participant SET sector_id = 999999",
    "DELETE FROM sector WHERE id = (SELECT sector_id FROM participant)",
    "DELETE FROM region WHERE id = (SELECT kelurahan_id FROM participant)",
    "INSERT INTO participant_flag (participant_id, kind) VALUES (999999, 'age')",
    "INSERT INTO participant_flag (participant_id, kind, batch_id) "
    "VALUES ((SELECT id FROM participant), 'age', 999999)",
  };
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;

  sigap_test_database_create (&server);
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_database_exec (db,
                                      "INSERT INTO participant (nik, name, kelurahan_id, "
                                      "sector_id, registered_on) "
                                      "VALUES ('3275010101900002', 'B', (SELECT min (id) FROM "
                                      "region WHERE level = 'kelurahan'), (SELECT min (id) FROM "
                                      "sector), '2026-01-01')",
                                      &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (sigap_database_exec (db, refused[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "violates"));
      g_clear_error (&error);
    }

  /* A participant deleted takes its notes with it, counted out once. */
  g_assert_true (sigap_database_exec (db,
                                      "INSERT INTO participant_flag (participant_id, kind) "
                                      "SELECT id, 'age' FROM participant;"
                                      "DELETE FROM participant",
                                      &error));
  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, "SELECT (SELECT count (*) FROM participant_flag), "
                                     "(SELECT coalesce (sum (registered), 0) FROM tally_flag), "
                                     "(SELECT coalesce (sum (registered), 0) FROM tally_sector)",
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 0), ==, 0);
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 1), ==, 0);
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 2), ==, 0);
  g_clear_pointer (&stmt, sigap_statement_free);

  g_clear_object (&db);
  sigap_test_database_drop (&server);
}

static GSubprocess *
spawn_import (const char *uri,
              const char *csv)
{
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("SIGAP_BIN");
  GSubprocess *process;

  g_assert_nonnull (bin);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, bin, "import", "participants", "--db", uri, csv, NULL);
  g_assert_no_error (error);
  return process;
}

/* Two operators importing at once: each import succeeds, one after the other; the same file
 * twice at once is saved once, and the other says nothing changed. */
static void
test_import_concurrent (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GSubprocess *processes[3];
  guint saved = 0, unchanged = 0;
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  first = write_participants_csv (dir, "a.csv", 5, 3000);
  second = write_participants_csv (dir, "b.csv", 6, 3000);
  sigap_test_database_create (&server);
  demo_into (server.uri);

  processes[0] = spawn_import (server.uri, first);
  processes[1] = spawn_import (server.uri, second);
  processes[2] = spawn_import (server.uri, first);
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;

      g_subprocess_communicate_utf8 (processes[i], NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_subprocess_get_successful (processes[i]));
      if (strstr (out, "Saved as import") != NULL)
        saved++;
      else if (strstr (out, "nothing changed") != NULL)
        unchanged++;
      g_object_unref (processes[i]);
    }
  g_assert_cmpuint (saved, ==, 2);
  g_assert_cmpuint (unchanged, ==, 1);
  assert_tallies_match (server.uri);

  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

/* The notifications a connection holds now. */
/* The notifications that arrive on @conn: a server sends them to its listeners a moment after
 * the commit, so this waits until @expected have come (5 s at most), or for 300 ms when none
 * is expected, and counts what came. */
static guint
count_notifications (PGconn *conn,
                     guint   expected)
{
  gint64 end = g_get_monotonic_time () + (expected > 0 ? 5000 : 300) * G_TIME_SPAN_MILLISECOND;
  guint n = 0;

  do
    {
      PGnotify *notify;

      g_assert_cmpint (PQconsumeInput (conn), ==, 1);
      while ((notify = PQnotifies (conn)) != NULL)
        {
          g_assert_cmpstr (notify->relname, ==, SIGAP_DATA_CHANGED_CHANNEL);
          n++;
          PQfreemem (notify);
        }
      if (expected > 0 && n >= expected)
        break;
      g_usleep (10 * 1000);
    }
  while (g_get_monotonic_time () < end);

  return n;
}

/* A committed import tells the listeners; a read or a dry run does not. */
static void
test_notify (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_auto(SigapTestRun) read_run = { 0 };
  g_auto(SigapTestRun) dry_run = { 0 };
  g_auto(SigapTestRun) import_run = { 0 };
  SigapTestDatabase server = { 0 };
  PGconn *listener;
  PGresult *result;

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  csv = write_participants_csv (dir, "peserta.csv", 4, 100);
  sigap_test_database_create (&server);
  demo_into (server.uri);

  listener = PQconnectdb (server.uri);
  g_assert_cmpint (PQstatus (listener), ==, CONNECTION_OK);
  result = PQexec (listener, "LISTEN " SIGAP_DATA_CHANGED_CHANNEL);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);

  sigap_test_run_sigap (&read_run, "summary", "--db", server.uri, NULL);
  g_assert_true (sigap_test_run_succeeded (&read_run));
  sigap_test_run_sigap (&dry_run, "import", "participants", "--db", server.uri, "--dry-run",
                        csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&dry_run));
  g_assert_cmpuint (count_notifications (listener, 0), ==, 0);

  sigap_test_run_sigap (&import_run, "import", "participants", "--db", server.uri, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&import_run));
  g_assert_cmpuint (count_notifications (listener, 1), ==, 1);

  demo_into (server.uri);
  g_assert_cmpuint (count_notifications (listener, 1), ==, 1);

  PQfinish (listener);
  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

static void
count_changed_cb (SigapDataWatch *watch,
                  gpointer        user_data)
{
  (*(guint *) user_data)++;
}

/* Runs the main context for @ms milliseconds, or until @count is above zero when @until_one. */
static void
run_main_context (guint     ms,
                  guint    *count,
                  gboolean  until_one)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end && !(until_one && *count > 0))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* A watch on the server hears an import by another process within a second, and not a read. */
static void
test_data_watch (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(SigapDataWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SigapTestRun) read_run = { 0 };
  g_auto(SigapTestRun) import_run = { 0 };
  SigapTestDatabase server = { 0 };
  guint changed = 0;
  gint64 started;

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  csv = write_participants_csv (dir, "peserta.csv", 7, 100);
  sigap_test_database_create (&server);
  demo_into (server.uri);

  watch = sigap_data_watch_new (server.uri, &error);
  g_assert_no_error (error);
  g_signal_connect (watch, "changed", G_CALLBACK (count_changed_cb), &changed);

  sigap_test_run_sigap (&read_run, "summary", "--db", server.uri, NULL);
  g_assert_true (sigap_test_run_succeeded (&read_run));
  run_main_context (300, &changed, FALSE);
  g_assert_cmpuint (changed, ==, 0);

  sigap_test_run_sigap (&import_run, "import", "participants", "--db", server.uri, csv, NULL);
  g_assert_true (sigap_test_run_succeeded (&import_run));
  started = g_get_monotonic_time ();
  run_main_context (1000, &changed, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_TIME_SPAN_SECOND);

  g_clear_object (&watch);
  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

#define PG_BIN "/usr/lib/postgresql/15/bin"

/* A hot standby refuses to start with fewer connections, workers, senders, prepared
 * transactions or locks than its primary: its configuration takes the primary's. */
static char *
primary_settings_for_standby (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  GString *conf = g_string_new ("hot_standby = on\n");

  db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stmt = sigap_database_prepare (db,
                                 "SELECT name, setting FROM pg_settings WHERE name IN "
                                 "('max_connections', 'max_worker_processes', "
                                 "'max_wal_senders', 'max_prepared_transactions', "
                                 "'max_locks_per_transaction')",
                                 &error);
  g_assert_no_error (error);
  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    g_string_append_printf (conf, "%s = %s\n", sigap_statement_column_text (stmt, 0),
                            sigap_statement_column_text (stmt, 1));

  return g_string_free (conf, FALSE);
}

/* A hot standby made with pg_basebackup -R from the test server, in the test's own folder:
 * every read works there and gives the primary's figures; a write says it is a replica. */
static void
test_replica (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *hba = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *port = NULL;
  g_autofree char *options = NULL;
  g_autofree char *standby_uri = NULL;
  g_autofree char *standby_conf = NULL;
  g_autofree char *log = NULL;
  g_autofree char *primary = NULL;
  g_auto(SigapTestRun) primary_run = { 0 };
  g_auto(SigapTestRun) standby_run = { 0 };
  g_auto(SigapTestRun) import_run = { 0 };
  g_autoptr(GError) error = NULL;
  SigapTestDatabase server = { 0 };

  if (sigap_test_server_skip ())
    return;
  if (!g_file_test (PG_BIN "/pg_ctl", G_FILE_TEST_IS_EXECUTABLE))
    {
      /* Only where the server programs are not installed; CI installs them. */
      if (g_getenv ("CI") != NULL)
        g_test_fail ();
      g_test_skip (PG_BIN "/pg_ctl is not installed");
      return;
    }

  dir = sigap_test_make_tmp_dir ("sigap-replica-XXXXXX", FALSE);
  if (getuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      g_assert_nonnull (postgres);
      g_assert_cmpint (chown (dir, postgres->pw_uid, postgres->pw_gid), ==, 0);
    }
  data = g_build_filename (dir, "standby", NULL);
  csv = write_participants_csv (dir, "peserta.csv", 2, 50);
  sigap_test_database_create (&server);
  demo_into (server.uri);

  /* The copy, and a configuration of its own: Debian keeps the primary's outside its data. */
  primary = g_strdup (server_uri);
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_basebackup", "-D", data, "-R", "-X", "stream",
                                     "-c", "fast", "-d", primary, NULL },
                                   NULL);
  port = g_strdup_printf ("%d", 20000 + g_random_int_range (0, 20000));
  conf = g_build_filename (data, "postgresql.conf", NULL);
  hba = g_build_filename (data, "pg_hba.conf", NULL);
  standby_conf = primary_settings_for_standby (server.uri);
  g_assert_true (g_file_set_contents (conf, standby_conf, -1, NULL));
  g_assert_true (g_file_set_contents (hba, "local all all trust\n", -1, NULL));
  if (getuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      g_assert_cmpint (chown (conf, postgres->pw_uid, postgres->pw_gid), ==, 0);
      g_assert_cmpint (chown (hba, postgres->pw_uid, postgres->pw_gid), ==, 0);
    }
  options = g_strdup_printf ("-p %s -k %s -c listen_addresses=", port, dir);
  log = g_build_filename (dir, "standby.log", NULL);
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_ctl", "-D", data, "-o", options, "-l", log, "-w",
                                     "start", NULL },
                                   log);

  standby_uri = g_strdup_printf ("postgresql:///%s?host=%s&port=%s&user=postgres", server.name,
                                 dir, port);

  /* Every read, the primary's figures. */
  sigap_test_run_sigap (&primary_run, "summary", "--db", server.uri, "--format=json",
                        "--by=kelurahan", NULL);
  sigap_test_run_sigap (&standby_run, "summary", "--db", standby_uri, "--format=json",
                        "--by=kelurahan", NULL);
  g_assert_true (sigap_test_run_succeeded (&primary_run));
  g_assert_cmpstr (standby_run.err, ==, "");
  g_assert_cmpstr (standby_run.out, ==, primary_run.out);

  /* A write: one line that says why. */
  sigap_test_run_sigap (&import_run, "import", "participants", "--db", standby_uri, csv, NULL);
  sigap_test_run_assert_fails_with (&import_run, "this server is a read-only replica");
  g_test_message ("On the replica: %s", import_run.err);
  g_assert_true (g_str_has_suffix (import_run.err, "\n"));
  g_assert_true (strchr (import_run.err, '\n') == import_run.err + strlen (import_run.err) - 1);

  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop",
                                     NULL },
                                   NULL);
  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

/* sigap_viewer reads the figures and nothing personal; sigap_operator imports; a role that may
 * not create the schema is told so. */
static void
test_roles (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *viewer = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *viewer_uri = NULL;
  g_autofree char *operator_uri = NULL;
  g_autofree char *fresh_uri = NULL;
  g_autofree char *importer = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SigapTestRun) owner_run = { 0 };
  g_auto(SigapTestRun) viewer_run = { 0 };
  g_auto(SigapTestRun) viewer_import = { 0 };
  g_auto(SigapTestRun) operator_import = { 0 };
  g_auto(SigapTestRun) operator_fresh = { 0 };
  static const char * const personal[] = {
    "SELECT nik FROM participant",
    "SELECT name FROM participant",
    "SELECT * FROM participant",
    "SELECT raw FROM import_reject",
    "SELECT detail FROM participant_flag",
  };
  SigapTestDatabase server = { 0 };
  SigapTestDatabase fresh = { 0 };
  guint32 suffix = g_random_int ();

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  csv = write_participants_csv (dir, "peserta.csv", 5, 200);
  sigap_test_database_create (&server);
  sigap_test_database_create (&fresh);
  demo_into (server.uri);

  viewer = g_strdup_printf ("sigap_test_viewer_%08x", suffix);
  operator = g_strdup_printf ("sigap_test_operator_%08x", suffix);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'lihat' IN ROLE sigap_viewer;"
                         "CREATE ROLE %s LOGIN PASSWORD 'impor' IN ROLE sigap_operator",
                         viewer, operator);
  sigap_test_server_exec (sql);
  viewer_uri = sigap_test_server_uri_for (server.name, viewer, "lihat");
  operator_uri = sigap_test_server_uri_for (server.name, operator, "impor");
  fresh_uri = sigap_test_server_uri_for (fresh.name, operator, "impor");

  /* The viewer's figures are everyone's. */
  sigap_test_run_sigap (&owner_run, "summary", "--db", server.uri, "--format=json",
                        "--as-of=2026-06-15", "--by=kelurahan", NULL);
  sigap_test_run_sigap (&viewer_run, "summary", "--db", viewer_uri, "--format=json",
                        "--as-of=2026-06-15", "--by=kelurahan", NULL);
  g_assert_true (sigap_test_run_succeeded (&owner_run));
  g_assert_cmpstr (viewer_run.err, ==, "");
  g_assert_cmpstr (viewer_run.out, ==, owner_run.out);

  /* ... and no NIK, name or raw line reaches them. */
  db = sigap_database_open (viewer_uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    {
      g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, personal[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ERROR);
      g_assert_nonnull (strstr (sigap_database_last_error_message (db), "permission denied"));
    }
  g_clear_object (&db);

  sigap_test_run_sigap (&viewer_import, "import", "participants", "--db", viewer_uri, csv, NULL);
  sigap_test_run_assert_fails_with (&viewer_import, "need the sigap_operator role");

  sigap_test_run_sigap (&operator_import, "import", "participants", "--db", operator_uri, csv,
                        NULL);
  g_assert_cmpstr (operator_import.err, ==, "");
  g_assert_true (sigap_test_run_succeeded (&operator_import));
  /* The batch names the operator's role. */
  importer = newest_batch_importer (server.uri);
  g_assert_cmpstr (importer, ==, operator);
  g_assert_nonnull (strstr (operator_import.out, "Imported by"));
  g_assert_nonnull (strstr (operator_import.out, operator));
  assert_tallies_match (server.uri);

  sigap_test_run_sigap (&operator_fresh, "summary", "--db", fresh_uri, NULL);
  sigap_test_run_assert_fails_with (&operator_fresh, "holds no SIGAP data yet");
  g_clear_pointer (&operator_fresh.out, g_free);
  g_clear_pointer (&operator_fresh.err, g_free);
  sigap_test_run_sigap (&operator_fresh, "import", "participants", "--db", fresh_uri, csv, NULL);
  sigap_test_run_assert_fails_with (&operator_fresh, "may not create it");

  sigap_test_database_drop (&server);
  sigap_test_database_drop (&fresh);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP ROLE %s; DROP ROLE %s", viewer, operator);
  sigap_test_server_exec (sql);
  sigap_test_remove_tree (dir);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (G_CANCELLABLE (data));
  return NULL;
}

/* The interface on the server: ?N outside literals and comments, typed binds, NULL and
 * boolean columns, rows then done, transactions, last_insert_id, a unique violation. */
static void
test_interface (void)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapStatement) rows = NULL;
  g_autoptr(SigapStatement) insert = NULL;
  g_autoptr(GError) error = NULL;
  SigapTestDatabase server = { 0 };
  gint64 first_id;

  if (sigap_test_server_skip ())
    return;

  sigap_test_database_create (&server);
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_get_engine (db), ==, SIGAP_DATABASE_ENGINE_POSTGRES);
  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());

  /* '?1' and "?2" stay text; -- ?3 and the block comment are comments; ?1 used twice. */
  stmt = sigap_database_prepare (db,
                                 "SELECT '?1 it''s', ?1 || ?1, ?2 + 1, ?3 IS NULL, "
                                 "1 = 1 /* ?4 */, \"?x\".v FROM (SELECT 5 AS v) AS \"?x\" "
                                 "-- ?5\n",
                                 &error);
  g_assert_no_error (error);
  sigap_statement_bind_text (stmt, 1, "ab");
  sigap_statement_bind_int64 (stmt, 2, G_GINT64_CONSTANT (9007199254740993));
  sigap_statement_bind_null (stmt, 3);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    g_error ("%s", sigap_database_last_error_message (db));
  g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, "?1 it's");
  g_assert_cmpstr (sigap_statement_column_text (stmt, 1), ==, "abab");
  g_assert_cmpint (sigap_statement_column_int64 (stmt, 2), ==,
                   G_GINT64_CONSTANT (9007199254740994));
  g_assert_true (sigap_statement_column_is_integer (stmt, 2));
  g_assert_cmpint (sigap_statement_column_int (stmt, 3), ==, 1);
  g_assert_cmpint (sigap_statement_column_int (stmt, 4), ==, 1);
  g_assert_cmpint (sigap_statement_column_int (stmt, 5), ==, 5);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_DONE);

  /* Bare ? take the next numbers; NULL reads as NULL; reset runs it again with new binds. */
  rows = sigap_database_prepare (db, "SELECT code, bps_code FROM region "
                                     "WHERE level = ? AND code LIKE ? ORDER BY code", &error);
  g_assert_no_error (error);
  sigap_statement_bind_text (rows, 1, "kelurahan");
  sigap_statement_bind_text (rows, 2, "32.75.03.%");
  g_assert_cmpint (sigap_statement_step (rows), ==, SIGAP_STEP_ROW);
  g_assert_cmpstr (sigap_statement_column_text (rows, 0), ==, "32.75.03.1001");
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (sigap_statement_step (rows), ==, SIGAP_STEP_ROW);
  /* Teluk Pucung has no BPS code. */
  g_assert_cmpstr (sigap_statement_column_text (rows, 0), ==, "32.75.03.1004");
  g_assert_true (sigap_statement_column_is_null (rows, 1));
  g_assert_null (sigap_statement_column_text (rows, 1));
  while (sigap_statement_step (rows) == SIGAP_STEP_ROW)
    ;
  sigap_statement_reset (rows);
  sigap_statement_bind_text (rows, 1, "kota");
  sigap_statement_bind_text (rows, 2, "%");
  g_assert_cmpint (sigap_statement_step (rows), ==, SIGAP_STEP_ROW);
  g_assert_cmpstr (sigap_statement_column_text (rows, 0), ==, "32.75");
  g_assert_cmpint (sigap_statement_step (rows), ==, SIGAP_STEP_DONE);

  /* A transaction rolled back leaves nothing; ids come from the insert. */
  insert = sigap_database_prepare (db, "INSERT INTO import_batch (kind, file_name, checksum, "
                                       "imported_at) VALUES ('demo', ?1, 'x', '2026-01-01')",
                                   &error);
  g_assert_no_error (error);
  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_in_transaction (db));
  sigap_statement_bind_text (insert, 1, "a.csv");
  g_assert_cmpint (sigap_statement_step (insert), ==, SIGAP_STEP_DONE);
  first_id = sigap_database_last_insert_id (db);
  g_assert_cmpint (first_id, >, 0);
  sigap_statement_reset (insert);
  g_assert_cmpint (sigap_statement_step (insert), ==, SIGAP_STEP_DONE);
  g_assert_cmpint (sigap_database_last_insert_id (db), ==, first_id + 1);
  sigap_database_rollback (db);
  g_assert_false (sigap_database_in_transaction (db));
  g_assert_null (sigap_database_get_meta (db, "nothing"));
  g_assert_true (sigap_database_set_meta (db, "k", "v", &error));
  g_assert_no_error (error);
  {
    g_autofree char *value = sigap_database_get_meta (db, "k");

    g_assert_cmpstr (value, ==, "v");
  }

  /* A unique violation is told apart, in one line without SQL. */
  g_clear_pointer (&stmt, sigap_statement_free);
  stmt = sigap_database_prepare (db, "INSERT INTO segment (code, name, sort_order) "
                                     "VALUES ('rentan', 'again', 9)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ERROR);
  g_assert_true (sigap_database_last_error_is_unique (db));
  g_assert_null (strchr (sigap_database_last_error_message (db), '\n'));
  g_assert_null (strstr (sigap_database_last_error_message (db), "INSERT"));
  g_assert_true (!sigap_database_set_error (db, &error, "what"));
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  /* A long statement stops when its cancellable is cancelled from another thread. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(SigapStatement) sleep = sigap_database_prepare (db, "SELECT pg_sleep (30)", &error);
    GThread *thread;
    gint64 started = g_get_monotonic_time ();

    g_assert_no_error (error);
    sigap_database_set_cancellable (db, cancellable);
    thread = g_thread_new ("cancel", cancel_soon, cancellable);
    g_assert_cmpint (sigap_statement_step (sleep), ==, SIGAP_STEP_ERROR);
    g_thread_join (thread);
    g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
    sigap_database_set_error (db, &error, "sleep");
    g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CANCELLED);
    g_clear_error (&error);
    sigap_database_set_cancellable (db, NULL);
  }

  g_clear_pointer (&stmt, sigap_statement_free);
  g_clear_pointer (&rows, sigap_statement_free);
  g_clear_pointer (&insert, sigap_statement_free);
  g_clear_object (&db);
  sigap_test_database_drop (&server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  server_uri = g_getenv ("SIGAP_TEST_PG");
  if (server_uri != NULL && *server_uri == '\0')
    server_uri = NULL;

  g_test_add_func ("/engines/summary-identical", test_summary_identical);
  g_test_add_func ("/engines/interface", test_interface);
  g_test_add_func ("/engines/connection-errors", test_connection_errors);
  g_test_add_func ("/engines/import-identical", test_import_identical);
  g_test_add_func ("/engines/copy", test_copy);
  g_test_add_func ("/engines/import-updates", test_import_updates);
  g_test_add_func ("/engines/references", test_references);
  g_test_add_func ("/engines/session-options", test_session_options);
  g_test_add_func ("/engines/roles", test_roles);
  g_test_add_func ("/engines/import-concurrent", test_import_concurrent);
  g_test_add_func ("/engines/notify", test_notify);
  g_test_add_func ("/engines/data-watch", test_data_watch);
  g_test_add_func ("/engines/replica", test_replica);

  return g_test_run ();
}
