/* sigap-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart.h"

#include <glib/gi18n.h>
#include <math.h>

/* SigapChart: the data of one chart (title, categories, series, reference lines, annotations,
 * unit) and nothing about how it looks, so the window, the PDF and the tests draw the very
 * same chart.
 * Every change emits ::changed, which SigapChartLayout listens to in order to lay out again.
 * Labels and names are given already translated; only month categories are formatted late,
 * in the language the layout is asked for.
 */
struct _SigapChart
{
  GObject         parent_instance;

  SigapChartKind  kind;
  SigapChartUnit  unit;
  char           *title;
  char           *category_title;
  char           *empty_text;
  char           *projection_label;
  GPtrArray      *categories;   /* SigapChartCategory */
  GPtrArray      *series;       /* SigapChartSeries */
  GPtrArray      *references;   /* SigapChartReference */
  GPtrArray      *annotations;  /* SigapChartAnnotation */
};

G_DEFINE_FINAL_TYPE (SigapChart, sigap_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_UNIT,
  PROP_CATEGORY_TITLE,
  PROP_EMPTY_TEXT,
  PROP_PROJECTION_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (SigapChartKind, sigap_chart_kind,
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_AREA, "area"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_BAR, "bar"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_HBAR, "hbar"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_GAUGE, "gauge"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_DONUT, "donut"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_KIND_STACKED, "stacked"))

G_DEFINE_ENUM_TYPE (SigapChartSeriesRole, sigap_chart_series_role,
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_SERIES_ROLE_VALUE, "value"),
                    G_DEFINE_ENUM_VALUE (SIGAP_CHART_SERIES_ROLE_TARGET, "target"))

G_DEFINE_BOXED_TYPE (SigapChartCategory, sigap_chart_category,
                     sigap_chart_category_copy, sigap_chart_category_free)
G_DEFINE_BOXED_TYPE (SigapChartSeries, sigap_chart_series,
                     sigap_chart_series_copy, sigap_chart_series_free)
G_DEFINE_BOXED_TYPE (SigapChartReference, sigap_chart_reference,
                     sigap_chart_reference_copy, sigap_chart_reference_free)
G_DEFINE_BOXED_TYPE (SigapChartAnnotation, sigap_chart_annotation,
                     sigap_chart_annotation_copy, sigap_chart_annotation_free)

SigapChartCategory *
sigap_chart_category_copy (const SigapChartCategory *self)
{
  SigapChartCategory *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapChartCategory, 1);
  copy->label = g_strdup (self->label);
  copy->key = g_strdup (self->key);
  copy->year = self->year;
  copy->month = self->month;

  return copy;
}

void
sigap_chart_category_free (SigapChartCategory *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self->key);
  g_free (self);
}

SigapChartSeries *
sigap_chart_series_copy (const SigapChartSeries *self)
{
  SigapChartSeries *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapChartSeries, 1);
  copy->name = g_strdup (self->name);
  copy->values = g_array_copy (self->values);
  copy->projected_from = self->projected_from;
  copy->role = self->role;

  return copy;
}

void
sigap_chart_series_free (SigapChartSeries *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_clear_pointer (&self->values, g_array_unref);
  g_free (self);
}

/* NAN past the end of the values: a series may be shorter than the categories (months that
 * have not happened yet).
 */
double
sigap_chart_series_get_value (const SigapChartSeries *self,
                              guint                   index)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (index >= self->values->len)
    return NAN;

  return g_array_index (self->values, double, index);
}

gboolean
sigap_chart_series_is_projected (const SigapChartSeries *self,
                                 guint                   index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->projected_from >= 0 && index >= (guint) self->projected_from;
}

SigapChartReference *
sigap_chart_reference_copy (const SigapChartReference *self)
{
  SigapChartReference *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapChartReference, 1);
  copy->label = g_strdup (self->label);
  copy->value = self->value;

  return copy;
}

void
sigap_chart_reference_free (SigapChartReference *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self);
}

SigapChartAnnotation *
sigap_chart_annotation_copy (const SigapChartAnnotation *self)
{
  SigapChartAnnotation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapChartAnnotation, 1);
  copy->category = self->category;
  copy->label = g_strdup (self->label);
  copy->description = g_strdup (self->description);

  return copy;
}

