/* sigap-report-sections.c: what the briefing says, section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number comes from src/core (sigap-figures.h, sigap-import-log.h), fetched once into a
 * SigapReportContext, and is formatted by sigap-format.h in the briefing's language. This file
 * only composes sentences around them, sorts rows (the three lowest coverage rates) and
 * subtracts two core results for a change since the previous month end, as the window does.
 * The charts are built exactly as the window's pages build theirs (same kinds, series, roles,
 * targets and projections), with the PRINT style; their words come from the report's own
 * string table, so they follow the PDF's language rather than the process locale.
 *
 * No participant's NIK or name is ever read here: the sources are aggregates. The official's
 * notes are free text, so a 16-digit run in them (a NIK typed into the notes) is masked.
 */

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-chart-builders.h"
#include "chart/sigap-chart-layout.h"
#include "chart/sigap-chart-map.h"
#include "core/sigap-format.h"
#include "sigap-report-private.h"
#include "sigap-report-table.h"

#define TR(id) sigap_report_string (ctx->lang, RT_ ## id)

/* The longest monthly series the enrollment chart shows, as in the window. */
#define TREND_MONTHS SIGAP_FIGURES_TREND_MONTHS

/* Between two panels of one figure. */
#define PANEL_GAP 16.0

/* Coverage classes of the map: the programme's thresholds. */
static const double coverage_bounds[] = { 50, 70, 90, 100 };

/* ---------------------------------------------------------------------------------------- */
/* Fetching                                                                                 */

void
_sigap_report_context_clear (SigapReportContext *ctx)
{
  g_clear_object (&ctx->db);
  g_clear_pointer (&ctx->filter, sigap_filter_free);
  g_clear_pointer (&ctx->previous_filter, sigap_filter_free);
  g_clear_pointer (&ctx->summary, sigap_summary_free);
  g_clear_pointer (&ctx->previous, sigap_summary_free);
  g_clear_pointer (&ctx->areas, g_ptr_array_unref);
  g_clear_pointer (&ctx->areas_previous, g_ptr_array_unref);
  g_clear_pointer (&ctx->sectors, g_ptr_array_unref);
  g_clear_pointer (&ctx->desil, g_ptr_array_unref);
  g_clear_pointer (&ctx->months, g_array_unref);
  g_clear_pointer (&ctx->payments, g_ptr_array_unref);
  g_clear_pointer (&ctx->budget_lines, g_ptr_array_unref);
  g_clear_pointer (&ctx->batches, g_ptr_array_unref);
  g_clear_pointer (&ctx->generated, g_date_time_unref);
  g_clear_pointer (&ctx->chart_style, sigap_chart_style_free);
  g_clear_object (&ctx->layout);
}

static gboolean
wants (SigapReportContext  *ctx,
       SigapReportSections  section)
{
  return (ctx->options->sections & section) != 0;
}

/**
 * _sigap_report_fetch:
 *
 * Reads every figure the chosen sections need, with the same core calls `sigap summary` and
 * the window make. ctx->db and ctx->filter must be set.
 */
