/* sigap-chart-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-map.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sigap-cairo-painter.h"
#include "sigap-chart-drawable.h"
#include "sigap-chart-ticks.h"
#include "sigap-text-fit.h"

/* SigapChartMap: the Wilayah page's and the briefing's map. Kota Bekasi has no boundary data
 * in the database, only the approximate centre of each kecamatan, and a choropleth of real
 * shapes would make the small, dense kecamatan unreadable anyway. So each region is a square
 * tile of the same size, placed on a grid the way the regions lie: a region west of another
 * never lands east of it, one north of another never south of it. The tiles are named and
 * shaded by class of a measure (coverage, say), with a legend giving the class bounds.
 *
 * Placing the tiles: the centres are projected (longitude scaled by the cosine of the
 * latitude, north up) onto a grid shaped like the city with a quarter more cells than regions.
 * Each region takes the free cell nearest its centre, then tiles move and swap while that
 * lowers the sum of squared distances to the centres, with a penalty that outweighs any
 * distance for a region placed left of one clearly (more than half a cell) west of it, or
 * above one clearly north of it. Should an order stay broken the grid grows; as a last resort
 * each axis is binned monotonically and regions sharing a cell are pulled apart by inserting a
 * column or row. Columns and rows left empty are dropped. Regions without coordinates
 * (kelurahan) fill a compact grid in the order they were added (code order from the database).
 *
 * Shading: a sequential single-hue ramp (light to dark blue, ColorBrewer's "Blues"), whose
 * lightness rises steadily so it reads in grey and for every kind of colour blindness; each
 * tile also prints its value, so colour is never the only carrier. "No data" is white with
 * hatching. Like SigapChartLayout, the map draws through any SigapPainter and leaves hit
 * regions (category = the region's index, series = its class, -1 without a value) for
 * tooltips and click-to-drill.
 */

typedef struct
{
  char   *code;
  char   *name;
  double  latitude;
  double  longitude;
  double  value;
  guint   column;
  guint   row;
} Region;

typedef struct
{
  char   *lines[2];
  double  name_scale;   /* of the style's font size */
  char   *value;
  double  x, y, size;
} Tile;

struct _SigapChartMap
{
  GObject          parent_instance;

  char            *title;
  char            *measure;
  SigapChartUnit   unit;
  char            *no_data_text;
  double           bounds[SIGAP_CHART_MAP_MAX_BOUNDS];
  guint            n_bounds;          /* 0: from the data */
  SigapChartStyle *style;
  SigapLang        lang;
  gboolean         show_title;
  gboolean         show_legend;
  double           padding;

  GArray          *regions;           /* Region */
  gboolean         grid_valid;
  guint            n_columns;
  guint            n_rows;

  /* The allocation. */
  gboolean         valid;
  double           width;
  double           height;
  char            *title_text;
  double           title_y;
  double           grid_x;
  double           grid_y;
  double           cell;
  double           gap;
  GArray          *tiles;             /* Tile, one per region */
  gboolean         legend_right;
  guint            legend_columns;
  double           legend_x;
  double           legend_y;
  GPtrArray       *legend_labels;     /* char *, one per class, then "no data" */
  SigapChartHitRegions *hit_regions;
};

static void sigap_chart_map_drawable_init (SigapChartDrawableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapChartMap, sigap_chart_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_CHART_DRAWABLE,
                                                      sigap_chart_map_drawable_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SWATCH      11.0
#define SWATCH_GAP   6.0
#define LEGEND_GAP  16.0
#define MAX_TILE   112.0
#define TILE_PAD     4.0

/* The size of the regions' names in the tiles, as a fraction of the style's font size: all
 * alike from MAX down to SHARED_MIN, one tile alone down to MIN (5 pt in the briefing). */
#define NAME_SCALE_MAX        0.85
#define NAME_SCALE_SHARED_MIN 0.70
#define NAME_SCALE_MIN        0.625
#define NAME_SCALE_STEP       0.05

/* ColorBrewer "Blues" (9 classes), light to dark. */
static const guint32 ramp[] = {
  0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
};

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->code);
  g_free (region->name);
}

static void
tile_clear (gpointer data)
{
  Tile *tile = data;

  g_free (tile->lines[0]);
  g_free (tile->lines[1]);
  g_free (tile->value);
}

static void
invalidate (SigapChartMap *self)
{
  self->valid = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static Region *
region_at (SigapChartMap *self,
           guint          index)
{
  return &g_array_index (self->regions, Region, index);
}

/* ---------------------------------------------------------------------------------------- */
/* The grid                                                                                 */

typedef struct
{
  double x;     /* east */
  double y;     /* south */
  guint  index;
} Point;

static gboolean
all_have_coordinates (SigapChartMap *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = region_at (self, i);

      if (!isfinite (region->latitude) || !isfinite (region->longitude))
        return FALSE;
    }

  return self->regions->len > 0;
}

static void
compact_grid (SigapChartMap *self)
{
  guint n = self->regions->len;

  self->n_columns = MAX ((guint) ceil (sqrt ((double) n)), 1);
  self->n_rows = MAX ((n + self->n_columns - 1) / self->n_columns, 1);

  for (guint i = 0; i < n; i++)
    {
      region_at (self, i)->column = i % self->n_columns;
      region_at (self, i)->row = i / self->n_columns;
    }
}

/* Strict order along one axis: by coordinate, ties broken by the order of addition. */
static gboolean
before (const Point *a,
        const Point *b,
        gboolean     along_x)
{
  double va = along_x ? a->x : a->y;
  double vb = along_x ? b->x : b->y;

  return va < vb || (va == vb && a->index < b->index);
}

/* Drops columns and rows without a tile. */
static void
drop_empty_lines (SigapChartMap *self,
                  guint          n_columns,
                  guint          n_rows)
{
  g_autofree guint *column_map = g_new0 (guint, n_columns);
  g_autofree guint *row_map = g_new0 (guint, n_rows);
  g_autofree gboolean *column_used = g_new0 (gboolean, n_columns);
  g_autofree gboolean *row_used = g_new0 (gboolean, n_rows);
  guint c = 0, r = 0;

  for (guint i = 0; i < self->regions->len; i++)
    {
      column_used[region_at (self, i)->column] = TRUE;
      row_used[region_at (self, i)->row] = TRUE;
    }

  for (guint i = 0; i < n_columns; i++)
    if (column_used[i])
      column_map[i] = c++;
  for (guint i = 0; i < n_rows; i++)
    if (row_used[i])
      row_map[i] = r++;

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = region_at (self, i);

      region->column = column_map[region->column];
      region->row = row_map[region->row];
    }

  self->n_columns = MAX (c, 1);
  self->n_rows = MAX (r, 1);
}

