/* sigap-regions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The region tree (Kota Bekasi, its 12 kecamatan and 56 kelurahan) read from the reference
 * data in one pass and kept with the connection: regions change only with a migration, so
 * the figures, the importer, the demo, the pages, the map and the briefing all ask this one
 * tree instead of reading the table themselves.
 *
 * On a server the tree is also kept for the process, by location and schema version: the
 * window opens a connection for each figure it computes at once, and each would otherwise
 * wait two round trips for the same rows.
 */

#include <glib/gi18n.h>

#include "sigap-database.h"
#include "sigap-regions.h"

struct _SigapRegions
{
  gatomicrefcount  ref_count;
  GPtrArray       *regions;   /* owns the SigapRegions, in code order */
  GHashTable      *by_id;
  GHashTable      *by_code;
  SigapRegion     *city;
};

G_DEFINE_BOXED_TYPE (SigapRegions, sigap_regions, sigap_regions_ref, sigap_regions_unref)

static void
region_free (SigapRegion *region)
{
  g_free (region->code);
  g_free (region->name);
  g_free (region->level);
  g_free (region->bps_code);
  g_ptr_array_unref (region->children);
  g_ptr_array_unref (region->aliases);
  g_free (region);
}

static SigapRegions *
regions_new (void)
{
  SigapRegions *self = g_new0 (SigapRegions, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

SigapRegions *
sigap_regions_ref (SigapRegions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sigap_regions_unref (SigapRegions *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_code);
  g_ptr_array_unref (self->regions);
  g_free (self);
}

/* The regions in code order, then (when @with_aliases) their aliases by region and alias,
 * told apart by a first column 1, in one statement. */
#define REGIONS_AND_ALIASES_SQL \
  "SELECT * FROM (" \
  "SELECT 0 AS kind, id, code, name, level, parent_id, bps_code, latitude, longitude" \
  " FROM region" \
  " UNION ALL SELECT 1, region_id, alias, NULL, NULL, NULL, NULL, NULL, NULL" \
  " FROM region_alias) AS rows" \
  " ORDER BY kind, CASE WHEN kind = 1 THEN id END, code"

static void
add_alias (SigapRegions   *self,
           SigapStatement *stmt,
           int             column)
{
  gint64 id = sigap_statement_column_int64 (stmt, column);
  SigapRegion *region = g_hash_table_lookup (self->by_id, &id);

  if (region != NULL)
    g_ptr_array_add (region->aliases, g_strdup (sigap_statement_column_text (stmt, column + 1)));
}

/* Reads the regions, and with @with_aliases their aliases too, in the same statement (on a
 * server, where each statement waits a round trip). */
static gboolean
read_regions (SigapRegions   *self,
              SigapDatabase  *db,
              GArray         *parent_ids,
              gboolean        with_aliases,
              GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  SigapStep step;
  int c = with_aliases ? 1 : 0;   /* the first column of a region */

  stmt = sigap_database_prepare (db,
                                 with_aliases ? REGIONS_AND_ALIASES_SQL
                                              : "SELECT id, code, name, level, parent_id,"
                                                " bps_code, latitude, longitude FROM region"
                                                " ORDER BY code",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((step = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapRegion *region;
      gint64 parent_id;

      if (with_aliases && sigap_statement_column_int (stmt, 0) == 1)
        {
          add_alias (self, stmt, 1);
          continue;
        }

      region = g_new0 (SigapRegion, 1);
      parent_id = sigap_statement_column_is_null (stmt, c + 4)
                  ? 0 : sigap_statement_column_int64 (stmt, c + 4);

      region->id = sigap_statement_column_int64 (stmt, c + 0);
      region->code = g_strdup (sigap_statement_column_text (stmt, c + 1));
      region->name = g_strdup (sigap_statement_column_text (stmt, c + 2));
      region->level = g_strdup (sigap_statement_column_text (stmt, c + 3));
      region->bps_code = g_strdup (sigap_statement_column_text (stmt, c + 5));
      region->has_centre = !sigap_statement_column_is_null (stmt, c + 6) &&
                           !sigap_statement_column_is_null (stmt, c + 7);
      region->latitude = sigap_statement_column_double (stmt, c + 6);
      region->longitude = sigap_statement_column_double (stmt, c + 7);
      region->children = g_ptr_array_new ();
      region->aliases = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->regions, region);
      g_array_append_val (parent_ids, parent_id);
      g_hash_table_insert (self->by_id, &region->id, region);
      g_hash_table_insert (self->by_code, region->code, region);
    }

  if (step != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot read the regions"));

  return TRUE;
}

static gboolean
read_aliases (SigapRegions   *self,
              SigapDatabase  *db,
              GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  SigapStep step;

  stmt = sigap_database_prepare (db, "SELECT region_id, alias FROM region_alias"
                                     " ORDER BY region_id, alias", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    add_alias (self, stmt, 0);

  if (step != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot read the regions"));

  return TRUE;
}

static SigapRegions *
load_tree (SigapDatabase  *db,
           GError        **error)
{
  g_autoptr(SigapRegions) self = regions_new ();
  g_autoptr(GArray) parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* On a server in one statement; SQLite reads the two tables one after the other. */
  gboolean server = sigap_database_get_engine (db) == SIGAP_DATABASE_ENGINE_POSTGRES;

  if (!read_regions (self, db, parent_ids, server, error) ||
      (!server && !read_aliases (self, db, error)))
    return NULL;

  for (guint i = 0; i < self->regions->len; i++)
    {
      SigapRegion *region = g_ptr_array_index (self->regions, i);
      gint64 parent_id = g_array_index (parent_ids, gint64, i);

      region->parent = parent_id != 0 ? g_hash_table_lookup (self->by_id, &parent_id) : NULL;
      if (region->parent != NULL)
        g_ptr_array_add (region->parent->children, region);
      else if (self->city == NULL)
        self->city = region;
    }

  return g_steal_pointer (&self);
}

/* Trees read from servers: "VERSION LOCATION" → SigapRegions. */
static GMutex shared_lock;
static GHashTable *shared;

static char *
shared_key (SigapDatabase *db)
{
  return g_strdup_printf ("%d %s", sigap_database_get_schema_version (db),
                          sigap_database_get_path (db));
}

static SigapRegions *
shared_lookup (SigapDatabase *db)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&shared_lock);
  g_autofree char *key = NULL;
  SigapRegions *tree;

  if (shared == NULL)
    return NULL;

  key = shared_key (db);
  tree = g_hash_table_lookup (shared, key);
  return tree != NULL ? sigap_regions_ref (tree) : NULL;
}

static void
shared_insert (SigapDatabase *db,
               SigapRegions  *tree)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&shared_lock);

  if (shared == NULL)
    shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) sigap_regions_unref);
  g_hash_table_replace (shared, shared_key (db), sigap_regions_ref (tree));
}

