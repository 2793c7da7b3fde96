/* sigap-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a demonstration database that tells the story of the press reports (see DESIGN.md,
 * "Domain facts"): the city's ~43,000 ekosistem workers insured since 2024, the 11,666 pekerja
 * rentan of SIGAP's first phase launched on 5 November 2025 and paid from APBD 2025, the DTSEN
 * re-verification at the start of 2026 and the monthly enrolment towards 2026's 10,000, with the
 * targets, pagu and SP2D payments that follow from those rows, up to a data cut-off of
 * 31 October 2026.
 *
 * Same seed and size give the same rows on every machine: every draw comes from one GRand
 * stream in a fixed order and every weight is an integer, so no floating-point rounding can
 * differ between compilers or CPUs. Nothing reads the clock.
 *
 * The file is built under a temporary name next to the destination and renamed over it only
 * when complete, so a crash or a cancel never leaves a half-written database behind.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "sigap-database.h"
#include "sigap-demo.h"
#include "sigap-regions.h"
#include "sigap-import-log.h"
#include "sigap-nik.h"

/* --- The story, at its own size ------------------------------------------------------- */

#define PHASE1_PARTICIPANTS   11666  /* launched 5 Nov 2025 */
#define ENROLLED_2026         800    /* new pekerja rentan, Feb..Oct 2026 */
#define EKOSISTEM_ROWS        44700  /* ~43,000 active at the launch, after earlier endings */

#define TARGET_RENTAN_2025    26500  /* 11,666 is the seeds' "44 persen" */
#define TARGET_RENTAN_2026    10000
#define TARGET_EKOSISTEM_2025 43500
#define TARGET_EKOSISTEM_2026 44000
#define PAGU_RENTAN_2025      G_GINT64_CONSTANT (600000000)
#define PAGU_RENTAN_2026      G_GINT64_CONSTANT (2000000000)

#define SEGMENT_RENTAN    "rentan"
#define SEGMENT_EKOSISTEM "ekosistem"
#define FUNDING_SOURCE    "APBD"

/* Weights are integers throughout (see the file comment). */
typedef struct
{
  const char *code;
  int         target_weight; /* share of the targets: population, leaning to the poorer */
  int         coverage;      /* participants per target, percent of the city's rate */
} KecamatanStory;

/* Bantargebang (the TPST), Bekasi Utara and Medansatria overshoot; the southern fringe lags. */
static const KecamatanStory kecamatan_story[] = {
  { "32.75.01",  95, 105 }, /* Bekasi Timur */
  { "32.75.02", 100, 100 }, /* Bekasi Barat */
  { "32.75.03", 135, 114 }, /* Bekasi Utara */
  { "32.75.04",  70,  95 }, /* Bekasi Selatan */
  { "32.75.05",  75,  90 }, /* Rawalumbu */
  { "32.75.06",  70, 108 }, /* Medansatria */
  { "32.75.07",  65, 106 }, /* Bantargebang */
  { "32.75.08",  90,  92 }, /* Pondokgede */
  { "32.75.09",  85,  80 }, /* Jatiasih */
  { "32.75.10",  55,  62 }, /* Jatisampurna */
  { "32.75.11",  90, 105 }, /* Mustikajaya */
  { "32.75.12",  50,  68 }, /* Pondokmelati */
};
static const KecamatanStory unknown_kecamatan = { NULL, 80, 100 };

typedef enum
{
  AGE_MIDDLE, /* peak around 39 */
  AGE_YOUNG,
  AGE_OLD,
} AgeShape;

typedef struct
{
  const char *code;
  int         phase1;      /* per 10,000 of the first phase (or of the ekosistem) */
  int         enrolled;    /* per 10,000 of the 2026 enrolments */
  int         target;      /* per 10,000 of the 2026 sector targets */
  int         female;      /* per 1,000 */
  AgeShape    age;
  const char *source;      /* where most of the list came from */
  int         source_share; /* per 1,000; the rest from Dinas Sosial (DTSEN) */
} SectorStory;

#define SOURCE_DTSEN "Dinas Sosial (DTSEN)"
#define SOURCE_DISHUB "Dinas Perhubungan"
#define SOURCE_KOPERASI "Dinas Koperasi & UMKM"

/* The seeds name ojek as the priority; 2026 widens to the governor's "kuli, pedagang sampai
 * pemulung". Pemulung cluster at the Bantargebang landfill, farmhands on the southern fringe. */
