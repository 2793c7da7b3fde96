/* wilayah-timing.h: drilling and scrolling the Wilayah page, timed (test-wilayah, bench-wilayah)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "app/sigap-participant-model.h"
#include "app/sigap-wilayah-page.h"
#include "app/sigap-window.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 wall_us;          /* from the drill to the window settled */
  gint64 query_us;         /* the page's own figure: from the drill to its figures */
} WilayahDrillTimes;

typedef struct
{
  guint  n_items;
  guint  n_fetches;        /* page reads, each in the model's worker */
  gint64 max_fetch_us;     /* the slowest page read */
  gint64 max_count_us;     /* the slowest count */
  gint64 worst_turn_us;    /* the slowest main-loop iteration while scrolling */
} WilayahScrollTimes;

void   wilayah_timing_wait_settled       (SigapWindow           *window);
void   wilayah_timing_wait_participants  (SigapParticipantModel *model);
void   wilayah_timing_drill              (SigapWindow           *window,
                                          SigapWilayahPage      *page,
                                          const char            *code,
                                          WilayahDrillTimes     *out_times);
char  *wilayah_timing_largest_kelurahan  (const char            *db_path);
void   wilayah_timing_scroll             (SigapWilayahPage      *page,
                                          WilayahScrollTimes    *out_times);

G_END_DECLS
