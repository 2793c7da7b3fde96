/* sigap-cli-find.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap find --db FILE --nik NIK`: is this person covered? One exact lookup through
 * src/core/sigap-find.c, as text for people or JSON for scripts. The NIK is shown masked;
 * a NIK the database does not hold is an answer (found: false), not a failure.
 */

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "core/sigap-database.h"
#include "core/sigap-find.h"
#include "core/sigap-format.h"
#include "sigap-cli-private.h"

static void
json_add_text (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_date (JsonBuilder *builder,
               const char  *name,
               const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? sigap_date_to_iso (date) : NULL;

  json_add_text (builder, name, iso);
}

static void
print_json (const SigapPersonCard *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "found");
  json_builder_add_boolean_value (builder, card->found);
  json_add_text (builder, "nik", card->nik_masked);
  json_add_date (builder, "as_of", &card->as_of);
  if (card->found)
    {
      json_add_text (builder, "status", sigap_person_status_to_string (card->status));
      json_add_date (builder, "registered_on", &card->registered_on);
      json_add_date (builder, "ended_on", &card->ended_on);
      json_add_text (builder, "end_reason", card->end_reason);
      json_add_text (builder, "kelurahan_code", card->kelurahan_code);
      json_add_text (builder, "kelurahan", card->kelurahan);
      json_add_text (builder, "kecamatan_code", card->kecamatan_code);
      json_add_text (builder, "kecamatan", card->kecamatan);
      json_add_text (builder, "sector_code", card->sector_code);
      json_add_text (builder, "sector", card->sector);
      json_add_text (builder, "segment", sigap_segment_to_string (card->segment));
      json_builder_set_member_name (builder, "desil");
      if (card->desil > 0)
        json_builder_add_int_value (builder, card->desil);
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "flags");
      json_builder_begin_array (builder);
      for (guint i = 0; i < card->flags->len; i++)
        {
          const SigapParticipantFlagNote *note =
            &g_array_index (card->flags, SigapParticipantFlagNote, i);

          json_builder_begin_object (builder);
          json_add_text (builder, "kind", sigap_participant_flag_to_string (note->flag));
          json_add_text (builder, "detail", note->detail[0] != '\0' ? note->detail : NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "rejected_lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < card->rejections->len; i++)
    {
      const SigapPersonRejection *rejection = g_ptr_array_index (card->rejections, i);

      json_builder_begin_object (builder);
      json_add_text (builder, "file", rejection->file_name);
      json_add_text (builder, "imported_at", rejection->imported_at);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, rejection->line);
      json_add_text (builder, "reason", rejection->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = _sigap_cli_json_to_data (root);
  printf ("%s\n", text);
}

static const char *
status_label (SigapPersonStatus status)
{
  switch (status)
    {
    case SIGAP_PERSON_ACTIVE:
      return _("active (covered)");
    case SIGAP_PERSON_ENDED:
      return _("ended (not covered)");
    case SIGAP_PERSON_NOT_YET:
      return _("registered after this date (not covered yet)");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
print_line (const char *label,
            const char *value,
            glong       width)
{
  printf ("  %s%*s  %s\n", label, (int) (width - g_utf8_strlen (label, -1)), "", value);
}

static void
print_text (const SigapPersonCard *card)
{
  SigapLang lang = sigap_lang_from_locale ();
  g_autofree char *as_of = sigap_format_date (&card->as_of, lang, FALSE);
  const char *labels[] = {
    _("Status"), _("Registered on"), _("Ended on"), _("End reason"), _("Kelurahan"),
    _("Kecamatan"), _("Sector"), _("Segment"), _("Desil"), _("Note"),
  };
  glong width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, g_utf8_strlen (labels[i], -1));

  if (!card->found)
    {
      /* TRANSLATORS: NIK 3275********0001: not in the participant lists (as of 5 November 2025) */
      printf (_("NIK %s: not in the participant lists (as of %s)"), card->nik_masked, as_of);
      printf ("\n");
    }
  else
    {
      g_autofree char *registered = sigap_format_date (&card->registered_on, lang, FALSE);
      g_autofree char *kelurahan = g_strdup_printf ("%s (%s)", card->kelurahan,
                                                    card->kelurahan_code);
      g_autofree char *kecamatan = g_strdup_printf ("%s (%s)", card->kecamatan,
                                                    card->kecamatan_code);
      g_autofree char *desil = card->desil > 0 ? g_strdup_printf ("%d", card->desil)
                                               : g_strdup (_("unknown"));

      /* TRANSLATORS: NIK 3275********0001, as of 5 November 2025 */
      printf (_("NIK %s, as of %s"), card->nik_masked, as_of);
      printf ("\n");
      print_line (_("Status"), status_label (card->status), width);
      print_line (_("Registered on"), registered, width);
      if (g_date_valid (&card->ended_on))
        {
          g_autofree char *ended = sigap_format_date (&card->ended_on, lang, FALSE);

          print_line (_("Ended on"), ended, width);
          print_line (_("End reason"), card->end_reason != NULL ? card->end_reason
                                                                : SIGAP_FORMAT_NO_VALUE, width);
        }
      print_line (_("Kelurahan"), kelurahan, width);
      print_line (_("Kecamatan"), kecamatan, width);
      print_line (_("Sector"), card->sector, width);
      print_line (_("Segment"), sigap_segment_get_label (card->segment), width);
      print_line (_("Desil"), desil, width);
      for (guint i = 0; i < card->flags->len; i++)
        {
          const SigapParticipantFlagNote *note =
            &g_array_index (card->flags, SigapParticipantFlagNote, i);
          g_autofree char *value = note->detail[0] != '\0'
            ? g_strdup_printf ("%s (%s)", sigap_participant_flag_get_label (note->flag),
                               note->detail)
            : g_strdup (sigap_participant_flag_get_label (note->flag));

          print_line (_("Note"), value, width);
        }
    }

  if (card->rejections->len > 0)
    {
      printf ("\n%s\n", _("Rejected import lines holding this NIK:"));
      for (guint i = 0; i < card->rejections->len; i++)
        {
          const SigapPersonRejection *rejection = g_ptr_array_index (card->rejections, i);

          /* TRANSLATORS: “peserta.csv” line 12: NIK has 15 digits; it must have 16 */
          printf (_("  “%s” line %" PRId64 ": %s"), rejection->file_name,
                  (int64_t) rejection->line, rejection->reason);
          printf ("\n");
        }
    }
}

int
_sigap_cli_find (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *nik = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database file, or a server's database by its postgresql:// URI"), N_("FILE") },
    { "nik", 0, 0, G_OPTION_ARG_STRING, &nik,
      N_("The NIK to look for; spaces, dots and a leading apostrophe are fine"), N_("NIK") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Status on this date (default: the data cut-off)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output as text (default) or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapPersonCard) card = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GDate as_of;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Look a person up by NIK: are they covered?"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);
  if (db_path == NULL)
    return _sigap_cli_fail (_("missing --db FILE"));
  if (nik == NULL)
    return _sigap_cli_fail (_("missing --nik NIK"));
  if (format_text != NULL && g_strcmp0 (format_text, "json") != 0 &&
      g_strcmp0 (format_text, "text") != 0)
    return _sigap_cli_fail (_("unknown format “%s”: use text or json"), format_text);
  json = g_strcmp0 (format_text, "json") == 0;

  g_date_clear (&as_of, 1);
  if (as_of_text != NULL && !sigap_date_parse_iso (as_of_text, &as_of))
    return _sigap_cli_fail (_("bad date “%s”: write it as YYYY-MM-DD"), as_of_text);

  /* A lookup only reads. */
  db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return _sigap_cli_fail_error (error);

  if (!g_date_valid (&as_of) && !sigap_database_get_cutoff (db, &as_of))
    g_date_set_time_t (&as_of, time (NULL));

  card = sigap_find_participant (db, nik, &as_of, &error);
  if (card == NULL)
    return _sigap_cli_fail_error (error);

  if (json)
    print_json (card);
  else
    print_text (card);

  return fflush (stdout) == 0 ? 0 : _sigap_cli_fail (_("cannot write the output"));
}
