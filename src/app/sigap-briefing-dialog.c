/* sigap-briefing-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapBriefingDialog: "Generate briefing…". A modal window that asks what the PDF briefing
 * covers (the as-of date, area and segment, starting from the window's filter), its language
 * (remembered in the `report-language` key, independent of the program's locale), the sections,
 * the official's notes, who prepared it and where to save it; then writes it with
 * sigap_report_write_async() behind a progress bar and Cancel.
 *
 * The core writes a temporary file and renames it at the end, so neither Cancel nor a failure
 * leaves a half-written PDF behind. On success the dialog emits ::saved and closes; the window
 * shows sigap_briefing_toast_new() with "Open" and "Show in Folder". A failure is told in an
 * AdwMessageDialog and the form stays as it was, to fix the path and try again. Closing the
 * dialog while writing cancels, and the dialog goes once the worker has cleaned up.
 */

#include <glib/gi18n.h>
#include <time.h>

#include "core/sigap-format.h"
#include "report/sigap-report-strings.h"
#include "report/sigap-report.h"
#include "sigap-briefing-dialog.h"

typedef struct
{
  SigapReportSections  section;
  const char          *title;
  const char          *subtitle;
} SectionInfo;

static const SectionInfo section_infos[] = {
  { SIGAP_REPORT_SECTION_SUMMARY, N_("Executive summary"),
    N_("The headline figures and what they mean") },
  { SIGAP_REPORT_SECTION_ENROLLMENT, N_("Enrollment progress"),
    N_("Active participants month by month against the target") },
  { SIGAP_REPORT_SECTION_COVERAGE, N_("Coverage by area"),
    N_("Map, chart and table by kecamatan, or by kelurahan for a kecamatan") },
  { SIGAP_REPORT_SECTION_BREAKDOWN, N_("Sectors and desil"),
    N_("Who the programme reaches") },
  { SIGAP_REPORT_SECTION_BUDGET, N_("Budget realisation"),
    N_("Pagu, SP2D payments, absorption and the year-end projection") },
  { SIGAP_REPORT_SECTION_NOTES, N_("Notes"),
    N_("Data quality and the notes below") },
  { SIGAP_REPORT_SECTION_METHODOLOGY, N_("Methodology"),
    N_("Definitions, data sources and cut-off dates") },
};

#define N_SECTIONS G_N_ELEMENTS (section_infos)

struct _SigapBriefingDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  AdwPreferencesPage   *form_page;
  GtkMenuButton        *date_button;
  GtkCalendar          *calendar;
  AdwComboRow          *scope_row;
  AdwComboRow          *segment_row;
  AdwComboRow          *language_row;
  AdwPreferencesGroup  *sections_group;
  GtkTextView          *notes_view;
  AdwEntryRow          *prepared_by_row;
  AdwActionRow         *output_row;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkCheckButton       *section_checks[N_SECTIONS];

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  char                 *db_path;
  GStrv                 scope_codes;
  GStrv                 scope_names;
  char                 *output_path;
  GDate                 as_of;
  GDate                 first;
  GDate                 last;
  gboolean              output_chosen;   /* picked by the user: no more default names */
  gboolean              writing;
  gboolean              close_when_done;
  gboolean              updating;
  gboolean              disposed;        /* a write may still finish after dispose */
};

G_DEFINE_FINAL_TYPE (SigapBriefingDialog, sigap_briefing_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_WRITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------------------------- */
/* The form.                                                                                */

static SigapLang
selected_lang (SigapBriefingDialog *self)
{
  return adw_combo_row_get_selected (self->language_row) == 1 ? SIGAP_LANG_EN : SIGAP_LANG_ID;
}

static guint
selected_scope (SigapBriefingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->scope_row);

  return selected < g_strv_length (self->scope_codes) ? selected : 0;
}

static SigapReportSections
selected_sections (SigapBriefingDialog *self)
{
  SigapReportSections sections = 0;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (gtk_check_button_get_active (self->section_checks[i]))
      sections |= section_infos[i].section;

  return sections;
}

