/* sigap-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap screenshot --db FILE --page NAME --output FILE.png [--width W --height H] [--dark]
 * [--as-of D] [--segment S] [--scope C]`: opens the real window at the size asked for, on the
 * page asked for, waits until every figure of the page is computed and drawn, and saves the
 * window as it is on screen (rendered by the window's own renderer) as a PNG. It goes
 * through GTK, so it needs a display (xvfb-run in tests and CI), and it never touches the
 * user's settings. Exits 0 on success, else 1 with a one-line reason on stderr.
 */

#include <glib/gi18n.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "sigap-application.h"
#include "sigap-screenshot.h"
#include "sigap-window.h"

#define DEFAULT_WIDTH   1280
#define DEFAULT_HEIGHT   800
#define TIMEOUT_SECONDS   60

struct _SigapScreenshot
{
  char           *db_path;
  char           *page;
  char           *output;
  int             width;
  int             height;
  gboolean        dark;
  GDate           as_of;
  char           *scope;
  gboolean        has_segment;
  SigapSegment    segment;

  GtkApplication *application;
  SigapWindow    *window;
  guint           timeout;
  int             resized;
  int             status;
  gboolean        done;
};

static void
screenshot_clear (SigapScreenshot *self)
{
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->scope, g_free);
}

static void
finish (SigapScreenshot *self,
        int              status,
        const char      *message)
{
  if (self->done)
    return;

  self->done = TRUE;
  self->status = status;
  if (message != NULL)
    g_printerr ("sigap screenshot: %s\n", message);

  g_clear_handle_id (&self->timeout, g_source_remove);

  if (self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self->application));
}

static gboolean
save_png (SigapScreenshot  *self,
          GError          **error)
{
  GtkWidget *widget = GTK_WIDGET (self->window);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }

  /* Rendered in software, whatever the window uses on screen: the same pixels on every
   * machine, and no dependence on the GL driver of a headless server (llvmpipe under Xvfb
   * clipped some chart text in GTK 4.8's GL renderer). */
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, error))
    {
      g_object_unref (renderer);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  png = gdk_texture_save_to_png_bytes (texture);

  return g_file_set_contents (self->output, g_bytes_get_data (png, NULL),
                              (gssize) g_bytes_get_size (png), error);
}

static void
settled_cb (SigapWindow *window,
            gpointer     user_data)
{
  SigapScreenshot *self = user_data;
  const GError *error = sigap_window_get_error (window);
  g_autoptr(GError) local_error = NULL;

  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (self->done)
    return;

  /* The default size counts what the window system adds around the content (resize borders
   * without a compositor): correct it once, so the PNG has the size asked for. */
  if ((width != self->width || height != self->height) && self->resized < 2)
    {
      int default_width, default_height;

      self->resized++;
      gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
      gtk_window_set_default_size (GTK_WINDOW (window), default_width + self->width - width,
                                   default_height + self->height - height);
      sigap_window_when_settled (window, settled_cb, self);
      return;
    }

  /* As the user sees the window they work in: without a window manager (Xvfb) it never
   * becomes the active one, and its text would be drawn in the dimmer backdrop colours. */
  if (gtk_widget_get_state_flags (GTK_WIDGET (window)) & GTK_STATE_FLAG_BACKDROP)
    {
      gtk_widget_unset_state_flags (GTK_WIDGET (window), GTK_STATE_FLAG_BACKDROP);
      sigap_window_when_settled (window, settled_cb, self);
      return;
    }

  if (error != NULL)
    finish (self, 1, error->message);
  else if (!save_png (self, &local_error))
    finish (self, 1, local_error->message);
  else
    finish (self, 0, NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  SigapScreenshot *self = user_data;

  self->timeout = 0;
  finish (self, 1, _("timed out waiting for the window to draw its figures"));
  return G_SOURCE_REMOVE;
}

/**
 * sigap_screenshot_begin:
 *
 * Opens the window for the screenshot; the application quits when the PNG is written.
 */
void
sigap_screenshot_begin (SigapScreenshot *self,
                        GtkApplication  *application)
{
  SigapSegment segment = self->has_segment ? self->segment : SIGAP_SEGMENT_RENTAN;

  self->application = application;

  /* A picture of the window at rest: no transition half-way (a stack cross-fading its
   * pages, a header squeezing its title) when the figures are in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (self->dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_LIGHT);

  self->window = sigap_window_new (SIGAP_APPLICATION (application));
  sigap_window_set_persistent (self->window, FALSE);
  gtk_window_unmaximize (GTK_WINDOW (self->window));
  gtk_window_set_default_size (GTK_WINDOW (self->window), self->width, self->height);

  /* The pages are the window's: the names are checked against it, not a list of our own. */
  if (!sigap_window_set_page (self->window, self->page))
    {
      g_auto(GStrv) pages = sigap_window_dup_page_names (self->window);
      g_autofree char *list = g_strjoinv (", ", pages);
      g_autofree char *message = g_strdup_printf (_("Unknown page “%s”: use one of %s"),
                                                  self->page, list);

      finish (self, 1, message);
      return;
    }

  self->timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, self);
  sigap_window_open_database_at (self->window, self->db_path, &self->as_of, self->scope,
                                 &segment);
  gtk_window_present (GTK_WINDOW (self->window));
  sigap_window_when_settled (self->window, settled_cb, self);
}

