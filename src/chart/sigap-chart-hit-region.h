/* sigap-chart-hit-region.h: where the pointer can point at a datum of a chart or a map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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
 * series of the category (a month of a line chart); for a map, the class of the region's
 * value. @category: the category (use sigap_chart_get_category()->key to drill); for a map,
 * the region's index. @tooltip: the text to show, already formatted in
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

/* The hit regions of one chart or map, in the order they were added: what a layout or a map
 * produces and a view hit-tests, highlights and reads out.
 */
typedef struct _SigapChartHitRegions SigapChartHitRegions;

SigapChartHitRegions      *sigap_chart_hit_regions_new         (void);
void                       sigap_chart_hit_regions_free        (SigapChartHitRegions *self);
void                       sigap_chart_hit_regions_clear       (SigapChartHitRegions *self);
SigapChartHitRegion       *sigap_chart_hit_regions_add         (SigapChartHitRegions *self,
                                                                double                x,
                                                                double                y,
                                                                double                width,
                                                                double                height,
                                                                int                   series,
                                                                int                   category,
                                                                char                 *tooltip);
guint                      sigap_chart_hit_regions_get_n_items (const SigapChartHitRegions *self);
const SigapChartHitRegion *sigap_chart_hit_regions_get_item    (const SigapChartHitRegions *self,
                                                                guint                 index);
const SigapChartHitRegion *sigap_chart_hit_regions_hit_test    (const SigapChartHitRegions *self,
                                                                double                x,
                                                                double                y,
                                                                int                  *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartHitRegions, sigap_chart_hit_regions_free)

G_END_DECLS
