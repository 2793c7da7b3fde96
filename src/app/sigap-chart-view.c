/* sigap-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapChartView: draws a SigapChart through SigapChartLayout and the Cairo painter, and
 * makes it something a person can point at and a screen reader can read.
 *
 * - The layout is computed when the data, the size or the style change (the layout caches
 *   it), never per frame; snapshot only paints.
 * - Hovering shows the tooltip of the hit region under the pointer and tints its band.
 * - It takes keyboard focus: the arrow keys, Home and End move a highlighted category, whose
 *   figures :selection-text holds (the chart card shows them under the chart), Enter or
 *   Space activates it. A click activates the category under the pointer.
 *   ::category-activated carries the category's index and key, for drilling down.
 * - The colours follow AdwStyleManager (dark, high contrast) and the card behind the chart;
 *   the labels use the desktop's font.
 *
 * CSS node: chartview. Accessible role: GTK_ACCESSIBLE_ROLE_IMG, with the chart's title as
 * label (set by the card) and sigap_chart_describe() as description, kept current.
 */

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "chart/sigap-cairo-painter.h"
#include "chart/sigap-chart-a11y.h"
#include "chart/sigap-chart-layout.h"
#include "sigap-chart-style-widget.h"
#include "sigap-chart-view.h"

#define MIN_WIDTH       160
#define MIN_HEIGHT      120
#define DEFAULT_HEIGHT  280
#define BAR_ROW_HEIGHT   26
/* The least plot (inside the axes) of a chart with a vertical value axis: below this a
 * year of months reads as a flat line. */
#define MIN_PLOT_HEIGHT 160

struct _SigapChartView
{
  GtkWidget          parent_instance;

  SigapChart        *chart;
  SigapChartLayout  *layout;
  SigapChartStyle   *style;
  SigapLang          lang;
  int                natural_height;

  int                selected;        /* category chosen with the keyboard, -1 for none */
  int                hovered;         /* index of the hit region under the pointer, or -1 */
  char              *selection_text;
  gboolean           drawn;

  /* Measures text for hit-testing before the first snapshot; the same font options as the
   * snapshot's painter (the Cairo painter turns metric hinting off), so the same layout. */
  cairo_surface_t   *measure_surface;
};

