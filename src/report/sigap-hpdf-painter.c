/* sigap-hpdf-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-hpdf-painter.h"

#include <math.h>
#include <string.h>

/* SigapHpdfPainter: the SigapPainter of the PDF briefing. The charts draw in Cairo's model (y
 * down, a path kept across state changes, alpha in the colour); libharu has its origin at the
 * bottom left, a strict graphics-mode machine (no colour change while a path is being built)
 * and alpha only through an ExtGState. So the painter:
 *
 *  - flips: a point (x, y) of the chart lands at (ox + x, H − (oy + y)) where (ox, oy) is the
 *    origin set by sigap_hpdf_painter_translate() and H the page height. Text is placed by
 *    its baseline the same way, so it is never mirrored (no flipping matrix);
 *  - keeps the path itself and hands it to libharu only in fill(), stroke() or clip(), after
 *    the wanted colour, alpha, line width and dashes have been set, and only the ones that
 *    changed (it mirrors the PDF's own graphics state stack to know);
 *  - turns alpha into one ExtGState per alpha level (/ca and /CA), shared across pages;
 *  - draws text with the two embedded fonts it was given (regular and bold): the family a
 *    chart asks for is ignored, the briefing has one typeface.
 *
 * Without a page (sigap_hpdf_painter_set_page (NULL)) it only measures text, which the
 * briefing's layout pass does before any page exists. Errors are libharu's: they reach the
 * document's error handler, which the caller checks after each step.
 */

#define MAX_DASHES 8

typedef enum
{
  PATH_MOVE,
  PATH_LINE,
  PATH_CURVE,
  PATH_CLOSE,
  PATH_RECT,
} PathKind;

/* In PDF coordinates, already flipped. A rectangle holds x, y, width, height in p[0..3]. */
typedef struct
{
  PathKind kind;
  double   p[6];
} PathOp;

/* What the charts asked for. */
typedef struct
{
  SigapColor       color;
  double           line_width;
  double           dashes[MAX_DASHES];
  guint            n_dashes;
  double           dash_offset;
  double           font_size;
  SigapFontWeight  weight;
  double           origin_x;
  double           origin_y;
} State;

/* What the PDF's graphics state holds at this save() depth. */
typedef struct
{
  double   red, green, blue;
  int      alpha;           /* 0..255 */
  double   line_width;
  guint16  dashes[MAX_DASHES];
  guint    n_dashes;
  guint    dash_offset;
} PdfState;

struct _SigapHpdfPainter
{
  GObject     parent_instance;

  HPDF_Doc    pdf;
  HPDF_Page   page;
  double      page_height;
  HPDF_Font   fonts[2];     /* by SigapFontWeight */
  GHashTable *alpha_states; /* alpha 0..255 → HPDF_ExtGState */

  State       state;
  GArray     *state_stack;  /* State */
  PdfState    pdf_state;
  GArray     *pdf_stack;    /* PdfState */

  GArray     *path;         /* PathOp */
  gboolean    has_point;
  gboolean    need_move;    /* a segment after close_path() starts at start_x, start_y */
  double      start_x;      /* of the current sub-path, for close_path() */
  double      start_y;
};

static void sigap_hpdf_painter_iface_init (SigapPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapHpdfPainter, sigap_hpdf_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_PAINTER,
                                                      sigap_hpdf_painter_iface_init))

static void
pdf_state_init (PdfState *state)
{
  /* The PDF's initial graphics state (ISO 32000-1, 8.4.1). */
  memset (state, 0, sizeof *state);
  state->alpha = 255;
  state->line_width = 1.0;
}

static double
to_pdf_x (SigapHpdfPainter *self,
          double            x)
{
  return self->state.origin_x + x;
}

static double
to_pdf_y (SigapHpdfPainter *self,
          double            y)
{
  return self->page_height - (self->state.origin_y + y);
}

static void
add_path_op (SigapHpdfPainter *self,
             PathKind          kind,
             const double     *p,
             guint             n)
{
  PathOp op = { kind, { 0 } };

  if (n > 0)
    memcpy (op.p, p, n * sizeof (double));
  g_array_append_val (self->path, op);
}

