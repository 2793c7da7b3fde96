/* test-demo.c: the demo database generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expectation is computed here, in SQL or by hand, from the rows in the file; none is
 * taken from the generator.
 */

#include <glib/gstdio.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-format.h"
#include "core/sigap-nik.h"

#define SMALL 3000

static char *test_dir;
static char *small_path;   /* SMALL participants, default seed */
static char *default_path; /* the story's own size, default seed */

/* --- Helpers -------------------------------------------------------------------------- */

static char *
make_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static void
generate (const char *path,
          gint64      participants,
          guint32     seed)
{
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options;

  sigap_demo_options_init (&options);
  options.participants = participants;
  options.seed = seed;

  g_assert_true (sigap_demo_generate (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static SigapDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  SigapDatabase *db = sigap_database_open (path, SIGAP_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static sqlite3_stmt *
prepare (SigapDatabase *db,
         const char    *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sigap_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

static gint64
query_int (SigapDatabase *db,
           const char    *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (SigapDatabase *db,
            const char    *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static double
query_double (SigapDatabase *db,
              const char    *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_double (stmt, 0);
}

/* SHA-256 over every row of the demo's tables in a fixed order; NULL differs from ''. */
static char *
hash_contents (const char *path)
{
  static const char * const queries[] = {
    "SELECT * FROM participant ORDER BY id",
    "SELECT * FROM payment ORDER BY id",
    "SELECT * FROM target ORDER BY id",
    "SELECT * FROM budget ORDER BY id",
    "SELECT * FROM import_batch ORDER BY id",
    "SELECT * FROM sigap_meta ORDER BY key",
    "SELECT * FROM tally_sector ORDER BY kelurahan_id, sector_id, month",
    "SELECT * FROM tally_desil ORDER BY kelurahan_id, segment, desil, month",
  };
  g_autoptr(SigapDatabase) db = open_db (path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (db, queries[q]);
      int rc;

      g_checksum_update (checksum, (const guchar *) queries[q], -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_checksum_update (checksum, (const guchar *) "\x01N", 2);
              else
                g_checksum_update (checksum, sqlite3_column_text (stmt, c), -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (test_dir, 0, NULL);
  const char *name;

  /* The temporary file is "<name>.XXXXXX" and must be gone, with its journal and WAL. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *dot = strrchr (name, '.');

      g_assert_false (g_str_has_suffix (name, "-journal"));
      g_assert_true (dot != NULL &&
                     (g_str_equal (dot, ".sigap") || g_str_has_prefix (dot, ".sigap-")));
    }
}

/* --- Tests ---------------------------------------------------------------------------- */

static void
test_determinism (void)
{
  g_autofree char *again = make_path ("again.sigap");
  g_autofree char *other = make_path ("other.sigap");
  g_autofree char *hash_small = hash_contents (small_path);
  g_autofree char *hash_again = NULL;
  g_autofree char *hash_other = NULL;

  generate (again, SMALL, SIGAP_DEMO_DEFAULT_SEED);
  generate (other, SMALL, 7);

  hash_again = hash_contents (again);
  hash_other = hash_contents (other);
  g_assert_cmpstr (hash_small, ==, hash_again);
  g_assert_cmpstr (hash_small, !=, hash_other);

  /* Same size, other seed: the same story in figures, other people. */
  {
    g_autoptr(SigapDatabase) db = open_db (other);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, SMALL);
  }

  g_remove (again);
  g_remove (other);
}

static void
test_valid_database (void)
{
  g_autoptr(SigapDatabase) db = open_db (small_path);
  g_autofree char *integrity = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(sqlite3_stmt) fk = NULL;

  g_assert_cmpint (sigap_database_get_schema_version (db), ==,
                   sigap_database_latest_schema_version ());

  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  fk = prepare (db, "PRAGMA foreign_key_check");
  g_assert_cmpint (sqlite3_step (fk), ==, SQLITE_DONE);

  /* At rest in rollback mode: a reader needs no -wal or -shm beside it (issue 14). */
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, SMALL);

  /* The bulk load put back every index and trigger of participant the schema defines. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = "
                                  "'participant' AND type = 'index' AND sql IS NOT NULL"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = "
                                  "'participant' AND type = 'trigger'"), ==, 5);

  assert_no_leftovers ();
}

static void
test_cutoff (void)
{
  g_autoptr(SigapDatabase) db = open_db (small_path);
  g_autofree char *meta = sigap_database_get_meta (db, "data_cutoff");
  g_autofree char *latest = NULL;
  GDate cutoff;

  g_assert_cmpstr (meta, ==, "2026-10-31");
  g_assert_true (sigap_database_get_cutoff (db, &cutoff));
  g_assert_cmpint (g_date_get_year (&cutoff), ==, 2026);

  latest = query_text (db,
                       "SELECT max (max (registered_on), max (ifnull (ended_on, '')),"
                       "            (SELECT max (paid_on) FROM payment)) FROM participant");
  g_assert_cmpstr (latest, <=, "2026-10-31");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment "
                                  "WHERE paid_on > '2026-10-31' OR period_start > paid_on"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant "
                                  "WHERE birth_date >= registered_on "
                                  "   OR ended_on < registered_on "
                                  "   OR (ended_on IS NULL) <> (end_reason IS NULL)"), ==, 0);

  /* SIGAP launched on 5 November 2025; the ekosistem was there before. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p "
                                  "JOIN sector s ON s.id = p.sector_id "
                                  "WHERE s.segment = 'rentan' AND registered_on < '2025-11-05'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p "
                                  "JOIN sector s ON s.id = p.sector_id "
                                  "WHERE s.segment = 'ekosistem' "
                                  "AND registered_on >= '2025-11-05'"),
                   ==, 0);

  /* The demo batch owns every row. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE batch_id IS NULL OR "
                                  "batch_id <> (SELECT id FROM import_batch WHERE kind = 'demo')"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT rows_added FROM import_batch WHERE kind = 'demo'"),
                   ==, SMALL);
}

static void
test_everything_used (void)
{
  g_autoptr(SigapDatabase) db = open_db (small_path);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM region WHERE level = 'kelurahan'"),
                   ==, 56);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kelurahan_id) FROM participant"),
                   ==, 56);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT sector_id) FROM participant"),
                   ==, query_int (db, "SELECT count(*) FROM sector"));
  /* Every participant lives in a kelurahan, not a kecamatan. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p JOIN region r "
                                  "ON r.id = p.kelurahan_id WHERE r.level <> 'kelurahan'"), ==, 0);
  /* Every kecamatan has rentan participants active at the cut-off. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT k.parent_id) FROM participant p "
                                  "JOIN region k ON k.id = p.kelurahan_id "
                                  "JOIN sector s ON s.id = p.sector_id "
                                  "WHERE s.segment = 'rentan' AND ended_on IS NULL"), ==, 12);
}

static void
check_targets (const char *path,
               gboolean    story_size)
{
  g_autoptr(SigapDatabase) db = open_db (path);
  g_autoptr(sqlite3_stmt) city = NULL;
  guint n_city = 0;

  /* Each city figure has one row per kelurahan, and the kelurahan add up to it exactly. */
  city = prepare (db, "SELECT t.year, t.segment, t.count, "
                      "  (SELECT count(*) FROM target k JOIN region r ON r.id = k.region_id "
                      "   WHERE r.level = 'kelurahan' AND k.year = t.year "
                      "     AND k.segment = t.segment AND k.sector_id IS NULL), "
                      "  (SELECT sum (k.count) FROM target k JOIN region r ON r.id = k.region_id "
                      "   WHERE r.level = 'kelurahan' AND k.year = t.year "
                      "     AND k.segment = t.segment AND k.sector_id IS NULL) "
                      "FROM target t JOIN region c ON c.id = t.region_id "
                      "WHERE c.level = 'kota' AND t.sector_id IS NULL ORDER BY 1, 2");
  while (sqlite3_step (city) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (city, 0);
      const char *segment = (const char *) sqlite3_column_text (city, 1);
      gint64 count = sqlite3_column_int64 (city, 2);

      g_assert_cmpint (sqlite3_column_int (city, 3), ==, 56);
      g_assert_cmpint (sqlite3_column_int64 (city, 4), ==, count);

      if (story_size)
        {
          gint64 expected = g_str_equal (segment, "rentan") ? (year == 2025 ? 26500 : 10000)
                                                             : (year == 2025 ? 43500 : 44000);

          g_assert_cmpint (count, ==, expected);
        }
      n_city++;
    }
  g_assert_cmpuint (n_city, ==, 4);

  /* No kecamatan rows: their figure is the sum of their kelurahan. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target t JOIN region r "
                                  "ON r.id = t.region_id WHERE r.level = 'kecamatan'"), ==, 0);

  /* 2026's rentan target by sector: every rentan sector, summing to the city figure. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target WHERE sector_id IS NOT NULL"),
                   ==, query_int (db, "SELECT count(*) FROM sector WHERE segment = 'rentan'"));
  g_assert_cmpint (query_int (db, "SELECT sum (count) FROM target WHERE sector_id IS NOT NULL "
                                  "AND year = 2026 AND segment = 'rentan'"),
                   ==, query_int (db, "SELECT count FROM target t JOIN region r "
                                      "ON r.id = t.region_id WHERE r.level = 'kota' "
                                      "AND t.sector_id IS NULL AND year = 2026 "
                                      "AND segment = 'rentan'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM target t JOIN sector s "
                                  "ON s.id = t.sector_id WHERE s.segment <> t.segment"), ==, 0);
}

static void
test_targets (void)
{
  check_targets (small_path, FALSE);
  check_targets (default_path, TRUE);
}

static void
check_payments (const char *path)
{
  g_autoptr(SigapDatabase) db = open_db (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  /* Whole months, paid for everyone active on the day of the SP2D, at the premium in force
   * at the start of the period. */
  stmt = prepare (db,
                  "SELECT p.id, p.amount, p.participants, "
                  "  (CAST (strftime ('%Y', period_end) AS INTEGER) * 12 "
                  "   + CAST (strftime ('%m', period_end) AS INTEGER)) "
                  "  - (CAST (strftime ('%Y', period_start) AS INTEGER) * 12 "
                  "     + CAST (strftime ('%m', period_start) AS INTEGER)) + 1, "
                  "  (SELECT sum (monthly) FROM premium_rate r WHERE valid_from = "
                  "     (SELECT max (valid_from) FROM premium_rate q "
                  "      WHERE q.program = r.program AND q.valid_from <= p.period_start)), "
                  "  (SELECT count(*) FROM participant x JOIN sector s ON s.id = x.sector_id "
                  "   WHERE s.segment = p.segment AND x.registered_on <= p.paid_on "
                  "     AND (x.ended_on IS NULL OR x.ended_on > p.paid_on)), "
                  "  strftime ('%d', period_start), "
                  "  strftime ('%d', date (period_end, '+1 day')) "
                  "FROM payment p ORDER BY p.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 1);
      gint64 participants = sqlite3_column_int64 (stmt, 2);
      gint64 months = sqlite3_column_int64 (stmt, 3);
      gint64 premium = sqlite3_column_int64 (stmt, 4);

      g_assert_cmpint (premium, ==, 16800);
      g_assert_cmpint (months, >=, 1);
      g_assert_cmpint (amount, ==, participants * premium * months);
      g_assert_cmpint (participants, ==, sqlite3_column_int64 (stmt, 5));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 6), ==, "01");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 7), ==, "01");
      n++;
    }
  g_assert_cmpuint (n, ==, 32);

  /* Ekosistem every month of 2025 and 2026 up to October; rentan from its launch, one SP2D for
   * November 2025 to January 2026, then monthly. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment WHERE segment = 'ekosistem' "
                                  "AND substr (period_start, 1, 7) <> substr (period_end, 1, 7)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT substr (period_start, 1, 7)) "
                                  "FROM payment WHERE segment = 'ekosistem'"), ==, 22);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment WHERE segment = 'rentan' "
                                  "AND period_start = '2025-11-01' "
                                  "AND period_end = '2026-01-31' AND paid_on LIKE '2025-12-%'"),
                   ==, 1);
  /* Periods of one segment never overlap. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment a JOIN payment b "
                                  "ON a.segment = b.segment AND a.id < b.id "
                                  "AND a.period_start <= b.period_end "
                                  "AND b.period_start <= a.period_end"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment WHERE sp2d_number NOT GLOB "
                                  "'[0-9][0-9][0-9][0-9]/SP2D/LS/BPKAD/20[0-9][0-9]' "
                                  "OR substr (sp2d_number, -4) <> substr (paid_on, 1, 4)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM payment "
                                  "WHERE strftime ('%w', paid_on) IN ('0', '6')"), ==, 0);
}

static void
test_payments (void)
{
  check_payments (small_path);
  check_payments (default_path);
}

/* The tallies the bulk load counted are those the schema's triggers make of the same rows:
 * copy the participants into a fresh database, where the triggers run, and compare. */
static void
test_tallies (void)
{
  g_autofree char *fresh_path = make_path ("fresh.sigap");
  g_autoptr(SigapDatabase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) attach = NULL;

  fresh = sigap_database_open (fresh_path, SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  attach = prepare (fresh, "ATTACH ? AS demo");
  sqlite3_bind_text (attach, 1, small_path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (attach), ==, SQLITE_DONE);
  g_assert_true (sigap_database_exec (fresh,
                                      "INSERT INTO import_batch SELECT * FROM demo.import_batch;"
                                      "INSERT INTO participant SELECT * FROM demo.participant;",
                                      &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fresh, "SELECT count(*) FROM tally_sector"), >, 0);
  g_assert_cmpint (query_int (fresh, "SELECT count(*) FROM demo.tally_sector"), ==,
                   query_int (fresh, "SELECT count(*) FROM tally_sector"));
  g_assert_cmpint (query_int (fresh, "SELECT count(*) FROM demo.tally_desil"), ==,
                   query_int (fresh, "SELECT count(*) FROM tally_desil"));
  g_assert_cmpint (query_int (fresh, "SELECT count(*) FROM (SELECT * FROM tally_sector "
                                     "EXCEPT SELECT * FROM demo.tally_sector)"), ==, 0);
  g_assert_cmpint (query_int (fresh, "SELECT count(*) FROM (SELECT * FROM tally_desil "
                                     "EXCEPT SELECT * FROM demo.tally_desil)"), ==, 0);

  g_clear_object (&fresh);
  g_remove (fresh_path);
}

static void
test_participants (void)
{
  g_autoptr(SigapDatabase) db = open_db (small_path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0, in_city = 0, same_kecamatan = 0, no_kpj = 0;

  stmt = prepare (db, "SELECT p.nik, p.sex, p.birth_date, p.registered_on, p.kpj_number, "
                      "  p.name, replace (substr (k.code, 1, 8), '.', '') "
                      "FROM participant p JOIN region k ON k.id = p.kelurahan_id ORDER BY p.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      const char *nik = (const char *) sqlite3_column_text (stmt, 0);
      const char *sex = (const char *) sqlite3_column_text (stmt, 1);
      const char *kpj = (const char *) sqlite3_column_text (stmt, 4);
      const char *name = (const char *) sqlite3_column_text (stmt, 5);
      const char *kecamatan = (const char *) sqlite3_column_text (stmt, 6);
      SigapNikInfo info;
      GDate birth, registered, adult, oldest;

      g_assert_true (sigap_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &birth));
      g_assert_true (sigap_date_parse_iso ((const char *) sqlite3_column_text (stmt, 3),
                                           &registered));

      /* The NIK parses, and says the same birth date and sex as the row. */
      g_assert_true (sigap_nik_parse (nik, &registered, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_compare (&info.birth_date, &birth), ==, 0);
      g_assert_cmpint (info.sex, ==, sex[0]);
      g_assert_cmpuint (info.serial, >=, 1);

      /* 18 to 60 years old on the day of registration. */
      adult = birth;
      g_date_add_years (&adult, 18);
      oldest = birth;
      g_date_add_years (&oldest, 61);
      g_assert_cmpint (g_date_compare (&adult, &registered), <=, 0);
      g_assert_cmpint (g_date_compare (&registered, &oldest), <, 0);

      if (sigap_nik_is_kota_bekasi (nik))
        in_city++;
      if (strncmp (nik, kecamatan, 6) == 0)
        same_kecamatan++;

      if (kpj == NULL)
        no_kpj++;
      else
        {
          g_assert_cmpuint (strlen (kpj), ==, 11);
          for (const char *p = kpj; *p != '\0'; p++)
            g_assert_true (g_ascii_isdigit (*p));
        }

      g_assert_true (name != NULL && g_utf8_validate (name, -1, NULL) && strlen (name) >= 2);
      n++;
    }
  g_assert_cmpuint (n, ==, SMALL);

  /* Mostly NIKs of the city, usually of the kecamatan of the address: people move. */
  g_assert_cmpuint (in_city, >=, n * 90 / 100);
  g_assert_cmpuint (in_city, <, n);
  g_assert_cmpuint (same_kecamatan, >=, n * 85 / 100);
  g_assert_cmpuint (same_kecamatan, <, in_city);
  /* About 2 % without a KPJ number yet. */
  g_assert_cmpuint (no_kpj, >=, n / 200);
  g_assert_cmpuint (no_kpj, <=, n * 5 / 100);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE sex NOT IN ('L', 'P') "
                                  "OR sex IS NULL OR funding_source <> 'APBD' OR source IS NULL"),
                   ==, 0);
}

/* The same notes an import would attach: computed here from the rows. */
static void
test_flags (void)
{
  g_autoptr(SigapDatabase) db = open_db (default_path);

  /* Desil 6..10 is a note for the rentan segment only; the story has ekosistem workers
   * there too, who must carry none. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag WHERE kind = 'desil'"),
                   ==, query_int (db, "SELECT count(*) FROM participant p JOIN sector s "
                                      "ON s.id = p.sector_id "
                                      "WHERE p.desil >= 6 AND s.segment = 'rentan'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant p JOIN sector s "
                                  "ON s.id = p.sector_id "
                                  "WHERE p.desil >= 6 AND s.segment = 'ekosistem'"), >, 0);

  /* The notes' tally counts what the notes are, however the bulk load wrote them. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ("
                                  " SELECT p.kelurahan_id, s.segment, f.kind,"
                                  "  substr (p.registered_on, 1, 7) AS month, count(*) AS n"
                                  " FROM participant_flag f JOIN participant p"
                                  "  ON p.id = f.participant_id"
                                  " JOIN sector s ON s.id = p.sector_id GROUP BY 1, 2, 3, 4"
                                  " EXCEPT SELECT kelurahan_id, segment, kind, month, registered"
                                  " FROM tally_flag WHERE registered <> 0)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT sum (registered) FROM tally_flag"), ==,
                   query_int (db, "SELECT count(*) FROM participant_flag"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag f JOIN participant p "
                                  "ON p.id = f.participant_id WHERE f.kind = 'desil' "
                                  "AND (p.desil < 6 OR f.detail <> CAST (p.desil AS TEXT))"),
                   ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag "
                                  "WHERE kind = 'nik-region'"),
                   ==, query_int (db, "SELECT count(*) FROM participant "
                                      "WHERE nik NOT LIKE '3275%'"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag f JOIN participant p "
                                  "ON p.id = f.participant_id WHERE f.kind = 'nik-region' "
                                  "AND f.detail <> substr (p.nik, 1, 2) || '.' || "
                                  "substr (p.nik, 3, 2)"), ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag "
                                  "WHERE kind = 'kpj-missing' AND detail IS NULL"),
                   ==, query_int (db, "SELECT count(*) FROM participant "
                                      "WHERE kpj_number IS NULL"));

  /* Everyone was 18 to 60 when registered: nothing for the age note. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag WHERE kind = 'age'"),
                   ==, 0);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag WHERE batch_id IS NULL "
                                  "OR batch_id <> (SELECT id FROM import_batch)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT rows_flagged FROM import_batch"),
                   ==, query_int (db, "SELECT count(DISTINCT participant_id) "
                                      "FROM participant_flag"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant_flag"), >, 0);
}

/* The story of the seeds, at its own size. */
static void
test_story (void)
{
  g_autoptr(SigapDatabase) db = open_db (default_path);
  static const char active_rentan[] =
    "SELECT count(*) FROM participant p JOIN sector s ON s.id = p.sector_id "
    "WHERE s.segment = 'rentan' AND registered_on <= '%s' "
    "AND (ended_on IS NULL OR ended_on > '%s')";
  g_autofree char *at_2025 = g_strdup_printf (active_rentan, "2025-12-31", "2025-12-31");
  g_autofree char *at_cutoff = g_strdup_printf (active_rentan, "2026-10-31", "2026-10-31");
  gint64 total = query_int (db, "SELECT count(*) FROM participant");
  gint64 active_2026;
  gint64 ekosistem_at_launch;
  double lowest, highest, desil_1_3, desil_unknown, desil_high;

  g_assert_cmpint (total, ==, sigap_demo_default_participants ());

  /* Phase 1: 11,666 workers, 44 % of the 2025 target of 26,500. */
  g_assert_cmpint (query_int (db, at_2025), ==, 11666);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant "
                                  "WHERE registered_on = '2025-11-05'"), >, 11666 / 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant "
                                  "WHERE registered_on LIKE '2025-11-%'"), ==, 11666);

  /* 2026: around the target of 10,000 after the re-verification and the new enrolments. */
  active_2026 = query_int (db, at_cutoff);
  g_assert_cmpint (active_2026, >=, 9500);
  g_assert_cmpint (active_2026, <=, 10300);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT substr (registered_on, 1, 7)) "
                                  "FROM participant WHERE registered_on >= '2026-01-01'"), ==, 9);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE end_reason = "
                                  "'Tidak lolos verifikasi DTSEN 2026' AND ended_on NOT BETWEEN "
                                  "'2026-01-01' AND '2026-03-31'"), ==, 0);

  /* Ekosistem: about 43,000 at the launch. */
  ekosistem_at_launch = query_int (db, "SELECT count(*) FROM participant p JOIN sector s "
                                       "ON s.id = p.sector_id WHERE s.segment = 'ekosistem' "
                                       "AND registered_on <= '2025-11-05' "
                                       "AND (ended_on IS NULL OR ended_on > '2025-11-05')");
  g_assert_cmpint (ekosistem_at_launch, >=, 42500);
  g_assert_cmpint (ekosistem_at_launch, <=, 43500);

  /* Endings stay modest overall. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE ended_on IS NOT NULL"),
                   >=, total * 3 / 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant WHERE ended_on IS NOT NULL"),
                   <=, total * 15 / 100);

  /* Some kecamatan lag, some overshoot their 2026 rentan target. */
  lowest = query_double (db,
    "WITH cov AS (SELECT k.parent_id, "
    "  (SELECT count(*) FROM participant p JOIN region r ON r.id = p.kelurahan_id "
    "   JOIN sector s ON s.id = p.sector_id WHERE r.parent_id = k.parent_id "
    "   AND s.segment = 'rentan' AND ended_on IS NULL) * 100.0 / sum (t.count) AS pct "
    "  FROM target t JOIN region k ON k.id = t.region_id "
    "  WHERE t.year = 2026 AND t.segment = 'rentan' AND t.sector_id IS NULL "
    "  AND k.level = 'kelurahan' GROUP BY k.parent_id) SELECT min (pct) FROM cov");
  highest = query_double (db,
    "WITH cov AS (SELECT k.parent_id, "
    "  (SELECT count(*) FROM participant p JOIN region r ON r.id = p.kelurahan_id "
    "   JOIN sector s ON s.id = p.sector_id WHERE r.parent_id = k.parent_id "
    "   AND s.segment = 'rentan' AND ended_on IS NULL) * 100.0 / sum (t.count) AS pct "
    "  FROM target t JOIN region k ON k.id = t.region_id "
    "  WHERE t.year = 2026 AND t.segment = 'rentan' AND t.sector_id IS NULL "
    "  AND k.level = 'kelurahan' GROUP BY k.parent_id) SELECT max (pct) FROM cov");
  g_test_message ("kecamatan coverage 2026: %.1f %% to %.1f %%", lowest, highest);
  g_assert_cmpfloat (lowest, >=, 55.0);
  g_assert_cmpfloat (lowest, <=, 78.0);
  g_assert_cmpfloat (highest, >=, 108.0);
  g_assert_cmpfloat (highest, <=, 125.0);

  /* Desil 1-3 first, widened to 5; a few above, a few unknown (first phase). */
  desil_1_3 = query_double (db, "SELECT avg (desil BETWEEN 1 AND 3) FROM participant "
                                "WHERE registered_on LIKE '2025-11-%'");
  desil_high = query_double (db, "SELECT avg (ifnull (desil, 0) >= 6) FROM participant "
                                 "WHERE registered_on LIKE '2025-11-%'");
  desil_unknown = query_double (db, "SELECT avg (desil IS NULL) FROM participant "
                                    "WHERE registered_on LIKE '2025-11-%'");
  g_assert_cmpfloat (desil_1_3, >, 0.55);
  g_assert_cmpfloat (desil_high, >, 0.01);
  g_assert_cmpfloat (desil_high, <, 0.05);
  g_assert_cmpfloat (desil_unknown, >, 0.003);
  g_assert_cmpfloat (desil_unknown, <, 0.03);

  /* Ojek are the priority: the two largest sectors of the first phase. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT s.code FROM participant p "
                                  "JOIN sector s ON s.id = p.sector_id "
                                  "WHERE registered_on LIKE '2025-11-%' GROUP BY s.code "
                                  "ORDER BY count(*) DESC LIMIT 2) "
                                  "WHERE code IN ('ojek-pangkalan', 'ojek-online')"), ==, 2);

  /* Money: about Rp580 juta by December 2025 against Rp600 juta; Rp2 miliar in 2026. */
  g_assert_cmpint (query_int (db, "SELECT sum (amount) FROM payment WHERE segment = 'rentan' "
                                  "AND paid_on <= '2025-12-31'"), ==, 11666 * 16800 * 3);
  g_assert_cmpint (query_int (db, "SELECT pagu FROM budget WHERE year = 2025 "
                                  "AND segment = 'rentan'"), ==, 600000000);
  g_assert_cmpint (query_int (db, "SELECT pagu FROM budget WHERE year = 2026 "
                                  "AND segment = 'rentan'"), ==, 2000000000);
  g_assert_cmpint (query_int (db, "SELECT pagu FROM budget WHERE year = 2026 "
                                  "AND segment = 'ekosistem'"), ==, 8900000000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM budget WHERE funding_source <> 'APBD'"),
                   ==, 0);
  /* Nothing overspent. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM budget b WHERE pagu < "
                                  "(SELECT sum (amount) FROM payment p WHERE p.segment = b.segment "
                                  " AND substr (p.paid_on, 1, 4) = CAST (b.year AS TEXT))"), ==, 0);

  {
    g_autofree char *batch = g_strdup_printf ("SELECT count(*) FROM import_batch "
                                              "WHERE kind = 'demo' AND file_name = 'demo' "
                                              "AND checksum = 'seed=20251105 participants=%"
                                              G_GINT64_FORMAT "'", total);

    g_assert_cmpint (query_int (db, batch), ==, 1);
  }
}

static void
test_refuse_overwrite (void)
{
  g_autofree char *path = make_path ("existing.sigap");
  g_autofree char *wal = make_path ("existing.sigap-wal");
  g_autofree char *shm = make_path ("existing.sigap-shm");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options;

  sigap_demo_options_init (&options);
  options.participants = 100;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  g_assert_false (sigap_demo_generate (path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "not a database");
  g_clear_error (&error);

  /* With force it is replaced; a stale WAL of the old file must not be replayed into it. */
  g_assert_true (g_file_set_contents (wal, "stale write-ahead log", -1, NULL));
  g_assert_true (sigap_demo_generate (path, &options, TRUE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(SigapDatabase) db = open_db (path);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, 100);
  }

  assert_no_leftovers ();
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static void
test_bad_size (void)
{
  g_autofree char *path = make_path ("bad.sigap");
  g_autoptr(GError) error = NULL;
  SigapDemoOptions options;

  sigap_demo_options_init (&options);
  options.participants = SIGAP_DEMO_MAX_PARTICIPANTS + 1;
  g_assert_false (sigap_demo_generate (path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.participants = -1;
  g_assert_false (sigap_demo_generate (path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_tiny (void)
{
  g_autofree char *path = make_path ("tiny.sigap");

  for (gint64 n = 1; n <= 30; n += 29)
    {
      generate (path, n, SIGAP_DEMO_DEFAULT_SEED);
      {
        g_autoptr(SigapDatabase) db = open_db (path);

        g_assert_cmpint (query_int (db, "SELECT count(*) FROM participant"), ==, n);
      }
      check_targets (path, FALSE);
      check_payments (path);
    }

  g_remove (path);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_after;
  double        last;
  guint         calls;
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  data->last = fraction;
  data->calls++;

  if (data->cancellable != NULL && fraction > data->cancel_after)
    g_cancellable_cancel (data->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *path = make_path ("cancelled.sigap");
  g_autoptr(GError) error = NULL;
  ProgressData data = { NULL, 1.0, 0.0, 0 };
  SigapDemoOptions options;

  sigap_demo_options_init (&options);
  options.participants = 20000;

  g_assert_true (sigap_demo_generate (path, &options, FALSE, progress_cb, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (data.last, ==, 1.0);
  g_assert_cmpuint (data.calls, >=, 10);
  g_assert_cmpuint (data.calls, <=, 500);
  g_remove (path);

  /* Cancelled while writing rows, then while building the indexes: an error, and no file
   * at all, temporary or not. */
  for (guint i = 0; i < 2; i++)
    {
      data = (ProgressData) { g_cancellable_new (), i == 0 ? 0.3 : 0.81, 0.0, 0 };
      g_assert_false (sigap_demo_generate (path, &options, FALSE, progress_cb, &data,
                                           data.cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpfloat (data.last, >, data.cancel_after);
      g_assert_cmpfloat (data.last, <, 0.99);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      assert_no_leftovers ();
      g_clear_object (&data.cancellable);
      g_clear_error (&error);
    }
}

static void
remove_test_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (test_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = make_path (name);

      g_remove (path);
    }
  g_rmdir (test_dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("sigap-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  small_path = make_path ("small.sigap");
  default_path = make_path ("default.sigap");
  generate (small_path, SMALL, SIGAP_DEMO_DEFAULT_SEED);
  generate (default_path, 0, SIGAP_DEMO_DEFAULT_SEED);

  g_test_add_func ("/sigap/demo/determinism", test_determinism);
  g_test_add_func ("/sigap/demo/valid-database", test_valid_database);
  g_test_add_func ("/sigap/demo/cutoff", test_cutoff);
  g_test_add_func ("/sigap/demo/everything-used", test_everything_used);
  g_test_add_func ("/sigap/demo/targets", test_targets);
  g_test_add_func ("/sigap/demo/payments", test_payments);
  g_test_add_func ("/sigap/demo/tallies", test_tallies);
  g_test_add_func ("/sigap/demo/participants", test_participants);
  g_test_add_func ("/sigap/demo/flags", test_flags);
  g_test_add_func ("/sigap/demo/story", test_story);
  g_test_add_func ("/sigap/demo/refuse-overwrite", test_refuse_overwrite);
  g_test_add_func ("/sigap/demo/bad-size", test_bad_size);
  g_test_add_func ("/sigap/demo/tiny", test_tiny);
  g_test_add_func ("/sigap/demo/progress-and-cancel", test_progress_and_cancel);

  result = g_test_run ();

  remove_test_dir ();
  g_free (small_path);
  g_free (default_path);
  g_free (test_dir);

  return result;
}
