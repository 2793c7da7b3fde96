/* sigap-data-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapDataPage, "Data": what the imports left in the database. The import batches, newest
 * first, with their counts; the rejected lines of a batch (line, column, reason), a page at a
 * time, and "Save rejected lines…" to hand them back to the office that sent the file; the
 * data-quality notes on accepted participants, counted by kind, and the participants behind a
 * kind, a page at a time.
 *
 * Personal data stay hidden: a participant shows with sigap_nik_mask()'s NIK, never the whole
 * number, and any long run of digits in a text from the file (a reason, a column name) is
 * masked the same way before it reaches a label. The raw lines, which do hold whole NIKs, are
 * only written to the file the user asks for.
 *
 * The batches do not depend on the filter; the data-quality notes follow it, counted by
 * sigap_figures_quality() as the briefing's "Catatan" counts them: the participants
 * registered on or before the as-of date in the filter's scope and segment. The page loads
 * again whenever the source changes, which is how it sees a new batch after an import.
 */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <inttypes.h>

#include <string.h>

#include "core/sigap-figures.h"
#include "core/sigap-format.h"
#include "sigap-a11y.h"
#include "sigap-data-page.h"
#include "sigap-table-menu.h"
#include "sigap-import-dialog.h"

/* Rows of a detail list fetched at a time. */
#define PAGE_SIZE 100

typedef struct
{
  GPtrArray   *batches;                     /* SigapImportBatch, newest first */
  gint64       counts[SIGAP_PARTICIPANT_FLAG_N];
  SigapFilter *filter;                      /* what the counts are for */
  char        *scope_name;
} DataResult;

typedef struct
{
  gint64               batch_id;
  SigapParticipantFlag flag;
  gint64               offset;
} DetailRequest;

struct _SigapDataPage
{
  SigapPage            parent_instance;

  GtkStack            *stack;
  GtkLabel            *subheading_label;
  GtkWidget           *import_button;
  AdwPreferencesGroup *batches_group;
  AdwPreferencesGroup *flags_group;
  GtkLabel            *rejections_title;
  GtkLabel            *rejections_subtitle;
  GtkListBox          *rejections_list;
  GtkWidget           *rejections_more;
  GtkWidget           *save_rejects_button;
  GtkLabel            *flags_title;
  GtkLabel            *flags_subtitle;
  GtkListBox          *flags_list;
  GtkWidget           *flags_more;

  GPtrArray           *batch_rows;
  GPtrArray           *flag_rows;
  DataResult          *current;
  char                *loaded_path;

  /* The detail shown: a batch's rejections or the participants with a flag. */
  gint64               batch_id;
  SigapParticipantFlag flag;
  gint64               n_shown;
  GCancellable        *detail_cancellable;

  SigapLang            lang;

  /* What the role may do (sigap_data_page_set_capabilities ()). */
  SigapDatabaseCapabilities capabilities;
  char                *role;
};

G_DEFINE_FINAL_TYPE (SigapDataPage, sigap_data_page, SIGAP_TYPE_PAGE)

static void
data_result_free (DataResult *result)
{
  g_clear_pointer (&result->batches, g_ptr_array_unref);
  g_clear_pointer (&result->filter, sigap_filter_free);
  g_free (result->scope_name);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DataResult, data_result_free)

/* ---------------------------------------------------------------------------------------- */
/* Jobs, run in worker threads.                                                             */

static gpointer
compute_data (SigapDatabase      *db,
              const SigapFilter  *filter,
              gpointer            data,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(DataResult) result = g_new0 (DataResult, 1);

  result->batches = sigap_import_list_batches (db, error);
  if (result->batches == NULL)
    return NULL;

  /* The notes of the participants the filter takes in, as the briefing counts them. */
  {
    g_autoptr(SigapSummary) summary = sigap_figures_summary_counts (db, filter, error);
    SigapQuality quality;

    if (summary == NULL || !sigap_figures_quality (db, filter, &quality, error))
      return NULL;

    memcpy (result->counts, quality.counts, sizeof result->counts);
    result->filter = sigap_filter_copy (filter);
    result->scope_name = g_strdup (summary->scope_name);
  }

  return g_steal_pointer (&result);
}

/* A page of a batch's rejected lines and, with the first page, the lines it noted. */
typedef struct
{
  GPtrArray *rejections;
  GPtrArray *flags;       /* NULL after the first page */
} BatchLines;

