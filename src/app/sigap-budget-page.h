/* sigap-budget-page.h: the Anggaran page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sigap-page.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_BUDGET_PAGE (sigap_budget_page_get_type ())

G_DECLARE_FINAL_TYPE (SigapBudgetPage, sigap_budget_page, SIGAP, BUDGET_PAGE, SigapPage)

GtkWidget *sigap_budget_page_new          (void);
void       sigap_budget_page_set_what_if  (SigapBudgetPage *self,
                                           gint64           extra_workers,
                                           int              from_month);
const char *sigap_budget_page_get_verdict (SigapBudgetPage *self);

G_END_DECLS
