/* sigap-participant-model.h: a lazy list of one kelurahan's participants, paged from SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sigap-participants.h"

G_BEGIN_DECLS

#define SIGAP_PARTICIPANT_MODEL_PAGE_SIZE 100

#define SIGAP_TYPE_PARTICIPANT_ITEM (sigap_participant_item_get_type ())

G_DECLARE_FINAL_TYPE (SigapParticipantItem, sigap_participant_item, SIGAP, PARTICIPANT_ITEM,
                      GObject)

/* NULL while the item's page is being read: a placeholder. */
const SigapParticipantRow *sigap_participant_item_get_row (SigapParticipantItem *self);

#define SIGAP_TYPE_PARTICIPANT_MODEL (sigap_participant_model_get_type ())

G_DECLARE_FINAL_TYPE (SigapParticipantModel, sigap_participant_model, SIGAP, PARTICIPANT_MODEL,
                      GObject)

SigapParticipantModel       *sigap_participant_model_new           (void);
void                         sigap_participant_model_set_query     (SigapParticipantModel       *self,
                                                                    const char                  *db_path,
                                                                    const SigapParticipantQuery *query);
const SigapParticipantQuery *sigap_participant_model_get_query     (SigapParticipantModel       *self);
void                         sigap_participant_model_clear         (SigapParticipantModel       *self);
gboolean                     sigap_participant_model_get_loading   (SigapParticipantModel       *self);
gint64                       sigap_participant_model_get_max_fetch_us (SigapParticipantModel    *self);
gint64                       sigap_participant_model_get_max_count_us (SigapParticipantModel    *self);
guint                        sigap_participant_model_get_n_fetches (SigapParticipantModel       *self);

G_END_DECLS
