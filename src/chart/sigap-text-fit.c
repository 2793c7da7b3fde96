/* sigap-text-fit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-text-fit.h"

#include <string.h>

/* One text fitter for the charts, the map and the briefing: every label, tile name, table
 * cell and paragraph that must stay within a width goes through here, measured with the
 * painter that will draw it (Cairo on screen, libharu in the PDF, the recording painter in
 * tests), so the three agree on where a line breaks and when a word is cut.
 *
 * Lines break at spaces. A word wider than a line is a name and ends with "…": it is never
 * split ("Musti-kajaya" reads as two places), unless the caller asks for long words to be
 * broken (a web address in a paragraph, where nothing may be lost). sigap_text_fit_shrink()
 * first tries a smaller font. Text is cut only between characters, never inside a UTF-8
 * sequence.
 *
 * Text is fitted in one of two kinds of room, which differ only where a line is narrower than
 * the ellipsis itself:
 * - a label (at most @max_lines lines: an axis label, a legend entry, a map tile) draws
 *   nothing outside its room, so a word there becomes "";
 * - a flow (no limit on lines: a paragraph, a table cell) loses no word: each leaves at
 *   least "…".
 * A name cut short does not end the text: "Bek…" over "Tim…" tells Bekasi Timur from Bekasi
 * Utara, "Bek…" alone does not. A label ends at its last line, which takes all the rest, or
 * at a name of which not one letter fits.
 */

/* Widths are sums of glyph advances: allow for rounding when a line is exactly as wide. */
#define WIDTH_SLACK 1e-6

typedef struct
{
  char     *text;
  guint     word;     /* the word the line starts with, an index into all words */
  gsize     offset;   /* where in that word, for the later pieces of a broken word */
  gboolean  cut;      /* a word on it ends with an ellipsis */
} Line;

static void
clear_line (gpointer data)
{
  Line *line = data;

  g_free (line->text);
}

static gboolean
fits (SigapPainter *painter,
      const char   *text,
      double        max_width)
{
  return sigap_text_fit_width (painter, text) <= max_width + WIDTH_SLACK;
}

/* The first @n_chars characters of @text, trailing spaces dropped, and the ellipsis. */
static char *
ellipsized_prefix (const char *text,
                   glong       n_chars)
{
  const char *end = g_utf8_offset_to_pointer (text, n_chars);
  g_autofree char *prefix = g_strndup (text, end - text);

  g_strchomp (prefix);
  return g_strconcat (prefix, SIGAP_TEXT_FIT_ELLIPSIS, NULL);
}

/* @text, or its longest start that fits with "…"; the ellipsis alone when nothing more fits
 * and, unless @keep_ellipsis, "" when not even that does.
 */
static char *
ellipsize (SigapPainter *painter,
           const char   *text,
           double        max_width,
           gboolean      keep_ellipsis)
{
  glong lo = 0, hi;

  if (fits (painter, text, max_width))
    return g_strdup (text);
  if (!keep_ellipsis && !fits (painter, SIGAP_TEXT_FIT_ELLIPSIS, max_width))
    return g_strdup ("");

  /* The longest start, in characters, that fits with the ellipsis: lo fits (or is 0), hi
   * does not (or is the whole text, which does not fit).
   */
  hi = g_utf8_strlen (text, -1);
  while (hi - lo > 1)
    {
      glong mid = (lo + hi) / 2;
      g_autofree char *candidate = ellipsized_prefix (text, mid);

      if (fits (painter, candidate, max_width))
        lo = mid;
      else
        hi = mid;
    }

  return ellipsized_prefix (text, lo);
}

/* The length in bytes of the longest prefix of @word that fits @max_width, at least one
 * character.
 */
static gsize
fitting_prefix (SigapPainter *painter,
                const char   *word,
                double        max_width)
{
  glong lo = 1, hi = g_utf8_strlen (word, -1);

  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (word, mid);
      g_autofree char *prefix = g_strndup (word, end - word);

      if (fits (painter, prefix, max_width))
        lo = mid;
      else
        hi = mid - 1;
    }

  return g_utf8_offset_to_pointer (word, lo) - word;
}

static void
add_line (GArray     *lines,
          const char *text,
          gsize       length,
          guint       word,
          gsize       offset,
          gboolean    cut)
{
  Line line = { g_strndup (text, length), word, offset, cut };

  g_array_append_val (lines, line);
}

/* Whether @line is a name of which nothing but the ellipsis (or nothing at all) fits. */
static gboolean
says_nothing (const Line *line)
{
  return line->cut && (*line->text == '\0' || strcmp (line->text, SIGAP_TEXT_FIT_ELLIPSIS) == 0);
}

/* Everything from @line on, one space between words (a hard break counts as one). */
static char *
rest_from (GPtrArray  *words,
           const Line *line)
{
  GString *rest = g_string_new (NULL);

  for (guint w = line->word; w < words->len; w++)
    {
      const char *word = g_ptr_array_index (words, w);

      if (w == line->word)
        g_string_append (rest, word + line->offset);
      else
        g_string_append_printf (rest, " %s", word);
    }

  return g_string_free (rest, FALSE);
}

