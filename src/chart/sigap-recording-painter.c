/* sigap-recording-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-recording-painter.h"

#include <math.h>

/* SigapRecordingPainter: records every painter call with its graphics state, so chart tests
 * can check what was drawn where without a display or a font. Text is measured with a fake
 * but deterministic metric: 0.6 em per character, a line 1.2 em high with the baseline at
 * 0.9 em, whatever the font family. Layout tests therefore give the same numbers on every
 * machine.
 */

#define FAKE_CHAR_WIDTH   0.6
#define FAKE_LINE_HEIGHT  1.2
#define FAKE_BASELINE     0.9

typedef struct
{
  SigapColor      color;
  double          line_width;
  gboolean        dashed;
  double          font_size;
  SigapFontWeight font_weight;
} State;

struct _SigapRecordingPainter
{
  GObject  parent_instance;

  GArray  *ops;     /* SigapPainterOp */
  GArray  *stack;   /* State */
  State    state;

  /* The path being built, for the bounding box FILL/STROKE/CLIP report. */
  guint    n_path_ops;
  double   path_x1, path_y1, path_x2, path_y2;
};

static void sigap_recording_painter_iface_init (SigapPainterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapRecordingPainter, sigap_recording_painter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SIGAP_TYPE_PAINTER,
                                                      sigap_recording_painter_iface_init))

static void
clear_op (gpointer data)
{
  SigapPainterOp *op = data;

  g_clear_pointer (&op->text, g_free);
}

static void
reset_state (State *state)
{
  state->color = (SigapColor) { 0, 0, 0, 1 };
  state->line_width = 2.0;
  state->dashed = FALSE;
  state->font_size = 10.0;
  state->font_weight = SIGAP_FONT_WEIGHT_NORMAL;
}

static SigapPainterOp *
push_op (SigapRecordingPainter *self,
         SigapPainterOpKind     kind)
{
  SigapPainterOp op = { 0 };

  op.kind = kind;
  op.color = self->state.color;
  op.line_width = self->state.line_width;
  op.dashed = self->state.dashed;
  op.font_size = self->state.font_size;
  op.font_weight = self->state.font_weight;
  op.depth = self->stack->len;
  g_array_append_val (self->ops, op);

  return &g_array_index (self->ops, SigapPainterOp, self->ops->len - 1);
}

static void
extend_path (SigapRecordingPainter *self,
             double                 x,
             double                 y)
{
  if (self->n_path_ops == 0)
    {
      self->path_x1 = self->path_x2 = x;
      self->path_y1 = self->path_y2 = y;
    }
  else
    {
      self->path_x1 = MIN (self->path_x1, x);
      self->path_y1 = MIN (self->path_y1, y);
      self->path_x2 = MAX (self->path_x2, x);
      self->path_y2 = MAX (self->path_y2, y);
    }
}

static void
consume_path (SigapRecordingPainter *self,
              SigapPainterOpKind     kind)
{
  SigapPainterOp *op = push_op (self, kind);

  if (self->n_path_ops > 0)
    {
      op->x = self->path_x1;
      op->y = self->path_y1;
      op->width = self->path_x2 - self->path_x1;
      op->height = self->path_y2 - self->path_y1;
    }
  op->n_path_ops = self->n_path_ops;
  self->n_path_ops = 0;
}

static void
sigap_recording_painter_save (SigapPainter *painter)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);

  push_op (self, SIGAP_PAINTER_OP_SAVE);
  g_array_append_val (self->stack, self->state);
}

static void
sigap_recording_painter_restore (SigapPainter *painter)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);

  g_return_if_fail (self->stack->len > 0);

  self->state = g_array_index (self->stack, State, self->stack->len - 1);
  g_array_set_size (self->stack, self->stack->len - 1);
  push_op (self, SIGAP_PAINTER_OP_RESTORE);
}

static void
sigap_recording_painter_move_to (SigapPainter *painter,
                                 double        x,
                                 double        y)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op = push_op (self, SIGAP_PAINTER_OP_MOVE_TO);

  op->x = x;
  op->y = y;
  extend_path (self, x, y);
  self->n_path_ops++;
}

