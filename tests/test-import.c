/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer end to end, on databases and CSV files the tests write: every format variant,
 * every rejection reason, flags, updates by NIK, idempotent re-import, targets, budgets and
 * payments, dry runs, the rejected-lines file, cancelling, and a child process killed with
 * SIGKILL half-way through a large import.
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/sigap-csv-reader.h"
#include "core/sigap-csv-writer.h"
#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "core/sigap-import.h"
#include "core/sigap-import-log.h"
#include "core/sigap-import-private.h"
#include "sigap-test-server.h"

#define TODAY_YEAR 2026
#define TODAY_MONTH 1
#define TODAY_DAY 31

typedef struct
{
  char          *dir;
  char          *db_path;      /* a file, or a server database's URI */
  SigapTestDatabase server;      /* the database on the server, for the /postgres/ runs */
  SigapDatabase *db;
  guint          n_files;
} Fixture;

#define ON_SERVER GINT_TO_POINTER (1)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-import-XXXXXX", &error);
  g_assert_no_error (error);
  if (data == ON_SERVER)
    {
      sigap_test_database_create (&fixture->server);
      fixture->db_path = g_strdup (fixture->server.uri);
    }
  else
    fixture->db_path = g_build_filename (fixture->dir, "test.sigap", NULL);
  fixture->db = sigap_database_open (fixture->db_path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->db);
  sigap_test_database_drop (&fixture->server);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static GFile *
write_file (Fixture    *fixture,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("input-%u.csv", ++fixture->n_files);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static SigapImporter *
new_importer (SigapImportKind kind)
{
  SigapImporter *importer = sigap_importer_new (kind);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  sigap_importer_set_today (importer, &today);
  return importer;
}

static SigapImportResult *
import_into (SigapDatabase   *db,
             Fixture         *fixture,
             SigapImportKind  kind,
             const char      *data,
             gssize           len,
             SigapImportBulk  bulk,
             GError         **error)
{
  g_autoptr(SigapImporter) importer = new_importer (kind);
  g_autoptr(GFile) file = write_file (fixture, data, len);

  _sigap_importer_set_bulk (importer, bulk);
  return sigap_importer_run (importer, db, file, NULL, error);
}

static SigapImportResult *
import_ok (Fixture         *fixture,
           SigapImportKind  kind,
           const char      *data)
{
  g_autoptr(GError) error = NULL;
  SigapImportResult *result = import_into (fixture->db, fixture, kind, data, -1,
                                           SIGAP_IMPORT_BULK_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
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
query_text (SigapDatabase *db,
            const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return NULL;
  return g_strdup (sigap_statement_column_text (stmt, 0));
}

/* The first column of every row, joined by ", " (group_concat and string_agg differ). */
static char *
query_joined (SigapDatabase *db,
              const char    *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "",
                            sigap_statement_column_text (stmt, 0));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_strings (const char **a,
                 const char **b)
{
  return strcmp (*a, *b);
}

/* Every row of @tables, in a stable order, as text. */
static char *
dump (SigapDatabase      *db,
      const char * const *tables)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[t]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sigap_statement_column_count (stmt); c++)
            {
              const char *value = sigap_statement_column_text (stmt, c);

              g_string_append_printf (row, "%s%s", c > 0 ? "|" : "", value ? value : "NULL");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }

      /* Row order is not part of the content. */
      g_ptr_array_sort (rows, (GCompareFunc) compare_strings);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (rows, r));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char * const all_tables[] = {
  "participant", "participant_flag", "tally_sector", "tally_desil", "target", "budget",
  "payment", "import_batch", "import_reject", "sigap_meta", NULL,
};

static const char * const data_tables[] = {
  "participant", "participant_flag", "tally_sector", "tally_desil", NULL,
};

/* The schema's objects as text: on a server, the indexes, constraints and triggers (with
 * whether they are enabled) of the tables an import may change the schema of. */
static char *
dump_schema (SigapDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(SigapStatement) stmt = NULL;

  if (sigap_database_get_engine (db) == SIGAP_DATABASE_ENGINE_SQLITE)
    stmt = sigap_database_prepare (db,
                                   "SELECT type, name, ifnull (sql, '') "
                                   "FROM sqlite_schema ORDER BY name",
                                   NULL);
  else
    stmt = sigap_database_prepare (db,
                                   "SELECT * FROM ("
                                   "  SELECT 'index', indexrelid::regclass::text, "
                                   "         pg_get_indexdef (indexrelid) "
                                   "  FROM pg_index WHERE indrelid IN ('participant'::regclass, "
                                   "    'participant_flag'::regclass, 'import_reject'::regclass) "
                                   "  UNION ALL "
                                   "  SELECT 'constraint', conname, pg_get_constraintdef (oid) "
                                   "  FROM pg_constraint WHERE conrelid IN ('participant'::regclass, "
                                   "    'participant_flag'::regclass, 'import_reject'::regclass) "
                                   "  UNION ALL "
                                   "  SELECT 'trigger', tgname, tgenabled::text FROM pg_trigger "
                                   "  WHERE NOT tgisinternal AND tgrelid IN ("
                                   "    'participant'::regclass, 'participant_flag'::regclass)"
                                   ") AS o ORDER BY 2, 1",
                                   NULL);
  g_assert_nonnull (stmt);

  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    g_string_append_printf (out, "%s %s %s\n", sigap_statement_column_text (stmt, 0),
                            sigap_statement_column_text (stmt, 1), sigap_statement_column_text (stmt, 2));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Like g_assert_cmpstr (), but a failure shows the first line that differs, not all. */
static void
assert_same_lines (const char *a,
                   const char *b)
{
  g_auto(GStrv) as = g_strsplit (a, "\n", -1);
  g_auto(GStrv) bs = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; as[i] != NULL && bs[i] != NULL; i++)
    g_assert_cmpstr (as[i], ==, bs[i]);
  g_assert_cmpstr (as[i], ==, bs[i]);
}

/* The server keeps its own pages and foreign keys whole; a file is checked. */
static void
assert_integrity (SigapDatabase *db)
{
  if (sigap_database_get_engine (db) != SIGAP_DATABASE_ENGINE_SQLITE)
    return;

  g_autofree char *check = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
}

/* The tallies must agree with the participants they count. */
static void
assert_tallies_consistent (SigapDatabase *db)
{
  g_assert_cmpint (query_int (db,
                              "SELECT count (*) FROM ("
                              "  SELECT kelurahan_id, sector_id, substr (registered_on, 1, 7) m,"
                              "         count (*) n FROM participant GROUP BY 1, 2, 3"
                              "  EXCEPT SELECT kelurahan_id, sector_id, month, registered"
                              "  FROM tally_sector WHERE registered > 0) AS d"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (registered), 0) FROM tally_sector"), ==,
                   query_int (db, "SELECT count (*) FROM participant"));
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (ended), 0) FROM tally_sector"), ==,
                   query_int (db, "SELECT count (ended_on) FROM participant"));
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (registered), 0) FROM tally_desil"), ==,
                   query_int (db, "SELECT count (*) FROM participant"));
  g_assert_cmpint (query_int (db,
                              "SELECT count (*) FROM ("
                              "  SELECT kelurahan_id, s.segment, coalesce (desil, 0),"
                              "         substr (ended_on, 1, 7), count (*) FROM participant p"
                              "  JOIN sector s ON s.id = p.sector_id"
                              "  WHERE ended_on IS NOT NULL GROUP BY 1, 2, 3, 4"
                              "  EXCEPT SELECT kelurahan_id, segment, desil, month, ended"
                              "  FROM tally_desil WHERE ended > 0) AS d"),
                   ==, 0);
  /* The data-quality notes' tally (schema 5). */
  g_assert_cmpint (query_int (db,
                              "SELECT count (*) FROM ("
                              "  SELECT p.kelurahan_id, s.segment, f.kind,"
                              "         substr (p.registered_on, 1, 7), count (*)"
                              "  FROM participant_flag f JOIN participant p"
                              "  ON p.id = f.participant_id JOIN sector s ON s.id = p.sector_id"
                              "  GROUP BY 1, 2, 3, 4"
                              "  EXCEPT SELECT kelurahan_id, segment, kind, month, registered"
                              "  FROM tally_flag WHERE registered <> 0) AS d"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (registered), 0) FROM tally_flag"), ==,
                   query_int (db, "SELECT count (*) FROM participant_flag"));
}

static const SigapImportRejection *
find_rejection (const SigapImportResult *result,
                gint64                   line)
{
  for (guint i = 0; i < result->rejections->len; i++)
    {
      const SigapImportRejection *rejection = g_ptr_array_index (result->rejections, i);

      if (rejection->line == line)
        return rejection;
    }

  return NULL;
}

static void
assert_rejected (const SigapImportResult *result,
                 gint64                   line,
                 const char              *column,
                 const char              *fragment)
{
  const SigapImportRejection *rejection = find_rejection (result, line);

  if (rejection == NULL)
    g_error ("line %" G_GINT64_FORMAT " was not rejected", line);
  g_assert_cmpstr (rejection->column, ==, column);
  if (strstr (rejection->reason, fragment) == NULL)
    g_error ("line %" G_GINT64_FORMAT ": “%s” does not say “%s”", line, rejection->reason,
             fragment);
}

/* --- Participants --------------------------------------------------------------------- */

