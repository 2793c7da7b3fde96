/* sigap-recent-servers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recent servers, the one owner of GSettings "recent-servers": the Connect dialog adds to
 * them and lists them, the window's menu lists them as recent files are. Each is a libpq URI
 * as sigap_server_to_uri () makes it: host, port, database and user, never a password. A URI
 * put in the settings by other means is read through the same function, so that a password
 * in it is neither shown nor kept.
 */

#include "core/sigap-connection.h"
#include "core/sigap-database.h"
#include "sigap-recent-servers.h"

#define RECENT_KEY "recent-servers"

/* @uri as the list keeps it, or NULL when it names no server. */
static char *
recent_uri (const char *uri)
{
  g_autoptr(SigapServer) server = NULL;

  if (uri == NULL || !sigap_database_path_is_server (uri))
    return NULL;
  server = sigap_server_from_uri (uri, NULL);
  if (server == NULL)
    return NULL;

  return sigap_server_to_uri (server);
}

/* @uris made into the list: each as recent_uri () makes it, once, at most the limit. */
static GStrv
make_list (const char * const *uris)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; uris[i] != NULL && list->len < SIGAP_RECENT_SERVERS_MAX; i++)
    {
      g_autofree char *uri = recent_uri (uris[i]);
      gboolean seen = FALSE;

      if (uri == NULL)
        continue;
      for (guint j = 0; j < list->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (list, j), uri);
      if (!seen)
        g_ptr_array_add (list, g_steal_pointer (&uri));
    }
  g_ptr_array_add (list, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

/**
 * sigap_recent_servers_add:
 * @settings: the application's settings
 * @uri: the server connected to, a libpq URI
 *
 * Puts @uri (without a password) at the head of the recent servers.
 */
void
sigap_recent_servers_add (GSettings  *settings,
                          const char *uri)
{
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (uri != NULL);

  old = g_settings_get_strv (settings, RECENT_KEY);
  g_strv_builder_add (builder, uri);
  g_strv_builder_addv (builder, (const char **) old);
  uris = g_strv_builder_end (builder);
  recent = make_list ((const char * const *) uris);
  g_settings_set_strv (settings, RECENT_KEY, (const char * const *) recent);
}

/**
 * sigap_recent_servers_get:
 * @settings: the application's settings
 *
 * Returns: (transfer full): the recent servers, newest first, none holding a password
 */
GStrv
sigap_recent_servers_get (GSettings *settings)
{
  g_auto(GStrv) uris = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  uris = g_settings_get_strv (settings, RECENT_KEY);
  return make_list ((const char * const *) uris);
}
