/* sigap-card-grid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapCardGrid: the pages' responsive grid (libadwaita 1.2 has no breakpoints). It fits as
 * many columns of at least :min-column-width (or the widest card's minimum width) as the width
 * allows, up to :max-columns, and
 * fills rows with the cards in order; a card spans one or more columns (fewer when there are
 * not that many), a row that is not full is stretched across, and every card of a row gets
 * the row's height, so cards line up. With :balanced (the KPI cards) the number of columns
 * divides the number of cards: six cards go 6, 3, 2 or 1 across, never 4 + 2.
 *
 * CSS node: cardgrid. Children are added with sigap_card_grid_append() or from a .ui file
 * (span 1; change it with sigap_card_grid_set_span()).
 *
 * With sigap_card_grid_set_single_tab_stop() (the KPI cards, each focusable) the grid is one
 * Tab stop: Tab enters at its first card and leaves from any; the arrow keys move between
 * the cards.
 */

#include "sigap-card-grid.h"

struct _SigapCardGrid
{
  GtkWidget parent_instance;

  int       min_column_width;
  guint     max_columns;
  int       column_spacing;
  int       row_spacing;
  gboolean  balanced;
  gboolean  single_tab_stop;
};

static void sigap_card_grid_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapCardGrid, sigap_card_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      sigap_card_grid_buildable_init))

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_MAX_COLUMNS,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  PROP_BALANCED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

#define SPAN_KEY "sigap-card-grid-span"

typedef struct
{
  GtkWidget *widget;
  guint      span;
  int        width;
  int        x;
} Cell;

typedef struct
{
  guint first;      /* index in the cells */
  guint n;
  int   minimum;
  int   natural;
} Row;

static guint
child_span (GtkWidget *child)
{
  guint span = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), SPAN_KEY));

  return MAX (span, 1);
}

static guint
count_visible (SigapCardGrid *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      n++;

  return n;
}

/* The narrowest a one-column card may be: :min-column-width, or more when a card cannot
 * shrink that far (a long figure in a KPI card). */
static int
column_width (SigapCardGrid *self)
{
  int widest = self->min_column_width;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w;

      if (!gtk_widget_should_layout (child) || child_span (child) > 1)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      widest = MAX (widest, min_w);
    }

  return widest;
}

static guint
columns_for_width (SigapCardGrid *self,
                   int            width)
{
  guint n = (guint) MAX ((width + self->column_spacing) /
                         MAX (column_width (self) + self->column_spacing, 1), 1);

  n = CLAMP (n, 1, MAX (self->max_columns, 1));

  if (self->balanced)
    {
      guint count = count_visible (self);

      while (n > 1 && count > 0 && count % n != 0)
        n--;
    }

  return n;
}

/* Splits the visible children into rows for @width, with their widths and positions, and
 * the rows' heights for those widths. */
static void
compute_rows (SigapCardGrid *self,
              int            width,
              GArray        *cells,
              GArray        *rows)
{
  guint columns = columns_for_width (self, width);
  Row row = { 0 };
  guint used = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Cell cell = { child, MIN (child_span (child), columns), 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;

      if (used > 0 && used + cell.span > columns)
        {
          g_array_append_val (rows, row);
          row = (Row) { cells->len, 0, 0, 0 };
          used = 0;
        }

      g_array_append_val (cells, cell);
      row.n++;
      used += cell.span;
    }

  if (row.n > 0)
    g_array_append_val (rows, row);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *rw = &g_array_index (rows, Row, r);
      guint units = 0;
      int available, x = 0;

      for (guint i = 0; i < rw->n; i++)
        units += g_array_index (cells, Cell, rw->first + i).span;

      /* A row that is not full is stretched across, in proportion to the spans. */
      available = MAX (width - (int) (rw->n - 1) * self->column_spacing, 0);

      for (guint i = 0; i < rw->n; i++)
        {
          Cell *cell = &g_array_index (cells, Cell, rw->first + i);
          int min_h, nat_h;

          if (i + 1 == rw->n)
            cell->width = MAX (width - x, 0);
          else
            cell->width = available * (int) cell->span / (int) units;
          cell->x = x;
          x += cell->width + self->column_spacing;

          gtk_widget_measure (cell->widget, GTK_ORIENTATION_VERTICAL, cell->width,
                              &min_h, &nat_h, NULL, NULL);
          rw->minimum = MAX (rw->minimum, min_h);
          rw->natural = MAX (rw->natural, nat_h);
        }
    }
}

