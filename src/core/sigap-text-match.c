/* sigap-text-match.c: matching names as people type them, and suggesting the closest one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists from different offices spell the same kelurahan, sector or column as "Bekasi Jaya",
 * "BEKASIJAYA", "bekasi-jaya" or "Bekasi  Jaya ". They all mean the same thing, so names are
 * compared by a key: the letters and digits only, in lower case. That is an exact match on the
 * key, never a guess: a name whose key is unknown is refused, and the closest known name (by
 * edit distance on the keys) is only offered in the message, for a person to confirm.
 */

#include <string.h>

#include "sigap-text-match.h"

typedef struct
{
  char       *key;
  gint64      id;
  const char *display; /* owned by the matcher's string chunk */
} Entry;

struct _SigapTextMatcher
{
  GHashTable   *by_key;   /* key → Entry*, or &ambiguous */
  GPtrArray    *entries;  /* Entry*, for suggestions */
  GStringChunk *strings;
  GString      *scratch;
};

/* Marks a key that two different ids share. */
static Entry ambiguous;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry);
}

/**
 * sigap_text_match_key_append:
 * @out: where the key goes
 * @text: a name as typed, in UTF-8
 *
 * Appends the matching key of @text to @out: its letters and digits in lower case, everything
 * else (space, punctuation, symbols) left out. "Desa/Kelurahan" and "desa kelurahan" both
 * give "desakelurahan". Bytes that are not valid UTF-8 are left out too.
 */
