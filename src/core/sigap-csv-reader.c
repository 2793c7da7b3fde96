/* sigap-csv-reader.c: streaming CSV records with their line numbers and original text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV files we get are exported from Excel by different offices, so the reader takes what
 * Excel and its users produce: UTF-8 with or without a byte order mark, Windows-1252 (Excel's
 * "CSV" on an Indonesian or English Windows), UTF-16 ("Unicode Text"); comma, semicolon (the
 * Indonesian locale's list separator) or tab, or whatever a first line "sep=;" names; CRLF, LF
 * or CR line ends; RFC 4180 quoting with separators, quotes and line breaks inside values.
 *
 * Quoting is libcsv's. We feed it one physical line at a time, so that every record knows the
 * line it starts on and keeps its text as read (for the rejected-lines file), and memory stays
 * that of one record whatever the size of the file.
 *
 * Without a byte order mark, the first line with a byte beyond ASCII decides the encoding of
 * the whole file: UTF-8 when it is valid UTF-8, else Windows-1252 (real lists are mostly
 * ASCII, and Windows-1252 text that happens to be valid UTF-8 does not occur in names). A
 * later line that does not fit that encoding, or any line with a NUL byte, is not guessed at:
 * its record carries a problem, a line-numbered reason the importer rejects it with, and its
 * text has U+FFFD where the bad bytes were. UTF-16 without a byte order mark (Excel's
 * "Unicode Text" through some tools) is recognized by the zero bytes of its ASCII header.
 */

#include <glib/gi18n.h>
#include <csv.h>
#include <inttypes.h>
#include <string.h>

#include "sigap-csv-reader.h"

#define CHUNK_SIZE (64 * 1024)
/* How much of the start of the file is looked at to recognize UTF-16 without a byte order
 * mark: a header line's worth. */
#define SNIFF_SIZE 256

/* What the lines without a byte order mark have shown to be so far. */
typedef enum
{
  TEXT_ASCII,
  TEXT_UTF8,
  TEXT_WINDOWS_1252,
} TextKind;

struct _SigapCsvReader
{
  GInputStream      *stream;
  GChecksum         *checksum;
  guint64            bytes_read;
  guint8            *chunk;
  gboolean           started;
  gboolean           eof;
  gboolean           finished;

  /* Bytes read (and, for UTF-16, converted) but not yet split into lines. */
  GByteArray        *pending;
  gsize              pending_pos;

  GConverter        *utf16;
  GByteArray        *utf16_tail;
  GIConv             cp1252;
  GString           *converted;

  struct csv_parser  parser;
  char               separator;
  gboolean           separator_known;

  gint64             line_number;
  gint64             record_line;
  GString           *raw;
  GString           *fields;
  GArray            *offsets;
  gboolean           row_done;
  gboolean           unclosed;

  SigapCsvEncoding   encoding;
  TextKind           text_kind;
  char              *problem;     /* of the current record, or NULL */
};

G_DEFINE_QUARK (sigap-csv-error-quark, sigap_csv_error)

/* libcsv skips "space" at the edges of unquoted values: never the separator itself. */
static int
is_space (unsigned char c)
{
  return c == ' ' || c == '\t';
}

static int
is_space_not_tab (unsigned char c)
{
  return c == ' ';
}

static gboolean
is_edge_space (const guchar *p,
               const guchar *end,
               gsize        *out_len)
{
  if (p < end && g_ascii_isspace (*p))
    *out_len = 1;
  else if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)   /* U+00A0 no-break space */
    *out_len = 2;
  else if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)   /* U+FEFF */
    *out_len = 3;
  else
    return FALSE;
  return TRUE;
}

static gsize
trailing_space (const guchar *start,
                const guchar *end)
{
  if (end > start && g_ascii_isspace (end[-1]))
    return 1;
  if (end - start >= 2 && end[-2] == 0xC2 && end[-1] == 0xA0)
    return 2;
  if (end - start >= 3 && end[-3] == 0xEF && end[-2] == 0xBB && end[-1] == 0xBF)
    return 3;
  return 0;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  SigapCsvReader *self = user_data;
  const guchar *s = data;
  const guchar *e = s + len;
  guint offset = (guint) self->fields->len;
  gsize n;

  /* Surrounding space goes, inside quotes too: "  Budi " is Budi. */
  while (s < e && is_edge_space (s, e, &n))
    s += n;
  while (e > s && (n = trailing_space (s, e)) > 0)
    e -= n;

  g_array_append_val (self->offsets, offset);
  g_string_append_len (self->fields, (const char *) s, e - s);
  g_string_append_c (self->fields, '\0');
}

