"""Decide whether a claim is supported, contradicted or unverified, and say why.

Every verdict names the rule that decided it. The comparison is made in the
reference row's unit (pint converts physical units) between two intervals:
what the article's wording allows (its stated precision, hedge or bound) and
what the reference allows (its value, or its low-high range).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.extract.numbers import format_number
from checker.extract.units import dimension_of, unit_info
from checker.lexicon import Lexicon, lexicon
from checker.models import CheckedClaim, Claim, Match, ReferenceRow

# "about 30,000" fits a reference within 5% of 30,000 (or within its rounding, if wider).
DEFAULT_APPROX_TOLERANCE = 0.05


# Two estimates of the same population or GDP from different sources may differ by this much.
DEFAULT_ESTIMATE_TOLERANCE = 0.02


# Two sources' figures for a fixed quantity (an area, a height) may differ by this much.
DEFAULT_SOURCE_TOLERANCE = 0.01


@dataclass(frozen=True)
class VerdictOptions:
    approx_tolerance: float = DEFAULT_APPROX_TOLERANCE
    estimate_tolerance: float = DEFAULT_ESTIMATE_TOLERANCE
    source_tolerance: float = DEFAULT_SOURCE_TOLERANCE


def judge(claim: Claim, match: Match | None, options: VerdictOptions = VerdictOptions(),
          unmatched_because: str = "", lex: Lexicon | None = None) -> CheckedClaim:
    """The verdict on `claim` against the row `match` found: the first rule of RULES
    (checker.verdict.rules) that decides, in order. `lex` gives the words the rules read
    (checker/lexicon/verdicts.toml; the shipped lexicon by default)."""
    from checker.verdict.rules import RULES, Case

    case = Case(claim, match, options, unmatched_because, lex or lexicon())
    for rule in RULES:
        decided = rule(case)
        if decided is not None:
            return decided
    raise AssertionError("the last rule always decides")  # pragma: no cover


_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def _judge_date(claim: Claim, match: Match) -> CheckedClaim | None:
    """'invaded on 24 February 2022' against an event row dated 2022-02-24: compared to the
    day (or the month, if either side gives only a month). None when there is no date to compare."""
    row = match.row
    as_of = row.as_of.strip()
    if claim.unit != "year" or not claim.date or row.unit != "year" or not _ISO_DATE.fullmatch(as_of) \
            or row.claimant:
        return None
    common = min(len(claim.date), len(as_of))
    same = claim.date[:common] == as_of[:common]
    says = f"The article says “{claim.text}”"
    ref = (f"the reference dates {row.entity} ({row.metric}) to {as_of} (source: {row.source})")
    how = "the same date" if same else "not the same date"
    return CheckedClaim(claim, "supported" if same else "contradicted", "date",
                        f"{says}; {ref}; {how} (rule: date).", match)


def _difference(value: float, row: ReferenceRow) -> str:
    """How far off, for an editor weighing a contradiction: ' (the article's figure is 6.5% higher)'."""
    nearest = row.low if value < row.low else row.high
    if not nearest or not math.isfinite(value) or row.unit == "year":
        return ""
    rel = (value - nearest) / abs(nearest)
    # Two significant figures for a small gap: "0.036%", not "0.0%".
    shown = f"{abs(rel):.1%}" if abs(rel) >= 0.001 else f"{abs(rel) * 100:.2g}%"
    return f" (the article's figure is {shown} {'higher' if rel > 0 else 'lower'})"


def _is_estimate(row: ReferenceRow) -> bool:
    text = f"{row.notes} {row.as_of} {row.metric}".lower()
    return "est." in text or "estimate" in text


def _may_be_dated(row: ReferenceRow) -> bool:
    """An undated count of people or money: populations and budgets drift, areas and years do not."""
    if row.as_of.strip():
        return False
    dimension = dimension_of(row.unit)
    return dimension.startswith("currency:") or dimension.startswith("count")


def in_row_unit(claim: Claim, row: ReferenceRow) -> tuple[float, float] | None:
    """The claim's value (and high end) converted to the row's unit, or None."""
    return _convert(claim, row)


def claim_interval(claim: Claim, row: ReferenceRow, options: VerdictOptions = VerdictOptions()
                   ) -> tuple[float, float] | None:
    """The reference values the claim's wording allows, in the row's unit: what the
    verdict compares with the row's low..high (for charts). None if the units do not convert."""
    converted = _convert(claim, row)
    if converted is None:
        return None
    low, high, _, _ = _claim_interval(claim, converted, options)
    return low, high


