/* sigap-overview-page.h: the Ringkasan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sigap-page.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_OVERVIEW_PAGE (sigap_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (SigapOverviewPage, sigap_overview_page, SIGAP, OVERVIEW_PAGE, SigapPage)

GtkWidget *sigap_overview_page_new (void);

G_END_DECLS
