/* sigap-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: one main window, the app-wide actions and the command-line options of
 * the window mode (`sigap [--db FILE]`). Headless subcommands never get here (see main.c).
 */

#include <glib/gi18n.h>

#include "sigap-application.h"
#include "sigap-window.h"

struct _SigapApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
};

G_DEFINE_FINAL_TYPE (SigapApplication, sigap_application, ADW_TYPE_APPLICATION)

static SigapWindow *
get_window (SigapApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (sigap_window_new (self));

  return SIGAP_WINDOW (window);
}

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
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

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

  G_APPLICATION_CLASS (sigap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
sigap_application_activate (GApplication *application)
{
  SigapApplication *self = SIGAP_APPLICATION (application);
  SigapWindow *window = get_window (self);

  if (self->db_path != NULL)
    sigap_window_open_database (window, self->db_path);
  else
    sigap_window_open_last_database (window);

  gtk_window_present (GTK_WINDOW (window));
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
  app_class->activate = sigap_application_activate;
}

static void
sigap_application_init (SigapApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Commands (no display needed): sigap demo, "
                                              "sigap summary; see sigap COMMAND --help."));
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