/* The grid of the map in its own units: column 0 west, row 0 north. */
typedef struct
{
  guint   n;
  Point  *points;      /* projected centres */
  double  min_x, min_y, extent_x, extent_y;
  guint   n_columns;
  guint   n_rows;
  double *ideal_x;     /* each centre in grid units */
  double *ideal_y;
  int    *column;      /* the tile of each region */
  int    *row;
} Grid;

/* Whether regions a and b break the order of their centres on one axis: b clearly (by more
 * than half a cell) east of a but left of it, or clearly south but above it. */
static guint
order_violations (const Grid *grid,
                  guint       a,
                  guint       b)
{
  guint v = 0;

  if (grid->ideal_x[b] - grid->ideal_x[a] > 0.5 && grid->column[b] < grid->column[a])
    v++;
  if (grid->ideal_x[a] - grid->ideal_x[b] > 0.5 && grid->column[a] < grid->column[b])
    v++;
  if (grid->ideal_y[b] - grid->ideal_y[a] > 0.5 && grid->row[b] < grid->row[a])
    v++;
  if (grid->ideal_y[a] - grid->ideal_y[b] > 0.5 && grid->row[a] < grid->row[b])
    v++;

  return v;
}

/* Squared distances of the tiles from their centres, plus a penalty per broken order that
 * outweighs any distance, so the search first restores the order and then tightens. */
static double
grid_cost (const Grid *grid)
{
  double cost = 0;

  for (guint i = 0; i < grid->n; i++)
    {
      double dx = grid->column[i] - grid->ideal_x[i];
      double dy = grid->row[i] - grid->ideal_y[i];

      cost += dx * dx + dy * dy;
      for (guint j = i + 1; j < grid->n; j++)
        cost += 1000.0 * order_violations (grid, i, j);
    }

  return cost;
}

static guint
grid_violations (const Grid *grid)
{
  guint v = 0;

  for (guint i = 0; i < grid->n; i++)
    for (guint j = i + 1; j < grid->n; j++)
      v += order_violations (grid, i, j);

  return v;
}

static int
grid_occupant (const Grid *grid,
               int         column,
               int         row)
{
  for (guint i = 0; i < grid->n; i++)
    if (grid->column[i] == column && grid->row[i] == row)
      return (int) i;

  return -1;
}

/* Lays the regions out on a grid of n_columns × n_rows: each to the free cell nearest its
 * centre, northernmost first, then moves and swaps while the cost drops. Deterministic: the
 * same regions always give the same map. */
