/* test-a11y.c: what a screen reader is told about the window's controls (issue 15), through
 * GTK's accessibility test API (needs a display: xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The AT-SPI side, the window as Orca reads it, is tests/a11y-audit.py.
 */
#include <adwaita.h>

#include "app/sigap-application.h"
#include "app/sigap-card-grid.h"
#include "app/sigap-chart-card.h"
#include "app/sigap-data-table.h"
#include "app/sigap-filter-bar.h"
#include "app/sigap-heat-grid.h"
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

static SigapWindow *
open_window (void)
{
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  sigap_window_open_database (window, demo_db);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  return g_object_ref_sink (window);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) all = sigap_test_find_all (root, type);

  g_assert_cmpuint (all->len, >, 0);
  return all->pdata[0];
}

/* The label below @root showing exactly @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Tabs through the whole window: how many Tab steps in a row the focus stays in @area, the
 * most found on a cycle (0: never reached). */
static guint
tab_stops_in (SigapWindow *window,
              GtkWidget   *area)
{
  guint run = 0, most = 0;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 300; i++)
    {
      GtkWidget *focus;

      /* Past the last stop, around to the first, as GtkWindow's Tab binding does. */
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          gtk_window_set_focus (GTK_WINDOW (window), NULL);
          gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
        }
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (is_inside (focus, area))
        {
          run++;
          most = MAX (most, run);
        }
      else
        run = 0;
    }
  return most;
}

/* ---------------------------------------------------------------------------------------- */

