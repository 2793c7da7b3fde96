/* sigap-window-private.h: what the window's files share, and what the tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sigap-data-watch.h"
#include "core/sigap-database.h"
#include "core/sigap-import.h"
#include "core/sigap-regions.h"
#include "sigap-connect-dialog.h"
#include "report/sigap-export.h"
#include "sigap-filter-bar.h"
#include "sigap-filter-model.h"
#include "sigap-import-dialog.h"
#include "sigap-page.h"
#include "sigap-window.h"

G_BEGIN_DECLS

/* The window's state, shared by its files (sigap-window*.c). */
struct _SigapWindow
{
  AdwApplicationWindow  parent_instance;

  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *location_box;
  GtkImage             *location_icon;
  GtkLabel             *location_label;
  AdwViewSwitcherBar   *switcher_bar;
  GtkSpinner           *busy_spinner;
  GtkMenuButton        *menu_button;
  GMenu                *primary_menu;
  GtkSpinner           *loading_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *status_page;
  GtkWidget            *demo_button;
  GtkWidget            *import_button;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  SigapFilterBar       *filter_bar;
  AdwViewStack         *view_stack;
  SigapPage            *overview_page;
  SigapPage            *budget_page;

  GSettings            *settings;
  gboolean              persistent;
  GMenu                *recent_menu;      /* the recent servers, in primary_menu when any */
  SigapConnectDialog   *recent_dialog;    /* connecting to one of them, unowned */
  char                 *db_path;
  GError               *error;

  GCancellable         *open_cancellable;
  GCancellable         *demo_cancellable;
  GtkFileChooserNative *chooser;
  guint                 busy_source;
  guint                 switcher_idle;
  gboolean              busy;

  GArray               *settled;          /* Settled callbacks waiting */
  gulong                paint_handler;
  guint                 settled_idle;

  SigapFilterModel     *filter_model;      /* what every page shows */

  /* sigap-window-import.c and sigap-window-export.c */
  SigapImportDialog    *import_dialog;     /* the import dialog open on the window, unowned */
  GtkFileChooserNative *import_chooser;    /* owned until it answers */
  GtkFileChooserNative *export_chooser;    /* owned until it answers */
  gboolean              export_running;

  SigapRegions         *regions;           /* the database's region tree, for the pages */
  GStrv                 region_codes;      /* the city and its kecamatan, for the briefing */
  GStrv                 region_names;

  /* sigap-window-watch.c: what the role may do, and others' commits (issue 11) */
  GtkWidget            *banner;            /* "New data available", with Reload */
  SigapDatabaseCapabilities capabilities;
  SigapDataWatch       *watch;
  char                 *watch_path;        /* the database watched */
  char                 *data_version;      /* of the figures shown */
  GCancellable         *version_cancellable;
  guint                 version_retry;
  gboolean              change_pending;    /* heard of a commit, not yet checked */
};

typedef struct
{
  SigapWindowSettledFunc func;
  gpointer               user_data;
} Settled;

/* sigap-window.c */
void               _sigap_window_set_location        (SigapWindow  *self,
                                                      const char   *path);
void               _sigap_window_foreach_page        (SigapWindow  *self,
                                                      void        (*func) (SigapWindow *self,
                                                                           SigapPage   *page));
void               _sigap_window_update_busy         (SigapWindow  *self);
void               _sigap_window_set_state           (SigapWindow  *self,
                                                      const char   *state);
void               _sigap_window_set_error           (SigapWindow  *self,
                                                      const GError *error);
void               _sigap_window_show_status         (SigapWindow  *self,
                                                      const char   *icon_name,
                                                      const char   *title,
                                                      const char   *description);
void               _sigap_window_show_error          (SigapWindow  *self,
                                                      const GError *error);
void               _sigap_window_push_source         (SigapWindow  *self,
                                                      SigapPage    *page);

void               _sigap_window_reload_after_import (SigapWindow  *self,
                                                      const char   *db_path);

void               _sigap_window_add_toast           (SigapWindow  *self,
                                                      AdwToast     *toast);

/* sigap-window-open.c */
void               _sigap_window_open                (SigapWindow  *self,
                                                      const char   *path,
                                                      const GDate  *as_of,
                                                      gboolean      clamp,
                                                      const char   *scope,
                                                      int           segment);
void               _sigap_window_open_opened         (SigapWindow  *self,
                                                      const char   *path,
                                                      SigapDatabase *db);

/* sigap-window-connect.c */
SigapConnectDialog *_sigap_window_connect_server     (SigapWindow  *self);
void               _sigap_window_connect_server_activated (GtkWidget  *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_open_last_server    (SigapWindow  *self,
                                                      const char   *uri);
void               _sigap_window_recent_servers_setup (SigapWindow *self);
void               _sigap_window_connect_recent_activated (GtkWidget  *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
SigapConnectDialog *_sigap_window_connect_recent     (SigapWindow  *self,
                                                      const char   *uri);

/* sigap-window-demo.c */
void               _sigap_window_open_demo_activated (GtkWidget    *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_cancel_demo_activated (GtkWidget  *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);

/* sigap-window-settled.c */
void               _sigap_window_check_settled       (SigapWindow  *self);
void               _sigap_window_mapped_cb           (SigapWindow  *self);

/* sigap-window-export.c */
void               _sigap_window_export_activated    (GtkWidget    *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_export_to           (SigapWindow  *self,
                                                      GFile        *file);
void               _sigap_window_export_table_activated (GtkWidget  *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_export_table_to     (SigapWindow  *self,
                                                      SigapExportTable table,
                                                      const char   *scope,
                                                      GFile        *file);

/* sigap-window-find.c */
void               _sigap_window_find_person_activated (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);

/* sigap-window-watch.c */
void               _sigap_window_watch_database      (SigapWindow  *self,
                                                      const char   *path,
                                                      const char   *version);
void               _sigap_window_unwatch             (SigapWindow  *self);
void               _sigap_window_reload_data_activated (GtkWidget  *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_set_capabilities    (SigapWindow  *self,
                                                      SigapDatabaseCapabilities capabilities,
                                                      const char   *role);

/* sigap-window-import.c */
void               _sigap_window_import_activated    (GtkWidget    *widget,
                                                      const char   *action_name,
                                                      GVariant     *parameter);
void               _sigap_window_import_setup        (SigapWindow  *self);
void               _sigap_window_import_clear_chooser (SigapWindow *self);
SigapImportDialog *_sigap_window_import_file         (SigapWindow  *self,
                                                      GFile        *file,
                                                      int           kind);
SigapImportDialog *_sigap_window_get_import_dialog   (SigapWindow  *self);

G_END_DECLS
