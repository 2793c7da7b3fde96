/* sigap-chart-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-a11y.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/sigap-csv-writer.h"

/* What a sighted user reads off a chart, as text: the accessible description of the chart
 * widget, and the table behind its "show as table" toggle. Both come from the chart's data,
 * not from its drawing, so they hold every value even where the drawing had to drop a label.
 */

G_DEFINE_BOXED_TYPE (SigapChartTable, sigap_chart_table,
                     sigap_chart_table_copy, sigap_chart_table_free)

/* Returns: the translated name of @kind, as a screen reader announces it */
const char *
sigap_chart_kind_to_string (SigapChartKind kind)
{
  switch (kind)
    {
    case SIGAP_CHART_KIND_LINE:
      return _("Line chart");
    case SIGAP_CHART_KIND_AREA:
      return _("Area chart");
    case SIGAP_CHART_KIND_BAR:
      return _("Bar chart");
    case SIGAP_CHART_KIND_HBAR:
      return _("Horizontal bar chart");
    case SIGAP_CHART_KIND_GAUGE:
      return _("Gauge");
    case SIGAP_CHART_KIND_DONUT:
      return _("Donut chart");
    case SIGAP_CHART_KIND_STACKED:
      return _("Stacked bar chart");
    default:
      return _("Chart");
    }
}

static gboolean
all_months (SigapChart *chart)
{
  guint n = sigap_chart_get_n_categories (chart);

  for (guint c = 0; c < n; c++)
    if (sigap_chart_get_category (chart, c)->month == 0)
      return FALSE;

  return n > 0;
}

static char *
category_name (SigapChart *chart,
               guint       category,
               SigapLang   lang)
{
  const SigapChartCategory *c = sigap_chart_get_category (chart, category);

  if (c->month >= 1 && c->month <= 12 && c->year > 0)
    return sigap_format_month (c->year, c->month, lang, FALSE);

  return g_strdup (c->label);
}

static double
positive_total (SigapChart *chart,
                guint       series)
{
  double total = 0;

  for (guint c = 0; c < sigap_chart_get_n_categories (chart); c++)
    {
      double v = sigap_chart_get_value (chart, series, c);

      if (isfinite (v) && v > 0)
        total += v;
    }

  return total;
}

static double
row_total (SigapChart *chart,
           guint       category)
{
  double total = 0;

  for (guint s = 0; s < sigap_chart_get_n_series (chart); s++)
    {
      double v = sigap_chart_get_value (chart, s, category);

      if (isfinite (v) && v > 0)
        total += v;
    }

  return total;
}

/* A value as a cell: "1.234", "9.000 (projected)", "1.234 (23,4%)" for a share. */
static char *
value_text (SigapChart *chart,
            guint       series,
            guint       category,
            double      share_of,
            SigapLang   lang)
{
  const SigapChartSeries *s = sigap_chart_get_series (chart, series);
  double v = sigap_chart_series_get_value (s, category);
  g_autofree char *text = sigap_chart_format_value (v, sigap_chart_get_unit (chart), lang);

  if (isfinite (v) && sigap_chart_series_is_projected (s, category))
    /* Translators: a value that is an estimate, "9,000 (projected)" */
    return g_strdup_printf (_("%s (projected)"), text);

  if (isfinite (v) && share_of > 0)
    {
      g_autofree char *share = sigap_format_percent (100 * MAX (v, 0) / share_of, 1, lang);

      return g_strdup_printf ("%s (%s)", text, share);
    }

  return g_steal_pointer (&text);
}

/**
 * sigap_chart_table_new:
 * @chart: the chart
 * @lang: the language of the figures
 *
 * Returns: (transfer full): the chart's data as a table of formatted cells
 */
