/* sigap-screenshot.h: `sigap screenshot`, a page of the real window as a PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _SigapScreenshot SigapScreenshot;

/* Parses `sigap screenshot` options (@argv[0] is "screenshot"), runs the window and returns
 * the exit status. Needs a display. */
int      sigap_screenshot_main  (int               argc,
                                 char            **argv);

/* Called by the application when it activates in screenshot mode. */
void     sigap_screenshot_begin (SigapScreenshot  *self,
                                 GtkApplication   *application);

G_END_DECLS