static HPDF_ExtGState
alpha_state (SigapHpdfPainter *self,
             int               alpha)
{
  HPDF_ExtGState gstate = g_hash_table_lookup (self->alpha_states, GINT_TO_POINTER (alpha));

  if (gstate != NULL)
    return gstate;

  gstate = HPDF_CreateExtGState (self->pdf);
  if (gstate == NULL)
    return NULL;
  HPDF_ExtGState_SetAlphaFill (gstate, alpha / 255.0f);
  HPDF_ExtGState_SetAlphaStroke (gstate, alpha / 255.0f);
  g_hash_table_insert (self->alpha_states, GINT_TO_POINTER (alpha), gstate);

  return gstate;
}

/* Brings the PDF's colour and alpha to the wanted ones. Both the fill and the stroke colour
 * are set: SigapPainter has one colour for both. */
static void
apply_color (SigapHpdfPainter *self)
{
  const SigapColor *c = &self->state.color;
  double red = CLAMP (c->red, 0, 1), green = CLAMP (c->green, 0, 1), blue = CLAMP (c->blue, 0, 1);
  int alpha = (int) round (CLAMP (c->alpha, 0, 1) * 255);

  if (red != self->pdf_state.red || green != self->pdf_state.green ||
      blue != self->pdf_state.blue)
    {
      HPDF_Page_SetRGBFill (self->page, red, green, blue);
      HPDF_Page_SetRGBStroke (self->page, red, green, blue);
      self->pdf_state.red = red;
      self->pdf_state.green = green;
      self->pdf_state.blue = blue;
    }

  if (alpha != self->pdf_state.alpha)
    {
      HPDF_ExtGState gstate = alpha_state (self, alpha);

      if (gstate != NULL)
        HPDF_Page_SetExtGState (self->page, gstate);
      self->pdf_state.alpha = alpha;
    }
}

static void
apply_stroke_state (SigapHpdfPainter *self)
{
  guint16 dashes[MAX_DASHES];
  guint n_dashes = self->state.n_dashes;
  guint offset = (guint) round (MAX (self->state.dash_offset, 0));
  gboolean same;

  if (self->state.line_width != self->pdf_state.line_width)
    {
      HPDF_Page_SetLineWidth (self->page, MAX (self->state.line_width, 0));
      self->pdf_state.line_width = self->state.line_width;
    }

  /* libharu 2.3.0 takes whole units for dashes; the charts' dashes are whole points. */
  for (guint i = 0; i < n_dashes; i++)
    dashes[i] = (guint16) CLAMP (round (self->state.dashes[i]), 1, G_MAXUINT16);

  same = n_dashes == self->pdf_state.n_dashes &&
         (n_dashes == 0 || offset == self->pdf_state.dash_offset) &&
         memcmp (dashes, self->pdf_state.dashes, n_dashes * sizeof (guint16)) == 0;
  if (same)
    return;

  if (n_dashes == 0)
    HPDF_Page_SetDash (self->page, NULL, 0, 0);
  else
    HPDF_Page_SetDash (self->page, dashes, n_dashes, offset);

  memcpy (self->pdf_state.dashes, dashes, sizeof dashes);
  self->pdf_state.n_dashes = n_dashes;
  self->pdf_state.dash_offset = offset;
}