static GtkSizeRequestMode
sigap_card_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sigap_card_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SigapCardGrid *self = SIGAP_CARD_GRID (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, widest_natural = self->min_column_width;
      guint n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          widest = MAX (widest, min_w);
          widest_natural = MAX (widest_natural, nat_w);
          n += child_span (child);
        }

      /* Natural: every card at its natural width, as many across as there may be. */
      n = CLAMP (n, 1, self->max_columns);
      *minimum = widest;
      *natural = MAX (widest, (int) n * widest_natural + (int) (n - 1) * self->column_spacing);
    }
  else
    {
      g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
      int width = for_size;

      if (width < 0)
        {
          int min_w;

          sigap_card_grid_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &width,
                                   NULL, NULL);
        }

      compute_rows (self, width, cells, rows);
      for (guint r = 0; r < rows->len; r++)
        {
          const Row *row = &g_array_index (rows, Row, r);

          *minimum += row->minimum + (r > 0 ? self->row_spacing : 0);
          *natural += row->natural + (r > 0 ? self->row_spacing : 0);
        }
    }
}

static void
sigap_card_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SigapCardGrid *self = SIGAP_CARD_GRID (widget);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree GtkRequestedSize *sizes = NULL;
  int y = 0, extra;

  compute_rows (self, width, cells, rows);

  /* The rows' natural heights when they fit, else what there is, each row at least its
   * minimum: a row taller than its share would cover whatever follows the grid (a parent
   * such as a GtkViewport may give the grid its minimum height only). */
  sizes = g_new0 (GtkRequestedSize, MAX (rows->len, 1));
  extra = height - (int) (rows->len > 0 ? rows->len - 1 : 0) * self->row_spacing;
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);

      sizes[r].minimum_size = row->minimum;
      sizes[r].natural_size = row->natural;
      extra -= row->minimum;
    }
  gtk_distribute_natural_allocation (MAX (extra, 0), rows->len, sizes);

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      int row_height = sizes[r].minimum_size;

      for (guint i = 0; i < row->n; i++)
        {
          const Cell *cell = &g_array_index (cells, Cell, row->first + i);
          int x = cell->x;

          if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
            x = width - cell->x - cell->width;

          gtk_widget_size_allocate (cell->widget,
                                    &(GtkAllocation) { x, y, cell->width, row_height }, -1);
        }

      y += row_height + self->row_spacing;
    }
}

static void
sigap_card_grid_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  if (GTK_IS_WIDGET (child))
    sigap_card_grid_append (SIGAP_CARD_GRID (buildable), GTK_WIDGET (child), 1);
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
sigap_card_grid_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = sigap_card_grid_add_child;
}

static void
sigap_card_grid_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sigap_card_grid_parent_class)->dispose (object);
}

