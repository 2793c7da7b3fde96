/* sigap-import-dialog.h: importing one CSV file from the window, and saving rejected lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sigap-import.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_IMPORT_DIALOG (sigap_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SigapImportDialog, sigap_import_dialog, SIGAP, IMPORT_DIALOG, AdwWindow)

SigapImportDialog       *sigap_import_dialog_new           (GtkWindow          *parent,
                                                            GFile              *file,
                                                            const char         *db_path);
void                     sigap_import_dialog_start         (SigapImportDialog  *self,
                                                            SigapImportKind     kind);
SigapImportKind          sigap_import_dialog_get_kind      (SigapImportDialog  *self);
gboolean                 sigap_import_dialog_get_running   (SigapImportDialog  *self);
gboolean                 sigap_import_dialog_get_finished  (SigapImportDialog  *self);
const char              *sigap_import_dialog_get_db_path   (SigapImportDialog  *self);
SigapImportResult       *sigap_import_dialog_get_result    (SigapImportDialog  *self);
const GError            *sigap_import_dialog_get_error     (SigapImportDialog  *self);

char                    *sigap_import_mask_digits          (const char         *text);
gboolean                 sigap_import_guess_kind           (const char         *header,
                                                            SigapImportKind    *out_kind);

void                     sigap_import_save_rejects_async   (const char         *db_path,
                                                            gint64              batch_id,
                                                            GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean                 sigap_import_save_rejects_finish  (GAsyncResult       *result,
                                                            GError            **error);
void                     sigap_import_save_rejects_interactive (GtkWidget      *widget,
                                                            const char         *db_path,
                                                            gint64              batch_id,
                                                            const char         *source_name);

G_END_DECLS
