/* sigap-wilayah-page.h: the Wilayah page, kecamatan → kelurahan → participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sigap-figures.h"
#include "sigap-chart-view.h"
#include "sigap-page.h"
#include "sigap-participant-model.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_WILAYAH_PAGE (sigap_wilayah_page_get_type ())

G_DECLARE_FINAL_TYPE (SigapWilayahPage, sigap_wilayah_page, SIGAP, WILAYAH_PAGE, SigapPage)

typedef enum
{
  SIGAP_WILAYAH_MEASURE_COVERAGE,
  SIGAP_WILAYAH_MEASURE_ACTIVE,
  SIGAP_WILAYAH_MEASURE_TARGET,
  SIGAP_WILAYAH_MEASURE_REGISTERED,
} SigapWilayahMeasure;

GtkWidget             *sigap_wilayah_page_new                 (void);

const char            *sigap_wilayah_page_get_scope           (SigapWilayahPage    *self);
void                   sigap_wilayah_page_drill               (SigapWilayahPage    *self,
                                                               const char          *code);
gboolean               sigap_wilayah_page_go_back             (SigapWilayahPage    *self);
void                   sigap_wilayah_page_set_measure         (SigapWilayahPage    *self,
                                                               SigapWilayahMeasure  measure);

/* For the tests and the benchmark. */
guint                  sigap_wilayah_page_get_n_table_rows    (SigapWilayahPage    *self);
const SigapBreakdownRow *sigap_wilayah_page_get_table_row     (SigapWilayahPage    *self,
                                                               guint                index,
                                                               gboolean            *is_total);
SigapChartView        *sigap_wilayah_page_get_map_view        (SigapWilayahPage    *self);
SigapParticipantModel *sigap_wilayah_page_get_participants    (SigapWilayahPage    *self);
void                   sigap_wilayah_page_set_capabilities    (SigapWilayahPage    *self,
                                                               SigapDatabaseCapabilities capabilities,
                                                               const char          *role);
GtkWidget             *sigap_wilayah_page_get_participant_view (SigapWilayahPage   *self);
gint64                 sigap_wilayah_page_get_last_query_us   (SigapWilayahPage    *self);


G_END_DECLS
