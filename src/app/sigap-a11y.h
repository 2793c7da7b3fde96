/* sigap-a11y.h: accessible names GTK 4.8's own widgets do not give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void                sigap_a11y_name_list_item    (GtkListItem        *item,
                                                  const char         *name);
GtkListItemFactory *sigap_a11y_label_factory_new (void);
void                sigap_a11y_track_drop_down   (GtkDropDown        *drop_down,
                                                  const char         *name);
char               *sigap_a11y_drop_down_value   (GtkDropDown        *drop_down);
void                sigap_a11y_name_menu_button  (GtkMenuButton      *button,
                                                  const char         *name);
void                sigap_a11y_name_row_value    (GtkWidget          *row,
                                                  const char         *value);
char               *sigap_a11y_describe_row      (const char * const *headers,
                                                  const char * const *cells,
                                                  guint               n_columns);
void                sigap_a11y_relate_table_cell (GtkListItem        *item,
                                                  guint               column,
                                                  const char         *header);
void                sigap_a11y_name_table_row    (GtkListItem        *item,
                                                  const char         *name);
void                sigap_a11y_name_column_view  (GtkColumnView      *view,
                                                  const char         *name);
void                sigap_a11y_single_tab_stop   (GtkWidget          *widget);
gboolean            sigap_a11y_focus_self        (GtkWidget          *widget,
                                                  GtkDirectionType    direction);
gboolean            sigap_a11y_grab_focus_self   (GtkWidget          *widget);
void                sigap_a11y_fix_access_keys   (GtkWidget          *root);

G_END_DECLS
