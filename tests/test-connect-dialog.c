/* test-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Connect to Server…" (issue 11): the dialog's fields; a server that is down, a wrong
 * password, a missing database and a schema newer than the app each give one line without the
 * password, and Retry; a real server (SIGAP_TEST_PG) with a role, a password and a database
 * whose names hold @ / : spaces and non-ASCII is opened, the window's header says "DATABASE on
 * HOST", the connection goes to the recent servers, and the password is in no file of the
 * test's XDG folders (the settings are written to a key file there, to be looked at).
 *
 * The recent servers are listed in the window's main menu as "DATABASE on HOST", at most as
 * many as the dialog keeps, never with a password; picking one that cannot be reached shows
 * the dialog, filled in, with the reason.
 *
 * The dialog is drawn to connect-dialog.png in the build dir, to look at.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <libpq-fe.h>
#include <string.h>

#include "app/sigap-connect-dialog.h"
#include "app/sigap-recent-servers.h"
#include "app/sigap-window-private.h"
#include "core/sigap-connection.h"
#include "sigap-test-server.h"
#include "sigap-test-util.h"
#include "sigap-test-window.h"

#define TIMEOUT_S 60

static SigapApplication *app;
static char *tmp_dir;
static GTestDBus *bus;           /* the test's own session bus */
static const char *server_uri;
static char *admin_password;   /* PGPASSWORD, taken out of the environment */

static void
admin_exec (const char *sql)
{
  const char *keywords[] = { "dbname", "password", NULL };
  const char *values[] = { server_uri, admin_password, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to SIGAP_TEST_PG: %s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* As admin_exec (), in database @dbname. */
static void
admin_exec_in (const char *dbname,
               const char *sql)
{
  const char *keywords[] = { "dbname", "dbname", "password", NULL };
  const char *values[] = { server_uri, dbname, admin_password, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to %s: %s", dbname, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

static char *
quote_ident (const char *name)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
quote_literal (const char *text)
{
  g_autoptr(GString) out = g_string_new ("'");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- The dialog's widgets --------------------------------------------------------------- */

static AdwEntryRow *
find_row (SigapConnectDialog *dialog,
          const char         *title)
{
  g_autoptr(GPtrArray) rows = sigap_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), g_dgettext (GETTEXT_PACKAGE, title)) == 0)
        return ADW_ENTRY_ROW (row);
    }

  g_error ("No row “%s” in the dialog", title);
  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *action)
{
  g_autoptr(GPtrArray) buttons = sigap_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static void
fill (SigapConnectDialog *dialog,
      const char         *host,
      const char         *port,
      const char         *database,
      const char         *user,
      const char         *password)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "_Host")), host);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "_Port")), port);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "_Database")), database);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "_User")), user);
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Pass_word")), password);
}

static gboolean
not_connecting (gpointer data)
{
  return !sigap_connect_dialog_get_connecting (data);
}

typedef struct
{
  gboolean  done;
  char     *uri;
  gboolean  keyring_failed;
  gboolean  database_left;   /* the window did not take the database the dialog opened */
} Connected;

static void
connected_cb (SigapConnectDialog *dialog,
              const char         *uri,
              gboolean            keyring_failed,
              Connected          *connected)
{
  g_autoptr(SigapDatabase) db = sigap_connect_dialog_take_database (dialog);

  connected->done = TRUE;
  connected->uri = g_strdup (uri);
  connected->keyring_failed = keyring_failed;
  /* The window's handler ran first: it took the database to show it, not to open it again. */
  connected->database_left = db != NULL;
}

/* Connects with the fields as they are; returns the one-line failure, or NULL when the
 * dialog connected (then @connected says to what). */
static char *
press_connect (SigapConnectDialog *dialog,
               Connected          *connected)
{
  GtkButton *button = find_button (GTK_WIDGET (dialog), "connect.connect");

  g_assert_nonnull (button);
  g_object_ref (dialog);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (sigap_connect_dialog_get_connecting (dialog));
  sigap_test_wait_until (not_connecting, dialog, TIMEOUT_S, "connecting");
  /* Storing the password in the keyring may follow. */
  while (connected != NULL && !connected->done &&
         gtk_widget_get_visible (GTK_WIDGET (dialog)) &&
         g_strcmp0 (gtk_button_get_label (button), "_Retry") != 0)
    g_main_context_iteration (NULL, TRUE);

  if (connected != NULL && connected->done)
    {
      g_object_unref (dialog);
      return NULL;
    }

  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Retry");
  {
    char *message = g_strdup (sigap_connect_dialog_get_message (dialog));

    g_object_unref (dialog);
    g_assert_nonnull (message);
    g_test_message ("%s", message);
    return message;
  }
}

