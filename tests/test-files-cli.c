/* test-files-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files the real `sigap` (SIGAP_BIN) creates, and those it must not touch (issue 14):
 * private files whatever the umask, commands that only read leaving the database byte for
 * byte as it was, databases on read-only storage, a copy before an upgrade, and imports that
 * fail or are interrupted leaving nothing of theirs behind.
 */

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/sigap-database.h"
#include "sigap-test-util.h"

#define SIGAP_APPLICATION_ID 0x53474150

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sigap_test_make_tmp_dir ("sigap-files-XXXXXX", FALSE);
  /* Other users (the read-only test runs as nobody) may walk into it. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sigap_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = path_in (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in @dir, hidden ones too, sorted and space-separated. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The file's checksum and modification time, to the nanosecond. */
static char *
file_state (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  struct stat st;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  return g_strdup_printf ("%s %" G_GINT64_FORMAT ".%09ld", checksum, (gint64) st.st_mtim.tv_sec,
                          st.st_mtim.tv_nsec);
}

static sqlite3 *
raw_open (const char *path,
          int         flags)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, flags, NULL), ==, SQLITE_OK);
  return handle;
}

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
raw_query_int (sqlite3    *handle,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Opened read-only by plain SQLite, so only for rollback-mode files: it creates nothing. */
static char *
journal_mode (const char *path)
{
  sqlite3 *handle = raw_open (path, SQLITE_OPEN_READONLY);
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return mode;
}

static void
set_journal_mode (const char *path,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3 *handle = raw_open (path, SQLITE_OPEN_READWRITE);

  raw_exec (handle, sql);
  sqlite3_close (handle);
}

static char *
make_demo (Fixture    *fixture,
           const char *name)
{
  char *path = path_in (fixture, name);
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "demo", "--db", path, "--participants", "300", NULL);
  g_assert_true (sigap_test_run_succeeded (&run));
  return path;
}

/* A SIGAP database as version @version of the schema left it: the migrations up to it, run by
 * plain SQLite, then one participant-free batch so the file holds something to copy. */
static void
make_old_database (const char *path,
                   int         version)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *pragmas = NULL;
  sqlite3 *handle;

  names = g_resources_enumerate_children (RESOURCE_PREFIX "/sql", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                          NULL);
  g_assert_nonnull (names);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  g_assert_cmpuint (g_strv_length (names), >, (guint) version);

  handle = raw_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  for (int i = 0; i < version; i++)
    {
      g_autofree char *resource = g_strconcat (RESOURCE_PREFIX "/sql/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      raw_exec (handle, sql);
    }
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;", version,
                             SIGAP_APPLICATION_ID);
  raw_exec (handle, pragmas);
  raw_exec (handle, "INSERT INTO sigap_meta (key, value) VALUES ('old', 'yes')");
  sqlite3_close (handle);
}

/* ---------------------------------------------------------------------------------------- */
/* 3. Private files                                                                         */

static const char participants_csv[] =
  "nik;nama;kelurahan;sektor;tanggal_daftar;desil;catatan\n"
  "3275014101900001;Siti Aminah;Bekasijaya;Ojek Online;2025-11-05;7;\n"
  "3275014101900003;Ani;Bekasijya;ojol;2025-11-05;;\n";

static void
test_private_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture, "peserta.csv", participants_csv);
  g_autofree char *db = path_in (fixture, "data.sigap");
  g_autofree char *rejects = path_in (fixture, "ditolak.csv");
  g_autofree char *pdf = path_in (fixture, "briefing.pdf");
  g_autofree char *demo = NULL;
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) import = { 0 };
  g_auto(SigapTestRun) report = { 0 };
  mode_t saved = umask (022);

  sigap_test_run_sigap (&import, "import", "participants", "--db", db, "--rejects", rejects, csv,
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&import));
  g_assert_cmpuint (file_mode (db), ==, 0600);
  g_assert_cmpuint (file_mode (rejects), ==, 0600);

  demo = make_demo (fixture, "demo.sigap");
  g_assert_cmpuint (file_mode (demo), ==, 0600);

  /* The briefing is written through a private temporary file and stays private. */
  sigap_test_run_sigap (&report, "report", "--db", demo, "--output", pdf, NULL);
  g_assert_true (sigap_test_run_succeeded (&report));
  g_assert_cmpuint (file_mode (pdf), ==, 0600);

  /* Nothing else: no -wal, -shm or temporary file is left. */
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "briefing.pdf data.sigap demo.sigap ditolak.csv peserta.csv");

  umask (saved);
}

