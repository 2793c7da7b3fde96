/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "app/sigap-application.h"
#include "cli/sigap-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SigapApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless subcommands must run without a display, so they never reach GTK. */
  if (sigap_cli_is_subcommand (argc, argv))
    return sigap_cli_run (argc, argv);

  app = sigap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