static void
test_participants_basic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  g_autofree char *row = NULL;
  g_autofree char *cutoff = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,kecamatan,sektor,tanggal_daftar,desil,"
                      "jenis_kelamin,tanggal_lahir,no_kpj,sumber_data,tanggal_berhenti,"
                      "alasan_berhenti\n"
                      "3275014101900001,Siti  Aminah,Bekasijaya,Bekasi Timur,Ojek Online,"
                      "2025-11-05,2,P,1990-01-01,12345678901,DTSEN,,\n"
                      "3275010101850002,Budi,32.75.02.1001,,PKL,05/11/2025,,L,,'98765,"
                      "Dinas Koperasi,2025-12-31,pindah\n");

  g_assert_cmpint (result->read, ==, 2);
  g_assert_cmpint (result->added, ==, 2);
  g_assert_cmpint (result->rejected, ==, 0);
  /* Budi, a PKL (rentan) with an empty desil: noted. */
  g_assert_cmpint (result->flagged, ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (*) FROM participant_flag f JOIN participant p"
                              " ON p.id = f.participant_id"
                              " WHERE f.kind = 'desil-missing' AND p.name = 'Budi'"), ==, 1);
  g_assert_false (result->dry_run);
  g_assert_false (result->already_imported);
  g_assert_cmpint (result->batch_id, >, 0);
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
  g_assert_cmpint (result->separator, ==, ',');
  g_assert_cmpuint (g_strv_length (result->ignored_columns), ==, 0);
  g_assert_cmpuint (strlen (result->checksum), ==, 64);

  row = query_text (fixture->db,
                    "SELECT p.name || '|' || r.code || '|' || s.code || '|' || p.desil || '|' "
                    "|| p.sex || '|' || p.birth_date || '|' || p.registered_on || '|' || "
                    "p.kpj_number || '|' || p.source || '|' || p.batch_id "
                    "FROM participant p JOIN region r ON r.id = p.kelurahan_id "
                    "JOIN sector s ON s.id = p.sector_id WHERE nik = '3275014101900001'");
  g_assert_cmpstr (row, ==, "Siti Aminah|32.75.01.1001|ojek-online|2|P|1990-01-01|2025-11-05|"
                            "12345678901|DTSEN|1");
  g_clear_pointer (&row, g_free);

  row = query_text (fixture->db,
                    "SELECT r.code || '|' || s.code || '|' || coalesce (CAST (p.desil AS TEXT), '-') || '|' || "
                    "p.kpj_number || '|' || p.ended_on || '|' || p.end_reason "
                    "FROM participant p JOIN region r ON r.id = p.kelurahan_id "
                    "JOIN sector s ON s.id = p.sector_id WHERE nik = '3275010101850002'");
  g_assert_cmpstr (row, ==, "32.75.02.1001|pkl|-|98765|2025-12-31|pindah");

  assert_tallies_consistent (fixture->db);
  assert_integrity (fixture->db);

  /* The cut-off follows the data. */
  cutoff = sigap_database_get_meta (fixture->db, "data_cutoff");
  g_assert_cmpstr (cutoff, ==, "2025-12-31");

  g_assert_cmpint (query_int (fixture->db, "SELECT rows_added FROM import_batch"), ==, 2);
}

/* The same three participants, written the ways offices write them. */
static void
test_participants_formats (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *data;
  } variants[] = {
    { "comma, LF",
      "nik,nama,kelurahan,sektor,tanggal_daftar\n"
      "3275014101900001,José Rizal,Bekasijaya,Ojek Online,2025-11-05\n"
      "3275010101850002,Budi Santoso,Margahayu,PKL,2025-11-06\n"
      "3201010101800003,Ani,Kranji,Linmas,2025-12-01\n" },
    { "BOM, semicolon, CRLF, aliases",
      "\xEF\xBB\xBFNo. NIK;Nama Lengkap;Desa/Kelurahan;Jenis Pekerjaan;Tgl. Daftar\r\n"
      "3275014101900001;José Rizal;Bekasi Jaya;ojol;5 Nov 2025\r\n"
      "3275010101850002;Budi Santoso;MARGAHAYU;pedagang kaki lima;6/11/2025\r\n"
      "3201010101800003;Ani;kranji;satlinmas;1 Desember 2025\r\n" },
    { "tab",
      "NIK\tNama\tKelurahan\tSektor\tTanggal Daftar\n"
      "3275014101900001\tJosé Rizal\tBekasijaya\tOjek Online\t05-11-2025\n"
      "3275010101850002\tBudi Santoso\tMargahayu\tPKL\t06-11-2025\n"
      "3201010101800003\tAni\tKranji\tLinmas\t01-12-2025\n" },
    { "sep= line, quotes, separators and line breaks inside values, blank lines",
      "sep=;\n"
      "\"nik\";\"nama\";\"kelurahan\";\"sektor\";\"tanggal_daftar\";\"catatan\"\n"
      "\n"
      "\"3275 0141 0190 0001\";\"José Rizal\";\"Bekasijaya\";\"Ojek Online\";\"2025-11-05\";"
      "\"a;b\nc \"\"d\"\"\"\n"
      "  3275010101850002 ; \"Budi  Santoso\" ;Margahayu;PKL;2025-11-06;;;;\n"
      "\n"
      "'3201010101800003;Ani;32.75.02.1002;linmas;2025-12-01;\n"
      ";;;;;\n" },
  };
  static const char *expected =
    "3201010101800003|Ani|32.75.02.1002|linmas|2025-12-01\n"
    "3275010101850002|Budi Santoso|32.75.01.1002|pkl|2025-11-06\n"
    "3275014101900001|José Rizal|32.75.01.1001|ojek-online|2025-11-05\n";
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    g_ptr_array_add (files, g_strdup (variants[i].data));

  /* Windows-1252 ("José": é = 0xE9) and UTF-16LE with its byte order mark. */
  {
    g_autofree char *cp1252 = g_convert (variants[0].data, -1, "WINDOWS-1252", "UTF-8", NULL,
                                         NULL, NULL);

    g_assert_nonnull (cp1252);
    g_assert_nonnull (strchr (cp1252, '\xE9'));
    g_ptr_array_add (files, g_steal_pointer (&cp1252));
  }

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/format-%u.sigap", fixture->dir, i);
      g_autoptr(SigapDatabase) db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, NULL);
      g_autoptr(SigapImportResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) rows = g_string_new (NULL);
      g_autoptr(SigapStatement) stmt = NULL;

      result = import_into (db, fixture, SIGAP_IMPORT_PARTICIPANTS, g_ptr_array_index (files, i),
                            -1, SIGAP_IMPORT_BULK_AUTO, &error);
      g_assert_no_error (error);
      g_test_message ("variant %u: %s", i, i < G_N_ELEMENTS (variants) ? variants[i].name
                                                                        : "Windows-1252");
      g_assert_cmpint (result->rejected, ==, 0);
      g_assert_cmpint (result->added, ==, 3);
      g_assert_cmpint (result->read, ==, 3);

      stmt = sigap_database_prepare (db,
                                     "SELECT p.nik, p.name, r.code, s.code, p.registered_on "
                                     "FROM participant p "
                                     "JOIN region r ON r.id = p.kelurahan_id "
                                     "JOIN sector s ON s.id = p.sector_id ORDER BY nik",
                                     NULL);
      while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
        g_string_append_printf (rows, "%s|%s|%s|%s|%s\n", sigap_statement_column_text (stmt, 0),
                                sigap_statement_column_text (stmt, 1), sigap_statement_column_text (stmt, 2),
                                sigap_statement_column_text (stmt, 3), sigap_statement_column_text (stmt, 4));
      g_assert_cmpstr (rows->str, ==, expected);

      if (i == 3)
        {
          g_assert_cmpint (result->separator, ==, ';');
          g_assert_cmpuint (g_strv_length (result->ignored_columns), ==, 1);
          g_assert_cmpstr (result->ignored_columns[0], ==, "catatan");
        }
      if (i == 4)
        g_assert_cmpstr (result->encoding, ==, "Windows-1252");
    }

  /* UTF-16, as Excel's "Unicode Text" saves it: tab separated. */
  {
    g_autofree char *utf16 = NULL;
    g_autoptr(GByteArray) bytes = g_byte_array_new ();
    g_autoptr(SigapImportResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(SigapDatabase) db = NULL;
    g_autofree char *path = g_strdup_printf ("%s/format-utf16.sigap", fixture->dir);
    g_autofree char *name = NULL;
    gsize written;

    utf16 = g_convert (variants[2].data, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
    g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
    g_byte_array_append (bytes, (const guint8 *) utf16, (guint) written);
    db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, NULL);
    result = import_into (db, fixture, SIGAP_IMPORT_PARTICIPANTS, (const char *) bytes->data,
                          bytes->len, SIGAP_IMPORT_BULK_AUTO, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->added, ==, 3);
    g_assert_cmpstr (result->encoding, ==, "UTF-16LE");
    name = query_text (db, "SELECT name FROM participant WHERE nik = '3275014101900001'");
    g_assert_cmpstr (name, ==, "José Rizal");
  }
}

static void
test_participants_rejections (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  g_autofree char *raw = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
    /* 1 */ "nik,nama,kelurahan,kecamatan,sektor,tanggal_daftar,tanggal_berhenti,desil,"
            "jenis_kelamin,catatan\n"
    /* 2 */ "3275014101900001,Siti,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 3 */ "3275014101900002,Ani,Bekasijaya,Bekasi Timur,ojol,2025-11-05,,,,\"baris satu\n"
    /* 4 */ "baris dua\"\n"
    /* 5 */ "327501410190001,Short,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 6 */ "9975014101900003,Province,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 7 */ "3275013213900004,Birthday,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 8 */ "\"3,27501E+15\",Excel,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 9 */ "3275014101900001,Again,Margahayu,,ojol,2025-11-05,,,,\n"
    /* 10 */ "3275014101900005,Typo,Bekasijya,,ojol,2025-11-05,,,,\n"
    /* 11 */ "3275014101900006,Wrong kecamatan,Bekasijaya,Bekasi Barat,ojol,2025-11-05,,,,\n"
    /* 12 */ "3275014101900007,No kecamatan,Bekasijaya,Bekasi Tengah,ojol,2025-11-05,,,,\n"
    /* 13 */ "3275014101900008,Sector typo,Bekasijaya,,ojek onlen,2025-11-05,,,,\n"
    /* 14 */ "3275014101900009,Bad date,Bekasijaya,,ojol,kemarin,,,,\n"
    /* 15 */ "3275014101900010,Future,Bekasijaya,,ojol,2026-02-01,,,,\n"
    /* 16 */ "3275014101900011,Ended early,Bekasijaya,,ojol,2025-11-05,2025-10-01,,,\n"
    /* 17 */ "3275014101900012,Desil,Bekasijaya,,ojol,2025-11-05,,11,,\n"
    /* 18 */ "3275014101900013,Budi, S.Pd,Bekasijaya,,ojol,2025-11-05,,,,x\n"
    /* 19 */ "3275014101900014,Sex,Bekasijaya,,ojol,2025-11-05,,,X,\n"
    /* 20 */ "3275014101900015,,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 21 */ "3275014101900016,Kecamatan code,32.75.01,,ojol,2025-11-05,,,,\n"
    /* 22 */ "3275014101900017,No sector,Bekasijaya,,,2025-11-05,,,,\n"
    /* 23 */ "3275014101900018,\"Open quote,Bekasijaya,,ojol,2025-11-05,,,,\n"
    /* 24 */ "3275014101900019,Swallowed,Bekasijaya,,ojol,2025-11-05,,,,\n");

  g_assert_cmpint (result->read, ==, 21);
  g_assert_cmpint (result->added, ==, 2);
  g_assert_cmpint (result->rejected, ==, 19);
  g_assert_cmpuint (result->rejections->len, ==, 19);
  g_assert_null (find_rejection (result, 2));
  g_assert_null (find_rejection (result, 3));
  g_assert_null (find_rejection (result, 4));

  assert_rejected (result, 5, "nik", "15 digits");
  assert_rejected (result, 6, "nik", "province code 99");
  assert_rejected (result, 7, "nik", "birth day 32");
  assert_rejected (result, 8, "nik", "Excel");
  assert_rejected (result, 9, "nik", "already on line 2");
  assert_rejected (result, 10, "kelurahan", "Unknown kelurahan “Bekasijya”");
  assert_rejected (result, 10, "kelurahan", "did you mean Bekasijaya (kecamatan Bekasi Timur)");
  assert_rejected (result, 11, "kecamatan", "in kecamatan Bekasi Timur, not in Bekasi Barat");
  assert_rejected (result, 12, "kecamatan", "Unknown kecamatan “Bekasi Tengah”");
  assert_rejected (result, 13, "sektor", "did you mean Ojek Online");
  assert_rejected (result, 14, "tanggal_daftar", "“kemarin” is not a date");
  assert_rejected (result, 15, "tanggal_daftar", "in the future");
  assert_rejected (result, 16, "tanggal_berhenti", "before registering");
  assert_rejected (result, 17, "desil", "1 to 10");
  assert_rejected (result, 18, NULL, "11 values but the header has 10 columns");
  assert_rejected (result, 19, "jenis_kelamin", "neither L");
  assert_rejected (result, 20, "nama", "No name");
  assert_rejected (result, 21, "kelurahan", "code of a kecamatan (Bekasi Timur)");
  assert_rejected (result, 22, "sektor", "No sector");
  assert_rejected (result, 23, NULL, "never closed");

  /* Rejected lines are stored as read, the multi-line one included. */
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM import_reject"), ==, 19);
  raw = query_text (fixture->db, "SELECT raw FROM import_reject WHERE line = 10");
  g_assert_cmpstr (raw, ==, "3275014101900005,Typo,Bekasijya,,ojol,2025-11-05,,,,");
  g_clear_pointer (&raw, g_free);
  raw = query_text (fixture->db, "SELECT raw FROM import_reject WHERE line = 23");
  g_assert_true (g_str_has_suffix (raw, "\n3275014101900019,Swallowed,Bekasijaya,,ojol,"
                                        "2025-11-05,,,,"));
  g_assert_cmpint (query_int (fixture->db, "SELECT rows_rejected FROM import_batch"), ==, 19);

  /* A close name is suggested, never taken. */
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM participant"), ==, 2);
  assert_integrity (fixture->db);
}

