/* sigap-format.c: numbers, money and dates in Indonesian or English style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure the window, the PDF and the CLI show goes through here, so that "11.666" and
 * "Rp2,01 miliar" look the same everywhere. The strings are built by hand: printf's separators
 * follow LC_NUMERIC, which would make a German desktop print "44,0" in an English report.
 * Counts and money are gint64 and are rounded with integer arithmetic; doubles (percentages,
 * axis values) are first read as 15 significant decimal digits, the precision a double really
 * carries, and then rounded half away from zero on those digits, so 2.675 shows as 2.68 (what
 * the person typed) rather than 2.67 (what its binary approximation rounds to).
 */

#include <glib.h>
#include <math.h>
#include <string.h>

#include "sigap-format.h"

/* A finite, non-negative double as 15 significant decimal digits:
 * value = digits[0] . digits[1..14] × 10^exp.
 */
typedef struct
{
  char digits[16];
  int  exp;
} Decimal15;

static const char *const month_names[2][2][12] = {
  [SIGAP_LANG_ID] = {
    { "Januari", "Februari", "Maret", "April", "Mei", "Juni",
      "Juli", "Agustus", "September", "Oktober", "November", "Desember" },
    { "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des" },
  },
  [SIGAP_LANG_EN] = {
    { "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December" },
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  },
};

static gboolean
lang_is_valid (SigapLang lang)
{
  return lang == SIGAP_LANG_ID || lang == SIGAP_LANG_EN;
}

static char
group_separator (SigapLang lang)
{
  return lang == SIGAP_LANG_ID ? '.' : ',';
}

static char
decimal_separator (SigapLang lang)
{
  return lang == SIGAP_LANG_ID ? ',' : '.';
}

/* |n| without overflow: -G_MININT64 does not fit in a gint64. */
static guint64
magnitude (gint64 n)
{
  return n < 0 ? (guint64) (-(n + 1)) + 1 : (guint64) n;
}

static int
count_digits (guint64 v)
{
  int n = 1;

  while (v >= 10)
    {
      v /= 10;
      n++;
    }

  return n;
}

static guint64
power_of_ten (int e)
{
  guint64 p = 1;

  g_assert (e >= 0 && e <= 19);

  while (e-- > 0)
    p *= 10;

  return p;
}

