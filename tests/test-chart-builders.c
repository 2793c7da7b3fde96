/* test-chart-builders.c: the programme's charts from hand-made core figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "chart/sigap-cairo-painter.h"
#include "chart/sigap-chart-builders.h"
#include "chart/sigap-chart-a11y.h"
#include "chart/sigap-chart-layout.h"
#include "chart/sigap-recording-painter.h"
#include "core/sigap-target-change.h"

static void
append_month (GArray *months,
              int     year,
              int     month,
              gint64  registered,
              gint64  active,
              gint64  target,
              gint64  realised_to_date)
{
  SigapMonthPoint point = { 0 };

  point.year = year;
  point.month = month;
  g_date_clear (&point.end, 1);
  g_date_set_dmy (&point.end, g_date_get_days_in_month (month, year), month, year);
  point.registered = registered;
  point.active = active;
  point.target = target;
  point.has_target = target > 0;
  point.has_coverage = target > 0;
  point.coverage_pct = target > 0 ? 100.0 * active / target : 0;
  point.realised_to_date = realised_to_date;
  g_array_append_val (months, point);
}

static GArray *
months_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (SigapMonthPoint));
}

static void
add_row (GPtrArray  *rows,
         const char *code,
         const char *name,
         gint64      active,
         gint64      target)
{
  SigapBreakdownRow *row = g_new0 (SigapBreakdownRow, 1);

  row->code = g_strdup (code);
  row->name = g_strdup (name);
  row->registered = active + 5;
  row->active = active;
  row->ended = 5;
  row->target = target;
  row->has_target = target > 0;
  row->has_coverage = target > 0;
  row->coverage_pct = target > 0 ? 100.0 * active / target : 0;
  g_ptr_array_add (rows, row);
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_breakdown_row_free);
}

static void
assert_values (SigapChart   *chart,
               guint         series,
               const double *expected,
               guint         n)
{
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, n);

  for (guint i = 0; i < n; i++)
    {
      double value = sigap_chart_get_value (chart, series, i);

      if (isnan (expected[i]))
        g_assert_true (isnan (value));
      else
        g_assert_cmpfloat_with_epsilon (value, expected[i], 1e-9);
    }
}

static void
assert_month (SigapChart *chart,
              guint       index,
              int         year,
              int         month)
{
  const SigapChartCategory *category = sigap_chart_get_category (chart, index);

  g_assert_cmpint (category->year, ==, year);
  g_assert_cmpint (category->month, ==, month);
}

static void
test_enrollment (void)
{
  g_autoptr(GArray) months = months_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) english = NULL;
  const double active[] = { 0, 8, 15, 25, 30 };
  const double target[] = { NAN, NAN, 80, 80, 100 };

  /* Nobody until October: the chart starts in September, the month before. */
  append_month (months, 2025, 8, 0, 0, 0, 0);
  append_month (months, 2025, 9, 0, 0, 0, 0);
  append_month (months, 2025, 10, 10, 8, 0, 0);
  append_month (months, 2025, 11, 20, 15, 80, 0);
  append_month (months, 2025, 12, 30, 25, 80, 0);
  append_month (months, 2026, 1, 40, 30, 100, 0);
  /* October's target is unset: only November's and later have one. */
  g_array_index (months, SigapMonthPoint, 2).has_target = FALSE;

  g_assert_cmpuint (sigap_chart_enrollment_first_month (months), ==, 1);

  chart = sigap_chart_build_enrollment (months, SIGAP_LANG_ID);
  g_assert_cmpint (sigap_chart_get_kind (chart), ==, SIGAP_CHART_KIND_AREA);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Kepesertaan terhadap sasaran");
  g_assert_cmpstr (sigap_chart_get_empty_text (chart), ==, "Belum ada peserta");
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, 5);
  assert_month (chart, 0, 2025, 9);
  assert_month (chart, 4, 2026, 1);

  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (sigap_chart_get_series (chart, 0)->name, ==, "Peserta aktif");
  g_assert_cmpint (sigap_chart_get_series (chart, 0)->role, ==, SIGAP_CHART_SERIES_ROLE_VALUE);
  g_assert_cmpint (sigap_chart_get_series (chart, 0)->projected_from, ==, -1);
  assert_values (chart, 0, active, G_N_ELEMENTS (active));
  g_assert_cmpstr (sigap_chart_get_series (chart, 1)->name, ==, "Sasaran");
  g_assert_cmpint (sigap_chart_get_series (chart, 1)->role, ==, SIGAP_CHART_SERIES_ROLE_TARGET);
  assert_values (chart, 1, target, G_N_ELEMENTS (target));
  g_assert_false (sigap_chart_is_empty (chart));

  english = sigap_chart_build_enrollment (months, SIGAP_LANG_EN);
  g_assert_cmpstr (sigap_chart_get_title (english), ==, "Enrollment against the target");
  g_assert_cmpstr (sigap_chart_get_series (english, 0)->name, ==, "Active participants");
  g_assert_cmpstr (sigap_chart_get_series (english, 1)->name, ==, "Target");
}

