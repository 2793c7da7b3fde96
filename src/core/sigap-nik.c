/* sigap-nik.c: the Indonesian national identity number (NIK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A NIK is 16 digits, PP KK CC DDMMYY SSSS: province, regency/city (kabupaten/kota) and district
 * (kecamatan) of first registration, birth date (day + 40 for women) and a serial from 0001.
 * It never changes when a person moves, so the district a participant is counted in comes from
 * the address, never from here; this file only says whether a NIK can be real, and why not.
 * Kota Bekasi is 32 75.
 *
 * NIKs reach us from spreadsheets. Excel stores a long digit string as a number and shows
 * "3,27501E+15", keeping only 15 significant digits: the original is lost, so such a value is
 * rejected with a message that names the cause and the remedy.
 */

#include <glib.h>
#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "sigap-nik.h"

typedef struct
{
  int         code;
  const char *name;
} Province;

/* Kemendagri province codes (Permendagri 58/2021 and the 2022 Papua split). The first two
 * digits of every NIK ever issued are one of these; 91-96 also cover the older Papua and
 * Papua Barat codes. Names are proper nouns and stay untranslated.
 */
static const Province provinces[] = {
  { 11, "Aceh" },
  { 12, "Sumatera Utara" },
  { 13, "Sumatera Barat" },
  { 14, "Riau" },
  { 15, "Jambi" },
  { 16, "Sumatera Selatan" },
  { 17, "Bengkulu" },
  { 18, "Lampung" },
  { 19, "Kepulauan Bangka Belitung" },
  { 21, "Kepulauan Riau" },
  { 31, "DKI Jakarta" },
  { 32, "Jawa Barat" },
  { 33, "Jawa Tengah" },
  { 34, "DI Yogyakarta" },
  { 35, "Jawa Timur" },
  { 36, "Banten" },
  { 51, "Bali" },
  { 52, "Nusa Tenggara Barat" },
  { 53, "Nusa Tenggara Timur" },
  { 61, "Kalimantan Barat" },
  { 62, "Kalimantan Tengah" },
  { 63, "Kalimantan Selatan" },
  { 64, "Kalimantan Timur" },
  { 65, "Kalimantan Utara" },
  { 71, "Sulawesi Utara" },
  { 72, "Sulawesi Tengah" },
  { 73, "Sulawesi Selatan" },
  { 74, "Sulawesi Tenggara" },
  { 75, "Gorontalo" },
  { 76, "Sulawesi Barat" },
  { 81, "Maluku" },
  { 82, "Maluku Utara" },
  { 91, "Papua" },
  { 92, "Papua Barat" },
  { 93, "Papua Selatan" },
  { 94, "Papua Tengah" },
  { 95, "Papua Pegunungan" },
  { 96, "Papua Barat Daya" },
};

G_DEFINE_QUARK (sigap-nik-error-quark, sigap_nik_error)

/* Spreadsheets and web forms pad with U+00A0 as often as with a plain space. */
static gsize
space_length (const char *p)
{
  if (g_ascii_isspace (*p))
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  return 0;
}

