/* test-chart.c: chart model, layout (through the recording painter), text alternatives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "chart/sigap-chart-a11y.h"
#include "chart/sigap-chart-layout.h"
#include "chart/sigap-chart-map.h"
#include "chart/sigap-recording-painter.h"

#define ELLIPSIS "\u2026"

static SigapChartLayout *
layout_for (SigapChart    *chart,
            SigapLang      lang,
            double         width,
            double         height,
            SigapPainter **painter_out)
{
  SigapChartLayout *layout = sigap_chart_layout_new (chart);
  SigapPainter *painter = sigap_recording_painter_new ();

  sigap_chart_layout_set_lang (layout, lang);
  sigap_chart_layout_render (layout, painter, width, height);
  *painter_out = painter;

  return layout;
}

static const SigapChartHitRegions *
hits (SigapChartLayout *layout)
{
  return sigap_chart_layout_get_hit_regions (layout);
}

/* The ops of @kind drawn in @color, in order. */
static GPtrArray *
ops_in (SigapRecordingPainter *rec,
        SigapPainterOpKind     kind,
        const SigapColor      *color)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < sigap_recording_painter_get_n_ops (rec); i++)
    {
      const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

      if (op->kind == kind && sigap_color_equal (&op->color, color))
        g_ptr_array_add (found, (gpointer) op);
    }

  return found;
}

static void
count_cb (SigapChart *chart,
          guint      *count)
{
  (*count)++;
}

static void
test_model_basics (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_LINE, "Peserta");
  g_autoptr(SigapChartSeries) copy = NULL;
  const double values[] = { 1, 2 };
  guint n_changed = 0;
  g_autofree char *title = NULL;
  SigapChartKind kind;
  SigapChartUnit unit;
  guint s;

  g_signal_connect (chart, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_true (sigap_chart_is_empty (chart));
  g_assert_cmpuint (sigap_chart_add_month (chart, 2025, 11), ==, 0);
  g_assert_cmpuint (sigap_chart_add_month (chart, 2025, 12), ==, 1);
  g_assert_cmpuint (sigap_chart_add_category (chart, "Bekasi Utara", "32.75.03"), ==, 2);
  g_assert_cmpstr (sigap_chart_get_category (chart, 0)->key, ==, "2025-11");
  g_assert_cmpint (sigap_chart_get_category (chart, 1)->month, ==, 12);
  g_assert_cmpstr (sigap_chart_get_category (chart, 2)->key, ==, "32.75.03");
  g_assert_true (sigap_chart_is_empty (chart));

  s = sigap_chart_add_series (chart, "Aktif", values, G_N_ELEMENTS (values));
  g_assert_false (sigap_chart_is_empty (chart));
  g_assert_cmpfloat (sigap_chart_get_value (chart, s, 1), ==, 2);
  /* Shorter than the categories, or out of range: no value. */
  g_assert_true (isnan (sigap_chart_get_value (chart, s, 2)));
  g_assert_true (isnan (sigap_chart_get_value (chart, 7, 0)));

  sigap_chart_set_series_projected_from (chart, s, 1);
  g_assert_false (sigap_chart_series_is_projected (sigap_chart_get_series (chart, s), 0));
  g_assert_true (sigap_chart_series_is_projected (sigap_chart_get_series (chart, s), 1));
  g_assert_cmpint (sigap_chart_find_target_series (chart), ==, -1);
  s = sigap_chart_add_series (chart, "Target", values, 1);
  sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);
  g_assert_cmpint (sigap_chart_find_target_series (chart), ==, 1);
  g_assert_cmpuint (sigap_chart_add_reference (chart, "Target", 11666), ==, 0);
  g_assert_cmpfloat (sigap_chart_get_reference (chart, 0)->value, ==, 11666);

  copy = sigap_chart_series_copy (sigap_chart_get_series (chart, 0));
  g_assert_cmpstr (copy->name, ==, "Aktif");
  g_assert_cmpuint (copy->values->len, ==, 2);
  g_assert_cmpint (copy->projected_from, ==, 1);

  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  g_object_get (chart, "title", &title, "kind", &kind, "unit", &unit, NULL);
  g_assert_cmpstr (title, ==, "Peserta");
  g_assert_cmpint (kind, ==, SIGAP_CHART_KIND_LINE);
  g_assert_cmpint (unit, ==, SIGAP_CHART_UNIT_PERCENT);

  /* 3 categories, 2 series, role, projection, reference, unit once: 9 changes. */
  g_assert_cmpuint (n_changed, ==, 9);

  g_assert_cmpstr (sigap_chart_get_empty_text (chart), ==, "No data");
  sigap_chart_set_empty_text (chart, "Tidak ada data");
  g_assert_cmpstr (sigap_chart_get_empty_text (chart), ==, "Tidak ada data");

  sigap_chart_clear (chart);
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, 0);
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 0);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Peserta");
}

static void
test_model_empty (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, NULL);
  const double nothing[] = { NAN, NAN };
  const double zeros[] = { 0, 0 };

  sigap_chart_add_category (chart, "A", NULL);
  sigap_chart_add_category (chart, "B", NULL);
  sigap_chart_add_series (chart, "S", nothing, 2);
  g_assert_true (sigap_chart_is_empty (chart));

  sigap_chart_clear (chart);
  sigap_chart_add_category (chart, "A", NULL);
  sigap_chart_add_category (chart, "B", NULL);
  sigap_chart_add_series (chart, "S", zeros, 2);
  /* Zero is a value for bars... */
  g_assert_false (sigap_chart_is_empty (chart));
  /* ...but no share to draw for a donut or stacked bars. */
  sigap_chart_set_kind (chart, SIGAP_CHART_KIND_DONUT);
  g_assert_true (sigap_chart_is_empty (chart));
  sigap_chart_set_kind (chart, SIGAP_CHART_KIND_STACKED);
  g_assert_true (sigap_chart_is_empty (chart));
}

