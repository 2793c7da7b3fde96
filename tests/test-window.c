/* test-window.c: the dashboard window on a demo database (needs a display: xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>

#include "app/sigap-application.h"
#include "app/sigap-budget-page.h"
#include "app/sigap-chart-card.h"
#include "app/sigap-chart-view.h"
#include "app/sigap-data-table.h"
#include "app/sigap-filter-bar.h"
#include "app/sigap-filter-model.h"
#include "app/sigap-kpi-card.h"
#include "app/sigap-wilayah-page.h"
#include "app/sigap-window.h"
#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

static char *tmp_dir;
static char *demo_db;
static SigapApplication *app;

/* ---------------------------------------------------------------------------------------- */

static SigapWindow *
open_window_sized (const char *path,
                   int         width,
                   int         height)
{
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sigap_window_open_database (window, path);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  return window;
}

static SigapWindow *
open_window (const char *path)
{
  return open_window_sized (path, 1280, 800);
}

static SigapSummary *
core_summary (const SigapFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  SigapSummary *summary;

  g_assert_no_error (error);
  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);

  return summary;
}

static SigapKpiCard *
kpi_card (GtkWidget  *page,
          const char *title)
{
  g_autoptr(GPtrArray) cards = sigap_test_find_all (page, SIGAP_TYPE_KPI_CARD);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (sigap_kpi_card_get_title (cards->pdata[i]), title) == 0)
      return cards->pdata[i];

  g_error ("no KPI card “%s”", title);
  return NULL;
}

static void
assert_rupiah_card (GtkWidget  *page,
                    const char *title,
                    gint64      amount,
                    SigapLang   lang)
{
  SigapKpiCard *card = kpi_card (page, title);
  g_autofree char *shown = sigap_format_rupiah_short (amount, lang);
  g_autofree char *exact = sigap_format_rupiah (amount, lang);

  g_assert_cmpstr (sigap_kpi_card_get_value (card), ==, shown);
  if (g_strcmp0 (shown, exact) != 0)
    g_assert_cmpstr (sigap_kpi_card_get_exact (card), ==, exact);
}

static void
assert_count_card (GtkWidget  *page,
                   const char *title,
                   gint64      count,
                   SigapLang   lang)
{
  g_autofree char *text = sigap_format_count (count, lang);

  g_assert_cmpstr (sigap_kpi_card_get_value (kpi_card (page, title)), ==, text);
}

/* Every chart of @page has data and has been drawn. */
static void
assert_charts_drawn (GtkWidget *page,
                     guint      min_charts)
{
  g_autoptr(GPtrArray) views = sigap_test_find_all (page, SIGAP_TYPE_CHART_VIEW);

  g_assert_cmpuint (views->len, >=, min_charts);
  for (guint i = 0; i < views->len; i++)
    {
      SigapChartView *view = views->pdata[i];

      g_assert_nonnull (sigap_chart_view_get_chart (view));
      g_assert_true (sigap_chart_view_get_drawn (view));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 100);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 100);
    }
}

/* The figures `sigap summary` prints for @filter, in the same words. */
static char *
cli_summary (const SigapFilter *filter)
{
  const char *bin = g_getenv ("SIGAP_BIN");
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = {
    bin, "summary", "--db", demo_db, "--as-of", as_of, "--segment",
    sigap_segment_to_string (filter->segment), "--scope", filter->scope, NULL,
  };

  if (bin == NULL)
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* ---------------------------------------------------------------------------------------- */

static void
check_overview_figures (SigapWindow *window)
{
  GtkWidget *page = sigap_window_get_page (window, "ringkasan");
  const SigapFilter *filter = sigap_window_get_filter (window);
  g_autoptr(SigapSummary) summary = core_summary (filter);
  g_autofree char *coverage = sigap_format_percent (summary->coverage_pct, 1, SIGAP_LANG_EN);
  g_autofree char *cli = cli_summary (filter);
  SigapLang lang = sigap_lang_from_locale ();

  g_assert_cmpint (lang, ==, SIGAP_LANG_EN);
  assert_count_card (page, "Active participants", summary->active, lang);
  g_assert_cmpstr (sigap_kpi_card_get_value (kpi_card (page, "Coverage")), ==, coverage);
  assert_rupiah_card (page, "Pagu", summary->pagu, lang);
  assert_rupiah_card (page, "Realised", summary->realised, lang);
  assert_rupiah_card (page, "Remaining", summary->remaining, lang);
  assert_count_card (page, "Quota", summary->quota, lang);

  /* The exact amounts are those `sigap summary` prints. */
  if (cli != NULL)
    {
      const char *titles[] = { "Active participants", "Pagu", "Realised", "Remaining", "Quota" };

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          SigapKpiCard *card = kpi_card (page, titles[i]);
          const char *exact = sigap_kpi_card_get_exact (card);

          g_assert_nonnull (strstr (cli, exact != NULL ? exact : sigap_kpi_card_get_value (card)));
        }
      g_assert_nonnull (strstr (cli, coverage));
    }
}

