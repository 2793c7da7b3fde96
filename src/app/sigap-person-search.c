/* sigap-person-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SigapPersonSearch: the window's answer to "is this person covered?" (win.find-person,
 * Ctrl+F). One search field takes either a whole NIK, as people type it (spaces, dots, a
 * leading apostrophe), looked up city-wide by sigap_find_participant (), an exact indexed
 * lookup; or part of a name, listed by sigap_find_by_name () fifty at a time with NIKs
 * masked, each match opening the same card. The card gives the masked NIK, the status on the
 * window's as-of date, kelurahan, kecamatan, sector, segment, desil, the registration and end
 * dates, the data-quality notes and the rejected import lines that held the NIK.
 *
 * Every lookup runs in a worker with its own read-only connection; a new search cancels the
 * one running (the connection's cancellable stops its statement), so typing never waits for a
 * name search over millions of participants. Nothing here sees a whole NIK but what the user
 * typed: core masks the rest.
 *
 * Personal data: the window opens only through win.find-person, which a viewer's window can
 * disable (issue 11).
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/sigap-find.h"
#include "core/sigap-format.h"
#include "core/sigap-nik.h"
#include "sigap-person-search.h"

/* Matches shown at a time; one more is asked for to know whether more follow. */
#define PAGE_SIZE 50

typedef enum
{
  JOB_NIK,
  JOB_NAME,
  JOB_ID,
} JobKind;

typedef struct
{
  JobKind  kind;
  char    *db_path;
  GDate    as_of;
  char    *text;
  guint    offset;
  gint64   id;
  /* Results */
  SigapPersonCard *card;
  GPtrArray       *matches;
} Job;

struct _SigapPersonSearch
{
  AdwWindow        parent_instance;

  char            *db_path;
  GDate            as_of;

  GtkSearchEntry  *entry;
  GtkButton       *back_button;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  AdwStatusPage   *hint_page;
  AdwStatusPage   *none_page;
  GtkWidget       *card_box;
  GtkListBox      *list;
  GtkLabel        *list_label;
  GtkButton       *more_button;

  GCancellable    *cancellable;
  GPtrArray       *matches;     /* SigapPersonMatch, all pages shown */
  char            *name_text;   /* the name the list is for */
  char            *searched;    /* the text last searched for */
  gboolean         more;
};

G_DEFINE_FINAL_TYPE (SigapPersonSearch, sigap_person_search, ADW_TYPE_WINDOW)

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->text);
  g_clear_pointer (&job->card, sigap_person_card_free);
  g_clear_pointer (&job->matches, g_ptr_array_unref);
  g_free (job);
}

static void
run_job_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SigapDatabase) db = NULL;
  GError *error = NULL;

  db = sigap_database_open (job->db_path, SIGAP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  sigap_database_set_cancellable (db, cancellable);

  switch (job->kind)
    {
    case JOB_NIK:
      job->card = sigap_find_participant (db, job->text, &job->as_of, &error);
      break;
    case JOB_ID:
      job->card = sigap_find_participant_by_id (db, job->id, &job->as_of, &error);
      break;
    case JOB_NAME:
      job->matches = sigap_find_by_name (db, job->text, &job->as_of, job->offset, PAGE_SIZE + 1,
                                         &error);
      break;
    default:
      g_assert_not_reached ();
    }

  sigap_database_set_cancellable (db, NULL);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (SigapPersonSearch *self,
          gboolean           busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
show_hint (SigapPersonSearch *self,
           const char        *title,
           const char        *description)
{
  adw_status_page_set_title (self->hint_page, title);
  adw_status_page_set_description (self->hint_page, description);
  gtk_stack_set_visible_child_name (self->stack, "hint");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
show_default_hint (SigapPersonSearch *self)
{
  show_hint (self, _("Find a person"),
             _("Type a whole NIK to look it up city-wide, or part of a name."));
}

/* A row of the card: what (the title) and its value (the subtitle). */
static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               value != NULL && *value != '\0' ? value : SIGAP_FORMAT_NO_VALUE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "person-field");
  adw_preferences_group_add (group, row);
}

static char *
status_text (const SigapPersonCard *card,
             SigapLang              lang)
{
  g_autofree char *as_of = sigap_format_date (&card->as_of, lang, FALSE);

  switch (card->status)
    {
    case SIGAP_PERSON_ACTIVE:
      /* TRANSLATORS: a participant's status; %s is the as-of date */
      return g_strdup_printf (_("Active on %s"), as_of);
    case SIGAP_PERSON_ENDED:
      if (card->end_reason != NULL && *card->end_reason != '\0')
        /* TRANSLATORS: %s is the as-of date, then the reason the participation ended */
        return g_strdup_printf (_("Ended by %s (%s)"), as_of, card->end_reason);
      /* TRANSLATORS: %s is the as-of date */
      return g_strdup_printf (_("Ended by %s"), as_of);
    case SIGAP_PERSON_NOT_YET:
      /* TRANSLATORS: %s is the as-of date */
      return g_strdup_printf (_("Not yet registered on %s"), as_of);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
date_text (const GDate *date,
           SigapLang    lang)
{
  return date != NULL && g_date_valid (date) ? sigap_format_date (date, lang, FALSE) : NULL;
}

static void
add_rejections (GtkBox                *box,
                const SigapPersonCard *card)
{
  AdwPreferencesGroup *group;

  if (card->rejections->len == 0)
    return;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Rejected import lines"));
  adw_preferences_group_set_description (group, _("Lines of participant lists that held this "
                                                  "NIK and were refused"));
  for (guint i = 0; i < card->rejections->len; i++)
    {
      const SigapPersonRejection *rejection = g_ptr_array_index (card->rejections, i);
      g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT, rejection->line);
      /* TRANSLATORS: where a rejected line was: "peserta.csv, line 12" */
      g_autofree char *where = g_strdup_printf (_("%s, line %s"),
                                                rejection->file_name != NULL
                                                ? rejection->file_name : SIGAP_FORMAT_NO_VALUE,
                                                line);

      add_row (group, where, rejection->reason);
    }
  gtk_box_append (box, GTK_WIDGET (group));
}

static void
clear_card (SigapPersonSearch *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->card_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->card_box), child);
}

