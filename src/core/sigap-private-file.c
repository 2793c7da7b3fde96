/* sigap-private-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files holding personal data (databases, rejected lines with full NIKs, the temporary files
 * they are written through) are created readable by their owner only, whatever the umask:
 * opened with O_CREAT | O_EXCL and mode 0600, then fchmod()ed, so there is no moment at which
 * another user could open them.
 *
 * A file that should appear complete or not at all is written as a hidden temporary file
 * beside it, ".NAME.XXXXXX.part", renamed over NAME once every byte is on disk. The writer
 * holds an flock() on it as long as it lives, so that a later run can tell the leftovers of a
 * killed one (no lock) from another run's file in progress, and remove them.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sigap-private-file.h"

#define TEMP_SUFFIX ".part"
#define TEMP_RANDOM "XXXXXX"
/* A temporary file younger than this is left alone even when unlocked: its writer may be
 * between creating it and locking it. */
#define STALE_AFTER_SECONDS 2

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot create “%s”: %s"), name, g_strerror (saved_errno));
}

/**
 * sigap_private_file_create:
 * @path: a file that must not exist yet
 *
 * Creates @path, empty, with mode 0600 whatever the umask.
 *
 * Returns: a file descriptor open for writing, or -1 with @error set (%G_IO_ERROR_EXISTS when
 *   the file is already there)
 */
int
sigap_private_file_create (const char  *path,
                           GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
               SIGAP_PRIVATE_FILE_MODE);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return -1;
    }

  /* A umask such as 0277 would have taken the owner's write bit. */
  if (fchmod (fd, SIGAP_PRIVATE_FILE_MODE) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (path);
      set_errno_error (error, saved_errno, path);
      return -1;
    }

  return fd;
}

/**
 * sigap_private_file_create_temp:
 * @path: the file the temporary one stands in for
 * @out_temp_path: (out): the temporary file's path
 *
 * Creates a new hidden temporary file ".NAME.XXXXXX.part" in @path's folder, mode 0600, and
 * locks it for as long as the returned descriptor is open.
 *
 * Returns: a file descriptor open for reading and writing, or -1 with @error set
 */
int
sigap_private_file_create_temp (const char  *path,
                                char       **out_temp_path,
                                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (out_temp_path != NULL, -1);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s%c.%s." TEMP_RANDOM TEMP_SUFFIX, dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, SIGAP_PRIVATE_FILE_MODE);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return -1;
    }

  if (fchmod (fd, SIGAP_PRIVATE_FILE_MODE) != 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp_path);
      set_errno_error (error, saved_errno, path);
      return -1;
    }

  *out_temp_path = g_steal_pointer (&temp_path);
  return fd;
}

static gboolean
is_temp_name (const char *name,
              const char *base)
{
  gsize name_len = strlen (name);
  gsize base_len = strlen (base);

  /* "." base "." XXXXXX ".part" */
  return name_len == 1 + base_len + 1 + strlen (TEMP_RANDOM) + strlen (TEMP_SUFFIX) &&
         name[0] == '.' && strncmp (name + 1, base, base_len) == 0 &&
         name[1 + base_len] == '.' && g_str_has_suffix (name, TEMP_SUFFIX);
}

/**
 * sigap_private_file_remove_stale:
 * @path: a file written through sigap_private_file_create_temp()
 *
 * Removes the temporary files for @path that a killed run left behind: those no process holds
 * locked. Another run's file in progress is kept.
 */
void
sigap_private_file_remove_stale (const char *path)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (path != NULL);

  dir_path = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *temp_path = NULL;
      struct stat st;
      int fd;

      if (!is_temp_name (name, base))
        continue;

      temp_path = g_build_filename (dir_path, name, NULL);
      fd = g_open (temp_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          now - (gint64) st.st_mtime >= STALE_AFTER_SECONDS &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s, left by a run that did not finish", temp_path);
          g_unlink (temp_path);
        }
      close (fd);
    }
}

/* --- Written beside, renamed into place ------------------------------------------------- */

struct _SigapPrivateOutput
{
  char          *path;
  char          *temp_path;
  int            fd;
  GOutputStream *stream;
};

/**
 * sigap_private_output_new:
 * @path: the file to write; replaced when it exists
 *
 * Starts writing @path through a private temporary file beside it, after removing what
 * killed runs left there. Nothing appears at @path until sigap_private_output_commit();
 * sigap_private_output_free() without a commit removes the temporary file.
 *
 * Returns: (transfer full): the output, or %NULL with @error set
 */
SigapPrivateOutput *
sigap_private_output_new (const char  *path,
                          GError     **error)
{
  SigapPrivateOutput *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot create “%s”: it is a folder"), name);
      return NULL;
    }

  sigap_private_file_remove_stale (path);

  self = g_new0 (SigapPrivateOutput, 1);
  fd = sigap_private_file_create_temp (path, &self->temp_path, error);
  if (fd < 0)
    {
      g_free (self);
      return NULL;
    }

  self->path = g_strdup (path);
  self->fd = fd;
  self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}

GOutputStream *
sigap_private_output_get_stream (SigapPrivateOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

/**
 * sigap_private_output_commit:
 *
 * Flushes what was written to disk and renames the temporary file over the destination.
 *
 * Returns: %TRUE when the destination now holds it all
 */
gboolean
sigap_private_output_commit (SigapPrivateOutput  *self,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->temp_path != NULL, FALSE);

  if (!g_output_stream_close (self->stream, cancellable, error))
    return FALSE;

  if (fsync (self->fd) != 0 || g_rename (self->temp_path, self->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

/**
 * sigap_private_output_free:
 *
 * Closes the output; without a commit, removes the temporary file, so the destination stays
 * as it was.
 */
void
sigap_private_output_free (SigapPrivateOutput *self)
{
  if (self == NULL)
    return;

  /* Removed while still locked, so no sweep of another run can take it meanwhile. */
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);

  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
