/* sigap-card-grid.h: cards in rows, as many columns as the width allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_CARD_GRID (sigap_card_grid_get_type ())

G_DECLARE_FINAL_TYPE (SigapCardGrid, sigap_card_grid, SIGAP, CARD_GRID, GtkWidget)

GtkWidget *sigap_card_grid_new          (void);
void       sigap_card_grid_append       (SigapCardGrid *self,
                                         GtkWidget     *child,
                                         guint          span);
void       sigap_card_grid_set_span     (SigapCardGrid *self,
                                         GtkWidget     *child,
                                         guint          span);
guint      sigap_card_grid_get_columns  (SigapCardGrid *self);
void       sigap_card_grid_set_single_tab_stop (SigapCardGrid *self,
                                                gboolean       single);

G_END_DECLS
