/* sigap-demo.h: a deterministic demonstration database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The data cut-off of the demo story: no registration, ending or payment is later. */
#define SIGAP_DEMO_CUTOFF "2026-10-31"
#define SIGAP_DEMO_DEFAULT_SEED 20251105u
/* West Java's goal for informal workers: the size the figures must stay fast at. */
#define SIGAP_DEMO_MAX_PARTICIPANTS 3000000

typedef struct
{
  gint64  participants; /* 1 to SIGAP_DEMO_MAX_PARTICIPANTS; 0 = the story's own size */
  guint32 seed;         /* SIGAP_DEMO_DEFAULT_SEED unless the caller wants another story */
} SigapDemoOptions;

/* Called from the generating thread, @fraction from 0 to 1, at most a few hundred times. */
typedef void (*SigapProgressFunc) (double   fraction,
                                   gpointer user_data);

void      sigap_demo_options_init          (SigapDemoOptions   *options);
gint64    sigap_demo_default_participants  (void);

gboolean  sigap_demo_generate              (const char         *path,
                                            const SigapDemoOptions *options,
                                            gboolean            force,
                                            SigapProgressFunc   progress,
                                            gpointer            user_data,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
