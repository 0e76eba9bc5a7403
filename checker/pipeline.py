"""The one-way pipeline: text -> claims -> matches -> verdicts -> Report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from checker.extract import extract_claims
from checker.match import match_claim
from checker.models import CheckedClaim, Claim, Report
from checker.reference import Reference, load_reference
from checker.verdict import VerdictOptions, judge


def check_text(
    text: str,
    *,
    reference: Reference | None = None,
    date: dt.date | None = None,
    options: VerdictOptions | None = None,
    progress: Callable[[float], None] | None = None,
) -> Report:
    """Check every numeric claim in `text` against `reference` (the bundled tables by default).

    `date` is the article's publication date (today by default): a claim such as
    "three years ago" is read relative to it. `progress`, if given, is called with
    the fraction of claims done (at most once per percent), for a progress bar.
    """
    reference = reference if reference is not None else load_reference()
    date = date or dt.date.today()
    options = options or VerdictOptions()
    claims = extract_claims(text)
    checked: list[CheckedClaim] = []
    reported = 0
    for k, claim in enumerate(claims, start=1):
        checked.append(_check_one(claim, reference, date, options))
        # At most one call per percent: each call may redraw a progress bar.
        if progress is not None and (k * 100 // len(claims) > reported or k == len(claims)):
            reported = k * 100 // len(claims)
            progress(k / len(claims))
    return Report(text=text, date=date, claims=tuple(checked), tables=reference.tables)


def _check_one(claim: Claim, reference: Reference, date: dt.date, options: VerdictOptions) -> CheckedClaim:
    if _is_projection(claim, date):
        return CheckedClaim(claim, "unverified", "projection",
                            f"“{claim.text}” is a projection or forecast, not a figure for now; it is not "
                            f"checked against current reference figures (rule: projection).")
    relative = _as_calendar_year(claim, date)
    if relative is not None:
        match = match_claim(relative, reference)
        if match is not None:
            result = judge(relative, match, options)
            note = (f"{result.note} “{claim.text} ago” was read as the year {int(relative.value)}, "
                    f"counting from the publication date {date.isoformat()}.")
            return replace(result, claim=claim, note=note)
    return judge(claim, match_claim(claim, reference), options)


_FUTURE = re.compile(
    r"\b(?:(?:expected|projected|forecast|predicted|set|likely|poised|due|going|estimated)\s+to|"
    r"will|could|would|might|may|forecasts?|projections?)\b",
    re.IGNORECASE,
)
_LATER_YEAR = re.compile(r"\b(?:by|in|until|before)\s+(\d{4})\b", re.IGNORECASE)


def _is_projection(claim: Claim, date: dt.date) -> bool:
    """'is expected to reach 400 million by 2050': a forecast says nothing about today's figure.
    Looks at the clause that holds the number, and at later years named in the sentence."""
    at = claim.start - claim.sentence_start
    clause_start = max(claim.sentence.rfind(",", 0, at), claim.sentence.rfind(";", 0, at)) + 1
    if claim.unit != "year" and _FUTURE.search(claim.sentence, clause_start, at):
        return True
    return any(int(y) > date.year for y in _LATER_YEAR.findall(claim.sentence)) and claim.unit != "year"


def _as_calendar_year(claim: Claim, date: dt.date) -> Claim | None:
    """'eight years ago' in an article of 2022 points at 2014: check it as that year."""
    if claim.unit != "years" or claim.qualifier not in ("exact", "approx"):
        return None
    after = claim.sentence[claim.end - claim.sentence_start:].lstrip().lower()
    if not after.startswith("ago"):
        return None
    year = date.year - claim.value
    return replace(claim, value=year, unit="year", decimals=0, qualifier="exact")
