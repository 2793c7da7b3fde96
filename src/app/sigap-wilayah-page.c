/* sigap-wilayah-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapWilayahPage, "Wilayah": which kecamatan lag, and why. At the city and at a kecamatan
 * the page shows the areas one level down three ways, all of the measure chosen (coverage,
 * active, target, registered): the tile map, a sortable table (with a change since the end of
 * the previous month, a rank, and the scope's own figures as the total), and the bars of
 * active participants against the target. Click or Enter on an area in any of them drills
 * into it; the breadcrumb, the Back button and Alt+Left go back up. Under them, a sector ×
 * area table shaded by the number in each cell answers "which sector lags where".
 *
 * At a kelurahan: its sector and desil mix, and the list of its participants (masked NIKs,
 * paged from SQLite by SigapParticipantModel), searchable and sortable.
 *
 * Every figure is src/core's: sigap_figures_summary() and sigap_figures_breakdown() for the
 * scope, as `sigap summary --by kecamatan|kelurahan --scope` prints them. The page only
 * subtracts two of them (the change since last month) and ranks.
 *
 * The scope: the filter bar offers the city and the kecamatan. The page drills from the
 * filter's scope; drilling to a kecamatan (or back to the city) sets the scope of the
 * window's filter model, so the filter bar and the other pages follow. A kelurahan stays the
 * page's own: the filter shows its kecamatan.
 *
 * The widgets are built here rather than in a .ui file: most of them are made per level
 * (breadcrumb, heat table cells) and the columns need factories and sorters anyway.
 */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-chart.h"
#include "chart/sigap-chart-builders.h"
#include "core/sigap-format.h"
#include "core/sigap-regions.h"
#include "sigap-card-grid.h"
#include "sigap-chart-card.h"
#include "sigap-a11y.h"
#include "sigap-heat-grid.h"
#include "sigap-table-menu.h"
#include "sigap-wilayah-page.h"

#define N_HEAT_CLASSES 6

typedef enum
{
  LEVEL_KOTA,
  LEVEL_KECAMATAN,
  LEVEL_KELURAHAN,
} Level;

/* ---------------------------------------------------------------------------------------- */
/* Table rows.                                                                              */

#define WILAYAH_TYPE_ROW (wilayah_row_get_type ())
G_DECLARE_FINAL_TYPE (WilayahRow, wilayah_row, WILAYAH, ROW, GObject)

struct _WilayahRow
{
  GObject            parent_instance;
  SigapBreakdownRow  row;
  double             change;
  gboolean           has_change;
  guint              rank;           /* 0: none */
  gboolean           is_total;
  gboolean           probe;          /* for reading the column view's sort order */
};

G_DEFINE_FINAL_TYPE (WilayahRow, wilayah_row, G_TYPE_OBJECT)

static void
wilayah_row_finalize (GObject *object)
{
  WilayahRow *self = WILAYAH_ROW (object);

  g_free (self->row.code);
  g_free (self->row.name);

  G_OBJECT_CLASS (wilayah_row_parent_class)->finalize (object);
}

static void
wilayah_row_class_init (WilayahRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wilayah_row_finalize;
}

static void
wilayah_row_init (WilayahRow *self)
{
}

static WilayahRow *
wilayah_row_new (const SigapBreakdownRow *row)
{
  WilayahRow *self = g_object_new (WILAYAH_TYPE_ROW, NULL);

  self->row = *row;
  self->row.code = g_strdup (row->code);
  self->row.name = g_strdup (row->name);
  return self;
}

/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  char *code;
  char *name;
} Crumb;

static void
crumb_free (Crumb *crumb)
{
  g_free (crumb->code);
  g_free (crumb->name);
  g_free (crumb);
}

struct _SigapWilayahPage
{
  SigapPage              parent_instance;

  GtkWidget             *back_button;
  GtkBox                *crumb_box;
  GtkLabel              *heading_label;
  GtkLabel              *subheading_label;
  GtkDropDown           *measure_dropdown;

  GtkWidget             *areas_box;
  GtkWidget             *map_card;
  GtkLabel              *map_title;
  SigapChartView        *map_view;
  GtkLabel              *table_title;
  GtkMenuButton         *table_menu;
  GtkColumnView         *table_view;
  GListStore            *table_store;
  guint                  fit_columns_id;  /* idle: show the columns the width has room for */
  SigapChartCard        *bars_card;
  GtkWidget             *heat_card;
  GtkLabel              *heat_title;
  GtkMenuButton         *heat_menu;
  GtkLabel              *heat_subtitle;
  GtkGrid               *heat_grid;

  GtkWidget             *kelurahan_box;
  SigapChartCard        *sector_card;
  SigapChartCard        *desil_card;
  GtkSearchEntry        *search_entry;
  GtkLabel              *people_label;
  GtkColumnView         *people_view;
  GtkMenuButton         *people_menu;
  SigapParticipantModel *people;
  GtkSorter             *people_sorter;
  GtkWidget             *people_box;
  AdwStatusPage         *people_locked;   /* in its place, for a role without personal data */
  gboolean               people_allowed;

  GPtrArray             *crumbs;          /* Crumb, the city first */
  char                  *drill;           /* the scope shown, or being loaded */
  SigapWilayahMeasure    measure;
  gpointer               level;           /* LevelResult shown */
  GHashTable            *visits;          /* code → Visit */
  char                  *visits_key;      /* the source the visits are of */
  GCancellable          *cancellable;
  guint                  n_loads;
  gint64                 query_started;
  gint64                 last_query_us;
  SigapLang              lang;

  /* Which column view column a probe comparison reached first. */
  int                    probe_column;
};

G_DEFINE_FINAL_TYPE (SigapWilayahPage, sigap_wilayah_page, SIGAP_TYPE_PAGE)

static void start_queries (SigapWilayahPage *self);

/* ---------------------------------------------------------------------------------------- */
/* Codes.                                                                                   */

static Level
level_of_region (const SigapRegion *region)
{
  if (region == NULL || g_strcmp0 (region->level, "kota") == 0)
    return LEVEL_KOTA;

  return g_strcmp0 (region->level, "kecamatan") == 0 ? LEVEL_KECAMATAN : LEVEL_KELURAHAN;
}

static const SigapRegion *
lookup_region (SigapWilayahPage *self,
               const char       *code)
{
  SigapRegions *regions = sigap_page_get_regions (SIGAP_PAGE (self));

  return regions != NULL && code != NULL ? sigap_regions_lookup (regions, code) : NULL;
}

/* The level of @code in the region tree; the city's for a code it does not know. */
static Level
level_of (SigapWilayahPage *self,
          const char       *code)
{
  return level_of_region (lookup_region (self, code));
}

/* The scope the filter bar shows for @code: the kecamatan of a kelurahan, else @code. */
static char *
kecamatan_of (SigapWilayahPage *self,
              const char       *code)
{
  const SigapRegion *region = lookup_region (self, code);

  if (level_of_region (region) == LEVEL_KELURAHAN && sigap_regions_kecamatan_of (region) != NULL)
    return g_strdup (sigap_regions_kecamatan_of (region)->code);

  return g_strdup (code);
}

/* ---------------------------------------------------------------------------------------- */
/* Jobs, run in worker threads.                                                             */

typedef struct
{
  Level          level;
  GPtrArray     *path;          /* Crumb */
  SigapSummary  *now;
  SigapSummary  *previous;      /* at the end of the previous month */
  GPtrArray     *rows;          /* the areas one level down (not at a kelurahan) */
  GPtrArray     *rows_previous;
  SigapChartMap *map;
  GPtrArray     *sectors;       /* at a kelurahan */
  GPtrArray     *desil;
} LevelResult;

static void
level_result_clear (LevelResult *result)
{
  g_clear_pointer (&result->path, g_ptr_array_unref);
  g_clear_pointer (&result->now, sigap_summary_free);
  g_clear_pointer (&result->previous, sigap_summary_free);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->rows_previous, g_ptr_array_unref);
  g_clear_object (&result->map);
  g_clear_pointer (&result->sectors, g_ptr_array_unref);
  g_clear_pointer (&result->desil, g_ptr_array_unref);
}