static void
grid_place (Grid *grid)
{
  g_autofree guint *order = g_new (guint, grid->n);
  gboolean improved = TRUE;
  double cost;

  for (guint i = 0; i < grid->n; i++)
    {
      grid->ideal_x[i] = (grid->points[i].x - grid->min_x) / grid->extent_x *
                         (grid->n_columns - 1);
      grid->ideal_y[i] = (grid->points[i].y - grid->min_y) / grid->extent_y * (grid->n_rows - 1);
      grid->column[i] = grid->row[i] = -1;
      order[i] = i;
    }

  /* Insertion sort, north to south (n is a dozen or so). */
  for (guint i = 1; i < grid->n; i++)
    for (guint j = i; j > 0 && grid->ideal_y[order[j]] < grid->ideal_y[order[j - 1]]; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  for (guint k = 0; k < grid->n; k++)
    {
      guint i = order[k];
      double best = G_MAXDOUBLE;

      for (guint r = 0; r < grid->n_rows; r++)
        for (guint c = 0; c < grid->n_columns; c++)
          {
            double dx = c - grid->ideal_x[i], dy = r - grid->ideal_y[i];

            if (dx * dx + dy * dy < best && grid_occupant (grid, (int) c, (int) r) < 0)
              {
                best = dx * dx + dy * dy;
                grid->column[i] = (int) c;
                grid->row[i] = (int) r;
              }
          }
    }

  cost = grid_cost (grid);
  for (guint pass = 0; improved && pass < 100; pass++)
    {
      improved = FALSE;

      for (guint i = 0; i < grid->n; i++)
        for (guint j = i + 1; j < grid->n; j++)
          {
            int c = grid->column[i], r = grid->row[i];
            double swapped;

            grid->column[i] = grid->column[j];
            grid->row[i] = grid->row[j];
            grid->column[j] = c;
            grid->row[j] = r;
            swapped = grid_cost (grid);
            if (swapped < cost - 1e-9)
              {
                cost = swapped;
                improved = TRUE;
                continue;
              }
            grid->column[j] = grid->column[i];
            grid->row[j] = grid->row[i];
            grid->column[i] = c;
            grid->row[i] = r;
          }

      for (guint i = 0; i < grid->n; i++)
        for (guint r = 0; r < grid->n_rows; r++)
          for (guint c = 0; c < grid->n_columns; c++)
            {
              int old_c = grid->column[i], old_r = grid->row[i];
              double moved;

              if (grid_occupant (grid, (int) c, (int) r) >= 0)
                continue;
              grid->column[i] = (int) c;
              grid->row[i] = (int) r;
              moved = grid_cost (grid);
              if (moved < cost - 1e-9)
                {
                  cost = moved;
                  improved = TRUE;
                  continue;
                }
              grid->column[i] = old_c;
              grid->row[i] = old_r;
            }
    }
}

/* The fallback, should the search leave an order broken: bins each axis by a monotone
 * function, then pulls two regions sharing a cell apart by inserting a column (or a row,
 * whichever axis separates them more) between them. Everything on the far side shifts by one,
 * which keeps every order and cannot make a new collision; the price is a sparser grid. */
static void
grid_split (Grid *grid)
{
  guint n_columns = MAX ((guint) round (sqrt (grid->n * grid->extent_x / grid->extent_y)), 1);
  guint n_rows = MAX ((guint) round (sqrt (grid->n * grid->extent_y / grid->extent_x)), 1);

  n_columns = MIN (n_columns, grid->n);
  n_rows = MIN (n_rows, grid->n);

  for (guint i = 0; i < grid->n; i++)
    {
      grid->column[i] = (int) MIN ((guint) floor ((grid->points[i].x - grid->min_x) /
                                                  grid->extent_x * n_columns), n_columns - 1);
      grid->row[i] = (int) MIN ((guint) floor ((grid->points[i].y - grid->min_y) /
                                               grid->extent_y * n_rows), n_rows - 1);
    }

  for (;;)
    {
      int a = -1, b = -1;
      gboolean along_x;
      const Point *far;

      for (guint i = 0; i < grid->n && a < 0; i++)
        for (guint j = i + 1; j < grid->n; j++)
          if (grid->column[i] == grid->column[j] && grid->row[i] == grid->row[j])
            {
              a = (int) i;
              b = (int) j;
              break;
            }

      if (a < 0)
        break;

      along_x = fabs (grid->points[a].x - grid->points[b].x) / (grid->extent_x / n_columns) >=
                fabs (grid->points[a].y - grid->points[b].y) / (grid->extent_y / n_rows);
      far = before (&grid->points[a], &grid->points[b], along_x) ? &grid->points[b]
                                                                 : &grid->points[a];

      for (guint k = 0; k < grid->n; k++)
        if (!before (&grid->points[k], far, along_x))
          {
            if (along_x)
              grid->column[k]++;
            else
              grid->row[k]++;
          }

      if (along_x)
        n_columns++;
      else
        n_rows++;
    }

  grid->n_columns = n_columns;
  grid->n_rows = n_rows;
}

static void
geographic_grid (SigapChartMap *self)
{
  guint n = self->regions->len;
  g_autofree Point *points = g_new0 (Point, n);
  g_autofree double *ideal_x = g_new0 (double, n);
  g_autofree double *ideal_y = g_new0 (double, n);
  g_autofree int *column = g_new0 (int, n);
  g_autofree int *row = g_new0 (int, n);
  Grid grid = { n, points, G_MAXDOUBLE, G_MAXDOUBLE, 0, 0, 0, 0, ideal_x, ideal_y, column, row };
  double mean_latitude = 0, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE, aspect;
  gboolean placed = FALSE;

  for (guint i = 0; i < n; i++)
    mean_latitude += region_at (self, i)->latitude / n;

  for (guint i = 0; i < n; i++)
    {
      const Region *region = region_at (self, i);

      points[i].x = region->longitude * cos (mean_latitude * G_PI / 180);
      points[i].y = -region->latitude;
      points[i].index = i;
      grid.min_x = MIN (grid.min_x, points[i].x);
      grid.min_y = MIN (grid.min_y, points[i].y);
      max_x = MAX (max_x, points[i].x);
      max_y = MAX (max_y, points[i].y);
    }

  grid.extent_x = MAX (max_x - grid.min_x, 1e-9);
  grid.extent_y = MAX (max_y - grid.min_y, 1e-9);
  aspect = CLAMP (grid.extent_x / grid.extent_y, 0.1, 10);

  /* A grid shaped like the city with a quarter more cells than regions, a little roomier on
   * each retry. */
  for (guint attempt = 0; attempt < 4 && !placed; attempt++)
    {
      double cells = n * (1.25 + 0.25 * attempt);

      grid.n_columns = CLAMP ((guint) round (sqrt (cells * aspect)), 1, n);
      grid.n_rows = MAX ((guint) ceil (cells / grid.n_columns), 1);
      while (grid.n_columns * grid.n_rows < n)
        grid.n_rows++;

      grid_place (&grid);
      placed = grid_violations (&grid) == 0;
    }

  if (!placed)
    grid_split (&grid);

  for (guint i = 0; i < n; i++)
    {
      region_at (self, i)->column = (guint) column[i];
      region_at (self, i)->row = (guint) row[i];
    }

  drop_empty_lines (self, grid.n_columns, grid.n_rows);
}

static void
ensure_grid (SigapChartMap *self)
{
  if (self->grid_valid)
    return;

  self->n_columns = self->n_rows = 0;
  if (self->regions->len > 0)
    {
      if (all_have_coordinates (self) && self->regions->len > 1)
        geographic_grid (self);
      else
        compact_grid (self);
    }

  self->grid_valid = TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Classes                                                                                  */

static guint
effective_bounds (SigapChartMap *self,
                  double        *bounds)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  g_autoptr(SigapChartTicks) ticks = NULL;
  guint n = 0;

  if (self->n_bounds > 0)
    {
      memcpy (bounds, self->bounds, self->n_bounds * sizeof (double));
      return self->n_bounds;
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      double v = region_at (self, i)->value;

      if (isfinite (v))
        {
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
    }

  if (lo >= hi)
    return 0;

  /* Nice round bounds: the inner ticks of an axis over the values. */
  ticks = sigap_chart_ticks_new (lo, hi, 5, self->unit != SIGAP_CHART_UNIT_PERCENT);
  for (guint i = 1; i + 1 < ticks->n_values && n < SIGAP_CHART_MAP_MAX_BOUNDS; i++)
    bounds[n++] = ticks->values[i];

  return n;
}

static int
class_of (double        value,
          const double *bounds,
          guint         n_bounds)
{
  int c = 0;

  if (!isfinite (value))
    return -1;

  while ((guint) c < n_bounds && value >= bounds[c])
    c++;

  return c;
}

static SigapColor
class_color (guint c,
             guint n_classes)
{
  double t = n_classes <= 1 ? 0.5 : 0.08 + 0.84 * c / (n_classes - 1);
  double pos = t * (G_N_ELEMENTS (ramp) - 1);
  guint i = MIN ((guint) floor (pos), G_N_ELEMENTS (ramp) - 2);
  SigapColor a = SIGAP_COLOR_INIT_HEX (ramp[i], 1.0);
  SigapColor b = SIGAP_COLOR_INIT_HEX (ramp[i + 1], 1.0);

  return sigap_color_mix (&a, &b, pos - i);
}

static SigapColor
ink_on (const SigapColor *fill)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  if (luminance > 0.5)
    return (SigapColor) { 0, 0, 0, 0.87 };

  return (SigapColor) { 1, 1, 1, 1 };
}

static char *
format_bound (SigapChartMap *self,
              double         value)
{
  return sigap_chart_format_tick (value, self->unit, fabs (value - round (value)) > 1e-9 ? 1 : 0,
                                  self->lang);
}

/* "< 70%", "70–90%"-style labels: "70%–90%" reads oddly, so units repeat on both ends only
 * when the formatter needs them (Rupiah). */
static char *
class_label (SigapChartMap *self,
             guint          c,
             const double  *bounds,
             guint          n_bounds)
{
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (n_bounds == 0)
    return g_strdup (self->measure != NULL ? self->measure : "");

  if (c == 0)
    {
      hi = format_bound (self, bounds[0]);
      return g_strdup_printf ("< %s", hi);
    }

  lo = format_bound (self, bounds[c - 1]);
  if (c == n_bounds)
    return g_strdup_printf ("\u2265 %s", lo);

  hi = format_bound (self, bounds[c]);
  return g_strdup_printf ("%s \u2013 < %s", lo, hi);
}

/* ---------------------------------------------------------------------------------------- */
/* Layout                                                                                   */

static void
use_font (SigapChartMap   *self,
          SigapPainter    *painter,
          double           scale,
          SigapFontWeight  weight)
{
  sigap_painter_set_font (painter, self->style->font_family, self->style->font_size * scale,
                          weight);
}

/* @name in a tile whose text is @max_width wide, from @scale down to NAME_SCALE_MIN until it
 * is whole, on at most two lines broken at spaces; a proper name is never split inside a
 * word ("Jatisam-purna" reads as two places), so one still too long at the smallest size
 * ends with an ellipsis. Fills @lines and returns the scale used. */
static double
fit_tile_name (SigapChartMap *self,
               SigapPainter  *painter,
               const char    *name,
               double         max_width,
               double         scale,
               char         **lines)
{
  SigapTextFitFont font = { self->style->font_family, self->style->font_size,
                            SIGAP_FONT_WEIGHT_NORMAL, NAME_SCALE_MIN, NAME_SCALE_STEP };
  g_autoptr(GPtrArray) fitted = sigap_text_fit_shrink (painter, name, max_width, 2,
                                                       SIGAP_TEXT_FIT_NAMES, &font, &scale,
                                                       NULL);

  for (guint i = 0; i < 2; i++)
    lines[i] = i < fitted->len ? g_strdup (g_ptr_array_index (fitted, i)) : NULL;

  return scale;
}

/* The width of one legend item (swatch and label), the widest. */
static double
legend_item_width (SigapChartMap *self,
                   SigapPainter  *painter)
{
  double width = 0;

  use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_NORMAL);
  for (guint i = 0; i < self->legend_labels->len; i++)
    {
      const char *label = g_ptr_array_index (self->legend_labels, i);

      width = MAX (width, SWATCH + SWATCH_GAP + sigap_text_fit_width (painter, label));
    }

  return width;
}

