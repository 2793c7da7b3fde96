/* test-wilayah.c: the Wilayah page on a demo database (needs a display: xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drilling down and back keeps the figures those of src/core: the table's rows are
 * sigap_figures_breakdown()'s, its total sigap_figures_summary()'s, the kelurahan add up to
 * their kecamatan and the kecamatan to the city; the map gives every kecamatan a tile of its
 * own; the participant list shows masked NIKs only.
 *
 * With SIGAP_WILAYAH_DB=FILE (a database of 3,000,000 participants, say) it runs on that file
 * instead and prints the drill times and the slowest page read as TAP comments.
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "app/sigap-application.h"
#include "app/sigap-wilayah-page.h"
#include "app/sigap-window.h"
#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-figures.h"
#include "core/sigap-participants.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"
#include "wilayah-timing.h"

static char *tmp_dir;
static char *db_path;
static SigapApplication *app;

static SigapDatabase *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  SigapDatabase *db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

static void
assert_row_equal (const SigapBreakdownRow *a,
                  const SigapBreakdownRow *b)
{
  g_assert_cmpstr (a->code, ==, b->code);
  g_assert_cmpint (a->registered, ==, b->registered);
  g_assert_cmpint (a->active, ==, b->active);
  g_assert_cmpint (a->has_target, ==, b->has_target);
  if (a->has_target)
    g_assert_cmpint (a->target, ==, b->target);
  g_assert_cmpint (a->has_coverage, ==, b->has_coverage);
  if (a->has_coverage)
    g_assert_cmpfloat_with_epsilon (a->coverage_pct, b->coverage_pct, 1e-9);
}

/* The page's table against src/core for the page's scope, and the sums. */
static void
check_table (SigapWilayahPage  *page,
             const SigapFilter *window_filter,
             SigapBreakdown     by)
{
  g_autoptr(SigapDatabase) db = open_db ();
  g_autoptr(SigapFilter) filter = sigap_filter_copy (window_filter);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const SigapBreakdownRow *total;
  gint64 registered = 0, active = 0;
  gboolean is_total = FALSE;

  g_free (filter->scope);
  filter->scope = g_strdup (sigap_wilayah_page_get_scope (page));
  rows = sigap_figures_breakdown (db, filter, by, &error);
  g_assert_no_error (error);
  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sigap_wilayah_page_get_n_table_rows (page), ==, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = sigap_wilayah_page_get_table_row (page, i, &is_total);

      g_assert_false (is_total);
      assert_row_equal (row, g_ptr_array_index (rows, i));
      registered += row->registered;
      active += row->active;
    }

  total = sigap_wilayah_page_get_table_row (page, rows->len, &is_total);
  g_assert_true (is_total);
  g_assert_cmpint (total->registered, ==, summary->registered);
  g_assert_cmpint (total->active, ==, summary->active);
  g_assert_cmpint (total->target, ==, summary->target);
  g_assert_cmpint (total->has_coverage, ==, summary->has_coverage);

  /* The areas add up to their parent. */
  g_assert_cmpint (registered, ==, summary->registered);
  g_assert_cmpint (active, ==, summary->active);
}

static void
check_map (SigapWilayahPage *page,
           guint             n_rows)
{
  SigapChartView *view = sigap_wilayah_page_get_map_view (page);
  SigapChartMap *map = sigap_chart_view_get_map (view);
  g_autoptr(GHashTable) cells = g_hash_table_new (NULL, NULL);
  g_autofree char *description = NULL;

  g_assert_nonnull (map);
  g_assert_cmpuint (sigap_chart_map_get_n_regions (map), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      guint column, row;
      gboolean is_total;

      sigap_chart_map_get_cell (map, i, &column, &row);
      g_assert_cmpuint (column, <, sigap_chart_map_get_n_columns (map));
      g_assert_cmpuint (row, <, sigap_chart_map_get_n_rows (map));
      /* A tile of its own. */
      g_assert_false (g_hash_table_contains (cells, GUINT_TO_POINTER (row * 1000 + column + 1)));
      g_hash_table_add (cells, GUINT_TO_POINTER (row * 1000 + column + 1));
      g_assert_cmpstr (sigap_chart_map_get_region_code (map, i), ==,
                       sigap_wilayah_page_get_table_row (page, i, &is_total)->code);
    }

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  description = sigap_chart_view_dup_description (view);
  g_assert_nonnull (strstr (description, sigap_chart_map_get_region_name (map, 0)));
}

