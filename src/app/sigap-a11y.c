/* sigap-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessible names where GTK 4.8's own widgets leave them out, read the way Orca reads them
 * through AT-SPI (issue 15):
 *
 * - The rows of a list (a drop-down's items, a column view's rows) are GtkListItemWidgets
 *   that GTK 4.8 names after their type; GtkListItem has no accessible label before 4.12.
 *   The row widget is the parent of the child the factory made, so it is named there.
 * - A GtkDropDown is a combo box around a private toggle button, which Tab reaches and
 *   which GTK names "GtkToggleButton"; it carries the drop-down's name and its value.
 * - A GtkMenuButton's inner button, which Tab reaches, is unnamed unless the menu button
 *   has a label, which it is then labelled by.
 * - GTK 4.8 names a widget by its label property followed by the labels that label it: a
 *   button with an access key gets both its raw label ("_Import CSV…") and its label child,
 *   the mnemonic label's "labelled-by", read as "_Import CSV… Import CSV…". Dropping the
 *   raw label leaves the child's text alone, access key removed.
 */

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sigap-a11y.h"

/**
 * sigap_a11y_name_list_item:
 * @item: a list item whose child is set
 * @name: what the row reads as
 *
 * Names the row (or drop-down item) that shows @item.
 */
void
sigap_a11y_name_list_item (GtkListItem *item,
                           const char  *name)
{
  GtkWidget *child, *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  row = child != NULL ? gtk_widget_get_parent (child) : NULL;
  if (row == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "",
                                  -1);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object)
                     ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "";

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  sigap_a11y_name_list_item (item, text);
}

/**
 * sigap_a11y_label_factory_new:
 *
 * A factory for a GtkDropDown over a GtkStringList: each item a label, its row named so.
 *
 * Returns: (transfer full): the factory
 */
GtkListItemFactory *
sigap_a11y_label_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

/**
 * sigap_a11y_drop_down_value:
 *
 * Returns: (transfer full): the text of the chosen item of a drop-down over strings, or ""
 */
char *
sigap_a11y_drop_down_value (GtkDropDown *drop_down)
{
  GObject *item;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  item = gtk_drop_down_get_selected_item (drop_down);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return g_strdup ("");
}

/* No g_object_set_data() keys here: each is a new quark, and a process that makes more than
 * 2048 of them drops GLib's first quark block, which LeakSanitizer then reports. */
static void
sync_drop_down (GtkDropDown *drop_down,
                GParamSpec  *pspec,
                const char  *name)
{
  g_autofree char *value = sigap_a11y_drop_down_value (drop_down);
  g_autofree char *full = NULL;
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  /* TRANSLATORS: a drop-down read by a screen reader: its name and the chosen item,
   * "Region: Kota Bekasi" */
  full = *value != '\0' ? g_strdup_printf (_("%s: %s"), name, value) : g_strdup (name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                    GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                    -1);
}

static void
free_name (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

/**
 * sigap_a11y_track_drop_down:
 * @name: what the drop-down chooses, "Region"
 *
 * Names @drop_down and the button in it that Tab reaches "Region: Kota Bekasi", from now on
 * following the chosen item. A label that names the drop-down by its access key is dropped
 * from the name: it would be read a second time.
 */
void
sigap_a11y_track_drop_down (GtkDropDown *drop_down,
                            const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (drop_down),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* Renamed: the handlers of the old name go. */
  g_signal_handlers_disconnect_matched (drop_down, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        sync_drop_down, NULL);
  g_signal_connect_data (drop_down, "notify::selected-item", G_CALLBACK (sync_drop_down),
                         g_strdup (name), free_name, 0);
  sync_drop_down (drop_down, NULL, name);
}

/**
 * sigap_a11y_name_menu_button:
 *
 * Names a menu button and the toggle button in it that Tab reaches.
 */
void
sigap_a11y_name_menu_button (GtkMenuButton *button,
                             const char    *name)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* The inner button is labelled by the menu button: a label of its own would be read too. */
  inner = gtk_widget_get_first_child (GTK_WIDGET (button));
  if (GTK_IS_TOGGLE_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner),
                                    GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                    -1);
}

