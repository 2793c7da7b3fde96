/* sigap-text-match.h: matching names as people type them, and suggesting the closest one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SIGAP_TEXT_MATCH_NONE,
  SIGAP_TEXT_MATCH_FOUND,
  SIGAP_TEXT_MATCH_AMBIGUOUS, /* the key belongs to more than one id */
} SigapTextMatch;

typedef struct _SigapTextMatcher SigapTextMatcher;

char             *sigap_text_match_key        (const char        *text);
void              sigap_text_match_key_append (GString           *out,
                                               const char        *text);
guint             sigap_text_edit_distance    (const char        *a,
                                               const char        *b);
const char       *sigap_text_skip_prefix_word (const char        *text,
                                               const char * const *words);

SigapTextMatcher *sigap_text_matcher_new      (void);
void              sigap_text_matcher_free     (SigapTextMatcher  *self);
void              sigap_text_matcher_add      (SigapTextMatcher  *self,
                                               const char        *name,
                                               gint64             id,
                                               const char        *display);
SigapTextMatch    sigap_text_matcher_lookup   (SigapTextMatcher  *self,
                                               const char        *text,
                                               gint64            *out_id);
const char       *sigap_text_matcher_suggest  (SigapTextMatcher  *self,
                                               const char        *text,
                                               gint64            *out_id);
GPtrArray        *sigap_text_matcher_suggest_several (SigapTextMatcher *self,
                                                      const char       *text,
                                                      guint             max,
                                                      GArray           *out_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapTextMatcher, sigap_text_matcher_free)

G_END_DECLS
