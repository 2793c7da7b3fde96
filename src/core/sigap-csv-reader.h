/* sigap-csv-reader.h: streaming CSV records with their line numbers and original text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIGAP_CSV_ERROR (sigap_csv_error_quark ())

typedef enum
{
  SIGAP_CSV_ERROR_READ,      /* the stream failed; the message says why */
  SIGAP_CSV_ERROR_ENCODING,  /* a UTF-16 file with a broken character */
  SIGAP_CSV_ERROR_TOO_LONG,  /* a record longer than SIGAP_CSV_MAX_RECORD bytes */
} SigapCsvError;

typedef enum
{
  SIGAP_CSV_ENCODING_UTF8,
  SIGAP_CSV_ENCODING_UTF8_BOM,
  SIGAP_CSV_ENCODING_WINDOWS_1252,
  SIGAP_CSV_ENCODING_UTF16LE,
  SIGAP_CSV_ENCODING_UTF16BE,
} SigapCsvEncoding;

/* A record this long is no list of names: most likely a quote that is never closed. */
#define SIGAP_CSV_MAX_RECORD (4 * 1024 * 1024)

typedef struct _SigapCsvReader SigapCsvReader;

GQuark            sigap_csv_error_quark             (void);

SigapCsvReader   *sigap_csv_reader_new              (GInputStream     *stream);
void              sigap_csv_reader_free             (SigapCsvReader   *self);
void              sigap_csv_reader_set_separator    (SigapCsvReader   *self,
                                                     char              separator);

gboolean          sigap_csv_reader_next             (SigapCsvReader   *self,
                                                     GCancellable     *cancellable,
                                                     GError          **error);

guint             sigap_csv_reader_get_n_fields     (SigapCsvReader   *self);
const char       *sigap_csv_reader_get_field        (SigapCsvReader   *self,
                                                     guint             index);
gint64            sigap_csv_reader_get_line         (SigapCsvReader   *self);
const char       *sigap_csv_reader_get_raw          (SigapCsvReader   *self);
gboolean          sigap_csv_reader_get_unclosed     (SigapCsvReader   *self);
const char       *sigap_csv_reader_get_problem      (SigapCsvReader   *self);

char              sigap_csv_reader_get_separator    (SigapCsvReader   *self);
SigapCsvEncoding  sigap_csv_reader_get_encoding     (SigapCsvReader   *self);
const char       *sigap_csv_encoding_to_string      (SigapCsvEncoding  encoding);
guint64           sigap_csv_reader_get_bytes_read   (SigapCsvReader   *self);
char             *sigap_csv_reader_get_checksum     (SigapCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapCsvReader, sigap_csv_reader_free)

G_END_DECLS