static void
test_enrollment_empty (void)
{
  g_autoptr(GArray) months = months_new ();
  g_autoptr(GArray) none = months_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) nothing = NULL;
  g_autoptr(SigapChart) no_target = NULL;

  /* Nobody registered yet: one month, no value, the empty state. */
  append_month (months, 2024, 2, 0, 0, 0, 0);
  append_month (months, 2024, 3, 0, 0, 0, 0);
  g_assert_cmpuint (sigap_chart_enrollment_first_month (months), ==, 2);

  chart = sigap_chart_build_enrollment (months, SIGAP_LANG_EN);
  g_assert_true (sigap_chart_is_empty (chart));
  g_assert_cmpstr (sigap_chart_get_empty_text (chart), ==, "No participants yet");
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, 1);
  assert_month (chart, 0, 2024, 3);
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 1);
  g_assert_true (isnan (sigap_chart_get_value (chart, 0, 0)));

  nothing = sigap_chart_build_enrollment (none, SIGAP_LANG_EN);
  g_assert_cmpuint (sigap_chart_enrollment_first_month (none), ==, 0);
  g_assert_true (sigap_chart_is_empty (nothing));

  /* Participants but no target in any month: no target series at all. */
  append_month (months, 2024, 4, 3, 3, 0, 0);
  no_target = sigap_chart_build_enrollment (months, SIGAP_LANG_EN);
  g_assert_cmpuint (sigap_chart_get_n_series (no_target), ==, 1);
  g_assert_cmpuint (sigap_chart_get_n_categories (no_target), ==, 2);
  assert_month (no_target, 0, 2024, 3);
}

static void
test_coverage_gauge (void)
{
  SigapSummary summary = { 0 };
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) empty = NULL;
  const SigapChartReference *reference;

  summary.scope_code = (char *) "32.75.01";
  summary.active = 725;
  summary.target = 1000;
  summary.has_target = TRUE;
  summary.coverage_pct = 72.5;
  summary.has_coverage = TRUE;

  chart = sigap_chart_build_coverage_gauge (&summary, SIGAP_LANG_ID);
  g_assert_cmpint (sigap_chart_get_kind (chart), ==, SIGAP_CHART_KIND_GAUGE);
  g_assert_cmpint (sigap_chart_get_unit (chart), ==, SIGAP_CHART_UNIT_PERCENT);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Cakupan");
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, 1);
  g_assert_cmpstr (sigap_chart_get_category (chart, 0)->label, ==, "dari sasaran sudah aktif");
  g_assert_cmpstr (sigap_chart_get_category (chart, 0)->key, ==, "32.75.01");
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 1);
  g_assert_cmpfloat_with_epsilon (sigap_chart_get_value (chart, 0, 0), 72.5, 1e-9);
  g_assert_cmpuint (sigap_chart_get_n_references (chart), ==, 1);
  reference = sigap_chart_get_reference (chart, 0);
  g_assert_cmpstr (reference->label, ==, "Sasaran");
  g_assert_cmpfloat (reference->value, ==, 100);
  g_assert_false (sigap_chart_is_empty (chart));

  summary.has_target = FALSE;
  summary.has_coverage = FALSE;
  empty = sigap_chart_build_coverage_gauge (&summary, SIGAP_LANG_EN);
  g_assert_true (sigap_chart_is_empty (empty));
  g_assert_cmpstr (sigap_chart_get_empty_text (empty), ==,
                   "No target is set for this area and year");
}

