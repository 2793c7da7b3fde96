/* sigap-cli-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sigap summary`: the headline figures, or one breakdown, as text, JSON or CSV. The figures
 * are those of src/core/sigap-figures.c; nothing here computes one.
 */

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/sigap-csv-writer.h"
#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-cli-private.h"

typedef enum
{
  OUTPUT_TEXT,
  OUTPUT_JSON,
  OUTPUT_CSV,
} OutputFormat;

typedef struct
{
  SigapFilter    *filter;
  gboolean        has_by;
  SigapBreakdown  by;
  gboolean        by_month;      /* --by month: the monthly series, not a breakdown */
  OutputFormat    format;
  SigapLang       lang;
  GDate           cutoff;        /* the data cut-off; cleared for an empty database */
} Request;

/* The data-quality notes' names in JSON and CSV, indexed by SigapParticipantFlag. */
static const char * const quality_keys[] = {
  [SIGAP_PARTICIPANT_FLAG_DESIL] = "desil_outside_target",
  [SIGAP_PARTICIPANT_FLAG_NIK_REGION] = "nik_outside_city",
  [SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] = "no_kpj",
  [SIGAP_PARTICIPANT_FLAG_AGE] = "age_outside_15_65",
  [SIGAP_PARTICIPANT_FLAG_DESIL_MISSING] = "desil_missing",
};

G_STATIC_ASSERT (G_N_ELEMENTS (quality_keys) == SIGAP_PARTICIPANT_FLAG_N);

/* ---------------------------------------------------------------------------------------- */
/* JSON                                                                                     */

static void
json_add_count (JsonBuilder *builder,
                const char  *name,
                gint64       value,
                gboolean     defined)
{
  json_builder_set_member_name (builder, name);
  if (defined)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_percent (JsonBuilder *builder,
                  const char  *name,
                  double       value,
                  gboolean     defined)
{
  json_builder_set_member_name (builder, name);
  /* Two decimals, as a reader quotes them; _sigap_cli_json_to_data() then writes 99.65, not
   * the 99.650000000000006 that the nearest double would print as. */
  if (defined && isfinite (value))
    json_builder_add_double_value (builder, round (value * 100.0) / 100.0);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_string (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
json_add_filter (JsonBuilder       *builder,
                 const SigapFilter *filter)
{
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);

  json_add_string (builder, "as_of", as_of);
  json_add_string (builder, "segment", sigap_segment_to_string (filter->segment));
  json_add_string (builder, "scope", filter->scope);
}

/* What the output is about: the filter and the data cut-off it was computed from. */
static void
json_add_context (JsonBuilder   *builder,
                  const Request *request)
{
  g_autofree char *cutoff = g_date_valid (&request->cutoff)
                            ? sigap_date_to_iso (&request->cutoff) : NULL;

  json_add_filter (builder, request->filter);
  json_builder_set_member_name (builder, "data_cutoff");
  if (cutoff != NULL)
    json_builder_add_string_value (builder, cutoff);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = _sigap_cli_json_to_data (root);

  printf ("%s\n", text);
}

static void
print_summary_json (const Request      *request,
                    const SigapSummary *summary,
                    const SigapQuality *quality)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_context (builder, request);
  json_add_count (builder, "year", summary->year, TRUE);
  json_add_count (builder, "registered", summary->registered, TRUE);
  json_add_count (builder, "active", summary->active, TRUE);
  json_add_count (builder, "ended", summary->ended, TRUE);
  json_add_count (builder, "target", summary->target, summary->has_target);
  json_add_percent (builder, "coverage_pct", summary->coverage_pct, summary->has_coverage);
  json_add_count (builder, "pagu", summary->pagu, summary->has_pagu);
  json_add_count (builder, "realised", summary->realised, TRUE);
  json_add_percent (builder, "absorption_pct", summary->absorption_pct, summary->has_absorption);
  json_add_count (builder, "remaining", summary->remaining, summary->has_pagu);
  json_add_count (builder, "premium_monthly", summary->premium_monthly, TRUE);
  json_add_count (builder, "projected_year_end", summary->projected_year_end, TRUE);
  json_add_count (builder, "quota", summary->quota, summary->has_quota);
  json_add_count (builder, "quota_months", summary->quota_months, TRUE);
  json_add_count (builder, "quota_full_year", summary->quota_full_year, summary->has_quota);
  json_add_count (builder, "months_unpaid", summary->months_unpaid, TRUE);
  json_builder_set_member_name (builder, "quality");
  json_builder_begin_object (builder);
  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    json_add_count (builder, quality_keys[i], quality->counts[i], TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  print_json (builder);
}

static void
print_breakdown_json (const Request   *request,
                      const GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_context (builder, request);
  json_add_string (builder, "by", sigap_breakdown_to_string (request->by));
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      json_add_string (builder, "code", row->code);
      json_add_string (builder, "name", row->name);
      json_add_count (builder, "registered", row->registered, TRUE);
      json_add_count (builder, "active", row->active, TRUE);
      json_add_count (builder, "ended", row->ended, TRUE);
      json_add_count (builder, "target", row->target, row->has_target);
      json_add_percent (builder, "coverage_pct", row->coverage_pct, row->has_coverage);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  print_json (builder);
}

/* ---------------------------------------------------------------------------------------- */
/* CSV: machine-readable, so numbers are plain digits with '.' as decimal point.            */

/* Cells go through the core's CSV writer: text (names, codes) is defused like any text from
 * outside, figures stay numbers. */
static void
csv_end_cell (GString  *cell,
              gboolean  last)
{
  g_string_append (cell, last ? "\r\n" : ",");
  fputs (cell->str, stdout);
}

static void
csv_field (const char *text,
           gboolean    last)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  sigap_csv_append_text (cell, text, ',');
  csv_end_cell (cell, last);
}

static void
csv_count (gint64   value,
           gboolean defined,
           gboolean last)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (defined)
    sigap_csv_append_int (cell, value);
  csv_end_cell (cell, last);
}

