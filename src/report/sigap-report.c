/* sigap-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sigap_report_write(): the PDF briefing from a database, in one call that a GTask thread or
 * the CLI can make. It opens its own database connection, fetches every figure from src/core,
 * lays the pages out with SigapReportLayout (measuring with the embedded font), draws them
 * through SigapHpdfPainter and writes the result next to the destination under a temporary
 * name, renaming it into place only when every byte is on disk: a failure or a cancellation
 * leaves nothing at the destination, and an existing file there stays untouched until the new
 * one replaces it whole.
 *
 * libharu reports errors through a callback that, by default, longjmps nowhere and does
 * nothing; ours records the first error and returns, and every step checks the document's
 * error state afterwards, so no g_autoptr cleanup is ever skipped.
 */

#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <string.h>
#include <unistd.h>

#include "core/sigap-database.h"
#include "core/sigap-private-file.h"
#include "sigap-hpdf-painter.h"
#include "sigap-report.h"
#include "sigap-report-private.h"

G_DEFINE_QUARK (sigap-report-error-quark, sigap_report_error)

G_DEFINE_BOXED_TYPE (SigapReportOptions, sigap_report_options,
                     sigap_report_options_copy, sigap_report_options_free)

typedef struct
{
  SigapReportSections  section;
  const char          *id_name;
  const char          *en_name;
} SectionName;

static const SectionName section_names[] = {
  { SIGAP_REPORT_SECTION_SUMMARY, "ringkasan", "summary" },
  { SIGAP_REPORT_SECTION_ENROLLMENT, "kepesertaan", "enrollment" },
  { SIGAP_REPORT_SECTION_COVERAGE, "cakupan", "coverage" },
  { SIGAP_REPORT_SECTION_BREAKDOWN, "sebaran", "breakdown" },
  { SIGAP_REPORT_SECTION_BUDGET, "anggaran", "budget" },
  { SIGAP_REPORT_SECTION_NOTES, "catatan", "notes" },
  { SIGAP_REPORT_SECTION_METHODOLOGY, "metodologi", "methodology" },
};

/* The first libharu error of a document: later ones are often consequences of it. */
typedef struct
{
  HPDF_STATUS error_no;
  HPDF_STATUS detail_no;
} PdfErrorState;

/* ---------------------------------------------------------------------------------------- */
/* Options                                                                                  */

/**
 * sigap_report_options_new:
 *
 * Returns: (transfer full): options for the whole city, pekerja rentan, in Indonesian, every
 *   section, as of the data cut-off, generated now
 */
SigapReportOptions *
sigap_report_options_new (void)
{
  SigapReportOptions *options = g_new0 (SigapReportOptions, 1);

  g_date_clear (&options->as_of, 1);
  options->segment = SIGAP_SEGMENT_RENTAN;
  options->lang = SIGAP_LANG_ID;
  options->sections = SIGAP_REPORT_SECTIONS_ALL;
  options->generated_at = -1;

  return options;
}

SigapReportOptions *
sigap_report_options_copy (const SigapReportOptions *options)
{
  SigapReportOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->db_path = g_strdup (options->db_path);
  copy->output_path = g_strdup (options->output_path);
  copy->scope = g_strdup (options->scope);
  copy->notes = g_strdup (options->notes);
  copy->prepared_by = g_strdup (options->prepared_by);
  copy->font_path = g_strdup (options->font_path);
  copy->bold_font_path = g_strdup (options->bold_font_path);

  return copy;
}

void
sigap_report_options_free (SigapReportOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->db_path);
  g_free (options->output_path);
  g_free (options->scope);
  g_free (options->notes);
  g_free (options->prepared_by);
  g_free (options->font_path);
  g_free (options->bold_font_path);
  g_free (options);
}

/**
 * sigap_report_sections_parse:
 * @text: comma-separated section names, Indonesian or English: ringkasan (summary),
 *   kepesertaan (enrollment), cakupan (coverage), sebaran (breakdown), anggaran (budget),
 *   catatan (notes), metodologi (methodology); or "all"
 * @out: (out): the sections
 *
 * Returns: %TRUE on success; %FALSE with @error set for an unknown or missing name
 */
