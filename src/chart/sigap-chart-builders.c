/* sigap-chart-builders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The programme's charts (enrollment against the target, the coverage gauge, spending
 * against the pagu with its projection, the breakdowns by sector, desil and region), built
 * once from src/core's figures for both the window and the PDF briefing, so the two show
 * the same kinds, series, roles, targets, projections and empty states.
 *
 * The words on the charts come from a small table of their own in Indonesian and English,
 * chosen by @lang, not from gettext: the briefing's language is an option independent of
 * the locale (see sigap-report-strings.c), and the window passes the locale's language, so
 * it reads the same words po/id.po would have given it. Callers may retitle a chart.
 */
#include "sigap-chart-builders.h"

#include <math.h>

#include "core/sigap-target-change.h"

typedef enum
{
  W_ACTIVE,
  W_ACTIVE_PARTICIPANTS,
  W_TARGET,
  W_COVERAGE,
  W_PAGU,
  W_PROJECTION,
  W_NO_PARTICIPANTS,
  W_ENROLLMENT_TITLE,
  W_GAUGE_CATEGORY,
  W_NO_TARGET,
  W_SPENDING_TITLE,
  W_SPENDING_PROJECTION,
  W_SPENDING_SERIES,
  W_SPENDING_EMPTY,
  W_SECTORS_TITLE,
  W_SECTOR,
  W_DESIL_TITLE,
  W_DESIL,
  W_DESIL_N,
  W_DESIL_UNKNOWN,
  W_REGIONS_TITLE,
  W_KECAMATAN,
  W_KELURAHAN,
  W_TARGET_CHANGE,
  W_TARGET_CHANGE_NOTE,
  W_N
} Word;

/* { English, Indonesian }. Formats take the same conversions in the same order in both. */
static const char * const words[W_N][2] = {
  [W_ACTIVE]              = { "Active", "Aktif" },
  [W_ACTIVE_PARTICIPANTS] = { "Active participants", "Peserta aktif" },
  [W_TARGET]              = { "Target", "Sasaran" },
  [W_COVERAGE]            = { "Coverage", "Cakupan" },
  [W_PAGU]                = { "Pagu", "Pagu" },
  [W_PROJECTION]          = { "Projection", "Proyeksi" },
  [W_NO_PARTICIPANTS]     = { "No participants yet", "Belum ada peserta" },
  [W_ENROLLMENT_TITLE]    = { "Enrollment against the target", "Kepesertaan terhadap sasaran" },
  [W_GAUGE_CATEGORY]      = { "of the target is active", "dari sasaran sudah aktif" },
  [W_NO_TARGET]           = { "No target is set for this area and year",
                              "Belum ada sasaran untuk wilayah dan tahun ini" },
  [W_SPENDING_TITLE]      = { "Spending against the pagu, %d", "Belanja terhadap pagu, %d" },
  [W_SPENDING_PROJECTION] = { "Projection at the current enrollment",
                              "Proyeksi pada kepesertaan saat ini" },
  [W_SPENDING_SERIES]     = { "Realised, cumulative", "Realisasi kumulatif" },
  [W_SPENDING_EMPTY]      = { "No pagu and no payment for %d",
                              "Belum ada pagu maupun pembayaran untuk %d" },
  [W_SECTORS_TITLE]       = { "Active participants by sector", "Peserta aktif per sektor" },
  [W_SECTOR]              = { "Sector", "Sektor" },
  [W_DESIL_TITLE]         = { "Active participants by desil", "Peserta aktif per desil" },
  [W_DESIL]               = { "Desil", "Desil" },
  [W_DESIL_N]             = { "Desil %s", "Desil %s" },
  [W_DESIL_UNKNOWN]       = { "Desil unknown", "Desil tidak diketahui" },
  [W_REGIONS_TITLE]       = { "Active participants and target", "Peserta aktif dan sasaran" },
  [W_KECAMATAN]           = { "Kecamatan", "Kecamatan" },
  [W_KELURAHAN]           = { "Kelurahan", "Kelurahan" },
  /* Old and new target: "Target 26,500 → 10,000" */
  [W_TARGET_CHANGE]       = { "Target %s \u2192 %s", "Sasaran %s \u2192 %s" },
  /* Date, new target, old target */
  [W_TARGET_CHANGE_NOTE]  = { "From %s the target is %s (before: %s); coverage is measured "
                              "against the new target.",
                              "Sejak %s sasaran menjadi %s (sebelumnya %s); cakupan dihitung "
                              "terhadap sasaran baru." },
};

