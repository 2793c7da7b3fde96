/* sigap-import-value.c: reading dates, months, money and counts as offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spreadsheets in Indonesia write 5 November 2025 as 2025-11-05, 05/11/2025, 5-11-2025,
 * 5 Nov 2025, 5-Nop-2025 or "2025-11-05 00:00:00", and two milliard rupiah as 2000000000,
 * 2.000.000.000, Rp2.000.000.000 or "Rp 2.000.000.000,00". All of those are read here. What is
 * ambiguous is refused rather than guessed: a two-digit year, or a month/day order other than
 * day first (the Indonesian order).
 */

#include <glib/gi18n.h>
#include <string.h>

#include "sigap-format.h"
#include "sigap-import.h"
#include "sigap-import-value.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100
/* Far above any budget (the city's whole APBD is some Rp7 trillion), far below G_MAXINT64. */
#define MAX_MONEY G_GINT64_CONSTANT (999999999999999)

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
} TokenType;

typedef struct
{
  TokenType type;
  int       value;   /* a number, or a month 1..12 for a word (0: not a month) */
  int       length;  /* in bytes */
} Token;

/* Spellings sigap_month_name() does not give: older Indonesian (Pebruari, Nopember) and
 * common abbreviations. */
static const struct
{
  const char *name;
  int         month;
} month_variants[] = {
  { "pebruari", 2 }, { "peb", 2 }, { "sept", 9 }, { "agt", 8 }, { "ags", 8 },
  { "nopember", 11 }, { "nop", 11 },
};

static int
month_from_word (const char *word,
                 gsize       len)
{
  char lower[16];

  if (len == 0 || len >= sizeof lower)
    return 0;

  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[len] = '\0';

  for (int month = 1; month <= 12; month++)
    for (int lang = SIGAP_LANG_ID; lang <= SIGAP_LANG_EN; lang++)
      for (int abbreviated = 0; abbreviated <= 1; abbreviated++)
        if (g_ascii_strcasecmp (lower, sigap_month_name (month, lang, abbreviated)) == 0)
          return month;

  for (gsize i = 0; i < G_N_ELEMENTS (month_variants); i++)
    if (strcmp (lower, month_variants[i].name) == 0)
      return month_variants[i].month;

  return 0;
}

/* Splits a date into numbers and words; separators are - / . , and space. At most four
 * tokens; FALSE for anything else. */
static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = text;

  *n_tokens = 0;

  while (*p != '\0')
    {
      Token *token;
      const char *start;

      if (*p == '-' || *p == '/' || *p == '.' || *p == ',' || *p == ' ')
        {
          p++;
          continue;
        }

      if (*n_tokens == 4)
        return FALSE;
      token = &tokens[(*n_tokens)++];
      start = p;

      if (g_ascii_isdigit (*p))
        {
          token->type = TOKEN_NUMBER;
          token->value = 0;
          while (g_ascii_isdigit (*p))
            {
              if (p - start >= 4)
                return FALSE;
              token->value = token->value * 10 + (*p - '0');
              p++;
            }
        }
      else if (g_ascii_isalpha (*p))
        {
          token->type = TOKEN_WORD;
          while (g_ascii_isalpha (*p))
            p++;
          token->value = month_from_word (start, p - start);
          if (token->value == 0)
            return FALSE;
        }
      else
        return FALSE;

      token->length = (int) (p - start);
    }

  return TRUE;
}

/* "2025-11-05 00:00:00" and "2025-11-05T08:30" as Excel and databases export them: the time
 * is dropped. Returns the length of the date part. */
static gsize
strip_time (const char *text)
{
  gsize len = strlen (text);
  const char *colon = strchr (text, ':');
  const char *cut;

  if (colon == NULL)
    return len;

  for (cut = colon; cut > text && g_ascii_isdigit (cut[-1]); cut--)
    ;
  if (cut == text || (cut[-1] != ' ' && cut[-1] != 'T'))
    return len;

  for (const char *p = cut; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != ':' && *p != '.')
      return len;

  return (gsize) (cut - 1 - text);
}

static gboolean
set_date (GDate *out,
          int    day,
          int    month,
          int    year)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