gboolean
sigap_report_sections_parse (const char           *text,
                             SigapReportSections  *out,
                             GError              **error)
{
  g_auto(GStrv) names = NULL;
  SigapReportSections sections = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean found = FALSE;

      if (*name == '\0')
        continue;

      if (g_ascii_strcasecmp (name, "all") == 0 || g_ascii_strcasecmp (name, "semua") == 0)
        {
          sections |= SIGAP_REPORT_SECTIONS_ALL;
          continue;
        }

      for (guint j = 0; j < G_N_ELEMENTS (section_names); j++)
        if (g_ascii_strcasecmp (name, section_names[j].id_name) == 0 ||
            g_ascii_strcasecmp (name, section_names[j].en_name) == 0)
          {
            sections |= section_names[j].section;
            found = TRUE;
          }

      if (!found)
        {
          g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID,
                       /* Translators: do not translate the section names after the colon */
                       _("Unknown section “%s”: use ringkasan, kepesertaan, cakupan, sebaran, "
                         "anggaran, catatan or metodologi (or summary, enrollment, coverage, "
                         "breakdown, budget, notes, methodology)"), name);
          return FALSE;
        }
    }

  if (sections == 0)
    {
      g_set_error_literal (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID,
                           _("No section chosen"));
      return FALSE;
    }

  *out = sections;
  return TRUE;
}

/* Returns: the Indonesian name of one section ("ringkasan"), or NULL */
const char *
sigap_report_section_to_string (SigapReportSections section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    if (section_names[i].section == section)
      return section_names[i].id_name;

  return NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* libharu                                                                                  */

static void
pdf_error_cb (HPDF_STATUS  error_no,
              HPDF_STATUS  detail_no,
              void        *user_data)
{
  PdfErrorState *state = user_data;

  /* Record and return: libharu's own examples longjmp from here, which would skip every
   * g_autoptr cleanup on the way out. */
  if (state->error_no == HPDF_OK)
    {
      state->error_no = error_no;
      state->detail_no = detail_no;
    }
}

void
_sigap_report_set_pdf_error (HPDF_Doc   pdf,
                             GError   **error)
{
  g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_PDF,
               /* Translators: libharu is the PDF library; the numbers identify its error */
               _("The PDF could not be made (libharu error 0x%04X, detail %u)"),
               (guint) HPDF_GetError (pdf), (guint) HPDF_GetErrorDetail (pdf));
}

static gboolean
pdf_failed (HPDF_Doc        pdf,
            PdfErrorState  *state,
            GError        **error)
{
  if (state->error_no == HPDF_OK && HPDF_GetError (pdf) == HPDF_OK)
    return FALSE;

  g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_PDF,
               _("The PDF could not be made (libharu error 0x%04X, detail %u)"),
               (guint) (state->error_no != HPDF_OK ? state->error_no : HPDF_GetError (pdf)),
               (guint) (state->error_no != HPDF_OK ? state->detail_no
                                                   : HPDF_GetErrorDetail (pdf)));
  return TRUE;
}

/* DejaVu Sans, regular or bold, through fontconfig: the file must be the TrueType font of
 * that family (fontconfig always answers with *some* font). */
static char *
find_font (gboolean   bold,
           GError   **error)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match = NULL;
  FcResult result = FcResultNoMatch;
  FcChar8 *file = NULL;
  FcChar8 *family = NULL;
  int weight = 0;
  char *path = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) SIGAP_REPORT_FONT_FAMILY);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddInteger (pattern, FC_WIDTH, FC_WIDTH_NORMAL);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);

  if (match != NULL &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch &&
      g_strcmp0 ((const char *) family, SIGAP_REPORT_FONT_FAMILY) == 0 &&
      g_str_has_suffix ((const char *) file, ".ttf") &&
      g_file_test ((const char *) file, G_FILE_TEST_IS_REGULAR))
    {
      FcPatternGetInteger (match, FC_WEIGHT, 0, &weight);
      if (!bold || weight >= FC_WEIGHT_BOLD)
        path = g_strdup ((const char *) file);
    }

  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);

  if (path == NULL && !bold)
    g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_FONT,
                 _("The font DejaVu Sans was not found; install the fonts-dejavu-core package"));

  return path;
}

/* libharu 2.3.0 gives a UTF-8 TrueType font a ToUnicode CMap written with "cidrange"
 * operators, which a ToUnicode map may not use: poppler warns on every page and copy-paste
 * may break. The codes it writes are the characters' Unicode values (its CIDToGIDMap does the
 * glyph mapping), so an identity map in the right syntax is correct: one bfrange per high
 * byte, as the CMap specification wants. Only done when the map is the stream libharu made
 * for this font and the encoding is a name, so another libharu's layout is left alone. */
