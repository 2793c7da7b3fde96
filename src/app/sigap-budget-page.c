/* sigap-budget-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapBudgetPage, "Anggaran": the year's pagu and what has been done with it. Headline
 * figures (pagu, realisation and absorption, what remains, the year-end projection), the
 * cumulative realisation with its projection to 31 December against the pagu, a what-if
 * under the chart ("with N more workers from month M, does the pagu last?"), the pagu by
 * year and source, the basis of the projection (premium, enrollment, months unpaid, quota)
 * and the year's SP2D one by one.
 *
 * Every figure is src/core's: the projection and the what-if are sigap_figures_what_if(),
 * the payments sigap_figures_payments(), the pagu lines sigap_figures_budget_lines(). The
 * budget is the city's whatever the scope filter says, as in src/core.
 */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "chart/sigap-chart-builders.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-a11y.h"
#include "sigap-budget-page.h"
#include "sigap-card-grid.h"
#include "sigap-chart-card.h"
#include "sigap-data-table.h"
#include "sigap-kpi-card.h"
#include "sigap-table-menu.h"

/* Typing "1500" in the spin button should run one what-if, not four. */
#define WHAT_IF_DELAY_MS 150

typedef struct
{
  SigapSummary *summary;
  GPtrArray    *payments;   /* SigapPayment */
  GPtrArray    *lines;      /* SigapBudgetLine */
  GArray       *months;     /* SigapMonthPoint, January to the as-of month */
  SigapWhatIf   base;       /* the year at the current enrollment */
} BudgetResult;

struct _SigapBudgetPage
{
  SigapPage             parent_instance;

  GtkLabel             *heading_label;
  GtkLabel             *subheading_label;
  SigapCardGrid        *kpi_grid;
  SigapCardGrid        *main_grid;
  SigapKpiCard         *pagu_card;
  SigapKpiCard         *realised_card;
  SigapKpiCard         *remaining_card;
  SigapKpiCard         *projection_card;
  SigapChartCard       *cumulative_card;
  AdwPreferencesGroup  *budget_group;
  AdwPreferencesGroup  *basis_group;
  AdwActionRow         *unpaid_row;
  GtkLabel             *premium_label;
  GtkLabel             *active_city_label;
  GtkLabel             *unpaid_label;
  GtkLabel             *quota_label;
  AdwActionRow         *quota_row;
  GtkWidget            *payments_card;
  GtkBox               *payments_header;
  GtkLabel             *payments_subtitle;
  SigapDataTable       *payments_table;

  /* The what-if, under the chart. */
  GtkSpinButton        *workers_spin;
  GtkDropDown          *month_dropdown;
  GtkStringList        *month_names;
  GtkLabel             *verdict_label;
  GtkLabel             *verdict_detail_label;

  GPtrArray            *budget_rows;
  BudgetResult         *current;
  SigapWhatIf          *scenario;       /* NULL when no extra worker is asked for */
  GCancellable         *what_if_cancellable;
  guint                 what_if_source;
  int                   first_unpaid;   /* 1..12, 13 when the year is paid for */
  gboolean              updating;
  SigapLang             lang;
};

G_DEFINE_FINAL_TYPE (SigapBudgetPage, sigap_budget_page, SIGAP_TYPE_PAGE)

