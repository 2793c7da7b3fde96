/* sigap-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SIGAP_SEGMENT_RENTAN,
  SIGAP_SEGMENT_EKOSISTEM,
  SIGAP_SEGMENT_ALL,
} SigapSegment;

#define SIGAP_CITY_CODE "32.75"

/* What every figure is computed for: the situation on one day, in one region, for one
 * segment. The budget year is the year of the as-of date. */
typedef struct
{
  GDate         as_of;
  char         *scope;
  SigapSegment  segment;
} SigapFilter;

#define SIGAP_TYPE_FILTER (sigap_filter_get_type ())

GType         sigap_filter_get_type     (void) G_GNUC_CONST;
SigapFilter  *sigap_filter_new          (const GDate       *as_of,
                                         const char        *scope,
                                         SigapSegment       segment);
SigapFilter  *sigap_filter_copy         (const SigapFilter *self);
void          sigap_filter_free         (SigapFilter       *self);
int           sigap_filter_get_year     (const SigapFilter *self);
SigapFilter  *sigap_filter_new_previous_month_end (const SigapFilter *self);
gboolean      sigap_filter_equal        (const SigapFilter *a,
                                         const SigapFilter *b);

const char   *sigap_segment_to_string   (SigapSegment       segment);
gboolean      sigap_segment_parse       (const char        *text,
                                         SigapSegment      *out_segment);
const char   *sigap_segment_get_label   (SigapSegment       segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapFilter, sigap_filter_free)

G_END_DECLS
