/* sigap-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapImportDialog: one CSV file imported from the window. It asks what the file holds
 * (participants, targets, budget or payments), with a guess made by trying the file's header
 * line against each kind, as the importer itself would; asks where to create the database
 * when none is open; runs sigap_importer_run_async() with a progress bar and Cancel; then
 * shows the counts, the first rejected lines and "Save rejected lines…".
 *
 * The import is one transaction in src/core: Cancel, or closing the dialog, rolls it back, and
 * the dialog stays until the worker has finished doing so. ::imported tells the window that
 * the database changed, so that it reloads its figures.
 */

#include <glib/gi18n.h>
#include <inttypes.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "core/sigap-import-log.h"
#include "core/sigap-nik.h"
#include "core/sigap-private-file.h"
#include "sigap-import-dialog.h"

/* Rejected lines shown in the summary; the Data page and the saved file have them all. */
#define SUMMARY_REJECTIONS 5

/* Enough for any header line an office sends. */
#define HEADER_READ_SIZE (64 * 1024)

#define N_KINDS (SIGAP_IMPORT_PAYMENTS + 1)

struct _SigapImportDialog
{
  AdwWindow             parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkWidget            *close_button;
  GtkStack             *stack;
  GtkWidget            *kind_checks[N_KINDS];
  GtkLabel             *guess_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *progress_page;
  GtkImage             *summary_icon;
  GtkLabel             *summary_title;
  GtkLabel             *summary_description;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *ignored_group;
  AdwActionRow         *ignored_row;
  AdwPreferencesGroup  *rejections_group;
  GPtrArray            *rejection_rows;
  GtkLabel             *count_labels[6];

  GFile                *file;
  char                 *display_name;
  char                 *db_path;
  SigapImportKind       kind;
  SigapImporter        *importer;
  GCancellable         *cancellable;          /* the import */
  GCancellable         *guess_cancellable;
  GtkFileChooserNative *chooser;
  SigapImportResult    *result;
  GError               *error;
  gboolean              running;
  guint                 pulse_id;             /* while what was read is saved */
  gboolean              finished;
  gboolean              close_when_done;
  SigapLang             lang;
};

G_DEFINE_FINAL_TYPE (SigapImportDialog, sigap_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The workers hold the dialog weakly: a dialog destroyed with its window must not outlive
 * it, and its dispose cancels what is under way. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

static const char *
kind_title (SigapImportKind kind)
{
  switch (kind)
    {
    case SIGAP_IMPORT_PARTICIPANTS:
      return _("Participants");
    case SIGAP_IMPORT_TARGETS:
      return _("Targets");
    case SIGAP_IMPORT_BUDGET:
      return _("Budget");
    case SIGAP_IMPORT_PAYMENTS:
      return _("Payments");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
kind_description (SigapImportKind kind)
{
  switch (kind)
    {
    case SIGAP_IMPORT_PARTICIPANTS:
      return _("A list of workers: NIK, name, kelurahan, sector, registration date");
    case SIGAP_IMPORT_TARGETS:
      return _("Enrollment targets by year, segment and region");
    case SIGAP_IMPORT_BUDGET:
      return _("The pagu by year, segment and source of funds");
    case SIGAP_IMPORT_PAYMENTS:
      return _("Premium payments to BPJS Ketenagakerjaan, one SP2D per line");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Guessing the kind from the header line.                                                  */

/**
 * sigap_import_guess_kind:
 * @header: the file's first line
 *
 * Tries @header against each kind as the importer reads it (names, aliases, any separator),
 * on a scratch in-memory database. May take a few milliseconds: call it from a worker.
 *
 * Returns: whether a kind has every column it needs in @header
 */
gboolean
sigap_import_guess_kind (const char      *header,
                         SigapImportKind *out_kind)
{
  /* Participants first: they are most of what is imported, and the other kinds' columns
   * are never all in a participant list. */
  static const SigapImportKind order[] = {
    SIGAP_IMPORT_PARTICIPANTS, SIGAP_IMPORT_PAYMENTS, SIGAP_IMPORT_TARGETS, SIGAP_IMPORT_BUDGET,
  };
  g_autoptr(SigapDatabase) db = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (out_kind != NULL, FALSE);

  db = sigap_database_open (":memory:", SIGAP_DATABASE_OPEN_CREATE, NULL);
  if (db == NULL)
    return FALSE;

  text = g_strconcat (header, "\n", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(SigapImporter) importer = sigap_importer_new (order[i]);
      g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (text, -1, NULL);
      g_autoptr(SigapImportResult) result = NULL;

      sigap_importer_set_dry_run (importer, TRUE);
      result = sigap_importer_run_stream (importer, db, input, "header.csv", -1, NULL, NULL);
      if (result != NULL)
        {
          *out_kind = order[i];
          return TRUE;
        }
    }

  return FALSE;
}

static void
guess_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  const char *data;
  gsize size;
  gsize end = 0;
  SigapImportKind kind;

  input = g_file_read (file, cancellable, &error);
  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (input), HEADER_READ_SIZE, cancellable,
                                     &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  while (end < size && data[end] != '\n' && data[end] != '\r')
    end++;
  header = g_strndup (data, end);

  if (sigap_import_guess_kind (header, &kind))
    g_task_return_int (task, kind);
  else
    g_task_return_int (task, -1);
}

static void
guess_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(SigapImportDialog) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  gssize kind = g_task_propagate_int (G_TASK (result), &error);

  weak_ref_free (ref);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->running || self->finished)
    return;

  if (error != NULL)
    {
      /* The import says so again, with the same words, if the user goes on. */
      gtk_label_set_label (self->guess_label, error->message);
      return;
    }

  if (kind < 0)
    {
      gtk_label_set_label (self->guess_label,
                           _("The column names match no kind completely: choose one, and the "
                             "summary will name the missing column."));
      return;
    }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[kind]), TRUE);
  gtk_label_set_label (self->guess_label, _("Guessed from the column names: check before "
                                            "importing."));
}