static void
set_date_error (GError     **error,
                const char  *text)
{
  g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
               _("“%s” is not a date: write it as YYYY-MM-DD, DD/MM/YYYY or 5 November 2025"),
               text);
}

/* Most dates in a large list are written the same simple way: "2025-11-05" or "5/11/2025".
 * Reads those without allocating; FALSE for anything else (which may still be a date). */
static gboolean
parse_simple_date (const char *text,
                   int        *out_day,
                   int        *out_month,
                   int        *out_year)
{
  int parts[3] = { 0 };
  int lengths[3] = { 0 };
  const char *p = text;
  char separator = 0;

  for (int i = 0; i < 3; i++)
    {
      while (g_ascii_isdigit (*p) && lengths[i] < 4)
        parts[i] = parts[i] * 10 + (*p++ - '0'), lengths[i]++;
      if (lengths[i] == 0)
        return FALSE;
      if (i == 2)
        break;
      if (*p != '-' && *p != '/')
        return FALSE;
      if (separator != 0 && *p != separator)
        return FALSE;
      separator = *p++;
    }

  if (*p != '\0')
    return FALSE;

  if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
    *out_year = parts[0], *out_month = parts[1], *out_day = parts[2];
  else if (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    *out_day = parts[0], *out_month = parts[1], *out_year = parts[2];
  else
    return FALSE;

  return TRUE;
}

/**
 * sigap_import_parse_date_dmy:
 * @text: a date, see sigap_import_parse_date()
 *
 * Like sigap_import_parse_date(), with the parts of the date.
 *
 * Returns: %TRUE if @text is a date that exists
 */
gboolean
sigap_import_parse_date_dmy (const char  *text,
                             int         *out_day,
                             int         *out_month,
                             int         *out_year,
                             GError     **error)
{
  g_autofree char *date = NULL;
  Token t[4];
  guint n = 0;
  int day, month, year;

  g_return_val_if_fail (text != NULL, FALSE);

  if (parse_simple_date (text, &day, &month, &year))
    goto check;

  date = g_strstrip (g_strndup (text, strip_time (text)));

  if (!tokenize (date, t, &n) || n != 3)
    {
      set_date_error (error, text);
      return FALSE;
    }

  if (t[0].type == TOKEN_NUMBER && t[1].type == TOKEN_NUMBER && t[2].type == TOKEN_NUMBER)
    {
      if (t[0].length == 4 && t[1].length <= 2 && t[2].length <= 2)
        year = t[0].value, month = t[1].value, day = t[2].value;
      else if (t[2].length == 4 && t[0].length <= 2 && t[1].length <= 2)
        day = t[0].value, month = t[1].value, year = t[2].value;
      else
        {
          set_date_error (error, text);
          return FALSE;
        }
    }
  else if (t[0].type == TOKEN_NUMBER && t[0].length <= 2 && t[1].type == TOKEN_WORD &&
           t[2].type == TOKEN_NUMBER && t[2].length == 4)
    day = t[0].value, month = t[1].value, year = t[2].value;
  else
    {
      set_date_error (error, text);
      return FALSE;
    }

check:
  if (!set_date (NULL, day, month, year))
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("“%s” is not a real date"), text);
      return FALSE;
    }

  if (out_day != NULL)
    *out_day = day;
  if (out_month != NULL)
    *out_month = month;
  if (out_year != NULL)
    *out_year = year;
  return TRUE;
}

/**
 * sigap_import_parse_date:
 * @text: YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, D/M/YYYY, DD.MM.YYYY, 5 November 2025,
 *   5 Nov 2025 or 5-Nov-2025 (Indonesian or English month names), optionally followed by a
 *   time that is ignored
 * @out: (out caller-allocates) (optional): the date
 *
 * Years 1900 to 2100 only; a two-digit year is refused.
 *
 * Returns: %TRUE if @text is a date that exists
 */
gboolean
sigap_import_parse_date (const char  *text,
                         GDate       *out,
                         GError     **error)
{
  int day, month, year;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!sigap_import_parse_date_dmy (text, &day, &month, &year, error))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

