/* sigap-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a header bar with the view switcher (a switcher bar at the bottom when the
 * window is narrow) and the primary menu; under it either a status page (no database, no
 * data, an error), the demo being created, or the dashboard: the filter bar and the pages.
 *
 * Opening a database never blocks: a worker opens it (upgrading its schema if it must),
 * reads the data cut-off, the date the data start and the region tree, and the window then
 * sets its filter model (SigapFilterModel, which the filter bar and every page follow) and
 * hands every page the file and the region tree. The pages query on their own threads.
 * :busy is TRUE while anything is under way; `sigap screenshot` and the benchmark wait on it.
 *
 * The window remembers its size, the last database and the segment in GSettings, unless it
 * is not :persistent (a screenshot must not change the user's settings).
 *
 * The window's files share its state through sigap-window-private.h: this one holds the
 * object, the states and the actions; sigap-window-open.c opens a database,
 * sigap-window-demo.c makes the demo data, sigap-window-settled.c tells when all is drawn,
 * sigap-window-import.c and sigap-window-export.c import CSV files and export to Excel.
 */

#include <glib/gi18n.h>

#include "core/sigap-connection.h"
#include "core/sigap-format.h"
#include "sigap-briefing-dialog.h"
#include "sigap-budget-page.h"
#include "sigap-data-page.h"
#include "sigap-filter-bar.h"
#include "sigap-overview-page.h"
#include "sigap-page.h"
#include "sigap-wilayah-page.h"
#include "sigap-a11y.h"
#include "sigap-preferences-window.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

/* The spinner in the header bar shows only for work that takes long enough to notice. */
#define BUSY_SPINNER_DELAY_MS 300

G_DEFINE_FINAL_TYPE (SigapWindow, sigap_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---------------------------------------------------------------------------------------- */
/* Helpers.                                                                                 */

void
_sigap_window_foreach_page (SigapWindow *self,
                            void       (*func) (SigapWindow *self, SigapPage *page))
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (SIGAP_IS_PAGE (child))
        func (self, SIGAP_PAGE (child));
    }
}

static gboolean
compute_busy (SigapWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n;

  if (self->open_cancellable != NULL || self->demo_cancellable != NULL)
    return TRUE;

  /* Disposed: the pages are going away. */
  if (self->view_stack == NULL)
    return FALSE;

  pages = adw_view_stack_get_pages (self->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (SIGAP_IS_PAGE (child) && sigap_page_get_busy (SIGAP_PAGE (child)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
show_busy_spinner_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->busy_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  return G_SOURCE_REMOVE;
}

void
_sigap_window_update_busy (SigapWindow *self)
{
  gboolean busy = compute_busy (self);

  if (busy == self->busy || self->busy_spinner == NULL)
    return;

  self->busy = busy;
  g_clear_handle_id (&self->busy_source, g_source_remove);
  if (busy)
    self->busy_source = g_timeout_add (BUSY_SPINNER_DELAY_MS, show_busy_spinner_cb, self);
  else
    {
      gtk_spinner_stop (self->busy_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  _sigap_window_check_settled (self);
}

/* At the bottom when the header bar has no room for the switcher, on the dashboard only. */
static void
update_switcher_bar (SigapWindow *self)
{
  gboolean dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                  "dashboard") == 0;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, dashboard && narrow);
  /* Narrow, the title's subtitle names the database; wide, this does. */
  gtk_widget_set_visible (self->location_box,
                          !narrow && *gtk_label_get_text (self->location_label) != '\0');
}

/**
 * _sigap_window_set_location:
 * @path: the open database: a file, or a server's URI
 *
 * Names the open database in the header: a server's "DATABASE on HOST" (never its
 * password), a file's name (its whole path in the tooltip); under the title in a narrow
 * window, beside the switcher in a wide one.
 */
void
_sigap_window_set_location (SigapWindow *self,
                            const char  *path)
{
  gboolean server = sigap_database_path_is_server (path);
  g_autofree char *name = server ? sigap_connection_describe (path)
                                 : g_filename_display_basename (path);
  g_autofree char *tooltip = server ? g_strdup (name) : g_filename_display_name (path);

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  gtk_label_set_text (self->location_label, name);
  gtk_image_set_from_icon_name (self->location_icon, server ? "network-server-symbolic"
                                                            : "drive-harddisk-symbolic");
  gtk_widget_set_tooltip_text (self->location_box, tooltip);
  update_switcher_bar (self);
}

static gboolean
update_switcher_bar_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->switcher_idle = 0;
  update_switcher_bar (self);
  return G_SOURCE_REMOVE;
}

/* The title shows when the header bar is allocated too narrow for the switcher: reveal the
 * bar after that allocation, not in the middle of it (GTK warns about a child allocated a
 * height of -1 when animations are off). */
static void
title_visible_changed_cb (SigapWindow *self)
{
  if (self->switcher_idle == 0)
    self->switcher_idle = g_idle_add (update_switcher_bar_cb, self);
}

void
_sigap_window_set_state (SigapWindow *self,
                         const char  *state)
{
  gboolean dashboard = g_strcmp0 (state, "dashboard") == 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->main_stack, state);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.generate-briefing", dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-person",
                                 dashboard &&
                                 (self->capabilities & SIGAP_DATABASE_CAN_READ_PERSONAL) != 0);
  update_switcher_bar (self);

  if (g_strcmp0 (state, "loading") == 0)
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  _sigap_window_check_settled (self);
}