static void
batch_lines_free (BatchLines *lines)
{
  g_clear_pointer (&lines->rejections, g_ptr_array_unref);
  g_clear_pointer (&lines->flags, g_ptr_array_unref);
  g_free (lines);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatchLines, batch_lines_free)

/* One more than a page, to know whether there are more. */
static gpointer
compute_rejections (SigapDatabase      *db,
                    const SigapFilter  *filter,
                    gpointer            data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  const DetailRequest *request = data;
  g_autoptr(BatchLines) lines = g_new0 (BatchLines, 1);

  lines->rejections = sigap_import_list_rejections (db, request->batch_id, request->offset,
                                                    PAGE_SIZE + 1, error);
  if (lines->rejections == NULL)
    return NULL;
  if (request->offset == 0)
    {
      lines->flags = sigap_import_list_batch_flags (db, request->batch_id, PAGE_SIZE, error);
      if (lines->flags == NULL)
        return NULL;
    }
  return g_steal_pointer (&lines);
}

static gpointer
compute_flags (SigapDatabase      *db,
               const SigapFilter  *filter,
               gpointer            data,
               GCancellable       *cancellable,
               GError            **error)
{
  const DetailRequest *request = data;

  return sigap_import_list_flags_for (db, filter, request->flag, request->offset, PAGE_SIZE + 1,
                                      error);
}

/* ---------------------------------------------------------------------------------------- */
/* Text.                                                                                    */

static const char *
kind_label (const char *kind)
{
  SigapImportKind import_kind;

  if (g_strcmp0 (kind, "demo") == 0)
    return _("Demo data");

  if (!sigap_import_kind_parse (kind, &import_kind))
    return kind;

  switch (import_kind)
    {
    case SIGAP_IMPORT_PARTICIPANTS:
      return _("Participants");
    case SIGAP_IMPORT_TARGETS:
      return _("Targets");
    case SIGAP_IMPORT_BUDGET:
      return _("Budget");
    case SIGAP_IMPORT_PAYMENTS:
      return _("Payments");
    default:
      return kind;
    }
}

