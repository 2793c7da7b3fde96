/* test-engines-resilience.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL engine when the server goes away, and imports that end badly:
 *
 *  - a server restarted during a session (a server of the test's own, made with initdb, so
 *    that the other tests on the shared one are left alone) and a backend terminated from
 *    another connection: the next read connects again and gives the same figures; inside a
 *    transaction the statement fails in one line, nothing is saved, and after the rollback the
 *    connection works; a server that stays down says so in one line, at open too;
 *  - the data watch (live refresh) hears the commits of others again after a restart;
 *  - a wrong password: one line, without the password;
 *  - `sigap import` killed with SIGKILL mid-way, on PostgreSQL and on an SQLite file: nothing
 *    of it stays (counts and tallies as before, no lock held) and the next import succeeds;
 *  - an import racing 4 readers on their own connections: each read sees the participants
 *    before the import or after it, never between, and the tallies always agree.
 *
 * Runs when SIGAP_TEST_PG is the libpq URI of a server where the test may create databases
 * (build-aux/sigap-dev test sets it under pg_virtualenv); each test creates a database of a
 * random name and drops it afterwards.
 */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/sigap-data-watch.h"
#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-test-server.h"
#include "sigap-test-util.h"

#define DEMO_PARTICIPANTS "6000"
#define PG_BIN "/usr/lib/postgresql/15/bin"
/* The writers' advisory lock (sigap_database_lock_writers ()). */
#define WRITERS_LOCK "1397178711"

static const char *server_uri;

/* --- The shared server, through libpq ----------------------------------------------- */

static void
notice_cb (void       *user_data,
           const char *message)
{
  g_test_message ("%s", message);
}

static PGconn *
connect_to (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to the test server: %s", PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, notice_cb, NULL);
  return conn;
}

/* The first value of @sql on @uri (the shared server's own database when NULL), as a number. */
static gint64
query_int (const char *uri,
           const char *sql)
{
  PGconn *conn = connect_to (uri != NULL ? uri : server_uri);
  PGresult *result = PQexec (conn, sql);
  gint64 value = 0;

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

static void
demo_into (const char *location,
           const char *participants)
{
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "demo", "--db", location, "--participants", participants,
                        "--force", NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap demo --db %s: %s", location, run.err);
}

/* --- A server of the test's own, to restart and stop -------------------------------- */

typedef struct
{
  char *dir;
  char *data;
  char *log;
  char *options;
  char *uri;
} OwnServer;

/* FALSE (the test skipped, or failed in CI) where the server programs are not installed. */
static gboolean
own_server_start (OwnServer *server)
{
  g_autofree char *port = NULL;

  if (!g_file_test (PG_BIN "/initdb", G_FILE_TEST_IS_EXECUTABLE))
    {
      if (g_getenv ("CI") != NULL)
        g_test_fail ();
      g_test_skip (PG_BIN "/initdb is not installed");
      return FALSE;
    }

  server->dir = sigap_test_make_tmp_dir ("sigap-resilience-XXXXXX", FALSE);
  if (getuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      g_assert_nonnull (postgres);
      g_assert_cmpint (chown (server->dir, postgres->pw_uid, postgres->pw_gid), ==, 0);
    }
  server->data = g_build_filename (server->dir, "data", NULL);
  server->log = g_build_filename (server->dir, "server.log", NULL);
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/initdb", "-D", server->data, "-A", "trust", "-U",
                                     "postgres", "-E", "UTF8", "--locale=C", "--no-sync", NULL },
                                   NULL);

  /* Only a socket in the test's folder: nothing else can reach it. */
  port = g_strdup_printf ("%d", 20000 + g_random_int_range (0, 20000));
  server->options = g_strdup_printf ("-p %s -k %s -c listen_addresses= -c fsync=off", port,
                                     server->dir);
  server->uri = g_strdup_printf ("postgresql:///postgres?host=%s&port=%s&user=postgres",
                                 server->dir, port);
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_ctl", "-D", server->data, "-o", server->options,
                                     "-l", server->log, "-w", "start", NULL },
                                   server->log);
  return TRUE;
}

