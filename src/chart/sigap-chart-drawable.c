/* sigap-chart-drawable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapChartDrawable: the one face charts (SigapChartLayout) and maps (SigapChartMap) show
 * a view: set a style, measure, allocate, draw with highlights, hit-test through the hit
 * regions, step through the items with the keyboard and describe for assistive
 * technologies. The view (SigapChartView) holds everything else: pointer, keyboard, focus,
 * tooltips and the accessible description, once for both.
 */

#include "sigap-chart-drawable.h"

G_DEFINE_INTERFACE (SigapChartDrawable, sigap_chart_drawable, G_TYPE_OBJECT)

static void
sigap_chart_drawable_default_init (SigapChartDrawableInterface *iface)
{
}

void
sigap_chart_drawable_set_style (SigapChartDrawable    *self,
                                const SigapChartStyle *style)
{
  g_return_if_fail (SIGAP_IS_CHART_DRAWABLE (self));

  SIGAP_CHART_DRAWABLE_GET_IFACE (self)->set_style (self, style);
}

/**
 * sigap_chart_drawable_measure:
 * @horizontal: whether @minimum and @natural are widths (else heights for @for_size)
 * @for_size: the width a height is asked for, or -1
 * @minimum: (inout): the view's default on entry, the drawable's request on return
 * @natural: (inout): the same
 */
void
sigap_chart_drawable_measure (SigapChartDrawable *self,
                              SigapPainter       *painter,
                              gboolean            horizontal,
                              int                 for_size,
                              int                *minimum,
                              int                *natural)
{
  g_return_if_fail (SIGAP_IS_CHART_DRAWABLE (self));
  g_return_if_fail (minimum != NULL && natural != NULL);

  SIGAP_CHART_DRAWABLE_GET_IFACE (self)->measure (self, painter, horizontal, for_size,
                                                  minimum, natural);
}

void
sigap_chart_drawable_allocate (SigapChartDrawable *self,
                               SigapPainter       *painter,
                               double              width,
                               double              height)
{
  g_return_if_fail (SIGAP_IS_CHART_DRAWABLE (self));

  SIGAP_CHART_DRAWABLE_GET_IFACE (self)->allocate (self, painter, width, height);
}

/**
 * sigap_chart_drawable_draw:
 * @highlight: (nullable): what to mark, %NULL for nothing (print, screenshots)
 */
void
sigap_chart_drawable_draw (SigapChartDrawable        *self,
                           SigapPainter              *painter,
                           const SigapChartHighlight *highlight)
{
  SigapChartHighlight none = { -1, -1, FALSE, { 0, 0, 0, 1 } };

  g_return_if_fail (SIGAP_IS_CHART_DRAWABLE (self));

  SIGAP_CHART_DRAWABLE_GET_IFACE (self)->draw (self, painter,
                                               highlight != NULL ? highlight : &none);
}

const SigapChartHitRegions *
sigap_chart_drawable_get_hit_regions (SigapChartDrawable *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_DRAWABLE (self), NULL);

  return SIGAP_CHART_DRAWABLE_GET_IFACE (self)->get_hit_regions (self);
}

guint
sigap_chart_drawable_get_n_items (SigapChartDrawable *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_DRAWABLE (self), 0);

  return SIGAP_CHART_DRAWABLE_GET_IFACE (self)->get_n_items (self);
}

const char *
sigap_chart_drawable_get_item_key (SigapChartDrawable *self,
                                   guint               index)
{
  g_return_val_if_fail (SIGAP_IS_CHART_DRAWABLE (self), NULL);
  g_return_val_if_fail (index < sigap_chart_drawable_get_n_items (self), NULL);

  return SIGAP_CHART_DRAWABLE_GET_IFACE (self)->get_item_key (self, index);
}

/**
 * sigap_chart_drawable_step:
 * @from: an item's index (at least 0)
 * @dx: -1 left, 1 right, 0 neither
 * @dy: -1 up, 1 down, 0 neither
 *
 * Returns: the item the arrow key (@dx, @dy) moves to from @from
 */
int
sigap_chart_drawable_step (SigapChartDrawable *self,
                           int                 from,
                           int                 dx,
                           int                 dy)
{
  g_return_val_if_fail (SIGAP_IS_CHART_DRAWABLE (self), from);

  return SIGAP_CHART_DRAWABLE_GET_IFACE (self)->step (self, from, dx, dy);
}

/**
 * sigap_chart_drawable_describe:
 *
 * Returns: (transfer full): the figures in words
 */
char *
sigap_chart_drawable_describe (SigapChartDrawable *self,
                               SigapLang           lang)
{
  g_return_val_if_fail (SIGAP_IS_CHART_DRAWABLE (self), NULL);

  return SIGAP_CHART_DRAWABLE_GET_IFACE (self)->describe (self, lang);
}
