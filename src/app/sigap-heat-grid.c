/* sigap-heat-grid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapHeatGrid: the GtkGrid of the Wilayah page's sector × area heat table, made reachable
 * without sight. Its cells are labels, which take no focus; the grid itself is one Tab stop,
 * read one row at a time: its name is the current row as a sentence ("Ojek Online: Bekasi
 * Utara 270, Bekasi Timur 120, …"), its description the table's title. Up and Down (Home,
 * End) move to another row, which renames it; a screen reader reads out the new name.
 *
 * CSS node: grid, with .heat-grid. Accessible role: GTK_ACCESSIBLE_ROLE_GRID.
 */

#include <glib/gi18n.h>

#include "sigap-a11y.h"
#include "sigap-heat-grid.h"

struct _SigapHeatGrid
{
  GtkGrid  parent_instance;

  char    *title;
  GStrv    rows;
  guint    row;
};

G_DEFINE_FINAL_TYPE (SigapHeatGrid, sigap_heat_grid, GTK_TYPE_GRID)

static void
update_accessible (SigapHeatGrid *self)
{
  guint n_rows = self->rows != NULL ? g_strv_length (self->rows) : 0;
  g_autofree char *description = NULL;

  /* TRANSLATORS: the heat table's description, read by a screen reader after its current
   * row: "Active participants by sector and kecamatan. Up and Down move between the rows." */
  description = g_strdup_printf (_("%s. Up and Down move between the rows."),
                                 self->title != NULL ? self->title : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  n_rows > 0 ? self->rows[self->row]
                                  : self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) n_rows,
                                  -1);
}

static void
move_to_row (SigapHeatGrid *self,
             int            row)
{
  guint n_rows = self->rows != NULL ? g_strv_length (self->rows) : 0;

  if (n_rows == 0)
    return;

  row = CLAMP (row, 0, (int) n_rows - 1);
  if ((guint) row == self->row)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->row = (guint) row;
  update_accessible (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SigapHeatGrid         *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_to_row (self, (int) self->row - 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_to_row (self, (int) self->row + 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_to_row (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_to_row (self, G_MAXINT);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
sigap_heat_grid_finalize (GObject *object)
{
  SigapHeatGrid *self = SIGAP_HEAT_GRID (object);

  g_free (self->title);
  g_strfreev (self->rows);

  G_OBJECT_CLASS (sigap_heat_grid_parent_class)->finalize (object);
}

static void
sigap_heat_grid_class_init (SigapHeatGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sigap_heat_grid_finalize;
  widget_class->focus = sigap_a11y_focus_self;
  widget_class->grab_focus = sigap_a11y_grab_focus_self;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sigap_heat_grid_init (SigapHeatGrid *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "heat-grid");
}

GtkWidget *
sigap_heat_grid_new (void)
{
  return g_object_new (SIGAP_TYPE_HEAT_GRID, NULL);
}

/**
 * sigap_heat_grid_set_title:
 * @title: what the table shows
 */
void
sigap_heat_grid_set_title (SigapHeatGrid *self,
                           const char    *title)
{
  g_return_if_fail (SIGAP_IS_HEAT_GRID (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

/**
 * sigap_heat_grid_set_rows:
 * @rows: (array zero-terminated=1): each row as it is read, top to bottom
 *
 * Keeps the current row where there still is one.
 */
void
sigap_heat_grid_set_rows (SigapHeatGrid      *self,
                          const char * const *rows)
{
  guint n_rows;

  g_return_if_fail (SIGAP_IS_HEAT_GRID (self));

  g_strfreev (self->rows);
  self->rows = g_strdupv ((GStrv) rows);
  n_rows = self->rows != NULL ? g_strv_length (self->rows) : 0;
  if (self->row >= n_rows)
    self->row = 0;
  update_accessible (self);
}

/**
 * sigap_heat_grid_get_row:
 *
 * Returns: the row being read, from 0
 */
guint
sigap_heat_grid_get_row (SigapHeatGrid *self)
{
  g_return_val_if_fail (SIGAP_IS_HEAT_GRID (self), 0);

  return self->row;
}

/**
 * sigap_heat_grid_get_row_text:
 *
 * Returns: (nullable): the row being read, as it is read
 */
const char *
sigap_heat_grid_get_row_text (SigapHeatGrid *self)
{
  g_return_val_if_fail (SIGAP_IS_HEAT_GRID (self), NULL);

  return self->rows != NULL && self->rows[0] != NULL ? self->rows[self->row] : NULL;
}
