/* sigap-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables the window and the briefing show, for one filter, as an Excel workbook (one
 * sheet a table, through libxlsxwriter: no XLSX XML is written here) or as a folder of CSV
 * files (through the core's CSV writer). Both are written from the same tables, and the
 * tables come only from the core's figure functions: nothing here computes a figure.
 *
 * In the workbook, numbers are numeric cells with a display format (#,##0; Rupiah; a
 * percentage is stored as a fraction with a % format), so Excel sums and sorts them; Excel
 * and LibreOffice show the separators of the reader's locale (11.666 in Indonesian). Region
 * codes are text cells, so "32.75.03" never becomes a number. Each sheet starts with a block
 * saying what it is about (as-of date, scope, segment, data cut-off, when it was generated);
 * the header row is frozen and carries an autofilter. The CSV files carry the same context as
 * columns of every row, as `sigap summary --format csv` does.
 *
 * The words are English or Indonesian by the export's own language option, as in the PDF
 * briefing (src/report/sigap-report-strings.c explains why that is not gettext).
 *
 * Files are written beside their destination and renamed into place, so a reader never sees
 * half a workbook and an export that fails leaves the earlier file as it was. The tables hold
 * aggregates only, never a NIK or a name.
 *
 * One table can also be written alone, as the window's "Export to Excel…" on a table's menu
 * does (sigap_export_write_table()): the same sheet, the same context block. The one table
 * that names people, a kelurahan's participants, is only written that way: NIKs masked, the
 * file its owner's only, and the export recorded in the database, so for operators only.
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/sigap-csv-writer.h"
#include "core/sigap-figures.h"
#include "core/sigap-import-log.h"
#include "core/sigap-participant-list.h"
#include "sigap-export.h"

G_DEFINE_QUARK (sigap-export-error-quark, sigap_export_error)

/* ---------------------------------------------------------------------------------------- */
/* Words                                                                                    */

#define T(lang, en_text, id_text) ((lang) == SIGAP_LANG_ID ? (id_text) : (en_text))

/* ---------------------------------------------------------------------------------------- */
/* Tables                                                                                   */

typedef enum
{
  CELL_NONE,        /* a figure that is not defined: an empty cell */
  CELL_TEXT,
  CELL_CODE,        /* a region or sector code: text, never a number */
  CELL_COUNT,
  CELL_RUPIAH,
  CELL_PERCENT,     /* in percent (99.65); a fraction with a % format in the workbook */
  CELL_DATE,
  CELL_YEAR,
} CellKind;

typedef struct
{
  CellKind  kind;
  gint64    count;
  double    percent;
  char     *text;
  GDate     date;
} Cell;

typedef struct
{
  char     *key;       /* the CSV column name */
  char     *header;    /* the sheet's column header */
  gboolean  csv_only;  /* a machine name the sheet does not need */
} Column;

typedef struct
{
  const char *file_key;   /* the CSV file name, without ".csv" */
  char       *sheet;      /* the sheet name: at most 31 characters */
  char       *title;
  GPtrArray  *columns;    /* Column* */
  GPtrArray  *rows;       /* GArray* of Cell */
} Table;

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static void
column_free (Column *column)
{
  g_free (column->key);
  g_free (column->header);
  g_free (column);
}

static void
table_free (Table *table)
{
  g_free (table->sheet);
  g_free (table->title);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
table_new (const char *file_key,
           const char *sheet,
           const char *title)
{
  Table *table = g_new0 (Table, 1);

  table->file_key = file_key;
  table->sheet = g_strdup (sheet);
  table->title = g_strdup (title);
  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return table;
}

static void
add_column (Table      *table,
            const char *key,
            const char *header)
{
  Column *column = g_new0 (Column, 1);

  column->key = g_strdup (key);
  column->header = g_strdup (header);
  g_ptr_array_add (table->columns, column);
}

static GArray *
add_row (Table *table)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, (GDestroyNotify) cell_clear);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
put_text (GArray     *row,
          CellKind    kind,
          const char *text)
{
  Cell cell = { .kind = text != NULL ? kind : CELL_NONE, .text = g_strdup (text) };

  g_array_append_val (row, cell);
}

static void
put_count (GArray   *row,
           CellKind  kind,
           gint64    value,
           gboolean  defined)
{
  Cell cell = { .kind = defined ? kind : CELL_NONE, .count = value };

  g_array_append_val (row, cell);
}

static void
put_percent (GArray   *row,
             double    value,
             gboolean  defined)
{
  Cell cell = { .kind = defined && isfinite (value) ? CELL_PERCENT : CELL_NONE, .percent = value };

  g_array_append_val (row, cell);
}

static void
put_date (GArray      *row,
          const GDate *date)
{
  Cell cell = { .kind = date != NULL && g_date_valid (date) ? CELL_DATE : CELL_NONE };

  if (cell.kind == CELL_DATE)
    cell.date = *date;
  g_array_append_val (row, cell);
}

/* The columns of a breakdown, and of its rows. */
static void
add_breakdown_columns (Table     *table,
                       SigapLang  lang)
{
  add_column (table, "code", T (lang, "Code", "Kode"));
  add_column (table, "name", T (lang, "Name", "Nama"));
  add_column (table, "registered", T (lang, "Registered", "Terdaftar"));
  add_column (table, "active", T (lang, "Active", "Aktif"));
  add_column (table, "ended", T (lang, "Ended", "Berhenti"));
  add_column (table, "target", T (lang, "Target", "Sasaran"));
  add_column (table, "coverage_pct", T (lang, "Coverage", "Cakupan"));
}

static void
add_breakdown_row (Table                   *table,
                   const SigapBreakdownRow *source)
{
  GArray *row = add_row (table);

  put_text (row, CELL_CODE, source->code);
  put_text (row, CELL_TEXT, source->name);
  put_count (row, CELL_COUNT, source->registered, TRUE);
  put_count (row, CELL_COUNT, source->active, TRUE);
  put_count (row, CELL_COUNT, source->ended, TRUE);
  put_count (row, CELL_COUNT, source->target, source->has_target);
  put_percent (row, source->coverage_pct, source->has_coverage);
}

