/* sigap-import-log.c: what past imports left: batches, rejected lines, data-quality flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The read side of the importer, for the window's Data page and the command line: the list of
 * import batches, the lines each one rejected (with the reason, and the line as read), the
 * data-quality flags on participants, and the rejected lines written back as a CSV that the
 * office can fix in Excel and import again.
 */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <inttypes.h>
#include <string.h>

#include "sigap-csv-writer.h"
#include "sigap-format.h"
#include "sigap-import-log.h"
#include "sigap-regions.h"
#include "sigap-import-private.h"
#include "sigap-nik.h"

static const char * const flag_names[] = {
  [SIGAP_PARTICIPANT_FLAG_DESIL] = "desil",
  [SIGAP_PARTICIPANT_FLAG_NIK_REGION] = "nik-region",
  [SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] = "kpj-missing",
  [SIGAP_PARTICIPANT_FLAG_AGE] = "age",
  [SIGAP_PARTICIPANT_FLAG_DESIL_MISSING] = "desil-missing",
};

G_STATIC_ASSERT (G_N_ELEMENTS (flag_names) == SIGAP_PARTICIPANT_FLAG_N);

/* Whole years from @birth_date to @date, both ISO; FALSE if either is not a date. */
static gboolean
age_at (const char *birth_date,
        const char *date,
        int        *out_years)
{
  GDate birth, on;
  int years;

  if (!sigap_date_parse_iso (birth_date, &birth) || !sigap_date_parse_iso (date, &on))
    return FALSE;

  years = g_date_get_year (&on) - g_date_get_year (&birth);
  if (g_date_get_month (&on) < g_date_get_month (&birth) ||
      (g_date_get_month (&on) == g_date_get_month (&birth) &&
       g_date_get_day (&on) < g_date_get_day (&birth)))
    years--;

  *out_years = years;
  return TRUE;
}

/**
 * sigap_participant_flags_compute:
 * @desil: 1..10, or 0 when unknown
 * @segment: the segment of the participant's sector (rentan or ekosistem)
 * @birth_date: (nullable): ISO date
 * @registered_on: (nullable): ISO date
 *
 * The data-quality notes of an accepted participant, the same for an import and the demo:
 * desil 6..10 (outside the programme's target) or no desil at all for a pekerja rentan, a NIK
 * first issued outside Kota Bekasi, no KPJ number, and an age under 15 or over 65 at
 * registration when the birth date is known. Only the rentan segment is means-tested: the
 * city's ekosistem workers (non-ASN, RT/RW, kader) are enrolled for their role, whatever their
 * desil, so a desil of 6 or more, or none, says nothing about them. Migrations 0005 and 0006
 * applied these rules to stored flags.
 *
 * Returns: how many notes were written to @notes
 */
guint
sigap_participant_flags_compute (const char               *nik,
                                 int                       desil,
                                 SigapSegment              segment,
                                 gboolean                  has_kpj,
                                 const char               *birth_date,
                                 const char               *registered_on,
                                 SigapParticipantFlagNote  notes[SIGAP_PARTICIPANT_FLAG_N])
{
  guint n = 0;
  int age;

  g_return_val_if_fail (nik != NULL, 0);

  if (desil >= 6 && segment == SIGAP_SEGMENT_RENTAN)
    {
      notes[n].flag = SIGAP_PARTICIPANT_FLAG_DESIL;
      g_snprintf (notes[n++].detail, sizeof notes->detail, "%d", desil);
    }
  else if (desil <= 0 && segment == SIGAP_SEGMENT_RENTAN)
    {
      notes[n].flag = SIGAP_PARTICIPANT_FLAG_DESIL_MISSING;
      notes[n++].detail[0] = '\0';
    }

  if (!sigap_nik_is_kota_bekasi (nik))
    {
      notes[n].flag = SIGAP_PARTICIPANT_FLAG_NIK_REGION;
      g_snprintf (notes[n++].detail, sizeof notes->detail, "%.2s.%.2s", nik, nik + 2);
    }

  if (!has_kpj)
    {
      notes[n].flag = SIGAP_PARTICIPANT_FLAG_KPJ_MISSING;
      notes[n++].detail[0] = '\0';
    }

  /* A negative age (born after registering) is a typo in a date: worth the same look. */
  if (birth_date != NULL && registered_on != NULL &&
      age_at (birth_date, registered_on, &age) && (age < 15 || age > 65))
    {
      notes[n].flag = SIGAP_PARTICIPANT_FLAG_AGE;
      g_snprintf (notes[n++].detail, sizeof notes->detail, "%d", age);
    }

  return n;
}