static void
test_participants_names (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik;nama;kelurahan;kecamatan;sektor;tanggal_daftar\n"
                      "3275014101900001;A;32.75.01.1001;;ojek-online;2025-11-05\n"
                      "3275014101900002;B;Bekasi Jaya;Kec. Bekasi Timur;driver ojol;2025-11-05\n"
                      "3275014101900003;C;KEL. BEKASIJAYA;32.75.01;OJEK  ONLINE;2025-11-05\n"
                      "3275014101900004;D;bekasi-jaya;bekasi timur;Ojek-Online;2025-11-05\n"
                      "3275014101900005;E;Kelurahan Bekasijaya;KECAMATAN BEKASI TIMUR;ojol;"
                      "2025-11-05\n"
                      "3275014101900006;F;Medan Satria;Medan Satria;ojol;2025-11-05\n");

  g_assert_cmpint (result->rejected, ==, 0);
  g_assert_cmpint (result->added, ==, 6);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (*) FROM participant p JOIN region r "
                              "ON r.id = p.kelurahan_id WHERE r.code = '32.75.01.1001'"),
                   ==, 5);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (*) FROM participant p JOIN region r "
                              "ON r.id = p.kelurahan_id WHERE r.code = '32.75.06.1001'"),
                   ==, 1);
}

static void
test_participants_flags (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 counts[SIGAP_PARTICIPANT_FLAG_N];
  const SigapParticipantFlagRow *row;

  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,sektor,tanggal_daftar,desil,tanggal_lahir,no_kpj\n"
                      "3275014101900001,Clean,Bekasijaya,ojol,2025-11-05,3,1990-01-01,111\n"
                      "3275014101900002,Rich,Bekasijaya,ojol,2025-11-05,7,1990-01-01,112\n"
                      "3201014101900003,Bogor,Bekasijaya,ojol,2025-11-05,2,,113\n"
                      "3275014101900004,No KPJ,Bekasijaya,ojol,2025-11-05,2,1990-01-01,\n"
                      "3275014101120005,Young,Bekasijaya,ojol,2025-11-05,2,2012-01-01,115\n"
                      "3275014101500006,Old,Bekasijaya,ojol,2025-11-05,2,1950-01-01,116\n"
                      "3201014101500007,Many,Bekasijaya,ojol,2025-11-05,9,1950-01-01,\n");

  g_assert_cmpint (result->added, ==, 7);
  g_assert_cmpint (result->flagged, ==, 6);
  g_assert_cmpint (query_int (fixture->db, "SELECT rows_flagged FROM import_batch"), ==, 6);

  g_assert_true (sigap_import_count_flags (fixture->db, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 2);
  g_assert_cmpint (counts[SIGAP_PARTICIPANT_FLAG_NIK_REGION], ==, 2);
  g_assert_cmpint (counts[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING], ==, 2);
  g_assert_cmpint (counts[SIGAP_PARTICIPANT_FLAG_AGE], ==, 3);

  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (DISTINCT participant_id) FROM participant_flag"),
                   ==, result->flagged);

  rows = sigap_import_list_flags (fixture->db, SIGAP_PARTICIPANT_FLAG_AGE, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->name, ==, "Young");
  g_assert_cmpstr (row->detail, ==, "13");
  g_assert_cmpstr (row->nik_masked, ==, "3275********0005");
  g_assert_cmpint (row->batch_id, ==, result->batch_id);
  g_assert_cmpint (row->line, ==, 6);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->name, ==, "Many");
  g_assert_cmpstr (row->detail, ==, "75");
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = sigap_import_list_flags (fixture->db, SIGAP_PARTICIPANT_FLAG_NIK_REGION, 0, 1, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->name, ==, "Bogor");
  g_assert_cmpstr (row->detail, ==, "32.01");
  g_assert_cmpstr (sigap_participant_flag_get_label (SIGAP_PARTICIPANT_FLAG_DESIL), !=, NULL);
}

/* The notes of a filter counted straight from the participants' own columns, by the rules
 * (not from participant_flag nor the tallies): desil 6..10 or no desil of a rentan worker, a
 * NIK not from 32.75, no KPJ number; among those registered by @as_of in @scope and @segment. */
static void
assert_quality (Fixture      *fixture,
                const char   *as_of,
                const char   *scope,
                SigapSegment  segment)
{
  static const char * const rules[] = {
    [SIGAP_PARTICIPANT_FLAG_DESIL] = "s.segment = 'rentan' AND p.desil >= 6",
    [SIGAP_PARTICIPANT_FLAG_NIK_REGION] = "p.nik NOT LIKE '3275%'",
    [SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] = "p.kpj_number IS NULL",
    [SIGAP_PARTICIPANT_FLAG_AGE] = "1 = 0",
    [SIGAP_PARTICIPANT_FLAG_DESIL_MISSING] = "s.segment = 'rentan' AND p.desil IS NULL",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  SigapQuality quality;
  GDate date;

  g_assert_true (sigap_date_parse_iso (as_of, &date));
  filter = sigap_filter_new (&date, scope, segment);
  g_assert_true (sigap_figures_quality (fixture->db, filter, &quality, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    {
      g_autofree char *sql = NULL;
      gint64 expected;

      sql = g_strdup_printf ("SELECT count (*) FROM participant p"
                             " JOIN sector s ON s.id = p.sector_id"
                             " JOIN region k ON k.id = p.kelurahan_id"
                             " WHERE (%s) AND p.registered_on <= '%s'"
                             " AND (k.code = '%s' OR k.code LIKE '%s.%%')"
                             " AND ('%s' = 'all' OR s.segment = '%s')",
                             rules[i], as_of, scope, scope,
                             sigap_segment_to_string (segment),
                             sigap_segment_to_string (segment));
      expected = query_int (fixture->db, sql);
      if (quality.counts[i] != expected)
        g_error ("%s, %s, %s: %s counted %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 as_of, scope, sigap_segment_to_string (segment),
                 sigap_participant_flag_to_string (i), quality.counts[i], expected);
    }
}

static void
assert_quality_everywhere (Fixture *fixture)
{
  static const char * const dates[] = {
    "2025-10-31", "2025-11-04", "2025-11-05", "2025-11-30", "2025-12-15", "2025-12-31",
    "2026-01-10", "2026-01-31",
  };
  static const char * const scopes[] = {
    "32.75", "32.75.01", "32.75.03", "32.75.01.1002", "32.75.05",
  };
  static const SigapSegment segments[] = {
    SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_EKOSISTEM, SIGAP_SEGMENT_ALL,
  };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint c = 0; c < G_N_ELEMENTS (scopes); c++)
      for (guint g = 0; g < G_N_ELEMENTS (segments); g++)
        assert_quality (fixture, dates[d], scopes[c], segments[g]);
}

static SigapQuality
quality_for (Fixture      *fixture,
             const char   *as_of,
             const char   *scope,
             SigapSegment  segment)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  SigapQuality quality;
  GDate date;

  g_assert_true (sigap_date_parse_iso (as_of, &date));
  filter = sigap_filter_new (&date, scope, segment);
  g_assert_true (sigap_figures_quality (fixture->db, filter, &quality, &error));
  g_assert_no_error (error);
  return quality;
}

/* Desil 6..10 is a note for pekerja rentan only, and the notes are counted for a filter. */
static void
test_participants_quality (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  SigapQuality q;

  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,sektor,tanggal_daftar,desil,no_kpj\n"
                      /* Bekasi Timur (32.75.01) */
                      "3275014101900001,R7,32.75.01.1001,ojol,2025-11-05,7,111\n"
                      "3275014101900002,E8,32.75.01.1001,non-asn,2025-11-05,8,\n"
                      "3275014101900003,E10,32.75.01.1002,rt-rw,2025-11-20,10,113\n"
                      "3201014101900004,R9 Bogor,32.75.01.1002,pkl,2025-12-15,9,\n"
                      "3275014101900005,R2,32.75.01.1002,pkl,2026-01-10,2,115\n"
                      /* Bekasi Utara (32.75.03) */
                      "3275034101900006,E6,32.75.03.1001,kader posyandu,2025-11-04,6,116\n"
                      "3275034101900007,R6,32.75.03.1001,ojol,2025-12-31,6,\n"
                      "3174034101900008,E7 Jakarta,32.75.03.1001,linmas,2026-01-11,7,118\n"
                      "3275034101900009,R10,32.75.03.1001,sopir,2026-01-31,10,119\n"
                      /* No desil: a note for the rentan worker only. */
                      "3275014101900010,R-,32.75.01.1001,pkl,2025-12-01,,120\n"
                      "3275034101900011,E-,32.75.03.1001,rt-rw,2025-12-01,,121\n");
  g_assert_cmpint (result->added, ==, 11);

  /* Counted by hand. Whole city, rentan, 31 Jan 2026: desil R7, R9, R6, R10 = 4 (E8, E10, E6
   * and E7 are ekosistem: no note); no KPJ R9, R6 = 2; NIK R9 = 1. */
  q = quality_for (fixture, "2026-01-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 4);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING], ==, 2);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_NIK_REGION], ==, 1);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING], ==, 1);
  /* All segments: still one without a desil (E- is ekosistem); still 4 desil notes; no KPJ adds E8 = 3; NIK adds E7 = 2. */
  q = quality_for (fixture, "2026-01-31", "32.75", SIGAP_SEGMENT_ALL);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 4);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING], ==, 3);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_NIK_REGION], ==, 2);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING], ==, 1);
  /* Ekosistem: no desil note at all, though four of them are at desil 6..10 and one has none. */
  q = quality_for (fixture, "2026-01-31", "32.75", SIGAP_SEGMENT_EKOSISTEM);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 0);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING], ==, 0);
  /* Bekasi Timur, rentan, 30 Nov 2025: R- registers on 1 December. */
  q = quality_for (fixture, "2025-11-30", "32.75.01", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING], ==, 0);
  /* Bekasi Utara, rentan, 30 Jan 2026 (mid-month: R10 not yet): R6 only. */
  q = quality_for (fixture, "2026-01-30", "32.75.03", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 1);
  /* Bekasi Timur, rentan, 14 Dec 2025: R7 only (R9 registers on the 15th). */
  q = quality_for (fixture, "2025-12-14", "32.75.01", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 1);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING], ==, 0);

  assert_quality_everywhere (fixture);
  assert_tallies_consistent (fixture->db);

  /* Moves: R7 to Bekasi Utara, E10 becomes a rentan pemulung (now noted), R9 registers later;
   * the notes and their tally follow. */
  g_clear_pointer (&result, sigap_import_result_unref);
  result = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,sektor,tanggal_daftar,desil,no_kpj\n"
                      "3275014101900001,R7,32.75.03.1001,ojol,2025-11-05,7,111\n"
                      "3275014101900003,E10,32.75.01.1002,pemulung,2025-11-20,10,113\n"
                      "3201014101900004,R9 Bogor,32.75.01.1002,pkl,2026-01-01,9,\n"
                      "3275014101900010,R-,32.75.01.1001,pkl,2025-12-01,3,120\n");
  g_assert_cmpint (result->updated, ==, 4);
  q = quality_for (fixture, "2026-01-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL], ==, 5);
  /* R- now has a desil: the note is gone. */
  g_assert_cmpint (q.counts[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING], ==, 0);
  assert_quality_everywhere (fixture);
  assert_tallies_consistent (fixture->db);

  /* A participant deleted takes its notes out of the counts. */
  g_assert_true (sigap_database_exec (fixture->db,
                                      "DELETE FROM participant WHERE nik = '3201014101900004'",
                                      NULL));
  assert_quality_everywhere (fixture);
  assert_tallies_consistent (fixture->db);
}

