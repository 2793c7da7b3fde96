#!/usr/bin/env python3
# check-export.py SIGAP_BIN
#
# `sigap export` read back with an independent reader (openpyxl): every number of the workbook
# against `sigap summary --format json` for the same filter; region codes are text cells,
# percentages numeric cells with a % format, counts and Rupiah numeric; every sheet says what
# it is about and has its header frozen and filtered. Then the CSV folder, the replacement of an
# existing file and a failed export. Exit 0 when all holds, 77 without openpyxl.

import csv
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl is not installed")
    sys.exit(77)

SIGAP = sys.argv[1]
HEADER_ROW = 8      # 1-based: the title, five context lines, a blank line, then the header

failures = 0
checks = 0


def check(condition, what):
    global failures, checks
    checks += 1
    if not condition:
        failures += 1
        print("FAIL:", what)


def run(*args, ok=True):
    result = subprocess.run([SIGAP, *args], capture_output=True, text=True)
    if ok and result.returncode != 0:
        raise SystemExit("sigap %s failed: %s" % (" ".join(args), result.stderr))
    return result


def summary_json(db, filter_args, *extra):
    return json.loads(run("summary", "--db", db, *filter_args, "--format", "json", *extra).stdout)


def table(sheet):
    """The header and the rows under it, as cells."""
    rows = list(sheet.iter_rows(min_row=HEADER_ROW))
    header = [c.value for c in rows[0]]
    return header, [r for r in rows[1:] if any(c.value is not None for c in r)]


def check_count(cell, expected, what):
    if expected is None:
        check(cell.value is None, "%s: empty cell expected, got %r" % (what, cell.value))
        return
    check(cell.data_type == "n" and isinstance(cell.value, (int, float)),
          "%s: a numeric cell, got %r (%s)" % (what, cell.value, cell.data_type))
    check(cell.value == expected, "%s: %r != %r" % (what, cell.value, expected))


def check_percent(cell, expected, what):
    if expected is None:
        check(cell.value is None, "%s: empty cell expected, got %r" % (what, cell.value))
        return
    check(isinstance(cell.value, float) or isinstance(cell.value, int),
          "%s: a numeric cell, got %r" % (what, cell.value))
    check("%" in cell.number_format, "%s: %% format, got %r" % (what, cell.number_format))
    # JSON gives two decimals; the cell holds the exact fraction.
    check(abs(cell.value * 100 - expected) <= 0.005 + 1e-9,
          "%s: %r%% != %r%%" % (what, cell.value * 100, expected))


def check_context(sheet, as_of, scope_code):
    check(sheet["A1"].value.startswith("SIGAP"), "%s: title" % sheet.title)
    check(sheet["B2"].value == datetime.datetime.fromisoformat(as_of),
          "%s: as-of date %r" % (sheet.title, sheet["B2"].value))
    check(scope_code in sheet["B3"].value, "%s: scope %r" % (sheet.title, sheet["B3"].value))
    check(sheet["B4"].value is not None, "%s: segment" % sheet.title)
    check(isinstance(sheet["B5"].value, datetime.datetime), "%s: data cut-off" % sheet.title)
    check(sheet["B6"].value is not None, "%s: generated at" % sheet.title)
    check(sheet.freeze_panes == "A%d" % (HEADER_ROW + 1), "%s: frozen %r" % (sheet.title,
                                                                          sheet.freeze_panes))
    check(sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A%d" % HEADER_ROW),
          "%s: autofilter %r" % (sheet.title, sheet.auto_filter.ref))
    check(all(sheet.column_dimensions[c].width and sheet.column_dimensions[c].width > 5
              for c in "AB"), "%s: columns sized" % sheet.title)


FIGURE_LABELS = {
    "Registered": ("registered", "count"), "Active": ("active", "count"),
    "Ended": ("ended", "count"), "Target": ("target", "count"),
    "Coverage": ("coverage_pct", "percent"), "Pagu": ("pagu", "rupiah"),
    "Realised": ("realised", "rupiah"), "Absorption": ("absorption_pct", "percent"),
    "Remaining": ("remaining", "rupiah"), "Premium per worker a month": ("premium_monthly", "rupiah"),
    "Months not yet paid": ("months_unpaid", "count"),
    "Projected year-end spending": ("projected_year_end", "rupiah"),
    "Quota (more workers)": ("quota", "count"),
}


