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


def years_ago_as_year(claim: Claim, date: dt.date | None) -> Claim | None:
    """'eight years ago' in an article of February 2022 points at a day between February
    2013 and February 2014: checked as the years 2013-2014 (one more either side for
    "about eight years ago"). None without the article's date, or for a fraction of years."""
    if date is None or claim.unit != "years" or claim.qualifier not in ("exact", "approx"):
        return None
    if not float(claim.value).is_integer():
        return None
    after = claim.sentence[claim.end - claim.sentence_start:].lstrip().lower()
    if not after.startswith("ago"):
        return None
    latest = date.year - int(claim.value)
    earliest = latest - 1
    if claim.qualifier == "approx":
        earliest, latest = earliest - 1, latest + 1
    return replace(claim, value=float(earliest), value_high=float(latest), unit="year", decimals=0,
                   qualifier="range")
