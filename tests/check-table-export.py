#!/usr/bin/env python3
# check-table-export.py XLSX TABLE DB AS_OF SEGMENT SCOPE [SHOWN.json]
#
# One table exported from a table's menu in the window (test-window-table-export), read back
# with an independent reader (openpyxl): one sheet, its title and context block (as-of date,
# scope, segment, data cut-off, when), the header, and the figures against `sigap summary
# --format json` ($SIGAP_BIN) or plain SQL on the database, and against SHOWN.json, what the
# page's table showed. A text cell starting with "=" is a string, never a formula. The
# participants: NIKs masked, the file its owner's only, the export recorded.
# Exit 0 when all holds, 77 without openpyxl.

import datetime
import json
import os
import sqlite3
import stat
import subprocess
import sys

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl is not installed")
    sys.exit(77)

XLSX, TABLE, DB, AS_OF, SEGMENT, SCOPE = sys.argv[1:7]
SHOWN = sys.argv[7] if len(sys.argv) > 7 else None
SIGAP = os.environ["SIGAP_BIN"]
HEADER_ROW = 8      # 1-based: the title, five context lines, a blank line, then the header

failures = 0
checks = 0


def check(condition, what):
    global failures, checks
    checks += 1
    if not condition:
        failures += 1
        print("FAIL:", what)


