/* sigap-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic half of the data interface (sigap-database.h): the SigapDatabase object, which
 * engine a location opens (a file path: SQLite; a libpq URI: PostgreSQL), and what is written
 * once for both in the portable SQL subset (settings, the data cut-off, the tally rebuild).
 * Everything an engine does differently goes through its table of functions
 * (sigap-database-private.h); this file calls no engine's API.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sigap-database-private.h"
#include "sigap-format.h"
#include "sigap-resources.h"

/* The sigap_meta key of sigap_database_notify_changed ()'s version. */
#define DATA_VERSION_KEY "data_version"

G_DEFINE_FINAL_TYPE (SigapDatabase, sigap_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-database-error-quark, sigap_database_error)

static void copy_clear (SigapDatabase *self);

static void
sigap_database_finalize (GObject *object)
{
  SigapDatabase *self = (SigapDatabase *)object;

  if (self->engine != NULL)
    {
      copy_clear (self);
      self->engine->close (self);
    }
  if (self->copy_buffer != NULL)
    g_string_free (g_steal_pointer (&self->copy_buffer), TRUE);
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
 * sigap_database_path_is_server:
 * @path: what --db or the window was given
 *
 * Returns: whether @path is a libpq URI (postgresql:// or postgres://), not a file
 */
gboolean
sigap_database_path_is_server (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://");
}

/**
 * sigap_database_display_location:
 * @path: a database file or a libpq URI
 *
 * Returns: (transfer full): @path as messages show it: the file name, or the name of the
 *   server database (a URI may hold a password)
 */
char *
sigap_database_display_location (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (sigap_database_path_is_server (path))
    return _sigap_database_postgres_display (path);

  return g_filename_display_name (path);
}

/**
 * sigap_database_open:
 * @path: the database file, or a libpq URI (postgresql://[user@]host[:port]/dbname[?…]) of a
 *   PostgreSQL server; libpq's environment variables, ~/.pgpass and services apply to it
 * @flags: whether to create it, or to open it read-only
 * @error: return location for a #SIGAP_DATABASE_ERROR
 *
 * Opens a SIGAP database, upgrading its schema when it was written by an older version. For
 * a file: after copying it to NAME.bak; a file that cannot be written, or whose folder cannot
 * be, is opened read-only when no upgrade is needed. With %SIGAP_DATABASE_OPEN_READ_ONLY
 * nothing is written or created: the database must hold SIGAP data and need no upgrade.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
SigapDatabase *
sigap_database_open (const char              *path,
                     SigapDatabaseOpenFlags   flags,
                     GError                 **error)
{
  g_autoptr(SigapDatabase) self = NULL;
  gboolean opened;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SIGAP_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (sigap_database_path_is_server (path))
    opened = _sigap_database_postgres_open (self, flags, error);
  else
    opened = _sigap_database_sqlite_open (self, flags, error);

  if (!opened)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sigap_database_open_with_password:
 * @uri: a libpq URI of a PostgreSQL server, best without a password
 * @password: (nullable): the password to connect with; %NULL as sigap_database_open () does
 * @flags: whether to create it, or to open it read-only
 * @error: return location for a #SIGAP_DATABASE_ERROR
 *
 * Opens @uri as sigap_database_open () does, with @password handed to the server apart from
 * the URI: the database's path (sigap_database_get_path ()) is @uri, which holds no password.
 * The password is not kept: set it with sigap_connection_set_password () for the connections
 * opened later.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
SigapDatabase *
sigap_database_open_with_password (const char              *uri,
                                   const char              *password,
                                   SigapDatabaseOpenFlags   flags,
                                   GError                 **error)
{
  g_autoptr(SigapDatabase) self = NULL;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (sigap_database_path_is_server (uri), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SIGAP_TYPE_DATABASE, NULL);
  self->path = g_strdup (uri);
  self->password = password;
  if (!_sigap_database_postgres_open (self, flags, error))
    return NULL;
  self->password = NULL;

  return g_steal_pointer (&self);
}

const char *
sigap_database_get_path (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * sigap_database_get_user:
 *
 * Returns: (transfer full) (nullable): who is working on the database, as an import records
 *   it: the role (current_user) on a server, the operating-system user name on a file
 */
char *
sigap_database_get_user (SigapDatabase  *self)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);

  if (self->engine->id != SIGAP_DATABASE_ENGINE_POSTGRES)
    return g_strdup (g_get_user_name ());

  stmt = sigap_database_prepare (self, "SELECT current_user", NULL);
  if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return NULL;
  return g_strdup (sigap_statement_column_text (stmt, 0));
}