static void
show_card (SigapPersonSearch     *self,
           const SigapPersonCard *card,
           gboolean               from_list)
{
  SigapLang lang = sigap_lang_from_locale ();
  AdwPreferencesGroup *group;
  g_autofree char *status = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *desil = NULL;
  g_autofree char *kelurahan = NULL;

  clear_card (self);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), from_list);

  if (!card->found)
    {
      g_autofree char *description = NULL;
      GtkWidget *page = adw_status_page_new ();

      /* TRANSLATORS: %s is a masked NIK: 3275********0001 */
      description = g_strdup_printf (_("No participant has the NIK %s."),
                                     card->nik_masked != NULL ? card->nik_masked
                                                              : SIGAP_FORMAT_NO_VALUE);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-search-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Not a participant"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
      gtk_widget_add_css_class (page, "compact");
      gtk_box_append (GTK_BOX (self->card_box), page);
      add_rejections (GTK_BOX (self->card_box), card);
      gtk_stack_set_visible_child_name (self->stack, "card");
      return;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, card->name != NULL ? card->name : card->nik_masked);
  /* TRANSLATORS: the masked NIK under a person's name */
  {
    g_autofree char *nik = g_strdup_printf (_("NIK %s"), card->nik_masked);

    adw_preferences_group_set_description (group, nik);
  }

  status = status_text (card, lang);
  registered = date_text (&card->registered_on, lang);
  ended = date_text (&card->ended_on, lang);
  desil = card->desil > 0 ? g_strdup_printf ("%d", card->desil) : NULL;
  kelurahan = card->kelurahan_code != NULL
              ? g_strdup_printf ("%s (%s)", card->kelurahan, card->kelurahan_code) : NULL;

  add_row (group, _("Status"), status);
  add_row (group, _("Kelurahan"), kelurahan);
  add_row (group, _("Kecamatan"), card->kecamatan);
  add_row (group, _("Sector"), card->sector);
  add_row (group, _("Segment"), sigap_segment_get_label (card->segment));
  add_row (group, _("Desil"), desil);
  add_row (group, _("Registered on"), registered);
  if (ended != NULL)
    add_row (group, _("Ended on"), ended);
  gtk_box_append (GTK_BOX (self->card_box), GTK_WIDGET (group));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Data-quality notes"));
  if (card->flags->len == 0)
    adw_preferences_group_set_description (group, _("None"));
  for (guint i = 0; i < card->flags->len; i++)
    {
      const SigapParticipantFlagNote *note = &g_array_index (card->flags,
                                                             SigapParticipantFlagNote, i);
      g_autofree char *text = sigap_participant_flag_describe (note->flag, note->detail);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (group, row);
    }
  gtk_box_append (GTK_BOX (self->card_box), GTK_WIDGET (group));
  add_rejections (GTK_BOX (self->card_box), card);

  gtk_stack_set_visible_child_name (self->stack, "card");
}

