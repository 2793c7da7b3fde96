/* sigap-briefing-dialog.h: "Generate briefing…", the PDF briefing written from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sigap-filter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_BRIEFING_DIALOG (sigap_briefing_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SigapBriefingDialog, sigap_briefing_dialog, SIGAP, BRIEFING_DIALOG, AdwWindow)

SigapBriefingDialog *sigap_briefing_dialog_new             (GtkWindow           *parent,
                                                            const char          *db_path,
                                                            const SigapFilter   *filter);
void                 sigap_briefing_dialog_set_regions     (SigapBriefingDialog *self,
                                                            const char * const  *codes,
                                                            const char * const  *names);
void                 sigap_briefing_dialog_set_date_range  (SigapBriefingDialog *self,
                                                            const GDate         *first,
                                                            const GDate         *last);
void                 sigap_briefing_dialog_set_output_path (SigapBriefingDialog *self,
                                                            const char          *path);
const char          *sigap_briefing_dialog_get_output_path (SigapBriefingDialog *self);
gboolean             sigap_briefing_dialog_get_writing     (SigapBriefingDialog *self);

AdwToast            *sigap_briefing_toast_new              (GFile               *file);
AdwToast            *sigap_file_toast_new                  (GFile               *file,
                                                            const char          *title);

G_END_DECLS
