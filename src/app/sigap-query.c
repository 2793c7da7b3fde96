/* sigap-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window never queries on its own thread: every figure is computed by a function of
 * src/core run here, in a GTask worker, on a read-only SQLite connection that no other thread
 * uses meanwhile (kept for the next query: see pool_take ()). A cancelled query is
 * interrupted inside SQLite too, so a quick succession of filter changes does not queue up
 * work nobody will look at.
 */

#include <glib/gstdio.h>

#include "sigap-query.h"

/* Read-only connections kept between queries, since opening one checks the file and reads the
 * schema, and a kept one still has in its cache the pages the last query read: at 3 million
 * participants that is most of a drill's time. Each is used by one worker at a time. Its
 * file's identity is compared at each take, so that a database replaced under the same name
 * (a new demo is renamed into place) is never read through a connection to the old one. A
 * server's database is named by its URI alone (a demo replaces its rows, not the database):
 * over a distant link a new connection costs several round trips before its first figure. */
#define POOL_MAX 4

typedef struct
{
  SigapDatabase *db;
  char          *path;
  dev_t          dev;
  ino_t          ino;
} Pooled;

static GMutex pool_lock;
static GQueue pool = G_QUEUE_INIT;

typedef struct
{
  char           *db_path;
  SigapFilter    *filter;
  SigapQueryFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Query;

static void
query_free (Query *query)
{
  if (query->data_free != NULL)
    g_clear_pointer (&query->data, query->data_free);
  g_clear_pointer (&query->filter, sigap_filter_free);
  g_free (query->db_path);
  g_free (query);
}


static void
pooled_free (Pooled *pooled)
{
  g_clear_object (&pooled->db);
  g_free (pooled->path);
  g_free (pooled);
}

static gboolean
identify (Pooled *pooled)
{
  GStatBuf st;

  if (sigap_database_path_is_server (pooled->path))
    return TRUE;

  if (g_stat (pooled->path, &st) != 0)
    return FALSE;

  pooled->dev = st.st_dev;
  pooled->ino = st.st_ino;
  return TRUE;
}

/* A connection to @path, kept or new; NULL with @error set when it cannot be opened. */
static Pooled *
pool_take (const char  *path,
           GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Pooled *wanted = g_new0 (Pooled, 1);

  wanted->path = g_strdup (path);
  if (identify (wanted))
    {
      locker = g_mutex_locker_new (&pool_lock);
      for (GList *l = pool.head; l != NULL; l = l->next)
        {
          Pooled *kept = l->data;

          if (g_str_equal (kept->path, path) && kept->dev == wanted->dev &&
              kept->ino == wanted->ino)
            {
              g_queue_delete_link (&pool, l);
              pooled_free (wanted);
              return kept;
            }
        }
      g_clear_pointer (&locker, g_mutex_locker_free);
    }

  wanted->db = sigap_database_open (path, SIGAP_DATABASE_OPEN_READ_ONLY, error);
  if (wanted->db == NULL)
    {
      pooled_free (wanted);
      return NULL;
    }
  g_debug ("Query connection opened in %u round trips",
           sigap_database_get_round_trips (wanted->db));

  return wanted;
}

/* Keeps @pooled for the next query, unless it is in the middle of a transaction. */
static void
pool_give (Pooled *pooled)
{
  g_autoptr(GMutexLocker) locker = NULL;

  if (sigap_database_in_transaction (pooled->db))
    {
      pooled_free (pooled);
      return;
    }

  locker = g_mutex_locker_new (&pool_lock);
  g_queue_push_head (&pool, pooled);
  while (pool.length > POOL_MAX)
    pooled_free (g_queue_pop_tail (&pool));
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  Pooled *pooled = pool_take (path, &error);

  /* A failure is the first query's to report. */
  if (pooled == NULL)
    g_debug ("Cannot open a query connection ahead: %s", error->message);
  else
    pool_give (pooled);
  g_task_return_boolean (task, pooled != NULL);
}

/**
 * sigap_query_open_connections:
 * @db_path: a database file or a server's URI
 * @n: how many connections the first queries will want at once
 *
 * For a server: opens up to @n read-only connections to @db_path ahead of the queries, at
 * once, in worker threads, as many as are not kept already. Over a distant link a new
 * connection waits several round trips before its first figure; opened while the window
 * reads what it needs to open, those are not in the way of the first page. A file needs
 * nothing of the sort: nothing is done.
 */
void
sigap_query_open_connections (const char *db_path,
                              guint       n)
{
  guint kept = 0;

  g_return_if_fail (db_path != NULL);

  if (!sigap_database_path_is_server (db_path))
    return;

  g_mutex_lock (&pool_lock);
  for (GList *l = pool.head; l != NULL; l = l->next)
    if (g_str_equal (((Pooled *) l->data)->path, db_path))
      kept++;
  g_mutex_unlock (&pool_lock);

  for (guint i = kept; i < MIN (n, POOL_MAX); i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_source_tag (task, sigap_query_open_connections);
      g_task_set_task_data (task, g_strdup (db_path), g_free);
      g_task_run_in_thread (task, open_in_thread);
    }
}

/**
 * sigap_query_close_connections:
 *
 * Closes the connections kept between queries (when the application quits).
 */
void
sigap_query_close_connections (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pool_lock);

  g_queue_clear_full (&pool, (GDestroyNotify) pooled_free);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(GError) error = NULL;
  Pooled *pooled;
  SigapDatabase *db;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  pooled = pool_take (query->db_path, &error);
  if (pooled == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  db = pooled->db;

  /* A cancelled query stops in the middle of its statement. */
  if (cancellable != NULL)
    sigap_database_set_cancellable (db, cancellable);

  {
    gint64 start = g_get_monotonic_time ();
    guint round_trips = sigap_database_get_round_trips (db);

    result = query->func (db, query->filter, query->data, cancellable, &error);
    g_debug ("Query %p took %.1f ms, %u round trips", query->func,
             (g_get_monotonic_time () - start) / 1000.0,
             sigap_database_get_round_trips (db) - round_trips);
  }

  if (cancellable != NULL)
    sigap_database_set_cancellable (db, NULL);
  pool_give (pooled);

  if (g_task_return_error_if_cancelled (task))
    {
      if (result != NULL && query->result_free != NULL)
        query->result_free (result);
      return;
    }

  if (result == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "query returned nothing");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, query->result_free);
}

/**
 * sigap_query_run_async:
 * @source_object: (nullable): the object the callback is for; kept alive until it runs
 * @db_path: the database file
 * @filter: copied
 * @func: computes the result in a worker thread
 * @data: (nullable): handed to @func, freed with @data_free
 * @result_free: frees what @func returns
 * @cancellable: (nullable): cancels the query, in SQLite too
 *
 * The callback runs in the thread-default main context of the caller.
 */
void
sigap_query_run_async (gpointer             source_object,
                       const char          *db_path,
                       const SigapFilter   *filter,
                       SigapQueryFunc       func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (filter != NULL);
  g_return_if_fail (func != NULL);

  query = g_new0 (Query, 1);
  query->db_path = g_strdup (db_path);
  query->filter = sigap_filter_copy (filter);
  query->func = func;
  query->data = data;
  query->data_free = data_free;
  query->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_query_run_async);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * sigap_query_run_finish:
 *
 * Returns: (transfer full): the result of the query's function, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when it was cancelled)
 */
gpointer
sigap_query_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sigap_query_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