/* A bar of 50 on a 0..100 axis is half the plot high, and its hit region is the bar's column. */
static void
test_layout_bars (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, NULL);
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  SigapRecordingPainter *rec;
  const SigapChartTicks *ticks;
  const SigapChartStyle *style;
  const SigapPainterOp *label;
  SigapChartRect plot;
  double bottom;

  sigap_chart_add_category (chart, "A", "a");
  sigap_chart_add_category (chart, "B", "b");
  sigap_chart_add_series (chart, "S", (const double[]) { 50, 100 }, 2);

  layout = layout_for (chart, SIGAP_LANG_ID, 400, 300, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);
  g_assert_false (sigap_chart_layout_is_empty (layout));

  ticks = sigap_chart_layout_get_ticks (layout);
  g_assert_nonnull (ticks);
  g_assert_cmpfloat (ticks->min, ==, 0);
  g_assert_cmpfloat (ticks->max, ==, 100);

  sigap_chart_layout_get_plot_area (layout, &plot);
  bottom = plot.y + plot.height;
  g_assert_cmpfloat (plot.x, >, 12);
  g_assert_cmpfloat (bottom, <, 300 - 12);

  bars = ops_in (rec, SIGAP_PAINTER_OP_FILL, &style->palette[0]);
  g_assert_cmpuint (bars->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const SigapPainterOp *bar = g_ptr_array_index (bars, i);
      const SigapChartHitRegion *region = sigap_chart_hit_regions_get_item (hits (layout), i);
      double expected = plot.height * (i == 0 ? 0.5 : 1.0);

      g_assert_cmpfloat_with_epsilon (bar->height, expected, 1.0);
      g_assert_cmpfloat_with_epsilon (bar->y + bar->height, bottom, 1.0);
      g_assert_cmpfloat_with_epsilon (bar->y, sigap_chart_layout_value_to_position (layout,
                                                                                    i == 0 ? 50
                                                                                           : 100),
                                      1.0);
      /* Centred in its band, narrower than it. */
      g_assert_cmpfloat_with_epsilon (bar->x + bar->width / 2, plot.x + (i + 0.5) * plot.width / 2,
                                      1.0);
      g_assert_cmpfloat (bar->width, <, plot.width / 2);

      g_assert_cmpint (region->category, ==, (int) i);
      g_assert_cmpint (region->series, ==, 0);
      g_assert_cmpfloat (region->rect.x, ==, bar->x);
      g_assert_cmpfloat (region->rect.width, ==, bar->width);
      g_assert_cmpfloat_with_epsilon (region->anchor_y, bar->y, 1.0);
      g_assert_true (sigap_chart_hit_regions_hit_test (hits (layout), bar->x + bar->width / 2,
                                                       bar->y + bar->height / 2, NULL) == region);
    }
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 2);
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 0)->tooltip, ==, "A\nS: 50");
  g_assert_null (sigap_chart_hit_regions_hit_test (hits (layout), 1, 1, NULL));

  /* The value sits on its bar. */
  label = sigap_recording_painter_find_text (rec, "50");
  g_assert_nonnull (label);
  g_assert_cmpfloat (label->y, <, ((const SigapPainterOp *) g_ptr_array_index (bars, 0))->y);
  /* One series and no reference: nothing a legend would add. */
  g_assert_null (sigap_recording_painter_find_text (rec, "S"));
}

/* Axes and grid lines sit on half pixels, so 1-pixel lines stay crisp. */
static void
test_layout_hairlines (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Hairlines");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  SigapRecordingPainter *rec;
  const SigapChartStyle *style;
  guint n_checked = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("K%u", i);

      sigap_chart_add_category (chart, name, NULL);
    }
  sigap_chart_add_series (chart, "S", (const double[]) { 3, 7.5, 1, 9.25, 4 }, 5);

  layout = layout_for (chart, SIGAP_LANG_EN, 333.3, 211.7, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);

  for (guint i = 0; i < sigap_recording_painter_get_n_ops (rec); i++)
    {
      const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

      if ((op->kind == SIGAP_PAINTER_OP_MOVE_TO || op->kind == SIGAP_PAINTER_OP_LINE_TO) &&
          (sigap_color_equal (&op->color, &style->grid) ||
           sigap_color_equal (&op->color, &style->axis)))
        {
          g_assert_cmpfloat (op->line_width, ==, 1.0);
          g_assert_cmpfloat (op->y - floor (op->y), ==, 0.5);
          n_checked++;
        }
    }
  /* Some grid lines and the zero line, each a move and a line. */
  g_assert_cmpuint (n_checked, >=, 6);
}

