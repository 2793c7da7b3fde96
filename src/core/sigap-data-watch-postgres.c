/* sigap-data-watch-postgres.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server side of SigapDataWatch: a connection of its own that LISTENs on a channel, read
 * without blocking whenever its socket has input.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "sigap-database.h"
#include "sigap-database-private.h"

struct _SigapServerListener
{
  PGconn *conn;
};

static gboolean
set_listen_error (PGconn      *conn,
                  const char  *uri,
                  GError     **error)
{
  g_autofree char *display = sigap_database_display_location (uri);
  g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (conn)));

  g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
               _("Cannot watch database “%s” for changes: %s"), display, reason);
  return FALSE;
}

SigapServerListener *
_sigap_server_listener_new (const char  *uri,
                            const char  *channel,
                            GError     **error)
{
  g_autofree char *quoted = sigap_database_quote_identifier (channel);
  g_autofree char *sql = g_strconcat ("LISTEN ", quoted, NULL);
  SigapServerListener *self = g_new0 (SigapServerListener, 1);
  PGresult *result;

  self->conn = _sigap_connection_connect (uri, NULL, NULL);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_listen_error (self->conn, uri, error);
      _sigap_server_listener_free (self);
      return NULL;
    }

  result = PQexec (self->conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      PQclear (result);
      set_listen_error (self->conn, uri, error);
      _sigap_server_listener_free (self);
      return NULL;
    }
  PQclear (result);
  PQsetnonblocking (self->conn, 1);

  return self;
}

int
_sigap_server_listener_get_fd (SigapServerListener *self)
{
  return PQsocket (self->conn);
}

int
_sigap_server_listener_consume (SigapServerListener *self)
{
  PGnotify *notify;
  int n = 0;

  if (PQconsumeInput (self->conn) == 0 || PQstatus (self->conn) == CONNECTION_BAD)
    {
      g_debug ("Data watch lost its connection: %s", PQerrorMessage (self->conn));
      return -1;
    }

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      n++;
      PQfreemem (notify);
    }

  return n;
}

void
_sigap_server_listener_free (SigapServerListener *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->conn, PQfinish);
  g_free (self);
}
