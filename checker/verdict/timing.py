"""Verdict rules about time: a forecast is not checked against today's figure, and
"eight years ago" is checked as the calendar year it points at."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from checker.extract.sentences import clause_bounds
from checker.lexicon import Lexicon, lexicon
from checker.models import CheckedClaim, Claim


def _alternatives(words: tuple[str, ...]) -> str:
    # Longest first, so that of two entries sharing a start the whole phrase is the match.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=8)  # one entry a lexicon; bounded, so lexicons can be freed
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The projection words of verdicts.toml as patterns: "expected to", "will"; and "by 2050"."""
    w = lex.verdict_words
    future = re.compile(rf"\b(?:(?:{_alternatives(w.future_before_to)})\s+to|{_alternatives(w.future)})\b",
                        re.IGNORECASE)
    later_year = re.compile(rf"\b(?:{_alternatives(w.later_year_before)})\s+(\d{{4}})\b", re.IGNORECASE)
    return future, later_year


def projection_verdict(claim: Claim, date: dt.date, lex: Lexicon | None = None) -> CheckedClaim | None:
    """'is expected to reach 400 million by 2050': a forecast says nothing about today's
    figure, so it is not checked (rule: projection). None when the claim is no forecast.
    `lex` gives the words (checker/lexicon/verdicts.toml; the shipped lexicon by default)."""
    if not _is_projection(claim, date, lex or lexicon()):
        return None
    return CheckedClaim(claim, "unverified", "projection",
                        f"“{claim.text}” is a projection or forecast, not a figure for now; it is not "
                        f"checked against current reference figures (rule: projection).")


def _is_projection(claim: Claim, date: dt.date, lex: Lexicon) -> bool:
    """Looks at the clause that holds the number, and at later years named in the sentence."""
    if claim.unit == "year":
        return False
    futures, years = _time_words(claim.sentence, lex)
    if not futures and not years:
        return False  # most sentences: no word of the future at all
    at = claim.start - claim.sentence_start
    clause_start, clause_end = clause_bounds(claim.sentence, at, claim.end - claim.sentence_start)
    if any(clause_start <= s and e <= at for s, e in futures):
        return True
    # A later year in the number's own clause: "aiming for 5% by 2027" is a target, but
    # "10% in 2023, aiming for 5% by 2027" makes only the second figure one.
    return any(year > date.year for s, e, year in years if clause_start <= s and e <= clause_end)


@lru_cache(maxsize=512)
def _time_words(sentence: str, lex: Lexicon
                ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, int], ...]]:
    """Where a sentence says "will", "expected to"... and "by 2050": read once for all its figures."""
    future, later_year = _patterns(lex)
    futures = tuple(m.span() for m in future.finditer(sentence))
    years = tuple((m.start(), m.end(), int(m.group(1))) for m in later_year.finditer(sentence))
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
