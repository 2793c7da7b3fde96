/* sigap-chart-layout-shares.c: the kinds that show a part of a whole (GAUGE, DONUT, STACKED)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-layout-private.h"

#include <glib/gi18n.h>
#include <math.h>

#define SWATCH_SIZE 10.0

/* Text centred on a filled shape, black or white by the fill; over a hatched fill it gets a
 * patch of the plain colour so the hatching does not cross the letters.
 */
static void
draw_text_on_fill (SigapChartLayout *self,
                   SigapPainter     *painter,
                   const char       *text,
                   double            cx,
                   double            top,
                   const SigapColor *fill,
                   guint             pattern)
{
  SigapColor ink = _sigap_chart_layout_text_color_on (fill);
  SigapTextExtents extents;

  if (pattern != 0)
    {
      sigap_painter_measure_text (painter, text, &extents);
      sigap_painter_set_color (painter, fill);
      sigap_painter_rounded_rectangle (painter, cx - extents.width / 2 - 3, top,
                                       extents.width + 6, extents.height, 3, 3, 3, 3);
      sigap_painter_fill (painter);
    }

  sigap_painter_set_color (painter, &ink);
  _sigap_chart_layout_draw_text (painter, text, cx, top, ALIGN_CENTER);
}

/* Gauge */

/* A row's target: its value in the target series, or else the first reference line. */
static double
gauge_target (SigapChartLayout *self,
              guint             category)
{
  if (self->target_series >= 0)
    return sigap_chart_get_value (self->chart, self->target_series, category);
  if (sigap_chart_get_n_references (self->chart) > 0)
    return sigap_chart_get_reference (self->chart, 0)->value;

  return NAN;
}

static const char *
gauge_target_name (SigapChartLayout *self)
{
  if (self->target_series >= 0)
    return sigap_chart_get_series (self->chart, self->target_series)->name;
  if (sigap_chart_get_n_references (self->chart) > 0)
    return sigap_chart_get_reference (self->chart, 0)->label;

  return NULL;
}

