/* sigap-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sigap-application.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_WINDOW (sigap_window_get_type ())

G_DECLARE_FINAL_TYPE (SigapWindow, sigap_window, SIGAP, WINDOW, AdwApplicationWindow)

SigapWindow *sigap_window_new                (SigapApplication *application);
gboolean     sigap_window_open_database      (SigapWindow      *self,
                                              const char       *path);
void         sigap_window_open_last_database (SigapWindow      *self);

G_END_DECLS
