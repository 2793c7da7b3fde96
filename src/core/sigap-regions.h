/* sigap-regions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SigapDatabase SigapDatabase;
typedef struct _SigapRegion SigapRegion;

/* One area of the tree: Kota Bekasi (level "kota"), a kecamatan or a kelurahan. */
struct _SigapRegion
{
  gint64       id;
  char        *code;       /* Kemendagri code: 32.75, 32.75.01, 32.75.01.1001 */
  char        *name;
  char        *level;      /* "kota", "kecamatan" or "kelurahan" */
  char        *bps_code;   /* NULL when the reference data has none */
  double       latitude;   /* the display centre, when has_centre */
  double       longitude;
  gboolean     has_centre;
  SigapRegion *parent;     /* NULL for the city */
  GPtrArray   *children;   /* (element-type SigapRegion), in code order */
  GPtrArray   *aliases;    /* (element-type utf8): other spellings the importer accepts */
};

/* The region tree of a database, read once: the one owner of the region table. Immutable
 * once loaded, so it may be shared between threads. */
typedef struct _SigapRegions SigapRegions;

#define SIGAP_TYPE_REGIONS (sigap_regions_get_type ())

GType               sigap_regions_get_type        (void) G_GNUC_CONST;
SigapRegions       *sigap_regions_load            (SigapDatabase     *db,
                                                   GError           **error);
SigapRegions       *sigap_regions_ref             (SigapRegions      *self);
void                sigap_regions_unref           (SigapRegions      *self);

const SigapRegion  *sigap_regions_get_city        (SigapRegions      *self);
/* (element-type SigapRegion) (transfer none): every region, in code order */
GPtrArray          *sigap_regions_get_all         (SigapRegions      *self);
const SigapRegion  *sigap_regions_lookup          (SigapRegions      *self,
                                                   const char        *code);
const SigapRegion  *sigap_regions_lookup_id       (SigapRegions      *self,
                                                   gint64             id);
/* The kecamatan a region lies in (itself for a kecamatan), NULL for the city. */
const SigapRegion  *sigap_regions_kecamatan_of    (const SigapRegion *region);
/* (element-type SigapRegion) (transfer container): the city first, @region last. */
GPtrArray          *sigap_regions_get_path        (const SigapRegion *region);
/* (element-type SigapRegion) (transfer container): the regions of @level at or below @region. */
GPtrArray          *sigap_regions_collect         (const SigapRegion *region,
                                                   const char        *level);
gboolean            sigap_region_is_city          (const SigapRegion *region);
/* The ids of the kelurahan at or below @region, as a list for a query: "12, 13, 14". */
char               *sigap_region_list_kelurahan_ids (const SigapRegion *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapRegions, sigap_regions_unref)

G_END_DECLS
