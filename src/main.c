/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "app/sigap-application.h"
#include "app/sigap-preferences-window.h"
#include "app/sigap-screenshot.h"
#include "cli/sigap-cli.h"

static gboolean
same_directory (const char *a,
                const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The program run from its build folder (build-aux/sigap-dev run, the tests) has not been
 * installed, so its catalogues are still in the build tree rather than in LOCALEDIR. */
static const char *
find_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;

  if (dir != NULL && same_directory (dir, SIGAP_BUILD_BINDIR))
    return SIGAP_BUILD_LOCALEDIR;

  return LOCALEDIR;
}

/* gettext ignores LANGUAGE while the message locale is plain "C", which is what a desktop or a
 * shell without LANG gives; the figures' formatting reads LANGUAGE regardless
 * (sigap_lang_from_locale), so without this `LANGUAGE=id` would mix Indonesian numbers and dates
 * with English words. C.UTF-8 is built into glibc and is not "C" to gettext. */
static void
honour_language_variable (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");

  if (language == NULL || *language == '\0' || messages == NULL)
    return;

  if (strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SigapApplication) app = NULL;

  sigap_application_set_start_time (g_get_monotonic_time ());

  setlocale (LC_ALL, "");
  honour_language_variable ();
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* gtk_init would call setlocale (LC_ALL, "") again and undo honour_language_variable (). */
  gtk_disable_setlocale ();

  /* Headless subcommands must run without a display, so they never reach GTK. */
  if (sigap_cli_is_subcommand (argc, argv))
    return sigap_cli_run (argc, argv);

  /* The window speaks the language chosen in Preferences, if one was; the commands above
   * follow the locale, as command-line tools do. */
  sigap_preferences_apply_language ();
  honour_language_variable ();

  /* The one subcommand that needs the window, so it goes through GTK. */
  if (argc > 1 && strcmp (argv[1], "screenshot") == 0)
    return sigap_screenshot_main (argc - 1, argv + 1);

  app = sigap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
