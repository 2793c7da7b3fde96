/* sigap-report-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-report-layout.h"

#include <math.h>
#include <string.h>

#include "sigap-report-private.h"

/* SigapReportLayout: typesets a briefing in two passes. The sections add blocks (headings,
 * paragraphs, tables, figures); paginate() flows them onto A4 pages, measuring text with the
 * PDF painter before any page exists; render() then adds the pages to the document and draws
 * them, now that the page count for "Halaman 2 dari 9", the cover's contents list and the
 * outline are known.
 *
 * The flow's rules: a level-1 heading starts a page, unless half the page is still empty and
 * the whole section fits there; headings and captions stay with what follows (at least two
 * lines of a paragraph, a table's header and first rows, a whole figure), so none is left
 * alone at the bottom of a page; a paragraph breaks between lines leaving at least two on
 * each page; a table breaks between rows, never inside one, leaving at least three on each
 * page, and repeats its header; a figure never breaks.
 */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_SPACE,
} BlockKind;

typedef struct
{
  BlockKind             kind;
  guint                 level;         /* heading */
  gboolean              new_page;      /* heading: starts a page */
  SigapReportTextStyle  style;         /* paragraph */
  char                 *text;
  GPtrArray            *lines;         /* paragraph, after measure() */
  SigapReportTable     *table;
  double                height;        /* heading, figure, space; a paragraph's line height */
  SigapReportDrawFunc   draw;
  gpointer              data;
  GDestroyNotify        destroy;
  double                space_before;
  double                space_after;
  gboolean              keep_with_next;
} Block;

/* A block, or part of one, on a page. */
typedef struct
{
  Block  *block;
  double  y;
  guint   first;     /* lines or rows [first, end) */
  guint   end;
} Placement;

typedef struct
{
  char  *text;
  guint  level;
  guint  page;
  double y;
} Heading;

struct _SigapReportLayout
{
  GObject              parent_instance;

  SigapHpdfPainter    *painter;
  char                *header_left;
  char                *header_right;
  char                *footer_left;
  char                *page_format;
  SigapReportDrawFunc  cover;
  gpointer             cover_data;

  GPtrArray           *blocks;     /* Block */
  GPtrArray           *pages;      /* GArray of Placement, one per page after the cover */
  GArray              *headings;   /* Heading */
  gboolean             paginated;
};

G_DEFINE_FINAL_TYPE (SigapReportLayout, sigap_report_layout, G_TYPE_OBJECT)

#define BULLET_INDENT 13.0

/* A level-1 heading that need not start a page still does with less room than this left. */
#define SECTION_ROOM (0.45 * SIGAP_REPORT_CONTENT_HEIGHT)

/* A section that starts a page follows on the current one instead when at least this much of
 * it is still empty and the whole section fits there: a page is not left half blank. */
#define EMPTY_PAGE_ROOM (0.5 * SIGAP_REPORT_CONTENT_HEIGHT)

/* Tables at most this tall (a third of the text height) are not split across pages. */
#define SHORT_TABLE_HEIGHT 240.0

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->lines, g_ptr_array_unref);
  g_clear_object (&block->table);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

static void
heading_clear (gpointer data)
{
  g_free (((Heading *) data)->text);
}

/* ---------------------------------------------------------------------------------------- */
/* Text helpers                                                                             */

void
sigap_report_use_font (SigapPainter    *painter,
                       double           size,
                       SigapFontWeight  weight)
{
  sigap_painter_set_font (painter, SIGAP_REPORT_FONT_FAMILY, size, weight);
}

/**
 * sigap_report_wrap_text:
 * @text: the text; "\n" forces a break
 * @width: the line width in points
 *
 * Breaks @text into lines in the painter's current font, at spaces, measuring each candidate
 * line (libharu's HPDF_Page_TextRect mis-measures non-ASCII text). A word wider than a line
 * (a web address in the official's notes) is cut where it must be, so that nothing is lost.
 *
 * Returns: (transfer full) (element-type utf8): the lines, at least one
 */
GPtrArray *
sigap_report_wrap_text (SigapPainter *painter,
                        const char   *text,
                        double        width)
{
  return sigap_text_fit_wrap (painter, text, width, 0, SIGAP_TEXT_FIT_BREAK_WORDS, NULL);
}

