/* test-chart-render.c: every chart kind through the Cairo painter, into PNG (and SVG) files
 *
 * The PNGs land in $G_TEST_BUILDDIR/chart-png/ for a human to look at; the test itself checks
 * that drawing succeeds and leaves ink on the surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "chart/sigap-cairo-painter.h"
#include "chart/sigap-chart-layout.h"

typedef SigapChart *(*ChartFactory) (void);

typedef struct
{
  const char   *name;
  ChartFactory  factory;
  int           width;
  int           height;
} Sample;

static const char *kecamatan[] = {
  "Bekasi Timur", "Bekasi Barat", "Bekasi Utara", "Bekasi Selatan", "Rawalumbu",
  "Medan Satria", "Bantargebang", "Pondok Gede", "Jatiasih", "Jatisampurna", "Mustika Jaya",
  "Pondok Melati",
};

static SigapChart *
make_enrollment_line (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_AREA, "Peserta aktif 2026");
  const double active[] = { 2100, 3900, 5200, 6400, 7300, 8100, 8800, 9400, 9900, 10300,
                            10700, 11000 };
  guint series;

  for (int m = 1; m <= 12; m++)
    sigap_chart_add_month (chart, 2026, m);
  series = sigap_chart_add_series (chart, "Peserta aktif", active, G_N_ELEMENTS (active));
  sigap_chart_set_series_projected_from (chart, series, 6);
  sigap_chart_add_reference (chart, "Target", 10000);

  return chart;
}

static SigapChart *
make_enrollment_two_lines (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_LINE,
                                       "Kepesertaan per segmen, Nov 2025 – Des 2026");
  const double rentan[] = { 5200, 11666, 11400, 11900, 12500, 13300, 14100, 14800, 15500,
                            16100, 16600, 17000, 17400, 17800 };
  const double ekosistem[] = { NAN, NAN, 12000, 18500, 24000, 29000, 33500, 36000, 38500,
                               40500, 42000, 43000, 43000, 43000 };
  guint s;

  for (int i = 0; i < 14; i++)
    sigap_chart_add_month (chart, 2025 + (10 + i) / 12, (10 + i) % 12 + 1);
  sigap_chart_add_series (chart, "Pekerja rentan", rentan, G_N_ELEMENTS (rentan));
  s = sigap_chart_add_series (chart, "Ekosistem", ekosistem, G_N_ELEMENTS (ekosistem));
  sigap_chart_set_series_projected_from (chart, s, 9);
  sigap_chart_set_series_projected_from (chart, 0, 9);
  sigap_chart_add_reference (chart, "Target ekosistem", 43000);

  return chart;
}

static SigapChart *
make_kecamatan_bars (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_BAR,
                                       "Peserta aktif dan target per kecamatan");
  const double active[] = { 1234, 1410, 1502, 720, 655, 980, 1320, 610, 540, 305, 1120, 470 };
  const double target[] = { 1500, 1500, 1600, 900, 800, 1000, 1400, 800, 700, 450, 1200, 600 };
  guint s;

  for (guint i = 0; i < G_N_ELEMENTS (kecamatan); i++)
    sigap_chart_add_category (chart, kecamatan[i], NULL);
  sigap_chart_add_series (chart, "Aktif", active, G_N_ELEMENTS (active));
  s = sigap_chart_add_series (chart, "Target", target, G_N_ELEMENTS (target));
  sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);
  sigap_chart_set_category_title (chart, "Kecamatan");

  return chart;
}

static SigapChart *
make_monthly_spending (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Realisasi premi per bulan");
  const double paid[] = { 35280000, 65520000, 87360000, 107520000, 122640000, 136080000 };

  for (int m = 1; m <= 6; m++)
    sigap_chart_add_month (chart, 2026, m);
  sigap_chart_add_series (chart, "Realisasi", paid, G_N_ELEMENTS (paid));
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_RUPIAH);

  return chart;
}

static SigapChart *
make_sector_hbars (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_HBAR, "Peserta aktif per sektor");
  const char *sectors[] = {
    "Ojek online", "Ojek pangkalan", "Pedagang kaki lima (PKL) dan pedagang keliling",
    "Pelaku UMKM", "Kuli bangunan", "Buruh harian lepas", "Sopir angkutan umum (Organda)",
    "Pemulung", "Tukang becak", "Nelayan dan buruh tani",
  };
  const double active[] = { 2890, 2140, 1960, 1510, 1180, 920, 610, 240, 130, 86 };

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    sigap_chart_add_category (chart, sectors[i], NULL);
  sigap_chart_add_series (chart, "Peserta aktif", active, G_N_ELEMENTS (active));

  return chart;
}

static SigapChart *
make_kecamatan_hbars (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_HBAR, "Cakupan per kecamatan");
  const double coverage[] = { 82.3, 94.0, 93.9, 80.0, 81.9, 98.0, 94.3, 76.3, 77.1, 67.8,
                              93.3, 78.3 };

  for (guint i = 0; i < G_N_ELEMENTS (kecamatan); i++)
    sigap_chart_add_category (chart, kecamatan[i], NULL);
  sigap_chart_add_series (chart, "Cakupan", coverage, G_N_ELEMENTS (coverage));
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_add_reference (chart, "Target", 90);

  return chart;
}

static SigapChart *
make_coverage_gauge (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_GAUGE, "Cakupan kepesertaan");
  const double coverage[] = { 51.3 };

  sigap_chart_add_category (chart, "peserta aktif dari sasaran", NULL);
  sigap_chart_add_series (chart, "Cakupan", coverage, 1);
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_add_reference (chart, "Target", 100);

  return chart;
}

static SigapChart *
make_budget_gauges (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_GAUGE, "Realisasi terhadap pagu 2026");
  const double paid[] = { 554400000, 312000000, 98000000 };
  const double pagu[] = { 2000000000, 720000000, 150000000 };
  guint s;

  sigap_chart_add_category (chart, "Pekerja rentan (APBD)", NULL);
  sigap_chart_add_category (chart, "Ekosistem (APBD)", NULL);
  sigap_chart_add_category (chart, "CSR", NULL);
  sigap_chart_add_series (chart, "Realisasi", paid, 3);
  s = sigap_chart_add_series (chart, "Pagu", pagu, 3);
  sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);
  sigap_chart_set_unit (chart, SIGAP_CHART_UNIT_RUPIAH);

  return chart;
}

static SigapChart *
make_desil_donut (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_DONUT, "Sebaran desil DTSEN");
  const char *desil[] = { "Desil 1", "Desil 2", "Desil 3", "Desil 4", "Desil 5",
                          "Di luar DTSEN" };
  const double active[] = { 3120, 2480, 1910, 1050, 620, 486 };

  for (guint i = 0; i < G_N_ELEMENTS (desil); i++)
    sigap_chart_add_category (chart, desil[i], NULL);
  sigap_chart_add_series (chart, "peserta aktif", active, G_N_ELEMENTS (active));

  return chart;
}

static SigapChart *
make_segment_stack (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_STACKED, "Komposisi desil per segmen");
  const double d1[] = { 3120, 5200 };
  const double d2[] = { 2480, 7400 };
  const double d3[] = { 1910, 9800 };
  const double d45[] = { 1670, 12100 };
  const double other[] = { 486, 8500 };

  sigap_chart_add_category (chart, "Pekerja rentan", NULL);
  sigap_chart_add_category (chart, "Ekosistem", NULL);
  sigap_chart_add_series (chart, "Desil 1", d1, 2);
  sigap_chart_add_series (chart, "Desil 2", d2, 2);
  sigap_chart_add_series (chart, "Desil 3", d3, 2);
  sigap_chart_add_series (chart, "Desil 4–5", d45, 2);
  sigap_chart_add_series (chart, "Di luar DTSEN", other, 2);

  return chart;
}

static SigapChart *
make_empty (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Peserta aktif per kelurahan");

  sigap_chart_add_category (chart, "Harapan Jaya", NULL);
  sigap_chart_add_series (chart, "Peserta aktif", (const double[]) { NAN }, 1);

  return chart;
}

/* 56 kelurahan as vertical bars: too many names for the axis, so only some are written. */
static SigapChart *
make_dense_bars (void)
{
  SigapChart *chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Peserta aktif per kelurahan");
  double values[56];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("Kelurahan %u", i + 1);

      sigap_chart_add_category (chart, name, NULL);
      values[i] = round (120 + 80 * sin (i * 0.7) + i * 3);
    }
  sigap_chart_add_series (chart, "Aktif", values, G_N_ELEMENTS (values));

  return chart;
}

