/* sigap-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libpq-fe.h>
#include <unistd.h>

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
notice_cb (void       *user_data,
           const char *message)
{
  g_test_message ("%s", message);
}

void
sigap_test_server_exec (const char *sql)
{
  PGconn *conn = PQconnectdb (sigap_test_server_uri ());
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to SIGAP_TEST_PG: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_cb, NULL);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

char *
sigap_test_server_uri_for (const char *dbname,
                           const char *user,
                           const char *password)
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
      if ((user != NULL && g_str_equal (option->keyword, "user")) ||
          (password != NULL && g_str_equal (option->keyword, "password")))
        continue;
      g_string_append_printf (uri, "%c%s=", separator, option->keyword);
      g_string_append_uri_escaped (uri, option->val, NULL, FALSE);
      separator = '&';
    }
  if (user != NULL)
    {
      g_string_append_printf (uri, "%cuser=", separator);
      g_string_append_uri_escaped (uri, user, NULL, FALSE);
      separator = '&';
    }
  if (password != NULL)
    {
      g_string_append_printf (uri, "%cpassword=", separator);
      g_string_append_uri_escaped (uri, password, NULL, FALSE);
    }
  PQconninfoFree (options);

  return g_string_free (uri, FALSE);
}

void
sigap_test_database_create (SigapTestDatabase *db)
{
  g_autofree char *sql = NULL;

  g_assert_nonnull (sigap_test_server_uri ());
  db->name = g_strdup_printf ("sigap_test_%08x", g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s", db->name);
  sigap_test_server_exec (sql);
  db->uri = sigap_test_server_uri_for (db->name, NULL, NULL);
}

void
sigap_test_database_drop (SigapTestDatabase *db)
{
  g_autofree char *sql = NULL;

  if (db->name == NULL)
    return;
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", db->name);
  sigap_test_server_exec (sql);
  g_clear_pointer (&db->name, g_free);
  g_clear_pointer (&db->uri, g_free);
}

void
sigap_test_server_run_program (const char * const *argv,
                               const char         *log)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (getuid () == 0)
    {
      g_ptr_array_add (args, (gpointer) "runuser");
      g_ptr_array_add (args, (gpointer) "-u");
      g_ptr_array_add (args, (gpointer) "postgres");
      g_ptr_array_add (args, (gpointer) "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *server_log = NULL;

      if (log != NULL)
        g_file_get_contents (log, &server_log, NULL, NULL);
      g_error ("%s: %s%s%s", argv[0], out, err, server_log != NULL ? server_log : "");
    }
}
