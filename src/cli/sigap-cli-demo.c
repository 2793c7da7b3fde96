/* sigap-cli-demo.c: `sigap demo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "sigap-cli-private.h"
#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-format.h"

typedef struct
{
  int last_percent;
} Progress;

/* One line, rewritten in place; only for a person watching a terminal. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100.0);

  if (percent == progress->last_percent)
    return;

  progress->last_percent = percent;
  fprintf (stderr, "\r%s %3d %%", _("Generating demo data…"), percent);
  fflush (stderr);
}

int
_sigap_cli_demo (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *count = NULL;
  g_autofree char *cutoff_text = NULL;
  g_autofree char *display = NULL;
  gint64 participants = -1;
  gint64 seed = SIGAP_DEMO_DEFAULT_SEED;
  gboolean force = FALSE;
  GCancellable *cancellable;
  gboolean interactive;
  SigapDemoOptions options;
  Progress progress = { -1 };
  SigapLang lang;
  GDate cutoff;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database file to create, or a server's database by its "
         "postgresql:// URI"), N_("FILE") },
    { "participants", 0, 0, G_OPTION_ARG_INT64, &participants,
      N_("How many participants (1 to 3000000; default: the story's own size)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the random story (default 20251105)"), "S" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Creates a demonstration database: the same seed and size "
                                  "always give the same data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);

  if (db_path == NULL)
    return _sigap_cli_fail (_("missing --db FILE"));

  if (participants != -1 && (participants < 1 || participants > SIGAP_DEMO_MAX_PARTICIPANTS))
    return _sigap_cli_fail (_("--participants must be between 1 and %d, not %" PRId64),
                            SIGAP_DEMO_MAX_PARTICIPANTS, (int64_t) participants);

  if (seed < 0 || seed > G_MAXUINT32)
    return _sigap_cli_fail (_("--seed must be between 0 and %u"), G_MAXUINT32);

  sigap_demo_options_init (&options);
  options.participants = participants == -1 ? 0 : participants;
  options.seed = (guint32) seed;

  interactive = isatty (fileno (stderr));
  /* A signal stops the generation; its temporary file is removed. */
  cancellable = _sigap_cli_cancel_on_signals ();

  if (!sigap_demo_generate (db_path, &options, force,
                            interactive ? progress_cb : NULL, &progress, cancellable, &error))
    {
      if (interactive && progress.last_percent >= 0)
        fputc ('\n', stderr);

      if (g_cancellable_is_cancelled (cancellable))
        return _sigap_cli_fail_interrupted ();

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *name = sigap_database_display_location (db_path);

          return _sigap_cli_fail (_("“%s” already exists; use --force to replace it"), name);
        }

      return _sigap_cli_fail_error (error);
    }

  if (interactive)
    fputc ('\n', stderr);

  lang = sigap_lang_from_locale ();
  count = sigap_format_count (options.participants > 0 ? options.participants
                                                       : sigap_demo_default_participants (),
                              lang);
  g_date_clear (&cutoff, 1);
  if (!sigap_date_parse_iso (SIGAP_DEMO_CUTOFF, &cutoff))
    g_assert_not_reached ();
  cutoff_text = sigap_format_date (&cutoff, lang, FALSE);
  display = sigap_database_display_location (db_path);

  /* TRANSLATORS: "Created demo.sigap: 57.166 participants, data cut-off 31 October 2026" */
  printf (_("Created %s: %s participants, data cut-off %s"), display, count, cutoff_text);
  putchar ('\n');

  return 0;
}
