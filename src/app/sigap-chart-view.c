/* sigap-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapChartView: draws a SigapChartDrawable, a chart (through SigapChartLayout) or the
 * Wilayah page's tile map (SigapChartMap), through the Cairo painter, and makes it something
 * a person can point at and a screen reader can read. Everything but the figures is here
 * once for both:
 *
 * - The layout is computed when the data, the size or the style change (the drawable caches
 *   it), never per frame; snapshot only paints.
 * - Hovering shows the tooltip of the hit region under the pointer and highlights it; the
 *   pointer becomes a hand over items that drill down.
 * - It takes keyboard focus: the arrow keys move a highlighted item (a chart's category in
 *   order, a map's tile to the nearest one in that direction), Home and End to the first and
 *   last, whose figures :selection-text holds (the chart card shows them under the chart);
 *   Enter or Space activates it. A click activates the item under the pointer.
 *   ::category-activated carries the item's index and key, for drilling down.
 * - The colours follow AdwStyleManager (dark, high contrast) and the card behind the chart;
 *   the labels use the desktop's font.
 *
 * CSS node: chartview, with the style class "map" while it shows a map. Accessible role:
 * GTK_ACCESSIBLE_ROLE_IMG, with the title as label (set by the card or the page) and
 * sigap_chart_drawable_describe() as description, kept current.
 */

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-cairo-painter.h"
#include "chart/sigap-chart-layout.h"
#include "sigap-chart-style-widget.h"
#include "sigap-chart-view.h"

#define MIN_WIDTH       160
#define MIN_HEIGHT      120
#define DEFAULT_HEIGHT  280

struct _SigapChartView
{
  GtkWidget           parent_instance;

  SigapChartDrawable *drawable;      /* the layout of chart, or map */
  SigapChart         *chart;
  SigapChartStyle    *style;
  SigapLang           lang;
  int                 natural_height;

  int                 selected;      /* item chosen with the keyboard, -1 for none */
  int                 hovered;       /* index of the hit region under the pointer, or -1 */
  char               *selection_text;
  gboolean            drawn;

  /* Measures text for hit-testing before the first snapshot; the same font options as the
   * snapshot's painter (the Cairo painter turns metric hinting off), so the same layout. */
  cairo_surface_t    *measure_surface;
};

