/* sigap-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libpq-fe.h>

#include "sigap-test-server.h"

const char *
sigap_test_server_uri (void)
{
  const char *uri = g_getenv ("SIGAP_TEST_PG");

  return uri != NULL && *uri != '\0' ? uri : NULL;
}

gboolean
sigap_test_server_skip (void)
{
  if (sigap_test_server_uri () != NULL)
    return FALSE;

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
admin_exec (const char *sql)
{
  PGconn *conn = PQconnectdb (sigap_test_server_uri ());
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to SIGAP_TEST_PG: %s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* SIGAP_TEST_PG's connection parameters with another database. */
static char *
uri_for (const char *dbname)
{
  PQconninfoOption *options = PQconninfoParse (sigap_test_server_uri (), NULL);
  GString *uri = g_string_new ("postgresql:///");
  char separator = '?';

  g_assert_nonnull (options);
  g_string_append_uri_escaped (uri, dbname, NULL, FALSE);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (g_str_equal (option->keyword, "dbname") || option->val == NULL || *option->val == '\0')
        continue;
      g_string_append_printf (uri, "%c%s=", separator, option->keyword);
      g_string_append_uri_escaped (uri, option->val, NULL, FALSE);
      separator = '&';
    }
  PQconninfoFree (options);

  return g_string_free (uri, FALSE);
}

char *
sigap_test_server_create_database (char **out_name)
{
  g_autofree char *name = g_strdup_printf ("sigap_test_%08x", g_random_int ());
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  g_assert_nonnull (sigap_test_server_uri ());
  admin_exec (sql);
  *out_name = g_strdup (name);

  return uri_for (name);
}

void
sigap_test_server_drop_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  admin_exec (sql);
}
