/* sigap-cairo-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-cairo-painter.h"

#include <pango/pangocairo.h>

/* SigapCairoPainter: the SigapPainter for everything Cairo can draw on. The window draws
 * through it inside gtk_snapshot_append_cairo(), the tests and `sigap chart --png` into image
 * surfaces, an SVG export into an SVG surface. Text goes through Pango, laid out once per
 * painter on a PangoContext made for @cr, with metric hinting off so that a label measures the
 * same on screen, in a PNG and in a vector file, and the layout decisions do not depend on the
 * surface.
 */
struct _SigapCairoPainter
{
  GObject               parent_instance;

  cairo_t              *cr;
  PangoContext         *pango_context;
  PangoLayout          *layout;
  PangoFontDescription *font;
  GArray               *font_stack;  /* PangoFontDescription *, pushed by save() */
};

static void sigap_cairo_painter_iface_init (SigapPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapCairoPainter, sigap_cairo_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_PAINTER,
                                                      sigap_cairo_painter_iface_init))

static void
ensure_layout (SigapCairoPainter *self)
{
  if (self->layout != NULL)
    return;

  self->layout = pango_layout_new (self->pango_context);
  pango_layout_set_font_description (self->layout, self->font);
}

static void
sigap_cairo_painter_save (SigapPainter *painter)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (painter);
  PangoFontDescription *copy = pango_font_description_copy (self->font);

  cairo_save (self->cr);
  g_array_append_val (self->font_stack, copy);
}

static void
sigap_cairo_painter_restore (SigapPainter *painter)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (painter);

  g_return_if_fail (self->font_stack->len > 0);

  cairo_restore (self->cr);
  pango_font_description_free (self->font);
  self->font = g_array_index (self->font_stack, PangoFontDescription *,
                              self->font_stack->len - 1);
  g_array_set_size (self->font_stack, self->font_stack->len - 1);
  if (self->layout != NULL)
    pango_layout_set_font_description (self->layout, self->font);
}

static void
sigap_cairo_painter_move_to (SigapPainter *painter,
                             double        x,
                             double        y)
{
  cairo_move_to (SIGAP_CAIRO_PAINTER (painter)->cr, x, y);
}

static void
sigap_cairo_painter_line_to (SigapPainter *painter,
                             double        x,
                             double        y)
{
  cairo_line_to (SIGAP_CAIRO_PAINTER (painter)->cr, x, y);
}

static void
sigap_cairo_painter_curve_to (SigapPainter *painter,
                              double        x1,
                              double        y1,
                              double        x2,
                              double        y2,
                              double        x3,
                              double        y3)
{
  cairo_curve_to (SIGAP_CAIRO_PAINTER (painter)->cr, x1, y1, x2, y2, x3, y3);
}

static void
sigap_cairo_painter_close_path (SigapPainter *painter)
{
  cairo_close_path (SIGAP_CAIRO_PAINTER (painter)->cr);
}

static void
sigap_cairo_painter_rectangle (SigapPainter *painter,
                               double        x,
                               double        y,
                               double        width,
                               double        height)
{
  cairo_rectangle (SIGAP_CAIRO_PAINTER (painter)->cr, x, y, width, height);
}

static void
sigap_cairo_painter_fill (SigapPainter *painter)
{
  cairo_fill (SIGAP_CAIRO_PAINTER (painter)->cr);
}

static void
sigap_cairo_painter_stroke (SigapPainter *painter)
{
  cairo_stroke (SIGAP_CAIRO_PAINTER (painter)->cr);
}

static void
sigap_cairo_painter_clip (SigapPainter *painter)
{
  cairo_clip (SIGAP_CAIRO_PAINTER (painter)->cr);
}

static void
sigap_cairo_painter_set_color (SigapPainter     *painter,
                               const SigapColor *color)
{
  cairo_set_source_rgba (SIGAP_CAIRO_PAINTER (painter)->cr,
                         color->red, color->green, color->blue, color->alpha);
}

static void
sigap_cairo_painter_set_line_width (SigapPainter *painter,
                                    double        width)
{
  cairo_set_line_width (SIGAP_CAIRO_PAINTER (painter)->cr, width);
}

static void
sigap_cairo_painter_set_dash (SigapPainter *painter,
                              const double *dashes,
                              guint         n_dashes,
                              double        offset)
{
  cairo_set_dash (SIGAP_CAIRO_PAINTER (painter)->cr, dashes, (int) n_dashes, offset);
}

