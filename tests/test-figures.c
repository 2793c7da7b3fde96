/* test-figures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value here was worked out by hand from the fixture below (see the comments
 * next to each assertion), or counted straight from the participant table by a query that
 * does not use the tallies. Every test runs on an SQLite file and, under /postgres/, on a new
 * database of the server SIGAP_TEST_PG names.
 */

#include <glib/gstdio.h>
#include <math.h>

#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "core/sigap-regions.h"
#include "sigap-test-server.h"

typedef struct
{
  char          *dir;
  SigapTestDatabase server;      /* the database on the server, for the /postgres/ runs */
  SigapDatabase *db;
} Fixture;

#define ON_SERVER GINT_TO_POINTER (1)

/* Kelurahan used: K1 = 32.75.01.1001 and K2 = 32.75.01.1002 in Bekasi Timur (32.75.01),
 * K3 = 32.75.03.1001 in Bekasi Utara (32.75.03). */
static const char *fixture_sql =
  "INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil, registered_on, ended_on) VALUES"
  /* p1: K1, ojek online, desil 1, active from 10 Jan 2026 */
  " ('3275010101900001', 'P1', (SELECT id FROM region WHERE code = '32.75.01.1001'),"
  "  (SELECT id FROM sector WHERE code = 'ojek-online'), 1, '2026-01-10', NULL),"
  /* p2: K1, PKL, desil 2, 15 Feb 2026 until 31 Mar 2026 */
  " ('3275010101900002', 'P2', (SELECT id FROM region WHERE code = '32.75.01.1001'),"
  "  (SELECT id FROM sector WHERE code = 'pkl'), 2, '2026-02-15', '2026-03-31'),"
  /* p3: K2, ojek online, desil 6, registered on 31 Mar 2026 */
  " ('3275010101900003', 'P3', (SELECT id FROM region WHERE code = '32.75.01.1002'),"
  "  (SELECT id FROM sector WHERE code = 'ojek-online'), 6, '2026-03-31', NULL),"
  /* p4: K3, ojek online, desil unknown, 5 Mar 2026 until 20 Mar 2026 */
  " ('3275030101900004', 'P4', (SELECT id FROM region WHERE code = '32.75.03.1001'),"
  "  (SELECT id FROM sector WHERE code = 'ojek-online'), NULL, '2026-03-05', '2026-03-20'),"
  /* p5: K3, non-ASN (ekosistem), desil 3, active from 1 Jun 2025 */
  " ('3275030101900005', 'P5', (SELECT id FROM region WHERE code = '32.75.03.1001'),"
  "  (SELECT id FROM sector WHERE code = 'non-asn'), 3, '2025-06-01', NULL),"
  /* p6: K1, ojek online, registered after the as-of dates used (2 Apr 2026) */
  " ('3275010101900006', 'P6', (SELECT id FROM region WHERE code = '32.75.01.1001'),"
  "  (SELECT id FROM sector WHERE code = 'ojek-online'), 1, '2026-04-02', NULL),"
  /* p7: K2, PKL, 1 Dec 2025 until 15 Jan 2026 */
  " ('3275010101900007', 'P7', (SELECT id FROM region WHERE code = '32.75.01.1002'),"
  "  (SELECT id FROM sector WHERE code = 'pkl'), 2, '2025-12-01', '2026-01-15');"
  /* Targets 2026, rentan: Bekasi Timur has its own row (10) and so does K1 (100), which must
   * not add to Bekasi Timur; Bekasi Utara has none but its kelurahan K3 has 4; the city has
   * no row, so it is 10 + 4 = 14. A city sector target for ojek online: 8. */
  "INSERT INTO target (year, region_id, segment, sector_id, count) VALUES"
  " (2026, (SELECT id FROM region WHERE code = '32.75.01'), 'rentan', NULL, 10),"
  " (2026, (SELECT id FROM region WHERE code = '32.75.01.1001'), 'rentan', NULL, 100),"
  " (2026, (SELECT id FROM region WHERE code = '32.75.03.1001'), 'rentan', NULL, 4),"
  " (2026, (SELECT id FROM region WHERE code = '32.75'), 'rentan',"
  "  (SELECT id FROM sector WHERE code = 'ojek-online'), 8);"
  /* Pagu 2026, rentan: two sources, 1.000.000 + 200.000. */
  "INSERT INTO budget (year, segment, funding_source, pagu) VALUES"
  " (2026, 'rentan', 'APBD', 1000000), (2026, 'rentan', 'BANKEU', 200000);"
  /* Payments, rentan: one in 2025 covering Nov 2025 to Jan 2026, Feb, Mar (paid on the as-of
   * date) and Apr (after it). */
  "INSERT INTO payment (paid_on, sp2d_number, segment, funding_source, period_start, period_end,"
  "                     participants, amount) VALUES"
  " ('2025-12-10', 'A', 'rentan', 'APBD', '2025-11-01', '2026-01-31', 1, 50400),"
  " ('2026-02-10', 'B', 'rentan', 'APBD', '2026-02-01', '2026-02-28', 2, 33600),"
  " ('2026-03-31', 'C', 'rentan', 'APBD', '2026-03-01', '2026-03-31', 2, 33600),"
  " ('2026-04-10', 'D', 'rentan', 'APBD', '2026-04-01', '2026-04-30', 1, 16800);";

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (data == ON_SERVER)
    {
      sigap_test_database_create (&fixture->server);
      path = g_strdup (fixture->server.uri);
    }
  else
    {
      fixture->dir = g_dir_make_tmp ("sigap-figures-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (fixture->dir, "test.sigap", NULL);
    }
  fixture->db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_empty (fixture, data);
  sigap_database_exec (fixture->db, fixture_sql, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (sigap_database_get_path (fixture->db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fixture->db);
  if (fixture->server.name != NULL)
    {
      sigap_test_database_drop (&fixture->server);
      return;
    }
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static SigapFilter *
make_filter (const char   *as_of,
             const char   *scope,
             SigapSegment  segment)
{
  GDate date;

  g_assert_true (sigap_date_parse_iso (as_of, &date));
  return sigap_filter_new (&date, scope, segment);
}

static SigapSummary *
summary_for (Fixture      *fixture,
             const char   *as_of,
             const char   *scope,
             SigapSegment  segment)
{
  g_autoptr(SigapFilter) filter = make_filter (as_of, scope, segment);
  g_autoptr(GError) error = NULL;
  SigapSummary *summary;

  summary = sigap_figures_summary (fixture->db, filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
test_empty_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SigapSummary) s = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  GDate cutoff;

  g_assert_false (sigap_database_get_cutoff (fixture->db, &cutoff));
  g_assert_cmpint (s->registered, ==, 0);
  g_assert_cmpint (s->active, ==, 0);
  g_assert_cmpint (s->ended, ==, 0);
  g_assert_false (s->has_target);
  g_assert_false (s->has_coverage);
  g_assert_false (s->has_pagu);
  g_assert_false (s->has_absorption);
  g_assert_false (s->has_quota);
  g_assert_cmpint (s->realised, ==, 0);
  /* The reference data alone gives the premium: JKK 10.000 + JKM 6.800. */
  g_assert_cmpint (s->premium_monthly, ==, 16800);
  g_assert_cmpint (s->months_unpaid, ==, 12);
  g_assert_cmpint (s->projected_year_end, ==, 0);
  g_assert_cmpstr (s->scope_name, ==, "Kota Bekasi");
}

static void
test_counts_month_end (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SigapSummary) s = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);

  /* Registered by 31 Mar: p1 p2 p3 p4 p7 (p5 is ekosistem, p6 comes later). Ended by then:
   * p2 (on the as-of date itself), p4, p7. Active: p1 p3. */
  g_assert_cmpint (s->registered, ==, 5);
  g_assert_cmpint (s->ended, ==, 3);
  g_assert_cmpint (s->active, ==, 2);
  g_assert_true (s->has_target);
  g_assert_cmpint (s->target, ==, 14);
  g_assert_cmpfloat_with_epsilon (s->coverage_pct, 100.0 * 2 / 14, 1e-9);
}

static void
test_counts_mid_month (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SigapSummary) s30 = summary_for (fixture, "2026-03-30", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) s20 = summary_for (fixture, "2026-03-20", "32.75", SIGAP_SEGMENT_RENTAN);

  /* 30 Mar: p3 not yet registered; p2 ends tomorrow, so still active. */
  g_assert_cmpint (s30->registered, ==, 4);
  g_assert_cmpint (s30->ended, ==, 2);
  g_assert_cmpint (s30->active, ==, 2);
  /* 20 Mar: p4 ended on the as-of date, so it is no longer active. */
  g_assert_cmpint (s20->registered, ==, 4);
  g_assert_cmpint (s20->ended, ==, 2);
  g_assert_cmpint (s20->active, ==, 2);
}

