/* sigap-import-plan.c: the rules for targets (sasaran), budgets (pagu) and payments (SP2D)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each of these files sets values by a key: a target by year, segment, region and optional
 * sector (no sector: the whole segment's target); a pagu by year, segment and funding source;
 * a payment by its SP2D number. A key the database holds is updated when the values differ
 * and left alone when they are the same, so that importing the same file twice changes
 * nothing. A key repeated within the file is refused on its later line.
 */

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "sigap-import-private.h"
#include "sigap-import-value.h"

typedef struct
{
  GHashTable   *seen;    /* key → first line, as GINT_TO_POINTER-sized int64 */
  SigapStatement *select;
  SigapStatement *insert;
  SigapStatement *update;
} Plan;

static Plan *
plan_new (SigapImportRun *run)
{
  Plan *plan = g_new0 (Plan, 1);

  plan->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->kind_data = plan;
  return plan;
}

static void
plan_finish (SigapImportRun *run)
{
  Plan *plan = run->kind_data;

  g_hash_table_unref (plan->seen);
  g_clear_pointer (&plan->select, sigap_statement_free);
  g_clear_pointer (&plan->insert, sigap_statement_free);
  g_clear_pointer (&plan->update, sigap_statement_free);
  g_free (plan);
  run->kind_data = NULL;
}

static gboolean
plan_prepare (SigapImportRun  *run,
              const char      *select,
              const char      *insert,
              const char      *update,
              GError         **error)
{
  Plan *plan = plan_new (run);

  plan->select = _sigap_import_prepare (run, select, error);
  plan->insert = plan->select != NULL ? _sigap_import_prepare (run, insert, error) : NULL;
  plan->update = plan->insert != NULL ? _sigap_import_prepare (run, update, error) : NULL;
  return plan->update != NULL;
}

/* The line @key first appeared on, or 0 after remembering it for this line. */
static gint64
plan_seen (SigapImportRun *run,
           char           *key)
{
  Plan *plan = run->kind_data;
  gint64 *line = g_hash_table_lookup (plan->seen, key);

  if (line != NULL)
    {
      g_free (key);
      return *line;
    }

  line = g_new (gint64, 1);
  *line = run->line;
  g_hash_table_insert (plan->seen, key, line);
  return 0;
}

static gboolean
get_count (SigapImportRun *run,
           guint           column,
           gint64         *out)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (!_sigap_import_get_required (run, column, &text))
    return FALSE;

  if (!sigap_import_parse_count (text, out, &error))
    {
      _sigap_import_reject_error (run, (int) column, error);
      return FALSE;
    }

  return TRUE;
}

/* The most a plausible amount can be: more is a typing or export slip (a decimal separator
 * taken for a thousands one, two cells run together), and added up such amounts would
 * overflow the figures. The city's whole APBD is a few Rp trillion a year. */
#define MOST_PAYMENT G_GINT64_CONSTANT (1000000000000)     /* Rp1 triliun for one SP2D */
#define MOST_PAGU    G_GINT64_CONSTANT (100000000000000)   /* Rp100 triliun for one pagu */

static gboolean
get_money (SigapImportRun *run,
           guint           column,
           gint64          most,
           gint64         *out)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (!_sigap_import_get_required (run, column, &text))
    return FALSE;

  if (!sigap_import_parse_money (text, out, &error))
    {
      _sigap_import_reject_error (run, (int) column, error);
      return FALSE;
    }

  if (*out > most)
    {
      if (most == MOST_PAYMENT)
        _sigap_import_reject (run, (int) column,
                              _("“%s” is more than Rp1 triliun, too much for one SP2D: check "
                                "the amount"),
                              text);
      else
        _sigap_import_reject (run, (int) column,
                              _("“%s” is more than Rp100 triliun, too much for one pagu: check "
                                "the amount"),
                              text);
      return FALSE;
    }

  return TRUE;
}

/* Steps a statement that returns at most one row; FALSE on a database failure. */
static gboolean
step_lookup (SigapImportRun *run,
             SigapStatement   *stmt,
             gboolean       *out_found)
{
  int rc = sigap_statement_step (stmt);

  if (rc != SIGAP_STEP_ROW && rc != SIGAP_STEP_DONE)
    {
      _sigap_import_db_failed (run, _("Database query failed"));
      return FALSE;
    }

  *out_found = rc == SIGAP_STEP_ROW;
  return TRUE;
}