/* Whether a label the window shows says @text. */
static gboolean
shows_label (SigapWindow *window,
             const char  *text)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* The header names the open database, wide (beside the view switcher) and narrow (under the
 * title): which of several is open is never a guess. */
static void
test_window_names_database (void)
{
  g_autofree char *name = g_path_get_basename (demo_db);
  const int widths[] = { 1280, 420 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr(SigapWindow) window = g_object_ref_sink (open_window_sized (demo_db, widths[i],
                                                                            800));

      g_test_message ("%d pixels wide", widths[i]);
      g_assert_true (shows_label (window, name));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_window_opens (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  const SigapFilter *filter = sigap_window_get_filter (window);
  g_autoptr(SigapDatabase) db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY, NULL);
  GDate cutoff;

  g_assert_null (sigap_window_get_error (window));
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_cmpstr (sigap_window_get_database (window), ==, demo_db);
  /* The keyboard shortcuts window, from gtk/help-overlay.ui in the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* The default filter: the data cut-off, the city, the SIGAP segment. */
  g_assert_true (sigap_database_get_cutoff (db, &cutoff));
  g_assert_cmpint (g_date_compare (&filter->as_of, &cutoff), ==, 0);
  g_assert_cmpstr (filter->scope, ==, SIGAP_CITY_CODE);
  g_assert_cmpint (filter->segment, ==, SIGAP_SEGMENT_RENTAN);

  assert_charts_drawn (sigap_window_get_page (window, "ringkasan"), 5);
  check_overview_figures (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_filters (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  g_autoptr(SigapFilter) filter = sigap_filter_copy (sigap_window_get_filter (window));

  /* Another segment, a kecamatan and a mid-month date: the cards follow core. */
  filter->segment = SIGAP_SEGMENT_ALL;
  g_free (filter->scope);
  filter->scope = g_strdup ("32.75.03");
  g_date_set_dmy (&filter->as_of, 15, G_DATE_AUGUST, 2026);
  sigap_window_set_filter (window, filter);
  g_assert_true (sigap_window_get_busy (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  g_assert_true (sigap_filter_equal (sigap_window_get_filter (window), filter));
  check_overview_figures (window);
  assert_charts_drawn (sigap_window_get_page (window, "ringkasan"), 5);

  /* Refresh (F5) reopens the file and keeps what is being looked at. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  g_assert_true (sigap_window_get_busy (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_true (sigap_filter_equal (sigap_window_get_filter (window), filter));
  check_overview_figures (window);

  /* Picking a day in the filter bar's calendar sets the date. */
  {
    g_autoptr(GPtrArray) calendars = sigap_test_find_all (GTK_WIDGET (window), GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 9, 30, 0, 0, 0);

    g_assert_cmpuint (calendars->len, ==, 1);
    gtk_calendar_select_day (calendars->pdata[0], day);
    g_assert_cmpint (g_date_get_day (&sigap_window_get_filter (window)->as_of), ==, 30);
    g_assert_cmpint (g_date_get_month (&sigap_window_get_filter (window)->as_of), ==, 9);
    sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
    check_overview_figures (window);
  }

  /* Dates outside the data are kept within them. */
  g_date_set_dmy (&filter->as_of, 1, G_DATE_JANUARY, 2030);
  sigap_window_set_filter (window, filter);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  {
    g_autoptr(SigapDatabase) db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                       NULL);
    GDate cutoff;

    g_assert_true (sigap_database_get_cutoff (db, &cutoff));
    g_assert_cmpint (g_date_compare (&sigap_window_get_filter (window)->as_of, &cutoff), ==, 0);
  }
  check_overview_figures (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_budget_page (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  GtkWidget *page = sigap_window_get_page (window, "anggaran");
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  SigapDataTable *payments;
  g_autofree char *total = NULL;
  SigapLang lang = sigap_lang_from_locale ();

  g_assert_true (sigap_window_set_page (window, "anggaran"));
  g_assert_false (sigap_window_set_page (window, "no-such-page"));
  /* The page loads when shown. */
  g_assert_true (sigap_window_get_busy (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  summary = core_summary (sigap_window_get_filter (window));
  assert_rupiah_card (page, "Pagu", summary->pagu, lang);
  assert_rupiah_card (page, "Realised", summary->realised, lang);
  assert_rupiah_card (page, "Remaining", summary->remaining, lang);
  assert_rupiah_card (page, "Year-end projection", summary->projected_year_end, lang);
  assert_charts_drawn (page, 1);

  /* The SP2D table ends with a total equal to the realisation. */
  tables = sigap_test_find_all (page, SIGAP_TYPE_DATA_TABLE);
  payments = NULL;
  for (guint i = 0; i < tables->len; i++)
    if (sigap_data_table_get_n_columns (tables->pdata[i]) == 6)
      payments = tables->pdata[i];
  g_assert_nonnull (payments);
  g_assert_cmpuint (sigap_data_table_get_n_rows (payments), >=, 2);
  total = sigap_format_rupiah (summary->realised, lang);
  g_assert_cmpstr (sigap_data_table_get_cell (payments, sigap_data_table_get_n_rows (payments) - 1,
                                              5), ==, total);
  g_assert_cmpstr (sigap_data_table_get_cell (payments, 0, 1), !=, "");

  /* The what-if: at the current enrollment the demo's pagu lasts; three million more
   * workers from December do not fit. */
  g_assert_true (g_str_has_prefix (sigap_budget_page_get_verdict (SIGAP_BUDGET_PAGE (page)),
                                   "The pagu lasts"));
  sigap_budget_page_set_what_if (SIGAP_BUDGET_PAGE (page), 3000000, 12);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_true (g_str_has_prefix (sigap_budget_page_get_verdict (SIGAP_BUDGET_PAGE (page)),
                                   "The pagu runs out in December"));
  sigap_budget_page_set_what_if (SIGAP_BUDGET_PAGE (page), 0, 12);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_true (g_str_has_prefix (sigap_budget_page_get_verdict (SIGAP_BUDGET_PAGE (page)),
                                   "The pagu lasts"));

  gtk_window_destroy (GTK_WINDOW (window));
}


/* The trend charts (lines, areas) of @page_name in a window of @width × @height: each plot,
 * the rectangle inside the axes, as the window allocates it, is at least 160 px tall (it
 * was about 30 px when the pages' viewport squeezed the cards to their minimum heights).
 * Returns how many such charts there were. */
static guint
check_trend_plots (SigapWindow *window,
                   const char  *page_name,
                   int          width,
                   int          height)
{
  GtkWidget *page = sigap_window_get_page (window, page_name);
  g_autoptr(GPtrArray) views = NULL;
  guint n = 0;

  g_assert_true (sigap_window_set_page (window, page_name));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  views = sigap_test_find_all (page, SIGAP_TYPE_CHART_VIEW);
  for (guint i = 0; i < views->len; i++)
    {
      SigapChartView *view = views->pdata[i];
      SigapChart *chart = sigap_chart_view_get_chart (view);
      SigapChartRect plot;

      if (chart == NULL || (sigap_chart_get_kind (chart) != SIGAP_CHART_KIND_LINE &&
                            sigap_chart_get_kind (chart) != SIGAP_CHART_KIND_AREA))
        continue;

      while (!sigap_chart_view_get_drawn (view) || gtk_widget_get_height (GTK_WIDGET (view)) == 0)
        g_main_context_iteration (NULL, TRUE);

      sigap_chart_view_get_plot_area (view, &plot);
      g_test_message ("%dx%d %s: \"%s\" view %dx%d, plot %.0fx%.0f", width, height, page_name,
                      sigap_chart_get_title (chart), gtk_widget_get_width (GTK_WIDGET (view)),
                      gtk_widget_get_height (GTK_WIDGET (view)), plot.width, plot.height);
      g_assert_cmpfloat (plot.height, >=, 160);
      g_assert_cmpfloat (plot.width, >=, 160);
      n++;
    }

  return n;
}

static void
test_window_trend_plots (void)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1920, 1080 }, { 420, 800 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SigapWindow) window =
        g_object_ref_sink (open_window_sized (demo_db, sizes[i][0], sizes[i][1]));
      GdkDisplay *display = gdk_display_get_default ();
      GdkMonitor *monitor;
      GdkRectangle geometry;

      /* A window larger than the (virtual) screen is cut to it: then it is not that size. */
      monitor = gdk_display_get_monitor_at_surface (display,
                                                    gtk_native_get_surface (GTK_NATIVE (window)));
      gdk_monitor_get_geometry (monitor, &geometry);
      if (geometry.width < sizes[i][0] || geometry.height < sizes[i][1])
        {
          g_test_message ("the screen is %dx%d: no %dx%d window", geometry.width,
                          geometry.height, sizes[i][0], sizes[i][1]);
          gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }

      /* Enrollment and spending on the overview, the cumulative realisation on the budget. */
      g_assert_cmpuint (check_trend_plots (window, "ringkasan", sizes[i][0], sizes[i][1]), ==, 2);
      g_assert_cmpuint (check_trend_plots (window, "anggaran", sizes[i][0], sizes[i][1]), ==, 1);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_window_accessible (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  GtkWidget *page = sigap_window_get_page (window, "ringkasan");
  g_autoptr(GPtrArray) cards = sigap_test_find_all (page, SIGAP_TYPE_CHART_CARD);
  g_autoptr(GPtrArray) kpis = sigap_test_find_all (page, SIGAP_TYPE_KPI_CARD);

  g_assert_cmpuint (cards->len, ==, 5);
  for (guint i = 0; i < cards->len; i++)
    {
      SigapChartCard *card = cards->pdata[i];
      SigapChartView *view = sigap_chart_card_get_view (card);
      g_autofree char *description = sigap_chart_view_dup_description (view);
      const char *title = sigap_chart_card_get_title (card);

      g_assert_cmpstr (title, !=, "");
      gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
      g_assert_cmpuint (strlen (description), >, 20);
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           description);
      gtk_test_accessible_assert_role (card, GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
    }

  g_assert_cmpuint (kpis->len, ==, 6);
  for (guint i = 0; i < kpis->len; i++)
    gtk_test_accessible_assert_role (kpis->pdata[i], GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_chart_table_and_keyboard (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  GtkWidget *page = sigap_window_get_page (window, "ringkasan");
  g_autoptr(GPtrArray) cards = sigap_test_find_all (page, SIGAP_TYPE_CHART_CARD);
  guint n_annotations = 0;

  for (guint i = 0; i < cards->len; i++)
    {
      SigapChartCard *card = cards->pdata[i];
      SigapChart *chart = sigap_chart_card_get_chart (card);
      SigapChartView *view = sigap_chart_card_get_view (card);
      SigapDataTable *table = sigap_chart_card_get_table (card);
      const SigapChartCategory *category = sigap_chart_get_category (chart, 0);
      const char *text;

      /* "Show as table": a row per category (and per reference line). */
      sigap_chart_card_set_show_table (card, TRUE);
      g_assert_cmpuint (sigap_data_table_get_n_rows (table), >=,
                        sigap_chart_get_n_categories (chart));
      g_assert_cmpuint (sigap_data_table_get_n_columns (table), ==,
                        1 + sigap_chart_get_n_series (chart) +
                        (sigap_chart_get_kind (chart) == SIGAP_CHART_KIND_DONUT ? 1 : 0) +
                        (sigap_chart_get_n_annotations (chart) > 0 ? 1 : 0));
      /* An annotation (the target's change) in a column of its own, on its month's row. */
      for (guint a = 0; a < sigap_chart_get_n_annotations (chart); a++)
        {
          const SigapChartAnnotation *annotation = sigap_chart_get_annotation (chart, a);

          g_assert_cmpstr (sigap_data_table_get_cell (table, annotation->category,
                                                      sigap_data_table_get_n_columns (table) - 1),
                           ==, annotation->description);
          n_annotations++;
        }
      sigap_chart_card_set_show_table (card, FALSE);

      /* The keyboard's category is read out with its figures. */
      sigap_chart_view_set_selected (view, 0);
      text = sigap_chart_view_get_selection_text (view);
      g_assert_nonnull (text);
      if (category->month == 0)
        g_assert_true (g_str_has_prefix (text, category->label));
      sigap_chart_view_set_selected (view, -1);
      g_assert_null (sigap_chart_view_get_selection_text (view));
    }
  /* The demo's target changes at New Year: the enrollment chart marks it. */
  g_assert_cmpuint (n_annotations, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
category_activated_cb (SigapChartView *view,
                       guint           index,
                       const char     *key,
                       char          **out_key)
{
  g_free (*out_key);
  *out_key = g_strdup (key);
}

static void
test_window_keyboard (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  GtkWidget *page = sigap_window_get_page (window, "ringkasan");
  g_autoptr(GPtrArray) cards = sigap_test_find_all (page, SIGAP_TYPE_CHART_CARD);
  SigapChartCard *sector_card = NULL;
  SigapChartView *view;
  SigapChart *chart;
  g_autofree char *activated = NULL;

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (sigap_chart_card_get_title (cards->pdata[i]),
                   "Active participants by sector") == 0)
      sector_card = cards->pdata[i];
  g_assert_nonnull (sector_card);

  view = sigap_chart_card_get_view (sector_card);
  chart = sigap_chart_view_get_chart (view);
  g_signal_connect (view, "category-activated", G_CALLBACK (category_activated_cb), &activated);

  /* Arrows move the highlighted category, Home and End jump, Enter activates. */
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==, -1);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Down));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Right));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_End));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==,
                   (int) sigap_chart_get_n_categories (chart) - 1);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return));
  g_assert_cmpstr (activated, ==, sigap_chart_get_category (chart, 0)->key);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Escape));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==, -1);
  g_assert_false (press_key (GTK_WIDGET (view), GDK_KEY_a));

  /* Alt+2 and Alt+1 switch pages (win.show-page). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "anggaran");
  g_assert_true (sigap_window_get_page (window, "anggaran") ==
                 adw_view_stack_get_visible_child (ADW_VIEW_STACK (gtk_widget_get_parent (page))));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Wilayah page's map is a chart view too: its arrows step on the grid, Enter drills. */