static void
test_spending (void)
{
  g_autoptr(GArray) months = months_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) paid = NULL;
  SigapWhatIf what_if = { 0 };
  double expected[12];

  /* December 2025 is another year's realisation: it must not show as 2026's. */
  append_month (months, 2025, 12, 10, 10, 0, 999);
  for (int m = 1; m <= 4; m++)
    append_month (months, 2026, m, 10, 10, 0, 100 * m);

  what_if.pagu = 1000;
  what_if.first_unpaid_month = 5;
  what_if.realised = 400;
  what_if.projected_year_end = 1200;
  for (int m = 1; m <= 12; m++)
    {
      what_if.cumulative[m - 1] = m < 5 ? 0 : 100 * m;
      expected[m - 1] = 100 * m;
    }

  chart = sigap_chart_build_spending (months, &what_if, 2026, SIGAP_LANG_ID);
  g_assert_cmpint (sigap_chart_get_kind (chart), ==, SIGAP_CHART_KIND_LINE);
  g_assert_cmpint (sigap_chart_get_unit (chart), ==, SIGAP_CHART_UNIT_RUPIAH);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Belanja terhadap pagu, 2026");
  g_assert_cmpstr (sigap_chart_get_projection_label (chart), ==,
                   "Proyeksi pada kepesertaan saat ini");
  assert_month (chart, 0, 2026, 1);
  assert_month (chart, 11, 2026, 12);
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 1);
  g_assert_cmpstr (sigap_chart_get_series (chart, 0)->name, ==, "Realisasi kumulatif");
  g_assert_cmpint (sigap_chart_get_series (chart, 0)->projected_from, ==, 4);
  assert_values (chart, 0, expected, 12);
  g_assert_cmpuint (sigap_chart_get_n_references (chart), ==, 1);
  g_assert_cmpstr (sigap_chart_get_reference (chart, 0)->label, ==, "Pagu");
  g_assert_cmpfloat (sigap_chart_get_reference (chart, 0)->value, ==, 1000);

  /* Every month paid for: no projection. */
  what_if.first_unpaid_month = 13;
  g_array_set_size (months, 1);
  for (int m = 1; m <= 12; m++)
    append_month (months, 2026, m, 10, 10, 0, 90 * m);
  paid = sigap_chart_build_spending (months, &what_if, 2026, SIGAP_LANG_EN);
  g_assert_cmpint (sigap_chart_get_series (paid, 0)->projected_from, ==, -1);
  g_assert_cmpfloat (sigap_chart_get_value (paid, 0, 11), ==, 1080);
  g_assert_cmpstr (sigap_chart_get_title (paid), ==, "Spending against the pagu, 2026");
}

static void
test_spending_empty (void)
{
  g_autoptr(GArray) months = months_new ();
  g_autoptr(SigapChart) chart = NULL;
  SigapWhatIf what_if = { 0 };

  append_month (months, 2024, 1, 0, 0, 0, 0);
  what_if.first_unpaid_month = 1;

  chart = sigap_chart_build_spending (months, &what_if, 2024, SIGAP_LANG_EN);
  g_assert_true (sigap_chart_is_empty (chart));
  g_assert_cmpstr (sigap_chart_get_empty_text (chart), ==, "No pagu and no payment for 2024");
  g_assert_cmpuint (sigap_chart_get_n_categories (chart), ==, 12);
  g_assert_cmpuint (sigap_chart_get_n_references (chart), ==, 0);
}

static void
test_sector_breakdown (void)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autoptr(GPtrArray) untargeted = rows_new ();
  g_autoptr(GPtrArray) nobody = rows_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) plain = NULL;
  g_autoptr(SigapChart) empty = NULL;
  const double active[] = { 120, 45, 0 };
  const double target[] = { 150, NAN, 10 };

  add_row (rows, "3", "Ojek Online", 120, 150);
  add_row (rows, "7", "Pemulung", 45, 0);
  add_row (rows, "9", "Nelayan", 0, 10);

  chart = sigap_chart_build_sector_breakdown (rows, SIGAP_LANG_EN);
  g_assert_cmpint (sigap_chart_get_kind (chart), ==, SIGAP_CHART_KIND_HBAR);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Active participants by sector");
  g_assert_cmpstr (sigap_chart_get_category_title (chart), ==, "Sector");
  g_assert_cmpstr (sigap_chart_get_category (chart, 1)->label, ==, "Pemulung");
  g_assert_cmpstr (sigap_chart_get_category (chart, 1)->key, ==, "7");
  g_assert_cmpint (sigap_chart_get_category (chart, 1)->month, ==, 0);
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (sigap_chart_get_series (chart, 0)->name, ==, "Active");
  assert_values (chart, 0, active, G_N_ELEMENTS (active));
  g_assert_cmpint (sigap_chart_find_target_series (chart), ==, 1);
  assert_values (chart, 1, target, G_N_ELEMENTS (target));

  add_row (untargeted, "3", "Ojek Online", 120, 0);
  plain = sigap_chart_build_sector_breakdown (untargeted, SIGAP_LANG_ID);
  g_assert_cmpstr (sigap_chart_get_category_title (plain), ==, "Sektor");
  g_assert_cmpuint (sigap_chart_get_n_series (plain), ==, 1);
  g_assert_cmpint (sigap_chart_find_target_series (plain), ==, -1);

  /* Nobody active and no target: the empty state, not a column of zeros. */
  add_row (nobody, "3", "Ojek Online", 0, 0);
  add_row (nobody, "7", "Pemulung", 0, 0);
  empty = sigap_chart_build_sector_breakdown (nobody, SIGAP_LANG_ID);
  g_assert_true (sigap_chart_is_empty (empty));
  g_assert_cmpstr (sigap_chart_get_empty_text (empty), ==, "Belum ada peserta");
}