/* "21 Nov 2026, 14:24", in local time. */
static char *
format_imported_at (const char *iso,
                    SigapLang   lang)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date_text = NULL;
  GDate date;

  if (when == NULL)
    return g_strdup (iso != NULL ? iso : SIGAP_FORMAT_NO_VALUE);

  local = g_date_time_to_local (when);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  date_text = sigap_format_date (&date, lang, TRUE);

  /* TRANSLATORS: when a file was imported: the date, then hours and minutes */
  return g_strdup_printf (_("%s, %02d:%02d"), date_text, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

/* "Read 5 · Added 3 · Updated 0 · Unchanged 0 · Rejected 2 · Flagged 1" */
static char *
format_counts (const SigapImportBatch *batch,
               SigapLang               lang)
{
  const struct { const char *label; gint64 value; } counts[] = {
    { _("Read"), batch->read },
    { _("Added"), batch->added },
    { _("Updated"), batch->updated },
    { _("Unchanged"), batch->unchanged },
    { _("Rejected"), batch->rejected },
    { _("Flagged"), batch->flagged },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *value = sigap_format_count (counts[i].value, lang);

      if (i > 0)
        g_string_append (out, " · ");
      /* TRANSLATORS: one count of an import: "Added 980" */
      g_string_append_printf (out, C_("import count", "%s %s"), counts[i].label, value);
    }

  return g_string_free (out, FALSE);
}

static char *
flag_detail_text (const SigapParticipantFlagRow *row)
{
  if (row->detail == NULL)
    return NULL;

  switch (row->flag)
    {
    case SIGAP_PARTICIPANT_FLAG_DESIL:
      /* TRANSLATORS: a participant's desil (welfare decile), 1 to 10 */
      return g_strdup_printf (_("Desil %s"), row->detail);
    case SIGAP_PARTICIPANT_FLAG_NIK_REGION:
      /* TRANSLATORS: the region code in a NIK: "NIK region 32.01" */
      return g_strdup_printf (_("NIK region %s"), row->detail);
    case SIGAP_PARTICIPANT_FLAG_AGE:
      /* TRANSLATORS: %s is an age in years */
      return g_strdup_printf (_("Aged %s at registration"), row->detail);
    case SIGAP_PARTICIPANT_FLAG_KPJ_MISSING:
    case SIGAP_PARTICIPANT_FLAG_DESIL_MISSING:
    default:
      return g_strdup (row->detail);
    }
}

static const SigapImportBatch *
find_batch (SigapDataPage *self,
            gint64         batch_id)
{
  if (self->current == NULL)
    return NULL;

  for (guint i = 0; i < self->current->batches->len; i++)
    {
      const SigapImportBatch *batch = g_ptr_array_index (self->current->batches, i);

      if (batch->id == batch_id)
        return batch;
    }

  return NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
message_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
count_label (gint64    value,
             SigapLang lang)
{
  g_autofree char *text = sigap_format_count (value, lang);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* ---------------------------------------------------------------------------------------- */
/* The details.                                                                             */

static void
cancel_detail (SigapDataPage *self)
{
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
}

static void
rejections_done_cb (SigapPage    *page,
                    gpointer      data,
                    const GError *error)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (page);
  g_autoptr(BatchLines) lines = data;
  GPtrArray *rejections;
  guint n;

  if (lines == NULL)
    return;
  rejections = lines->rejections;

  /* The lines accepted with a data-quality note come first, so that "Flagged 5" says which:
   * "Line 4 · note", "NIK 3275********0001: Desil 7, outside the target". */
  for (guint i = 0; lines->flags != NULL && i < lines->flags->len; i++)
    {
      const SigapParticipantFlagRow *flag_row = g_ptr_array_index (lines->flags, i);
      g_autofree char *line = sigap_format_count (flag_row->line, self->lang);
      g_autofree char *reason = sigap_participant_flag_describe (flag_row->flag, flag_row->detail);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: an accepted line with a data-quality note: "Line 12 · note" */
      title = g_strdup_printf (_("Line %s · note"), line);
      subtitle = g_strdup_printf ("NIK %s: %s", flag_row->nik_masked, reason);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "flagged-line");
      gtk_list_box_append (self->rejections_list, row);
    }

  n = MIN (rejections->len, PAGE_SIZE);
  for (guint i = 0; i < n; i++)
    {
      const SigapImportRejection *rejection = g_ptr_array_index (rejections, i);
      g_autofree char *line = sigap_format_count (rejection->line, self->lang);
      g_autofree char *column = sigap_import_mask_digits (rejection->column);
      g_autofree char *reason = sigap_import_mask_digits (rejection->reason);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (column != NULL)
        /* TRANSLATORS: a rejected line: "Line 12 · nik" (the column) */
        title = g_strdup_printf (_("Line %s · %s"), line, column);
      else
        title = g_strdup_printf (_("Line %s"), line);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : "");
      gtk_list_box_append (self->rejections_list, row);
    }

  if (self->n_shown == 0 && n == 0)
    gtk_list_box_append (self->rejections_list, message_row (_("No line was rejected")));

  self->n_shown += n;
  gtk_widget_set_visible (self->rejections_more, rejections->len > PAGE_SIZE);
}

static void
load_rejections (SigapDataPage *self)
{
  DetailRequest *request = g_new0 (DetailRequest, 1);

  cancel_detail (self);
  self->detail_cancellable = g_cancellable_new ();
  request->batch_id = self->batch_id;
  request->offset = self->n_shown;
  sigap_page_run_query (SIGAP_PAGE (self), compute_rejections, request, g_free,
                        (GDestroyNotify) batch_lines_free, self->detail_cancellable,
                        rejections_done_cb);
}