static void
test_window_map_keyboard (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  SigapWilayahPage *page;
  SigapChartView *view;
  SigapChartMap *map;
  g_autofree char *activated = NULL;
  guint column, row, next_column, next_row;
  int selected;

  sigap_window_set_page (window, "wilayah");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  page = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));
  view = sigap_wilayah_page_get_map_view (page);
  map = sigap_chart_view_get_map (view);
  g_assert_nonnull (map);
  g_assert_null (sigap_chart_view_get_chart (view));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view), "map"));
  g_signal_connect (view, "category-activated", G_CALLBACK (category_activated_cb), &activated);

  /* The first arrow picks the first tile; Right moves to a tile further right on the grid,
   * or stays on the right edge. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Right));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==, 0);
  sigap_chart_map_get_cell (map, 0, &column, &row);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Right));
  selected = sigap_chart_view_get_selected (view);
  sigap_chart_map_get_cell (map, selected, &next_column, &next_row);
  if (selected != 0)
    g_assert_cmpuint (next_column, >, column);
  for (guint i = 0; i < sigap_chart_map_get_n_regions (map) && selected == 0; i++)
    {
      sigap_chart_map_get_cell (map, i, &next_column, &next_row);
      g_assert_cmpuint (next_column, <=, column);
    }

  /* The figures of the tile: its name first. */
  g_assert_true (g_str_has_prefix (sigap_chart_view_get_selection_text (view),
                                   sigap_chart_map_get_region_name (map, selected)));

  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_End));
  g_assert_cmpint (sigap_chart_view_get_selected (view), ==,
                   (int) sigap_chart_map_get_n_regions (map) - 1);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return));
  g_assert_cmpstr (activated, ==,
                   sigap_chart_map_get_region_code (map, sigap_chart_map_get_n_regions (map) - 1));
  g_signal_handlers_disconnect_by_func (view, category_activated_cb, &activated);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* The filter model alone: one ::changed a change, none for the same filter, dates kept
 * within the data. */
