/* sigap-chart-drawable.h: what a view needs of a chart or a map to draw it and point at it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-chart-format.h"
#include "sigap-chart-hit-region.h"
#include "sigap-chart-style.h"
#include "sigap-painter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CHART_DRAWABLE (sigap_chart_drawable_get_type ())

G_DECLARE_INTERFACE (SigapChartDrawable, sigap_chart_drawable, SIGAP, CHART_DRAWABLE, GObject)

/* What the view marks on top of the figures. */
typedef struct
{
  int        hovered;    /* index of the hit region under the pointer, or -1 */
  int        selected;   /* item highlighted with the keyboard, or -1 */
  gboolean   focused;    /* whether the view has the keyboard focus */
  SigapColor accent;     /* the desktop's accent colour */
} SigapChartHighlight;

/**
 * SigapChartDrawableInterface:
 * @set_style: colours and fonts to draw with
 * @measure: the size to ask for; *@minimum and *@natural come in as the view's defaults
 * @allocate: lays out at a size (cheap when nothing changed), filling the hit regions
 * @draw: paints what was allocated, with the view's highlights
 * @get_hit_regions: the hit regions of the last allocation
 * @get_n_items: how many items (categories, regions) the keyboard can step through
 * @get_item_key: an item's key (a region code, for drilling down), or %NULL
 * @step: the item after @from in direction (@dx, @dy), @from when there is none
 * @describe: the figures in words, for assistive technologies
 */
struct _SigapChartDrawableInterface
{
  GTypeInterface g_iface;

  void                        (*set_style)       (SigapChartDrawable        *self,
                                                  const SigapChartStyle     *style);
  void                        (*measure)         (SigapChartDrawable        *self,
                                                  SigapPainter              *painter,
                                                  gboolean                   horizontal,
                                                  int                        for_size,
                                                  int                       *minimum,
                                                  int                       *natural);
  void                        (*allocate)        (SigapChartDrawable        *self,
                                                  SigapPainter              *painter,
                                                  double                     width,
                                                  double                     height);
  void                        (*draw)            (SigapChartDrawable        *self,
                                                  SigapPainter              *painter,
                                                  const SigapChartHighlight *highlight);
  const SigapChartHitRegions *(*get_hit_regions) (SigapChartDrawable        *self);
  guint                       (*get_n_items)     (SigapChartDrawable        *self);
  const char                 *(*get_item_key)    (SigapChartDrawable        *self,
                                                  guint                      index);
  int                         (*step)            (SigapChartDrawable        *self,
                                                  int                        from,
                                                  int                        dx,
                                                  int                        dy);
  char                       *(*describe)        (SigapChartDrawable        *self,
                                                  SigapLang                  lang);
};

void         sigap_chart_drawable_set_style       (SigapChartDrawable        *self,
                                                   const SigapChartStyle     *style);
void         sigap_chart_drawable_measure         (SigapChartDrawable        *self,
                                                   SigapPainter              *painter,
                                                   gboolean                   horizontal,
                                                   int                        for_size,
                                                   int                       *minimum,
                                                   int                       *natural);
void         sigap_chart_drawable_allocate        (SigapChartDrawable        *self,
                                                   SigapPainter              *painter,
                                                   double                     width,
                                                   double                     height);
void         sigap_chart_drawable_draw            (SigapChartDrawable        *self,
                                                   SigapPainter              *painter,
                                                   const SigapChartHighlight *highlight);
const SigapChartHitRegions *
             sigap_chart_drawable_get_hit_regions (SigapChartDrawable        *self);
guint        sigap_chart_drawable_get_n_items     (SigapChartDrawable        *self);
const char  *sigap_chart_drawable_get_item_key    (SigapChartDrawable        *self,
                                                   guint                      index);
int          sigap_chart_drawable_step            (SigapChartDrawable        *self,
                                                   int                        from,
                                                   int                        dx,
                                                   int                        dy);
char        *sigap_chart_drawable_describe        (SigapChartDrawable        *self,
                                                   SigapLang                  lang);

G_END_DECLS
