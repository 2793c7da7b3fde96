/* sigap-chart-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-layout-private.h"
#include "sigap-chart-drawable.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* SigapChartLayout: puts a SigapChart into a rectangle (title, legend, axes, bars, labels
 * shortened to their room) and draws it through any SigapPainter: the window's Cairo
 * snapshot, a PNG, the PDF briefing. Geometry is computed by allocate() when the data, a
 * setting or the size changes, not on every frame; draw() only paints it. allocate() also
 * leaves the hit regions the window turns into tooltips and click-to-drill.
 *
 * The layout measures text with the painter it is given, so allocate with the kind of painter
 * you will draw with (or one with the same fonts): a Cairo painter for the screen and PNGs,
 * the libharu painter for the PDF.
 *
 * This file holds the object, the frame common to every kind (background, title, legend,
 * empty state) and the drawing helpers; sigap-chart-layout-axes.c draws the kinds with axes,
 * sigap-chart-layout-shares.c the gauge, donut and stacked bars.
 */

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapChartLayout, sigap_chart_layout, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_CHART_DRAWABLE,
                                                      sigap_chart_layout_drawable_init))

enum {
  PROP_0,
  PROP_CHART,
  PROP_STYLE,
  PROP_LANG,
  PROP_SHOW_TITLE,
  PROP_SHOW_LEGEND,
  PROP_PADDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SWATCH_SIZE        10.0
#define SWATCH_LINE_WIDTH  18.0
#define SWATCH_GAP          6.0
#define LEGEND_ITEM_GAP    16.0

static const double target_dashes[] = { 7.0, 4.0 };
static const double projection_dashes[] = { 3.0, 3.0 };

/* Helpers shared by the layout's files. */

void
_sigap_chart_layout_use_font (SigapChartLayout *self,
                              SigapPainter     *painter,
                              FontRole          role)
{
  double size = self->style->font_size;
  SigapFontWeight weight = SIGAP_FONT_WEIGHT_NORMAL;

  switch (role)
    {
    case FONT_SMALL:
      size *= 0.9;
      break;
    case FONT_STRONG:
      weight = SIGAP_FONT_WEIGHT_BOLD;
      break;
    case FONT_TITLE:
      size *= 1.15;
      weight = SIGAP_FONT_WEIGHT_BOLD;
      break;
    case FONT_BIG:
      size *= 2.2;
      weight = SIGAP_FONT_WEIGHT_BOLD;
      break;
    case FONT_LABEL:
    default:
      break;
    }

  sigap_painter_set_font (painter, self->style->font_family, size, weight);
}

double
_sigap_chart_layout_line_height (SigapChartLayout *self,
                                 SigapPainter     *painter,
                                 FontRole          role)
{
  _sigap_chart_layout_use_font (self, painter, role);

  return sigap_text_fit_line_height (painter);
}

/* Breaks @text at spaces into at most @max_lines (one or two) lines of @max_width, as
 * sigap_text_fit_wrap() does; fills @label's lines, width and height (in the current font).
 */
void
_sigap_chart_layout_wrap (SigapPainter *painter,
                          const char   *text,
                          double        max_width,
                          guint         max_lines,
                          Label        *label)
{
  g_autoptr(GPtrArray) lines = NULL;

  g_assert (label != NULL);

  g_clear_pointer (&label->lines[0], g_free);
  g_clear_pointer (&label->lines[1], g_free);

  lines = sigap_text_fit_wrap (painter, text, max_width, CLAMP (max_lines, 1, 2),
                               SIGAP_TEXT_FIT_NAMES, NULL);
  label->width = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      label->lines[i] = g_strdup (g_ptr_array_index (lines, i));
      label->width = MAX (label->width, sigap_text_fit_width (painter, label->lines[i]));
    }
  label->height = sigap_text_fit_line_height (painter) * lines->len;
}

/* The category labels left of horizontal rows (HBAR, STACKED): in the label font, wrapped
 * into @label_width on two lines where a row has room for them, centred on their row, every
 * @every-th shown.
 */
void
_sigap_chart_layout_fit_row_labels (SigapChartLayout *self,
                                    SigapPainter     *painter,
                                    double            x,
                                    double            label_width,
                                    double            label_height,
                                    guint             every)
{
  guint n = sigap_chart_get_n_categories (self->chart);

  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  g_array_set_size (self->labels, n);
  for (guint c = 0; c < n; c++)
    {
      Label *label = &g_array_index (self->labels, Label, c);
      g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

      _sigap_chart_layout_clear_label (label);
      _sigap_chart_layout_wrap (painter, text, label_width,
                                self->band >= 2 * label_height + 4 ? 2 : 1, label);
      label->visible = c % MAX (every, 1) == 0 && label_width > 0;
      label->x = x;
      label->y = round (self->plot.y + (c + 0.5) * self->band - label->height / 2);
    }
}

/* One line of text whose box has its top at @top, its left edge, centre or right edge at @x. */
void
_sigap_chart_layout_draw_text (SigapPainter *painter,
                               const char   *text,
                               double        x,
                               double        top,
                               Align         align)
{
  static const double at[] = { [ALIGN_LEFT] = 0, [ALIGN_CENTER] = 0.5, [ALIGN_RIGHT] = 1 };

  sigap_text_fit_show_line (painter, text, x, top, at[align]);
}

