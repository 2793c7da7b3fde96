/* sigap-chart-card.h: a titled card holding a chart and its "show as table" alternative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/sigap-chart.h"
#include "sigap-chart-view.h"
#include "sigap-data-table.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CHART_CARD (sigap_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (SigapChartCard, sigap_chart_card, SIGAP, CHART_CARD, GtkWidget)

GtkWidget      *sigap_chart_card_new            (void);
const char     *sigap_chart_card_get_title      (SigapChartCard *self);
void            sigap_chart_card_set_title      (SigapChartCard *self,
                                                 const char     *title);
void            sigap_chart_card_set_subtitle   (SigapChartCard *self,
                                                 const char     *subtitle);
SigapChart     *sigap_chart_card_get_chart      (SigapChartCard *self);
void            sigap_chart_card_set_chart      (SigapChartCard *self,
                                                 SigapChart     *chart);
gboolean        sigap_chart_card_get_show_table (SigapChartCard *self);
void            sigap_chart_card_set_show_table (SigapChartCard *self,
                                                 gboolean        show_table);
SigapChartView *sigap_chart_card_get_view       (SigapChartCard *self);
SigapDataTable *sigap_chart_card_get_table      (SigapChartCard *self);
void            sigap_chart_card_add_footer     (SigapChartCard *self,
                                                 GtkWidget      *child);
void            sigap_chart_card_set_export_table (SigapChartCard *self,
                                                   const char     *table_key,
                                                   const char     *scope);
GtkMenuButton  *sigap_chart_card_get_menu_button  (SigapChartCard *self);

G_END_DECLS
