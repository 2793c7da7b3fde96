/* test-report.c: the PDF briefing, end to end
 *
 * One demo database (the story's 57,166 participants) is generated for the whole run; the
 * briefings are written through sigap_report_write_full() and through `sigap report`
 * (SIGAP_BIN), then read back with qpdf, pdffonts, pdfinfo and pdftotext. Those tools come
 * from qpdf and poppler-utils; a test that needs one that is missing is skipped.
 *
 * The figures a briefing must show are computed here with the same core calls as
 * `sigap summary` (and compared with its JSON), formatted the Indonesian way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "core/sigap-database.h"
#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "report/sigap-report.h"
#include "report/sigap-report-strings.h"
#include "sigap-test-util.h"

/* Saturday 21 November 2026, 08:00 UTC: a fixed generation time. */
#define GENERATED_AT G_GINT64_CONSTANT (1795248000)

static char *test_dir;
static char *db_path;

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                  */

static char *
output_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static SigapReportOptions *
new_options (const char *output_name)
{
  SigapReportOptions *options = sigap_report_options_new ();

  options->db_path = g_strdup (db_path);
  options->output_path = output_path (output_name);
  options->generated_at = GENERATED_AT;

  return options;
}

/* A PDF tool: the path meson found (SIGAP_QPDF, SIGAP_PDFTOTEXT, ...), else the one on PATH,
 * else NULL. */
