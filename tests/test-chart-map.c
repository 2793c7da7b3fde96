/* test-chart-map.c: the schematic tile map of regions
 *
 * The grid is tested on the real reference data (a fresh database holds the 12 kecamatan
 * with their centres and the 56 kelurahan without) and on made-up layouts; the drawing
 * through the recording painter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-chart-map.h"
#include "core/sigap-database.h"
#include "chart/sigap-recording-painter.h"

typedef struct
{
  char          *dir;
  SigapDatabase *db;
} Fixture;

/* The tree is kept with the database for the fixture's life. */
static const SigapRegion *
lookup_region (Fixture    *fixture,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapRegions) tree = sigap_regions_load (fixture->db, &error);

  g_assert_no_error (error);
  return sigap_regions_lookup (tree, code);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-map-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "map.sigap", NULL);
  fixture->db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "map.sigap", "map.sigap-wal", "map.sigap-shm" };

  g_clear_object (&fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Every region has a cell inside the grid, no two the same, and every row and column is
 * used (empty ones are dropped). */
static void
assert_valid_grid (SigapChartMap *map)
{
  guint n = sigap_chart_map_get_n_regions (map);
  guint columns = sigap_chart_map_get_n_columns (map);
  guint rows = sigap_chart_map_get_n_rows (map);
  g_autofree gboolean *column_used = g_new0 (gboolean, columns);
  g_autofree gboolean *row_used = g_new0 (gboolean, rows);

  for (guint i = 0; i < n; i++)
    {
      guint ci, ri;

      sigap_chart_map_get_cell (map, i, &ci, &ri);
      g_assert_cmpuint (ci, <, columns);
      g_assert_cmpuint (ri, <, rows);
      column_used[ci] = row_used[ri] = TRUE;

      for (guint j = i + 1; j < n; j++)
        {
          guint cj, rj;

          sigap_chart_map_get_cell (map, j, &cj, &rj);
          if (ci == cj && ri == rj)
            g_error ("%s and %s share cell (%u, %u)", sigap_chart_map_get_region_name (map, i),
                     sigap_chart_map_get_region_name (map, j), ci, ri);
        }
    }

  for (guint c = 0; c < columns; c++)
    g_assert_true (column_used[c]);
  for (guint r = 0; r < rows; r++)
    g_assert_true (row_used[r]);
}

/* A region clearly (by more than half a cell's span of longitude) west of another is never
 * placed east of it; one clearly north never south. */
static void
assert_order_kept (SigapChartMap *map,
                   const double  *latitude,
                   const double  *longitude)
{
  guint n = sigap_chart_map_get_n_regions (map);
  guint columns = sigap_chart_map_get_n_columns (map);
  guint rows = sigap_chart_map_get_n_rows (map);
  double min_lon = G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;
  double min_lat = G_MAXDOUBLE, max_lat = -G_MAXDOUBLE;
  double lon_cell, lat_cell;

  for (guint i = 0; i < n; i++)
    {
      min_lon = MIN (min_lon, longitude[i]);
      max_lon = MAX (max_lon, longitude[i]);
      min_lat = MIN (min_lat, latitude[i]);
      max_lat = MAX (max_lat, latitude[i]);
    }

  lon_cell = (max_lon - min_lon) / MAX (columns - 1, 1);
  lat_cell = (max_lat - min_lat) / MAX (rows - 1, 1);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        guint ci, ri, cj, rj;

        sigap_chart_map_get_cell (map, i, &ci, &ri);
        sigap_chart_map_get_cell (map, j, &cj, &rj);

        if (longitude[j] - longitude[i] > lon_cell / 2 && cj < ci)
          g_error ("%s lies west of %s but is drawn east of it",
                   sigap_chart_map_get_region_name (map, i),
                   sigap_chart_map_get_region_name (map, j));
        if (latitude[i] - latitude[j] > lat_cell / 2 && rj < ri)
          g_error ("%s lies north of %s but is drawn south of it",
                   sigap_chart_map_get_region_name (map, i),
                   sigap_chart_map_get_region_name (map, j));
      }
}

