/* sigap-chart-layout-axes.c: the kinds with a value axis (LINE, AREA, BAR, HBAR)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-layout-private.h"

#include <math.h>

/* Room per tick along a vertical value axis: gridlines closer than this look like a ruler. */
#define TICK_SPACING_Y   36.0
#define AXIS_LABEL_GAP    8.0

static const double target_dashes[] = { 7.0, 4.0 };
static const double projection_dashes[] = { 3.0, 3.0 };

static gboolean
is_vertical_kind (SigapChartKind kind)
{
  return kind != SIGAP_CHART_KIND_HBAR;
}

/* The values the axis must reach: every finite value and reference, and zero (bars start
 * there, and a line's height only means something against it).
 */
static void
value_range (SigapChartLayout *self,
             double           *lo,
             double           *hi)
{
  guint n_categories = sigap_chart_get_n_categories (self->chart);

  *lo = 0;
  *hi = 0;
  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    for (guint c = 0; c < n_categories; c++)
      {
        double v = sigap_chart_get_value (self->chart, s, c);

        if (isfinite (v))
          {
            *lo = MIN (*lo, v);
            *hi = MAX (*hi, v);
          }
      }

  for (guint r = 0; r < sigap_chart_get_n_references (self->chart); r++)
    {
      double v = sigap_chart_get_reference (self->chart, r)->value;

      if (isfinite (v))
        {
          *lo = MIN (*lo, v);
          *hi = MAX (*hi, v);
        }
    }
}

static gboolean
integer_unit (SigapChartLayout *self)
{
  return sigap_chart_get_unit (self->chart) != SIGAP_CHART_UNIT_PERCENT;
}

/* Makes the ticks and their labels (FONT_SMALL); returns the widest label's width. */
static double
make_ticks (SigapChartLayout *self,
            SigapPainter     *painter,
            double            lo,
            double            hi,
            guint             max_ticks)
{
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  double widest = 0;

  g_clear_pointer (&self->ticks, sigap_chart_ticks_free);
  g_array_set_size (self->tick_labels, 0);

  self->ticks = sigap_chart_ticks_new (lo, hi, max_ticks, integer_unit (self));
  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  for (guint i = 0; i < self->ticks->n_values; i++)
    {
      Label label = { 0 };
      SigapTextExtents extents;

      label.lines[0] = sigap_chart_format_tick (self->ticks->values[i], unit,
                                                self->ticks->decimals, self->lang);
      sigap_painter_measure_text (painter, label.lines[0], &extents);
      label.width = extents.width;
      label.height = extents.height;
      label.visible = TRUE;
      widest = MAX (widest, label.width);
      g_array_append_val (self->tick_labels, label);
    }

  return widest;
}

double
_sigap_chart_layout_value_pos (SigapChartLayout *self,
                               double            value)
{
  double f = sigap_chart_ticks_fraction (self->ticks, value);

  if (self->horizontal)
    return self->plot.x + f * self->plot.width;

  return self->plot.y + self->plot.height - f * self->plot.height;
}

/* Whether the labels of a horizontal value axis, centred on their ticks but kept inside the
 * chart, leave @gap between each other.
 */
gboolean
_sigap_chart_layout_tick_labels_fit (SigapChartLayout *self,
                                     double            gap)
{
  double left = self->content.x;
  double right = self->content.x + self->content.width;
  double previous_end = -G_MAXDOUBLE;

  for (guint i = 0; i < self->tick_labels->len; i++)
    {
      const Label *label = &g_array_index (self->tick_labels, Label, i);
      double center = CLAMP (_sigap_chart_layout_value_pos (self, self->ticks->values[i]),
                             left + label->width / 2, right - label->width / 2);

      if (center - label->width / 2 < previous_end + gap)
        return FALSE;
      previous_end = center + label->width / 2;
    }

  return TRUE;
}

static guint
n_value_series (SigapChartLayout *self)
{
  guint n = 0;

  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    if (sigap_chart_get_series (self->chart, s)->role == SIGAP_CHART_SERIES_ROLE_VALUE)
      n++;

  return n;
}

/* Whether the chart has an annotation on one of its categories. */
static gboolean
has_annotations (SigapChartLayout *self)
{
  guint n = sigap_chart_get_n_categories (self->chart);

  for (guint i = 0; i < sigap_chart_get_n_annotations (self->chart); i++)
    if (sigap_chart_get_annotation (self->chart, i)->category < n)
      return TRUE;

  return FALSE;
}

static gboolean
all_months (SigapChartLayout *self)
{
  guint n = sigap_chart_get_n_categories (self->chart);

  for (guint c = 0; c < n; c++)
    if (sigap_chart_get_category (self->chart, c)->month == 0)
      return FALSE;

  return n > 0;
}

