/* sigap-chart-layout.h: places a SigapChart in a rectangle and draws it through a painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-chart.h"
#include "sigap-chart-hit-region.h"
#include "sigap-chart-style.h"
#include "sigap-chart-ticks.h"
#include "sigap-painter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CHART_LAYOUT (sigap_chart_layout_get_type ())

G_DECLARE_FINAL_TYPE (SigapChartLayout, sigap_chart_layout, SIGAP, CHART_LAYOUT, GObject)

SigapChartLayout          *sigap_chart_layout_new             (SigapChart            *chart);
SigapChart                *sigap_chart_layout_get_chart       (SigapChartLayout      *self);
const SigapChartStyle     *sigap_chart_layout_get_style       (SigapChartLayout      *self);
void                       sigap_chart_layout_set_style       (SigapChartLayout      *self,
                                                               const SigapChartStyle *style);
SigapLang                  sigap_chart_layout_get_lang        (SigapChartLayout      *self);
void                       sigap_chart_layout_set_lang        (SigapChartLayout      *self,
                                                               SigapLang              lang);
gboolean                   sigap_chart_layout_get_show_title  (SigapChartLayout      *self);
void                       sigap_chart_layout_set_show_title  (SigapChartLayout      *self,
                                                               gboolean               show);
gboolean                   sigap_chart_layout_get_show_legend (SigapChartLayout      *self);
void                       sigap_chart_layout_set_show_legend (SigapChartLayout      *self,
                                                               gboolean               show);
double                     sigap_chart_layout_get_padding     (SigapChartLayout      *self);
void                       sigap_chart_layout_set_padding     (SigapChartLayout      *self,
                                                               double                 padding);

void                       sigap_chart_layout_allocate        (SigapChartLayout      *self,
                                                               SigapPainter          *painter,
                                                               double                 width,
                                                               double                 height);
void                       sigap_chart_layout_draw            (SigapChartLayout      *self,
                                                               SigapPainter          *painter);
void                       sigap_chart_layout_render          (SigapChartLayout      *self,
                                                               SigapPainter          *painter,
                                                               double                 width,
                                                               double                 height);
void                       sigap_chart_layout_invalidate      (SigapChartLayout      *self);

gboolean                   sigap_chart_layout_is_empty        (SigapChartLayout      *self);
double                     sigap_chart_layout_height_for_plot (SigapChartLayout      *self,
                                                               SigapPainter          *painter,
                                                               double                 width,
                                                               double                 plot_height);
void                       sigap_chart_layout_get_plot_area   (SigapChartLayout      *self,
                                                               SigapChartRect        *area);
const SigapChartTicks     *sigap_chart_layout_get_ticks       (SigapChartLayout      *self);
double                     sigap_chart_layout_value_to_position (SigapChartLayout    *self,
                                                               double                 value);

const SigapChartHitRegions *sigap_chart_layout_get_hit_regions (SigapChartLayout  *self);

G_END_DECLS
