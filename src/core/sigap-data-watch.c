/* sigap-data-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A watch on one database: "changed" is emitted, on the thread-default main context of the
 * thread that made the watch, soon after an import or the demo commits there, from any
 * connection or process. Reads never emit it.
 *
 * On PostgreSQL the watch has its own connection, LISTENs on SIGAP_DATA_CHANGED_CHANNEL
 * (sigap_database_notify_changed () sends it inside the writing transaction, so it arrives
 * once the data is committed) and watches the connection's socket. When the server goes away
 * (a restart), it connects again in a thread, after 1 s, then 2, 4 … up to 30 s between
 * attempts, and emits "changed" once back: an import may have committed meanwhile. On SQLite
 * a file monitor watches the file and its write-ahead log; a burst of file events gives one
 * "changed".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "sigap-data-watch.h"
#include "sigap-database.h"
#include "sigap-database-private.h"

/* File events within this many milliseconds are one change. */
#define SETTLE_MS 150
/* The longest wait between two attempts to connect again, in seconds. */
#define RETRY_MAX_S 30

struct _SigapDataWatch
{
  GObject        parent_instance;

  GMainContext  *context;
  char          *location;
  SigapServerListener *listener;
  GSource       *socket_source;
  GSource       *retry_source;
  GCancellable  *cancellable;     /* of the attempt to connect again */
  guint          retry_s;
  GFileMonitor  *file_monitor;
  GFileMonitor  *wal_monitor;
  GSource       *settle_source;
};