/* pg_ctl @action (start, stop, restart), waiting until it is done; stop and restart end every
 * session (fast mode: the backends are terminated, their transactions rolled back). */
static void
own_server_ctl (OwnServer  *server,
                const char *action)
{
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_ctl", "-D", server->data, "-o", server->options,
                                     "-l", server->log, "-m", "fast", "-w", action, NULL },
                                   server->log);
}

static void
own_server_remove (OwnServer *server)
{
  sigap_test_server_run_program ((const char * const[]) {
                                     PG_BIN "/pg_ctl", "-D", server->data, "-m", "immediate", "-w",
                                     "stop", NULL },
                                   NULL);
  sigap_test_remove_tree (server->dir);
  g_clear_pointer (&server->dir, g_free);
  g_clear_pointer (&server->data, g_free);
  g_clear_pointer (&server->log, g_free);
  g_clear_pointer (&server->options, g_free);
  g_clear_pointer (&server->uri, g_free);
}

/* --- Figures read through the interface --------------------------------------------- */

typedef struct
{
  gint64 participants;
  gint64 registered;
  gint64 active;
  gint64 ended;
} Figures;

/* The city's figures, and the participants counted: FALSE with @error when a read fails. */
static gboolean
read_figures (SigapDatabase  *db,
              Figures        *figures,
              GError        **error)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  SigapSummary *summary;
  GDate as_of;

  g_assert_true (sigap_date_parse_iso ("2026-10-31", &as_of));
  filter = sigap_filter_new (&as_of, "32.75", SIGAP_SEGMENT_ALL);
  summary = sigap_figures_summary (db, filter, error);
  if (summary == NULL)
    return FALSE;
  figures->registered = summary->registered;
  figures->active = summary->active;
  figures->ended = summary->ended;
  sigap_summary_free (summary);

  stmt = sigap_database_prepare (db, "SELECT count (*) FROM participant", error);
  if (stmt == NULL)
    return FALSE;
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (db, error, "count");
  figures->participants = sigap_statement_column_int64 (stmt, 0);
  return TRUE;
}

static void
assert_same_figures (const Figures *a,
                     const Figures *b)
{
  g_assert_cmpint (a->participants, ==, b->participants);
  g_assert_cmpint (a->registered, ==, b->registered);
  g_assert_cmpint (a->active, ==, b->active);
  g_assert_cmpint (a->ended, ==, b->ended);
}

/* A message a person reads: one line, no SQL, no password. */
static void
assert_one_line (const char *message)
{
  g_test_message ("Message: %s", message);
  g_assert_null (strchr (message, '\n'));
  g_assert_null (strstr (message, "SELECT"));
  g_assert_null (strstr (message, "INSERT"));
  g_assert_null (strstr (message, "password="));
}

static gint64
backend_pid (SigapDatabase *db)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, "SELECT pg_backend_pid ()", NULL);

  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return sigap_statement_column_int64 (stmt, 0);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (G_CANCELLABLE (data));
  return NULL;
}

/* The session after a reconnection: a long statement can still be cancelled (the cancel
 * handle names the new backend, not the one that is gone). */
static void
assert_cancellable (SigapDatabase *db)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SigapStatement) sleep = sigap_database_prepare (db, "SELECT pg_sleep (30)", NULL);
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 started = g_get_monotonic_time ();

  sigap_database_set_cancellable (db, cancellable);
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  g_assert_cmpint (sigap_statement_step (sleep), ==, SIGAP_STEP_ERROR);
  sigap_database_set_error (db, &error, "sleep");
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  g_thread_join (thread);
  sigap_database_set_cancellable (db, NULL);
}

/* Begins a transaction that writes, then calls @break_connection, then goes on writing: the
 * statement fails in one line saying nothing was saved, and so does the next one, until the
 * rollback; then nothing of it is there and a new transaction works. */