static gboolean
is_shortened (const Label *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (label->lines); i++)
    if (label->lines[i] != NULL && g_str_has_suffix (label->lines[i], SIGAP_TEXT_FIT_ELLIPSIS))
      return TRUE;

  return FALSE;
}

/* Category labels under a horizontal category axis, fitted to @band per category in the
 * @role font: month names with the year under the first month of each year, names wrapped on
 * two lines and shortened with an ellipsis. When even that cannot fit, only every k-th label
 * is shown. Returns the height the labels need; @n_shortened counts the ellipsized ones.
 */
static double
fit_category_labels_in (SigapChartLayout *self,
                        SigapPainter     *painter,
                        double            band,
                        FontRole          role,
                        guint            *n_shortened)
{
  guint n = sigap_chart_get_n_categories (self->chart);
  guint n_lines = 1;
  guint every = 1;
  double line_height;

  *n_shortened = 0;
  g_array_set_size (self->labels, n);
  line_height = _sigap_chart_layout_line_height (self, painter, role);
  _sigap_chart_layout_use_font (self, painter, role);

  if (all_months (self))
    {
      double widest = 0;
      int last_year = 0;

      for (guint c = 0; c < n; c++)
        {
          g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

          widest = MAX (widest, sigap_text_fit_width (painter, text));
        }
      every = (guint) MAX (ceil ((widest + 8) / MAX (band, 1)), 1);

      for (guint c = 0; c < n; c++)
        {
          Label *label = &g_array_index (self->labels, Label, c);
          const SigapChartCategory *category = sigap_chart_get_category (self->chart, c);

          _sigap_chart_layout_clear_label (label);
          label->visible = c % every == 0;
          label->lines[0] = _sigap_chart_layout_category_text (self, c, FALSE);
          label->width = sigap_text_fit_width (painter, label->lines[0]);
          label->height = line_height;
          if (label->visible && category->year != last_year)
            {
              label->lines[1] = g_strdup_printf ("%d", category->year);
              label->height = 2 * line_height;
              last_year = category->year;
              n_lines = 2;
            }
        }

      return n_lines * line_height;
    }

  /* Names: below about six characters' room a label says nothing. Then write only every k-th
   * name, with room for a typical name ("Bekasi Utara") or the longest, if shorter.
   */
  if (band - 4 < sigap_text_fit_width (painter, "Bekasi"))
    {
      double needed = 0;

      for (guint c = 0; c < n; c++)
        {
          g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

          needed = MAX (needed, sigap_text_fit_width (painter, text));
        }
      needed = MIN (needed, sigap_text_fit_width (painter, "Bekasi Utara"));
      every = (guint) MAX (ceil ((needed + 8) / MAX (band, 1)), 1);
    }

  for (guint c = 0; c < n; c++)
    {
      Label *label = &g_array_index (self->labels, Label, c);
      g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

      _sigap_chart_layout_clear_label (label);
      _sigap_chart_layout_wrap (painter, text, every * band - 4, 2, label);
      label->visible = c % every == 0;
      if (label->visible && label->lines[1] != NULL)
        n_lines = 2;
      if (label->visible && is_shortened (label))
        (*n_shortened)++;
    }

  return n_lines * line_height;
}

/* Category labels in the label font, or in the smaller one when that saves names from the
 * ellipsis.
 */
static double
fit_category_labels (SigapChartLayout *self,
                     SigapPainter     *painter,
                     double            band)
{
  guint n_shortened, n_shortened_small;
  double height;

  self->category_font = FONT_LABEL;
  height = fit_category_labels_in (self, painter, band, FONT_LABEL, &n_shortened);
  if (n_shortened == 0)
    return height;

  height = fit_category_labels_in (self, painter, band, FONT_SMALL, &n_shortened_small);
  if (n_shortened_small < n_shortened)
    {
      self->category_font = FONT_SMALL;
      return height;
    }

  return fit_category_labels_in (self, painter, band, FONT_LABEL, &n_shortened);
}

/* Bar geometry within a category's band: slot @s of the group. */
static void
bar_extent (SigapChartLayout *self,
            guint             category,
            guint             slot,
            double           *start,
            double           *end)
{
  guint n_slots = sigap_chart_get_n_series (self->chart);
  double group = n_slots * self->bar_width + (n_slots - 1) * self->bar_gap;
  double center, from;

  if (self->horizontal)
    center = self->plot.y + (category + 0.5) * self->band;
  else
    center = self->plot.x + (category + 0.5) * self->band;

  from = center - group / 2 + slot * (self->bar_width + self->bar_gap);
  *start = round (from);
  *end = MAX (round (from + self->bar_width), *start + 1);
}

