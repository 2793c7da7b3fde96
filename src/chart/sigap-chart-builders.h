/* sigap-chart-builders.h: the programme's charts, built from src/core's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/sigap-figures.h"
#include "sigap-chart.h"

G_BEGIN_DECLS

guint        sigap_chart_enrollment_first_month (GArray             *months);
char        *sigap_chart_desil_label            (const SigapBreakdownRow *row,
                                                 SigapLang           lang);

SigapChart  *sigap_chart_build_enrollment       (GArray             *months,
                                                 SigapLang           lang);
SigapChart  *sigap_chart_build_coverage_gauge   (const SigapSummary *summary,
                                                 SigapLang           lang);
SigapChart  *sigap_chart_build_spending         (GArray             *months,
                                                 const SigapWhatIf  *what_if,
                                                 int                 year,
                                                 SigapLang           lang);
SigapChart  *sigap_chart_build_sector_breakdown (GPtrArray          *rows,
                                                 SigapLang           lang);
SigapChart  *sigap_chart_build_desil            (GPtrArray          *rows,
                                                 SigapLang           lang);
SigapChart  *sigap_chart_build_regions          (GPtrArray          *rows,
                                                 SigapBreakdown      by,
                                                 SigapLang           lang);

G_END_DECLS
