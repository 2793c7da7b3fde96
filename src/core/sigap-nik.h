/* sigap-nik.h: the Indonesian national identity number (NIK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SIGAP_NIK_ERROR (sigap_nik_error_quark ())

/* In the order sigap_nik_parse() checks them: the first problem found is the one reported. */
typedef enum
{
  SIGAP_NIK_ERROR_EMPTY,      /* nothing left after normalizing */
  SIGAP_NIK_ERROR_EXCEL,      /* scientific notation: Excel stored the NIK as a number */
  SIGAP_NIK_ERROR_NOT_DIGITS, /* a character other than 0-9 */
  SIGAP_NIK_ERROR_LENGTH,     /* not 16 digits */
  SIGAP_NIK_ERROR_PROVINCE,   /* digits 1-2 are no province code */
  SIGAP_NIK_ERROR_REGION,     /* regency/city (digits 3-4) or district (5-6) is 00 */
  SIGAP_NIK_ERROR_BIRTH_DATE, /* digits 7-12 are no birth date */
  SIGAP_NIK_ERROR_SERIAL,     /* digits 13-16 are 0000 */
} SigapNikError;

#define SIGAP_NIK_LENGTH 16

typedef struct
{
  char  region[7];   /* "327501": province, regency/city and district digits */
  char  sex;         /* 'L' (laki-laki, male) or 'P' (perempuan, female: birth day + 40) */
  GDate birth_date;
  guint serial;      /* 1 to 9999 */
} SigapNikInfo;

GQuark      sigap_nik_error_quark      (void);

char       *sigap_nik_normalize        (const char          *raw);
gboolean    sigap_nik_looks_like_excel (const char          *raw);
gboolean    sigap_nik_parse            (const char          *nik,
                                        const GDate         *reference,
                                        SigapNikInfo        *info,
                                        GError             **error);
gboolean    sigap_nik_is_kota_bekasi   (const char          *nik);
char       *sigap_nik_mask             (const char          *nik);
const char *sigap_nik_province_name    (int                  code);

G_END_DECLS