static void
update_actions (SigapBriefingDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "briefing.generate",
                                 !self->writing && self->output_path != NULL &&
                                 selected_sections (self) != 0);
  gtk_widget_action_set_enabled (widget, "briefing.choose-file", !self->writing);
}

static void
show_output_path (SigapBriefingDialog *self)
{
  g_autofree char *shown = NULL;

  if (self->output_path != NULL)
    shown = g_filename_display_name (self->output_path);

  adw_action_row_set_subtitle (self->output_row, shown != NULL ? shown : "");
  update_actions (self);
}

/* Where a briefing goes when nobody says: the documents folder, if there is one. */
static char *
default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_strdup (documents);

  return g_strdup (g_get_home_dir ());
}

/* "Laporan-SIGAP-Kota-Bekasi-2026-10-31.pdf": the area and the date, so that briefings for
 * other areas or months sit side by side; a number is added rather than overwrite a file. */
static char *
default_output_path (SigapBriefingDialog *self)
{
  const char *prefix = selected_lang (self) == SIGAP_LANG_EN ? "SIGAP-Briefing" : "Laporan-SIGAP";
  g_autofree char *folder = default_folder ();
  g_autofree char *date = sigap_date_to_iso (&self->as_of);
  g_autofree char *area = g_strdup (self->scope_names[selected_scope (self)]);
  g_autofree char *stem = NULL;
  char *path = NULL;

  g_strdelimit (area, " /\\:", '-');
  stem = g_strdup_printf ("%s-%s-%s", prefix, area, date);

  for (int n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.pdf", stem)
                                     : g_strdup_printf ("%s-%d.pdf", stem, n);

      g_free (path);
      path = g_build_filename (folder, name, NULL);
    }

  return path;
}

static void
name_changed_cb (SigapBriefingDialog *self)
{
  if (self->updating || self->output_chosen || self->scope_codes == NULL)
    return;

  g_free (self->output_path);
  self->output_path = default_output_path (self);
  show_output_path (self);
}

static void
show_as_of (SigapBriefingDialog *self)
{
  g_autofree char *text = sigap_format_date (&self->as_of, sigap_lang_from_locale (), TRUE);
  g_autoptr(GDateTime) date_time = g_date_time_new_local (g_date_get_year (&self->as_of),
                                                         g_date_get_month (&self->as_of),
                                                         g_date_get_day (&self->as_of),
                                                         0, 0, 0);

  gtk_menu_button_set_label (self->date_button, text);
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->updating = FALSE;
}

static void
day_selected_cb (SigapBriefingDialog *self)
{
  g_autoptr(GDateTime) picked = NULL;

  if (self->updating)
    return;

  picked = gtk_calendar_get_date (self->calendar);
  g_date_set_dmy (&self->as_of, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  /* Only the days the data cover: the calendar itself cannot be limited. */
  if (g_date_valid (&self->first) && g_date_valid (&self->last))
    g_date_clamp (&self->as_of, &self->first, &self->last);

  show_as_of (self);
  name_changed_cb (self);
}

static void
section_toggled_cb (SigapBriefingDialog *self)
{
  update_actions (self);
}

static void
build_sections (SigapBriefingDialog *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (section_toggled_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(section_infos[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(section_infos[i].subtitle));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sections_group, row);
      self->section_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static char *
dup_notes (SigapBriefingDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return *g_strstrip (text) != '\0' ? g_steal_pointer (&text) : NULL;
}

static SigapReportOptions *
options_from_form (SigapBriefingDialog *self)
{
  g_autoptr(SigapReportOptions) options = sigap_report_options_new ();
  g_autofree char *prepared_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                    self->prepared_by_row)));

  options->db_path = g_strdup (self->db_path);
  options->output_path = g_strdup (self->output_path);
  options->as_of = self->as_of;
  options->scope = g_strdup (self->scope_codes[selected_scope (self)]);
  options->segment = (SigapSegment) adw_combo_row_get_selected (self->segment_row);
  options->lang = selected_lang (self);
  options->sections = selected_sections (self);
  options->notes = dup_notes (self);
  if (*g_strstrip (prepared_by) != '\0')
    options->prepared_by = g_steal_pointer (&prepared_by);

  return g_steal_pointer (&options);
}