/* Draws @label's lines from its (x, y) in the current font and colour. */
void
_sigap_chart_layout_draw_label (SigapChartLayout *self,
                                SigapPainter     *painter,
                                const Label      *label,
                                Align             align)
{
  guint n_lines = label->lines[1] != NULL ? 2 : 1;
  double line_height = label->height / n_lines;

  if (!label->visible || label->lines[0] == NULL)
    return;

  for (guint i = 0; i < n_lines; i++)
    _sigap_chart_layout_draw_text (painter, label->lines[i], label->x,
                                   label->y + i * line_height, align);
}

void
_sigap_chart_layout_clear_label (Label *label)
{
  g_clear_pointer (&label->lines[0], g_free);
  g_clear_pointer (&label->lines[1], g_free);
  g_clear_pointer (&label->extra[0], g_free);
  g_clear_pointer (&label->extra[1], g_free);
  memset (label, 0, sizeof *label);
}

static void
clear_legend_item (gpointer data)
{
  LegendItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

/* The centre of the pixel holding @v: a one-pixel line drawn there covers one row of pixels
 * instead of smearing over two.
 */
double
_sigap_chart_layout_crisp (double v)
{
  return floor (v) + 0.5;
}

/* A category as text: a month as "Nov" on an axis or "November 2025" in full (tooltips). */
char *
_sigap_chart_layout_category_text (SigapChartLayout *self,
                                   guint             category,
                                   gboolean          full)
{
  const SigapChartCategory *c = sigap_chart_get_category (self->chart, category);

  if (c->month >= 1 && c->month <= 12 && c->year > 0)
    {
      if (full)
        return sigap_format_month (c->year, c->month, self->lang, FALSE);
      return g_strdup (sigap_month_name (c->month, self->lang, TRUE));
    }

  return g_strdup (c->label);
}

void
_sigap_chart_layout_shape_path (SigapPainter *painter,
                                const Shape  *shape)
{
  if (shape->is_sector)
    {
      sigap_painter_arc (painter, shape->cx, shape->cy, shape->r2, shape->a1, shape->a2, FALSE);
      if (shape->r1 > 0)
        sigap_painter_arc (painter, shape->cx, shape->cy, shape->r1, shape->b2, shape->b1, TRUE);
      else
        sigap_painter_line_to (painter, shape->cx, shape->cy);
      sigap_painter_close_path (painter);
      return;
    }

  sigap_painter_rounded_rectangle (painter, shape->x, shape->y, shape->width, shape->height,
                                   shape->radius[0], shape->radius[1],
                                   shape->radius[2], shape->radius[3]);
}

static void
shape_bounds (const Shape    *shape,
              SigapChartRect *rect)
{
  if (shape->is_sector)
    {
      rect->x = shape->cx - shape->r2;
      rect->y = shape->cy - shape->r2;
      rect->width = rect->height = 2 * shape->r2;
      return;
    }

  rect->x = MIN (shape->x, shape->x + shape->width);
  rect->y = MIN (shape->y, shape->y + shape->height);
  rect->width = fabs (shape->width);
  rect->height = fabs (shape->height);
}

/* Black or white, whichever reads better on @fill (relative luminance, sRGB weights). */
SigapColor
_sigap_chart_layout_text_color_on (const SigapColor *fill)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  if (luminance > 0.55)
    return (SigapColor) { 0, 0, 0, 0.85 };

  return (SigapColor) { 1, 1, 1, 1 };
}

/* Hatching for the @index-th series: 0 none, 1 "/", 2 "\", 3 crossed. With the style's
 * patterns every series but the first gets one (prints); without, only series that had to
 * reuse a palette colour do, so that colour is never the only thing telling them apart.
 */
guint
_sigap_chart_layout_pattern_for (SigapChartLayout *self,
                                 guint             index)
{
  guint n_palette = MAX (self->style->n_palette, 1);

  if (self->style->patterns)
    return index % 4;
  if (index >= n_palette)
    return 1 + (index / n_palette - 1) % 3;

  return 0;
}

static void
hatch (SigapPainter         *painter,
       const SigapChartRect *rect,
       guint                 pattern)
{
  const double spacing = 6.0;
  double size = rect->width + rect->height;

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean rising = pass == 0;

      if ((pattern == 1 && !rising) || (pattern == 2 && rising))
        continue;

      for (double d = -size; d <= size; d += spacing)
        {
          if (rising)
            {
              sigap_painter_move_to (painter, rect->x + d, rect->y + rect->height);
              sigap_painter_line_to (painter, rect->x + d + rect->height, rect->y);
            }
          else
            {
              sigap_painter_move_to (painter, rect->x + d, rect->y);
              sigap_painter_line_to (painter, rect->x + d + rect->height, rect->y + rect->height);
            }
        }
    }
  sigap_painter_stroke (painter);
}