gboolean
_sigap_report_fetch (SigapReportContext  *ctx,
                     GCancellable        *cancellable,
                     GError             **error)
{
  SigapBreakdown by;

  ctx->summary = sigap_figures_summary (ctx->db, ctx->filter, error);
  if (ctx->summary == NULL)
    return FALSE;

  if (g_strcmp0 (ctx->summary->scope_level, "kelurahan") == 0)
    {
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID,
                   /* Translators: the scope's name and code */
                   _("A briefing covers the city or one kecamatan, not the kelurahan %s (%s)"),
                   ctx->summary->scope_name, ctx->summary->scope_code);
      return FALSE;
    }

  ctx->is_city = g_strcmp0 (ctx->summary->scope_level, "kota") == 0;

  /* The end of the month before the as-of date's month: "since last month". */
  ctx->previous_filter = sigap_filter_new_previous_month_end (ctx->filter);
  ctx->previous = sigap_figures_summary (ctx->db, ctx->previous_filter, error);
  if (ctx->previous == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (wants (ctx, SIGAP_REPORT_SECTION_SUMMARY | SIGAP_REPORT_SECTION_COVERAGE))
    {
      by = ctx->is_city ? SIGAP_BREAKDOWN_KECAMATAN : SIGAP_BREAKDOWN_KELURAHAN;
      ctx->areas = sigap_figures_breakdown (ctx->db, ctx->filter, by, error);
      if (ctx->areas == NULL)
        return FALSE;
      ctx->areas_previous = sigap_figures_breakdown (ctx->db, ctx->previous_filter, by, error);
      if (ctx->areas_previous == NULL)
        return FALSE;
    }

  if (wants (ctx, SIGAP_REPORT_SECTION_BREAKDOWN))
    {
      ctx->sectors = sigap_figures_breakdown (ctx->db, ctx->filter, SIGAP_BREAKDOWN_SECTOR,
                                              error);
      if (ctx->sectors == NULL)
        return FALSE;
      ctx->desil = sigap_figures_breakdown (ctx->db, ctx->filter, SIGAP_BREAKDOWN_DESIL, error);
      if (ctx->desil == NULL)
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (wants (ctx, SIGAP_REPORT_SECTION_ENROLLMENT | SIGAP_REPORT_SECTION_BUDGET))
    {
      ctx->months = sigap_figures_monthly (ctx->db, ctx->filter, TREND_MONTHS, error);
      if (ctx->months == NULL)
        return FALSE;
    }

  if (!sigap_figures_what_if (ctx->db, ctx->filter, 0, 1, &ctx->what_if, error))
    return FALSE;

  if (wants (ctx, SIGAP_REPORT_SECTION_BUDGET))
    {
      ctx->payments = sigap_figures_payments (ctx->db, ctx->filter, error);
      if (ctx->payments == NULL)
        return FALSE;
      ctx->budget_lines = sigap_figures_budget_lines (ctx->db, ctx->filter, error);
      if (ctx->budget_lines == NULL)
        return FALSE;
    }

  if (wants (ctx, SIGAP_REPORT_SECTION_NOTES | SIGAP_REPORT_SECTION_METHODOLOGY))
    {
      SigapQuality quality;

      /* The notes of the report's own participants: its scope, segment and date. */
      if (!sigap_figures_quality (ctx->db, ctx->filter, &quality, error))
        return FALSE;
      memcpy (ctx->flags, quality.counts, sizeof ctx->flags);
      ctx->batches = sigap_import_list_batches (ctx->db, error);
      if (ctx->batches == NULL)
        return FALSE;
    }

  if (!sigap_database_get_cutoff (ctx->db, &ctx->cutoff))
    g_date_clear (&ctx->cutoff, 1);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Formatting                                                                               */

static char *
fmt_count (SigapReportContext *ctx,
           gint64              n)
{
  return sigap_format_count (n, ctx->lang);
}

static char *
fmt_count_or_none (SigapReportContext *ctx,
                   gint64              n,
                   gboolean            defined)
{
  return defined ? sigap_format_count (n, ctx->lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

/* Percentages with one decimal, as `sigap summary` prints them. */
static char *
fmt_percent (SigapReportContext *ctx,
             double              pct,
             gboolean            defined)
{
  return defined ? sigap_format_percent (pct, 1, ctx->lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static char *
fmt_rupiah (SigapReportContext *ctx,
            gint64              amount)
{
  return sigap_format_rupiah (amount, ctx->lang);
}

static char *
fmt_rupiah_or_none (SigapReportContext *ctx,
                    gint64              amount,
                    gboolean            defined)
{
  return defined ? sigap_format_rupiah (amount, ctx->lang) : g_strdup (SIGAP_FORMAT_NO_VALUE);
}

static char *
fmt_date (SigapReportContext *ctx,
          const GDate        *date)
{
  return sigap_format_date (date, ctx->lang, FALSE);
}

static char *
quota_months (SigapReportContext *ctx)
{
  int months = ctx->summary->quota_months;

  return months > 0 ? sigap_format_month_span (13 - months, 12, ctx->lang) : NULL;
}

/* A budget figure's label, marked as the city's when the report is a kecamatan's. */
static char *
city_wide (SigapReportContext *ctx,
           char               *label)
{
  char *marked;

  if (ctx->is_city)
    return label;

  marked = g_strdup_printf (TR (KPI_CITY_WIDE), label);
  g_free (label);
  return marked;
}

/* The quota's row label in the figure tables: "Kuota untuk Nov–Des (tambahan pekerja)". */
static char *
quota_label (SigapReportContext *ctx)
{
  g_autofree char *months = quota_months (ctx);

  return months != NULL ? g_strdup_printf (TR (QUOTA), months) : g_strdup (TR (KPI_QUOTA));
}

static const char *
segment_label (SigapReportContext *ctx,
               SigapSegment        segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_EKOSISTEM:
      return TR (SEGMENT_EKOSISTEM);
    case SIGAP_SEGMENT_ALL:
      return TR (SEGMENT_ALL);
    case SIGAP_SEGMENT_RENTAN:
    default:
      return TR (SEGMENT_RENTAN);
    }
}

/* "Kota Bekasi" or "Kecamatan Bekasi Utara". */
static char *
scope_label (SigapReportContext *ctx)
{
  if (ctx->is_city)
    return g_strdup (ctx->summary->scope_name);

  return g_strdup_printf (TR (SCOPE_KECAMATAN), ctx->summary->scope_name);
}

/* The segment inside a sentence: "untuk pekerja rentan". */
static const char *
segment_phrase (SigapReportContext *ctx,
                SigapSegment        segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_EKOSISTEM:
      return TR (SEGMENT_EKOSISTEM_PHRASE);
    case SIGAP_SEGMENT_ALL:
      return TR (SEGMENT_ALL_PHRASE);
    case SIGAP_SEGMENT_RENTAN:
    default:
      return TR (SEGMENT_RENTAN_PHRASE);
    }
}

static const char *
area_word (SigapReportContext *ctx)
{
  return ctx->is_city ? TR (KECAMATAN) : TR (KELURAHAN);
}

static const char *
area_word_plural (SigapReportContext *ctx)
{
  return ctx->is_city ? TR (KECAMATAN_PLURAL) : TR (KELURAHAN_PLURAL);
}

static char *
numbered (SigapReportContext *ctx,
          const char         *kind_format,
          guint              *counter,
          const char         *title)
{
  g_autofree char *number = g_strdup_printf ("%u", ++*counter);

  return g_strdup_printf (kind_format, number, title);
}

static void
add_caption_figure (SigapReportContext *ctx,
                    const char         *title)
{
  g_autofree char *caption = numbered (ctx, TR (FIGURE_N), &ctx->n_figures, title);

  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_CAPTION, caption);
}

static void
add_caption_table (SigapReportContext *ctx,
                   const char         *title)
{
  g_autofree char *caption = numbered (ctx, TR (TABLE_N), &ctx->n_tables, title);

  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_CAPTION, caption);
}

/* Every section starts a page, but the methodology, back matter, may follow the notes. */
static void
add_section_full (SigapReportContext *ctx,
                  const char         *title,
                  gboolean            new_page)
{
  g_autofree char *heading = g_strdup_printf ("%u. %s", ++ctx->n_sections, title);

  sigap_report_layout_add_heading_full (ctx->layout, 1, heading, new_page);
}

static void
add_section (SigapReportContext *ctx,
             const char         *title)
{
  add_section_full (ctx, title, TRUE);
}

static void
add_paragraph_take (SigapReportContext   *ctx,
                    SigapReportTextStyle  style,
                    char                 *text)
{
  sigap_report_layout_add_paragraph (ctx->layout, style, text);
  g_free (text);
}

/* ---------------------------------------------------------------------------------------- */
/* Charts: sigap-chart-builders.c builds them for the window and for the briefing            */

static SigapChartLayout *
chart_layout (SigapReportContext *ctx,
              SigapChart         *chart)
{
  SigapChartLayout *layout = sigap_chart_layout_new (chart);

  /* The caption above carries the title. */
  sigap_chart_layout_set_show_title (layout, FALSE);
  sigap_chart_layout_set_style (layout, ctx->chart_style);
  sigap_chart_layout_set_lang (layout, ctx->lang);
  sigap_chart_layout_set_padding (layout, 2);

  return layout;
}

static double
hbar_height (guint n_rows)
{
  return MIN (58 + 16.0 * MAX (n_rows, 1), SIGAP_REPORT_CONTENT_HEIGHT - 80);
}

/* ---------------------------------------------------------------------------------------- */
/* Cover                                                                                    */

/* Wrapped into as few lines as @width allows, and those lines as even as can be: a display
 * title reads badly with one word alone on its last line. */
static GPtrArray *
wrap_balanced (SigapPainter *painter,
               const char   *text,
               double        width)
{
  GPtrArray *lines = sigap_report_wrap_text (painter, text, width);
  guint n = lines->len;
  double lo = width / MAX (n, 1), hi = width;

  if (n < 2)
    return lines;

  /* The narrowest width that still gives n lines. */
  for (guint i = 0; i < 12; i++)
    {
      double mid = (lo + hi) / 2;
      g_autoptr(GPtrArray) trial = sigap_report_wrap_text (painter, text, mid);

      if (trial->len <= n)
        hi = mid;
      else
        lo = mid;
    }

  g_ptr_array_unref (lines);
  return sigap_report_wrap_text (painter, text, hi);
}

/* Who the programme protects, as the segment says: the rentan segment alone is SIGAP's
 * "pekerja rentan"; the other two name the city's ecosystem workers too. */
static const char *
cover_subtitle (SigapReportContext *ctx)
{
  switch (ctx->filter->segment)
    {
    case SIGAP_SEGMENT_EKOSISTEM:
      return TR (COVER_SUBTITLE_EKOSISTEM);
    case SIGAP_SEGMENT_ALL:
      return TR (COVER_SUBTITLE_ALL);
    case SIGAP_SEGMENT_RENTAN:
    default:
      return TR (COVER_SUBTITLE);
    }
}

static void
draw_cover (SigapPainter *painter,
            double        width,
            double        height,
            gpointer      user_data)
{
  SigapReportContext *ctx = user_data;
  const SigapColor accent = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_ACCENT, 1.0);
  const SigapColor ink = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_INK, 1.0);
  const SigapColor muted = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_MUTED, 1.0);
  const SigapColor tint = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_TINT, 1.0);
  const SigapColor rule = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_RULE, 1.0);
  const double x = SIGAP_REPORT_MARGIN_LEFT;
  const double w = SIGAP_REPORT_CONTENT_WIDTH;
  const char *prepared_by = ctx->options->prepared_by != NULL ? ctx->options->prepared_by
                                                              : TR (DEFAULT_PREPARED_BY);
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  g_autofree char *position = g_strdup_printf (TR (AS_OF_POSITION), as_of);
  g_autofree char *scope = scope_label (ctx);
  g_autofree char *generated = NULL;
  g_autofree char *prepared = NULL;
  g_autoptr(GPtrArray) title = NULL;
  g_autoptr(GPtrArray) subtitle = NULL;
  const char *labels[3];
  g_auto(GStrv) values = g_new0 (char *, 4);
  SigapReportLayout *layout = ctx->layout;
  double y;

  /* A band across the top, the city's name on it. */
  sigap_painter_set_color (painter, &accent);
  sigap_painter_rectangle (painter, 0, 0, width, 10);
  sigap_painter_fill (painter);

  y = 88;
  sigap_report_use_font (painter, 12.5, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_set_color (painter, &accent);
  sigap_text_fit_show_line (painter, TR (COVER_GOVERNMENT), x, y, 0);
  y += 19;
  sigap_report_use_font (painter, 10.5, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_set_color (painter, &muted);
  sigap_text_fit_show_line (painter, prepared_by, x, y, 0);
  y += 26;
  sigap_painter_set_color (painter, &accent);
  sigap_painter_set_line_width (painter, 2.5);
  sigap_painter_move_to (painter, x, y);
  sigap_painter_line_to (painter, x + w, y);
  sigap_painter_stroke (painter);

  /* The title. */
  y = 210;
  sigap_report_use_font (painter, 25, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_set_color (painter, &ink);
  title = wrap_balanced (painter, TR (COVER_TITLE), w);
  for (guint i = 0; i < title->len; i++, y += 32)
    sigap_text_fit_show_line (painter, g_ptr_array_index (title, i), x, y, 0);
  y += 8;
  sigap_report_use_font (painter, 14, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_set_color (painter, &muted);
  subtitle = wrap_balanced (painter, cover_subtitle (ctx), w);
  for (guint i = 0; i < subtitle->len; i++, y += 20)
    sigap_text_fit_show_line (painter, g_ptr_array_index (subtitle, i), x, y, 0);

  /* Scope, segment and date, in a tinted box. */
  y += 30;
  labels[0] = TR (COVER_SCOPE);
  values[0] = ctx->is_city ? g_strdup (scope)
                           : g_strdup_printf ("%s (%s)", scope, ctx->summary->scope_code);
  labels[1] = TR (COVER_SEGMENT);
  values[1] = g_strdup (segment_label (ctx, ctx->filter->segment));
  labels[2] = TR (COVER_DATA_CUTOFF);
  values[2] = g_date_valid (&ctx->cutoff) ? fmt_date (ctx, &ctx->cutoff)
                                          : g_strdup (SIGAP_FORMAT_NO_VALUE);

  sigap_painter_set_color (painter, &tint);
  sigap_painter_rectangle (painter, x, y, w, 112);
  sigap_painter_fill (painter);
  sigap_painter_set_color (painter, &accent);
  sigap_painter_rectangle (painter, x, y, 4, 112);
  sigap_painter_fill (painter);

  sigap_report_use_font (painter, 15, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_set_color (painter, &accent);
  sigap_text_fit_show_line (painter, position, x + 18, y + 14, 0);
  for (guint i = 0; i < 3; i++)
    {
      double row_y = y + 44 + i * 19;

      sigap_report_use_font (painter, 9.5, SIGAP_FONT_WEIGHT_NORMAL);
      sigap_painter_set_color (painter, &muted);
      sigap_text_fit_show_line (painter, labels[i], x + 18, row_y, 0);
      sigap_report_use_font (painter, 9.5, SIGAP_FONT_WEIGHT_BOLD);
      sigap_painter_set_color (painter, &ink);
      sigap_text_fit_show_line (painter, values[i], x + 130, row_y, 0);
    }

  /* Contents, with page numbers now that the pages are known. */
  y += 150;
  sigap_report_use_font (painter, 11, SIGAP_FONT_WEIGHT_BOLD);
  sigap_painter_set_color (painter, &ink);
  sigap_text_fit_show_line (painter, TR (CONTENTS), x, y, 0);
  y += 20;
  for (guint i = 0; i < sigap_report_layout_get_n_headings (layout); i++)
    {
      guint level, page;
      const char *text = sigap_report_layout_get_heading (layout, i, &level, &page);
      g_autofree char *number = NULL;
      double text_w, number_w;

      if (level > 1)
        continue;

      number = g_strdup_printf ("%u", page);
      sigap_report_use_font (painter, 9.5, SIGAP_FONT_WEIGHT_NORMAL);
      sigap_painter_set_color (painter, &ink);
      sigap_text_fit_show_line (painter, text, x, y, 0);
      sigap_text_fit_show_line (painter, number, x + w, y, 1);
      text_w = sigap_text_fit_width (painter, text);
      number_w = sigap_text_fit_width (painter, number);

      /* A dotted leader from the title to its page. */
      sigap_painter_save (painter);
      {
        const double dots[] = { 1, 3 };

        sigap_painter_set_color (painter, &rule);
        sigap_painter_set_line_width (painter, 0.8);
        sigap_painter_set_dash (painter, dots, 2, 0);
        sigap_painter_move_to (painter, x + text_w + 6, y + 9);
        sigap_painter_line_to (painter, x + w - number_w - 6, y + 9);
        sigap_painter_stroke (painter);
      }
      sigap_painter_restore (painter);
      y += 17;
    }

  /* Who prepared it, and when. */
  y = height - 150;
  sigap_painter_set_color (painter, &rule);
  sigap_painter_set_line_width (painter, 0.5);
  sigap_painter_move_to (painter, x, y);
  sigap_painter_line_to (painter, x + w, y);
  sigap_painter_stroke (painter);

  {
    g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (ctx->generated),
                                            g_date_time_get_month (ctx->generated),
                                            g_date_time_get_year (ctx->generated));
    g_autofree char *day = fmt_date (ctx, date);

    generated = g_strdup_printf (TR (COVER_GENERATED), day);
  }
  prepared = g_strdup_printf (TR (COVER_PREPARED_BY), prepared_by);

  sigap_report_use_font (painter, 9, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_painter_set_color (painter, &ink);
  sigap_text_fit_show_line (painter, prepared, x, y + 12, 0);
  sigap_painter_set_color (painter, &muted);
  sigap_text_fit_show_line (painter, generated, x, y + 27, 0);
  sigap_report_use_font (painter, 7.5, SIGAP_FONT_WEIGHT_NORMAL);
  sigap_text_fit_show_line (painter, TR (COVER_PRIVACY), x, y + 48, 0);
}

/* ---------------------------------------------------------------------------------------- */
/* Ringkasan eksekutif                                                                      */

typedef struct
{
  char *label;
  char *value;
  char *detail;
} Kpi;

typedef struct
{
  Kpi kpis[6];
} KpiGrid;

static void
kpi_grid_free (KpiGrid *grid)
{
  for (guint i = 0; i < G_N_ELEMENTS (grid->kpis); i++)
    {
      g_free (grid->kpis[i].label);
      g_free (grid->kpis[i].value);
      g_free (grid->kpis[i].detail);
    }
  g_free (grid);
}

/* One line in at most @max_width: the font shrinks (to two thirds of @size at most, keeping
 * the line's top) before the text is cut with an ellipsis. */
static void
show_fitted (SigapPainter    *painter,
             const char      *text,
             double           x,
             double           top,
             double           max_width,
             double           size,
             SigapFontWeight  weight)
{
  SigapTextFitFont font = { SIGAP_REPORT_FONT_FAMILY, size, weight, 2.0 / 3, 0 };
  double scale = 1;
  g_autoptr(GPtrArray) lines = sigap_text_fit_shrink (painter, text, max_width, 1,
                                                      SIGAP_TEXT_FIT_NAMES, &font, &scale,
                                                      NULL);

  /* A smaller font keeps the same baseline as the full size would have. */
  sigap_text_fit_show_line (painter, g_ptr_array_index (lines, 0), x,
                            top + (size - size * scale) * 0.928, 0);
}

#define KPI_HEIGHT 60.0
#define KPI_GAP    9.0

static void
draw_kpi_grid (SigapPainter *painter,
               double        width,
               double        height,
               gpointer      user_data)
{
  KpiGrid *grid = user_data;
  const SigapColor tint = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_TINT, 1.0);
  const SigapColor accent = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_ACCENT, 1.0);
  const SigapColor ink = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_INK, 1.0);
  const SigapColor muted = SIGAP_COLOR_INIT_HEX (SIGAP_REPORT_MUTED, 1.0);
  double card_w = (width - 2 * KPI_GAP) / 3;

  for (guint i = 0; i < G_N_ELEMENTS (grid->kpis); i++)
    {
      const Kpi *kpi = &grid->kpis[i];
      double x = (i % 3) * (card_w + KPI_GAP);
      double y = (i / 3) * (KPI_HEIGHT + KPI_GAP);

      sigap_painter_set_color (painter, &tint);
      sigap_painter_rectangle (painter, x, y, card_w, KPI_HEIGHT);
      sigap_painter_fill (painter);
      sigap_painter_set_color (painter, &accent);
      sigap_painter_rectangle (painter, x, y, 3, KPI_HEIGHT);
      sigap_painter_fill (painter);

      sigap_painter_set_color (painter, &muted);
      show_fitted (painter, kpi->label, x + 11, y + 7, card_w - 18, 7.5,
                   SIGAP_FONT_WEIGHT_NORMAL);
      sigap_painter_set_color (painter, &ink);
      show_fitted (painter, kpi->value, x + 11, y + 19, card_w - 18, 15.5, SIGAP_FONT_WEIGHT_BOLD);
      sigap_painter_set_color (painter, &muted);
      show_fitted (painter, kpi->detail, x + 11, y + 43, card_w - 18, 7.2,
                   SIGAP_FONT_WEIGHT_NORMAL);
    }
}

static void
set_kpi (Kpi  *kpi,
         char *label,
         char *value,
         char *detail)
{
  kpi->label = label;
  kpi->value = value;
  kpi->detail = detail;
}

static void
add_kpis (SigapReportContext *ctx)
{
  const SigapSummary *s = ctx->summary;
  KpiGrid *grid = g_new0 (KpiGrid, 1);
  g_autofree char *registered = fmt_count (ctx, s->registered);
  g_autofree char *target = fmt_count (ctx, s->target);
  g_autofree char *absorption = fmt_percent (ctx, s->absorption_pct, s->has_absorption);
  g_autofree char *projected = sigap_format_rupiah_short (s->projected_year_end, ctx->lang);
  g_autofree char *pagu_label = g_strdup_printf (TR (KPI_PAGU), s->year);

  set_kpi (&grid->kpis[0], g_strdup (TR (KPI_ACTIVE)), fmt_count (ctx, s->active),
           g_strdup_printf (TR (KPI_ACTIVE_DETAIL), registered));
  set_kpi (&grid->kpis[1], g_strdup (TR (KPI_COVERAGE)),
           fmt_percent (ctx, s->coverage_pct, s->has_coverage),
           s->has_target ? g_strdup_printf (TR (KPI_COVERAGE_DETAIL), target)
                         : g_strdup (TR (KPI_NO_TARGET)));
  g_autofree char *months = quota_months (ctx);
  g_autofree char *full_year = fmt_count (ctx, s->quota_full_year);

  set_kpi (&grid->kpis[2], city_wide (ctx, g_strdup (TR (KPI_REALISED))),
           sigap_format_rupiah_short (s->realised, ctx->lang),
           g_strdup_printf (TR (KPI_REALISED_DETAIL), absorption));
  set_kpi (&grid->kpis[3], city_wide (ctx, g_steal_pointer (&pagu_label)),
           s->has_pagu ? sigap_format_rupiah_short (s->pagu, ctx->lang)
                       : g_strdup (SIGAP_FORMAT_NO_VALUE),
           g_strdup (TR (KPI_PAGU_DETAIL)));
  set_kpi (&grid->kpis[4], city_wide (ctx, g_strdup (TR (KPI_REMAINING))),
           s->has_pagu ? sigap_format_rupiah_short (s->remaining, ctx->lang)
                       : g_strdup (SIGAP_FORMAT_NO_VALUE),
           g_strdup_printf (TR (KPI_REMAINING_DETAIL), projected));
  set_kpi (&grid->kpis[5], city_wide (ctx, g_strdup (TR (KPI_QUOTA))),
           fmt_count_or_none (ctx, s->quota, s->has_quota),
           s->has_quota ? g_strdup_printf (TR (KPI_QUOTA_DETAIL), months, full_year)
           : g_strdup (months == NULL ? TR (KPI_QUOTA_NO_MONTH) : TR (KPI_QUOTA_NONE)));

  sigap_report_layout_add_figure (ctx->layout, 2 * KPI_HEIGHT + KPI_GAP, draw_kpi_grid, grid,
                                  (GDestroyNotify) kpi_grid_free);
}

static int
compare_coverage (gconstpointer a,
                  gconstpointer b)
{
  const SigapBreakdownRow *ra = *(const SigapBreakdownRow * const *) a;
  const SigapBreakdownRow *rb = *(const SigapBreakdownRow * const *) b;

  if (ra->coverage_pct != rb->coverage_pct)
    return ra->coverage_pct < rb->coverage_pct ? -1 : 1;

  return g_strcmp0 (ra->code, rb->code);
}

/* The rows that have a coverage rate, lowest first. */
static GPtrArray *
rows_by_coverage (GPtrArray *rows)
{
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      if (row->has_coverage && isfinite (row->coverage_pct))
        g_ptr_array_add (sorted, (gpointer) row);
    }

  g_ptr_array_sort (sorted, compare_coverage);
  return sorted;
}

