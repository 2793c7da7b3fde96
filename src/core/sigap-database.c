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
 * A connection belongs to one thread at a time: worker threads open their own.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "sigap-database.h"
#include "sigap-format.h"
#include "sigap-resources.h"

/* 'SGAP' in the database header, so `file` and we can tell a SIGAP database at a glance. */
#define SIGAP_APPLICATION_ID 0x53474150
#define MIGRATIONS_PATH RESOURCE_PREFIX "/sql"
#define SQLITE_HEADER "SQLite format 3"
/* The most of a database file a read-only connection maps into memory (1 GiB). */
#define READ_MMAP_BYTES 1073741824

struct _SigapDatabase
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *handle;
  int      schema_version;
  guint    read_only : 1;
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
 * with the SQLite header, so that a CSV or spreadsheet is refused before SQLite touches it. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_empty,
                   GError     **error)
{
  g_autofree char *name = display_name (path);
  char header[sizeof SQLITE_HEADER] = { 0 };
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
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, SQLITE_HEADER, sizeof header) != 0)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("“%s” is not a SIGAP database (it is not an SQLite file)"), name);
      return FALSE;
    }

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
    return sigap_database_set_error (self, error, sql);

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
                 const char     *name,
                 GError        **error)
{
  g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
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
      g_prefix_error (error, _("Upgrading the database to version %d failed: "), version);
      return FALSE;
    }

  if (!sigap_database_commit (self, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

static gboolean
migrate (SigapDatabase  *self,
         GError        **error)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = (int) g_strv_length (names);

  if (self->schema_version == latest)
    return TRUE;

  if (self->read_only)
    {
      g_autofree char *name = display_name (self->path);

      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY,
                   _("“%s” needs an upgrade to schema %d but cannot be written"), name, latest);
      return FALSE;
    }

  for (int version = self->schema_version + 1; version <= latest; version++)
    if (!apply_migration (self, version, names[version - 1], error))
      return FALSE;

  return TRUE;
}

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

  return sigap_database_exec (self,
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;",
                              error);
}

static void
sigap_database_finalize (GObject *object)
{
  SigapDatabase *self = (SigapDatabase *)object;

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
 * Opens a SIGAP database, upgrading its schema when it was written by an older version.
 * A file that cannot be written is opened read-only when no upgrade is needed.
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
  gboolean exists;
  gboolean empty = TRUE;
  gboolean fresh = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && !(flags & SIGAP_DATABASE_OPEN_CREATE))
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

  if (exists && !check_file_header (path, &empty, error))
    return NULL;

  self = g_object_new (SIGAP_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & SIGAP_DATABASE_OPEN_READ_ONLY) != 0 ||
                    (exists && g_access (path, W_OK) != 0);

  open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlite (rc),
                   _("Cannot open database “%s”: %s"), name,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sigap_database_harden_connection (self->handle);
  /* Before the first read: a writer elsewhere may hold the lock for a moment. */
  sqlite3_busy_timeout (self->handle, 5000);

  if (!identify (self, &fresh, error))
    return NULL;

  if (fresh && !empty)
    {
      /* An SQLite file with no tables at all: harmless to take, but say so if it is read-only. */
      g_debug ("Taking empty SQLite file %s as a new database", path);
    }

  if (!configure_connection (self, error) || !migrate (self, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return g_steal_pointer (&self);
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
