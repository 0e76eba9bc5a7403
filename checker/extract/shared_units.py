"""Figures listed before a unit share it: "45,000 and 64,600 square kilometres",
"13.6 million and 16 million inhabitants", "68 and 48 million people". The scan reads
each number with the words right after it, so the first figures of such a list come
out bare; this pass gives them the unit (and the scale word) of the figure that ends
the list."""

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
        if not _BETWEEN.fullmatch(text[a.end:b.start]):
            continue
        value, decimals = a.value, a.decimals
        scale = _scale_of(b)
        if scale > 1 and _scale_of(a) == 1 and abs(a.value) < 1000:
            # "68 and 48 million": the scale word is shared too.
            value, decimals = a.value * scale, a.decimals - round(math.log10(scale))
        out[i] = replace(a, unit=b.unit, value=value, decimals=decimals)
    return out


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
