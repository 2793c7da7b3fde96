/* sigap-query.h: figures computed in a worker thread, on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sigap-database.h"
#include "core/sigap-filter.h"

G_BEGIN_DECLS

/* Runs in a worker thread with a connection opened for it alone. Returns the result (freed
 * with the result_free given to sigap_query_run_async() when nobody takes it), or NULL with
 * @error set.
 */
typedef gpointer (*SigapQueryFunc) (SigapDatabase      *db,
                                    const SigapFilter  *filter,
                                    gpointer            data,
                                    GCancellable       *cancellable,
                                    GError            **error);

void      sigap_query_run_async  (gpointer             source_object,
                                  const char          *db_path,
                                  const SigapFilter   *filter,
                                  SigapQueryFunc       func,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GDestroyNotify       result_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gpointer  sigap_query_run_finish (GAsyncResult        *result,
                                  GError             **error);
void      sigap_query_open_connections  (const char          *db_path,
                                         guint                n);
void      sigap_query_close_connections (void);

G_END_DECLS