static void
size_bars (SigapChartLayout *self,
           double            max_bar)
{
  guint n_slots = MAX (sigap_chart_get_n_series (self->chart), 1);
  double group = self->band * (n_slots == 1 ? 0.62 : 0.78);

  self->bar_gap = n_slots > 1 ? CLAMP (floor (self->band * 0.04), 1, 4) : 0;
  self->bar_width = (group - self->bar_gap * (n_slots - 1)) / n_slots;
  self->bar_width = CLAMP (self->bar_width, 1, max_bar);
}

/* Values written at the end of the bars when every one fits beside its neighbours. */
static double
fit_value_labels (SigapChartLayout *self,
                  SigapPainter     *painter,
                  double            room)
{
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  double widest = 0;

  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);

      if (series->role != SIGAP_CHART_SERIES_ROLE_VALUE)
        continue;

      for (guint c = 0; c < n_categories; c++)
        {
          double v = sigap_chart_series_get_value (series, c);
          g_autofree char *text = NULL;

          if (!isfinite (v))
            continue;
          text = sigap_chart_format_short (v, unit, self->lang);
          widest = MAX (widest, sigap_text_fit_width (painter, text));
        }
    }

  self->show_values = widest > 0 && widest <= room;

  return widest;
}

static void
add_hit_regions (SigapChartLayout *self)
{
  SigapChartKind kind = sigap_chart_get_kind (self->chart);
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  guint n_series = sigap_chart_get_n_series (self->chart);

  for (guint c = 0; c < n_categories; c++)
    {
      if (kind == SIGAP_CHART_KIND_LINE || kind == SIGAP_CHART_KIND_AREA)
        {
          SigapChartHitRegion *region;
          double anchor_y = self->plot.y;

          for (guint s = 0; s < n_series; s++)
            {
              double v = sigap_chart_get_value (self->chart, s, c);

              if (isfinite (v))
                {
                  anchor_y = _sigap_chart_layout_value_pos (self, v);
                  break;
                }
            }

          const SigapChartAnnotation *annotation = sigap_chart_find_annotation (self->chart, c);
          char *tooltip = _sigap_chart_layout_series_tooltip (self, -1, c);

          /* What changed in this month, under its figures. */
          if (annotation != NULL)
            {
              char *with_note = g_strconcat (tooltip, "\n", annotation->description, NULL);

              g_free (tooltip);
              tooltip = with_note;
            }

          region = sigap_chart_hit_regions_add (self->hit_regions,
                                                self->plot.x + c * self->band,
                                                self->plot.y,
                                                self->band, self->plot.height,
                                                -1, c, tooltip);
          region->anchor_y = anchor_y;
          continue;
        }

      for (guint s = 0; s < n_series; s++)
        {
          double v = sigap_chart_get_value (self->chart, s, c);
          double start, end, tip;
          SigapChartHitRegion *region;
          char *tooltip;

          if (!isfinite (v))
            continue;

          bar_extent (self, c, s, &start, &end);
          tip = _sigap_chart_layout_value_pos (self, v);
          tooltip = _sigap_chart_layout_series_tooltip (self, (int) s, c);

          /* The whole slot across the plot, so a short bar is as easy to point at as a long
           * one.
           */
          if (self->horizontal)
            {
              region = sigap_chart_hit_regions_add (self->hit_regions, self->plot.x, start,
                                                    self->plot.width, end - start,
                                                    (int) s, c, tooltip);
              region->anchor_x = tip;
              region->anchor_y = (start + end) / 2;
            }
          else
            {
              region = sigap_chart_hit_regions_add (self->hit_regions, start, self->plot.y,
                                                    end - start, self->plot.height,
                                                    (int) s, c, tooltip);
              region->anchor_x = (start + end) / 2;
              region->anchor_y = tip;
            }
        }
    }
}