def summary_json(*extra):
    result = subprocess.run([SIGAP, "summary", "--db", DB, "--as-of", AS_OF, "--segment", SEGMENT,
                             "--scope", SCOPE, "--format", "json", *extra],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def sql(query, *args):
    with sqlite3.connect("file:%s?mode=ro" % DB, uri=True) as conn:
        return conn.execute(query, args).fetchall()


def date(text):
    return datetime.datetime.fromisoformat(text) if text else None


book = openpyxl.load_workbook(XLSX)
check(len(book.worksheets) == 1, "one sheet, got %r" % book.sheetnames)
sheet = book.worksheets[0]
print("sheet %r of %s" % (sheet.title, XLSX))
for row in sheet.iter_rows(min_row=1, max_row=HEADER_ROW + 3, values_only=True):
    print("  ", row)

# The context block, as the full export's sheets carry it.
cutoff = sql("SELECT value FROM sigap_meta WHERE key = 'data_cutoff'")[0][0]
check(sheet["A1"].value.startswith("SIGAP — "), "title %r" % sheet["A1"].value)
check([sheet["A%d" % r].value for r in range(2, 7)] ==
      ["As of", "Scope", "Segment", "Data cut-off", "Generated at"],
      "context labels %r" % [sheet["A%d" % r].value for r in range(2, 7)])
check(sheet["B2"].value == date(AS_OF), "as-of date %r" % sheet["B2"].value)
check(sheet["B3"].data_type == "s" and ("(%s)" % SCOPE) in sheet["B3"].value,
      "scope %r" % sheet["B3"].value)
check(("(%s)" % SEGMENT) in sheet["B4"].value, "segment %r" % sheet["B4"].value)
check(sheet["B5"].value == date(cutoff), "data cut-off %r, database says %r"
      % (sheet["B5"].value, cutoff))
check(sheet["B6"].value is not None, "generated at")
check(sheet.freeze_panes == "A%d" % (HEADER_ROW + 1), "frozen %r" % sheet.freeze_panes)
check(sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A%d" % HEADER_ROW),
      "autofilter %r" % sheet.auto_filter.ref)

rows = list(sheet.iter_rows(min_row=HEADER_ROW))
header = [c.value for c in rows[0]]
rows = [r for r in rows[1:] if any(c.value is not None for c in r)]


def check_count(cell, expected, what):
    if expected is None:
        check(cell.value is None, "%s: empty cell expected, got %r" % (what, cell.value))
        return
    check(cell.data_type == "n" and cell.value == expected,
          "%s: numeric %r expected, got %r (%s)" % (what, expected, cell.value, cell.data_type))


if TABLE in ("kecamatan", "kelurahan", "sector", "desil"):
    check(header == ["Code", "Name", "Registered", "Active", "Ended", "Target", "Coverage"],
          "header %r" % header)
    want = summary_json("--by", TABLE)["rows"]
    check(len(rows) == len(want), "%d rows, summary has %d" % (len(rows), len(want)))
    for row, expect in zip(rows, want):
        what = "%s %s" % (TABLE, expect["code"])
        check(row[0].data_type == "s" and row[0].value == expect["code"],
              "%s: code as text, got %r" % (what, row[0].value))
        check(row[1].value == expect["name"], "%s: name %r" % (what, row[1].value))
        for col, key in [(2, "registered"), (3, "active"), (4, "ended"), (5, "target")]:
            check_count(row[col], expect[key], "%s %s" % (what, key))
        if expect["coverage_pct"] is not None:
            check("%" in row[6].number_format and
                  abs(row[6].value * 100 - expect["coverage_pct"]) <= 0.005 + 1e-9,
                  "%s: coverage %r" % (what, row[6].value))
    # What the page's table showed, row for row (its total row aside).
    if SHOWN is not None:
        with open(SHOWN, encoding="utf-8") as f:
            shown = json.load(f)
        check(len(shown) == len(rows), "the page showed %d rows, the sheet has %d"
              % (len(shown), len(rows)))
        by_code = {r[0].value: r for r in rows}
        for item in shown:
            row = by_code.get(item["code"])
            check(row is not None, "shown %s missing from the sheet" % item["code"])
            if row is not None:
                check(row[1].value == item["name"] and row[2].value == item["registered"] and
                      row[3].value == item["active"] and row[5].value == item["target"],
                      "shown %r, sheet %r" % (item, [c.value for c in row]))
    # Cross-check the active participants of the scope with plain SQL.
    active = sql("SELECT count (*) FROM participant p JOIN sector s ON s.id = p.sector_id"
                 " JOIN region k ON k.id = p.kelurahan_id"
                 " WHERE p.registered_on <= ?1 AND (p.ended_on IS NULL OR p.ended_on > ?1)"
                 " AND (k.code = ?2 OR k.code LIKE ?2 || '.%')"
                 " AND (?3 = 'all' OR s.segment = ?3)", AS_OF, SCOPE, SEGMENT)[0][0]
    check(sum(r[3].value for r in rows) == active,
          "active add up to %r (SQL), sheet %r" % (active, sum(r[3].value for r in rows)))

elif TABLE == "payments":
    check(header == ["Paid on", "SP2D number", "Segment", "Funding source", "Period from",
                     "Period to", "Participants", "Amount"], "header %r" % header)
    expected = summary_json()
    check(sum(r[7].value for r in rows) == expected["realised"],
          "SP2D amounts add up to %r" % expected["realised"])
    paid = {n: (a, p, f) for n, a, p, f in
            sql("SELECT sp2d_number, amount, participants, funding_source FROM payment")}
    for row in rows:
        number = row[1].value
        check(number in paid, "SP2D %r in the database" % number)
        if number in paid:
            amount, participants, funding = paid[number]
            check(row[7].data_type == "n" and row[7].value == amount and
                  "Rp" in row[7].number_format, "SP2D %s amount %r" % (number, row[7].value))
            check(row[6].value == participants, "SP2D %s participants" % number)
            check(row[3].data_type == "s" and row[3].value == funding,
                  "SP2D %s funding source %r (%s), database %r"
                  % (number, row[3].value, row[3].data_type, funding))
    formulas = [r[3] for r in rows if isinstance(r[3].value, str) and r[3].value.startswith("=")]
    check(len(formulas) >= 1, "a funding source starting with '=' is in the sheet")
    check(all(c.data_type == "s" for c in formulas),
          "a text starting with '=' is a string, not a formula: %r"
          % [(c.value, c.data_type) for c in formulas])

elif TABLE == "participants":
    check(header == ["NIK", "Name", "Kelurahan code", "Kelurahan", "Kecamatan", "Sector",
                     "Segment", "Desil", "Registered on", "Ended on", "End reason", "Status"],
          "header %r" % header)
    check("masked" in sheet["A1"].value, "the title says NIKs are masked: %r" % sheet["A1"].value)
    want = sql("SELECT p.nik, p.name, p.desil, p.registered_on,"
               " CASE WHEN p.ended_on <= ?1 THEN p.ended_on END"
               " FROM participant p JOIN sector s ON s.id = p.sector_id"
               " JOIN region k ON k.id = p.kelurahan_id"
               " WHERE k.code = ?2 AND p.registered_on <= ?1 AND (?3 = 'all' OR s.segment = ?3)"
               " ORDER BY p.name, p.id", AS_OF, SCOPE, SEGMENT)
    check(len(rows) == len(want) and len(want) > 0,
          "%d participants, SQL has %d" % (len(rows), len(want)))
    for row, (nik, name, desil, registered, ended) in zip(rows, want):
        check(row[0].value == nik[:4] + "*" * 8 + nik[-4:], "NIK masked: %r" % row[0].value)
        check(row[1].data_type == "s" and row[1].value == name,
              "name %r (%s), SQL %r" % (row[1].value, row[1].data_type, name))
        check(row[2].value == SCOPE, "kelurahan code %r" % row[2].value)
        check_count(row[7], desil, "desil of %s" % name)
        check(row[8].value == date(registered), "registered %r" % row[8].value)
        check(row[9].value == date(ended), "ended %r" % row[9].value)
        check(row[11].value == ("Ended" if ended else "Active"), "status %r" % row[11].value)
    every_nik = {n for (n,) in sql("SELECT nik FROM participant")}
    check(not any(c.value in every_nik for r in rows for c in r),
          "no whole NIK anywhere in the sheet")
    formulas = [r[1] for r in rows if isinstance(r[1].value, str) and r[1].value.startswith("=")]
    check(len(formulas) == 1 and formulas[0].data_type == "s",
          "a name starting with '=' is a string, not a formula: %r"
          % [(c.value, c.data_type) for c in formulas])
    mode = stat.S_IMODE(os.stat(XLSX).st_mode)
    check(mode == 0o600, "the file is its owner's only: %o" % mode)
    records = json.loads(sql("SELECT value FROM sigap_meta WHERE key = 'full_nik_exports'")[0][0])
    last = records[-1]
    check(last["nik"] == "masked" and last["rows"] == len(rows) and last["scope"] == SCOPE and
          last["as_of"] == AS_OF and last["file"].endswith(os.path.basename(XLSX)) and
          last["user"], "the export is recorded: %r" % last)

else:
    check(False, "unknown table %r" % TABLE)

if failures:
    print("%d check(s) failed" % failures)
    sys.exit(1)
print("table export %s: all %d checks passed" % (TABLE, checks))
sys.exit(0)
