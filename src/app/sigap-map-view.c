/* sigap-map-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapMapView: draws a SigapChartMap (the Wilayah page's tile map) through the Cairo
 * painter, as SigapChartView does for charts:
 *
 * - hovering a tile shows its tooltip (name and value) and tints it; the pointer becomes a
 *   hand over tiles, which drill down;
 * - it takes keyboard focus: the arrow keys move a highlighted tile to the nearest one in that
 *   direction on the grid, Home and End to the first and last, Enter or Space activate it;
 *   a click activates the tile under the pointer. ::region-activated carries the region's
 *   index and code;
 * - colours follow AdwStyleManager (dark, high contrast) and the card behind the map.
 *
 * CSS node: mapview. Accessible role: GTK_ACCESSIBLE_ROLE_IMG, described as every region's
 * name and value in words, kept current.
 */

#include <adwaita.h>
#include <math.h>

#include "chart/sigap-cairo-painter.h"
#include "sigap-chart-style-widget.h"
#include "sigap-map-view.h"

#define MIN_WIDTH       200
#define MIN_HEIGHT      160
#define NATURAL_HEIGHT  340

struct _SigapMapView
{
  GtkWidget        parent_instance;

  SigapChartMap   *map;
  SigapChartStyle *style;
  int              selected;     /* region highlighted with the keyboard, or -1 */
  int              hovered;      /* region under the pointer, or -1 */
  gboolean         drawn;
  cairo_surface_t *measure_surface;
};

G_DEFINE_FINAL_TYPE (SigapMapView, sigap_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_DRAWN,
  N_PROPS
};