/* The lines of one paragraph, appended to @lines; its words to @words. */
static void
wrap_paragraph (SigapPainter      *painter,
                const char        *paragraph,
                double             max_width,
                guint              max_lines,
                SigapTextFitFlags  flags,
                GPtrArray         *words,
                GArray            *lines)
{
  g_auto(GStrv) split = g_strsplit (paragraph, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  guint first_line = lines->len;
  guint line_word = words->len;
  gsize line_offset = 0;

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *word = split[i];
      guint index;
      gsize offset = 0;

      if (*word == '\0')
        continue;

      index = words->len;
      g_ptr_array_add (words, g_strdup (word));

      if (line->len > 0)
        {
          g_autofree char *candidate = g_strdup_printf ("%s %s", line->str, word);

          if (fits (painter, candidate, max_width))
            {
              g_string_assign (line, candidate);
              continue;
            }

          add_line (lines, line->str, line->len, line_word, line_offset, FALSE);
          g_string_truncate (line, 0);
        }

      if (!fits (painter, word, max_width))
        {
          if ((flags & SIGAP_TEXT_FIT_BREAK_WORDS) == 0)
            {
              /* A name: shortened, on a line of its own. */
              g_autofree char *shortened = ellipsize (painter, word, max_width, max_lines == 0);

              add_line (lines, shortened, strlen (shortened), index, 0, TRUE);
              line_word = index + 1;
              line_offset = 0;
              continue;
            }

          while (!fits (painter, word + offset, max_width))
            {
              gsize length = fitting_prefix (painter, word + offset, max_width);

              add_line (lines, word + offset, length, index, offset, FALSE);
              offset += length;
            }
        }

      g_string_assign (line, word + offset);
      line_word = index;
      line_offset = offset;
    }

  if (line->len > 0 || lines->len == first_line)
    add_line (lines, line->str, line->len, line_word, line_offset, FALSE);
}

/* Returns: the width of @text in the painter's current font, 0 for NULL or "" */
double
sigap_text_fit_width (SigapPainter *painter,
                      const char   *text)
{
  SigapTextExtents extents;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), 0);

  if (text == NULL || *text == '\0')
    return 0;

  sigap_painter_measure_text (painter, text, &extents);
  return extents.width;
}

/**
 * sigap_text_fit_show_line:
 * @text: (nullable): one line
 * @x: where the line is anchored
 * @top: the top of its box
 * @align: where @x falls along the line: 0 at its left edge, 0.5 its centre, 1 its right edge
 *
 * Draws one line in the painter's current font and colour.
 */
void
sigap_text_fit_show_line (SigapPainter *painter,
                          const char   *text,
                          double        x,
                          double        top,
                          double        align)
{
  SigapTextExtents extents;

  g_return_if_fail (SIGAP_IS_PAINTER (painter));

  if (text == NULL || *text == '\0')
    return;

  sigap_painter_measure_text (painter, text, &extents);
  sigap_painter_show_text (painter, x - align * extents.width, top + extents.baseline, text);
}

/* Returns: the height of a line in the painter's current font */
double
sigap_text_fit_line_height (SigapPainter *painter)
{
  SigapTextExtents extents;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), 0);

  sigap_painter_measure_text (painter, "Xg", &extents);
  return extents.height;
}

/* Returns: the width of the widest word of @text (the least a line of it can be without
 * cutting a word), 0 for NULL */
double
sigap_text_fit_widest_word (SigapPainter *painter,
                            const char   *text)
{
  g_auto(GStrv) words = NULL;
  double widest = 0;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), 0);

  if (text == NULL)
    return 0;

  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, sigap_text_fit_width (painter, words[i]));

  return widest;
}

/**
 * sigap_text_fit_ellipsize:
 * @text: (nullable): one line of text
 * @max_width: the room, in the painter's units
 *
 * @text itself when it fits @max_width in the painter's current font; else its longest start
 * that fits when followed by "…", cut between two characters (spaces before the ellipsis are
 * dropped); the ellipsis alone where nothing more fits, and "" where not even that does.
 *
 * Returns: (transfer full): the line, "" for NULL
 */
char *
sigap_text_fit_ellipsize (SigapPainter *painter,
                          const char   *text,
                          double        max_width)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), NULL);

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return ellipsize (painter, text, max_width, FALSE);
}