static void
test_participants_update (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SigapImportResult) first = NULL;
  g_autoptr(SigapImportResult) second = NULL;
  g_autoptr(SigapImportResult) third = NULL;
  g_autofree char *row = NULL;

  first = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                     "nik,nama,kelurahan,sektor,tanggal_daftar,desil,no_kpj\n"
                     "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05,3,KPJ1\n"
                     "3275014101900002,Ani,Bekasijaya,ojol,2025-11-05,2,KPJ2\n");
  g_assert_cmpint (first->added, ==, 2);

  /* A list without desil, an empty KPJ cell, Siti moved; Ani the same; one new. */
  second = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,sektor,tanggal_daftar,no_kpj\n"
                      "3275014101900001,Siti,Margahayu,ojol,2025-11-05,\n"
                      "3275014101900002,Ani,Bekasijaya,ojol,2025-11-05,KPJ2\n"
                      "3275014101900003,Joko,Bekasijaya,PKL,2025-11-07,KPJ3\n");
  g_assert_cmpint (second->read, ==, 3);
  g_assert_cmpint (second->updated, ==, 1);
  g_assert_cmpint (second->unchanged, ==, 1);
  g_assert_cmpint (second->added, ==, 1);

  row = query_text (fixture->db,
                    "SELECT r.code || '|' || p.desil || '|' || p.kpj_number || '|' || p.batch_id "
                    "FROM participant p JOIN region r ON r.id = p.kelurahan_id "
                    "WHERE nik = '3275014101900001'");
  /* Moved; desil and KPJ kept; still the batch that added her. */
  g_assert_cmpstr (row, ==, "32.75.01.1002|3|KPJ1|1");
  assert_tallies_consistent (fixture->db);

  /* Siti ends, and her desil is now 8: both changes land, with the flag. */
  third = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                     "nik,nama,kelurahan,sektor,tanggal_daftar,desil,tanggal_berhenti\n"
                     "3275014101900001,Siti,Margahayu,ojol,2025-11-05,8,2026-01-15\n");
  g_assert_cmpint (third->updated, ==, 1);
  g_assert_cmpint (third->flagged, ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (*) FROM participant_flag f JOIN participant p "
                              "ON p.id = f.participant_id WHERE p.nik = '3275014101900001' "
                              "AND f.kind = 'desil' AND f.detail = '8'"),
                   ==, 1);
  assert_tallies_consistent (fixture->db);
  assert_integrity (fixture->db);
}

/* A NIK met twice in one file: the later line is rejected, naming the first, whether the
 * first added the participant, changed it or left it as it was; a line rejected for another
 * reason does not count as the first. */
static void
test_participants_repeats (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SigapImportResult) first = NULL;
  g_autoptr(SigapImportResult) second = NULL;
  g_autofree char *row = NULL;

  first = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                     "nik,nama,kelurahan,sektor,tanggal_daftar\n"
                     "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05\n"
                     "3275014101900002,Ani,Bekasijaya,ojol,2025-11-05\n");
  g_assert_cmpint (first->added, ==, 2);

  second = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                      "nik,nama,kelurahan,sektor,tanggal_daftar\n"
                      /* 2 */ "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05\n"
                      /* 3 */ "3275014101900001,Siti,Margahayu,ojol,2025-11-05\n"
                      /* 4 */ "3275014101900002,Ani,Margahayu,ojol,2025-11-05\n"
                      /* 5 */ "3275014101900002,Ani,Bekasijaya,ojol,2025-11-05\n"
                      /* 6 */ "3275014101900003,Joko,Bekasijaya,PKL,2025-11-07\n"
                      /* 7 */ "3275014101900003,Joko,Bekasijaya,PKL,2025-11-07\n"
                      /* 8 */ "3275014101900004,Budi,Nowhere,PKL,2025-11-07\n"
                      /* 9 */ "3275014101900004,Budi,Bekasijaya,PKL,2025-11-07\n");
  g_assert_cmpint (second->read, ==, 8);
  g_assert_cmpint (second->unchanged, ==, 1);
  g_assert_cmpint (second->updated, ==, 1);
  g_assert_cmpint (second->added, ==, 2);
  g_assert_cmpint (second->rejected, ==, 4);
  assert_rejected (second, 3, "nik", "already on line 2");
  assert_rejected (second, 5, "nik", "already on line 4");
  assert_rejected (second, 7, "nik", "already on line 6");
  assert_rejected (second, 8, "kelurahan", "Nowhere");
  g_assert_null (find_rejection (second, 9));

  /* Siti as she was; Ani moved, by the second file's line 4; the batch that added each. */
  row = query_joined (fixture->db,
                      "SELECT p.name || ' ' || r.code || ' ' || p.batch_id || ' ' || "
                      "p.changed_batch || ' ' || p.changed_line FROM participant p "
                      "JOIN region r ON r.id = p.kelurahan_id ORDER BY p.nik");
  g_assert_cmpstr (row, ==, "Siti 32.75.01.1001 1 1 2, Ani 32.75.01.1002 1 2 4, "
                            "Joko 32.75.01.1001 2 2 6, Budi 32.75.01.1001 2 2 9");
  assert_tallies_consistent (fixture->db);
  assert_integrity (fixture->db);
}

static void
test_participants_idempotent (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *csv = "nik,nama,kelurahan,sektor,tanggal_daftar,desil\n"
                    "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05,7\n"
                    "3275014101900002,Ani,Bekasijaya,ojol,2025-11-05,\n"
                    "3275014101900003,Bad,Nowhere,ojol,2025-11-05,\n";
  g_autoptr(SigapImportResult) first = NULL;
  g_autoptr(SigapImportResult) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  first = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS, csv);
  g_assert_cmpint (first->added, ==, 2);
  g_assert_cmpint (first->rejected, ==, 1);
  before = dump (fixture->db, all_tables);

  second = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS, csv);
  g_assert_cmpint (second->read, ==, 3);
  g_assert_cmpint (second->added, ==, 0);
  g_assert_cmpint (second->updated, ==, 0);
  g_assert_cmpint (second->unchanged, ==, 2);
  g_assert_cmpint (second->rejected, ==, 1);
  g_assert_cmpint (second->flagged, ==, first->flagged);
  g_assert_cmpint (first->flagged, ==, 2);
  g_assert_true (second->already_imported);
  g_assert_cmpint (second->batch_id, ==, first->batch_id);
  g_assert_cmpstr (second->checksum, ==, first->checksum);

  after = dump (fixture->db, all_tables);
  g_assert_cmpstr (after, ==, before);
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SigapImportResult *result;

  result = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS,
                        "nik,nama,kelurahan,tanggal_daftar\n"
                        "3275014101900001,Siti,Bekasijaya,2025-11-05\n",
                        -1, SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_null (result);
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“sektor”"));
  g_assert_nonnull (strstr (error->message, "jenis pekerjaan"));
  g_clear_error (&error);

  result = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS,
                        "nik,kelurahan,tanggal_daftar\n", -1, SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_null (result);
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "nama, sektor"));
  g_clear_error (&error);

  result = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS, "\n\n  \n", -1,
                        SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_null (result);
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  {
    g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
    g_autofree char *path = g_build_filename (fixture->dir, "missing.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    result = sigap_importer_run (importer, fixture->db, file, NULL, &error);
    g_assert_null (result);
    g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_READ);
  }

  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM import_batch"), ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
  g_autoptr(GFile) file = NULL;
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->db, all_tables);
  g_autofree char *after = NULL;

  file = write_file (fixture,
                     "nik,nama,kelurahan,sektor,tanggal_daftar\n"
                     "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05\n"
                     "3275014101900002,Ani,Nowhere,ojol,2025-11-05\n", -1);
  sigap_importer_set_dry_run (importer, TRUE);
  result = sigap_importer_run (importer, fixture->db, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->dry_run);
  g_assert_cmpint (result->added, ==, 1);
  g_assert_cmpint (result->rejected, ==, 1);
  g_assert_cmpint (result->batch_id, ==, 0);

  after = dump (fixture->db, all_tables);
  g_assert_cmpstr (after, ==, before);
}