static void
csv_percent (double   value,
             gboolean defined,
             gboolean last)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (defined && isfinite (value))
    {
      g_autofree char *number = sigap_csv_format_double (value);

      sigap_csv_append_number (cell, number, ',');
    }
  csv_end_cell (cell, last);
}

/* The four context cells every CSV row starts with, so that a saved file says what it is:
 * as_of, segment, scope, data_cutoff. */
static void
csv_context (const Request *request)
{
  g_autofree char *as_of = sigap_date_to_iso (&request->filter->as_of);
  g_autofree char *cutoff = g_date_valid (&request->cutoff)
                            ? sigap_date_to_iso (&request->cutoff) : g_strdup ("");

  csv_field (as_of, FALSE);
  csv_field (sigap_segment_to_string (request->filter->segment), FALSE);
  csv_field (request->filter->scope, FALSE);
  csv_field (cutoff, FALSE);
}

static void
print_summary_csv (const Request      *request,
                   const SigapSummary *summary,
                   const SigapQuality *quality)
{
  static const char *columns[] = {
    "as_of", "segment", "scope", "data_cutoff", "year", "registered", "active", "ended", "target",
    "coverage_pct", "pagu", "realised", "absorption_pct", "remaining", "premium_monthly",
    "projected_year_end", "quota", "quota_months", "quota_full_year",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    csv_field (columns[i], FALSE);
  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    {
      g_autofree char *name = g_strconcat ("quality_", quality_keys[i], NULL);

      csv_field (name, i + 1 == SIGAP_PARTICIPANT_FLAG_N);
    }

  csv_context (request);
  csv_count (summary->year, TRUE, FALSE);
  csv_count (summary->registered, TRUE, FALSE);
  csv_count (summary->active, TRUE, FALSE);
  csv_count (summary->ended, TRUE, FALSE);
  csv_count (summary->target, summary->has_target, FALSE);
  csv_percent (summary->coverage_pct, summary->has_coverage, FALSE);
  csv_count (summary->pagu, summary->has_pagu, FALSE);
  csv_count (summary->realised, TRUE, FALSE);
  csv_percent (summary->absorption_pct, summary->has_absorption, FALSE);
  csv_count (summary->remaining, summary->has_pagu, FALSE);
  csv_count (summary->premium_monthly, TRUE, FALSE);
  csv_count (summary->projected_year_end, TRUE, FALSE);
  csv_count (summary->quota, summary->has_quota, FALSE);
  csv_count (summary->quota_months, TRUE, FALSE);
  csv_count (summary->quota_full_year, summary->has_quota, FALSE);
  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    csv_count (quality->counts[i], TRUE, i + 1 == SIGAP_PARTICIPANT_FLAG_N);
}

static void
print_breakdown_csv (const Request   *request,
                     const GPtrArray *rows)
{
  static const char *columns[] = {
    "as_of", "segment", "scope", "data_cutoff",
    "code", "name", "registered", "active", "ended", "target", "coverage_pct",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    csv_field (columns[i], i + 1 == G_N_ELEMENTS (columns));

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      csv_context (request);
      csv_field (row->code, FALSE);
      csv_field (row->name, FALSE);
      csv_count (row->registered, TRUE, FALSE);
      csv_count (row->active, TRUE, FALSE);
      csv_count (row->ended, TRUE, FALSE);
      csv_count (row->target, row->has_target, FALSE);
      csv_percent (row->coverage_pct, row->has_coverage, TRUE);
    }
}


/* ---------------------------------------------------------------------------------------- */
/* --by month: the series of the trend charts, oldest first.                                */

static char *
month_key (const SigapMonthPoint *point)
{
  return g_strdup_printf ("%04d-%02d", point->year, point->month);
}

static void
print_months_json (const Request *request,
                   const GArray  *months)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_context (builder, request);
  json_add_string (builder, "by", "month");
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      g_autofree char *month = month_key (point);
      g_autofree char *end = sigap_date_to_iso (&point->end);

      json_builder_begin_object (builder);
      json_add_string (builder, "month", month);
      json_add_string (builder, "date", end);
      json_add_count (builder, "registered", point->registered, TRUE);
      json_add_count (builder, "active", point->active, TRUE);
      json_add_count (builder, "new_registrations", point->new_registrations, TRUE);
      json_add_count (builder, "new_endings", point->new_endings, TRUE);
      json_add_count (builder, "target", point->target, point->has_target);
      json_add_percent (builder, "coverage_pct", point->coverage_pct, point->has_coverage);
      json_add_count (builder, "realised_to_date", point->realised_to_date, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  print_json (builder);
}

static void
print_months_csv (const Request *request,
                  const GArray  *months)
{
  static const char *columns[] = {
    "as_of", "segment", "scope", "data_cutoff", "month", "date", "registered", "active",
    "new_registrations", "new_endings", "target", "coverage_pct", "realised_to_date",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    csv_field (columns[i], i + 1 == G_N_ELEMENTS (columns));

  for (guint i = 0; i < months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      g_autofree char *month = month_key (point);
      g_autofree char *end = sigap_date_to_iso (&point->end);

      csv_context (request);
      csv_field (month, FALSE);
      csv_field (end, FALSE);
      csv_count (point->registered, TRUE, FALSE);
      csv_count (point->active, TRUE, FALSE);
      csv_count (point->new_registrations, TRUE, FALSE);
      csv_count (point->new_endings, TRUE, FALSE);
      csv_count (point->target, point->has_target, FALSE);
      csv_percent (point->coverage_pct, point->has_coverage, FALSE);
      csv_count (point->realised_to_date, TRUE, TRUE);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Text, for people: the locale's language and number style.                               */

static char *
text_count (const Request *request,
            gint64         value,
            gboolean       defined)
{
  return defined ? sigap_format_count (value, request->lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static char *
text_percent (const Request *request,
              double         value,
              gboolean       defined)
{
  return defined ? sigap_format_percent (value, 1, request->lang)
                 : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static char *
text_rupiah (const Request *request,
             gint64         value,
             gboolean       defined)
{
  return defined ? sigap_format_rupiah (value, request->lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

typedef struct
{
  const char *label;   /* NULL for a section heading held in value */
  char       *value;
} TextLine;

static void
text_line_clear (TextLine *line)
{
  g_free (line->value);
}

static void
add_line (GArray     *lines,
          const char *label,
          char       *value)
{
  TextLine line = { label, value };

  g_array_append_val (lines, line);
}

/* Labels padded by characters, not bytes, and values right-aligned, so that translated
 * labels and both number styles line up. */
static void
print_lines (GArray *lines)
{
  glong label_width = 0, value_width = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const TextLine *line = &g_array_index (lines, TextLine, i);

      if (line->label == NULL)
        continue;
      label_width = MAX (label_width, g_utf8_strlen (line->label, -1));
      value_width = MAX (value_width, g_utf8_strlen (line->value, -1));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const TextLine *line = &g_array_index (lines, TextLine, i);

      if (line->label == NULL)
        {
          printf ("%s%s\n", i > 0 ? "\n" : "", line->value);
          continue;
        }

      printf ("  %s%*s  %*s%s\n", line->label,
              (int) (label_width - g_utf8_strlen (line->label, -1)), "",
              (int) (value_width - g_utf8_strlen (line->value, -1)), "", line->value);
    }
}

static void
print_heading (const Request *request,
               const char    *scope_name,
               const char    *scope_code)
{
  g_autofree char *as_of = sigap_format_date (&request->filter->as_of, request->lang, FALSE);

  printf ("SIGAP — %s (%s)\n", scope_name, scope_code);
  /* TRANSLATORS: "Vulnerable workers (rentan), as of 31 October 2026" */
  printf (_("%s (%s), as of %s"), sigap_segment_get_label (request->filter->segment),
          sigap_segment_to_string (request->filter->segment), as_of);
  printf ("\n\n");
}

static void
print_summary_text (const Request      *request,
                    const SigapSummary *summary,
                    const SigapQuality *quality)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (TextLine));
  g_autofree char *as_of = sigap_format_date (&request->filter->as_of, request->lang, FALSE);
  g_autofree char *quota_label = NULL;

  g_array_set_clear_func (lines, (GDestroyNotify) text_line_clear);
  print_heading (request, summary->scope_name, summary->scope_code);

  add_line (lines, NULL, g_strdup (_("Participants")));
  add_line (lines, _("Registered"), text_count (request, summary->registered, TRUE));
  add_line (lines, _("Active"), text_count (request, summary->active, TRUE));
  add_line (lines, _("Ended"), text_count (request, summary->ended, TRUE));
  add_line (lines, _("Target"), text_count (request, summary->target, summary->has_target));
  add_line (lines, _("Coverage (active / target)"),
            text_percent (request, summary->coverage_pct, summary->has_coverage));

  /* TRANSLATORS: %d is the budget year */
  add_line (lines, NULL, g_strdup_printf (_("Budget %d (whole city)"), summary->year));
  add_line (lines, _("Pagu"), text_rupiah (request, summary->pagu, summary->has_pagu));
  add_line (lines, _("Realised"), text_rupiah (request, summary->realised, TRUE));
  add_line (lines, _("Absorption"),
            text_percent (request, summary->absorption_pct, summary->has_absorption));
  add_line (lines, _("Remaining"), text_rupiah (request, summary->remaining, summary->has_pagu));
  add_line (lines, _("Premium per worker a month"),
            text_rupiah (request, summary->premium_monthly, TRUE));
  add_line (lines, _("Projected year-end spending"),
            text_rupiah (request, summary->projected_year_end, TRUE));
  if (summary->quota_months > 0)
    {
      g_autofree char *months = sigap_format_month_span (13 - summary->quota_months, 12,
                                                         request->lang);

      /* TRANSLATORS: the months the quota covers: "Quota for Nov–Dec (more workers)" */
      quota_label = g_strdup_printf (_("Quota for %s (more workers)"), months);
    }
  else
    quota_label = g_strdup (_("Quota (no month of the year left)"));
  add_line (lines, quota_label, text_count (request, summary->quota, summary->has_quota));
  add_line (lines, _("Quota, full-year equivalent"),
            text_count (request, summary->quota_full_year, summary->has_quota));

  /* TRANSLATORS: %s is the as-of date */
  add_line (lines, NULL, g_strdup_printf (_("Data-quality notes (participants registered by %s)"),
                                          as_of));
  for (guint i = 0; i < SIGAP_PARTICIPANT_FLAG_N; i++)
    add_line (lines, sigap_participant_flag_get_label (i),
              text_count (request, quality->counts[i], TRUE));

  print_lines (lines);
}

/* Prints rows of cells (a GStrv each) in columns padded by characters, not bytes, so that
 * "–" and translated names line up; @right_aligned says which columns hold numbers. */
static void
print_table (GPtrArray      *rows,
             const gboolean *right_aligned,
             guint           n_columns)
{
  g_autofree glong *widths = g_new0 (glong, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (cells[c], -1);

          if (c > 0)
            g_string_append (line, "  ");
          if (right_aligned[c])
            g_string_append_printf (line, "%*s%s", (int) pad, "", cells[c]);
          else
            g_string_append_printf (line, "%s%*s", cells[c], (int) pad, "");
        }

      /* No trailing blanks from a left-aligned last column. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      printf ("%s\n", line->str);
    }
}

static char **
breakdown_cells (const Request *request,
                 const char    *code,
                 const char    *name,
                 gint64         registered,
                 gint64         active,
                 gint64         target,
                 gboolean       has_target,
                 double         coverage_pct,
                 gboolean       has_coverage)
{
  char **cells = g_new0 (char *, 7);

  cells[0] = g_strdup (code);
  cells[1] = g_strdup (name);
  cells[2] = text_count (request, registered, TRUE);
  cells[3] = text_count (request, active, TRUE);
  cells[4] = text_count (request, target, has_target);
  cells[5] = text_percent (request, coverage_pct, has_coverage);
  return cells;
}

static void
print_breakdown_text (const Request      *request,
                      const GPtrArray    *rows,
                      const SigapSummary *total)
{
  static const gboolean right_aligned[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **header = g_new0 (char *, 7);

  print_heading (request, total->scope_name, total->scope_code);

  header[0] = g_strdup (_("Code"));
  header[1] = g_strdup (_("Name"));
  header[2] = g_strdup (_("Registered"));
  header[3] = g_strdup (_("Active"));
  header[4] = g_strdup (_("Target"));
  header[5] = g_strdup (_("Coverage"));
  g_ptr_array_add (table, header);

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (table, breakdown_cells (request, row->code, row->name, row->registered,
                                               row->active, row->target, row->has_target,
                                               row->coverage_pct, row->has_coverage));
    }

  /* The scope's own figures: what the rows add up to (targets may not, see the glossary). */
  g_ptr_array_add (table, breakdown_cells (request, "", _("Total"), total->registered,
                                           total->active, total->target, total->has_target,
                                           total->coverage_pct, total->has_coverage));

  print_table (table, right_aligned, G_N_ELEMENTS (right_aligned));
}


static void
print_months_text (const Request      *request,
                   const GArray       *months,
                   const SigapSummary *total)
{
  static const gboolean right_aligned[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **header = g_new0 (char *, G_N_ELEMENTS (right_aligned) + 1);

  print_heading (request, total->scope_name, total->scope_code);

  header[0] = g_strdup (_("Month"));
  header[1] = g_strdup (_("Registered"));
  header[2] = g_strdup (_("Active"));
  header[3] = g_strdup (_("New"));
  header[4] = g_strdup (_("Ended"));
  header[5] = g_strdup (_("Target"));
  header[6] = g_strdup (_("Coverage"));
  header[7] = g_strdup (_("Realised (year to date)"));
  g_ptr_array_add (table, header);

  for (guint i = 0; i < months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      char **cells = g_new0 (char *, G_N_ELEMENTS (right_aligned) + 1);

      cells[0] = sigap_format_month (point->year, point->month, request->lang, FALSE);
      cells[1] = text_count (request, point->registered, TRUE);
      cells[2] = text_count (request, point->active, TRUE);
      cells[3] = text_count (request, point->new_registrations, TRUE);
      cells[4] = text_count (request, point->new_endings, TRUE);
      cells[5] = text_count (request, point->target, point->has_target);
      cells[6] = text_percent (request, point->coverage_pct, point->has_coverage);
      cells[7] = text_rupiah (request, point->realised_to_date, TRUE);
      g_ptr_array_add (table, cells);
    }

  print_table (table, right_aligned, G_N_ELEMENTS (right_aligned));
}

/* ---------------------------------------------------------------------------------------- */

static gboolean
parse_format (const char   *text,
              OutputFormat *out)
{
  if (g_strcmp0 (text, "text") == 0)
    *out = OUTPUT_TEXT;
  else if (g_strcmp0 (text, "json") == 0)
    *out = OUTPUT_JSON;
  else if (g_strcmp0 (text, "csv") == 0)
    *out = OUTPUT_CSV;
  else
    return FALSE;
  return TRUE;
}

static int
run_months (SigapDatabase *db,
            Request       *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = sigap_figures_monthly (db, request->filter,
                                                    SIGAP_FIGURES_TREND_MONTHS, &error);

  if (months == NULL)
    return _sigap_cli_fail_error (error);

  if (request->format == OUTPUT_JSON)
    print_months_json (request, months);
  else if (request->format == OUTPUT_CSV)
    print_months_csv (request, months);
  else
    {
      g_autoptr(SigapSummary) total = sigap_figures_summary_counts (db, request->filter, &error);

      if (total == NULL)
        return _sigap_cli_fail_error (error);
      print_months_text (request, months, total);
    }

  return fflush (stdout) == 0 ? 0 : _sigap_cli_fail (_("cannot write the output"));
}

static int
run_request (SigapDatabase *db,
             Request       *request)
{
  g_autoptr(GError) error = NULL;

  if (request->by_month)
    return run_months (db, request);

  if (request->has_by)
    {
      g_autoptr(GPtrArray) rows = sigap_figures_breakdown (db, request->filter, request->by, &error);

      if (rows == NULL)
        return _sigap_cli_fail_error (error);

      if (request->format == OUTPUT_JSON)
        print_breakdown_json (request, rows);
      else if (request->format == OUTPUT_CSV)
        print_breakdown_csv (request, rows);
      else
        {
          g_autoptr(SigapSummary) total = sigap_figures_summary (db, request->filter, &error);

          if (total == NULL)
            return _sigap_cli_fail_error (error);
          print_breakdown_text (request, rows, total);
        }
    }
  else
    {
      g_autoptr(SigapSummary) summary = sigap_figures_summary (db, request->filter, &error);
      SigapQuality quality;

      if (summary == NULL || !sigap_figures_quality (db, request->filter, &quality, &error))
        return _sigap_cli_fail_error (error);

      if (request->format == OUTPUT_JSON)
        print_summary_json (request, summary, &quality);
      else if (request->format == OUTPUT_CSV)
        print_summary_csv (request, summary, &quality);
      else
        print_summary_text (request, summary, &quality);
    }

  return fflush (stdout) == 0 ? 0 : _sigap_cli_fail (_("cannot write the output"));
}

int
_sigap_cli_summary (int    argc,
                    char **argv)
{
  g_auto(SigapCliFilterArgs) filter_args = { 0 };
  g_autofree char *by_text = NULL;
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text,
      N_("Break down by kecamatan, kelurahan, sector or desil, or give the monthly "
         "series (month)"), N_("WHAT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output as text (default), json or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  Request request = { 0 };
  int status;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Print the programme's figures."));
  _sigap_cli_filter_args_add_entries (&filter_args, context,
                                      SIGAP_CLI_SCOPE_ANY_REGION);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _sigap_cli_fail_error (error);

  if (argc > 1)
    return _sigap_cli_fail (_("unexpected argument “%s”"), argv[1]);
  request.by_month = g_strcmp0 (by_text, "month") == 0;
  if (by_text != NULL && !request.by_month && !sigap_breakdown_parse (by_text, &request.by))
    return _sigap_cli_fail (_("unknown breakdown “%s”: use kecamatan, kelurahan, sector, desil "
                              "or month"),
                            by_text);
  if (format_text != NULL && !parse_format (format_text, &request.format))
    return _sigap_cli_fail (_("unknown format “%s”: use text, json or csv"), format_text);

  status = _sigap_cli_filter_args_open (&filter_args, &db, &filter);
  if (status != 0)
    return status;

  request.filter = filter;
  request.has_by = by_text != NULL && !request.by_month;
  if (!sigap_database_get_cutoff (db, &request.cutoff))
    g_date_clear (&request.cutoff, 1);
  request.lang = sigap_lang_from_locale ();

  return run_request (db, &request);
}
