/* sigap-cairo-painter.h: draws charts on any cairo_t (GTK snapshot, PNG, SVG)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sigap-painter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CAIRO_PAINTER (sigap_cairo_painter_get_type ())

G_DECLARE_FINAL_TYPE (SigapCairoPainter, sigap_cairo_painter, SIGAP, CAIRO_PAINTER, GObject)

SigapPainter *sigap_cairo_painter_new         (cairo_t           *cr);
cairo_t      *sigap_cairo_painter_get_context (SigapCairoPainter *self);

G_END_DECLS
