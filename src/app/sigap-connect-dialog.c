/* sigap-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Connect to Server…": host, port, database, user and password of a PostgreSQL server, or one
 * of the recent connections. The fields make a libpq URI (sigap_server_to_uri (): every part
 * percent-encoded, no password); the database is opened with the password given apart, in a
 * worker thread, as the window opens a file: the dialog shows a spinner meanwhile and, when
 * it fails, the one-line reason (the server is down, the password is wrong, the database does
 * not exist, its schema is newer than this version) and Retry.
 *
 * Once open, the password is set for this process's connections to the URI
 * (sigap_connection_set_password ()) and handed to the desktop's keyring; the URI goes to the
 * recent servers (sigap-recent-servers.c). Without a keyring the password is not kept
 * anywhere else: "connected" then says so, and the window notes it quietly. The database
 * opened goes to the window as it is (sigap_connect_dialog_take_database ()): it is not
 * opened twice.
 *
 * A recent server picked in the window's menu is connected to by a dialog that stays hidden
 * (sigap_connect_dialog_connect_recent ()): it shows itself, filled in, only when the
 * connection fails or takes long.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/sigap-connection.h"
#include "core/sigap-database.h"
#include "sigap-connect-dialog.h"
#include "sigap-keyring.h"
#include "sigap-recent-servers.h"

/* A recent server connected to from the menu: the dialog shows itself after this long. */
#define SHOW_AFTER_MS 1000

struct _SigapConnectDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *recent_group;
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  GtkWidget           *connect_button;
  GtkWidget           *status_box;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;

  GSettings           *settings;        /* nullable: the recent servers */
  GCancellable        *cancellable;     /* the keyring's lookup and store */
  SigapDatabase       *database;        /* opened, until the window takes it */
  guint                show_source;     /* shows a dialog connecting in hiding */
  gboolean             connect_when_looked_up;
  gboolean             connecting;
  gboolean             closed;          /* a connection finishing now is not wanted any more */
};

G_DEFINE_FINAL_TYPE (SigapConnectDialog, sigap_connect_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dialog, for a callback that may come after it is gone: a window held past its parent
 * would touch the parent when it goes. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

typedef struct
{
  GWeakRef  dialog;
  char     *uri;
  char     *password;
  gboolean  keyring_failed;
} ConnectJob;

static void
connect_job_free (ConnectJob *job)
{
  g_weak_ref_clear (&job->dialog);
  g_free (job->uri);
  if (job->password != NULL)
    {
      explicit_bzero (job->password, strlen (job->password));
      g_free (job->password);
    }
  g_free (job);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* --- Status ---------------------------------------------------------------------------- */

static void
show_message (SigapConnectDialog *self,
              const char         *message,
              gboolean            is_error)
{
  gtk_widget_set_visible (self->status_box, message != NULL);
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

static void
set_connecting (SigapConnectDialog *self,
                gboolean            connecting)
{
  self->connecting = connecting;
  gtk_spinner_set_spinning (self->spinner, connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_group), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !connecting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect", !connecting);
}

static void
field_changed_cb (SigapConnectDialog *self)
{
  if (self->connecting)
    return;

  /* Retry is for the same fields; changed ones are a new connection. */
  gtk_button_set_label (GTK_BUTTON (self->connect_button), _("C_onnect"));
}

/* --- Connecting ------------------------------------------------------------------------ */

static void
connect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ConnectJob *job = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  GError *error = NULL;

  /* As the window will: creating the schema on an empty database, or upgrading it, when the
   * role may. */
  db = sigap_database_open_with_password (job->uri, job->password,
                                          SIGAP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&db), g_object_unref);
}

static void
finish_connected (SigapConnectDialog *self,
                  ConnectJob         *job)
{
  set_connecting (self, FALSE);
  if (self->closed)
    return;

  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, job->uri, job->keyring_failed);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectJob *job = g_task_get_task_data (task);
  g_autoptr(SigapConnectDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;

  if (!sigap_keyring_store_finish (result, &error))
    {
      /* The reason (no Secret Service on the bus …) is for the log, not for the user. */
      g_debug ("The password was not saved in the keyring: %s", error->message);
      job->keyring_failed = TRUE;
    }

  if (self != NULL)
    finish_connected (self, job);
}

static void
connect_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ConnectJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SigapConnectDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = g_task_propagate_pointer (G_TASK (result), &error);

  if (db != NULL)
    sigap_connection_set_password (job->uri, job->password);
  if (self == NULL)
    return;

  if (db == NULL)
    {
      set_connecting (self, FALSE);
      if (self->closed)
        return;
      show_message (self, error->message, TRUE);
      gtk_button_set_label (GTK_BUTTON (self->connect_button), _("_Retry"));
      /* A recent server from the menu, connected to in hiding: the user is asked now. */
      if (!gtk_widget_get_visible (GTK_WIDGET (self)))
        gtk_window_present (GTK_WINDOW (self));
      gtk_widget_grab_focus (self->connect_button);
      return;
    }

  g_set_object (&self->database, db);
  if (self->settings != NULL)
    sigap_recent_servers_add (self->settings, job->uri);

  if (self->closed || job->password == NULL || *job->password == '\0')
    {
      finish_connected (self, job);
      return;
    }

  show_message (self, _("Saving the password in the keyring…"), FALSE);
  sigap_keyring_store (job->uri, job->password, self->cancellable, stored_cb,
                       g_object_ref (G_TASK (result)));
}

