#!/usr/bin/env python3
"""Makes the fund-project-matching sample of 长治市 (2022-06) from the campaign sample: each county's allocated and
matched funds and its planned (all started) projects are the campaign return's fund_invested, fund_matched and
proj_planned, so the city gives the published 11.33亿元, 100% matched, 1766 projects. The ledger rows are drawn
from a fixed seed, and the fixed part's spent, industry and completed figures are the ledger's own sums, so the two
parts agree. Writes 2022-06-values.csv and 2022-06-ledger.csv; the returns are then made with
`reports fill … --values 2022-06-values.csv --details 2022-06-ledger.csv`."""
import csv, datetime, random
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

here = Path(__file__).parent
campaign = list(csv.DictReader(open(here.parent / "campaign-5plus1" / "2022-06-values.csv", encoding="utf-8")))
cent = Decimal("0.01")
types = ["产业发展", "基础设施", "就业帮扶", "其他"]
names = {
    "产业发展": ["食用菌种植基地", "中药材种植", "肉牛养殖场", "设施蔬菜大棚", "小杂粮加工厂", "光伏电站", "乡村旅游"],
    "基础设施": ["村道硬化", "饮水安全巩固提升", "农田水利", "村内排水", "便民桥"],
    "就业帮扶": ["帮扶车间", "技能培训", "公益性岗位"],
    "其他": ["雨露计划补助", "小额信贷贴息", "人居环境整治"],
}
villages = ["东", "西", "南", "北", "上", "下", "中", "前", "后", "新"]
values, ledger = [], []
for index, county in enumerate(campaign):
    rng = random.Random(20220630 + index)
    code, name = county["unit_code"], county["unit_name"]
    planned, allocated = int(county["proj_planned"]), Decimal(county["fund_invested"])
    industry_odds = 0.55 + 0.2 * rng.random()
    spend_level = 0.30 + 0.35 * rng.random()
    weights = [rng.uniform(0.3, 3.0) for _ in range(planned)]
    total_weight = sum(weights)
    rows = []
    for i in range(planned):
        matched = (allocated * Decimal(weights[i] / total_weight)).quantize(cent, ROUND_HALF_UP)
        if i == planned - 1:
            matched = allocated - sum(r["fund_matched"] for r in rows)
        kind = types[0] if rng.random() < industry_odds else rng.choice(types[1:])
        completed = rng.random() < 0.15 + 0.2 * spend_level
        spent_share = rng.uniform(0.85, 1.0) if completed else rng.uniform(0.05, 1.2 * spend_level)
        spent = min(matched, (matched * Decimal(spent_share)).quantize(cent, ROUND_HALF_UP))
        start = datetime.date(2022, 1, 4) + datetime.timedelta(days=rng.randrange(0, 175))
        rows.append({
            "project_id": f"{code}-2022-{i + 1:04d}",
            "project_name": f"{name}{rng.choice(villages)}{rng.randrange(1, 20)}村{rng.choice(names[kind])}项目",
            "project_type": kind,
            "fund_planned": (matched * Decimal(rng.uniform(1.0, 1.2))).quantize(cent, ROUND_HALF_UP),
            "fund_matched": matched,
            "fund_spent": spent,
            "started": "是",
            "start_date": start.isoformat(),
            "completed": "是" if completed else "否",
            "beneficiaries": rng.randrange(8, 400),
        })
    ledger += [{"unit_code": code, "table": "projects", **r} for r in rows]
    values.append({
        "unit_code": code, "unit_name": name,
        "fund_allocated": allocated,
        "fund_industry": sum(r["fund_matched"] for r in rows if r["project_type"] == "产业发展"),
        "fund_matched": sum(r["fund_matched"] for r in rows),
        "fund_spent": sum(r["fund_spent"] for r in rows),
        "proj_planned": planned,
        "proj_started": planned,
        "proj_completed": sum(1 for r in rows if r["completed"] == "是"),
        "remarks": "", "filled_by": county["filled_by"], "phone": county["phone"],
    })

def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

write(here / "2022-06-values.csv", values)
write(here / "2022-06-ledger.csv", ledger)