static void
add_figure (Table      *table,
            const char *key,
            const char *label,
            CellKind    kind,
            gint64      count,
            double      percent,
            gboolean    defined,
            const char *definition)
{
  GArray *row = add_row (table);

  put_text (row, CELL_TEXT, key);
  put_text (row, CELL_TEXT, label);
  if (kind == CELL_PERCENT)
    put_percent (row, percent, defined);
  else
    put_count (row, kind, count, defined);
  put_text (row, CELL_TEXT, definition);
}

static Table *
figures_table (const SigapSummary *s,
               SigapLang           lang)
{
  Table *table = table_new ("figures", T (lang, "Key figures", "Angka utama"),
                            T (lang, "Key figures", "Angka utama"));
  Column *key;

  add_column (table, "figure", "figure");
  key = g_ptr_array_index (table->columns, 0);
  key->csv_only = TRUE;
  add_column (table, "label", T (lang, "Figure", "Angka"));
  add_column (table, "value", T (lang, "Value", "Nilai"));
  add_column (table, "definition", T (lang, "Definition", "Definisi"));

  add_figure (table, "registered", T (lang, "Registered", "Terdaftar"), CELL_COUNT,
              s->registered, 0, TRUE,
              T (lang, "Participants registered on or before the as-of date, in the scope",
                 "Peserta yang terdaftar sampai tanggal posisi, di wilayah ini"));
  add_figure (table, "active", T (lang, "Active", "Aktif"), CELL_COUNT, s->active, 0, TRUE,
              T (lang, "Registered and not ended on the as-of date",
                 "Terdaftar dan belum berhenti pada tanggal posisi"));
  add_figure (table, "ended", T (lang, "Ended", "Berhenti"), CELL_COUNT, s->ended, 0, TRUE,
              T (lang, "Registered, but ended on or before the as-of date",
                 "Terdaftar, tetapi berhenti sampai tanggal posisi"));
  add_figure (table, "target", T (lang, "Target", "Sasaran"), CELL_COUNT, s->target, 0,
              s->has_target,
              T (lang, "Workers the programme aims to cover this year, in the scope",
                 "Jumlah pekerja yang ingin dilindungi tahun ini, di wilayah ini"));
  add_figure (table, "coverage_pct", T (lang, "Coverage", "Cakupan"), CELL_PERCENT, 0,
              s->coverage_pct, s->has_coverage,
              T (lang, "Active participants divided by the target",
                 "Peserta aktif dibagi sasaran"));
  add_figure (table, "pagu", T (lang, "Pagu", "Pagu"), CELL_RUPIAH, s->pagu, 0, s->has_pagu,
              T (lang, "The year's budget ceiling, whole city",
                 "Batas anggaran tahun ini, seluruh kota"));
  add_figure (table, "realised", T (lang, "Realised", "Realisasi"), CELL_RUPIAH, s->realised, 0,
              TRUE,
              T (lang, "Paid by SP2D from 1 January to the as-of date",
                 "Dibayar dengan SP2D sejak 1 Januari sampai tanggal posisi"));
  add_figure (table, "absorption_pct", T (lang, "Absorption", "Serapan"), CELL_PERCENT, 0,
              s->absorption_pct, s->has_absorption,
              T (lang, "Realised divided by pagu", "Realisasi dibagi pagu"));
  add_figure (table, "remaining", T (lang, "Remaining", "Sisa"), CELL_RUPIAH, s->remaining, 0,
              s->has_pagu, T (lang, "Pagu minus realised", "Pagu dikurangi realisasi"));
  add_figure (table, "premium_monthly", T (lang, "Premium per worker a month",
                                           "Iuran per pekerja per bulan"),
              CELL_RUPIAH, s->premium_monthly, 0, TRUE,
              T (lang, "JKK plus JKM for a BPU worker at the lowest income bracket",
                 "JKK ditambah JKM bagi pekerja BPU pada batas penghasilan terendah"));
  add_figure (table, "months_unpaid", T (lang, "Months not yet paid", "Bulan belum dibayar"),
              CELL_COUNT, s->months_unpaid, 0, TRUE,
              T (lang, "Months of the year after the last SP2D's period",
                 "Bulan dalam tahun ini setelah periode SP2D terakhir"));
  add_figure (table, "projected_year_end", T (lang, "Projected year-end spending",
                                              "Proyeksi belanja akhir tahun"),
              CELL_RUPIAH, s->projected_year_end, 0, TRUE,
              T (lang, "Realised plus the unpaid months at today's active participants",
                 "Realisasi ditambah bulan yang belum dibayar dengan peserta aktif saat ini"));
  add_figure (table, "quota", T (lang, "Quota (more workers)", "Kuota (tambahan pekerja)"),
              CELL_COUNT, s->quota, 0, s->has_quota,
              T (lang, "How many more workers the remaining budget covers to 31 December",
                 "Jumlah tambahan pekerja yang dapat ditanggung sisa anggaran sampai 31 Desember"));
  return table;
}

static Table *
breakdown_table (const char      *file_key,
                 const char      *sheet,
                 const GPtrArray *rows,
                 SigapLang        lang)
{
  Table *table = table_new (file_key, sheet, sheet);

  add_breakdown_columns (table, lang);
  for (guint i = 0; i < rows->len; i++)
    add_breakdown_row (table, g_ptr_array_index (rows, i));
  return table;
}