SigapDatabaseEngine
sigap_database_get_engine (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), SIGAP_DATABASE_ENGINE_SQLITE);

  return self->engine->id;
}

/**
 * sigap_database_get_round_trips:
 *
 * How many times this connection has waited for its server since it was opened (opening
 * included, the connection's own handshake not): once for each statement, or for several sent
 * at once. Over a distant link it is what a page's time is made of; the tests keep it low.
 *
 * Returns: the number of round trips; 0 on a file
 */
guint
sigap_database_get_round_trips (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), 0);

  return self->round_trips;
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

/* --- Migrations ----------------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * _sigap_database_list_migrations:
 * @folder: "sql" (SQLite) or "sql/postgres"
 *
 * The migrations in version order: NNNN-name.sql is version NNNN. Sub-folders (one engine's
 * migrations inside another's) are not migrations.
 */
GStrv
_sigap_database_list_migrations (const char *folder)
{
  g_autofree char *path = g_build_path ("/", RESOURCE_PREFIX, folder, NULL);
  g_auto(GStrv) children = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  GStrv names;

  /* Referencing the bundle keeps its object file, and so its registration, in every binary
   * that links the static core library. */
  g_assert (sigap_get_resource () != NULL);

  children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (children == NULL)
    g_error ("Migrations missing from the resources: %s", error->message);

  for (guint i = 0; children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".sql"))
      g_strv_builder_add (builder, children[i]);
  names = g_strv_builder_end (builder);

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      /* A gap or a duplicate number is a packaging bug, caught by the first test run. */
      if (g_ascii_strtoull (names[i], NULL, 10) != i + 1)
        g_error ("Migration %s/%s is out of sequence", folder, names[i]);
    }

  return names;
}

char *
_sigap_database_read_migration (const char  *folder,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *resource = g_build_path ("/", RESOURCE_PREFIX, folder, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

int
sigap_database_latest_schema_version (void)
{
  static gsize latest;

  /* Stored plus one, because g_once_init_enter() treats 0 as "not yet". */
  if (g_once_init_enter (&latest))
    {
      g_auto(GStrv) names = _sigap_database_list_migrations ("sql");

      g_once_init_leave (&latest, g_strv_length (names) + 1);
    }

  return (int) latest - 1;
}

/* --- The engine's functions ----------------------------------------------------------- */

gboolean
sigap_database_set_error (SigapDatabase  *self,
                          GError        **error,
                          const char     *what)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->engine->set_error (self, error, what);
}

gboolean
sigap_database_exec (SigapDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return self->engine->exec (self, sql, error);
}

SigapStatement *
sigap_database_prepare (SigapDatabase  *self,
                        const char     *sql,
                        GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return self->engine->prepare (self, sql, FALSE, error);
}

SigapStatement *
sigap_database_prepare_persistent (SigapDatabase  *self,
                                   const char     *sql,
                                   GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return self->engine->prepare (self, sql, TRUE, error);
}

gboolean
sigap_database_in_transaction (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->engine->in_transaction (self);
}

gint64
sigap_database_last_insert_id (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), 0);

  return self->engine->last_insert_id (self);
}

void
sigap_database_interrupt (SigapDatabase *self)
{
  g_return_if_fail (SIGAP_IS_DATABASE (self));

  self->engine->interrupt (self);
}

/**
 * sigap_database_set_cancellable:
 * @cancellable: (nullable): checked while a statement runs; %NULL to stop checking
 *
 * A statement running when @cancellable is cancelled stops and fails with
 * %SIGAP_DATABASE_ERROR_CANCELLED.
 */
void
sigap_database_set_cancellable (SigapDatabase *self,
                                GCancellable  *cancellable)
{
  g_return_if_fail (SIGAP_IS_DATABASE (self));

  self->engine->set_cancellable (self, cancellable);
}

