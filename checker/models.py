"""Values that flow through the pipeline: text -> Claim -> Match -> CheckedClaim -> Report.

All are frozen dataclasses so a stage can never change what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
VerdictLabel = Literal["supported", "contradicted", "unverified"]

QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range", "vague")
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "unverified")


@dataclass(frozen=True)
class Claim:
    """One quantity as the article states it.

    `value` is the number as stated with scale words applied ("$3.2bn" -> 3.2e9).
    For a range ("between 10 and 20") or a vague amount ("hundreds") `value` is the
    low end and `value_high` the high end. `decimals` is the stated precision: the
    number of decimal places the writer committed to, negative for round figures
    ("68 million" -> -6), which is what lets "68 million" fit 68.4 million.
    """

    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    value_high: float | None = None
    decimals: int = 0
    unit_text: str = ""
    change: Literal["up", "down"] | None = None
    # For a year written as part of a date ("24 February 2022"): that date as
    # YYYY-MM-DD, or YYYY-MM for "February 2022"; otherwise empty.
    date: str = ""


@dataclass(frozen=True)
class ReferenceRow:
    """One curated figure, with where it comes from.

    `value` may be None when the figure is known only as a range
    (`value_low`/`value_high`). `claimant` is set when the figure is one party's
    claim rather than an established fact. `extra` keeps any further columns of
    the table, in table order, so nothing a curator wrote is dropped.
    """

    entity: str
    metric: str
    value: float | None
    unit: str
    source: str
    as_of: str = ""
    source_url: str = ""
    aliases: tuple[str, ...] = ()
    metric_aliases: tuple[str, ...] = ()
    value_low: float | None = None
    value_high: float | None = None
    claimant: str = ""
    notes: str = ""
    table: str = ""
    line: int = 0
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def low(self) -> float:
        return self.value_low if self.value_low is not None else self.value  # type: ignore[return-value]

    @property
    def high(self) -> float:
        return self.value_high if self.value_high is not None else self.value  # type: ignore[return-value]

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "entity": self.entity,
            "metric": self.metric,
            "value": self.value,
            "value_low": self.value_low,
            "value_high": self.value_high,
            "unit": self.unit,
            "as_of": self.as_of,
            "source": self.source,
            "source_url": self.source_url,
            "claimant": self.claimant,
            "notes": self.notes,
            "table": self.table,
            "line": self.line,
        }
        d.update(dict(self.extra))
        return d


@dataclass(frozen=True)
class Match:
    """The reference row a claim is about, and why the matcher chose it.

    `score` is the match model's total for the chosen row, clipped to 0-100: the
    metric evidence (100 when the row's own words stand next to the number) plus
    the place's terms (distance, clause, role, ...); `why` lists each term as a
    reviewer reads it. `alternatives` are rows of the same family that the verdict
    weighs too (a country's other independence events).
    """

    row: ReferenceRow
    score: float
    entity_surface: str = ""
    # The sentence attributes the figure to the row's claimant ("Putin said ..."):
    # only then may a party's figure confirm or contradict it.
    attributed: bool = False
    why: tuple[str, ...] = ()
    alternatives: tuple[ReferenceRow, ...] = ()
    # The row measures something that does not change (an area, a height): sources
    # may differ on it by the source tolerance.
    fixed: bool = False


@dataclass(frozen=True)
class CheckedClaim:
    claim: Claim
    verdict: VerdictLabel
    rule: str
    note: str
    match: Match | None = None
    # When (checker.when): the time the claim is about ("2021", "2026-02-18"), the words
    # that gave it ("in 2021"; empty when it is the article's date), and, when the row is
    # older than the article by more than its metric's window, why it may be out of date.
    time: str = ""
    time_source: str = ""
    stale: str = ""

    @property
    def reference(self) -> ReferenceRow | None:
        return self.match.row if self.match else None


@dataclass(frozen=True)
class Report:
    text: str
    date: dt.date
    claims: tuple[CheckedClaim, ...] = field(default_factory=tuple)
    tables: tuple[str, ...] = ()
    # Where `date` came from ("given", "--date", "article:published_time metadata", ...).
    # When the article's date is unknown `date_known` is False: `date` is then today,
    # used only for "N years ago", and dated rows are checked as the latest ones.
    date_source: str = "given"
    date_known: bool = True
