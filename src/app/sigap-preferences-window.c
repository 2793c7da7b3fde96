/* sigap-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapPreferencesWindow: the languages. The window's language (the desktop's, Bahasa
 * Indonesia or English: many office desktops run in English) is the `interface-language` key,
 * applied by sigap_preferences_apply_language() when the program starts, since gettext and
 * every label already shown cannot switch while it runs: the row says so. The briefing's
 * default language is the `report-language` key that the briefing dialog also remembers.
 *
 * The rows are plain AdwComboRows over the keys' choices, so the window has no template.
 */

#include <glib/gi18n.h>

#include "sigap-preferences-window.h"

struct _SigapPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *interface_row;
  AdwComboRow          *report_row;
};

G_DEFINE_FINAL_TYPE (SigapPreferencesWindow, sigap_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The keys' values, in the rows' order. */
static const char * const interface_values[] = { "system", "id", "en" };
static const char * const report_values[] = { "id", "en" };

static guint
index_of (const char * const *values,
          guint               n_values,
          const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
interface_selected_cb (SigapPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->interface_row);

  if (selected < G_N_ELEMENTS (interface_values))
    g_settings_set_string (self->settings, "interface-language", interface_values[selected]);
}

static void
report_selected_cb (SigapPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->report_row);

  if (selected < G_N_ELEMENTS (report_values))
    g_settings_set_string (self->settings, "report-language", report_values[selected]);
}

static void
sigap_preferences_window_dispose (GObject *object)
{
  SigapPreferencesWindow *self = SIGAP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sigap_preferences_window_parent_class)->dispose (object);
}

static void
sigap_preferences_window_class_init (SigapPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_preferences_window_dispose;
}

static void
sigap_preferences_window_init (SigapPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* TRANSLATORS: the language choices; the language names stay in their own language */
  const char * const interface_names[] = { _("System language"), "Bahasa Indonesia", "English",
                                           NULL };
  const char * const report_names[] = { "Bahasa Indonesia", "English", NULL };
  g_autoptr(GtkStringList) interface_model = gtk_string_list_new (interface_names);
  g_autoptr(GtkStringList) report_model = gtk_string_list_new (report_names);

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 360);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");
  adw_preferences_group_set_title (group, _("Language"));

  self->interface_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->interface_row), _("Window language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interface_row),
                               _("Takes effect when SIGAP Dasbor is started again"));
  adw_combo_row_set_model (self->interface_row, G_LIST_MODEL (interface_model));
  adw_preferences_group_add (group, GTK_WIDGET (self->interface_row));

  self->report_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->report_row),
                                 _("Briefing language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->report_row),
                               _("The default for new PDF briefings"));
  adw_combo_row_set_model (self->report_row, G_LIST_MODEL (report_model));
  adw_preferences_group_add (group, GTK_WIDGET (self->report_row));

  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * sigap_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Returns: (transfer floating): the window, not yet shown
 */
SigapPreferencesWindow *
sigap_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  SigapPreferencesWindow *self;
  g_autofree char *interface = NULL;
  g_autofree char *report = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SIGAP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);

  interface = g_settings_get_string (settings, "interface-language");
  report = g_settings_get_string (settings, "report-language");
  adw_combo_row_set_selected (self->interface_row,
                              index_of (interface_values, G_N_ELEMENTS (interface_values),
                                        interface));
  adw_combo_row_set_selected (self->report_row,
                              index_of (report_values, G_N_ELEMENTS (report_values), report));

  g_signal_connect_swapped (self->interface_row, "notify::selected",
                            G_CALLBACK (interface_selected_cb), self);
  g_signal_connect_swapped (self->report_row, "notify::selected",
                            G_CALLBACK (report_selected_cb), self);
  return self;
}

/**
 * sigap_preferences_apply_language:
 *
 * Sets the language the window speaks from the `interface-language` key, before anything is
 * translated: LANGUAGE, which gettext and sigap_lang_from_locale() both read, so that words,
 * numbers and dates agree. "system" leaves the desktop's choice alone. Without the schema
 * (an uninstalled build run without GSETTINGS_SCHEMA_DIR) nothing changes.
 */
void
sigap_preferences_apply_language (void)
{
  g_autoptr(GSettings) settings = sigap_settings_new_if_installed ();
  g_autofree char *language = NULL;

  if (settings == NULL)
    return;

  language = g_settings_get_string (settings, "interface-language");
  if (g_strcmp0 (language, "id") == 0 || g_strcmp0 (language, "en") == 0)
    g_setenv ("LANGUAGE", language, TRUE);
}

/**
 * sigap_settings_new_if_installed:
 *
 * The application's settings, or %NULL when the schema is not installed (an uninstalled build
 * run without GSETTINGS_SCHEMA_DIR): GSettings would abort on a missing schema.
 *
 * Returns: (transfer full) (nullable): the settings
 */
GSettings *
sigap_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}
