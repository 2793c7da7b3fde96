/* sigap-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-painter.h"

#include <math.h>

G_DEFINE_INTERFACE (SigapPainter, sigap_painter, G_TYPE_OBJECT)

static void
sigap_painter_default_init (SigapPainterInterface *iface)
{
}

#define CALL(self, method, ...)                                       \
  G_STMT_START {                                                      \
    SigapPainterInterface *_iface;                                    \
    g_return_if_fail (SIGAP_IS_PAINTER (self));                       \
    _iface = SIGAP_PAINTER_GET_IFACE (self);                          \
    g_return_if_fail (_iface->method != NULL);                        \
    _iface->method (self, ##__VA_ARGS__);                             \
  } G_STMT_END

void
sigap_painter_save (SigapPainter *self)
{
  CALL (self, save);
}

void
sigap_painter_restore (SigapPainter *self)
{
  CALL (self, restore);
}

void
sigap_painter_move_to (SigapPainter *self,
                       double        x,
                       double        y)
{
  CALL (self, move_to, x, y);
}

void
sigap_painter_line_to (SigapPainter *self,
                       double        x,
                       double        y)
{
  CALL (self, line_to, x, y);
}

void
sigap_painter_curve_to (SigapPainter *self,
                        double        x1,
                        double        y1,
                        double        x2,
                        double        y2,
                        double        x3,
                        double        y3)
{
  CALL (self, curve_to, x1, y1, x2, y2, x3, y3);
}

void
sigap_painter_close_path (SigapPainter *self)
{
  CALL (self, close_path);
}

void
sigap_painter_rectangle (SigapPainter *self,
                         double        x,
                         double        y,
                         double        width,
                         double        height)
{
  CALL (self, rectangle, x, y, width, height);
}

void
sigap_painter_fill (SigapPainter *self)
{
  CALL (self, fill);
}

void
sigap_painter_stroke (SigapPainter *self)
{
  CALL (self, stroke);
}

void
sigap_painter_clip (SigapPainter *self)
{
  CALL (self, clip);
}

void
sigap_painter_set_color (SigapPainter     *self,
                         const SigapColor *color)
{
  g_return_if_fail (color != NULL);

  CALL (self, set_color, color);
}

void
sigap_painter_set_line_width (SigapPainter *self,
                              double        width)
{
  CALL (self, set_line_width, width);
}

/* @n_dashes 0 turns dashing off. */
void
sigap_painter_set_dash (SigapPainter *self,
                        const double *dashes,
                        guint         n_dashes,
                        double        offset)
{
  g_return_if_fail (n_dashes == 0 || dashes != NULL);

  CALL (self, set_dash, dashes, n_dashes, offset);
}

/* @family may be a comma-separated list (as Pango takes it); painters that cannot fall back
 * use the first family they have. @size is the em size in user units.
 */
void
sigap_painter_set_font (SigapPainter    *self,
                        const char      *family,
                        double           size,
                        SigapFontWeight  weight)
{
  g_return_if_fail (family != NULL);
  g_return_if_fail (size > 0);

  CALL (self, set_font, family, size, weight);
}

void
sigap_painter_measure_text (SigapPainter     *self,
                            const char       *text,
                            SigapTextExtents *extents)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (extents != NULL);

  CALL (self, measure_text, text, extents);
}

void
sigap_painter_show_text (SigapPainter *self,
                         double        x,
                         double        baseline_y,
                         const char   *text)
{
  g_return_if_fail (text != NULL);

  CALL (self, show_text, x, baseline_y, text);
}

void
sigap_painter_set_rgba (SigapPainter *self,
                        double        red,
                        double        green,
                        double        blue,
                        double        alpha)
{
  SigapColor color = { red, green, blue, alpha };

  sigap_painter_set_color (self, &color);
}

/* Adds a circular arc as Bézier curves (at most a quarter turn each, whose error is below
 * 0.03 % of the radius) so that painters need no arc primitive of their own. Angles are in
 * radians, measured from the positive x axis towards the positive y axis (clockwise on screen,
 * as in Cairo); the arc runs from @angle1 to @angle2 in the direction of their difference.
 * With @connect a line joins the current point to the start of the arc, otherwise the arc
 * starts a new sub-path.
 */