/* Shared by the page and its visits (see Visit). */
static void
level_result_unref (LevelResult *result)
{
  g_rc_box_release_full (result, (GDestroyNotify) level_result_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LevelResult, level_result_unref)

/* A level seen since the data, the date or the segment last changed: going back to it, or
 * to an area seen before, shows it at once instead of counting again. */
typedef struct
{
  LevelResult *level;
  GPtrArray   *heat;
} Visit;

static void
visit_free (Visit *visit)
{
  g_clear_pointer (&visit->level, level_result_unref);
  g_clear_pointer (&visit->heat, g_ptr_array_unref);
  g_free (visit);
}

/* What a level's job needs: the area, and the tree it is in (shared, immutable). */
typedef struct
{
  char         *code;
  SigapRegions *regions;
} LevelJob;

static LevelJob *
level_job_new (SigapWilayahPage *self,
               const char       *code)
{
  LevelJob *job = g_new0 (LevelJob, 1);
  SigapRegions *regions = sigap_page_get_regions (SIGAP_PAGE (self));

  job->code = g_strdup (code);
  job->regions = regions != NULL ? sigap_regions_ref (regions) : NULL;
  return job;
}

static void
level_job_free (LevelJob *job)
{
  g_free (job->code);
  g_clear_pointer (&job->regions, sigap_regions_unref);
  g_free (job);
}

/* The region and its ancestors, the city first; empty for an unknown region. */
static GPtrArray *
read_path (const SigapRegion *region)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func ((GDestroyNotify) crumb_free);
  g_autoptr(GPtrArray) regions = NULL;

  if (region == NULL)
    return g_steal_pointer (&path);

  regions = sigap_regions_get_path (region);
  for (guint i = 0; i < regions->len; i++)
    {
      const SigapRegion *step = g_ptr_array_index (regions, i);
      Crumb *crumb = g_new0 (Crumb, 1);

      crumb->code = g_strdup (step->code);
      crumb->name = g_strdup (step->name);
      g_ptr_array_add (path, crumb);
    }

  return g_steal_pointer (&path);
}

static gpointer
compute_level (SigapDatabase      *db,
               const SigapFilter  *page_filter,
               gpointer            data,
               GCancellable       *cancellable,
               GError            **error)
{
  const LevelJob *job = data;
  const char *code = job->code;
  const SigapRegion *region = job->regions != NULL ? sigap_regions_lookup (job->regions, code)
                                                   : NULL;
  g_autoptr(LevelResult) result = g_rc_box_new0 (LevelResult);
  g_autoptr(SigapFilter) filter = sigap_filter_copy (page_filter);
  g_autoptr(SigapFilter) previous = NULL;

  g_free (filter->scope);
  filter->scope = g_strdup (code);
  previous = sigap_filter_new_previous_month_end (filter);
  if (region == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Unknown region code “%s”"), code);
      return NULL;
    }
  result->level = level_of_region (region);
  result->path = read_path (region);

  result->now = sigap_figures_summary_counts (db, filter, error);
  if (result->now == NULL)
    return NULL;
  result->previous = sigap_figures_summary_counts (db, previous, error);
  if (result->previous == NULL)
    return NULL;

  if (result->level == LEVEL_KELURAHAN)
    {
      result->sectors = sigap_figures_breakdown (db, filter, SIGAP_BREAKDOWN_SECTOR, error);
      if (result->sectors == NULL)
        return NULL;
      result->desil = sigap_figures_breakdown (db, filter, SIGAP_BREAKDOWN_DESIL, error);
      if (result->desil == NULL)
        return NULL;
      return g_steal_pointer (&result);
    }
  else
    {
      SigapBreakdown by = result->level == LEVEL_KOTA ? SIGAP_BREAKDOWN_KECAMATAN
                                                      : SIGAP_BREAKDOWN_KELURAHAN;

      result->rows = sigap_figures_breakdown (db, filter, by, error);
      if (result->rows == NULL)
        return NULL;
      result->rows_previous = sigap_figures_breakdown (db, previous, by, error);
      if (result->rows_previous == NULL)
        return NULL;
    }

  result->map = sigap_chart_map_new (NULL);
  if (!sigap_chart_map_set_regions (result->map, region, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* The sector × area table, counted once in core: the areas' breakdown, then each area's
 * breakdown by sector. */
static gpointer
compute_heat (SigapDatabase      *db,
              const SigapFilter  *page_filter,
              gpointer            data,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(SigapFilter) filter = sigap_filter_copy (page_filter);

  g_free (filter->scope);
  filter->scope = g_strdup (data);
  return sigap_figures_sector_by_area (db, filter, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Measures.                                                                                */

static const char *
measure_label (SigapWilayahMeasure measure)
{
  switch (measure)
    {
    case SIGAP_WILAYAH_MEASURE_COVERAGE:
      return _("Coverage");
    case SIGAP_WILAYAH_MEASURE_ACTIVE:
      return _("Active");
    case SIGAP_WILAYAH_MEASURE_TARGET:
      return _("Target");
    case SIGAP_WILAYAH_MEASURE_REGISTERED:
      return _("Registered");
    default:
      g_return_val_if_reached ("");
    }
}

/* The measure of @row, NAN where it is not defined. */
static double
measure_value (SigapWilayahMeasure      measure,
               const SigapBreakdownRow *row)
{
  switch (measure)
    {
    case SIGAP_WILAYAH_MEASURE_COVERAGE:
      return row->has_coverage ? row->coverage_pct : NAN;
    case SIGAP_WILAYAH_MEASURE_ACTIVE:
      return (double) row->active;
    case SIGAP_WILAYAH_MEASURE_TARGET:
      return row->has_target ? (double) row->target : NAN;
    case SIGAP_WILAYAH_MEASURE_REGISTERED:
      return (double) row->registered;
    default:
      g_return_val_if_reached (NAN);
    }
}

static void
summary_as_row (const SigapSummary *summary,
                SigapBreakdownRow  *out)
{
  out->code = summary->scope_code;
  out->name = summary->scope_name;
  out->registered = summary->registered;
  out->active = summary->active;
  out->ended = summary->ended;
  out->target = summary->target;
  out->has_target = summary->has_target;
  out->coverage_pct = summary->coverage_pct;
  out->has_coverage = summary->has_coverage;
}

static const SigapBreakdownRow *
find_row (GPtrArray  *rows,
          const char *code)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->code, code) == 0)
        return row;
    }

  return NULL;
}

/* With its unit, as the briefing's table shows it: "+0,5 poin", "+53 orang". */
static char *
format_change (SigapWilayahPage *self,
               const WilayahRow *row)
{
  if (!row->has_change)
    return g_strdup (SIGAP_FORMAT_NO_VALUE);

  if (self->measure == SIGAP_WILAYAH_MEASURE_COVERAGE)
    return sigap_format_change_points (row->change, self->lang);

  return sigap_format_change_people ((gint64) row->change, self->lang);
}

/* ---------------------------------------------------------------------------------------- */
/* The table of areas.                                                                      */

enum {
  COLUMN_NAME,
  COLUMN_CODE,
  COLUMN_REGISTERED,
  COLUMN_ACTIVE,
  COLUMN_TARGET,
  COLUMN_COVERAGE,
  COLUMN_CHANGE,
  COLUMN_RANK,
  N_COLUMNS
};

static void
fill_table (SigapWilayahPage *self)
{
  LevelResult *level = self->level;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  SigapBreakdownRow total;

  g_list_store_remove_all (self->table_store);
  if (level == NULL || level->rows == NULL)
    return;

  for (guint i = 0; i < level->rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (level->rows, i);
      const SigapBreakdownRow *before = find_row (level->rows_previous, row->code);
      WilayahRow *item = wilayah_row_new (row);
      double now_value = measure_value (self->measure, row);
      double before_value = before != NULL ? measure_value (self->measure, before) : NAN;

      item->has_change = !isnan (now_value) && !isnan (before_value) &&
                         (self->measure != SIGAP_WILAYAH_MEASURE_COVERAGE &&
                          self->measure != SIGAP_WILAYAH_MEASURE_TARGET ?
                          TRUE : level->now->year == level->previous->year);
      item->change = item->has_change ? now_value - before_value : 0;
      g_ptr_array_add (items, item);
    }

  /* Rank: 1 for the highest value of the measure; areas without one have no rank. */
  for (guint i = 0; i < items->len; i++)
    {
      WilayahRow *item = g_ptr_array_index (items, i);
      double value = measure_value (self->measure, &item->row);

      if (isnan (value))
        continue;

      item->rank = 1;
      for (guint j = 0; j < items->len; j++)
        {
          WilayahRow *other = g_ptr_array_index (items, j);

          if (measure_value (self->measure, &other->row) > value)
            item->rank++;
        }
    }

  /* The total is the scope's own summary, not a sum made here. */
  summary_as_row (level->now, &total);
  {
    WilayahRow *item = wilayah_row_new (&total);
    SigapBreakdownRow before;
    double now_value, before_value;

    summary_as_row (level->previous, &before);
    now_value = measure_value (self->measure, &total);
    before_value = measure_value (self->measure, &before);
    item->is_total = TRUE;
    g_free (item->row.name);
    /* TRANSLATORS: the table's last row: "Total Kota Bekasi" */
    item->row.name = g_strdup_printf (_("Total %s"), level->now->scope_name);
    item->has_change = !isnan (now_value) && !isnan (before_value) &&
                       ((self->measure != SIGAP_WILAYAH_MEASURE_COVERAGE &&
                         self->measure != SIGAP_WILAYAH_MEASURE_TARGET) ||
                        level->now->year == level->previous->year);
    item->change = item->has_change ? now_value - before_value : 0;
    g_ptr_array_add (items, item);
  }

  g_list_store_splice (self->table_store, 0, 0, items->pdata, items->len);
}

static char *
cell_text (SigapWilayahPage *self,
           const WilayahRow *item,
           int               column)
{
  const SigapBreakdownRow *row = &item->row;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (row->name);
    case COLUMN_CODE:
      return g_strdup (item->is_total ? "" : row->code);
    case COLUMN_REGISTERED:
      return sigap_format_count (row->registered, self->lang);
    case COLUMN_ACTIVE:
      return sigap_format_count (row->active, self->lang);
    case COLUMN_TARGET:
      return row->has_target ? sigap_format_count (row->target, self->lang)
                             : g_strdup (SIGAP_FORMAT_NO_VALUE);
    case COLUMN_COVERAGE:
      return row->has_coverage ? sigap_format_percent (row->coverage_pct, 1, self->lang)
                               : g_strdup (SIGAP_FORMAT_NO_VALUE);
    case COLUMN_CHANGE:
      return format_change (self, item);
    case COLUMN_RANK:
      return item->rank > 0 ? g_strdup_printf ("%u", item->rank) : g_strdup ("");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Each cell carries its header; the row reads "Bekasi Timur: Active 1.039, Target 970, …". */
static void
describe_area_cell (SigapWilayahPage *self,
                    GtkListItem      *list_item,
                    const WilayahRow *item,
                    int               column)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);
  g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, (guint) column);
  const char *headers[N_COLUMNS];
  char *cells[N_COLUMNS];
  g_autofree char *name = NULL;

  sigap_a11y_relate_table_cell (list_item, (guint) column,
                                view_column != NULL
                                ? gtk_column_view_column_get_title (view_column) : "");
  if (column != COLUMN_NAME)
    return;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, (guint) c);

      headers[c] = other != NULL ? gtk_column_view_column_get_title (other) : "";
      cells[c] = cell_text (self, item, c);
    }
  name = sigap_a11y_describe_row (headers, (const char * const *) cells, N_COLUMNS);
  sigap_a11y_name_table_row (list_item, name);
  for (int c = 0; c < N_COLUMNS; c++)
    g_free (cells[c]);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column >= COLUMN_REGISTERED ? 1.0 : 0.0);
  if (column >= COLUMN_REGISTERED)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  WilayahRow *item = gtk_list_item_get_item (list_item);
  SigapWilayahPage *self = g_object_get_data (G_OBJECT (factory), "page");
  g_autofree char *text = cell_text (self, item, column);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (item->is_total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");

  describe_area_cell (self, list_item, item, column);
}

