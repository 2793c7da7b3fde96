/* wilayah-timing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Wilayah page driven as a user would (a drill, a back, the participant list scrolled end
 * to end), timed: shared by test-wilayah (which prints the times on a large database) and
 * bench-wilayah (which checks them against the targets).
 */

#include "core/sigap-database.h"
#include "sigap-test-window.h"
#include "wilayah-timing.h"

#define SETTLE_TIMEOUT_S 120
#define SCROLL_STEPS      40
#define STEP_MS           50

void
wilayah_timing_wait_settled (SigapWindow *window)
{
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
}

void
wilayah_timing_wait_participants (SigapParticipantModel *model)
{
  gint64 end = g_get_monotonic_time () + SETTLE_TIMEOUT_S * G_USEC_PER_SEC;

  while (sigap_participant_model_get_loading (model) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (sigap_participant_model_get_loading (model))
    g_error ("the participant list did not load in %d s", SETTLE_TIMEOUT_S);
}

/**
 * wilayah_timing_drill:
 * @code: (nullable): the area to drill to, or NULL to go back a level
 */
void
wilayah_timing_drill (SigapWindow       *window,
                      SigapWilayahPage  *page,
                      const char        *code,
                      WilayahDrillTimes *out_times)
{
  gint64 start = g_get_monotonic_time ();

  if (code != NULL)
    sigap_wilayah_page_drill (page, code);
  else if (!sigap_wilayah_page_go_back (page))
    g_error ("no level to go back to");
  wilayah_timing_wait_settled (window);

  out_times->wall_us = g_get_monotonic_time () - start;
  out_times->query_us = sigap_wilayah_page_get_last_query_us (page);
}

/* Returns: (transfer full): the code of the kelurahan with the most participants */
char *
wilayah_timing_largest_kelurahan (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (db_path, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autoptr(SigapStatement) stmt = NULL;

  if (db == NULL)
    g_error ("%s", error->message);
  stmt = sigap_database_prepare (db,
                                 "SELECT r.code FROM participant p JOIN region r"
                                 " ON r.id = p.kelurahan_id GROUP BY r.code"
                                 " ORDER BY count (*) DESC LIMIT 1", &error);
  if (stmt == NULL)
    g_error ("%s", error->message);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    g_error ("no participants in %s", db_path);

  return g_strdup (sigap_statement_column_text (stmt, 0));
}

/* Scrolls the participant list of the page's kelurahan from the top to the end in
 * SCROLL_STEPS jumps of STEP_MS each (a fast drag of the scroll bar), then waits for the
 * last pages. */
void
wilayah_timing_scroll (SigapWilayahPage   *page,
                       WilayahScrollTimes *out_times)
{
  SigapParticipantModel *model = sigap_wilayah_page_get_participants (page);
  GtkWidget *view = sigap_wilayah_page_get_participant_view (page);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  *out_times = (WilayahScrollTimes) { 0 };
  wilayah_timing_wait_participants (model);

  for (int step = 0; step <= SCROLL_STEPS; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) -
                     gtk_adjustment_get_page_size (adjustment);
      gint64 end = g_get_monotonic_time () + STEP_MS * 1000;

      gtk_adjustment_set_value (adjustment, upper * step / SCROLL_STEPS);
      while (g_get_monotonic_time () < end)
        {
          gint64 start = g_get_monotonic_time ();

          g_main_context_iteration (NULL, FALSE);
          out_times->worst_turn_us = MAX (out_times->worst_turn_us,
                                          g_get_monotonic_time () - start);
        }
    }
  wilayah_timing_wait_participants (model);

  out_times->n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  out_times->n_fetches = sigap_participant_model_get_n_fetches (model);
  out_times->max_fetch_us = sigap_participant_model_get_max_fetch_us (model);
  out_times->max_count_us = sigap_participant_model_get_max_count_us (model);
}