void
_sigap_chart_layout_fill_shape (SigapChartLayout *self,
                                SigapPainter     *painter,
                                const Shape      *shape,
                                const SigapColor *color,
                                guint             pattern)
{
  SigapChartRect bounds;
  SigapColor ink;

  sigap_painter_set_color (painter, color);
  _sigap_chart_layout_shape_path (painter, shape);
  sigap_painter_fill (painter);

  if (pattern == 0)
    return;

  shape_bounds (shape, &bounds);
  ink = _sigap_chart_layout_text_color_on (color);
  ink.alpha = 0.4;

  sigap_painter_save (painter);
  _sigap_chart_layout_shape_path (painter, shape);
  sigap_painter_clip (painter);
  sigap_painter_set_color (painter, &ink);
  sigap_painter_set_line_width (painter, 1.0);
  sigap_painter_set_dash (painter, NULL, 0, 0);
  hatch (painter, &bounds, pattern);
  sigap_painter_restore (painter);
}

/* A target drawn as a bar: a faint tint inside a solid outline (filled versus outlined tells
 * it from the measured bars without colour).
 */
void
_sigap_chart_layout_draw_ghost (SigapChartLayout *self,
                                SigapPainter     *painter,
                                const Shape      *shape)
{
  SigapColor tint = sigap_color_with_alpha (&self->style->target, 0.12);
  Shape inset = *shape;

  _sigap_chart_layout_fill_shape (self, painter, shape, &tint,
                                  self->style->patterns ? 1 : 0);

  if (!inset.is_sector)
    {
      if (inset.width < 0)
        {
          inset.x += inset.width;
          inset.width = -inset.width;
        }
      if (inset.height < 0)
        {
          inset.y += inset.height;
          inset.height = -inset.height;
        }
      inset.x += 0.5;
      inset.y += 0.5;
      inset.width = MAX (inset.width - 1, 0);
      inset.height = MAX (inset.height - 1, 0);
    }

  sigap_painter_set_color (painter, &self->style->target);
  sigap_painter_set_line_width (painter, 1.0);
  _sigap_chart_layout_shape_path (painter, &inset);
  sigap_painter_stroke (painter);
}

static SigapColor
opaque_background (SigapChartLayout *self)
{
  SigapColor color = self->style->background;

  /* Hollow markers and rings need a solid colour even over a transparent background. */
  color.alpha = 1.0;
  return color;
}

