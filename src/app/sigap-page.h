/* sigap-page.h: a page of the window's view stack, showing figures for the window's filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sigap-filter.h"
#include "core/sigap-regions.h"
#include "sigap-filter-model.h"
#include "sigap-query.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_PAGE (sigap_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SigapPage, sigap_page, SIGAP, PAGE, GtkWidget)

/* Called on the main thread with the result of sigap_page_run_query(), only when the query
 * was not cancelled (by a newer filter, or by the page going away). @result is NULL when
 * @error is set; the callback takes @result.
 */
typedef void (*SigapPageQueryDone) (SigapPage    *self,
                                    gpointer      result,
                                    const GError *error);

struct _SigapPageClass
{
  GtkWidgetClass parent_class;

  /* Starts the queries for the current source. Called when the page is shown with a source
   * it has not loaded yet: hidden pages wait, so they take no time from the visible one.
   */
  void (*load) (SigapPage *self);

  gpointer padding[8];
};

void               sigap_page_set_filter_model (SigapPage    *self,
                                                SigapFilterModel *model);
SigapFilterModel  *sigap_page_get_filter_model (SigapPage    *self);
void               sigap_page_set_source (SigapPage          *self,
                                          const char         *db_path);
void               sigap_page_set_regions (SigapPage         *self,
                                           SigapRegions      *regions);
SigapRegions      *sigap_page_get_regions (SigapPage         *self);
void               sigap_page_invalidate (SigapPage          *self);
guint              sigap_page_get_generation (SigapPage      *self);
const char        *sigap_page_get_db_path (SigapPage         *self);
const SigapFilter *sigap_page_get_filter (SigapPage          *self);
gboolean           sigap_page_get_busy   (SigapPage          *self);
gboolean           sigap_page_get_loaded (SigapPage          *self);

void               sigap_page_run_query  (SigapPage          *self,
                                          SigapQueryFunc      func,
                                          gpointer            data,
                                          GDestroyNotify      data_free,
                                          GDestroyNotify      result_free,
                                          GCancellable       *cancellable,
                                          SigapPageQueryDone  done);

G_END_DECLS
