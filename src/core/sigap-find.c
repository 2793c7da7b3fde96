/* sigap-find.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One participant by NIK, city-wide: an exact lookup on participant.nik, whose UNIQUE
 * constraint is its index, so it stays one index probe at three million participants. The NIK
 * is normalized as the importer does (sigap_nik_normalize()), so "3275 0101 8500 0001",
 * "'3275010185000001" and "32.75.01-010185-0001" all find the same person. Whether found or
 * not, the rejected import lines that held the NIK are listed too: "not in the database" is
 * then told apart from "sent, but refused". Nothing leaves this file with the whole NIK.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "sigap-find.h"
#include "sigap-regions.h"
#include "sigap-format.h"
#include "sigap-nik.h"

G_DEFINE_QUARK (sigap-find-error-quark, sigap_find_error)

static void
person_rejection_free (SigapPersonRejection *rejection)
{
  g_free (rejection->file_name);
  g_free (rejection->imported_at);
  g_free (rejection->reason);
  g_free (rejection);
}

void
sigap_person_card_free (SigapPersonCard *card)
{
  if (card == NULL)
    return;

  g_free (card->nik_masked);
  g_free (card->name);
  g_free (card->end_reason);
  g_free (card->kelurahan_code);
  g_free (card->kelurahan);
  g_free (card->kecamatan_code);
  g_free (card->kecamatan);
  g_free (card->sector_code);
  g_free (card->sector);
  g_clear_pointer (&card->flags, g_array_unref);
  g_clear_pointer (&card->rejections, g_ptr_array_unref);
  g_free (card);
}

const char *
sigap_person_status_to_string (SigapPersonStatus status)
{
  switch (status)
    {
    case SIGAP_PERSON_ACTIVE:
      return "active";
    case SIGAP_PERSON_ENDED:
      return "ended";
    case SIGAP_PERSON_NOT_YET:
      return "not_yet_registered";
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
dup_text (SigapStatement *stmt,
          int           column)
{
  return g_strdup (sigap_statement_column_text (stmt, column));
}

static void
read_date (SigapStatement *stmt,
           int           column,
           GDate        *out)
{
  g_date_clear (out, 1);
  if (!sigap_statement_column_is_null (stmt, column))
    sigap_date_parse_iso (sigap_statement_column_text (stmt, column), out);
}

/* A reject reason is a sentence the importer wrote; a NIK quoted in it is masked, like every
 * other way a NIK leaves the database. */
