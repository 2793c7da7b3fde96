/* sigap-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export to Excel…" (Ctrl+E): the tables of the current filter as a workbook, written by
 * src/report/sigap-export.c in a worker thread with its own read-only connection, then a
 * toast with "Open". The window stays usable meanwhile; a second export waits for the first.
 *
 * "Export to Excel…" on a table's menu (src/app/sigap-table-menu.c) activates
 * "win.export-table" with the table's key and the scope it shows: the same worker writes that
 * one table with sigap_export_write_table(). The participants of a kelurahan are for
 * operators: their export opens the database for writing, to record it, and fails with a
 * message on a database open read-only.
 */

#include <glib/gi18n.h>

#include "core/sigap-format.h"
#include "report/sigap-export.h"
#include "sigap-briefing-dialog.h"
#include "sigap-window-private.h"

typedef struct
{
  char        *db_path;
  SigapFilter *filter;
  SigapLang    lang;
  GFile       *file;
  gboolean     one_table;   /* only @table, not the whole workbook */
  SigapExportTable table;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  sigap_filter_free (job->filter);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;
  gboolean people = job->one_table && job->table == SIGAP_EXPORT_TABLE_PARTICIPANTS;
  gboolean ok;

  /* The participants' export is recorded in the database: it needs to write. */
  db = sigap_database_open (job->db_path,
                            people ? SIGAP_DATABASE_OPEN_DEFAULT : SIGAP_DATABASE_OPEN_READ_ONLY,
                            &error);
  if (db == NULL)
    ok = FALSE;
  else if (job->one_table)
    ok = sigap_export_write_table (db, job->filter, job->lang, job->table, path, cancellable,
                                   &error);
  else
    ok = sigap_export_write (db, job->filter, job->lang, SIGAP_EXPORT_XLSX, path, cancellable,
                             &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SigapWindow *self = SIGAP_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->export_running = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* TRANSLATORS: a toast; %s is the reason */
      title = g_strdup_printf (_("Export failed: %s"), error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      _sigap_window_add_toast (self, toast);
      return;
    }

  if (job->one_table && job->table == SIGAP_EXPORT_TABLE_PARTICIPANTS)
    /* TRANSLATORS: a toast after exporting a kelurahan's participants */
    _sigap_window_add_toast (self, sigap_file_toast_new (job->file,
                                                         _("Participant list saved, NIKs masked")));
  else
    _sigap_window_add_toast (self, sigap_file_toast_new (job->file, _("Workbook saved")));
}

static void
run_export (SigapWindow *self,
            ExportJob   *job)
{
  g_autoptr(GTask) task = NULL;

  self->export_running = TRUE;
  task = g_task_new (self, NULL, export_finished_cb, NULL);
  g_task_set_source_tag (task, _sigap_window_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static ExportJob *
export_job_new (SigapWindow *self,
                GFile       *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (sigap_window_get_database (self));
  job->filter = sigap_filter_copy (sigap_window_get_filter (self));
  job->lang = sigap_lang_from_locale ();
  job->file = g_object_ref (file);
  return job;
}

/**
 * _sigap_window_export_to:
 * @file: the workbook to write
 *
 * Exports the current filter's tables to @file in a worker; a toast tells the outcome.
 */
void
_sigap_window_export_to (SigapWindow *self,
                         GFile       *file)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (sigap_window_get_database (self) == NULL ||
      self->export_running)
    return;

  run_export (self, export_job_new (self, file));
}

/**
 * _sigap_window_export_table_to:
 * @table: the table
 * @scope: (nullable): the region code the table shows; %NULL or "" for the filter's
 * @file: the workbook to write
 *
 * Exports one table of the current filter (at @scope) to @file in a worker; a toast tells
 * the outcome.
 */
void
_sigap_window_export_table_to (SigapWindow      *self,
                               SigapExportTable  table,
                               const char       *scope,
                               GFile            *file)
{
  ExportJob *job;

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (table < SIGAP_EXPORT_TABLE_N);
  g_return_if_fail (G_IS_FILE (file));

  if (sigap_window_get_database (self) == NULL ||
      self->export_running)
    return;

  job = export_job_new (self, file);
  job->one_table = TRUE;
  job->table = table;
  if (scope != NULL && *scope != '\0')
    {
      g_free (job->filter->scope);
      job->filter->scope = g_strdup (scope);
    }
  run_export (self, job);
}

#define TABLE_KEY "sigap-export-table"
#define SCOPE_KEY "sigap-export-scope"

static void
chooser_responded_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  SigapWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *key = g_object_get_data (G_OBJECT (dialog), TABLE_KEY);
      SigapExportTable table;

      if (file != NULL && key != NULL && sigap_export_table_from_string (key, &table))
        _sigap_window_export_table_to (self, table,
                                       g_object_get_data (G_OBJECT (dialog), SCOPE_KEY), file);
      else if (file != NULL)
        _sigap_window_export_to (self, file);
    }

  g_clear_object (&self->export_chooser);
}

/* "sigap-32.75-2026-10-31-rentan.xlsx", "sigap-kecamatan-32.75-…": what the file holds, in
 * its name. */
static char *
suggested_name (const SigapFilter *filter,
                const char        *table_key,
                const char        *scope)
{
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);

  if (scope == NULL || *scope == '\0')
    scope = filter->scope != NULL ? filter->scope : SIGAP_CITY_CODE;
  return g_strdup_printf ("sigap-%s%s%s-%s-%s.xlsx",
                          table_key != NULL ? table_key : "", table_key != NULL ? "-" : "",
                          scope, as_of, sigap_segment_to_string (filter->segment));
}

static void
show_chooser (SigapWindow *self,
              const char  *table_key,
              const char  *scope)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (sigap_window_get_database (self) == NULL ||
      self->export_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (table_key != NULL ? _("Export the Table to Excel")
                                                           : _("Export to Excel"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (table_key != NULL)
    {
      g_object_set_data_full (G_OBJECT (chooser), TABLE_KEY, g_strdup (table_key), g_free);
      g_object_set_data_full (G_OBJECT (chooser), SCOPE_KEY, g_strdup (scope), g_free);
    }
  /* The window keeps the chooser until it answers. */
  self->export_chooser = chooser;
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = suggested_name (sigap_window_get_filter (self), table_key, scope);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_sigap_window_export_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  show_chooser (SIGAP_WINDOW (widget), NULL, NULL);
}

/* "win.export-table" ("(ss)": the table's key, the scope or "" for the filter's). */
void
_sigap_window_export_table_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  const char *key = NULL;
  const char *scope = NULL;
  SigapExportTable table;

  g_variant_get (parameter, "(&s&s)", &key, &scope);
  if (!sigap_export_table_from_string (key, &table))
    {
      g_warning ("Unknown table “%s” to export", key);
      return;
    }

  show_chooser (SIGAP_WINDOW (widget), key, scope);
}
