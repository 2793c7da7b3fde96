/* sigap-chart-view.h: a SigapChart or a SigapChartMap on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/sigap-chart.h"
#include "chart/sigap-chart-drawable.h"
#include "chart/sigap-chart-layout.h"
#include "chart/sigap-chart-map.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CHART_VIEW (sigap_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SigapChartView, sigap_chart_view, SIGAP, CHART_VIEW, GtkWidget)

GtkWidget     *sigap_chart_view_new                (void);
SigapChart    *sigap_chart_view_get_chart          (SigapChartView *self);
void           sigap_chart_view_set_chart          (SigapChartView *self,
                                                    SigapChart     *chart);
SigapChartMap *sigap_chart_view_get_map            (SigapChartView *self);
void           sigap_chart_view_set_map            (SigapChartView *self,
                                                    SigapChartMap  *map);
int            sigap_chart_view_get_natural_height (SigapChartView *self);
void           sigap_chart_view_set_natural_height (SigapChartView *self,
                                                    int             height);
int            sigap_chart_view_get_selected       (SigapChartView *self);
void           sigap_chart_view_set_selected       (SigapChartView *self,
                                                    int             item);
const char    *sigap_chart_view_get_selection_text (SigapChartView *self);
char          *sigap_chart_view_dup_description    (SigapChartView *self);
gboolean       sigap_chart_view_get_drawn          (SigapChartView *self);
void           sigap_chart_view_get_plot_area      (SigapChartView *self,
                                                    SigapChartRect *area);

G_END_DECLS
