/* sigap-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapDatabase owns one SQLite connection to a SIGAP database file. Opening checks that the
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
#include <string.h>
#include <unistd.h>

#include "sigap-database.h"
#include "sigap-format.h"
#include "sigap-private-file.h"
#include "sigap-resources.h"

/* 'SGAP' in the database header, so `file` and we can tell a SIGAP database at a glance. */
#define SIGAP_APPLICATION_ID 0x53474150
#define MIGRATIONS_PATH RESOURCE_PREFIX "/sql"
#define SQLITE_HEADER "SQLite format 3"
/* Bytes 18 and 19 of the header: the read and write versions, 2 in WAL mode. */
#define HEADER_VERSIONS_OFFSET 18
#define HEADER_WAL_VERSION 2
#define BACKUP_SUFFIX ".bak"
/* The most of a database file a read-only connection maps into memory (1 GiB). */
#define READ_MMAP_BYTES 1073741824

struct _SigapDatabase
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *handle;
  int      schema_version;
  guint    read_only : 1;
  guint    memory : 1;
  guint    journal_checked : 1; /* the first transaction has set the journal mode */
  guint    wal_switched : 1;    /* ... to WAL: back to rollback mode at close */
};

G_DEFINE_FINAL_TYPE (SigapDatabase, sigap_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-database-error-quark, sigap_database_error)

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
    default:
      return SIGAP_DATABASE_ERROR_FAILED;
    }
}

gboolean
sigap_database_set_error (SigapDatabase  *self,
                          GError        **error,
                          const char     *what)
{
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  rc = sqlite3_extended_errcode (self->handle);
  g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc),
               "%s: %s", what, sqlite3_errmsg (self->handle));
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

static gboolean
query_int (SigapDatabase  *self,
           const char     *sql,
           int            *out_value,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sigap_database_prepare (self, sql, error);
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The migrations in version order: sql/0001-schema.sql is version 1, and so on. */
static GStrv
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  /* Referencing the bundle keeps its object file, and so its registration, in every binary
   * that links the static core library. */
  g_assert (sigap_get_resource () != NULL);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("Migrations missing from the resources: %s", error->message);

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      /* A gap or a duplicate number is a packaging bug, caught by the first test run. */
      if (g_ascii_strtoull (names[i], NULL, 10) != i + 1)
        g_error ("Migration %s is out of sequence", names[i]);
    }

  return g_steal_pointer (&names);
}

int
sigap_database_latest_schema_version (void)
{
  static gsize latest;

  /* Stored plus one, because g_once_init_enter() treats 0 as "not yet". */
  if (g_once_init_enter (&latest))
    {
      g_auto(GStrv) names = list_migrations ();

      g_once_init_leave (&latest, g_strv_length (names) + 1);
    }

  return (int) latest - 1;
}

static gboolean
apply_migration (SigapDatabase  *self,
                 int             version,
                 const char     *file,
                 GError        **error)
{
  g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, file, NULL);
  g_autofree char *name = display_name (self->path);
  g_autofree char *pragmas = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gconstpointer data;
  gsize size;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  sql = g_strndup (data, size);
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
      stmt = sigap_database_prepare (self, "VACUUM INTO ?1", &local_error);
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
  g_auto(GStrv) names = list_migrations ();
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

  if (!fresh && !self->memory && !backup_before_migration (self, error))
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

  if (self->journal_checked || self->read_only || self->memory)
    return TRUE;

  stmt = sigap_database_prepare (self, "PRAGMA journal_mode", error);
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
      self->wal_switched = TRUE;
    }
  else if (g_strcmp0 (mode, "wal") == 0)
    self->wal_switched = TRUE;

  self->journal_checked = TRUE;
  return TRUE;
}

/* Leaves the database at rest in rollback mode, so that readers need no -wal or -shm beside
 * it. Only when no other connection has it open: otherwise it stays in WAL mode. */
