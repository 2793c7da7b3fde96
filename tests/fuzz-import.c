/* fuzz-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the CSV reader, the row validation and the database writes: every
 * input is imported into an in-memory database, with the rejected-lines file written to
 * memory, so the reader, header matching, every kind's rules (participants, targets, budget,
 * payments), the commit and bulk paths and the rejection writer all see it.
 *
 * The first byte steers: bits 0-1 pick the kind, bit 2 puts a valid header (all the kind's
 * columns) before the rest so that the fuzzer reaches the row rules at once, bits 3-4 pick the
 * header's separator, bit 5 forces the bulk path of participant imports, bit 6 commits the
 * import instead of a dry run. A committed import goes into a database that is put back to
 * its freshly made state afterwards (SQLite's backup API), so every input starts alike.
 *
 * Built only with -Dfuzzing=true (clang; it adds ASan, UBSan and libFuzzer's coverage):
 * `CC=clang meson setup -Dfuzzing=true _build-fuzz`, then `_build-fuzz/tests/fuzz-import
 * CORPUS_DIR tests/data/fuzz` or `meson test -C _build-fuzz --suite fuzz` (a minute, as CI).
 */

#include <stdint.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-import.h"
#include "core/sigap-import-private.h"
#include "core/sigap-import-value.h"

/* A fuzzer without sanitizers only finds crashes: -Dfuzzing=true must have added them. */
#if !__has_feature (address_sanitizer) || !__has_feature (undefined_behavior_sanitizer)
#error "fuzz-import needs AddressSanitizer and UBSan: configure with -Dfuzzing=true and clang"
#endif

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Dry runs read this one; committed imports write into commit_db, which is copied back from
 * pristine_db (never written) after each. */
static SigapDatabase *db;
static SigapDatabase *commit_db;
static SigapDatabase *pristine_db;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  db = sigap_database_open (":memory:", SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  commit_db = sigap_database_open (":memory:", SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pristine_db = sigap_database_open (":memory:", SIGAP_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return 0;
}

static void
restore_commit_db (void)
{
  sqlite3_backup *backup = sqlite3_backup_init (sigap_database_get_handle (commit_db), "main",
                                                sigap_database_get_handle (pristine_db),
                                                "main");

  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
}

/* The value parsers on their own, on the first line of the input. */
static void
fuzz_values (const uint8_t *data,
             size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, MIN (size, 64));
  char *end = strchr (text, '\n');
  GDate date;
  gint64 value;
  int year, month, desil;
  char sex;

  if (end != NULL)
    *end = '\0';

  sigap_import_parse_date (text, &date, NULL);
  sigap_import_parse_month (text, &year, &month, NULL);
  sigap_import_parse_money (text, &value, NULL);
  sigap_import_parse_count (text, &value, NULL);
  sigap_import_parse_desil (text, &desil, NULL);
  sigap_import_parse_sex (text, &sex, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { ',', ';', '\t', '|' };
  g_autoptr(SigapImporter) importer = NULL;
  g_autoptr(SigapImportResult) result = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) rejects = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  SigapImportKind kind;
  GDate today;
  gboolean commit;
  guint8 steer;

  if (size < 1)
    return 0;

  steer = data[0];
  kind = (SigapImportKind) (steer & 3);
  commit = (steer & 64) != 0;

  if (steer & 4)
    {
      char separator = separators[(steer >> 3) & 3];

      for (int required = 1; required >= 0; required--)
        {
          const char * const *names = sigap_import_kind_columns (kind, required);

          for (guint i = 0; names[i] != NULL; i++)
            {
              if (bytes->len > 0)
                g_byte_array_append (bytes, (const guint8 *) &separator, 1);
              g_byte_array_append (bytes, (const guint8 *) names[i], (guint) strlen (names[i]));
            }
        }
      g_byte_array_append (bytes, (const guint8 *) "\n", 1);
    }
  g_byte_array_append (bytes, data + 1, (guint) (size - 1));

  fuzz_values (data + 1, size - 1);

  importer = sigap_importer_new (kind);
  sigap_importer_set_dry_run (importer, !commit);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 1, 2026);
  sigap_importer_set_today (importer, &today);
  rejects = g_memory_output_stream_new_resizable ();
  sigap_importer_set_rejects_stream (importer, rejects);
  if (steer & 32)
    _sigap_importer_set_bulk (importer, SIGAP_IMPORT_BULK_ALWAYS);

  input = g_memory_input_stream_new_from_data (bytes->data, bytes->len, NULL);
  result = sigap_importer_run_stream (importer, commit ? commit_db : db, input, "fuzz.csv",
                                      bytes->len, NULL, &error);

  /* Either the file was processed, or it could not be, with a reason. */
  g_assert_true ((result != NULL) != (error != NULL));
  if (result != NULL)
    g_assert_cmpint (result->read, ==, result->added + result->updated + result->unchanged +
                                       result->rejected);
  else
    g_assert_true (error->domain == SIGAP_IMPORT_ERROR);

  if (commit)
    {
      /* Whatever happened, the transaction is over: the database is usable again. */
      g_assert_true (sqlite3_get_autocommit (sigap_database_get_handle (commit_db)));
      restore_commit_db ();
    }

  return 0;
}