static void
test_filter_model (void)
{
  g_autoptr(SigapFilterModel) model = sigap_filter_model_new ();
  g_autoptr(SigapFilter) filter = NULL;
  GDate first, last, as_of;
  guint changed = 0;

  g_signal_connect (model, "changed", G_CALLBACK (count_cb), &changed);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2024);
  g_date_set_dmy (&last, 31, G_DATE_OCTOBER, 2026);

  filter = sigap_filter_new (&last, "32.75.03", SIGAP_SEGMENT_ALL);
  g_assert_true (sigap_filter_model_set_filter (model, filter));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (sigap_filter_model_set_filter (model, filter));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (sigap_filter_model_get_scope (model), ==, "32.75.03");
  g_assert_cmpint (sigap_filter_model_get_segment (model), ==, SIGAP_SEGMENT_ALL);

  sigap_filter_model_set_scope (model, NULL);
  g_assert_cmpstr (sigap_filter_model_get_scope (model), ==, SIGAP_CITY_CODE);
  g_assert_cmpuint (changed, ==, 2);

  /* A date after the data, once the model knows them, is their last. */
  sigap_filter_model_set_date_range (model, &first, &last);
  g_assert_cmpuint (changed, ==, 2);
  g_date_set_dmy (&as_of, 1, G_DATE_JANUARY, 2030);
  sigap_filter_model_set_as_of (model, &as_of);
  sigap_filter_model_get_as_of (model, &as_of);
  g_assert_cmpint (g_date_compare (&as_of, &last), ==, 0);
  g_assert_cmpuint (changed, ==, 2);
  g_date_set_dmy (&as_of, 15, G_DATE_AUGUST, 2026);
  sigap_filter_model_set_as_of (model, &as_of);
  g_assert_cmpuint (changed, ==, 3);
}

