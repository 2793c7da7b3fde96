/* sigap-filter-bar.h: the as-of date, segment and scope that every page shows figures for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sigap-filter.h"
#include "sigap-filter-model.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_FILTER_BAR (sigap_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (SigapFilterBar, sigap_filter_bar, SIGAP, FILTER_BAR, GtkWidget)

GtkWidget         *sigap_filter_bar_new             (void);
SigapFilterModel  *sigap_filter_bar_get_model       (SigapFilterBar     *self);
void               sigap_filter_bar_set_model       (SigapFilterBar     *self,
                                                     SigapFilterModel   *model);
const SigapFilter *sigap_filter_bar_get_filter      (SigapFilterBar     *self);
void               sigap_filter_bar_set_filter      (SigapFilterBar     *self,
                                                     const SigapFilter  *filter);
void               sigap_filter_bar_set_regions     (SigapFilterBar     *self,
                                                     const char * const *codes,
                                                     const char * const *names);
gboolean           sigap_filter_bar_has_region      (SigapFilterBar     *self,
                                                     const char         *code);

G_END_DECLS