static void
leave_wal (SigapDatabase *self)
{
  if (!self->wal_switched || self->handle == NULL)
    return;

  sqlite3_busy_timeout (self->handle, 0);
  if (sqlite3_exec (self->handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s stays in WAL mode: %s", self->path, sqlite3_errmsg (self->handle));
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
sigap_database_finalize (GObject *object)
{
  SigapDatabase *self = (SigapDatabase *)object;

  leave_wal (self);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sigap_database_parent_class)->finalize (object);
}

static void
sigap_database_class_init (SigapDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_database_finalize;
}

static void
sigap_database_init (SigapDatabase *self)
{
}

/**
 * sigap_database_open:
 * @path: the database file
 * @flags: whether to create it, or to open it read-only
 * @error: return location for a #SIGAP_DATABASE_ERROR
 *
 * Opens a SIGAP database, upgrading its schema when it was written by an older version
 * (after copying it to NAME.bak). A file that cannot be written, or whose folder cannot be,
 * is opened read-only when no upgrade is needed. With %SIGAP_DATABASE_OPEN_READ_ONLY nothing
 * is written or created: the file must exist, hold a SIGAP database and need no upgrade.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
SigapDatabase *
sigap_database_open (const char              *path,
                     SigapDatabaseOpenFlags   flags,
                     GError                 **error)
{
  g_autoptr(SigapDatabase) self = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  gboolean exists;
  gboolean empty = TRUE;
  gboolean wal = FALSE;
  gboolean fresh = FALSE;
  gboolean created = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && (!(flags & SIGAP_DATABASE_OPEN_CREATE) || (flags & SIGAP_DATABASE_OPEN_READ_ONLY)))
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_FOUND,
                   _("Database “%s” does not exist"), name);
      return NULL;
    }

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is a folder, not a SIGAP database"), name);
      return NULL;
    }

  if (exists && !check_file_header (path, &empty, &wal, error))
    return NULL;

  self = g_object_new (SIGAP_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->memory = g_strcmp0 (path, ":memory:") == 0;
  self->read_only = (flags & SIGAP_DATABASE_OPEN_READ_ONLY) != 0 ||
                    (exists && !can_write (path));

  /* Reading an empty file would be reading nothing; writing it is for a write command. */
  if (self->read_only && exists && empty)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is empty: it is not a SIGAP database yet"), name);
      return NULL;
    }

  /* Ours from the start: SQLite would create it with the umask's permissions, and its -wal,
   * -shm and -journal with the database's. */
  if (!exists && !self->memory)
    {
      g_autoptr(GError) create_error = NULL;
      int fd = sigap_private_file_create (path, &create_error);

      if (fd < 0 && !g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return NULL;
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

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc),
                   _("Cannot open database “%s”: %s"), name,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      goto failed;
    }

  sigap_database_harden_connection (self->handle);
  /* Before the first read: a writer elsewhere may hold the lock for a moment. */
  sqlite3_busy_timeout (self->handle, 5000);

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

  return g_steal_pointer (&self);

failed:
  /* A file this call created is not left behind, empty or half-made. */
  if (created)
    {
      g_clear_object (&self);
      remove_database_files (path);
    }
  return NULL;
}

const char *
sigap_database_get_path (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
sigap_database_get_handle (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);

  return self->handle;
}

int
sigap_database_get_schema_version (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), 0);

  return self->schema_version;
}

gboolean
sigap_database_is_read_only (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), TRUE);

  return self->read_only;
}

gboolean
sigap_database_exec (SigapDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc), "%s",
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
sigap_database_prepare (SigapDatabase  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sigap_database_set_error (self, error, _("Database query failed"));
      return NULL;
    }

  return stmt;
}