G_DEFINE_FINAL_TYPE (SigapDataWatch, sigap_data_watch, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sigap_data_watch_dispose (GObject *object)
{
  SigapDataWatch *self = SIGAP_DATA_WATCH (object);

  if (self->socket_source != NULL)
    {
      g_source_destroy (self->socket_source);
      g_clear_pointer (&self->socket_source, g_source_unref);
    }
  if (self->settle_source != NULL)
    {
      g_source_destroy (self->settle_source);
      g_clear_pointer (&self->settle_source, g_source_unref);
    }
  if (self->retry_source != NULL)
    {
      g_source_destroy (self->retry_source);
      g_clear_pointer (&self->retry_source, g_source_unref);
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->listener, _sigap_server_listener_free);
  if (self->file_monitor != NULL)
    g_file_monitor_cancel (self->file_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->file_monitor);
  g_clear_object (&self->wal_monitor);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (sigap_data_watch_parent_class)->dispose (object);
}

static void
sigap_data_watch_class_init (SigapDataWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_data_watch_dispose;

  /**
   * SigapDataWatch::changed:
   *
   * Another connection committed new data: figures read before are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
sigap_data_watch_init (SigapDataWatch *self)
{
}

static void schedule_reconnect (SigapDataWatch *self);
static void attach_socket      (SigapDataWatch *self);

/* In a thread: a new connection, listening, or an error. */
static void
reconnect_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  SigapServerListener *listener;

  listener = _sigap_server_listener_new (task_data, SIGAP_DATA_CHANGED_CHANNEL, &error);
  if (listener == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, listener, (GDestroyNotify) _sigap_server_listener_free);
}

/* @user_data: a weak reference to the watch, which may be gone by now. */
static void
reconnected_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SigapDataWatch) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  SigapServerListener *listener = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || self->location == NULL)
    {
      g_clear_pointer (&listener, _sigap_server_listener_free);
      return;
    }

  if (listener == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Data watch cannot connect again yet: %s", error->message);
      self->retry_s = MIN (self->retry_s * 2, RETRY_MAX_S);
      schedule_reconnect (self);
      return;
    }

  g_debug ("Data watch connected again");
  self->listener = listener;
  attach_socket (self);
  /* An import may have committed while the watch was away. */
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
retry_cb (gpointer user_data)
{
  SigapDataWatch *self = SIGAP_DATA_WATCH (user_data);
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_clear_pointer (&self->retry_source, g_source_unref);

  /* The task reports on the watch's context, and does not keep the watch: a connection
   * attempt may take long, and the watch is given up meanwhile (dispose cancels it). */
  g_weak_ref_init (weak, self);
  g_main_context_push_thread_default (self->context);
  task = g_task_new (NULL, self->cancellable, reconnected_cb, weak);
  g_main_context_pop_thread_default (self->context);
  g_task_set_source_tag (task, retry_cb);
  g_task_set_task_data (task, g_strdup (self->location), g_free);
  g_task_run_in_thread (task, reconnect_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (SigapDataWatch *self)
{
  self->retry_source = g_timeout_source_new (self->retry_s * 1000);
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_static_name (self->retry_source, "[sigap] data watch reconnect");
  g_source_attach (self->retry_source, self->context);
}

static gboolean
socket_ready_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  SigapDataWatch *self = SIGAP_DATA_WATCH (user_data);
  int n = _sigap_server_listener_consume (self->listener);

  if (n < 0)
    {
      /* The server went away (the window learns of it on its own connection): connect
       * again in a while. */
      g_clear_pointer (&self->socket_source, g_source_unref);
      g_clear_pointer (&self->listener, _sigap_server_listener_free);
      self->retry_s = 1;
      schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

  if (n > 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_CONTINUE;
}

static void
attach_socket (SigapDataWatch *self)
{
  self->socket_source = g_unix_fd_source_new (_sigap_server_listener_get_fd (self->listener),
                                              G_IO_IN);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (socket_ready_cb), self, NULL);
  g_source_set_static_name (self->socket_source, "[sigap] data watch");
  g_source_attach (self->socket_source, self->context);
}

static gboolean
watch_server (SigapDataWatch  *self,
              const char      *location,
              GError         **error)
{
  self->listener = _sigap_server_listener_new (location, SIGAP_DATA_CHANGED_CHANNEL, error);
  if (self->listener == NULL)
    return FALSE;

  self->location = g_strdup (location);
  self->cancellable = g_cancellable_new ();
  attach_socket (self);
  return TRUE;
}

static gboolean
settled_cb (gpointer user_data)
{
  SigapDataWatch *self = SIGAP_DATA_WATCH (user_data);

  g_clear_pointer (&self->settle_source, g_source_unref);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  SigapDataWatch *self = SIGAP_DATA_WATCH (user_data);

  /* Written, made, or put in place by a rename; not a deletion or a change of mode. */
  if (event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  if (self->settle_source != NULL)
    {
      g_source_destroy (self->settle_source);
      g_clear_pointer (&self->settle_source, g_source_unref);
    }
  self->settle_source = g_timeout_source_new (SETTLE_MS);
  g_source_set_callback (self->settle_source, settled_cb, self, NULL);
  g_source_set_static_name (self->settle_source, "[sigap] data watch settle");
  g_source_attach (self->settle_source, self->context);
}

static gboolean
watch_file (SigapDataWatch  *self,
            const char      *location,
            GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (location);
  g_autofree char *wal_path = g_strconcat (location, "-wal", NULL);
  g_autoptr(GFile) wal = g_file_new_for_path (wal_path);

  /* A monitor reports on the thread-default context current when it is made. */
  g_main_context_push_thread_default (self->context);
  self->file_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->file_monitor != NULL)
    self->wal_monitor = g_file_monitor_file (wal, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  g_main_context_pop_thread_default (self->context);
  if (self->wal_monitor == NULL)
    return FALSE;

  g_signal_connect (self->file_monitor, "changed", G_CALLBACK (file_changed_cb), self);
  g_signal_connect (self->wal_monitor, "changed", G_CALLBACK (file_changed_cb), self);
  return TRUE;
}

/**
 * sigap_data_watch_new:
 * @location: a database file or a libpq URI, as sigap_database_open () takes
 *
 * Returns: (transfer full) (nullable): a watch emitting "changed" on the caller's
 *   thread-default main context
 */
SigapDataWatch *
sigap_data_watch_new (const char  *location,
                      GError     **error)
{
  g_autoptr(SigapDataWatch) self = NULL;
  gboolean ok;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (SIGAP_TYPE_DATA_WATCH, NULL);
  self->context = g_main_context_ref_thread_default ();

  if (sigap_database_path_is_server (location))
    ok = watch_server (self, location, error);
  else
    ok = watch_file (self, location, error);

  return ok ? g_steal_pointer (&self) : NULL;
}
