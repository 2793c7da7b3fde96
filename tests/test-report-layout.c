/* test-report-layout.c: the briefing's page flow
 *
 * Lays out made-up blocks with SigapReportLayout, renders them into a PDF and reads each page
 * back with pdftotext: a table repeats its header on every page it reaches and never splits a
 * row, a heading never ends a page, a short table moves whole, the footer counts the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "report/sigap-report-layout.h"

#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define DEJAVU_BOLD "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

typedef struct
{
  HPDF_STATUS        error_no;
  HPDF_Doc           pdf;
  SigapPainter      *painter;
  SigapReportLayout *layout;
  char              *dir;
  char              *path;
  GPtrArray         *pages;   /* the text of each page */
} Fixture;

static void
error_cb (HPDF_STATUS  error_no,
          HPDF_STATUS  detail_no,
          void        *user_data)
{
  Fixture *fixture = user_data;

  if (fixture->error_no == HPDF_OK)
    fixture->error_no = error_no;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HPDF_Font regular, bold;

  if (!g_file_test (DEJAVU, G_FILE_TEST_EXISTS) || !g_file_test (DEJAVU_BOLD, G_FILE_TEST_EXISTS))
    return;

  fixture->pdf = HPDF_New (error_cb, fixture);
  HPDF_UseUTFEncodings (fixture->pdf);
  HPDF_SetCurrentEncoder (fixture->pdf, "UTF-8");
  regular = HPDF_GetFont (fixture->pdf, HPDF_LoadTTFontFromFile (fixture->pdf, DEJAVU, HPDF_TRUE),
                          "UTF-8");
  bold = HPDF_GetFont (fixture->pdf, HPDF_LoadTTFontFromFile (fixture->pdf, DEJAVU_BOLD,
                                                              HPDF_TRUE), "UTF-8");
  g_assert_cmpuint (fixture->error_no, ==, HPDF_OK);

  fixture->painter = sigap_hpdf_painter_new (fixture->pdf, regular, bold);
  fixture->layout = sigap_report_layout_new (SIGAP_HPDF_PAINTER (fixture->painter));
  sigap_report_layout_set_header (fixture->layout, "Kepala kiri", "Kepala kanan");
  sigap_report_layout_set_footer (fixture->layout, "Kaki", "Halaman %u dari %u");

  fixture->dir = g_dir_make_tmp ("sigap-layout-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "layout.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->painter);
  g_clear_pointer (&fixture->pdf, HPDF_Free);
  g_clear_pointer (&fixture->pages, g_ptr_array_unref);
  if (fixture->path != NULL)
    g_unlink (fixture->path);
  if (fixture->dir != NULL)
    g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A PDF tool: the path meson found (SIGAP_QPDF, SIGAP_PDFTOTEXT, ...), else the one on PATH,
 * else NULL. */
static char *
find_tool (const char *name)
{
  g_autofree char *variable = g_strconcat ("SIGAP_", name, NULL);
  const char *path;

  for (char *p = variable; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  path = g_getenv (variable);
  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_find_program_in_path (name);
}

static gboolean
skip (Fixture *fixture)
{
  g_autofree char *pdftotext = find_tool ("pdftotext");

  if (fixture->pdf == NULL)
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return TRUE;
    }
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return TRUE;
    }

  return FALSE;
}

/* Renders, saves and reads back every page's text. */
static guint
render (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n_pages = sigap_report_layout_paginate (fixture->layout);
  g_autofree char *pdftotext = find_tool ("pdftotext");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", fixture->path, "-", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  int status = -1;

  g_assert_true (sigap_report_layout_render (fixture->layout, fixture->pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (HPDF_SaveToFile (fixture->pdf, fixture->path), ==, HPDF_OK);
  g_assert_cmpuint (fixture->error_no, ==, HPDF_OK);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  pages = g_strsplit (out, "\f", -1);
  fixture->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pages[i] != NULL && i < n_pages; i++)
    g_ptr_array_add (fixture->pages, g_strdup (pages[i]));
  g_assert_cmpuint (fixture->pages->len, ==, n_pages);

  return n_pages;
}

static const char *
page_text (Fixture *fixture,
           guint    page)
{
  return g_ptr_array_index (fixture->pages, page);
}

/* Fills most of a page with paragraphs, so that what follows lands near its bottom. */
static void
fill_page (Fixture *fixture,
           guint    n_paragraphs)
{
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *text = g_strdup_printf ("Paragraf pengisi %u: Lorem ipsum dolor sit amet, "
                                               "consectetur adipiscing elit, sed do eiusmod "
                                               "tempor incididunt ut labore.", i);

      sigap_report_layout_add_paragraph (fixture->layout, SIGAP_REPORT_TEXT_BODY, text);
    }
}

