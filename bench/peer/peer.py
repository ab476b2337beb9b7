#!/usr/bin/python3
"""The peer: what an office's analyst would write with openpyxl to merge an inbox of returns.

Reads each return's named input cells by defined name, checks the ≤ rules of the definition, sums the accepted
returns, computes the ratio-of-sums rates and writes a summary .xlsx (a row per unit, the total, the rates).
One process, one thread, openpyxl's ordinary (not read-only) mode: the script an analyst would actually write.

    peer.py --definition templates/returns/campaign-5plus1.json --roster roster.json --inbox DIR --out summary.xlsx

Prints a JSON line: files, accepted, rejected, warnings, the totals and rates (for the harness to compare with
summary.json), and its own time in ms.
"""
import argparse
import json
import os
import sys
import time
from decimal import Decimal, InvalidOperation

import openpyxl
from openpyxl import Workbook


def named_cell(workbook, name):
    """The value of a workbook-level defined name that points at one cell."""
    defined = workbook.defined_names.get(name)
    if defined is None:
        return None
    for sheet, coordinate in defined.destinations:
        return workbook[sheet][coordinate.replace("$", "")].value
    return None


def as_number(value):
    """A number, or (number, True) when it was typed as text."""
    if value is None or value == "":
        return None, False
    if isinstance(value, (int, float)):
        return Decimal(str(value)), False
    try:
        return Decimal(str(value).strip()), True
    except InvalidOperation:
        return None, False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--definition", required=True)
    parser.add_argument("--roster", required=True)
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()

    with open(args.definition, encoding="utf-8") as f:
        definition = json.load(f)
    fields = [field for section in definition["sections"] for field in section["fields"]]
    numeric = [f["code"] for f in fields if f.get("kind", "count") in ("count", "amount")]
    rules = [(f["code"], f["atMost"]) for f in fields if "atMost" in f]
    indicators = [i for section in definition["sections"] for i in section.get("indicators", [])]
    with open(args.roster, encoding="utf-8") as f:
        roster = json.load(f)
    names = {unit["code"]: unit["name"] for unit in roster["units"]}

    rows, problems, warnings = {}, [], 0
    for file in sorted(os.listdir(args.inbox)):
        if not file.endswith(".xlsx"):
            continue
        workbook = openpyxl.load_workbook(os.path.join(args.inbox, file), data_only=True)
        unit = str(named_cell(workbook, "meta_unit"))
        values, broken = {}, []
        for code in numeric:
            number, as_text = as_number(named_cell(workbook, code))
            warnings += as_text
            values[code] = number
        for code, limit in rules:
            if values[code] is not None and values[limit] is not None and values[code] > values[limit]:
                broken.append(f"{code} > {limit}")
        if broken:
            problems.append((unit, file, "; ".join(broken)))
        else:
            rows[unit] = values

    total = {code: sum((v[code] or Decimal(0) for v in rows.values()), Decimal(0)) for code in numeric}

    def rate(values, indicator):
        numerator = sum(values[c] or Decimal(0) for c in indicator["numerator"])
        if "denominator" not in indicator:  # a sum, e.g. sales_total
            return numerator
        denominator = sum(values[c] or Decimal(0) for c in indicator["denominator"])
        return None if denominator == 0 else numerator / denominator

    out = Workbook()
    sheet = out.active
    sheet.title = "汇总"
    sheet.append(["单位代码", "单位名称"] + numeric + [i["code"] for i in indicators])
    for code, name in names.items():
        if code in rows:
            sheet.append([code, name] + [float(rows[code][c]) if rows[code][c] is not None else None for c in numeric]
                         + [float(r) if (r := rate(rows[code], i)) is not None else None for i in indicators])
    sheet.append(["", "合计"] + [float(total[c]) for c in numeric]
                 + [float(r) if (r := rate(total, i)) is not None else None for i in indicators])
    rejected = out.create_sheet("退回")
    rejected.append(["单位代码", "文件", "问题"])
    for problem in problems:
        rejected.append(list(problem))
    out.save(args.out)

    print(json.dumps({
        "files": len(rows) + len(problems), "accepted": len(rows), "rejected": len(problems), "warnings": warnings,
        "missing": len([c for c in names if c not in rows and c not in {p[0] for p in problems}]),
        "total": {c: format(total[c].normalize(), "f") for c in numeric},
        "rates": {i["code"]: (None if (r := rate(total, i)) is None else float(r)) for i in indicators},
        "ms": round((time.perf_counter() - started) * 1000, 3),
    }, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
