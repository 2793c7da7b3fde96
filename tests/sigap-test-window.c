/* sigap-test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sigap-test-util.h"
#include "sigap-test-window.h"

static void
settled_cb (SigapWindow *window,
            gpointer     user_data)
{
  *(gboolean *) user_data = TRUE;
}

void
sigap_test_wait_settled (SigapWindow *window,
                         guint        timeout_s)
{
  gboolean settled = FALSE;

  sigap_window_when_settled (window, settled_cb, &settled);
  sigap_test_wait_for (&settled, timeout_s, "settling the window");
}

SigapApplication *
sigap_test_register_app (void)
{
  g_autoptr(GError) error = NULL;
  SigapApplication *app = sigap_application_new ();

  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  return app;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

GPtrArray *
sigap_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, type, out);
  return out;
}