static int
compare_double (double a,
                double b)
{
  /* Undefined values after every defined one. */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const WilayahRow *x = a;
  const WilayahRow *y = b;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      return g_utf8_collate (x->row.name, y->row.name);
    case COLUMN_CODE:
      return g_strcmp0 (x->row.code, y->row.code);
    case COLUMN_REGISTERED:
      return compare_double (x->row.registered, y->row.registered);
    case COLUMN_ACTIVE:
      return compare_double (x->row.active, y->row.active);
    case COLUMN_TARGET:
      return compare_double (x->row.has_target ? x->row.target : NAN,
                             y->row.has_target ? y->row.target : NAN);
    case COLUMN_COVERAGE:
      return compare_double (x->row.has_coverage ? x->row.coverage_pct : NAN,
                             y->row.has_coverage ? y->row.coverage_pct : NAN);
    case COLUMN_CHANGE:
      return compare_double (x->has_change ? x->change : NAN, y->has_change ? y->change : NAN);
    case COLUMN_RANK:
      return compare_double (x->rank > 0 ? x->rank : NAN, y->rank > 0 ? y->rank : NAN);
    default:
      return 0;
    }
}

/* The total stays last whichever way the table is sorted. */
static int
total_last_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return ((const WilayahRow *) a)->is_total - ((const WilayahRow *) b)->is_total;
}

static void
table_activated_cb (GtkColumnView    *view,
                    guint             position,
                    SigapWilayahPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(WilayahRow) item = g_list_model_get_item (model, position);

  if (item != NULL && !item->is_total)
    sigap_wilayah_page_drill (self, item->row.code);
}

/* Below this width (of the table's card) the code, the registered count and the rank give
 * way, so that name, active, target and coverage fit on a phone-sized window; the change
 * scrolls into view. */
#define TABLE_NARROW_WIDTH 600

static gboolean
fit_table_columns_cb (gpointer user_data)
{
  SigapWilayahPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->table_view));
  double width = adjustment != NULL ? gtk_adjustment_get_page_size (adjustment) : 0;
  g_autoptr(GListModel) columns = NULL;
  gboolean wide = width <= 0 || width >= TABLE_NARROW_WIDTH;

  self->fit_columns_id = 0;
  columns = g_object_ref (gtk_column_view_get_columns (self->table_view));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      if (c == COLUMN_CODE || c == COLUMN_REGISTERED || c == COLUMN_RANK)
        gtk_column_view_column_set_visible (column, wide);
    }
  if (wide)
    gtk_widget_remove_css_class (GTK_WIDGET (self->table_view), "narrow");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->table_view), "narrow");

  return G_SOURCE_REMOVE;
}

/* The table's width changed: fit the columns, once the allocation is over. */
static void
table_width_changed_cb (SigapWilayahPage *self)
{
  if (self->fit_columns_id == 0)
    self->fit_columns_id = g_idle_add (fit_table_columns_cb, self);
}

static GtkColumnView *
build_table (SigapWilayahPage *self)
{
  static const char *titles[N_COLUMNS] = {
    N_("Name"), N_("Code"), N_("Registered"), N_("Active"), N_("Target"), N_("Coverage"),
    N_("Change since last month"), N_("Rank"),
  };
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) column_sorter = NULL;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(titles[c]), factory);
      column_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (c),
                                                         NULL));
      gtk_column_view_column_set_sorter (column, column_sorter);
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (total_last_cb, NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (view)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->table_store)),
                                    GTK_SORTER (sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_single_click_activate (view, TRUE);
  gtk_column_view_set_show_row_separators (view, TRUE);
  /* Columns as wide as their contents, scrolled sideways when the card is narrower, rather
   * than names squeezed to "Bekasi …". */
  gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (view), GTK_SCROLL_NATURAL);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  g_signal_connect (view, "activate", G_CALLBACK (table_activated_cb), self);
  sigap_a11y_name_column_view (view, _("Figures by area"));
  sigap_a11y_single_tab_stop (GTK_WIDGET (view));

  return view;
}

/* ---------------------------------------------------------------------------------------- */
/* The participant list.                                                                    */

enum {
  PEOPLE_NAME,
  PEOPLE_NIK,
  PEOPLE_SECTOR,
  PEOPLE_DESIL,
  PEOPLE_REGISTERED,
  PEOPLE_STATUS,
  N_PEOPLE_COLUMNS
};

static const SigapParticipantSort people_sorts[N_PEOPLE_COLUMNS] = {
  SIGAP_PARTICIPANT_SORT_NAME, SIGAP_PARTICIPANT_SORT_NIK, SIGAP_PARTICIPANT_SORT_SECTOR,
  SIGAP_PARTICIPANT_SORT_DESIL, SIGAP_PARTICIPANT_SORT_REGISTERED, SIGAP_PARTICIPANT_SORT_STATUS,
};