/* "A (1,0%), B (2,0%) dan C (3,0%)". */
static char *
join_areas (SigapReportContext *ctx,
            GPtrArray          *rows,
            guint               n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);
      g_autofree char *pct = fmt_percent (ctx, row->coverage_pct, TRUE);

      if (i > 0)
        g_string_append (out, i + 1 == n ? TR (LIST_AND) : ", ");
      g_string_append_printf (out, "%s (%s)", row->name, pct);
    }

  return g_string_free (out, FALSE);
}

static void
add_highlights (SigapReportContext *ctx)
{
  const SigapSummary *s = ctx->summary;
  const SigapSummary *p = ctx->previous;
  const SigapWhatIf *w = &ctx->what_if;
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  g_autofree char *previous_date = fmt_date (ctx, &ctx->previous_filter->as_of);
  g_autofree char *active = fmt_count (ctx, s->active);

  /* Enrollment and coverage. */
  if (s->has_coverage)
    {
      g_autofree char *target = fmt_count (ctx, s->target);
      g_autofree char *coverage = fmt_percent (ctx, s->coverage_pct, TRUE);

      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                          g_strdup_printf (TR (HL_COVERAGE), as_of, active, coverage, target));
    }
  else
    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                        g_strdup_printf (TR (HL_COVERAGE_NO_TARGET), as_of, active));

  {
    SigapSummaryChange moved;
    gint64 change;
    g_autofree char *amount = NULL;
    g_autofree char *text = NULL;

    sigap_summary_change (s, p, &moved);
    change = moved.active;
    amount = fmt_count (ctx, ABS (change));
    if (change > 0)
      text = g_strdup_printf (TR (HL_ACTIVE_UP), previous_date, amount);
    else if (change < 0)
      text = g_strdup_printf (TR (HL_ACTIVE_DOWN), previous_date, amount);
    else
      text = g_strdup_printf (TR (HL_ACTIVE_SAME), previous_date);

    if (moved.has_coverage)
      {
        g_autofree char *before = fmt_percent (ctx, p->coverage_pct, TRUE);
        g_autofree char *points = sigap_format_decimal (fabs (moved.coverage_points), 1,
                                                        ctx->lang);
        g_autofree char *more = NULL;

        if (moved.coverage_points >= 0.05)
          more = g_strdup_printf (TR (HL_COVERAGE_UP), points, before);
        else if (moved.coverage_points <= -0.05)
          more = g_strdup_printf (TR (HL_COVERAGE_DOWN), points, before);
        else
          more = g_strdup_printf (TR (HL_COVERAGE_SAME), before);

        add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET, g_strconcat (text, more, NULL));
      }
    else
      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET, g_strconcat (text, ".", NULL));
  }

  /* The budget. */
  if (s->has_pagu)
    {
      g_autofree char *realised = fmt_rupiah (ctx, s->realised);
      g_autofree char *absorption = fmt_percent (ctx, s->absorption_pct, s->has_absorption);
      g_autofree char *pagu = fmt_rupiah (ctx, s->pagu);
      g_autofree char *remaining = fmt_rupiah (ctx, s->remaining);

      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                          g_strdup_printf (TR (HL_BUDGET), s->year, realised, absorption, pagu,
                                           remaining));

      if (w->lasts)
        {
          g_autofree char *balance = fmt_rupiah (ctx, w->balance_year_end);
          g_autofree char *projected = fmt_rupiah (ctx, w->projected_year_end);
          g_autofree char *quota = s->has_quota
                                   ? sigap_format_quota (s->quota, s->quota_months,
                                                         s->quota_full_year, ctx->lang)
                                   : NULL;

          add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                              s->has_quota
                              ? g_strdup_printf (TR (HL_LASTS_QUOTA), s->year, projected,
                                                 balance, quota)
                              : g_strdup_printf (TR (HL_LASTS), s->year, projected, balance));
        }
      else
        {
          g_autofree char *month = sigap_format_month (s->year, w->runs_out_month, ctx->lang,
                                                       FALSE);
          g_autofree char *shortfall = fmt_rupiah (ctx, -w->balance_year_end);

          add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                              g_strdup_printf (TR (HL_RUNS_OUT), month, shortfall));
        }
    }
  else
    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                        g_strdup_printf (TR (HL_NO_PAGU), s->year));

  /* Where coverage lags. */
  if (ctx->areas != NULL)
    {
      g_autoptr(GPtrArray) sorted = rows_by_coverage (ctx->areas);
      guint n = MIN (sorted->len, 3);

      if (n > 0)
        {
          g_autofree char *list = join_areas (ctx, sorted, n);

          add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                              g_strdup_printf (n == 3 ? TR (HL_LOWEST_3) : TR (HL_LOWEST),
                                               area_word_plural (ctx), list));
        }
    }

  if (!ctx->is_city)
    sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET,
                                       TR (HL_BUDGET_CITYWIDE));
}

