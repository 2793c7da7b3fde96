/* sigap-table-menu.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menu button of a table (or of a chart card, whose figures are a table): "Export to
 * Excel…" for that table alone. The item activates the window's "win.export-table" with the
 * table's key (as src/report/sigap-export.h names it: "kecamatan", "participants") and the
 * scope it was computed for ("" for the window's filter), so the workbook holds what the
 * table shows. A page sets the table when its figures change (a drill changes the scope).
 */

#include <glib/gi18n.h>

#include "sigap-a11y.h"
#include "sigap-table-menu.h"

/**
 * sigap_table_menu_new:
 *
 * Returns: (transfer floating): a flat menu button, hidden until a table is set
 */
GtkWidget *
sigap_table_menu_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Table menu"));
  sigap_a11y_name_menu_button (GTK_MENU_BUTTON (button), _("Table menu"));
  gtk_widget_set_visible (button, FALSE);
  return button;
}

/**
 * sigap_table_menu_set_table:
 * @table_key: (nullable): the table, as sigap_export_table_to_string() names it; %NULL hides
 *   the button
 * @scope: (nullable): the region code the table was computed for; %NULL for the window's
 */
void
sigap_table_menu_set_table (GtkMenuButton *button,
                            const char    *table_key,
                            const char    *scope)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_widget_set_visible (GTK_WIDGET (button), table_key != NULL);
  if (table_key == NULL)
    {
      gtk_menu_button_set_menu_model (button, NULL);
      return;
    }

  menu = g_menu_new ();
  item = g_menu_item_new (_("Export to _Excel…"), NULL);
  g_menu_item_set_action_and_target_value (item, SIGAP_TABLE_MENU_ACTION,
                                           g_variant_new ("(ss)", table_key,
                                                          scope != NULL ? scope : ""));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}