static const char *
match_status_text (SigapPersonStatus status)
{
  switch (status)
    {
    case SIGAP_PERSON_ACTIVE:
      return C_("person status", "Active");
    case SIGAP_PERSON_ENDED:
      return C_("person status", "Ended");
    case SIGAP_PERSON_NOT_YET:
      return C_("person status", "Not yet registered");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_matches (SigapPersonSearch *self,
                GPtrArray         *page)
{
  guint shown = MIN (page->len, PAGE_SIZE);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < shown; i++)
    {
      SigapPersonMatch *match = g_ptr_array_index (page, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: a name match: masked NIK · kelurahan, kecamatan · status */
      subtitle = g_strdup_printf (_("%s · %s, %s · %s"), match->nik_masked,
                                  match->kelurahan != NULL ? match->kelurahan : "",
                                  match->kecamatan != NULL ? match->kecamatan : "",
                                  match_status_text (match->status));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
      /* Kept for the rows' cards; the page's free function passes NULL by. */
      g_ptr_array_add (self->matches, match);
      page->pdata[i] = NULL;
    }

  self->more = page->len > PAGE_SIZE;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->more);

  count = sigap_format_count (self->matches->len, sigap_lang_from_locale ());
  if (self->more)
    /* TRANSLATORS: %s is how many matches are shown; more follow */
    label = g_strdup_printf (_("The first %s people whose name contains this"), count);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person whose name contains this",
                                          "%s people whose name contains this",
                                          self->matches->len), count);
  gtk_label_set_label (self->list_label, label);
}

static void
job_finished_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SigapPersonSearch *self = SIGAP_PERSON_SEARCH (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A search replaced by a newer one says nothing. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, SIGAP_FIND_ERROR, SIGAP_FIND_ERROR_NOT_A_NIK))
        show_hint (self, _("Not a NIK"), error->message);
      else
        show_hint (self, _("The search failed"), error->message);
      return;
    }

  switch (job->kind)
    {
    case JOB_NIK:
    case JOB_ID:
      show_card (self, job->card, job->kind == JOB_ID);
      break;
    case JOB_NAME:
      if (job->offset == 0 && job->matches->len == 0)
        {
          g_autofree char *description = NULL;

          /* TRANSLATORS: %s is what was typed */
          description = g_strdup_printf (_("No participant’s name contains “%s”."), job->text);
          adw_status_page_set_description (self->none_page, description);
          gtk_stack_set_visible_child_name (self->stack, "none");
          gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
          return;
        }
      append_matches (self, job->matches);
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_job (SigapPersonSearch *self,
           Job               *job)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->db_path = g_strdup (self->db_path);
  job->as_of = self->as_of;
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, job_finished_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job_in_thread);
}