static void
check_participants (SigapWilayahPage  *page,
                    const SigapFilter *filter)
{
  SigapParticipantModel *model = sigap_wilayah_page_get_participants (page);
  g_autoptr(SigapDatabase) db = open_db ();
  g_autoptr(SigapParticipantQuery) query = sigap_participant_query_new (
    sigap_wilayah_page_get_scope (page), filter);
  g_autoptr(GError) error = NULL;
  gint64 count;
  guint n;

  wilayah_timing_wait_participants (model);
  count = sigap_participant_query_count (db, query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, count);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < MIN (n, 20); i++)
    {
      g_autoptr(SigapParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const SigapParticipantRow *row = sigap_participant_item_get_row (item);

      g_assert_nonnull (row);
      g_assert_cmpuint (strlen (row->nik_masked), ==, 16);
      for (guint j = 4; j < 12; j++)
        g_assert_cmpint (row->nik_masked[j], ==, '*');
    }

  /* The last item: a placeholder first, its page read in a worker. */
  {
    g_autoptr(SigapParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (model), n - 1);

    wilayah_timing_wait_participants (model);
    g_clear_object (&item);
    item = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
    g_assert_nonnull (sigap_participant_item_get_row (item));
  }
}

static void
timed_drill (SigapWindow      *window,
             SigapWilayahPage *page,
             const char       *code)
{
  WilayahDrillTimes times;

  wilayah_timing_drill (window, page, code, &times);
  g_test_message ("drill to %s: figures in %.1f ms, settled in %.1f ms",
                  sigap_wilayah_page_get_scope (page), times.query_us / 1000.0,
                  times.wall_us / 1000.0);
}

/* A window on @path's Wilayah page, settled. */
static SigapWindow *
open_wilayah (const char *path)
{
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  g_assert_true (sigap_window_set_page (window, "wilayah"));
  sigap_window_open_database (window, path);
  gtk_window_present (GTK_WINDOW (window));
  wilayah_timing_wait_settled (window);

  return window;
}