static void
marker_path (SigapPainter *painter,
             MarkerShape   shape,
             double        x,
             double        y,
             double        r)
{
  switch (shape)
    {
    case MARKER_SQUARE:
      r *= 0.9;
      sigap_painter_rectangle (painter, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARKER_DIAMOND:
      r *= 1.25;
      sigap_painter_move_to (painter, x, y - r);
      sigap_painter_line_to (painter, x + r, y);
      sigap_painter_line_to (painter, x, y + r);
      sigap_painter_line_to (painter, x - r, y);
      sigap_painter_close_path (painter);
      break;
    case MARKER_TRIANGLE:
      r *= 1.25;
      sigap_painter_move_to (painter, x, y - r);
      sigap_painter_line_to (painter, x + r * 0.94, y + r * 0.7);
      sigap_painter_line_to (painter, x - r * 0.94, y + r * 0.7);
      sigap_painter_close_path (painter);
      break;
    case MARKER_CIRCLE:
    default:
      sigap_painter_arc (painter, x, y, r, 0, 2 * G_PI, FALSE);
      sigap_painter_close_path (painter);
      break;
    }
}

/* A point of a line series: its own shape per series (circle, square, diamond, triangle) so
 * lines are told apart without colour; a projected point is hollow.
 */
void
_sigap_chart_layout_draw_marker (SigapChartLayout *self,
                                 SigapPainter     *painter,
                                 double            x,
                                 double            y,
                                 guint             series,
                                 gboolean          hollow)
{
  const SigapColor *color = sigap_chart_style_get_series_color (self->style, series);
  SigapColor background = opaque_background (self);
  MarkerShape shape = (MarkerShape) (series % 4);
  double r = self->style->line_width * 1.75;

  sigap_painter_set_dash (painter, NULL, 0, 0);
  if (hollow)
    {
      sigap_painter_set_color (painter, &background);
      marker_path (painter, shape, x, y, r);
      sigap_painter_fill (painter);
      sigap_painter_set_color (painter, color);
      sigap_painter_set_line_width (painter, MAX (self->style->line_width * 0.75, 1.0));
      marker_path (painter, shape, x, y, r - 0.5);
      sigap_painter_stroke (painter);
      return;
    }

  sigap_painter_set_color (painter, &background);
  marker_path (painter, shape, x, y, r + 1.5);
  sigap_painter_fill (painter);
  sigap_painter_set_color (painter, color);
  marker_path (painter, shape, x, y, r);
  sigap_painter_fill (painter);
}

static void
append_series_line (SigapChartLayout *self,
                    GString          *out,
                    guint             series,
                    guint             category)
{
  const SigapChartSeries *s = sigap_chart_get_series (self->chart, series);
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  double value = sigap_chart_series_get_value (s, category);
  g_autofree char *text = sigap_chart_format_value (value, unit, self->lang);
  int target = sigap_chart_find_target_series (self->chart);

  g_string_append_printf (out, "\n%s: %s", s->name, text);

  if (sigap_chart_series_is_projected (s, category) && isfinite (value))
    {
      g_string_append_c (out, ' ');
      /* Translators: after a value in a tooltip, for a value that is an estimate */
      g_string_append (out, _("(projected)"));
    }

  if (target >= 0 && (guint) target != series && s->role == SIGAP_CHART_SERIES_ROLE_VALUE)
    {
      double goal = sigap_chart_get_value (self->chart, target, category);

      if (isfinite (value) && isfinite (goal) && goal > 0)
        {
          g_autofree char *pct = sigap_format_percent (100 * value / goal, 1, self->lang);

          g_string_append (out, " (");
          /* Translators: in a tooltip, "82.3% of target"; %s is the percentage */
          g_string_append_printf (out, _("%s of target"), pct);
          g_string_append_c (out, ')');
        }
    }
}

/* "Bekasi Utara\nActive: 1.234 (82,3% of target)\nTarget: 1.500": the category in full, then
 * the @series (every series for -1) with its value.
 */
char *
_sigap_chart_layout_series_tooltip (SigapChartLayout *self,
                                    int               series,
                                    guint             category)
{
  g_autofree char *name = _sigap_chart_layout_category_text (self, category, TRUE);
  GString *out = g_string_new (name);

  if (series >= 0)
    append_series_line (self, out, series, category);
  else
    for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
      append_series_line (self, out, s, category);

  return g_string_free (out, FALSE);
}

/* The frame. */

static void
reset_allocation (SigapChartLayout *self)
{
  self->valid = FALSE;
  self->empty = FALSE;
  self->horizontal = FALSE;
  _sigap_chart_layout_clear_label (&self->title);
  _sigap_chart_layout_clear_label (&self->empty_label);
  _sigap_chart_layout_clear_label (&self->more_label);
  _sigap_chart_layout_clear_label (&self->center_labels[0]);
  _sigap_chart_layout_clear_label (&self->center_labels[1]);
  g_array_set_size (self->legend, 0);
  g_array_set_size (self->tick_labels, 0);
  g_array_set_size (self->labels, 0);
  g_clear_pointer (&self->ticks, sigap_chart_ticks_free);
  sigap_chart_hit_regions_clear (self->hit_regions);
  self->content = (SigapChartRect) { 0, 0, 0, 0 };
  self->plot = (SigapChartRect) { 0, 0, 0, 0 };
  self->band = self->bar_width = self->bar_gap = 0;
  self->value_label_gap = 0;
  self->show_values = FALSE;
  self->category_font = FONT_LABEL;
  self->value_series = 0;
  self->target_series = -1;
  self->center_x = self->center_y = self->outer_radius = self->inner_radius = 0;
  self->total = 0;
}

static void
add_legend_item (SigapChartLayout *self,
                 SwatchKind        kind,
                 guint             index,
                 const char       *text)
{
  LegendItem item = { 0 };

  item.kind = kind;
  item.index = index;
  item.text = g_strdup (text);
  g_array_append_val (self->legend, item);
}

static gboolean
has_projection (SigapChartLayout *self)
{
  guint n_categories = sigap_chart_get_n_categories (self->chart);

  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);

      if (series->projected_from >= 0 && (guint) series->projected_from < n_categories)
        return TRUE;
    }

  return FALSE;
}

static void
collect_legend (SigapChartLayout *self)
{
  SigapChartKind kind = sigap_chart_get_kind (self->chart);
  guint n_series = sigap_chart_get_n_series (self->chart);
  gboolean lines = kind == SIGAP_CHART_KIND_LINE || kind == SIGAP_CHART_KIND_AREA;

  if (kind == SIGAP_CHART_KIND_DONUT)
    return;

  for (guint s = 0; s < n_series; s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);
      gboolean is_target = series->role == SIGAP_CHART_SERIES_ROLE_TARGET;
      SwatchKind swatch;

      if (kind == SIGAP_CHART_KIND_GAUGE)
        swatch = is_target ? SWATCH_TARGET_MARKER : SWATCH_BAR;
      else if (lines)
        swatch = is_target ? SWATCH_TARGET_LINE : SWATCH_LINE;
      else if (kind == SIGAP_CHART_KIND_STACKED)
        swatch = SWATCH_BAR;
      else
        swatch = is_target ? SWATCH_GHOST_BAR : SWATCH_BAR;

      /* A gauge shows its first value series and its target only. */
      if (kind == SIGAP_CHART_KIND_GAUGE && !is_target && (int) s != self->value_series)
        continue;
      if (kind == SIGAP_CHART_KIND_GAUGE && is_target && (int) s != self->target_series)
        continue;

      add_legend_item (self, swatch, s, series->name);
    }

  if (kind != SIGAP_CHART_KIND_STACKED)
    for (guint r = 0; r < sigap_chart_get_n_references (self->chart); r++)
      {
        const SigapChartReference *reference = sigap_chart_get_reference (self->chart, r);

        /* A gauge's marker comes from its first reference when it has no target series. */
        if (kind == SIGAP_CHART_KIND_GAUGE && (self->target_series >= 0 || r > 0))
          continue;
        add_legend_item (self,
                         kind == SIGAP_CHART_KIND_GAUGE ? SWATCH_TARGET_MARKER
                                                        : SWATCH_TARGET_LINE,
                         r, reference->label);
      }

  if (lines && has_projection (self))
    add_legend_item (self, SWATCH_PROJECTION, 0, sigap_chart_get_projection_label (self->chart));

  /* One entry says no more than the title; a single gauge names its target by the marker. */
  if (self->legend->len < 2 ||
      (kind == SIGAP_CHART_KIND_GAUGE && sigap_chart_get_n_categories (self->chart) == 1))
    g_array_set_size (self->legend, 0);
}