/* A long table over several pages: the header on each, the rows whole and in order. */
static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SigapReportTable) table = sigap_report_table_new ();
  guint n_pages;
  guint table_pages = 0;

  if (skip (fixture))
    return;

  sigap_report_layout_add_heading (fixture->layout, 1, "Bagian Satu");
  fill_page (fixture, 12);
  sigap_report_layout_add_heading (fixture->layout, 2, "Tabel Panjang");

  sigap_report_table_add_column (table, "KolomNama", SIGAP_REPORT_ALIGN_LEFT, TRUE);
  sigap_report_table_add_column (table, "KolomAngka", SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint r = 0; r < 120; r++)
    {
      /* Every fifth row wraps over several lines: it must stay on one page. */
      g_autofree char *name = r % 5 == 0
        ? g_strdup_printf ("baris%03u-awal kata kata kata kata kata kata kata kata kata kata "
                           "kata kata kata kata kata kata kata kata kata kata kata kata kata "
                           "kata kata kata kata kata baris%03u-akhir", r, r)
        : g_strdup_printf ("baris%03u-awal baris%03u-akhir", r, r);
      g_autofree char *number = g_strdup_printf ("%u", r * 1000);
      const char *cells[] = { name, number };

      sigap_report_table_add_row (table, SIGAP_REPORT_ROW_NORMAL, cells);
    }
  sigap_report_layout_add_table (fixture->layout, table);
  sigap_report_layout_add_paragraph (fixture->layout, SIGAP_REPORT_TEXT_NOTE, "Catatan tabel.");

  n_pages = render (fixture);
  g_assert_cmpuint (n_pages, >=, 4);

  for (guint p = 0; p < n_pages; p++)
    {
      const char *text = page_text (fixture, p);
      g_autofree char *footer = g_strdup_printf ("Halaman %u dari %u", p + 1, n_pages);

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Kepala kiri"));

      if (strstr (text, "-awal") != NULL)
        {
          table_pages++;
          g_assert_nonnull (strstr (text, "KolomNama"));
          g_assert_nonnull (strstr (text, "KolomAngka"));
        }
    }
  g_assert_cmpuint (table_pages, >=, 3);

  /* Each row's first and last words on the same page; the rows in order. */
  for (guint r = 0; r < 120; r++)
    {
      g_autofree char *first = g_strdup_printf ("baris%03u-awal", r);
      g_autofree char *last = g_strdup_printf ("baris%03u-akhir", r);
      int first_page = -1, last_page = -1;

      for (guint p = 0; p < n_pages; p++)
        {
          if (strstr (page_text (fixture, p), first) != NULL)
            first_page = (int) p;
          if (strstr (page_text (fixture, p), last) != NULL)
            last_page = (int) p;
        }

      g_assert_cmpint (first_page, >=, 0);
      g_assert_cmpint (first_page, ==, last_page);
    }

  /* The note under the table ends on the table's last page. */
  g_assert_nonnull (strstr (page_text (fixture, n_pages - 1), "Catatan tabel."));
  g_assert_nonnull (strstr (page_text (fixture, n_pages - 1), "baris119-akhir"));
}

/* A heading that would fall at the bottom of a page goes with what follows: tried with ever
 * more text before it, so that it meets the page end at every offset. */
