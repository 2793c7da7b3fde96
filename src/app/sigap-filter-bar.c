/* sigap-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapFilterBar: the strip under the header bar that says what every page is showing:
 * the scope (Kota Bekasi or one of its kecamatan, named as the database names them), the
 * segment, and the as-of date, picked on a calendar that keeps to the dates the data cover.
 * It shows the window's SigapFilterModel and writes what the user picks into it; :filter
 * follows the model.
 *
 * On a window too narrow for the three in a row they wrap onto a second line, each centred
 * and whole: a name cut to "Kota Bek…" does not say what is shown.
 *
 * CSS node: filterbar, accessible role: toolbar. Each control is named with its value
 * ("Region: Kota Bekasi", "Date of the figures: 31 October 2026"), renamed when it changes.
 * The date can be set from the keyboard alone: the popover's entry takes a typed date
 * (31-10-2026, 31 Okt 2026, 2026-10-31) and Up and Down move it by a day; the new date
 * replaces the entry's text, which a screen reader reads out.
 */

#include <glib/gi18n.h>

#include "core/sigap-format.h"
#include "core/sigap-import-value.h"
#include "sigap-a11y.h"
#include "sigap-filter-bar.h"

#define FILTER(self) sigap_filter_model_get_filter ((self)->model)

struct _SigapFilterBar
{
  GtkWidget       parent_instance;

  GtkDropDown    *scope_dropdown;
  GtkStringList  *scope_names;
  GStrv           scope_codes;
  GtkDropDown    *segment_dropdown;
  GtkMenuButton  *date_button;
  GtkLabel       *date_label;
  GtkText        *date_entry;
  GtkCalendar    *calendar;
  GtkLabel       *range_label;
  GtkButton      *latest_button;

  SigapFilterModel *model;
  gboolean        updating;
  gboolean        pointer_pick;   /* the calendar was clicked: a day picked closes it */
};

G_DEFINE_FINAL_TYPE (SigapFilterBar, sigap_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SigapSegment segments[] = {
  SIGAP_SEGMENT_RENTAN, SIGAP_SEGMENT_EKOSISTEM, SIGAP_SEGMENT_ALL,
};

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

static void
set_entry_valid (SigapFilterBar *self,
                 gboolean        valid)
{
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

/* The date button, the calendar and the entry say the date in full. */
static void
name_date_controls (SigapFilterBar *self,
                    SigapLang       lang)
{
  g_autofree char *full = sigap_format_date (&FILTER (self)->as_of, lang, FALSE);
  g_autofree char *button_name = NULL;
  g_autofree char *calendar_name = NULL;

  /* TRANSLATORS: the date button, read by a screen reader:
   * "Date of the figures: 31 October 2026" */
  button_name = g_strdup_printf (_("Date of the figures: %s"), full);
  sigap_a11y_name_menu_button (self->date_button, button_name);

  /* TRANSLATORS: the calendar, read by a screen reader: "Calendar: 31 October 2026" */
  calendar_name = g_strdup_printf (_("Calendar: %s"), full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, calendar_name,
                                  -1);
}

/* Shows the filter in the controls, without reacting to the changes this makes. */
static void
sync_controls (SigapFilterBar *self)
{
  SigapLang lang = sigap_lang_from_locale ();
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) date_time = NULL;
  GDate last;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    if (segments[i] == FILTER (self)->segment)
      gtk_drop_down_set_selected (self->segment_dropdown, i);

  if (self->scope_codes != NULL)
    for (guint i = 0; self->scope_codes[i] != NULL; i++)
      if (g_strcmp0 (self->scope_codes[i], FILTER (self)->scope) == 0)
        gtk_drop_down_set_selected (self->scope_dropdown, i);

  /* The date alone, next to a calendar icon: the page heading says "as of" in full, and a
   * narrow window keeps room for the date itself. */
  date = sigap_format_date (&FILTER (self)->as_of, lang, TRUE);
  gtk_label_set_label (self->date_label, date);
  name_date_controls (self, lang);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_editable_set_position (GTK_EDITABLE (self->date_entry), -1);
  set_entry_valid (self, TRUE);

  date_time = date_time_from_date (&FILTER (self)->as_of);
  gtk_calendar_select_day (self->calendar, date_time);

  sigap_filter_model_get_date_range (self->model, NULL, &last);
  if (g_date_valid (&last))
    gtk_widget_set_sensitive (GTK_WIDGET (self->latest_button),
                              g_date_compare (&FILTER (self)->as_of, &last) != 0);

  self->updating = FALSE;
}

static void
set_filter_internal (SigapFilterBar *self,
                     const GDate    *as_of,
                     const char     *scope,
                     SigapSegment    segment)
{
  g_autoptr(SigapFilter) filter = sigap_filter_new (as_of, scope, segment);

  /* Unchanged (a date outside the data kept within them): the controls show the model's. */
  if (!sigap_filter_model_set_filter (self->model, filter))
    sync_controls (self);
}

static void
model_changed_cb (SigapFilterBar *self)
{
  sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* The calendar's caption and the latest-date button follow the dates the data cover. */
static void
model_range_changed_cb (SigapFilterBar *self)
{
  SigapLang lang = sigap_lang_from_locale ();
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *range = NULL;
  GDate first, last;

  sigap_filter_model_get_date_range (self->model, &first, &last);
  if (!g_date_valid (&first) || !g_date_valid (&last))
    return;

  first_text = sigap_format_date (&first, lang, FALSE);
  last_text = sigap_format_date (&last, lang, FALSE);
  /* TRANSLATORS: under the calendar: "Data from 1 January 2024 to 31 October 2026" */
  range = g_strdup_printf (_("Data from %s to %s"), first_text, last_text);
  gtk_label_set_label (self->range_label, range);
  sync_controls (self);
}

static void
segment_selected_cb (SigapFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->segment_dropdown);

  if (self->updating || selected >= G_N_ELEMENTS (segments))
    return;

  set_filter_internal (self, &FILTER (self)->as_of, FILTER (self)->scope, segments[selected]);
}

static void
scope_selected_cb (SigapFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);

  if (self->updating || self->scope_codes == NULL ||
      selected >= g_strv_length (self->scope_codes))
    return;

  set_filter_internal (self, &FILTER (self)->as_of, self->scope_codes[selected],
                       FILTER (self)->segment);
}

