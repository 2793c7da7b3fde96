/* sigap-database-postgres.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine of the data interface (sigap-database.h, through the table of
 * functions of sigap-database-private.h): the only file of core that calls libpq.
 *
 * The location is a libpq URI (postgresql://[user@]host[:port]/dbname[?…] or postgres://…),
 * handed to libpq as it is: PG* environment variables, ~/.pgpass, pg_service.conf services
 * (postgresql:///?service=sigap) and sslmode work as in psql.
 *
 * Statements are written with SQLite's numbered parameters (?1, ?2 …, or a bare ? for the next
 * number); they are translated once to PostgreSQL's $1, $2 … (outside string literals, quoted
 * identifiers and comments) and run with PQexecParams in text format when first stepped, with
 * the types of their binds (text, bigint, double precision). Stepping walks the rows of the
 * result. A failure gives a one-line reason, the first line of the server's message, never the
 * SQL text.
 *
 * The schema comes from the migrations under sql/postgres/, one transaction each, under an
 * advisory lock so that two clients opening a fresh database do not both create it; the schema
 * version is sigap_meta's 'schema_version'. Opening read-only makes the session read-only
 * (default_transaction_read_only): nothing is written.
 *
 * A connection lost mid-session (the server restarted, the backend was terminated) is
 * re-established at the statement that finds it gone: outside a transaction that statement,
 * which did not run, runs again once on the new connection; inside one, the server has rolled
 * the transaction back, so the statement and every one after it fail with "the connection to
 * the server was lost; nothing was saved" until the caller rolls back, and the next statement
 * after that reconnects. Statements are not prepared on the server, so nothing needs preparing
 * again; the session's settings travel with the new connection as with the first.
 *
 * Round trips: over a distant link each wait for the server costs the link's round trip, so
 * the engine keeps them few. A statement is one (PQexecParams sends the unnamed statement's
 * parse, bind and execute at once; nothing is prepared apart). Opening a connection is one
 * after libpq's handshake: the session settings go in the connection's startup options
 * (SET only when a service's own options kept them out), and the schema version is read by
 * one statement, the catalogue questions only for a database without sigap_meta. Every
 * exchange is counted (sigap_database_get_round_trips ()) for the tests that keep it so.
 */

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "sigap-database-private.h"

#define MIGRATIONS_FOLDER "sql/postgres"
/* pg_advisory_xact_lock key of the migrations: 'SGAP'. */
#define MIGRATION_LOCK "1397178704"

/* Type OIDs of the binds (pg_type.h is a server header). */
#define OID_INT8   20
#define OID_TEXT   25
#define OID_FLOAT8 701

#define SQLSTATE_UNIQUE_VIOLATION   "23505"
#define SQLSTATE_QUERY_CANCELED     "57014"
#define SQLSTATE_OUT_OF_RANGE       "22003"
#define SQLSTATE_READ_ONLY          "25006"
#define SQLSTATE_NO_PRIVILEGE       "42501"
#define SQLSTATE_CONNECTION_FAILURE "08006"

/* What every session of the engine starts with: sent with the connection (as the server's
 * command-line options, with client_encoding as libpq's own parameter), and made with SET
 * only when a setting that matters did not take (a service's own options are kept). */
#define SESSION_OPTIONS "-c client_min_messages=warning"
#define SESSION_OPTIONS_READ_ONLY SESSION_OPTIONS " -c default_transaction_read_only=on"
#define SESSION_SETTINGS "SET client_encoding = 'UTF8'; SET client_min_messages = warning"

typedef struct
{
  PGconn       *conn;
  PGcancel     *cancel;         /* of the current connection; under cancel_lock */
  GMutex        cancel_lock;    /* a cancellable may fire in another thread while reconnecting */
  gboolean      lost_transaction; /* the connection went in a transaction not yet rolled back */
  GCancellable *cancellable;
  gulong        cancelled_id;
  char         *display;        /* the database as named in messages */
  char         *last_error;     /* one line */
  char          last_sqlstate[6];
} PgDatabase;

/* How a statement's SQL names a parameter: at all, and anywhere other than IS [NOT] NULL
 * (where PostgreSQL cannot tell its type). */
#define PARAM_NAMED 1
#define PARAM_TYPED 2

typedef struct
{
  SigapStatement  parent;
  SigapDatabase  *db;       /* not a reference: a statement lives within its database */
  char           *sql;      /* with $N parameters */
  int             n_params;
  char          **values;
  Oid            *types;
  guint8         *used;     /* PARAM_NAMED, PARAM_TYPED: how the SQL names the parameter */
  PGresult       *result;
  int             n_rows;
  int             row;      /* the row being read; -1 before the statement runs */
} PgStatement;