static void
setup_person_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == PEOPLE_DESIL ? 1.0 : 0.0);
  if (column == PEOPLE_NIK || column == PEOPLE_DESIL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_person_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  SigapParticipantItem *item = gtk_list_item_get_item (list_item);
  const SigapParticipantRow *row = sigap_participant_item_get_row (item);
  SigapLang lang = sigap_lang_from_locale ();
  g_autofree char *text = NULL;

  if (row == NULL)
    {
      /* A placeholder while the page is read. */
      gtk_label_set_label (GTK_LABEL (label), column == PEOPLE_NAME ? "…" : "");
      gtk_widget_add_css_class (label, "dim-label");
      return;
    }
  gtk_widget_remove_css_class (label, "dim-label");

  switch (column)
    {
    case PEOPLE_NAME:
      text = g_strdup (row->name);
      break;
    case PEOPLE_NIK:
      text = g_strdup (row->nik_masked);
      break;
    case PEOPLE_SECTOR:
      text = g_strdup (row->sector_name);
      break;
    case PEOPLE_DESIL:
      text = row->desil > 0 ? g_strdup_printf ("%d", row->desil)
                            : g_strdup (SIGAP_FORMAT_NO_VALUE);
      break;
    case PEOPLE_REGISTERED:
      text = sigap_format_date (&row->registered_on, lang, TRUE);
      break;
    case PEOPLE_STATUS:
      if (row->active)
        text = g_strdup (_("Active"));
      else
        {
          g_autofree char *ended = sigap_format_date (&row->ended_on, lang, TRUE);

          /* TRANSLATORS: a participant's status: "Ended 1 Feb 2026" */
          text = g_strdup_printf (_("Ended %s"), ended);
        }
      break;
    default:
      g_return_if_reached ();
    }

  gtk_label_set_label (GTK_LABEL (label), text);
}

/* The column views of GTK 4.8 do not say which column sorts: compare two probe items, and
 * the column sorter reached first (see probe_compare_cb) is the primary one. */
static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SigapWilayahPage *self = g_object_get_data (G_OBJECT (a), "page");

  if (self != NULL && self->probe_column < 0)
    self->probe_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
update_people_query (SigapWilayahPage *self)
{
  const SigapFilter *filter = sigap_page_get_filter (SIGAP_PAGE (self));
  const char *db_path = sigap_page_get_db_path (SIGAP_PAGE (self));
  g_autoptr(SigapParticipantQuery) query = NULL;
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  if (filter == NULL || db_path == NULL || self->drill == NULL || !self->people_allowed ||
      level_of (self, self->drill) != LEVEL_KELURAHAN)
    {
      sigap_participant_model_clear (self->people);
      return;
    }

  query = sigap_participant_query_new (self->drill, filter);
  query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (a, "page", self);
  self->probe_column = -1;
  order = gtk_sorter_compare (self->people_sorter, a, b);
  if (self->probe_column >= 0)
    {
      query->sort = people_sorts[self->probe_column];
      query->descending = order == GTK_ORDERING_LARGER;
    }

  sigap_participant_model_set_query (self->people, db_path, query);
}

static void
people_count_changed_cb (SigapWilayahPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autofree char *count = sigap_format_count (n, self->lang);
  g_autofree char *text = NULL;

  if (sigap_participant_model_get_loading (self->people) && n == 0)
    text = g_strdup (_("Reading the participants…"));
  else
    /* TRANSLATORS: above the participant list */
    text = g_strdup_printf (ngettext ("%s participant", "%s participants", n), count);
  gtk_label_set_label (self->people_label, text);
}

static GtkColumnView *
build_people (SigapWilayahPage *self)
{
  static const char *titles[N_PEOPLE_COLUMNS] = {
    N_("Name"), N_("NIK"), N_("Sector"), N_("Desil"), N_("Registered"), N_("Status"),
  };
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));

  for (int c = 0; c < N_PEOPLE_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_person_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_person_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(titles[c]), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, GINT_TO_POINTER (c), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, c == PEOPLE_NAME || c == PEOPLE_SECTOR);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }

  self->people_sorter = g_object_ref (gtk_column_view_get_sorter (view));
  g_signal_connect_swapped (self->people_sorter, "changed",
                            G_CALLBACK (update_people_query), self);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (
    G_LIST_MODEL (g_object_ref (self->people)))));
  gtk_column_view_set_show_row_separators (view, TRUE);
  sigap_a11y_name_column_view (view, _("Participants"));
  sigap_a11y_single_tab_stop (GTK_WIDGET (view));
  return view;
}

/* ---------------------------------------------------------------------------------------- */
/* Showing a level.                                                                         */

static void
crumb_clicked_cb (GtkButton        *button,
                  SigapWilayahPage *self)
{
  sigap_wilayah_page_drill (self, g_object_get_data (G_OBJECT (button), "code"));
}

static void
show_breadcrumb (SigapWilayahPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->crumb_box))) != NULL)
    gtk_box_remove (self->crumb_box, child);

  for (guint i = 0; i < self->crumbs->len; i++)
    {
      const Crumb *crumb = g_ptr_array_index (self->crumbs, i);

      if (i > 0)
        {
          GtkWidget *separator = gtk_label_new ("›");

          gtk_widget_add_css_class (separator, "dim-label");
          gtk_accessible_update_state (GTK_ACCESSIBLE (separator), GTK_ACCESSIBLE_STATE_HIDDEN,
                                       TRUE, -1);
          gtk_box_append (self->crumb_box, separator);
        }

      if (i + 1 < self->crumbs->len)
        {
          GtkWidget *button = gtk_button_new_with_label (crumb->name);

          gtk_widget_add_css_class (button, "flat");
          g_object_set_data_full (G_OBJECT (button), "code", g_strdup (crumb->code), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (crumb_clicked_cb), self);
          gtk_box_append (self->crumb_box, button);
        }
      else
        {
          GtkWidget *label = gtk_label_new (crumb->name);

          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_margin_start (label, 8);
          gtk_box_append (self->crumb_box, label);
        }
    }

  gtk_widget_set_sensitive (self->back_button, self->crumbs->len > 1);
}

static const char *
area_word (Level level)
{
  return level == LEVEL_KOTA ? _("Kecamatan") : _("Kelurahan");
}

