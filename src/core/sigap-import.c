/* sigap-import.c: importing participant lists, targets, budgets and payments from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapImporter reads one CSV file of one kind into the database. Real lists are messy, so it
 * takes every valid line, explains every line it refuses (line, column and a reason a person
 * can act on, stored in import_reject with the line as read), and never writes half a file:
 * the whole file is one transaction, rolled back on cancel, on a database failure or by a
 * dry run; a process killed half-way leaves only an uncommitted journal that SQLite discards.
 *
 * The file is streamed record by record (SigapCsvReader), so memory does not grow with its
 * size: a NIK repeated within the file is found in the database (participant.changed_line),
 * not in a set of the file's NIKs; SQLite's page cache and sorter are bounded by
 * IMPORT_CACHE_KIB. Participant lists are read and checked in a thread of their own while
 * this one writes (see import_rows_pipelined ()), and large ones are loaded in bulk
 * (sigap-import-participants.c).
 *
 * This file has the driver: header matching, reference data, the batch record, the
 * transaction, rejections and progress; the rules of each kind are in
 * sigap-import-participants.c and sigap-import-plan.c.
 *
 * For the window, sigap_importer_run_async() runs the import in a GTask thread on a connection
 * of its own and delivers progress in the caller's main context; sigap_importer_run() is the
 * same work, synchronous, for the command line and for callers that manage their own thread.
 */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <time.h>

#include "sigap-filter.h"
#include "sigap-format.h"
#include "sigap-import.h"
#include "sigap-regions.h"
#include "sigap-import-log.h"
#include "sigap-import-private.h"
#include "sigap-import-value.h"
#include "sigap-region.h"

/* The import connection's page cache, in KiB (SQLite's negative form): the NIK index of a few
 * million participants stays in memory, and the figure is a ceiling, not an allocation. */
#define IMPORT_CACHE_KIB 65536
#define PROGRESS_STEP 0.005

typedef void (*ProgressSink) (double   fraction,
                              gint64   lines,
                              gpointer data);

struct _SigapImporter
{
  GObject                  parent_instance;

  SigapImportKind          kind;
  gboolean                 dry_run;
  gboolean                 has_today;
  GDate                    today;
  GOutputStream           *rejects;

  SigapImportProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;

  SigapImportBulk          bulk;
  gboolean                 used_bulk;
};