static void
fix_to_unicode (HPDF_Doc  pdf,
                HPDF_Font font)
{
#if HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3
  HPDF_STATUS before = HPDF_GetError (pdf);
  HPDF_Dict cmap = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  HPDF_Name encoding = HPDF_Dict_GetItem (font, "Encoding", HPDF_OCLASS_NAME);
  g_autoptr(GString) text = NULL;

  /* A lookup of the wrong type records an error on the document: not ours to keep. */
  if (before == HPDF_OK && HPDF_GetError (pdf) != HPDF_OK)
    HPDF_ResetError (pdf);

  if (cmap == NULL || encoding == NULL || cmap->stream == NULL ||
      cmap->stream->type != HPDF_STREAM_MEMORY)
    return;

  text = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint block = 0; block < 256; block += 100)
    {
      guint n = MIN (100, 256 - block);

      g_string_append_printf (text, "%u beginbfrange\n", n);
      for (guint hi = block; hi < block + n; hi++)
        g_string_append_printf (text, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
      g_string_append (text, "endbfrange\n");
    }
  g_string_append (text, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");

  HPDF_MemStream_FreeData (cmap->stream);
  HPDF_Stream_Write (cmap->stream, (const HPDF_BYTE *) text->str, (HPDF_UINT) text->len);
#endif
}

static HPDF_Font
load_font (HPDF_Doc        pdf,
           const char     *path,
           PdfErrorState  *state,
           GError        **error)
{
  const char *name;
  HPDF_Font font;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_FONT,
                   _("The font file “%s” does not exist"), path);
      return NULL;
    }

  name = HPDF_LoadTTFontFromFile (pdf, path, HPDF_TRUE);
  font = name != NULL ? HPDF_GetFont (pdf, name, "UTF-8") : NULL;
  if (font == NULL || state->error_no != HPDF_OK)
    {
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_FONT,
                   _("The font file “%s” cannot be embedded (libharu error 0x%04X)"), path,
                   (guint) state->error_no);
      return NULL;
    }

  fix_to_unicode (pdf, font);
  return font;
}

static void
set_date (HPDF_Doc      pdf,
          HPDF_InfoType type,
          GDateTime    *time)
{
  HPDF_Date date = { 0 };
  GTimeSpan offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;

  date.year = g_date_time_get_year (time);
  date.month = g_date_time_get_month (time);
  date.day = g_date_time_get_day_of_month (time);
  date.hour = g_date_time_get_hour (time);
  date.minutes = g_date_time_get_minute (time);
  date.seconds = g_date_time_get_second (time);
  date.ind = offset == 0 ? 'Z' : (offset > 0 ? '+' : '-');
  date.off_hour = (HPDF_INT) (ABS (offset) / 60);
  date.off_minutes = (HPDF_INT) (ABS (offset) % 60);

  HPDF_SetInfoDateAttr (pdf, type, date);
}

/* ---------------------------------------------------------------------------------------- */
/* Writing                                                                                  */

/* The generation time: the option, else $SOURCE_DATE_EPOCH (reproducible builds), else now. */
static GDateTime *
generation_time (const SigapReportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 seconds;
  char *end = NULL;

  if (options->generated_at >= 0)
    return g_date_time_new_from_unix_utc (options->generated_at);

  if (epoch != NULL && *epoch != '\0')
    {
      seconds = g_ascii_strtoll (epoch, &end, 10);
      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
    }

  return g_date_time_new_now_local ();
}