static void
row_cb (int   c,
        void *user_data)
{
  SigapCsvReader *self = user_data;

  self->row_done = TRUE;
}

/**
 * sigap_csv_reader_new:
 * @stream: the file, positioned at its start
 *
 * Returns: (transfer full): a reader of @stream's records
 */
SigapCsvReader *
sigap_csv_reader_new (GInputStream *stream)
{
  SigapCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (SigapCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->chunk = g_malloc (CHUNK_SIZE);
  self->pending = g_byte_array_sized_new (CHUNK_SIZE);
  self->cp1252 = (GIConv) -1;
  self->converted = g_string_new (NULL);
  self->raw = g_string_new (NULL);
  self->fields = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->separator = ',';
  self->encoding = SIGAP_CSV_ENCODING_UTF8;

  csv_init (&self->parser, 0);
  csv_set_space_func (&self->parser, is_space);

  return self;
}

void
sigap_csv_reader_free (SigapCsvReader *self)
{
  if (self == NULL)
    return;

  csv_free (&self->parser);
  if (self->cp1252 != (GIConv) -1)
    g_iconv_close (self->cp1252);
  g_clear_object (&self->utf16);
  g_clear_pointer (&self->utf16_tail, g_byte_array_unref);
  g_object_unref (self->stream);
  g_checksum_free (self->checksum);
  g_free (self->chunk);
  g_byte_array_unref (self->pending);
  g_string_free (self->converted, TRUE);
  g_string_free (self->raw, TRUE);
  g_string_free (self->fields, TRUE);
  g_array_unref (self->offsets);
  g_free (self->problem);
  g_free (self);
}

/**
 * sigap_csv_reader_set_separator:
 *
 * Uses @separator instead of detecting it from the first line; call it before the first
 * sigap_csv_reader_next().
 */
void
sigap_csv_reader_set_separator (SigapCsvReader *self,
                                char            separator)
{
  g_return_if_fail (self != NULL);

  self->separator = separator;
  self->separator_known = TRUE;
  csv_set_delim (&self->parser, (unsigned char) separator);
  csv_set_space_func (&self->parser, separator == '\t' ? is_space_not_tab : is_space);
}

static gboolean
convert_utf16 (SigapCsvReader  *self,
               const guint8    *data,
               gsize            len,
               gboolean         at_end,
               GError         **error)
{
  static const guint8 nothing[1] = { 0 };
  g_autoptr(GByteArray) input = NULL;
  const guint8 *in;
  gsize in_len;

  if (data == NULL)
    data = nothing;

  /* A character may be split between two reads: keep the tail for the next call. */
  if (self->utf16_tail != NULL && self->utf16_tail->len > 0)
    {
      input = g_byte_array_new ();
      g_byte_array_append (input, self->utf16_tail->data, self->utf16_tail->len);
      g_byte_array_append (input, data, (guint) len);
      g_byte_array_set_size (self->utf16_tail, 0);
      in = input->data;
      in_len = input->len;
    }
  else
    {
      in = data;
      in_len = len;
    }

  while (in_len > 0 || at_end)
    {
      guint8 out[CHUNK_SIZE];
      gsize n_read = 0, n_written = 0;
      g_autoptr(GError) local_error = NULL;
      GConverterResult result;

      result = g_converter_convert (self->utf16, in, in_len, out, sizeof out,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && !at_end)
            {
              if (self->utf16_tail == NULL)
                self->utf16_tail = g_byte_array_new ();
              g_byte_array_append (self->utf16_tail, in, (guint) in_len);
              return TRUE;
            }

          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_ENCODING,
                       _("The file is UTF-16 text but contains an invalid character: %s"),
                       local_error->message);
          return FALSE;
        }

      g_byte_array_append (self->pending, out, (guint) n_written);
      in += n_read;
      in_len -= n_read;

      if (result == G_CONVERTER_FINISHED || (at_end && in_len == 0 && n_written == 0))
        break;
    }

  return TRUE;
}