void
sigap_text_match_key_append (GString    *out,
                             const char *text)
{
  const guchar *p = (const guchar *) text;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  while (*p != '\0')
    {
      gunichar c;
      const char *next;

      if (*p < 0x80)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      c = g_utf8_get_char_validated ((const char *) p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      next = g_utf8_next_char ((const char *) p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
      p = (const guchar *) next;
    }
}

/**
 * sigap_text_match_key:
 * @text: a name as typed
 *
 * Returns: (transfer full): the key of @text, see sigap_text_match_key_append()
 */
char *
sigap_text_match_key (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  sigap_text_match_key_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * sigap_text_edit_distance:
 *
 * The Levenshtein distance between @a and @b counted in characters (insertions, deletions
 * and substitutions of one character each).
 *
 * Returns: the distance
 */
guint
sigap_text_edit_distance (const char *a,
                          const char *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *row = NULL;
  glong na = 0, nb = 0;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4 (a, -1, NULL, &na, NULL);
  ub = g_utf8_to_ucs4 (b, -1, NULL, &nb, NULL);
  if (ua == NULL || ub == NULL)
    return strcmp (a, b) == 0 ? 0 : (guint) MAX (strlen (a), strlen (b));

  row = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    row[j] = (guint) j;

  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[nb];
}

SigapTextMatcher *
sigap_text_matcher_new (void)
{
  SigapTextMatcher *self = g_new0 (SigapTextMatcher, 1);

  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->strings = g_string_chunk_new (256);
  self->scratch = g_string_new (NULL);
  return self;
}

void
sigap_text_matcher_free (SigapTextMatcher *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

/**
 * sigap_text_matcher_add:
 * @name: a name, alias or code that stands for @id
 * @id: what it stands for
 * @display: (nullable): how to show @id in a suggestion; %NULL for @name
 *
 * The same key given for two different ids makes that key ambiguous: looking it up then
 * returns %SIGAP_TEXT_MATCH_AMBIGUOUS, and the caller asks for something more precise.
 */
void
sigap_text_matcher_add (SigapTextMatcher *self,
                        const char       *name,
                        gint64            id,
                        const char       *display)
{
  Entry *entry;
  Entry *existing;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  entry = g_new0 (Entry, 1);
  entry->key = sigap_text_match_key (name);
  entry->id = id;
  entry->display = g_string_chunk_insert_const (self->strings, display != NULL ? display : name);

  if (*entry->key == '\0')
    {
      entry_free (entry);
      return;
    }

  g_ptr_array_add (self->entries, entry);

  existing = g_hash_table_lookup (self->by_key, entry->key);
  if (existing == NULL)
    g_hash_table_insert (self->by_key, entry->key, entry);
  else if (existing != &ambiguous && existing->id != id)
    g_hash_table_insert (self->by_key, entry->key, &ambiguous);
}

/**
 * sigap_text_matcher_lookup:
 * @text: a name as typed
 * @out_id: (out) (optional): the id, set only when found
 *
 * Returns: whether @text's key stands for exactly one id
 */
SigapTextMatch
sigap_text_matcher_lookup (SigapTextMatcher *self,
                           const char       *text,
                           gint64           *out_id)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, SIGAP_TEXT_MATCH_NONE);
  g_return_val_if_fail (text != NULL, SIGAP_TEXT_MATCH_NONE);

  g_string_truncate (self->scratch, 0);
  sigap_text_match_key_append (self->scratch, text);

  entry = g_hash_table_lookup (self->by_key, self->scratch->str);
  if (entry == NULL)
    return SIGAP_TEXT_MATCH_NONE;
  if (entry == &ambiguous)
    return SIGAP_TEXT_MATCH_AMBIGUOUS;

  if (out_id != NULL)
    *out_id = entry->id;
  return SIGAP_TEXT_MATCH_FOUND;
}

typedef struct
{
  const Entry *entry;
  guint        rank;   /* prefix or word matches first, then by edit distance */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  /* Equal ranks keep the order the names were added in. */
  return ca->entry < cb->entry ? -1 : ca->entry > cb->entry;
}

/* Whether @key is the start of the entry's name or one of its words, or starts with one of
 * them: "Kaliabang" for Kaliabang Tengah, "Ojek" for Ojek Online. */
static gboolean
is_prefix_or_word (const char  *key,
                   glong        length,
                   const Entry *entry)
{
  g_auto(GStrv) words = NULL;

  if (length < 3)
    return FALSE;
  if (g_str_has_prefix (entry->key, key))
    return TRUE;

  words = g_strsplit_set (entry->display, " -/.()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = sigap_text_match_key (words[i]);

      if (g_utf8_strlen (word, -1) >= 3 && g_str_has_prefix (word, key))
        return TRUE;
    }
  return FALSE;
}

/**
 * sigap_text_matcher_suggest_several:
 * @text: a name that was not found
 * @max: how many names at most
 * @out_ids: (nullable) (element-type gint64): receives the names' ids, in the same order
 *
 * The known names closest to @text, for a message such as "did you mean …?", closest first,
 * each name once. A name that @text begins, or one of whose words @text begins, comes first
 * ("Kaliabang" suggests Kaliabang Tengah before Kalibaru, one letter away); then names within
 * a few edits (one for keys of up to three characters, else a third of the key's length and
 * at least two), so that garbage gets no random suggestion.
 *
 * Returns: (transfer container) (element-type utf8): display names owned by the matcher;
 *   possibly empty
 */
GPtrArray *
sigap_text_matcher_suggest_several (SigapTextMatcher *self,
                                    const char       *text,
                                    guint             max,
                                    GArray           *out_ids)
{
  g_autofree char *key = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GPtrArray *names = g_ptr_array_new ();
  guint limit;
  glong length;

  g_return_val_if_fail (self != NULL, names);
  g_return_val_if_fail (text != NULL, names);

  key = sigap_text_match_key (text);
  length = g_utf8_strlen (key, -1);
  if (length == 0)
    return names;

  limit = length <= 3 ? 1 : MAX (2, (guint) length / 3);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      glong entry_length = g_utf8_strlen (entry->key, -1);
      Candidate candidate = { entry, 0 };
      guint distance;

      if (is_prefix_or_word (key, length, entry))
        {
          /* The nearer in length, the likelier: "Ojek" is Ojek Online before Ojek Pangkalan
           * only by the order the names were added in. */
          candidate.rank = (guint) ABS (entry_length - length);
          g_array_append_val (candidates, candidate);
          continue;
        }

      /* Cheap bound first: the distance is at least the difference in length. */
      if ((guint) ABS (entry_length - length) > limit)
        continue;

      distance = sigap_text_edit_distance (key, entry->key);
      if (distance <= limit)
        {
          candidate.rank = 1000 + distance;
          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && names->len < max; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      gboolean seen = FALSE;

      for (guint n = 0; n < names->len && !seen; n++)
        seen = g_strcmp0 (g_ptr_array_index (names, n), candidate->entry->display) == 0;
      if (seen)
        continue;

      g_ptr_array_add (names, (gpointer) candidate->entry->display);
      if (out_ids != NULL)
        g_array_append_val (out_ids, candidate->entry->id);
    }

  return names;
}

/**
 * sigap_text_matcher_suggest:
 * @text: a name that was not found
 * @out_id: (out) (optional): the id of the suggestion
 *
 * The known name closest to @text: the first of sigap_text_matcher_suggest_several().
 *
 * Returns: (nullable) (transfer none): the display name of the closest entry, or %NULL
 */
const char *
sigap_text_matcher_suggest (SigapTextMatcher *self,
                            const char       *text,
                            gint64           *out_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  names = sigap_text_matcher_suggest_several (self, text, 1, ids);
  if (names->len == 0)
    return NULL;

  if (out_id != NULL)
    *out_id = g_array_index (ids, gint64, 0);
  return g_ptr_array_index (names, 0);
}

/**
 * sigap_text_skip_prefix_word:
 * @text: a name as typed
 * @words: (array zero-terminated=1): words that may stand before the name, lower case
 *
 * "Kelurahan Margahayu", "Kel. Margahayu", "Desa Margahayu": the word before the name is not
 * part of it.
 *
 * Returns: (transfer none): @text after one of @words and the spaces or dots after it, or
 *   @text itself when it starts with none of them (or is nothing but the word)
 */
const char *
sigap_text_skip_prefix_word (const char         *text,
                             const char * const *words)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (words != NULL, text);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      const char *rest = text + len;

      if (g_ascii_strncasecmp (text, words[i], len) != 0 || (*rest != ' ' && *rest != '.'))
        continue;

      while (*rest == ' ' || *rest == '.')
        rest++;
      if (*rest != '\0')
        return rest;
    }

  return text;
}
