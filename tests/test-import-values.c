/* test-import-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces under the importer: reading dates, months, money and counts; matching names and
 * suggesting the closest; and the CSV reader with every format variant an office produces.
 */

#include <string.h>

#include "core/sigap-csv-reader.h"
#include "core/sigap-import.h"
#include "core/sigap-import-value.h"
#include "core/sigap-text-match.h"

/* --- Values --------------------------------------------------------------------------- */

static void
assert_date (const char *text,
             const char *expected_iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char iso[11];

  if (!sigap_import_parse_date (text, &date, &error))
    g_error ("“%s” should be %s: %s", text, expected_iso, error->message);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  g_assert_cmpstr (iso, ==, expected_iso);
}

static void
assert_not_date (const char *text)
{
  g_autoptr(GError) error = NULL;

  if (sigap_import_parse_date (text, NULL, &error))
    g_error ("“%s” should not be a date", text);
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_date (void)
{
  assert_date ("2025-11-05", "2025-11-05");
  assert_date ("05/11/2025", "2025-11-05");
  assert_date ("05-11-2025", "2025-11-05");
  assert_date ("5/11/2025", "2025-11-05");
  assert_date ("5/1/2026", "2026-01-05");
  assert_date ("05.11.2025", "2025-11-05");
  assert_date ("5 November 2025", "2025-11-05");
  assert_date ("5 Nov 2025", "2025-11-05");
  assert_date ("5 nopember 2025", "2025-11-05");
  assert_date ("17 Agustus 2025", "2025-08-17");
  assert_date ("17 Agu 2025", "2025-08-17");
  assert_date ("17 August 2025", "2025-08-17");
  assert_date ("17 Aug. 2025", "2025-08-17");
  assert_date ("1 Mei 2025", "2025-05-01");
  assert_date ("1 May 2025", "2025-05-01");
  assert_date ("25 Des 2025", "2025-12-25");
  assert_date ("25 Dec 2025", "2025-12-25");
  assert_date ("3 Okt 2025", "2025-10-03");
  assert_date ("5-Nov-2025", "2025-11-05");
  assert_date ("2025-11-05 00:00:00", "2025-11-05");
  assert_date ("2025-11-05T08:30", "2025-11-05");
  assert_date ("29/02/2024", "2024-02-29");
  assert_date (" 2025-11-05 ", "2025-11-05");

  assert_not_date ("");
  assert_not_date ("5/11/25");
  assert_not_date ("2025-13-01");
  assert_not_date ("31/02/2025");
  assert_not_date ("29/02/2025");
  assert_not_date ("11/25/2025");
  assert_not_date ("5 Novembre 2025");
  assert_not_date ("45966");
  assert_not_date ("kemarin");
  assert_not_date ("5 November");
  assert_not_date ("1/1/1850");
}

static void
test_month (void)
{
  static const struct
  {
    const char *text;
    int         year, month;
  } good[] = {
    { "2025-11", 2025, 11 }, { "11/2025", 2025, 11 }, { "1/2026", 2026, 1 },
    { "November 2025", 2025, 11 }, { "Nov 2025", 2025, 11 }, { "Nov-2025", 2025, 11 },
    { "Januari 2026", 2026, 1 }, { "2025-11-05", 2025, 11 }, { "30/11/2025", 2025, 11 },
  };
  static const char * const bad[] = { "", "13/2025", "2025", "Nov", "2025-00", "bulan depan" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0, month = 0;

      g_assert_true (sigap_import_parse_month (good[i].text, &year, &month, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, good[i].year);
      g_assert_cmpint (month, ==, good[i].month);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sigap_import_parse_month (bad[i], NULL, NULL, &error));
      g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE);
    }
}