static void
allocate_vertical (SigapChartLayout *self,
                   SigapPainter     *painter)
{
  SigapChartKind kind = sigap_chart_get_kind (self->chart);
  const SigapChartRect *area = &self->content;
  guint n = sigap_chart_get_n_categories (self->chart);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double lo, hi;
  /* Annotations write their labels above the plot, beside their marks. */
  double annotation_reserve = has_annotations (self) ? small_height + 6 : 0;
  double top_reserve = ceil (small_height / 2) + annotation_reserve;
  double bottom_reserve = label_height + 6;

  value_range (self, &lo, &hi);

  /* The tick labels' width decides the plot's width, which decides how the category labels
   * wrap, which decides the plot's height and so the ticks: go round until it settles.
   */
  for (guint pass = 0; pass < 3; pass++)
    {
      double plot_height = MAX (area->height - top_reserve - bottom_reserve, 1);
      guint max_ticks = (guint) CLAMP (floor (plot_height / TICK_SPACING_Y) + 1, 2, 8);
      double widest = make_ticks (self, painter, lo, hi, max_ticks);
      double new_top = ceil (small_height / 2) + annotation_reserve;
      double new_bottom;

      self->plot.x = round (area->x + widest + AXIS_LABEL_GAP);
      self->plot.width = MAX (floor (area->x + area->width - self->plot.x), 1);
      self->band = self->plot.width / n;

      new_bottom = fit_category_labels (self, painter, self->band) + 6;

      if (kind == SIGAP_CHART_KIND_BAR)
        {
          size_bars (self, 3 * label_height);
          fit_value_labels (self, painter,
                            sigap_chart_get_n_series (self->chart) == 1
                            ? self->band - 4 : self->bar_width + self->bar_gap);
          if (self->show_values)
            new_top = small_height + 4 + annotation_reserve;
          /* Values under negative bars need room above the category labels. */
          if (self->show_values && lo < 0)
            new_bottom += small_height + 4;
        }

      if (new_top == top_reserve && new_bottom == bottom_reserve && pass > 0)
        break;
      top_reserve = new_top;
      bottom_reserve = new_bottom;
    }

  self->plot.y = round (area->y + top_reserve);
  self->plot.height = MAX (floor (area->y + area->height - bottom_reserve - self->plot.y), 1);
  if (kind == SIGAP_CHART_KIND_BAR)
    size_bars (self, 3 * label_height);

  for (guint c = 0; c < n; c++)
    {
      Label *label = &g_array_index (self->labels, Label, c);

      /* Centred under the category, but not past the chart's edges. */
      label->x = CLAMP (self->plot.x + (c + 0.5) * self->band, area->x + label->width / 2,
                        area->x + area->width - label->width / 2);
      label->y = self->plot.y + self->plot.height + 6 +
                 (self->show_values && lo < 0 ? small_height + 4 : 0);
    }

  for (guint i = 0; i < self->tick_labels->len; i++)
    {
      Label *label = &g_array_index (self->tick_labels, Label, i);

      label->x = self->plot.x - AXIS_LABEL_GAP;
      label->y = _sigap_chart_layout_value_pos (self, self->ticks->values[i]) - label->height / 2;
    }
}

static void
allocate_horizontal (SigapChartLayout *self,
                     SigapPainter     *painter)
{
  const SigapChartRect *area = &self->content;
  guint n = sigap_chart_get_n_categories (self->chart);
  double small_height = _sigap_chart_layout_line_height (self, painter, FONT_SMALL);
  double label_height = _sigap_chart_layout_line_height (self, painter, FONT_LABEL);
  double lo, hi;
  double label_width = 0, value_width;
  double top_reserve, bottom_reserve;
  guint max_ticks;
  guint every = 1;

  self->horizontal = TRUE;
  self->category_font = FONT_LABEL;
  value_range (self, &lo, &hi);

  /* The names' column: as wide as the longest name, up to 38 % of the chart. */
  _sigap_chart_layout_use_font (self, painter, FONT_LABEL);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *text = _sigap_chart_layout_category_text (self, c, FALSE);

      label_width = MAX (label_width, sigap_text_fit_width (painter, text));
    }
  label_width = ceil (MIN (label_width, area->width * 0.38));

  value_width = fit_value_labels (self, painter, G_MAXDOUBLE);
  self->value_label_gap = 6;

  top_reserve = sigap_chart_get_n_references (self->chart) > 0 ? small_height + 6 : 0;
  bottom_reserve = small_height + 6;

  /* Values sit beyond the ends of the bars: on the right, and on the left when some bars
   * are negative.
   */
  self->plot.x = round (area->x + label_width + 12 +
                        (self->show_values && lo < 0 ? value_width + self->value_label_gap : 0));
  self->plot.width = MAX (floor (area->x + area->width - self->plot.x -
                                 (self->show_values ? value_width + self->value_label_gap : 8)),
                          1);
  self->plot.y = round (area->y + top_reserve);
  self->plot.height = MAX (floor (area->y + area->height - bottom_reserve - self->plot.y), 1);
  self->band = self->plot.height / n;

  /* As many ticks as their labels leave room for. */
  for (max_ticks = 8; ; max_ticks--)
    {
      make_ticks (self, painter, lo, hi, max_ticks);
      if (_sigap_chart_layout_tick_labels_fit (self, 12) || max_ticks <= 2)
        break;
    }

  for (guint i = 0; i < self->tick_labels->len; i++)
    {
      Label *label = &g_array_index (self->tick_labels, Label, i);

      label->x = _sigap_chart_layout_value_pos (self, self->ticks->values[i]);
      label->y = self->plot.y + self->plot.height + 6;
    }

  size_bars (self, 1.8 * label_height);

  if (self->band < label_height)
    every = (guint) ceil (label_height / MAX (self->band, 0.1));
  _sigap_chart_layout_fit_row_labels (self, painter, area->x, label_width, label_height, every);
}