/* ---------------------------------------------------------------------------------------- */
/* Writing.                                                                                 */

static void
set_writing (SigapBriefingDialog *self,
             gboolean             writing)
{
  if (self->writing == writing)
    return;

  self->writing = writing;
  gtk_stack_set_visible_child_name (self->stack, writing ? "progress" : "form");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITING]);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SigapBriefingDialog *self = user_data;

  if (self->writing)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
show_failure (GtkWindow    *parent,
              const char   *heading,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SigapBriefingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_clear_object (&self->cancellable);
  if (self->disposed)
    return;
  set_writing (self, FALSE);

  if (sigap_report_write_finish (result, NULL, &error))
    {
      file = g_file_new_for_path (self->output_path);
      g_signal_emit (self, signals[SAVED], 0, file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_failure (GTK_WINDOW (self), _("Could not save the briefing"), error);
}

static void
generate_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (widget);
  g_autoptr(SigapReportOptions) options = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->writing || self->output_path == NULL || selected_sections (self) == 0)
    return;

  options = options_from_form (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "report-language", sigap_lang_to_string (options->lang));

  name = g_filename_display_basename (self->output_path);
  /* TRANSLATORS: under "Writing the briefing"; %s is the file name */
  text = g_strdup_printf (_("Saving as “%s”"), name);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  self->cancellable = g_cancellable_new ();
  set_writing (self, TRUE);
  /* The progress callback gets @self too: the reference lasts until the callback has run. */
  sigap_report_write_async (options, progress_cb, self, self->cancellable, write_finished_cb,
                            g_object_ref (self));
}

static void
cancel_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (widget);

  if (self->writing)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_responded_cb (GtkNativeDialog     *chooser,
                      int                  response,
                      SigapBriefingDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_free (self->output_path);
          /* "Open" needs the viewer to know the file for a PDF. */
          self->output_path = g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF")
                              ? g_steal_pointer (&path) : g_strconcat (path, ".pdf", NULL);
          self->output_chosen = TRUE;
          show_output_path (self);
        }
    }

  g_clear_object (&self->chooser);
}

static void
choose_file_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save briefing"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (self->output_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->output_path);

      folder = g_file_new_for_path (dir);
      name = g_path_get_basename (self->output_path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---------------------------------------------------------------------------------------- */
/* The toast.                                                                               */

static void
launch_failed (const GError *error)
{
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *parent = application != NULL ? gtk_application_get_active_window (application)
                                          : NULL;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_failure (parent, _("Could not open the briefing"), error);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    launch_failed (error);
}

static void
launch_uri (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gdk_display_get_default ());

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launched_cb, NULL);
}

static void
open_clicked_cb (AdwToast *toast)
{
  launch_uri (g_object_get_data (G_OBJECT (toast), "file"));
}

/* The file manager selects the file in its folder; without one on the bus, the folder opens. */
static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      g_debug ("FileManager1.ShowItems: %s", error->message);
      launch_uri (folder);
    }
}

static void
session_bus_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      launch_uri (folder);
      return;
    }

  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, show_items_cb,
                          g_steal_pointer (&file));
}

static void
show_in_folder_clicked_cb (GtkButton *button,
                           AdwToast  *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");

  g_bus_get (G_BUS_TYPE_SESSION, NULL, session_bus_cb, g_object_ref (file));
  adw_toast_dismiss (toast);
}

/**
 * sigap_briefing_toast_new:
 * @file: the briefing just saved
 *
 * "Briefing saved", with "Open" (the default PDF viewer) and "Show in Folder".
 *
 * Returns: (transfer full): the toast, for the window's toast overlay
 */
AdwToast *
sigap_briefing_toast_new (GFile *file)
{
  return sigap_file_toast_new (file, _("Briefing saved"));
}

/**
 * sigap_file_toast_new:
 * @file: a file just saved
 * @title: what it is: "Briefing saved", "Workbook saved"
 *
 * @title, with "Open" (the file's default application) and "Show in Folder".
 *
 * Returns: (transfer full): the toast, for the window's toast overlay
 */