/* UTF-16 without a byte order mark: the header is ASCII, so one byte of every pair is zero,
 * the second one (little-endian) or the first (big-endian). UTF-8 and Windows-1252 text has
 * no zero byte at all. Returns the charset name for the converter, or NULL. */
static const char *
sniff_utf16 (const guint8 *data,
             gsize         len)
{
  gsize pairs = MIN (len, SNIFF_SIZE) / 2;
  gsize low_zero = 0, high_zero = 0;

  if (pairs < 2)
    return NULL;

  for (gsize i = 0; i < pairs; i++)
    {
      guint8 first = data[2 * i], second = data[2 * i + 1];

      if (first != 0 && second == 0)
        low_zero++;
      else if (first == 0 && second != 0)
        high_zero++;
    }

  if (low_zero * 2 >= pairs && high_zero == 0)
    return "UTF-16LE";
  if (high_zero * 2 >= pairs && low_zero == 0)
    return "UTF-16BE";
  return NULL;
}

/* Reads the next chunk into pending; at the start, recognizes a byte order mark. */
static gboolean
fill (SigapCsvReader  *self,
      GCancellable    *cancellable,
      GError         **error)
{
  const guint8 *data;
  gsize len;
  gssize n;

  if (self->eof)
    return TRUE;

  if (self->started)
    {
      n = g_input_stream_read (self->stream, self->chunk, CHUNK_SIZE, cancellable, error);
      if (n < 0)
        return FALSE;
      len = (gsize) n;
    }
  else
    {
      /* Enough bytes to see a byte order mark or UTF-16 without one, even from a stream
       * that trickles. */
      len = 0;
      do
        {
          n = g_input_stream_read (self->stream, self->chunk + len, CHUNK_SIZE - len,
                                   cancellable, error);
          if (n < 0)
            return FALSE;
          len += (gsize) n;
        }
      while (n > 0 && len < SNIFF_SIZE);
    }

  if (len == 0)
    {
      self->eof = TRUE;
      if (self->utf16 != NULL)
        return convert_utf16 (self, NULL, 0, TRUE, error);
      return TRUE;
    }

  g_checksum_update (self->checksum, self->chunk, len);
  self->bytes_read += len;
  data = self->chunk;

  if (!self->started)
    {
      const char *utf16 = NULL;

      self->started = TRUE;

      if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
          self->encoding = SIGAP_CSV_ENCODING_UTF8_BOM;
          self->text_kind = TEXT_UTF8;
          data += 3;
          len -= 3;
        }
      else if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                            (data[0] == 0xFE && data[1] == 0xFF)))
        {
          self->encoding = data[0] == 0xFF ? SIGAP_CSV_ENCODING_UTF16LE
                                           : SIGAP_CSV_ENCODING_UTF16BE;
          /* "UTF-16" reads the byte order mark and drops it. */
          utf16 = "UTF-16";
        }
      else if ((utf16 = sniff_utf16 (data, len)) != NULL)
        {
          self->encoding = g_str_equal (utf16, "UTF-16LE") ? SIGAP_CSV_ENCODING_UTF16LE
                                                           : SIGAP_CSV_ENCODING_UTF16BE;
        }

      if (utf16 != NULL)
        {
          self->utf16 = G_CONVERTER (g_charset_converter_new ("UTF-8", utf16, NULL));
          if (self->utf16 == NULL)
            {
              g_set_error_literal (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_ENCODING,
                                   _("The file is UTF-16 text, which this system cannot "
                                     "convert"));
              return FALSE;
            }
        }
    }

  if (self->utf16 != NULL)
    return convert_utf16 (self, data, len, FALSE, error);

  g_byte_array_append (self->pending, data, (guint) len);
  return TRUE;
}

/* The next physical line with its line break, pointing into pending (valid until the next
 * call), or FALSE at the end of the stream. */