static void
report_progress (SigapProgressFunc progress,
                 gpointer          user_data,
                 double            fraction)
{
  if (progress != NULL)
    progress (fraction, user_data);
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
save_pdf (HPDF_Doc        pdf,
          PdfErrorState  *state,
          int             fd,
          const char     *output_path,
          gint64         *out_size,
          GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gint64 size = 0;

  if (HPDF_SaveToStream (pdf) != HPDF_OK || pdf_failed (pdf, state, error))
    {
      if (error != NULL && *error == NULL)
        _sigap_report_set_pdf_error (pdf, error);
      return FALSE;
    }

  HPDF_ResetStream (pdf);
  for (;;)
    {
      HPDF_UINT32 length = 64 * 1024;
      HPDF_STATUS status = HPDF_ReadFromStream (pdf, buffer, &length);

      if (length > 0 && !write_all (fd, buffer, length))
        {
          int saved = errno;

          g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                       _("Cannot write the briefing to “%s”: %s"), output_path,
                       g_strerror (saved));
          return FALSE;
        }
      size += length;

      if (status == HPDF_STREAM_EOF)
        break;
      if (status != HPDF_OK)
        {
          _sigap_report_set_pdf_error (pdf, error);
          return FALSE;
        }
    }

  if (fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                   _("Cannot write the briefing to “%s”: %s"), output_path, g_strerror (saved));
      return FALSE;
    }

  *out_size = size;
  return TRUE;
}

static gboolean
make_pdf (SigapReportContext  *ctx,
          int                  fd,
          SigapReportInfo     *info,
          SigapProgressFunc    progress,
          gpointer             user_data,
          GCancellable        *cancellable,
          GError             **error)
{
  const SigapReportOptions *options = ctx->options;
  PdfErrorState state = { HPDF_OK, HPDF_OK };
  g_autoptr(HPDF_Doc_Rec) pdf = NULL;
  g_autofree char *regular_path = NULL;
  g_autofree char *bold_path = NULL;
  g_autoptr(SigapPainter) painter = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  HPDF_Font regular, bold = NULL;
  guint n_pages;
  gint64 size = 0;

  pdf = HPDF_New (pdf_error_cb, &state);
  if (pdf == NULL)
    {
      g_set_error_literal (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_PDF,
                           _("The PDF could not be made: out of memory"));
      return FALSE;
    }

  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (pdf);
  HPDF_SetCurrentEncoder (pdf, "UTF-8");
  if (pdf_failed (pdf, &state, error))
    return FALSE;

  /* One typeface, embedded as subsets: only the glyphs the briefing uses. */
  regular_path = options->font_path != NULL ? g_strdup (options->font_path)
                                            : find_font (FALSE, error);
  if (regular_path == NULL)
    return FALSE;
  bold_path = options->bold_font_path != NULL ? g_strdup (options->bold_font_path)
                                              : find_font (TRUE, NULL);

  regular = load_font (pdf, regular_path, &state, error);
  if (regular == NULL)
    return FALSE;
  if (bold_path != NULL)
    {
      bold = load_font (pdf, bold_path, &state, error);
      if (bold == NULL)
        return FALSE;
    }

  painter = sigap_hpdf_painter_new (pdf, regular, bold);
  ctx->layout = sigap_report_layout_new (SIGAP_HPDF_PAINTER (painter));
  ctx->chart_style = sigap_chart_style_new (SIGAP_CHART_THEME_PRINT);
  sigap_chart_style_set_font (ctx->chart_style, SIGAP_REPORT_FONT_FAMILY, 8);
  ctx->chart_style->line_width = 1.6;

  _sigap_report_build (ctx);
  n_pages = sigap_report_layout_paginate (ctx->layout);
  report_progress (progress, user_data, 0.6);

  if (!sigap_report_layout_render (ctx->layout, pdf, cancellable, error))
    return FALSE;
  if (pdf_failed (pdf, &state, error))
    return FALSE;
  report_progress (progress, user_data, 0.85);

  /* Document information, in UTF-8 like everything else. */
  as_of = sigap_format_date (&ctx->filter->as_of, ctx->lang, FALSE);
  title = g_strdup_printf ("%s \u2014 %s", sigap_report_string (ctx->lang, RT_COVER_TITLE),
                           sigap_report_string (ctx->lang, RT_COVER_SUBTITLE));
  {
    g_autofree char *position = g_strdup_printf (sigap_report_string (ctx->lang,
                                                                      RT_AS_OF_POSITION),
                                                 as_of);

    subject = g_strdup_printf ("%s \u00b7 %s", ctx->summary->scope_name, position);
  }
  creator = g_strdup_printf ("SIGAP Dasbor %s", PACKAGE_VERSION);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, title);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_AUTHOR,
                    options->prepared_by != NULL
                    ? options->prepared_by
                    : sigap_report_string (ctx->lang, RT_DEFAULT_PREPARED_BY));
  HPDF_SetInfoAttr (pdf, HPDF_INFO_SUBJECT, subject);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, creator);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_KEYWORDS, "SIGAP, BPJS Ketenagakerjaan, DPRD, Kota Bekasi");
  set_date (pdf, HPDF_INFO_CREATION_DATE, ctx->generated);
  set_date (pdf, HPDF_INFO_MOD_DATE, ctx->generated);
  HPDF_SetPageMode (pdf, HPDF_PAGE_MODE_USE_OUTLINE);
  if (pdf_failed (pdf, &state, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!save_pdf (pdf, &state, fd, options->output_path, &size, error))
    return FALSE;

  if (info != NULL)
    {
      info->n_pages = n_pages;
      info->size = size;
    }

  return TRUE;
}

