/* sigap-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand gets argv with argv[0] = "sigap SUBCOMMAND" and returns the exit status.
 * Errors are printed as one line "sigap: <reason>" on stderr through _sigap_cli_fail(). */
int  _sigap_cli_demo    (int    argc,
                         char **argv);
int  _sigap_cli_summary (int    argc,
                         char **argv);
int  _sigap_cli_import  (int    argc,
                         char **argv);
int  _sigap_cli_report  (int    argc,
                         char **argv);

/* Prints "sigap: MESSAGE" to stderr and returns the failure exit status (1). */
int  _sigap_cli_fail    (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
/* Same, for a GError. */
int  _sigap_cli_fail_error (const GError *error);

G_END_DECLS
