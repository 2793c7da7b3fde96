/* sigap-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scope of a figure as people give it: a Kemendagri code ("32.75.03"), a BPS code
 * ("3275", "3275070", "3275070002") or a name ("Bekasi Utara", "Kecamatan Bekasi Utara",
 * "kel. Kaliabang Tengah", "Kota Bekasi"). Names are matched as the importer matches them,
 * with the same SigapTextMatcher over the region names and their aliases: case, space and
 * punctuation do not count, nothing is guessed, and the closest name is only suggested.
 * Digits alone are a BPS code, never a Kemendagri code without its dots: the ten digits of a
 * kelurahan would otherwise mean two different places.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "sigap-filter.h"
#include "sigap-region.h"
#include "sigap-regions.h"
#include "sigap-text-match.h"

G_DEFINE_QUARK (sigap-region-error-quark, sigap_region_error)

/* The words that may stand before a kelurahan's or a kecamatan's name, here and in the
 * importer: "Kel. Margahayu", "Kecamatan Bekasi Utara". */
const char * const sigap_region_kelurahan_words[] = { "kelurahan", "kel", "desa", "ds", NULL };
const char * const sigap_region_kecamatan_words[] = { "kecamatan", "kec", NULL };

typedef struct
{
  SigapTextMatcher *kecamatan;
  SigapTextMatcher *kelurahan;
  GHashTable       *codes;      /* id (gint64 as pointer) → code */
} Regions;

static void
regions_clear (Regions *regions)
{
  g_clear_pointer (&regions->kecamatan, sigap_text_matcher_free);
  g_clear_pointer (&regions->kelurahan, sigap_text_matcher_free);
  g_clear_pointer (&regions->codes, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Regions, regions_clear)

/* The matchers over the tree's kecamatan and kelurahan names, then their aliases (whose
 * display is the region's name). */
static gboolean
load_regions (SigapDatabase *db,
              Regions       *regions,
              GError       **error)
{
  g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
  GPtrArray *all;

  if (tree == NULL)
    return FALSE;

  regions->kecamatan = sigap_text_matcher_new ();
  regions->kelurahan = sigap_text_matcher_new ();
  regions->codes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  all = sigap_regions_get_all (tree);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < all->len; i++)
      {
        const SigapRegion *region = g_ptr_array_index (all, i);
        SigapTextMatcher *matcher = g_strcmp0 (region->level, "kelurahan") == 0
                                    ? regions->kelurahan
                                    : g_strcmp0 (region->level, "kecamatan") == 0
                                    ? regions->kecamatan : NULL;

        if (pass == 0)
          g_hash_table_insert (regions->codes, GSIZE_TO_POINTER ((gsize) region->id),
                               g_strdup (region->code));
        if (matcher == NULL)
          continue;

        if (pass == 0)
          sigap_text_matcher_add (matcher, region->name, region->id, NULL);
        else
          for (guint j = 0; j < region->aliases->len; j++)
            sigap_text_matcher_add (matcher, g_ptr_array_index (region->aliases, j), region->id,
                                    region->name);
      }

  return TRUE;
}

static const char *
code_of (Regions *regions,
         gint64   id)
{
  return g_hash_table_lookup (regions->codes, GSIZE_TO_POINTER ((gsize) id));
}

/* The Kemendagri code of a region given by its own code (@dot) or its BPS code. */
static char *
lookup_code (SigapDatabase *db,
             const char    *value,
             gboolean       dot,
             GError       **error)
{
  g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
  const SigapRegion *region = NULL;
  GPtrArray *all;

  if (tree == NULL)
    return NULL;

  if (dot)
    region = sigap_regions_lookup (tree, value);

  /* In id order, as the reference data lists them. */
  all = sigap_regions_get_all (tree);
  for (guint i = 0; !dot && i < all->len; i++)
    {
      const SigapRegion *candidate = g_ptr_array_index (all, i);

      if (g_strcmp0 (candidate->bps_code, value) == 0 &&
          (region == NULL || candidate->id < region->id))
        region = candidate;
    }

  return region != NULL ? g_strdup (region->code) : NULL;
}

