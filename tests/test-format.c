/* test-format.c: numbers, money and dates in Indonesian and English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected string is written out by hand.
 */

#include <glib.h>
#include <math.h>

#include "core/sigap-format.h"

#define EN_DASH "\u2013"

typedef struct
{
  gint64      value;
  const char *id;
  const char *en;
} IntCase;

typedef struct
{
  double      value;
  int         decimals;
  const char *id;
  const char *en;
} DoubleCase;

typedef struct
{
  double      value;
  const char *id;
  const char *en;
} ShortCase;

static void
test_format_count (void)
{
  static const IntCase cases[] = {
    { 0, "0", "0" },
    { 7, "7", "7" },
    { 999, "999", "999" },
    { 1000, "1.000", "1,000" },
    { -1000, "-1.000", "-1,000" },
    { 11666, "11.666", "11,666" },
    { -1234, "-1.234", "-1,234" },
    { 100000, "100.000", "100,000" },
    { 1000000, "1.000.000", "1,000,000" },
    { 54000, "54.000", "54,000" },
    { 3000000, "3.000.000", "3,000,000" },
    { G_MAXINT64, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807" },
    { G_MININT64, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_count (cases[i].value, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_count (cases[i].value, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_decimal (void)
{
  static const DoubleCase cases[] = {
    { 1234.5, 1, "1.234,5", "1,234.5" },
    { 0, 2, "0,00", "0.00" },
    { 0, 0, "0", "0" },
    { 1234.5, 0, "1.235", "1,235" },      /* half away from zero */
    { -1234.5, 0, "-1.235", "-1,235" },
    { 2.675, 2, "2,68", "2.68" },         /* the binary value is 2.67499999… */
    { 1.005, 2, "1,01", "1.01" },
    { 0.125, 2, "0,13", "0.13" },
    { -0.04, 1, "0,0", "0.0" },           /* no "-0,0" */
    { 0.05, 1, "0,1", "0.1" },
    { 999.96, 1, "1.000,0", "1,000.0" },  /* the carry reaches a new group */
    { 1234567.891, 2, "1.234.567,89", "1,234,567.89" },
    { 0.001, 3, "0,001", "0.001" },
    { 0.0005, 3, "0,001", "0.001" },
    { 0.00049, 3, "0,000", "0.000" },
    { 0.1 + 0.2, 2, "0,30", "0.30" },
    { 1e20, 0, "100.000.000.000.000.000.000", "100,000,000,000,000,000,000" },
    { -999.5, 0, "-1.000", "-1,000" },
    { 12.5, 3, "12,500", "12.500" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_decimal (cases[i].value, cases[i].decimals,
                                                  SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_decimal (cases[i].value, cases[i].decimals,
                                                  SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_decimal_not_finite (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *id = sigap_format_decimal (values[i], 1, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_decimal (values[i], 1, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, EN_DASH);
      g_assert_cmpstr (en, ==, EN_DASH);
    }

  g_assert_cmpstr (SIGAP_FORMAT_NO_VALUE, ==, "\xe2\x80\x93");
}

static void
test_format_percent (void)
{
  static const DoubleCase cases[] = {
    { 44.0, 1, "44,0%", "44.0%" },
    { 44.05, 1, "44,1%", "44.1%" },
    { 44.04, 1, "44,0%", "44.0%" },
    { 100, 0, "100%", "100%" },
    { 0, 1, "0,0%", "0.0%" },
    { 1234.5, 1, "1.234,5%", "1,234.5%" },
    { -3.25, 1, "-3,3%", "-3.3%" },
    { 66.666666, 2, "66,67%", "66.67%" },
    { 99.96, 1, "100,0%", "100.0%" },
    { 11666.0 / 26500.0 * 100.0, 1, "44,0%", "44.0%" }, /* 44.0226… */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_percent (cases[i].value, cases[i].decimals,
                                                  SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_percent (cases[i].value, cases[i].decimals,
                                                  SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_percent_not_finite (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY, 0.0 / 0.0 };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *id = sigap_format_percent (values[i], 1, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_percent (values[i], 0, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, EN_DASH);
      g_assert_cmpstr (en, ==, EN_DASH);
    }
}

static void
test_format_rupiah (void)
{
  static const IntCase cases[] = {
    { 16800, "Rp16.800", "IDR 16,800" },
    { -16800, "-Rp16.800", "-IDR 16,800" },
    { 0, "Rp0", "IDR 0" },
    { 999, "Rp999", "IDR 999" },
    { 201600, "Rp201.600", "IDR 201,600" },
    { 999999, "Rp999.999", "IDR 999,999" },
    { 2000000000, "Rp2.000.000.000", "IDR 2,000,000,000" },
    { G_MAXINT64, "Rp9.223.372.036.854.775.807", "IDR 9,223,372,036,854,775,807" },
    { G_MININT64, "-Rp9.223.372.036.854.775.808", "-IDR 9,223,372,036,854,775,808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_rupiah (cases[i].value, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_rupiah (cases[i].value, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_rupiah_short (void)
{
  static const IntCase cases[] = {
    /* below one million: in full */
    { 0, "Rp0", "IDR 0" },
    { 16800, "Rp16.800", "IDR 16,800" },
    { 999999, "Rp999.999", "IDR 999,999" },
    { -999999, "-Rp999.999", "-IDR 999,999" },
    /* juta */
    { 1000000, "Rp1 juta", "IDR 1 million" },
    { 1050000, "Rp1,05 juta", "IDR 1.05 million" },
    { 1005000, "Rp1,01 juta", "IDR 1.01 million" },   /* half rounds up */
    { 1004999, "Rp1 juta", "IDR 1 million" },
    { 1234567, "Rp1,23 juta", "IDR 1.23 million" },
    { 1235000, "Rp1,24 juta", "IDR 1.24 million" },
    { 12345678, "Rp12,3 juta", "IDR 12.3 million" },
    { 100000000, "Rp100 juta", "IDR 100 million" },
    { 580000000, "Rp580 juta", "IDR 580 million" },
    { 579500000, "Rp580 juta", "IDR 580 million" },
    { 579499999, "Rp579 juta", "IDR 579 million" },
    { 999499999, "Rp999 juta", "IDR 999 million" },
    /* rounding moves into the next unit: never "Rp1.000 juta" */
    { 999500000, "Rp1 miliar", "IDR 1 billion" },
    { 999950000, "Rp1 miliar", "IDR 1 billion" },
    { 999999999, "Rp1 miliar", "IDR 1 billion" },
    /* miliar */
    { 1000000000, "Rp1 miliar", "IDR 1 billion" },
    { 2000000000, "Rp2 miliar", "IDR 2 billion" },
    { 2010000000, "Rp2,01 miliar", "IDR 2.01 billion" },
    { 1995000000, "Rp2 miliar", "IDR 2 billion" },
    { 1994999999, "Rp1,99 miliar", "IDR 1.99 billion" },
    { 1990000000, "Rp1,99 miliar", "IDR 1.99 billion" },
    { 10900000000, "Rp10,9 miliar", "IDR 10.9 billion" },
    { -2010000000, "-Rp2,01 miliar", "-IDR 2.01 billion" },
    { 999500000000, "Rp1 triliun", "IDR 1 trillion" },
    /* triliun; from 1.000 triliun up, whole triliun */
    { 1500000000000, "Rp1,5 triliun", "IDR 1.5 trillion" },
    { 12300000000000, "Rp12,3 triliun", "IDR 12.3 trillion" },
    { 999600000000000, "Rp1.000 triliun", "IDR 1,000 trillion" },
    { 1234567890123456, "Rp1.235 triliun", "IDR 1,235 trillion" },
    { G_MAXINT64, "Rp9.223.372 triliun", "IDR 9,223,372 trillion" },
    { G_MININT64, "-Rp9.223.372 triliun", "-IDR 9,223,372 trillion" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_rupiah_short (cases[i].value, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_rupiah_short (cases[i].value, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_count_short (void)
{
  static const ShortCase cases[] = {
    { 0, "0", "0" },
    { -0.0, "0", "0" },
    { 2.5, "2,5", "2.5" },
    { 0.25, "0,25", "0.25" },
    { 100, "100", "100" },
    { 950, "950", "950" },
    { 999.4, "999", "999" },
    { 999.7, "1 rb", "1K" },
    { 1000, "1 rb", "1K" },
    { 1500, "1,5 rb", "1.5K" },
    { -1500, "-1,5 rb", "-1.5K" },
    { 11666, "11,7 rb", "11.7K" },
    { 12000, "12 rb", "12K" },
    { 54000, "54 rb", "54K" },
    { 999499, "999 rb", "999K" },
    { 999500, "1 juta", "1M" },
    { 1234567, "1,23 juta", "1.23M" },
    { 2500000, "2,5 juta", "2.5M" },
    { 3e9, "3 miliar", "3B" },
    { 1.5e12, "1,5 triliun", "1.5T" },
    { 1.2345e15, "1.235 triliun", "1,235T" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = sigap_format_count_short (cases[i].value, SIGAP_LANG_ID);
      g_autofree char *en = sigap_format_count_short (cases[i].value, SIGAP_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_count_short_not_finite (void)
{
  g_autofree char *nan = sigap_format_count_short (NAN, SIGAP_LANG_ID);
  g_autofree char *inf = sigap_format_count_short (INFINITY, SIGAP_LANG_EN);

  g_assert_cmpstr (nan, ==, EN_DASH);
  g_assert_cmpstr (inf, ==, EN_DASH);
}

static void
test_format_month_names (void)
{
  static const char *const id_full[] = {
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
  };
  static const char *const id_abbr[] = {
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
  };
  static const char *const en_full[] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  };
  static const char *const en_abbr[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };

  for (int m = 1; m <= 12; m++)
    {
      g_assert_cmpstr (sigap_month_name (m, SIGAP_LANG_ID, FALSE), ==, id_full[m - 1]);
      g_assert_cmpstr (sigap_month_name (m, SIGAP_LANG_ID, TRUE), ==, id_abbr[m - 1]);
      g_assert_cmpstr (sigap_month_name (m, SIGAP_LANG_EN, FALSE), ==, en_full[m - 1]);
      g_assert_cmpstr (sigap_month_name (m, SIGAP_LANG_EN, TRUE), ==, en_abbr[m - 1]);
    }
}

static void
test_format_month_name_invalid (void)
{
  if (g_test_subprocess ())
    {
      sigap_month_name (13, SIGAP_LANG_ID, FALSE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*month*");
}

typedef struct
{
  int         day, month, year;
  const char *id_full, *id_abbr, *en_full, *en_abbr;
} DateCase;

static void
test_format_date (void)
{
  static const DateCase cases[] = {
    { 5, 11, 2025, "5 November 2025", "5 Nov 2025", "5 November 2025", "5 Nov 2025" },
    { 17, 8, 2025, "17 Agustus 2025", "17 Agu 2025", "17 August 2025", "17 Aug 2025" },
    { 1, 10, 2025, "1 Oktober 2025", "1 Okt 2025", "1 October 2025", "1 Oct 2025" },
    { 31, 12, 2025, "31 Desember 2025", "31 Des 2025", "31 December 2025", "31 Dec 2025" },
    { 1, 5, 2026, "1 Mei 2026", "1 Mei 2026", "1 May 2026", "1 May 2026" },
    { 29, 2, 2024, "29 Februari 2024", "29 Feb 2024", "29 February 2024", "29 Feb 2024" },
    { 1, 1, 1985, "1 Januari 1985", "1 Jan 1985", "1 January 1985", "1 Jan 1985" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      g_autofree char *id_full = sigap_format_date (date, SIGAP_LANG_ID, FALSE);
      g_autofree char *id_abbr = sigap_format_date (date, SIGAP_LANG_ID, TRUE);
      g_autofree char *en_full = sigap_format_date (date, SIGAP_LANG_EN, FALSE);
      g_autofree char *en_abbr = sigap_format_date (date, SIGAP_LANG_EN, TRUE);

      g_assert_cmpstr (id_full, ==, cases[i].id_full);
      g_assert_cmpstr (id_abbr, ==, cases[i].id_abbr);
      g_assert_cmpstr (en_full, ==, cases[i].en_full);
      g_assert_cmpstr (en_abbr, ==, cases[i].en_abbr);
    }
}

static void
test_format_date_invalid (void)
{
  if (g_test_subprocess ())
    {
      GDate date;

      g_date_clear (&date, 1);
      sigap_format_date (&date, SIGAP_LANG_ID, FALSE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*g_date_valid*");
}

static void
test_format_month (void)
{
  g_autofree char *a = sigap_format_month (2025, 11, SIGAP_LANG_ID, FALSE);
  g_autofree char *b = sigap_format_month (2025, 11, SIGAP_LANG_ID, TRUE);
  g_autofree char *c = sigap_format_month (2026, 8, SIGAP_LANG_ID, TRUE);
  g_autofree char *d = sigap_format_month (2026, 8, SIGAP_LANG_EN, FALSE);
  g_autofree char *e = sigap_format_month (2026, 8, SIGAP_LANG_EN, TRUE);
  g_autofree char *f = sigap_format_month (2025, 12, SIGAP_LANG_ID, FALSE);

  g_assert_cmpstr (a, ==, "November 2025");
  g_assert_cmpstr (b, ==, "Nov 2025");
  g_assert_cmpstr (c, ==, "Agu 2026");
  g_assert_cmpstr (d, ==, "August 2026");
  g_assert_cmpstr (e, ==, "Aug 2026");
  g_assert_cmpstr (f, ==, "Desember 2025");
}

static void
test_format_decimal_bad_decimals (void)
{
  if (g_test_subprocess ())
    {
      sigap_format_decimal (1.0, -1, SIGAP_LANG_ID);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*decimals*");
}

static void
test_date_parse_iso (void)
{
  static const struct { const char *text; int day, month, year; } good[] = {
    { "2025-11-05", 5, 11, 2025 },
    { "2024-02-29", 29, 2, 2024 },
    { "2000-02-29", 29, 2, 2000 },
    { "1985-01-01", 1, 1, 1985 },
    { "2025-12-31", 31, 12, 2025 },
    { "0001-01-01", 1, 1, 1 },
  };
  static const char *const bad[] = {
    "", "2025-11-5", "2025-1-05", "25-11-05", "2025/11/05", " 2025-11-05", "2025-11-05 ",
    "2025-11-05T00:00", "2025-11-05\n", "2025-13-01", "2025-00-10", "2025-04-31",
    "2025-11-00", "2025-11-32", "2025-02-29", "1900-02-29", "2100-02-29", "0000-01-01",
    "2025-1a-05", "+025-11-05", "2025-11-0x", "20251105", "2025-11--5", "05-11-2025",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;

      g_assert_true (sigap_date_parse_iso (good[i].text, &date));
      g_assert_true (g_date_valid (&date));
      g_assert_cmpint (g_date_get_day (&date), ==, good[i].day);
      g_assert_cmpint (g_date_get_month (&date), ==, good[i].month);
      g_assert_cmpint (g_date_get_year (&date), ==, good[i].year);
      g_assert_true (sigap_date_parse_iso (good[i].text, NULL));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (sigap_date_parse_iso (bad[i], &date));
      g_assert_false (g_date_valid (&date)); /* cleared on failure */
      g_assert_false (sigap_date_parse_iso (bad[i], NULL));
    }
}

static void
test_date_to_iso (void)
{
  g_autoptr(GDate) a = g_date_new_dmy (5, 11, 2025);
  g_autoptr(GDate) b = g_date_new_dmy (31, 12, 1999);
  g_autoptr(GDate) c = g_date_new_dmy (1, 1, 999);
  g_autofree char *sa = sigap_date_to_iso (a);
  g_autofree char *sb = sigap_date_to_iso (b);
  g_autofree char *sc = sigap_date_to_iso (c);

  g_assert_cmpstr (sa, ==, "2025-11-05");
  g_assert_cmpstr (sb, ==, "1999-12-31");
  g_assert_cmpstr (sc, ==, "0999-01-01");
}

static void
test_lang_parse (void)
{
  SigapLang lang = SIGAP_LANG_EN;
  static const char *const bad[] = { "", "fr", "ind", "eng", "id_ID", " id", "i" };

  g_assert_true (sigap_lang_parse ("id", &lang));
  g_assert_cmpint (lang, ==, SIGAP_LANG_ID);
  g_assert_true (sigap_lang_parse ("en", &lang));
  g_assert_cmpint (lang, ==, SIGAP_LANG_EN);
  g_assert_true (sigap_lang_parse ("ID", &lang));
  g_assert_cmpint (lang, ==, SIGAP_LANG_ID);
  g_assert_true (sigap_lang_parse ("En", &lang));
  g_assert_cmpint (lang, ==, SIGAP_LANG_EN);
  g_assert_true (sigap_lang_parse ("id", NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      lang = SIGAP_LANG_ID;
      g_assert_false (sigap_lang_parse (bad[i], &lang));
      g_assert_cmpint (lang, ==, SIGAP_LANG_ID); /* untouched */
    }

  g_assert_cmpstr (sigap_lang_to_string (SIGAP_LANG_ID), ==, "id");
  g_assert_cmpstr (sigap_lang_to_string (SIGAP_LANG_EN), ==, "en");
}

static void
set_locale_env (const char *language,
                const char *lc_all,
                const char *lc_messages,
                const char *lang)
{
  const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *values[] = { language, lc_all, lc_messages, lang };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (values[i] != NULL)
        g_setenv (names[i], values[i], TRUE);
      else
        g_unsetenv (names[i]);
    }
}

static void
test_lang_from_locale (void)
{
  static const struct
  {
    const char *language, *lc_all, *lc_messages, *lang;
    SigapLang   expected;
  } cases[] = {
    { "id_ID.UTF-8", "C.UTF-8", NULL, NULL, SIGAP_LANG_ID },
    { "id", NULL, NULL, NULL, SIGAP_LANG_ID },
    { "en_GB:id", NULL, NULL, NULL, SIGAP_LANG_EN },
    { "fr_FR:id_ID", NULL, NULL, NULL, SIGAP_LANG_ID },  /* no French catalogue */
    { "ido", NULL, NULL, NULL, SIGAP_LANG_EN },          /* Ido is not Indonesian */
    { NULL, "id_ID.UTF-8", "en_US.UTF-8", NULL, SIGAP_LANG_ID },
    { NULL, "C.UTF-8", NULL, "id_ID.UTF-8", SIGAP_LANG_EN },
    { NULL, NULL, "id_ID.UTF-8", "en_US.UTF-8", SIGAP_LANG_ID },
    { NULL, NULL, NULL, "id_ID.UTF-8", SIGAP_LANG_ID },
    { NULL, NULL, NULL, "en_US.UTF-8", SIGAP_LANG_EN },
    { NULL, NULL, NULL, "de_DE.UTF-8", SIGAP_LANG_EN },
    { NULL, NULL, NULL, NULL, SIGAP_LANG_EN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      set_locale_env (cases[i].language, cases[i].lc_all, cases[i].lc_messages, cases[i].lang);
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (sigap_lang_from_locale (), ==, cases[i].expected);
    }

  set_locale_env (NULL, "C.UTF-8", NULL, NULL);
}

static void
test_quota_and_changes (void)
{
  g_autofree char *a = sigap_format_quota (5415, 2, 902, SIGAP_LANG_ID);
  g_autofree char *b = sigap_format_quota (5415, 2, 902, SIGAP_LANG_EN);
  g_autofree char *c = sigap_format_quota (42, 1, 3, SIGAP_LANG_ID);
  g_autofree char *d = sigap_format_month_span (2, 12, SIGAP_LANG_ID);
  g_autofree char *e = sigap_format_change_people (53, SIGAP_LANG_ID);
  g_autofree char *f = sigap_format_change_people (-1204, SIGAP_LANG_ID);
  g_autofree char *g = sigap_format_change_people (0, SIGAP_LANG_EN);
  g_autofree char *h = sigap_format_change_points (0.5, SIGAP_LANG_ID);
  g_autofree char *i = sigap_format_change_points (-1.24, SIGAP_LANG_EN);
  g_autofree char *j = sigap_format_change_points (0.04, SIGAP_LANG_ID);
  g_autofree char *k = sigap_format_quota_covers (2, 902, SIGAP_LANG_ID);

  g_assert_cmpstr (a, ==, "5.415 pekerja lagi untuk Nov\u2013Des (setara 902 pekerja setahun penuh)");
  g_assert_cmpstr (b, ==, "5,415 more workers for Nov\u2013Dec (equal to 902 for a full year)");
  g_assert_cmpstr (c, ==, "42 pekerja lagi untuk Desember (setara 3 pekerja setahun penuh)");
  g_assert_cmpstr (d, ==, "Feb\u2013Des");
  g_assert_cmpstr (e, ==, "+53 orang");
  g_assert_cmpstr (f, ==, "\u22121.204 orang");
  g_assert_cmpstr (g, ==, "0 people");
  g_assert_cmpstr (h, ==, "+0,5 poin");
  g_assert_cmpstr (i, ==, "\u22121.2 pts");
  g_assert_cmpstr (j, ==, "0,0 poin");
  g_assert_cmpstr (k, ==, "pekerja lagi untuk Nov\u2013Des (setara 902 pekerja setahun penuh)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/format/count", test_format_count);
  g_test_add_func ("/sigap/format/decimal", test_format_decimal);
  g_test_add_func ("/sigap/format/decimal-not-finite", test_format_decimal_not_finite);
  g_test_add_func ("/sigap/format/decimal-bad-decimals", test_format_decimal_bad_decimals);
  g_test_add_func ("/sigap/format/percent", test_format_percent);
  g_test_add_func ("/sigap/format/percent-not-finite", test_format_percent_not_finite);
  g_test_add_func ("/sigap/format/rupiah", test_format_rupiah);
  g_test_add_func ("/sigap/format/rupiah-short", test_format_rupiah_short);
  g_test_add_func ("/sigap/format/count-short", test_format_count_short);
  g_test_add_func ("/sigap/format/count-short-not-finite", test_format_count_short_not_finite);
  g_test_add_func ("/sigap/format/month-names", test_format_month_names);
  g_test_add_func ("/sigap/format/month-name-invalid", test_format_month_name_invalid);
  g_test_add_func ("/sigap/format/date", test_format_date);
  g_test_add_func ("/sigap/format/date-invalid", test_format_date_invalid);
  g_test_add_func ("/sigap/format/month", test_format_month);
  g_test_add_func ("/sigap/format/date-parse-iso", test_date_parse_iso);
  g_test_add_func ("/sigap/format/date-to-iso", test_date_to_iso);
  g_test_add_func ("/sigap/format/lang-parse", test_lang_parse);
  g_test_add_func ("/sigap/format/lang-from-locale", test_lang_from_locale);
  g_test_add_func ("/sigap/format/quota-and-changes", test_quota_and_changes);

  return g_test_run ();
}
