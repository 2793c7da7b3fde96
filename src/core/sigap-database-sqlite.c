/* sigap-database-sqlite.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite engine of the data interface (sigap-database.h, through the table of functions
 * of sigap-database-private.h): the only file of core that calls SQLite. A SigapStatement is
 * an sqlite3_stmt behind the engine's table.
 *
 * A SigapDatabase on a file owns one SQLite connection to a SIGAP database file. Opening checks that the
 * file really is a SIGAP database before anything is written to it (a spreadsheet renamed to
 * .sigap, another program's SQLite file or a corrupt file is refused untouched), then brings
 * its schema up to date with the forward-only migrations stored in the GResource under
 * sql/NNNN-name.sql. The schema version is PRAGMA user_version; PRAGMA application_id marks
 * the file as ours.
 *
 * Opening for reading only (SIGAP_DATABASE_OPEN_READ_ONLY: summary, report, a screenshot,
 * the window's queries) never writes: no journal-mode change, no migration, no new file; a
 * missing or empty file is an error. A database at rest is in rollback-journal mode, so that
 * such a reader creates no -wal or -shm beside it: writers switch to WAL at their first
 * transaction and back when they close, if no other connection is still reading. A database
 * left in WAL mode (by an older version) on read-only storage is read as immutable.
 *
 * Writable files are created 0600, and so are their -wal, -shm and -journal (SQLite gives
 * them the database's permissions). Before a migration, the database is copied to
 * NAME.bak (also 0600) with VACUUM INTO, a consistent copy even of a WAL database.
 *
 * A connection belongs to one thread at a time: worker threads open their own.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "sigap-database-private.h"
#include "sigap-database-sqlite.h"
#include "sigap-format.h"
#include "sigap-private-file.h"
#include "sigap-resources.h"

/* 'SGAP' in the database header, so `file` and we can tell a SIGAP database at a glance. */
#define SIGAP_APPLICATION_ID 0x53474150
#define MIGRATIONS_FOLDER "sql"
#define SQLITE_HEADER "SQLite format 3"
/* Bytes 18 and 19 of the header: the read and write versions, 2 in WAL mode. */
#define HEADER_VERSIONS_OFFSET 18
#define HEADER_WAL_VERSION 2
#define BACKUP_SUFFIX ".bak"
/* The most of a database file a read-only connection maps into memory (1 GiB). */
#define READ_MMAP_BYTES 1073741824

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct
{
  SigapStatement  parent;
  sqlite3_stmt   *raw;
} SqliteStatement;

#define RAW(stmt) (((SqliteStatement *) (stmt))->raw)

typedef struct
{
  sqlite3 *handle;
  GCancellable *cancellable;
  guint    memory : 1;
  guint    journal_checked : 1; /* the first transaction has set the journal mode */
  guint    wal_switched : 1;    /* ... to WAL: back to rollback mode at close */
} SqliteDatabase;

#define DB(self) ((SqliteDatabase *) (self)->engine_data)

static const SigapEngine sqlite_engine;

static char *
display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

static SigapDatabaseError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return SIGAP_DATABASE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return SIGAP_DATABASE_ERROR_NOT_SIGAP;
    case SQLITE_READONLY:
      return SIGAP_DATABASE_ERROR_READ_ONLY;
    case SQLITE_INTERRUPT:
      return SIGAP_DATABASE_ERROR_CANCELLED;
    default:
      return SIGAP_DATABASE_ERROR_FAILED;
    }
}

static gboolean
sqlite_set_error (SigapDatabase  *self,
                  GError        **error,
                  const char     *what)
{
  int rc;

  rc = sqlite3_extended_errcode (DB (self)->handle);
  /* SQLite's sum () raises this error rather than wrap around. */
  if (g_strcmp0 (sqlite3_errmsg (DB (self)->handle), "integer overflow") == 0)
    g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_OVERFLOW,
                 "%s: %s", what, sqlite3_errmsg (DB (self)->handle));
  else
    g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc),
                 "%s: %s", what, sqlite3_errmsg (DB (self)->handle));
  return FALSE;
}