static void
start_guess (SigapImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  self->guess_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->guess_cancellable, guess_finished_cb, weak_ref_new (self));
  g_task_set_source_tag (task, start_guess);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, guess_in_thread);
}

/**
 * sigap_import_mask_digits:
 * @text: (nullable): a text from an imported file: a reason, a column name, a file name
 *
 * A NIK may turn up where it should not (a reason quoting a value, a header that is a number):
 * runs of 16 digits or more are masked with sigap_nik_mask() before any label shows them.
 *
 * Returns: (transfer full) (nullable): the text, masked
 */
char *
sigap_import_mask_digits (const char *text)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;

      if (p - start >= SIGAP_NIK_LENGTH)
        {
          g_autofree char *run = g_strndup (start, p - start);
          g_autofree char *masked = sigap_nik_mask (run);

          g_string_append (out, masked);
        }
      else
        g_string_append_len (out, start, p - start);

      if (*p != '\0' && !g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------------------------- */
/* Saving rejected lines.                                                                   */

typedef struct
{
  char   *db_path;
  gint64  batch_id;
  GFile  *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapPrivateOutput) output = NULL;
  g_autofree char *path = g_file_get_path (data->file);
  GError *error = NULL;

  db = sigap_database_open (data->db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Full NIKs: a private file (0600), written beside and renamed into place when all was
   * written; a failed write leaves the file as it was before, or no file. */
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Rejected lines can only be saved to a local file"));
      return;
    }

  output = sigap_private_output_new (path, &error);
  if (output == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!sigap_import_write_rejects (db, data->batch_id, sigap_private_output_get_stream (output),
                                   cancellable, &error) ||
      !sigap_private_output_commit (output, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sigap_import_save_rejects_async:
 * @db_path: the database
 * @batch_id: the import whose rejected lines to save
 * @file: the CSV file to write; replaced
 *
 * Writes the rejected lines of an import, with the line numbers and the reasons, in a worker.
 */
void
sigap_import_save_rejects_async (const char          *db_path,
                                 gint64               batch_id,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->db_path = g_strdup (db_path);
  data->batch_id = batch_id;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_import_save_rejects_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
sigap_import_save_rejects_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GWeakRef  widget;
  char     *db_path;
  gint64    batch_id;
  GFile    *file;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_weak_ref_clear (&request->widget);
  g_free (request->db_path);
  g_clear_object (&request->file);
  g_free (request);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&request->widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *overlay;

  sigap_import_save_rejects_finish (result, &error);
  if (widget == NULL)
    {
      save_request_free (request);
      return;
    }

  name = g_file_get_basename (request->file);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog;

      /* TRANSLATORS: %s is a file name */
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot save the rejected lines"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (overlay != NULL)
    {
      g_autofree char *title = NULL;

      /* TRANSLATORS: a toast; %s is a file name */
      title = g_strdup_printf (_("Rejected lines saved to “%s”"), name);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }

  save_request_free (request);
}

static void
save_chooser_responded_cb (GtkNativeDialog *chooser,
                           int              response,
                           gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      request->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (request->file != NULL)
        {
          sigap_import_save_rejects_async (request->db_path, request->batch_id, request->file,
                                           NULL, save_finished_cb, request);
          request = NULL;
        }
    }

  g_clear_pointer (&request, save_request_free);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * sigap_import_save_rejects_interactive:
 * @widget: what the file chooser is for; a toast in its #AdwToastOverlay says it is done
 * @source_name: (nullable): the name of the imported file, to suggest a name from
 *
 * "Save rejected lines…": asks where, then writes them; says so if that fails.
 */
void
sigap_import_save_rejects_interactive (GtkWidget  *widget,
                                       const char *db_path,
                                       gint64      batch_id,
                                       const char *source_name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *stem = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  SaveRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (db_path != NULL);

  stem = g_strdup (source_name != NULL && *source_name != '\0' ? source_name : "import.csv");
  if (g_str_has_suffix (stem, ".csv") || g_str_has_suffix (stem, ".CSV"))
    stem[strlen (stem) - 4] = '\0';
  /* TRANSLATORS: the file name suggested for the rejected lines of “%s.csv” */
  suggested = g_strdup_printf (_("%s-rejected.csv"), stem);

  chooser = gtk_file_chooser_native_new (_("Save rejected lines"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  request = g_new0 (SaveRequest, 1);
  g_weak_ref_init (&request->widget, widget);
  request->db_path = g_strdup (db_path);
  request->batch_id = batch_id;
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_responded_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------------------------------- */
/* The import.                                                                              */

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (data));
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (double   fraction,
             gint64   lines,
             gpointer user_data)
{
  g_autoptr(SigapImportDialog) self = g_weak_ref_get (user_data);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (self == NULL || !self->running)
    return;

  count = sigap_format_count (lines, self->lang);
  if (fraction == SIGAP_IMPORT_PROGRESS_SAVING)
    {
      /* The last seconds of a large import (its indexes, its tallies) move no count. */
      /* TRANSLATORS: under the progress bar of an import, once every line is read */
      text = g_strdup_printf (ngettext ("Saving %s line…", "Saving %s lines…", (gulong) lines),
                              count);
      gtk_progress_bar_set_text (self->progress_bar, text);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self->progress_bar);
      return;
    }

  /* TRANSLATORS: under the progress bar of an import */
  text = g_strdup_printf (ngettext ("%s line read", "%s lines read", (gulong) lines), count);
  gtk_progress_bar_set_text (self->progress_bar, text);

  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

static void
show_summary (SigapImportDialog *self)
{
  const SigapImportResult *result = self->result;
  g_autofree char *description = NULL;
  const char *title;
  const char *icon;

  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), result != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->rejections_group), FALSE);

  if (result == NULL)
    {
      if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          icon = "process-stop-symbolic";
          title = _("Import cancelled");
          description = g_strdup (_("Nothing was saved: the database is as it was before."));
        }
      else
        {
          icon = "dialog-warning-symbolic";
          title = _("Cannot import the file");
          description = g_strdup (self->error != NULL ? self->error->message : "");
        }
    }
  else
    {
      const gint64 values[] = {
        result->read, result->added, result->updated, result->unchanged, result->rejected,
        result->flagged,
      };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *text = sigap_format_count (values[i], self->lang);

          gtk_label_set_label (self->count_labels[i], text);
        }

      if (result->already_imported)
        {
          icon = "emblem-ok-symbolic";
          title = _("Already imported");
          description = g_strdup_printf (_("This file was already imported (import %" PRId64
                                           "); nothing changed."),
                                         (int64_t) result->batch_id);
        }
      else
        {
          g_autofree char *name = sigap_import_mask_digits (result->file_name);

          icon = result->rejected > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic";
          title = result->rejected > 0 ? _("Imported, with rejected lines") : _("Imported");
          /* TRANSLATORS: under the import summary's title: the file, then what it held */
          description = g_strdup_printf (_("%s · %s · import %" PRId64), name,
                                         kind_title (result->kind), (int64_t) result->batch_id);
        }

      if (result->ignored_columns != NULL && result->ignored_columns[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", result->ignored_columns);
          g_autofree char *names = sigap_import_mask_digits (joined);

          adw_action_row_set_subtitle (self->ignored_row, names);
          gtk_widget_set_visible (GTK_WIDGET (self->ignored_group), TRUE);
        }

      for (guint i = 0; i < self->rejection_rows->len; i++)
        adw_preferences_group_remove (self->rejections_group,
                                      g_ptr_array_index (self->rejection_rows, i));
      g_ptr_array_set_size (self->rejection_rows, 0);

      if (result->rejected > 0)
        {
          guint shown = MIN (result->rejections->len, SUMMARY_REJECTIONS);
          g_autofree char *total = sigap_format_count (result->rejected, self->lang);
          g_autofree char *group_description = NULL;

          for (guint i = 0; i < shown; i++)
            {
              const SigapImportRejection *rejection = g_ptr_array_index (result->rejections, i);
              g_autofree char *line = sigap_format_count (rejection->line, self->lang);
              g_autofree char *row_title = NULL;
              g_autofree char *reason = sigap_import_mask_digits (rejection->reason);
              GtkWidget *row = adw_action_row_new ();

              if (rejection->column != NULL)
                {
                  g_autofree char *column = sigap_import_mask_digits (rejection->column);

                  row_title = g_strdup_printf (_("Line %s · %s"), line, column);
                }
              else
                row_title = g_strdup_printf (_("Line %s"), line);

              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
              adw_preferences_group_add (self->rejections_group, row);
              g_ptr_array_add (self->rejection_rows, row);
            }

          if (shown < result->rejected)
            /* TRANSLATORS: above the first rejected lines: "The first 5 of 20; save them all
             * to fix them in a spreadsheet" */
            group_description = g_strdup_printf (_("The first %u of %s; save them all to fix "
                                                   "them and import them again."),
                                                 shown, total);
          else
            group_description = g_strdup (_("Save them to fix them and import them again."));

          adw_preferences_group_set_description (self->rejections_group, group_description);
          gtk_widget_set_visible (GTK_WIDGET (self->rejections_group), result->batch_id > 0);
        }
    }

  gtk_image_set_from_icon_name (self->summary_icon, icon);
  gtk_label_set_label (self->summary_title, title);
  gtk_label_set_label (self->summary_description, description);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_widget_set_visible (self->close_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  gtk_widget_grab_focus (self->close_button);
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *async_result,
                    gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(SigapImportDialog) self = g_weak_ref_get (ref);
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = sigap_importer_run_finish (SIGAP_IMPORTER (object), async_result, &error);
  weak_ref_free (ref);
  if (self == NULL)
    return;

  self->result = g_steal_pointer (&result);
  self->error = g_steal_pointer (&error);
  self->running = FALSE;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->finished = TRUE;
  g_clear_object (&self->cancellable);

  if (self->close_when_done)
    {
      g_signal_emit (self, signals[FINISHED], 0);
      if (self->result != NULL && !self->result->already_imported && self->result->batch_id > 0)
        g_signal_emit (self, signals[IMPORTED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  show_summary (self);

  if (self->result != NULL && !self->result->already_imported && self->result->batch_id > 0)
    g_signal_emit (self, signals[IMPORTED], 0);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
run_import (SigapImportDialog *self)
{
  g_autofree char *description = NULL;

  g_clear_object (&self->importer);
  self->importer = sigap_importer_new (self->kind);
  sigap_importer_set_progress_func (self->importer, progress_cb, weak_ref_new (self),
                                    weak_ref_free);

  /* TRANSLATORS: on the import's progress page: the file, then what it holds */
  description = g_strdup_printf (_("%s · %s"), self->display_name, kind_title (self->kind));
  adw_status_page_set_description (self->progress_page, description);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->import_button, FALSE);

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  sigap_importer_run_async (self->importer, self->db_path, self->file, self->cancellable,
                            import_finished_cb, weak_ref_new (self));
}

static void
db_chooser_responded_cb (GtkNativeDialog   *chooser,
                         int                response,
                         SigapImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    {
      self->db_path = g_file_get_path (file);
      if (self->db_path != NULL)
        run_import (self);
    }
}

/* The importer creates the database when missing: ask where. */
static void
choose_database (SigapImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;

  self->chooser = gtk_file_chooser_native_new (_("Create a database for the import"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("C_reate"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "sigap.sigap");
  folder_path = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder_path != NULL)
    {
      folder = g_file_new_for_path (folder_path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_filter_set_name (filter, _("SIGAP databases"));
  gtk_file_filter_add_pattern (filter, "*.sigap");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (db_chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_clicked_cb (SigapImportDialog *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->kind_checks[i])))
      self->kind = i;

  if (self->running || self->finished || self->chooser != NULL)
    return;

  g_cancellable_cancel (self->guess_cancellable);

  if (self->db_path == NULL)
    choose_database (self);
  else
    run_import (self);
}

static void
cancel_clicked_cb (SigapImportDialog *self)
{
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
save_rejects_clicked_cb (SigapImportDialog *self)
{
  if (self->result == NULL || self->result->batch_id <= 0 || self->db_path == NULL)
    return;

  sigap_import_save_rejects_interactive (GTK_WIDGET (self->rejections_group), self->db_path,
                                         self->result->batch_id, self->result->file_name);
}

/* ---------------------------------------------------------------------------------------- */
/* Building.                                                                                */

static GtkWidget *
clamped_page (GtkWidget *box)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  return scroller;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
build_kind_page (SigapImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name = wrapped_label (self->display_name, "title-2");

  gtk_box_append (GTK_BOX (box), name);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What does the file hold?"));
  for (guint i = 0; i < N_KINDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *columns = g_strjoinv (", ", (GStrv) sigap_import_kind_columns (i, TRUE));
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: a kind of file to import, then the columns it needs */
      subtitle = g_strdup_printf (_("%s\nColumns: %s"), kind_description (i), columns);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    GTK_CHECK_BUTTON (self->kind_checks[0]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->kind_checks[i] = check;
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[self->kind]), TRUE);
  gtk_box_append (GTK_BOX (box), group);

  self->guess_label = GTK_LABEL (wrapped_label (_("Reading the column names…"), "dim-label"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->guess_label));

  if (self->db_path == NULL)
    gtk_box_append (GTK_BOX (box),
                    wrapped_label (_("No database is open: you will choose where to create "
                                     "one."), "dim-label"));

  return clamped_page (box);
}

static GtkWidget *
build_progress_page (SigapImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->progress_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->progress_page, "document-open-symbolic");
  adw_status_page_set_title (self->progress_page, _("Importing…"));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_progress_bar_set_pulse_step (self->progress_bar, 0.05);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress_bar), 280, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), cancel);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  adw_status_page_set_child (self->progress_page, box);

  return GTK_WIDGET (self->progress_page);
}

static GtkWidget *
build_summary_page (SigapImportDialog *self)
{
  const char *count_titles[] = {
    _("Read"), _("Added"), _("Updated"), _("Unchanged"), _("Rejected"), _("Flagged"),
  };
  const char *count_subtitles[] = {
    _("Lines after the header"), _("New in the database"), _("Already there, now changed"),
    _("Already there, the same"), _("Not imported; see the reasons below"),
    _("Imported with a data-quality note"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *save;

  self->summary_icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->summary_icon, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "dim-label");
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->summary_icon));
  self->summary_title = GTK_LABEL (wrapped_label (NULL, "title-2"));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->summary_title));
  self->summary_description = GTK_LABEL (wrapped_label (NULL, NULL));
  gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->summary_description));
  gtk_box_append (GTK_BOX (box), heading);

  self->counts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (guint i = 0; i < G_N_ELEMENTS (count_titles); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count_titles[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count_subtitles[i]);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->counts_group, row);
      self->count_labels[i] = GTK_LABEL (label);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts_group));

  self->ignored_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->ignored_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ignored_row), _("Ignored columns"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->ignored_row), FALSE);
  adw_preferences_group_add (self->ignored_group, GTK_WIDGET (self->ignored_row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ignored_group));

  self->rejections_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->rejections_group, _("Rejected lines"));
  save = gtk_button_new_with_mnemonic (_("_Save rejected lines…"));
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_rejects_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->rejections_group, save);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rejections_group));

  return clamped_page (box);
}

