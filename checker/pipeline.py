"""The one-way pipeline: text -> claims -> matches -> verdicts -> Report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from checker.extract import extract_claims
from checker.lexicon import Lexicon, shipped_lexicon
from checker.match import Decision, match_claim, match_claims
from checker.models import CheckedClaim, Claim, Report
from checker.reference import Reference, load_reference
from checker.verdict import VerdictOptions, judge
from checker.verdict.timing import projection_verdict, years_ago_as_year
from checker.when.article_date import find_article_date
from checker.when.claim_date import claim_time
from checker.when.elapsed import elapsed_claims
from checker.when.series import nearest_in_series
from checker.when.staleness import time_verdict


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
    date_source: str = "",
    lexicon: Lexicon | None = None,
) -> Report:
    """Check every numeric claim in `text` against `reference` (the bundled tables by default).

    `date` is the article's publication date, and `date_source` where it came from
    ("given" by default). Without a date or a date_source it is read from the text
    ("Published 18 February 2026", a wire dateline, HTML metadata); a date_source
    without a date says the caller found none. When nothing dates the article it is
    unknown: dated rows are then checked as the latest ones, and "three years ago"
    counts from today. `progress`, if given, is called with the fraction of claims done
    (at most once per percent), for a progress bar; it may raise CheckCancelled (or any
    exception) to stop the check there. `lexicon` is the matcher's words and weights
    (checker.lexicon; the shipped one by default).
    """
    reference = reference if reference is not None else load_reference()
    lexicon = lexicon or shipped_lexicon()  # looked up once, not once per claim
    # --- When (issue #10): the article's date, given or read from the document.
    if date is not None:
        article_date: dt.date | None = date
        date_source = date_source or "given"
    elif date_source:
        article_date = None  # the caller already looked, and found no date
    else:
        found = find_article_date(text)
        article_date, date_source = found.date, found.source
    date = article_date or dt.date.today()
    options = options or VerdictOptions()
    # The article's own dateline ("Published 18 February 2026") is when it appeared, not a claim.
    claims = [c for c in extract_claims(text, lexicon) if not (c.unit == "year" and _DATELINE.match(c.sentence))]
    checked: list[CheckedClaim] = []
    reported = 0
    decisions = match_claims(text, claims, reference, lexicon)
    for k, (claim, decision) in enumerate(zip(claims, decisions), start=1):
        checked.append(_check_one(claim, decision, reference, date, options, article_date, lexicon))
        # At most one call per percent: each call may redraw a progress bar.
        if progress is not None and (k * 100 // len(claims) > reported or k == len(claims)):
            reported = k * 100 // len(claims)
            progress(k / len(claims))
    # --- When (issue #10): elapsed time ("the fourth anniversary of ...") replaces what it overlaps.
    elapsed = elapsed_claims(text, reference, article_date)
    if elapsed:
        kept = [c for c in checked
                if not any(e.claim.start < c.claim.end and c.claim.start < e.claim.end for e in elapsed)]
        checked = sorted([*kept, *elapsed], key=lambda c: (c.claim.start, c.claim.end))
    return Report(text=text, date=date, claims=tuple(checked), tables=reference.tables,
                  date_source=date_source, date_known=article_date is not None)


_DATELINE = re.compile(r"^\W{0,3}(?:published|updated|posted|first published|last updated)\b", re.IGNORECASE)


def _check_one(claim: Claim, decision: Decision, reference: Reference, date: dt.date,
               options: VerdictOptions, article_date: dt.date | None, lexicon: Lexicon | None) -> CheckedClaim:
    forecast = projection_verdict(claim, date, lexicon)
    if forecast is not None:
        return forecast
    relative = years_ago_as_year(claim, article_date)
    if relative is not None and article_date is not None:
        match = match_claim(relative, reference, lexicon)
        if match is not None:
            result = judge(relative, match, options, lex=lexicon)
            note = (f"{result.note} “{claim.text} ago” was read as the years {int(relative.value)}–"
                    f"{int(relative.value_high or relative.value)}, counting back from the publication date "
                    f"{article_date.isoformat()}.")
            return replace(result, claim=claim, note=note)
    # --- When (issue #10): the claim's time picks the row of a series and dates the verdict.
    time = claim_time(claim, article_date)
    match = decision.match
    if match is not None:
        match = nearest_in_series(match, reference, time)
    return time_verdict(judge(claim, match, options, unmatched_because=decision.reason, lex=lexicon), time,
                        article_date)