static void
assert_one_line_without (const char *message,
                         const char *password)
{
  g_assert_null (strchr (message, '\n'));
  g_assert_null (strstr (message, password));
  g_assert_null (strstr (message, "SELECT"));
  g_assert_null (strstr (message, "sigap_meta"));
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("The dialog: %s", path);
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* --- Tests ----------------------------------------------------------------------------- */

static void
test_fields (void)
{
  const char *recent_uri = "postgresql://operator@db.bekasikota.go.id:5432/sigap";
  g_autoptr(GSettings) settings = g_settings_new ("id.go.bekasikota.Sigap");
  g_autoptr(GPtrArray) recent_rows = NULL;
  SigapWindow *window = sigap_window_new (app);
  SigapConnectDialog *dialog;
  GtkWidget *password;
  gboolean listed = FALSE;

  sigap_recent_servers_add (settings, "postgresql:///older");
  sigap_recent_servers_add (settings, recent_uri);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-server", NULL));
  {
    GList *toplevels = gtk_window_list_toplevels ();

    dialog = NULL;
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (SIGAP_IS_CONNECT_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Port"))), ==, "5432");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Host"))), ==, "");
  password = GTK_WIDGET (find_row (dialog, "Pass_word"));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (password));
  /* Beside "Open…" on the welcome page. */
  g_assert_nonnull (find_button (GTK_WIDGET (window), "win.connect-server"));

  /* The recent servers, newest first; picking one fills the fields. */
  recent_rows = sigap_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < recent_rows->len; i++)
    if (g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (recent_rows, i)),
                   recent_uri) == 0)
      {
        listed = TRUE;
        g_signal_emit_by_name (g_ptr_array_index (recent_rows, i), "activated");
      }
  g_assert_true (listed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Host"))), ==,
                   "db.bekasikota.go.id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_User"))), ==,
                   "operator");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Database"))), ==,
                   "sigap");

  fill (dialog, "db.bekasikota.go.id", "5432", "sigap", "operator", "rahasia");
  sigap_test_wait_until (is_drawn, dialog, TIMEOUT_S, "drawing the dialog");
  save_png (GTK_WIDGET (dialog), "connect-dialog.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "recent-servers");
}

/* --- The recent servers in the window's menu -------------------------------------------- */

typedef struct
{
  char *label;
  char *uri;
} MenuEntry;

static void
menu_entry_free (MenuEntry *entry)
{
  g_free (entry->label);
  g_free (entry->uri);
  g_free (entry);
}

/* Every item of @model (and of its sections and submenus) for win.connect-recent, in order;
 * @texts gets every label and target of every item, to look for a password in. */
static void
collect_recent (GMenuModel *model,
                GPtrArray  *entries,
                GString    *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *link;

      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      if (label != NULL)
        g_string_append_printf (texts, "%s\n", label);
      if (target != NULL)
        {
          g_autofree char *printed = g_variant_print (target, FALSE);

          g_string_append_printf (texts, "%s\n", printed);
        }

      if (g_strcmp0 (action, "win.connect-recent") == 0)
        {
          MenuEntry *entry = g_new0 (MenuEntry, 1);

          g_assert_nonnull (target);
          g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING));
          entry->label = g_strdup (label);
          entry->uri = g_variant_dup_string (target, NULL);
          g_ptr_array_add (entries, entry);
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &link))
        {
          collect_recent (link, entries, texts);
          g_object_unref (link);
        }
    }
}

static GPtrArray *
menu_recent (SigapWindow *window,
             GString     *texts)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) menu_entry_free);

  collect_recent (gtk_menu_button_get_menu_model (window->menu_button), entries, texts);
  return entries;
}

/* The section label of the main menu's section @index, or NULL. */
static char *
section_label (SigapWindow *window,
               int          index)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (window->menu_button);
  char *label = NULL;

  g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Whether a label of @root shows exactly @text, or (@part) holds it. */