G_DEFINE_FINAL_TYPE (SigapImporter, sigap_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (sigap-import-error-quark, sigap_import_error)

G_DEFINE_BOXED_TYPE (SigapImportResult, sigap_import_result,
                     sigap_import_result_ref, sigap_import_result_unref)

static const char * const kind_names[] = {
  [SIGAP_IMPORT_PARTICIPANTS] = "participants",
  [SIGAP_IMPORT_TARGETS] = "targets",
  [SIGAP_IMPORT_BUDGET] = "budget",
  [SIGAP_IMPORT_PAYMENTS] = "payments",
};

static const SigapImportKindClass *
kind_class (SigapImportKind kind)
{
  switch (kind)
    {
    case SIGAP_IMPORT_PARTICIPANTS:
      return &_sigap_import_participants;
    case SIGAP_IMPORT_TARGETS:
      return &_sigap_import_targets;
    case SIGAP_IMPORT_BUDGET:
      return &_sigap_import_budget;
    case SIGAP_IMPORT_PAYMENTS:
      return &_sigap_import_payments;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- Kinds ---------------------------------------------------------------------------- */

/* "participants", "targets", "budget" or "payments": the names of the command line and of
 * import_batch.kind. */
const char *
sigap_import_kind_to_string (SigapImportKind kind)
{
  g_return_val_if_fail (kind <= SIGAP_IMPORT_PAYMENTS, NULL);

  return kind_names[kind];
}

gboolean
sigap_import_kind_parse (const char      *text,
                         SigapImportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = (SigapImportKind) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * sigap_import_kind_columns:
 * @required: %TRUE for the required columns, %FALSE for the optional ones
 *
 * The canonical column names of a kind, for help texts and templates.
 *
 * Returns: (transfer none) (array zero-terminated=1): the names
 */
const char * const *
sigap_import_kind_columns (SigapImportKind kind,
                           gboolean        required)
{
  static GStrv cache[G_N_ELEMENTS (kind_names)][2];
  const SigapImportKindClass *klass;
  guint slot = required ? 1 : 0;

  g_return_val_if_fail (kind <= SIGAP_IMPORT_PAYMENTS, NULL);

  if (g_once_init_enter (&cache[kind][slot]))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      klass = kind_class (kind);
      for (guint i = 0; i < klass->n_columns; i++)
        if (klass->columns[i].required == required)
          g_strv_builder_add (builder, klass->columns[i].name);

      g_once_init_leave (&cache[kind][slot], g_strv_builder_end (builder));
    }

  return (const char * const *) cache[kind][slot];
}

/* --- Results -------------------------------------------------------------------------- */

static SigapImportResult *
result_new (SigapImportKind  kind,
            const char      *file_name)
{
  SigapImportResult *self = g_new0 (SigapImportResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->file_name = g_strdup (file_name);
  self->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_import_rejection_free);
  return self;
}

SigapImportResult *
sigap_import_result_ref (SigapImportResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sigap_import_result_unref (SigapImportResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->file_name);
  g_free (self->checksum);
  g_free (self->encoding);
  g_free (self->imported_by);
  g_free (self->imported_at);
  g_strfreev (self->ignored_columns);
  g_ptr_array_unref (self->rejections);
  g_free (self);
}

/* --- Helpers for the kinds ------------------------------------------------------------ */

/* The value of the kind's column @column in the current record: "" when the file lacks the
 * column or the record is short. */
const char *
_sigap_import_field (SigapImportRun *run,
                     guint           column)
{
  g_assert (column < run->klass->n_columns);

  if (run->field_of[column] < 0)
    return "";

  return sigap_csv_reader_get_field (run->reader, (guint) run->field_of[column]);
}

gboolean
_sigap_import_has_column (SigapImportRun *run,
                          guint           column)
{
  g_assert (column < run->klass->n_columns);

  return run->field_of[column] >= 0;
}

static void
set_db_error (SigapImportRun *run,
              const char     *what)
{
  if (run->error != NULL)
    return;

  g_set_error (&run->error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED, "%s: %s", what,
               sigap_database_last_error_message (run->db));
}

SigapImportRow
_sigap_import_db_failed (SigapImportRun *run,
                         const char     *what)
{
  set_db_error (run, what);
  return SIGAP_IMPORT_ROW_FAILED;
}

SigapStatement *
_sigap_import_prepare (SigapImportRun  *run,
                       const char      *sql,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  SigapStatement *stmt = sigap_database_prepare_persistent (run->db, sql, &local_error);

  if (stmt == NULL)
    g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED, "%s",
                 local_error->message);

  return stmt;
}

static void
write_rejects (SigapImportRun *run,
               gint64          line,
               const char     *column,
               const char     *reason,
               const char     *raw)
{
  g_autoptr(GError) error = NULL;

  if (run->rejects == NULL || run->error != NULL)
    return;

  g_string_truncate (run->rejects_line, 0);
  _sigap_import_format_reject (run->rejects_line, sigap_csv_reader_get_separator (run->reader),
                               line, column, reason, raw);
  if (!g_output_stream_write_all (run->rejects, run->rejects_line->str, run->rejects_line->len,
                                  NULL, run->cancellable, &error))
    g_set_error (&run->error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED,
                 _("Cannot write the rejected lines: %s"), error->message);
}

static void
record_rejection (SigapImportRun *run,
                  int             column,
                  const char     *reason)
{
  const char *column_name = column >= 0 ? run->header_of[column] : NULL;
  SigapStatement *stmt = run->insert_reject;

  if (run->stage_reject != NULL)
    {
      if (!run->stage_reject (run, column_name, reason))
        set_db_error (run, _("Cannot record a rejected line"));
    }
  else
    {
      sigap_statement_bind_int64 (stmt, 1, run->line);
      if (column_name != NULL)
        sigap_statement_bind_text (stmt, 2, column_name);
      else
        sigap_statement_bind_null (stmt, 2);
      sigap_statement_bind_text (stmt, 3, reason);
      sigap_statement_bind_text (stmt, 4, run->raw);
      if (sigap_statement_step (stmt) != SIGAP_STEP_DONE)
        set_db_error (run, _("Cannot record a rejected line"));
      sigap_statement_reset (stmt);
    }

  write_rejects (run, run->line, column_name, reason, run->raw);

  if (run->result->rejections->len < SIGAP_IMPORT_MAX_KEPT_REJECTIONS)
    {
      SigapImportRejection *rejection = g_new0 (SigapImportRejection, 1);

      rejection->line = run->line;
      rejection->column = g_strdup (column_name);
      rejection->reason = g_strdup (reason);
      rejection->raw = g_strdup (run->raw);
      g_ptr_array_add (run->result->rejections, rejection);
    }
}

static void
reject_text (SigapImportRun *run,
             int             column,
             const char     *reason)
{
  /* In the reading thread: the writing thread records it. */
  if (run->item != NULL)
    {
      run->item->rejected = TRUE;
      run->item->column = column;
      g_string_assign (run->item->reason, reason);
      return;
    }

  record_rejection (run, column, reason);
}

void
_sigap_import_reject (SigapImportRun *run,
                      int             column,
                      const char     *format,
                      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  reject_text (run, column, reason);
}

void
_sigap_import_reject_error (SigapImportRun *run,
                            int             column,
                            const GError   *error)
{
  reject_text (run, column, error->message);
}

static gboolean
looks_like_code (const char *text)
{
  gboolean dot = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.')
        dot = TRUE;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return dot;
}

static const char *
level_name (SigapRegionLevel level)
{
  switch (level)
    {
    case SIGAP_REGION_KOTA:
      return _("the city");
    case SIGAP_REGION_KECAMATAN:
      return _("a kecamatan");
    case SIGAP_REGION_KELURAHAN:
      return _("a kelurahan");
    default:
      g_return_val_if_reached ("");
    }
}

static const SigapImportRegion *
region_by_id (SigapImportRun *run,
              gint64          id)
{
  return g_hash_table_lookup (run->regions, &id);
}

/* A Kemendagri code of the expected level, or a rejection. */
static const SigapImportRegion *
find_region_code (SigapImportRun   *run,
                  guint             column,
                  const char       *text,
                  SigapRegionLevel  level)
{
  const SigapImportRegion *region = g_hash_table_lookup (run->region_codes, text);

  if (region == NULL)
    {
      _sigap_import_reject (run, (int) column, _("Unknown region code “%s”"), text);
      return NULL;
    }

  if (region->level != level)
    {
      /* TRANSLATORS: "32.75.01 is the code of a kecamatan (Bekasi Timur), not of a kelurahan" */
      _sigap_import_reject (run, (int) column, _("%s is the code of %s (%s), not of %s"),
                            text, level_name (region->level), region->name, level_name (level));
      return NULL;
    }

  return region;
}

const SigapImportRegion *
_sigap_import_find_kelurahan (SigapImportRun *run,
                              guint           column)
{
  const char *text = _sigap_import_field (run, column);
  const char *name;
  const char *suggestion;
  gint64 id = 0;

  if (*text == '\0')
    {
      _sigap_import_reject (run, (int) column, _("No kelurahan given"));
      return NULL;
    }

  if (looks_like_code (text))
    return find_region_code (run, column, text, SIGAP_REGION_KELURAHAN);

  name = sigap_text_skip_prefix_word (text, sigap_region_kelurahan_words);
  switch (sigap_text_matcher_lookup (run->kelurahan, name, &id))
    {
    case SIGAP_TEXT_MATCH_FOUND:
      return region_by_id (run, id);

    case SIGAP_TEXT_MATCH_AMBIGUOUS:
      _sigap_import_reject (run, (int) column,
                            _("“%s” names more than one kelurahan: give its code, such as "
                              "32.75.01.1001"),
                            text);
      return NULL;

    case SIGAP_TEXT_MATCH_NONE:
    default:
      break;
    }

  suggestion = sigap_text_matcher_suggest (run->kelurahan, name, &id);
  if (suggestion != NULL)
    {
      const SigapImportRegion *region = region_by_id (run, id);
      const SigapImportRegion *parent = region_by_id (run, region->parent_id);

      /* TRANSLATORS: Unknown kelurahan “Bekasijya”; did you mean Bekasijaya (kecamatan
       * Bekasi Timur)? */
      _sigap_import_reject (run, (int) column,
                            _("Unknown kelurahan “%s”; did you mean %s (kecamatan %s)?"),
                            text, suggestion, parent != NULL ? parent->name : "?");
    }
  else
    _sigap_import_reject (run, (int) column, _("Unknown kelurahan “%s”"), text);

  return NULL;
}

const SigapImportRegion *
_sigap_import_find_kecamatan (SigapImportRun *run,
                              guint           column)
{
  const char *text = _sigap_import_field (run, column);
  const char *name;
  const char *suggestion;
  gint64 id = 0;

  if (looks_like_code (text))
    return find_region_code (run, column, text, SIGAP_REGION_KECAMATAN);

  name = sigap_text_skip_prefix_word (text, sigap_region_kecamatan_words);
  if (sigap_text_matcher_lookup (run->kecamatan, name, &id) == SIGAP_TEXT_MATCH_FOUND)
    return region_by_id (run, id);

  suggestion = sigap_text_matcher_suggest (run->kecamatan, name, NULL);
  if (suggestion != NULL)
    _sigap_import_reject (run, (int) column, _("Unknown kecamatan “%s”; did you mean %s?"),
                          text, suggestion);
  else
    _sigap_import_reject (run, (int) column, _("Unknown kecamatan “%s”"), text);

  return NULL;
}

/* The city, a kecamatan or a kelurahan, by code or by name. */
const SigapImportRegion *
_sigap_import_find_region (SigapImportRun *run,
                           guint           column)
{
  const char *text = _sigap_import_field (run, column);
  const char *name;
  SigapTextMatch kecamatan, kelurahan;
  gint64 kecamatan_id = 0, kelurahan_id = 0;
  const char *suggestion;
  gint64 id = 0;

  if (*text == '\0')
    {
      _sigap_import_reject (run, (int) column, _("No region given"));
      return NULL;
    }

  if (looks_like_code (text) || g_hash_table_contains (run->region_codes, text))
    {
      const SigapImportRegion *region = g_hash_table_lookup (run->region_codes, text);

      if (region == NULL)
        _sigap_import_reject (run, (int) column, _("Unknown region code “%s”"), text);
      return region;
    }

  /* "Kecamatan X" and "Kelurahan X" say which level is meant. */
  name = sigap_text_skip_prefix_word (text, sigap_region_kecamatan_words);
  if (name != text)
    return _sigap_import_find_kecamatan (run, column);
  name = sigap_text_skip_prefix_word (text, sigap_region_kelurahan_words);
  if (name != text)
    return _sigap_import_find_kelurahan (run, column);

  {
    g_autofree char *key = sigap_text_match_key (text);

    if (g_str_equal (key, "kotabekasi") || g_str_equal (key, "bekasi"))
      return g_hash_table_lookup (run->region_codes, SIGAP_CITY_CODE);
  }

  kecamatan = sigap_text_matcher_lookup (run->kecamatan, text, &kecamatan_id);
  kelurahan = sigap_text_matcher_lookup (run->kelurahan, text, &kelurahan_id);

  if (kecamatan == SIGAP_TEXT_MATCH_FOUND && kelurahan == SIGAP_TEXT_MATCH_NONE)
    return region_by_id (run, kecamatan_id);
  if (kelurahan == SIGAP_TEXT_MATCH_FOUND && kecamatan == SIGAP_TEXT_MATCH_NONE)
    return region_by_id (run, kelurahan_id);

  if (kecamatan != SIGAP_TEXT_MATCH_NONE || kelurahan != SIGAP_TEXT_MATCH_NONE)
    {
      _sigap_import_reject (run, (int) column,
                            _("“%s” names both a kecamatan and a kelurahan: give the code, or "
                              "write “Kecamatan %s” or “Kelurahan %s”"),
                            text, text, text);
      return NULL;
    }

  suggestion = sigap_text_matcher_suggest (run->kecamatan, text, &id);
  if (suggestion == NULL)
    suggestion = sigap_text_matcher_suggest (run->kelurahan, text, &id);

  if (suggestion != NULL)
    _sigap_import_reject (run, (int) column, _("Unknown region “%s”; did you mean %s (%s)?"),
                          text, suggestion, region_by_id (run, id)->code);
  else
    _sigap_import_reject (run, (int) column,
                          _("Unknown region “%s”: give a code such as 32.75.01 or a kecamatan "
                            "or kelurahan name"),
                          text);
  return NULL;
}

const SigapImportSector *
_sigap_import_find_sector (SigapImportRun *run,
                           guint           column)
{
  const char *text = _sigap_import_field (run, column);
  gint64 id = 0;
  g_autoptr(GPtrArray) closest = NULL;
  g_autofree char *suggestions = NULL;

  if (*text == '\0')
    {
      _sigap_import_reject (run, (int) column, _("No sector given"));
      return NULL;
    }

  if (sigap_text_matcher_lookup (run->sector, text, &id) == SIGAP_TEXT_MATCH_FOUND)
    return g_hash_table_lookup (run->sectors, &id);

  /* The closest few, then every valid name: the fix is often a sector the office calls
   * otherwise. */
  closest = sigap_text_matcher_suggest_several (run->sector, text, 3, NULL);
  if (closest->len > 0)
    {
      g_ptr_array_add (closest, NULL);
      suggestions = g_strjoinv (", ", (char **) closest->pdata);
      /* TRANSLATORS: Unknown sector “ojek”; did you mean Ojek Online, Ojek Pangkalan? Valid
       * sectors: … */
      _sigap_import_reject (run, (int) column,
                            _("Unknown sector “%s”; did you mean %s? Valid sectors: %s"),
                            text, suggestions, run->sector_names);
    }
  else
    _sigap_import_reject (run, (int) column, _("Unknown sector “%s”. Valid sectors: %s"), text,
                          run->sector_names);

  return NULL;
}

/* The segment's code, "rentan" or "ekosistem". */
const char *
_sigap_import_find_segment (SigapImportRun *run,
                            guint           column)
{
  const char *text = _sigap_import_field (run, column);
  gint64 id = 0;

  if (sigap_text_matcher_lookup (run->segment, text, &id) == SIGAP_TEXT_MATCH_FOUND)
    return g_ptr_array_index (run->segment_codes, id);

  if (*text == '\0')
    _sigap_import_reject (run, (int) column, _("No segment given: use rentan or ekosistem"));
  else
    _sigap_import_reject (run, (int) column, _("Unknown segment “%s”: use rentan or ekosistem"),
                          text);
  return NULL;
}

/* A funding source as the database already spells it ("APBD" for "apbd"), or a new one with
 * its spaces tidied. */
const char *
_sigap_import_find_funding (SigapImportRun *run,
                            guint           column)
{
  const char *text = _sigap_import_field (run, column);
  g_auto(GStrv) words = NULL;
  gint64 id = 0;

  if (sigap_text_matcher_lookup (run->funding, text, &id) == SIGAP_TEXT_MATCH_FOUND)
    return g_ptr_array_index (run->funding_names, id);

  words = g_strsplit_set (text, " \t", -1);
  {
    g_autoptr(GString) tidy = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (tidy, "%s%s", tidy->len > 0 ? " " : "", words[i]);

    if (tidy->len == 0)
      {
        _sigap_import_reject (run, (int) column, _("No funding source given, such as APBD"));
        return NULL;
      }

    id = run->funding_names->len;
    g_ptr_array_add (run->funding_names, g_string_free (g_steal_pointer (&tidy), FALSE));
  }

  sigap_text_matcher_add (run->funding, g_ptr_array_index (run->funding_names, id), id, NULL);
  return g_ptr_array_index (run->funding_names, id);
}

gboolean
_sigap_import_get_required (SigapImportRun  *run,
                            guint            column,
                            const char     **out_value)
{
  const char *value = _sigap_import_field (run, column);

  if (*value == '\0')
    {
      _sigap_import_reject (run, (int) column, _("Empty, but this column needs a value"));
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

/* A date as ISO text, "" when empty and not @required; dates after today are refused. */
gboolean
_sigap_import_get_date (SigapImportRun *run,
                        guint           column,
                        gboolean        required,
                        char            out_iso[11])
{
  const char *text = _sigap_import_field (run, column);
  g_autoptr(GError) error = NULL;
  int day, month, year;

  out_iso[0] = '\0';

  if (*text == '\0')
    {
      if (required)
        _sigap_import_reject (run, (int) column, _("No date given"));
      return !required;
    }

  if (!sigap_import_parse_date_dmy (text, &day, &month, &year, &error))
    {
      _sigap_import_reject_error (run, (int) column, error);
      return FALSE;
    }

  if (year * 10000 + month * 100 + day > run->today_key)
    {
      GDate date;
      g_autofree char *shown = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      shown = sigap_format_date (&date, sigap_lang_from_locale (), FALSE);
      _sigap_import_reject (run, (int) column, _("%s is in the future"), shown);
      return FALSE;
    }

  /* YYYY-MM-DD, by hand: this runs for every date of every line. */
  for (int i = 3; i >= 0; i--, year /= 10)
    out_iso[i] = (char) ('0' + year % 10);
  out_iso[4] = '-';
  out_iso[5] = (char) ('0' + month / 10);
  out_iso[6] = (char) ('0' + month % 10);
  out_iso[7] = '-';
  out_iso[8] = (char) ('0' + day / 10);
  out_iso[9] = (char) ('0' + day % 10);
  out_iso[10] = '\0';
  return TRUE;
}

gboolean
_sigap_import_get_year (SigapImportRun *run,
                        guint           column,
                        int            *out_year)
{
  const char *text = _sigap_import_field (run, column);
  guint64 year = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 2000, 2100, &year, NULL))
    {
      if (*text == '\0')
        _sigap_import_reject (run, (int) column, _("No year given"));
      else
        _sigap_import_reject (run, (int) column, _("Year “%s” is not between 2000 and 2100"),
                              text);
      return FALSE;
    }

  *out_year = (int) year;
  return TRUE;
}

/* --- Reference data ------------------------------------------------------------------- */

static void
region_free (gpointer data)
{
  SigapImportRegion *region = data;

  g_free (region->code);
  g_free (region->name);
  g_free (region);
}

static void
sector_free (gpointer data)
{
  SigapImportSector *sector = data;

  g_free (sector->code);
  g_free (sector->name);
  g_free (sector->segment);
  g_free (sector);
}

static gboolean
load_reference (SigapImportRun  *run,
                GError         **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GString) sector_names = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  GPtrArray *all;
  int rc;

  run->regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, region_free);
  run->region_codes = g_hash_table_new (g_str_hash, g_str_equal);
  run->sectors = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, sector_free);
  run->kelurahan = sigap_text_matcher_new ();
  run->kecamatan = sigap_text_matcher_new ();
  run->sector = sigap_text_matcher_new ();
  run->segment = sigap_text_matcher_new ();
  run->segment_codes = g_ptr_array_new_with_free_func (g_free);
  run->funding = sigap_text_matcher_new ();
  run->funding_names = g_ptr_array_new_with_free_func (g_free);

  tree = sigap_regions_load (run->db, error);
  if (tree == NULL)
    return FALSE;
  all = sigap_regions_get_all (tree);
  for (guint i = 0; i < all->len; i++)
    {
      const SigapRegion *source = g_ptr_array_index (all, i);
      SigapImportRegion *region = g_new0 (SigapImportRegion, 1);
      SigapTextMatcher *matcher = NULL;

      region->id = source->id;
      region->code = g_strdup (source->code);
      region->name = g_strdup (source->name);
      region->parent_id = source->parent != NULL ? source->parent->id : 0;
      region->level = g_strcmp0 (source->level, "kelurahan") == 0 ? SIGAP_REGION_KELURAHAN :
                      g_strcmp0 (source->level, "kecamatan") == 0 ? SIGAP_REGION_KECAMATAN :
                      SIGAP_REGION_KOTA;

      g_hash_table_insert (run->regions, &region->id, region);
      g_hash_table_insert (run->region_codes, region->code, region);
      if (region->level == SIGAP_REGION_KELURAHAN)
        matcher = run->kelurahan;
      else if (region->level == SIGAP_REGION_KECAMATAN)
        matcher = run->kecamatan;
      if (matcher == NULL)
        continue;

      sigap_text_matcher_add (matcher, region->name, region->id, NULL);
      for (guint j = 0; j < source->aliases->len; j++)
        sigap_text_matcher_add (matcher, g_ptr_array_index (source->aliases, j), region->id,
                                region->name);
    }

  stmt = _sigap_import_prepare (run, "SELECT id, code, name, segment FROM sector "
                                     "ORDER BY segment DESC, sort_order, id", error);
  if (stmt == NULL)
    return FALSE;
  sector_names = g_string_new (NULL);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapImportSector *sector = g_new0 (SigapImportSector, 1);

      sector->id = sigap_statement_column_int64 (stmt, 0);
      sector->code = g_strdup (sigap_statement_column_text (stmt, 1));
      sector->name = g_strdup (sigap_statement_column_text (stmt, 2));
      sector->segment = g_strdup (sigap_statement_column_text (stmt, 3));
      g_hash_table_insert (run->sectors, &sector->id, sector);
      sigap_text_matcher_add (run->sector, sector->name, sector->id, NULL);
      sigap_text_matcher_add (run->sector, sector->code, sector->id, sector->name);
      g_string_append_printf (sector_names, "%s%s", sector_names->len > 0 ? ", " : "",
                              sector->name);
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot read the sectors"));
  g_clear_pointer (&stmt, sigap_statement_free);
  g_free (run->sector_names);
  run->sector_names = g_string_free (g_steal_pointer (&sector_names), FALSE);

  stmt = _sigap_import_prepare (run, "SELECT sector_id, alias FROM sector_alias", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      gint64 id = sigap_statement_column_int64 (stmt, 0);
      const SigapImportSector *sector = g_hash_table_lookup (run->sectors, &id);

      if (sector != NULL)
        sigap_text_matcher_add (run->sector, sigap_statement_column_text (stmt, 1), id,
                                sector->name);
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot read the sectors"));
  g_clear_pointer (&stmt, sigap_statement_free);

  stmt = _sigap_import_prepare (run, "SELECT code, name FROM segment", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      gint64 id = run->segment_codes->len;
      const char *code = sigap_statement_column_text (stmt, 0);

      g_ptr_array_add (run->segment_codes, g_strdup (code));
      sigap_text_matcher_add (run->segment, code, id, NULL);
      sigap_text_matcher_add (run->segment, sigap_statement_column_text (stmt, 1), id,
                              NULL);
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot read the segments"));
  g_clear_pointer (&stmt, sigap_statement_free);

  /* The spellings already in use, so that "apbd" joins "APBD" instead of starting a source
   * of its own. */
  g_ptr_array_add (run->funding_names, g_strdup ("APBD"));
  sigap_text_matcher_add (run->funding, "APBD", 0, NULL);
  stmt = _sigap_import_prepare (run, "SELECT funding_source FROM budget "
                                     "UNION SELECT funding_source FROM payment", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      const char *name = sigap_statement_column_text (stmt, 0);
      gint64 id = run->funding_names->len;

      if (sigap_text_matcher_lookup (run->funding, name, NULL) != SIGAP_TEXT_MATCH_NONE)
        continue;
      g_ptr_array_add (run->funding_names, g_strdup (name));
      sigap_text_matcher_add (run->funding, name, id, NULL);
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot read the funding sources"));

  return TRUE;
}

/* --- Header --------------------------------------------------------------------------- */

static gboolean
column_matches (const SigapImportColumn *column,
                const char              *key)
{
  g_auto(GStrv) aliases = NULL;
  g_autofree char *name_key = sigap_text_match_key (column->name);

  if (g_str_equal (name_key, key))
    return TRUE;

  aliases = g_strsplit (column->aliases, "|", -1);
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = sigap_text_match_key (aliases[i]);

      if (g_str_equal (alias_key, key))
        return TRUE;
    }

  return FALSE;
}

static gboolean
map_header (SigapImportRun  *run,
            GError         **error)
{
  const SigapImportKindClass *klass = run->klass;
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (sigap_csv_reader_get_problem (run->reader) != NULL)
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MALFORMED,
                   _("The header cannot be read: %s"), sigap_csv_reader_get_problem (run->reader));
      return FALSE;
    }

  run->n_header_fields = sigap_csv_reader_get_n_fields (run->reader);
  run->header_raw = g_strdup (sigap_csv_reader_get_raw (run->reader));

  for (guint c = 0; c < SIGAP_IMPORT_MAX_COLUMNS; c++)
    run->field_of[c] = -1;

  for (guint f = 0; f < run->n_header_fields; f++)
    {
      const char *text = sigap_csv_reader_get_field (run->reader, f);
      g_autofree char *key = sigap_text_match_key (text);
      gboolean used = FALSE;

      if (*key == '\0')
        {
          if (*text != '\0')
            g_strv_builder_add (ignored, text);
          continue;
        }

      /* The first column of a name wins; a second one ("kelurahan" beside "kode kelurahan")
       * is listed as ignored. */
      for (guint c = 0; c < klass->n_columns && !used; c++)
        if (run->field_of[c] < 0 && column_matches (&klass->columns[c], key))
          {
            run->field_of[c] = (int) f;
            run->header_of[c] = g_strdup (text);
            used = TRUE;
          }

      if (!used)
        g_strv_builder_add (ignored, text);
    }

  run->result->ignored_columns = g_strv_builder_end (ignored);

  for (guint c = 0; c < klass->n_columns; c++)
    if (klass->columns[c].required && run->field_of[c] < 0)
      g_ptr_array_add (missing, (gpointer) klass->columns[c].name);

  if (missing->len == 1)
    {
      const SigapImportColumn *column = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *aliases = NULL;

      for (guint c = 0; c < klass->n_columns; c++)
        if (g_str_equal (klass->columns[c].name, g_ptr_array_index (missing, 0)))
          column = &klass->columns[c];
      g_assert (column != NULL);

      parts = g_strsplit (column->aliases, "|", -1);
      aliases = g_strjoinv (", ", parts);
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MISSING_COLUMN,
                   _("Required column “%s” is missing (also accepted: %s)"),
                   column->name, aliases);
      return FALSE;
    }

  if (missing->len > 1)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (missing, NULL);
      names = g_strjoinv (", ", (GStrv) missing->pdata);
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MISSING_COLUMN,
                   _("Required columns are missing: %s"), names);
      return FALSE;
    }

  return TRUE;
}

