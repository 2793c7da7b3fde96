/* sigap-participants.h: the participants of one kelurahan, a page at a time, NIKs masked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-database.h"
#include "sigap-filter.h"

G_BEGIN_DECLS

#define SIGAP_PARTICIPANTS_ERROR (sigap_participants_error_quark ())

typedef enum
{
  SIGAP_PARTICIPANTS_ERROR_NOT_KELURAHAN,   /* the code is not a kelurahan of the database */
} SigapParticipantsError;

typedef enum
{
  SIGAP_PARTICIPANT_SORT_NAME,
  SIGAP_PARTICIPANT_SORT_NIK,         /* by the digits shown: the first and the last four */
  SIGAP_PARTICIPANT_SORT_SECTOR,
  SIGAP_PARTICIPANT_SORT_DESIL,
  SIGAP_PARTICIPANT_SORT_REGISTERED,
  SIGAP_PARTICIPANT_SORT_STATUS,      /* active first */
} SigapParticipantSort;

/* Who is listed: the participants of @kelurahan_code registered by @as_of, of @segment,
 * whose name contains @search or whose NIK ends with it (1 to 4 digits), in @sort order
 * (ties by name, then by record). */
typedef struct
{
  char                 *kelurahan_code;
  GDate                 as_of;
  SigapSegment          segment;
  char                 *search;        /* nullable; blank means everybody */
  SigapParticipantSort  sort;
  gboolean              descending;
} SigapParticipantQuery;

/* One participant as the list shows them. The NIK is masked here, in core: the full NIK
 * never leaves this module. */
typedef struct
{
  gint64    id;
  char     *name;
  char     *nik_masked;              /* "3275********0001" */
  char     *sector_code;
  char     *sector_name;
  int       desil;                   /* 1..10, 0 when unknown */
  GDate     registered_on;
  GDate     ended_on;                /* cleared unless the participation ended by as_of */
  gboolean  active;                  /* as of the query's date */
} SigapParticipantRow;

/* A row whose place in the list is known, from which sigap_participant_query_page_near()
 * skips to its offset rather than from the start. */
typedef struct
{
  guint       position;              /* in the list; the count for the end of the list */
  gint64      id;
  const char *name;                  /* NULL for the end of the list */
} SigapParticipantAnchor;

#define SIGAP_TYPE_PARTICIPANT_QUERY (sigap_participant_query_get_type ())

GType                  sigap_participant_query_get_type  (void) G_GNUC_CONST;
GQuark                 sigap_participants_error_quark    (void);

SigapParticipantQuery *sigap_participant_query_new       (const char                   *kelurahan_code,
                                                          const SigapFilter            *filter);
SigapParticipantQuery *sigap_participant_query_copy      (const SigapParticipantQuery  *self);
void                   sigap_participant_query_free      (SigapParticipantQuery        *self);
gboolean               sigap_participant_query_equal     (const SigapParticipantQuery  *a,
                                                          const SigapParticipantQuery  *b);

gint64                 sigap_participant_query_count     (SigapDatabase                *db,
                                                          const SigapParticipantQuery  *query,
                                                          GError                      **error);
GPtrArray             *sigap_participant_query_page      (SigapDatabase                *db,
                                                          const SigapParticipantQuery  *query,
                                                          guint                         offset,
                                                          guint                         limit,
                                                          GError                      **error);
GPtrArray             *sigap_participant_query_page_near (SigapDatabase                *db,
                                                          const SigapParticipantQuery  *query,
                                                          guint                         offset,
                                                          guint                         limit,
                                                          const SigapParticipantAnchor *anchor,
                                                          GError                      **error);

void                   sigap_participant_row_free        (SigapParticipantRow          *row);

/* The earliest registration date in the database; FALSE with @error unset when it is empty. */
gboolean               sigap_participants_first_registered (SigapDatabase              *db,
                                                          GDate                        *out_date,
                                                          GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapParticipantQuery, sigap_participant_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapParticipantRow, sigap_participant_row_free)

G_END_DECLS