static void
show_rejections_heading (SigapDataPage *self)
{
  const SigapImportBatch *batch = find_batch (self, self->batch_id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (batch != NULL)
    {
      g_autofree char *name = sigap_import_mask_digits (batch->file_name);
      g_autofree char *count = sigap_format_count (batch->rejected, self->lang);
      g_autofree char *when = format_imported_at (batch->imported_at, self->lang);

      /* TRANSLATORS: heading; %s is a file name */
      title = g_strdup_printf (_("Rejected lines of %s"), name);
      /* TRANSLATORS: the number of lines rejected, then when the file was imported */
      subtitle = g_strdup_printf (ngettext ("%s line rejected · imported %s",
                                            "%s lines rejected · imported %s",
                                            (gulong) batch->rejected),
                                  count, when);
    }

  gtk_label_set_label (self->rejections_title, title != NULL ? title : _("Rejected lines"));
  gtk_label_set_label (self->rejections_subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.save-rejects",
                                 batch != NULL && batch->rejected > 0);
}

static void
flags_done_cb (SigapPage    *page,
               gpointer      data,
               const GError *error)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (page);
  g_autoptr(GPtrArray) rows = data;
  guint n;

  if (rows == NULL)
    return;

  n = MIN (rows->len, PAGE_SIZE);
  for (guint i = 0; i < n; i++)
    {
      const SigapParticipantFlagRow *flag_row = g_ptr_array_index (rows, i);
      g_autofree char *detail = flag_detail_text (flag_row);
      g_autofree char *name = sigap_import_mask_digits (flag_row->name);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      title = g_strdup_printf ("%s · %s", flag_row->nik_masked, name != NULL ? name : "");
      if (detail != NULL)
        g_string_append (subtitle, detail);
      if (flag_row->batch_id > 0 && flag_row->line > 0)
        {
          g_autofree char *line = sigap_format_count (flag_row->line, self->lang);

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* TRANSLATORS: where a data-quality note comes from: "Import 3, line 12" */
          g_string_append_printf (subtitle, _("Import %" PRId64 ", line %s"),
                                  (int64_t) flag_row->batch_id, line);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->flags_list, row);
    }

  if (self->n_shown == 0 && n == 0)
    gtk_list_box_append (self->flags_list, message_row (_("No participant has this note")));

  self->n_shown += n;
  gtk_widget_set_visible (self->flags_more, rows->len > PAGE_SIZE);
}

static void
load_flags (SigapDataPage *self)
{
  DetailRequest *request = g_new0 (DetailRequest, 1);

  cancel_detail (self);
  self->detail_cancellable = g_cancellable_new ();
  request->flag = self->flag;
  request->offset = self->n_shown;
  sigap_page_run_query (SIGAP_PAGE (self), compute_flags, request, g_free,
                        (GDestroyNotify) g_ptr_array_unref, self->detail_cancellable,
                        flags_done_cb);
}

static void
show_flags_heading (SigapDataPage *self)
{
  gint64 count = self->current != NULL ? self->current->counts[self->flag] : 0;
  g_autofree char *count_text = sigap_format_count (count, self->lang);
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->flags_title, sigap_participant_flag_get_label (self->flag));
  subtitle = g_strdup_printf (ngettext ("%s participant · NIK shown masked",
                                        "%s participants · NIK shown masked", (gulong) count),
                              count_text);
  gtk_label_set_label (self->flags_subtitle, subtitle);
}

static void
more_clicked_cb (SigapDataPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->stack);

  if (sigap_page_get_db_path (SIGAP_PAGE (self)) == NULL)
    return;

  if (g_strcmp0 (view, "rejections") == 0)
    load_rejections (self);
  else if (g_strcmp0 (view, "flags") == 0)
    load_flags (self);
}

/* Starts the detail shown over from its first line. */
static void
reload_detail (SigapDataPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->stack);

  self->n_shown = 0;
  if (g_strcmp0 (view, "rejections") == 0)
    {
      clear_list (self->rejections_list);
      gtk_widget_set_visible (self->rejections_more, FALSE);
      show_rejections_heading (self);
      if (sigap_page_get_db_path (SIGAP_PAGE (self)) != NULL)
        load_rejections (self);
    }
  else if (g_strcmp0 (view, "flags") == 0)
    {
      clear_list (self->flags_list);
      gtk_widget_set_visible (self->flags_more, FALSE);
      show_flags_heading (self);
      if (sigap_page_get_db_path (SIGAP_PAGE (self)) != NULL)
        load_flags (self);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* The overview.                                                                            */

static void
batch_activated_cb (AdwActionRow  *row,
                    SigapDataPage *self)
{
  gint64 batch_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "batch-id"));

  sigap_data_page_show_rejections (self, batch_id);
}