static void
test_money (void)
{
  static const struct
  {
    const char *text;
    gint64      value;
  } good[] = {
    { "2000000000", 2000000000 }, { "2.000.000.000", 2000000000 },
    { "Rp2.000.000.000", 2000000000 }, { "Rp 2.000.000.000,00", 2000000000 },
    { "Rp. 2.000.000.000,-", 2000000000 }, { "IDR 2,000,000,000.00", 2000000000 },
    { "2,000,000,000", 2000000000 }, { "16.800", 16800 }, { "16800,0", 16800 },
    { "0", 0 }, { "Rp 580.104.000", 580104000 }, { "2 000 000", 2000000 },
    { "2\u00a0000\u00a0000", 2000000 },
  };
  static const struct
  {
    const char *text;
    const char *fragment;
  } bad[] = {
    { "", "not an amount" }, { "dua miliar", "not an amount" }, { "16,8", "fraction" },
    { "1.000,50", "fraction" }, { "-5000", "negative" }, { "2.00.000", "not an amount" },
    { "1,000.000", "not an amount" }, { "2E+09", "not an amount" },
    { "99999999999999999999", "not an amount" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      if (!sigap_import_parse_money (good[i].text, &value, &error))
        g_error ("“%s”: %s", good[i].text, error->message);
      g_assert_cmpint (value, ==, good[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (sigap_import_parse_money (bad[i].text, NULL, &error))
        g_error ("“%s” should not be an amount", bad[i].text);
      g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE);
      g_assert_nonnull (strstr (error->message, bad[i].fragment));
    }
}

static void
test_count_desil_sex (void)
{
  g_autoptr(GError) error = NULL;
  gint64 count;
  int desil;
  char sex;

  g_assert_true (sigap_import_parse_count ("10.000", &count, NULL));
  g_assert_cmpint (count, ==, 10000);
  g_assert_true (sigap_import_parse_count ("10,000", &count, NULL));
  g_assert_cmpint (count, ==, 10000);
  g_assert_true (sigap_import_parse_count ("11666", &count, NULL));
  g_assert_cmpint (count, ==, 11666);
  g_assert_false (sigap_import_parse_count ("1,5", NULL, NULL));
  g_assert_false (sigap_import_parse_count ("-3", NULL, NULL));
  g_assert_false (sigap_import_parse_count ("sepuluh", NULL, &error));
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE);
  g_clear_error (&error);

  g_assert_true (sigap_import_parse_desil ("3", &desil, NULL));
  g_assert_cmpint (desil, ==, 3);
  g_assert_true (sigap_import_parse_desil ("Desil 10", &desil, NULL));
  g_assert_cmpint (desil, ==, 10);
  g_assert_true (sigap_import_parse_desil ("01", &desil, NULL));
  g_assert_cmpint (desil, ==, 1);
  g_assert_false (sigap_import_parse_desil ("0", NULL, NULL));
  g_assert_false (sigap_import_parse_desil ("11", NULL, NULL));
  g_assert_false (sigap_import_parse_desil ("3,5", NULL, &error));
  g_assert_nonnull (strstr (error->message, "1 to 10"));
  g_clear_error (&error);

  g_assert_true (sigap_import_parse_sex ("L", &sex, NULL));
  g_assert_cmpint (sex, ==, 'L');
  g_assert_true (sigap_import_parse_sex ("Laki-laki", &sex, NULL));
  g_assert_cmpint (sex, ==, 'L');
  g_assert_true (sigap_import_parse_sex ("perempuan", &sex, NULL));
  g_assert_cmpint (sex, ==, 'P');
  g_assert_true (sigap_import_parse_sex ("P", &sex, NULL));
  g_assert_cmpint (sex, ==, 'P');
  g_assert_false (sigap_import_parse_sex ("X", NULL, &error));
  g_assert_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE);
}