/**
 * sigap_report_wrap_names:
 * @text: the text; "\n" forces a break
 * @width: the line width in points
 *
 * Like sigap_report_wrap_text(), for names (table cells, titles): lines break at spaces
 * only. A word is never split or hyphenated, "Jatisam-purna" reads as two places; a word
 * wider than the line is shortened with an ellipsis instead.
 *
 * Returns: (transfer full) (element-type utf8): the lines, at least one
 */
GPtrArray *
sigap_report_wrap_names (SigapPainter *painter,
                         const char   *text,
                         double        width)
{
  return sigap_text_fit_wrap (painter, text, width, 0, SIGAP_TEXT_FIT_NAMES, NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* Styles                                                                                   */

static double
paragraph_size (SigapReportTextStyle style)
{
  switch (style)
    {
    case SIGAP_REPORT_TEXT_LEAD:
      return 10.5;
    case SIGAP_REPORT_TEXT_CAPTION:
      return 9.0;
    case SIGAP_REPORT_TEXT_NOTE:
      return 7.5;
    case SIGAP_REPORT_TEXT_BODY:
    case SIGAP_REPORT_TEXT_BULLET:
    default:
      return 9.5;
    }
}

static double
paragraph_leading (SigapReportTextStyle style)
{
  return round (paragraph_size (style) * 1.42 * 10) / 10;
}

static SigapFontWeight
paragraph_weight (SigapReportTextStyle style)
{
  return style == SIGAP_REPORT_TEXT_CAPTION ? SIGAP_FONT_WEIGHT_BOLD : SIGAP_FONT_WEIGHT_NORMAL;
}

static const SigapColor *
paragraph_color (SigapReportTextStyle style)
{
  static const SigapColor ink = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_INK, 1.0);
  static const SigapColor muted = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_MUTED, 1.0);

  return style == SIGAP_REPORT_TEXT_NOTE ? &muted : &ink;
}

static double
heading_size (guint level)
{
  return level <= 1 ? 16.0 : 11.5;
}

/* ---------------------------------------------------------------------------------------- */
/* Pagination                                                                               */

static void
measure_block (SigapReportLayout *self,
               Block             *block)
{
  SigapPainter *painter = SIGAP_PAINTER (self->painter);
  double width = SIGAP_REPORT_CONTENT_WIDTH;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      if (block->style == SIGAP_REPORT_TEXT_BULLET)
        width -= BULLET_INDENT;
      sigap_painter_save (painter);
      sigap_report_use_font (painter, paragraph_size (block->style),
                             paragraph_weight (block->style));
      g_clear_pointer (&block->lines, g_ptr_array_unref);
      block->lines = sigap_report_wrap_text (painter, block->text, width);
      sigap_painter_restore (painter);
      block->height = paragraph_leading (block->style);
      break;

    case BLOCK_TABLE:
      sigap_report_table_layout (block->table, painter, width);
      break;

    case BLOCK_HEADING:
    case BLOCK_FIGURE:
    case BLOCK_SPACE:
    default:
      break;
    }
}

static guint
block_n_units (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      return block->lines->len;
    case BLOCK_TABLE:
      return sigap_report_table_get_n_rows (block->table);
    case BLOCK_HEADING:
    case BLOCK_FIGURE:
    case BLOCK_SPACE:
    default:
      return 1;
    }
}

/* The height of units [first, end) of @block, a table's header included. */
static double
block_height (const Block *block,
              guint        first,
              guint        end)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      return (end - first) * block->height;
    case BLOCK_TABLE:
      return sigap_report_table_get_header_height (block->table) +
             sigap_report_table_get_rows_height (block->table, first, end);
    case BLOCK_HEADING:
    case BLOCK_FIGURE:
    case BLOCK_SPACE:
    default:
      return block->height;
    }
}

/* A table read at a glance: it moves whole to the next page rather than break. */
static gboolean
is_short_table (const Block *block)
{
  return block->kind == BLOCK_TABLE &&
         block_height (block, 0, block_n_units (block)) <= SHORT_TABLE_HEIGHT;
}

