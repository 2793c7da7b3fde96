/* sigap-participant-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The participants of a filter (registered on or before its as-of date, in its scope and
 * segment) as a CSV list for the operators who check them against the offices' own lists.
 * The NIK is masked unless the caller asks for it whole; a list with whole NIKs is then
 * recorded in the database: who wrote it, when, how many rows, for which filter and file.
 * The record is a JSON array in sigap_meta ("full_nik_exports"), since a table of its own would
 * need a schema migration; sigap_participant_list_records() reads it back.
 *
 * Rows are read and written one at a time, so a list of three million participants never sits
 * in memory. Cells go through the CSV writer, which defuses text a spreadsheet would run.
 */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sigap-csv-writer.h"
#include "sigap-format.h"
#include "sigap-nik.h"
#include "sigap-participant-list.h"
#include "sigap-regions.h"

#define RECORDS_KEY "full_nik_exports"

static const char * const columns[] = {
  "as_of", "segment", "scope", "nik", "name", "kelurahan_code", "kelurahan", "kecamatan",
  "sector", "participant_segment", "desil", "registered_on", "ended_on", "end_reason", "status",
};

static void
end_cell (GString  *out,
          gboolean  last)
{
  g_string_append (out, last ? "\r\n" : ",");
}

static void
text_cell (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL)
    sigap_csv_append_text (out, text, ',');
  end_cell (out, last);
}

/**
 * sigap_participant_list_get_columns:
 * @out_n: (out): how many columns
 *
 * Returns: (transfer none): the machine names of the list's columns, as the CSV's header and
 *   in the order sigap_participant_list_foreach() hands the cells
 */
const char * const *
sigap_participant_list_get_columns (guint *out_n)
{
  *out_n = G_N_ELEMENTS (columns);
  return columns;
}

/* Hands the participants of one kelurahan, by name, in the participant_kelurahan index's
 * order, to @func. */
static gboolean
foreach_in_kelurahan (SigapStatement            *stmt,
                      const SigapRegion         *kelurahan,
                      const SigapFilter         *filter,
                      const char                *as_of,
                      gboolean                   full_nik,
                      SigapParticipantListFunc   func,
                      gpointer                   user_data,
                      gint64                    *rows,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  const SigapRegion *kecamatan = sigap_regions_kecamatan_of (kelurahan);
  SigapStep step;

  sigap_statement_reset (stmt);
  sigap_statement_bind_text (stmt, 1, as_of);
  sigap_statement_bind_int64 (stmt, 2, kelurahan->id);
  sigap_statement_bind_text (stmt, 3, sigap_segment_to_string (filter->segment));

  while ((step = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      const char *nik = sigap_statement_column_text (stmt, 0);
      g_autofree char *masked = full_nik ? NULL : sigap_nik_mask (nik);
      g_autofree char *desil = NULL;
      const char *cells[G_N_ELEMENTS (columns)];
      guint n = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!sigap_statement_column_is_null (stmt, 4))
        desil = g_strdup_printf ("%" G_GINT64_FORMAT, sigap_statement_column_int64 (stmt, 4));

      cells[n++] = as_of;
      cells[n++] = sigap_segment_to_string (filter->segment);
      cells[n++] = filter->scope != NULL ? filter->scope : SIGAP_CITY_CODE;
      cells[n++] = full_nik ? nik : masked;
      cells[n++] = sigap_statement_column_text (stmt, 1);
      cells[n++] = kelurahan->code;
      cells[n++] = kelurahan->name;
      cells[n++] = kecamatan != NULL ? kecamatan->name : NULL;
      for (int c = 2; c <= 3; c++)
        cells[n++] = sigap_statement_column_text (stmt, c);
      cells[n++] = desil;
      for (int c = 5; c <= 8; c++)
        cells[n++] = sigap_statement_column_text (stmt, c);
      g_assert (n == G_N_ELEMENTS (columns));

      if (!func (cells, user_data, error))
        return FALSE;
      (*rows)++;
    }

  return step == SIGAP_STEP_DONE;
}