static int
two_digits (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* The text without surrounding space and without one leading apostrophe (Excel's "store as
 * text" marker), as [start, end).
 */
static void
trim (const char  *raw,
      const char **start,
      const char **end)
{
  const char *s = raw;
  const char *e = raw + strlen (raw);
  gsize n;

  while ((n = space_length (s)) > 0)
    s += n;

  while (e > s)
    {
      if (g_ascii_isspace (e[-1]))
        e--;
      else if (e - s >= 2 && (guchar) e[-2] == 0xC2 && (guchar) e[-1] == 0xA0)
        e -= 2;
      else
        break;
    }

  if (s < e && *s == '\'')
    s++;

  *start = s;
  *end = e;
}

/**
 * sigap_nik_normalize:
 * @raw: a NIK as typed or exported
 *
 * Removes what people and spreadsheets add around a NIK: surrounding space (U+00A0 too), one
 * leading apostrophe, and spaces, dots and dashes inside ("3275 0101 8500 01",
 * "32.75.01-010185-0001"); a dot or dash at either edge is kept, so "-3275…" is no NIK. Nothing else is changed, so the result may still be invalid: pass
 * it to sigap_nik_parse(). A comma is kept, so Excel's "3,27501E+15" is still recognizable.
 *
 * Returns: (transfer full): the normalized text
 */
char *
sigap_nik_normalize (const char *raw)
{
  const char *p, *end;
  GString *out;

  g_return_val_if_fail (raw != NULL, NULL);

  trim (raw, &p, &end);
  out = g_string_sized_new (SIGAP_NIK_LENGTH);

  while (p < end)
    {
      gsize n = space_length (p);

      if (n > 0)
        p += n;
      else if ((*p == '.' || *p == '-') && out->len > 0 && p + 1 < end)
        p++;   /* a separator inside; at an edge, a sign or a stray mark that parse refuses */
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/**
 * sigap_nik_looks_like_excel:
 * @raw: a NIK as typed, exported or normalized
 *
 * Whether @raw is a number in scientific notation, the form Excel shows for a NIK it has stored
 * as a number: "3,27501E+15", "3.27501E+15", "3.275012E15", "3,275e+15". The decimal separator
 * may be missing too, since sigap_nik_normalize() removes dots ("327501E+15").
 *
 * Returns: %TRUE if @raw looks like Excel's scientific notation
 */
gboolean
sigap_nik_looks_like_excel (const char *raw)
{
  const char *p, *end;
  const char *digits_start;

  g_return_val_if_fail (raw != NULL, FALSE);

  trim (raw, &p, &end);

  /* [0-9]+ ([.,][0-9]+)? [eE] \+? [0-9]+ */
  for (digits_start = p; p < end && g_ascii_isdigit (*p); p++)
    ;
  if (p == digits_start)
    return FALSE;

  if (p < end && (*p == '.' || *p == ','))
    {
      for (digits_start = ++p; p < end && g_ascii_isdigit (*p); p++)
        ;
      if (p == digits_start)
        return FALSE;
    }

  if (p == end || (*p != 'e' && *p != 'E'))
    return FALSE;
  p++;

  if (p < end && *p == '+')
    p++;

  for (digits_start = p; p < end && g_ascii_isdigit (*p); p++)
    ;

  return p > digits_start && p == end;
}

static gboolean
check_birth_date (const char    *nik,
                  const GDate   *reference,
                  SigapNikInfo  *info,
                  GError       **error)
{
  int raw_day = two_digits (nik + 6);
  int month = two_digits (nik + 8);
  int yy = two_digits (nik + 10);
  gboolean female = raw_day > 40;
  int day = female ? raw_day - 40 : raw_day;
  int ref_key, year;

  if (day < 1 || day > 31)
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE,
                   _("NIK birth day %02d is not valid: it must be 01–31, or 41–71 for women"),
                   raw_day);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE,
                   _("NIK birth month %02d is not valid"), month);
      return FALSE;
    }

  /* The century is not written: take the latest 19YY or 20YY birth date that is not after
   * the reference date. The day may not exist yet; comparing (y, m, d) as a key still works.
   */
  ref_key = g_date_get_year (reference) * 10000 + g_date_get_month (reference) * 100 +
            g_date_get_day (reference);
  year = 2000 + yy;
  if (year * 10000 + month * 100 + day > ref_key)
    year = 1900 + yy;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      if (female)
        g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE,
                     /* Translators: day-month-year; a woman's NIK carries her birth day + 40 */
                     _("NIK birth date %02d-%02d-%02d (day %02d minus 40 for women) is not "
                       "a real date"),
                     day, month, yy, raw_day);
      else
        g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE,
                     /* Translators: day-month-year, two digits each */
                     _("NIK birth date %02d-%02d-%02d is not a real date"),
                     day, month, yy);
      return FALSE;
    }

  /* only possible with a reference date before 1900 + YY */
  if (year * 10000 + month * 100 + day > ref_key)
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_BIRTH_DATE,
                   _("NIK birth date %02d-%02d-%d is later than the reference date"),
                   day, month, year);
      return FALSE;
    }

  if (info != NULL)
    {
      info->sex = female ? 'P' : 'L';
      g_date_clear (&info->birth_date, 1);
      g_date_set_dmy (&info->birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

/**
 * sigap_nik_parse:
 * @nik: a NIK, already passed through sigap_nik_normalize()
 * @reference: (nullable): the date that resolves the two-digit birth year (the latest 19YY or
 *   20YY birth date not after it is taken); %NULL for today
 * @info: (out caller-allocates) (optional): what the NIK says, filled only on success
 * @error: a #SIGAP_NIK_ERROR, with a translated message for the person who fixes the data
 *
 * Checks, in this order, and reports the first failure: empty, Excel's scientific notation,
 * digits only, 16 digits, a known province code, regency/city and district not 00, a real
 * birth date (day 01–31, or 41–71 for women; 29 February only in leap years), serial not 0000.
 *
 * It does not check that the regency/city or district exists: the NIK keeps the place of first
 * registration, and a NIK from outside Kota Bekasi is a data-quality note, not an error.
 *
 * Returns: %TRUE if @nik can be a real NIK
 */
gboolean
sigap_nik_parse (const char    *nik,
                 const GDate   *reference,
                 SigapNikInfo  *info,
                 GError       **error)
{
  GDate today;
  SigapNikInfo parsed;
  gsize len;
  int province;

  g_return_val_if_fail (nik != NULL, FALSE);
  g_return_val_if_fail (reference == NULL || g_date_valid (reference), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*nik == '\0')
    {
      g_set_error_literal (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_EMPTY, _("NIK is empty"));
      return FALSE;
    }

  if (sigap_nik_looks_like_excel (nik))
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_EXCEL,
                   _("NIK was turned into a number by Excel (%s): format the column as Text "
                     "and export again"),
                   nik);
      return FALSE;
    }

  for (const char *p = nik; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;
      char shown[8] = { 0 };
      guint position;

      if (g_ascii_isdigit (*p))
        continue;

      if (!g_utf8_validate (nik, -1, NULL))
        {
          g_set_error_literal (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_NOT_DIGITS,
                               _("NIK may only contain digits, but contains unreadable text"));
          return FALSE;
        }

      c = g_utf8_get_char (p);
      position = (guint) g_utf8_pointer_to_offset (nik, p) + 1;
      if (g_unichar_isgraph (c))
        {
          g_unichar_to_utf8 (c, shown);
          g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_NOT_DIGITS,
                       _("NIK may only contain digits, but character %u is “%s”"),
                       position, shown);
        }
      else
        g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_NOT_DIGITS,
                     _("NIK may only contain digits, but character %u is the invisible "
                       "character U+%04X"),
                     position, (guint) c);
      return FALSE;
    }

  len = strlen (nik);
  if (len != SIGAP_NIK_LENGTH)
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_LENGTH,
                   ngettext ("NIK has %u digit; it must have 16",
                             "NIK has %u digits; it must have 16", (unsigned long) len),
                   (guint) len);
      return FALSE;
    }

  province = two_digits (nik);
  if (sigap_nik_province_name (province) == NULL)
    {
      g_set_error (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_PROVINCE,
                   _("NIK province code %02d does not exist"), province);
      return FALSE;
    }

  if (two_digits (nik + 2) == 0)
    {
      g_set_error_literal (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_REGION,
                           _("NIK regency/city code 00 (digits 3–4) does not exist"));
      return FALSE;
    }

  if (two_digits (nik + 4) == 0)
    {
      g_set_error_literal (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_REGION,
                           _("NIK district code 00 (digits 5–6) does not exist"));
      return FALSE;
    }

  if (reference == NULL)
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      reference = &today;
    }

  if (!check_birth_date (nik, reference, &parsed, error))
    return FALSE;

  parsed.serial = (guint) (two_digits (nik + 12) * 100 + two_digits (nik + 14));
  if (parsed.serial == 0)
    {
      g_set_error_literal (error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_SERIAL,
                           _("NIK serial number (last 4 digits) is 0000; it starts at 0001"));
      return FALSE;
    }

  memcpy (parsed.region, nik, 6);
  parsed.region[6] = '\0';

  if (info != NULL)
    *info = parsed;

  return TRUE;
}