static void
sigap_card_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SigapCardGrid *self = SIGAP_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;
    case PROP_MAX_COLUMNS:
      g_value_set_uint (value, self->max_columns);
      break;
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_BALANCED:
      g_value_set_boolean (value, self->balanced);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (SigapCardGrid *self,
         int           *field,
         int            value,
         guint          prop)
{
  if (*field == value)
    return;

  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
sigap_card_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SigapCardGrid *self = SIGAP_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      set_int (self, &self->min_column_width, g_value_get_int (value), prop_id);
      break;
    case PROP_MAX_COLUMNS:
      if (self->max_columns != g_value_get_uint (value))
        {
          self->max_columns = g_value_get_uint (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLUMN_SPACING:
      set_int (self, &self->column_spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_ROW_SPACING:
      set_int (self, &self->row_spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_BALANCED:
      if (self->balanced != g_value_get_boolean (value))
        {
          self->balanced = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
focus_visible_child (GtkWidget        *child,
                     GtkDirectionType  direction,
                     gboolean          forward)
{
  for (; child != NULL;
       child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_child_focus (child, direction))
      return TRUE;
  return FALSE;
}

static gboolean
sigap_card_grid_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  SigapCardGrid *self = SIGAP_CARD_GRID (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward;

  if (!self->single_tab_stop)
    return GTK_WIDGET_CLASS (sigap_card_grid_parent_class)->focus (widget, direction);

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
      if (focus_child != NULL)
        return FALSE;
      return focus_visible_child (gtk_widget_get_first_child (widget), direction, TRUE);
    case GTK_DIR_RIGHT:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_UP:
      if (focus_child == NULL)
        return focus_visible_child (gtk_widget_get_first_child (widget), direction, TRUE);
      forward = direction == GTK_DIR_RIGHT || direction == GTK_DIR_DOWN;
      if (focus_visible_child (forward ? gtk_widget_get_next_sibling (focus_child)
                                       : gtk_widget_get_prev_sibling (focus_child),
                               direction, forward))
        return TRUE;
      /* At the first or last card: stay, rather than jump out of the grid. */
      gtk_widget_error_bell (widget);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
sigap_card_grid_class_init (SigapCardGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_card_grid_dispose;
  object_class->get_property = sigap_card_grid_get_property;
  object_class->set_property = sigap_card_grid_set_property;

  widget_class->get_request_mode = sigap_card_grid_get_request_mode;
  widget_class->measure = sigap_card_grid_measure;
  widget_class->size_allocate = sigap_card_grid_size_allocate;
  widget_class->focus = sigap_card_grid_focus;

  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL, 1, G_MAXINT, 300,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_COLUMNS] =
    g_param_spec_uint ("max-columns", NULL, NULL, 1, 12, 3,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BALANCED] =
    g_param_spec_boolean ("balanced", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cardgrid");
}

static void
sigap_card_grid_init (SigapCardGrid *self)
{
  self->min_column_width = 300;
  self->max_columns = 3;
  self->column_spacing = 12;
  self->row_spacing = 12;
}

GtkWidget *
sigap_card_grid_new (void)
{
  return g_object_new (SIGAP_TYPE_CARD_GRID, NULL);
}

/**
 * sigap_card_grid_append:
 * @span: how many columns @child takes when there are that many
 */
void
sigap_card_grid_append (SigapCardGrid *self,
                        GtkWidget     *child,
                        guint          span)
{
  g_return_if_fail (SIGAP_IS_CARD_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  g_object_set_data (G_OBJECT (child), SPAN_KEY, GUINT_TO_POINTER (MAX (span, 1)));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
sigap_card_grid_set_span (SigapCardGrid *self,
                          GtkWidget     *child,
                          guint          span)
{
  g_return_if_fail (SIGAP_IS_CARD_GRID (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (child), SPAN_KEY, GUINT_TO_POINTER (MAX (span, 1)));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sigap_card_grid_get_columns:
 *
 * Returns: how many columns the current width holds
 */
guint
sigap_card_grid_get_columns (SigapCardGrid *self)
{
  g_return_val_if_fail (SIGAP_IS_CARD_GRID (self), 1);

  return columns_for_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/**
 * sigap_card_grid_set_single_tab_stop:
 *
 * Makes the grid of focusable cards one Tab stop, with the arrow keys between its cards.
 */
void
sigap_card_grid_set_single_tab_stop (SigapCardGrid *self,
                                     gboolean       single)
{
  g_return_if_fail (SIGAP_IS_CARD_GRID (self));

  self->single_tab_stop = !!single;
}