static void
load_coordinates (SigapDatabase *db,
                  SigapChartMap *map,
                  double        *latitude,
                  double        *longitude)
{
  for (guint i = 0; i < sigap_chart_map_get_n_regions (map); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SigapStatement) stmt = NULL;

      stmt = sigap_database_prepare (db, "SELECT latitude, longitude FROM region WHERE code = ?1",
                                     &error);

      g_assert_no_error (error);
      sigap_statement_bind_text (stmt, 1, sigap_chart_map_get_region_code (map, i));
      g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
      latitude[i] = sigap_statement_column_double (stmt, 0);
      longitude[i] = sigap_statement_column_double (stmt, 1);
    }
}

static void
test_kecamatan (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SigapChartMap) map = sigap_chart_map_new ("Cakupan");
  g_autoptr(GError) error = NULL;
  double latitude[12], longitude[12];

  g_assert_true (sigap_chart_map_set_regions (map, lookup_region (fixture, "32.75"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_chart_map_get_n_regions (map), ==, 12);
  g_assert_cmpstr (sigap_chart_map_get_region_code (map, 0), ==, "32.75.01");

  load_coordinates (fixture->db, map, latitude, longitude);
  assert_valid_grid (map);
  assert_order_kept (map, latitude, longitude);

  /* Kota Bekasi is taller than wide: the grid too. */
  g_assert_cmpuint (sigap_chart_map_get_n_rows (map), >, sigap_chart_map_get_n_columns (map));
  g_assert_cmpuint (sigap_chart_map_get_n_rows (map) * sigap_chart_map_get_n_columns (map), <=,
                    24);

  /* Two checks a reader of the city would make: Medansatria and Bekasi Utara in the top row,
   * Jatisampurna (the southernmost) in the bottom one. */
  {
    guint column, row;

    sigap_chart_map_get_cell (map, 5, &column, &row);     /* Medansatria */
    g_assert_cmpuint (row, ==, 0);
    sigap_chart_map_get_cell (map, 2, &column, &row);     /* Bekasi Utara */
    g_assert_cmpuint (row, ==, 0);
    sigap_chart_map_get_cell (map, 9, &column, &row);     /* Jatisampurna */
    g_assert_cmpuint (row, ==, sigap_chart_map_get_n_rows (map) - 1);
    g_assert_cmpuint (column, ==, 0);
  }
}

static void
test_kelurahan (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SigapChartMap) map = sigap_chart_map_new (NULL);
  g_autoptr(SigapChartMap) none = sigap_chart_map_new (NULL);
  g_autoptr(GError) error = NULL;
  guint column, row;

  g_assert_true (sigap_chart_map_set_regions (map, lookup_region (fixture, "32.75.03"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_chart_map_get_n_regions (map), ==, 6);

  /* No coordinates: a compact grid in code order. */
  assert_valid_grid (map);
  g_assert_cmpuint (sigap_chart_map_get_n_columns (map), ==, 3);
  g_assert_cmpuint (sigap_chart_map_get_n_rows (map), ==, 2);
  sigap_chart_map_get_cell (map, 4, &column, &row);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpuint (row, ==, 1);

  /* A kelurahan has no region within it, and an unknown code is not in the tree. */
  g_clear_error (&error);
  g_assert_false (sigap_chart_map_set_regions (none, lookup_region (fixture, "32.75.03.1001"),
                                               &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (sigap_chart_map_get_n_regions (none), ==, 0);
  g_assert_null (lookup_region (fixture, "32.99"));
}

/* Made-up layouts: a ring, a line, twins at the same spot, a dense cluster. */
static void
test_synthetic (void)
{
  static const struct
  {
    guint  n;
    double lat[9];
    double lon[9];
  } cases[] = {
    { 8, { 0, 1, 2, 2, 2, 1, 0, 0 }, { 0, 0, 0, 1, 2, 2, 2, 1 } },
    { 5, { 0, 0, 0, 0, 0 }, { 0, 1, 2, 3, 4 } },
    { 3, { 1, 1, 0 }, { 1, 1, 0 } },
    { 9, { 0, 0.01, 0.02, 0.015, 0.005, 1, 1, 0.98, 0.5 },
         { 0, 0.02, 0.01, 0.005, 0.015, 1, 0, 0.5, 0.5 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(SigapChartMap) map = sigap_chart_map_new (NULL);

      for (guint i = 0; i < cases[c].n; i++)
        {
          g_autofree char *code = g_strdup_printf ("R%u", i);

          sigap_chart_map_add_region (map, code, code, cases[c].lat[i], cases[c].lon[i]);
        }

      assert_valid_grid (map);
      assert_order_kept (map, cases[c].lat, cases[c].lon);
    }
}

/* Classes: below the first bound, between bounds (a bound belongs to the class above), from
 * the last up; NAN is no data. Automatic bounds when none are set. */
static void
test_classes (void)
{
  g_autoptr(SigapChartMap) map = sigap_chart_map_new (NULL);
  const double bounds[] = { 50, 70, 90, 100 };
  const double values[] = { 10, 50, 69.9, 90, 100, 130, NAN };
  const int classes[] = { 0, 1, 1, 3, 4, 4, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i);

      sigap_chart_map_add_region (map, code, code, NAN, NAN);
      g_assert_true (sigap_chart_map_set_value (map, code, values[i]));
    }
  g_assert_false (sigap_chart_map_set_value (map, "nope", 1));

  sigap_chart_map_set_class_bounds (map, bounds, G_N_ELEMENTS (bounds));
  g_assert_cmpuint (sigap_chart_map_get_n_classes (map), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpint (sigap_chart_map_get_class (map, i), ==, classes[i]);

  sigap_chart_map_set_class_bounds (map, NULL, 0);
  g_assert_cmpuint (sigap_chart_map_get_n_classes (map), >=, 2);
  g_assert_cmpint (sigap_chart_map_get_class (map, 0), ==, 0);
  g_assert_cmpint (sigap_chart_map_get_class (map, 5), ==,
                   (int) sigap_chart_map_get_n_classes (map) - 1);
}

/* Drawn: one named tile each, hit regions that find them, the legend with bounds and the
 * no-data entry; every save() restored. */
static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SigapChartMap) map = sigap_chart_map_new ("Peta cakupan");
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapRecordingPainter *recording = SIGAP_RECORDING_PAINTER (painter);
  const double bounds[] = { 50, 70, 90, 100 };
  g_autoptr(GError) error = NULL;
  guint n_save, n_restore;
  const SigapChartHitRegions *hits;
  double natural;

  g_assert_true (sigap_chart_map_set_regions (map, lookup_region (fixture, "32.75"), &error));
  sigap_chart_map_set_measure (map, "Cakupan", SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_map_set_class_bounds (map, bounds, G_N_ELEMENTS (bounds));
  sigap_chart_map_set_no_data_text (map, "Tanpa sasaran");
  sigap_chart_map_set_lang (map, SIGAP_LANG_ID);
  for (guint i = 0; i < 11; i++)
    sigap_chart_map_set_value (map, sigap_chart_map_get_region_code (map, i), 60.0 + i * 5);

  natural = sigap_chart_map_get_natural_height (map, painter, 400);
  g_assert_cmpfloat (natural, >, 100);

  sigap_chart_map_render (map, painter, 400, natural);

  hits = sigap_chart_map_get_hit_regions (map);
  g_assert_cmpuint (sigap_chart_hit_regions_get_n_items (hits), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      const SigapChartHitRegion *region = sigap_chart_hit_regions_get_item (hits, i);
      const SigapChartHitRegion *found;

      g_assert_cmpint (region->category, ==, (int) i);
      g_assert_cmpfloat (region->rect.width, >, 10);
      g_assert_nonnull (strstr (region->tooltip, sigap_chart_map_get_region_name (map, i)));
      found = sigap_chart_hit_regions_hit_test (hits, region->rect.x + 2, region->rect.y + 2,
                                                NULL);
      g_assert_true (found == region);
    }
  g_assert_cmpint (sigap_chart_hit_regions_get_item (hits, 11)->series, ==, -1);
  g_assert_null (sigap_chart_hit_regions_hit_test (hits, -5, -5, NULL));

  g_assert_nonnull (sigap_recording_painter_find_text (recording, "Peta cakupan"));
  /* Two words may sit on two lines. */
  g_assert_true (sigap_recording_painter_find_text (recording, "Bekasi Timur") != NULL ||
                 sigap_recording_painter_find_text (recording, "Timur") != NULL);
  g_assert_nonnull (sigap_recording_painter_find_text (recording, "Jatiasih"));
  g_assert_nonnull (sigap_recording_painter_find_text (recording, "Tanpa sasaran"));
  g_assert_nonnull (sigap_recording_painter_find_text (recording, "< 50%"));
  g_assert_nonnull (sigap_recording_painter_find_text (recording, "\u2265 100%"));
  g_assert_nonnull (sigap_recording_painter_find_text (recording, "60,0%"));

  n_save = sigap_recording_painter_count (recording, SIGAP_PAINTER_OP_SAVE);
  n_restore = sigap_recording_painter_count (recording, SIGAP_PAINTER_OP_RESTORE);
  g_assert_cmpuint (n_save, ==, n_restore);
}

/* A long one-word name is a proper name: it is never split or hyphenated ("Jatisam-purna"
 * reads as two places). Its font shrinks first; only when even the smallest size is too wide
 * does it end with an ellipsis. */
static void
check_names_whole (SigapRecordingPainter *recording,
                   const char * const    *names,
                   guint                  n_names)
{
  for (guint i = 0; i < sigap_recording_painter_get_n_ops (recording); i++)
    {
      const SigapPainterOp *op = sigap_recording_painter_get_op (recording, i);

      if (op->kind != SIGAP_PAINTER_OP_SHOW_TEXT)
        continue;

      g_assert_false (g_str_has_suffix (op->text, "-"));
      for (guint n = 0; n < n_names; n++)
        {
          gboolean whole = g_strcmp0 (op->text, names[n]) == 0;
          gboolean ellipsized = FALSE;

          if (g_str_has_suffix (op->text, "\u2026"))
            {
              g_autofree char *stem = g_strndup (op->text, strlen (op->text) -
                                                           strlen ("\u2026"));

              ellipsized = g_str_has_prefix (names[n], stem);
            }

          /* A piece of a name is the name cut: only the whole, or its start and "…". */
          if (!whole && !ellipsized && strstr (names[n], op->text) != NULL)
            g_error ("“%s” is drawn cut to “%s”", names[n], op->text);
        }
    }
}

static void
test_long_names (void)
{
  static const char *names[] = { "Mustikajaya", "Jatisampurna", "Pondokmelati", "Bantargebang" };

  for (double width = 40; width <= 400; width += 8)
    {
      g_autoptr(SigapChartMap) map = sigap_chart_map_new (NULL);
      g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
      SigapRecordingPainter *recording = SIGAP_RECORDING_PAINTER (painter);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *code = g_strdup_printf ("%u", i + 1);

          sigap_chart_map_add_region (map, code, names[i], i % 2, i / 2);
        }
      sigap_chart_map_set_show_legend (map, FALSE);
      sigap_chart_map_set_show_title (map, FALSE);
      sigap_chart_map_set_padding (map, 0);
      sigap_chart_map_render (map, painter, width, width);

      check_names_whole (recording, names, G_N_ELEMENTS (names));

      /* Where the old layout hyphenated (two tiles in 150 points), the names are whole. */
      if (width >= 150)
        for (guint i = 0; i < G_N_ELEMENTS (names); i++)
          g_assert_nonnull (sigap_recording_painter_find_text (recording, names[i]));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sigap/chart-map/kecamatan", Fixture, NULL,
              fixture_set_up, test_kecamatan, fixture_tear_down);
  g_test_add ("/sigap/chart-map/kelurahan", Fixture, NULL,
              fixture_set_up, test_kelurahan, fixture_tear_down);
  g_test_add_func ("/sigap/chart-map/synthetic", test_synthetic);
  g_test_add_func ("/sigap/chart-map/classes", test_classes);
  g_test_add ("/sigap/chart-map/draw", Fixture, NULL,
              fixture_set_up, test_draw, fixture_tear_down);
  g_test_add_func ("/sigap/chart-map/long-names", test_long_names);

  return g_test_run ();
}
