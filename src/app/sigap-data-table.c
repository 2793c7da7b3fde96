/* sigap-data-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapDataTable: figures already formatted as text, in a GtkColumnView: a chart's "show as
 * table" alternative, the budget page's pagu and SP2D lists. Each row is a GtkStringList of
 * its cells; numeric columns are right-aligned with tabular digits; the last row may be a
 * total, set in bold. Inside a card the view takes the card's background.
 *
 * CSS node: datatable, with the GtkColumnView inside. Accessible role: that of the
 * GtkColumnView (a grid), which it holds, named by sigap_data_table_set_name(). Each row
 * reads as a sentence, "Bekasi Timur: Aktif 1.039, Sasaran 970, Cakupan 107,1 %"; each
 * cell carries its column's index and header (col-index, col-index-text), each row its
 * index. The whole table is one Tab stop: Tab enters it at the row last focused and the
 * next Tab leaves it; Up and Down move between the rows inside.
 */

#include <glib/gi18n.h>

#include "sigap-a11y.h"
#include "sigap-data-table.h"

struct _SigapDataTable
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkColumnView     *view;
  GListStore        *rows;
  guint              n_columns;
  gboolean           total_row;
  char              *name;
};

G_DEFINE_FINAL_TYPE (SigapDataTable, sigap_data_table, GTK_TYPE_WIDGET)

#define COLUMN_KEY  "sigap-data-table-column"
#define NUMERIC_KEY "sigap-data-table-numeric"

/* The row reads as a sentence; each cell carries its column's header. */
static void
describe_cell (SigapDataTable *self,
               GtkListItem    *item,
               GtkStringList  *row,
               guint           column)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, column);
  g_autofree const char **headers = NULL;
  g_autofree const char **cells = NULL;
  g_autofree char *name = NULL;

  sigap_a11y_relate_table_cell (item, column,
                                view_column != NULL
                                ? gtk_column_view_column_get_title (view_column) : "");
  if (column != 0)
    return;

  headers = g_new0 (const char *, self->n_columns + 1);
  cells = g_new0 (const char *, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, c);

      headers[c] = other != NULL ? gtk_column_view_column_get_title (other) : "";
      cells[c] = gtk_string_list_get_string (row, c);
    }

  name = sigap_a11y_describe_row (headers, cells, self->n_columns);
  sigap_a11y_name_table_row (item, name);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SigapDataTable           *self)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), NUMERIC_KEY));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SigapDataTable           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  GtkStringList *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  describe_cell (self, item, row, column);

  if (self->total_row && gtk_list_item_get_position (item) + 1 == n_rows)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

/* The header row counts. */
static void
update_row_count (SigapDataTable *self)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                  (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows)) + 1,
                                  -1);
}

static void
remove_columns (SigapDataTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

static void
sigap_data_table_dispose (GObject *object)
{
  SigapDataTable *self = SIGAP_DATA_TABLE (object);

  if (self->scroller != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scroller));
      self->scroller = NULL;
    }
  g_clear_object (&self->rows);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sigap_data_table_parent_class)->dispose (object);
}

/* One Tab stop: Tab into the table lands on a row, Tab from a row leaves the table. */
static gboolean
sigap_data_table_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  SigapDataTable *self = SIGAP_DATA_TABLE (widget);
  gboolean inside = gtk_widget_get_focus_child (widget) != NULL;

  if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD) && inside)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->scroller), direction);
}

static void
sigap_data_table_class_init (SigapDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_data_table_dispose;
  widget_class->focus = sigap_data_table_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datatable");
}

static void
sigap_data_table_init (SigapDataTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

  self->view =
    GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (self->scroller, TRUE);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));
}

GtkWidget *
sigap_data_table_new (void)
{
  return g_object_new (SIGAP_TYPE_DATA_TABLE, NULL);
}

