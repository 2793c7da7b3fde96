/* test-briefing-dialog.c: "Generate briefing…" from the window (needs a display: xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With SIGAP_TEST_SCREENSHOT_DIR set, the dialog is also saved there as PNGs to look at.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "app/sigap-application.h"
#include "app/sigap-briefing-dialog.h"
#include "app/sigap-window.h"
#include "core/sigap-format.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define TIMEOUT_S 60

static char *tmp_dir;
static char *demo_db;
static SigapApplication *app;

static void
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
ticked_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
not_writing_cb (SigapBriefingDialog *dialog,
                GParamSpec          *pspec,
                gboolean            *done)
{
  if (!sigap_briefing_dialog_get_writing (dialog))
    *done = TRUE;
}

static void
saved_cb (SigapBriefingDialog *dialog,
          GFile               *file,
          GFile              **out)
{
  g_set_object (out, file);
}

static SigapWindow *
open_window (void)
{
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  sigap_window_open_database (window, demo_db);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, TIMEOUT_S);

  return window;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static SigapBriefingDialog *
open_dialog (SigapWindow *window)
{
  SigapBriefingDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.generate-briefing", NULL));
  dialog = (SigapBriefingDialog *) find_toplevel (SIGAP_TYPE_BRIEFING_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* Let it map and lay out. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  return dialog;
}

static void
save_screenshot_full (GtkWidget  *widget,
                      const char *name,
                      gboolean    wait_frame)
{
  const char *dir = g_getenv ("SIGAP_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  gboolean drawn = FALSE;
  int width, height;

  if (dir == NULL)
    return;

  /* A frame painted first, so that the widgets have their size. */
  if (wait_frame)
    {
      gtk_widget_queue_draw (widget);
      gtk_widget_add_tick_callback (widget, ticked_cb, &drawn, NULL);
      sigap_test_wait_for (&drawn, TIMEOUT_S, "a frame");
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gsk_cairo_renderer_new ();
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);

  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