static SigapImportRow
step_write (SigapImportRun *run,
            SigapStatement   *stmt,
            SigapImportRow  outcome)
{
  int rc = sigap_statement_step (stmt);

  sigap_statement_reset (stmt);
  if (rc != SIGAP_STEP_DONE)
    return _sigap_import_db_failed (run, _("Cannot save a line"));

  return outcome;
}

/* --- Targets -------------------------------------------------------------------------- */

enum
{
  TARGET_TAHUN,
  TARGET_SEGMEN,
  TARGET_KODE_WILAYAH,
  TARGET_SASARAN,
  TARGET_SEKTOR,
};

static const SigapImportColumn target_columns[] = {
  [TARGET_TAHUN] = { "tahun", TRUE, "year|tahun anggaran" },
  [TARGET_SEGMEN] = { "segmen", TRUE, "segment" },
  [TARGET_KODE_WILAYAH] = { "kode_wilayah", TRUE,
                            "wilayah|nama wilayah|region|region_code|kode|kecamatan/kelurahan" },
  [TARGET_SASARAN] = { "sasaran", TRUE, "target|jumlah sasaran|sasaran peserta|count" },
  [TARGET_SEKTOR] = { "sektor", FALSE, "sector|jenis pekerjaan|pekerjaan" },
};

static gboolean
targets_prepare (SigapImportRun  *run,
                 GError         **error)
{
  return plan_prepare (run,
                       "SELECT id, count FROM target WHERE year = ?1 AND segment = ?2 "
                       "AND region_id = ?3 AND coalesce (sector_id, 0) = coalesce (?4, 0)",
                       "INSERT INTO target (year, segment, region_id, sector_id, count, "
                       "batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       "UPDATE target SET count = ?5, batch_id = ?6 WHERE id = ?7",
                       error);
}