static double
swatch_width (SwatchKind kind)
{
  switch (kind)
    {
    case SWATCH_LINE:
    case SWATCH_TARGET_LINE:
    case SWATCH_PROJECTION:
      return SWATCH_LINE_WIDTH;
    case SWATCH_TARGET_MARKER:
      return SWATCH_SIZE / 2;
    case SWATCH_BAR:
    case SWATCH_GHOST_BAR:
    default:
      return SWATCH_SIZE;
    }
}

/* Flows the legend's items left to right from @top, wrapping; returns the y below it. */
static double
allocate_legend (SigapChartLayout     *self,
                 SigapPainter         *painter,
                 const SigapChartRect *bounds,
                 double                top)
{
  double line_height;
  double x = bounds->x, y = top;

  if (self->legend->len == 0)
    return top;

  line_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double text_room = bounds->width - swatch_width (item->kind) - SWATCH_GAP;
      g_autofree char *text = sigap_text_fit_ellipsize (painter, item->text, text_room);
      double width = swatch_width (item->kind) + SWATCH_GAP +
                     sigap_text_fit_width (painter, text);

      if (x > bounds->x && x + width > bounds->x + bounds->width)
        {
          x = bounds->x;
          y += line_height + 4;
        }

      g_free (item->text);
      item->text = g_steal_pointer (&text);
      item->x = x;
      item->y = y;
      x += width + LEGEND_ITEM_GAP;
    }

  return y + line_height;
}

static void
draw_swatch (SigapChartLayout *self,
             SigapPainter     *painter,
             const LegendItem *item,
             double            line_height)
{
  double cy = item->y + line_height / 2;
  const SigapColor *color = sigap_chart_style_get_series_color (self->style, item->index);
  Shape shape = { 0 };

  shape.x = item->x;
  shape.y = round (cy - SWATCH_SIZE / 2);
  shape.width = SWATCH_SIZE;
  shape.height = SWATCH_SIZE;
  shape.radius[0] = shape.radius[1] = shape.radius[2] = shape.radius[3] = 2;

  switch (item->kind)
    {
    case SWATCH_BAR:
      _sigap_chart_layout_fill_shape (self, painter, &shape, color,
                                      _sigap_chart_layout_pattern_for (self, item->index));
      break;

    case SWATCH_GHOST_BAR:
      _sigap_chart_layout_draw_ghost (self, painter, &shape);
      break;

    case SWATCH_LINE:
      sigap_painter_set_color (painter, color);
      sigap_painter_set_line_width (painter, self->style->line_width);
      sigap_painter_set_dash (painter, NULL, 0, 0);
      sigap_painter_move_to (painter, item->x, cy);
      sigap_painter_line_to (painter, item->x + SWATCH_LINE_WIDTH, cy);
      sigap_painter_stroke (painter);
      _sigap_chart_layout_draw_marker (self, painter, item->x + SWATCH_LINE_WIDTH / 2, cy,
                                       item->index, FALSE);
      break;

    case SWATCH_TARGET_LINE:
      sigap_painter_set_color (painter, &self->style->target);
      sigap_painter_set_line_width (painter, 1.5);
      sigap_painter_set_dash (painter, target_dashes, G_N_ELEMENTS (target_dashes), 0);
      sigap_painter_move_to (painter, item->x, cy);
      sigap_painter_line_to (painter, item->x + SWATCH_LINE_WIDTH, cy);
      sigap_painter_stroke (painter);
      sigap_painter_set_dash (painter, NULL, 0, 0);
      break;

    case SWATCH_PROJECTION:
      sigap_painter_set_color (painter, &self->style->secondary);
      sigap_painter_set_line_width (painter, self->style->line_width);
      sigap_painter_set_dash (painter, projection_dashes, G_N_ELEMENTS (projection_dashes), 0);
      sigap_painter_move_to (painter, item->x, cy);
      sigap_painter_line_to (painter, item->x + SWATCH_LINE_WIDTH, cy);
      sigap_painter_stroke (painter);
      sigap_painter_set_dash (painter, NULL, 0, 0);
      break;

    case SWATCH_TARGET_MARKER:
    default:
      sigap_painter_set_color (painter, &self->style->target);
      sigap_painter_rectangle (painter, item->x + 1, round (cy - SWATCH_SIZE * 0.7),
                               3, round (SWATCH_SIZE * 1.4));
      sigap_painter_fill (painter);
      break;
    }
}

