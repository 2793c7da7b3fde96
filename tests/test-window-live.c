/* test-window-live.c: the window under a role, and the news of others' imports (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A viewer's Ctrl+I and Ctrl+F say in a toast that an operator's role is needed, and open
 * nothing.
 *
 * Needs a display (xvfb-run). The PostgreSQL cases need SIGAP_TEST_PG, a libpq URI where the
 * test may create databases and roles (build-aux/sigap-dev test runs them under
 * pg_virtualenv); without it they skip, except in CI.
 *
 * With SIGAP_TEST_SHOTS=DIR the window is saved as PNGs there (LANGUAGE=id and
 * SIGAP_TEST_LOCALEDIR=_build/po for Indonesian).
 */
#include <glib/gstdio.h>
#include <libintl.h>
#include <libpq-fe.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "app/sigap-application.h"
#include "app/sigap-data-page.h"
#include "app/sigap-kpi-card.h"
#include "app/sigap-person-search.h"
#include "app/sigap-query.h"
#include "app/sigap-wilayah-page.h"
#include "app/sigap-window-private.h"
#include "app/sigap-window.h"
#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "sigap-test-server.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

/* The bar shows within a second of another's commit; sanitizers slow everything down. */
#if defined (__SANITIZE_ADDRESS__)
#define NEWS_LIMIT_US (3 * G_USEC_PER_SEC)
#else
#define NEWS_LIMIT_US (1 * G_USEC_PER_SEC)
#endif

static char *tmp_dir;
static SigapApplication *app;
static const char *server_uri;
static guint csv_serial;

/* ---------------------------------------------------------------------------------------- */
/* The server.                                                                              */

/* A new database on the server with the demo data in it; returns its name. */
static char *
server_demo (char **uri)
{
  g_auto(SigapTestRun) run = { 0 };
  char *name = g_strdup_printf ("sigap_test_%08x", g_random_int ());
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  sigap_test_server_exec (sql);
  *uri = sigap_test_server_uri_for (name, NULL, NULL);
  sigap_test_run_sigap (&run, "demo", "--db", *uri, "--participants", "2000", "--force", NULL);
  if (!sigap_test_run_succeeded (&run))
    g_error ("sigap demo --db %s: %s", *uri, run.err);
  return name;
}

static void
server_drop (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  sigap_test_server_exec (sql);
}

/* ---------------------------------------------------------------------------------------- */
/* Helpers.                                                                                 */

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("SIGAP_TEST_SHOTS");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
new_data_shown (gpointer window)
{
  return sigap_window_get_new_data (window);
}

/* Waits for the bar and says how long it took. */
static gint64
wait_new_data (SigapWindow *window,
               gint64       since)
{
  sigap_test_wait_until (new_data_shown, window, 30, "the bar “New data available”");
  return g_get_monotonic_time () - since;
}

/* @n participants of Bekasijaya registered in January 2026, new NIKs every call. */
static char *
write_csv (const char *dir,
           guint       n)
{
  g_autoptr(GString) csv = g_string_new ("nik,nama,kelurahan,sektor,tanggal_daftar,desil\n");
  g_autofree char *name = g_strdup_printf ("baru-%u.csv", ++csv_serial);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "32750141019%01u%04u,Warga %u,Bekasijaya,ojek,2026-01-%02u,2\n",
                            csv_serial % 10, i + 1, i, i % 28 + 1);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

/* The participants active on @as_of, the whole city, every segment: by plain SQL. */
static gint64
count_active (const char  *location,
              const GDate *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (location, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *date = sigap_date_to_iso (as_of);

  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, "SELECT count(*) FROM participant WHERE registered_on <= ?1"
                                     " AND (ended_on IS NULL OR ended_on > ?1)", &error);
  g_assert_no_error (error);
  sigap_statement_bind_text (stmt, 1, date);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return sigap_statement_column_int64 (stmt, 0);
}

