/* sigap-test-server.h: throw-away databases on the PostgreSQL server named by SIGAP_TEST_PG,
 * for the tests that run on both engines or on the server alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SIGAP_TEST_PG, a libpq URI where the tests may create databases and roles, or NULL. */
const char *sigap_test_server_uri              (void);

/* TRUE when there is no server: the test is skipped, or fails in CI, where the server tests
 * always run (build-aux/sigap-dev test gives them a server). */
gboolean    sigap_test_server_skip             (void);

/* Runs @sql on SIGAP_TEST_PG's own database; aborts the test program when it fails. */
void        sigap_test_server_exec             (const char *sql);

/* SIGAP_TEST_PG's connection parameters with database @dbname, and @user and @password
 * instead of its own when not NULL. */
char       *sigap_test_server_uri_for          (const char *dbname,
                                                const char *user,
                                                const char *password);

/* Runs a server program (pg_ctl, pg_basebackup …), as the postgres user when the test runs as
 * root, which the server refuses; aborts with its output, and the server's @log if given,
 * when it fails. */
void        sigap_test_server_run_program      (const char * const *argv,
                                                const char         *log);

/* A database of its own on the server, empty when made. */
typedef struct
{
  char *name;
  char *uri;
} SigapTestDatabase;

void        sigap_test_database_create         (SigapTestDatabase *db);
void        sigap_test_database_drop           (SigapTestDatabase *db);

G_END_DECLS