static gboolean
only_digits_and_dots (const char *text,
                      gboolean   *out_dot)
{
  *out_dot = FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.')
        *out_dot = TRUE;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

static char *
resolve_name (SigapDatabase *db,
              const char    *text,
              GError       **error)
{
  g_auto(Regions) regions = { 0 };
  g_autofree char *key = sigap_text_match_key (text);
  const char *kecamatan_name = sigap_text_skip_prefix_word (text, sigap_region_kecamatan_words);
  const char *kelurahan_name = sigap_text_skip_prefix_word (text, sigap_region_kelurahan_words);
  SigapTextMatch kecamatan = SIGAP_TEXT_MATCH_NONE, kelurahan = SIGAP_TEXT_MATCH_NONE;
  gint64 kecamatan_id = 0, kelurahan_id = 0, id = 0;
  const char *suggestion = NULL;

  if (g_str_equal (key, "kotabekasi") || g_str_equal (key, "bekasi"))
    return g_strdup (SIGAP_CITY_CODE);

  if (!load_regions (db, &regions, error))
    return NULL;

  /* "Kecamatan X" and "Kelurahan X" say which level is meant. */
  if (kelurahan_name == text)
    kecamatan = sigap_text_matcher_lookup (regions.kecamatan, kecamatan_name, &kecamatan_id);
  if (kecamatan_name == text)
    kelurahan = sigap_text_matcher_lookup (regions.kelurahan, kelurahan_name, &kelurahan_id);

  if (kecamatan == SIGAP_TEXT_MATCH_FOUND && kelurahan == SIGAP_TEXT_MATCH_NONE)
    return g_strdup (code_of (&regions, kecamatan_id));
  if (kelurahan == SIGAP_TEXT_MATCH_FOUND && kecamatan == SIGAP_TEXT_MATCH_NONE)
    return g_strdup (code_of (&regions, kelurahan_id));

  if (kecamatan != SIGAP_TEXT_MATCH_NONE || kelurahan != SIGAP_TEXT_MATCH_NONE)
    {
      g_set_error (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_AMBIGUOUS,
                   _("“%s” names both a kecamatan and a kelurahan: give the code, or write "
                     "“Kecamatan %s” or “Kelurahan %s”"),
                   text, text, text);
      return NULL;
    }

  if (kelurahan_name == text)
    suggestion = sigap_text_matcher_suggest (regions.kecamatan, kecamatan_name, &id);
  if (suggestion == NULL && kecamatan_name == text)
    suggestion = sigap_text_matcher_suggest (regions.kelurahan, kelurahan_name, &id);

  if (suggestion != NULL)
    /* TRANSLATORS: Unknown region “Bekasi Utra”; did you mean Bekasi Utara (32.75.03)? */
    g_set_error (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_UNKNOWN,
                 _("Unknown region “%s”; did you mean %s (%s)?"), text, suggestion,
                 code_of (&regions, id));
  else
    g_set_error (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_UNKNOWN,
                 _("Unknown region “%s”: give a code such as 32.75.01 or 3275040, or a "
                   "kecamatan or kelurahan name"),
                 text);
  return NULL;
}

/**
 * sigap_region_resolve:
 * @db: the database, whose region table is the master list
 * @text: a Kemendagri code, a BPS code or a name, as typed
 *
 * Returns: (transfer full): the region's Kemendagri code ("32.75.03"), or %NULL with @error
 *   set (%SIGAP_REGION_ERROR_UNKNOWN, with the closest name when there is one)
 */
char *
sigap_region_resolve (SigapDatabase  *db,
                      const char     *text,
                      GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean dot;
  char *code;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_UNKNOWN,
                           _("No region given"));
      return NULL;
    }

  if (!only_digits_and_dots (stripped, &dot))
    return resolve_name (db, stripped, error);

  code = lookup_code (db, stripped, dot, &local_error);
  if (code != NULL)
    return code;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (dot)
    g_set_error (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_UNKNOWN,
                 _("Unknown region code “%s”: Kota Bekasi is 32.75, its kecamatan 32.75.01 to "
                   "32.75.12"),
                 stripped);
  else
    g_set_error (error, SIGAP_REGION_ERROR, SIGAP_REGION_ERROR_UNKNOWN,
                 _("Unknown BPS region code “%s”: Kota Bekasi is 3275, a kecamatan has 7 "
                   "digits (3275070), a kelurahan 10"),
                 stripped);
  return NULL;
}
