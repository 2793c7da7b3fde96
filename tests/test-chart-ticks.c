/* test-chart-ticks.c: axis ticks and the labels on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "chart/sigap-chart-format.h"
#include "chart/sigap-chart-ticks.h"

static void
assert_ticks (double        lo,
              double        hi,
              guint         max_ticks,
              gboolean      integer,
              double        step,
              const double *expected,
              guint         n_expected)
{
  g_autoptr(SigapChartTicks) ticks = sigap_chart_ticks_new (lo, hi, max_ticks, integer);

  g_test_message ("range %g..%g, %u ticks: step %g, %u values", lo, hi, max_ticks,
                  ticks->step, ticks->n_values);
  g_assert_cmpfloat_with_epsilon (ticks->step, step, step * 1e-12);
  g_assert_cmpuint (ticks->n_values, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (ticks->values[i], expected[i], step * 1e-9);
  g_assert_cmpfloat (ticks->min, ==, ticks->values[0]);
  g_assert_cmpfloat (ticks->max, ==, ticks->values[ticks->n_values - 1]);
}

static void
test_ticks_small_counts (void)
{
  const double zero_to_seven[] = { 0, 2, 4, 6, 8 };
  const double zero_to_three[] = { 0, 1, 2, 3 };
  const double zero_to_ten[] = { 0, 2, 4, 6, 8, 10 };

  assert_ticks (0, 7, 6, TRUE, 2, zero_to_seven, G_N_ELEMENTS (zero_to_seven));
  /* Whole people only: no 0.5 step even with room for eight ticks. */
  assert_ticks (0, 3, 8, TRUE, 1, zero_to_three, G_N_ELEMENTS (zero_to_three));
  /* The bounds may come in either order. */
  assert_ticks (10, 0, 6, TRUE, 2, zero_to_ten, G_N_ELEMENTS (zero_to_ten));
}

static void
test_ticks_phase_one (void)
{
  const double dense[] = { 0, 2000, 4000, 6000, 8000, 10000, 12000 };
  const double sparse[] = { 0, 5000, 10000, 15000 };

  /* Phase 1 of SIGAP: 11,666 workers. */
  assert_ticks (0, 11666, 7, TRUE, 2000, dense, G_N_ELEMENTS (dense));
  assert_ticks (0, 11666, 6, TRUE, 5000, sparse, G_N_ELEMENTS (sparse));
}

static void
test_ticks_billions (void)
{
  const double rupiah[] = { 0, 5e8, 1e9, 1.5e9, 2e9 };
  const double coarse[] = { 0, 1e9, 2e9 };

  /* The 2026 budget: Rp2 miliar. */
  assert_ticks (0, 2e9, 6, TRUE, 5e8, rupiah, G_N_ELEMENTS (rupiah));
  assert_ticks (0, 2.01e9, 4, TRUE, 1e9, (const double[]) { 0, 1e9, 2e9, 3e9 }, 4);
  assert_ticks (0, 2e9, 3, TRUE, 1e9, coarse, G_N_ELEMENTS (coarse));
}

static void
test_ticks_tiny (void)
{
  g_autoptr(SigapChartTicks) ticks = NULL;
  const double thousandths[] = { 0.001, 0.002, 0.003, 0.004 };
  const double tenths[] = { 0, 0.1, 0.2, 0.3 };

  assert_ticks (0.001, 0.004, 6, FALSE, 0.001, thousandths, G_N_ELEMENTS (thousandths));
  ticks = sigap_chart_ticks_new (0.001, 0.004, 6, FALSE);
  g_assert_cmpint (ticks->decimals, ==, 3);

  /* 3 × 0.1 must be 0.3, not 0.30000000000000004. */
  assert_ticks (0, 0.3, 4, FALSE, 0.1, tenths, G_N_ELEMENTS (tenths));
  g_clear_pointer (&ticks, sigap_chart_ticks_free);
  ticks = sigap_chart_ticks_new (0, 0.3, 4, FALSE);
  g_assert_true (ticks->values[3] == 0.3);
  g_assert_cmpint (ticks->decimals, ==, 1);
}

static void
test_ticks_negative (void)
{
  const double below[] = { -40, -30, -20, -10, 0 };
  const double across[] = { -5, 0, 5, 10, 15 };
  const double minus_three[] = { -3, -2, -1, 0 };

  assert_ticks (-37, -2, 6, TRUE, 10, below, G_N_ELEMENTS (below));
  assert_ticks (-5, 12, 6, TRUE, 5, across, G_N_ELEMENTS (across));
  /* A single negative value is widened up to zero. */
  assert_ticks (-3, -3, 6, TRUE, 1, minus_three, G_N_ELEMENTS (minus_three));
}

