/* sigap-data-table.h: a read-only table of formatted figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/sigap-chart-a11y.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_DATA_TABLE (sigap_data_table_get_type ())

G_DECLARE_FINAL_TYPE (SigapDataTable, sigap_data_table, SIGAP, DATA_TABLE, GtkWidget)

GtkWidget  *sigap_data_table_new             (void);
void        sigap_data_table_set_columns     (SigapDataTable        *self,
                                              const char * const    *headers,
                                              const gboolean        *numeric,
                                              guint                  n_columns);
void        sigap_data_table_set_name        (SigapDataTable        *self,
                                              const char            *name);
void        sigap_data_table_clear           (SigapDataTable        *self);
void        sigap_data_table_append_row      (SigapDataTable        *self,
                                              const char * const    *cells);
void        sigap_data_table_set_total_row   (SigapDataTable        *self,
                                              gboolean               last_row_is_total);
void        sigap_data_table_set_chart_table (SigapDataTable        *self,
                                              const SigapChartTable *table);
void        sigap_data_table_set_max_height  (SigapDataTable        *self,
                                              int                    height);
guint       sigap_data_table_get_n_columns   (SigapDataTable        *self);
guint       sigap_data_table_get_n_rows      (SigapDataTable        *self);
const char *sigap_data_table_get_cell        (SigapDataTable        *self,
                                              guint                  row,
                                              guint                  column);

G_END_DECLS
