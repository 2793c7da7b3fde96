/* sigap-filter-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapFilterModel: what every page shows, owned once: the as-of date, the scope (the city
 * or a kecamatan) and the segment. The window holds it; the filter bar shows it and writes
 * what the user picks into it, the pages load their figures for it, and a drill on the
 * Wilayah page sets its scope. ::changed is emitted once for every change, however many of
 * the three it touched; :as-of, :scope, :segment and :filter are notified as well.
 *
 * The as-of date is kept within the dates the data cover (set_date_range()), whoever sets
 * it.
 */

#include "sigap-filter-model.h"

struct _SigapFilterModel
{
  GObject      parent_instance;

  SigapFilter *filter;
  GDate        first;
  GDate        last;
};

G_DEFINE_FINAL_TYPE (SigapFilterModel, sigap_filter_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_AS_OF,
  PROP_SCOPE,
  PROP_SEGMENT,
  PROP_FIRST,
  PROP_LAST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clamp_date (SigapFilterModel *self,
            GDate            *date)
{
  if (g_date_valid (&self->first) && g_date_valid (&self->last))
    g_date_clamp (date, &self->first, &self->last);
}

static void
sigap_filter_model_finalize (GObject *object)
{
  SigapFilterModel *self = SIGAP_FILTER_MODEL (object);

  g_clear_pointer (&self->filter, sigap_filter_free);

  G_OBJECT_CLASS (sigap_filter_model_parent_class)->finalize (object);
}

static void
sigap_filter_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SigapFilterModel *self = SIGAP_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, &self->filter->as_of);
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->filter->scope);
      break;
    case PROP_SEGMENT:
      g_value_set_int (value, self->filter->segment);
      break;
    case PROP_FIRST:
      g_value_set_boxed (value, &self->first);
      break;
    case PROP_LAST:
      g_value_set_boxed (value, &self->last);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_filter_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SigapFilterModel *self = SIGAP_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      sigap_filter_model_set_filter (self, g_value_get_boxed (value));
      break;
    case PROP_AS_OF:
      sigap_filter_model_set_as_of (self, g_value_get_boxed (value));
      break;
    case PROP_SCOPE:
      sigap_filter_model_set_scope (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      sigap_filter_model_set_segment (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_filter_model_class_init (SigapFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_filter_model_finalize;
  object_class->get_property = sigap_filter_model_get_property;
  object_class->set_property = sigap_filter_model_set_property;

  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, SIGAP_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, SIGAP_CITY_CODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_int ("segment", NULL, NULL, SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_ALL,
                      SIGAP_SEGMENT_RENTAN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The dates the data cover, set by sigap_filter_model_set_date_range() (invalid before). */
  properties[PROP_FIRST] =
    g_param_spec_boxed ("first", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST] =
    g_param_spec_boxed ("last", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapFilterModel::changed:
   *
   * The as-of date, the scope or the segment changed (once for a change of several).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sigap_filter_model_init (SigapFilterModel *self)
{
  GDate today;

  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  self->filter = sigap_filter_new (&today, SIGAP_CITY_CODE, SIGAP_SEGMENT_RENTAN);
}

SigapFilterModel *
sigap_filter_model_new (void)
{
  return g_object_new (SIGAP_TYPE_FILTER_MODEL, NULL);
}

/**
 * sigap_filter_model_get_filter:
 *
 * Returns: (transfer none): the filter; valid until the next change
 */
const SigapFilter *
sigap_filter_model_get_filter (SigapFilterModel *self)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_MODEL (self), NULL);

  return self->filter;
}

/**
 * sigap_filter_model_set_filter:
 * @filter: the as-of date (kept within the date range), scope and segment to show
 *
 * Returns: whether anything changed (and ::changed was emitted)
 */
gboolean
sigap_filter_model_set_filter (SigapFilterModel  *self,
                               const SigapFilter *filter)
{
  g_autoptr(SigapFilter) old = NULL;

  g_return_val_if_fail (SIGAP_IS_FILTER_MODEL (self), FALSE);
  g_return_val_if_fail (filter != NULL && g_date_valid (&filter->as_of), FALSE);

  old = g_steal_pointer (&self->filter);
  self->filter = sigap_filter_copy (filter);
  clamp_date (self, &self->filter->as_of);
  if (sigap_filter_equal (old, self->filter))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_date_compare (&old->as_of, &self->filter->as_of) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  if (g_strcmp0 (old->scope, self->filter->scope) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
  if (old->segment != self->filter->segment)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
sigap_filter_model_get_as_of (SigapFilterModel *self,
                              GDate            *as_of)
{
  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));
  g_return_if_fail (as_of != NULL);

  *as_of = self->filter->as_of;
}

void
sigap_filter_model_set_as_of (SigapFilterModel *self,
                              const GDate      *as_of)
{
  g_autoptr(SigapFilter) filter = NULL;

  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  filter = sigap_filter_new (as_of, self->filter->scope, self->filter->segment);
  sigap_filter_model_set_filter (self, filter);
}

const char *
sigap_filter_model_get_scope (SigapFilterModel *self)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_MODEL (self), NULL);

  return self->filter->scope;
}

/**
 * sigap_filter_model_set_scope:
 * @scope: (nullable): the city's code or a kecamatan's; %NULL for the city
 */
void
sigap_filter_model_set_scope (SigapFilterModel *self,
                              const char       *scope)
{
  g_autoptr(SigapFilter) filter = NULL;

  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));

  filter = sigap_filter_new (&self->filter->as_of, scope, self->filter->segment);
  sigap_filter_model_set_filter (self, filter);
}

SigapSegment
sigap_filter_model_get_segment (SigapFilterModel *self)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_MODEL (self), SIGAP_SEGMENT_RENTAN);

  return self->filter->segment;
}

void
sigap_filter_model_set_segment (SigapFilterModel *self,
                                SigapSegment      segment)
{
  g_autoptr(SigapFilter) filter = NULL;

  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));

  filter = sigap_filter_new (&self->filter->as_of, self->filter->scope, segment);
  sigap_filter_model_set_filter (self, filter);
}

/**
 * sigap_filter_model_set_date_range:
 * @first: the earliest date with data
 * @last: the data cut-off
 *
 * Keeps the as-of date within [@first, @last] from now on (the current one too).
 */
void
sigap_filter_model_set_date_range (SigapFilterModel *self,
                                   const GDate      *first,
                                   const GDate      *last)
{
  g_autoptr(SigapFilter) filter = NULL;

  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));

  self->first = *first;
  self->last = *last;
  if (g_date_compare (&self->first, &self->last) > 0)
    self->first = self->last;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST]);
  g_object_thaw_notify (G_OBJECT (self));

  filter = sigap_filter_copy (self->filter);
  sigap_filter_model_set_filter (self, filter);
}

/**
 * sigap_filter_model_get_date_range:
 * @first: (out) (optional): the earliest date with data, invalid before any was set
 * @last: (out) (optional): the data cut-off, the same
 */
void
sigap_filter_model_get_date_range (SigapFilterModel *self,
                                   GDate            *first,
                                   GDate            *last)
{
  g_return_if_fail (SIGAP_IS_FILTER_MODEL (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}