/**
 * sigap_regions_load:
 * @db: an open database
 *
 * The database's region tree. It is read on the first call and kept with @db: the regions
 * are reference data that only a migration changes. On a server it is read once for all the
 * connections of this process to the same location and schema version.
 *
 * Returns: (transfer full): the tree, or %NULL with @error set
 */
SigapRegions *
sigap_regions_load (SigapDatabase  *db,
                    GError        **error)
{
  static GQuark quark;
  SigapRegions *tree;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("sigap-regions");

  tree = g_object_get_qdata (G_OBJECT (db), quark);
  if (tree != NULL)
    return sigap_regions_ref (tree);

  if (sigap_database_get_engine (db) == SIGAP_DATABASE_ENGINE_POSTGRES)
    tree = shared_lookup (db);
  if (tree == NULL)
    {
      tree = load_tree (db, error);
      if (tree == NULL)
        return NULL;
      if (sigap_database_get_engine (db) == SIGAP_DATABASE_ENGINE_POSTGRES)
        shared_insert (db, tree);
    }

  g_object_set_qdata_full (G_OBJECT (db), quark, sigap_regions_ref (tree),
                           (GDestroyNotify) sigap_regions_unref);
  return tree;
}

const SigapRegion *
sigap_regions_get_city (SigapRegions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->city;
}

GPtrArray *
sigap_regions_get_all (SigapRegions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->regions;
}

const SigapRegion *
sigap_regions_lookup (SigapRegions *self,
                      const char   *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  return code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;
}

const SigapRegion *
sigap_regions_lookup_id (SigapRegions *self,
                         gint64        id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->by_id, &id);
}

gboolean
sigap_region_is_city (const SigapRegion *region)
{
  g_return_val_if_fail (region != NULL, FALSE);

  return region->parent == NULL;
}

const SigapRegion *
sigap_regions_kecamatan_of (const SigapRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  for (; region != NULL; region = region->parent)
    if (g_strcmp0 (region->level, "kecamatan") == 0)
      return region;

  return NULL;
}

GPtrArray *
sigap_regions_get_path (const SigapRegion *region)
{
  GPtrArray *path = g_ptr_array_new ();

  g_return_val_if_fail (region != NULL, path);

  for (; region != NULL; region = region->parent)
    g_ptr_array_insert (path, 0, (gpointer) region);

  return path;
}

static void
collect (const SigapRegion *region,
         const char        *level,
         GPtrArray         *out)
{
  if (g_strcmp0 (region->level, level) == 0)
    {
      g_ptr_array_add (out, (gpointer) region);
      return;
    }

  for (guint i = 0; i < region->children->len; i++)
    collect (g_ptr_array_index (region->children, i), level, out);
}

char *
sigap_region_list_kelurahan_ids (const SigapRegion *region)
{
  g_autoptr(GPtrArray) kelurahan = NULL;
  GString *list = g_string_new (NULL);

  g_return_val_if_fail (region != NULL, g_string_free (list, FALSE));

  kelurahan = sigap_regions_collect (region, "kelurahan");
  for (guint i = 0; i < kelurahan->len; i++)
    {
      const SigapRegion *k = g_ptr_array_index (kelurahan, i);

      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", k->id);
    }

  /* No kelurahan: a list that matches nothing rather than a syntax error. */
  if (kelurahan->len == 0)
    g_string_append (list, "NULL");

  return g_string_free (list, FALSE);
}

GPtrArray *
sigap_regions_collect (const SigapRegion *region,
                       const char        *level)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (region != NULL, out);
  g_return_val_if_fail (level != NULL, out);

  collect (region, level, out);
  return out;
}