void
_sigap_window_set_error (SigapWindow  *self,
                         const GError *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

void
_sigap_window_show_status (SigapWindow *self,
                           const char  *icon_name,
                           const char  *title,
                           const char  *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  _sigap_window_set_state (self, "welcome");
}

void
_sigap_window_show_error (SigapWindow  *self,
                          const GError *error)
{
  _sigap_window_set_error (self, error);
  _sigap_window_show_status (self, "dialog-warning-symbolic", _("Cannot open the database"),
                             error->message);
}

void
_sigap_window_push_source (SigapWindow *self,
                           SigapPage   *page)
{
  sigap_page_set_regions (page, self->regions);
  if (self->db_path != NULL)
    sigap_page_set_source (page, self->db_path);
}

/* The pages follow the model themselves; the segment is remembered for the next session. */
static void
filter_changed_cb (SigapWindow *self)
{
  const SigapFilter *filter = sigap_filter_model_get_filter (self->filter_model);

  if (self->persistent && self->settings != NULL)
    g_settings_set_string (self->settings, "segment", sigap_segment_to_string (filter->segment));
}

static void
page_busy_changed_cb (SigapWindow *self)
{
  _sigap_window_update_busy (self);
}

/* Ctrl+F and Ctrl+I: the action, or, where the role connected may not do it, a toast that
 * says why (a shortcut to a disabled action would do nothing at all). */
static gboolean
operator_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  const char *action = g_variant_get_string (args, NULL);
  gboolean import = g_str_equal (action, "win.import");
  SigapDatabaseCapabilities needed = import ? SIGAP_DATABASE_CAN_IMPORT
                                            : SIGAP_DATABASE_CAN_READ_PERSONAL;

  if (self->db_path != NULL && (self->capabilities & needed) == 0)
    {
      _sigap_window_add_toast (self,
                               adw_toast_new (import
                                              ? _("Importing needs an operator’s role "
                                                  "(sigap_operator)")
                                              : _("Finding a person needs an operator’s role "
                                                  "(sigap_operator)")));
      return TRUE;
    }

  return gtk_widget_activate_action_variant (widget, action, NULL);
}