static double
legend_width (SigapChartMap *self,
              SigapPainter  *painter)
{
  double width;

  use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_BOLD);
  width = sigap_text_fit_width (painter, self->measure);

  return MAX (width, legend_item_width (self, painter));
}

/* Under the map the legend takes as many columns (up to three) as @width holds. */
static guint
legend_columns_for (SigapChartMap *self,
                    SigapPainter  *painter,
                    double         width)
{
  double item = legend_item_width (self, painter) + LEGEND_GAP;

  return CLAMP ((guint) floor ((width + LEGEND_GAP) / item), 1, 3);
}

static double
legend_height (SigapChartMap *self,
               SigapPainter  *painter,
               guint          n_columns)
{
  guint n_rows = (self->legend_labels->len + n_columns - 1) / MAX (n_columns, 1);
  double row;
  double height = 0;

  use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_NORMAL);
  row = MAX (sigap_text_fit_line_height (painter), SWATCH) + 4;
  if (self->measure != NULL && *self->measure != '\0')
    height += row;

  return height + row * n_rows;
}

static void
build_legend_labels (SigapChartMap *self)
{
  double bounds[SIGAP_CHART_MAP_MAX_BOUNDS];
  guint n_bounds = effective_bounds (self, bounds);

  g_ptr_array_set_size (self->legend_labels, 0);
  for (guint c = 0; c <= n_bounds; c++)
    g_ptr_array_add (self->legend_labels, class_label (self, c, bounds, n_bounds));
  g_ptr_array_add (self->legend_labels, g_strdup (self->no_data_text));
}

static double
title_height (SigapChartMap *self,
              SigapPainter  *painter)
{
  if (!self->show_title || self->title == NULL || *self->title == '\0')
    return 0;

  use_font (self, painter, 1.15, SIGAP_FONT_WEIGHT_BOLD);
  return sigap_text_fit_line_height (painter) + 8;
}

/* The tile size for a grid in @width × @height, legend to the right or below. */
static double
cell_size (SigapChartMap *self,
           double         width,
           double         height)
{
  double cell = MIN (width / MAX (self->n_columns, 1), height / MAX (self->n_rows, 1));

  return MAX (MIN (cell, MAX_TILE), 0);
}

void
sigap_chart_map_allocate (SigapChartMap *self,
                          SigapPainter  *painter,
                          double         width,
                          double         height)
{
  double x0, y, inner_width, inner_height;
  double lw = 0, lh = 0, cell_right, cell_below;
  double bounds[SIGAP_CHART_MAP_MAX_BOUNDS];
  double name_scale;
  guint n_bounds;

  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (SIGAP_IS_PAINTER (painter));

  if (self->valid && self->width == width && self->height == height)
    return;

  ensure_grid (self);
  g_array_set_size (self->tiles, 0);
  sigap_chart_hit_regions_clear (self->hit_regions);
  g_clear_pointer (&self->title_text, g_free);

  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  x0 = self->padding;
  y = self->padding;
  inner_width = MAX (self->width - 2 * self->padding, 1);
  inner_height = MAX (self->height - 2 * self->padding, 1);

  sigap_painter_save (painter);

  if (self->show_title && self->title != NULL && *self->title != '\0')
    {
      use_font (self, painter, 1.15, SIGAP_FONT_WEIGHT_BOLD);
      self->title_text = sigap_text_fit_ellipsize (painter, self->title, inner_width);
      self->title_y = y;
      y += title_height (self, painter);
    }
  inner_height = MAX (inner_height - (y - self->padding), 1);

  build_legend_labels (self);
  self->legend_columns = 1;
  if (self->show_legend)
    {
      lw = legend_width (self, painter);
      self->legend_columns = legend_columns_for (self, painter, inner_width);
      lh = legend_height (self, painter, self->legend_columns);
    }

  /* The legend goes where it leaves the bigger tiles. */
  cell_right = cell_size (self, inner_width - (self->show_legend ? lw + LEGEND_GAP : 0),
                          inner_height);
  cell_below = cell_size (self, inner_width,
                          inner_height - (self->show_legend ? lh + LEGEND_GAP / 2 : 0));
  self->legend_right = !self->show_legend || cell_right >= cell_below;
  if (self->legend_right)
    self->legend_columns = 1;
  self->cell = self->legend_right ? cell_right : cell_below;
  self->gap = MAX (2.0, round (self->cell * 0.05));

  /* Tiles and legend as one block in the middle: left-aligned, a map at its largest tiles
   * left most of a wide card empty on the right. */
  {
    double block = self->cell * self->n_columns;

    if (self->show_legend && self->legend_right)
      block += LEGEND_GAP + lw;
    x0 += floor (MAX (inner_width - block, 0) / 2);
  }
  self->grid_x = x0;
  self->grid_y = y;

  if (self->legend_right)
    {
      self->legend_x = x0 + self->cell * self->n_columns + LEGEND_GAP;
      self->legend_y = y;
    }
  else
    {
      self->legend_x = x0;
      self->legend_y = y + self->cell * self->n_rows + LEGEND_GAP / 2;
    }

  n_bounds = effective_bounds (self, bounds);

  /* One name size for every tile, the largest at which no name is cut (a long one-word name
   * such as "Pondokmelati" sets it), down to 70 % of the labels' size; a name that still does
   * not fit gets a smaller size of its own (fit_tile_name ()). */
  for (name_scale = NAME_SCALE_MAX; name_scale > NAME_SCALE_SHARED_MIN - 0.01;
       name_scale -= NAME_SCALE_STEP)
    {
      double inner = self->cell - self->gap - 2 * TILE_PAD;
      gboolean all_fit = TRUE;

      use_font (self, painter, name_scale, SIGAP_FONT_WEIGHT_NORMAL);
      for (guint i = 0; i < self->regions->len && all_fit; i++)
        {
          gboolean cut;
          g_autoptr(GPtrArray) lines = sigap_text_fit_wrap (painter, region_at (self, i)->name,
                                                            MAX (inner, 0), 2,
                                                            SIGAP_TEXT_FIT_NAMES, &cut);

          all_fit = !cut;
        }

      if (all_fit)
        break;
    }
  name_scale = MAX (name_scale, NAME_SCALE_SHARED_MIN);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = region_at (self, i);
      Tile tile = { { NULL, NULL }, 0.85, NULL, 0, 0, 0 };
      double inner = self->cell - self->gap - 2 * TILE_PAD;
      g_autofree char *full = NULL;

      tile.x = self->grid_x + region->column * self->cell;
      tile.y = self->grid_y + region->row * self->cell;
      tile.size = MAX (self->cell - self->gap, 0);

      tile.name_scale = fit_tile_name (self, painter, region->name, MAX (inner, 0), name_scale,
                                       tile.lines);
      use_font (self, painter, 1.0, SIGAP_FONT_WEIGHT_BOLD);
      full = sigap_chart_format_short (region->value, self->unit, self->lang);
      tile.value = sigap_text_fit_ellipsize (painter, full, MAX (inner, 0));
      g_array_append_val (self->tiles, tile);

      {
        g_autofree char *value = sigap_chart_format_value (region->value, self->unit, self->lang);
        char *tooltip;

        if (self->measure != NULL && *self->measure != '\0')
          tooltip = g_strdup_printf ("%s\n%s: %s", region->name, self->measure, value);
        else
          tooltip = g_strdup_printf ("%s\n%s", region->name, value);

        sigap_chart_hit_regions_add (self->hit_regions, tile.x, tile.y, tile.size, tile.size,
                                     class_of (region->value, bounds, n_bounds), (int) i,
                                     tooltip);
      }
    }

  sigap_painter_restore (painter);
  self->valid = TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing                                                                                  */