/* --- The run -------------------------------------------------------------------------- */

/* Releases the kind's state (once: finish () clears kind_data). */
static void
finish_kind (SigapImportRun *run)
{
  if (run->klass != NULL && run->klass->finish != NULL && run->kind_data != NULL)
    run->klass->finish (run);
}

static void
run_clear (SigapImportRun *run)
{
  finish_kind (run);

  g_clear_pointer (&run->insert_reject, sigap_statement_free);
  g_clear_pointer (&run->regions, g_hash_table_unref);
  g_clear_pointer (&run->region_codes, g_hash_table_unref);
  g_clear_pointer (&run->sectors, g_hash_table_unref);
  g_clear_pointer (&run->sector_names, g_free);
  g_clear_pointer (&run->kelurahan, sigap_text_matcher_free);
  g_clear_pointer (&run->kecamatan, sigap_text_matcher_free);
  g_clear_pointer (&run->sector, sigap_text_matcher_free);
  g_clear_pointer (&run->segment, sigap_text_matcher_free);
  g_clear_pointer (&run->segment_codes, g_ptr_array_unref);
  g_clear_pointer (&run->funding, sigap_text_matcher_free);
  g_clear_pointer (&run->funding_names, g_ptr_array_unref);
  g_clear_pointer (&run->reader, sigap_csv_reader_free);
  g_clear_pointer (&run->result, sigap_import_result_unref);
  g_clear_pointer (&run->header_raw, g_free);
  if (run->rejects_line != NULL)
    g_string_free (g_steal_pointer (&run->rejects_line), TRUE);
  for (guint c = 0; c < SIGAP_IMPORT_MAX_COLUMNS; c++)
    g_clear_pointer (&run->header_of[c], g_free);
  g_clear_error (&run->error);
}

