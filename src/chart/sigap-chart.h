/* sigap-chart.h: what a chart shows (data only; SigapChartLayout draws it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-chart-format.h"

G_BEGIN_DECLS

typedef enum
{
  SIGAP_CHART_KIND_LINE,     /* series over the categories (months), markers on the points */
  SIGAP_CHART_KIND_AREA,     /* LINE with the area under each line tinted */
  SIGAP_CHART_KIND_BAR,      /* vertical bars, grouped when there are several series */
  SIGAP_CHART_KIND_HBAR,     /* horizontal bars: for long category names (kecamatan, sectors) */
  SIGAP_CHART_KIND_GAUGE,    /* bullet gauge per category: series 0 against its target */
  SIGAP_CHART_KIND_DONUT,    /* shares of series 0 across the categories */
  SIGAP_CHART_KIND_STACKED,  /* one 100 % bar per category, split by the series */
} SigapChartKind;

typedef enum
{
  SIGAP_CHART_SERIES_ROLE_VALUE,   /* a measured (or projected) quantity */
  SIGAP_CHART_SERIES_ROLE_TARGET,  /* a target per category: outlined bars, a dashed line,
                                    * the marker of a gauge */
} SigapChartSeriesRole;

/* A category: a label and, for months, the month it stands for (labels then follow the
 * layout's language); @key is the caller's own id (a region code) for click-to-drill.
 */
typedef struct
{
  char *label;
  char *key;
  int   year;    /* 0 when not a month */
  int   month;   /* 1..12 */
} SigapChartCategory;

/* A series: one value per category (NAN: no data, drawn as a gap). Values from
 * @projected_from on are projections, drawn dashed and hollow (-1: none).
 */
typedef struct
{
  char                 *name;
  GArray               *values;
  int                   projected_from;
  SigapChartSeriesRole  role;
} SigapChartSeries;

/* A constant reference line across the value axis, such as the year's target. */
typedef struct
{
  char   *label;
  double  value;
} SigapChartReference;

/* A mark at the start of a category of a chart with a category axis: something changed
 * there that the values alone do not say (the target changed, so coverage jumps). @label is
 * short, drawn beside the mark ("Sasaran 26.500 → 10.000"); @description a sentence for the
 * tooltip, the accessible description and the table.
 */
typedef struct
{
  guint  category;
  char  *label;
  char  *description;
} SigapChartAnnotation;

#define SIGAP_TYPE_CHART_KIND        (sigap_chart_kind_get_type ())
#define SIGAP_TYPE_CHART_SERIES_ROLE (sigap_chart_series_role_get_type ())
#define SIGAP_TYPE_CHART_CATEGORY    (sigap_chart_category_get_type ())
#define SIGAP_TYPE_CHART_SERIES      (sigap_chart_series_get_type ())
#define SIGAP_TYPE_CHART_REFERENCE   (sigap_chart_reference_get_type ())
#define SIGAP_TYPE_CHART_ANNOTATION  (sigap_chart_annotation_get_type ())

GType                sigap_chart_kind_get_type        (void) G_GNUC_CONST;
GType                sigap_chart_series_role_get_type (void) G_GNUC_CONST;
GType                sigap_chart_category_get_type    (void) G_GNUC_CONST;
GType                sigap_chart_series_get_type      (void) G_GNUC_CONST;
GType                sigap_chart_reference_get_type   (void) G_GNUC_CONST;
GType                sigap_chart_annotation_get_type  (void) G_GNUC_CONST;

SigapChartCategory  *sigap_chart_category_copy        (const SigapChartCategory  *self);
void                 sigap_chart_category_free        (SigapChartCategory        *self);
SigapChartSeries    *sigap_chart_series_copy          (const SigapChartSeries    *self);
void                 sigap_chart_series_free          (SigapChartSeries          *self);
double               sigap_chart_series_get_value     (const SigapChartSeries    *self,
                                                       guint                      index);
gboolean             sigap_chart_series_is_projected  (const SigapChartSeries    *self,
                                                       guint                      index);
