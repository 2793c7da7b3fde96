/* sigap-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap report`: the PDF briefing for the DPRD. The options mirror `sigap summary`'s (same
 * database, date, scope and segment, so the same figures), plus the briefing's own: its
 * language (Indonesian unless asked otherwise, whatever the locale), the sections, the
 * official's notes and who prepared it. The work is sigap_report_write()'s.
 */

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/sigap-format.h"
#include "report/sigap-report.h"
#include "sigap-cli-private.h"

int
_sigap_cli_report (int    argc,
                   char **argv)
{
  g_auto(SigapCliFilterArgs) filter_args = { 0 };
  g_autofree char *output_path = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *notes_path = NULL;
  g_autofree char *sections_text = NULL;
  g_autofree char *prepared_by = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("The PDF file to write"),
      N_("FILE.pdf") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("The briefing's language: id (default) or en"), N_("LANG") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes_path,
      N_("A text file with your own notes for the Notes section (see below)"), N_("FILE.txt") },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &sections_text,
      N_("Sections to include, comma-separated: ringkasan, kepesertaan, cakupan, sebaran, "
         "anggaran, catatan, metodologi (default: all)"), N_("LIST") },
    { "prepared-by", 0, 0, G_OPTION_ARG_STRING, &prepared_by,
      N_("Who prepared the briefing (default: Dinas Tenaga Kerja Kota Bekasi)"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapReportOptions) options = sigap_report_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  SigapReportInfo info = { 0 };
  GCancellable *cancellable;
  int status;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the PDF briefing: the programme's figures, charts and "
                                  "tables for the DPRD, as of a date, for the city or one "
                                  "kecamatan."));
  g_option_context_set_description (context,
                                    _("The notes file is UTF-8 text, laid out as in the window’s "
                                      "Notes field: a blank line starts a new paragraph, a line "
                                      "break within a paragraph is kept, and a line starting "
                                      "with “-” or “*” is a bullet point."));
  _sigap_cli_filter_args_add_entries (&filter_args, context,
                                      N_("Region code: 32.75 (the city, default) or a kecamatan"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);
  status = _sigap_cli_filter_args_check (&filter_args, &options->segment, &options->as_of);
  if (status != 0)
    return status;
  if (output_path == NULL)
    return _sigap_cli_fail (_("missing --output FILE.pdf"));
  if (lang_text != NULL && !sigap_lang_parse (lang_text, &options->lang))
    return _sigap_cli_fail (_("unknown language “%s”: use id or en"), lang_text);
  if (sections_text != NULL &&
      !sigap_report_sections_parse (sections_text, &options->sections, &error))
    return _sigap_cli_fail_error (error);

  if (notes_path != NULL)
    {
      gsize length = 0;

      if (!g_file_get_contents (notes_path, &options->notes, &length, &error))
        return _sigap_cli_fail_error (error);
      if (!g_utf8_validate_len (options->notes, length, NULL))
        return _sigap_cli_fail (_("the notes file “%s” is not UTF-8 text"), notes_path);
    }

  options->db_path = g_steal_pointer (&filter_args.db_path);
  options->output_path = g_steal_pointer (&output_path);
  options->scope = g_steal_pointer (&filter_args.scope);
  options->prepared_by = g_steal_pointer (&prepared_by);

  /* A signal stops the briefing between steps; its temporary file is removed. */
  cancellable = _sigap_cli_cancel_on_signals ();
  if (!sigap_report_write_full (options, &info, NULL, NULL, cancellable, &error))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return _sigap_cli_fail_interrupted ();
      return _sigap_cli_fail_error (error);
    }

  size = g_format_size ((guint64) info.size);
  /* TRANSLATORS: "Wrote briefing.pdf: 9 pages, 312.5 kB" */
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page, %s\n", "Wrote %s: %u pages, %s\n",
                       info.n_pages),
          options->output_path, info.n_pages, size);

  return fflush (stdout) == 0 ? 0 : _sigap_cli_fail (_("cannot write the output"));
}
