/* sigap-find.h: "is this person covered?", one participant looked up by NIK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sigap-database.h"
#include "sigap-filter.h"
#include "sigap-import-log.h"

G_BEGIN_DECLS

#define SIGAP_FIND_ERROR (sigap_find_error_quark ())

typedef enum
{
  SIGAP_FIND_ERROR_NOT_A_NIK,   /* the text is no NIK, even after normalizing: the message says why */
} SigapFindError;

typedef enum
{
  SIGAP_PERSON_ACTIVE,          /* registered by the as-of date and not ended by it */
  SIGAP_PERSON_ENDED,           /* ended on or before the as-of date */
  SIGAP_PERSON_NOT_YET,         /* in the database, but registered after the as-of date */
} SigapPersonStatus;

/* A line of an import that was rejected and held the NIK looked up. */
typedef struct
{
  char   *file_name;
  char   *imported_at;
  gint64  line;
  char   *reason;
} SigapPersonRejection;

/* What one NIK finds. The NIK is masked here, in core: the full NIK never leaves this module.
 * When @found is FALSE only @nik_masked and @rejections are set. */
typedef struct
{
  gboolean          found;
  char             *nik_masked;
  char             *name;               /* NULL when not found */
  GDate             as_of;
  SigapPersonStatus status;
  GDate             registered_on;
  GDate             ended_on;           /* cleared unless the participation ended by as_of */
  char             *end_reason;         /* NULL unless ended_on is set */
  char             *kelurahan_code;
  char             *kelurahan;
  char             *kecamatan_code;
  char             *kecamatan;
  char             *sector_code;
  char             *sector;
  SigapSegment      segment;
  int               desil;              /* 1..10, 0 when unknown */
  GArray           *flags;              /* of SigapParticipantFlagNote */
  GPtrArray        *rejections;         /* of SigapPersonRejection, oldest first */
} SigapPersonCard;

/* One participant whose name matched, as a list of matches shows them. */
typedef struct
{
  gint64            id;                 /* for sigap_find_participant_by_id () */
  char             *name;
  char             *nik_masked;
  char             *kelurahan;
  char             *kecamatan;
  SigapPersonStatus status;             /* on the as-of date */
} SigapPersonMatch;

/* A shorter name part finds too many people to be of use ("Ai" still counts: two). */
#define SIGAP_FIND_NAME_MIN_CHARS 2

GQuark            sigap_find_error_quark        (void);

SigapPersonCard  *sigap_find_participant        (SigapDatabase      *db,
                                                 const char         *nik,
                                                 const GDate        *as_of,
                                                 GError            **error);
SigapPersonCard  *sigap_find_participant_by_id  (SigapDatabase      *db,
                                                 gint64              id,
                                                 const GDate        *as_of,
                                                 GError            **error);
GPtrArray        *sigap_find_by_name            (SigapDatabase      *db,
                                                 const char         *text,
                                                 const GDate        *as_of,
                                                 guint               offset,
                                                 guint               limit,
                                                 GError            **error);
const char       *sigap_person_status_to_string (SigapPersonStatus   status);

void              sigap_person_card_free        (SigapPersonCard    *card);
void              sigap_person_match_free       (SigapPersonMatch   *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPersonCard, sigap_person_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPersonMatch, sigap_person_match_free)

G_END_DECLS