static void
test_filter_bar (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *bar = find_first (GTK_WIDGET (window), SIGAP_TYPE_FILTER_BAR);
  g_autoptr(GPtrArray) drop_downs = sigap_test_find_all (bar, GTK_TYPE_DROP_DOWN);
  GtkDropDown *region = drop_downs->pdata[0];
  GtkDropDown *segment = drop_downs->pdata[1];
  GtkWidget *region_button = gtk_widget_get_first_child (GTK_WIDGET (region));
  GListModel *regions = gtk_drop_down_get_model (region);
  g_autoptr(GtkStringObject) second = g_list_model_get_item (regions, 1);
  g_autofree char *expected = NULL;
  GtkWidget *item_label;

  g_assert_cmpuint (drop_downs->len, ==, 2);
  gtk_test_accessible_assert_role (bar, GTK_ACCESSIBLE_ROLE_TOOLBAR);

  /* The drop-down and the button inside it that Tab reaches: name and value. */
  gtk_test_accessible_assert_role (region, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_test_accessible_assert_property (region, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Region: Kota Bekasi");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (region_button));
  gtk_test_accessible_assert_property (region_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Region: Kota Bekasi");
  gtk_test_accessible_assert_property (segment, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Segment: Vulnerable workers");

  /* Renamed when the choice changes. */
  gtk_drop_down_set_selected (region, 1);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  expected = g_strdup_printf ("Region: %s", gtk_string_object_get_string (second));
  g_assert_cmpstr (gtk_string_object_get_string (second), !=, "Kota Bekasi");
  gtk_test_accessible_assert_property (region_button, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* An open list's items are named (GTK 4.8 names them "GtkListItemWidget"). */
  g_signal_emit_by_name (region, "activate");
  iterate (300);
  item_label = find_label (GTK_WIDGET (region), "Kota Bekasi");
  g_assert_nonnull (item_label);
  gtk_test_accessible_assert_property (gtk_widget_get_parent (item_label),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Kota Bekasi");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_as_of (SigapWindow *window,
              int          day,
              int          month,
              int          year)
{
  const SigapFilter *filter = sigap_window_get_filter (window);

  g_assert_cmpint (g_date_get_day (&filter->as_of), ==, day);
  g_assert_cmpint (g_date_get_month (&filter->as_of), ==, month);
  g_assert_cmpint (g_date_get_year (&filter->as_of), ==, year);
}

static void
type_date (SigapWindow *window,
           GtkText     *entry,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
}

static void
test_date (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *bar = find_first (GTK_WIDGET (window), SIGAP_TYPE_FILTER_BAR);
  GtkWidget *button = find_first (bar, GTK_TYPE_MENU_BUTTON);
  GtkText *entry = NULL;
  GtkWidget *calendar = find_first (bar, GTK_TYPE_CALENDAR);
  g_autoptr(GPtrArray) arrows = sigap_test_find_all (calendar, GTK_TYPE_BUTTON);
  const char *arrow_names[] = { "Previous month", "Next month", "Previous year", "Next year" };

  /* The date field (the drop-downs hold search fields of their own). */
  {
    g_autoptr(GPtrArray) texts = sigap_test_find_all (bar, GTK_TYPE_TEXT);

    for (guint i = 0; i < texts->len; i++)
      if (gtk_widget_has_css_class (texts->pdata[i], "date-entry"))
        entry = texts->pdata[i];
    g_assert_nonnull (entry);
  }
  gtk_test_accessible_assert_role (entry, GTK_ACCESSIBLE_ROLE_TEXT_BOX);

  /* The demo's cut-off. */
  assert_as_of (window, 31, 10, 2026);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Date of the figures: 31 October 2026");
  gtk_test_accessible_assert_property (calendar, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Calendar: 31 October 2026");
  g_assert_cmpuint (arrows->len, ==, G_N_ELEMENTS (arrow_names));
  for (guint i = 0; i < arrows->len; i++)
    gtk_test_accessible_assert_property (arrows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         arrow_names[i]);

  /* Typed from the keyboard, in each of the forms an official writes. */
  type_date (window, entry, "30-09-2026");
  assert_as_of (window, 30, 9, 2026);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Date of the figures: 30 September 2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30 Sep 2026");

  type_date (window, entry, "15 Okt 2026");
  assert_as_of (window, 15, 10, 2026);
  gtk_test_accessible_assert_property (calendar, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Calendar: 15 October 2026");

  type_date (window, entry, " 2026-08-01 ");
  assert_as_of (window, 1, 8, 2026);

  /* Not a date: said so, the figures stay. */
  type_date (window, entry, "31-02-2026");
  assert_as_of (window, 1, 8, 2026);
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  type_date (window, entry, "31/10/2026");
  assert_as_of (window, 31, 10, 2026);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_buttons (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  g_autoptr(GPtrArray) menu_buttons = sigap_test_find_all (GTK_WIDGET (window),
                                                           GTK_TYPE_MENU_BUTTON);
  g_autoptr(GPtrArray) buttons = sigap_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  gboolean found_menu = FALSE;
  guint n_access_keys = 0;

  for (guint i = 0; i < menu_buttons->len; i++)
    if (g_strcmp0 (gtk_menu_button_get_icon_name (menu_buttons->pdata[i]),
                   "open-menu-symbolic") == 0)
      {
        gtk_test_accessible_assert_property (menu_buttons->pdata[i],
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "Main menu");
        found_menu = TRUE;
      }
  g_assert_true (found_menu);

  /* A button with an access key is named by its label child alone: GTK 4.8 would read the
   * raw label ("_Import CSV…") before it. */
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = buttons->pdata[i];

      if (GTK_IS_TOGGLE_BUTTON (button) || !gtk_button_get_use_underline (button) ||
          gtk_button_get_label (button) == NULL)
        continue;
      n_access_keys++;
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  g_assert_cmpuint (n_access_keys, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tables (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *page;
  SigapDataTable *payments;
  GtkWidget *view;
  GtkWidget *first_cell, *row;
  g_autofree char *expected = NULL;
  const char *titles[] = { "Paid on", "SP2D number", "Segment", "Period", "Workers", "Amount" };

  sigap_window_set_page (window, "anggaran");
  page = sigap_window_get_page (window, "anggaran");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  iterate (300);

  /* The payments: the only data table of the page outside a chart card. */
  {
    g_autoptr(GPtrArray) tables = sigap_test_find_all (page, SIGAP_TYPE_DATA_TABLE);

    payments = NULL;
    for (guint i = 0; i < tables->len; i++)
      if (gtk_widget_get_ancestor (tables->pdata[i], SIGAP_TYPE_CHART_CARD) == NULL)
        payments = tables->pdata[i];
    g_assert_nonnull (payments);
  }
  view = find_first (GTK_WIDGET (payments), GTK_TYPE_COLUMN_VIEW);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Payments");
  gtk_test_accessible_assert_relation (view, GTK_ACCESSIBLE_RELATION_COL_COUNT, 6);
  gtk_test_accessible_assert_relation (view, GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                       (int) sigap_data_table_get_n_rows (payments) + 1);
  g_assert_cmpuint (sigap_data_table_get_n_rows (payments), >, 2);

  /* The first row reads as a sentence, its cells carry their headers. */
  first_cell = find_label (view, sigap_data_table_get_cell (payments, 0, 0));
  g_assert_nonnull (first_cell);
  row = gtk_widget_get_parent (gtk_widget_get_parent (first_cell));
  expected = g_strdup_printf ("%s: %s %s, %s %s, %s %s, %s %s, %s %s",
                              sigap_data_table_get_cell (payments, 0, 0),
                              titles[1], sigap_data_table_get_cell (payments, 0, 1),
                              titles[2], sigap_data_table_get_cell (payments, 0, 2),
                              titles[3], sigap_data_table_get_cell (payments, 0, 3),
                              titles[4], sigap_data_table_get_cell (payments, 0, 4),
                              titles[5], sigap_data_table_get_cell (payments, 0, 5));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  gtk_test_accessible_assert_relation (row, GTK_ACCESSIBLE_RELATION_ROW_INDEX, 2);
  gtk_test_accessible_assert_relation (gtk_widget_get_parent (first_cell),
                                       GTK_ACCESSIBLE_RELATION_COL_INDEX, 1);
  gtk_test_accessible_assert_relation (gtk_widget_get_parent (first_cell),
                                       GTK_ACCESSIBLE_RELATION_COL_INDEX_TEXT, titles[0]);

  /* One Tab stop for the whole table, however many rows; Down moves to the next row. */
  g_assert_cmpuint (tab_stops_in (window, GTK_WIDGET (payments)), ==, 1);
  gtk_widget_grab_focus (row);
  g_assert_true (is_inside (gtk_window_get_focus (GTK_WINDOW (window)), row));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  g_assert_true (is_inside (gtk_window_get_focus (GTK_WINDOW (window)), view));
  g_assert_false (is_inside (gtk_window_get_focus (GTK_WINDOW (window)), row));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_kpi_cards (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *page = sigap_window_get_page (window, "ringkasan");
  g_autoptr(GPtrArray) cards = sigap_test_find_all (page, SIGAP_TYPE_KPI_CARD);
  GtkWidget *grid = gtk_widget_get_parent (cards->pdata[0]);

  g_assert_cmpuint (cards->len, ==, 6);
  g_assert_true (SIGAP_IS_CARD_GRID (grid));
  gtk_test_accessible_assert_property (grid, GTK_ACCESSIBLE_PROPERTY_LABEL, "Key figures");
  for (guint i = 0; i < cards->len; i++)
    {
      gtk_test_accessible_assert_role (cards->pdata[i], GTK_ACCESSIBLE_ROLE_GROUP);
      g_assert_true (gtk_widget_get_focusable (cards->pdata[i]));
      g_assert_true (gtk_test_accessible_has_property (cards->pdata[i],
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }

  /* Reached by Tab, once for the six; the arrow keys go from card to card. */
  g_assert_cmpuint (tab_stops_in (window, grid), ==, 1);
  gtk_widget_grab_focus (cards->pdata[0]);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == cards->pdata[0]);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_RIGHT));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == cards->pdata[1]);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_LEFT));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == cards->pdata[0]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wilayah (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *page;
  GtkWidget *map, *heat;
  GtkWidget *measure;
  g_autoptr(GPtrArray) drop_downs = NULL;
  const char *row_text;

  sigap_window_set_page (window, "wilayah");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  page = sigap_window_get_page (window, "wilayah");

  map = GTK_WIDGET (sigap_wilayah_page_get_map_view (SIGAP_WILAYAH_PAGE (page)));
  gtk_test_accessible_assert_role (map, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (map, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Map: Coverage by kecamatan");

  drop_downs = sigap_test_find_all (page, GTK_TYPE_DROP_DOWN);
  measure = drop_downs->pdata[0];
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (measure),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Measure: Coverage");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (measure), 1);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  gtk_test_accessible_assert_property (gtk_widget_get_first_child (measure),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Measure: Active");

  /* The heat table: a grid, one Tab stop, read a sector row at a time. */
  heat = find_first (page, SIGAP_TYPE_HEAT_GRID);
  gtk_test_accessible_assert_role (heat, GTK_ACCESSIBLE_ROLE_GRID);
  row_text = sigap_heat_grid_get_row_text (SIGAP_HEAT_GRID (heat));
  g_assert_nonnull (row_text);
  g_assert_true (g_str_has_prefix (row_text, gtk_label_get_label (
    GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (heat), 0, 1)))));
  g_assert_nonnull (strstr (row_text, ": Bekasi Timur "));
  gtk_test_accessible_assert_property (heat, GTK_ACCESSIBLE_PROPERTY_LABEL, row_text);
  g_assert_cmpuint (tab_stops_in (window, heat), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_heat_grid_rows (void)
{
  GtkWidget *heat = g_object_ref_sink (sigap_heat_grid_new ());
  const char *rows[] = { "Ojek Online: Bekasi Utara 270", "PKL: Bekasi Utara 12", NULL };

  gtk_test_accessible_assert_role (heat, GTK_ACCESSIBLE_ROLE_GRID);
  sigap_heat_grid_set_title (SIGAP_HEAT_GRID (heat), "Active participants by sector");
  gtk_test_accessible_assert_property (heat, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Active participants by sector");
  sigap_heat_grid_set_rows (SIGAP_HEAT_GRID (heat), rows);
  gtk_test_accessible_assert_property (heat, GTK_ACCESSIBLE_PROPERTY_LABEL, rows[0]);
  gtk_test_accessible_assert_property (heat, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Active participants by sector. Up and Down move "
                                       "between the rows.");
  gtk_test_accessible_assert_relation (heat, GTK_ACCESSIBLE_RELATION_ROW_COUNT, 2);
  g_assert_true (gtk_widget_get_focusable (heat));

  g_object_unref (heat);
}

static void
test_list_rows (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  GtkWidget *page;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapSummary) summary = NULL;
  g_autofree char *quota = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  sigap_window_set_page (window, "anggaran");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  page = sigap_window_get_page (window, "anggaran");

  db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  summary = sigap_figures_summary (db, sigap_window_get_filter (window), &error);
  g_assert_no_error (error);
  g_assert_true (summary->has_quota);
  quota = sigap_format_count (summary->quota, SIGAP_LANG_EN);
  expected = g_strdup_printf ("Quota: %s", quota);

  /* The figure beside a row's title is part of its name. */
  rows = sigap_test_find_all (page, ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Quota") == 0)
      {
        gtk_test_accessible_assert_property (rows->pdata[i], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             expected);
        found = TRUE;
      }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-a11y-XXXXXX", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  demo_db = sigap_test_make_demo_db (tmp_dir, 5000);

  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/a11y/filter-bar", test_filter_bar);
  g_test_add_func ("/sigap/a11y/date", test_date);
  g_test_add_func ("/sigap/a11y/buttons", test_buttons);
  g_test_add_func ("/sigap/a11y/tables", test_tables);
  g_test_add_func ("/sigap/a11y/kpi-cards", test_kpi_cards);
  g_test_add_func ("/sigap/a11y/wilayah", test_wilayah);
  g_test_add_func ("/sigap/a11y/heat-grid-rows", test_heat_grid_rows);
  g_test_add_func ("/sigap/a11y/list-rows", test_list_rows);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);

  return status;
}