/* Reads the first bytes of an existing file: NULL error and TRUE when it is empty or starts
 * with the SQLite header, so that a CSV or spreadsheet is refused before SQLite touches it.
 * @out_wal tells whether the file is in WAL mode. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_empty,
                   gboolean    *out_wal,
                   GError     **error)
{
  g_autofree char *name = display_name (path);
  char header[HEADER_VERSIONS_OFFSET + 2] = { 0 };
  FILE *file;
  size_t n_read;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  *out_empty = n_read == 0;
  *out_wal = FALSE;
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof SQLITE_HEADER || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is not a SIGAP database (it is not an SQLite file)"), name);
      return FALSE;
    }

  *out_wal = n_read == sizeof header &&
             header[HEADER_VERSIONS_OFFSET] == HEADER_WAL_VERSION &&
             header[HEADER_VERSIONS_OFFSET + 1] == HEADER_WAL_VERSION;
  return TRUE;
}

/* Distrusts the schema of the file: defensive mode (no writable_schema, no writes to shadow
 * tables) and trusted_schema off (no functions with side effects called from a trigger, a
 * view or an index that came with the file). Every connection the app opens goes through here.
 */
static void
harden_connection (sqlite3 *handle)
{
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

static sqlite3_stmt *
prepare_with_flags (SigapDatabase  *self,
                    const char     *sql,
                    unsigned int    flags,
                    GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (DB (self)->handle, sql, -1, flags, &stmt, NULL) != SQLITE_OK)
    {
      sigap_database_set_error (self, error, _("Database query failed"));
      return NULL;
    }

  return stmt;
}

static sqlite3_stmt *
prepare_raw (SigapDatabase  *self,
             const char     *sql,
             GError        **error)
{
  return prepare_with_flags (self, sql, 0, error);
}

static gboolean
query_int (SigapDatabase  *self,
           const char     *sql,
           int            *out_value,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_raw (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sigap_database_set_error (self, error, _("Cannot read the database"));

  *out_value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Tells a fresh file (no tables, no version) from one written by us or by another program.
 * Everything here only reads. */
static gboolean
identify (SigapDatabase  *self,
          gboolean       *out_fresh,
          GError        **error)
{
  g_autofree char *name = display_name (self->path);
  g_autoptr(GError) local_error = NULL;
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (self, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CORRUPT) ||
          g_error_matches (local_error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP))
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be read; restore it from a backup"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *out_fresh = application_id == 0 && self->schema_version == 0 && n_objects == 0;
  if (*out_fresh)
    return TRUE;

  if (application_id != SIGAP_APPLICATION_ID)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is the database of another program, not a SIGAP database"), name);
      return FALSE;
    }

  if (self->schema_version > sigap_database_latest_schema_version ())
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of SIGAP Dasbor (schema %d; this "
                     "version reads up to %d): update SIGAP Dasbor to open it"),
                   name, self->schema_version, sigap_database_latest_schema_version ());
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_migration (SigapDatabase  *self,
                 int             version,
                 const char     *file,
                 GError        **error)
{
  g_autofree char *name = display_name (self->path);
  g_autofree char *pragmas = NULL;
  g_autofree char *sql = NULL;

  sql = _sigap_database_read_migration (MIGRATIONS_FOLDER, file, error);
  if (sql == NULL)
    return FALSE;
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             version, SIGAP_APPLICATION_ID);

  if (!sigap_database_begin (self, error))
    return FALSE;

  if (!sigap_database_exec (self, sql, error) || !sigap_database_exec (self, pragmas, error))
    {
      sigap_database_rollback (self);
      g_prefix_error (error, _("Upgrading “%s” to schema %d failed: "), name, version);
      return FALSE;
    }

  if (!sigap_database_commit (self, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

/* Copies the database to NAME.bak, private, before a migration changes it: VACUUM INTO reads
 * one consistent snapshot (a raw copy of a WAL database may miss what its -wal holds), into a
 * temporary file renamed over an earlier copy only once complete. */
static gboolean
backup_before_migration (SigapDatabase  *self,
                         GError        **error)
{
  g_autofree char *backup = g_strconcat (self->path, BACKUP_SUFFIX, NULL);
  g_autofree char *temp_path = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = display_name (self->path);
  int fd;

  sigap_private_file_remove_stale (backup);
  fd = sigap_private_file_create_temp (backup, &temp_path, &local_error);
  if (fd >= 0)
    {
      stmt = prepare_raw (self, "VACUUM INTO ?1", &local_error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, temp_path, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            sigap_database_set_error (self, &local_error, _("Cannot copy the database"));
        }
      if (local_error == NULL && (fsync (fd) != 0 || g_rename (temp_path, backup) != 0))
        {
          int saved_errno = errno;

          g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
        }
      if (local_error != NULL)
        g_unlink (temp_path);
      close (fd);
    }

  if (local_error != NULL)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                   _("Cannot keep a copy of “%s” before upgrading it, so it was left as it "
                     "was: %s"), name, local_error->message);
      return FALSE;
    }

  g_debug ("Copied %s to %s before upgrading it", self->path, backup);
  return TRUE;
}