static const char *
word (SigapLang lang,
      Word      id)
{
  g_assert (id < W_N);

  return words[id][lang == SIGAP_LANG_ID ? 1 : 0];
}

/* Breakdown bars: active per row and, @with_targets, the targets as outlined bars. */
static SigapChart *
build_breakdown (GPtrArray  *rows,
                 const char *title,
                 const char *category_title,
                 gboolean    with_targets,
                 gboolean    desil,
                 SigapLang   lang)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_HBAR, title);
  g_autofree double *active = g_new (double, MAX (rows->len, 1));
  g_autofree double *target = g_new (double, MAX (rows->len, 1));
  gboolean any_target = FALSE;
  gboolean any_active = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = desil ? sigap_chart_desil_label (row, lang) : NULL;

      sigap_chart_add_category (chart, label != NULL ? label : row->name, row->code);
      active[i] = (double) row->active;
      target[i] = row->has_target ? (double) row->target : NAN;
      any_target |= row->has_target;
      any_active |= row->active != 0;
    }

  /* Nobody active and no target: the empty state, not a column of zeros. */
  if (!any_active && !(with_targets && any_target))
    for (guint i = 0; i < rows->len; i++)
      active[i] = NAN;

  sigap_chart_set_category_title (chart, category_title);
  sigap_chart_set_empty_text (chart, word (lang, W_NO_PARTICIPANTS));
  sigap_chart_set_projection_label (chart, word (lang, W_PROJECTION));
  sigap_chart_add_series (chart, word (lang, W_ACTIVE), active, rows->len);
  if (with_targets && any_target)
    {
      guint s = sigap_chart_add_series (chart, word (lang, W_TARGET), target, rows->len);

      sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);
    }

  return chart;
}

/**
 * sigap_chart_enrollment_first_month:
 * @months: (element-type SigapMonthPoint): oldest first
 *
 * Where the enrollment chart starts: the month before the first registration, so the line
 * rises from nothing rather than running along zero for months. A monthly table of the same
 * months starts there too (at the last month when this is @months->len).
 *
 * Returns: an index into @months (@months->len when nobody has registered by the last one)
 */
guint
sigap_chart_enrollment_first_month (GArray *months)
{
  guint first = 0;

  g_return_val_if_fail (months != NULL, 0);

  if (months->len == 0 || g_array_index (months, SigapMonthPoint, months->len - 1).registered == 0)
    return months->len;

  while (first + 1 < months->len &&
         g_array_index (months, SigapMonthPoint, first + 1).registered == 0)
    first++;

  return first;
}

/**
 * sigap_chart_desil_label:
 * @row: a row of the desil breakdown (code "1".."10" or "unknown")
 *
 * Returns: (transfer full): "Desil 3", "Desil tidak diketahui", in @lang
 */
char *
sigap_chart_desil_label (const SigapBreakdownRow *row,
                         SigapLang                lang)
{
  g_return_val_if_fail (row != NULL && row->code != NULL, NULL);

  if (g_ascii_isdigit (row->code[0]))
    return g_strdup_printf (word (lang, W_DESIL_N), row->code);

  return g_strdup (word (lang, W_DESIL_UNKNOWN));
}

/* Marks where the target changes (a new year's target), so that coverage jumping with no
 * change in enrollment explains itself: "Sasaran 26.500 → 10.000" at January. */
static void
add_target_changes (SigapChart *chart,
                    GArray     *months,
                    guint       first,
                    SigapLang   lang)
{
  g_autoptr(GArray) changes = sigap_target_changes (months);

  for (guint i = 0; i < changes->len; i++)
    {
      const SigapTargetChange *change = &g_array_index (changes, SigapTargetChange, i);
      g_autofree char *old_target = NULL;
      g_autofree char *new_target = NULL;
      g_autofree char *date = NULL;
      g_autofree char *label = NULL;
      g_autofree char *note = NULL;

      /* Before the chart's first month: the chart starts at the new target. */
      if (change->index <= first)
        continue;

      old_target = sigap_format_count (change->old_target, lang);
      new_target = sigap_format_count (change->new_target, lang);
      date = sigap_format_date (&change->from, lang, FALSE);
      label = g_strdup_printf (word (lang, W_TARGET_CHANGE), old_target, new_target);
      note = g_strdup_printf (word (lang, W_TARGET_CHANGE_NOTE), date, new_target, old_target);
      sigap_chart_add_annotation (chart, change->index - first, label, note);
    }
}

