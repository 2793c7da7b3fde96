/* sigap-chart-style.h: colours and fonts of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-painter.h"

G_BEGIN_DECLS

typedef enum
{
  SIGAP_CHART_THEME_LIGHT,
  SIGAP_CHART_THEME_DARK,
  SIGAP_CHART_THEME_HIGH_CONTRAST,
  SIGAP_CHART_THEME_PRINT,
} SigapChartTheme;

#define SIGAP_CHART_STYLE_MAX_PALETTE 8

/* How a chart looks. Meaning never rests on colour alone: the layout dashes targets and
 * projections, gives line series their own marker shapes and, with @patterns, hatches the
 * second and later series of bars, slices and stacks so a black-and-white print still tells
 * them apart.
 *
 * @foreground: titles and values. @secondary: axis labels, legend and notes.
 * @background: behind the chart; alpha 0 draws nothing (a widget on a card).
 * @grid: grid lines. @axis: the zero line. @target: target lines, markers and ghost bars.
 * @track: the empty part of a gauge. @palette: series colours, in order (colour-blind safe:
 * Okabe & Ito). @font_family: a Pango family list. @font_size: the labels' size in user units
 * (pixels on screen, points in a PDF); titles and headline numbers scale from it.
 * @line_width: the width of series lines.
 */
typedef struct
{
  SigapColor foreground;
  SigapColor secondary;
  SigapColor background;
  SigapColor grid;
  SigapColor axis;
  SigapColor target;
  SigapColor track;
  SigapColor palette[SIGAP_CHART_STYLE_MAX_PALETTE];
  guint      n_palette;
  char      *font_family;
  double     font_size;
  double     line_width;
  gboolean   patterns;
} SigapChartStyle;

#define SIGAP_TYPE_CHART_STYLE (sigap_chart_style_get_type ())
#define SIGAP_TYPE_CHART_THEME (sigap_chart_theme_get_type ())

GType             sigap_chart_style_get_type      (void) G_GNUC_CONST;
GType             sigap_chart_theme_get_type      (void) G_GNUC_CONST;
SigapChartStyle  *sigap_chart_style_new           (SigapChartTheme        theme);
SigapChartStyle  *sigap_chart_style_copy          (const SigapChartStyle *self);
void              sigap_chart_style_free          (SigapChartStyle       *self);
void              sigap_chart_style_set_font      (SigapChartStyle       *self,
                                                   const char            *family,
                                                   double                 size);
const SigapColor *sigap_chart_style_get_series_color (const SigapChartStyle *self,
                                                   guint                  index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartStyle, sigap_chart_style_free)

G_END_DECLS