static const SectorStory sector_story[] = {
  { "ojek-pangkalan",   1700, 1200, 1500,  30, AGE_MIDDLE, SOURCE_DISHUB, 650 },
  { "ojek-online",      1900, 1300, 1700,  60, AGE_YOUNG, "Mitra ojol", 750 },
  { "sopir",             900,  700,  850,  20, AGE_MIDDLE, SOURCE_DISHUB, 800 },
  { "pkl",              1000, 1000, 1000, 400, AGE_MIDDLE, SOURCE_KOPERASI, 700 },
  { "pedagang-keliling", 800,  950,  850, 450, AGE_MIDDLE, SOURCE_KOPERASI, 550 },
  { "umkm",              900,  800,  900, 600, AGE_MIDDLE, SOURCE_KOPERASI, 850 },
  { "kuli-bangunan",     700, 1000,  800,  20, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  { "buruh-harian",      700,  900,  750, 250, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  { "penerima-pkh",      700,  700,  700, 850, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  { "tukang-becak",      120,  100,  120,  10, AGE_OLD, SOURCE_DISHUB, 500 },
  { "pemulung",          150,  500,  300, 350, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  { "nelayan",            30,   40,   40,  50, AGE_OLD, SOURCE_DTSEN, 1000 },
  { "buruh-tani",         60,  150,  100, 300, AGE_OLD, SOURCE_DTSEN, 1000 },
  { "seniman",            80,  150,  100, 300, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  { "petugas-ibadah",    150,  300,  200, 100, AGE_OLD, SOURCE_DTSEN, 1000 },
  { "rentan-lainnya",    110,  210,  190, 400, AGE_MIDDLE, SOURCE_DTSEN, 1000 },
  /* ekosistem: per 10,000 of the ekosistem */
  { "non-asn",          2600,    0,    0, 500, AGE_YOUNG, "BKPSDM", 1000 },
  { "tenaga-pendidik",  1600,    0,    0, 700, AGE_YOUNG, "Dinas Pendidikan", 1000 },
  { "kader-posyandu",   1900,    0,    0, 970, AGE_MIDDLE, "Dinas Kesehatan", 1000 },
  { "kader-pkk",        1100,    0,    0, 980, AGE_MIDDLE, "TP PKK", 1000 },
  { "linmas",            800,    0,    0,  50, AGE_MIDDLE, "Satpol PP", 1000 },
  { "rt-rw",            2000,    0,    0, 120, AGE_OLD, "Kelurahan", 1000 },
};
/* A sector the reference data gained after this story was written still gets a few rows. */
static const SectorStory unknown_rentan_sector = {
  NULL, 50, 50, 50, 300, AGE_MIDDLE, SOURCE_DTSEN, 1000
};
static const SectorStory unknown_ekosistem_sector = {
  NULL, 300, 0, 0, 500, AGE_MIDDLE, "BKPSDM", 1000
};

/* Where a sector is concentrated: percent of the kecamatan's usual share. */
typedef struct
{
  const char *sector;
  const char *kecamatan;
  int         percent;
} SectorPlace;

static const SectorPlace sector_places[] = {
  { "pemulung", "32.75.07", 800 },
  { "pemulung", "32.75.11", 200 },
  { "pemulung", "32.75.03", 150 },
  { "buruh-tani", "32.75.07", 400 },
  { "buruh-tani", "32.75.11", 300 },
  { "buruh-tani", "32.75.10", 300 },
  { "buruh-tani", "32.75.09", 200 },
  { "nelayan", "32.75.03", 600 },
  { "nelayan", "32.75.06", 400 },
  { "nelayan", "32.75.07", 200 },
  { "tukang-becak", "32.75.03", 300 },
  { "tukang-becak", "32.75.06", 250 },
  { "tukang-becak", "32.75.01", 200 },
};

/* Desil per 1,000; index 0 is "unknown" (NULL). */
static const int desil_phase1[11] = { 10, 210, 230, 210, 160, 155, 12, 7, 3, 2, 1 };
static const int desil_enrolled[11] = { 3, 250, 250, 230, 140, 120, 4, 2, 1, 0, 0 };
/* The ekosistem was not chosen by desil: most are not in DTSEN at all. */
static const int desil_ekosistem[11] = { 650, 30, 40, 55, 70, 75, 35, 20, 12, 8, 5 };
/* The 2026 DTSEN re-verification keeps desil 1-3 and drops most of the rest (per 1,000). */
static const int reverification_drop[11] = { 700, 70, 70, 70, 250, 400, 850, 850, 850, 850, 850 };

/* Ekosistem enrolment per month, 2024-01 .. 2025-10: the big start, then stragglers. */
static const int ekosistem_months[22] = {
  300, 100, 60, 40, 40, 40, 40, 40, 40, 40, 40, 40,
  80, 15, 15, 15, 15, 15, 15, 15, 15, 15,
};
/* 2026 enrolment per month, Feb .. Oct (Lebaran falls in late March). */
static const int enrolled_months[9] = { 14, 13, 8, 11, 11, 12, 11, 11, 10 };

#define END_DTSEN    "Tidak lolos verifikasi DTSEN 2026"
#define END_MOVED    "Pindah domisili"
#define END_DIED     "Meninggal dunia"
#define END_WAGE     "Beralih ke peserta penerima upah"
#define END_PPPK     "Diangkat PPPK/ASN"
#define END_TERM     "Masa tugas berakhir"
#define END_RESIGNED "Mengundurkan diri"

/* --- Names ---------------------------------------------------------------------------- */

typedef struct
{
  int                 weight;      /* per 1,000 of the city */
  int                 two_names;   /* per 1,000 with a second name */
  const char * const *male;
  const char * const *female;
  const char * const *second_male;
  const char * const *second_female;
  guint               n_male, n_female, n_second_male, n_second_female;
  const char * const *home;        /* regencies people of this group often come from */
  guint               n_home;
} NameGroup;

static const char * const sunda_m[] = {
  "Asep", "Ujang", "Dadang", "Cecep", "Endang", "Dedi", "Yayan", "Ade", "Agus", "Iwan", "Jajang",
  "Deden", "Aep", "Ajat", "Nana", "Rudi", "Dodi", "Wawan", "Maman", "Entis", "Ihsan", "Hendra",
  "Rahmat", "Dadan", "Engkos", "Yusuf", "Acep", "Opik", "Dani", "Aang", "Encep", "Kurnia",
};
static const char * const sunda_f[] = {
  "Euis", "Neneng", "Iis", "Enok", "Imas", "Cucu", "Nining", "Yeni", "Eti", "Tati", "Lilis",
  "Dewi", "Rina", "Siti", "Ai", "Nunung", "Titin", "Wiwin", "Enung", "Popon", "Nurul", "Rika",
  "Nia", "Elis", "Ela", "Yati",
};
static const char * const sunda_second_m[] = {
  "Suryana", "Hidayat", "Sopandi", "Rustandi", "Sunarya", "Permana", "Kurniawan", "Setiawan",
  "Hermawan", "Gunawan", "Saepudin", "Supriatna", "Mulyana", "Sutisna", "Kusnadi", "Ramdani",
  "Ruhiyat", "Sukmana", "Wiguna", "Nugraha", "Firmansyah", "Suherman",
};
static const char * const sunda_second_f[] = {
  "Nurhayati", "Kurniasih", "Rohaeti", "Komalasari", "Rahmawati", "Sulastri", "Handayani",
  "Mulyani", "Suryani", "Hasanah", "Fitriani", "Aisyah", "Maryani", "Rosita", "Wulansari",
  "Sumarni", "Nurjanah",
};
static const char * const betawi_m[] = {
  "Mamat", "Udin", "Jaenudin", "Sanusi", "Romli", "Saipul", "Mursid", "Rojali", "Sarmili",
  "Muhidin", "Abdul", "Muhammad", "Ahmad", "Rohman", "Madih", "Jali", "Somad", "Husin", "Rizal",
  "Ridwan", "Fadli", "Bahrudin", "Mansur", "Sueb", "Usman", "Marzuki",
};
static const char * const betawi_f[] = {
  "Saripah", "Juleha", "Mumun", "Rohaya", "Munaroh", "Zubaedah", "Salamah", "Maesaroh",
  "Nurjanah", "Rodiah", "Aminah", "Marfuah", "Halimah", "Fatimah", "Siti", "Nur", "Ida",
  "Nafisah", "Rohmah",
};
static const char * const betawi_second_m[] = {
  "Hasan", "Ridwan", "Syarif", "Jaelani", "Ramli", "Basri", "Effendi", "Hamdani", "Fauzi",
  "Mahmud", "Sulaiman", "Zakaria", "Rahman", "Nasrudin", "Hidayatullah", "Sobari",
};
static const char * const betawi_second_f[] = {
  "Aini", "Hasanah", "Rahmah", "Fauziah", "Khadijah", "Nurlela", "Mardiah", "Rosidah",
  "Jubaedah", "Solihah", "Zahra", "Maemunah",
};
static const char * const jawa_m[] = {
  "Budi", "Agus", "Slamet", "Sugeng", "Joko", "Bambang", "Eko", "Heru", "Teguh", "Wahyu", "Dwi",
  "Tri", "Sutrisno", "Sumarno", "Suparman", "Hadi", "Bayu", "Andi", "Rudi", "Arif", "Yudi",
  "Puji", "Bagus", "Didik", "Sigit", "Purnomo", "Supriyadi", "Gatot",
};
static const char * const jawa_f[] = {
  "Sri", "Siti", "Endang", "Tri", "Dwi", "Wahyuni", "Sumiati", "Suparmi", "Rini", "Yuli", "Ani",
  "Lestari", "Ratna", "Dewi", "Eka", "Indah", "Sulastri", "Ning", "Tutik", "Umi", "Puji",
  "Retno", "Wulan", "Sumarni",
};
static const char * const jawa_second_m[] = {
  "Santoso", "Wibowo", "Susanto", "Prasetyo", "Nugroho", "Setiawan", "Hartono", "Purnomo",
  "Widodo", "Saputro", "Wijaya", "Kuncoro", "Utomo", "Raharjo", "Sudarmo", "Gunawan",
  "Wicaksono", "Pratama", "Hidayat", "Suryadi",
};
static const char * const jawa_second_f[] = {
  "Rahayu", "Lestari", "Wulandari", "Handayani", "Astuti", "Purwaningsih", "Setyaningsih",
  "Utami", "Kusumawati", "Susanti", "Suryani", "Rahmawati", "Yuliani", "Pratiwi", "Ningsih",
  "Widayati",
};
static const char * const batak_m[] = {
  "Robert", "Hotman", "Parulian", "Martua", "Togar", "Binsar", "Daniel", "Jonny", "Maruli",
  "Fernando", "Sahat", "Poltak", "Tigor", "Andreas", "Samuel", "Benny", "David", "Roy",
};
static const char * const batak_f[] = {
  "Rosmawati", "Tiurma", "Lamria", "Rotua", "Maria", "Sondang", "Romauli", "Sarma", "Debora",
  "Ester", "Lisbet", "Yohana", "Ruth", "Friska", "Novita", "Rika",
};
static const char * const batak_marga[] = {
  "Siregar", "Simanjuntak", "Sihombing", "Nainggolan", "Hutapea", "Nasution", "Lubis",
  "Harahap", "Sitompul", "Simatupang", "Pardede", "Manurung", "Tambunan", "Situmorang",
  "Sinaga", "Panjaitan", "Hutagalung", "Silalahi", "Sianturi", "Purba", "Damanik", "Saragih",
  "Ginting", "Tarigan", "Sembiring",
};
static const char * const minang_m[] = {
  "Afrizal", "Zulkifli", "Rusli", "Syahrial", "Erizal", "Hendri", "Irwan", "Yusran", "Fadhil",
  "Alfian", "Zulfikar", "Buyung", "Ridho", "Taufik", "Firdaus", "Masrul",
};
static const char * const minang_f[] = {
  "Yusnimar", "Rosnida", "Nurmala", "Desmawati", "Yenni", "Elfi", "Syafni", "Rahmi", "Fitri",
  "Yulisma", "Nelmi", "Rosmaini", "Asmawati", "Mardiana",
};
static const char * const minang_second[] = {
  "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Guci", "Syamsuddin",
  "Rasyid", "Arifin", "Yunus", "Bakri", "Hamzah",
};

/* Kabupaten/kota codes (NIK digits 1-4) and how many kecamatan they number. */
static const char * const home_sunda[] = { "3204:31", "3205:42", "3206:39", "3273:30", "3208:32" };
static const char * const home_betawi[] = { "3171:8", "3172:6", "3174:10", "3175:10" };
static const char * const home_jawa[] = {
  "3301:24", "3302:27", "3310:26", "3374:16", "3402:17", "3501:12", "3578:31",
};
static const char * const home_batak[] = { "1212:16", "1271:21", "1207:23" };
static const char * const home_minang[] = { "1371:11", "1306:17", "1375:3" };
/* Neighbours of the city, the most common origin of a NIK issued elsewhere. */
static const char * const nearby[] = {
  "3216:23", "3216:23", "3216:23", "3175:10", "3175:10", "3172:6", "3174:10", "3201:40",
  "3276:11", "3215:30",
};

#define GROUP(w, two, m, f, sm, sf, home) \
  { w, two, m, f, sm, sf, G_N_ELEMENTS (m), G_N_ELEMENTS (f), G_N_ELEMENTS (sm), \
    G_N_ELEMENTS (sf), home, G_N_ELEMENTS (home) }

static const NameGroup name_groups[] = {
  GROUP (330, 750, sunda_m, sunda_f, sunda_second_m, sunda_second_f, home_sunda),
  GROUP (270, 650, betawi_m, betawi_f, betawi_second_m, betawi_second_f, home_betawi),
  GROUP (280, 700, jawa_m, jawa_f, jawa_second_m, jawa_second_f, home_jawa),
  GROUP (70, 1000, batak_m, batak_f, batak_marga, batak_marga, home_batak),
  GROUP (50, 700, minang_m, minang_f, minang_second, minang_second, home_minang),
};

/* --- Working state -------------------------------------------------------------------- */

typedef enum
{
  PHASE_EKOSISTEM,
  PHASE_FIRST,    /* SIGAP's first phase, Nov 2025 */
  PHASE_ENROLLED, /* pekerja rentan enrolled Feb..Oct 2026 */
  N_PHASES
} Phase;

typedef struct
{
  gint64             id;
  const char        *code;
  gboolean           rentan;
  const SectorStory *story;
} Sector;

typedef struct
{
  gint64                id;
  const char           *code;
  const char           *kecamatan_code; /* interned: compare the pointers */
  const KecamatanStory *kecamatan;
  char                  nik_region[7];  /* "327501" */
  int                   target_factor;  /* 80..120: kelurahan differ in size */
  int                   reach_factor;   /* 88..112: and in how well the program reached them */
  int                   settled_factor; /* 95..105: ekosistem staff are everywhere */
} Kelurahan;

typedef struct
{
  guint32 julian;
  char    text[11];
  guint8  day, month;
  guint16 year;
} Day;

/* Open-addressing map from (region, birth date) to the last serial given out, so that NIKs
 * are unique without a lookup in the database. */
typedef struct
{
  guint64 *keys;
  guint16 *serials;
  gsize    capacity;
  gsize    used;
} SerialMap;

typedef struct
{
  SigapDatabase    *db;
  GRand            *rand;
  gint64            total;
  gint64            batch_id;
  gint64            kota_id;

  GArray           *sectors;    /* Sector */
  GArray           *kelurahan;  /* Kelurahan */

  /* Calendar: every day from first_julian, with its ISO text. */
  guint32           first_julian;
  Day              *days;
  guint             n_days;

  /* Registrations and endings per day and segment (0 rentan, 1 ekosistem), counted as the
   * rows are written: the payments are computed from them. */
  gint64           *registered[2];
  gint64           *ended[2];

  SerialMap         serials;
  gint64            kpj_next[4];  /* per registration year from 2024 */

  /* Dates the story uses on every row, as julian days. */
  guint32           cutoff;
  guint32           reverified[3];  /* month ends Jan..Mar 2026 */
  guint32           pppk_waves[3];

  SigapStatement     *insert_flag;
  gint64            flagged;

  /* On a server: participants and notes go through COPY (see copy_participants ()), the notes
   * held back until their participants are in. */
  gboolean          copy;
  GArray           *pending_flags;   /* of PendingFlag */

  SigapProgressFunc progress;
  gpointer          progress_data;
  gint64            written;
  gint64            next_progress;
} Generator;

static void
serial_map_clear (SerialMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->serials, g_free);
  map->capacity = map->used = 0;
}

static gsize
serial_map_slot (const SerialMap *map,
                 guint64          key)
{
  gsize mask = map->capacity - 1;
  gsize slot = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;

  while (map->keys[slot] != 0 && map->keys[slot] != key)
    slot = (slot + 1) & mask;

  return slot;
}

static void
serial_map_grow (SerialMap *map)
{
  SerialMap bigger = { 0 };

  bigger.capacity = map->capacity > 0 ? map->capacity * 2 : 1 << 14;
  bigger.keys = g_new0 (guint64, bigger.capacity);
  bigger.serials = g_new0 (guint16, bigger.capacity);

  for (gsize i = 0; i < map->capacity; i++)
    if (map->keys[i] != 0)
      {
        gsize slot = serial_map_slot (&bigger, map->keys[i]);

        bigger.keys[slot] = map->keys[i];
        bigger.serials[slot] = map->serials[i];
        bigger.used++;
      }

  serial_map_clear (map);
  *map = bigger;
}

/* Returns the slot for @key, inserted with serial 0 when new. */
static gsize
serial_map_lookup (SerialMap *map,
                   guint64    key)
{
  gsize slot;

  if ((map->used + 1) * 2 > map->capacity)
    serial_map_grow (map);

  slot = serial_map_slot (map, key);
  if (map->keys[slot] == 0)
    {
      map->keys[slot] = key;
      map->used++;
    }

  return slot;
}

static void
generator_free (Generator *gen)
{
  g_clear_pointer (&gen->insert_flag, sigap_statement_free);
  g_clear_pointer (&gen->pending_flags, g_array_unref);
  g_clear_object (&gen->db);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->sectors, g_array_unref);
  g_clear_pointer (&gen->kelurahan, g_array_unref);
  g_clear_pointer (&gen->days, g_free);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&gen->registered[i], g_free);
      g_clear_pointer (&gen->ended[i], g_free);
    }
  serial_map_clear (&gen->serials);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Generator, generator_free)

/* --- Small helpers -------------------------------------------------------------------- */

static inline guint32
draw (Generator *gen,
      guint32    n)
{
  g_assert (n > 0 && n <= G_MAXINT32);

  return (guint32) g_rand_int_range (gen->rand, 0, (gint32) n);
}

/* TRUE with probability @per_mille / 1000. */
static inline gboolean
chance (Generator *gen,
        int        per_mille)
{
  return (int) draw (gen, 1000) < per_mille;
}

static guint
pick_weighted (Generator *gen,
               const int *weights,
               guint      n)
{
  guint32 total = 0;
  guint32 u;

  for (guint i = 0; i < n; i++)
    total += (guint32) weights[i];

  u = draw (gen, total);
  for (guint i = 0; i < n; i++)
    {
      if (u < (guint32) weights[i])
        return i;
      u -= (guint32) weights[i];
    }

  g_assert_not_reached ();
}

static guint32
julian_dmy (int day,
            int month,
            int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static guint32
julian_from_iso (const char *iso)
{
  int year = 0, month = 0, day = 0;

  /* Only ever given the constants of this file. */
  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    g_assert_not_reached ();

  return julian_dmy (day, month, year);
}

/* The same day @years earlier; 29 February becomes the 28th. */
static guint32
years_before (guint32 julian,
              guint   years)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_subtract_years (&date, years);
  return g_date_get_julian (&date);
}

static const Day *
day_of (const Generator *gen,
        guint32          julian)
{
  g_assert (julian >= gen->first_julian && julian - gen->first_julian < gen->n_days);

  return &gen->days[julian - gen->first_julian];
}

static guint32
last_day_of_month (int year,
                   int month)
{
  return julian_dmy (g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year), month,
                     year);
}