static void
emit_path (SigapHpdfPainter *self)
{
  for (guint i = 0; i < self->path->len; i++)
    {
      const PathOp *op = &g_array_index (self->path, PathOp, i);

      switch (op->kind)
        {
        case PATH_MOVE:
          HPDF_Page_MoveTo (self->page, op->p[0], op->p[1]);
          break;
        case PATH_LINE:
          HPDF_Page_LineTo (self->page, op->p[0], op->p[1]);
          break;
        case PATH_CURVE:
          HPDF_Page_CurveTo (self->page, op->p[0], op->p[1], op->p[2], op->p[3],
                             op->p[4], op->p[5]);
          break;
        case PATH_CLOSE:
          HPDF_Page_ClosePath (self->page);
          break;
        case PATH_RECT:
          HPDF_Page_Rectangle (self->page, op->p[0], op->p[1], op->p[2], op->p[3]);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
clear_path (SigapHpdfPainter *self)
{
  g_array_set_size (self->path, 0);
  self->has_point = FALSE;
  self->need_move = FALSE;
}

/* After close_path() the current point is the start of the closed sub-path, as in Cairo; the
 * move is only written when another segment follows. */
static void
resume_after_close (SigapHpdfPainter *self)
{
  double p[2] = { self->start_x, self->start_y };

  if (!self->need_move)
    return;

  add_path_op (self, PATH_MOVE, p, 2);
  self->need_move = FALSE;
}

/* Whether the path draws anything: a lone move_to does not, and libharu refuses to paint a
 * path that has no segment. */
static gboolean
path_is_empty (SigapHpdfPainter *self)
{
  for (guint i = 0; i < self->path->len; i++)
    if (g_array_index (self->path, PathOp, i).kind != PATH_MOVE)
      return FALSE;

  return TRUE;
}

/* libharu's UTF-8 encoder handles the Basic Multilingual Plane only, and a control character
 * would draw as a missing glyph: both become U+FFFD and a space. Invalid UTF-8 (a user's notes
 * file) is repaired first. */
static char *
sanitize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else if (c < 0x20 || c == 0x7F)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static HPDF_Font
current_font (SigapHpdfPainter *self)
{
  HPDF_Font font = self->fonts[self->state.weight == SIGAP_FONT_WEIGHT_BOLD ? 1 : 0];

  return font != NULL ? font : self->fonts[0];
}

/* ---------------------------------------------------------------------------------------- */
/* SigapPainter                                                                             */

static void
sigap_hpdf_painter_save (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  g_array_append_val (self->state_stack, self->state);
  g_array_append_val (self->pdf_stack, self->pdf_state);
  if (self->page != NULL)
    HPDF_Page_GSave (self->page);
}

static void
sigap_hpdf_painter_restore (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  guint n = self->state_stack->len;

  g_return_if_fail (n > 0);

  self->state = g_array_index (self->state_stack, State, n - 1);
  self->pdf_state = g_array_index (self->pdf_stack, PdfState, n - 1);
  g_array_set_size (self->state_stack, n - 1);
  g_array_set_size (self->pdf_stack, n - 1);
  if (self->page != NULL)
    HPDF_Page_GRestore (self->page);
}

static void
sigap_hpdf_painter_move_to (SigapPainter *painter,
                            double        x,
                            double        y)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  double p[2] = { to_pdf_x (self, x), to_pdf_y (self, y) };

  add_path_op (self, PATH_MOVE, p, 2);
  self->has_point = TRUE;
  self->need_move = FALSE;
  self->start_x = p[0];
  self->start_y = p[1];
}

static void
sigap_hpdf_painter_line_to (SigapPainter *painter,
                            double        x,
                            double        y)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  double p[2] = { to_pdf_x (self, x), to_pdf_y (self, y) };

  /* Cairo: a line_to without a current point is a move_to. */
  if (!self->has_point)
    {
      sigap_hpdf_painter_move_to (painter, x, y);
      return;
    }

  resume_after_close (self);
  add_path_op (self, PATH_LINE, p, 2);
}

static void
sigap_hpdf_painter_curve_to (SigapPainter *painter,
                             double        x1,
                             double        y1,
                             double        x2,
                             double        y2,
                             double        x3,
                             double        y3)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  double p[6] = {
    to_pdf_x (self, x1), to_pdf_y (self, y1),
    to_pdf_x (self, x2), to_pdf_y (self, y2),
    to_pdf_x (self, x3), to_pdf_y (self, y3),
  };

  if (!self->has_point)
    sigap_hpdf_painter_move_to (painter, x1, y1);

  resume_after_close (self);
  add_path_op (self, PATH_CURVE, p, 6);
}

static void
sigap_hpdf_painter_close_path (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  if (!self->has_point || self->need_move)
    return;

  add_path_op (self, PATH_CLOSE, NULL, 0);
  self->need_move = TRUE;
}

static void
sigap_hpdf_painter_rectangle (SigapPainter *painter,
                              double        x,
                              double        y,
                              double        width,
                              double        height)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  /* The flipped rectangle starts at its bottom-left corner in PDF terms. */
  double p[4] = { to_pdf_x (self, x), to_pdf_y (self, y + height), width, height };

  add_path_op (self, PATH_RECT, p, 4);
  self->has_point = TRUE;
  self->need_move = FALSE;
  self->start_x = to_pdf_x (self, x);
  self->start_y = to_pdf_y (self, y);
}

static void
sigap_hpdf_painter_fill (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  if (self->page != NULL && !path_is_empty (self))
    {
      apply_color (self);
      emit_path (self);
      HPDF_Page_Fill (self->page);
    }

  clear_path (self);
}