SigapChartTable *
sigap_chart_table_new (SigapChart *chart,
                       SigapLang   lang)
{
  SigapChartKind kind;
  SigapChartTable *self;
  guint n_categories, n_series, n_references;
  gboolean donut, notes;
  GPtrArray *headers, *cells;
  const char *category_title;

  g_return_val_if_fail (SIGAP_IS_CHART (chart), NULL);

  kind = sigap_chart_get_kind (chart);
  donut = kind == SIGAP_CHART_KIND_DONUT;
  n_categories = sigap_chart_get_n_categories (chart);
  n_series = donut ? MIN (sigap_chart_get_n_series (chart), 1) : sigap_chart_get_n_series (chart);
  n_references = sigap_chart_get_n_references (chart);
  notes = sigap_chart_get_n_annotations (chart) > 0;

  headers = g_ptr_array_new ();
  category_title = sigap_chart_get_category_title (chart);
  if (category_title != NULL)
    g_ptr_array_add (headers, g_strdup (category_title));
  else if (all_months (chart))
    g_ptr_array_add (headers, g_strdup (_("Month")));
  else
    g_ptr_array_add (headers, g_strdup (_("Category")));
  for (guint s = 0; s < n_series; s++)
    g_ptr_array_add (headers, g_strdup (sigap_chart_get_series (chart, s)->name));
  if (donut && n_series > 0)
    /* Translators: column header, a category's part of the whole in percent */
    g_ptr_array_add (headers, g_strdup (_("Share")));
  if (notes)
    /* Translators: column header, what changed in a month (the target, say) */
    g_ptr_array_add (headers, g_strdup (_("Note")));

  self = g_new0 (SigapChartTable, 1);
  self->n_columns = headers->len;
  g_ptr_array_add (headers, NULL);
  self->headers = (char **) g_ptr_array_free (headers, FALSE);

  cells = g_ptr_array_new ();
  for (guint c = 0; c < n_categories; c++)
    {
      g_ptr_array_add (cells, category_name (chart, c, lang));
      for (guint s = 0; s < n_series; s++)
        g_ptr_array_add (cells, value_text (chart, s, c,
                                            kind == SIGAP_CHART_KIND_STACKED ? row_total (chart, c)
                                                                             : 0,
                                            lang));
      if (donut && n_series > 0)
        {
          double v = sigap_chart_get_value (chart, 0, c);
          double total = positive_total (chart, 0);

          g_ptr_array_add (cells, sigap_format_percent (total > 0 && isfinite (v)
                                                        ? 100 * MAX (v, 0) / total : NAN,
                                                        1, lang));
        }
      if (notes)
        {
          const SigapChartAnnotation *annotation = sigap_chart_find_annotation (chart, c);

          g_ptr_array_add (cells, g_strdup (annotation != NULL ? annotation->description : ""));
        }
    }

  for (guint r = 0; r < n_references; r++)
    {
      const SigapChartReference *reference = sigap_chart_get_reference (chart, r);

      g_ptr_array_add (cells, g_strdup (reference->label));
      for (guint col = 1; col < self->n_columns; col++)
        g_ptr_array_add (cells, col == 1 ? sigap_chart_format_value (reference->value,
                                                                     sigap_chart_get_unit (chart),
                                                                     lang)
                                         : g_strdup (""));
    }

  self->n_rows = self->n_columns > 0 ? cells->len / self->n_columns : 0;
  g_ptr_array_add (cells, NULL);
  self->cells = (char **) g_ptr_array_free (cells, FALSE);

  return self;
}

SigapChartTable *
sigap_chart_table_copy (const SigapChartTable *self)
{
  SigapChartTable *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SigapChartTable, 1);
  copy->n_rows = self->n_rows;
  copy->n_columns = self->n_columns;
  copy->headers = g_strdupv (self->headers);
  copy->cells = g_strdupv (self->cells);

  return copy;
}

void
sigap_chart_table_free (SigapChartTable *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->headers);
  g_strfreev (self->cells);
  g_free (self);
}

const char *
sigap_chart_table_get_header (const SigapChartTable *self,
                              guint                  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->headers[column];
}

const char *
sigap_chart_table_get_cell (const SigapChartTable *self,
                            guint                  row,
                            guint                  column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->cells[row * self->n_columns + column];
}

