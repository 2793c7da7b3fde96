/* sigap-keyring.h: the passwords of servers, in the desktop's keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema's name: attributes host, port, database and user, as the URI names them. */
#define SIGAP_KEYRING_SCHEMA "id.go.bekasikota.Sigap.Server"

/* Keeps @password for the server of @uri (a libpq URI without password) in the keyring. Fails
 * (G_IO_ERROR or a D-Bus error) when no keyring runs: the caller says the password was not
 * saved. */
void      sigap_keyring_store         (const char           *uri,
                                       const char           *password,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  sigap_keyring_store_finish  (GAsyncResult         *result,
                                       GError              **error);

/* The password kept for the server of @uri, or NULL (with @error unset) when there is none. */
void      sigap_keyring_lookup        (const char           *uri,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *sigap_keyring_lookup_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