static void
test_scopes_and_segments (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SigapSummary) kec = summary_for (fixture, "2026-03-31", "32.75.01", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) kel = summary_for (fixture, "2026-03-31", "32.75.01.1001", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) utara = summary_for (fixture, "2026-03-31", "32.75.03", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) eko = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_EKOSISTEM);
  g_autoptr(SigapSummary) all = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_ALL);
  g_autoptr(SigapSummary) empty_kel = summary_for (fixture, "2026-03-31", "32.75.12.1001", SIGAP_SEGMENT_RENTAN);

  /* Bekasi Timur: p1 p2 p3 p7 registered, p2 p7 ended; its own target row 10. */
  g_assert_cmpint (kec->registered, ==, 4);
  g_assert_cmpint (kec->active, ==, 2);
  g_assert_cmpint (kec->target, ==, 10);
  g_assert_cmpfloat_with_epsilon (kec->coverage_pct, 20.0, 1e-9);
  g_assert_cmpstr (kec->scope_level, ==, "kecamatan");

  /* K1: p1 p2 registered (p6 later), p2 ended; target 100. */
  g_assert_cmpint (kel->registered, ==, 2);
  g_assert_cmpint (kel->active, ==, 1);
  g_assert_cmpint (kel->target, ==, 100);
  g_assert_cmpfloat_with_epsilon (kel->coverage_pct, 1.0, 1e-9);

  /* Bekasi Utara: no row of its own, so the sum of its kelurahan rows: 4. p4 ended. */
  g_assert_cmpint (utara->registered, ==, 1);
  g_assert_cmpint (utara->active, ==, 0);
  g_assert_cmpint (utara->target, ==, 4);
  g_assert_cmpfloat_with_epsilon (utara->coverage_pct, 0.0, 1e-9);

  /* Ekosistem: p5 alone, and no target at all. */
  g_assert_cmpint (eko->registered, ==, 1);
  g_assert_cmpint (eko->active, ==, 1);
  g_assert_false (eko->has_target);
  g_assert_false (eko->has_coverage);

  /* All segments: 5 + 1 registered, 2 + 1 active; the target is the rentan one. */
  g_assert_cmpint (all->registered, ==, 6);
  g_assert_cmpint (all->active, ==, 3);
  g_assert_cmpint (all->target, ==, 14);

  /* A kelurahan with nobody and no target. */
  g_assert_cmpint (empty_kel->registered, ==, 0);
  g_assert_cmpint (empty_kel->active, ==, 0);
  g_assert_false (empty_kel->has_target);
}

/* The summary without the budget counts exactly as the full one, and sets no budget figure. */
static void
test_summary_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *scopes[] = { "32.75", "32.75.01", "32.75.03", "32.75.01.1001", "32.75.12.1001" };
  const char *dates[] = { "2026-03-31", "2026-03-17", "2025-12-31" };
  const SigapSegment segments[] = { SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_EKOSISTEM,
                                    SIGAP_SEGMENT_ALL };

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
      for (guint g = 0; g < G_N_ELEMENTS (segments); g++)
        {
          g_autoptr(SigapFilter) filter = make_filter (dates[d], scopes[i], segments[g]);
          g_autoptr(SigapSummary) full = summary_for (fixture, dates[d], scopes[i],
                                                      segments[g]);
          g_autoptr(SigapSummary) counts = NULL;
          g_autoptr(GError) error = NULL;

          counts = sigap_figures_summary_counts (fixture->db, filter, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (counts->scope_code, ==, full->scope_code);
          g_assert_cmpstr (counts->scope_name, ==, full->scope_name);
          g_assert_cmpint (counts->registered, ==, full->registered);
          g_assert_cmpint (counts->ended, ==, full->ended);
          g_assert_cmpint (counts->active, ==, full->active);
          g_assert_cmpint (counts->has_target, ==, full->has_target);
          g_assert_cmpint (counts->target, ==, full->target);
          g_assert_cmpint (counts->has_coverage, ==, full->has_coverage);
          if (full->has_coverage)
            g_assert_cmpfloat (counts->coverage_pct, ==, full->coverage_pct);

          g_assert_false (counts->has_pagu);
          g_assert_false (counts->has_absorption);
          g_assert_false (counts->has_quota);
          g_assert_cmpint (counts->realised, ==, 0);
        }
}