static void
hatch (SigapPainter *painter,
       double        x,
       double        y,
       double        width,
       double        height)
{
  const SigapColor ink = { 0, 0, 0, 0.45 };

  sigap_painter_save (painter);
  sigap_painter_rectangle (painter, x, y, width, height);
  sigap_painter_clip (painter);
  sigap_painter_set_color (painter, &ink);
  sigap_painter_set_line_width (painter, 0.6);
  for (double d = -height; d <= width; d += 4.5)
    {
      sigap_painter_move_to (painter, x + d, y + height);
      sigap_painter_line_to (painter, x + d + height, y);
    }
  sigap_painter_stroke (painter);
  sigap_painter_restore (painter);
}

static void
draw_swatch (SigapPainter *painter,
             double        x,
             double        y,
             double        size,
             int           c,
             guint         n_classes)
{
  const SigapColor white = { 1, 1, 1, 1 };
  const SigapColor outline = { 0, 0, 0, 0.35 };
  SigapColor fill = c >= 0 ? class_color ((guint) c, n_classes) : white;

  sigap_painter_set_color (painter, &fill);
  sigap_painter_rectangle (painter, x, y, size, size);
  sigap_painter_fill (painter);
  if (c < 0)
    hatch (painter, x, y, size, size);
  sigap_painter_set_color (painter, &outline);
  sigap_painter_set_line_width (painter, 0.5);
  sigap_painter_rectangle (painter, x + 0.25, y + 0.25, size - 0.5, size - 0.5);
  sigap_painter_stroke (painter);
}

static void
draw_legend (SigapChartMap *self,
             SigapPainter  *painter)
{
  double y = self->legend_y;
  guint n_classes = self->legend_labels->len - 1;
  double row, item_width;
  guint rows;

  use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_NORMAL);
  row = MAX (sigap_text_fit_line_height (painter), SWATCH) + 4;

  if (self->measure != NULL && *self->measure != '\0')
    {
      use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_BOLD);
      sigap_painter_set_color (painter, &self->style->foreground);
      sigap_text_fit_show_line (painter, self->measure, self->legend_x, y, 0);
      y += row;
    }

  use_font (self, painter, 0.9, SIGAP_FONT_WEIGHT_NORMAL);
  item_width = legend_item_width (self, painter) + LEGEND_GAP;
  rows = (self->legend_labels->len + self->legend_columns - 1) / MAX (self->legend_columns, 1);
  for (guint i = 0; i < self->legend_labels->len; i++)
    {
      int c = i < n_classes ? (int) i : -1;
      double text_h = sigap_text_fit_line_height (painter);
      double x = self->legend_x + (i / rows) * item_width;
      double top = y + (i % rows) * row;

      draw_swatch (painter, x, top + (row - 4 - SWATCH) / 2, SWATCH, c, n_classes);
      sigap_painter_set_color (painter, &self->style->secondary);
      sigap_text_fit_show_line (painter, g_ptr_array_index (self->legend_labels, i),
                                x + SWATCH + SWATCH_GAP, top + (row - 4 - text_h) / 2, 0);
    }
}