/* How much of @block must share a page with whatever keeps with it. */
static double
min_start_height (SigapReportLayout *self,
                  guint              index,
                  guint              depth)
{
  const Block *block = g_ptr_array_index (self->blocks, index);
  double height;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      /* Two lines, or all of a paragraph too short to break (see paginate ()). */
      height = block_height (block, 0, block_n_units (block) < 4 ? block_n_units (block) : 2);
      break;
    case BLOCK_TABLE:
      /* A short table moves whole, so all of it must fit. */
      if (is_short_table (block))
        height = block_height (block, 0, block_n_units (block));
      else
        height = block_height (block, 0, MIN (block_n_units (block), 3));
      break;
    case BLOCK_HEADING:
    case BLOCK_FIGURE:
    case BLOCK_SPACE:
    default:
      height = block->height;
      break;
    }

  if (block->keep_with_next && index + 1 < self->blocks->len && depth < 6)
    {
      const Block *next = g_ptr_array_index (self->blocks, index + 1);

      height += block->space_after + next->space_before +
                min_start_height (self, index + 1, depth + 1);
    }

  return height;
}

/* The height of the section that starts with the level-1 heading @index, to the next level-1
 * heading, all on one page. */
static double
section_height (SigapReportLayout *self,
                guint              index)
{
  double height = 0;

  for (guint i = index; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      if (i > index && block->kind == BLOCK_HEADING && block->level <= 1)
        break;
      if (i > index)
        height += block->space_before;
      height += block->kind == BLOCK_SPACE ? block->height
                                           : block_height (block, 0, block_n_units (block));
      height += block->space_after;
    }

  return height;
}

static GArray *
new_page (SigapReportLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       Block  *block,
       double  y,
       guint   first,
       guint   end)
{
  Placement placement = { block, y, first, end };

  g_array_append_val (page, placement);
}

/**
 * sigap_report_layout_paginate:
 *
 * Flows the blocks onto pages. The cover, when there is one, is page 1 on its own.
 *
 * Returns: the number of pages, the cover included
 */
guint
sigap_report_layout_paginate (SigapReportLayout *self)
{
  const double top = SIGAP_REPORT_MARGIN_TOP;
  const double bottom = SIGAP_REPORT_PAGE_HEIGHT - SIGAP_REPORT_MARGIN_BOTTOM;
  guint cover_pages;
  GArray *page;
  double y = top;

  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), 0);

  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->headings, 0);
  cover_pages = self->cover != NULL ? 1 : 0;

  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, g_ptr_array_index (self->blocks, i));

  page = new_page (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      guint n_units = block_n_units (block);
      guint first = 0;

      if (block->kind == BLOCK_HEADING && page->len > 0 &&
          ((block->new_page &&
            (bottom - y < EMPTY_PAGE_ROOM ||
             y + block->space_before + section_height (self, i) > bottom)) ||
           (block->level <= 1 && bottom - y < SECTION_ROOM)))
        {
          page = new_page (self);
          y = top;
        }

      /* Space between blocks, not at the top of a page. */
      if (y > top)
        y += block->space_before;

      if (block->kind == BLOCK_SPACE)
        {
          y += block->height;
          continue;
        }

      if (block->kind == BLOCK_HEADING || block->kind == BLOCK_FIGURE)
        {
          double need = block->keep_with_next ? min_start_height (self, i, 0) : block->height;

          if (y + need > bottom && y > top)
            {
              page = new_page (self);
              y = top;
            }

          if (block->kind == BLOCK_HEADING)
            {
              Heading heading = { g_strdup (block->text), block->level,
                                  self->pages->len - 1 + cover_pages, y };

              g_array_append_val (self->headings, heading);
            }

          place (page, block, y, 0, 1);
          y += block->height + block->space_after;
          continue;
        }

      /* Paragraphs and tables: as many lines or rows as fit, the rest on the next pages. */
      while (first < n_units)
        {
          double room = bottom - y;
          guint fit = 0;
          gboolean whole;

          while (first + fit < n_units && block_height (block, first, first + fit + 1) <= room)
            fit++;

          if (block->kind == BLOCK_PARAGRAPH)
            {
              guint left = n_units - first;

              /* No lone line at the bottom, none alone at the top of the next page. */
              if (fit < MIN (left, 2))
                fit = 0;
              else if (fit < left && left - fit < 2)
                fit = left >= 4 ? left - 2 : 0;
            }
          else if (block->kind == BLOCK_TABLE && fit < n_units - first)
            {
              guint left = n_units - first;

              /* A short table is read at a glance: it moves whole to the next page. A long
               * one breaks with at least three rows on either side. */
              if (first == 0 && is_short_table (block))
                fit = 0;
              else if (fit < MIN (left, 3))
                fit = 0;
              else if (left - fit < 3)
                fit = left >= 6 ? left - 3 : 0;
            }

          /* The last part keeps what follows (a note under a table) on its page: rows go
           * over to the next page with it, within the rules above. */
          whole = first + fit == n_units;
          if (whole && block->keep_with_next && i + 1 < self->blocks->len)
            {
              const Block *next = g_ptr_array_index (self->blocks, i + 1);
              double need = block->space_after + next->space_before +
                            min_start_height (self, i + 1, 1);

              while (fit > 0 && y + block_height (block, first, first + fit) + need > bottom)
                fit--;

              if (fit < n_units - first)
                {
                  guint left = n_units - first;

                  if (block->kind == BLOCK_TABLE &&
                      ((first == 0 && is_short_table (block)) || fit < MIN (left, 3) ||
                       left - fit < 3))
                    fit = 0;
                  else if (block->kind == BLOCK_PARAGRAPH && (fit < 2 || left - fit < 2))
                    fit = 0;
                }
            }

          if (fit == 0)
            {
              if (y > top)
                {
                  page = new_page (self);
                  y = top;
                  continue;
                }
              /* Taller than a page: it cannot be helped, take one unit. */
              fit = 1;
            }

          place (page, block, y, first, first + fit);
          y += block_height (block, first, first + fit);
          first += fit;

          if (first < n_units)
            {
              page = new_page (self);
              y = top;
            }
        }

      y += block->space_after;
    }

  /* A trailing empty page (the blocks ended with a page's worth of space) is dropped. */
  if (page->len == 0 && self->pages->len > 1)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);

  self->paginated = TRUE;
  return self->pages->len + cover_pages;
}