gboolean
sigap_database_last_error_is_unique (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->engine->last_error_is_unique (self);
}

const char *
sigap_database_last_error_message (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), "");

  return self->engine->last_error_message (self);
}

gboolean
sigap_database_begin (SigapDatabase  *self,
                      GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->engine->begin (self, error);
}

gboolean
sigap_database_commit (SigapDatabase  *self,
                       GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->engine->commit (self, error);
}

/**
 * sigap_database_lock_writers:
 *
 * In a transaction that changes the data (an import, the demo): waits until no other such
 * transaction runs, until this one ends. Two operators importing at once then import one
 * after the other, never interleaved. SQLite's own write lock does this already.
 */
gboolean
sigap_database_lock_writers (SigapDatabase  *self,
                             GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  if (self->engine->id != SIGAP_DATABASE_ENGINE_POSTGRES)
    return TRUE;

  /* pg_advisory_xact_lock key of the writers: 'SGAW'. */
  return self->engine->exec (self, "SELECT pg_advisory_xact_lock (1397178711)", error);
}

/**
 * sigap_database_notify_changed:
 *
 * In a transaction that changes the data, just before its commit: tells every listener once
 * it commits, nothing when it rolls back. On PostgreSQL a NOTIFY on
 * SIGAP_DATA_CHANGED_CHANNEL; on SQLite the file's change is the news.
 */
gboolean
sigap_database_notify_changed (SigapDatabase  *self,
                               GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  /* The next data version, for sigap_database_get_data_version (): a window that hears of a
   * change then tells another's commit from the one it has already reloaded. A count, not a
   * random token, so that the demo stays the same file byte for byte. */
  if (!sigap_database_exec (self,
                            "INSERT INTO sigap_meta (key, value) VALUES ('" DATA_VERSION_KEY
                            "', '1') ON CONFLICT (key) DO UPDATE"
                            " SET value = CAST (CAST (sigap_meta.value AS BIGINT) + 1 AS TEXT)",
                            error))
    return FALSE;

  if (self->engine->id != SIGAP_DATABASE_ENGINE_POSTGRES)
    return TRUE;

  return self->engine->exec (self, "NOTIFY " SIGAP_DATA_CHANGED_CHANNEL, error);
}

/**
 * sigap_database_get_data_version:
 *
 * The version sigap_database_notify_changed () set last, with the newest import batch and
 * the data cut-off (which writers older than the version also change). Two equal tokens
 * read at two times mean no import or demo committed in between.
 *
 * Returns: (transfer full) (nullable): the token, or %NULL with @error set
 */
char *
sigap_database_get_data_version (SigapDatabase  *self,
                                 GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);

  stmt = sigap_database_prepare (self,
                                 "SELECT (SELECT value FROM sigap_meta WHERE key = '"
                                 DATA_VERSION_KEY "'),"
                                 " (SELECT max (id) FROM import_batch),"
                                 " (SELECT count(*) FROM import_batch),"
                                 " (SELECT value FROM sigap_meta WHERE key = 'data_cutoff')",
                                 error);
  if (stmt == NULL)
    return NULL;
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    {
      sigap_database_set_error (self, error, _("Cannot read the data version"));
      return NULL;
    }

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s",
                          sigap_statement_column_is_null (stmt, 0)
                            ? "-" : sigap_statement_column_text (stmt, 0),
                          sigap_statement_column_int64 (stmt, 1),
                          sigap_statement_column_int64 (stmt, 2),
                          sigap_statement_column_is_null (stmt, 3)
                            ? "-" : sigap_statement_column_text (stmt, 3));
}

/* On a file everything is allowed, but writing a file this process may not write. */
static SigapDatabaseCapabilities
file_capabilities (SigapDatabase *self)
{
  g_autofree char *dir = NULL;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return SIGAP_DATABASE_CAN_ALL;

  dir = g_path_get_dirname (self->path);
  if (g_access (self->path, W_OK) == 0 && g_access (dir, W_OK) == 0)
    return SIGAP_DATABASE_CAN_ALL;

  return SIGAP_DATABASE_CAN_ALL & ~SIGAP_DATABASE_CAN_IMPORT;
}