/* The counts proportional to @weights that sum exactly to @total (largest remainder; ties go
 * to the lower index). */
static void
apportion (gint64        total,
           const gint64 *weights,
           guint         n,
           gint64       *out)
{
  g_autofree gint64 *remainders = g_new0 (gint64, n);
  gint64 weight_sum = 0;
  gint64 given = 0;

  for (guint i = 0; i < n; i++)
    weight_sum += weights[i];

  if (weight_sum == 0)
    {
      memset (out, 0, n * sizeof (gint64));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      /* total * weight can reach 3e6 * 1e9: still far inside gint64. */
      out[i] = total * weights[i] / weight_sum;
      remainders[i] = total * weights[i] % weight_sum;
      given += out[i];
    }

  while (given < total)
    {
      guint best = 0;

      for (guint i = 1; i < n; i++)
        if (remainders[i] > remainders[best])
          best = i;

      out[best]++;
      remainders[best] = -1;
      given++;
    }
}

/* Scales a figure of the story to the requested size, rounding to the nearest. */
static gint64
scale (const Generator *gen,
       gint64           story_value)
{
  gint64 story_size = sigap_demo_default_participants ();

  return (story_value * gen->total + story_size / 2) / story_size;
}

/* Rounds to @digits significant digits, like a figure someone typed into a budget. */
static gint64
round_budget (gint64   value,
              int      digits,
              gboolean up)
{
  gint64 limit = 1;
  gint64 unit = 1;

  for (int i = 0; i < digits; i++)
    limit *= 10;
  while (value / unit >= limit)
    unit *= 10;

  return up ? (value + unit - 1) / unit * unit : (value + unit / 2) / unit * unit;
}

static guint32
fnv1a (const char *text,
       guint32     salt)
{
  guint32 hash = 2166136261u ^ salt;

  for (const char *p = text; *p != '\0'; p++)
    hash = (hash ^ (guint8) *p) * 16777619u;

  return hash;
}

static inline void
put_digits (char    *out,
            guint64  value,
            guint    width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

static gboolean
step_done (Generator     *gen,
           SigapStatement  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sigap_statement_step (stmt);

  sigap_statement_reset (stmt);
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (gen->db, error, what);

  return TRUE;
}

/* --- Reference data ------------------------------------------------------------------- */

static const SectorStory *
find_sector_story (const char *code,
                   gboolean    rentan)
{
  for (guint i = 0; i < G_N_ELEMENTS (sector_story); i++)
    if (strcmp (sector_story[i].code, code) == 0)
      return &sector_story[i];

  return rentan ? &unknown_rentan_sector : &unknown_ekosistem_sector;
}

static const KecamatanStory *
find_kecamatan_story (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (kecamatan_story); i++)
    if (strcmp (kecamatan_story[i].code, code) == 0)
      return &kecamatan_story[i];

  return &unknown_kecamatan;
}

/* Codes and ids come from the database; the story only knows codes. The strings are interned
 * because the statement that produced them is gone by the time they are used. */
static gboolean
load_reference (Generator  *gen,
                GError    **error)
{
  g_autoptr(SigapStatement) sectors = NULL;
  g_autoptr(SigapRegions) regions = NULL;
  GPtrArray *all;
  int rc;

  sectors = sigap_database_prepare (gen->db,
                                    "SELECT id, code, segment FROM sector "
                                    "WHERE segment IN ('" SEGMENT_RENTAN "', "
                                    "                  '" SEGMENT_EKOSISTEM "') "
                                    "ORDER BY sort_order, code",
                                    error);
  if (sectors == NULL)
    return FALSE;

  while ((rc = sigap_statement_step (sectors)) == SIGAP_STEP_ROW)
    {
      Sector sector;

      sector.id = sigap_statement_column_int64 (sectors, 0);
      sector.code = g_intern_string (sigap_statement_column_text (sectors, 1));
      sector.rentan = g_strcmp0 (sigap_statement_column_text (sectors, 2),
                                 SEGMENT_RENTAN) == 0;
      sector.story = find_sector_story (sector.code, sector.rentan);
      g_array_append_val (gen->sectors, sector);
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (gen->db, error, "sector");

  regions = sigap_regions_load (gen->db, error);
  if (regions == NULL)
    return FALSE;

  all = sigap_regions_get_all (regions);
  for (guint i = 0; i < all->len; i++)
    {
      const SigapRegion *region = g_ptr_array_index (all, i);
      const SigapRegion *kecamatan = sigap_regions_kecamatan_of (region);
      g_auto(GStrv) parts = NULL;
      Kelurahan kel = { 0 };

      if (g_strcmp0 (region->level, "kelurahan") != 0 || kecamatan == NULL)
        continue;

      parts = g_strsplit (kecamatan->code, ".", -1);
      kel.id = region->id;
      kel.code = g_intern_string (region->code);
      kel.kecamatan_code = g_intern_string (kecamatan->code);
      kel.kecamatan = find_kecamatan_story (kecamatan->code);

      /* "32.75.01" is also what a NIK issued in that kecamatan starts with: 327501. */
      if (g_strv_length (parts) == 3 && strlen (parts[0]) == 2 && strlen (parts[1]) == 2 &&
          strlen (parts[2]) == 2)
        g_snprintf (kel.nik_region, sizeof kel.nik_region, "%s%s%s", parts[0], parts[1],
                    parts[2]);
      else
        g_strlcpy (kel.nik_region, "327501", sizeof kel.nik_region);

      kel.target_factor = 80 + (int) (fnv1a (kel.code, 1) % 41);
      kel.reach_factor = 88 + (int) (fnv1a (kel.code, 2) % 25);
      kel.settled_factor = 95 + (int) (fnv1a (kel.code, 3) % 11);
      g_array_append_val (gen->kelurahan, kel);
    }

  if (sigap_regions_get_city (regions) == NULL)
    {
      g_set_error_literal (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                           _("The database has no kelurahan or no sectors to build demo data on"));
      return FALSE;
    }
  gen->kota_id = sigap_regions_get_city (regions)->id;

  if (gen->sectors->len == 0 || gen->kelurahan->len == 0)
    {
      g_set_error_literal (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                           _("The database has no kelurahan or no sectors to build demo data on"));
      return FALSE;
    }

  return TRUE;
}

static void
init_calendar (Generator *gen)
{
  /* From the oldest birth date (61 years before the first registration) to the cut-off. */
  guint32 last = julian_from_iso (SIGAP_DEMO_CUTOFF);
  GDate date;

  gen->cutoff = last;
  for (int month = 1; month <= 3; month++)
    gen->reverified[month - 1] = last_day_of_month (2026, month);
  gen->pppk_waves[0] = julian_dmy (31, 12, 2024);
  gen->pppk_waves[1] = julian_dmy (30, 6, 2025);
  gen->pppk_waves[2] = julian_dmy (28, 2, 2026);

  gen->first_julian = julian_dmy (1, 1, 1962);
  gen->n_days = last - gen->first_julian + 1;
  gen->days = g_new (Day, gen->n_days);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, gen->first_julian);
  for (guint i = 0; i < gen->n_days; i++)
    {
      Day *day = &gen->days[i];

      day->julian = gen->first_julian + i;
      day->day = g_date_get_day (&date);
      day->month = g_date_get_month (&date);
      day->year = g_date_get_year (&date);
      g_snprintf (day->text, sizeof day->text, "%04u-%02u-%02u",
                  day->year, day->month, day->day);
      g_date_add_days (&date, 1);
    }

  for (guint i = 0; i < 2; i++)
    {
      gen->registered[i] = g_new0 (gint64, gen->n_days);
      gen->ended[i] = g_new0 (gint64, gen->n_days);
    }
}

/* --- Where the participants live ------------------------------------------------------ */

static int
place_percent (const char *sector,
               const char *kecamatan_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (sector_places); i++)
    if (strcmp (sector_places[i].sector, sector) == 0 &&
        strcmp (sector_places[i].kecamatan, kecamatan_code) == 0)
      return sector_places[i].percent;

  return 100;
}

/* Cumulative weights of the kelurahan for one sector in one phase: participants spread like
 * the targets, times how well each kecamatan was reached. 2026's enrolment leans towards the
 * kecamatan that lagged. */
