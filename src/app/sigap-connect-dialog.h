/* sigap-connect-dialog.h: "Connect to Server…", a PostgreSQL database opened from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/sigap-database.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_CONNECT_DIALOG (sigap_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SigapConnectDialog, sigap_connect_dialog, SIGAP, CONNECT_DIALOG, AdwWindow)

SigapConnectDialog *sigap_connect_dialog_new            (GtkWindow          *parent,
                                                         GSettings          *settings);
/* Fills the fields from @uri (a recent connection) and looks its password up in the keyring. */
void                sigap_connect_dialog_select_recent  (SigapConnectDialog *self,
                                                         const char         *uri);
/* As sigap_connect_dialog_select_recent (), then connects; a dialog not shown shows itself
 * only when the connection fails or takes long. */
void                sigap_connect_dialog_connect_recent (SigapConnectDialog *self,
                                                         const char         *uri);
/* The database opened, for a handler of "connected"; NULL once taken. */
SigapDatabase      *sigap_connect_dialog_take_database  (SigapConnectDialog *self);
/* What the dialog says under the fields: "Connecting…", or why the last attempt failed. */
const char         *sigap_connect_dialog_get_message    (SigapConnectDialog *self);
gboolean            sigap_connect_dialog_get_connecting (SigapConnectDialog *self);

G_END_DECLS
