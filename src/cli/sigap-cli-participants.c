/* sigap-cli-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap participants --db FILE --output F.csv`: the participant list of a filter, for the
 * operators who check it against the offices' lists. NIKs are masked unless --full-nik is
 * given; such a list is then recorded in the database (who, when, how many rows). The file
 * names people, so it is private (0600) and appears only once complete.
 */

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "core/sigap-participant-list.h"
#include "core/sigap-private-file.h"
#include "sigap-cli-private.h"

int
_sigap_cli_participants (int    argc,
                         char **argv)
{
  g_auto(SigapCliFilterArgs) filter_args = { 0 };
  g_autofree char *output_path = NULL;
  gboolean full_nik = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("The CSV file to write"),
      N_("FILE.csv") },
    { "full-nik", 0, 0, G_OPTION_ARG_NONE, &full_nik,
      N_("Write whole NIKs instead of masked ones; the database records who did, when and "
         "how many"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(SigapPrivateOutput) output = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  gint64 rows = 0;
  int status;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the participant list of a filter as CSV, for "
                                  "operators: registered by the as-of date, in the scope and "
                                  "segment, NIKs masked unless --full-nik."));
  _sigap_cli_filter_args_add_entries (&filter_args, context,
                                      SIGAP_CLI_SCOPE_ANY_REGION);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);
  if (output_path == NULL)
    return _sigap_cli_fail (_("missing --output FILE.csv"));

  status = _sigap_cli_filter_args_open (&filter_args, &db, &filter);
  if (status != 0)
    return status;

  /* Recording a list with whole NIKs writes to the database: open it for writing, and
   * refuse before writing the list if that cannot be. */
  if (full_nik)
    {
      g_clear_object (&db);
      db = sigap_database_open (filter_args.db_path, SIGAP_DATABASE_OPEN_DEFAULT, &error);
      if (db == NULL)
        return _sigap_cli_fail_error (error);
      if (sigap_database_is_read_only (db))
        return _sigap_cli_fail (_("--full-nik needs a database it can write to, to record the "
                                  "list"));
    }

  cancellable = _sigap_cli_cancel_on_signals ();
  display = g_filename_display_name (output_path);
  output = sigap_private_output_new (output_path, &error);
  if (output == NULL)
    return _sigap_cli_fail (_("cannot write “%s”: %s"), display, error->message);

  if (!sigap_participant_list_write (db, filter, full_nik,
                                     sigap_private_output_get_stream (output), &rows,
                                     cancellable, &error))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return _sigap_cli_fail_interrupted ();
      return _sigap_cli_fail_error (error);
    }

  /* Recorded before the file appears: a list that is not recorded is not written. */
  if (full_nik && !sigap_participant_list_record (db, filter, display, rows, &error))
    return _sigap_cli_fail_error (error);

  if (!sigap_private_output_commit (output, cancellable, &error))
    return _sigap_cli_fail (_("cannot write “%s”: %s"), display, error->message);

  {
    g_autofree char *count = sigap_format_count (rows, sigap_lang_from_locale ());

    /* TRANSLATORS: %s is a count, then a file name */
    fprintf (stderr, ngettext ("%s participant written to “%s”\n",
                               "%s participants written to “%s”\n", (gulong) rows),
             count, display);
  }
  return 0;
}
