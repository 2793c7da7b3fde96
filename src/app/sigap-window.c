/* sigap-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a header bar with the view switcher (a switcher bar at the bottom when the
 * window is narrow) and the primary menu; under it either a status page (no database, no
 * data, an error), the demo being created, or the dashboard: the filter bar and the pages.
 *
 * Opening a database never blocks: a worker opens it (upgrading its schema if it must),
 * reads the data cut-off, the date the data start and the regions to offer as scope, and the
 * window then hands every page the file and the filter. The pages query on their own threads.
 * :busy is TRUE while anything is under way; `sigap screenshot` and the benchmark wait on it.
 *
 * The window remembers its size, the last database and the segment in GSettings, unless it
 * is not :persistent (a screenshot must not change the user's settings).
 */

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/sigap-database.h"
#include "core/sigap-demo.h"
#include "core/sigap-format.h"
#include "core/sigap-participants.h"
#include "core/sigap-regions.h"
#include "sigap-briefing-dialog.h"
#include "sigap-budget-page.h"
#include "sigap-data-page.h"
#include "sigap-filter-bar.h"
#include "sigap-overview-page.h"
#include "sigap-page.h"
#include "sigap-wilayah-page.h"
#include "sigap-a11y.h"
#include "sigap-preferences-window.h"
#include "sigap-window.h"
#include "sigap-window-private.h"

/* The spinner in the header bar shows only for work that takes long enough to notice. */
#define BUSY_SPINNER_DELAY_MS 300

struct _SigapWindow
{
  AdwApplicationWindow  parent_instance;

  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *busy_spinner;
  GtkMenuButton        *menu_button;
  GtkSpinner           *loading_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *status_page;
  GtkWidget            *demo_button;
  GtkWidget            *import_button;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  SigapFilterBar       *filter_bar;
  AdwViewStack         *view_stack;
  SigapPage            *overview_page;
  SigapPage            *budget_page;

  GSettings            *settings;
  gboolean              persistent;
  char                 *db_path;
  GError               *error;

  GCancellable         *open_cancellable;
  GCancellable         *demo_cancellable;
  GtkFileChooserNative *chooser;
  guint                 busy_source;
  guint                 switcher_idle;
  gboolean              busy;

  GArray               *settled;          /* Settled callbacks waiting */
  gulong                paint_handler;
  guint                 settled_idle;

  SigapFilterModel     *filter_model;      /* what every page shows */

  SigapRegions         *regions;           /* the database's region tree, for the pages */
  GStrv                 region_codes;      /* the city and its kecamatan, for the briefing */
  GStrv                 region_names;
};

G_DEFINE_FINAL_TYPE (SigapWindow, sigap_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SigapWindowSettledFunc func;
  gpointer               user_data;
} Settled;

static void check_settled (SigapWindow *self);
static void open_database (SigapWindow *self,
                           const char  *path,
                           const GDate *as_of,
                           gboolean     clamp,
                           const char  *scope,
                           int          segment);

/* ---------------------------------------------------------------------------------------- */
/* Helpers.                                                                                 */

static void
foreach_page (SigapWindow *self,
              void       (*func) (SigapWindow *self, SigapPage *page))
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (SIGAP_IS_PAGE (child))
        func (self, SIGAP_PAGE (child));
    }
}

