/* sigap-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapOverviewPage, "Ringkasan": is the programme on track? The headline figures (active
 * participants, coverage of the target, pagu, realisation and absorption, what remains, the
 * quota), each with its change since the previous month end, then the charts: enrollment
 * against the target over time, the coverage gauge, spending against the pagu with the
 * projection to 31 December, and the breakdowns by desil and by sector.
 *
 * Every figure is src/core's. The page only subtracts two of them for a change since the
 * previous month end, and lays a month series out as a chart. The queries run as four
 * jobs, so the two cores of an ordinary office PC share them; each job fills its own cards.
 */

#include <glib/gi18n.h>

#include "chart/sigap-chart-builders.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-card-grid.h"
#include "sigap-chart-card.h"
#include "sigap-kpi-card.h"
#include "sigap-overview-page.h"

/* The enrollment chart's reach: two years, trimmed to where the data start. */
#define TREND_MONTHS SIGAP_FIGURES_TREND_MONTHS

struct _SigapOverviewPage
{
  SigapPage       parent_instance;

  GtkLabel       *heading_label;
  GtkLabel       *subheading_label;
  SigapCardGrid  *kpi_grid;
  SigapCardGrid  *chart_grid;
  SigapKpiCard   *active_card;
  SigapKpiCard   *coverage_card;
  SigapKpiCard   *pagu_card;
  SigapKpiCard   *realised_card;
  SigapKpiCard   *remaining_card;
  SigapKpiCard   *quota_card;
  SigapChartCard *enrollment_card;
  SigapChartCard *gauge_card;
  SigapChartCard *spending_card;
  SigapChartCard *desil_card;
  SigapChartCard *sector_card;

  SigapLang       lang;
};

G_DEFINE_FINAL_TYPE (SigapOverviewPage, sigap_overview_page, SIGAP_TYPE_PAGE)

/* ---------------------------------------------------------------------------------------- */
/* Jobs, run in worker threads.                                                             */

typedef struct
{
  SigapSummary *now;
  SigapSummary *previous;   /* at the end of the month before the as-of date's month */
} KpiResult;

static void
kpi_result_free (KpiResult *result)
{
  g_clear_pointer (&result->now, sigap_summary_free);
  g_clear_pointer (&result->previous, sigap_summary_free);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KpiResult, kpi_result_free)

static gpointer
compute_kpis (SigapDatabase      *db,
              const SigapFilter  *filter,
              gpointer            data,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(KpiResult) result = g_new0 (KpiResult, 1);
  g_autoptr(SigapFilter) previous = sigap_filter_new_previous_month_end (filter);

  result->now = sigap_figures_summary (db, filter, error);
  if (result->now == NULL)
    return NULL;

  result->previous = sigap_figures_summary (db, previous, error);
  if (result->previous == NULL)
    return NULL;

  return g_steal_pointer (&result);
}

typedef struct
{
  GArray      *months;      /* SigapMonthPoint, oldest first, the last as of the date */
  SigapWhatIf  what_if;     /* the year at the current enrollment */
} TrendResult;

