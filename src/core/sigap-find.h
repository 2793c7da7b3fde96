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

GQuark            sigap_find_error_quark        (void);

SigapPersonCard  *sigap_find_participant        (SigapDatabase      *db,
                                                 const char         *nik,
                                                 const GDate        *as_of,
                                                 GError            **error);
const char       *sigap_person_status_to_string (SigapPersonStatus   status);

void              sigap_person_card_free        (SigapPersonCard    *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPersonCard, sigap_person_card_free)

G_END_DECLS