G_DEFINE_FINAL_TYPE (SigapChartView, sigap_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_MAP,
  PROP_NATURAL_HEIGHT,
  PROP_SELECTED,
  PROP_SELECTION_TEXT,
  PROP_DRAWN,
  N_PROPS
};

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_style (SigapChartView *self)
{
  g_autoptr(SigapChartStyle) style = sigap_chart_style_new_for_widget (GTK_WIDGET (self));

  if (sigap_chart_style_equal (style, self->style))
    return;

  g_clear_pointer (&self->style, sigap_chart_style_free);
  self->style = g_steal_pointer (&style);

  if (self->drawable == NULL)
    return;

  sigap_chart_drawable_set_style (self->drawable, self->style);
  /* A map's height follows its tiles, which the font's title and legend share: it asks for
   * a new size. A chart is drawn anew at its size (a new allocation would drop the band
   * under the pointer). */
  if (SIGAP_IS_CHART_MAP (self->drawable))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_description (SigapChartView *self)
{
  g_autofree char *description = sigap_chart_view_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static SigapPainter *
measuring_painter (SigapChartView *self,
                   cairo_t       **out_cr)
{
  if (self->measure_surface == NULL)
    self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

  *out_cr = cairo_create (self->measure_surface);
  return sigap_cairo_painter_new (*out_cr);
}

/* Lays the drawable out for the current size if it is not already. */
static gboolean
ensure_layout (SigapChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(SigapPainter) painter = NULL;
  cairo_t *cr;

  if (self->drawable == NULL || width <= 0 || height <= 0)
    return FALSE;

  painter = measuring_painter (self, &cr);
  sigap_chart_drawable_allocate (self->drawable, painter, width, height);
  g_clear_object (&painter);
  cairo_destroy (cr);

  return TRUE;
}

static const SigapChartHitRegions *
hit_regions (SigapChartView *self)
{
  return sigap_chart_drawable_get_hit_regions (self->drawable);
}

/* Later regions (labels, points) sit on top of earlier ones: the last that holds the point. */
static const SigapChartHitRegion *
find_region (SigapChartView *self,
             double          x,
             double          y,
             int            *out_index)
{
  *out_index = -1;
  if (!ensure_layout (self))
    return NULL;

  return sigap_chart_hit_regions_hit_test (hit_regions (self), x, y, out_index);
}

/* Every figure of @item: the tooltips of its regions, the item's name once; @area, when
 * given, the rectangle around them. */
static char *
item_text (SigapChartView *self,
           int             item,
           GdkRectangle   *area)
{
  g_autoptr(GString) text = NULL;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  guint n;

  if (item < 0 || !ensure_layout (self))
    return NULL;

  n = sigap_chart_hit_regions_get_n_items (hit_regions (self));
  for (guint i = 0; i < n; i++)
    {
      const SigapChartHitRegion *region = sigap_chart_hit_regions_get_item (hit_regions (self), i);
      const char *rest;

      if (region->category != item || region->tooltip == NULL)
        continue;

      x1 = MIN (x1, region->rect.x);
      y1 = MIN (y1, region->rect.y);
      x2 = MAX (x2, region->rect.x + region->rect.width);
      y2 = MAX (y2, region->rect.y + region->rect.height);

      if (text == NULL)
        {
          text = g_string_new (region->tooltip);
          continue;
        }

      rest = strchr (region->tooltip, '\n');
      if (rest != NULL && strstr (text->str, rest) == NULL)
        g_string_append (text, rest);
    }

  if (text == NULL)
    return NULL;

  if (area != NULL)
    {
      area->x = (int) floor (x1);
      area->y = (int) floor (y1);
      area->width = (int) ceil (x2 - x1);
      area->height = (int) ceil (y2 - y1);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_selection_text (SigapChartView *self)
{
  g_autofree char *text = item_text (self, self->selected, NULL);

  if (g_strcmp0 (text, self->selection_text) == 0)
    return;

  g_free (self->selection_text);
  self->selection_text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_TEXT]);
}

static guint
n_items (SigapChartView *self)
{
  return self->drawable != NULL ? sigap_chart_drawable_get_n_items (self->drawable) : 0;
}

static void
activate_item (SigapChartView *self,
               int             item)
{
  if (item < 0 || (guint) item >= n_items (self))
    return;

  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, (guint) item,
                 sigap_chart_drawable_get_item_key (self->drawable, item));
}

static void
style_manager_changed_cb (SigapChartView *self)
{
  update_style (self);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  SigapChartView *self = SIGAP_CHART_VIEW (widget);
  const SigapChartHitRegion *region;
  GdkRectangle area;
  int index;

  if (keyboard_mode)
    {
      g_autofree char *text = item_text (self, self->selected, &area);

      if (text == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, text);
      gtk_tooltip_set_tip_area (tooltip, &area);
      return TRUE;
    }

  region = find_region (self, x, y, &index);
  if (region == NULL || region->tooltip == NULL)
    return FALSE;

  area.x = (int) floor (region->rect.x);
  area.y = (int) floor (region->rect.y);
  area.width = (int) ceil (region->rect.width);
  area.height = (int) ceil (region->rect.height);
  gtk_tooltip_set_text (tooltip, region->tooltip);
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

static void
set_hovered (SigapChartView *self,
             int             index)
{
  if (self->hovered == index)
    return;

  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SigapChartView           *self)
{
  const SigapChartHitRegion *region;
  int index;

  region = find_region (self, x, y, &index);
  set_hovered (self, index);

  if (region != NULL && region->category >= 0 && (guint) region->category < n_items (self) &&
      sigap_chart_drawable_get_item_key (self->drawable, region->category) != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SigapChartView           *self)
{
  set_hovered (self, -1);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SigapChartView  *self)
{
  const SigapChartHitRegion *region;
  int index;

  region = find_region (self, x, y, &index);
  if (region == NULL || region->category < 0)
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  sigap_chart_view_set_selected (self, region->category);
  activate_item (self, region->category);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SigapChartView        *self)
{
  guint n = n_items (self);
  int selected = self->selected;
  int dx = 0, dy = 0;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      selected = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      selected = (int) n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (selected < 0)
        return FALSE;
      activate_item (self, selected);
      return TRUE;
    case GDK_KEY_Escape:
      if (selected < 0)
        return FALSE;
      sigap_chart_view_set_selected (self, -1);
      return TRUE;
    default:
      return FALSE;
    }

  if (dx != 0 || dy != 0)
    selected = selected < 0 ? 0 : sigap_chart_drawable_step (self->drawable, selected, dx, dy);

  sigap_chart_view_set_selected (self, selected);
  return TRUE;
}

static void
focus_changed_cb (SigapChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sigap_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SigapChartView *self = SIGAP_CHART_VIEW (widget);
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  g_autoptr(SigapPainter) painter = NULL;
  cairo_t *cr = NULL;

  *minimum = horizontal ? MIN_WIDTH : MIN_HEIGHT;
  *natural = horizontal ? MAX (MIN_WIDTH, 480) : MAX (self->natural_height, MIN_HEIGHT);

  if (self->drawable == NULL)
    return;

  if (!horizontal)
    painter = measuring_painter (self, &cr);
  sigap_chart_drawable_measure (self->drawable, painter, horizontal, for_size, minimum, natural);
  g_clear_object (&painter);
  g_clear_pointer (&cr, cairo_destroy);
}

static GtkSizeRequestMode
sigap_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sigap_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SigapChartView *self = SIGAP_CHART_VIEW (widget);

  /* The regions move with the size: what was under the pointer may not be any more. */
  self->hovered = -1;
  ensure_layout (self);
  update_selection_text (self);
}

static void
sigap_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SigapChartView *self = SIGAP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(SigapPainter) painter = NULL;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
  SigapChartHighlight highlight;
  cairo_t *cr;

  if (self->drawable == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                  &accent);
  highlight = (SigapChartHighlight) {
    .hovered = self->hovered,
    .selected = self->selected,
    .focused = gtk_widget_has_focus (widget),
    .accent = { accent.red, accent.green, accent.blue, accent.alpha },
  };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painter = sigap_cairo_painter_new (cr);

  sigap_chart_drawable_allocate (self->drawable, painter, width, height);
  sigap_chart_drawable_draw (self->drawable, painter, &highlight);

  g_clear_object (&painter);
  cairo_destroy (cr);

  if (!self->drawn)
    {
      self->drawn = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
    }
}

