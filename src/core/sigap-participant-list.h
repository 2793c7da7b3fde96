/* sigap-participant-list.h: the participant list of a filter, for operators, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sigap-database.h"
#include "sigap-filter.h"

G_BEGIN_DECLS

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
GPtrArray *sigap_participant_list_records    (SigapDatabase      *db,
                                              GError            **error);

G_END_DECLS
