/* sigap-kpi-card.h: one headline figure, with a line of context and its change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/sigap-format.h"

G_BEGIN_DECLS

#define SIGAP_TYPE_KPI_CARD (sigap_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (SigapKpiCard, sigap_kpi_card, SIGAP, KPI_CARD, GtkWidget)

typedef enum
{
  SIGAP_KPI_TREND_NONE,
  SIGAP_KPI_TREND_UP,
  SIGAP_KPI_TREND_DOWN,
  SIGAP_KPI_TREND_FLAT,
} SigapKpiTrend;

GtkWidget  *sigap_kpi_card_new        (void);
const char *sigap_kpi_card_get_title  (SigapKpiCard  *self);
void        sigap_kpi_card_set_title  (SigapKpiCard  *self,
                                       const char    *title);
const char *sigap_kpi_card_get_badge  (SigapKpiCard  *self);
void        sigap_kpi_card_set_badge  (SigapKpiCard  *self,
                                       const char    *badge);
const char *sigap_kpi_card_get_value  (SigapKpiCard  *self);
const char *sigap_kpi_card_get_exact  (SigapKpiCard  *self);
void        sigap_kpi_card_set_value  (SigapKpiCard  *self,
                                       const char    *value,
                                       const char    *exact);
const char *sigap_kpi_card_get_detail (SigapKpiCard  *self);
void        sigap_kpi_card_set_detail (SigapKpiCard  *self,
                                       const char    *detail);
const char *sigap_kpi_card_get_change (SigapKpiCard  *self);
void        sigap_kpi_card_set_change (SigapKpiCard  *self,
                                       const char    *change,
                                       SigapKpiTrend  trend);

void        sigap_kpi_card_set_rupiah_value  (SigapKpiCard *self,
                                              gint64        value,
                                              gboolean      defined,
                                              SigapLang     lang);
void        sigap_kpi_card_set_count_change  (SigapKpiCard *self,
                                              gint64        delta,
                                              const GDate  *since,
                                              SigapLang     lang);
void        sigap_kpi_card_set_rupiah_change (SigapKpiCard *self,
                                              gint64        delta,
                                              const GDate  *since,
                                              SigapLang     lang);
void        sigap_kpi_card_set_points_change (SigapKpiCard *self,
                                              double        delta,
                                              const GDate  *since,
                                              SigapLang     lang);

G_END_DECLS
