/* sigap-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap import participants|targets|budget|payments --db FILE INPUT.csv`: imports one CSV
 * file through the core importer and prints what happened to its lines. The exit status says
 * whether the file was processed (0, even with rejected lines) or could not be at all (1, with
 * the reason on one line).
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <inttypes.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "core/sigap-import.h"
#include "core/sigap-import-log.h"
#include "core/sigap-private-file.h"
#include "sigap-cli-private.h"

/* Text output shows this many rejections; --rejects and JSON have them all. */
#define SHOWN_REJECTIONS 10

/* Labels padded by characters, not bytes, to the longest: translated labels ("Tidak
 * berubah") line up as the English ones do. */
static void
print_count (const char *label,
             glong       label_width,
             gint64      value,
             SigapLang   lang)
{
  g_autofree char *text = sigap_format_count (value, lang);
  glong width = g_utf8_strlen (label, -1);

  printf ("  %s%*s %12s\n", label, (int) MAX (1, label_width + 1 - width), "", text);
}

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return NULL;
    }
}

/* The data-quality notes this import left, by line; NULL after a dry run or an import that
 * changed nothing, whose notes are not this run's. */
static GPtrArray *
list_flags (SigapDatabase           *db,
            const SigapImportResult *result,
            GError                 **error)
{
  if (result->dry_run || result->already_imported || result->batch_id == 0)
    return g_ptr_array_new ();
  return sigap_import_list_batch_flags (db, result->batch_id, -1, error);
}

static void
print_flags_text (const SigapImportResult *result,
                  const GPtrArray         *flags)
{
  SigapLang lang = sigap_lang_from_locale ();
  guint shown = MIN (flags->len, SHOWN_REJECTIONS);

  if (flags->len == 0)
    return;

  printf ("\n");
  if (shown < flags->len)
    {
      g_autofree char *total = sigap_format_count (flags->len, lang);

      printf (_("First %u data-quality notes of %s:"), shown, total);
    }
  else
    printf (_("Data-quality notes:"));
  printf ("\n");

  for (guint i = 0; i < shown; i++)
    {
      const SigapParticipantFlagRow *row = g_ptr_array_index (flags, i);
      g_autofree char *reason = sigap_participant_flag_describe (row->flag, row->detail);

      /* TRANSLATORS: Line 12 (NIK 3275********0001): Desil 7, outside the target */
      printf (_("  Line %" PRId64 " (NIK %s): %s"), (int64_t) row->line, row->nik_masked,
              reason);
      printf ("\n");
    }
}

