/* test-window-table-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export to Excel…" on each table's menu (issue 13): the chart cards and tables of the
 * Ringkasan, Anggaran and Wilayah pages carry a menu whose item names the table and the scope
 * it shows; the item's action, answered in the file chooser, writes that one table. The
 * workbooks are read back by check-table-export.py (openpyxl), which compares the context
 * block and the figures with `sigap summary`, plain SQL and what the page's table showed, and
 * checks that a text starting with "=" stays a string. The participants of a kelurahan: NIKs
 * masked, 0600, recorded; refused on a database open read-only.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "app/sigap-wilayah-page.h"
#include "app/sigap-window-private.h"
#include "core/sigap-format.h"
#include "report/sigap-export.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

static SigapApplication *app;
static char *tmp_dir;
static char *demo_db;
static char *kelurahan;   /* the kelurahan with the participant named "=1+2" */

/* ---------------------------------------------------------------------------------------- */

static void
sql_exec (const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (demo_db, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >=, 1);
  sqlite3_close (db);
}

static char *
sql_text (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (demo_db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Text that a spreadsheet would run: a participant's name and an SP2D's funding source. */
static void
plant_formulas (void)
{
  kelurahan = sql_text ("SELECT k.code FROM participant p JOIN region k ON k.id = p.kelurahan_id "
                        "JOIN sector s ON s.id = p.sector_id WHERE s.segment = 'rentan' "
                        "GROUP BY k.code ORDER BY count (*) DESC, k.code LIMIT 1");
  {
    g_autofree char *sql = g_strdup_printf (
      "UPDATE participant SET name = '=1+2' WHERE id = "
      "(SELECT p.id FROM participant p JOIN region k ON k.id = p.kelurahan_id "
      " JOIN sector s ON s.id = p.sector_id "
      " WHERE k.code = '%s' AND s.segment = 'rentan' "
      " AND p.registered_on <= (SELECT value FROM sigap_meta WHERE key = 'data_cutoff') "
      " ORDER BY p.id LIMIT 1)", kelurahan);

    sql_exec (sql);
  }
  sql_exec ("UPDATE payment SET funding_source = '=SUM(A1:A9)' WHERE id = "
            "(SELECT id FROM payment WHERE segment = 'rentan' "
            " AND paid_on <= (SELECT value FROM sigap_meta WHERE key = 'data_cutoff') "
            " ORDER BY paid_on DESC LIMIT 1)");
}

/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  GtkMenuButton *button;
  char          *key;
  char          *scope;
} TableMenu;

static void
table_menu_free (TableMenu *menu)
{
  g_free (menu->key);
  g_free (menu->scope);
  g_free (menu);
}

/* The menu buttons under @root whose first item exports a table, with the table and scope. */
static GPtrArray *
find_table_menus (GtkWidget *root,
                  gboolean   visible_only)
{
  g_autoptr(GPtrArray) buttons = sigap_test_find_all (root, GTK_TYPE_MENU_BUTTON);
  GPtrArray *menus = g_ptr_array_new_with_free_func ((GDestroyNotify) table_menu_free);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      GMenuModel *model = gtk_menu_button_get_menu_model (button);
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GVariant) target = NULL;
      TableMenu *menu;

      if (model == NULL || g_menu_model_get_n_items (model) == 0 ||
          (visible_only && !gtk_widget_get_visible (GTK_WIDGET (button))))
        continue;
      if (!g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          g_strcmp0 (action, "win.export-table") != 0)
        continue;

      g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_LABEL, "s",
                                                      &label));
      g_assert_cmpstr (label, ==, "Export to _Excel…");
      target = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE ("(ss)"));
      g_assert_nonnull (target);
      menu = g_new0 (TableMenu, 1);
      menu->button = button;
      g_variant_get (target, "(ss)", &menu->key, &menu->scope);
      g_ptr_array_add (menus, menu);
    }
  return menus;
}