static void
trend_result_free (TrendResult *result)
{
  g_clear_pointer (&result->months, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrendResult, trend_result_free)

static gpointer
compute_trend (SigapDatabase      *db,
               const SigapFilter  *filter,
               gpointer            data,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(TrendResult) result = g_new0 (TrendResult, 1);

  result->months = sigap_figures_monthly (db, filter, TREND_MONTHS, error);
  if (result->months == NULL)
    return NULL;

  if (!sigap_figures_what_if (db, filter, 0, 1, &result->what_if, error))
    return NULL;

  return g_steal_pointer (&result);
}

static gpointer
compute_breakdown (SigapDatabase      *db,
                   const SigapFilter  *filter,
                   gpointer            data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  return sigap_figures_breakdown (db, filter, GPOINTER_TO_INT (data), error);
}

/* ---------------------------------------------------------------------------------------- */
/* Cards.                                                                                   */

static char *
count_or_none (gint64    value,
               gboolean  defined,
               SigapLang lang)
{
  return defined ? sigap_format_count (value, lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static void
show_kpis (SigapOverviewPage *self,
           const KpiResult   *result)
{
  const SigapSummary *now = result->now;
  const SigapSummary *before = result->previous;
  const GDate *since = &before->as_of;
  /* Budget figures are per year: a change across 1 January compares two budgets. */
  SigapSummaryChange change;
  SigapLang lang = self->lang;
  g_autofree char *as_of = sigap_format_date (&now->as_of, lang, FALSE);
  g_autofree char *subheading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;

  sigap_summary_change (now, before, &change);

  gtk_label_set_label (self->heading_label, now->scope_name);
  if (g_strcmp0 (now->scope_code, SIGAP_CITY_CODE) != 0)
    /* The pagu is not split by region: say so where a kecamatan's page shows it. */
    subheading = g_strdup_printf (_("%s · as of %s · the budget is the whole city’s"),
                                  sigap_segment_get_label (now->segment), as_of);
  else
    /* TRANSLATORS: under the page heading: "Vulnerable workers · as of 31 October 2026" */
    subheading = g_strdup_printf (_("%s · as of %s"), sigap_segment_get_label (now->segment),
                                  as_of);
  gtk_label_set_label (self->subheading_label, subheading);

  /* Active participants */
  text = sigap_format_count (now->active, lang);
  sigap_kpi_card_set_value (self->active_card, text, NULL);
  g_clear_pointer (&text, g_free);
  {
    g_autofree char *registered = sigap_format_count (now->registered, lang);
    g_autofree char *ended = sigap_format_count (now->ended, lang);

    /* TRANSLATORS: under the number of active participants */
    detail = g_strdup_printf (_("%s registered, %s ended"), registered, ended);
    sigap_kpi_card_set_detail (self->active_card, detail);
    g_clear_pointer (&detail, g_free);
  }
  sigap_kpi_card_set_count_change (self->active_card, change.active, since, lang);

  /* Coverage */
  text = now->has_coverage ? sigap_format_percent (now->coverage_pct, 1, lang)
                           : g_strdup (SIGAP_FORMAT_NO_VALUE);
  sigap_kpi_card_set_value (self->coverage_card, text, NULL);
  g_clear_pointer (&text, g_free);
  if (now->has_target)
    {
      g_autofree char *target = sigap_format_count (now->target, lang);

      /* TRANSLATORS: under the coverage: the target it is measured against */
      detail = g_strdup_printf (_("Target %s"), target);
    }
  else
    detail = g_strdup (_("No target set"));
  sigap_kpi_card_set_detail (self->coverage_card, detail);
  g_clear_pointer (&detail, g_free);
  if (change.has_coverage)
    sigap_kpi_card_set_points_change (self->coverage_card, change.coverage_points, since, lang);
  else
    sigap_kpi_card_set_change (self->coverage_card, NULL, SIGAP_KPI_TREND_NONE);

  /* Pagu */
  sigap_kpi_card_set_rupiah_value (self->pagu_card, now->pagu, now->has_pagu, lang);
  /* TRANSLATORS: under the pagu: "Budget year 2026" */
  detail = now->has_pagu ? g_strdup_printf (_("Budget year %d"), now->year)
                         : g_strdup_printf (_("No pagu recorded for %d"), now->year);
  sigap_kpi_card_set_detail (self->pagu_card, detail);
  g_clear_pointer (&detail, g_free);
  if (change.has_pagu)
    sigap_kpi_card_set_rupiah_change (self->pagu_card, change.pagu, since, lang);
  else
    sigap_kpi_card_set_change (self->pagu_card, NULL, SIGAP_KPI_TREND_NONE);

  /* Realised */
  sigap_kpi_card_set_rupiah_value (self->realised_card, now->realised, TRUE, lang);
  if (now->has_absorption)
    {
      g_autofree char *absorption = sigap_format_percent (now->absorption_pct, 1, lang);

      /* TRANSLATORS: under the realisation: "Absorption 74.2%" */
      detail = g_strdup_printf (_("Absorption %s"), absorption);
    }
  sigap_kpi_card_set_detail (self->realised_card, detail);
  g_clear_pointer (&detail, g_free);
  if (change.has_realised)
    sigap_kpi_card_set_rupiah_change (self->realised_card, change.realised, since, lang);
  else
    sigap_kpi_card_set_change (self->realised_card, NULL, SIGAP_KPI_TREND_NONE);

  /* Remaining */
  sigap_kpi_card_set_rupiah_value (self->remaining_card, now->remaining, now->has_pagu, lang);
  {
    g_autofree char *projected = sigap_format_rupiah_short (now->projected_year_end, lang);

    /* TRANSLATORS: under the remaining pagu: the spending expected by 31 December */
    detail = g_strdup_printf (_("Year-end projection %s"), projected);
    sigap_kpi_card_set_detail (self->remaining_card, detail);
    g_clear_pointer (&detail, g_free);
  }
  if (change.has_pagu)
    sigap_kpi_card_set_rupiah_change (self->remaining_card, change.remaining, since, lang);
  else
    sigap_kpi_card_set_change (self->remaining_card, NULL, SIGAP_KPI_TREND_NONE);

  /* Quota: what it covers, in the words the briefing and the command line use. */
  text = count_or_none (now->quota, now->has_quota, lang);
  sigap_kpi_card_set_value (self->quota_card, text, NULL);
  g_clear_pointer (&text, g_free);
  if (now->has_quota)
    detail = sigap_format_quota_covers (now->quota_months, now->quota_full_year, lang);
  else
    detail = g_strdup (now->quota_months == 0 ? _("No month of the year is left to enrol for")
                       : now->has_pagu ? _("Nothing left to pay this year")
                       : _("No pagu recorded"));
  sigap_kpi_card_set_detail (self->quota_card, detail);
  g_clear_pointer (&detail, g_free);
  /* The quota rises by itself as the months left get fewer: its change is no good news, so
   * it has no arrow, and says why when that is the case. */
  if (change.has_quota)
    {
      g_autofree char *date = sigap_format_date (since, lang, TRUE);
      g_autofree char *amount = sigap_format_count (ABS (change.quota), lang);
      g_autofree char *signed_amount = g_strdup_printf ("%s%s", change.quota > 0 ? "+"
                                                        : change.quota < 0 ? "\u2212" : "",
                                                        amount);

      if (now->quota_months < before->quota_months)
        /* TRANSLATORS: the quota's change: "+1,204 since 30 Sep 2026, with fewer months
         * left to pay for"; the first %s is the signed change, the second the date */
        text = g_strdup_printf (_("%s since %s, with fewer months left to pay for"),
                                signed_amount, date);
      else
        /* TRANSLATORS: a KPI card's change since the previous month end: "+123 since
         * 30 Sep 2026"; the first %s is the signed change, the second the date */
        text = g_strdup_printf (_("%s since %s"), signed_amount, date);
      sigap_kpi_card_set_change (self->quota_card, text, SIGAP_KPI_TREND_NONE);
      g_clear_pointer (&text, g_free);
    }
  else
    sigap_kpi_card_set_change (self->quota_card, NULL, SIGAP_KPI_TREND_NONE);

  /* The budget is not split by region: on a kecamatan's or kelurahan's page the budget
   * cards say on themselves that they are the city's. */
  {
    SigapKpiCard *budget_cards[] = {
      self->pagu_card, self->realised_card, self->remaining_card, self->quota_card,
    };
    gboolean city = g_strcmp0 (now->scope_code, SIGAP_CITY_CODE) == 0;

    for (guint i = 0; i < G_N_ELEMENTS (budget_cards); i++)
      /* TRANSLATORS: a badge on the budget's cards when a kecamatan is shown */
      sigap_kpi_card_set_badge (budget_cards[i], city ? NULL : _("whole city"));
  }
}

static void
show_gauge (SigapOverviewPage  *self,
            const SigapSummary *now)
{
  g_autoptr(SigapChart) chart = sigap_chart_build_coverage_gauge (now, self->lang);
  g_autofree char *subtitle = NULL;

  if (now->has_target)
    {
      g_autofree char *active = sigap_format_count (now->active, self->lang);
      g_autofree char *target = sigap_format_count (now->target, self->lang);

      /* TRANSLATORS: under the coverage gauge's title: "9,965 active of a target of 10,000" */
      subtitle = g_strdup_printf (_("%s active of a target of %s"), active, target);
    }

  sigap_chart_card_set_subtitle (self->gauge_card, subtitle);
  sigap_chart_card_set_chart (self->gauge_card, chart);
}

static void
kpis_done_cb (SigapPage    *page,
              gpointer      data,
              const GError *error)
{
  SigapOverviewPage *self = SIGAP_OVERVIEW_PAGE (page);
  g_autoptr(KpiResult) result = data;

  if (result == NULL)
    return;

  show_kpis (self, result);
  show_gauge (self, result->now);
}

static void
show_enrollment (SigapOverviewPage *self,
                 GArray            *months)
{
  g_autoptr(SigapChart) chart = sigap_chart_build_enrollment (months, self->lang);

  sigap_chart_card_set_chart (self->enrollment_card, chart);
}

static void
show_spending (SigapOverviewPage *self,
               GArray            *months,
               const SigapWhatIf *what_if)
{
  int year = g_array_index (months, SigapMonthPoint, months->len - 1).year;
  g_autoptr(SigapChart) chart = sigap_chart_build_spending (months, what_if, year, self->lang);
  g_autofree char *subtitle = NULL;

  if (what_if->pagu > 0)
    {
      g_autofree char *balance = sigap_format_rupiah_short (ABS (what_if->balance_year_end),
                                                            self->lang);

      if (what_if->lasts)
        /* TRANSLATORS: under the spending chart's title; %s is an amount */
        subtitle = g_strdup_printf (_("At the current enrollment the pagu lasts the year, "
                                      "%s to spare"), balance);
      else
        {
          g_autofree char *month = sigap_format_month (year, what_if->runs_out_month,
                                                       self->lang, FALSE);

          /* TRANSLATORS: under the spending chart's title: the month, then an amount */
          subtitle = g_strdup_printf (_("At the current enrollment the pagu runs out in %s, "
                                        "%s short"), month, balance);
        }
    }

  sigap_chart_card_set_subtitle (self->spending_card, subtitle);
  sigap_chart_card_set_chart (self->spending_card, chart);
}

static void
trend_done_cb (SigapPage    *page,
               gpointer      data,
               const GError *error)
{
  SigapOverviewPage *self = SIGAP_OVERVIEW_PAGE (page);
  g_autoptr(TrendResult) result = data;

  if (result == NULL || result->months->len == 0)
    return;

  show_enrollment (self, result->months);
  show_spending (self, result->months, &result->what_if);
}

static void
sectors_done_cb (SigapPage    *page,
                 gpointer      data,
                 const GError *error)
{
  SigapOverviewPage *self = SIGAP_OVERVIEW_PAGE (page);
  g_autoptr(GPtrArray) rows = data;
  g_autoptr(SigapChart) chart = NULL;

  if (rows == NULL)
    return;

  chart = sigap_chart_build_sector_breakdown (rows, self->lang);
  sigap_chart_card_set_chart (self->sector_card, chart);
}

static void
desil_done_cb (SigapPage    *page,
               gpointer      data,
               const GError *error)
{
  SigapOverviewPage *self = SIGAP_OVERVIEW_PAGE (page);
  g_autoptr(GPtrArray) rows = data;
  g_autoptr(SigapChart) chart = NULL;

  if (rows == NULL)
    return;

  chart = sigap_chart_build_desil (rows, self->lang);
  sigap_chart_card_set_chart (self->desil_card, chart);
}

static void
sigap_overview_page_load (SigapPage *page)
{

  /* The longest query first, so it starts on a core of its own. */
  sigap_page_run_query (page, compute_breakdown, GINT_TO_POINTER (SIGAP_BREAKDOWN_DESIL), NULL,
                        (GDestroyNotify) g_ptr_array_unref, NULL, desil_done_cb);
  sigap_page_run_query (page, compute_kpis, NULL, NULL,
                        (GDestroyNotify) kpi_result_free, NULL, kpis_done_cb);
  sigap_page_run_query (page, compute_trend, NULL, NULL,
                        (GDestroyNotify) trend_result_free, NULL, trend_done_cb);
  sigap_page_run_query (page, compute_breakdown, GINT_TO_POINTER (SIGAP_BREAKDOWN_SECTOR), NULL,
                        (GDestroyNotify) g_ptr_array_unref, NULL, sectors_done_cb);
}

static void
sigap_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGAP_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (sigap_overview_page_parent_class)->dispose (object);
}

static void
sigap_overview_page_class_init (SigapOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SigapPageClass *page_class = SIGAP_PAGE_CLASS (klass);

  object_class->dispose = sigap_overview_page_dispose;
  page_class->load = sigap_overview_page_load;

  g_type_ensure (SIGAP_TYPE_CARD_GRID);
  g_type_ensure (SIGAP_TYPE_CHART_CARD);
  g_type_ensure (SIGAP_TYPE_KPI_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sigap-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, kpi_grid);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, active_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, coverage_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, pagu_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, realised_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, remaining_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, quota_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, enrollment_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, gauge_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, spending_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, desil_card);
  gtk_widget_class_bind_template_child (widget_class, SigapOverviewPage, sector_card);
}

static void
sigap_overview_page_init (SigapOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The headline figures: one Tab stop, the arrow keys between the cards. */
  sigap_card_grid_set_single_tab_stop (self->kpi_grid, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kpi_grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key figures"),
                                  -1);

  self->lang = sigap_lang_from_locale ();

  sigap_kpi_card_set_title (self->active_card, _("Active participants"));
  sigap_kpi_card_set_title (self->coverage_card, _("Coverage"));
  sigap_kpi_card_set_title (self->pagu_card, _("Pagu"));
  sigap_kpi_card_set_title (self->realised_card, _("Realised"));
  sigap_kpi_card_set_title (self->remaining_card, _("Remaining"));
  sigap_kpi_card_set_title (self->quota_card, _("Quota"));

  /* A gauge is a bar and a number: in a column of its own it needs little height. */
  sigap_chart_view_set_natural_height (sigap_chart_card_get_view (self->gauge_card), 150);
  sigap_card_grid_set_span (self->chart_grid, GTK_WIDGET (self->enrollment_card), 2);
  sigap_card_grid_set_span (self->chart_grid, GTK_WIDGET (self->spending_card), 2);
  sigap_card_grid_set_span (self->chart_grid, GTK_WIDGET (self->sector_card), 3);

  /* Each chart's figures as a workbook, from its menu: the tables of src/report. */
  sigap_chart_card_set_export_table (self->enrollment_card, "monthly", NULL);
  sigap_chart_card_set_export_table (self->gauge_card, "figures", NULL);
  sigap_chart_card_set_export_table (self->spending_card, "monthly", NULL);
  sigap_chart_card_set_export_table (self->desil_card, "desil", NULL);
  sigap_chart_card_set_export_table (self->sector_card, "sector", NULL);

  /* The viewport would give the page its minimum height, squeezing every chart card to its
   * own; the cards' natural heights are the ones their charts are drawn for. */
  gtk_scrollable_set_vscroll_policy (
    GTK_SCROLLABLE (gtk_scrolled_window_get_child (
      GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (self))))),
    GTK_SCROLL_NATURAL);
}

GtkWidget *
sigap_overview_page_new (void)
{
  return g_object_new (SIGAP_TYPE_OVERVIEW_PAGE, NULL);
}
