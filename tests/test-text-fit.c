/* test-text-fit.c: the one text fitter of the charts, the map and the briefing
 *
 * Most cases measure with the recording painter, whose every character (the ellipsis too) is
 * 0.6 em wide: at its default 10-point font a character is 6 units, so the expected lines are
 * counted by hand. One case measures with Cairo and a real, proportional font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart/sigap-cairo-painter.h"
#include "chart/sigap-recording-painter.h"
#include "chart/sigap-text-fit.h"

#define ELLIPSIS "\u2026"
#define CHAR_W   6.0   /* the recording painter's character at 10 points */

static const char *names[] = {
  "Mustikajaya", "Jatisampurna", "Pondokmelati", "Bantargebang", "Rawalumbu",
  "Kecamatan Mustikajaya", "Kelurahan Jatiranggon", "Bekasi Selatan", "Medan Satria",
};

static void
assert_lines (GPtrArray         *lines,
              const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (lines->len, n); i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, expected[i]);
  g_assert_cmpuint (lines->len, ==, n);
}

/* A line of a name is whole words of it, or the start of one word and "…": never a piece
 * of a word without the ellipsis ("kajaya"), never a hyphen ("Musti-").
 */
static void
assert_name_lines (SigapPainter *painter,
                   const char   *name,
                   GPtrArray    *lines,
                   double        width)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_auto(GStrv) parts = g_strsplit (line, " ", -1);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_false (g_str_has_suffix (line, "-"));
      g_assert_cmpfloat (sigap_text_fit_width (painter, line), <=,
                         MAX (width, sigap_text_fit_width (painter, ELLIPSIS)) + 1e-6);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          gboolean ok = FALSE;

          for (guint w = 0; words[w] != NULL && !ok; w++)
            {
              if (g_str_equal (parts[p], words[w]))
                ok = TRUE;
              else if (parts[p + 1] == NULL && g_str_has_suffix (parts[p], ELLIPSIS))
                {
                  g_autofree char *stem = g_strndup (parts[p],
                                                     strlen (parts[p]) - strlen (ELLIPSIS));

                  ok = g_str_has_prefix (words[w], stem);
                }
            }
          if (!ok)
            g_error ("“%s” in %.0f: line “%s” holds “%s”, not a word of the name", name, width,
                     line, parts[p]);
        }
    }
}

/* @text without its spaces, in place. */
static char *
drop_spaces (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      *out++ = *p;
  *out = '\0';

  return text;
}