/* The target is a dashed line at its value, labelled, and in the legend. */
static void
test_layout_target_line (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_LINE, "Peserta");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(GPtrArray) strokes = NULL;
  SigapRecordingPainter *rec;
  const SigapChartStyle *style;
  const SigapPainterOp *line = NULL;
  double y;

  for (guint i = 0; i < 4; i++)
    sigap_chart_add_month (chart, 2026, i + 1);
  sigap_chart_add_series (chart, "Aktif", (const double[]) { 10, 20, 30, 40 }, 4);
  sigap_chart_add_reference (chart, "Target", 80);

  layout = layout_for (chart, SIGAP_LANG_ID, 500, 300, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);
  y = sigap_chart_layout_value_to_position (layout, 80);

  strokes = ops_in (rec, SIGAP_PAINTER_OP_STROKE, &style->target);
  for (guint i = 0; i < strokes->len; i++)
    {
      const SigapPainterOp *op = g_ptr_array_index (strokes, i);

      if (op->dashed && op->height == 0 && op->width > 100)
        line = op;
    }
  g_assert_nonnull (line);
  g_assert_cmpfloat_with_epsilon (line->y, y, 0.5);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Target 80"));
  /* Legend: the series and the target. */
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Aktif"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Target"));
  /* The axis reaches the target. */
  g_assert_cmpfloat (sigap_chart_layout_get_ticks (layout)->max, >=, 80);
  /* A line's regions are whole months. */
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 4);
  g_assert_cmpint (sigap_chart_hit_regions_get_item (hits (layout), 2)->series, ==, -1);
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 2)->tooltip, ==,
                   "Maret 2026\nAktif: 30");
}

/* Projected values: dashed segments, a legend entry, "(projected)" in tooltips. */
static void
test_layout_projection (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_AREA, NULL);
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(GPtrArray) strokes = NULL;
  SigapRecordingPainter *rec;
  const SigapChartStyle *style;
  guint n_solid = 0, n_dashed = 0;

  for (guint i = 0; i < 6; i++)
    sigap_chart_add_month (chart, 2026, i + 1);
  sigap_chart_add_series (chart, "Aktif", (const double[]) { 1, 2, 3, 4, 5, 6 }, 6);
  sigap_chart_set_series_projected_from (chart, 0, 4);

  layout = layout_for (chart, SIGAP_LANG_EN, 500, 300, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);

  strokes = ops_in (rec, SIGAP_PAINTER_OP_STROKE, &style->palette[0]);
  for (guint i = 0; i < strokes->len; i++)
    {
      const SigapPainterOp *op = g_ptr_array_index (strokes, i);

      /* The line's strokes, not the markers' rings or the legend's swatch. */
      if (op->width < 50)
        continue;

      if (op->dashed)
        {
          n_dashed++;
          /* From the last measured point (April) to June. */
          g_assert_cmpuint (op->n_path_ops, ==, 3);
        }
      else
        {
          n_solid++;
          g_assert_cmpuint (op->n_path_ops, ==, 4);
        }
    }
  g_assert_cmpuint (n_solid, ==, 1);
  g_assert_cmpuint (n_dashed, ==, 1);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Projection"));
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 5)->tooltip, ==,
                   "June 2026\nAktif: 6 (projected)");
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 3)->tooltip, ==,
                   "April 2026\nAktif: 4");
}

static void
test_layout_empty (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_HBAR, "Per kelurahan");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  SigapRecordingPainter *rec;
  const SigapPainterOp *text;

  sigap_chart_add_category (chart, "Harapan Jaya", NULL);
  sigap_chart_add_series (chart, "Aktif", (const double[]) { NAN }, 1);

  layout = layout_for (chart, SIGAP_LANG_ID, 400, 200, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);

  g_assert_true (sigap_chart_layout_is_empty (layout));
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 0);
  g_assert_null (sigap_chart_layout_get_ticks (layout));
  text = sigap_recording_painter_find_text (rec, "No data");
  g_assert_nonnull (text);
  g_assert_cmpfloat_with_epsilon (text->x + text->width / 2, 200, 0.5);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Per kelurahan"));
  /* The background only. */
  g_assert_cmpuint (sigap_recording_painter_count (rec, SIGAP_PAINTER_OP_FILL), ==, 1);
  g_assert_null (sigap_recording_painter_find_text (rec, "Harapan Jaya"));

  /* The caller's own words (a PDF in another language than the window). */
  sigap_chart_set_empty_text (chart, "Belum ada data");
  sigap_recording_painter_clear (rec);
  sigap_chart_layout_render (layout, painter, 400, 200);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Belum ada data"));
}

/* Month labels: abbreviated, in the layout's language, with the year under each year's first. */
static void
test_layout_month_labels (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, NULL);
  const char *id[] = { "Nov", "Des", "Jan", "Feb" };
  const char *en[] = { "Nov", "Dec", "Jan", "Feb" };

  sigap_chart_add_month (chart, 2025, 11);
  sigap_chart_add_month (chart, 2025, 12);
  sigap_chart_add_month (chart, 2026, 1);
  sigap_chart_add_month (chart, 2026, 2);
  sigap_chart_add_series (chart, "S", (const double[]) { 1, 2, 3, 4 }, 4);

  for (guint lang = 0; lang < 2; lang++)
    {
      g_autoptr(SigapPainter) painter = NULL;
      g_autoptr(SigapChartLayout) layout = layout_for (chart, lang == 0 ? SIGAP_LANG_ID
                                                                        : SIGAP_LANG_EN,
                                                       500, 300, &painter);
      SigapRecordingPainter *rec = SIGAP_RECORDING_PAINTER (painter);
      guint n_years = 0;

      g_assert_false (sigap_chart_layout_is_empty (layout));
      for (guint m = 0; m < 4; m++)
        g_assert_nonnull (sigap_recording_painter_find_text (rec, lang == 0 ? id[m] : en[m]));

      for (guint i = 0; i < sigap_recording_painter_get_n_ops (rec); i++)
        {
          const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

          if (op->kind == SIGAP_PAINTER_OP_SHOW_TEXT &&
              (g_str_equal (op->text, "2025") || g_str_equal (op->text, "2026")))
            n_years++;
        }
      g_assert_cmpuint (n_years, ==, 2);
      /* Under Nov and Jan. */
      g_assert_cmpfloat (sigap_recording_painter_find_text (rec, "2025")->x, <,
                         sigap_recording_painter_find_text (rec, "2026")->x);
    }
}

