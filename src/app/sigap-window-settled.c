/* sigap-window-settled.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settling: nothing under way and the result on screen. sigap_window_when_settled() calls
 * back once the window is not busy and a frame has been painted since: for `sigap
 * screenshot`, the tests and the benchmark.
 */

#include "sigap-window.h"
#include "sigap-window-private.h"

static gboolean
settled_idle_cb (gpointer user_data)
{
  SigapWindow *self = user_data;
  g_autoptr(GArray) callbacks = NULL;

  self->settled_idle = 0;
  if (self->busy || self->settled->len == 0)
    return G_SOURCE_REMOVE;

  /* Callbacks may ask for more: they land in a fresh list. */
  callbacks = g_steal_pointer (&self->settled);
  self->settled = g_array_new (FALSE, FALSE, sizeof (Settled));

  g_object_ref (self);
  for (guint i = 0; i < callbacks->len; i++)
    {
      const Settled *settled = &g_array_index (callbacks, Settled, i);

      settled->func (self, settled->user_data);
    }
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* A frame was painted: the widgets' render nodes hold what is on screen now. */
static void
after_paint_cb (GdkFrameClock *clock,
                SigapWindow   *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);

  if (self->busy)
    return;

  if (self->settled_idle == 0)
    self->settled_idle = g_idle_add (settled_idle_cb, self);
}

void
_sigap_window_check_settled (SigapWindow *self)
{
  GdkFrameClock *clock;

  if (self->settled == NULL || self->settled->len == 0 || self->busy ||
      self->paint_handler != 0 || self->main_stack == NULL ||
      g_strcmp0 (sigap_window_get_state (self), "loading") == 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_sigap_window_mapped_cb (SigapWindow *self)
{
  _sigap_window_check_settled (self);
}

/**
 * sigap_window_when_settled:
 * @func: called once, on the main thread
 *
 * Calls @func once nothing is under way (no database opening, no page computing) and a
 * frame has been painted since, so that what the figures say is on screen: for
 * `sigap screenshot`, the tests and the benchmark. If the window ends up on a status page
 * (an error), @func is called too: look at sigap_window_get_state() and _get_error().
 */
void
sigap_window_when_settled (SigapWindow            *self,
                           SigapWindowSettledFunc  func,
                           gpointer                user_data)
{
  Settled settled = { func, user_data };

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  g_array_append_val (self->settled, settled);
  _sigap_window_check_settled (self);
}
