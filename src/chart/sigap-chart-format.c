/* sigap-chart-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-format.h"

#include <math.h>

G_DEFINE_ENUM_TYPE (SigapChartUnit, sigap_chart_unit,
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_UNIT_COUNT, "count"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_UNIT_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_UNIT_RUPIAH, "rupiah"))

/* Whole numbers for gint64 formatters; values beyond gint64 cannot be a count or an amount
 * of Rupiah anyone has, so clamping them is safe.
 */
static gint64
to_int64 (double value)
{
  if (value >= (double) G_MAXINT64)
    return G_MAXINT64;
  if (value <= (double) G_MININT64)
    return G_MININT64;
  return (gint64) llround (value);
}

/**
 * sigap_chart_format_tick:
 * @value: a tick value
 * @decimals: the digits the tick step needs (SigapChartTicks.decimals)
 *
 * An axis label: short ("1,5 rb", "Rp2 miliar", "25%") because axis labels share their room.
 *
 * Returns: (transfer full): the label
 */
char *
sigap_chart_format_tick (double         value,
                         SigapChartUnit unit,
                         int            decimals,
                         SigapLang      lang)
{
  if (!isfinite (value))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  switch (unit)
    {
    case SIGAP_CHART_UNIT_PERCENT:
      return sigap_format_percent (value, MAX (decimals, 0), lang);
    case SIGAP_CHART_UNIT_RUPIAH:
      return sigap_format_rupiah_short (to_int64 (value), lang);
    case SIGAP_CHART_UNIT_COUNT:
    default:
      if (fabs (value) < 1000 && decimals > 0)
        return sigap_format_decimal (value, decimals, lang);
      return sigap_format_count_short (value, lang);
    }
}

/**
 * sigap_chart_format_value:
 *
 * A value in full, for tooltips, the accessible description and the data table:
 * "11.666", "44,0%", "Rp580.000.000".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_chart_format_value (double         value,
                          SigapChartUnit unit,
                          SigapLang      lang)
{
  if (!isfinite (value))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  switch (unit)
    {
    case SIGAP_CHART_UNIT_PERCENT:
      return sigap_format_percent (value, 1, lang);
    case SIGAP_CHART_UNIT_RUPIAH:
      return sigap_format_rupiah (to_int64 (value), lang);
    case SIGAP_CHART_UNIT_COUNT:
    default:
      return sigap_format_count (to_int64 (value), lang);
    }
}

/**
 * sigap_chart_format_short:
 *
 * A value labelling a bar or a gauge: in full while it is short ("1.234", "44,0%"), shortened
 * beyond that ("12,3 rb", "Rp2,01 miliar").
 *
 * Returns: (transfer full): the text
 */
char *
sigap_chart_format_short (double         value,
                          SigapChartUnit unit,
                          SigapLang      lang)
{
  if (!isfinite (value))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  switch (unit)
    {
    case SIGAP_CHART_UNIT_PERCENT:
      return sigap_format_percent (value, 1, lang);
    case SIGAP_CHART_UNIT_RUPIAH:
      return sigap_format_rupiah_short (to_int64 (value), lang);
    case SIGAP_CHART_UNIT_COUNT:
    default:
      if (fabs (value) < 10000)
        return sigap_format_count (to_int64 (value), lang);
      return sigap_format_count_short (value, lang);
    }
}
