#!/usr/bin/env python3
"""Makes the weekly sample of the 长治 campaign (2022-03-22..2022-06-30, ISO weeks 2022-W12..2022-W26) from the monthly
one: each week's figures grow towards 2022-06-values.csv, the published June totals, which the campaign's last week
(2022-W26, holding 30 June) reaches exactly. A county's cumulative figures are its June figure times a share that grows
with time progress at the week's end, faster or slower per county (a fixed exponent), never falling from one week to
the next; stocks and targets (last year's figures, the project library and plan, cadres, targets) stay as in June.
Writes weekly/2022-Wnn-values.csv; the returns are then made with
`reports fill --period 2022-Wnn --values weekly/2022-Wnn-values.csv …` (see README.md)."""
import csv, datetime
from decimal import Decimal, ROUND_CEILING, ROUND_FLOOR
from pathlib import Path

here = Path(__file__).parent
rows = list(csv.DictReader(open(here / "2022-06-values.csv", encoding="utf-8")))
start, end = datetime.date(2022, 3, 22), datetime.date(2022, 6, 30)
days = (end - start).days + 1
# Fields that grow over the campaign; the rest are stocks, targets and contacts.
growing = ["proj_started", "fund_invested", "fund_matched", "loan_households", "loan_amount", "cadre_trained",
           "training_sessions", "training_attendance", "publicity_events", "publicity_reach", "sales_orders", "sales_fairs",
           "policies_created", "issues_found", "issues_fixed", "dept_self_checks", "household_visits"]
# Employment is a stock that rises with the spring's migration: from 90% of June's to June's.
employment = ["emp_total", "emp_outside"]
# How far ahead of (below 1) or behind (above 1) time progress each county runs.
pace = [0.8, 1.0, 1.25, 0.9, 1.1, 1.35, 0.85, 1.0, 1.2, 0.95, 1.15, 1.05]


def share_of(value, share, rounding=ROUND_FLOOR):
    if share >= 1:
        return value
    number = Decimal(value)
    places = Decimal(1) if "." not in value else Decimal("0.01")
    return str((number * Decimal(share)).quantize(places, rounding=rounding))


monday = datetime.date(2022, 3, 21)  # of 2022-W12, the week of the campaign's first day
while monday <= end:
    sunday = monday + datetime.timedelta(days=6)
    iso_year, week, _ = sunday.isocalendar()
    progress = min(1.0, ((sunday - start).days + 1) / days)
    out = []
    for i, row in enumerate(rows):
        share = 1.0 if progress >= 1 else 0.12 + 0.88 * progress ** pace[i % len(pace)]
        new = dict(row)
        for field in growing:
            new[field] = share_of(row[field], share)
        for field in employment:
            new[field] = share_of(row[field], 0.9 + 0.1 * share)
        # Households rounded up, so the average loan never exceeds June's (小额信贷原则上每户不超过5万元).
        new["loan_households"] = share_of(row["loan_households"], share, ROUND_CEILING)
        new["fund_matched"] = new["fund_invested"]  # matched as it is invested (资金项目匹配率 is held to 100%)
        if progress < 1:
            new["remarks"] = ""
        out.append(new)
    with open(here / "weekly" / f"{iso_year}-W{week:02d}-values.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    monday += datetime.timedelta(days=7)
