/* test-hpdf-painter.c: SigapHpdfPainter, the libharu side of the chart painter
 *
 * Each test draws into a one-page PDF with libharu's error handler recording (never jumping),
 * saves it uncompressed so the content stream can be read, and checks it with qpdf and
 * pdftotext when they are installed (poppler-utils, qpdf).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-chart-layout.h"
#include "report/sigap-hpdf-painter.h"

#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define DEJAVU_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

typedef struct
{
  HPDF_STATUS error_no;
} ErrorState;

typedef struct
{
  ErrorState    errors;
  HPDF_Doc      pdf;
  HPDF_Font     regular;
  HPDF_Font     bold;
  HPDF_Page     page;
  SigapPainter *painter;
  char         *dir;
  char         *path;
} Fixture;

static void
error_cb (HPDF_STATUS  error_no,
          HPDF_STATUS  detail_no,
          void        *user_data)
{
  ErrorState *state = user_data;

  if (state->error_no == HPDF_OK)
    state->error_no = error_no;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (DEJAVU, G_FILE_TEST_EXISTS))
    return;

  fixture->pdf = HPDF_New (error_cb, &fixture->errors);
  g_assert_nonnull (fixture->pdf);
  /* Uncompressed, so that the tests can read the content stream. */
  HPDF_SetCompressionMode (fixture->pdf, HPDF_COMP_NONE);
  HPDF_UseUTFEncodings (fixture->pdf);
  HPDF_SetCurrentEncoder (fixture->pdf, "UTF-8");
  name = HPDF_LoadTTFontFromFile (fixture->pdf, DEJAVU, HPDF_TRUE);
  fixture->regular = HPDF_GetFont (fixture->pdf, name, "UTF-8");
  if (g_file_test (DEJAVU_BOLD, G_FILE_TEST_EXISTS))
    {
      name = HPDF_LoadTTFontFromFile (fixture->pdf, DEJAVU_BOLD, HPDF_TRUE);
      fixture->bold = HPDF_GetFont (fixture->pdf, name, "UTF-8");
    }
  g_assert_cmpuint (fixture->errors.error_no, ==, HPDF_OK);

  fixture->page = HPDF_AddPage (fixture->pdf);
  HPDF_Page_SetSize (fixture->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  fixture->painter = sigap_hpdf_painter_new (fixture->pdf, fixture->regular, fixture->bold);
  sigap_hpdf_painter_set_page (SIGAP_HPDF_PAINTER (fixture->painter), fixture->page);

  fixture->dir = g_dir_make_tmp ("sigap-hpdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "painter.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->painter);
  g_clear_pointer (&fixture->pdf, HPDF_Free);
  if (fixture->path != NULL)
    g_unlink (fixture->path);
  if (fixture->dir != NULL)
    g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
skip_without_font (Fixture *fixture)
{
  if (fixture->pdf != NULL)
    return FALSE;

  g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
  return TRUE;
}

/* The saved PDF's bytes, as a GBytes: the embedded font makes it binary. */
static GBytes *
save (Fixture *fixture)
{
  char *contents = NULL;
  gsize length = 0;

  sigap_hpdf_painter_set_page (SIGAP_HPDF_PAINTER (fixture->painter), NULL);
  g_assert_cmpuint (HPDF_SaveToFile (fixture->pdf, fixture->path), ==, HPDF_OK);
  g_assert_cmpuint (fixture->errors.error_no, ==, HPDF_OK);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  return g_bytes_new_take (contents, length);
}

static void
assert_pdf_has (GBytes     *pdf,
                const char *needle)
{
  gsize length, n = strlen (needle);
  const char *data = g_bytes_get_data (pdf, &length);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return;

  g_error ("The PDF lacks “%s”", needle);
}

/* Runs @argv; returns its stdout, or NULL (and marks the test skipped) when the tool is
 * missing. */
/* A PDF tool: the path meson found (SIGAP_QPDF, SIGAP_PDFTOTEXT, ...), else the one on PATH,
 * else NULL. */
static char *
find_tool (const char *name)
{
  g_autofree char *variable = g_strconcat ("SIGAP_", name, NULL);
  const char *path;

  for (char *p = variable; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  path = g_getenv (variable);
  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_find_program_in_path (name);
}

static char *
run_tool (const char * const *argv,
          int                *status)
{
  g_autofree char *program = find_tool (argv[0]);
  g_autofree char **args = g_memdup2 (argv, (g_strv_length ((char **) argv) + 1) *
                                            sizeof (char *));
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return NULL;
    }

  args[0] = program;
  g_spawn_sync (NULL, args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, status,
                &error);
  g_assert_no_error (error);

  return out;
}

static void
check_qpdf (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  int status = -1;

  out = run_tool (argv, &status);
  if (out == NULL)
    return;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
}

/* A rectangle, a line and text: a valid page, and the text where it was put, counted from the
 * top (the painter flips; pdftotext -bbox reports from the top too). */
static void
test_basic_page (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *argv[] = { "pdftotext", "-bbox", NULL, "-", NULL };
  SigapTextExtents extents;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int status = -1;

  if (skip_without_font (fixture))
    return;

  sigap_painter_set_rgba (fixture->painter, 0.2, 0.4, 0.6, 1);
  sigap_painter_rectangle (fixture->painter, 50, 100, 200, 50);
  sigap_painter_fill (fixture->painter);

  sigap_painter_set_rgba (fixture->painter, 0, 0, 0, 1);
  sigap_painter_set_line_width (fixture->painter, 2);
  sigap_painter_move_to (fixture->painter, 50, 200);
  sigap_painter_line_to (fixture->painter, 250, 200);
  sigap_painter_stroke (fixture->painter);

  sigap_painter_set_font (fixture->painter, "DejaVu Sans", 12, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_measure_text (fixture->painter, "Kepesertaan", &extents);
  g_assert_cmpfloat (extents.width, >, 50);
  g_assert_cmpfloat (extents.width, <, 100);
  g_assert_cmpfloat_with_epsilon (extents.baseline, 12 * 0.928, 0.01);
  g_assert_cmpfloat (extents.height, >, extents.baseline);
  sigap_painter_show_text (fixture->painter, 50, 300, "Kepesertaan");

  contents = save (fixture);
  /* 841.89 - 150: the rectangle's bottom edge in PDF coordinates. */
  /* libharu writes floats: 691.89 comes out as 691.89001. */
  assert_pdf_has (contents, "50 691.89");
  assert_pdf_has (contents, " 200 50 re");
  assert_pdf_has (contents, "50 641.89");

  check_qpdf (fixture->path);

  argv[2] = fixture->path;
  out = run_tool (argv, &status);
  if (out == NULL)
    return;

  regex = g_regex_new ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">Kepesertaan<",
                       0, 0, NULL);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  {
    g_autofree char *y_min = g_match_info_fetch (match, 1);
    g_autofree char *y_max = g_match_info_fetch (match, 2);

    /* The baseline at 300 from the top: the glyphs' box straddles it. */
    g_assert_cmpfloat (g_ascii_strtod (y_min, NULL), <, 300);
    g_assert_cmpfloat (g_ascii_strtod (y_max, NULL), >, 300 - 1);
    g_assert_cmpfloat (g_ascii_strtod (y_max, NULL), <, 306);
  }
}

/* Colour set after the path (legal in Cairo, not in libharu's path mode), alpha through an
 * ExtGState, dashes, nested save/restore, an empty fill: no libharu error. */
static void
test_state (Fixture       *fixture,
            gconstpointer  data)
{
  const double dashes[] = { 7, 4 };
  g_autoptr(GBytes) contents = NULL;

  if (skip_without_font (fixture))
    return;

  sigap_painter_save (fixture->painter);
  sigap_painter_move_to (fixture->painter, 10, 10);
  sigap_painter_line_to (fixture->painter, 100, 10);
  sigap_painter_set_rgba (fixture->painter, 1, 0, 0, 0.5);
  sigap_painter_set_dash (fixture->painter, dashes, 2, 0);
  sigap_painter_stroke (fixture->painter);

  sigap_painter_save (fixture->painter);
  sigap_painter_set_rgba (fixture->painter, 0, 0, 1, 1);
  sigap_painter_fill (fixture->painter);            /* nothing to fill */
  sigap_painter_move_to (fixture->painter, 5, 5);
  sigap_painter_fill (fixture->painter);            /* a lone point */
  sigap_painter_restore (fixture->painter);

  sigap_painter_rectangle (fixture->painter, 20, 20, 30, 30);
  sigap_painter_clip (fixture->painter);
  sigap_painter_arc (fixture->painter, 35, 35, 10, 0, 2 * G_PI, FALSE);
  sigap_painter_close_path (fixture->painter);
  sigap_painter_fill (fixture->painter);
  sigap_painter_restore (fixture->painter);

  /* Text outside the Basic Multilingual Plane and control characters are replaced. */
  sigap_painter_set_font (fixture->painter, "DejaVu Sans", 10, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_show_text (fixture->painter, 10, 400, "Rp2,01 miliar \xf0\x9f\x98\x80\ttab");

  contents = save (fixture);
  assert_pdf_has (contents, "/ca 0.5");
  assert_pdf_has (contents, "[7 4 ] 0 d");
  assert_pdf_has (contents, " re\nW\nn\n");
  check_qpdf (fixture->path);
}

/* Translation moves what follows and is undone by restore(). */
static void
test_translate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) contents = NULL;

  if (skip_without_font (fixture))
    return;

  sigap_painter_save (fixture->painter);
  sigap_hpdf_painter_translate (SIGAP_HPDF_PAINTER (fixture->painter), 100, 200);
  sigap_painter_rectangle (fixture->painter, 0, 0, 10, 10);
  sigap_painter_fill (fixture->painter);
  sigap_painter_restore (fixture->painter);
  sigap_painter_rectangle (fixture->painter, 0, 0, 20, 20);
  sigap_painter_fill (fixture->painter);

  contents = save (fixture);
  assert_pdf_has (contents, "100 631.89");
  assert_pdf_has (contents, "0 821.89");
}

