/* sigap-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIGAP_DATABASE_ERROR (sigap_database_error_quark ())

/* The PostgreSQL channel a committed import or demo is announced on. */
#define SIGAP_DATA_CHANGED_CHANNEL "sigap_data_changed"

typedef enum
{
  SIGAP_DATABASE_ERROR_NOT_FOUND,   /* the file does not exist and creation was not asked for */
  SIGAP_DATABASE_ERROR_NOT_SIGAP,   /* not an SQLite file, or an SQLite file of another program */
  SIGAP_DATABASE_ERROR_CORRUPT,     /* an SQLite file that SQLite cannot read */
  SIGAP_DATABASE_ERROR_TOO_NEW,     /* written by a newer SIGAP Dasbor */
  SIGAP_DATABASE_ERROR_READ_ONLY,   /* needs a write (creation, upgrade) but cannot be written */
  SIGAP_DATABASE_ERROR_OVERFLOW,    /* a sum or product too large for a 64-bit integer */
  SIGAP_DATABASE_ERROR_CANCELLED,   /* interrupted through sigap_database_interrupt () */
  SIGAP_DATABASE_ERROR_FAILED,      /* any other failure of the engine; the message names it */
} SigapDatabaseError;

/* A prepared statement: SQL with numbered parameters (?1, ?2 …) in the portable subset the
 * engines share, bound by type and read column by column. Owned by one thread at a time, like
 * its database. */
typedef struct _SigapStatement SigapStatement;

/* What one step of a statement gave. On SIGAP_STEP_ERROR, sigap_database_set_error () turns
 * the engine's message into a GError. */
typedef enum
{
  SIGAP_STEP_ERROR,
  SIGAP_STEP_ROW,   /* a row is ready to be read */
  SIGAP_STEP_DONE,  /* the statement has run to its end */
} SigapStep;

typedef enum
{
  SIGAP_DATABASE_OPEN_DEFAULT   = 0,
  SIGAP_DATABASE_OPEN_CREATE    = 1 << 0, /* create the file when it does not exist */
  SIGAP_DATABASE_OPEN_READ_ONLY = 1 << 1,
} SigapDatabaseOpenFlags;

/* Which engine holds the data: an SQLite file, or a PostgreSQL server reached by a libpq URI
 * (postgresql://… or postgres://…). */
typedef enum
{
  SIGAP_DATABASE_ENGINE_SQLITE,
  SIGAP_DATABASE_ENGINE_POSTGRES,
} SigapDatabaseEngine;

#define SIGAP_TYPE_DATABASE (sigap_database_get_type ())

G_DECLARE_FINAL_TYPE (SigapDatabase, sigap_database, SIGAP, DATABASE, GObject)

GQuark          sigap_database_error_quark      (void);

SigapDatabase  *sigap_database_open             (const char              *path,
                                                 SigapDatabaseOpenFlags   flags,
                                                 GError                 **error);
/* Opens the server of @uri with @password, given apart so that it is in no location string
 * (see sigap_connection_set_password () for the connections opened after). */
SigapDatabase  *sigap_database_open_with_password (const char            *uri,
                                                 const char              *password,
                                                 SigapDatabaseOpenFlags   flags,
                                                 GError                 **error);
const char     *sigap_database_get_path         (SigapDatabase           *self);
SigapDatabaseEngine sigap_database_get_engine   (SigapDatabase           *self);
/* Statements waited for on a server since opening (for the tests: a page's cost at a distance). */
guint           sigap_database_get_round_trips  (SigapDatabase           *self);
/* Whether @path names a PostgreSQL server (a libpq URI) rather than a file. */
gboolean        sigap_database_path_is_server   (const char              *path);
/* @path for messages: a file's name, or a server database's name (never its password). */
char           *sigap_database_display_location (const char              *path);
/* Who is working: the role on a server, the operating-system user name on a file. */
char           *sigap_database_get_user         (SigapDatabase           *self);
int             sigap_database_get_schema_version (SigapDatabase         *self);
gboolean        sigap_database_is_read_only     (SigapDatabase           *self);

/* What the connected role may do with the data (issue 11): asked of the database, so call it
 * once when a database is opened and keep the answer. */
