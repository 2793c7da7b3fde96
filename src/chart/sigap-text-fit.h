/* sigap-text-fit.h: text fitted into a width through a painter: wrapped, shrunk, ellipsized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-painter.h"

G_BEGIN_DECLS

#define SIGAP_TEXT_FIT_ELLIPSIS "\u2026"

/**
 * SigapTextFitFlags:
 * @SIGAP_TEXT_FIT_NAMES: lines break at spaces only; a word wider than a line is a name
 *   ("Mustikajaya") and is shortened with an ellipsis, never split or hyphenated
 * @SIGAP_TEXT_FIT_BREAK_WORDS: a word wider than a line (a web address in a paragraph) is
 *   broken over as many lines as it needs, so that nothing of it is lost
 */
typedef enum
{
  SIGAP_TEXT_FIT_NAMES       = 0,
  SIGAP_TEXT_FIT_BREAK_WORDS = 1 << 0,
} SigapTextFitFlags;

/* The font sigap_text_fit_shrink() sets, and how far it may shrink it: down to
 * @size × @min_scale, in steps of @scale_step (a fraction of @size), or for a @scale_step of
 * 0 in one step to the scale at which the text (on one line) or its widest word fits.
 */
typedef struct
{
  const char      *family;
  double           size;
  SigapFontWeight  weight;
  double           min_scale;
  double           scale_step;
} SigapTextFitFont;

double     sigap_text_fit_width       (SigapPainter           *painter,
                                       const char             *text);
double     sigap_text_fit_widest_word (SigapPainter           *painter,
                                       const char             *text);
double     sigap_text_fit_line_height (SigapPainter           *painter);
void       sigap_text_fit_show_line   (SigapPainter           *painter,
                                       const char             *text,
                                       double                  x,
                                       double                  top,
                                       double                  align);
char      *sigap_text_fit_ellipsize   (SigapPainter           *painter,
                                       const char             *text,
                                       double                  max_width);
GPtrArray *sigap_text_fit_wrap        (SigapPainter           *painter,
                                       const char             *text,
                                       double                  max_width,
                                       guint                   max_lines,
                                       SigapTextFitFlags       flags,
                                       gboolean               *cut);
GPtrArray *sigap_text_fit_shrink      (SigapPainter           *painter,
                                       const char             *text,
                                       double                  max_width,
                                       guint                   max_lines,
                                       SigapTextFitFlags       flags,
                                       const SigapTextFitFont *font,
                                       double                 *scale,
                                       gboolean               *cut);

G_END_DECLS