/* A card on the overview page: small, no title (the card has one). */
static SigapChart *
make_small_line (void)
{
  SigapChart *chart = make_enrollment_line ();

  sigap_chart_set_title (chart, NULL);
  sigap_chart_set_kind (chart, SIGAP_CHART_KIND_LINE);
  return chart;
}

static const Sample samples[] = {
  { "area-projection", make_enrollment_line, 640, 340 },
  { "line-two-series", make_enrollment_two_lines, 720, 360 },
  { "bar-grouped-target", make_kecamatan_bars, 760, 360 },
  { "bar-rupiah-months", make_monthly_spending, 480, 300 },
  { "hbar-sectors", make_sector_hbars, 600, 380 },
  { "hbar-percent-target", make_kecamatan_hbars, 560, 420 },
  { "gauge-coverage", make_coverage_gauge, 420, 150 },
  { "gauge-budget", make_budget_gauges, 480, 240 },
  { "donut-desil", make_desil_donut, 520, 260 },
  { "stacked-segments", make_segment_stack, 600, 190 },
  { "empty", make_empty, 400, 220 },
  { "bar-dense", make_dense_bars, 720, 300 },
  { "line-small", make_small_line, 320, 180 },
};

static const struct {
  const char      *name;
  SigapChartTheme  theme;
} themes[] = {
  { "light", SIGAP_CHART_THEME_LIGHT },
  { "dark", SIGAP_CHART_THEME_DARK },
  { "hc", SIGAP_CHART_THEME_HIGH_CONTRAST },
  { "print", SIGAP_CHART_THEME_PRINT },
};