static void
sigap_recording_painter_line_to (SigapPainter *painter,
                                 double        x,
                                 double        y)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op = push_op (self, SIGAP_PAINTER_OP_LINE_TO);

  op->x = x;
  op->y = y;
  extend_path (self, x, y);
  self->n_path_ops++;
}

static void
sigap_recording_painter_curve_to (SigapPainter *painter,
                                  double        x1,
                                  double        y1,
                                  double        x2,
                                  double        y2,
                                  double        x3,
                                  double        y3)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op = push_op (self, SIGAP_PAINTER_OP_CURVE_TO);

  op->coords[0] = x1;
  op->coords[1] = y1;
  op->coords[2] = x2;
  op->coords[3] = y2;
  op->coords[4] = x3;
  op->coords[5] = y3;
  op->x = x3;
  op->y = y3;
  extend_path (self, x1, y1);
  self->n_path_ops++;
  extend_path (self, x2, y2);
  extend_path (self, x3, y3);
}

static void
sigap_recording_painter_close_path (SigapPainter *painter)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);

  push_op (self, SIGAP_PAINTER_OP_CLOSE_PATH);
}

static void
sigap_recording_painter_rectangle (SigapPainter *painter,
                                   double        x,
                                   double        y,
                                   double        width,
                                   double        height)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op = push_op (self, SIGAP_PAINTER_OP_RECTANGLE);

  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  extend_path (self, x, y);
  self->n_path_ops++;
  extend_path (self, x + width, y + height);
}

static void
sigap_recording_painter_fill (SigapPainter *painter)
{
  consume_path (SIGAP_RECORDING_PAINTER (painter), SIGAP_PAINTER_OP_FILL);
}

static void
sigap_recording_painter_stroke (SigapPainter *painter)
{
  consume_path (SIGAP_RECORDING_PAINTER (painter), SIGAP_PAINTER_OP_STROKE);
}

static void
sigap_recording_painter_clip (SigapPainter *painter)
{
  consume_path (SIGAP_RECORDING_PAINTER (painter), SIGAP_PAINTER_OP_CLIP);
}

static void
sigap_recording_painter_set_color (SigapPainter     *painter,
                                   const SigapColor *color)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);

  self->state.color = *color;
  push_op (self, SIGAP_PAINTER_OP_SET_COLOR);
}

static void
sigap_recording_painter_set_line_width (SigapPainter *painter,
                                        double        width)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);

  self->state.line_width = width;
  push_op (self, SIGAP_PAINTER_OP_SET_LINE_WIDTH);
}

static void
sigap_recording_painter_set_dash (SigapPainter *painter,
                                  const double *dashes,
                                  guint         n_dashes,
                                  double        offset)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op;

  self->state.dashed = n_dashes > 0;
  op = push_op (self, SIGAP_PAINTER_OP_SET_DASH);
  op->n_dashes = MIN (n_dashes, G_N_ELEMENTS (op->coords));
  for (guint i = 0; i < op->n_dashes; i++)
    op->coords[i] = dashes[i];
  op->x = offset;
}

static void
sigap_recording_painter_set_font (SigapPainter    *painter,
                                  const char      *family,
                                  double           size,
                                  SigapFontWeight  weight)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapPainterOp *op;

  self->state.font_size = size;
  self->state.font_weight = weight;
  op = push_op (self, SIGAP_PAINTER_OP_SET_FONT);
  op->text = g_strdup (family);
}

static void
measure (SigapRecordingPainter *self,
         const char            *text,
         SigapTextExtents      *extents)
{
  double em = self->state.font_size;

  extents->width = FAKE_CHAR_WIDTH * em * g_utf8_strlen (text, -1);
  extents->height = FAKE_LINE_HEIGHT * em;
  extents->baseline = FAKE_BASELINE * em;
}

static void
sigap_recording_painter_measure_text (SigapPainter     *painter,
                                      const char       *text,
                                      SigapTextExtents *extents)
{
  measure (SIGAP_RECORDING_PAINTER (painter), text, extents);
}