/* ---------------------------------------------------------------------------------------- */
/* Drawing                                                                                  */

static void
draw_heading (SigapReportLayout *self,
              SigapPainter      *painter,
              const Block       *block,
              double             x,
              double             y)
{
  static const SigapColor accent = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_ACCENT, 1.0);
  static const SigapColor ink = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_INK, 1.0);
  double size = heading_size (block->level);

  sigap_report_use_font (painter, size, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_set_color (painter, block->level <= 1 ? &accent : &ink);
  sigap_text_fit_show_line (painter, block->text, x, y, 0);

  if (block->level <= 1)
    {
      /* A rule under a section title, the width of the text block. */
      sigap_painter_set_color (painter, &accent);
      sigap_painter_set_line_width (painter, 1.2);
      sigap_painter_move_to (painter, x, y + block->height - 4);
      sigap_painter_line_to (painter, x + SIGAP_REPORT_CONTENT_WIDTH, y + block->height - 4);
      sigap_painter_stroke (painter);
    }
}

static void
draw_paragraph (SigapPainter    *painter,
                const Placement *placement,
                double           x)
{
  const Block *block = placement->block;
  double y = placement->y;
  double size = paragraph_size (block->style);
  SigapTextExtents extents;
  double offset;

  sigap_report_use_font (painter, size, paragraph_weight (block->style));
  sigap_painter_set_color (painter, paragraph_color (block->style));
  /* The line box centred in the leading. */
  sigap_painter_measure_text (painter, "Xg", &extents);
  offset = (block->height - extents.height) / 2;

  if (block->style == SIGAP_REPORT_TEXT_BULLET)
    {
      if (placement->first == 0)
        {
          /* A small square: it prints crisply and needs no glyph. */
          double side = size * 0.34;

          sigap_painter_rectangle (painter, x + 3, y + block->height / 2 - side / 2 + 0.3,
                                   side, side);
          sigap_painter_fill (painter);
        }
      x += BULLET_INDENT;
    }

  for (guint l = placement->first; l < placement->end; l++)
    {
      sigap_text_fit_show_line (painter, g_ptr_array_index (block->lines, l), x, y + offset, 0);
      y += block->height;
    }
}

