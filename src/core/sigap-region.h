/* sigap-region.h: a region as people name it, turned into its Kemendagri code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sigap-database.h"

G_BEGIN_DECLS

#define SIGAP_REGION_ERROR (sigap_region_error_quark ())

typedef enum
{
  SIGAP_REGION_ERROR_UNKNOWN,     /* no region has this code or name; the message may suggest one */
  SIGAP_REGION_ERROR_AMBIGUOUS,   /* the name is both a kecamatan and a kelurahan */
} SigapRegionError;

extern const char * const sigap_region_kelurahan_words[];
extern const char * const sigap_region_kecamatan_words[];

GQuark  sigap_region_error_quark (void);

char   *sigap_region_resolve     (SigapDatabase  *db,
                                  const char     *text,
                                  GError        **error);

G_END_DECLS