/**
 * sigap_report_write_full:
 * @options: what to write
 * @info: (out caller-allocates) (optional): the page count and size written
 * @progress: (nullable) (scope call): called in the calling thread with the fraction done
 * @cancellable: (nullable): stops the work between steps; nothing is left behind
 *
 * Writes the briefing to @options->output_path. Safe to call from a worker thread: it opens
 * its own database connection and shares no state. The file appears at the destination only
 * once complete (written as a hidden temporary file in the same folder, synced, renamed).
 *
 * Returns: %TRUE on success; %FALSE with @error set: %SIGAP_REPORT_ERROR (INVALID, FONT, PDF,
 *   WRITE), a database or figures error, or %G_IO_ERROR_CANCELLED
 */
gboolean
sigap_report_write_full (const SigapReportOptions *options,
                         SigapReportInfo          *info,
                         SigapProgressFunc         progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  SigapReportContext ctx = { 0 };
  g_autoptr(GError) temp_error = NULL;
  g_autofree char *temp_path = NULL;
  GDate as_of;
  int fd = -1;
  gboolean ok = FALSE;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->db_path != NULL, FALSE);
  g_return_val_if_fail (options->output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->sections == 0)
    {
      g_set_error_literal (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID,
                           _("No section chosen"));
      return FALSE;
    }

  if (g_file_test (options->output_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                   _("Cannot write the briefing to “%s”: it is a folder"),
                   options->output_path);
      return FALSE;
    }

  report_progress (progress, user_data, 0.0);

  ctx.options = options;
  ctx.lang = options->lang;
  ctx.generated = generation_time (options);
  ctx.db = sigap_database_open (options->db_path, SIGAP_DATABASE_OPEN_READ_ONLY, error);
  if (ctx.db == NULL)
    goto out;

  as_of = options->as_of;
  if (!g_date_valid (&as_of) && !sigap_database_get_cutoff (ctx.db, &as_of))
    {
      g_set_error_literal (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_INVALID,
                           _("The database holds no data yet, so it has no cut-off date: "
                             "choose the date of the figures"));
      goto out;
    }
  ctx.filter = sigap_filter_new (&as_of, options->scope, options->segment);

  /* The temporary file first: an unwritable folder fails before any work. It is private
   * (0600), and so is the briefing it becomes; a killed run's are removed first. */
  sigap_private_file_remove_stale (options->output_path);
  fd = sigap_private_file_create_temp (options->output_path, &temp_path, &temp_error);
  if (fd < 0)
    {
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                   _("Cannot write the briefing to “%s”: %s"), options->output_path,
                   temp_error->message);
      goto out;
    }

  report_progress (progress, user_data, 0.05);
  if (!_sigap_report_fetch (&ctx, cancellable, error))
    goto out;
  report_progress (progress, user_data, 0.4);

  if (!make_pdf (&ctx, fd, info, progress, user_data, cancellable, error))
    goto out;

  /* Renamed while still open, so locked: make_pdf () has synced it. */
  if (g_rename (temp_path, options->output_path) != 0)
    {
      int saved = errno;

      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                   _("Cannot write the briefing to “%s”: %s"), options->output_path,
                   g_strerror (saved));
      goto out;
    }
  g_clear_pointer (&temp_path, g_free);

  if (close (fd) != 0)
    {
      int saved = errno;

      fd = -1;
      g_set_error (error, SIGAP_REPORT_ERROR, SIGAP_REPORT_ERROR_WRITE,
                   _("Cannot write the briefing to “%s”: %s"), options->output_path,
                   g_strerror (saved));
      goto out;
    }
  fd = -1;

  report_progress (progress, user_data, 1.0);
  ok = TRUE;

