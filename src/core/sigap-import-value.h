/* sigap-import-value.h: reading dates, months, money and counts as offices write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every function takes a value as found in a CSV cell and, on failure, sets a
 * SIGAP_IMPORT_ERROR_VALUE with a translated message that quotes the value and says how to
 * write it. */

gboolean  sigap_import_parse_date  (const char  *text,
                                    GDate       *out,
                                    GError     **error);
gboolean  sigap_import_parse_date_dmy (const char  *text,
                                       int         *out_day,
                                       int         *out_month,
                                       int         *out_year,
                                       GError     **error);
gboolean  sigap_import_parse_month (const char  *text,
                                    int         *out_year,
                                    int         *out_month,
                                    GError     **error);
gboolean  sigap_import_parse_money (const char  *text,
                                    gint64      *out,
                                    GError     **error);
gboolean  sigap_import_parse_count (const char  *text,
                                    gint64      *out,
                                    GError     **error);
gboolean  sigap_import_parse_desil (const char  *text,
                                    int         *out,
                                    GError     **error);
gboolean  sigap_import_parse_sex   (const char  *text,
                                    char        *out,
                                    GError     **error);

G_END_DECLS
