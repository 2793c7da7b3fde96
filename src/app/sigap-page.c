/* sigap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapPage: the base of the window's pages (Ringkasan, Anggaran and those to come). The
 * window hands every page the database and the filter; a page loads when it is mapped, so
 * only the visible page queries, and a page shown later catches up. While its queries run
 * the page keeps the previous figures on screen (no flicker) and says it is busy; a newer
 * filter cancels the older queries. The window's screenshot and benchmark wait for
 * :busy to drop.
 *
 * Signals: ::query-failed (GError) when a query fails; the window shows it in a toast.
 */

#include "sigap-page.h"

typedef struct
{
  char         *db_path;
  SigapRegions *regions;      /* the database's region tree */
  SigapFilterModel *model;    /* the window's filter, which the page follows */
  SigapFilter  *filter;       /* the model's filter the page loaded for */
  GCancellable *cancellable;
  guint         n_pending;
  gboolean      dirty;
  gboolean      loaded;
  guint         generation;
} SigapPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SigapPage, sigap_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_LOADED,
  N_PROPS
};

enum {
  QUERY_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SigapPageQueryDone done;
} Job;

static gboolean
compute_busy (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  return priv->n_pending > 0 || (priv->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

/* Notifies :busy when it is no longer @was_busy. */
static void
update_busy (SigapPage *self,
             gboolean   was_busy)
{
  if (compute_busy (self) != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
load_if_needed (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  gboolean was_busy = compute_busy (self);

  if (!priv->dirty || !gtk_widget_get_mapped (GTK_WIDGET (self)) || priv->db_path == NULL)
    return;

  priv->dirty = FALSE;
  /* Held across load() so that :busy does not flicker between its queries. */
  priv->n_pending++;
  SIGAP_PAGE_GET_CLASS (self)->load (self);
  priv->n_pending--;

  if (!priv->loaded)
    {
      priv->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  update_busy (self, was_busy);
}

static void
query_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SigapPage *self = SIGAP_PAGE (object);
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  gpointer value;
  gboolean was_busy = compute_busy (self);

  value = sigap_query_run_finish (result, &error);
  priv->n_pending--;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_assert (value == NULL);
      update_busy (self, was_busy);
      g_free (job);
      return;
    }

  job->done (self, value, error);
  if (error != NULL)
    g_signal_emit (self, signals[QUERY_FAILED], 0, error);

  g_free (job);
  update_busy (self, was_busy);
}

static void
sigap_page_map (GtkWidget *widget)
{
  SigapPage *self = SIGAP_PAGE (widget);
  gboolean was_busy = compute_busy (self);

  GTK_WIDGET_CLASS (sigap_page_parent_class)->map (widget);

  update_busy (self, was_busy);
  load_if_needed (self);
}

static void
sigap_page_unmap (GtkWidget *widget)
{
  SigapPage *self = SIGAP_PAGE (widget);
  gboolean was_busy = compute_busy (self);

  GTK_WIDGET_CLASS (sigap_page_parent_class)->unmap (widget);

  update_busy (self, was_busy);
}

static void
sigap_page_dispose (GObject *object)
{
  SigapPage *self = SIGAP_PAGE (object);
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  GtkWidget *child;

  g_cancellable_cancel (priv->cancellable);
  sigap_page_set_filter_model (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sigap_page_parent_class)->dispose (object);
}

static void
sigap_page_finalize (GObject *object)
{
  SigapPage *self = SIGAP_PAGE (object);
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->filter, sigap_filter_free);
  g_clear_pointer (&priv->regions, sigap_regions_unref);
  g_clear_pointer (&priv->db_path, g_free);

  G_OBJECT_CLASS (sigap_page_parent_class)->finalize (object);
}

static void
sigap_page_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SigapPage *self = SIGAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sigap_page_get_busy (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, sigap_page_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_page_class_init (SigapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_page_dispose;
  object_class->finalize = sigap_page_finalize;
  object_class->get_property = sigap_page_get_property;
  widget_class->map = sigap_page_map;
  widget_class->unmap = sigap_page_unmap;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[QUERY_FAILED] =
    g_signal_new ("query-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sigap_page_init (SigapPage *self)
{
}

/* Cancels the queries under way and loads again for @db_path and the model's filter, now if
 * the page is visible, else when it is shown. Does nothing when neither has changed. */
static void
update_source (SigapPage  *self,
               const char *db_path)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  const SigapFilter *filter;
  gboolean was_busy;

  if (db_path == NULL || priv->model == NULL)
    return;

  filter = sigap_filter_model_get_filter (priv->model);
  if (g_strcmp0 (priv->db_path, db_path) == 0 && priv->filter != NULL &&
      sigap_filter_equal (priv->filter, filter))
    return;

  was_busy = compute_busy (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();

  g_free (priv->db_path);
  priv->db_path = g_strdup (db_path);
  g_clear_pointer (&priv->filter, sigap_filter_free);
  priv->filter = sigap_filter_copy (filter);
  priv->dirty = TRUE;

  update_busy (self, was_busy);
  load_if_needed (self);
}

static void
model_changed_cb (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  g_autofree char *db_path = g_strdup (priv->db_path);

  update_source (self, db_path);
}

/**
 * sigap_page_set_filter_model:
 * @model: (nullable): the window's filter; the page keeps a reference and loads again
 *   whenever it changes
 */
void
sigap_page_set_filter_model (SigapPage        *self,
                             SigapFilterModel *model)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_if_fail (SIGAP_IS_PAGE (self));
  g_return_if_fail (model == NULL || SIGAP_IS_FILTER_MODEL (model));

  if (priv->model == model)
    return;

  if (priv->model != NULL)
    g_signal_handlers_disconnect_by_data (priv->model, self);
  g_set_object (&priv->model, model);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "changed", G_CALLBACK (model_changed_cb), self);
      model_changed_cb (self);
    }
}

/**
 * sigap_page_get_filter_model:
 *
 * Returns: (nullable) (transfer none): the filter the page follows
 */
SigapFilterModel *
sigap_page_get_filter_model (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), NULL);

  return priv->model;
}