static void
show_map (SigapWilayahPage *self)
{
  static const double coverage_bounds[] = { 50, 70, 90, 100 };
  LevelResult *level = self->level;
  g_autofree char *title = NULL;

  if (level == NULL || level->map == NULL)
    return;

  /* TRANSLATORS: the map's title: "Coverage by kecamatan" */
  title = g_strdup_printf (_("%s by %s"), measure_label (self->measure),
                           level->level == LEVEL_KOTA ? _("kecamatan") : _("kelurahan"));
  gtk_label_set_label (self->map_title, title);
  sigap_chart_map_set_title (level->map, title);
  sigap_chart_map_set_show_title (level->map, FALSE);
  sigap_chart_map_set_lang (level->map, self->lang);
  sigap_chart_map_set_padding (level->map, 4);

  if (self->measure == SIGAP_WILAYAH_MEASURE_COVERAGE)
    {
      sigap_chart_map_set_measure (level->map, _("Coverage"), SIGAP_CHART_UNIT_PERCENT);
      sigap_chart_map_set_class_bounds (level->map, coverage_bounds,
                                        G_N_ELEMENTS (coverage_bounds));
      sigap_chart_map_set_no_data_text (level->map, _("No target"));
    }
  else
    {
      sigap_chart_map_set_measure (level->map, measure_label (self->measure),
                                   SIGAP_CHART_UNIT_COUNT);
      sigap_chart_map_set_class_bounds (level->map, NULL, 0);
      sigap_chart_map_set_no_data_text (level->map, _("No data"));
    }

  for (guint i = 0; i < level->rows->len; i++)
    {
      const SigapBreakdownRow *row = g_ptr_array_index (level->rows, i);

      sigap_chart_map_set_value (level->map, row->code, measure_value (self->measure, row));
    }

  /* A new map object only when the level changes: the view keeps its selection otherwise. */
  if (sigap_chart_view_get_map (self->map_view) == level->map)
    {
      sigap_chart_view_set_map (self->map_view, NULL);
    }
  sigap_chart_view_set_map (self->map_view, level->map);
  {
    /* TRANSLATORS: the tile map, read by a screen reader: "Map: Coverage by kecamatan" */
    g_autofree char *map_name = g_strdup_printf (_("Map: %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, map_name, -1);
  }
}

static void
show_measure (SigapWilayahPage *self)
{
  show_map (self);
  fill_table (self);
}

/* The label at (@column, @row) of the heat table, kept from the last table when there is
 * one: building some two hundred labels anew on every drill cost more than its queries. */
static GtkLabel *
heat_label (SigapWilayahPage *self,
            int               column,
            int               row,
            gboolean         *out_created)
{
  GtkWidget *child = gtk_grid_get_child_at (self->heat_grid, column, row);

  *out_created = child == NULL;
  if (child == NULL)
    {
      child = gtk_label_new (NULL);
      gtk_grid_attach (self->heat_grid, child, column, row, 1, 1);
    }

  gtk_widget_set_visible (child, TRUE);
  return GTK_LABEL (child);
}

/* Hides the labels outside the first @n_columns × @n_rows cells, to show them again when a
 * wider table comes back (the city's after a kecamatan's). */
static void
trim_heat (SigapWilayahPage *self,
           int               n_columns,
           int               n_rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->heat_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row;

      gtk_grid_query_child (self->heat_grid, child, &column, &row, NULL, NULL);
      if (column >= n_columns || row >= n_rows)
        gtk_widget_set_visible (child, FALSE);
    }
}

/* A cell's tooltip is asked for when shown: setting two hundred tooltips on every drill took
 * longer than the drill's queries. */
static gboolean
heat_tooltip_cb (GtkWidget  *cell,
                 int         x,
                 int         y,
                 gboolean    keyboard,
                 GtkTooltip *tooltip,
                 gpointer    user_data)
{
  const char *tip = g_object_get_data (G_OBJECT (cell), "heat-tip");

  if (tip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

/* Each sector's row as it is read: "Ojek Online: Bekasi Utara 270, Bekasi Timur 120, …". */
static void
describe_heat_rows (SigapWilayahPage *self,
                    GPtrArray        *heat)
{
  GPtrArray *areas = g_ptr_array_index (heat, 0);
  GPtrArray *first = g_ptr_array_index (heat, 1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **headers = g_new0 (const char *, heat->len + 1);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  headers[0] = "";
  for (guint a = 0; a < areas->len; a++)
    headers[a + 1] = ((const SigapBreakdownRow *) g_ptr_array_index (areas, a))->name;

  for (guint s = 0; s < first->len; s++)
    {
      const SigapBreakdownRow *sector = g_ptr_array_index (first, s);

      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup (sector->name));
      for (guint a = 1; a < heat->len; a++)
        {
          const SigapBreakdownRow *cell = find_row (g_ptr_array_index (heat, a), sector->code);

          g_ptr_array_add (cells, sigap_format_count (cell != NULL ? cell->active : 0,
                                                      self->lang));
        }
      g_ptr_array_add (rows, sigap_a11y_describe_row (headers,
                                                      (const char * const *) cells->pdata,
                                                      cells->len));
    }
  g_ptr_array_add (rows, NULL);
  sigap_heat_grid_set_rows (SIGAP_HEAT_GRID (self->heat_grid),
                            (const char * const *) rows->pdata);
}

static void
show_heat (SigapWilayahPage *self,
           GPtrArray        *heat)
{
  GPtrArray *areas = g_ptr_array_index (heat, 0);
  GPtrArray *first = heat->len > 1 ? g_ptr_array_index (heat, 1) : NULL;
  gint64 max = 0;
  gboolean created;

  if (first == NULL)
    {
      trim_heat (self, 0, 0);
      sigap_heat_grid_set_rows (SIGAP_HEAT_GRID (self->heat_grid), NULL);
      return;
    }

  trim_heat (self, (int) areas->len + 1, (int) first->len + 1);

  for (guint a = 1; a < heat->len; a++)
    {
      GPtrArray *sectors = g_ptr_array_index (heat, a);

      for (guint s = 0; s < sectors->len; s++)
        max = MAX (max, ((SigapBreakdownRow *) g_ptr_array_index (sectors, s))->active);
    }

  /* Areas across, sectors down; the number in every cell, its shade by equal steps of the
   * largest, so colour is never the only carrier. */
  for (guint a = 0; a < areas->len; a++)
    {
      const SigapBreakdownRow *area = g_ptr_array_index (areas, a);
      GtkLabel *label = heat_label (self, (int) a + 1, 0, &created);

      if (created)
        {
          gtk_label_set_wrap (label, TRUE);
          gtk_label_set_max_width_chars (label, 10);
          gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
          gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_END);
          gtk_widget_add_css_class (GTK_WIDGET (label), "caption-heading");
        }
      gtk_label_set_label (label, area->name);
    }

  for (guint s = 0; s < first->len; s++)
    {
      const SigapBreakdownRow *sector = g_ptr_array_index (first, s);
      GtkLabel *label = heat_label (self, 0, (int) s + 1, &created);

      if (created)
        {
          gtk_label_set_xalign (label, 0);
          /* Clear of the first cell, whose colour would otherwise touch the name. */
          gtk_widget_set_margin_end (GTK_WIDGET (label), 8);
          gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
        }
      gtk_label_set_label (label, sector->name);

      for (guint a = 1; a < heat->len; a++)
        {
          GPtrArray *sectors = g_ptr_array_index (heat, a);
          const SigapBreakdownRow *cell = find_row (sectors, sector->code);
          const SigapBreakdownRow *area = g_ptr_array_index (areas, a - 1);
          gint64 value = cell != NULL ? cell->active : 0;
          int klass = max > 0 ? (int) MIN (value * N_HEAT_CLASSES / (max + 1), N_HEAT_CLASSES - 1)
                              : 0;
          g_autofree char *text = sigap_format_count (value, self->lang);
          g_autofree char *css = g_strdup_printf ("heat-%d", klass);
          /* TRANSLATORS: a cell's tooltip: "Ojek Online in Bekasi Utara: 270 active" */
          g_autofree char *tip = g_strdup_printf (_("%s in %s: %s active"), sector->name,
                                                  area->name, text);
          GtkLabel *cell_label = heat_label (self, (int) a, (int) s + 1, &created);
          const char *old_css = g_object_get_data (G_OBJECT (cell_label), "heat-class");

          if (created)
            {
              gtk_widget_set_has_tooltip (GTK_WIDGET (cell_label), TRUE);
              g_signal_connect (cell_label, "query-tooltip", G_CALLBACK (heat_tooltip_cb), NULL);
              gtk_widget_add_css_class (GTK_WIDGET (cell_label), "heat-cell");
              gtk_widget_add_css_class (GTK_WIDGET (cell_label), "numeric");
              gtk_widget_set_hexpand (GTK_WIDGET (cell_label), TRUE);
            }
          if (g_strcmp0 (old_css, css) != 0)
            {
              if (old_css != NULL)
                gtk_widget_remove_css_class (GTK_WIDGET (cell_label), old_css);
              gtk_widget_add_css_class (GTK_WIDGET (cell_label), css);
              g_object_set_data_full (G_OBJECT (cell_label), "heat-class",
                                      g_steal_pointer (&css), g_free);
            }
          gtk_label_set_label (cell_label, text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell_label),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip, -1);
          g_object_set_data_full (G_OBJECT (cell_label), "heat-tip", g_steal_pointer (&tip),
                                  g_free);
        }
    }

  describe_heat_rows (self, heat);
}

static void
show_level (SigapWilayahPage *self,
            LevelResult      *result)
{
  LevelResult *level;
  g_autofree char *as_of = NULL;
  g_autofree char *subheading = NULL;
  g_autofree char *active = NULL;
  g_autofree char *target = NULL;
  g_autofree char *coverage = NULL;

  g_clear_pointer (&self->level, level_result_unref);
  self->level = g_rc_box_acquire (result);
  level = self->level;

  g_ptr_array_set_size (self->crumbs, 0);
  for (guint i = 0; i < level->path->len; i++)
    {
      const Crumb *crumb = g_ptr_array_index (level->path, i);
      Crumb *copy = g_new0 (Crumb, 1);

      copy->code = g_strdup (crumb->code);
      copy->name = g_strdup (crumb->name);
      g_ptr_array_add (self->crumbs, copy);
    }
  show_breadcrumb (self);

  gtk_label_set_label (self->heading_label, level->now->scope_name);
  as_of = sigap_format_date (&level->now->as_of, self->lang, FALSE);
  active = sigap_format_count (level->now->active, self->lang);
  target = level->now->has_target ? sigap_format_count (level->now->target, self->lang)
                                  : g_strdup (SIGAP_FORMAT_NO_VALUE);
  coverage = level->now->has_coverage ? sigap_format_percent (level->now->coverage_pct, 1,
                                                              self->lang)
                                      : g_strdup (SIGAP_FORMAT_NO_VALUE);
  /* TRANSLATORS: under the heading: segment, date, then active, target and coverage */
  subheading = g_strdup_printf (_("%s · as of %s · %s active of a target of %s (%s)"),
                                sigap_segment_get_label (level->now->segment), as_of, active,
                                target, coverage);
  gtk_label_set_label (self->subheading_label, subheading);

  gtk_widget_set_visible (self->areas_box, level->level != LEVEL_KELURAHAN);
  gtk_widget_set_visible (self->heat_card, level->level != LEVEL_KELURAHAN);
  gtk_widget_set_visible (self->kelurahan_box, level->level == LEVEL_KELURAHAN);
  gtk_widget_set_visible (GTK_WIDGET (self->measure_dropdown), level->level != LEVEL_KELURAHAN);

  /* Each table's menu exports it for the scope shown here. */
  {
    const char *scope = level->now->scope_code;
    const char *areas = level->level == LEVEL_KOTA ? "kecamatan" : "kelurahan";
    gboolean kelurahan = level->level == LEVEL_KELURAHAN;

    sigap_table_menu_set_table (self->table_menu, kelurahan ? NULL : areas, scope);
    sigap_chart_card_set_export_table (self->bars_card, kelurahan ? NULL : areas, scope);
    sigap_table_menu_set_table (self->heat_menu, kelurahan ? NULL : "sector-by-area", scope);
    sigap_chart_card_set_export_table (self->sector_card, kelurahan ? "sector" : NULL, scope);
    sigap_chart_card_set_export_table (self->desil_card, kelurahan ? "desil" : NULL, scope);
    /* People: for operators, NIKs masked (src/report/sigap-export.c). */
    sigap_table_menu_set_table (self->people_menu, kelurahan ? "participants" : NULL, scope);
  }

  if (level->level != LEVEL_KELURAHAN)
    {
      g_autoptr(SigapChart) chart = NULL;
      g_autofree char *title = NULL;
      g_autofree char *heat_title = NULL;

      /* TRANSLATORS: "Active participants against the target by kecamatan" */
      title = g_strdup_printf (_("Active participants against the target by %s"),
                               level->level == LEVEL_KOTA ? _("kecamatan") : _("kelurahan"));
      chart = sigap_chart_build_regions (level->rows,
                                         level->level == LEVEL_KOTA ? SIGAP_BREAKDOWN_KECAMATAN
                                                                    : SIGAP_BREAKDOWN_KELURAHAN,
                                         self->lang);
      sigap_chart_set_title (chart, title);
      sigap_chart_card_set_title (self->bars_card, title);
      sigap_chart_card_set_chart (self->bars_card, chart);
      /* A bar per area, however the card grid shares the height out. */
      gtk_widget_set_size_request (GTK_WIDGET (sigap_chart_card_get_view (self->bars_card)), -1,
                                   (int) level->rows->len * 24 + 90);

      gtk_label_set_label (self->table_title, area_word (level->level));

      /* TRANSLATORS: the heat table's title: "Active participants by sector and kecamatan" */
      heat_title = g_strdup_printf (_("Active participants by sector and %s"),
                                    level->level == LEVEL_KOTA ? _("kecamatan") : _("kelurahan"));
      gtk_label_set_label (self->heat_title, heat_title);
      sigap_heat_grid_set_title (SIGAP_HEAT_GRID (self->heat_grid), heat_title);
      show_measure (self);
    }
  else
    {
      g_autoptr(SigapChart) sectors = sigap_chart_build_sector_breakdown (level->sectors,
                                                                          self->lang);
      g_autoptr(SigapChart) desil = sigap_chart_build_desil (level->desil, self->lang);

      sigap_chart_card_set_chart (self->sector_card, sectors);
      sigap_chart_card_set_chart (self->desil_card, desil);
      gtk_widget_set_size_request (GTK_WIDGET (sigap_chart_card_get_view (self->sector_card)),
                                   -1, (int) level->sectors->len * 22 + 90);
      gtk_widget_set_size_request (GTK_WIDGET (sigap_chart_card_get_view (self->desil_card)),
                                   -1, (int) level->desil->len * 22 + 90);
    }
}

/* The visit of self->drill, made if needed. Queries are cancelled when the drill changes,
 * so a result that arrives is self->drill's. */
static Visit *
current_visit (SigapWilayahPage *self)
{
  Visit *visit = g_hash_table_lookup (self->visits, self->drill);

  if (visit == NULL)
    {
      visit = g_new0 (Visit, 1);
      g_hash_table_insert (self->visits, g_strdup (self->drill), visit);
    }

  return visit;
}

static void
level_done_cb (SigapPage    *page,
               gpointer      data,
               const GError *error)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (page);
  g_autoptr(LevelResult) result = data;
  Visit *visit;

  if (result == NULL)
    return;

  self->last_query_us = g_get_monotonic_time () - self->query_started;
  visit = current_visit (self);
  g_clear_pointer (&visit->level, level_result_unref);
  visit->level = g_rc_box_acquire (result);
  show_level (self, result);
}