/**
 * sigap_import_parse_month:
 * @text: a month (2025-11, 11/2025, November 2025, Nov 2025, Nov-2025) or any date
 *   sigap_import_parse_date() reads, which stands for its month
 *
 * Returns: %TRUE if @text names a month
 */
gboolean
sigap_import_parse_month (const char  *text,
                          int         *out_year,
                          int         *out_month,
                          GError     **error)
{
  Token t[4];
  guint n = 0;
  int year = 0, month = 0;
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);

  if (tokenize (text, t, &n) && n == 2)
    {
      if (t[0].type == TOKEN_NUMBER && t[0].length == 4 && t[1].type == TOKEN_NUMBER &&
          t[1].length <= 2)
        year = t[0].value, month = t[1].value;
      else if (t[1].type == TOKEN_NUMBER && t[1].length == 4 && t[0].length <= 2)
        year = t[1].value, month = t[0].value;
      else if (t[0].type == TOKEN_WORD && t[1].type == TOKEN_NUMBER && t[1].length == 4)
        year = t[1].value, month = t[0].value;
    }
  else if (sigap_import_parse_date (text, &date, NULL))
    {
      year = g_date_get_year (&date);
      month = g_date_get_month (&date);
    }

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12)
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("“%s” is not a month: write it as YYYY-MM, MM/YYYY or November 2025"),
                   text);
      return FALSE;
    }

  if (out_year != NULL)
    *out_year = year;
  if (out_month != NULL)
    *out_month = month;
  return TRUE;
}

/* Digits in groups of three separated by @separator ("2.000.000"), or digits only. */
static gboolean
parse_grouped (const char *s,
               gsize       len,
               char        separator,
               gint64     *out)
{
  gint64 value = 0;
  gsize group = 0;
  gboolean grouped = separator != '\0' && memchr (s, separator, len) != NULL;
  gboolean first_group = TRUE;

  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (grouped && s[i] == separator)
        {
          if (group == 0 || group > 3 || (!first_group && group != 3))
            return FALSE;
          first_group = FALSE;
          group = 0;
          continue;
        }

      if (!g_ascii_isdigit (s[i]))
        return FALSE;

      value = value * 10 + (s[i] - '0');
      if (value > MAX_MONEY)
        return FALSE;
      group++;
    }

  if (grouped && group != 3)
    return FALSE;

  *out = value;
  return TRUE;
}

/* Leaves the number: no "Rp"/"IDR", no spaces. */
static char *
strip_currency (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "Rp", 2) == 0)
    p += 2;
  else if (g_ascii_strncasecmp (p, "IDR", 3) == 0)
    p += 3;
  if (*p == '.')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        {
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  /* "2.000.000,-" is how a cheque writes a round amount. */
  if (g_str_has_suffix (out->str, ",-") || g_str_has_suffix (out->str, ".-"))
    g_string_truncate (out, out->len - 2);

  return g_string_free (out, FALSE);
}

/**
 * sigap_import_parse_money:
 * @text: 2000000000, 2.000.000.000, Rp2.000.000.000, Rp 2.000.000.000,00, 2,000,000,000.00
 * @out: (out) (optional): whole rupiah
 *
 * Thousands may be grouped with dots (Indonesian) or commas (English), and a decimal part of
 * one or two digits after the other sign is allowed when it is zero: the rupiah has no cents.
 *
 * Returns: %TRUE for a whole, non-negative amount
 */
