/* sigap-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sigap-screenshot.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_APPLICATION (sigap_application_get_type ())

G_DECLARE_FINAL_TYPE (SigapApplication, sigap_application, SIGAP, APPLICATION, AdwApplication)

SigapApplication *sigap_application_new            (void);
void              sigap_application_set_screenshot (SigapApplication *self,
                                                    SigapScreenshot  *screenshot);
void              sigap_application_set_start_time (gint64            monotonic_time);

G_END_DECLS