#define DB(self) ((PgDatabase *) (self)->engine_data)
#define STMT(stmt) ((PgStatement *) (stmt))

static const SigapEngine postgres_engine;

/* --- Messages ------------------------------------------------------------------------- */

static char *
first_line (const char *message)
{
  const char *end;

  if (message == NULL)
    return g_strdup ("");

  end = strchr (message, '\n');
  return g_strstrip (end != NULL ? g_strndup (message, end - message) : g_strdup (message));
}

/* A connection failure as one line a person can act on. libpq says e.g. 'connection to server
 * on socket "…" failed: No such file or directory\n\tIs the server running locally…'. */
static char *
connection_reason (const char *message,
                   const char *display)
{
  g_autofree char *line = first_line (message);
  const char *reason = line;
  const char *failed = strstr (line, " failed: ");

  if (failed != NULL)
    reason = failed + strlen (" failed: ");

  if (strstr (reason, "password authentication failed") != NULL)
    return g_strdup (_("the password is wrong, or the user does not exist"));
  if (strstr (reason, "no password supplied") != NULL)
    return g_strdup (_("the server asks for a password and none was given"));
  if (g_str_has_prefix (reason, "FATAL:  database ") && strstr (reason, "does not exist") != NULL)
    return g_strdup_printf (_("database “%s” does not exist on the server"), display);
  if (strstr (reason, "database \"") != NULL && strstr (reason, "does not exist") != NULL)
    return g_strdup_printf (_("database “%s” does not exist on the server"), display);
  if (strstr (reason, "Connection refused") != NULL ||
      strstr (reason, "No such file or directory") != NULL ||
      strstr (reason, "could not connect") != NULL ||
      strstr (reason, "timeout expired") != NULL ||
      strstr (reason, "Network is unreachable") != NULL ||
      strstr (reason, "No route to host") != NULL)
    return g_strdup (_("the server is down or cannot be reached"));
  if (strstr (reason, "could not translate host name") != NULL)
    return g_strdup (_("the server’s name is unknown"));
  if (g_str_has_prefix (reason, "FATAL:  "))
    reason += strlen ("FATAL:  ");
  else if (g_str_has_prefix (reason, "ERROR:  "))
    reason += strlen ("ERROR:  ");

  return g_strdup (reason);
}

/* The database name in a URI, for messages: never its password. */
char *
_sigap_database_postgres_display (const char *uri)
{
  PQconninfoOption *options = PQconninfoParse (uri, NULL);
  char *display = NULL;

  if (options != NULL)
    {
      for (PQconninfoOption *option = options; option->keyword != NULL; option++)
        if (g_str_equal (option->keyword, "dbname") && option->val != NULL && *option->val != '\0')
          display = g_strdup (option->val);
        else if (display == NULL && g_str_equal (option->keyword, "service") &&
                 option->val != NULL && *option->val != '\0')
          display = g_strdup (option->val);
      PQconninfoFree (options);
    }

  return display != NULL ? display : g_strdup (_("the server’s default database"));
}

static SigapDatabaseError
error_code_for_sqlstate (const char *sqlstate)
{
  if (g_strcmp0 (sqlstate, SQLSTATE_QUERY_CANCELED) == 0)
    return SIGAP_DATABASE_ERROR_CANCELLED;
  if (g_strcmp0 (sqlstate, SQLSTATE_OUT_OF_RANGE) == 0)
    return SIGAP_DATABASE_ERROR_OVERFLOW;
  if (g_strcmp0 (sqlstate, SQLSTATE_READ_ONLY) == 0)
    return SIGAP_DATABASE_ERROR_READ_ONLY;
  return SIGAP_DATABASE_ERROR_FAILED;
}

