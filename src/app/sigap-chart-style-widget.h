/* sigap-chart-style-widget.h: the chart style that matches a widget's theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/sigap-chart-style.h"

G_BEGIN_DECLS

SigapChartStyle *sigap_chart_style_new_for_widget (GtkWidget             *widget);
gboolean         sigap_chart_style_equal          (const SigapChartStyle *a,
                                                   const SigapChartStyle *b);

G_END_DECLS