static void
assert_transaction_lost (SigapDatabase *db,
                         void         (*break_connection) (gpointer data),
                         gpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *value = NULL;
  Figures figures;

  g_assert_true (sigap_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_database_set_meta (db, "resilience_first", "1", &error));
  g_assert_no_error (error);

  break_connection (data);

  g_assert_false (sigap_database_set_meta (db, "resilience_second", "2", &error));
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "the connection to the server was lost; "
                                            "nothing was saved"));
  assert_one_line (error->message);
  g_clear_error (&error);
  g_assert_true (sigap_database_in_transaction (db));

  /* What follows must not be saved on a new connection as if the first half had been. */
  g_assert_false (sigap_database_set_meta (db, "resilience_third", "3", &error));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  g_assert_false (sigap_database_commit (db, &error));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  sigap_database_rollback (db);
  g_assert_false (sigap_database_in_transaction (db));

  g_assert_true (read_figures (db, &figures, &error));
  g_assert_no_error (error);
  saved = sigap_database_get_meta (db, "resilience_first");
  g_assert_null (saved);
  g_clear_pointer (&saved, g_free);
  saved = sigap_database_get_meta (db, "resilience_third");
  g_assert_null (saved);

  /* And a new transaction is saved. */
  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_set_meta (db, "resilience_after", "4", &error));
  g_assert_true (sigap_database_commit (db, &error));
  g_assert_no_error (error);
  value = sigap_database_get_meta (db, "resilience_after");
  g_assert_cmpstr (value, ==, "4");
  g_assert_true (sigap_database_set_meta (db, "resilience_after", NULL, &error));
  g_assert_no_error (error);
}

/* --- Restart and termination --------------------------------------------------------- */

static void
restart_cb (gpointer data)
{
  own_server_ctl (data, "restart");
}

/* The server restarted during a session, then stopped and started again. */
static void
test_restart (void)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapDatabase) reader = NULL;
  g_autoptr(SigapDatabase) down = NULL;
  g_autoptr(SigapStatement) persistent = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SigapTestRun) run = { 0 };
  OwnServer server = { 0 };
  Figures before, after;
  gint64 pid, kept;

  if (sigap_test_server_skip () || !own_server_start (&server))
    return;

  demo_into (server.uri, "2000");
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  reader = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  persistent = sigap_database_prepare_persistent (db, "SELECT count (*) FROM participant "
                                                      "WHERE desil <= ?1", &error);
  g_assert_no_error (error);
  sigap_statement_bind_int (persistent, 1, 5);
  g_assert_cmpint (sigap_statement_step (persistent), ==, SIGAP_STEP_ROW);
  kept = sigap_statement_column_int64 (persistent, 0);
  g_assert_cmpint (kept, >, 0);

  g_assert_true (read_figures (db, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpint (before.participants, ==, 2000);
  pid = backend_pid (db);

  own_server_ctl (&server, "restart");

  /* Every session connects again at its next statement, with the same figures. */
  g_assert_true (read_figures (db, &after, &error));
  g_assert_no_error (error);
  assert_same_figures (&before, &after);
  g_assert_cmpint (backend_pid (db), !=, pid);
  sigap_statement_reset (persistent);
  g_assert_cmpint (sigap_statement_step (persistent), ==, SIGAP_STEP_ROW);
  g_assert_cmpint (sigap_statement_column_int64 (persistent, 0), ==, kept);
  g_assert_true (read_figures (reader, &after, &error));
  g_assert_no_error (error);
  assert_same_figures (&before, &after);
  /* The read-only session is read-only again. */
  g_assert_false (sigap_database_set_meta (reader, "resilience", "1", &error));
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_cancellable (db);

  /* Inside a transaction: lost, in one line, and nothing saved. */
  assert_transaction_lost (db, restart_cb, &server);

  /* Down: one line that says so, from a session and at open; back: the same session works. */
  own_server_ctl (&server, "stop");
  g_assert_false (read_figures (db, &after, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the connection to the server was lost: "
                                            "the server is down or cannot be reached"));
  assert_one_line (error->message);
  g_clear_error (&error);
  g_assert_false (sigap_database_in_transaction (db));

  down = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (down);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the server is down or cannot be reached"));
  assert_one_line (error->message);
  g_clear_error (&error);
  sigap_test_run_sigap (&run, "summary", "--db", server.uri, NULL);
  sigap_test_run_assert_fails_with (&run, "the server is down or cannot be reached");

  own_server_ctl (&server, "start");
  g_assert_true (read_figures (db, &after, &error));
  g_assert_no_error (error);
  assert_same_figures (&before, &after);

  g_clear_pointer (&persistent, sigap_statement_free);
  g_clear_object (&db);
  g_clear_object (&reader);
  own_server_remove (&server);
}

static void
terminate_backend (SigapDatabase *db)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT
                                          ", 10000)::int", backend_pid (db));

  /* With a timeout, it returns once the backend is gone. */
  g_assert_cmpint (query_int (NULL, sql), ==, 1);
}