/* Keeps the reason of a failed result (or of the connection, for a NULL result). */
static void
remember_error (SigapDatabase  *self,
                PGresult       *result)
{
  PgDatabase *d = DB (self);
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;

  g_free (d->last_error);
  if (d->lost_transaction)
    {
      /* The server rolled the transaction back when the connection went. */
      d->last_error = g_strdup (_("the connection to the server was lost; nothing was saved"));
      sqlstate = SQLSTATE_CONNECTION_FAILURE;
    }
  else if (PQstatus (d->conn) == CONNECTION_BAD)
    {
      g_autofree char *reason = connection_reason (PQerrorMessage (d->conn), d->display);

      /* Gone, and not back: the message of a terminated backend says less than this. */
      d->last_error = g_strdup_printf (_("the connection to the server was lost: %s"), reason);
      sqlstate = SQLSTATE_CONNECTION_FAILURE;
    }
  else if (g_strcmp0 (sqlstate, SQLSTATE_READ_ONLY) == 0 &&
      g_strcmp0 (PQparameterStatus (d->conn, "in_hot_standby"), "on") == 0)
    {
      /* A hot standby (PostgreSQL 14 and later report in_hot_standby, and its changes, on
       * every connection): every read works there, and no write. */
      d->last_error = g_strdup (_("this server is a read-only replica"));
    }
  else if (primary != NULL && g_strcmp0 (sqlstate, SQLSTATE_NO_PRIVILEGE) == 0)
    {
      g_autofree char *line = first_line (primary);

      /* The server enforces the roles; this says which one is missing. */
      d->last_error = g_strdup_printf (_("%s: the role “%s” may not do this (imports and the "
                                         "participant list need the sigap_operator role)"),
                                       line, PQuser (d->conn));
    }
  else if (primary != NULL)
    d->last_error = first_line (primary);
  else if (PQstatus (d->conn) != CONNECTION_OK)
    {
      g_autofree char *reason = connection_reason (PQerrorMessage (d->conn), d->display);

      d->last_error = g_strdup_printf (_("the connection to the server was lost: %s"), reason);
    }
  else
    d->last_error = first_line (result != NULL ? PQresultErrorMessage (result)
                                               : PQerrorMessage (d->conn));

  g_strlcpy (d->last_sqlstate, sqlstate != NULL ? sqlstate : "", sizeof d->last_sqlstate);
}

static gboolean
postgres_set_error (SigapDatabase  *self,
                    GError        **error,
                    const char     *what)
{
  PgDatabase *d = DB (self);

  g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlstate (d->last_sqlstate),
               "%s: %s", what, d->last_error != NULL ? d->last_error : "");
  return FALSE;
}

static gboolean
result_ok (PGresult *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

/* --- A lost connection ---------------------------------------------------------------- */

/* Each exchange with the server: a statement, or several sent at once. */
static inline void
count_round_trip (SigapDatabase *self)
{
  self->round_trips++;
}

/* Sets what every session starts with, on a new connection or one re-established, unless the
 * connection started with it (the server reports both settings with every change). */
static gboolean
set_up_session (SigapDatabase  *self,
                GError        **error)
{
  PGconn *conn = DB (self)->conn;
  PGresult *result;

  if (g_strcmp0 (PQparameterStatus (conn, "client_encoding"), "UTF8") == 0 &&
      (!self->read_only ||
       g_strcmp0 (PQparameterStatus (conn, "default_transaction_read_only"), "on") == 0))
    return TRUE;

  count_round_trip (self);
  result = PQexec (conn, self->read_only ? SESSION_SETTINGS ";"
                                           "SET default_transaction_read_only = on"
                                         : SESSION_SETTINGS);

  if (!result_ok (result))
    {
      remember_error (self, result);
      PQclear (result);
      g_set_error_literal (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                           DB (self)->last_error);
      return FALSE;
    }

  PQclear (result);
  return TRUE;
}

/* Connects again to the same server and database, with the session's settings; the cancel
 * handle names the new backend. FALSE when the server is still away. */
static gboolean
reconnect (SigapDatabase *self)
{
  PgDatabase *d = DB (self);
  PGcancel *cancel;

  PQreset (d->conn);
  if (PQstatus (d->conn) != CONNECTION_OK)
    return FALSE;

  cancel = PQgetCancel (d->conn);
  g_mutex_lock (&d->cancel_lock);
  g_clear_pointer (&d->cancel, PQfreeCancel);
  d->cancel = cancel;
  g_mutex_unlock (&d->cancel_lock);

  if (!set_up_session (self, NULL))
    return FALSE;

  g_debug ("Connection to %s re-established", d->display);
  return TRUE;
}

/* After a statement failed, with the transaction status from before it: TRUE when it failed
 * because the connection was gone, outside a transaction, and the connection is back, so that
 * the statement, which did not run, may run again. Inside a transaction the transaction is
 * lost: see transaction_lost (). */
static gboolean
reconnected_to_retry (SigapDatabase           *self,
                      PGTransactionStatusType  before)
{
  PgDatabase *d = DB (self);

  if (PQstatus (d->conn) != CONNECTION_BAD)
    return FALSE;

  if (before == PQTRANS_INTRANS || before == PQTRANS_INERROR || before == PQTRANS_ACTIVE)
    {
      d->lost_transaction = TRUE;
      return FALSE;
    }

  return reconnect (self);
}

/* In a transaction whose connection was lost: TRUE, with the reason remembered. Every
 * statement fails then, as in a failed transaction, until the caller rolls back: what follows
 * must not run on a new connection as if the first half had been saved. */
static gboolean
transaction_lost (SigapDatabase *self)
{
  if (!DB (self)->lost_transaction)
    return FALSE;

  remember_error (self, NULL);
  return TRUE;
}

/* --- Connection ----------------------------------------------------------------------- */

static gboolean
postgres_exec (SigapDatabase  *self,
               const char     *sql,
               GError        **error)
{
  PGTransactionStatusType before = PQtransactionStatus (DB (self)->conn);
  PGresult *result = NULL;

  if (!transaction_lost (self))
    {
      count_round_trip (self);
      result = PQexec (DB (self)->conn, sql);
      if (!result_ok (result) && reconnected_to_retry (self, before))
        {
          PQclear (result);
          count_round_trip (self);
          result = PQexec (DB (self)->conn, sql);
        }
    }

  if (!result_ok (result))
    {
      remember_error (self, result);
      PQclear (result);
      g_set_error (error, SIGAP_DATABASE_ERROR, error_code_for_sqlstate (DB (self)->last_sqlstate),
                   "%s", DB (self)->last_error);
      return FALSE;
    }

  PQclear (result);
  return TRUE;
}

/* ?N (and a bare ?, the next number) to $N, outside literals, quoted names and comments. */
static char *
translate_parameters (const char  *sql,
                      int         *out_n_params,
                      GArray     **out_used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  GArray *used = g_array_new (FALSE, TRUE, sizeof (guint8));
  int highest = 0;
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              if (*p == quote && p[1] == quote)
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              g_string_append_c (out, *p);
              if (*p++ == quote)
                break;
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          const char *stop = end != NULL ? end + 2 : p + strlen (p);

          g_string_append_len (out, p, stop - p);
          p = stop;
        }
      else if (*p == '?')
        {
          int index;

          p++;
          if (g_ascii_isdigit (*p))
            {
              index = 0;
              while (g_ascii_isdigit (*p))
                index = index * 10 + (*p++ - '0');
            }
          else
            index = highest + 1;

          highest = MAX (highest, index);
          if (index > 0)
            {
              const char *next = p;

              if ((guint) index > used->len)
                g_array_set_size (used, index);
              while (g_ascii_isspace (*next))
                next++;
              g_array_index (used, guint8, index - 1) |= PARAM_NAMED;
              if (!(g_ascii_strncasecmp (next, "IS", 2) == 0 && g_ascii_isspace (next[2])))
                g_array_index (used, guint8, index - 1) |= PARAM_TYPED;
            }
          g_string_append_printf (out, "$%d", index);
        }
      else
        g_string_append_c (out, *p++);
    }

  g_array_set_size (used, highest);
  *out_n_params = highest;
  *out_used = used;
  return g_string_free (out, FALSE);
}