static const char *
active_shown (SigapWindow *window)
{
  g_autoptr(GPtrArray) cards = sigap_test_find_all (sigap_window_get_page (window, "ringkasan"),
                                                    SIGAP_TYPE_KPI_CARD);

  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (sigap_kpi_card_get_title (cards->pdata[i]), "Active participants") == 0 ||
        g_strcmp0 (sigap_kpi_card_get_title (cards->pdata[i]), "Peserta aktif") == 0)
      return sigap_kpi_card_get_value (cards->pdata[i]);

  g_error ("no KPI card “Active participants”");
  return NULL;
}

static void
assert_active_shown (SigapWindow *window,
                     gint64       count)
{
  g_autofree char *text = sigap_format_count (count, sigap_lang_from_locale ());

  g_assert_cmpstr (active_shown (window), ==, text);
}

/* A window on @location, settled, showing every segment of the whole city. */
static SigapWindow *
open_window (const char *location)
{
  SigapWindow *window = g_object_ref_sink (sigap_window_new (app));
  g_autoptr(SigapFilter) filter = NULL;

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  sigap_window_open_database (window, location);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");

  filter = sigap_filter_copy (sigap_window_get_filter (window));
  filter->segment = SIGAP_SEGMENT_ALL;
  sigap_window_set_filter (window, filter);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  return window;
}

static void
close_window (SigapWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static SigapPersonSearch *
find_search_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (SIGAP_IS_PERSON_SEARCH (item))
        return SIGAP_PERSON_SEARCH (item);
    }
  return NULL;
}

/* Whether a label under @root that is drawn shows @fragment. */
static gboolean
shows_text (GtkWidget  *root,
            const char *fragment)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), fragment) != NULL)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* Another's import: the bar, and Reload.                                                   */

static void
check_news_of_import (const char *location,
                      const char *what)
{
  SigapWindow *window = open_window (location);
  g_autofree char *csv = write_csv (tmp_dir, 40);
  g_auto(SigapTestRun) run = { 0 };
  g_autofree char *shot = NULL;
  gint64 before, after, elapsed, started;
  GDate as_of;

  as_of = sigap_window_get_filter (window)->as_of;
  before = count_active (location, &as_of);
  assert_active_shown (window, before);
  g_assert_false (sigap_window_get_new_data (window));

  /* Another process imports: the bar comes within a second of its commit. */
  sigap_window_set_page (window, "anggaran");
  sigap_test_run_sigap (&run, "import", "participants", "--db", location, csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (sigap_test_run_succeeded (&run));
  started = g_get_monotonic_time ();
  elapsed = wait_new_data (window, started);
  g_test_message ("%s: the bar showed %" G_GINT64_FORMAT " ms after the import ended", what,
                  elapsed / 1000);
  g_assert_cmpint (elapsed, <=, NEWS_LIMIT_US);
  /* The figures stay as they were until the user asks. */
  assert_active_shown (window, before);
  sigap_window_set_page (window, "ringkasan");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  shot = g_strdup_printf ("live-banner-%s.png", what);
  save_shot (GTK_WIDGET (window), shot);

  /* Reload: the new count, on the page and with the filter the user had. */
  sigap_window_set_page (window, "anggaran");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-data", NULL));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_false (sigap_window_get_new_data (window));
  g_assert_true (sigap_window_get_page (window, "anggaran") ==
                 adw_view_stack_get_visible_child (window->view_stack));
  g_assert_cmpint (sigap_window_get_filter (window)->segment, ==, SIGAP_SEGMENT_ALL);
  as_of = sigap_window_get_filter (window)->as_of;
  after = count_active (location, &as_of);
  g_assert_cmpint (after, ==, before + 40);
  sigap_window_set_page (window, "ringkasan");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  assert_active_shown (window, after);

  /* Reading the data again is no news. */
  iterate_for (1500);
  g_assert_false (sigap_window_get_new_data (window));

  close_window (window);
}

static void
test_news_sqlite (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "news", NULL);
  g_autofree char *db = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  db = sigap_test_make_demo_db (dir, 2000);
  check_news_of_import (db, "sqlite");
}

static void
test_news_postgres (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;

  if (sigap_test_server_skip ())
    return;

  name = server_demo (&uri);
  check_news_of_import (uri, "postgres");
  server_drop (name);
}

/* ---------------------------------------------------------------------------------------- */
/* The window's query connections to a server.                                              */

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} QueryWait;

