/* bench-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer's performance target: 1,000,000 participant lines in at most 15 s, and within
 * 3× the time the sqlite3 shell's own `.import` takes to load the same file into a bare table
 * (no indexes, no triggers, no checks), measured in the same run on the same machine; and
 * memory that stays flat: the peak resident set may grow by MAX_RSS_GROWTH_KIB at most,
 * whatever the number of lines (SIGAP_BENCH_LINES=2000000 shows the same figure as 1000000).
 *
 * Run by `meson test --benchmark`; SIGAP_BENCH_LINES overrides the number of lines, and
 * SIGAP_BENCH_KEEP=FILE keeps a copy of the generated CSV there (to profile `sigap import`).
 *
 * SIGAP_BENCH_PG=URI imports into that PostgreSQL database instead (an empty one: the schema
 * is created), and compares with `psql \copy` of the same file into a bare table of text
 * columns there; the 15 s limit is SQLite's alone.
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-import.h"

#define DEFAULT_LINES 1000000
#define MAX_SECONDS 15.0
#define MAX_RATIO 3.0
#define N_FIELDS 10
/* What the import may add to the peak resident set, whatever the file's size: SQLite's page
 * cache (64 MiB) and sorter, the pipeline's batches, the reference data. */
#define MAX_RSS_GROWTH_KIB (128 * 1024)

static const char * const kelurahan[] = {
  "Bekasijaya", "Margahayu", "Duren Jaya", "ARENJAYA", "Bintara", "Kranji", "Kota Baru",
  "32.75.02.1004", "Jakasampurna", "Pekayon Jaya", "Jaka Mulya", "Kayuringin Jaya",
  "Sepanjang Jaya", "Bojong Menteng", "Harapan Mulya", "kali baru", "Ciketing Udik",
  "Sumur Batu", "Jatibaru", "Pedurenan", "Mustika Sari", "32.75.09.1001", "32.75.10.1001",
};

static const char * const sectors[] = {
  "Ojek Pangkalan", "ojol", "Sopir Angkutan", "PKL", "pedagang keliling", "UMKM",
  "Kuli Bangunan", "buruh harian lepas", "Tukang Becak", "Pemulung", "Linmas", "Kader PKK",
  "guru honorer", "Ketua RT/RW", "marbot",
};

static const char * const given_names[] = {
  "Budi", "Siti", "Agus", "Dewi", "Joko", "Sri", "Ahmad", "Nur", "Rudi", "Ani", "Eko", "Wati",
};

static const char * const family_names[] = {
  "Santoso", "Rahayu", "Saputra", "Lestari", "Hidayat", "Wulandari", "Pratama", "Kurniawan",
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* VmHWM: the process's peak resident set, in KiB. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

static void
write_file (const char *path,
            gint64      n_lines)
{
  FILE *file = g_fopen (path, "wb");
  GRand *rand = g_rand_new_with_seed (20251105);

  g_assert_nonnull (file);
  fputs ("NIK;Nama Lengkap;Desa/Kelurahan;Jenis Pekerjaan;Desil;JK;Tgl Lahir;Tgl Daftar;"
         "No KPJ;Sumber Data\r\n", file);

  for (gint64 i = 0; i < n_lines; i++)
    {
      /* A distinct, valid NIK per line: the serial and the birth date run with i. */
      gint64 serial = i % 9999 + 1;
      gint64 birth = i / 9999;
      int day = (int) (birth % 28) + 1;
      int month = (int) (birth / 28 % 12) + 1;
      int year = 60 + (int) (birth / 336 % 40);
      gboolean woman = g_rand_boolean (rand);
      int kecamatan = g_rand_int_range (rand, 1, 13);

      char kpj[24] = "";

      /* One in ten has no KPJ number yet: a data-quality flag to write. */
      if (i % 10 != 0)
        g_snprintf (kpj, sizeof kpj, "%011" G_GINT64_FORMAT, i);

      fprintf (file,
               "'3275%02d%02d%02d%02d%04d;%s %s;%s;%s;%d;%s;%02d/%02d/19%02d;"
               "%d/%d/2025;%s;DTSEN\r\n",
               kecamatan, day + (woman ? 40 : 0), month, year, (int) serial,
               given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))],
               family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))],
               kelurahan[g_rand_int_range (rand, 0, G_N_ELEMENTS (kelurahan))],
               sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))],
               g_rand_int_range (rand, 1, 6), woman ? "P" : "L", day, month, year,
               g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13), kpj);
    }

  g_rand_free (rand);
  g_assert_cmpint (fclose (file), ==, 0);
}

static double
time_sqlite3_import (const char *dir,
                     const char *csv,
                     gint64      n_lines)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *db = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;
  gint64 start;
  double elapsed;

  if (sqlite3 == NULL)
    return -1;

  /* In CSV mode with the file's separator, so that each of its ten fields becomes a column
   * (".import --csv" would reset the separator to a comma and load each line as one field). */
  command = g_strdup_printf (".import %s bare", csv);
  {
    const char *argv[] = { sqlite3, "-csv", "-separator", ";", db, command, NULL };

    start = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                       NULL, &err, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("sqlite3 .import failed: %s %s\n", error != NULL ? error->message : "",
                    err != NULL ? err : "");
        return -1;
      }
  }

  elapsed = seconds_since (start);

  /* A fair comparison: every line loaded, in as many columns as the file has. */
  {
    const char *argv[] = { sqlite3, db,
                           "SELECT (SELECT count (*) FROM pragma_table_info ('bare')) || ' ' || "
                           "(SELECT count (*) FROM bare)", NULL };
    g_autofree char *out = NULL;
    g_autofree char *expected = g_strdup_printf ("%d %" G_GINT64_FORMAT "\n", N_FIELDS,
                                                 n_lines);

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, NULL, &status, NULL));
    g_assert_cmpstr (out, ==, expected);
  }

  return elapsed;
}