static void
budget_result_free (BudgetResult *result)
{
  g_clear_pointer (&result->summary, sigap_summary_free);
  g_clear_pointer (&result->payments, g_ptr_array_unref);
  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_clear_pointer (&result->months, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgetResult, budget_result_free)

/* ---------------------------------------------------------------------------------------- */
/* Jobs, run in worker threads.                                                             */

static gpointer
compute_budget (SigapDatabase      *db,
                const SigapFilter  *filter,
                gpointer            data,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(BudgetResult) result = g_new0 (BudgetResult, 1);

  result->summary = sigap_figures_summary (db, filter, error);
  if (result->summary == NULL)
    return NULL;

  result->payments = sigap_figures_payments (db, filter, error);
  if (result->payments == NULL)
    return NULL;

  result->lines = sigap_figures_budget_lines (db, filter, error);
  if (result->lines == NULL)
    return NULL;

  result->months = sigap_figures_monthly (db, filter, g_date_get_month (&filter->as_of), error);
  if (result->months == NULL)
    return NULL;

  if (!sigap_figures_what_if (db, filter, 0, 1, &result->base, error))
    return NULL;

  return g_steal_pointer (&result);
}

typedef struct
{
  gint64 extra_workers;
  int    from_month;
} WhatIfRequest;

static gpointer
compute_what_if (SigapDatabase      *db,
                 const SigapFilter  *filter,
                 gpointer            data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  const WhatIfRequest *request = data;
  g_autofree SigapWhatIf *what_if = g_new0 (SigapWhatIf, 1);

  if (!sigap_figures_what_if (db, filter, request->extra_workers, request->from_month, what_if,
                              error))
    return NULL;

  return g_steal_pointer (&what_if);
}

/* ---------------------------------------------------------------------------------------- */
/* The chart and the what-if.                                                               */

static void
show_chart (SigapBudgetPage *self)
{
  const BudgetResult *result = self->current;
  const SigapWhatIf *base = &result->base;
  int year = result->summary->year;
  int projected_from = base->first_unpaid_month - 1;   /* index of the first unpaid month */
  g_autoptr(SigapChart) chart = sigap_chart_build_spending (result->months, base, year,
                                                            self->lang);
  g_autofree char *title = NULL;
  guint s;

  /* TRANSLATORS: %d is the budget year */
  title = g_strdup_printf (_("Cumulative realisation and projection, %d"), year);
  sigap_chart_set_title (chart, title);
  /* A scenario's line is a projection too, so the dashes cannot say "current enrollment". */
  sigap_chart_set_projection_label (chart, _("Projection"));

  if (self->scenario != NULL && self->scenario->extra_workers > 0 && projected_from < 12)
    {
      g_autofree char *count = sigap_format_count (self->scenario->extra_workers, self->lang);
      g_autofree char *name = NULL;
      double scenario[12];

      for (int i = 0; i < 12; i++)
        {
          if (i >= projected_from)
            scenario[i] = (double) self->scenario->cumulative[i];
          else if (i == projected_from - 1)
            /* joins the line where the projections start */
            scenario[i] = sigap_chart_get_value (chart, 0, (guint) i);
          else
            scenario[i] = NAN;
        }

      /* TRANSLATORS: a series of the budget chart: "With 1,000 more workers" */
      name = g_strdup_printf (_("With %s more workers"), count);
      s = sigap_chart_add_series (chart, name, scenario, 12);
      sigap_chart_set_series_projected_from (chart, s, projected_from);
    }

  sigap_chart_card_set_chart (self->cumulative_card, chart);
}

static void
show_verdict (SigapBudgetPage *self)
{
  const SigapWhatIf *what_if = self->scenario != NULL ? self->scenario : &self->current->base;
  int year = self->current->summary->year;
  g_autofree char *verdict = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *balance = sigap_format_rupiah_short (ABS (what_if->balance_year_end),
                                                        self->lang);
  g_autofree char *projected = sigap_format_rupiah_short (what_if->projected_year_end,
                                                          self->lang);
  g_autofree char *pagu = sigap_format_rupiah_short (what_if->pagu, self->lang);

  if (what_if->pagu <= 0)
    {
      /* TRANSLATORS: %d is the budget year */
      verdict = g_strdup_printf (_("No pagu is recorded for %d"), year);
    }
  else if (what_if->lasts)
    {
      /* TRANSLATORS: the what-if's verdict; %d is the year */
      verdict = g_strdup_printf (_("The pagu lasts to 31 December %d"), year);
      /* TRANSLATORS: under the verdict: amount left, spending projected, the pagu */
      detail = g_strdup_printf (_("%s to spare: spending projected at %s of a pagu of %s"),
                                balance, projected, pagu);
    }
  else
    {
      g_autofree char *month = sigap_format_month (year, what_if->runs_out_month, self->lang,
                                                   FALSE);

      /* TRANSLATORS: the what-if's verdict: "The pagu runs out in November 2026" */
      verdict = g_strdup_printf (_("The pagu runs out in %s"), month);
      /* TRANSLATORS: under the verdict: amount missing, spending projected, the pagu */
      detail = g_strdup_printf (_("%s short: spending projected at %s of a pagu of %s"),
                                balance, projected, pagu);
    }

  if (self->first_unpaid > 12)
    {
      g_clear_pointer (&detail, g_free);
      /* TRANSLATORS: %d is the budget year */
      detail = g_strdup_printf (_("Every month of %d is already paid for"), year);
    }

  gtk_label_set_label (self->verdict_label, verdict);
  gtk_label_set_label (self->verdict_detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_detail_label), detail != NULL);
}