static void
heat_done_cb (SigapPage    *page,
              gpointer      data,
              const GError *error)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (page);
  g_autoptr(GPtrArray) heat = data;
  Visit *visit;

  if (heat == NULL)
    return;

  visit = current_visit (self);
  g_clear_pointer (&visit->heat, g_ptr_array_unref);
  visit->heat = g_ptr_array_ref (heat);
  show_heat (self, heat);
}

/* Forgets the visits when the data (a new generation of the page's source), the file, the
 * date or the segment changed: the scope changes with every drill and does not count. */
static void
check_visits (SigapWilayahPage *self)
{
  SigapPage *page = SIGAP_PAGE (self);
  const SigapFilter *filter = sigap_page_get_filter (page);
  g_autofree char *key = g_strdup_printf ("%u|%u|%s|%s", sigap_page_get_generation (page),
                                          g_date_get_julian (&filter->as_of),
                                          sigap_segment_to_string (filter->segment),
                                          sigap_page_get_db_path (page));

  if (g_strcmp0 (key, self->visits_key) == 0)
    return;

  g_hash_table_remove_all (self->visits);
  g_free (self->visits_key);
  self->visits_key = g_steal_pointer (&key);
}

/* Shows self->drill: from its visit when it has one, else from new queries. */
static void
start_queries (SigapWilayahPage *self)
{
  SigapPage *page = SIGAP_PAGE (self);
  gboolean needs_heat;
  Visit *visit;

  if (sigap_page_get_db_path (page) == NULL || self->drill == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->query_started = g_get_monotonic_time ();
  self->n_loads++;

  check_visits (self);
  visit = g_hash_table_lookup (self->visits, self->drill);
  needs_heat = level_of (self, self->drill) != LEVEL_KELURAHAN;

  if (visit != NULL && visit->level != NULL)
    {
      self->last_query_us = 0;
      show_level (self, visit->level);
    }
  else
    sigap_page_run_query (page, compute_level, level_job_new (self, self->drill),
                          (GDestroyNotify) level_job_free,
                          (GDestroyNotify) level_result_unref, self->cancellable, level_done_cb);

  if (needs_heat && visit != NULL && visit->heat != NULL)
    show_heat (self, visit->heat);
  else if (needs_heat)
    sigap_page_run_query (page, compute_heat, g_strdup (self->drill), g_free,
                          (GDestroyNotify) g_ptr_array_unref, self->cancellable, heat_done_cb);

  update_people_query (self);
}

static void
sigap_wilayah_page_load (SigapPage *page)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (page);
  const SigapFilter *filter = sigap_page_get_filter (page);
  g_autofree char *shown = NULL;

  /* The filter bar's scope is the page's level, or the kecamatan of its kelurahan: keep the
   * drill unless the user picked another scope there. */
  shown = self->drill != NULL ? kecamatan_of (self, self->drill) : NULL;
  if (g_strcmp0 (shown, filter->scope) != 0)
    {
      g_free (self->drill);
      self->drill = g_strdup (filter->scope);
    }

  start_queries (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Building.                                                                                */

static void
measure_changed_cb (SigapWilayahPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    sigap_wilayah_page_set_measure (self, (SigapWilayahMeasure) selected);
}

static void
region_activated_cb (SigapWilayahPage *self,
                     guint             index,
                     const char       *code)
{
  if (code != NULL)
    sigap_wilayah_page_drill (self, code);
}

static void
back_clicked_cb (SigapWilayahPage *self)
{
  sigap_wilayah_page_go_back (self);
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (widget);

  /* Only for the page on screen; else the key is someone else's. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return sigap_wilayah_page_go_back (self);
}

/* @out_menu: (out) (optional): a menu button beside the title, for the card's table */
static GtkWidget *
card_with_title (GtkLabel      **out_title,
                 GtkMenuButton **out_menu,
                 GtkWidget      *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "wilayah-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  if (out_menu != NULL)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *menu = sigap_table_menu_new ();

      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), menu);
      gtk_box_append (GTK_BOX (box), header);
      *out_menu = GTK_MENU_BUTTON (menu);
    }
  else
    gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), child);
  *out_title = GTK_LABEL (title);
  return box;
}

