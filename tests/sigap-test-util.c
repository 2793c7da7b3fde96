/* sigap-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiled into each test program that needs it (tests/meson.build), never installed.
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core/sigap-demo.h"
#include "sigap-test-util.h"

void
sigap_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        sigap_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

char *
sigap_test_make_tmp_dir (const char *tmpl,
                         gboolean    data_home)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  if (data_home)
    {
      g_autofree char *data = g_build_filename (dir, "data", NULL);

      g_setenv ("XDG_DATA_HOME", data, TRUE);
    }

  return dir;
}

gboolean
sigap_test_skip_without_display (void)
{
  /* CI runs the window tests under xvfb-run; a plain `meson test` without one skips them. */
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return FALSE;

  g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
  return TRUE;
}

char *
sigap_test_make_demo_db (const char *dir,
                         guint       participants)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "demo.sigap", NULL);
  SigapDemoOptions options;

  sigap_demo_options_init (&options);
  if (participants > 0)
    options.participants = participants;
  if (!sigap_demo_generate (path, &options, FALSE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  return path;
}

char *
sigap_test_ensure_bench_db (const char *given,
                            const char *name,
                            const char *shared_name,
                            gint64      participants)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  SigapDemoOptions options;
  char *path;

  if (given != NULL)
    return g_strdup (given);

  if (shared_name != NULL)
    {
      shared = g_test_build_filename (G_TEST_BUILT, shared_name, NULL);
      if (g_file_test (shared, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&shared);
    }

  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;

  /* A TAP comment: generating 3,000,000 participants takes minutes. */
  printf ("# generating %s (%" G_GINT64_FORMAT " participants)\n", path,
          participants > 0 ? participants : sigap_demo_default_participants ());
  fflush (stdout);
  sigap_demo_options_init (&options);
  options.participants = participants;
  if (!sigap_demo_generate (path, &options, TRUE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  return path;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sigap_test_wait_until (SigapTestDoneFunc  done,
                       gpointer           data,
                       guint              timeout_s,
                       const char        *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (timeout_s, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("%s took more than %u s", what, timeout_s);
  g_source_remove (timeout);
}

static gboolean
flag_set (gpointer data)
{
  return *(const gboolean *) data;
}

void
sigap_test_wait_for (const gboolean *flag,
                     guint           timeout_s,
                     const char     *what)
{
  sigap_test_wait_until (flag_set, (gpointer) flag, timeout_s, what);
}

void
sigap_test_run_clear (SigapTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
sigap_test_run_sigap (SigapTestRun *run,
                      const char   *first,
                      ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("SIGAP_BIN");
  const char *arg;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (gpointer) bin);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

gboolean
sigap_test_run_succeeded (const SigapTestRun *run)
{
  return g_spawn_check_wait_status (run->status, NULL);
}

void
sigap_test_run_assert_fails_with (const SigapTestRun *run,
                                  const char         *fragment)
{
  g_assert_false (sigap_test_run_succeeded (run));
  g_assert_cmpstr (run->out, ==, "");
  /* One line, "sigap: reason". */
  g_assert_true (g_str_has_prefix (run->err, "sigap: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  if (strstr (run->err, fragment) == NULL)
    g_error ("“%s” does not say “%s”", run->err, fragment);
}