/* psql's \copy of the file into a bare table of N_FIELDS text columns on the server. */
static double
time_psql_copy (const char *uri,
                const char *csv,
                gint64      n_lines)
{
  g_autofree char *psql = g_find_program_in_path ("psql");
  g_autofree char *copy = NULL;
  g_autoptr(GString) create = g_string_new ("DROP TABLE IF EXISTS bench_bare; "
                                            "CREATE TABLE bench_bare (");
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "\n", n_lines);
  gint64 start;
  double elapsed;
  int status;

  if (psql == NULL)
    return -1;

  for (int i = 0; i < N_FIELDS; i++)
    g_string_append_printf (create, "%sc%d TEXT", i > 0 ? ", " : "", i + 1);
  g_string_append (create, ")");
  copy = g_strdup_printf ("\\copy bench_bare FROM '%s' WITH (FORMAT csv, DELIMITER ';', "
                          "HEADER true)", csv);

  {
    const char *argv[] = { psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c",
                           create->str, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", copy,
                           NULL };

    start = g_get_monotonic_time ();
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, NULL));
    elapsed = seconds_since (start);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { psql, "-X", "-At", "-d", uri, "-c",
                           "SELECT count (*) FROM bench_bare", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, NULL, &status, NULL));
    g_assert_cmpstr (out, ==, expected);
  }
  {
    const char *argv[] = { psql, "-X", "-q", "-d", uri, "-c", "DROP TABLE bench_bare", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, &status, NULL);
  }

  return elapsed;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-bench-import-XXXXXX", &error);
  g_autofree char *csv = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapImporter) importer = NULL;
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  const char *lines_env = g_getenv ("SIGAP_BENCH_LINES");
  const char *server = g_getenv ("SIGAP_BENCH_PG");
  gint64 n_lines = lines_env != NULL ? g_ascii_strtoll (lines_env, NULL, 10) : DEFAULT_LINES;
  gint64 rss_before, rss_after;
  GStatBuf st;
  double ours, theirs;
  gint64 start;
  gboolean ok = TRUE;

  g_assert_no_error (error);
  csv = g_build_filename (dir, "peserta.csv", NULL);
  db_path = g_build_filename (dir, "bench.sigap", NULL);

  start = g_get_monotonic_time ();
  write_file (csv, n_lines);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_print ("# wrote %" G_GINT64_FORMAT " lines, %.1f MiB, in %.2f s\n", n_lines,
           st.st_size / 1048576.0, seconds_since (start));
  if (g_getenv ("SIGAP_BENCH_KEEP") != NULL)
    write_file (g_getenv ("SIGAP_BENCH_KEEP"), n_lines);

  db = sigap_database_open (server != NULL ? server : db_path, SIGAP_DATABASE_OPEN_CREATE,
                            &error);
  g_assert_no_error (error);
  rss_before = peak_rss_kib ();

  importer = sigap_importer_new (SIGAP_IMPORT_PARTICIPANTS);
  file = g_file_new_for_path (csv);
  start = g_get_monotonic_time ();
  result = sigap_importer_run (importer, db, file, NULL, &error);
  ours = seconds_since (start);
  g_assert_no_error (error);
  rss_after = peak_rss_kib ();

  g_print ("# sigap import: %.2f s: read %" G_GINT64_FORMAT ", added %" G_GINT64_FORMAT
           ", rejected %" G_GINT64_FORMAT ", flagged %" G_GINT64_FORMAT "\n",
           ours, result->read, result->added, result->rejected, result->flagged);
  g_print ("# peak RSS: %" G_GINT64_FORMAT " KiB before the import, %" G_GINT64_FORMAT
           " KiB after (file: %" G_GINT64_FORMAT " KiB)\n",
           rss_before, rss_after, (gint64) st.st_size / 1024);

  if (rss_after - rss_before > MAX_RSS_GROWTH_KIB)
    {
      g_print ("not ok: the peak RSS grew by %" G_GINT64_FORMAT " KiB, more than %d KiB\n",
               rss_after - rss_before, MAX_RSS_GROWTH_KIB);
      ok = FALSE;
    }

  if (result->added != n_lines)
    {
      g_print ("not ok: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " lines added\n",
               result->added, n_lines);
      ok = FALSE;
    }

  if (server == NULL && ours > MAX_SECONDS * n_lines / DEFAULT_LINES)
    {
      g_print ("not ok: the import took %.2f s, more than %.1f s\n", ours,
               MAX_SECONDS * n_lines / DEFAULT_LINES);
      ok = FALSE;
    }

  theirs = server != NULL ? time_psql_copy (server, csv, n_lines)
                          : time_sqlite3_import (dir, csv, n_lines);
  if (theirs < 0)
    g_print ("# %s not found: the comparison is skipped\n", server != NULL ? "psql" : "sqlite3");
  else
    {
      g_print ("# %s into a bare table: %.2f s; ratio %.2f (limit %.1f)\n",
               server != NULL ? "psql \\copy" : "sqlite3 .import", theirs, ours / theirs,
               MAX_RATIO);
      if (ours > MAX_RATIO * theirs)
        {
          g_print ("not ok: %.2f s is more than %.1f x %.2f s\n", ours, MAX_RATIO, theirs);
          ok = FALSE;
        }
    }

  g_clear_object (&db);
  {
    const char *suffixes[] = { "peserta.csv", "bench.sigap", "bench.sigap-wal",
                               "bench.sigap-shm", "bare.db" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_build_filename (dir, suffixes[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }

  g_print ("%s\n", ok ? "ok: import within the targets" : "FAILED");
  return ok ? 0 : 1;
}