static void
test_desil (void)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) english = NULL;
  const double active[] = { 300, 0, 12 };

  add_row (rows, "1", "Desil 1", 300, 0);
  add_row (rows, "10", "Desil 10", 0, 0);
  add_row (rows, "unknown", "Desil unknown", 12, 0);

  chart = sigap_chart_build_desil (rows, SIGAP_LANG_ID);
  g_assert_cmpint (sigap_chart_get_kind (chart), ==, SIGAP_CHART_KIND_HBAR);
  g_assert_cmpstr (sigap_chart_get_title (chart), ==, "Peserta aktif per desil");
  g_assert_cmpstr (sigap_chart_get_category_title (chart), ==, "Desil");
  g_assert_cmpstr (sigap_chart_get_category (chart, 0)->label, ==, "Desil 1");
  g_assert_cmpstr (sigap_chart_get_category (chart, 1)->label, ==, "Desil 10");
  g_assert_cmpstr (sigap_chart_get_category (chart, 2)->label, ==, "Desil tidak diketahui");
  g_assert_cmpstr (sigap_chart_get_category (chart, 2)->key, ==, "unknown");
  g_assert_cmpuint (sigap_chart_get_n_series (chart), ==, 1);
  assert_values (chart, 0, active, G_N_ELEMENTS (active));

  english = sigap_chart_build_desil (rows, SIGAP_LANG_EN);
  g_assert_cmpstr (sigap_chart_get_category (english, 2)->label, ==, "Desil unknown");
  g_assert_cmpstr (sigap_chart_get_series (english, 0)->name, ==, "Active");
}

static void
test_regions (void)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autoptr(SigapChart) kecamatan = NULL;
  g_autoptr(SigapChart) kelurahan = NULL;
  const double active[] = { 900, 1100 };
  const double target[] = { 1000, 1000 };

  add_row (rows, "32.75.01", "Bekasi Timur", 900, 1000);
  add_row (rows, "32.75.02", "Bekasi Barat", 1100, 1000);

  kecamatan = sigap_chart_build_regions (rows, SIGAP_BREAKDOWN_KECAMATAN, SIGAP_LANG_ID);
  g_assert_cmpstr (sigap_chart_get_title (kecamatan), ==, "Peserta aktif dan sasaran");
  g_assert_cmpstr (sigap_chart_get_category_title (kecamatan), ==, "Kecamatan");
  g_assert_cmpstr (sigap_chart_get_category (kecamatan, 0)->key, ==, "32.75.01");
  g_assert_cmpstr (sigap_chart_get_category (kecamatan, 1)->label, ==, "Bekasi Barat");
  assert_values (kecamatan, 0, active, G_N_ELEMENTS (active));
  g_assert_cmpint (sigap_chart_find_target_series (kecamatan), ==, 1);
  assert_values (kecamatan, 1, target, G_N_ELEMENTS (target));

  kelurahan = sigap_chart_build_regions (rows, SIGAP_BREAKDOWN_KELURAHAN, SIGAP_LANG_EN);
  g_assert_cmpstr (sigap_chart_get_title (kelurahan), ==, "Active participants and target");
  g_assert_cmpstr (sigap_chart_get_category_title (kelurahan), ==, "Kelurahan");
}


/* Thirteen months as in the demo: launched in November 2025 against a target of 26.500,
 * then a year with a target of 10.000. */