void
_sigap_chart_layout_allocate_axes (SigapChartLayout *self,
                                   SigapPainter     *painter)
{
  if (is_vertical_kind (sigap_chart_get_kind (self->chart)))
    allocate_vertical (self, painter);
  else
    allocate_horizontal (self, painter);

  add_hit_regions (self);
}

/* Drawing */

static void
draw_grid (SigapChartLayout *self,
           SigapPainter     *painter)
{
  sigap_painter_set_line_width (painter, 1.0);
  sigap_painter_set_dash (painter, NULL, 0, 0);
  sigap_painter_set_color (painter, &self->style->grid);

  for (guint i = 0; i < self->ticks->n_values; i++)
    {
      double value = self->ticks->values[i];
      double pos = _sigap_chart_layout_crisp (_sigap_chart_layout_value_pos (self, value));

      if (self->ticks->values[i] == 0)
        continue;

      if (self->horizontal)
        {
          sigap_painter_move_to (painter, pos, self->plot.y);
          sigap_painter_line_to (painter, pos, self->plot.y + self->plot.height);
        }
      else
        {
          sigap_painter_move_to (painter, self->plot.x, pos);
          sigap_painter_line_to (painter, self->plot.x + self->plot.width, pos);
        }
    }
  sigap_painter_stroke (painter);

  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
  sigap_painter_set_color (painter, &self->style->secondary);
  for (guint i = 0; i < self->tick_labels->len; i++)
    {
      const Label *label = &g_array_index (self->tick_labels, Label, i);

      if (self->horizontal)
        {
          /* Keep the end labels inside the chart. */
          double x = CLAMP (label->x, self->content.x + label->width / 2,
                            self->content.x + self->content.width - label->width / 2);

          _sigap_chart_layout_draw_text (painter, label->lines[0], x, label->y, ALIGN_CENTER);
        }
      else
        _sigap_chart_layout_draw_label (self, painter, label, ALIGN_RIGHT);
    }
}

static void
draw_zero_line (SigapChartLayout *self,
                SigapPainter     *painter)
{
  double zero = MAX (self->ticks->min, MIN (0, self->ticks->max));
  double pos = _sigap_chart_layout_crisp (_sigap_chart_layout_value_pos (self, zero));

  sigap_painter_set_line_width (painter, 1.0);
  sigap_painter_set_dash (painter, NULL, 0, 0);
  sigap_painter_set_color (painter, &self->style->axis);
  if (self->horizontal)
    {
      sigap_painter_move_to (painter, pos, self->plot.y);
      sigap_painter_line_to (painter, pos, self->plot.y + self->plot.height);
    }
  else
    {
      sigap_painter_move_to (painter, self->plot.x, pos);
      sigap_painter_line_to (painter, self->plot.x + self->plot.width, pos);
    }
  sigap_painter_stroke (painter);
}

static void
draw_bars (SigapChartLayout *self,
           SigapPainter     *painter)
{
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  guint n_series = sigap_chart_get_n_series (self->chart);
  double zero = _sigap_chart_layout_value_pos (self, MAX (self->ticks->min,
                                                          MIN (0, self->ticks->max)));
  double radius = MIN (4, floor (self->bar_width / 3));

  for (guint s = 0; s < n_series; s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);
      const SigapColor *color = sigap_chart_style_get_series_color (self->style, s);
      guint pattern = _sigap_chart_layout_pattern_for (self, s);

      for (guint c = 0; c < n_categories; c++)
        {
          double v = sigap_chart_series_get_value (series, c);
          double start, end, tip;
          Shape shape = { 0 };

          if (!isfinite (v))
            continue;

          bar_extent (self, c, s, &start, &end);
          tip = round (_sigap_chart_layout_value_pos (self, v));

          if (self->horizontal)
            {
              shape.x = round (zero);
              shape.width = tip - shape.x;
              shape.y = start;
              shape.height = end - start;
              /* Round the far end only: the bar grows out of the axis. */
              if (v >= 0)
                shape.radius[1] = shape.radius[2] = MIN (radius, fabs (shape.width));
              else
                shape.radius[0] = shape.radius[3] = MIN (radius, fabs (shape.width));
            }
          else
            {
              shape.x = start;
              shape.width = end - start;
              shape.y = round (zero);
              shape.height = tip - shape.y;
              if (v >= 0)
                shape.radius[0] = shape.radius[1] = MIN (radius, fabs (shape.height));
              else
                shape.radius[2] = shape.radius[3] = MIN (radius, fabs (shape.height));
            }

          if (shape.width == 0 || shape.height == 0)
            continue;

          if (series->role == SIGAP_CHART_SERIES_ROLE_TARGET)
            _sigap_chart_layout_draw_ghost (self, painter, &shape);
          else
            _sigap_chart_layout_fill_shape (self, painter, &shape, color, pattern);
        }
    }
}