static void
test_fits (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *same = NULL;
  gboolean cut = TRUE;

  /* "Bekasi Timur": 12 characters, 72 units. */
  g_assert_cmpfloat (sigap_text_fit_width (painter, "Bekasi Timur"), ==, 12 * CHAR_W);
  g_assert_cmpfloat (sigap_text_fit_width (painter, NULL), ==, 0);
  g_assert_cmpfloat (sigap_text_fit_line_height (painter), ==, 12);
  /* "Mustikajaya", 11 characters, is the widest word; a hard break counts as a space. */
  g_assert_cmpfloat (sigap_text_fit_widest_word (painter, "Kota Bekasi\nMustikajaya"), ==,
                     11 * CHAR_W);

  lines = sigap_text_fit_wrap (painter, "Bekasi Timur", 72, 2, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (lines, (const char *[]) { "Bekasi Timur", NULL });
  g_assert_false (cut);

  same = sigap_text_fit_ellipsize (painter, "Bekasi Timur", 72);
  g_assert_cmpstr (same, ==, "Bekasi Timur");
}

static void
test_wrap (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) hard = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  gboolean cut = TRUE;

  /* 71 units: "Bekasi Timur" (72) does not fit, each word does. */
  two = sigap_text_fit_wrap (painter, "Bekasi Timur", 71, 2, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (two, (const char *[]) { "Bekasi", "Timur", NULL });
  g_assert_false (cut);

  /* Greedy: "Cakupan per" is 11 characters (66), adding " kecamatan" would make 21. */
  three = sigap_text_fit_wrap (painter, "Cakupan per kecamatan Kota Bekasi", 66, 0,
                               SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (three, (const char *[]) { "Cakupan per", "kecamatan", "Kota Bekasi", NULL });
  g_assert_false (cut);

  /* Hard breaks stay, runs of spaces are one, an empty paragraph an empty line. */
  hard = sigap_text_fit_wrap (painter, "Satu  dua\n\nTiga", 600, 0, SIGAP_TEXT_FIT_NAMES, NULL);
  assert_lines (hard, (const char *[]) { "Satu dua", "", "Tiga", NULL });

  empty = sigap_text_fit_wrap (painter, NULL, 10, 2, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (empty, (const char *[]) { "", NULL });
  g_assert_false (cut);
}

/* More lines than allowed: the last one holds the rest, ellipsized. */
static void
test_max_lines (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) joined = NULL;
  gboolean cut = FALSE;

  /* 60 units is 10 characters: "Kecamatan" (9), then "Bekasi Timur Raya" (17) cut to nine
   * characters and "…" — "Bekasi Ti" — never a hyphen.
   */
  two = sigap_text_fit_wrap (painter, "Kecamatan Bekasi Timur Raya", 60, 2,
                             SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (two, (const char *[]) { "Kecamatan", "Bekasi Ti" ELLIPSIS, NULL });
  g_assert_true (cut);

  /* One line: the whole text ellipsized; the space before the ellipsis is dropped
   * ("Kecamatan " + "…" would be 11 characters, "Kecamatan" + "…" is 10).
   */
  one = sigap_text_fit_wrap (painter, "Kecamatan Bekasi", 60, 1, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (one, (const char *[]) { "Kecamatan" ELLIPSIS, NULL });
  g_assert_true (cut);

  /* A hard break that needs no room of its own becomes a space on the last line. */
  joined = sigap_text_fit_wrap (painter, "Satu\nDua", 60, 1, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (joined, (const char *[]) { "Satu Dua", NULL });
  g_assert_false (cut);
}

/* A word wider than the line: a name ends with "…"; never split. */
static void
test_ellipsize_names (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  g_autoptr(GPtrArray) flow = NULL;
  g_autoptr(GPtrArray) label = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) narrow = NULL;
  g_autofree char *mustika = NULL;
  g_autofree char *only = NULL;
  g_autofree char *nothing = NULL;
  gboolean cut = FALSE;

  /* 42 units: seven characters, six of "Mustikajaya" and the ellipsis. */
  mustika = sigap_text_fit_ellipsize (painter, "Mustikajaya", 42);
  g_assert_cmpstr (mustika, ==, "Mustik" ELLIPSIS);

  /* Only the ellipsis fits; not even that (a label draws nothing outside its room). */
  only = sigap_text_fit_ellipsize (painter, "Mustikajaya", 6);
  g_assert_cmpstr (only, ==, ELLIPSIS);
  nothing = sigap_text_fit_ellipsize (painter, "Mustikajaya", 5);
  g_assert_cmpstr (nothing, ==, "");

  /* A flow, 60 units: "Kecamatan" fits, "Jatisampurna" (12) is cut to nine characters and
   * "…", and the next word starts a line of its own.
   */
  flow = sigap_text_fit_wrap (painter, "Kecamatan Jatisampurna Baru", 60, 0,
                              SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (flow, (const char *[]) { "Kecamatan", "Jatisampu" ELLIPSIS, "Baru", NULL });
  g_assert_true (cut);

  /* 48 units, eight characters: not even "Kelurahan" fits. The next name still gets its
   * line, "Bek…" over "Tim…" tells Bekasi Timur from Bekasi Utara.
   */
  first = sigap_text_fit_wrap (painter, "Kelurahan Jatiranggon", 48, 2, SIGAP_TEXT_FIT_NAMES,
                               &cut);
  assert_lines (first, (const char *[]) { "Kelurah" ELLIPSIS, "Jatiran" ELLIPSIS, NULL });
  g_assert_true (cut);
  label = sigap_text_fit_wrap (painter, "Bekasi Timur", 18, 2, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (label, (const char *[]) { "Be" ELLIPSIS, "Ti" ELLIPSIS, NULL });

  /* Only the ellipsis fits: a label says "…" once. */
  g_clear_pointer (&label, g_ptr_array_unref);
  label = sigap_text_fit_wrap (painter, "Bekasi Timur", 8, 2, SIGAP_TEXT_FIT_NAMES, &cut);
  assert_lines (label, (const char *[]) { ELLIPSIS, NULL });
  g_assert_true (cut);

  /* Narrower than the ellipsis: a flow keeps "…" for each name, a label draws nothing. */
  narrow = sigap_text_fit_wrap (painter, "Kelurahan Jatiranggon", 4, 0, SIGAP_TEXT_FIT_NAMES,
                                &cut);
  assert_lines (narrow, (const char *[]) { ELLIPSIS, ELLIPSIS, NULL });
  g_assert_true (cut);
  empty = sigap_text_fit_wrap (painter, "Kelurahan Jatiranggon", 4, 2, SIGAP_TEXT_FIT_NAMES,
                               &cut);
  assert_lines (empty, (const char *[]) { "", NULL });
  g_assert_true (cut);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (double width = 1; width <= 160; width += 1)
      for (guint max_lines = 0; max_lines <= 3; max_lines++)
        {
          g_autoptr(GPtrArray) fitted = sigap_text_fit_wrap (painter, names[n], width, max_lines,
                                                             SIGAP_TEXT_FIT_NAMES, NULL);

          if (max_lines > 0)
            g_assert_cmpuint (fitted->len, <=, max_lines);
          assert_name_lines (painter, names[n], fitted, width);
        }
}

/* A paragraph may break a word that cannot fit (a web address): nothing of it is lost. */
static void
test_break_words (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  const char *url = "https://bpjsketenagakerjaan.go.id/rentan";   /* 40 characters */
  g_autofree char *text = g_strdup_printf ("Lihat %s dulu", url);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  gboolean cut = TRUE;

  /* 90 units, 15 characters: "Lihat", then the address in pieces of 15, 15 and 10, "dulu"
   * after its last piece.
   */
  lines = sigap_text_fit_wrap (painter, text, 90, 0, SIGAP_TEXT_FIT_BREAK_WORDS, &cut);
  assert_lines (lines, (const char *[]) { "Lihat", "https://bpjsket", "enagakerjaan.go",
                                          ".id/rentan dulu", NULL });
  g_assert_false (cut);
  for (guint i = 1; i < lines->len; i++)
    g_string_append (joined, g_ptr_array_index (lines, i));
  g_assert_cmpstr (joined->str, ==, "https://bpjsketenagakerjaan.go.id/rentan dulu");
}

/* Never cut inside a UTF-8 sequence: two-, three- and four-byte characters, and text that
 * is not valid UTF-8 at all.
 */
static void
test_utf8 (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  static const char *texts[] = {
    "Pondokgede\u2013Jatiwaringin \u2265 100%",
    "Caf\u00e9 Mustikajaya \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
    "\u2190\u2192\u2190\u2192\u2190\u2192\u2190\u2192\u2190\u2192",
    "\U0001F600\U0001F600\U0001F600\U0001F600 \U0001F600\U0001F600\U0001F600",
  };
  g_autofree char *invalid = NULL;
  g_autoptr(GPtrArray) repaired = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double width = 1; width <= 130; width += 1)
      {
        g_autofree char *ellipsized = sigap_text_fit_ellipsize (painter, texts[t], width);
        g_autoptr(GPtrArray) names_lines = sigap_text_fit_wrap (painter, texts[t], width, 2,
                                                                SIGAP_TEXT_FIT_NAMES, NULL);
        g_autoptr(GPtrArray) broken = sigap_text_fit_wrap (painter, texts[t], width, 0,
                                                           SIGAP_TEXT_FIT_BREAK_WORDS, NULL);
        g_autoptr(GString) joined = g_string_new (NULL);

        g_assert_true (g_utf8_validate (ellipsized, -1, NULL));
        if (*ellipsized == '\0')
          g_assert_cmpfloat (width, <, CHAR_W);
        else if (g_str_has_suffix (ellipsized, ELLIPSIS) && !g_str_equal (ellipsized, texts[t]))
          {
            g_autofree char *stem = g_strndup (ellipsized,
                                               strlen (ellipsized) - strlen (ELLIPSIS));

            g_assert_true (g_str_has_prefix (texts[t], stem));
          }
        else
          g_assert_cmpstr (ellipsized, ==, texts[t]);

        for (guint i = 0; i < names_lines->len; i++)
          g_assert_true (g_utf8_validate (g_ptr_array_index (names_lines, i), -1, NULL));

        /* Broken words put back together give the text again, spaces aside. */
        for (guint i = 0; i < broken->len; i++)
          {
            const char *line = g_ptr_array_index (broken, i);

            g_assert_true (g_utf8_validate (line, -1, NULL));
            g_assert_cmpuint (g_utf8_strlen (line, -1), >=, 1);
            g_string_append (joined, line);
          }
        {
          g_autofree char *got = g_string_free (g_steal_pointer (&joined), FALSE);
          g_autofree char *expected = g_strdup (texts[t]);

          g_assert_cmpstr (drop_spaces (got), ==, drop_spaces (expected));
        }
      }

  /* Four three-byte arrows, 24 units: at 18 units two of them and the ellipsis. */
  {
    g_autofree char *arrows = sigap_text_fit_ellipsize (painter, "\u2190\u2192\u2190\u2192", 18);

    g_assert_cmpstr (arrows, ==, "\u2190\u2192" ELLIPSIS);
  }

  /* A broken byte sequence (a truncated "é") comes out valid. */
  invalid = g_strdup ("Caf\xc3 Bekasi Utara");
  repaired = sigap_text_fit_wrap (painter, invalid, 40, 2, SIGAP_TEXT_FIT_NAMES, NULL);
  for (guint i = 0; i < repaired->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (repaired, i), -1, NULL));
  {
    g_autofree char *line = sigap_text_fit_ellipsize (painter, invalid, 30);

    g_assert_true (g_utf8_validate (line, -1, NULL));
  }
}

/* The font shrinks in steps before anything is cut; only at the smallest size is it. */
static void
test_shrink_steps (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapTextFitFont font = { "Sans", 10, SIGAP_FONT_WEIGHT_NORMAL, 0.6, 0.1 };
  double scale = 1;
  gboolean cut = TRUE;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) fits = NULL;
  g_autoptr(GPtrArray) small = NULL;

  /* "Jatisampurna", 12 characters: 72 units at 10 points, 64.8 at 9, 57.6 at 8. */
  whole = sigap_text_fit_shrink (painter, "Jatisampurna", 72, 2, SIGAP_TEXT_FIT_NAMES, &font,
                                 &scale, &cut);
  assert_lines (whole, (const char *[]) { "Jatisampurna", NULL });
  g_assert_cmpfloat (scale, ==, 1);
  g_assert_false (cut);

  fits = sigap_text_fit_shrink (painter, "Jatisampurna", 60, 2, SIGAP_TEXT_FIT_NAMES, &font,
                                &scale, &cut);
  assert_lines (fits, (const char *[]) { "Jatisampurna", NULL });
  g_assert_cmpfloat_with_epsilon (scale, 0.8, 1e-9);
  g_assert_false (cut);
  /* The painter is left at the size used. */
  g_assert_cmpfloat_with_epsilon (sigap_text_fit_width (painter, "x"), 0.6 * 8, 1e-9);

  /* 40 units: too narrow even at 6 points (43.2); there a character is 3.6 units, so eleven
   * fit: ten of the name and the ellipsis.
   */
  scale = 1;
  small = sigap_text_fit_shrink (painter, "Jatisampurna", 40, 2, SIGAP_TEXT_FIT_NAMES, &font,
                                 &scale, &cut);
  assert_lines (small, (const char *[]) { "Jatisampur" ELLIPSIS, NULL });
  g_assert_cmpfloat_with_epsilon (scale, 0.6, 1e-9);
  g_assert_true (cut);

  /* Starting smaller, it never grows. */
  scale = 0.7;
  g_clear_pointer (&whole, g_ptr_array_unref);
  whole = sigap_text_fit_shrink (painter, "Jatisampurna", 72, 2, SIGAP_TEXT_FIT_NAMES, &font,
                                 &scale, &cut);
  g_assert_cmpfloat (scale, ==, 0.7);
  g_assert_false (cut);
}

/* A scale step of 0: straight to the size at which the line fits, no smaller than allowed. */
static void
test_shrink_proportional (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapTextFitFont font = { "Sans", 10, SIGAP_FONT_WEIGHT_BOLD, 2.0 / 3, 0 };
  double scale = 1;
  gboolean cut = TRUE;
  g_autoptr(GPtrArray) fits = NULL;
  g_autoptr(GPtrArray) cut_lines = NULL;

  /* "Jumlah peserta aktif", 20 characters, 120 units: in 90 at three quarters of the size. */
  fits = sigap_text_fit_shrink (painter, "Jumlah peserta aktif", 90, 1, SIGAP_TEXT_FIT_NAMES,
                                &font, &scale, &cut);
  assert_lines (fits, (const char *[]) { "Jumlah peserta aktif", NULL });
  g_assert_cmpfloat_with_epsilon (scale, 0.75, 1e-9);
  g_assert_false (cut);

  /* In 60 it would need half the size; two thirds is the least, where a character is 4
   * units: fifteen fit, fourteen of the text and the ellipsis.
   */
  scale = 1;
  cut_lines = sigap_text_fit_shrink (painter, "Jumlah peserta aktif", 60, 1,
                                     SIGAP_TEXT_FIT_NAMES, &font, &scale, &cut);
  assert_lines (cut_lines, (const char *[]) { "Jumlah peserta" ELLIPSIS, NULL });
  g_assert_cmpfloat_with_epsilon (scale, 2.0 / 3, 1e-9);
  g_assert_true (cut);
}

/* One line placed by the top of its box, at its left edge, centre or right edge. */
static void
test_show_line (void)
{
  g_autoptr(SigapPainter) painter = sigap_recording_painter_new ();
  SigapRecordingPainter *recording = SIGAP_RECORDING_PAINTER (painter);
  const double align[] = { 0, 0.5, 1 };

  /* "Medan Satria", 12 characters, 72 units; the baseline 9 units below the top. */
  for (guint i = 0; i < G_N_ELEMENTS (align); i++)
    {
      const SigapPainterOp *op;

      sigap_recording_painter_clear (recording);
      sigap_text_fit_show_line (painter, "Medan Satria", 100, 20, align[i]);
      op = sigap_recording_painter_find_text (recording, "Medan Satria");
      g_assert_nonnull (op);
      g_assert_cmpfloat (op->x, ==, 100 - 72 * align[i]);
      g_assert_cmpfloat (op->y, ==, 29);
    }

  /* Nothing to draw, nothing drawn. */
  sigap_recording_painter_clear (recording);
  sigap_text_fit_show_line (painter, "", 0, 0, 0);
  sigap_text_fit_show_line (painter, NULL, 0, 0, 0);
  g_assert_cmpuint (sigap_recording_painter_count (recording, SIGAP_PAINTER_OP_SHOW_TEXT), ==, 0);
}

/* With a real, proportional font: the Indonesian names are whole where they fit, else cut
 * with an ellipsis, never split.
 */
static void
test_real_font (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SigapPainter) painter = sigap_cairo_painter_new (cr);

  sigap_painter_set_font (painter, "DejaVu Sans", 11, SIGAP_FONT_WEIGHT_NORMAL);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (double width = 4; width <= 200; width += 3)
      {
        g_autoptr(GPtrArray) lines = sigap_text_fit_wrap (painter, names[n], width, 2,
                                                          SIGAP_TEXT_FIT_NAMES, NULL);
        g_auto(GStrv) words = g_strsplit (names[n], " ", -1);

        assert_name_lines (painter, names[n], lines, width);

        /* A word that fits the width is never cut when it stands first. */
        if (sigap_text_fit_width (painter, words[0]) <= width)
          g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), words[0]));
      }

  g_clear_object (&painter);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/text-fit/fits", test_fits);
  g_test_add_func ("/sigap/text-fit/wrap", test_wrap);
  g_test_add_func ("/sigap/text-fit/max-lines", test_max_lines);
  g_test_add_func ("/sigap/text-fit/ellipsize-names", test_ellipsize_names);
  g_test_add_func ("/sigap/text-fit/break-words", test_break_words);
  g_test_add_func ("/sigap/text-fit/utf8", test_utf8);
  g_test_add_func ("/sigap/text-fit/shrink-steps", test_shrink_steps);
  g_test_add_func ("/sigap/text-fit/shrink-proportional", test_shrink_proportional);
  g_test_add_func ("/sigap/text-fit/show-line", test_show_line);
  g_test_add_func ("/sigap/text-fit/real-font", test_real_font);

  ret = g_test_run ();

  /* Let go of Pango's, Cairo's and fontconfig's caches for the sanitizer's leak checker. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return ret;
}