static void
gauge_ticks (SigapChartLayout *self,
             SigapPainter     *painter,
             guint             max_ticks)
{
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  guint n = sigap_chart_get_n_categories (self->chart);
  double lo = 0, hi = 0;

  for (guint c = 0; c < n; c++)
    {
      double v = sigap_chart_get_value (self->chart, self->value_series, c);
      double t = gauge_target (self, c);

      if (isfinite (v))
        {
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
      if (isfinite (t))
        {
          lo = MIN (lo, t);
          hi = MAX (hi, t);
        }
    }

  g_clear_pointer (&self->ticks, sigap_chart_ticks_free);
  g_array_set_size (self->tick_labels, 0);
  self->ticks = sigap_chart_ticks_new (lo, hi, max_ticks, unit != SIGAP_CHART_UNIT_PERCENT);

  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  for (guint i = 0; i < self->ticks->n_values; i++)
    {
      Label label = { 0 };

      label.lines[0] = sigap_chart_format_tick (self->ticks->values[i], unit,
                                                self->ticks->decimals, self->lang);
      label.width = sigap_text_fit_width (painter, label.lines[0]);
      label.height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
      label.visible = TRUE;
      g_array_append_val (self->tick_labels, label);
    }
}

static char *
gauge_tooltip (SigapChartLayout *self,
               guint             category)
{
  g_autofree char *text = _sigap_chart_layout_series_tooltip (self, self->value_series,
                                                              category);
  double target = gauge_target (self, category);

  if (self->target_series >= 0)
    {
      g_autofree char *value = sigap_chart_format_value (target,
                                                         sigap_chart_get_unit (self->chart),
                                                         self->lang);

      return g_strdup_printf ("%s\n%s: %s", text, gauge_target_name (self), value);
    }
  if (isfinite (target))
    {
      g_autofree char *value = sigap_chart_format_value (target,
                                                         sigap_chart_get_unit (self->chart),
                                                         self->lang);

      return g_strdup_printf ("%s\n%s: %s", text, gauge_target_name (self), value);
    }

  return g_steal_pointer (&text);
}

/* One row per category: name and value over a track, the value as a bar along it and the
 * target as a marker across it. A single gauge gets a headline number instead of a row title.
 */
void
_sigap_chart_layout_allocate_gauge (SigapChartLayout *self,
                                    SigapPainter     *painter)
{
  const SigapChartRect *area = &self->content;
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  guint n = sigap_chart_get_n_categories (self->chart);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
  gboolean single = n == 1;

  self->horizontal = TRUE;
  g_array_set_size (self->labels, n);

  if (single)
    {
      Label *label = &g_array_index (self->labels, Label, 0);
      double big_height = _sigap_chart_layout_line_height (self, painter, FONT_BIG);
      double track = CLAMP (round (area->height * 0.14), 12, 22);
      double needed = big_height + 8 + track + 6 + small_height;
      double top = round (area->y + MAX (area->height - needed, 0) / 2);
      double v = sigap_chart_get_value (self->chart, self->value_series, 0);
      g_autofree char *name = _sigap_chart_layout_category_text (self, 0, FALSE);
      double value_width;

      _sigap_chart_layout_clear_label (label);
      label->lines[0] = sigap_chart_format_short (v, unit, self->lang);
      _sigap_chart_layout_use_font (self, painter, FONT_BIG);
      value_width = sigap_text_fit_width (painter, label->lines[0]);
      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      label->extra[0] = sigap_text_fit_ellipsize (painter, name,
                                                  MAX (area->width - value_width - 10, 0));
      label->x = area->x;
      label->y = top;
      label->width = value_width;
      label->height = big_height;
      label->visible = TRUE;

      self->plot.x = area->x;
      self->plot.width = area->width;
      self->plot.y = top + big_height + 8;
      self->plot.height = track;
      self->band = needed;
      self->bar_width = track;
      gauge_ticks (self, painter, 5);
    }
  else
    {
      double track = 10;
      double row = label_height + 4 + track + 12;
      double axis = small_height + 6;
      double value_room = 0;

      if (n * row > area->height - axis)
        {
          row = MAX ((area->height - axis) / n, label_height + 8);
          track = MAX (row - label_height - 8, 4);
        }

      self->plot.x = area->x;
      self->plot.width = area->width;
      self->plot.y = area->y;
      self->plot.height = n * row - 12;
      self->band = row;
      self->bar_width = track;

      _sigap_chart_layout_use_font (self, painter, FONT_STRONG);
      for (guint c = 0; c < n; c++)
        {
          Label *label = &g_array_index (self->labels, Label, c);
          double v = sigap_chart_get_value (self->chart, self->value_series, c);

          _sigap_chart_layout_clear_label (label);
          label->extra[0] = sigap_chart_format_short (v, unit, self->lang);
          value_room = MAX (value_room, sigap_text_fit_width (painter, label->extra[0]));
        }

      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      for (guint c = 0; c < n; c++)
        {
          Label *label = &g_array_index (self->labels, Label, c);
          g_autofree char *name = _sigap_chart_layout_category_text (self, c, FALSE);

          label->lines[0] = sigap_text_fit_ellipsize (painter, name,
                                                      MAX (area->width - value_room - 12, 0));
          label->x = area->x;
          label->y = round (area->y + c * row);
          label->width = area->width;
          label->height = label_height;
          label->visible = TRUE;
        }

      for (guint max_ticks = 8; ; max_ticks--)
        {
          gauge_ticks (self, painter, max_ticks);
          if (_sigap_chart_layout_tick_labels_fit (self, 12) || max_ticks <= 2)
            break;
        }
    }

  for (guint c = 0; c < n; c++)
    {
      const Label *label = &g_array_index (self->labels, Label, c);
      double v = sigap_chart_get_value (self->chart, self->value_series, c);
      double track_y = single ? self->plot.y : label->y + label_height + 4;
      SigapChartHitRegion *region;

      if (!isfinite (v))
        continue;

      region = sigap_chart_hit_regions_add (self->hit_regions, area->x, label->y, area->width,
                                            single ? self->band : self->band - 4,
                                            self->value_series, c,
                                            gauge_tooltip (self, c));
      region->anchor_x = _sigap_chart_layout_value_pos (self, v);
      region->anchor_y = track_y;
    }
}

static void
draw_target_marker (SigapChartLayout *self,
                    SigapPainter     *painter,
                    double            x,
                    double            track_y,
                    double            track)
{
  SigapColor background = self->style->background;
  double overhang = MAX (round (track * 0.35), 3);

  x = round (x);
  if (background.alpha > 0)
    {
      background.alpha = 1;
      sigap_painter_set_color (painter, &background);
      sigap_painter_rectangle (painter, x - 2.5, track_y - overhang - 1, 5,
                               track + 2 * overhang + 2);
      sigap_painter_fill (painter);
    }
  sigap_painter_set_color (painter, &self->style->target);
  sigap_painter_rectangle (painter, x - 1.5, track_y - overhang, 3, track + 2 * overhang);
  sigap_painter_fill (painter);
}

void
_sigap_chart_layout_draw_gauge (SigapChartLayout *self,
                                SigapPainter     *painter)
{
  const SigapChartRect *area = &self->content;
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  guint n = sigap_chart_get_n_categories (self->chart);
  gboolean single = n == 1;
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double track = self->bar_width;
  const SigapColor *color = sigap_chart_style_get_series_color (self->style, self->value_series);

  for (guint c = 0; c < n; c++)
    {
      const Label *label = &g_array_index (self->labels, Label, c);
      double v = sigap_chart_get_value (self->chart, self->value_series, c);
      double target = gauge_target (self, c);
      double track_y = single ? self->plot.y : label->y + label_height + 4;
      Shape shape = { 0 };

      /* Header */
      if (single)
        {
          SigapTextExtents big, small;

          _sigap_chart_layout_use_font (self, painter, FONT_BIG);
          sigap_painter_measure_text (painter, label->lines[0], &big);
          sigap_painter_set_color (painter, &self->style->foreground);
          _sigap_chart_layout_draw_text (painter, label->lines[0], label->x, label->y,
                                         ALIGN_LEFT);
          _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
          sigap_painter_measure_text (painter, label->extra[0], &small);
          sigap_painter_set_color (painter, &self->style->secondary);
          _sigap_chart_layout_draw_text (painter, label->extra[0], label->x + big.width + 10,
                                         label->y + big.baseline - small.baseline, ALIGN_LEFT);
        }
      else
        {
          _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
          sigap_painter_set_color (painter, &self->style->foreground);
          _sigap_chart_layout_draw_text (painter, label->lines[0], label->x, label->y,
                                         ALIGN_LEFT);
          _sigap_chart_layout_use_font (self, painter, FONT_STRONG);
          _sigap_chart_layout_draw_text (painter, label->extra[0], area->x + area->width,
                                         label->y, ALIGN_RIGHT);
        }

      /* Track and value */
      shape.x = self->plot.x;
      shape.y = round (track_y);
      shape.width = self->plot.width;
      shape.height = track;
      shape.radius[0] = shape.radius[1] = shape.radius[2] = shape.radius[3] = track / 2;
      _sigap_chart_layout_fill_shape (self, painter, &shape, &self->style->track, 0);

      if (isfinite (v) && v != 0)
        {
          double zero = round (_sigap_chart_layout_value_pos (self, 0));
          double end = round (_sigap_chart_layout_value_pos (self, v));

          shape.x = MIN (zero, end);
          shape.width = MAX (fabs (end - zero), track);
          _sigap_chart_layout_fill_shape (self, painter, &shape, color,
                                          _sigap_chart_layout_pattern_for (self,
                                                                           self->value_series));
        }

      if (isfinite (target))
        draw_target_marker (self, painter, _sigap_chart_layout_value_pos (self, target),
                            shape.y, track);
    }

  /* Scale */
  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  sigap_painter_set_color (painter, &self->style->secondary);
  if (single)
    {
      double target = gauge_target (self, 0);
      double below = self->plot.y + track + 6;
      const Label *first = &g_array_index (self->tick_labels, Label, 0);
      const Label *last = &g_array_index (self->tick_labels, Label, self->tick_labels->len - 1);
      double target_from = G_MAXDOUBLE, target_to = -G_MAXDOUBLE;

      /* The target, named under its marker; the ends of the scale where it leaves room. */
      if (isfinite (target) && gauge_target_name (self) != NULL)
        {
          g_autofree char *value = sigap_chart_format_short (target, unit, self->lang);
          g_autofree char *text = g_strdup_printf ("%s %s", gauge_target_name (self), value);
          double width = sigap_text_fit_width (painter, text);
          double x = CLAMP (_sigap_chart_layout_value_pos (self, target) - width / 2,
                            area->x, area->x + area->width - width);

          sigap_painter_set_color (painter, &self->style->target);
          _sigap_chart_layout_draw_text (painter, text, x, below, ALIGN_LEFT);
          sigap_painter_set_color (painter, &self->style->secondary);
          target_from = x - 8;
          target_to = x + width + 8;
        }

      if (area->x + first->width < target_from)
        _sigap_chart_layout_draw_text (painter, first->lines[0], area->x, below, ALIGN_LEFT);
      if (area->x + area->width - last->width > target_to)
        _sigap_chart_layout_draw_text (painter, last->lines[0], area->x + area->width, below,
                                       ALIGN_RIGHT);
      return;
    }

  {
    double below = self->plot.y + self->plot.height + 6;

    for (guint i = 0; i < self->tick_labels->len; i++)
      {
        const Label *tick = &g_array_index (self->tick_labels, Label, i);
        double x = CLAMP (_sigap_chart_layout_value_pos (self, self->ticks->values[i]),
                          area->x + tick->width / 2, area->x + area->width - tick->width / 2);

        _sigap_chart_layout_draw_text (painter, tick->lines[0], x, below, ALIGN_CENTER);
      }
  }
}

/* Donut */

#define DONUT_HOLE 0.62
#define DONUT_GAP  2.0

static double
donut_value (SigapChartLayout *self,
             guint             category)
{
  double v = sigap_chart_get_value (self->chart, self->value_series, category);

  return isfinite (v) && v > 0 ? v : 0;
}

/* The angles of a slice: clockwise from twelve o'clock. */
static void
slice_angles (SigapChartLayout *self,
              guint             category,
              double           *start,
              double           *end)
{
  double before = 0;

  for (guint c = 0; c < category; c++)
    before += donut_value (self, c);

  *start = -G_PI / 2 + 2 * G_PI * before / self->total;
  *end = *start + 2 * G_PI * donut_value (self, category) / self->total;
}

static char *
share_text (SigapChartLayout *self,
            double            value,
            double            total)
{
  return sigap_format_percent (total > 0 ? 100 * value / total : NAN, 1, self->lang);
}

static char *
donut_tooltip (SigapChartLayout *self,
               guint             category)
{
  g_autofree char *name = _sigap_chart_layout_category_text (self, category, TRUE);
  double v = sigap_chart_get_value (self->chart, self->value_series, category);
  g_autofree char *value = sigap_chart_format_value (v, sigap_chart_get_unit (self->chart),
                                                     self->lang);
  g_autofree char *share = share_text (self, donut_value (self, category), self->total);

  return g_strdup_printf ("%s\n%s (%s)", name, value, share);
}

/* A ring with the total in its hole and a legend table (name, value, share) beside it, or
 * under it when the chart is tall rather than wide.
 */
void
_sigap_chart_layout_allocate_donut (SigapChartLayout *self,
                                    SigapPainter     *painter)
{
  const SigapChartRect *area = &self->content;
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  guint n = sigap_chart_get_n_categories (self->chart);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double row = round (label_height * 1.6);
  gboolean beside = area->width >= area->height * 1.3;
  double diameter;
  SigapChartRect legend;
  guint max_rows, n_rows;
  double value_width = 0, share_width = 0;
  double top;

  self->total = 0;
  for (guint c = 0; c < n; c++)
    self->total += donut_value (self, c);

  if (beside)
    {
      diameter = floor (MIN (area->height, area->width * 0.45));
      legend.x = area->x + diameter + 24;
      legend.y = area->y;
      legend.width = area->x + area->width - legend.x;
      legend.height = area->height;
      self->center_x = area->x + diameter / 2;
      self->center_y = area->y + area->height / 2;
    }
  else
    {
      double legend_height = MIN (n * row, area->height * 0.45);

      diameter = floor (MAX (MIN (area->width, area->height - legend_height - 12), 8));
      legend.x = area->x;
      legend.y = area->y + diameter + 12;
      legend.width = area->width;
      legend.height = area->y + area->height - legend.y;
      self->center_x = area->x + area->width / 2;
      self->center_y = area->y + diameter / 2;
    }

  self->outer_radius = diameter / 2 - 1;
  self->inner_radius = self->outer_radius * DONUT_HOLE;
  self->plot.x = self->center_x - self->outer_radius;
  self->plot.y = self->center_y - self->outer_radius;
  self->plot.width = self->plot.height = 2 * self->outer_radius;

  /* The legend table: as many rows as fit, the last saying how many did not. */
  max_rows = (guint) MAX (floor (legend.height / row), 1);
  n_rows = n <= max_rows ? n : max_rows - 1;

  g_array_set_size (self->labels, n);
  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  for (guint c = 0; c < n; c++)
    {
      Label *label = &g_array_index (self->labels, Label, c);

      _sigap_chart_layout_clear_label (label);
      label->extra[0] = sigap_chart_format_short (sigap_chart_get_value (self->chart,
                                                                          self->value_series, c),
                                                  unit, self->lang);
      label->extra[1] = share_text (self, donut_value (self, c), self->total);
      value_width = MAX (value_width, sigap_text_fit_width (painter, label->extra[0]));
      share_width = MAX (share_width, sigap_text_fit_width (painter, label->extra[1]));
    }

  top = legend.y;
  if (beside)
    top = round (self->center_y - MIN (n_rows + (n_rows < n ? 1 : 0), max_rows) * row / 2);

  for (guint c = 0; c < n; c++)
    {
      Label *label = &g_array_index (self->labels, Label, c);
      g_autofree char *name = _sigap_chart_layout_category_text (self, c, FALSE);
      double room = legend.width - SWATCH_SIZE - 8 - value_width - share_width - 24;

      label->lines[0] = sigap_text_fit_ellipsize (painter, name, MAX (room, 0));
      label->x = legend.x;
      label->y = top + c * row;
      label->width = legend.width;
      label->height = row;
      label->visible = c < n_rows;
    }

  if (n_rows < n)
    {
      guint hidden = n - n_rows;

      /* Translators: the last line of a chart legend that had no room for every category */
      self->more_label.lines[0] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u more", "%u more", hidden),
                                                   hidden);
      self->more_label.x = legend.x + SWATCH_SIZE + 8;
      self->more_label.y = top + n_rows * row;
      self->more_label.height = row;
      self->more_label.visible = TRUE;
    }

  /* The total in the hole, shrunk to a smaller font when the hole is small. */
  {
    double room = 2 * self->inner_radius * 0.85;
    Label *total = &self->center_labels[0];
    Label *caption = &self->center_labels[1];
    const char *name = sigap_chart_get_series (self->chart, self->value_series)->name;

    total->lines[0] = sigap_chart_format_short (self->total, unit, self->lang);
    _sigap_chart_layout_use_font (self, painter, FONT_BIG);
    total->extra[0] = g_strdup ("big");
    if (sigap_text_fit_width (painter, total->lines[0]) > room)
      {
        g_free (total->extra[0]);
        total->extra[0] = NULL;
        _sigap_chart_layout_use_font (self, painter, FONT_STRONG);
      }
    total->height = _sigap_chart_layout_line_height (self, painter,
                                                     total->extra[0] != NULL ? FONT_BIG
                                                                             : FONT_STRONG);
    total->visible = sigap_text_fit_width (painter, total->lines[0]) <= room;

    _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
    caption->lines[0] = sigap_text_fit_ellipsize (painter, name, room);
    caption->height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
    caption->visible = total->visible && total->height + caption->height < room;

    total->x = caption->x = self->center_x;
    total->y = round (self->center_y - (total->height + (caption->visible ? caption->height : 0))
                      / 2);
    caption->y = total->y + total->height;
  }

  for (guint c = 0; c < n; c++)
    {
      const Label *label = &g_array_index (self->labels, Label, c);
      SigapChartHitRegion *region;
      double a1, a2;

      if (donut_value (self, c) > 0)
        {
          slice_angles (self, c, &a1, &a2);
          region = sigap_chart_hit_regions_add (self->hit_regions, self->plot.x, self->plot.y,
                                                self->plot.width, self->plot.height,
                                                self->value_series, c,
                                                donut_tooltip (self, c));
          region->is_sector = TRUE;
          region->center_x = self->center_x;
          region->center_y = self->center_y;
          region->inner_radius = self->inner_radius;
          region->outer_radius = self->outer_radius;
          region->start_angle = a1;
          region->end_angle = a2;
          region->anchor_x = self->center_x + self->outer_radius * cos ((a1 + a2) / 2);
          region->anchor_y = self->center_y + self->outer_radius * sin ((a1 + a2) / 2);
        }

      if (label->visible)
        {
          region = sigap_chart_hit_regions_add (self->hit_regions, label->x, label->y,
                                                label->width, label->height,
                                                self->value_series, c,
                                                donut_tooltip (self, c));
          region->anchor_x = label->x + SWATCH_SIZE / 2;
          region->anchor_y = label->y + label->height / 2;
        }
    }
}

