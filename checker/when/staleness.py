"""The verdict's time check: a figure is true at a time.

`time_verdict` runs after `judge`. A supported or contradicted verdict on a row whose
date is outside its metric's window of the claim's time becomes unverified
(rule `different-year`): "the table's figure is for 2025; the article's is for 2013".
A row older than the article by more than the window is marked stale ("the reference
may be out of date") when the claim is dated by the article; a contradiction by such a
row becomes unverified (rule `out-of-date`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from checker.models import CheckedClaim, ReferenceRow
from checker.verdict.judge import describe_row
from checker.when.claim_date import ClaimTime, article_time
from checker.when.series import Staleness, row_time, staleness

DIFFERENT_YEAR = "different-year"
OUT_OF_DATE = "out-of-date"


def stale_mark(row: ReferenceRow, article_date: dt.date | None) -> str:
    """'the reference may be out of date: ...' when `row` is older than the article by more
    than its metric's window; '' otherwise (or when the article's date is unknown)."""
    found = staleness(row, article_time(article_date))
    if found is None or found.newer:
        return ""
    return (f"the reference may be out of date: the table's figure is for {found.row_time}, the article is of "
            f"{found.claim_time}, and {found.window.describe()}")


def time_verdict(checked: CheckedClaim, time: ClaimTime, article_date: dt.date | None) -> CheckedClaim:
    """`checked` with its time recorded, its verdict made unverified when the row is for
    another time than the claim, and its staleness marked."""
    iso, words = time.iso(), time.source_words
    out = checked if (checked.time, checked.time_source) == (iso, words) else replace(checked, time=iso,
                                                                                      time_source=words)
    row = checked.reference
    if row is None or row.unit == "year" or checked.claim.unit == "year":
        return out
    # A claim dated by its own words ("in 2013") is checked against its own time: the
    # article's date says nothing about how current the row is for it.
    mark = stale_mark(row, article_date) if time.from_article else ""
    out = replace(out, stale=mark)
    other_time = staleness(row, time)
    decided = checked.verdict in ("supported", "contradicted")
    if other_time is not None and (not time.from_article or other_time.newer):
        if not decided:
            return replace(out, note=f"{out.note} {_capital(other_time.note())} ({time.note()}).")
        return replace(out, verdict="unverified", rule=DIFFERENT_YEAR,
                       note=_different_year_note(checked, row, time, other_time))
    if mark and checked.verdict == "contradicted":
        return replace(out, verdict="unverified", rule=OUT_OF_DATE, note=(
            f"The article says “{checked.claim.text}” ({time.note()}); {describe_row(row)}, which does not fit, but "
            f"{mark}: the figure may have changed since (rule: {OUT_OF_DATE})."))
    if mark:
        return replace(out, note=f"{out.note} Note: {mark}.")
    when = row_time(row)
    if not time.from_article and when is not None and decided:
        return replace(out, note=f"{out.note} The claim is {time.note()}; the table's figure is for {when.iso()}.")
    return out


def _different_year_note(checked: CheckedClaim, row: ReferenceRow, time: ClaimTime, found: Staleness) -> str:
    return (f"The article says “{checked.claim.text}” ({time.note()}); {describe_row(row)}. {_capital(found.note())}, "
            f"and {found.window.describe()}, so the figure is not checked against it (compared anyway, it would be "
            f"{checked.verdict}) (rule: {DIFFERENT_YEAR}).")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