static gboolean
read_line (SigapCsvReader  *self,
           const guint8   **out_line,
           gsize           *out_len,
           GCancellable    *cancellable,
           GError         **error)
{
  gsize scan = self->pending_pos;

  for (;;)
    {
      const guint8 *data = self->pending->data;
      gsize len = self->pending->len;

      for (gsize i = scan; i < len; i++)
        {
          gsize end;

          if (data[i] != '\n' && data[i] != '\r')
            continue;

          if (data[i] == '\r' && i + 1 == len && !self->eof)
            {
              /* CRLF split between two reads: look at the next byte first. */
              scan = i;
              goto refill;
            }

          end = (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') ? i + 2 : i + 1;
          *out_line = data + self->pending_pos;
          *out_len = end - self->pending_pos;
          self->pending_pos = end;
          return TRUE;
        }
      scan = len;

      if (self->eof)
        {
          if (self->pending_pos == len)
            return FALSE;

          *out_line = data + self->pending_pos;
          *out_len = len - self->pending_pos;
          self->pending_pos = len;
          return TRUE;
        }

    refill:
      if (len - self->pending_pos > SIGAP_CSV_MAX_RECORD)
        {
          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LONG,
                       _("Line %" PRId64 " is longer than %d MiB: this is not a "
                         "CSV list"),
                       self->line_number + 1, SIGAP_CSV_MAX_RECORD / (1024 * 1024));
          return FALSE;
        }

      /* Drop what was consumed before reading more, so the buffer stays small. */
      if (self->pending_pos > 0)
        {
          scan -= self->pending_pos;
          g_byte_array_remove_range (self->pending, 0, (guint) self->pending_pos);
          self->pending_pos = 0;
        }

      if (!fill (self, cancellable, error))
        return FALSE;
    }
}

/* Appends @len bytes of @text with U+FFFD in place of every byte that is not part of valid
 * UTF-8 text (a NUL byte included). */
static void
append_replacing_invalid (GString    *out,
                          const char *text,
                          gsize       len)
{
  while (len > 0)
    {
      const char *end;
      gsize valid;

      g_utf8_validate (text, (gssize) len, &end);
      valid = (gsize) (end - text);
      g_string_append_len (out, text, (gssize) valid);
      if (valid == len)
        break;
      g_string_append (out, "\xEF\xBF\xBD");
      text += valid + 1;
      len -= valid + 1;
    }
}

