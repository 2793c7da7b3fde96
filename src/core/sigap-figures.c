/* sigap-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one source of figures. Every number the window, the briefing and the command line
 * show comes from here, computed from the database for one SigapFilter.
 *
 * Counts as of a day D are read from the monthly tallies (tally_sector, tally_desil, kept
 * by triggers) for the whole months before D, plus the participants registered or ended in
 * D's own month up to D, read through covering indexes. When D is the last day of its month
 * the tallies answer alone. Either way a participant is
 *   registered on D  when registered_on <= D,
 *   ended on D       when ended_on <= D (ended_on >= registered_on is a schema constraint),
 *   active on D      when registered and not ended, i.e. registered − ended.
 */

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sigap-figures.h"
#include "sigap-regions.h"
#include "sigap-format.h"

G_DEFINE_QUARK (sigap-figures-error-quark, sigap_figures_error)

/* ---------------------------------------------------------------------------------------- */
/* Checked money. Amounts are whole rupiah in 64 bits: the import refuses implausible ones,
 * but a database written by other means can hold amounts whose sum wraps round to a negative
 * figure. Every sum and product of money goes through these, and so does every SQL sum,
 * which SQLite stops with "integer overflow": an error, never a wrong number.              */

static gboolean
set_overflow_error (GError **error)
{
  g_set_error_literal (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_OVERFLOW,
                       _("The amounts in the database add up to more than can be counted: "
                         "a budget or payment amount is wrong; import it again corrected"));
  return FALSE;
}

static gboolean
add_money (gint64  *sum,
           gint64   value,
           GError **error)
{
  if (__builtin_add_overflow (*sum, value, sum))
    return set_overflow_error (error);
  return TRUE;
}

static gboolean
multiply_money (gint64  *product,
                gint64   a,
                gint64   b,
                GError **error)
{
  if (__builtin_mul_overflow (a, b, product))
    return set_overflow_error (error);
  return TRUE;
}

/* Sets @error after a failed step: the overflow error when a SUM overflowed. */
static gboolean
set_query_error (SigapDatabase  *db,
                 GError        **error,
                 const char     *what)
{
  g_autoptr(GError) local_error = NULL;

  sigap_database_set_error (db, &local_error, what);
  if (g_error_matches (local_error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_OVERFLOW))
    return set_overflow_error (error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */
/* The region tree: 69 rows, read once per computation.                                     */

static const SigapRegion *
lookup_scope (SigapRegions  *tree,
              const char    *code,
              GError       **error)
{
  const SigapRegion *region = sigap_regions_lookup (tree, code);

  if (region == NULL)
    g_set_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_UNKNOWN_SCOPE,
                 _("Unknown region code “%s”: use 32.75 for Kota Bekasi, 32.75.01 to 32.75.12 "
                   "for a kecamatan, or a kelurahan code such as 32.75.01.1001"),
                 code);

  return region;
}

/* The region tree and the scope @code in it; NULL with @error set for an unknown code. */
static const SigapRegion *
load_scope_code (SigapDatabase  *db,
                 const char     *code,
                 SigapRegions  **out_tree,
                 GError        **error)
{
  g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
  const SigapRegion *scope;

  if (tree == NULL)
    return NULL;

  scope = lookup_scope (tree, code, error);
  if (scope == NULL)
    return NULL;

  *out_tree = g_steal_pointer (&tree);
  return scope;
}

/* The region tree and the filter's scope in it; NULL with @error set for an unknown code. */
static const SigapRegion *
load_scope (SigapDatabase      *db,
            const SigapFilter  *filter,
            SigapRegions      **out_tree,
            GError            **error)
{
  return load_scope_code (db, filter->scope, out_tree, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Counting participants as of a day.                                                       */

typedef enum
{
  KEY_NONE,
  KEY_KELURAHAN,
  KEY_SECTOR,
  KEY_DESIL,
  KEY_KELURAHAN_SECTOR,   /* kelurahan_id * SECTOR_KEY_SPAN + sector_id */
} CountKey;

/* Sector ids are small (the reference data has 22); packing them with a kelurahan id keeps
 * a count's key one integer. */
#define SECTOR_KEY_SPAN 4096

typedef struct
{
  gint64 registered;
  gint64 ended;
} Count;

static char *
month_string (int year,
              int month)
{
  return g_strdup_printf ("%04d-%02d", year, month);
}

static void
date_set_month_end (GDate *date,
                    int    year,
                    int    month)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
}

/* Adds the rows (key, registered, ended) of one grouped count query to @counts; a key met in
 * several rows adds up. */
static gboolean
accumulate_counts (SigapDatabase  *db,
                   const char     *sql,
                   const char     *scope,
                   SigapSegment    segment,
                   const char     *first,
                   const char     *second,
                   const char     *third,
                   GHashTable     *counts,
                   GError        **error)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, scope);
  sigap_statement_bind_text (stmt, 2, sigap_segment_to_string (segment));
  sigap_statement_bind_text (stmt, 3, first);
  if (second != NULL)
    sigap_statement_bind_text (stmt, 4, second);
  if (third != NULL)
    sigap_statement_bind_text (stmt, 5, third);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      gint64 id = sigap_statement_column_int64 (stmt, 0);
      Count *count = g_hash_table_lookup (counts, &id);

      if (count == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          count = g_new0 (Count, 1);
          g_hash_table_insert (counts, key, count);
        }

      count->registered += sigap_statement_column_int64 (stmt, 1);
      count->ended += sigap_statement_column_int64 (stmt, 2);
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot count participants"));

  return TRUE;
}

/* The WHERE conditions for @scope and @segment; none where they would select everything,
 * which lets a city-wide count scan the tallies instead of seeking every kelurahan. The
 * kelurahan of a smaller scope come from the region tree, as a list of ids. */
static char *
scope_filters (const SigapRegion *scope,
               SigapSegment       segment,
               const char        *no_index,
               gboolean           by_segment)
{
  GString *sql = g_string_new ("?1 IS NOT NULL AND ?2 IS NOT NULL");

  if (!sigap_region_is_city (scope))
    {
      g_autofree char *ids = sigap_region_list_kelurahan_ids (scope);

      g_string_append_printf (sql, " AND %skelurahan_id IN (%s)", no_index, ids);
    }

  if (segment != SIGAP_SEGMENT_ALL && by_segment)
    g_string_append (sql, " AND segment = ?2");
  else if (segment != SIGAP_SEGMENT_ALL)
    g_string_append_printf (sql, " AND %ssector_id IN (SELECT id FROM sector WHERE segment = ?2)",
                            no_index);

  return g_string_free (sql, FALSE);
}

/* Counts registrations and endings up to @as_of in @scope for @segment, grouped by @key.
 * Returns a table from the key (kelurahan id, sector id or desil; 0 for KEY_NONE) to a Count.
 *
 * Three grouped queries: the tallies of the whole months before D, and the registrations and
 * endings of D's own month up to D (none when D is the last day of its month). On SQLite
 * they run one by one and are merged here, since SQLite would have to materialise a UNION
 * ALL of them; on a server, where each statement waits a round trip, they go as one UNION
 * ALL, whose rows are merged here in the same way. */