static int
selected_month (SigapBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->month_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || self->first_unpaid > 12)
    return 0;

  return self->first_unpaid + (int) selected;
}

static void
what_if_done_cb (SigapPage    *page,
                 gpointer      data,
                 const GError *error)
{
  SigapBudgetPage *self = SIGAP_BUDGET_PAGE (page);

  if (data == NULL || self->current == NULL)
    {
      g_free (data);
      return;
    }

  g_clear_pointer (&self->scenario, g_free);
  self->scenario = data;
  show_chart (self);
  show_verdict (self);
}

static void
run_what_if (SigapBudgetPage *self)
{
  gint64 extra = (gint64) gtk_spin_button_get_value (self->workers_spin);
  int month = selected_month (self);
  WhatIfRequest *request;

  g_clear_handle_id (&self->what_if_source, g_source_remove);
  g_cancellable_cancel (self->what_if_cancellable);
  g_clear_object (&self->what_if_cancellable);

  if (self->current == NULL)
    return;

  if (extra <= 0 || month < 1 || month > 12)
    {
      gboolean had_scenario = self->scenario != NULL;

      g_clear_pointer (&self->scenario, g_free);
      if (had_scenario)
        show_chart (self);
      show_verdict (self);
      return;
    }

  request = g_new0 (WhatIfRequest, 1);
  request->extra_workers = extra;
  request->from_month = month;
  self->what_if_cancellable = g_cancellable_new ();
  sigap_page_run_query (SIGAP_PAGE (self), compute_what_if, request, g_free, g_free,
                        self->what_if_cancellable, what_if_done_cb);
}

static gboolean
what_if_timeout_cb (gpointer user_data)
{
  SigapBudgetPage *self = user_data;

  self->what_if_source = 0;
  run_what_if (self);
  return G_SOURCE_REMOVE;
}

static void
what_if_changed_cb (SigapBudgetPage *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->what_if_source, g_source_remove);
  self->what_if_source = g_timeout_add (WHAT_IF_DELAY_MS, what_if_timeout_cb, self);
}

/* The months the extra workers may start from: those not yet paid for. */
static void
update_months (SigapBudgetPage *self,
               int              first_unpaid)
{
  int previous = selected_month (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->updating = TRUE;
  self->first_unpaid = first_unpaid;

  for (int m = first_unpaid; m <= 12; m++)
    g_ptr_array_add (names, sigap_format_month (self->current->summary->year, m, self->lang,
                                                FALSE));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->month_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->month_names)),
                          (const char * const *) names->pdata);

  if (previous >= first_unpaid && previous <= 12)
    gtk_drop_down_set_selected (self->month_dropdown, (guint) (previous - first_unpaid));
  else if (first_unpaid <= 12)
    gtk_drop_down_set_selected (self->month_dropdown, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->workers_spin), first_unpaid <= 12);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_dropdown), first_unpaid <= 12);
  self->updating = FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* The rest of the page.                                                                    */

static void
show_kpis (SigapBudgetPage    *self,
           const BudgetResult *result)
{
  const SigapSummary *summary = result->summary;
  const SigapWhatIf *base = &result->base;
  SigapLang lang = self->lang;
  g_autofree char *detail = NULL;

  sigap_kpi_card_set_rupiah_value (self->pagu_card, summary->pagu, summary->has_pagu, lang);
  detail = g_strdup_printf (_("Budget year %d"), summary->year);
  sigap_kpi_card_set_detail (self->pagu_card, detail);
  g_clear_pointer (&detail, g_free);

  sigap_kpi_card_set_rupiah_value (self->realised_card, summary->realised, TRUE, lang);
  if (summary->has_absorption)
    {
      g_autofree char *absorption = sigap_format_percent (summary->absorption_pct, 1, lang);

      detail = g_strdup_printf (_("Absorption %s"), absorption);
    }
  sigap_kpi_card_set_detail (self->realised_card, detail);
  g_clear_pointer (&detail, g_free);

  sigap_kpi_card_set_rupiah_value (self->remaining_card, summary->remaining, summary->has_pagu,
                                   lang);
  sigap_kpi_card_set_detail (self->remaining_card, _("Pagu less realisation"));

  sigap_kpi_card_set_rupiah_value (self->projection_card, summary->projected_year_end, TRUE, lang);
  if (base->pagu > 0)
    {
      g_autofree char *balance = sigap_format_rupiah_short (ABS (base->balance_year_end), lang);

      /* TRANSLATORS: under the year-end projection: "Rp492 juta under the pagu" */
      detail = g_strdup_printf (base->lasts ? _("%s under the pagu") : _("%s over the pagu"),
                                balance);
    }
  sigap_kpi_card_set_detail (self->projection_card, detail);
}

