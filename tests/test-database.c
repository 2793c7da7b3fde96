/* test-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/sigap-data-watch.h"
#include "core/sigap-database.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-database-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.sigap", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query_int (SigapDatabase *db,
           const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return sigap_statement_column_int64 (stmt, 0);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Writes a raw SQLite file, without SigapDatabase. */
static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());
  g_assert_cmpint (sigap_database_latest_schema_version (), >=, 2);

  /* Reference data: the city, 12 kecamatan, 56 kelurahan, each kelurahan under a kecamatan. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region WHERE level = 'kota'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region WHERE level = 'kecamatan'"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region WHERE level = 'kelurahan'"), ==, 56);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region k JOIN region p ON p.id = k.parent_id"
                                  " WHERE k.level = 'kelurahan' AND p.level = 'kecamatan'"
                                  " AND substr (k.code, 1, 8) = p.code"), ==, 56);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region WHERE level = 'kecamatan'"
                                  " AND latitude IS NOT NULL"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region_alias a JOIN region r"
                                  " ON r.id = a.region_id WHERE alias = 'Rawa Lumbu'"
                                  " AND r.code = '32.75.05'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sector"), ==, 22);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sector WHERE segment = 'ekosistem'"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT monthly FROM premium_rate WHERE program = 'JKK'"), ==, 10000);
  g_assert_cmpint (query_int (db, "SELECT monthly FROM premium_rate WHERE program = 'JKM'"), ==, 6800);

  /* Connection settings. */
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, 0x53474150);
  {
    g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, "PRAGMA journal_mode", NULL);

    g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
    g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, "wal");
  }
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sigap_database_set_meta (db, "note", "kept", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autofree char *value = sigap_database_get_meta (db, "note");

    g_assert_cmpstr (value, ==, "kept");
  }
  /* Migrations ran once: still one row per kecamatan. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM region WHERE level = 'kecamatan'"), ==, 12);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
assert_refused_untouched (Fixture *fixture,
                          int      code)
{
  g_autofree char *before = file_checksum (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, SIGAP_DATABASE_ERROR, code);
  g_assert_null (db);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "test.sigap"));

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path,
                                      "nik;nama;kelurahan\n3275014101900001;Siti;Margahayu\n",
                                      -1, NULL));
  assert_refused_untouched (fixture, SIGAP_DATABASE_ERROR_NOT_SIGAP);
}

static void
test_other_program (Fixture       *fixture,
                    gconstpointer  data)
{
  write_sqlite (fixture->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                               "INSERT INTO invoices VALUES (1, 2.5);");
  assert_refused_untouched (fixture, SIGAP_DATABASE_ERROR_NOT_SIGAP);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                         "CREATE TABLE future (x);",
                         0x53474150, sigap_database_latest_schema_version () + 1);
  write_sqlite (fixture->path, sql);
  assert_refused_untouched (fixture, SIGAP_DATABASE_ERROR_TOO_NEW);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sigap_database_exec (db, "PRAGMA wal_checkpoint (TRUNCATE); PRAGMA journal_mode = DELETE", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Keep the 100-byte header, destroy the schema page behind it. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, 4096 - 100);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  assert_refused_untouched (fixture, SIGAP_DATABASE_ERROR_CORRUPT);
}

static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_assert_false (sigap_database_exec (db,
                                       "INSERT INTO participant (nik, name, kelurahan_id, sector_id,"
                                       " registered_on) VALUES ('3275010101900001', 'X', 99999, 1,"
                                       " '2026-01-01')",
                                       &error));
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  /* Ended before registered is refused by the schema itself. */
  g_assert_false (sigap_database_exec (db,
                                       "INSERT INTO participant (nik, name, kelurahan_id, sector_id,"
                                       " registered_on, ended_on) VALUES ('3275010101900001', 'X',"
                                       " (SELECT id FROM region WHERE code = '32.75.01.1001'), 1,"
                                       " '2026-01-01', '2025-12-31')",
                                       &error));
  g_assert_nonnull (error);
}