/* The participant_flag.kind stored in the database. */
const char *
sigap_participant_flag_to_string (SigapParticipantFlag flag)
{
  g_return_val_if_fail (flag < SIGAP_PARTICIPANT_FLAG_N, NULL);

  return flag_names[flag];
}

gboolean
sigap_participant_flag_parse (const char           *text,
                              SigapParticipantFlag *out_flag)
{
  g_return_val_if_fail (out_flag != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (flag_names); i++)
    if (g_strcmp0 (text, flag_names[i]) == 0)
      {
        *out_flag = (SigapParticipantFlag) i;
        return TRUE;
      }

  return FALSE;
}

/* What the flag means, for a list heading. */
const char *
sigap_participant_flag_get_label (SigapParticipantFlag flag)
{
  switch (flag)
    {
    case SIGAP_PARTICIPANT_FLAG_DESIL:
      return _("Vulnerable workers in desil 6–10, outside the target");
    case SIGAP_PARTICIPANT_FLAG_NIK_REGION:
      return _("NIK issued outside Kota Bekasi");
    case SIGAP_PARTICIPANT_FLAG_KPJ_MISSING:
      return _("No KPJ number");
    case SIGAP_PARTICIPANT_FLAG_AGE:
      return _("Under 15 or over 65 at registration");
    case SIGAP_PARTICIPANT_FLAG_DESIL_MISSING:
      return _("Vulnerable workers without a desil");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
sigap_import_batch_free (SigapImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->kind);
  g_free (batch->file_name);
  g_free (batch->checksum);
  g_free (batch->imported_at);
  g_free (batch->imported_by);
  g_free (batch->encoding);
  g_strfreev (batch->ignored_columns);
  g_free (batch);
}

void
sigap_participant_flag_row_free (SigapParticipantFlagRow *row)
{
  if (row == NULL)
    return;

  g_free (row->nik_masked);
  g_free (row->name);
  g_free (row->detail);
  g_free (row);
}

void
sigap_import_rejection_free (SigapImportRejection *rejection)
{
  if (rejection == NULL)
    return;

  g_free (rejection->column);
  g_free (rejection->reason);
  g_free (rejection->raw);
  g_free (rejection);
}

static char *
dup_column (SigapStatement *stmt,
            int           column)
{
  return g_strdup (sigap_statement_column_text (stmt, column));
}

static GStrv
parse_string_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * sigap_import_list_batches:
 *
 * Returns: (transfer full) (element-type SigapImportBatch): every import batch, newest first
 */
GPtrArray *
sigap_import_list_batches (SigapDatabase  *db,
                           GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  stmt = sigap_database_prepare (db,
                                 "SELECT id, kind, file_name, checksum, imported_at, encoding, "
                                 "separator, rows_read, rows_added, rows_updated, "
                                 "rows_unchanged, rows_rejected, rows_flagged, ignored_columns, "
                                 "imported_by "
                                 "FROM import_batch ORDER BY id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  batches = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_import_batch_free);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapImportBatch *batch = g_new0 (SigapImportBatch, 1);
      const char *separator = sigap_statement_column_text (stmt, 6);

      batch->id = sigap_statement_column_int64 (stmt, 0);
      batch->kind = dup_column (stmt, 1);
      batch->file_name = dup_column (stmt, 2);
      batch->checksum = dup_column (stmt, 3);
      batch->imported_at = dup_column (stmt, 4);
      batch->encoding = dup_column (stmt, 5);
      batch->separator = separator != NULL ? separator[0] : '\0';
      batch->read = sigap_statement_column_int64 (stmt, 7);
      batch->added = sigap_statement_column_int64 (stmt, 8);
      batch->updated = sigap_statement_column_int64 (stmt, 9);
      batch->unchanged = sigap_statement_column_int64 (stmt, 10);
      batch->rejected = sigap_statement_column_int64 (stmt, 11);
      batch->flagged = sigap_statement_column_int64 (stmt, 12);
      batch->ignored_columns = parse_string_array (sigap_statement_column_text (stmt, 13));
      batch->imported_by = dup_column (stmt, 14);
      g_ptr_array_add (batches, batch);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the import history"));
      return NULL;
    }

  return g_steal_pointer (&batches);
}

/**
 * sigap_import_list_rejections:
 * @limit: at most this many; -1 for all
 *
 * Returns: (transfer full) (element-type SigapImportRejection): the batch's rejected lines in
 *   line order
 */
GPtrArray *
sigap_import_list_rejections (SigapDatabase  *db,
                              gint64          batch_id,
                              gint64          offset,
                              gint64          limit,
                              GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  stmt = sigap_database_prepare (db,
                                 "SELECT line, column_name, reason, raw FROM import_reject "
                                 "WHERE batch_id = ? ORDER BY line, id LIMIT ? OFFSET ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_int64 (stmt, 1, batch_id);
  /* No limit: SQLite reads a negative one so, PostgreSQL refuses it. */
  sigap_statement_bind_int64 (stmt, 2, limit < 0 ? G_MAXINT64 : limit);
  sigap_statement_bind_int64 (stmt, 3, MAX (offset, 0));

  rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_import_rejection_free);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapImportRejection *rejection = g_new0 (SigapImportRejection, 1);

      rejection->line = sigap_statement_column_int64 (stmt, 0);
      rejection->column = dup_column (stmt, 1);
      rejection->reason = dup_column (stmt, 2);
      rejection->raw = dup_column (stmt, 3);
      g_ptr_array_add (rejections, rejection);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the rejected lines"));
      return NULL;
    }

  return g_steal_pointer (&rejections);
}

