/* sigap-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Wilayah page's list of the participants of one kelurahan, read a page at a time with
 * LIMIT/OFFSET so that a kelurahan of a hundred thousand participants is never loaded whole.
 * participant_kelurahan (kelurahan_id, name) gives the name order without a sort. OFFSET
 * reads every row it skips, so in the name order an inner query skips over the index alone
 * (when the conditions allow) and only the page's rows are read from the table; a page near
 * one read before, or near the end, is counted from there. The other orders sort one
 * kelurahan's rows for every page, which the caller does in a worker thread.
 *
 * The NIK is masked before a row leaves this file, and the NIK order is the order of the
 * digits shown, so that sorting reveals nothing of the hidden ones either.
 */

#include <glib/gi18n.h>
#include <string.h>

#include "sigap-format.h"
#include "sigap-nik.h"
#include "sigap-participants.h"
#include "sigap-regions.h"

G_DEFINE_BOXED_TYPE (SigapParticipantQuery, sigap_participant_query,
                     sigap_participant_query_copy, sigap_participant_query_free)

G_DEFINE_QUARK (sigap-participants-error-quark, sigap_participants_error)

/**
 * sigap_participant_query_new:
 * @kelurahan_code: the kelurahan, such as "32.75.01.1001"
 * @filter: the as-of date and segment (its scope is not used)
 *
 * Returns: (transfer full): everybody of the kelurahan, by name
 */
SigapParticipantQuery *
sigap_participant_query_new (const char        *kelurahan_code,
                             const SigapFilter *filter)
{
  SigapParticipantQuery *self;

  g_return_val_if_fail (kelurahan_code != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_new0 (SigapParticipantQuery, 1);
  self->kelurahan_code = g_strdup (kelurahan_code);
  self->as_of = filter->as_of;
  self->segment = filter->segment;
  self->sort = SIGAP_PARTICIPANT_SORT_NAME;
  return self;
}

SigapParticipantQuery *
sigap_participant_query_copy (const SigapParticipantQuery *self)
{
  SigapParticipantQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->kelurahan_code = g_strdup (self->kelurahan_code);
  copy->search = g_strdup (self->search);
  return copy;
}

void
sigap_participant_query_free (SigapParticipantQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->kelurahan_code);
  g_free (self->search);
  g_free (self);
}

static const char *
search_or_null (const SigapParticipantQuery *self)
{
  const char *p = self->search;

  if (p == NULL)
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  return *p != '\0' ? self->search : NULL;
}

gboolean
sigap_participant_query_equal (const SigapParticipantQuery *a,
                               const SigapParticipantQuery *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->kelurahan_code, b->kelurahan_code) == 0 &&
         g_date_compare (&a->as_of, &b->as_of) == 0 && a->segment == b->segment &&
         g_strcmp0 (search_or_null (a), search_or_null (b)) == 0 && a->sort == b->sort &&
         !a->descending == !b->descending;
}

void
sigap_participant_row_free (SigapParticipantRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->nik_masked);
  g_free (row->sector_code);
  g_free (row->sector_name);
  g_free (row);
}

/* A search that is a whole NIK once normalized as the importer does ("3275 0101 …", a
 * leading apostrophe): its 16 digits, or NULL. */