AdwToast *
sigap_file_toast_new (GFile      *file,
                      const char *title)
{
  AdwToast *toast;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *button;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_clicked_cb), NULL);

  /* A toast has one button of its own: the second sits in the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  button = gtk_button_new_with_mnemonic (_("Show in _folder"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (show_in_folder_clicked_cb), toast);
  gtk_box_append (GTK_BOX (box), button);
  adw_toast_set_custom_title (toast, box);

  return toast;
}

/* ---------------------------------------------------------------------------------------- */

static gboolean
sigap_briefing_dialog_close_request (GtkWindow *window)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (window);

  /* The worker must finish removing its temporary file: go when it has. */
  if (self->writing)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sigap_briefing_dialog_parent_class)->close_request (window);
}

static void
sigap_briefing_dialog_dispose (GObject *object)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (object);

  /* Destroyed with its window while writing: the worker cleans up, and nobody is told. */
  self->disposed = TRUE;
  self->writing = FALSE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_BRIEFING_DIALOG);

  G_OBJECT_CLASS (sigap_briefing_dialog_parent_class)->dispose (object);
}

static void
sigap_briefing_dialog_finalize (GObject *object)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->scope_codes, g_strfreev);
  g_clear_pointer (&self->scope_names, g_strfreev);
  g_clear_pointer (&self->output_path, g_free);

  G_OBJECT_CLASS (sigap_briefing_dialog_parent_class)->finalize (object);
}

static void
sigap_briefing_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SigapBriefingDialog *self = SIGAP_BRIEFING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WRITING:
      g_value_set_boolean (value, self->writing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_briefing_dialog_class_init (SigapBriefingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_briefing_dialog_dispose;
  object_class->finalize = sigap_briefing_dialog_finalize;
  object_class->get_property = sigap_briefing_dialog_get_property;
  window_class->close_request = sigap_briefing_dialog_close_request;

  /**
   * SigapBriefingDialog:writing:
   *
   * Whether the briefing is being written.
   */
  properties[PROP_WRITING] =
    g_param_spec_boolean ("writing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapBriefingDialog::saved:
   * @file: the briefing written
   *
   * Emitted when the briefing has been written, just before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sigap-briefing-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, prepared_by_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBriefingDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "briefing.generate", NULL,
                                   generate_activated_cb);
  gtk_widget_class_install_action (widget_class, "briefing.cancel", NULL, cancel_activated_cb);
  gtk_widget_class_install_action (widget_class, "briefing.choose-file", NULL,
                                   choose_file_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "briefing.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "briefing.generate", NULL);
}

static void
sigap_briefing_dialog_init (SigapBriefingDialog *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  const char * const languages[] = { "Bahasa Indonesia", "English", NULL };
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (languages);
  g_autofree char *language = NULL;
  SigapLang lang = SIGAP_LANG_ID;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->as_of, 1);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  self->scope_codes = g_strsplit (SIGAP_CITY_CODE, ";", -1);
  self->scope_names = g_strsplit ("Kota Bekasi", ";", -1);

  /* An uninstalled build may run without the schema: the language is then not remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      language = g_settings_get_string (self->settings, "report-language");
      sigap_lang_parse (language, &lang);
    }

  self->updating = TRUE;
  for (SigapSegment s = SIGAP_SEGMENT_RENTAN; s <= SIGAP_SEGMENT_ALL; s++)
    gtk_string_list_append (segments, sigap_segment_get_label (s));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  adw_combo_row_set_selected (self->language_row, lang == SIGAP_LANG_EN ? 1 : 0);
  self->updating = FALSE;

  /* What the cover says when nobody changes it, so it shows before it is printed. */
  gtk_editable_set_text (GTK_EDITABLE (self->prepared_by_row),
                         sigap_report_string (lang, RT_DEFAULT_PREPARED_BY));

  build_sections (self);
  update_actions (self);
}

/**
 * sigap_briefing_dialog_new:
 * @parent: the window it belongs to
 * @db_path: the database the figures come from (the worker opens its own connection)
 * @filter: what the window shows: the briefing starts from the same date, area and segment
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
SigapBriefingDialog *
sigap_briefing_dialog_new (GtkWindow         *parent,
                           const char        *db_path,
                           const SigapFilter *filter)
{
  SigapBriefingDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_BRIEFING_DIALOG, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  self->as_of = filter->as_of;
  if (!g_date_valid (&self->as_of))
    g_date_set_time_t (&self->as_of, time (NULL));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->segment_row, (guint) filter->segment);
  self->updating = FALSE;

  sigap_briefing_dialog_set_regions (self, (const char * const *) self->scope_codes,
                                     (const char * const *) self->scope_names);
  if (filter->scope != NULL)
    for (guint i = 0; self->scope_codes[i] != NULL; i++)
      if (g_strcmp0 (self->scope_codes[i], filter->scope) == 0)
        adw_combo_row_set_selected (self->scope_row, i);

  show_as_of (self);
  name_changed_cb (self);

  return self;
}

/**
 * sigap_briefing_dialog_set_regions:
 * @codes: (array zero-terminated=1): the areas a briefing may cover, the city first
 * @names: (array zero-terminated=1): their names
 *
 * Keeps the area selected if it is still offered, else selects the city.
 */
void
sigap_briefing_dialog_set_regions (SigapBriefingDialog *self,
                                   const char * const  *codes,
                                   const char * const  *names)
{
  g_autofree char *selected = NULL;
  g_autoptr(GtkStringList) model = NULL;
  GStrv new_codes;
  GStrv new_names;
  guint position = 0;

  g_return_if_fail (SIGAP_IS_BRIEFING_DIALOG (self));
  g_return_if_fail (codes != NULL && codes[0] != NULL && names != NULL);
  g_return_if_fail (g_strv_length ((GStrv) codes) == g_strv_length ((GStrv) names));

  selected = g_strdup (self->scope_codes[selected_scope (self)]);
  new_codes = g_strdupv ((GStrv) codes);
  new_names = g_strdupv ((GStrv) names);
  g_strfreev (self->scope_codes);
  g_strfreev (self->scope_names);
  self->scope_codes = new_codes;
  self->scope_names = new_names;

  for (guint i = 0; self->scope_codes[i] != NULL; i++)
    if (g_strcmp0 (self->scope_codes[i], selected) == 0)
      position = i;

  model = gtk_string_list_new ((const char * const *) self->scope_names);
  self->updating = TRUE;
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->scope_row, position);
  self->updating = FALSE;
  name_changed_cb (self);
}