static void
draw_value_labels (SigapChartLayout *self,
                   SigapPainter     *painter)
{
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  SigapColor halo = self->style->background;

  if (!self->show_values)
    return;

  /* A reference line may cross the values: keep them readable on a patch of background. */
  halo.alpha = sigap_chart_get_n_references (self->chart) > 0 ? halo.alpha : 0;

  _sigap_chart_layout_use_font (self, painter, FONT_SMALL);

  for (guint s = 0; s < sigap_chart_get_n_series (self->chart); s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);

      if (series->role != SIGAP_CHART_SERIES_ROLE_VALUE)
        continue;

      for (guint c = 0; c < n_categories; c++)
        {
          double v = sigap_chart_series_get_value (series, c);
          g_autofree char *text = NULL;
          SigapTextExtents extents;
          double start, end, tip, x, top;

          if (!isfinite (v))
            continue;

          text = sigap_chart_format_short (v, unit, self->lang);
          sigap_painter_measure_text (painter, text, &extents);
          bar_extent (self, c, s, &start, &end);
          tip = _sigap_chart_layout_value_pos (self, v);

          if (self->horizontal)
            {
              x = v >= 0 ? tip + self->value_label_gap
                         : tip - self->value_label_gap - extents.width;
              top = (start + end) / 2 - extents.height / 2;
            }
          else
            {
              x = (start + end) / 2 - extents.width / 2;
              top = v >= 0 ? tip - 3 - extents.height : tip + 3;
            }

          if (halo.alpha > 0)
            {
              sigap_painter_set_color (painter, &halo);
              sigap_painter_rectangle (painter, x - 2, top, extents.width + 4, extents.height);
              sigap_painter_fill (painter);
            }
          sigap_painter_set_color (painter, &self->style->foreground);
          _sigap_chart_layout_draw_text (painter, text, x, top, ALIGN_LEFT);
        }
    }
}

static double
point_x (SigapChartLayout *self,
         guint             category)
{
  return self->plot.x + (category + 0.5) * self->band;
}

/* The tinted area under a run of points [@from, @to] of @series. */
static void
fill_area (SigapChartLayout       *self,
           SigapPainter           *painter,
           const SigapChartSeries *series,
           guint                   from,
           guint                   to,
           const SigapColor       *color)
{
  double zero = _sigap_chart_layout_value_pos (self, MAX (self->ticks->min,
                                                          MIN (0, self->ticks->max)));
  gboolean started = FALSE;
  double last_x = 0;

  sigap_painter_set_color (painter, color);
  for (guint c = from; c <= to; c++)
    {
      double v = sigap_chart_series_get_value (series, c);

      if (!isfinite (v))
        {
          if (started)
            {
              sigap_painter_line_to (painter, last_x, zero);
              sigap_painter_close_path (painter);
              sigap_painter_fill (painter);
              started = FALSE;
            }
          continue;
        }

      last_x = point_x (self, c);
      if (!started)
        {
          sigap_painter_move_to (painter, last_x, zero);
          started = TRUE;
        }
      sigap_painter_line_to (painter, last_x, _sigap_chart_layout_value_pos (self, v));
    }

  if (started)
    {
      sigap_painter_line_to (painter, last_x, zero);
      sigap_painter_close_path (painter);
      sigap_painter_fill (painter);
    }
}

/* Strokes the segments of @series whose end point is projected (@projected) or is not, so
 * measured and projected parts can be drawn with their own dashes.
 */
static void
stroke_segments (SigapChartLayout       *self,
                 SigapPainter           *painter,
                 const SigapChartSeries *series,
                 gboolean                projected,
                 gboolean                steps)
{
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  gboolean have_previous = FALSE;
  gboolean pen_at_previous = FALSE;
  gboolean any = FALSE;
  double previous_x = 0, previous_y = 0;

  for (guint c = 0; c < n_categories; c++)
    {
      double v = sigap_chart_series_get_value (series, c);
      double x = point_x (self, c);
      double y;

      if (!isfinite (v))
        {
          have_previous = FALSE;
          pen_at_previous = FALSE;
          continue;
        }

      y = _sigap_chart_layout_value_pos (self, v);
      if (have_previous && sigap_chart_series_is_projected (series, c) == projected)
        {
          if (!pen_at_previous)
            sigap_painter_move_to (painter, previous_x, previous_y);
          /* A target holds until the next one starts, at the category's edge: a step, not a
           * slope through the months in between. */
          if (steps && y != previous_y)
            {
              double edge = self->plot.x + c * self->band;

              sigap_painter_line_to (painter, edge, previous_y);
              sigap_painter_line_to (painter, edge, y);
            }
          sigap_painter_line_to (painter, x, y);
          pen_at_previous = TRUE;
          any = TRUE;
        }
      else
        pen_at_previous = FALSE;

      previous_x = x;
      previous_y = y;
      have_previous = TRUE;
    }

  if (any)
    sigap_painter_stroke (painter);
}