G_DEFINE_FINAL_TYPE (SigapChartView, sigap_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
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

static SigapColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (SigapColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static void
update_style (SigapChartView *self)
{
  g_autoptr(SigapChartStyle) style = sigap_chart_style_new_for_widget (GTK_WIDGET (self));

  if (sigap_chart_style_equal (style, self->style))
    return;

  g_clear_pointer (&self->style, sigap_chart_style_free);
  self->style = g_steal_pointer (&style);

  if (self->layout != NULL)
    {
      sigap_chart_layout_set_style (self->layout, self->style);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
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

/* Lays the chart out for the current size if it is not already. */
static gboolean
ensure_layout (SigapChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(SigapPainter) painter = NULL;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return FALSE;

  painter = measuring_painter (self, &cr);
  sigap_chart_layout_allocate (self->layout, painter, width, height);
  g_clear_object (&painter);
  cairo_destroy (cr);

  return TRUE;
}

static const SigapChartHitRegion *
find_region (SigapChartView *self,
             double          x,
             double          y,
             int            *out_index)
{
  guint n;

  *out_index = -1;
  if (!ensure_layout (self))
    return NULL;

  /* Last first: later regions (labels, points) sit on top of earlier ones. */
  n = sigap_chart_hit_regions_get_n_items (sigap_chart_layout_get_hit_regions (self->layout));
  for (guint i = n; i > 0; i--)
    {
      const SigapChartHitRegion *region =
        sigap_chart_hit_regions_get_item (sigap_chart_layout_get_hit_regions (self->layout), i - 1);

      if (sigap_chart_hit_region_contains (region, x, y))
        {
          *out_index = (int) i - 1;
          return region;
        }
    }

  return NULL;
}

/* Every figure of @category: the tooltips of its regions, the category's name once. */
static char *
category_text (SigapChartView *self,
               int             category)
{
  g_autoptr(GString) text = NULL;
  guint n;

  if (category < 0 || !ensure_layout (self))
    return NULL;

  n = sigap_chart_hit_regions_get_n_items (sigap_chart_layout_get_hit_regions (self->layout));
  for (guint i = 0; i < n; i++)
    {
      const SigapChartHitRegion *region =
        sigap_chart_hit_regions_get_item (sigap_chart_layout_get_hit_regions (self->layout), i);
      const char *rest;

      if (region->category != category || region->tooltip == NULL)
        continue;

      if (text == NULL)
        {
          text = g_string_new (region->tooltip);
          continue;
        }

      rest = strchr (region->tooltip, '\n');
      if (rest != NULL && strstr (text->str, rest) == NULL)
        g_string_append (text, rest);
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_selection_text (SigapChartView *self)
{
  g_autofree char *text = category_text (self, self->selected);

  if (g_strcmp0 (text, self->selection_text) == 0)
    return;

  g_free (self->selection_text);
  self->selection_text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_TEXT]);
}

static guint
n_categories (SigapChartView *self)
{
  if (self->chart == NULL || sigap_chart_is_empty (self->chart))
    return 0;

  return sigap_chart_get_n_categories (self->chart);
}

static void
activate_category (SigapChartView *self,
                   int             category)
{
  const SigapChartCategory *c;

  if (category < 0 || (guint) category >= n_categories (self))
    return;

  c = sigap_chart_get_category (self->chart, category);
  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, (guint) category, c->key);
}

static void
rect_union (SigapChartRect       *acc,
            gboolean             *have,
            const SigapChartRect *r)
{
  double x2, y2;

  if (!*have)
    {
      *acc = *r;
      *have = TRUE;
      return;
    }

  x2 = MAX (acc->x + acc->width, r->x + r->width);
  y2 = MAX (acc->y + acc->height, r->y + r->height);
  acc->x = MIN (acc->x, r->x);
  acc->y = MIN (acc->y, r->y);
  acc->width = x2 - acc->x;
  acc->height = y2 - acc->y;
}

static void
sector_path (SigapPainter              *painter,
             const SigapChartHitRegion *region,
             double                     grow)
{
  sigap_painter_arc (painter, region->center_x, region->center_y, region->outer_radius + grow,
                     region->start_angle, region->end_angle, FALSE);
  sigap_painter_arc (painter, region->center_x, region->center_y,
                     MAX (region->inner_radius - grow, 0),
                     region->end_angle, region->start_angle, TRUE);
  sigap_painter_close_path (painter);
}

/* Behind the chart: a tint over the hovered band; the keyboard's category gets an accent
 * tint and outline when the chart has the focus. */
static void
draw_highlights (SigapChartView *self,
                 SigapPainter   *painter)
{
  const SigapChartStyle *style = self->style;
  gboolean focused = gtk_widget_has_visible_focus (GTK_WIDGET (self)) ||
                     gtk_widget_has_focus (GTK_WIDGET (self));
  GdkRGBA accent_rgba = { 0.21, 0.52, 0.89, 1.0 };
  SigapColor accent;

  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  "accent_color", &accent_rgba);
  accent = color_from_rgba (&accent_rgba);

  if (self->hovered >= 0 &&
      (guint) self->hovered <
        sigap_chart_hit_regions_get_n_items (sigap_chart_layout_get_hit_regions (self->layout)))
    {
      const SigapChartHitRegion *region =
        sigap_chart_hit_regions_get_item (sigap_chart_layout_get_hit_regions (self->layout),
                                          self->hovered);
      SigapColor tint = sigap_color_with_alpha (&style->foreground, 0.06);

      sigap_painter_set_color (painter, &tint);
      if (region->is_sector)
        sector_path (painter, region, 3);
      else
        sigap_painter_rounded_rectangle (painter, region->rect.x, region->rect.y,
                                         region->rect.width, region->rect.height, 4, 4, 4, 4);
      sigap_painter_fill (painter);
    }

  if (focused && self->selected >= 0)
    {
      SigapChartRect rect = { 0 };
      gboolean have = FALSE;
      guint n =
        sigap_chart_hit_regions_get_n_items (sigap_chart_layout_get_hit_regions (self->layout));
      SigapColor tint = sigap_color_with_alpha (&accent, 0.14);

      for (guint i = 0; i < n; i++)
        {
          const SigapChartHitRegion *region =
            sigap_chart_hit_regions_get_item (sigap_chart_layout_get_hit_regions (self->layout), i);

          if (region->category != self->selected)
            continue;

          if (region->is_sector)
            {
              sigap_painter_set_color (painter, &tint);
              sector_path (painter, region, 4);
              sigap_painter_fill (painter);
            }
          else
            rect_union (&rect, &have, &region->rect);
        }

      if (have)
        {
          sigap_painter_set_color (painter, &tint);
          sigap_painter_rounded_rectangle (painter, rect.x, rect.y, rect.width, rect.height,
                                           4, 4, 4, 4);
          sigap_painter_fill (painter);
          sigap_painter_set_color (painter, &accent);
          sigap_painter_set_line_width (painter, 1.5);
          sigap_painter_rounded_rectangle (painter, rect.x + 0.75, rect.y + 0.75,
                                           MAX (rect.width - 1.5, 0),
                                           MAX (rect.height - 1.5, 0), 4, 4, 4, 4);
          sigap_painter_stroke (painter);
        }
    }
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
      if (self->selection_text == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->selection_text);
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

  if (region != NULL && region->category >= 0 &&
      sigap_chart_get_category (self->chart, region->category)->key != NULL)
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
  activate_category (self, region->category);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SigapChartView        *self)
{
  guint n = n_categories (self);
  int selected = self->selected;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      selected = selected < 0 ? 0 : MAX (selected - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      selected = selected < 0 ? 0 : MIN (selected + 1, (int) n - 1);
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
      activate_category (self, selected);
      return TRUE;
    case GDK_KEY_Escape:
      if (selected < 0)
        return FALSE;
      sigap_chart_view_set_selected (self, -1);
      return TRUE;
    default:
      return FALSE;
    }

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

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = MAX (MIN_WIDTH, 480);
      return;
    }

  *minimum = MIN_HEIGHT;
  *natural = MAX (self->natural_height, MIN_HEIGHT);

  /* Lines and columns: whatever the legend and the labels take at this width, the plot
   * keeps its least height. */
  if (self->layout != NULL && self->chart != NULL)
    {
      g_autoptr(SigapPainter) painter = NULL;
      cairo_t *cr;
      double needed;

      painter = measuring_painter (self, &cr);
      needed = sigap_chart_layout_height_for_plot (self->layout, painter,
                                                   for_size > 0 ? for_size : 480,
                                                   MIN_PLOT_HEIGHT);
      g_clear_object (&painter);
      cairo_destroy (cr);
      if (needed > MIN_PLOT_HEIGHT)
        {
          *minimum = MAX (*minimum, (int) needed);
          *natural = MAX (*natural, *minimum);
        }
    }

  /* Horizontal bars need a row each, however wide the chart is. */
  if (self->chart != NULL && sigap_chart_get_kind (self->chart) == SIGAP_CHART_KIND_HBAR &&
      !sigap_chart_is_empty (self->chart))
    {
      int rows = (int) sigap_chart_get_n_categories (self->chart);
      int legend = sigap_chart_get_n_series (self->chart) > 1 ||
                   sigap_chart_get_n_references (self->chart) > 0 ? 32 : 0;

      *minimum = MAX (*minimum, rows * 16 + 40 + legend);
      *natural = MAX (*minimum, rows * BAR_ROW_HEIGHT + 44 + legend);
    }
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
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painter = sigap_cairo_painter_new (cr);

  sigap_chart_layout_allocate (self->layout, painter, width, height);
  draw_highlights (self, painter);
  sigap_chart_layout_draw (self->layout, painter);

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
  g_clear_object (&self->layout);
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
   * @index: the category's index
   * @key: (nullable): the category's key (a region code, for drilling down)
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

SigapChart *
sigap_chart_view_get_chart (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * sigap_chart_view_set_chart:
 * @chart: (nullable): the chart to show; the view takes a reference and expects the chart
 *   not to change afterwards (build a new one for new figures)
 */
void
sigap_chart_view_set_chart (SigapChartView *self,
                            SigapChart     *chart)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || SIGAP_IS_CHART (chart));

  if (self->chart == chart)
    return;

  g_set_object (&self->chart, chart);
  g_clear_object (&self->layout);

  if (chart != NULL)
    {
      self->layout = sigap_chart_layout_new (chart);
      sigap_chart_layout_set_style (self->layout, self->style);
      sigap_chart_layout_set_lang (self->layout, self->lang);
      /* The card around the chart shows the title. */
      sigap_chart_layout_set_show_title (self->layout, FALSE);
    }

  self->hovered = -1;
  if (self->selected >= (int) n_categories (self))
    self->selected = -1;
  if (self->drawn)
    {
      self->drawn = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
    }

  update_description (self);
  ensure_layout (self);
  update_selection_text (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
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
 * @category: the category to highlight, or -1 for none
 */
void
sigap_chart_view_set_selected (SigapChartView *self,
                               int             category)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));

  if (category >= (int) n_categories (self))
    category = -1;
  category = MAX (category, -1);

  if (self->selected == category)
    return;

  self->selected = category;
  update_selection_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * sigap_chart_view_get_selection_text:
 *
 * Returns: (nullable): the figures of the highlighted category, lines separated by "\n"
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
 * Returns: (transfer full): the chart in words, as given to assistive technologies
 */
char *
sigap_chart_view_dup_description (SigapChartView *self)
{
  g_return_val_if_fail (SIGAP_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return g_strdup ("");

  return sigap_chart_describe (self->chart, self->lang);
}

/**
 * sigap_chart_view_get_drawn:
 *
 * Returns: whether the current chart has been painted at least once
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
 * a size or a chart).
 */
void
sigap_chart_view_get_plot_area (SigapChartView *self,
                                SigapChartRect *area)
{
  g_return_if_fail (SIGAP_IS_CHART_VIEW (self));
  g_return_if_fail (area != NULL);

  *area = (SigapChartRect) { 0, 0, 0, 0 };
  if (ensure_layout (self))
    sigap_chart_layout_get_plot_area (self->layout, area);
}
