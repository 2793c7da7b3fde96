/* sigap-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_PREFERENCES_WINDOW (sigap_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SigapPreferencesWindow, sigap_preferences_window, SIGAP,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

SigapPreferencesWindow *sigap_preferences_window_new         (GtkWindow  *parent,
                                                              GSettings  *settings);

void                    sigap_preferences_apply_language     (void);
GSettings              *sigap_settings_new_if_installed      (void);

G_END_DECLS