static void
show_heading (SigapBudgetPage    *self,
              const BudgetResult *result)
{
  const SigapSummary *summary = result->summary;
  g_autofree char *heading = NULL;
  g_autofree char *as_of = sigap_format_date (&summary->as_of, self->lang, FALSE);
  g_autofree char *subheading = NULL;

  /* TRANSLATORS: the budget page's heading; %d is the year */
  heading = g_strdup_printf (_("Budget %d"), summary->year);
  gtk_label_set_label (self->heading_label, heading);

  if (g_strcmp0 (summary->scope_code, SIGAP_CITY_CODE) != 0)
    /* TRANSLATORS: the first %s is the segment, the second the date */
    subheading = g_strdup_printf (_("%s · as of %s · the budget is the whole city’s"),
                                  sigap_segment_get_label (summary->segment), as_of);
  else
    subheading = g_strdup_printf (_("%s · as of %s"), sigap_segment_get_label (summary->segment),
                                  as_of);
  gtk_label_set_label (self->subheading_label, subheading);
}

static void
show_budget_lines (SigapBudgetPage *self,
                   GPtrArray       *lines)
{
  for (guint i = 0; i < self->budget_rows->len; i++)
    adw_preferences_group_remove (self->budget_group, g_ptr_array_index (self->budget_rows, i));
  g_ptr_array_set_size (self->budget_rows, 0);

  if (lines->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No pagu recorded"));
      adw_preferences_group_add (self->budget_group, row);
      g_ptr_array_add (self->budget_rows, row);
      return;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const SigapBudgetLine *line = g_ptr_array_index (lines, i);
      g_autofree char *title = g_strdup_printf ("%d · %s", line->year, line->funding_source);
      g_autofree char *amount = sigap_format_rupiah (line->pagu, self->lang);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (amount);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sigap_segment_get_label (line->segment));
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      sigap_a11y_name_row_value (row, amount);
      adw_preferences_group_add (self->budget_group, row);
      g_ptr_array_add (self->budget_rows, row);
    }
}

/* The figure beside a row's title is part of what the row reads as. */
static void
name_basis_row (GtkLabel   *label,
                const char *value)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_ROW);

  if (row != NULL)
    sigap_a11y_name_row_value (row, value);
}

static void
show_basis (SigapBudgetPage    *self,
            const BudgetResult *result)
{
  const SigapSummary *summary = result->summary;
  g_autofree char *premium = sigap_format_rupiah (summary->premium_monthly, self->lang);
  g_autofree char *active = sigap_format_count (summary->active_city, self->lang);
  g_autofree char *unpaid = g_strdup_printf ("%d", summary->months_unpaid);
  g_autofree char *quota = summary->has_quota ? sigap_format_count (summary->quota, self->lang)
                                              : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *quota_covers = NULL;
  g_autofree char *months = NULL;

  gtk_label_set_label (self->premium_label, premium);
  gtk_label_set_label (self->active_city_label, active);
  gtk_label_set_label (self->unpaid_label, unpaid);
  gtk_label_set_label (self->quota_label, quota);
  name_basis_row (self->premium_label, premium);
  name_basis_row (self->active_city_label, active);
  name_basis_row (self->unpaid_label, unpaid);
  name_basis_row (self->quota_label, quota);
  if (summary->has_quota)
    quota_covers = sigap_format_quota_covers (summary->quota_months, summary->quota_full_year,
                                              self->lang);
  adw_action_row_set_subtitle (self->quota_row,
                               quota_covers != NULL ? quota_covers
                               : summary->quota_months == 0
                               ? _("No month of the year is left to enrol for")
                               : _("More workers the pagu can still cover"));

  if (summary->months_unpaid > 0)
    {
      int first = 13 - summary->months_unpaid;
      g_autofree char *from = sigap_format_month (summary->year, first, self->lang, FALSE);
      g_autofree char *to = sigap_format_month (summary->year, 12, self->lang, FALSE);

      months = first == 12 ? g_strdup (to) : g_strdup_printf ("%s – %s", from, to);
    }

  adw_action_row_set_subtitle (self->unpaid_row, months != NULL ? months : "");
}