/* One filter: the bar and every page hold the window's model; setting it (as a drill on the
 * Wilayah page does) moves the bar and the pages, and the bar writes into it. */
static void
test_window_filter_model (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (demo_db));
  g_autoptr(GPtrArray) bars = sigap_test_find_all (GTK_WIDGET (window), SIGAP_TYPE_FILTER_BAR);
  g_auto(GStrv) names = sigap_window_dup_page_names (window);
  SigapFilterModel *model;
  SigapWilayahPage *wilayah;
  GtkDropDown *scope_dropdown;
  g_autoptr(GPtrArray) drop_downs = NULL;

  g_assert_cmpuint (bars->len, ==, 1);
  model = sigap_filter_bar_get_model (bars->pdata[0]);
  g_assert_nonnull (model);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (sigap_page_get_filter_model (SIGAP_PAGE (sigap_window_get_page (window,
                                                                                   names[i])))
                   == model);

  /* A drill on the Wilayah page sets the model: the bar and the overview follow. */
  sigap_window_set_page (window, "wilayah");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  wilayah = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));
  sigap_wilayah_page_drill (wilayah, "32.75.05");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_filter_model_get_scope (model), ==, "32.75.05");
  g_assert_cmpstr (sigap_window_get_filter (window)->scope, ==, "32.75.05");
  drop_downs = sigap_test_find_all (bars->pdata[0], GTK_TYPE_DROP_DOWN);
  scope_dropdown = drop_downs->pdata[0];
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (scope_dropdown)),
                   ==, "Rawalumbu");
  sigap_window_set_page (window, "ringkasan");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_page_get_filter (SIGAP_PAGE (sigap_window_get_page (window,
                                                                           "ringkasan")))->scope,
                   ==, "32.75.05");

  /* The bar writes what the user picks into the model. */
  gtk_drop_down_set_selected (scope_dropdown, 0);
  g_assert_cmpstr (sigap_filter_model_get_scope (model), ==, SIGAP_CITY_CODE);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_demo_data (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sigap", "demo.sigap",
                                                NULL);
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (sigap_window_get_state (window), ==, "welcome");

  /* Cancelled: back to the welcome page, no file left behind. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "progress");
  g_assert_true (sigap_window_get_busy (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-demo", NULL);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "welcome");
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  /* Created in the user's data folder, then opened. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "progress");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_cmpstr (sigap_window_get_database (window), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The second time it is only opened. */
  window = sigap_window_new (app);
  sigap_window_set_persistent (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "loading");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_empty_and_missing (void)
{
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.sigap", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.sigap", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (empty, SIGAP_DATABASE_OPEN_CREATE, &error);
  SigapWindow *window;

  g_assert_no_error (error);
  g_clear_object (&db);

  window = open_window (empty);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "welcome");
  g_assert_null (sigap_window_get_error (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (missing);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "welcome");
  g_assert_error (sigap_window_get_error (window), SIGAP_DATABASE_ERROR,
                  SIGAP_DATABASE_ERROR_NOT_FOUND);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_screenshot (const char * const *args,
                int                *out_status,
                char              **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("SIGAP_BIN"));
  g_ptr_array_add (argv, (char *) "screenshot");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                out_stderr, out_status, &error);
  g_assert_no_error (error);
}