static void
draw_running_header (SigapReportLayout *self,
                     SigapPainter      *painter)
{
  static const SigapColor muted = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_MUTED, 1.0);
  static const SigapColor rule = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_RULE, 1.0);
  const double x = SIGAP_REPORT_MARGIN_LEFT;
  const double right = SIGAP_REPORT_PAGE_WIDTH - SIGAP_REPORT_MARGIN_RIGHT;
  const double y = 38;

  sigap_report_use_font (painter, 7.5, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_set_color (painter, &muted);
  sigap_text_fit_show_line (painter, self->header_left, x, y, 0);
  sigap_text_fit_show_line (painter, self->header_right, right, y, 1);

  sigap_painter_set_color (painter, &rule);
  sigap_painter_set_line_width (painter, 0.5);
  sigap_painter_move_to (painter, x, y + 13);
  sigap_painter_line_to (painter, right, y + 13);
  sigap_painter_stroke (painter);
}

/* The page format's first "%u" becomes @page, its second @n_pages. The format comes from a
 * translation table, so it is filled in by hand rather than handed to printf. */
static char *
format_page_number (const char *format,
                    guint       page,
                    guint       n_pages)
{
  GString *out = g_string_new (NULL);
  guint used = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'u' && used < 2)
        {
          g_string_append_printf (out, "%u", used++ == 0 ? page : n_pages);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
draw_footer (SigapReportLayout *self,
             SigapPainter      *painter,
             guint              page,
             guint              n_pages)
{
  static const SigapColor muted = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_MUTED, 1.0);
  static const SigapColor rule = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_RULE, 1.0);
  const double x = SIGAP_REPORT_MARGIN_LEFT;
  const double right = SIGAP_REPORT_PAGE_WIDTH - SIGAP_REPORT_MARGIN_RIGHT;
  const double y = SIGAP_REPORT_PAGE_HEIGHT - 44;
  g_autofree char *number = NULL;

  sigap_painter_set_color (painter, &rule);
  sigap_painter_set_line_width (painter, 0.5);
  sigap_painter_move_to (painter, x, y - 6);
  sigap_painter_line_to (painter, right, y - 6);
  sigap_painter_stroke (painter);

  sigap_report_use_font (painter, 7.5, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_set_color (painter, &muted);
  sigap_text_fit_show_line (painter, self->footer_left, x, y, 0);

  number = format_page_number (self->page_format, page, n_pages);
  sigap_report_use_font (painter, 7.5, SIGAP_FONT_WEIGHT_BOLD);
  sigap_text_fit_show_line (painter, number, right, y, 1);
}

static void
draw_placement (SigapReportLayout *self,
                SigapPainter      *painter,
                const Placement   *placement)
{
  const Block *block = placement->block;
  double x = SIGAP_REPORT_MARGIN_LEFT;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      draw_heading (self, painter, block, x, placement->y);
      break;

    case BLOCK_PARAGRAPH:
      draw_paragraph (painter, placement, x);
      break;

    case BLOCK_TABLE:
      sigap_report_table_draw (block->table, painter, x, placement->y, placement->first,
                               placement->end, placement->first > 0);
      break;

    case BLOCK_FIGURE:
      sigap_painter_save (painter);
      sigap_hpdf_painter_translate (self->painter, x, placement->y);
      block->draw (painter, SIGAP_REPORT_CONTENT_WIDTH, block->height, block->data);
      sigap_painter_restore (painter);
      break;

    case BLOCK_SPACE:
    default:
      break;
    }
}

static gboolean
check_pdf (HPDF_Doc     pdf,
           GError     **error)
{
  if (HPDF_GetError (pdf) == HPDF_OK)
    return TRUE;

  _sigap_report_set_pdf_error (pdf, error);
  return FALSE;
}

static HPDF_Page
add_page (HPDF_Doc pdf)
{
  HPDF_Page page = HPDF_AddPage (pdf);

  if (page != NULL)
    HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);

  return page;
}

