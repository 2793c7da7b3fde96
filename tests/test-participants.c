/* test-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The participant list of the Wilayah page: paging at its edges, search, sort, and that no
 * full NIK leaves core.
 */

#include <glib/gstdio.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-find.h"
#include "core/sigap-format.h"
#include "core/sigap-participants.h"

#define K1 "32.75.01.1001"   /* 250 rentan listed as of 2026-03-31, plus 3 later, 7 ekosistem */
#define K2 "32.75.01.1002"   /* exactly 200 */
#define K_EMPTY "32.75.03.1001"

typedef struct
{
  char          *dir;
  SigapDatabase *db;
} Fixture;

/* K1: "Peserta 001".."Peserta 250", ojek online (odd) and PKL (even), desil i % 10 + 1 except
 * unknown for multiples of 7, registered 1 Jan 2026 (i = 50, 100, ... ended 1 Feb 2026);
 * 251..253 registered after the as-of date; 254..260 non-ASN (ekosistem). NIK 3275 + eight
 * digits of i + four digits of i. K2: 200 participants, i = 1001..1200. */
static const char *fixture_sql =
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 260)"
  " INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil, registered_on, ended_on)"
  " SELECT printf ('3275%08d%04d', i, i), printf ('Peserta %03d', i),"
  "  (SELECT id FROM region WHERE code = '" K1 "'),"
  "  (SELECT id FROM sector WHERE code = CASE WHEN i > 253 THEN 'non-asn'"
  "                                           WHEN i % 2 = 1 THEN 'ojek-online' ELSE 'pkl' END),"
  "  CASE WHEN i % 7 = 0 THEN NULL ELSE i % 10 + 1 END,"
  "  CASE WHEN i BETWEEN 251 AND 253 THEN '2026-04-10' ELSE '2026-01-01' END,"
  "  CASE WHEN i % 50 = 0 AND i <= 250 THEN '2026-02-01' END"
  " FROM n;"
  "WITH RECURSIVE n (i) AS (SELECT 1001 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)"
  " INSERT INTO participant (nik, name, kelurahan_id, sector_id, desil, registered_on)"
  " SELECT printf ('3275%08d%04d', i, i), printf ('Warga %04d', i),"
  "  (SELECT id FROM region WHERE code = '" K2 "'),"
  "  (SELECT id FROM sector WHERE code = 'pkl'), 1, '2025-12-01'"
  " FROM n;";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("sigap-participants-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "test.sigap", NULL);
  fixture->db = sigap_database_open (path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
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
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static SigapParticipantQuery *
make_query (const char   *kelurahan,
            SigapSegment  segment)
{
  g_autoptr(SigapFilter) filter = NULL;
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 31, G_DATE_MARCH, 2026);
  filter = sigap_filter_new (&as_of, SIGAP_CITY_CODE, segment);
  return sigap_participant_query_new (kelurahan, filter);
}

static GPtrArray *
page (Fixture                     *fixture,
      const SigapParticipantQuery *query,
      guint                        offset,
      guint                        limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = sigap_participant_query_page (fixture->db, query, offset, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const char *
name_at (GPtrArray *rows,
         guint      i)
{
  return ((SigapParticipantRow *) g_ptr_array_index (rows, i))->name;
}

static gint64
count (Fixture                     *fixture,
       const SigapParticipantQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = sigap_participant_query_count (fixture->db, query, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_paging_edges (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SigapParticipantQuery) query = make_query (K1, SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapParticipantQuery) exact = make_query (K2, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) beyond = NULL;
  g_autoptr(GPtrArray) exact_last = NULL;
  g_autoptr(GPtrArray) exact_beyond = NULL;
  g_autoptr(GPtrArray) one = NULL;

  /* 250 rentan registered by 31 March: not the 3 registered later, not the ekosistem. */
  g_assert_cmpint (count (fixture, query), ==, 250);

  first = page (fixture, query, 0, 100);
  g_assert_cmpuint (first->len, ==, 100);
  g_assert_cmpstr (name_at (first, 0), ==, "Peserta 001");
  g_assert_cmpstr (name_at (first, 99), ==, "Peserta 100");

  /* The last page is partial. */
  last = page (fixture, query, 200, 100);
  g_assert_cmpuint (last->len, ==, 50);
  g_assert_cmpstr (name_at (last, 0), ==, "Peserta 201");
  g_assert_cmpstr (name_at (last, 49), ==, "Peserta 250");

  beyond = page (fixture, query, 250, 100);
  g_assert_cmpuint (beyond->len, ==, 0);

  /* A count that is an exact multiple of the page size: a full last page, then nothing. */
  g_assert_cmpint (count (fixture, exact), ==, 200);
  exact_last = page (fixture, exact, 100, 100);
  g_assert_cmpuint (exact_last->len, ==, 100);
  g_assert_cmpstr (name_at (exact_last, 99), ==, "Warga 1200");
  exact_beyond = page (fixture, exact, 200, 100);
  g_assert_cmpuint (exact_beyond->len, ==, 0);

  one = page (fixture, query, 137, 1);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (name_at (one, 0), ==, "Peserta 138");

  /* Every segment: the 7 ekosistem too. */
  query->segment = SIGAP_SEGMENT_ALL;
  g_assert_cmpint (count (fixture, query), ==, 257);
  query->segment = SIGAP_SEGMENT_EKOSISTEM;
  g_assert_cmpint (count (fixture, query), ==, 7);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SigapParticipantQuery) query = make_query (K_EMPTY, SIGAP_SEGMENT_ALL);
  g_autoptr(SigapParticipantQuery) kecamatan = make_query ("32.75.01", SIGAP_SEGMENT_ALL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count (fixture, query), ==, 0);
  rows = page (fixture, query, 0, 100);
  g_assert_cmpuint (rows->len, ==, 0);

  /* Not a kelurahan: an error that says so, not an empty list. */
  g_assert_cmpint (sigap_participant_query_count (fixture->db, kecamatan, &error), ==, -1);
  g_assert_error (error, SIGAP_PARTICIPANTS_ERROR, SIGAP_PARTICIPANTS_ERROR_NOT_KELURAHAN);
  g_clear_error (&error);
  g_free (kecamatan->kelurahan_code);
  kecamatan->kelurahan_code = g_strdup ("32.75.01.9999");
  g_assert_null (sigap_participant_query_page (fixture->db, kecamatan, 0, 10, &error));
  g_assert_error (error, SIGAP_PARTICIPANTS_ERROR, SIGAP_PARTICIPANTS_ERROR_NOT_KELURAHAN);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapParticipantQuery) query = make_query (K1, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GPtrArray) rows = NULL;

  /* Part of the name, any case. */
  query->search = g_strdup ("peserta 12");
  g_assert_cmpint (count (fixture, query), ==, 10);
  rows = page (fixture, query, 0, 100);
  g_assert_cmpuint (rows->len, ==, 10);
  g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 120");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The last four digits of the NIK. */
  g_free (query->search);
  query->search = g_strdup (" 0007 ");
  g_assert_cmpint (count (fixture, query), ==, 1);
  rows = page (fixture, query, 0, 100);
  g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 007");
  g_assert_cmpstr (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->nik_masked, ==,
                   "3275********0007");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The hidden digits do not match: 00000007 is the middle of that NIK. */
  g_free (query->search);
  query->search = g_strdup ("00000007");
  g_assert_cmpint (count (fixture, query), ==, 0);

  /* LIKE's wildcards are plain characters. */
  g_free (query->search);
  query->search = g_strdup ("%");
  g_assert_cmpint (count (fixture, query), ==, 0);
  g_free (query->search);
  query->search = g_strdup ("Peserta_0");
  g_assert_cmpint (count (fixture, query), ==, 0);

  /* Blank: everybody. */
  g_free (query->search);
  query->search = g_strdup ("   ");
  g_assert_cmpint (count (fixture, query), ==, 250);

  /* A whole NIK, as people type it: that one person (issue 13). Peserta 007's NIK is
   * printf ('3275%08d%04d', 7, 7). */
  for (guint i = 0; i < 3; i++)
    {
      const char *typed[] = { "3275000000070007", "'3275 0000 0007 0007", "32.75.00-000007-0007" };

      g_free (query->search);
      query->search = g_strdup (typed[i]);
      g_assert_cmpint (count (fixture, query), ==, 1);
      rows = page (fixture, query, 0, 100);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 007");
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  /* A whole NIK of another kelurahan's participant: not in this list. */
  g_free (query->search);
  query->search = g_strdup ("3275000010011001");
  g_assert_cmpint (count (fixture, query), ==, 0);
}

static GPtrArray *
find_names (Fixture    *fixture,
            const char *text,
            guint       offset,
            guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches;
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 15, G_DATE_FEBRUARY, 2026);
  matches = sigap_find_by_name (fixture->db, text, &as_of, offset, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matches);
  return matches;
}

/* Counted with plain SQL, over the whole city: lower () on both sides, the same as
 * sigap_find_by_name () promises. */
static gint64
count_names (Fixture    *fixture,
             const char *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM participant"
                                          " WHERE instr (lower (name), lower ('%s')) > 0", text);
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (fixture->db, sql, NULL);

  g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
  return sigap_statement_column_int64 (stmt, 0);
}

/* The window's search by name, city-wide, paged, masked; then one match's card. */
static void
test_find_by_name (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SigapPersonCard) card = NULL;
  g_autoptr(GError) error = NULL;
  const SigapPersonMatch *match;
  GDate as_of;
  guint seen = 0;

  /* Any case, any part: "ARGA 10" is in "Warga 1001".."Warga 1099" and "Warga 1100". */
  all = find_names (fixture, "ARGA 1", 0, 1000);
  g_assert_cmpint (all->len, ==, count_names (fixture, "ARGA 1"));
  g_assert_cmpuint (all->len, ==, 200);
  match = g_ptr_array_index (all, 0);
  g_assert_cmpstr (match->name, ==, "Warga 1001");
  g_assert_cmpstr (match->nik_masked, ==, "3275********1001");
  g_assert_cmpstr (match->kelurahan, !=, NULL);
  g_assert_cmpstr (match->kecamatan, ==, "Bekasi Timur");
  g_assert_cmpint (match->status, ==, SIGAP_PERSON_ACTIVE);

  /* Paged: 50 at a time, the pages in order and complete. */
  for (guint offset = 0; offset < 250; offset += 50)
    {
      g_autoptr(GPtrArray) page_rows = find_names (fixture, "arga 1", offset, 50);

      for (guint i = 0; i < page_rows->len; i++, seen++)
        g_assert_cmpstr (((SigapPersonMatch *) g_ptr_array_index (page_rows, i))->name, ==,
                         ((SigapPersonMatch *) g_ptr_array_index (all, seen))->name);
    }
  g_assert_cmpuint (seen, ==, 200);

  /* Status on the as-of date (15 Feb 2026): Peserta 050 ended on 1 February; Peserta 251
   * registers in April. */
  matches = find_names (fixture, "Peserta 050", 0, 10);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (((SigapPersonMatch *) g_ptr_array_index (matches, 0))->status, ==,
                   SIGAP_PERSON_ENDED);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = find_names (fixture, "Peserta 251", 0, 10);
  g_assert_cmpint (((SigapPersonMatch *) g_ptr_array_index (matches, 0))->status, ==,
                   SIGAP_PERSON_NOT_YET);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* Too short, LIKE's wildcards, nobody. */
  matches = find_names (fixture, " W ", 0, 10);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = find_names (fixture, "%%", 0, 10);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = find_names (fixture, "Peserta_0", 0, 10);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* The card of a match, by its record: masked, with its place and status. */
  matches = find_names (fixture, "peserta 050", 0, 10);
  match = g_ptr_array_index (matches, 0);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 15, G_DATE_FEBRUARY, 2026);
  card = sigap_find_participant_by_id (fixture->db, match->id, &as_of, &error);
  g_assert_no_error (error);
  g_assert_true (card->found);
  g_assert_cmpstr (card->name, ==, "Peserta 050");
  g_assert_cmpstr (card->nik_masked, ==, "3275********0050");
  g_assert_cmpstr (card->kelurahan_code, ==, K1);
  g_assert_cmpint (card->status, ==, SIGAP_PERSON_ENDED);
  g_assert_cmpint (g_date_get_month (&card->ended_on), ==, G_DATE_FEBRUARY);
  g_clear_pointer (&card, sigap_person_card_free);

  card = sigap_find_participant_by_id (fixture->db, 999999, &as_of, &error);
  g_assert_no_error (error);
  g_assert_false (card->found);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SigapParticipantQuery) query = make_query (K1, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GPtrArray) rows = NULL;
  const SigapParticipantRow *row;

  query->descending = TRUE;
  rows = page (fixture, query, 0, 2);
  g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 250");
  g_assert_cmpstr (name_at (rows, 1), ==, "Peserta 249");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Status: active first; descending puts the 5 ended first, by name descending. */
  query->sort = SIGAP_PARTICIPANT_SORT_STATUS;
  rows = page (fixture, query, 0, 6);
  for (guint i = 0; i < 5; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_assert_false (row->active);
      g_assert_true (g_date_valid (&row->ended_on));
    }
  g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 250");
  g_assert_true (((SigapParticipantRow *) g_ptr_array_index (rows, 5))->active);
  g_clear_pointer (&rows, g_ptr_array_unref);

  query->descending = FALSE;
  rows = page (fixture, query, 245, 5);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_false (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->active);
  g_assert_cmpstr (name_at (rows, 0), ==, "Peserta 050");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Desil: 1 first (i % 10 = 0, not a multiple of 7: 10 first); unknown last either way. */
  query->sort = SIGAP_PARTICIPANT_SORT_DESIL;
  rows = page (fixture, query, 0, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->desil, ==, 1);
  g_assert_cmpstr (row->name, ==, "Peserta 010");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = page (fixture, query, 249, 1);
  g_assert_cmpint (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->desil, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query->descending = TRUE;
  rows = page (fixture, query, 0, 1);
  g_assert_cmpint (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->desil, ==, 10);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = page (fixture, query, 249, 1);
  g_assert_cmpint (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->desil, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* NIK: by the digits shown. */
  query->sort = SIGAP_PARTICIPANT_SORT_NIK;
  query->descending = FALSE;
  rows = page (fixture, query, 0, 1);
  g_assert_cmpstr (((SigapParticipantRow *) g_ptr_array_index (rows, 0))->nik_masked, ==,
                   "3275********0001");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Sector: in the sectors' own order; every page stays in that order. */
  query->sort = SIGAP_PARTICIPANT_SORT_SECTOR;
  rows = page (fixture, query, 0, 250);
  g_assert_cmpuint (rows->len, ==, 250);
  for (guint i = 1; i < rows->len; i++)
    {
      const SigapParticipantRow *a = g_ptr_array_index (rows, i - 1);
      const SigapParticipantRow *b = g_ptr_array_index (rows, i);

      if (g_strcmp0 (a->sector_code, b->sector_code) == 0)
        g_assert_cmpint (g_strcmp0 (a->name, b->name), <, 0);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  query->sort = SIGAP_PARTICIPANT_SORT_REGISTERED;
  rows = page (fixture, query, 0, 1);
  g_assert_cmpint (g_date_get_year (&((SigapParticipantRow *) g_ptr_array_index (rows, 0))
                                     ->registered_on), ==, 2026);
}

static void
assert_same_rows (GPtrArray  *all,
                  guint       offset,
                  GPtrArray  *rows,
                  guint       limit)
{
  g_assert_cmpuint (rows->len, ==, MIN (limit, all->len - MIN (all->len, offset)));
  for (guint i = 0; i < rows->len; i++)
    {
      const SigapParticipantRow *a = g_ptr_array_index (all, offset + i);
      const SigapParticipantRow *b = g_ptr_array_index (rows, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->nik_masked, ==, b->nik_masked);
      g_assert_cmpint (a->active, ==, b->active);
    }
}

/* Every page, in every order, whatever the conditions, read from the start, from the row
 * before it, from the row after it and from the end, is that part of the whole list. */
static void
test_pages_agree (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *searches[] = { NULL, "peserta 1", "7" };
  const guint limit = 7;

  for (int sort = SIGAP_PARTICIPANT_SORT_NAME; sort <= SIGAP_PARTICIPANT_SORT_STATUS; sort++)
    for (guint flags = 0; flags < 8 * G_N_ELEMENTS (searches); flags++)
      {
        g_autoptr(SigapParticipantQuery) query =
          make_query (K1, flags & 1 ? SIGAP_SEGMENT_RENTAN : SIGAP_SEGMENT_ALL);
        g_autoptr(GPtrArray) all = NULL;
        gint64 n;

        query->sort = sort;
        query->descending = (flags & 2) != 0;
        /* After every registration, the as-of condition is left out of the SQL. */
        if (flags & 4)
          g_date_set_dmy (&query->as_of, 31, G_DATE_DECEMBER, 2026);
        query->search = g_strdup (searches[flags / 8]);

        n = count (fixture, query);
        all = page (fixture, query, 0, 1000);
        g_assert_cmpint (all->len, ==, n);
        g_assert_cmpuint (all->len, >, 0);
        if (sort == SIGAP_PARTICIPANT_SORT_NAME)
          for (guint i = 1; i < all->len; i++)
            {
              const SigapParticipantRow *a = g_ptr_array_index (all, i - 1);
              const SigapParticipantRow *b = g_ptr_array_index (all, i);
              int cmp = g_strcmp0 (a->name, b->name);

              if (cmp == 0)
                cmp = a->id < b->id ? -1 : 1;
              g_assert_cmpint (query->descending ? -cmp : cmp, <, 0);
            }

        for (guint offset = 0; offset <= all->len + limit; offset += limit)
          {
            g_autoptr(GPtrArray) plain = page (fixture, query, offset, limit);
            g_autoptr(GError) error = NULL;
            SigapParticipantAnchor anchors[3];
            guint n_anchors = 0;

            assert_same_rows (all, offset, plain, limit);

            if (offset > 0 && offset <= all->len)
              {
                const SigapParticipantRow *before = g_ptr_array_index (all, offset - 1);

                anchors[n_anchors++] = (SigapParticipantAnchor) { offset - 1, before->id,
                                                                  before->name };
              }
            if (offset + limit < all->len)
              {
                const SigapParticipantRow *after = g_ptr_array_index (all, offset + limit);

                anchors[n_anchors++] = (SigapParticipantAnchor) { offset + limit, after->id,
                                                                  after->name };
              }
            anchors[n_anchors++] = (SigapParticipantAnchor) { all->len, 0, NULL };

            for (guint a = 0; a < n_anchors; a++)
              {
                g_autoptr(GPtrArray) rows =
                  sigap_participant_query_page_near (fixture->db, query, offset, limit,
                                                     &anchors[a], &error);

                g_assert_no_error (error);
                assert_same_rows (all, offset, rows, limit);
              }
          }
      }
}

static void
test_masked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SigapParticipantQuery) query = make_query (K1, SIGAP_SEGMENT_ALL);
  g_autoptr(GPtrArray) rows = page (fixture, query, 0, 1000);

  g_assert_cmpuint (rows->len, ==, 257);
  for (guint i = 0; i < rows->len; i++)
    {
      const SigapParticipantRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (strlen (row->nik_masked), ==, 16);
      g_assert_true (g_str_has_prefix (row->nik_masked, "3275********"));
      for (guint j = 12; j < 16; j++)
        g_assert_true (g_ascii_isdigit (row->nik_masked[j]));
    }
}