static void
test_heading_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  if (skip (fixture))
    return;

  for (guint n = 28; n < 40; n++)
    {
      Fixture local = { 0 };

      fixture_set_up (&local, NULL);
      sigap_report_layout_add_heading (local.layout, 1, "Bagian Satu");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = g_strdup_printf ("Baris %u.", i);

          sigap_report_layout_add_paragraph (local.layout, SIGAP_REPORT_TEXT_BODY, text);
        }
      sigap_report_layout_add_heading (local.layout, 2, "Judul Bawah");
      sigap_report_layout_add_paragraph (local.layout, SIGAP_REPORT_TEXT_BODY,
                                         "Paragraf pertama di bawah judul, cukup panjang untuk "
                                         "dua baris atau lebih: lorem ipsum dolor sit amet, "
                                         "consectetur adipiscing elit.");

      render (&local);
      for (guint p = 0; p < local.pages->len; p++)
        {
          const char *heading = strstr (page_text (&local, p), "Judul Bawah");

          if (heading != NULL)
            g_assert_nonnull (strstr (heading, "Paragraf pertama"));
        }

      {
        guint level, page;

        g_assert_cmpstr (sigap_report_layout_get_heading (local.layout, 1, &level, &page), ==,
                         "Judul Bawah");
        g_assert_cmpuint (level, ==, 2);
        g_assert_nonnull (strstr (page_text (&local, page - 1), "Judul Bawah"));
      }

      fixture_tear_down (&local, NULL);
    }
}

/* A short table that does not fit what is left of a page moves whole, with its caption. */
static void
test_short_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SigapReportTable) table = sigap_report_table_new ();

  if (skip (fixture))
    return;

  sigap_report_layout_add_heading (fixture->layout, 1, "Bagian Satu");
  fill_page (fixture, 14);
  sigap_report_layout_add_paragraph (fixture->layout, SIGAP_REPORT_TEXT_CAPTION,
                                     "Tabel 1. Pendek");
  sigap_report_table_add_column (table, "Bulan", SIGAP_REPORT_ALIGN_LEFT, FALSE);
  sigap_report_table_add_column (table, "Aktif", SIGAP_REPORT_ALIGN_RIGHT, FALSE);
  for (guint r = 0; r < 10; r++)
    {
      g_autofree char *month = g_strdup_printf ("bulan-%u", r);
      const char *cells[] = { month, "1.000" };

      sigap_report_table_add_row (table, SIGAP_REPORT_ROW_NORMAL, cells);
    }
  sigap_report_table_add_row_take (table, SIGAP_REPORT_ROW_TOTAL, g_strdup ("Jumlah"),
                                   g_strdup ("10.000"), NULL);
  sigap_report_layout_add_table (fixture->layout, table);

  render (fixture);
  for (guint p = 0; p < fixture->pages->len; p++)
    {
      const char *text = page_text (fixture, p);

      if (strstr (text, "bulan-0") != NULL || strstr (text, "Tabel 1. Pendek") != NULL)
        {
          g_assert_nonnull (strstr (text, "Tabel 1. Pendek"));
          g_assert_nonnull (strstr (text, "bulan-0"));
          g_assert_nonnull (strstr (text, "bulan-9"));
          g_assert_nonnull (strstr (text, "Jumlah"));
        }
    }
}

/* Text wrapping: measured breaks at spaces, hard breaks kept, long words cut. */
static void
test_wrap (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) cut = NULL;

  if (fixture->pdf == NULL)
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return;
    }

  sigap_report_use_font (fixture->painter, 10, SIGAP_FONT_WEIGHT_NORMAL);
  lines = sigap_report_wrap_text (fixture->painter,
                                  "Cakupan antarkecamatan berkisar dari Pondokmelati (67,1%) "
                                  "sampai Bantargebang (117,5%).\nBaris baru.", 200);
  g_assert_cmpuint (lines->len, >=, 3);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpfloat (sigap_text_fit_width (fixture->painter, g_ptr_array_index (lines, i)),
                       <=, 200);
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "Baris baru.");

  cut = sigap_report_wrap_text (fixture->painter, "Kaliabangtengahharapanjayaperwira", 60);
  g_assert_cmpuint (cut->len, >=, 2);
}

/* Names are never split: a word too wide for the line is shortened with an ellipsis, never
 * cut or hyphenated ("Jatisam" over "purna" reads as two places); lines break at spaces. */