typedef enum
{
  SIGAP_DATABASE_CAN_READ_PERSONAL = 1 << 0,  /* participants' NIKs and names */
  SIGAP_DATABASE_CAN_READ_REJECTS  = 1 << 1,  /* the rejected lines of an import */
  SIGAP_DATABASE_CAN_IMPORT        = 1 << 2,  /* import and the demo: write the data */
} SigapDatabaseCapabilities;

#define SIGAP_DATABASE_CAN_ALL (SIGAP_DATABASE_CAN_READ_PERSONAL | \
                                SIGAP_DATABASE_CAN_READ_REJECTS |  \
                                SIGAP_DATABASE_CAN_IMPORT)

SigapDatabaseCapabilities sigap_database_get_capabilities (SigapDatabase     *self,
                                                           GError           **error);
/* A token that changes whenever an import or the demo commits: compare two to tell whether
 * the data changed in between. */
char           *sigap_database_get_data_version (SigapDatabase           *self,
                                                 GError                 **error);
int             sigap_database_latest_schema_version (void);

gboolean        sigap_database_exec             (SigapDatabase           *self,
                                                 const char              *sql,
                                                 GError                 **error);
SigapStatement *sigap_database_prepare          (SigapDatabase           *self,
                                                 const char              *sql,
                                                 GError                 **error);
/* For a statement run again and again (a bulk load's insert): the engine may keep it longer. */
SigapStatement *sigap_database_prepare_persistent (SigapDatabase         *self,
                                                 const char              *sql,
                                                 GError                 **error);
gboolean        sigap_database_in_transaction   (SigapDatabase           *self);
gint64          sigap_database_last_insert_id   (SigapDatabase           *self);
/* Stops the statement running on the connection from another thread; it fails with
 * SIGAP_DATABASE_ERROR_CANCELLED. */
void            sigap_database_interrupt        (SigapDatabase           *self);
/* While set, the connection checks @cancellable now and then and stops a long statement. */
void            sigap_database_set_cancellable  (SigapDatabase           *self,
                                                 GCancellable            *cancellable);
/* Whether the last failure on the connection was a unique constraint. */
gboolean        sigap_database_last_error_is_unique (SigapDatabase       *self);
/* The engine's message for the connection's last failure (never SQL text). */
const char     *sigap_database_last_error_message (SigapDatabase         *self);
/* @name quoted as an SQL identifier ("name", with inner quotes doubled). */
char           *sigap_database_quote_identifier (const char              *name);

void            sigap_statement_free            (SigapStatement          *stmt);
SigapStep       sigap_statement_step            (SigapStatement          *stmt);
void            sigap_statement_reset           (SigapStatement          *stmt);
void            sigap_statement_clear_bindings  (SigapStatement          *stmt);
/* The text must stay as it is until the statement is reset or freed. */
void            sigap_statement_bind_text       (SigapStatement          *stmt,
                                                 int                      index,
                                                 const char              *text);
void            sigap_statement_bind_text_len   (SigapStatement          *stmt,
                                                 int                      index,
                                                 const char              *text,
                                                 int                      length);
/* The statement keeps a copy of the text. */
void            sigap_statement_bind_text_copy  (SigapStatement          *stmt,
                                                 int                      index,
                                                 const char              *text);
void            sigap_statement_bind_int        (SigapStatement          *stmt,
                                                 int                      index,
                                                 int                      value);
void            sigap_statement_bind_int64      (SigapStatement          *stmt,
                                                 int                      index,
                                                 gint64                   value);
void            sigap_statement_bind_double     (SigapStatement          *stmt,
                                                 int                      index,
                                                 double                   value);
void            sigap_statement_bind_null       (SigapStatement          *stmt,
                                                 int                      index);
int             sigap_statement_column_count    (SigapStatement          *stmt);
const char     *sigap_statement_column_text     (SigapStatement          *stmt,
                                                 int                      column);
int             sigap_statement_column_int      (SigapStatement          *stmt,
                                                 int                      column);
gint64          sigap_statement_column_int64    (SigapStatement          *stmt,
                                                 int                      column);
double          sigap_statement_column_double   (SigapStatement          *stmt,
                                                 int                      column);
gboolean        sigap_statement_column_is_null  (SigapStatement          *stmt,
                                                 int                      column);
