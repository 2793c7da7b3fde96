/* sigap-import-participants.c: the rules for participant lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line is one worker: NIK, name, kelurahan (of the address: a NIK never changes when people
 * move, so the district always comes from here), sector, registration date and what else the
 * office has. A line is refused, with the column and the reason, when the NIK cannot be real,
 * the kelurahan, kecamatan or sector is unknown (the closest name is suggested, never taken),
 * a date cannot be read or lies in the future, the worker ended before registering, the desil
 * is not 1..10, or the NIK already came earlier in the file.
 *
 * A NIK the database already holds updates that participant: the values the line gives
 * replace the stored ones, and an empty cell keeps what is stored (a list without desil does
 * not erase the desil another list gave). Only the columns that really change are written, so
 * that an identical line changes nothing at all.
 *
 * Accepted lines may carry data-quality flags (participant_flag): desil 6..10 for a pekerja
 * rentan, a NIK from outside Kota Bekasi, no KPJ number, an age under 15 or over 65 at registration.
 */

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "sigap-format.h"
#include "sigap-import-log.h"
#include "sigap-import-private.h"
#include "sigap-import-value.h"
#include "sigap-nik.h"

enum
{
  COL_NIK,
  COL_NAMA,
  COL_KELURAHAN,
  COL_SEKTOR,
  COL_TANGGAL_DAFTAR,
  COL_KECAMATAN,
  COL_DESIL,
  COL_JENIS_KELAMIN,
  COL_TANGGAL_LAHIR,
  COL_NO_KPJ,
  COL_SUMBER_DATA,
  COL_TANGGAL_BERHENTI,
  COL_ALASAN_BERHENTI,
};

static const SigapImportColumn columns[] = {
  [COL_NIK] = { "nik", TRUE,
                "no nik|nomor nik|nomor induk kependudukan|no ktp|nomor ktp|nik ktp" },
  [COL_NAMA] = { "nama", TRUE, "nama lengkap|name|nama peserta|nama pekerja|nama tenaga kerja" },
  [COL_KELURAHAN] = { "kelurahan", TRUE,
                      "desa/kelurahan|kelurahan/desa|kode kelurahan|kode desa|desa|kel" },
  [COL_SEKTOR] = { "sektor", TRUE, "jenis pekerjaan|pekerjaan|sector|profesi|sektor pekerjaan" },
  [COL_TANGGAL_DAFTAR] = { "tanggal_daftar", TRUE,
                           "tgl daftar|tanggal registrasi|tgl registrasi|tanggal pendaftaran|"
                           "tgl pendaftaran|registered_on|tanggal kepesertaan" },
  [COL_KECAMATAN] = { "kecamatan", FALSE, "kode kecamatan|kec" },
  [COL_DESIL] = { "desil", FALSE, "desil dtsen|desil kesejahteraan" },
  [COL_JENIS_KELAMIN] = { "jenis_kelamin", FALSE, "jk|l/p|sex|gender|kelamin" },
  [COL_TANGGAL_LAHIR] = { "tanggal_lahir", FALSE, "tgl lahir|birth_date|tanggal kelahiran" },
  [COL_NO_KPJ] = { "no_kpj", FALSE, "nomor kpj|kpj|no peserta bpjs|nomor peserta bpjs" },
  [COL_SUMBER_DATA] = { "sumber_data", FALSE, "sumber|source|asal data" },
  [COL_TANGGAL_BERHENTI] = { "tanggal_berhenti", FALSE,
                             "tgl berhenti|ended_on|tanggal keluar|tgl keluar|tanggal nonaktif" },
  [COL_ALASAN_BERHENTI] = { "alasan_berhenti", FALSE,
                            "end_reason|alasan keluar|alasan nonaktif" },
};

/* The participant's columns an import writes, in the order of the statements' ?1..?11. */
enum
{
  F_NAME,
  F_KELURAHAN,
  F_SECTOR,
  F_DESIL,
  F_SEX,
  F_BIRTH_DATE,
  F_REGISTERED_ON,
  F_ENDED_ON,
  F_END_REASON,
  F_KPJ,
  F_SOURCE,
  N_FIELDS
};

#define PARAM_ID 12
#define PARAM_NIK 13
#define PARAM_BATCH 14
#define PARAM_LINE 15

/* The columns of Participants.select after id and the fields. */
#define SELECT_BATCH (N_FIELDS + 1)
#define SELECT_LINE (N_FIELDS + 2)

static const char * const field_names[N_FIELDS] = {
  "name", "kelurahan_id", "sector_id", "desil", "sex", "birth_date", "registered_on",
  "ended_on", "end_reason", "kpj_number", "source",
};

typedef enum
{
  VALUE_NULL,
  VALUE_INT,
  VALUE_TEXT,
} ValueType;

typedef struct
{
  ValueType   type;
  gint64      i;
  const char *s;
} Value;

typedef SigapParticipantFlagNote Flag;

/* A flag waiting to be written with others: a list without KPJ numbers flags every line, and
 * one statement for many rows costs far less than one each. */
typedef struct
{
  gint64 participant_id;
  gint64 line;
  Flag   flag;
} PendingFlag;

#define FLAG_BATCH 64

static gboolean flush_flags (SigapImportRun *run);
static guint compute_flags (SigapImportRun           *run,
                            const char               *nik,
                            const Value              *merged,
                            SigapParticipantFlagNote  flags[SIGAP_PARTICIPANT_FLAG_N]);
static void reject_ended_early (SigapImportRun *run,
                                const Value    *given,
                                const Value    *merged);
static SigapImportRow reject_repeat (SigapImportRun *run,
                                     gint64          first_line);

/* The writing thread's state. */
typedef struct
{
  SigapStatement *select;
  SigapStatement *insert;
  SigapStatement *delete_flags;
  SigapStatement *insert_flag;
  SigapStatement *insert_flags;            /* FLAG_BATCH rows at once */
  SigapStatement *find_unchanged;          /* temp.import_unchanged, when the table was not */
  SigapStatement *add_unchanged;           /* empty */
  SigapStatement *updates[1 << N_FIELDS];  /* by mask of changed fields, prepared when needed */
  gboolean      empty;                   /* no participant before this import */
  gboolean      bulk;
  GPtrArray    *saved_sql;               /* the app's own definitions of what bulk dropped */
  GHashTable   *tallies;                 /* tally_key () → gint64[2]: registered, ended */

  PendingFlag   pending[FLAG_BATCH];
  guint         n_pending;

  /* On a server (see "Staged loading"): the lines go through COPY into import_stage. */
  gboolean      staged;
  GHashTable   *seen;                    /* NIK → the line it was taken from */
  GStringChunk *seen_niks;
  SigapStatement *lookup;                /* a batch's NIKs already stored */
  GHashTable   *stored;                  /* NIK → Stored, for the batch being applied */
  GStringChunk *stored_text;

  /* On a server, into an empty table its owner loads (see "Direct loading"). */
  gboolean      direct;
  gint64        first_id;                /* the id of the first participant added */
  gint64        next_id;
  guint         since_flush;             /* lines applied since the notes were written */
  GArray       *direct_flags;            /* PendingFlag */
  GArray       *direct_rejects;          /* DirectReject */
  GStringChunk *reject_text;
  GHashTable   *flag_tallies;            /* tally_key () with the flag for desil → gint64[2] */
  GPtrArray    *deferred;                /* the indexes to make again */
  char          batch_text[24];
} Participants;

static gboolean staged_complete (SigapImportRun  *run,
                                 Participants    *p,
                                 GError         **error);

/* One line's checked values, from the reading thread to the writing one. given[] points into
 * the buffers. */
typedef struct
{
  char     nik[SIGAP_NIK_LENGTH + 1];
  Value    given[N_FIELDS];
  GString *name;
  GString *kpj;
  GString *source;
  GString *end_reason;
  char     sex[2];
  char     registered_on[11];
  char     ended_on[11];
  char     birth_date[11];
  char     nik_sex[2];            /* what the NIK says, for what neither file nor database has */
  char     nik_birth_date[11];
} Line;


static inline Value
int_value (gint64 i)
{
  return (Value) { VALUE_INT, i, NULL };
}

static inline Value
text_value (const char *s)
{
  return (Value) { VALUE_TEXT, 0, s };
}

static gboolean
value_equal (const Value *a,
             const Value *b)
{
  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case VALUE_NULL:
      return TRUE;
    case VALUE_INT:
      return a->i == b->i;
    case VALUE_TEXT:
      return strcmp (a->s, b->s) == 0;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_value (SigapStatement *stmt,
            int           param,
            const Value  *value)
{
  switch (value->type)
    {
    case VALUE_NULL:
      sigap_statement_bind_null (stmt, param);
      break;
    case VALUE_INT:
      sigap_statement_bind_int64 (stmt, param, value->i);
      break;
    case VALUE_TEXT:
      sigap_statement_bind_text (stmt, param, value->s);
      break;
    default:
      g_assert_not_reached ();
    }
}

static Value
column_value (SigapStatement *stmt,
              int           column)
{
  if (sigap_statement_column_is_null (stmt, column))
    return (Value) { VALUE_NULL, 0, NULL };
  if (sigap_statement_column_is_integer (stmt, column))
    return int_value (sigap_statement_column_int64 (stmt, column));
  return text_value (sigap_statement_column_text (stmt, column));
}

/* Runs of space (U+00A0 too) inside a name become one space. */
static void
tidy_spaces (GString    *out,
             const char *text)
{
  gboolean space = FALSE;

  g_string_truncate (out, 0);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0))
        {
          if ((guchar) p[0] == 0xC2)
            p++;
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
}


/* --- Bulk loading --------------------------------------------------------------------- */

