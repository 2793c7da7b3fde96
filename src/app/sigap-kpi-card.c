/* sigap-kpi-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapKpiCard: a headline figure on the pages: its name, the figure (short, such as
 * "Rp1,48 miliar", with the exact amount as its tooltip), a line of context ("Absorption
 * 74,2 %") and the change since the previous month end ("+123 since 30 Sep 2026"), marked by
 * an arrow icon as well as by its sign, so colour never carries the meaning alone.
 *
 * A badge beside the name may say whose figure it is ("whole city" on a kecamatan's page).
 *
 * CSS node: kpicard, with the .card style class; the figure has .kpi-value, the badge
 * .kpi-badge. Accessible role:
 * GTK_ACCESSIBLE_ROLE_GROUP labelled by the name, described by the figure and its lines.
 * The card takes the keyboard focus (not on click), so a screen reader reaches it; in a
 * SigapCardGrid made one Tab stop the arrow keys move between the cards.
 */

#include <glib/gi18n.h>
#include <math.h>

#include "sigap-a11y.h"
#include "sigap-kpi-card.h"

struct _SigapKpiCard
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *badge_label;
  GtkLabel  *value_label;
  GtkLabel  *detail_label;
  GtkWidget *change_box;
  GtkImage  *change_icon;
  GtkLabel  *change_sign;   /* "=" for no change: an arrow would point, a chevron reads as a link */
  GtkLabel  *change_label;
  char      *exact;
};

G_DEFINE_FINAL_TYPE (SigapKpiCard, sigap_kpi_card, GTK_TYPE_WIDGET)

static GtkLabel *
add_label (SigapKpiCard *self,
           GtkWidget    *parent,
           const char   *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);

  if (parent != NULL)
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, GTK_WIDGET (self));

  return GTK_LABEL (label);
}

static void
update_description (SigapKpiCard *self)
{
  g_autoptr(GString) text = g_string_new (self->exact != NULL
                                          ? self->exact
                                          : gtk_label_get_label (self->value_label));
  const char *lines[] = {
    gtk_label_get_label (self->badge_label),
    gtk_label_get_label (self->detail_label),
    gtk_label_get_label (self->change_label),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL && *lines[i] != '\0')
      g_string_append_printf (text, ". %s", lines[i]);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
sigap_kpi_card_dispose (GObject *object)
{
  SigapKpiCard *self = SIGAP_KPI_CARD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sigap_kpi_card_parent_class)->dispose (object);
}

static void
sigap_kpi_card_finalize (GObject *object)
{
  SigapKpiCard *self = SIGAP_KPI_CARD (object);

  g_free (self->exact);

  G_OBJECT_CLASS (sigap_kpi_card_parent_class)->finalize (object);
}

static void
sigap_kpi_card_class_init (SigapKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_kpi_card_dispose;
  object_class->finalize = sigap_kpi_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  /* The card itself takes the focus: its labels are read as its name and description. */
  widget_class->focus = sigap_a11y_focus_self;
  widget_class->grab_focus = sigap_a11y_grab_focus_self;
}

static void
sigap_kpi_card_init (SigapKpiCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title_box;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);

  title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (title_box, GTK_WIDGET (self));
  self->title_label = add_label (self, title_box, "kpi-title");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  self->badge_label = add_label (self, title_box, "kpi-badge");
  gtk_label_set_wrap (self->badge_label, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->badge_label), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), FALSE);
  self->value_label = add_label (self, NULL, "kpi-value");
  /* Never cut a figure: the grid gives the card the room it needs instead. */
  gtk_label_set_wrap (self->value_label, FALSE);
  self->detail_label = add_label (self, NULL, "kpi-detail");

  self->change_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->change_box, "kpi-change");
  gtk_widget_set_valign (self->change_box, GTK_ALIGN_END);
  gtk_widget_set_vexpand (self->change_box, TRUE);
  gtk_widget_set_parent (self->change_box, GTK_WIDGET (self));
  self->change_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->change_icon), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->change_box), GTK_WIDGET (self->change_icon));
  self->change_sign = GTK_LABEL (gtk_label_new ("="));
  gtk_widget_add_css_class (GTK_WIDGET (self->change_sign), "kpi-change-sign");
  gtk_widget_set_valign (GTK_WIDGET (self->change_sign), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->change_sign), FALSE);
  gtk_box_append (GTK_BOX (self->change_box), GTK_WIDGET (self->change_sign));
  self->change_label = add_label (self, self->change_box, "kpi-change-label");
  gtk_widget_set_visible (self->change_box, FALSE);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
}

