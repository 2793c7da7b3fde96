/* sigap-chart-ticks.h: "nice" axis ticks (1-2-5 steps)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Evenly spaced tick values covering a data range, on steps of 1, 2 or 5 times a power of ten.
 * @min and @max are the first and last tick (the axis ends there), @decimals the digits after
 * the decimal point a label needs to tell the ticks apart.
 */
typedef struct
{
  double  min;
  double  max;
  double  step;
  int     decimals;
  guint   n_values;
  double *values;
} SigapChartTicks;

#define SIGAP_TYPE_CHART_TICKS (sigap_chart_ticks_get_type ())

GType            sigap_chart_ticks_get_type (void) G_GNUC_CONST;
SigapChartTicks *sigap_chart_ticks_new      (double                 lo,
                                             double                 hi,
                                             guint                  max_ticks,
                                             gboolean               integer);
SigapChartTicks *sigap_chart_ticks_copy     (const SigapChartTicks *self);
void             sigap_chart_ticks_free     (SigapChartTicks       *self);
double           sigap_chart_ticks_fraction (const SigapChartTicks *self,
                                             double                 value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartTicks, sigap_chart_ticks_free)

G_END_DECLS