static GHashTable *
count_as_of (SigapDatabase  *db,
             const char     *scope,
             SigapSegment    segment,
             const GDate    *as_of,
             CountKey        key,
             GError        **error)
{
  g_autoptr(SigapRegions) tree = NULL;
  const SigapRegion *region;
  g_autofree char *filters = NULL;
  g_autofree char *tally_filters = NULL;
  g_autofree char *desil_filters = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *tally_sql = NULL;
  g_autofree char *registered_sql = NULL;
  g_autofree char *ended_sql = NULL;
  g_autofree char *bound = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *key_column;
  int year = g_date_get_year (as_of);
  int month = g_date_get_month (as_of);

  switch (key)
    {
    case KEY_KELURAHAN:
      key_column = "kelurahan_id";
      break;
    case KEY_SECTOR:
      key_column = "sector_id";
      break;
    case KEY_DESIL:
      key_column = "coalesce (desil, 0)";
      break;
    case KEY_KELURAHAN_SECTOR:
      key_column = "kelurahan_id * " G_STRINGIFY (SECTOR_KEY_SPAN) " + sector_id";
      break;
    case KEY_NONE:
    default:
      key_column = "0";
      break;
    }

  /* The unary + keeps SQLite from walking the participant table by kelurahan (there is an
   * index for the participant list) instead of by date: the date range is far smaller. The
   * tallies, keyed by kelurahan first, are sought; tally_desil is kept by segment. */
  region = load_scope_code (db, scope, &tree, error);
  if (region == NULL)
    return NULL;
  filters = scope_filters (region, segment, "+", FALSE);
  tally_filters = scope_filters (region, segment, "", FALSE);
  desil_filters = scope_filters (region, segment, "", TRUE);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (sigap_date_is_month_end (as_of))
    bound = month == 12 ? month_string (year + 1, 1) : month_string (year, month + 1);
  else
    bound = month_string (year, month);

  if (key == KEY_DESIL)
    tally_sql = g_strdup_printf ("SELECT desil, sum (registered), sum (ended) FROM tally_desil"
                                 " WHERE month < ?3 AND %s GROUP BY 1",
                                 desil_filters);
  else
    tally_sql = g_strdup_printf ("SELECT %s, sum (registered), sum (ended) FROM tally_sector"
                                 " WHERE month < ?3 AND %s GROUP BY 1",
                                 key_column, tally_filters);
  if (sigap_date_is_month_end (as_of))
    {
      if (!accumulate_counts (db, tally_sql, scope, segment, bound, NULL, NULL, counts, error))
        return NULL;
      return g_steal_pointer (&counts);
    }

  /* The month's first day and D: ?4 and ?5 (?3 is the tallies' bound). */
  from = g_strdup_printf ("%s-01", bound);
  to = sigap_date_to_iso (as_of);
  registered_sql = g_strdup_printf ("SELECT %s, count (*), 0 FROM participant"
                                    " WHERE registered_on >= ?4 AND registered_on <= ?5"
                                    " AND %s GROUP BY 1",
                                    key_column, filters);
  ended_sql = g_strdup_printf ("SELECT %s, 0, count (*) FROM participant"
                               " WHERE ended_on >= ?4 AND ended_on <= ?5"
                               " AND %s GROUP BY 1",
                               key_column, filters);

  if (sigap_database_get_engine (db) == SIGAP_DATABASE_ENGINE_POSTGRES)
    {
      g_autofree char *all_sql = g_strconcat (tally_sql, " UNION ALL ", registered_sql,
                                              " UNION ALL ", ended_sql, NULL);

      if (!accumulate_counts (db, all_sql, scope, segment, bound, from, to, counts, error))
        return NULL;
      return g_steal_pointer (&counts);
    }

  if (!accumulate_counts (db, tally_sql, scope, segment, bound, NULL, NULL, counts, error) ||
      !accumulate_counts (db, registered_sql, scope, segment, bound, from, to, counts, error) ||
      !accumulate_counts (db, ended_sql, scope, segment, bound, from, to, counts, error))
    return NULL;

  return g_steal_pointer (&counts);
}

static Count
count_lookup (GHashTable *counts,
              gint64      id)
{
  Count *count = g_hash_table_lookup (counts, &id);

  return count != NULL ? *count : (Count) { 0, 0 };
}

static Count
count_total (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer value;
  Count total = { 0, 0 };

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Count *count = value;

      total.registered += count->registered;
      total.ended += count->ended;
    }

  return total;
}

/* Sum of the kelurahan counts below (or at) @region. */
static Count
count_region (GHashTable   *by_kelurahan,
              const SigapRegion *region)
{
  Count total;

  if (region->children->len == 0)
    return count_lookup (by_kelurahan, region->id);

  total = (Count) { 0, 0 };
  for (guint i = 0; i < region->children->len; i++)
    {
      Count child = count_region (by_kelurahan, g_ptr_array_index (region->children, i));

      total.registered += child.registered;
      total.ended += child.ended;
    }

  return total;
}

/* ---------------------------------------------------------------------------------------- */
/* Targets.                                                                                 */

typedef struct
{
  GHashTable *rows;   /* "region_id/segment/sector_id" -> count (sector 0: whole segment) */
  int         year;
} Targets;

static void
targets_free (Targets *targets)
{
  g_clear_pointer (&targets->rows, g_hash_table_unref);
  g_free (targets);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Targets, targets_free)

static char *
target_key (gint64      region_id,
            const char *segment,
            gint64      sector_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT,
                          region_id, segment, sector_id);
}

static Targets *
targets_new (int year)
{
  Targets *targets = g_new0 (Targets, 1);

  targets->year = year;
  targets->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return targets;
}

/* The targets of the years @first to @last, in one statement (on a server each one waits a
 * round trip): a table from the year to its Targets, every year there (empty without rows). */
static GHashTable *
targets_load_years (SigapDatabase  *db,
                    int             first,
                    int             last,
                    GError        **error)
{
  g_autoptr(GHashTable) by_year = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  by_year = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                   (GDestroyNotify) targets_free);
  for (int year = first; year <= last; year++)
    g_hash_table_insert (by_year, GINT_TO_POINTER (year), targets_new (year));

  stmt = sigap_database_prepare (db,
                                 "SELECT region_id, segment, coalesce (sector_id, 0), count, year "
                                 "FROM target WHERE year >= ?1 AND year <= ?2",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_int (stmt, 1, first);
  sigap_statement_bind_int (stmt, 2, last);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      Targets *targets = g_hash_table_lookup (by_year,
                                              GINT_TO_POINTER (sigap_statement_column_int (stmt, 4)));
      gint64 *count;

      if (targets == NULL)
        continue;

      count = g_new (gint64, 1);
      *count = sigap_statement_column_int64 (stmt, 3);
      g_hash_table_insert (targets->rows,
                           target_key (sigap_statement_column_int64 (stmt, 0),
                                       sigap_statement_column_text (stmt, 1),
                                       sigap_statement_column_int64 (stmt, 2)),
                           count);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the targets"));
      return NULL;
    }

  return g_steal_pointer (&by_year);
}

static Targets *
targets_load (SigapDatabase  *db,
              int             year,
              GError        **error)
{
  g_autoptr(GHashTable) by_year = targets_load_years (db, year, year, error);
  gpointer targets = NULL;

  if (by_year == NULL)
    return NULL;

  g_hash_table_steal_extended (by_year, GINT_TO_POINTER (year), NULL, &targets);
  return targets;
}

