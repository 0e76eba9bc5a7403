#!/usr/bin/env python3
"""Corpus-level P/R/F1 of the checker's claim extraction on NewsQuant (CQE benchmark).

    python bench/eval_newsquant.py [--errors /tmp/nq_errors.txt]

The data is read at run time from ../shared/eval-data/newsquant (or $NEWSQUANT_DIR);
it is for internal evaluation only and nothing of it is written into the repo.

Method (same as /work/shared/eval/newsquant_score.py, so "value" F1 equals that script's):
all sentences are joined by blank lines into one temporary document, checked with ONE
`python -m checker check DOC --format json` run, and each claim is assigned to the
sentence its `start` offset falls in. Per sentence, predicted claims are matched
one-to-one, greedily in output order, to the first unused gold quantity that passes the
criterion. Value: |pred - gold| within rel 1e-3 (abs 1e-9); a gold range "lo-hi" matches
lo, hi or the midpoint. Claims whose value is not a number are ignored.

Criteria (each is a separate one-to-one matching):
  value          the value matches
  value+unit     the value matches and our canonical unit maps to the gold normalized_unit
                 (UNIT_TO_CQE below; counted nouns by their singular; no unit = '-'/'count')
  value+change   the value matches and our qualifier/change maps to the gold change
                 (change up/down first, then approx '~', at_least '>', at_most '<', else '=')
  value, calendar years excluded   the value criterion after dropping every claim with unit
                 'year' (calendar years, which NewsQuant never annotates)
The four recognizers-text-derived sets are scored for value and value+unit.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import math
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (
    NEWSQUANT_DIR,
    NEWSQUANT_JSON,
    RECOGNIZERS_DIR,
    REPO,
    checker_cmd,
    joined,
    load_dataset,
    run_child,
    temp_file,
)

RECOGNIZER_SETS = ("age", "currency", "dimension", "temperature")

# Our canonical unit -> the names in CQE's unit dictionary it may be annotated as.
UNIT_TO_CQE: dict[str, tuple[str, ...]] = {
    "": ("-", "count"),
    "percent": ("percentage",),
    "percentage points": ("percentage point", "percentage", "point"),
    "fraction": ("percentage", "-"),
    # currencies and sub-units
    "USD": ("dollar", "united states dollar"),
    "JPY": ("japanese yen",),
    "EUR": ("euro",),
    "GBP": ("pound sterling",),
    "CNY": ("chinese yuan",),
    "AUD": ("australian dollar",),
    "CAD": ("canadian dollar",),
    "HKD": ("hong kong dollar",),
    "NZD": ("new zealand dollar",),
    "SGD": ("singapore dollar",),
    "TWD": ("new taiwan dollar",),
    "CHF": ("swiss franc",),
    "INR": ("rupee", "indian rupee"),
    "RUB": ("russian ruble",),
    "UAH": ("ukrainian hryvnia",),
    "KRW": ("south korean won",),
    "ILS": ("shekel", "israeli new shekel"),
    "MYR": ("malaysian ringgit",),
    "BRL": ("brazilian real",),
    "ZAR": ("south african rand",),
    "MXN": ("mexican peso",),
    "SEK": ("swedish krona",),
    "NOK": ("norwegian krone",),
    "DKK": ("danish krone",),
    "TRY": ("turkish lira",),
    "PLN": ("polish złoty", "polish zloty"),
    "HRK": ("croatian kuna",),
    "GBX": ("penny", "pence"),
    "USX": ("cent",),
    "MYX": ("sen",),
    # length, area, volume
    "km": ("kilometre",), "mi": ("mile",), "m": ("metre",), "cm": ("centimetre",),
    "mm": ("millimetre",), "μm": ("micrometre",), "ft": ("foot",), "inches": ("inch",),
    "yards": ("yard",), "nautical miles": ("nautical mile",),
    "km2": ("square kilometre",), "mi2": ("square mile",), "m2": ("square metre",),
    "ft2": ("square foot", "square feet"), "ha": ("hectare",), "acres": ("acre",),
    "l": ("litre",), "ml": ("millilitre",), "gallons": ("gallon",), "barrels": ("barrel",),
    "m3": ("cubic metre",), "ft3": ("cubic foot",),
    # mass
    "kg": ("kilogram",), "g": ("gram",), "mg": ("milligram",), "tonnes": ("metric ton", "tonne"),
    "gigatonnes": ("gigaton", "gigatonne"), "megatonnes": ("megaton", "megatonne"), "tons": ("ton",),
    "lb": ("pound-mass",), "oz": ("ounce",),
    "lb-ft": ("pound-foot", "foot pound-force"),
    # speed, temperature, angle
    "mph": ("mile per hour",), "km/h": ("kilometre per hour",), "knots": ("knot",),
    "°C": ("celsius",), "°F": ("fahrenheit",), "degrees": ("degree",),
    # power, energy, electric, frequency, data
    "W": ("watt",), "kW": ("kilowatt",), "MW": ("megawatt",), "GW": ("gigawatt",),
    "hp": ("horsepower", "brake horsepower"),
    "kWh": ("kilowatt hour",), "MWh": ("megawatt hour",), "GWh": ("gigawatt hour",),
    "TWh": ("terawatt hour",), "calories": ("kilocalorie", "calorie"),
    "V": ("volt",), "A": ("ampere",), "F": ("farad",),
    "Hz": ("hertz",), "kHz": ("kilohertz",), "MHz": ("megahertz",), "GHz": ("gigahertz",),
    "Mbps": ("megabit per second",), "Gbps": ("gigabit per second",), "mAh": ("milliampere-hour",),
    "rpm": ("revolutions per minute",), "GB": ("gigabyte",), "TB": ("terabyte",), "MB": ("megabyte",),
    "ppm": ("parts-per-million", "part per million"), "ppb": ("parts-per-billion", "part per billion"),
    # time: durations (ages are durations too) and the calendar year
    "years": ("year", "year of age"), "months": ("month", "month of age"),
    "weeks": ("week", "week of age"), "days": ("day", "day of age"),
    "hours": ("hour",), "minutes": ("minute",), "seconds": ("second",),
    "decades": ("decade",), "centuries": ("century",),
    "year": ("year",),
    "annum": ("year",),
    "mmbtu": ("mega british thermal unit",),
    "mpg": ("mile per gallon",), "ksi": ("kilopound per square inch",), "psi": ("pound per square inch",),
    "basis points": ("basis point",),
    # counted nouns whose singular is not the noun minus 's'
    "points": ("point",),
    "people": ("people", "person"),
    "children": ("child",), "men": ("man",), "women": ("woman",),
    "wins above replacement": ("win above replacement",),
}


def cqe_names(unit: str) -> set[str]:
    """Every CQE normalized_unit our canonical `unit` may stand for (lower case)."""
    if unit in UNIT_TO_CQE:
        return {n.lower() for n in UNIT_TO_CQE[unit]}
    if "/" in unit:  # compound: "USD/years" -> "dollar per year"
        left, _, right = unit.partition("/")
        return {f"{a} per {b}" for a in cqe_names(left) for b in cqe_names(right)}
    # a counted noun: CQE's normalized_unit is its lemma ("homes" -> "home")
    noun = unit.lower()
    out = {noun}
    if noun.endswith("ies") and len(noun) > 4:
        out.add(noun[:-3] + "y")
    if noun.endswith(("ses", "xes", "ches", "shes")):
        out.add(noun[:-2])
    if noun.endswith("s") and not noun.endswith("ss"):
        out.add(noun[:-1])
    return out


def change_of(claim: dict) -> str:
    if claim.get("change") in ("up", "down"):
        return claim["change"]
    return {"approx": "~", "at_least": ">", "at_most": "<"}.get(claim.get("qualifier"), "=")


# ------------------------------------------------------------------- scoring (as newsquant_score.py)

def gold_values(q: dict) -> list[float]:
    v = q["value"].replace(" ", "")
    m = re.fullmatch(r"(-?[\d.]+(?:[eE][-+]?\d+)?)-(-?[\d.]+(?:[eE][-+]?\d+)?)", v)
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
        return [lo, hi, (lo + hi) / 2]
    return [float(v)]


def isclose(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def value_ok(claim: dict, gold: dict) -> bool:
    return any(isclose(claim["_v"], x) for x in gold["_values"])


def unit_ok(claim: dict, gold: dict) -> bool:
    return value_ok(claim, gold) and gold.get("normalized_unit", "-").strip().lower() in cqe_names(claim["unit"])


def change_ok(claim: dict, gold: dict) -> bool:
    return value_ok(claim, gold) and change_of(claim) == gold.get("change", "=")


Criterion = Callable[[dict, dict], bool]


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.errors: list[str] = []

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score(data: list[dict], predicted: list[list[dict]], ok: Criterion,
          keep: Callable[[dict], bool] = lambda c: True) -> Score:
    s = Score()
    for k, (item, claims) in enumerate(zip(data, predicted)):
        golds = item["quantities"]
        used: set[int] = set()
        fps = []
        for c in claims:
            if not keep(c):
                continue
            hit = next((i for i, g in enumerate(golds) if i not in used and ok(c, g)), None)
            if hit is None:
                s.fp += 1
                fps.append(c)
            else:
                s.tp += 1
                used.add(hit)
        fns = [g for i, g in enumerate(golds) if i not in used]
        s.fn += len(fns)
        if fps or fns:
            lines = [f"[{k}] {item['text']}"]
            lines += [f"   FP {c['text']!r} value={c['_v']:g} unit={c['unit']!r} change={change_of(c)}"
                      for c in fps]
            lines += [f"   FN value={g['value']} unit={g.get('normalized_unit', '')!r} change={g.get('change', '')}"
                      for g in fns]
            s.errors.append("\n".join(lines))
    return s


# ------------------------------------------------------------------------------ running

def predict(data: list[dict], cache_dir: str | None) -> tuple[list[list[dict]], float]:
    """Claims per sentence, from one checker run over all sentences joined by blank lines."""
    for item in data:
        for q in item["quantities"]:
            q["_values"] = gold_values(q)
    doc, offsets = joined([d["text"] for d in data])
    name = temp_file(doc)
    env = dict(os.environ)
    if cache_dir:
        env["FACTCHECK_CACHE_DIR"] = cache_dir
    try:
        run = run_child(checker_cmd(name), env=env, capture=True)
    finally:
        os.unlink(name)
    out = json.loads(run.stdout)
    claims = out["claims"] if isinstance(out, dict) else out
    per_sentence: list[list[dict]] = [[] for _ in data]
    for c in claims:
        try:
            c["_v"] = float(c["value"])
        except (TypeError, ValueError):
            continue
        i = bisect.bisect_right(offsets, int(c["start"])) - 1
        per_sentence[i].append(c)
    return per_sentence, run.seconds


def reported(name: str) -> dict[tuple[str, str], float]:
    """F1 the CQE authors report (their scorer: different matching rule), by (model, type)."""
    path = NEWSQUANT_DIR / "reported-results" / f"{name}.csv"
    out: dict[tuple[str, str], float] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[(row["model"], row["type"])] = float(row["F1"])
    except (OSError, KeyError, ValueError):
        pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--errors", metavar="FILE",
                    help="write false positives/negatives here (must be outside the repo: it quotes the data)")
    ap.add_argument("--cache-dir", help="FACTCHECK_CACHE_DIR for the checker runs (default: the user cache)")
    args = ap.parse_args()
    if args.errors:
        target = Path(args.errors).resolve()
        if target == REPO or REPO in target.parents:
            ap.error("--errors must be outside the repository (it quotes benchmark sentences), e.g. /tmp/...")

    rows: list[tuple[str, str, Score, str]] = []
    error_sections: list[str] = []

    data = load_dataset(NEWSQUANT_JSON)
    predicted, secs = predict(data, args.cache_dir)
    rep = reported("NewsQuant")
    criteria: list[tuple[str, Criterion, Callable[[dict], bool], str]] = [
        ("value", value_ok, lambda c: True, "value"),
        ("value+unit", unit_ok, lambda c: True, "value+unit"),
        ("value+change", change_ok, lambda c: True, "value+change"),
        ("value, calendar-year claims excluded", value_ok, lambda c: c["unit"] != "year", ""),
    ]
    n_gold = sum(len(d["quantities"]) for d in data)
    for label, ok, keep, rtype in criteria:
        s = score(data, predicted, ok, keep)
        ref = ""
        if rtype:
            cqe, q3 = rep.get(("CQE-Numparser", rtype)), rep.get(("quantulum3", rtype))
            ref = "  ".join(f"{m} {v:.1f}" for m, v in (("CQE", cqe), ("q3", q3)) if v is not None)
        rows.append(("NewsQuant", label, s, ref))
        error_sections.append(f"===== NewsQuant / {label}: {s.fp} FP, {s.fn} FN\n" + "\n".join(s.errors))

    for name in RECOGNIZER_SETS:
        rdata = load_dataset(RECOGNIZERS_DIR / f"{name}-model.json")
        rpred, _ = predict(rdata, args.cache_dir)
        rrep = reported(f"{name}-model")
        # the per-set CSVs of the authors have no 'type' header for some sets; show what parses
        for label, ok, rtype in (("value", value_ok, "value"), ("value+unit", unit_ok, "value+unit")):
            s = score(rdata, rpred, ok)
            cqe, q3 = rrep.get(("CQE-Numparser", rtype)), rrep.get(("quantulum3", rtype))
            ref = "  ".join(f"{m} {v:.1f}" for m, v in (("CQE", cqe), ("q3", q3)) if v is not None)
            rows.append((f"RT {name}", label, s, ref))
            error_sections.append(f"===== RT {name} / {label}: {s.fp} FP, {s.fn} FN\n" + "\n".join(s.errors))

    print(f"NewsQuant: {len(data)} sentences, {n_gold} gold quantities, one checker run {secs:.2f} s")
    print(f"{'set':<14} {'criterion':<38} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}   reported F1*")
    for dataset, label, s, ref in rows:
        print(f"{dataset:<14} {label:<38} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
              f"{100 * s.p:>6.1f} {100 * s.r:>6.1f} {100 * s.f1:>6.1f}   {ref}")
    print("* CQE authors' figures for CQE and quantulum3, from their own scorer (range and tolerance "
          "rules differ); context only.")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            fh.write("\n\n".join(error_sections) + "\n")
        print(f"errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
