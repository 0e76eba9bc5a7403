"""Verdict rules about time: a forecast is not checked against today's figure, and
"eight years ago" is checked as the calendar year it points at."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from checker.extract.sentences import clause_bounds
from checker.models import CheckedClaim, Claim

_FUTURE = re.compile(
    r"\b(?:(?:expected|projected|forecast|predicted|set|likely|poised|due|going|estimated)\s+to|"
    r"will|could|would|might|may|forecasts?|projections?)\b",
    re.IGNORECASE,
)
_LATER_YEAR = re.compile(r"\b(?:by|in|until|before)\s+(\d{4})\b", re.IGNORECASE)


def projection_verdict(claim: Claim, date: dt.date) -> CheckedClaim | None:
    """'is expected to reach 400 million by 2050': a forecast says nothing about today's
    figure, so it is not checked (rule: projection). None when the claim is no forecast."""
    if not _is_projection(claim, date):
        return None
    return CheckedClaim(claim, "unverified", "projection",
                        f"“{claim.text}” is a projection or forecast, not a figure for now; it is not "
                        f"checked against current reference figures (rule: projection).")


def _is_projection(claim: Claim, date: dt.date) -> bool:
    """Looks at the clause that holds the number, and at later years named in the sentence."""
    if claim.unit == "year":
        return False
    at = claim.start - claim.sentence_start
    clause_start, clause_end = clause_bounds(claim.sentence, at, claim.end - claim.sentence_start)
    futures, years = _time_words(claim.sentence)
    if any(clause_start <= s and e <= at for s, e in futures):
        return True
    # A later year in the number's own clause: "aiming for 5% by 2027" is a target, but
    # "10% in 2023, aiming for 5% by 2027" makes only the second figure one.
    return any(year > date.year for s, e, year in years if clause_start <= s and e <= clause_end)


@lru_cache(maxsize=512)
def _time_words(sentence: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, int], ...]]:
    """Where a sentence says "will", "expected to"... and "by 2050": read once for all its figures."""
    futures = tuple(m.span() for m in _FUTURE.finditer(sentence))
    years = tuple((m.start(), m.end(), int(m.group(1))) for m in _LATER_YEAR.finditer(sentence))
    return futures, years


def years_ago_as_year(claim: Claim, date: dt.date) -> Claim | None:
    """'eight years ago' in an article of 2022 points at 2014: check it as that year."""
    if claim.unit != "years" or claim.qualifier not in ("exact", "approx"):
        return None
    after = claim.sentence[claim.end - claim.sentence_start:].lstrip().lower()
    if not after.startswith("ago"):
        return None
    year = date.year - claim.value
    return replace(claim, value=year, unit="year", decimals=0, qualifier="exact")
