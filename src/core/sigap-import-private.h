/* sigap-import-private.h: what the importer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once


#include "sigap-csv-reader.h"
#include "sigap-import.h"
#include "sigap-text-match.h"

G_BEGIN_DECLS

#define SIGAP_IMPORT_MAX_COLUMNS 16

typedef struct
{
  const char *name;     /* canonical, as documented: "tanggal_daftar" */
  gboolean    required;
  const char *aliases;  /* '|'-separated; compared by sigap_text_match_key() like the name */
} SigapImportColumn;

typedef enum
{
  SIGAP_IMPORT_ROW_ADDED,
  SIGAP_IMPORT_ROW_UPDATED,
  SIGAP_IMPORT_ROW_UNCHANGED,
  SIGAP_IMPORT_ROW_REJECTED,
  SIGAP_IMPORT_ROW_FAILED,     /* the database failed: run->error is set */
} SigapImportRow;

typedef enum
{
  SIGAP_REGION_KOTA,
  SIGAP_REGION_KECAMATAN,
  SIGAP_REGION_KELURAHAN,
} SigapRegionLevel;

typedef struct
{
  gint64            id;
  char             *code;
  char             *name;
  SigapRegionLevel  level;
  gint64            parent_id;
} SigapImportRegion;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *segment;
} SigapImportSector;

typedef struct _SigapImportRun SigapImportRun;

/* One record on its way from the reading thread to the writing one: either the kind's checked
 * values (data), or the reason it was rejected. */
typedef struct
{
  gint64    line;
  guint64   bytes;     /* of the file read so far, for progress */
  GString  *raw;
  gboolean  rejected;
  int       column;    /* of the rejection; -1 for the whole line */
  GString  *reason;
  gpointer  data;      /* from the kind's item_new () */
} SigapImportItem;

/* A kind either checks and writes each record in one go (row), or splits the work (validate,
 * in a reading thread that never touches the database; apply, in the importing thread), so
 * that reading and checking a large file overlaps with writing it. */
typedef struct
{
  const SigapImportColumn *columns;
  guint                    n_columns;
  /* Prepares statements and state; called inside the transaction, after the batch row. */
  gboolean               (*prepare)   (SigapImportRun  *run,
                                       GError         **error);
  SigapImportRow         (*row)       (SigapImportRun  *run);
  gpointer               (*item_new)  (void);
  void                   (*item_free) (gpointer         data);
  void                   (*validate)  (SigapImportRun  *run,
                                       SigapImportItem *item);
  SigapImportRow         (*apply)     (SigapImportRun  *run,
                                       SigapImportItem *item);
  /* Before apply () of each batch of records (may be NULL): to look up what they need at
   * once. */
  gboolean               (*apply_begin) (SigapImportRun        *run,
                                         const SigapImportItem *items,
                                         guint                  n_items,
                                         GError               **error);
  /* After the last row, before the batch is finished; may be NULL. */
  gboolean               (*complete)  (SigapImportRun  *run,
                                       GError         **error);
  void                   (*finish)    (SigapImportRun  *run);
} SigapImportKindClass;

typedef enum
{
  SIGAP_IMPORT_BULK_AUTO,   /* bulk when the file is large next to the table */
  SIGAP_IMPORT_BULK_NEVER,
  SIGAP_IMPORT_BULK_ALWAYS, /* when the schema allows it */
} SigapImportBulk;

struct _SigapImportRun
{
  SigapImportKind             kind;
  const SigapImportKindClass *klass;
  SigapDatabase              *db;
  SigapCsvReader             *reader;
  SigapImportResult          *result;
  GCancellable               *cancellable;
  GError                     *error;          /* the first database failure */

  GDate                       today;
  int                         today_key;      /* YYYYMMDD as a number */
  gint64                      batch_id;
  goffset                     size;           /* of the file, 0 if unknown */
  gint64                      started;        /* monotonic time, for _sigap_import_trace_phase () */
  gint64                      phase_started;

  /* The record being handled: its first line and its text as read. In the reading thread,
   * item is set and rejections go into it instead of the database. */
  gint64                      line;
  const char                 *raw;
  SigapImportItem            *item;
  SigapImportBulk             bulk;
  gboolean                    used_bulk;

  /* Column i of the kind is field field_of[i] of each record, or -1 when the file lacks it. */
  int                         field_of[SIGAP_IMPORT_MAX_COLUMNS];
  char                       *header_of[SIGAP_IMPORT_MAX_COLUMNS];
  guint                       n_header_fields;
  char                       *header_raw;