/* Marks the connection it runs on: TRUE when it was marked already, by an earlier query. */
static gpointer
mark_connection (SigapDatabase      *db,
                 const SigapFilter  *filter,
                 gpointer            data,
                 GCancellable       *cancellable,
                 GError            **error)
{
  gboolean marked = g_object_get_data (G_OBJECT (db), "test-marked") != NULL;

  g_object_set_data (G_OBJECT (db), "test-marked", GINT_TO_POINTER (1));
  return GINT_TO_POINTER (marked ? 2 : 1);
}

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  QueryWait *wait = user_data;

  wait->result = sigap_query_run_finish (result, &wait->error);
  wait->done = TRUE;
}

static gpointer
run_query (const char *uri)
{
  g_autoptr(SigapFilter) filter = NULL;
  QueryWait wait = { 0 };
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 31, G_DATE_OCTOBER, 2026);
  filter = sigap_filter_new (&as_of, "32.75", SIGAP_SEGMENT_RENTAN);
  sigap_query_run_async (NULL, uri, filter, mark_connection, NULL, NULL, NULL, NULL,
                         query_done_cb, &wait);
  sigap_test_wait_for (&wait.done, SETTLE_TIMEOUT_S, "a query");
  g_assert_no_error (wait.error);
  return wait.result;
}

/* A query on a server runs on a connection kept from the one before: a new one would wait
 * several round trips (the connection, the schema version) before its first figure. */
static void
test_kept_server_connections (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (sigap_test_server_skip ())
    return;

  name = g_strdup_printf ("sigap_test_%08x", g_random_int ());
  {
    g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

    sigap_test_server_exec (sql);
  }
  uri = sigap_test_server_uri_for (name, NULL, NULL);
  db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (GPOINTER_TO_INT (run_query (uri)), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (run_query (uri)), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (run_query (uri)), ==, 2);

  sigap_query_close_connections ();
  server_drop (name);
}

static gboolean
import_finished (gpointer dialog)
{
  return sigap_import_dialog_get_finished (dialog);
}

/* The window's own import reloads the window: no bar. The Data page says who imported. */
static void
check_own_import (const char *location,
                  const char *importer)
{
  SigapWindow *window = open_window (location);
  g_autofree char *csv = write_csv (tmp_dir, 25);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  SigapImportDialog *dialog;
  gint64 before;
  GDate as_of = sigap_window_get_filter (window)->as_of;

  before = count_active (location, &as_of);
  dialog = _sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS);
  g_assert_nonnull (dialog);
  sigap_test_wait_until (import_finished, dialog, SETTLE_TIMEOUT_S, "the import");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  iterate_for (1500);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_false (sigap_window_get_new_data (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  as_of = sigap_window_get_filter (window)->as_of;
  g_assert_cmpint (count_active (location, &as_of), ==, before + 25);
  sigap_window_set_page (window, "ringkasan");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  assert_active_shown (window, before + 25);

  /* Who imported the newest batch, beside when. */
  sigap_window_set_page (window, "data");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  {
    GtkWidget *page = sigap_window_get_page (window, "data");
    GPtrArray *batches = sigap_data_page_get_batches (SIGAP_DATA_PAGE (page));
    const SigapImportBatch *newest;
    g_autoptr(GPtrArray) rows = sigap_test_find_all (page, ADW_TYPE_ACTION_ROW);
    gboolean found = FALSE;

    g_assert_nonnull (batches);
    newest = g_ptr_array_index (batches, 0);
    g_assert_cmpstr (newest->imported_by, ==, importer);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);

        if (subtitle != NULL && strstr (subtitle, importer) != NULL)
          found = TRUE;
      }
    g_assert_true (found);
  }

  close_window (window);
}

static void
test_own_import_sqlite (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "own", NULL);
  g_autofree char *db = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  db = sigap_test_make_demo_db (dir, 2000);
  check_own_import (db, g_get_user_name ());
}

static void
test_own_import_postgres (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autofree char *user = NULL;

  if (sigap_test_server_skip ())
    return;

  name = server_demo (&uri);
  db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  user = sigap_database_get_user (db);
  g_clear_object (&db);
  check_own_import (uri, user);
  server_drop (name);
}