/* --- Large files: bulk loading, cancel, kill ------------------------------------------ */

static const char * const large_kelurahan[] = {
  "Bekasijaya", "Margahayu", "Durenjaya", "Kranji", "32.75.03.1001", "Jatiasih", "Pedurenan",
};
static const char * const large_sectors[] = {
  "ojol", "PKL", "Linmas", "Kader PKK", "Pemulung", "guru honorer",
};

/* @n lines of valid, varied participants, numbered from @first; @salt varies the desil. */
static char *
large_file (guint n,
            guint first,
            guint salt)
{
  static const char * const desils[] = { "1", "2", "3", "7" };
  GString *out = g_string_new ("nik;nama;kelurahan;sektor;tanggal_daftar;desil;"
                               "tanggal_berhenti;no_kpj\r\n");

  for (guint i = first; i < first + n; i++)
    {
      guint birth = i / 9999;

      g_string_append_printf (out, "3275%02u%02u%02u%02u%04u;Peserta %u;%s;%s;%u/%u/2025;%s;%s;"
                                   "%s\r\n",
                              i % 12 + 1, birth % 28 + 1, birth / 28 % 12 + 1,
                              60 + birth / 336 % 40, i % 9999 + 1, i,
                              large_kelurahan[i % G_N_ELEMENTS (large_kelurahan)],
                              large_sectors[i / 3 % G_N_ELEMENTS (large_sectors)],
                              i % 28 + 1, i % 12 + 1,
                              i % 11 == 0 ? "" : desils[(i + salt) % 4],
                              i % 5 == 0 ? "2025-12-31" : "",
                              i % 7 == 0 ? "" : "KPJ");
    }

  return g_string_free (out, FALSE);
}

static void
test_bulk_trigger_known (Fixture       *fixture,
                         gconstpointer  data)
{
  /* If this fails, participant_tally_insert changed: update the bulk path's tallies in
   * sigap-import-participants.c to match it, then its hash. */
  g_assert_true (_sigap_import_tally_trigger_is_known (fixture->db));
}

/* Loading in bulk must leave exactly what row by row leaves, on an empty database and on
 * one that already holds some of the participants. */
static void
test_bulk_equivalence (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = large_file (3000, 1, 0);
  g_autofree char *second = large_file (6000, 2001, 1);
  SigapDatabase *dbs[2];
  char *dumps[2] = { NULL };
  char *schemas[2] = { NULL };

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bulk-%u.sigap", fixture->dir, mode);
      SigapImportBulk bulk = mode == 0 ? SIGAP_IMPORT_BULK_NEVER : SIGAP_IMPORT_BULK_ALWAYS;
      g_autoptr(SigapImporter) importer = NULL;
      g_autoptr(SigapImportResult) result = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      dbs[mode] = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
      g_assert_no_error (error);

      /* The same first import, then the second one in each mode. */
      g_clear_pointer (&result, sigap_import_result_unref);
      result = import_into (dbs[mode], fixture, SIGAP_IMPORT_PARTICIPANTS, first, -1,
                            SIGAP_IMPORT_BULK_NEVER, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->added, ==, 3000);
      g_clear_pointer (&result, sigap_import_result_unref);

      /* Some lines update (the overlap, ended now), most add. */
      importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
      _sigap_importer_set_bulk (importer, bulk);
      file = write_file (fixture, second, -1);
      result = sigap_importer_run (importer, dbs[mode], file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->added, ==, 5000);
      g_assert_cmpint (result->updated + result->unchanged, ==, 1000);
      g_assert_cmpint (result->updated, >, 800);
      g_assert_cmpint (_sigap_importer_get_used_bulk (importer), ==, mode == 1);

      assert_tallies_consistent (dbs[mode]);
      assert_integrity (dbs[mode]);
      dumps[mode] = dump (dbs[mode], data_tables);
      schemas[mode] = dump_schema (dbs[mode]);
    }

  g_assert_cmpstr (dumps[0], ==, dumps[1]);
  g_assert_cmpstr (schemas[0], ==, schemas[1]);

  for (guint mode = 0; mode < 2; mode++)
    {
      g_free (dumps[mode]);
      g_free (schemas[mode]);
      g_object_unref (dbs[mode]);
    }
}

/* Issue 14: a file whose participant index ends in "; ATTACH …; CREATE TABLE x.t AS SELECT
 * nik, name …", another index missing and a third different. An import, in bulk or line by
 * line, runs none of that text and leaves the app's own indexes. */
static void
test_crafted_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const expected[] = {
    "participant_ended|CREATE INDEX participant_ended ON participant (ended_on, kelurahan_id, "
    "sector_id, desil)\n  WHERE ended_on IS NOT NULL",
    "participant_flag_kind|CREATE INDEX participant_flag_kind ON participant_flag (kind, "
    "participant_id)",
    "participant_kelurahan|CREATE INDEX participant_kelurahan ON participant (kelurahan_id, name)",
    "participant_registered|CREATE INDEX participant_registered ON participant (registered_on, "
    "kelurahan_id, sector_id, desil)",
  };
  g_autofree char *stolen = g_build_filename (fixture->dir, "x.db", NULL);
  g_autofree char *csv = large_file (24000, 1, 0);
  g_autofree char *small = large_file (10, 1, 0);

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autofree char *path = g_strdup_printf ("%s/crafted-%u.sigap", fixture->dir, mode);
      g_autoptr(SigapDatabase) db = NULL;
      g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
      g_autoptr(SigapImportResult) result = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapStatement) stmt = NULL;
      sqlite3 *handle = NULL;
      char *plant;
      guint n = 0;

      db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_clear_object (&db);

      g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
      plant = sqlite3_mprintf ("DROP INDEX participant_ended;"
                               "DROP INDEX participant_registered;"
                               "CREATE INDEX participant_registered ON participant (name);"
                               "CREATE INDEX participant_extra ON participant (source);"
                               "PRAGMA writable_schema = ON;"
                               "UPDATE sqlite_schema SET sql = sql || '; ATTACH ''%q'' AS x; "
                               "CREATE TABLE x.t AS SELECT nik, name FROM participant' "
                               "WHERE name = 'participant_kelurahan';"
                               "PRAGMA writable_schema = OFF;", stolen);
      g_assert_cmpint (sqlite3_exec (handle, plant, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (plant);
      sqlite3_close (handle);

      db = sigap_database_open (path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);

      /* Every connection distrusts the schema and cannot be made to write it. */
      g_assert_cmpint (query_int (db, "PRAGMA trusted_schema"), ==, 0);
      g_assert_false (sigap_database_exec (db, "PRAGMA writable_schema = ON;"
                                           "UPDATE sqlite_schema SET sql = sql || ' ' "
                                           "WHERE name = 'participant_kelurahan'", NULL));

      _sigap_importer_set_bulk (importer, SIGAP_IMPORT_BULK_AUTO);
      file = write_file (fixture, mode == 0 ? small : csv, -1);
      result = sigap_importer_run (importer, db, file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->added, ==, mode == 0 ? 10 : 24000);
      g_assert_cmpint (_sigap_importer_get_used_bulk (importer), ==, mode == 1);

      g_assert_false (g_file_test (stolen, G_FILE_TEST_EXISTS));
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM pragma_database_list"), ==, 1);

      stmt = sigap_database_prepare (db,
                                     "SELECT name || '|' || sql FROM sqlite_schema "
                                     "WHERE type = 'index' AND sql IS NOT NULL "
                                     "AND tbl_name IN ('participant', 'participant_flag') "
                                     "AND name != 'participant_extra' ORDER BY name",
                                     &error);
      g_assert_no_error (error);
      while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
        {
          g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (sigap_statement_column_text (stmt, 0), ==, expected[n++]);
        }
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
      /* Line by line leaves an index that is not the app's alone; bulk does not rebuild it. */
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_schema "
                                      "WHERE name = 'participant_extra'"), ==, mode == 0);
      assert_tallies_consistent (db);
      assert_integrity (db);
    }
}

/* Into an empty table, a bulk load finds a NIK repeated within the file when its insert
 * fails: the same rejections and the same data as line by line. */
static void
test_bulk_repeats (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *base = large_file (3000, 1, 0);
  g_autofree char *again = large_file (3, 1, 1);
  g_autofree char *csv = g_strconcat (base, strchr (again, '\n') + 1, NULL);
  char *dumps[2] = { NULL };

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autofree char *path = g_strdup_printf ("%s/repeats-%u.sigap", fixture->dir, mode);
      g_autoptr(SigapDatabase) db = NULL;
      g_autoptr(SigapImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      result = import_into (db, fixture, SIGAP_IMPORT_PARTICIPANTS, csv, -1,
                            mode == 0 ? SIGAP_IMPORT_BULK_NEVER : SIGAP_IMPORT_BULK_ALWAYS,
                            &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->read, ==, 3003);
      g_assert_cmpint (result->added, ==, 3000);
      g_assert_cmpint (result->rejected, ==, 3);
      assert_rejected (result, 3002, "nik", "already on line 2");
      assert_rejected (result, 3003, "nik", "already on line 3");
      assert_rejected (result, 3004, "nik", "already on line 4");
      assert_tallies_consistent (db);
      assert_integrity (db);
      dumps[mode] = dump (db, data_tables);
    }

  g_assert_cmpstr (dumps[0], ==, dumps[1]);
  g_free (dumps[0]);
  g_free (dumps[1]);
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
  guint         calls;
} CancelData;