/**
 * sigap_chart_build_enrollment:
 * @months: (element-type SigapMonthPoint): sigap_figures_monthly(), oldest first
 *
 * Active participants at each month end as an area, and the year's target as a series of
 * its own (dashed) where any month has one, annotated where it changes (sigap_target_changes());
 * from sigap_chart_enrollment_first_month().
 *
 * Returns: (transfer full): the chart, titled "Enrollment against the target"
 */
SigapChart *
sigap_chart_build_enrollment (GArray    *months,
                              SigapLang  lang)
{
  SigapChart *chart;
  g_autoptr(GArray) active = NULL;
  g_autoptr(GArray) target = NULL;
  gboolean any_target = FALSE;
  guint first;

  g_return_val_if_fail (months != NULL, NULL);

  chart = sigap_chart_new (SIGAP_CHART_KIND_AREA, word (lang, W_ENROLLMENT_TITLE));
  active = g_array_new (FALSE, FALSE, sizeof (double));
  target = g_array_new (FALSE, FALSE, sizeof (double));
  first = sigap_chart_enrollment_first_month (months);

  for (guint i = first; i < months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      double a = (double) point->active;
      double t = point->has_target ? (double) point->target : NAN;

      sigap_chart_add_month (chart, point->year, point->month);
      g_array_append_val (active, a);
      g_array_append_val (target, t);
      any_target |= point->has_target;
    }

  sigap_chart_set_empty_text (chart, word (lang, W_NO_PARTICIPANTS));
  sigap_chart_set_projection_label (chart, word (lang, W_PROJECTION));

  /* Nobody registered yet: the empty state says so better than a line along zero. */
  if (active->len == 0 && months->len > 0)
    {
      const SigapMonthPoint *last = &g_array_index (months, SigapMonthPoint, months->len - 1);
      double none = NAN;

      sigap_chart_add_month (chart, last->year, last->month);
      g_array_append_val (active, none);
    }

  sigap_chart_add_series (chart, word (lang, W_ACTIVE_PARTICIPANTS),
                          (const double *) active->data, active->len);
  if (any_target)
    {
      guint s = sigap_chart_add_series (chart, word (lang, W_TARGET),
                                        (const double *) target->data, target->len);

      sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);
      add_target_changes (chart, months, first, lang);
    }

  return chart;
}

/**
 * sigap_chart_build_coverage_gauge:
 * @summary: the scope's figures
 *
 * The coverage of the target as a bullet gauge against 100 %; empty without a target.
 *
 * Returns: (transfer full): the chart, titled "Coverage"
 */
SigapChart *
sigap_chart_build_coverage_gauge (const SigapSummary *summary,
                                  SigapLang           lang)
{
  SigapChart *chart;
  double value;

  g_return_val_if_fail (summary != NULL, NULL);

  chart = sigap_chart_new (SIGAP_CHART_KIND_GAUGE, word (lang, W_COVERAGE));
  value = summary->has_coverage ? summary->coverage_pct : NAN;

  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_set_empty_text (chart, word (lang, W_NO_TARGET));
  sigap_chart_set_projection_label (chart, word (lang, W_PROJECTION));
  sigap_chart_add_category (chart, word (lang, W_GAUGE_CATEGORY), summary->scope_code);
  sigap_chart_add_series (chart, word (lang, W_COVERAGE), &value, 1);
  sigap_chart_add_reference (chart, word (lang, W_TARGET), 100);

  return chart;
}

/**
 * sigap_chart_build_spending:
 * @months: (element-type SigapMonthPoint): sigap_figures_monthly() up to the as-of month
 * @what_if: sigap_figures_what_if() at the current enrollment (or any scenario)
 * @year: the budget year, the as-of date's
 *
 * Series 0 is the realisation to each paid month's end, then, from the first unpaid month
 * on, the projection of @what_if (dashed), against the pagu as a reference line. With no
 * pagu and nothing paid or to pay, the chart is empty rather than a line along zero.
 *
 * Returns: (transfer full): the chart, titled "Spending against the pagu, @year"
 */
