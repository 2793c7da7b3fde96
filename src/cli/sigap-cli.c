/* sigap-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headless subcommands. They never touch GTK, so they run on a server or in CI without a
 * display; the window's own options are handled by SigapApplication.
 */

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sigap-cli.h"
#include "sigap-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Subcommand;

static const Subcommand subcommands[] = {
  { "demo", _sigap_cli_demo },
  { "import", _sigap_cli_import },
  { "report", _sigap_cli_report },
  { "summary", _sigap_cli_summary },
};

static const Subcommand *
find_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_strcmp0 (subcommands[i].name, name) == 0)
      return &subcommands[i];
  return NULL;
}

int
_sigap_cli_fail (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "sigap: %s\n", message);
  return 1;
}

int
_sigap_cli_fail_error (const GError *error)
{
  return _sigap_cli_fail ("%s", error != NULL ? error->message : _("unknown error"));
}

gboolean
sigap_cli_is_subcommand (int    argc,
                         char **argv)
{
  return argc > 1 && find_subcommand (argv[1]) != NULL;
}

int
sigap_cli_run (int    argc,
               char **argv)
{
  const Subcommand *subcommand;
  g_autofree char *program = NULL;
  g_autofree char **sub_argv = NULL;

  g_return_val_if_fail (argc > 1, 1);

  subcommand = find_subcommand (argv[1]);
  if (subcommand == NULL)
    return _sigap_cli_fail (_("unknown command “%s”"), argv[1]);

  /* GOptionContext prints argv[0] in --help; make it read "sigap summary". */
  program = g_strdup_printf ("sigap %s", argv[1]);
  sub_argv = g_new0 (char *, argc);
  sub_argv[0] = program;
  for (int i = 2; i < argc; i++)
    sub_argv[i - 1] = argv[i];

  return subcommand->run (argc - 1, sub_argv);
}
