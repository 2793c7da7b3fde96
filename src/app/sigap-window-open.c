/* sigap-window-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a database, in a worker thread: it opens the file (upgrading its schema if it
 * must), or takes the database the Connect dialog opened, and reads the data cut-off, the
 * date the data start and the region tree; the window then checks what the opening asked to
 * show (a date, a scope, a segment) against the data, sets the filter model and hands every
 * page the file and the region tree.
 */

#include <glib/gi18n.h>

#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "core/sigap-participants.h"
#include "core/sigap-regions.h"
#include "sigap-filter-bar.h"
#include "sigap-page.h"
#include "sigap-query.h"
#include "sigap-wilayah-page.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

/* The queries the first page (the overview) runs at once. */
#define FIRST_PAGE_QUERIES 4

/* What to show once the database is open: travels with the opening, checked against the
 * data when it is open. */
typedef struct
{
  char     *path;
  GDate     as_of;       /* invalid: the data's cut-off */
  gboolean  clamp;       /* keep an as-of outside the data within it, rather than fail */
  char     *scope;       /* NULL: the filter's, when the data know it */
  int       segment;     /* a SigapSegment, or -1 for the one of the last session */
  SigapDatabase *db;     /* nullable: @path opened already (the Connect dialog) */
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->db);
  g_free (request->path);
  g_free (request->scope);
  g_free (request);
}

typedef struct
{
  char     *path;
  gboolean  has_cutoff;
  GDate     cutoff;
  GDate     first;
  GStrv     codes;
  GStrv     names;
  SigapRegions *regions;
  SigapDatabaseCapabilities capabilities;
  char     *role;
  char     *data_version;
} DatabaseInfo;

static void
database_info_free (DatabaseInfo *info)
{
  g_free (info->path);
  g_free (info->role);
  g_free (info->data_version);
  g_strfreev (info->codes);
  g_strfreev (info->names);
  g_clear_pointer (&info->regions, sigap_regions_unref);
  g_free (info);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DatabaseInfo, database_info_free)

static gboolean
read_regions (SigapDatabase  *db,
              DatabaseInfo   *info,
              GError        **error)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
  const SigapRegion *city;

  if (tree == NULL)
    return FALSE;

  /* The city first, then its kecamatan in code order. */
  city = sigap_regions_get_city (tree);
  if (city != NULL)
    {
      g_strv_builder_add (codes, city->code);
      g_strv_builder_add (names, city->name);
      for (guint i = 0; i < city->children->len; i++)
        {
          const SigapRegion *kecamatan = g_ptr_array_index (city->children, i);

          g_strv_builder_add (codes, kecamatan->code);
          g_strv_builder_add (names, kecamatan->name);
        }
    }

  info->codes = g_strv_builder_end (codes);
  info->names = g_strv_builder_end (names);
  info->regions = g_steal_pointer (&tree);
  return TRUE;
}

