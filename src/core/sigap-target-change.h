/* sigap-target-change.h: where the target of a monthly series changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sigap-figures.h"

G_BEGIN_DECLS

/* The target of a scope changes from one month of the series to the next (a new year's
 * target, a revised one): @index is the first point of the series with @new_target, @from
 * the first day of its month.
 */
typedef struct
{
  guint   index;
  GDate   from;
  gint64  old_target;
  gint64  new_target;
} SigapTargetChange;

GArray *sigap_target_changes (GArray *months);

G_END_DECLS
