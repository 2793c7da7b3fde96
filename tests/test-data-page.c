/* test-data-page.c: importing from the window, and the Data page (needs a display: xvfb-run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "app/sigap-application.h"
#include "app/sigap-data-page.h"
#include "app/sigap-window-private.h"
#include "app/sigap-window.h"
#include "core/sigap-database.h"
#include "core/sigap-format.h"
#include "core/sigap-import-log.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define SETTLE_TIMEOUT_S 60

static char *tmp_dir;
static char *demo_db;
static SigapApplication *app;

/* Three good lines; line 5 has a misspelt kelurahan, line 6 a NIK Excel turned into a number.
 * Line 2 is accepted with two notes: desil 7 and no KPJ number. */
static const char participants_csv[] =
  "nik;nama;kelurahan;sektor;tanggal_daftar;desil;no_kpj\n"
  "3275014101900901;Siti Aminah;Bekasijaya;Ojek Online;2025-11-05;7;\n"
  "3275010101850902;Budi Santoso;Margahayu;PKL;05/11/2025;2;12345678901\n"
  "3275014101900903;Ani Lestari;Bekasijaya;ojol;2025-11-05;3;22345678901\n"
  "3275014101900904;Joko;Bekasijya;ojol;2025-11-05;;\n"
  "3,27501E+15;Dewi;Margahayu;PKL;2025-11-05;;\n";

/* ---------------------------------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
import_finished (gpointer dialog)
{
  return sigap_import_dialog_get_finished (dialog);
}

static void
wait_finished (SigapImportDialog *dialog)
{
  sigap_test_wait_until (import_finished, dialog, SETTLE_TIMEOUT_S, "the import");
}

typedef struct
{
  gboolean  done;
  GError   *error;
} SaveWait;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveWait *wait = user_data;

  sigap_import_save_rejects_finish (result, &wait->error);
  wait->done = TRUE;
}

/* No label under @root shows 16 digits in a row: a whole NIK. */
static void
assert_no_whole_nik (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (root, GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);
      guint run = 0;

      for (const char *p = text; p != NULL && *p != '\0'; p++)
        {
          run = g_ascii_isdigit (*p) ? run + 1 : 0;
          if (run >= 16)
            g_error ("a whole NIK is shown: “%s”", text);
        }
    }
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = sigap_test_find_all (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0 &&
        gtk_widget_get_mapped (rows->pdata[i]))
      return rows->pdata[i];

  return NULL;
}

/* The label in @row's suffix, for the counts. */
static const char *
row_suffix_text (AdwActionRow *row)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  for (guint i = labels->len; i > 0; i--)
    {
      const char *text = gtk_label_get_text (labels->pdata[i - 1]);

      if (gtk_widget_get_visible (labels->pdata[i - 1]) && *text != '\0' &&
          g_strcmp0 (text, title) != 0)
        return text;
    }

  return NULL;
}