void
_sigap_chart_layout_draw_donut (SigapChartLayout *self,
                                SigapPainter     *painter)
{
  guint n = sigap_chart_get_n_categories (self->chart);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
  guint n_slices = 0;

  for (guint c = 0; c < n; c++)
    if (donut_value (self, c) > 0)
      n_slices++;

  for (guint c = 0; c < n; c++)
    {
      const SigapColor *color = sigap_chart_style_get_series_color (self->style, c);
      Shape shape = { 0 };
      double a1, a2, outer_pad, inner_pad;

      if (donut_value (self, c) <= 0)
        continue;

      slice_angles (self, c, &a1, &a2);
      outer_pad = n_slices > 1 ? DONUT_GAP / 2 / self->outer_radius : 0;
      inner_pad = n_slices > 1 ? DONUT_GAP / 2 / self->inner_radius : 0;
      /* A sliver thinner than the gap is still drawn, as a hairline. */
      if (a2 - a1 <= 2 * inner_pad)
        outer_pad = inner_pad = MAX ((a2 - a1) / 2 - 0.5 / self->inner_radius, 0);

      shape.is_sector = TRUE;
      shape.cx = self->center_x;
      shape.cy = self->center_y;
      shape.r1 = self->inner_radius;
      shape.r2 = self->outer_radius;
      shape.a1 = a1 + outer_pad;
      shape.a2 = a2 - outer_pad;
      shape.b1 = a1 + inner_pad;
      shape.b2 = a2 - inner_pad;
      _sigap_chart_layout_fill_shape (self, painter, &shape, color,
                                      _sigap_chart_layout_pattern_for (self, c));

      /* The share on the slice when it fits: the print then needs no legend lookup. */
      {
        g_autofree char *text = sigap_format_percent (100 * donut_value (self, c) / self->total,
                                                      0, self->lang);
        double mid = (a1 + a2) / 2;
        double r = (self->inner_radius + self->outer_radius) / 2;
        double width;

        _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
        width = sigap_text_fit_width (painter, text);
        if ((a2 - a1) * self->inner_radius >= width + 4 &&
            self->outer_radius - self->inner_radius >= small_height + 2)
          draw_text_on_fill (self, painter, text, self->center_x + r * cos (mid),
                             self->center_y + r * sin (mid) - small_height / 2, color,
                             _sigap_chart_layout_pattern_for (self, c));
      }
    }

  for (guint i = 0; i < 2; i++)
    {
      const Label *label = &self->center_labels[i];

      if (!label->visible)
        continue;

      if (i == 0)
        {
          _sigap_chart_layout_use_font (self, painter, label->extra[0] != NULL ? FONT_BIG
                                                                               : FONT_STRONG);
          sigap_painter_set_color (painter, &self->style->foreground);
        }
      else
        {
          _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
          sigap_painter_set_color (painter, &self->style->secondary);
        }
      _sigap_chart_layout_draw_text (painter, label->lines[0], label->x, label->y, ALIGN_CENTER);
    }

  for (guint c = 0; c < n; c++)
    {
      const Label *label = &g_array_index (self->labels, Label, c);
      const SigapColor *color = sigap_chart_style_get_series_color (self->style, c);
      double text_top = label->y + (label->height - label_height) / 2;
      double right = label->x + label->width;
      Shape swatch = { 0 };
      SigapTextExtents extents;

      if (!label->visible)
        continue;

      swatch.x = label->x;
      swatch.y = round (label->y + (label->height - SWATCH_SIZE) / 2);
      swatch.width = swatch.height = SWATCH_SIZE;
      swatch.radius[0] = swatch.radius[1] = swatch.radius[2] = swatch.radius[3] = 2;
      _sigap_chart_layout_fill_shape (self, painter, &swatch, color,
                                      _sigap_chart_layout_pattern_for (self, c));

      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      sigap_painter_set_color (painter, &self->style->foreground);
      _sigap_chart_layout_draw_text (painter, label->lines[0], label->x + SWATCH_SIZE + 8,
                                     text_top, ALIGN_LEFT);

      sigap_painter_set_color (painter, &self->style->secondary);
      sigap_painter_measure_text (painter, "100,0%", &extents);
      _sigap_chart_layout_draw_text (painter, label->extra[1], right, text_top, ALIGN_RIGHT);
      _sigap_chart_layout_use_font (self, painter, FONT_STRONG);
      sigap_painter_set_color (painter, &self->style->foreground);
      _sigap_chart_layout_draw_text (painter, label->extra[0], right - extents.width - 12,
                                     text_top, ALIGN_RIGHT);
    }

  if (self->more_label.visible)
    {
      _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
      sigap_painter_set_color (painter, &self->style->secondary);
      _sigap_chart_layout_draw_text (painter, self->more_label.lines[0], self->more_label.x,
                                     self->more_label.y +
                                     (self->more_label.height - label_height) / 2,
                                     ALIGN_LEFT);
    }
}