static gboolean
sigap_import_dialog_close_request (GtkWindow *window)
{
  SigapImportDialog *self = SIGAP_IMPORT_DIALOG (window);

  /* Not until the worker has rolled back: the window must not reload a half-way state. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sigap_import_dialog_parent_class)->close_request (window);
}

static void
sigap_import_dialog_dispose (GObject *object)
{
  SigapImportDialog *self = SIGAP_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->guess_cancellable);
  g_clear_object (&self->guess_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (sigap_import_dialog_parent_class)->dispose (object);
}

static void
sigap_import_dialog_finalize (GObject *object)
{
  SigapImportDialog *self = SIGAP_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->importer);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->result, sigap_import_result_unref);
  g_clear_pointer (&self->rejection_rows, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sigap_import_dialog_parent_class)->finalize (object);
}

static void
sigap_import_dialog_class_init (SigapImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_import_dialog_dispose;
  object_class->finalize = sigap_import_dialog_finalize;
  window_class->close_request = sigap_import_dialog_close_request;

  /**
   * SigapImportDialog::imported:
   *
   * The database changed: a new import batch was written to it.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SigapImportDialog::finished:
   *
   * The import is over: done, failed or cancelled.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sigap_import_dialog_init (SigapImportDialog *self)
{
  self->lang = sigap_lang_from_locale ();
  self->kind = SIGAP_IMPORT_PARTICIPANTS;
  self->rejection_rows = g_ptr_array_new ();
}

/**
 * sigap_import_dialog_new:
 * @parent: the window
 * @file: the CSV file
 * @db_path: (nullable): the database to import into; %NULL to ask where to create one
 *
 * Returns: (transfer none): the dialog, asking what @file holds; present it
 */
SigapImportDialog *
sigap_import_dialog_new (GtkWindow  *parent,
                         GFile      *file,
                         const char *db_path)
{
  SigapImportDialog *self;
  GtkWidget *content;
  GtkWidget *header;
  g_autofree char *title = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SIGAP_TYPE_IMPORT_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 520,
                       "default-height", 640,
                       "width-request", 340,
                       "height-request", 294,
                       "title", _("Import"),
                       NULL);
  self->file = g_object_ref (file);
  self->display_name = g_file_get_basename (file);
  self->db_path = g_strdup (db_path);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Import"), NULL));

  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb),
                            self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);

  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb),
                            self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);

  self->close_button = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  gtk_widget_set_visible (self->close_button, FALSE);
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->close_button);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->stack, build_kind_page (self), "kind");
  gtk_stack_add_named (self->stack, build_progress_page (self), "progress");
  gtk_stack_add_named (self->stack, build_summary_page (self), "summary");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  start_guess (self);

  return self;
}

