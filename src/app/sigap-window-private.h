/* sigap-window-private.h: what the window's files share, and what the tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sigap-import.h"
#include "sigap-import-dialog.h"
#include "sigap-window.h"

G_BEGIN_DECLS

/* sigap-window.c */
void               _sigap_window_reload_after_import (SigapWindow  *self,
                                                      const char   *db_path);

void               _sigap_window_add_toast           (SigapWindow  *self,
                                                      AdwToast     *toast);

/* sigap-window-export.c */
void               _sigap_window_export_activated    (GtkWidget    *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_export_to           (SigapWindow  *self,
                                                      GFile        *file);

/* sigap-window-find.c */
void               _sigap_window_find_person_activated (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);

/* sigap-window-import.c */
void               _sigap_window_import_activated    (GtkWidget    *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_import_setup        (SigapWindow  *self);
SigapImportDialog *_sigap_window_import_file         (SigapWindow  *self,
                                                      GFile        *file,
                                                      int           kind);
SigapImportDialog *_sigap_window_get_import_dialog   (SigapWindow  *self);

G_END_DECLS
