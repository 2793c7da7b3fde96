/* sigap-report-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-report-table.h"

#include <stdarg.h>

#include "sigap-report-layout.h"

/* SigapReportTable: rows of text cells under a header, sized to a width: numeric columns as
 * wide as their widest figure (right-aligned, never wrapped, so the digits line up), text
 * columns taking the rest and wrapping their cells. The layout cuts a table between rows
 * only, drawing the header again at the top of each page (sigap_report_table_draw() with
 * @continued). Rows alternate a faint tint; a total row is bold under a rule.
 */

typedef struct
{
  char             *title;
  SigapReportAlign  align;
  gboolean          wrap;
  double            width;
  GPtrArray        *header_lines;
} Column;

typedef struct
{
  SigapReportRowKind   kind;
  char               **cells;
  GPtrArray          **lines;    /* per cell, after layout */
  double               height;
} Row;

struct _SigapReportTable
{
  GObject   parent_instance;

  GArray   *columns;   /* Column */
  GArray   *rows;      /* Row */
  gboolean  show_header;
  double    font_size;
  double    line_height;
  double    header_height;
  double    min_header_height;
};

G_DEFINE_FINAL_TYPE (SigapReportTable, sigap_report_table, G_TYPE_OBJECT)

#define PAD_X 5.0
#define PAD_Y 2.5

static const SigapColor ink = SIGAP_COLOR_INIT_HEX (0x1c1f24, 1.0);
static const SigapColor header_fill = SIGAP_COLOR_INIT_HEX (0xe4e9ef, 1.0);
static const SigapColor zebra_fill = SIGAP_COLOR_INIT_HEX (0xf5f7f9, 1.0);
static const SigapColor rule = SIGAP_COLOR_INIT_HEX (0x3a4450, 1.0);
static const SigapColor hairline = SIGAP_COLOR_INIT_HEX (0xc4cbd3, 1.0);

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_clear_pointer (&column->header_lines, g_ptr_array_unref);
}

static void
row_clear_lines (Row  *row,
                 guint n_columns)
{
  if (row->lines == NULL)
    return;

  for (guint c = 0; c < n_columns; c++)
    g_clear_pointer (&row->lines[c], g_ptr_array_unref);
  g_clear_pointer (&row->lines, g_free);
}

static double
header_size (SigapReportTable *self)
{
  return self->font_size - 0.5;
}

static double
max_line_width (SigapPainter *painter,
                const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double width = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    width = MAX (width, sigap_text_fit_width (painter, lines[i]));

  return width;
}

/* Column widths, in three rounds: every column gets its minimum (its widest figure, or the
 * longest word of a text column or of its header); then text columns grow towards their
 * longest cell, so names wrap as little as possible; then columns whose header still wraps
 * grow towards the header's one-line width. Room left after that goes to the text columns,
 * or to every column alike when there is none. Headers wrap before cells do: a header of two
 * lines costs less than a column too wide for its figures. */
static void
grow (double       *widths,
      const double *wants,
      guint         n,
      double       *room)
{
  double need = 0;

  for (guint c = 0; c < n; c++)
    need += MAX (wants[c] - widths[c], 0);

  if (need <= 0 || *room <= 0)
    return;

  for (guint c = 0; c < n; c++)
    {
      double lack = MAX (wants[c] - widths[c], 0);

      widths[c] += need <= *room ? lack : lack * *room / need;
    }
  *room = MAX (*room - need, 0);
}