static void
flag_activated_cb (AdwActionRow  *row,
                   SigapDataPage *self)
{
  int flag = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "flag"));

  sigap_data_page_show_flags (self, (SigapParticipantFlag) flag);
}

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_batches (SigapDataPage    *self,
              const DataResult *result)
{
  clear_group (self->batches_group, self->batch_rows);

  if (result->batches->len == 0)
    {
      GtkWidget *row = message_row ((self->capabilities & SIGAP_DATABASE_CAN_IMPORT) != 0
                                    ? _("Nothing imported yet: use Import CSV… or drop a CSV "
                                        "file on the window")
                                    : _("Nothing imported yet"));

      adw_preferences_group_add (self->batches_group, row);
      g_ptr_array_add (self->batch_rows, row);
      return;
    }

  for (guint i = 0; i < result->batches->len; i++)
    {
      const SigapImportBatch *batch = g_ptr_array_index (result->batches, i);
      g_autofree char *name = sigap_import_mask_digits (batch->file_name);
      g_autofree char *when = format_imported_at (batch->imported_at, self->lang);
      g_autofree char *counts = format_counts (batch, self->lang);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (batch->imported_by != NULL)
        /* TRANSLATORS: under an import's file name: what it held, when, who imported it
         * (a database role or a user name), then its counts */
        subtitle = g_strdup_printf (_("%s · %s, by %s\n%s"), kind_label (batch->kind), when,
                                    batch->imported_by, counts);
      else
        /* TRANSLATORS: under an import's file name: what it held, when, then its counts */
        subtitle = g_strdup_printf (_("%s · %s\n%s"), kind_label (batch->kind), when, counts);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     name != NULL && *name != '\0' ? name : kind_label (batch->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "batch-id", GSIZE_TO_POINTER ((gsize) batch->id));

      if (batch->rejected > 0)
        {
          g_autofree char *count = sigap_format_count (batch->rejected, self->lang);
          g_autofree char *text = NULL;
          GtkWidget *badge;

          /* TRANSLATORS: beside an import: "2 rejected" */
          text = g_strdup_printf (ngettext ("%s rejected", "%s rejected", (gulong) batch->rejected),
                                  count);
          badge = gtk_label_new (text);
          gtk_widget_add_css_class (badge, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
          sigap_a11y_name_row_value (row, text);
          /* The lines themselves hold NIKs: for the roles that may read them. */
          if ((self->capabilities & SIGAP_DATABASE_CAN_READ_REJECTS) != 0)
            {
              adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                         gtk_image_new_from_icon_name ("go-next-symbolic"));
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              g_signal_connect (row, "activated", G_CALLBACK (batch_activated_cb), self);
            }
        }

      adw_preferences_group_add (self->batches_group, row);
      g_ptr_array_add (self->batch_rows, row);
    }
}

static void
show_flags (SigapDataPage    *self,
            const DataResult *result)
{
  clear_group (self->flags_group, self->flag_rows);

  {
    g_autofree char *as_of = sigap_format_date (&result->filter->as_of, self->lang, FALSE);
    g_autofree char *description = NULL;

    /* TRANSLATORS: under "Data-quality notes": which participants are counted, by the
     * window's filter: "… registered by 31 October 2026 in Bekasi Utara, Vulnerable workers" */
    description = g_strdup_printf (_("Participants accepted with a note, to check with the "
                                     "office that sent them: of those registered by %s in %s, "
                                     "%s."), as_of,
                                   result->scope_name,
                                   sigap_segment_get_label (result->filter->segment));
    adw_preferences_group_set_description (self->flags_group, description);
  }

  for (int flag = 0; flag < SIGAP_PARTICIPANT_FLAG_N; flag++)
    {
      gint64 count = result->counts[flag];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sigap_participant_flag_get_label (flag));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label (count, self->lang));
      {
        g_autofree char *count_text = sigap_format_count (count, self->lang);

        sigap_a11y_name_row_value (row, count_text);
      }
      g_object_set_data (G_OBJECT (row), "flag", GINT_TO_POINTER (flag));

      if (count > 0 && (self->capabilities & SIGAP_DATABASE_CAN_READ_PERSONAL) != 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (flag_activated_cb), self);
        }

      adw_preferences_group_add (self->flags_group, row);
      g_ptr_array_add (self->flag_rows, row);
    }
}