static void
print_text (const SigapImportResult *result,
            const GPtrArray         *flags)
{
  SigapLang lang = sigap_lang_from_locale ();
  const char *separator = separator_name (result->separator);
  char other[2] = { result->separator, '\0' };

  /* TRANSLATORS: “peserta.csv” (participants): UTF-8, separator semicolon */
  printf (_("“%s” (%s): %s, separator %s"), result->file_name,
          sigap_import_kind_to_string (result->kind), result->encoding,
          separator != NULL ? separator : other);
  printf ("\n");

  {
    const char *labels[] = {
      _("Read"), _("Added"), _("Updated"), _("Unchanged"), _("Rejected"), _("Flagged"),
    };
    const gint64 values[] = {
      result->read, result->added, result->updated, result->unchanged, result->rejected,
      result->flagged,
    };
    glong width = 0;

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      width = MAX (width, g_utf8_strlen (labels[i], -1));
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      print_count (labels[i], width, values[i], lang);
  }

  if (result->ignored_columns != NULL && result->ignored_columns[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", result->ignored_columns);

      printf (_("Ignored columns: %s"), names);
      printf ("\n");
    }

  if (result->rejected > 0)
    {
      guint shown = MIN (result->rejections->len, SHOWN_REJECTIONS);

      printf ("\n");
      if (shown < result->rejected)
        {
          g_autofree char *total = sigap_format_count (result->rejected, lang);

          printf (_("First %u rejected lines of %s:"), shown, total);
        }
      else
        printf (_("Rejected lines:"));
      printf ("\n");

      for (guint i = 0; i < shown; i++)
        {
          const SigapImportRejection *rejection = g_ptr_array_index (result->rejections, i);

          if (rejection->column != NULL)
            /* TRANSLATORS: Line 12, kelurahan: Unknown kelurahan … */
            printf (_("  Line %" PRId64 ", %s: %s"), rejection->line,
                    rejection->column, rejection->reason);
          else
            printf (_("  Line %" PRId64 ": %s"), rejection->line, rejection->reason);
          printf ("\n");
        }
    }

  print_flags_text (result, flags);

  printf ("\n");
  if (result->dry_run)
    printf ("%s\n", _("Dry run: nothing was saved."));
  else if (result->already_imported)
    printf (_("This file was already imported (import %" PRId64 "); nothing changed."),
            result->batch_id);
  else
    printf (_("Saved as import %" PRId64 "."), result->batch_id);
  if (!result->dry_run)
    printf ("\n");
  if (!result->dry_run && result->imported_at != NULL)
    {
      /* TRANSLATORS: who made the import (a user or database role name) and when (ISO 8601) */
      printf (_("Imported by %s at %s."),
              result->imported_by != NULL ? result->imported_by : _("unknown"),
              result->imported_at);
      printf ("\n");
    }
}

static void
print_json (const SigapImportResult *result,
            const GPtrArray         *flags,
            const char              *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, sigap_import_kind_to_string (result->kind));
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "read");
  json_builder_add_int_value (builder, result->read);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, result->added);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, result->updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, result->unchanged);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, result->rejected);
  json_builder_set_member_name (builder, "flagged");
  json_builder_add_int_value (builder, result->flagged);
  json_builder_set_member_name (builder, "batch");
  if (result->batch_id != 0)
    json_builder_add_int_value (builder, result->batch_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "imported_by");
  if (result->imported_by != NULL)
    json_builder_add_string_value (builder, result->imported_by);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "imported_at");
  if (result->imported_at != NULL)
    json_builder_add_string_value (builder, result->imported_at);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "rejections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->rejections->len; i++)
    {
      const SigapImportRejection *rejection = g_ptr_array_index (result->rejections, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, rejection->line);
      json_builder_set_member_name (builder, "column");
      if (rejection->column != NULL)
        json_builder_add_string_value (builder, rejection->column);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, rejection->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->len; i++)
    {
      const SigapParticipantFlagRow *row = g_ptr_array_index (flags, i);
      g_autofree char *reason = sigap_participant_flag_describe (row->flag, row->detail);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, row->line);
      json_builder_set_member_name (builder, "nik");
      json_builder_add_string_value (builder, row->nik_masked);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sigap_participant_flag_to_string (row->flag));
      json_builder_set_member_name (builder, "detail");
      if (row->detail != NULL)
        json_builder_add_string_value (builder, row->detail);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* Stops the statement running in another thread, such as an index build after the last row;
 * the import then rolls back. */