/* Stacked 100 % bars */

static double
row_total (SigapChartLayout *self,
           guint             category)
{
  double total = 0;

  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    {
      double v = sigap_chart_get_value (self->chart, s, category);

      if (isfinite (v) && v > 0)
        total += v;
    }

  return total;
}

static double
part (SigapChartLayout *self,
      guint             series,
      guint             category)
{
  double v = sigap_chart_get_value (self->chart, series, category);

  return isfinite (v) && v > 0 ? v : 0;
}

static void
bar_rows (SigapChartLayout *self,
          guint             category,
          double           *top,
          double           *bottom)
{
  double center = self->plot.y + (category + 0.5) * self->band;

  *top = round (center - self->bar_width / 2);
  *bottom = *top + round (self->bar_width);
}

/* The span of part @series of row @category, in x, with a gap before every part but the first. */
static gboolean
part_extent (SigapChartLayout *self,
             guint             series,
             guint             category,
             double           *start,
             double           *end)
{
  double total = row_total (self, category);
  double before = 0;

  if (total <= 0 || part (self, series, category) <= 0)
    return FALSE;

  for (guint s = 0; s < series; s++)
    before += part (self, s, category);

  *start = round (_sigap_chart_layout_value_pos (self, 100 * before / total));
  *end = round (_sigap_chart_layout_value_pos (self,
                                               100 * (before + part (self, series, category))
                                               / total));
  if (before > 0)
    *start += 1;
  if (before + part (self, series, category) < total)
    *end -= 1;

  return *end > *start;
}

