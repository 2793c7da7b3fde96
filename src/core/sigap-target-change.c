/* sigap-target-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets are set per year, so coverage (active / target) can jump at New Year with no
 * change in enrollment: at the launch the 2025 target was 26.500, the 2026 one is 10.000, and
 * coverage went from 44,0 % to 102,9 % overnight. The charts and their text alternatives
 * mark such a change; it is read here, from the series sigap_figures_monthly() gives, so the
 * window and the briefing mark the same months with the same figures.
 */
#include "sigap-target-change.h"

/**
 * sigap_target_changes:
 * @months: (element-type SigapMonthPoint): sigap_figures_monthly(), oldest first
 *
 * Every month whose target differs from the month before, where both have one (a target
 * that starts or stops is not a change of target: the line itself starts or stops).
 *
 * Returns: (transfer full) (element-type SigapTargetChange): the changes, oldest first
 */
GArray *
sigap_target_changes (GArray *months)
{
  GArray *changes;

  g_return_val_if_fail (months != NULL, NULL);

  changes = g_array_new (FALSE, TRUE, sizeof (SigapTargetChange));
  for (guint i = 1; i < months->len; i++)
    {
      const SigapMonthPoint *before = &g_array_index (months, SigapMonthPoint, i - 1);
      const SigapMonthPoint *point = &g_array_index (months, SigapMonthPoint, i);
      SigapTargetChange change = { 0 };

      if (!before->has_target || !point->has_target || before->target == point->target)
        continue;

      change.index = i;
      g_date_clear (&change.from, 1);
      g_date_set_dmy (&change.from, 1, (GDateMonth) point->month, (GDateYear) point->year);
      change.old_target = before->target;
      change.new_target = point->target;
      g_array_append_val (changes, change);
    }

  return changes;
}