static void
draw_lines (SigapChartLayout *self,
            SigapPainter     *painter)
{
  SigapChartKind kind = sigap_chart_get_kind (self->chart);
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  guint n_series = sigap_chart_get_n_series (self->chart);
  gboolean markers = self->band >= 12;

  if (kind == SIGAP_CHART_KIND_AREA)
    {
      double alpha = n_value_series (self) > 1 ? 0.12 : 0.2;

      for (guint s = 0; s < n_series; s++)
        {
          const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);
          const SigapColor *color = sigap_chart_style_get_series_color (self->style, s);
          SigapColor tint = sigap_color_with_alpha (color, alpha);
          guint split = n_categories;

          if (series->role != SIGAP_CHART_SERIES_ROLE_VALUE)
            continue;

          if (series->projected_from >= 0 && (guint) series->projected_from < n_categories)
            split = (guint) series->projected_from;

          if (split > 0)
            fill_area (self, painter, series, 0, split - 1, &tint);
          if (split < n_categories)
            {
              /* The projection's area starts at the last measured point, fainter. */
              tint.alpha /= 2.5;
              fill_area (self, painter, series, split > 0 ? split - 1 : 0, n_categories - 1,
                         &tint);
            }
        }
    }

  for (guint s = 0; s < n_series; s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);

      if (series->role == SIGAP_CHART_SERIES_ROLE_TARGET)
        {
          sigap_painter_set_color (painter, &self->style->target);
          sigap_painter_set_line_width (painter, 1.5);
          sigap_painter_set_dash (painter, target_dashes, G_N_ELEMENTS (target_dashes), 0);
          stroke_segments (self, painter, series, FALSE, TRUE);
          stroke_segments (self, painter, series, TRUE, TRUE);
          continue;
        }

      sigap_painter_set_color (painter, sigap_chart_style_get_series_color (self->style, s));
      sigap_painter_set_line_width (painter, self->style->line_width);
      sigap_painter_set_dash (painter, NULL, 0, 0);
      stroke_segments (self, painter, series, FALSE, FALSE);
      sigap_painter_set_dash (painter, projection_dashes, G_N_ELEMENTS (projection_dashes), 0);
      stroke_segments (self, painter, series, TRUE, FALSE);
      sigap_painter_set_dash (painter, NULL, 0, 0);
    }

  for (guint s = 0; s < n_series; s++)
    {
      const SigapChartSeries *series = sigap_chart_get_series (self->chart, s);

      if (series->role != SIGAP_CHART_SERIES_ROLE_VALUE)
        continue;

      for (guint c = 0; c < n_categories; c++)
        {
          double v = sigap_chart_series_get_value (series, c);
          gboolean last = c + 1 == n_categories ||
                          !isfinite (sigap_chart_series_get_value (series, c + 1));

          /* Too dense for a marker on every point: mark the ends of each run only. */
          if (!isfinite (v) || (!markers && !last))
            continue;

          _sigap_chart_layout_draw_marker (self, painter, point_x (self, c),
                                           _sigap_chart_layout_value_pos (self, v), s,
                                           sigap_chart_series_is_projected (series, c));
        }
    }
}

static void
draw_references (SigapChartLayout *self,
                 SigapPainter     *painter)
{
  SigapChartUnit unit = sigap_chart_get_unit (self->chart);
  SigapColor halo = self->style->background;

  halo.alpha = halo.alpha > 0 ? 0.85 : 0;

  for (guint r = 0; r < sigap_chart_get_n_references (self->chart); r++)
    {
      const SigapChartReference *reference = sigap_chart_get_reference (self->chart, r);
      g_autofree char *value = NULL;
      g_autofree char *text = NULL;
      SigapTextExtents extents;
      double pos, x, top;

      if (!isfinite (reference->value))
        continue;

      pos = round (_sigap_chart_layout_value_pos (self, reference->value));
      sigap_painter_set_color (painter, &self->style->target);
      sigap_painter_set_line_width (painter, 1.5);
      sigap_painter_set_dash (painter, target_dashes, G_N_ELEMENTS (target_dashes), 0);
      if (self->horizontal)
        {
          sigap_painter_move_to (painter, pos, self->plot.y - 2);
          sigap_painter_line_to (painter, pos, self->plot.y + self->plot.height);
        }
      else
        {
          sigap_painter_move_to (painter, self->plot.x, pos);
          sigap_painter_line_to (painter, self->plot.x + self->plot.width, pos);
        }
      sigap_painter_stroke (painter);
      sigap_painter_set_dash (painter, NULL, 0, 0);

      /* In full unless it is money, whose full form is as long as a sentence. */
      if (unit == SIGAP_CHART_UNIT_RUPIAH)
        value = sigap_chart_format_short (reference->value, unit, self->lang);
      else
        value = sigap_chart_format_value (reference->value, unit, self->lang);
      text = g_strdup_printf ("%s %s", reference->label, value);
      _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
      sigap_painter_measure_text (painter, text, &extents);

      if (self->horizontal)
        {
          x = CLAMP (pos - extents.width / 2, self->content.x,
                     self->content.x + self->content.width - extents.width);
          top = self->plot.y - 6 - extents.height;
        }
      else
        {
          /* Above the line at the left, where cumulative series are still low; below it
           * when the line runs along the top.
           */
          x = self->plot.x + 6;
          top = pos - 3 - extents.height;
          if (top < self->content.y)
            top = pos + 3;
        }

      if (halo.alpha > 0)
        {
          sigap_painter_set_color (painter, &halo);
          sigap_painter_rectangle (painter, x - 3, top, extents.width + 6, extents.height);
          sigap_painter_fill (painter);
        }
      sigap_painter_set_color (painter, &self->style->target);
      _sigap_chart_layout_draw_text (painter, text, x, top, ALIGN_LEFT);
    }
}