static gboolean
migrate (SigapDatabase           *self,
         gboolean                 fresh,
         SigapDatabaseOpenFlags   flags,
         GError                 **error)
{
  g_auto(GStrv) names = _sigap_database_list_migrations (MIGRATIONS_FOLDER);
  int latest = (int) g_strv_length (names);

  if (self->schema_version == latest)
    return TRUE;

  if (self->read_only)
    {
      g_autofree char *name = display_name (self->path);

      if (fresh)
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                     _("“%s” holds no SIGAP data: it is an empty SQLite file"), name);
      else if (flags & SIGAP_DATABASE_OPEN_READ_ONLY)
        /* An older schema is not read as it is: the figures' queries are those of the
         * latest. Upgrading is a write, for a command that writes. */
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY,
                     _("“%s” was written by an older version of SIGAP Dasbor and needs "
                       "upgrading (schema %d to %d): open it once with a command that "
                       "writes, such as sigap import or the window"),
                     name, self->schema_version, latest);
      else
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY,
                     _("“%s” needs an upgrade to schema %d but cannot be written"), name, latest);
      return FALSE;
    }

  if (!fresh && !DB (self)->memory && !backup_before_migration (self, error))
    return FALSE;

  for (int version = self->schema_version + 1; version <= latest; version++)
    if (!apply_migration (self, version, names[version - 1], error))
      return FALSE;

  return TRUE;
}

