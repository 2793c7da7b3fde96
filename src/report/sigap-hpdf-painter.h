/* sigap-hpdf-painter.h: draws charts into a PDF page through libharu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <hpdf.h>

#include "chart/sigap-painter.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_HPDF_PAINTER (sigap_hpdf_painter_get_type ())

G_DECLARE_FINAL_TYPE (SigapHpdfPainter, sigap_hpdf_painter, SIGAP, HPDF_PAINTER, GObject)

SigapPainter *sigap_hpdf_painter_new        (HPDF_Doc          pdf,
                                             HPDF_Font         regular,
                                             HPDF_Font         bold);
void          sigap_hpdf_painter_set_page   (SigapHpdfPainter *self,
                                             HPDF_Page         page);
HPDF_Page     sigap_hpdf_painter_get_page   (SigapHpdfPainter *self);
void          sigap_hpdf_painter_translate  (SigapHpdfPainter *self,
                                             double            dx,
                                             double            dy);

/* g_autoptr(HPDF_Doc_Rec) pdf = HPDF_New (...): hpdf.h (without HPDF_SHARED) names the struct. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HPDF_Doc_Rec, HPDF_Free)

G_END_DECLS
