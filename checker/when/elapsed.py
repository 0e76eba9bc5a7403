"""Elapsed time as a claim: "the fourth anniversary of the invasion", "three years
after the annexation", "now in its fourth year", "a decade since ...".

The extractor leaves ordinals out (they are not quantities), so this is a finder of
its own over the article's sentences. The event is an event row of the tables (unit
`year`, `as_of` its date): an entity named in the sentence (else in the article) whose
row's metric or metric_aliases are words of the phrase ("anniversary of Moscow's
invasion" -> the row "full-scale invasion of Ukraine", alias "invasion"). The time is
counted from the event's date to the article's, and the note shows the arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.sentences import CLAUSE_BREAK, clause_bounds, split_sentences
from checker.lexicon import lexicon
from checker.match.sentence import names_in, per_reference
from checker.models import CheckedClaim, Claim, Match, ReferenceRow
from checker.reference import Reference
from checker.when.series import row_time
from checker.when.words import words

ANNIVERSARY = "anniversary"
ELAPSED = "elapsed"

_WORD = re.compile(r"[^\W_]+")
_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


@dataclass(frozen=True)
class _Phrase:
    start: int  # of the claim's text, in the sentence
    end: int
    kind: str  # "anniversary", "after" (N years after/since), "in-its" (in its Nth year), "for" (for N years)
    n: int
    what: str  # the words that name the event


def elapsed_claims(text: str, reference: Reference, article_date: dt.date | None) -> list[CheckedClaim]:
    """Every elapsed-time phrase of `text` whose event is a row of `reference`, checked
    against the article's date (unverified when that date is unknown)."""
    found: list[CheckedClaim] = []
    article_names: list[tuple[int, str, str]] | None = None
    for s_start, s_end in split_sentences(text):
        sentence = text[s_start:s_end]
        phrases = list(_phrases(sentence))
        if not phrases:
            continue
        # A place of the sentence itself comes first; the whole article is read for its
        # places only when none of the sentence's has the event.
        own_names = [(s_start + at, name, surface) for at, name, surface in names_in(sentence, reference, lexicon())]
        for phrase in phrases:
            event = _event(phrase, sentence, s_start, reference, own_names)
            if event is None:
                if article_names is None:
                    article_names = names_in(text, reference, lexicon())
                event = _event(phrase, sentence, s_start, reference, article_names)
            if event is None:
                continue
            row, surface = event
            claim = Claim(text=sentence[phrase.start:phrase.end], start=s_start + phrase.start,
                          end=s_start + phrase.end, sentence=sentence, sentence_start=s_start,
                          value=float(phrase.n), unit="years", decimals=0)
            found.append(_check(claim, phrase, row, Match(row, 100.0, surface), article_date))
    return found


# ------------------------------------------------------------------------ finding


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    w = words()
    ordinal = r"(?P<n>\d+(?:st|nd|rd|th)|" + "|".join(sorted(map(re.escape, w.ordinals), key=len, reverse=True)) + ")"
    count = r"(?P<n>\d+|" + "|".join(sorted(map(re.escape, w.counts), key=len, reverse=True)) + ")"
    span = r"(?P<span>" + "|".join(sorted(map(re.escape, w.spans), key=len, reverse=True)) + ")"
    flags = re.IGNORECASE
    return (
        re.compile(rf"\b(?P<claim>{ordinal}\s+anniversary)\s+of\s+(?P<what>.+)", flags),
        re.compile(rf"\b(?P<claim>{count}\s+{span})\s+(?:after|since)\s+(?P<what>.+)", flags),
        re.compile(rf"\bin\s+its\s+(?P<claim>{ordinal}\s+year)\b", flags),
        re.compile(rf"\bfor\s+(?:(?:almost|nearly|about|around|some)\s+)?(?P<claim>{count}\s+{span})\b", flags),
    )


# A word each pattern cannot match without: most sentences have none of them, and a
# cheap look for the word spares the pattern's search.
_NEEDS = (("anniversary",), ("after", "since"), ("its",), ("for",))