/* Long names in a horizontal bar chart: shortened into a column of at most 38 % of the width. */
static void
test_layout_long_labels (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_HBAR, NULL);
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  SigapRecordingPainter *rec;
  const char *name = "Pedagang kaki lima, pedagang keliling dan pedagang pasar tradisional";
  SigapChartRect plot;
  gboolean found = FALSE;

  sigap_chart_add_category (chart, name, NULL);
  sigap_chart_add_category (chart, "PKL", NULL);
  sigap_chart_add_series (chart, "S", (const double[]) { 10, 20 }, 2);

  layout = layout_for (chart, SIGAP_LANG_ID, 400, 120, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  sigap_chart_layout_get_plot_area (layout, &plot);

  g_assert_null (sigap_recording_painter_find_text (rec, name));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "PKL"));
  for (guint i = 0; i < sigap_recording_painter_get_n_ops (rec); i++)
    {
      const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

      /* The name's lines, left of the plot (the band has room for two). */
      if (op->kind != SIGAP_PAINTER_OP_SHOW_TEXT || op->x + op->width >= plot.x ||
          g_str_equal (op->text, "PKL"))
        continue;

      g_assert_cmpfloat (op->width, <=, (400 - 24) * 0.38 + 1);
      if (g_str_has_suffix (op->text, ELLIPSIS))
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_layout_donut_hit_test (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_DONUT, "Desil");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  SigapRecordingPainter *rec;
  const SigapChartHitRegion *region;
  SigapChartRect plot;
  double cx, cy, r;

  sigap_chart_add_category (chart, "Desil 1", NULL);
  sigap_chart_add_category (chart, "Desil 2", NULL);
  sigap_chart_add_category (chart, "Desil 3", NULL);
  sigap_chart_add_series (chart, "Peserta", (const double[]) { 1, 1, 2 }, 3);

  layout = layout_for (chart, SIGAP_LANG_ID, 500, 250, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  sigap_chart_layout_get_plot_area (layout, &plot);
  cx = plot.x + plot.width / 2;
  cy = plot.y + plot.height / 2;
  r = plot.width / 2 * 0.8;

  /* Clockwise from twelve o'clock: a quarter, a quarter, a half. */
  region = sigap_chart_hit_regions_hit_test (hits (layout), cx + r * cos (-G_PI / 4),
                                             cy + r * sin (-G_PI / 4), NULL);
  g_assert_nonnull (region);
  g_assert_cmpint (region->category, ==, 0);
  g_assert_true (region->is_sector);
  region = sigap_chart_hit_regions_hit_test (hits (layout), cx + r * cos (G_PI / 4),
                                             cy + r * sin (G_PI / 4), NULL);
  g_assert_cmpint (region->category, ==, 1);
  region = sigap_chart_hit_regions_hit_test (hits (layout), cx - r, cy, NULL);
  g_assert_cmpint (region->category, ==, 2);
  g_assert_cmpstr (region->tooltip, ==, "Desil 3\n2 (50,0%)");
  /* The hole is not a slice. */
  g_assert_null (sigap_chart_hit_regions_hit_test (hits (layout), cx, cy, NULL));

  /* The legend table, the shares and the total. */
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "25,0%"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "50,0%"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "4"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Desil 2"));
}

static void
test_layout_gauge (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_GAUGE, "Cakupan");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  SigapRecordingPainter *rec;
  const SigapChartStyle *style;
  const SigapPainterOp *bar, *marker;
  SigapChartRect plot;

  sigap_chart_add_category (chart, "Kota Bekasi", NULL);
  sigap_chart_add_series (chart, "Cakupan", (const double[]) { 44 }, 1);
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_add_reference (chart, "Target", 100);

  layout = layout_for (chart, SIGAP_LANG_ID, 400, 150, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);
  sigap_chart_layout_get_plot_area (layout, &plot);

  bars = ops_in (rec, SIGAP_PAINTER_OP_FILL, &style->palette[0]);
  g_assert_cmpuint (bars->len, ==, 1);
  bar = g_ptr_array_index (bars, 0);
  g_assert_cmpfloat_with_epsilon (bar->width, plot.width * 0.44, 1.0);
  g_assert_cmpfloat (bar->x, ==, plot.x);

  markers = ops_in (rec, SIGAP_PAINTER_OP_FILL, &style->target);
  g_assert_cmpuint (markers->len, ==, 1);
  marker = g_ptr_array_index (markers, 0);
  g_assert_cmpfloat_with_epsilon (marker->x + marker->width / 2, plot.x + plot.width, 1.0);
  g_assert_cmpfloat (marker->height, >, plot.height);

  g_assert_nonnull (sigap_recording_painter_find_text (rec, "44,0%"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Target 100,0%"));
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 1);
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 0)->tooltip, ==,
                   "Kota Bekasi\nCakupan: 44,0%\nTarget: 100,0%");
}