static char *
find_tool (const char *name)
{
  g_autofree char *variable = g_strconcat ("SIGAP_", name, NULL);
  const char *path;

  for (char *p = variable; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  path = g_getenv (variable);
  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_find_program_in_path (name);
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = find_tool (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

/* Runs a tool; returns its stdout and sets @status. */
static char *
run (const char * const *argv,
     int                *status,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = g_path_is_absolute (argv[0]) ? NULL : find_tool (argv[0]);
  g_autofree char **args = g_memdup2 (argv, (g_strv_length ((char **) argv) + 1) *
                                            sizeof (char *));
  char *out = NULL;

  if (tool != NULL)
    args[0] = tool;
  g_spawn_sync (NULL, args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, status, &error);
  g_assert_no_error (error);

  return out;
}

/* The text of the PDF, pages separated by form feeds; NULL when pdftotext is missing. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *err = NULL;
  char *out;
  int status = -1;

  if (!have_tool ("pdftotext"))
    return NULL;

  out = run (argv, &status, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* No warning either: libharu's ToUnicode maps are repaired by the report. */
  g_assert_cmpstr (err, ==, "");

  return out;
}

static guint
count_pages (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\f')
      n++;

  return n;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("The briefing lacks “%s”", needle);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("The briefing shows “%s”, which it must not", needle);
}

static void
assert_contains_take (const char *text,
                      char       *needle)
{
  assert_contains (text, needle);
  g_free (needle);
}

static void
check_qpdf (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (!have_tool ("qpdf"))
    return;

  out = run (argv, &status, &err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check failed:\n%s%s", out, err);
  assert_contains (out, "No syntax or stream encoding errors");
}

/* Every font embedded (and there is at least one). */
static void
check_fonts (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  int status = -1;

  if (!have_tool ("pdffonts"))
    return;

  out = run (argv, &status, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);

  /* name, type..., encoding, emb, sub, uni, object, generation: emb is the fifth from the
   * end. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_ptr_array_add (fields, words[w]);

      if (fields->len < 6)
        continue;

      n_fonts++;
      if (g_strcmp0 (g_ptr_array_index (fields, fields->len - 5), "yes") != 0)
        g_error ("A font is not embedded: %s", lines[i]);
    }

  g_assert_cmpuint (n_fonts, >=, 1);
}

/* No run of 16 digits: no NIK, whole or in part of a longer number. */
static void
check_no_nik (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("[0-9]{16}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_error ("A 16-digit number appears: %s", found);
    }
}

/* No participant's name or NIK from the database. */
static void
check_no_participants (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = sigap_database_prepare (db, "SELECT nik, name FROM participant ORDER BY id LIMIT 200",
                                 &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      assert_lacks (text, (const char *) sqlite3_column_text (stmt, 0));
      assert_lacks (text, (const char *) sqlite3_column_text (stmt, 1));
    }
}

static SigapSummary *
core_summary (const char   *scope,
              SigapSegment  segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapFilter) filter = NULL;
  SigapSummary *summary;
  GDate as_of;

  g_assert_no_error (error);
  g_assert_true (sigap_database_get_cutoff (db, &as_of));
  filter = sigap_filter_new (&as_of, scope, segment);
  summary = sigap_figures_summary (db, filter, &error);
  g_assert_no_error (error);

  return summary;
}

/* Every headline figure of `sigap summary`, formatted in @lang, appears in @text. */
static void
check_summary_figures (const char         *text,
                       const SigapSummary *s,
                       SigapLang           lang)
{
  assert_contains_take (text, sigap_format_count (s->registered, lang));
  assert_contains_take (text, sigap_format_count (s->active, lang));
  assert_contains_take (text, sigap_format_count (s->ended, lang));
  if (s->has_target)
    assert_contains_take (text, sigap_format_count (s->target, lang));
  if (s->has_coverage)
    assert_contains_take (text, sigap_format_percent (s->coverage_pct, 1, lang));
  if (s->has_pagu)
    {
      assert_contains_take (text, sigap_format_rupiah (s->pagu, lang));
      assert_contains_take (text, sigap_format_rupiah (s->remaining, lang));
    }
  assert_contains_take (text, sigap_format_rupiah (s->realised, lang));
  if (s->has_absorption)
    assert_contains_take (text, sigap_format_percent (s->absorption_pct, 1, lang));
  assert_contains_take (text, sigap_format_rupiah (s->premium_monthly, lang));
  assert_contains_take (text, sigap_format_rupiah (s->projected_year_end, lang));
  if (s->has_quota)
    assert_contains_take (text, sigap_format_count (s->quota, lang));
}

static void
check_page_numbers (const char *text,
                    guint       n_pages,
                    const char *format)
{
  g_assert_cmpuint (count_pages (text), ==, n_pages);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autoptr(GString) label = g_string_new (format);
      g_autofree char *page = g_strdup_printf ("%u", p);
      g_autofree char *total = g_strdup_printf ("%u", n_pages);

      g_string_replace (label, "%u", page, 1);
      g_string_replace (label, "%u", total, 1);
      assert_contains (text, label->str);
    }
}

static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (test_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      g_error ("A temporary file was left behind: %s", name);
}

/* ---------------------------------------------------------------------------------------- */
/* Tests                                                                                    */

/* The whole city in Indonesian: a valid PDF, fonts embedded, every section, the footer's page
 * count, the figures of `sigap summary`, no NIK and no name. */
/* The briefing speaks to a council: no command names, no markup, no words of the database
 * (rows, tables of the data, imports), no formula letters such as "D" for the report date. */
static void
check_plain_words (const char *text)
{
  static const char *commands[] = { "summary", "report", "import", "demo", "screenshot" };
  static const char *words[] = {
    "`", "basis data", "database", "baris sasaran", "baris anggaran", "baris dibaca",
    "target row", "budget row", "total row", "rows read", "diimpor", "imported",
    "tahun D", "sampai D", "pada D", "year of D", "on D", "to D.", "(D)",
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *command = g_strconcat ("sigap ", commands[i], NULL);

      if (strstr (folded, command) != NULL)
        g_error ("The briefing names the command “%s”", command);
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      /* The letter D is matched as written: "pada D" but not "pada Desember". */
      gboolean exact = g_str_has_suffix (words[i], "D") || g_str_has_suffix (words[i], "D.") ||
                       g_str_has_suffix (words[i], "(D)");
      g_autofree char *word = exact ? g_strdup (words[i]) : g_utf8_casefold (words[i], -1);
      const char *found = strstr (exact ? text : folded, word);

      /* "pada D" followed by a letter is a word such as "Desember". */
      while (found != NULL && exact && g_ascii_isalpha (found[strlen (word)]))
        found = strstr (found + 1, word);
      if (found != NULL)
        g_error ("The briefing uses the words “%s”", words[i]);
    }
}

static void
test_city (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("city.pdf");
  g_autoptr(SigapSummary) summary = core_summary (SIGAP_CITY_CODE, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SigapReportInfo info = { 0 };
  static const char *titles[] = {
    "PEMERINTAH KOTA BEKASI", "Laporan Perkembangan", "Program SIGAP",
    "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
    "Posisi per 31 Oktober 2026", "Dinas Tenaga Kerja Kota Bekasi", "Daftar Isi",
    "1. Ringkasan Eksekutif", "2. Progres Kepesertaan", "3. Cakupan per Kecamatan",
    "4. Sebaran Sektor dan Desil", "5. Realisasi Anggaran", "6. Catatan", "7. Metodologi",
    "Dibuat pada 21 November 2026",
  };

  g_assert_true (sigap_report_write_full (options, &info, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (options->output_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (info.n_pages, >=, 8);
  g_assert_cmpint (info.size, >, 10000);
  g_assert_cmpint (info.size, <, 1000 * 1000);
  assert_no_leftovers ();

  check_qpdf (options->output_path);
  check_fonts (options->output_path);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    assert_contains (text, titles[i]);
  check_page_numbers (text, info.n_pages, "Halaman %u dari %u");
  check_summary_figures (text, summary, SIGAP_LANG_ID);
  check_no_nik (text);
  check_no_participants (text);
  check_plain_words (text);

  /* The twelve kecamatan, and the generated sentences. */
  assert_contains (text, "Bekasi Timur");
  assert_contains (text, "Pondokmelati");
  assert_contains (text, "cakupan terendah");
  assert_contains (text, "pagu mencukupi");
}

/* The figures are `sigap summary`'s: its JSON, formatted in Indonesian, is in the PDF that
 * `sigap report` writes with the same options. */
static void
test_cli (void)
{
  const char *bin = g_getenv ("SIGAP_BIN");
  g_autofree char *path = output_path ("cli.pdf");
  g_autofree char *bad = output_path ("no-such-folder/cli.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *json;
  int status = -1;
  static const char *counts[] = { "registered", "active", "ended", "target", "quota" };
  static const char *amounts[] = { "pagu", "realised", "remaining", "premium_monthly",
                                   "projected_year_end" };
  static const char *percents[] = { "coverage_pct", "absorption_pct" };

  if (bin == NULL)
    {
      g_test_skip ("SIGAP_BIN is not set");
      return;
    }

  {
    const char *argv[] = { bin, "summary", "--db", db_path, "--scope", "32.75.08",
                           "--segment", "all", "--format", "json", NULL };

    out = run (argv, &status, &err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    json = json_node_get_object (json_parser_get_root (parser));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bin, "report", "--db", db_path, "--scope", "32.75.08",
                           "--segment", "all", "--output", path, NULL };
    g_autofree char *expected = NULL;

    out = run (argv, &status, &err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    expected = g_strdup_printf ("Wrote %s:", path);
    assert_contains (out, expected);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  text = pdf_text (path);
  if (text != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        if (!json_object_get_null_member (json, counts[i]))
          assert_contains_take (text, sigap_format_count (json_object_get_int_member (json,
                                                                                      counts[i]),
                                                          SIGAP_LANG_ID));
      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        if (!json_object_get_null_member (json, amounts[i]))
          assert_contains_take (text, sigap_format_rupiah (json_object_get_int_member (json,
                                                                                       amounts[i]),
                                                           SIGAP_LANG_ID));
      for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
        if (!json_object_get_null_member (json, percents[i]))
          assert_contains_take (text,
                                sigap_format_percent (json_object_get_double_member (json,
                                                                                     percents[i]),
                                                      1, SIGAP_LANG_ID));
      assert_contains (text, "Kecamatan Pondokgede");
      assert_contains (text, "Semua segmen");
    }

  /* A bad destination: one line on stderr, exit status 1, nothing written. */
  {
    const char *argv[] = { bin, "report", "--db", db_path, "--output", bad, NULL };

    out = run (argv, &status, &err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (err, "sigap: Cannot write the briefing to"));
    g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Options it refuses. */
  {
    const char *argv[] = { bin, "report", "--db", db_path, "--output", path, "--lang", "fr",
                           NULL };

    out = run (argv, &status, &err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    assert_contains (err, "fr");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { bin, "report", "--db", db_path, "--output", path,
                           "--sections", "ringkasan,lampiran", NULL };

    out = run (argv, &status, &err);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    assert_contains (err, "lampiran");
  }
}

/* A kecamatan: its own figures, its kelurahan instead of the kecamatan, none of the others'. */
static void
test_kecamatan (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("kecamatan.pdf");
  g_autoptr(SigapSummary) summary = core_summary ("32.75.03", SIGAP_SEGMENT_RENTAN);
  g_autoptr(SigapSummary) city = core_summary (SIGAP_CITY_CODE, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SigapReportInfo info = { 0 };
  static const char *kelurahan[] = {
    "Kaliabang Tengah", "Perwira", "Harapanbaru", "Teluk Pucung", "Margamulya", "Harapanjaya",
  };
  static const char *others[] = {
    "Bekasi Timur", "Bekasi Barat", "Bekasi Selatan", "Rawalumbu", "Medansatria",
    "Bantargebang", "Pondokgede", "Jatiasih", "Jatisampurna", "Mustikajaya", "Pondokmelati",
  };

  options->scope = g_strdup ("32.75.03");
  g_assert_true (sigap_report_write_full (options, &info, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_qpdf (options->output_path);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  assert_contains (text, "Kecamatan Bekasi Utara");
  assert_contains (text, "Cakupan per Kelurahan");
  check_plain_words (text);
  check_summary_figures (text, summary, SIGAP_LANG_ID);
  check_page_numbers (text, info.n_pages, "Halaman %u dari %u");
  for (guint i = 0; i < G_N_ELEMENTS (kelurahan); i++)
    assert_contains (text, kelurahan[i]);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    assert_lacks (text, others[i]);

  /* The city's participant figures are not the kecamatan's. */
  assert_lacks (text, "12.466");
  {
    g_autofree char *registered = sigap_format_count (city->registered, SIGAP_LANG_ID);

    assert_lacks (text, registered);
  }
  check_no_nik (text);
}

/* In English: English words and number style, no Indonesian section titles. */
static void
test_english (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("english.pdf");
  g_autoptr(SigapSummary) summary = core_summary (SIGAP_CITY_CODE, SIGAP_SEGMENT_RENTAN);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SigapReportInfo info = { 0 };
  static const char *titles[] = {
    "1. Executive Summary", "2. Enrollment Progress", "3. Coverage by Kecamatan",
    "4. Sectors and Desil", "5. Budget Realisation", "6. Notes", "7. Methodology",
    "Position as of 31 October 2026", "Contents",
  };

  options->lang = SIGAP_LANG_EN;
  g_assert_true (sigap_report_write_full (options, &info, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    assert_contains (text, titles[i]);
  check_page_numbers (text, info.n_pages, "Page %u of %u");
  check_summary_figures (text, summary, SIGAP_LANG_EN);
  check_plain_words (text);
  assert_lacks (text, "Ringkasan Eksekutif");
  assert_lacks (text, "Halaman");
  assert_lacks (text, "Oktober");
}

/* With both segments the cover names both groups of workers, and each SP2D says whose it
 * is: every month has one per segment. */
static void
test_segment_all (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("all.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *payments = NULL;

  options->segment = SIGAP_SEGMENT_ALL;
  g_assert_true (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_qpdf (options->output_path);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  pages = g_strsplit (text, "\f", -1);
  assert_contains (pages[0], "bagi Pekerja Rentan dan Pekerja Ekosistem Kota");
  assert_contains (text, "untuk pekerja rentan dan pekerja ekosistem kota");
  check_plain_words (text);

  /* The payments table has a segment column naming both segments, and no header cut short. */
  for (guint p = 0; pages[p] != NULL && payments == NULL; p++)
    payments = strstr (pages[p], "Pembayaran iuran (SP2D)");
  g_assert_nonnull (payments);
  assert_contains (payments, "Segmen");
  assert_contains (payments, "Ekosistem");
  assert_contains (payments, "Peserta");
  assert_lacks (text, "Pese\u2026");
}

/* A subset of sections, numbered in order; the cover lists only them. */
static void
test_sections (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("sections.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SigapReportInfo info = { 0 };

  g_assert_true (sigap_report_sections_parse ("ringkasan, Budget", &options->sections, &error));
  g_assert_no_error (error);
  g_assert_cmpint (options->sections, ==,
                   SIGAP_REPORT_SECTION_SUMMARY | SIGAP_REPORT_SECTION_BUDGET);

  g_assert_true (sigap_report_write_full (options, &info, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.n_pages, <, 7);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  assert_contains (text, "1. Ringkasan Eksekutif");
  assert_contains (text, "2. Realisasi Anggaran");
  assert_lacks (text, "Progres Kepesertaan");
  assert_lacks (text, "Metodologi");
  assert_lacks (text, "Sebaran Sektor");
  check_page_numbers (text, info.n_pages, "Halaman %u dari %u");
}

static void
test_sections_parse (void)
{
  SigapReportSections sections = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_report_sections_parse ("all", &sections, &error));
  g_assert_cmpint (sections, ==, SIGAP_REPORT_SECTIONS_ALL);
  g_assert_true (sigap_report_sections_parse ("kepesertaan,cakupan,sebaran,catatan,metodologi",
                                              &sections, &error));
  g_assert_cmpint (sections, ==, SIGAP_REPORT_SECTIONS_ALL & ~(SIGAP_REPORT_SECTION_SUMMARY |
                                                              SIGAP_REPORT_SECTION_BUDGET));
  g_assert_no_error (error);

  sections = 0;
  g_assert_false (sigap_report_sections_parse ("ringkasan,x", &sections, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID);
  g_assert_cmpint (sections, ==, 0);
  g_clear_error (&error);
  g_assert_false (sigap_report_sections_parse (" , ", &sections, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID);

  g_assert_cmpstr (sigap_report_section_to_string (SIGAP_REPORT_SECTION_COVERAGE), ==,
                   "cakupan");
}

/* Outline (bookmarks) per section and the document information. */
static void
test_outline_and_info (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("outline.pdf");
  g_autoptr(GError) error = NULL;

  options->prepared_by = g_strdup ("Bappelitbangda Kota Bekasi");
  g_assert_true (sigap_report_write_full (options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (have_tool ("qpdf"))
    {
      const char *argv[] = { "qpdf", "--json", "--json-key=outlines", options->output_path,
                             NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = -1;

      out = run (argv, &status, &err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      assert_contains (out, "1. Ringkasan Eksekutif");
      assert_contains (out, "7. Metodologi");
      assert_contains (out, "Pokok-pokok");
    }

  if (have_tool ("pdfinfo"))
    {
      const char *argv[] = { "pdfinfo", options->output_path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = -1;

      out = run (argv, &status, &err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      assert_contains (out, "Laporan Perkembangan Program SIGAP \u2014 Perlindungan");
      assert_contains (out, "Bappelitbangda Kota Bekasi");
      assert_contains (out, "Posisi per 31 Oktober 2026");
      assert_contains (out, "SIGAP Dasbor");
      assert_contains (out, "Nov 21 08:00:00 2026");
      assert_contains (out, "A4");
    }
}

/* Unwritable destinations fail with a clear message and leave nothing behind; an existing
 * file stays as it was. */
static void
test_bad_output (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("unused.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = output_path ("a-file");
  g_autofree char *existing = output_path ("existing.pdf");
  g_autofree char *contents = NULL;

  /* A folder that does not exist. */
  g_free (options->output_path);
  options->output_path = output_path ("missing/briefing.pdf");
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE);
  assert_contains (error->message, options->output_path);
  g_clear_error (&error);

  /* A "folder" that is a file: unwritable for root too. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_free (options->output_path);
  options->output_path = g_build_filename (blocker, "briefing.pdf", NULL);
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  /* The destination is a folder. */
  g_free (options->output_path);
  options->output_path = g_strdup (test_dir);
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  /* A failure late in the work (the font) leaves an existing file untouched. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_free (options->output_path);
  options->output_path = g_strdup (existing);
  options->font_path = output_path ("no-such-font.ttf");
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_FONT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* And a success replaces it whole. */
  g_clear_pointer (&options->font_path, g_free);
  g_assert_true (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  assert_no_leftovers ();
  g_unlink (blocker);
}

/* Cancelled: G_IO_ERROR_CANCELLED and no file. */
static void
test_cancel (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("cancelled.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sigap_report_write (options, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (options->output_path, G_FILE_TEST_EXISTS));
  assert_no_leftovers ();
}

/* Options the briefing refuses. */
static void
test_invalid (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("invalid.pdf");
  g_autoptr(GError) error = NULL;

  options->scope = g_strdup ("32.75.03.1002");   /* a kelurahan */
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (options->scope);
  options->scope = g_strdup ("32.99");
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_FIGURES_ERROR, SIGAP_FIGURES_ERROR_UNKNOWN_SCOPE);
  g_clear_error (&error);

  g_clear_pointer (&options->scope, g_free);
  options->sections = 0;
  g_assert_false (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID);

  g_assert_false (g_file_test (options->output_path, G_FILE_TEST_EXISTS));
  assert_no_leftovers ();
}

/* The official's notes appear as typed in the window's notes field: a blank line starts a
 * paragraph, a line break within one is kept (though both lines would fit on one), a line
 * starting with "-" is a bullet. A NIK typed into them does not appear. */
static void
test_notes (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("notes.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  options->sections = SIGAP_REPORT_SECTION_NOTES;
  options->notes = g_strdup ("Rapat Komisi IV:\ndata sudah diverifikasi.\n\n"
                             "- Percepat Pondokmelati\n"
                             "- Peserta 3275014101900001 dan 3275 0141 0190 0002 dicek\n"
                             "\xff invalid byte\n");
  g_assert_true (sigap_report_write (options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  text = pdf_text (options->output_path);
  if (text == NULL)
    return;

  assert_contains (text, "Catatan penyusun");
  assert_contains (text, "Rapat Komisi IV:\ndata sudah diverifikasi.");
  assert_lacks (text, "Rapat Komisi IV: data");
  assert_contains (text, "Percepat Pondokmelati");
  assert_contains (text, "[NIK dihapus]");
  assert_lacks (text, "3275014101900001");
  assert_lacks (text, "0141 0190");
  check_no_nik (text);
}

/* Same options and generation time: the same bytes. */
static void
test_reproducible (void)
{
  g_autoptr(SigapReportOptions) a = new_options ("same-a.pdf");
  g_autoptr(SigapReportOptions) b = new_options ("same-b.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize len_a, len_b;

  g_assert_true (sigap_report_write (a, NULL, NULL, NULL, &error));
  g_assert_true (sigap_report_write (b, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (a->output_path, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b->output_path, &data_b, &len_b, NULL));
  g_assert_cmpmem (data_a, len_a, data_b, len_b);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("progress.pdf");
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_report_write (options, progress_cb, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 3);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
}

/* In a worker thread, as the window writes it: progress arrives in the caller's context, the
 * result with the page count. */
typedef struct
{
  GMainLoop    *loop;
  GThread      *main_thread;
  GArray       *seen;
  GAsyncResult *result;
} AsyncRun;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncRun *run_data = user_data;

  g_assert_true (g_thread_self () == run_data->main_thread);
  g_array_append_val (run_data->seen, fraction);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run_data = user_data;

  run_data->result = g_object_ref (result);
  g_main_loop_quit (run_data->loop);
}

static void
test_async (void)
{
  g_autoptr(SigapReportOptions) options = new_options ("async.pdf");
  g_autoptr(GError) error = NULL;
  AsyncRun run_data = { 0 };
  SigapReportInfo info = { 0 };

  run_data.loop = g_main_loop_new (NULL, FALSE);
  run_data.main_thread = g_thread_self ();
  run_data.seen = g_array_new (FALSE, FALSE, sizeof (double));

  sigap_report_write_async (options, async_progress_cb, &run_data, NULL, async_done_cb,
                            &run_data);
  g_clear_pointer (&options->output_path, g_free);   /* the call made its own copy */
  g_main_loop_run (run_data.loop);

  g_assert_true (sigap_report_write_finish (run_data.result, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.n_pages, >=, 8);
  g_assert_cmpuint (run_data.seen->len, >=, 1);
  {
    g_autofree char *path = output_path ("async.pdf");

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  /* Cancelled while running: an error, and nothing at the destination. */
  {
    g_autoptr(SigapReportOptions) cancelled = new_options ("async-cancelled.pdf");
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_clear_object (&run_data.result);
    sigap_report_write_async (cancelled, NULL, NULL, cancellable, async_done_cb, &run_data);
    g_cancellable_cancel (cancellable);
    g_main_loop_run (run_data.loop);
    g_assert_false (sigap_report_write_finish (run_data.result, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (g_file_test (cancelled->output_path, G_FILE_TEST_EXISTS));
    assert_no_leftovers ();
  }

  g_clear_object (&run_data.result);
  g_array_unref (run_data.seen);
  g_main_loop_unref (run_data.loop);
}

/* The string table: every text in both languages, with the same printf conversions. */
static char *
conversions (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (p[0] == '%' && (p[1] == 's' || p[1] == 'd' || p[1] == 'u' || p[1] == '%'))
      {
        g_string_append_c (out, p[1]);
        p++;
      }

  return g_string_free (out, FALSE);
}

static void
test_strings (void)
{
  for (guint id = 0; id < RT_N; id++)
    {
      const char *en = sigap_report_string (SIGAP_LANG_EN, id);
      const char *in = sigap_report_string (SIGAP_LANG_ID, id);
      g_autofree char *en_conv = conversions (en);
      g_autofree char *id_conv = conversions (in);

      g_assert_nonnull (en);
      g_assert_nonnull (in);
      g_assert_cmpstr (en, !=, "");
      g_assert_cmpstr (in, !=, "");
      g_assert_true (g_utf8_validate (en, -1, NULL));
      g_assert_true (g_utf8_validate (in, -1, NULL));
      if (g_strcmp0 (en_conv, id_conv) != 0)
        g_error ("Text %u: “%s” and “%s” take different arguments", id, en, in);
    }
}

/* ---------------------------------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The generation time comes from the options here, never from the environment. */
  g_unsetenv ("SOURCE_DATE_EPOCH");

  test_dir = sigap_test_make_tmp_dir ("sigap-report-XXXXXX", FALSE);
  db_path = sigap_test_make_demo_db (test_dir, 0);

  g_test_add_func ("/sigap/report/city", test_city);
  g_test_add_func ("/sigap/report/cli", test_cli);
  g_test_add_func ("/sigap/report/kecamatan", test_kecamatan);
  g_test_add_func ("/sigap/report/english", test_english);
  g_test_add_func ("/sigap/report/segment-all", test_segment_all);
  g_test_add_func ("/sigap/report/sections", test_sections);
  g_test_add_func ("/sigap/report/sections-parse", test_sections_parse);
  g_test_add_func ("/sigap/report/outline-and-info", test_outline_and_info);
  g_test_add_func ("/sigap/report/bad-output", test_bad_output);
  g_test_add_func ("/sigap/report/cancel", test_cancel);
  g_test_add_func ("/sigap/report/invalid", test_invalid);
  g_test_add_func ("/sigap/report/notes", test_notes);
  g_test_add_func ("/sigap/report/reproducible", test_reproducible);
  g_test_add_func ("/sigap/report/progress", test_progress);
  g_test_add_func ("/sigap/report/async", test_async);
  g_test_add_func ("/sigap/report/strings", test_strings);

  status = g_test_run ();

  sigap_test_remove_tree (test_dir);
  g_free (test_dir);
  g_free (db_path);

  return status;
}
