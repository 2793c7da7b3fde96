/* sigap-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sigap-database.h"
#include "core/sigap-filter.h"
#include "sigap-application.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_WINDOW (sigap_window_get_type ())

G_DECLARE_FINAL_TYPE (SigapWindow, sigap_window, SIGAP, WINDOW, AdwApplicationWindow)

/* Called once the window has settled: nothing under way, and a frame painted since. */
typedef void (*SigapWindowSettledFunc) (SigapWindow *self,
                                        gpointer     user_data);

SigapWindow       *sigap_window_new                 (SigapApplication   *application);
void               sigap_window_open_database       (SigapWindow        *self,
                                                     const char         *path);
void               sigap_window_open_database_at    (SigapWindow        *self,
                                                     const char         *path,
                                                     const GDate        *as_of,
                                                     const char         *scope,
                                                     const SigapSegment *segment);
void               sigap_window_open_last_database  (SigapWindow        *self);
const char        *sigap_window_get_database        (SigapWindow        *self);

void               sigap_window_set_persistent      (SigapWindow        *self,
                                                     gboolean            persistent);
const SigapFilter *sigap_window_get_filter          (SigapWindow        *self);
void               sigap_window_set_filter          (SigapWindow        *self,
                                                     const SigapFilter  *filter);

gboolean           sigap_window_has_page            (SigapWindow        *self,
                                                     const char         *name);
GStrv              sigap_window_dup_page_names      (SigapWindow        *self);
gboolean           sigap_window_set_page            (SigapWindow        *self,
                                                     const char         *name);
GtkWidget         *sigap_window_get_page            (SigapWindow        *self,
                                                     const char         *name);
const char        *sigap_window_get_state           (SigapWindow        *self);
gboolean           sigap_window_get_busy            (SigapWindow        *self);
const GError      *sigap_window_get_error           (SigapWindow        *self);
void               sigap_window_when_settled        (SigapWindow        *self,
                                                     SigapWindowSettledFunc func,
                                                     gpointer            user_data);

/* sigap-window-watch.c */
SigapDatabaseCapabilities sigap_window_get_capabilities (SigapWindow *self);
gboolean           sigap_window_get_new_data        (SigapWindow        *self);

G_END_DECLS