/* The table as RFC 4180 CSV (CRLF line ends), for "Copy table" in the window. The headers and
 * the first column are names (of regions, sectors, series), the other columns figures. */
char *
sigap_chart_table_to_csv (const SigapChartTable *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint col = 0; col < self->n_columns; col++)
    {
      if (col > 0)
        g_string_append_c (out, ',');
      sigap_csv_append_text (out, self->headers[col], ',');
    }
  g_string_append (out, "\r\n");

  for (guint row = 0; row < self->n_rows; row++)
    {
      for (guint col = 0; col < self->n_columns; col++)
        {
          if (col > 0)
            g_string_append_c (out, ',');
          if (col == 0)
            sigap_csv_append_text (out, sigap_chart_table_get_cell (self, row, col), ',');
          else
            sigap_csv_append_number (out, sigap_chart_table_get_cell (self, row, col), ',');
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/**
 * sigap_chart_describe:
 * @chart: the chart
 * @lang: the language of the figures (the sentences follow the locale)
 *
 * A plain-text account of the chart for screen readers: "Bar chart: Active participants by
 * kecamatan. Bekasi Utara: Active 1.234, Target 1.500. … Target 11.666."
 *
 * Returns: (transfer full): the description
 */
char *
sigap_chart_describe (SigapChart *chart,
                      SigapLang   lang)
{
  SigapChartKind kind;
  SigapChartUnit unit;
  GString *out;
  const char *title;
  guint n_categories, n_series;

  g_return_val_if_fail (SIGAP_IS_CHART (chart), NULL);

  kind = sigap_chart_get_kind (chart);
  unit = sigap_chart_get_unit (chart);
  title = sigap_chart_get_title (chart);
  n_categories = sigap_chart_get_n_categories (chart);
  n_series = sigap_chart_get_n_series (chart);

  out = g_string_new (NULL);
  if (title != NULL && *title != '\0')
    /* Translators: the start of a chart's description: "Bar chart: Participants by sector." */
    g_string_append_printf (out, _("%s: %s."), sigap_chart_kind_to_string (kind), title);
  else
    g_string_append_printf (out, "%s.", sigap_chart_kind_to_string (kind));

  if (sigap_chart_is_empty (chart))
    {
      g_string_append_printf (out, " %s", sigap_chart_get_empty_text (chart));
      if (!g_str_has_suffix (out->str, "."))
        g_string_append_c (out, '.');
      return g_string_free (out, FALSE);
    }

  for (guint c = 0; c < n_categories; c++)
    {
      g_autofree char *name = category_name (chart, c, lang);

      g_string_append_printf (out, " %s:", name);

      if (kind == SIGAP_CHART_KIND_DONUT)
        {
          g_autofree char *value = value_text (chart, 0, c, positive_total (chart, 0), lang);

          g_string_append_printf (out, " %s.", value);
          continue;
        }

      for (guint s = 0; s < n_series; s++)
        {
          const SigapChartSeries *series = sigap_chart_get_series (chart, s);
          g_autofree char *value = value_text (chart, s, c,
                                               kind == SIGAP_CHART_KIND_STACKED
                                               ? row_total (chart, c) : 0,
                                               lang);

          g_string_append_printf (out, "%s %s %s", s > 0 ? "," : "", series->name, value);
        }
      g_string_append_c (out, '.');

      /* What changed in that category, where it changed: "From 1 January 2026 the target…" */
      for (guint a = 0; a < sigap_chart_get_n_annotations (chart); a++)
        {
          const SigapChartAnnotation *annotation = sigap_chart_get_annotation (chart, a);

          if (annotation->category == c)
            g_string_append_printf (out, " %s", annotation->description);
        }
    }

  if (kind != SIGAP_CHART_KIND_STACKED)
    for (guint r = 0; r < sigap_chart_get_n_references (chart); r++)
      {
        const SigapChartReference *reference = sigap_chart_get_reference (chart, r);
        g_autofree char *value = sigap_chart_format_value (reference->value, unit, lang);

        g_string_append_printf (out, " %s %s.", reference->label, value);
      }

  return g_string_free (out, FALSE);
}