static void
test_transaction_rollback (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  sigap_database_begin (db, &error);
  g_assert_no_error (error);
  sigap_database_exec (db, "INSERT INTO budget (year, segment, funding_source, pagu)"
                           " VALUES (2026, 'rentan', 'APBD', 2000000000)", &error);
  g_assert_no_error (error);
  sigap_database_rollback (db);

  g_assert_cmpint (query_int (db, "SELECT count (*) FROM budget"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM tally_sector"), ==, 0);
}

static void
test_cutoff (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  GDate date;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  sigap_database_update_cutoff (db, &error);
  g_assert_no_error (error);
  g_assert_false (sigap_database_get_cutoff (db, &date));

  sigap_database_exec (db,
                       "INSERT INTO participant (nik, name, kelurahan_id, sector_id, registered_on,"
                       " ended_on) VALUES ('3275010101900001', 'X',"
                       " (SELECT id FROM region WHERE code = '32.75.01.1001'), 1, '2026-01-01',"
                       " '2026-02-03');"
                       "INSERT INTO payment (paid_on, sp2d_number, segment, funding_source,"
                       " period_start, period_end, participants, amount) VALUES ('2026-01-20', 'S1',"
                       " 'rentan', 'APBD', '2026-01-01', '2026-01-31', 1, 16800);",
                       &error);
  g_assert_no_error (error);
  sigap_database_update_cutoff (db, &error);
  g_assert_no_error (error);

  /* The latest of registration (1 Jan), end (3 Feb) and payment (20 Jan). */
  g_assert_true (sigap_database_get_cutoff (db, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 3);
}

/* Migration 0005 on a database written under schema 4: desil notes on ekosistem workers go,
 * a rentan worker at desil 6..10 without one gets it, and the notes' tally is counted. */
static void
test_migration_quality (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Back to schema 4: no tally_flag, and notes written by the old rule. */
  sigap_database_exec (db,
                       "DROP TRIGGER participant_flag_tally_insert;"
                       "DROP TRIGGER participant_flag_tally_delete;"
                       "DROP TRIGGER participant_flag_tally_forget;"
                       "DROP TRIGGER participant_flag_tally_move;"
                       "DROP TABLE tally_flag;"
                       "ALTER TABLE import_batch DROP COLUMN imported_by;"
                       "INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil,"
                       "                         registered_on, kpj_number) VALUES"
                       " ('3275010101900001', 'Rentan 7',"
                       "  (SELECT id FROM region WHERE code = '32.75.01.1001'),"
                       "  (SELECT id FROM sector WHERE code = 'ojek-online'), 7, '2025-11-05', 'K1'),"
                       " ('3275010101900002', 'Rentan 9 unnoted',"
                       "  (SELECT id FROM region WHERE code = '32.75.01.1001'),"
                       "  (SELECT id FROM sector WHERE code = 'pkl'), 9, '2025-11-06', 'K2'),"
                       " ('3275010101900003', 'Non-ASN 8',"
                       "  (SELECT id FROM region WHERE code = '32.75.03.1001'),"
                       "  (SELECT id FROM sector WHERE code = 'non-asn'), 8, '2025-12-01', NULL),"
                       " ('3275010101900004', 'RT/RW 6',"
                       "  (SELECT id FROM region WHERE code = '32.75.03.1001'),"
                       "  (SELECT id FROM sector WHERE code = 'rt-rw'), 6, '2025-12-02', 'K4');"
                       "INSERT INTO participant_flag (participant_id, kind, detail)"
                       " SELECT id, 'desil', desil FROM participant WHERE name <> 'Rentan 9 unnoted';"
                       "INSERT INTO participant_flag (participant_id, kind)"
                       " SELECT id, 'kpj-missing' FROM participant WHERE kpj_number IS NULL;"
                       "PRAGMA user_version = 4;",
                       &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());

  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag WHERE kind = 'desil'"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag f JOIN participant p"
                                  " ON p.id = f.participant_id WHERE f.kind = 'desil'"
                                  " AND p.name IN ('Rentan 7', 'Rentan 9 unnoted')"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT detail FROM participant_flag f JOIN participant p"
                                  " ON p.id = f.participant_id WHERE f.kind = 'desil'"
                                  " AND p.name = 'Rentan 9 unnoted'"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag"
                                  " WHERE kind = 'kpj-missing'"), ==, 1);

  /* The tally: two rentan desil notes in November 2025, one ekosistem KPJ note in December. */
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag WHERE kind = 'desil'"
                                  " AND segment = 'rentan' AND month = '2025-11'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"
                                  " WHERE kind = 'kpj-missing' AND segment = 'ekosistem'"
                                  " AND month = '2025-12'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"), ==, 3);
}

