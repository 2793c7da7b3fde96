/* sigap-chart-format.h: chart values as text, by unit, through src/core/sigap-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/sigap-format.h"

G_BEGIN_DECLS

/* What a chart's numbers count. Percentages are stored as percent (44.0 is 44 %), as
 * sigap_format_percent() takes them; Rupiah as whole Rupiah.
 */
typedef enum
{
  SIGAP_CHART_UNIT_COUNT,
  SIGAP_CHART_UNIT_PERCENT,
  SIGAP_CHART_UNIT_RUPIAH,
} SigapChartUnit;

#define SIGAP_TYPE_CHART_UNIT (sigap_chart_unit_get_type ())

GType  sigap_chart_unit_get_type    (void) G_GNUC_CONST;

char  *sigap_chart_format_tick      (double          value,
                                     SigapChartUnit  unit,
                                     int             decimals,
                                     SigapLang       lang);
char  *sigap_chart_format_value     (double          value,
                                     SigapChartUnit  unit,
                                     SigapLang       lang);
char  *sigap_chart_format_short     (double          value,
                                     SigapChartUnit  unit,
                                     SigapLang       lang);

G_END_DECLS