/* The figures of `sigap summary`, in its order and with its labels, as two tables side by
 * side. */
typedef struct
{
  SigapReportTable *left;
  SigapReportTable *right;
} TablePair;

static void
table_pair_free (TablePair *pair)
{
  g_clear_object (&pair->left);
  g_clear_object (&pair->right);
  g_free (pair);
}

#define PAIR_GAP 14.0

static void
draw_table_pair (SigapPainter *painter,
                 double        width,
                 double        height,
                 gpointer      user_data)
{
  TablePair *pair = user_data;
  guint n_left = sigap_report_table_get_n_rows (pair->left);
  guint n_right = sigap_report_table_get_n_rows (pair->right);

  sigap_report_table_draw (pair->left, painter, 0, 0, 0, n_left, FALSE);
  sigap_report_table_draw (pair->right, painter, (width + PAIR_GAP) / 2, 0, 0, n_right, FALSE);
}

static SigapReportTable *
figures_table (const char *title,
               const char *value_title)
{
  SigapReportTable *table = sigap_report_table_new ();

  sigap_report_table_add_column (table, title, SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (table, value_title, SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  return table;
}

static void
add_key_figures (SigapReportContext *ctx)
{
  const SigapSummary *s = ctx->summary;
  SigapPainter *painter = sigap_report_layout_get_painter (ctx->layout);
  TablePair *pair = g_new0 (TablePair, 1);
  g_autofree char *budget_title = g_strdup_printf (TR (BUDGET_YEAR_CITY), s->year);
  double half = (SIGAP_REPORT_CONTENT_WIDTH - PAIR_GAP) / 2;
  double height;
  guint n_rows;

  pair->left = figures_table (TR (PARTICIPANTS), TR (VALUE));
  sigap_report_table_add_row_take (pair->left, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (REGISTERED)),
                                   fmt_count (ctx, s->registered), NULL);
  sigap_report_table_add_row_take (pair->left, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (ACTIVE)),
                                   fmt_count (ctx, s->active), NULL);
  sigap_report_table_add_row_take (pair->left, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (ENDED)),
                                   fmt_count (ctx, s->ended), NULL);
  sigap_report_table_add_row_take (pair->left, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (TARGET)),
                                   fmt_count_or_none (ctx, s->target, s->has_target), NULL);
  sigap_report_table_add_row_take (pair->left, SIGAP_REPORT_ROW_NORMAL,
                                   g_strdup (TR (COVERAGE_ACTIVE_TARGET)),
                                   fmt_percent (ctx, s->coverage_pct, s->has_coverage), NULL);

  pair->right = figures_table (budget_title, TR (VALUE));
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (PAGU)),
                                   fmt_rupiah_or_none (ctx, s->pagu, s->has_pagu), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (REALISED)),
                                   fmt_rupiah (ctx, s->realised), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (ABSORPTION)),
                                   fmt_percent (ctx, s->absorption_pct, s->has_absorption), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (REMAINING)),
                                   fmt_rupiah_or_none (ctx, s->remaining, s->has_pagu), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL,
                                   g_strdup (TR (PREMIUM_MONTHLY)),
                                   fmt_rupiah (ctx, s->premium_monthly), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL,
                                   g_strdup (TR (PROJECTED_YEAR_END)),
                                   fmt_rupiah (ctx, s->projected_year_end), NULL);
  sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL, quota_label (ctx),
                                   fmt_count_or_none (ctx, s->quota, s->has_quota), NULL);
  if (s->has_quota)
    sigap_report_table_add_row_take (pair->right, SIGAP_REPORT_ROW_NORMAL,
                                     g_strdup (TR (QUOTA_FULL_YEAR)),
                                     fmt_count (ctx, s->quota_full_year), NULL);

  sigap_report_table_layout (pair->left, painter, half);
  sigap_report_table_layout (pair->right, painter, half);
  /* The rows side by side line up: both headers as tall as the taller. */
  height = MAX (sigap_report_table_get_header_height (pair->left),
                sigap_report_table_get_header_height (pair->right));
  sigap_report_table_set_min_header_height (pair->left, height);
  sigap_report_table_set_min_header_height (pair->right, height);
  sigap_report_table_layout (pair->left, painter, half);
  sigap_report_table_layout (pair->right, painter, half);
  n_rows = sigap_report_table_get_n_rows (pair->left);
  height = sigap_report_table_get_header_height (pair->left) +
           sigap_report_table_get_rows_height (pair->left, 0, n_rows);
  n_rows = sigap_report_table_get_n_rows (pair->right);
  height = MAX (height, sigap_report_table_get_header_height (pair->right) +
                        sigap_report_table_get_rows_height (pair->right, 0, n_rows));

  sigap_report_layout_add_figure (ctx->layout, height + 1, draw_table_pair, pair,
                                  (GDestroyNotify) table_pair_free);
}