static void
stop_search (SigapPersonSearch *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* @now: Enter was pressed, so a NIK of the wrong length is looked up anyway, to be told
 * exactly what is wrong with it (Excel's 3,27501E+15, a digit too many). */
static void
search (SigapPersonSearch *self,
        gboolean           now)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  Job *job;

  g_free (self->searched);
  self->searched = g_strdup (text);

  if (*text == '\0')
    {
      stop_search (self);
      show_default_hint (self);
      return;
    }

  if (has_digit (text))
    {
      g_autofree char *nik = sigap_nik_normalize (text);
      gsize length = strlen (nik);
      gboolean digits = length > 0;

      for (const char *p = nik; *p != '\0'; p++)
        digits &= g_ascii_isdigit (*p) != 0;

      if (!now && !(digits && length == 16))
        {
          g_autofree char *typed = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
          g_autofree char *description = NULL;

          stop_search (self);
          /* TRANSLATORS: %s is how many characters were typed */
          description = g_strdup_printf (_("A NIK has 16 digits; %s typed. Press Enter to "
                                           "look it up as it is."), typed);
          show_hint (self, _("Keep typing the NIK"), description);
          return;
        }

      job = g_new0 (Job, 1);
      job->kind = JOB_NIK;
      job->text = g_steal_pointer (&text);
      start_job (self, job);
      return;
    }

  if (g_utf8_strlen (text, -1) < SIGAP_FIND_NAME_MIN_CHARS)
    {
      stop_search (self);
      show_default_hint (self);
      return;
    }

  g_ptr_array_set_size (self->matches, 0);
  while (gtk_list_box_get_row_at_index (self->list, 0) != NULL)
    gtk_list_box_remove (self->list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
  g_free (self->name_text);
  self->name_text = g_strdup (text);

  job = g_new0 (Job, 1);
  job->kind = JOB_NAME;
  job->text = g_steal_pointer (&text);
  start_job (self, job);
}

/* GtkSearchEntry tells a change a moment after it, when Enter (or set_text ()) may have
 * searched for it already: a second search would drop the card opened meanwhile. */
static void
search_changed_cb (SigapPersonSearch *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (g_strcmp0 (text, self->searched) == 0)
    return;
  search (self, FALSE);
}

static void
activated_cb (SigapPersonSearch *self)
{
  search (self, TRUE);
}

static void
more_clicked_cb (SigapPersonSearch *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_NAME;
  job->text = g_strdup (self->name_text);
  job->offset = self->matches->len;
  start_job (self, job);
}

static void
row_activated_cb (SigapPersonSearch *self,
                  GtkListBoxRow     *row)
{
  sigap_person_search_open_match (self, (guint) gtk_list_box_row_get_index (row));
}

static void
back_clicked_cb (SigapPersonSearch *self)
{
  stop_search (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
sigap_person_search_dispose (GObject *object)
{
  SigapPersonSearch *self = SIGAP_PERSON_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sigap_person_search_parent_class)->dispose (object);
}

static void
sigap_person_search_finalize (GObject *object)
{
  SigapPersonSearch *self = SIGAP_PERSON_SEARCH (object);

  g_free (self->db_path);
  g_free (self->name_text);
  g_free (self->searched);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (sigap_person_search_parent_class)->finalize (object);
}

static void
sigap_person_search_class_init (SigapPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sigap_person_search_dispose;
  object_class->finalize = sigap_person_search_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
clamped_scroller (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
sigap_person_search_init (SigapPersonSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sigap_person_match_free);
  g_date_clear (&self->as_of, 1);

  gtk_window_set_title (GTK_WINDOW (self), _("Find a person"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);

  self->back_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back to the list"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->back_button));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Searching…"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), header);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("NIK or name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("NIK or name"),
                                  -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activated_cb), self);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->entry));
  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
    gtk_widget_set_margin_top (search_box, 12);
    gtk_widget_set_margin_start (search_box, 12);
    gtk_widget_set_margin_end (search_box, 12);
    adw_clamp_set_child (ADW_CLAMP (clamp), search_box);
    gtk_box_append (GTK_BOX (box), clamp);
  }

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->hint_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->hint_page, "system-search-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->hint_page), "hint");

  self->none_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->none_page, "system-search-symbolic");
  adw_status_page_set_title (self->none_page, _("No one found"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->none_page), "none");

  self->card_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_stack_add_named (self->stack, clamped_scroller (self->card_box), "card");

  self->list_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->list_label, 0);
  gtk_label_set_wrap (self->list_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_label), "heading");
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->list_label));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People found"),
                                  -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->list));
  self->more_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show _more")));
  gtk_widget_set_halign (GTK_WIDGET (self->more_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "pill");
  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->more_button));
  gtk_stack_add_named (self->stack, clamped_scroller (list_box), "list");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  show_default_hint (self);
}

/**
 * sigap_person_search_new:
 * @parent: the window it belongs to
 * @db_path: the database, opened read-only for each lookup
 * @as_of: the date the status is for: the window's as-of date
 */
SigapPersonSearch *
sigap_person_search_new (GtkWindow   *parent,
                         const char  *db_path,
                         const GDate *as_of)
{
  SigapPersonSearch *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_object_new (SIGAP_TYPE_PERSON_SEARCH,
                       "transient-for", parent,
                       "modal", FALSE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->db_path = g_strdup (db_path);
  self->as_of = *as_of;
  return self;
}

/* Types @text into the field and searches at once, as Enter does. */
void
sigap_person_search_set_text (SigapPersonSearch *self,
                              const char        *text)
{
  g_return_if_fail (SIGAP_IS_PERSON_SEARCH (self));

  g_signal_handlers_block_by_func (self->entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->entry, search_changed_cb, self);
  search (self, TRUE);
}

/* "hint", "none", "card" or "list": what the window shows. */
const char *
sigap_person_search_get_shown (SigapPersonSearch *self)
{
  g_return_val_if_fail (SIGAP_IS_PERSON_SEARCH (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
sigap_person_search_get_busy (SigapPersonSearch *self)
{
  g_return_val_if_fail (SIGAP_IS_PERSON_SEARCH (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->spinner));
}

/* The list of name matches, a GtkListBox of AdwActionRow. */
GtkWidget *
sigap_person_search_get_results (SigapPersonSearch *self)
{
  g_return_val_if_fail (SIGAP_IS_PERSON_SEARCH (self), NULL);

  return GTK_WIDGET (self->list);
}

/* Opens the card of the @index-th name match. */
void
sigap_person_search_open_match (SigapPersonSearch *self,
                                guint              index)
{
  const SigapPersonMatch *match;
  Job *job;

  g_return_if_fail (SIGAP_IS_PERSON_SEARCH (self));
  g_return_if_fail (index < self->matches->len);

  match = g_ptr_array_index (self->matches, index);
  job = g_new0 (Job, 1);
  job->kind = JOB_ID;
  job->id = match->id;
  start_job (self, job);
}
