/* sigap-report-strings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of the PDF briefing, each as an English and an Indonesian text. They are not in
 * po/id.po on purpose: the briefing's language is an option of its own (Indonesian for the
 * DPRD, English on request), independent of the locale the program runs in, and gettext can
 * only switch languages through a locale that is installed, which a server or a fresh
 * desktop may not have. A table indexed by SigapReportString gives both, always. The
 * messages the program itself prints (errors, the CLI) still go through gettext.
 *
 * Texts used as printf formats take only "%s" and "%d" in the same order in both languages,
 * and write a percent sign as "%%"; test-report checks that the two agree.
 */
#include "sigap-report-strings.h"

typedef struct
{
  const char *en;
  const char *id;
} Text;

static const Text texts[RT_N] = {
  [RT_RUNNING_TITLE] = {
    "SIGAP Programme Progress Report",
    "Laporan Perkembangan Program SIGAP",
  },
  [RT_PAGE_N_OF_M] = {
    "Page %u of %u",
    "Halaman %u dari %u",
  },
  [RT_DEFAULT_PREPARED_BY] = {
    "Dinas Tenaga Kerja Kota Bekasi",
    "Dinas Tenaga Kerja Kota Bekasi",
  },
  [RT_COVER_GOVERNMENT] = {
    "PEMERINTAH KOTA BEKASI",
    "PEMERINTAH KOTA BEKASI",
  },
  [RT_COVER_TITLE] = {
    "SIGAP Programme Progress Report",
    "Laporan Perkembangan Program SIGAP",
  },
  [RT_COVER_SUBTITLE] = {
    "Employment social security protection for vulnerable workers",
    "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
  },
  [RT_COVER_SUBTITLE_EKOSISTEM] = {
    "Employment social security protection for the city's ecosystem workers (non-ASN, kader, "
    "RT/RW)",
    "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Ekosistem Kota (non-ASN, kader, "
    "RT/RW)",
  },
  [RT_COVER_SUBTITLE_ALL] = {
    "Employment social security protection for vulnerable workers and the city's ecosystem workers",
    "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Pekerja Ekosistem Kota",
  },
  [RT_COVER_SCOPE] = {
    "Area",
    "Wilayah",
  },
  [RT_COVER_SEGMENT] = {
    "Segment",
    "Segmen",
  },
  [RT_COVER_DATA_CUTOFF] = {
    "Data cut-off",
    "Posisi data",
  },
  [RT_COVER_PREPARED_BY] = {
    "Prepared by %s",
    "Disusun oleh %s",
  },
  [RT_COVER_GENERATED] = {
    "Generated on %s with SIGAP Dasbor",
    "Dibuat pada %s dengan SIGAP Dasbor",
  },
  [RT_COVER_PRIVACY] = {
    "This briefing holds aggregate figures only: no NIK and no participant's name.",
    "Laporan ini hanya memuat angka agregat, tanpa NIK maupun nama peserta.",
  },
  [RT_AS_OF_POSITION] = {
    "Position as of %s",
    "Posisi per %s",
  },
  [RT_CONTENTS] = {
    "Contents",
    "Daftar Isi",
  },
  [RT_SCOPE_KECAMATAN] = {
    "Kecamatan %s",
    "Kecamatan %s",
  },
  [RT_KECAMATAN] = {
    "Kecamatan",
    "Kecamatan",
  },
  [RT_KELURAHAN] = {
    "Kelurahan",
    "Kelurahan",
  },
  [RT_KECAMATAN_PLURAL] = {
    "kecamatan",
    "kecamatan",
  },
  [RT_KELURAHAN_PLURAL] = {
    "kelurahan",
    "kelurahan",
  },
  [RT_SEGMENT_RENTAN] = {
    "Vulnerable workers (pekerja rentan)",
    "Pekerja rentan",
  },
  [RT_SEGMENT_EKOSISTEM] = {
    "City ecosystem workers (non-ASN, kader, RT/RW)",
    "Ekosistem (non-ASN, kader, RT/RW)",
  },
  [RT_SEGMENT_EKOSISTEM_SHORT] = {
    "City ecosystem",
    "Ekosistem",
  },
  [RT_SEGMENT_ALL] = {
    "All segments",
    "Semua segmen",
  },
  [RT_FIGURE_N] = {
    "Figure %s. %s",
    "Gambar %s. %s",
  },
  [RT_TABLE_N] = {
    "Table %s. %s",
    "Tabel %s. %s",
  },
  [RT_LIST_AND] = {
    " and ",
    " dan ",
  },
  [RT_SEC_SUMMARY] = {
    "Executive Summary",
    "Ringkasan Eksekutif",
  },
  [RT_SEC_ENROLLMENT] = {
    "Enrollment Progress",
    "Progres Kepesertaan",
  },
  [RT_SEC_COVERAGE] = {
    "Coverage by %s",
    "Cakupan per %s",
  },
  [RT_SEC_BREAKDOWN] = {
    "Sectors and Desil",
    "Sebaran Sektor dan Desil",
  },
  [RT_SEC_BUDGET] = {
    "Budget Realisation",
    "Realisasi Anggaran",
  },
  [RT_SEC_NOTES] = {
    "Notes",
    "Catatan",
  },
  [RT_SEC_METHODOLOGY] = {
    "Methodology",
    "Metodologi",
  },
  [RT_SUMMARY_LEAD] = {
    "This briefing reports the progress of the SIGAP programme in %s for %s, as of %s.",
    "Laporan ini menyajikan perkembangan Program SIGAP di %s untuk %s, posisi per %s.",
  },
  [RT_KPI_ACTIVE] = {
    "Active participants",
    "Peserta aktif",
  },
  [RT_KPI_ACTIVE_DETAIL] = {
    "of %s registered",
    "dari %s terdaftar",
  },
  [RT_KPI_COVERAGE] = {
    "Coverage of the target",
    "Cakupan sasaran",
  },
  [RT_KPI_COVERAGE_DETAIL] = {
    "target: %s participants",
    "sasaran %s peserta",
  },
  [RT_KPI_REALISED] = {
    "Realised",
    "Realisasi",
  },
  [RT_KPI_REALISED_DETAIL] = {
    "absorption %s of the pagu",
    "serapan %s dari pagu",
  },
  [RT_KPI_PAGU] = {
    "Pagu %d",
    "Pagu %d",
  },
  [RT_KPI_PAGU_DETAIL] = {
    "budget for the whole city",
    "anggaran seluruh kota",
  },
  [RT_KPI_REMAINING] = {
    "Remaining pagu",
    "Sisa pagu",
  },
  [RT_KPI_REMAINING_DETAIL] = {
    "year-end projection %s",
    "proyeksi akhir tahun %s",
  },
  [RT_KPI_QUOTA] = {
    "Quota",
    "Kuota",
  },
  [RT_KPI_QUOTA_DETAIL] = {
    "for %s (equal to %s for a full year)",
    "untuk %s (setara %s setahun penuh)",
  },
  [RT_KPI_QUOTA_NONE] = {
    "nothing left to pay this year",
    "tidak ada lagi yang dibayar tahun ini",
  },
  [RT_KPI_QUOTA_NO_MONTH] = {
    "no month of the year is left",
    "tidak ada bulan tersisa tahun ini",
  },
  [RT_KPI_CITY_WIDE] = {
    "%s · whole city",
    "%s · seluruh kota",
  },
  [RT_HIGHLIGHTS] = {
    "Highlights",
    "Pokok-pokok",
  },
  [RT_HL_COVERAGE] = {
    "As of %s there are %s active participants: %s of the target of %s.",
    "Per %s terdapat %s peserta aktif, atau %s dari sasaran %s peserta.",
  },
  [RT_HL_COVERAGE_NO_TARGET] = {
    "As of %s there are %s active participants. No target is set for this area and year, so "
    "coverage cannot be computed.",
    "Per %s terdapat %s peserta aktif. Belum ada sasaran untuk wilayah dan tahun ini, sehingga "
    "cakupan belum dapat dihitung.",
  },
  [RT_HL_ACTIVE_UP] = {
    "Since %s active participants rose by %s",
    "Sejak %s peserta aktif bertambah %s orang",
  },
  [RT_HL_ACTIVE_DOWN] = {
    "Since %s active participants fell by %s",
    "Sejak %s peserta aktif berkurang %s orang",
  },
  [RT_HL_ACTIVE_SAME] = {
    "Since %s the number of active participants is unchanged",
    "Sejak %s jumlah peserta aktif tidak berubah",
  },
  [RT_HL_COVERAGE_UP] = {
    " and coverage rose by %s percentage points (from %s).",
    " dan cakupan naik %s poin persentase (dari %s).",
  },
  [RT_HL_COVERAGE_DOWN] = {
    " and coverage fell by %s percentage points (from %s).",
    " dan cakupan turun %s poin persentase (dari %s).",
  },
  [RT_HL_COVERAGE_SAME] = {
    " and coverage is about the same (%s).",
    " dan cakupan relatif tetap (%s).",
  },
  [RT_HL_BUDGET] = {
    "Budget %d: %s has been realised, %s of the pagu of %s; %s remains.",
    "Anggaran %d: realisasi %s atau %s dari pagu %s; sisa pagu %s.",
  },
  [RT_HL_LASTS] = {
    "At the current enrollment the pagu lasts until December %d: year-end spending is "
    "projected at %s, leaving %s.",
    "Dengan jumlah peserta aktif saat ini, pagu mencukupi sampai Desember %d: belanja akhir "
    "tahun diproyeksikan %s, dengan sisa %s.",
  },
  [RT_HL_LASTS_QUOTA] = {
    "At the current enrollment the pagu lasts until December %d: year-end spending is "
    "projected at %s, leaving %s. Quota: %s.",
    "Dengan jumlah peserta aktif saat ini, pagu mencukupi sampai Desember %d: belanja akhir "
    "tahun diproyeksikan %s, dengan sisa %s. Kuota: %s.",
  },
  [RT_HL_RUNS_OUT] = {
    "At the current enrollment the pagu runs out in %s; the shortfall to the end of the year "
    "is projected at %s.",
    "Dengan jumlah peserta aktif saat ini, pagu diperkirakan habis pada %s; kekurangan sampai "
    "akhir tahun diproyeksikan %s.",
  },
  [RT_HL_NO_PAGU] = {
    "No pagu is recorded for %d.",
    "Belum ada pagu yang tercatat untuk tahun %d.",
  },
  [RT_HL_LOWEST_3] = {
    "The three %s with the lowest coverage: %s.",
    "Tiga %s dengan cakupan terendah: %s.",
  },
  [RT_HL_LOWEST] = {
    "Lowest coverage among the %s: %s.",
    "Cakupan terendah di antara %s: %s.",
  },
  [RT_HL_BUDGET_CITYWIDE] = {
    "The budget figures (pagu, realisation, remaining, quota) are the whole city's: the pagu "
    "is not split by area.",
    "Angka anggaran (pagu, realisasi, sisa, kuota) adalah angka seluruh kota: pagu tidak "
    "dibagi per wilayah.",
  },
  [RT_KEY_FIGURES] = {
    "Key figures",
    "Angka utama",
  },
  [RT_KEY_FIGURES_NOTE] = {
    "These are the figures SIGAP Dasbor shows for the same area, segment and date.",
    "Angka-angka ini sama dengan yang ditampilkan SIGAP Dasbor untuk wilayah, segmen dan tanggal "
    "yang sama.",
  },
  [RT_PARTICIPANTS] = {
    "Participants",
    "Peserta",
  },
  [RT_VALUE] = {
    "Value",
    "Nilai",
  },
  [RT_ITEM] = {
    "Item",
    "Uraian",
  },
  [RT_BUDGET_YEAR_CITY] = {
    "Budget %d (whole city)",
    "Anggaran %d (seluruh kota)",
  },
  [RT_REGISTERED] = {
    "Registered",
    "Terdaftar",
  },
  [RT_ACTIVE] = {
    "Active",
    "Aktif",
  },
  [RT_ENDED] = {
    "Ended",
    "Berhenti",
  },
  [RT_TARGET] = {
    "Target",
    "Sasaran",
  },
  [RT_COVERAGE] = {
    "Coverage",
    "Cakupan",
  },
  [RT_COVERAGE_ACTIVE_TARGET] = {
    "Coverage (active / target)",
    "Cakupan (aktif / sasaran)",
  },
  [RT_PAGU] = {
    "Pagu",
    "Pagu",
  },
  [RT_REALISED] = {
    "Realised",
    "Realisasi",
  },
  [RT_ABSORPTION] = {
    "Absorption",
    "Serapan",
  },
  [RT_REMAINING] = {
    "Remaining",
    "Sisa",
  },
  [RT_PREMIUM_MONTHLY] = {
    "Premium per worker a month",
    "Iuran per pekerja per bulan",
  },
  [RT_PROJECTED_YEAR_END] = {
    "Projected year-end spending",
    "Proyeksi belanja akhir tahun",
  },
  [RT_QUOTA] = {
    "Quota for %s (more workers)",
    "Kuota untuk %s (tambahan pekerja)",
  },
  [RT_QUOTA_FULL_YEAR] = {
    "Quota, full-year equivalent",
    "Kuota setara setahun penuh",
  },
  [RT_ACTIVE_CITY] = {
    "Active participants, whole city",
    "Peserta aktif seluruh kota",
  },
  [RT_MONTHS_UNPAID] = {
    "Months not yet paid",
    "Bulan belum dibayar",
  },
  [RT_BALANCE_YEAR_END] = {
    "Projected balance at year end",
    "Perkiraan sisa pagu akhir tahun",
  },
  [RT_SHORTFALL_YEAR_END] = {
    "Projected shortfall at year end",
    "Perkiraan kekurangan akhir tahun",
  },
  [RT_ENROLLMENT_LEAD] = {
    "Active participants at the end of each month against the year's target. The table gives "
    "the monthly figures; registrations and endings are those within the month.",
    "Peserta aktif pada akhir setiap bulan dibandingkan dengan sasaran tahunannya. Tabel "
    "memuat angka bulanan; pendaftaran baru dan peserta berhenti dihitung selama bulan "
    "tersebut.",
  },
  [RT_CHART_ENROLLMENT] = {
    "Enrollment against the target",
    "Kepesertaan terhadap sasaran",
  },
  [RT_COVERAGE_GAUGE_TITLE] = {
    "Coverage of the target",
    "Cakupan terhadap sasaran",
  },
  [RT_NO_DATA_TARGET] = {
    "No target",
    "Tanpa sasaran",
  },
  [RT_MONTH] = {
    "Month",
    "Bulan",
  },
  [RT_NEW_IN_MONTH] = {
    "New",
    "Baru",
  },
  [RT_ENDED_IN_MONTH] = {
    "Ended",
    "Berhenti",
  },
  [RT_TABLE_MONTHLY] = {
    "Enrollment by month",
    "Kepesertaan per bulan",
  },
  [RT_MONTHLY_NOTE] = {
    "Registered and active: at the month end. New and ended: within the month. Target and "
    "coverage: the target of the month's year.",
    "Terdaftar dan aktif: posisi akhir bulan. Baru dan berhenti: selama bulan tersebut. "
    "Sasaran dan cakupan: sasaran tahun yang bersangkutan.",
  },
  [RT_MONTHLY_PARTIAL_NOTE] = {
    "* The last month as of %s.",
    "* Bulan terakhir: posisi per %s.",
  },
  [RT_COVERAGE_RANGE] = {
    "Coverage across the %s ranges from %s (%s) to %s (%s).",
    "Cakupan antar%s berkisar dari %s (%s) sampai %s (%s).",
  },
  [RT_MAP_TITLE] = {
    "Coverage map",
    "Peta cakupan",
  },
  [RT_TABLE_AREAS] = {
    "Enrollment and coverage by %s",
    "Kepesertaan dan cakupan per %s",
  },
  [RT_FIGURE_AREAS] = {
    "Coverage by %s: map, and active participants against the target",
    "Cakupan per %s: peta serta peserta aktif terhadap sasaran",
  },
  [RT_CHANGE] = {
    "Change",
    "Perubahan",
  },
  [RT_CODE] = {
    "Code",
    "Kode",
  },
  [RT_RANK] = {
    "Rank",
    "Peringkat",
  },
  [RT_AREAS_NOTE] = {
    "Change: active participants now minus those on %s. Rank 1 is the highest coverage. The last "
    "line's target is the one set for the area itself and may differ from the sum above it.",
    "Perubahan: peserta aktif saat ini dikurangi peserta aktif pada %s. Peringkat 1 adalah "
    "cakupan tertinggi. Sasaran baris terakhir ditetapkan untuk wilayah itu sendiri dan dapat "
    "berbeda dari jumlah di atasnya.",
  },
  [RT_BREAKDOWN_LEAD] = {
    "Who the programme reaches: active participants by occupation sector, against the sector "
    "targets, and by DTSEN welfare decile (desil).",
    "Siapa yang dijangkau program: peserta aktif menurut sektor pekerjaan, dibandingkan dengan "
    "sasaran per sektor, dan menurut desil kesejahteraan DTSEN.",
  },
  [RT_BY_SECTOR] = {
    "By sector",
    "Menurut sektor",
  },
  [RT_BY_DESIL] = {
    "By desil",
    "Menurut desil",
  },
  [RT_CHART_SECTORS] = {
    "Active participants by sector",
    "Peserta aktif per sektor",
  },
  [RT_TABLE_SECTORS] = {
    "Enrollment by sector",
    "Kepesertaan per sektor",
  },
  [RT_FIGURE_DESIL] = {
    "Active participants by desil: chart and table",
    "Peserta per desil: grafik dan tabel",
  },
  [RT_SECTOR] = {
    "Sector",
    "Sektor",
  },
  [RT_DESIL] = {
    "Desil",
    "Desil",
  },
  [RT_SECTORS_NOTE] = {
    "A sector has a target only where one was set for that sector; the others show a dash. Sector "
    "names follow the programme's reference list.",
    "Sasaran sektor hanya ada bila sasaran ditetapkan untuk sektor tersebut; sektor lainnya "
    "ditandai dengan tanda pisah. Nama sektor mengikuti daftar acuan program.",
  },
  [RT_DESIL_NOTE] = {
    "Desil 1 to 10 is the DTSEN welfare ranking (1 = the poorest 10%). The programme enrolls "
    "desil 1–3 first and widens to desil 5 when quota remains; desil has no targets.",
    "Desil 1 sampai 10 adalah peringkat kesejahteraan DTSEN (1 = 10% termiskin). Program "
    "memprioritaskan desil 1–3 dan diperluas sampai desil 5 bila kuota masih tersedia; desil "
    "tidak memiliki sasaran.",
  },
  [RT_BUDGET_LEAD] = {
    "The %d pagu for %s is %s. By %s, %s had been realised through SP2D payments, an "
    "absorption of %s.",
    "Pagu tahun %d untuk %s sebesar %s. Sampai %s telah direalisasikan %s melalui SP2D, atau "
    "serapan %s.",
  },
  [RT_TABLE_BUDGET] = {
    "Budget %d (whole city)",
    "Anggaran %d (seluruh kota)",
  },
  [RT_BUDGET_LASTS] = {
    "At the current enrollment the pagu covers every month to December %d; the projected "
    "balance at year end is %s.",
    "Dengan jumlah peserta aktif saat ini, pagu mencukupi seluruh bulan sampai Desember %d; "
    "perkiraan sisa pagu pada akhir tahun %s.",
  },
  [RT_CHART_SPENDING] = {
    "Spending against the pagu, %d",
    "Belanja terhadap pagu, %d",
  },
  [RT_SPENDING_NOTE] = {
    "Solid line: realisation to the end of each month paid for. Dashed line: the months not "
    "yet paid, at the premiums of the participants active on the report date.",
    "Garis utuh: realisasi sampai akhir setiap bulan yang telah dibayar. Garis putus-putus: "
    "bulan yang belum dibayar, dihitung dari iuran peserta yang aktif pada tanggal laporan.",
  },
  [RT_TABLE_BUDGET_LINES] = {
    "Pagu by funding source",
    "Pagu menurut sumber dana",
  },
  [RT_YEAR] = {
    "Year",
    "Tahun",
  },
  [RT_SEGMENT] = {
    "Segment",
    "Segmen",
  },
  [RT_FUNDING_SOURCE] = {
    "Funding source",
    "Sumber dana",
  },
  [RT_TABLE_PAYMENTS] = {
    "Premium payments (SP2D) in %d, whole city",
    "Pembayaran iuran (SP2D) tahun %d, seluruh kota",
  },
  [RT_PAID_ON] = {
    "Paid on",
    "Tanggal bayar",
  },
  [RT_SP2D_NUMBER] = {
    "SP2D number",
    "Nomor SP2D",
  },
  [RT_PERIOD] = {
    "Period",
    "Periode",
  },
  [RT_AMOUNT] = {
    "Amount",
    "Nilai",
  },
  [RT_TOTAL] = {
    "Total",
    "Jumlah",
  },
  [RT_NO_PAYMENTS] = {
    "No SP2D was paid in %d up to %s.",
    "Belum ada SP2D yang dibayarkan pada tahun %d sampai %s.",
  },
  [RT_OFFICIAL_NOTES] = {
    "Notes from the author",
    "Catatan penyusun",
  },
  [RT_DATA_QUALITY] = {
    "Data quality",
    "Kualitas data",
  },
  [RT_DEMO_DATA] = {
    "The figures in this briefing come from computer-generated demonstration data, not from real "
    "participants.",
    "Angka dalam laporan ini berasal dari data contoh buatan komputer, bukan dari data peserta "
    "sebenarnya.",
  },
  [RT_FLAG_DESIL] = {
    "%s vulnerable workers (pekerja rentan) are in desil 6–10, outside the programme's target "
    "group.",
    "%s pekerja rentan berada pada desil 6–10, di luar kelompok sasaran program.",
  },
  [RT_FLAG_DESIL_MISSING] = {
    "%s vulnerable workers (pekerja rentan) have no desil, so their place in the target group "
    "cannot be checked.",
    "%s pekerja rentan tidak memiliki desil, sehingga kesesuaiannya dengan kelompok sasaran "
    "tidak dapat diperiksa.",
  },
  [RT_FLAG_NIK_REGION] = {
    "%s participants hold a NIK first issued outside Kota Bekasi (their address, which decides "
    "the area, is in the city).",
    "%s peserta memiliki NIK yang diterbitkan di luar Kota Bekasi (alamat domisili, yang "
    "menentukan wilayah, tetap di Kota Bekasi).",
  },
  [RT_FLAG_KPJ_MISSING] = {
    "%s participants have no BPJS Ketenagakerjaan (KPJ) number yet.",
    "%s peserta belum memiliki nomor KPJ BPJS Ketenagakerjaan.",
  },
  [RT_FLAG_AGE] = {
    "%s participants were under 15 or over 65 when registered.",
    "%s peserta berusia di bawah 15 atau di atas 65 tahun saat didaftarkan.",
  },
  [RT_NO_FLAGS] = {
    "No data-quality flags are recorded.",
    "Tidak ada catatan kualitas data.",
  },
  [RT_FLAGS_NOTE] = {
    "Data-quality notes mark accepted records to check. They are counted among the "
    "participants registered up to %s in the area and segment of this report. Desil 6–10 is "
    "noted only for vulnerable workers: the city's ecosystem workers (non-ASN, RT/RW, kader) "
    "are enrolled for their role, whatever their desil.",
    "Catatan kualitas data menandai data yang diterima tetapi perlu diperiksa. Jumlahnya "
    "dihitung dari peserta yang terdaftar sampai %s di wilayah dan segmen laporan ini. Desil "
    "6–10 hanya dicatat bagi pekerja rentan: pekerja ekosistem kota (non-ASN, RT/RW, kader) "
    "didaftarkan karena perannya, berapa pun desilnya.",
  },
  [RT_TABLE_IMPORTS] = {
    "Latest data updates",
    "Pemutakhiran data terakhir",
  },
  [RT_IMPORTED_ON] = {
    "Date",
    "Tanggal",
  },
  [RT_IMPORT_KIND] = {
    "Data",
    "Data",
  },
  [RT_FILE] = {
    "File",
    "Berkas",
  },
  [RT_ROWS_READ] = {
    "Entries received",
    "Data diterima",
  },
  [RT_ROWS_ACCEPTED] = {
    "Accepted",
    "Lolos periksa",
  },
  [RT_ROWS_REJECTED] = {
    "Rejected",
    "Ditolak",
  },
  [RT_IMPORT_KIND_PARTICIPANTS] = {
    "Participants",
    "Peserta",
  },
  [RT_IMPORT_KIND_TARGETS] = {
    "Targets",
    "Sasaran",
  },
  [RT_IMPORT_KIND_BUDGET] = {
    "Pagu",
    "Pagu",
  },
  [RT_IMPORT_KIND_PAYMENTS] = {
    "SP2D payments",
    "Pembayaran SP2D",
  },
  [RT_IMPORT_KIND_DEMO] = {
    "Demonstration data",
    "Data contoh",
  },
  [RT_IMPORTS_NOTE] = {
    "Rejected entries are kept with the reason for each and can be listed on the Data page of "
    "SIGAP Dasbor.",
    "Data yang ditolak tetap dicatat beserta alasannya dan dapat dilihat pada halaman Data di "
    "SIGAP Dasbor.",
  },
  [RT_DEFINITIONS] = {
    "Definitions",
    "Definisi",
  },
  [RT_TERM] = {
    "Term",
    "Istilah",
  },
  [RT_DEFINITION] = {
    "Definition",
    "Definisi",
  },
  [RT_TABLE_GLOSSARY] = {
    "Definitions of the figures",
    "Definisi angka",
  },
  [RT_SOURCES_AND_DATES] = {
    "Sources and dates",
    "Sumber data dan tanggal",
  },
  [RT_DEF_REGISTERED_TERM] = {
    "Registered",
    "Terdaftar",
  },
  [RT_DEF_REGISTERED] = {
    "Participants enrolled on or before the report date in this briefing's area and segment. A "
    "participant's area is that of their home address.",
    "Peserta yang didaftarkan pada atau sebelum tanggal laporan, di wilayah dan segmen laporan "
    "ini. Wilayah peserta mengikuti alamat domisilinya.",
  },
  [RT_DEF_ACTIVE_TERM] = {
    "Active",
    "Aktif",
  },
  [RT_DEF_ACTIVE] = {
    "Registered participants whose membership has not ended by the report date. Someone whose "
    "membership ends on the report date itself no longer counts as active.",
    "Peserta terdaftar yang kepesertaannya belum berakhir pada tanggal laporan. Peserta yang "
    "berhenti tepat pada tanggal laporan tidak lagi dihitung aktif.",
  },
  [RT_DEF_ENDED_TERM] = {
    "Ended",
    "Berhenti",
  },
  [RT_DEF_ENDED] = {
    "Registered participants whose membership ended on or before the report date: registered "
    "minus active.",
    "Peserta terdaftar yang kepesertaannya berakhir pada atau sebelum tanggal laporan: terdaftar "
    "dikurangi aktif.",
  },
  [RT_DEF_TARGET_TERM] = {
    "Target",
    "Sasaran",
  },
  [RT_DEF_TARGET] = {
    "The number of participants the programme aims to enrol in the report date's year. The target "
    "set for the area itself is used; where none is set, the targets of the kecamatan or "
    "kelurahan within it are added up, none counted twice. For all segments: the vulnerable "
    "workers' target plus the ecosystem workers'.",
    "Jumlah peserta yang ingin dicapai program pada tahun laporan. Dipakai sasaran yang "
    "ditetapkan untuk wilayah itu sendiri; bila tidak ada, sasaran kecamatan atau kelurahan di "
    "dalamnya dijumlahkan, tanpa ada yang terhitung dua kali. Untuk semua segmen: sasaran pekerja "
    "rentan ditambah sasaran pekerja ekosistem.",
  },
  [RT_DEF_COVERAGE_TERM] = {
    "Coverage",
    "Cakupan",
  },
  [RT_DEF_COVERAGE] = {
    "Active participants as a percentage of the target; not computed without a target. This is "
    "the programme's coverage, not BPJS Ketenagakerjaan's coverage rate (UCJ) of the whole "
    "working population.",
    "Peserta aktif sebagai persentase dari sasaran; tidak dihitung bila belum ada sasaran. Ini "
    "adalah cakupan program SIGAP, bukan tingkat cakupan (UCJ) BPJS Ketenagakerjaan terhadap "
    "seluruh penduduk bekerja.",
  },
  [RT_DEF_DESIL_TERM] = {
    "Desil",
    "Desil",
  },
  [RT_DEF_DESIL] = {
    "A household's welfare rank in the national social and economic register (DTSEN), from desil "
    "1, the poorest tenth of households, to desil 10, the richest. The programme enrols desil 1 "
    "to 3 first and widens to desil 5 when quota remains.",
    "Peringkat kesejahteraan rumah tangga dalam Data Tunggal Sosial dan Ekonomi Nasional (DTSEN), "
    "dari desil 1, sepersepuluh rumah tangga termiskin, sampai desil 10, yang paling sejahtera. "
    "Program mendahulukan desil 1 sampai 3 dan diperluas sampai desil 5 bila kuota masih tersedia.",
  },
  [RT_DEF_PAGU_TERM] = {
    "Pagu",
    "Pagu",
  },
  [RT_DEF_PAGU] = {
    "The budget set for the report date's year for this segment, from every funding source. The "
    "pagu is the whole city's: it is not divided by area.",
    "Anggaran yang ditetapkan untuk segmen ini pada tahun laporan, dari semua sumber dana. Pagu "
    "berlaku untuk seluruh kota dan tidak dibagi per wilayah.",
  },
  [RT_DEF_REALISED_TERM] = {
    "Realised",
    "Realisasi",
  },
  [RT_DEF_REALISED] = {
    "The premiums paid for this segment by SP2D from 1 January of the report date's year up to "
    "the report date, by payment date, for the whole city.",
    "Iuran yang telah dibayarkan untuk segmen ini melalui SP2D sejak 1 Januari tahun laporan "
    "sampai tanggal laporan, menurut tanggal bayar, untuk seluruh kota.",
  },
  [RT_DEF_ABSORPTION_TERM] = {
    "Absorption",
    "Serapan",
  },
  [RT_DEF_ABSORPTION] = {
    "Realised as a percentage of the pagu.",
    "Realisasi sebagai persentase dari pagu.",
  },
  [RT_DEF_REMAINING_TERM] = {
    "Remaining",
    "Sisa",
  },
  [RT_DEF_REMAINING] = {
    "The pagu minus what has been realised: the budget not yet paid out.",
    "Pagu dikurangi realisasi: anggaran yang belum dibayarkan.",
  },
  [RT_DEF_PREMIUM_TERM] = {
    "Premium per month",
    "Iuran per bulan",
  },
  [RT_DEF_PREMIUM] = {
    "The JKK premium plus the JKM premium for one worker for one month, at the rates in force on "
    "the report date.",
    "Iuran JKK ditambah iuran JKM untuk satu pekerja selama satu bulan, menurut tarif yang "
    "berlaku pada tanggal laporan.",
  },
  [RT_DEF_MONTHS_UNPAID_TERM] = {
    "Months not yet paid",
    "Bulan belum dibayar",
  },
  [RT_DEF_MONTHS_UNPAID] = {
    "The months of the year whose premiums have not been paid yet: those after the last month "
    "covered by an SP2D paid by the report date, and not before the month the first participant "
    "joined.",
    "Bulan-bulan tahun berjalan yang iurannya belum dibayar: bulan sesudah bulan terakhir yang "
    "sudah dibayar melalui SP2D sampai tanggal laporan, dan tidak sebelum bulan peserta pertama "
    "terdaftar.",
  },
  [RT_DEF_PROJECTED_TERM] = {
    "Projected year-end spending",
    "Proyeksi belanja akhir tahun",
  },
  [RT_DEF_PROJECTED] = {
    "What the year will cost if the number of active participants stays as it is on the report "
    "date: the realisation plus the premiums of every active participant in the city for each "
    "month not yet paid.",
    "Perkiraan belanja sampai akhir tahun bila jumlah peserta aktif tetap seperti pada tanggal "
    "laporan: realisasi ditambah iuran seluruh peserta aktif di kota untuk setiap bulan yang "
    "belum dibayar.",
  },
  [RT_DEF_QUOTA_TERM] = {
    "Quota",
    "Kuota",
  },
  [RT_DEF_QUOTA] = {
    "How many more workers the pagu can still pay for after the projection, if they join on "
    "the first day of the month after the report date and are paid for every month from then "
    "to December. Never below zero; not computed without a pagu or when no month of the year "
    "is left. Its full-year equivalent spreads the same money over twelve months.",
    "Jumlah pekerja tambahan yang masih dapat dibiayai dari sisa pagu setelah proyeksi, bila "
    "mereka mulai terdaftar pada tanggal 1 bulan berikutnya setelah tanggal laporan dan "
    "dibayar setiap bulan sampai Desember. Tidak kurang dari nol; tidak dihitung bila belum "
    "ada pagu atau tidak ada bulan tersisa tahun ini. Setara setahun penuh: dana yang sama "
    "dibagi untuk dua belas bulan.",
  },
  [RT_DEF_RUNS_OUT_TERM] = {
    "When the pagu runs out",
    "Saat pagu habis",
  },
  [RT_DEF_RUNS_OUT] = {
    "The month in which the pagu is expected to run out: the realisation plus, month by month, "
    "the premiums of the participants active on the report date, until the total passes the pagu.",
    "Bulan ketika pagu diperkirakan habis: realisasi ditambah iuran peserta yang aktif pada "
    "tanggal laporan, bulan demi bulan, sampai jumlahnya melampaui pagu.",
  },
  [RT_DEF_CUTOFF_TERM] = {
    "Data cut-off",
    "Posisi data",
  },
  [RT_DEF_CUTOFF] = {
    "The latest date in the data (an enrolment, an end of membership or a payment). Unless "
    "another date is chosen, the briefing is drawn up as of this date.",
    "Tanggal terakhir yang tercatat dalam data (pendaftaran, berakhirnya kepesertaan atau "
    "pembayaran). Bila tidak dipilih tanggal lain, laporan disusun per tanggal ini.",
  },
  [RT_DEF_CHANGE_TERM] = {
    "Change since last month",
    "Perubahan sejak bulan lalu",
  },
  [RT_DEF_CHANGE] = {
    "A figure on the report date minus the same figure at the end of the previous month.",
    "Angka pada tanggal laporan dikurangi angka yang sama pada akhir bulan sebelumnya.",
  },
  [RT_METHOD_SCOPE] = {
    "Area and segment: %s; %s.",
    "Wilayah dan segmen: %s; %s.",
  },
  [RT_METHOD_AS_OF] = {
    "Report date: %s; changes are measured against %s, the end of the previous month.",
    "Tanggal laporan: %s; perubahan dibandingkan dengan keadaan pada %s, akhir bulan sebelumnya.",
  },
  [RT_METHOD_CUTOFF] = {
    "Data cut-off: %s.",
    "Posisi data: %s.",
  },
  [RT_METHOD_PREMIUM] = {
    "Premium used: %s per worker a month (%s a year): JKK 1%% of the lowest BPU income bracket "
    "(IDR 1,000,000) plus JKM, PP 82/2019.",
    "Iuran yang digunakan: %s per pekerja per bulan (%s per tahun): JKK 1%% dari penghasilan "
    "BPU terendah (Rp1.000.000) ditambah JKM, sesuai PP 82/2019.",
  },
  [RT_METHOD_SOURCES] = {
    "Participants: the lists of the DTSEN (Dinas Sosial), Dinas Koperasi dan UKM, Dinas "
    "Perhubungan, ride-hailing platforms and BPJS Ketenagakerjaan, brought together in SIGAP "
    "Dasbor; a participant's area comes from their home address (kelurahan), never from the NIK.",
    "Peserta: daftar dari DTSEN (Dinas Sosial), Dinas Koperasi dan UKM, Dinas Perhubungan, "
    "platform ojek daring dan BPJS Ketenagakerjaan yang dihimpun dalam SIGAP Dasbor; wilayah "
    "peserta ditentukan dari alamat domisili (kelurahan), bukan dari NIK.",
  },
  [RT_METHOD_BUDGET] = {
    "Budget: the pagu of the APBD as set; realisation: the premiums paid by SP2D, by payment date.",
    "Anggaran: pagu APBD sebagaimana ditetapkan; realisasi: iuran yang dibayarkan melalui SP2D, "
    "menurut tanggal bayar.",
  },
  [RT_METHOD_REGIONS] = {
    "Areas: the 12 kecamatan and 56 kelurahan of Kota Bekasi with the codes and spellings of "
    "Kepmendagri 300.2.2-2138/2025. The map is schematic: one tile per area, placed as the "
    "areas lie.",
    "Wilayah: 12 kecamatan dan 56 kelurahan Kota Bekasi dengan kode dan ejaan Kepmendagri "
    "300.2.2-2138/2025. Peta bersifat skematis: satu petak per wilayah, disusun sesuai "
    "letaknya.",
  },
  [RT_METHOD_PRIVACY] = {
    "Data protection: every figure is an aggregate; the briefing holds no NIK and no "
    "participant's name.",
    "Pelindungan data: semua angka adalah agregat; laporan ini tidak memuat NIK maupun nama "
    "peserta.",
  },
  [RT_METHOD_GENERATED] = {
    "Generated by SIGAP Dasbor %s on %s.",
    "Dibuat oleh SIGAP Dasbor %s pada %s.",
  },
  [RT_SEGMENT_RENTAN_PHRASE] = {
    "vulnerable workers (pekerja rentan)",
    "pekerja rentan",
  },
  [RT_SEGMENT_EKOSISTEM_PHRASE] = {
    "city ecosystem workers (non-ASN, kader, RT/RW)",
    "ekosistem (non-ASN, kader, RT/RW)",
  },
  [RT_SEGMENT_ALL_PHRASE] = {
    "vulnerable workers and the city's ecosystem workers",
    "pekerja rentan dan pekerja ekosistem kota",
  },
  [RT_NIK_REMOVED] = {
    "[NIK withheld]",
    "[NIK dihapus]",
  },
  [RT_KPI_NO_TARGET] = {
    "no target set",
    "belum ada sasaran",
  },
};

/**
 * sigap_report_string:
 * @lang: the briefing's language
 * @id: which text
 *
 * Returns: (transfer none): the text in @lang
 */
const char *
sigap_report_string (SigapLang         lang,
                     SigapReportString id)
{
  g_return_val_if_fail (id < RT_N, "");

  return lang == SIGAP_LANG_EN ? texts[id].en : texts[id].id;
}
