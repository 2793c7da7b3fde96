/* sigap-recording-painter.h: a painter that remembers what it was asked to draw, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sigap-painter.h"

G_BEGIN_DECLS

typedef enum
{
  SIGAP_PAINTER_OP_SAVE,
  SIGAP_PAINTER_OP_RESTORE,
  SIGAP_PAINTER_OP_MOVE_TO,
  SIGAP_PAINTER_OP_LINE_TO,
  SIGAP_PAINTER_OP_CURVE_TO,
  SIGAP_PAINTER_OP_CLOSE_PATH,
  SIGAP_PAINTER_OP_RECTANGLE,
  SIGAP_PAINTER_OP_FILL,
  SIGAP_PAINTER_OP_STROKE,
  SIGAP_PAINTER_OP_CLIP,
  SIGAP_PAINTER_OP_SET_COLOR,
  SIGAP_PAINTER_OP_SET_LINE_WIDTH,
  SIGAP_PAINTER_OP_SET_DASH,
  SIGAP_PAINTER_OP_SET_FONT,
  SIGAP_PAINTER_OP_SHOW_TEXT,
} SigapPainterOpKind;

/* One recorded call, with the graphics state it ran in so that a test can ask "which colour
 * was this filled with, was that line dashed" without replaying the state machine.
 *
 * Coordinates: MOVE_TO/LINE_TO use x, y; CURVE_TO x1..y3 in @coords and its end point in x, y;
 * RECTANGLE x, y, width, height; SHOW_TEXT x, y (baseline) and width, height of the measured
 * text; FILL, STROKE and CLIP the bounding box of the path they consumed (curve control points
 * included) in x, y, width, height and the number of path operations in @n_path_ops.
 * SET_LINE_WIDTH the width in @line_width; SET_DASH the pattern in @coords (at most 6 values,
 * @n_dashes of them); SET_FONT the family in @text.
 */
typedef struct
{
  SigapPainterOpKind kind;
  double             x;
  double             y;
  double             width;
  double             height;
  double             coords[6];
  guint              n_dashes;
  guint              n_path_ops;
  char              *text;

  /* The graphics state when the op ran. */
  SigapColor         color;
  double             line_width;
  gboolean           dashed;
  double             font_size;
  SigapFontWeight    font_weight;
  guint              depth;       /* save() nesting */
} SigapPainterOp;

#define SIGAP_TYPE_RECORDING_PAINTER (sigap_recording_painter_get_type ())

G_DECLARE_FINAL_TYPE (SigapRecordingPainter, sigap_recording_painter,
                      SIGAP, RECORDING_PAINTER, GObject)

SigapPainter         *sigap_recording_painter_new        (void);
guint                 sigap_recording_painter_get_n_ops  (SigapRecordingPainter *self);
const SigapPainterOp *sigap_recording_painter_get_op     (SigapRecordingPainter *self,
                                                          guint                  index);
void                  sigap_recording_painter_clear      (SigapRecordingPainter *self);
guint                 sigap_recording_painter_count      (SigapRecordingPainter *self,
                                                          SigapPainterOpKind     kind);
const SigapPainterOp *sigap_recording_painter_find_text  (SigapRecordingPainter *self,
                                                          const char            *text);
char                 *sigap_recording_painter_dump       (SigapRecordingPainter *self);
const char           *sigap_painter_op_kind_to_string    (SigapPainterOpKind     kind);

G_END_DECLS
