/* sigap-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window never queries on its own thread: every figure is computed by a function of
 * src/core run here, in a GTask worker with its own read-only SQLite connection (a connection
 * belongs to one thread). A cancelled query is interrupted inside SQLite too, so a quick
 * succession of filter changes does not queue up work nobody will look at.
 */

#include "sigap-query.h"

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

/* Called by SQLite every few hundred virtual-machine steps: non-zero interrupts the
 * statement, which then fails with SQLITE_INTERRUPT.
 */
static int
progress_handler_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = sigap_database_open (query->db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (sigap_database_get_handle (db), 1000, progress_handler_cb,
                              cancellable);

  {
    gint64 start = g_get_monotonic_time ();

    result = query->func (db, query->filter, query->data, cancellable, &error);
    g_debug ("Query %p took %.1f ms", query->func, (g_get_monotonic_time () - start) / 1000.0);
  }

  if (cancellable != NULL)
    sqlite3_progress_handler (sigap_database_get_handle (db), 0, NULL, NULL);

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
