/* sigap-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "core/sigap-database.h"
#include "core/sigap-filter.h"

G_BEGIN_DECLS

/* Each subcommand gets argv with argv[0] = "sigap SUBCOMMAND" and returns the exit status.
 * Errors are printed as one line "sigap: <reason>" on stderr through _sigap_cli_fail(). */
int  _sigap_cli_demo    (int    argc,
                         char **argv);
int  _sigap_cli_summary (int    argc,
                         char **argv);
int  _sigap_cli_find    (int    argc,
                         char **argv);
int  _sigap_cli_export  (int    argc,
                         char **argv);
int  _sigap_cli_participants (int    argc,
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

/* SIGINT, SIGTERM and SIGHUP cancel the returned cancellable (a second signal ends the process
 * at once). Call before any thread is started. */
GCancellable *_sigap_cli_cancel_on_signals (void);
/* Prints "sigap: interrupted..." and returns 128 + the signal's number. */
int  _sigap_cli_fail_interrupted (void);

/* The options `sigap summary` and `sigap report` share, so both pick the same figures. The
 * strings are owned by the struct: free them with _sigap_cli_filter_args_clear(). */
typedef struct
{
  char *db_path;
  char *as_of_text;
  char *segment_text;
  char *scope;
} SigapCliFilterArgs;

/* The --scope help of the commands that take any region, by code or by name. */
#define SIGAP_CLI_SCOPE_ANY_REGION \
  N_("Region: 32.75 (the city, default), a kecamatan or a kelurahan, by code (32.75.03, " \
     "BPS 3275070) or name (\"Bekasi Utara\")")

/* Adds --db, --as-of, --segment and --scope to @context's main group, writing into @args.
 * @scope_description: the untranslated --scope help (marked with N_), as the commands accept
 * different levels. */
void _sigap_cli_filter_args_add_entries (SigapCliFilterArgs *args,
                                         GOptionContext     *context,
                                         const char         *scope_description);
/* Checks the parsed values: --db is given, --segment and --as-of parse. @as_of is cleared when
 * --as-of is not given. Returns 0, or the failure status after printing the reason. */
int  _sigap_cli_filter_args_check       (const SigapCliFilterArgs *args,
                                         SigapSegment             *segment,
                                         GDate                    *as_of);
/* _sigap_cli_filter_args_check(), then opens the database and builds the filter, as of the
 * data cut-off unless --as-of is given. Returns 0, or the failure status. */
int  _sigap_cli_filter_args_open        (const SigapCliFilterArgs  *args,
                                         SigapDatabase            **db,
                                         SigapFilter              **filter);
void _sigap_cli_filter_args_clear       (SigapCliFilterArgs *args);

/* Pretty JSON of @root with its fractional numbers in their shortest form
 * (sigap_csv_format_double()): 99.65, not 99.650000000000006. */
char *_sigap_cli_json_to_data           (JsonNode           *root);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SigapCliFilterArgs, _sigap_cli_filter_args_clear)

G_END_DECLS
