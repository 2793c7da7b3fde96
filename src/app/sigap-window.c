/* sigap-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a status page until a database is open, then the overview of the
 * headline figures as of the database's data cut-off.
 */

#include <glib/gi18n.h>

#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-window.h"

struct _SigapWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkLabel             *heading_label;
  GtkLabel             *subheading_label;
  GtkFlowBox           *cards;

  GSettings            *settings;
  SigapDatabase        *db;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SigapWindow, sigap_window, ADW_TYPE_APPLICATION_WINDOW)

/* GSettings aborts on a missing schema; an uninstalled build without one still runs. */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
add_card (SigapWindow *self,
          const char  *title,
          const char  *value,
          const char  *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (title_label, 12);
  gtk_widget_set_margin_start (title_label, 12);
  gtk_widget_set_margin_start (value_label, 12);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_widget_add_css_class (value_label, "title-1");
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);

  if (detail != NULL)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_widget_set_margin_start (detail_label, 12);
      gtk_widget_set_margin_end (detail_label, 12);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (box), detail_label);
    }

  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_flow_box_append (self->cards, box);
}

static char *
format_optional_percent (double pct, gboolean defined, SigapLang lang)
{
  return defined ? sigap_format_percent (pct, 1, lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static void
show_summary (SigapWindow        *self,
              const SigapSummary *summary)
{
  SigapLang lang = sigap_lang_from_locale ();
  g_autofree char *as_of = sigap_format_date (&summary->as_of, lang, FALSE);
  g_autofree char *active = sigap_format_count (summary->active, lang);
  g_autofree char *target = summary->has_target ? sigap_format_count (summary->target, lang)
                                                : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *coverage = format_optional_percent (summary->coverage_pct,
                                                       summary->has_coverage, lang);
  g_autofree char *pagu = summary->has_pagu ? sigap_format_rupiah_short (summary->pagu, lang)
                                            : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *realised = sigap_format_rupiah_short (summary->realised, lang);
  g_autofree char *absorption = format_optional_percent (summary->absorption_pct,
                                                         summary->has_absorption, lang);
  g_autofree char *remaining = summary->has_pagu ? sigap_format_rupiah_short (summary->remaining, lang)
                                                 : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *quota = summary->has_quota ? sigap_format_count (summary->quota, lang)
                                              : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *projected = sigap_format_rupiah_short (summary->projected_year_end, lang);
  g_autofree char *subheading = NULL;
  g_autofree char *absorption_detail = NULL;
  g_autofree char *projection_detail = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);

  gtk_label_set_label (self->heading_label, summary->scope_name);
  /* TRANSLATORS: "Vulnerable workers · as of 31 October 2026" */
  subheading = g_strdup_printf (_("%s · as of %s"), sigap_segment_get_label (summary->segment),
                                as_of);
  gtk_label_set_label (self->subheading_label, subheading);

  absorption_detail = g_strdup_printf (_("Absorption %s of the pagu"), absorption);
  projection_detail = g_strdup_printf (_("Projected year-end spending %s"), projected);

  add_card (self, _("Active participants"), active, NULL);
  add_card (self, _("Target"), target, NULL);
  add_card (self, _("Coverage"), coverage, _("Active participants as a share of the target"));
  add_card (self, _("Pagu"), pagu, NULL);
  add_card (self, _("Realised"), realised, absorption_detail);
  add_card (self, _("Remaining"), remaining, projection_detail);
  add_card (self, _("Quota"), quota, _("More workers the remaining pagu can cover to 31 December"));
}

static void
show_error (SigapWindow  *self,
            const GError *error)
{
  adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->status_page, _("Cannot Open the Database"));
  adw_status_page_set_description (self->status_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static gboolean
refresh (SigapWindow  *self,
         GError      **error)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(SigapSummary) summary = NULL;
  GDate as_of;

  if (!sigap_database_get_cutoff (self->db, &as_of))
    {
      adw_status_page_set_title (self->status_page, _("No Data Yet"));
      adw_status_page_set_description (self->status_page,
                                       _("This database holds no participants or payments yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }

  filter = sigap_filter_new (&as_of, SIGAP_CITY_CODE, SIGAP_SEGMENT_RENTAN);
  summary = sigap_figures_summary (self->db, filter, error);
  if (summary == NULL)
    return FALSE;

  show_summary (self, summary);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  return TRUE;
}

gboolean
sigap_window_open_database (SigapWindow *self,
                            const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = sigap_database_open (path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  g_set_object (&self->db, db);
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", path);

  if (!refresh (self, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

void
sigap_window_open_last_database (SigapWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SIGAP_IS_WINDOW (self));

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-database");

  if (path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_EXISTS))
    sigap_window_open_database (self, path);
}

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

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("SIGAP databases"));
  gtk_file_filter_add_pattern (filter, "*.sigap");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sigap_window_dispose (GObject *object)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_WINDOW);

  G_OBJECT_CLASS (sigap_window_parent_class)->dispose (object);
}

static void
sigap_window_class_init (SigapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sigap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, cards);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
}

static void
sigap_window_init (SigapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
}

SigapWindow *
sigap_window_new (SigapApplication *application)
{
  return g_object_new (SIGAP_TYPE_WINDOW, "application", application, NULL);
}
