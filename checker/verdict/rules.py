"""The verdict rules, in the order they are tried: the first that decides gives the
verdict and names itself in the note. README's rule table lists the same names
(tests/test_verdict.py keeps the two equal).

Each rule is a function of the Case (the claim, the row it matched, the options)
returning a CheckedClaim, or None to pass to the next rule. The comparison is made
in the row's unit between what the article's wording allows and what the
reference allows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from checker.extract.numbers import format_number
from checker.lexicon import Lexicon
from checker.models import CheckedClaim, Claim, Match, ReferenceRow
from checker.verdict.judge import (
    VerdictOptions,
    _claim_interval,
    _convert,
    _difference,
    _is_estimate,
    _judge_date,
    _may_be_dated,
    _quote,
    describe_row,
)


class Rule(StrEnum):
    """Every rule a verdict can name. The first block is decided here, in RULES order
    (the comparison rules last); the others by the pipeline's time rules."""

    NO_REFERENCE = "no-reference"
    UNIT_MISMATCH = "unit-mismatch"
    DATE = "date"
    EVENT_YEAR = "event-year"
    VAGUE = "vague"
    ESTIMATE_TOLERANCE = "estimate-tolerance"
    SOURCE_TOLERANCE = "source-tolerance"
    REFERENCE_ROUNDING = "reference-rounding"
    UNDATED_REFERENCE = "undated-reference"
    METRO_AREA = "metro-area"
    PARTY_CLAIM = "party-claim"
    ROUNDING = "rounding"
    APPROX_TOLERANCE = "approx-tolerance"
    LOWER_BOUND = "lower-bound"
    UPPER_BOUND = "upper-bound"
    RANGE_OVERLAP = "range-overlap"
    YEAR = "year"
    # Decided in the pipeline, around the rules above (checker.verdict.timing, checker.when).
    PROJECTION = "projection"
    DIFFERENT_YEAR = "different-year"
    OUT_OF_DATE = "out-of-date"
    ANNIVERSARY = "anniversary"
    ELAPSED = "elapsed"


@dataclass(frozen=True)
class Case:
    claim: Claim
    match: Match | None
    options: VerdictOptions
    unmatched_because: str
    lex: Lexicon

    @property
    def row(self) -> ReferenceRow:
        assert self.match is not None
        return self.match.row

    @cached_property
    def converted(self) -> tuple[float, float] | None:
        converted = _convert(self.claim, self.row)
        if converted is not None and self.claim.change == "down" and self.row.high < 0 < converted[0]:
            # "the economy shrank 7.3%" is a growth rate of -7.3%.
            return -converted[1], -converted[0]
        return converted

    @cached_property
    def interval(self) -> tuple[float, float, str, str]:
        assert self.converted is not None
        return _claim_interval(self.claim, self.converted, self.options)

    @property
    def overlap(self) -> bool:
        low, high, _, _ = self.interval
        return low <= self.row.high and self.row.low <= high

    @property
    def says(self) -> str:
        says = f"The article says {_quote(self.claim, self.lex)}"
        claim, row = self.claim, self.row
        if claim.unit and row.unit and claim.unit != row.unit and self.converted and self.converted[0] != claim.value:
            says += f" ({format_number(self.converted[0])} {row.unit})"
        return says

    @property
    def ref(self) -> str:
        return describe_row(self.row)

    def checked(self, verdict: str, rule: Rule, note: str) -> CheckedClaim:
        return CheckedClaim(self.claim, verdict, rule.value, _with_why(note, self.match), self.match)  # type: ignore[arg-type]


def _with_why(note: str, match: Match | None) -> str:
    """The note, and the matcher's reasons for the row in one short sentence."""
    if match is None or not match.why:
        return note
    # "metric: “covers” → area (+95)" -> "“covers” → area"; distance and type say little.
    reasons = [w.split(": ", 1)[-1].rsplit(" (", 1)[0] for w in match.why
               if not w.startswith(("distance", "type"))]
    return f"{note} Why this row: {'; '.join(reasons)}."


def no_reference(case: Case) -> CheckedClaim | None:
    if case.match is not None:
        return None
    because = f" ({case.unmatched_because})" if case.unmatched_because else ""
    return CheckedClaim(case.claim, "unverified", Rule.NO_REFERENCE.value,
                        f"No reference row matched {_quote(case.claim, case.lex)}{because}: it is unverified, not "
                        f"wrong (rule: no-reference).")