/**
 * sigap_page_set_source:
 * @db_path: the database file
 *
 * Loads the figures of @db_path for the filter model's filter: cancels the queries under
 * way and loads again, now if the page is visible, else when it is shown. Does nothing when
 * the file and the filter have not changed since the last load.
 */
void
sigap_page_set_source (SigapPage  *self,
                       const char *db_path)
{
  g_return_if_fail (SIGAP_IS_PAGE (self));
  g_return_if_fail (db_path != NULL);

  update_source (self, db_path);
}

/**
 * sigap_page_set_regions:
 * @regions: (nullable): the region tree of the database the source is, loaded once by the
 *   window when it opened it; the page keeps a reference
 *
 * Set before sigap_page_set_source(): the pages ask it a region's level, name, parent or
 * children instead of reading the region table.
 */
void
sigap_page_set_regions (SigapPage    *self,
                        SigapRegions *regions)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_if_fail (SIGAP_IS_PAGE (self));

  if (priv->regions == regions)
    return;

  g_clear_pointer (&priv->regions, sigap_regions_unref);
  priv->regions = regions != NULL ? sigap_regions_ref (regions) : NULL;
}

/**
 * sigap_page_get_regions:
 *
 * Returns: (nullable) (transfer none): the region tree given by sigap_page_set_regions()
 */
SigapRegions *
sigap_page_get_regions (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), NULL);

  return priv->regions;
}

/**
 * sigap_page_invalidate:
 *
 * Forgets the source, so that the next sigap_page_set_source() loads even with the same
 * file and filter (the file's data may have changed). Cancels the queries under way.
 */
void
sigap_page_invalidate (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  gboolean was_busy;

  g_return_if_fail (SIGAP_IS_PAGE (self));

  was_busy = compute_busy (self);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  g_clear_pointer (&priv->db_path, g_free);
  g_clear_pointer (&priv->filter, sigap_filter_free);
  priv->dirty = FALSE;
  priv->generation++;
  update_busy (self, was_busy);
}

/**
 * sigap_page_get_generation:
 *
 * Returns: a number that changes with every sigap_page_invalidate(): results kept from an
 *   earlier generation may be out of date
 */
guint
sigap_page_get_generation (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), 0);

  return priv->generation;
}

const char *
sigap_page_get_db_path (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), NULL);

  return priv->db_path;
}

const SigapFilter *
sigap_page_get_filter (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), NULL);

  return priv->filter;
}

/**
 * sigap_page_get_busy:
 *
 * Returns: whether queries of the current source are under way, or the visible page has a
 *   source it has not loaded yet
 */
gboolean
sigap_page_get_busy (SigapPage *self)
{
  g_return_val_if_fail (SIGAP_IS_PAGE (self), FALSE);

  return compute_busy (self);
}

/**
 * sigap_page_get_loaded:
 *
 * Returns: whether the page has started loading a source at least once
 */
gboolean
sigap_page_get_loaded (SigapPage *self)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);

  g_return_val_if_fail (SIGAP_IS_PAGE (self), FALSE);

  return priv->loaded;
}

/**
 * sigap_page_run_query:
 * @func: computes the result from src/core, in a worker thread
 * @cancellable: (nullable): a cancellable of the caller's, for a query that a later one of
 *   its kind replaces (the what-if); the page's own when %NULL. Either way a new source
 *   cancels the query only if it uses the page's cancellable.
 * @done: receives the result on the main thread, unless the query was cancelled
 */
void
sigap_page_run_query (SigapPage          *self,
                      SigapQueryFunc      func,
                      gpointer            data,
                      GDestroyNotify      data_free,
                      GDestroyNotify      result_free,
                      GCancellable       *cancellable,
                      SigapPageQueryDone  done)
{
  SigapPagePrivate *priv = sigap_page_get_instance_private (self);
  gboolean was_busy;
  Job *job;

  g_return_if_fail (SIGAP_IS_PAGE (self));
  g_return_if_fail (priv->db_path != NULL);
  g_return_if_fail (done != NULL);

  was_busy = compute_busy (self);

  job = g_new0 (Job, 1);
  job->done = done;
  priv->n_pending++;

  sigap_query_run_async (self, priv->db_path, priv->filter, func, data, data_free, result_free,
                         cancellable != NULL ? cancellable : priv->cancellable,
                         query_finished_cb, job);

  update_busy (self, was_busy);
}