void
sigap_chart_map_draw (SigapChartMap *self,
                      SigapPainter  *painter)
{
  double bounds[SIGAP_CHART_MAP_MAX_BOUNDS];
  guint n_bounds, n_classes;
  const SigapColor outline = { 0, 0, 0, 0.3 };

  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (SIGAP_IS_PAINTER (painter));

  if (!self->valid)
    sigap_chart_map_allocate (self, painter, self->width, self->height);

  n_bounds = effective_bounds (self, bounds);
  n_classes = n_bounds + 1;

  sigap_painter_save (painter);
  sigap_painter_set_dash (painter, NULL, 0, 0);

  if (self->style->background.alpha > 0)
    {
      sigap_painter_set_color (painter, &self->style->background);
      sigap_painter_rectangle (painter, 0, 0, self->width, self->height);
      sigap_painter_fill (painter);
    }

  if (self->title_text != NULL)
    {
      use_font (self, painter, 1.15, SIGAP_FONT_WEIGHT_BOLD);
      sigap_painter_set_color (painter, &self->style->foreground);
      sigap_text_fit_show_line (painter, self->title_text, self->padding, self->title_y, 0);
    }

  for (guint i = 0; i < self->tiles->len; i++)
    {
      const Tile *tile = &g_array_index (self->tiles, Tile, i);
      int c = class_of (region_at (self, i)->value, bounds, n_bounds);
      const SigapColor white = { 1, 1, 1, 1 };
      SigapColor fill = c >= 0 ? class_color ((guint) c, n_classes) : white;
      SigapColor ink = ink_on (&fill);
      double name_h, value_h, y;

      if (tile->size <= 0)
        continue;

      sigap_painter_set_color (painter, &fill);
      sigap_painter_rectangle (painter, tile->x, tile->y, tile->size, tile->size);
      sigap_painter_fill (painter);
      if (c < 0)
        hatch (painter, tile->x, tile->y, tile->size, tile->size);
      sigap_painter_set_color (painter, &outline);
      sigap_painter_set_line_width (painter, 0.5);
      sigap_painter_rectangle (painter, tile->x + 0.25, tile->y + 0.25,
                               tile->size - 0.5, tile->size - 0.5);
      sigap_painter_stroke (painter);

      /* The name at the top, the value at the bottom, when there is room for both. */
      use_font (self, painter, 1.0, SIGAP_FONT_WEIGHT_BOLD);
      value_h = sigap_text_fit_line_height (painter);
      use_font (self, painter, tile->name_scale, SIGAP_FONT_WEIGHT_NORMAL);
      name_h = sigap_text_fit_line_height (painter);
      if (c < 0)
        ink = (SigapColor) { 0, 0, 0, 0.87 };
      sigap_painter_set_color (painter, &ink);

      y = tile->y + TILE_PAD;
      for (guint l = 0; l < 2 && tile->lines[l] != NULL; l++)
        {
          if (y + name_h > tile->y + tile->size - TILE_PAD - (tile->size > 3 * name_h ? value_h
                                                                                    : 0))
            break;
          sigap_text_fit_show_line (painter, tile->lines[l], tile->x + TILE_PAD, y, 0);
          y += name_h;
        }

      if (tile->size > name_h + value_h + 2 * TILE_PAD)
        {
          use_font (self, painter, 1.0, SIGAP_FONT_WEIGHT_BOLD);
          sigap_text_fit_show_line (painter, tile->value, tile->x + TILE_PAD,
                                    tile->y + tile->size - TILE_PAD - value_h, 0);
        }
    }

  if (self->show_legend)
    draw_legend (self, painter);

  sigap_painter_restore (painter);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
sigap_chart_map_finalize (GObject *object)
{
  SigapChartMap *self = SIGAP_CHART_MAP (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->measure, g_free);
  g_clear_pointer (&self->no_data_text, g_free);
  g_clear_pointer (&self->title_text, g_free);
  g_clear_pointer (&self->style, sigap_chart_style_free);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->tiles, g_array_unref);
  g_clear_pointer (&self->legend_labels, g_ptr_array_unref);
  g_clear_pointer (&self->hit_regions, sigap_chart_hit_regions_free);

  G_OBJECT_CLASS (sigap_chart_map_parent_class)->finalize (object);
}

static void
sigap_chart_map_class_init (SigapChartMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_chart_map_finalize;

  /**
   * SigapChartMap::changed:
   *
   * The regions, values or a setting changed: lay out and draw again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_chart_map_init (SigapChartMap *self)
{
  self->regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);
  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  g_array_set_clear_func (self->tiles, tile_clear);
  self->legend_labels = g_ptr_array_new_with_free_func (g_free);
  self->hit_regions = sigap_chart_hit_regions_new ();
  self->style = sigap_chart_style_new (SIGAP_CHART_THEME_LIGHT);
  self->lang = SIGAP_LANG_ID;
  self->unit = SIGAP_CHART_UNIT_PERCENT;
  self->show_title = TRUE;
  self->show_legend = TRUE;
  self->padding = 12;
  /* Translators: the legend entry of a region without a value on the map */
  self->no_data_text = g_strdup (_("No data"));
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

/**
 * sigap_chart_map_new:
 * @title: (nullable): drawn above the map
 *
 * Returns: (transfer full): an empty map (light style, Indonesian figures, percent values)
 */
SigapChartMap *
sigap_chart_map_new (const char *title)
{
  SigapChartMap *self = g_object_new (SIGAP_TYPE_CHART_MAP, NULL);

  self->title = g_strdup (title);
  return self;
}

/**
 * sigap_chart_map_set_regions:
 * @parent: the city (its kecamatan, with their centres) or a kecamatan (its kelurahan, which
 *   have no coordinates and fill a compact grid in code order)
 *
 * Adds the child regions of @parent, in code order.
 *
 * Returns: %TRUE on success; %FALSE with @error set when @parent has no child regions
 */
gboolean
sigap_chart_map_set_regions (SigapChartMap      *self,
                             const SigapRegion  *parent,
                             GError            **error)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), FALSE);
  g_return_val_if_fail (parent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (parent->children->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No region lies within “%s”"), parent->code);
      return FALSE;
    }

  for (guint i = 0; i < parent->children->len; i++)
    {
      const SigapRegion *child = g_ptr_array_index (parent->children, i);

      sigap_chart_map_add_region (self, child->code, child->name,
                                  child->has_centre ? child->latitude : NAN,
                                  child->has_centre ? child->longitude : NAN);
    }

  return TRUE;
}

/**
 * sigap_chart_map_add_region:
 * @latitude: the centre's latitude in degrees, or NAN when unknown
 * @longitude: the centre's longitude in degrees, or NAN when unknown
 *
 * The region starts without a value ("no data"). When every region has coordinates the
 * tiles follow them; otherwise they fill a compact grid in the order they were added.
 *
 * Returns: the region's index (the hit regions' category)
 */
guint
sigap_chart_map_add_region (SigapChartMap *self,
                            const char    *code,
                            const char    *name,
                            double         latitude,
                            double         longitude)
{
  Region region = { 0 };

  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);
  g_return_val_if_fail (code != NULL, 0);

  region.code = g_strdup (code);
  region.name = g_strdup (name != NULL ? name : code);
  region.latitude = latitude;
  region.longitude = longitude;
  region.value = NAN;
  g_array_append_val (self->regions, region);
  self->grid_valid = FALSE;
  invalidate (self);

  return self->regions->len - 1;
}

guint
sigap_chart_map_get_n_regions (SigapChartMap *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);

  return self->regions->len;
}

const char *
sigap_chart_map_get_region_code (SigapChartMap *self,
                                 guint          index)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return region_at (self, index)->code;
}

const char *
sigap_chart_map_get_region_name (SigapChartMap *self,
                                 guint          index)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return region_at (self, index)->name;
}

/**
 * sigap_chart_map_set_value:
 * @code: a region's code
 * @value: its value (percent for a percentage), or NAN for no data
 *
 * Returns: %TRUE if the map has a region @code
 */
gboolean
sigap_chart_map_set_value (SigapChartMap *self,
                           const char    *code,
                           double         value)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < self->regions->len; i++)
    if (g_strcmp0 (region_at (self, i)->code, code) == 0)
      {
        region_at (self, i)->value = value;
        invalidate (self);
        return TRUE;
      }

  return FALSE;
}