static gboolean
add_outline (SigapReportLayout  *self,
             HPDF_Doc            pdf,
             GPtrArray          *pdf_pages,
             GError            **error)
{
  HPDF_Encoder encoder = HPDF_GetEncoder (pdf, "UTF-8");
  HPDF_Outline parent = NULL;

  for (guint i = 0; i < self->headings->len; i++)
    {
      const Heading *heading = &g_array_index (self->headings, Heading, i);
      HPDF_Page page = g_ptr_array_index (pdf_pages, heading->page);
      HPDF_Outline outline;
      HPDF_Destination destination;

      if (heading->level > 2)
        continue;

      outline = HPDF_CreateOutline (pdf, heading->level <= 1 ? NULL : parent, heading->text,
                                    encoder);
      if (outline == NULL)
        return check_pdf (pdf, error);

      destination = HPDF_Page_CreateDestination (page);
      if (destination == NULL)
        return check_pdf (pdf, error);
      /* Fit the width with the heading at the top: libharu 2.3.0 refuses XYZ with zoom 0
       * ("keep the reader's zoom"). */
      HPDF_Destination_SetFitH (destination, SIGAP_REPORT_PAGE_HEIGHT - heading->y + 12);
      HPDF_Outline_SetDestination (outline, destination);

      if (heading->level <= 1)
        {
          HPDF_Outline_SetOpened (outline, HPDF_FALSE);
          parent = outline;
        }
    }

  return check_pdf (pdf, error);
}

/**
 * sigap_report_layout_render:
 * @pdf: the document: the pages are added to it
 * @cancellable: (nullable): checked between pages
 *
 * Paginates if needed, then draws every page with its header and footer and adds the outline
 * (one entry per heading, the level-2 ones under their section).
 *
 * Returns: %TRUE on success; %FALSE with @error set (libharu failed, or cancelled)
 */
gboolean
sigap_report_layout_render (SigapReportLayout  *self,
                            HPDF_Doc            pdf,
                            GCancellable       *cancellable,
                            GError            **error)
{
  SigapPainter *painter;
  g_autoptr(GPtrArray) pdf_pages = g_ptr_array_new ();
  guint n_pages, number = 0;

  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (!self->paginated)
    sigap_report_layout_paginate (self);

  painter = SIGAP_PAINTER (self->painter);
  n_pages = sigap_report_layout_get_n_pages (self);

  if (self->cover != NULL)
    {
      HPDF_Page page = add_page (pdf);

      if (page == NULL)
        return check_pdf (pdf, error);
      g_ptr_array_add (pdf_pages, page);
      sigap_hpdf_painter_set_page (self->painter, page);
      self->cover (painter, SIGAP_REPORT_PAGE_WIDTH, SIGAP_REPORT_PAGE_HEIGHT, self->cover_data);
      draw_footer (self, painter, ++number, n_pages);
      if (!check_pdf (pdf, error))
        return FALSE;
    }

  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *placements = g_ptr_array_index (self->pages, p);
      HPDF_Page page;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      page = add_page (pdf);
      if (page == NULL)
        return check_pdf (pdf, error);
      g_ptr_array_add (pdf_pages, page);
      sigap_hpdf_painter_set_page (self->painter, page);

      draw_running_header (self, painter);
      for (guint i = 0; i < placements->len; i++)
        draw_placement (self, painter, &g_array_index (placements, Placement, i));
      draw_footer (self, painter, ++number, n_pages);

      if (!check_pdf (pdf, error))
        return FALSE;
    }

  sigap_hpdf_painter_set_page (self->painter, NULL);

  return add_outline (self, pdf, pdf_pages, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Figures                                                                                  */

static void
draw_chart (SigapPainter *painter,
            double        width,
            double        height,
            gpointer      user_data)
{
  sigap_chart_layout_render (SIGAP_CHART_LAYOUT (user_data), painter, width, height);
}

static void
draw_map (SigapPainter *painter,
          double        width,
          double        height,
          gpointer      user_data)
{
  sigap_chart_map_render (SIGAP_CHART_MAP (user_data), painter, width, height);
}

/* ---------------------------------------------------------------------------------------- */

static Block *
add_block (SigapReportLayout *self,
           BlockKind          kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  self->paginated = FALSE;

  return block;
}

static void
sigap_report_layout_finalize (GObject *object)
{
  SigapReportLayout *self = SIGAP_REPORT_LAYOUT (object);

  g_clear_object (&self->painter);
  g_clear_pointer (&self->header_left, g_free);
  g_clear_pointer (&self->header_right, g_free);
  g_clear_pointer (&self->footer_left, g_free);
  g_clear_pointer (&self->page_format, g_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);

  G_OBJECT_CLASS (sigap_report_layout_parent_class)->finalize (object);
}

static void
sigap_report_layout_class_init (SigapReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sigap_report_layout_finalize;
}

static void
sigap_report_layout_init (SigapReportLayout *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->page_format = g_strdup ("%u / %u");
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                               */

/**
 * sigap_report_layout_new:
 * @painter: the PDF painter: it measures while laying out and draws while rendering
 *
 * Returns: (transfer full): an empty layout
 */
SigapReportLayout *
sigap_report_layout_new (SigapHpdfPainter *painter)
{
  SigapReportLayout *self;

  g_return_val_if_fail (SIGAP_IS_HPDF_PAINTER (painter), NULL);

  self = g_object_new (SIGAP_TYPE_REPORT_LAYOUT, NULL);
  self->painter = g_object_ref (painter);

  return self;
}

/* Returns: (transfer none): the painter that measures and draws */
SigapPainter *
sigap_report_layout_get_painter (SigapReportLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), NULL);

  return SIGAP_PAINTER (self->painter);
}