static void
terminate_cb (gpointer data)
{
  terminate_backend (data);
}

/* The backend terminated from another connection (pg_terminate_backend): to the client, the
 * same as a server restart. */
static void
test_terminate_backend (void)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SigapTestDatabase server = { 0 };
  Figures before, after;
  gint64 pid;

  if (sigap_test_server_skip ())
    return;

  sigap_test_database_create (&server);
  demo_into (server.uri, "2000");
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (read_figures (db, &before, &error));
  g_assert_no_error (error);

  pid = backend_pid (db);
  terminate_backend (db);
  g_assert_true (read_figures (db, &after, &error));
  g_assert_no_error (error);
  assert_same_figures (&before, &after);
  g_assert_cmpint (backend_pid (db), !=, pid);

  /* A statement run directly (exec) connects again too. */
  terminate_backend (db);
  g_assert_true (sigap_database_exec (db, "SELECT 1", &error));
  g_assert_no_error (error);
  assert_cancellable (db);

  assert_transaction_lost (db, terminate_cb, db);

  g_clear_object (&db);
  sigap_test_database_drop (&server);
}

static void
count_changed_cb (SigapDataWatch *watch,
                  guint          *count)
{
  (*count)++;
}

/* Runs the main context until *@count reaches 1, for at most @timeout_s seconds. */
static gboolean
wait_for_change (const guint *count,
                 guint        timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (*count == 0 && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }
  return *count > 0;
}

static void
commit_notify (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (sigap_database_begin (db, &error));
  g_assert_true (sigap_database_notify_changed (db, &error));
  g_assert_true (sigap_database_commit (db, &error));
  g_assert_no_error (error);
}

/* The live refresh's own connection, after a restart: it connects again, says the figures may
 * be out of date, and hears the next commit. */
static void
test_data_watch_restart (void)
{
  g_autoptr(SigapDataWatch) watch = NULL;
  g_autoptr(GError) error = NULL;
  OwnServer server = { 0 };
  guint count = 0;

  if (sigap_test_server_skip () || !own_server_start (&server))
    return;

  demo_into (server.uri, "100");
  watch = sigap_data_watch_new (server.uri, &error);
  g_assert_no_error (error);
  g_signal_connect (watch, "changed", G_CALLBACK (count_changed_cb), &count);
  commit_notify (server.uri);
  g_assert_true (wait_for_change (&count, 10));

  own_server_ctl (&server, "restart");
  count = 0;
  g_assert_true (wait_for_change (&count, 20));

  /* Listening again: the next commit is heard. */
  count = 0;
  commit_notify (server.uri);
  g_assert_true (wait_for_change (&count, 10));

  /* While the server is away: nothing heard, attempts to connect again; given up meanwhile,
   * its pending attempt ends quietly. */
  count = 0;
  own_server_ctl (&server, "stop");
  g_assert_false (wait_for_change (&count, 4));
  g_clear_object (&watch);
  own_server_ctl (&server, "start");
  g_assert_false (wait_for_change (&count, 2));
  own_server_remove (&server);
}