/* ---------------------------------------------------------------------------------------- */
/* Ctrl+I and Ctrl+F under a role that may not.                                             */

/* Presses @keyval with Ctrl on @window as its shortcut controller does: the window's own
 * shortcut for that key is activated. Returns whether one handled it. */
static gboolean
press_ctrl (SigapWindow *window,
            guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (window),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("The window has no shortcut for Ctrl+%s", gdk_keyval_name (keyval));
  return FALSE;
}

/* The labels of the toasts the window shows now. */
static GPtrArray *
toast_labels (SigapWindow *window)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  g_autoptr(GPtrArray) labels = sigap_test_find_all (GTK_WIDGET (window->toast_overlay),
                                                     GTK_TYPE_LABEL);
  GPtrArray *found = g_ptr_array_new ();

  g_assert_true (toast_type != 0);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_ancestor (labels->pdata[i], toast_type) != NULL &&
        gtk_widget_get_visible (labels->pdata[i]))
      g_ptr_array_add (found, labels->pdata[i]);
  return found;
}

typedef struct
{
  SigapWindow *window;
  const char  *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;
  g_autoptr(GPtrArray) labels = toast_labels (wait->window);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), wait->text) == 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Dismisses the toast the window shows, as its close button does. */
static void
dismiss_toasts (SigapWindow *window)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  g_autoptr(GPtrArray) buttons = sigap_test_find_all (GTK_WIDGET (window->toast_overlay),
                                                      GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_ancestor (buttons->pdata[i], toast_type) != NULL &&
        g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "window-close-symbolic") == 0)
      g_signal_emit_by_name (buttons->pdata[i], "clicked");
}

/* The windows of the application besides @window. */
static guint
other_toplevels (SigapWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (item != G_OBJECT (window) && gtk_widget_get_visible (GTK_WIDGET (item)))
        n++;
    }
  return n;
}

/* Ctrl+@keyval on a viewer's window: a toast says @message, and nothing opens. */
static void
check_refused_shortcut (SigapWindow *window,
                        guint        keyval,
                        const char  *message)
{
  ToastWait wait = { window, g_dgettext (GETTEXT_PACKAGE, message) };
  guint others = other_toplevels (window);

  dismiss_toasts (window);
  g_assert_true (press_ctrl (window, keyval));
  sigap_test_wait_until (toast_shown, &wait, SETTLE_TIMEOUT_S, message);
  g_test_message ("Ctrl+%s: “%s”", gdk_keyval_name (keyval), wait.text);

  /* A moment for a dialog or a file chooser that would open. */
  iterate_for (300);
  g_assert_cmpuint (other_toplevels (window), ==, others);
  g_assert_null (find_search_window ());
  g_assert_null (window->import_chooser);
  g_assert_null (_sigap_window_get_import_dialog (window));
}

/* ---------------------------------------------------------------------------------------- */
/* The roles.                                                                               */