/**
 * sigap_import_dialog_start:
 * @kind: what the file holds
 *
 * Imports at once, as if the user had chosen @kind. The dialog must have a database.
 */
void
sigap_import_dialog_start (SigapImportDialog *self,
                           SigapImportKind    kind)
{
  g_return_if_fail (SIGAP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (kind < N_KINDS);
  g_return_if_fail (self->db_path != NULL);
  g_return_if_fail (!self->running && !self->finished);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[kind]), TRUE);
  import_clicked_cb (self);
}

SigapImportKind
sigap_import_dialog_get_kind (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), SIGAP_IMPORT_PARTICIPANTS);

  return self->kind;
}

gboolean
sigap_import_dialog_get_running (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), FALSE);

  return self->running;
}

gboolean
sigap_import_dialog_get_finished (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), FALSE);

  return self->finished;
}

/**
 * sigap_import_dialog_get_db_path:
 *
 * Returns: (nullable): the database imported into; %NULL until the user has chosen one
 */
const char *
sigap_import_dialog_get_db_path (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), NULL);

  return self->db_path;
}

/**
 * sigap_import_dialog_get_result:
 *
 * Returns: (transfer none) (nullable): what the import did, once finished without an error
 */
SigapImportResult *
sigap_import_dialog_get_result (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), NULL);

  return self->result;
}

/**
 * sigap_import_dialog_get_error:
 *
 * Returns: (nullable): why the import failed or stopped
 */
const GError *
sigap_import_dialog_get_error (SigapImportDialog *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORT_DIALOG (self), NULL);

  return self->error;
}
