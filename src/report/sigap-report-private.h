/* sigap-report-private.h: what the briefing's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hpdf.h>

#include "chart/sigap-chart-style.h"
#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-import-log.h"
#include "sigap-report.h"
#include "sigap-report-layout.h"
#include "sigap-report-strings.h"

G_BEGIN_DECLS

/* The briefing's one typeface, embedded (as two subsets: regular and bold). */
#define SIGAP_REPORT_FONT_FAMILY "DejaVu Sans"

/* Colours, 0xRRGGBB. The accent is a dark blue that prints as a dark grey. */
#define SIGAP_REPORT_INK     0x1c1f24
#define SIGAP_REPORT_MUTED   0x5b6470
#define SIGAP_REPORT_ACCENT  0x1f4e79
#define SIGAP_REPORT_RULE    0xb8c0c9
#define SIGAP_REPORT_TINT    0xeef3f8

/* Everything the sections are built from: the figures, all from src/core, fetched once. */
typedef struct
{
  const SigapReportOptions *options;
  SigapLang                 lang;
  SigapDatabase            *db;
  SigapFilter              *filter;
  SigapFilter              *previous_filter;   /* at the end of the previous month */
  gboolean                  is_city;
  SigapSummary             *summary;
  SigapSummary             *previous;
  GPtrArray                *areas;             /* kecamatan of the city, or kelurahan */
  GPtrArray                *areas_previous;
  GPtrArray                *sectors;
  GPtrArray                *desil;
  GArray                   *months;            /* SigapMonthPoint */
  SigapWhatIf               what_if;
  GPtrArray                *payments;
  GPtrArray                *budget_lines;
  gint64                    flags[SIGAP_PARTICIPANT_FLAG_N];
  GPtrArray                *batches;
  GDate                     cutoff;            /* invalid when the database has none */
  GDateTime                *generated;
  SigapChartStyle          *chart_style;
  SigapReportLayout        *layout;
  guint                     n_sections;
  guint                     n_figures;
  guint                     n_tables;
} SigapReportContext;

void      _sigap_report_context_clear  (SigapReportContext  *ctx);
gboolean  _sigap_report_fetch          (SigapReportContext  *ctx,
                                        GCancellable        *cancellable,
                                        GError             **error);
void      _sigap_report_build          (SigapReportContext  *ctx);

void      _sigap_report_set_pdf_error  (HPDF_Doc             pdf,
                                        GError             **error);

G_END_DECLS