static Table *
months_table (const GArray *months,
              SigapLang     lang)
{
  const char *name = T (lang, "Monthly", "Bulanan");
  Table *table = table_new ("monthly", name,
                            T (lang, "Enrollment month by month", "Kepesertaan per bulan"));

  add_column (table, "month", T (lang, "Month", "Bulan"));
  add_column (table, "date", T (lang, "Position on", "Posisi per"));
  add_column (table, "registered", T (lang, "Registered", "Terdaftar"));
  add_column (table, "active", T (lang, "Active", "Aktif"));
  add_column (table, "new_registrations", T (lang, "New", "Baru"));
  add_column (table, "new_endings", T (lang, "Ended in month", "Berhenti dalam bulan"));
  add_column (table, "target", T (lang, "Target", "Sasaran"));
  add_column (table, "coverage_pct", T (lang, "Coverage", "Cakupan"));
  add_column (table, "realised_to_date", T (lang, "Realised (year to date)",
                                            "Realisasi (sejak awal tahun)"));

  for (guint i = 0; i < months->len; i++)
    {
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      GArray *row = add_row (table);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", point->year, point->month);

      put_text (row, CELL_CODE, month);
      put_date (row, &point->end);
      put_count (row, CELL_COUNT, point->registered, TRUE);
      put_count (row, CELL_COUNT, point->active, TRUE);
      put_count (row, CELL_COUNT, point->new_registrations, TRUE);
      put_count (row, CELL_COUNT, point->new_endings, TRUE);
      put_count (row, CELL_COUNT, point->target, point->has_target);
      put_percent (row, point->coverage_pct, point->has_coverage);
      put_count (row, CELL_RUPIAH, point->realised_to_date, TRUE);
    }
  return table;
}

static Table *
payments_table (const GPtrArray *payments,
                SigapLang        lang)
{
  Table *table = table_new ("payments", "SP2D",
                            T (lang, "Payments (SP2D) this year", "Pembayaran (SP2D) tahun ini"));

  add_column (table, "paid_on", T (lang, "Paid on", "Tanggal bayar"));
  add_column (table, "sp2d_number", T (lang, "SP2D number", "Nomor SP2D"));
  add_column (table, "payment_segment", T (lang, "Segment", "Segmen"));
  add_column (table, "funding_source", T (lang, "Funding source", "Sumber dana"));
  add_column (table, "period_start", T (lang, "Period from", "Periode dari"));
  add_column (table, "period_end", T (lang, "Period to", "Periode sampai"));
  add_column (table, "participants", T (lang, "Participants", "Peserta"));
  add_column (table, "amount", T (lang, "Amount", "Nilai"));

  for (guint i = 0; i < payments->len; i++)
    {
      const SigapPayment *payment = g_ptr_array_index (payments, i);
      GArray *row = add_row (table);

      put_date (row, &payment->paid_on);
      put_text (row, CELL_CODE, payment->sp2d_number);
      put_text (row, CELL_TEXT, sigap_segment_to_string (payment->segment));
      put_text (row, CELL_TEXT, payment->funding_source);
      put_date (row, &payment->period_start);
      put_date (row, &payment->period_end);
      put_count (row, CELL_COUNT, payment->participants, TRUE);
      put_count (row, CELL_RUPIAH, payment->amount, TRUE);
    }
  return table;
}

static Table *
budget_table (const GPtrArray *lines,
              SigapLang        lang)
{
  Table *table = table_new ("budget", T (lang, "Budget", "Anggaran"),
                            T (lang, "Budget ceilings (pagu)", "Pagu anggaran"));

  add_column (table, "year", T (lang, "Year", "Tahun"));
  add_column (table, "budget_segment", T (lang, "Segment", "Segmen"));
  add_column (table, "funding_source", T (lang, "Funding source", "Sumber dana"));
  add_column (table, "pagu", "Pagu");

  for (guint i = 0; i < lines->len; i++)
    {
      const SigapBudgetLine *line = g_ptr_array_index (lines, i);
      GArray *row = add_row (table);

      put_count (row, CELL_YEAR, line->year, TRUE);
      put_text (row, CELL_TEXT, sigap_segment_to_string (line->segment));
      put_text (row, CELL_TEXT, line->funding_source);
      put_count (row, CELL_RUPIAH, line->pagu, TRUE);
    }
  return table;
}

/* The data-quality notes of the filter, as the Data page and the briefing's "Catatan" count
 * them; in the order of the briefing. */
static Table *
quality_table (const SigapQuality *quality,
               SigapLang           lang)
{
  static const SigapParticipantFlag order[] = {
    SIGAP_PARTICIPANT_FLAG_DESIL,
    SIGAP_PARTICIPANT_FLAG_DESIL_MISSING,
    SIGAP_PARTICIPANT_FLAG_NIK_REGION,
    SIGAP_PARTICIPANT_FLAG_KPJ_MISSING,
    SIGAP_PARTICIPANT_FLAG_AGE,
  };
  const char *labels[SIGAP_PARTICIPANT_FLAG_N] = {
    [SIGAP_PARTICIPANT_FLAG_DESIL] = T (lang, "Vulnerable workers in desil 6–10",
                                        "Pekerja rentan pada desil 6–10"),
    [SIGAP_PARTICIPANT_FLAG_DESIL_MISSING] = T (lang, "Vulnerable workers without a desil",
                                                "Pekerja rentan tanpa desil"),
    [SIGAP_PARTICIPANT_FLAG_NIK_REGION] = T (lang, "NIK issued outside Kota Bekasi",
                                             "NIK terbit di luar Kota Bekasi"),
    [SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] = T (lang, "No KPJ number", "Tanpa nomor KPJ"),
    [SIGAP_PARTICIPANT_FLAG_AGE] = T (lang, "Under 15 or over 65 at registration",
                                      "Di bawah 15 atau di atas 65 tahun saat didaftarkan"),
  };
  Table *table = table_new ("quality", T (lang, "Data quality", "Kualitas data"),
                            T (lang, "Data-quality notes on participants registered by the "
                                     "as-of date",
                               "Catatan kualitas data atas peserta yang terdaftar sampai "
                               "tanggal posisi"));
  Column *key;

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == SIGAP_PARTICIPANT_FLAG_N);

  add_column (table, "kind", "kind");
  key = g_ptr_array_index (table->columns, 0);
  key->csv_only = TRUE;
  add_column (table, "note", T (lang, "Note", "Catatan"));
  add_column (table, "participants", T (lang, "Participants", "Peserta"));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GArray *row = add_row (table);

      put_text (row, CELL_TEXT, sigap_participant_flag_to_string (order[i]));
      put_text (row, CELL_TEXT, labels[order[i]]);
      put_count (row, CELL_COUNT, quality->counts[order[i]], TRUE);
    }
  return table;
}