static void
cancel_progress_cb (double   fraction,
                    gint64   lines,
                    gpointer user_data)
{
  CancelData *cancel = user_data;

  cancel->calls++;
  if (fraction >= cancel->at)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapImportResult) first = NULL;
  g_autofree char *csv = large_file (20000, 100, 0);
  g_autofree char *before = NULL;
  g_autofree char *schema = NULL;

  first = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                     "nik,nama,kelurahan,sektor,tanggal_daftar\n"
                     "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05\n");
  before = dump (fixture->db, all_tables);
  schema = dump_schema (fixture->db);

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GFile) file = write_file (fixture, csv, -1);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *schema_after = NULL;
      CancelData cancel = { cancellable, 0.4, 0 };
      SigapImportResult *result;

      _sigap_importer_set_bulk (importer, mode == 0 ? SIGAP_IMPORT_BULK_NEVER
                                                    : SIGAP_IMPORT_BULK_ALWAYS);
      sigap_importer_set_progress_func (importer, cancel_progress_cb, &cancel, NULL);
      result = sigap_importer_run (importer, fixture->db, file, cancellable, &error);
      g_assert_null (result);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (cancel.calls, >, 0);

      after = dump (fixture->db, all_tables);
      g_assert_cmpstr (after, ==, before);
      schema_after = dump_schema (fixture->db);
      g_assert_cmpstr (schema_after, ==, schema);
      assert_integrity (fixture->db);
    }
}

/* On a server, a role that owns the tables loads a large file into an empty participant table
 * directly (COPY into participant, its indexes made afterwards, the insert triggers' work done
 * by the importer). It must leave exactly what the staged path leaves: the same rows and ids,
 * notes, rejected lines and tallies, and the same schema, triggers enabled. If the direct load
 * is not taken, the server's insert triggers changed: update direct_complete () in
 * sigap-import-participants.c to count what they count, then DIRECT_TRIGGERS_SHA256. */
static void
test_direct_load (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const tables[] = {
    "participant", "participant_flag", "tally_sector", "tally_desil", "tally_flag",
    "import_reject", NULL,
  };
  g_autofree char *base = large_file (3000, 1, 0);
  g_autofree char *again = large_file (3, 1, 1);
  g_autofree char *csv = g_strconcat (base, strchr (again, '\n') + 1,
                                      "3275011234;Salah NIK;Bekasijaya;ojol;1/1/2025;;;KPJ\r\n",
                                      "3275014101920009;Berhenti Dulu;Bekasijaya;ojol;5/5/2025;;"
                                      "2025-01-01;KPJ\r\n",
                                      NULL);
  SigapTestDatabase other = { NULL };
  SigapTestDatabase cancelled = { NULL };
  g_autoptr(SigapDatabase) direct_db = NULL;
  g_autoptr(SigapDatabase) cancelled_db = NULL;
  g_autofree char *schema_before = NULL;
  char *dumps[2] = { NULL };
  char *schemas[2] = { NULL };
  g_autoptr(GError) error = NULL;

  sigap_test_database_create (&other);
  direct_db = sigap_database_open (other.uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  schema_before = dump_schema (direct_db);

  /* Cancelled halfway, the direct load leaves nothing, and the schema as it was. */
  sigap_test_database_create (&cancelled);
  cancelled_db = sigap_database_open (cancelled.uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *big = large_file (20000, 100, 0);
    g_autoptr(GFile) file = write_file (fixture, big, -1);
    g_autofree char *schema_after = NULL;
    CancelData cancel = { cancellable, 0.4, 0 };
    g_autoptr(GError) cancel_error = NULL;

    _sigap_importer_set_bulk (importer, SIGAP_IMPORT_BULK_ALWAYS);
    sigap_importer_set_progress_func (importer, cancel_progress_cb, &cancel, NULL);
    g_assert_null (sigap_importer_run (importer, cancelled_db, file, cancellable,
                                       &cancel_error));
    g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (cancel.calls, >, 0);
    g_assert_cmpint (query_int (cancelled_db, "SELECT count (*) FROM participant"), ==, 0);
    g_assert_cmpint (query_int (cancelled_db, "SELECT count (*) FROM import_batch"), ==, 0);
    schema_after = dump_schema (cancelled_db);
    g_assert_cmpstr (schema_after, ==, schema_before);
  }
  g_clear_object (&cancelled_db);
  sigap_test_database_drop (&cancelled);

  for (guint mode = 0; mode < 2; mode++)
    {
      SigapDatabase *db = mode == 0 ? fixture->db : direct_db;
      g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
      g_autoptr(GFile) file = write_file (fixture, csv, -1);
      g_autoptr(SigapImportResult) result = NULL;

      _sigap_importer_set_bulk (importer, mode == 0 ? SIGAP_IMPORT_BULK_NEVER
                                                    : SIGAP_IMPORT_BULK_ALWAYS);
      result = sigap_importer_run (importer, db, file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (_sigap_importer_get_used_bulk (importer), ==, mode == 1);
      g_assert_cmpint (result->read, ==, 3005);
      g_assert_cmpint (result->added, ==, 3000);
      g_assert_cmpint (result->rejected, ==, 5);
      g_assert_cmpint (result->flagged, >, 400);
      assert_rejected (result, 3002, "nik", "already on line 2");
      assert_rejected (result, 3004, "nik", "already on line 4");
      g_assert_cmpint (query_int (db, "SELECT count (*) FROM import_reject"), ==, 5);
      assert_tallies_consistent (db);
      dumps[mode] = dump (db, tables);
      schemas[mode] = dump_schema (db);
    }

  /* The ids continue after the load; a second import (the table is no longer empty) is
   * staged, and the same file changes nothing. */
  g_assert_cmpint (query_int (direct_db,
                              "SELECT nextval (pg_get_serial_sequence ('participant', 'id'))"),
                   >, 3000);
  {
    g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
    g_autoptr(GFile) file = write_file (fixture, csv, -1);
    g_autoptr(SigapImportResult) result = NULL;

    _sigap_importer_set_bulk (importer, SIGAP_IMPORT_BULK_ALWAYS);
    result = sigap_importer_run (importer, direct_db, file, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (_sigap_importer_get_used_bulk (importer));
    g_assert_cmpint (result->added, ==, 0);
    g_assert_cmpint (result->unchanged, ==, 3000);
  }

  assert_same_lines (dumps[0], dumps[1]);
  assert_same_lines (schemas[0], schemas[1]);
  assert_same_lines (schemas[1], schema_before);
  for (guint mode = 0; mode < 2; mode++)
    {
      g_free (dumps[mode]);
      g_free (schemas[mode]);
    }
  g_clear_object (&direct_db);
  sigap_test_database_drop (&other);
}

/* The child half of the kill test: imports @csv into @db in bulk, says "halfway" on stdout
 * when half the file is read, and then waits to be killed inside the transaction. */
static void
halfway_cb (double   fraction,
            gint64   lines,
            gpointer user_data)
{
  gboolean *said = user_data;

  if (fraction < 0.5 || *said)
    return;

  *said = TRUE;
  fputs ("halfway\n", stdout);
  fflush (stdout);
  g_usleep (30 * G_USEC_PER_SEC);
}

static int
child_import (const char *db_path,
              const char *csv_path)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  gboolean said = FALSE;

  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  _sigap_importer_set_bulk (importer, SIGAP_IMPORT_BULK_ALWAYS);
  sigap_importer_set_progress_func (importer, halfway_cb, &said, NULL);
  sigap_importer_run (importer, db, file, NULL, &error);
  /* Only reached if the parent failed to kill us. */
  return 3;
}

static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SigapImportResult) first = NULL;
  g_autoptr(SigapImportResult) again = NULL;
  g_autofree char *csv = large_file (60000, 500, 0);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "large.csv", NULL);
  g_autofree char *self = NULL;
  g_autofree char *before = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *after = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  GPid pid;
  int out_fd, status;

  first = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS,
                     "nik,nama,kelurahan,sektor,tanggal_daftar\n"
                     "3275014101900001,Siti,Bekasijaya,ojol,2025-11-05\n");
  before = dump (fixture->db, all_tables);
  schema = dump_schema (fixture->db);
  g_clear_object (&fixture->db);

  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { self, "--child-import", fixture->db_path, csv_path, NULL };

    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                              &pid, NULL, &out_fd, NULL, &error);
    g_assert_no_error (error);
  }

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==,
                   G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "halfway\n");

  /* Half the file is in the uncommitted transaction, the indexes and the tally trigger are
   * dropped in it: now the process dies. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);

  fixture->db = sigap_database_open (fixture->db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_integrity (fixture->db);
  after = dump (fixture->db, all_tables);
  g_assert_cmpstr (after, ==, before);
  schema_after = dump_schema (fixture->db);
  g_assert_cmpstr (schema_after, ==, schema);

  /* And the database still takes the import. */
  again = import_ok (fixture, SIGAP_IMPORT_PARTICIPANTS, csv);
  g_assert_cmpint (again->added, ==, 60000);
  assert_tallies_consistent (fixture->db);
}

/* --- The rejected-lines file ---------------------------------------------------------- */

