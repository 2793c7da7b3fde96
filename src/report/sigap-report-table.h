/* sigap-report-table.h: a table of a briefing, split across pages between rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "chart/sigap-painter.h"

G_BEGIN_DECLS

typedef enum
{
  SIGAP_REPORT_ALIGN_LEFT,
  SIGAP_REPORT_ALIGN_RIGHT,   /* numbers: their digits line up */
  SIGAP_REPORT_ALIGN_CENTER,
} SigapReportAlign;

typedef enum
{
  SIGAP_REPORT_ROW_NORMAL,
  SIGAP_REPORT_ROW_TOTAL,     /* bold, under a rule: the scope's own figures */
} SigapReportRowKind;

#define SIGAP_TYPE_REPORT_TABLE (sigap_report_table_get_type ())

G_DECLARE_FINAL_TYPE (SigapReportTable, sigap_report_table, SIGAP, REPORT_TABLE, GObject)

SigapReportTable *sigap_report_table_new               (void);
guint             sigap_report_table_add_column        (SigapReportTable   *self,
                                                        const char         *title,
                                                        SigapReportAlign    align,
                                                        gboolean            wrap);
void              sigap_report_table_set_show_header   (SigapReportTable   *self,
                                                        gboolean            show);
void              sigap_report_table_set_font_size     (SigapReportTable   *self,
                                                        double              size);
void              sigap_report_table_add_row           (SigapReportTable   *self,
                                                        SigapReportRowKind  kind,
                                                        const char * const *cells);
void              sigap_report_table_add_row_take      (SigapReportTable   *self,
                                                        SigapReportRowKind  kind,
                                                        ...) G_GNUC_NULL_TERMINATED;
guint             sigap_report_table_get_n_rows        (SigapReportTable   *self);
guint             sigap_report_table_get_n_columns     (SigapReportTable   *self);
const char       *sigap_report_table_get_cell          (SigapReportTable   *self,
                                                        guint               row,
                                                        guint               column);

void              sigap_report_table_layout            (SigapReportTable   *self,
                                                        SigapPainter       *painter,
                                                        double              width);
void              sigap_report_table_set_min_header_height (SigapReportTable *self,
                                                            double            height);
double            sigap_report_table_get_header_height (SigapReportTable   *self);
double            sigap_report_table_get_row_height    (SigapReportTable   *self,
                                                        guint               row);
double            sigap_report_table_get_rows_height   (SigapReportTable   *self,
                                                        guint               first,
                                                        guint               end);
void              sigap_report_table_draw              (SigapReportTable   *self,
                                                        SigapPainter       *painter,
                                                        double              x,
                                                        double              y,
                                                        guint               first,
                                                        guint               end,
                                                        gboolean            continued);

G_END_DECLS
