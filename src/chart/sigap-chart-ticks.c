/* sigap-chart-ticks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-ticks.h"

#include <math.h>

G_DEFINE_BOXED_TYPE (SigapChartTicks, sigap_chart_ticks,
                     sigap_chart_ticks_copy, sigap_chart_ticks_free)

/* Lets 7.000000001 / 1 still count as 7 intervals: data from sums of doubles is rarely exact. */
#define TOLERANCE 1e-9

/* f × 10^e computed so that 3 × 0.1 gives 0.3, not 0.30000000000000004: dividing by an exact
 * power of ten rounds once, multiplying by an inexact 0.1 rounds twice.
 */
static double
scaled (double f,
        int    e)
{
  if (e < 0)
    return f / pow (10, -e);
  return f * pow (10, e);
}

/**
 * sigap_chart_ticks_new:
 * @lo: the smallest value the axis must show
 * @hi: the largest value the axis must show
 * @max_ticks: the most ticks there is room for (at least 2 are made)
 * @integer: only whole-number steps (for counts of people: no "0.5 participants")
 *
 * The "nice numbers" labelling of Heckbert (Graphics Gems, 1990), taken with the smallest
 * 1-2-5 step that covers [@lo, @hi] in at most @max_ticks ticks, so that the caller sets the
 * density from the room it has (one tick per so many pixels).
 *
 * A range that is empty is widened to include zero (a single value v gives 0..v) and an
 * all-zero range becomes 0..1; a range with a NaN or infinite end falls back to 0..1 as well,
 * so an axis can always be drawn.
 *
 * Returns: (transfer full): the ticks
 */
SigapChartTicks *
sigap_chart_ticks_new (double   lo,
                       double   hi,
                       guint    max_ticks,
                       gboolean integer)
{
  static const double factors[] = { 1, 2, 5 };
  SigapChartTicks *self;
  guint max_intervals;
  double raw;
  int e;
  double step = 1, factor = 1, first = 0, last = 1;
  int exponent = 0;

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0;
      hi = 1;
    }
  if (lo > hi)
    {
      double tmp = lo;

      lo = hi;
      hi = tmp;
    }
  if (lo == hi)
    {
      if (lo > 0)
        lo = 0;
      else if (lo < 0)
        hi = 0;
      else
        hi = 1;
    }
  /* A range wider than a double can hold would overflow below; no chart has one. */
  if (!isfinite (hi - lo))
    {
      lo = -G_MAXDOUBLE / 4;
      hi = G_MAXDOUBLE / 4;
    }

  max_intervals = MAX (max_ticks, 2) - 1;
  raw = (hi - lo) / max_intervals;
  e = (int) floor (log10 (raw)) - 1;

  for (gboolean found = FALSE; !found; e++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (factors) && !found; i++)
        {
          double candidate = scaled (factors[i], e);
          double n_first, n_last;

          if (integer && candidate < 1)
            continue;

          n_first = floor (lo / candidate + TOLERANCE);
          n_last = ceil (hi / candidate - TOLERANCE);
          if (n_last - n_first <= max_intervals)
            {
              step = candidate;
              factor = factors[i];
              exponent = e;
              first = n_first;
              last = n_last;
              found = TRUE;
            }
        }
    }

  /* n_first == n_last happens for a range narrower than the tolerance. */
  if (last <= first)
    last = first + 1;

  self = g_new0 (SigapChartTicks, 1);
  self->step = step;
  self->decimals = exponent < 0 ? -exponent : 0;
  self->n_values = (guint) (last - first) + 1;
  self->values = g_new (double, self->n_values);
  for (guint i = 0; i < self->n_values; i++)
    {
      double v = scaled ((first + i) * factor, exponent);

      /* Keep "-0" off the axis. */
      self->values[i] = v == 0 ? 0 : v;
    }
  self->min = self->values[0];
  self->max = self->values[self->n_values - 1];

  return self;
}

SigapChartTicks *
sigap_chart_ticks_copy (const SigapChartTicks *self)
{
  SigapChartTicks *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->values = g_memdup2 (self->values, sizeof (double) * self->n_values);

  return copy;
}

void
sigap_chart_ticks_free (SigapChartTicks *self)
{
  if (self == NULL)
    return;

  g_free (self->values);
  g_free (self);
}

/* Where @value sits on the axis: 0 at min, 1 at max (outside for values beyond the ends). */
double
sigap_chart_ticks_fraction (const SigapChartTicks *self,
                            double                 value)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->max == self->min)
    return 0;

  return (value - self->min) / (self->max - self->min);
}