/**
 * sigap_briefing_dialog_set_date_range:
 * @first: the first day with data
 * @last: the data cut-off
 *
 * The as-of dates offered; the one selected is brought within them.
 */
void
sigap_briefing_dialog_set_date_range (SigapBriefingDialog *self,
                                      const GDate         *first,
                                      const GDate         *last)
{
  g_return_if_fail (SIGAP_IS_BRIEFING_DIALOG (self));
  g_return_if_fail (first != NULL && last != NULL);

  if (!g_date_valid (first) || !g_date_valid (last) || g_date_compare (first, last) > 0)
    return;

  self->first = *first;
  self->last = *last;
  g_date_clamp (&self->as_of, &self->first, &self->last);
  show_as_of (self);
  name_changed_cb (self);
}

/**
 * sigap_briefing_dialog_set_output_path:
 * @path: (type filename): where to save the briefing, as if chosen in the file chooser
 */
void
sigap_briefing_dialog_set_output_path (SigapBriefingDialog *self,
                                       const char          *path)
{
  g_return_if_fail (SIGAP_IS_BRIEFING_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->output_path);
  self->output_path = g_strdup (path);
  self->output_chosen = TRUE;
  show_output_path (self);
}

/**
 * sigap_briefing_dialog_get_output_path:
 *
 * Returns: (type filename) (nullable): where the briefing will be saved
 */
const char *
sigap_briefing_dialog_get_output_path (SigapBriefingDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_BRIEFING_DIALOG (self), NULL);

  return self->output_path;
}

gboolean
sigap_briefing_dialog_get_writing (SigapBriefingDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_BRIEFING_DIALOG (self), FALSE);

  return self->writing;
}