/* The running header of every page after the cover: a title left, the scope and date right. */
void
sigap_report_layout_set_header (SigapReportLayout *self,
                                const char        *left,
                                const char        *right)
{
  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

/**
 * sigap_report_layout_set_footer:
 * @left: (nullable): text at the left of every footer
 * @page_format: the page number at the right, with "%u" for the page and "%u" for the count,
 *   in that order: "Halaman %u dari %u"
 */
void
sigap_report_layout_set_footer (SigapReportLayout *self,
                                const char        *left,
                                const char        *page_format)
{
  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (page_format != NULL);

  g_free (self->footer_left);
  g_free (self->page_format);
  self->footer_left = g_strdup (left);
  self->page_format = g_strdup (page_format);
}

/* A cover page, drawn by @func over the whole page (it gets the footer, not the header). The
 * cover may list the headings with their pages: render() draws it after paginating. */
void
sigap_report_layout_set_cover (SigapReportLayout   *self,
                               SigapReportDrawFunc  func,
                               gpointer             user_data)
{
  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));

  self->cover = func;
  self->cover_data = user_data;
  self->paginated = FALSE;
}

/* @level 1 starts a page and an outline entry; 2 is a sub-heading under it. */
void
sigap_report_layout_add_heading (SigapReportLayout *self,
                                 guint              level,
                                 const char        *text)
{
  sigap_report_layout_add_heading_full (self, level, text, level <= 1);
}

/**
 * sigap_report_layout_add_heading_full:
 * @level: 1 for a section (an outline entry, a rule under it), 2 for a sub-heading
 * @new_page: whether the heading starts a page (it does not when half the page is still
 *   empty and the whole section fits there); a section that does not still starts one when
 *   less than half a page is left
 */
void
sigap_report_layout_add_heading_full (SigapReportLayout *self,
                                      guint              level,
                                      const char        *text,
                                      gboolean           new_page)
{
  Block *block;

  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_HEADING);
  block->level = MAX (level, 1);
  block->new_page = new_page;
  block->text = g_strdup (text);
  block->height = round (heading_size (level) * 1.35) + (level <= 1 ? 10 : 0);
  block->space_before = level <= 1 ? 30 : 12;
  block->space_after = level <= 1 ? 10 : 3;
  block->keep_with_next = TRUE;
}