static void
test_budget (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapSummary) s = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) kec = summary_for (fixture, "2026-03-31", "32.75.03", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) mid = summary_for (fixture, "2026-03-30", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) jan = summary_for (fixture, "2026-01-20", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) eko = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_EKOSISTEM);

  /* 31 Mar: B + C paid in 2026 (A was paid in 2025, D after the as-of date). */
  g_assert_true (s->has_pagu);
  g_assert_cmpint (s->pagu, ==, 1200000);
  g_assert_cmpint (s->realised, ==, 67200);
  g_assert_cmpfloat_with_epsilon (s->absorption_pct, 5.6, 1e-9);
  g_assert_cmpint (s->remaining, ==, 1132800);
  g_assert_cmpint (s->premium_monthly, ==, 16800);
  /* Paid through March: April..December unpaid = 9 months; 2 active workers.
   * projected = 67.200 + 2 × 16.800 × 9 = 369.600;
   * quota = floor ((1.200.000 − 369.600) / (16.800 × 9)) = floor (5,49) = 5. */
  g_assert_cmpint (s->months_unpaid, ==, 9);
  g_assert_cmpint (s->active_city, ==, 2);
  g_assert_cmpint (s->projected_year_end, ==, 369600);
  g_assert_true (s->has_quota);
  g_assert_cmpint (s->quota, ==, 5);

  /* The budget is the city's whatever the scope. */
  g_assert_cmpint (kec->pagu, ==, 1200000);
  g_assert_cmpint (kec->realised, ==, 67200);
  g_assert_cmpint (kec->projected_year_end, ==, 369600);

  /* 30 Mar: C not yet paid; paid through February: 10 months unpaid.
   * projected = 33.600 + 2 × 16.800 × 10 = 369.600. New workers join on 1 April: 9 months,
   * quota = floor (830.400 / (16.800 × 9)) = floor (5,49) = 5 (not the 10 unpaid months,
   * which include March, already under way). */
  g_assert_cmpint (mid->realised, ==, 33600);
  g_assert_cmpint (mid->months_unpaid, ==, 10);
  g_assert_cmpint (mid->projected_year_end, ==, 369600);
  g_assert_cmpint (mid->quota_months, ==, 9);
  g_assert_cmpint (mid->quota, ==, 5);
  /* Full year: floor (830.400 / 201.600) = floor (4,12) = 4. */
  g_assert_cmpint (mid->quota_full_year, ==, 4);

  /* 20 Jan: nothing paid in 2026 yet, but A (paid in 2025) covered January: 11 months unpaid.
   * Active: p1 (p7 ended on 15 Jan). projected = 1 × 16.800 × 11 = 184.800. */
  g_assert_cmpint (jan->realised, ==, 0);
  g_assert_cmpint (jan->months_unpaid, ==, 11);
  g_assert_cmpint (jan->active, ==, 1);
  g_assert_cmpint (jan->projected_year_end, ==, 184800);
  /* From 1 February: 11 months. quota = floor (1.015.200 / 184.800) = floor (5,49) = 5;
   * full year floor (1.015.200 / 201.600) = floor (5,04) = 5. */
  g_assert_cmpint (jan->quota_months, ==, 11);
  g_assert_cmpint (jan->quota, ==, 5);
  g_assert_cmpint (jan->quota_full_year, ==, 5);

  /* Ekosistem has no pagu and no payments. */
  g_assert_false (eko->has_pagu);
  g_assert_false (eko->has_absorption);
  g_assert_false (eko->has_quota);
  g_assert_cmpint (eko->realised, ==, 0);
}

/* New workers join on the first day of the month after the as-of date and are paid from then
 * to December: the quota divides by those months, whatever has been paid. */