void
sigap_painter_arc (SigapPainter *self,
                   double        xc,
                   double        yc,
                   double        radius,
                   double        angle1,
                   double        angle2,
                   gboolean      connect)
{
  double sweep = angle2 - angle1;
  guint n_segments;
  double step, k;
  double a;

  g_return_if_fail (SIGAP_IS_PAINTER (self));

  if (connect)
    sigap_painter_line_to (self, xc + radius * cos (angle1), yc + radius * sin (angle1));
  else
    sigap_painter_move_to (self, xc + radius * cos (angle1), yc + radius * sin (angle1));

  if (radius <= 0 || sweep == 0)
    return;

  n_segments = (guint) ceil (fabs (sweep) / (G_PI / 2) - 1e-9);
  n_segments = MAX (n_segments, 1);
  step = sweep / n_segments;
  k = 4.0 / 3.0 * tan (step / 4);
  a = angle1;

  for (guint i = 0; i < n_segments; i++)
    {
      double b = (i + 1 == n_segments) ? angle2 : a + step;
      double cos_a = cos (a), sin_a = sin (a);
      double cos_b = cos (b), sin_b = sin (b);

      sigap_painter_curve_to (self,
                              xc + radius * (cos_a - k * sin_a),
                              yc + radius * (sin_a + k * cos_a),
                              xc + radius * (cos_b + k * sin_b),
                              yc + radius * (sin_b - k * cos_b),
                              xc + radius * cos_b,
                              yc + radius * sin_b);
      a = b;
    }
}

/* A closed rectangle whose corners are rounded by their own radius (0 for a square corner),
 * each clamped to half the shorter side so bars of any size keep a sane outline.
 */
void
sigap_painter_rounded_rectangle (SigapPainter *self,
                                 double        x,
                                 double        y,
                                 double        width,
                                 double        height,
                                 double        radius_top_left,
                                 double        radius_top_right,
                                 double        radius_bottom_right,
                                 double        radius_bottom_left)
{
  double limit;
  double tl, tr, br, bl;

  g_return_if_fail (SIGAP_IS_PAINTER (self));

  if (width < 0)
    {
      x += width;
      width = -width;
    }
  if (height < 0)
    {
      y += height;
      height = -height;
    }

  limit = MIN (width, height) / 2;
  tl = CLAMP (radius_top_left, 0, limit);
  tr = CLAMP (radius_top_right, 0, limit);
  br = CLAMP (radius_bottom_right, 0, limit);
  bl = CLAMP (radius_bottom_left, 0, limit);

  if (tl == 0 && tr == 0 && br == 0 && bl == 0)
    {
      sigap_painter_rectangle (self, x, y, width, height);
      return;
    }

  sigap_painter_move_to (self, x + tl, y);
  if (tr > 0)
    sigap_painter_arc (self, x + width - tr, y + tr, tr, -G_PI / 2, 0, TRUE);
  else
    sigap_painter_line_to (self, x + width, y);
  if (br > 0)
    sigap_painter_arc (self, x + width - br, y + height - br, br, 0, G_PI / 2, TRUE);
  else
    sigap_painter_line_to (self, x + width, y + height);
  if (bl > 0)
    sigap_painter_arc (self, x + bl, y + height - bl, bl, G_PI / 2, G_PI, TRUE);
  else
    sigap_painter_line_to (self, x, y + height);
  if (tl > 0)
    sigap_painter_arc (self, x + tl, y + tl, tl, G_PI, 3 * G_PI / 2, TRUE);
  else
    sigap_painter_line_to (self, x, y);
  sigap_painter_close_path (self);
}

/* Linear mix in sRGB: @t 0 gives @a, 1 gives @b. Good enough for tints of a palette colour. */
SigapColor
sigap_color_mix (const SigapColor *a,
                 const SigapColor *b,
                 double            t)
{
  SigapColor mixed;

  static const SigapColor black = { 0, 0, 0, 1 };

  g_return_val_if_fail (a != NULL && b != NULL, black);

  mixed.red = a->red + (b->red - a->red) * t;
  mixed.green = a->green + (b->green - a->green) * t;
  mixed.blue = a->blue + (b->blue - a->blue) * t;
  mixed.alpha = a->alpha + (b->alpha - a->alpha) * t;

  return mixed;
}

SigapColor
sigap_color_with_alpha (const SigapColor *color,
                        double            alpha)
{
  SigapColor result;

  static const SigapColor black = { 0, 0, 0, 1 };

  g_return_val_if_fail (color != NULL, black);

  result = *color;
  result.alpha = color->alpha * alpha;

  return result;
}

gboolean
sigap_color_equal (const SigapColor *a,
                   const SigapColor *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return fabs (a->red - b->red) < 1e-6 &&
         fabs (a->green - b->green) < 1e-6 &&
         fabs (a->blue - b->blue) < 1e-6 &&
         fabs (a->alpha - b->alpha) < 1e-6;
}
