/* sigap-window-connect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Connect to Server…" (win.connect-server): the dialog (sigap-connect-dialog.c) opens the
 * server's database once, and the window shows that database as it shows a file, without
 * opening it again. A password the keyring could not keep is noted in a toast. At start, the
 * last database of the session may be a server: its password comes from the keyring first.
 *
 * The recent servers (sigap-recent-servers.c) are listed in the main menu below "Open…" and
 * "Connect to Server…", as "DATABASE on HOST", the header's words for them; picking one
 * (win.connect-recent) connects with the password from the keyring, through a Connect dialog
 * that shows itself, filled in and with the reason, only when that fails.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/sigap-connection.h"
#include "sigap-connect-dialog.h"
#include "sigap-keyring.h"
#include "sigap-recent-servers.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

static void
connected_cb (SigapWindow        *self,
              const char         *uri,
              gboolean            keyring_failed,
              SigapConnectDialog *dialog)
{
  g_autoptr(SigapDatabase) db = sigap_connect_dialog_take_database (dialog);

  /* The database the dialog opened, not opened again; a window that keeps nothing (a
   * screenshot) opens it itself, to read only. */
  if (db != NULL && self->persistent)
    _sigap_window_open_opened (self, uri, db);
  else
    sigap_window_open_database (self, uri);

  if (keyring_failed)
    {
      AdwToast *toast = adw_toast_new (_("The password was not saved: no keyring is available. "
                                         "It will be asked for again next time."));

      adw_toast_set_timeout (toast, 8);
      _sigap_window_add_toast (self, toast);
    }
}

static SigapConnectDialog *
new_dialog (SigapWindow *self)
{
  SigapConnectDialog *dialog;

  dialog = sigap_connect_dialog_new (GTK_WINDOW (self), self->persistent ? self->settings : NULL);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);
  return dialog;
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

  dialog = new_dialog (self);
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

/* --- The recent servers in the menu ---------------------------------------------------- */

/* @text for a menu item's label, where an underline marks the access key. */
static char *
escape_underlines (const char *text)
{
  g_autoptr(GString) escaped = g_string_new (text);

  g_string_replace (escaped, "_", "__", 0);
  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

/* The recent servers' labels, "DATABASE on HOST"; two that would read the same (the same
 * database as two users, say a viewer's and an operator's login) say who and which port. */
static GStrv
recent_labels (const char * const *recent)
{
  guint n = g_strv_length ((char **) recent);
  g_autofree gboolean *same = g_new0 (gboolean, n);
  GStrv labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = sigap_connection_describe (recent[i]);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_str_equal (labels[i], labels[j]))
        same[i] = same[j] = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapServer) server = same[i] ? sigap_server_from_uri (recent[i], NULL) : NULL;
      char *described = labels[i];

      g_autofree char *port = NULL;
      g_autofree char *detail = NULL;

      if (server == NULL)
        continue;
      /* TRANSLATORS: what tells two recent servers apart: a server's port */
      port = server->port != 0 ? g_strdup_printf (_("port %u"), server->port) : NULL;
      detail = server->user != NULL && port != NULL
               ? g_strdup_printf ("%s, %s", server->user, port)
               : g_strdup (server->user != NULL ? server->user : port);
      if (detail == NULL)
        continue;
      /* TRANSLATORS: a recent server in the menu, when two would read the same: "sigap on
       * db.bekasikota.go.id (operator, port 5432)" */
      labels[i] = g_strdup_printf (_("%s (%s)"), described, detail);
      g_free (described);
    }

  return labels;
}

static void
recent_servers_changed_cb (SigapWindow *self)
{
  g_auto(GStrv) recent = sigap_recent_servers_get (self->settings);
  g_auto(GStrv) labels = recent_labels ((const char * const *) recent);
  gboolean listed = g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) > 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = escape_underlines (labels[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.connect-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }

  /* A section of their own, after "Open…" and "Connect to Server…"; none when empty. */
  if (recent[0] != NULL && !listed)
    g_menu_insert_section (self->primary_menu, 1, _("Recent connections"),
                           G_MENU_MODEL (self->recent_menu));
  else if (recent[0] == NULL && listed)
    g_menu_remove (self->primary_menu, 1);
}

/**
 * _sigap_window_recent_servers_setup:
 *
 * Lists the recent servers in the main menu, now and whenever they change.
 */
void
_sigap_window_recent_servers_setup (SigapWindow *self)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  self->recent_menu = g_menu_new ();
  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::recent-servers",
                           G_CALLBACK (recent_servers_changed_cb), self, G_CONNECT_SWAPPED);
  recent_servers_changed_cb (self);
}

/**
 * _sigap_window_connect_recent:
 * @uri: a recent server, a libpq URI without password
 *
 * Connects to @uri with the password the keyring keeps for it, and shows its database. The
 * Connect dialog shows itself, filled in, only when the connection fails (with the reason)
 * or takes long.
 *
 * Returns: (transfer none): the dialog connecting, not presented yet
 */
SigapConnectDialog *
_sigap_window_connect_recent (SigapWindow *self,
                              const char  *uri)
{
  SigapConnectDialog *dialog;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  /* The last one picked wins: one still connecting unseen is dropped. */
  if (self->recent_dialog != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->recent_dialog)))
    gtk_window_destroy (GTK_WINDOW (self->recent_dialog));
  g_clear_weak_pointer (&self->recent_dialog);

  dialog = new_dialog (self);
  g_set_weak_pointer (&self->recent_dialog, dialog);
  sigap_connect_dialog_connect_recent (dialog, uri);
  return dialog;
}

void
_sigap_window_connect_recent_activated (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  _sigap_window_connect_recent (SIGAP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}