/* Appends the digit string @digits with @sep between groups of three, from the right. */
static void
append_grouped (GString    *out,
                const char *digits,
                gsize       len,
                char        sep)
{
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

/* Appends the value N × 10^@scale, where N is the decimal integer @n_digits (no leading zeros,
 * "0" for zero). With @strip_zeros, trailing zeros after the decimal point are dropped, and the
 * point with them when nothing is left.
 */
static void
append_scaled (GString    *out,
               const char *n_digits,
               int         scale,
               gboolean    strip_zeros,
               char        group_sep,
               char        decimal_sep)
{
  gsize len = strlen (n_digits);
  g_autoptr(GString) padded = NULL;
  gsize frac_len;
  gsize int_len;

  g_assert (len > 0);

  if (scale >= 0)
    {
      padded = g_string_new (n_digits);
      if (strcmp (n_digits, "0") != 0)
        for (int i = 0; i < scale; i++)
          g_string_append_c (padded, '0');
      append_grouped (out, padded->str, padded->len, group_sep);
      return;
    }

  frac_len = (gsize) -scale;
  padded = g_string_new (NULL);
  /* at least one digit before the decimal point: 5 × 10^-2 is 0.05 */
  for (gsize i = len; i < frac_len + 1; i++)
    g_string_append_c (padded, '0');
  g_string_append (padded, n_digits);

  int_len = padded->len - frac_len;
  append_grouped (out, padded->str, int_len, group_sep);

  if (strip_zeros)
    while (frac_len > 0 && padded->str[int_len + frac_len - 1] == '0')
      frac_len--;

  if (frac_len > 0)
    {
      g_string_append_c (out, decimal_sep);
      g_string_append_len (out, padded->str + int_len, frac_len);
    }
}

static void
decimal15_from_double (double     a,
                       Decimal15 *d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert (isfinite (a) && a >= 0);

  /* "%.14e" through g_ascii_formatd is locale-independent: "4.40500000000000e+01" */
  g_ascii_formatd (buf, sizeof buf, "%.14e", a);
  g_assert (buf[1] == '.' && buf[16] == 'e');

  d->digits[0] = buf[0];
  memcpy (d->digits + 1, buf + 2, 14);
  d->digits[15] = '\0';
  d->exp = (int) g_ascii_strtoll (buf + 17, NULL, 10);
}

/* round (value / 10^@unit_exp), half away from zero, as a decimal string without leading zeros. */
static char *
decimal15_round (const Decimal15 *d,
                 int              unit_exp)
{
  /* digit i has weight 10^(exp - i); keep those with weight >= 10^unit_exp */
  int kept = d->exp - unit_exp + 1;
  GString *n;
  int i;

  if (kept <= 0)
    return g_strdup (kept == 0 && d->digits[0] >= '5' ? "1" : "0");

  n = g_string_new (NULL);
  if (kept >= 15)
    {
      g_string_append (n, d->digits);
      for (i = 15; i < kept; i++)
        g_string_append_c (n, '0');
    }
  else
    {
      g_string_append_len (n, d->digits, kept);
      if (d->digits[kept] >= '5')
        {
          for (i = kept - 1; i >= 0 && n->str[i] == '9'; i--)
            n->str[i] = '0';
          if (i >= 0)
            n->str[i]++;
          else
            g_string_prepend_c (n, '1');
        }
    }

  /* only a zero value has leading zeros ("000…"): keep one */
  while (n->len > 1 && n->str[0] == '0')
    g_string_erase (n, 0, 1);

  return g_string_free (n, FALSE);
}

static void
append_fixed (GString   *out,
              double     v,
              int        decimals,
              SigapLang  lang)
{
  Decimal15 d;
  g_autofree char *n = NULL;

  decimal15_from_double (fabs (v), &d);
  n = decimal15_round (&d, -decimals);

  /* no "-0,0" for a tiny negative value that rounds to zero */
  if (v < 0 && strcmp (n, "0") != 0)
    g_string_append_c (out, '-');

  append_scaled (out, n, -decimals, FALSE, group_separator (lang), decimal_separator (lang));
}

/* The exponent of the unit a short form uses for a rounded value whose first digit has weight
 * 10^@lead_exp: 10^3 (rb, K), 10^6 (juta, M), 10^9 (miliar, B), 10^12 (triliun, T) or none.
 */
static int
short_unit_exp (int lead_exp)
{
  if (lead_exp >= 12)
    return 12;
  if (lead_exp >= 9)
    return 9;
  if (lead_exp >= 6)
    return 6;
  if (lead_exp >= 3)
    return 3;
  return 0;
}

static const char *
short_unit_word (int       unit_exp,
                 SigapLang lang,
                 gboolean  money)
{
  /* Indonesian writes the words out; "M" would read as miliar and "jt" is too informal for the
   * DPRD. English uses the usual K/M/B/T on axes and the words for money.
   */
  switch (unit_exp)
    {
    case 3:
      return lang == SIGAP_LANG_ID ? " rb" : "K";
    case 6:
      return lang == SIGAP_LANG_ID ? " juta" : (money ? " million" : "M");
    case 9:
      return lang == SIGAP_LANG_ID ? " miliar" : (money ? " billion" : "B");
    case 12:
      return lang == SIGAP_LANG_ID ? " triliun" : (money ? " trillion" : "T");
    default:
      return "";
    }
}

static void
append_rupiah_prefix (GString   *out,
                      gboolean   negative,
                      SigapLang  lang)
{
  if (negative)
    g_string_append_c (out, '-');
  g_string_append (out, lang == SIGAP_LANG_ID ? "Rp" : "IDR ");
}

/**
 * sigap_lang_from_locale:
 *
 * Picks the figures' language from the message locale, as gettext would: the entries of
 * `g_get_language_names()` (from LANGUAGE, LC_ALL, LC_MESSAGES, LANG) are read in order, and the
 * first one that is Indonesian ("id", "id_ID.UTF-8", …) or English ("en…", "C", "POSIX") decides.
 * Other languages are skipped because the app has no catalogue for them.
 *
 * Returns: %SIGAP_LANG_ID or %SIGAP_LANG_EN
 */
SigapLang
sigap_lang_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (gsize i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      char after;

      if (g_ascii_strcasecmp (name, "C") == 0 || g_ascii_strcasecmp (name, "POSIX") == 0 ||
          g_str_has_prefix (name, "C."))
        return SIGAP_LANG_EN;

      if (strlen (name) < 2)
        continue;

      /* "id" must be the whole language part: not "ido" or "idx_…" */
      after = name[2];
      if (after != '\0' && after != '_' && after != '.' && after != '@')
        continue;

      if (g_ascii_strncasecmp (name, "id", 2) == 0)
        return SIGAP_LANG_ID;
      if (g_ascii_strncasecmp (name, "en", 2) == 0)
        return SIGAP_LANG_EN;
    }

  return SIGAP_LANG_EN;
}