/* The target of @region: its own row if it has one, otherwise the sum over its children of
 * theirs (recursively), so that a city row and kecamatan rows never add up twice. FALSE when
 * no row exists anywhere below. */
static gboolean
target_of_segment (const Targets *targets,
                   const SigapRegion  *region,
                   const char    *segment,
                   gint64         sector_id,
                   gint64        *out_count)
{
  g_autofree char *key = target_key (region->id, segment, sector_id);
  const gint64 *own = g_hash_table_lookup (targets->rows, key);
  gboolean found = FALSE;
  gint64 sum = 0;

  if (own != NULL)
    {
      *out_count = *own;
      return TRUE;
    }

  for (guint i = 0; i < region->children->len; i++)
    {
      gint64 child;

      if (target_of_segment (targets, g_ptr_array_index (region->children, i),
                             segment, sector_id, &child))
        {
          sum += child;
          found = TRUE;
        }
    }

  *out_count = sum;
  return found;
}

static gboolean
target_of (const Targets *targets,
           const SigapRegion  *region,
           SigapSegment   segment,
           gint64        *out_count)
{
  gint64 rentan = 0, ekosistem = 0;
  gboolean has_rentan = FALSE, has_ekosistem = FALSE;

  if (segment != SIGAP_SEGMENT_EKOSISTEM)
    has_rentan = target_of_segment (targets, region, "rentan", 0, &rentan);
  if (segment != SIGAP_SEGMENT_RENTAN)
    has_ekosistem = target_of_segment (targets, region, "ekosistem", 0, &ekosistem);

  *out_count = rentan + ekosistem;
  return has_rentan || has_ekosistem;
}

static void
set_coverage (gint64    active,
              gint64    target,
              gboolean  has_target,
              double   *out_pct,
              gboolean *out_has)
{
  *out_has = has_target && target > 0;
  *out_pct = *out_has ? 100.0 * (double) active / (double) target : NAN;
}

/* ---------------------------------------------------------------------------------------- */
/* Budget.                                                                                  */

typedef struct
{
  gint64   pagu;
  gboolean has_pagu;
  gint64   realised;
  int      months_unpaid;
  gint64   premium_monthly;   /* JKK + JKM in force on the date, per worker and month */
} SegmentBudget;

static gboolean
query_segment_budget (SigapDatabase  *db,
                      const char     *segment,
                      const GDate    *as_of,
                      SegmentBudget  *out,
                      GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *as_of_iso = sigap_date_to_iso (as_of);
  g_autofree char *year_start = NULL;
  int year = g_date_get_year (as_of);
  const char *paid_through;
  const char *first_month;

  year_start = g_strdup_printf ("%04d-01-01", year);

  stmt = sigap_database_prepare (db,
                                 "SELECT"
                                 " (SELECT sum (pagu) FROM budget WHERE year = ?1 AND segment = ?2),"
                                 " (SELECT coalesce (sum (amount), 0) FROM payment"
                                 "  WHERE segment = ?2 AND paid_on >= ?3 AND paid_on <= ?4),"
                                 " (SELECT max (period_end) FROM payment"
                                 "  WHERE segment = ?2 AND paid_on <= ?4),"
                                 " (SELECT min (month) FROM tally_desil"
                                 "  WHERE segment = ?2 AND registered > 0"
                                 "  AND month <= substr (?4, 1, 7)),"
                                 /* As query_premium () reads it, in the same round trip. */
                                 " (SELECT coalesce (sum (monthly), 0) FROM premium_rate AS r"
                                 "  WHERE valid_from = (SELECT max (valid_from) FROM premium_rate"
                                 "                      WHERE program = r.program"
                                 "                      AND valid_from <= ?4))",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_int (stmt, 1, year);
  sigap_statement_bind_text (stmt, 2, segment);
  sigap_statement_bind_text (stmt, 3, year_start);
  sigap_statement_bind_text (stmt, 4, as_of_iso);

  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return set_query_error (db, error, _("Cannot read the budget"));

  out->has_pagu = !sigap_statement_column_is_null (stmt, 0);
  out->pagu = sigap_statement_column_int64 (stmt, 0);
  out->realised = sigap_statement_column_int64 (stmt, 1);
  out->premium_monthly = sigap_statement_column_int64 (stmt, 4);

  /* Months of the year after the last month paid for: all 12 when nothing has been paid for
   * this year yet (a payment in December may already cover January), none when payments
   * already reach past December. */
  paid_through = sigap_statement_column_text (stmt, 2);
  if (paid_through == NULL || g_ascii_strtoll (paid_through, NULL, 10) < year)
    out->months_unpaid = 12;
  else if (g_ascii_strtoll (paid_through, NULL, 10) > year)
    out->months_unpaid = 0;
  else
    out->months_unpaid = 12 - (int) g_ascii_strtoll (paid_through + 5, NULL, 10);

  /* No premium is owed for the months before the segment's first participant joined: in the
   * year a programme starts (SIGAP began in November 2025) those months are not unpaid. */
  first_month = sigap_statement_column_text (stmt, 3);
  if (first_month != NULL && g_ascii_strtoll (first_month, NULL, 10) == year)
    out->months_unpaid = MIN (out->months_unpaid,
                              13 - (int) g_ascii_strtoll (first_month + 5, NULL, 10));

  return TRUE;
}

static gboolean
query_premium (SigapDatabase  *db,
               const GDate    *as_of,
               gint64         *out_monthly,
               GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *as_of_iso = sigap_date_to_iso (as_of);

  /* The rate in force is, per programme, the row with the latest valid_from on or before D. */
  stmt = sigap_database_prepare (db,
                                 "SELECT coalesce (sum (monthly), 0) FROM premium_rate AS r"
                                 " WHERE valid_from = (SELECT max (valid_from) FROM premium_rate"
                                 "                     WHERE program = r.program AND valid_from <= ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, as_of_iso);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return set_query_error (db, error, _("Cannot read the premium rates"));

  *out_monthly = sigap_statement_column_int64 (stmt, 0);
  return TRUE;
}

typedef struct
{
  gint64 id;
  int    index;   /* 0: rentan, 1: ekosistem */
} SectorSegment;

/* Each sector's segment: reference data that only a migration changes, so read once for
 * each connection and kept with it, as the region tree is (on a server, a round trip less for
 * every summary). Returns an array of SectorSegment owned by @db, or NULL with @error set. */
static GArray *
load_sector_segments (SigapDatabase  *db,
                      GError        **error)
{
  static GQuark quark;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GArray) sectors = NULL;
  GArray *kept;
  int rc;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("sigap-figures-sector-segments");

  kept = g_object_get_qdata (G_OBJECT (db), quark);
  if (kept != NULL)
    return kept;

  stmt = sigap_database_prepare (db, "SELECT id, segment = 'ekosistem' FROM sector", error);
  if (stmt == NULL)
    return NULL;

  sectors = g_array_new (FALSE, FALSE, sizeof (SectorSegment));
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SectorSegment sector = {
        sigap_statement_column_int64 (stmt, 0),
        sigap_statement_column_int (stmt, 1),
      };

      g_array_append_val (sectors, sector);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the sectors"));
      return NULL;
    }

  kept = g_steal_pointer (&sectors);
  g_object_set_qdata_full (G_OBJECT (db), quark, kept, (GDestroyNotify) g_array_unref);
  return kept;
}