static SigapStatement *
postgres_prepare (SigapDatabase  *self,
                  const char     *sql,
                  gboolean        persistent,
                  GError        **error)
{
  PgStatement *stmt = g_new0 (PgStatement, 1);
  GArray *used = NULL;

  stmt->parent.engine = &postgres_engine;
  stmt->db = self;
  stmt->sql = translate_parameters (sql, &stmt->n_params, &used);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  g_array_set_size (used, MAX (stmt->n_params, 1));
  stmt->used = (guint8 *) g_array_free (used, FALSE);
  stmt->row = -1;
  return &stmt->parent;
}

static gboolean
postgres_in_transaction (SigapDatabase *self)
{
  PGTransactionStatusType status = PQtransactionStatus (DB (self)->conn);

  /* A connection lost outside a transaction (PQTRANS_UNKNOWN) is in none: its next statement
   * connects again. */
  return DB (self)->lost_transaction ||
         status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gint64
postgres_last_insert_id (SigapDatabase *self)
{
  PGresult *result;
  gint64 id = 0;

  count_round_trip (self);
  result = PQexec (DB (self)->conn, "SELECT lastval ()");

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

static void
postgres_interrupt (SigapDatabase *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&DB (self)->cancel_lock);
  char message[256];

  if (DB (self)->cancel != NULL && !PQcancel (DB (self)->cancel, message, sizeof message))
    g_debug ("Cannot cancel the statement on %s: %s", DB (self)->display, message);
}

static void
cancelled_cb (GCancellable  *cancellable,
              SigapDatabase *self)
{
  postgres_interrupt (self);
}

static void
postgres_set_cancellable (SigapDatabase *self,
                          GCancellable  *cancellable)
{
  PgDatabase *d = DB (self);

  if (d->cancellable != NULL)
    {
      g_cancellable_disconnect (d->cancellable, d->cancelled_id);
      d->cancelled_id = 0;
      g_clear_object (&d->cancellable);
    }

  if (cancellable != NULL)
    {
      d->cancellable = g_object_ref (cancellable);
      d->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
    }
}

static gboolean
postgres_last_error_is_unique (SigapDatabase *self)
{
  return g_str_equal (DB (self)->last_sqlstate, SQLSTATE_UNIQUE_VIOLATION);
}

static const char *
postgres_last_error_message (SigapDatabase *self)
{
  return DB (self)->last_error != NULL ? DB (self)->last_error : "";
}

static gboolean
postgres_begin (SigapDatabase  *self,
                GError        **error)
{
  return postgres_exec (self, "BEGIN", error);
}

static void
postgres_rollback (SigapDatabase *self)
{
  /* The server rolled it back when the connection went; the next statement reconnects. */
  if (DB (self)->lost_transaction)
    {
      DB (self)->lost_transaction = FALSE;
      return;
    }

  if (PQtransactionStatus (DB (self)->conn) == PQTRANS_INTRANS ||
      PQtransactionStatus (DB (self)->conn) == PQTRANS_INERROR)
    {
      count_round_trip (self);
      PQclear (PQexec (DB (self)->conn, "ROLLBACK"));
    }
}

static gboolean
postgres_commit (SigapDatabase  *self,
                 GError        **error)
{
  /* COMMIT of a failed transaction rolls back and says so only with a warning. */
  if (DB (self)->lost_transaction || PQtransactionStatus (DB (self)->conn) == PQTRANS_INERROR)
    {
      postgres_rollback (self);
      g_set_error_literal (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                           DB (self)->last_error != NULL ? DB (self)->last_error : "");
      return FALSE;
    }

  if (postgres_exec (self, "COMMIT", error))
    return TRUE;

  postgres_rollback (self);
  return FALSE;
}

static void
postgres_close (SigapDatabase *self)
{
  PgDatabase *d = DB (self);

  if (d == NULL)
    return;

  postgres_set_cancellable (self, NULL);
  g_clear_pointer (&d->cancel, PQfreeCancel);
  g_mutex_clear (&d->cancel_lock);
  g_clear_pointer (&d->conn, PQfinish);
  g_free (d->display);
  g_free (d->last_error);
  g_clear_pointer (&self->engine_data, g_free);
}

/* --- Statements ----------------------------------------------------------------------- */

static void
postgres_reset (SigapStatement *stmt)
{
  PgStatement *s = STMT (stmt);

  g_clear_pointer (&s->result, PQclear);
  s->n_rows = 0;
  s->row = -1;
}

static void
postgres_clear_bindings (SigapStatement *stmt)
{
  PgStatement *s = STMT (stmt);

  for (int i = 0; i < s->n_params; i++)
    {
      g_clear_pointer (&s->values[i], g_free);
      s->types[i] = 0;
    }
}

static void
postgres_statement_free (SigapStatement *stmt)
{
  PgStatement *s = STMT (stmt);

  postgres_reset (stmt);
  postgres_clear_bindings (stmt);
  g_free (s->values);
  g_free (s->types);
  g_free (s->used);
  g_free (s->sql);
  g_free (s);
}

static SigapStep
postgres_step (SigapStatement *stmt)
{
  PgStatement *s = STMT (stmt);

  if (s->row < 0)
    {
      PGTransactionStatusType before = PQtransactionStatus (DB (s->db)->conn);

      if (transaction_lost (s->db))
        return SIGAP_STEP_ERROR;

      /* A NULL the SQL does not name (SQLite's ?12 may be skipped), or names only to test it
       * (?4 IS NULL), still needs a type; elsewhere the server infers it. */
      for (int i = 0; i < s->n_params; i++)
        if (s->types[i] == 0 && !(s->used[i] & PARAM_TYPED))
          s->types[i] = OID_TEXT;

      /* One round trip: the unnamed statement is parsed, bound and run in one message. */
      count_round_trip (s->db);
      s->result = PQexecParams (DB (s->db)->conn, s->sql, s->n_params, s->types,
                                (const char * const *) s->values, NULL, NULL, 0);
      if (!result_ok (s->result) && reconnected_to_retry (s->db, before))
        {
          PQclear (s->result);
          count_round_trip (s->db);
          s->result = PQexecParams (DB (s->db)->conn, s->sql, s->n_params, s->types,
                                    (const char * const *) s->values, NULL, NULL, 0);
        }
      if (!result_ok (s->result))
        {
          remember_error (s->db, s->result);
          g_clear_pointer (&s->result, PQclear);
          return SIGAP_STEP_ERROR;
        }
      s->n_rows = PQntuples (s->result);
      s->row = 0;
    }
  else if (s->row < s->n_rows)
    s->row++;

  return s->row < s->n_rows ? SIGAP_STEP_ROW : SIGAP_STEP_DONE;
}

static void
set_value (SigapStatement *stmt,
           int             index,
           char           *value,
           Oid             type)
{
  PgStatement *s = STMT (stmt);

  if (index < 1 || index > s->n_params)
    {
      g_free (value);
      return;
    }

  g_free (s->values[index - 1]);
  s->values[index - 1] = value;
  s->types[index - 1] = type;
}

static void
postgres_bind_text (SigapStatement *stmt,
                    int             index,
                    const char     *text,
                    int             length,
                    gboolean        copy)
{
  if (text == NULL)
    set_value (stmt, index, NULL, 0);
  else
    set_value (stmt, index, length < 0 ? g_strdup (text) : g_strndup (text, length), OID_TEXT);
}

static void
postgres_bind_int64 (SigapStatement *stmt,
                     int             index,
                     gint64          value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), OID_INT8);
}