/**
 * sigap_lang_parse:
 * @text: "id" or "en", in any case
 * @out: (out) (optional): the language
 *
 * Returns: %TRUE if @text names a language; @out is untouched otherwise
 */
gboolean
sigap_lang_parse (const char *text,
                  SigapLang  *out)
{
  SigapLang lang;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "id") == 0)
    lang = SIGAP_LANG_ID;
  else if (g_ascii_strcasecmp (text, "en") == 0)
    lang = SIGAP_LANG_EN;
  else
    return FALSE;

  if (out != NULL)
    *out = lang;

  return TRUE;
}

/**
 * sigap_lang_to_string:
 *
 * Returns: "id" or "en", the form sigap_lang_parse() reads
 */
const char *
sigap_lang_to_string (SigapLang lang)
{
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  return lang == SIGAP_LANG_ID ? "id" : "en";
}

/**
 * sigap_format_count:
 *
 * A whole number with thousands separators: 11.666 (id), 11,666 (en), -1.234, 0.
 * Works for the whole gint64 range, %G_MININT64 included.
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_count (gint64    n,
                    SigapLang lang)
{
  char digits[24];
  GString *out;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  out = g_string_new (NULL);
  if (n < 0)
    g_string_append_c (out, '-');
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude (n));
  append_grouped (out, digits, strlen (digits), group_separator (lang));

  return g_string_free (out, FALSE);
}

/**
 * sigap_format_decimal:
 * @decimals: digits after the decimal point, 0 to 15; trailing zeros are kept
 *
 * 1.234,5 (id) or 1,234.5 (en), rounded half away from zero. A value that rounds to zero has no
 * minus sign. NaN and infinities give %SIGAP_FORMAT_NO_VALUE ("–").
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_decimal (double    v,
                      int       decimals,
                      SigapLang lang)
{
  GString *out;

  g_return_val_if_fail (decimals >= 0 && decimals <= 15, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (!isfinite (v))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  out = g_string_new (NULL);
  append_fixed (out, v, decimals, lang);

  return g_string_free (out, FALSE);
}

/**
 * sigap_format_percent:
 * @pct: the percentage (44.0 for 44 %), not a fraction
 * @decimals: digits after the decimal point, 0 to 15
 *
 * 44,0% (id) or 44.0% (en), with no space before the sign. NaN and infinities (a coverage rate
 * with no target, say) give %SIGAP_FORMAT_NO_VALUE ("–"), without a percent sign.
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_percent (double    pct,
                      int       decimals,
                      SigapLang lang)
{
  GString *out;

  g_return_val_if_fail (decimals >= 0 && decimals <= 15, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (!isfinite (pct))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  out = g_string_new (NULL);
  append_fixed (out, pct, decimals, lang);
  g_string_append_c (out, '%');

  return g_string_free (out, FALSE);
}

/**
 * sigap_format_rupiah:
 *
 * A whole amount of Rupiah: Rp16.800 (id), IDR 16,800 (en); -Rp16.800, -IDR 16,800; Rp0.
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_rupiah (gint64    amount,
                     SigapLang lang)
{
  char digits[24];
  GString *out;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  out = g_string_new (NULL);
  append_rupiah_prefix (out, amount < 0, lang);
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude (amount));
  append_grouped (out, digits, strlen (digits), group_separator (lang));

  return g_string_free (out, FALSE);
}

/**
 * sigap_format_rupiah_short:
 *
 * An amount for a headline: Rp2,01 miliar / IDR 2.01 billion, Rp580 juta / IDR 580 million,
 * Rp1,5 triliun / IDR 1.5 trillion. Three significant digits, rounded half away from zero,
 * trailing zeros after the decimal point dropped (Rp2 miliar). The value is rounded before the
 * unit is chosen, so 999.999.999 is "Rp1 miliar", never "Rp1.000 juta". From 1.000 triliun up,
 * whole triliun are shown (Rp1.235 triliun) rather than fewer significant digits.
 * Amounts whose magnitude is below one million are written in full (Rp999.999).
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_rupiah_short (gint64    amount,
                           SigapLang lang)
{
  guint64 m = magnitude (amount);
  guint64 q, n;
  char n_digits[24];
  int round_exp, lead_exp, unit_exp;
  GString *out;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (m < G_GUINT64_CONSTANT (1000000))
    return sigap_format_rupiah (amount, lang);

  /* keep 3 significant digits, but never round away whole triliun */
  round_exp = MIN (count_digits (m) - 3, 12);
  q = power_of_ten (round_exp);
  n = m / q;
  if ((m % q) * 2 >= q)
    n++;

  g_snprintf (n_digits, sizeof n_digits, "%" G_GUINT64_FORMAT, n);
  lead_exp = round_exp + (int) strlen (n_digits) - 1;
  unit_exp = short_unit_exp (lead_exp);

  out = g_string_new (NULL);
  append_rupiah_prefix (out, amount < 0, lang);
  append_scaled (out, n_digits, round_exp - unit_exp, TRUE,
                 group_separator (lang), decimal_separator (lang));
  g_string_append (out, short_unit_word (unit_exp, lang, TRUE));

  return g_string_free (out, FALSE);
}

