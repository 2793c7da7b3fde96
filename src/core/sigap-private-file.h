/* sigap-private-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The permissions of every file the app writes that may hold personal data. */
#define SIGAP_PRIVATE_FILE_MODE 0600

int                  sigap_private_file_create       (const char    *path,
                                                      GError       **error);
int                  sigap_private_file_create_temp  (const char    *path,
                                                      char         **out_temp_path,
                                                      GError       **error);
void                 sigap_private_file_remove_stale (const char    *path);

typedef struct _SigapPrivateOutput SigapPrivateOutput;

SigapPrivateOutput  *sigap_private_output_new        (const char    *path,
                                                      GError       **error);
GOutputStream       *sigap_private_output_get_stream (SigapPrivateOutput *self);
gboolean             sigap_private_output_commit     (SigapPrivateOutput *self,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
void                 sigap_private_output_free       (SigapPrivateOutput *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPrivateOutput, sigap_private_output_free)

G_END_DECLS