/* The -wal, -shm and -journal of a database SigapDatabase creates, while they exist. */
static void
test_private_journals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "new.sigap");
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  mode_t saved = umask (022);

  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (db_path), ==, 0600);

  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_set_meta (db, "x", "y", &error));
  g_assert_true (sigap_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  g_clear_object (&db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  umask (saved);
}

/* ---------------------------------------------------------------------------------------- */
/* 5. Reading never writes                                                                  */

static void
test_reads_never_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture, "demo.sigap");
  g_autofree char *pdf = path_in (fixture, "briefing.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) text = { 0 };
  g_auto(SigapTestRun) json = { 0 };
  g_auto(SigapTestRun) report = { 0 };

  /* A database in rollback-journal mode, such as another tool may leave. */
  set_journal_mode (db, "delete");
  before = file_state (db);
  /* A write in the same nanosecond would go unseen by the time stamps. */
  g_usleep (20000);

  sigap_test_run_sigap (&text, "summary", "--db", db, NULL);
  g_assert_true (sigap_test_run_succeeded (&text));
  sigap_test_run_sigap (&json, "summary", "--db", db, "--by", "kecamatan", "--format", "json",
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&json));
  sigap_test_run_sigap (&report, "report", "--db", db, "--output", pdf, NULL);
  g_assert_true (sigap_test_run_succeeded (&report));

  after = file_state (db);
  g_assert_cmpstr (after, ==, before);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "delete");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "briefing.pdf demo.sigap");
}

static void
test_read_missing_or_empty (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *empty = write_file (fixture, "kosong.sigap", "");
  g_autofree char *missing = path_in (fixture, "tidak-ada.sigap");
  g_autofree char *pdf = path_in (fixture, "briefing.pdf");
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) run1 = { 0 };
  g_auto(SigapTestRun) run2 = { 0 };
  g_auto(SigapTestRun) run3 = { 0 };
  g_auto(SigapTestRun) run4 = { 0 };

  sigap_test_run_sigap (&run1, "summary", "--db", empty, NULL);
  sigap_test_run_assert_fails_with (&run1, "“kosong.sigap” is empty");
  sigap_test_run_sigap (&run2, "report", "--db", empty, "--output", pdf, NULL);
  sigap_test_run_assert_fails_with (&run2, "“kosong.sigap” is empty");
  sigap_test_run_sigap (&run3, "summary", "--db", missing, NULL);
  sigap_test_run_assert_fails_with (&run3, "does not exist");
  sigap_test_run_sigap (&run4, "report", "--db", missing, "--output", pdf, NULL);
  sigap_test_run_assert_fails_with (&run4, "does not exist");

  /* The empty file is still empty, and nothing was created. */
  g_assert_cmpuint (file_mode (empty), !=, 0);
  {
    g_autofree char *contents = NULL;
    gsize length = 1;

    g_assert_true (g_file_get_contents (empty, &contents, &length, NULL));
    g_assert_cmpuint (length, ==, 0);
  }
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "kosong.sigap");
}

/* An older schema is not upgraded by a read: the command says what to do instead. */
static void
test_read_old_schema (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = path_in (fixture, "lama.sigap");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) run = { 0 };

  make_old_database (db, sigap_database_latest_schema_version () - 1);
  before = file_state (db);
  g_usleep (20000);

  sigap_test_run_sigap (&run, "summary", "--db", db, "--as-of", "2026-01-31", NULL);
  sigap_test_run_assert_fails_with (&run, "needs upgrading");
  g_assert_nonnull (strstr (run.err, "open it once with a command that writes"));

  after = file_state (db);
  g_assert_cmpstr (after, ==, before);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "lama.sigap");
}