static gboolean
has_non_ascii (const guint8 *line,
               gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* The five bytes Windows-1252 leaves undefined. */
static gboolean
is_undefined_in_windows_1252 (guchar c)
{
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

static const char *
decode_windows_1252 (SigapCsvReader *self,
                     const guint8   *line,
                     gsize           len,
                     gsize          *out_len)
{
  g_autofree char *converted = NULL;
  gsize n_written = 0;

  if (self->cp1252 == (GIConv) -1)
    self->cp1252 = g_iconv_open ("UTF-8", "WINDOWS-1252");
  if (self->cp1252 != (GIConv) -1)
    converted = g_convert_with_iconv ((const char *) line, (gssize) len, self->cp1252, NULL,
                                      &n_written, NULL);
  if (converted == NULL)
    converted = g_convert ((const char *) line, (gssize) len, "UTF-8", "ISO-8859-1", NULL,
                           &n_written, NULL);

  g_string_truncate (self->converted, 0);
  if (converted != NULL)
    g_string_append_len (self->converted, converted, (gssize) n_written);
  else
    append_replacing_invalid (self->converted, (const char *) line, len);

  *out_len = self->converted->len;
  return self->converted->str;
}

/* Returns @line as UTF-8, and in @out_problem why its record must be rejected, if it must: a
 * NUL byte, or bytes that do not fit the encoding the file has shown so far. */
static const char *
decode_line (SigapCsvReader  *self,
             const guint8    *line,
             gsize            len,
             gsize           *out_len,
             char           **out_problem)
{
  gboolean valid;

  *out_problem = NULL;

  if (memchr (line, '\0', len) != NULL)
    {
      *out_problem = g_strdup_printf (_("Line %" PRId64 " contains a NUL byte, which no text "
                                        "holds: the file is damaged or is not a CSV list"),
                                      self->line_number);
      g_string_truncate (self->converted, 0);
      append_replacing_invalid (self->converted, (const char *) line, len);
      *out_len = self->converted->len;
      return self->converted->str;
    }

  /* Converted from UTF-16, or plain ASCII: nothing to decide. */
  if (self->utf16 != NULL || !has_non_ascii (line, len))
    {
      *out_len = len;
      return (const char *) line;
    }

  valid = g_utf8_validate ((const char *) line, (gssize) len, NULL);
  if (self->text_kind == TEXT_ASCII)
    {
      self->text_kind = valid ? TEXT_UTF8 : TEXT_WINDOWS_1252;
      if (!valid)
        self->encoding = SIGAP_CSV_ENCODING_WINDOWS_1252;
    }

  if (self->text_kind == TEXT_UTF8)
    {
      if (!valid)
        {
          *out_problem = g_strdup_printf (_("Line %" PRId64 " is not valid UTF-8 text, unlike "
                                            "the rest of the file: save the file again as "
                                            "UTF-8"),
                                          self->line_number);
          g_string_truncate (self->converted, 0);
          append_replacing_invalid (self->converted, (const char *) line, len);
          *out_len = self->converted->len;
          return self->converted->str;
        }

      *out_len = len;
      return (const char *) line;
    }

  /* Windows-1252: every byte is a character but five, and UTF-8 here means a file put
   * together from two exports. */
  if (valid)
    *out_problem = g_strdup_printf (_("Line %" PRId64 " is UTF-8 text, but the lines before "
                                      "it are Windows-1252: save the whole file again in one "
                                      "encoding"),
                                    self->line_number);
  else
    for (gsize i = 0; i < len && *out_problem == NULL; i++)
      if (is_undefined_in_windows_1252 (line[i]))
        *out_problem = g_strdup_printf (_("Line %" PRId64 " holds a byte (0x%02X) that is no "
                                          "character in Windows-1252, the file’s encoding: "
                                          "the file is damaged"),
                                        self->line_number, line[i]);

  if (valid)
    {
      *out_len = len;
      return (const char *) line;
    }
  return decode_windows_1252 (self, line, len, out_len);
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* "sep=;" on a line of its own, as Excel writes and reads it. */
static gboolean
parse_sep_line (const char *line,
                gsize       len,
                char       *out_separator)
{
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    len--;

  if (len != 5 || g_ascii_strncasecmp (line, "sep=", 4) != 0)
    return FALSE;

  *out_separator = line[4];
  return TRUE;
}

/* The most frequent of comma, semicolon and tab outside quotes on the header line. */
static char
detect_separator (const char *line,
                  gsize       len)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (line[i] == candidates[c])
            counts[c]++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > best_count)
      {
        best = candidates[c];
        best_count = counts[c];
      }

  return best;
}

static void
start_record (SigapCsvReader *self)
{
  g_string_truncate (self->raw, 0);
  g_string_truncate (self->fields, 0);
  g_array_set_size (self->offsets, 0);
  self->row_done = FALSE;
  self->unclosed = FALSE;
  g_clear_pointer (&self->problem, g_free);
}

static gboolean
record_is_empty (SigapCsvReader *self)
{
  for (guint i = 0; i < self->offsets->len; i++)
    if (self->fields->str[g_array_index (self->offsets, guint, i)] != '\0')
      return FALSE;
  return TRUE;
}

static void
strip_line_break (GString *raw)
{
  while (raw->len > 0 && (raw->str[raw->len - 1] == '\n' || raw->str[raw->len - 1] == '\r'))
    g_string_truncate (raw, raw->len - 1);
}

/**
 * sigap_csv_reader_next:
 * @cancellable: (nullable): checked between reads
 * @error: a #SIGAP_CSV_ERROR or #G_IO_ERROR
 *
 * Reads the next record. Blank lines, and lines of empty values only, are skipped. The first
 * record is normally the header.
 *
 * Returns: %TRUE with a record; %FALSE at the end (@error not set) or on an error
 */
gboolean
sigap_csv_reader_next (SigapCsvReader  *self,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->finished)
    return FALSE;

  start_record (self);

  for (;;)
    {
      g_autofree char *problem = NULL;
      const guint8 *bytes;
      const char *line;
      gsize bytes_len, len;
      size_t parsed;

      if (!read_line (self, &bytes, &bytes_len, cancellable, error))
        {
          gboolean in_quotes;

          if (error != NULL && *error != NULL)
            return FALSE;

          /* The end: a last line without a line break, or a quote that never closed. */
          self->finished = TRUE;
          in_quotes = self->parser.pstate == 2 /* FIELD_BEGUN */ && self->parser.quoted;
          csv_fini (&self->parser, field_cb, row_cb, self);
          if (!self->row_done || record_is_empty (self))
            return FALSE;

          self->unclosed = in_quotes;
          strip_line_break (self->raw);
          return TRUE;
        }

      self->line_number++;
      line = decode_line (self, bytes, bytes_len, &len, &problem);

      if (!self->separator_known)
        {
          char separator;

          if (is_blank (line, len))
            continue;

          if (parse_sep_line (line, len, &separator))
            {
              sigap_csv_reader_set_separator (self, separator);
              continue;
            }

          sigap_csv_reader_set_separator (self, detect_separator (line, len));
        }

      if (self->parser.pstate == 0 /* ROW_NOT_BEGUN */)
        {
          start_record (self);
          self->record_line = self->line_number;
        }

      /* The first bad line of a record says why it is rejected. */
      if (problem != NULL && self->problem == NULL)
        self->problem = g_steal_pointer (&problem);

      g_string_append_len (self->raw, line, (gssize) len);
      if (self->raw->len > SIGAP_CSV_MAX_RECORD)
        {
          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_TOO_LONG,
                       _("The record starting on line %" PRId64 " is longer than "
                         "%d MiB: a quote is probably never closed"),
                       self->record_line, SIGAP_CSV_MAX_RECORD / (1024 * 1024));
          return FALSE;
        }

      parsed = csv_parse (&self->parser, line, len, field_cb, row_cb, self);
      if (parsed != len)
        {
          g_set_error (error, SIGAP_CSV_ERROR, SIGAP_CSV_ERROR_READ,
                       _("Cannot read line %" PRId64 ": %s"),
                       self->line_number, csv_strerror (csv_error (&self->parser)));
          return FALSE;
        }

      if (!self->row_done)
        continue;

      if (record_is_empty (self))
        {
          start_record (self);
          continue;
        }

      strip_line_break (self->raw);
      return TRUE;
    }
}

