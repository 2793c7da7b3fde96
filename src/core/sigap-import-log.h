/* sigap-import-log.h: what past imports left: batches, rejected lines, data-quality flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sigap-database.h"
#include "sigap-filter.h"
#include "sigap-import.h"

G_BEGIN_DECLS

typedef enum
{
  SIGAP_PARTICIPANT_FLAG_DESIL,       /* desil 6..10 of a pekerja rentan: outside the target */
  SIGAP_PARTICIPANT_FLAG_NIK_REGION,  /* NIK first issued outside Kota Bekasi */
  SIGAP_PARTICIPANT_FLAG_KPJ_MISSING, /* no BPJS Ketenagakerjaan number */
  SIGAP_PARTICIPANT_FLAG_AGE,         /* under 15 or over 65 when registered */
  SIGAP_PARTICIPANT_FLAG_DESIL_MISSING, /* a pekerja rentan without a desil */
} SigapParticipantFlag;

#define SIGAP_PARTICIPANT_FLAG_N 5

typedef struct
{
  gint64  id;
  char   *kind;            /* "participants", "targets", "budget", "payments" or "demo" */
  char   *file_name;
  char   *checksum;
  char   *imported_at;     /* ISO 8601, UTC: "2026-11-21T14:24:37Z" */
  char   *imported_by;     /* the role (server) or user name (file) that imported it; NULL
                            * for the demo and batches older than schema 7 */
  char   *encoding;        /* NULL for batches without a file (demo) */
  char    separator;       /* '\0' when unknown */
  gint64  read;
  gint64  added;
  gint64  updated;
  gint64  unchanged;
  gint64  rejected;
  gint64  flagged;
  GStrv   ignored_columns; /* never NULL */
} SigapImportBatch;

typedef struct
{
  gint64                participant_id;
  char                 *nik_masked;  /* sigap_nik_mask(): never the whole NIK */
  char                 *name;
  SigapParticipantFlag  flag;
  char                 *detail;      /* the value behind the flag: "7", "32.01", "14"; or NULL */
  gint64                batch_id;    /* the import that noted it; 0 when unknown */
  gint64                line;        /* in that import's file; 0 when unknown */
} SigapParticipantFlagRow;

/* One data-quality note: the flag and the value behind it ("7", "32.01", "14"; or ""). */
typedef struct
{
  SigapParticipantFlag  flag;
  char                  detail[16];
} SigapParticipantFlagNote;

guint       sigap_participant_flags_compute  (const char            *nik,
                                              int                    desil,
                                              SigapSegment           segment,
                                              gboolean               has_kpj,
                                              const char            *birth_date,
                                              const char            *registered_on,
                                              SigapParticipantFlagNote notes[SIGAP_PARTICIPANT_FLAG_N]);

const char *sigap_participant_flag_to_string (SigapParticipantFlag   flag);
gboolean    sigap_participant_flag_parse     (const char            *text,
                                              SigapParticipantFlag  *out_flag);
const char *sigap_participant_flag_get_label (SigapParticipantFlag   flag);

void        sigap_import_batch_free          (SigapImportBatch      *batch);
void        sigap_participant_flag_row_free  (SigapParticipantFlagRow *row);
void        sigap_import_rejection_free      (SigapImportRejection  *rejection);

GPtrArray  *sigap_import_list_batches        (SigapDatabase         *db,
                                              GError               **error);
GPtrArray  *sigap_import_list_rejections     (SigapDatabase         *db,
                                              gint64                 batch_id,
                                              gint64                 offset,
                                              gint64                 limit,
                                              GError               **error);
gboolean    sigap_import_count_flags         (SigapDatabase         *db,
                                              gint64                *counts,
                                              GError               **error);
GPtrArray  *sigap_import_list_flags          (SigapDatabase         *db,
                                              SigapParticipantFlag   flag,
                                              gint64                 offset,
                                              gint64                 limit,
                                              GError               **error);
GPtrArray  *sigap_import_list_flags_for     (SigapDatabase         *db,
                                              const SigapFilter     *filter,
                                              SigapParticipantFlag   flag,
                                              gint64                 offset,
                                              gint64                 limit,
                                              GError               **error);
GPtrArray  *sigap_import_list_batch_flags    (SigapDatabase         *db,
                                              gint64                 batch_id,
                                              gint64                 limit,
                                              GError               **error);
char       *sigap_participant_flag_describe  (SigapParticipantFlag   flag,
                                              const char            *detail);
gboolean    sigap_import_write_rejects       (SigapDatabase         *db,
                                              gint64                 batch_id,
                                              GOutputStream         *output,
                                              GCancellable          *cancellable,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapImportBatch, sigap_import_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapParticipantFlagRow, sigap_participant_flag_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapImportRejection, sigap_import_rejection_free)

G_END_DECLS
