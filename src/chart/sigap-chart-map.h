/* sigap-chart-map.h: a schematic tile map of regions, shaded by class of a measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include <gio/gio.h>

#include "core/sigap-regions.h"
#include "sigap-chart-format.h"
#include "sigap-chart-hit-region.h"
#include "sigap-chart-style.h"
#include "sigap-painter.h"

G_BEGIN_DECLS

/* At most this many class bounds, so at most one class more (plus "no data"). */
#define SIGAP_CHART_MAP_MAX_BOUNDS 5

#define SIGAP_TYPE_CHART_MAP (sigap_chart_map_get_type ())

G_DECLARE_FINAL_TYPE (SigapChartMap, sigap_chart_map, SIGAP, CHART_MAP, GObject)

SigapChartMap             *sigap_chart_map_new                (const char            *title);

gboolean                   sigap_chart_map_set_regions        (SigapChartMap         *self,
                                                               const SigapRegion     *parent,
                                                               GError               **error);
guint                      sigap_chart_map_add_region         (SigapChartMap         *self,
                                                               const char            *code,
                                                               const char            *name,
                                                               double                 latitude,
                                                               double                 longitude);
guint                      sigap_chart_map_get_n_regions      (SigapChartMap         *self);
const char                *sigap_chart_map_get_region_code    (SigapChartMap         *self,
                                                               guint                  index);
const char                *sigap_chart_map_get_region_name    (SigapChartMap         *self,
                                                               guint                  index);
gboolean                   sigap_chart_map_set_value          (SigapChartMap         *self,
                                                               const char            *code,
                                                               double                 value);
double                     sigap_chart_map_get_value          (SigapChartMap         *self,
                                                               guint                  index);

const char                *sigap_chart_map_get_title          (SigapChartMap         *self);
void                       sigap_chart_map_set_title          (SigapChartMap         *self,
                                                               const char            *title);
void                       sigap_chart_map_set_measure        (SigapChartMap         *self,
                                                               const char            *name,
                                                               SigapChartUnit         unit);
void                       sigap_chart_map_set_class_bounds   (SigapChartMap         *self,
                                                               const double          *bounds,
                                                               guint                  n_bounds);
guint                      sigap_chart_map_get_n_classes      (SigapChartMap         *self);
int                        sigap_chart_map_get_class          (SigapChartMap         *self,
                                                               guint                  index);
void                       sigap_chart_map_set_no_data_text   (SigapChartMap         *self,
                                                               const char            *text);
void                       sigap_chart_map_set_style          (SigapChartMap         *self,
                                                               const SigapChartStyle *style);
void                       sigap_chart_map_set_lang           (SigapChartMap         *self,
                                                               SigapLang              lang);
void                       sigap_chart_map_set_show_title     (SigapChartMap         *self,
                                                               gboolean               show);
void                       sigap_chart_map_set_show_legend    (SigapChartMap         *self,
                                                               gboolean               show);
void                       sigap_chart_map_set_padding        (SigapChartMap         *self,
                                                               double                 padding);

guint                      sigap_chart_map_get_n_columns      (SigapChartMap         *self);
guint                      sigap_chart_map_get_n_rows         (SigapChartMap         *self);
void                       sigap_chart_map_get_cell           (SigapChartMap         *self,
                                                               guint                  index,
                                                               guint                 *column,
                                                               guint                 *row);

void                       sigap_chart_map_allocate           (SigapChartMap         *self,
                                                               SigapPainter          *painter,
                                                               double                 width,
                                                               double                 height);
void                       sigap_chart_map_draw               (SigapChartMap         *self,
                                                               SigapPainter          *painter);
void                       sigap_chart_map_render             (SigapChartMap         *self,
                                                               SigapPainter          *painter,
                                                               double                 width,
                                                               double                 height);
double                     sigap_chart_map_get_natural_height (SigapChartMap         *self,
                                                               SigapPainter          *painter,
                                                               double                 width);

const SigapChartHitRegions *sigap_chart_map_get_hit_regions  (SigapChartMap         *self);

G_END_DECLS
