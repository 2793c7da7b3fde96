/* sigap-chart-style-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart and the map views draw with the same style, chosen from AdwStyleManager (light,
 * dark, high contrast), the card colour behind them and the widget's font, so both follow a
 * theme or font change the same way.
 */

#include <adwaita.h>
#include <math.h>

#include "sigap-chart-style-widget.h"

gboolean
sigap_chart_style_equal (const SigapChartStyle *a,
                         const SigapChartStyle *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (g_strcmp0 (a->font_family, b->font_family) != 0 || a->font_size != b->font_size ||
      a->line_width != b->line_width || a->patterns != b->patterns ||
      a->n_palette != b->n_palette)
    return FALSE;

  for (guint i = 0; i < a->n_palette; i++)
    if (!sigap_color_equal (&a->palette[i], &b->palette[i]))
      return FALSE;

  return sigap_color_equal (&a->foreground, &b->foreground) &&
         sigap_color_equal (&a->secondary, &b->secondary) &&
         sigap_color_equal (&a->background, &b->background) &&
         sigap_color_equal (&a->grid, &b->grid) &&
         sigap_color_equal (&a->axis, &b->axis) &&
         sigap_color_equal (&a->target, &b->target) &&
         sigap_color_equal (&a->track, &b->track);
}

/* The card behind the chart, as one opaque colour: hollow markers are filled with it. */
static gboolean
lookup_card_color (GtkWidget  *widget,
                   SigapColor *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA card, window;

  if (!gtk_style_context_lookup_color (context, "card_bg_color", &card) ||
      !gtk_style_context_lookup_color (context, "window_bg_color", &window))
    return FALSE;

  out->red = card.alpha * card.red + (1 - card.alpha) * window.red;
  out->green = card.alpha * card.green + (1 - card.alpha) * window.green;
  out->blue = card.alpha * card.blue + (1 - card.alpha) * window.blue;
  out->alpha = 0;  /* the card itself shows through */
  return TRUE;
}

SigapChartStyle *
sigap_chart_style_new_for_widget (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  PangoContext *pango_context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango_context);
  SigapChartStyle *style;
  SigapColor card;

  if (high_contrast && !dark)
    style = sigap_chart_style_new (SIGAP_CHART_THEME_HIGH_CONTRAST);
  else if (dark)
    style = sigap_chart_style_new (SIGAP_CHART_THEME_DARK);
  else
    style = sigap_chart_style_new (SIGAP_CHART_THEME_LIGHT);

  /* The engine has no dark high-contrast preset: strengthen the dark one the same way the
   * light preset is strengthened (opaque text and axes, hatching, thicker lines). */
  if (high_contrast && dark)
    {
      style->foreground.alpha = 1.0;
      style->secondary.alpha = 1.0;
      style->grid.alpha = 0.35;
      style->axis.alpha = 1.0;
      style->target.alpha = 1.0;
      style->line_width = 2.5;
      style->patterns = TRUE;
    }

  if (lookup_card_color (widget, &card))
    style->background = card;
  else
    style->background.alpha = 0;

  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      double dpi = pango_cairo_context_get_resolution (pango_context);

      if (!pango_font_description_get_size_is_absolute (font))
        size = size * (dpi > 0 ? dpi : 96.0) / 72.0;
      if (size <= 0)
        size = 14.6;

      /* Chart labels are set a little smaller than body text, as GNOME's captions are. */
      sigap_chart_style_set_font (style, pango_font_description_get_family (font),
                                  round (size * 0.85 * 2) / 2);
    }

  return style;
}
