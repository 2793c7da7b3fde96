/* sigap-window-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window does about the role it works under and about the other people working on
 * the same database (issue 11).
 *
 * The role: the opening asks the database what the connected role may do
 * (sigap_database_get_capabilities ()), and the window offers only that. A viewer
 * (sigap_viewer) sees every figure page, writes briefings and exports the figures; the
 * import, the person search, the participant list and the rejected lines are not offered,
 * and where they would be, one line says that they need an operator's role. The server
 * refuses them regardless: this only spares the user a door that cannot open.
 *
 * Others' commits: the window holds a SigapDataWatch on the database it shows. When the watch
 * hears of a commit, a worker reads the data version (sigap_database_get_data_version ());
 * when it differs from the one of the figures shown, a bar under the header says "New data
 * available" with Reload, and stays until it is acted on. The window's own import or demo
 * reloads the window itself: a change heard while it runs, or while the window opens the
 * database again, is checked once the figures are reloaded, against their new version, so it
 * never shows the bar.
 */

#include "core/sigap-data-watch.h"
#include "core/sigap-database.h"
#include "sigap-data-page.h"
#include "sigap-wilayah-page.h"
#include "sigap-query.h"
#include "sigap-window-private.h"

/* A check that meets the window's own import under way looks again this much later. */
#define RETRY_MS 250

static void check_version (SigapWindow *self);

static gboolean
own_write_running (SigapWindow *self)
{
  SigapImportDialog *dialog = _sigap_window_get_import_dialog (self);

  return self->open_cancellable != NULL || self->demo_cancellable != NULL ||
         (dialog != NULL && sigap_import_dialog_get_running (dialog));
}

static gboolean
retry_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->version_retry = 0;
  check_version (self);
  return G_SOURCE_REMOVE;
}

/* In a worker, on one of the window's kept read-only connections. */
static gpointer
read_version (SigapDatabase      *db,
              const SigapFilter  *filter,
              gpointer            data,
              GCancellable       *cancellable,
              GError            **error)
{
  return sigap_database_get_data_version (db, error);
}

static void
version_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SigapWindow *self = SIGAP_WINDOW (object);
  g_autofree char *path = user_data;
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;

  version = sigap_query_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->version_cancellable);

  if (version == NULL)
    {
      /* The window's own connection says what is wrong when the figures load next. */
      g_debug ("Cannot read the data version of %s: %s", path, error->message);
      return;
    }

  if (g_strcmp0 (path, self->db_path) != 0)
    return;

  /* The window's own import or opening: the reload that follows brings the new version,
   * which this is then checked against. */
  if (own_write_running (self))
    {
      self->change_pending = TRUE;
      if (self->open_cancellable == NULL && self->version_retry == 0)
        self->version_retry = g_timeout_add (RETRY_MS, retry_cb, self);
      return;
    }

  if (g_strcmp0 (version, self->data_version) != 0)
    gtk_widget_set_visible (self->banner, TRUE);

  if (self->change_pending)
    check_version (self);
}

/* Reads the data version if a change is pending and nothing else is under way. */
static void
check_version (SigapWindow *self)
{
  if (!self->change_pending || self->db_path == NULL || self->version_cancellable != NULL)
    return;
  if (self->open_cancellable != NULL)
    return;   /* _sigap_window_watch_database () looks again once it is open */

  self->change_pending = FALSE;
  self->version_cancellable = g_cancellable_new ();
  sigap_query_run_async (self, self->db_path, sigap_filter_model_get_filter (self->filter_model),
                         read_version, NULL, NULL, g_free, self->version_cancellable,
                         version_read_cb, g_strdup (self->db_path));
}

static void
data_changed_cb (SigapDataWatch *watch,
                 SigapWindow    *self)
{
  self->change_pending = TRUE;
  check_version (self);
}

/**
 * _sigap_window_watch_database:
 * @path: the database the window now shows
 * @version: (nullable): the data version of the figures it shows
 *
 * Called when the window has opened @path: watches it for others' commits, unless it does
 * already, and takes the figures as current.
 */
void
_sigap_window_watch_database (SigapWindow *self,
                              const char  *path,
                              const char  *version)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->data_version);
  self->data_version = g_strdup (version);
  gtk_widget_set_visible (self->banner, FALSE);

  if (self->watch == NULL || g_strcmp0 (self->watch_path, path) != 0)
    {
      g_autoptr(GError) error = NULL;

      _sigap_window_unwatch (self);
      self->watch = sigap_data_watch_new (path, &error);
      if (self->watch == NULL)
        {
          /* The figures still work; only the news of others' imports does not come. */
          g_debug ("%s", error->message);
          return;
        }
      self->watch_path = g_strdup (path);
      g_signal_connect (self->watch, "changed", G_CALLBACK (data_changed_cb), self);
    }

  /* A change heard while the database was being opened may be newer than what it read. */
  check_version (self);
}

/* Stops watching (another database, or the window is going). */
void
_sigap_window_unwatch (SigapWindow *self)
{
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_pointer (&self->watch_path, g_free);
  g_cancellable_cancel (self->version_cancellable);
  g_clear_object (&self->version_cancellable);
  g_clear_handle_id (&self->version_retry, g_source_remove);
  self->change_pending = FALSE;
}

/* win.reload-data, the bar's Reload: the figures with the new data, on the same page, with
 * the same filter (a date at the old cut-off follows the data to the new one). */
void
_sigap_window_reload_data_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  gtk_widget_set_visible (self->banner, FALSE);
  if (self->db_path != NULL)
    _sigap_window_reload_after_import (self, self->db_path);
}

/* ---------------------------------------------------------------------------------------- */
/* The role.                                                                                */

/**
 * _sigap_window_set_capabilities:
 * @capabilities: what the role connected to the database shown may do
 * @role: (nullable): the role, for the messages
 *
 * Offers only what @capabilities allow: the import, the person search, the participant list
 * and the rejected lines.
 */
void
_sigap_window_set_capabilities (SigapWindow               *self,
                                SigapDatabaseCapabilities  capabilities,
                                const char                *role)
{
  gboolean dashboard;

  g_return_if_fail (SIGAP_IS_WINDOW (self));

  self->capabilities = capabilities;
  dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 (capabilities & SIGAP_DATABASE_CAN_IMPORT) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-person",
                                 dashboard &&
                                 (capabilities & SIGAP_DATABASE_CAN_READ_PERSONAL) != 0);

  sigap_wilayah_page_set_capabilities (SIGAP_WILAYAH_PAGE (sigap_window_get_page (self,
                                                                                  "wilayah")),
                                       capabilities, role);
  sigap_data_page_set_capabilities (SIGAP_DATA_PAGE (sigap_window_get_page (self, "data")),
                                    capabilities, role);
}

/**
 * sigap_window_get_capabilities:
 *
 * Returns: what the role may do on the database shown (everything before one is open)
 */
SigapDatabaseCapabilities
sigap_window_get_capabilities (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), 0);

  return self->capabilities;
}

/**
 * sigap_window_get_new_data:
 *
 * Returns: whether the bar "New data available" shows: another connection committed data
 *   the figures do not show yet
 */
gboolean
sigap_window_get_new_data (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->banner);
}