static void
connect_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SigapConnectDialog *self = SIGAP_CONNECT_DIALOG (widget);
  g_autoptr(SigapServer) server = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  g_autofree char *port_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->port_row))));
  g_autofree char *database = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  g_autofree char *described = NULL;
  g_autofree char *connecting = NULL;
  ConnectJob *job;
  guint64 port = 0;

  if (self->connecting)
    return;

  if (*port_text != '\0' &&
      !g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &port, NULL))
    {
      show_message (self, _("The port must be a number from 1 to 65535"), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->port_row));
      return;
    }

  server = sigap_server_new (host, (guint) port, database, user);
  job = g_new0 (ConnectJob, 1);
  g_weak_ref_init (&job->dialog, self);
  job->uri = sigap_server_to_uri (server);
  job->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  described = sigap_connection_describe (job->uri);
  /* TRANSLATORS: %s is e.g. "sigap on db.example" */
  connecting = g_strdup_printf (_("Connecting to %s…"), described);
  show_message (self, connecting, FALSE);
  set_connecting (self, TRUE);

  task = g_task_new (NULL, NULL, connect_finished_cb, NULL);
  g_task_set_source_tag (task, connect_activated_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) connect_job_free);
  g_task_run_in_thread (task, connect_in_thread);
}

/* --- Recent connections ---------------------------------------------------------------- */

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SigapConnectDialog) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = sigap_keyring_lookup_finish (result, &error);

  weak_ref_free (user_data);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL || self->closed)
    return;
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);

  if (password != NULL && *password != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      explicit_bzero (password, strlen (password));
    }

  /* Without a password kept, libpq's own (~/.pgpass, PGPASSWORD) may do; if not, the
   * dialog says so and asks. */
  if (self->connect_when_looked_up)
    {
      self->connect_when_looked_up = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
    }
  else if (password != NULL && *password != '\0')
    gtk_widget_grab_focus (self->connect_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/**
 * sigap_connect_dialog_select_recent:
 * @uri: a libpq URI, as the recent servers keep it
 *
 * Fills the fields with what @uri names and the password field with the keyring's password
 * for it, if any.
 */
void
sigap_connect_dialog_select_recent (SigapConnectDialog *self,
                                    const char         *uri)
{
  g_autoptr(SigapServer) server = NULL;
  g_autofree char *port = NULL;

  g_return_if_fail (SIGAP_IS_CONNECT_DIALOG (self));
  g_return_if_fail (uri != NULL);

  if (self->connecting)
    return;

  server = sigap_server_from_uri (uri, NULL);
  if (server == NULL)
    return;

  port = server->port != 0 ? g_strdup_printf ("%u", server->port) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), or_empty (server->host));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), or_empty (server->database));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), or_empty (server->user));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_message (self, NULL, FALSE);
  self->connect_when_looked_up = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sigap_keyring_lookup (uri, self->cancellable, looked_up_cb, weak_ref_new (self));
}

