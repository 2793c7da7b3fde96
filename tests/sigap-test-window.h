/* sigap-test-window.h: waiting on the dashboard window in the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "app/sigap-application.h"
#include "app/sigap-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @window has loaded what it shows (sigap_window_when_settled()),
 * aborting the test program after @timeout_s seconds. */
void sigap_test_wait_settled (SigapWindow *window,
                              guint        timeout_s);

/* A new application, registered (so windows can use its actions); aborts if it cannot be. */
SigapApplication *sigap_test_register_app (void);

/* Every widget of @type at or below @root, depth first. Free with g_ptr_array_unref(). */
GPtrArray *sigap_test_find_all (GtkWidget *root,
                                GType      type);

G_END_DECLS