static void
size_columns (SigapReportTable *self,
              SigapPainter     *painter,
              double            width)
{
  guint n = self->columns->len;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree double *cells = g_new0 (double, n);
  g_autofree double *headers = g_new0 (double, n);
  double room = width;
  guint n_wrap = 0;

  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);
      double content = 0, content_min = 0, header_min = 0, header = 0;

      for (guint r = 0; r < self->rows->len; r++)
        {
          const Row *row = &g_array_index (self->rows, Row, r);
          const char *cell = row->cells[c] != NULL ? row->cells[c] : "";

          sigap_report_use_font (painter, self->font_size,
                                 row->kind == SIGAP_REPORT_ROW_TOTAL ? SIGAP_FONT_WEIGHT_BOLD
                                                                     : SIGAP_FONT_WEIGHT_NORMAL);
          content = MAX (content, max_line_width (painter, cell));
          content_min = MAX (content_min,
                             column->wrap ? sigap_text_fit_widest_word (painter, cell)
                                          : max_line_width (painter, cell));
        }

      if (self->show_header)
        {
          sigap_report_use_font (painter, header_size (self), SIGAP_FONT_WEIGHT_BOLD);
          header_min = sigap_text_fit_widest_word (painter, column->title);
          header = max_line_width (painter, column->title);
        }

      widths[c] = MAX (content_min, header_min) + 2 * PAD_X;
      cells[c] = column->wrap ? MAX (content, header_min) + 2 * PAD_X : widths[c];
      headers[c] = MAX (header + 2 * PAD_X, cells[c]);
      room -= widths[c];
      n_wrap += column->wrap ? 1 : 0;
    }

  if (room < 0)
    {
      /* Not even the minimums fit: shrink everything alike (text will be cut). */
      double sum = width - room;

      for (guint c = 0; c < n; c++)
        widths[c] *= width / sum;
      room = 0;
    }

  grow (widths, cells, n, &room);
  grow (widths, headers, n, &room);

  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);

      if (n_wrap > 0)
        widths[c] += column->wrap ? room / n_wrap : 0;
      else
        widths[c] += room / n;
      column->width = widths[c];
    }
}

static GPtrArray *
cell_lines (SigapPainter *painter,
            const char   *text,
            double        width,
            gboolean      wrap)
{
  /* Cells hold names: they wrap at spaces only, never inside a word. */
  if (wrap)
    return sigap_report_wrap_names (painter, text, width);
  else
    {
      GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
      g_auto(GStrv) parts = g_strsplit (text, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (lines, g_strdup (parts[i]));
      if (lines->len == 0)
        g_ptr_array_add (lines, g_strdup (""));
      return lines;
    }
}

/* ---------------------------------------------------------------------------------------- */

static void
sigap_report_table_finalize (GObject *object)
{
  SigapReportTable *self = SIGAP_REPORT_TABLE (object);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      row_clear_lines (row, self->columns->len);
      g_strfreev (row->cells);
    }
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (sigap_report_table_parent_class)->finalize (object);
}

static void
sigap_report_table_class_init (SigapReportTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sigap_report_table_finalize;
}

static void
sigap_report_table_init (SigapReportTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->show_header = TRUE;
  self->font_size = 8.5;
}

/* ---------------------------------------------------------------------------------------- */

SigapReportTable *
sigap_report_table_new (void)
{
  return g_object_new (SIGAP_TYPE_REPORT_TABLE, NULL);
}

/**
 * sigap_report_table_add_column:
 * @title: the header; it may wrap at spaces
 * @align: right for numbers
 * @wrap: whether the cells may wrap (a text column that takes the room left)
 *
 * Add the columns before the rows.
 *
 * Returns: the column's index
 */
guint
sigap_report_table_add_column (SigapReportTable *self,
                               const char       *title,
                               SigapReportAlign  align,
                               gboolean          wrap)
{
  Column column = { 0 };

  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  column.title = g_strdup (title != NULL ? title : "");
  column.align = align;
  column.wrap = wrap;
  g_array_append_val (self->columns, column);

  return self->columns->len - 1;
}

void
sigap_report_table_set_show_header (SigapReportTable *self,
                                    gboolean          show)
{
  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));

  self->show_header = !!show;
}

void
sigap_report_table_set_font_size (SigapReportTable *self,
                                  double            size)
{
  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));
  g_return_if_fail (size > 0);

  self->font_size = size;
}

/* @cells: one per column; NULL cells are empty. */
void
sigap_report_table_add_row (SigapReportTable   *self,
                            SigapReportRowKind  kind,
                            const char * const *cells)
{
  Row row = { 0 };
  guint n = self->columns->len;

  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));
  g_return_if_fail (cells != NULL);

  row.kind = kind;
  row.cells = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    row.cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_array_append_val (self->rows, row);
}

/**
 * sigap_report_table_add_row_take:
 * @...: one newly allocated string per column, which the table takes, then %NULL
 *
 * For rows of formatted figures: sigap_format_count() and friends return new strings.
 */