static gboolean
label_shows (GtkWidget  *root,
             const char *text,
             gboolean    part)
{
  g_autoptr(GPtrArray) labels = sigap_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *shown = gtk_label_get_text (labels->pdata[i]);

      if (part ? strstr (shown, text) != NULL : g_strcmp0 (shown, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_recent_menu (void)
{
  const char *newest = "postgresql://operator@db.bekasikota.go.id:5432/sigap";
  /* Put in the settings by other means than the app: its password is never shown. */
  const char *with_password = "postgresql://alice:Rahasia9@db2.bekasikota.go.id/sigap_kota";
  const char *seeded[] = {
    newest,
    with_password,
    "/home/operator/data.sigap",      /* a file, not a server */
    newest,                           /* once only */
    "postgresql://db3.example/satu",
    "postgresql://db3.example/dua",
    "postgresql://db3.example/tiga",
    "postgresql://db3.example/empat",
    "postgresql://db3.example/lima",
    "postgresql://db3.example/enam",
    "postgresql://db3.example/tujuh",  /* the ninth server: beyond the limit */
    NULL,
  };
  g_autoptr(GSettings) settings = g_settings_new ("id.go.bekasikota.Sigap");
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) kept = NULL;
  GtkPopover *popover;
  SigapWindow *window;

  g_assert_true (g_settings_set_strv (settings, "recent-servers", seeded));
  window = sigap_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* After "Open…" and "Connect to Server…", a section of their own. */
  label = section_label (window, 1);
  g_assert_cmpstr (label, ==, "Recent connections");
  entries = menu_recent (window, texts);
  g_test_message ("The menu says:\n%s", texts->str);
  g_assert_cmpuint (entries->len, ==, 8);
  /* The header's words: "DATABASE on HOST"; an underline doubled, as a menu label needs. */
  g_assert_cmpstr (((MenuEntry *) entries->pdata[0])->label, ==, "sigap on db.bekasikota.go.id");
  g_assert_cmpstr (((MenuEntry *) entries->pdata[0])->uri, ==, newest);
  g_assert_cmpstr (((MenuEntry *) entries->pdata[1])->label, ==,
                   "sigap__kota on db2.bekasikota.go.id");
  g_assert_cmpstr (((MenuEntry *) entries->pdata[1])->uri, ==,
                   "postgresql://alice@db2.bekasikota.go.id/sigap_kota");
  g_assert_cmpstr (((MenuEntry *) entries->pdata[2])->label, ==, "satu on db3.example");
  g_assert_cmpstr (((MenuEntry *) entries->pdata[7])->label, ==, "enam on db3.example");
  g_assert_null (strstr (texts->str, "Rahasia9"));
  g_assert_null (strstr (texts->str, "data.sigap"));

  /* What the open menu draws. */
  gtk_menu_button_popup (window->menu_button);
  sigap_test_wait_until (popover_shown, window->menu_button, TIMEOUT_S, "the main menu");
  popover = gtk_menu_button_get_popover (window->menu_button);
  g_assert_true (label_shows (GTK_WIDGET (popover), "sigap on db.bekasikota.go.id", FALSE));
  g_assert_true (label_shows (GTK_WIDGET (popover), "sigap_kota on db2.bekasikota.go.id", FALSE));
  g_assert_false (label_shows (GTK_WIDGET (popover), "Rahasia9", TRUE));
  gtk_menu_button_popdown (window->menu_button);

  /* The dialog lists the same. */
  kept = sigap_recent_servers_get (settings);
  g_assert_cmpuint (g_strv_length (kept), ==, SIGAP_RECENT_SERVERS_MAX);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (kept[i], ==, ((MenuEntry *) entries->pdata[i])->uri);

  /* A server connected to goes to the head, with no password kept; the menu follows. */
  sigap_recent_servers_add (settings, "postgresql://budi:Rahasia9@db4.example:5433/baru");
  g_clear_pointer (&kept, g_strfreev);
  kept = g_settings_get_strv (settings, "recent-servers");
  g_assert_cmpuint (g_strv_length (kept), ==, SIGAP_RECENT_SERVERS_MAX);
  g_assert_cmpstr (kept[0], ==, "postgresql://budi@db4.example:5433/baru");
  for (guint i = 0; kept[i] != NULL; i++)
    g_assert_null (strstr (kept[i], "Rahasia9"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_string_truncate (texts, 0);
  entries = menu_recent (window, texts);
  g_assert_cmpuint (entries->len, ==, SIGAP_RECENT_SERVERS_MAX);
  g_assert_cmpstr (((MenuEntry *) entries->pdata[0])->label, ==, "baru on db4.example");
  g_assert_null (strstr (texts->str, "Rahasia9"));

  /* Two logins to one database (a viewer's and an operator's) read differently. */
  {
    const char *twins[] = {
      "postgresql://viewer@db.example/sigap", "postgresql://operator@db.example:5433/sigap",
      "postgresql://db.example/lain", NULL,
    };

    g_assert_true (g_settings_set_strv (settings, "recent-servers", twins));
    g_clear_pointer (&entries, g_ptr_array_unref);
    g_string_truncate (texts, 0);
    entries = menu_recent (window, texts);
    g_assert_cmpuint (entries->len, ==, 3);
    g_assert_cmpstr (((MenuEntry *) entries->pdata[0])->label, ==, "sigap on db.example (viewer)");
    g_assert_cmpstr (((MenuEntry *) entries->pdata[1])->label, ==,
                     "sigap on db.example (operator, port 5433)");
    g_assert_cmpstr (((MenuEntry *) entries->pdata[2])->label, ==, "lain on db.example");
  }

  /* None: no section. */
  g_settings_reset (settings, "recent-servers");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = menu_recent (window, texts);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&label, g_free);
  label = section_label (window, 1);
  g_assert_cmpstr (label, !=, "Recent connections");

  gtk_window_destroy (GTK_WINDOW (window));
}

static SigapConnectDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  SigapConnectDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIGAP_IS_CONNECT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

static gboolean
dialog_asks (gpointer data)
{
  SigapConnectDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) &&
         !sigap_connect_dialog_get_connecting (dialog) &&
         sigap_connect_dialog_get_message (dialog) != NULL;
}

/* A recent server that cannot be reached: the dialog shows itself, filled in, with why. */
static void
test_recent_refused (void)
{
  const char *uri = "postgresql://operator@127.0.0.1:1/sigap";
  g_autoptr(GSettings) settings = g_settings_new ("id.go.bekasikota.Sigap");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  SigapConnectDialog *dialog;
  SigapWindow *window;
  GtkButton *button;

  sigap_recent_servers_add (settings, uri);
  window = sigap_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  entries = menu_recent (window, texts);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((MenuEntry *) entries->pdata[0])->uri, ==, uri);

  /* As the menu item does; picked again at once, the last one wins. */
  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-recent", "s",
                                             "postgresql://first@127.0.0.1:1/satu"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-recent", "s",
                                             uri));
  sigap_test_wait_until (dialog_asks, NULL, TIMEOUT_S, "the dialog saying why");
  dialog = find_dialog ();
  {
    GList *toplevels = gtk_window_list_toplevels ();
    guint n = 0;

    for (GList *l = toplevels; l != NULL; l = l->next)
      n += SIGAP_IS_CONNECT_DIALOG (l->data);
    g_list_free (toplevels);
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_test_message ("%s", sigap_connect_dialog_get_message (dialog));
  g_assert_nonnull (strstr (sigap_connect_dialog_get_message (dialog),
                            "the server is down or cannot be reached"));
  g_assert_null (strchr (sigap_connect_dialog_get_message (dialog), '\n'));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Host"))), ==,
                   "127.0.0.1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Port"))), ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Database"))), ==,
                   "sigap");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_User"))), ==,
                   "operator");
  button = find_button (GTK_WIDGET (dialog), "connect.connect");
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Retry");
  /* The window shows nothing new. */
  g_assert_null (window->db_path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "recent-servers");
}