static void
test_ticks_degenerate (void)
{
  const double fifty[] = { 0, 10, 20, 30, 40, 50 };
  const double unit[] = { 0, 1 };
  const double fifths[] = { 0, 0.2, 0.4, 0.6, 0.8, 1 };
  g_autoptr(SigapChartTicks) ticks = NULL;

  /* One value: the axis runs from zero to it. */
  assert_ticks (42, 42, 6, TRUE, 10, fifty, G_N_ELEMENTS (fifty));
  /* All zero: still an axis to draw. */
  assert_ticks (0, 0, 6, TRUE, 1, unit, G_N_ELEMENTS (unit));
  assert_ticks (0, 0, 6, FALSE, 0.2, fifths, G_N_ELEMENTS (fifths));
  /* Nonsense in, a usable axis out. */
  assert_ticks (NAN, 5, 6, FALSE, 0.2, fifths, G_N_ELEMENTS (fifths));
  assert_ticks (0, INFINITY, 6, FALSE, 0.2, fifths, G_N_ELEMENTS (fifths));
  /* Fewer than two ticks is not an axis. */
  ticks = sigap_chart_ticks_new (0, 100, 0, TRUE);
  g_assert_cmpuint (ticks->n_values, ==, 2);
  g_assert_cmpfloat (ticks->max, >=, 100);
  /* No "-0" label. */
  g_clear_pointer (&ticks, sigap_chart_ticks_free);
  ticks = sigap_chart_ticks_new (-10, 0, 3, TRUE);
  g_assert_false (signbit (ticks->values[ticks->n_values - 1]));
}

static void
test_ticks_percent (void)
{
  const double coverage[] = { 0, 10, 20, 30, 40, 50 };
  const double full[] = { 0, 20, 40, 60, 80, 100 };

  assert_ticks (0, 44, 6, FALSE, 10, coverage, G_N_ELEMENTS (coverage));
  assert_ticks (0, 100, 6, FALSE, 20, full, G_N_ELEMENTS (full));
}

/* Whatever the range: the ticks cover it, are at most max_ticks, and step by 1, 2 or 5 times a
 * power of ten.
 */
static void
test_ticks_properties (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_test_rand_int_range (-6, 13));
      double lo = g_test_rand_double_range (-1, 1) * magnitude;
      double hi = lo + g_test_rand_double_range (0, 2) * magnitude;
      guint max_ticks = g_test_rand_int_range (2, 10);
      gboolean integer = g_test_rand_bit ();
      g_autoptr(SigapChartTicks) ticks = sigap_chart_ticks_new (lo, hi, max_ticks, integer);
      double mantissa;

      if (lo == hi)
        continue;

      g_assert_cmpuint (ticks->n_values, >=, 2);
      g_assert_cmpuint (ticks->n_values, <=, max_ticks);
      g_assert_cmpfloat (ticks->min, <=, lo + fabs (ticks->step) * 1e-6);
      g_assert_cmpfloat (ticks->max, >=, hi - fabs (ticks->step) * 1e-6);
      if (integer)
        g_assert_cmpfloat (ticks->step, >=, 1);

      mantissa = ticks->step / pow (10, floor (log10 (ticks->step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 ||
                     fabs (mantissa - 5) < 1e-6);

      for (guint k = 1; k < ticks->n_values; k++)
        g_assert_cmpfloat_with_epsilon (ticks->values[k] - ticks->values[k - 1], ticks->step,
                                        ticks->step * 1e-6);
    }
}

static void
test_ticks_fraction_and_copy (void)
{
  g_autoptr(SigapChartTicks) ticks = sigap_chart_ticks_new (0, 100, 6, FALSE);
  g_autoptr(SigapChartTicks) copy = sigap_chart_ticks_copy (ticks);

  g_assert_cmpfloat (sigap_chart_ticks_fraction (ticks, 50), ==, 0.5);
  g_assert_cmpfloat (sigap_chart_ticks_fraction (ticks, 0), ==, 0);
  g_assert_cmpfloat (sigap_chart_ticks_fraction (ticks, 100), ==, 1);
  g_assert_cmpuint (copy->n_values, ==, ticks->n_values);
  g_assert_true (copy->values != ticks->values);
  g_assert_cmpmem (copy->values, copy->n_values * sizeof (double),
                   ticks->values, ticks->n_values * sizeof (double));
  g_assert_true (G_TYPE_IS_BOXED (SIGAP_TYPE_CHART_TICKS));
}