static void
add_summary_section (SigapReportContext *ctx)
{
  g_autofree char *scope = scope_label (ctx);
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);

  add_section (ctx, TR (SEC_SUMMARY));
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_LEAD,
                      g_strdup_printf (TR (SUMMARY_LEAD), scope,
                                       segment_phrase (ctx, ctx->filter->segment), as_of));
  add_kpis (ctx);

  sigap_report_layout_add_heading (ctx->layout, 2, TR (HIGHLIGHTS));
  add_highlights (ctx);

  sigap_report_layout_add_heading (ctx->layout, 2, TR (KEY_FIGURES));
  add_key_figures (ctx);
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (KEY_FIGURES_NOTE));
}

/* ---------------------------------------------------------------------------------------- */
/* Progres kepesertaan                                                                      */

static void
add_enrollment_section (SigapReportContext *ctx)
{
  g_autoptr(SigapChart) chart = sigap_chart_build_enrollment (ctx->months, ctx->lang);
  g_autoptr(SigapChartLayout) layout = chart_layout (ctx, chart);
  g_autoptr(SigapChart) gauge = sigap_chart_build_coverage_gauge (ctx->summary, ctx->lang);
  g_autoptr(SigapChartLayout) gauge_layout = chart_layout (ctx, gauge);
  g_autoptr(SigapReportTable) table = sigap_report_table_new ();
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  gboolean partial = !sigap_date_is_month_end (&ctx->filter->as_of);
  guint first = sigap_chart_enrollment_first_month (ctx->months);

  add_section (ctx, TR (SEC_ENROLLMENT));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BODY, TR (ENROLLMENT_LEAD));

  add_caption_figure (ctx, TR (CHART_ENROLLMENT));
  sigap_report_layout_add_chart (ctx->layout, layout, 205);

  add_caption_figure (ctx, TR (COVERAGE_GAUGE_TITLE));
  sigap_report_layout_add_chart (ctx->layout, gauge_layout, 64);

  /* The table runs over the months the chart shows; with nobody registered yet, the last. */
  if (first == ctx->months->len && first > 0)
    first--;

  sigap_report_table_add_column (table, TR (MONTH), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (table, TR (REGISTERED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (ACTIVE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (NEW_IN_MONTH), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (ENDED_IN_MONTH), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (TARGET), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (COVERAGE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);

  for (guint i = first; i < ctx->months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (ctx->months, SigapMonthPoint, i);
      g_autofree char *month = sigap_format_month (point->year, point->month, ctx->lang, FALSE);
      gboolean last = i + 1 == ctx->months->len;

      sigap_report_table_add_row_take (table, SIGAP_REPORT_ROW_NORMAL,
                                       last && partial ? g_strconcat (month, "*", NULL)
                                                       : g_strdup (month),
                                       fmt_count (ctx, point->registered),
                                       fmt_count (ctx, point->active),
                                       fmt_count (ctx, point->new_registrations),
                                       fmt_count (ctx, point->new_endings),
                                       fmt_count_or_none (ctx, point->target, point->has_target),
                                       fmt_percent (ctx, point->coverage_pct, point->has_coverage),
                                       NULL);
    }

  add_caption_table (ctx, TR (TABLE_MONTHLY));
  sigap_report_layout_add_table (ctx->layout, table);
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (MONTHLY_NOTE));
  if (partial)
    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_NOTE,
                        g_strdup_printf (TR (MONTHLY_PARTIAL_NOTE), as_of));
}

/* ---------------------------------------------------------------------------------------- */
/* Cakupan per kecamatan (or kelurahan)                                                     */

static const SigapBreakdownRow *
find_row (GPtrArray  *rows,
          const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->code, code) == 0)
        return row;
    }

  return NULL;
}

/* The map and the bar chart of the same rows, side by side, each with its own title. */
typedef struct
{
  SigapChartMap    *map;
  SigapChartLayout *chart;
  double            map_width;
} MapAndChart;

static void
map_and_chart_free (MapAndChart *figure)
{
  g_clear_object (&figure->map);
  g_clear_object (&figure->chart);
  g_free (figure);
}


static void
draw_map_and_chart (SigapPainter *painter,
                    double        width,
                    double        height,
                    gpointer      user_data)
{
  MapAndChart *figure = user_data;

  if (figure->map != NULL)
    sigap_chart_map_render (figure->map, painter, figure->map_width, height);

  sigap_painter_save (painter);
  sigap_hpdf_painter_translate (SIGAP_HPDF_PAINTER (painter), figure->map_width + PANEL_GAP, 0);
  sigap_chart_layout_render (figure->chart, painter, width - figure->map_width - PANEL_GAP,
                             height);
  sigap_painter_restore (painter);
}