out:
  /* Removed before it is closed, while still locked against another run's sweep. */
  if (temp_path != NULL)
    g_unlink (temp_path);
  if (fd >= 0)
    close (fd);
  _sigap_report_context_clear (&ctx);

  return ok;
}

/**
 * sigap_report_write:
 * @options: what to write
 * @progress: (nullable) (scope call): called in the calling thread with the fraction done
 * @cancellable: (nullable): stops the work between steps; nothing is left behind
 *
 * sigap_report_write_full() without the page count. Meant for a GTask thread:
 *
 * |[<!-- language="C" -->
 * static void
 * write_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
 * {
 *   GError *error = NULL;
 *
 *   if (sigap_report_write (data, progress_cb, task, cancellable, &error))
 *     g_task_return_boolean (task, TRUE);
 *   else
 *     g_task_return_error (task, error);
 * }
 * ]|
 *
 * with the options copied (sigap_report_options_copy()) as the task data and the progress
 * forwarded to the main context with g_main_context_invoke().
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
sigap_report_write (const SigapReportOptions *options,
                    SigapProgressFunc         progress,
                    gpointer                  user_data,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  return sigap_report_write_full (options, NULL, progress, user_data, cancellable, error);
}

/* ---------------------------------------------------------------------------------------- */
/* In a worker thread                                                                       */

typedef struct
{
  SigapReportOptions *options;
  SigapReportInfo     info;
  GMainContext       *context;         /* where progress is reported */
  SigapProgressFunc   progress;
  gpointer            progress_data;
} WriteData;

typedef struct
{
  GTask  *task;                        /* keeps WriteData alive until the report is made */
  double  fraction;
} ProgressEvent;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->options, sigap_report_options_free);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressEvent *event = user_data;
  WriteData *data = g_task_get_task_data (event->task);

  if (!g_task_get_completed (event->task))
    data->progress (event->fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_event_free (ProgressEvent *event)
{
  g_clear_object (&event->task);
  g_free (event);
}

/* In the worker thread: hands the fraction to the caller's main context. */
static void
forward_progress (double   fraction,
                  gpointer user_data)
{
  GTask *task = user_data;
  WriteData *data = g_task_get_task_data (task);
  ProgressEvent *event = g_new0 (ProgressEvent, 1);
  GSource *source = g_idle_source_new ();

  /* Always a source on the caller's context, never g_main_context_invoke(): a worker thread
   * has no thread-default context, so invoke() may run the callback right here when the
   * default context is momentarily free. */
  event->task = g_object_ref (task);
  event->fraction = fraction;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_idle_cb, event, (GDestroyNotify) progress_event_free);
  g_source_set_static_name (source, "[sigap] briefing progress");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (sigap_report_write_full (data->options, &data->info,
                               data->progress != NULL ? forward_progress : NULL, task,
                               cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sigap_report_write_async:
 * @options: what to write; copied, so the caller may free it at once
 * @progress: (nullable) (scope notified): called in the calling thread's thread-default main
 *   context with the fraction done, until the report is finished
 * @progress_data: for @progress; must stay valid until @callback runs
 * @cancellable: (nullable): cancels the work; nothing is left at the destination
 * @callback: called in the calling thread's thread-default main context when done
 *
 * sigap_report_write_full() in a GTask thread, for the window's "Generate briefing…" dialog.
 */
void
sigap_report_write_async (const SigapReportOptions *options,
                          SigapProgressFunc         progress,
                          gpointer                  progress_data,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (WriteData, 1);
  data->options = sigap_report_options_copy (options);
  data->context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sigap_report_write_async);
  g_task_set_name (task, "[sigap] write briefing");
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  /* A cancelled briefing must still remove its temporary file: let the thread finish. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, write_thread);
}

/**
 * sigap_report_write_finish:
 * @info: (out caller-allocates) (optional): the page count and size written
 *
 * Returns: %TRUE when the briefing was written; %FALSE with @error set
 */
gboolean
sigap_report_write_finish (GAsyncResult     *result,
                           SigapReportInfo  *info,
                           GError          **error)
{
  GTask *task = G_TASK (result);
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == sigap_report_write_async, FALSE);

  ok = g_task_propagate_boolean (task, error);
  if (ok && info != NULL)
    *info = ((WriteData *) g_task_get_task_data (task))->info;

  return ok;
}