/* The city's counts per concrete segment (0: rentan, 1: ekosistem), in one query: the
 * budget is the city's, and a city-scope summary needs nothing more. */
static gboolean
count_city_by_segment (SigapDatabase  *db,
                       const GDate    *as_of,
                       Count           out[2],
                       GError        **error)
{
  g_autoptr(GHashTable) by_sector = NULL;
  GArray *sectors;

  by_sector = count_as_of (db, SIGAP_CITY_CODE, SIGAP_SEGMENT_ALL, as_of, KEY_SECTOR, error);
  if (by_sector == NULL)
    return FALSE;

  sectors = load_sector_segments (db, error);
  if (sectors == NULL)
    return FALSE;

  out[0] = out[1] = (Count) { 0, 0 };
  for (guint i = 0; i < sectors->len; i++)
    {
      const SectorSegment *sector = &g_array_index (sectors, SectorSegment, i);
      Count count = count_lookup (by_sector, sector->id);

      out[sector->index].registered += count.registered;
      out[sector->index].ended += count.ended;
    }

  return TRUE;
}

static Count
count_for_segment (const Count   city[2],
                   SigapSegment  segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_RENTAN:
      return city[0];
    case SIGAP_SEGMENT_EKOSISTEM:
      return city[1];
    case SIGAP_SEGMENT_ALL:
    default:
      return (Count) { city[0].registered + city[1].registered, city[0].ended + city[1].ended };
    }
}

/* Fills the budget part of @summary. With the pagu split by segment, each segment's
 * projection and quota are computed on its own and then added up. */
static gboolean
compute_budget (SigapDatabase  *db,
                const GDate    *as_of,
                SigapSegment    segment,
                const Count     city[2],
                SigapSummary   *summary,
                GError        **error)
{
  static const SigapSegment concrete[] = { SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_EKOSISTEM };

  summary->quota_months = 12 - g_date_get_month (as_of);

  for (guint i = 0; i < G_N_ELEMENTS (concrete); i++)
    {
      SegmentBudget budget = { 0 };
      gint64 active, cost_per_worker, full_year_cost, projected, left;

      if (segment != SIGAP_SEGMENT_ALL && segment != concrete[i])
        continue;

      if (!query_segment_budget (db, sigap_segment_to_string (concrete[i]), as_of, &budget, error))
        return FALSE;
      summary->premium_monthly = budget.premium_monthly;
      active = city[i].registered - city[i].ended;

      /* projected_year_end = realised + active × premium × months not yet paid for. */
      if (!multiply_money (&cost_per_worker, summary->premium_monthly, budget.months_unpaid,
                           error) ||
          !multiply_money (&projected, active, cost_per_worker, error) ||
          !add_money (&projected, budget.realised, error) ||
          !add_money (&summary->pagu, budget.pagu, error) ||
          !add_money (&summary->realised, budget.realised, error) ||
          !add_money (&summary->projected_year_end, projected, error))
        return FALSE;

      summary->has_pagu |= budget.has_pagu;
      summary->active_city += active;
      summary->months_unpaid = MAX (summary->months_unpaid, budget.months_unpaid);

      /* quota = how many more workers, joining on the first day of the month after the
       * as-of date and paid for every month from then to December, the pagu left after the
       * projection can pay for: floor ((pagu − projected) / (premium × months left)). Not the
       * months unpaid: before the year's first payment those include months already past. */
      if (!multiply_money (&cost_per_worker, summary->premium_monthly, summary->quota_months,
                           error) ||
          !multiply_money (&full_year_cost, summary->premium_monthly, 12, error))
        return FALSE;
      if (budget.has_pagu && cost_per_worker > 0)
        {
          if (__builtin_sub_overflow (budget.pagu, projected, &left))
            return set_overflow_error (error);
          if (!add_money (&summary->quota, MAX (0, left / cost_per_worker), error) ||
              !add_money (&summary->quota_full_year, MAX (0, left / full_year_cost), error))
            return FALSE;
          summary->has_quota = TRUE;
        }
    }

  if (__builtin_sub_overflow (summary->pagu, summary->realised, &summary->remaining))
    return set_overflow_error (error);
  summary->has_absorption = summary->has_pagu && summary->pagu > 0;
  summary->absorption_pct = summary->has_absorption
                            ? 100.0 * (double) summary->realised / (double) summary->pagu
                            : NAN;
  return TRUE;
}

/* Adds one segment's months to @out: its pagu and realisation, and for every month after the
 * last one paid for, the premiums of the workers active now plus, from @from_month, the
 * @extra_workers. */
static gboolean
add_segment_months (SigapDatabase  *db,
                    SigapSegment    segment,
                    const GDate    *as_of,
                    gint64          premium,
                    gint64          active,
                    gint64          extra_workers,
                    SigapWhatIf    *out,
                    GError        **error)
{
  SegmentBudget budget = { 0 };
  int first_unpaid;

  if (!query_segment_budget (db, sigap_segment_to_string (segment), as_of, &budget, error))
    return FALSE;

  first_unpaid = 13 - budget.months_unpaid;
  for (int month = first_unpaid; month <= 12; month++)
    {
      gint64 workers, cost;

      if (__builtin_add_overflow (active, month >= out->from_month ? extra_workers : 0,
                                  &workers))
        return set_overflow_error (error);
      if (!multiply_money (&cost, workers, premium, error) ||
          !add_money (&out->monthly_cost[month - 1], cost, error))
        return FALSE;
    }

  if (!add_money (&out->pagu, budget.pagu, error) ||
      !add_money (&out->realised, budget.realised, error))
    return FALSE;
  out->first_unpaid_month = MIN (out->first_unpaid_month, first_unpaid);
  return TRUE;
}

/**
 * sigap_figures_what_if:
 * @extra_workers: workers enrolled on top of those active on the as-of date (0: current pace)
 * @from_month: the first month (1..12) the extra workers are paid for
 *
 * Runs the year's budget to 31 December. With the filter's segment "all", the extra workers
 * are counted with the pekerja rentan, the segment SIGAP enrols; the premium is the same.
 * The budget is the city's, whatever the filter's scope.
 */