def _phrases(sentence: str) -> list[_Phrase]:
    out = []
    low = sentence.casefold()
    for kind, pattern, needs in zip(("anniversary", "after", "in-its", "for"), _patterns(), _NEEDS):
        if not any(word in low for word in needs):
            continue
        for m in pattern.finditer(sentence):
            n = _number(m["n"])
            span = m.groupdict().get("span")
            if span:
                n *= words().spans[span.casefold()]
            what = m.groupdict().get("what")
            if what is not None:
                stop = CLAUSE_BREAK.search(what)
                what = what[:stop.start()] if stop else what
            else:
                what = sentence  # "now in its fourth year": the event is named elsewhere in the sentence
            out.append(_Phrase(m.start("claim"), m.end("claim"), kind, n, what))
    return out


def _number(text: str) -> int:
    low = text.casefold()
    w = words()
    if low in w.ordinals:
        return w.ordinals[low]
    if low in w.counts:
        return w.counts[low]
    return int(re.sub(r"\D", "", low))


def _event(phrase: _Phrase, sentence: str, s_start: int, reference: Reference,
           names: list[tuple[int, str, str]]) -> tuple[ReferenceRow, str] | None:
    """The event row the phrase is about: a dated event row of a name in the sentence
    (else the nearest in the article) whose metric words are all in the phrase's words."""
    what = {_fold(w) for w in _WORD.findall(phrase.what)}
    at = s_start + phrase.start
    best: tuple[tuple[int, int, int], ReferenceRow, str] | None = None
    for offset, name, surface in names:
        in_sentence = s_start <= offset < s_start + len(sentence)
        for row, names_of_event in _dated_events(reference, name):
            score = max((len(ws) for ws in names_of_event if ws <= what), default=0)
            if not score:
                continue
            key = (int(in_sentence), score, -abs(offset - at))
            if best is None or key > best[0]:
                best = (key, row, surface)
    return (best[1], best[2]) if best else None


def _dated_events(reference: Reference, name: str) -> list[tuple[ReferenceRow, list[frozenset[str]]]]:
    """A place's event rows dated to the month (not a party's claim), with the words of
    each name of the event: read once per place, as every phrase of an article asks again."""
    memo = per_reference(reference, "dated_events")
    events = memo.get(name)
    if events is None:
        events = []
        for row in reference.rows_for(name):
            if row.unit != "year" or row.claimant:
                continue
            when = row_time(row)
            if when is None or when.month is None:
                continue
            names = [frozenset(ws) for ws in map(_phrase_words, (row.metric, *row.metric_aliases)) if ws]
            events.append((row, names))
        memo[name] = events
    return events


def _phrase_words(text: str) -> set[str]:
    return {_fold(w) for w in _WORD.findall(text)}


def _fold(word: str) -> str:
    """Case and a possessive folded: "Putin's" -> "putin"."""
    return word.casefold().removesuffix("’s").removesuffix("'s")


# ----------------------------------------------------------------------- checking


def _check(claim: Claim, phrase: _Phrase, row: ReferenceRow, match: Match, article_date: dt.date | None
           ) -> CheckedClaim:
    when = row_time(row)
    assert when is not None and when.year is not None and when.month is not None
    event = dt.date(when.year, when.month, when.day or 1)
    source = f"{row.entity}, {row.metric}, {row.as_of} (source: {row.source})"
    rule = ANNIVERSARY if phrase.kind == "anniversary" else ELAPSED
    if article_date is None:
        return CheckedClaim(claim, "unverified", rule,
                            f"“{claim.text}” counts from {source}, but the article's date is unknown, so the time "
                            f"elapsed cannot be checked (rule: {rule}).", match)
    if phrase.kind == "anniversary":
        return _anniversary(claim, phrase.n, event, article_date, source, match)
    return _elapsed(claim, phrase, event, article_date, source, match)