/* Active participants by sector (rows) and area (columns), as the briefing's table. */
static Table *
sector_by_area_table (const GPtrArray *grid,
                      SigapLang        lang)
{
  const GPtrArray *areas = g_ptr_array_index (grid, 0);
  const GPtrArray *first = grid->len > 1 ? g_ptr_array_index (grid, 1) : NULL;
  Table *table = table_new ("sector-by-area", T (lang, "Sector x area", "Sektor x wilayah"),
                            T (lang, "Active participants by sector and area",
                               "Peserta aktif menurut sektor dan wilayah"));

  add_column (table, "sector_code", T (lang, "Code", "Kode"));
  add_column (table, "sector", T (lang, "Sector", "Sektor"));
  for (guint a = 0; a < areas->len; a++)
    {
      const SigapBreakdownRow *area = g_ptr_array_index (areas, a);
      g_autofree char *key = g_strdup_printf ("active_%s", area->code);

      add_column (table, key, area->name);
    }
  add_column (table, "active_total", T (lang, "Total", "Jumlah"));

  for (guint s = 0; first != NULL && s < first->len; s++)
    {
      const SigapBreakdownRow *sector = g_ptr_array_index (first, s);
      GArray *row = add_row (table);
      gint64 total = 0;

      put_text (row, CELL_CODE, sector->code);
      put_text (row, CELL_TEXT, sector->name);
      for (guint a = 0; a < areas->len; a++)
        {
          const GPtrArray *sectors = g_ptr_array_index (grid, a + 1);
          const SigapBreakdownRow *cell = s < sectors->len ? g_ptr_array_index (sectors, s) : NULL;

          /* Every area lists the same sectors in the same order. */
          g_assert (cell == NULL || g_strcmp0 (cell->code, sector->code) == 0);
          put_count (row, CELL_COUNT, cell != NULL ? cell->active : 0, TRUE);
          total += cell != NULL ? cell->active : 0;
        }
      put_count (row, CELL_COUNT, total, TRUE);
    }
  return table;
}

static const char * const table_keys[SIGAP_EXPORT_TABLE_N] = {
  [SIGAP_EXPORT_TABLE_FIGURES] = "figures",
  [SIGAP_EXPORT_TABLE_KECAMATAN] = "kecamatan",
  [SIGAP_EXPORT_TABLE_KELURAHAN] = "kelurahan",
  [SIGAP_EXPORT_TABLE_SECTOR] = "sector",
  [SIGAP_EXPORT_TABLE_DESIL] = "desil",
  [SIGAP_EXPORT_TABLE_MONTHLY] = "monthly",
  [SIGAP_EXPORT_TABLE_PAYMENTS] = "payments",
  [SIGAP_EXPORT_TABLE_BUDGET] = "budget",
  [SIGAP_EXPORT_TABLE_SECTOR_BY_AREA] = "sector-by-area",
  [SIGAP_EXPORT_TABLE_QUALITY] = "quality",
  [SIGAP_EXPORT_TABLE_PARTICIPANTS] = "participants",
};

/* One table of the filter. A breakdown the scope has none of (kelurahan of a kelurahan)
 * fails with SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN. Not the participants. */
static Table *
build_one (SigapDatabase       *db,
           const SigapFilter   *filter,
           SigapLang            lang,
           SigapExportTable     which,
           const SigapSummary  *summary,
           GError             **error)
{
  switch (which)
    {
    case SIGAP_EXPORT_TABLE_FIGURES:
      return figures_table (summary, lang);

    case SIGAP_EXPORT_TABLE_KECAMATAN:
    case SIGAP_EXPORT_TABLE_KELURAHAN:
    case SIGAP_EXPORT_TABLE_SECTOR:
    case SIGAP_EXPORT_TABLE_DESIL:
      {
        const SigapBreakdown by[] = {
          [SIGAP_EXPORT_TABLE_KECAMATAN] = SIGAP_BREAKDOWN_KECAMATAN,
          [SIGAP_EXPORT_TABLE_KELURAHAN] = SIGAP_BREAKDOWN_KELURAHAN,
          [SIGAP_EXPORT_TABLE_SECTOR] = SIGAP_BREAKDOWN_SECTOR,
          [SIGAP_EXPORT_TABLE_DESIL] = SIGAP_BREAKDOWN_DESIL,
        };
        const char *sheet[] = {
          [SIGAP_EXPORT_TABLE_KECAMATAN] = "Kecamatan",
          [SIGAP_EXPORT_TABLE_KELURAHAN] = "Kelurahan",
          [SIGAP_EXPORT_TABLE_SECTOR] = T (lang, "Sector", "Sektor"),
          [SIGAP_EXPORT_TABLE_DESIL] = "Desil",
        };
        g_autoptr(GPtrArray) rows = sigap_figures_breakdown (db, filter, by[which], error);

        if (rows == NULL)
          return NULL;
        return breakdown_table (table_keys[which], sheet[which], rows, lang);
      }

    case SIGAP_EXPORT_TABLE_MONTHLY:
      {
        g_autoptr(GArray) months = sigap_figures_monthly (db, filter, SIGAP_FIGURES_TREND_MONTHS,
                                                          error);

        return months != NULL ? months_table (months, lang) : NULL;
      }

    case SIGAP_EXPORT_TABLE_PAYMENTS:
      {
        g_autoptr(GPtrArray) payments = sigap_figures_payments (db, filter, error);

        return payments != NULL ? payments_table (payments, lang) : NULL;
      }

    case SIGAP_EXPORT_TABLE_BUDGET:
      {
        g_autoptr(GPtrArray) budget = sigap_figures_budget_lines (db, filter, error);

        return budget != NULL ? budget_table (budget, lang) : NULL;
      }

    case SIGAP_EXPORT_TABLE_SECTOR_BY_AREA:
      {
        g_autoptr(GPtrArray) grid = sigap_figures_sector_by_area (db, filter, error);

        return grid != NULL ? sector_by_area_table (grid, lang) : NULL;
      }

    case SIGAP_EXPORT_TABLE_QUALITY:
      {
        SigapQuality quality;

        if (!sigap_figures_quality (db, filter, &quality, error))
          return NULL;
        return quality_table (&quality, lang);
      }

    case SIGAP_EXPORT_TABLE_PARTICIPANTS:
    case SIGAP_EXPORT_TABLE_N:
    default:
      g_assert_not_reached ();
    }
}