static void
test_bad_port_and_refused (void)
{
  SigapWindow *window = sigap_window_new (app);
  SigapConnectDialog *dialog;
  const char *password = "s3cret-P@ss:w/ord ü";
  g_autofree char *message = NULL;
  g_autofree char *refused = NULL;

  gtk_window_present (GTK_WINDOW (window));
  dialog = _sigap_window_connect_server (window);

  fill (dialog, "127.0.0.1", "54x", "sigap", "operator", password);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_false (sigap_connect_dialog_get_connecting (dialog));
  g_assert_cmpstr (sigap_connect_dialog_get_message (dialog), ==,
                   "The port must be a number from 1 to 65535");

  /* Port 1 takes no connections. */
  fill (dialog, "127.0.0.1", "1", "sigap", "operator", password);
  refused = press_connect (dialog, NULL);
  assert_one_line_without (refused, password);
  g_assert_nonnull (strstr (refused, "the server is down or cannot be reached"));
  g_assert_false (sigap_connection_has_password ("postgresql://operator@127.0.0.1:1/sigap"));

  /* Retry: the same again. */
  message = press_connect (dialog, NULL);
  g_assert_cmpstr (message, ==, refused);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_opened (gpointer data)
{
  SigapWindow *window = data;

  return window->db_path != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "loading") != 0;
}