static void
data_done_cb (SigapPage    *page,
              gpointer      data,
              const GError *error)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (page);
  g_autofree char *basename = NULL;
  g_autofree char *subheading = NULL;

  if (data == NULL)
    return;

  g_clear_pointer (&self->current, data_result_free);
  self->current = data;

  /* A server's database by its name: its URI may hold a password. */
  if (sigap_database_path_is_server (sigap_page_get_db_path (page)))
    basename = sigap_database_display_location (sigap_page_get_db_path (page));
  else
    basename = g_filename_display_basename (sigap_page_get_db_path (page));
  if ((self->capabilities & SIGAP_DATABASE_CAN_READ_PERSONAL) == 0 ||
      (self->capabilities & SIGAP_DATABASE_CAN_READ_REJECTS) == 0)
    /* TRANSLATORS: under the Data page's heading for a role that reads figures only: the
     * database, then the role */
    subheading = g_strdup_printf (_("What was imported into %s. The role “%s” sees the counts "
                                    "only: importing, rejected lines and participants need "
                                    "the sigap_operator role."), basename,
                                  self->role != NULL ? self->role : "?");
  else
    /* TRANSLATORS: under the Data page's heading; %s is the database file */
    subheading = g_strdup_printf (_("What was imported into %s, and what to check"), basename);
  gtk_label_set_label (self->subheading_label, subheading);

  show_batches (self, self->current);
  show_flags (self, self->current);

  /* The counts in a detail's heading come from here. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "rejections") == 0)
    show_rejections_heading (self);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "flags") == 0)
    show_flags_heading (self);
}

static void
sigap_data_page_load (SigapPage *page)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (page);
  const char *path = sigap_page_get_db_path (page);

  /* Another database: its batches are not the ones a detail was about. */
  if (g_strcmp0 (self->loaded_path, path) != 0)
    {
      g_free (self->loaded_path);
      self->loaded_path = g_strdup (path);
      sigap_data_page_show_overview (self);
    }

  sigap_page_run_query (page, compute_data, NULL, NULL, (GDestroyNotify) data_result_free,
                        NULL, data_done_cb);
  reload_detail (self);
}

/* ---------------------------------------------------------------------------------------- */

static void
back_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sigap_data_page_show_overview (SIGAP_DATA_PAGE (widget));
}

static void
save_rejects_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (widget);
  const SigapImportBatch *batch = find_batch (self, self->batch_id);
  const char *path = sigap_page_get_db_path (SIGAP_PAGE (self));

  if (batch == NULL || path == NULL)
    return;

  sigap_import_save_rejects_interactive (widget, path, batch->id, batch->file_name);
}

static void
sigap_data_page_dispose (GObject *object)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (object);

  cancel_detail (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), SIGAP_TYPE_DATA_PAGE);

  G_OBJECT_CLASS (sigap_data_page_parent_class)->dispose (object);
}

static void
sigap_data_page_finalize (GObject *object)
{
  SigapDataPage *self = SIGAP_DATA_PAGE (object);

  g_clear_pointer (&self->current, data_result_free);
  g_clear_pointer (&self->batch_rows, g_ptr_array_unref);
  g_clear_pointer (&self->flag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->loaded_path, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (sigap_data_page_parent_class)->finalize (object);
}

static void
sigap_data_page_class_init (SigapDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SigapPageClass *page_class = SIGAP_PAGE_CLASS (klass);

  object_class->dispose = sigap_data_page_dispose;
  object_class->finalize = sigap_data_page_finalize;
  page_class->load = sigap_data_page_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sigap-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, batches_group);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, rejections_title);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, rejections_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, rejections_list);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, rejections_more);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, save_rejects_button);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, flags_title);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, flags_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, flags_list);
  gtk_widget_class_bind_template_child (widget_class, SigapDataPage, flags_more);

  gtk_widget_class_install_action (widget_class, "data.back", NULL, back_activated_cb);
  gtk_widget_class_install_action (widget_class, "data.save-rejects", NULL,
                                   save_rejects_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "data.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "data.back",
                                       NULL);
}

