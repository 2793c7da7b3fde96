/* sigap-cli-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap export --db FILE --output F.xlsx`: every table of the window and the briefing for
 * one filter, as an Excel workbook or (--format csv) a folder of CSV files. The tables are
 * built and written by src/report/sigap-export.c.
 */

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "report/sigap-export.h"
#include "sigap-cli-private.h"

int
_sigap_cli_export (int    argc,
                   char **argv)
{
  g_auto(SigapCliFilterArgs) filter_args = { 0 };
  g_autofree char *output_path = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("The workbook to write, or the folder for --format csv"), N_("FILE.xlsx") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("The language of sheet names, headers and definitions: id (default) or en"),
      N_("LANG") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("xlsx (default): one workbook; csv: one CSV file a table, in a folder"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  SigapExportFormat format = SIGAP_EXPORT_XLSX;
  SigapLang lang = SIGAP_LANG_ID;
  int status;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Export the figures for Excel: key figures, kecamatan, "
                                  "kelurahan, sector, desil, the monthly series, SP2D "
                                  "payments, budget and sector by area, one sheet each."));
  _sigap_cli_filter_args_add_entries (&filter_args, context,
                                      SIGAP_CLI_SCOPE_ANY_REGION);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);
  if (output_path == NULL)
    return _sigap_cli_fail (_("missing --output FILE.xlsx"));
  if (lang_text != NULL && !sigap_lang_parse (lang_text, &lang))
    return _sigap_cli_fail (_("unknown language “%s”: use id or en"), lang_text);
  if (g_strcmp0 (format_text, "csv") == 0)
    format = SIGAP_EXPORT_CSV;
  else if (format_text != NULL && g_strcmp0 (format_text, "xlsx") != 0)
    return _sigap_cli_fail (_("unknown format “%s”: use xlsx or csv"), format_text);

  status = _sigap_cli_filter_args_open (&filter_args, &db, &filter);
  if (status != 0)
    return status;

  if (!sigap_export_write (db, filter, lang, format, output_path, NULL, &error))
    return _sigap_cli_fail_error (error);

  return 0;
}
