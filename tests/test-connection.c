/* test-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server's URI built from the window's fields (sigap-connection.h): whatever the fields hold
 * (@ / : ? # % spaces, non-ASCII), libpq reads back the same host, port, database and user;
 * no password is ever in it; the header's "DATABASE on HOST".
 */

#include <libpq-fe.h>
#include <string.h>

#include "core/sigap-connection.h"
#include "core/sigap-database.h"

typedef struct
{
  const char *host;
  guint       port;
  const char *database;
  const char *user;
} Fields;

static const Fields odd_fields[] = {
  { "db.bekasikota.go.id", 5432, "sigap", "operator" },
  { "db host", 6543, "kota bekasi", "ibu ani" },
  { "h@st:5/x?y#z", 1, "a/b:c@d?e=f&g#h%20", "u@v:w/x" },
  { "::1", 5433, "dasbor ü", "pengguna_ü" },
  { "[::1]", 5432, "[db]", "[u]" },
  { "/var/run/postgresql", 5432, "sigap", "postgres" },
  { "kota,bekasi", 5432, "%41%", "+plus+" },
  { "Bekasi Utara", 5432, "数据库", "Ñandú" },
};

/* What libpq reads in @uri for @keyword, or NULL. */
static char *
libpq_value (const char *uri,
             const char *keyword)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (uri, &message);
  char *value = NULL;

  if (options == NULL)
    g_error ("libpq cannot read %s: %s", uri, message);

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword) && option->val != NULL)
      value = g_strdup (option->val);
  PQconninfoFree (options);
  return value;
}

static void
test_uri_round_trip (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (odd_fields); i++)
    {
      const Fields *f = &odd_fields[i];
      g_autoptr(SigapServer) server = sigap_server_new (f->host, f->port, f->database, f->user);
      g_autofree char *uri = sigap_server_to_uri (server);
      g_autofree char *host = libpq_value (uri, "host");
      g_autofree char *port = libpq_value (uri, "port");
      g_autofree char *dbname = libpq_value (uri, "dbname");
      g_autofree char *user = libpq_value (uri, "user");
      g_autofree char *password = libpq_value (uri, "password");
      g_autofree char *expected_port = g_strdup_printf ("%u", f->port);
      g_autoptr(SigapServer) back = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", uri);
      g_assert_true (g_str_has_prefix (uri, "postgresql://"));
      g_assert_true (sigap_database_path_is_server (uri));
      g_assert_true (g_str_is_ascii (uri));
      g_assert_null (strchr (uri, ' '));

      g_assert_cmpstr (host, ==, f->host);
      g_assert_cmpstr (port, ==, expected_port);
      g_assert_cmpstr (dbname, ==, f->database);
      g_assert_cmpstr (user, ==, f->user);
      g_assert_null (password);

      back = sigap_server_from_uri (uri, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->host, ==, f->host);
      g_assert_cmpuint (back->port, ==, f->port);
      g_assert_cmpstr (back->database, ==, f->database);
      g_assert_cmpstr (back->user, ==, f->user);
    }
}

static void
test_uri_defaults (void)
{
  g_autoptr(SigapServer) empty = sigap_server_new ("", 0, "", NULL);
  g_autoptr(SigapServer) db_only = sigap_server_new (NULL, 0, "sigap", NULL);
  g_autofree char *empty_uri = sigap_server_to_uri (empty);
  g_autofree char *db_uri = sigap_server_to_uri (db_only);
  g_autofree char *host = libpq_value (db_uri, "host");
  g_autofree char *port = libpq_value (db_uri, "port");

  /* Empty fields are libpq's defaults (PGHOST, PGPORT, ~/.pgpass …), not empty values. */
  g_assert_cmpstr (empty_uri, ==, "postgresql:///");
  g_assert_cmpstr (db_uri, ==, "postgresql:///sigap");
  g_assert_null (host);
  g_assert_null (port);
}

static void
test_from_uri_leaves_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapServer) server =
    sigap_server_from_uri ("postgresql://ani:rahasia%40123@db.example:6000/sigap?sslmode=require",
                           &error);
  g_autofree char *uri = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (server->host, ==, "db.example");
  g_assert_cmpuint (server->port, ==, 6000);
  g_assert_cmpstr (server->database, ==, "sigap");
  g_assert_cmpstr (server->user, ==, "ani");

  uri = sigap_server_to_uri (server);
  g_assert_null (strstr (uri, "rahasia"));
  g_assert_cmpstr (uri, ==, "postgresql://ani@db.example:6000/sigap");
}

static void
test_from_uri_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapServer) server = sigap_server_from_uri ("postgresql://[::1/db", &error);

  g_assert_null (server);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_describe (void)
{
  g_autofree char *remote = sigap_connection_describe ("postgresql://ani:rahasia@db.example/sigap");
  g_autofree char *local = sigap_connection_describe ("postgresql:///sigap");
  g_autofree char *socket = sigap_connection_describe ("postgresql://%2Frun%2Fpostgresql/sigap");
  g_autofree char *odd = sigap_connection_describe ("postgresql://db%20host/kota%20bekasi");

  g_assert_cmpstr (remote, ==, "sigap on db.example");
  g_assert_cmpstr (local, ==, "sigap on this computer");
  g_assert_cmpstr (socket, ==, "sigap on this computer");
  g_assert_cmpstr (odd, ==, "kota bekasi on db host");
}

static void
test_password_store (void)
{
  const char *uri = "postgresql://ani@db.example/sigap";

  g_assert_false (sigap_connection_has_password (uri));
  sigap_connection_set_password (uri, "rahasia");
  g_assert_true (sigap_connection_has_password (uri));
  g_assert_false (sigap_connection_has_password ("postgresql://ani@db.example/other"));
  sigap_connection_set_password (uri, "");
  g_assert_false (sigap_connection_has_password (uri));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/connection/uri-round-trip", test_uri_round_trip);
  g_test_add_func ("/connection/uri-defaults", test_uri_defaults);
  g_test_add_func ("/connection/from-uri-leaves-password", test_from_uri_leaves_password);
  g_test_add_func ("/connection/from-uri-invalid", test_from_uri_invalid);
  g_test_add_func ("/connection/describe", test_describe);
  g_test_add_func ("/connection/password-store", test_password_store);

  return g_test_run ();
}
