/* sigap-filter-model.h: the window's one filter, which the filter bar and the pages follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sigap-filter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_FILTER_MODEL (sigap_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (SigapFilterModel, sigap_filter_model, SIGAP, FILTER_MODEL, GObject)

SigapFilterModel  *sigap_filter_model_new            (void);
const SigapFilter *sigap_filter_model_get_filter     (SigapFilterModel  *self);
gboolean           sigap_filter_model_set_filter     (SigapFilterModel  *self,
                                                      const SigapFilter *filter);
void               sigap_filter_model_get_as_of      (SigapFilterModel  *self,
                                                      GDate             *as_of);
void               sigap_filter_model_set_as_of      (SigapFilterModel  *self,
                                                      const GDate       *as_of);
const char        *sigap_filter_model_get_scope      (SigapFilterModel  *self);
void               sigap_filter_model_set_scope      (SigapFilterModel  *self,
                                                      const char        *scope);
SigapSegment       sigap_filter_model_get_segment    (SigapFilterModel  *self);
void               sigap_filter_model_set_segment    (SigapFilterModel  *self,
                                                      SigapSegment       segment);
void               sigap_filter_model_set_date_range (SigapFilterModel  *self,
                                                      const GDate       *first,
                                                      const GDate       *last);
void               sigap_filter_model_get_date_range (SigapFilterModel  *self,
                                                      GDate             *first,
                                                      GDate             *last);

G_END_DECLS