static void
test_wrap_names (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *names[] = { "Mustikajaya", "Jatisampurna" };

  if (fixture->pdf == NULL)
    {
      g_test_skip ("DejaVu Sans is not installed (fonts-dejavu-core)");
      return;
    }

  sigap_report_use_font (fixture->painter, 8.5, SIGAP_FONT_WEIGHT_NORMAL);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (double width = 6; width <= 90; width += 2)
      {
        g_autofree char *text = g_strdup_printf ("Kecamatan %s", names[n]);
        g_autoptr(GPtrArray) lines = sigap_report_wrap_names (fixture->painter, text, width);

        for (guint i = 0; i < lines->len; i++)
          {
            const char *line = g_ptr_array_index (lines, i);

            g_assert_false (g_str_has_suffix (line, "-"));
            if (strstr (line, "\u2026") == NULL)
              {
                /* Whole words only. */
                g_assert_true (g_strcmp0 (line, "Kecamatan") == 0 ||
                               g_strcmp0 (line, names[n]) == 0 || g_strcmp0 (line, text) == 0);
              }
            else
              {
                g_autofree char *stem = g_strndup (line, strstr (line, "\u2026") - line);

                g_assert_true (g_str_has_suffix (line, "\u2026"));
                g_assert_true (g_str_has_prefix (names[n], stem) ||
                               g_str_has_prefix ("Kecamatan", stem));
              }
            g_assert_cmpfloat (sigap_text_fit_width (fixture->painter, line), <=,
                               MAX (width, sigap_text_fit_width (fixture->painter, "\u2026"))
                               + 1e-6);
          }

        /* Wide enough for the name: it is whole, on a line of its own at most. */
        if (sigap_text_fit_width (fixture->painter, names[n]) <= width)
          {
            gboolean found = FALSE;

            for (guint i = 0; i < lines->len; i++)
              found |= strstr (g_ptr_array_index (lines, i), names[n]) != NULL;
            g_assert_true (found);
          }
      }
}

/* How many of the rows "baris-00" .. are on @text. */
static guint
count_rows (const char *text,
            guint       n_rows)
{
  guint count = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *name = g_strdup_printf ("baris-%02u", r);

      count += strstr (text, name) != NULL ? 1 : 0;
    }

  return count;
}

/* A long table meets the page end at every offset: each page it reaches holds at least three
 * of its rows and its header, and the note under it is never alone at the top of a page, even
 * when the note is three lines, too short to break. */
static void
test_table_orphans (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint n_rows = 24;

  if (skip (fixture))
    return;

  for (guint n = 20; n < 52; n++)
    {
      Fixture local = { 0 };
      g_autoptr(SigapReportTable) table = sigap_report_table_new ();
      int last_row_page = -1, note_page = -1;

      fixture_set_up (&local, NULL);
      sigap_report_layout_add_heading (local.layout, 1, "Bagian Satu");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = g_strdup_printf ("Pengisi %u.", i);

          sigap_report_layout_add_paragraph (local.layout, SIGAP_REPORT_TEXT_BODY, text);
        }
      sigap_report_layout_add_paragraph (local.layout, SIGAP_REPORT_TEXT_CAPTION,
                                         "Tabel 1. Panjang");
      sigap_report_table_add_column (table, "KolomNama", SIGAP_REPORT_ALIGN_LEFT, TRUE);
      sigap_report_table_add_column (table, "KolomAngka", SIGAP_REPORT_ALIGN_RIGHT, FALSE);
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *name = g_strdup_printf ("baris-%02u", r);
          const char *cells[] = { name, "1.000" };

          sigap_report_table_add_row (table, SIGAP_REPORT_ROW_NORMAL, cells);
        }
      sigap_report_layout_add_table (local.layout, table);
      sigap_report_layout_add_paragraph (local.layout, SIGAP_REPORT_TEXT_NOTE,
                                         "Catatan-tabel pertama. Lorem ipsum dolor sit amet, "
                                         "consectetur adipiscing elit, sed do eiusmod tempor "
                                         "incididunt ut labore et dolore magna aliqua. Ut enim "
                                         "ad minim veniam, quis nostrud exercitation ullamco "
                                         "laboris nisi ut aliquip ex ea commodo consequat. Duis "
                                         "aute irure dolor in reprehenderit in voluptate velit "
                                         "esse cillum dolore eu fugiat nulla pariatur penutup.");

      render (&local);
      for (guint p = 0; p < local.pages->len; p++)
        {
          const char *text = page_text (&local, p);
          guint rows = count_rows (text, n_rows);

          if (rows > 0)
            {
              g_assert_cmpuint (rows, >=, 3);
              g_assert_nonnull (strstr (text, "KolomNama"));
            }
          if (strstr (text, "baris-23") != NULL)
            last_row_page = (int) p;
          if (strstr (text, "Catatan-tabel") != NULL)
            note_page = (int) p;
          if (strstr (text, "penutup") != NULL)
            g_assert_cmpint (note_page, ==, (int) p);
        }
      g_assert_cmpint (last_row_page, >=, 0);
      g_assert_cmpint (note_page, ==, last_row_page);

      fixture_tear_down (&local, NULL);
    }
}