/* Settings of the connection only: nothing here writes to the file. */
static gboolean
configure_connection (SigapDatabase  *self,
                      GError        **error)
{
  if (!sigap_database_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* Readers map the file instead of copying each page they read out of the kernel's cache:
   * the figures of 3 million participants read a few thousand pages per query. */
  if (self->read_only)
    return sigap_database_exec (self, "PRAGMA mmap_size = " G_STRINGIFY (READ_MMAP_BYTES),
                                error);

  return sigap_database_exec (self, "PRAGMA synchronous = NORMAL", error);
}

/* Before the first write of a connection: WAL, so that readers carry on while it writes.
 * Only from the default rollback mode: a journal mode the caller chose stays. */
static gboolean
use_wal (SigapDatabase  *self,
         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;

  if (DB (self)->journal_checked || self->read_only || DB (self)->memory)
    return TRUE;

  stmt = prepare_raw (self, "PRAGMA journal_mode", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sigap_database_set_error (self, error, _("Cannot read the database"));
  mode = (const char *) sqlite3_column_text (stmt, 0);

  if (g_strcmp0 (mode, "delete") == 0)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (!sigap_database_exec (self, "PRAGMA journal_mode = WAL", error))
        return FALSE;
      DB (self)->wal_switched = TRUE;
    }
  else if (g_strcmp0 (mode, "wal") == 0)
    DB (self)->wal_switched = TRUE;

  DB (self)->journal_checked = TRUE;
  return TRUE;
}

/* Leaves the database at rest in rollback mode, so that readers need no -wal or -shm beside
 * it. Only when no other connection has it open: otherwise it stays in WAL mode. */
static void
leave_wal (SigapDatabase *self)
{
  if (!DB (self)->wal_switched || DB (self)->handle == NULL)
    return;

  sqlite3_busy_timeout (DB (self)->handle, 0);
  if (sqlite3_exec (DB (self)->handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s stays in WAL mode: %s", self->path, sqlite3_errmsg (DB (self)->handle));
}

/* Whether this process may write @path and create its -wal, -shm or -journal beside it. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A WAL database in a folder that cannot be written (read-only storage): SQLite could neither
 * create the -shm it reads the WAL through nor find a writer that could, and no writer can
 * come, as a writer needs the -wal. With no -wal, or an empty one, everything is in the file:
 * it is read as immutable, without locks and without creating anything. A -wal with content
 * and its -shm are read as usual. */
static gboolean
needs_immutable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_access (dir, W_OK) == 0)
    return FALSE;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
sqlite_close (SigapDatabase *self)
{
  if (DB (self) == NULL)
    return;

  leave_wal (self);
  if (DB (self)->cancellable != NULL)
    self->engine->set_cancellable (self, NULL);
  g_clear_pointer (&DB (self)->handle, sqlite3_close_v2);
  g_clear_pointer (&self->engine_data, g_free);
}

/* Opens the file @self->path: see sigap_database_open (). */
gboolean
_sigap_database_sqlite_open (SigapDatabase           *self,
                             SigapDatabaseOpenFlags   flags,
                             GError                 **error)
{
  const char *path = self->path;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  gboolean exists;
  gboolean empty = TRUE;
  gboolean wal = FALSE;
  gboolean fresh = FALSE;
  gboolean created = FALSE;
  int open_flags;
  int rc;

  name = display_name (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && (!(flags & SIGAP_DATABASE_OPEN_CREATE) || (flags & SIGAP_DATABASE_OPEN_READ_ONLY)))
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_FOUND,
                   _("Database “%s” does not exist"), name);
      return FALSE;
    }

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is a folder, not a SIGAP database"), name);
      return FALSE;
    }

  if (exists && !check_file_header (path, &empty, &wal, error))
    return FALSE;

  self->engine = &sqlite_engine;
  self->engine_data = g_new0 (SqliteDatabase, 1);
  DB (self)->memory = g_strcmp0 (path, ":memory:") == 0;
  self->read_only = (flags & SIGAP_DATABASE_OPEN_READ_ONLY) != 0 ||
                    (exists && !can_write (path));

  /* Reading an empty file would be reading nothing; writing it is for a write command. */
  if (self->read_only && exists && empty)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is empty: it is not a SIGAP database yet"), name);
      return FALSE;
    }

  /* Ours from the start: SQLite would create it with the umask's permissions, and its -wal,
   * -shm and -journal with the database's. */
  if (!exists && !DB (self)->memory)
    {
      g_autoptr(GError) create_error = NULL;
      int fd = sigap_private_file_create (path, &create_error);

      if (fd < 0 && !g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
      created = fd >= 0;
    }

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (self->read_only)
    {
      open_flags |= SQLITE_OPEN_READONLY;
      if (wal && needs_immutable (path))
        {
          g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);

          uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
          open_flags |= SQLITE_OPEN_URI;
        }
    }
  else
    open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &DB (self)->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc),
                   _("Cannot open database “%s”: %s"), name,
                   DB (self)->handle != NULL ? sqlite3_errmsg (DB (self)->handle) : sqlite3_errstr (rc));
      goto failed;
    }

  harden_connection (DB (self)->handle);
  /* Before the first read: a writer elsewhere may hold the lock for a moment. */
  sqlite3_busy_timeout (DB (self)->handle, 5000);

  if (!identify (self, &fresh, error))
    goto failed;

  if (fresh && !empty)
    g_debug ("Taking empty SQLite file %s as a new database", path);

  if (!configure_connection (self, error))
    {
      g_prefix_error (error, "%s: ", name);
      goto failed;
    }

  if (!migrate (self, fresh, flags, error))
    goto failed;

  return TRUE;