static gint64 *
kelurahan_weights (Generator *gen,
                   Phase      phase,
                   const Sector *sector)
{
  guint n = gen->kelurahan->len;
  g_autofree gint64 *factor_sum = g_new0 (gint64, n);
  gint64 *cumulative = g_new0 (gint64, n);
  gint64 running = 0;

  /* Within a kecamatan the kelurahan share its weight by their own factors. */
  for (guint i = 0; i < n; i++)
    {
      const Kelurahan *kel = &g_array_index (gen->kelurahan, Kelurahan, i);

      for (guint j = 0; j < n; j++)
        {
          const Kelurahan *other = &g_array_index (gen->kelurahan, Kelurahan, j);

          if (other->kecamatan_code == kel->kecamatan_code)
            factor_sum[i] += (gint64) other->target_factor *
                             (phase == PHASE_EKOSISTEM ? other->settled_factor
                                                       : other->reach_factor);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      const Kelurahan *kel = &g_array_index (gen->kelurahan, Kelurahan, i);
      int coverage = kel->kecamatan->coverage;
      gint64 weight;

      switch (phase)
        {
        case PHASE_EKOSISTEM:
          coverage = 100;
          break;
        case PHASE_FIRST:
          break;
        case PHASE_ENROLLED:
          coverage = 200 - coverage;
          break;
        case N_PHASES:
        default:
          g_assert_not_reached ();
        }

      weight = (gint64) kel->kecamatan->target_weight * coverage * kel->target_factor *
               (phase == PHASE_EKOSISTEM ? kel->settled_factor : kel->reach_factor) * 100 /
               factor_sum[i];
      if (sector->rentan)
        weight = weight * place_percent (sector->code, kel->kecamatan_code) / 100;

      running += weight;
      cumulative[i] = running;
    }

  return cumulative;
}

static guint
pick_cumulative (Generator    *gen,
                 const gint64 *cumulative,
                 guint         n)
{
  guint32 u = draw (gen, (guint32) cumulative[n - 1]);
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((gint64) u < cumulative[mid])
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/* --- One participant ------------------------------------------------------------------ */

typedef struct
{
  char        nik[17];
  char        name[96];
  char        kpj[12];
  const char *birth_date;
  const char *ended_on;
  const char *end_reason;
  const char *source;
  char        sex;
  int         desil;       /* 0: unknown */
} Person;

static void
append_name (char       *out,
             gsize      *len,
             const char *part)
{
  gsize n = strlen (part);

  if (*len > 0)
    out[(*len)++] = ' ';
  memcpy (out + *len, part, n);
  *len += n;
  out[*len] = '\0';
}

static const NameGroup *
make_name (Generator *gen,
           Person    *person)
{
  static const int group_weights[] = { 330, 270, 280, 70, 50 };
  const NameGroup *group = &name_groups[pick_weighted (gen, group_weights,
                                                       G_N_ELEMENTS (group_weights))];
  gboolean female = person->sex == 'P';
  gsize len = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (group_weights) == G_N_ELEMENTS (name_groups));

  person->name[0] = '\0';
  if (female)
    append_name (person->name, &len, group->female[draw (gen, group->n_female)]);
  else
    append_name (person->name, &len, group->male[draw (gen, group->n_male)]);

  if (chance (gen, group->two_names))
    {
      if (female)
        append_name (person->name, &len,
                     group->second_female[draw (gen, group->n_second_female)]);
      else
        append_name (person->name, &len, group->second_male[draw (gen, group->n_second_male)]);
    }

  return group;
}

/* "3216:23": a regency code and how many kecamatan it has. */
static void
pick_region_elsewhere (Generator  *gen,
                       const char *spec,
                       char        out[7])
{
  guint kecamatan_count = (guint) g_ascii_strtoull (spec + 5, NULL, 10);

  memcpy (out, spec, 4);
  put_digits (out + 4, 1 + draw (gen, kecamatan_count), 2);
  out[6] = '\0';
}

/* A NIK that parses: issued where the person lived when it was made (usually the kecamatan of
 * the address, sometimes another one, sometimes another regency: people move), with the birth
 * date (day + 40 for women) and a serial unique for that region and date. */
static void
make_nik (Generator       *gen,
          const Kelurahan *kel,
          const NameGroup *group,
          guint32          birth_julian,
          Person          *person)
{
  char region[7];
  guint u = draw (gen, 1000);

  if (u < 900)
    g_strlcpy (region, kel->nik_region, sizeof region);
  else if (u < 940)
    {
      const Kelurahan *other = &g_array_index (gen->kelurahan, Kelurahan,
                                               draw (gen, gen->kelurahan->len));

      g_strlcpy (region, other->nik_region, sizeof region);
    }
  else if (u < 985)
    pick_region_elsewhere (gen, nearby[draw (gen, G_N_ELEMENTS (nearby))], region);
  else
    pick_region_elsewhere (gen, group->home[draw (gen, group->n_home)], region);

  for (;;)
    {
      const Day *birth = day_of (gen, birth_julian);
      guint day = birth->day + (person->sex == 'P' ? 40 : 0);
      guint64 key;
      gsize slot;
      guint serial;

      key = g_ascii_strtoull (region, NULL, 10) * G_GUINT64_CONSTANT (1000000) +
            day * 10000 + birth->month * 100 + birth->year % 100;
      slot = serial_map_lookup (&gen->serials, key);
      serial = gen->serials.serials[slot] + 1 + draw (gen, 3);

      if (serial > 9999)
        {
          /* Never at 3 million; but a full region and date must not loop forever. */
          birth_julian++;
          continue;
        }

      gen->serials.serials[slot] = (guint16) serial;
      memcpy (person->nik, region, 6);
      put_digits (person->nik + 6, day, 2);
      put_digits (person->nik + 8, birth->month, 2);
      put_digits (person->nik + 10, birth->year % 100, 2);
      put_digits (person->nik + 12, serial, 4);
      person->nik[16] = '\0';
      person->birth_date = birth->text;
      return;
    }
}

static guint32
pick_birth (Generator   *gen,
            AgeShape     shape,
            guint32      oldest,
            guint32      youngest)
{
  guint32 span = youngest - oldest + 1;
  guint32 a = draw (gen, span);
  guint32 b = draw (gen, span);

  switch (shape)
    {
    case AGE_MIDDLE:
      return oldest + (a + b) / 2;
    case AGE_YOUNG:
      return oldest + MAX (a, b);
    case AGE_OLD:
      return oldest + MIN (a, b);
    default:
      g_assert_not_reached ();
    }
}

static guint32
pick_day_between (Generator *gen,
                  guint32    first,
                  guint32    last)
{
  return first + draw (gen, last - first + 1);
}

/* Sets ended_on and end_reason by the phase's rules; never after the cut-off. */
static void
decide_ending (Generator    *gen,
               Phase         phase,
               const Sector *sector,
               guint32       registered,
               Person       *person)
{
  guint32 cutoff = gen->cutoff;
  guint32 ended = 0;
  const char *reason = NULL;
  guint u;

  switch (phase)
    {
    case PHASE_FIRST:
      if (chance (gen, reverification_drop[person->desil]))
        {
          /* Applied in monthly batches, most in January. */
          static const int when[] = { 60, 25, 15 };

          ended = gen->reverified[pick_weighted (gen, when, G_N_ELEMENTS (when))];
          reason = END_DTSEN;
          break;
        }
      u = draw (gen, 1000);
      if (u < 39)
        {
          reason = u < 15 ? END_MOVED : u < 19 ? END_DIED : END_WAGE;
          if (chance (gen, 700))
            ended = pick_day_between (gen, gen->reverified[0] - 29, gen->reverified[2]);
          else
            ended = pick_day_between (gen, gen->reverified[2] + 1, cutoff);
        }
      break;

    case PHASE_ENROLLED:
      u = draw (gen, 1000);
      if (u < 25 && registered + 30 <= cutoff)
        {
          reason = u < 8 ? END_MOVED : u < 10 ? END_DIED : END_WAGE;
          ended = pick_day_between (gen, registered + 30, cutoff);
        }
      break;

    case PHASE_EKOSISTEM:
      {
        /* Staff leave when appointed PPPK/ASN or resign; RT/RW, kader and Linmas when their
         * term ends or they move; anyone may die. Per 1,000. */
        gboolean staff = g_str_equal (sector->code, "non-asn") ||
                         g_str_equal (sector->code, "tenaga-pendidik");
        int appointed = g_str_equal (sector->code, "tenaga-pendidik") ? 90 : staff ? 70 : 0;
        int term = staff ? 0 : g_str_equal (sector->code, "rt-rw") ? 60 :
                   g_str_equal (sector->code, "linmas") ? 40 : 30;
        int left = 10;
        int died = 4;

        u = draw (gen, 1000);
        if ((int) u < appointed)
          {
            /* PPPK appointments take effect in waves. */
            static const int when[] = { 25, 35, 40 };
            guint32 wave = gen->pppk_waves[pick_weighted (gen, when, G_N_ELEMENTS (when))];

            if (wave > registered)
              {
                ended = wave;
                reason = END_PPPK;
              }
          }
        else if ((int) u < appointed + term + left + died && registered + 60 <= cutoff)
          {
            int v = (int) u - appointed;

            if (v < term)
              reason = END_TERM;
            else if (v < term + left)
              reason = staff ? END_RESIGNED : END_MOVED;
            else
              reason = END_DIED;
            ended = pick_day_between (gen, registered + 60, cutoff);
          }
      }
      break;

    case N_PHASES:
    default:
      g_assert_not_reached ();
    }

  person->ended_on = ended != 0 ? day_of (gen, ended)->text : NULL;
  person->end_reason = reason;
  if (ended != 0)
    gen->ended[sector->rentan ? 0 : 1][ended - gen->first_julian]++;
}

/* 11 digits: the year of registration and a number BPJS hands out in order. Lists that
 * arrive in the last fortnight often lack it still. */
static void
make_kpj (Generator *gen,
          const Day *registered,
          Person    *person)
{
  gint64 *next = &gen->kpj_next[CLAMP (registered->year - 2024, 0, 3)];

  if (chance (gen, registered->julian + 14 >= gen->cutoff ? 600 : 20))
    {
      person->kpj[0] = '\0';
      return;
    }

  if (*next == 0)
    *next = 100000000 + draw (gen, 50000000);
  *next += 1 + draw (gen, 30);

  put_digits (person->kpj, registered->year % 100, 2);
  put_digits (person->kpj + 2, (guint64) *next % 1000000000, 9);
  person->kpj[11] = '\0';
}

/* --- The phases ----------------------------------------------------------------------- */

typedef struct
{
  guint32 julian;
  gint64  count;
} DayCount;

/* Registrations are made at the office: weekdays, a few on Saturday, none on the fixed
 * national holidays. */
static int
office_weight (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  switch (g_date_get_month (&date) * 100 + g_date_get_day (&date))
    {
    case 101:  /* Tahun Baru */
    case 501:  /* Hari Buruh */
    case 601:  /* Hari Lahir Pancasila */
    case 817:  /* Hari Kemerdekaan */
    case 1225: /* Natal */
      return 0;
    default:
      break;
    }

  switch (g_date_get_weekday (&date))
    {
    case G_DATE_SATURDAY:
      return 2;
    case G_DATE_SUNDAY:
      return 0;
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_FRIDAY:
      return 10;
    case G_DATE_BAD_WEEKDAY:
    default:
      g_assert_not_reached ();
    }
}

/* Spreads @count over the office days of months [first_month, first_month + n_months) of
 * @year (months may run past December) by @month_weights. */
static GArray *
spread_over_months (gint64     count,
                    int        year,
                    int        first_month,
                    const int *month_weights,
                    guint      n_months)
{
  g_autofree gint64 *weights = g_new (gint64, n_months);
  g_autofree gint64 *per_month = g_new (gint64, n_months);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (DayCount));

  for (guint i = 0; i < n_months; i++)
    weights[i] = month_weights[i];
  apportion (count, weights, n_months, per_month);

  for (guint i = 0; i < n_months; i++)
    {
      int month = (first_month - 1 + (int) i) % 12 + 1;
      int y = year + (first_month - 1 + (int) i) / 12;
      guint32 first = julian_dmy (1, month, y);
      guint32 last = last_day_of_month (y, month);
      guint n = last - first + 1;
      g_autofree gint64 *day_weights = g_new (gint64, n);
      g_autofree gint64 *per_day = g_new (gint64, n);

      for (guint d = 0; d < n; d++)
        day_weights[d] = office_weight (first + d);
      apportion (per_month[i], day_weights, n, per_day);

      for (guint d = 0; d < n; d++)
        if (per_day[d] > 0)
          {
            DayCount dc = { first + d, per_day[d] };

            g_array_append_val (days, dc);
          }
    }

  return days;
}