static gboolean
compute_busy (SigapWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n;

  if (self->open_cancellable != NULL || self->demo_cancellable != NULL)
    return TRUE;

  /* Disposed: the pages are going away. */
  if (self->view_stack == NULL)
    return FALSE;

  pages = adw_view_stack_get_pages (self->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (SIGAP_IS_PAGE (child) && sigap_page_get_busy (SIGAP_PAGE (child)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
show_busy_spinner_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->busy_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  return G_SOURCE_REMOVE;
}

static void
update_busy (SigapWindow *self)
{
  gboolean busy = compute_busy (self);

  if (busy == self->busy || self->busy_spinner == NULL)
    return;

  self->busy = busy;
  g_clear_handle_id (&self->busy_source, g_source_remove);
  if (busy)
    self->busy_source = g_timeout_add (BUSY_SPINNER_DELAY_MS, show_busy_spinner_cb, self);
  else
    {
      gtk_spinner_stop (self->busy_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  check_settled (self);
}

/* At the bottom when the header bar has no room for the switcher, on the dashboard only. */
static void
update_switcher_bar (SigapWindow *self)
{
  gboolean dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                  "dashboard") == 0;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, dashboard && narrow);
}

static gboolean
update_switcher_bar_cb (gpointer user_data)
{
  SigapWindow *self = user_data;

  self->switcher_idle = 0;
  update_switcher_bar (self);
  return G_SOURCE_REMOVE;
}

/* The title shows when the header bar is allocated too narrow for the switcher: reveal the
 * bar after that allocation, not in the middle of it (GTK warns about a child allocated a
 * height of -1 when animations are off). */
static void
title_visible_changed_cb (SigapWindow *self)
{
  if (self->switcher_idle == 0)
    self->switcher_idle = g_idle_add (update_switcher_bar_cb, self);
}

static void
set_state (SigapWindow *self,
           const char  *state)
{
  gboolean dashboard = g_strcmp0 (state, "dashboard") == 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->main_stack, state);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.generate-briefing", dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", dashboard);
  update_switcher_bar (self);

  if (g_strcmp0 (state, "loading") == 0)
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  check_settled (self);
}

static void
set_error (SigapWindow  *self,
           const GError *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

static void
show_status (SigapWindow *self,
             const char  *icon_name,
             const char  *title,
             const char  *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  set_state (self, "welcome");
}

static void
show_error (SigapWindow  *self,
            const GError *error)
{
  set_error (self, error);
  show_status (self, "dialog-warning-symbolic", _("Cannot open the database"), error->message);
}

static void
push_source (SigapWindow *self,
             SigapPage   *page)
{
  sigap_page_set_regions (page, self->regions);
  if (self->db_path != NULL)
    sigap_page_set_source (page, self->db_path);
}

/* The pages follow the model themselves; the segment is remembered for the next session. */
static void
filter_changed_cb (SigapWindow *self)
{
  const SigapFilter *filter = sigap_filter_model_get_filter (self->filter_model);

  if (self->persistent && self->settings != NULL)
    g_settings_set_string (self->settings, "segment", sigap_segment_to_string (filter->segment));
}

static void
page_busy_changed_cb (SigapWindow *self)
{
  update_busy (self);
}

static void
page_query_failed_cb (SigapWindow  *self,
                      const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  set_error (self, error);
  /* TRANSLATORS: a toast; %s is the reason */
  title = g_strdup_printf (_("Cannot compute the figures: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
connect_page (SigapWindow *self,
              SigapPage   *page)
{
  /* Every page follows the window's filter; the Wilayah page's drills set it. */
  sigap_page_set_filter_model (page, self->filter_model);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (page_busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "query-failed", G_CALLBACK (page_query_failed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---------------------------------------------------------------------------------------- */
/* Settling: nothing under way and the result on screen.                                    */

static gboolean
settled_idle_cb (gpointer user_data)
{
  SigapWindow *self = user_data;
  g_autoptr(GArray) callbacks = NULL;

  self->settled_idle = 0;
  if (self->busy || self->settled->len == 0)
    return G_SOURCE_REMOVE;

  /* Callbacks may ask for more: they land in a fresh list. */
  callbacks = g_steal_pointer (&self->settled);
  self->settled = g_array_new (FALSE, FALSE, sizeof (Settled));

  g_object_ref (self);
  for (guint i = 0; i < callbacks->len; i++)
    {
      const Settled *settled = &g_array_index (callbacks, Settled, i);

      settled->func (self, settled->user_data);
    }
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* A frame was painted: the widgets' render nodes hold what is on screen now. */
static void
after_paint_cb (GdkFrameClock *clock,
                SigapWindow   *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);

  if (self->busy)
    return;

  if (self->settled_idle == 0)
    self->settled_idle = g_idle_add (settled_idle_cb, self);
}

static void
check_settled (SigapWindow *self)
{
  GdkFrameClock *clock;

  if (self->settled == NULL || self->settled->len == 0 || self->busy ||
      self->paint_handler != 0 || self->main_stack == NULL ||
      g_strcmp0 (sigap_window_get_state (self), "loading") == 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mapped_cb (SigapWindow *self)
{
  check_settled (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Opening a database, in a worker thread.                                                  */

/* What to show once the database is open: travels with the opening, checked against the
 * data when it is open. */
typedef struct
{
  char     *path;
  GDate     as_of;       /* invalid: the data's cut-off */
  gboolean  clamp;       /* keep an as-of outside the data within it, rather than fail */
  char     *scope;       /* NULL: the filter's, when the data know it */
  int       segment;     /* a SigapSegment, or -1 for the one of the last session */
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
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
} DatabaseInfo;

static void
database_info_free (DatabaseInfo *info)
{
  g_free (info->path);
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
  const OpenRequest *request = task_data;
  const char *path = request->path;
  g_autoptr(DatabaseInfo) info = g_new0 (DatabaseInfo, 1);
  g_autoptr(SigapDatabase) db = NULL;
  GError *error = NULL;

  info->path = g_strdup (path);
  g_date_clear (&info->cutoff, 1);
  g_date_clear (&info->first, 1);

  /* A window that keeps nothing (a screenshot) writes nothing either: not even an upgrade. */
  db = sigap_database_open (path, self->persistent ? SIGAP_DATABASE_OPEN_DEFAULT
                                                   : SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

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
  g_autoptr(SigapFilter) filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  g_autofree char *segment = NULL;

  *kelurahan = NULL;
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
  g_autofree char *basename = NULL;
  g_autofree char *kelurahan = NULL;

  info = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);

  if (info == NULL)
    {
      show_error (self, error);
      update_busy (self);
      return;
    }

  set_error (self, NULL);
  g_free (self->db_path);
  self->db_path = g_strdup (info->path);
  basename = g_filename_display_basename (info->path);
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);

  if (self->persistent && self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", info->path);

  if (!info->has_cutoff)
    {
      show_status (self, "folder-documents-symbolic", _("No data yet"),
                   _("This database holds no participants or payments yet. Import the lists "
                     "from the agencies, or open the demonstration data to look around."));
      update_busy (self);
      return;
    }

  filter = requested_filter (self, request, info, &kelurahan, &error);
  if (filter == NULL)
    {
      show_error (self, error);
      update_busy (self);
      return;
    }

  g_clear_pointer (&self->regions, sigap_regions_unref);
  self->regions = g_steal_pointer (&info->regions);
  g_strfreev (self->region_codes);
  self->region_codes = g_steal_pointer (&info->codes);
  g_strfreev (self->region_names);
  self->region_names = g_steal_pointer (&info->names);

  /* The pages forget the old source first: the filter set next is for the new one. */
  foreach_page (self, invalidate_page);
  sigap_filter_bar_set_regions (self->filter_bar, (const char * const *) self->region_codes,
                                (const char * const *) self->region_names);
  sigap_filter_model_set_date_range (self->filter_model, &info->first, &info->cutoff);
  sigap_filter_model_set_filter (self->filter_model, filter);
  if (kelurahan != NULL)
    sigap_wilayah_page_drill (SIGAP_WILAYAH_PAGE (sigap_window_get_page (self, "wilayah")),
                              kelurahan);

  foreach_page (self, push_source);
  set_state (self, "dashboard");
  update_busy (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Demo data, generated in a worker thread with progress.                                   */

typedef struct
{
  GWeakRef window;
} DemoShared;

typedef struct
{
  DemoShared *shared;
  double      fraction;
} DemoProgress;

static void
demo_shared_clear (gpointer data)
{
  DemoShared *shared = data;

  g_weak_ref_clear (&shared->window);
}

static void
demo_shared_release (DemoShared *shared)
{
  g_atomic_rc_box_release_full (shared, demo_shared_clear);
}

static void
demo_progress_free (DemoProgress *progress)
{
  demo_shared_release (progress->shared);
  g_free (progress);
}

static gboolean
demo_progress_cb (gpointer user_data)
{
  DemoProgress *progress = user_data;
  g_autoptr(SigapWindow) self = g_weak_ref_get (&progress->shared->window);

  if (self != NULL && self->demo_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0, 1));

  return G_SOURCE_REMOVE;
}

/* Called from the generating thread. */
static void
demo_generate_progress_cb (double   fraction,
                           gpointer user_data)
{
  DemoProgress *progress = g_new0 (DemoProgress, 1);

  progress->shared = g_atomic_rc_box_acquire (user_data);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, demo_progress_cb, progress,
                              (GDestroyNotify) demo_progress_free);
}

static void
demo_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  DemoShared *shared = g_atomic_rc_box_new0 (DemoShared);
  SigapDemoOptions options;
  GError *error = NULL;
  gboolean ok;

  g_weak_ref_init (&shared->window, source_object);
  sigap_demo_options_init (&options);
  ok = sigap_demo_generate (path, &options, FALSE, demo_generate_progress_cb, shared,
                            cancellable, &error);
  demo_shared_release (shared);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
demo_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SigapWindow *self = SIGAP_WINDOW (object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->demo_cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->db_path != NULL)
            set_state (self, "dashboard");
          else
            set_state (self, "welcome");
        }
      else
        show_error (self, error);

      update_busy (self);
      return;
    }

  sigap_window_open_database (self, path);
}

static char *
demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sigap", "demo.sigap", NULL);
}

static void
open_demo_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autofree char *path = demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GTask) task = NULL;

  if (self->demo_cancellable != NULL)
    return;

  /* The demo is the same story every time: make it once, reopen it after. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      sigap_window_open_database (self, path);
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      show_error (self, error);
      return;
    }

  self->demo_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_state (self, "progress");
  update_busy (self);

  task = g_task_new (self, self->demo_cancellable, demo_finished_cb, NULL);
  g_task_set_source_tag (task, open_demo_activated_cb);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, demo_in_thread);
}

static void
cancel_demo_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  g_cancellable_cancel (self->demo_cancellable);
}

/* ---------------------------------------------------------------------------------------- */
/* Other actions.                                                                           */

static void
chooser_responded_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  SigapWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        sigap_window_open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
open_database_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("SIGAP databases"));
  gtk_file_filter_add_pattern (filter, "*.sigap");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_responded_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
refresh_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  g_autofree char *path = g_strdup (self->db_path);
  g_autoptr(SigapFilter) filter = NULL;

  if (path == NULL)
    return;

  /* Keep what the user is looking at: the same date (unless the data now end earlier), scope
   * and segment. */
  filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  open_database (self, path, &filter->as_of, TRUE, filter->scope, filter->segment);
}

/**
 * _sigap_window_reload_after_import:
 * @db_path: the database an import wrote to
 *
 * Opens the database again, as win.refresh does, except that a date at the old cut-off
 * follows the data to the new one. Another database (one the import created) is opened anew.
 */
void
_sigap_window_reload_after_import (SigapWindow *self,
                                   const char  *db_path)
{
  g_autoptr(SigapFilter) filter = NULL;
  g_autofree char *path = g_strdup (db_path);
  GDate first, last;
  gboolean at_cutoff;

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (db_path != NULL);

  if (g_strcmp0 (path, self->db_path) != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") != 0)
    {
      sigap_window_open_database (self, path);
      return;
    }

  filter = sigap_filter_copy (sigap_filter_model_get_filter (self->filter_model));
  sigap_filter_model_get_date_range (self->filter_model, &first, &last);
  at_cutoff = g_date_valid (&last) && g_date_compare (&filter->as_of, &last) == 0;
  open_database (self, path, at_cutoff ? NULL : &filter->as_of, TRUE, filter->scope,
                 filter->segment);
}

void
_sigap_window_add_toast (SigapWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
briefing_saved_cb (SigapWindow *self,
                   GFile       *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, sigap_briefing_toast_new (file));
}

static void
generate_briefing_activated_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  SigapBriefingDialog *dialog;
  GDate first, last;

  if (self->db_path == NULL || self->region_codes == NULL)
    return;

  dialog = sigap_briefing_dialog_new (GTK_WINDOW (self), self->db_path,
                                      sigap_filter_model_get_filter (self->filter_model));
  sigap_briefing_dialog_set_regions (dialog, (const char * const *) self->region_codes,
                                     (const char * const *) self->region_names);
  sigap_filter_model_get_date_range (self->filter_model, &first, &last);
  sigap_briefing_dialog_set_date_range (dialog, &first, &last);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (briefing_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0)
    sigap_window_set_page (self, g_variant_get_string (parameter, NULL));
}

static gboolean
sigap_window_close_request (GtkWindow *window)
{
  SigapWindow *self = SIGAP_WINDOW (window);

  if (self->persistent && self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (sigap_window_parent_class)->close_request (window);
}

static void
sigap_window_dispose (GObject *object)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_handle_id (&self->busy_source, g_source_remove);
  g_clear_handle_id (&self->settled_idle, g_source_remove);
  g_clear_handle_id (&self->switcher_idle, g_source_remove);
  if (self->paint_handler != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      if (clock != NULL)
        g_clear_signal_handler (&self->paint_handler, clock);
      self->paint_handler = 0;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGAP_TYPE_WINDOW);

  G_OBJECT_CLASS (sigap_window_parent_class)->dispose (object);
}

static void
sigap_window_finalize (GObject *object)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->filter_model);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->regions, sigap_regions_unref);
  g_clear_pointer (&self->region_codes, g_strfreev);
  g_clear_pointer (&self->region_names, g_strfreev);
  g_clear_error (&self->error);
  g_clear_pointer (&self->settled, g_array_unref);

  G_OBJECT_CLASS (sigap_window_parent_class)->finalize (object);
}

static void
sigap_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SigapWindow *self = SIGAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_STATE:
      g_value_set_string (value, sigap_window_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_window_class_init (SigapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sigap_window_dispose;
  object_class->finalize = sigap_window_finalize;
  object_class->get_property = sigap_window_get_property;
  window_class->close_request = sigap_window_close_request;

  /**
   * SigapWindow:busy:
   *
   * Whether a database is being opened, the demo created, or the visible page computed.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SigapWindow:state:
   *
   * What the window shows: "loading", "welcome" (a status page: no database, no data, an
   * error), "progress" (the demo being created) or "dashboard".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIGAP_TYPE_FILTER_BAR);
  g_type_ensure (SIGAP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SIGAP_TYPE_BUDGET_PAGE);
  g_type_ensure (SIGAP_TYPE_WILAYAH_PAGE);
  g_type_ensure (SIGAP_TYPE_DATA_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sigap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SigapWindow, budget_page);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-demo", NULL,
                                   cancel_demo_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   _sigap_window_import_activated);
  gtk_widget_class_install_action (widget_class, "win.generate-briefing", NULL,
                                   generate_briefing_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-excel", NULL,
                                   _sigap_window_export_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-excel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "ringkasan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "anggaran");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
sigap_window_init (SigapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sigap_a11y_fix_access_keys (GTK_WIDGET (self));
  sigap_a11y_name_menu_button (self->menu_button, _("Main menu"));

  self->persistent = TRUE;
  self->settled = g_array_new (FALSE, FALSE, sizeof (Settled));
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  self->settings = sigap_settings_new_if_installed ();

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* Only with figures to brief on: set_state() enables it on the dashboard. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.generate-briefing", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-excel", FALSE);
  _sigap_window_import_setup (self);
  g_object_bind_property (self->import_button, "sensitive", self->import_button, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (title_visible_changed_cb), self);
  self->filter_model = sigap_filter_model_new ();
  sigap_filter_bar_set_model (self->filter_bar, self->filter_model);
  g_signal_connect_swapped (self->filter_model, "changed", G_CALLBACK (filter_changed_cb), self);
  foreach_page (self, connect_page);

  set_state (self, "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_switcher_bar (self);
}

SigapWindow *
sigap_window_new (SigapApplication *application)
{
  return g_object_new (SIGAP_TYPE_WINDOW, "application", application, NULL);
}

/* Opens @path in a worker thread, then shows it at @as_of (NULL: its cut-off; kept within
 * the data when @clamp, else the opening fails outside them), @scope (NULL: the filter's) and
 * @segment (-1: the last session's). */
static void
open_database (SigapWindow *self,
               const char  *path,
               const GDate *as_of,
               gboolean     clamp,
               const char  *scope,
               int          segment)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->path = g_strdup (path);
  g_date_clear (&request->as_of, 1);
  if (as_of != NULL && g_date_valid (as_of))
    request->as_of = *as_of;
  request->clamp = clamp;
  request->scope = g_strdup (scope);
  request->segment = segment;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") != 0)
    set_state (self, "loading");
  update_busy (self);

  task = g_task_new (self, self->open_cancellable, open_finished_cb, NULL);
  g_task_set_source_tag (task, sigap_window_open_database);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, open_in_thread);
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

  open_database (self, path, NULL, FALSE, NULL, -1);
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

  open_database (self, path, as_of, FALSE, scope, segment != NULL ? (int) *segment : -1);
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

  if (path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_EXISTS))
    sigap_window_open_database (self, path);
}

const char *
sigap_window_get_database (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->db_path;
}

/**
 * sigap_window_set_persistent:
 * @persistent: whether the window saves its size, the last database and the segment
 */
void
sigap_window_set_persistent (SigapWindow *self,
                             gboolean     persistent)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));

  self->persistent = !!persistent;
}

