/* sigap-participant-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapParticipantModel: a GListModel of SigapParticipantItem over src/core's
 * sigap_participant_query_page(), for a kelurahan of any size. Nothing is read on the UI
 * thread: the count and every page of SIGAP_PARTICIPANT_MODEL_PAGE_SIZE rows are read by a
 * worker thread on the model's own read-only connection, one read at a time. get_item()
 * answers at once, from the page cache or with a placeholder (an item without a row) while
 * its page is read; when the page arrives the model says that its items changed.
 *
 * A page is read counting from the nearest row already known (see find_anchor()), not from
 * the start. Requests are served newest first, so that scrolling fast reads the pages now on
 * screen rather than those scrolled past; a few old requests are dropped. The cache keeps
 * MAX_PAGES pages, forgetting those farthest from the latest page read.
 *
 * SigapParticipantItem is the model's item: tiny, and meaningless without the model, so it
 * lives here rather than in a file pair of its own.
 */

#include "core/sigap-database.h"
#include "sigap-participant-model.h"

#define MAX_PAGES    64
#define MAX_WAITING   8

/* ---------------------------------------------------------------------------------------- */

struct _SigapParticipantItem
{
  GObject              parent_instance;
  SigapParticipantRow *row;
};

G_DEFINE_FINAL_TYPE (SigapParticipantItem, sigap_participant_item, G_TYPE_OBJECT)

static void
sigap_participant_item_finalize (GObject *object)
{
  SigapParticipantItem *self = SIGAP_PARTICIPANT_ITEM (object);

  g_clear_pointer (&self->row, sigap_participant_row_free);

  G_OBJECT_CLASS (sigap_participant_item_parent_class)->finalize (object);
}

static void
sigap_participant_item_class_init (SigapParticipantItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sigap_participant_item_finalize;
}

static void
sigap_participant_item_init (SigapParticipantItem *self)
{
}

const SigapParticipantRow *
sigap_participant_item_get_row (SigapParticipantItem *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_ITEM (self), NULL);

  return self->row;
}

/* ---------------------------------------------------------------------------------------- */

/* The model's connection, shared with the read under way (which may outlive the model). */
typedef struct
{
  char          *db_path;
  SigapDatabase *db;
} Connection;

static void
connection_clear (gpointer data)
{
  Connection *connection = data;

  g_clear_object (&connection->db);
  g_free (connection->db_path);
}