static char *
period_text (const SigapPayment *payment,
             SigapLang           lang)
{
  const GDate *start = &payment->period_start;
  const GDate *end = &payment->period_end;

  if (!g_date_valid (start) || !g_date_valid (end))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  if (g_date_get_year (start) == g_date_get_year (end) &&
      g_date_get_month (start) == g_date_get_month (end))
    return sigap_format_month (g_date_get_year (start), g_date_get_month (start), lang, FALSE);

  {
    g_autofree char *from = sigap_format_month (g_date_get_year (start),
                                                g_date_get_month (start), lang, TRUE);
    g_autofree char *to = sigap_format_month (g_date_get_year (end), g_date_get_month (end),
                                              lang, TRUE);

    return g_strdup_printf ("%s – %s", from, to);
  }
}

static void
show_payments (SigapBudgetPage    *self,
               const BudgetResult *result)
{
  const char *headers[] = {
    _("Paid on"), _("SP2D number"), _("Segment"), _("Period"), _("Workers"), _("Amount"),
  };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, FALSE, TRUE, TRUE };
  const SigapSummary *summary = result->summary;
  g_autofree char *as_of = sigap_format_date (&summary->as_of, self->lang, FALSE);
  g_autofree char *subtitle = NULL;
  g_autofree char *total = sigap_format_rupiah (summary->realised, self->lang);
  const char *total_row[] = { _("Total"), "", "", "", "", total };

  sigap_data_table_set_columns (self->payments_table, headers, numeric, G_N_ELEMENTS (headers));

  for (guint i = 0; i < result->payments->len; i++)
    {
      const SigapPayment *payment = g_ptr_array_index (result->payments, i);
      g_autofree char *paid_on = sigap_format_date (&payment->paid_on, self->lang, TRUE);
      g_autofree char *period = period_text (payment, self->lang);
      g_autofree char *workers = sigap_format_count (payment->participants, self->lang);
      g_autofree char *amount = sigap_format_rupiah (payment->amount, self->lang);
      const char *cells[] = {
        paid_on, payment->sp2d_number, sigap_segment_get_label (payment->segment), period,
        workers, amount,
      };

      sigap_data_table_append_row (self->payments_table, cells);
    }

  sigap_data_table_append_row (self->payments_table, total_row);
  sigap_data_table_set_total_row (self->payments_table, TRUE);

  if (result->payments->len > 0)
    /* TRANSLATORS: under "Realisation by SP2D": the year, then the as-of date */
    subtitle = g_strdup_printf (_("Payments of %d up to %s"), summary->year, as_of);
  else
    subtitle = g_strdup_printf (_("No payment of %d up to %s"), summary->year, as_of);
  gtk_label_set_label (self->payments_subtitle, subtitle);
}

static void
budget_done_cb (SigapPage    *page,
                gpointer      data,
                const GError *error)
{
  SigapBudgetPage *self = SIGAP_BUDGET_PAGE (page);
  gint64 extra;

  if (data == NULL)
    return;

  g_clear_pointer (&self->current, budget_result_free);
  self->current = data;
  g_clear_pointer (&self->scenario, g_free);

  show_heading (self, self->current);
  show_kpis (self, self->current);
  show_budget_lines (self, self->current->lines);
  show_basis (self, self->current);
  show_payments (self, self->current);
  update_months (self, self->current->base.first_unpaid_month);
  show_chart (self);
  show_verdict (self);

  extra = (gint64) gtk_spin_button_get_value (self->workers_spin);
  if (extra > 0)
    run_what_if (self);
}

static void
sigap_budget_page_load (SigapPage *page)
{
  SigapBudgetPage *self = SIGAP_BUDGET_PAGE (page);

  g_clear_handle_id (&self->what_if_source, g_source_remove);
  g_cancellable_cancel (self->what_if_cancellable);
  g_clear_object (&self->what_if_cancellable);

  sigap_page_run_query (page, compute_budget, NULL, NULL, (GDestroyNotify) budget_result_free,
                        NULL, budget_done_cb);
}

