/* sigap-csv-writer.c: the cells of every CSV the app writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every CSV the app writes (the rejected lines, `summary --format csv`, a chart's table) goes
 * through these functions, so that one place decides how a cell is quoted and which cells are
 * defused. A spreadsheet opening a CSV runs a cell that starts with "=", "+", "-" or "@" as a
 * formula (=HYPERLINK(…), +cmd|' /C calc'!A0), and some strip a leading tab or carriage return
 * first: so text that came from outside (imported values, raw lines, names, column names)
 * gets a "'" in front when it starts with one of them, as OWASP advises. Figures the app
 * computed are written as they are, so that a spreadsheet still sees numbers.
 */

#include <string.h>

#include "sigap-csv-writer.h"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Whether the cell text between @text and @end (or its NUL) would start a formula: its first
 * character, or the first after leading spaces, which a spreadsheet may drop. */
static gboolean
is_formula_len (const char *text,
                const char *end)
{
  const char *p = text;

  if (p < end && (*p == '\t' || *p == '\r'))
    return TRUE;
  while (p < end && *p == ' ')
    p++;
  return p < end && is_formula_start (*p);
}

/**
 * sigap_csv_is_formula:
 * @text: a cell's text, unquoted
 *
 * Returns: whether a spreadsheet could take @text for a formula, so that a CSV writer must
 *   defuse it
 */
gboolean
sigap_csv_is_formula (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return is_formula_len (text, text + strlen (text));
}

static void
append_quoted (GString    *out,
               const char *prefix,
               const char *text,
               char        separator)
{
  size_t len = strlen (text);
  gboolean quote = strchr (text, separator) != NULL || strpbrk (text, "\"\r\n") != NULL ||
                   (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));

  if (!quote)
    {
      g_string_append (out, prefix);
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  g_string_append (out, prefix);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * sigap_csv_append_text:
 * @out: the CSV being written
 * @text: text that came from outside the app (a value, a name, a column name)
 * @separator: the file's separator
 *
 * Appends @text as one cell: quoted when it holds the separator, a quote, a line break or
 * space at an edge, and with a "'" in front when it would start a formula.
 */
void
sigap_csv_append_text (GString    *out,
                       const char *text,
                       char        separator)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";
  append_quoted (out, sigap_csv_is_formula (text) ? "'" : "", text, separator);
}

/**
 * sigap_csv_append_number:
 * @number: a figure the app computed and formatted ("-1.234", "12,5 %")
 *
 * Appends @number as one cell, quoted when it must be, and never defused: a negative figure
 * stays a number.
 */
void
sigap_csv_append_number (GString    *out,
                         const char *number,
                         char        separator)
{
  g_return_if_fail (out != NULL);

  append_quoted (out, "", number != NULL ? number : "", separator);
}

void
sigap_csv_append_int (GString *out,
                      gint64   value)
{
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/**
 * sigap_csv_append_record:
 * @raw: a record as it was read, its cells quoted as in the file it came from
 * @separator: that file's separator
 *
 * Appends @raw byte for byte, except that a cell that would start a formula gets a "'" in
 * front of its text (inside its quotes when it has them), so that the office can fix the line
 * and import it again. Cells are found as the reader finds them: a quote at the start of a
 * cell, after spaces, opens a quoted cell, and "" inside one is a quote.
 */
void
sigap_csv_append_record (GString    *out,
                         const char *raw,
                         char        separator)
{
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (raw != NULL);

  p = raw;
  for (;;)
    {
      const char *start = p;
      const char *q = p;

      while (*q == ' ' || (*q == '\t' && separator != '\t'))
        q++;

      if (*q == '"')
        {
          const char *content = q + 1;
          const char *close = content;

          while (*close != '\0' && !(close[0] == '"' && close[1] != '"'))
            close += close[0] == '"' ? 2 : 1;

          g_string_append_len (out, start, content - start);
          if (is_formula_len (content, close))
            g_string_append_c (out, '\'');
          p = content;
          /* The closing quote, and whatever a sloppy writer left after it. */
          if (*close == '"')
            close++;
          while (*close != '\0' && *close != separator)
            close++;
          g_string_append_len (out, p, close - p);
          p = close;
        }
      else
        {
          const char *end = strchr (start, separator);

          if (end == NULL)
            end = start + strlen (start);
          if (is_formula_len (start, end))
            g_string_append_c (out, '\'');
          g_string_append_len (out, start, end - start);
          p = end;
        }

      if (*p == '\0')
        break;
      g_string_append_c (out, *p++);
    }
}

/**
 * sigap_csv_format_double:
 * @value: a finite number
 *
 * The shortest text that reads back as @value, with '.' as decimal point: "99.65" where
 * "%.17g" gives "99.650000000000006". For numbers that machines read (CSV, JSON).
 *
 * Returns: (transfer full): the number as text
 */
char *
sigap_csv_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}
