/* sigap-participant-list.h: the participant list of a filter, for operators, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sigap-database.h"
#include "sigap-filter.h"

G_BEGIN_DECLS

/* One participant's cells, in the order of sigap_participant_list_get_columns(). */
typedef gboolean (*SigapParticipantListFunc) (const char * const  *cells,
                                              gpointer             user_data,
                                              GError             **error);

const char * const *sigap_participant_list_get_columns (guint *out_n);
gboolean  sigap_participant_list_foreach     (SigapDatabase             *db,
                                              const SigapFilter         *filter,
                                              gboolean                   full_nik,
                                              SigapParticipantListFunc   func,
                                              gpointer                   user_data,
                                              gint64                    *out_rows,
                                              GCancellable              *cancellable,
                                              GError                   **error);
gboolean  sigap_participant_list_write       (SigapDatabase      *db,
                                              const SigapFilter  *filter,
                                              gboolean            full_nik,
                                              GOutputStream      *out,
                                              gint64             *out_rows,
                                              GCancellable       *cancellable,
                                              GError            **error);
gboolean  sigap_participant_list_record      (SigapDatabase      *db,
                                              const SigapFilter  *filter,
                                              const char         *file_name,
                                              gint64              rows,
                                              GError            **error);
gboolean  sigap_participant_list_record_masked (SigapDatabase    *db,
                                              const SigapFilter  *filter,
                                              const char         *file_name,
                                              gint64              rows,
                                              GError            **error);
GPtrArray *sigap_participant_list_records    (SigapDatabase      *db,
                                              GError            **error);

G_END_DECLS