static void
test_quota_months (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapSummary) oct25 = NULL;
  g_autoptr(SigapSummary) dec25 = NULL;
  g_autoptr(SigapSummary) early_dec25 = NULL;
  g_autoptr(SigapSummary) oct26 = NULL;
  g_autoptr(SigapSummary) dec26 = NULL;
  g_autoptr(SigapSummary) nov26 = NULL;

  sigap_database_exec (fixture->db,
                       "INSERT INTO budget (year, segment, funding_source, pagu)"
                       " VALUES (2025, 'rentan', 'APBD', 600000)",
                       &error);
  g_assert_no_error (error);

  /* 15 Oct 2025, before the year's first payment (A, 10 Dec): no rentan worker is active yet
   * (p7 registers on 1 Dec), so projected = 0. From 1 November: 2 months.
   * quota = floor (600.000 / (16.800 × 2)) = floor (17,86) = 17 (dividing by 12, as before,
   * gave 2); full year = floor (600.000 / 201.600) = floor (2,98) = 2. */
  oct25 = summary_for (fixture, "2025-10-15", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (oct25->months_unpaid, ==, 12);
  g_assert_cmpint (oct25->projected_year_end, ==, 0);
  g_assert_true (oct25->has_quota);
  g_assert_cmpint (oct25->quota_months, ==, 2);
  g_assert_cmpint (oct25->quota, ==, 17);
  g_assert_cmpint (oct25->quota_full_year, ==, 2);

  /* 5 Dec 2025: the first rentan worker (p7) joined on 1 December and A is not paid yet.
   * Only December is owed: projected = 1 × 16.800 × 1 = 16.800, not a whole year's
   * 201.600 for a programme whose first worker joined in December. */
  early_dec25 = summary_for (fixture, "2025-12-05", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (early_dec25->active_city, ==, 1);
  g_assert_cmpint (early_dec25->months_unpaid, ==, 1);
  g_assert_cmpint (early_dec25->projected_year_end, ==, 16800);

  /* 15 Dec 2025: no month of 2025 is left to join in: no quota. */
  dec25 = summary_for (fixture, "2025-12-15", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (dec25->quota_months, ==, 0);
  g_assert_false (dec25->has_quota);
  g_assert_cmpint (dec25->quota, ==, 0);

  /* 15 Oct 2026, after the year's payments through April (D): May..Dec unpaid = 8 months;
   * active p1, p3, p6 = 3; realised B + C + D = 84.000;
   * projected = 84.000 + 3 × 16.800 × 8 = 487.200; left 1.200.000 − 487.200 = 712.800.
   * From 1 November: quota = floor (712.800 / 33.600) = floor (21,21) = 21;
   * full year = floor (712.800 / 201.600) = floor (3,54) = 3. */
  oct26 = summary_for (fixture, "2026-10-15", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (oct26->active_city, ==, 3);
  g_assert_cmpint (oct26->projected_year_end, ==, 487200);
  g_assert_cmpint (oct26->quota_months, ==, 2);
  g_assert_cmpint (oct26->quota, ==, 21);
  g_assert_cmpint (oct26->quota_full_year, ==, 3);

  /* 30 Nov 2026: December only: floor (712.800 / 16.800) = floor (42,43) = 42. */
  nov26 = summary_for (fixture, "2026-11-30", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_cmpint (nov26->quota_months, ==, 1);
  g_assert_cmpint (nov26->quota, ==, 42);
  g_assert_cmpint (nov26->quota_full_year, ==, 3);

  dec26 = summary_for (fixture, "2026-12-15", "32.75", SIGAP_SEGMENT_RENTAN);
  g_assert_false (dec26->has_quota);
}

static GPtrArray *
breakdown_for (Fixture        *fixture,
               const char     *as_of,
               const char     *scope,
               SigapSegment    segment,
               SigapBreakdown  by)
{
  g_autoptr(SigapFilter) filter = make_filter (as_of, scope, segment);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = sigap_figures_breakdown (fixture->db, filter, by, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

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

  g_assert_not_reached ();
}

static void
test_breakdown_regions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) kec = breakdown_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN,
                                            SIGAP_BREAKDOWN_KECAMATAN);
  g_autoptr(GPtrArray) kel = breakdown_for (fixture, "2026-03-31", "32.75.01", SIGAP_SEGMENT_RENTAN,
                                            SIGAP_BREAKDOWN_KELURAHAN);
  g_autoptr(GPtrArray) all_kel = breakdown_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN,
                                                SIGAP_BREAKDOWN_KELURAHAN);
  const SigapBreakdownRow *row;
  gint64 registered = 0, active = 0;

  /* All 12 kecamatan, the empty ones included; the sums equal the city. */
  g_assert_cmpuint (kec->len, ==, 12);
  for (guint i = 0; i < kec->len; i++)
    {
      row = g_ptr_array_index (kec, i);
      registered += row->registered;
      active += row->active;
    }
  g_assert_cmpint (registered, ==, 5);
  g_assert_cmpint (active, ==, 2);

  row = find_row (kec, "32.75.01");
  g_assert_cmpstr (row->name, ==, "Bekasi Timur");
  g_assert_cmpint (row->registered, ==, 4);
  g_assert_cmpint (row->active, ==, 2);
  g_assert_cmpint (row->target, ==, 10);
  row = find_row (kec, "32.75.03");
  g_assert_cmpint (row->registered, ==, 1);
  g_assert_cmpint (row->ended, ==, 1);
  g_assert_cmpint (row->target, ==, 4);
  row = find_row (kec, "32.75.12");
  g_assert_cmpint (row->registered, ==, 0);
  g_assert_false (row->has_target);

  /* Bekasi Timur's kelurahan: 1001..1004. */
  g_assert_cmpuint (kel->len, ==, 4);
  row = find_row (kel, "32.75.01.1001");
  g_assert_cmpint (row->registered, ==, 2);
  g_assert_cmpint (row->active, ==, 1);
  g_assert_cmpint (row->target, ==, 100);
  row = find_row (kel, "32.75.01.1002");
  g_assert_cmpint (row->registered, ==, 2);
  g_assert_cmpint (row->ended, ==, 1);
  g_assert_false (row->has_target);
  row = find_row (kel, "32.75.01.1004");
  g_assert_cmpint (row->registered, ==, 0);

  g_assert_cmpuint (all_kel->len, ==, 56);
}

static void
test_breakdown_kecamatan_of_kelurahan (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.75.01.1001", SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = sigap_figures_breakdown (fixture->db, filter, SIGAP_BREAKDOWN_KECAMATAN, &error);
  g_assert_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN);
  g_assert_null (rows);
}

static void
test_breakdown_sector_desil (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) sectors = breakdown_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN,
                                                SIGAP_BREAKDOWN_SECTOR);
  g_autoptr(GPtrArray) all_sectors = breakdown_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_ALL,
                                                    SIGAP_BREAKDOWN_SECTOR);
  g_autoptr(GPtrArray) desil = breakdown_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN,
                                              SIGAP_BREAKDOWN_DESIL);
  const SigapBreakdownRow *row;

  /* The reference data has 16 rentan sectors and 6 ekosistem ones. */
  g_assert_cmpuint (sectors->len, ==, 16);
  g_assert_cmpuint (all_sectors->len, ==, 22);

  /* Ojek online: p1 p3 p4 registered, p4 ended; city sector target 8. */
  row = find_row (sectors, "ojek-online");
  g_assert_cmpint (row->registered, ==, 3);
  g_assert_cmpint (row->active, ==, 2);
  g_assert_cmpint (row->target, ==, 8);
  g_assert_cmpfloat_with_epsilon (row->coverage_pct, 25.0, 1e-9);
  row = find_row (sectors, "pkl");
  g_assert_cmpint (row->registered, ==, 2);
  g_assert_cmpint (row->active, ==, 0);
  g_assert_false (row->has_target);
  row = find_row (all_sectors, "non-asn");
  g_assert_cmpint (row->active, ==, 1);

  /* Desil 1..10 always, plus "unknown" because p4 has none. */
  g_assert_cmpuint (desil->len, ==, 11);
  g_assert_cmpint (find_row (desil, "1")->active, ==, 1);
  /* Desil 2: p2 and p7, both ended by 31 Mar. */
  g_assert_cmpint (find_row (desil, "2")->registered, ==, 2);
  g_assert_cmpint (find_row (desil, "2")->active, ==, 0);
  g_assert_cmpint (find_row (desil, "6")->active, ==, 1);
  g_assert_cmpint (find_row (desil, "3")->registered, ==, 0);
  g_assert_cmpint (find_row (desil, "unknown")->registered, ==, 1);
  g_assert_cmpint (find_row (desil, "unknown")->active, ==, 0);
}