/* Loading a large list into a table that holds few participants, maintaining the secondary
 * indexes and running the tally trigger for every row costs more than all the rest of the
 * import together (measured: about 7 µs and 8 µs a row at a million rows). So for such a list
 * the indexes of participant and participant_flag are dropped and built once at the end,
 * which sorts instead of inserting at random, and the insert trigger's work is done by
 * counting the new rows in memory and adding the counts to the tallies in one statement per
 * tally row. All of it happens inside the import's transaction, and the dropped objects are
 * created again before it commits from the app's own definitions (never from the SQL text the
 * file holds), so a cancelled or killed import leaves them as they were. The
 * update and delete triggers stay: an update still runs them.
 *
 * tally_add () must count exactly what participant_tally_insert (sql/0001-schema.sql) counts.
 * That trigger's SQL is recognized by its SHA-256: if a migration changes it, the hash no
 * longer matches, imports run the trigger again (slower, still right), and the test
 * /sigap/import/bulk/trigger-known fails so that both are updated together. */
#define TALLY_INSERT_TRIGGER "participant_tally_insert"
#define TALLY_INSERT_TRIGGER_SHA256 \
  "681fb8637658da155ed59e4f9934eb365d0b8daf4c67c6f39301a04f434f584d"
#define BULK_MIN_ROWS 20000
/* The page cache, in KiB, while the indexes are rebuilt: see restore_schema (). */
#define INDEX_CACHE_KIB 4096
/* A generous guess of a participant line's length, to guess the number of lines. */
#define BULK_BYTES_PER_LINE 80

/* g_int64_hash() folds the halves together, which collides for these packed keys. */
static guint
tally_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

static char *
query_text (SigapDatabase *db,
            const char    *sql)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, sql, NULL);

  if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return NULL;

  return g_strdup (sigap_statement_column_text (stmt, 0));
}

gboolean
_sigap_import_tally_trigger_is_known (SigapDatabase *db)
{
  g_autofree char *sql = query_text (db,
                                     "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                                     "AND name = '" TALLY_INSERT_TRIGGER "'");
  g_autofree char *hash = NULL;

  if (sql == NULL)
    return FALSE;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql, -1);
  return g_str_equal (hash, TALLY_INSERT_TRIGGER_SHA256);
}

static gboolean
exec (SigapImportRun  *run,
      const char      *sql,
      GError         **error)
{
  return sigap_database_exec (run->db, sql, error);
}

static gint64
count_participants (SigapImportRun *run)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (run->db,
                                                          "SELECT count (*) FROM participant",
                                                          NULL);

  if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return -1;

  return sigap_statement_column_int64 (stmt, 0);
}

/* Whether the bulk path drops and creates @object again: the indexes of its two tables and the
 * insert trigger. */
static gboolean
is_bulk_object (const SigapSchemaObject *object)
{
  if (g_str_equal (object->type, "index"))
    return g_str_equal (object->table, "participant") ||
           g_str_equal (object->table, "participant_flag");

  return g_str_equal (object->name, TALLY_INSERT_TRIGGER);
}

static gboolean
drop_object (SigapImportRun  *run,
             const char      *type,
             const char      *name,
             GError         **error)
{
  g_autofree char *sql = NULL;
  /* Quoted: the name comes from the file. */
  g_autofree char *quoted = sigap_database_quote_identifier (name);

  sql = g_strdup_printf ("DROP %s IF EXISTS %s",
                         g_str_equal (type, "index") ? "INDEX" : "TRIGGER", quoted);
  return exec (run, sql, error);
}

/* Makes the indexes and triggers of participant and participant_flag the app's own ones,
 * as the migrations define them: one that is missing, or whose text in the file differs
 * (edited by hand, or crafted to run more than its CREATE), is created again from the app's
 * definition. Nothing the file's sqlite_schema holds is ever run. */