static void
interrupt_database (GCancellable *cancellable,
                    gpointer      user_data)
{
  sigap_database_interrupt (SIGAP_DATABASE (user_data));
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

int
_sigap_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *rejects_path = NULL;
  g_autofree char *format_text = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database file (created when missing), or a server's database by its "
         "postgresql:// URI"), N_("FILE") },
    { "rejects", 0, 0, G_OPTION_ARG_FILENAME, &rejects_path,
      N_("Write the rejected lines, with the reasons, to this CSV file"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check and count the lines, but save nothing"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output as text (default) or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFileInputStream) input_stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SigapPrivateOutput) rejects = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapImporter) importer = NULL;
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autofree char *display_name = NULL;
  GCancellable *cancellable;
  gulong interrupt_id;
  SigapImportKind kind;
  gboolean json = FALSE;
  gboolean created;

  context = g_option_context_new (_("participants|targets|budget|payments INPUT.csv"));
  g_option_context_set_summary (context,
                                _("Import a CSV file: participants, targets, budget or "
                                  "payments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc < 2)
    return _sigap_cli_fail (_("missing what to import: participants, targets, budget or "
                              "payments"));
  if (!sigap_import_kind_parse (argv[1], &kind))
    return _sigap_cli_fail (_("unknown kind “%s”: use participants, targets, budget or "
                              "payments"),
                            argv[1]);
  if (argc < 3)
    return _sigap_cli_fail (_("missing the CSV file to import"));
  if (argc > 3)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[3]);
  if (db_path == NULL)
    return _sigap_cli_fail (_("missing --db FILE"));
  if (format_text != NULL && g_strcmp0 (format_text, "text") != 0 &&
      !(json = g_strcmp0 (format_text, "json") == 0))
    return _sigap_cli_fail (_("unknown format “%s”: use text or json"), format_text);

  /* A signal rolls the import back and removes what this run created. */
  cancellable = _sigap_cli_cancel_on_signals ();

  /* The input first: an unreadable file must not leave a new, empty database behind. */
  input = g_file_new_for_commandline_arg (argv[2]);
  display_name = g_file_get_parse_name (input);
  input_stream = g_file_read (input, NULL, &error);
  if (input_stream == NULL)
    return _sigap_cli_fail (_("cannot read “%s”: %s"), display_name, error->message);
  info = g_file_input_stream_query_info (input_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL,
                                         NULL);

  /* A dry run checks against the reference data without creating the database file. */
  created = !sigap_database_path_is_server (db_path) &&
            !g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (dry_run && created)
    db = sigap_database_open (":memory:", SIGAP_DATABASE_OPEN_CREATE, &error);
  else
    db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_CREATE, &error);
  if (db == NULL)
    return _sigap_cli_fail_error (error);

  importer = sigap_importer_new (kind);
  sigap_importer_set_dry_run (importer, dry_run);

  /* Full NIKs: a private file, written beside and renamed into place only when the import
   * succeeded; a failed one leaves whatever was there before, or nothing. */
  if (rejects_path != NULL)
    {
      rejects = sigap_private_output_new (rejects_path, &error);
      if (rejects == NULL)
        return _sigap_cli_fail (_("cannot write “%s”: %s"), rejects_path, error->message);
      sigap_importer_set_rejects_stream (importer, sigap_private_output_get_stream (rejects));
    }

  {
    g_autofree char *base = g_file_get_basename (input);
    g_autofree char *file_name = base != NULL ? g_filename_display_name (base)
                                              : g_strdup (display_name);

    interrupt_id = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_database), db,
                                          NULL);
    result = sigap_importer_run_stream (importer, db, G_INPUT_STREAM (input_stream), file_name,
                                        info != NULL ? g_file_info_get_size (info) : 0,
                                        cancellable, &error);
    g_cancellable_disconnect (cancellable, interrupt_id);
  }

  if (result == NULL)
    {
      g_clear_pointer (&rejects, sigap_private_output_free);
      /* A file that could not be imported at all leaves no new, empty database behind. */
      if (created && !dry_run)
        {
          g_clear_object (&db);
          remove_database (db_path);
        }
      if (g_cancellable_is_cancelled (cancellable))
        return _sigap_cli_fail_interrupted ();
      return _sigap_cli_fail ("%s: %s", display_name, error->message);
    }

  if (rejects != NULL && !sigap_private_output_commit (rejects, NULL, &error))
    return _sigap_cli_fail (_("cannot write “%s”: %s"), rejects_path, error->message);

  flags = list_flags (db, result, &error);
  if (flags == NULL)
    return _sigap_cli_fail_error (error);

  if (json)
    print_json (result, flags, argv[2]);
  else
    print_text (result, flags);

  return fflush (stdout) == 0 ? 0 : _sigap_cli_fail (_("cannot write the output"));
}