static void
day_selected_cb (SigapFilterBar *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (self->updating)
    return;

  date_time = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time), g_date_time_get_year (date_time));

  set_filter_internal (self, &date, FILTER (self)->scope, FILTER (self)->segment);

  /* A click on a day is a choice; the arrow keys only move through the days (the figures
   * follow), and Enter or Escape closes the calendar. */
  if (self->pointer_pick)
    gtk_menu_button_popdown (self->date_button);
  self->pointer_pick = FALSE;
}

static void
calendar_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     SigapFilterBar  *self)
{
  self->pointer_pick = TRUE;
}

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         SigapFilterBar        *self)
{
  /* What follows comes from the keyboard, whatever was clicked before (a month arrow). */
  self->pointer_pick = FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* The calendar may still take Enter for the focused day. */
      gtk_menu_button_popdown (self->date_button);
      return FALSE;
    default:
      return FALSE;
    }
}

static void
move_date (SigapFilterBar *self,
           int             days)
{
  GDate date = FILTER (self)->as_of;

  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);

  set_filter_internal (self, &date, FILTER (self)->scope, FILTER (self)->segment);
}

static void
date_entry_activated_cb (SigapFilterBar *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  GDate date;

  /* The importer's reader: ISO, 31-10-2026, 31/10/2026, 31 Okt 2026, 31 October 2026. */
  if (!sigap_import_parse_date (text, &date, NULL))
    {
      set_entry_valid (self, FALSE);
      return;
    }

  set_filter_internal (self, &date, FILTER (self)->scope, FILTER (self)->segment);
}

static gboolean
date_entry_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           SigapFilterBar        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_date (self, 1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_date (self, -1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_date (self, 7);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_date (self, -7);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
latest_clicked_cb (SigapFilterBar *self)
{
  GDate last;

  sigap_filter_model_get_date_range (self->model, NULL, &last);
  if (!g_date_valid (&last))
    return;

  set_filter_internal (self, &last, FILTER (self)->scope, FILTER (self)->segment);
  gtk_menu_button_popdown (self->date_button);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      /* In the button: the name in full, even in a narrow window (the bar wraps). */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
  sigap_a11y_name_list_item (item, gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

static GtkDropDown *
dropdown_new (GtkStringList *strings,
              const char    *tooltip)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (strings)), NULL);
  g_autoptr(GtkListItemFactory) factory = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (FALSE);

  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
  gtk_widget_set_tooltip_text (dropdown, tooltip);
  sigap_a11y_track_drop_down (GTK_DROP_DOWN (dropdown), tooltip);
  return GTK_DROP_DOWN (dropdown);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (out, child);
      else
        collect_buttons (child, out);
    }
}

/* GtkCalendar's header has four arrow buttons, which GTK 4.8 leaves unnamed: in widget
 * order, previous and next month, then previous and next year. */
static void
name_calendar_arrows (GtkCalendar *calendar)
{
  const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;

  for (guint i = 0; i < buttons->len; i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                      -1);
      gtk_widget_set_tooltip_text (g_ptr_array_index (buttons, i), _(names[i]));
    }
}

