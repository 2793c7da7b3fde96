/* sigap-database-sqlite.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What only the SQLite engine has, for the engine's own tests and tools (the fuzzer restores
 * its database with the backup API). Nothing in src/ above this engine includes it.
 */
#pragma once

#include <sqlite3.h>

#include "sigap-database.h"

G_BEGIN_DECLS

sqlite3        *sigap_database_sqlite_get_handle (SigapDatabase *self);

G_END_DECLS