guint
sigap_csv_reader_get_n_fields (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offsets->len;
}

/**
 * sigap_csv_reader_get_field:
 * @index: from 0
 *
 * Returns: (transfer none): the value, without surrounding space; "" beyond the last field
 */
const char *
sigap_csv_reader_get_field (SigapCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, "");

  if (index >= self->offsets->len)
    return "";

  return self->fields->str + g_array_index (self->offsets, guint, index);
}

/* The physical line (from 1, blank lines counted) on which the record starts. */
gint64
sigap_csv_reader_get_line (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/* The record as read, in UTF-8, line breaks inside quotes kept, without its final one. */
const char *
sigap_csv_reader_get_raw (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->raw->str;
}

/**
 * sigap_csv_reader_get_problem:
 *
 * Returns: (nullable): why the record cannot be taken as read (a NUL byte, or a line that
 *   does not fit the file's encoding), with the line's number; %NULL when it can
 */
const char *
sigap_csv_reader_get_problem (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problem;
}

/* Whether the record ended at the end of the file inside a quoted value. */
gboolean
sigap_csv_reader_get_unclosed (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->unclosed;
}

char
sigap_csv_reader_get_separator (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

/* Final once the first line beyond ASCII was read. */
SigapCsvEncoding
sigap_csv_reader_get_encoding (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, SIGAP_CSV_ENCODING_UTF8);

  return self->encoding;
}

const char *
sigap_csv_encoding_to_string (SigapCsvEncoding encoding)
{
  switch (encoding)
    {
    case SIGAP_CSV_ENCODING_UTF8:
      return "UTF-8";
    case SIGAP_CSV_ENCODING_UTF8_BOM:
      return "UTF-8 BOM";
    case SIGAP_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    case SIGAP_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case SIGAP_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    default:
      g_return_val_if_reached ("UTF-8");
    }
}

guint64
sigap_csv_reader_get_bytes_read (SigapCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes_read;
}

/**
 * sigap_csv_reader_get_checksum:
 *
 * Returns: (transfer full): the SHA-256 of the bytes read so far, in hexadecimal: of the
 *   whole file once sigap_csv_reader_next() has returned %FALSE
 */
char *
sigap_csv_reader_get_checksum (SigapCsvReader *self)
{
  g_autoptr(GChecksum) copy = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_checksum_copy (self->checksum);
  return g_strdup (g_checksum_get_string (copy));
}