static GArray *
monthly_for (Fixture    *fixture,
             const char *as_of,
             guint       n_months)
{
  g_autoptr(SigapFilter) filter = make_filter (as_of, "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  GArray *points;

  points = sigap_figures_monthly (fixture->db, filter, n_months, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, n_months);
  return points;
}

static void
test_monthly (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) points = monthly_for (fixture, "2026-03-31", 4);
  g_autoptr(GArray) partial = monthly_for (fixture, "2026-03-20", 2);
  const SigapMonthPoint *p;

  /* Dec 2025: p7 joins. No 2025 target. */
  p = &g_array_index (points, SigapMonthPoint, 0);
  g_assert_cmpint (p->year, ==, 2025);
  g_assert_cmpint (p->month, ==, 12);
  g_assert_cmpint (g_date_get_day (&p->end), ==, 31);
  g_assert_cmpint (p->new_registrations, ==, 1);
  g_assert_cmpint (p->registered, ==, 1);
  g_assert_cmpint (p->active, ==, 1);
  g_assert_false (p->has_target);
  /* Jan 2026: p1 joins, p7 leaves. */
  p = &g_array_index (points, SigapMonthPoint, 1);
  g_assert_cmpint (p->new_registrations, ==, 1);
  g_assert_cmpint (p->new_endings, ==, 1);
  g_assert_cmpint (p->registered, ==, 2);
  g_assert_cmpint (p->active, ==, 1);
  g_assert_cmpint (p->target, ==, 14);
  g_assert_cmpint (p->realised_to_date, ==, 0);
  /* Feb 2026: p2 joins; B paid. */
  p = &g_array_index (points, SigapMonthPoint, 2);
  g_assert_cmpint (g_date_get_day (&p->end), ==, 28);
  g_assert_cmpint (p->registered, ==, 3);
  g_assert_cmpint (p->active, ==, 2);
  g_assert_cmpint (p->realised_to_date, ==, 33600);
  /* Mar 2026: p3 p4 join, p2 p4 leave; C paid. */
  p = &g_array_index (points, SigapMonthPoint, 3);
  g_assert_cmpint (p->new_registrations, ==, 2);
  g_assert_cmpint (p->new_endings, ==, 2);
  g_assert_cmpint (p->registered, ==, 5);
  g_assert_cmpint (p->active, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->coverage_pct, 100.0 * 2 / 14, 1e-9);
  g_assert_cmpint (p->realised_to_date, ==, 67200);

  /* As of 20 Mar: the last point stops at the as-of date. */
  p = &g_array_index (partial, SigapMonthPoint, 1);
  g_assert_cmpint (g_date_get_day (&p->end), ==, 20);
  g_assert_cmpint (p->new_registrations, ==, 1);
  g_assert_cmpint (p->new_endings, ==, 1);
  g_assert_cmpint (p->registered, ==, 4);
  g_assert_cmpint (p->active, ==, 2);
  g_assert_cmpint (p->realised_to_date, ==, 33600);
}

static void
test_unknown_scope (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.76", SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapSummary) summary = NULL;

  summary = sigap_figures_summary (fixture->db, filter, &error);
  g_assert_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_UNKNOWN_SCOPE);
  g_assert_null (summary);
}

/* Changes to participants (update, delete) keep the tallies in step. */
static void
test_tallies_follow_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sigap_database_exec (fixture->db,
                       "UPDATE participant SET kelurahan_id ="
                       " (SELECT id FROM region WHERE code = '32.75.03.1001') WHERE nik = '3275010101900003';"
                       "UPDATE participant SET ended_on = '2026-03-15' WHERE nik = '3275010101900001';"
                       "DELETE FROM participant WHERE nik = '3275010101900007';",
                       &error);
  g_assert_no_error (error);

  {
    g_autoptr(SigapSummary) city = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
    g_autoptr(SigapSummary) utara = summary_for (fixture, "2026-03-31", "32.75.03", SIGAP_SEGMENT_RENTAN);

    /* p7 gone: p1 p2 p3 p4 registered; p1 p2 p4 ended; p3 active, now in Bekasi Utara. */
    g_assert_cmpint (city->registered, ==, 4);
    g_assert_cmpint (city->ended, ==, 3);
    g_assert_cmpint (city->active, ==, 1);
    g_assert_cmpint (utara->registered, ==, 2);
    g_assert_cmpint (utara->active, ==, 1);
  }
}

/* Random participants, checked against counts taken straight from the participant table
 * (not through the tallies) on month ends and mid-month days. */
static void
test_against_direct_counts (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *dates[] = {
    "2024-12-31", "2025-02-14", "2025-06-30", "2025-07-01", "2025-11-05", "2025-12-31",
    "2026-01-31", "2026-02-28", "2026-03-15",
  };
  static const char *scopes[] = { "32.75", "32.75.02", "32.75.07.1003", "32.75.12" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(SigapStatement) insert = NULL;
  g_autoptr(SigapStatement) direct = NULL;
  g_autoptr(GError) error = NULL;

  sigap_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert = sigap_database_prepare (fixture->db,
                                   "INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil,"
                                   " registered_on, ended_on) VALUES (?1, 'X',"
                                   " (SELECT id FROM region WHERE level = 'kelurahan' ORDER BY code LIMIT 1 OFFSET ?2),"
                                   " (SELECT id FROM sector ORDER BY code LIMIT 1 OFFSET ?3), ?4, ?5, ?6)",
                                   &error);
  g_assert_no_error (error);

  for (int i = 0; i < 3000; i++)
    {
      g_autofree char *nik = g_strdup_printf ("32750201019%05d", i + 1);
      GDate registered, ended;

      g_date_clear (&registered, 1);
      g_date_set_dmy (&registered, 1, 1, 2024);
      g_date_add_days (&registered, g_rand_int_range (rand, 0, 820));
      ended = registered;
      g_date_add_days (&ended, g_rand_int_range (rand, 0, 400));

      {
        g_autofree char *reg_iso = sigap_date_to_iso (&registered);
        g_autofree char *end_iso = sigap_date_to_iso (&ended);

        sigap_statement_bind_text_copy (insert, 1, nik);
        sigap_statement_bind_int (insert, 2, g_rand_int_range (rand, 0, 56));
        sigap_statement_bind_int (insert, 3, g_rand_int_range (rand, 0, 22));
        sigap_statement_bind_int (insert, 4, g_rand_int_range (rand, 1, 11));
        sigap_statement_bind_text_copy (insert, 5, reg_iso);
        if (g_rand_boolean (rand))
          sigap_statement_bind_text_copy (insert, 6, end_iso);
        else
          sigap_statement_bind_null (insert, 6);
        g_assert_cmpint (sigap_statement_step (insert), ==, SIGAP_STEP_DONE);
        sigap_statement_reset (insert);
        sigap_statement_clear_bindings (insert);
      }
    }
  sigap_database_commit (fixture->db, &error);
  g_assert_no_error (error);

  direct = sigap_database_prepare (fixture->db,
                                   "SELECT count (*), count (CASE WHEN ended_on <= ?1 THEN 1 END)"
                                   " FROM participant p JOIN region r ON r.id = p.kelurahan_id"
                                   " JOIN sector s ON s.id = p.sector_id"
                                   " WHERE p.registered_on <= ?1 AND (?3 = 'all' OR s.segment = ?3)"
                                   " AND (r.code = ?2 OR r.code LIKE ?2 || '.%')",
                                   &error);
  g_assert_no_error (error);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint sc = 0; sc < G_N_ELEMENTS (scopes); sc++)
      for (SigapSegment seg = SIGAP_SEGMENT_RENTAN; seg <= SIGAP_SEGMENT_ALL; seg++)
        {
          g_autoptr(SigapSummary) s = summary_for (fixture, dates[d], scopes[sc], seg);

          sigap_statement_bind_text (direct, 1, dates[d]);
          sigap_statement_bind_text (direct, 2, scopes[sc]);
          sigap_statement_bind_text (direct, 3, sigap_segment_to_string (seg));
          g_assert_cmpint (sigap_statement_step (direct), ==, SIGAP_STEP_ROW);
          g_assert_cmpint (s->registered, ==, sigap_statement_column_int64 (direct, 0));
          g_assert_cmpint (s->ended, ==, sigap_statement_column_int64 (direct, 1));
          sigap_statement_reset (direct);
        }
}

