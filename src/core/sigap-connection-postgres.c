/* sigap-connection-postgres.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server location as the window asks for it (host, port, database, user) and as libpq reads
 * it (a URI), and the passwords of this process's connections.
 *
 * A URI never carries the password typed in the window: the URI is what the window shows,
 * keeps among the recent connections and hands to every connection it opens, so the password
 * is kept here, in memory, by URI, and _sigap_connection_connect () gives it to libpq as a
 * parameter of its own (PQconnectdbParams, with the URI expanded as "dbname").
 */

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "sigap-connection.h"
#include "sigap-database-private.h"

/* How long a connection waits for a server that does not answer, unless PGCONNECT_TIMEOUT or
 * the URI says otherwise: a server that is down is reported within this, not after the
 * system's TCP time-out of minutes. */
#define CONNECT_TIMEOUT_S "10"

static GMutex passwords_lock;
static GHashTable *passwords;   /* URI → password */

static void
password_free (gpointer data)
{
  char *password = data;

  if (password != NULL)
    {
      explicit_bzero (password, strlen (password));
      g_free (password);
    }
}

/**
 * sigap_server_new:
 *
 * Returns: (transfer full): a server location; %NULL or empty parts stand for libpq's defaults
 */
SigapServer *
sigap_server_new (const char *host,
                  guint       port,
                  const char *database,
                  const char *user)
{
  SigapServer *server = g_new0 (SigapServer, 1);

  server->host = host != NULL && *host != '\0' ? g_strdup (host) : NULL;
  server->port = port;
  server->database = database != NULL && *database != '\0' ? g_strdup (database) : NULL;
  server->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
  return server;
}

void
sigap_server_free (SigapServer *server)
{
  if (server == NULL)
    return;

  g_free (server->host);
  g_free (server->database);
  g_free (server->user);
  g_free (server);
}

/* Everything but RFC 3986's unreserved characters percent-encoded, UTF-8 byte by byte: libpq
 * decodes every part of a URI, and nothing left literal can then be read as a delimiter
 * (@ / : ? , [ ]). */
static void
append_encoded (GString    *uri,
                const char *part)
{
  g_string_append_uri_escaped (uri, part, NULL, FALSE);
}

/**
 * sigap_server_to_uri:
 *
 * Returns: (transfer full): the libpq URI of @server, with no password
 */
char *
sigap_server_to_uri (const SigapServer *server)
{
  GString *uri = g_string_new ("postgresql://");

  g_return_val_if_fail (server != NULL, NULL);

  if (server->user != NULL)
    {
      append_encoded (uri, server->user);
      g_string_append_c (uri, '@');
    }
  if (server->host != NULL)
    append_encoded (uri, server->host);
  if (server->port != 0)
    g_string_append_printf (uri, ":%u", server->port);
  g_string_append_c (uri, '/');
  if (server->database != NULL)
    append_encoded (uri, server->database);

  return g_string_free (uri, FALSE);
}

static const char *
option_value (const PQconninfoOption *options,
              const char             *keyword)
{
  for (const PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword))
      return option->val != NULL && *option->val != '\0' ? option->val : NULL;

  return NULL;
}

/**
 * sigap_server_from_uri:
 * @uri: a libpq URI or key=value connection string
 *
 * Returns: (transfer full) (nullable): the host, port, database and user that @uri names, as
 *   libpq reads them; %NULL with @error set (G_IO_ERROR_INVALID_ARGUMENT) when it cannot
 */
SigapServer *
sigap_server_from_uri (const char  *uri,
                       GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;
  SigapServer *server;
  const char *port;
  guint64 number = 0;

  g_return_val_if_fail (uri != NULL, NULL);

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (message != NULL ? message : ""));

      /* libpq's message quotes no password: it names the part it could not read. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Not a server location: %s"), reason);
      PQfreemem (message);
      return NULL;
    }

  port = option_value (options, "port");
  if (port != NULL && !g_ascii_string_to_unsigned (port, 10, 1, G_MAXUINT16, &number, NULL))
    number = 0;
  server = sigap_server_new (option_value (options, "host"), (guint) number,
                             option_value (options, "dbname"), option_value (options, "user"));
  PQconninfoFree (options);
  return server;
}

/**
 * sigap_connection_describe:
 * @uri: a libpq URI
 *
 * Returns: (transfer full): "DATABASE on HOST" ("DATABASE on this computer" for a local
 *   socket), for a header; never the password
 */