/* Every table of the filter, in the order of the window's pages; the participants are not
 * among them. A breakdown the scope has none of (kelurahan of a kelurahan) is left out. */
static GPtrArray *
build_tables (SigapDatabase      *db,
              const SigapFilter  *filter,
              SigapLang           lang,
              SigapSummary      **out_summary,
              GError            **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(SigapSummary) summary = NULL;

  summary = sigap_figures_summary (db, filter, error);
  if (summary == NULL)
    return NULL;

  for (SigapExportTable which = 0; which < SIGAP_EXPORT_TABLE_PARTICIPANTS; which++)
    {
      g_autoptr(GError) local_error = NULL;
      Table *table = build_one (db, filter, lang, which, summary, &local_error);

      if (table == NULL &&
          g_error_matches (local_error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN))
        continue;
      if (table == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (tables, table);
    }

  *out_summary = g_steal_pointer (&summary);
  return g_steal_pointer (&tables);
}

/* ---------------------------------------------------------------------------------------- */
/* The participants: people, for operators only                                             */

typedef struct
{
  Table     *table;
  SigapLang  lang;
} ParticipantsBuild;

static void
put_iso_date (GArray     *row,
              const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL && sigap_date_parse_iso (text, &date))
    put_date (row, &date);
  else
    put_text (row, CELL_TEXT, text);
}

/* The cells of sigap_participant_list_get_columns(): as_of, segment, scope (the sheet's
 * context block says them), nik, name, kelurahan_code, kelurahan, kecamatan, sector,
 * participant_segment, desil, registered_on, ended_on, end_reason, status. */
static gboolean
add_participant_cb (const char * const  *cells,
                    gpointer             user_data,
                    GError             **error)
{
  ParticipantsBuild *build = user_data;
  GArray *row = add_row (build->table);
  gint64 desil = 0;
  gboolean has_desil = cells[10] != NULL &&
                       g_ascii_string_to_signed (cells[10], 10, 0, 99, &desil, NULL);

  for (guint c = 0; c < 3; c++)
    put_text (row, CELL_CODE, cells[c]);
  put_text (row, CELL_CODE, cells[3]);
  put_text (row, CELL_TEXT, cells[4]);
  put_text (row, CELL_CODE, cells[5]);
  for (guint c = 6; c <= 9; c++)
    put_text (row, CELL_TEXT, cells[c]);
  put_count (row, CELL_YEAR, desil, has_desil);
  put_iso_date (row, cells[11]);
  put_iso_date (row, cells[12]);
  put_text (row, CELL_TEXT, cells[13]);
  put_text (row, CELL_TEXT, g_strcmp0 (cells[14], "ended") == 0
                            ? T (build->lang, "Ended", "Berhenti")
                            : T (build->lang, "Active", "Aktif"));
  return TRUE;
}

