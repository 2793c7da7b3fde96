/* sigap-figures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sigap-database.h"
#include "sigap-filter.h"
#include "sigap-import-log.h"

G_BEGIN_DECLS

#define SIGAP_FIGURES_ERROR (sigap_figures_error_quark ())

typedef enum
{
  SIGAP_FIGURES_ERROR_UNKNOWN_SCOPE,
  SIGAP_FIGURES_ERROR_INVALID_BREAKDOWN,
  SIGAP_FIGURES_ERROR_OVERFLOW,         /* amounts that add up past what 64 bits hold */
} SigapFiguresError;

typedef enum
{
  SIGAP_BREAKDOWN_KECAMATAN,
  SIGAP_BREAKDOWN_KELURAHAN,
  SIGAP_BREAKDOWN_SECTOR,
  SIGAP_BREAKDOWN_DESIL,
} SigapBreakdown;

/* The headline figures for a filter. See the README's glossary for each definition; the
 * has_* flags say whether a figure is defined (no target row, no pagu, nothing left to pay). */
typedef struct
{
  char     *scope_code;
  char     *scope_name;
  char     *scope_level;           /* "kota", "kecamatan" or "kelurahan" */
  GDate     as_of;
  int       year;
  SigapSegment segment;

  gint64    registered;
  gint64    active;
  gint64    ended;
  gint64    target;
  gboolean  has_target;
  double    coverage_pct;          /* defined when has_target and target > 0 */
  gboolean  has_coverage;

  /* Budget figures are city-wide: the pagu is not split by region. */
  gint64    pagu;
  gboolean  has_pagu;
  gint64    realised;
  double    absorption_pct;        /* defined when has_pagu and pagu > 0 */
  gboolean  has_absorption;
  gint64    remaining;
  gint64    premium_monthly;
  gint64    active_city;           /* active in the whole city: the basis of the projection */
  int       months_unpaid;         /* months of the year not yet paid for, after the last SP2D */
  gint64    projected_year_end;
  /* How many more workers the pagu can still pay for if they join on the first day of the
   * month after the as-of date, for the quota_months from then to December; and the same
   * money spread over a whole year. Neither is defined without a pagu, or when no month of
   * the year is left (as of December). */
  gint64    quota;
  gboolean  has_quota;
  int       quota_months;          /* 12 − the as-of month: 0 in December */
  gint64    quota_full_year;       /* defined with has_quota */
} SigapSummary;

typedef struct
{
  char     *code;
  char     *name;
  gint64    registered;
  gint64    active;
  gint64    ended;
  gint64    target;
  gboolean  has_target;
  double    coverage_pct;
  gboolean  has_coverage;
} SigapBreakdownRow;

/* One month of the series: stocks at the month end (or at the as-of date for its month),
 * flows within the month, and the target and cumulative realisation of that month's year. */
typedef struct
{
  int       year;
  int       month;
  GDate     end;
  gint64    registered;
  gint64    active;
  gint64    new_registrations;
  gint64    new_endings;
  gint64    target;
  gboolean  has_target;
  double    coverage_pct;
  gboolean  has_coverage;
  gint64    realised_to_date;      /* realisation of the year up to the end of this month */
} SigapMonthPoint;

/* One SP2D, for the budget page's table. */
typedef struct
{
  GDate     paid_on;
  char     *sp2d_number;
  SigapSegment segment;
  char     *funding_source;
  GDate     period_start;
  GDate     period_end;
  gint64    participants;
  gint64    amount;
} SigapPayment;

/* One pagu row: a year, segment and funding source. */
typedef struct
{
  int       year;
  SigapSegment segment;
  char     *funding_source;
  gint64    pagu;
} SigapBudgetLine;

/* The budget month by month to 31 December: what has been paid, and what the unpaid months
 * will cost at the current enrollment plus @extra_workers from @from_month. */
typedef struct
{
  gint64    extra_workers;
  int       from_month;            /* 1..12 */
  gint64    pagu;
  gint64    realised;              /* paid from 1 January to the as-of date */
  gint64    projected_year_end;    /* realised + the cost of every unpaid month */
  gint64    balance_year_end;      /* pagu − projected_year_end; negative: a shortfall */
  gboolean  lasts;                 /* projected_year_end <= pagu */
  int       runs_out_month;        /* first month whose cost the pagu cannot cover; 0 if none */
  int       first_unpaid_month;    /* 1..12, or 13 when the whole year is paid */
  gint64    monthly_cost[12];      /* cost of each unpaid month (0 for paid ones) */
  gint64    cumulative[12];        /* realised plus the cost of the unpaid months up to each */
} SigapWhatIf;

/* How the headline figures moved between two summaries of the same scope and segment (in
 * practice the previous month end and the as-of date). A change is defined only where both
 * figures are; budget and coverage changes only within one year, since the pagu and the
 * target start again on 1 January. */
typedef struct
{
  gint64    active;
  gint64    registered;
  double    coverage_points;
  gboolean  has_coverage;
  gint64    realised;
  gboolean  has_realised;
  gint64    pagu;
  gint64    remaining;
  gboolean  has_pagu;
  gint64    quota;
  gboolean  has_quota;
} SigapSummaryChange;

/* The data-quality notes (participant_flag) of a filter: how many of the participants
 * registered on or before the as-of date in its scope and segment carry each note. */
typedef struct
{
  gint64    counts[SIGAP_PARTICIPANT_FLAG_N];   /* indexed by SigapParticipantFlag */
} SigapQuality;

/* The months of the enrollment trend: the overview's and the briefing's chart, `sigap summary
 * --by month` and the export's monthly sheet all show this many, the last being the as-of
 * date's month. */
#define SIGAP_FIGURES_TREND_MONTHS 24

GQuark           sigap_figures_error_quark  (void);

SigapSummary    *sigap_figures_summary      (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             GError            **error);
SigapSummary    *sigap_figures_summary_counts (SigapDatabase    *db,
                                               const SigapFilter *filter,
                                               GError          **error);
GPtrArray       *sigap_figures_breakdown    (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             SigapBreakdown      by,
                                             GError            **error);
GPtrArray       *sigap_figures_sector_by_area (SigapDatabase    *db,
                                               const SigapFilter *filter,
                                               GError          **error);
GArray          *sigap_figures_monthly      (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             guint               n_months,
                                             GError            **error);

GPtrArray       *sigap_figures_payments     (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             GError            **error);
GPtrArray       *sigap_figures_budget_lines (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             GError            **error);
gboolean         sigap_figures_what_if      (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             gint64              extra_workers,
                                             int                 from_month,
                                             SigapWhatIf        *out,
                                             GError            **error);

gboolean         sigap_figures_quality      (SigapDatabase      *db,
                                             const SigapFilter  *filter,
                                             SigapQuality       *out,
                                             GError            **error);

gboolean         sigap_breakdown_parse      (const char         *text,
                                             SigapBreakdown     *out_by);
const char      *sigap_breakdown_to_string  (SigapBreakdown      by);

void             sigap_summary_change       (const SigapSummary *now,
                                             const SigapSummary *before,
                                             SigapSummaryChange *out);

void             sigap_summary_free         (SigapSummary       *summary);
void             sigap_breakdown_row_free   (SigapBreakdownRow  *row);
void             sigap_payment_free         (SigapPayment       *payment);
void             sigap_budget_line_free     (SigapBudgetLine    *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapSummary, sigap_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapBreakdownRow, sigap_breakdown_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapPayment, sigap_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SigapBudgetLine, sigap_budget_line_free)

G_END_DECLS
