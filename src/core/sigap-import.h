/* sigap-import.h: importing participant lists, targets, budgets and payments from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sigap-database.h"

G_BEGIN_DECLS

#define SIGAP_IMPORT_ERROR (sigap_import_error_quark ())

typedef enum
{
  SIGAP_IMPORT_ERROR_READ,           /* the file cannot be opened or read */
  SIGAP_IMPORT_ERROR_EMPTY,          /* no header line */
  SIGAP_IMPORT_ERROR_MISSING_COLUMN, /* a required column is missing; the message names it */
  SIGAP_IMPORT_ERROR_MALFORMED,      /* not a CSV list (a record of megabytes, broken UTF-16) */
  SIGAP_IMPORT_ERROR_VALUE,          /* one value cannot be read (from sigap-import-value.h) */
  SIGAP_IMPORT_ERROR_FAILED,         /* the database failed; the message names it */
} SigapImportError;

typedef enum
{
  SIGAP_IMPORT_PARTICIPANTS,
  SIGAP_IMPORT_TARGETS,
  SIGAP_IMPORT_BUDGET,
  SIGAP_IMPORT_PAYMENTS,
} SigapImportKind;

/* At most this many rejections are kept in a SigapImportResult; the database and the
 * rejected-lines file keep them all. */
#define SIGAP_IMPORT_MAX_KEPT_REJECTIONS 10000

typedef struct
{
  gint64  line;    /* the physical line the record starts on, from 1 */
  char   *column;  /* the column's header as written in the file; NULL for the whole line */
  char   *reason;  /* translated, for the person who fixes the file */
  char   *raw;     /* the record as read, in UTF-8 */
} SigapImportRejection;

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  SigapImportKind  kind;
  char            *file_name;       /* display name, without folders */
  char            *checksum;        /* SHA-256 of the file's bytes, hexadecimal */
  char            *encoding;        /* "UTF-8", "UTF-8 BOM", "Windows-1252", "UTF-16LE", ... */
  char             separator;
  gboolean         dry_run;         /* validated and counted, then rolled back */
  gboolean         already_imported;/* the same file was imported before and changed nothing:
                                     * nothing was written, batch_id is the earlier batch */
  gint64           batch_id;        /* the import_batch row; 0 after a dry run */
  char            *imported_by;     /* who made batch_id (sigap_database_get_user ()); NULL
                                     * after a dry run or when unknown */
  char            *imported_at;     /* when, ISO 8601 UTC; NULL after a dry run */

  gint64           read;            /* records after the header, blank lines not counted */
  gint64           added;
  gint64           updated;
  gint64           unchanged;
  gint64           rejected;
  gint64           flagged;         /* accepted lines with at least one data-quality flag */

  GStrv            ignored_columns; /* header names that matched no column, in file order */
  GPtrArray       *rejections;      /* SigapImportRejection*, the first
                                     * SIGAP_IMPORT_MAX_KEPT_REJECTIONS in line order */
} SigapImportResult;

/* Called with the fraction of the file read (0 to 1, or -1 when the size is unknown) and the
 * number of lines read, a few hundred times at most; then, once every line is read, once
 * with SIGAP_IMPORT_PROGRESS_SAVING while what was read is saved (the notes, the tallies, the
 * indexes: seconds for a large file). See sigap_importer_set_progress_func() for the thread
 * it runs in. */
#define SIGAP_IMPORT_PROGRESS_SAVING 2.0
typedef void (*SigapImportProgressFunc) (double   fraction,
                                         gint64   lines,
                                         gpointer user_data);

#define SIGAP_TYPE_IMPORT_RESULT (sigap_import_result_get_type ())
#define SIGAP_TYPE_IMPORTER (sigap_importer_get_type ())

G_DECLARE_FINAL_TYPE (SigapImporter, sigap_importer, SIGAP, IMPORTER, GObject)

GQuark              sigap_import_error_quark        (void);

const char         *sigap_import_kind_to_string     (SigapImportKind          kind);
gboolean            sigap_import_kind_parse         (const char              *text,
                                                     SigapImportKind         *out_kind);
const char * const *sigap_import_kind_columns       (SigapImportKind          kind,
                                                     gboolean                 required);

GType               sigap_import_result_get_type    (void) G_GNUC_CONST;
SigapImportResult  *sigap_import_result_ref         (SigapImportResult       *self);
void                sigap_import_result_unref       (SigapImportResult       *self);

SigapImporter      *sigap_importer_new              (SigapImportKind          kind);
SigapImportKind     sigap_importer_get_kind         (SigapImporter           *self);
void                sigap_importer_set_dry_run      (SigapImporter           *self,
                                                     gboolean                 dry_run);
void                sigap_importer_set_today        (SigapImporter           *self,
                                                     const GDate             *today);
void                sigap_importer_set_rejects_stream (SigapImporter         *self,
                                                     GOutputStream           *stream);
void                sigap_importer_set_progress_func (SigapImporter          *self,
                                                     SigapImportProgressFunc  func,
                                                     gpointer                 user_data,
                                                     GDestroyNotify           destroy);

SigapImportResult  *sigap_importer_run              (SigapImporter           *self,
                                                     SigapDatabase           *db,
                                                     GFile                   *file,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
SigapImportResult  *sigap_importer_run_stream       (SigapImporter           *self,
                                                     SigapDatabase           *db,
                                                     GInputStream            *input,
                                                     const char              *file_name,
                                                     goffset                  size,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
void                sigap_importer_run_async        (SigapImporter           *self,
                                                     const char              *db_path,
                                                     GFile                   *file,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
SigapImportResult  *sigap_importer_run_finish       (SigapImporter           *self,
                                                     GAsyncResult            *result,
                                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapImportResult, sigap_import_result_unref)

G_END_DECLS