static void
test_capabilities_file (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "caps", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  path = sigap_test_make_demo_db (dir, 200);
  db = sigap_database_open (path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  /* Opened to read, but a file the user may write: everything. */
  g_assert_cmpint (sigap_database_get_capabilities (db, &error), ==, SIGAP_DATABASE_CAN_ALL);
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Read-only storage: everything but importing. */
  if (getuid () == 0)
    {
      g_test_message ("root writes any file: the read-only case is not checked");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  db = sigap_database_open (path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_database_get_capabilities (db, &error), ==,
                   SIGAP_DATABASE_CAN_READ_PERSONAL | SIGAP_DATABASE_CAN_READ_REJECTS);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static SigapDatabaseCapabilities
capabilities_of (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  SigapDatabaseCapabilities capabilities;

  g_assert_no_error (error);
  capabilities = sigap_database_get_capabilities (db, &error);
  g_assert_no_error (error);
  return capabilities;
}

/* A viewer's window: every figure page, briefings and exports; no participant list, import,
 * rejected lines or person search, and one line saying why. */
static void
test_viewer_window (void)
{
  g_autofree char *owner_uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *viewer = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *viewer_uri = NULL;
  g_autofree char *operator_uri = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(GFile) xlsx_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_auto(SigapTestRun) import_run = { 0 };
  g_auto(SigapTestRun) report_run = { 0 };
  g_auto(GStrv) pages = NULL;
  g_autoptr(GPtrArray) status_pages = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  SigapWindow *window;
  GtkWidget *wilayah, *data;
  gboolean explained = FALSE;
  guint32 suffix = g_random_int ();

  if (sigap_test_server_skip ())
    return;

  name = server_demo (&owner_uri);
  viewer = g_strdup_printf ("sigap_test_viewer_%08x", suffix);
  operator = g_strdup_printf ("sigap_test_operator_%08x", suffix);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'Kq7lihatZ' IN ROLE sigap_viewer;"
                         "CREATE ROLE %s LOGIN PASSWORD 'impor' IN ROLE sigap_operator",
                         viewer, operator);
  sigap_test_server_exec (sql);
  viewer_uri = sigap_test_server_uri_for (name, viewer, "Kq7lihatZ");
  operator_uri = sigap_test_server_uri_for (name, operator, "impor");

  /* What each role may do, as the server says. */
  g_assert_cmpint (capabilities_of (owner_uri), ==, SIGAP_DATABASE_CAN_ALL);
  g_assert_cmpint (capabilities_of (operator_uri), ==, SIGAP_DATABASE_CAN_ALL);
  g_assert_cmpint (capabilities_of (viewer_uri), ==, 0);

  /* The server refuses the viewer a NIK, and an import, in one line. */
  db = sigap_database_open (viewer_uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, "SELECT nik FROM participant", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ERROR);
  g_assert_nonnull (strstr (sigap_database_last_error_message (db), "permission denied"));
  g_clear_pointer (&stmt, sigap_statement_free);
  g_clear_object (&db);
  csv = write_csv (tmp_dir, 5);
  sigap_test_run_sigap (&import_run, "import", "participants", "--db", viewer_uri, csv, NULL);
  sigap_test_run_assert_fails_with (&import_run, "sigap_operator");
  g_test_message ("A viewer's import: %s", import_run.err);

  /* ... and writes the briefing. */
  pdf = g_build_filename (tmp_dir, "viewer.pdf", NULL);
  sigap_test_run_sigap (&report_run, "report", "--db", viewer_uri, "-o", pdf, NULL);
  g_assert_cmpstr (report_run.err, ==, "");
  g_assert_true (sigap_test_run_succeeded (&report_run));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  window = open_window (viewer_uri);
  g_assert_cmpint (sigap_window_get_capabilities (window), ==, 0);

  /* Every page computes its figures. */
  pages = sigap_window_dup_page_names (window);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_assert_true (sigap_window_set_page (window, pages[i]));
      sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
      g_assert_null (sigap_window_get_error (window));
    }

  /* No person search. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-person", NULL);
  iterate_for (200);
  g_assert_null (find_search_window ());

  /* No import: neither the Data page's button nor the action. */
  data = sigap_window_get_page (window, "data");
  buttons = sigap_test_find_all (data, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.import") == 0)
      g_assert_false (gtk_widget_is_visible (buttons->pdata[i]));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  g_assert_null (window->import_chooser);

  /* Their shortcuts say why, in a toast, and open nothing. */
  check_refused_shortcut (window, GDK_KEY_i,
                          "Importing needs an operator’s role (sigap_operator)");
  check_refused_shortcut (window, GDK_KEY_f,
                          "Finding a person needs an operator’s role (sigap_operator)");
  save_shot (GTK_WIDGET (window), "viewer-shortcut-toast.png");
  dismiss_toasts (window);

  /* The Data page: the imports and their counts, and why there is no more. */
  sigap_window_set_page (window, "data");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_nonnull (sigap_data_page_get_batches (SIGAP_DATA_PAGE (data)));
  g_assert_cmpuint (sigap_data_page_get_batches (SIGAP_DATA_PAGE (data))->len, >, 0);
  g_assert_true (shows_text (data, "sigap_operator"));
  g_assert_true (shows_text (data, viewer));
  /* The server's database by its name, never its URI with the password. */
  g_assert_true (shows_text (data, name));
  g_assert_false (shows_text (data, "Kq7"));
  g_assert_null (strstr (adw_view_switcher_title_get_subtitle (window->switcher_title), "Kq7"));
  save_shot (GTK_WIDGET (window), "viewer-data.png");

  /* A kelurahan: its mix, and in place of its participants one line saying why. */
  sigap_window_set_page (window, "wilayah");
  wilayah = sigap_window_get_page (window, "wilayah");
  sigap_wilayah_page_drill (SIGAP_WILAYAH_PAGE (wilayah), "32.75.05.1001");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_null (sigap_window_get_error (window));
  g_assert_false (gtk_widget_is_visible (
    sigap_wilayah_page_get_participant_view (SIGAP_WILAYAH_PAGE (wilayah))));
  g_assert_cmpuint (g_list_model_get_n_items (
    G_LIST_MODEL (sigap_wilayah_page_get_participants (SIGAP_WILAYAH_PAGE (wilayah)))), ==, 0);
  status_pages = sigap_test_find_all (wilayah, ADW_TYPE_STATUS_PAGE);
  for (guint i = 0; i < status_pages->len; i++)
    {
      const char *description = adw_status_page_get_description (status_pages->pdata[i]);

      if (gtk_widget_is_visible (status_pages->pdata[i]) && description != NULL &&
          strstr (description, viewer) != NULL && strstr (description, "sigap_operator") != NULL)
        explained = TRUE;
    }
  g_assert_true (explained);
  {
    /* Down to the card with the message, for the screenshot. */
    GtkWidget *scroller = gtk_widget_get_first_child (wilayah);
    GtkAdjustment *adjustment;

    g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    iterate_for (300);
  }
  save_shot (GTK_WIDGET (window), "viewer-wilayah.png");

  /* The figures export to Excel. */
  xlsx = g_build_filename (tmp_dir, "viewer.xlsx", NULL);
  xlsx_file = g_file_new_for_path (xlsx);
  _sigap_window_export_to (window, xlsx_file);
  while (window->export_running)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  close_window (window);

  /* The operator's window offers all of it. */
  window = open_window (operator_uri);
  g_assert_cmpint (sigap_window_get_capabilities (window), ==, SIGAP_DATABASE_CAN_ALL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-person", NULL));
  g_assert_nonnull (find_search_window ());
  gtk_window_destroy (GTK_WINDOW (find_search_window ()));
  /* Ctrl+F opens the search for an operator: no toast. */
  g_assert_true (press_ctrl (window, GDK_KEY_f));
  g_assert_nonnull (find_search_window ());
  gtk_window_destroy (GTK_WINDOW (find_search_window ()));
  {
    g_autoptr(GPtrArray) labels = toast_labels (window);

    g_assert_cmpuint (labels->len, ==, 0);
  }
  close_window (window);

  server_drop (name);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP ROLE %s; DROP ROLE %s", viewer, operator);
  sigap_test_server_exec (sql);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SIGAP_TEST_LOCALEDIR");
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  /* For Indonesian screenshots (LANGUAGE=id), from the build tree's catalogues. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain ("sigap", localedir);
      bind_textdomain_codeset ("sigap", "UTF-8");
      textdomain ("sigap");
      gtk_disable_setlocale ();
    }

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-window-live-XXXXXX", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  server_uri = g_getenv ("SIGAP_TEST_PG");
  if (server_uri != NULL && *server_uri == '\0')
    server_uri = NULL;
  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/window/live/capabilities-file", test_capabilities_file);
  g_test_add_func ("/sigap/window/live/news-sqlite", test_news_sqlite);
  g_test_add_func ("/sigap/window/live/own-import-sqlite", test_own_import_sqlite);
  g_test_add_func ("/sigap/window/live/news-postgres", test_news_postgres);
  g_test_add_func ("/sigap/window/live/own-import-postgres", test_own_import_postgres);
  g_test_add_func ("/sigap/window/live/viewer", test_viewer_window);
  g_test_add_func ("/sigap/window/live/kept-server-connections", test_kept_server_connections);

  status = g_test_run ();
  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