def unit_mismatch(case: Case) -> CheckedClaim | None:
    if case.converted is not None:
        return None
    return case.checked("unverified", Rule.UNIT_MISMATCH,
                        f"{_quote(case.claim, case.lex)} could not be converted to the reference's unit "
                        f"({case.row.unit}) (rule: unit-mismatch).")


def date(case: Case) -> CheckedClaim | None:
    assert case.match is not None
    decided = _judge_date(case.claim, case.match)
    return None if decided is None else case.checked(decided.verdict, Rule.DATE, decided.note)


def event_year(case: Case) -> CheckedClaim | None:
    """A year against a family of events ("Iceland became independent": 1918 under the
    Danish Crown, 1944 from Denmark): any of them supports it; none, and it is contradicted."""
    assert case.match is not None
    family = case.match.alternatives
    if case.claim.unit != "year" or not family:
        return None
    row = case.row
    events = sorted((row, *family), key=lambda r: r.as_of or str(r.value))
    listed = "; ".join(f"{int(r.value)} ({r.metric})" for r in events if r.value is not None)
    high = case.claim.value_high if case.claim.value_high is not None else case.claim.value
    if row.value is not None and case.claim.value <= row.value <= high:
        return case.checked("supported", Rule.EVENT_YEAR,
                            f"The article says “{case.claim.text}”; the reference dates {row.entity}'s "
                            f"{row.metric} to {row.as_of or int(row.value)} (source: {row.source}), one of the "
                            f"events it lists: {listed} (rule: event-year).")
    return case.checked("contradicted", Rule.EVENT_YEAR,
                        f"The article says “{case.claim.text}”; none of the events the reference lists for "
                        f"{row.entity} falls in that year: {listed} (source: {row.source}) (rule: event-year).")


def vague(case: Case) -> CheckedClaim | None:
    if case.claim.qualifier != "vague":
        return None
    low, high, _, _ = case.interval
    if case.overlap:
        return case.checked("unverified", Rule.VAGUE,
                            f"{case.says}, a vague amount that is never confirmed by one figure; {case.ref} is "
                            f"within its range (rule: vague).")
    return case.checked("contradicted", Rule.VAGUE,
                        f"{case.says}, which means {format_number(low)} to {format_number(high)}; {case.ref} is "
                        f"outside that range (rule: vague).")


def estimate_tolerance(case: Case) -> CheckedClaim | None:
    """Estimates of the same thing from different sources differ by a little:
    "17.9 million" is not wrong against an estimate of 17.83 million."""
    row, claim = case.row, case.claim
    if case.overlap or not _is_estimate(row) or claim.unit == "year" or claim.qualifier != "exact":
        return None
    low, high, _, allowance = case.interval
    tol = case.options.estimate_tolerance
    if low <= row.high * (1 + tol) and row.low * (1 - tol) <= high:
        return case.checked("supported", Rule.ESTIMATE_TOLERANCE,
                            f"{case.says}; {case.ref}; within the ±{tol:.0%} allowed between estimates from "
                            f"different sources, though not {allowance} (rule: estimate-tolerance).")
    return None


def source_tolerance(case: Case) -> CheckedClaim | None:
    """Sources measure a fixed quantity (an area, a height) a little differently:
    41,528 km2 is not wrong against another source's 41,543 km2."""
    row, claim = case.row, case.claim
    assert case.match is not None
    if case.overlap or claim.unit == "year" or claim.qualifier not in ("exact", "approx") or not case.match.fixed:
        return None
    low, high, _, allowance = case.interval
    tol = case.options.source_tolerance
    if low <= row.high * (1 + tol) and row.low * (1 - tol) <= high:
        return case.checked("supported", Rule.SOURCE_TOLERANCE,
                            f"{case.says}; {case.ref}; within the ±{tol:.0%} by which sources differ on a fixed "
                            f"quantity such as an area or a height, though not {allowance} "
                            f"(rule: source-tolerance).")
    return None


