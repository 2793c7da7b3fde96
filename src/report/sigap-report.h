/* sigap-report.h: the PDF briefing for the DPRD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/sigap-demo.h"
#include "core/sigap-filter.h"
#include "core/sigap-format.h"

G_BEGIN_DECLS

#define SIGAP_REPORT_ERROR (sigap_report_error_quark ())

typedef enum
{
  SIGAP_REPORT_ERROR_INVALID,  /* an option: unknown section, a kelurahan as the scope */
  SIGAP_REPORT_ERROR_FONT,     /* DejaVu Sans is missing or unusable */
  SIGAP_REPORT_ERROR_PDF,      /* libharu failed */
  SIGAP_REPORT_ERROR_WRITE,    /* the destination cannot be written */
} SigapReportError;

/* The sections after the cover, which is always there. */
typedef enum
{
  SIGAP_REPORT_SECTION_SUMMARY     = 1 << 0,  /* ringkasan: KPIs and what they mean */
  SIGAP_REPORT_SECTION_ENROLLMENT  = 1 << 1,  /* kepesertaan: month by month */
  SIGAP_REPORT_SECTION_COVERAGE    = 1 << 2,  /* cakupan: by kecamatan (or kelurahan) */
  SIGAP_REPORT_SECTION_BREAKDOWN   = 1 << 3,  /* sebaran: by sector and desil */
  SIGAP_REPORT_SECTION_BUDGET      = 1 << 4,  /* anggaran: pagu, SP2D, projection */
  SIGAP_REPORT_SECTION_NOTES       = 1 << 5,  /* catatan: data quality and the official's notes */
  SIGAP_REPORT_SECTION_METHODOLOGY = 1 << 6,  /* metodologi: definitions, sources, dates */
} SigapReportSections;

#define SIGAP_REPORT_SECTIONS_ALL ((SigapReportSections) 0x7f)

/* What to write. Plain data, so a dialog can fill one on the UI thread and hand a copy to the
 * worker thread: sigap_report_write() opens its own database connection from @db_path.
 *
 * @as_of: invalid (g_date_clear) for the data cut-off. @scope: %NULL or "32.75" for the city,
 * or a kecamatan code. @notes: the official's own notes (UTF-8 text; blank lines separate
 * paragraphs), or %NULL. @prepared_by: %NULL for "Dinas Tenaga Kerja Kota Bekasi".
 * @generated_at: the generation time in seconds since 1970 (UTC), or -1 for now, or for
 * $SOURCE_DATE_EPOCH when that is set, so that builds and tests can be reproduced.
 * @font_path and @bold_font_path: %NULL to find DejaVu Sans with fontconfig.
 */
typedef struct
{
  char                *db_path;
  char                *output_path;
  GDate                as_of;
  char                *scope;
  SigapSegment         segment;
  SigapLang            lang;
  SigapReportSections  sections;
  char                *notes;
  char                *prepared_by;
  gint64               generated_at;
  char                *font_path;
  char                *bold_font_path;
} SigapReportOptions;

/* What was written. */
typedef struct
{
  guint   n_pages;
  gint64  size;      /* bytes */
} SigapReportInfo;

#define SIGAP_TYPE_REPORT_OPTIONS (sigap_report_options_get_type ())

GQuark              sigap_report_error_quark        (void);
GType               sigap_report_options_get_type   (void) G_GNUC_CONST;

SigapReportOptions *sigap_report_options_new        (void);
SigapReportOptions *sigap_report_options_copy       (const SigapReportOptions *options);
void                sigap_report_options_free       (SigapReportOptions       *options);

gboolean            sigap_report_sections_parse     (const char               *text,
                                                     SigapReportSections      *out,
                                                     GError                  **error);
const char         *sigap_report_section_to_string  (SigapReportSections       section);

gboolean            sigap_report_write              (const SigapReportOptions *options,
                                                     SigapProgressFunc         progress,
                                                     gpointer                  user_data,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
gboolean            sigap_report_write_full         (const SigapReportOptions *options,
                                                     SigapReportInfo          *info,
                                                     SigapProgressFunc         progress,
                                                     gpointer                  user_data,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);

void                sigap_report_write_async        (const SigapReportOptions *options,
                                                     SigapProgressFunc         progress,
                                                     gpointer                  progress_data,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean            sigap_report_write_finish       (GAsyncResult             *result,
                                                     SigapReportInfo          *info,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapReportOptions, sigap_report_options_free)

G_END_DECLS