static GtkWidget *
build_date_popover (SigapFilterBar *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkGesture *click;
  GtkEventController *key;
  GtkWidget *label;

  /* Typed, or moved a day at a time with Up and Down. */
  label = gtk_label_new_with_mnemonic (_("_Date"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  /* A GtkText has no role of its own (its GtkEntry speaks for it): a text box. */
  self->date_entry = g_object_new (GTK_TYPE_TEXT,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX,
                                   NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->date_entry));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 14);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "date-entry");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry),
                               _("Type a date such as 31-10-2026, or move it a day at a time "
                                 "with Up and Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Type a date such as 31-10-2026, or move it a day at a time "
                                    "with Up and Down"),
                                  -1);
  g_signal_connect_swapped (self->date_entry, "activate",
                            G_CALLBACK (date_entry_activated_cb), self);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (date_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->date_entry), key);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->date_entry));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  name_calendar_arrows (self->calendar);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (calendar_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  /* Before the calendar's own, which consumes the arrow keys. */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), key);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  self->range_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->range_label, TRUE);
  gtk_label_set_max_width_chars (self->range_label, 30);
  gtk_label_set_justify (self->range_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->range_label));

  self->latest_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Latest data")));
  g_signal_connect_swapped (self->latest_button, "clicked", G_CALLBACK (latest_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->latest_button));

  sigap_a11y_fix_access_keys (box);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* Lays the controls out in lines of @width: as many on a line as fit at their natural widths,
 * each line centred. Returns the height; allocates them when @allocate. */
#define CONTROL_SPACING 6

static int
flow_controls (SigapFilterBar *self,
               int             width,
               gboolean        allocate)
{
  GtkWidget *line[3];
  int widths[3];
  guint n = 0;
  int line_width = 0, line_height = 0, y = 0;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  for (;;)
    {
      int nat_w = 0, nat_h = 0;
      gboolean end = child == NULL;

      if (!end)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_w, NULL, NULL);
          nat_w = width > 0 ? MIN (nat_w, width) : nat_w;
        }

      /* Close the line when this control does not fit on it, or at the end. */
      if (n > 0 && (end || n == G_N_ELEMENTS (line) ||
                    (width > 0 && line_width + CONTROL_SPACING + nat_w > width)))
        {
          int x = width > 0 ? MAX ((width - line_width) / 2, 0) : 0;

          for (guint i = 0; i < n; i++)
            {
              if (allocate)
                gtk_widget_size_allocate (line[i],
                                          &(GtkAllocation) { x, y, widths[i], line_height }, -1);
              x += widths[i] + CONTROL_SPACING;
            }
          y += line_height + CONTROL_SPACING;
          n = 0;
          line_width = line_height = 0;
        }

      if (end)
        break;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, nat_w, NULL, &nat_h, NULL, NULL);
      line[n] = child;
      widths[n] = nat_w;
      line_width += (n > 0 ? CONTROL_SPACING : 0) + nat_w;
      line_height = MAX (line_height, nat_h);
      n++;
      child = gtk_widget_get_next_sibling (child);
    }

  return MAX (y - CONTROL_SPACING, 0);
}

static GtkSizeRequestMode
sigap_filter_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sigap_filter_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SigapFilterBar *self = SIGAP_FILTER_BAR (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = 0;

      /* At least the widest control, at best all in a row. */
      *minimum = *natural = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          *minimum = MAX (*minimum, min_w);
          *natural += nat_w + (n++ > 0 ? CONTROL_SPACING : 0);
        }
      return;
    }

  *minimum = *natural = flow_controls (self, for_size, FALSE);
}

static void
sigap_filter_bar_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  flow_controls (SIGAP_FILTER_BAR (widget), width, TRUE);
}

static void
sigap_filter_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  sigap_filter_bar_set_model (SIGAP_FILTER_BAR (object), NULL);

  G_OBJECT_CLASS (sigap_filter_bar_parent_class)->dispose (object);
}

static void
sigap_filter_bar_finalize (GObject *object)
{
  SigapFilterBar *self = SIGAP_FILTER_BAR (object);

  g_clear_pointer (&self->scope_codes, g_strfreev);
  g_clear_object (&self->scope_names);

  G_OBJECT_CLASS (sigap_filter_bar_parent_class)->finalize (object);
}