static Table *
participants_table (SigapDatabase      *db,
                    const SigapFilter  *filter,
                    SigapLang           lang,
                    gint64             *out_rows,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(Table) table = table_new (table_keys[SIGAP_EXPORT_TABLE_PARTICIPANTS],
                                      T (lang, "Participants", "Peserta"),
                                      T (lang, "Participants (NIK masked)",
                                         "Peserta (NIK disamarkan)"));
  const char *headers[] = {
    "as_of", "segment", "scope",
    "NIK", T (lang, "Name", "Nama"), T (lang, "Kelurahan code", "Kode kelurahan"),
    "Kelurahan", "Kecamatan", T (lang, "Sector", "Sektor"), T (lang, "Segment", "Segmen"),
    "Desil", T (lang, "Registered on", "Terdaftar pada"), T (lang, "Ended on", "Berhenti pada"),
    T (lang, "End reason", "Alasan berhenti"), T (lang, "Status", "Status"),
  };
  ParticipantsBuild build = { table, lang };
  const char * const *keys;
  guint n_keys;

  keys = sigap_participant_list_get_columns (&n_keys);
  g_assert (n_keys == G_N_ELEMENTS (headers));
  for (guint c = 0; c < n_keys; c++)
    {
      add_column (table, keys[c], headers[c]);
      if (c < 3)
        ((Column *) g_ptr_array_index (table->columns, c))->csv_only = TRUE;
    }

  /* Never whole NIKs: this sheet leaves the database in the window's hands. */
  if (!sigap_participant_list_foreach (db, filter, FALSE, add_participant_cb, &build, out_rows,
                                       cancellable, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* ---------------------------------------------------------------------------------------- */
/* What every sheet and every CSV row says about itself                                     */

typedef struct
{
  SigapLang  lang;
  char      *as_of;          /* ISO */
  GDate      as_of_date;
  char      *segment;        /* "rentan" */
  char      *segment_label;
  char      *scope;          /* "32.75.03" */
  char      *scope_label;    /* "Bekasi Utara (32.75.03)" */
  char      *cutoff;         /* ISO, or "" for an empty database */
  GDate      cutoff_date;
  char      *generated;      /* ISO 8601 with the offset */
} Context;

static void
context_clear (Context *context)
{
  g_free (context->as_of);
  g_free (context->segment);
  g_free (context->segment_label);
  g_free (context->scope);
  g_free (context->scope_label);
  g_free (context->cutoff);
  g_free (context->generated);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static void
context_init (Context            *context,
              SigapDatabase      *db,
              const SigapFilter  *filter,
              const SigapSummary *summary,
              SigapLang           lang)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *segment_label[] = {
    [SIGAP_SEGMENT_RENTAN] = T (lang, "Vulnerable workers", "Pekerja rentan"),
    [SIGAP_SEGMENT_EKOSISTEM] = T (lang, "City ecosystem", "Ekosistem Pemkot"),
    [SIGAP_SEGMENT_ALL] = T (lang, "All segments", "Semua segmen"),
  };

  context->lang = lang;
  context->as_of_date = filter->as_of;
  context->as_of = sigap_date_to_iso (&filter->as_of);
  context->segment = g_strdup (sigap_segment_to_string (filter->segment));
  context->segment_label = g_strdup_printf ("%s (%s)", segment_label[filter->segment],
                                            context->segment);
  context->scope = g_strdup (summary->scope_code);
  context->scope_label = g_strdup_printf ("%s (%s)", summary->scope_name, summary->scope_code);
  if (sigap_database_get_cutoff (db, &context->cutoff_date))
    context->cutoff = sigap_date_to_iso (&context->cutoff_date);
  else
    {
      g_date_clear (&context->cutoff_date, 1);
      context->cutoff = g_strdup ("");
    }
  context->generated = g_date_time_format (now, "%Y-%m-%d %H:%M:%S %z");
}

/* ---------------------------------------------------------------------------------------- */
/* Writing beside the destination, then renaming                                            */

/* @mode: 0666 for aggregates (the umask decides, as for any document), 0600 for a file that
 * names people. */
static char *
create_beside (const char  *path,
               int          mode,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp-XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR, mode);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

static gboolean
move_into_place (const char  *tmp,
                 const char  *path,
                 GError     **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp);
      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* The workbook                                                                             */

#define HEADER_BLOCK_ROWS 7   /* title, five context lines, a blank line */

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *count;
  lxw_format *rupiah;
  lxw_format *percent;
  lxw_format *date;
  lxw_format *year;
} Formats;

static void
formats_init (Formats      *formats,
              lxw_workbook *workbook,
              SigapLang     lang)
{
  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 13);
  formats->label = workbook_add_format (workbook);
  format_set_bold (formats->label);
  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_bottom (formats->header, LXW_BORDER_THIN);
  format_set_bg_color (formats->header, 0xDDE6F0);
  format_set_text_wrap (formats->header);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_TOP);
  formats->text = workbook_add_format (workbook);
  format_set_num_format (formats->text, "@");
  formats->wrap = workbook_add_format (workbook);
  format_set_text_wrap (formats->wrap);
  format_set_align (formats->wrap, LXW_ALIGN_VERTICAL_TOP);
  formats->count = workbook_add_format (workbook);
  format_set_num_format (formats->count, "#,##0");
  /* Excel's own Rupiah format: the reader's locale gives the separators (Rp2.000.000). */
  formats->rupiah = workbook_add_format (workbook);
  format_set_num_format (formats->rupiah, "[$Rp-421]#,##0");
  formats->percent = workbook_add_format (workbook);
  format_set_num_format (formats->percent, "0.00%");
  formats->date = workbook_add_format (workbook);
  format_set_num_format (formats->date, lang == SIGAP_LANG_ID ? "[$-421]d mmmm yyyy"
                                                              : "[$-409]d mmmm yyyy");
  format_set_align (formats->date, LXW_ALIGN_LEFT);
  formats->year = workbook_add_format (workbook);
  format_set_num_format (formats->year, "0");
}

static lxw_datetime
to_lxw_date (const GDate *date)
{
  lxw_datetime value = {
    .year = g_date_get_year (date),
    .month = g_date_get_month (date),
    .day = g_date_get_day (date),
  };

  return value;
}

/* The width a cell's content needs, in characters, as Excel measures columns. */
static glong
cell_width (const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
    case CELL_CODE:
      return g_utf8_strlen (cell->text, -1);
    case CELL_COUNT:
    case CELL_YEAR:
      return (glong) (log10 (MAX (ABS (cell->count), 1)) * 4 / 3) + 3;
    case CELL_RUPIAH:
      return (glong) (log10 (MAX (ABS (cell->count), 1)) * 4 / 3) + 5;
    case CELL_PERCENT:
      return 9;
    case CELL_DATE:
      return 18;
    case CELL_NONE:
    default:
      return 0;
    }
}

static lxw_error
write_cell (lxw_worksheet *sheet,
            const Formats *formats,
            lxw_row_t      r,
            lxw_col_t      c,
            const Cell    *cell,
            gboolean       long_text)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      return worksheet_write_string (sheet, r, c, cell->text,
                                     long_text ? formats->wrap : NULL);
    case CELL_CODE:
      return worksheet_write_string (sheet, r, c, cell->text, formats->text);
    case CELL_COUNT:
      return worksheet_write_number (sheet, r, c, (double) cell->count, formats->count);
    case CELL_YEAR:
      return worksheet_write_number (sheet, r, c, (double) cell->count, formats->year);
    case CELL_RUPIAH:
      return worksheet_write_number (sheet, r, c, (double) cell->count, formats->rupiah);
    case CELL_PERCENT:
      return worksheet_write_number (sheet, r, c, cell->percent / 100.0, formats->percent);
    case CELL_DATE:
      {
        lxw_datetime value = to_lxw_date (&cell->date);

        return worksheet_write_datetime (sheet, r, c, &value, formats->date);
      }
    case CELL_NONE:
    default:
      return LXW_NO_ERROR;
    }
}