void
sigap_report_table_add_row_take (SigapReportTable   *self,
                                 SigapReportRowKind  kind,
                                 ...)
{
  Row row = { 0 };
  guint n = self->columns->len;
  va_list args;
  guint c = 0;
  char *cell;

  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));

  row.kind = kind;
  row.cells = g_new0 (char *, n + 1);

  va_start (args, kind);
  while ((cell = va_arg (args, char *)) != NULL)
    {
      if (c < n)
        row.cells[c++] = cell;
      else
        g_free (cell);
    }
  va_end (args);

  for (; c < n; c++)
    row.cells[c] = g_strdup ("");

  g_array_append_val (self->rows, row);
}

guint
sigap_report_table_get_n_rows (SigapReportTable *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);

  return self->rows->len;
}

guint
sigap_report_table_get_n_columns (SigapReportTable *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);

  return self->columns->len;
}

const char *
sigap_report_table_get_cell (SigapReportTable *self,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->rows, Row, row).cells[column];
}

/**
 * sigap_report_table_layout:
 * @painter: measures the text (the PDF painter, without a page)
 * @width: the table's width in points
 *
 * Sizes the columns, breaks the cells into lines and measures every row.
 */
void
sigap_report_table_layout (SigapReportTable *self,
                           SigapPainter     *painter,
                           double            width)
{
  SigapTextExtents extents;
  guint n = self->columns->len;
  guint header_lines = 0;

  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));
  g_return_if_fail (SIGAP_IS_PAINTER (painter));

  sigap_painter_save (painter);
  size_columns (self, painter, width);

  sigap_report_use_font (painter, self->font_size, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_measure_text (painter, "Xg", &extents);
  self->line_height = extents.height;

  sigap_report_use_font (painter, header_size (self), SIGAP_FONT_WEIGHT_BOLD);
  for (guint c = 0; c < n; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);

      g_clear_pointer (&column->header_lines, g_ptr_array_unref);
      column->header_lines = sigap_report_wrap_names (painter, column->title,
                                                      column->width - 2 * PAD_X);
      header_lines = MAX (header_lines, column->header_lines->len);
    }
  self->header_height = self->show_header ? header_lines * self->line_height + 2 * PAD_Y : 0;
  if (self->show_header)
    self->header_height = MAX (self->header_height, self->min_header_height);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);
      guint lines = 1;

      row_clear_lines (row, n);
      row->lines = g_new0 (GPtrArray *, n);
      sigap_report_use_font (painter, self->font_size,
                             row->kind == SIGAP_REPORT_ROW_TOTAL ? SIGAP_FONT_WEIGHT_BOLD
                                                                 : SIGAP_FONT_WEIGHT_NORMAL);
      for (guint c = 0; c < n; c++)
        {
          const Column *column = &g_array_index (self->columns, Column, c);

          row->lines[c] = cell_lines (painter, row->cells[c], column->width - 2 * PAD_X,
                                      column->wrap);
          lines = MAX (lines, row->lines[c]->len);
        }
      row->height = lines * self->line_height + 2 * PAD_Y;
    }

  sigap_painter_restore (painter);
}

/**
 * sigap_report_table_set_min_header_height:
 * @height: the least height of the header, in points
 *
 * For two tables side by side: the one whose header wraps less gets as tall a header as the
 * other, so that their rows line up. Takes effect at the next layout.
 */
void
sigap_report_table_set_min_header_height (SigapReportTable *self,
                                          double            height)
{
  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));

  self->min_header_height = MAX (height, 0);
}

double
sigap_report_table_get_header_height (SigapReportTable *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);

  return self->header_height;
}

double
sigap_report_table_get_row_height (SigapReportTable *self,
                                   guint             row)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).height;
}

/* The height of rows [@first, @end), without the header. */
double
sigap_report_table_get_rows_height (SigapReportTable *self,
                                    guint             first,
                                    guint             end)
{
  double height = 0;

  g_return_val_if_fail (SIGAP_IS_REPORT_TABLE (self), 0);

  for (guint r = first; r < end && r < self->rows->len; r++)
    height += g_array_index (self->rows, Row, r).height;

  return height;
}