/* The spin button shows "1.500" in Indonesian, "1,500" in English, and reads either. */
static gboolean
workers_output_cb (GtkSpinButton   *spin,
                   SigapBudgetPage *self)
{
  gint64 value = (gint64) gtk_spin_button_get_value (spin);
  g_autofree char *text = sigap_format_count (value, self->lang);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
workers_input_cb (GtkSpinButton   *spin,
                  double          *new_value,
                  SigapBudgetPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '.' && *p != ',' && *p != ' ')
        return GTK_INPUT_ERROR;
    }

  *new_value = digits->len > 0 ? g_ascii_strtod (digits->str, NULL) : 0;
  return TRUE;
}

static void
add_field (GtkWidget *grid,
           GtkWidget *field)
{
  gtk_widget_set_halign (field, GTK_ALIGN_START);
  sigap_card_grid_append (SIGAP_CARD_GRID (grid), field, 1);
}

static GtkWidget *
build_what_if (SigapBudgetPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *controls = sigap_card_grid_new ();
  GtkWidget *field;
  GtkWidget *label;
  GtkWidget *title;
  GtkAdjustment *adjustment;

  gtk_widget_add_css_class (box, "what-if");
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  title = gtk_label_new (_("What if more workers enrol?"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* The two fields side by side, or one above the other in a narrow window. */
  g_object_set (controls, "max-columns", 2, "min-column-width", 200, "column-spacing", 18,
                "row-spacing", 6, NULL);
  gtk_widget_set_halign (controls, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), controls);

  field = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Additional workers"));
  adjustment = gtk_adjustment_new (0, 0, 3000000, 100, 1000, 0);
  self->workers_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 100, 0));
  g_signal_connect (self->workers_spin, "output", G_CALLBACK (workers_output_cb), self);
  g_signal_connect (self->workers_spin, "input", G_CALLBACK (workers_input_cb), self);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->workers_spin), 8);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->workers_spin));
  g_signal_connect_swapped (self->workers_spin, "value-changed",
                            G_CALLBACK (what_if_changed_cb), self);
  gtk_box_append (GTK_BOX (field), label);
  gtk_box_append (GTK_BOX (field), GTK_WIDGET (self->workers_spin));
  add_field (controls, field);

  field = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_From"));
  self->month_names = gtk_string_list_new (NULL);
  self->month_dropdown =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->month_names)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->month_dropdown));
  {
    g_autoptr(GtkListItemFactory) factory = sigap_a11y_label_factory_new ();
    g_autoptr(GtkListItemFactory) list_factory = sigap_a11y_label_factory_new ();

    gtk_drop_down_set_factory (self->month_dropdown, factory);
    gtk_drop_down_set_list_factory (self->month_dropdown, list_factory);
  }
  sigap_a11y_track_drop_down (self->month_dropdown, _("First month of the extra workers"));
  g_signal_connect_swapped (self->month_dropdown, "notify::selected",
                            G_CALLBACK (what_if_changed_cb), self);
  gtk_box_append (GTK_BOX (field), label);
  gtk_box_append (GTK_BOX (field), GTK_WIDGET (self->month_dropdown));
  add_field (controls, field);

  self->verdict_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->verdict_label, 0);
  gtk_label_set_wrap (self->verdict_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "title-4");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "what-if-verdict");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->verdict_label));

  self->verdict_detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->verdict_detail_label, 0);
  gtk_label_set_wrap (self->verdict_detail_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_detail_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->verdict_detail_label));

  return box;
}

static void
sigap_budget_page_dispose (GObject *object)
{
  SigapBudgetPage *self = SIGAP_BUDGET_PAGE (object);

  g_clear_handle_id (&self->what_if_source, g_source_remove);
  g_cancellable_cancel (self->what_if_cancellable);
  g_clear_object (&self->what_if_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), SIGAP_TYPE_BUDGET_PAGE);

  G_OBJECT_CLASS (sigap_budget_page_parent_class)->dispose (object);
}

static void
sigap_budget_page_finalize (GObject *object)
{
  SigapBudgetPage *self = SIGAP_BUDGET_PAGE (object);

  g_clear_pointer (&self->current, budget_result_free);
  g_clear_pointer (&self->scenario, g_free);
  g_clear_pointer (&self->budget_rows, g_ptr_array_unref);
  g_clear_object (&self->month_names);

  G_OBJECT_CLASS (sigap_budget_page_parent_class)->finalize (object);
}