static void
sigap_hpdf_painter_stroke (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  if (self->page != NULL && !path_is_empty (self))
    {
      apply_color (self);
      apply_stroke_state (self);
      emit_path (self);
      HPDF_Page_Stroke (self->page);
    }

  clear_path (self);
}

static void
sigap_hpdf_painter_clip (SigapPainter *painter)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  if (self->page != NULL)
    {
      /* An empty path clips everything away, as in Cairo. */
      if (path_is_empty (self))
        HPDF_Page_Rectangle (self->page, 0, 0, 0, 0);
      else
        emit_path (self);
      HPDF_Page_Clip (self->page);
      HPDF_Page_EndPath (self->page);
    }

  clear_path (self);
}

static void
sigap_hpdf_painter_set_color (SigapPainter     *painter,
                              const SigapColor *color)
{
  SIGAP_HPDF_PAINTER (painter)->state.color = *color;
}

static void
sigap_hpdf_painter_set_line_width (SigapPainter *painter,
                                   double        width)
{
  SIGAP_HPDF_PAINTER (painter)->state.line_width = width;
}

static void
sigap_hpdf_painter_set_dash (SigapPainter *painter,
                             const double *dashes,
                             guint         n_dashes,
                             double        offset)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  n_dashes = MIN (n_dashes, MAX_DASHES);
  self->state.n_dashes = n_dashes;
  self->state.dash_offset = offset;
  if (n_dashes > 0)
    memcpy (self->state.dashes, dashes, n_dashes * sizeof (double));
}

static void
sigap_hpdf_painter_set_font (SigapPainter    *painter,
                             const char      *family,
                             double           size,
                             SigapFontWeight  weight)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);

  self->state.font_size = size;
  self->state.weight = weight;
}

static void
sigap_hpdf_painter_measure_text (SigapPainter     *painter,
                                 const char       *text,
                                 SigapTextExtents *extents)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  HPDF_Font font = current_font (self);
  double size = self->state.font_size;
  g_autofree char *clean = sanitize_text (text);
  HPDF_TextWidth tw = { 0 };

  if (*clean != '\0')
    tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) clean, (HPDF_UINT) strlen (clean));

  /* The line box is the font's ascent over its descent, as Pango's logical box is. */
  extents->width = tw.width * size / 1000.0;
  extents->baseline = HPDF_Font_GetAscent (font) * size / 1000.0;
  extents->height = (HPDF_Font_GetAscent (font) - HPDF_Font_GetDescent (font)) * size / 1000.0;
}

static void
sigap_hpdf_painter_show_text (SigapPainter *painter,
                              double        x,
                              double        baseline_y,
                              const char   *text)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (painter);
  g_autofree char *clean = NULL;

  /* Like the Cairo painter, drawing text leaves no path behind. */
  clear_path (self);

  if (self->page == NULL || *text == '\0')
    return;

  clean = sanitize_text (text);
  apply_color (self);
  HPDF_Page_BeginText (self->page);
  HPDF_Page_SetFontAndSize (self->page, current_font (self), self->state.font_size);
  HPDF_Page_TextOut (self->page, to_pdf_x (self, x), to_pdf_y (self, baseline_y), clean);
  HPDF_Page_EndText (self->page);
}

static void
sigap_hpdf_painter_iface_init (SigapPainterInterface *iface)
{
  iface->save = sigap_hpdf_painter_save;
  iface->restore = sigap_hpdf_painter_restore;
  iface->move_to = sigap_hpdf_painter_move_to;
  iface->line_to = sigap_hpdf_painter_line_to;
  iface->curve_to = sigap_hpdf_painter_curve_to;
  iface->close_path = sigap_hpdf_painter_close_path;
  iface->rectangle = sigap_hpdf_painter_rectangle;
  iface->fill = sigap_hpdf_painter_fill;
  iface->stroke = sigap_hpdf_painter_stroke;
  iface->clip = sigap_hpdf_painter_clip;
  iface->set_color = sigap_hpdf_painter_set_color;
  iface->set_line_width = sigap_hpdf_painter_set_line_width;
  iface->set_dash = sigap_hpdf_painter_set_dash;
  iface->set_font = sigap_hpdf_painter_set_font;
  iface->measure_text = sigap_hpdf_painter_measure_text;
  iface->show_text = sigap_hpdf_painter_show_text;
}