static lxw_error
write_header_block (lxw_worksheet *sheet,
                    const Formats *formats,
                    const Context *context,
                    const Table   *table)
{
  const char *labels[] = {
    T (context->lang, "As of", "Posisi per"),
    T (context->lang, "Scope", "Wilayah"),
    T (context->lang, "Segment", "Segmen"),
    T (context->lang, "Data cut-off", "Batas data"),
    T (context->lang, "Generated at", "Dibuat pada"),
  };
  g_autofree char *title = g_strdup_printf ("SIGAP — %s", table->title);
  lxw_error status = LXW_NO_ERROR;

  status |= worksheet_write_string (sheet, 0, 0, title, formats->title);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    status |= worksheet_write_string (sheet, i + 1, 0, labels[i], formats->label);

  {
    lxw_datetime as_of = to_lxw_date (&context->as_of_date);

    status |= worksheet_write_datetime (sheet, 1, 1, &as_of, formats->date);
  }
  status |= worksheet_write_string (sheet, 2, 1, context->scope_label, NULL);
  status |= worksheet_write_string (sheet, 3, 1, context->segment_label, NULL);
  if (g_date_valid (&context->cutoff_date))
    {
      lxw_datetime cutoff = to_lxw_date (&context->cutoff_date);

      status |= worksheet_write_datetime (sheet, 4, 1, &cutoff, formats->date);
    }
  status |= worksheet_write_string (sheet, 5, 1, context->generated, NULL);
  return status;
}

static lxw_error
write_sheet (lxw_workbook  *workbook,
             const Formats *formats,
             const Context *context,
             const Table   *table)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->sheet);
  g_autofree glong *widths = NULL;
  g_autofree guint *sheet_columns = NULL;
  lxw_row_t header_row = HEADER_BLOCK_ROWS;
  lxw_error status;
  guint n = 0;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;

  status = write_header_block (sheet, formats, context, table);

  /* The columns the sheet shows: machine-only ones stay in the CSV. */
  sheet_columns = g_new0 (guint, table->columns->len);
  widths = g_new0 (glong, table->columns->len);
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = g_ptr_array_index (table->columns, c);

      if (column->csv_only)
        continue;
      widths[n] = MIN (g_utf8_strlen (column->header, -1), 24);
      sheet_columns[n++] = c;
    }

  for (guint i = 0; i < n; i++)
    {
      const Column *column = g_ptr_array_index (table->columns, sheet_columns[i]);

      status |= worksheet_write_string (sheet, header_row, i, column->header, formats->header);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < n; i++)
        {
          const Cell *cell = &g_array_index (row, Cell, sheet_columns[i]);
          glong width = cell_width (cell);

          status |= write_cell (sheet, formats, header_row + 1 + r, i, cell, width > 60);
          widths[i] = MAX (widths[i], MIN (width, 60));
        }
    }

  /* The context's values sit in column B: wide enough for them too. */
  if (n > 1)
    widths[1] = MAX (widths[1], MIN (MAX (g_utf8_strlen (context->scope_label, -1),
                                          g_utf8_strlen (context->generated, -1)), 40));
  widths[0] = MAX (widths[0], 14);

  for (guint i = 0; i < n; i++)
    status |= worksheet_set_column (sheet, i, i, widths[i] + 2, NULL);

  worksheet_freeze_panes (sheet, header_row + 1, 0);
  /* Printed: one page wide, the header on every page. */
  if (n > 5)
    worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  status |= worksheet_repeat_rows (sheet, header_row, header_row);
  if (n > 0)
    status |= worksheet_autofilter (sheet, header_row, 0,
                                    header_row + MAX (table->rows->len, 1), n - 1);
  return status;
}

/* Writes @tables into @tmp, a file create_beside() made for @path; removes it on failure. */
static gboolean
write_workbook_to (const GPtrArray *tables,
                   const Context   *context,
                   const char      *tmp,
                   const char      *path,
                   GCancellable    *cancellable,
                   GError         **error)
{
  lxw_workbook *workbook;
  lxw_doc_properties properties = { 0 };
  Formats formats;
  lxw_error status = LXW_NO_ERROR;

  workbook = workbook_new (tmp);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE,
                   _("Cannot create the workbook"));
      return FALSE;
    }

  properties.title = (char *) T (context->lang, "SIGAP programme figures", "Angka program SIGAP");
  properties.company = (char *) "Pemerintah Kota Bekasi";
  properties.comments = context->scope_label;
  workbook_set_properties (workbook, &properties);

  formats_init (&formats, workbook, context->lang);
  for (guint i = 0; i < tables->len && status == LXW_NO_ERROR; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      status = write_sheet (workbook, &formats, context, g_ptr_array_index (tables, i));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      workbook_close (workbook);
      g_unlink (tmp);
      return FALSE;
    }

  if (status == LXW_NO_ERROR)
    status = workbook_close (workbook);
  else
    workbook_close (workbook);

  if (status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp);
      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_workbook (const GPtrArray *tables,
                const Context   *context,
                const char      *path,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autofree char *tmp = create_beside (path, 0666, error);

  return tmp != NULL &&
         write_workbook_to (tables, context, tmp, path, cancellable, error) &&
         move_into_place (tmp, path, error);
}

/* ---------------------------------------------------------------------------------------- */
/* CSV files                                                                                */

static void
csv_end (GString  *out,
         gboolean  last)
{
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_csv_cell (GString    *out,
                 const Cell *cell)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
    case CELL_CODE:
      sigap_csv_append_text (out, cell->text, ',');
      break;
    case CELL_COUNT:
    case CELL_YEAR:
    case CELL_RUPIAH:
      sigap_csv_append_int (out, cell->count);
      break;
    case CELL_PERCENT:
      {
        g_autofree char *number = sigap_csv_format_double (cell->percent);

        sigap_csv_append_number (out, number, ',');
      }
      break;
    case CELL_DATE:
      {
        g_autofree char *iso = sigap_date_to_iso (&cell->date);

        sigap_csv_append_text (out, iso, ',');
      }
      break;
    case CELL_NONE:
    default:
      break;
    }
}

