/* sigap-database-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between the generic SigapDatabase (sigap-database.c) and its engines: a small table of
 * functions each engine fills in (sigap-database-sqlite.c, sigap-database-postgres.c). Only
 * engine files call an engine's API; nothing outside src/core includes this header.
 */
#pragma once

#include "sigap-database.h"

G_BEGIN_DECLS

typedef struct _SigapEngine SigapEngine;

/* Every engine's statement starts with this. */
struct _SigapStatement
{
  const SigapEngine *engine;
};

struct _SigapEngine
{
  SigapDatabaseEngine id;

  void            (*close)                (SigapDatabase   *db);
  gboolean        (*set_error)            (SigapDatabase   *db,
                                           GError         **error,
                                           const char      *what);
  gboolean        (*exec)                 (SigapDatabase   *db,
                                           const char      *sql,
                                           GError         **error);
  SigapStatement *(*prepare)              (SigapDatabase   *db,
                                           const char      *sql,
                                           gboolean         persistent,
                                           GError         **error);
  gboolean        (*in_transaction)       (SigapDatabase   *db);
  gint64          (*last_insert_id)       (SigapDatabase   *db);
  void            (*interrupt)            (SigapDatabase   *db);
  void            (*set_cancellable)      (SigapDatabase   *db,
                                           GCancellable    *cancellable);
  gboolean        (*last_error_is_unique) (SigapDatabase   *db);
  const char     *(*last_error_message)   (SigapDatabase   *db);
  gboolean        (*begin)                (SigapDatabase   *db,
                                           GError         **error);
  gboolean        (*commit)               (SigapDatabase   *db,
                                           GError         **error);
  void            (*rollback)             (SigapDatabase   *db);

  void            (*statement_free)       (SigapStatement  *stmt);
  SigapStep       (*step)                 (SigapStatement  *stmt);
  void            (*reset)                (SigapStatement  *stmt);
  void            (*clear_bindings)       (SigapStatement  *stmt);
  /* @length -1: up to the NUL; @copy: the statement keeps its own copy. */
  void            (*bind_text)            (SigapStatement  *stmt,
                                           int              index,
                                           const char      *text,
                                           int              length,
                                           gboolean         copy);
  void            (*bind_int64)           (SigapStatement  *stmt,
                                           int              index,
                                           gint64           value);
  void            (*bind_double)          (SigapStatement  *stmt,
                                           int              index,
                                           double           value);
  void            (*bind_null)            (SigapStatement  *stmt,
                                           int              index);
  int             (*column_count)         (SigapStatement  *stmt);
  const char     *(*column_text)          (SigapStatement  *stmt,
                                           int              column);
  int             (*column_int)           (SigapStatement  *stmt,
                                           int              column);
  gint64          (*column_int64)         (SigapStatement  *stmt,
                                           int              column);
  double          (*column_double)        (SigapStatement  *stmt,
                                           int              column);
  gboolean        (*column_is_null)       (SigapStatement  *stmt,
                                           int              column);
  gboolean        (*column_is_integer)    (SigapStatement  *stmt,
                                           int              column);

  /* A bulk load in the text format of COPY (NULL on an engine without one: then
   * sigap-database.c inserts row by row). @sql is COPY … FROM STDIN; @data whole rows. */
  gboolean        (*copy_begin)           (SigapDatabase   *db,
                                           const char      *sql,
                                           GError         **error);
  gboolean        (*copy_data)            (SigapDatabase   *db,
                                           const char      *data,
                                           gsize            length,
                                           GError         **error);
  /* @abort: ends the load without keeping its rows (the transaction fails). */
  gboolean        (*copy_end)             (SigapDatabase   *db,
                                           gboolean         abort,
                                           GError         **error);
};

struct _SigapDatabase
{
  GObject            parent_instance;

  const SigapEngine *engine;
  gpointer           engine_data;   /* the engine's own connection state */
  char              *path;          /* a file path, or a libpq URI */
  const char        *password;      /* while a server opens: a password given apart, or NULL */
  int                schema_version;
  guint              read_only : 1;
  guint              round_trips;   /* exchanges with a server: sigap_database_get_round_trips () */

  /* The bulk load under way (sigap_database_copy_begin ()): its number of columns, 0 when
   * none; the engine's COPY text not sent yet, or the INSERT of an engine without COPY. */
  guint              copy_columns;
  gboolean           copy_failed;
  GString           *copy_buffer;
  SigapStatement    *copy_insert;
};

/* Each engine's open: fills in @self's engine and engine_data, checks and migrates the schema. */
gboolean        _sigap_database_sqlite_open   (SigapDatabase           *self,
                                               SigapDatabaseOpenFlags   flags,
                                               GError                 **error);
gboolean        _sigap_database_postgres_open (SigapDatabase           *self,
                                               SigapDatabaseOpenFlags   flags,
                                               GError                 **error);

/* sigap-connection-postgres.c: connects to the server of a libpq URI, with @password (NULL:
 * the one set for the URI by sigap_connection_set_password (), if any) given apart from it,
 * and @settings (NULL: none) sent as startup options when they can be; check the result with
 * PQstatus (). The only place core opens a server connection. */
struct pg_conn *_sigap_connection_connect     (const char           *uri,
                                               const char           *password,
                                               const char           *settings);

/* sigap-data-watch-postgres.c: a connection of its own that LISTENs on @channel. */
typedef struct _SigapServerListener SigapServerListener;

SigapServerListener *_sigap_server_listener_new     (const char           *uri,
                                                     const char           *channel,
                                                     GError              **error);
/* The socket to poll for input. */
int             _sigap_server_listener_get_fd  (SigapServerListener  *listener);
/* Reads what arrived: the number of notifications, or -1 when the connection is lost. */
int             _sigap_server_listener_consume (SigapServerListener  *listener);
void            _sigap_server_listener_free    (SigapServerListener  *listener);

/* The database a libpq URI names, for messages. */
char           *_sigap_database_postgres_display (const char           *uri);

/* The migrations of @folder ("sql" or "sql/postgres") in version order, as resource paths. */
GStrv           _sigap_database_list_migrations (const char            *folder);
char           *_sigap_database_read_migration  (const char            *folder,
                                                 const char            *name,
                                                 GError               **error);

G_END_DECLS