GtkWidget *
sigap_kpi_card_new (void)
{
  return g_object_new (SIGAP_TYPE_KPI_CARD, NULL);
}

const char *
sigap_kpi_card_get_title (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
sigap_kpi_card_set_title (SigapKpiCard *self,
                          const char   *title)
{
  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  gtk_label_set_label (self->title_label, title);
}

const char *
sigap_kpi_card_get_badge (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return gtk_label_get_label (self->badge_label);
}

/**
 * sigap_kpi_card_set_badge:
 * @badge: (nullable): a word or two beside the name, such as "whole city"; %NULL for none
 */
void
sigap_kpi_card_set_badge (SigapKpiCard *self,
                          const char   *badge)
{
  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  gtk_label_set_label (self->badge_label, badge != NULL ? badge : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), badge != NULL && *badge != '\0');
  update_description (self);
}

const char *
sigap_kpi_card_get_value (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return gtk_label_get_label (self->value_label);
}

/**
 * sigap_kpi_card_get_exact:
 *
 * Returns: (nullable): the exact figure when the value is shortened, else %NULL
 */
const char *
sigap_kpi_card_get_exact (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return self->exact;
}

/**
 * sigap_kpi_card_set_value:
 * @value: the figure as shown
 * @exact: (nullable): the exact figure, for the tooltip and screen readers, when @value is
 *   shortened ("Rp1,48 miliar" for "Rp1.483.204.800")
 */
void
sigap_kpi_card_set_value (SigapKpiCard *self,
                          const char   *value,
                          const char   *exact)
{
  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  gtk_label_set_label (self->value_label, value);
  g_free (self->exact);
  self->exact = g_strcmp0 (value, exact) != 0 ? g_strdup (exact) : NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_label), self->exact);
  update_description (self);
}

const char *
sigap_kpi_card_get_detail (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

void
sigap_kpi_card_set_detail (SigapKpiCard *self,
                           const char   *detail)
{
  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
  update_description (self);
}

const char *
sigap_kpi_card_get_change (SigapKpiCard *self)
{
  g_return_val_if_fail (SIGAP_IS_KPI_CARD (self), NULL);

  return gtk_label_get_label (self->change_label);
}

/**
 * sigap_kpi_card_set_change:
 * @change: (nullable): the change since the previous month end, in words
 * @trend: which way the figure went, for the arrow
 */
void
sigap_kpi_card_set_change (SigapKpiCard  *self,
                           const char    *change,
                           SigapKpiTrend  trend)
{
  const char *icon = NULL;

  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  switch (trend)
    {
    case SIGAP_KPI_TREND_UP:
      icon = "go-up-symbolic";
      break;
    case SIGAP_KPI_TREND_DOWN:
      icon = "go-down-symbolic";
      break;
    case SIGAP_KPI_TREND_FLAT:
      break;
    case SIGAP_KPI_TREND_NONE:
    default:
      break;
    }

  gtk_image_set_from_icon_name (self->change_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->change_icon), icon != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->change_sign), trend == SIGAP_KPI_TREND_FLAT);
  gtk_label_set_label (self->change_label, change != NULL ? change : "");
  gtk_widget_set_visible (self->change_box, change != NULL && *change != '\0');
  update_description (self);
}

/* "+123 since 30 Sep 2026", "No change since 30 Sep 2026": @magnitude is the change without
 * its sign, already formatted. */