static void
test_what_if (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.75.01", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) summary = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  SigapWhatIf base, more, many;

  /* Current pace: 2 active × 16.800 for April..December on top of 67.200 realised. */
  g_assert_true (sigap_figures_what_if (fixture->db, filter, 0, 1, &base, &error));
  g_assert_no_error (error);
  g_assert_cmpint (base.pagu, ==, 1200000);
  g_assert_cmpint (base.realised, ==, 67200);
  g_assert_cmpint (base.first_unpaid_month, ==, 4);
  g_assert_cmpint (base.monthly_cost[2], ==, 0);
  g_assert_cmpint (base.monthly_cost[3], ==, 33600);
  g_assert_cmpint (base.cumulative[2], ==, 67200);
  g_assert_cmpint (base.cumulative[11], ==, 369600);
  /* The same projection as the summary's. */
  g_assert_cmpint (base.projected_year_end, ==, summary->projected_year_end);
  g_assert_cmpint (base.balance_year_end, ==, 1200000 - 369600);
  g_assert_true (base.lasts);
  g_assert_cmpint (base.runs_out_month, ==, 0);

  /* The summary's quota (5) still fits from April; one more does not. */
  g_assert_true (sigap_figures_what_if (fixture->db, filter, 5, 4, &more, &error));
  g_assert_cmpint (more.projected_year_end, ==, 369600 + 5 * 16800 * 9);
  g_assert_true (more.lasts);
  g_assert_true (sigap_figures_what_if (fixture->db, filter, 6, 4, &more, &error));
  g_assert_false (more.lasts);

  /* 20 more from July: (2 + 20) × 16.800 = 369.600 a month from July.
   * Cumulative: Jun 67.200 + 3 × 33.600 = 168.000; Jul 537.600; Aug 907.200; Sep 1.276.800,
   * over the pagu of 1.200.000, so the money runs out in September. */
  g_assert_true (sigap_figures_what_if (fixture->db, filter, 20, 7, &many, &error));
  g_assert_cmpint (many.monthly_cost[5], ==, 33600);
  g_assert_cmpint (many.monthly_cost[6], ==, 369600);
  g_assert_cmpint (many.cumulative[5], ==, 168000);
  g_assert_cmpint (many.cumulative[7], ==, 907200);
  g_assert_cmpint (many.runs_out_month, ==, 9);
  g_assert_false (many.lasts);
  g_assert_cmpint (many.projected_year_end, ==, 168000 + 6 * 369600);
}

/* Inserts @n payments of Rp999.999.999.999.999 of @segment paid in March 2026. */
static void
insert_huge_payments (Fixture    *fixture,
                      const char *segment,
                      int         n)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  sql = g_strdup_printf ("WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i "
                         "WHERE n < %d) "
                         "INSERT INTO payment (paid_on, sp2d_number, segment, funding_source, "
                         "period_start, period_end, participants, amount) "
                         "SELECT '2026-03-01', '%s-' || (SELECT count (*) FROM payment) || '-' "
                         "|| n, '%s', 'APBD', '2026-03-01', '2026-03-31', 1, 999999999999999 "
                         "FROM i",
                         n, segment, segment);
  sigap_database_exec (fixture->db, sql, &error);
  g_assert_no_error (error);
}

static void
assert_overflow (Fixture      *fixture,
                 SigapSegment  segment)
{
  g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.75", segment);
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) what_if_error = NULL;
  SigapWhatIf what_if;

  summary = sigap_figures_summary (fixture->db, filter, &error);
  g_assert_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_OVERFLOW);
  g_assert_null (summary);
  g_assert_false (sigap_figures_what_if (fixture->db, filter, 0, 1, &what_if, &what_if_error));
  g_assert_error (what_if_error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_OVERFLOW);
}

/* Issue 14: amounts written into the database by other means than the import, which sum past
 * what 64 bits hold, give an error rather than a figure that wrapped round to negative. */
static void
test_money_overflow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SigapSummary) rentan = NULL;

  /* 5.000 each: each segment's SQL sum fits, the sum of both does not. */
  insert_huge_payments (fixture, "rentan", 5000);
  insert_huge_payments (fixture, "ekosistem", 5000);
  rentan = summary_for (fixture, "2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  /* B and C (67.200) and the 5.000 new ones, all paid in 2026 up to 31 March. */
  g_assert_cmpint (rentan->realised, ==,
                   G_GINT64_CONSTANT (5000) * G_GINT64_CONSTANT (999999999999999) + 67200);
  assert_overflow (fixture, SIGAP_SEGMENT_ALL);

  /* 10.000 in one segment: SQLite's sum () itself overflows. */
  insert_huge_payments (fixture, "rentan", 5000);
  assert_overflow (fixture, SIGAP_SEGMENT_RENTAN);
}