enum {
  REGION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_style (SigapMapView *self)
{
  g_clear_pointer (&self->style, sigap_chart_style_free);
  self->style = sigap_chart_style_new_for_widget (GTK_WIDGET (self));

  if (self->map != NULL)
    sigap_chart_map_set_style (self->map, self->style);
  /* The font decides the title's and the legend's heights. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
ensure_layout (SigapMapView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(SigapPainter) painter = NULL;
  cairo_t *cr;

  if (self->map == NULL || width <= 0 || height <= 0)
    return FALSE;

  if (self->measure_surface == NULL)
    self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (self->measure_surface);
  painter = sigap_cairo_painter_new (cr);
  sigap_chart_map_allocate (self->map, painter, width, height);
  g_clear_object (&painter);
  cairo_destroy (cr);

  return TRUE;
}

static guint
n_regions (SigapMapView *self)
{
  return self->map != NULL ? sigap_chart_map_get_n_regions (self->map) : 0;
}

static const SigapChartHitRegion *
region_hit (SigapMapView *self,
            int           index)
{
  guint n;

  if (index < 0 || !ensure_layout (self))
    return NULL;

  n = sigap_chart_hit_regions_get_n_items (sigap_chart_map_get_hit_regions (self->map));
  for (guint i = 0; i < n; i++)
    {
      const SigapChartHitRegion *hit =
        sigap_chart_hit_regions_get_item (sigap_chart_map_get_hit_regions (self->map), i);

      if (hit->category == index)
        return hit;
    }

  return NULL;
}

static int
region_at (SigapMapView *self,
           double        x,
           double        y)
{
  const SigapChartHitRegion *hit;

  if (!ensure_layout (self))
    return -1;

  hit = sigap_chart_hit_regions_hit_test (sigap_chart_map_get_hit_regions (self->map), x, y, NULL);
  return hit != NULL ? hit->category : -1;
}

static void
update_description (SigapMapView *self)
{
  g_autofree char *description = sigap_map_view_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
activate_region (SigapMapView *self,
                 int           index)
{
  if (index < 0 || (guint) index >= n_regions (self))
    return;

  g_signal_emit (self, signals[REGION_ACTIVATED], 0, (guint) index,
                 sigap_chart_map_get_region_code (self->map, index));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  SigapMapView *self = SIGAP_MAP_VIEW (widget);
  int index = keyboard_mode ? self->selected : region_at (self, x, y);
  const SigapChartHitRegion *hit = region_hit (self, index);
  GdkRectangle area;

  if (hit == NULL || hit->tooltip == NULL)
    return FALSE;

  area.x = (int) floor (hit->rect.x);
  area.y = (int) floor (hit->rect.y);
  area.width = (int) ceil (hit->rect.width);
  area.height = (int) ceil (hit->rect.height);
  gtk_tooltip_set_text (tooltip, hit->tooltip);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SigapMapView             *self)
{
  int index = region_at (self, x, y);

  if (index != self->hovered)
    {
      self->hovered = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (index >= 0)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SigapMapView             *self)
{
  if (self->hovered >= 0)
    {
      self->hovered = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SigapMapView    *self)
{
  int index = region_at (self, x, y);

  if (index < 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  sigap_map_view_set_selected (self, index);
  activate_region (self, index);
}

/* The region nearest @from in direction (dx, dy) on the grid, or @from when none is. */
static int
neighbour (SigapMapView *self,
           int           from,
           int           dx,
           int           dy)
{
  guint column, row;
  double best = G_MAXDOUBLE;
  int found = from;

  sigap_chart_map_get_cell (self->map, from, &column, &row);
  for (guint i = 0; i < n_regions (self); i++)
    {
      guint c, r;
      double along, across, score;

      sigap_chart_map_get_cell (self->map, i, &c, &r);
      along = dx != 0 ? ((double) c - column) * dx : ((double) r - row) * dy;
      across = dx != 0 ? fabs ((double) r - row) : fabs ((double) c - column);
      if (along <= 0)
        continue;

      /* Straight ahead beats diagonal: across counts double. */
      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          found = (int) i;
        }
    }

  return found;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SigapMapView          *self)
{
  guint n = n_regions (self);
  int selected = self->selected;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      selected = selected < 0 ? 0 : neighbour (self, selected, -1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      selected = selected < 0 ? 0 : neighbour (self, selected, 1, 0);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      selected = selected < 0 ? 0 : neighbour (self, selected, 0, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      selected = selected < 0 ? 0 : neighbour (self, selected, 0, 1);
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
      activate_region (self, selected);
      return TRUE;
    case GDK_KEY_Escape:
      if (selected < 0)
        return FALSE;
      sigap_map_view_set_selected (self, -1);
      return TRUE;
    default:
      return FALSE;
    }

  sigap_map_view_set_selected (self, selected);
  return TRUE;
}

static void
focus_changed_cb (SigapMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_highlight (SigapMapView *self,
                SigapPainter *painter,
                int           index,
                gboolean      focus)
{
  const SigapChartHitRegion *hit = region_hit (self, index);
  GdkRGBA accent_rgba = { 0.21, 0.52, 0.89, 1.0 };
  SigapColor color;
  double grow = 3;

  if (hit == NULL)
    return;

  if (focus)
    {
      gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                      "accent_color", &accent_rgba);
      color = (SigapColor) { accent_rgba.red, accent_rgba.green, accent_rgba.blue, 1 };
      sigap_painter_set_line_width (painter, 2.5);
    }
  else
    {
      color = sigap_color_with_alpha (&self->style->foreground, 0.5);
      sigap_painter_set_line_width (painter, 1.5);
      grow = 1.5;
    }

  sigap_painter_set_color (painter, &color);
  sigap_painter_rounded_rectangle (painter, hit->rect.x - grow, hit->rect.y - grow,
                                   hit->rect.width + 2 * grow, hit->rect.height + 2 * grow,
                                   5, 5, 5, 5);
  sigap_painter_stroke (painter);
}

static void
sigap_map_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 420;
    }
  else
    {
      SigapMapView *self = SIGAP_MAP_VIEW (widget);

      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;

      /* No taller than the tiles grow at this width: the rest would stay empty. */
      if (self->map != NULL && for_size > 0)
        {
          g_autoptr(SigapPainter) painter = NULL;
          cairo_t *cr;

          if (self->measure_surface == NULL)
            self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
          cr = cairo_create (self->measure_surface);
          painter = sigap_cairo_painter_new (cr);
          *natural = (int) ceil (sigap_chart_map_get_natural_height (self->map, painter,
                                                                      for_size));
          *natural = MAX (*natural, MIN_HEIGHT);
          g_clear_object (&painter);
          cairo_destroy (cr);
        }
    }
}

static GtkSizeRequestMode
sigap_map_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sigap_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SigapMapView *self = SIGAP_MAP_VIEW (widget);

  self->hovered = -1;
  ensure_layout (self);
}

static void
sigap_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SigapMapView *self = SIGAP_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(SigapPainter) painter = NULL;
  cairo_t *cr;

  if (self->map == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painter = sigap_cairo_painter_new (cr);
  sigap_chart_map_allocate (self->map, painter, width, height);
  sigap_chart_map_draw (self->map, painter);
  if (self->hovered >= 0 && self->hovered != self->selected)
    draw_highlight (self, painter, self->hovered, FALSE);
  if (self->selected >= 0 && gtk_widget_has_focus (widget))
    draw_highlight (self, painter, self->selected, TRUE);
  g_clear_object (&painter);
  cairo_destroy (cr);

  if (!self->drawn)
    {
      self->drawn = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
    }
}

static void
sigap_map_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sigap_map_view_parent_class)->css_changed (widget, change);

  update_style (SIGAP_MAP_VIEW (widget));
}