static void
test_layout_stacked (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_STACKED, NULL);
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  SigapRecordingPainter *rec;
  const SigapChartStyle *style;
  const SigapPainterOp *a, *b;
  SigapChartRect plot;

  sigap_chart_add_category (chart, "Rentan", NULL);
  sigap_chart_add_series (chart, "Desil 1", (const double[]) { 1 }, 1);
  sigap_chart_add_series (chart, "Desil 2", (const double[]) { 3 }, 1);

  layout = layout_for (chart, SIGAP_LANG_EN, 400, 120, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  style = sigap_chart_layout_get_style (layout);
  sigap_chart_layout_get_plot_area (layout, &plot);

  first = ops_in (rec, SIGAP_PAINTER_OP_FILL, &style->palette[0]);
  second = ops_in (rec, SIGAP_PAINTER_OP_FILL, &style->palette[1]);
  /* Legend swatch, then the segment. */
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpuint (second->len, ==, 2);
  a = g_ptr_array_index (first, 1);
  b = g_ptr_array_index (second, 1);
  g_assert_cmpfloat_with_epsilon (a->x, plot.x, 0.5);
  g_assert_cmpfloat_with_epsilon (a->width, plot.width * 0.25, 1.5);
  g_assert_cmpfloat_with_epsilon (b->x + b->width, plot.x + plot.width, 0.5);
  /* A gap between the parts. */
  g_assert_cmpfloat (b->x, >, a->x + a->width);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "25%"));
  g_assert_nonnull (sigap_recording_painter_find_text (rec, "75%"));
  g_assert_cmpstr (sigap_chart_hit_regions_get_item (hits (layout), 1)->tooltip, ==,
                   "Rentan\nDesil 2: 3 (75.0%)");
}

/* allocate() does nothing when nothing changed, and lays out again when the data does. */
static void
test_layout_caching (void)
{
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Cache");
  g_autoptr(SigapPainter) painter = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  SigapRecordingPainter *rec;

  sigap_chart_add_category (chart, "A", NULL);
  sigap_chart_add_series (chart, "S", (const double[]) { 1 }, 1);

  layout = layout_for (chart, SIGAP_LANG_ID, 300, 200, &painter);
  rec = SIGAP_RECORDING_PAINTER (painter);
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 1);

  sigap_recording_painter_clear (rec);
  sigap_chart_layout_allocate (layout, painter, 300, 200);
  g_assert_cmpuint (sigap_recording_painter_get_n_ops (rec), ==, 0);

  sigap_chart_add_category (chart, "B", NULL);
  sigap_chart_add_series (chart, "T", (const double[]) { 2, 3 }, 2);
  sigap_chart_layout_allocate (layout, painter, 300, 200);
  g_assert_cmpuint (sigap_recording_painter_get_n_ops (rec), >, 0);
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits (layout)), ==, 3);

  sigap_recording_painter_clear (rec);
  sigap_chart_layout_set_show_title (layout, FALSE);
  sigap_chart_layout_render (layout, painter, 300, 200);
  g_assert_null (sigap_recording_painter_find_text (rec, "Cache"));

  sigap_recording_painter_clear (rec);
  sigap_chart_layout_render (layout, painter, 320, 200);
  g_assert_cmpuint (sigap_recording_painter_get_n_ops (rec), >, 0);
}

/* Draw leaves the painter's state as it found it. */
static void
test_layout_balanced_state (void)
{
  const SigapChartKind kinds[] = {
    SIGAP_CHART_KIND_LINE, SIGAP_CHART_KIND_AREA, SIGAP_CHART_KIND_BAR, SIGAP_CHART_KIND_HBAR,
    SIGAP_CHART_KIND_GAUGE, SIGAP_CHART_KIND_DONUT, SIGAP_CHART_KIND_STACKED,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(SigapChart) chart = sigap_chart_new (kinds[k], "Semua jenis");
      g_autoptr(SigapPainter) painter = NULL;
      g_autoptr(SigapChartLayout) layout = NULL;
      SigapRecordingPainter *rec;
      guint n;

      for (guint c = 0; c < 5; c++)
        {
          g_autofree char *name = g_strdup_printf ("Kategori %u", c);

          sigap_chart_add_category (chart, name, NULL);
        }
      sigap_chart_add_series (chart, "A", (const double[]) { 5, -3, NAN, 8, 1 }, 5);
      sigap_chart_add_series (chart, "B", (const double[]) { 2, 6, 4, 1, 7 }, 5);
      sigap_chart_set_series_role (chart, 1, SIGAP_CHART_SERIES_ROLE_TARGET);
      sigap_chart_add_reference (chart, "Target", 6);

      for (double w = 40; w <= 640; w += 150)
        {
          layout = layout_for (chart, SIGAP_LANG_ID, w, w / 2, &painter);
          rec = SIGAP_RECORDING_PAINTER (painter);
          n = sigap_recording_painter_get_n_ops (rec);
          g_assert_cmpuint (n, >, 0);
          g_assert_cmpuint (sigap_recording_painter_count (rec, SIGAP_PAINTER_OP_SAVE), ==,
                            sigap_recording_painter_count (rec, SIGAP_PAINTER_OP_RESTORE));
          g_assert_cmpuint (sigap_recording_painter_get_op (rec, n - 1)->depth, ==, 0);
          for (guint i = 0; i < n; i++)
            {
              const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

              if (op->kind == SIGAP_PAINTER_OP_SHOW_TEXT)
                g_assert_true (g_utf8_validate (op->text, -1, NULL));
              g_assert_true (isfinite (op->x) && isfinite (op->y));
              g_assert_true (isfinite (op->width) && isfinite (op->height));
            }
          g_clear_object (&layout);
          g_clear_object (&painter);
        }
    }
}