static void
draw_legend (SigapChartLayout *self,
             SigapPainter     *painter)
{
  double line_height;

  if (self->legend->len == 0)
    return;

  line_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);

      draw_swatch (self, painter, item, line_height);
      sigap_painter_set_color (painter, &self->style->secondary);
      _sigap_chart_layout_draw_text (painter, item->text,
                                     item->x + swatch_width (item->kind) + SWATCH_GAP,
                                     item->y, ALIGN_LEFT);
    }
}

static void
invalidate (SigapChartLayout *self)
{
  self->valid = FALSE;
}

static void
chart_changed_cb (SigapChartLayout *self,
                  SigapChart       *chart)
{
  invalidate (self);
}

static void
sigap_chart_layout_dispose (GObject *object)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (object);

  g_clear_signal_handler (&self->changed_id, self->chart);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (sigap_chart_layout_parent_class)->dispose (object);
}

static void
sigap_chart_layout_finalize (GObject *object)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (object);

  reset_allocation (self);
  g_clear_pointer (&self->style, sigap_chart_style_free);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->tick_labels, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->hit_regions, sigap_chart_hit_regions_free);

  G_OBJECT_CLASS (sigap_chart_layout_parent_class)->finalize (object);
}

static void
sigap_chart_layout_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_STYLE:
      g_value_set_boxed (value, self->style);
      break;
    case PROP_LANG:
      g_value_set_int (value, self->lang);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_PADDING:
      g_value_set_double (value, self->padding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_layout_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapChartLayout *self = SIGAP_CHART_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CHART:
      self->chart = g_value_dup_object (value);
      if (self->chart != NULL)
        self->changed_id = g_signal_connect_object (self->chart, "changed",
                                                    G_CALLBACK (chart_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
      break;
    case PROP_STYLE:
      sigap_chart_layout_set_style (self, g_value_get_boxed (value));
      break;
    case PROP_LANG:
      sigap_chart_layout_set_lang (self, g_value_get_int (value));
      break;
    case PROP_SHOW_TITLE:
      sigap_chart_layout_set_show_title (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      sigap_chart_layout_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_PADDING:
      sigap_chart_layout_set_padding (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_layout_class_init (SigapChartLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_chart_layout_dispose;
  object_class->finalize = sigap_chart_layout_finalize;
  object_class->get_property = sigap_chart_layout_get_property;
  object_class->set_property = sigap_chart_layout_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         SIGAP_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] =
    g_param_spec_boxed ("style", NULL, NULL,
                        SIGAP_TYPE_CHART_STYLE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A SigapLang; an int because core has no GType for it. */
  properties[PROP_LANG] =
    g_param_spec_int ("lang", NULL, NULL,
                      SIGAP_LANG_ID, SIGAP_LANG_EN, SIGAP_LANG_ID,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PADDING] =
    g_param_spec_double ("padding", NULL, NULL, 0, G_MAXDOUBLE, 12,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_chart_layout_init (SigapChartLayout *self)
{
  self->style = sigap_chart_style_new (SIGAP_CHART_THEME_LIGHT);
  self->lang = SIGAP_LANG_ID;
  self->show_title = TRUE;
  self->show_legend = TRUE;
  self->padding = 12;
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, clear_legend_item);
  self->tick_labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->tick_labels, (GDestroyNotify) _sigap_chart_layout_clear_label);
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, (GDestroyNotify) _sigap_chart_layout_clear_label);
  self->hit_regions = sigap_chart_hit_regions_new ();
  self->target_series = -1;
}

/**
 * sigap_chart_layout_new:
 * @chart: the chart to lay out; the layout follows its changes
 *
 * The layout starts with the light style, Indonesian figures, a title and a legend.
 *
 * Returns: (transfer full): a new layout
 */
SigapChartLayout *
sigap_chart_layout_new (SigapChart *chart)
{
  g_return_val_if_fail (SIGAP_IS_CHART (chart), NULL);

  return g_object_new (SIGAP_TYPE_CHART_LAYOUT, "chart", chart, NULL);
}

SigapChart *
sigap_chart_layout_get_chart (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), NULL);

  return self->chart;
}

const SigapChartStyle *
sigap_chart_layout_get_style (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), NULL);

  return self->style;
}

/* The layout keeps a copy of @style. */
void
sigap_chart_layout_set_style (SigapChartLayout      *self,
                              const SigapChartStyle *style)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));

  if (style == NULL)
    return;

  g_clear_pointer (&self->style, sigap_chart_style_free);
  self->style = sigap_chart_style_copy (style);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

SigapLang
sigap_chart_layout_get_lang (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), SIGAP_LANG_ID);

  return self->lang;
}

/* The language of figures and month names (the PDF's may differ from the window's). */
void
sigap_chart_layout_set_lang (SigapChartLayout *self,
                             SigapLang         lang)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));

  if (self->lang == lang)
    return;

  self->lang = lang;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANG]);
}

gboolean
sigap_chart_layout_get_show_title (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), FALSE);

  return self->show_title;
}

/* A widget whose card already shows the title turns it off. */
void
sigap_chart_layout_set_show_title (SigapChartLayout *self,
                                   gboolean          show)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));

  show = !!show;
  if (self->show_title == show)
    return;

  self->show_title = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

gboolean
sigap_chart_layout_get_show_legend (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), FALSE);

  return self->show_legend;
}