static void
install_css (void)
{
  static gboolean done;
  /* ColorBrewer "Blues", as the map: lightness rises steadily, so it reads in grey and for
   * every kind of colour blindness. Dark cells get light text. */
  static const char css[] =
    ".wilayah-card { padding: 12px 14px; }\n"
    ".heat-cell { padding: 4px 8px; border-radius: 3px; }\n"
    ".heat-0 { background-color: #f7fbff; color: #1d1d1d; }\n"
    ".heat-1 { background-color: #deebf7; color: #1d1d1d; }\n"
    ".heat-2 { background-color: #9ecae1; color: #1d1d1d; }\n"
    ".heat-3 { background-color: #4292c6; color: #ffffff; }\n"
    ".heat-4 { background-color: #2171b5; color: #ffffff; }\n"
    ".heat-5 { background-color: #08306b; color: #ffffff; }\n";
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;

  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
build (SigapWilayahPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *headings = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *grid = sigap_card_grid_new ();
  GtkWidget *table_scroller = gtk_scrolled_window_new ();
  GtkWidget *table_card;
  GtkWidget *heat_scroller = gtk_scrolled_window_new ();
  GtkWidget *heat_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *mix_grid = sigap_card_grid_new ();
  GtkWidget *people_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *people_stack = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *people_header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *people_scroller = gtk_scrolled_window_new ();
  GtkWidget *people_card;
  GtkLabel *people_title;
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);

  install_css ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1100);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Back, the breadcrumb, the measure. */
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back (Alt+Left)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_widget_add_css_class (self->back_button, "flat");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  self->crumb_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2));
  gtk_widget_set_hexpand (GTK_WIDGET (self->crumb_box), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->crumb_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Breadcrumb"), -1);
  gtk_string_list_append (measures, _("Coverage"));
  gtk_string_list_append (measures, _("Active"));
  gtk_string_list_append (measures, _("Target"));
  gtk_string_list_append (measures, _("Registered"));
  self->measure_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (measures)),
                                                             NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->measure_dropdown),
                               _("The measure the map shades and the table ranks"));
  {
    g_autoptr(GtkListItemFactory) factory = sigap_a11y_label_factory_new ();
    g_autoptr(GtkListItemFactory) list_factory = sigap_a11y_label_factory_new ();

    gtk_drop_down_set_factory (self->measure_dropdown, factory);
    gtk_drop_down_set_list_factory (self->measure_dropdown, list_factory);
  }
  sigap_a11y_track_drop_down (self->measure_dropdown, _("Measure"));
  gtk_widget_set_valign (GTK_WIDGET (self->measure_dropdown), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->measure_dropdown, "notify::selected",
                            G_CALLBACK (measure_changed_cb), self);
  gtk_box_append (GTK_BOX (top), self->back_button);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->crumb_box));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->measure_dropdown));
  gtk_box_append (GTK_BOX (box), top);

  self->heading_label = GTK_LABEL (gtk_label_new (NULL));
  self->subheading_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading_label, 0);
  gtk_label_set_xalign (self->subheading_label, 0);
  gtk_label_set_wrap (self->heading_label, TRUE);
  gtk_label_set_wrap (self->subheading_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading_label), "dim-label");
  gtk_box_append (GTK_BOX (headings), GTK_WIDGET (self->heading_label));
  gtk_box_append (GTK_BOX (headings), GTK_WIDGET (self->subheading_label));
  gtk_box_append (GTK_BOX (box), headings);

  /* The three views of the areas. */
  /* The map asks for the height its tiles fill at its width: no size request. */
  self->map_view = SIGAP_CHART_VIEW (sigap_chart_view_new ());
  {
    /* Until the first figures name it after its measure. */
    g_autofree char *map_name = g_strdup_printf (_("Map: %s"), _("Kecamatan"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, map_name, -1);
  }
  g_signal_connect_swapped (self->map_view, "category-activated",
                            G_CALLBACK (region_activated_cb), self);
  self->map_card = card_with_title (&self->map_title, NULL, GTK_WIDGET (self->map_view));
  self->bars_card = SIGAP_CHART_CARD (sigap_chart_card_new ());
  g_signal_connect_swapped (sigap_chart_card_get_view (self->bars_card), "category-activated",
                            G_CALLBACK (region_activated_cb), self);
  sigap_card_grid_append (SIGAP_CARD_GRID (grid), self->map_card, 1);
  sigap_card_grid_append (SIGAP_CARD_GRID (grid), GTK_WIDGET (self->bars_card), 1);
  g_object_set (grid, "min-column-width", 360, "max-columns", 2, NULL);

  self->table_store = g_list_store_new (WILAYAH_TYPE_ROW);
  self->table_view = build_table (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller),
                                 GTK_WIDGET (self->table_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scroller), TRUE);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (
                              GTK_SCROLLED_WINDOW (table_scroller)),
                            "notify::page-size", G_CALLBACK (table_width_changed_cb), self);
  table_card = card_with_title (&self->table_title, &self->table_menu, table_scroller);

  self->areas_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->areas_box), grid);
  gtk_box_append (GTK_BOX (self->areas_box), table_card);
  gtk_box_append (GTK_BOX (box), self->areas_box);

  /* Sector × area. */
  self->heat_grid = GTK_GRID (sigap_heat_grid_new ());
  /* Until the first figures name it after its areas. */
  sigap_heat_grid_set_title (SIGAP_HEAT_GRID (self->heat_grid), _("Active participants by sector"));
  gtk_grid_set_row_spacing (self->heat_grid, 2);
  gtk_grid_set_column_spacing (self->heat_grid, 2);
  self->heat_subtitle = GTK_LABEL (gtk_label_new (_("The number in each cell is the count; "
                                                    "the darker the cell, the more active "
                                                    "participants")));
  gtk_label_set_xalign (self->heat_subtitle, 0);
  gtk_label_set_wrap (self->heat_subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heat_subtitle), "dim-label");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (heat_scroller),
                                 GTK_WIDGET (self->heat_grid));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (heat_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (heat_scroller), TRUE);
  gtk_box_append (GTK_BOX (heat_box), GTK_WIDGET (self->heat_subtitle));
  gtk_box_append (GTK_BOX (heat_box), heat_scroller);
  self->heat_card = card_with_title (&self->heat_title, &self->heat_menu, heat_box);
  gtk_box_append (GTK_BOX (box), self->heat_card);

  /* A kelurahan: its mix and its participants. */
  self->sector_card = SIGAP_CHART_CARD (sigap_chart_card_new ());
  sigap_chart_card_set_title (self->sector_card, _("Active participants by sector"));
  self->desil_card = SIGAP_CHART_CARD (sigap_chart_card_new ());
  sigap_chart_card_set_title (self->desil_card, _("Active participants by desil"));
  sigap_card_grid_append (SIGAP_CARD_GRID (mix_grid), GTK_WIDGET (self->sector_card), 1);
  sigap_card_grid_append (SIGAP_CARD_GRID (mix_grid), GTK_WIDGET (self->desil_card), 1);
  g_object_set (mix_grid, "min-column-width", 360, "max-columns", 2, NULL);

  self->people = sigap_participant_model_new ();
  g_signal_connect_swapped (self->people, "items-changed",
                            G_CALLBACK (people_count_changed_cb), self);
  g_signal_connect_swapped (self->people, "notify::loading",
                            G_CALLBACK (people_count_changed_cb), self);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Name, NIK or its last four digits"),
                NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (update_people_query), self);
  self->people_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->people_label), "dim-label");
  gtk_box_append (GTK_BOX (people_header), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (people_header), GTK_WIDGET (self->people_label));
  self->people_view = build_people (self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (people_scroller),
                                 GTK_WIDGET (self->people_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (people_scroller), 420);
  gtk_box_append (GTK_BOX (people_box), people_header);
  gtk_box_append (GTK_BOX (people_box), people_scroller);
  /* A viewer's card says why there is no list (sigap_wilayah_page_set_capabilities ()). */
  self->people_box = people_box;
  self->people_allowed = TRUE;
  self->people_locked = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->people_locked, "system-lock-screen-symbolic");
  adw_status_page_set_title (self->people_locked, _("The participant list needs an operator’s role"));
  gtk_widget_add_css_class (GTK_WIDGET (self->people_locked), "compact");
  gtk_widget_set_visible (GTK_WIDGET (self->people_locked), FALSE);
  gtk_box_append (GTK_BOX (people_stack), people_box);
  gtk_box_append (GTK_BOX (people_stack), GTK_WIDGET (self->people_locked));
  people_card = card_with_title (&people_title, &self->people_menu, people_stack);
  gtk_label_set_label (people_title, _("Participants"));

  self->kelurahan_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->kelurahan_box), mix_grid);
  gtk_box_append (GTK_BOX (self->kelurahan_box), people_card);
  gtk_widget_set_visible (self->kelurahan_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->kelurahan_box);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  /* The viewport would give the page its minimum height, squeezing every card to its own;
   * the cards' natural heights are the ones their charts are drawn for. */
  gtk_scrollable_set_vscroll_policy (
    GTK_SCROLLABLE (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))),
    GTK_SCROLL_NATURAL);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