def check_workbook(db, path, filter_args, as_of):
    book = openpyxl.load_workbook(path)
    expected = summary_json(db, filter_args)
    scope = expected["scope"]
    names = book.sheetnames
    check(names[:2] == ["Key figures", "Kecamatan"], "sheet names %r" % names)
    for name in ["Kelurahan", "Sector", "Desil", "Monthly", "SP2D", "Budget", "Sector x area",
                 "Data quality"]:
        check(name in names, "sheet %s missing from %r" % (name, names))

    for sheet in book.worksheets:
        check_context(sheet, as_of, scope)

    # Key figures, each with a definition.
    header, rows = table(book["Key figures"])
    seen = set()
    for row in rows:
        key, kind = FIGURE_LABELS[row[0].value]
        seen.add(key)
        what = "key figure %s" % key
        if kind == "percent":
            check_percent(row[1], expected[key], what)
        else:
            check_count(row[1], expected[key], what)
            if kind == "rupiah" and row[1].value is not None:
                check("Rp" in row[1].number_format, "%s: Rupiah format %r" % (what, row[1].number_format))
        check(isinstance(row[2].value, str) and len(row[2].value) > 10, "%s: definition" % what)
    check(seen == {v[0] for v in FIGURE_LABELS.values()}, "key figures %r" % seen)

    # The breakdowns, row by row.
    for sheet_name, by in [("Kecamatan", "kecamatan"), ("Kelurahan", "kelurahan"),
                           ("Sector", "sector"), ("Desil", "desil")]:
        rows_json = summary_json(db, filter_args, "--by", by)["rows"]
        header, rows = table(book[sheet_name])
        check(len(rows) == len(rows_json), "%s: %d rows, summary has %d" % (sheet_name, len(rows), len(rows_json)))
        for row, want in zip(rows, rows_json):
            what = "%s %s" % (sheet_name, want["code"])
            check(row[0].data_type == "s" and row[0].value == want["code"],
                  "%s: code as text, got %r (%s)" % (what, row[0].value, row[0].data_type))
            check(row[1].value == want["name"], "%s: name %r" % (what, row[1].value))
            for col, key in [(2, "registered"), (3, "active"), (4, "ended"), (5, "target")]:
                check_count(row[col], want[key], "%s %s" % (what, key))
            check_percent(row[6], want["coverage_pct"], what + " coverage")

    # The monthly series.
    months = summary_json(db, filter_args, "--by", "month")["rows"]
    header, rows = table(book["Monthly"])
    check(len(rows) == len(months), "Monthly: %d rows, summary has %d" % (len(rows), len(months)))
    for row, want in zip(rows, months):
        what = "Monthly %s" % want["month"]
        check(row[0].value == want["month"], what)
        check(row[1].value == datetime.datetime.fromisoformat(want["date"]), what + " date")
        for col, key in [(2, "registered"), (3, "active"), (4, "new_registrations"),
                         (5, "new_endings"), (6, "target"), (8, "realised_to_date")]:
            check_count(row[col], want[key], "%s %s" % (what, key))
        check_percent(row[7], want["coverage_pct"], what + " coverage")

    # SP2D add up to what was realised; the sector x area table to the active participants.
    header, rows = table(book["SP2D"])
    check(sum(r[7].value for r in rows) == expected["realised"],
          "SP2D amounts add up to %r" % expected["realised"])
    header, rows = table(book["Sector x area"])
    check(sum(r[-1].value for r in rows) == expected["active"],
          "sector x area adds up to %r active" % expected["active"])
    header, rows = table(book["Budget"])
    year = int(as_of[:4])
    check(sum(r[3].value for r in rows if r[0].value == year) == expected["pagu"],
          "budget rows of %d add up to the pagu" % year)

    # The data-quality notes, as summary counts them; the rentan workers without a desil also
    # counted here from the participants themselves.
    header, rows = table(book["Data quality"])
    quality = expected["quality"]
    check(len(rows) == len(quality), "Data quality: %d rows, summary has %d" % (len(rows), len(quality)))
    labels = {"Vulnerable workers in desil 6–10": "desil_outside_target",
              "Vulnerable workers without a desil": "desil_missing",
              "NIK issued outside Kota Bekasi": "nik_outside_city",
              "No KPJ number": "no_kpj",
              "Under 15 or over 65 at registration": "age_outside_15_65"}
    for row in rows:
        key = labels.get(row[0].value)
        check(key is not None, "Data quality: unknown note %r" % row[0].value)
        if key is not None:
            check_count(row[1], quality[key], "Data quality " + key)
    with sqlite3.connect("file:%s?mode=ro" % db, uri=True) as conn:
        missing = conn.execute(
            "SELECT count (*) FROM participant p JOIN sector s ON s.id = p.sector_id"
            " JOIN region k ON k.id = p.kelurahan_id"
            " WHERE s.segment = 'rentan' AND p.desil IS NULL AND p.registered_on <= ?"
            " AND (k.code = ? OR k.code LIKE ? || '.%') AND (? = 'all' OR s.segment = ?)",
            (as_of, scope, scope, expected["segment"], expected["segment"])).fetchone()[0]
    check(quality["desil_missing"] == missing,
          "desil_missing %r, counted %r" % (quality["desil_missing"], missing))