static SigapImportRow
targets_row (SigapImportRun *run)
{
  Plan *plan = run->kind_data;
  const SigapImportRegion *region;
  const SigapImportSector *sector = NULL;
  const char *segment;
  gint64 count, first_line;
  gboolean found;
  int year;

  if (!_sigap_import_get_year (run, TARGET_TAHUN, &year) ||
      (segment = _sigap_import_find_segment (run, TARGET_SEGMEN)) == NULL ||
      (region = _sigap_import_find_region (run, TARGET_KODE_WILAYAH)) == NULL ||
      !get_count (run, TARGET_SASARAN, &count))
    return SIGAP_IMPORT_ROW_REJECTED;

  if (*_sigap_import_field (run, TARGET_SEKTOR) != '\0')
    {
      sector = _sigap_import_find_sector (run, TARGET_SEKTOR);
      if (sector == NULL)
        return SIGAP_IMPORT_ROW_REJECTED;

      if (!g_str_equal (sector->segment, segment))
        {
          _sigap_import_reject (run, TARGET_SEKTOR,
                                _("Sector %s belongs to segment %s, not %s"),
                                sector->name, sector->segment, segment);
          return SIGAP_IMPORT_ROW_REJECTED;
        }
    }

  first_line = plan_seen (run, g_strdup_printf ("%d|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                                year, segment, region->id,
                                                sector != NULL ? sector->id : 0));
  if (first_line > 0)
    {
      _sigap_import_reject (run, -1,
                            _("The same year, segment, region and sector are already on line "
                              "%" PRId64),
                            first_line);
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  sigap_statement_reset (plan->select);
  sigap_statement_bind_int (plan->select, 1, year);
  sigap_statement_bind_text (plan->select, 2, segment);
  sigap_statement_bind_int64 (plan->select, 3, region->id);
  if (sector != NULL)
    sigap_statement_bind_int64 (plan->select, 4, sector->id);
  else
    sigap_statement_bind_null (plan->select, 4);
  if (!step_lookup (run, plan->select, &found))
    return SIGAP_IMPORT_ROW_FAILED;

  if (found && sigap_statement_column_int64 (plan->select, 1) == count)
    return SIGAP_IMPORT_ROW_UNCHANGED;

  if (found)
    {
      sigap_statement_bind_int64 (plan->update, 5, count);
      sigap_statement_bind_int64 (plan->update, 6, run->batch_id);
      sigap_statement_bind_int64 (plan->update, 7, sigap_statement_column_int64 (plan->select, 0));
      return step_write (run, plan->update, SIGAP_IMPORT_ROW_UPDATED);
    }

  sigap_statement_bind_int (plan->insert, 1, year);
  sigap_statement_bind_text (plan->insert, 2, segment);
  sigap_statement_bind_int64 (plan->insert, 3, region->id);
  if (sector != NULL)
    sigap_statement_bind_int64 (plan->insert, 4, sector->id);
  else
    sigap_statement_bind_null (plan->insert, 4);
  sigap_statement_bind_int64 (plan->insert, 5, count);
  sigap_statement_bind_int64 (plan->insert, 6, run->batch_id);
  return step_write (run, plan->insert, SIGAP_IMPORT_ROW_ADDED);
}

const SigapImportKindClass _sigap_import_targets = {
  .columns = target_columns,
  .n_columns = G_N_ELEMENTS (target_columns),
  .prepare = targets_prepare,
  .row = targets_row,
  .finish = plan_finish,
};

/* --- Budget --------------------------------------------------------------------------- */

enum
{
  BUDGET_TAHUN,
  BUDGET_SEGMEN,
  BUDGET_SUMBER_DANA,
  BUDGET_PAGU,
  BUDGET_KETERANGAN,
};

static const SigapImportColumn budget_columns[] = {
  [BUDGET_TAHUN] = { "tahun", TRUE, "year|tahun anggaran" },
  [BUDGET_SEGMEN] = { "segmen", TRUE, "segment" },
  [BUDGET_SUMBER_DANA] = { "sumber_dana", TRUE,
                           "sumber dana|funding_source|sumber anggaran|sumber pendanaan" },
  [BUDGET_PAGU] = { "pagu", TRUE, "pagu anggaran|nilai pagu|anggaran|budget" },
  [BUDGET_KETERANGAN] = { "keterangan", FALSE, "catatan|note|uraian" },
};

static gboolean
budget_prepare (SigapImportRun  *run,
                GError         **error)
{
  return plan_prepare (run,
                       "SELECT id, pagu, note FROM budget WHERE year = ?1 AND segment = ?2 "
                       "AND funding_source = ?3",
                       "INSERT INTO budget (year, segment, funding_source, pagu, note, "
                       "batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       "UPDATE budget SET pagu = ?4, note = ?5, batch_id = ?6 WHERE id = ?7",
                       error);
}

static SigapImportRow
budget_row (SigapImportRun *run)
{
  Plan *plan = run->kind_data;
  const char *segment, *funding, *note, *stored_note;
  gint64 pagu, first_line;
  gboolean found;
  int year;

  if (!_sigap_import_get_year (run, BUDGET_TAHUN, &year) ||
      (segment = _sigap_import_find_segment (run, BUDGET_SEGMEN)) == NULL ||
      (funding = _sigap_import_find_funding (run, BUDGET_SUMBER_DANA)) == NULL ||
      !get_money (run, BUDGET_PAGU, MOST_PAGU, &pagu))
    return SIGAP_IMPORT_ROW_REJECTED;

  first_line = plan_seen (run, g_strdup_printf ("%d|%s|%s", year, segment, funding));
  if (first_line > 0)
    {
      _sigap_import_reject (run, -1,
                            _("The same year, segment and funding source are already on line "
                              "%" PRId64),
                            first_line);
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  sigap_statement_reset (plan->select);
  sigap_statement_bind_int (plan->select, 1, year);
  sigap_statement_bind_text (plan->select, 2, segment);
  sigap_statement_bind_text (plan->select, 3, funding);
  if (!step_lookup (run, plan->select, &found))
    return SIGAP_IMPORT_ROW_FAILED;

  /* An empty note keeps the stored one, as an empty cell does for participants. */
  note = _sigap_import_field (run, BUDGET_KETERANGAN);
  stored_note = found ? sigap_statement_column_text (plan->select, 2) : NULL;
  if (*note == '\0')
    note = stored_note;

  if (found && sigap_statement_column_int64 (plan->select, 1) == pagu && g_strcmp0 (note, stored_note) == 0)
    return SIGAP_IMPORT_ROW_UNCHANGED;

  if (found)
    {
      sigap_statement_bind_int64 (plan->update, 4, pagu);
      sigap_statement_bind_text_copy (plan->update, 5, note);
      sigap_statement_bind_int64 (plan->update, 6, run->batch_id);
      sigap_statement_bind_int64 (plan->update, 7, sigap_statement_column_int64 (plan->select, 0));
      return step_write (run, plan->update, SIGAP_IMPORT_ROW_UPDATED);
    }

  sigap_statement_bind_int (plan->insert, 1, year);
  sigap_statement_bind_text (plan->insert, 2, segment);
  sigap_statement_bind_text (plan->insert, 3, funding);
  sigap_statement_bind_int64 (plan->insert, 4, pagu);
  sigap_statement_bind_text (plan->insert, 5, note);
  sigap_statement_bind_int64 (plan->insert, 6, run->batch_id);
  return step_write (run, plan->insert, SIGAP_IMPORT_ROW_ADDED);
}

const SigapImportKindClass _sigap_import_budget = {
  .columns = budget_columns,
  .n_columns = G_N_ELEMENTS (budget_columns),
  .prepare = budget_prepare,
  .row = budget_row,
  .finish = plan_finish,
};

/* --- Payments ------------------------------------------------------------------------- */

enum
{
  PAYMENT_TANGGAL_BAYAR,
  PAYMENT_NOMOR_SP2D,
  PAYMENT_SEGMEN,
  PAYMENT_SUMBER_DANA,
  PAYMENT_PERIODE_AWAL,
  PAYMENT_PERIODE_AKHIR,
  PAYMENT_JUMLAH_PESERTA,
  PAYMENT_NILAI,
};

static const SigapImportColumn payment_columns[] = {
  [PAYMENT_TANGGAL_BAYAR] = { "tanggal_bayar", TRUE,
                              "tgl bayar|tanggal sp2d|tgl sp2d|tanggal pembayaran|paid_on" },
  [PAYMENT_NOMOR_SP2D] = { "nomor_sp2d", TRUE, "no sp2d|sp2d|sp2d_number|nomor sp2d" },
  [PAYMENT_SEGMEN] = { "segmen", TRUE, "segment" },
  [PAYMENT_SUMBER_DANA] = { "sumber_dana", TRUE,
                            "sumber dana|funding_source|sumber anggaran|sumber pendanaan" },
  [PAYMENT_PERIODE_AWAL] = { "periode_awal", TRUE,
                             "periode mulai|period_start|bulan awal|masa awal" },
  [PAYMENT_PERIODE_AKHIR] = { "periode_akhir", TRUE,
                              "periode selesai|period_end|bulan akhir|masa akhir" },
  [PAYMENT_JUMLAH_PESERTA] = { "jumlah_peserta", TRUE,
                               "peserta|jumlah tenaga kerja|participants" },
  [PAYMENT_NILAI] = { "nilai", TRUE, "nilai sp2d|nominal|jumlah bayar|amount|jumlah" },
};

static gboolean
payments_prepare (SigapImportRun  *run,
                  GError         **error)
{
  return plan_prepare (run,
                       "SELECT id, paid_on, segment, funding_source, period_start, "
                       "period_end, participants, amount FROM payment WHERE sp2d_number = ?1",
                       "INSERT INTO payment (sp2d_number, paid_on, segment, funding_source, "
                       "period_start, period_end, participants, amount, batch_id) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                       "UPDATE payment SET paid_on = ?2, segment = ?3, funding_source = ?4, "
                       "period_start = ?5, period_end = ?6, participants = ?7, amount = ?8, "
                       "batch_id = ?9 WHERE id = ?10",
                       error);
}

/* The first day of the month @column names, or with @last the last day. */
static gboolean
get_period (SigapImportRun *run,
            guint           column,
            gboolean        last,
            char            out_iso[11])
{
  g_autoptr(GError) error = NULL;
  const char *text;
  int year, month, day;

  if (!_sigap_import_get_required (run, column, &text))
    return FALSE;

  if (!sigap_import_parse_month (text, &year, &month, &error))
    {
      _sigap_import_reject_error (run, (int) column, error);
      return FALSE;
    }

  day = last ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) : 1;
  g_snprintf (out_iso, 11, "%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static gboolean
same_text (SigapStatement *stmt,
           int           column,
           const char   *text)
{
  return g_strcmp0 (sigap_statement_column_text (stmt, column), text) == 0;
}

static SigapImportRow
payments_row (SigapImportRun *run)
{
  Plan *plan = run->kind_data;
  g_autoptr(GString) sp2d = g_string_new (NULL);
  const char *segment, *funding, *text;
  char paid_on[11], start[11], end[11];
  gint64 participants, amount, first_line;
  SigapStatement *write;
  gboolean found;

  if (!_sigap_import_get_date (run, PAYMENT_TANGGAL_BAYAR, TRUE, paid_on) ||
      !_sigap_import_get_required (run, PAYMENT_NOMOR_SP2D, &text))
    return SIGAP_IMPORT_ROW_REJECTED;

  /* "0123/SP2D/ LS/2025" and "0123/SP2D/LS/2025" are one SP2D. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (sp2d, *p);

  if ((segment = _sigap_import_find_segment (run, PAYMENT_SEGMEN)) == NULL ||
      (funding = _sigap_import_find_funding (run, PAYMENT_SUMBER_DANA)) == NULL ||
      !get_period (run, PAYMENT_PERIODE_AWAL, FALSE, start) ||
      !get_period (run, PAYMENT_PERIODE_AKHIR, TRUE, end) ||
      !get_count (run, PAYMENT_JUMLAH_PESERTA, &participants) ||
      !get_money (run, PAYMENT_NILAI, MOST_PAYMENT, &amount))
    return SIGAP_IMPORT_ROW_REJECTED;

  if (strcmp (end, start) < 0)
    {
      _sigap_import_reject (run, PAYMENT_PERIODE_AKHIR,
                            _("The period ends (%s) before it starts (%s)"),
                            _sigap_import_field (run, PAYMENT_PERIODE_AKHIR),
                            _sigap_import_field (run, PAYMENT_PERIODE_AWAL));
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  first_line = plan_seen (run, g_strdup (sp2d->str));
  if (first_line > 0)
    {
      _sigap_import_reject (run, PAYMENT_NOMOR_SP2D,
                            _("SP2D %s is already on line %" PRId64),
                            sp2d->str, first_line);
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  sigap_statement_reset (plan->select);
  sigap_statement_bind_text (plan->select, 1, sp2d->str);
  if (!step_lookup (run, plan->select, &found))
    return SIGAP_IMPORT_ROW_FAILED;

  if (found && same_text (plan->select, 1, paid_on) && same_text (plan->select, 2, segment) &&
      same_text (plan->select, 3, funding) && same_text (plan->select, 4, start) &&
      same_text (plan->select, 5, end) &&
      sigap_statement_column_int64 (plan->select, 6) == participants &&
      sigap_statement_column_int64 (plan->select, 7) == amount)
    {
      sigap_statement_reset (plan->select);
      return SIGAP_IMPORT_ROW_UNCHANGED;
    }

  write = found ? plan->update : plan->insert;
  sigap_statement_bind_text (write, 1, sp2d->str);
  sigap_statement_bind_text (write, 2, paid_on);
  sigap_statement_bind_text (write, 3, segment);
  sigap_statement_bind_text (write, 4, funding);
  sigap_statement_bind_text (write, 5, start);
  sigap_statement_bind_text (write, 6, end);
  sigap_statement_bind_int64 (write, 7, participants);
  sigap_statement_bind_int64 (write, 8, amount);
  sigap_statement_bind_int64 (write, 9, run->batch_id);
  if (found)
    sigap_statement_bind_int64 (write, 10, sigap_statement_column_int64 (plan->select, 0));

  return step_write (run, write, found ? SIGAP_IMPORT_ROW_UPDATED : SIGAP_IMPORT_ROW_ADDED);
}

const SigapImportKindClass _sigap_import_payments = {
  .columns = payment_columns,
  .n_columns = G_N_ELEMENTS (payment_columns),
  .prepare = payments_prepare,
  .row = payments_row,
  .finish = plan_finish,
};
