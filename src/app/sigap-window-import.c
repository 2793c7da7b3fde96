/* sigap-window-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing from the window: win.import (the menu, the welcome page, the Data page, Ctrl+I)
 * asks for a CSV file, and a CSV file dropped on the window goes the same way. Either opens a
 * SigapImportDialog on the window's database (or on a new one the dialog asks for); when the
 * import has written a batch, the window opens the database again, so that the figures, the
 * cut-off and the Data page show what came in, and turns to the Data page.
 *
 * One import at a time: the dialog is modal, and a second request while one runs brings the
 * first forward.
 */

#include <glib/gi18n.h>

#include "sigap-window-private.h"


static void
dialog_imported_cb (SigapImportDialog *dialog,
                    SigapWindow       *self)
{
  const char *db_path = sigap_import_dialog_get_db_path (dialog);

  if (db_path == NULL)
    return;

  _sigap_window_reload_after_import (self, db_path);
  sigap_window_set_page (self, "data");
}

static void
dialog_destroyed_cb (SigapImportDialog *dialog,
                     SigapWindow       *self)
{
  if (self->import_dialog == dialog)
    self->import_dialog = NULL;
}

/**
 * _sigap_window_get_import_dialog:
 *
 * Returns: (transfer none) (nullable): the import dialog open on the window
 */
SigapImportDialog *
_sigap_window_get_import_dialog (SigapWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  /* A closed dialog someone still holds is hidden, not yet destroyed. */
  dialog = GTK_WIDGET (self->import_dialog);
  return dialog != NULL && gtk_widget_get_visible (dialog) ? SIGAP_IMPORT_DIALOG (dialog) : NULL;
}

/**
 * _sigap_window_import_file:
 * @file: a CSV file
 * @kind: a #SigapImportKind to import at once, or -1 to let the user choose (the dialog
 *   guesses). Importing at once needs a database open in the window.
 *
 * Returns: (transfer none) (nullable): the import dialog, or %NULL when another import is
 *   under way (it is presented instead)
 */
SigapImportDialog *
_sigap_window_import_file (SigapWindow *self,
                           GFile       *file,
                           int          kind)
{
  SigapImportDialog *dialog;
  const char *db_path;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind >= -1 && kind <= SIGAP_IMPORT_PAYMENTS, NULL);

  dialog = _sigap_window_get_import_dialog (self);
  if (dialog != NULL && sigap_import_dialog_get_running (dialog))
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  db_path = sigap_window_get_database (self);
  dialog = sigap_import_dialog_new (GTK_WINDOW (self), file, db_path);
  self->import_dialog = dialog;
  g_signal_connect_object (dialog, "imported", G_CALLBACK (dialog_imported_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  if (kind >= 0 && db_path != NULL)
    sigap_import_dialog_start (dialog, kind);

  return dialog;
}

static void
chooser_responded_cb (GtkNativeDialog *chooser,
                      int              response,
                      SigapWindow     *self)
{
  g_autoptr(GtkNativeDialog) keep = g_object_ref (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  _sigap_window_import_clear_chooser (self);

  if (file != NULL)
    _sigap_window_import_file (self, file, -1);
}

/* Destroys the chooser of win.import, if one is open: when it answered, or with the window. */
void
_sigap_window_import_clear_chooser (SigapWindow *self)
{
  GtkFileChooserNative *chooser = g_steal_pointer (&self->import_chooser);

  if (chooser == NULL)
    return;

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

void
_sigap_window_import_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->import_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import a CSV file"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  self->import_chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".csv");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SigapWindow   *self)
{
  GdkFileList *list;
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = list != NULL ? gdk_file_list_get_files (list) : NULL;

  /* The first CSV file: a spreadsheet's other exports may come along. */
  for (GSList *l = files; l != NULL; l = l->next)
    if (is_csv (l->data))
      return _sigap_window_import_file (self, l->data, -1) != NULL;

  return FALSE;
}

/* Only files with a name that ends in .csv are taken; the drop is refused otherwise. */
static gboolean
accept_cb (GtkDropTarget *target,
           GdkDrop       *drop,
           SigapWindow   *self)
{
  SigapImportDialog *dialog = _sigap_window_get_import_dialog (self);

  if (dialog != NULL && sigap_import_dialog_get_running (dialog))
    return FALSE;
  /* A role that may not import (issue 11). */
  if ((self->capabilities & SIGAP_DATABASE_CAN_IMPORT) == 0)
    return FALSE;

  return gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

/* Drag and drop of a CSV file onto the window. */
void
_sigap_window_import_setup (SigapWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "accept", G_CALLBACK (accept_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