void
sigap_chart_annotation_free (SigapChartAnnotation *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self->description);
  g_free (self);
}

static void
emit_changed (SigapChart *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Sets *@field and notifies, only on change. */
static gboolean
replace_string (SigapChart  *self,
                char       **field,
                const char  *value,
                GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  emit_changed (self);

  return TRUE;
}

static void
sigap_chart_finalize (GObject *object)
{
  SigapChart *self = SIGAP_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->category_title, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->projection_label, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_chart_parent_class)->finalize (object);
}

static void
sigap_chart_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SigapChart *self = SIGAP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_CATEGORY_TITLE:
      g_value_set_string (value, self->category_title);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, sigap_chart_get_empty_text (self));
      break;
    case PROP_PROJECTION_LABEL:
      g_value_set_string (value, sigap_chart_get_projection_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SigapChart *self = SIGAP_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      sigap_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      sigap_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      sigap_chart_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_CATEGORY_TITLE:
      sigap_chart_set_category_title (self, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      sigap_chart_set_empty_text (self, g_value_get_string (value));
      break;
    case PROP_PROJECTION_LABEL:
      sigap_chart_set_projection_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_class_init (SigapChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sigap_chart_finalize;
  object_class->get_property = sigap_chart_get_property;
  object_class->set_property = sigap_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SIGAP_TYPE_CHART_KIND, SIGAP_CHART_KIND_BAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       SIGAP_TYPE_CHART_UNIT, SIGAP_CHART_UNIT_COUNT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The header of the categories' column in the table form ("Kecamatan", "Month"). */
  properties[PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The chart's own words for "No data" and "Projection", for a PDF whose language is not
   * the locale's; NULL falls back to the translated defaults.
   */
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTION_LABEL] =
    g_param_spec_string ("projection-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapChart::changed:
   *
   * Emitted after any change of the data or the properties.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sigap_chart_init (SigapChart *self)
{
  self->kind = SIGAP_CHART_KIND_BAR;
  self->unit = SIGAP_CHART_UNIT_COUNT;
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_chart_category_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_chart_series_free);
  self->references = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_chart_reference_free);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_chart_annotation_free);
}

/**
 * sigap_chart_new:
 * @kind: what to draw
 * @title: (nullable): the translated title
 *
 * Returns: (transfer full): a new, empty chart
 */
SigapChart *
sigap_chart_new (SigapChartKind  kind,
                 const char     *title)
{
  return g_object_new (SIGAP_TYPE_CHART,
                       "kind", kind,
                       "title", title,
                       NULL);
}

SigapChartKind
sigap_chart_get_kind (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), SIGAP_CHART_KIND_BAR);

  return self->kind;
}

void
sigap_chart_set_kind (SigapChart     *self,
                      SigapChartKind  kind)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  emit_changed (self);
}

const char *
sigap_chart_get_title (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);

  return self->title;
}

void
sigap_chart_set_title (SigapChart *self,
                       const char *title)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  replace_string (self, &self->title, title, properties[PROP_TITLE]);
}

SigapChartUnit
sigap_chart_get_unit (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), SIGAP_CHART_UNIT_COUNT);

  return self->unit;
}

void
sigap_chart_set_unit (SigapChart     *self,
                      SigapChartUnit  unit)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  emit_changed (self);
}

const char *
sigap_chart_get_category_title (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);

  return self->category_title;
}

void
sigap_chart_set_category_title (SigapChart *self,
                                const char *title)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  replace_string (self, &self->category_title, title, properties[PROP_CATEGORY_TITLE]);
}

/* Returns: the text shown in place of an empty chart, "No data" unless set */
const char *
sigap_chart_get_empty_text (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);

  if (self->empty_text != NULL)
    return self->empty_text;

  /* Translators: shown in place of a chart that has nothing to show */
  return _("No data");
}

void
sigap_chart_set_empty_text (SigapChart *self,
                            const char *text)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  replace_string (self, &self->empty_text, text, properties[PROP_EMPTY_TEXT]);
}