/* The launch: a large share of the first phase registered on the day itself, 5 Nov 2025, the
 * rest over the following weeks of November. */
static GArray *
spread_first_phase (gint64 count)
{
  guint32 launch = julian_dmy (5, 11, 2025);
  guint32 last = julian_dmy (28, 11, 2025);
  guint n = last - launch + 1;
  g_autofree gint64 *weights = g_new (gint64, n);
  g_autofree gint64 *per_day = g_new (gint64, n);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (DayCount));
  gint64 rest = 0;

  for (guint d = 1; d < n; d++)
    {
      weights[d] = office_weight (launch + d) * (n - d);
      rest += weights[d];
    }
  /* 55 % on the launch day. */
  weights[0] = rest * 55 / 45;
  apportion (count, weights, n, per_day);

  for (guint d = 0; d < n; d++)
    if (per_day[d] > 0)
      {
        DayCount dc = { launch + d, per_day[d] };

        g_array_append_val (days, dc);
      }

  return days;
}

/* --- Through COPY (a server) ----------------------------------------------------------- */

/* Row by row, each participant costs a round trip and its tally triggers on a server. There
 * the participants stream through COPY instead, in statements of COPY_ROWS rows (each
 * statement's rows are held for its triggers), and their notes, which need the participants'
 * ids, follow in one COPY of their own once all participants are in: the notes' triggers look
 * their participants up, and the statistics of the table emptied a moment ago would have
 * them scan it again for every piece. The ids are known before
 * the rows are written: the tables were emptied with RESTART IDENTITY in this transaction,
 * which holds them exclusively, so the n-th participant written gets the id n (checked at
 * the end by check_ids ()). The tallies are counted by the server's statement-level triggers
 * once per COPY. */
#define COPY_ROWS 65536

typedef struct
{
  gint64      participant_id;
  const char *kind;
  char        detail[16];
} PendingFlag;

static const char * const participant_columns[] = {
  "nik", "name", "kelurahan_id", "sector_id", "desil", "sex", "birth_date", "registered_on",
  "ended_on", "end_reason", "kpj_number", "source", "funding_source", "batch_id", NULL
};

static const char * const flag_columns[] = {
  "participant_id", "kind", "detail", "batch_id", NULL
};

static gboolean
copy_participants_begin (Generator  *gen,
                         GError    **error)
{
  return sigap_database_copy_begin (gen->db, "participant", participant_columns, error);
}

/* Ends the participants' COPY, and either starts the next (@more) or writes the notes held
 * back. */
