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
  SIGAP_EXPORT_ERROR_WRITE,         /* the file or folder could not be written */
  SIGAP_EXPORT_ERROR_NOT_OPERATOR,  /* people's data from a database open read-only */
} SigapExportError;

typedef enum
{
  SIGAP_EXPORT_XLSX,            /* one workbook, a sheet a table */
  SIGAP_EXPORT_CSV,             /* a folder, a CSV file a table */
} SigapExportFormat;

/* One table of the window, as its own workbook (sigap_export_write_table()). */
typedef enum
{
  SIGAP_EXPORT_TABLE_FIGURES,
  SIGAP_EXPORT_TABLE_KECAMATAN,
  SIGAP_EXPORT_TABLE_KELURAHAN,
  SIGAP_EXPORT_TABLE_SECTOR,
  SIGAP_EXPORT_TABLE_DESIL,
  SIGAP_EXPORT_TABLE_MONTHLY,
  SIGAP_EXPORT_TABLE_PAYMENTS,
  SIGAP_EXPORT_TABLE_BUDGET,
  SIGAP_EXPORT_TABLE_SECTOR_BY_AREA,
  SIGAP_EXPORT_TABLE_QUALITY,
  SIGAP_EXPORT_TABLE_PARTICIPANTS,  /* people: operators only, NIKs masked */
  SIGAP_EXPORT_TABLE_N,
} SigapExportTable;

GQuark    sigap_export_error_quark (void);

gboolean  sigap_export_write       (SigapDatabase      *db,
                                    const SigapFilter  *filter,
                                    SigapLang           lang,
                                    SigapExportFormat   format,
                                    const char         *path,
                                    GCancellable       *cancellable,
                                    GError            **error);


const char *sigap_export_table_to_string   (SigapExportTable    table);
gboolean    sigap_export_table_from_string (const char         *key,
                                            SigapExportTable   *out_table);
gboolean    sigap_export_write_table       (SigapDatabase      *db,
                                            const SigapFilter  *filter,
                                            SigapLang           lang,
                                            SigapExportTable    table,
                                            const char         *path,
                                            GCancellable       *cancellable,
                                            GError            **error);

G_END_DECLS
