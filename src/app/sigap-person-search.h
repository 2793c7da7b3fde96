/* sigap-person-search.h: "is this person covered?": a NIK or a name, and the person's card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SIGAP_TYPE_PERSON_SEARCH (sigap_person_search_get_type ())

G_DECLARE_FINAL_TYPE (SigapPersonSearch, sigap_person_search, SIGAP, PERSON_SEARCH, AdwWindow)

SigapPersonSearch *sigap_person_search_new         (GtkWindow         *parent,
                                                    const char        *db_path,
                                                    const GDate       *as_of);
void               sigap_person_search_set_text    (SigapPersonSearch *self,
                                                    const char        *text);
const char        *sigap_person_search_get_shown   (SigapPersonSearch *self);
gboolean           sigap_person_search_get_busy    (SigapPersonSearch *self);
GtkWidget         *sigap_person_search_get_results (SigapPersonSearch *self);
void               sigap_person_search_open_match  (SigapPersonSearch *self,
                                                    guint              index);

G_END_DECLS