static void
test_screenshot (void)
{
  g_autofree char *png = g_build_filename (tmp_dir, "anggaran-dark.png", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("SIGAP_BIN") == NULL)
    {
      g_test_skip ("SIGAP_BIN is not set");
      return;
    }

  {
    const char *args[] = {
      "--db", demo_db, "--page", "anggaran", "--width", "900", "--height", "700", "--dark",
      "--output", png, NULL,
    };

    run_screenshot (args, &status, &err);
    g_assert_null (strstr (err, "sigap screenshot:"));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 900);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 700);
  g_clear_pointer (&err, g_free);

  /* Errors: one line, non-zero exit, no file. */
  {
    g_autofree char *none = g_build_filename (tmp_dir, "none.png", NULL);
    const char *args[] = { "--db", demo_db, "--page", "nope", "--output", none, NULL };

    run_screenshot (args, &status, &err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (err, "sigap screenshot: "));
    /* One line. */
    g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *none = g_build_filename (tmp_dir, "none.png", NULL);
    const char *args[] = {
      "--db", demo_db, "--scope", "32.75.99", "--output", none, NULL,
    };

    run_screenshot (args, &status, &err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "32.75.99"));
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  /* The demo data land in the user's data folder: a temporary one. */
  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-window-XXXXXX", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 5000);

  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/window/opens", test_window_opens);
  g_test_add_func ("/sigap/window/names-database", test_window_names_database);
  g_test_add_func ("/sigap/window/filters", test_window_filters);
  g_test_add_func ("/sigap/window/budget-page", test_window_budget_page);
  g_test_add_func ("/sigap/window/trend-plots", test_window_trend_plots);
  g_test_add_func ("/sigap/window/accessible", test_window_accessible);
  g_test_add_func ("/sigap/window/chart-table-and-keyboard", test_window_chart_table_and_keyboard);
  g_test_add_func ("/sigap/window/keyboard", test_window_keyboard);
  g_test_add_func ("/sigap/window/filter-model-alone", test_filter_model);
  g_test_add_func ("/sigap/window/filter-model", test_window_filter_model);
  g_test_add_func ("/sigap/window/map-keyboard", test_window_map_keyboard);
  g_test_add_func ("/sigap/window/demo-data", test_window_demo_data);
  g_test_add_func ("/sigap/window/empty-and-missing", test_window_empty_and_missing);
  g_test_add_func ("/sigap/window/screenshot", test_screenshot);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);

  return status;
}
