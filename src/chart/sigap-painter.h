/* sigap-painter.h: the small drawing interface every chart is drawn through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, each channel 0..1. Charts cannot use GdkRGBA:
 * src/chart knows nothing of GTK.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} SigapColor;

#define SIGAP_COLOR_INIT_HEX(rgb, a) \
  { (((rgb) >> 16) & 0xff) / 255.0, (((rgb) >> 8) & 0xff) / 255.0, ((rgb) & 0xff) / 255.0, (a) }

typedef enum
{
  SIGAP_FONT_WEIGHT_NORMAL,
  SIGAP_FONT_WEIGHT_BOLD,
} SigapFontWeight;

/* The logical box of one line of text, in user units. @baseline is the distance from the top of
 * the box to the baseline, so a line whose box starts at y has its baseline at y + baseline.
 */
typedef struct
{
  double width;
  double height;
  double baseline;
} SigapTextExtents;

#define SIGAP_TYPE_PAINTER (sigap_painter_get_type ())

G_DECLARE_INTERFACE (SigapPainter, sigap_painter, SIGAP, PAINTER, GObject)

/* SigapPainter is a GObject interface rather than a struct of function pointers because every
 * painter carries state whose lifetime matters (a cairo_t, a libharu page, a recording) and the
 * libharu painter lives in another library (src/report): an interface gives it reference
 * counting, g_autoptr, type checks and a place to hang properties without a hand-rolled vtable
 * and destroy-notify. The per-call cost of interface dispatch is nothing next to a chart's few
 * hundred operations.
 *
 * The model is Cairo's, cut down to what a PDF can also do: y grows downwards (the libharu
 * painter flips, the charts never know), one current path that fill(), stroke() and clip()
 * consume, a graphics state (colour, line width, dashes, font, clip) kept by save()/restore().
 * Lines are drawn with round joins and butt caps. Text is one line at a time, placed by its
 * left edge and its baseline; measure_text() uses the current font.
 */
struct _SigapPainterInterface
{
  GTypeInterface parent_iface;

  void (*save)           (SigapPainter           *self);
  void (*restore)        (SigapPainter           *self);

  void (*move_to)        (SigapPainter           *self,
                          double                  x,
                          double                  y);
  void (*line_to)        (SigapPainter           *self,
                          double                  x,
                          double                  y);
  void (*curve_to)       (SigapPainter           *self,
                          double                  x1,
                          double                  y1,
                          double                  x2,
                          double                  y2,
                          double                  x3,
                          double                  y3);
  void (*close_path)     (SigapPainter           *self);
  void (*rectangle)      (SigapPainter           *self,
                          double                  x,
                          double                  y,
                          double                  width,
                          double                  height);

  void (*fill)           (SigapPainter           *self);
  void (*stroke)         (SigapPainter           *self);
  void (*clip)           (SigapPainter           *self);

  void (*set_color)      (SigapPainter           *self,
                          const SigapColor       *color);
  void (*set_line_width) (SigapPainter           *self,
                          double                  width);
  void (*set_dash)       (SigapPainter           *self,
                          const double           *dashes,
                          guint                   n_dashes,
                          double                  offset);

  void (*set_font)       (SigapPainter           *self,
                          const char             *family,
                          double                  size,
                          SigapFontWeight         weight);
  void (*measure_text)   (SigapPainter           *self,
                          const char             *text,
                          SigapTextExtents       *extents);
  void (*show_text)      (SigapPainter           *self,
                          double                  x,
                          double                  baseline_y,
                          const char             *text);
};

void     sigap_painter_save           (SigapPainter     *self);
void     sigap_painter_restore        (SigapPainter     *self);
void     sigap_painter_move_to        (SigapPainter     *self,
                                       double            x,
                                       double            y);
void     sigap_painter_line_to        (SigapPainter     *self,
                                       double            x,
                                       double            y);
void     sigap_painter_curve_to       (SigapPainter     *self,
                                       double            x1,
                                       double            y1,
                                       double            x2,
                                       double            y2,
                                       double            x3,
                                       double            y3);
void     sigap_painter_close_path     (SigapPainter     *self);
void     sigap_painter_rectangle      (SigapPainter     *self,
                                       double            x,
                                       double            y,
                                       double            width,
                                       double            height);
void     sigap_painter_fill           (SigapPainter     *self);
void     sigap_painter_stroke         (SigapPainter     *self);
void     sigap_painter_clip           (SigapPainter     *self);
void     sigap_painter_set_color      (SigapPainter     *self,
                                       const SigapColor *color);
void     sigap_painter_set_line_width (SigapPainter     *self,
                                       double            width);
void     sigap_painter_set_dash       (SigapPainter     *self,
                                       const double     *dashes,
                                       guint             n_dashes,
                                       double            offset);
void     sigap_painter_set_font       (SigapPainter     *self,
                                       const char       *family,
                                       double            size,
                                       SigapFontWeight   weight);
void     sigap_painter_measure_text   (SigapPainter     *self,
                                       const char       *text,
                                       SigapTextExtents *extents);
void     sigap_painter_show_text      (SigapPainter     *self,
                                       double            x,
                                       double            baseline_y,
                                       const char       *text);

/* Shapes built from the primitives above, so every painter gets them for free. */
void     sigap_painter_set_rgba       (SigapPainter     *self,
                                       double            red,
                                       double            green,
                                       double            blue,
                                       double            alpha);
void     sigap_painter_arc            (SigapPainter     *self,
                                       double            xc,
                                       double            yc,
                                       double            radius,
                                       double            angle1,
                                       double            angle2,
                                       gboolean          connect);
void     sigap_painter_rounded_rectangle (SigapPainter  *self,
                                       double            x,
                                       double            y,
                                       double            width,
                                       double            height,
                                       double            radius_top_left,
                                       double            radius_top_right,
                                       double            radius_bottom_right,
                                       double            radius_bottom_left);

SigapColor sigap_color_mix            (const SigapColor *a,
                                       const SigapColor *b,
                                       double            t);
SigapColor sigap_color_with_alpha     (const SigapColor *color,
                                       double            alpha);
gboolean   sigap_color_equal          (const SigapColor *a,
                                       const SigapColor *b);

G_END_DECLS
