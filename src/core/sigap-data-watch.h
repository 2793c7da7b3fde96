/* sigap-data-watch.h: hears when another connection changes a database's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_DATA_WATCH (sigap_data_watch_get_type ())

G_DECLARE_FINAL_TYPE (SigapDataWatch, sigap_data_watch, SIGAP, DATA_WATCH, GObject)

SigapDataWatch *sigap_data_watch_new (const char  *location,
                                      GError     **error);

G_END_DECLS