SigapChartReference *sigap_chart_reference_copy       (const SigapChartReference *self);
void                 sigap_chart_reference_free       (SigapChartReference       *self);
SigapChartAnnotation *sigap_chart_annotation_copy     (const SigapChartAnnotation *self);
void                 sigap_chart_annotation_free      (SigapChartAnnotation      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartCategory, sigap_chart_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartSeries, sigap_chart_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartReference, sigap_chart_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapChartAnnotation, sigap_chart_annotation_free)

#define SIGAP_TYPE_CHART (sigap_chart_get_type ())

G_DECLARE_FINAL_TYPE (SigapChart, sigap_chart, SIGAP, CHART, GObject)

SigapChart                *sigap_chart_new                    (SigapChartKind        kind,
                                                               const char           *title);

SigapChartKind             sigap_chart_get_kind               (SigapChart           *self);
void                       sigap_chart_set_kind               (SigapChart           *self,
                                                               SigapChartKind        kind);
const char                *sigap_chart_get_title              (SigapChart           *self);
void                       sigap_chart_set_title              (SigapChart           *self,
                                                               const char           *title);
SigapChartUnit             sigap_chart_get_unit               (SigapChart           *self);
void                       sigap_chart_set_unit               (SigapChart           *self,
                                                               SigapChartUnit        unit);
const char                *sigap_chart_get_category_title     (SigapChart           *self);
void                       sigap_chart_set_category_title     (SigapChart           *self,
                                                               const char           *title);
const char                *sigap_chart_get_empty_text         (SigapChart           *self);
void                       sigap_chart_set_empty_text         (SigapChart           *self,
                                                               const char           *text);
const char                *sigap_chart_get_projection_label   (SigapChart           *self);
void                       sigap_chart_set_projection_label   (SigapChart           *self,
                                                               const char           *label);

guint                      sigap_chart_add_category           (SigapChart           *self,
                                                               const char           *label,
                                                               const char           *key);
guint                      sigap_chart_add_month              (SigapChart           *self,
                                                               int                   year,
                                                               int                   month);
guint                      sigap_chart_get_n_categories       (SigapChart           *self);
const SigapChartCategory  *sigap_chart_get_category           (SigapChart           *self,
                                                               guint                 index);

guint                      sigap_chart_add_series             (SigapChart           *self,
                                                               const char           *name,
                                                               const double         *values,
                                                               guint                 n_values);
void                       sigap_chart_set_series_role        (SigapChart           *self,
                                                               guint                 series,
                                                               SigapChartSeriesRole  role);
void                       sigap_chart_set_series_projected_from (SigapChart        *self,
                                                               guint                 series,
                                                               int                   index);
guint                      sigap_chart_get_n_series           (SigapChart           *self);
const SigapChartSeries    *sigap_chart_get_series             (SigapChart           *self,
                                                               guint                 index);
double                     sigap_chart_get_value              (SigapChart           *self,
                                                               guint                 series,
                                                               guint                 category);
int                        sigap_chart_find_target_series     (SigapChart           *self);

guint                      sigap_chart_add_reference          (SigapChart           *self,
                                                               const char           *label,
                                                               double                value);
guint                      sigap_chart_get_n_references       (SigapChart           *self);
const SigapChartReference *sigap_chart_get_reference          (SigapChart           *self,
                                                               guint                 index);

guint                      sigap_chart_add_annotation         (SigapChart           *self,
                                                               guint                 category,
                                                               const char           *label,
                                                               const char           *description);
guint                      sigap_chart_get_n_annotations      (SigapChart           *self);
const SigapChartAnnotation *sigap_chart_get_annotation        (SigapChart           *self,
                                                               guint                 index);
const SigapChartAnnotation *sigap_chart_find_annotation       (SigapChart           *self,
                                                               guint                 category);

void                       sigap_chart_clear                  (SigapChart           *self);
gboolean                   sigap_chart_is_empty               (SigapChart           *self);

G_END_DECLS