/* Returns: the legend's name for the dashed, projected part of a series */
const char *
sigap_chart_get_projection_label (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);

  if (self->projection_label != NULL)
    return self->projection_label;

  /* Translators: legend entry for the dashed part of a line, an estimate of what is to come */
  return _("Projection");
}

void
sigap_chart_set_projection_label (SigapChart *self,
                                  const char *label)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  replace_string (self, &self->projection_label, label, properties[PROP_PROJECTION_LABEL]);
}

/**
 * sigap_chart_add_category:
 * @label: the translated label
 * @key: (nullable): the caller's id for it, such as a region code
 *
 * Returns: the index of the new category
 */
guint
sigap_chart_add_category (SigapChart *self,
                          const char *label,
                          const char *key)
{
  SigapChartCategory *category;

  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  category = g_new0 (SigapChartCategory, 1);
  category->label = g_strdup (label);
  category->key = g_strdup (key);
  g_ptr_array_add (self->categories, category);
  emit_changed (self);

  return self->categories->len - 1;
}

/**
 * sigap_chart_add_month:
 * @year: the year, such as 2025
 * @month: 1..12
 *
 * Adds a month as a category; its label is formatted in the layout's language. Its key is
 * the ISO month "2025-11".
 *
 * Returns: the index of the new category
 */
guint
sigap_chart_add_month (SigapChart *self,
                       int         year,
                       int         month)
{
  SigapChartCategory *category;

  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (year > 0, 0);

  category = g_new0 (SigapChartCategory, 1);
  category->label = sigap_format_month (year, month, SIGAP_LANG_EN, TRUE);
  category->key = g_strdup_printf ("%04d-%02d", year, month);
  category->year = year;
  category->month = month;
  g_ptr_array_add (self->categories, category);
  emit_changed (self);

  return self->categories->len - 1;
}

guint
sigap_chart_get_n_categories (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);

  return self->categories->len;
}

const SigapChartCategory *
sigap_chart_get_category (SigapChart *self,
                          guint       index)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, index);
}

/**
 * sigap_chart_add_series:
 * @name: the translated name, as the legend and tooltips show it
 * @values: (array length=n_values) (nullable): one value per category, NAN for none
 * @n_values: the number of @values
 *
 * Returns: the index of the new series
 */
guint
sigap_chart_add_series (SigapChart   *self,
                        const char   *name,
                        const double *values,
                        guint         n_values)
{
  SigapChartSeries *series;

  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (n_values == 0 || values != NULL, 0);

  series = g_new0 (SigapChartSeries, 1);
  series->name = g_strdup (name);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  if (n_values > 0)
    g_array_append_vals (series->values, values, n_values);
  series->projected_from = -1;
  series->role = SIGAP_CHART_SERIES_ROLE_VALUE;
  g_ptr_array_add (self->series, series);
  emit_changed (self);

  return self->series->len - 1;
}

void
sigap_chart_set_series_role (SigapChart           *self,
                             guint                 series,
                             SigapChartSeriesRole  role)
{
  SigapChartSeries *s;

  g_return_if_fail (SIGAP_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  s = g_ptr_array_index (self->series, series);
  if (s->role == role)
    return;

  s->role = role;
  emit_changed (self);
}

/* @index: the first category whose value is a projection, -1 for none */
void
sigap_chart_set_series_projected_from (SigapChart *self,
                                       guint       series,
                                       int         index)
{
  SigapChartSeries *s;

  g_return_if_fail (SIGAP_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (index >= -1);

  s = g_ptr_array_index (self->series, series);
  if (s->projected_from == index)
    return;

  s->projected_from = index;
  emit_changed (self);
}

guint
sigap_chart_get_n_series (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);

  return self->series->len;
}

const SigapChartSeries *
sigap_chart_get_series (SigapChart *self,
                        guint       index)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/* Returns: the value, NAN when there is none */
double
sigap_chart_get_value (SigapChart *self,
                       guint       series,
                       guint       category)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NAN);

  if (series >= self->series->len || category >= self->categories->len)
    return NAN;

  return sigap_chart_series_get_value (g_ptr_array_index (self->series, series), category);
}