static void
test_rejects_file (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *csv = "nik;nama;kelurahan;sektor;tanggal_daftar\r\n"
                    "3275014101900001;Siti;Bekasijaya;ojol;2025-11-05\r\n"
                    "3275014101900002;\"Ani\r\nDua\";Bekasijya;ojol;2025-11-05\r\n"
                    "3275014101900003;Joko;Bekasijaya;ojol;2025-11-05;extra\r\n";
  g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
  g_autoptr(GOutputStream) during = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) later = g_memory_output_stream_new_resizable ();
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(SigapImportResult) again = NULL;
  g_autoptr(GFile) file = write_file (fixture, csv, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  const SigapImportBatch *batch;

  sigap_importer_set_rejects_stream (importer, during);
  result = sigap_importer_run (importer, fixture->db, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->rejected, ==, 2);

  g_output_stream_write_all (during, "", 1, NULL, NULL, NULL);
  g_output_stream_close (during, NULL, NULL);
  written = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (during));
  g_assert_cmpstr (written, ==,
                   "\xEF\xBB\xBF" "baris;alasan_ditolak;nik;nama;kelurahan;sektor;"
                   "tanggal_daftar\r\n"
                   "3;\"kelurahan: Unknown kelurahan “Bekasijya”; did you mean Bekasijaya "
                   "(kecamatan Bekasi Timur)?\";3275014101900002;\"Ani\r\nDua\";Bekasijya;"
                   "ojol;2025-11-05\r\n"
                   "5;\"The line has 6 values but the header has 5 columns: is there an "
                   "unquoted separator (“;”) inside a value?\";3275014101900003;Joko;"
                   "Bekasijaya;ojol;2025-11-05;extra\r\n");

  /* "Save rejected lines…" later writes the same file from the database. */
  g_assert_true (sigap_import_write_rejects (fixture->db, result->batch_id, later, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (later, "", 1, NULL, NULL, NULL);
  g_output_stream_close (later, NULL, NULL);
  exported = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (later));
  g_assert_cmpstr (exported, ==, written);

  batches = sigap_import_list_batches (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  batch = g_ptr_array_index (batches, 0);
  g_assert_cmpstr (batch->kind, ==, "participants");
  g_assert_cmpstr (batch->file_name, ==, "input-1.csv");
  g_assert_cmpstr (batch->checksum, ==, result->checksum);
  g_assert_cmpint (batch->read, ==, 3);
  g_assert_cmpint (batch->added, ==, 1);
  g_assert_cmpint (batch->rejected, ==, 2);
  g_assert_cmpint (batch->separator, ==, ';');
  g_assert_cmpuint (g_strv_length (batch->ignored_columns), ==, 0);

  rejections = sigap_import_list_rejections (fixture->db, result->batch_id, 1, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  g_assert_cmpint (((SigapImportRejection *) g_ptr_array_index (rejections, 0))->line, ==, 5);

  /* The rejected-lines file is itself importable: its two new columns are just ignored. */
  again = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS, written, -1,
                       SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->read, ==, 2);
  g_assert_cmpint (again->rejected, ==, 2);
  g_assert_cmpstr (again->ignored_columns[0], ==, "baris");
  g_assert_cmpstr (again->ignored_columns[1], ==, "alasan_ditolak");
  g_assert_cmpstr (again->encoding, ==, "UTF-8 BOM");
}

static char *
steal_text (GOutputStream *stream)
{
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* No cell of @csv (read back as a CSV) starts with what a spreadsheet runs as a formula. */
static void
assert_no_formula_cells (const char *csv)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (csv, -1, NULL);
  SigapCsvReader *reader = sigap_csv_reader_new (input);
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  while (sigap_csv_reader_next (reader, NULL, &error))
    {
      n_records++;
      for (guint i = 0; i < sigap_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = sigap_csv_reader_get_field (reader, i);

          if (strchr ("=+-@\t\r", field[0]) != NULL && field[0] != '\0')
            g_error ("Cell “%s” of line %" G_GINT64_FORMAT " would run as a formula", field,
                     sigap_csv_reader_get_line (reader));
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, >, 1);
  sigap_csv_reader_free (reader);
}

/* Issue 14: cells that a spreadsheet would run are written with a "'" in front, in the file
 * written during the import and in the one saved later; the rest stays as read. */
static void
test_rejects_formulas (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *csv =
    /* 1 */ "nik;nama;kelurahan;sektor;tanggal_daftar;desil;=cmd\r\n"
    /* 2 */ "3275014101900001;\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";Bekasijaya;ojol;"
            "2025-11-05;-1+2;\r\n"
    /* 3 */ "3275014101900002;Ani;+cmd|' /C calc'!A0;ojol;2025-11-05;;\r\n"
    /* 4 */ "3275014101900003;Joko;Bekasijaya;@SUM(1);2025-11-05;;\r\n"
    /* 5 */ "3275014101900004;\t=1+1;Bekasijaya;ojol;2025-11-05;x; -2\r\n";
  g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
  g_autoptr(GOutputStream) during = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) later = g_memory_output_stream_new_resizable ();
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GFile) file = write_file (fixture, csv, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *exported = NULL;

  sigap_importer_set_rejects_stream (importer, during);
  result = sigap_importer_run (importer, fixture->db, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->rejected, ==, 4);
  written = steal_text (during);

  g_assert_true (g_str_has_prefix (written, "\xEF\xBB\xBF" "baris;alasan_ditolak;nik;nama;"
                                   "kelurahan;sektor;tanggal_daftar;desil;'=cmd\r\n"));
  g_assert_nonnull (strstr (written, ";3275014101900001;\"'=HYPERLINK(\"\"http://x\"\",\"\"klik"
                                     "\"\")\";Bekasijaya;ojol;2025-11-05;'-1+2;\r\n"));
  g_assert_nonnull (strstr (written, ";3275014101900002;Ani;'+cmd|' /C calc'!A0;ojol;"
                                     "2025-11-05;;\r\n"));
  g_assert_nonnull (strstr (written, ";3275014101900003;Joko;Bekasijaya;'@SUM(1);"
                                     "2025-11-05;;\r\n"));
  g_assert_nonnull (strstr (written, ";3275014101900004;'\t=1+1;Bekasijaya;ojol;2025-11-05;x;"
                                     "' -2\r\n"));
  /* The line numbers are numbers. */
  g_assert_nonnull (strstr (written, "\r\n3;kelurahan: Unknown kelurahan “+cmd"));
  assert_no_formula_cells (written);

  g_assert_true (sigap_import_write_rejects (fixture->db, result->batch_id, later, NULL, &error));
  g_assert_no_error (error);
  exported = steal_text (later);
  g_assert_cmpstr (exported, ==, written);
}

static void
test_csv_writer (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  sigap_csv_append_text (out, "-5", ',');
  g_string_append_c (out, ',');
  sigap_csv_append_number (out, "-5", ',');
  g_string_append_c (out, ',');
  sigap_csv_append_int (out, -5);
  g_string_append_c (out, ',');
  sigap_csv_append_text (out, "=a,b", ',');
  g_string_append_c (out, ',');
  sigap_csv_append_text (out, "Budi \"B\"", ',');
  g_string_append_c (out, ',');
  sigap_csv_append_number (out, "12,5 %", ',');
  g_assert_cmpstr (out->str, ==, "'-5,-5,-5,\"'=a,b\",\"Budi \"\"B\"\"\",\"12,5 %\"");

  g_string_truncate (out, 0);
  sigap_csv_append_record (out, "a;\"=b;c\";  @d; \"+e\"\"\" x;\"\";-;\r;", ';');
  g_assert_cmpstr (out->str, ==, "a;\"'=b;c\";'  @d; \"'+e\"\"\" x;\"\";'-;'\r;");
}

/* --- Targets, budget, payments -------------------------------------------------------- */

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  const char *csv =
    /* 1 */ "tahun,segmen,kode_wilayah,sasaran,sektor\n"
    /* 2 */ "2026,rentan,32.75,10.000,\n"
    /* 3 */ "2026,rentan,Bekasi Timur,900,\n"
    /* 4 */ "2026,ekosistem,Kecamatan Medansatria,800,\n"
    /* 5 */ "2026,rentan,Medansatria,1,\n"
    /* 6 */ "2026,rentan,32.75.01.1001,50,Ojek Online\n"
    /* 7 */ "2026,rentan,32.75.01.1001,5,Linmas\n"
    /* 8 */ "2026,rentan,32.75,10,\n"
    /* 9 */ "1999,rentan,32.75,10,\n"
    /* 10 */ "2026,lainnya,32.75,10,\n"
    /* 11 */ "2026,rentan,Bekasi Tmur,10,\n"
    /* 12 */ "2026,rentan,32.75.01,-5,\n"
    /* 13 */ "2026,Pekerja Rentan,Kota Bekasi,10000,\n";
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(SigapImportResult) changed = NULL;
  g_autoptr(SigapImportResult) again = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_TARGETS, csv);
  g_assert_cmpint (result->read, ==, 12);
  g_assert_cmpint (result->added, ==, 4);
  g_assert_cmpint (result->rejected, ==, 8);
  assert_rejected (result, 5, "kode_wilayah", "both a kecamatan and a kelurahan");
  assert_rejected (result, 7, "sektor", "belongs to segment ekosistem");
  assert_rejected (result, 8, NULL, "already on line 2");
  assert_rejected (result, 9, "tahun", "between 2000 and 2100");
  assert_rejected (result, 10, "segmen", "use rentan or ekosistem");
  assert_rejected (result, 11, "kode_wilayah", "did you mean Bekasi Timur (32.75.01)");
  assert_rejected (result, 12, "sasaran", "not a whole number");
  assert_rejected (result, 13, NULL, "already on line 2");

  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count FROM target t JOIN region r ON r.id = t.region_id "
                              "WHERE r.code = '32.75' AND t.sector_id IS NULL"),
                   ==, 10000);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count FROM target t JOIN region r ON r.id = t.region_id "
                              "JOIN sector s ON s.id = t.sector_id "
                              "WHERE r.code = '32.75.01.1001' AND s.code = 'ojek-online'"),
                   ==, 50);

  changed = import_ok (fixture, SIGAP_IMPORT_TARGETS,
                       "tahun;segmen;wilayah;target\n"
                       "2026;rentan;32.75;12.000\n"
                       "2026;rentan;32.75.01;900\n");
  g_assert_cmpint (changed->updated, ==, 1);
  g_assert_cmpint (changed->unchanged, ==, 1);

  again = import_ok (fixture, SIGAP_IMPORT_TARGETS,
                     "tahun;segmen;wilayah;target\n"
                     "2026;rentan;32.75;12.000\n"
                     "2026;rentan;32.75.01;900\n");
  g_assert_true (again->already_imported);
  g_assert_cmpint (again->unchanged, ==, 2);
}

static void
test_budget (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(SigapImportResult) changed = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_BUDGET,
                      "tahun;segmen;sumber_dana;pagu;keterangan\n"
                      "2026;rentan;APBD;Rp2.000.000.000;murni\n"
                      "2026;ekosistem;apbd;\"Rp 8.000.000.000,00\";\n"
                      "2025;rentan;APBD;580.104.000;\n"
                      "2026;rentan;Apbd;1;\n"
                      "2026;rentan;APBN;16,8;\n"
                      "2026;rentan;;1000;\n");
  g_assert_cmpint (result->added, ==, 3);
  g_assert_cmpint (result->rejected, ==, 3);
  assert_rejected (result, 5, NULL, "already on line 2");
  assert_rejected (result, 6, "pagu", "fraction of a rupiah");
  assert_rejected (result, 7, "sumber_dana", "No funding source");
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT pagu FROM budget WHERE year = 2026 AND segment = 'ekosistem' "
                              "AND funding_source = 'APBD'"),
                   ==, G_GINT64_CONSTANT (8000000000));

  changed = import_ok (fixture, SIGAP_IMPORT_BUDGET,
                       "Tahun,Segmen,Sumber Dana,Pagu Anggaran\n"
                       "2026,rentan,APBD,2.500.000.000\n"
                       "2025,rentan,APBD,580104000\n");
  g_assert_cmpint (changed->updated, ==, 1);
  g_assert_cmpint (changed->unchanged, ==, 1);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT pagu FROM budget WHERE year = 2026 AND segment = 'rentan'"),
                   ==, G_GINT64_CONSTANT (2500000000));
  /* An empty cell keeps the note. */
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count (*) FROM budget WHERE note = 'murni'"), ==, 1);
}