static void
sigap_data_page_init (SigapDataPage *self)
{
  GtkWidget *quality_menu;

  gtk_widget_init_template (GTK_WIDGET (self));
  sigap_a11y_fix_access_keys (GTK_WIDGET (self));

  self->lang = sigap_lang_from_locale ();
  self->capabilities = SIGAP_DATABASE_CAN_ALL;
  self->batch_rows = g_ptr_array_new ();
  self->flag_rows = g_ptr_array_new ();

  /* The notes' counts follow the window's filter, as their sheet of the export does. */
  quality_menu = sigap_table_menu_new ();
  sigap_table_menu_set_table (GTK_MENU_BUTTON (quality_menu), "quality", NULL);
  adw_preferences_group_set_header_suffix (self->flags_group, quality_menu);

  g_signal_connect_swapped (self->rejections_more, "clicked", G_CALLBACK (more_clicked_cb), self);
  g_signal_connect_swapped (self->flags_more, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.save-rejects", FALSE);
}

GtkWidget *
sigap_data_page_new (void)
{
  return g_object_new (SIGAP_TYPE_DATA_PAGE, NULL);
}

void
sigap_data_page_show_overview (SigapDataPage *self)
{
  g_return_if_fail (SIGAP_IS_DATA_PAGE (self));

  cancel_detail (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.save-rejects", FALSE);
}

/**
 * sigap_data_page_show_rejections:
 * @batch_id: an import batch of the database shown
 *
 * Shows the lines the batch rejected, with the reasons, and "Save rejected lines…".
 */
void
sigap_data_page_show_rejections (SigapDataPage *self,
                                 gint64         batch_id)
{
  g_return_if_fail (SIGAP_IS_DATA_PAGE (self));

  self->batch_id = batch_id;
  gtk_stack_set_visible_child_name (self->stack, "rejections");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.back", TRUE);
  reload_detail (self);
}

/**
 * sigap_data_page_show_flags:
 *
 * Shows the participants with @flag, their NIK masked.
 */
void
sigap_data_page_show_flags (SigapDataPage        *self,
                            SigapParticipantFlag  flag)
{
  g_return_if_fail (SIGAP_IS_DATA_PAGE (self));
  g_return_if_fail (flag < SIGAP_PARTICIPANT_FLAG_N);

  self->flag = flag;
  gtk_stack_set_visible_child_name (self->stack, "flags");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.back", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "data.save-rejects", FALSE);
  reload_detail (self);
}

/**
 * sigap_data_page_set_capabilities:
 * @capabilities: what the role connected to the database may do
 * @role: (nullable): the role, for the message
 *
 * A role that reads figures only (sigap_viewer) sees the imports, who made them and their
 * counts, but neither the rejected lines nor the participants behind a note, and no Import
 * CSV…; the heading says that these need an operator's role.
 */
void
sigap_data_page_set_capabilities (SigapDataPage             *self,
                                  SigapDatabaseCapabilities  capabilities,
                                  const char                *role)
{
  g_return_if_fail (SIGAP_IS_DATA_PAGE (self));

  g_free (self->role);
  self->role = g_strdup (role);
  gtk_widget_set_visible (self->import_button, (capabilities & SIGAP_DATABASE_CAN_IMPORT) != 0);
  adw_preferences_group_set_description (self->batches_group,
                                         (capabilities & SIGAP_DATABASE_CAN_READ_REJECTS) != 0
                                         ? _("Newest first. Open an import with rejected lines "
                                             "to see why they were rejected.")
                                         : _("Newest first, with who imported each and when."));
  if (capabilities == self->capabilities)
    return;

  self->capabilities = capabilities;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") != 0)
    sigap_data_page_show_overview (self);
  /* The rows are built again when the page loads next, as it does with the new source. */
}

/**
 * sigap_data_page_get_view:
 *
 * Returns: "overview", "rejections" or "flags"
 */
const char *
sigap_data_page_get_view (SigapDataPage *self)
{
  g_return_val_if_fail (SIGAP_IS_DATA_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * sigap_data_page_get_batches:
 *
 * Returns: (transfer none) (nullable) (element-type SigapImportBatch): the batches shown,
 *   newest first; %NULL before the page has loaded
 */
GPtrArray *
sigap_data_page_get_batches (SigapDataPage *self)
{
  g_return_val_if_fail (SIGAP_IS_DATA_PAGE (self), NULL);

  return self->current != NULL ? self->current->batches : NULL;
}

/**
 * sigap_data_page_get_flag_count:
 *
 * Returns: the number of participants with @flag, as shown; -1 before the page has loaded
 */
gint64
sigap_data_page_get_flag_count (SigapDataPage        *self,
                                SigapParticipantFlag  flag)
{
  g_return_val_if_fail (SIGAP_IS_DATA_PAGE (self), -1);
  g_return_val_if_fail (flag < SIGAP_PARTICIPANT_FLAG_N, -1);

  return self->current != NULL ? self->current->counts[flag] : -1;
}