def _claim_interval(claim: Claim, values: tuple[float, float], options: VerdictOptions
                    ) -> tuple[float, float, str, str]:
    """The interval of reference values the article's wording is compatible with."""
    value, high = values
    step = _rounding(claim, value)
    q = claim.qualifier
    if claim.unit == "year":
        return value, high, "year", "the same year" if value == high else "within those years"
    if q == "approx":
        tol = options.approx_tolerance
        # The hedge and the rounding say the same thing ("about 38 million"): the wider wins.
        spread = max(abs(value) * tol, step)
        lo, hi = value - spread, value + spread
        return min(lo, hi), max(lo, hi), "approx-tolerance", f"within the ±{tol:.0%} allowed for a hedged figure"
    if q == "at_least":
        return value - step, math.inf, "lower-bound", "consistent with the lower bound"
    if q == "at_most":
        return -math.inf, value + step, "upper-bound", "consistent with the upper bound"
    if q in ("range", "vague"):
        return value - step, high + step, "range-overlap", "overlapping the stated range"
    return value - step, value + step, "rounding", "consistent with the article's rounding"


def _rounding(claim: Claim, converted_value: float) -> float:
    """Half a unit of the last stated digit, in the reference's unit."""
    step = 0.5 * 10 ** (-claim.decimals)
    if claim.value:
        step *= abs(converted_value / claim.value)
    return step


def _convert(claim: Claim, row: ReferenceRow) -> tuple[float, float] | None:
    high = claim.value_high if claim.value_high is not None else claim.value
    if claim.unit == row.unit or not claim.unit or not row.unit:
        return claim.value, high
    if claim.unit == "fraction" and row.unit == "percent":
        return claim.value * 100, high * 100
    if claim.unit == "percent" and row.unit == "fraction":
        return claim.value / 100, high / 100
    a, b = unit_info(claim.unit), unit_info(row.unit)
    if a is None or b is None or not a.pint or not b.pint:
        return (claim.value, high) if a is None and b is None else None
    factor = _factor(a.pint, b.pint)
    if factor is None:
        return None
    return claim.value * factor, high * factor


# Exact factors to one base unit per dimension, for the units news uses most (by their
# pint names): converting km to miles needs no unit library. International
# definitions: 1 mile = 1609.344 m, 1 foot = 0.3048 m, 1 pound = 0.45359237 kg.
_BASE_FACTORS: dict[str, tuple[str, float]] = {
    "meter": ("length", 1.0), "kilometer": ("length", 1e3), "centimeter": ("length", 1e-2),
    "millimeter": ("length", 1e-3), "micrometer": ("length", 1e-6), "mile": ("length", 1609.344),
    "foot": ("length", 0.3048), "inch": ("length", 0.0254), "yard": ("length", 0.9144),
    "nautical_mile": ("length", 1852.0),
    "meter**2": ("area", 1.0), "kilometer**2": ("area", 1e6), "mile**2": ("area", 1609.344 ** 2),
    "foot**2": ("area", 0.3048 ** 2), "hectare": ("area", 1e4), "acre": ("area", 4046.8564224),
    "kilogram": ("mass", 1.0), "gram": ("mass", 1e-3), "milligram": ("mass", 1e-6), "metric_ton": ("mass", 1e3),
    "megatonne": ("mass", 1e9), "gigatonne": ("mass", 1e12), "pound": ("mass", 0.45359237),
    "ounce": ("mass", 0.45359237 / 16),
    "kilometer/hour": ("speed", 1 / 3.6), "mile/hour": ("speed", 0.44704), "knot": ("speed", 1852 / 3600),
    "second": ("time", 1.0), "minute": ("time", 60.0), "hour": ("time", 3600.0), "day": ("time", 86400.0),
    "week": ("time", 604800.0),
}


@lru_cache(maxsize=128)
def _factor(source: str, target: str) -> float | None:
    known, wanted = _BASE_FACTORS.get(source), _BASE_FACTORS.get(target)
    if known and wanted:
        return known[1] / wanted[1] if known[0] == wanted[0] else None
    # pint is imported only here: most checks need no conversion, and it costs ~0.5 s to load.
    try:
        registry = _registry()
        return float(registry.Quantity(1, source).to(target).magnitude)
    except Exception:  # an unknown or incompatible unit: the claim stays unverified
        return None


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _quote(claim: Claim, lex: Lexicon) -> str:
    """The claim as the article words it, hedge included ("fewer than 40 million inhabitants")."""
    return f"“{_hedge_words(claim, lex)}{claim.text}”"


def _hedge_words(claim: Claim, lex: Lexicon) -> str:
    if claim.qualifier not in ("approx", "at_least", "at_most"):
        return ""
    before = claim.sentence[:claim.start - claim.sentence_start].rstrip()
    words = before.split()[-4:]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase.lower() in lex.qualifiers.before:
            return phrase + " "
    return ""


def describe_row(row: ReferenceRow) -> str:
    """'the reference gives 68.5 million people for France (population, as of 2025; source: ...)'."""
    if row.unit == "year" and row.value is not None:
        figure = f"the year {int(row.value)}"
    elif row.value is not None and row.value_low is None:
        figure = f"{format_number(row.value)} {row.unit}"
    else:
        figure = f"{format_number(row.low)}–{format_number(row.high)} {row.unit}"
    when = f", as of {row.as_of}" if row.as_of else ""
    return f"the reference gives {figure} for {row.entity} ({row.metric}{when}; source: {row.source})"