static void
sigap_map_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sigap_map_view_parent_class)->root (widget);

  update_style (SIGAP_MAP_VIEW (widget));
}

static void
sigap_map_view_dispose (GObject *object)
{
  SigapMapView *self = SIGAP_MAP_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (sigap_map_view_parent_class)->dispose (object);
}

static void
sigap_map_view_finalize (GObject *object)
{
  SigapMapView *self = SIGAP_MAP_VIEW (object);

  g_clear_pointer (&self->style, sigap_chart_style_free);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (sigap_map_view_parent_class)->finalize (object);
}

static void
sigap_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SigapMapView *self = SIGAP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_DRAWN:
      g_value_set_boolean (value, self->drawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SigapMapView *self = SIGAP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      sigap_map_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sigap_map_view_class_init (SigapMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_map_view_dispose;
  object_class->finalize = sigap_map_view_finalize;
  object_class->get_property = sigap_map_view_get_property;
  object_class->set_property = sigap_map_view_set_property;

  widget_class->get_request_mode = sigap_map_view_get_request_mode;
  widget_class->measure = sigap_map_view_measure;
  widget_class->size_allocate = sigap_map_view_size_allocate;
  widget_class->snapshot = sigap_map_view_snapshot;
  widget_class->css_changed = sigap_map_view_css_changed;
  widget_class->root = sigap_map_view_root;

  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SigapMapView::region-activated:
   * @index: the region's index in the map
   * @code: the region's code
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sigap_map_view_init (SigapMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *click;

  self->selected = -1;
  self->hovered = -1;

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

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (update_style), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (update_style), self);

  self->style = sigap_chart_style_new_for_widget (GTK_WIDGET (self));
}

GtkWidget *
sigap_map_view_new (void)
{
  return g_object_new (SIGAP_TYPE_MAP_VIEW, NULL);
}

SigapChartMap *
sigap_map_view_get_map (SigapMapView *self)
{
  g_return_val_if_fail (SIGAP_IS_MAP_VIEW (self), NULL);

  return self->map;
}

/**
 * sigap_map_view_set_map:
 * @map: (nullable): the map; the view takes a reference and sets its style
 */
void
sigap_map_view_set_map (SigapMapView  *self,
                        SigapChartMap *map)
{
  g_return_if_fail (SIGAP_IS_MAP_VIEW (self));

  if (!g_set_object (&self->map, map))
    return;

  if (map != NULL)
    sigap_chart_map_set_style (map, self->style);

  self->hovered = -1;
  if (self->selected >= (int) n_regions (self))
    self->selected = -1;
  if (self->drawn)
    {
      self->drawn = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
sigap_map_view_get_selected (SigapMapView *self)
{
  g_return_val_if_fail (SIGAP_IS_MAP_VIEW (self), -1);

  return self->selected;
}

void
sigap_map_view_set_selected (SigapMapView *self,
                             int           index)
{
  g_return_if_fail (SIGAP_IS_MAP_VIEW (self));

  if (index >= (int) n_regions (self))
    index = -1;
  index = MAX (index, -1);
  if (self->selected == index)
    return;

  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * sigap_map_view_dup_description:
 *
 * Returns: (transfer full): the map in words: its title, then each region and its value
 */
char *
sigap_map_view_dup_description (SigapMapView *self)
{
  GString *text;
  g_autoptr(SigapPainter) painter = NULL;

  g_return_val_if_fail (SIGAP_IS_MAP_VIEW (self), NULL);

  if (self->map == NULL)
    return g_strdup ("");

  text = g_string_new (sigap_chart_map_get_title (self->map));
  /* The tooltips carry each value formatted; lay out at some size to have them. */
  if (sigap_chart_hit_regions_get_n_items (sigap_chart_map_get_hit_regions (self->map)) == 0)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);

      painter = sigap_cairo_painter_new (cr);
      sigap_chart_map_allocate (self->map, painter, 480, 360);
      g_clear_object (&painter);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  for (guint i = 0;
       i < sigap_chart_hit_regions_get_n_items (sigap_chart_map_get_hit_regions (self->map)); i++)
    {
      const SigapChartHitRegion *hit =
        sigap_chart_hit_regions_get_item (sigap_chart_map_get_hit_regions (self->map), i);
      g_autofree char *line = g_strdup (hit->tooltip != NULL ? hit->tooltip : "");

      g_strdelimit (line, "\n", ' ');
      g_string_append (text, text->len > 0 ? ". " : "");
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

gboolean
sigap_map_view_get_drawn (SigapMapView *self)
{
  g_return_val_if_fail (SIGAP_IS_MAP_VIEW (self), FALSE);

  return self->drawn;
}