static void
postgres_bind_double (SigapStatement *stmt,
                      int             index,
                      double          value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), OID_FLOAT8);
}

static void
postgres_bind_null (SigapStatement *stmt,
                    int             index)
{
  set_value (stmt, index, NULL, 0);
}

static gboolean
has_value (PgStatement *s,
           int          column)
{
  return s->result != NULL && s->row >= 0 && s->row < s->n_rows &&
         column >= 0 && column < PQnfields (s->result) &&
         !PQgetisnull (s->result, s->row, column);
}

static int
postgres_column_count (SigapStatement *stmt)
{
  return STMT (stmt)->result != NULL ? PQnfields (STMT (stmt)->result) : 0;
}

static const char *
postgres_column_text (SigapStatement *stmt,
                      int             column)
{
  PgStatement *s = STMT (stmt);

  return has_value (s, column) ? PQgetvalue (s->result, s->row, column) : NULL;
}

static gint64
postgres_column_int64 (SigapStatement *stmt,
                       int             column)
{
  const char *text = postgres_column_text (stmt, column);

  if (text == NULL)
    return 0;
  /* A boolean comes as t or f. */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  if (strchr (text, '.') != NULL || strchr (text, 'e') != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static int
postgres_column_int (SigapStatement *stmt,
                     int             column)
{
  return (int) postgres_column_int64 (stmt, column);
}

static double
postgres_column_double (SigapStatement *stmt,
                        int             column)
{
  const char *text = postgres_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtod (text, NULL);
}

static gboolean
postgres_column_is_null (SigapStatement *stmt,
                         int             column)
{
  return !has_value (STMT (stmt), column);
}

static gboolean
postgres_column_is_integer (SigapStatement *stmt,
                            int             column)
{
  PgStatement *s = STMT (stmt);

  if (!has_value (s, column))
    return FALSE;

  switch (PQftype (s->result, column))
    {
    case 20: /* int8 */
    case 21: /* int2 */
    case 23: /* int4 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* --- Bulk loads (COPY) ---------------------------------------------------------------- */

static gboolean
postgres_copy_begin (SigapDatabase  *self,
                     const char     *sql,
                     GError        **error)
{
  PGresult *result;

  count_round_trip (self);
  result = PQexec (DB (self)->conn, sql);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      remember_error (self, result);
      PQclear (result);
      return postgres_set_error (self, error, _("Cannot load the rows"));
    }

  PQclear (result);
  return TRUE;
}

static gboolean
postgres_copy_data (SigapDatabase  *self,
                    const char     *data,
                    gsize           length,
                    GError        **error)
{
  while (length > 0)
    {
      int chunk = (int) MIN (length, (gsize) G_MAXINT / 2);

      if (PQputCopyData (DB (self)->conn, data, chunk) != 1)
        {
          remember_error (self, NULL);
          return postgres_set_error (self, error, _("Cannot load the rows"));
        }
      data += chunk;
      length -= chunk;
    }

  return TRUE;
}

/* The server checks and writes the rows (and runs the triggers) once it has them all: its
 * verdict is the result that follows the end. */
static gboolean
postgres_copy_end (SigapDatabase  *self,
                   gboolean        abort,
                   GError        **error)
{
  PGconn *conn = DB (self)->conn;
  PGresult *result;
  gboolean ok = TRUE;

  /* The rows stream without waiting; the end waits for the server's verdict. */
  count_round_trip (self);
  if (PQputCopyEnd (conn, abort ? "cancelled by the client" : NULL) != 1)
    {
      remember_error (self, NULL);
      ok = FALSE;
    }

  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          remember_error (self, result);
          ok = FALSE;
        }
      PQclear (result);
    }

  if (!ok || abort)
    {
      if (ok)
        {
          g_free (DB (self)->last_error);
          DB (self)->last_error = g_strdup (_("the load was cancelled"));
        }
      return postgres_set_error (self, error, _("Cannot load the rows"));
    }

  return TRUE;
}

static const SigapEngine postgres_engine = {
  .id = SIGAP_DATABASE_ENGINE_POSTGRES,
  .close = postgres_close,
  .set_error = postgres_set_error,
  .exec = postgres_exec,
  .prepare = postgres_prepare,
  .in_transaction = postgres_in_transaction,
  .last_insert_id = postgres_last_insert_id,
  .interrupt = postgres_interrupt,
  .set_cancellable = postgres_set_cancellable,
  .last_error_is_unique = postgres_last_error_is_unique,
  .last_error_message = postgres_last_error_message,
  .begin = postgres_begin,
  .commit = postgres_commit,
  .rollback = postgres_rollback,
  .statement_free = postgres_statement_free,
  .step = postgres_step,
  .reset = postgres_reset,
  .clear_bindings = postgres_clear_bindings,
  .bind_text = postgres_bind_text,
  .bind_int64 = postgres_bind_int64,
  .bind_double = postgres_bind_double,
  .bind_null = postgres_bind_null,
  .column_count = postgres_column_count,
  .column_text = postgres_column_text,
  .column_int = postgres_column_int,
  .column_int64 = postgres_column_int64,
  .column_double = postgres_column_double,
  .column_is_null = postgres_column_is_null,
  .column_is_integer = postgres_column_is_integer,
  .copy_begin = postgres_copy_begin,
  .copy_data = postgres_copy_data,
  .copy_end = postgres_copy_end,
};

/* --- Opening and the schema ----------------------------------------------------------- */

static void
notice_cb (void       *user_data,
           const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/* One text value of a query without parameters; NULL when it gives none. */
static char *
query_text (SigapDatabase  *self,
            const char     *sql,
            GError        **error)
{
  PGresult *result;
  char *value = NULL;

  count_round_trip (self);
  result = PQexec (DB (self)->conn, sql);

  if (!result_ok (result))
    {
      remember_error (self, result);
      PQclear (result);
      postgres_set_error (self, error, _("Cannot read the database"));
      return NULL;
    }

  if (PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

#define SQLSTATE_UNDEFINED_TABLE "42P01"

/* The schema version in the database: 0 for a database without SIGAP tables; -1 with @error
 * for another program's database or a failure. */
static int
read_schema_version (SigapDatabase  *self,
                     GError        **error)
{
  g_autofree char *has_meta = NULL;
  g_autofree char *n_tables = NULL;
  g_autofree char *version = NULL;
  GError *local_error = NULL;

  /* Outside a transaction, where a failure costs nothing, a SIGAP database answers in one
   * round trip; only a database without sigap_meta (new, or another program's) needs the
   * questions below. In a transaction (a migration) a failure would end it. */
  if (!postgres_in_transaction (self))
    {
      version = query_text (self, "SELECT value FROM sigap_meta WHERE key = 'schema_version'",
                            &local_error);
      if (version != NULL)
        return (int) g_ascii_strtoll (version, NULL, 10);
      if (local_error != NULL && !g_str_equal (DB (self)->last_sqlstate, SQLSTATE_UNDEFINED_TABLE))
        {
          g_propagate_error (error, local_error);
          return -1;
        }
      g_clear_error (&local_error);
    }

  has_meta = query_text (self, "SELECT to_regclass ('sigap_meta') IS NOT NULL", &local_error);
  if (local_error == NULL && g_strcmp0 (has_meta, "t") != 0)
    n_tables = query_text (self, "SELECT count (*) FROM pg_catalog.pg_tables "
                                 "WHERE schemaname = current_schema ()", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }

  if (g_strcmp0 (has_meta, "t") != 0)
    {
      if (g_strcmp0 (n_tables, "0") == 0)
        return 0;

      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                   _("Database “%s” holds the tables of another program, not SIGAP data"),
                   DB (self)->display);
      return -1;
    }

  version = query_text (self, "SELECT value FROM sigap_meta WHERE key = 'schema_version'",
                        error);
  if (version == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                     _("Database “%s” holds no SIGAP schema version"), DB (self)->display);
      return -1;
    }

  return (int) g_ascii_strtoll (version, NULL, 10);
}

static gboolean
may_create_schema (SigapDatabase *self)
{
  g_autofree char *may = query_text (self,
                                     "SELECT current_schema () IS NOT NULL AND "
                                     "has_schema_privilege (current_schema (), 'CREATE')",
                                     NULL);

  return g_strcmp0 (may, "t") == 0;
}

static gboolean
apply_migration (SigapDatabase  *self,
                 int             version,
                 const char     *file,
                 GError        **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *record = NULL;
  int current;

  sql = _sigap_database_read_migration (MIGRATIONS_FOLDER, file, error);
  if (sql == NULL)
    return FALSE;

  if (!postgres_begin (self, error) ||
      !postgres_exec (self, "SELECT pg_advisory_xact_lock (" MIGRATION_LOCK ")", error))
    goto failed;

  /* Another client may have migrated while this one waited for the lock. */
  current = read_schema_version (self, error);
  if (current < 0)
    goto failed;
  if (current >= version)
    {
      postgres_rollback (self);
      self->schema_version = current;
      return TRUE;
    }

  record = g_strdup_printf ("INSERT INTO sigap_meta (key, value) VALUES ('schema_version', '%d') "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", version);
  if (!postgres_exec (self, sql, error) || !postgres_exec (self, record, error) ||
      !postgres_commit (self, error))
    goto failed;

  self->schema_version = version;
  return TRUE;

failed:
  postgres_rollback (self);
  g_prefix_error (error, _("Creating the SIGAP schema (version %d) in “%s” failed: "),
                  version, DB (self)->display);
  return FALSE;
}

static gboolean
migrate (SigapDatabase           *self,
         SigapDatabaseOpenFlags   flags,
         GError                 **error)
{
  g_auto(GStrv) names = _sigap_database_list_migrations (MIGRATIONS_FOLDER);
  int latest = (int) g_strv_length (names);
  g_autofree char *user = NULL;

  if (self->schema_version == latest)
    return TRUE;

  if (self->read_only)
    {
      if (self->schema_version == 0)
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_NOT_SIGAP,
                     _("Database “%s” holds no SIGAP data yet"), DB (self)->display);
      else
        g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY,
                     _("Database “%s” was written by an older version of SIGAP Dasbor and "
                       "needs upgrading (schema %d to %d): open it once with a command that "
                       "writes, such as sigap import"),
                     DB (self)->display, self->schema_version, latest);
      return FALSE;
    }

  if (!may_create_schema (self))
    {
      user = g_strdup (PQuser (DB (self)->conn));
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY,
                   _("Database “%s” needs the SIGAP schema (version %d), and the role “%s” "
                     "may not create it: ask the server’s administrator to open it once as "
                     "its owner"),
                   DB (self)->display, latest, user);
      return FALSE;
    }

  for (int version = self->schema_version + 1; version <= latest; version++)
    if (!apply_migration (self, version, names[version - 1], error))
      return FALSE;

  return TRUE;
}

