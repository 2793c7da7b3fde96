/* sigap-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "sigap-filter.h"

G_DEFINE_BOXED_TYPE (SigapFilter, sigap_filter, sigap_filter_copy, sigap_filter_free)

SigapFilter *
sigap_filter_new (const GDate  *as_of,
                  const char   *scope,
                  SigapSegment  segment)
{
  SigapFilter *self;

  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_new0 (SigapFilter, 1);
  self->as_of = *as_of;
  self->scope = g_strdup (scope != NULL ? scope : SIGAP_CITY_CODE);
  self->segment = segment;
  return self;
}

SigapFilter *
sigap_filter_copy (const SigapFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sigap_filter_new (&self->as_of, self->scope, self->segment);
}

void
sigap_filter_free (SigapFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->scope);
  g_free (self);
}

int
sigap_filter_get_year (const SigapFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_date_get_year (&self->as_of);
}

/* The same filter at the end of the month before the as-of date's: what "the change since
 * last month" is measured against. */
SigapFilter *
sigap_filter_new_previous_month_end (const SigapFilter *self)
{
  SigapFilter *previous;

  g_return_val_if_fail (self != NULL, NULL);

  previous = sigap_filter_copy (self);
  g_date_set_day (&previous->as_of, 1);
  g_date_subtract_days (&previous->as_of, 1);
  return previous;
}

gboolean
sigap_filter_equal (const SigapFilter *a,
                    const SigapFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (&a->as_of, &b->as_of) == 0 &&
         g_strcmp0 (a->scope, b->scope) == 0 &&
         a->segment == b->segment;
}

const char *
sigap_segment_to_string (SigapSegment segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_RENTAN:
      return "rentan";
    case SIGAP_SEGMENT_EKOSISTEM:
      return "ekosistem";
    case SIGAP_SEGMENT_ALL:
      return "all";
    default:
      g_return_val_if_reached ("all");
    }
}

gboolean
sigap_segment_parse (const char   *text,
                     SigapSegment *out_segment)
{
  static const SigapSegment all[] = {
    SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_EKOSISTEM, SIGAP_SEGMENT_ALL,
  };

  g_return_val_if_fail (out_segment != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (g_strcmp0 (text, sigap_segment_to_string (all[i])) == 0)
        {
          *out_segment = all[i];
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sigap_segment_get_label (SigapSegment segment)
{
  switch (segment)
    {
    case SIGAP_SEGMENT_RENTAN:
      return _("Vulnerable workers");
    case SIGAP_SEGMENT_EKOSISTEM:
      return _("City ecosystem");
    case SIGAP_SEGMENT_ALL:
      return _("All segments");
    default:
      g_return_val_if_reached ("");
    }
}
