/* sigap-chart-layout-private.h: what the layout's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sigap-chart-drawable.h"
#include "sigap-chart-layout.h"
#include "sigap-text-fit.h"

G_BEGIN_DECLS

typedef enum
{
  FONT_LABEL,   /* category labels, legend */
  FONT_SMALL,   /* tick labels, values on bars */
  FONT_STRONG,  /* values that head a row */
  FONT_TITLE,
  FONT_BIG,     /* the headline number of a gauge or donut */
} FontRole;

typedef enum
{
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

typedef enum
{
  SWATCH_BAR,
  SWATCH_GHOST_BAR,
  SWATCH_LINE,
  SWATCH_TARGET_LINE,
  SWATCH_PROJECTION,
  SWATCH_TARGET_MARKER,
} SwatchKind;

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE,
} MarkerShape;

typedef struct
{
  SwatchKind  kind;
  guint       index;   /* the series (a category for donuts): colour, pattern, marker */
  char       *text;
  double      x;
  double      y;       /* top of the item's line */
} LegendItem;

/* A label of a category, a tick or a row, already shortened to its room. */
typedef struct
{
  char   *lines[2];    /* lines[1] may be NULL */
  char   *extra[2];    /* right-hand columns of a row (value, share); may be NULL */
  double  x;
  double  y;
  double  width;
  double  height;
  gboolean visible;
} Label;

/* A filled outline: a rectangle with rounded corners, or a ring sector whose outer arc runs
 * from a1 to a2 and inner arc from b1 to b2 (angles of their own, so the gaps between slices
 * keep parallel sides).
 */
typedef struct
{
  gboolean is_sector;
  double   x, y, width, height;
  double   radius[4];  /* top-left, top-right, bottom-right, bottom-left */
  double   cx, cy, r1, r2, a1, a2, b1, b2;
} Shape;

struct _SigapChartLayout
{
  GObject          parent_instance;

  SigapChart      *chart;
  gulong           changed_id;
  SigapChartStyle *style;
  SigapLang        lang;
  gboolean         show_title;
  gboolean         show_legend;
  double           padding;

  /* The allocation, valid for (width, height) until the chart or a setting changes. */
  gboolean         valid;
  double           width;
  double           height;
  gboolean         empty;
  gboolean         horizontal;     /* the value axis runs left to right */
  Label            title;
  Label            empty_label;
  GArray          *legend;         /* LegendItem */
  SigapChartRect   content;        /* below the title and legend */
  SigapChartRect   plot;           /* inside the axes */
  SigapChartTicks *ticks;
  GArray          *tick_labels;    /* Label, one per tick */
  GArray          *labels;         /* Label, one per category (rows of a donut's legend) */
  FontRole         category_font;  /* of the category labels */
  Label            more_label;     /* "3 more" under a cut donut legend */
  double           band;           /* the room of one category along the category axis */
  double           bar_width;      /* one bar across */
  double           bar_gap;
  double           value_label_gap;
  gboolean         show_values;
  int              value_series;   /* the series a gauge shows */
  int              target_series;
  double           center_x;       /* donut */
  double           center_y;
  double           outer_radius;
  double           inner_radius;
  double           total;
  Label            center_labels[2];
  SigapChartHitRegions *hit_regions;
};

/* sigap-chart-layout.c: shared helpers */
void        _sigap_chart_layout_use_font      (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               FontRole          role);
double      _sigap_chart_layout_line_height   (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               FontRole          role);
void        _sigap_chart_layout_wrap          (SigapPainter     *painter,
                                               const char       *text,
                                               double            max_width,
                                               guint             max_lines,
                                               Label            *label);
void        _sigap_chart_layout_fit_row_labels (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               double            x,
                                               double            label_width,
                                               double            label_height,
                                               guint             every);
void        _sigap_chart_layout_draw_text     (SigapPainter     *painter,
                                               const char       *text,
                                               double            x,
                                               double            top,
                                               Align             align);
void        _sigap_chart_layout_draw_label    (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               const Label      *label,
                                               Align             align);
void        _sigap_chart_layout_clear_label   (Label            *label);
double      _sigap_chart_layout_crisp         (double            v);
char       *_sigap_chart_layout_category_text (SigapChartLayout *self,
                                               guint             category,
                                               gboolean          full);
void        _sigap_chart_layout_shape_path    (SigapPainter     *painter,
                                               const Shape      *shape);
void        _sigap_chart_layout_fill_shape    (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               const Shape      *shape,
                                               const SigapColor *color,
                                               guint             pattern);
guint       _sigap_chart_layout_pattern_for   (SigapChartLayout *self,
                                               guint             index);
SigapColor  _sigap_chart_layout_text_color_on (const SigapColor *fill);
void        _sigap_chart_layout_draw_marker   (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               double            x,
                                               double            y,
                                               guint             series,
                                               gboolean          hollow);
void        _sigap_chart_layout_draw_ghost    (SigapChartLayout *self,
                                               SigapPainter     *painter,
                                               const Shape      *shape);
char       *_sigap_chart_layout_series_tooltip (SigapChartLayout *self,
                                               int               series,
                                               guint             category);

/* sigap-chart-layout-axes.c: LINE, AREA, BAR, HBAR */
void        _sigap_chart_layout_allocate_axes (SigapChartLayout *self,
                                               SigapPainter     *painter);
void        _sigap_chart_layout_draw_axes     (SigapChartLayout *self,
                                               SigapPainter     *painter);
double      _sigap_chart_layout_value_pos     (SigapChartLayout *self,
                                               double            value);
gboolean    _sigap_chart_layout_tick_labels_fit (SigapChartLayout *self,
                                               double            gap);

/* sigap-chart-layout-shares.c: GAUGE, DONUT, STACKED */
void        _sigap_chart_layout_allocate_gauge (SigapChartLayout *self,
                                                SigapPainter     *painter);
void        _sigap_chart_layout_draw_gauge    (SigapChartLayout *self,
                                               SigapPainter     *painter);
void        _sigap_chart_layout_allocate_donut (SigapChartLayout *self,
                                                SigapPainter     *painter);
void        _sigap_chart_layout_draw_donut    (SigapChartLayout *self,
                                               SigapPainter     *painter);
void        _sigap_chart_layout_allocate_stacked (SigapChartLayout *self,
                                                  SigapPainter     *painter);
void        _sigap_chart_layout_draw_stacked  (SigapChartLayout *self,
                                               SigapPainter     *painter);

/* sigap-chart-layout-drawable.c: the layout as a SigapChartDrawable, for the view. */
void        sigap_chart_layout_drawable_init  (SigapChartDrawableInterface *iface);

G_END_DECLS