gboolean
sigap_figures_what_if (SigapDatabase      *db,
                       const SigapFilter  *filter,
                       gint64              extra_workers,
                       int                 from_month,
                       SigapWhatIf        *out,
                       GError            **error)
{
  gint64 premium = 0;
  gint64 cumulative;
  Count city[2];

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (extra_workers >= 0, FALSE);
  g_return_val_if_fail (from_month >= 1 && from_month <= 12, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->extra_workers = extra_workers;
  out->from_month = from_month;
  out->first_unpaid_month = 13;

  if (!query_premium (db, &filter->as_of, &premium, error) ||
      !count_city_by_segment (db, &filter->as_of, city, error))
    return FALSE;

  if (filter->segment != SIGAP_SEGMENT_EKOSISTEM &&
      !add_segment_months (db, SIGAP_SEGMENT_RENTAN, &filter->as_of, premium,
                           city[0].registered - city[0].ended, extra_workers, out, error))
    return FALSE;

  if (filter->segment != SIGAP_SEGMENT_RENTAN &&
      !add_segment_months (db, SIGAP_SEGMENT_EKOSISTEM, &filter->as_of, premium,
                           city[1].registered - city[1].ended,
                           filter->segment == SIGAP_SEGMENT_EKOSISTEM ? extra_workers : 0,
                           out, error))
    return FALSE;

  cumulative = out->realised;
  for (int month = 1; month <= 12; month++)
    {
      if (!add_money (&cumulative, out->monthly_cost[month - 1], error))
        return FALSE;
      out->cumulative[month - 1] = cumulative;

      if (out->runs_out_month == 0 && month >= out->first_unpaid_month && cumulative > out->pagu)
        out->runs_out_month = month;
    }

  out->projected_year_end = cumulative;
  if (__builtin_sub_overflow (out->pagu, cumulative, &out->balance_year_end))
    return set_overflow_error (error);
  out->lasts = cumulative <= out->pagu;
  return TRUE;
}

static void
set_date_from_column (GDate        *date,
                      SigapStatement *stmt,
                      int           column)
{
  if (!sigap_date_parse_iso (sigap_statement_column_text (stmt, column), date))
    g_date_clear (date, 1);
}

/**
 * sigap_figures_payments:
 *
 * Returns: (transfer full) (element-type SigapPayment): the SP2D of the filter's segment paid
 *   from 1 January of its year to the as-of date, oldest first
 */
GPtrArray *
sigap_figures_payments (SigapDatabase      *db,
                        const SigapFilter  *filter,
                        GError            **error)
{
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_payment_free);
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);
  g_autofree char *year_start = g_strdup_printf ("%04d-01-01", sigap_filter_get_year (filter));
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  stmt = sigap_database_prepare (db,
                                 "SELECT paid_on, sp2d_number, segment, funding_source, period_start,"
                                 " period_end, participants, amount FROM payment"
                                 " WHERE (?1 = 'all' OR segment = ?1) AND paid_on >= ?2 AND paid_on <= ?3"
                                 " ORDER BY paid_on, sp2d_number",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, sigap_segment_to_string (filter->segment));
  sigap_statement_bind_text (stmt, 2, year_start);
  sigap_statement_bind_text (stmt, 3, as_of);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapPayment *payment = g_new0 (SigapPayment, 1);

      set_date_from_column (&payment->paid_on, stmt, 0);
      payment->sp2d_number = g_strdup (sigap_statement_column_text (stmt, 1));
      sigap_segment_parse (sigap_statement_column_text (stmt, 2), &payment->segment);
      payment->funding_source = g_strdup (sigap_statement_column_text (stmt, 3));
      set_date_from_column (&payment->period_start, stmt, 4);
      set_date_from_column (&payment->period_end, stmt, 5);
      payment->participants = sigap_statement_column_int64 (stmt, 6);
      payment->amount = sigap_statement_column_int64 (stmt, 7);
      g_ptr_array_add (payments, payment);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the payments"));
      return NULL;
    }

  return g_steal_pointer (&payments);
}

/**
 * sigap_figures_budget_lines:
 *
 * Returns: (transfer full) (element-type SigapBudgetLine): every pagu row of the filter's
 *   segment, all years, newest year first
 */
GPtrArray *
sigap_figures_budget_lines (SigapDatabase      *db,
                            const SigapFilter  *filter,
                            GError            **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_budget_line_free);
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  stmt = sigap_database_prepare (db,
                                 "SELECT year, segment, funding_source, pagu FROM budget"
                                 " WHERE ?1 = 'all' OR segment = ?1"
                                 " ORDER BY year DESC, (segment <> 'rentan'), funding_source",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, sigap_segment_to_string (filter->segment));

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapBudgetLine *line = g_new0 (SigapBudgetLine, 1);

      line->year = sigap_statement_column_int (stmt, 0);
      sigap_segment_parse (sigap_statement_column_text (stmt, 1), &line->segment);
      line->funding_source = g_strdup (sigap_statement_column_text (stmt, 2));
      line->pagu = sigap_statement_column_int64 (stmt, 3);
      g_ptr_array_add (lines, line);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the budget"));
      return NULL;
    }

  return g_steal_pointer (&lines);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API.                                                                              */

static SigapSummary *
summary_new (SigapDatabase      *db,
             const SigapFilter  *filter,
             gboolean            with_budget,
             GError            **error)
{
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(Targets) targets = NULL;
  const SigapRegion *scope;
  Count count;
  Count city[2] = { { 0 } };

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return NULL;

  summary = g_new0 (SigapSummary, 1);
  summary->scope_code = g_strdup (scope->code);
  summary->scope_name = g_strdup (scope->name);
  summary->scope_level = g_strdup (scope->level);
  summary->as_of = filter->as_of;
  summary->year = sigap_filter_get_year (filter);
  summary->segment = filter->segment;

  /* The budget's projection needs the city's count whatever the scope. */
  if ((with_budget || scope->parent == NULL) &&
      !count_city_by_segment (db, &filter->as_of, city, error))
    return NULL;

  if (scope->parent == NULL)
    count = count_for_segment (city, filter->segment);
  else
    {
      counts = count_as_of (db, scope->code, filter->segment, &filter->as_of, KEY_NONE, error);
      if (counts == NULL)
        return NULL;
      count = count_total (counts);
    }

  summary->registered = count.registered;
  summary->ended = count.ended;
  summary->active = count.registered - count.ended;

  targets = targets_load (db, summary->year, error);
  if (targets == NULL)
    return NULL;

  summary->has_target = target_of (targets, scope, filter->segment, &summary->target);
  set_coverage (summary->active, summary->target, summary->has_target,
                &summary->coverage_pct, &summary->has_coverage);

  if (with_budget &&
      !compute_budget (db, &filter->as_of, filter->segment, city, summary, error))
    return NULL;

  return g_steal_pointer (&summary);
}

/**
 * sigap_figures_summary:
 *
 * Returns: (transfer full): the filter's figures: counts, target and coverage of its scope,
 *   and the city's budget
 */
SigapSummary *
sigap_figures_summary (SigapDatabase      *db,
                       const SigapFilter  *filter,
                       GError            **error)
{
  return summary_new (db, filter, TRUE, error);
}

/**
 * sigap_figures_summary_counts:
 *
 * Like sigap_figures_summary(), without the budget (every budget field unset), which takes
 * most of the time of a kecamatan's summary: for pages that show no budget.
 *
 * Returns: (transfer full): the counts, target and coverage of the filter's scope
 */
SigapSummary *
sigap_figures_summary_counts (SigapDatabase      *db,
                              const SigapFilter  *filter,
                              GError            **error)
{
  return summary_new (db, filter, FALSE, error);
}

static SigapBreakdownRow *
breakdown_row_new (const char *code,
                   const char *name,
                   Count       count,
                   gint64      target,
                   gboolean    has_target)
{
  SigapBreakdownRow *row = g_new0 (SigapBreakdownRow, 1);

  row->code = g_strdup (code);
  row->name = g_strdup (name);
  row->registered = count.registered;
  row->ended = count.ended;
  row->active = count.registered - count.ended;
  row->target = target;
  row->has_target = has_target;
  set_coverage (row->active, target, has_target, &row->coverage_pct, &row->has_coverage);
  return row;
}