set_no_transitions (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    gtk_stack_set_transition_type (GTK_STACK (widget), GTK_STACK_TRANSITION_TYPE_NONE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_no_transitions (child);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  save_screenshot_full (widget, name, TRUE);
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Complete: the end-of-file marker in its last line (the body is binary, so only there). */
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
}

/* Nothing but @expected in @dir: no temporary file left behind. */
static void
assert_only_files (const char         *dir,
                   const char * const *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("unexpected file “%s” in %s", name, dir);
}

static void
test_briefing_generates (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window ());
  g_autofree char *out_dir = g_build_filename (tmp_dir, "out", NULL);
  g_autofree char *output = g_build_filename (out_dir, "briefing.pdf", NULL);
  g_autofree char *as_of = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) saved = NULL;
  SigapBriefingDialog *dialog;
  const char *const only_briefing[] = { "briefing.pdf", NULL };
  gboolean destroyed = FALSE;
  gboolean done = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);

  dialog = open_dialog (window);
  save_screenshot (GTK_WIDGET (dialog), "briefing-dialog.png");
  if (g_getenv ("SIGAP_TEST_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      /* All of the form, light and dark; then the progress page, without the crossfade. */
      gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 1400);
      save_screenshot (GTK_WIDGET (dialog), "briefing-dialog-tall.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_screenshot (GTK_WIDGET (dialog), "briefing-dialog-tall-dark.png");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 720);
      set_no_transitions (GTK_WIDGET (dialog));
    }

  /* The default file: the window's area and date, in the documents folder (or home). */
  as_of = sigap_date_to_iso (&sigap_window_get_filter (window)->as_of);
  expected_name = g_strdup_printf ("Laporan-SIGAP-Kota-Bekasi-%s.pdf", as_of);
  basename = g_path_get_basename (sigap_briefing_dialog_get_output_path (dialog));
  g_assert_cmpstr (basename, ==, expected_name);

  sigap_briefing_dialog_set_output_path (dialog, output);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (flag_cb), &destroyed);
  g_signal_connect (dialog, "notify::writing", G_CALLBACK (not_writing_cb), &done);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "briefing.generate", NULL));
  g_assert_true (sigap_briefing_dialog_get_writing (dialog));
  save_screenshot (GTK_WIDGET (dialog), "briefing-dialog-progress.png");
  sigap_test_wait_for (&done, TIMEOUT_S, "writing the briefing");
  sigap_test_wait_for (&destroyed, TIMEOUT_S, "closing the dialog");

  g_assert_nonnull (saved);
  {
    g_autofree char *saved_path = g_file_get_path (saved);

    g_assert_cmpstr (saved_path, ==, output);
  }
  assert_is_pdf (output);
  assert_only_files (out_dir, only_briefing);

  /* The window's toast, once it has slid in. */
  if (g_getenv ("SIGAP_TEST_SCREENSHOT_DIR") != NULL)
    {
      gboolean shown = FALSE;

      g_timeout_add_once (500, flag_cb, &shown);
      sigap_test_wait_for (&shown, TIMEOUT_S, "the toast");
      save_screenshot_full (GTK_WIDGET (window), "briefing-toast.png", FALSE);
    }

  /* The toast the window shows. */
  {
    g_autoptr(AdwToast) toast = g_object_ref_sink (sigap_briefing_toast_new (saved));

    g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
    g_assert_nonnull (adw_toast_get_custom_title (toast));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_briefing_cancel (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window ());
  g_autofree char *out_dir = g_build_filename (tmp_dir, "cancel", NULL);
  g_autofree char *output = g_build_filename (out_dir, "cancelled.pdf", NULL);
  const char *const nothing[] = { NULL };
  g_autoptr(GFile) saved = NULL;
  SigapBriefingDialog *dialog;
  gboolean done = FALSE;
  gboolean destroyed = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);

  dialog = open_dialog (window);
  sigap_briefing_dialog_set_output_path (dialog, output);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  g_signal_connect (dialog, "notify::writing", G_CALLBACK (not_writing_cb), &done);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "briefing.generate", NULL));
  g_assert_true (sigap_briefing_dialog_get_writing (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "briefing.cancel", NULL));
  sigap_test_wait_for (&done, TIMEOUT_S, "cancelling the briefing");

  /* Nothing written, not even a temporary file, and the form is back to try again. */
  g_assert_null (saved);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  assert_only_files (out_dir, nothing);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Escape, or Cancel again, closes it. */
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (flag_cb), &destroyed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "briefing.cancel", NULL));
  sigap_test_wait_for (&destroyed, TIMEOUT_S, "closing the dialog");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_briefing_failure (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window ());
  g_autofree char *output = g_build_filename (tmp_dir, "no-such-folder", "briefing.pdf", NULL);
  g_autoptr(GFile) saved = NULL;
  SigapBriefingDialog *dialog;
  GtkWindow *message;
  gboolean done = FALSE;

  dialog = open_dialog (window);
  sigap_briefing_dialog_set_output_path (dialog, output);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);
  g_signal_connect (dialog, "notify::writing", G_CALLBACK (not_writing_cb), &done);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "briefing.generate", NULL));
  sigap_test_wait_for (&done, TIMEOUT_S, "failing to write the briefing");

  g_assert_null (saved);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* A message that names the file, over the dialog, which stays for another try. */
  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "Could not save the briefing");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "briefing.pdf"));
  save_screenshot (GTK_WIDGET (message), "briefing-dialog-failure.png");
  gtk_window_destroy (message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The language is remembered, and names the default file. */
static void
test_briefing_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SigapWindow) window = NULL;
  g_autofree char *basename = NULL;
  SigapBriefingDialog *dialog;

  g_settings_set_string (settings, "report-language", "en");
  window = g_object_ref_sink (open_window ());
  dialog = open_dialog (window);
  basename = g_path_get_basename (sigap_briefing_dialog_get_output_path (dialog));
  g_assert_true (g_str_has_prefix (basename, "SIGAP-Briefing-Kota-Bekasi-"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "report-language");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-briefing-XXXXXX", FALSE);

  /* The default file goes to the documents folder or home: keep both in the temporary one. */
  {
    g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);

    g_mkdir_with_parents (home, 0700);
    g_setenv ("HOME", home, TRUE);
    g_setenv ("XDG_CONFIG_HOME", home, TRUE);
    g_setenv ("XDG_DATA_HOME", home, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 3000);

  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/briefing-dialog/generates", test_briefing_generates);
  g_test_add_func ("/sigap/briefing-dialog/cancel", test_briefing_cancel);
  g_test_add_func ("/sigap/briefing-dialog/failure", test_briefing_failure);
  g_test_add_func ("/sigap/briefing-dialog/language", test_briefing_language);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);

  return status;
}