static void
connection_release (Connection *connection)
{
  g_atomic_rc_box_release_full (connection, connection_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connection, connection_release)

typedef struct
{
  Connection            *connection;
  SigapParticipantQuery *query;
  guint                  generation;
  gboolean               count;        /* read the count (then the first page) */
  guint                  page;
  gboolean               has_anchor;
  SigapParticipantAnchor anchor;       /* its name owned */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  connection_release (fetch->connection);
  sigap_participant_query_free (fetch->query);
  g_free ((char *) fetch->anchor.name);
  g_free (fetch);
}

typedef struct
{
  gint64     count;
  GPtrArray *rows;
  gint64     count_us;
  gint64     elapsed_us;       /* the page alone */
} Fetched;

static void
fetched_free (Fetched *fetched)
{
  g_clear_pointer (&fetched->rows, g_ptr_array_unref);
  g_free (fetched);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetched, fetched_free)

struct _SigapParticipantModel
{
  GObject                parent_instance;

  Connection            *connection;
  SigapParticipantQuery *query;
  guint                  generation;
  guint                  n_items;
  gboolean               counted;

  GHashTable            *pages;        /* page number -> GPtrArray of SigapParticipantItem */
  GArray                *waiting;      /* guint page numbers, oldest first */
  gboolean               in_flight;
  guint                  in_flight_page;
  GCancellable          *cancellable;

  gint64                 max_fetch_us;
  gint64                 max_count_us;
  guint                  n_fetches;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SigapParticipantModel, sigap_participant_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_next (SigapParticipantModel *self);

static gboolean
compute_loading (SigapParticipantModel *self)
{
  return self->query != NULL && (self->in_flight || self->waiting->len > 0 || !self->counted);
}

static void
fetch_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  Connection *connection = fetch->connection;
  g_autoptr(Fetched) fetched = g_new0 (Fetched, 1);
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Only one read at a time uses the connection: no lock needed. */
  if (connection->db == NULL)
    {
      connection->db = sigap_database_open (connection->db_path,
                                            SIGAP_DATABASE_OPEN_READ_ONLY, &error);
      if (connection->db == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (fetch->count)
    {
      fetched->count = sigap_participant_query_count (connection->db, fetch->query, &error);
      if (fetched->count < 0)
        {
          g_task_return_error (task, error);
          return;
        }
      fetched->count_us = g_get_monotonic_time () - start;
      start = g_get_monotonic_time ();
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  fetched->rows = sigap_participant_query_page_near (
    connection->db, fetch->query, fetch->page * SIGAP_PARTICIPANT_MODEL_PAGE_SIZE,
    SIGAP_PARTICIPANT_MODEL_PAGE_SIZE, fetch->has_anchor ? &fetch->anchor : NULL, &error);
  if (fetched->rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  fetched->elapsed_us = g_get_monotonic_time () - start;
  g_task_return_pointer (task, g_steal_pointer (&fetched), (GDestroyNotify) fetched_free);
}

static GPtrArray *
items_from_rows (GPtrArray *rows)
{
  GPtrArray *items = g_ptr_array_new_full (rows->len, g_object_unref);

  /* The items take the rows. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SigapParticipantItem *item = g_object_new (SIGAP_TYPE_PARTICIPANT_ITEM, NULL);

      item->row = g_ptr_array_index (rows, i);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_set_size (rows, 0);

  return items;
}

/* Forgets the cached pages farthest from @near once there are too many. */
static void
trim_cache (SigapParticipantModel *self,
            guint                  near)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key;
      guint farthest = near;
      guint distance = 0;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint d = page > near ? page - near : near - page;

          if (d >= distance)
            {
              distance = d;
              farthest = page;
            }
        }
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
    }
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SigapParticipantModel *self = SIGAP_PARTICIPANT_MODEL (object);
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  g_autoptr(Fetched) fetched = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_loading = compute_loading (self);

  fetched = g_task_propagate_pointer (G_TASK (result), &error);
  self->in_flight = FALSE;

  if (fetch->generation != self->generation)
    {
      start_next (self);
      return;
    }

  if (fetched == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the participants: %s", error->message);
      /* Say it is done, so nobody waits for ever; the placeholders stay. */
      self->counted = TRUE;
      g_array_set_size (self->waiting, 0);
      if (was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  self->n_fetches++;
  self->max_fetch_us = MAX (self->max_fetch_us, fetched->elapsed_us);
  self->max_count_us = MAX (self->max_count_us, fetched->count_us);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (fetch->page),
                       items_from_rows (fetched->rows));
  trim_cache (self, fetch->page);

  if (fetch->count)
    {
      guint old = self->n_items;

      self->counted = TRUE;
      self->n_items = (guint) MIN (fetched->count, G_MAXUINT);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
    }
  else
    {
      guint position = fetch->page * SIGAP_PARTICIPANT_MODEL_PAGE_SIZE;
      guint n = MIN (SIGAP_PARTICIPANT_MODEL_PAGE_SIZE, self->n_items - MIN (position,
                                                                            self->n_items));

      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), position, n, n);
    }

  start_next (self);
  if (was_loading != compute_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The row nearest to @page whose position is known, a row of a cached page or the end of
 * the list, when nearer than the start: core counts from it rather than from the start,
 * which keeps a read cheap while scrolling and at the end. */
static gboolean
find_anchor (SigapParticipantModel  *self,
             guint                   page,
             SigapParticipantAnchor *out_anchor)
{
  guint offset = page * SIGAP_PARTICIPANT_MODEL_PAGE_SIZE;
  guint best = offset;
  GHashTableIter iter;
  gpointer key, value;
  gboolean found = FALSE;

  if (self->counted && self->n_items > offset &&
      self->n_items - MIN (self->n_items, offset + SIGAP_PARTICIPANT_MODEL_PAGE_SIZE) < best)
    {
      best = self->n_items - MIN (self->n_items, offset + SIGAP_PARTICIPANT_MODEL_PAGE_SIZE);
      out_anchor->position = self->n_items;
      out_anchor->id = 0;
      out_anchor->name = NULL;
      found = TRUE;
    }

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint other = GPOINTER_TO_UINT (key);
      GPtrArray *items = value;
      guint position, distance;
      SigapParticipantItem *item;

      if (items->len == 0 || other == page)
        continue;
      if (other < page)
        {
          position = other * SIGAP_PARTICIPANT_MODEL_PAGE_SIZE + items->len - 1;
          item = g_ptr_array_index (items, items->len - 1);
          distance = offset - position - 1;
        }
      else
        {
          position = other * SIGAP_PARTICIPANT_MODEL_PAGE_SIZE;
          item = g_ptr_array_index (items, 0);
          distance = position - MIN (position, offset + SIGAP_PARTICIPANT_MODEL_PAGE_SIZE);
        }

      if (distance < best && item->row != NULL)
        {
          best = distance;
          out_anchor->position = position;
          out_anchor->id = item->row->id;
          out_anchor->name = item->row->name;
          found = TRUE;
        }
    }

  return found;
}

static void
start_fetch (SigapParticipantModel *self,
             gboolean               count,
             guint                  page)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->connection = g_atomic_rc_box_acquire (self->connection);
  fetch->query = sigap_participant_query_copy (self->query);
  fetch->generation = self->generation;
  fetch->count = count;
  fetch->page = page;
  if (!count && find_anchor (self, page, &fetch->anchor))
    {
      fetch->has_anchor = TRUE;
      fetch->anchor.name = g_strdup (fetch->anchor.name);
    }

  self->in_flight = TRUE;
  self->in_flight_page = page;

  task = g_task_new (self, self->cancellable, fetch_done_cb, NULL);
  g_task_set_source_tag (task, start_fetch);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_task_run_in_thread (task, fetch_in_thread);
}

static void
start_next (SigapParticipantModel *self)
{
  if (self->in_flight || self->query == NULL)
    return;

  /* A new query: the count and its first page before anything else. */
  if (!self->counted)
    {
      start_fetch (self, TRUE, 0);
      return;
    }

  while (!self->in_flight && self->waiting->len > 0)
    {
      guint page = g_array_index (self->waiting, guint, self->waiting->len - 1);

      g_array_set_size (self->waiting, self->waiting->len - 1);
      if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
        start_fetch (self, FALSE, page);
    }
}

static void
request_page (SigapParticipantModel *self,
              guint                  page)
{
  gboolean was_loading = compute_loading (self);

  if (self->in_flight && self->in_flight_page == page)
    return;

  for (guint i = 0; i < self->waiting->len; i++)
    if (g_array_index (self->waiting, guint, i) == page)
      {
        /* Asked again: to the front of the line (the end of the array). */
        g_array_remove_index (self->waiting, i);
        break;
      }

  g_array_append_val (self->waiting, page);
  if (self->waiting->len > MAX_WAITING)
    g_array_remove_index (self->waiting, 0);

  start_next (self);
  if (was_loading != compute_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static GType
sigap_participant_model_get_item_type (GListModel *list)
{
  return SIGAP_TYPE_PARTICIPANT_ITEM;
}

static guint
sigap_participant_model_get_n_items (GListModel *list)
{
  return SIGAP_PARTICIPANT_MODEL (list)->n_items;
}

static gpointer
sigap_participant_model_get_item (GListModel *list,
                                  guint       position)
{
  SigapParticipantModel *self = SIGAP_PARTICIPANT_MODEL (list);
  guint page = position / SIGAP_PARTICIPANT_MODEL_PAGE_SIZE;
  guint index = position % SIGAP_PARTICIPANT_MODEL_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items != NULL && index < items->len)
    return g_object_ref (g_ptr_array_index (items, index));

  if (items == NULL)
    request_page (self, page);

  return g_object_new (SIGAP_TYPE_PARTICIPANT_ITEM, NULL);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sigap_participant_model_get_item_type;
  iface->get_n_items = sigap_participant_model_get_n_items;
  iface->get_item = sigap_participant_model_get_item;
}

static void
sigap_participant_model_dispose (GObject *object)
{
  SigapParticipantModel *self = SIGAP_PARTICIPANT_MODEL (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (sigap_participant_model_parent_class)->dispose (object);
}

static void
sigap_participant_model_finalize (GObject *object)
{
  SigapParticipantModel *self = SIGAP_PARTICIPANT_MODEL (object);

  g_clear_pointer (&self->connection, connection_release);
  g_clear_pointer (&self->query, sigap_participant_query_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sigap_participant_model_parent_class)->finalize (object);
}

static void
sigap_participant_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SigapParticipantModel *self = SIGAP_PARTICIPANT_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, compute_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_participant_model_class_init (SigapParticipantModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sigap_participant_model_dispose;
  object_class->finalize = sigap_participant_model_finalize;
  object_class->get_property = sigap_participant_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sigap_participant_model_init (SigapParticipantModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->waiting = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cancellable = g_cancellable_new ();
}

SigapParticipantModel *
sigap_participant_model_new (void)
{
  return g_object_new (SIGAP_TYPE_PARTICIPANT_MODEL, NULL);
}

/**
 * sigap_participant_model_set_query:
 * @db_path: the database file
 * @query: who to list; copied
 *
 * Empties the list and reads the count and the first page for @query. Does nothing when
 * neither has changed.
 */
void
sigap_participant_model_set_query (SigapParticipantModel       *self,
                                   const char                  *db_path,
                                   const SigapParticipantQuery *query)
{
  gboolean was_loading;
  guint old;

  g_return_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (query != NULL);

  if (self->connection != NULL && g_strcmp0 (self->connection->db_path, db_path) == 0 &&
      sigap_participant_query_equal (self->query, query))
    return;

  was_loading = compute_loading (self);

  if (self->connection == NULL || g_strcmp0 (self->connection->db_path, db_path) != 0)
    {
      g_clear_pointer (&self->connection, connection_release);
      self->connection = g_atomic_rc_box_new0 (Connection);
      self->connection->db_path = g_strdup (db_path);
    }

  g_clear_pointer (&self->query, sigap_participant_query_free);
  self->query = sigap_participant_query_copy (query);
  self->generation++;
  self->counted = FALSE;
  g_hash_table_remove_all (self->pages);
  g_array_set_size (self->waiting, 0);

  old = self->n_items;
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);

  /* A read of the previous query under way finishes first: the connection serves one at a
   * time. */
  start_next (self);

  if (was_loading != compute_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

const SigapParticipantQuery *
sigap_participant_model_get_query (SigapParticipantModel *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self), NULL);

  return self->query;
}

/**
 * sigap_participant_model_clear:
 *
 * Empties the list and forgets the query (leaving a kelurahan).
 */
void
sigap_participant_model_clear (SigapParticipantModel *self)
{
  gboolean was_loading;
  guint old;

  g_return_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self));

  was_loading = compute_loading (self);
  g_clear_pointer (&self->query, sigap_participant_query_free);
  self->generation++;
  g_hash_table_remove_all (self->pages);
  g_array_set_size (self->waiting, 0);
  old = self->n_items;
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  if (was_loading != compute_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * sigap_participant_model_get_loading:
 *
 * Returns: whether the count or a page is being read
 */
gboolean
sigap_participant_model_get_loading (SigapParticipantModel *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self), FALSE);

  return compute_loading (self);
}

/**
 * sigap_participant_model_get_max_fetch_us:
 *
 * Returns: the longest read of a page so far, in microseconds (in the worker thread: the UI
 *   thread never waits for it); for the benchmark
 */
gint64
sigap_participant_model_get_max_fetch_us (SigapParticipantModel *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self), 0);

  return self->max_fetch_us;
}

/**
 * sigap_participant_model_get_max_count_us:
 *
 * Returns: the longest count of a query so far, in microseconds (in the worker thread, while
 *   the list says it is loading); for the benchmark
 */
gint64
sigap_participant_model_get_max_count_us (SigapParticipantModel *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self), 0);

  return self->max_count_us;
}

guint
sigap_participant_model_get_n_fetches (SigapParticipantModel *self)
{
  g_return_val_if_fail (SIGAP_IS_PARTICIPANT_MODEL (self), 0);

  return self->n_fetches;
}