static gboolean
bytes_contain (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* Whether any file under @dir holds @needle. */
static gboolean
tree_contains (const char *dir,
               const char *needle,
               guint      *n_files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return FALSE;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (path, needle, n_files))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &length, NULL))
        {
          (*n_files)++;
          if (bytes_contain (contents, length, needle))
            {
              g_test_message ("%s holds it", path);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* @field escaped for a line of a libpq password file. */
static char *
pgpass_escape (const char *field)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == ':' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
no_dialog_connecting (gpointer data)
{
  return find_dialog () == NULL;
}

/* The recent server @uri picked in another window's menu: it connects with the password
 * the keyring keeps, or (without a keyring, as here) libpq's own, and shows the database
 * with no dialog. */
static void
check_recent_connects (const char *uri,
                       const char *host,
                       const char *port,
                       const char *dbname,
                       const char *role,
                       const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sigap-test-pgpass-XXXXXX", &error);
  g_autofree char *pgpass = NULL;
  g_autofree char *line = NULL;
  g_autofree char *e_host = pgpass_escape (host);
  g_autofree char *e_db = pgpass_escape (dbname);
  g_autofree char *e_role = pgpass_escape (role);
  g_autofree char *e_password = pgpass_escape (password);
  g_autofree char *subtitle = g_strdup_printf ("%s on %s", dbname, host);
  SigapWindow *window;

  g_assert_no_error (error);
  pgpass = g_build_filename (dir, "pgpass", NULL);
  line = g_strdup_printf ("%s:%s:%s:%s:%s\n", e_host, port, e_db, e_role, e_password);
  g_assert_true (g_file_set_contents_full (pgpass, line, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                           &error));
  g_assert_no_error (error);
  g_setenv ("PGPASSFILE", pgpass, TRUE);
  /* Not the password this process kept from the dialog. */
  sigap_connection_set_password (uri, NULL);

  window = sigap_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-recent", "s",
                                             uri));
  sigap_test_wait_until (window_opened, window, TIMEOUT_S, "opening a recent server");
  g_assert_cmpstr (window->db_path, ==, uri);
  g_assert_null (window->error);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==, subtitle);
  sigap_test_wait_until (no_dialog_connecting, NULL, TIMEOUT_S, "the dialog going");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PGPASSFILE");
  sigap_connection_set_password (uri, password);
  g_assert_cmpint (g_unlink (pgpass), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_server (void)
{
  g_autofree char *suffix = NULL;
  g_autofree char *role = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *password = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *qrole = NULL;
  g_autofree char *qdb = NULL;
  g_autofree char *qpassword = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected_subtitle = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *keyfile_text = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *host = g_getenv ("PGHOST") != NULL ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") != NULL ? g_getenv ("PGPORT") : "5432";
  Connected connected = { 0 };
  SigapWindow *window;
  SigapConnectDialog *dialog;
  guint n_files = 0;

  if (sigap_test_server_skip ())
    return;
  if (host[0] == '/')
    {
      g_test_skip ("PGHOST is a socket: the test needs password authentication over TCP");
      return;
    }

  suffix = g_strdup_printf ("%08x", g_random_int ());
  role = g_strdup_printf ("operator ü@kota/%s", suffix);
  dbname = g_strdup_printf ("sigap test:ü/%s", suffix);
  password = g_strdup_printf ("p@ss w:rd/ü?#%s", suffix);
  qrole = quote_ident (role);
  qdb = quote_ident (dbname);
  qpassword = quote_literal (password);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN CREATEROLE PASSWORD %s", qrole, qpassword);
  admin_exec (sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE DATABASE %s OWNER %s", qdb, qrole);
  admin_exec (sql);

  window = sigap_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  dialog = _sigap_window_connect_server (window);
  g_signal_connect (dialog, "connected", G_CALLBACK (connected_cb), &connected);

  /* A wrong password. */
  fill (dialog, host, port, dbname, role, "wrong-Pässword");
  message = press_connect (dialog, &connected);
  assert_one_line_without (message, "wrong-Pässword");
  g_assert_nonnull (strstr (message, "the password is wrong"));
  g_clear_pointer (&message, g_free);

  /* A database that does not exist. */
  fill (dialog, host, port, "sigap_test_missing", role, password);
  message = press_connect (dialog, &connected);
  assert_one_line_without (message, password);
  g_assert_nonnull (strstr (message, "does not exist"));
  g_clear_pointer (&message, g_free);

  /* The right one: the dialog opens the database (creating its schema) and closes. */
  fill (dialog, host, port, dbname, role, password);
  message = press_connect (dialog, &connected);
  g_assert_null (message);
  g_assert_true (connected.done);
  g_assert_false (connected.database_left);
  g_assert_null (strstr (connected.uri, password));
  g_assert_null (strstr (connected.uri, "ss w"));
  g_test_message ("Connected to %s; the keyring %s", connected.uri,
                  connected.keyring_failed ? "did not keep the password" : "kept the password");
  g_assert_true (sigap_connection_has_password (connected.uri));

  sigap_test_wait_until (window_opened, window, TIMEOUT_S, "opening the server database");
  g_assert_cmpstr (window->db_path, ==, connected.uri);
  g_assert_null (window->error);
  expected_subtitle = g_strdup_printf ("%s on %s", dbname, host);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (window->switcher_title), ==,
                   expected_subtitle);

  /* The recent servers, and the last database, hold the URI; no file holds the password. */
  settings = g_settings_new ("id.go.bekasikota.Sigap");
  recent = g_settings_get_strv (settings, "recent-servers");
  g_assert_cmpstr (recent[0], ==, connected.uri);
  g_settings_sync ();
  keyfile = g_build_filename (tmp_dir, "config", "glib-2.0", "settings", "keyfile", NULL);
  g_assert_true (g_file_get_contents (keyfile, &keyfile_text, NULL, NULL));
  g_assert_nonnull (strstr (keyfile_text, "recent-servers"));
  g_assert_false (tree_contains (tmp_dir, password, &n_files));
  g_assert_false (tree_contains (tmp_dir, qpassword + 1, &n_files));
  g_assert_cmpuint (n_files, >, 0);

  check_recent_connects (connected.uri, host, port, dbname, role, password);

  /* A recent connection fills the fields again (the password, from a keyring if any). */
  dialog = _sigap_window_connect_server (window);
  sigap_connect_dialog_select_recent (dialog, connected.uri);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Database"))), ==,
                   dbname);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_User"))), ==, role);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Host"))), ==, host);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, "_Port"))), ==, port);

  /* A schema newer than this version. */
  admin_exec_in (dbname, "UPDATE sigap_meta SET value = '999' WHERE key = 'schema_version'");
  gtk_editable_set_text (GTK_EDITABLE (find_row (dialog, "Pass_word")), password);
  message = press_connect (dialog, NULL);
  assert_one_line_without (message, password);
  g_assert_nonnull (strstr (message, "newer version of SIGAP Dasbor"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", qdb);
  admin_exec (sql);
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s", qrole);
  admin_exec (sql);
  g_free (connected.uri);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *display = NULL;
  int status;

  if (sigap_test_skip_without_display ())
    return 0;

  /* Settings are written to a key file under a temporary XDG_CONFIG_HOME, to be looked at. */
  tmp_dir = sigap_test_make_tmp_dir ("sigap-test-connect-XXXXXX", TRUE);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  cache = g_build_filename (tmp_dir, "cache", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  /* The password must come from the dialog, not from the environment. */
  server_uri = g_getenv ("SIGAP_TEST_PG");
  admin_password = g_strdup (g_getenv ("PGPASSWORD"));
  g_unsetenv ("PGPASSWORD");

  /* SIGAP_TEST_LOCALEDIR=_build/po LANGUAGE=id draws the dialog in Indonesian. */
  if (g_getenv ("SIGAP_TEST_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SIGAP_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_disable_setlocale ();
    }

  /* A session bus of its own, with no services. The desktop's keyring is not this test's: a
   * session bus may start one on demand, which may then wait on an unlock prompt nobody can
   * answer. Without one, storing a password fails at once, as the dialog expects
   * (test-keyring tests a real one). Stopped at the end, not waited for: GTK and libsecret
   * keep its connection for the process. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus takes DISPLAY away, against D-Bus's X11 autolaunch; the window needs it. The
   * bus has no accessibility bus to offer either. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  app = sigap_test_register_app ();

  g_test_add_func ("/connect-dialog/fields", test_fields);
  g_test_add_func ("/connect-dialog/recent-menu", test_recent_menu);
  g_test_add_func ("/connect-dialog/recent-refused", test_recent_refused);
  g_test_add_func ("/connect-dialog/bad-port-and-refused", test_bad_port_and_refused);
  g_test_add_func ("/connect-dialog/server", test_server);

  status = g_test_run ();

  g_object_unref (app);
  g_test_dbus_stop (bus);
  sigap_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (admin_password);
  return status;
}