static void
sigap_hpdf_painter_finalize (GObject *object)
{
  SigapHpdfPainter *self = SIGAP_HPDF_PAINTER (object);

  /* The ExtGStates belong to the document. */
  g_clear_pointer (&self->alpha_states, g_hash_table_unref);
  g_clear_pointer (&self->state_stack, g_array_unref);
  g_clear_pointer (&self->pdf_stack, g_array_unref);
  g_clear_pointer (&self->path, g_array_unref);

  G_OBJECT_CLASS (sigap_hpdf_painter_parent_class)->finalize (object);
}

static void
sigap_hpdf_painter_class_init (SigapHpdfPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_hpdf_painter_finalize;
}

static void
sigap_hpdf_painter_init (SigapHpdfPainter *self)
{
  self->alpha_states = g_hash_table_new (NULL, NULL);
  self->state_stack = g_array_new (FALSE, FALSE, sizeof (State));
  self->pdf_stack = g_array_new (FALSE, FALSE, sizeof (PdfState));
  self->path = g_array_new (FALSE, FALSE, sizeof (PathOp));
  self->state.color = (SigapColor) { 0, 0, 0, 1 };
  self->state.line_width = 1.0;
  self->state.font_size = 10.0;
  pdf_state_init (&self->pdf_state);
}

/**
 * sigap_hpdf_painter_new:
 * @pdf: the document; it must outlive the painter
 * @regular: the font for %SIGAP_FONT_WEIGHT_NORMAL, loaded with the "UTF-8" encoder
 * @bold: (nullable): the font for %SIGAP_FONT_WEIGHT_BOLD (@regular when %NULL)
 *
 * Returns: (transfer full): a painter with no page yet: it measures text but draws nothing
 */
SigapPainter *
sigap_hpdf_painter_new (HPDF_Doc  pdf,
                        HPDF_Font regular,
                        HPDF_Font bold)
{
  SigapHpdfPainter *self;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (regular != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_HPDF_PAINTER, NULL);
  self->pdf = pdf;
  self->fonts[0] = regular;
  self->fonts[1] = bold;

  return SIGAP_PAINTER (self);
}

/**
 * sigap_hpdf_painter_set_page:
 * @page: (nullable): the page to draw on from now on, or %NULL to only measure
 *
 * Starts afresh: the origin goes back to the page's top-left corner, the colour to opaque
 * black, the path is dropped, and round joins and butt caps are set on @page as SigapPainter
 * promises. Call it outside any save()/restore() pair.
 */
void
sigap_hpdf_painter_set_page (SigapHpdfPainter *self,
                             HPDF_Page         page)
{
  g_return_if_fail (SIGAP_IS_HPDF_PAINTER (self));
  g_return_if_fail (self->state_stack->len == 0);

  self->page = page;
  self->page_height = page != NULL ? HPDF_Page_GetHeight (page) : 0;
  self->state.color = (SigapColor) { 0, 0, 0, 1 };
  self->state.line_width = 1.0;
  self->state.n_dashes = 0;
  self->state.origin_x = 0;
  self->state.origin_y = 0;
  pdf_state_init (&self->pdf_state);
  clear_path (self);

  if (page != NULL)
    {
      HPDF_Page_SetLineJoin (page, HPDF_ROUND_JOIN);
      HPDF_Page_SetLineCap (page, HPDF_BUTT_END);
    }
}

/* Returns: (nullable) (transfer none): the page drawn on */
HPDF_Page
sigap_hpdf_painter_get_page (SigapHpdfPainter *self)
{
  g_return_val_if_fail (SIGAP_IS_HPDF_PAINTER (self), NULL);

  return self->page;
}

/**
 * sigap_hpdf_painter_translate:
 * @dx: to the right, in points
 * @dy: downwards, in points
 *
 * Moves the origin of the coordinates given to the painter, so that a chart laid out at
 * (0, 0) lands where the page wants it. Part of the state save() and restore() keep; paths
 * already begun keep the points they were given.
 */
void
sigap_hpdf_painter_translate (SigapHpdfPainter *self,
                              double            dx,
                              double            dy)
{
  g_return_if_fail (SIGAP_IS_HPDF_PAINTER (self));

  self->state.origin_x += dx;
  self->state.origin_y += dy;
}
