/* sigap-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: one main window, the app-wide actions and the command-line options of
 * the window mode (`sigap [--db FILE]`). Headless subcommands never get here (see main.c);
 * `sigap screenshot` does, with a SigapScreenshot that takes over activation.
 *
 * With SIGAP_BENCHMARK_STARTUP set in the environment, the application prints
 * "sigap-startup-ms <milliseconds since main() began>" once the window has settled with all
 * its figures drawn, and quits: tests/bench-window.c times start-up with it.
 */

#include <glib/gi18n.h>
#include <stdio.h>

#include "sigap-application.h"
#include "sigap-preferences-window.h"
#include "sigap-query.h"
#include "sigap-window.h"

struct _SigapApplication
{
  AdwApplication   parent_instance;

  char            *db_path;
  SigapScreenshot *screenshot;
};

G_DEFINE_FINAL_TYPE (SigapApplication, sigap_application, ADW_TYPE_APPLICATION)

static gint64 start_time;

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SigapApplication *self = user_data;
  const char *developers[] = { "Tim SIGAP Dasbor", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("SIGAP Dasbor"),
                         "application-icon", APP_ID,
                         "developer-name", _("Pemerintah Kota Bekasi"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Monitor Kota Bekasi’s social-security programme for "
                                       "informal workers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows;

  /* Close the windows first, so they save their size. */
  while ((windows = gtk_application_get_windows (application)) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (application));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SigapApplication *self = user_data;
  g_autoptr(GSettings) settings = sigap_settings_new_if_installed ();
  SigapPreferencesWindow *window;

  if (settings == NULL)
    return;

  window = sigap_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         settings);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quit", quit_activated_cb },
};

static void
startup_settled_cb (SigapWindow *window,
                    gpointer     user_data)
{
  SigapApplication *self = user_data;

  printf ("sigap-startup-ms %.1f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

static int
sigap_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  g_autofree char *db_path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db_path);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  return G_APPLICATION_CLASS (sigap_application_parent_class)->handle_local_options (application,
                                                                                     options);
}

static void
sigap_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GSettings) settings = sigap_settings_new_if_installed ();

  G_APPLICATION_CLASS (sigap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application),
                                                                            "preferences")),
                               settings != NULL);
}

static void
sigap_application_shutdown (GApplication *application)
{
  sigap_query_close_connections ();

  G_APPLICATION_CLASS (sigap_application_parent_class)->shutdown (application);
}

static void
sigap_application_activate (GApplication *application)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  GtkWindow *window;

  if (self->screenshot != NULL)
    {
      sigap_screenshot_begin (self->screenshot, GTK_APPLICATION (self));
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (sigap_window_new (self));

      if (self->db_path != NULL)
        sigap_window_open_database (SIGAP_WINDOW (window), self->db_path);
      else
        sigap_window_open_last_database (SIGAP_WINDOW (window));

      if (g_getenv ("SIGAP_BENCHMARK_STARTUP") != NULL)
        sigap_window_when_settled (SIGAP_WINDOW (window), startup_settled_cb, self);
    }
  else if (self->db_path != NULL)
    sigap_window_open_database (SIGAP_WINDOW (window), self->db_path);

  gtk_window_present (window);
}

static void
sigap_application_finalize (GObject *object)
{
  SigapApplication *self = SIGAP_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sigap_application_parent_class)->finalize (object);
}

static void
sigap_application_class_init (SigapApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sigap_application_finalize;
  app_class->handle_local_options = sigap_application_handle_local_options;
  app_class->startup = sigap_application_startup;
  app_class->shutdown = sigap_application_shutdown;
  app_class->activate = sigap_application_activate;
}

static void
sigap_application_init (SigapApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file, or a server's database by its postgresql:// URI"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (start_time == 0)
    start_time = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Commands without a display: sigap demo, "
                                              "sigap import, sigap summary, sigap report, "
                                              "sigap export, sigap participants, sigap find. "
                                              "With a display: sigap screenshot. See sigap "
                                              "COMMAND --help."));
}

SigapApplication *
sigap_application_new (void)
{
  return g_object_new (SIGAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * sigap_application_set_screenshot:
 * @screenshot: (nullable): take a screenshot instead of opening the window for use; not owned
 */
void
sigap_application_set_screenshot (SigapApplication *self,
                                  SigapScreenshot  *screenshot)
{
  g_return_if_fail (SIGAP_IS_APPLICATION (self));

  self->screenshot = screenshot;
}

/**
 * sigap_application_set_start_time:
 * @monotonic_time: g_get_monotonic_time() when main() began
 *
 * The start the start-up benchmark counts from.
 */
void
sigap_application_set_start_time (gint64 monotonic_time)
{
  start_time = monotonic_time;
}