static gboolean
validate (SigapScreenshot  *self,
          const char       *as_of,
          const char       *segment,
          GError          **error)
{
  if (self->db_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--db FILE is required"));
      return FALSE;
    }
  if (!sigap_database_path_is_server (self->db_path) &&
      !g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Database “%s” does not exist"), self->db_path);
      return FALSE;
    }
  if (self->output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--output FILE.png is required"));
      return FALSE;
    }
  if (self->page == NULL)
    self->page = g_strdup ("ringkasan");
  if (self->width < 360 || self->width > 8192 || self->height < 294 || self->height > 8192)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--width must be 360 to 8192 and --height 294 to 8192"));
      return FALSE;
    }
  if (as_of != NULL && !sigap_date_parse_iso (as_of, &self->as_of))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid date “%s”: use YYYY-MM-DD"), as_of);
      return FALSE;
    }
  if (segment != NULL)
    {
      if (!sigap_segment_parse (segment, &self->segment))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown segment “%s”: use rentan, ekosistem or all"), segment);
          return FALSE;
        }
      self->has_segment = TRUE;
    }

  return TRUE;
}

int
sigap_screenshot_main (int    argc,
                       char **argv)
{
  SigapScreenshot self = { 0 };
  g_autofree char *db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *segment = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapApplication) application = NULL;
  char *app_argv[] = { (char *) "sigap", NULL };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database to show: a file, or a server's database by its postgresql:// URI"),
      N_("FILE") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &self.page,
      N_("The page, such as ringkasan or anggaran (default: ringkasan)"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG file to write"),
      N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &self.width, N_("Window width (default: 1280)"),
      N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_INT, &self.height, N_("Window height (default: 800)"),
      N_("PIXELS") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &self.dark, N_("Use the dark style"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Date of the figures, YYYY-MM-DD (default: the data cut-off)"), N_("DATE") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &segment,
      N_("rentan, ekosistem or all (default: rentan)"), N_("SEGMENT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &self.scope,
      N_("Region code: 32.75 (the city, default), a kecamatan such as 32.75.01, or "
         "on the wilayah page a kelurahan such as 32.75.01.1001"),
      N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  int status;

  self.width = DEFAULT_WIDTH;
  self.height = DEFAULT_HEIGHT;
  g_date_clear (&self.as_of, 1);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Saves a page of the dashboard window as a PNG, once every "
                                  "figure is drawn. Needs a display."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("sigap screenshot");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("sigap screenshot: %s\n", error->message);
      screenshot_clear (&self);
      return 1;
    }

  if (argc > 1)
    {
      g_printerr ("sigap screenshot: %s\n", _("unexpected arguments; see --help"));
      screenshot_clear (&self);
      return 1;
    }

  self.db_path = g_steal_pointer (&db);
  self.output = g_steal_pointer (&output);

  if (!validate (&self, as_of, segment, &error))
    {
      g_printerr ("sigap screenshot: %s\n", error->message);
      screenshot_clear (&self);
      return 1;
    }

  g_set_prgname ("sigap");
  if (!gtk_init_check ())
    {
      g_printerr ("sigap screenshot: %s\n",
                  _("cannot open a display (run it under xvfb-run on a headless machine)"));
      screenshot_clear (&self);
      return 1;
    }

  self.status = 1;
  application = sigap_application_new ();
  sigap_application_set_screenshot (application, &self);
  status = g_application_run (G_APPLICATION (application), 1, app_argv);

  if (status == 0 && !self.done)
    {
      g_printerr ("sigap screenshot: %s\n", _("the window closed before the screenshot"));
      status = 1;
    }
  else if (status == 0)
    status = self.status;

  screenshot_clear (&self);
  return status;
}