def reference_rounding(case: Case) -> CheckedClaim | None:
    """A table's "1,270" may itself be rounded to tens: "about 1,274 km2" fits it."""
    row, claim = case.row, case.claim
    step = _row_rounding(row)
    if case.overlap or not step or claim.unit == "year" or claim.qualifier == "vague":
        return None
    low, high, _, allowance = case.interval
    # Strictly inside: two roundings that only touch ("36.6 million" against "36,700,000")
    # do not make a figure fit.
    if low < row.high + step and row.low - step < high:
        return case.checked("supported", Rule.REFERENCE_ROUNDING,
                            f"{case.says}; {case.ref}, a figure rounded to the nearest "
                            f"{format_number(2 * step)}; within that rounding, though not {allowance} "
                            f"(rule: reference-rounding).")
    return None


def undated_reference(case: Case) -> CheckedClaim | None:
    if case.overlap or not _may_be_dated(case.row):
        return None
    return case.checked("unverified", Rule.UNDATED_REFERENCE,
                        f"{case.says}; {case.ref}, which does not fit, but the reference has no date and a figure "
                        f"like this changes over time, so it may be out of date (rule: undated-reference).")


@lru_cache(maxsize=8)  # one entry a lexicon; bounded, so lexicons can be freed
def _metro_words(lex: Lexicon) -> re.Pattern[str]:
    """Words that say a figure counts a whole urban area (verdicts.toml [metro]), as one
    pattern per lexicon: "metro..." in any case, "Greater" only with its capital."""
    w = lex.verdict_words
    any_case = [f"{re.escape(b)}\\w*" for b in w.metro_beginnings] + [re.escape(p) for p in w.metro]
    capitalised = [re.escape(c[:1].upper() + c[1:]) for c in w.metro_capitalised]
    return re.compile(rf"\b(?:(?i:{'|'.join(any_case) or '(?!)'}){''.join('|' + c for c in capitalised)})\b")


def metro_area(case: Case) -> CheckedClaim | None:
    """A table's figure for a metro or regional total (a GeoNames row marked `metro`: Lagos,
    Sydney, Oslo) confirms only a figure the article gives for the metro area: "Sydney has
    5 million people" may mean the city proper, which the table does not hold."""
    row = case.row
    if dict(row.extra).get("figure_kind", "") != "metro" or _metro_words(case.lex).search(case.claim.sentence):
        return None
    return case.checked("unverified", Rule.METRO_AREA,
                        f"{case.says}; {case.ref}, a total for the wider metro or administrative area, not the "
                        f"city proper, and the article does not say it means the metro area (rule: metro-area).")


def party_claim(case: Case) -> CheckedClaim | None:
    assert case.match is not None
    row = case.row
    if not row.claimant or case.match.attributed:
        return None
    return case.checked("unverified", Rule.PARTY_CLAIM,
                        f"{case.says}; the only reference is a claim by {row.claimant}: {case.ref}. A party's "
                        f"figure does not confirm or contradict a figure the article does not attribute to that "
                        f"party (rule: party-claim).")


def compare(case: Case) -> CheckedClaim:
    """The article's interval against the reference's: rounding, hedge, bound, range or year."""
    assert case.converted is not None
    row = case.row
    _, _, rule, allowance = case.interval
    verdict = "supported" if case.overlap else "contradicted"
    how = allowance if case.overlap else f"not {allowance}{_difference(case.converted[0], row)}"
    note = f"{case.says}; {case.ref}; {how} (rule: {rule})."
    if row.claimant:
        note = (f"{note} The article attributes the figure to {row.claimant}, and it was checked against that "
                f"party's own claim, not an independently verified fact.")
    return case.checked(verdict, Rule(rule), note)


RULES: tuple[Callable[[Case], CheckedClaim | None], ...] = (
    no_reference,
    unit_mismatch,
    # What the row cannot confirm comes before any tolerance: a metro total, a party's figure.
    metro_area,
    party_claim,
    date,
    event_year,
    vague,
    estimate_tolerance,
    source_tolerance,
    reference_rounding,
    undated_reference,
    compare,
)


def _row_rounding(row: ReferenceRow) -> float:
    """Half a unit of the row's last non-zero digit, when its value is a whole number
    ending in zeros ("1,270" -> 5), keeping two significant figures; else 0."""
    value = row.value
    if value is None or row.value_low is not None or not math.isfinite(value) or not float(value).is_integer():
        return 0.0
    digits = str(abs(int(value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    zeros = min(zeros, max(0, len(digits) - 2))
    return 0.5 * 10 ** zeros if zeros else 0.0