/* A section starts a page, but not when half the page above is still empty and the whole
 * section fits there; a section too long for the rest of the page still starts a new one. */
static void
test_section_fills_page (Fixture       *fixture,
                         gconstpointer  data)
{
  Fixture local = { 0 };

  if (skip (fixture))
    return;

  /* A short section after a short one: on the same page. */
  sigap_report_layout_add_heading (fixture->layout, 1, "Bagian Satu");
  fill_page (fixture, 4);
  sigap_report_layout_add_heading (fixture->layout, 1, "Bagian Dua");
  fill_page (fixture, 3);
  g_assert_cmpuint (render (fixture), ==, 1);
  g_assert_nonnull (strstr (page_text (fixture, 0), "Bagian Dua"));

  /* The same short section after a page more than half full: a new page. */
  fixture_set_up (&local, NULL);
  sigap_report_layout_add_heading (local.layout, 1, "Bagian Satu");
  fill_page (&local, 14);
  sigap_report_layout_add_heading (local.layout, 1, "Bagian Dua");
  fill_page (&local, 3);
  g_assert_cmpuint (render (&local), ==, 2);
  g_assert_nonnull (strstr (page_text (&local, 1), "Bagian Dua"));
  fixture_tear_down (&local, NULL);

  /* A section longer than what is left: a new page, not a split across a half-empty one. */
  memset (&local, 0, sizeof local);
  fixture_set_up (&local, NULL);
  sigap_report_layout_add_heading (local.layout, 1, "Bagian Satu");
  fill_page (&local, 4);
  sigap_report_layout_add_heading (local.layout, 1, "Bagian Dua");
  fill_page (&local, 16);
  render (&local);
  g_assert_null (strstr (page_text (&local, 0), "Bagian Dua"));
  g_assert_nonnull (strstr (page_text (&local, 1), "Bagian Dua"));
  fixture_tear_down (&local, NULL);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sigap/report-layout/long-table", Fixture, NULL,
              fixture_set_up, test_long_table, fixture_tear_down);
  g_test_add ("/sigap/report-layout/heading-kept", Fixture, NULL,
              fixture_set_up, test_heading_kept, fixture_tear_down);
  g_test_add ("/sigap/report-layout/short-table", Fixture, NULL,
              fixture_set_up, test_short_table, fixture_tear_down);
  g_test_add ("/sigap/report-layout/wrap-names", Fixture, NULL,
              fixture_set_up, test_wrap_names, fixture_tear_down);
  g_test_add ("/sigap/report-layout/table-orphans", Fixture, NULL,
              fixture_set_up, test_table_orphans, fixture_tear_down);
  g_test_add ("/sigap/report-layout/section-fills-page", Fixture, NULL,
              fixture_set_up, test_section_fills_page, fixture_tear_down);
  g_test_add ("/sigap/report-layout/wrap", Fixture, NULL,
              fixture_set_up, test_wrap, fixture_tear_down);

  return g_test_run ();
}