static GPtrArray *
breakdown_regions (SigapDatabase      *db,
                   const SigapFilter  *filter,
                   SigapRegions         *tree,
                   const SigapRegion             *scope,
                   const char         *level,
                   GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_breakdown_row_free);
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(Targets) targets = NULL;

  if (g_strcmp0 (scope->level, "kelurahan") == 0 && g_strcmp0 (level, "kecamatan") == 0)
    {
      g_set_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN,
                   _("A breakdown by kecamatan needs the city or a kecamatan as its scope"));
      return NULL;
    }

  regions = sigap_regions_collect (scope, level);

  counts = count_as_of (db, scope->code, filter->segment, &filter->as_of, KEY_KELURAHAN, error);
  if (counts == NULL)
    return NULL;

  targets = targets_load (db, sigap_filter_get_year (filter), error);
  if (targets == NULL)
    return NULL;

  for (guint i = 0; i < regions->len; i++)
    {
      const SigapRegion *region = g_ptr_array_index (regions, i);
      gint64 target = 0;
      gboolean has_target = target_of (targets, region, filter->segment, &target);

      g_ptr_array_add (rows, breakdown_row_new (region->code, region->name,
                                                count_region (counts, region),
                                                target, has_target));
    }

  return g_steal_pointer (&rows);
}

/* One row per sector of the filter's segment in @scope, from @counts keyed by sector id. */
static GPtrArray *
sector_rows (SigapDatabase      *db,
             const SigapFilter  *filter,
             const Targets      *targets,
             const SigapRegion       *scope,
             GHashTable         *counts,
             GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_breakdown_row_free);
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  stmt = sigap_database_prepare (db,
                                 "SELECT id, code, name, segment FROM sector"
                                 " WHERE ?1 = 'all' OR segment = ?1"
                                 " ORDER BY (segment <> 'rentan'), sort_order",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, sigap_segment_to_string (filter->segment));

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      gint64 id = sigap_statement_column_int64 (stmt, 0);
      gint64 target = 0;
      gboolean has_target;

      has_target = target_of_segment (targets, scope, sigap_statement_column_text (stmt, 3),
                                      id, &target);
      g_ptr_array_add (rows, breakdown_row_new (sigap_statement_column_text (stmt, 1),
                                                sigap_statement_column_text (stmt, 2),
                                                count_lookup (counts, id),
                                                target, has_target));
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the sectors"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static GPtrArray *
breakdown_sectors (SigapDatabase      *db,
                   const SigapFilter  *filter,
                   const SigapRegion             *scope,
                   GError            **error)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(Targets) targets = NULL;

  counts = count_as_of (db, scope->code, filter->segment, &filter->as_of, KEY_SECTOR, error);
  if (counts == NULL)
    return NULL;

  targets = targets_load (db, sigap_filter_get_year (filter), error);
  if (targets == NULL)
    return NULL;

  return sector_rows (db, filter, targets, scope, counts, error);
}

/* Adds the (kelurahan, sector) counts of the kelurahan below @region to @by_sector. */
static void
sum_sectors_below (GHashTable   *by_cell,
                   const SigapRegion *region,
                   GHashTable   *by_sector)
{
  GHashTableIter iter;
  gpointer key, value;

  if (region->children->len > 0)
    {
      for (guint i = 0; i < region->children->len; i++)
        sum_sectors_below (by_cell, g_ptr_array_index (region->children, i), by_sector);
      return;
    }

  g_hash_table_iter_init (&iter, by_cell);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 cell = *(gint64 *) key;
      const Count *count = value;
      Count *sum;

      if (cell / SECTOR_KEY_SPAN != region->id)
        continue;

      sum = g_hash_table_lookup (by_sector, &(gint64) { cell % SECTOR_KEY_SPAN });
      if (sum == NULL)
        {
          gint64 *sector = g_new (gint64, 1);

          *sector = cell % SECTOR_KEY_SPAN;
          sum = g_new0 (Count, 1);
          g_hash_table_insert (by_sector, sector, sum);
        }
      sum->registered += count->registered;
      sum->ended += count->ended;
    }
}

/**
 * sigap_figures_sector_by_area:
 *
 * The sector × area table of the filter's scope, from one count: the areas are the scope's
 * kecamatan (for the city) or kelurahan (for a kecamatan).
 *
 * Returns: (transfer full) (element-type GPtrArray): first the areas' breakdown, as
 *   sigap_figures_breakdown() by kecamatan or kelurahan gives it, then for each area, in the
 *   same order, its breakdown by sector, as sigap_figures_breakdown() by sector with that area
 *   as the scope gives it
 */
GPtrArray *
sigap_figures_sector_by_area (SigapDatabase      *db,
                              const SigapFilter  *filter,
                              GError            **error)
{
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(SigapRegions) tree = NULL;
  g_autoptr(GHashTable) by_cell = NULL;
  g_autoptr(Targets) targets = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  GPtrArray *area_rows;
  const SigapRegion *scope;
  const char *level;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return NULL;

  if (g_strcmp0 (scope->level, "kelurahan") == 0)
    {
      g_set_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN,
                   _("A sector table by area needs the city or a kecamatan as its scope"));
      return NULL;
    }

  level = scope->parent == NULL ? "kecamatan" : "kelurahan";
  area_rows = breakdown_regions (db, filter, tree, scope, level, error);
  if (area_rows == NULL)
    return NULL;
  g_ptr_array_add (table, area_rows);

  by_cell = count_as_of (db, scope->code, filter->segment, &filter->as_of, KEY_KELURAHAN_SECTOR,
                         error);
  if (by_cell == NULL)
    return NULL;

  targets = targets_load (db, sigap_filter_get_year (filter), error);
  if (targets == NULL)
    return NULL;

  areas = sigap_regions_collect (scope, level);
  for (guint i = 0; i < areas->len; i++)
    {
      const SigapRegion *area = g_ptr_array_index (areas, i);
      g_autoptr(GHashTable) by_sector = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, g_free);
      GPtrArray *rows;

      sum_sectors_below (by_cell, area, by_sector);
      rows = sector_rows (db, filter, targets, area, by_sector, error);
      if (rows == NULL)
        return NULL;
      g_ptr_array_add (table, rows);
    }

  return g_steal_pointer (&table);
}

static GPtrArray *
breakdown_desil (SigapDatabase      *db,
                 const SigapFilter  *filter,
                 const SigapRegion             *scope,
                 GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_breakdown_row_free);
  g_autoptr(GHashTable) counts = NULL;
  Count unknown;

  counts = count_as_of (db, scope->code, filter->segment, &filter->as_of, KEY_DESIL, error);
  if (counts == NULL)
    return NULL;

  /* Desil has no targets: the programme targets desil 1–5 as a rule, not as numbers. */
  for (int desil = 1; desil <= 10; desil++)
    {
      g_autofree char *code = g_strdup_printf ("%d", desil);
      g_autofree char *name = g_strdup_printf (_("Desil %d"), desil);

      g_ptr_array_add (rows, breakdown_row_new (code, name, count_lookup (counts, desil), 0, FALSE));
    }

  /* Participants whose desil the source list did not give: shown only when there are some. */
  unknown = count_lookup (counts, 0);
  if (unknown.registered > 0)
    g_ptr_array_add (rows, breakdown_row_new ("unknown", _("Desil unknown"), unknown, 0, FALSE));

  return g_steal_pointer (&rows);
}