static void
test_payments (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(SigapImportResult) again = NULL;
  g_autofree char *period = NULL;
  g_autofree char *cutoff = NULL;

  result = import_ok (fixture, SIGAP_IMPORT_PAYMENTS,
                      "tanggal_bayar,nomor_sp2d,segmen,sumber_dana,periode_awal,periode_akhir,"
                      "jumlah_peserta,nilai\n"
                      "15/12/2025,0001/SP2D/LS/2025,rentan,APBD,Nov 2025,Desember 2025,11666,"
                      "\"Rp 391.977.600,00\"\n"
                      "2026-01-20,0002/SP2D/LS/2026,rentan,APBD,2026-01,2026-01,11666,195988800\n"
                      "2026-01-21,0001/SP2D/ LS/2025,rentan,APBD,2025-11,2025-12,1,1\n"
                      "2026-01-22,0003/SP2D/LS/2026,rentan,APBD,2026-03,2026-02,1,1\n"
                      "2026-02-22,0004/SP2D/LS/2026,rentan,APBD,2026-01,2026-01,1,1\n"
                      "2026-01-22,0005/SP2D/LS/2026,rentan,APBD,minggu lalu,2026-01,1,1\n");
  g_assert_cmpint (result->added, ==, 2);
  g_assert_cmpint (result->rejected, ==, 4);
  assert_rejected (result, 4, "nomor_sp2d", "already on line 2");
  assert_rejected (result, 5, "periode_akhir", "before it starts");
  assert_rejected (result, 6, "tanggal_bayar", "in the future");
  assert_rejected (result, 7, "periode_awal", "not a month");

  period = query_text (fixture->db,
                       "SELECT period_start || '..' || period_end || '|' || amount FROM payment "
                       "WHERE sp2d_number = '0001/SP2D/LS/2025'");
  g_assert_cmpstr (period, ==, "2025-11-01..2025-12-31|391977600");
  cutoff = sigap_database_get_meta (fixture->db, "data_cutoff");
  g_assert_cmpstr (cutoff, ==, "2026-01-20");

  again = import_ok (fixture, SIGAP_IMPORT_PAYMENTS,
                     "tanggal_bayar,nomor_sp2d,segmen,sumber_dana,periode_awal,periode_akhir,"
                     "jumlah_peserta,nilai\n"
                     "2026-01-20,0002/SP2D/LS/2026,rentan,APBD,2026-01,2026-01,11700,196560000\n");
  g_assert_cmpint (again->updated, ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM payment"), ==, 2);
}

/* Issue 14: amounts no SP2D or pagu can have are refused with a reason; the largest plausible
 * ones are taken. */
static void
test_implausible_amounts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SigapImportResult) payments = NULL;
  g_autoptr(SigapImportResult) budget = NULL;

  payments = import_ok (fixture, SIGAP_IMPORT_PAYMENTS,
                        "tanggal_bayar,nomor_sp2d,segmen,sumber_dana,periode_awal,periode_akhir,"
                        "jumlah_peserta,nilai\n"
                        "2026-01-20,1/SP2D,rentan,APBD,2026-01,2026-01,1,Rp1.000.000.000.001\n"
                        "2026-01-20,2/SP2D,rentan,APBD,2026-01,2026-01,1,1000000000000\n"
                        "2026-01-20,3/SP2D,rentan,APBD,2026-01,2026-01,1,"
                        "9.999.999.999.999\n");
  g_assert_cmpint (payments->added, ==, 1);
  g_assert_cmpint (payments->rejected, ==, 2);
  assert_rejected (payments, 2, "nilai", "more than Rp1 triliun");
  assert_rejected (payments, 4, "nilai", "more than Rp1 triliun");
  g_assert_cmpint (query_int (fixture->db, "SELECT sum (amount) FROM payment"), ==,
                   G_GINT64_CONSTANT (1000000000000));

  budget = import_ok (fixture, SIGAP_IMPORT_BUDGET,
                      "tahun;segmen;sumber_dana;pagu\n"
                      "2026;rentan;APBD;100.000.000.000.001\n"
                      "2026;ekosistem;APBD;100.000.000.000.000\n");
  g_assert_cmpint (budget->added, ==, 1);
  assert_rejected (budget, 2, "pagu", "more than Rp100 triliun");
}

/* Issue 14: UTF-16 without a byte order mark is read, a NUL byte or a line in another encoding
 * is rejected with its reason, and a negative number is no NIK. */
static void
test_input_encodings (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *text = "tanggal_daftar;nik;nama;kelurahan;sektor\r\n"
                     "2025-11-05;3275014101900001;José;Bekasijaya;ojol\r\n"
                     "2025-11-05;-3275014101900037;Budi;Bekasijaya;ojol\r\n";
  const char bad[] = "nik;nama;kelurahan;sektor;tanggal_daftar\n"
                     "3275014101900002;Sité;Bekasijaya;ojol;2025-11-05\n"
                     "3275014101900003;Bu\0di;Bekasijaya;ojol;2025-11-05\n"
                     "3275014101900004;An\xE9;Bekasijaya;ojol;2025-11-05\n"
                     "3275014101900005;Ani;Bekasijaya;ojol;2025-11-05\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(SigapImportResult) bad_result = NULL;
  g_autoptr(GError) error = NULL;
  gsize written = 0;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
  g_assert_nonnull (utf16);
  result = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS, utf16, (gssize) written,
                        SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->encoding, ==, "UTF-16LE");
  g_assert_cmpint (result->added, ==, 1);
  g_assert_cmpint (result->rejected, ==, 1);
  assert_rejected (result, 3, "nik", "");
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM participant "
                                           "WHERE nik = '3275014101900037'"), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM participant "
                                           "WHERE name = 'José'"), ==, 1);

  bad_result = import_into (fixture->db, fixture, SIGAP_IMPORT_PARTICIPANTS, bad,
                            sizeof bad - 1, SIGAP_IMPORT_BULK_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bad_result->added, ==, 2);
  g_assert_cmpint (bad_result->rejected, ==, 2);
  assert_rejected (bad_result, 3, NULL, "Line 3 contains a NUL byte");
  assert_rejected (bad_result, 4, NULL, "Line 4 is not valid UTF-8");
  g_assert_cmpstr (bad_result->encoding, ==, "UTF-8");
}

/* --- Asynchronous --------------------------------------------------------------------- */

typedef struct
{
  GMainLoop         *loop;
  SigapImportResult *result;
  GError            *error;
  GThread           *main_thread;
  guint              progress_calls;
  gboolean           progress_in_main_thread;
  guint              saving_calls;         /* SIGAP_IMPORT_PROGRESS_SAVING */
  gboolean           progress_after_saving;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gint64   lines,
                   gpointer user_data)
{
  AsyncData *async = user_data;

  async->progress_calls++;
  async->progress_after_saving |= async->saving_calls > 0;
  if (fraction == SIGAP_IMPORT_PROGRESS_SAVING)
    async->saving_calls++;
  async->progress_in_main_thread &= g_thread_self () == async->main_thread;
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncData *async = user_data;

  async->result = sigap_importer_run_finish (SIGAP_IMPORTER (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *csv = large_file (5000, 1, 0);
  g_autoptr(GFile) file = write_file (fixture, csv, -1);
  g_autoptr(SigapImporter) importer = new_importer (SIGAP_IMPORT_PARTICIPANTS);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData async = { loop, NULL, NULL, g_thread_self (), 0, TRUE, 0, FALSE };

  /* The worker opens its own connection. */
  g_clear_object (&fixture->db);

  sigap_importer_set_progress_func (importer, async_progress_cb, &async, NULL);
  sigap_importer_run_async (importer, fixture->db_path, file, NULL, import_finished_cb, &async);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_nonnull (async.result);
  g_assert_cmpint (async.result->added, ==, 5000);
  g_assert_cmpuint (async.progress_calls, >, 1);
  /* Once every line is read, the saving is said once, and last. */
  g_assert_cmpuint (async.saving_calls, ==, 1);
  g_assert_false (async.progress_after_saving);
  g_assert_true (async.progress_in_main_thread);
  sigap_import_result_unref (async.result);

  /* Pending progress calls are delivered, not leaked. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fixture->db = sigap_database_open (fixture->db_path, SIGAP_DATABASE_OPEN_DEFAULT, NULL);
  g_assert_cmpint (query_int (fixture->db, "SELECT count (*) FROM participant"), ==, 5000);
}

/* Without a server the /postgres/ runs are not there: this says so, and fails in CI. */
static void
test_server (void)
{
  if (sigap_test_server_skip ())
    return;
  g_assert_nonnull (sigap_test_server_uri ());
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    return child_import (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

#define ADD_FILE(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
/* On a file, and on the server when there is one. */
#define ADD(path, func) \
  G_STMT_START { \
    ADD_FILE (path, func); \
    if (sigap_test_server_uri () != NULL) \
      g_test_add ("/postgres" path, Fixture, ON_SERVER, fixture_set_up, func, \
                  fixture_tear_down); \
  } G_STMT_END

  g_test_add_func ("/postgres/sigap/import/server", test_server);

  ADD ("/sigap/import/participants/basic", test_participants_basic);
  ADD ("/sigap/import/participants/formats", test_participants_formats);
  ADD ("/sigap/import/participants/rejections", test_participants_rejections);
  ADD ("/sigap/import/participants/names", test_participants_names);
  ADD ("/sigap/import/participants/flags", test_participants_flags);
  ADD ("/sigap/import/participants/quality", test_participants_quality);
  ADD ("/sigap/import/participants/update", test_participants_update);
  ADD ("/sigap/import/participants/repeats", test_participants_repeats);
  ADD ("/sigap/import/participants/idempotent", test_participants_idempotent);
  ADD ("/sigap/import/missing-column", test_missing_column);
  ADD ("/sigap/import/dry-run", test_dry_run);
  ADD_FILE ("/sigap/import/bulk/trigger-known", test_bulk_trigger_known);
  ADD_FILE ("/sigap/import/bulk/equivalence", test_bulk_equivalence);
  ADD_FILE ("/sigap/import/bulk/repeats", test_bulk_repeats);
  ADD ("/sigap/import/cancel", test_cancel);
  if (sigap_test_server_uri () != NULL)
    g_test_add ("/postgres/sigap/import/bulk/direct", Fixture, ON_SERVER, fixture_set_up,
                test_direct_load, fixture_tear_down);
  ADD_FILE ("/sigap/import/kill", test_kill);
  ADD_FILE ("/sigap/import/bulk/crafted-schema", test_crafted_schema);
  ADD ("/sigap/import/rejects-file", test_rejects_file);
  ADD ("/sigap/import/implausible-amounts", test_implausible_amounts);
  ADD ("/sigap/import/input-encodings", test_input_encodings);
  ADD ("/sigap/import/rejects-formulas", test_rejects_formulas);
  g_test_add_func ("/sigap/csv-writer/cells", test_csv_writer);
  ADD ("/sigap/import/targets", test_targets);
  ADD ("/sigap/import/budget", test_budget);
  ADD ("/sigap/import/payments", test_payments);
  ADD ("/sigap/import/async", test_async);

#undef ADD

  return g_test_run ();
}
