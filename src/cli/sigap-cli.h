/* sigap-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv[1] names a headless subcommand, so main() need not start GTK. */
gboolean sigap_cli_is_subcommand (int    argc,
                                  char **argv);

/* Runs the subcommand named by argv[1]; returns the process exit status. */
int      sigap_cli_run           (int    argc,
                                  char **argv);

G_END_DECLS