static SigapChart *
make_kecamatan_chart (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_BAR,
                                       "Active participants vs target by kecamatan");

  sigap_chart_add_category (chart, "Bekasi Utara", "32.75.03");
  sigap_chart_add_category (chart, "Bekasi Barat", "32.75.02");
  sigap_chart_add_series (chart, "Active", (const double[]) { 1234, 1410 }, 2);
  sigap_chart_add_series (chart, "Target", (const double[]) { 1500, 1500 }, 2);
  sigap_chart_set_series_role (chart, 1, SIGAP_CHART_SERIES_ROLE_TARGET);
  sigap_chart_set_category_title (chart, "Kecamatan");

  return chart;
}

static void
test_a11y_describe (void)
{
  g_autoptr(SigapChart) chart = make_kecamatan_chart ();
  g_autoptr(SigapChart) line = sigap_chart_new (SIGAP_CHART_KIND_LINE, "Peserta");
  g_autoptr(SigapChart) empty = sigap_chart_new (SIGAP_CHART_KIND_DONUT, "Desil");
  g_autofree char *text = sigap_chart_describe (chart, SIGAP_LANG_ID);
  g_autofree char *text_en = sigap_chart_describe (chart, SIGAP_LANG_EN);
  g_autofree char *line_text = NULL;
  g_autofree char *empty_text = NULL;

  g_assert_cmpstr (text, ==,
                   "Bar chart: Active participants vs target by kecamatan. "
                   "Bekasi Utara: Active 1.234, Target 1.500. "
                   "Bekasi Barat: Active 1.410, Target 1.500.");
  g_assert_true (strstr (text_en, "Active 1,234, Target 1,500.") != NULL);

  sigap_chart_add_month (line, 2026, 1);
  sigap_chart_add_month (line, 2026, 2);
  sigap_chart_add_series (line, "Aktif", (const double[]) { 100, 200 }, 2);
  sigap_chart_set_series_projected_from (line, 0, 1);
  sigap_chart_add_reference (line, "Target", 10000);
  line_text = sigap_chart_describe (line, SIGAP_LANG_ID);
  g_assert_cmpstr (line_text, ==,
                   "Line chart: Peserta. Januari 2026: Aktif 100. "
                   "Februari 2026: Aktif 200 (projected). Target 10.000.");

  empty_text = sigap_chart_describe (empty, SIGAP_LANG_ID);
  g_assert_cmpstr (empty_text, ==, "Donut chart: Desil. No data.");
}

static void
test_a11y_table (void)
{
  g_autoptr(SigapChart) chart = make_kecamatan_chart ();
  g_autoptr(SigapChartTable) table = NULL;
  g_autoptr(SigapChartTable) copy = NULL;
  g_autoptr(SigapChart) donut = sigap_chart_new (SIGAP_CHART_KIND_DONUT, "Desil");
  g_autoptr(SigapChartTable) shares = NULL;
  g_autofree char *csv = NULL;

  sigap_chart_add_reference (chart, "Target kota", 12000);
  table = sigap_chart_table_new (chart, SIGAP_LANG_ID);
  g_assert_cmpuint (table->n_columns, ==, 3);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpstr (sigap_chart_table_get_header (table, 0), ==, "Kecamatan");
  g_assert_cmpstr (sigap_chart_table_get_header (table, 2), ==, "Target");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 0, 0), ==, "Bekasi Utara");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 1, 1), ==, "1.410");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 2, 0), ==, "Target kota");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 2, 1), ==, "12.000");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 2, 2), ==, "");

  copy = sigap_chart_table_copy (table);
  g_assert_cmpstr (sigap_chart_table_get_cell (copy, 1, 1), ==, "1.410");

  csv = sigap_chart_table_to_csv (table);
  g_assert_cmpstr (csv, ==,
                   "Kecamatan,Active,Target\r\n"
                   "Bekasi Utara,1.234,1.500\r\n"
                   "Bekasi Barat,1.410,1.500\r\n"
                   "Target kota,12.000,\r\n");

  sigap_chart_add_category (donut, "Desil 1", NULL);
  sigap_chart_add_category (donut, "Desil 2", NULL);
  sigap_chart_add_series (donut, "Peserta", (const double[]) { 3, 1 }, 2);
  shares = sigap_chart_table_new (donut, SIGAP_LANG_EN);
  g_assert_cmpuint (shares->n_columns, ==, 3);
  g_assert_cmpstr (sigap_chart_table_get_header (shares, 0), ==, "Category");
  g_assert_cmpstr (sigap_chart_table_get_header (shares, 2), ==, "Share");
  g_assert_cmpstr (sigap_chart_table_get_cell (shares, 0, 2), ==, "75.0%");
  g_clear_pointer (&csv, g_free);
  csv = sigap_chart_table_to_csv (shares);
  g_assert_true (g_str_has_prefix (csv, "Category,Peserta,Share\r\n"));
}