void
_sigap_chart_layout_allocate_stacked (SigapChartLayout *self,
                                      SigapPainter     *painter)
{
  const SigapChartRect *area = &self->content;
  guint n = sigap_chart_get_n_categories (self->chart);
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
  double label_width = 0;

  self->horizontal = TRUE;

  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

      label_width = MAX (label_width, sigap_text_fit_width (painter, text));
    }
  label_width = ceil (MIN (label_width, area->width * 0.38));

  self->plot.x = round (area->x + (label_width > 0 ? label_width + 12 : 0));
  self->plot.width = MAX (floor (area->x + area->width - self->plot.x), 1);
  self->plot.y = area->y;
  self->plot.height = MAX (floor (area->height - small_height - 6), 1);
  self->band = self->plot.height / n;
  self->bar_width = MIN (round (self->band * 0.62), round (label_height * 2.2));

  for (guint max_ticks = 6; ; max_ticks--)
    {
      g_clear_pointer (&self->ticks, sigap_chart_ticks_free);
      g_array_set_size (self->tick_labels, 0);
      self->ticks = sigap_chart_ticks_new (0, 100, max_ticks, TRUE);
      _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
      for (guint i = 0; i < self->ticks->n_values; i++)
        {
          Label label = { 0 };

          label.lines[0] = sigap_chart_format_tick (self->ticks->values[i],
                                                    SIGAP_CHART_UNIT_PERCENT, 0, self->lang);
          label.width = sigap_text_fit_width (painter, label.lines[0]);
          label.height = small_height;
          label.x = _sigap_chart_layout_value_pos (self, self->ticks->values[i]);
          label.y = self->plot.y + self->plot.height + 6;
          label.visible = TRUE;
          g_array_append_val (self->tick_labels, label);
        }
      if (_sigap_chart_layout_tick_labels_fit (self, 12) || max_ticks <= 2)
        break;
    }

  _sigap_chart_layout_fit_row_labels (self, painter, area->x, label_width, label_height, 1);

  for (guint c = 0; c < n; c++)
    {
      double total = row_total (self, c);
      double top, bottom;

      bar_rows (self, c, &top, &bottom);
      for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
        {
          double start, end;
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;
          g_autofree char *share = NULL;
          const char *series_name = sigap_chart_get_series (self->chart, s)->name;
          SigapChartHitRegion *region;

          if (!part_extent (self, s, c, &start, &end))
            continue;

          name = _sigap_chart_layout_category_text (self, c, TRUE);
          value = sigap_chart_format_value (part (self, s, c), unit, self->lang);
          share = share_text (self, part (self, s, c), total);
          region = sigap_chart_hit_regions_add (self->hit_regions, start, top, end - start,
                                                bottom - top, (int) s, c,
                                                g_strdup_printf ("%s\n%s: %s (%s)", name,
                                                                 series_name, value,
                                                                 share));
          region->anchor_y = top;
        }
    }
}