void
sigap_report_layout_add_paragraph (SigapReportLayout    *self,
                                   SigapReportTextStyle  style,
                                   const char           *text)
{
  Block *block;

  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (text != NULL);

  /* A note belongs to the table or figure above it; a section's opening text to what it
   * introduces. */
  if (self->blocks->len > 0)
    {
      Block *previous = g_ptr_array_index (self->blocks, self->blocks->len - 1);

      if (style == SIGAP_REPORT_TEXT_NOTE &&
          (previous->kind == BLOCK_TABLE || previous->kind == BLOCK_FIGURE))
        previous->keep_with_next = TRUE;
    }

  block = add_block (self, BLOCK_PARAGRAPH);
  block->style = style;
  block->text = g_strdup (text);
  block->height = paragraph_leading (style);

  if (self->blocks->len > 1)
    {
      Block *previous = g_ptr_array_index (self->blocks, self->blocks->len - 2);

      if (previous->kind == BLOCK_HEADING && previous->level <= 1 &&
          (style == SIGAP_REPORT_TEXT_BODY || style == SIGAP_REPORT_TEXT_LEAD))
        block->keep_with_next = TRUE;
    }

  switch (style)
    {
    case SIGAP_REPORT_TEXT_CAPTION:
      block->space_before = 10;
      block->space_after = 4;
      block->keep_with_next = TRUE;
      break;
    case SIGAP_REPORT_TEXT_NOTE:
      block->space_before = 3;
      block->space_after = 6;
      break;
    case SIGAP_REPORT_TEXT_BULLET:
      block->space_before = 0;
      block->space_after = 4;
      break;
    case SIGAP_REPORT_TEXT_LEAD:
    case SIGAP_REPORT_TEXT_BODY:
    default:
      block->space_before = 0;
      block->space_after = 7;
      break;
    }
}

/* The layout keeps a reference to @table and sizes it to the text width. */
void
sigap_report_layout_add_table (SigapReportLayout *self,
                               SigapReportTable  *table)
{
  Block *block;

  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (SIGAP_IS_REPORT_TABLE (table));

  block = add_block (self, BLOCK_TABLE);
  block->table = g_object_ref (table);
  block->space_before = 4;
  block->space_after = 6;
}

/**
 * sigap_report_layout_add_figure:
 * @height: the figure's height; its width is the text width
 * @func: draws the figure
 * @destroy: (nullable): frees @user_data with the layout
 *
 * A figure never breaks across pages.
 */
void
sigap_report_layout_add_figure (SigapReportLayout   *self,
                                double               height,
                                SigapReportDrawFunc  func,
                                gpointer             user_data,
                                GDestroyNotify       destroy)
{
  Block *block;

  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (height > 0 && height <= SIGAP_REPORT_CONTENT_HEIGHT);

  block = add_block (self, BLOCK_FIGURE);
  block->height = height;
  block->draw = func;
  block->data = user_data;
  block->destroy = destroy;
  block->space_before = 6;
  block->space_after = 8;
}

/* A chart over the text width, the same chart the window draws. The layout keeps a
 * reference. */
void
sigap_report_layout_add_chart (SigapReportLayout *self,
                               SigapChartLayout  *chart,
                               double             height)
{
  sigap_report_layout_add_figure (self, height, draw_chart, g_object_ref (chart),
                                  g_object_unref);
}

void
sigap_report_layout_add_map (SigapReportLayout *self,
                             SigapChartMap     *map,
                             double             height)
{
  sigap_report_layout_add_figure (self, height, draw_map, g_object_ref (map), g_object_unref);
}

void
sigap_report_layout_add_space (SigapReportLayout *self,
                               double             height)
{
  Block *block;

  g_return_if_fail (SIGAP_IS_REPORT_LAYOUT (self));

  block = add_block (self, BLOCK_SPACE);
  block->height = height;
}

guint
sigap_report_layout_get_n_pages (SigapReportLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), 0);

  if (!self->paginated)
    sigap_report_layout_paginate (self);

  return self->pages->len + (self->cover != NULL ? 1 : 0);
}

guint
sigap_report_layout_get_n_headings (SigapReportLayout *self)
{
  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), 0);

  return self->headings->len;
}

/**
 * sigap_report_layout_get_heading:
 * @level: (out) (optional): 1 or 2
 * @page: (out) (optional): the page it is on, counted from 1 (the cover)
 *
 * After paginate(): the headings in document order, for a contents list.
 *
 * Returns: (transfer none): the heading's text
 */
const char *
sigap_report_layout_get_heading (SigapReportLayout *self,
                                 guint              index,
                                 guint             *level,
                                 guint             *page)
{
  const Heading *heading;

  g_return_val_if_fail (SIGAP_IS_REPORT_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->headings->len, NULL);

  heading = &g_array_index (self->headings, Heading, index);
  if (level != NULL)
    *level = heading->level;
  if (page != NULL)
    *page = heading->page + 1;

  return heading->text;
}