static char *
mask_digit_runs (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      gsize run = strspn (p, "0123456789");

      if (run >= 8)
        {
          g_autofree char *digits = g_strndup (p, run);
          g_autofree char *masked = sigap_nik_mask (digits);

          g_string_append (out, masked);
          p += run;
        }
      else if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* The participant of @nik, or of the record @id when @nik is NULL; its NIK in @out_nik. */
static gboolean
read_participant (SigapDatabase   *db,
                  const char      *nik,
                  gint64           id,
                  SigapPersonCard *card,
                  gint64          *out_id,
                  char           **out_nik,
                  GError         **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  const SigapRegion *kelurahan;
  const SigapRegion *kecamatan;
  int rc;

  tree = sigap_regions_load (db, error);
  if (tree == NULL)
    return FALSE;

  stmt = sigap_database_prepare (db,
                                 nik != NULL
                                 ? "SELECT p.id, p.registered_on, p.ended_on, p.end_reason, "
                                   "       p.kelurahan_id, s.code, s.name, s.segment, p.desil, "
                                   "       p.name, p.nik "
                                   "FROM participant p "
                                   "JOIN sector s ON s.id = p.sector_id "
                                   "WHERE p.nik = ?1"
                                 : "SELECT p.id, p.registered_on, p.ended_on, p.end_reason, "
                                   "       p.kelurahan_id, s.code, s.name, s.segment, p.desil, "
                                   "       p.name, p.nik "
                                   "FROM participant p "
                                   "JOIN sector s ON s.id = p.sector_id "
                                   "WHERE p.id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (nik != NULL)
    sigap_statement_bind_text_copy (stmt, 1, nik);
  else
    sigap_statement_bind_int64 (stmt, 2, id);
  rc = sigap_statement_step (stmt);
  if (rc == SIGAP_STEP_DONE)
    return TRUE;
  if (rc != SIGAP_STEP_ROW)
    return sigap_database_set_error (db, error, _("Cannot look up the NIK"));

  card->found = TRUE;
  *out_id = sigap_statement_column_int64 (stmt, 0);
  read_date (stmt, 1, &card->registered_on);
  read_date (stmt, 2, &card->ended_on);
  card->end_reason = dup_text (stmt, 3);
  kelurahan = sigap_regions_lookup_id (tree, sigap_statement_column_int64 (stmt, 4));
  kecamatan = kelurahan != NULL ? sigap_regions_kecamatan_of (kelurahan) : NULL;
  card->kelurahan_code = kelurahan != NULL ? g_strdup (kelurahan->code) : NULL;
  card->kelurahan = kelurahan != NULL ? g_strdup (kelurahan->name) : NULL;
  card->kecamatan_code = kecamatan != NULL ? g_strdup (kecamatan->code) : NULL;
  card->kecamatan = kecamatan != NULL ? g_strdup (kecamatan->name) : NULL;
  card->sector_code = dup_text (stmt, 5);
  card->sector = dup_text (stmt, 6);
  if (!sigap_segment_parse (sigap_statement_column_text (stmt, 7), &card->segment))
    card->segment = SIGAP_SEGMENT_RENTAN;
  card->desil = sigap_statement_column_is_null (stmt, 8) ? 0 : sigap_statement_column_int (stmt, 8);
  card->name = dup_text (stmt, 9);
  *out_nik = dup_text (stmt, 10);

  /* On the as-of date, as every figure counts: active when registered_on <= D and
   * (no end or ended_on > D). An end after D is not yet known on D. */
  if (g_date_valid (&card->registered_on) && g_date_compare (&card->registered_on, &card->as_of) > 0)
    card->status = SIGAP_PERSON_NOT_YET;
  else if (g_date_valid (&card->ended_on) && g_date_compare (&card->ended_on, &card->as_of) <= 0)
    card->status = SIGAP_PERSON_ENDED;
  else
    card->status = SIGAP_PERSON_ACTIVE;

  if (card->status != SIGAP_PERSON_ENDED)
    {
      g_date_clear (&card->ended_on, 1);
      g_clear_pointer (&card->end_reason, g_free);
    }

  return TRUE;
}

static gboolean
read_flags (SigapDatabase   *db,
            gint64           id,
            SigapPersonCard *card,
            GError         **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  stmt = sigap_database_prepare (db,
                                 "SELECT kind, detail FROM participant_flag "
                                 "WHERE participant_id = ? ORDER BY kind",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_int64 (stmt, 1, id);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantFlagNote note = { 0 };

      if (!sigap_participant_flag_parse (sigap_statement_column_text (stmt, 0), &note.flag))
        continue;
      if (!sigap_statement_column_is_null (stmt, 1))
        g_strlcpy (note.detail, sigap_statement_column_text (stmt, 1), sizeof note.detail);
      g_array_append_val (card->flags, note);
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot read the participant’s notes"));
  return TRUE;
}

/* The rejected lines of participant imports that hold the NIK, written as people write it
 * (spaces, dots and dashes between the digits are ignored). The rejects of all imports are
 * scanned: they are the lines that went wrong, few next to the participants. */
static gboolean
read_rejections (SigapDatabase   *db,
                 const char      *nik,
                 SigapPersonCard *card,
                 GError         **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  int rc;

  stmt = sigap_database_prepare (db,
                                 "SELECT b.file_name, b.imported_at, r.line, r.reason "
                                 "FROM import_reject r JOIN import_batch b ON b.id = r.batch_id "
                                 "WHERE b.kind = 'participants' "
                                 "  AND instr (replace (replace (replace (r.raw, ' ', ''), "
                                 "                               '.', ''), '-', ''), ?) > 0 "
                                 "ORDER BY b.imported_at, b.id, r.line",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text_copy (stmt, 1, nik);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapPersonRejection *rejection = g_new0 (SigapPersonRejection, 1);

      rejection->file_name = dup_text (stmt, 0);
      rejection->imported_at = dup_text (stmt, 1);
      rejection->line = sigap_statement_column_int64 (stmt, 2);
      rejection->reason = mask_digit_runs (sigap_statement_column_text (stmt, 3));
      g_ptr_array_add (card->rejections, rejection);
    }

  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (db, error, _("Cannot read the rejected lines"));
  return TRUE;
}

/* The card of the participant of @nik (normalized), or of the record @id when @nik is NULL. */
static SigapPersonCard *
read_card (SigapDatabase  *db,
           const char     *nik,
           gint64          id,
           const GDate    *as_of,
           GError        **error)
{
  g_autoptr(SigapPersonCard) card = NULL;
  g_autofree char *stored_nik = NULL;
  gint64 found_id = 0;

  card = g_new0 (SigapPersonCard, 1);
  card->as_of = *as_of;
  g_date_clear (&card->registered_on, 1);
  g_date_clear (&card->ended_on, 1);
  card->flags = g_array_new (FALSE, TRUE, sizeof (SigapParticipantFlagNote));
  card->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) person_rejection_free);

  if (!read_participant (db, nik, id, card, &found_id, &stored_nik, error))
    return NULL;
  if (nik == NULL)
    nik = stored_nik;
  card->nik_masked = nik != NULL ? sigap_nik_mask (nik) : NULL;
  if (card->found && !read_flags (db, found_id, card, error))
    return NULL;
  if (nik != NULL && !read_rejections (db, nik, card, error))
    return NULL;

  return g_steal_pointer (&card);
}

/**
 * sigap_find_participant:
 * @db: the database
 * @nik: a NIK as people type it: spaces, dots, dashes, a leading apostrophe are fine
 * @as_of: the day the status is for
 * @error: set when @nik is no NIK at all (%SIGAP_FIND_ERROR_NOT_A_NIK) or the database fails
 *
 * Looks one person up, city-wide and in every segment. A NIK that is in no participant list
 * is no error: the card says found = %FALSE.
 *
 * Returns: (transfer full): the card, or %NULL with @error set
 */
SigapPersonCard *
sigap_find_participant (SigapDatabase  *db,
                        const char     *nik,
                        const GDate    *as_of,
                        GError        **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GError) parse_error = NULL;
  SigapNikInfo info;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (nik != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  normalized = sigap_nik_normalize (nik);
  /* Only what makes the text no NIK at all stops the lookup: a NIK with an odd birth date or
   * province is still looked for, and simply found or not. */
  if (!sigap_nik_parse (normalized, as_of, &info, &parse_error) &&
      (g_error_matches (parse_error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_EMPTY) ||
       g_error_matches (parse_error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_EXCEL) ||
       g_error_matches (parse_error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_NOT_DIGITS) ||
       g_error_matches (parse_error, SIGAP_NIK_ERROR, SIGAP_NIK_ERROR_LENGTH)))
    {
      g_set_error_literal (error, SIGAP_FIND_ERROR, SIGAP_FIND_ERROR_NOT_A_NIK,
                           parse_error->message);
      return NULL;
    }

  return read_card (db, normalized, 0, as_of, error);
}

/**
 * sigap_find_participant_by_id:
 * @id: a participant record, as sigap_find_by_name() lists it
 * @as_of: the day the status is for
 *
 * The card of one participant found by name. An @id that is gone gives found = %FALSE.
 *
 * Returns: (transfer full): the card, or %NULL with @error set
 */
SigapPersonCard *
sigap_find_participant_by_id (SigapDatabase  *db,
                              gint64          id,
                              const GDate    *as_of,
                              GError        **error)
{
  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  return read_card (db, NULL, id, as_of, error);
}

void
sigap_person_match_free (SigapPersonMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->name);
  g_free (match->nik_masked);
  g_free (match->kelurahan);
  g_free (match->kecamatan);
  g_free (match);
}

