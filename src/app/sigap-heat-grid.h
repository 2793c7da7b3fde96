/* sigap-heat-grid.h: the sector × area heat table, one Tab stop read a row at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_HEAT_GRID (sigap_heat_grid_get_type ())

G_DECLARE_FINAL_TYPE (SigapHeatGrid, sigap_heat_grid, SIGAP, HEAT_GRID, GtkGrid)

GtkWidget  *sigap_heat_grid_new          (void);
void        sigap_heat_grid_set_title    (SigapHeatGrid      *self,
                                          const char         *title);
void        sigap_heat_grid_set_rows     (SigapHeatGrid      *self,
                                          const char * const *rows);
guint       sigap_heat_grid_get_row      (SigapHeatGrid      *self);
const char *sigap_heat_grid_get_row_text (SigapHeatGrid      *self);

G_END_DECLS