gboolean
sigap_database_begin (SigapDatabase  *self,
                      GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  if (!use_wal (self, error))
    return FALSE;

  /* IMMEDIATE takes the write lock now, so a concurrent writer fails here, not half-way. */
  return sigap_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sigap_database_commit (SigapDatabase  *self,
                       GError        **error)
{
  if (sigap_database_exec (self, "COMMIT", error))
    return TRUE;

  sigap_database_rollback (self);
  return FALSE;
}

void
sigap_database_rollback (SigapDatabase *self)
{
  g_return_if_fail (SIGAP_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

char *
sigap_database_get_meta (SigapDatabase *self,
                         const char    *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = sigap_database_prepare (self, "SELECT value FROM sigap_meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
sigap_database_set_meta (SigapDatabase  *self,
                         const char     *key,
                         const char     *value,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = sigap_database_prepare (self, "DELETE FROM sigap_meta WHERE key = ?1", error);
  else
    stmt = sigap_database_prepare (self,
                                   "INSERT INTO sigap_meta (key, value) VALUES (?1, ?2) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sigap_database_set_error (self, error, _("Cannot save database settings"));

  return TRUE;
}

gboolean
sigap_database_get_cutoff (SigapDatabase *self,
                           GDate         *out_date)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  value = sigap_database_get_meta (self, "data_cutoff");
  return value != NULL && sigap_date_parse_iso (value, out_date);
}

/* Recomputes the cut-off from the data itself; called at the end of every import. */
gboolean
sigap_database_update_cutoff (SigapDatabase  *self,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *cutoff;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  stmt = sigap_database_prepare (self,
                                 "SELECT max (ifnull ((SELECT max (registered_on) FROM participant), ''),"
                                 "            ifnull ((SELECT max (ended_on) FROM participant), ''),"
                                 "            ifnull ((SELECT max (paid_on) FROM payment), ''))",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sigap_database_set_error (self, error, _("Cannot compute the data cut-off"));

  cutoff = (const char *) sqlite3_column_text (stmt, 0);
  return sigap_database_set_meta (self, "data_cutoff",
                                  cutoff != NULL && *cutoff != '\0' ? cutoff : NULL, error);
}

/**
 * sigap_database_rebuild_tallies:
 *
 * Counts the monthly tallies again from the participants, in one pass. The triggers keep them
 * current row by row; a bulk load that drops the insert trigger calls this instead, inside
 * its own transaction.
 */
gboolean
sigap_database_rebuild_tallies (SigapDatabase  *self,
                                GError        **error)
{
  static const char rebuild[] =
    "DELETE FROM tally_sector;"
    "DELETE FROM tally_desil;"
    "CREATE TEMP TABLE tally_rebuild AS"
    " SELECT kelurahan_id, sector_id, desil, month,"
    "        sum (registered) AS registered, sum (ended) AS ended FROM ("
    "   SELECT kelurahan_id, sector_id, ifnull (desil, 0) AS desil,"
    "          substr (registered_on, 1, 7) AS month, 1 AS registered, 0 AS ended"
    "   FROM participant"
    "   UNION ALL"
    "   SELECT kelurahan_id, sector_id, ifnull (desil, 0), substr (ended_on, 1, 7), 0, 1"
    "   FROM participant WHERE ended_on IS NOT NULL)"
    " GROUP BY kelurahan_id, sector_id, desil, month;"
    "INSERT INTO tally_sector (kelurahan_id, sector_id, month, registered, ended)"
    " SELECT kelurahan_id, sector_id, month, sum (registered), sum (ended)"
    " FROM temp.tally_rebuild GROUP BY kelurahan_id, sector_id, month;"
    "INSERT INTO tally_desil (kelurahan_id, segment, desil, month, registered, ended)"
    " SELECT t.kelurahan_id, s.segment, t.desil, t.month, sum (t.registered), sum (t.ended)"
    " FROM temp.tally_rebuild AS t JOIN sector AS s ON s.id = t.sector_id"
    " GROUP BY t.kelurahan_id, s.segment, t.desil, t.month;"
    "DROP TABLE temp.tally_rebuild;"
    "DELETE FROM tally_flag;"
    "INSERT INTO tally_flag (kelurahan_id, segment, kind, month, registered)"
    " SELECT p.kelurahan_id, s.segment, f.kind, substr (p.registered_on, 1, 7), count (*)"
    " FROM participant_flag AS f"
    " JOIN participant AS p ON p.id = f.participant_id"
    " JOIN sector AS s ON s.id = p.sector_id"
    " GROUP BY 1, 2, 3, 4;";

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  if (!sigap_database_exec (self, rebuild, error))
    {
      sqlite3_exec (self->handle, "DROP TABLE IF EXISTS temp.tally_rebuild", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * sigap_database_harden_connection:
 * @handle: a connection just opened, before anything reads the file
 *
 * Distrusts the schema of the file: defensive mode (no writable_schema, no writes to shadow
 * tables) and trusted_schema off (no functions with side effects called from a trigger, a
 * view or an index that came with the file). Every connection the app opens goes through here.
 */
void
sigap_database_harden_connection (sqlite3 *handle)
{
  g_return_if_fail (handle != NULL);

  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

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
  g_auto(GStrv) names = list_migrations ();
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_schema_object_free);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
      SQLITE_OK)
    g_error ("Cannot open a database in memory: %s", sqlite3_errmsg (handle));
  sigap_database_harden_connection (handle);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);
      g_autofree char *sql = NULL;
      gconstpointer data;
      gsize size;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      sql = g_strndup (data, size);
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