/**
 * sigap_format_count_short:
 *
 * A compact number for chart axes: 950; 1,5 rb / 1.5K; 12 rb / 12K; 2,5 juta / 2.5M;
 * 3 miliar / 3B; 1,5 triliun / 1.5T. Three significant digits (0,25), trailing zeros dropped,
 * rounded before the unit is chosen (999.7 is "1 rb"). From 1.000 triliun up, whole triliun.
 * NaN and infinities give %SIGAP_FORMAT_NO_VALUE ("–").
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_count_short (double    v,
                          SigapLang lang)
{
  Decimal15 d;
  g_autofree char *n = NULL;
  int round_exp, lead_exp, unit_exp;
  GString *out;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (!isfinite (v))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  if (v == 0)
    return g_strdup ("0");

  decimal15_from_double (fabs (v), &d);
  round_exp = MIN (d.exp - 2, 12);
  n = decimal15_round (&d, round_exp);
  lead_exp = round_exp + (int) strlen (n) - 1;
  unit_exp = short_unit_exp (lead_exp);

  out = g_string_new (NULL);
  if (v < 0)
    g_string_append_c (out, '-');
  append_scaled (out, n, round_exp - unit_exp, TRUE,
                 group_separator (lang), decimal_separator (lang));
  g_string_append (out, short_unit_word (unit_exp, lang, FALSE));

  return g_string_free (out, FALSE);
}

/**
 * sigap_month_name:
 * @month: 1 (January) to 12
 *
 * Indonesian: Januari … Desember, abbreviated Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des.
 * English: January … December, abbreviated Jan … Dec. Abbreviations carry no full stop.
 *
 * Returns: (transfer none): the name
 */
const char *
sigap_month_name (int       month,
                  SigapLang lang,
                  gboolean  abbreviated)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  return month_names[lang][abbreviated ? 1 : 0][month - 1];
}

/**
 * sigap_format_date:
 * @date: a valid date
 *
 * 5 November 2025, or abbreviated 5 Nov 2025 (5 Agu 2025 in Indonesian). The day has no
 * leading zero; both languages put the day first.
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_date (const GDate *date,
                   SigapLang    lang,
                   gboolean     abbreviated)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (date),
                          sigap_month_name (g_date_get_month (date), lang, abbreviated),
                          (guint) g_date_get_year (date));
}

/**
 * sigap_format_month:
 * @month: 1 to 12
 *
 * A calendar month: "November 2025", or abbreviated "Nov 2025".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_month (int       year,
                    int       month,
                    SigapLang lang,
                    gboolean  abbreviated)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  return g_strdup_printf ("%s %d", sigap_month_name (month, lang, abbreviated), year);
}

/**
 * sigap_format_month_span:
 * @first_month: 1 to 12
 * @last_month: @first_month to 12
 *
 * Months of one year: "Nov–Des" (an en dash between abbreviations), or the whole name of a
 * single month: "Desember".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_month_span (int       first_month,
                         int       last_month,
                         SigapLang lang)
{
  g_return_val_if_fail (first_month >= 1 && first_month <= last_month && last_month <= 12, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (first_month == last_month)
    return g_strdup (sigap_month_name (first_month, lang, FALSE));

  return g_strdup_printf ("%s\u2013%s", sigap_month_name (first_month, lang, TRUE),
                          sigap_month_name (last_month, lang, TRUE));
}

/**
 * sigap_format_change_people:
 *
 * A change of a number of people, with its unit, so that it is never read as points:
 * "+53 orang", "−1.204 orang", "0 orang"; "+53 people" in English. The minus is U+2212.
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_change_people (gint64    change,
                            SigapLang lang)
{
  g_autofree char *magnitude = NULL;
  gint64 abs_change = change < 0 ? -change : change;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  magnitude = sigap_format_count (abs_change, lang);
  return g_strdup_printf ("%s%s %s", change > 0 ? "+" : change < 0 ? "\u2212" : "", magnitude,
                          lang == SIGAP_LANG_ID ? "orang" : "people");
}

/**
 * sigap_format_change_points:
 *
 * A change of a percentage, in percentage points to one decimal, with its unit: "+0,5 poin",
 * "−1,2 poin"; "+0.5 pts" in English. A change that rounds to zero is "0,0 poin".
 *
 * Returns: (transfer full): the text, or the no-value dash for a change that is not finite
 */