static void
sigap_filter_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SigapFilterBar *self = SIGAP_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_boxed (value, FILTER (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_filter_bar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SigapFilterBar *self = SIGAP_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      sigap_filter_bar_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_filter_bar_class_init (SigapFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_filter_bar_dispose;
  object_class->finalize = sigap_filter_bar_finalize;
  object_class->get_property = sigap_filter_bar_get_property;
  object_class->set_property = sigap_filter_bar_set_property;

  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, SIGAP_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->get_request_mode = sigap_filter_bar_get_request_mode;
  widget_class->measure = sigap_filter_bar_measure;
  widget_class->size_allocate = sigap_filter_bar_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "filterbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
sigap_filter_bar_init (SigapFilterBar *self)
{
  g_autoptr(GtkStringList) segment_names = gtk_string_list_new (NULL);
  GtkWidget *date_box;
  g_autoptr(SigapFilterModel) model = sigap_filter_model_new ();

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    gtk_string_list_append (segment_names, sigap_segment_get_label (segments[i]));


  self->scope_names = gtk_string_list_new (NULL);
  self->scope_dropdown = dropdown_new (self->scope_names, _("Region"));
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected",
                            G_CALLBACK (scope_selected_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->scope_dropdown), GTK_WIDGET (self));

  self->segment_dropdown = dropdown_new (segment_names, _("Segment"));
  g_signal_connect_swapped (self->segment_dropdown, "notify::selected",
                            G_CALLBACK (segment_selected_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->segment_dropdown), GTK_WIDGET (self));

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  date_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (date_box), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  /* The date is never cut: the drop-downs give way first. */
  self->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (date_box), GTK_WIDGET (self->date_label));
  gtk_menu_button_set_child (self->date_button, date_box);
  gtk_menu_button_set_popover (self->date_button, build_date_popover (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Date of the figures"));
  gtk_widget_set_parent (GTK_WIDGET (self->date_button), GTK_WIDGET (self));

  /* A model of its own until the window gives it the window's. */
  sigap_filter_bar_set_model (self, model);
}

GtkWidget *
sigap_filter_bar_new (void)
{
  return g_object_new (SIGAP_TYPE_FILTER_BAR, NULL);
}

const SigapFilter *
sigap_filter_bar_get_filter (SigapFilterBar *self)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_BAR (self), NULL);

  return FILTER (self);
}

/**
 * sigap_filter_bar_get_model:
 *
 * Returns: (transfer none): the filter the bar shows
 */
SigapFilterModel *
sigap_filter_bar_get_model (SigapFilterBar *self)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_BAR (self), NULL);

  return self->model;
}

/**
 * sigap_filter_bar_set_model:
 * @model: (nullable): the filter to show and to write the user's choices into; the bar keeps
 *   a reference
 */
void
sigap_filter_bar_set_model (SigapFilterBar   *self,
                            SigapFilterModel *model)
{
  g_return_if_fail (SIGAP_IS_FILTER_BAR (self));
  g_return_if_fail (model == NULL || SIGAP_IS_FILTER_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model == NULL)
    return;

  g_signal_connect_swapped (model, "changed", G_CALLBACK (model_changed_cb), self);
  g_signal_connect_swapped (model, "notify::first", G_CALLBACK (model_range_changed_cb), self);
  g_signal_connect_swapped (model, "notify::last", G_CALLBACK (model_range_changed_cb), self);
  model_range_changed_cb (self);
  model_changed_cb (self);
}

/**
 * sigap_filter_bar_set_filter:
 *
 * Shows @filter, its date kept within the date range.
 */
void
sigap_filter_bar_set_filter (SigapFilterBar    *self,
                             const SigapFilter *filter)
{
  g_return_if_fail (SIGAP_IS_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  set_filter_internal (self, &filter->as_of, filter->scope, filter->segment);
}

/**
 * sigap_filter_bar_set_regions:
 * @codes: (array zero-terminated=1): the region codes offered as scope, the city first
 * @names: (array zero-terminated=1): their names
 */
void
sigap_filter_bar_set_regions (SigapFilterBar     *self,
                              const char * const *codes,
                              const char * const *names)
{
  g_return_if_fail (SIGAP_IS_FILTER_BAR (self));
  g_return_if_fail (codes != NULL && names != NULL);
  g_return_if_fail (g_strv_length ((GStrv) codes) == g_strv_length ((GStrv) names));

  self->updating = TRUE;
  g_strfreev (self->scope_codes);
  self->scope_codes = g_strdupv ((GStrv) codes);
  gtk_string_list_splice (self->scope_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scope_names)),
                          names);
  self->updating = FALSE;

  if (!sigap_filter_bar_has_region (self, FILTER (self)->scope))
    set_filter_internal (self, &FILTER (self)->as_of, SIGAP_CITY_CODE, FILTER (self)->segment);
  else
    sync_controls (self);
}

gboolean
sigap_filter_bar_has_region (SigapFilterBar *self,
                             const char     *code)
{
  g_return_val_if_fail (SIGAP_IS_FILTER_BAR (self), FALSE);

  return self->scope_codes != NULL && code != NULL &&
         g_strv_contains ((const char * const *) self->scope_codes, code);
}
