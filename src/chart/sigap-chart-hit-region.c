/* sigap-chart-hit-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sigap-chart-hit-region.h"

#include <math.h>

/* One hit-region type for every chart layout and the map, so that a view hit-tests,
 * highlights and reads out either the same way.
 */

struct _SigapChartHitRegions
{
  GPtrArray *regions;   /* SigapChartHitRegion */
};

G_DEFINE_BOXED_TYPE (SigapChartHitRegion, sigap_chart_hit_region,
                     sigap_chart_hit_region_copy, sigap_chart_hit_region_free)

SigapChartHitRegion *
sigap_chart_hit_region_copy (const SigapChartHitRegion *self)
{
  SigapChartHitRegion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->tooltip = g_strdup (self->tooltip);

  return copy;
}

void
sigap_chart_hit_region_free (SigapChartHitRegion *self)
{
  if (self == NULL)
    return;

  g_free (self->tooltip);
  g_free (self);
}

gboolean
sigap_chart_hit_region_contains (const SigapChartHitRegion *self,
                                 double                     x,
                                 double                     y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x < self->rect.x || y < self->rect.y ||
      x >= self->rect.x + self->rect.width || y >= self->rect.y + self->rect.height)
    return FALSE;

  if (self->is_sector)
    {
      double dx = x - self->center_x;
      double dy = y - self->center_y;
      double r = sqrt (dx * dx + dy * dy);
      double angle = atan2 (dy, dx);

      if (r < self->inner_radius || r > self->outer_radius)
        return FALSE;

      /* Bring the angle into [start, start + 2π). */
      while (angle < self->start_angle)
        angle += 2 * G_PI;
      while (angle >= self->start_angle + 2 * G_PI)
        angle -= 2 * G_PI;

      return angle <= self->end_angle;
    }

  return TRUE;
}

SigapChartHitRegions *
sigap_chart_hit_regions_new (void)
{
  SigapChartHitRegions *self = g_new0 (SigapChartHitRegions, 1);

  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_chart_hit_region_free);

  return self;
}

void
sigap_chart_hit_regions_free (SigapChartHitRegions *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->regions);
  g_free (self);
}

void
sigap_chart_hit_regions_clear (SigapChartHitRegions *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->regions, 0);
}

/**
 * sigap_chart_hit_regions_add:
 * @tooltip: (transfer full) (nullable): the text to show
 *
 * Adds a rectangle whose tooltip points at the middle of its top edge; the caller may change
 * the anchor or make it a sector.
 *
 * Returns: (transfer none): the region added
 */
SigapChartHitRegion *
sigap_chart_hit_regions_add (SigapChartHitRegions *self,
                             double                x,
                             double                y,
                             double                width,
                             double                height,
                             int                   series,
                             int                   category,
                             char                 *tooltip)
{
  SigapChartHitRegion *region;

  g_return_val_if_fail (self != NULL, NULL);

  region = g_new0 (SigapChartHitRegion, 1);
  region->rect = (SigapChartRect) { x, y, width, height };
  region->series = series;
  region->category = category;
  region->tooltip = tooltip;
  region->anchor_x = x + width / 2;
  region->anchor_y = y;
  g_ptr_array_add (self->regions, region);

  return region;
}

guint
sigap_chart_hit_regions_get_n_items (const SigapChartHitRegions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->regions->len;
}

const SigapChartHitRegion *
sigap_chart_hit_regions_get_item (const SigapChartHitRegions *self,
                                  guint                       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return g_ptr_array_index (self->regions, index);
}

/**
 * sigap_chart_hit_regions_hit_test:
 * @index: (out) (optional): set to the region's index, -1 when there is none
 *
 * Later regions (labels, points) lie on top of earlier ones: the last added that holds the
 * point wins.
 *
 * Returns: (nullable): the region under (@x, @y), NULL when none is (the gaps included)
 */
const SigapChartHitRegion *
sigap_chart_hit_regions_hit_test (const SigapChartHitRegions *self,
                                  double                      x,
                                  double                      y,
                                  int                        *index)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = self->regions->len; i > 0; i--)
    {
      const SigapChartHitRegion *region = g_ptr_array_index (self->regions, i - 1);

      if (sigap_chart_hit_region_contains (region, x, y))
        {
          if (index != NULL)
            *index = (int) i - 1;
          return region;
        }
    }

  if (index != NULL)
    *index = -1;
  return NULL;
}