  /* Reference data, loaded once. */
  GHashTable                 *regions;        /* id → SigapImportRegion */
  GHashTable                 *region_codes;   /* "32.75.01.1001" → SigapImportRegion */
  GHashTable                 *sectors;        /* id → SigapImportSector */
  char                       *sector_names;   /* "Ojek Pangkalan, Ojek Online, …" */
  SigapTextMatcher           *kelurahan;
  SigapTextMatcher           *kecamatan;
  SigapTextMatcher           *sector;
  SigapTextMatcher           *segment;        /* ids index segment_codes */
  GPtrArray                  *segment_codes;
  SigapTextMatcher           *funding;        /* ids index funding_names */
  GPtrArray                  *funding_names;

  SigapStatement               *insert_reject;
  /* When set, a rejected line goes here instead of through insert_reject (a kind that loads
   * its lines in bulk): FALSE on a database failure. */
  gboolean                  (*stage_reject) (SigapImportRun *run,
                                             const char     *column_name,
                                             const char     *reason);
  GOutputStream              *rejects;
  GString                    *rejects_line;

  gpointer                    kind_data;
};

extern const SigapImportKindClass _sigap_import_participants;
extern const SigapImportKindClass _sigap_import_targets;
extern const SigapImportKindClass _sigap_import_budget;
extern const SigapImportKindClass _sigap_import_payments;

/* For tests: whether participants may be loaded in bulk, and whether the last run was. */
void          _sigap_importer_set_bulk   (SigapImporter    *importer,
                                          SigapImportBulk   bulk);
gboolean      _sigap_importer_get_used_bulk (SigapImporter *importer);
gboolean      _sigap_import_tally_trigger_is_known (SigapDatabase *db);

const char   *_sigap_import_field        (SigapImportRun   *run,
                                          guint             column);
gboolean      _sigap_import_has_column   (SigapImportRun   *run,
                                          guint             column);

/* Records the rejection of the current record: in import_reject, the rejected-lines stream and
 * the result. @column is the kind's column index, or -1 for the whole line. The caller then
 * returns SIGAP_IMPORT_ROW_REJECTED (or _FAILED when run->error got set). */
void          _sigap_import_reject       (SigapImportRun   *run,
                                          int               column,
                                          const char       *format,
                                          ...) G_GNUC_PRINTF (3, 4);
void          _sigap_import_reject_error (SigapImportRun   *run,
                                          int               column,
                                          const GError     *error);
SigapImportRow _sigap_import_db_failed   (SigapImportRun   *run,
                                          const char       *what);

/* A debug message with the time since the previous phase (G_MESSAGES_DEBUG=all). */
void          _sigap_import_trace_phase  (SigapImportRun   *run,
                                          const char       *phase);
/* The first column of the first row of @sql, or 0. */
gint64        _sigap_import_query_int    (SigapDatabase    *db,
                                          const char       *sql);
void          _sigap_import_set_temp_store (SigapDatabase  *db,
                                            const char     *value);
SigapStatement *_sigap_import_prepare      (SigapImportRun   *run,
                                          const char       *sql,
                                          GError          **error);

/* Lookups that reject the record themselves (naming the column, suggesting the closest name)
 * and return NULL / FALSE when the value is unknown. */
const SigapImportRegion *_sigap_import_find_kelurahan (SigapImportRun *run,
                                                       guint           column);
const SigapImportRegion *_sigap_import_find_kecamatan (SigapImportRun *run,
                                                       guint           column);
const SigapImportRegion *_sigap_import_find_region    (SigapImportRun *run,
                                                       guint           column);
const SigapImportSector *_sigap_import_find_sector    (SigapImportRun *run,
                                                       guint           column);
const char              *_sigap_import_find_segment   (SigapImportRun *run,
                                                       guint           column);
const char              *_sigap_import_find_funding   (SigapImportRun *run,
                                                       guint           column);

gboolean      _sigap_import_get_date     (SigapImportRun   *run,
                                          guint             column,
                                          gboolean          required,
                                          char              out_iso[11]);
gboolean      _sigap_import_get_year     (SigapImportRun   *run,
                                          guint             column,
                                          int              *out_year);
gboolean      _sigap_import_get_required (SigapImportRun   *run,
                                          guint             column,
                                          const char      **out_value);

/* The rejected-lines CSV: see sigap_importer_set_rejects_stream(). */
void          _sigap_import_format_rejects_header (GString    *out,
                                                   char        separator,
                                                   const char *header_raw);
void          _sigap_import_format_reject         (GString    *out,
                                                   char        separator,
                                                   gint64      line,
                                                   const char *column,
                                                   const char *reason,
                                                   const char *raw);

G_END_DECLS