static void
sigap_chart_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sigap_chart_view_parent_class)->css_changed (widget, change);

  update_style (SIGAP_CHART_VIEW (widget));
}

static void
sigap_chart_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sigap_chart_view_parent_class)->root (widget);

  update_style (SIGAP_CHART_VIEW (widget));
}

static void
sigap_chart_view_dispose (GObject *object)
{
  SigapChartView *self = SIGAP_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->drawable);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (sigap_chart_view_parent_class)->dispose (object);
}

static void
sigap_chart_view_finalize (GObject *object)
{
  SigapChartView *self = SIGAP_CHART_VIEW (object);

  g_clear_pointer (&self->style, sigap_chart_style_free);
  g_clear_pointer (&self->selection_text, g_free);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (sigap_chart_view_parent_class)->finalize (object);
}

static void
sigap_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SigapChartView *self = SIGAP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_MAP:
      g_value_set_object (value, sigap_chart_view_get_map (self));
      break;
    case PROP_NATURAL_HEIGHT:
      g_value_set_int (value, self->natural_height);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_SELECTION_TEXT:
      g_value_set_string (value, self->selection_text);
      break;
    case PROP_DRAWN:
      g_value_set_boolean (value, self->drawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SigapChartView *self = SIGAP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      sigap_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_MAP:
      sigap_chart_view_set_map (self, g_value_get_object (value));
      break;
    case PROP_NATURAL_HEIGHT:
      sigap_chart_view_set_natural_height (self, g_value_get_int (value));
      break;
    case PROP_SELECTED:
      sigap_chart_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_chart_view_class_init (SigapChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_chart_view_dispose;
  object_class->finalize = sigap_chart_view_finalize;
  object_class->get_property = sigap_chart_view_get_property;
  object_class->set_property = sigap_chart_view_set_property;

  widget_class->get_request_mode = sigap_chart_view_get_request_mode;
  widget_class->measure = sigap_chart_view_measure;
  widget_class->size_allocate = sigap_chart_view_size_allocate;
  widget_class->snapshot = sigap_chart_view_snapshot;
  widget_class->css_changed = sigap_chart_view_css_changed;
  widget_class->root = sigap_chart_view_root;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SIGAP_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, SIGAP_TYPE_CHART_MAP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NATURAL_HEIGHT] =
    g_param_spec_int ("natural-height", NULL, NULL, MIN_HEIGHT, G_MAXINT, DEFAULT_HEIGHT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_TEXT] =
    g_param_spec_string ("selection-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapChartView::category-activated:
   * @index: the item's index: a chart's category, a map's region
   * @key: (nullable): the item's key (a region code, for drilling down)
   */
  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sigap_chart_view_init (SigapChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *click;

  self->natural_height = DEFAULT_HEIGHT;
  self->selected = -1;
  self->hovered = -1;
  self->lang = sigap_lang_from_locale ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_manager_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast",
                            G_CALLBACK (style_manager_changed_cb), self);

  self->style = sigap_chart_style_new_for_widget (GTK_WIDGET (self));
  update_description (self);
}

GtkWidget *
sigap_chart_view_new (void)
{
  return g_object_new (SIGAP_TYPE_CHART_VIEW, NULL);
}

/* Shows @drawable (taking it over, may be NULL) in place of what was shown. */
static void
set_drawable (SigapChartView     *self,
              SigapChartDrawable *drawable)
{
  gboolean was_map = SIGAP_IS_CHART_MAP (self->drawable);

  g_clear_object (&self->drawable);
  self->drawable = drawable;
  if (drawable != NULL)
    sigap_chart_drawable_set_style (drawable, self->style);

  if (SIGAP_IS_CHART_MAP (drawable))
    gtk_widget_add_css_class (GTK_WIDGET (self), "map");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "map");

  self->hovered = -1;
  if (self->selected >= (int) n_items (self))
    self->selected = -1;
  if (self->drawn)
    {
      self->drawn = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
    }

  update_description (self);
  /* A chart has its hit regions and selection at once; a map when it is next allocated, at
   * the size its new tiles ask for. */
  if (!SIGAP_IS_CHART_MAP (drawable))
    {
      ensure_layout (self);
      update_selection_text (self);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (was_map || SIGAP_IS_CHART_MAP (drawable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
}

SigapChart *
sigap_chart_view_get_chart (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * sigap_chart_view_set_chart:
 * @chart: (nullable): the chart to show in place of a chart or a map; the view takes a
 *   reference and expects the chart not to change afterwards (build a new one for new figures)
 */
void
sigap_chart_view_set_chart (SigapChartView *self,
                            SigapChart     *chart)
{
  SigapChartLayout *layout = NULL;
  gboolean had_chart;

  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || SIGAP_IS_CHART (chart));

  if (self->chart == chart && (chart != NULL || self->drawable == NULL))
    return;

  had_chart = self->chart != NULL;
  g_set_object (&self->chart, chart);

  if (chart != NULL)
    {
      layout = sigap_chart_layout_new (chart);
      sigap_chart_layout_set_lang (layout, self->lang);
      /* The card around the chart shows the title. */
      sigap_chart_layout_set_show_title (layout, FALSE);
    }
  set_drawable (self, layout != NULL ? SIGAP_CHART_DRAWABLE (layout) : NULL);

  if (had_chart || chart != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * sigap_chart_view_get_map:
 *
 * Returns: (nullable) (transfer none): the map shown, %NULL when it shows a chart or nothing
 */
SigapChartMap *
sigap_chart_view_get_map (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  return SIGAP_IS_CHART_MAP (self->drawable) ? SIGAP_CHART_MAP (self->drawable) : NULL;
}

/**
 * sigap_chart_view_set_map:
 * @map: (nullable): the map to show in place of a chart or a map; the view takes a reference
 *   and sets its style
 */
void
sigap_chart_view_set_map (SigapChartView *self,
                          SigapChartMap  *map)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));
  g_return_if_fail (map == NULL || SIGAP_IS_CHART_MAP (map));

  if (sigap_chart_view_get_map (self) == map && (map != NULL || self->drawable == NULL))
    return;

  if (self->chart != NULL)
    {
      g_clear_object (&self->chart);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
    }
  set_drawable (self, map != NULL ? g_object_ref (SIGAP_CHART_DRAWABLE (map)) : NULL);
}

int
sigap_chart_view_get_natural_height (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), 0);

  return self->natural_height;
}

