/* sigap-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-style.h"

G_DEFINE_BOXED_TYPE (SigapChartStyle, sigap_chart_style,
                     sigap_chart_style_copy, sigap_chart_style_free)

G_DEFINE_ENUM_TYPE (SigapChartTheme, sigap_chart_theme,
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_THEME_LIGHT, "light"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_THEME_DARK, "dark"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_THEME_HIGH_CONTRAST, "high-contrast"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_THEME_PRINT, "print"))

/* GNOME's UI font first, then fonts that are on almost every Linux desktop. */
#define DEFAULT_FONT_FAMILY "Cantarell, Inter, Noto Sans, DejaVu Sans, sans-serif"

/* Okabe & Ito's colour-blind-safe set, reordered so neighbours differ in lightness too (blue,
 * orange, green, purple, ...) and a greyscale print still separates the first four. Yellow,
 * unreadable on white, comes last.
 */
static const guint32 light_palette[] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0x7f7f7f, 0xf0e442,
};

/* The same hues lifted for a dark background (the dark blue would vanish on it). */
static const guint32 dark_palette[] = {
  0x4ba3e3, 0xf0b030, 0x2ec495, 0xe08cc0, 0x8fd0f5, 0xf07f3c, 0xb0b0b0, 0xf0e442,
};

/* Darker, more saturated versions with at least 4.5:1 against white. */
static const guint32 high_contrast_palette[] = {
  0x005a8f, 0x9e5b00, 0x006b4e, 0x9c3f7a, 0x1a6e9e, 0xa33c00, 0x4d4d4d, 0x6b6500,
};

static SigapColor
hex (guint32 rgb,
     double  alpha)
{
  SigapColor color = SIGAP_COLOR_INIT_HEX (rgb, alpha);

  return color;
}

static void
set_palette (SigapChartStyle *self,
             const guint32   *colors,
             guint            n_colors)
{
  self->n_palette = MIN (n_colors, SIGAP_CHART_STYLE_MAX_PALETTE);
  for (guint i = 0; i < self->n_palette; i++)
    self->palette[i] = hex (colors[i], 1.0);
}

/**
 * sigap_chart_style_new:
 * @theme: the preset
 *
 * LIGHT and DARK follow libadwaita's card colours, HIGH_CONTRAST its high-contrast variant;
 * PRINT is LIGHT on white with hatching on, for the PDF briefing and black-and-white copies.
 *
 * Returns: (transfer full): a new style
 */
SigapChartStyle *
sigap_chart_style_new (SigapChartTheme theme)
{
  SigapChartStyle *self = g_new0 (SigapChartStyle, 1);

  self->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  self->font_size = 12.0;
  self->line_width = 2.0;

  switch (theme)
    {
    case SIGAP_CHART_THEME_DARK:
      self->foreground = hex (0xffffff, 1.0);
      self->secondary = hex (0xffffff, 0.7);
      self->background = hex (0x303030, 1.0);
      self->grid = hex (0xffffff, 0.1);
      self->axis = hex (0xffffff, 0.45);
      self->target = hex (0xf6f5f4, 0.9);
      self->track = hex (0xffffff, 0.1);
      set_palette (self, dark_palette, G_N_ELEMENTS (dark_palette));
      break;

    case SIGAP_CHART_THEME_HIGH_CONTRAST:
      self->foreground = hex (0x000000, 1.0);
      self->secondary = hex (0x000000, 1.0);
      self->background = hex (0xffffff, 1.0);
      self->grid = hex (0x000000, 0.35);
      self->axis = hex (0x000000, 1.0);
      self->target = hex (0x000000, 1.0);
      self->track = hex (0x000000, 0.15);
      self->line_width = 2.5;
      self->patterns = TRUE;
      set_palette (self, high_contrast_palette, G_N_ELEMENTS (high_contrast_palette));
      break;

    case SIGAP_CHART_THEME_PRINT:
      self->foreground = hex (0x000000, 1.0);
      self->secondary = hex (0x000000, 0.75);
      self->background = hex (0xffffff, 1.0);
      self->grid = hex (0x000000, 0.15);
      self->axis = hex (0x000000, 0.6);
      self->target = hex (0x241f31, 1.0);
      self->track = hex (0x000000, 0.08);
      self->patterns = TRUE;
      set_palette (self, light_palette, G_N_ELEMENTS (light_palette));
      break;

    case SIGAP_CHART_THEME_LIGHT:
    default:
      self->foreground = hex (0x000000, 0.8);
      self->secondary = hex (0x000000, 0.6);
      self->background = hex (0xffffff, 1.0);
      self->grid = hex (0x000000, 0.08);
      self->axis = hex (0x000000, 0.35);
      self->target = hex (0x241f31, 0.85);
      self->track = hex (0x000000, 0.07);
      set_palette (self, light_palette, G_N_ELEMENTS (light_palette));
      break;
    }

  return self;
}

SigapChartStyle *
sigap_chart_style_copy (const SigapChartStyle *self)
{
  SigapChartStyle *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->font_family = g_strdup (self->font_family);

  return copy;
}

void
sigap_chart_style_free (SigapChartStyle *self)
{
  if (self == NULL)
    return;

  g_free (self->font_family);
  g_free (self);
}

/* @size <= 0 keeps the current size. */
void
sigap_chart_style_set_font (SigapChartStyle *self,
                            const char      *family,
                            double           size)
{
  g_return_if_fail (self != NULL);

  if (family != NULL)
    {
      g_free (self->font_family);
      self->font_family = g_strdup (family);
    }
  if (size > 0)
    self->font_size = size;
}

/* Palette colours repeat past the end of the palette (the layout hatches the repeats). */
const SigapColor *
sigap_chart_style_get_series_color (const SigapChartStyle *self,
                                    guint                  index)
{
  static const SigapColor fallback = { 0.5, 0.5, 0.5, 1.0 };

  g_return_val_if_fail (self != NULL, &fallback);

  if (self->n_palette == 0)
    return &fallback;

  return &self->palette[index % self->n_palette];
}