/* A wrong password: one line, which does not repeat it. */
static void
test_wrong_password (void)
{
  static const char password[] = "not-the-password-4f7c";
  g_autofree char *uri = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SigapTestRun) run = { 0 };

  if (sigap_test_server_skip ())
    return;

  uri = sigap_test_server_uri_for ("postgres", NULL, password);
  db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    {
      /* A server that lets every local user in (trust) asks for no password at all. */
      g_test_skip ("the test server does not check passwords");
      return;
    }
  g_assert_nonnull (strstr (error->message, "the password is wrong, or the user does not exist"));
  g_assert_null (strstr (error->message, password));
  assert_one_line (error->message);

  sigap_test_run_sigap (&run, "summary", "--db", uri, NULL);
  sigap_test_run_assert_fails_with (&run, "the password is wrong");
  g_assert_null (strstr (run.err, password));
}

/* --- Imports killed and raced -------------------------------------------------------- */

/* A participants CSV of @n_lines distinct NIKs, all valid. */
static char *
write_big_csv (const char *dir,
               const char *name,
               guint       kecamatan,
               guint       n_lines)
{
  g_autoptr(GString) text = g_string_new ("nik;nama;kelurahan;sektor;tanggal_daftar;desil\n");
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "3275%02u%02u%02u%02u%04u;Nama %u;Bekasijaya;Ojek Online;"
                            "2025-11-05;%u\n",
                            kecamatan, 1 + i % 28, 1 + (i / 28) % 12, 60 + (i / 336) % 40,
                            1 + i / 13440, i, 1 + i % 10);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  return path;
}

/* The counts an import changes, and the tallies counted again from the participants. */
typedef struct
{
  gint64 participants;
  gint64 batches;
  gint64 tally_registered;
  gint64 tally_desil_registered;
  gint64 tally_ended;
  gint64 ended;
} Counts;

#define COUNTS_SQL \
  "SELECT (SELECT count (*) FROM participant)," \
  " (SELECT count (*) FROM import_batch)," \
  " (SELECT coalesce (sum (registered), 0) FROM tally_sector)," \
  " (SELECT coalesce (sum (registered), 0) FROM tally_desil)," \
  " (SELECT coalesce (sum (ended), 0) FROM tally_sector)," \
  " (SELECT count (*) FROM participant WHERE ended_on IS NOT NULL)"

static void
read_counts (SigapDatabase *db,
             Counts        *counts)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = sigap_database_prepare (db, COUNTS_SQL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  counts->participants = sigap_statement_column_int64 (stmt, 0);
  counts->batches = sigap_statement_column_int64 (stmt, 1);
  counts->tally_registered = sigap_statement_column_int64 (stmt, 2);
  counts->tally_desil_registered = sigap_statement_column_int64 (stmt, 3);
  counts->tally_ended = sigap_statement_column_int64 (stmt, 4);
  counts->ended = sigap_statement_column_int64 (stmt, 5);
}

static void
read_counts_at (const char *location,
                Counts     *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (location, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);

  g_assert_no_error (error);
  read_counts (db, counts);
}

static void
assert_tallies_agree (const Counts *counts)
{
  g_assert_cmpint (counts->tally_registered, ==, counts->participants);
  g_assert_cmpint (counts->tally_desil_registered, ==, counts->participants);
  g_assert_cmpint (counts->tally_ended, ==, counts->ended);
}

static gboolean
has_temporary_rejects (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".ditolak.csv.") != NULL)
      return TRUE;
  return FALSE;
}

