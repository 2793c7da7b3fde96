/* sigap-data-page.h: the Data page: import batches, their rejected lines, data-quality notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sigap-import-log.h"
#include "sigap-page.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_DATA_PAGE (sigap_data_page_get_type ())

G_DECLARE_FINAL_TYPE (SigapDataPage, sigap_data_page, SIGAP, DATA_PAGE, SigapPage)

GtkWidget  *sigap_data_page_new               (void);
void        sigap_data_page_show_overview     (SigapDataPage        *self);
void        sigap_data_page_show_rejections   (SigapDataPage        *self,
                                               gint64                batch_id);
void        sigap_data_page_show_flags        (SigapDataPage        *self,
                                               SigapParticipantFlag  flag);
void        sigap_data_page_set_capabilities  (SigapDataPage        *self,
                                               SigapDatabaseCapabilities capabilities,
                                               const char           *role);
const char *sigap_data_page_get_view          (SigapDataPage        *self);
GPtrArray  *sigap_data_page_get_batches       (SigapDataPage        *self);
gint64      sigap_data_page_get_flag_count    (SigapDataPage        *self,
                                               SigapParticipantFlag  flag);

G_END_DECLS