static char *
table_to_csv (const Table   *table,
              const Context *context)
{
  GString *out = g_string_new (NULL);
  const char *context_columns[] = { "as_of", "segment", "scope", "data_cutoff" };
  const char *context_values[] = { context->as_of, context->segment, context->scope,
                                    context->cutoff };

  for (guint i = 0; i < G_N_ELEMENTS (context_columns); i++)
    {
      sigap_csv_append_text (out, context_columns[i], ',');
      csv_end (out, FALSE);
    }
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = g_ptr_array_index (table->columns, c);

      sigap_csv_append_text (out, column->key, ',');
      csv_end (out, c + 1 == table->columns->len);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < G_N_ELEMENTS (context_values); i++)
        {
          sigap_csv_append_text (out, context_values[i], ',');
          csv_end (out, FALSE);
        }
      for (guint c = 0; c < row->len; c++)
        {
          append_csv_cell (out, &g_array_index (row, Cell, c));
          csv_end (out, c + 1 == row->len);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
write_csv_folder (const GPtrArray *tables,
                  const Context   *context,
                  const char      *folder,
                  GCancellable    *cancellable,
                  GError         **error)
{
  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE,
                   _("Cannot create the folder “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const Table *table = g_ptr_array_index (tables, i);
      g_autofree char *name = g_strconcat (table->file_key, ".csv", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = table_to_csv (table, context);
      g_autofree char *tmp = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      tmp = create_beside (path, 0666, error);
      if (tmp == NULL)
        return FALSE;
      if (!g_file_set_contents_full (tmp, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                     &local_error))
        {
          g_unlink (tmp);
          g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_WRITE, "%s",
                       local_error->message);
          return FALSE;
        }
      if (!move_into_place (tmp, path, error))
        return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */

/**
 * sigap_export_write:
 * @db: the database
 * @filter: as-of date, scope and segment
 * @lang: the language of the sheet names, headers and definitions
 * @format: a workbook, or a folder of CSV files
 * @path: the workbook's file, or the folder (created when missing)
 * @cancellable: (nullable): stops between sheets
 *
 * Writes every table the window and the briefing show for @filter. An existing file of the
 * same name is replaced only once the new one is complete.
 *
 * Returns: %TRUE on success
 */
gboolean
sigap_export_write (SigapDatabase      *db,
                    const SigapFilter  *filter,
                    SigapLang           lang,
                    SigapExportFormat   format,
                    const char         *path,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(SigapSummary) summary = NULL;
  g_auto(Context) context = { 0 };

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tables = build_tables (db, filter, lang, &summary, error);
  if (tables == NULL)
    return FALSE;

  context_init (&context, db, filter, summary, lang);

  if (format == SIGAP_EXPORT_CSV)
    return write_csv_folder (tables, &context, path, cancellable, error);
  return write_workbook (tables, &context, path, cancellable, error);
}

/**
 * sigap_export_table_to_string:
 *
 * Returns: the table's key, as the name of its CSV file: "kecamatan", "sector-by-area"
 */
const char *
sigap_export_table_to_string (SigapExportTable table)
{
  g_return_val_if_fail (table < SIGAP_EXPORT_TABLE_N, NULL);

  return table_keys[table];
}

/**
 * sigap_export_table_from_string:
 * @key: a key of sigap_export_table_to_string()
 * @out_table: (out): the table
 *
 * Returns: %TRUE when @key names a table
 */
gboolean
sigap_export_table_from_string (const char       *key,
                                SigapExportTable *out_table)
{
  for (SigapExportTable table = 0; table < SIGAP_EXPORT_TABLE_N; table++)
    if (g_strcmp0 (key, table_keys[table]) == 0)
      {
        *out_table = table;
        return TRUE;
      }
  return FALSE;
}

/**
 * sigap_export_write_table:
 * @db: the database; writable for %SIGAP_EXPORT_TABLE_PARTICIPANTS
 * @filter: as-of date, scope and segment
 * @lang: the language of the sheet name, headers and context block
 * @table: the table
 * @path: the workbook's file
 * @cancellable: (nullable)
 *
 * Writes one table as a workbook of one sheet, the same sheet sigap_export_write() writes for
 * it: its title and the block of context (as-of date, scope, segment, data cut-off, when it
 * was generated), numeric cells with their display formats.
 *
 * The participants name people, so they are for operators only: the database must be open
 * for writing, NIKs are masked, the file is readable by its owner only (0600), and the export
 * is recorded (sigap_participant_list_record_masked()) before the file appears.
 *
 * Returns: %TRUE on success
 */
gboolean
sigap_export_write_table (SigapDatabase      *db,
                          const SigapFilter  *filter,
                          SigapLang           lang,
                          SigapExportTable    table,
                          const char         *path,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(SigapSummary) summary = NULL;
  g_auto(Context) context = { 0 };
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  gint64 rows = 0;
  Table *one;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (table < SIGAP_EXPORT_TABLE_N, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (table == SIGAP_EXPORT_TABLE_PARTICIPANTS && sigap_database_is_read_only (db))
    {
      g_set_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_NOT_OPERATOR,
                   _("The participant list is for operators: it is recorded in the database, "
                     "which is open read-only"));
      return FALSE;
    }

  summary = sigap_figures_summary (db, filter, error);
  if (summary == NULL)
    return FALSE;
  context_init (&context, db, filter, summary, lang);

  if (table == SIGAP_EXPORT_TABLE_PARTICIPANTS)
    one = participants_table (db, filter, lang, &rows, cancellable, error);
  else
    one = build_one (db, filter, lang, table, summary, error);
  if (one == NULL)
    return FALSE;
  g_ptr_array_add (tables, one);

  if (table != SIGAP_EXPORT_TABLE_PARTICIPANTS)
    return write_workbook (tables, &context, path, cancellable, error);

  /* Names of people: the owner's only, and recorded before the file appears (a list that
   * is not recorded is not written). */
  tmp = create_beside (path, 0600, error);
  if (tmp == NULL || !write_workbook_to (tables, &context, tmp, path, cancellable, error))
    return FALSE;
  display = g_filename_display_name (path);
  if (!sigap_participant_list_record_masked (db, filter, display, rows, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  return move_into_place (tmp, path, error);
}