void
_sigap_chart_layout_draw_stacked (SigapChartLayout *self,
                                  SigapPainter     *painter)
{
  guint n = sigap_chart_get_n_categories (self->chart);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);

  /* Grid and scale */
  sigap_painter_set_line_width (painter, 1.0);
  sigap_painter_set_color (painter, &self->style->grid);
  for (guint i = 0; i < self->ticks->n_values; i++)
    {
      double x = _sigap_chart_layout_crisp (_sigap_chart_layout_value_pos (self,
                                                                           self->ticks->values[i]));

      sigap_painter_move_to (painter, x, self->plot.y);
      sigap_painter_line_to (painter, x, self->plot.y + self->plot.height);
    }
  sigap_painter_stroke (painter);

  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  sigap_painter_set_color (painter, &self->style->secondary);
  for (guint i = 0; i < self->tick_labels->len; i++)
    {
      const Label *tick = &g_array_index (self->tick_labels, Label, i);
      double x = CLAMP (tick->x, self->content.x + tick->width / 2,
                        self->content.x + self->content.width - tick->width / 2);

      _sigap_chart_layout_draw_text (painter, tick->lines[0], x, tick->y, ALIGN_CENTER);
    }

  for (guint c = 0; c < n; c++)
    {
      double top, bottom;
      double radius;

      if (row_total (self, c) <= 0)
        continue;

      bar_rows (self, c, &top, &bottom);
      radius = MIN (4, (bottom - top) / 3);

      /* Clip to the whole bar's rounded outline: only its two ends are round. */
      sigap_painter_save (painter);
      sigap_painter_rounded_rectangle (painter, self->plot.x, top, self->plot.width,
                                       bottom - top, radius, radius, radius, radius);
      sigap_painter_clip (painter);

      for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
        {
          const SigapColor *color = sigap_chart_style_get_series_color (self->style, s);
          Shape shape = { 0 };
          double start, end;
          g_autofree char *text = NULL;
          double width;

          if (!part_extent (self, s, c, &start, &end))
            continue;

          shape.x = start;
          shape.y = top;
          shape.width = end - start;
          shape.height = bottom - top;
          _sigap_chart_layout_fill_shape (self, painter, &shape, color,
                                          _sigap_chart_layout_pattern_for (self, s));

          text = sigap_format_percent (100 * part (self, s, c) / row_total (self, c), 0,
                                       self->lang);
          _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
          width = sigap_text_fit_width (painter, text);
          if (width + 8 <= end - start && small_height <= bottom - top)
            draw_text_on_fill (self, painter, text, (start + end) / 2,
                               (top + bottom) / 2 - small_height / 2, color,
                               _sigap_chart_layout_pattern_for (self, s));
        }

      sigap_painter_restore (painter);
    }

  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  sigap_painter_set_color (painter, &self->style->secondary);
  for (guint c = 0; c < self->labels->len; c++)
    _sigap_chart_layout_draw_label (self, painter, &g_array_index (self->labels, Label, c),
                                    ALIGN_LEFT);
}
