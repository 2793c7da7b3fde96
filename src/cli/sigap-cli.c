/* sigap-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headless subcommands. They never touch GTK, so they run on a server or in CI without a
 * display; the window's own options are handled by SigapApplication.
 */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/sigap-csv-writer.h"
#include "core/sigap-format.h"
#include "core/sigap-region.h"
#include "sigap-cli.h"
#include "sigap-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} Subcommand;

static const Subcommand subcommands[] = {
  { "demo", _sigap_cli_demo },
  { "export", _sigap_cli_export },
  { "find", _sigap_cli_find },
  { "import", _sigap_cli_import },
  { "participants", _sigap_cli_participants },
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

/* --- Ending cleanly on a signal ---------------------------------------------------------- */

static int received_signal;

static void
fill_signal_set (sigset_t *set)
{
  sigemptyset (set);
  sigaddset (set, SIGINT);
  sigaddset (set, SIGTERM);
  sigaddset (set, SIGHUP);
}

/* The signals are blocked in every thread and taken here with sigwait (), an ordinary thread
 * that may call anything: the first cancels the work, which then rolls back and removes its
 * temporary files; a second one ends the process at once. */
static gpointer
signal_thread (gpointer data)
{
  GCancellable *cancellable = data;
  sigset_t set;

  fill_signal_set (&set);
  for (;;)
    {
      int signo = 0;

      if (sigwait (&set, &signo) != 0)
        continue;

      if (g_atomic_int_compare_and_exchange (&received_signal, 0, signo))
        g_cancellable_cancel (cancellable);
      else
        _exit (128 + signo);
    }

  return NULL;
}

/**
 * _sigap_cli_cancel_on_signals:
 *
 * From now on, SIGINT, SIGTERM and SIGHUP cancel the returned cancellable instead of killing
 * the process. Call it before any other thread is started, as those must inherit the blocked
 * signals.
 *
 * Returns: (transfer none): the cancellable to hand to the work; it lives as long as the
 *   process
 */
GCancellable *
_sigap_cli_cancel_on_signals (void)
{
  static GCancellable *cancellable;
  sigset_t set;

  g_return_val_if_fail (cancellable == NULL, cancellable);

  cancellable = g_cancellable_new ();
  fill_signal_set (&set);
  pthread_sigmask (SIG_BLOCK, &set, NULL);
  g_thread_unref (g_thread_new ("sigap-signals", signal_thread, cancellable));

  return cancellable;
}

int
_sigap_cli_fail_interrupted (void)
{
  int signo = g_atomic_int_get (&received_signal);

  _sigap_cli_fail (_("interrupted: nothing was saved"));
  return signo != 0 ? 128 + signo : 1;
}

void
_sigap_cli_filter_args_add_entries (SigapCliFilterArgs *args,
                                    GOptionContext     *context,
                                    const char         *scope_description)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &args->db_path, N_("The database file, or a server's database by its postgresql:// URI"), N_("FILE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &args->as_of_text,
      N_("Figures as of this date (default: the data cut-off)"), N_("YYYY-MM-DD") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &args->segment_text,
      N_("rentan, ekosistem or all (default: rentan)"), N_("SEGMENT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &args->scope, scope_description, N_("CODE") },
    G_OPTION_ENTRY_NULL
  };

  /* The group copies the entries, so a local array is fine. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

int
_sigap_cli_filter_args_check (const SigapCliFilterArgs *args,
                              SigapSegment             *segment,
                              GDate                    *as_of)
{
  g_date_clear (as_of, 1);
  if (args->db_path == NULL)
    return _sigap_cli_fail (_("missing --db FILE"));
  if (args->segment_text != NULL && !sigap_segment_parse (args->segment_text, segment))
    return _sigap_cli_fail (_("unknown segment “%s”: use rentan, ekosistem or all"),
                            args->segment_text);
  if (args->as_of_text != NULL && !sigap_date_parse_iso (args->as_of_text, as_of))
    return _sigap_cli_fail (_("bad date “%s”: write it as YYYY-MM-DD"), args->as_of_text);
  return 0;
}

/* Figures after the last import are a projection of nothing: the date is allowed (a briefing
 * may be dated a few days on) but said on stderr, where it does not spoil JSON or CSV. */
static void
warn_after_cutoff (SigapDatabase *db,
                   const GDate   *as_of)
{
  g_autofree char *as_of_iso = NULL;
  g_autofree char *cutoff_iso = NULL;
  GDate cutoff;

  if (!sigap_database_get_cutoff (db, &cutoff) || g_date_compare (as_of, &cutoff) <= 0)
    return;

  as_of_iso = sigap_date_to_iso (as_of);
  cutoff_iso = sigap_date_to_iso (&cutoff);
  /* TRANSLATORS: sigap: warning: --as-of 2027-01-31 is after the data cut-off 2026-10-31 … */
  fprintf (stderr, _("sigap: warning: --as-of %s is after the data cut-off %s: nothing that "
                     "happened after the last import is counted"),
           as_of_iso, cutoff_iso);
  fputc ('\n', stderr);
}

int
_sigap_cli_filter_args_open (const SigapCliFilterArgs  *args,
                             SigapDatabase            **db,
                             SigapFilter              **filter)
{
  g_autoptr(SigapDatabase) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  SigapSegment segment = SIGAP_SEGMENT_RENTAN;
  GDate as_of;
  int status;

  status = _sigap_cli_filter_args_check (args, &segment, &as_of);
  if (status != 0)
    return status;

  opened = sigap_database_open (args->db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (opened == NULL)
    return _sigap_cli_fail_error (error);

  if (args->as_of_text == NULL && !sigap_database_get_cutoff (opened, &as_of))
    return _sigap_cli_fail (_("the database holds no data yet, so it has no cut-off date: "
                              "give --as-of YYYY-MM-DD"));
  warn_after_cutoff (opened, &as_of);

  if (args->scope != NULL)
    {
      scope = sigap_region_resolve (opened, args->scope, &error);
      if (scope == NULL)
        return _sigap_cli_fail_error (error);
    }

  *filter = sigap_filter_new (&as_of, scope, segment);
  *db = g_steal_pointer (&opened);
  return 0;
}

void
_sigap_cli_filter_args_clear (SigapCliFilterArgs *args)
{
  g_clear_pointer (&args->db_path, g_free);
  g_clear_pointer (&args->as_of_text, g_free);
  g_clear_pointer (&args->segment_text, g_free);
  g_clear_pointer (&args->scope, g_free);
}

/* JSON text of @root, pretty-printed, with every fractional number in its shortest form.
 * json-glib writes doubles with "%.17g"; the numbers are rewritten outside strings only. */
char *
_sigap_cli_json_to_data (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *out;
  gboolean in_string = FALSE;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            in_string = FALSE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          gsize len = strspn (p, "-+0123456789.eE");
          g_autofree char *number = g_strndup (p, len);

          if (strpbrk (number, ".eE") != NULL)
            {
              g_autofree char *shortest = sigap_csv_format_double (g_ascii_strtod (number, NULL));

              g_string_append (out, shortest);
            }
          else
            g_string_append (out, number);
          p += len;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
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