static void
page_query_failed_cb (SigapWindow  *self,
                      const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  _sigap_window_set_error (self, error);
  /* TRANSLATORS: a toast; %s is the reason */
  title = g_strdup_printf (_("Cannot compute the figures: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
connect_page (SigapWindow *self,
              SigapPage   *page)
{
  /* Every page follows the window's filter; the Wilayah page's drills set it. */
  sigap_page_set_filter_model (page, self->filter_model);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (page_busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "query-failed", G_CALLBACK (page_query_failed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---------------------------------------------------------------------------------------- */
/* Other actions.                                                                           */

static void
chooser_responded_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  SigapWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        sigap_window_open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
open_database_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("SIGAP databases"));
  gtk_file_filter_add_pattern (filter, "*.sigap");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
refresh_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autofree char *path = g_strdup (self->db_path);
  g_autoptr(SigapFilter) filter = NULL;

  if (path == NULL)
    return;

  /* Keep what the user is looking at: the same date (unless the data now end earlier), scope
   * and segment. */
  filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  _sigap_window_open (self, path, &filter->as_of, TRUE, filter->scope, filter->segment);
}

/**
 * _sigap_window_reload_after_import:
 * @db_path: the database an import wrote to
 *
 * Opens the database again, as win.refresh does, except that a date at the old cut-off
 * follows the data to the new one. Another database (one the import created) is opened anew.
 */
void
_sigap_window_reload_after_import (SigapWindow *self,
                                   const char  *db_path)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autofree char *path = g_strdup (db_path);
  GDate first, last;
  gboolean at_cutoff;

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (db_path != NULL);

  if (g_strcmp0 (path, self->db_path) != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") != 0)
    {
      sigap_window_open_database (self, path);
      return;
    }

  filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  sigap_filter_model_get_date_range (self->filter_model, &first, &last);
  at_cutoff = g_date_valid (&last) && g_date_compare (&filter->as_of, &last) == 0;
  _sigap_window_open (self, path, at_cutoff ? NULL : &filter->as_of, TRUE, filter->scope,
                 filter->segment);
}

void
_sigap_window_add_toast (SigapWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
briefing_saved_cb (SigapWindow *self,
                   GFile       *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, sigap_briefing_toast_new (file));
}

static void
generate_briefing_activated_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  SigapBriefingDialog *dialog;
  GDate first, last;

  if (self->db_path == NULL || self->region_codes == NULL)
    return;

  dialog = sigap_briefing_dialog_new (GTK_WINDOW (self), self->db_path,
                                      sigap_filter_model_get_filter (self->filter_model));
  sigap_briefing_dialog_set_regions (dialog, (const char * const *) self->region_codes,
                                     (const char * const *) self->region_names);
  sigap_filter_model_get_date_range (self->filter_model, &first, &last);
  sigap_briefing_dialog_set_date_range (dialog, &first, &last);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (briefing_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0)
    sigap_window_set_page (self, g_variant_get_string (parameter, NULL));
}

static gboolean
sigap_window_close_request (GtkWindow *window)
{
  SigapWindow *self = SIGAP_WINDOW (window);

  if (self->persistent && self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (sigap_window_parent_class)->close_request (window);
}

static void
sigap_window_dispose (GObject *object)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_handle_id (&self->busy_source, g_source_remove);
  g_clear_handle_id (&self->settled_idle, g_source_remove);
  g_clear_handle_id (&self->switcher_idle, g_source_remove);
  if (self->paint_handler != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_clear_signal_handler (&self->paint_handler, clock);
      self->paint_handler = 0;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  _sigap_window_import_clear_chooser (self);
  g_clear_object (&self->export_chooser);
  g_clear_weak_pointer (&self->recent_dialog);
  _sigap_window_unwatch (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_WINDOW);

  G_OBJECT_CLASS (sigap_window_parent_class)->dispose (object);
}

static void
sigap_window_finalize (GObject *object)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->filter_model);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->regions, sigap_regions_unref);
  g_clear_pointer (&self->region_codes, g_strfreev);
  g_clear_pointer (&self->region_names, g_strfreev);
  g_clear_pointer (&self->data_version, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->settled, g_array_unref);

  G_OBJECT_CLASS (sigap_window_parent_class)->finalize (object);
}

static void
sigap_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_STATE:
      g_value_set_string (value, sigap_window_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_window_class_init (SigapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_window_dispose;
  object_class->finalize = sigap_window_finalize;
  object_class->get_property = sigap_window_get_property;
  window_class->close_request = sigap_window_close_request;

  /**
   * SigapWindow:busy:
   *
   * Whether a database is being opened, the demo created, or the visible page computed.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SigapWindow:state:
   *
   * What the window shows: "loading", "welcome" (a status page: no database, no data, an
   * error), "progress" (the demo being created) or "dashboard".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIGAP_TYPE_FILTER_BAR);
  g_type_ensure (SIGAP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SIGAP_TYPE_BUDGET_PAGE);
  g_type_ensure (SIGAP_TYPE_WILAYAH_PAGE);
  g_type_ensure (SIGAP_TYPE_DATA_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sigap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, location_box);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, location_icon);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, location_label);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, budget_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL,
                                   _sigap_window_connect_server_activated);
  gtk_widget_class_install_action (widget_class, "win.connect-recent", "s",
                                   _sigap_window_connect_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL,
                                   _sigap_window_open_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-demo", NULL,
                                   _sigap_window_cancel_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   _sigap_window_import_activated);
  gtk_widget_class_install_action (widget_class, "win.generate-briefing", NULL,
                                   generate_briefing_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-excel", NULL,
                                   _sigap_window_export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-table", "(ss)",
                                   _sigap_window_export_table_activated);
  gtk_widget_class_install_action (widget_class, "win.find-person", NULL,
                                   _sigap_window_find_person_activated);
  gtk_widget_class_install_action (widget_class, "win.reload-data", NULL,
                                   _sigap_window_reload_data_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-excel", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                operator_shortcut_cb, "s", "win.find-person");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                operator_shortcut_cb, "s", "win.import");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "ringkasan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "anggaran");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
sigap_window_init (SigapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sigap_a11y_fix_access_keys (GTK_WIDGET (self));
  sigap_a11y_name_menu_button (self->menu_button, _("Main menu"));

  self->persistent = TRUE;
  self->capabilities = SIGAP_DATABASE_CAN_ALL;
  self->settled = g_array_new (FALSE, FALSE, sizeof (Settled));
  g_signal_connect (self, "map", G_CALLBACK (_sigap_window_mapped_cb), NULL);
  self->settings = sigap_settings_new_if_installed ();

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  _sigap_window_recent_servers_setup (self);

  /* Only with figures to brief on: _sigap_window_set_state() enables it on the dashboard. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.generate-briefing", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-person", FALSE);
  _sigap_window_import_setup (self);
  g_object_bind_property (self->import_button, "sensitive", self->import_button, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (title_visible_changed_cb), self);
  self->filter_model = sigap_filter_model_new ();
  sigap_filter_bar_set_model (self->filter_bar, self->filter_model);
  g_signal_connect_swapped (self->filter_model, "changed", G_CALLBACK (filter_changed_cb), self);
  _sigap_window_foreach_page (self, connect_page);

  _sigap_window_set_state (self, "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_switcher_bar (self);
}

SigapWindow *
sigap_window_new (SigapApplication *application)
{
  return g_object_new (SIGAP_TYPE_WINDOW, "application", application, NULL);
}

const char *
sigap_window_get_database (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->db_path;
}

/**
 * sigap_window_set_persistent:
 * @persistent: whether the window saves its size, the last database and the segment
 */
void
sigap_window_set_persistent (SigapWindow *self,
                             gboolean     persistent)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  self->persistent = !!persistent;
}

const SigapFilter *
sigap_window_get_filter (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return sigap_filter_model_get_filter (self->filter_model);
}

/**
 * sigap_window_set_filter:
 *
 * Shows the figures for @filter, as if the user had picked it in the filter bar.
 */
void
sigap_window_set_filter (SigapWindow       *self,
                         const SigapFilter *filter)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (filter != NULL);

  sigap_filter_model_set_filter (self->filter_model, filter);
}

gboolean
sigap_window_has_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  return name != NULL && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL;
}

/**
 * sigap_window_dup_page_names:
 *
 * Returns: (transfer full): the names of the pages, in order ("ringkasan", "anggaran", …)
 */
GStrv
sigap_window_dup_page_names (SigapWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  pages = adw_view_stack_get_pages (self->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_strv_builder_add (names, adw_view_stack_page_get_name (page));
    }

  return g_strv_builder_end (names);
}

/**
 * sigap_window_set_page:
 * @name: "ringkasan", "anggaran", …
 *
 * Returns: whether there is such a page
 */
gboolean
sigap_window_set_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  if (!sigap_window_has_page (self, name))
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

/**
 * sigap_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
sigap_window_get_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return name != NULL ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;
}

const char *
sigap_window_get_state (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
sigap_window_get_busy (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * sigap_window_get_error:
 *
 * Returns: (nullable): why the last database could not be opened or a figure computed
 */
const GError *
sigap_window_get_error (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->error;
}