/* Migration 0006 on a database written under schema 5, made by the real migrations 1 to 5 with
 * SQLite alone: participant_flag is made again with a CHECK that takes 'desil-missing'; its
 * rows, its index and the triggers (its own and those of participant that read it) are kept;
 * the rentan workers without a desil get the note, counted in tally_flag, and nobody else. */
static void
test_migration_desil_missing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new ("PRAGMA foreign_keys = ON; BEGIN;");
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  const GPtrArray *own;
  sqlite3 *handle = NULL;

  for (int version = 1; version <= 5; version++)
    {
      g_autofree char *pattern = g_strdup_printf ("%04d-", version);
      g_auto(GStrv) names = g_resources_enumerate_children ("/id/go/bekasikota/Sigap/sql",
                                                            0, NULL);

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_has_prefix (names[i], pattern))
          {
            g_autofree char *resource = g_strconcat ("/id/go/bekasikota/Sigap/sql/", names[i],
                                                     NULL);
            g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);

            g_assert_nonnull (bytes);
            g_string_append_len (sql, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
            g_string_append_c (sql, '\n');
          }
    }
  g_string_append (sql,
                   "INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil,"
                   "                         registered_on, kpj_number) VALUES"
                   " ('3275010101900001', 'Rentan no desil',"
                   "  (SELECT id FROM region WHERE code = '32.75.01.1001'),"
                   "  (SELECT id FROM sector WHERE code = 'ojek-online'), NULL, '2025-11-05', 'K1'),"
                   " ('3275010101900002', 'Rentan no desil, no KPJ',"
                   "  (SELECT id FROM region WHERE code = '32.75.03.1001'),"
                   "  (SELECT id FROM sector WHERE code = 'pkl'), NULL, '2025-12-06', NULL),"
                   " ('3275010101900003', 'Rentan 7',"
                   "  (SELECT id FROM region WHERE code = '32.75.03.1001'),"
                   "  (SELECT id FROM sector WHERE code = 'pkl'), 7, '2025-12-01', 'K3'),"
                   " ('3275010101900004', 'RT/RW no desil',"
                   "  (SELECT id FROM region WHERE code = '32.75.03.1001'),"
                   "  (SELECT id FROM sector WHERE code = 'rt-rw'), NULL, '2025-12-02', 'K4');"
                   "INSERT INTO participant_flag (participant_id, kind, detail)"
                   " SELECT id, 'desil', desil FROM participant WHERE desil >= 6;"
                   "INSERT INTO participant_flag (participant_id, kind)"
                   " SELECT id, 'kpj-missing' FROM participant WHERE kpj_number IS NULL;"
                   "PRAGMA user_version = 5; PRAGMA application_id = 1397178704; COMMIT;");
  write_sqlite (fixture->path, sql->str);

  /* Schema 5 refuses the new kind. */
  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO participant_flag (participant_id, kind)"
                                 " VALUES (1, 'desil-missing')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (handle);

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_latest_schema_version (), >=, 6);
  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());

  /* The rows kept, the new notes on the two rentan workers without a desil only. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag f JOIN participant p"
                                  " ON p.id = f.participant_id WHERE f.kind = 'desil'"
                                  " AND p.name = 'Rentan 7' AND f.detail = '7'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag f JOIN participant p"
                                  " ON p.id = f.participant_id WHERE f.kind = 'kpj-missing'"
                                  " AND p.name = 'Rentan no desil, no KPJ'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag f JOIN participant p"
                                  " ON p.id = f.participant_id WHERE f.kind = 'desil-missing'"
                                  " AND p.name LIKE 'Rentan no desil%' AND f.detail IS NULL"),
                   ==, 2);

  /* Counted: November 2025 in Bekasi Timur, December 2025 in Bekasi Utara. */
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"
                                  " WHERE kind = 'desil-missing' AND segment = 'rentan'"
                                  " AND month = '2025-11'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"
                                  " WHERE kind = 'desil-missing' AND segment = 'rentan'"
                                  " AND month = '2025-12'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"), ==, 4);

  /* The same indexes and triggers, in the same words, as a database created at schema 6. */
  own = sigap_database_get_own_schema ();
  stmt = sigap_database_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = ?1"
                                     " AND name = ?2", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < own->len; i++)
    {
      const SigapSchemaObject *object = g_ptr_array_index (own, i);

      sigap_statement_bind_text (stmt, 1, object->type);
      sigap_statement_bind_text (stmt, 2, object->name);
      g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
      g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, object->sql);
      sigap_statement_reset (stmt);
    }
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema"
                                  " WHERE name = 'participant_flag_new'"), ==, 0);

  /* The new CHECK, and the triggers at work: a deleted participant leaves no count. */
  g_assert_true (sigap_database_exec (db, "INSERT INTO participant_flag (participant_id, kind)"
                                          " VALUES (3, 'desil-missing')", NULL));
  g_assert_false (sigap_database_exec (db, "INSERT INTO participant_flag (participant_id, kind)"
                                           " VALUES (3, 'bogus')", NULL));
  g_assert_true (sigap_database_exec (db, "DELETE FROM participant", NULL));
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM participant_flag"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (registered), 0) FROM tally_flag"), ==, 0);
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