/* A dotted mark at the start of each annotated category, across the plot, and its label
 * above the plot: right of the mark, or left of it when it would run off the chart.
 */
static void
draw_annotations (SigapChartLayout *self,
                  SigapPainter     *painter)
{
  static const double dots[] = { 2.0, 3.0 };
  guint n_categories = sigap_chart_get_n_categories (self->chart);
  SigapColor halo = self->style->background;

  halo.alpha = halo.alpha > 0 ? 0.85 : 0;

  for (guint i = 0; i < sigap_chart_get_n_annotations (self->chart); i++)
    {
      const SigapChartAnnotation *annotation = sigap_chart_get_annotation (self->chart, i);
      SigapTextExtents extents;
      double x, text_x, top;

      if (annotation->category >= n_categories || self->horizontal)
        continue;

      x = _sigap_chart_layout_crisp (self->plot.x + annotation->category * self->band);
      _sigap_chart_layout_use_font (self, painter, FONT_SMALL);
      sigap_painter_measure_text (painter, annotation->label, &extents);
      top = self->plot.y - 4 - extents.height;

      sigap_painter_set_color (painter, &self->style->secondary);
      sigap_painter_set_line_width (painter, 1.0);
      sigap_painter_set_dash (painter, dots, G_N_ELEMENTS (dots), 0);
      sigap_painter_move_to (painter, x, top + extents.height / 2);
      sigap_painter_line_to (painter, x, self->plot.y + self->plot.height);
      sigap_painter_stroke (painter);
      sigap_painter_set_dash (painter, NULL, 0, 0);

      text_x = x + 4;
      if (text_x + extents.width > self->content.x + self->content.width)
        text_x = MAX (x - 4 - extents.width, self->content.x);

      if (halo.alpha > 0)
        {
          sigap_painter_set_color (painter, &halo);
          sigap_painter_rectangle (painter, text_x - 2, top, extents.width + 4, extents.height);
          sigap_painter_fill (painter);
        }
      sigap_painter_set_color (painter, &self->style->foreground);
      _sigap_chart_layout_draw_text (painter, annotation->label, text_x, top, ALIGN_LEFT);
    }
}

static void
draw_category_labels (SigapChartLayout *self,
                      SigapPainter     *painter)
{
  _sigap_chart_layout_use_font (self, painter, self->category_font);
  sigap_painter_set_color (painter, &self->style->secondary);

  for (guint c = 0; c < self->labels->len; c++)
    {
      const Label *label = &g_array_index (self->labels, Label, c);

      _sigap_chart_layout_draw_label (self, painter, label,
                                      self->horizontal ? ALIGN_LEFT : ALIGN_CENTER);
    }
}

void
_sigap_chart_layout_draw_axes (SigapChartLayout *self,
                               SigapPainter     *painter)
{
  SigapChartKind kind = sigap_chart_get_kind (self->chart);

  draw_grid (self, painter);

  if (kind == SIGAP_CHART_KIND_BAR || kind == SIGAP_CHART_KIND_HBAR)
    {
      draw_bars (self, painter);
      draw_zero_line (self, painter);
    }
  else
    {
      draw_zero_line (self, painter);
      sigap_painter_save (painter);
      /* Lines may overshoot the plot a little (markers, round joins), but not the labels. */
      sigap_painter_rectangle (painter, self->plot.x, self->content.y,
                               self->plot.width, self->plot.y + self->plot.height + 8 -
                               self->content.y);
      sigap_painter_clip (painter);
      draw_lines (self, painter);
      sigap_painter_restore (painter);
    }

  draw_annotations (self, painter);
  draw_references (self, painter);
  draw_value_labels (self, painter);
  draw_category_labels (self, painter);
}