static void
sigap_cairo_painter_set_font (SigapPainter    *painter,
                              const char      *family,
                              double           size,
                              SigapFontWeight  weight)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (painter);
  PangoWeight pango_weight = PANGO_WEIGHT_NORMAL;

  switch (weight)
    {
    case SIGAP_FONT_WEIGHT_BOLD:
      pango_weight = PANGO_WEIGHT_BOLD;
      break;
    case SIGAP_FONT_WEIGHT_NORMAL:
    default:
      pango_weight = PANGO_WEIGHT_NORMAL;
      break;
    }

  pango_font_description_set_family (self->font, family);
  pango_font_description_set_absolute_size (self->font, size * PANGO_SCALE);
  pango_font_description_set_weight (self->font, pango_weight);
  if (self->layout != NULL)
    pango_layout_set_font_description (self->layout, self->font);
}

static void
sigap_cairo_painter_measure_text (SigapPainter     *painter,
                                  const char       *text,
                                  SigapTextExtents *extents)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (painter);
  PangoRectangle logical;

  ensure_layout (self);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_extents (self->layout, NULL, &logical);

  extents->width = (double) logical.width / PANGO_SCALE;
  extents->height = (double) logical.height / PANGO_SCALE;
  extents->baseline = (double) pango_layout_get_baseline (self->layout) / PANGO_SCALE;
}

static void
sigap_cairo_painter_show_text (SigapPainter *painter,
                               double        x,
                               double        baseline_y,
                               const char   *text)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (painter);
  double baseline;

  ensure_layout (self);
  pango_layout_set_text (self->layout, text, -1);
  baseline = (double) pango_layout_get_baseline (self->layout) / PANGO_SCALE;

  cairo_move_to (self->cr, x, baseline_y - baseline);
  pango_cairo_show_layout (self->cr, self->layout);
  cairo_new_path (self->cr);
}

static void
sigap_cairo_painter_iface_init (SigapPainterInterface *iface)
{
  iface->save = sigap_cairo_painter_save;
  iface->restore = sigap_cairo_painter_restore;
  iface->move_to = sigap_cairo_painter_move_to;
  iface->line_to = sigap_cairo_painter_line_to;
  iface->curve_to = sigap_cairo_painter_curve_to;
  iface->close_path = sigap_cairo_painter_close_path;
  iface->rectangle = sigap_cairo_painter_rectangle;
  iface->fill = sigap_cairo_painter_fill;
  iface->stroke = sigap_cairo_painter_stroke;
  iface->clip = sigap_cairo_painter_clip;
  iface->set_color = sigap_cairo_painter_set_color;
  iface->set_line_width = sigap_cairo_painter_set_line_width;
  iface->set_dash = sigap_cairo_painter_set_dash;
  iface->set_font = sigap_cairo_painter_set_font;
  iface->measure_text = sigap_cairo_painter_measure_text;
  iface->show_text = sigap_cairo_painter_show_text;
}

static void
sigap_cairo_painter_finalize (GObject *object)
{
  SigapCairoPainter *self = SIGAP_CAIRO_PAINTER (object);

  for (guint i = 0; i < self->font_stack->len; i++)
    pango_font_description_free (g_array_index (self->font_stack, PangoFontDescription *, i));
  g_clear_pointer (&self->font_stack, g_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango_context);
  g_clear_pointer (&self->cr, cairo_destroy);

  G_OBJECT_CLASS (sigap_cairo_painter_parent_class)->finalize (object);
}

static void
sigap_cairo_painter_class_init (SigapCairoPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_cairo_painter_finalize;
}

static void
sigap_cairo_painter_init (SigapCairoPainter *self)
{
  self->font_stack = g_array_new (FALSE, FALSE, sizeof (PangoFontDescription *));
  self->font = pango_font_description_from_string ("Sans 10px");
}

/**
 * sigap_cairo_painter_new:
 * @cr: the context to draw on; the painter keeps a reference
 *
 * The painter sets round line joins and butt caps on @cr, as SigapPainter promises, and
 * otherwise draws with @cr's current transformation and clip.
 *
 * Returns: (transfer full): a new painter
 */
SigapPainter *
sigap_cairo_painter_new (cairo_t *cr)
{
  SigapCairoPainter *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_CAIRO_PAINTER, NULL);
  self->cr = cairo_reference (cr);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  self->pango_context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango_context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango_context, FALSE);

  return SIGAP_PAINTER (self);
}

/* Returns: (transfer none): the context the painter draws on */
cairo_t *
sigap_cairo_painter_get_context (SigapCairoPainter *self)
{
  g_return_val_if_fail (SIGAP_IS_CAIRO_PAINTER (self), NULL);

  return self->cr;
}
