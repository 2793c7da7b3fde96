/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "app/sigap-application.h"
#include "app/sigap-screenshot.h"
#include "cli/sigap-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SigapApplication) app = NULL;

  sigap_application_set_start_time (g_get_monotonic_time ());

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless subcommands must run without a display, so they never reach GTK. */
  if (sigap_cli_is_subcommand (argc, argv))
    return sigap_cli_run (argc, argv);

  /* The one subcommand that needs the window, so it goes through GTK. */
  if (argc > 1 && strcmp (argv[1], "screenshot") == 0)
    return sigap_screenshot_main (argc - 1, argv + 1);

  app = sigap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
