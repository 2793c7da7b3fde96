/* test-window-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export to Excel…" in the window (issue 13): the action is there only with figures to
 * export, and it writes the workbook of the current filter in a worker while the window
 * stays responsive. The workbook's contents are checked by the `export` test (openpyxl).
 * And the Preferences window: the languages of the window and of the briefing.
 */

#define _GNU_SOURCE  /* memmem */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app/sigap-preferences-window.h"
#include "app/sigap-window-private.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

static SigapApplication *app;
static char *tmp_dir;
static char *demo_db;

typedef struct
{
  SigapWindow *window;
  const char  *path;
} ExportWait;

static gboolean
export_done (gpointer data)
{
  ExportWait *wait = data;

  return !wait->window->export_running &&
         g_file_test (wait->path, G_FILE_TEST_EXISTS);
}

static void
test_export_to_excel (void)
{
  g_autoptr(SigapWindow) window = g_object_ref_sink (sigap_window_new (app));
  g_autoptr(SigapFilter) filter = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "angka.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gsize length = 0;
  ExportWait wait = { window, path };

  /* Nothing to export before a database is open. */
  sigap_window_set_persistent (window, FALSE);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-excel", NULL) &&
                  window->export_chooser != NULL);

  sigap_window_open_database (window, demo_db);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  filter = sigap_filter_copy (sigap_window_get_filter (window));
  g_free (filter->scope);
  filter->scope = g_strdup ("32.75.03");
  sigap_window_set_filter (window, filter);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  _sigap_window_export_to (window, file);
  g_assert_true (window->export_running);
  sigap_test_wait_until (export_done, &wait, SETTLE_TIMEOUT_S, "the export");

  /* A zip of the workbook's parts: a sheet for each table, data quality the last. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
  g_assert_nonnull (memmem (contents, length, "xl/worksheets/sheet10.xml", 25));
  g_assert_null (memmem (contents, length, "xl/worksheets/sheet11.xml", 25));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) rows = NULL;
  SigapPreferencesWindow *window;
  AdwComboRow *interface_row = NULL, *report_row = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  g_settings_set_string (settings, "interface-language", "system");
  g_settings_set_string (settings, "report-language", "id");
  window = sigap_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));

  rows = sigap_test_find_all (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (rows->pdata[i]);

      if (g_strcmp0 (title, "Window language") == 0)
        interface_row = rows->pdata[i];
      else if (g_strcmp0 (title, "Briefing language") == 0)
        report_row = rows->pdata[i];
    }
  g_assert_nonnull (interface_row);
  g_assert_nonnull (report_row);
  /* The window's language needs a restart, and says so. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (interface_row)),
                            "started again"));
  g_assert_cmpuint (adw_combo_row_get_selected (interface_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (report_row), ==, 0);

  adw_combo_row_set_selected (interface_row, 1);
  adw_combo_row_set_selected (report_row, 1);
  {
    g_autofree char *interface = g_settings_get_string (settings, "interface-language");
    g_autofree char *report = g_settings_get_string (settings, "report-language");

    g_assert_cmpstr (interface, ==, "id");
    g_assert_cmpstr (report, ==, "en");
  }

  /* At the next start the window speaks Indonesian, whatever the desktop says. */
  g_setenv ("LANGUAGE", "en_US:en", TRUE);
  sigap_preferences_apply_language ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "id");

  g_settings_set_string (settings, "interface-language", "system");
  g_setenv ("LANGUAGE", "en_US:en", TRUE);
  sigap_preferences_apply_language ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en_US:en");

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-window-export-XXXXXX", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 2000);
  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/window/export-excel", test_export_to_excel);
  g_test_add_func ("/sigap/window/preferences", test_preferences);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);
  return status;
}
