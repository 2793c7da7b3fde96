/* test-engines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same figures from both engines: the demo of one seed written to an SQLite file and to a
 * PostgreSQL database gives byte-identical `sigap summary --format json` for the city, a
 * kecamatan and a kelurahan, every --by and segment, at a month end (the tallies alone) and
 * mid-month (the tallies and the participants of the month). Then what PostgreSQL alone has:
 * one-line connection failures and the roles.
 *
 * Runs when SIGAP_TEST_PG is the libpq URI of a server where the test may create databases
 * (build-aux/sigap-dev test sets it under pg_virtualenv); each test creates a database of a
 * random name and drops it afterwards, so that tests running at once do not meet.
 */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "core/sigap-database.h"
#include "sigap-test-util.h"

#define DEMO_PARTICIPANTS "6000"

static const char *server_uri;

static gboolean
skip_without_server (void)
{
  if (server_uri != NULL)
    return FALSE;

  /* In CI the server tests always run (build-aux/sigap-dev test gives them a server). */
  if (g_getenv ("CI") != NULL)
    {
      g_test_message ("SIGAP_TEST_PG is not set in CI");
      g_test_fail ();
      return TRUE;
    }

  g_test_skip ("SIGAP_TEST_PG is not set");
  return TRUE;
}

static void
notice_cb (void       *user_data,
           const char *message)
{
  g_test_message ("%s", message);
}

static PGconn *
connect_admin (void)
{
  PGconn *conn = PQconnectdb (server_uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to SIGAP_TEST_PG: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_cb, NULL);
  return conn;
}

static void
admin_exec (const char *sql)
{
  PGconn *conn = connect_admin ();
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* SIGAP_TEST_PG's connection parameters with another database (and user). */
static char *
uri_for (const char *dbname,
         const char *user,
         const char *password)
{
  PQconninfoOption *options = PQconninfoParse (server_uri, NULL);
  g_autoptr(GString) uri = g_string_new ("postgresql:///");
  char separator = '?';

  g_assert_nonnull (options);
  g_string_append_uri_escaped (uri, dbname, NULL, FALSE);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      const char *value = option->val;

      if (g_str_equal (option->keyword, "dbname"))
        continue;
      if (user != NULL && g_str_equal (option->keyword, "user"))
        continue;
      if (password != NULL && g_str_equal (option->keyword, "password"))
        continue;
      if (value == NULL || *value == '\0')
        continue;
      g_string_append_printf (uri, "%c%s=", separator, option->keyword);
      g_string_append_uri_escaped (uri, value, NULL, FALSE);
      separator = '&';
    }
  if (user != NULL)
    {
      g_string_append_printf (uri, "%cuser=%s", separator, user);
      separator = '&';
    }
  if (password != NULL)
    g_string_append_printf (uri, "%cpassword=%s", separator, password);
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

typedef struct
{
  char *name;
  char *uri;
} TestDatabase;

static void
test_database_create (TestDatabase *db)
{
  g_autofree char *sql = NULL;

  db->name = g_strdup_printf ("sigap_test_%08x", g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s", db->name);
  admin_exec (sql);
  db->uri = uri_for (db->name, NULL, NULL);
}

static void
test_database_drop (TestDatabase *db)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", db->name);

  admin_exec (sql);
  g_clear_pointer (&db->name, g_free);
  g_clear_pointer (&db->uri, g_free);
}

static void
demo_into (const char *location)
{
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "demo", "--db", location, "--participants", DEMO_PARTICIPANTS,
                        "--force", NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap demo --db %s: %s", location, run.err);
}

static void
test_summary_identical (void)
{
  static const char * const scopes[] = { "32.75", "32.75.03", "32.75.01.1002" };
  static const char * const bys[] = { NULL, "kecamatan", "kelurahan", "sector", "desil", "month" };
  static const char * const segments[] = { "rentan", "ekosistem", "all" };
  static const char * const dates[] = { "2026-10-31", "2026-06-15" };
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  TestDatabase server = { 0 };
  guint n_compared = 0;
  guint n_figures = 0;

  if (skip_without_server ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-engines-XXXXXX", FALSE);
  file = g_build_filename (dir, "demo.sigap", NULL);
  test_database_create (&server);
  demo_into (file);
  demo_into (server.uri);

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    for (guint b = 0; b < G_N_ELEMENTS (bys); b++)
      for (guint g = 0; g < G_N_ELEMENTS (segments); g++)
        for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
          {
            g_auto(SigapTestRun) sqlite_run = { 0 };
            g_auto(SigapTestRun) server_run = { 0 };
            g_autofree char *by = bys[b] != NULL ? g_strdup_printf ("--by=%s", bys[b])
                                                 : g_strdup ("--format=json");

            sigap_test_run_sigap (&sqlite_run, "summary", "--db", file, "--format=json",
                                  "--scope", scopes[s], "--segment", segments[g],
                                  "--as-of", dates[d], by, NULL);
            sigap_test_run_sigap (&server_run, "summary", "--db", server.uri, "--format=json",
                                  "--scope", scopes[s], "--segment", segments[g],
                                  "--as-of", dates[d], by, NULL);

            g_test_message ("%s %s %s %s", scopes[s], by, segments[g], dates[d]);
            g_assert_cmpint (server_run.status, ==, sqlite_run.status);
            g_assert_cmpstr (server_run.out, ==, sqlite_run.out);
            if (sigap_test_run_succeeded (&sqlite_run))
              {
                /* Figures, not two empty answers. */
                g_assert_nonnull (strstr (sqlite_run.out, "\"registered\""));
                n_figures++;
              }
            else
              g_assert_cmpstr (server_run.err, ==, sqlite_run.err);
            n_compared++;
          }

  g_assert_cmpuint (n_compared, ==, 108);
  /* A kelurahan has no breakdown by kecamatan or kelurahan; everything else answers. */
  g_assert_cmpuint (n_figures, >=, 90);

  test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

static void
test_connection_errors (void)
{
  g_autofree char *missing = NULL;
  g_auto(SigapTestRun) run = { 0 };
  g_auto(SigapTestRun) down = { 0 };

  if (skip_without_server ())
    return;

  missing = uri_for ("sigap_test_missing", NULL, NULL);
  sigap_test_run_sigap (&run, "summary", "--db", missing, NULL);
  sigap_test_run_assert_fails_with (&run, "“sigap_test_missing” does not exist");

  /* Port 1 takes no connections. */
  sigap_test_run_sigap (&down, "summary", "--db", "postgresql://127.0.0.1:1/sigap", NULL);
  sigap_test_run_assert_fails_with (&down, "the server is down or cannot be reached");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  server_uri = g_getenv ("SIGAP_TEST_PG");
  if (server_uri != NULL && *server_uri == '\0')
    server_uri = NULL;

  g_test_add_func ("/engines/summary-identical", test_summary_identical);
  g_test_add_func ("/engines/connection-errors", test_connection_errors);

  return g_test_run ();
}
