/* sigap-window-find.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.find-person (Ctrl+F): the person search (SigapPersonSearch) for the open database, the
 * status on the window's as-of date. The one door to personal data in the window's menus, so
 * that a viewer's window can disable it (issue 11).
 */

#include "sigap-person-search.h"
#include "sigap-window-private.h"

void
_sigap_window_find_person_activated (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  SigapWindow *self = SIGAP_WINDOW (widget);
  const SigapFilter *filter = sigap_window_get_filter (self);
  SigapPersonSearch *search;

  if (sigap_window_get_database (self) == NULL || filter == NULL)
    return;

  search = sigap_person_search_new (GTK_WINDOW (self), sigap_window_get_database (self),
                                    &filter->as_of);
  gtk_window_present (GTK_WINDOW (search));
}
