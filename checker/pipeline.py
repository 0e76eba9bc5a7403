"""The one-way pipeline: text -> claims -> matches -> verdicts -> Report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from checker.extract import extract_claims
from checker.match import match_claim
from checker.models import CheckedClaim, Claim, Report
from checker.reference import Reference, load_reference
from checker.verdict import VerdictOptions, judge
from checker.verdict.timing import projection_verdict, years_ago_as_year


class CheckCancelled(Exception):
    """Raised by a `progress` callback to stop `check_text`; it passes through unchanged and
    nothing is returned. (In the browser app, Streamlit's own rerun exception, raised from
    the progress bar when the Cancel button is clicked, stops the check the same way.)"""


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
    the fraction of claims done (at most once per percent), for a progress bar; it
    may raise CheckCancelled (or any exception) to stop the check there.
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
    forecast = projection_verdict(claim, date)
    if forecast is not None:
        return forecast
    relative = years_ago_as_year(claim, date)
    if relative is not None:
        match = match_claim(relative, reference)
        if match is not None:
            result = judge(relative, match, options)
            note = (f"{result.note} “{claim.text} ago” was read as the year {int(relative.value)}, "
                    f"counting from the publication date {date.isoformat()}.")
            return replace(result, claim=claim, note=note)
    return judge(claim, match_claim(claim, reference), options)
