/* sigap-map-view.h: a SigapChartMap on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/sigap-chart-map.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_MAP_VIEW (sigap_map_view_get_type ())

G_DECLARE_FINAL_TYPE (SigapMapView, sigap_map_view, SIGAP, MAP_VIEW, GtkWidget)

GtkWidget     *sigap_map_view_new             (void);
SigapChartMap *sigap_map_view_get_map         (SigapMapView  *self);
void           sigap_map_view_set_map         (SigapMapView  *self,
                                               SigapChartMap *map);
int            sigap_map_view_get_selected    (SigapMapView  *self);
void           sigap_map_view_set_selected    (SigapMapView  *self,
                                               int            index);
char          *sigap_map_view_dup_description (SigapMapView  *self);
gboolean       sigap_map_view_get_drawn       (SigapMapView  *self);

G_END_DECLS
