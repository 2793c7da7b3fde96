/* sigap-window-connect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Connect to Server…" (win.connect-server): the dialog (sigap-connect-dialog.c) opens the
 * server's database once; the window then opens its URI as it opens a file. A password the
 * keyring could not keep is noted in a toast. At start, the last database of the session may
 * be a server: its password comes from the keyring first.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/sigap-connection.h"
#include "sigap-connect-dialog.h"
#include "sigap-keyring.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

static void
connected_cb (SigapWindow *self,
              const char  *uri,
              gboolean     keyring_failed)
{
  sigap_window_open_database (self, uri);

  if (keyring_failed)
    {
      AdwToast *toast = adw_toast_new (_("The password was not saved: no keyring is available. "
                                         "It will be asked for again next time."));

      adw_toast_set_timeout (toast, 8);
      _sigap_window_add_toast (self, toast);
    }
}

/**
 * _sigap_window_connect_server:
 *
 * Returns: (transfer none): the "Connect to Server" dialog, presented on the window
 */
SigapConnectDialog *
_sigap_window_connect_server (SigapWindow *self)
{
  SigapConnectDialog *dialog;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  dialog = sigap_connect_dialog_new (GTK_WINDOW (self), self->persistent ? self->settings : NULL);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
_sigap_window_connect_server_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  _sigap_window_connect_server (SIGAP_WINDOW (widget));
}

static void
last_password_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SigapWindow *self = g_task_get_source_object (task);
  const char *uri = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = sigap_keyring_lookup_finish (result, &error);

  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  if (password != NULL)
    {
      sigap_connection_set_password (uri, password);
      explicit_bzero (password, strlen (password));
    }

  /* Without one, libpq's own (~/.pgpass, PGPASSWORD) may do; if not, the window says why. */
  sigap_window_open_database (self, uri);
}

/* Reopens the server database @uri of the last session, with its password from the keyring. */
void
_sigap_window_open_last_server (SigapWindow *self,
                                const char  *uri)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (uri != NULL);

  g_task_set_task_data (task, g_strdup (uri), g_free);
  if (sigap_connection_has_password (uri))
    {
      sigap_window_open_database (self, uri);
      return;
    }

  _sigap_window_set_state (self, "loading");
  sigap_keyring_lookup (uri, NULL, last_password_cb, g_steal_pointer (&task));
}