void
sigap_chart_view_set_natural_height (SigapChartView *self,
                                     int             height)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));

  height = MAX (height, MIN_HEIGHT);
  if (self->natural_height == height)
    return;

  self->natural_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATURAL_HEIGHT]);
}

int
sigap_chart_view_get_selected (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), -1);

  return self->selected;
}

/**
 * sigap_chart_view_set_selected:
 * @item: the item (a chart's category, a map's region) to highlight, or -1 for none
 */
void
sigap_chart_view_set_selected (SigapChartView *self,
                               int             item)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));

  if (item >= (int) n_items (self))
    item = -1;
  item = MAX (item, -1);

  if (self->selected == item)
    return;

  self->selected = item;
  update_selection_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * sigap_chart_view_get_selection_text:
 *
 * Returns: (nullable): the figures of the highlighted item, lines separated by "\n"
 */
const char *
sigap_chart_view_get_selection_text (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  return self->selection_text;
}

/**
 * sigap_chart_view_dup_description:
 *
 * Returns: (transfer full): the chart or map in words, as given to assistive technologies
 */
char *
sigap_chart_view_dup_description (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  if (self->drawable == NULL)
    return g_strdup ("");

  return sigap_chart_drawable_describe (self->drawable, self->lang);
}

/**
 * sigap_chart_view_get_drawn:
 *
 * Returns: whether the current chart or map has been painted at least once
 */
gboolean
sigap_chart_view_get_drawn (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), FALSE);

  return self->drawn;
}

/**
 * sigap_chart_view_get_plot_area:
 * @area: (out): the plot, in the widget's coordinates
 *
 * The rectangle inside the chart's axes at the widget's current size (all zero before it has
 * a size or a chart, or while it shows a map).
 */
void
sigap_chart_view_get_plot_area (SigapChartView *self,
                                SigapChartRect *area)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));
  g_return_if_fail (area != NULL);

  *area = (SigapChartRect) { 0, 0, 0, 0 };
  if (SIGAP_IS_CHART_LAYOUT (self->drawable) && ensure_layout (self))
    sigap_chart_layout_get_plot_area (SIGAP_CHART_LAYOUT (self->drawable), area);
}