static gboolean
read_first_date (SigapDatabase  *db,
                 DatabaseInfo   *info,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sigap_participants_first_registered (db, &info->first, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_date_clear (&info->first, 1);
      g_date_set_dmy (&info->first, 1, G_DATE_JANUARY, g_date_get_year (&info->cutoff));
    }

  if (g_date_compare (&info->first, &info->cutoff) > 0)
    info->first = info->cutoff;

  return TRUE;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SigapWindow *self = source_object;
  OpenRequest *request = task_data;
  const char *path = request->path;
  g_autoptr(DatabaseInfo) info = g_new0 (DatabaseInfo, 1);
  g_autoptr(SigapDatabase) db = NULL;
  GError *error = NULL;

  info->path = g_strdup (path);
  g_date_clear (&info->cutoff, 1);
  g_date_clear (&info->first, 1);

  /* A window that keeps nothing (a screenshot) writes nothing either: not even an upgrade. */
  if (request->db != NULL)
    db = g_steal_pointer (&request->db);
  else
    db = sigap_database_open (path, self->persistent ? SIGAP_DATABASE_OPEN_DEFAULT
                                                     : SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* On a server, the pages' connections connect while this one reads what opening needs:
   * now that the server answered, the password is right and the schema is up to date. */
  sigap_query_open_connections (path, FIRST_PAGE_QUERIES);

  /* What the role may do, and the version of the data read (issue 11). */
  info->data_version = sigap_database_get_data_version (db, NULL);
  info->capabilities = sigap_database_get_capabilities (db, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  info->role = sigap_database_get_user (db);

  info->has_cutoff = sigap_database_get_cutoff (db, &info->cutoff);

  if (!read_regions (db, info, &error) ||
      (info->has_cutoff && !read_first_date (db, info, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Closed before the pages start querying: the last writable connection to close
   * checkpoints the WAL under an exclusive lock, which a page's connection opening at the
   * same moment would meet as "database is locked". */
  g_clear_object (&db);

  g_task_return_pointer (task, g_steal_pointer (&info), (GDestroyNotify) database_info_free);
}

static void
invalidate_page (SigapWindow *self,
                 SigapPage   *page)
{
  /* The same file and filter after a reopen still need a new load: the data may be new. */
  sigap_page_invalidate (page);
  sigap_page_set_regions (page, self->regions);
}

/* The filter @request asks for, checked against the data (@info); NULL with @error set when
 * the data cannot show it. @kelurahan is set to a kelurahan asked for as scope: the filter's
 * scope is then its kecamatan, and the Wilayah page opens at it. */
static SigapFilter *
requested_filter (SigapWindow        *self,
                  const OpenRequest  *request,
                  const DatabaseInfo *info,
                  char              **kelurahan,
                  GError            **error)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autofree char *segment = NULL;

  *kelurahan = NULL;
  filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  filter->as_of = info->cutoff;
  if (request->segment >= 0)
    filter->segment = request->segment;
  else if (self->settings != NULL)
    {
      segment = g_settings_get_string (self->settings, "segment");
      sigap_segment_parse (segment, &filter->segment);
    }

  if (g_date_valid (&request->as_of))
    {
      GDate as_of = request->as_of;

      if (request->clamp)
        g_date_clamp (&as_of, &info->first, &info->cutoff);

      if (g_date_compare (&as_of, &info->first) < 0 ||
          g_date_compare (&as_of, &info->cutoff) > 0)
        {
          g_autofree char *first = sigap_date_to_iso (&info->first);
          g_autofree char *last = sigap_date_to_iso (&info->cutoff);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The as-of date must be between %s and %s, the dates the data cover"),
                       first, last);
          return NULL;
        }
      filter->as_of = as_of;
    }

  if (request->scope != NULL)
    {
      /* A kelurahan is for the Wilayah page, which opens at it from its kecamatan: the
       * filter bar offers the city and the kecamatan only. */
      const SigapRegion *region = sigap_regions_lookup (info->regions, request->scope);
      const SigapRegion *parent = region != NULL ? sigap_regions_kecamatan_of (region) : NULL;
      const char *scope = parent != NULL ? parent->code : request->scope;
      GtkWidget *wilayah = adw_view_stack_get_child_by_name (self->view_stack, "wilayah");

      if (g_strcmp0 (scope, request->scope) != 0)
        {
          if (wilayah == NULL || adw_view_stack_get_visible_child (self->view_stack) != wilayah)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("A kelurahan such as “%s” is a scope of the wilayah page only"),
                           request->scope);
              return NULL;
            }
        }

      if (!g_strv_contains ((const char * const *) info->codes, scope))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown scope “%s”: use 32.75 for Kota Bekasi or 32.75.01 to "
                         "32.75.12 for a kecamatan"),
                       scope);
          return NULL;
        }
      if (g_strcmp0 (scope, request->scope) != 0)
        *kelurahan = g_strdup (request->scope);
      g_free (filter->scope);
      filter->scope = g_strdup (scope);
    }
  else if (!g_strv_contains ((const char * const *) info->codes, filter->scope))
    {
      g_free (filter->scope);
      filter->scope = g_strdup (SIGAP_CITY_CODE);
    }

  return g_steal_pointer (&filter);
}