SigapChart *
sigap_chart_build_spending (GArray            *months,
                            const SigapWhatIf *what_if,
                            int                year,
                            SigapLang          lang)
{
  g_autofree char *title = NULL;
  SigapChart *chart;
  double values[12];
  int projected_from;   /* index of the first unpaid month */
  guint s;

  g_return_val_if_fail (months != NULL, NULL);
  g_return_val_if_fail (what_if != NULL, NULL);

  title = g_strdup_printf (word (lang, W_SPENDING_TITLE), year);
  chart = sigap_chart_new (SIGAP_CHART_KIND_LINE, title);
  projected_from = what_if->first_unpaid_month - 1;
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_RUPIAH);
  sigap_chart_set_projection_label (chart, word (lang, W_SPENDING_PROJECTION));

  for (int m = 1; m <= 12; m++)
    {
      values[m - 1] = NAN;
      sigap_chart_add_month (chart, year, m);

      if (m - 1 >= projected_from)
        values[m - 1] = (double) what_if->cumulative[m - 1];
      else
        for (guint i = 0; i < months->len; i++)
          {
            const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);

            if (point->year == year && point->month == m)
              values[m - 1] = (double) point->realised_to_date;
          }
    }

  if (what_if->pagu == 0 && what_if->projected_year_end == 0)
    {
      g_autofree char *empty = g_strdup_printf (word (lang, W_SPENDING_EMPTY), year);

      for (int m = 0; m < 12; m++)
        values[m] = NAN;
      sigap_chart_set_empty_text (chart, empty);
    }

  s = sigap_chart_add_series (chart, word (lang, W_SPENDING_SERIES), values, 12);
  if (projected_from < 12)
    sigap_chart_set_series_projected_from (chart, s, projected_from);
  if (what_if->pagu > 0)
    sigap_chart_add_reference (chart, word (lang, W_PAGU), (double) what_if->pagu);

  return chart;
}

/**
 * sigap_chart_build_sector_breakdown:
 * @rows: (element-type SigapBreakdownRow): sigap_figures_breakdown() by sector
 *
 * Returns: (transfer full): horizontal bars of the active participants per sector, with the
 *   sector targets as outlined bars where there are any
 */
SigapChart *
sigap_chart_build_sector_breakdown (GPtrArray *rows,
                                    SigapLang  lang)
{
  g_return_val_if_fail (rows != NULL, NULL);

  return build_breakdown (rows, word (lang, W_SECTORS_TITLE), word (lang, W_SECTOR), TRUE, FALSE,
                          lang);
}

/**
 * sigap_chart_build_desil:
 * @rows: (element-type SigapBreakdownRow): sigap_figures_breakdown() by desil
 *
 * Returns: (transfer full): horizontal bars of the active participants per desil, labelled
 *   in @lang (desil has no targets)
 */
SigapChart *
sigap_chart_build_desil (GPtrArray *rows,
                         SigapLang  lang)
{
  g_return_val_if_fail (rows != NULL, NULL);

  return build_breakdown (rows, word (lang, W_DESIL_TITLE), word (lang, W_DESIL), FALSE, TRUE,
                          lang);
}

/**
 * sigap_chart_build_regions:
 * @rows: (element-type SigapBreakdownRow): sigap_figures_breakdown() by kecamatan or kelurahan
 * @by: %SIGAP_BREAKDOWN_KECAMATAN or %SIGAP_BREAKDOWN_KELURAHAN: names the category axis
 *
 * Returns: (transfer full): horizontal bars of the active participants per region against
 *   the regions' targets, titled "Active participants and target"
 */
SigapChart *
sigap_chart_build_regions (GPtrArray      *rows,
                           SigapBreakdown  by,
                           SigapLang       lang)
{
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (by == SIGAP_BREAKDOWN_KECAMATAN || by == SIGAP_BREAKDOWN_KELURAHAN, NULL);

  return build_breakdown (rows, word (lang, W_REGIONS_TITLE),
                          word (lang, by == SIGAP_BREAKDOWN_KELURAHAN ? W_KELURAHAN : W_KECAMATAN),
                          TRUE, FALSE, lang);
}
