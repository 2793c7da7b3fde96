/* sigap-chart-a11y.h: a chart in words and as a table, for screen readers and "show as table"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-chart.h"

G_BEGIN_DECLS

/* A chart's data as text cells: one row per category (then one per reference line), one
 * column for the categories and one per series (a donut adds the shares).
 */
typedef struct
{
  guint   n_rows;
  guint   n_columns;
  char  **headers;   /* n_columns */
  char  **cells;     /* n_rows × n_columns, row by row */
} SigapChartTable;

#define SIGAP_TYPE_CHART_TABLE (sigap_chart_table_get_type ())

GType            sigap_chart_table_get_type   (void) G_GNUC_CONST;
SigapChartTable *sigap_chart_table_new        (SigapChart            *chart,
                                               SigapLang              lang);
SigapChartTable *sigap_chart_table_copy       (const SigapChartTable *self);
void             sigap_chart_table_free       (SigapChartTable       *self);
const char      *sigap_chart_table_get_header (const SigapChartTable *self,
                                               guint                  column);
const char      *sigap_chart_table_get_cell   (const SigapChartTable *self,
                                               guint                  row,
                                               guint                  column);
char            *sigap_chart_table_to_csv     (const SigapChartTable *self);

char            *sigap_chart_describe         (SigapChart            *chart,
                                               SigapLang              lang);
const char      *sigap_chart_kind_to_string   (SigapChartKind         kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartTable, sigap_chart_table_free)

G_END_DECLS