double
sigap_chart_map_get_value (SigapChartMap *self,
                           guint          index)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), NAN);
  g_return_val_if_fail (index < self->regions->len, NAN);

  return region_at (self, index)->value;
}

const char *
sigap_chart_map_get_title (SigapChartMap *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), NULL);

  return self->title;
}

void
sigap_chart_map_set_title (SigapChartMap *self,
                           const char    *title)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));

  g_free (self->title);
  self->title = g_strdup (title);
  invalidate (self);
}

/**
 * sigap_chart_map_set_measure:
 * @name: (nullable): what the values are ("Coverage"), heading the legend and the tooltips
 * @unit: how the values are formatted
 */
void
sigap_chart_map_set_measure (SigapChartMap  *self,
                             const char     *name,
                             SigapChartUnit  unit)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));

  g_free (self->measure);
  self->measure = g_strdup (name);
  self->unit = unit;
  invalidate (self);
}

/**
 * sigap_chart_map_set_class_bounds:
 * @bounds: (array length=n_bounds) (nullable): increasing class bounds
 * @n_bounds: 0 to %SIGAP_CHART_MAP_MAX_BOUNDS; 0 picks round bounds from the values
 *
 * @n_bounds bounds make @n_bounds + 1 classes: below the first bound, from each bound up to
 * (not including) the next, and from the last bound up. A value on a bound belongs to the
 * class above it, so a coverage of exactly 100 % is in "≥ 100%".
 */
void
sigap_chart_map_set_class_bounds (SigapChartMap *self,
                                  const double  *bounds,
                                  guint          n_bounds)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (n_bounds <= SIGAP_CHART_MAP_MAX_BOUNDS);
  g_return_if_fail (n_bounds == 0 || bounds != NULL);

  for (guint i = 1; i < n_bounds; i++)
    g_return_if_fail (bounds[i - 1] < bounds[i]);

  if (n_bounds > 0)
    memcpy (self->bounds, bounds, n_bounds * sizeof (double));
  self->n_bounds = n_bounds;
  invalidate (self);
}

/* The number of classes, "no data" not counted. */
guint
sigap_chart_map_get_n_classes (SigapChartMap *self)
{
  double bounds[SIGAP_CHART_MAP_MAX_BOUNDS];

  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);

  return effective_bounds (self, bounds) + 1;
}

/* Returns: the class of region @index, 0 for the lowest, or -1 when it has no value */
int
sigap_chart_map_get_class (SigapChartMap *self,
                           guint          index)
{
  double bounds[SIGAP_CHART_MAP_MAX_BOUNDS];
  guint n_bounds;

  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), -1);
  g_return_val_if_fail (index < self->regions->len, -1);

  n_bounds = effective_bounds (self, bounds);
  return class_of (region_at (self, index)->value, bounds, n_bounds);
}

/* The legend entry for regions without a value: the app's locale by default, so a PDF in
 * another language sets its own. */
void
sigap_chart_map_set_no_data_text (SigapChartMap *self,
                                  const char    *text)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (text != NULL);

  g_free (self->no_data_text);
  self->no_data_text = g_strdup (text);
  invalidate (self);
}

/* The map keeps a copy of @style; it uses its fonts and text colours (the tiles have their
 * own ramp, the same in every theme, with a darker ink on light tiles). */
void
sigap_chart_map_set_style (SigapChartMap         *self,
                           const SigapChartStyle *style)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (style != NULL);

  g_clear_pointer (&self->style, sigap_chart_style_free);
  self->style = sigap_chart_style_copy (style);
  invalidate (self);
}

void
sigap_chart_map_set_lang (SigapChartMap *self,
                          SigapLang      lang)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));

  self->lang = lang;
  invalidate (self);
}

void
sigap_chart_map_set_show_title (SigapChartMap *self,
                                gboolean       show)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));

  self->show_title = !!show;
  invalidate (self);
}

void
sigap_chart_map_set_show_legend (SigapChartMap *self,
                                 gboolean       show)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));

  self->show_legend = !!show;
  invalidate (self);
}

void
sigap_chart_map_set_padding (SigapChartMap *self,
                             double         padding)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (padding >= 0);

  self->padding = padding;
  invalidate (self);
}

guint
sigap_chart_map_get_n_columns (SigapChartMap *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);

  ensure_grid (self);
  return self->n_columns;
}

guint
sigap_chart_map_get_n_rows (SigapChartMap *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);

  ensure_grid (self);
  return self->n_rows;
}

/* The grid cell of region @index: column 0 is the westernmost, row 0 the northernmost. */
void
sigap_chart_map_get_cell (SigapChartMap *self,
                          guint          index,
                          guint         *column,
                          guint         *row)
{
  g_return_if_fail (SIGAP_IS_CHART_MAP (self));
  g_return_if_fail (index < self->regions->len);

  ensure_grid (self);
  if (column != NULL)
    *column = region_at (self, index)->column;
  if (row != NULL)
    *row = region_at (self, index)->row;
}

/* allocate() then draw(): for one-off drawings (a PNG, a PDF page). */
void
sigap_chart_map_render (SigapChartMap *self,
                        SigapPainter  *painter,
                        double         width,
                        double         height)
{
  sigap_chart_map_allocate (self, painter, width, height);
  sigap_chart_map_draw (self, painter);
}

/**
 * sigap_chart_map_get_natural_height:
 * @painter: measures the text
 * @width: the width the map will get
 *
 * Returns: the height at which the tiles reach their largest size for @width, so a page can
 *   give the map no more room than it uses
 */
double
sigap_chart_map_get_natural_height (SigapChartMap *self,
                                    SigapPainter  *painter,
                                    double         width)
{
  double inner_width, lw = 0, lh = 0, lh_below = 0, cell_right, cell_below, height;

  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), 0);
  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), 0);

  ensure_grid (self);
  inner_width = MAX (width - 2 * self->padding, 1);

  sigap_painter_save (painter);
  height = 2 * self->padding + title_height (self, painter);
  build_legend_labels (self);
  if (self->show_legend)
    {
      lw = legend_width (self, painter);
      lh = legend_height (self, painter, 1);
      lh_below = legend_height (self, painter, legend_columns_for (self, painter, inner_width));
    }
  sigap_painter_restore (painter);

  /* As allocate() decides, with the height left unbounded. */
  cell_right = cell_size (self, inner_width - (self->show_legend ? lw + LEGEND_GAP : 0),
                          G_MAXDOUBLE);
  cell_below = cell_size (self, inner_width, G_MAXDOUBLE);
  if (!self->show_legend || cell_right >= cell_below)
    return height + MAX (cell_right * self->n_rows, lh);

  return height + cell_below * self->n_rows + LEGEND_GAP / 2 + lh_below;
}

/* Returns: (transfer none): the tiles of the last allocation, in the order of the regions */
const SigapChartHitRegions *
sigap_chart_map_get_hit_regions (SigapChartMap *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_MAP (self), NULL);

  return self->hit_regions;
}

