/* sigap-report-layout.h: pages of a briefing: text flow, tables, figures, header and footer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <hpdf.h>

#include "chart/sigap-chart-layout.h"
#include "chart/sigap-chart-map.h"
#include "chart/sigap-text-fit.h"
#include "sigap-hpdf-painter.h"
#include "sigap-report-table.h"

G_BEGIN_DECLS

/* The paragraph styles of a briefing. */
typedef enum
{
  SIGAP_REPORT_TEXT_BODY,
  SIGAP_REPORT_TEXT_BULLET,     /* body text after a bullet, hanging indent */
  SIGAP_REPORT_TEXT_LEAD,       /* a section's opening sentence, a little larger */
  SIGAP_REPORT_TEXT_CAPTION,    /* bold, above a table or figure, kept with it */
  SIGAP_REPORT_TEXT_NOTE,       /* small and grey: sources, footnotes to a table */
} SigapReportTextStyle;

/* Draws a figure whose top-left corner is at the painter's origin. */
typedef void (*SigapReportDrawFunc) (SigapPainter *painter,
                                     double        width,
                                     double        height,
                                     gpointer      user_data);

/* The page geometry, in points: A4 portrait. */
#define SIGAP_REPORT_PAGE_WIDTH     595.276
#define SIGAP_REPORT_PAGE_HEIGHT    841.890
#define SIGAP_REPORT_MARGIN_LEFT     62.362   /* 22 mm: room for a binding */
#define SIGAP_REPORT_MARGIN_RIGHT    51.024   /* 18 mm */
#define SIGAP_REPORT_MARGIN_TOP      73.701   /* 26 mm, the running header inside it */
#define SIGAP_REPORT_MARGIN_BOTTOM   65.197   /* 23 mm, the footer inside it */
#define SIGAP_REPORT_CONTENT_WIDTH \
  (SIGAP_REPORT_PAGE_WIDTH - SIGAP_REPORT_MARGIN_LEFT - SIGAP_REPORT_MARGIN_RIGHT)
#define SIGAP_REPORT_CONTENT_HEIGHT \
  (SIGAP_REPORT_PAGE_HEIGHT - SIGAP_REPORT_MARGIN_TOP - SIGAP_REPORT_MARGIN_BOTTOM)

#define SIGAP_TYPE_REPORT_LAYOUT (sigap_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (SigapReportLayout, sigap_report_layout, SIGAP, REPORT_LAYOUT, GObject)

SigapReportLayout *sigap_report_layout_new            (SigapHpdfPainter     *painter);
SigapPainter      *sigap_report_layout_get_painter    (SigapReportLayout    *self);

void               sigap_report_layout_set_header     (SigapReportLayout    *self,
                                                       const char           *left,
                                                       const char           *right);
void               sigap_report_layout_set_footer     (SigapReportLayout    *self,
                                                       const char           *left,
                                                       const char           *page_format);
void               sigap_report_layout_set_cover      (SigapReportLayout    *self,
                                                       SigapReportDrawFunc   func,
                                                       gpointer              user_data);

void               sigap_report_layout_add_heading    (SigapReportLayout    *self,
                                                       guint                 level,
                                                       const char           *text);
void               sigap_report_layout_add_heading_full (SigapReportLayout  *self,
                                                       guint                 level,
                                                       const char           *text,
                                                       gboolean              new_page);
void               sigap_report_layout_add_paragraph  (SigapReportLayout    *self,
                                                       SigapReportTextStyle  style,
                                                       const char           *text);
void               sigap_report_layout_add_table      (SigapReportLayout    *self,
                                                       SigapReportTable     *table);
void               sigap_report_layout_add_figure     (SigapReportLayout    *self,
                                                       double                height,
                                                       SigapReportDrawFunc   func,
                                                       gpointer              user_data,
                                                       GDestroyNotify        destroy);
void               sigap_report_layout_add_chart      (SigapReportLayout    *self,
                                                       SigapChartLayout     *chart,
                                                       double                height);
void               sigap_report_layout_add_map        (SigapReportLayout    *self,
                                                       SigapChartMap        *map,
                                                       double                height);
void               sigap_report_layout_add_space      (SigapReportLayout    *self,
                                                       double                height);

guint              sigap_report_layout_paginate       (SigapReportLayout    *self);
guint              sigap_report_layout_get_n_pages    (SigapReportLayout    *self);
guint              sigap_report_layout_get_n_headings (SigapReportLayout    *self);
const char        *sigap_report_layout_get_heading    (SigapReportLayout    *self,
                                                       guint                 index,
                                                       guint                *level,
                                                       guint                *page);
gboolean           sigap_report_layout_render         (SigapReportLayout    *self,
                                                       HPDF_Doc              pdf,
                                                       GCancellable         *cancellable,
                                                       GError              **error);

/* Text helpers shared with SigapReportTable and the cover. */
GPtrArray         *sigap_report_wrap_text             (SigapPainter         *painter,
                                                       const char           *text,
                                                       double                width);
GPtrArray         *sigap_report_wrap_names            (SigapPainter         *painter,
                                                       const char           *text,
                                                       double                width);
void               sigap_report_use_font              (SigapPainter         *painter,
                                                       double                size,
                                                       SigapFontWeight       weight);

G_END_DECLS
