/* sigap-chart-layout-drawable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapChartLayout as a SigapChartDrawable: what the view asks of a chart. The items are the
 * chart's categories, stepped through in order by any arrow key. The view's highlights lie
 * behind the figures: a tint over the band under the pointer, and with the focus an accent
 * tint and outline around the keyboard's category.
 */

#include <math.h>

#include "sigap-chart-a11y.h"
#include "sigap-chart-layout-private.h"

#define BAR_ROW_HEIGHT   26
/* The least plot (inside the axes) of a chart with a vertical value axis: below this a
 * year of months reads as a flat line. */
#define MIN_PLOT_HEIGHT 160

static void
layout_set_style (SigapChartDrawable    *drawable,
                  const SigapChartStyle *style)
{
  sigap_chart_layout_set_style (SIGAP_CHART_LAYOUT (drawable), style);
}

static void
layout_measure (SigapChartDrawable *drawable,
                SigapPainter       *painter,
                gboolean            horizontal,
                int                 for_size,
                int                *minimum,
                int                *natural)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (drawable);
  SigapChart *chart = sigap_chart_layout_get_chart (self);
  double needed;

  if (horizontal)
    return;

  /* Lines and columns: whatever the legend and the labels take at this width, the plot
   * keeps its least height. */
  needed = sigap_chart_layout_height_for_plot (self, painter, for_size > 0 ? for_size : 480,
                                               MIN_PLOT_HEIGHT);
  if (needed > MIN_PLOT_HEIGHT)
    {
      *minimum = MAX (*minimum, (int) needed);
      *natural = MAX (*natural, *minimum);
    }

  /* Horizontal bars need a row each, however wide the chart is. */
  if (sigap_chart_get_kind (chart) == SIGAP_CHART_KIND_HBAR && !sigap_chart_is_empty (chart))
    {
      int rows = (int) sigap_chart_get_n_categories (chart);
      int legend = sigap_chart_get_n_series (chart) > 1 ||
                   sigap_chart_get_n_references (chart) > 0 ? 32 : 0;

      *minimum = MAX (*minimum, rows * 16 + 40 + legend);
      *natural = MAX (*minimum, rows * BAR_ROW_HEIGHT + 44 + legend);
    }
}

static void
layout_allocate (SigapChartDrawable *drawable,
                 SigapPainter       *painter,
                 double              width,
                 double              height)
{
  sigap_chart_layout_allocate (SIGAP_CHART_LAYOUT (drawable), painter, width, height);
}

static void
rect_union (SigapChartRect       *acc,
            gboolean             *have,
            const SigapChartRect *r)
{
  double x2, y2;

  if (!*have)
    {
      *acc = *r;
      *have = TRUE;
      return;
    }

  x2 = MAX (acc->x + acc->width, r->x + r->width);
  y2 = MAX (acc->y + acc->height, r->y + r->height);
  acc->x = MIN (acc->x, r->x);
  acc->y = MIN (acc->y, r->y);
  acc->width = x2 - acc->x;
  acc->height = y2 - acc->y;
}

static void
sector_path (SigapPainter              *painter,
             const SigapChartHitRegion *region,
             double                     grow)
{
  sigap_painter_arc (painter, region->center_x, region->center_y, region->outer_radius + grow,
                     region->start_angle, region->end_angle, FALSE);
  sigap_painter_arc (painter, region->center_x, region->center_y,
                     MAX (region->inner_radius - grow, 0),
                     region->end_angle, region->start_angle, TRUE);
  sigap_painter_close_path (painter);
}

/* Behind the chart: a tint over the hovered band; the keyboard's category gets an accent
 * tint and outline when the chart has the focus. */