static void
sigap_recording_painter_show_text (SigapPainter *painter,
                                   double        x,
                                   double        baseline_y,
                                   const char   *text)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (painter);
  SigapTextExtents extents;
  SigapPainterOp *op;

  measure (self, text, &extents);
  op = push_op (self, SIGAP_PAINTER_OP_SHOW_TEXT);
  op->x = x;
  op->y = baseline_y;
  op->width = extents.width;
  op->height = extents.height;
  op->text = g_strdup (text);
}

static void
sigap_recording_painter_iface_init (SigapPainterInterface *iface)
{
  iface->save = sigap_recording_painter_save;
  iface->restore = sigap_recording_painter_restore;
  iface->move_to = sigap_recording_painter_move_to;
  iface->line_to = sigap_recording_painter_line_to;
  iface->curve_to = sigap_recording_painter_curve_to;
  iface->close_path = sigap_recording_painter_close_path;
  iface->rectangle = sigap_recording_painter_rectangle;
  iface->fill = sigap_recording_painter_fill;
  iface->stroke = sigap_recording_painter_stroke;
  iface->clip = sigap_recording_painter_clip;
  iface->set_color = sigap_recording_painter_set_color;
  iface->set_line_width = sigap_recording_painter_set_line_width;
  iface->set_dash = sigap_recording_painter_set_dash;
  iface->set_font = sigap_recording_painter_set_font;
  iface->measure_text = sigap_recording_painter_measure_text;
  iface->show_text = sigap_recording_painter_show_text;
}

static void
sigap_recording_painter_finalize (GObject *object)
{
  SigapRecordingPainter *self = SIGAP_RECORDING_PAINTER (object);

  g_clear_pointer (&self->ops, g_array_unref);
  g_clear_pointer (&self->stack, g_array_unref);

  G_OBJECT_CLASS (sigap_recording_painter_parent_class)->finalize (object);
}

static void
sigap_recording_painter_class_init (SigapRecordingPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_recording_painter_finalize;
}

static void
sigap_recording_painter_init (SigapRecordingPainter *self)
{
  self->ops = g_array_new (FALSE, TRUE, sizeof (SigapPainterOp));
  g_array_set_clear_func (self->ops, clear_op);
  self->stack = g_array_new (FALSE, FALSE, sizeof (State));
  reset_state (&self->state);
}

SigapPainter *
sigap_recording_painter_new (void)
{
  return g_object_new (SIGAP_TYPE_RECORDING_PAINTER, NULL);
}

guint
sigap_recording_painter_get_n_ops (SigapRecordingPainter *self)
{
  g_return_val_if_fail (SIGAP_IS_RECORDING_PAINTER (self), 0);

  return self->ops->len;
}

/* Returns: (transfer none): the @index-th op, valid until the next call on the painter */
const SigapPainterOp *
sigap_recording_painter_get_op (SigapRecordingPainter *self,
                                guint                  index)
{
  g_return_val_if_fail (SIGAP_IS_RECORDING_PAINTER (self), NULL);
  g_return_val_if_fail (index < self->ops->len, NULL);

  return &g_array_index (self->ops, SigapPainterOp, index);
}

/* Forgets the recording and the graphics state, so one painter can record several drawings. */
void
sigap_recording_painter_clear (SigapRecordingPainter *self)
{
  g_return_if_fail (SIGAP_IS_RECORDING_PAINTER (self));

  g_array_set_size (self->ops, 0);
  g_array_set_size (self->stack, 0);
  reset_state (&self->state);
  self->n_path_ops = 0;
}

guint
sigap_recording_painter_count (SigapRecordingPainter *self,
                               SigapPainterOpKind     kind)
{
  guint count = 0;

  g_return_val_if_fail (SIGAP_IS_RECORDING_PAINTER (self), 0);

  for (guint i = 0; i < self->ops->len; i++)
    if (g_array_index (self->ops, SigapPainterOp, i).kind == kind)
      count++;

  return count;
}