/* An import that fails on a damaged file leaves its journal mode as it was: the header
 * differs at most in the change counter (bytes 24-27 and 92-95), never in its mode. */
static void
test_failed_import_keeps_header (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture, "rusak.sigap");
  g_autofree char *csv = write_file (fixture, "peserta.csv", participants_csv);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) run = { 0 };
  gsize length;
  sqlite3 *handle;
  gint64 root, page_size;

  /* The sector table's root page overwritten: the import fails reading the sectors. */
  set_journal_mode (db, "delete");
  handle = raw_open (db, SQLITE_OPEN_READONLY);
  root = raw_query_int (handle, "SELECT rootpage FROM sqlite_schema WHERE name = 'sector'");
  page_size = raw_query_int (handle, "PRAGMA page_size");
  sqlite3_close (handle);
  {
    g_autofree char *garbage = g_malloc (page_size);
    FILE *file = fopen (db, "r+b");

    memset (garbage, 0xff, page_size);
    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, (long) ((root - 1) * page_size), SEEK_SET), ==, 0);
    g_assert_cmpuint (fwrite (garbage, 1, page_size, file), ==, (gsize) page_size);
    fclose (file);
  }
  g_assert_true (g_file_get_contents (db, &before, &length, NULL));

  sigap_test_run_sigap (&run, "import", "participants", "--db", db, csv, NULL);
  sigap_test_run_assert_fails_with (&run, "malformed");

  g_assert_true (g_file_get_contents (db, &after, &length, NULL));
  g_assert_cmpmem (before, 24, after, 24);
  g_assert_cmpmem (before + 28, 92 - 28, after + 28, 92 - 28);
  g_assert_cmpmem (before + 96, 4, after + 96, 4);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "peserta.csv rusak.sigap");
}

/* ---------------------------------------------------------------------------------------- */
/* 6. Read-only storage                                                                     */

/* Runs sigap as nobody when we are root, since root writes into a 0555 folder anyway; returns
 * FALSE when that is not possible here. */