static void
draw_highlights (SigapChartLayout          *self,
                 SigapPainter              *painter,
                 const SigapChartHighlight *highlight)
{
  const SigapChartStyle *style = sigap_chart_layout_get_style (self);
  const SigapChartHitRegions *regions = sigap_chart_layout_get_hit_regions (self);
  guint n = sigap_chart_hit_regions_get_n_items (regions);

  if (style == NULL)
    return;

  if (highlight->hovered >= 0 && (guint) highlight->hovered < n)
    {
      const SigapChartHitRegion *region =
        sigap_chart_hit_regions_get_item (regions, highlight->hovered);
      SigapColor tint = sigap_color_with_alpha (&style->foreground, 0.06);

      sigap_painter_set_color (painter, &tint);
      if (region->is_sector)
        sector_path (painter, region, 3);
      else
        sigap_painter_rounded_rectangle (painter, region->rect.x, region->rect.y,
                                         region->rect.width, region->rect.height, 4, 4, 4, 4);
      sigap_painter_fill (painter);
    }

  if (highlight->focused && highlight->selected >= 0)
    {
      SigapChartRect rect = { 0 };
      gboolean have = FALSE;
      SigapColor tint = sigap_color_with_alpha (&highlight->accent, 0.14);

      for (guint i = 0; i < n; i++)
        {
          const SigapChartHitRegion *region = sigap_chart_hit_regions_get_item (regions, i);

          if (region->category != highlight->selected)
            continue;

          if (region->is_sector)
            {
              sigap_painter_set_color (painter, &tint);
              sector_path (painter, region, 4);
              sigap_painter_fill (painter);
            }
          else
            rect_union (&rect, &have, &region->rect);
        }

      if (have)
        {
          sigap_painter_set_color (painter, &tint);
          sigap_painter_rounded_rectangle (painter, rect.x, rect.y, rect.width, rect.height,
                                           4, 4, 4, 4);
          sigap_painter_fill (painter);
          sigap_painter_set_color (painter, &highlight->accent);
          sigap_painter_set_line_width (painter, 1.5);
          sigap_painter_rounded_rectangle (painter, rect.x + 0.75, rect.y + 0.75,
                                           MAX (rect.width - 1.5, 0),
                                           MAX (rect.height - 1.5, 0), 4, 4, 4, 4);
          sigap_painter_stroke (painter);
        }
    }
}

static void
layout_draw (SigapChartDrawable        *drawable,
             SigapPainter              *painter,
             const SigapChartHighlight *highlight)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (drawable);

  draw_highlights (self, painter, highlight);
  sigap_chart_layout_draw (self, painter);
}

static const SigapChartHitRegions *
layout_get_hit_regions (SigapChartDrawable *drawable)
{
  return sigap_chart_layout_get_hit_regions (SIGAP_CHART_LAYOUT (drawable));
}

static guint
layout_get_n_items (SigapChartDrawable *drawable)
{
  SigapChart *chart = sigap_chart_layout_get_chart (SIGAP_CHART_LAYOUT (drawable));

  if (sigap_chart_is_empty (chart))
    return 0;

  return sigap_chart_get_n_categories (chart);
}

static const char *
layout_get_item_key (SigapChartDrawable *drawable,
                     guint               index)
{
  SigapChart *chart = sigap_chart_layout_get_chart (SIGAP_CHART_LAYOUT (drawable));

  return sigap_chart_get_category (chart, index)->key;
}

/* Left and up go back a category, right and down forward. */
static int
layout_step (SigapChartDrawable *drawable,
             int                 from,
             int                 dx,
             int                 dy)
{
  int n = (int) layout_get_n_items (drawable);

  if (dx < 0 || dy < 0)
    return MAX (from - 1, 0);

  return MIN (from + 1, n - 1);
}

static char *
layout_describe (SigapChartDrawable *drawable,
                 SigapLang           lang)
{
  return sigap_chart_describe (sigap_chart_layout_get_chart (SIGAP_CHART_LAYOUT (drawable)),
                               lang);
}

void
sigap_chart_layout_drawable_init (SigapChartDrawableInterface *iface)
{
  iface->set_style = layout_set_style;
  iface->measure = layout_measure;
  iface->allocate = layout_allocate;
  iface->draw = layout_draw;
  iface->get_hit_regions = layout_get_hit_regions;
  iface->get_n_items = layout_get_n_items;
  iface->get_item_key = layout_get_item_key;
  iface->step = layout_step;
  iface->describe = layout_describe;
}