/**
 * sigap_participant_list_foreach:
 * @filter: who is listed: registered on or before the as-of date, in the scope and segment
 * @full_nik: %TRUE for whole NIKs; record the list with sigap_participant_list_record()
 * @func: called with each participant's cells (see sigap_participant_list_get_columns()); a
 *   cell may be %NULL; returns %FALSE (with an error) to stop
 * @out_rows: (out) (optional): how many participants were handed to @func
 *
 * The participants of @filter, kelurahan by kelurahan in code order, by name within each.
 * Rows are read one at a time: the caller decides what is kept.
 *
 * Returns: %TRUE when every row was handed over
 */
gboolean
sigap_participant_list_foreach (SigapDatabase             *db,
                                const SigapFilter         *filter,
                                gboolean                   full_nik,
                                SigapParticipantListFunc   func,
                                gpointer                   user_data,
                                gint64                    *out_rows,
                                GCancellable              *cancellable,
                                GError                   **error)
{
  g_autofree char *as_of = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  g_autoptr(GPtrArray) kelurahan = NULL;
  const SigapRegion *scope;
  gint64 rows = 0;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  tree = sigap_regions_load (db, error);
  if (tree == NULL)
    return FALSE;
  scope = sigap_regions_lookup (tree, filter->scope != NULL ? filter->scope : SIGAP_CITY_CODE);
  kelurahan = scope != NULL ? sigap_regions_collect (scope, "kelurahan") : g_ptr_array_new ();

  as_of = sigap_date_to_iso (&filter->as_of);
  stmt = sigap_database_prepare (db,
                                 "SELECT p.nik, p.name, s.name, "
                                 "       s.segment, p.desil, p.registered_on, "
                                 "       CASE WHEN p.ended_on <= ?1 THEN p.ended_on END, "
                                 "       CASE WHEN p.ended_on <= ?1 THEN p.end_reason END, "
                                 "       CASE WHEN p.ended_on <= ?1 THEN 'ended' ELSE 'active' END "
                                 "FROM participant p "
                                 "JOIN sector s ON s.id = p.sector_id "
                                 "WHERE p.kelurahan_id = ?2 AND p.registered_on <= ?1 "
                                 "  AND (?3 = 'all' OR s.segment = ?3) "
                                 "ORDER BY p.name, p.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  /* Kelurahan by kelurahan, in code order: each is one seek in participant_kelurahan. */
  for (guint i = 0; i < kelurahan->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!foreach_in_kelurahan (stmt, g_ptr_array_index (kelurahan, i), filter, as_of,
                                 full_nik, func, user_data, &rows, cancellable, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            sigap_database_set_error (db, error, _("Cannot read the participants"));
          return FALSE;
        }
    }

  if (out_rows != NULL)
    *out_rows = rows;
  return TRUE;
}

typedef struct
{
  GString       *line;
  GOutputStream *out;
  GCancellable  *cancellable;
} CsvWrite;

static gboolean
write_csv_row (const char * const *cells,
               gpointer            user_data,
               GError            **error)
{
  CsvWrite *write = user_data;

  g_string_truncate (write->line, 0);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    text_cell (write->line, cells[i], i + 1 == G_N_ELEMENTS (columns));
  return g_output_stream_write_all (write->out, write->line->str, write->line->len, NULL,
                                    write->cancellable, error);
}

/**
 * sigap_participant_list_write:
 * @filter: who is listed: registered on or before the as-of date, in the scope and segment
 * @full_nik: %TRUE for whole NIKs; record the list with sigap_participant_list_record()
 * @out: where the CSV goes (a private file: it names people)
 * @out_rows: (out) (optional): how many participants were written
 *
 * Returns: %TRUE when every row was written
 */
gboolean
sigap_participant_list_write (SigapDatabase      *db,
                              const SigapFilter  *filter,
                              gboolean            full_nik,
                              GOutputStream      *out,
                              gint64             *out_rows,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  CsvWrite write = { line, out, cancellable };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    text_cell (line, columns[i], i + 1 == G_N_ELEMENTS (columns));
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
    return FALSE;

  return sigap_participant_list_foreach (db, filter, full_nik, write_csv_row, &write, out_rows,
                                         cancellable, error);
}

/* Notes in the database that a list was written; @full_nik says whether with whole NIKs. */
static gboolean
record_list (SigapDatabase      *db,
             const SigapFilter  *filter,
             const char         *file_name,
             gint64              rows,
             gboolean            full_nik,
             GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *previous = NULL;
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);
  g_autofree char *text = NULL;
  JsonArray *records;
  gboolean ok;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (!sigap_database_begin (db, error))
    return FALSE;

  previous = sigap_database_get_meta (db, RECORDS_KEY);
  if (previous != NULL && json_parser_load_from_data (parser, previous, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    root = json_node_copy (json_parser_get_root (parser));
  else
    {
      root = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (root, json_array_new ());
    }
  records = json_node_get_array (root);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, g_get_user_name ());
  json_builder_set_member_name (builder, "real_name");
  json_builder_add_string_value (builder, g_get_real_name ());
  json_builder_set_member_name (builder, "written_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, rows);
  json_builder_set_member_name (builder, "nik");
  json_builder_add_string_value (builder, full_nik ? "whole" : "masked");
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file_name != NULL ? file_name : "");
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, filter->scope != NULL ? filter->scope : SIGAP_CITY_CODE);
  json_builder_set_member_name (builder, "segment");
  json_builder_add_string_value (builder, sigap_segment_to_string (filter->segment));
  json_builder_end_object (builder);
  json_array_add_element (records, json_builder_get_root (builder));

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  ok = sigap_database_set_meta (db, RECORDS_KEY, text, error) && sigap_database_commit (db, error);
  if (!ok)
    sigap_database_rollback (db);
  return ok;
}