static gboolean
insert_batch (SigapImportRun  *run,
              const char      *file_name,
              GError         **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  char separator[2] = { sigap_csv_reader_get_separator (run->reader), '\0' };
  g_autofree char *user = sigap_database_get_user (run->db);

  stmt = _sigap_import_prepare (run,
                                "INSERT INTO import_batch (kind, file_name, checksum, "
                                "imported_at, header, separator, encoding, imported_by) "
                                "VALUES (?, ?, '', ?, ?, ?, ?, ?)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, sigap_import_kind_to_string (run->kind));
  sigap_statement_bind_text (stmt, 2, file_name);
  sigap_statement_bind_text (stmt, 3, imported_at);
  sigap_statement_bind_text (stmt, 4, run->header_raw);
  sigap_statement_bind_text (stmt, 5, separator);
  sigap_statement_bind_text (stmt, 6,
                     sigap_csv_encoding_to_string (sigap_csv_reader_get_encoding (run->reader)));
  if (user != NULL)
    sigap_statement_bind_text (stmt, 7, user);
  else
    sigap_statement_bind_null (stmt, 7);
  if (sigap_statement_step (stmt) != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot record the import"));

  g_free (run->result->imported_by);
  run->result->imported_by = g_steal_pointer (&user);
  g_free (run->result->imported_at);
  run->result->imported_at = g_strdup (imported_at);

  run->batch_id = sigap_database_last_insert_id (run->db);

  run->insert_reject = _sigap_import_prepare (run,
                                              "INSERT INTO import_reject (batch_id, line, "
                                              "column_name, reason, raw) "
                                              "VALUES (?5, ?1, ?2, ?3, ?4)",
                                              error);
  if (run->insert_reject == NULL)
    return FALSE;
  sigap_statement_bind_int64 (run->insert_reject, 5, run->batch_id);

  return TRUE;
}

static char *
ignored_columns_json (GStrv columns)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    json_builder_add_string_value (builder, columns[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
finish_batch (SigapImportRun  *run,
              GError         **error)
{
  SigapImportResult *result = run->result;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *ignored = ignored_columns_json (result->ignored_columns);

  stmt = _sigap_import_prepare (run,
                                "UPDATE import_batch SET checksum = ?2, encoding = ?3, "
                                "rows_read = ?4, rows_added = ?5, rows_updated = ?6, "
                                "rows_unchanged = ?7, rows_rejected = ?8, rows_flagged = ?9, "
                                "ignored_columns = ?10 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_int64 (stmt, 1, run->batch_id);
  sigap_statement_bind_text (stmt, 2, result->checksum);
  sigap_statement_bind_text (stmt, 3, result->encoding);
  sigap_statement_bind_int64 (stmt, 4, result->read);
  sigap_statement_bind_int64 (stmt, 5, result->added);
  sigap_statement_bind_int64 (stmt, 6, result->updated);
  sigap_statement_bind_int64 (stmt, 7, result->unchanged);
  sigap_statement_bind_int64 (stmt, 8, result->rejected);
  sigap_statement_bind_int64 (stmt, 9, result->flagged);
  sigap_statement_bind_text (stmt, 10, ignored);
  if (sigap_statement_step (stmt) != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot record the import"));

  return TRUE;
}

/* An earlier batch of the same kind from a file with the same bytes, or 0. */
static gint64
find_earlier_batch (SigapImportRun *run)
{
  g_autoptr(SigapStatement) stmt = NULL;

  stmt = _sigap_import_prepare (run,
                                "SELECT id FROM import_batch WHERE kind = ? AND checksum = ? "
                                "AND id <> ? ORDER BY id LIMIT 1",
                                NULL);
  if (stmt == NULL)
    return 0;

  sigap_statement_bind_text (stmt, 1, sigap_import_kind_to_string (run->kind));
  sigap_statement_bind_text (stmt, 2, run->result->checksum);
  sigap_statement_bind_int64 (stmt, 3, run->batch_id);
  return sigap_statement_step (stmt) == SIGAP_STEP_ROW ? sigap_statement_column_int64 (stmt, 0) : 0;
}

static SigapImportRow
check_shape (SigapImportRun *run)
{
  guint n_fields = sigap_csv_reader_get_n_fields (run->reader);
  const char *problem = sigap_csv_reader_get_problem (run->reader);

  /* Bytes that are no text: nothing read from the line can be trusted. */
  if (problem != NULL)
    {
      _sigap_import_reject (run, -1, "%s", problem);
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  if (sigap_csv_reader_get_unclosed (run->reader))
    {
      _sigap_import_reject (run, -1,
                            _("A quoted value that starts on this line is never closed: the "
                              "rest of the file was read as part of it"));
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  /* More values than columns, beyond empty trailing ones: most often a comma inside a name
   * that was not quoted, which shifts every later value into the wrong column. */
  for (guint f = run->n_header_fields; f < n_fields; f++)
    if (*sigap_csv_reader_get_field (run->reader, f) != '\0')
      {
        _sigap_import_reject (run, -1,
                              _("The line has %u values but the header has %u columns: is "
                                "there an unquoted separator (“%c”) inside a value?"),
                              n_fields, run->n_header_fields,
                              sigap_csv_reader_get_separator (run->reader));
        return SIGAP_IMPORT_ROW_REJECTED;
      }

  return SIGAP_IMPORT_ROW_ADDED;
}

static void
report_progress (ProgressSink  sink,
                 gpointer      sink_data,
                 guint64       bytes,
                 gint64        line,
                 goffset       size,
                 double       *last,
                 gboolean      force)
{
  double fraction;

  if (sink == NULL)
    return;

  fraction = size > 0 ? MIN (1.0, (double) bytes / size) : -1.0;
  if (!force && fraction >= 0 && fraction - *last < PROGRESS_STEP)
    return;

  *last = fraction;
  sink (fraction, line, sink_data);
}

static gboolean
count_row (SigapImportRun  *run,
           SigapImportRow   row,
           GError         **error)
{
  SigapImportResult *result = run->result;

  if (run->error != NULL)
    row = SIGAP_IMPORT_ROW_FAILED;

  switch (row)
    {
    case SIGAP_IMPORT_ROW_ADDED:
      result->added++;
      break;
    case SIGAP_IMPORT_ROW_UPDATED:
      result->updated++;
      break;
    case SIGAP_IMPORT_ROW_UNCHANGED:
      result->unchanged++;
      break;
    case SIGAP_IMPORT_ROW_REJECTED:
      result->rejected++;
      break;
    case SIGAP_IMPORT_ROW_FAILED:
    default:
      g_propagate_error (error, g_steal_pointer (&run->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_error_to_import_error (GError  *read_error,
                            GError **error)
{
  if (read_error->domain == SIGAP_CSV_ERROR && read_error->code != SIGAP_CSV_ERROR_READ)
    g_set_error_literal (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_MALFORMED,
                         read_error->message);
  else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (read_error));
  else
    g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_READ,
                 _("Cannot read the file: %s"), read_error->message);
  return FALSE;
}

/* Kinds with a row () vfunc: read, check and write one record at a time. */
static gboolean
import_rows_serial (SigapImportRun  *run,
                    ProgressSink     sink,
                    gpointer         sink_data,
                    goffset          size,
                    GError         **error)
{
  g_autoptr(GError) read_error = NULL;
  double last_progress = 0;

  while (sigap_csv_reader_next (run->reader, run->cancellable, &read_error))
    {
      SigapImportRow row;

      run->result->read++;
      run->line = sigap_csv_reader_get_line (run->reader);
      run->raw = sigap_csv_reader_get_raw (run->reader);

      row = check_shape (run);
      if (row == SIGAP_IMPORT_ROW_ADDED)
        row = run->klass->row (run);
      if (!count_row (run, row, error))
        return FALSE;

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;

      if ((run->result->read & 1023) == 0)
        report_progress (sink, sink_data, sigap_csv_reader_get_bytes_read (run->reader),
                         run->line, size, &last_progress, FALSE);
    }

  if (read_error != NULL)
    return read_error_to_import_error (read_error, error);

  report_progress (sink, sink_data, sigap_csv_reader_get_bytes_read (run->reader), run->line,
                   size, &last_progress, TRUE);
  return TRUE;
}

/* Kinds with validate () and apply (): a reading thread reads and checks records in batches
 * while this thread writes them. A fixed number of batches circulates between the two, so
 * memory stays that of PIPELINE_BATCHES × PIPELINE_BATCH records. */
#define PIPELINE_BATCH 512
#define PIPELINE_BATCHES 8

typedef struct
{
  SigapImportItem items[PIPELINE_BATCH];
  guint           n_items;
  gboolean        last;
} Batch;

typedef struct
{
  SigapImportRun  reading;     /* a copy of the run for the reading thread */
  GAsyncQueue    *full;
  GAsyncQueue    *empty;
  gint            stop;
  GError         *read_error;
} Pipeline;

static gpointer
read_records (gpointer data)
{
  Pipeline *pipeline = data;
  SigapImportRun *run = &pipeline->reading;
  Batch *batch = g_async_queue_pop (pipeline->empty);

  batch->n_items = 0;
  while (!g_atomic_int_get (&pipeline->stop) &&
         sigap_csv_reader_next (run->reader, run->cancellable, &pipeline->read_error))
    {
      SigapImportItem *item = &batch->items[batch->n_items++];

      /* Made when first needed: a small file uses a few of the items. */
      if (item->raw == NULL)
        {
          item->raw = g_string_new (NULL);
          item->reason = g_string_new (NULL);
          item->data = run->klass->item_new ();
        }

      item->line = sigap_csv_reader_get_line (run->reader);
      item->bytes = sigap_csv_reader_get_bytes_read (run->reader);
      g_string_assign (item->raw, sigap_csv_reader_get_raw (run->reader));
      item->rejected = FALSE;
      g_string_truncate (item->reason, 0);

      run->line = item->line;
      run->raw = item->raw->str;
      run->item = item;
      if (check_shape (run) == SIGAP_IMPORT_ROW_ADDED)
        run->klass->validate (run, item);

      if (batch->n_items == PIPELINE_BATCH)
        {
          g_async_queue_push (pipeline->full, batch);
          batch = g_async_queue_pop (pipeline->empty);
          batch->n_items = 0;
        }
    }

  batch->last = TRUE;
  g_async_queue_push (pipeline->full, batch);
  return NULL;
}

static gboolean
apply_batch (SigapImportRun  *run,
             Batch           *batch,
             ProgressSink     sink,
             gpointer         sink_data,
             goffset          size,
             double          *last_progress,
             GError         **error)
{
  if (run->klass->apply_begin != NULL &&
      !run->klass->apply_begin (run, batch->items, batch->n_items, error))
    return FALSE;

  for (guint i = 0; i < batch->n_items; i++)
    {
      SigapImportItem *item = &batch->items[i];
      SigapImportRow row;

      run->result->read++;
      run->line = item->line;
      run->raw = item->raw->str;

      if (item->rejected)
        {
          record_rejection (run, item->column, item->reason->str);
          row = SIGAP_IMPORT_ROW_REJECTED;
        }
      else
        row = run->klass->apply (run, item);

      if (!count_row (run, row, error) ||
          g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;

      if ((run->result->read & 1023) == 0)
        report_progress (sink, sink_data, item->bytes, item->line, size, last_progress, FALSE);
    }

  return TRUE;
}

static gboolean
import_rows_pipelined (SigapImportRun  *run,
                       ProgressSink     sink,
                       gpointer         sink_data,
                       goffset          size,
                       GError         **error)
{
  const SigapImportKindClass *klass = run->klass;
  Pipeline pipeline = { 0 };
  Batch *batches = g_new0 (Batch, PIPELINE_BATCHES);
  GThread *thread;
  gboolean ok = TRUE;
  gboolean done = FALSE;
  double last_progress = 0;

  pipeline.full = g_async_queue_new ();
  pipeline.empty = g_async_queue_new ();
  for (guint b = 0; b < PIPELINE_BATCHES; b++)
    g_async_queue_push (pipeline.empty, &batches[b]);

  /* The reading thread's own view of the run: the reader and the reference data are its
   * alone from now on; the database, the statements and the result stay here. */
  pipeline.reading = *run;
  thread = g_thread_new ("sigap-import-read", read_records, &pipeline);

  while (!done)
    {
      Batch *batch = g_async_queue_pop (pipeline.full);

      done = batch->last;
      if (ok)
        ok = apply_batch (run, batch, sink, sink_data, size, &last_progress, error);
      if (!ok)
        g_atomic_int_set (&pipeline.stop, TRUE);
      g_async_queue_push (pipeline.empty, batch);
    }

  g_thread_join (thread);

  if (ok && pipeline.read_error != NULL)
    ok = read_error_to_import_error (pipeline.read_error, error);
  else if (ok)
    report_progress (sink, sink_data, sigap_csv_reader_get_bytes_read (run->reader), run->line,
                     size, &last_progress, TRUE);

  g_clear_error (&pipeline.read_error);
  for (guint b = 0; b < PIPELINE_BATCHES; b++)
    for (guint i = 0; i < PIPELINE_BATCH && batches[b].items[i].raw != NULL; i++)
      {
        g_string_free (batches[b].items[i].raw, TRUE);
        g_string_free (batches[b].items[i].reason, TRUE);
        klass->item_free (batches[b].items[i].data);
      }
  g_free (batches);
  g_async_queue_unref (pipeline.full);
  g_async_queue_unref (pipeline.empty);

  return ok;
}

static gboolean
import_rows (SigapImportRun  *run,
             ProgressSink     sink,
             gpointer         sink_data,
             goffset          size,
             GError         **error)
{
  if (run->klass->validate != NULL)
    return import_rows_pipelined (run, sink, sink_data, size, error);

  return import_rows_serial (run, sink, sink_data, size, error);
}

static gboolean
write_rejects_header (SigapImportRun  *run,
                      GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  if (run->rejects == NULL)
    return TRUE;

  _sigap_import_format_rejects_header (text, sigap_csv_reader_get_separator (run->reader),
                                       run->header_raw);
  if (!g_output_stream_write_all (run->rejects, text->str, text->len, NULL, run->cancellable,
                                  &local_error))
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED,
                   _("Cannot write the rejected lines: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gint64
_sigap_import_query_int (SigapDatabase *db,
                         const char    *sql)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, NULL);

  if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return 0;

  return sigap_statement_column_int64 (stmt, 0);
}

/* Changing temp_store drops the connection's temporary tables, so the caller's connection is
 * left alone when it has any: the setting is only for speed. */
void
_sigap_import_set_temp_store (SigapDatabase *db,
                              const char    *value)
{
  g_autofree char *sql = NULL;

  if (_sigap_import_query_int (db, "SELECT count (*) FROM temp.sqlite_schema") > 0)
    return;

  sql = g_strdup_printf ("PRAGMA temp_store = %s", value);
  sigap_database_exec (db, sql, NULL);
}

/* G_MESSAGES_DEBUG=all shows where the time of a large import goes. */
void
_sigap_import_trace_phase (SigapImportRun *run,
                           const char     *phase)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("Import: %s after %.2f s (%+.2f s)", phase,
           (now - run->started) / (double) G_USEC_PER_SEC,
           (now - run->phase_started) / (double) G_USEC_PER_SEC);
  run->phase_started = now;
}

/* Who made batch @id and when, into the result: for a file imported before. */
static void
read_batch_origin (SigapImportRun  *run,
                   gint64           id)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_clear_pointer (&run->result->imported_by, g_free);
  g_clear_pointer (&run->result->imported_at, g_free);

  stmt = sigap_database_prepare (run->db,
                                 "SELECT imported_by, imported_at FROM import_batch WHERE id = ?1",
                                 NULL);
  if (stmt == NULL)
    return;
  sigap_statement_bind_int64 (stmt, 1, id);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return;
  run->result->imported_by = g_strdup (sigap_statement_column_text (stmt, 0));
  run->result->imported_at = g_strdup (sigap_statement_column_text (stmt, 1));
}

/* Everything between reading the header and the end of the transaction. */
static gboolean
import_in_transaction (SigapImporter   *self,
                       SigapImportRun  *run,
                       const char      *file_name,
                       ProgressSink     sink,
                       gpointer         sink_data,
                       goffset          size,
                       GError         **error)
{
  SigapImportResult *result = run->result;

  run->started = run->phase_started = g_get_monotonic_time ();
  if (!sigap_database_begin (run->db, error))
    return FALSE;

  if (!sigap_database_lock_writers (run->db, error) ||
      !load_reference (run, error) ||
      !insert_batch (run, file_name, error) ||
      !run->klass->prepare (run, error) ||
      !write_rejects_header (run, error) ||
      !import_rows (run, sink, sink_data, size, error))
    goto fail;
  _sigap_import_trace_phase (run, "rows written");

  if (sink != NULL)
    sink (SIGAP_IMPORT_PROGRESS_SAVING, run->line, sink_data);
  if (run->klass->complete != NULL && !run->klass->complete (run, error))
    goto fail;
  _sigap_import_trace_phase (run, "import completed");

  result->checksum = sigap_csv_reader_get_checksum (run->reader);
  result->encoding = g_strdup (sigap_csv_encoding_to_string (
                                 sigap_csv_reader_get_encoding (run->reader)));

  if (!finish_batch (run, error))
    goto fail;

  if (self->dry_run)
    {
      sigap_database_rollback (run->db);
      result->batch_id = 0;
      g_clear_pointer (&result->imported_by, g_free);
      g_clear_pointer (&result->imported_at, g_free);
      return TRUE;
    }

  /* The same file again, and nothing in it is new: leave the database exactly as it was,
   * without even a second batch record. */
  if (result->added == 0 && result->updated == 0)
    {
      gint64 earlier = find_earlier_batch (run);

      if (earlier > 0)
        {
          sigap_database_rollback (run->db);
          result->already_imported = TRUE;
          result->batch_id = earlier;
          read_batch_origin (run, earlier);
          return TRUE;
        }
    }

  if (!sigap_database_update_cutoff (run->db, error) ||
      !sigap_database_notify_changed (run->db, error) ||
      !sigap_database_commit (run->db, error))
    goto fail;
  _sigap_import_trace_phase (run, "committed");

  result->batch_id = run->batch_id;
  return TRUE;

fail:
  sigap_database_rollback (run->db);
  return FALSE;
}

static SigapImportResult *
run_import (SigapImporter  *self,
            SigapDatabase  *db,
            GInputStream   *input,
            const char     *file_name,
            goffset         size,
            ProgressSink    sink,
            gpointer        sink_data,
            GCancellable   *cancellable,
            GError        **error)
{
  SigapImportRun run = { 0 };
  g_autoptr(GError) read_error = NULL;
  g_autofree char *restore = NULL;
  gint64 old_cache_size = 0, old_temp_store = 0, old_foreign_keys = 1;
  gboolean sqlite;
  gboolean ok;

  if (sigap_database_is_read_only (db))
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED,
                   _("The database “%s” is read-only"), sigap_database_get_path (db));
      return NULL;
    }

  run.kind = self->kind;
  run.klass = kind_class (self->kind);
  run.db = db;
  run.cancellable = cancellable;
  run.reader = sigap_csv_reader_new (input);
  run.result = result_new (self->kind, file_name);
  run.result->dry_run = self->dry_run;
  run.rejects = self->rejects;
  run.rejects_line = g_string_new (NULL);
  run.size = size;
  run.bulk = self->bulk;
  g_assert (run.klass->n_columns <= SIGAP_IMPORT_MAX_COLUMNS);

  g_date_clear (&run.today, 1);
  if (self->has_today)
    run.today = self->today;
  else
    g_date_set_time_t (&run.today, time (NULL));
  run.today_key = g_date_get_year (&run.today) * 10000 + g_date_get_month (&run.today) * 100 +
                  g_date_get_day (&run.today);

  if (!sigap_csv_reader_next (run.reader, cancellable, &read_error))
    {
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&read_error));
      else if (read_error != NULL)
        g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_READ,
                     _("Cannot read “%s”: %s"), file_name, read_error->message);
      else
        g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_EMPTY,
                     _("“%s” is empty: it has no header line"), file_name);
      run_clear (&run);
      return NULL;
    }

  run.result->separator = sigap_csv_reader_get_separator (run.reader);
  if (!map_header (&run, error))
    {
      run_clear (&run);
      return NULL;
    }

  /* For this import only: a page cache big enough for the NIK index; temporary files (not
   * memory) for the sorter of CREATE INDEX after a bulk load, so that it works in bounded
   * memory and in worker threads (statement journals stay in memory up to 64 KiB either
   * way, and temp_store cannot change once the transaction has begun); and no foreign-key
   * checks: every reference the importer writes comes from the reference tables it read in
   * the same transaction (the tests run foreign_key_check). */
  sqlite = sigap_database_get_engine (run.db) == SIGAP_DATABASE_ENGINE_SQLITE;
  if (sqlite)
    {
      old_cache_size = _sigap_import_query_int (run.db, "PRAGMA cache_size");
      old_temp_store = _sigap_import_query_int (run.db, "PRAGMA temp_store");
      old_foreign_keys = _sigap_import_query_int (run.db, "PRAGMA foreign_keys");
      sigap_database_exec (run.db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB) ";"
                           "PRAGMA foreign_keys = OFF", NULL);
      _sigap_import_set_temp_store (run.db, "FILE");
    }

  ok = import_in_transaction (self, &run, file_name, sink, sink_data, size, error);
  self->used_bulk = run.used_bulk;
  /* Before temp_store is restored, which a temporary table of the kind's would prevent. */
  finish_kind (&run);

  if (sqlite)
    {
      restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                                 "PRAGMA foreign_keys = %" G_GINT64_FORMAT,
                                 old_cache_size, old_foreign_keys);
      sigap_database_exec (run.db, restore, NULL);
      _sigap_import_set_temp_store (run.db, old_temp_store == 2 ? "MEMORY" :
                                                old_temp_store == 1 ? "FILE" : "DEFAULT");
    }

  if (ok)
    {
      SigapImportResult *result = g_steal_pointer (&run.result);

      run_clear (&run);
      return result;
    }

  run_clear (&run);
  return NULL;
}

/* --- SigapImporter -------------------------------------------------------------------- */

void
_sigap_importer_set_bulk (SigapImporter   *self,
                          SigapImportBulk  bulk)
{
  self->bulk = bulk;
}

gboolean
_sigap_importer_get_used_bulk (SigapImporter *self)
{
  return self->used_bulk;
}

static void
sigap_importer_finalize (GObject *object)
{
  SigapImporter *self = (SigapImporter *)object;

  g_clear_object (&self->rejects);
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  G_OBJECT_CLASS (sigap_importer_parent_class)->finalize (object);
}

static void
sigap_importer_class_init (SigapImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_importer_finalize;
}

static void
sigap_importer_init (SigapImporter *self)
{
  g_date_clear (&self->today, 1);
}

SigapImporter *
sigap_importer_new (SigapImportKind kind)
{
  SigapImporter *self;

  g_return_val_if_fail (kind <= SIGAP_IMPORT_PAYMENTS, NULL);

  self = g_object_new (SIGAP_TYPE_IMPORTER, NULL);
  self->kind = kind;
  return self;
}

SigapImportKind
sigap_importer_get_kind (SigapImporter *self)
{
  g_return_val_if_fail (SIGAP_IS_IMPORTER (self), SIGAP_IMPORT_PARTICIPANTS);

  return self->kind;
}

/* Validates and counts everything, records nothing. */
void
sigap_importer_set_dry_run (SigapImporter *self,
                            gboolean       dry_run)
{
  g_return_if_fail (SIGAP_IS_IMPORTER (self));

  self->dry_run = !!dry_run;
}

/* The date after which a date is "in the future"; %NULL (the default) for the system date.
 * Tests set it so that their fixtures stay valid. */
void
sigap_importer_set_today (SigapImporter *self,
                          const GDate   *today)
{
  g_return_if_fail (SIGAP_IS_IMPORTER (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  self->has_today = today != NULL;
  if (today != NULL)
    self->today = *today;
}

/**
 * sigap_importer_set_rejects_stream:
 * @stream: (nullable): where to write the rejected lines while importing
 *
 * Writes a CSV of the rejected lines as they are found: UTF-8 with a byte order mark (so that
 * Excel reads it right), the file's own separator, the columns `baris` (the line number) and
 * `alasan_ditolak` (column and reason) followed by the original header and lines, exactly as
 * read. The same file can be written later from the database with sigap_import_write_rejects().
 * The stream is not closed.
 */
void
sigap_importer_set_rejects_stream (SigapImporter *self,
                                   GOutputStream *stream)
{
  g_return_if_fail (SIGAP_IS_IMPORTER (self));
  g_return_if_fail (stream == NULL || G_IS_OUTPUT_STREAM (stream));

  g_set_object (&self->rejects, stream);
}

/**
 * sigap_importer_set_progress_func:
 *
 * Sets the function told how far the import is. With sigap_importer_run() it is called in the
 * importing thread; with sigap_importer_run_async() in the thread-default main context of the
 * caller of sigap_importer_run_async(), and never more than one call is pending there.
 */
void
sigap_importer_set_progress_func (SigapImporter           *self,
                                  SigapImportProgressFunc  func,
                                  gpointer                 user_data,
                                  GDestroyNotify           destroy)
{
  g_return_if_fail (SIGAP_IS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

static void
progress_direct (double   fraction,
                 gint64   lines,
                 gpointer data)
{
  SigapImporter *self = data;

  self->progress (fraction, lines, self->progress_data);
}

/**
 * sigap_importer_run_stream:
 * @db: an open, writable database
 * @input: the CSV file's bytes
 * @file_name: the name recorded in the batch and shown in messages
 * @size: the size of @input in bytes, for progress; 0 if unknown
 * @cancellable: (nullable): cancels the import, which is then rolled back
 * @error: a #SIGAP_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Imports @input in one transaction on @db, in the calling thread.
 *
 * Returns: (transfer full): the counts and rejections, or %NULL when the file could not be
 *   imported at all (and the database is unchanged)
 */
SigapImportResult *
sigap_importer_run_stream (SigapImporter  *self,
                           SigapDatabase  *db,
                           GInputStream   *input,
                           const char     *file_name,
                           goffset         size,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_import (self, db, input, file_name, size,
                     self->progress != NULL ? progress_direct : NULL, self,
                     cancellable, error);
}

static GInputStream *
open_file (GFile         *file,
           goffset       *out_size,
           char         **out_name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  *out_name = NULL;
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_READ,
                     _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                         cancellable, NULL);
  *out_size = info != NULL ? g_file_info_get_size (info) : 0;

  {
    g_autofree char *base = g_file_get_basename (file);

    *out_name = base != NULL ? g_filename_display_name (base) : g_strdup (name);
  }

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static SigapImportResult *
run_file (SigapImporter  *self,
          SigapDatabase  *db,
          GFile          *file,
          ProgressSink    sink,
          gpointer        sink_data,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autofree char *name = NULL;
  goffset size = 0;

  input = open_file (file, &size, &name, cancellable, error);
  if (input == NULL)
    return NULL;

  return run_import (self, db, input, name, size, sink, sink_data, cancellable, error);
}

/**
 * sigap_importer_run:
 * @db: an open, writable database
 * @file: the CSV file
 *
 * Imports @file in one transaction on @db, in the calling thread: see
 * sigap_importer_run_stream().
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
SigapImportResult *
sigap_importer_run (SigapImporter  *self,
                    SigapDatabase  *db,
                    GFile          *file,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return run_file (self, db, file, self->progress != NULL ? progress_direct : NULL, self,
                   cancellable, error);
}

/* --- Asynchronous --------------------------------------------------------------------- */

/* Shared by the worker and the progress calls it queues, which may outlive the task. */
typedef struct
{
  SigapImporter *importer;
  GMainContext  *context;
  gint           pending;
} ProgressChannel;

typedef struct
{
  ProgressChannel *channel;
  double           fraction;
  gint64           lines;
} ProgressUpdate;

typedef struct
{
  char            *db_path;
  GFile           *file;
  ProgressChannel *channel;
} RunData;

static void
progress_channel_clear (gpointer data)
{
  ProgressChannel *channel = data;

  g_object_unref (channel->importer);
  g_main_context_unref (channel->context);
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_atomic_rc_box_release_full (update->channel, progress_channel_clear);
  g_free (update);
}

static gboolean
progress_deliver_cb (gpointer data)
{
  ProgressUpdate *update = data;
  SigapImporter *importer = update->channel->importer;

  g_atomic_int_set (&update->channel->pending, 0);
  if (importer->progress != NULL)
    importer->progress (update->fraction, update->lines, importer->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_invoke (double   fraction,
                 gint64   lines,
                 gpointer data)
{
  ProgressChannel *channel = data;
  ProgressUpdate *update;

  /* One call in flight at most: a slow main loop gets fewer, fresher updates. The start of
   * the saving comes whatever is in flight: it is said once. */
  if (!g_atomic_int_compare_and_exchange (&channel->pending, 0, 1) &&
      fraction != SIGAP_IMPORT_PROGRESS_SAVING)
    return;

  update = g_new0 (ProgressUpdate, 1);
  update->channel = g_atomic_rc_box_acquire (channel);
  update->fraction = fraction;
  update->lines = lines;
  g_main_context_invoke_full (channel->context, G_PRIORITY_DEFAULT, progress_deliver_cb,
                              update, progress_update_free);
}

static void
run_data_free (gpointer data)
{
  RunData *run_data = data;

  g_free (run_data->db_path);
  g_object_unref (run_data->file);
  g_atomic_rc_box_release_full (run_data->channel, progress_channel_clear);
  g_free (run_data);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SigapImporter *self = source_object;
  RunData *data = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SigapImportResult *result;

  /* A connection of this thread's own: SQLite connections are not shared between threads. */
  db = sigap_database_open (data->db_path, SIGAP_DATABASE_OPEN_CREATE, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = run_file (self, db, data->file,
                     self->progress != NULL ? progress_invoke : NULL, data->channel,
                     cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) sigap_import_result_unref);
}

/**
 * sigap_importer_run_async:
 * @db_path: the database file; created when missing
 * @file: the CSV file
 * @cancellable: (nullable): cancels the import, which is then rolled back
 *
 * Imports @file in a worker thread, on a database connection of its own. The progress
 * function, if any, is called in the current thread-default main context. Do not change the
 * importer's settings until @callback has run.
 */
void
sigap_importer_run_async (SigapImporter       *self,
                          const char          *db_path,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (SIGAP_IS_IMPORTER (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RunData, 1);
  data->db_path = g_strdup (db_path);
  data->file = g_object_ref (file);
  data->channel = g_atomic_rc_box_new0 (ProgressChannel);
  data->channel->importer = g_object_ref (self);
  data->channel->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_importer_run_async);
  g_task_set_task_data (task, data, run_data_free);
  /* Run to the end even when cancelled: the worker's rollback must finish before the
   * database is used again. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

SigapImportResult *
sigap_importer_run_finish (SigapImporter  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sigap_importer_run_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