static void
sigap_wilayah_page_dispose (GObject *object)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fit_columns_id, g_source_remove);
  if (self->people_sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->people_sorter, self);
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);

  G_OBJECT_CLASS (sigap_wilayah_page_parent_class)->dispose (object);

  g_clear_object (&self->people_sorter);
  g_clear_object (&self->people);
  g_clear_object (&self->table_store);
}

static void
sigap_wilayah_page_finalize (GObject *object)
{
  SigapWilayahPage *self = SIGAP_WILAYAH_PAGE (object);

  g_clear_pointer (&self->crumbs, g_ptr_array_unref);
  g_clear_pointer (&self->drill, g_free);
  g_clear_pointer (&self->level, level_result_unref);
  g_clear_pointer (&self->visits, g_hash_table_unref);
  g_clear_pointer (&self->visits_key, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sigap_wilayah_page_parent_class)->finalize (object);
}

static void
sigap_wilayah_page_class_init (SigapWilayahPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SigapPageClass *page_class = SIGAP_PAGE_CLASS (klass);

  object_class->dispose = sigap_wilayah_page_dispose;
  object_class->finalize = sigap_wilayah_page_finalize;
  page_class->load = sigap_wilayah_page_load;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, back_shortcut_cb,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0, back_shortcut_cb, NULL);
}

static void
sigap_wilayah_page_init (SigapWilayahPage *self)
{
  self->lang = sigap_lang_from_locale ();
  self->crumbs = g_ptr_array_new_with_free_func ((GDestroyNotify) crumb_free);
  self->measure = SIGAP_WILAYAH_MEASURE_COVERAGE;
  self->probe_column = -1;
  self->visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) visit_free);

  build (self);
}

GtkWidget *
sigap_wilayah_page_new (void)
{
  return g_object_new (SIGAP_TYPE_WILAYAH_PAGE, NULL);
}

/**
 * sigap_wilayah_page_get_scope:
 *
 * Returns: (nullable): the code of the area shown (or being loaded)
 */
const char *
sigap_wilayah_page_get_scope (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), NULL);

  return self->drill;
}

/**
 * sigap_wilayah_page_drill:
 * @code: the city, a kecamatan or a kelurahan
 *
 * Shows @code, keeping the filter's date and segment. Sets the filter model's scope to
 * @code's (its kecamatan for a kelurahan), which every page follows; loads it here when
 * the scope stays.
 */
void
sigap_wilayah_page_drill (SigapWilayahPage *self,
                          const char       *code)
{
  const SigapFilter *filter;
  g_autofree char *shown = NULL;
  guint n_loads;

  g_return_if_fail (SIGAP_IS_WILAYAH_PAGE (self));
  g_return_if_fail (code != NULL);

  if (g_strcmp0 (self->drill, code) == 0)
    return;

  g_free (self->drill);
  self->drill = g_strdup (code);
  sigap_chart_view_set_selected (self->map_view, -1);

  filter = sigap_page_get_filter (SIGAP_PAGE (self));
  shown = kecamatan_of (self, code);
  n_loads = self->n_loads;
  if (filter != NULL && g_strcmp0 (shown, filter->scope) != 0 &&
      sigap_page_get_filter_model (SIGAP_PAGE (self)) != NULL)
    sigap_filter_model_set_scope (sigap_page_get_filter_model (SIGAP_PAGE (self)), shown);

  /* The filter changed and the page has loaded for it already. */
  if (self->n_loads != n_loads)
    return;

  start_queries (self);
}

/**
 * sigap_wilayah_page_go_back:
 *
 * Returns: whether there was a level up to go to
 */
gboolean
sigap_wilayah_page_go_back (SigapWilayahPage *self)
{
  const Crumb *parent;

  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), FALSE);

  if (self->crumbs->len < 2)
    return FALSE;

  parent = g_ptr_array_index (self->crumbs, self->crumbs->len - 2);
  sigap_wilayah_page_drill (self, parent->code);
  return TRUE;
}

void
sigap_wilayah_page_set_measure (SigapWilayahPage    *self,
                                SigapWilayahMeasure  measure)
{
  g_return_if_fail (SIGAP_IS_WILAYAH_PAGE (self));

  if (self->measure == measure)
    return;

  self->measure = measure;
  if (gtk_drop_down_get_selected (self->measure_dropdown) != (guint) measure)
    gtk_drop_down_set_selected (self->measure_dropdown, measure);
  show_measure (self);
}

guint
sigap_wilayah_page_get_n_table_rows (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->table_store));
}

/**
 * sigap_wilayah_page_get_table_row:
 * @index: in the areas' code order; the total is last
 * @is_total: (out) (optional): whether it is the total row
 *
 * Returns: (transfer none): the figures of the row
 */
const SigapBreakdownRow *
sigap_wilayah_page_get_table_row (SigapWilayahPage *self,
                                  guint             index,
                                  gboolean         *is_total)
{
  g_autoptr(WilayahRow) item = NULL;

  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->table_store), index);
  if (item == NULL)
    return NULL;
  if (is_total != NULL)
    *is_total = item->is_total;
  /* The store holds its own reference. */
  return &item->row;
}

SigapChartView *
sigap_wilayah_page_get_map_view (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), NULL);

  return self->map_view;
}

/**
 * sigap_wilayah_page_set_capabilities:
 * @capabilities: what the role connected to the database may do
 * @role: (nullable): the role, for the message
 *
 * A role that may not read personal data (sigap_viewer) gets, in place of a kelurahan's
 * participant list, one line saying that the list needs an operator's role.
 */
void
sigap_wilayah_page_set_capabilities (SigapWilayahPage          *self,
                                     SigapDatabaseCapabilities  capabilities,
                                     const char                *role)
{
  gboolean allowed = (capabilities & SIGAP_DATABASE_CAN_READ_PERSONAL) != 0;
  g_autofree char *description = NULL;

  g_return_if_fail (SIGAP_IS_WILAYAH_PAGE (self));

  if (!allowed)
    /* TRANSLATORS: in place of the participant list; %s is the database role */
    description = g_strdup_printf (_("The role “%s” sees the figures only: names and NIKs "
                                     "stay with the sigap_operator role (UU PDP 27/2022)."),
                                   role != NULL ? role : "?");
  adw_status_page_set_description (self->people_locked, description);
  gtk_widget_set_visible (self->people_box, allowed);
  gtk_widget_set_visible (GTK_WIDGET (self->people_locked), !allowed);

  if (allowed == self->people_allowed)
    return;
  self->people_allowed = allowed;
  update_people_query (self);
}

SigapParticipantModel *
sigap_wilayah_page_get_participants (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), NULL);

  return self->people;
}

GtkWidget *
sigap_wilayah_page_get_participant_view (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), NULL);

  return GTK_WIDGET (self->people_view);
}

/**
 * sigap_wilayah_page_get_last_query_us:
 *
 * Returns: how long the last level took from the drill to its figures, in microseconds
 */
gint64
sigap_wilayah_page_get_last_query_us (SigapWilayahPage *self)
{
  g_return_val_if_fail (SIGAP_IS_WILAYAH_PAGE (self), 0);

  return self->last_query_us;
}
