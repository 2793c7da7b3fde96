/* sigap-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SIGAP_DATABASE_ERROR (sigap_database_error_quark ())

typedef enum
{
  SIGAP_DATABASE_ERROR_NOT_FOUND,   /* the file does not exist and creation was not asked for */
  SIGAP_DATABASE_ERROR_NOT_SIGAP,   /* not an SQLite file, or an SQLite file of another program */
  SIGAP_DATABASE_ERROR_CORRUPT,     /* an SQLite file that SQLite cannot read */
  SIGAP_DATABASE_ERROR_TOO_NEW,     /* written by a newer SIGAP Dasbor */
  SIGAP_DATABASE_ERROR_READ_ONLY,   /* needs a write (creation, upgrade) but cannot be written */
  SIGAP_DATABASE_ERROR_FAILED,      /* any other SQLite failure; the message names it */
} SigapDatabaseError;

typedef enum
{
  SIGAP_DATABASE_OPEN_DEFAULT   = 0,
  SIGAP_DATABASE_OPEN_CREATE    = 1 << 0, /* create the file when it does not exist */
  SIGAP_DATABASE_OPEN_READ_ONLY = 1 << 1,
} SigapDatabaseOpenFlags;

#define SIGAP_TYPE_DATABASE (sigap_database_get_type ())

G_DECLARE_FINAL_TYPE (SigapDatabase, sigap_database, SIGAP, DATABASE, GObject)

GQuark          sigap_database_error_quark      (void);

SigapDatabase  *sigap_database_open             (const char              *path,
                                                 SigapDatabaseOpenFlags   flags,
                                                 GError                 **error);
const char     *sigap_database_get_path         (SigapDatabase           *self);
sqlite3        *sigap_database_get_handle       (SigapDatabase           *self);
int             sigap_database_get_schema_version (SigapDatabase         *self);
gboolean        sigap_database_is_read_only     (SigapDatabase           *self);
int             sigap_database_latest_schema_version (void);

gboolean        sigap_database_exec             (SigapDatabase           *self,
                                                 const char              *sql,
                                                 GError                 **error);
sqlite3_stmt   *sigap_database_prepare          (SigapDatabase           *self,
                                                 const char              *sql,
                                                 GError                 **error);
gboolean        sigap_database_begin            (SigapDatabase           *self,
                                                 GError                 **error);
gboolean        sigap_database_commit           (SigapDatabase           *self,
                                                 GError                 **error);
void            sigap_database_rollback         (SigapDatabase           *self);

char           *sigap_database_get_meta         (SigapDatabase           *self,
                                                 const char              *key);
gboolean        sigap_database_set_meta         (SigapDatabase           *self,
                                                 const char              *key,
                                                 const char              *value,
                                                 GError                 **error);

/* The data cut-off: the latest registration, end or payment date the database holds, as
 * recorded by the last import or demo ("YYYY-MM-DD"), or NULL for an empty database. */
gboolean        sigap_database_get_cutoff       (SigapDatabase           *self,
                                                 GDate                   *out_date);
gboolean        sigap_database_update_cutoff    (SigapDatabase           *self,
                                                 GError                 **error);

gboolean        sigap_database_rebuild_tallies  (SigapDatabase           *self,
                                                 GError                 **error);

/* Sets @error from the handle's last SQLite error, prefixed by @what. Always returns FALSE. */
gboolean        sigap_database_set_error        (SigapDatabase           *self,
                                                 GError                 **error,
                                                 const char              *what);

void            sigap_database_harden_connection (sqlite3                *handle);

/* An index or a trigger as the app's migrations create it. */
typedef struct
{
  char *type;    /* "index" or "trigger" */
  char *name;
  char *table;
  char *sql;     /* the CREATE statement */
} SigapSchemaObject;

const GPtrArray *sigap_database_get_own_schema  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
