#!/usr/bin/env python3
"""Print what the reference tables hold: a check to read after every rebuild.

    python -m scripts.data_report                 # reference_data/ (run from the repo root)
    python -m scripts.data_report path/to/folder

Rows per table; metrics per entity type; how many entities have at least 30
metrics; rows per as_of year; rows without as_of; rows with a claimant; rows with
an event_group or figure_kind; and rows that fail validation (the checker's own
table reader, then the same rules as tests/test_bundle.py: a known unit, plain
numbers, a value or a range, an ISO as_of). Standard library only, plus the
checker's table reader.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.extract.units import unit_info
from checker.reference.tables import parse_table

REPO = Path(__file__).resolve().parent.parent

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
RATE_UNITS = frozenset({
    "births per 1000 people", "deaths per 1000 people", "migrants per 1000 people", "children per woman",
    "deaths per 1000 live births", "deaths per 100000 live births", "physicians per 1000 people",
    "beds per 1000 people", "subscriptions per 100 people",
})
OTHER_UNITS = frozenset({"percent", "percentage points", "year", "km2", "mi2", "m2", "ha", "km", "mi", "m", "ft",
                         "kg", "tonnes", "people"})


def unit_ok(unit: str) -> bool:
    return (unit in OTHER_UNITS or unit in RATE_UNITS or unit_info(unit) is not None
            or re.fullmatch(r"[A-Z]{3}", unit) is not None or re.fullmatch(r"[a-z]+(?: [a-z]+)*s", unit) is not None)


def problems(row: dict[str, str]) -> list[str]:
    out = []
    for column in ("entity", "metric", "unit", "source"):
        if not (row.get(column) or "").strip():
            out.append(f"no {column}")
    if row.get("unit") and not unit_ok(row["unit"]):
        out.append(f"unit {row['unit']!r}")
    for column in ("value", "value_low", "value_high"):
        if row.get(column) and not NUMBER.match(row[column]):
            out.append(f"{column} not plain")
    if not row.get("value") and not (row.get("value_low") and row.get("value_high")):
        out.append("no value or range")
    if row.get("as_of") and not DATE.match(row["as_of"]):
        out.append("as_of format")
    return out


def report(folder: Path) -> str:
    lines: list[str] = []
    tables = sorted(folder.glob("*.csv"))
    rows_by_table: dict[str, list[dict[str, str]]] = {}
    for path in tables:
        with open(path, encoding="utf-8", newline="") as fh:
            rows_by_table[path.name] = list(csv.DictReader(fh))
    all_rows = [r for rows in rows_by_table.values() for r in rows]

    lines.append("rows per table")
    for name, rows in rows_by_table.items():
        lines.append(f"  {name:<18} {len(rows):>7,}")
    lines.append(f"  {'total':<18} {len(all_rows):>7,}")

    lines.append("")
    lines.append("metrics per entity type (entities, distinct metrics, rows)")
    by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in all_rows:
        by_type[r.get("entity_type") or "(none)"].append(r)
    for kind, rows in sorted(by_type.items()):
        figures = [r for r in rows if not r.get("event_group")]
        events = [r for r in rows if r.get("event_group")]
        lines.append(f"  {kind:<10} {len({r['entity'] for r in rows}):>6,} entities  "
                     f"{len({r['metric'] for r in figures}):>4} metrics  {len(figures):>7,} rows"
                     + (f"  + {len(events):,} event rows ({len({r['entity'] for r in events})} entities)"
                        if events else ""))
    countries = defaultdict(set)
    for r in all_rows:
        if r.get("entity_type") == "country" and not r.get("event_group"):
            countries[r["entity"]].add(r["metric"])
    n30 = sum(1 for m in countries.values() if len(m) >= 30)
    lines.append(f"  countries with at least 30 metrics: {n30} of {len(countries)}")

    lines.append("")
    lines.append("as_of spread (rows per year of as_of)")
    years = Counter(r["as_of"][:4] for r in all_rows if r.get("as_of"))
    recent = sorted(y for y in years if y >= "2015")
    older = sum(n for y, n in years.items() if y < "2015")
    lines.append(f"  before 2015: {older:,}")
    for y in recent:
        lines.append(f"  {y}: {years[y]:,}")
    lines.append("")
    lines.append("rows without as_of, per table")
    for name, rows in rows_by_table.items():
        lines.append(f"  {name:<18} {sum(1 for r in rows if not r.get('as_of')):>7,}")

    lines.append("")
    claims = [r for r in all_rows if r.get("claimant")]
    lines.append(f"rows with a claimant: {len(claims)}")
    for r in claims:
        lines.append(f"  {r['entity']} / {r['metric']}: {r['claimant']}")
    lines.append("")
    groups = Counter(r["event_group"] for r in all_rows if r.get("event_group"))
    kinds = Counter(r["figure_kind"] for r in all_rows if r.get("figure_kind"))
    lines.append("event_group: " + ", ".join(f"{k} {n:,}" for k, n in sorted(groups.items())))
    lines.append("figure_kind: " + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items())))

    lines.append("")
    lines.append("rows failing validation")
    for path in tables:
        try:
            parse_table(path.read_bytes(), str(path.name))
            reader = "ok"
        except ReferenceTableError as exc:
            reader = f"FAILS: {exc}"
        bad = [(i + 2, p) for i, r in enumerate(rows_by_table[path.name]) if (p := problems(r))]
        lines.append(f"  {path.name:<18} checker reader {reader}; rule failures {len(bad)}")
        for line, p in bad[:5]:
            lines.append(f"    line {line}: {', '.join(p)}")
    no_url = {name: sum(1 for r in rows if not r.get("source_url")) for name, rows in rows_by_table.items()}
    lines.append("rows without source_url (allowed; the source names the publication): "
                 + ", ".join(f"{name} {n}" for name, n in no_url.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else REPO / "reference_data"
    print(report(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