void
sigap_chart_layout_set_show_legend (SigapChartLayout *self,
                                    gboolean          show)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));

  show = !!show;
  if (self->show_legend == show)
    return;

  self->show_legend = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

double
sigap_chart_layout_get_padding (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), 0);

  return self->padding;
}

void
sigap_chart_layout_set_padding (SigapChartLayout *self,
                                double            padding)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));
  g_return_if_fail (padding >= 0);

  if (self->padding == padding)
    return;

  self->padding = padding;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PADDING]);
}

/* Forces the next allocate() to lay out again, e.g. after the fonts changed. */
void
sigap_chart_layout_invalidate (SigapChartLayout *self)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));

  invalidate (self);
}

/**
 * sigap_chart_layout_allocate:
 * @painter: measures the text
 * @width: the width to fill, in the painter's units
 * @height: the height to fill
 *
 * Lays the chart out in (0, 0, @width, @height) and makes the hit regions. Does nothing when
 * neither the size nor anything else changed since the last call, so a widget can call it on
 * every snapshot.
 */
void
sigap_chart_layout_allocate (SigapChartLayout *self,
                             SigapPainter     *painter,
                             double            width,
                             double            height)
{
  SigapChartRect bounds;
  const char *title;
  double y;

  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));
  g_return_if_fail (SIGAP_IS_PAINTER (painter));
  g_return_if_fail (SIGAP_IS_CHART (self->chart));

  if (self->valid && self->width == width && self->height == height)
    return;

  reset_allocation (self);
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);

  bounds.x = self->padding;
  bounds.y = self->padding;
  bounds.width = MAX (self->width - 2 * self->padding, 1);
  bounds.height = MAX (self->height - 2 * self->padding, 1);
  y = bounds.y;

  sigap_painter_save (painter);

  title = sigap_chart_get_title (self->chart);
  if (self->show_title && title != NULL && *title != '\0')
    {
      _sigap_chart_layout_use_font (self, painter, FONT_TITLE);
      _sigap_chart_layout_wrap (painter, title, bounds.width, 1, &self->title);
      self->title.x = bounds.x;
      self->title.y = y;
      self->title.visible = TRUE;
      y += self->title.height + 8;
    }

  self->empty = sigap_chart_is_empty (self->chart);
  if (self->empty)
    {
      double remaining = bounds.y + bounds.height - y;

      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      _sigap_chart_layout_wrap (painter, sigap_chart_get_empty_text (self->chart),
                                bounds.width, 2, &self->empty_label);
      self->empty_label.x = bounds.x + bounds.width / 2;
      self->empty_label.y = round (y + MAX (remaining - self->empty_label.height, 0) / 2);
      self->empty_label.visible = TRUE;
      self->content = (SigapChartRect) { bounds.x, y, bounds.width, MAX (remaining, 0) };
      self->valid = TRUE;
      sigap_painter_restore (painter);
      return;
    }

  self->value_series = 0;
  self->target_series = sigap_chart_find_target_series (self->chart);
  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    if (sigap_chart_get_series (self->chart, s)->role == SIGAP_CHART_SERIES_ROLE_VALUE)
      {
        self->value_series = s;
        break;
      }

  if (self->show_legend)
    {
      collect_legend (self);
      if (self->legend->len > 0)
        y = allocate_legend (self, painter, &bounds, y) + 10;
    }

  self->content.x = bounds.x;
  self->content.y = y;
  self->content.width = bounds.width;
  self->content.height = MAX (bounds.y + bounds.height - y, 1);

  switch (sigap_chart_get_kind (self->chart))
    {
    case SIGAP_CHART_KIND_GAUGE:
      _sigap_chart_layout_allocate_gauge (self, painter);
      break;
    case SIGAP_CHART_KIND_DONUT:
      _sigap_chart_layout_allocate_donut (self, painter);
      break;
    case SIGAP_CHART_KIND_STACKED:
      _sigap_chart_layout_allocate_stacked (self, painter);
      break;
    case SIGAP_CHART_KIND_LINE:
    case SIGAP_CHART_KIND_AREA:
    case SIGAP_CHART_KIND_BAR:
    case SIGAP_CHART_KIND_HBAR:
    default:
      _sigap_chart_layout_allocate_axes (self, painter);
      break;
    }

  sigap_painter_restore (painter);
  self->valid = TRUE;
}

/**
 * sigap_chart_layout_draw:
 * @painter: where to draw
 *
 * Draws the chart as last allocated (laid out again at the same size, with @painter, if the
 * chart or a setting changed since). The painter's state is left as it was.
 */
