/* test-person-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Is this person covered?" in the window (issue 13): win.find-person (Ctrl+F) exists only
 * with a database open; a whole NIK, as people type it, shows the person's card with the NIK
 * masked; part of a name lists the matches fifty at a time, each opening the same card. The
 * expected people are read from the database with plain SQL.
 *
 * With SIGAP_TEST_SHOTS=DIR, the search window is also saved as PNGs there (light and dark,
 * wide and narrow), for a look.
 */

#include <adwaita.h>
#include <string.h>

#include "app/sigap-person-search.h"
#include "app/sigap-window-private.h"
#include "core/sigap-nik.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

static SigapApplication *app;
static char *tmp_dir;
static char *demo_db;

static gboolean
search_done (gpointer data)
{
  return !sigap_person_search_get_busy (data);
}

static void
wait_search (SigapPersonSearch *search)
{
  sigap_test_wait_until (search_done, search, SETTLE_TIMEOUT_S, "the search");
}

static char *
query_text (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapStatement) stmt = NULL;

  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return g_strdup (sigap_statement_column_text (stmt, 0));
}

/* Whether a label or a row below @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (shows_text (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("SIGAP_TEST_SHOTS");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
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

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
shots (SigapPersonSearch *search,
       const char        *what)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { int width; int height; gboolean dark; const char *suffix; } sizes[] = {
    { 1280, 800, FALSE, "wide-light" }, { 1280, 800, TRUE, "wide-dark" },
    { 420, 800, FALSE, "narrow-light" }, { 420, 800, TRUE, "narrow-dark" },
  };

  if (g_getenv ("SIGAP_TEST_SHOTS") == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("find-%s-%s.png", what, sizes[i].suffix);
      gint64 until;

      adw_style_manager_set_color_scheme (style, sizes[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (search), sizes[i].width, sizes[i].height);
      sigap_test_wait_until (drawn, search, SETTLE_TIMEOUT_S, "the window");
      until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      save_shot (GTK_WIDGET (search), name);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The person search window open, if any. */
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

static void
test_find_person (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (sigap_window_new (app));
  SigapPersonSearch *search;
  g_autofree char *nik = NULL;
  g_autofree char *name = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected_count = NULL;
  GtkWidget *list;
  guint rows = 0;

  /* Only with a database: the action is the one door, which a viewer's window disables. */
  sigap_window_set_persistent (window, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-person", NULL);
  g_assert_null (find_search_window ());

  sigap_window_open_database (window, demo_db);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-person", NULL));

  /* The window the action opened. */
  search = find_search_window ();
  g_assert_nonnull (search);
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "hint");

  /* A whole NIK, typed with spaces and Excel's apostrophe: the card, masked. */
  nik = query_text ("SELECT nik FROM participant WHERE ended_on IS NULL ORDER BY id LIMIT 1");
  name = query_text ("SELECT name FROM participant WHERE ended_on IS NULL ORDER BY id LIMIT 1");
  typed = g_strdup_printf ("'%.4s %.4s %.4s %.4s", nik, nik + 4, nik + 8, nik + 12);
  masked = sigap_nik_mask (nik);
  sigap_person_search_set_text (search, typed);
  wait_search (search);
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "card");
  g_assert_true (shows_text (GTK_WIDGET (search), masked));
  g_assert_true (shows_text (GTK_WIDGET (search), name));
  g_assert_false (shows_text (GTK_WIDGET (search), nik));
  shots (search, "card");

  /* A NIK nobody has. */
  sigap_person_search_set_text (search, "3275999999999999");
  wait_search (search);
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "card");
  g_assert_true (shows_text (GTK_WIDGET (search), "3275********9999"));

  /* Half a NIK: a hint, no search. */
  sigap_person_search_set_text (search, "");
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "hint");

  /* Part of a name, any case: the first fifty, then more. */
  surname = query_text ("SELECT substr (name, instr (name, ' ') + 1) FROM participant"
                        " WHERE instr (name, ' ') > 0 GROUP BY 1 ORDER BY count (*) DESC LIMIT 1");
  {
    g_autofree char *lower = g_utf8_strdown (surname, -1);

    sql = g_strdup_printf ("SELECT count (*) FROM participant WHERE instr (lower (name), '%s') > 0",
                           lower);
    expected_count = query_text (sql);
    sigap_person_search_set_text (search, lower);
  }
  wait_search (search);
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "list");
  list = sigap_person_search_get_results (search);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, MIN (50, g_ascii_strtoull (expected_count, NULL, 10)));
  g_assert_false (shows_text (list, nik));
  shots (search, "list");

  /* A match's card, and back. */
  sigap_person_search_open_match (search, 0);
  wait_search (search);
  g_assert_cmpstr (sigap_person_search_get_shown (search), ==, "card");
  g_assert_true (shows_text (GTK_WIDGET (search), surname));

  gtk_window_destroy (GTK_WINDOW (search));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-person-search-XXXXXX", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 2000);
  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/window/find-person", test_find_person);

  status = g_test_run ();
  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);
  return status;
}