static char *
output_dir (void)
{
  char *dir = g_test_build_filename (G_TEST_BUILT, "chart-png", NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  return dir;
}

/* Whether the image holds anything but its first pixel's colour. */
static gboolean
has_ink (cairo_surface_t *surface)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n_different = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (data[y * stride + x] != data[0])
        n_different++;

  return n_different > 200;
}

static void
test_render_sample (gconstpointer data)
{
  const Sample *sample = data;
  g_autofree char *dir = output_dir ();
  double scale = 1.0;

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autoptr(SigapChart) chart = sample->factory ();
      g_autoptr(SigapChartLayout) layout = sigap_chart_layout_new (chart);
      g_autoptr(SigapChartStyle) style = sigap_chart_style_new (themes[t].theme);
      g_autofree char *file = g_strdup_printf ("%s-%s.png", sample->name, themes[t].name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(SigapPainter) painter = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) (sample->width * scale),
                                            (int) (sample->height * scale));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      painter = sigap_cairo_painter_new (cr);

      sigap_chart_layout_set_style (layout, style);
      sigap_chart_layout_set_lang (layout, t == 1 ? SIGAP_LANG_EN : SIGAP_LANG_ID);
      sigap_chart_layout_render (layout, painter, sample->width, sample->height);

      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      g_assert_true (has_ink (surface));
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);

      g_clear_object (&painter);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The same layout on a HiDPI surface (device scale 2) and in an SVG: vector output works. */
static void
test_render_svg_and_hidpi (void)
{
  g_autofree char *dir = output_dir ();
  g_autofree char *svg_path = g_build_filename (dir, "bar-grouped-target.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "bar-grouped-target-hidpi.png", NULL);
  g_autoptr(SigapChart) chart = make_kecamatan_bars ();
  g_autoptr(SigapChartLayout) layout = sigap_chart_layout_new (chart);
  cairo_surface_t *surface;
  cairo_t *cr;
  GStatBuf st;

  surface = cairo_svg_surface_create (svg_path, 760, 360);
  cr = cairo_create (surface);
  {
    g_autoptr(SigapPainter) painter = sigap_cairo_painter_new (cr);

    sigap_chart_layout_render (layout, painter, 760, 360);
  }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_no_errno (g_stat (svg_path, &st));
  g_assert_cmpint (st.st_size, >, 1000);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 760 * 2, 360 * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  {
    g_autoptr(SigapPainter) painter = sigap_cairo_painter_new (cr);

    sigap_chart_layout_invalidate (layout);
    sigap_chart_layout_render (layout, painter, 760, 360);
  }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sigap/chart/render/%s", samples[i].name);

      g_test_add_data_func (path, &samples[i], test_render_sample);
    }
  g_test_add_func ("/sigap/chart/render/svg-and-hidpi", test_render_svg_and_hidpi);

  ret = g_test_run ();

  /* Let go of Pango's, Cairo's and fontconfig's caches, so the leak checker of a sanitizer
   * build sees only what the charts leak.
   */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return ret;
}
