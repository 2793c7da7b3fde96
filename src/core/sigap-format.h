/* sigap-format.h: numbers, money and dates in Indonesian or English style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of the *figures*: separators, month names, unit words. It is separate from the
 * gettext locale because the PDF briefing's language is an option of its own.
 */
typedef enum
{
  SIGAP_LANG_ID, /* 11.666 · 44,0% · Rp2,01 miliar · 5 November 2025 */
  SIGAP_LANG_EN, /* 11,666 · 44.0% · IDR 2.01 billion · 5 November 2025 */
} SigapLang;

/* Shown instead of a number that is not finite (NaN, ±inf): an en dash, U+2013. */
#define SIGAP_FORMAT_NO_VALUE "\u2013"

SigapLang   sigap_lang_from_locale     (void);
gboolean    sigap_lang_parse           (const char  *text,
                                        SigapLang   *out);
const char *sigap_lang_to_string       (SigapLang    lang);

char       *sigap_format_count         (gint64       n,
                                        SigapLang    lang);
char       *sigap_format_decimal       (double       v,
                                        int          decimals,
                                        SigapLang    lang);
char       *sigap_format_percent       (double       pct,
                                        int          decimals,
                                        SigapLang    lang);
char       *sigap_format_rupiah        (gint64       amount,
                                        SigapLang    lang);
char       *sigap_format_rupiah_short  (gint64       amount,
                                        SigapLang    lang);
char       *sigap_format_count_short   (double       v,
                                        SigapLang    lang);

char       *sigap_format_date          (const GDate *date,
                                        SigapLang    lang,
                                        gboolean     abbreviated);
char       *sigap_format_month         (int          year,
                                        int          month,
                                        SigapLang    lang,
                                        gboolean     abbreviated);
char       *sigap_format_month_span    (int          first_month,
                                        int          last_month,
                                        SigapLang    lang);
char       *sigap_format_change_people (gint64       change,
                                        SigapLang    lang);
char       *sigap_format_change_points (double       change,
                                        SigapLang    lang);
char       *sigap_format_quota_covers  (int          months,
                                        gint64       full_year,
                                        SigapLang    lang);
char       *sigap_format_quota         (gint64       quota,
                                        int          months,
                                        gint64       full_year,
                                        SigapLang    lang);
const char *sigap_month_name           (int          month,
                                        SigapLang    lang,
                                        gboolean     abbreviated);

gboolean    sigap_date_parse_iso       (const char  *text,
                                        GDate       *out);
char       *sigap_date_to_iso          (const GDate *date);
gboolean    sigap_date_is_month_end    (const GDate *date);

G_END_DECLS