/**
 * sigap_participant_list_record:
 * @file_name: the list's file, as shown to people
 * @rows: how many participants it holds
 *
 * Notes in the database that a list with whole NIKs was written: by whom (the system user),
 * when (UTC), how many rows, for which filter and into which file.
 *
 * Returns: %TRUE when the note is stored
 */
gboolean
sigap_participant_list_record (SigapDatabase      *db,
                               const SigapFilter  *filter,
                               const char         *file_name,
                               gint64              rows,
                               GError            **error)
{
  return record_list (db, filter, file_name, rows, TRUE, error);
}

/**
 * sigap_participant_list_record_masked:
 *
 * As sigap_participant_list_record(), for a list whose NIKs are masked but which still names
 * people (the window's export of a kelurahan's participants): the note says "nik": "masked".
 *
 * Returns: %TRUE when the note is stored
 */
gboolean
sigap_participant_list_record_masked (SigapDatabase      *db,
                                      const SigapFilter  *filter,
                                      const char         *file_name,
                                      gint64              rows,
                                      GError            **error)
{
  return record_list (db, filter, file_name, rows, FALSE, error);
}

/**
 * sigap_participant_list_records:
 *
 * Returns: (transfer full) (element-type JsonObject): the lists of people written so far,
 *   oldest first, each with user, real_name, written_at, rows, file, as_of, scope and
 *   segment, and nik: "whole" or "masked" (a record without it is of whole NIKs)
 */
GPtrArray *
sigap_participant_list_records (SigapDatabase  *db,
                                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonArray *array;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  text = sigap_database_get_meta (db, RECORDS_KEY);
  if (text == NULL)
    return records;
  if (!json_parser_load_from_data (parser, text, -1, error) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_ptr_array_unref (records);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CORRUPT,
                             _("The record of participant lists is damaged"));
      return NULL;
    }

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (records, json_object_ref (json_array_get_object_element (array, i)));
  return records;
}