static char *
search_full_nik (const char *text)
{
  g_autofree char *nik = sigap_nik_normalize (text);

  if (strlen (nik) != 16)
    return NULL;
  for (const char *p = nik; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return g_steal_pointer (&nik);
}

/* The search as SQL: NULL for none; a LIKE pattern of the name (escaped), and the digits the
 * NIK must end with when the search is one to four digits. A whole NIK gives no pattern and
 * sets @out_nik instead: the exact, indexed lookup. */
static char *
search_terms (const SigapParticipantQuery *query,
              char                       **out_digits,
              char                       **out_nik)
{
  g_autofree char *text = g_strstrip (g_strdup (query->search != NULL ? query->search : ""));
  GString *pattern;
  gsize len = strlen (text);
  gboolean digits = len > 0 && len <= 4;

  *out_digits = NULL;
  *out_nik = NULL;
  if (len == 0)
    return NULL;

  *out_nik = search_full_nik (text);
  if (*out_nik != NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    digits &= g_ascii_isdigit (*p);
  if (digits)
    *out_digits = g_strdup (text);

  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static gboolean
lookup_kelurahan (SigapDatabase  *db,
                  const char     *code,
                  gint64         *out_id,
                  GError        **error)
{
  g_autoptr(SigapRegions) tree = sigap_regions_load (db, error);
  const SigapRegion *region;

  if (tree == NULL)
    return FALSE;

  region = sigap_regions_lookup (tree, code);
  if (region != NULL && g_strcmp0 (region->level, "kelurahan") == 0)
    {
      *out_id = region->id;
      return TRUE;
    }

  g_set_error (error, SIGAP_PARTICIPANTS_ERROR, SIGAP_PARTICIPANTS_ERROR_NOT_KELURAHAN,
               _("“%s” is not a kelurahan code such as 32.75.01.1001"), code);
  return FALSE;
}

/* Whether some participant registered after @as_of: if not, the as-of condition is left out
 * (participant_registered answers this with one seek). */
static gboolean
registered_after (SigapDatabase  *db,
                  const char     *as_of,
                  gboolean       *out_after,
                  GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  const char *last;

  stmt = sigap_database_prepare (db, "SELECT max (registered_on) FROM participant", error);
  if (stmt == NULL)
    return FALSE;
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (db, error, _("Cannot read the participants"));

  last = sigap_statement_column_text (stmt, 0);
  *out_after = last != NULL && strcmp (last, as_of) > 0;
  return TRUE;
}

/* Prepares @head, the conditions of @query as SQL over `p`, then @tail. ?1 kelurahan id,
 * ?2 as-of date, ?3 segment, ?4 name pattern, ?5 NIK end digits or whole NIK; the caller
 * binds ?6 on.
 *
 * A condition that excludes nobody is left out rather than made true by its parameter: with
 * no segment, no NIK search and an as-of date after the last registration, the conditions
 * read only kelurahan_id and name, which participant_kelurahan holds (with the rowid), so
 * that the name order skips to an offset over the index alone, never reading the table. */
static SigapStatement *
prepare (SigapDatabase                *db,
         const SigapParticipantQuery  *query,
         const char                   *head,
         const char                   *tail,
         GError                      **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (head);
  g_autofree char *as_of = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *nik = NULL;
  gint64 kelurahan_id = 0;
  gboolean after = FALSE;

  if (!lookup_kelurahan (db, query->kelurahan_code, &kelurahan_id, error))
    return NULL;

  as_of = sigap_date_to_iso (&query->as_of);
  if (!registered_after (db, as_of, &after, error))
    return NULL;
  pattern = search_terms (query, &digits, &nik);

  g_string_append (sql, " WHERE p.kelurahan_id = ?1");
  if (after)
    g_string_append (sql, " AND p.registered_on <= ?2");
  if (query->segment != SIGAP_SEGMENT_ALL)
    g_string_append (sql, " AND p.sector_id IN (SELECT id FROM sector WHERE segment = ?3)");
  if (nik != NULL)
    g_string_append (sql, " AND p.nik = ?5");
  else if (digits != NULL)
    g_string_append (sql, " AND (p.name LIKE ?4 ESCAPE '\\'"
                          "      OR substr (p.nik, 17 - length (?5)) = ?5)");
  else if (pattern != NULL)
    g_string_append (sql, " AND p.name LIKE ?4 ESCAPE '\\'");
  g_string_append (sql, tail);

  stmt = sigap_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  /* Binding a parameter that the statement leaves out fails harmlessly, or fills a gap. */
  sigap_statement_bind_int64 (stmt, 1, kelurahan_id);
  sigap_statement_bind_text_copy (stmt, 2, as_of);
  sigap_statement_bind_text (stmt, 3, sigap_segment_to_string (query->segment));
  if (pattern != NULL)
    sigap_statement_bind_text_copy (stmt, 4, pattern);
  if (digits != NULL)
    sigap_statement_bind_text_copy (stmt, 5, digits);
  else if (nik != NULL)
    sigap_statement_bind_text_copy (stmt, 5, nik);

  return g_steal_pointer (&stmt);
}

/**
 * sigap_participant_query_count:
 *
 * Returns: how many participants @query lists, or -1 with @error set
 */
gint64
sigap_participant_query_count (SigapDatabase                *db,
                               const SigapParticipantQuery  *query,
                               GError                      **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), -1);
  g_return_val_if_fail (query != NULL, -1);

  stmt = prepare (db, query, "SELECT count (*) FROM participant p", "", error);
  if (stmt == NULL)
    return -1;

  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    {
      sigap_database_set_error (db, error, _("Cannot read the participants"));
      return -1;
    }

  return sigap_statement_column_int64 (stmt, 0);
}

static const char *
order_sql (SigapParticipantSort sort)
{
  switch (sort)
    {
    case SIGAP_PARTICIPANT_SORT_NAME:
      return "p.name %s, p.id %s";
    case SIGAP_PARTICIPANT_SORT_NIK:
      return "substr (p.nik, 1, 4) %s, substr (p.nik, 13) %s, p.name, p.id";
    case SIGAP_PARTICIPANT_SORT_SECTOR:
      return "s.sort_order %s, p.name %s, p.id";
    case SIGAP_PARTICIPANT_SORT_DESIL:
      /* Unknown desil last either way. */
      return "p.desil IS NULL, p.desil %s, p.name %s, p.id";
    case SIGAP_PARTICIPANT_SORT_REGISTERED:
      return "p.registered_on %s, p.name %s, p.id";
    case SIGAP_PARTICIPANT_SORT_STATUS:
      return "(p.ended_on IS NULL OR p.ended_on > ?2) %s, p.name %s, p.id";
    default:
      g_return_val_if_reached ("p.name %s, p.id %s");
    }
}

/**
 * sigap_participant_query_page:
 * @offset: the first row, counted from 0 in the query's order
 * @limit: at most this many rows
 *
 * Returns: (transfer full) (element-type SigapParticipantRow): the rows, fewer than @limit
 *   (none) at the end of the list; NULL with @error set
 */
GPtrArray *
sigap_participant_query_page (SigapDatabase                *db,
                              const SigapParticipantQuery  *query,
                              guint                         offset,
                              guint                         limit,
                              GError                      **error)
{
  return sigap_participant_query_page_near (db, query, offset, limit, NULL, error);
}

/**
 * sigap_participant_query_page_near:
 * @anchor: (nullable): a row of the list at a known position (a row of a page read before,
 *   or the end of the list), or NULL for the start
 *
 * Like sigap_participant_query_page(), but in the name order the rows are counted from
 * @anchor, forwards or backwards, which reads only the rows between: the conditions that
 * participant_kelurahan cannot answer (the segment, the as-of date) read the table for each
 * row skipped. Other orders sort the whole kelurahan anyway and ignore @anchor.
 *
 * Returns: (transfer full) (element-type SigapParticipantRow): the rows, as
 *   sigap_participant_query_page() would return them
 */
GPtrArray *
sigap_participant_query_page_near (SigapDatabase                 *db,
                                   const SigapParticipantQuery   *query,
                                   guint                          offset,
                                   guint                          limit,
                                   const SigapParticipantAnchor  *anchor,
                                   GError                       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SigapStatement) stmt = NULL;
  g_autofree char *order = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  gboolean status_sort = query != NULL && query->sort == SIGAP_PARTICIPANT_SORT_STATUS;
  const char *first = NULL, *second = NULL;
  int rc;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* Status sorts active (1) first when ascending. */
  if (status_sort)
    {
      first = query->descending ? "ASC" : "DESC";
      second = query->descending ? "DESC" : "ASC";
    }
  else
    first = second = query->descending ? "DESC" : "ASC";

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  order = g_strdup_printf (order_sql (query->sort), first, second);
#pragma GCC diagnostic pop

  if (query->sort == SIGAP_PARTICIPANT_SORT_NAME)
    {
      const char *dir = query->descending ? "DESC" : "ASC";
      const char *back = query->descending ? "ASC" : "DESC";
      const char *key = "";
      gboolean backwards = FALSE;
      guint skip = offset;

      /* From the row before the page, counting on; or from the row after it (or the end),
       * counting back; else from the start. */
      if (anchor != NULL && anchor->name != NULL && anchor->position < offset)
        {
          key = query->descending ? " AND (p.name, p.id) < (?8, ?9)"
                                  : " AND (p.name, p.id) > (?8, ?9)";
          skip = offset - anchor->position - 1;
        }
      else if (anchor != NULL && anchor->position > offset &&
               (anchor->name == NULL || anchor->position >= offset + limit))
        {
          key = anchor->name == NULL ? "" : query->descending ? " AND (p.name, p.id) > (?8, ?9)"
                                                              : " AND (p.name, p.id) < (?8, ?9)";
          backwards = TRUE;
          limit = MIN (limit, anchor->position - offset);
          skip = anchor->position - offset - limit;
        }

      /* Only the inner query skips rows, reading participant_kelurahan (and the table only
       * for the conditions that need it); the page's own rows are then looked up. */
      head = g_strdup ("SELECT p.id, p.name, p.nik, s.code, s.name, p.desil, p.registered_on,"
                       " p.ended_on"
                       " FROM (SELECT p.id FROM participant p");
      tail = g_strdup_printf ("%s ORDER BY p.name %s, p.id %s LIMIT ?6 OFFSET ?7) AS page"
                              " JOIN participant p ON p.id = page.id"
                              " JOIN sector s ON s.id = p.sector_id"
                              " ORDER BY p.name %s, p.id %s",
                              key, backwards ? back : dir, backwards ? back : dir, dir, dir);
      offset = skip;
    }
  else
    {
      head = g_strdup ("SELECT p.id, p.name, p.nik, s.code, s.name, p.desil, p.registered_on,"
                       " p.ended_on"
                       " FROM participant p JOIN sector s ON s.id = p.sector_id");
      tail = g_strconcat (" ORDER BY ", order, " LIMIT ?6 OFFSET ?7", NULL);
    }

  stmt = prepare (db, query, head, tail, error);
  if (stmt == NULL)
    return NULL;

  sigap_statement_bind_int64 (stmt, 6, limit);
  sigap_statement_bind_int64 (stmt, 7, offset);
  if (anchor != NULL && anchor->name != NULL)
    {
      sigap_statement_bind_text_copy (stmt, 8, anchor->name);
      sigap_statement_bind_int64 (stmt, 9, anchor->id);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_participant_row_free);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      SigapParticipantRow *row = g_new0 (SigapParticipantRow, 1);
      const char *nik = sigap_statement_column_text (stmt, 2);
      const char *ended = sigap_statement_column_text (stmt, 7);

      row->id = sigap_statement_column_int64 (stmt, 0);
      row->name = g_strdup (sigap_statement_column_text (stmt, 1));
      row->nik_masked = sigap_nik_mask (nik != NULL ? nik : "");
      row->sector_code = g_strdup (sigap_statement_column_text (stmt, 3));
      row->sector_name = g_strdup (sigap_statement_column_text (stmt, 4));
      row->desil = sigap_statement_column_int (stmt, 5);
      g_date_clear (&row->registered_on, 1);
      g_date_clear (&row->ended_on, 1);
      sigap_date_parse_iso (sigap_statement_column_text (stmt, 6), &row->registered_on);
      if (ended != NULL && sigap_date_parse_iso (ended, &row->ended_on) &&
          g_date_compare (&row->ended_on, &query->as_of) > 0)
        g_date_clear (&row->ended_on, 1);
      row->active = !g_date_valid (&row->ended_on);

      g_ptr_array_add (rows, row);
    }

  if (rc != SIGAP_STEP_DONE)
    {
      sigap_database_set_error (db, error, _("Cannot read the participants"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

gboolean
sigap_participants_first_registered (SigapDatabase  *db,
                                     GDate          *out_date,
                                     GError        **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

  g_return_val_if_fail (SIGAP_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  /* participant_registered leads with registered_on: this reads one index entry. */
  stmt = sigap_database_prepare (db, "SELECT min (registered_on) FROM participant", error);
  if (stmt == NULL)
    return FALSE;

  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (db, error, _("Cannot read the participants"));

  return sigap_date_parse_iso (sigap_statement_column_text (stmt, 0), out_date);
}