/* Opens the server named by the URI @self->path: see sigap_database_open (). */
gboolean
_sigap_database_postgres_open (SigapDatabase           *self,
                               SigapDatabaseOpenFlags   flags,
                               GError                 **error)
{
  PgDatabase *d;
  int version;

  self->engine = &postgres_engine;
  self->engine_data = d = g_new0 (PgDatabase, 1);
  g_mutex_init (&d->cancel_lock);
  d->display = _sigap_database_postgres_display (self->path);
  self->read_only = (flags & SIGAP_DATABASE_OPEN_READ_ONLY) != 0;

  d->conn = _sigap_connection_connect (self->path, self->password,
                                       self->read_only ? SESSION_OPTIONS_READ_ONLY
                                                       : SESSION_OPTIONS);
  if (d->conn == NULL || PQstatus (d->conn) != CONNECTION_OK)
    {
      g_autofree char *reason = connection_reason (d->conn != NULL ? PQerrorMessage (d->conn)
                                                                   : NULL, d->display);

      g_set_error (error, SIGAP_DATABASE_ERROR,
                   strstr (reason, "does not exist") != NULL ? SIGAP_DATABASE_ERROR_NOT_FOUND
                                                             : SIGAP_DATABASE_ERROR_FAILED,
                   _("Cannot connect to database “%s”: %s"), d->display, reason);
      postgres_close (self);
      return FALSE;
    }

  g_free (d->display);
  d->display = g_strdup (PQdb (d->conn));
  PQsetNoticeProcessor (d->conn, notice_cb, NULL);
  d->cancel = PQgetCancel (d->conn);

  if (!set_up_session (self, error))
    goto failed;

  version = read_schema_version (self, error);
  if (version < 0)
    goto failed;
  self->schema_version = version;

  if (version > sigap_database_latest_schema_version ())
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_TOO_NEW,
                   _("Database “%s” was written by a newer version of SIGAP Dasbor (schema %d; "
                     "this version reads up to %d): update SIGAP Dasbor to open it"),
                   d->display, version, sigap_database_latest_schema_version ());
      goto failed;
    }

  if (!migrate (self, flags, error))
    goto failed;

  return TRUE;

failed:
  postgres_close (self);
  return FALSE;
}