static GPid
spawn_import (const char *location,
              const char *rejects,
              const char *csv)
{
  const char *argv[] = { g_getenv ("SIGAP_BIN"), "import", "participants", "--db", location,
                         "--rejects", rejects, csv, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* SIGKILL: no handler runs, the process is simply gone mid-way. */
static void
kill_mid_way (GPid pid)
{
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* Killed, not finished before the signal came. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static void
import_succeeds (const char *location,
                 const char *csv)
{
  g_auto(SigapTestRun) run = { 0 };

  sigap_test_run_sigap (&run, "import", "participants", "--db", location, csv, NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap import: %s", run.err);
}

/* On the shared server: the rows of this database's other sessions, now. */
static gint64
db_query (const SigapTestDatabase *server,
          const char         *format)
{
  g_autofree char *sql = g_strdup_printf (format, server->name);

  return query_int (NULL, sql);
}

static void
test_kill_import_postgres (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *rejects = NULL;
  SigapTestDatabase server = { 0 };
  Counts before, after;
  gint64 heap_before, deadline;
  GPid pid;

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-resilience-XXXXXX", FALSE);
  big = write_big_csv (dir, "besar.csv", 1, 400000);
  small = write_big_csv (dir, "kecil.csv", 2, 500);
  rejects = g_build_filename (dir, "ditolak.csv", NULL);
  sigap_test_database_create (&server);
  demo_into (server.uri, DEMO_PARTICIPANTS);
  read_counts_at (server.uri, &before);
  assert_tallies_agree (&before);
  heap_before = query_int (server.uri, "SELECT pg_relation_size ('participant')");

  pid = spawn_import (server.uri, rejects, big);

  /* Mid-way: the import holds the writers' lock and its transaction has written (it has a
   * transaction id); then a little more, for rows. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (db_query (&server,
                   "SELECT count (*) FROM pg_stat_activity AS a JOIN pg_locks AS l"
                   " ON l.pid = a.pid AND l.locktype = 'advisory' AND l.granted"
                   " AND l.objid = " WRITERS_LOCK
                   " WHERE a.datname = '%s' AND a.backend_xid IS NOT NULL") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
  g_usleep (700 * 1000);
  g_test_message ("participant heap: %" G_GINT64_FORMAT " bytes before, %" G_GINT64_FORMAT
                  " when killed", heap_before,
                  query_int (server.uri, "SELECT pg_relation_size ('participant')"));
  kill_mid_way (pid);

  /* The server ends the session when it finds the client gone. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (db_query (&server, "SELECT count (*) FROM pg_stat_activity WHERE datname = '%s'") > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  /* Nothing of it: counts as before, tallies as counted, no lock held. */
  read_counts_at (server.uri, &after);
  g_assert_cmpint (after.participants, ==, before.participants);
  g_assert_cmpint (after.batches, ==, before.batches);
  assert_tallies_agree (&after);
  g_assert_cmpint (after.tally_registered, ==, before.tally_registered);
  g_assert_cmpint (db_query (&server,
                             "SELECT count (*) FROM pg_locks WHERE locktype = 'advisory' AND"
                             " database = (SELECT oid FROM pg_database WHERE datname = '%s')"),
                   ==, 0);
  if (has_temporary_rejects (dir))
    g_test_message ("The killed import's temporary rejects file stays in the folder");

  /* The next import is saved. */
  import_succeeds (server.uri, small);
  read_counts_at (server.uri, &after);
  g_assert_cmpint (after.participants, ==, before.participants + 500);
  g_assert_cmpint (after.batches, ==, before.batches + 1);
  assert_tallies_agree (&after);

  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

static void
test_kill_import_sqlite (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *rejects = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapStatement) check = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after;
  gint64 deadline;
  GPid pid;

  dir = sigap_test_make_tmp_dir ("sigap-resilience-XXXXXX", FALSE);
  file = g_build_filename (dir, "demo.sigap", NULL);
  big = write_big_csv (dir, "besar.csv", 1, 200000);
  small = write_big_csv (dir, "kecil.csv", 2, 500);
  rejects = g_build_filename (dir, "ditolak.csv", NULL);
  demo_into (file, DEMO_PARTICIPANTS);
  read_counts_at (file, &before);
  assert_tallies_agree (&before);

  pid = spawn_import (file, rejects, big);
  /* Mid-way: the rejects are being written, and the import has read a part of the file. */
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (!has_temporary_rejects (dir))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
  g_usleep (500 * 1000);
  kill_mid_way (pid);

  /* Opening for writing recovers the file (the journal of the killed transaction). */
  db = sigap_database_open (file, SIGAP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  check = sigap_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (check), ==, SIGAP_STEP_ROW);
  g_assert_cmpstr (sigap_statement_column_text (check, 0), ==, "ok");
  g_clear_pointer (&check, sigap_statement_free);
  read_counts (db, &after);
  g_clear_object (&db);
  g_assert_cmpint (after.participants, ==, before.participants);
  g_assert_cmpint (after.batches, ==, before.batches);
  assert_tallies_agree (&after);

  import_succeeds (file, small);
  read_counts_at (file, &after);
  g_assert_cmpint (after.participants, ==, before.participants + 500);
  g_assert_cmpint (after.batches, ==, before.batches + 1);
  assert_tallies_agree (&after);

  sigap_test_remove_tree (dir);
}

/* One reader of the race: reads in a loop on its own connection until told to stop. */
typedef struct
{
  const char *uri;
  gint       *importing;    /* 0 before, 1 while, 2 after the import */
  gint       *stop;

  /* What it saw: every participant count (and how often), reads in which the tallies did
   * not agree, the reads during the import and after it, and the city figure's values. */
  GHashTable *counts;
  GHashTable *registered;
  guint       disagreements;
  gint        reads_during;
  gint        reads_after;
  char       *failure;
} Reader;

static void
count_value (GHashTable *table,
             gint64      value)
{
  gint64 *key = g_new (gint64, 1);

  *key = value;
  g_hash_table_insert (table, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (reader->uri, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapFilter) filter = NULL;
  GDate as_of;

  if (db == NULL)
    {
      reader->failure = g_strdup (error->message);
      return NULL;
    }
  g_assert_true (sigap_date_parse_iso ("2026-10-31", &as_of));
  filter = sigap_filter_new (&as_of, "32.75", SIGAP_SEGMENT_ALL);

  while (!g_atomic_int_get (reader->stop))
    {
      g_autoptr(SigapStatement) stmt = NULL;
      SigapSummary *summary;
      int importing = g_atomic_int_get (reader->importing);
      Counts counts;

      /* One statement, one snapshot. */
      stmt = sigap_database_prepare (db, COUNTS_SQL, &error);
      if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
        {
          reader->failure = g_strdup (sigap_database_last_error_message (db));
          return NULL;
        }
      counts.participants = sigap_statement_column_int64 (stmt, 0);
      counts.tally_registered = sigap_statement_column_int64 (stmt, 2);
      counts.tally_desil_registered = sigap_statement_column_int64 (stmt, 3);
      counts.tally_ended = sigap_statement_column_int64 (stmt, 4);
      counts.ended = sigap_statement_column_int64 (stmt, 5);
      count_value (reader->counts, counts.participants);
      if (counts.tally_registered != counts.participants ||
          counts.tally_desil_registered != counts.participants ||
          counts.tally_ended != counts.ended)
        reader->disagreements++;

      /* And the city's figure as the overview reads it. */
      summary = sigap_figures_summary (db, filter, &error);
      if (summary == NULL)
        {
          reader->failure = g_strdup (error->message);
          return NULL;
        }
      count_value (reader->registered, summary->registered);
      sigap_summary_free (summary);

      if (importing == 1)
        g_atomic_int_inc (&reader->reads_during);
      else if (importing == 2)
        g_atomic_int_inc (&reader->reads_after);
    }

  return NULL;
}

static void
assert_seen_only (GHashTable  *seen,
                  gint64       before,
                  gint64       after,
                  const char  *what,
                  guint        reader)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 seen_value = *(gint64 *) key;

      g_test_message ("reader %u: %s %" G_GINT64_FORMAT " seen %u times", reader, what,
                      seen_value, GPOINTER_TO_UINT (value));
      if (seen_value != before && seen_value != after)
        g_error ("Reader %u saw %s %" G_GINT64_FORMAT ", neither %" G_GINT64_FORMAT " before "
                 "the import nor %" G_GINT64_FORMAT " after it", reader, what, seen_value,
                 before, after);
    }
}

/* An import racing 4 readers: each sees the participants before it or after it, never
 * between, and the tallies agree in every read. */
static void
test_import_racing_readers (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  SigapSummary *summary;
  SigapTestDatabase server = { 0 };
  Reader readers[4] = { 0 };
  GThread *threads[4];
  Counts before, after;
  gint64 registered_before, registered_after;
  gint importing = 0, stop = 0;
  gboolean enough;
  GDate as_of;

  if (sigap_test_server_skip ())
    return;

  dir = sigap_test_make_tmp_dir ("sigap-resilience-XXXXXX", FALSE);
  csv = write_big_csv (dir, "peserta.csv", 3, 3000);
  sigap_test_database_create (&server);
  demo_into (server.uri, DEMO_PARTICIPANTS);

  g_assert_true (sigap_date_parse_iso ("2026-10-31", &as_of));
  filter = sigap_filter_new (&as_of, "32.75", SIGAP_SEGMENT_ALL);
  db = sigap_database_open (server.uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  read_counts (db, &before);
  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);
  registered_before = summary->registered;
  sigap_summary_free (summary);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      readers[i].uri = server.uri;
      readers[i].importing = &importing;
      readers[i].stop = &stop;
      readers[i].counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      readers[i].registered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      threads[i] = g_thread_new ("reader", reader_thread, &readers[i]);
    }

  g_usleep (300 * 1000);
  g_atomic_int_set (&importing, 1);
  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, g_getenv ("SIGAP_BIN"), "import", "participants", "--db",
                             server.uri, csv, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (import, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_successful (import));
  g_atomic_int_set (&importing, 2);

  /* A few reads each after the commit. */
  do
    {
      g_usleep (50 * 1000);
      enough = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
        if (readers[i].failure == NULL && g_atomic_int_get (&readers[i].reads_after) < 3)
          enough = FALSE;
    }
  while (!enough);
  g_atomic_int_set (&stop, 1);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    g_thread_join (threads[i]);

  read_counts (db, &after);
  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);
  registered_after = summary->registered;
  sigap_summary_free (summary);
  g_assert_cmpint (after.participants, >, before.participants);
  g_assert_cmpint (registered_after, >, registered_before);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      Reader *reader = &readers[i];

      g_assert_cmpstr (reader->failure, ==, NULL);
      g_test_message ("reader %u: %d reads during the import, %d after", i,
                      reader->reads_during, reader->reads_after);
      assert_seen_only (reader->counts, before.participants, after.participants,
                        "participants", i);
      assert_seen_only (reader->registered, registered_before, registered_after,
                        "registered", i);
      g_assert_cmpuint (reader->disagreements, ==, 0);
      /* It read while the import ran, and saw its end. */
      g_assert_cmpint (reader->reads_during, >, 0);
      g_assert_true (g_hash_table_contains (reader->counts, &before.participants));
      g_assert_true (g_hash_table_contains (reader->counts, &after.participants));
      g_hash_table_unref (reader->counts);
      g_hash_table_unref (reader->registered);
    }

  g_clear_object (&db);
  sigap_test_database_drop (&server);
  sigap_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  server_uri = g_getenv ("SIGAP_TEST_PG");
  if (server_uri != NULL && *server_uri == '\0')
    server_uri = NULL;

  g_test_add_func ("/engines-resilience/restart", test_restart);
  g_test_add_func ("/engines-resilience/terminate-backend", test_terminate_backend);
  g_test_add_func ("/engines-resilience/data-watch-restart", test_data_watch_restart);
  g_test_add_func ("/engines-resilience/wrong-password", test_wrong_password);
  g_test_add_func ("/engines-resilience/kill-import-postgres", test_kill_import_postgres);
  g_test_add_func ("/engines-resilience/kill-import-sqlite", test_kill_import_sqlite);
  g_test_add_func ("/engines-resilience/import-racing-readers", test_import_racing_readers);

  return g_test_run ();
}