gboolean
sigap_import_parse_money (const char  *text,
                          gint64      *out,
                          GError     **error)
{
  g_autofree char *s = NULL;
  const char *last_sep;
  gsize int_len;
  char group_sep = '\0';
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);

  s = strip_currency (text);

  if (s[0] == '-' || s[0] == '(')
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("“%s” is negative; amounts must be zero or more"), text);
      return FALSE;
    }

  int_len = strlen (s);
  last_sep = strrchr (s, '.');
  if (last_sep == NULL || (strrchr (s, ',') != NULL && strrchr (s, ',') > last_sep))
    last_sep = strrchr (s, ',');

  /* One or two digits after the last separator: a decimal part, which must be zero. */
  if (last_sep != NULL)
    {
      gsize decimals = strlen (last_sep + 1);

      if (decimals >= 1 && decimals <= 2 && strspn (last_sep + 1, "0123456789") == decimals)
        {
          if (strspn (last_sep + 1, "0") != decimals)
            {
              g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                           _("“%s” has a fraction of a rupiah; give whole rupiah"), text);
              return FALSE;
            }
          int_len = (gsize) (last_sep - s);
          group_sep = *last_sep == ',' ? '.' : ',';
        }
    }

  if (group_sep == '\0')
    {
      gboolean dots = memchr (s, '.', int_len) != NULL;
      gboolean commas = memchr (s, ',', int_len) != NULL;

      group_sep = dots && !commas ? '.' : commas && !dots ? ',' : '\0';
    }

  if (!parse_grouped (s, int_len, group_sep, &value))
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("“%s” is not an amount of rupiah: write it as 2000000000 or "
                     "Rp2.000.000.000"),
                   text);
      return FALSE;
    }

  if (out != NULL)
    *out = value;
  return TRUE;
}

/**
 * sigap_import_parse_count:
 * @text: a whole number of people, optionally grouped in thousands: 10000, 10.000, 10,000
 *
 * Returns: %TRUE for a whole number from 0
 */
gboolean
sigap_import_parse_count (const char  *text,
                          gint64      *out,
                          GError     **error)
{
  g_autofree char *s = NULL;
  gsize len;
  gboolean dots, commas;
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);

  s = g_strdup (text);
  g_strstrip (s);
  len = strlen (s);
  dots = strchr (s, '.') != NULL;
  commas = strchr (s, ',') != NULL;

  if (s[0] == '-' || (dots && commas) ||
      !parse_grouped (s, len, dots ? '.' : commas ? ',' : '\0', &value))
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("“%s” is not a whole number of zero or more"), text);
      return FALSE;
    }

  if (out != NULL)
    *out = value;
  return TRUE;
}

/**
 * sigap_import_parse_desil:
 * @text: 1 to 10, as "3", "03" or "Desil 3"
 *
 * Returns: %TRUE for a desil from 1 to 10
 */
gboolean
sigap_import_parse_desil (const char  *text,
                          int         *out,
                          GError     **error)
{
  const char *p = text;
  guint64 value = 0;
  char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "desil", 5) == 0)
    p += 5;
  while (*p == ' ')
    p++;

  if (g_ascii_isdigit (*p))
    value = g_ascii_strtoull (p, &end, 10);

  if (end == NULL || end == p || *end != '\0' || value < 1 || value > 10)
    {
      g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
                   _("Desil “%s” is not a number from 1 to 10"), text);
      return FALSE;
    }

  if (out != NULL)
    *out = (int) value;
  return TRUE;
}

/**
 * sigap_import_parse_sex:
 * @text: L or P, Laki-laki or Perempuan, Pria or Wanita, M or F, Male or Female
 * @out: (out) (optional): 'L' or 'P'
 *
 * Returns: %TRUE if @text says which
 */
gboolean
sigap_import_parse_sex (const char  *text,
                        char        *out,
                        GError     **error)
{
  static const char * const male[] = { "l", "lk", "lakilaki", "laki", "pria", "m", "male" };
  static const char * const female[] = { "p", "pr", "perempuan", "wanita", "f", "female" };
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The usual case, without allocating. */
  if ((text[0] == 'L' || text[0] == 'P' || text[0] == 'l' || text[0] == 'p') && text[1] == '\0')
    {
      if (out != NULL)
        *out = g_ascii_toupper (text[0]);
      return TRUE;
    }

  key = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (key, g_ascii_tolower (*p));

  for (guint i = 0; i < G_N_ELEMENTS (male); i++)
    if (strcmp (key->str, male[i]) == 0)
      {
        if (out != NULL)
          *out = 'L';
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    if (strcmp (key->str, female[i]) == 0)
      {
        if (out != NULL)
          *out = 'P';
        return TRUE;
      }

  g_set_error (error, SIGAP_IMPORT_ERROR, SIGAP_IMPORT_ERROR_VALUE,
               _("Sex “%s” is neither L (laki-laki) nor P (perempuan)"), text);
  return FALSE;
}