static void
test_payments_and_budget_lines (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const SigapPayment *payment;
  gint64 total = 0;

  payments = sigap_figures_payments (fixture->db, filter, NULL);
  g_assert_nonnull (payments);
  /* B and C: A was paid in 2025, D after the as-of date. */
  g_assert_cmpuint (payments->len, ==, 2);
  payment = g_ptr_array_index (payments, 0);
  g_assert_cmpstr (payment->sp2d_number, ==, "B");
  g_assert_cmpint (g_date_get_month (&payment->period_end), ==, 2);
  g_assert_cmpint (g_date_get_day (&payment->period_end), ==, 28);
  for (guint i = 0; i < payments->len; i++)
    total += ((const SigapPayment *) g_ptr_array_index (payments, i))->amount;
  g_assert_cmpint (total, ==, 67200);

  lines = sigap_figures_budget_lines (fixture->db, filter, NULL);
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((const SigapBudgetLine *) g_ptr_array_index (lines, 0))->funding_source, ==, "APBD");
  g_assert_cmpint (((const SigapBudgetLine *) g_ptr_array_index (lines, 1))->pagu, ==, 200000);
}

static void
test_change_since_last_month (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SigapFilter) now_filter = make_filter ("2026-03-31", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapFilter) previous = sigap_filter_new_previous_month_end (now_filter);
  g_autoptr(SigapFilter) january = make_filter ("2026-01-20", "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapFilter) december = sigap_filter_new_previous_month_end (january);
  g_autoptr(SigapSummary) now = sigap_figures_summary (fixture->db, now_filter, NULL);
  g_autoptr(SigapSummary) before = sigap_figures_summary (fixture->db, previous, NULL);
  g_autoptr(SigapSummary) jan = sigap_figures_summary (fixture->db, january, NULL);
  g_autoptr(SigapSummary) dec = sigap_figures_summary (fixture->db, december, NULL);
  SigapSummaryChange change;

  g_assert_cmpint (g_date_get_month (&previous->as_of), ==, 2);
  g_assert_cmpint (g_date_get_day (&previous->as_of), ==, 28);
  g_assert_true (sigap_date_is_month_end (&previous->as_of));
  g_assert_false (sigap_date_is_month_end (&january->as_of));
  g_assert_cmpint (g_date_get_year (&december->as_of), ==, 2025);

  /* 28 Feb: p1 p2 p7 registered, p7 ended: 2 active; B paid (33.600), paid through February:
   * projection 33.600 + 2 × 16.800 × 10 = 369.600, quota floor (830.400 / 168.000) = 4. */
  sigap_summary_change (now, before, &change);
  g_assert_cmpint (change.active, ==, 0);
  g_assert_cmpint (change.registered, ==, 2);
  g_assert_true (change.has_coverage);
  g_assert_cmpfloat_with_epsilon (change.coverage_points, 0.0, 1e-9);
  g_assert_true (change.has_realised);
  g_assert_cmpint (change.realised, ==, 33600);
  g_assert_true (change.has_pagu);
  g_assert_cmpint (change.pagu, ==, 0);
  g_assert_cmpint (change.remaining, ==, -33600);
  g_assert_true (change.has_quota);
  g_assert_cmpint (change.quota, ==, 1);

  /* Across 1 January the budget and the target start again: no change is given. */
  sigap_summary_change (jan, dec, &change);
  g_assert_false (change.has_realised);
  g_assert_false (change.has_pagu);
  g_assert_false (change.has_coverage);
  g_assert_cmpint (change.active, ==, jan->active - dec->active);
}

static void
assert_rows_equal (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const SigapBreakdownRow *x = g_ptr_array_index (a, i);
      const SigapBreakdownRow *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpint (x->registered, ==, y->registered);
      g_assert_cmpint (x->active, ==, y->active);
      g_assert_cmpint (x->ended, ==, y->ended);
      g_assert_cmpint (x->has_target, ==, y->has_target);
      g_assert_cmpint (x->target, ==, y->target);
    }
}

/* The one-count sector × area table gives exactly what one breakdown per area gives. */
static void
test_sector_by_area (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *scopes[] = { "32.75", "32.75.01", "32.75.03" };
  static const char *dates[] = { "2026-03-31", "2026-03-20" };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint sc = 0; sc < G_N_ELEMENTS (scopes); sc++)
      for (SigapSegment seg = SIGAP_SEGMENT_RENTAN; seg <= SIGAP_SEGMENT_ALL; seg++)
        {
          g_autoptr(SigapFilter) filter = make_filter (dates[d], scopes[sc], seg);
          g_autoptr(GPtrArray) table = sigap_figures_sector_by_area (fixture->db, filter, NULL);
          g_autoptr(GPtrArray) areas = NULL;
          SigapBreakdown by = sc == 0 ? SIGAP_BREAKDOWN_KECAMATAN : SIGAP_BREAKDOWN_KELURAHAN;

          g_assert_nonnull (table);
          areas = breakdown_for (fixture, dates[d], scopes[sc], seg, by);
          assert_rows_equal (g_ptr_array_index (table, 0), areas);
          g_assert_cmpuint (table->len, ==, areas->len + 1);

          for (guint a = 0; a < areas->len; a++)
            {
              const SigapBreakdownRow *area = g_ptr_array_index (areas, a);
              g_autoptr(GPtrArray) sectors = breakdown_for (fixture, dates[d], area->code, seg,
                                                            SIGAP_BREAKDOWN_SECTOR);

              assert_rows_equal (g_ptr_array_index (table, a + 1), sectors);
            }
        }

  /* Bekasi Timur's K1 (32.75.01.1001): p1 ojek online, active; p2 PKL, ended on 31 Mar. */
  {
    g_autoptr(SigapFilter) filter = make_filter ("2026-03-31", "32.75.01", SIGAP_SEGMENT_RENTAN);
    g_autoptr(GPtrArray) table = sigap_figures_sector_by_area (fixture->db, filter, NULL);

    g_assert_cmpint (find_row (g_ptr_array_index (table, 1), "ojek-online")->active, ==, 1);
    g_assert_cmpint (find_row (g_ptr_array_index (table, 1), "pkl")->registered, ==, 1);
    g_assert_cmpint (find_row (g_ptr_array_index (table, 1), "pkl")->active, ==, 0);
  }
}

/* Round trips of the overview set (summary, four breakdowns, 24 months), as measured when
 * written: each one more is 20 ms more at a distant office (issue 11). */
#define OVERVIEW_ROUND_TRIPS_MONTH_END 14
#define OVERVIEW_ROUND_TRIPS_MID_MONTH 15

