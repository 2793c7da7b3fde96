/* sigap-table-menu.h: the menu of a table or a chart card, "Export to Excel…" for that table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SIGAP_TABLE_MENU_ACTION "win.export-table"

GtkWidget *sigap_table_menu_new       (void);
void       sigap_table_menu_set_table (GtkMenuButton *button,
                                       const char    *table_key,
                                       const char    *scope);

G_END_DECLS