/**
 * sigap_import_count_flags:
 * @counts: (array fixed-size=4) (out caller-allocates): SIGAP_PARTICIPANT_FLAG_N counts,
 *   indexed by #SigapParticipantFlag
 *
 * How many participants carry each data-quality flag.
 */
gboolean
sigap_import_count_flags (SigapDatabase  *db,
                          gint64         *counts,
                          GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    counts[i] = 0;

  stmt = sigap_database_prepare (db,
                                 "SELECT kind, count (*) FROM participant_flag GROUP BY kind",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantFlag flag;

      if (sigap_participant_flag_parse (sigap_statement_column_text (stmt, 0), &flag))
        counts[flag] = sigap_statement_column_int64 (stmt, 1);
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot count the data-quality notes"));

  return TRUE;
}

/**
 * sigap_import_list_flags:
 * @limit: at most this many; -1 for all
 *
 * Returns: (transfer full) (element-type SigapParticipantFlagRow): the participants with
 *   @flag, in the order they were added
 */
GPtrArray *
sigap_import_list_flags (SigapDatabase         *db,
                         SigapParticipantFlag   flag,
                         gint64                 offset,
                         gint64                 limit,
                         GError               **error)
{
  return sigap_import_list_flags_for (db, NULL, flag, offset, limit, error);
}

/**
 * sigap_import_list_batch_flags:
 * @batch_id: an import
 * @limit: at most this many; -1 for all
 *
 * The data-quality notes an import left, for the operator to act on: each with the line of
 * the file it came from. The NIK is masked.
 *
 * Returns: (transfer full) (element-type SigapParticipantFlagRow): by line, then by kind
 */
GPtrArray *
sigap_import_list_batch_flags (SigapDatabase  *db,
                               gint64          batch_id,
                               gint64          limit,
                               GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  stmt = sigap_database_prepare (db,
                                 "SELECT p.id, p.nik, p.name, f.kind, f.detail, f.line "
                                 "FROM participant_flag f JOIN participant p "
                                 "ON p.id = f.participant_id "
                                 "WHERE f.batch_id = ?1 "
                                 "ORDER BY f.line, f.kind LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_int64 (stmt, 1, batch_id);
  /* No limit: SQLite reads a negative one so, PostgreSQL refuses it. */
  sigap_statement_bind_int64 (stmt, 2, limit < 0 ? G_MAXINT64 : limit);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_participant_flag_row_free);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantFlagRow *row = g_new0 (SigapParticipantFlagRow, 1);

      if (!sigap_participant_flag_parse (sigap_statement_column_text (stmt, 3), &row->flag))
        {
          sigap_participant_flag_row_free (row);
          continue;
        }
      row->participant_id = sigap_statement_column_int64 (stmt, 0);
      row->nik_masked = sigap_nik_mask (sigap_statement_column_text (stmt, 1));
      row->name = dup_column (stmt, 2);
      row->detail = dup_column (stmt, 4);
      row->batch_id = batch_id;
      row->line = sigap_statement_column_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the data-quality notes"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * sigap_participant_flag_describe:
 * @detail: (nullable): the value behind the flag
 *
 * The note as a sentence for a list of lines: "Desil 7: outside the target (1–5)".
 *
 * Returns: (transfer full): the description
 */
char *
sigap_participant_flag_describe (SigapParticipantFlag  flag,
                                 const char           *detail)
{
  gboolean has_detail = detail != NULL && *detail != '\0';

  switch (flag)
    {
    case SIGAP_PARTICIPANT_FLAG_DESIL:
      return has_detail ? g_strdup_printf (_("Desil %s, outside the target"), detail)
                        : g_strdup (sigap_participant_flag_get_label (flag));
    case SIGAP_PARTICIPANT_FLAG_NIK_REGION:
      return has_detail ? g_strdup_printf (_("NIK issued outside Kota Bekasi (%s)"), detail)
                        : g_strdup (sigap_participant_flag_get_label (flag));
    case SIGAP_PARTICIPANT_FLAG_KPJ_MISSING:
      return g_strdup (sigap_participant_flag_get_label (flag));
    case SIGAP_PARTICIPANT_FLAG_DESIL_MISSING:
      return g_strdup (_("No desil: the target (desil 1–5) cannot be checked"));
    case SIGAP_PARTICIPANT_FLAG_AGE:
      return has_detail ? g_strdup_printf (_("Aged %s at registration: under 15 or over 65"),
                                           detail)
                        : g_strdup (sigap_participant_flag_get_label (flag));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sigap_import_list_flags_for:
 * @filter: (nullable): only the participants registered on or before its as-of date in its
 *   scope and segment, those sigap_figures_quality() counts; %NULL for all
 * @limit: at most this many; -1 for all
 *
 * Returns: (transfer full) (element-type SigapParticipantFlagRow): the participants with
 *   @flag, in the order they were added
 */
GPtrArray *
sigap_import_list_flags_for (SigapDatabase         *db,
                             const SigapFilter     *filter,
                             SigapParticipantFlag   flag,
                             gint64                 offset,
                             gint64                 limit,
                             GError               **error)
{
  g_autofree char *as_of = filter != NULL ? sigap_date_to_iso (&filter->as_of) : NULL;
  g_autofree char *ids = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (flag < SIGAP_PARTICIPANT_FLAG_N, NULL);

  if (filter != NULL)
    {
      g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
      const SigapRegion *scope = tree != NULL ? sigap_regions_lookup (tree, filter->scope) : NULL;

      if (tree == NULL)
        return NULL;
      /* An unknown scope lists nobody, as it counts nobody. */
      ids = scope != NULL ? sigap_region_list_kelurahan_ids (scope) : g_strdup ("NULL");
    }

  sql = g_strdup_printf ("SELECT p.id, p.nik, p.name, f.detail, coalesce (f.batch_id, 0), "
                         "coalesce (f.line, 0) "
                         "FROM participant_flag f JOIN participant p "
                         "ON p.id = f.participant_id "
                         "WHERE f.kind = ?1 AND (CAST (?4 AS TEXT) IS NULL OR ("
                         "  p.registered_on <= ?4 AND ?5 IS NOT NULL"
                         "  AND p.kelurahan_id IN (%s) "
                         "  AND (?6 = 'all' OR p.sector_id IN "
                         "    (SELECT id FROM sector WHERE segment = ?6)))) "
                         "ORDER BY f.participant_id LIMIT ?2 OFFSET ?3",
                         ids != NULL ? ids : "NULL");
  stmt = sigap_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, sigap_participant_flag_to_string (flag));
  /* No limit: SQLite reads a negative one so, PostgreSQL refuses it. */
  sigap_statement_bind_int64 (stmt, 2, limit < 0 ? G_MAXINT64 : limit);
  sigap_statement_bind_int64 (stmt, 3, MAX (offset, 0));
  if (filter != NULL)
    {
      sigap_statement_bind_text (stmt, 4, as_of);
      sigap_statement_bind_text (stmt, 5, filter->scope);
      sigap_statement_bind_text (stmt, 6, sigap_segment_to_string (filter->segment));
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_participant_flag_row_free);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantFlagRow *row = g_new0 (SigapParticipantFlagRow, 1);

      row->participant_id = sigap_statement_column_int64 (stmt, 0);
      row->nik_masked = sigap_nik_mask (sigap_statement_column_text (stmt, 1));
      row->name = dup_column (stmt, 2);
      row->flag = flag;
      row->detail = dup_column (stmt, 3);
      row->batch_id = sigap_statement_column_int64 (stmt, 4);
      row->line = sigap_statement_column_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the data-quality notes"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* --- The rejected-lines CSV ----------------------------------------------------------- */

/* The first line of a rejected-lines file: a byte order mark so that Excel takes it as UTF-8,
 * then "baris", "alasan_ditolak" and the original header. Column names are data, like the
 * canonical ones ("nik", "tanggal_daftar"), so they are not translated. */
void
_sigap_import_format_rejects_header (GString    *out,
                                     char        separator,
                                     const char *header_raw)
{
  g_string_append (out, "\xEF\xBB\xBF");
  if (separator != ',' && separator != ';' && separator != '\t')
    g_string_append_printf (out, "sep=%c\r\n", separator);

  g_string_append_printf (out, "baris%calasan_ditolak", separator);
  if (header_raw != NULL)
    {
      g_string_append_c (out, separator);
      sigap_csv_append_record (out, header_raw, separator);
    }
  g_string_append (out, "\r\n");
}

/* One rejected line: its number, "column: reason", then the line as read, with the cells that
 * would start a formula defused. The two new columns come first, so they line up whatever the
 * number of values on the line. */
void
_sigap_import_format_reject (GString    *out,
                             char        separator,
                             gint64      line,
                             const char *column,
                             const char *reason,
                             const char *raw)
{
  g_autofree char *full_reason = NULL;

  full_reason = column != NULL ? g_strdup_printf ("%s: %s", column, reason) : g_strdup (reason);

  sigap_csv_append_int (out, line);
  g_string_append_c (out, separator);
  sigap_csv_append_text (out, full_reason, separator);
  g_string_append_c (out, separator);
  sigap_csv_append_record (out, raw, separator);
  g_string_append (out, "\r\n");
}

/**
 * sigap_import_write_rejects:
 * @output: where to write; not closed
 *
 * Writes the rejected lines of a batch as a CSV, like sigap_importer_set_rejects_stream() did
 * during the import ("Save rejected lines…").
 *
 * Returns: %TRUE on success
 */
gboolean
sigap_import_write_rejects (SigapDatabase  *db,
                            gint64          batch_id,
                            GOutputStream  *output,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(SigapStatement) batch = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *separator_text;
  char separator;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  batch = sigap_database_prepare (db, "SELECT header, separator FROM import_batch WHERE id = ?",
                                  error);
  if (batch == NULL)
    return FALSE;
  sigap_statement_bind_int64 (batch, 1, batch_id);
  if (sigap_statement_step (batch) != SIGAP_STEP_ROW)
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_FAILED,
                   _("There is no import number %" PRId64), batch_id);
      return FALSE;
    }

  separator_text = sigap_statement_column_text (batch, 1);
  separator = separator_text != NULL && separator_text[0] != '\0' ? separator_text[0] : ',';
  _sigap_import_format_rejects_header (text, separator,
                                       sigap_statement_column_text (batch, 0));

  stmt = sigap_database_prepare (db,
                                 "SELECT line, column_name, reason, raw FROM import_reject "
                                 "WHERE batch_id = ? ORDER BY line, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sigap_statement_bind_int64 (stmt, 1, batch_id);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      _sigap_import_format_reject (text, separator, sigap_statement_column_int64 (stmt, 0),
                                   sigap_statement_column_text (stmt, 1),
                                   sigap_statement_column_text (stmt, 2),
                                   sigap_statement_column_text (stmt, 3));

      if (text->len >= 64 * 1024)
        {
          if (!g_output_stream_write_all (output, text->str, text->len, NULL, cancellable,
                                          error))
            return FALSE;
          g_string_truncate (text, 0);
        }
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot read the rejected lines"));

  return g_output_stream_write_all (output, text->str, text->len, NULL, cancellable, error);
}
