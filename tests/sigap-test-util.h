/* sigap-test-util.h: helpers the tests share (temporary trees, demo databases, waiting on the
 * main loop, running the `sigap` binary)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deletes @path and everything below it. */
void      sigap_test_remove_tree            (const char *path);

/* A new temporary directory named after @tmpl (ending in XXXXXX); aborts if it cannot. With
 * @data_home, XDG_DATA_HOME points at its "data" folder, so the app's own files land there.
 * Call it before anything reads that variable: GLib caches it. */
char     *sigap_test_make_tmp_dir           (const char *tmpl,
                                             gboolean    data_home);

/* TRUE, after printing TAP's "1..0 # SKIP", when there is no display to open a window on. */
gboolean  sigap_test_skip_without_display   (void);

/* Writes a demo database of @participants (0: the demo's default) as @dir/demo.sigap and
 * returns its path; aborts the test program if it cannot. */
char     *sigap_test_make_demo_db           (const char *dir,
                                             guint       participants);

/* The database a benchmark runs on: @given when set; else @shared_name (another benchmark's,
 * when not NULL) or @name in the build dir when there; else @name, generated with
 * @participants (0: the demo's default) and kept for the next run. */
char     *sigap_test_ensure_bench_db        (const char *given,
                                             const char *name,
                                             const char *shared_name,
                                             gint64      participants);

/* Runs the default main context until @done returns TRUE, aborting the test program with
 * "@what took more than @timeout_s s" if it does not in time. */
typedef gboolean (*SigapTestDoneFunc) (gpointer data);

void      sigap_test_wait_until             (SigapTestDoneFunc  done,
                                             gpointer           data,
                                             guint              timeout_s,
                                             const char        *what);
/* The same, until *@flag (set by a callback) is TRUE. */
void      sigap_test_wait_for               (const gboolean    *flag,
                                             guint              timeout_s,
                                             const char        *what);

/* One run of the `sigap` binary named by $SIGAP_BIN: its exit status and what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} SigapTestRun;

void      sigap_test_run_clear              (SigapTestRun      *run);
void      sigap_test_run_sigap              (SigapTestRun      *run,
                                             const char        *first,
                                             ...) G_GNUC_NULL_TERMINATED;
gboolean  sigap_test_run_succeeded          (const SigapTestRun *run);
/* The run failed, printed nothing on stdout and one line "sigap: ...@fragment..." on stderr. */
void      sigap_test_run_assert_fails_with  (const SigapTestRun *run,
                                             const char         *fragment);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SigapTestRun, sigap_test_run_clear)

G_END_DECLS