static GArray *
demo_months (void)
{
  GArray *months = months_new ();
  const gint64 active[] = { 0, 11666, 11666, 10300, 9800, 9500, 9550, 9600, 9700, 9750, 9800,
                            9900, 9965 };

  for (guint i = 0; i < G_N_ELEMENTS (active); i++)
    {
      int year = i < 3 ? 2025 : 2026;
      int month = i < 3 ? 10 + (int) i : (int) i - 2;

      append_month (months, year, month, active[i] + 500 * i, active[i],
                    year == 2025 ? 26500 : 10000, year == 2026 ? 160000000 * (month - 1) : 0);
    }

  return months;
}

static double
plot_height_at (SigapChartLayout *layout,
                SigapPainter     *painter,
                double            width,
                double            height)
{
  SigapChartRect plot;

  sigap_chart_layout_allocate (layout, painter, width, height);
  sigap_chart_layout_get_plot_area (layout, &plot);

  return plot.height;
}

/* The trend charts' plots at the widths the window gives their views (measured at 1280,
 * 1920 and 420 px wide windows): the 120 px the views were squeezed to left a plot of about
 * 30 px; the height sigap_chart_layout_height_for_plot() asks for leaves at least 160. */
static void
test_trend_plot_height (void)
{
  g_autoptr(GArray) months = demo_months ();
  g_autoptr(SigapChart) enrollment = sigap_chart_build_enrollment (months, SIGAP_LANG_ID);
  SigapWhatIf what_if = { 0 };
  g_autoptr(SigapChart) spending = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SigapPainter) painter = sigap_cairo_painter_new (cr);
  const double widths[] = { 774, 880, 358, 1187 };

  what_if.pagu = 2000000000;
  what_if.first_unpaid_month = 11;
  for (int m = 0; m < 12; m++)
    what_if.cumulative[m] = (gint64) 160000000 * m;
  what_if.projected_year_end = what_if.cumulative[11];
  spending = sigap_chart_build_spending (months, &what_if, 2026, SIGAP_LANG_ID);

  for (guint c = 0; c < 2; c++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(SigapChartLayout) layout =
          sigap_chart_layout_new (c == 0 ? enrollment : spending);
        double height;

        /* As in the window: the card shows the title. */
        sigap_chart_layout_set_show_title (layout, FALSE);

        g_assert_cmpfloat (plot_height_at (layout, painter, widths[w], 120), <, 60);

        height = sigap_chart_layout_height_for_plot (layout, painter, widths[w], 160);
        g_assert_cmpfloat (height, ==, floor (height));
        g_assert_cmpfloat (plot_height_at (layout, painter, widths[w], height), >=, 160);
        /* No taller than it needs to be. */
        g_assert_cmpfloat (plot_height_at (layout, painter, widths[w], height - 2), <, 160);
        /* The view's natural height. */
        g_assert_cmpfloat (plot_height_at (layout, painter, widths[w], 280), >=, 160);
      }

  /* Kinds without a vertical value axis need no more than asked. */
  {
    g_autoptr(SigapChart) gauge = sigap_chart_new (SIGAP_CHART_KIND_GAUGE, "Cakupan");
    g_autoptr(SigapChartLayout) layout = sigap_chart_layout_new (gauge);
    const double value = 50;

    sigap_chart_add_category (gauge, "Kota", NULL);
    sigap_chart_add_series (gauge, "Cakupan", &value, 1);
    g_assert_cmpfloat (sigap_chart_layout_height_for_plot (layout, painter, 400, 160), ==, 160);
  }

  g_clear_object (&painter);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}


/* The target changes at New Year (26.500 → 10.000): core finds the month, the enrollment
 * chart marks it, the layout draws the mark at January's edge with its label, and the
 * tooltip, the accessible description and the table say it in full. */