static void
test_painter_shapes (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapRecordingPainter *rec = SIGAP_RECORDING_PAINTER (painter);
  const SigapPainterOp *first, *last;
  SigapTextExtents extents;

  sigap_painter_arc (painter, 50, 50, 10, 0, 2 * G_PI, FALSE);
  g_assert_cmpuint (sigap_recording_painter_count (rec, SIGAP_PAINTER_OP_CURVE_TO), ==, 4);
  first = sigap_recording_painter_get_op (rec, 0);
  last = sigap_recording_painter_get_op (rec, sigap_recording_painter_get_n_ops (rec) - 1);
  g_assert_cmpint (first->kind, ==, SIGAP_PAINTER_OP_MOVE_TO);
  g_assert_cmpfloat_with_epsilon (first->x, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (last->x, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (last->y, 50, 1e-9);
  /* A quarter's midpoint lies on the circle (within the Bézier error). */
  sigap_painter_fill (painter);
  last = sigap_recording_painter_get_op (rec, sigap_recording_painter_get_n_ops (rec) - 1);
  g_assert_cmpfloat_with_epsilon (last->width, 20, 0.3);

  sigap_recording_painter_clear (rec);
  sigap_painter_rounded_rectangle (painter, 0, 0, 10, 20, 0, 0, 0, 0);
  g_assert_cmpuint (sigap_recording_painter_get_n_ops (rec), ==, 1);
  g_assert_cmpint (sigap_recording_painter_get_op (rec, 0)->kind, ==, SIGAP_PAINTER_OP_RECTANGLE);

  sigap_recording_painter_clear (rec);
  sigap_painter_rounded_rectangle (painter, 0, 0, 10, -20, 3, 3, 0, 0);
  sigap_painter_fill (painter);
  last = sigap_recording_painter_get_op (rec, sigap_recording_painter_get_n_ops (rec) - 1);
  g_assert_cmpfloat (last->y, ==, -20);
  g_assert_cmpfloat (last->height, ==, 20);

  /* The fake metric: 0.6 em a character, 1.2 em a line. */
  sigap_painter_set_font (painter, "Sans", 10, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_measure_text (painter, "Rp2,01", &extents);
  g_assert_cmpfloat (extents.width, ==, 36);
  g_assert_cmpfloat (extents.height, ==, 12);
  g_assert_cmpfloat (extents.baseline, ==, 9);
}

static void
test_painter_recording_state (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapRecordingPainter *rec = SIGAP_RECORDING_PAINTER (painter);
  const double dashes[] = { 4, 2 };
  g_autofree char *dump = NULL;
  const SigapPainterOp *op;

  sigap_painter_set_rgba (painter, 1, 0, 0, 1);
  sigap_painter_save (painter);
  sigap_painter_set_rgba (painter, 0, 0, 1, 1);
  sigap_painter_set_dash (painter, dashes, 2, 0);
  sigap_painter_set_line_width (painter, 3);
  sigap_painter_move_to (painter, 0, 0);
  sigap_painter_line_to (painter, 10, 5);
  sigap_painter_stroke (painter);
  sigap_painter_restore (painter);
  sigap_painter_rectangle (painter, 1, 2, 3, 4);
  sigap_painter_fill (painter);
  sigap_painter_show_text (painter, 5, 6, "Hai");

  op = sigap_recording_painter_get_op (rec, 7);
  g_assert_cmpint (op->kind, ==, SIGAP_PAINTER_OP_STROKE);
  g_assert_true (op->dashed);
  g_assert_cmpfloat (op->line_width, ==, 3);
  g_assert_cmpfloat (op->color.blue, ==, 1);
  g_assert_cmpfloat (op->width, ==, 10);
  g_assert_cmpfloat (op->height, ==, 5);
  g_assert_cmpuint (op->depth, ==, 1);

  op = sigap_recording_painter_get_op (rec, 10);
  g_assert_cmpint (op->kind, ==, SIGAP_PAINTER_OP_FILL);
  g_assert_false (op->dashed);
  g_assert_cmpfloat (op->color.red, ==, 1);
  g_assert_cmpfloat (op->x, ==, 1);
  g_assert_cmpfloat (op->height, ==, 4);
  g_assert_cmpuint (op->depth, ==, 0);

  g_assert_nonnull (sigap_recording_painter_find_text (rec, "Hai"));
  dump = sigap_recording_painter_dump (rec);
  g_assert_true (strstr (dump, "show-text 5.00,6.00 \"Hai\"") != NULL);
}

static void
test_style_presets (void)
{
  g_autoptr(SigapChartStyle) light = sigap_chart_style_new (SIGAP_CHART_THEME_LIGHT);
  g_autoptr(SigapChartStyle) dark = sigap_chart_style_new (SIGAP_CHART_THEME_DARK);
  g_autoptr(SigapChartStyle) hc = sigap_chart_style_new (SIGAP_CHART_THEME_HIGH_CONTRAST);
  g_autoptr(SigapChartStyle) print = sigap_chart_style_new (SIGAP_CHART_THEME_PRINT);
  g_autoptr(SigapChartStyle) copy = sigap_chart_style_copy (light);

  g_assert_cmpuint (light->n_palette, >=, 6);
  for (guint i = 0; i < light->n_palette; i++)
    for (guint j = i + 1; j < light->n_palette; j++)
      g_assert_false (sigap_color_equal (&light->palette[i], &light->palette[j]));
  g_assert_cmpfloat (dark->background.red, <, light->background.red);
  g_assert_cmpfloat (dark->foreground.red, >, light->foreground.red);
  g_assert_true (hc->patterns);
  g_assert_true (print->patterns);
  g_assert_false (light->patterns);
  g_assert_true (sigap_color_equal (sigap_chart_style_get_series_color (light, 0),
                                    sigap_chart_style_get_series_color (light,
                                                                        light->n_palette)));
  sigap_chart_style_set_font (copy, "Cantarell", 14);
  g_assert_cmpstr (copy->font_family, ==, "Cantarell");
  g_assert_cmpstr (light->font_family, !=, "Cantarell");
}

/* One hit-region type for charts and maps: later regions lie on top, sectors are slices. */
static void
test_hit_regions (void)
{
  g_autoptr(SigapChartHitRegions) regions = sigap_chart_hit_regions_new ();
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Peserta");
  g_autoptr(SigapChartMap) map = sigap_chart_map_new ("Peta");
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(SigapChartLayout) layout = NULL;
  const SigapChartHitRegions *produced[2];
  const SigapChartHitRegion *region;
  SigapChartHitRegion *sector;
  const double values[] = { 10, 20 };
  int index = 7;

  /* A bar and, on top of its upper half, its label. */
  region = sigap_chart_hit_regions_add (regions, 10, 10, 20, 40, 0, 0, g_strdup ("bar"));
  g_assert_cmpfloat (region->anchor_x, ==, 20);
  g_assert_cmpfloat (region->anchor_y, ==, 10);
  sigap_chart_hit_regions_add (regions, 10, 10, 20, 20, -1, 0, g_strdup ("label"));
  sector = sigap_chart_hit_regions_add (regions, 100, 0, 100, 100, 0, 1, NULL);
  sector->is_sector = TRUE;
  sector->center_x = 150;
  sector->center_y = 50;
  sector->inner_radius = 20;
  sector->outer_radius = 50;
  sector->start_angle = 0;           /* 3 o'clock, clockwise to 6 o'clock */
  sector->end_angle = G_PI / 2;
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (regions), ==, 3);

  region = sigap_chart_hit_regions_hit_test (regions, 15, 15, &index);
  g_assert_cmpstr (region->tooltip, ==, "label");
  g_assert_cmpint (index, ==, 1);
  region = sigap_chart_hit_regions_hit_test (regions, 15, 40, &index);
  g_assert_cmpstr (region->tooltip, ==, "bar");
  g_assert_cmpint (index, ==, 0);
  g_assert_true (region == sigap_chart_hit_regions_get_item (regions, 0));

  /* Inside the slice (below and right of the centre), in its hole, in another quarter. */
  g_assert_true (sigap_chart_hit_regions_hit_test (regions, 170, 70, NULL) == sector);
  g_assert_null (sigap_chart_hit_regions_hit_test (regions, 155, 55, NULL));
  g_assert_null (sigap_chart_hit_regions_hit_test (regions, 130, 30, &index));
  g_assert_cmpint (index, ==, -1);

  sigap_chart_hit_regions_clear (regions);
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (regions), ==, 0);
  g_assert_null (sigap_chart_hit_regions_hit_test (regions, 15, 15, NULL));

  /* A chart and a map hand out the same type: one function finds a bar or a tile. */
  sigap_chart_add_category (chart, "Bekasi Timur", "32.75.01");
  sigap_chart_add_category (chart, "Mustikajaya", "32.75.02");
  sigap_chart_add_series (chart, "Aktif", values, G_N_ELEMENTS (values));
  layout = sigap_chart_layout_new (chart);
  sigap_chart_layout_render (layout, painter, 400, 300);
  sigap_chart_map_add_region (map, "32.75.01", "Bekasi Timur", -6.25, 107.0);
  sigap_chart_map_add_region (map, "32.75.02", "Mustikajaya", -6.30, 107.03);
  sigap_chart_map_set_value (map, "32.75.01", 60);
  sigap_chart_map_render (map, painter, 400, 300);

  produced[0] = sigap_chart_layout_get_hit_regions (layout);
  produced[1] = sigap_chart_map_get_hit_regions (map);
  for (guint p = 0; p < G_N_ELEMENTS (produced); p++)
    {
      g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (produced[p]), ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          const SigapChartHitRegion *item = sigap_chart_hit_regions_get_item (produced[p], i);

          g_assert_cmpint (item->category, ==, (int) i);
          g_assert_true (sigap_chart_hit_regions_hit_test (produced[p],
                                                           item->rect.x + item->rect.width / 2,
                                                           item->rect.y + item->rect.height - 1,
                                                           &index) == item);
          g_assert_cmpint (index, ==, (int) i);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/chart/model/basics", test_model_basics);
  g_test_add_func ("/sigap/chart/model/empty", test_model_empty);
  g_test_add_func ("/sigap/chart/layout/bars", test_layout_bars);
  g_test_add_func ("/sigap/chart/layout/hairlines", test_layout_hairlines);
  g_test_add_func ("/sigap/chart/layout/target-line", test_layout_target_line);
  g_test_add_func ("/sigap/chart/layout/projection", test_layout_projection);
  g_test_add_func ("/sigap/chart/layout/empty", test_layout_empty);
  g_test_add_func ("/sigap/chart/layout/month-labels", test_layout_month_labels);
  g_test_add_func ("/sigap/chart/layout/long-labels", test_layout_long_labels);
  g_test_add_func ("/sigap/chart/layout/donut-hit-test", test_layout_donut_hit_test);
  g_test_add_func ("/sigap/chart/hit-regions", test_hit_regions);
  g_test_add_func ("/sigap/chart/layout/gauge", test_layout_gauge);
  g_test_add_func ("/sigap/chart/layout/stacked", test_layout_stacked);
  g_test_add_func ("/sigap/chart/layout/caching", test_layout_caching);
  g_test_add_func ("/sigap/chart/layout/balanced-state", test_layout_balanced_state);
  g_test_add_func ("/sigap/chart/a11y/describe", test_a11y_describe);
  g_test_add_func ("/sigap/chart/a11y/table", test_a11y_table);
  g_test_add_func ("/sigap/chart/painter/shapes", test_painter_shapes);
  g_test_add_func ("/sigap/chart/painter/recording-state", test_painter_recording_state);
  g_test_add_func ("/sigap/chart/style/presets", test_style_presets);

  return g_test_run ();
}