/**
 * sigap_data_table_set_columns:
 * @headers: (array length=n_columns): the column titles
 * @numeric: (array length=n_columns) (nullable): which columns hold numbers
 *
 * Replaces the columns and removes every row. The columns share the spare width.
 */
void
sigap_data_table_set_columns (SigapDataTable     *self,
                              const char * const *headers,
                              const gboolean     *numeric,
                              guint               n_columns)
{
  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));
  g_return_if_fail (headers != NULL || n_columns == 0);

  sigap_data_table_clear (self);
  remove_columns (self);
  self->n_columns = n_columns;

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), NUMERIC_KEY,
                         GINT_TO_POINTER (numeric != NULL && numeric[i]));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

      column = gtk_column_view_column_new (headers[i], factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }

  sigap_a11y_name_column_view (self->view, self->name != NULL ? self->name : "");
}

/**
 * sigap_data_table_set_name:
 * @name: what the table shows, "Coverage by kecamatan"
 *
 * The table's accessible name.
 */
void
sigap_data_table_set_name (SigapDataTable *self,
                           const char     *name)
{
  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));
  g_return_if_fail (name != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
  sigap_a11y_name_column_view (self->view, name);
}

void
sigap_data_table_clear (SigapDataTable *self)
{
  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));

  g_list_store_remove_all (self->rows);
  update_row_count (self);
}

/**
 * sigap_data_table_append_row:
 * @cells: (array): one cell per column
 */
void
sigap_data_table_append_row (SigapDataTable     *self,
                             const char * const *cells)
{
  g_autoptr(GtkStringList) row = NULL;

  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));
  g_return_if_fail (cells != NULL);

  row = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->n_columns; i++)
    gtk_string_list_append (row, cells[i] != NULL ? cells[i] : "");

  g_list_store_append (self->rows, row);
  update_row_count (self);
}

void
sigap_data_table_set_total_row (SigapDataTable *self,
                                gboolean        last_row_is_total)
{
  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));

  self->total_row = !!last_row_is_total;
}

/**
 * sigap_data_table_set_chart_table:
 *
 * Shows a chart's data: its first column is the category, the others are figures.
 */
void
sigap_data_table_set_chart_table (SigapDataTable        *self,
                                  const SigapChartTable *table)
{
  g_autofree const char **headers = NULL;
  g_autofree gboolean *numeric = NULL;

  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));
  g_return_if_fail (table != NULL);

  headers = g_new0 (const char *, table->n_columns + 1);
  numeric = g_new0 (gboolean, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    {
      headers[c] = sigap_chart_table_get_header (table, c);
      numeric[c] = c > 0;
    }

  sigap_data_table_set_columns (self, headers, numeric, table->n_columns);
  for (guint r = 0; r < table->n_rows; r++)
    sigap_data_table_append_row (self, (const char * const *) &table->cells[r * table->n_columns]);
}

/**
 * sigap_data_table_set_max_height:
 * @height: the tallest the table grows before it scrolls, or -1 for no limit
 */
void
sigap_data_table_set_max_height (SigapDataTable *self,
                                 int             height)
{
  g_return_if_fail (SIGAP_IS_DATA_TABLE (self));

  gtk_scrolled_window_set_max_content_height (self->scroller, height);
}

guint
sigap_data_table_get_n_columns (SigapDataTable *self)
{
  g_return_val_if_fail (SIGAP_IS_DATA_TABLE (self), 0);

  return self->n_columns;
}

guint
sigap_data_table_get_n_rows (SigapDataTable *self)
{
  g_return_val_if_fail (SIGAP_IS_DATA_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

const char *
sigap_data_table_get_cell (SigapDataTable *self,
                           guint           row,
                           guint           column)
{
  g_autoptr(GtkStringList) cells = NULL;

  g_return_val_if_fail (SIGAP_IS_DATA_TABLE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  cells = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  g_return_val_if_fail (cells != NULL, NULL);

  /* The list store keeps the row alive after the reference here is dropped. */
  return gtk_string_list_get_string (cells, column);
}