static void
add_coverage_section (SigapReportContext *ctx)
{
  g_autoptr(SigapRegions) regions = NULL;
  const SigapRegion *scope;
  const SigapSummary *s = ctx->summary;
  g_autoptr(SigapChartMap) map = NULL;
  g_autoptr(SigapChart) chart = NULL;
  g_autoptr(SigapReportTable) table = sigap_report_table_new ();
  g_autoptr(GPtrArray) sorted = rows_by_coverage (ctx->areas);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous_date = fmt_date (ctx, &ctx->previous_filter->as_of);
  g_autofree char *title = g_strdup_printf (TR (SEC_COVERAGE), area_word (ctx));
  g_autofree char *figure_title = g_strdup_printf (TR (FIGURE_AREAS), area_word_plural (ctx));
  g_autofree char *table_title = g_strdup_printf (TR (TABLE_AREAS), area_word_plural (ctx));
  SigapPainter *painter = sigap_report_layout_get_painter (ctx->layout);
  MapAndChart *figure = g_new0 (MapAndChart, 1);
  double height;

  add_section (ctx, title);

  if (sorted->len >= 2)
    {
      const SigapBreakdownRow *low = g_ptr_array_index (sorted, 0);
      const SigapBreakdownRow *high = g_ptr_array_index (sorted, sorted->len - 1);
      g_autofree char *low_pct = fmt_percent (ctx, low->coverage_pct, TRUE);
      g_autofree char *high_pct = fmt_percent (ctx, high->coverage_pct, TRUE);

      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY,
                          g_strdup_printf (TR (COVERAGE_RANGE), area_word_plural (ctx),
                                           low->name, low_pct, high->name, high_pct));
    }

  /* The bar chart the window shows for these rows, beside the map. */
  chart = sigap_chart_build_regions (ctx->areas, ctx->is_city ? SIGAP_BREAKDOWN_KECAMATAN
                                                             : SIGAP_BREAKDOWN_KELURAHAN,
                                     ctx->lang);
  figure->chart = chart_layout (ctx, chart);
  sigap_chart_layout_set_show_title (figure->chart, TRUE);
  height = hbar_height (ctx->areas->len) + 24;

  /* The map, from the regions' coordinates in the database, its legend under the tiles. */
  map = sigap_chart_map_new (TR (MAP_TITLE));
  sigap_chart_map_set_padding (map, 2);
  sigap_chart_map_set_style (map, ctx->chart_style);
  sigap_chart_map_set_lang (map, ctx->lang);
  sigap_chart_map_set_measure (map, TR (COVERAGE), SIGAP_CHART_UNIT_PERCENT);
  sigap_chart_map_set_no_data_text (map, TR (NO_DATA_TARGET));
  sigap_chart_map_set_class_bounds (map, coverage_bounds, G_N_ELEMENTS (coverage_bounds));
  regions = sigap_regions_load (ctx->db, &error);
  scope = regions != NULL ? sigap_regions_lookup (regions, s->scope_code) : NULL;
  if (scope != NULL && sigap_chart_map_set_regions (map, scope, &error))
    {
      for (guint i = 0; i < ctx->areas->len; i++)
        {
          const SigapBreakdownRow *row = g_ptr_array_index (ctx->areas, i);

          sigap_chart_map_set_value (map, row->code, row->has_coverage ? row->coverage_pct : NAN);
        }

      /* A third of the width; as tall as the tiles want, within reason. */
      figure->map_width = round (SIGAP_REPORT_CONTENT_WIDTH * 0.42);
      height = MAX (height, MIN (sigap_chart_map_get_natural_height (map, painter,
                                                                     figure->map_width),
                                 330));
      figure->map = g_steal_pointer (&map);
    }
  else
    g_debug ("No map: %s", error->message);

  add_caption_figure (ctx, figure_title);
  sigap_report_layout_add_figure (ctx->layout, height, draw_map_and_chart, figure,
                                  (GDestroyNotify) map_and_chart_free);

  /* The table: the breakdown, then the scope's own figures as the total. */
  sigap_report_table_add_column (table, TR (CODE), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (table, area_word (ctx), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (table, TR (REGISTERED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (ACTIVE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (CHANGE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (TARGET), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (COVERAGE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (table, TR (RANK), SIGAP_REPORT_ALIGN_RIGHT, FALSE);

  for (guint i = 0; i < ctx->areas->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (ctx->areas, i);
      const SigapBreakdownRow *before = find_row (ctx->areas_previous, row->code);
      guint rank = 0;

      /* Rank 1 is the highest coverage. */
      for (guint r = 0; r < sorted->len; r++)
        if (g_ptr_array_index (sorted, r) == row)
          rank = sorted->len - r;

      sigap_report_table_add_row_take (table, SIGAP_REPORT_ROW_NORMAL,
                                       g_strdup (row->code), g_strdup (row->name),
                                       fmt_count (ctx, row->registered),
                                       fmt_count (ctx, row->active),
                                       before != NULL
                                       ? sigap_format_change_people (row->active - before->active,
                                                                     ctx->lang)
                                       : g_strdup (SIGAP_FORMAT_NO_VALUE),
                                       fmt_count_or_none (ctx, row->target, row->has_target),
                                       fmt_percent (ctx, row->coverage_pct, row->has_coverage),
                                       rank > 0 ? g_strdup_printf ("%u", rank)
                                                : g_strdup (SIGAP_FORMAT_NO_VALUE),
                                       NULL);
    }

  sigap_report_table_add_row_take (table, SIGAP_REPORT_ROW_TOTAL,
                                   g_strdup (s->scope_code), scope_label (ctx),
                                   fmt_count (ctx, s->registered), fmt_count (ctx, s->active),
                                   sigap_format_change_people (s->active - ctx->previous->active,
                                                               ctx->lang),
                                   fmt_count_or_none (ctx, s->target, s->has_target),
                                   fmt_percent (ctx, s->coverage_pct, s->has_coverage),
                                   g_strdup (""), NULL);

  add_caption_table (ctx, table_title);
  sigap_report_layout_add_table (ctx->layout, table);
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_NOTE,
                      g_strdup_printf (TR (AREAS_NOTE), previous_date));
}

/* A chart with a narrow table of the same rows at its right. */
typedef struct
{
  SigapChartLayout *chart;
  SigapReportTable *table;
  double            table_width;
} ChartAndTable;

static void
chart_and_table_free (ChartAndTable *figure)
{
  g_clear_object (&figure->chart);
  g_clear_object (&figure->table);
  g_free (figure);
}

static void
draw_chart_and_table (SigapPainter *painter,
                      double        width,
                      double        height,
                      gpointer      user_data)
{
  ChartAndTable *figure = user_data;
  double chart_width = width - figure->table_width - PANEL_GAP;

  sigap_chart_layout_render (figure->chart, painter, chart_width, height);
  sigap_report_table_draw (figure->table, painter, chart_width + PANEL_GAP, 0, 0,
                           sigap_report_table_get_n_rows (figure->table), FALSE);
}

static void
add_chart_and_table (SigapReportContext *ctx,
                     SigapChartLayout   *chart,
                     double              chart_height,
                     SigapReportTable   *table)
{
  ChartAndTable *figure = g_new0 (ChartAndTable, 1);
  SigapPainter *painter = sigap_report_layout_get_painter (ctx->layout);
  guint n_rows = sigap_report_table_get_n_rows (table);
  double table_height;

  figure->chart = g_object_ref (chart);
  figure->table = g_object_ref (table);
  figure->table_width = round (SIGAP_REPORT_CONTENT_WIDTH * 0.46);
  sigap_report_table_layout (table, painter, figure->table_width);
  table_height = sigap_report_table_get_header_height (table) +
                 sigap_report_table_get_rows_height (table, 0, n_rows) + 1;

  sigap_report_layout_add_figure (ctx->layout, MAX (chart_height, table_height),
                                  draw_chart_and_table, figure,
                                  (GDestroyNotify) chart_and_table_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Sebaran sektor dan desil                                                                 */

static void
add_breakdown_section (SigapReportContext *ctx)
{
  const SigapSummary *s = ctx->summary;
  g_autoptr(SigapChart) sector_chart = NULL;
  g_autoptr(SigapChartLayout) sector_layout = NULL;
  g_autoptr(SigapChart) desil_chart = NULL;
  g_autoptr(SigapChartLayout) desil_layout = NULL;
  g_autoptr(SigapReportTable) sectors = sigap_report_table_new ();
  g_autoptr(SigapReportTable) desil = sigap_report_table_new ();

  add_section (ctx, TR (SEC_BREAKDOWN));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BODY, TR (BREAKDOWN_LEAD));

  /* By sector. */
  sigap_report_layout_add_heading (ctx->layout, 2, TR (BY_SECTOR));
  sector_chart = sigap_chart_build_sector_breakdown (ctx->sectors, ctx->lang);
  sector_layout = chart_layout (ctx, sector_chart);
  add_caption_figure (ctx, TR (CHART_SECTORS));
  sigap_report_layout_add_chart (ctx->layout, sector_layout, hbar_height (ctx->sectors->len));

  sigap_report_table_add_column (sectors, TR (SECTOR), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (sectors, TR (REGISTERED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (sectors, TR (ACTIVE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (sectors, TR (ENDED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (sectors, TR (TARGET), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (sectors, TR (COVERAGE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < ctx->sectors->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (ctx->sectors, i);

      sigap_report_table_add_row_take (sectors, SIGAP_REPORT_ROW_NORMAL, g_strdup (row->name),
                                       fmt_count (ctx, row->registered),
                                       fmt_count (ctx, row->active),
                                       fmt_count (ctx, row->ended),
                                       fmt_count_or_none (ctx, row->target, row->has_target),
                                       fmt_percent (ctx, row->coverage_pct, row->has_coverage),
                                       NULL);
    }
  sigap_report_table_add_row_take (sectors, SIGAP_REPORT_ROW_TOTAL, scope_label (ctx),
                                   fmt_count (ctx, s->registered), fmt_count (ctx, s->active),
                                   fmt_count (ctx, s->ended),
                                   fmt_count_or_none (ctx, s->target, s->has_target),
                                   fmt_percent (ctx, s->coverage_pct, s->has_coverage), NULL);
  add_caption_table (ctx, TR (TABLE_SECTORS));
  sigap_report_layout_add_table (ctx->layout, sectors);
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (SECTORS_NOTE));

  /* By desil: the chart and its table side by side, the table being narrow. */
  sigap_report_layout_add_heading (ctx->layout, 2, TR (BY_DESIL));
  desil_chart = sigap_chart_build_desil (ctx->desil, ctx->lang);
  desil_layout = chart_layout (ctx, desil_chart);

  sigap_report_table_add_column (desil, TR (DESIL), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (desil, TR (REGISTERED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (desil, TR (ACTIVE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (desil, TR (ENDED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < ctx->desil->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (ctx->desil, i);

      sigap_report_table_add_row_take (desil, SIGAP_REPORT_ROW_NORMAL, sigap_chart_desil_label (row, ctx->lang),
                                       fmt_count (ctx, row->registered),
                                       fmt_count (ctx, row->active),
                                       fmt_count (ctx, row->ended), NULL);
    }
  sigap_report_table_add_row_take (desil, SIGAP_REPORT_ROW_TOTAL, scope_label (ctx),
                                   fmt_count (ctx, s->registered), fmt_count (ctx, s->active),
                                   fmt_count (ctx, s->ended), NULL);

  add_caption_figure (ctx, TR (FIGURE_DESIL));
  add_chart_and_table (ctx, desil_layout, hbar_height (ctx->desil->len), desil);
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (DESIL_NOTE));
}

/* ---------------------------------------------------------------------------------------- */
/* Realisasi anggaran                                                                       */

static const char *
segment_word (SigapReportContext *ctx,
              SigapSegment        segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_EKOSISTEM:
      return TR (SEGMENT_EKOSISTEM_SHORT);
    case SIGAP_SEGMENT_ALL:
      return TR (SEGMENT_ALL);
    case SIGAP_SEGMENT_RENTAN:
    default:
      return TR (SEGMENT_RENTAN);
    }
}

static void
add_budget_section (SigapReportContext *ctx)
{
  const SigapSummary *s = ctx->summary;
  const SigapWhatIf *w = &ctx->what_if;
  g_autoptr(SigapChart) chart = sigap_chart_build_spending (ctx->months, &ctx->what_if,
                                                          ctx->summary->year, ctx->lang);
  g_autoptr(SigapChartLayout) layout = chart_layout (ctx, chart);
  g_autoptr(SigapReportTable) budget = sigap_report_table_new ();
  g_autoptr(SigapReportTable) lines = sigap_report_table_new ();
  g_autoptr(SigapReportTable) payments = sigap_report_table_new ();
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  g_autofree char *chart_title = g_strdup_printf (TR (CHART_SPENDING), s->year);
  g_autofree char *budget_title = g_strdup_printf (TR (TABLE_BUDGET), s->year);
  g_autofree char *payments_title = g_strdup_printf (TR (TABLE_PAYMENTS), s->year);
  gboolean by_segment = ctx->filter->segment == SIGAP_SEGMENT_ALL;

  add_section (ctx, TR (SEC_BUDGET));

  if (s->has_pagu)
    {
      g_autofree char *pagu = fmt_rupiah (ctx, s->pagu);
      g_autofree char *realised = fmt_rupiah (ctx, s->realised);
      g_autofree char *absorption = fmt_percent (ctx, s->absorption_pct, s->has_absorption);

      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY,
                          g_strdup_printf (TR (BUDGET_LEAD), s->year,
                                           segment_phrase (ctx, ctx->filter->segment), pagu,
                                           as_of, realised, absorption));
    }
  else
    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY, g_strdup_printf (TR (HL_NO_PAGU), s->year));

  sigap_report_table_add_column (budget, TR (ITEM), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (budget, TR (VALUE), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (PAGU)),
                                   fmt_rupiah_or_none (ctx, s->pagu, s->has_pagu), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (REALISED)),
                                   fmt_rupiah (ctx, s->realised), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (ABSORPTION)),
                                   fmt_percent (ctx, s->absorption_pct, s->has_absorption), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (REMAINING)),
                                   fmt_rupiah_or_none (ctx, s->remaining, s->has_pagu), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL,
                                   g_strdup (TR (PREMIUM_MONTHLY)),
                                   fmt_rupiah (ctx, s->premium_monthly), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (ACTIVE_CITY)),
                                   fmt_count (ctx, s->active_city), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, g_strdup (TR (MONTHS_UNPAID)),
                                   g_strdup_printf ("%d", s->months_unpaid), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL,
                                   g_strdup (TR (PROJECTED_YEAR_END)),
                                   fmt_rupiah (ctx, s->projected_year_end), NULL);
  if (s->has_pagu)
    sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL,
                                     g_strdup (w->lasts ? TR (BALANCE_YEAR_END)
                                                        : TR (SHORTFALL_YEAR_END)),
                                     fmt_rupiah (ctx, ABS (w->balance_year_end)), NULL);
  sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL, quota_label (ctx),
                                   fmt_count_or_none (ctx, s->quota, s->has_quota), NULL);
  if (s->has_quota)
    sigap_report_table_add_row_take (budget, SIGAP_REPORT_ROW_NORMAL,
                                     g_strdup (TR (QUOTA_FULL_YEAR)),
                                     fmt_count (ctx, s->quota_full_year), NULL);
  add_caption_table (ctx, budget_title);
  sigap_report_layout_add_table (ctx->layout, budget);

  if (s->has_pagu)
    {
      if (w->lasts)
        {
          g_autofree char *balance = fmt_rupiah (ctx, w->balance_year_end);

          add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY,
                              g_strdup_printf (TR (BUDGET_LASTS), s->year, balance));
        }
      else
        {
          g_autofree char *month = sigap_format_month (s->year, w->runs_out_month, ctx->lang,
                                                       FALSE);
          g_autofree char *shortfall = fmt_rupiah (ctx, -w->balance_year_end);

          add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY,
                              g_strdup_printf (TR (HL_RUNS_OUT), month, shortfall));
        }
    }

  add_caption_figure (ctx, chart_title);
  sigap_report_layout_add_chart (ctx->layout, layout, 220);
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (SPENDING_NOTE));

  /* Every SP2D of the year so far; their sum is the realisation. With both segments, each
   * month has one SP2D per segment: a column says whose. */
  sigap_report_table_add_column (payments, TR (PAID_ON), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (payments, TR (SP2D_NUMBER), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  if (by_segment)
    {
      /* One column more in the same width: a size smaller, as the glossary. */
      sigap_report_table_add_column (payments, TR (SEGMENT), SIGAP_REPORT_ALIGN_LEFT, TRUE);
      sigap_report_table_set_font_size (payments, 8);
    }
  sigap_report_table_add_column (payments, TR (PERIOD), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (payments, TR (PARTICIPANTS), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  sigap_report_table_add_column (payments, TR (AMOUNT), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < ctx->payments->len; i++)
    {
      const SigapPayment *payment = g_ptr_array_index (ctx->payments, i);
      g_autofree char *start = sigap_format_date (&payment->period_start, ctx->lang, TRUE);
      g_autofree char *end = sigap_format_date (&payment->period_end, ctx->lang, TRUE);
      g_autofree char *paid_on = sigap_format_date (&payment->paid_on, ctx->lang, TRUE);
      g_autofree char *period = g_strdup_printf ("%s \u2013 %s", start, end);
      g_autofree char *participants = fmt_count (ctx, payment->participants);
      g_autofree char *amount = fmt_rupiah (ctx, payment->amount);
      const char *with_segment[] = {
        paid_on, payment->sp2d_number, segment_word (ctx, payment->segment), period,
        participants, amount,
      };
      const char *without_segment[] = {
        paid_on, payment->sp2d_number, period, participants, amount,
      };

      sigap_report_table_add_row (payments, SIGAP_REPORT_ROW_NORMAL,
                                  by_segment ? with_segment : without_segment);
    }
  {
    g_autofree char *total = fmt_rupiah (ctx, s->realised);
    const char *with_segment[] = { TR (TOTAL), "", "", "", "", total };
    const char *without_segment[] = { TR (TOTAL), "", "", "", total };

    sigap_report_table_add_row (payments, SIGAP_REPORT_ROW_TOTAL,
                                by_segment ? with_segment : without_segment);
  }
  add_caption_table (ctx, payments_title);
  if (ctx->payments->len == 0)
    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BODY,
                        g_strdup_printf (TR (NO_PAYMENTS), s->year, as_of));
  else
    sigap_report_layout_add_table (ctx->layout, payments);

  /* The pagu rows behind the pagu. */
  sigap_report_table_add_column (lines, TR (YEAR), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (lines, TR (SEGMENT), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (lines, TR (FUNDING_SOURCE), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (lines, TR (PAGU), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < ctx->budget_lines->len; i++)
    {
      const SigapBudgetLine *line = g_ptr_array_index (ctx->budget_lines, i);

      sigap_report_table_add_row_take (lines, SIGAP_REPORT_ROW_NORMAL,
                                       g_strdup_printf ("%d", line->year),
                                       g_strdup (segment_word (ctx, line->segment)),
                                       g_strdup (line->funding_source),
                                       fmt_rupiah (ctx, line->pagu), NULL);
    }
  if (ctx->budget_lines->len > 0)
    {
      add_caption_table (ctx, TR (TABLE_BUDGET_LINES));
      sigap_report_layout_add_table (ctx->layout, lines);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Catatan                                                                                  */

static gboolean
is_demo_database (SigapReportContext *ctx)
{
  for (guint i = 0; i < ctx->batches->len; i++)
    if (g_strcmp0 (((SigapImportBatch *) g_ptr_array_index (ctx->batches, i))->kind, "demo") == 0)
      return TRUE;

  return FALSE;
}

/* A NIK typed into the notes must not reach the council: a run of 16 digits (spaces, dots or
 * dashes between groups allowed) is replaced by a placeholder, not merely masked. */
static char *
remove_niks (SigapReportContext *ctx,
             const char         *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?<![0-9])[0-9](?:[ .-]?[0-9]){15}(?![0-9])", 0, 0,
                                         NULL);

  return g_regex_replace_literal (regex, text, -1, 0, TR (NIK_REMOVED), 0, NULL);
}

/* What an import brought in, in words: the batch's kind is a code of the command line. */
static const char *
import_kind_label (SigapReportContext *ctx,
                   const char         *kind)
{
  if (g_strcmp0 (kind, "participants") == 0)
    return TR (IMPORT_KIND_PARTICIPANTS);
  if (g_strcmp0 (kind, "targets") == 0)
    return TR (IMPORT_KIND_TARGETS);
  if (g_strcmp0 (kind, "budget") == 0)
    return TR (IMPORT_KIND_BUDGET);
  if (g_strcmp0 (kind, "payments") == 0)
    return TR (IMPORT_KIND_PAYMENTS);
  if (g_strcmp0 (kind, "demo") == 0)
    return TR (IMPORT_KIND_DEMO);

  return kind != NULL ? kind : SIGAP_FORMAT_NO_VALUE;
}

static void
add_notes_section (SigapReportContext *ctx)
{
  static const SigapParticipantFlag order[] = {
    SIGAP_PARTICIPANT_FLAG_DESIL,
    SIGAP_PARTICIPANT_FLAG_DESIL_MISSING,
    SIGAP_PARTICIPANT_FLAG_NIK_REGION,
    SIGAP_PARTICIPANT_FLAG_KPJ_MISSING,
    SIGAP_PARTICIPANT_FLAG_AGE,
  };
  const char *flag_text[SIGAP_PARTICIPANT_FLAG_N];
  g_autoptr(SigapReportTable) batches = sigap_report_table_new ();
  /* Notes come from a file: repaired if they are not valid UTF-8. */
  g_autofree char *notes = ctx->options->notes != NULL
                           ? g_strstrip (g_utf8_make_valid (ctx->options->notes, -1)) : NULL;
  gboolean any_flag = FALSE;

  flag_text[SIGAP_PARTICIPANT_FLAG_DESIL] = TR (FLAG_DESIL);
  flag_text[SIGAP_PARTICIPANT_FLAG_DESIL_MISSING] = TR (FLAG_DESIL_MISSING);
  flag_text[SIGAP_PARTICIPANT_FLAG_NIK_REGION] = TR (FLAG_NIK_REGION);
  flag_text[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] = TR (FLAG_KPJ_MISSING);
  flag_text[SIGAP_PARTICIPANT_FLAG_AGE] = TR (FLAG_AGE);

  add_section (ctx, TR (SEC_NOTES));

  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *masked = remove_niks (ctx, notes);
      g_auto(GStrv) paragraphs = NULL;
      g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\\r]*\\n", 0, 0, NULL);

      sigap_report_layout_add_heading (ctx->layout, 2, TR (OFFICIAL_NOTES));
      paragraphs = g_regex_split (blank, masked, 0);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_autofree char *text = g_strstrip (g_strdup (paragraphs[i]));
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
          g_autofree char *joined = NULL;

          if (*text == '\0')
            continue;

          /* As typed in the window's notes field: a blank line starts a paragraph, a line
           * break within one is kept, and a line starting with "-", "*" or "\u2022" is a
           * bullet of its own. */
          for (guint l = 0; lines[l] != NULL; l++)
            {
              char *line = g_strstrip (lines[l]);

              if (line[0] == '-' || line[0] == '*' || g_str_has_prefix (line, "\u2022"))
                {
                  const char *item = g_utf8_next_char (line);

                  if (joined != NULL)
                    sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BODY,
                                                       joined);
                  g_clear_pointer (&joined, g_free);
                  while (*item == ' ' || *item == '\t')
                    item++;
                  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, item);
                  continue;
                }

              if (joined == NULL)
                joined = g_strdup (line);
              else
                {
                  char *longer = g_strconcat (joined, "\n", line, NULL);

                  g_free (joined);
                  joined = longer;
                }
            }

          if (joined != NULL)
            sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BODY, joined);
        }
    }

  sigap_report_layout_add_heading (ctx->layout, 2, TR (DATA_QUALITY));
  if (is_demo_database (ctx))
    sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (DEMO_DATA));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *count = NULL;

      if (ctx->flags[order[i]] == 0)
        continue;

      count = fmt_count (ctx, ctx->flags[order[i]]);
      add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                          g_strdup_printf (flag_text[order[i]], count));
      any_flag = TRUE;
    }
  if (!any_flag)
    sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (NO_FLAGS));
  {
    g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);

    add_paragraph_take (ctx, SIGAP_REPORT_TEXT_NOTE, g_strdup_printf (TR (FLAGS_NOTE), as_of));
  }

  /* The latest imports. */
  if (ctx->batches->len > 0)
    {
      sigap_report_table_add_column (batches, TR (IMPORTED_ON), SIGAP_REPORT_ALIGN_LEFT, FALSE);
      sigap_report_table_add_column (batches, TR (IMPORT_KIND), SIGAP_REPORT_ALIGN_LEFT, FALSE);
      sigap_report_table_add_column (batches, TR (FILE), SIGAP_REPORT_ALIGN_LEFT, TRUE);
      sigap_report_table_add_column (batches, TR (ROWS_READ), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
      sigap_report_table_add_column (batches, TR (ROWS_ACCEPTED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);
      sigap_report_table_add_column (batches, TR (ROWS_REJECTED), SIGAP_REPORT_ALIGN_RIGHT, FALSE);

      for (guint i = 0; i < MIN (ctx->batches->len, 8); i++)
        {
          const SigapImportBatch *batch = g_ptr_array_index (ctx->batches, i);
          GDate date;
          g_autofree char *day = NULL;

          if (batch->imported_at != NULL && strlen (batch->imported_at) >= 10)
            {
              g_autofree char *iso = g_strndup (batch->imported_at, 10);

              if (sigap_date_parse_iso (iso, &date))
                day = sigap_format_date (&date, ctx->lang, TRUE);
            }

          sigap_report_table_add_row_take (batches, SIGAP_REPORT_ROW_NORMAL,
                                           day != NULL ? g_strdup (day)
                                                       : g_strdup (SIGAP_FORMAT_NO_VALUE),
                                           g_strdup (import_kind_label (ctx, batch->kind)),
                                           g_strdup (g_strcmp0 (batch->kind, "demo") == 0
                                                     ? SIGAP_FORMAT_NO_VALUE
                                                     : batch->file_name),
                                           fmt_count (ctx, batch->read),
                                           fmt_count (ctx, batch->added + batch->updated +
                                                           batch->unchanged),
                                           fmt_count (ctx, batch->rejected), NULL);
        }

      add_caption_table (ctx, TR (TABLE_IMPORTS));
      sigap_report_layout_add_table (ctx->layout, batches);
      sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, TR (IMPORTS_NOTE));
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Metodologi                                                                               */

static void
add_methodology_section (SigapReportContext *ctx)
{
  static const SigapReportString terms[][2] = {
    { RT_DEF_REGISTERED_TERM, RT_DEF_REGISTERED },
    { RT_DEF_ACTIVE_TERM, RT_DEF_ACTIVE },
    { RT_DEF_ENDED_TERM, RT_DEF_ENDED },
    { RT_DEF_TARGET_TERM, RT_DEF_TARGET },
    { RT_DEF_COVERAGE_TERM, RT_DEF_COVERAGE },
    { RT_DEF_DESIL_TERM, RT_DEF_DESIL },
    { RT_DEF_PAGU_TERM, RT_DEF_PAGU },
    { RT_DEF_REALISED_TERM, RT_DEF_REALISED },
    { RT_DEF_ABSORPTION_TERM, RT_DEF_ABSORPTION },
    { RT_DEF_REMAINING_TERM, RT_DEF_REMAINING },
    { RT_DEF_PREMIUM_TERM, RT_DEF_PREMIUM },
    { RT_DEF_MONTHS_UNPAID_TERM, RT_DEF_MONTHS_UNPAID },
    { RT_DEF_PROJECTED_TERM, RT_DEF_PROJECTED },
    { RT_DEF_QUOTA_TERM, RT_DEF_QUOTA },
    { RT_DEF_RUNS_OUT_TERM, RT_DEF_RUNS_OUT },
    { RT_DEF_CUTOFF_TERM, RT_DEF_CUTOFF },
    { RT_DEF_CHANGE_TERM, RT_DEF_CHANGE },
  };
  const SigapSummary *s = ctx->summary;
  g_autoptr(SigapReportTable) glossary = sigap_report_table_new ();
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  g_autofree char *previous_date = fmt_date (ctx, &ctx->previous_filter->as_of);
  g_autofree char *cutoff = g_date_valid (&ctx->cutoff) ? fmt_date (ctx, &ctx->cutoff)
                                                        : g_strdup (SIGAP_FORMAT_NO_VALUE);
  g_autofree char *premium = fmt_rupiah (ctx, s->premium_monthly);
  g_autofree char *premium_year = fmt_rupiah (ctx, s->premium_monthly * 12);
  g_autofree char *scope = scope_label (ctx);
  g_autofree char *generated = NULL;

  add_section_full (ctx, TR (SEC_METHODOLOGY), FALSE);

  sigap_report_layout_add_heading (ctx->layout, 2, TR (DEFINITIONS));
  sigap_report_table_add_column (glossary, TR (TERM), SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (glossary, TR (DEFINITION), SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_set_font_size (glossary, 8);
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      const char *cells[] = {
        sigap_report_string (ctx->lang, terms[i][0]),
        sigap_report_string (ctx->lang, terms[i][1]),
      };

      sigap_report_table_add_row (glossary, SIGAP_REPORT_ROW_NORMAL, cells);
    }
  add_caption_table (ctx, TR (TABLE_GLOSSARY));
  sigap_report_layout_add_table (ctx->layout, glossary);

  sigap_report_layout_add_heading (ctx->layout, 2, TR (SOURCES_AND_DATES));
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                      g_strdup_printf (TR (METHOD_SCOPE), scope,
                                       segment_label (ctx, ctx->filter->segment)));
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                      g_strdup_printf (TR (METHOD_AS_OF), as_of, previous_date));
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET, g_strdup_printf (TR (METHOD_CUTOFF), cutoff));
  add_paragraph_take (ctx, SIGAP_REPORT_TEXT_BULLET,
                      g_strdup_printf (TR (METHOD_PREMIUM), premium, premium_year));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (METHOD_SOURCES));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (METHOD_BUDGET));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (METHOD_REGIONS));
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_BULLET, TR (METHOD_PRIVACY));

  {
    g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (ctx->generated),
                                            g_date_time_get_month (ctx->generated),
                                            g_date_time_get_year (ctx->generated));
    g_autofree char *day = fmt_date (ctx, date);

    generated = g_strdup_printf (TR (METHOD_GENERATED), PACKAGE_VERSION, day);
  }
  sigap_report_layout_add_paragraph (ctx->layout, SIGAP_REPORT_TEXT_NOTE, generated);
}