/* As a SigapChartDrawable, for the view: the items are the regions, the arrow keys move to
 * the nearest tile in their direction on the grid; the view's highlights are outlines on top
 * of the tiles. */

#define VIEW_MIN_WIDTH       200
#define VIEW_MIN_HEIGHT      160
#define VIEW_NATURAL_HEIGHT  340

static void
map_set_style (SigapChartDrawable    *drawable,
               const SigapChartStyle *style)
{
  sigap_chart_map_set_style (SIGAP_CHART_MAP (drawable), style);
}

static void
map_measure (SigapChartDrawable *drawable,
             SigapPainter       *painter,
             gboolean            horizontal,
             int                 for_size,
             int                *minimum,
             int                *natural)
{
  SigapChartMap *self = SIGAP_CHART_MAP (drawable);

  if (horizontal)
    {
      *minimum = VIEW_MIN_WIDTH;
      *natural = 420;
      return;
    }

  *minimum = VIEW_MIN_HEIGHT;
  *natural = VIEW_NATURAL_HEIGHT;

  /* No taller than the tiles grow at this width: the rest would stay empty. */
  if (for_size > 0)
    {
      *natural = (int) ceil (sigap_chart_map_get_natural_height (self, painter, for_size));
      *natural = MAX (*natural, VIEW_MIN_HEIGHT);
    }
}

static void
map_allocate (SigapChartDrawable *drawable,
              SigapPainter       *painter,
              double              width,
              double              height)
{
  sigap_chart_map_allocate (SIGAP_CHART_MAP (drawable), painter, width, height);
}

static const SigapChartHitRegion *
region_hit (SigapChartMap *self,
            int            index)
{
  guint n = sigap_chart_hit_regions_get_n_items (self->hit_regions);

  for (guint i = 0; index >= 0 && i < n; i++)
    {
      const SigapChartHitRegion *hit = sigap_chart_hit_regions_get_item (self->hit_regions, i);

      if (hit->category == index)
        return hit;
    }

  return NULL;
}

static void
draw_highlight (SigapChartMap             *self,
                SigapPainter              *painter,
                const SigapChartHitRegion *hit,
                const SigapChartHighlight *highlight,
                gboolean                   focus)
{
  SigapColor color;
  double grow = 3;

  if (hit == NULL)
    return;

  if (focus)
    {
      color = highlight->accent;
      color.alpha = 1;
      sigap_painter_set_line_width (painter, 2.5);
    }
  else
    {
      color = sigap_color_with_alpha (&self->style->foreground, 0.5);
      sigap_painter_set_line_width (painter, 1.5);
      grow = 1.5;
    }

  sigap_painter_set_color (painter, &color);
  sigap_painter_rounded_rectangle (painter, hit->rect.x - grow, hit->rect.y - grow,
                                   hit->rect.width + 2 * grow, hit->rect.height + 2 * grow,
                                   5, 5, 5, 5);
  sigap_painter_stroke (painter);
}

static void
map_draw (SigapChartDrawable        *drawable,
          SigapPainter              *painter,
          const SigapChartHighlight *highlight)
{
  SigapChartMap *self = SIGAP_CHART_MAP (drawable);
  int hovered = -1;

  sigap_chart_map_draw (self, painter);

  if (highlight->hovered >= 0 &&
      (guint) highlight->hovered < sigap_chart_hit_regions_get_n_items (self->hit_regions))
    hovered = sigap_chart_hit_regions_get_item (self->hit_regions, highlight->hovered)->category;

  if (hovered >= 0 && hovered != highlight->selected)
    draw_highlight (self, painter, region_hit (self, hovered), highlight, FALSE);
  if (highlight->selected >= 0 && highlight->focused)
    draw_highlight (self, painter, region_hit (self, highlight->selected), highlight, TRUE);
}

static const SigapChartHitRegions *
map_get_hit_regions (SigapChartDrawable *drawable)
{
  return SIGAP_CHART_MAP (drawable)->hit_regions;
}

static guint
map_get_n_items (SigapChartDrawable *drawable)
{
  return sigap_chart_map_get_n_regions (SIGAP_CHART_MAP (drawable));
}

static const char *
map_get_item_key (SigapChartDrawable *drawable,
                  guint               index)
{
  return sigap_chart_map_get_region_code (SIGAP_CHART_MAP (drawable), index);
}

/* The region nearest @from in direction (dx, dy) on the grid, or @from when none is. */
static int
map_step (SigapChartDrawable *drawable,
          int                 from,
          int                 dx,
          int                 dy)
{
  SigapChartMap *self = SIGAP_CHART_MAP (drawable);
  guint n = sigap_chart_map_get_n_regions (self);
  guint column, row;
  double best = G_MAXDOUBLE;
  int found = from;

  sigap_chart_map_get_cell (self, from, &column, &row);
  for (guint i = 0; i < n; i++)
    {
      guint c, r;
      double along, across, score;

      sigap_chart_map_get_cell (self, i, &c, &r);
      along = dx != 0 ? ((double) c - column) * dx : ((double) r - row) * dy;
      across = dx != 0 ? fabs ((double) r - row) : fabs ((double) c - column);
      if (along <= 0)
        continue;

      /* Straight ahead beats diagonal: across counts double. */
      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          found = (int) i;
        }
    }

  return found;
}

/* The title, then each region and its value. */
static char *
map_describe (SigapChartDrawable *drawable,
              SigapLang           lang)
{
  SigapChartMap *self = SIGAP_CHART_MAP (drawable);
  GString *text = g_string_new (self->title);

  /* The tooltips carry each value formatted; lay out at some size to have them. */
  if (sigap_chart_hit_regions_get_n_items (self->hit_regions) == 0)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(SigapPainter) painter = sigap_cairo_painter_new (cr);

      sigap_chart_map_allocate (self, painter, 480, 360);
      g_clear_object (&painter);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  for (guint i = 0; i < sigap_chart_hit_regions_get_n_items (self->hit_regions); i++)
    {
      const SigapChartHitRegion *hit = sigap_chart_hit_regions_get_item (self->hit_regions, i);
      g_autofree char *line = g_strdup (hit->tooltip != NULL ? hit->tooltip : "");

      g_strdelimit (line, "\n", ' ');
      g_string_append (text, text->len > 0 ? ". " : "");
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

static void
sigap_chart_map_drawable_init (SigapChartDrawableInterface *iface)
{
  iface->set_style = map_set_style;
  iface->measure = map_measure;
  iface->allocate = map_allocate;
  iface->draw = map_draw;
  iface->get_hit_regions = map_get_hit_regions;
  iface->get_n_items = map_get_n_items;
  iface->get_item_key = map_get_item_key;
  iface->step = map_step;
  iface->describe = map_describe;
}