static void
test_wilayah_drill (void)
{
  SigapWindow *window = open_wilayah (db_path);
  SigapWilayahPage *page;
  const SigapFilter *filter;
  g_autofree char *kelurahan = NULL;

  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_null (sigap_window_get_error (window));

  page = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));
  g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, SIGAP_CITY_CODE);
  filter = sigap_window_get_filter (window);
  check_table (page, filter, SIGAP_BREAKDOWN_KECAMATAN);
  check_map (page, 12);

  /* Down to a kecamatan: the filter bar follows. */
  timed_drill (window, page, "32.75.03");
  filter = sigap_window_get_filter (window);
  g_assert_cmpstr (filter->scope, ==, "32.75.03");
  g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, "32.75.03");
  check_table (page, filter, SIGAP_BREAKDOWN_KELURAHAN);
  check_map (page, sigap_wilayah_page_get_n_table_rows (page) - 1);

  /* Down to a kelurahan: the filter bar stays at its kecamatan. */
  kelurahan = g_strdup (sigap_wilayah_page_get_table_row (page, 0, NULL)->code);
  /* The page asks the region tree the window loaded, not the code's dots. */
  {
    SigapRegions *regions = sigap_page_get_regions (SIGAP_PAGE (page));
    const SigapRegion *region;

    g_assert_nonnull (regions);
    region = sigap_regions_lookup (regions, kelurahan);
    g_assert_nonnull (region);
    g_assert_cmpstr (region->level, ==, "kelurahan");
    g_assert_cmpstr (region->parent->code, ==, "32.75.03");
  }
  timed_drill (window, page, kelurahan);
  filter = sigap_window_get_filter (window);
  g_assert_cmpstr (filter->scope, ==, "32.75.03");
  g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, kelurahan);
  check_participants (page, filter);

  /* Back up, twice; then there is no level above. */
  timed_drill (window, page, NULL);
  g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, "32.75.03");
  timed_drill (window, page, NULL);
  g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, SIGAP_CITY_CODE);
  g_assert_cmpstr (sigap_window_get_filter (window)->scope, ==, SIGAP_CITY_CODE);
  check_table (page, sigap_window_get_filter (window), SIGAP_BREAKDOWN_KECAMATAN);
  g_assert_false (sigap_wilayah_page_go_back (page));

  /* Another kecamatan picked in the filter bar: the page shows it. */
  {
    g_autoptr(SigapFilter) other = sigap_filter_copy (sigap_window_get_filter (window));

    g_free (other->scope);
    other->scope = g_strdup ("32.75.10");
    sigap_window_set_filter (window, other);
    wilayah_timing_wait_settled (window);
    g_assert_cmpstr (sigap_wilayah_page_get_scope (page), ==, "32.75.10");
    check_table (page, other, SIGAP_BREAKDOWN_KELURAHAN);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page keeps the levels it has shown, to show them again at once; a database replaced
 * under the same name (a new demo) and opened again is counted anew, through connections to
 * the new file, not kept ones to the old. */
static void
test_wilayah_reopened (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "reopened", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options;
  char *shared_path = db_path;
  SigapWindow *window;
  SigapWilayahPage *page;
  gint64 active_before;
  gboolean is_total;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  path = sigap_test_make_demo_db (dir, 2000);
  db_path = path;

  window = open_wilayah (path);
  page = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));

  /* Down and back: the city shown again, as before. */
  timed_drill (window, page, "32.75.03");
  timed_drill (window, page, NULL);
  check_table (page, sigap_window_get_filter (window), SIGAP_BREAKDOWN_KECAMATAN);
  active_before = sigap_wilayah_page_get_table_row (page, 12, &is_total)->active;
  g_assert_true (is_total);

  /* A bigger demo renamed into place, and opened again. */
  sigap_demo_options_init (&options);
  options.participants = 4000;
  g_assert_true (sigap_demo_generate (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sigap_window_open_database (window, path);
  wilayah_timing_wait_settled (window);
  check_table (page, sigap_window_get_filter (window), SIGAP_BREAKDOWN_KECAMATAN);
  g_assert_cmpint (sigap_wilayah_page_get_table_row (page, 12, &is_total)->active, >,
                   active_before);

  timed_drill (window, page, "32.75.03");
  check_table (page, sigap_window_get_filter (window), SIGAP_BREAKDOWN_KELURAHAN);

  gtk_window_destroy (GTK_WINDOW (window));
  db_path = shared_path;
}

/* The largest kelurahan's list, scrolled end to end: every page is read in a worker; the
 * slowest read and the slowest main-loop turn are reported. */
static void
test_wilayah_scroll (void)
{
  SigapWindow *window = open_wilayah (db_path);
  SigapWilayahPage *page;
  g_autofree char *largest = wilayah_timing_largest_kelurahan (db_path);
  WilayahScrollTimes times;

  /* Everybody, whatever the segment: the longest list. */
  {
    g_autoptr(SigapFilter) all = sigap_filter_copy (sigap_window_get_filter (window));

    all->segment = SIGAP_SEGMENT_ALL;
    sigap_window_set_filter (window, all);
    wilayah_timing_wait_settled (window);
  }

  page = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));
  timed_drill (window, page, largest);
  wilayah_timing_scroll (page, &times);

  g_test_message ("%s: %u participants, counted in %.1f ms, %u page reads (in a worker), "
                  "slowest %.1f ms; slowest main-loop turn while scrolling %.1f ms", largest,
                  times.n_items, times.max_count_us / 1000.0, times.n_fetches,
                  times.max_fetch_us / 1000.0, times.worst_turn_us / 1000.0);
  if (times.n_items > SIGAP_PARTICIPANT_MODEL_PAGE_SIZE)
    g_assert_cmpuint (times.n_fetches, >, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-wilayah-XXXXXX", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  if (g_getenv ("SIGAP_WILAYAH_DB") != NULL)
    db_path = g_strdup (g_getenv ("SIGAP_WILAYAH_DB"));
  else
    db_path = sigap_test_make_demo_db (tmp_dir, 5000);

  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/wilayah/drill", test_wilayah_drill);
  g_test_add_func ("/sigap/wilayah/scroll", test_wilayah_scroll);
  g_test_add_func ("/sigap/wilayah/reopened", test_wilayah_reopened);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (db_path);
  g_free (tmp_dir);

  return status;
}