char *
sigap_format_change_points (double    change,
                            SigapLang lang)
{
  g_autofree char *magnitude = NULL;
  double rounded;

  g_return_val_if_fail (lang_is_valid (lang), NULL);

  if (!isfinite (change))
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  rounded = round (fabs (change) * 10) / 10;
  magnitude = sigap_format_decimal (rounded, 1, lang);
  return g_strdup_printf ("%s%s %s", rounded == 0 ? "" : change > 0 ? "+" : "\u2212",
                          magnitude, lang == SIGAP_LANG_ID ? "poin" : "pts");
}

/**
 * sigap_format_quota_covers:
 * @months: how many months the quota covers, to December (1 to 12)
 * @full_year: the same money spread over twelve months
 *
 * What follows the quota's number where the number stands on its own, as on a card:
 * "pekerja lagi untuk Nov–Des (setara 902 pekerja setahun penuh)", "more workers for Nov–Dec
 * (equal to 902 for a full year)".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_quota_covers (int       months,
                           gint64    full_year,
                           SigapLang lang)
{
  g_autofree char *span = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (months >= 1 && months <= 12, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  span = sigap_format_month_span (13 - months, 12, lang);
  year = sigap_format_count (full_year, lang);

  if (lang == SIGAP_LANG_ID)
    return g_strdup_printf ("pekerja lagi untuk %s (setara %s pekerja setahun penuh)",
                            span, year);

  return g_strdup_printf ("more workers for %s (equal to %s for a full year)", span, year);
}

/**
 * sigap_format_quota:
 * @quota: more workers the pagu can pay for from the month after the as-of date
 * @months: how many months that is, to December (1 to 12)
 * @full_year: the same money spread over twelve months
 *
 * What the quota covers, in one sentence the window, the command line and the briefing share:
 * "5.415 pekerja lagi untuk Nov–Des (setara 902 pekerja setahun penuh)", "5,415 more workers
 * for Nov–Dec (equal to 902 for a full year)".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_format_quota (gint64    quota,
                    int       months,
                    gint64    full_year,
                    SigapLang lang)
{
  g_autofree char *count = NULL;
  g_autofree char *covers = NULL;

  g_return_val_if_fail (months >= 1 && months <= 12, NULL);
  g_return_val_if_fail (lang_is_valid (lang), NULL);

  count = sigap_format_count (quota, lang);
  covers = sigap_format_quota_covers (months, full_year, lang);
  return g_strdup_printf ("%s %s", count, covers);
}

/**
 * sigap_date_parse_iso:
 * @text: "YYYY-MM-DD"
 * @out: (out caller-allocates) (optional): the date
 *
 * Strict: exactly ten characters, four-digit year from 0001, two-digit month and day, and a
 * date that exists (2024-02-29 but not 2025-02-29). No surrounding space, no time part.
 *
 * Returns: %TRUE on success; on failure @out is cleared (invalid)
 */
gboolean
sigap_date_parse_iso (const char *text,
                      GDate      *out)
{
  int year = 0, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (out != NULL)
    g_date_clear (out, 1);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  for (int i = 0; i < 4; i++)
    year = year * 10 + (text[i] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (month < 1 || month > 12 || day < 1 || year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * sigap_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): "2025-11-05", the form the database stores
 */
char *
sigap_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gboolean
sigap_date_is_month_end (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_get_day (date) == g_date_get_days_in_month (g_date_get_month (date),
                                                             g_date_get_year (date));
}