static gboolean
show_cb (gpointer user_data)
{
  SigapConnectDialog *self = user_data;

  self->show_source = 0;
  if (!self->closed && !gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/**
 * sigap_connect_dialog_connect_recent:
 * @uri: a libpq URI, as the recent servers keep it
 *
 * Fills the fields from @uri, its password from the keyring, and connects. A dialog not yet
 * shown shows itself only when the connection fails (with the reason and Retry) or takes
 * longer than a second; when it succeeds, "connected" is emitted and the dialog closes.
 */
void
sigap_connect_dialog_connect_recent (SigapConnectDialog *self,
                                     const char         *uri)
{
  g_return_if_fail (SIGAP_IS_CONNECT_DIALOG (self));
  g_return_if_fail (uri != NULL);

  if (self->connecting)
    return;

  sigap_connect_dialog_select_recent (self, uri);
  self->connect_when_looked_up = TRUE;
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) && self->show_source == 0)
    self->show_source = g_timeout_add (SHOW_AFTER_MS, show_cb, self);
}

/**
 * sigap_connect_dialog_take_database:
 *
 * The database the dialog opened, for the window to show: in a handler of "connected".
 *
 * Returns: (transfer full) (nullable): the database, or %NULL when it was taken already
 */
SigapDatabase *
sigap_connect_dialog_take_database (SigapConnectDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_CONNECT_DIALOG (self), NULL);

  return g_steal_pointer (&self->database);
}

static void
recent_activated_cb (AdwActionRow       *row,
                     SigapConnectDialog *self)
{
  sigap_connect_dialog_select_recent (self, g_object_get_data (G_OBJECT (row), "sigap-uri"));
}

static void
fill_recent (SigapConnectDialog *self)
{
  g_auto(GStrv) recent = NULL;

  if (self->settings == NULL)
    return;

  recent = sigap_recent_servers_get (self->settings);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      title = sigap_connection_describe (recent[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      icon = gtk_image_new_from_icon_name ("network-server-symbolic");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "sigap-uri", g_strdup (recent[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (recent_activated_cb), self);
      adw_preferences_group_add (self->recent_group, row);
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), TRUE);
    }
}

/* --- The object ------------------------------------------------------------------------ */

const char *
sigap_connect_dialog_get_message (SigapConnectDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_CONNECT_DIALOG (self), NULL);

  return gtk_widget_get_visible (self->status_box) ? gtk_label_get_text (self->status_label)
                                                   : NULL;
}

gboolean
sigap_connect_dialog_get_connecting (SigapConnectDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_CONNECT_DIALOG (self), FALSE);

  return self->connecting;
}

static gboolean
sigap_connect_dialog_close_request (GtkWindow *window)
{
  SigapConnectDialog *self = SIGAP_CONNECT_DIALOG (window);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sigap_connect_dialog_parent_class)->close_request (window);
}

static void
sigap_connect_dialog_dispose (GObject *object)
{
  SigapConnectDialog *self = SIGAP_CONNECT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_handle_id (&self->show_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (sigap_connect_dialog_parent_class)->dispose (object);
}

static void
sigap_connect_dialog_class_init (SigapConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_connect_dialog_dispose;
  window_class->close_request = sigap_connect_dialog_close_request;

  /**
   * SigapConnectDialog::connected:
   * @uri: the database opened, a libpq URI without password
   * @keyring_failed: whether a password was given that the keyring could not keep
   *
   * The database is open (sigap_connect_dialog_take_database ()); the dialog closes.
   */
  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/bekasikota/Sigap/sigap-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, server_group);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapConnectDialog, status_label);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sigap_connect_dialog_init (SigapConnectDialog *self)
{
  AdwEntryRow *rows[] = { NULL, NULL, NULL, NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  rows[0] = self->host_row;
  rows[1] = self->port_row;
  rows[2] = self->database_row;
  rows[3] = self->user_row;
  rows[4] = self->password_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (field_changed_cb), self);

  self->cancellable = g_cancellable_new ();
}

/**
 * sigap_connect_dialog_new:
 * @parent: the window it is for
 * @settings: (nullable): where the recent servers are kept
 *
 * Returns: (transfer none): the dialog, modal on @parent; present it
 */
SigapConnectDialog *
sigap_connect_dialog_new (GtkWindow *parent,
                          GSettings *settings)
{
  SigapConnectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SIGAP_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  fill_recent (self);

  return self;
}