static void
open_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SigapWindow *self = SIGAP_WINDOW (object);
  const OpenRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(DatabaseInfo) info = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kelurahan = NULL;

  info = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);

  if (info == NULL)
    {
      _sigap_window_show_error (self, error);
      _sigap_window_update_busy (self);
      return;
    }

  _sigap_window_set_error (self, NULL);
  g_free (self->db_path);
  self->db_path = g_strdup (info->path);
  _sigap_window_set_location (self, info->path);

  if (self->persistent && self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", info->path);

  _sigap_window_set_capabilities (self, info->capabilities, info->role);
  _sigap_window_watch_database (self, info->path, info->data_version);

  if (!info->has_cutoff)
    {
      /* A viewer cannot import: the page says who can. */
      if ((info->capabilities & SIGAP_DATABASE_CAN_IMPORT) != 0)
        _sigap_window_show_status (self, "folder-documents-symbolic", _("No data yet"),
                     _("This database holds no participants or payments yet. Import the lists "
                       "from the agencies, or open the demonstration data to look around."));
      else
        _sigap_window_show_status (self, "folder-documents-symbolic", _("No data yet"),
                     _("This database holds no participants or payments yet. The figures "
                       "appear once an operator (sigap_operator) imports the lists from the "
                       "agencies."));
      _sigap_window_update_busy (self);
      return;
    }

  filter = requested_filter (self, request, info, &kelurahan, &error);
  if (filter == NULL)
    {
      _sigap_window_show_error (self, error);
      _sigap_window_update_busy (self);
      return;
    }

  g_clear_pointer (&self->regions, sigap_regions_unref);
  self->regions = g_steal_pointer (&info->regions);
  g_strfreev (self->region_codes);
  self->region_codes = g_steal_pointer (&info->codes);
  g_strfreev (self->region_names);
  self->region_names = g_steal_pointer (&info->names);

  /* The pages forget the old source first: the filter set next is for the new one. */
  _sigap_window_foreach_page (self, invalidate_page);
  sigap_filter_bar_set_regions (self->filter_bar, (const char * const *) self->region_codes,
                                (const char * const *) self->region_names);
  sigap_filter_model_set_date_range (self->filter_model, &info->first, &info->cutoff);
  sigap_filter_model_set_filter (self->filter_model, filter);
  if (kelurahan != NULL)
    sigap_wilayah_page_drill (SIGAP_WILAYAH_PAGE (sigap_window_get_page (self, "wilayah")),
                              kelurahan);

  _sigap_window_foreach_page (self, _sigap_window_push_source);
  _sigap_window_set_state (self, "dashboard");
  _sigap_window_update_busy (self);
}

static OpenRequest *
open_request_new (const char  *path,
                  const GDate *as_of,
                  gboolean     clamp,
                  const char  *scope,
                  int          segment)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->path = g_strdup (path);
  g_date_clear (&request->as_of, 1);
  if (as_of != NULL && g_date_valid (as_of))
    request->as_of = *as_of;
  request->clamp = clamp;
  request->scope = g_strdup (scope);
  request->segment = segment;
  return request;
}

static void
open_request_run (SigapWindow *self,
                  OpenRequest *request)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") != 0)
    _sigap_window_set_state (self, "loading");
  _sigap_window_update_busy (self);

  task = g_task_new (self, self->open_cancellable, open_finished_cb, NULL);
  g_task_set_source_tag (task, sigap_window_open_database);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, open_in_thread);
}

/* Opens @path in a worker thread, then shows it at @as_of (NULL: its cut-off; kept within
 * the data when @clamp, else the opening fails outside them), @scope (NULL: the filter's) and
 * @segment (-1: the last session's). */
void
_sigap_window_open (SigapWindow *self,
                    const char  *path,
                    const GDate *as_of,
                    gboolean     clamp,
                    const char  *scope,
                    int          segment)
{
  open_request_run (self, open_request_new (path, as_of, clamp, scope, segment));
}

/* As sigap_window_open_database (), with @path's database opened already: @db, which the
 * window's worker thread then uses alone. */
void
_sigap_window_open_opened (SigapWindow   *self,
                           const char    *path,
                           SigapDatabase *db)
{
  OpenRequest *request;

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (SIGAP_IS_DATABASE (db));

  request = open_request_new (path, NULL, FALSE, NULL, -1);
  request->db = g_object_ref (db);
  open_request_run (self, request);
}

/**
 * sigap_window_open_database:
 * @path: the database file
 *
 * Opens @path in a worker thread; the window shows it when it is open, or says why not.
 */
void
sigap_window_open_database (SigapWindow *self,
                            const char  *path)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _sigap_window_open (self, path, NULL, FALSE, NULL, -1);
}

/**
 * sigap_window_open_database_at:
 * @path: the database file
 * @as_of: (nullable): the date of the figures, %NULL for the data's cut-off
 * @scope: (nullable): the city, a kecamatan, or a kelurahan (then the Wilayah page must be
 *   the page shown); %NULL for the filter's
 * @segment: (nullable): the segment, %NULL for the last session's
 *
 * Opens @path as sigap_window_open_database() does, showing @as_of, @scope and @segment. An
 * @as_of outside the data or an unknown @scope make the opening fail with a message that
 * says so.
 */
void
sigap_window_open_database_at (SigapWindow        *self,
                               const char         *path,
                               const GDate        *as_of,
                               const char         *scope,
                               const SigapSegment *segment)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _sigap_window_open (self, path, as_of, FALSE, scope, segment != NULL ? (int) *segment : -1);
}

/**
 * sigap_window_open_last_database:
 *
 * Reopens the database of the last session, if it is still there; otherwise the window
 * stays on its welcome page.
 */
void
sigap_window_open_last_database (SigapWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SIGAP_IS_WINDOW (self));

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-database");

  if (path != NULL && sigap_database_path_is_server (path))
    _sigap_window_open_last_server (self, path);
  else if (path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_EXISTS))
    sigap_window_open_database (self, path);
}