def main():
    tmp = tempfile.mkdtemp(prefix="sigap-export-")
    try:
        db = os.path.join(tmp, "demo.sigap")
        run("demo", "--db", db)

        for filter_args, as_of in [([], "2026-10-31"),
                                   (["--segment", "all", "--scope", "Bekasi Utara",
                                     "--as-of", "2026-06-30"], "2026-06-30"),
                                   (["--segment", "ekosistem", "--scope", "3275040",
                                     "--as-of", "2025-12-31"], "2025-12-31")]:
            path = os.path.join(tmp, "angka.xlsx")
            run("export", "--db", db, "--output", path, "--lang", "en", *filter_args)
            check_workbook(db, path, filter_args, as_of)

        # Indonesian words, same numbers.
        path = os.path.join(tmp, "angka-id.xlsx")
        run("export", "--db", db, "--output", path)
        book = openpyxl.load_workbook(path)
        check(book.sheetnames[0] == "Angka utama", "Indonesian sheet names %r" % book.sheetnames)
        check(book["Kecamatan"]["A%d" % HEADER_ROW].value == "Kode", "Indonesian header")

        # The same tables as CSV files, each row with its context.
        folder = os.path.join(tmp, "csv")
        run("export", "--db", db, "--output", folder, "--format", "csv", "--scope", "32.75.03")
        files = sorted(os.listdir(folder))
        check(files == sorted(["figures.csv", "kecamatan.csv", "kelurahan.csv", "sector.csv",
                               "desil.csv", "monthly.csv", "payments.csv", "budget.csv",
                               "sector-by-area.csv", "quality.csv"]), "CSV files %r" % files)
        want = summary_json(db, ["--scope", "32.75.03"], "--by", "kelurahan")
        with open(os.path.join(folder, "kelurahan.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        check(len(rows) == len(want["rows"]), "kelurahan.csv rows")
        for row, expect in zip(rows, want["rows"]):
            check(row["as_of"] == want["as_of"] and row["scope"] == "32.75.03" and
                  row["segment"] == "rentan" and row["data_cutoff"] == want["data_cutoff"],
                  "kelurahan.csv context %r" % row)
            check(int(row["active"]) == expect["active"], "kelurahan.csv active")
            check(abs(float(row["coverage_pct"]) - expect["coverage_pct"]) <= 0.005,
                  "kelurahan.csv coverage")

        # An export replaces the file only when complete, and leaves nothing beside it.
        path = os.path.join(tmp, "angka.xlsx")
        with open(path, "wb") as f:
            f.write(b"old")
        run("export", "--db", db, "--output", path)
        check(openpyxl.load_workbook(path) is not None, "replaced workbook reads")
        check([n for n in os.listdir(tmp) if ".tmp-" in n] == [], "no temporary file left")
        failed = run("export", "--db", db, "--output", os.path.join(tmp, "no", "such", "x.xlsx"),
                     ok=False)
        check(failed.returncode != 0 and failed.stderr.startswith("sigap: "), "failed export")
    finally:
        shutil.rmtree(tmp)

    if failures:
        print("%d check(s) failed" % failures)
        return 1
    print("export: all %d checks passed" % checks)
    return 0


sys.exit(main())
