/* sigap-export.h: the figures of one filter as an Excel workbook or a folder of CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sigap-database.h"
#include "core/sigap-filter.h"
#include "core/sigap-format.h"

G_BEGIN_DECLS

#define SIGAP_EXPORT_ERROR (sigap_export_error_quark ())

typedef enum
{
  SIGAP_EXPORT_ERROR_WRITE,     /* the file or folder could not be written */
} SigapExportError;

typedef enum
{
  SIGAP_EXPORT_XLSX,            /* one workbook, a sheet a table */
  SIGAP_EXPORT_CSV,             /* a folder, a CSV file a table */
} SigapExportFormat;

GQuark    sigap_export_error_quark (void);

gboolean  sigap_export_write       (SigapDatabase      *db,
                                    const SigapFilter  *filter,
                                    SigapLang           lang,
                                    SigapExportFormat   format,
                                    const char         *path,
                                    GCancellable       *cancellable,
                                    GError            **error);

G_END_DECLS