/* ---------------------------------------------------------------------------------------- */

/**
 * _sigap_report_build:
 *
 * Adds the cover and the chosen sections to ctx->layout, from the fetched figures.
 */
void
_sigap_report_build (SigapReportContext *ctx)
{
  g_autofree char *as_of = fmt_date (ctx, &ctx->filter->as_of);
  g_autofree char *scope = scope_label (ctx);
  g_autofree char *position = g_strdup_printf (TR (AS_OF_POSITION), as_of);
  g_autofree char *right = g_strdup_printf ("%s \u00b7 %s", scope, position);
  const char *prepared_by = ctx->options->prepared_by != NULL ? ctx->options->prepared_by
                                                              : TR (DEFAULT_PREPARED_BY);

  sigap_report_layout_set_header (ctx->layout, TR (RUNNING_TITLE), right);
  sigap_report_layout_set_footer (ctx->layout, prepared_by, TR (PAGE_N_OF_M));
  sigap_report_layout_set_cover (ctx->layout, draw_cover, ctx);

  if (wants (ctx, SIGAP_REPORT_SECTION_SUMMARY))
    add_summary_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_ENROLLMENT))
    add_enrollment_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_COVERAGE))
    add_coverage_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_BREAKDOWN))
    add_breakdown_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_BUDGET))
    add_budget_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_NOTES))
    add_notes_section (ctx);
  if (wants (ctx, SIGAP_REPORT_SECTION_METHODOLOGY))
    add_methodology_section (ctx);
}