gboolean        sigap_statement_column_is_integer (SigapStatement        *stmt,
                                                 int                      column);
gboolean        sigap_database_begin            (SigapDatabase           *self,
                                                 GError                 **error);
gboolean        sigap_database_commit           (SigapDatabase           *self,
                                                 GError                 **error);
void            sigap_database_rollback         (SigapDatabase           *self);
/* Inside a writing transaction: one writer at a time (waits for the others). */
gboolean        sigap_database_lock_writers     (SigapDatabase           *self,
                                                 GError                 **error);
/* Inside a writing transaction, before its commit: watchers hear of it once it commits. */
gboolean        sigap_database_notify_changed   (SigapDatabase           *self,
                                                 GError                 **error);

char           *sigap_database_get_meta         (SigapDatabase           *self,
                                                 const char              *key);
gboolean        sigap_database_set_meta         (SigapDatabase           *self,
                                                 const char              *key,
                                                 const char              *value,
                                                 GError                 **error);

/* The data cut-off: the latest registration, end or payment date the database holds, as
 * recorded by the last import or demo ("YYYY-MM-DD"), or NULL for an empty database. */
gboolean        sigap_database_get_cutoff       (SigapDatabase           *self,
                                                 GDate                   *out_date);
gboolean        sigap_database_update_cutoff    (SigapDatabase           *self,
                                                 GError                 **error);

gboolean        sigap_database_rebuild_tallies  (SigapDatabase           *self,
                                                 GError                 **error);

/* A bulk load of @table: rows of text values for @columns (NULL-terminated), each value as
 * the column would take it in SQL ("12", "2026-05-01", "Siti"), NULL for SQL NULL. Any text is
 * carried as it is: tabs, newlines, backslashes. PostgreSQL streams the rows with COPY in
 * one statement (the table's statement-level triggers see them together); SQLite inserts them
 * one by one with a prepared INSERT. Nothing else may run on the connection between
 * sigap_database_copy_begin () and sigap_database_copy_end (); a failure of a row may show
 * only at the end. A rollback ends a load left open. */
gboolean        sigap_database_copy_begin       (SigapDatabase           *self,
                                                 const char              *table,
                                                 const char * const      *columns,
                                                 GError                 **error);
/* @values: one for each of the columns given to sigap_database_copy_begin (). */
gboolean        sigap_database_copy_row         (SigapDatabase           *self,
                                                 const char * const      *values,
                                                 GError                 **error);
gboolean        sigap_database_copy_end         (SigapDatabase           *self,
                                                 GError                 **error);
gboolean        sigap_database_in_copy          (SigapDatabase           *self);

/* For a bulk load into an empty @table on a server: drops its indexes, unique constraints
 * and primary key (unless a foreign key names it), when the connected role owns the table, and adds to @definitions the
 * statements that make them again (the server's own definitions, so the schema ends as it
 * was). sigap_database_create_deferred () makes them, sorting each once instead of inserting
 * every row into it. Inside a transaction, which holds the table exclusively until it ends.
 * Nothing is dropped on SQLite, or for a role that does not own the table. */
gboolean        sigap_database_defer_indexes    (SigapDatabase           *self,
                                                 const char              *table,
                                                 GPtrArray               *definitions,
                                                 GError                 **error);
/* @made, when not NULL, is told after each statement: how many are made of how many. */
typedef void    (*SigapDeferredFunc)            (guint                    n_made,
                                                 guint                    n_total,
                                                 gpointer                 user_data);
gboolean        sigap_database_create_deferred  (SigapDatabase           *self,
                                                 GPtrArray               *definitions,
                                                 SigapDeferredFunc        made,
                                                 gpointer                 user_data,
                                                 GError                 **error);

/* Sets @error from the connection's last engine error, prefixed by @what. Always returns FALSE. */
gboolean        sigap_database_set_error        (SigapDatabase           *self,
                                                 GError                 **error,
                                                 const char              *what);


/* An index or a trigger as the app's migrations create it. */
typedef struct
{
  char *type;    /* "index" or "trigger" */
  char *name;
  char *table;
  char *sql;     /* the CREATE statement */
} SigapSchemaObject;

const GPtrArray *sigap_database_get_own_schema  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapStatement, sigap_statement_free)

G_END_DECLS