/**
 * sigap_database_get_capabilities:
 *
 * What the connected role may do, as the database enforces it. On a server, the privileges
 * the role holds (sigap_viewer reads neither NIKs nor names nor rejected lines, and imports
 * nothing; a hot standby takes no import); on a file, everything, but importing into a file
 * this process may not write. The window adapts to it; the database refuses regardless.
 *
 * Returns: the capabilities; 0 with @error set when the server cannot say
 */
SigapDatabaseCapabilities
sigap_database_get_capabilities (SigapDatabase  *self,
                                 GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  SigapDatabaseCapabilities capabilities = 0;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), 0);

  if (self->engine->id != SIGAP_DATABASE_ENGINE_POSTGRES)
    return file_capabilities (self);

  stmt = sigap_database_prepare (self,
                                 "SELECT has_column_privilege ('participant', 'nik', 'SELECT')"
                                 "   AND has_column_privilege ('participant', 'name', 'SELECT'),"
                                 " has_column_privilege ('import_reject', 'raw', 'SELECT'),"
                                 " has_table_privilege ('import_batch', 'INSERT')"
                                 "   AND has_table_privilege ('participant', 'INSERT')"
                                 "   AND NOT pg_is_in_recovery ()",
                                 error);
  if (stmt == NULL)
    return 0;
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    {
      sigap_database_set_error (self, error, _("Cannot read what the role may do"));
      return 0;
    }

  if (sigap_statement_column_int (stmt, 0) != 0)
    capabilities |= SIGAP_DATABASE_CAN_READ_PERSONAL;
  if (sigap_statement_column_int (stmt, 1) != 0)
    capabilities |= SIGAP_DATABASE_CAN_READ_REJECTS;
  if (sigap_statement_column_int (stmt, 2) != 0)
    capabilities |= SIGAP_DATABASE_CAN_IMPORT;

  return capabilities;
}

void
sigap_database_rollback (SigapDatabase *self)
{
  g_return_if_fail (SIGAP_IS_DATABASE (self));

  /* A load left open (a failure on its way) ends first, without its rows. */
  if (self->copy_columns > 0)
    {
      if (self->engine->copy_end != NULL)
        self->engine->copy_end (self, TRUE, NULL);
      copy_clear (self);
    }
  self->engine->rollback (self);
}

/* --- Bulk loads ----------------------------------------------------------------------- */

/* COPY's text format sends this much at a time. */
#define COPY_CHUNK 65536

static void
copy_clear (SigapDatabase *self)
{
  self->copy_columns = 0;
  self->copy_failed = FALSE;
  g_clear_pointer (&self->copy_insert, sigap_statement_free);
  if (self->copy_buffer != NULL)
    g_string_truncate (self->copy_buffer, 0);
}

/**
 * sigap_database_copy_begin:
 * @table: the table (a temporary one too), as an SQL name: it is quoted here
 * @columns: (array zero-terminated=1): the columns each row gives, in order
 *
 * Starts a bulk load: see sigap-database.h. End it with sigap_database_copy_end (), or with
 * a rollback.
 */
gboolean
sigap_database_copy_begin (SigapDatabase       *self,
                           const char          *table,
                           const char * const  *columns,
                           GError             **error)
{
  g_autoptr(GString) sql = NULL;
  g_autofree char *quoted_table = NULL;
  guint n_columns = 0;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (table != NULL && columns != NULL && columns[0] != NULL, FALSE);
  g_return_val_if_fail (self->copy_columns == 0, FALSE);

  quoted_table = sigap_database_quote_identifier (table);
  sql = g_string_new (self->engine->copy_begin != NULL ? "COPY " : "INSERT INTO ");
  g_string_append_printf (sql, "%s (", quoted_table);
  for (n_columns = 0; columns[n_columns] != NULL; n_columns++)
    {
      g_autofree char *quoted = sigap_database_quote_identifier (columns[n_columns]);

      g_string_append_printf (sql, "%s%s", n_columns > 0 ? ", " : "", quoted);
    }

  if (self->engine->copy_begin != NULL)
    {
      g_string_append (sql, ") FROM STDIN");
      if (!self->engine->copy_begin (self, sql->str, error))
        return FALSE;
      if (self->copy_buffer == NULL)
        self->copy_buffer = g_string_sized_new (COPY_CHUNK + 4096);
    }
  else
    {
      g_string_append (sql, ") VALUES (");
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
      g_string_append_c (sql, ')');
      self->copy_insert = self->engine->prepare (self, sql->str, TRUE, error);
      if (self->copy_insert == NULL)
        return FALSE;
    }

  self->copy_columns = n_columns;
  self->copy_failed = FALSE;
  return TRUE;
}