static guint
overview_round_trips (SigapDatabase *db,
                      const char    *as_of)
{
  static const SigapBreakdown kinds[] = {
    SIGAP_BREAKDOWN_KECAMATAN, SIGAP_BREAKDOWN_KELURAHAN,
    SIGAP_BREAKDOWN_SECTOR, SIGAP_BREAKDOWN_DESIL,
  };
  g_autoptr(SigapFilter) filter = make_filter (as_of, "32.75", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) summary = NULL;
  g_autoptr(GArray) series = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sigap_database_get_round_trips (db);

  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) rows = sigap_figures_breakdown (db, filter, kinds[i], &error);

      g_assert_no_error (error);
    }
  series = sigap_figures_monthly (db, filter, 24, &error);
  g_assert_no_error (error);

  return sigap_database_get_round_trips (db) - before;
}

/* On a server every statement waits a round trip: opening a connection takes one (the
 * session settings travel with the connection; the schema version is one statement), the
 * region tree is read once for all the connections to a database, and the overview stays
 * within what it took when written. */
static void
test_round_trips (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *uri = sigap_database_get_path (fixture->db);
  g_autoptr(SigapDatabase) reader = NULL;
  g_autoptr(SigapDatabase) writer = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  g_autoptr(SigapRegions) again = NULL;
  g_autoptr(GError) error = NULL;
  guint first, month_end, mid_month;

  g_assert_cmpuint (sigap_database_get_round_trips (fixture->db), >, 0);

  reader = sigap_database_open (uri, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (reader), ==, 1);
  writer = sigap_database_open (uri, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (writer), ==, 1);

  /* The read-only connection is read-only, with no SET to make it so. */
  g_assert_false (sigap_database_exec (reader, "DELETE FROM target", &error));
  g_assert_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The first connection to read the tree reads it (regions and aliases in one statement); the
   * next one does not. */
  tree = sigap_regions_load (writer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (writer), ==, 2);
  {
    g_autoptr(SigapStatement) stmt = NULL;
    GPtrArray *all = sigap_regions_get_all (tree);
    guint n_aliases = 0;

    for (guint i = 0; i < all->len; i++)
      n_aliases += ((const SigapRegion *) g_ptr_array_index (all, i))->aliases->len;
    stmt = sigap_database_prepare (writer, "SELECT count (*), (SELECT count (*) FROM region)"
                                           " FROM region_alias", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
    g_assert_cmpuint (n_aliases, ==, sigap_statement_column_int64 (stmt, 0));
    g_assert_cmpuint (all->len, ==, sigap_statement_column_int64 (stmt, 1));
    g_assert_cmpuint (n_aliases, >, 0);
  }
  g_assert_cmpuint (sigap_database_get_round_trips (reader), ==, 2);
  again = sigap_regions_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sigap_database_get_round_trips (reader), ==, 2);
  g_assert_true (sigap_regions_get_city (again) != NULL);
  g_assert_cmpstr (sigap_regions_get_city (again)->code, ==, "32.75");
  g_assert_cmpuint (sigap_regions_get_all (again)->len, ==, sigap_regions_get_all (tree)->len);

  /* The first overview on a connection reads the reference data it keeps (the sectors). */
  first = overview_round_trips (reader, "2026-03-31");
  month_end = overview_round_trips (reader, "2026-03-31");
  mid_month = overview_round_trips (reader, "2026-03-20");
  g_test_message ("overview: %u round trips the first time, then %u at a month end, %u mid-month",
                  first, month_end, mid_month);
  g_assert_cmpuint (first, <=, OVERVIEW_ROUND_TRIPS_MONTH_END + 1);
  g_assert_cmpuint (month_end, <=, OVERVIEW_ROUND_TRIPS_MONTH_END);
  g_assert_cmpuint (mid_month, <=, OVERVIEW_ROUND_TRIPS_MID_MONTH);
}

/* Without a server the /postgres/ runs are not there: this says so, and fails in CI. */
static void
test_server (void)
{
  if (sigap_test_server_skip ())
    return;
  g_assert_nonnull (sigap_test_server_uri ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

/* Each test on a file, and on the server when there is one. */
#define ADD(path, setup, func) \
  G_STMT_START { \
    g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down); \
    if (sigap_test_server_uri () != NULL) \
      g_test_add ("/postgres" path, Fixture, ON_SERVER, setup, func, fixture_tear_down); \
  } G_STMT_END

  g_test_add_func ("/postgres/sigap/figures/server", test_server);
  if (sigap_test_server_uri () != NULL)
    g_test_add ("/postgres/sigap/figures/round-trips", Fixture, ON_SERVER, fixture_set_up,
                test_round_trips, fixture_tear_down);

  ADD ("/sigap/figures/empty", fixture_set_up_empty, test_empty_database);
  ADD ("/sigap/figures/counts/month-end", fixture_set_up, test_counts_month_end);
  ADD ("/sigap/figures/counts/mid-month", fixture_set_up, test_counts_mid_month);
  ADD ("/sigap/figures/scopes-segments", fixture_set_up, test_scopes_and_segments);
  ADD ("/sigap/figures/summary-counts", fixture_set_up, test_summary_counts);
  ADD ("/sigap/figures/budget", fixture_set_up, test_budget);
  ADD ("/sigap/figures/quota-months", fixture_set_up, test_quota_months);
  ADD ("/sigap/figures/breakdown/regions", fixture_set_up, test_breakdown_regions);
  ADD ("/sigap/figures/breakdown/kecamatan-of-kelurahan", fixture_set_up,
       test_breakdown_kecamatan_of_kelurahan);
  ADD ("/sigap/figures/breakdown/sector-desil", fixture_set_up, test_breakdown_sector_desil);
  ADD ("/sigap/figures/monthly", fixture_set_up, test_monthly);
  ADD ("/sigap/figures/change-since-last-month", fixture_set_up, test_change_since_last_month);
  ADD ("/sigap/figures/sector-by-area", fixture_set_up, test_sector_by_area);
  ADD ("/sigap/figures/what-if", fixture_set_up, test_what_if);
  ADD ("/sigap/figures/money-overflow", fixture_set_up, test_money_overflow);
  ADD ("/sigap/figures/payments-budget-lines", fixture_set_up, test_payments_and_budget_lines);
  ADD ("/sigap/figures/unknown-scope", fixture_set_up, test_unknown_scope);
  ADD ("/sigap/figures/tallies-follow-changes", fixture_set_up, test_tallies_follow_changes);
  ADD ("/sigap/figures/against-direct-counts", fixture_set_up_empty, test_against_direct_counts);

#undef ADD

  return g_test_run ();
}