const SigapFilter *
sigap_window_get_filter (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return sigap_filter_model_get_filter (self->filter_model);
}

/**
 * sigap_window_set_filter:
 *
 * Shows the figures for @filter, as if the user had picked it in the filter bar.
 */
void
sigap_window_set_filter (SigapWindow       *self,
                         const SigapFilter *filter)
{
  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (filter != NULL);

  sigap_filter_model_set_filter (self->filter_model, filter);
}

gboolean
sigap_window_has_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  return name != NULL && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL;
}

/**
 * sigap_window_dup_page_names:
 *
 * Returns: (transfer full): the names of the pages, in order ("ringkasan", "anggaran", …)
 */
GStrv
sigap_window_dup_page_names (SigapWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  pages = adw_view_stack_get_pages (self->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_strv_builder_add (names, adw_view_stack_page_get_name (page));
    }

  return g_strv_builder_end (names);
}

/**
 * sigap_window_set_page:
 * @name: "ringkasan", "anggaran", …
 *
 * Returns: whether there is such a page
 */
gboolean
sigap_window_set_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  if (!sigap_window_has_page (self, name))
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  return TRUE;
}

/**
 * sigap_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
sigap_window_get_page (SigapWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return name != NULL ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;
}

const char *
sigap_window_get_state (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
sigap_window_get_busy (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * sigap_window_get_error:
 *
 * Returns: (nullable): why the last database could not be opened or a figure computed
 */
const GError *
sigap_window_get_error (SigapWindow *self)
{
  g_return_val_if_fail (SIGAP_IS_WINDOW (self), NULL);

  return self->error;
}

/**
 * sigap_window_when_settled:
 * @func: called once, on the main thread
 *
 * Calls @func once nothing is under way (no database opening, no page computing) and a
 * frame has been painted since, so that what the figures say is on screen: for
 * `sigap screenshot`, the tests and the benchmark. If the window ends up on a status page
 * (an error), @func is called too: look at sigap_window_get_state() and _get_error().
 */
void
sigap_window_when_settled (SigapWindow            *self,
                           SigapWindowSettledFunc  func,
                           gpointer                user_data)
{
  Settled settled = { func, user_data };

  g_return_if_fail (SIGAP_IS_WINDOW (self));
  g_return_if_fail (func != NULL);

  g_array_append_val (self->settled, settled);
  check_settled (self);
}
