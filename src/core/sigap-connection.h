/* sigap-connection.h: a PostgreSQL server's libpq URI from its parts, and back; the password
 * a connection uses, kept apart from the URI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIGAP_CONNECTION_DEFAULT_PORT 5432

/* The parts of a server location that the window asks for, and the keyring keys a password by.
 * Any part may be NULL (libpq's default: PGHOST, PGPORT …); port 0 is the default port. */
typedef struct
{
  char  *host;
  guint  port;
  char  *database;
  char  *user;
} SigapServer;

SigapServer *sigap_server_new                 (const char        *host,
                                               guint              port,
                                               const char        *database,
                                               const char        *user);
void         sigap_server_free                (SigapServer       *server);

/* postgresql://[user@][host][:port]/[database], every part percent-encoded; never a
 * password. */
char        *sigap_server_to_uri              (const SigapServer *server);
/* The parts of a libpq URI (or key=value string), as libpq reads them; NULL with @error set
 * when libpq cannot read it. A password in it is left out. */
SigapServer *sigap_server_from_uri            (const char        *uri,
                                               GError           **error);

/* "sigap on db.example.go.id": which server database @uri names, for a window's header; never
 * its password. */
char        *sigap_connection_describe        (const char        *uri);

/* The password for connections to @uri (exactly this string) made by this process from now
 * on: sigap_database_open (), the data watch, every page's connection. It lives in memory
 * only; %NULL or "" forgets it. @uri itself never holds it, so that it is never shown, logged
 * or stored with the location. */
void         sigap_connection_set_password    (const char        *uri,
                                               const char        *password);
gboolean     sigap_connection_has_password    (const char        *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapServer, sigap_server_free)

G_END_DECLS
