"""Rows through time: a table may hold one entity's metric for several dates (a series).
The row nearest the claim's time is the one to check against, and each metric has a
window (in words.toml) beyond which a row says nothing about the claim's time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.models import Match, ReferenceRow
from checker.reference import Reference
from checker.when.claim_date import ClaimTime
from checker.when.words import words

_AS_OF = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


@dataclass(frozen=True)
class Window:
    """How far (in whole years) a row's date may be from the claim's and still check it.
    `years` None means any distance (an area); `event` rows are dated by the event, so
    no window applies to them."""

    group: str
    years: int | None
    event: bool = False

    def allows(self, gap_years: int) -> bool:
        return self.event or self.years is None or abs(gap_years) <= self.years

    def describe(self) -> str:
        """'population figures are compared within 2 years'."""
        if self.event:
            return f"{self.group} rows are dated by the event"
        if self.years is None:
            return f"{self.group} figures do not go out of date"
        if self.years == 0:
            return f"{self.group} figures are compared within the same year"
        return f"{self.group} figures are compared within {self.years} year{'s' if self.years > 1 else ''}"


@dataclass(frozen=True)
class Staleness:
    """A row outside the window of the claim's time. `newer` when the row is later than
    the claim (a 2025 estimate against a 2013 figure)."""

    row_time: str
    claim_time: str
    gap_years: int
    window: Window
    claim_from_article: bool

    @property
    def newer(self) -> bool:
        return self.gap_years > 0

    def note(self) -> str:
        """"the table's figure is for 2025; the article's is for 2013"."""
        whose = "the article's date is" if self.claim_from_article else "the article's is for"
        return f"the table's figure is for {self.row_time}; {whose} {self.claim_time}"


def metric_window(metric: str, metric_aliases: Sequence[str] = (), entity_type: str = "") -> Window:
    """The window of a metric, found by its words (the first group of words.toml with a
    word in the metric name, else in its aliases); an `event` entity is an event."""
    w = words()
    event = next((g for g in w.window_groups if g.event), None)
    if entity_type.casefold() == "event" and event is not None:
        return Window(event.name, None, event=True)
    for texts in ((metric,), tuple(metric_aliases)):
        found = {word for text in texts for word in _words(text)}
        joined = [" ".join(_words(text)) for text in texts]
        for group in w.window_groups:
            for phrase in group.words:
                if (" " in phrase and any(f" {phrase} " in f" {j} " for j in joined)) or phrase in found:
                    return Window(group.name, group.years, group.event)
    return Window("this metric's", w.default_window)


def row_window(row: ReferenceRow) -> Window:
    """The window of a row's metric; a row whose figure is a year (an event's date) is an event."""
    if row.unit == "year":
        return Window("event", None, event=True)
    entity_type = next((v for k, v in row.extra if k.casefold() == "entity_type"), "")
    return metric_window(row.metric, row.metric_aliases, entity_type)


def row_time(row: ReferenceRow) -> ClaimTime | None:
    """The row's as_of as a time ('2025', '2026-02', '2022-02-24', '2024 est.'); None if undated."""
    m = _AS_OF.search(row.as_of)
    if m is None:
        return None
    month = int(m[2]) if m[2] and 1 <= int(m[2]) <= 12 else None
    day = int(m[3]) if m[3] and month and 1 <= int(m[3]) <= 31 else None
    return ClaimTime(int(m[1]), month, day, source_words=row.as_of, from_article=False)


def staleness(row: ReferenceRow, time: ClaimTime, window: Window | None = None) -> Staleness | None:
    """None when the row's date is within the window of `time` (or either is unknown)."""
    when = row_time(row)
    if when is None or time.year is None or when.year is None:
        return None
    window = window or row_window(row)
    gap = when.year - time.year
    if window.allows(gap):
        return None
    return Staleness(when.iso(), time.iso(), gap, window, time.from_article)


def pick_row(rows: Sequence[ReferenceRow], time: ClaimTime, metric: str | None = None
             ) -> tuple[ReferenceRow, Staleness | None]:
    """Of the rows of one entity and metric, the one nearest the claim's time (a tie goes
    to the later row; undated rows only when none is dated), and how stale it is for
    that time (None when within the metric's window). With the claim's time unknown,
    the latest row, never stale. `metric` names the window (the row's own by default)."""
    if not rows:
        raise ValueError("pick_row needs at least one row")
    dated = [(r, t) for r in rows if (t := row_time(r)) is not None]
    if not dated:
        return rows[0], None
    if time.year is None:
        return max(dated, key=lambda rt: _ordinal(rt[1]))[0], None
    target = _ordinal(time)
    row, _ = min(dated, key=lambda rt: (abs(_ordinal(rt[1]) - target), -_ordinal(rt[1])))
    window = metric_window(metric) if metric is not None else None
    return row, staleness(row, time, window)


def nearest_in_series(match: Match, reference: Reference, time: ClaimTime) -> Match:
    """`match` moved to the row of its series (same entity, metric, unit and claimant)
    nearest the claim's time; unchanged when the table has one row for it."""
    row = match.row
    siblings = [r for r in reference.rows_for(row.entity)
                if (r.entity, r.metric, r.unit, r.claimant) == (row.entity, row.metric, row.unit, row.claimant)]
    if len(siblings) < 2:
        return match
    picked, _ = pick_row(siblings, time)
    return match if picked is row else replace(match, row=picked)


def _ordinal(t: ClaimTime) -> int:
    """A day number for comparing times; a year alone is its middle, a month its 15th."""
    assert t.year is not None
    if t.month is None:
        return dt.date(t.year, 7, 1).toordinal()
    try:
        return dt.date(t.year, t.month, t.day or 15).toordinal()
    except ValueError:
        return dt.date(t.year, t.month, 15).toordinal()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())

