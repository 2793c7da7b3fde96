/* sigap-chart-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapChartCard: a chart as the pages show it. A heading (the chart's title, so the chart
 * itself draws none), an optional line under it, a toggle between the chart and the same
 * figures as a table (built when first asked for, rebuilt with the data), and a read-out of
 * the category highlighted from the keyboard, so its figures are visible without a pointer.
 * Pages may add controls under the chart (the what-if), and name the table of src/report the
 * chart's figures come from: the card's menu then offers "Export to Excel…" for it.
 *
 * CSS node: chartcard, with the .card style class. Accessible role: GTK_ACCESSIBLE_ROLE_GROUP,
 * labelled by the title; the chart inside is an image described by its figures.
 */

#include <glib/gi18n.h>

#include "sigap-chart-card.h"
#include "sigap-table-menu.h"

struct _SigapChartCard
{
  GtkWidget        parent_instance;

  GtkWidget       *header;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkToggleButton *table_button;
  GtkMenuButton   *menu_button;
  GtkStack        *stack;
  SigapChartView  *view;
  SigapDataTable  *table;
  GtkLabel        *readout_label;
  gboolean         table_stale;
};

G_DEFINE_FINAL_TYPE (SigapChartCard, sigap_chart_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rebuild_table_if_shown (SigapChartCard *self)
{
  SigapChart *chart = sigap_chart_view_get_chart (self->view);
  g_autoptr(SigapChartTable) table = NULL;

  if (!self->table_stale || !gtk_toggle_button_get_active (self->table_button))
    return;

  self->table_stale = FALSE;
  if (chart == NULL)
    {
      sigap_data_table_set_columns (self->table, NULL, NULL, 0);
      return;
    }

  table = sigap_chart_table_new (chart, sigap_lang_from_locale ());
  sigap_data_table_set_chart_table (self->table, table);
}

static void
table_toggled_cb (SigapChartCard *self)
{
  gboolean active = gtk_toggle_button_get_active (self->table_button);

  rebuild_table_if_shown (self);
  gtk_stack_set_visible_child_name (self->stack, active ? "table" : "chart");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                               active ? _("Show as chart") : _("Show as table"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

/* "Bekasi Utara\nActive: 1.234\nTarget: 1.500" as "Bekasi Utara: Active 1.234 · Target …",
 * the category in bold. */
static void
selection_changed_cb (SigapChartCard *self)
{
  const char *text = sigap_chart_view_get_selection_text (self->view);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) markup = NULL;

  if (text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->readout_label), FALSE);
      return;
    }

  lines = g_strsplit (text, "\n", -1);
  markup = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i == 0)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append_printf (markup, "%s%s", i == 1 ? "  " : " · ", escaped);
    }

  gtk_label_set_markup (self->readout_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->readout_label), TRUE);
}

static void
sigap_chart_card_dispose (GObject *object)
{
  SigapChartCard *self = SIGAP_CHART_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sigap_chart_card_parent_class)->dispose (object);
}

static void
sigap_chart_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SigapChartCard *self = SIGAP_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_label (self->subtitle_label));
      break;
    case PROP_CHART:
      g_value_set_object (value, sigap_chart_card_get_chart (self));
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, sigap_chart_card_get_show_table (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SigapChartCard *self = SIGAP_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sigap_chart_card_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      sigap_chart_card_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_CHART:
      sigap_chart_card_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TABLE:
      sigap_chart_card_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_card_class_init (SigapChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_chart_card_dispose;
  object_class->get_property = sigap_chart_card_get_property;
  object_class->set_property = sigap_chart_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SIGAP_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sigap_chart_card_init (SigapChartCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *titles;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), titles);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));

  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle_label, 0);
  gtk_label_set_wrap (self->subtitle_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle_label));

  self->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_button), "x-office-spreadsheet-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->table_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->table_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button), _("Show as table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as table"),
                                  -1);
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (table_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->table_button));

  self->menu_button = GTK_MENU_BUTTON (sigap_table_menu_new ());
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->menu_button));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_interpolate_size (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->view = SIGAP_CHART_VIEW (sigap_chart_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  g_signal_connect_swapped (self->view, "notify::selection-text",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->view), "chart");

  self->table = SIGAP_DATA_TABLE (sigap_data_table_new ());
  sigap_data_table_set_max_height (self->table, 420);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->table), "table");

  self->readout_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->readout_label, 0);
  gtk_label_set_wrap (self->readout_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->readout_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->readout_label), "chart-readout");
  gtk_widget_set_visible (GTK_WIDGET (self->readout_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->readout_label), GTK_WIDGET (self));
}

GtkWidget *
sigap_chart_card_new (void)
{
  return g_object_new (SIGAP_TYPE_CHART_CARD, NULL);
}

const char *
sigap_chart_card_get_title (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
sigap_chart_card_set_title (SigapChartCard *self,
                            const char     *title)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  sigap_data_table_set_name (self->table, title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
sigap_chart_card_set_subtitle (SigapChartCard *self,
                               const char     *subtitle)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));

  if (g_strcmp0 (subtitle, gtk_label_get_label (self->subtitle_label)) == 0)
    return;

  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

SigapChart *
sigap_chart_card_get_chart (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), NULL);

  return sigap_chart_view_get_chart (self->view);
}

/**
 * sigap_chart_card_set_chart:
 * @chart: (nullable): the chart; the card's title stays the card's own
 */
void
sigap_chart_card_set_chart (SigapChartCard *self,
                            SigapChart     *chart)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));

  if (sigap_chart_view_get_chart (self->view) == chart)
    return;

  sigap_chart_view_set_chart (self->view, chart);
  self->table_stale = TRUE;
  rebuild_table_if_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

gboolean
sigap_chart_card_get_show_table (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), FALSE);

  return gtk_toggle_button_get_active (self->table_button);
}

void
sigap_chart_card_set_show_table (SigapChartCard *self,
                                 gboolean        show_table)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));

  gtk_toggle_button_set_active (self->table_button, show_table);
}

SigapChartView *
sigap_chart_card_get_view (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), NULL);

  return self->view;
}

SigapDataTable *
sigap_chart_card_get_table (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), NULL);

  return self->table;
}

/**
 * sigap_chart_card_add_footer:
 * @child: a widget to show under the chart (and its read-out)
 */
void
sigap_chart_card_add_footer (SigapChartCard *self,
                             GtkWidget      *child)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

/**
 * sigap_chart_card_set_export_table:
 * @table_key: (nullable): the table the chart's figures are, as sigap_export_table_to_string()
 *   names it; %NULL for no menu
 * @scope: (nullable): the region code the chart was computed for; %NULL for the window's
 *
 * Gives the card a menu with "Export to Excel…" for that table.
 */
void
sigap_chart_card_set_export_table (SigapChartCard *self,
                                   const char     *table_key,
                                   const char     *scope)
{
  g_return_if_fail (SIGAP_IS_CHART_CARD (self));

  sigap_table_menu_set_table (self->menu_button, table_key, scope);
}

GtkMenuButton *
sigap_chart_card_get_menu_button (SigapChartCard *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_CARD (self), NULL);

  return self->menu_button;
}