/* Returns: the index of the first target series, -1 when there is none */
int
sigap_chart_find_target_series (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), -1);

  for (guint i = 0; i < self->series->len; i++)
    {
      const SigapChartSeries *s = g_ptr_array_index (self->series, i);

      if (s->role == SIGAP_CHART_SERIES_ROLE_TARGET)
        return (int) i;
    }

  return -1;
}

guint
sigap_chart_add_reference (SigapChart *self,
                           const char *label,
                           double      value)
{
  SigapChartReference *reference;

  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  reference = g_new0 (SigapChartReference, 1);
  reference->label = g_strdup (label);
  reference->value = value;
  g_ptr_array_add (self->references, reference);
  emit_changed (self);

  return self->references->len - 1;
}

guint
sigap_chart_get_n_references (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);

  return self->references->len;
}

const SigapChartReference *
sigap_chart_get_reference (SigapChart *self,
                           guint       index)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->references->len, NULL);

  return g_ptr_array_index (self->references, index);
}

/**
 * sigap_chart_add_annotation:
 * @category: the category at whose start the mark stands
 * @label: the short text beside the mark
 * @description: (nullable): a sentence saying the same in full (@label when NULL)
 *
 * Returns: the annotation's index
 */
guint
sigap_chart_add_annotation (SigapChart *self,
                            guint       category,
                            const char *label,
                            const char *description)
{
  SigapChartAnnotation *annotation;

  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  annotation = g_new0 (SigapChartAnnotation, 1);
  annotation->category = category;
  annotation->label = g_strdup (label);
  annotation->description = g_strdup (description != NULL ? description : label);
  g_ptr_array_add (self->annotations, annotation);
  emit_changed (self);

  return self->annotations->len - 1;
}

guint
sigap_chart_get_n_annotations (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), 0);

  return self->annotations->len;
}

const SigapChartAnnotation *
sigap_chart_get_annotation (SigapChart *self,
                            guint       index)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->annotations->len, NULL);

  return g_ptr_array_index (self->annotations, index);
}

/* Returns: (nullable): the first annotation at @category */
const SigapChartAnnotation *
sigap_chart_find_annotation (SigapChart *self,
                             guint       category)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      const SigapChartAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (annotation->category == category)
        return annotation;
    }

  return NULL;
}

/* Drops the categories, series, references and annotations, keeping kind, title and unit:
 * for reloading the data of a chart a widget already shows.
 */
void
sigap_chart_clear (SigapChart *self)
{
  g_return_if_fail (SIGAP_IS_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->references, 0);
  g_ptr_array_set_size (self->annotations, 0);
  emit_changed (self);
}

static gboolean
series_has_value (SigapChart *self,
                  guint       series)
{
  for (guint c = 0; c < self->categories->len; c++)
    if (isfinite (sigap_chart_get_value (self, series, c)))
      return TRUE;

  return FALSE;
}

/**
 * sigap_chart_is_empty:
 *
 * Whether there is nothing to draw, so the layout shows the empty text instead: no
 * categories, no value in any series, or for a gauge none in its first series, or for a
 * donut or stacked bars nothing above zero to take a share of.
 */
gboolean
sigap_chart_is_empty (SigapChart *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART (self), TRUE);

  if (self->categories->len == 0 || self->series->len == 0)
    return TRUE;

  switch (self->kind)
    {
    case SIGAP_CHART_KIND_GAUGE:
      return !series_has_value (self, 0);

    case SIGAP_CHART_KIND_DONUT:
      for (guint c = 0; c < self->categories->len; c++)
        if (sigap_chart_get_value (self, 0, c) > 0)
          return FALSE;
      return TRUE;

    case SIGAP_CHART_KIND_STACKED:
      for (guint s = 0; s < self->series->len; s++)
        for (guint c = 0; c < self->categories->len; c++)
          if (sigap_chart_get_value (self, s, c) > 0)
            return FALSE;
      return TRUE;

    case SIGAP_CHART_KIND_LINE:
    case SIGAP_CHART_KIND_AREA:
    case SIGAP_CHART_KIND_BAR:
    case SIGAP_CHART_KIND_HBAR:
    default:
      for (guint s = 0; s < self->series->len; s++)
        if (series_has_value (self, s))
          return FALSE;
      return TRUE;
    }
}