static void
test_kinds (void)
{
  const char * const *required = sigap_import_kind_columns (SIGAP_IMPORT_PARTICIPANTS, TRUE);
  const char * const *optional = sigap_import_kind_columns (SIGAP_IMPORT_PARTICIPANTS, FALSE);
  SigapImportKind kind;

  g_assert_cmpuint (g_strv_length ((GStrv) required), ==, 5);
  g_assert_cmpstr (required[0], ==, "nik");
  g_assert_cmpstr (required[4], ==, "tanggal_daftar");
  g_assert_true (g_strv_contains (optional, "no_kpj"));
  g_assert_true (sigap_import_kind_columns (SIGAP_IMPORT_PARTICIPANTS, TRUE) == required);
  g_assert_cmpuint (g_strv_length ((GStrv) sigap_import_kind_columns (SIGAP_IMPORT_PAYMENTS,
                                                                     TRUE)), ==, 8);

  for (kind = SIGAP_IMPORT_PARTICIPANTS; kind <= SIGAP_IMPORT_PAYMENTS; kind++)
    {
      SigapImportKind parsed;

      g_assert_true (sigap_import_kind_parse (sigap_import_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }
  g_assert_false (sigap_import_kind_parse ("peserta", &kind));
  g_assert_false (sigap_import_kind_parse (NULL, &kind));
}

/* --- Names ---------------------------------------------------------------------------- */

static void
test_match_key (void)
{
  g_autofree char *a = sigap_text_match_key ("Desa/Kelurahan");
  g_autofree char *b = sigap_text_match_key ("  desa kelurahan ");
  g_autofree char *c = sigap_text_match_key ("Tgl. Daftar");
  g_autofree char *d = sigap_text_match_key ("TANGGAL_DAFTAR");
  g_autofree char *e = sigap_text_match_key ("Ciketing Udik\u00a0");
  g_autofree char *f = sigap_text_match_key ("Désa");

  g_assert_cmpstr (a, ==, "desakelurahan");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, "tgldaftar");
  g_assert_cmpstr (d, ==, "tanggaldaftar");
  g_assert_cmpstr (e, ==, "ciketingudik");
  g_assert_cmpstr (f, ==, "désa");

  g_assert_cmpuint (sigap_text_edit_distance ("bekasijya", "bekasijaya"), ==, 1);
  g_assert_cmpuint (sigap_text_edit_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (sigap_text_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (sigap_text_edit_distance ("désa", "desa"), ==, 1);
}

static void
test_matcher (void)
{
  g_autoptr(SigapTextMatcher) matcher = sigap_text_matcher_new ();
  gint64 id = 0;

  sigap_text_matcher_add (matcher, "Bekasijaya", 1, NULL);
  sigap_text_matcher_add (matcher, "Bekasi Jaya", 1, "Bekasijaya");
  sigap_text_matcher_add (matcher, "Medansatria", 2, NULL);
  sigap_text_matcher_add (matcher, "Medan Satria", 3, "Medansatria");
  sigap_text_matcher_add (matcher, "Jatiasih", 4, NULL);

  g_assert_cmpint (sigap_text_matcher_lookup (matcher, "BEKASI-JAYA", &id), ==,
                   SIGAP_TEXT_MATCH_FOUND);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (sigap_text_matcher_lookup (matcher, "medan satria", NULL), ==,
                   SIGAP_TEXT_MATCH_AMBIGUOUS);

  /* Close is not equal: never accepted, only suggested. */
  g_assert_cmpint (sigap_text_matcher_lookup (matcher, "Bekasijya", NULL), ==,
                   SIGAP_TEXT_MATCH_NONE);
  g_assert_cmpstr (sigap_text_matcher_suggest (matcher, "Bekasijya", &id), ==, "Bekasijaya");
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpstr (sigap_text_matcher_suggest (matcher, "jatiasi", NULL), ==, "Jatiasih");
  g_assert_null (sigap_text_matcher_suggest (matcher, "Surabaya", NULL));
  g_assert_null (sigap_text_matcher_suggest (matcher, "", NULL));
}

/* --- CSV reader ----------------------------------------------------------------------- */

typedef struct
{
  gint64  line;
  char   *fields;  /* joined with '|' */
  char   *raw;
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->fields);
  g_free (record->raw);
  g_free (record);
}

/* Reads all of @data; returns the records, and the reader's separator and encoding. */
static GPtrArray *
read_all (const char       *data,
          gssize            len,
          char             *out_separator,
          SigapCsvEncoding *out_encoding)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SigapCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);

  if (len < 0)
    len = (gssize) strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) len), len, g_free);
  reader = sigap_csv_reader_new (stream);

  while (sigap_csv_reader_next (reader, NULL, &error))
    {
      Record *record = g_new0 (Record, 1);
      g_autoptr(GString) fields = g_string_new (NULL);

      for (guint i = 0; i < sigap_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (fields, "%s%s", i > 0 ? "|" : "",
                                sigap_csv_reader_get_field (reader, i));
      record->line = sigap_csv_reader_get_line (reader);
      record->fields = g_string_free (g_steal_pointer (&fields), FALSE);
      record->raw = g_strdup (sigap_csv_reader_get_raw (reader));
      g_ptr_array_add (records, record);
    }
  g_assert_no_error (error);

  if (out_separator != NULL)
    *out_separator = sigap_csv_reader_get_separator (reader);
  if (out_encoding != NULL)
    *out_encoding = sigap_csv_reader_get_encoding (reader);

  /* The whole input was read, so the checksum is the file's. */
  {
    g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                             (const guchar *) data, (gsize) len);
    g_autofree char *checksum = sigap_csv_reader_get_checksum (reader);

    g_assert_cmpstr (checksum, ==, expected);
  }

  return records;
}