static void
test_enrollment_target_change (void)
{
  g_autoptr(GArray) months = demo_months ();
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) steady = months_new ();
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapChart) english = NULL;
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(SigapChartTable) table = NULL;
  g_autofree char *description = NULL;
  const SigapChartAnnotation *annotation;
  const SigapChartHitRegion *january;
  SigapRecordingPainter *rec = SIGAP_RECORDING_PAINTER (painter);
  SigapChartRect plot;
  double edge;
  gboolean mark = FALSE;
  const char *note = "Sejak 1 Januari 2026 sasaran menjadi 10.000 (sebelumnya 26.500); "
                     "cakupan dihitung terhadap sasaran baru.";

  changes = sigap_target_changes (months);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, SigapTargetChange, 0).index, ==, 3);
  g_assert_cmpint (g_date_get_year (&g_array_index (changes, SigapTargetChange, 0).from), ==, 2026);
  g_assert_cmpint (g_date_get_month (&g_array_index (changes, SigapTargetChange, 0).from), ==, 1);
  g_assert_cmpint (g_date_get_day (&g_array_index (changes, SigapTargetChange, 0).from), ==, 1);
  g_assert_cmpint (g_array_index (changes, SigapTargetChange, 0).old_target, ==, 26500);
  g_assert_cmpint (g_array_index (changes, SigapTargetChange, 0).new_target, ==, 10000);
  g_clear_pointer (&changes, g_array_unref);

  /* A target that starts, or stays, is no change. */
  append_month (steady, 2025, 12, 5, 5, 0, 0);
  append_month (steady, 2026, 1, 6, 6, 100, 0);
  append_month (steady, 2026, 2, 7, 7, 100, 0);
  changes = sigap_target_changes (steady);
  g_assert_cmpuint (changes->len, ==, 0);

  chart = sigap_chart_build_enrollment (months, SIGAP_LANG_ID);
  g_assert_cmpuint (sigap_chart_get_n_annotations (chart), ==, 1);
  annotation = sigap_chart_get_annotation (chart, 0);
  g_assert_cmpuint (annotation->category, ==, 3);
  assert_month (chart, annotation->category, 2026, 1);
  g_assert_cmpstr (annotation->label, ==, "Sasaran 26.500 \u2192 10.000");
  g_assert_cmpstr (annotation->description, ==, note);

  english = sigap_chart_build_enrollment (months, SIGAP_LANG_EN);
  g_assert_cmpstr (sigap_chart_get_annotation (english, 0)->label, ==,
                   "Target 26,500 \u2192 10,000");

  /* Drawn: the label above the plot, a dashed mark down January's left edge. */
  layout = sigap_chart_layout_new (chart);
  sigap_chart_layout_render (layout, painter, 600, 300);
  sigap_chart_layout_get_plot_area (layout, &plot);
  g_assert_nonnull (sigap_recording_painter_find_text (rec, annotation->label));
  g_assert_cmpfloat (sigap_recording_painter_find_text (rec, annotation->label)->y, <=, plot.y);
  edge = plot.x + 3 * plot.width / 13;
  for (guint i = 0; i < sigap_recording_painter_get_n_ops (rec); i++)
    {
      const SigapPainterOp *op = sigap_recording_painter_get_op (rec, i);

      if (op->kind == SIGAP_PAINTER_OP_STROKE && op->dashed && op->width == 0 &&
          fabs (op->x - edge) <= 1 && op->height >= plot.height)
        mark = TRUE;
    }
  g_assert_true (mark);

  january = sigap_chart_hit_regions_get_item (sigap_chart_layout_get_hit_regions (layout), 3);
  g_assert_cmpint (january->category, ==, 3);
  g_assert_true (g_str_has_suffix (january->tooltip, note));

  /* The text alternatives say it too, at January. */
  description = sigap_chart_describe (chart, SIGAP_LANG_ID);
  g_assert_nonnull (strstr (description, note));
  g_assert_true (strstr (description, "Januari 2026") < strstr (description, note));
  table = sigap_chart_table_new (chart, SIGAP_LANG_ID);
  g_assert_cmpstr (sigap_chart_table_get_header (table, table->n_columns - 1), ==, "Note");
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 3, table->n_columns - 1), ==, note);
  g_assert_cmpstr (sigap_chart_table_get_cell (table, 2, table->n_columns - 1), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/chart/builders/enrollment", test_enrollment);
  g_test_add_func ("/sigap/chart/builders/enrollment-empty", test_enrollment_empty);
  g_test_add_func ("/sigap/chart/builders/coverage-gauge", test_coverage_gauge);
  g_test_add_func ("/sigap/chart/builders/spending", test_spending);
  g_test_add_func ("/sigap/chart/builders/spending-empty", test_spending_empty);
  g_test_add_func ("/sigap/chart/builders/sector-breakdown", test_sector_breakdown);
  g_test_add_func ("/sigap/chart/builders/desil", test_desil);
  g_test_add_func ("/sigap/chart/builders/regions", test_regions);
  g_test_add_func ("/sigap/chart/builders/trend-plot-height", test_trend_plot_height);
  g_test_add_func ("/sigap/chart/builders/enrollment-target-change",
                   test_enrollment_target_change);

  return g_test_run ();
}