static gboolean
run_sigap_unprivileged (SigapTestRun *run,
                        const char   *db)
{
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  const char *bin = g_getenv ("SIGAP_BIN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (geteuid () == 0)
    {
      if (setpriv == NULL)
        return FALSE;
      g_ptr_array_add (args, setpriv);
      g_ptr_array_add (args, "--reuid=65534");
      g_ptr_array_add (args, "--regid=65534");
      g_ptr_array_add (args, "--clear-groups");
    }
  g_ptr_array_add (args, (gpointer) bin);
  g_ptr_array_add (args, "summary");
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (gpointer) db);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &run->status, &error);
  g_assert_no_error (error);

  /* setpriv itself failing, or nobody unable to reach the binary. */
  return !(WIFEXITED (run->status) && WEXITSTATUS (run->status) >= 126);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *demo = make_demo (fixture, "demo.sigap");
  g_autofree char *folder = path_in (fixture, "cd");
  const char *modes[] = { "delete", "wal" };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.sigap", modes[i]);
      g_autofree char *db = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *listing = NULL;
      g_auto(SigapTestRun) run = { 0 };
      gsize length;

      g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (db, contents, length, NULL));
      set_journal_mode (db, modes[i]);
      g_assert_cmpint (g_chmod (db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

      if (!run_sigap_unprivileged (&run, db))
        {
          g_chmod (folder, 0755);
          g_test_skip ("cannot run sigap as a user without write access here");
          return;
        }

      g_chmod (folder, 0755);
      if (!sigap_test_run_succeeded (&run))
        g_error ("summary of a %s database in a read-only folder: %s", modes[i], run.err);
      g_assert_nonnull (strstr (run.out, "SIGAP"));
      g_assert_cmpstr (run.err, ==, "");

      /* Nothing beside it: no -wal, no -shm. */
      listing = list_dir (folder);
      if (i == 0)
        g_assert_cmpstr (listing, ==, "delete.sigap");
      else
        g_assert_cmpstr (listing, ==, "delete.sigap wal.sigap");
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 7. A copy before an upgrade                                                              */

static void
test_backup_before_upgrade (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *db_path = path_in (fixture, "lama.sigap");
  g_autofree char *backup = path_in (fixture, "lama.sigap.bak");
  g_autofree char *listing = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  int old_version = sigap_database_latest_schema_version () - 1;
  sqlite3 *writer;
  sqlite3 *copy;
  mode_t saved = umask (022);

  make_old_database (db_path, old_version);

  /* A WAL database whose last change is still in its -wal, held open by another connection
   * that never checkpoints: a raw copy of the file would miss that change. */
  set_journal_mode (db_path, "wal");
  writer = raw_open (db_path, SQLITE_OPEN_READWRITE);
  raw_exec (writer, "PRAGMA wal_autocheckpoint = 0;"
                    "INSERT INTO sigap_meta (key, value) VALUES ('in_wal', 'yes')");

  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());
  g_clear_object (&db);
  sqlite3_close (writer);

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  copy = raw_open (backup, SQLITE_OPEN_READONLY);
  g_assert_cmpint (raw_query_int (copy, "PRAGMA user_version"), ==, old_version);
  g_assert_cmpint (raw_query_int (copy, "PRAGMA application_id"), ==, SIGAP_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (copy, "SELECT count (*) FROM sigap_meta WHERE key IN "
                                        "('old', 'in_wal')"), ==, 2);
  g_assert_cmpint (raw_query_int (copy, "SELECT count (*) FROM pragma_integrity_check "
                                        "WHERE integrity_check = 'ok'"), ==, 1);
  sqlite3_close (copy);

  /* A database already at the latest version is not copied again. */
  g_assert_cmpint (g_unlink (backup), ==, 0);
  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "lama.sigap");

  umask (saved);
}

/* ---------------------------------------------------------------------------------------- */
/* 9. Failed and interrupted imports                                                        */

static void
test_failed_import_leaves_no_rejects (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *db = path_in (fixture, "data.sigap");
  g_autofree char *rejects = path_in (fixture, "ditolak.csv");
  g_autofree char *no_sector = write_file (fixture, "tanpa-sektor.csv",
                                           "nik;nama;kelurahan;tanggal_daftar\n"
                                           "3275014101900001;Siti;Bekasijaya;2025-11-05\n");
  g_autofree char *good = write_file (fixture, "peserta.csv", participants_csv);
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) run1 = { 0 };
  g_auto(SigapTestRun) run2 = { 0 };
  g_auto(SigapTestRun) run3 = { 0 };

  /* A new database and a new rejects file: neither is left behind. */
  sigap_test_run_sigap (&run1, "import", "participants", "--db", db, "--rejects", rejects,
                        no_sector, NULL);
  sigap_test_run_assert_fails_with (&run1, "Required column “sektor” is missing");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "peserta.csv tanpa-sektor.csv");
  g_clear_pointer (&listing, g_free);

  /* An existing rejects file stays as the last good import wrote it. */
  sigap_test_run_sigap (&run2, "import", "participants", "--db", db, "--rejects", rejects, good,
                        NULL);
  g_assert_true (sigap_test_run_succeeded (&run2));
  g_assert_true (g_file_get_contents (rejects, &kept, NULL, NULL));
  sigap_test_run_sigap (&run3, "import", "participants", "--db", db, "--rejects", rejects,
                        no_sector, NULL);
  sigap_test_run_assert_fails_with (&run3, "Required column “sektor” is missing");
  {
    g_autofree char *now = NULL;

    g_assert_true (g_file_get_contents (rejects, &now, NULL, NULL));
    g_assert_cmpstr (now, ==, kept);
  }
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "data.sigap ditolak.csv peserta.csv tanpa-sektor.csv");
}