static void
test_query_equal (void)
{
  g_autoptr(SigapParticipantQuery) a = make_query (K1, SIGAP_SEGMENT_ALL);
  g_autoptr(SigapParticipantQuery) b = sigap_participant_query_copy (a);

  g_assert_true (sigap_participant_query_equal (a, b));
  b->search = g_strdup ("  ");
  g_assert_true (sigap_participant_query_equal (a, b));
  b->descending = TRUE;
  g_assert_false (sigap_participant_query_equal (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sigap/participants/paging-edges", Fixture, NULL, fixture_set_up,
              test_paging_edges, fixture_tear_down);
  g_test_add ("/sigap/participants/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/sigap/participants/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/sigap/participants/sort", Fixture, NULL, fixture_set_up, test_sort,
              fixture_tear_down);
  g_test_add ("/sigap/participants/pages-agree", Fixture, NULL, fixture_set_up,
              test_pages_agree, fixture_tear_down);
  g_test_add ("/sigap/participants/masked", Fixture, NULL, fixture_set_up, test_masked,
              fixture_tear_down);
  g_test_add_func ("/sigap/participants/query-equal", test_query_equal);
  g_test_add ("/sigap/participants/find-by-name", Fixture, NULL, fixture_set_up,
              test_find_by_name, fixture_tear_down);

  return g_test_run ();
}
