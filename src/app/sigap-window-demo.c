/* sigap-window-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data (win.open-demo): generated in a worker thread with progress on the window's
 * progress page, then opened as any database is; win.cancel-demo stops it.
 */

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/sigap-demo.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

typedef struct
{
  GWeakRef window;
} DemoShared;

typedef struct
{
  DemoShared *shared;
  double      fraction;
} DemoProgress;

static void
demo_shared_clear (gpointer data)
{
  DemoShared *shared = data;

  g_weak_ref_clear (&shared->window);
}

static void
demo_shared_release (DemoShared *shared)
{
  g_atomic_rc_box_release_full (shared, demo_shared_clear);
}

static void
demo_progress_free (DemoProgress *progress)
{
  demo_shared_release (progress->shared);
  g_free (progress);
}

static gboolean
demo_progress_cb (gpointer user_data)
{
  DemoProgress *progress = user_data;
  g_autoptr(SigapWindow) self = g_weak_ref_get (&progress->shared->window);

  if (self != NULL && self->demo_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0, 1));

  return G_SOURCE_REMOVE;
}

/* Called from the generating thread. */
static void
demo_generate_progress_cb (double   fraction,
                           gpointer user_data)
{
  DemoProgress *progress = g_new0 (DemoProgress, 1);

  progress->shared = g_atomic_rc_box_acquire (user_data);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_cb, progress,
                              (GDestroyNotify) demo_progress_free);
}

static void
demo_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  DemoShared *shared = g_atomic_rc_box_new0 (DemoShared);
  SigapDemoOptions options;
  GError *error = NULL;
  gboolean ok;

  g_weak_ref_init (&shared->window, source_object);
  sigap_demo_options_init (&options);
  ok = sigap_demo_generate (path, &options, FALSE, demo_generate_progress_cb, shared,
                            cancellable, &error);
  demo_shared_release (shared);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SigapWindow *self = SIGAP_WINDOW (object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->demo_cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->db_path != NULL)
            _sigap_window_set_state (self, "dashboard");
          else
            _sigap_window_set_state (self, "welcome");
        }
      else
        _sigap_window_show_error (self, error);

      _sigap_window_update_busy (self);
      return;
    }

  sigap_window_open_database (self, path);
}

static char *
demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sigap", "demo.sigap", NULL);
}

void
_sigap_window_open_demo_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autofree char *path = demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GTask) task = NULL;

  if (self->demo_cancellable != NULL)
    return;

  /* The demo is the same story every time: make it once, reopen it after. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      sigap_window_open_database (self, path);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      _sigap_window_show_error (self, error);
      return;
    }

  self->demo_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  _sigap_window_set_state (self, "progress");
  _sigap_window_update_busy (self);

  task = g_task_new (self, self->demo_cancellable, demo_finished_cb, NULL);
  g_task_set_source_tag (task, _sigap_window_open_demo_activated);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, demo_in_thread);
}

void
_sigap_window_cancel_demo_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  g_cancellable_cancel (self->demo_cancellable);
}