/**
 * sigap_figures_breakdown:
 *
 * Returns: (transfer full) (element-type SigapBreakdownRow): one row per kecamatan,
 *   kelurahan, sector or desil in the filter's scope, rows with no participants included
 */
GPtrArray *
sigap_figures_breakdown (SigapDatabase      *db,
                         const SigapFilter  *filter,
                         SigapBreakdown      by,
                         GError            **error)
{
  g_autoptr(SigapRegions) tree = NULL;
  const SigapRegion *scope;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return NULL;

  switch (by)
    {
    case SIGAP_BREAKDOWN_KECAMATAN:
      return breakdown_regions (db, filter, tree, scope, "kecamatan", error);
    case SIGAP_BREAKDOWN_KELURAHAN:
      return breakdown_regions (db, filter, tree, scope, "kelurahan", error);
    case SIGAP_BREAKDOWN_SECTOR:
      return breakdown_sectors (db, filter, scope, error);
    case SIGAP_BREAKDOWN_DESIL:
      return breakdown_desil (db, filter, scope, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  gint64 registered;
  gint64 ended;
} MonthFlow;

/* Registrations and endings per month ("YYYY-MM" -> MonthFlow) for whole months. */
static GHashTable *
query_month_flows (SigapDatabase      *db,
                   const SigapFilter  *filter,
                   GError            **error)
{
  g_autoptr(GHashTable) flows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *sql = NULL;
  const SigapRegion *scope;
  int rc;

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return NULL;

  filters = scope_filters (scope, filter->segment, "", FALSE);
  sql = g_strdup_printf ("SELECT month, sum (registered), sum (ended) FROM tally_sector"
                         " WHERE %s GROUP BY month", filters);
  stmt = sigap_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, filter->scope);
  sigap_statement_bind_text (stmt, 2, sigap_segment_to_string (filter->segment));

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      MonthFlow *flow = g_new (MonthFlow, 1);

      flow->registered = sigap_statement_column_int64 (stmt, 1);
      flow->ended = sigap_statement_column_int64 (stmt, 2);
      g_hash_table_insert (flows, g_strdup (sigap_statement_column_text (stmt, 0)), flow);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot count participants by month"));
      return NULL;
    }

  return g_steal_pointer (&flows);
}

typedef struct
{
  char   paid_on[11];  /* YYYY-MM-DD */
  gint64 amount;
} DayPayment;

/* The payments of @segment from @from to @to, summed by day, oldest first: one query for a
 * whole series, however many months it has (a round trip per month costs on a server). */
static GArray *
query_day_payments (SigapDatabase  *db,
                    SigapSegment    segment,
                    const char     *from,
                    const char     *to,
                    GError        **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (DayPayment));
  g_autoptr(SigapStatement) stmt = NULL;
  SigapStep rc;

  stmt = sigap_database_prepare (db,
                                 "SELECT paid_on, sum (amount) FROM payment"
                                 " WHERE (?1 = 'all' OR segment = ?1) AND paid_on >= ?2"
                                 " AND paid_on <= ?3 GROUP BY paid_on ORDER BY paid_on",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, sigap_segment_to_string (segment));
  sigap_statement_bind_text (stmt, 2, from);
  sigap_statement_bind_text (stmt, 3, to);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      DayPayment day = { { 0 }, 0 };

      g_strlcpy (day.paid_on, sigap_statement_column_text (stmt, 0), sizeof day.paid_on);
      day.amount = sigap_statement_column_int64 (stmt, 1);
      g_array_append_val (days, day);
    }
  if (rc != SIGAP_STEP_DONE)
    {
      set_query_error (db, error, _("Cannot read the payments"));
      return NULL;
    }

  return g_steal_pointer (&days);
}