/**
 * sigap_text_fit_wrap:
 * @text: (nullable): the text; "\n" forces a break
 * @max_width: the width of a line, in the painter's units
 * @max_lines: the most lines there may be, 0 for as many as it takes
 * @flags: what becomes of a word wider than a line
 * @cut: (out) (optional): set to whether anything ends with an ellipsis that @text lacks
 *
 * Breaks @text into lines in the painter's current font, at spaces, measuring each candidate
 * line. Runs of spaces count as one. When the text needs more than @max_lines lines, the last
 * one holds all the rest, ellipsized. Where a line is narrower than "…", a name in a label
 * (@max_lines > 0) becomes "", in a flow "…" (see the top of sigap-text-fit.c).
 *
 * Returns: (transfer full) (element-type utf8): the lines, at least one
 */
GPtrArray *
sigap_text_fit_wrap (SigapPainter      *painter,
                     const char        *text,
                     double             max_width,
                     guint              max_lines,
                     SigapTextFitFlags  flags,
                     gboolean          *cut)
{
  g_autofree char *valid = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  GPtrArray *result;
  gboolean any_cut = FALSE;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), NULL);

  g_array_set_clear_func (lines, clear_line);
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  paragraphs = g_strsplit (text, "\n", -1);
  for (guint p = 0; paragraphs[p] != NULL; p++)
    wrap_paragraph (painter, paragraphs[p], max_width, max_lines, flags, words, lines);
  if (lines->len == 0)
    add_line (lines, "", 0, 0, 0, FALSE);   /* "" splits into no paragraph at all */

  if (max_lines > 0)
    {
      guint last = MIN (lines->len, max_lines) - 1;

      /* A name of which not one letter fits ends a label: "…" over "…" says nothing more. */
      for (guint i = 0; i < last; i++)
        if (says_nothing (&g_array_index (lines, Line, i)))
          last = i;

      if (last + 1 < lines->len)
        {
          Line *line = &g_array_index (lines, Line, last);
          g_autofree char *rest = rest_from (words, line);

          g_free (line->text);
          line->text = ellipsize (painter, rest, max_width, FALSE);
          line->cut = strcmp (line->text, rest) != 0;
          g_array_set_size (lines, last + 1);
        }
    }

  result = g_ptr_array_new_full (lines->len, g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      any_cut |= line->cut;
      g_ptr_array_add (result, g_steal_pointer (&line->text));
    }

  if (cut != NULL)
    *cut = any_cut;

  return result;
}

static void
use_font (SigapPainter           *painter,
          const SigapTextFitFont *font,
          double                  scale)
{
  sigap_painter_set_font (painter, font->family, font->size * scale, font->weight);
}

/**
 * sigap_text_fit_shrink:
 * @text: (nullable): the text
 * @max_width: the width of a line, in the painter's units
 * @max_lines: the most lines there may be, 0 for as many as it takes
 * @flags: as for sigap_text_fit_wrap()
 * @font: the font, and how far it may shrink
 * @scale: (inout) (optional): the scale of @font's size to start at (1 when NULL); set to
 *   the scale used
 * @cut: (out) (optional): set to whether the text is cut even at that scale
 *
 * Like sigap_text_fit_wrap(), but before anything is cut the font shrinks, down to
 * @font's smallest scale; the text is ellipsized only at that. The painter is left with the
 * font at the scale used, to draw the lines with.
 *
 * Returns: (transfer full) (element-type utf8): the lines, at least one
 */
GPtrArray *
sigap_text_fit_shrink (SigapPainter           *painter,
                       const char             *text,
                       double                  max_width,
                       guint                   max_lines,
                       SigapTextFitFlags       flags,
                       const SigapTextFitFont *font,
                       double                 *scale,
                       gboolean               *cut)
{
  g_autoptr(GPtrArray) lines = NULL;
  double s = scale != NULL ? *scale : 1.0;
  gboolean is_cut;

  g_return_val_if_fail (SIGAP_IS_PAINTER (painter), NULL);
  g_return_val_if_fail (font != NULL, NULL);

  use_font (painter, font, s);
  lines = sigap_text_fit_wrap (painter, text, max_width, max_lines, flags, &is_cut);

  if (is_cut && s > font->min_scale && font->scale_step > 0)
    {
      while (is_cut && s > font->min_scale)
        {
          s = MAX (s - font->scale_step, font->min_scale);
          use_font (painter, font, s);
          g_clear_pointer (&lines, g_ptr_array_unref);
          lines = sigap_text_fit_wrap (painter, text, max_width, max_lines, flags, &is_cut);
        }
    }
  else if (is_cut && s > font->min_scale)
    {
      /* Straight to the size at which the line (or the widest word) fits. */
      double natural = max_lines == 1 ? sigap_text_fit_width (painter, text)
                                      : sigap_text_fit_widest_word (painter, text);

      if (natural > max_width)
        s = MAX (s * max_width / natural, font->min_scale);
      use_font (painter, font, s);
      g_clear_pointer (&lines, g_ptr_array_unref);
      lines = sigap_text_fit_wrap (painter, text, max_width, max_lines, flags, &is_cut);
    }

  if (scale != NULL)
    *scale = s;
  if (cut != NULL)
    *cut = is_cut;

  return g_steal_pointer (&lines);
}