static void
button_label_changed_cb (GtkButton *button)
{
  /* GTK sets it again with each new label. */
  if (gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * sigap_a11y_fix_access_keys:
 * @root: a widget
 *
 * Every button with an access key at or below @root is named by its label alone, now and
 * when its label changes.
 */
void
sigap_a11y_fix_access_keys (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !GTK_IS_MENU_BUTTON (root) &&
      g_signal_handler_find (root, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                             button_label_changed_cb, NULL) == 0)
    {
      g_signal_connect_after (root, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect_after (root, "notify::use-underline",
                              G_CALLBACK (button_label_changed_cb), NULL);
      button_label_changed_cb (GTK_BUTTON (root));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sigap_a11y_fix_access_keys (child);
}

/**
 * sigap_a11y_name_row_value:
 * @row: an AdwPreferencesRow with its title set
 * @value: the figure the row shows beside its title, in a suffix label
 *
 * Names @row "Pagu 2026 · APBD: Rp2.000.000.000": libadwaita reads the title and subtitle
 * of a row, not its suffix.
 */
void
sigap_a11y_name_row_value (GtkWidget  *row,
                           const char *value)
{
  const char *title;
  g_autofree char *name = NULL;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  /* TRANSLATORS: a list row read by a screen reader: its title and its figure,
   * "Quota: 1.234" */
  name = value != NULL && *value != '\0' ? g_strdup_printf (_("%s: %s"), title, value)
                                         : g_strdup (title);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/**
 * sigap_a11y_describe_row:
 * @headers: (array length=n_columns)
 * @cells: (array length=n_columns)
 *
 * What a row reads as: the first cell, then each other header with its cell, the empty ones
 * left out: "Bekasi Timur: Aktif 1.039, Sasaran 970, Cakupan 107,1 %".
 *
 * Returns: (transfer full): the text
 */
char *
sigap_a11y_describe_row (const char * const *headers,
                         const char * const *cells,
                         guint               n_columns)
{
  GString *text = g_string_new (n_columns > 0 && cells[0] != NULL ? cells[0] : "");
  gboolean first = TRUE;

  for (guint c = 1; c < n_columns; c++)
    {
      const char *header = headers[c] != NULL ? headers[c] : "";

      if (cells[c] == NULL || *cells[c] == '\0')
        continue;
      /* TRANSLATORS: a table row read by a screen reader, between its first cell and the
       * rest: "Bekasi Timur: Aktif 1.039, Sasaran 970" */
      g_string_append (text, first ? _(": ") : _(", "));
      g_string_append_printf (text, "%s %s", header, cells[c]);
      first = FALSE;
    }
  return g_string_free (text, FALSE);
}

/**
 * sigap_a11y_relate_table_cell:
 * @item: the list item of a column view's cell
 * @column: the cell's column, from 0
 * @header: the column's title
 *
 * GTK 4.8 has no column-header relation: the header goes with the cell as the text of its
 * column index.
 */
void
sigap_a11y_relate_table_cell (GtkListItem *item,
                              guint        column,
                              const char  *header)
{
  GtkWidget *child, *cell;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  cell = child != NULL ? gtk_widget_get_parent (child) : NULL;
  if (cell == NULL)
    return;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) column + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX_TEXT,
                                  header != NULL ? header : "",
                                  -1);
}

/**
 * sigap_a11y_name_table_row:
 * @item: the list item of one of the row's cells
 * @name: what the row reads as, see sigap_a11y_describe_row()
 *
 * Names the row of a column view that holds @item, and gives its index (the header is row 1).
 */
void
sigap_a11y_name_table_row (GtkListItem *item,
                           const char  *name)
{
  GtkWidget *child, *cell, *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  cell = child != NULL ? gtk_widget_get_parent (child) : NULL;
  row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  if (row == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "",
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX,
                                  (int) gtk_list_item_get_position (item) + 2,
                                  -1);
}

static gboolean
tab_out_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkWidget             *widget)
{
  GtkDirectionType direction;
  GtkRoot *root;
  gboolean moved;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
      break;
    case GDK_KEY_ISO_Left_Tab:
      direction = GTK_DIR_TAB_BACKWARD;
      break;
    default:
      return FALSE;
    }

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return FALSE;

  /* Move on as if the widget could not take the focus: past it, not to its next row. */
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (widget, TRUE);
  return moved;
}

/**
 * sigap_a11y_single_tab_stop:
 * @widget: a list or column view
 *
 * Makes @widget one Tab stop: Tab from any of its rows leaves it, where GTK 4.8 would go to
 * the next row. The arrow keys still move between the rows.
 */
void
sigap_a11y_single_tab_stop (GtkWidget *widget)
{
  GtkEventController *key;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (tab_out_key_pressed_cb), widget);
  gtk_widget_add_controller (widget, key);
}

/**
 * sigap_a11y_name_column_view:
 * @name: what the table shows
 *
 * Names a column view, the list inside it that holds the rows, and its header row (which
 * GTK 4.8 lets take the focus) after the column titles; sets its column count.
 */
void
sigap_a11y_name_column_view (GtkColumnView *view,
                             const char    *name)
{
  GListModel *columns;
  guint n_columns;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *header = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (name != NULL);

  columns = gtk_column_view_get_columns (view);
  n_columns = g_list_model_get_n_items (columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      g_ptr_array_add (titles, (gpointer) gtk_column_view_column_get_title (column));
    }
  g_ptr_array_add (titles, NULL);

  /* TRANSLATORS: joins a table's column titles, read by a screen reader */
  joined = g_strjoinv (_(", "), (char **) titles->pdata);
  /* TRANSLATORS: a table's header row, read by a screen reader: "Columns: Month, Actual" */
  header = n_columns > 0 ? g_strdup_printf (_("Columns: %s"), joined) : g_strdup (name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) n_columns,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      GTK_IS_LIST_VIEW (child) ? name : header,
                                      -1);
      if (!GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_RELATION_ROW_INDEX, 1,
                                        -1);
    }
}

/**
 * sigap_a11y_focus_self:
 *
 * A GtkWidgetClass.focus for a widget read as a whole (a KPI card, the heat table) whose
 * children take no focus: it takes the focus once, and the next move leaves it.
 */
gboolean
sigap_a11y_focus_self (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

/**
 * sigap_a11y_grab_focus_self:
 *
 * The GtkWidgetClass.grab_focus that goes with sigap_a11y_focus_self(): the widget itself
 * takes the focus, not one of its children.
 */
gboolean
sigap_a11y_grab_focus_self (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL || !gtk_widget_get_focusable (widget))
    return FALSE;

  gtk_root_set_focus (root, widget);
  return TRUE;
}