static void
assert_tick_label (double          value,
                   SigapChartUnit  unit,
                   int             decimals,
                   const char     *id,
                   const char     *en)
{
  g_autofree char *in_id = sigap_chart_format_tick (value, unit, decimals, SIGAP_LANG_ID);
  g_autofree char *in_en = sigap_chart_format_tick (value, unit, decimals, SIGAP_LANG_EN);

  g_assert_cmpstr (in_id, ==, id);
  g_assert_cmpstr (in_en, ==, en);
}

static void
test_format_ticks (void)
{
  assert_tick_label (0, SIGAP_CHART_UNIT_COUNT, 0, "0", "0");
  assert_tick_label (500, SIGAP_CHART_UNIT_COUNT, 0, "500", "500");
  assert_tick_label (1500, SIGAP_CHART_UNIT_COUNT, 0, "1,5 rb", "1.5K");
  assert_tick_label (12000, SIGAP_CHART_UNIT_COUNT, 0, "12 rb", "12K");
  assert_tick_label (2.5e6, SIGAP_CHART_UNIT_COUNT, 0, "2,5 juta", "2.5M");
  assert_tick_label (0.5, SIGAP_CHART_UNIT_COUNT, 1, "0,5", "0.5");
  assert_tick_label (25, SIGAP_CHART_UNIT_PERCENT, 0, "25%", "25%");
  assert_tick_label (2.5, SIGAP_CHART_UNIT_PERCENT, 1, "2,5%", "2.5%");
  assert_tick_label (2.01e9, SIGAP_CHART_UNIT_RUPIAH, 0, "Rp2,01 miliar", "IDR 2.01 billion");
  assert_tick_label (5e8, SIGAP_CHART_UNIT_RUPIAH, 0, "Rp500 juta", "IDR 500 million");
  assert_tick_label (NAN, SIGAP_CHART_UNIT_COUNT, 0, SIGAP_FORMAT_NO_VALUE,
                     SIGAP_FORMAT_NO_VALUE);
}

static void
test_format_values (void)
{
  struct {
    double          value;
    SigapChartUnit  unit;
    const char     *full_id;
    const char     *full_en;
    const char     *short_id;
  } cases[] = {
    { 11666, SIGAP_CHART_UNIT_COUNT, "11.666", "11,666", "11,7 rb" },
    { 1234, SIGAP_CHART_UNIT_COUNT, "1.234", "1,234", "1.234" },
    { 44, SIGAP_CHART_UNIT_PERCENT, "44,0%", "44.0%", "44,0%" },
    { 580000000, SIGAP_CHART_UNIT_RUPIAH, "Rp580.000.000", "IDR 580,000,000", "Rp580 juta" },
    { 16800, SIGAP_CHART_UNIT_RUPIAH, "Rp16.800", "IDR 16,800", "Rp16.800" },
    { NAN, SIGAP_CHART_UNIT_RUPIAH, SIGAP_FORMAT_NO_VALUE, SIGAP_FORMAT_NO_VALUE,
      SIGAP_FORMAT_NO_VALUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *full_id = sigap_chart_format_value (cases[i].value, cases[i].unit,
                                                           SIGAP_LANG_ID);
      g_autofree char *full_en = sigap_chart_format_value (cases[i].value, cases[i].unit,
                                                           SIGAP_LANG_EN);
      g_autofree char *short_id = sigap_chart_format_short (cases[i].value, cases[i].unit,
                                                            SIGAP_LANG_ID);

      g_assert_cmpstr (full_id, ==, cases[i].full_id);
      g_assert_cmpstr (full_en, ==, cases[i].full_en);
      g_assert_cmpstr (short_id, ==, cases[i].short_id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/chart/ticks/small-counts", test_ticks_small_counts);
  g_test_add_func ("/sigap/chart/ticks/phase-one", test_ticks_phase_one);
  g_test_add_func ("/sigap/chart/ticks/billions", test_ticks_billions);
  g_test_add_func ("/sigap/chart/ticks/tiny", test_ticks_tiny);
  g_test_add_func ("/sigap/chart/ticks/negative", test_ticks_negative);
  g_test_add_func ("/sigap/chart/ticks/degenerate", test_ticks_degenerate);
  g_test_add_func ("/sigap/chart/ticks/percent", test_ticks_percent);
  g_test_add_func ("/sigap/chart/ticks/properties", test_ticks_properties);
  g_test_add_func ("/sigap/chart/ticks/fraction-and-copy", test_ticks_fraction_and_copy);
  g_test_add_func ("/sigap/chart/format/ticks", test_format_ticks);
  g_test_add_func ("/sigap/chart/format/values", test_format_values);

  return g_test_run ();
}
