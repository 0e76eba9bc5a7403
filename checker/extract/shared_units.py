"""Figures that share a unit written once.

Figures listed before a unit share it: "45,000 and 64,600 square kilometres",
"13.6 million and 16 million inhabitants", "68 and 48 million people". The scan reads
each number with the words right after it, so the first figures of such a list come
out bare; this pass gives them the unit (and the scale word) of the figure that ends
the list.

The level a change reaches is in the change's unit: "rose 41 points to 8,112",
"grew by 2,400 residents to 61,000", "(4,210 down 12 points)"; and two levels
reached in one sentence share theirs: "closed at 512 points, while the other slipped
0.4% to 498"."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from checker.models import Claim

# What may stand between two figures of one list: a comma, "and", "or", and a hedge.
_BETWEEN = re.compile(r"-?\s*(?:,\s*(?:and|or)?|and|or)\s*(?:about|some|around|roughly|nearly|almost)?\s*",
                      re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"[^\d]*(\d[\d,]*(?:\.\d+)?)")


def share_units(claims: list[Claim], text: str) -> list[Claim]:
    """`claims` of one sentence in reading order, offsets into `text`."""
    out = list(claims)
    for i in range(len(out) - 2, -1, -1):  # right to left: "1, 2 and 3 km" passes the unit along
        a, b = out[i], out[i + 1]
        if a.unit or not b.unit or b.unit == "year" or a.qualifier in ("vague", "range") or a.change:
            continue
        between = text[a.end:b.start]
        if not _BETWEEN.fullmatch(between):
            continue
        if "," in between and not re.search(r"\b(?:and|or)\b", between) and not _comparable(a.value, b.value, 100):
            continue  # "will reach 9,500, 20 per cent above the record": not a list
        value, decimals = a.value, a.decimals
        scale = _scale_of(b)
        if scale > 1 and _scale_of(a) == 1 and abs(a.value) < 1000:
            # "68 and 48 million": the scale word is shared too.
            value, decimals = a.value * scale, a.decimals - round(math.log10(scale))
        out[i] = replace(a, unit=b.unit, value=value, decimals=decimals)
    return out


def share_levels(claims: list[Claim], text: str) -> list[Claim]:
    """Bare levels that take the unit of a change or of a parallel level (see the module doc)."""
    out = list(claims)
    for i, b in enumerate(out):
        if b.unit or b.qualifier == "vague" or not _LEVEL_BEFORE.search(text[max(0, b.start - 12):b.start]):
            if not b.unit and b.qualifier != "vague" and i + 1 < len(out):
                # "(4,210 down 12 points)": a level, then the change that led to it
                c = out[i + 1]
                if c.change and _shareable(c.unit) and _CHANGE_AFTER.fullmatch(text[b.end:c.start]):
                    out[i] = replace(b, unit=c.unit)
            continue
        for a in reversed(out[:i]):
            if a.unit in _ASIDE_UNITS:
                continue  # "fell 80 points, or 1.2%, to 6,610"
            between = text[a.end:b.start]
            if not _shareable(a.unit) or len(between) > 80 or ";" in between:
                break
            parallel = bool(_LEVEL_BEFORE.search(text[max(0, a.start - 12):a.start])) \
                and _comparable(a.value, b.value, 10)
            if a.change or parallel:
                out[i] = replace(b, unit=a.unit)
            break
    return out


# "to 4,577", "at 1,334": a level reached ("of" is not: "an area of 300,000 km2 and a population of ...")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:up|down|,\s*(?:up|down))\s*", re.IGNORECASE)
_ASIDE_UNITS = frozenset({"percent", "percentage points"})


def _shareable(unit: str) -> bool:
    return bool(unit) and unit not in ("year", "percent", "fraction", "percentage points", "times") and "/" not in unit


def _comparable(a: float, b: float, ratio: float) -> bool:
    if not a or not b:
        return False
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    return big / small <= ratio


def _scale_of(claim: Claim) -> float:
    """The factor the claim's scale word applied ("48 million" -> 1e6), 1 without one."""
    m = _LEADING_NUMBER.match(claim.text)
    if m is None:
        return 1.0
    try:
        written = float(m.group(1).replace(",", ""))
    except ValueError:
        return 1.0
    if not written or not claim.value:
        return 1.0
    ratio = abs(claim.value / written)
    power = round(math.log10(ratio)) if ratio > 0 else 0
    return 10.0 ** power if power >= 3 and math.isclose(ratio, 10.0 ** power, rel_tol=1e-9) else 1.0