/**
 * sigap_find_by_name:
 * @text: part of a name, at least %SIGAP_FIND_NAME_MIN_CHARS characters
 * @as_of: the day the status is for
 * @offset: matches to skip
 * @limit: at most this many; ask one more than you show to know whether more follow
 *
 * The participants, city-wide and in every segment, whose name contains @text, whatever the
 * case: "gunawan" finds "Aang Gunawan". A substring rather than a prefix, because people are
 * asked about by any of their names and Indonesian names have no fixed family-name position.
 * No index serves a substring: the names are read from participant_kelurahan, which holds
 * them with the record (measured at 3,000,000 participants: about 0.6 s a page on a warm cache,
 * almost all of it lower () on each name; matches sorted by name keep only @offset + @limit
 * rows). The statement stops when the connection's cancellable is cancelled.
 *
 * Returns: (transfer full) (element-type SigapPersonMatch): by name, then record; %NULL with
 *   @error set on failure
 */
GPtrArray *
sigap_find_by_name (SigapDatabase  *db,
                    const char     *text,
                    const GDate    *as_of,
                    guint           offset,
                    guint           limit,
                    GError        **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(SigapRegions) tree = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *lowered = NULL;
  g_autofree char *as_of_iso = NULL;
  g_autoptr(GString) pattern = g_string_new ("%");
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_person_match_free);
  stripped = g_strstrip (g_utf8_make_valid (text, -1));
  if (g_utf8_strlen (stripped, -1) < SIGAP_FIND_NAME_MIN_CHARS || limit == 0)
    return g_steal_pointer (&matches);

  /* lower () of both sides: LIKE ignores case in SQLite but not in PostgreSQL. */
  lowered = g_utf8_strdown (stripped, -1);
  for (const char *p = lowered; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  tree = sigap_regions_load (db, error);
  if (tree == NULL)
    return NULL;

  /* The page's rows first, over the index; then their NIK and dates by record. */
  stmt = sigap_database_prepare (db,
                                 "SELECT p.id, p.name, p.nik, p.kelurahan_id, p.registered_on, "
                                 "       p.ended_on "
                                 "FROM (SELECT id FROM participant "
                                 "      WHERE lower (name) LIKE ?1 ESCAPE '\\' "
                                 "      ORDER BY name, id LIMIT ?2 OFFSET ?3) AS m "
                                 "JOIN participant p ON p.id = m.id "
                                 "ORDER BY p.name, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_text (stmt, 1, pattern->str);
  sigap_statement_bind_int64 (stmt, 2, limit);
  sigap_statement_bind_int64 (stmt, 3, offset);
  as_of_iso = sigap_date_to_iso (as_of);

  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapPersonMatch *match = g_new0 (SigapPersonMatch, 1);
      const SigapRegion *kelurahan;
      const SigapRegion *kecamatan;
      const char *registered = sigap_statement_column_text (stmt, 4);
      const char *ended = sigap_statement_column_text (stmt, 5);

      match->id = sigap_statement_column_int64 (stmt, 0);
      match->name = dup_text (stmt, 1);
      match->nik_masked = sigap_nik_mask (sigap_statement_column_text (stmt, 2));
      kelurahan = sigap_regions_lookup_id (tree, sigap_statement_column_int64 (stmt, 3));
      kecamatan = kelurahan != NULL ? sigap_regions_kecamatan_of (kelurahan) : NULL;
      match->kelurahan = kelurahan != NULL ? g_strdup (kelurahan->name) : NULL;
      match->kecamatan = kecamatan != NULL ? g_strdup (kecamatan->name) : NULL;
      /* As the card counts it: see read_participant (). */
      if (registered != NULL && strcmp (registered, as_of_iso) > 0)
        match->status = SIGAP_PERSON_NOT_YET;
      else if (ended != NULL && strcmp (ended, as_of_iso) <= 0)
        match->status = SIGAP_PERSON_ENDED;
      else
        match->status = SIGAP_PERSON_ACTIVE;
      g_ptr_array_add (matches, match);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot look the name up"));
      return NULL;
    }

  return g_steal_pointer (&matches);
}
