/* sigap-csv-writer.h: the cells of every CSV the app writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sigap_csv_is_formula      (const char *text);

void     sigap_csv_append_text     (GString    *out,
                                    const char *text,
                                    char        separator);
void     sigap_csv_append_number   (GString    *out,
                                    const char *number,
                                    char        separator);
void     sigap_csv_append_int      (GString    *out,
                                    gint64      value);
char    *sigap_csv_format_double   (double      value);
void     sigap_csv_append_record   (GString    *out,
                                    const char *raw,
                                    char        separator);

G_END_DECLS