/* A whole chart through the painter: the layout measures with it and draws every kind of
 * operation; the page stays valid. */
static void
test_chart (Fixture       *fixture,
            gconstpointer  data)
{
  const double active[] = { 1200, 1500, NAN, 1800 };
  const double target[] = { 1400, 1400, 1400, 1400 };
  g_autoptr(SigapChart) chart = sigap_chart_new (SIGAP_CHART_KIND_BAR, "Peserta aktif");
  g_autoptr(SigapChartLayout) layout = NULL;
  g_autoptr(SigapChartStyle) style = sigap_chart_style_new (SIGAP_CHART_THEME_PRINT);
  const char *argv[] = { "pdftotext", NULL, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GBytes) contents = NULL;
  guint s;
  int status = -1;

  if (skip_without_font (fixture))
    return;

  for (int m = 1; m <= 4; m++)
    sigap_chart_add_month (chart, 2026, m);
  sigap_chart_add_series (chart, "Aktif", active, 4);
  s = sigap_chart_add_series (chart, "Sasaran", target, 4);
  sigap_chart_set_series_role (chart, s, SIGAP_CHART_SERIES_ROLE_TARGET);

  layout = sigap_chart_layout_new (chart);
  sigap_chart_style_set_font (style, "DejaVu Sans", 8);
  sigap_chart_layout_set_style (layout, style);
  sigap_painter_save (fixture->painter);
  sigap_hpdf_painter_translate (SIGAP_HPDF_PAINTER (fixture->painter), 60, 80);
  sigap_chart_layout_render (layout, fixture->painter, 400, 250);
  sigap_painter_restore (fixture->painter);

  contents = save (fixture);
  check_qpdf (fixture->path);

  argv[1] = fixture->path;
  out = run_tool (argv, &status);
  if (out == NULL)
    return;
  g_assert_nonnull (strstr (out, "Peserta aktif"));
  g_assert_nonnull (strstr (out, "Sasaran"));
  g_assert_nonnull (strstr (out, "Feb"));
}