/* Returns: (nullable) (transfer none): the first SHOW_TEXT op drawing exactly @text */
const SigapPainterOp *
sigap_recording_painter_find_text (SigapRecordingPainter *self,
                                   const char            *text)
{
  g_return_val_if_fail (SIGAP_IS_RECORDING_PAINTER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < self->ops->len; i++)
    {
      const SigapPainterOp *op = &g_array_index (self->ops, SigapPainterOp, i);

      if (op->kind == SIGAP_PAINTER_OP_SHOW_TEXT && g_strcmp0 (op->text, text) == 0)
        return op;
    }

  return NULL;
}

const char *
sigap_painter_op_kind_to_string (SigapPainterOpKind kind)
{
  switch (kind)
    {
    case SIGAP_PAINTER_OP_SAVE: return "save";
    case SIGAP_PAINTER_OP_RESTORE: return "restore";
    case SIGAP_PAINTER_OP_MOVE_TO: return "move-to";
    case SIGAP_PAINTER_OP_LINE_TO: return "line-to";
    case SIGAP_PAINTER_OP_CURVE_TO: return "curve-to";
    case SIGAP_PAINTER_OP_CLOSE_PATH: return "close-path";
    case SIGAP_PAINTER_OP_RECTANGLE: return "rectangle";
    case SIGAP_PAINTER_OP_FILL: return "fill";
    case SIGAP_PAINTER_OP_STROKE: return "stroke";
    case SIGAP_PAINTER_OP_CLIP: return "clip";
    case SIGAP_PAINTER_OP_SET_COLOR: return "set-color";
    case SIGAP_PAINTER_OP_SET_LINE_WIDTH: return "set-line-width";
    case SIGAP_PAINTER_OP_SET_DASH: return "set-dash";
    case SIGAP_PAINTER_OP_SET_FONT: return "set-font";
    case SIGAP_PAINTER_OP_SHOW_TEXT: return "show-text";
    default: return "unknown";
    }
}

/* A line per op, for test failure messages and for eyeballing a layout. */
char *
sigap_recording_painter_dump (SigapRecordingPainter *self)
{
  GString *out;

  g_return_val_if_fail (SIGAP_IS_RECORDING_PAINTER (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->ops->len; i++)
    {
      const SigapPainterOp *op = &g_array_index (self->ops, SigapPainterOp, i);

      g_string_append_printf (out, "%*s%s", (int) op->depth * 2, "",
                              sigap_painter_op_kind_to_string (op->kind));
      switch (op->kind)
        {
        case SIGAP_PAINTER_OP_MOVE_TO:
        case SIGAP_PAINTER_OP_LINE_TO:
        case SIGAP_PAINTER_OP_CURVE_TO:
          g_string_append_printf (out, " %.2f,%.2f", op->x, op->y);
          break;
        case SIGAP_PAINTER_OP_RECTANGLE:
        case SIGAP_PAINTER_OP_FILL:
        case SIGAP_PAINTER_OP_STROKE:
        case SIGAP_PAINTER_OP_CLIP:
          g_string_append_printf (out, " %.2f,%.2f %.2fx%.2f #%02x%02x%02x/%.2f%s",
                                  op->x, op->y, op->width, op->height,
                                  (guint) lround (op->color.red * 255),
                                  (guint) lround (op->color.green * 255),
                                  (guint) lround (op->color.blue * 255),
                                  op->color.alpha, op->dashed ? " dashed" : "");
          break;
        case SIGAP_PAINTER_OP_SHOW_TEXT:
          g_string_append_printf (out, " %.2f,%.2f \"%s\" %.1fpx", op->x, op->y, op->text,
                                  op->font_size);
          break;
        case SIGAP_PAINTER_OP_SET_LINE_WIDTH:
          g_string_append_printf (out, " %.2f", op->line_width);
          break;
        case SIGAP_PAINTER_OP_SET_FONT:
          g_string_append_printf (out, " %s %.1f", op->text, op->font_size);
          break;
        case SIGAP_PAINTER_OP_SAVE:
        case SIGAP_PAINTER_OP_RESTORE:
        case SIGAP_PAINTER_OP_CLOSE_PATH:
        case SIGAP_PAINTER_OP_SET_COLOR:
        case SIGAP_PAINTER_OP_SET_DASH:
        default:
          break;
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