/* What was paid from 1 January of @end's year to @end, from the day sums of @days. */
static gboolean
realised_to (GArray       *days,
             const GDate  *end,
             gint64       *out_realised,
             GError      **error)
{
  g_autofree char *end_iso = sigap_date_to_iso (end);
  g_autofree char *year_start = g_strdup_printf ("%04d-01-01", g_date_get_year (end));

  *out_realised = 0;
  for (guint i = 0; i < days->len; i++)
    {
      const DayPayment *day = &g_array_index (days, DayPayment, i);

      if (strcmp (day->paid_on, year_start) >= 0 && strcmp (day->paid_on, end_iso) <= 0 &&
          !add_money (out_realised, day->amount, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sigap_figures_monthly:
 * @n_months: how many months, the last being the as-of date's month
 *
 * Returns: (transfer full) (element-type SigapMonthPoint): the series, oldest first; the last
 *   point is as of the filter's date, the others at their month's end
 */
GArray *
sigap_figures_monthly (SigapDatabase      *db,
                       const SigapFilter  *filter,
                       guint               n_months,
                       GError            **error)
{
  g_autoptr(GArray) points = g_array_sized_new (FALSE, TRUE, sizeof (SigapMonthPoint), n_months);
  g_autoptr(SigapRegions) tree = NULL;
  g_autoptr(GHashTable) flows = NULL;
  g_autoptr(GHashTable) last_counts = NULL;
  g_autoptr(GList) months = NULL;
  Targets *targets = NULL;
  g_autoptr(GHashTable) targets_by_year = NULL;
  g_autoptr(GArray) days = NULL;
  const SigapRegion *scope;
  int as_of_year = g_date_get_year (&filter->as_of);
  int as_of_month = g_date_get_month (&filter->as_of);
  int first_index, last_index;
  gint64 registered = 0, ended = 0;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return NULL;

  flows = query_month_flows (db, filter, error);
  if (flows == NULL)
    return NULL;

  /* Stocks before the first month of the series come from every earlier month's flows. */
  last_index = as_of_year * 12 + as_of_month - 1;
  first_index = last_index - (int) n_months + 1;
  months = g_hash_table_get_keys (flows);
  for (GList *l = months; l != NULL; l = l->next)
    {
      const char *month = l->data;
      int index = (int) g_ascii_strtoll (month, NULL, 10) * 12
                  + (int) g_ascii_strtoll (month + 5, NULL, 10) - 1;

      if (index < first_index)
        {
          const MonthFlow *flow = g_hash_table_lookup (flows, month);

          registered += flow->registered;
          ended += flow->ended;
        }
    }

  targets_by_year = targets_load_years (db, first_index / 12, last_index / 12, error);
  if (targets_by_year == NULL)
    return NULL;

  {
    g_autofree char *from = g_strdup_printf ("%04d-01-01", first_index / 12);
    g_autofree char *to = sigap_date_to_iso (&filter->as_of);

    days = query_day_payments (db, filter->segment, from, to, error);
    if (days == NULL)
      return NULL;
  }

  for (int index = first_index; index <= last_index; index++)
    {
      SigapMonthPoint point = { 0 };
      g_autofree char *month = NULL;

      point.year = index / 12;
      point.month = index % 12 + 1;
      month = month_string (point.year, point.month);

      if (index < last_index || sigap_date_is_month_end (&filter->as_of))
        {
          const MonthFlow *flow = g_hash_table_lookup (flows, month);

          date_set_month_end (&point.end, point.year, point.month);
          point.new_registrations = flow != NULL ? flow->registered : 0;
          point.new_endings = flow != NULL ? flow->ended : 0;
        }
      else
        {
          Count count;

          /* The as-of month, part-way: its flows are the as-of counts less the stocks so far. */
          point.end = filter->as_of;
          last_counts = count_as_of (db, filter->scope, filter->segment, &filter->as_of,
                                     KEY_NONE, error);
          if (last_counts == NULL)
            return NULL;
          count = count_total (last_counts);
          point.new_registrations = count.registered - registered;
          point.new_endings = count.ended - ended;
        }

      registered += point.new_registrations;
      ended += point.new_endings;
      point.registered = registered;
      point.active = registered - ended;

      targets = g_hash_table_lookup (targets_by_year, GINT_TO_POINTER (point.year));

      point.has_target = target_of (targets, scope, filter->segment, &point.target);
      set_coverage (point.active, point.target, point.has_target,
                    &point.coverage_pct, &point.has_coverage);

      if (!realised_to (days, &point.end, &point.realised_to_date, error))
        return NULL;

      g_array_append_val (points, point);
    }

  return g_steal_pointer (&points);
}

/* Adds the rows (kind, count) of one grouped query to @out. */
static gboolean
accumulate_flags (SigapDatabase  *db,
                  const char     *sql,
                  const char     *scope,
                  SigapSegment    segment,
                  const char     *first,
                  const char     *second,
                  SigapQuality   *out,
                  GError        **error)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, scope);
  sigap_statement_bind_text (stmt, 2, sigap_segment_to_string (segment));
  sigap_statement_bind_text (stmt, 3, first);
  if (second != NULL)
    sigap_statement_bind_text (stmt, 4, second);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantFlag flag;

      if (sigap_participant_flag_parse (sigap_statement_column_text (stmt, 0), &flag))
        out->counts[flag] += sigap_statement_column_int64 (stmt, 1);
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot count the data-quality notes"));

  return TRUE;
}

/**
 * sigap_figures_quality:
 *
 * Counts the data-quality notes of the participants registered on or before the filter's
 * as-of date in its scope and segment, ended or not: a note is about a record, and the
 * record stays. The notes follow the segment's rules when they are written (desil 6..10 is
 * a note only for a pekerja rentan), so with the segment "all" the desil count is that of the
 * rentan participants.
 *
 * Like count_as_of(): tally_flag for the whole months before the as-of date, then the notes
 * of the participants registered in its own month up to it, through participant_registered.
 */
gboolean
sigap_figures_quality (SigapDatabase      *db,
                       const SigapFilter  *filter,
                       SigapQuality       *out,
                       GError            **error)
{
  g_autoptr(SigapRegions) tree = NULL;
  const SigapRegion *scope;
  g_autofree char *tally_filters = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *tally_sql = NULL;
  g_autofree char *month_sql = NULL;
  g_autofree char *bound = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int year, month;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  scope = load_scope (db, filter, &tree, error);
  if (scope == NULL)
    return FALSE;

  year = g_date_get_year (&filter->as_of);
  month = g_date_get_month (&filter->as_of);
  if (sigap_date_is_month_end (&filter->as_of))
    bound = month == 12 ? month_string (year + 1, 1) : month_string (year, month + 1);
  else
    bound = month_string (year, month);

  tally_filters = scope_filters (scope, filter->segment, "", TRUE);
  tally_sql = g_strdup_printf ("SELECT kind, sum (registered) FROM tally_flag"
                               " WHERE month < ?3 AND %s GROUP BY kind",
                               tally_filters);
  if (!accumulate_flags (db, tally_sql, filter->scope, filter->segment, bound, NULL, out, error))
    return FALSE;

  if (sigap_date_is_month_end (&filter->as_of))
    return TRUE;

  /* participant_flag holds no kelurahan or sector: the filters' columns are the participant's.
   * The unary + keeps the walk on the registration dates, as in count_as_of(). */
  filters = scope_filters (scope, filter->segment, "+", FALSE);
  from = g_strdup_printf ("%s-01", bound);
  to = sigap_date_to_iso (&filter->as_of);
  month_sql = g_strdup_printf ("SELECT f.kind, count (*) FROM participant"
                               " JOIN participant_flag AS f ON f.participant_id = participant.id"
                               " WHERE registered_on >= ?3 AND registered_on <= ?4"
                               " AND %s GROUP BY f.kind",
                               filters);
  return accumulate_flags (db, month_sql, filter->scope, filter->segment, from, to, out, error);
}

gboolean
sigap_breakdown_parse (const char     *text,
                       SigapBreakdown *out_by)
{
  static const SigapBreakdown all[] = {
    SIGAP_BREAKDOWN_KECAMATAN, SIGAP_BREAKDOWN_KELURAHAN,
    SIGAP_BREAKDOWN_SECTOR, SIGAP_BREAKDOWN_DESIL,
  };

  g_return_val_if_fail (out_by != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (g_strcmp0 (text, sigap_breakdown_to_string (all[i])) == 0)
        {
          *out_by = all[i];
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sigap_breakdown_to_string (SigapBreakdown by)
{
  switch (by)
    {
    case SIGAP_BREAKDOWN_KECAMATAN:
      return "kecamatan";
    case SIGAP_BREAKDOWN_KELURAHAN:
      return "kelurahan";
    case SIGAP_BREAKDOWN_SECTOR:
      return "sector";
    case SIGAP_BREAKDOWN_DESIL:
      return "desil";
    default:
      g_return_val_if_reached ("");
    }
}

void
sigap_summary_change (const SigapSummary *now,
                      const SigapSummary *before,
                      SigapSummaryChange *out)
{
  gboolean same_year;

  g_return_if_fail (now != NULL && before != NULL && out != NULL);

  same_year = now->year == before->year;
  memset (out, 0, sizeof *out);

  out->active = now->active - before->active;
  out->registered = now->registered - before->registered;

  out->has_coverage = same_year && now->has_coverage && before->has_coverage;
  if (out->has_coverage)
    out->coverage_points = now->coverage_pct - before->coverage_pct;

  /* A change too large for 64 bits is no change to show. */
  out->has_realised = same_year &&
                      !__builtin_sub_overflow (now->realised, before->realised, &out->realised);

  out->has_pagu = same_year && now->has_pagu && before->has_pagu &&
                  !__builtin_sub_overflow (now->pagu, before->pagu, &out->pagu) &&
                  !__builtin_sub_overflow (now->remaining, before->remaining, &out->remaining);

  out->has_quota = same_year && now->has_quota && before->has_quota;
  if (out->has_quota)
    out->quota = now->quota - before->quota;
}

void
sigap_summary_free (SigapSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->scope_code);
  g_free (summary->scope_name);
  g_free (summary->scope_level);
  g_free (summary);
}

void
sigap_payment_free (SigapPayment *payment)
{
  if (payment == NULL)
    return;

  g_free (payment->sp2d_number);
  g_free (payment->funding_source);
  g_free (payment);
}

void
sigap_budget_line_free (SigapBudgetLine *line)
{
  if (line == NULL)
    return;

  g_free (line->funding_source);
  g_free (line);
}

void
sigap_breakdown_row_free (SigapBreakdownRow *row)
{
  if (row == NULL)
    return;

  g_free (row->code);
  g_free (row->name);
  g_free (row);
}