static gboolean
copy_flush (Generator  *gen,
            gboolean    more,
            GError    **error)
{
  char batch[24];

  if (!sigap_database_copy_end (gen->db, error))
    return FALSE;
  if (more)
    return copy_participants_begin (gen, error);

  g_snprintf (batch, sizeof batch, "%" G_GINT64_FORMAT, gen->batch_id);
  if (gen->pending_flags->len > 0)
    {
      if (!sigap_database_copy_begin (gen->db, "participant_flag", flag_columns, error))
        return FALSE;
      for (guint i = 0; i < gen->pending_flags->len; i++)
        {
          const PendingFlag *flag = &g_array_index (gen->pending_flags, PendingFlag, i);
          char id[24];
          const char *values[] = { id, flag->kind,
                                   flag->detail[0] != '\0' ? flag->detail : NULL, batch };

          g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, flag->participant_id);
          if (!sigap_database_copy_row (gen->db, values, error))
            return FALSE;
        }
      g_array_set_size (gen->pending_flags, 0);
      if (!sigap_database_copy_end (gen->db, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
copy_person (Generator        *gen,
             const Person     *person,
             const Kelurahan  *kel,
             const Sector     *sector,
             const Day        *registered,
             GError          **error)
{
  char kelurahan_id[24], sector_id[24], desil[4], batch[24];
  char nik[17], sex[2] = { person->sex == 'P' ? 'P' : 'L', '\0' };
  char birth_date[11], registered_on[11], ended_on[11], kpj[12];
  const char *values[14];

  g_snprintf (kelurahan_id, sizeof kelurahan_id, "%" G_GINT64_FORMAT, kel->id);
  g_snprintf (sector_id, sizeof sector_id, "%" G_GINT64_FORMAT, sector->id);
  g_snprintf (desil, sizeof desil, "%d", person->desil);
  g_snprintf (batch, sizeof batch, "%" G_GINT64_FORMAT, gen->batch_id);
  g_strlcpy (nik, person->nik, sizeof nik);
  g_strlcpy (birth_date, person->birth_date, sizeof birth_date);
  g_strlcpy (registered_on, registered->text, sizeof registered_on);
  if (person->ended_on != NULL)
    g_strlcpy (ended_on, person->ended_on, sizeof ended_on);
  g_strlcpy (kpj, person->kpj, sizeof kpj);

  values[0] = nik;
  values[1] = person->name;
  values[2] = kelurahan_id;
  values[3] = sector_id;
  values[4] = person->desil > 0 ? desil : NULL;
  values[5] = sex;
  values[6] = birth_date;
  values[7] = registered_on;
  values[8] = person->ended_on != NULL ? ended_on : NULL;
  values[9] = person->ended_on != NULL ? person->end_reason : NULL;
  values[10] = person->kpj[0] != '\0' ? kpj : NULL;
  values[11] = person->source;
  values[12] = FUNDING_SOURCE;
  values[13] = batch;

  if (!sigap_database_copy_row (gen->db, values, error))
    return FALSE;

  return (gen->written + 1) % COPY_ROWS != 0 || copy_flush (gen, TRUE, error);
}

static void
index_made (guint    n_made,
            guint    n_total,
            gpointer user_data)
{
  Generator *gen = user_data;

  if (gen->progress != NULL)
    gen->progress (0.8 + 0.15 * n_made / (n_total + 1), gen->progress_data);
}

/* The n-th participant written got the id n. */
static gboolean
check_ids (Generator  *gen,
           GError    **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

  stmt = sigap_database_prepare (gen->db,
                                 "SELECT count (*), coalesce (min (id), 0), "
                                 "coalesce (max (id), 0) FROM participant",
                                 error);
  if (stmt == NULL)
    return FALSE;
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (gen->db, error, "participant");

  if (sigap_statement_column_int64 (stmt, 0) != gen->written ||
      (gen->written > 0 && (sigap_statement_column_int64 (stmt, 1) != 1 ||
                            sigap_statement_column_int64 (stmt, 2) != gen->written)))
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                   _("The demo’s participants did not get the ids 1 to %lld"),
                   (long long) gen->written);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_flag (Generator  *gen,
             gint64      participant_id,
             const char *kind,
             const char *detail)
{
  int rc;

  if (gen->copy)
    {
      PendingFlag flag = { participant_id, kind, "" };

      if (detail != NULL)
        g_strlcpy (flag.detail, detail, sizeof flag.detail);
      g_array_append_val (gen->pending_flags, flag);
      return TRUE;
    }

  sigap_statement_bind_int64 (gen->insert_flag, 1, participant_id);
  sigap_statement_bind_text (gen->insert_flag, 2, kind);
  if (detail != NULL)
    sigap_statement_bind_text (gen->insert_flag, 3, detail);
  else
    sigap_statement_bind_null (gen->insert_flag, 3);

  rc = sigap_statement_step (gen->insert_flag);
  sigap_statement_reset (gen->insert_flag);
  return rc == SIGAP_STEP_DONE;
}

/* The data-quality notes an import would attach to the same row. Demo ages are 18 to 60 at
 * registration, never worth the age note, so the dates are not parsed for it. */
static gboolean
write_flags (Generator    *gen,
             const Person *person,
             gboolean      rentan)
{
  /* Through COPY, the id the row will get (see check_ids ()). */
  gint64 id = gen->copy ? gen->written + 1 : sigap_database_last_insert_id (gen->db);
  SigapParticipantFlagNote notes[SIGAP_PARTICIPANT_FLAG_N];
  guint n_notes;

  n_notes = sigap_participant_flags_compute (person->nik, person->desil,
                                             rentan ? SIGAP_SEGMENT_RENTAN
                                                    : SIGAP_SEGMENT_EKOSISTEM,
                                             person->kpj[0] != '\0', NULL, NULL, notes);

  for (guint i = 0; i < n_notes; i++)
    if (!insert_flag (gen, id, sigap_participant_flag_to_string (notes[i].flag),
                      notes[i].detail[0] != '\0' ? notes[i].detail : NULL))
      return FALSE;

  if (n_notes > 0)
    gen->flagged++;

  return TRUE;
}

static const int *
phase_desil (Phase phase)
{
  switch (phase)
    {
    case PHASE_EKOSISTEM:
      return desil_ekosistem;
    case PHASE_FIRST:
      return desil_phase1;
    case PHASE_ENROLLED:
      return desil_enrolled;
    case N_PHASES:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_phase (Generator      *gen,
             Phase           phase,
             gint64          count,
             SigapStatement   *insert,
             GCancellable   *cancellable,
             GError        **error)
{
  guint n_sectors = gen->sectors->len;
  guint n_kel = gen->kelurahan->len;
  g_autoptr(GArray) days = NULL;
  g_autofree gint64 *sector_weights = g_new0 (gint64, n_sectors);
  g_autofree gint64 *sector_left = g_new0 (gint64, n_sectors);
  g_autofree gint64 **kel_weights = g_new0 (gint64 *, n_sectors);
  const int *desil = phase_desil (phase);
  gboolean rentan = phase != PHASE_EKOSISTEM;
  gint64 left = count;
  gboolean ok = FALSE;

  if (count == 0)
    return TRUE;

  switch (phase)
    {
    case PHASE_EKOSISTEM:
      days = spread_over_months (count, 2024, 1, ekosistem_months,
                                 G_N_ELEMENTS (ekosistem_months));
      break;
    case PHASE_FIRST:
      days = spread_first_phase (count);
      break;
    case PHASE_ENROLLED:
      days = spread_over_months (count, 2026, 2, enrolled_months,
                                 G_N_ELEMENTS (enrolled_months));
      break;
    case N_PHASES:
    default:
      g_assert_not_reached ();
    }

  /* Exact sector counts, then drawn without replacement: small sectors are never left out
   * by chance, and each sector's rows still spread over the whole period. */
  for (guint s = 0; s < n_sectors; s++)
    {
      const Sector *sector = &g_array_index (gen->sectors, Sector, s);

      if (sector->rentan == rentan)
        sector_weights[s] = phase == PHASE_ENROLLED ? sector->story->enrolled
                                                    : sector->story->phase1;
    }
  apportion (count, sector_weights, n_sectors, sector_left);
  if (count >= 10 * (gint64) n_sectors)
    for (guint s = 0; s < n_sectors; s++)
      if (sector_weights[s] > 0 && sector_left[s] == 0)
        {
          guint biggest = 0;

          for (guint t = 1; t < n_sectors; t++)
            if (sector_left[t] > sector_left[biggest])
              biggest = t;
          sector_left[biggest]--;
          sector_left[s]++;
        }

  for (guint s = 0; s < n_sectors; s++)
    if (sector_left[s] > 0)
      kel_weights[s] = kelurahan_weights (gen, phase,
                                          &g_array_index (gen->sectors, Sector, s));

  for (guint d = 0; d < days->len; d++)
    {
      const DayCount *dc = &g_array_index (days, DayCount, d);
      const Day *registered = day_of (gen, dc->julian);
      /* Aged 18 to 60 on the day of registration. */
      guint32 youngest = years_before (dc->julian, 18);
      guint32 oldest = years_before (dc->julian, 61) + 1;

      for (gint64 i = 0; i < dc->count; i++)
        {
          Person person;
          const Sector *sector;
          const Kelurahan *kel;
          const NameGroup *group;
          guint32 u;
          guint s = 0;
          int rc;

          u = draw (gen, (guint32) left);
          while (u >= (guint32) sector_left[s])
            u -= (guint32) sector_left[s++];
          sector_left[s]--;
          left--;
          sector = &g_array_index (gen->sectors, Sector, s);
          kel = &g_array_index (gen->kelurahan, Kelurahan,
                                pick_cumulative (gen, kel_weights[s], n_kel));

          person.sex = chance (gen, sector->story->female) ? 'P' : 'L';
          group = make_name (gen, &person);
          make_nik (gen, kel, group, pick_birth (gen, sector->story->age, oldest, youngest),
                    &person);
          person.desil = (int) pick_weighted (gen, desil, 11);
          decide_ending (gen, phase, sector, dc->julian, &person);
          make_kpj (gen, registered, &person);
          person.source = chance (gen, sector->story->source_share) ? sector->story->source
                                                                    : SOURCE_DTSEN;

          if (gen->copy)
            {
              if (!write_flags (gen, &person, rentan))
                {
                  sigap_database_set_error (gen->db, error, "participant_flag");
                  goto out;
                }
              if (!copy_person (gen, &person, kel, sector, registered, error))
                goto out;
              goto written;
            }

          sigap_statement_bind_text_len (insert, 1, person.nik, 16);
          sigap_statement_bind_text (insert, 2, person.name);
          sigap_statement_bind_int64 (insert, 3, kel->id);
          sigap_statement_bind_int64 (insert, 4, sector->id);
          if (person.desil > 0)
            sigap_statement_bind_int (insert, 5, person.desil);
          else
            sigap_statement_bind_null (insert, 5);
          sigap_statement_bind_text_len (insert, 6, person.sex == 'P' ? "P" : "L", 1);
          sigap_statement_bind_text_len (insert, 7, person.birth_date, 10);
          sigap_statement_bind_text_len (insert, 8, registered->text, 10);
          if (person.ended_on != NULL)
            {
              sigap_statement_bind_text_len (insert, 9, person.ended_on, 10);
              sigap_statement_bind_text (insert, 10, person.end_reason);
            }
          else
            {
              sigap_statement_bind_null (insert, 9);
              sigap_statement_bind_null (insert, 10);
            }
          if (person.kpj[0] != '\0')
            sigap_statement_bind_text_len (insert, 11, person.kpj, 11);
          else
            sigap_statement_bind_null (insert, 11);
          sigap_statement_bind_text (insert, 12, person.source);

          rc = sigap_statement_step (insert);
          sigap_statement_reset (insert);
          if (rc != SIGAP_STEP_DONE)
            {
              sigap_database_set_error (gen->db, error, "participant");
              goto out;
            }
          if (!write_flags (gen, &person, rentan))
            {
              sigap_database_set_error (gen->db, error, "participant_flag");
              goto out;
            }

        written:
          gen->registered[rentan ? 0 : 1][dc->julian - gen->first_julian]++;
          gen->written++;

          if ((gen->written & 4095) == 0 &&
              g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;

          if (gen->progress != NULL && gen->written >= gen->next_progress)
            {
              gen->progress (0.8 * (double) gen->written / (double) gen->total,
                             gen->progress_data);
              gen->next_progress = gen->written + MAX (gen->total / 200, 1);
            }
        }
    }

  g_assert (left == 0);
  ok = TRUE;

out:
  for (guint s = 0; s < n_sectors; s++)
    g_free (kel_weights[s]);

  return ok;
}

/* --- Targets, budget, payments -------------------------------------------------------- */

static gboolean
write_targets (Generator  *gen,
               GError    **error)
{
  static const struct { int year; const char *segment; gint64 count; } city[] = {
    { 2025, SEGMENT_RENTAN, TARGET_RENTAN_2025 },
    { 2026, SEGMENT_RENTAN, TARGET_RENTAN_2026 },
    { 2025, SEGMENT_EKOSISTEM, TARGET_EKOSISTEM_2025 },
    { 2026, SEGMENT_EKOSISTEM, TARGET_EKOSISTEM_2026 },
  };
  guint n_kel = gen->kelurahan->len;
  guint n_sectors = gen->sectors->len;
  g_autofree gint64 *weights = g_new0 (gint64, MAX (n_kel, n_sectors));
  g_autofree gint64 *counts = g_new0 (gint64, MAX (n_kel, n_sectors));
  g_autofree gint64 *factor_sum = g_new0 (gint64, n_kel);
  g_autoptr(SigapStatement) insert = NULL;

  insert = sigap_database_prepare (gen->db,
                                   "INSERT INTO target (year, region_id, segment, sector_id, "
                                   "count, batch_id) VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;
  sigap_statement_bind_int64 (insert, 6, gen->batch_id);

  /* The kecamatan's share, divided among its kelurahan by their size. */
  for (guint i = 0; i < n_kel; i++)
    {
      const Kelurahan *kel = &g_array_index (gen->kelurahan, Kelurahan, i);

      for (guint j = 0; j < n_kel; j++)
        {
          const Kelurahan *other = &g_array_index (gen->kelurahan, Kelurahan, j);

          if (other->kecamatan_code == kel->kecamatan_code)
            factor_sum[i] += other->target_factor;
        }
    }
  for (guint i = 0; i < n_kel; i++)
    {
      const Kelurahan *kel = &g_array_index (gen->kelurahan, Kelurahan, i);

      weights[i] = (gint64) kel->kecamatan->target_weight * kel->target_factor * 100000 /
                   factor_sum[i];
    }

  for (guint t = 0; t < G_N_ELEMENTS (city); t++)
    {
      gint64 total = scale (gen, city[t].count);

      apportion (total, weights, n_kel, counts);
      sigap_statement_bind_int (insert, 1, city[t].year);
      sigap_statement_bind_text (insert, 3, city[t].segment);
      sigap_statement_bind_null (insert, 4);

      for (guint i = 0; i < n_kel; i++)
        {
          sigap_statement_bind_int64 (insert, 2, g_array_index (gen->kelurahan, Kelurahan, i).id);
          sigap_statement_bind_int64 (insert, 5, counts[i]);
          if (!step_done (gen, insert, "target", error))
            return FALSE;
        }

      sigap_statement_bind_int64 (insert, 2, gen->kota_id);
      sigap_statement_bind_int64 (insert, 5, total);
      if (!step_done (gen, insert, "target", error))
        return FALSE;
    }

  /* 2026's rentan target by sector, for the whole city. */
  for (guint s = 0; s < n_sectors; s++)
    {
      const Sector *sector = &g_array_index (gen->sectors, Sector, s);

      weights[s] = sector->rentan ? sector->story->target : 0;
    }
  apportion (scale (gen, TARGET_RENTAN_2026), weights, n_sectors, counts);

  sigap_statement_bind_int (insert, 1, 2026);
  sigap_statement_bind_int64 (insert, 2, gen->kota_id);
  sigap_statement_bind_text (insert, 3, SEGMENT_RENTAN);
  for (guint s = 0; s < n_sectors; s++)
    {
      const Sector *sector = &g_array_index (gen->sectors, Sector, s);

      if (!sector->rentan)
        continue;

      sigap_statement_bind_int64 (insert, 4, sector->id);
      sigap_statement_bind_int64 (insert, 5, counts[s]);
      if (!step_done (gen, insert, "target", error))
        return FALSE;
    }

  return TRUE;
}

/* JKK + JKM per month in force on @date, from the dated rates in premium_rate. */
static gboolean
monthly_premium (Generator   *gen,
                 const char  *date,
                 gint64      *out_premium,
                 GError     **error)
{
  g_autoptr(SigapStatement) stmt = NULL;

  stmt = sigap_database_prepare (gen->db,
                                 "SELECT coalesce (sum (monthly), 0) FROM premium_rate r "
                                 "WHERE valid_from = (SELECT max (valid_from) FROM premium_rate "
                                 "                    WHERE program = r.program "
                                 "                      AND valid_from <= ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sigap_statement_bind_text (stmt, 1, date);
  if (sigap_statement_step (stmt) != SIGAP_STEP_ROW)
    return sigap_database_set_error (gen->db, error, "premium_rate");

  *out_premium = sigap_statement_column_int64 (stmt, 0);
  if (*out_premium <= 0)
    {
      g_set_error (error, SIGAP_DATABASE_ERROR, SIGAP_DATABASE_ERROR_FAILED,
                   _("No premium rate is in force on %s"), date);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  int         year;
  const char *segment;
  gint64      pagu;
  const char *note;
} BudgetRow;

static gboolean
write_budgets (Generator  *gen,
               GError    **error)
{
  g_autoptr(SigapStatement) insert = NULL;
  gint64 premium_2025, premium_2026;
  BudgetRow rows[4];

  if (!monthly_premium (gen, "2025-01-01", &premium_2025, error) ||
      !monthly_premium (gen, "2026-01-01", &premium_2026, error))
    return FALSE;

  /* The ekosistem's pagu covers its target for twelve months, in round figures. */
  rows[0] = (BudgetRow) { 2025, SEGMENT_RENTAN,
                                 round_budget (scale (gen, PAGU_RENTAN_2025), 3, FALSE),
                                 "APBD Perubahan 2025: SIGAP tahap 1" };
  rows[1] = (BudgetRow) { 2026, SEGMENT_RENTAN,
                                 round_budget (scale (gen, PAGU_RENTAN_2026), 3, FALSE),
                                 "APBD 2026: SIGAP" };
  rows[2] = (BudgetRow) { 2025, SEGMENT_EKOSISTEM,
                                 round_budget (scale (gen, TARGET_EKOSISTEM_2025) * 12 *
                                               premium_2025, 2, TRUE),
                                 "APBD 2025: ekosistem Pemkot" };
  rows[3] = (BudgetRow) { 2026, SEGMENT_EKOSISTEM,
                                 round_budget (scale (gen, TARGET_EKOSISTEM_2026) * 12 *
                                               premium_2026, 2, TRUE),
                                 "APBD 2026: ekosistem Pemkot" };

  insert = sigap_database_prepare (gen->db,
                                   "INSERT INTO budget (year, segment, funding_source, pagu, "
                                   "note, batch_id) VALUES (?, ?, '" FUNDING_SOURCE "', ?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sigap_statement_bind_int (insert, 1, rows[i].year);
      sigap_statement_bind_text (insert, 2, rows[i].segment);
      sigap_statement_bind_int64 (insert, 3, rows[i].pagu);
      sigap_statement_bind_text (insert, 4, rows[i].note);
      sigap_statement_bind_int64 (insert, 5, gen->batch_id);
      if (!step_done (gen, insert, "budget", error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint32     paid_on;
  int         segment; /* 0 rentan, 1 ekosistem */
  guint32     period_start;
  guint32     period_end;
  int         months;
} Payment;

static int
compare_payments (gconstpointer a,
                  gconstpointer b)
{
  const Payment *pa = a, *pb = b;

  if (pa->paid_on != pb->paid_on)
    return pa->paid_on < pb->paid_on ? -1 : 1;
  return pa->segment - pb->segment;
}

/* SP2D are drawn on a working day around the 10th to 15th; January's come later, when the
 * year's DPA is ready. */
static guint32
pick_paid_on (Generator *gen,
              int        year,
              int        month)
{
  int first = month == 1 ? 15 : 10;
  guint32 paid_on = julian_dmy (first + (int) draw (gen, 6), month, year);

  while (office_weight (paid_on) < 10)
    paid_on++;

  return paid_on;
}

static void
add_payment (GArray  *payments,
             guint32  paid_on,
             int      segment,
             int      year,
             int      month,
             int      months)
{
  int last_month = (month - 1 + months - 1) % 12 + 1;
  int last_year = year + (month - 1 + months - 1) / 12;
  Payment payment = {
    paid_on, segment, julian_dmy (1, month, year), last_day_of_month (last_year, last_month),
    months,
  };

  g_array_append_val (payments, payment);
}

/* The participants active on @julian (registered on or before it, not ended on or before
 * it), from the counts kept while writing the rows. */
static gint64
active_on (const Generator *gen,
           int              segment,
           guint32          julian)
{
  gint64 active = 0;

  for (guint32 j = gen->first_julian; j <= julian; j++)
    active += gen->registered[segment][j - gen->first_julian] -
              gen->ended[segment][j - gen->first_julian];

  return active;
}

static gboolean
write_payments (Generator  *gen,
                GError    **error)
{
  static const char * const segments[] = { SEGMENT_RENTAN, SEGMENT_EKOSISTEM };
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (Payment));
  g_autoptr(SigapStatement) insert = NULL;
  int last_year = 0;
  gint64 last_number = 0;

  /* Ekosistem: every month from January 2025, each for its own month. */
  for (int i = 0; i < 22; i++)
    {
      int year = 2025 + i / 12, month = i % 12 + 1;

      add_payment (payments, pick_paid_on (gen, year, month), 1, year, month, 1);
    }

  /* Rentan: one SP2D in December 2025 for November to January (January paid in advance),
   * then monthly from February 2026. */
  add_payment (payments, pick_paid_on (gen, 2025, 12) - 2, 0, 2025, 11, 3);
  for (int month = 2; month <= 10; month++)
    add_payment (payments, pick_paid_on (gen, 2026, month), 0, 2026, month, 1);

  g_array_sort (payments, compare_payments);

  insert = sigap_database_prepare (gen->db,
                                   "INSERT INTO payment (paid_on, sp2d_number, segment, "
                                   "funding_source, period_start, period_end, participants, "
                                   "amount, batch_id) "
                                   "VALUES (?, ?, ?, '" FUNDING_SOURCE "', ?, ?, ?, ?, ?)",
                                   error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < payments->len; i++)
    {
      const Payment *payment = &g_array_index (payments, Payment, i);
      const Day *paid = day_of (gen, payment->paid_on);
      const Day *start = day_of (gen, payment->period_start);
      gint64 participants = active_on (gen, payment->segment, payment->paid_on);
      gint64 premium;
      gint64 expected;
      char number[32];

      if (!monthly_premium (gen, start->text, &premium, error))
        return FALSE;

      /* SP2D numbers run through BPKAD's year, about 4,000 of them. */
      if (paid->year != last_year)
        {
          last_year = paid->year;
          last_number = 0;
        }
      expected = (gint64) (payment->paid_on - julian_dmy (1, 1, paid->year)) * 4000 / 365 +
                 (gint64) draw (gen, 150);
      last_number = MAX (last_number + 1, expected);
      g_snprintf (number, sizeof number, "%04" G_GINT64_FORMAT "/SP2D/LS/BPKAD/%u",
                  last_number, paid->year);

      sigap_statement_bind_text_len (insert, 1, paid->text, 10);
      sigap_statement_bind_text_copy (insert, 2, number);
      sigap_statement_bind_text (insert, 3, segments[payment->segment]);
      sigap_statement_bind_text_len (insert, 4, start->text, 10);
      sigap_statement_bind_text_len (insert, 5, day_of (gen, payment->period_end)->text, 10);
      sigap_statement_bind_int64 (insert, 6, participants);
      sigap_statement_bind_int64 (insert, 7, participants * premium * payment->months);
      sigap_statement_bind_int64 (insert, 8, gen->batch_id);
      if (!step_done (gen, insert, "payment", error))
        return FALSE;
    }

  return TRUE;
}

/* --- Files ---------------------------------------------------------------------------- */

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* A statement left open would keep the connection, and the file, open past the rename. */
static void
close_database (Generator *gen)
{
  g_clear_pointer (&gen->insert_flag, sigap_statement_free);
  if (gen->db != NULL)
    sigap_database_set_cancellable (gen->db, NULL);
  g_clear_object (&gen->db);
}

static gboolean
set_pragmas (Generator  *gen,
             GError    **error)
{
  /* Nothing else has the temporary file open, and a failure deletes it: no sync, and the
   * journal (of a fresh file: a few pages) stays in memory. A bigger page cache than 64 MB
   * buys nothing at 3 million rows: without sync, the OS absorbs the spills. */
  return sigap_database_exec (gen->db,
                              "PRAGMA journal_mode = MEMORY;"
                              "PRAGMA synchronous = OFF;"
                              "PRAGMA cache_size = -65536;",
                              error);
}

/* The bulk path. Per row, the tally trigger (four upserts) and the three secondary indexes of
 * participant cost about 85 % of the load. On this fresh, private file they are dropped for
 * the load and made again afterwards from their own SQL in sqlite_schema, so the schema ends
 * exactly as the migrations wrote it; the tallies are then counted in one pass. The tests
 * compare those tallies with what the trigger itself makes of the same rows.
 *
 * Only the trigger known by name is taken: should the schema keep its tallies some other way,
 * the rows go through whatever it has, and a tally written twice fails on its primary key
 * instead of counting double. */
#define TALLY_TRIGGER "participant_tally_insert"

static gboolean
defer_participant_objects (Generator  *gen,
                           GPtrArray  *deferred,
                           gboolean   *out_tallies,
                           GError    **error)
{
  g_autoptr(SigapStatement) stmt = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = sigap_database_prepare (gen->db,
                                 "SELECT type, name, sql FROM sqlite_schema "
                                 "WHERE tbl_name = 'participant' AND sql IS NOT NULL "
                                 "  AND (type = 'index' OR (type = 'trigger' AND name = ?)) "
                                 "ORDER BY type, name",
                                 error);
  if (stmt == NULL)
    return FALSE;

  *out_tallies = FALSE;
  sigap_statement_bind_text (stmt, 1, TALLY_TRIGGER);
  while ((rc = sigap_statement_step (stmt)) == SIGAP_STEP_ROW)
    {
      const char *type = sigap_statement_column_text (stmt, 0);
      const char *name = sigap_statement_column_text (stmt, 1);
      g_autofree char *quoted = sigap_database_quote_identifier (name);

      g_ptr_array_add (drops, g_strdup_printf ("DROP %s %s", type, quoted));
      /* Indexes sort before triggers: they come back first, the trigger after the count. */
      g_ptr_array_add (deferred, g_strdup (sigap_statement_column_text (stmt, 2)));
      if (g_str_equal (type, "trigger"))
        *out_tallies = TRUE;
    }
  if (rc != SIGAP_STEP_DONE)
    return sigap_database_set_error (gen->db, error, "sqlite_schema");

  for (guint i = 0; i < drops->len; i++)
    if (!sigap_database_exec (gen->db, g_ptr_array_index (drops, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
restore_participant_objects (Generator  *gen,
                             GPtrArray  *deferred,
                             gboolean    tallies,
                             GError    **error)
{
  guint n_indexes = deferred->len - (tallies ? 1 : 0);

  for (guint i = 0; i < n_indexes; i++)
    {
      if (!sigap_database_exec (gen->db, g_ptr_array_index (deferred, i), error))
        return FALSE;

      if (gen->progress != NULL)
        gen->progress (0.8 + 0.15 * (i + 1) / (n_indexes + 1), gen->progress_data);
    }

  if (!tallies)
    return TRUE;

  return sigap_database_rebuild_tallies (gen->db, error) &&
         sigap_database_exec (gen->db, g_ptr_array_index (deferred, n_indexes), error);
}

static gboolean
generate (Generator     *gen,
          GCancellable  *cancellable,
          guint32        seed,
          GError       **error)
{
  g_autoptr(SigapStatement) batch = NULL;
  g_autoptr(SigapStatement) insert = NULL;
  g_autoptr(GPtrArray) deferred = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *checksum = NULL;
  gint64 first_phase, ekosistem, enrolled;
  gboolean tallies;

  if (!load_reference (gen, error))
    return FALSE;
  init_calendar (gen);

  /* The story's proportions at the requested size; the 2026 enrolment takes the rounding. */
  first_phase = scale (gen, PHASE1_PARTICIPANTS);
  ekosistem = scale (gen, EKOSISTEM_ROWS);
  enrolled = gen->total - first_phase - ekosistem;
  if (enrolled < 0)
    {
      ekosistem += enrolled;
      enrolled = 0;
    }

  if (!sigap_database_begin (gen->db, error))
    return FALSE;
  if (!sigap_database_lock_writers (gen->db, error))
    return FALSE;

  /* On a server, the rows go through the tally triggers: the schema is shared, and its
   * indexes and triggers are not this connection's to drop. What was there goes in the same
   * transaction, so that readers see the old data or the new, never a mix. */
  tallies = FALSE;
  if (sigap_database_get_engine (gen->db) == SIGAP_DATABASE_ENGINE_POSTGRES)
    {
      if (!sigap_database_exec (gen->db,
                                "TRUNCATE participant_flag, participant, import_reject, "
                                "target, budget, payment, import_batch, tally_sector, "
                                "tally_desil, tally_flag RESTART IDENTITY;"
                                "DELETE FROM sigap_meta WHERE key = 'data_cutoff'",
                                error) ||
          !sigap_database_defer_indexes (gen->db, "participant", deferred, error))
        return FALSE;
    }
  else if (!defer_participant_objects (gen, deferred, &tallies, error))
    return FALSE;

  checksum = g_strdup_printf ("seed=%u participants=%" G_GINT64_FORMAT, seed, gen->total);
  batch = sigap_database_prepare (gen->db,
                                  "INSERT INTO import_batch (kind, file_name, checksum, "
                                  "imported_at, rows_read, rows_added) "
                                  "VALUES ('demo', 'demo', ?, ?, ?, ?)",
                                  error);
  if (batch == NULL)
    return FALSE;
  /* Not the clock: the same seed must give the same rows. */
  sigap_statement_bind_text (batch, 1, checksum);
  sigap_statement_bind_text (batch, 2, SIGAP_DEMO_CUTOFF "T00:00:00Z");
  sigap_statement_bind_int64 (batch, 3, gen->total);
  sigap_statement_bind_int64 (batch, 4, gen->total);
  if (!step_done (gen, batch, "import_batch", error))
    return FALSE;
  gen->batch_id = sigap_database_last_insert_id (gen->db);

  insert = sigap_database_prepare (gen->db,
                                   "INSERT INTO participant (nik, name, kelurahan_id, sector_id, "
                                   "desil, sex, birth_date, registered_on, ended_on, end_reason, "
                                   "kpj_number, source, funding_source, batch_id) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                   "'" FUNDING_SOURCE "', ?)",
                                   error);
  if (insert == NULL)
    return FALSE;
  sigap_statement_bind_int64 (insert, 13, gen->batch_id);

  gen->insert_flag = sigap_database_prepare (gen->db,
                                             "INSERT INTO participant_flag (participant_id, kind, "
                                             "detail, batch_id) VALUES (?, ?, ?, ?)",
                                             error);
  if (gen->insert_flag == NULL)
    return FALSE;
  sigap_statement_bind_int64 (gen->insert_flag, 4, gen->batch_id);

  gen->copy = sigap_database_get_engine (gen->db) == SIGAP_DATABASE_ENGINE_POSTGRES;
  if (gen->copy)
    {
      gen->pending_flags = g_array_new (FALSE, FALSE, sizeof (PendingFlag));
      if (!copy_participants_begin (gen, error))
        return FALSE;
    }

  /* In the order they registered, so the ids run with the dates. */
  if (!write_phase (gen, PHASE_EKOSISTEM, ekosistem, insert, cancellable, error) ||
      !write_phase (gen, PHASE_FIRST, first_phase, insert, cancellable, error) ||
      !write_phase (gen, PHASE_ENROLLED, enrolled, insert, cancellable, error))
    return FALSE;
  g_clear_pointer (&gen->insert_flag, sigap_statement_free);
  if (gen->copy && (!copy_flush (gen, FALSE, error) || !check_ids (gen, error) ||
                    !sigap_database_create_deferred (gen->db, deferred, index_made, gen, error)))
    return FALSE;

  if (!gen->copy && !restore_participant_objects (gen, deferred, tallies, error))
    return FALSE;

  {
    g_autoptr(SigapStatement) flagged = NULL;

    flagged = sigap_database_prepare (gen->db,
                                      "UPDATE import_batch SET rows_flagged = ? WHERE id = ?",
                                      error);
    if (flagged == NULL)
      return FALSE;
    sigap_statement_bind_int64 (flagged, 1, gen->flagged);
    sigap_statement_bind_int64 (flagged, 2, gen->batch_id);
    if (!step_done (gen, flagged, "import_batch", error))
      return FALSE;
  }

  if (gen->progress != NULL)
    gen->progress (0.99, gen->progress_data);

  if (!write_targets (gen, error) ||
      !write_budgets (gen, error) ||
      !write_payments (gen, error) ||
      !sigap_database_set_meta (gen->db, "data_cutoff", SIGAP_DEMO_CUTOFF, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!sigap_database_notify_changed (gen->db, error) ||
      !sigap_database_commit (gen->db, error))
    return FALSE;

  if (sigap_database_get_engine (gen->db) != SIGAP_DATABASE_ENGINE_SQLITE)
    return TRUE;

  /* The mode of a SIGAP database at rest: readers need no -wal or -shm beside it. */
  return sigap_database_exec (gen->db, "PRAGMA journal_mode = DELETE", error);
}

/* Writes the demo into the server database @location: the rows replace what it held (with
 * @force) in one transaction, so that its readers see the old data or the new. */
static gboolean
generate_on_server (Generator      *gen,
                    const char     *location,
                    gboolean        force,
                    GCancellable   *cancellable,
                    guint32         seed,
                    GError        **error)
{
  g_autofree char *held = NULL;
  gboolean ok;

  gen->db = sigap_database_open (location, SIGAP_DATABASE_OPEN_CREATE, error);
  if (gen->db == NULL)
    return FALSE;

  held = sigap_database_get_meta (gen->db, "data_cutoff");
  if (held != NULL && !force)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The database already holds data"));
      close_database (gen);
      return FALSE;
    }

  if (cancellable != NULL)
    sigap_database_set_cancellable (gen->db, cancellable);

  ok = generate (gen, cancellable, seed, error);
  if (!ok)
    sigap_database_rollback (gen->db);
  close_database (gen);
  return ok;
}

/* --- Public API ----------------------------------------------------------------------- */

void
sigap_demo_options_init (SigapDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->participants = 0;
  options->seed = SIGAP_DEMO_DEFAULT_SEED;
}

/**
 * sigap_demo_default_participants:
 *
 * The number of participants of the story at its own size: the first phase, the 2026
 * enrolment and the ekosistem, ended ones included.
 */
gint64
sigap_demo_default_participants (void)
{
  return PHASE1_PARTICIPANTS + ENROLLED_2026 + EKOSISTEM_ROWS;
}

static Generator *
new_generator (const SigapDemoOptions *options,
               SigapProgressFunc       progress,
               gpointer                user_data)
{
  Generator *gen = g_new0 (Generator, 1);

  gen->total = options->participants > 0 ? options->participants
                                         : sigap_demo_default_participants ();
  gen->rand = g_rand_new_with_seed (options->seed);
  gen->sectors = g_array_new (FALSE, FALSE, sizeof (Sector));
  gen->kelurahan = g_array_new (FALSE, FALSE, sizeof (Kelurahan));
  gen->progress = progress;
  gen->progress_data = user_data;
  return gen;
}

/**
 * sigap_demo_generate:
 * @path: the database file to write, or the libpq URI of a server database
 * @options: (nullable): size and seed; %NULL for the defaults
 * @force: replace @path if it exists
 * @progress: (nullable) (scope call): called from this thread as the rows are written
 * @cancellable: (nullable): checked every few thousand rows
 * @error: %G_IO_ERROR_EXISTS when @path exists and @force is not set,
 *   %G_IO_ERROR_INVALID_ARGUMENT for a size out of range, %G_IO_ERROR_CANCELLED, or a
 *   #SIGAP_DATABASE_ERROR
 *
 * Writes a complete demo database to @path: same options, same rows. The file appears only
 * when it is complete; until then @path is left as it was. A server database is written in
 * one transaction, replacing the data it held (@force) or refusing to when it holds some.
 * Safe to call from a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
sigap_demo_generate (const char             *path,
                     const SigapDemoOptions *options,
                     gboolean                force,
                     SigapProgressFunc       progress,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(Generator) gen = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *name = NULL;
  SigapDemoOptions defaults;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      sigap_demo_options_init (&defaults);
      options = &defaults;
    }

  name = g_filename_display_name (path);

  if (options->participants < 0 || options->participants > SIGAP_DEMO_MAX_PARTICIPANTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The number of participants must be between 1 and %d"),
                   SIGAP_DEMO_MAX_PARTICIPANTS);
      return FALSE;
    }

  if (sigap_database_path_is_server (path))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      gen = new_generator (options, progress, user_data);
      if (!generate_on_server (gen, path, force, cancellable, options->seed, &local_error))
        {
          if (g_cancellable_is_cancelled (cancellable) &&
              !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (&local_error);
              g_cancellable_set_error_if_cancelled (cancellable, &local_error);
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (progress != NULL)
        progress (1.0, user_data);
      return TRUE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a database file"), name);
      return FALSE;
    }

  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Next to the destination, so that the final rename cannot cross file systems. */
  temp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create a file next to “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  gen = new_generator (options, progress, user_data);

  gen->db = sigap_database_open (temp_path, SIGAP_DATABASE_OPEN_CREATE, &local_error);
  /* Interrupts the long statements (index builds, the tally count) on cancel. */
  if (gen->db != NULL && cancellable != NULL)
    sigap_database_set_cancellable (gen->db, cancellable);

  if (gen->db == NULL ||
      !set_pragmas (gen, &local_error) ||
      !generate (gen, cancellable, options->seed, &local_error))
    {
      if (gen->db != NULL)
        sigap_database_rollback (gen->db);
      close_database (gen);
      remove_database_files (temp_path);

      /* SQLite says "interrupted"; the caller wants to know it was its own cancel. */
      if (g_cancellable_is_cancelled (cancellable) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&local_error);
          g_cancellable_set_error_if_cancelled (cancellable, &local_error);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Closing checkpoints and removes the temporary file's -wal and -shm. */
  close_database (gen);

  /* The old file's write-ahead log would be replayed into the new file. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot replace “%s”: %s"), name, g_strerror (saved_errno));
      remove_database_files (temp_path);
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}