def _anniversary(claim: Claim, n: int, event: dt.date, date: dt.date, source: str, match: Match) -> CheckedClaim:
    w = words()
    clause_start, clause_end = clause_bounds(claim.sentence, claim.start - claim.sentence_start,
                                             claim.end - claim.sentence_start)
    clause = " " + " ".join(_WORD.findall(claim.sentence[clause_start:clause_end].casefold())) + " "
    ahead = next((p for p in w.ahead if f" {' '.join(_WORD.findall(p))} " in clause), "")
    past = "" if ahead else next((p for p in w.past if f" {' '.join(_WORD.findall(p))} " in clause), "")
    falls = anniversary(event, n)
    days = (falls - date).days
    when = f"{abs(days)} day{'' if abs(days) == 1 else 's'} {'after' if days > 0 else 'before'}" if days else "on"
    arithmetic = (f"{event.isoformat()} → {falls.isoformat()}: the {_ordinal(n)} anniversary falls {when} "
                  f"the article's date {date.isoformat()}")
    near = w.near_days
    if ahead:
        fits, expect = 0 <= days <= near, f"ahead and within a month, as ‘{ahead}’ says"
    elif past:
        fits, expect = -near <= days <= 0, f"just past, within a month, as ‘{past}’ says"
    else:
        fits, expect = abs(days) <= near, "within a month of the article's date"
    if fits:
        return CheckedClaim(claim, "supported", ANNIVERSARY,
                            f"{arithmetic}: {expect} (event: {source}) (rule: {ANNIVERSARY}).", match)
    right = _nearest_anniversary(event, date, "ahead" if ahead else "past" if past else "")
    hint = f"; the one near it is the {_ordinal(right)} ({anniversary(event, right).isoformat()})" if right else ""
    return CheckedClaim(claim, "contradicted", ANNIVERSARY,
                        f"{arithmetic}, not {expect}{hint} (event: {source}) (rule: {ANNIVERSARY}).", match)


def _elapsed(claim: Claim, phrase: _Phrase, event: dt.date, date: dt.date, source: str, match: Match
             ) -> CheckedClaim:
    full = full_years(event, date)
    exact = (date - event).days / 365.25
    n = phrase.n
    if phrase.kind == "in-its":
        fits, allowed = full == n - 1, f"its {_ordinal(n)} year runs from {n - 1} to {n} full years"
    else:
        fits, allowed = full == n or round(exact) == n, f"“{claim.text}” fits {n} full years or {n} when rounded"
    arithmetic = (f"{event.isoformat()} → {date.isoformat()} (the article's date): {full} full year"
                  f"{'' if full == 1 else 's'} ({exact:.1f})")
    if fits:
        return CheckedClaim(claim, "supported", ELAPSED,
                            f"{arithmetic}; {allowed} (event: {source}) (rule: {ELAPSED}).", match)
    sentence_words = set(_WORD.findall(claim.sentence.casefold()))
    marker = next((m for m in words().past_markers if m in sentence_words), "")
    if marker and phrase.kind == "after":
        return CheckedClaim(claim, "unverified", ELAPSED,
                            f"{arithmetic}; {allowed}, but ‘{marker}’ says the sentence may be about an earlier time "
                            f"than the article's date (event: {source}) (rule: {ELAPSED}).", match)
    return CheckedClaim(claim, "contradicted", ELAPSED,
                        f"{arithmetic}; {allowed}, which this is not (event: {source}) (rule: {ELAPSED}).", match)


def anniversary(event: dt.date, n: int) -> dt.date:
    """The date of the `n`th anniversary of `event` (29 February falls on the 28th)."""
    try:
        return event.replace(year=event.year + n)
    except ValueError:
        return event.replace(year=event.year + n, day=28)


def full_years(start: dt.date, end: dt.date) -> int:
    """Whole years from `start` to `end`: 2022-02-24 -> 2026-02-18 is 3."""
    years = end.year - start.year
    return years - 1 if anniversary(start, years) > end else years


def _nearest_anniversary(event: dt.date, date: dt.date, direction: str) -> int:
    """The anniversary near `date`: the next one ("ahead"), the last one ("past"), or the nearest."""
    last = full_years(event, date)
    following = last + 1
    if direction == "ahead":
        return following
    if direction == "past":
        return last
    return min((k for k in (last, following) if k >= 1),
               key=lambda k: abs((anniversary(event, k) - date).days), default=0)


def _ordinal(n: int) -> str:
    if n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
