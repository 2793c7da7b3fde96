/* sigap-recent-servers.h: the PostgreSQL servers connected to most recently, as libpq URIs
 * without passwords, in GSettings "recent-servers"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many servers the list keeps. */
#define SIGAP_RECENT_SERVERS_MAX 8

/* Puts @uri at the head of the list in @settings (once), the oldest beyond the limit dropped.
 * A password in @uri is left out. */
void   sigap_recent_servers_add (GSettings  *settings,
                                 const char *uri);
/* The list, newest first: at most SIGAP_RECENT_SERVERS_MAX server URIs, none holding a
 * password. Free with g_strfreev(). */
GStrv  sigap_recent_servers_get (GSettings  *settings);

G_END_DECLS