static void
sigap_budget_page_class_init (SigapBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SigapPageClass *page_class = SIGAP_PAGE_CLASS (klass);

  object_class->dispose = sigap_budget_page_dispose;
  object_class->finalize = sigap_budget_page_finalize;
  page_class->load = sigap_budget_page_load;

  g_type_ensure (SIGAP_TYPE_CARD_GRID);
  g_type_ensure (SIGAP_TYPE_CHART_CARD);
  g_type_ensure (SIGAP_TYPE_DATA_TABLE);
  g_type_ensure (SIGAP_TYPE_KPI_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sigap-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, kpi_grid);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, main_grid);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, pagu_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, realised_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, remaining_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, projection_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, cumulative_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, budget_group);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, payments_header);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, basis_group);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, unpaid_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, premium_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, active_city_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, unpaid_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, quota_label);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, quota_row);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, payments_card);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, payments_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SigapBudgetPage, payments_table);
}

static void
sigap_budget_page_init (SigapBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The headline figures: one Tab stop, the arrow keys between the cards. */
  sigap_data_table_set_name (self->payments_table, _("Payments"));
  sigap_card_grid_set_single_tab_stop (self->kpi_grid, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kpi_grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key figures"),
                                  -1);

  self->lang = sigap_lang_from_locale ();
  self->budget_rows = g_ptr_array_new ();
  self->first_unpaid = 13;

  /* Each table's menu: that table as a workbook (the budget is the city's at any scope). */
  sigap_chart_card_set_export_table (self->cumulative_card, "monthly", NULL);
  {
    GtkWidget *budget_menu = sigap_table_menu_new ();
    GtkWidget *payments_menu = sigap_table_menu_new ();

    sigap_table_menu_set_table (GTK_MENU_BUTTON (budget_menu), "budget", NULL);
    adw_preferences_group_set_header_suffix (self->budget_group, budget_menu);
    sigap_table_menu_set_table (GTK_MENU_BUTTON (payments_menu), "payments", NULL);
    gtk_box_append (self->payments_header, payments_menu);
  }

  sigap_kpi_card_set_title (self->pagu_card, _("Pagu"));
  sigap_kpi_card_set_title (self->realised_card, _("Realised"));
  sigap_kpi_card_set_title (self->remaining_card, _("Remaining"));
  sigap_kpi_card_set_title (self->projection_card, _("Year-end projection"));

  sigap_chart_card_add_footer (self->cumulative_card, build_what_if (self));
  sigap_card_grid_set_span (self->main_grid, GTK_WIDGET (self->cumulative_card), 2);
  sigap_card_grid_set_span (self->main_grid, GTK_WIDGET (self->payments_card), 2);

  /* The viewport would give the page its minimum height, squeezing every chart card to its
   * own; the cards' natural heights are the ones their charts are drawn for. */
  gtk_scrollable_set_vscroll_policy (
    GTK_SCROLLABLE (gtk_scrolled_window_get_child (
      GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (self))))),
    GTK_SCROLL_NATURAL);
}

GtkWidget *
sigap_budget_page_new (void)
{
  return g_object_new (SIGAP_TYPE_BUDGET_PAGE, NULL);
}

/**
 * sigap_budget_page_set_what_if:
 * @extra_workers: workers on top of those active
 * @from_month: the first month they are paid for (1..12); a month already paid for is
 *   replaced by the first unpaid one
 *
 * Sets the what-if's controls and computes it at once.
 */
void
sigap_budget_page_set_what_if (SigapBudgetPage *self,
                               gint64           extra_workers,
                               int              from_month)
{
  g_return_if_fail (SIGAP_IS_BUDGET_PAGE (self));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->workers_spin, (double) extra_workers);
  if (self->first_unpaid <= 12)
    gtk_drop_down_set_selected (self->month_dropdown,
                                (guint) MAX (from_month - self->first_unpaid, 0));
  self->updating = FALSE;

  run_what_if (self);
}

/**
 * sigap_budget_page_get_verdict:
 *
 * Returns: the what-if's verdict as shown ("The pagu lasts to 31 December 2026")
 */
const char *
sigap_budget_page_get_verdict (SigapBudgetPage *self)
{
  g_return_val_if_fail (SIGAP_IS_BUDGET_PAGE (self), NULL);

  return gtk_label_get_label (self->verdict_label);
}