static const TableMenu *
find_menu (GPtrArray  *menus,
           const char *key)
{
  for (guint i = 0; i < menus->len; i++)
    {
      const TableMenu *menu = menus->pdata[i];

      if (g_strcmp0 (menu->key, key) == 0)
        return menu;
    }
  g_error ("no menu exports “%s”", key);
  return NULL;
}

static gboolean
has_menu (GPtrArray  *menus,
          const char *key)
{
  for (guint i = 0; i < menus->len; i++)
    if (g_strcmp0 (((TableMenu *) menus->pdata[i])->key, key) == 0)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------------------------- */

typedef struct
{
  SigapWindow *window;
  const char  *path;
} ExportWait;

static gboolean
export_done (gpointer data)
{
  ExportWait *wait = data;

  return !wait->window->export_running;
}

#ifndef __SANITIZE_ADDRESS__
typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserWait;

/* The chooser reads its new folder in the background and may put its suggested name back
 * when that is done, later on a loaded machine: the name is given again until it answers
 * with the file. */
static gboolean
chooser_has_file (gpointer data)
{
  ChooserWait *wait = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (wait->chooser);
  g_autofree char *name = NULL;

  if (file != NULL && g_file_equal (file, wait->file))
    return TRUE;

  name = g_file_get_basename (wait->file);
  gtk_file_chooser_set_current_name (wait->chooser, name);
  return FALSE;
}
#endif

/* Exports what @menu's item names, as a person would: the action, then the file chooser's
 * answer. Under AddressSanitizer the chooser is left out and the export started as its answer
 * starts it: GTK's fallback file chooser dialog (libcloudproviders, GIO's file monitors)
 * keeps memory LeakSanitizer cannot tell from ours through Debian's frame-pointer-less
 * stacks. */
static void
export_from_menu (SigapWindow     *window,
                  const TableMenu *menu,
                  const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ExportWait wait = { window, path };
#ifndef __SANITIZE_ADDRESS__
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkFileChooserNative *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-table", "(ss)",
                                             menu->key, menu->scope));
  chooser = window->export_chooser;
  g_assert_nonnull (chooser);
  {
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    /* The file says what it holds. */
    g_assert_true (g_str_has_prefix (suggested, "sigap-"));
    g_assert_nonnull (strstr (suggested, menu->key));
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* The chooser reads the folder before it answers with a file in it. */
  {
    ChooserWait chooser_wait = { GTK_FILE_CHOOSER (chooser), file };

    sigap_test_wait_until (chooser_has_file, &chooser_wait, SETTLE_TIMEOUT_S,
                           "the file chooser");
  }
  g_object_ref (chooser);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
  g_assert_null (window->export_chooser);
#else
  SigapExportTable table;

  g_assert_true (sigap_export_table_from_string (menu->key, &table));
  _sigap_window_export_table_to (window, table, menu->scope, file);
#endif

  g_assert_true (window->export_running);
  sigap_test_wait_until (export_done, &wait, SETTLE_TIMEOUT_S, "the table's export");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Reads the workbook back with openpyxl; SKIPs without it. */
static void
check_workbook (SigapWindow *window,
                const char  *path,
                const char  *key,
                const char  *scope,
                const char  *shown)
{
  const char *python = g_getenv ("SIGAP_EXPORT_PYTHON");
  const char *script = g_getenv ("SIGAP_CHECK_TABLE_EXPORT");
  const SigapFilter *filter = sigap_window_get_filter (window);
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    python, script, path, key, demo_db, as_of, sigap_segment_to_string (filter->segment),
    scope, shown, NULL,
  };
  int status = 0;

  if (python == NULL || *python == '\0' || script == NULL)
    {
      g_test_skip ("no python3 with openpyxl to read the workbook");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-table-export.py %s failed:\n%s%s", key, out, err);
}

static SigapWindow *
open_window (void)
{
  SigapWindow *window = g_object_ref_sink (sigap_window_new (app));

  sigap_window_set_persistent (window, FALSE);
  sigap_window_open_database (window, demo_db);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  return window;
}

/* ---------------------------------------------------------------------------------------- */

/* Every chart card and table of the pages has the menu, for the table it shows. */
static void
test_menus (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  g_autoptr(GPtrArray) overview = NULL;
  g_autoptr(GPtrArray) budget = NULL;
  g_autoptr(GPtrArray) wilayah = NULL;
  g_autoptr(GPtrArray) data = NULL;

  overview = find_table_menus (sigap_window_get_page (window, "ringkasan"), TRUE);
  g_assert_cmpuint (overview->len, ==, 5);
  for (guint i = 0; i < overview->len; i++)
    g_assert_cmpstr (((TableMenu *) overview->pdata[i])->scope, ==, "");
  g_assert_true (has_menu (overview, "monthly"));
  g_assert_true (has_menu (overview, "figures"));
  g_assert_true (has_menu (overview, "sector"));
  g_assert_true (has_menu (overview, "desil"));

  budget = find_table_menus (sigap_window_get_page (window, "anggaran"), TRUE);
  g_assert_cmpuint (budget->len, ==, 3);
  g_assert_true (has_menu (budget, "monthly"));
  g_assert_true (has_menu (budget, "budget"));
  g_assert_true (has_menu (budget, "payments"));

  /* Wilayah at the city: the kecamatan (table and bars) and sector × kecamatan. */
  g_assert_true (sigap_window_set_page (window, "wilayah"));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  wilayah = find_table_menus (sigap_window_get_page (window, "wilayah"), TRUE);
  g_assert_cmpuint (wilayah->len, ==, 3);
  g_assert_cmpstr (find_menu (wilayah, "kecamatan")->scope, ==, SIGAP_CITY_CODE);
  g_assert_cmpstr (find_menu (wilayah, "sector-by-area")->scope, ==, SIGAP_CITY_CODE);
  g_assert_false (has_menu (wilayah, "participants"));

  /* At a kelurahan: its sector and desil mix and its participants, at that kelurahan. */
  sigap_wilayah_page_drill (SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah")),
                            kelurahan);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_clear_pointer (&wilayah, g_ptr_array_unref);
  wilayah = find_table_menus (sigap_window_get_page (window, "wilayah"), TRUE);
  g_assert_cmpuint (wilayah->len, ==, 3);
  g_assert_cmpstr (find_menu (wilayah, "sector")->scope, ==, kelurahan);
  g_assert_cmpstr (find_menu (wilayah, "desil")->scope, ==, kelurahan);
  g_assert_cmpstr (find_menu (wilayah, "participants")->scope, ==, kelurahan);
  g_assert_false (has_menu (wilayah, "kecamatan"));

  /* The Data page: the data-quality notes, for the window's filter. */
  data = find_table_menus (sigap_window_get_page (window, "data"), FALSE);
  g_assert_cmpuint (data->len, ==, 1);
  g_assert_cmpstr (find_menu (data, "quality")->scope, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Wilayah page's table at the city: the kecamatan, as the page shows them. */
static void
test_export_areas (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  g_autoptr(GPtrArray) menus = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "kecamatan.xlsx", NULL);
  g_autofree char *shown_path = g_build_filename (tmp_dir, "kecamatan-shown.json", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  SigapWilayahPage *page;
  const TableMenu *menu;

  g_assert_true (sigap_window_set_page (window, "wilayah"));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  page = SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah"));
  menus = find_table_menus (GTK_WIDGET (page), TRUE);
  menu = find_menu (menus, "kecamatan");

  /* What the table shows, the total row aside. */
  json_builder_begin_array (builder);
  for (guint i = 0; i < sigap_wilayah_page_get_n_table_rows (page); i++)
    {
      gboolean is_total = FALSE;
      const SigapBreakdownRow *row = sigap_wilayah_page_get_table_row (page, i, &is_total);

      if (is_total)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, row->code);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      json_builder_set_member_name (builder, "registered");
      json_builder_add_int_value (builder, row->registered);
      json_builder_set_member_name (builder, "active");
      json_builder_add_int_value (builder, row->active);
      json_builder_set_member_name (builder, "target");
      json_builder_add_int_value (builder, row->target);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, shown_path, NULL));

  export_from_menu (window, menu, path);
  check_workbook (window, path, menu->key, menu->scope, shown_path);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Anggaran page's SP2D list: a funding source starting with "=" stays text. */
static void
test_export_payments (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  g_autoptr(GPtrArray) menus = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "sp2d.xlsx", NULL);
  const TableMenu *menu;

  g_assert_true (sigap_window_set_page (window, "anggaran"));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  menus = find_table_menus (sigap_window_get_page (window, "anggaran"), TRUE);
  menu = find_menu (menus, "payments");

  export_from_menu (window, menu, path);
  check_workbook (window, path, menu->key, SIGAP_CITY_CODE, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A kelurahan's participants: masked, private, recorded; a name "=1+2" stays text. */
static void
test_export_participants (void)
{
  g_autoptr(SigapWindow) window = open_window ();
  g_autoptr(GPtrArray) menus = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "peserta.xlsx", NULL);
  const TableMenu *menu;

  g_assert_true (sigap_window_set_page (window, "wilayah"));
  sigap_wilayah_page_drill (SIGAP_WILAYAH_PAGE (sigap_window_get_page (window, "wilayah")),
                            kelurahan);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  menus = find_table_menus (sigap_window_get_page (window, "wilayah"), TRUE);
  menu = find_menu (menus, "participants");
  g_assert_cmpstr (menu->scope, ==, kelurahan);

  export_from_menu (window, menu, path);
  check_workbook (window, path, menu->key, menu->scope, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Not for a database open read-only: nothing written, and the reason given. */
static void
test_participants_read_only (void)
{
  g_autoptr(SigapDatabase) db = NULL;
  g_autoptr(SigapFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GDate cutoff;
  g_autofree char *path = g_build_filename (tmp_dir, "viewer.xlsx", NULL);
  g_autofree char *before = sql_text ("SELECT count (*) FROM sigap_meta");
  g_autofree char *after = NULL;

  db = sigap_database_open (demo_db, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (sigap_database_get_cutoff (db, &cutoff));
  filter = sigap_filter_new (&cutoff, kelurahan, SIGAP_SEGMENT_RENTAN);

  g_assert_false (sigap_export_write_table (db, filter, SIGAP_LANG_EN,
                                            SIGAP_EXPORT_TABLE_PARTICIPANTS, path, NULL, &error));
  g_assert_error (error, SIGAP_EXPORT_ERROR, SIGAP_EXPORT_ERROR_NOT_OPERATOR);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The aggregates are anyone's. */
  g_assert_true (sigap_export_write_table (db, filter, SIGAP_LANG_EN, SIGAP_EXPORT_TABLE_PAYMENTS,
                                           path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sigap_export_write_table (db, filter, SIGAP_LANG_EN, SIGAP_EXPORT_TABLE_SECTOR,
                                           path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  after = sql_text ("SELECT count (*) FROM sigap_meta");
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-window-table-export-XXXXXX", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 2000);
  plant_formulas ();
  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/window/table-export/menus", test_menus);
  g_test_add_func ("/sigap/window/table-export/areas", test_export_areas);
  g_test_add_func ("/sigap/window/table-export/payments", test_export_payments);
  g_test_add_func ("/sigap/window/table-export/participants", test_export_participants);
  g_test_add_func ("/sigap/window/table-export/read-only", test_participants_read_only);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (kelurahan);
  g_free (demo_db);
  g_free (tmp_dir);
  return status;
}