/* With SIGAP_TEST_PNG_DIR set, saves @widget as NAME.png there, to look at. */
static void
maybe_save_png (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("SIGAP_TEST_PNG_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  /* Drawn at least once. */
  {
    gboolean waited = FALSE;

    g_timeout_add (300, timeout_cb, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
    width = gtk_widget_get_width (widget);
    height = gtk_widget_get_height (widget);
  }

  if (width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static char *
write_csv (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

static char *
copy_demo (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (demo_db, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_steal_pointer (&path);
}

static SigapWindow *
open_window (const char *path)
{
  SigapWindow *window = sigap_window_new (app);

  sigap_window_set_persistent (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  sigap_window_open_database (window, path);
  gtk_window_present (GTK_WINDOW (window));
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  return window;
}

static void
core_flag_counts (const char *path,
                  gint64     *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (path, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);

  g_assert_no_error (error);
  g_assert_true (sigap_import_count_flags (db, counts, &error));
  g_assert_no_error (error);
}

/* The notes the page shows for @filter, counted by plain SQL from the notes themselves: those
 * of the participants registered by the as-of date in the scope and segment. */
static void
filter_flag_counts (const char        *path,
                    const SigapFilter *filter,
                    gint64            *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SigapDatabase) db = sigap_database_open (path, SIGAP_DATABASE_OPEN_READ_ONLY,
                                                     &error);
  g_autofree char *as_of = sigap_date_to_iso (&filter->as_of);
  const char *segment = sigap_segment_to_string (filter->segment);

  g_assert_no_error (error);
  for (int flag = 0; flag < SIGAP_PARTICIPANT_FLAG_N; flag++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM participant_flag f"
                                              " JOIN participant p ON p.id = f.participant_id"
                                              " JOIN sector s ON s.id = p.sector_id"
                                              " JOIN region k ON k.id = p.kelurahan_id"
                                              " WHERE f.kind = '%s' AND p.registered_on <= '%s'"
                                              " AND (k.code = '%s' OR k.code LIKE '%s.%%')"
                                              " AND ('%s' = 'all' OR s.segment = '%s')",
                                              sigap_participant_flag_to_string (flag), as_of,
                                              filter->scope, filter->scope, segment, segment);
      g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sigap_statement_step (stmt), ==, SIGAP_STEP_ROW);
      counts[flag] = sigap_statement_column_int64 (stmt, 0);
    }
}

static const char *
visible_page (SigapWindow *window)
{
  GtkWidget *page = sigap_window_get_page (window, "data");
  GtkWidget *stack = gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* ---------------------------------------------------------------------------------------- */

static void
test_import (void)
{
  g_autofree char *db_path = copy_demo ("import.sigap");
  g_autofree char *csv = write_csv ("peserta.csv", participants_csv);
  g_autofree char *rejects_path = g_build_filename (tmp_dir, "ditolak.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) rejects = g_file_new_for_path (rejects_path);
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (db_path));
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 before[SIGAP_PARTICIPANT_FLAG_N];
  gint64 after[SIGAP_PARTICIPANT_FLAG_N];
  gint64 on_page[SIGAP_PARTICIPANT_FLAG_N];
  const SigapImportBatch *batch;
  SigapImportDialog *dialog;
  SigapImportResult *result;
  SigapDataPage *page;
  AdwActionRow *row;
  GPtrArray *batches;

  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_true (sigap_window_has_page (window, "data"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  core_flag_counts (db_path, before);

  /* The import, in the dialog's worker. */
  dialog = _sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS);
  g_assert_nonnull (dialog);
  g_assert_true (_sigap_window_get_import_dialog (window) == dialog);
  wait_finished (dialog);

  g_assert_null (sigap_import_dialog_get_error (dialog));
  result = sigap_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpint (result->read, ==, 5);
  g_assert_cmpint (result->added, ==, 3);
  g_assert_cmpint (result->rejected, ==, 2);
  g_assert_cmpint (result->flagged, ==, 1);

  /* The summary: counts, the first rejected lines, nothing personal. */
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Line 5 · kelurahan"));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Line 6 · nik"));
  g_assert_cmpstr (row_suffix_text (find_row (GTK_WIDGET (dialog), "Added")), ==, "3");
  g_assert_cmpstr (row_suffix_text (find_row (GTK_WIDGET (dialog), "Rejected")), ==, "2");
  assert_no_whole_nik (GTK_WIDGET (dialog));
  maybe_save_png (GTK_WIDGET (dialog), "import-summary");

  /* The window reloads the database and turns to the Data page. */
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_window_get_state (window), ==, "dashboard");
  g_assert_cmpstr (visible_page (window), ==, "data");
  page = SIGAP_DATA_PAGE (sigap_window_get_page (window, "data"));
  batches = sigap_data_page_get_batches (page);
  g_assert_nonnull (batches);
  g_assert_cmpuint (batches->len, >=, 2);
  batch = g_ptr_array_index (batches, 0);
  g_assert_cmpint (batch->id, ==, result->batch_id);
  g_assert_cmpstr (batch->kind, ==, "participants");
  g_assert_cmpstr (batch->file_name, ==, "peserta.csv");
  g_assert_cmpint (batch->read, ==, 5);
  g_assert_cmpint (batch->added, ==, 3);
  g_assert_cmpint (batch->updated, ==, 0);
  g_assert_cmpint (batch->unchanged, ==, 0);
  g_assert_cmpint (batch->rejected, ==, 2);
  g_assert_cmpint (batch->flagged, ==, 1);

  row = find_row (GTK_WIDGET (page), "peserta.csv");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row),
                            "Read 5 · Added 3 · Updated 0 · Unchanged 0 · Rejected 2 · "
                            "Flagged 1"));

  /* The flags: one more with desil 7, one more without a KPJ number. */
  core_flag_counts (db_path, after);
  g_assert_cmpint (after[SIGAP_PARTICIPANT_FLAG_DESIL], ==,
                   before[SIGAP_PARTICIPANT_FLAG_DESIL] + 1);
  g_assert_cmpint (after[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING], ==,
                   before[SIGAP_PARTICIPANT_FLAG_KPJ_MISSING] + 1);
  /* The page counts the notes of the window's filter. */
  filter_flag_counts (db_path, sigap_page_get_filter (SIGAP_PAGE (page)), on_page);
  for (int flag = 0; flag < SIGAP_PARTICIPANT_FLAG_N; flag++)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, on_page[flag]);

      g_assert_cmpint (sigap_data_page_get_flag_count (page, flag), ==, on_page[flag]);
      row = find_row (GTK_WIDGET (page), sigap_participant_flag_get_label (flag));
      g_assert_nonnull (row);
      if (on_page[flag] < 1000)
        g_assert_cmpstr (row_suffix_text (row), ==, count);
    }
  assert_no_whole_nik (GTK_WIDGET (window));
  maybe_save_png (GTK_WIDGET (window), "data-overview");

  /* Drill to the lines of a flag: masked NIKs, with the detail. */
  row = find_row (GTK_WIDGET (page), sigap_participant_flag_get_label (SIGAP_PARTICIPANT_FLAG_DESIL));
  g_signal_emit_by_name (row, "activated");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_data_page_get_view (page), ==, "flags");
  {
    g_autoptr(GPtrArray) rows = sigap_test_find_all (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);
    guint shown = 0;

    for (guint i = 0; i < rows->len; i++)
      if (gtk_widget_get_mapped (rows->pdata[i]))
        {
          const char *title = adw_preferences_row_get_title (rows->pdata[i]);

          if (strstr (title, "********") == NULL)
            g_error ("not a masked NIK: “%s”", title);
          shown++;
        }
    g_assert_cmpuint (shown, ==, MIN (on_page[SIGAP_PARTICIPANT_FLAG_DESIL], 100));
  }
  assert_no_whole_nik (GTK_WIDGET (window));
  maybe_save_png (GTK_WIDGET (window), "data-flags");

  /* The rejected lines of the batch. */
  sigap_data_page_show_overview (page);
  row = find_row (GTK_WIDGET (page), "peserta.csv");
  g_signal_emit_by_name (row, "activated");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpstr (sigap_data_page_get_view (page), ==, "rejections");
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Line 5 · kelurahan"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Line 6 · nik"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row (GTK_WIDGET (page),
                                                                   "Line 6 · nik")),
                            "Excel"));
  /* And which lines were accepted with a note (issue 13): line 2, desil 7, no KPJ number. */
  g_assert_nonnull (find_row (GTK_WIDGET (page), "Line 2 · note"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row (GTK_WIDGET (page),
                                                                   "Line 2 · note")),
                            "Desil 7"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  assert_no_whole_nik (GTK_WIDGET (window));
  maybe_save_png (GTK_WIDGET (window), "data-rejections");

  /* "Save rejected lines…": the original lines, with the line number and the reason. */
  {
    SaveWait wait = { FALSE, NULL };

    sigap_import_save_rejects_async (db_path, batch->id, rejects, NULL, saved_cb, &wait);
    sigap_test_wait_for (&wait.done, SETTLE_TIMEOUT_S, "saving the rejected lines");
    error = wait.error;
  }
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (rejects_path, &saved, NULL, NULL));
  g_assert_true (g_str_has_prefix (saved, "\xEF\xBB\xBF" "baris;alasan_ditolak;nik;nama;"));
  lines = g_strsplit (saved, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two lines, "" */
  g_assert_true (g_str_has_prefix (lines[1], "5;"));
  g_assert_nonnull (strstr (lines[1], "kelurahan: "));
  g_assert_nonnull (strstr (lines[1], "3275014101900904;Joko;Bekasijya"));
  g_assert_true (g_str_has_prefix (lines[2], "6;"));
  g_assert_nonnull (strstr (lines[2], "3,27501E+15;Dewi"));
  g_assert_cmpstr (lines[3], ==, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
imported_cb (SigapImportDialog *dialog,
             gpointer           user_data)
{
  (*(int *) user_data)++;
}

/* The same file again changes nothing, and the window does not reload. */
static void
test_import_twice (void)
{
  g_autofree char *db_path = copy_demo ("twice.sigap");
  g_autofree char *csv = write_csv ("twice.csv", participants_csv);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (db_path));
  SigapImportDialog *dialog;
  SigapImportResult *result;
  int imported = 0;

  dialog = _sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  wait_finished (dialog);
  g_assert_cmpint (imported, ==, 1);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);

  dialog = _sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS);
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  wait_finished (dialog);
  result = sigap_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_true (result->already_imported);
  g_assert_cmpint (imported, ==, 1);
  maybe_save_png (GTK_WIDGET (dialog), "import-again");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Without a kind, the dialog asks, with its guess; nothing runs. */
  dialog = _sigap_window_import_file (window, file, -1);
  g_assert_nonnull (dialog);
  g_assert_false (sigap_import_dialog_get_running (dialog));
  maybe_save_png (GTK_WIDGET (dialog), "import-kind");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (_sigap_window_get_import_dialog (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* What the window's drop target does with the files dropped on it. */
static gboolean
drop_files (SigapWindow *window,
            GFile       *first,
            GFile       *second)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_autoptr(GSList) files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;

  g_assert_nonnull (target);
  files = g_slist_append (files, first);
  if (second != NULL)
    files = g_slist_append (files, second);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  g_value_unset (&value);

  return taken;
}

/* A CSV file dropped on the window opens the import dialog for it, with the kind guessed
 * from its header; other files are refused. */
static void
test_import_drop (void)
{
  g_autofree char *db_path = copy_demo ("drop.sigap");
  g_autofree char *csv = write_csv ("dropped.CSV", participants_csv);
  g_autofree char *text = write_csv ("notes.txt", "nik,nama\n");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (db_path));
  SigapImportDialog *dialog;

  g_assert_false (drop_files (window, text_file, NULL));
  g_assert_null (_sigap_window_get_import_dialog (window));

  /* The first CSV among the files dropped. */
  g_assert_true (drop_files (window, text_file, csv_file));
  dialog = _sigap_window_get_import_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_false (sigap_import_dialog_get_running (dialog));
  g_assert_cmpint (sigap_import_dialog_get_kind (dialog), ==, SIGAP_IMPORT_PARTICIPANTS);
  g_assert_cmpstr (sigap_import_dialog_get_db_path (dialog), ==, db_path);

  /* Another drop replaces a dialog that has not started (held here, so that the new one
   * cannot be given the old one's address). */
  g_object_ref (dialog);
  g_assert_true (drop_files (window, csv_file, NULL));
  g_assert_nonnull (_sigap_window_get_import_dialog (window));
  g_assert_true (_sigap_window_get_import_dialog (window) != dialog);
  g_object_unref (dialog);

  gtk_window_destroy (GTK_WINDOW (_sigap_window_get_import_dialog (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

#if !defined (__SANITIZE_ADDRESS__)
/* Import CSV… (win.import) asks for a file with a chooser that offers CSV files first;
 * choosing one opens the import dialog, cancelling opens nothing. */
static void
import_through_chooser (void)
{
  g_autofree char *db_path = copy_demo ("chooser.sigap");
  g_autofree char *csv = write_csv ("chosen.csv", participants_csv);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (db_path));
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) first = NULL;

  /* Cancelled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  chooser = GTK_FILE_CHOOSER (window->import_chooser);
  g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  first = g_list_model_get_item (filters, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "CSV files");
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (window->import_chooser);
  g_assert_null (_sigap_window_get_import_dialog (window));

  /* A file chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  chooser = GTK_FILE_CHOOSER (window->import_chooser);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  /* The chooser selects the file once it has read the folder. */
  {
    gint64 end = g_get_monotonic_time () + SETTLE_TIMEOUT_S * G_USEC_PER_SEC;
    g_autoptr(GFile) chosen = NULL;

    while ((chosen = gtk_file_chooser_get_file (chooser)) == NULL &&
           g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (chosen);
    g_assert_true (g_file_equal (chosen, file));
  }
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (window->import_chooser);
  g_assert_nonnull (_sigap_window_get_import_dialog (window));
  g_assert_cmpint (sigap_import_dialog_get_kind (_sigap_window_get_import_dialog (window)), ==,
                   SIGAP_IMPORT_PARTICIPANTS);

  gtk_window_destroy (GTK_WINDOW (_sigap_window_get_import_dialog (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}
#endif

static void
test_import_chooser (void)
{
#if defined (__SANITIZE_ADDRESS__)
  /* GTK's own file chooser dialog (there is no portal here) loads libcloudproviders, which
   * leaks what it reads from the session bus; LeakSanitizer's short stacks cannot tell that
   * from a leak of ours. The build without sanitizers runs this test. */
  g_test_skip ("GTK's file chooser dialog leaks outside sigap under LeakSanitizer");
#else
  import_through_chooser ();
#endif
}

/* Cancel rolls the import back: the database keeps its batches. */
static void
test_import_cancel (void)
{
  g_autofree char *db_path = copy_demo ("cancel.sigap");
  g_autoptr(GString) big = g_string_new ("nik;nama;kelurahan;sektor;tanggal_daftar\n");
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SigapWindow) window = g_object_ref_sink (open_window (db_path));
  SigapDataPage *page = SIGAP_DATA_PAGE (sigap_window_get_page (window, "data"));
  SigapImportDialog *dialog;
  guint n_batches;

  sigap_window_set_page (window, "data");
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  n_batches = sigap_data_page_get_batches (page)->len;

  for (int i = 0; i < 50000; i++)
    g_string_append_printf (big, "32750141019%05d;Nama %d;Bekasijaya;PKL;2025-11-05\n", i, i);
  csv = write_csv ("besar.csv", big->str);
  file = g_file_new_for_path (csv);

  /* Held: the dialog goes away once closed. */
  dialog = g_object_ref (_sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS));
  g_assert_true (sigap_import_dialog_get_running (dialog));
  /* A second import while one runs brings the first forward. */
  g_assert_null (_sigap_window_import_file (window, file, SIGAP_IMPORT_PARTICIPANTS));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  wait_finished (dialog);
  g_assert_error (sigap_import_dialog_get_error (dialog), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (sigap_import_dialog_get_result (dialog));
  /* Closed once the worker had rolled back. */
  g_assert_null (_sigap_window_get_import_dialog (window));

  sigap_window_open_database (window, db_path);
  sigap_test_wait_settled (window, SETTLE_TIMEOUT_S);
  g_assert_cmpuint (sigap_data_page_get_batches (page)->len, ==, n_batches);

  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_guess_kind (void)
{
  const struct { const char *header; int kind; } cases[] = {
    { "nik;nama;kelurahan;sektor;tanggal_daftar", SIGAP_IMPORT_PARTICIPANTS },
    { "No. NIK,Nama Lengkap,Desa/Kelurahan,Jenis Pekerjaan,Tgl Daftar",
      SIGAP_IMPORT_PARTICIPANTS },
    { "tahun\tsegmen\tkode_wilayah\tsasaran", SIGAP_IMPORT_TARGETS },
    { "Tahun;Segmen;Sumber Dana;Pagu", SIGAP_IMPORT_BUDGET },
    { "tanggal_bayar,nomor_sp2d,segmen,sumber_dana,periode_awal,periode_akhir,"
      "jumlah_peserta,nilai", SIGAP_IMPORT_PAYMENTS },
    { "foo,bar,baz", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SigapImportKind kind;
      gboolean found = sigap_import_guess_kind (cases[i].header, &kind);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (found, ==, cases[i].kind >= 0);
      if (found)
        g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

static void
test_mask_digits (void)
{
  g_autofree char *masked = sigap_import_mask_digits ("NIK 3275014101900901 twice 1234");
  g_autofree char *plain = sigap_import_mask_digits ("Line 12: desil 11");

  g_assert_cmpstr (masked, ==, "NIK 3275********0901 twice 1234");
  g_assert_cmpstr (plain, ==, "Line 12: desil 11");
  g_assert_null (sigap_import_mask_digits (NULL));
}

/* ---------------------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-data-page-XXXXXX", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* The page's views slide: without animations, only the one shown is mapped. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  demo_db = sigap_test_make_demo_db (tmp_dir, 2000);

  app = sigap_test_register_app ();

  g_test_add_func ("/sigap/data-page/mask-digits", test_mask_digits);
  g_test_add_func ("/sigap/data-page/guess-kind", test_guess_kind);
  g_test_add_func ("/sigap/data-page/import", test_import);
  g_test_add_func ("/sigap/data-page/import-twice", test_import_twice);
  g_test_add_func ("/sigap/data-page/import-cancel", test_import_cancel);
  g_test_add_func ("/sigap/data-page/import-drop", test_import_drop);
  g_test_add_func ("/sigap/data-page/import-chooser", test_import_chooser);

  status = g_test_run ();

  g_clear_object (&app);
  sigap_test_remove_tree (tmp_dir);
  g_free (demo_db);
  g_free (tmp_dir);

  return status;
}
