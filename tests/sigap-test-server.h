/* sigap-test-server.h: a throw-away database on the PostgreSQL server named by SIGAP_TEST_PG,
 * for the tests that run on both engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SIGAP_TEST_PG, a libpq URI where the tests may create databases, or NULL. */
const char *sigap_test_server_uri              (void);

/* TRUE when there is no server: the test is skipped, or fails in CI, where the server tests
 * always run (build-aux/sigap-dev test gives them a server). */
gboolean    sigap_test_server_skip             (void);

/* Creates an empty database with a new name on the server and returns its URI; sets
 * @out_name (free it) for sigap_test_server_drop_database (). */
char       *sigap_test_server_create_database  (char      **out_name);
void        sigap_test_server_drop_database    (const char *name);

G_END_DECLS