/* @text in COPY's text format: backslash, tab, newline and carriage return escaped. */
static void
append_copy_text (GString    *out,
                  const char *text)
{
  const char *start = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      char escaped;

      switch (*p)
        {
        case '\\':
          escaped = '\\';
          break;
        case '\t':
          escaped = 't';
          break;
        case '\n':
          escaped = 'n';
          break;
        case '\r':
          escaped = 'r';
          break;
        default:
          continue;
        }

      g_string_append_len (out, start, p - start);
      g_string_append_c (out, '\\');
      g_string_append_c (out, escaped);
      start = p + 1;
    }
  g_string_append_len (out, start, p - start);
}

gboolean
sigap_database_copy_row (SigapDatabase       *self,
                         const char * const  *values,
                         GError             **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->copy_columns > 0, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (self->copy_failed)
    return sigap_database_set_error (self, error, _("Cannot load the rows"));

  if (self->copy_insert != NULL)
    {
      SigapStatement *stmt = self->copy_insert;
      SigapStep step;

      for (guint c = 0; c < self->copy_columns; c++)
        if (values[c] != NULL)
          sigap_statement_bind_text_copy (stmt, (int) c + 1, values[c]);
        else
          sigap_statement_bind_null (stmt, (int) c + 1);
      step = sigap_statement_step (stmt);
      sigap_statement_reset (stmt);
      if (step != SIGAP_STEP_DONE)
        {
          self->copy_failed = TRUE;
          return sigap_database_set_error (self, error, _("Cannot load the rows"));
        }
      return TRUE;
    }

  for (guint c = 0; c < self->copy_columns; c++)
    {
      if (c > 0)
        g_string_append_c (self->copy_buffer, '\t');
      if (values[c] != NULL)
        append_copy_text (self->copy_buffer, values[c]);
      else
        g_string_append_len (self->copy_buffer, "\\N", 2);
    }
  g_string_append_c (self->copy_buffer, '\n');

  if (self->copy_buffer->len >= COPY_CHUNK)
    {
      gboolean ok = self->engine->copy_data (self, self->copy_buffer->str,
                                             self->copy_buffer->len, error);

      g_string_truncate (self->copy_buffer, 0);
      if (!ok)
        {
          self->copy_failed = TRUE;
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sigap_database_copy_end:
 *
 * Ends the bulk load: on PostgreSQL, the rows are checked and written (and the triggers run)
 * here, so a failure of any row shows here.
 */
gboolean
sigap_database_copy_end (SigapDatabase  *self,
                         GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->copy_columns > 0, FALSE);

  if (self->copy_insert == NULL && self->copy_failed)
    {
      self->engine->copy_end (self, TRUE, NULL);
      ok = sigap_database_set_error (self, error, _("Cannot load the rows"));
    }
  else if (self->copy_insert == NULL)
    {
      if (self->copy_buffer->len > 0)
        ok = self->engine->copy_data (self, self->copy_buffer->str, self->copy_buffer->len,
                                      error);
      if (!self->engine->copy_end (self, !ok, ok ? error : NULL))
        ok = FALSE;
    }
  else if (self->copy_failed)
    ok = sigap_database_set_error (self, error, _("Cannot load the rows"));

  copy_clear (self);
  return ok;
}

gboolean
sigap_database_in_copy (SigapDatabase *self)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  return self->copy_columns > 0;
}

gboolean
sigap_database_defer_indexes (SigapDatabase  *self,
                              const char     *table,
                              GPtrArray      *definitions,
                              GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  SigapStep step;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  if (sigap_database_get_engine (self) != SIGAP_DATABASE_ENGINE_POSTGRES)
    return TRUE;

  /* A unique constraint goes as a constraint, other indexes as indexes; the names come
   * quoted from the server. */
  stmt = sigap_database_prepare (self,
                                 "SELECT 'DROP INDEX ' || indexrelid::regclass::text, "
                                 "       pg_get_indexdef (indexrelid) "
                                 "FROM pg_catalog.pg_index "
                                 "WHERE indrelid = ?1::regclass AND NOT indisprimary "
                                 "  AND pg_has_role ((SELECT relowner FROM pg_catalog.pg_class "
                                 "                    WHERE oid = indrelid), 'USAGE') "
                                 "  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint "
                                 "                  WHERE conindid = indexrelid) "
                                 "UNION ALL "
                                 "SELECT 'ALTER TABLE ' || conrelid::regclass::text "
                                 "       || ' DROP CONSTRAINT ' || quote_ident (conname), "
                                 "       'ALTER TABLE ' || conrelid::regclass::text "
                                 "       || ' ADD CONSTRAINT ' || quote_ident (conname) || ' ' "
                                 "       || pg_get_constraintdef (oid) "
                                 "FROM pg_catalog.pg_constraint "
                                 "WHERE conrelid = ?1::regclass "
                                 "  AND (contype = 'u' OR "
                                 "       (contype = 'p' AND NOT EXISTS ("
                                 "          SELECT FROM pg_catalog.pg_constraint AS f "
                                 "          WHERE f.contype = 'f' AND f.confrelid = ?1::regclass))) "
                                 "  AND pg_has_role ((SELECT relowner FROM pg_catalog.pg_class "
                                 "                    WHERE oid = conrelid), 'USAGE') "
                                 "ORDER BY 1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, table);
  while ((step = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      g_ptr_array_add (drops, g_strdup (sigap_statement_column_text (stmt, 0)));
      g_ptr_array_add (definitions, g_strdup (sigap_statement_column_text (stmt, 1)));
    }
  if (step != SIGAP_STEP_DONE)
    return sigap_database_set_error (self, error, _("Cannot read the indexes"));

  for (guint i = 0; i < drops->len; i++)
    if (!sigap_database_exec (self, g_ptr_array_index (drops, i), error))
      return FALSE;

  return TRUE;
}

gboolean
sigap_database_create_deferred (SigapDatabase      *self,
                                GPtrArray          *definitions,
                                SigapDeferredFunc   made,
                                gpointer            user_data,
                                GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  if (definitions->len == 0)
    return TRUE;

  /* For this transaction: each index sorted in memory. */
  if (!sigap_database_exec (self, "SET LOCAL maintenance_work_mem = '256MB'", error))
    return FALSE;

  for (guint i = 0; i < definitions->len; i++)
    {
      if (!sigap_database_exec (self, g_ptr_array_index (definitions, i), error))
        return FALSE;
      if (made != NULL)
        made (i + 1, definitions->len, user_data);
    }

  return TRUE;
}

void
sigap_statement_free (SigapStatement *stmt)
{
  if (stmt != NULL)
    stmt->engine->statement_free (stmt);
}

SigapStep
sigap_statement_step (SigapStatement *stmt)
{
  return stmt->engine->step (stmt);
}

void
sigap_statement_reset (SigapStatement *stmt)
{
  stmt->engine->reset (stmt);
}

void
sigap_statement_clear_bindings (SigapStatement *stmt)
{
  stmt->engine->clear_bindings (stmt);
}

void
sigap_statement_bind_text (SigapStatement *stmt,
                           int             index,
                           const char     *text)
{
  stmt->engine->bind_text (stmt, index, text, -1, FALSE);
}

void
sigap_statement_bind_text_len (SigapStatement *stmt,
                               int             index,
                               const char     *text,
                               int             length)
{
  stmt->engine->bind_text (stmt, index, text, length, FALSE);
}

void
sigap_statement_bind_text_copy (SigapStatement *stmt,
                                int             index,
                                const char     *text)
{
  stmt->engine->bind_text (stmt, index, text, -1, TRUE);
}

void
sigap_statement_bind_int (SigapStatement *stmt,
                          int             index,
                          int             value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
sigap_statement_bind_int64 (SigapStatement *stmt,
                            int             index,
                            gint64          value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
sigap_statement_bind_double (SigapStatement *stmt,
                             int             index,
                             double          value)
{
  stmt->engine->bind_double (stmt, index, value);
}

void
sigap_statement_bind_null (SigapStatement *stmt,
                           int             index)
{
  stmt->engine->bind_null (stmt, index);
}

int
sigap_statement_column_count (SigapStatement *stmt)
{
  return stmt->engine->column_count (stmt);
}

const char *
sigap_statement_column_text (SigapStatement *stmt,
                             int             column)
{
  return stmt->engine->column_text (stmt, column);
}

int
sigap_statement_column_int (SigapStatement *stmt,
                            int             column)
{
  return stmt->engine->column_int (stmt, column);
}

gint64
sigap_statement_column_int64 (SigapStatement *stmt,
                              int             column)
{
  return stmt->engine->column_int64 (stmt, column);
}

double
sigap_statement_column_double (SigapStatement *stmt,
                               int             column)
{
  return stmt->engine->column_double (stmt, column);
}

gboolean
sigap_statement_column_is_null (SigapStatement *stmt,
                                int             column)
{
  return stmt->engine->column_is_null (stmt, column);
}

gboolean
sigap_statement_column_is_integer (SigapStatement *stmt,
                                   int             column)
{
  return stmt->engine->column_is_integer (stmt, column);
}

/* --- Written once for every engine ---------------------------------------------------- */

char *
sigap_database_quote_identifier (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

char *
sigap_database_get_meta (SigapDatabase *self,
                         const char    *key)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = sigap_database_prepare (self, "SELECT value FROM sigap_meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, key);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return NULL;

  return g_strdup (sigap_statement_column_text (stmt, 0));
}

gboolean
sigap_database_set_meta (SigapDatabase  *self,
                         const char     *key,
                         const char     *value,
                         GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

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

  sigap_statement_bind_text (stmt, 1, key);
  if (value != NULL)
    sigap_statement_bind_text (stmt, 2, value);

  if (sigap_statement_step (stmt) != SIGAP_STEP_DONE)
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
  g_autoptr(SigapStatement) stmt = NULL;
  const char *cutoff;

  g_return_val_if_fail (SIGAP_IS_DATABASE (self), FALSE);

  stmt = sigap_database_prepare (self,
                                 "SELECT max (day) FROM ("
                                 "  SELECT max (registered_on) AS day FROM participant"
                                 "  UNION ALL SELECT max (ended_on) FROM participant"
                                 "  UNION ALL SELECT max (paid_on) FROM payment) AS days",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (self, error, _("Cannot compute the data cut-off"));

  cutoff = sigap_statement_column_is_null (stmt, 0) ? NULL : sigap_statement_column_text (stmt, 0);
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
    "   SELECT kelurahan_id, sector_id, coalesce (desil, 0) AS desil,"
    "          substr (registered_on, 1, 7) AS month, 1 AS registered, 0 AS ended"
    "   FROM participant"
    "   UNION ALL"
    "   SELECT kelurahan_id, sector_id, coalesce (desil, 0), substr (ended_on, 1, 7), 0, 1"
    "   FROM participant WHERE ended_on IS NOT NULL) AS events"
    " GROUP BY kelurahan_id, sector_id, desil, month;"
    "INSERT INTO tally_sector (kelurahan_id, sector_id, month, registered, ended)"
    " SELECT kelurahan_id, sector_id, month, sum (registered), sum (ended)"
    " FROM tally_rebuild GROUP BY kelurahan_id, sector_id, month;"
    "INSERT INTO tally_desil (kelurahan_id, segment, desil, month, registered, ended)"
    " SELECT t.kelurahan_id, s.segment, t.desil, t.month, sum (t.registered), sum (t.ended)"
    " FROM tally_rebuild AS t JOIN sector AS s ON s.id = t.sector_id"
    " GROUP BY t.kelurahan_id, s.segment, t.desil, t.month;"
    "DROP TABLE tally_rebuild;"
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
      sigap_database_exec (self, "DROP TABLE IF EXISTS tally_rebuild", NULL);
      return FALSE;
    }

  return TRUE;
}