static gboolean
repair_schema (SigapImportRun  *run,
               GError         **error)
{
  const GPtrArray *own = sigap_database_get_own_schema ();
  g_autoptr(SigapStatement) stmt = NULL;

  stmt = _sigap_import_prepare (run,
                                "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < own->len; i++)
    {
      const SigapSchemaObject *object = g_ptr_array_index (own, i);
      gboolean same;

      if (!g_str_equal (object->table, "participant") &&
          !g_str_equal (object->table, "participant_flag"))
        continue;

      sigap_statement_bind_text (stmt, 1, object->type);
      sigap_statement_bind_text (stmt, 2, object->name);
      same = sigap_statement_step (stmt) == SIGAP_STEP_ROW &&
             g_strcmp0 (sigap_statement_column_text (stmt, 0), object->sql) == 0;
      sigap_statement_reset (stmt);
      if (same)
        continue;

      g_debug ("Creating %s %s again from its definition", object->type, object->name);
      if (!drop_object (run, object->type, object->name, error) ||
          !exec (run, object->sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
enter_bulk (SigapImportRun  *run,
            Participants    *p,
            GError         **error)
{
  const GPtrArray *own = sigap_database_get_own_schema ();
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

  /* What restore_schema () creates again: the app's definitions, not the file's text. */
  p->saved_sql = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < own->len; i++)
    {
      const SigapSchemaObject *object = g_ptr_array_index (own, i);

      if (is_bulk_object (object))
        g_ptr_array_add (p->saved_sql, g_strdup (object->sql));
    }

  /* Every index on the two tables goes, the app's own and any other. */
  stmt = _sigap_import_prepare (run,
                                "SELECT type, name FROM sqlite_schema "
                                "WHERE sql IS NOT NULL AND ("
                                "  (tbl_name IN ('participant', 'participant_flag') "
                                "   AND type = 'index') "
                                "  OR name = '" TALLY_INSERT_TRIGGER "')",
                                error);
  if (stmt == NULL)
    return FALSE;

  while (sigap_statement_step (stmt) == SIGAP_STEP_ROW)
    {
      g_ptr_array_add (drops, g_strdup (sigap_statement_column_text (stmt, 0)));
      g_ptr_array_add (drops, g_strdup (sigap_statement_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sigap_statement_free);

  for (guint i = 0; i < drops->len; i += 2)
    if (!drop_object (run, g_ptr_array_index (drops, i), g_ptr_array_index (drops, i + 1),
                      error))
      return FALSE;

  p->tallies = g_hash_table_new_full (tally_hash, g_int64_equal, g_free, g_free);
  p->bulk = TRUE;
  run->used_bulk = TRUE;
  return TRUE;
}

/* The tally key of a participant added in bulk: ids and desil fit in 16 bits each, and the
 * month is year * 12 + month - 1. */
static guint64
tally_key (gint64 kelurahan_id,
           gint64 sector_id,
           gint64 desil,
           int    year,
           int    month)
{
  return ((guint64) kelurahan_id << 48) | ((guint64) sector_id << 32) |
         ((guint64) desil << 16) | (guint64) (year * 12 + month - 1);
}

/* Counts one more in @tallies: of the month of @merged's @date_field, in the kelurahan and
 * sector of @merged, for @minor (the desil, or a note's flag); registered or ended by
 * @date_field. */
static void
tally_count (GHashTable  *tallies,
             const Value *merged,
             int          date_field,
             gint64       minor,
             guint        slot)
{
  const char *date = merged[date_field].s;
  int year = (int) g_ascii_strtoll (date, NULL, 10);
  int month = (int) g_ascii_strtoll (date + 5, NULL, 10);
  guint64 key = tally_key (merged[F_KELURAHAN].i, merged[F_SECTOR].i, minor, year, month);
  gint64 *counts = g_hash_table_lookup (tallies, &key);

  if (counts == NULL)
    {
      gint64 *stored_key = g_new (gint64, 1);

      *stored_key = (gint64) key;
      counts = g_new0 (gint64, 2);
      g_hash_table_insert (tallies, stored_key, counts);
    }

  counts[slot]++;
}

static void
tally_add (Participants *p,
           const Value  *merged,
           int           date_field)
{
  tally_count (p->tallies, merged, date_field,
               merged[F_DESIL].type == VALUE_INT ? merged[F_DESIL].i : 0,
               date_field == F_REGISTERED_ON ? 0 : 1);
}

static void
tally_month (guint64  key,
             char     month[8])
{
  int months = (int) (key & 0xffff);

  g_snprintf (month, 8, "%04d-%02d", months / 12, months % 12 + 1);
}

static gboolean
write_tallies (SigapImportRun  *run,
               Participants    *p,
               GError         **error)
{
  g_autoptr(SigapStatement) sector = NULL;
  g_autoptr(SigapStatement) desil = NULL;
  GHashTableIter iter;
  gpointer key, value;

  sector = _sigap_import_prepare (run,
                                  "INSERT INTO tally_sector (kelurahan_id, sector_id, month, "
                                  "registered, ended) VALUES (?1, ?2, ?4, ?5, ?6) "
                                  "ON CONFLICT DO UPDATE SET "
                                  "registered = registered + excluded.registered, "
                                  "ended = ended + excluded.ended",
                                  error);
  desil = sector != NULL ? _sigap_import_prepare (run,
                                                  "INSERT INTO tally_desil (kelurahan_id, "
                                                  "segment, desil, month, registered, ended) "
                                                  "SELECT ?1, segment, ?3, ?4, ?5, ?6 "
                                                  "FROM sector WHERE id = ?2 "
                                                  "ON CONFLICT DO UPDATE SET "
                                                  "registered = registered + excluded.registered, "
                                                  "ended = ended + excluded.ended",
                                                  error)
                         : NULL;
  if (desil == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, p->tallies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = (guint64) *(gint64 *) key;
      const gint64 *counts = value;
      char month[8];
      SigapStatement *stmts[] = { sector, desil };

      tally_month (k, month);
      for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
        {
          sigap_statement_bind_int64 (stmts[i], 1, (gint64) (k >> 48));
          sigap_statement_bind_int64 (stmts[i], 2, (gint64) ((k >> 32) & 0xffff));
          sigap_statement_bind_int64 (stmts[i], 3, (gint64) ((k >> 16) & 0xffff));
          sigap_statement_bind_text_copy (stmts[i], 4, month);
          sigap_statement_bind_int64 (stmts[i], 5, counts[0]);
          sigap_statement_bind_int64 (stmts[i], 6, counts[1]);
          if (sigap_statement_step (stmts[i]) != SIGAP_STEP_DONE)
            return sigap_database_set_error (run->db, error, _("Cannot update the tallies"));
          sigap_statement_reset (stmts[i]);
        }
    }

  return TRUE;
}

/* Recreates the indexes and the trigger dropped by enter_bulk ().
 *
 * CREATE INDEX sorts in one thread while its keys fit in the page cache; with a small cache
 * it sorts runs of keys in worker threads as it reads the table, and merges them, which on
 * two cores builds the indexes in about 60 % of the time (and with less memory). */
static gboolean
restore_schema (SigapImportRun  *run,
                Participants    *p,
                GError         **error)
{
  g_autofree char *threads = g_strdup_printf ("PRAGMA threads = %u",
                                              CLAMP (g_get_num_processors (), 2, 5) - 1);
  gint64 cache_size = _sigap_import_query_int (run->db, "PRAGMA cache_size");
  g_autofree char *restore = g_strdup_printf ("PRAGMA threads = 0; "
                                              "PRAGMA cache_size = %" G_GINT64_FORMAT,
                                              cache_size);
  gboolean ok = TRUE;

  sigap_database_exec (run->db, threads, NULL);
  sigap_database_exec (run->db, "PRAGMA cache_size = -" G_STRINGIFY (INDEX_CACHE_KIB), NULL);

  for (guint i = 0; ok && i < p->saved_sql->len; i++)
    {
      ok = exec (run, g_ptr_array_index (p->saved_sql, i), error);
      _sigap_import_trace_phase (run, g_ptr_array_index (p->saved_sql, i));
    }

  sigap_database_exec (run->db, restore, NULL);
  return ok;
}

static gboolean
participants_complete (SigapImportRun  *run,
                       GError         **error)
{
  Participants *p = run->kind_data;

  if (!flush_flags (run))
    return sigap_database_set_error (run->db, error, _("Cannot record a data-quality note"));

  if (p->staged)
    return staged_complete (run, p, error);

  if (!p->bulk)
    return TRUE;

  _sigap_import_trace_phase (run, "data-quality flags written");
  if (!write_tallies (run, p, error))
    return FALSE;
  _sigap_import_trace_phase (run, "tallies written");
  if (!restore_schema (run, p, error))
    return FALSE;

  p->bulk = FALSE;
  return TRUE;
}


/* --- Direct loading (a server's first load) ------------------------------------------- */

/* Into an empty participant table, a role that owns the tables (the role whose connection
 * created the schema, or one the city made their owner) loads a large file the way the SQLite
 * bulk path and the demo do: the rows go with COPY straight into participant, without its
 * indexes, primary key and unique NIK (made again at the end by sorting, from the server's
 * own definitions: sigap_database_defer_indexes ()), and without the insert triggers of participant and participant_flag, whose
 * work is done here: the tallies counted in memory (tally_add (), and the notes' tallies)
 * and added in three statements; the kelurahan and sectors named checked and locked FOR KEY
 * SHARE, as participant_check_references () does. The ids are the sequence's next ones, in
 * line order, as the staged INSERT gives them. The notes and rejected lines of each chunk of
 * lines follow their participants in COPYs of their own.
 *
 * Dropping the indexes holds participant exclusively until the import ends: readers of the
 * participant rows wait for it (there are none to read yet); readers of the tallies do not.
 * All of it is one transaction: a cancelled, failed or killed import leaves the schema and
 * the data as they were (the sequence only moves on).
 *
 * What the skipped triggers count must be what is counted here. Their functions are
 * recognized by the SHA-256 of their source: if a migration changes one, imports go through
 * the staged path again (slower, still right), and /postgres/sigap/import/bulk/direct fails
 * so that both are updated together. */

#define DIRECT_CHUNK 32768
#define DIRECT_TRIGGERS_SHA256 \
  "71ae522b9bb8bbf0a6e536ef75c32e82f4ca5d7c5ebfe4b4403c9e4917592b42"

typedef struct
{
  gint64      line;
  const char *column_name;
  const char *reason;
  const char *raw;
} DirectReject;

static const char * const direct_columns[] = {
  "id", "nik", "name", "kelurahan_id", "sector_id", "desil", "sex", "birth_date",
  "registered_on", "ended_on", "end_reason", "kpj_number", "source", "batch_id",
  "changed_batch", "changed_line", NULL
};

static const char * const flag_columns[] = {
  "participant_id", "kind", "batch_id", "line", "detail", NULL
};

static const char * const reject_columns[] = {
  "batch_id", "line", "column_name", "reason", "raw", NULL
};

/* The source of the insert triggers' functions the direct path stands in for, hashed. */
#define DIRECT_TRIGGERS_HASH_SQL \
  "SELECT encode (sha256 (convert_to (string_agg (p.proname || ':' || p.prosrc, ';' " \
  "                                               ORDER BY p.proname), 'UTF8')), 'hex') " \
  "FROM pg_catalog.pg_trigger AS t JOIN pg_catalog.pg_proc AS p ON p.oid = t.tgfoid " \
  "WHERE t.tgrelid IN ('participant'::regclass, 'participant_flag'::regclass) " \
  "  AND t.tgname IN ('participant_tally_insert', 'participant_references_insert', " \
  "                   'participant_flag_tally_insert', 'participant_flag_references_insert') " \
  "  AND t.tgenabled = 'O'"

static char *
direct_triggers_hash (SigapDatabase *db)
{
  g_autoptr(SigapStatement) stmt = sigap_database_prepare (db, DIRECT_TRIGGERS_HASH_SQL, NULL);

  if (stmt == NULL || sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return NULL;

  return g_strdup (sigap_statement_column_text (stmt, 0));
}

/* Whether this role may load directly: it owns the two tables it changes the schema of and
 * the two whose rows it locks, and their insert triggers are the ones counted for here. */
static gboolean
direct_possible (SigapImportRun *run)
{
  g_autofree char *hash = NULL;
  gint64 owned;

  owned = _sigap_import_query_int (run->db,
                                   "SELECT count (*) FROM pg_catalog.pg_class "
                                   "WHERE oid IN ('participant'::regclass, "
                                   "              'participant_flag'::regclass, "
                                   "              'region'::regclass, 'sector'::regclass) "
                                   "  AND pg_has_role (relowner, 'USAGE')");
  if (owned != 4)
    return FALSE;

  hash = direct_triggers_hash (run->db);
  if (g_strcmp0 (hash, DIRECT_TRIGGERS_SHA256) != 0)
    {
      g_debug ("The insert triggers are not the known ones (%s): loading through the staging "
               "table", hash != NULL ? hash : "none");
      return FALSE;
    }

  return TRUE;
}

static const char *
int_text (char   buf[24],
          gint64 value)
{
  char *end = buf + 23;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  *end = '\0';
  do
    {
      *--end = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    *--end = '-';

  return end;
}

static gboolean
direct_reject (SigapImportRun *run,
               const char     *column_name,
               const char     *reason)
{
  Participants *p = run->kind_data;
  DirectReject reject = {
    run->line,
    column_name != NULL ? g_string_chunk_insert_const (p->reject_text, column_name) : NULL,
    g_string_chunk_insert_const (p->reject_text, reason),
    g_string_chunk_insert (p->reject_text, run->raw != NULL ? run->raw : ""),
  };

  g_array_append_val (p->direct_rejects, reject);
  return TRUE;
}

static gboolean
direct_begin (SigapImportRun  *run,
              GError         **error)
{
  return sigap_database_copy_begin (run->db, "participant", direct_columns, error);
}

static gboolean
direct_prepare (SigapImportRun  *run,
                Participants    *p,
                GError         **error)
{
  p->direct = TRUE;
  p->deferred = g_ptr_array_new_with_free_func (g_free);
  if (!exec (run, "ALTER TABLE participant "
                  "DISABLE TRIGGER participant_tally_insert, "
                  "DISABLE TRIGGER participant_references_insert", error) ||
      !exec (run, "ALTER TABLE participant_flag "
                  "DISABLE TRIGGER participant_flag_tally_insert, "
                  "DISABLE TRIGGER participant_flag_references_insert", error) ||
      !sigap_database_defer_indexes (run->db, "participant", p->deferred, error))
    return FALSE;

  p->first_id = _sigap_import_query_int (run->db,
                                         "SELECT nextval (pg_get_serial_sequence "
                                         "('participant', 'id'))");
  if (p->first_id <= 0)
    return sigap_database_set_error (run->db, error, _("Cannot add a participant"));
  p->next_id = p->first_id;

  {
    char batch[24];

    g_strlcpy (p->batch_text, int_text (batch, run->batch_id), sizeof p->batch_text);
  }
  p->direct_flags = g_array_new (FALSE, FALSE, sizeof (PendingFlag));
  p->direct_rejects = g_array_new (FALSE, FALSE, sizeof (DirectReject));
  p->reject_text = g_string_chunk_new (1 << 16);
  p->tallies = g_hash_table_new_full (tally_hash, g_int64_equal, g_free, g_free);
  p->flag_tallies = g_hash_table_new_full (tally_hash, g_int64_equal, g_free, g_free);
  run->used_bulk = TRUE;
  run->stage_reject = direct_reject;
  _sigap_import_trace_phase (run, "indexes and insert triggers set aside");
  return direct_begin (run, error);
}

static SigapImportRow
direct_add (SigapImportRun *run,
            Participants   *p,
            gint64          line_number,
            const char     *nik,
            const Value    *merged,
            const Flag     *flags,
            guint           n_flags)
{
  const char *values[G_N_ELEMENTS (direct_columns) - 1] = { NULL };
  char id_text[24], line_text[24];
  char numbers[N_FIELDS][24];
  gint64 id = p->next_id++;

  values[0] = int_text (id_text, id);
  values[1] = nik;
  for (guint f = 0; f < N_FIELDS; f++)
    if (merged[f].type == VALUE_INT)
      values[2 + f] = int_text (numbers[f], merged[f].i);
    else if (merged[f].type == VALUE_TEXT)
      values[2 + f] = merged[f].s;
  values[13] = p->batch_text;
  values[14] = p->batch_text;
  values[15] = int_text (line_text, line_number);
  if (!sigap_database_copy_row (run->db, values, NULL))
    return _sigap_import_db_failed (run, _("Cannot add a participant"));

  tally_add (p, merged, F_REGISTERED_ON);
  if (merged[F_ENDED_ON].type == VALUE_TEXT)
    tally_add (p, merged, F_ENDED_ON);

  for (guint i = 0; i < n_flags; i++)
    {
      PendingFlag pending = { id, line_number, flags[i] };

      g_array_append_val (p->direct_flags, pending);
      tally_count (p->flag_tallies, merged, F_REGISTERED_ON, flags[i].flag, 0);
    }

  return SIGAP_IMPORT_ROW_ADDED;
}

/* The participants COPY ends, and the notes and rejected lines so far follow it. */
static gboolean
direct_flush (SigapImportRun  *run,
              Participants    *p,
              gboolean         reopen,
              GError         **error)
{
  if (!sigap_database_copy_end (run->db, error))
    return FALSE;

  if (p->direct_flags->len > 0)
    {
      if (!sigap_database_copy_begin (run->db, "participant_flag", flag_columns, error))
        return FALSE;
      for (guint i = 0; i < p->direct_flags->len; i++)
        {
          const PendingFlag *flag = &g_array_index (p->direct_flags, PendingFlag, i);
          char id_text[24], line_text[24];
          const char *values[] = {
            int_text (id_text, flag->participant_id),
            sigap_participant_flag_to_string (flag->flag.flag),
            p->batch_text,
            int_text (line_text, flag->line),
            flag->flag.detail[0] != '\0' ? flag->flag.detail : NULL,
          };

          if (!sigap_database_copy_row (run->db, values, error))
            return FALSE;
        }
      if (!sigap_database_copy_end (run->db, error))
        return FALSE;
      g_array_set_size (p->direct_flags, 0);
    }

  if (p->direct_rejects->len > 0)
    {
      if (!sigap_database_copy_begin (run->db, "import_reject", reject_columns, error))
        return FALSE;
      for (guint i = 0; i < p->direct_rejects->len; i++)
        {
          const DirectReject *reject = &g_array_index (p->direct_rejects, DirectReject, i);
          char line_text[24];
          const char *values[] = {
            p->batch_text, int_text (line_text, reject->line), reject->column_name,
            reject->reason, reject->raw,
          };

          if (!sigap_database_copy_row (run->db, values, error))
            return FALSE;
        }
      if (!sigap_database_copy_end (run->db, error))
        return FALSE;
      g_array_set_size (p->direct_rejects, 0);
      g_string_chunk_clear (p->reject_text);
    }

  p->since_flush = 0;
  return !reopen || direct_begin (run, error);
}

/* The counts of both tally hashes, as rows of import_tally. */
static gboolean
direct_copy_tallies (SigapImportRun  *run,
                     Participants    *p,
                     GError         **error)
{
  static const char * const tally_columns[] = {
    "kelurahan_id", "sector_id", "desil", "kind", "month", "registered", "ended", NULL
  };
  GHashTable *hashes[] = { p->tallies, p->flag_tallies };

  if (!sigap_database_copy_begin (run->db, "import_tally", tally_columns, error))
    return FALSE;

  for (guint h = 0; h < G_N_ELEMENTS (hashes); h++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, hashes[h]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint64 k = (guint64) *(gint64 *) key;
          const gint64 *counts = value;
          gint64 minor = (gint64) ((k >> 16) & 0xffff);
          char kelurahan[24], sector[24], desil[24], registered[24], ended[24];
          char month[8];
          const char *values[7];

          tally_month (k, month);
          values[0] = int_text (kelurahan, (gint64) (k >> 48));
          values[1] = int_text (sector, (gint64) ((k >> 32) & 0xffff));
          values[2] = h == 0 ? int_text (desil, minor) : NULL;
          values[3] = h == 1 ? sigap_participant_flag_to_string ((SigapParticipantFlag) minor)
                             : NULL;
          values[4] = month;
          values[5] = int_text (registered, counts[0]);
          values[6] = int_text (ended, counts[1]);
          if (!sigap_database_copy_row (run->db, values, error))
            return FALSE;
        }
    }

  return sigap_database_copy_end (run->db, error);
}

static void
trace_index_made (guint    n_made,
                  guint    n_total,
                  gpointer user_data)
{
  SigapImportRun *run = user_data;
  Participants *p = run->kind_data;

  _sigap_import_trace_phase (run, g_ptr_array_index (p->deferred, n_made - 1));
}

/* What the skipped insert triggers do, for the whole load at once. */
static gboolean
direct_complete (SigapImportRun  *run,
                 Participants    *p,
                 GError         **error)
{
  static const char * const statements[] = {
    /* participant_check_references (): the kelurahan and sectors named, locked. */
    "SELECT (SELECT count (*) FROM (SELECT 1 FROM region WHERE id IN "
    "          (SELECT kelurahan_id FROM import_tally) FOR KEY SHARE) AS r) "
    "       = (SELECT count (DISTINCT kelurahan_id) FROM import_tally) "
    "   AND (SELECT count (*) FROM (SELECT 1 FROM sector WHERE id IN "
    "          (SELECT sector_id FROM import_tally) FOR KEY SHARE) AS s) "
    "       = (SELECT count (DISTINCT sector_id) FROM import_tally)",
    /* participant_tally_inserted () */
    "INSERT INTO tally_sector AS t (kelurahan_id, sector_id, month, registered, ended) "
    "SELECT kelurahan_id, sector_id, month, sum (registered), sum (ended) "
    "FROM import_tally WHERE kind IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 "
    "ON CONFLICT (kelurahan_id, sector_id, month) DO UPDATE "
    "SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended",
    "INSERT INTO tally_desil AS t (kelurahan_id, segment, desil, month, registered, ended) "
    "SELECT c.kelurahan_id, s.segment, c.desil, c.month, sum (c.registered), sum (c.ended) "
    "FROM import_tally AS c JOIN sector AS s ON s.id = c.sector_id WHERE c.kind IS NULL "
    "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 "
    "ON CONFLICT (kelurahan_id, segment, desil, month) DO UPDATE "
    "SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended",
    /* participant_flag_tally_inserted () */
    "INSERT INTO tally_flag AS t (kelurahan_id, segment, kind, month, registered) "
    "SELECT c.kelurahan_id, s.segment, c.kind, c.month, sum (c.registered) "
    "FROM import_tally AS c JOIN sector AS s ON s.id = c.sector_id WHERE c.kind IS NOT NULL "
    "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 "
    "ON CONFLICT (kelurahan_id, segment, kind, month) DO UPDATE "
    "SET registered = t.registered + excluded.registered",
    "ALTER TABLE participant "
    "ENABLE TRIGGER participant_tally_insert, ENABLE TRIGGER participant_references_insert",
    "ALTER TABLE participant_flag "
    "ENABLE TRIGGER participant_flag_tally_insert, "
    "ENABLE TRIGGER participant_flag_references_insert",
  };

  run->stage_reject = NULL;
  if (!direct_flush (run, p, FALSE, error))
    return FALSE;
  _sigap_import_trace_phase (run, "rows copied into participant");

  if (!exec (run, "CREATE TEMP TABLE import_tally (kelurahan_id BIGINT NOT NULL, "
                  "sector_id BIGINT NOT NULL, desil INTEGER, kind TEXT, month TEXT NOT NULL, "
                  "registered BIGINT NOT NULL, ended BIGINT NOT NULL) ON COMMIT DROP",
             error) ||
      !direct_copy_tallies (run, p, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(SigapStatement) stmt = _sigap_import_prepare (run, statements[i], error);
      SigapStep step;

      if (stmt == NULL)
        return FALSE;
      step = sigap_statement_step (stmt);
      if (i == 0 && (step != SIGAP_STEP_ROW || !sigap_statement_column_int64 (stmt, 0)))
        return sigap_database_set_error (run->db, error,
                                         _("A kelurahan or sector of the file is no longer "
                                           "in the database"));
      if (i > 0 && step != SIGAP_STEP_DONE)
        return sigap_database_set_error (run->db, error, _("Cannot update the tallies"));
    }
  _sigap_import_trace_phase (run, "tallies written");

  if (!sigap_database_create_deferred (run->db, p->deferred, trace_index_made, run, error))
    return FALSE;

  if (p->next_id > p->first_id)
    {
      g_autoptr(SigapStatement) stmt = NULL;

      stmt = _sigap_import_prepare (run,
                                    "SELECT setval (pg_get_serial_sequence ('participant', "
                                    "'id'), ?1)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sigap_statement_bind_int64 (stmt, 1, p->next_id - 1);
      if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
        return sigap_database_set_error (run->db, error, _("Cannot add a participant"));
    }

  return TRUE;
}

/* --- Staged loading (a server) -------------------------------------------------------- */

/* On PostgreSQL a statement for each line costs a round trip and its triggers: about 1.2 ms a
 * line. There the lines are checked and merged exactly as above, in this thread, but what
 * they write goes through COPY into a temporary table, import_stage, one row for each
 * participant to add (n) or update (u), each data-quality note (f) and each rejected line (r);
 * and once the file is read, a few set-based statements write it all in the import's
 * transaction, in line order. The tally triggers of the server (statement-level, see
 * sql/postgres/0008-statement-tallies.sql) then count each statement's rows once.
 *
 * What the row-by-row path finds in the database, this one keeps or looks up by batch: the
 * NIKs taken so far from the file (a repeat is rejected, naming the first line), and the
 * stored participants of each batch of lines, in one query for the batch. Into a table that
 * was empty, nothing is looked up. */

typedef struct
{
  gint64 id;
  Value  v[N_FIELDS];
} Stored;

static const char * const stage_columns[] = {
  "op", "line", "id", "nik", "name", "kelurahan_id", "sector_id", "desil", "sex",
  "birth_date", "registered_on", "ended_on", "end_reason", "kpj_number", "source", "kind",
  "detail", "column_name", "reason", "raw", NULL
};

enum
{
  STAGE_OP,
  STAGE_LINE,
  STAGE_ID,
  STAGE_NIK,
  STAGE_FIELDS,       /* N_FIELDS of them, in the order of field_names */
  STAGE_KIND = STAGE_FIELDS + N_FIELDS,
  STAGE_DETAIL,
  STAGE_COLUMN,
  STAGE_REASON,
  STAGE_RAW,
  N_STAGE
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_columns) == N_STAGE + 1);

static gboolean
stage_row (SigapImportRun  *run,
           char             op,
           gint64           line,
           gint64           id,
           const char      *nik,
           const Value     *merged,
           const char     **extra)
{
  const char *values[N_STAGE] = { NULL };
  char op_text[2] = { op, '\0' };
  char line_text[24], id_text[24];
  char numbers[N_FIELDS][24];

  values[STAGE_OP] = op_text;
  g_snprintf (line_text, sizeof line_text, "%" G_GINT64_FORMAT, line);
  values[STAGE_LINE] = line_text;
  if (id > 0)
    {
      g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);
      values[STAGE_ID] = id_text;
    }
  values[STAGE_NIK] = nik;

  for (guint f = 0; merged != NULL && f < N_FIELDS; f++)
    switch (merged[f].type)
      {
      case VALUE_INT:
        g_snprintf (numbers[f], sizeof numbers[f], "%" G_GINT64_FORMAT, merged[f].i);
        values[STAGE_FIELDS + f] = numbers[f];
        break;
      case VALUE_TEXT:
        values[STAGE_FIELDS + f] = merged[f].s;
        break;
      case VALUE_NULL:
      default:
        break;
      }

  /* kind, detail, column_name, reason, raw */
  for (guint e = 0; extra != NULL && e < N_STAGE - STAGE_KIND; e++)
    values[STAGE_KIND + e] = extra[e];

  return sigap_database_copy_row (run->db, values, NULL);
}

static gboolean
stage_reject (SigapImportRun *run,
              const char     *column_name,
              const char     *reason)
{
  const char *extra[] = { NULL, NULL, column_name, reason, run->raw };

  return stage_row (run, 'r', run->line, 0, NULL, NULL, extra);
}

static gboolean
stage_begin (SigapImportRun  *run,
             GError         **error)
{
  return sigap_database_copy_begin (run->db, "import_stage", stage_columns, error);
}

static gboolean
staged_prepare (SigapImportRun  *run,
                Participants    *p,
                gint64           existing,
                GError         **error)
{
  p->staged = TRUE;
  p->empty = existing == 0;
  p->seen = g_hash_table_new (g_str_hash, g_str_equal);
  p->seen_niks = g_string_chunk_new (1 << 16);

  if (p->empty && run->bulk != SIGAP_IMPORT_BULK_NEVER &&
      (run->bulk == SIGAP_IMPORT_BULK_ALWAYS ||
       run->size / BULK_BYTES_PER_LINE >= BULK_MIN_ROWS) &&
      direct_possible (run))
    return direct_prepare (run, p, error);

  /* For this transaction: the sorts and joins of a million staged lines in memory. */
  if (!exec (run, "SET LOCAL work_mem = '128MB'", error) ||
      !exec (run, "CREATE TEMP TABLE import_stage ("
                  "op TEXT NOT NULL, line BIGINT NOT NULL, id BIGINT, nik TEXT, "
                  "name TEXT, kelurahan_id BIGINT, sector_id BIGINT, desil INTEGER, sex TEXT, "
                  "birth_date TEXT, registered_on TEXT, ended_on TEXT, end_reason TEXT, "
                  "kpj_number TEXT, source TEXT, kind TEXT, detail TEXT, column_name TEXT, "
                  "reason TEXT, raw TEXT) ON COMMIT DROP",
             error))
    return FALSE;

  if (!p->empty)
    {
      p->lookup = _sigap_import_prepare (run,
                                         "SELECT nik, id, name, kelurahan_id, sector_id, desil, "
                                         "sex, birth_date, registered_on, ended_on, end_reason, "
                                         "kpj_number, source FROM participant "
                                         "WHERE nik = ANY (string_to_array (?1, ','))",
                                         error);
      if (p->lookup == NULL)
        return FALSE;
      p->stored = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      p->stored_text = g_string_chunk_new (1 << 16);
    }

  run->stage_reject = stage_reject;
  return stage_begin (run, error);
}

/* The stored participants of a batch's NIKs, in one query: the load pauses for it. */
static gboolean
participants_apply_begin (SigapImportRun         *run,
                          const SigapImportItem  *items,
                          guint                   n_items,
                          GError                **error)
{
  Participants *p = run->kind_data;
  g_autoptr(GString) niks = NULL;
  SigapStep step;

  if (p->direct)
    {
      p->since_flush += n_items;
      return p->since_flush < DIRECT_CHUNK || direct_flush (run, p, TRUE, error);
    }

  if (!p->staged || p->empty)
    return TRUE;

  g_hash_table_remove_all (p->stored);
  g_string_chunk_clear (p->stored_text);

  niks = g_string_sized_new (n_items * (SIGAP_NIK_LENGTH + 1));
  for (guint i = 0; i < n_items; i++)
    if (!items[i].rejected)
      {
        const Line *line = items[i].data;

        if (niks->len > 0)
          g_string_append_c (niks, ',');
        g_string_append (niks, line->nik);
      }
  if (niks->len == 0)
    return TRUE;

  if (!sigap_database_copy_end (run->db, error))
    return FALSE;

  sigap_statement_reset (p->lookup);
  sigap_statement_bind_text (p->lookup, 1, niks->str);
  while ((step = sigap_statement_step (p->lookup)) == SIGAP_STEP_ROW)
    {
      Stored *stored = g_new0 (Stored, 1);
      const char *nik = g_string_chunk_insert (p->stored_text,
                                               sigap_statement_column_text (p->lookup, 0));

      stored->id = sigap_statement_column_int64 (p->lookup, 1);
      for (guint f = 0; f < N_FIELDS; f++)
        {
          stored->v[f] = column_value (p->lookup, (int) f + 2);
          if (stored->v[f].type == VALUE_TEXT)
            stored->v[f].s = g_string_chunk_insert (p->stored_text, stored->v[f].s);
        }
      g_hash_table_insert (p->stored, (gpointer) nik, stored);
    }
  sigap_statement_reset (p->lookup);
  if (step != SIGAP_STEP_DONE)
    return sigap_database_set_error (run->db, error, _("Cannot look up a participant"));

  return stage_begin (run, error);
}

static SigapImportRow
participants_apply_staged (SigapImportRun  *run,
                           SigapImportItem *item)
{
  Participants *p = run->kind_data;
  Line *line = item->data;
  const Value *given = line->given;
  const Stored *stored = NULL;
  Value merged[N_FIELDS];
  Flag flags[SIGAP_PARTICIPANT_FLAG_N];
  gpointer first_line;
  guint mask = 0;
  guint n_flags;
  SigapImportRow outcome;

  if (g_hash_table_lookup_extended (p->seen, line->nik, NULL, &first_line))
    return reject_repeat (run, (gint64) GPOINTER_TO_SIZE (first_line));

  if (p->stored != NULL)
    stored = g_hash_table_lookup (p->stored, line->nik);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      Value none = { VALUE_NULL, 0, NULL };
      const Value *was = stored != NULL ? &stored->v[f] : &none;

      merged[f] = given[f].type != VALUE_NULL ? given[f] : *was;
      if (merged[f].type == VALUE_NULL && f == F_BIRTH_DATE)
        merged[f] = text_value (line->nik_birth_date);
      else if (merged[f].type == VALUE_NULL && f == F_SEX)
        merged[f] = text_value (line->nik_sex);
      if (stored != NULL && !value_equal (&merged[f], was))
        mask |= 1u << f;
    }

  if (merged[F_ENDED_ON].type == VALUE_TEXT &&
      strcmp (merged[F_ENDED_ON].s, merged[F_REGISTERED_ON].s) < 0)
    {
      reject_ended_early (run, given, merged);
      return run->error != NULL ? SIGAP_IMPORT_ROW_FAILED : SIGAP_IMPORT_ROW_REJECTED;
    }

  n_flags = compute_flags (run, line->nik, merged, flags);
  g_hash_table_insert (p->seen, g_string_chunk_insert_len (p->seen_niks, line->nik,
                                                           SIGAP_NIK_LENGTH),
                       GSIZE_TO_POINTER ((gsize) item->line));
  if (n_flags > 0)
    run->result->flagged++;

  if (p->direct)
    return direct_add (run, p, item->line, line->nik, merged, flags, n_flags);

  if (stored == NULL)
    outcome = SIGAP_IMPORT_ROW_ADDED;
  else if (mask == 0)
    return SIGAP_IMPORT_ROW_UNCHANGED;
  else
    outcome = SIGAP_IMPORT_ROW_UPDATED;

  if (!stage_row (run, outcome == SIGAP_IMPORT_ROW_ADDED ? 'n' : 'u', item->line,
                  stored != NULL ? stored->id : 0, line->nik, merged, NULL))
    return _sigap_import_db_failed (run, _("Cannot add a participant"));

  for (guint i = 0; i < n_flags; i++)
    {
      const char *extra[] = { sigap_participant_flag_to_string (flags[i].flag),
                              flags[i].detail[0] != '\0' ? flags[i].detail : NULL,
                              NULL, NULL, NULL };

      if (!stage_row (run, 'f', item->line, stored != NULL ? stored->id : 0, line->nik, NULL,
                      extra))
        return _sigap_import_db_failed (run, _("Cannot record a data-quality note"));
    }

  return outcome;
}

/* The staged rows into the tables, in line order. */
static gboolean
staged_complete (SigapImportRun  *run,
                 Participants    *p,
                 GError         **error)
{
  static const char * const statements[] = {
    "ANALYZE import_stage",
    "INSERT INTO participant (name, kelurahan_id, sector_id, desil, sex, birth_date, "
    "registered_on, ended_on, end_reason, kpj_number, source, nik, batch_id, changed_batch, "
    "changed_line) "
    "SELECT name, kelurahan_id, sector_id, desil, sex, birth_date, registered_on, ended_on, "
    "end_reason, kpj_number, source, nik, ?1, ?1, line "
    "FROM import_stage WHERE op = 'n' ORDER BY line",
    "UPDATE participant AS p SET name = s.name, kelurahan_id = s.kelurahan_id, "
    "sector_id = s.sector_id, desil = s.desil, sex = s.sex, birth_date = s.birth_date, "
    "registered_on = s.registered_on, ended_on = s.ended_on, end_reason = s.end_reason, "
    "kpj_number = s.kpj_number, source = s.source, changed_batch = ?1, changed_line = s.line "
    "FROM import_stage AS s WHERE s.op = 'u' AND p.id = s.id",
    "DELETE FROM participant_flag "
    "WHERE participant_id IN (SELECT id FROM import_stage WHERE op = 'u')",
    "INSERT INTO participant_flag (batch_id, participant_id, kind, line, detail) "
    "SELECT ?1, coalesce (s.id, p.id), s.kind, s.line, s.detail "
    "FROM import_stage AS s LEFT JOIN participant AS p ON s.id IS NULL AND p.nik = s.nik "
    "WHERE s.op = 'f' ORDER BY s.line",
    "INSERT INTO import_reject (batch_id, line, column_name, reason, raw) "
    "SELECT ?1, line, column_name, reason, raw FROM import_stage WHERE op = 'r' ORDER BY line",
  };

  if (p->direct)
    return direct_complete (run, p, error);

  run->stage_reject = NULL;
  if (!sigap_database_copy_end (run->db, error))
    return FALSE;
  _sigap_import_trace_phase (run, "lines loaded into import_stage");

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(SigapStatement) stmt = _sigap_import_prepare (run, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      if (strstr (statements[i], "?1") != NULL)
        sigap_statement_bind_int64 (stmt, 1, run->batch_id);
      if (sigap_statement_step (stmt) != SIGAP_STEP_DONE)
        return sigap_database_set_error (run->db, error, _("Cannot save the import"));
      _sigap_import_trace_phase (run, statements[i]);
    }

  return TRUE;
}

static gboolean
participants_prepare (SigapImportRun  *run,
                      GError         **error)
{
  Participants *p = g_new0 (Participants, 1);
  gboolean sqlite;
  gint64 existing;

  run->kind_data = p;

  existing = count_participants (run);
  if (existing < 0)
    return sigap_database_set_error (run->db, error, _("Cannot count the participants"));
  /* On a server, a failed statement ends the transaction: a repeated NIK is looked up before
   * its insert, never found by the insert's failure. */
  sqlite = sigap_database_get_engine (run->db) == SIGAP_DATABASE_ENGINE_SQLITE;
  if (!sqlite)
    return staged_prepare (run, p, existing, error);
  p->empty = existing == 0;

  /* Before the statements are prepared, since both change the schema. A server's schema is
   * the server's: its objects are neither checked nor dropped for a bulk load here. */
  if (sqlite && !repair_schema (run, error))
    return FALSE;
  if (sqlite && run->bulk != SIGAP_IMPORT_BULK_NEVER &&
      (run->bulk == SIGAP_IMPORT_BULK_ALWAYS ||
       (run->size / BULK_BYTES_PER_LINE >= BULK_MIN_ROWS &&
        run->size / BULK_BYTES_PER_LINE * 2 >= existing)) &&
      _sigap_import_tally_trigger_is_known (run->db) &&
      !enter_bulk (run, p, error))
    return FALSE;

  p->select = _sigap_import_prepare (run,
                                     "SELECT id, name, kelurahan_id, sector_id, desil, sex, "
                                     "birth_date, registered_on, ended_on, end_reason, "
                                     "kpj_number, source, changed_batch, changed_line "
                                     "FROM participant WHERE nik = ?",
                                     error);
  if (p->select == NULL)
    return FALSE;

  p->insert = _sigap_import_prepare (run,
                                     "INSERT INTO participant (name, kelurahan_id, sector_id, "
                                     "desil, sex, birth_date, registered_on, ended_on, "
                                     "end_reason, kpj_number, source, nik, batch_id, "
                                     "changed_batch, changed_line) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                     "?13, ?14, ?14, ?15)",
                                     error);
  if (p->insert == NULL)
    return FALSE;
  sigap_statement_bind_int64 (p->insert, PARAM_BATCH, run->batch_id);

  /* A participant this file leaves unchanged keeps its batch and line, so the lines it was
   * met on are noted here instead, in a table of SQLite's temporary files. */
  if (!p->empty)
    {
      if (!exec (run, "CREATE TEMP TABLE import_unchanged "
                      "(participant_id INTEGER PRIMARY KEY, line INTEGER NOT NULL)", error))
        return FALSE;
      p->find_unchanged = _sigap_import_prepare (run,
                                                 "SELECT line FROM import_unchanged "
                                                 "WHERE participant_id = ?",
                                                 error);
      p->add_unchanged = p->find_unchanged == NULL ? NULL : _sigap_import_prepare (
        run, "INSERT INTO import_unchanged (participant_id, line) VALUES (?, ?)", error);
      if (p->add_unchanged == NULL)
        return FALSE;
    }

  p->delete_flags = _sigap_import_prepare (run,
                                           "DELETE FROM participant_flag "
                                           "WHERE participant_id = ?",
                                           error);
  if (p->delete_flags == NULL)
    return FALSE;

  /* ?1 is the batch; each row takes the next four parameters. */
  p->insert_flag = _sigap_import_prepare (run,
                                          "INSERT INTO participant_flag (batch_id, "
                                          "participant_id, kind, line, detail) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                                          error);
  if (p->insert_flag == NULL)
    return FALSE;
  sigap_statement_bind_int64 (p->insert_flag, 1, run->batch_id);

  {
    g_autoptr(GString) sql = g_string_new ("INSERT INTO participant_flag (batch_id, "
                                           "participant_id, kind, line, detail) VALUES ");

    for (guint i = 0; i < FLAG_BATCH; i++)
      g_string_append_printf (sql, "%s(?1, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                              i * 4 + 2, i * 4 + 3, i * 4 + 4, i * 4 + 5);
    p->insert_flags = _sigap_import_prepare (run, sql->str, error);
    if (p->insert_flags == NULL)
      return FALSE;
    sigap_statement_bind_int64 (p->insert_flags, 1, run->batch_id);
  }

  return TRUE;
}

static void
participants_finish (SigapImportRun *run)
{
  Participants *p = run->kind_data;

  g_clear_pointer (&p->select, sigap_statement_free);
  g_clear_pointer (&p->insert, sigap_statement_free);
  g_clear_pointer (&p->delete_flags, sigap_statement_free);
  g_clear_pointer (&p->insert_flag, sigap_statement_free);
  g_clear_pointer (&p->insert_flags, sigap_statement_free);
  g_clear_pointer (&p->find_unchanged, sigap_statement_free);
  g_clear_pointer (&p->add_unchanged, sigap_statement_free);
  g_clear_pointer (&p->lookup, sigap_statement_free);
  g_clear_pointer (&p->seen, g_hash_table_unref);
  g_clear_pointer (&p->stored, g_hash_table_unref);
  if (p->seen_niks != NULL)
    g_string_chunk_free (p->seen_niks);
  if (p->stored_text != NULL)
    g_string_chunk_free (p->stored_text);
  run->stage_reject = NULL;
  /* import_stage goes with the transaction (ON COMMIT DROP, or the rollback). */
  if (!p->empty && !p->staged)
    sigap_database_exec (run->db, "DROP TABLE IF EXISTS import_unchanged", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (p->updates); i++)
    g_clear_pointer (&p->updates[i], sigap_statement_free);
  g_clear_pointer (&p->saved_sql, g_ptr_array_unref);
  g_clear_pointer (&p->tallies, g_hash_table_unref);
  g_clear_pointer (&p->flag_tallies, g_hash_table_unref);
  g_clear_pointer (&p->deferred, g_ptr_array_unref);
  g_clear_pointer (&p->direct_flags, g_array_unref);
  g_clear_pointer (&p->direct_rejects, g_array_unref);
  if (p->reject_text != NULL)
    g_string_chunk_free (p->reject_text);
  g_free (p);
  run->kind_data = NULL;
}

static SigapStatement *
update_statement (SigapImportRun *run,
                  guint           mask)
{
  Participants *p = run->kind_data;
  g_autoptr(GString) sql = NULL;

  if (p->updates[mask] != NULL)
    return p->updates[mask];

  sql = g_string_new ("UPDATE participant SET ");
  for (guint f = 0; f < N_FIELDS; f++)
    if (mask & (1u << f))
      g_string_append_printf (sql, "%s%s = ?%u", sql->str[sql->len - 1] == ' ' ? "" : ", ",
                              field_names[f], f + 1);
  g_string_append_printf (sql, ", changed_batch = ?%d, changed_line = ?%d WHERE id = ?%d",
                          PARAM_BATCH, PARAM_LINE, PARAM_ID);

  p->updates[mask] = _sigap_import_prepare (run, sql->str, &run->error);
  if (p->updates[mask] != NULL)
    sigap_statement_bind_int64 (p->updates[mask], PARAM_BATCH, run->batch_id);
  return p->updates[mask];
}

/* The data-quality flags of an accepted participant, from the values as they will be
 * stored. */
static guint
compute_flags (SigapImportRun           *run,
               const char               *nik,
               const Value              *merged,
               SigapParticipantFlagNote  flags[SIGAP_PARTICIPANT_FLAG_N])
{
  const SigapImportSector *sector = g_hash_table_lookup (run->sectors, &merged[F_SECTOR].i);
  SigapSegment segment = SIGAP_SEGMENT_ALL;

  /* The desil rule is the segment's: see sigap_participant_flags_compute(). */
  if (sector != NULL && !sigap_segment_parse (sector->segment, &segment))
    segment = SIGAP_SEGMENT_ALL;

  return sigap_participant_flags_compute (nik,
                                          merged[F_DESIL].type == VALUE_INT
                                            ? (int) merged[F_DESIL].i : 0,
                                          segment,
                                          merged[F_KPJ].type != VALUE_NULL,
                                          merged[F_BIRTH_DATE].type == VALUE_TEXT
                                            ? merged[F_BIRTH_DATE].s : NULL,
                                          merged[F_REGISTERED_ON].type == VALUE_TEXT
                                            ? merged[F_REGISTERED_ON].s : NULL,
                                          flags);
}

static void
bind_flag (SigapStatement      *stmt,
           int                first,
           const PendingFlag *pending)
{
  sigap_statement_bind_int64 (stmt, first, pending->participant_id);
  sigap_statement_bind_text (stmt, first + 1, sigap_participant_flag_to_string (pending->flag.flag));
  sigap_statement_bind_int64 (stmt, first + 2, pending->line);
  if (pending->flag.detail[0] != '\0')
    sigap_statement_bind_text (stmt, first + 3, pending->flag.detail);
  else
    sigap_statement_bind_null (stmt, first + 3);
}

/* Writes the pending flags: FLAG_BATCH at a time, the rest one by one. */
static gboolean
flush_flags (SigapImportRun *run)
{
  Participants *p = run->kind_data;
  guint i = 0;

  if (p->n_pending == FLAG_BATCH)
    {
      for (; i < FLAG_BATCH; i++)
        bind_flag (p->insert_flags, (int) i * 4 + 2, &p->pending[i]);
      if (sigap_statement_step (p->insert_flags) != SIGAP_STEP_DONE)
        return FALSE;
      sigap_statement_reset (p->insert_flags);
    }

  for (; i < p->n_pending; i++)
    {
      bind_flag (p->insert_flag, 2, &p->pending[i]);
      if (sigap_statement_step (p->insert_flag) != SIGAP_STEP_DONE)
        return FALSE;
      sigap_statement_reset (p->insert_flag);
    }

  p->n_pending = 0;
  return TRUE;
}

/* Each participant is written at most once per import, so its old flags can go now and its
 * new ones a little later. */
static gboolean
write_flags (SigapImportRun *run,
             gint64          id,
             gboolean        replace,
             const Flag     *flags,
             guint           n_flags)
{
  Participants *p = run->kind_data;

  if (replace)
    {
      sigap_statement_bind_int64 (p->delete_flags, 1, id);
      if (sigap_statement_step (p->delete_flags) != SIGAP_STEP_DONE)
        return FALSE;
      sigap_statement_reset (p->delete_flags);
    }

  for (guint i = 0; i < n_flags; i++)
    {
      if (p->n_pending == FLAG_BATCH && !flush_flags (run))
        return FALSE;

      p->pending[p->n_pending].participant_id = id;
      p->pending[p->n_pending].line = run->line;
      p->pending[p->n_pending].flag = flags[i];
      p->n_pending++;
    }

  return TRUE;
}

static gpointer
line_new (void)
{
  Line *line = g_new0 (Line, 1);

  line->name = g_string_new (NULL);
  line->kpj = g_string_new (NULL);
  line->source = g_string_new (NULL);
  line->end_reason = g_string_new (NULL);
  return line;
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_string_free (line->name, TRUE);
  g_string_free (line->kpj, TRUE);
  g_string_free (line->source, TRUE);
  g_string_free (line->end_reason, TRUE);
  g_free (line);
}

static void
set_text (Value       *value,
          GString     *buffer,
          const char  *text)
{
  g_string_assign (buffer, text);
  if (buffer->len > 0)
    *value = text_value (buffer->str);
}

/* Reads and checks everything the line gives, in column order; VALUE_NULL where it gives
 * nothing. FALSE when the line was rejected. */
static gboolean
read_values (SigapImportRun *run,
             Line           *line)
{
  Value *given = line->given;
  const SigapImportRegion *kelurahan;
  const SigapImportSector *sector;
  g_autoptr(GError) error = NULL;
  const char *text;

  tidy_spaces (line->name, _sigap_import_field (run, COL_NAMA));
  if (line->name->len == 0)
    {
      _sigap_import_reject (run, COL_NAMA, _("No name given"));
      return FALSE;
    }
  given[F_NAME] = text_value (line->name->str);

  kelurahan = _sigap_import_find_kelurahan (run, COL_KELURAHAN);
  if (kelurahan == NULL)
    return FALSE;
  given[F_KELURAHAN] = int_value (kelurahan->id);

  if (*_sigap_import_field (run, COL_KECAMATAN) != '\0')
    {
      const SigapImportRegion *kecamatan = _sigap_import_find_kecamatan (run, COL_KECAMATAN);

      if (kecamatan == NULL)
        return FALSE;

      if (kelurahan->parent_id != kecamatan->id)
        {
          const SigapImportRegion *parent = g_hash_table_lookup (run->regions,
                                                                 &kelurahan->parent_id);

          _sigap_import_reject (run, COL_KECAMATAN,
                                _("Kelurahan %s is in kecamatan %s, not in %s"),
                                kelurahan->name, parent != NULL ? parent->name : "?",
                                kecamatan->name);
          return FALSE;
        }
    }

  sector = _sigap_import_find_sector (run, COL_SEKTOR);
  if (sector == NULL)
    return FALSE;
  given[F_SECTOR] = int_value (sector->id);

  if (!_sigap_import_get_date (run, COL_TANGGAL_DAFTAR, TRUE, line->registered_on))
    return FALSE;
  given[F_REGISTERED_ON] = text_value (line->registered_on);

  if (!_sigap_import_get_date (run, COL_TANGGAL_BERHENTI, FALSE, line->ended_on))
    return FALSE;
  if (line->ended_on[0] != '\0')
    given[F_ENDED_ON] = text_value (line->ended_on);

  if (!_sigap_import_get_date (run, COL_TANGGAL_LAHIR, FALSE, line->birth_date))
    return FALSE;
  if (line->birth_date[0] != '\0')
    given[F_BIRTH_DATE] = text_value (line->birth_date);

  text = _sigap_import_field (run, COL_DESIL);
  if (*text != '\0')
    {
      int desil;

      if (!sigap_import_parse_desil (text, &desil, &error))
        {
          _sigap_import_reject_error (run, COL_DESIL, error);
          return FALSE;
        }
      given[F_DESIL] = int_value (desil);
    }

  text = _sigap_import_field (run, COL_JENIS_KELAMIN);
  if (*text != '\0')
    {
      if (!sigap_import_parse_sex (text, &line->sex[0], &error))
        {
          _sigap_import_reject_error (run, COL_JENIS_KELAMIN, error);
          return FALSE;
        }
      given[F_SEX] = text_value (line->sex);
    }

  /* Excel's "store as text" apostrophe and spaces are not part of a KPJ number. */
  tidy_spaces (line->kpj, _sigap_import_field (run, COL_NO_KPJ));
  g_string_replace (line->kpj, " ", "", 0);
  if (line->kpj->len > 0 && line->kpj->str[0] == '\'')
    g_string_erase (line->kpj, 0, 1);
  if (line->kpj->len > 0)
    given[F_KPJ] = text_value (line->kpj->str);

  set_text (&given[F_SOURCE], line->source, _sigap_import_field (run, COL_SUMBER_DATA));
  set_text (&given[F_END_REASON], line->end_reason,
            _sigap_import_field (run, COL_ALASAN_BERHENTI));

  return TRUE;
}

/* In the reading thread: everything that needs no database. */
static void
participants_validate (SigapImportRun  *run,
                       SigapImportItem *item)
{
  Line *line = item->data;
  g_autoptr(GError) error = NULL;
  g_autofree char *nik = NULL;
  g_autofree char *birth_date = NULL;
  SigapNikInfo info;

  for (guint f = 0; f < N_FIELDS; f++)
    line->given[f] = (Value) { VALUE_NULL, 0, NULL };

  nik = sigap_nik_normalize (_sigap_import_field (run, COL_NIK));
  if (!sigap_nik_parse (nik, &run->today, &info, &error))
    {
      _sigap_import_reject_error (run, COL_NIK, error);
      return;
    }
  memcpy (line->nik, nik, sizeof line->nik);
  line->nik_sex[0] = info.sex;
  line->nik_sex[1] = '\0';
  birth_date = sigap_date_to_iso (&info.birth_date);
  g_strlcpy (line->nik_birth_date, birth_date, sizeof line->nik_birth_date);

  read_values (run, line);
}

static void
reject_ended_early (SigapImportRun *run,
                    const Value    *given,
                    const Value    *merged)
{
  GDate ended, registered;
  g_autofree char *ended_text = NULL;
  g_autofree char *registered_text = NULL;

  sigap_date_parse_iso (merged[F_ENDED_ON].s, &ended);
  sigap_date_parse_iso (merged[F_REGISTERED_ON].s, &registered);
  ended_text = sigap_format_date (&ended, sigap_lang_from_locale (), FALSE);
  registered_text = sigap_format_date (&registered, sigap_lang_from_locale (), FALSE);

  /* The end date may be the stored one, and the registration the file's. */
  _sigap_import_reject (run,
                        given[F_ENDED_ON].type != VALUE_NULL ? COL_TANGGAL_BERHENTI
                                                             : COL_TANGGAL_DAFTAR,
                        _("Ended on %s, before registering on %s"),
                        ended_text, registered_text);
}

/* The line of this file the participant @id (stored as @select's row) was met on before,
 * or 0: added or changed by this batch, or left as it was. */
static gint64
earlier_line (Participants *p,
              gint64        batch_id,
              SigapStatement *select,
              gint64        id)
{
  gint64 line = 0;

  if (sigap_statement_column_int64 (select, SELECT_BATCH) == batch_id)
    return sigap_statement_column_int64 (select, SELECT_LINE);

  if (p->find_unchanged == NULL)
    return 0;

  sigap_statement_bind_int64 (p->find_unchanged, 1, id);
  if (sigap_statement_step (p->find_unchanged) == SIGAP_STEP_ROW)
    line = sigap_statement_column_int64 (p->find_unchanged, 0);
  sigap_statement_reset (p->find_unchanged);
  return line;
}

/* The later of two lines with one NIK is rejected, naming the first. A line rejected before
 * it was written does not count: its corrected copy further down is taken. */
static SigapImportRow
reject_repeat (SigapImportRun *run,
               gint64          first_line)
{
  _sigap_import_reject (run, COL_NIK, _("The same NIK is already on line %" PRId64),
                        (int64_t) first_line);
  return run->error != NULL ? SIGAP_IMPORT_ROW_FAILED : SIGAP_IMPORT_ROW_REJECTED;
}

/* Into a table that was empty, a NIK is looked up only when its insert fails: then it is a
 * repeat of a line this file added. */
static SigapImportRow
insert_failed (SigapImportRun *run,
               Participants   *p,
               const Line     *line)
{
  gint64 first_line;

  if (!p->empty || !sigap_database_last_error_is_unique (run->db))
    return _sigap_import_db_failed (run, _("Cannot add a participant"));

  sigap_statement_reset (p->insert);
  sigap_statement_reset (p->select);
  sigap_statement_bind_text (p->select, 1, line->nik);
  if (sigap_statement_step (p->select) != SIGAP_STEP_ROW)
    return _sigap_import_db_failed (run, _("Cannot look up a participant"));
  first_line = sigap_statement_column_int64 (p->select, SELECT_LINE);
  sigap_statement_reset (p->select);

  return reject_repeat (run, first_line);
}

/* In the importing thread: compare with what is stored, and write. */
static SigapImportRow
participants_apply (SigapImportRun  *run,
                    SigapImportItem *item)
{
  Participants *p = run->kind_data;
  Line *line = item->data;
  const Value *given = line->given;
  Value merged[N_FIELDS];
  Flag flags[SIGAP_PARTICIPANT_FLAG_N];
  gboolean exists;
  gint64 id = 0;
  guint mask = 0;
  guint n_flags;
  SigapImportRow outcome;
  int rc;

  if (p->staged)
    return participants_apply_staged (run, item);

  /* Into an empty table, every NIK is new: repeats within the file were found already. */
  sigap_statement_reset (p->select);
  sigap_statement_bind_text (p->select, 1, line->nik);
  rc = p->empty ? SIGAP_STEP_DONE : sigap_statement_step (p->select);
  if (rc != SIGAP_STEP_ROW && rc != SIGAP_STEP_DONE)
    return _sigap_import_db_failed (run, _("Cannot look up a participant"));
  exists = rc == SIGAP_STEP_ROW;
  if (exists)
    {
      gint64 first_line;

      id = sigap_statement_column_int64 (p->select, 0);
      first_line = earlier_line (p, run->batch_id, p->select, id);
      if (first_line > 0)
        {
          sigap_statement_reset (p->select);
          return reject_repeat (run, first_line);
        }
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      Value stored = exists ? column_value (p->select, (int) f + 1)
                            : (Value) { VALUE_NULL, 0, NULL };

      merged[f] = given[f].type != VALUE_NULL ? given[f] : stored;
      /* A list without birth dates or sex (most of them) still gets the age check: the NIK
       * holds both. It fills only what neither the file nor the database has. */
      if (merged[f].type == VALUE_NULL && f == F_BIRTH_DATE)
        merged[f] = text_value (line->nik_birth_date);
      else if (merged[f].type == VALUE_NULL && f == F_SEX)
        merged[f] = text_value (line->nik_sex);
      if (exists && !value_equal (&merged[f], &stored))
        mask |= 1u << f;
    }

  if (merged[F_ENDED_ON].type == VALUE_TEXT &&
      strcmp (merged[F_ENDED_ON].s, merged[F_REGISTERED_ON].s) < 0)
    {
      reject_ended_early (run, given, merged);
      sigap_statement_reset (p->select);
      return SIGAP_IMPORT_ROW_REJECTED;
    }

  /* Counted once the line is taken: a repeat is found only when its insert fails. */
  n_flags = compute_flags (run, line->nik, merged, flags);

  if (!exists)
    {
      for (guint f = 0; f < N_FIELDS; f++)
        bind_value (p->insert, (int) f + 1, &merged[f]);
      sigap_statement_bind_text (p->insert, PARAM_NIK, line->nik);
      sigap_statement_bind_int64 (p->insert, PARAM_LINE, item->line);
      if (sigap_statement_step (p->insert) != SIGAP_STEP_DONE)
        return insert_failed (run, p, line);
      sigap_statement_reset (p->insert);
      id = sigap_database_last_insert_id (run->db);
      outcome = SIGAP_IMPORT_ROW_ADDED;

      /* What participant_tally_insert would have done. */
      if (p->bulk)
        {
          tally_add (p, merged, F_REGISTERED_ON);
          if (merged[F_ENDED_ON].type == VALUE_TEXT)
            tally_add (p, merged, F_ENDED_ON);
        }
    }
  else if (mask == 0)
    {
      sigap_statement_reset (p->select);
      sigap_statement_bind_int64 (p->add_unchanged, 1, id);
      sigap_statement_bind_int64 (p->add_unchanged, 2, item->line);
      rc = sigap_statement_step (p->add_unchanged);
      sigap_statement_reset (p->add_unchanged);
      if (rc != SIGAP_STEP_DONE)
        return _sigap_import_db_failed (run, _("Cannot look up a participant"));
      if (n_flags > 0)
        run->result->flagged++;
      return SIGAP_IMPORT_ROW_UNCHANGED;
    }
  else
    {
      SigapStatement *update = update_statement (run, mask);

      if (update == NULL)
        return SIGAP_IMPORT_ROW_FAILED;

      for (guint f = 0; f < N_FIELDS; f++)
        bind_value (update, (int) f + 1, &merged[f]);
      sigap_statement_bind_int64 (update, PARAM_ID, id);
      sigap_statement_bind_int64 (update, PARAM_LINE, item->line);
      if (sigap_statement_step (update) != SIGAP_STEP_DONE)
        return _sigap_import_db_failed (run, _("Cannot update a participant"));
      sigap_statement_reset (update);
      outcome = SIGAP_IMPORT_ROW_UPDATED;
    }

  sigap_statement_reset (p->select);

  if (n_flags > 0)
    run->result->flagged++;
  if ((n_flags > 0 || outcome == SIGAP_IMPORT_ROW_UPDATED) &&
      !write_flags (run, id, outcome == SIGAP_IMPORT_ROW_UPDATED, flags, n_flags))
    return _sigap_import_db_failed (run, _("Cannot record a data-quality note"));

  return outcome;
}

const SigapImportKindClass _sigap_import_participants = {
  .columns = columns,
  .n_columns = G_N_ELEMENTS (columns),
  .prepare = participants_prepare,
  .item_new = line_new,
  .item_free = line_free,
  .validate = participants_validate,
  .apply = participants_apply,
  .apply_begin = participants_apply_begin,
  .complete = participants_complete,
  .finish = participants_finish,
};