static void
draw_cell_lines (SigapReportTable *self,
                 SigapPainter     *painter,
                 const Column     *column,
                 GPtrArray        *lines,
                 double            x,
                 double            top)
{
  double align = 0;

  switch (column->align)
    {
    case SIGAP_REPORT_ALIGN_RIGHT:
      align = 1;
      x += column->width - PAD_X;
      break;
    case SIGAP_REPORT_ALIGN_CENTER:
      align = 0.5;
      x += column->width / 2;
      break;
    case SIGAP_REPORT_ALIGN_LEFT:
    default:
      x += PAD_X;
      break;
    }

  for (guint l = 0; l < lines->len; l++)
    sigap_text_fit_show_line (painter, g_ptr_array_index (lines, l), x,
                              top + l * self->line_height, align);
}

static void
hline (SigapPainter     *painter,
       const SigapColor *color,
       double            width,
       double            x,
       double            y,
       double            length)
{
  sigap_painter_set_color (painter, color);
  sigap_painter_set_line_width (painter, width);
  sigap_painter_move_to (painter, x, y);
  sigap_painter_line_to (painter, x + length, y);
  sigap_painter_stroke (painter);
}

/**
 * sigap_report_table_draw:
 * @x: the table's left edge
 * @y: its top
 * @first: the first row to draw
 * @end: the row after the last one to draw
 * @continued: whether the rows continue the table from an earlier page (the header is drawn
 *   either way; this only marks the page break)
 *
 * Draws the header, then rows [@first, @end), as laid out by sigap_report_table_layout().
 */
void
sigap_report_table_draw (SigapReportTable *self,
                         SigapPainter     *painter,
                         double            x,
                         double            y,
                         guint             first,
                         guint             end,
                         gboolean          continued)
{
  double total_width = 0;
  double cx;

  g_return_if_fail (SIGAP_IS_REPORT_TABLE (self));

  for (guint c = 0; c < self->columns->len; c++)
    total_width += g_array_index (self->columns, Column, c).width;

  sigap_painter_save (painter);

  if (self->show_header)
    {
      sigap_painter_set_color (painter, &header_fill);
      sigap_painter_rectangle (painter, x, y, total_width, self->header_height);
      sigap_painter_fill (painter);

      sigap_report_use_font (painter, header_size (self), SIGAP_FONT_WEIGHT_BOLD);
      sigap_painter_set_color (painter, &ink);
      cx = x;
      for (guint c = 0; c < self->columns->len; c++)
        {
          const Column *column = &g_array_index (self->columns, Column, c);
          /* Header cells sit on the bottom of the header row. */
          double top = y + self->header_height - PAD_Y -
                       column->header_lines->len * self->line_height;

          draw_cell_lines (self, painter, column, column->header_lines, cx, top);
          cx += column->width;
        }

      hline (painter, &rule, continued ? 0.8 : 1.0, x, y, total_width);
      hline (painter, &rule, 0.6, x, y + self->header_height, total_width);
      y += self->header_height;
    }

  for (guint r = first; r < end && r < self->rows->len; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      if (row->kind == SIGAP_REPORT_ROW_TOTAL)
        {
          sigap_painter_set_color (painter, &header_fill);
          sigap_painter_rectangle (painter, x, y, total_width, row->height);
          sigap_painter_fill (painter);
          hline (painter, &rule, 0.6, x, y, total_width);
        }
      else if (r % 2 == 1)
        {
          sigap_painter_set_color (painter, &zebra_fill);
          sigap_painter_rectangle (painter, x, y, total_width, row->height);
          sigap_painter_fill (painter);
        }

      sigap_report_use_font (painter, self->font_size,
                             row->kind == SIGAP_REPORT_ROW_TOTAL ? SIGAP_FONT_WEIGHT_BOLD
                                                                 : SIGAP_FONT_WEIGHT_NORMAL);
      sigap_painter_set_color (painter, &ink);
      cx = x;
      for (guint c = 0; c < self->columns->len; c++)
        {
          const Column *column = &g_array_index (self->columns, Column, c);

          draw_cell_lines (self, painter, column, row->lines[c], cx, y + PAD_Y);
          cx += column->width;
        }

      y += row->height;
      if (r + 1 < end && r + 1 < self->rows->len &&
          g_array_index (self->rows, Row, r + 1).kind != SIGAP_REPORT_ROW_TOTAL)
        hline (painter, &hairline, 0.3, x, y, total_width);
    }

  hline (painter, &rule, 0.8, x, y, total_width);
  sigap_painter_restore (painter);
}