static void
set_change_text (SigapKpiCard *self,
                 int           sign,
                 const char   *magnitude,
                 const GDate  *since,
                 SigapLang     lang)
{
  g_autofree char *date = sigap_format_date (since, lang, TRUE);
  g_autofree char *text = NULL;

  if (sign == 0)
    {
      /* TRANSLATORS: a KPI card's change since the previous month end: "No change since
       * 30 Sep 2026" */
      text = g_strdup_printf (_("No change since %s"), date);
      sigap_kpi_card_set_change (self, text, SIGAP_KPI_TREND_FLAT);
      return;
    }

  /* TRANSLATORS: a KPI card's change since the previous month end: "+123 since 30 Sep 2026";
   * the first %s is the signed change, the second the date */
  text = g_strdup_printf (_("%s%s since %s"), sign > 0 ? "+" : "\u2212", magnitude, date);
  sigap_kpi_card_set_change (self, text, sign > 0 ? SIGAP_KPI_TREND_UP : SIGAP_KPI_TREND_DOWN);
}

/**
 * sigap_kpi_card_set_count_change:
 * @delta: the figure now less the figure on @since
 * @since: the previous month end
 */
void
sigap_kpi_card_set_count_change (SigapKpiCard *self,
                                 gint64        delta,
                                 const GDate  *since,
                                 SigapLang     lang)
{
  g_autofree char *magnitude = NULL;

  g_return_if_fail (SIGAP_IS_KPI_CARD (self));
  g_return_if_fail (since != NULL);

  magnitude = sigap_format_count (delta < 0 ? -delta : delta, lang);
  set_change_text (self, delta > 0 ? 1 : delta < 0 ? -1 : 0, magnitude, since, lang);
}

/* The short amount ("Rp1,5 miliar") is shown; the exact one goes to the tooltip and to screen
 * readers. @defined FALSE shows the no-value dash, e.g. before a pagu is entered. */
void
sigap_kpi_card_set_rupiah_value (SigapKpiCard *self,
                                 gint64        value,
                                 gboolean      defined,
                                 SigapLang     lang)
{
  g_autofree char *shown = NULL;
  g_autofree char *exact = NULL;

  g_return_if_fail (SIGAP_IS_KPI_CARD (self));

  if (!defined)
    {
      sigap_kpi_card_set_value (self, SIGAP_FORMAT_NO_VALUE, NULL);
      return;
    }

  shown = sigap_format_rupiah_short (value, lang);
  exact = sigap_format_rupiah (value, lang);
  sigap_kpi_card_set_value (self, shown, exact);
}

void
sigap_kpi_card_set_rupiah_change (SigapKpiCard *self,
                                  gint64        delta,
                                  const GDate  *since,
                                  SigapLang     lang)
{
  g_autofree char *magnitude = NULL;

  g_return_if_fail (SIGAP_IS_KPI_CARD (self));
  g_return_if_fail (since != NULL);

  magnitude = sigap_format_rupiah_short (delta < 0 ? -delta : delta, lang);
  set_change_text (self, delta > 0 ? 1 : delta < 0 ? -1 : 0, magnitude, since, lang);
}

/**
 * sigap_kpi_card_set_points_change:
 * @delta: the change of a percentage, in percentage points
 */
void
sigap_kpi_card_set_points_change (SigapKpiCard *self,
                                  double        delta,
                                  const GDate  *since,
                                  SigapLang     lang)
{
  g_autofree char *number = NULL;
  g_autofree char *magnitude = NULL;
  double rounded;

  g_return_if_fail (SIGAP_IS_KPI_CARD (self));
  g_return_if_fail (since != NULL);

  if (!isfinite (delta))
    {
      sigap_kpi_card_set_change (self, NULL, SIGAP_KPI_TREND_NONE);
      return;
    }

  /* As shown, to one decimal: a change that rounds to 0,0 is no change. */
  rounded = round (fabs (delta) * 10) / 10;
  number = sigap_format_decimal (rounded, 1, lang);
  /* TRANSLATORS: a change of a percentage in percentage points: "0.4 pts" */
  magnitude = g_strdup_printf (_("%s pts"), number);
  set_change_text (self, rounded == 0 ? 0 : delta > 0 ? 1 : -1, magnitude, since, lang);
}