/* A participants file big enough to be still importing when the signal comes. */
static char *
write_big_csv (Fixture *fixture,
               guint    lines)
{
  g_autoptr(GString) text = g_string_new ("nik;nama;kelurahan;sektor;tanggal_daftar;desil\n");
  char *path = path_in (fixture, "besar.csv");

  for (guint i = 0; i < lines; i++)
    g_string_append_printf (text, "327501%02u%02u%02u%04u;Nama %u;Bekasijaya;Ojek Online;"
                            "2025-11-05;3\n",
                            1 + i % 28, 1 + (i / 28) % 12, 60 + (i / 336) % 40,
                            1 + i / 13440, i);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  return path;
}

static gboolean
has_temporary_rejects (const char *dir)
{
  g_autofree char *listing = list_dir (dir);

  return strstr (listing, ".ditolak.csv.") != NULL;
}

static void
test_sigterm_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = path_in (fixture, "data.sigap");
  g_autofree char *rejects = path_in (fixture, "ditolak.csv");
  g_autofree char *small = write_file (fixture, "peserta.csv", participants_csv);
  g_autofree char *big = write_big_csv (fixture, 200000);
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) first = { 0 };
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("SIGAP_BIN"), "import", "participants", "--db", db,
                         "--rejects", rejects, big, NULL };
  gint64 deadline;
  GPid pid;
  int status;
  sqlite3 *handle;

  sigap_test_run_sigap (&first, "import", "participants", "--db", db, small, NULL);
  g_assert_true (sigap_test_run_succeeded (&first));

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* Mid-run: the rejects are being written, and the import has read a part of the file. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!has_temporary_rejects (fixture->dir))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  g_usleep (300000);
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 128 + SIGTERM);

  /* Rolled back: only the first import's rows; nothing of this run beside the database. */
  handle = raw_open (db, SQLITE_OPEN_READONLY);
  g_assert_cmpint (raw_query_int (handle, "SELECT count (*) FROM participant"), ==, 1);
  g_assert_cmpint (raw_query_int (handle, "SELECT count (*) FROM import_batch"), ==, 1);
  sqlite3_close (handle);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "besar.csv data.sigap peserta.csv");
}

/* A killed briefing's temporary file is removed by the next run. */
static void
test_stale_part_removed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture, "demo.sigap");
  g_autofree char *pdf = path_in (fixture, "briefing.pdf");
  g_autofree char *stale = write_file (fixture, ".briefing.pdf.Ab12Cd.part", "%PDF-1.4 half");
  g_autofree char *other = write_file (fixture, ".lain.pdf.Ab12Cd.part", "another file's");
  g_autofree char *listing = NULL;
  g_auto(SigapTestRun) run = { 0 };
  struct timespec old[2] = { { .tv_sec = 1700000000 }, { .tv_sec = 1700000000 } };

  g_assert_cmpint (utimensat (AT_FDCWD, stale, old, 0), ==, 0);
  g_assert_cmpint (utimensat (AT_FDCWD, other, old, 0), ==, 0);

  sigap_test_run_sigap (&run, "report", "--db", db, "--output", pdf, NULL);
  g_assert_true (sigap_test_run_succeeded (&run));

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, ".lain.pdf.Ab12Cd.part briefing.pdf demo.sigap");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sigap/files/private", test_private_files);
  ADD ("/sigap/files/private-journals", test_private_journals);
  ADD ("/sigap/files/reads-never-write", test_reads_never_write);
  ADD ("/sigap/files/read-missing-or-empty", test_read_missing_or_empty);
  ADD ("/sigap/files/read-old-schema", test_read_old_schema);
  ADD ("/sigap/files/failed-import-keeps-header", test_failed_import_keeps_header);
  ADD ("/sigap/files/read-only-folder", test_read_only_folder);
  ADD ("/sigap/files/backup-before-upgrade", test_backup_before_upgrade);
  ADD ("/sigap/files/failed-import-leaves-no-rejects", test_failed_import_leaves_no_rejects);
  ADD ("/sigap/files/sigterm-import", test_sigterm_import);
  ADD ("/sigap/files/stale-part-removed", test_stale_part_removed);

#undef ADD

  return g_test_run ();
}