void
sigap_chart_layout_draw (SigapChartLayout *self,
                         SigapPainter     *painter)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));
  g_return_if_fail (SIGAP_IS_PAINTER (painter));

  if (!self->valid)
    sigap_chart_layout_allocate (self, painter, self->width, self->height);

  sigap_painter_save (painter);
  sigap_painter_set_dash (painter, NULL, 0, 0);

  if (self->style->background.alpha > 0)
    {
      sigap_painter_set_color (painter, &self->style->background);
      sigap_painter_rectangle (painter, 0, 0, self->width, self->height);
      sigap_painter_fill (painter);
    }

  if (self->title.visible)
    {
      _sigap_chart_layout_use_font (self, painter, FONT_TITLE);
      sigap_painter_set_color (painter, &self->style->foreground);
      _sigap_chart_layout_draw_label (self, painter, &self->title, ALIGN_LEFT);
    }

  if (self->empty)
    {
      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      sigap_painter_set_color (painter, &self->style->secondary);
      _sigap_chart_layout_draw_label (self, painter, &self->empty_label, ALIGN_CENTER);
      sigap_painter_restore (painter);
      return;
    }

  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  draw_legend (self, painter);

  switch (sigap_chart_get_kind (self->chart))
    {
    case SIGAP_CHART_KIND_GAUGE:
      _sigap_chart_layout_draw_gauge (self, painter);
      break;
    case SIGAP_CHART_KIND_DONUT:
      _sigap_chart_layout_draw_donut (self, painter);
      break;
    case SIGAP_CHART_KIND_STACKED:
      _sigap_chart_layout_draw_stacked (self, painter);
      break;
    case SIGAP_CHART_KIND_LINE:
    case SIGAP_CHART_KIND_AREA:
    case SIGAP_CHART_KIND_BAR:
    case SIGAP_CHART_KIND_HBAR:
    default:
      _sigap_chart_layout_draw_axes (self, painter);
      break;
    }

  sigap_painter_restore (painter);
}

/* allocate() then draw(): for one-off drawings (a PNG, a PDF page). */
void
sigap_chart_layout_render (SigapChartLayout *self,
                           SigapPainter     *painter,
                           double            width,
                           double            height)
{
  sigap_chart_layout_allocate (self, painter, width, height);
  sigap_chart_layout_draw (self, painter);
}

/* Whether the last allocation found nothing to draw (the empty text is shown). */
gboolean
sigap_chart_layout_is_empty (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), TRUE);

  return self->empty;
}

/* The rectangle inside the axes (for a donut, the ring's bounding box). */
void
sigap_chart_layout_get_plot_area (SigapChartLayout *self,
                                  SigapChartRect   *area)
{
  g_return_if_fail (SIGAP_IS_CHART_LAYOUT (self));
  g_return_if_fail (area != NULL);

  *area = self->plot;
}

/**
 * sigap_chart_layout_height_for_plot:
 * @painter: measures the text, as the drawing's painter would
 * @width: the width the chart will get
 * @plot_height: the plot's least height
 *
 * How tall the chart must be at @width for its plot (the rectangle inside the axes) to be at
 * least @plot_height: the title, legend, tick and category labels around the plot depend on
 * the width (a legend wraps, month labels gain a year line), so a fixed height gives a wide
 * chart a fine plot and a narrow one a flat line. Only for the kinds with a vertical value
 * axis (LINE, AREA, BAR); other kinds and an empty chart return @plot_height. The layout's
 * own allocation is left as it was.
 *
 * Returns: the height, whole pixels
 */
double
sigap_chart_layout_height_for_plot (SigapChartLayout *self,
                                    SigapPainter     *painter,
                                    double            width,
                                    double            plot_height)
{
  g_autoptr(SigapChartLayout) scratch = NULL;
  SigapChartKind kind;
  double height;

  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), plot_height);
  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), plot_height);

  kind = sigap_chart_get_kind (self->chart);
  if ((kind != SIGAP_CHART_KIND_LINE && kind != SIGAP_CHART_KIND_AREA &&
       kind != SIGAP_CHART_KIND_BAR) || sigap_chart_is_empty (self->chart))
    return ceil (plot_height);

  scratch = sigap_chart_layout_new (self->chart);
  sigap_chart_layout_set_style (scratch, self->style);
  sigap_chart_layout_set_lang (scratch, self->lang);
  sigap_chart_layout_set_show_title (scratch, self->show_title);
  sigap_chart_layout_set_show_legend (scratch, self->show_legend);
  sigap_chart_layout_set_padding (scratch, self->padding);

  /* What surrounds the plot barely depends on the height (more ticks may widen the tick
   * labels a little, and so rewrap the months): measure it, then make up any shortfall. */
  height = ceil (plot_height) + 200;
  for (guint pass = 0; pass < 4; pass++)
    {
      double shortfall;

      sigap_chart_layout_allocate (scratch, painter, width, height);
      shortfall = ceil (plot_height) - scratch->plot.height;
      if (shortfall <= 0 && pass > 0)
        break;
      height = MAX (height + shortfall, 1);
    }

  return ceil (height);
}

/* Returns: (nullable): the value axis' ticks, NULL for kinds without one */
const SigapChartTicks *
sigap_chart_layout_get_ticks (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), NULL);

  return self->ticks;
}

/* Where @value falls on the value axis: a y for vertical axes, an x for horizontal ones. */
double
sigap_chart_layout_value_to_position (SigapChartLayout *self,
                                      double            value)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), 0);
  g_return_val_if_fail (self->ticks != NULL, 0);

  return _sigap_chart_layout_value_pos (self, value);
}

/* Returns: (transfer none): the regions of the last allocation */
const SigapChartHitRegions *
sigap_chart_layout_get_hit_regions (SigapChartLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_LAYOUT (self), NULL);

  return self->hit_regions;
}