/* A watch on a file hears a write by another connection within a second, and not a read. */
static void
test_data_watch (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapDataWatch) watch = NULL;
  sqlite3 *reader = NULL;
  guint changed = 0;
  gint64 started;

  db = sigap_database_open (fixture->path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  /* The creation's own file events pass first. */
  run_main_context (300, &changed, FALSE);

  watch = sigap_data_watch_new (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (watch, "changed", G_CALLBACK (count_changed_cb), &changed);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &reader, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count (*) FROM participant", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (reader);
  run_main_context (500, &changed, FALSE);
  g_assert_cmpuint (changed, ==, 0);

  write_sqlite (fixture->path,
                "INSERT INTO import_batch (kind, file_name, checksum, imported_at) "
                "VALUES ('participants', 'x.csv', 'x', '2026-12-01T00:00:00Z')");
  started = g_get_monotonic_time ();
  run_main_context (1000, &changed, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_TIME_SPAN_SECOND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sigap/database/create", test_create);
  ADD ("/sigap/database/reopen", test_reopen);
  ADD ("/sigap/database/missing", test_missing);
  ADD ("/sigap/database/refuse/not-sqlite", test_not_sqlite);
  ADD ("/sigap/database/refuse/other-program", test_other_program);
  ADD ("/sigap/database/refuse/too-new", test_too_new);
  ADD ("/sigap/database/refuse/corrupt", test_corrupt);
  ADD ("/sigap/database/foreign-keys", test_foreign_keys);
  ADD ("/sigap/database/rollback", test_transaction_rollback);
  ADD ("/sigap/database/cutoff", test_cutoff);
  ADD ("/sigap/database/migration/quality", test_migration_quality);
  ADD ("/sigap/database/migration/desil-missing", test_migration_desil_missing);
  ADD ("/sigap/database/data-watch", test_data_watch);

#undef ADD

  return g_test_run ();
}