/**
 * sigap_nik_is_kota_bekasi:
 * @nik: a normalized NIK
 *
 * Whether the NIK was first issued in Kota Bekasi (it starts with 3275). This looks at the
 * prefix only; validate with sigap_nik_parse() first.
 *
 * Returns: %TRUE for a Kota Bekasi NIK
 */
gboolean
sigap_nik_is_kota_bekasi (const char *nik)
{
  g_return_val_if_fail (nik != NULL, FALSE);

  return g_str_has_prefix (nik, "3275");
}

/**
 * sigap_nik_mask:
 * @nik: a NIK, valid or not
 *
 * A NIK that may be shown on screen: "3275********0001" (first four and last four kept, the
 * eight between replaced with '*'). Whatever the input, no more than eight characters and
 * never more than half of them are shown: a string of 16 characters or more keeps four at each
 * end; a shorter one keeps length / 4 at each end (a 15-digit typo keeps 3 + 3, anything
 * under 4 characters is fully masked). Characters are counted in UTF-8; text that is not valid
 * UTF-8 is masked byte by byte.
 *
 * Returns: (transfer full): the masked text, with the same number of characters as @nik
 */
char *
sigap_nik_mask (const char *nik)
{
  gboolean utf8;
  glong n_chars;
  glong keep;
  const char *p = nik;
  GString *out;

  g_return_val_if_fail (nik != NULL, NULL);

  utf8 = g_utf8_validate (nik, -1, NULL);
  n_chars = utf8 ? g_utf8_strlen (nik, -1) : (glong) strlen (nik);
  keep = n_chars >= SIGAP_NIK_LENGTH ? 4 : n_chars / 4;
  out = g_string_sized_new (strlen (nik));

  for (glong i = 0; i < n_chars; i++)
    {
      const char *next = utf8 ? g_utf8_next_char (p) : p + 1;

      if (i < keep || i >= n_chars - keep)
        g_string_append_len (out, p, next - p);
      else
        g_string_append_c (out, '*');
      p = next;
    }

  return g_string_free (out, FALSE);
}

/**
 * sigap_nik_province_name:
 * @code: a two-digit province code, such as 32
 *
 * Returns: (nullable) (transfer none): the province's name ("Jawa Barat"), or %NULL if no
 *   province has that code
 */
const char *
sigap_nik_province_name (int code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (provinces[i].code == code)
      return provinces[i].name;

  return NULL;
}
