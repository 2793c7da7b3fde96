/* test-nik.c: NIK normalization, validation and masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NIKs here are made up by hand from their parts: PP KK CC DDMMYY SSSS.
 */

#include <glib.h>
#include <string.h>

#include "core/sigap-nik.h"

/* The reference date of the SIGAP launch, 5 November 2025. */
static GDate *
launch_date (void)
{
  return g_date_new_dmy (5, 11, 2025);
}

static void
test_nik_normalize (void)
{
  static const struct { const char *raw, *expected; } cases[] = {
    { "3275010101850001", "3275010101850001" },
    { "  3275010101850001  ", "3275010101850001" },
    { "\t3275010101850001\r\n", "3275010101850001" },
    { "'3275010101850001", "3275010101850001" },
    { " '3275010101850001 ", "3275010101850001" },
    { "''3275010101850001", "'3275010101850001" },  /* one apostrophe only */
    { "32'75", "32'75" },                            /* not leading: kept */
    { "3275 0101 0185 0001", "3275010101850001" },
    { "32.75.01-010185-0001", "3275010101850001" },
    { "-3275014101900037", "-3275014101900037" },  /* a sign, not a separator */
    { "3275014101900037-", "3275014101900037-" },
    { " .3275014101900037", ".3275014101900037" },
    { "\xc2\xa0" "3275010101850001\xc2\xa0", "3275010101850001" }, /* no-break spaces */
    { "3275\xc2\xa0" "0101", "32750101" },
    { "3275\t0101", "32750101" },
    { "3,27501E+15", "3,27501E+15" },
    { "3.27501E+15", "327501E+15" },
    { "32750101O1850001", "32750101O1850001" },
    { "", "" },
    { "   ", "" },
    { "'", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = sigap_nik_normalize (cases[i].raw);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }
}

static void
test_nik_looks_like_excel (void)
{
  static const char *const excel[] = {
    "3,27501E+15", "3.27501E+15", "3.275012E15", "3,275E+15", "3,27501e+15", "3,275e15",
    " 3,27501E+15 ", "'3,27501E+15", "327501E+15", "3E+15",
  };
  static const char *const not_excel[] = {
    "3275010101850001", "", "E+15", "3,E+15", ",5E+15", "3,27501E+", "3,27501E", "3,27501",
    "3,27501E+15x", "3,27501E-15", "3,27501F+15", "abc", "3,27501 E+15", "3,27501E++15",
    "3,275,01E+15",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (excel); i++)
    {
      g_test_message ("excel: %s", excel[i]);
      g_assert_true (sigap_nik_looks_like_excel (excel[i]));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (not_excel); i++)
    {
      g_test_message ("not excel: %s", not_excel[i]);
      g_assert_false (sigap_nik_looks_like_excel (not_excel[i]));
    }
}

typedef struct
{
  const char *nik;
  const char *region;
  char        sex;
  int         day, month, year;
  guint       serial;
} ValidCase;

static void
test_nik_parse_valid (void)
{
  g_autoptr(GDate) reference = launch_date ();
  static const ValidCase cases[] = {
    { "3275010101850001", "327501", 'L', 1, 1, 1985, 1 },
    { "3275014101850002", "327501", 'P', 1, 1, 1985, 2 },     /* day 41: a woman born on the 1st */
    { "3275127112990123", "327512", 'P', 31, 12, 1999, 123 }, /* day 71 = 31 + 40 */
    { "3275013112999999", "327501", 'L', 31, 12, 1999, 9999 },
    { "3275010511050001", "327501", 'L', 5, 11, 2005, 1 },
    /* the birth year is the latest not after the reference date, 5 November 2025 */
    { "3275010511250001", "327501", 'L', 5, 11, 2025, 1 },    /* that very day */
    { "3275010611250001", "327501", 'L', 6, 11, 1925, 1 },    /* one day later: 1925 */
    { "3275010112250001", "327501", 'L', 1, 12, 1925, 1 },
    { "3275010110250001", "327501", 'L', 1, 10, 2025, 1 },
    { "3275010101000001", "327501", 'L', 1, 1, 2000, 1 },
    /* leap years */
    { "3275012902000001", "327501", 'L', 29, 2, 2000, 1 },
    { "3275012902040001", "327501", 'L', 29, 2, 2004, 1 },
    { "3275016902960001", "327501", 'P', 29, 2, 1996, 1 },    /* 69 = 29 + 40 */
    { "3275012902880001", "327501", 'L', 29, 2, 1988, 1 },
    /* other provinces and regions are valid NIKs, just not Kota Bekasi */
    { "3216050202900005", "321605", 'L', 2, 2, 1990, 5 },     /* Kabupaten Bekasi */
    { "1101010101850001", "110101", 'L', 1, 1, 1985, 1 },
    { "9601010101850001", "960101", 'L', 1, 1, 1985, 1 },
    { "2171034507800001", "217103", 'P', 5, 7, 1980, 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SigapNikInfo info;
      g_autoptr(GError) error = NULL;

      memset (&info, 0, sizeof info);
      g_test_message ("NIK %s", cases[i].nik);
      g_assert_true (sigap_nik_parse (cases[i].nik, reference, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (info.region, ==, cases[i].region);
      g_assert_cmpint (info.sex, ==, cases[i].sex);
      g_assert_true (g_date_valid (&info.birth_date));
      g_assert_cmpint (g_date_get_day (&info.birth_date), ==, cases[i].day);
      g_assert_cmpint (g_date_get_month (&info.birth_date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_year (&info.birth_date), ==, cases[i].year);
      g_assert_cmpuint (info.serial, ==, cases[i].serial);

      /* info and error are optional */
      g_assert_true (sigap_nik_parse (cases[i].nik, reference, NULL, NULL));
    }
}

static void
test_nik_parse_reference (void)
{
  SigapNikInfo info;
  g_autoptr(GDate) early_2003 = g_date_new_dmy (1, 1, 2003);
  g_autoptr(GDate) mid_1999 = g_date_new_dmy (1, 6, 1999);
  g_autoptr(GDate) early_1950 = g_date_new_dmy (1, 1, 1950);
  g_autoptr(GError) error = NULL;

  /* 29-02-04 before 2004 is 1904, a leap year */
  g_assert_true (sigap_nik_parse ("3275012902040001", early_2003, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&info.birth_date), ==, 1904);

  /* 29-02-00 before 2000 is 1900, which was not a leap year */
  g_assert_false (sigap_nik_parse ("3275012902000001", mid_1999, &info, &error));
  g_assert_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE);
  g_assert_cmpstr (error->message, ==, "NIK birth date 29-02-00 is not a real date");
  g_clear_error (&error);

  /* a reference date before 1900 + YY leaves only a birth date after it */
  g_assert_false (sigap_nik_parse ("3275010101850001", early_1950, &info, &error));
  g_assert_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE);
  g_assert_cmpstr (error->message, ==,
                   "NIK birth date 01-01-1985 is later than the reference date");
  g_clear_error (&error);

  /* no reference: today. Whatever today is (before 2085), 01-01-85 is 1985. */
  g_assert_true (sigap_nik_parse ("3275010101850001", NULL, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&info.birth_date), ==, 1985);
}

typedef struct
{
  const char    *nik;
  SigapNikError  code;
  const char    *message; /* NULL: only the code is checked */
} InvalidCase;

static void
test_nik_parse_invalid (void)
{
  g_autoptr(GDate) reference = launch_date ();
  static const InvalidCase cases[] = {
    { "", SIGAP_NIK_ERROR_EMPTY, "NIK is empty" },

    { "3,27501E+15", SIGAP_NIK_ERROR_EXCEL,
      "NIK was turned into a number by Excel (3,27501E+15): format the column as Text and "
      "export again" },
    { "327501E+15", SIGAP_NIK_ERROR_EXCEL,
      "NIK was turned into a number by Excel (327501E+15): format the column as Text and "
      "export again" },
    { "3,275012e15", SIGAP_NIK_ERROR_EXCEL, NULL },

    { "32750101O1850001", SIGAP_NIK_ERROR_NOT_DIGITS,
      "NIK may only contain digits, but character 9 is “O”" },
    { "3275O1", SIGAP_NIK_ERROR_NOT_DIGITS,               /* before the length */
      "NIK may only contain digits, but character 5 is “O”" },
    { "32750101018500é1", SIGAP_NIK_ERROR_NOT_DIGITS,
      "NIK may only contain digits, but character 15 is “é”" },
    { "3275\t010101850001", SIGAP_NIK_ERROR_NOT_DIGITS,
      "NIK may only contain digits, but character 5 is the invisible character U+0009" },
    { "3275\xff" "010101850001", SIGAP_NIK_ERROR_NOT_DIGITS,
      "NIK may only contain digits, but contains unreadable text" },
    { "-3275010101850001", SIGAP_NIK_ERROR_NOT_DIGITS, NULL },

    { "327501010185000", SIGAP_NIK_ERROR_LENGTH, "NIK has 15 digits; it must have 16" },
    { "32750101018500011", SIGAP_NIK_ERROR_LENGTH, "NIK has 17 digits; it must have 16" },
    { "3", SIGAP_NIK_ERROR_LENGTH, "NIK has 1 digit; it must have 16" },

    { "9975010101850001", SIGAP_NIK_ERROR_PROVINCE, "NIK province code 99 does not exist" },
    { "0075010101850001", SIGAP_NIK_ERROR_PROVINCE, "NIK province code 00 does not exist" },
    { "2075010101850001", SIGAP_NIK_ERROR_PROVINCE, "NIK province code 20 does not exist" },
    { "9900000000000000", SIGAP_NIK_ERROR_PROVINCE, NULL }, /* province before region */

    { "3200010101850001", SIGAP_NIK_ERROR_REGION,
      "NIK regency/city code 00 (digits 3–4) does not exist" },
    { "3275000101850001", SIGAP_NIK_ERROR_REGION,
      "NIK district code 00 (digits 5–6) does not exist" },
    { "3275000001850000", SIGAP_NIK_ERROR_REGION, NULL },   /* region before birth date */

    { "3275013102850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth date 31-02-85 is not a real date" },
    { "3275017102850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth date 31-02-85 (day 71 minus 40 for women) is not a real date" },
    { "3275013104850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth date 31-04-85 is not a real date" },
    { "3275012902050001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth date 29-02-05 is not a real date" },       /* 2005 is no leap year */
    { "3275012902850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth date 29-02-85 is not a real date" },
    { "3275010001850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth day 00 is not valid: it must be 01–31, or 41–71 for women" },
    { "3275013201850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth day 32 is not valid: it must be 01–31, or 41–71 for women" },
    { "3275014001850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth day 40 is not valid: it must be 01–31, or 41–71 for women" },
    { "3275017201850001", SIGAP_NIK_ERROR_BIRTH_DATE,
      "NIK birth day 72 is not valid: it must be 01–31, or 41–71 for women" },
    { "3275019901850001", SIGAP_NIK_ERROR_BIRTH_DATE, NULL },
    { "3275010113850001", SIGAP_NIK_ERROR_BIRTH_DATE, "NIK birth month 13 is not valid" },
    { "3275010100850001", SIGAP_NIK_ERROR_BIRTH_DATE, "NIK birth month 00 is not valid" },
    { "3275010001850000", SIGAP_NIK_ERROR_BIRTH_DATE, NULL }, /* birth date before serial */

    { "3275010101850000", SIGAP_NIK_ERROR_SERIAL,
      "NIK serial number (last 4 digits) is 0000; it starts at 0001" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SigapNikInfo info;
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = NULL;

      /* a failed parse leaves info alone */
      memset (&info, 0x5a, sizeof info);
      shown = g_strescape (cases[i].nik, NULL);  /* one case is not UTF-8 */
      g_test_message ("NIK %s", shown);
      g_assert_false (sigap_nik_parse (cases[i].nik, reference, &info, &error));
      g_assert_error (error, SIGAP_NIK_ERROR, (int) cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (info.sex, ==, 0x5a);
      g_assert_cmpuint (info.serial, ==, 0x5a5a5a5a);

      g_assert_false (sigap_nik_parse (cases[i].nik, reference, NULL, NULL));
    }
}

static void
test_nik_provinces (void)
{
  /* Kemendagri codes in use, written out rather than as ranges */
  static const int in_use[] = {
    11, 12, 13, 14, 15, 16, 17, 18, 19,
    21,
    31, 32, 33, 34, 35, 36,
    51, 52, 53,
    61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76,
    81, 82,
    91, 92, 93, 94, 95, 96,
  };
  g_autoptr(GDate) reference = launch_date ();
  gsize next = 0;

  g_assert_cmpuint (G_N_ELEMENTS (in_use), ==, 38);

  for (int code = 0; code <= 99; code++)
    {
      char nik[17];
      gboolean expected = next < G_N_ELEMENTS (in_use) && in_use[next] == code;
      g_autoptr(GError) error = NULL;

      if (expected)
        next++;

      g_snprintf (nik, sizeof nik, "%02d01010101850001", code);
      g_test_message ("NIK %s", nik);
      g_assert_cmpint (sigap_nik_parse (nik, reference, NULL, &error), ==, expected);
      if (!expected)
        g_assert_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_PROVINCE);
      g_assert_cmpint (sigap_nik_province_name (code) != NULL, ==, expected);
    }

  g_assert_cmpstr (sigap_nik_province_name (32), ==, "Jawa Barat");
  g_assert_cmpstr (sigap_nik_province_name (31), ==, "DKI Jakarta");
  g_assert_cmpstr (sigap_nik_province_name (36), ==, "Banten");
  g_assert_cmpstr (sigap_nik_province_name (96), ==, "Papua Barat Daya");
  g_assert_null (sigap_nik_province_name (-1));
  g_assert_null (sigap_nik_province_name (132));
}

static void
test_nik_normalize_then_parse (void)
{
  g_autoptr(GDate) reference = launch_date ();
  g_autofree char *a = sigap_nik_normalize (" '3275 0101 0185 0001 ");
  g_autofree char *b = sigap_nik_normalize ("3.27501E+15");
  g_autoptr(GError) error = NULL;

  g_assert_true (sigap_nik_parse (a, reference, NULL, &error));
  g_assert_no_error (error);

  /* normalizing removed the dot, yet the Excel form is still recognized */
  g_assert_false (sigap_nik_parse (b, reference, NULL, &error));
  g_assert_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_EXCEL);
  g_clear_error (&error);

  /* Issue 14: a leading minus is a sign, so this is a negative number, not a NIK. */
  g_clear_pointer (&a, g_free);
  a = sigap_nik_normalize ("-3275014101900037");
  g_assert_false (sigap_nik_parse (a, reference, NULL, &error));
  g_assert_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_NOT_DIGITS);
}

static void
test_nik_kota_bekasi (void)
{
  g_assert_true (sigap_nik_is_kota_bekasi ("3275010101850001"));
  g_assert_true (sigap_nik_is_kota_bekasi ("3275127112990123"));
  g_assert_false (sigap_nik_is_kota_bekasi ("3216050202900005")); /* Kabupaten Bekasi */
  g_assert_false (sigap_nik_is_kota_bekasi ("3276010101850001")); /* Kota Depok */
  g_assert_false (sigap_nik_is_kota_bekasi ("3175010101850001")); /* Jakarta */
  g_assert_false (sigap_nik_is_kota_bekasi ("327"));
  g_assert_false (sigap_nik_is_kota_bekasi (""));
}

static void
test_nik_mask (void)
{
  static const struct { const char *nik, *expected; } cases[] = {
    { "3275010101850001", "3275********0001" },
    { "3275127112990123", "3275********0123" },
    { "", "" },
    { "123", "***" },
    { "1234", "1**4" },
    { "12345678", "12****78" },
    { "327501010185000", "327*********000" },          /* 15: 3 + 3 */
    { "32750101018500012", "3275*********0012" },      /* 17: still 4 + 4 */
    { "32750101O185000é", "3275********000é" },        /* counted in characters */
    { "\xff\xfe\xfd\xfc", "\xff**\xfc" },               /* not UTF-8: bytes */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = sigap_nik_mask (cases[i].nik);

      g_assert_cmpstr (masked, ==, cases[i].expected);
    }
}

static void
test_nik_mask_reveals_little (void)
{
  /* whatever the length, at most 8 characters and at most half of them stay visible */
  for (gsize len = 0; len <= 40; len++)
    {
      g_autofree char *digits = g_malloc0 (len + 1);
      g_autofree char *masked = NULL;
      gsize shown = 0;

      for (gsize i = 0; i < len; i++)
        digits[i] = (char) ('1' + i % 9);

      masked = sigap_nik_mask (digits);
      g_assert_cmpuint (strlen (masked), ==, len);
      for (gsize i = 0; i < len; i++)
        if (masked[i] != '*')
          {
            g_assert_cmpint (masked[i], ==, digits[i]);
            shown++;
          }

      g_assert_cmpuint (shown, <=, 8);
      g_assert_cmpuint (shown, <=, len / 2);
    }
}

static void
test_nik_parse_null (void)
{
  if (g_test_subprocess ())
    {
      sigap_nik_parse (NULL, NULL, NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*nik != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sigap/nik/normalize", test_nik_normalize);
  g_test_add_func ("/sigap/nik/looks-like-excel", test_nik_looks_like_excel);
  g_test_add_func ("/sigap/nik/parse-valid", test_nik_parse_valid);
  g_test_add_func ("/sigap/nik/parse-reference", test_nik_parse_reference);
  g_test_add_func ("/sigap/nik/parse-invalid", test_nik_parse_invalid);
  g_test_add_func ("/sigap/nik/parse-null", test_nik_parse_null);
  g_test_add_func ("/sigap/nik/provinces", test_nik_provinces);
  g_test_add_func ("/sigap/nik/normalize-then-parse", test_nik_normalize_then_parse);
  g_test_add_func ("/sigap/nik/kota-bekasi", test_nik_kota_bekasi);
  g_test_add_func ("/sigap/nik/mask", test_nik_mask);
  g_test_add_func ("/sigap/nik/mask-reveals-little", test_nik_mask_reveals_little);

  return g_test_run ();
}