char *
sigap_connection_describe (const char *uri)
{
  g_autoptr(SigapServer) server = NULL;
  g_autofree char *database = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  database = sigap_database_display_location (uri);
  server = sigap_server_from_uri (uri, NULL);
  if (server == NULL || server->host == NULL || server->host[0] == '/' ||
      server->host[0] == '@')
    /* TRANSLATORS: a database on a server of this computer; %s is its name */
    return g_strdup_printf (_("%s on this computer"), database);

  /* TRANSLATORS: a database on a server; the first %s is its name, the second the server's */
  return g_strdup_printf (_("%s on %s"), database, server->host);
}

void
sigap_connection_set_password (const char *uri,
                               const char *password)
{
  g_return_if_fail (uri != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, password_free);
  if (password != NULL && *password != '\0')
    g_hash_table_replace (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&passwords_lock);
}

gboolean
sigap_connection_has_password (const char *uri)
{
  gboolean has;

  g_return_val_if_fail (uri != NULL, FALSE);

  g_mutex_lock (&passwords_lock);
  has = passwords != NULL && g_hash_table_contains (passwords, uri);
  g_mutex_unlock (&passwords_lock);
  return has;
}

/* The startup options to send with @settings ("-c name=value …") added, or NULL when they
 * cannot be added without losing the user's own: libpq reads "options" from a service file
 * (or PGOPTIONS) only when none is given, so a service keeps its options and the session
 * settings are then made with SET. Otherwise the URI's options, or PGOPTIONS, come first and
 * @settings after them, so that the session settings win. */
static char *
startup_options (const char *uri,
                 const char *settings)
{
  PQconninfoOption *options;
  const char *own;
  char *combined;

  if (settings == NULL || g_getenv ("PGSERVICE") != NULL)
    return NULL;

  options = PQconninfoParse (uri, NULL);
  if (options == NULL)
    return NULL;
  if (option_value (options, "service") != NULL)
    {
      PQconninfoFree (options);
      return NULL;
    }

  own = option_value (options, "options");
  if (own == NULL)
    own = g_getenv ("PGOPTIONS");
  combined = own != NULL && *own != '\0' ? g_strconcat (own, " ", settings, NULL)
                                         : g_strdup (settings);
  PQconninfoFree (options);
  return combined;
}

/**
 * _sigap_connection_connect:
 * @uri: a libpq URI (or connection string)
 * @password: (nullable): the password to use; %NULL: the one set for @uri with
 *   sigap_connection_set_password (), if any (else libpq's: ~/.pgpass, PGPASSWORD, the URI's)
 * @settings: (nullable): session settings to start with, as the server's command-line options
 *   ("-c client_min_messages=warning"), sent with the connection rather than in statements of
 *   their own after it: a round trip less for each connection. Not sent when @uri names a
 *   service (see startup_options ()): check the settings that matter with PQparameterStatus ()
 *
 * Connects to @uri, blocking, as PQconnectdb () does, with the password given apart, a
 * time-out for a server that does not answer, and the client encoding UTF-8.
 *
 * Returns: (transfer full): the connection, to check with PQstatus () (never %NULL unless
 *   libpq is out of memory)
 */
PGconn *
_sigap_connection_connect (const char *uri,
                           const char *password,
                           const char *settings)
{
  g_autofree char *options = NULL;
  const char *keywords[6];
  const char *values[6];
  char *stored = NULL;
  PGconn *conn;
  int n = 0;

  g_return_val_if_fail (uri != NULL, NULL);

  if (password == NULL)
    {
      g_mutex_lock (&passwords_lock);
      if (passwords != NULL)
        stored = g_strdup (g_hash_table_lookup (passwords, uri));
      g_mutex_unlock (&passwords_lock);
      password = stored;
    }

  /* Before the URI, which may set its own time-out. */
  if (g_getenv ("PGCONNECT_TIMEOUT") == NULL)
    {
      keywords[n] = "connect_timeout";
      values[n++] = CONNECT_TIMEOUT_S;
    }
  keywords[n] = "dbname";
  values[n++] = uri;
  /* After the URI: these win over it, as a SET after connecting would. */
  keywords[n] = "client_encoding";
  values[n++] = "UTF8";
  options = startup_options (uri, settings);
  if (options != NULL)
    {
      keywords[n] = "options";
      values[n++] = options;
    }
  if (password != NULL && *password != '\0')
    {
      keywords[n] = "password";
      values[n++] = password;
    }
  keywords[n] = NULL;
  values[n] = NULL;

  conn = PQconnectdbParams (keywords, values, TRUE);
  password_free (stored);
  return conn;
}