failed:
  /* A file this call created is not left behind, empty or half-made. */
  sqlite_close (self);
  if (created)
    remove_database_files (path);
  return FALSE;
}

sqlite3 *
sigap_database_sqlite_get_handle (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->engine == &sqlite_engine, NULL);

  return DB (self)->handle;
}

static gboolean
sqlite_exec (SigapDatabase  *self,
             const char     *sql,
             GError        **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (DB (self)->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc), "%s",
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static SigapStatement *
sqlite_prepare (SigapDatabase  *self,
                const char     *sql,
                gboolean        persistent,
                GError        **error)
{
  sqlite3_stmt *raw;
  SqliteStatement *stmt;

  raw = prepare_with_flags (self, sql, persistent ? SQLITE_PREPARE_PERSISTENT : 0, error);
  if (raw == NULL)
    return NULL;

  stmt = g_new (SqliteStatement, 1);
  stmt->parent.engine = &sqlite_engine;
  stmt->raw = raw;
  return &stmt->parent;
}

static gboolean
sqlite_in_transaction (SigapDatabase *self)
{
  return !sqlite3_get_autocommit (DB (self)->handle);
}

static gint64
sqlite_last_insert_id (SigapDatabase *self)
{
  return sqlite3_last_insert_rowid (DB (self)->handle);
}

static void
sqlite_interrupt (SigapDatabase *self)
{
  sqlite3_interrupt (DB (self)->handle);
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

static void
sqlite_set_cancellable (SigapDatabase *self,
                        GCancellable  *cancellable)
{
  g_set_object (&DB (self)->cancellable, cancellable);
  if (cancellable != NULL)
    sqlite3_progress_handler (DB (self)->handle, 1000, progress_cb, cancellable);
  else
    sqlite3_progress_handler (DB (self)->handle, 0, NULL, NULL);
}

static gboolean
sqlite_last_error_is_unique (SigapDatabase *self)
{
  return sqlite3_extended_errcode (DB (self)->handle) == SQLITE_CONSTRAINT_UNIQUE;
}

static const char *
sqlite_last_error_message (SigapDatabase *self)
{
  return sqlite3_errmsg (DB (self)->handle);
}

static gboolean
sqlite_begin (SigapDatabase  *self,
              GError        **error)
{
  if (!use_wal (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a concurrent writer fails here, not half-way. */
  return sqlite_exec (self, "BEGIN IMMEDIATE", error);
}

static void
sqlite_rollback (SigapDatabase *self)
{
  if (!sqlite3_get_autocommit (DB (self)->handle))
    sqlite3_exec (DB (self)->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_commit (SigapDatabase  *self,
               GError        **error)
{
  if (sqlite_exec (self, "COMMIT", error))
    return TRUE;

  sqlite_rollback (self);
  return FALSE;
}

static void
sqlite_statement_free (SigapStatement *stmt)
{
  sqlite3_finalize (RAW (stmt));
  g_free (stmt);
}

static SigapStep
sqlite_step (SigapStatement *stmt)
{
  switch (sqlite3_step (RAW (stmt)))
    {
    case SQLITE_ROW:
      return SIGAP_STEP_ROW;
    case SQLITE_DONE:
      return SIGAP_STEP_DONE;
    default:
      return SIGAP_STEP_ERROR;
    }
}

static void
sqlite_reset (SigapStatement *stmt)
{
  sqlite3_reset (RAW (stmt));
}

static void
sqlite_clear_bindings (SigapStatement *stmt)
{
  sqlite3_clear_bindings (RAW (stmt));
}

static void
sqlite_bind_text (SigapStatement *stmt,
                  int             index,
                  const char     *text,
                  int             length,
                  gboolean        copy)
{
  sqlite3_bind_text (RAW (stmt), index, text, length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_int64 (SigapStatement *stmt,
                   int             index,
                   gint64          value)
{
  sqlite3_bind_int64 (RAW (stmt), index, value);
}

static void
sqlite_bind_double (SigapStatement *stmt,
                    int             index,
                    double          value)
{
  sqlite3_bind_double (RAW (stmt), index, value);
}

static void
sqlite_bind_null (SigapStatement *stmt,
                  int             index)
{
  sqlite3_bind_null (RAW (stmt), index);
}

static int
sqlite_column_count (SigapStatement *stmt)
{
  return sqlite3_column_count (RAW (stmt));
}

static const char *
sqlite_column_text (SigapStatement *stmt,
                    int             column)
{
  return (const char *) sqlite3_column_text (RAW (stmt), column);
}

static int
sqlite_column_int (SigapStatement *stmt,
                   int             column)
{
  return sqlite3_column_int (RAW (stmt), column);
}

static gint64
sqlite_column_int64 (SigapStatement *stmt,
                     int             column)
{
  return sqlite3_column_int64 (RAW (stmt), column);
}

static double
sqlite_column_double (SigapStatement *stmt,
                      int             column)
{
  return sqlite3_column_double (RAW (stmt), column);
}

static gboolean
sqlite_column_is_null (SigapStatement *stmt,
                       int             column)
{
  return sqlite3_column_type (RAW (stmt), column) == SQLITE_NULL;
}

static gboolean
sqlite_column_is_integer (SigapStatement *stmt,
                          int             column)
{
  return sqlite3_column_type (RAW (stmt), column) == SQLITE_INTEGER;
}

static const SigapEngine sqlite_engine = {
  .id = SIGAP_DATABASE_ENGINE_SQLITE,
  .close = sqlite_close,
  .set_error = sqlite_set_error,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .in_transaction = sqlite_in_transaction,
  .last_insert_id = sqlite_last_insert_id,
  .interrupt = sqlite_interrupt,
  .set_cancellable = sqlite_set_cancellable,
  .last_error_is_unique = sqlite_last_error_is_unique,
  .last_error_message = sqlite_last_error_message,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .statement_free = sqlite_statement_free,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .bind_text = sqlite_bind_text,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .column_count = sqlite_column_count,
  .column_text = sqlite_column_text,
  .column_int = sqlite_column_int,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_is_null = sqlite_column_is_null,
  .column_is_integer = sqlite_column_is_integer,
};

static void
sigap_schema_object_free (SigapSchemaObject *object)
{
  g_free (object->type);
  g_free (object->name);
  g_free (object->table);
  g_free (object->sql);
  g_free (object);
}

/* Runs every migration on an empty database in memory and reads back what they made. */
static GPtrArray *
build_own_schema (void)
{
  g_auto(GStrv) names = _sigap_database_list_migrations (MIGRATIONS_FOLDER);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_schema_object_free);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
      SQLITE_OK)
    g_error ("Cannot open a database in memory: %s", sqlite3_errmsg (handle));
  harden_connection (handle);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = _sigap_database_read_migration (MIGRATIONS_FOLDER, names[i], NULL);

      g_assert (sql != NULL);
      if (sqlite3_exec (handle, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("Migration %s fails on an empty database: %s", names[i],
                 sqlite3_errmsg (handle));
    }

  if (sqlite3_prepare_v2 (handle,
                          "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                          "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot read the schema in memory: %s", sqlite3_errmsg (handle));

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SigapSchemaObject *object = g_new0 (SigapSchemaObject, 1);

      object->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      object->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      object->table = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      object->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (objects, object);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return objects;
}

/**
 * sigap_database_get_own_schema:
 *
 * The indexes and triggers of a SIGAP database at the latest schema version, as the
 * migrations in the resources create them: the app's own definitions, which it runs when it
 * must create one again, never the text a file holds in its sqlite_schema.
 *
 * Returns: (transfer none) (element-type SigapSchemaObject): in creation order
 */
const GPtrArray *
sigap_database_get_own_schema (void)
{
  static GPtrArray *objects;

  if (g_once_init_enter (&objects))
    g_once_init_leave (&objects, build_own_schema ());

  return objects;
}
