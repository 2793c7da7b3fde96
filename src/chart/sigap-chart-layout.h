/* sigap-chart-layout.h: places a SigapChart in a rectangle and draws it through a painter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-chart.h"
#include "sigap-chart-style.h"
#include "sigap-chart-ticks.h"
#include "sigap-painter.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SigapChartRect;

/* Where the pointer can point at a datum: for tooltips and click-to-drill.
 *
 * @rect: the sensitive rectangle (for a donut slice, its bounding box; the slice itself is
 * given by the sector fields). @series: the series, or -1 when the region stands for every
 * series of the category (a month of a line chart). @category: the category (use
 * sigap_chart_get_category()->key to drill). @tooltip: the text to show, already formatted in
 * the layout's language, lines separated by "\n". @anchor_x, @anchor_y: where a tooltip should
 * point (the end of a bar, a point of a line).
 */
typedef struct
{
  SigapChartRect rect;
  int            series;
  int            category;
  char          *tooltip;
  double         anchor_x;
  double         anchor_y;

  gboolean       is_sector;
  double         center_x;
  double         center_y;
  double         inner_radius;
  double         outer_radius;
  double         start_angle;    /* radians, clockwise from 3 o'clock, start < end */
  double         end_angle;
} SigapChartHitRegion;

#define SIGAP_TYPE_CHART_HIT_REGION (sigap_chart_hit_region_get_type ())

GType                sigap_chart_hit_region_get_type (void) G_GNUC_CONST;
SigapChartHitRegion *sigap_chart_hit_region_copy     (const SigapChartHitRegion *self);
void                 sigap_chart_hit_region_free     (SigapChartHitRegion       *self);
gboolean             sigap_chart_hit_region_contains (const SigapChartHitRegion *self,
                                                      double                     x,
                                                      double                     y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartHitRegion, sigap_chart_hit_region_free)

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

guint                      sigap_chart_layout_get_n_hit_regions (SigapChartLayout    *self);
const SigapChartHitRegion *sigap_chart_layout_get_hit_region  (SigapChartLayout      *self,
                                                               guint                  index);
const SigapChartHitRegion *sigap_chart_layout_hit_test        (SigapChartLayout      *self,
                                                               double                 x,
                                                               double                 y);

G_END_DECLS