/* Without a page the painter measures and draws nothing, so layouts can run before pages. */
static void
test_measure_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SigapPainter) painter = NULL;
  SigapTextExtents regular, bold;

  if (skip_without_font (fixture))
    return;

  painter = sigap_hpdf_painter_new (fixture->pdf, fixture->regular, fixture->bold);
  g_assert_null (sigap_hpdf_painter_get_page (SIGAP_HPDF_PAINTER (painter)));
  sigap_painter_set_font (painter, "DejaVu Sans", 10, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_measure_text (painter, "Rp1.483.204.800", &regular);
  sigap_painter_set_font (painter, "DejaVu Sans", 10, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_measure_text (painter, "Rp1.483.204.800", &bold);
  g_assert_cmpfloat (regular.width, >, 0);
  if (fixture->bold != NULL)
    g_assert_cmpfloat (bold.width, >, regular.width);

  sigap_painter_rectangle (painter, 0, 0, 10, 10);
  sigap_painter_fill (painter);
  sigap_painter_show_text (painter, 0, 10, "x");
  g_assert_cmpuint (fixture->errors.error_no, ==, HPDF_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sigap/hpdf-painter/basic-page", Fixture, NULL,
              fixture_set_up, test_basic_page, fixture_tear_down);
  g_test_add ("/sigap/hpdf-painter/state", Fixture, NULL,
              fixture_set_up, test_state, fixture_tear_down);
  g_test_add ("/sigap/hpdf-painter/translate", Fixture, NULL,
              fixture_set_up, test_translate, fixture_tear_down);
  g_test_add ("/sigap/hpdf-painter/chart", Fixture, NULL,
              fixture_set_up, test_chart, fixture_tear_down);
  g_test_add ("/sigap/hpdf-painter/measure-only", Fixture, NULL,
              fixture_set_up, test_measure_only, fixture_tear_down);

  return g_test_run ();
}