static void
assert_record (GPtrArray  *records,
               guint       index,
               gint64      line,
               const char *fields)
{
  const Record *record;

  g_assert_cmpuint (index, <, records->len);
  record = g_ptr_array_index (records, index);
  g_assert_cmpint (record->line, ==, line);
  g_assert_cmpstr (record->fields, ==, fields);
}

static void
test_reader_separators (void)
{
  static const struct
  {
    const char *data;
    char        separator;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    { "sep=;\na;b;c\n1;2;3\n", ';' },
    { "a;b;c\r\n1;2;3\r\n", ';' },
    { "a,b,c\r1,2,3\r", ',' },
    { "a,b,c\n1,2,3", ',' },
    { "\n\na,b,c\n\n1,2,3\n\n", ',' },
    { "\xEF\xBB\xBF" "a;b;c\r\n1;2;3\r\n", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      char separator = 0;

      records = read_all (cases[i].data, -1, &separator, NULL);
      g_assert_cmpint (separator, ==, cases[i].separator);
      g_assert_cmpuint (records->len, ==, 2);
      g_assert_cmpstr (((Record *) g_ptr_array_index (records, 0))->fields, ==, "a|b|c");
      g_assert_cmpstr (((Record *) g_ptr_array_index (records, 1))->fields, ==, "1|2|3");
    }
}

static void
test_reader_quoting (void)
{
  const char *data =
    "nik,nama,catatan\r\n"
    "1,\"Siregar, Budi\",\"kata \"\"ok\"\"\"\r\n"
    "\r\n"
    "2,\"Ani\r\nSiti\",\"baris\ndua\"\r\n"
    "3,  Joko  ,\"  spasi  \"\r\n"
    ",,\r\n"
    "4,\tTab\t,x,,,\r\n"
    "5,\u00a0Nbsp\u00a0,y\r\n";
  g_autoptr(GPtrArray) records = read_all (data, -1, NULL, NULL);

  g_assert_cmpuint (records->len, ==, 6);
  assert_record (records, 0, 1, "nik|nama|catatan");
  assert_record (records, 1, 2, "1|Siregar, Budi|kata \"ok\"");
  /* Line 3 is blank; the record on line 4 spans three lines and keeps its line breaks. */
  assert_record (records, 2, 4, "2|Ani\r\nSiti|baris\ndua");
  g_assert_cmpstr (((Record *) g_ptr_array_index (records, 2))->raw, ==,
                   "2,\"Ani\r\nSiti\",\"baris\ndua\"");
  /* It ends on line 6, so the next record starts on line 7. */
  assert_record (records, 3, 7, "3|Joko|spasi");
  /* ",," on line 8 is empty; trailing empty values stay as fields. */
  assert_record (records, 4, 9, "4|Tab|x|||");
  assert_record (records, 5, 10, "5|Nbsp|y");
  g_assert_cmpstr (((Record *) g_ptr_array_index (records, 1))->raw, ==,
                   "1,\"Siregar, Budi\",\"kata \"\"ok\"\"\"");
}

static void
test_reader_tab_empty (void)
{
  /* An empty value between two tabs is still a value, not space to skip. */
  g_autoptr(GPtrArray) records = read_all ("a\tb\tc\n1\t\t3\n", -1, NULL, NULL);

  assert_record (records, 1, 2, "1||3");
}

static void
test_reader_unclosed (void)
{
  const char *data = "a,b\n1,\"open\n2,x\n3,y\n";
  g_autoptr(GInputStream) stream =
    g_memory_input_stream_new_from_data (data, (gssize) strlen (data), NULL);
  g_autoptr(SigapCsvReader) reader = sigap_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_csv_reader_next (reader, NULL, &error));
  g_assert_false (sigap_csv_reader_get_unclosed (reader));
  g_assert_true (sigap_csv_reader_next (reader, NULL, &error));
  g_assert_true (sigap_csv_reader_get_unclosed (reader));
  g_assert_cmpint (sigap_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (sigap_csv_reader_get_raw (reader), ==, "1,\"open\n2,x\n3,y");
  g_assert_false (sigap_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_reader_windows_1252 (void)
{
  /* "José" and "Rp – 5" in Windows-1252: é = 0xE9, en dash = 0x96. */
  const char data[] = "nama;catatan\r\nJos\xE9;Rp \x96 5\r\nAni;ok\r\n";
  SigapCsvEncoding encoding;
  g_autoptr(GPtrArray) records = read_all (data, sizeof data - 1, NULL, &encoding);

  g_assert_cmpint (encoding, ==, SIGAP_CSV_ENCODING_WINDOWS_1252);
  assert_record (records, 1, 2, "José|Rp – 5");
  assert_record (records, 2, 3, "Ani|ok");
  g_assert_cmpstr (((Record *) g_ptr_array_index (records, 1))->raw, ==, "José;Rp – 5");
}

static void
test_reader_utf8 (void)
{
  const char *data = "\xEF\xBB\xBFnama\nJosé\n";
  SigapCsvEncoding encoding;
  g_autoptr(GPtrArray) records = read_all (data, -1, NULL, &encoding);

  g_assert_cmpint (encoding, ==, SIGAP_CSV_ENCODING_UTF8_BOM);
  assert_record (records, 0, 1, "nama");
  assert_record (records, 1, 2, "José");

  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_all ("nama\nJosé\n", -1, NULL, &encoding);
  g_assert_cmpint (encoding, ==, SIGAP_CSV_ENCODING_UTF8);
}

static void
test_reader_utf16 (void)
{
  const char *text = "nik\tnama\r\n1\tJosé\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize written = 0;
  SigapCsvEncoding encoding;
  char separator;
  g_autoptr(GPtrArray) records = NULL;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
  g_assert_nonnull (utf16);
  g_byte_array_append (data, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (data, (const guint8 *) utf16, (guint) written);

  records = read_all ((const char *) data->data, data->len, &separator, &encoding);
  g_assert_cmpint (encoding, ==, SIGAP_CSV_ENCODING_UTF16LE);
  g_assert_cmpint (separator, ==, '\t');
  assert_record (records, 0, 1, "nik|nama");
  assert_record (records, 1, 2, "1|José");
}

/* Issue 14: UTF-16 without a byte order mark, both byte orders, is read as UTF-16. */
static void
test_reader_utf16_without_bom (void)
{
  const char *text = "tanggal;nama\r\n2025-11-05;José\r\n";
  static const struct { const char *charset; SigapCsvEncoding encoding; } orders[] = {
    { "UTF-16LE", SIGAP_CSV_ENCODING_UTF16LE },
    { "UTF-16BE", SIGAP_CSV_ENCODING_UTF16BE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *utf16 = NULL;
      g_autoptr(GPtrArray) records = NULL;
      gsize written = 0;
      SigapCsvEncoding encoding;
      char separator;

      utf16 = g_convert (text, -1, orders[i].charset, "UTF-8", NULL, &written, NULL);
      g_assert_nonnull (utf16);
      records = read_all (utf16, (gssize) written, &separator, &encoding);
      g_assert_cmpint (encoding, ==, orders[i].encoding);
      g_assert_cmpint (separator, ==, ';');
      assert_record (records, 0, 1, "tanggal|nama");
      assert_record (records, 1, 2, "2025-11-05|José");
    }
}

/* The problem of each record of @data in turn ("" for none), and its raw text (unchecked
 * where NULL). */
static void
assert_problems (const char         *data,
                 gssize              len,
                 const char * const *problems,
                 const char * const *raws)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, len, NULL);
  g_autoptr(SigapCsvReader) reader = sigap_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  guint i = 0;

  while (sigap_csv_reader_next (reader, NULL, &error))
    {
      const char *problem = sigap_csv_reader_get_problem (reader);

      g_assert_nonnull (problems[i]);
      if (*problems[i] == '\0')
        g_assert_null (problem);
      else if (problem == NULL || strstr (problem, problems[i]) == NULL)
        g_error ("record %u: “%s” does not say “%s”", i, problem, problems[i]);
      if (raws[i] != NULL)
        g_assert_cmpstr (sigap_csv_reader_get_raw (reader), ==, raws[i]);
      g_assert_true (g_utf8_validate (sigap_csv_reader_get_raw (reader), -1, NULL));
      i++;
    }
  g_assert_no_error (error);
  g_assert_null (problems[i]);
}

/* Issue 14: a NUL byte, or a line that does not fit the file's encoding, is not turned into
 * spaces or Windows-1252 silently: its record carries a line-numbered problem. */
static void
test_reader_bad_bytes (void)
{
  const char utf8[] = "nama;kota\nJosé;Bekasi\nAn\xE9;Bekasi\nBu\0di;Bekasi\nOk;x\n";
  const char * const utf8_problems[] = {
    "", "", "Line 3 is not valid UTF-8", "Line 4 contains a NUL byte", "", NULL,
  };
  const char * const utf8_raws[] = {
    "nama;kota", "José;Bekasi", "An\xEF\xBF\xBD;Bekasi", "Bu\xEF\xBF\xBD" "di;Bekasi", "Ok;x",
  };
  /* Windows-1252 from its first line beyond ASCII: José (0xE9) is taken, UTF-8 after it
   * and a byte Windows-1252 does not define are not. */
  const char cp1252[] = "nama\nJos\xE9\nJosé\nA\x81x\nSiti\n";
  const char * const cp1252_problems[] = {
    "", "", "Line 3 is UTF-8 text, but the lines before it are Windows-1252",
    "Line 4 holds a byte (0x81)", "", NULL,
  };
  const char * const cp1252_raws[] = { "nama", "José", "José", NULL, "Siti" };
  g_autoptr(GPtrArray) records = NULL;
  SigapCsvEncoding encoding;

  assert_problems (utf8, sizeof utf8 - 1, utf8_problems, utf8_raws);

  /* The raw text of line 4 is whatever conversion made of 0x81: not checked. */
  assert_problems (cp1252, sizeof cp1252 - 1, cp1252_problems, cp1252_raws);
  records = read_all (cp1252, sizeof cp1252 - 1, NULL, &encoding);
  g_assert_cmpint (encoding, ==, SIGAP_CSV_ENCODING_WINDOWS_1252);
}

/* Line breaks, a quoted record and a CRLF that straddle the reader's 64 KiB reads. */
static void
test_reader_large (void)
{
  g_autoptr(GString) data = g_string_new ("n,text\r\n");
  g_autoptr(GPtrArray) records = NULL;
  guint n = 0;

  while (data->len < 300 * 1024)
    {
      n++;
      if (n % 1000 == 0)
        g_string_append_printf (data, "%u,\"multi\r\nline %u\"\r\n", n, n);
      else
        g_string_append_printf (data, "%u,%*s\r\n", n, (int) (n % 37), "x");
    }

  records = read_all (data->str, (gssize) data->len, NULL, NULL);
  g_assert_cmpuint (records->len, ==, n + 1);

  for (guint i = 1; i <= n; i++)
    {
      const Record *record = g_ptr_array_index (records, i);
      g_autofree char *prefix = g_strdup_printf ("%u|", i);

      g_assert_true (g_str_has_prefix (record->fields, prefix));
      /* One extra physical line for every multi-line record before this one. */
      g_assert_cmpint (record->line, ==, i + 1 + (i - 1) / 1000);
    }
}

static void
test_reader_too_long (void)
{
  gsize len = SIGAP_CSV_MAX_RECORD + 1024;
  g_autofree char *data = g_malloc (len);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SigapCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, 'x', len);
  memcpy (data, "a,b\n1,\"", 7);
  stream = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  reader = sigap_csv_reader_new (stream);

  g_assert_true (sigap_csv_reader_next (reader, NULL, &error));
  g_assert_false (sigap_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LONG);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/import/value/date", test_date);
  g_test_add_func ("/sigap/import/value/month", test_month);
  g_test_add_func ("/sigap/import/value/money", test_money);
  g_test_add_func ("/sigap/import/value/count-desil-sex", test_count_desil_sex);
  g_test_add_func ("/sigap/import/kinds", test_kinds);
  g_test_add_func ("/sigap/text-match/key", test_match_key);
  g_test_add_func ("/sigap/text-match/matcher", test_matcher);
  g_test_add_func ("/sigap/csv-reader/separators", test_reader_separators);
  g_test_add_func ("/sigap/csv-reader/quoting", test_reader_quoting);
  g_test_add_func ("/sigap/csv-reader/tab-empty", test_reader_tab_empty);
  g_test_add_func ("/sigap/csv-reader/unclosed", test_reader_unclosed);
  g_test_add_func ("/sigap/csv-reader/windows-1252", test_reader_windows_1252);
  g_test_add_func ("/sigap/csv-reader/utf16-without-bom", test_reader_utf16_without_bom);
  g_test_add_func ("/sigap/csv-reader/bad-bytes", test_reader_bad_bytes);
  g_test_add_func ("/sigap/csv-reader/utf8", test_reader_utf8);
  g_test_add_func ("/sigap/csv-reader/utf16", test_reader_utf16);
  g_test_add_func ("/sigap/csv-reader/large", test_reader_large);
  g_test_add_func ("/sigap/csv-reader/too-long", test_reader_too_long);

  return g_test_run ();
}
