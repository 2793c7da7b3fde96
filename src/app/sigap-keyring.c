/* sigap-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server's password goes to the desktop's keyring (the Secret Service: GNOME Keyring,
 * KWallet …) through libsecret, keyed by the host, port, database and user of its URI; never
 * into GSettings or a file of ours. Without a keyring (a bare session, a test's) storing fails
 * and the caller says so quietly; the connection is not the worse for it.
 */

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "core/sigap-connection.h"
#include "sigap-keyring.h"

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    SIGAP_KEYRING_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* The keyring's attributes for @uri: its parts as libpq reads them, "" for a default. */
static GHashTable *
attributes_for (const char  *uri,
                GError     **error)
{
  g_autoptr(SigapServer) server = sigap_server_from_uri (uri, error);
  GHashTable *attributes;

  if (server == NULL)
    return NULL;

  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (gpointer) "host", g_strdup (or_empty (server->host)));
  g_hash_table_insert (attributes, (gpointer) "port",
                       server->port != 0 ? g_strdup_printf ("%u", server->port) : g_strdup (""));
  g_hash_table_insert (attributes, (gpointer) "database", g_strdup (or_empty (server->database)));
  g_hash_table_insert (attributes, (gpointer) "user", g_strdup (or_empty (server->user)));
  return attributes;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sigap_keyring_store (const char          *uri,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *described = NULL;
  GError *error = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (password != NULL);

  g_task_set_source_tag (task, sigap_keyring_store);
  attributes = attributes_for (uri, &error);
  if (attributes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  described = sigap_connection_describe (uri);
  /* TRANSLATORS: the name of a password in the desktop's keyring; %s is e.g. "sigap on
   * db.example" */
  label = g_strdup_printf (_("SIGAP Dasbor: %s"), described);
  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          password, cancellable, stored_cb, g_steal_pointer (&task));
}

gboolean
sigap_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      g_task_return_pointer (task, g_strdup (password), g_free);
      secret_password_free (password);
    }
}

void
sigap_keyring_lookup (const char          *uri,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;

  g_return_if_fail (uri != NULL);

  g_task_set_source_tag (task, sigap_keyring_lookup);
  attributes = attributes_for (uri, &error);
  if (attributes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  secret_password_lookupv (server_schema (), attributes, cancellable, looked_up_cb,
                           g_steal_pointer (&task));
}

char *
sigap_keyring_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
