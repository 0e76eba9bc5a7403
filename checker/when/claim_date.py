"""The time a claim is about: a year or date in its clause ("in 2021", "as of 2013",
"last year", "at the end of 2024", "in March 2023"), else the article's date.

The extractor folds a year that only dates another figure ("grew 3% in 2019") into
that figure, so the year is read here from the sentence around the claim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.sentences import clause_bounds
from checker.extract.tokens import MONTH_NUMBERS
from checker.models import Claim
from checker.when.words import words


@dataclass(frozen=True)
class ClaimTime:
    """A claim's time: year, month and day as far as known (year None: unknown).

    `source_words` are the article's words that gave it ("in 2021"), empty when it is
    the article's date (`from_article`)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    source_words: str = ""
    from_article: bool = True

    @property
    def known(self) -> bool:
        return self.year is not None

    def iso(self) -> str:
        """'2021', '2021-03', '2021-03-05', or '' when unknown."""
        if self.year is None:
            return ""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def note(self) -> str:
        """The note's fragment: "dated by ‘in 2021’", "dated by the article's date 2026-02-18"."""
        if not self.from_article:
            return f"dated by ‘{self.source_words}’"
        if self.year is None:
            return "undated (the article's date is unknown)"
        return f"dated by the article's date {self.iso()}"


def article_time(article_date: dt.date | None) -> ClaimTime:
    """The article's date as a claim time (unknown when the date is unknown)."""
    if article_date is None:
        return ClaimTime(None)
    return ClaimTime(article_date.year, article_date.month, article_date.day)


def claim_time(claim: Claim, article_date: dt.date | None) -> ClaimTime:
    """The time `claim` is about. Looks in the claim's own clause first (the nearest date
    wins), then at a clause right after it that opens with a dating phrase ("..., as of
    2013"), then at a dating phrase opening the sentence ("In 2021, ..."); otherwise the
    article's date. A year that is a claim itself ("annexed in 2014") dates nothing."""
    if claim.unit == "year":
        return article_time(article_date)
    sentence = claim.sentence
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    mentions = [m for m in _mentions(sentence, article_date) if m.end <= start or m.start >= end]
    if not mentions and not _then_and_years(sentence)[0]:
        return article_time(article_date)  # most figures: nothing in the sentence dates them
    clause_start, clause_end = clause_bounds(sentence, start, end)
    # A date after another figure dates that nearer figure: in "cooled to 2.4% from 10.7%
    # the year before", "the year before" is 10.7%'s time, not 2.4%'s.
    inside = [m for m in mentions if clause_start <= m.phrase_start and m.end <= clause_end
              and not (m.start >= end and _FIGURE.search(sentence, end, m.phrase_start))]
    if inside:
        nearest = min(inside, key=lambda m: m.start - end if m.start >= end else start - m.end)
        return nearest.time
    for m in mentions:
        if m.dating and m.phrase_start >= clause_end and not sentence[clause_end:m.phrase_start].strip(" ,;:–—("):
            return m.time  # "44 million, as of 2013"
        if m.dating and not sentence[:m.phrase_start].strip() and m.start < start:
            return m.time  # "In 2021, GDP was ..."
    then = _back_then(sentence, start, end, clause_start, clause_end)
    if then is not None:
        return then
    return article_time(article_date)


@dataclass(frozen=True)
class _Mention:
    phrase_start: int  # where the dating phrase begins ("in" of "in 2021")
    start: int  # where the date itself begins
    end: int
    dating: bool  # preceded by a dating phrase, not only a bare date
    time: ClaimTime


@lru_cache(maxsize=512)
def _mentions(sentence: str, article_date: dt.date | None) -> list[_Mention]:
    """Dates and dating phrases of a sentence, read once for all its figures."""
    return _read_mentions(sentence, article_date)


def _read_mentions(sentence: str, article_date: dt.date | None) -> list[_Mention]:
    w = words()
    out = []
    for m in _date_pattern().finditer(sentence):
        before = sentence[max(0, m.start() - 60):m.start()].lower()
        if _ends_with_any(before, w.not_dating) or _event_before(before, w.event_words):
            continue
        at = _ending_phrase(before, w.dating)
        phrase_start = m.start() - len(before) + at if at >= 0 else m.start()
        year = int(m["year"])
        month = MONTH_NUMBERS.get((m["month"] or m["month2"] or "").lower().rstrip("."))
        day_text = m["day"] or m["day2"]
        day = int(day_text) if day_text and month else None
        source = " ".join(sentence[phrase_start:m.end()].split())
        out.append(_Mention(phrase_start, m.start(), m.end(), at >= 0,
                            ClaimTime(year, month, day, source, from_article=False)))
    # Only a year written as a date anchors "a year earlier" ("in 2024", "since 2019"), not a count ("2010 employees").
    years_named = [(m.start(), int(m.group(1))) for m in _DATED_YEAR.finditer(sentence)]
    for m in _relative_pattern().finditer(sentence):
        phrase = " ".join(m.group().lower().split())
        offset = w.relative_years[phrase]
        # "a year earlier" after "in 2024" counts from 2024, not from the article's year.
        anchor = next((year for at, year in reversed(years_named) if at < m.start()), None) \
            if phrase in w.relative_to_sentence else None
        if anchor is not None:
            source = f"{m.group()} ({anchor})"
        elif article_date is not None:
            anchor, source = article_date.year, m.group()
        else:
            continue
        out.append(_Mention(m.start(), m.start(), m.end(), True,
                            ClaimTime(anchor + offset, source_words=source, from_article=False)))
    return out


_FIGURE = re.compile(r"\d")
_DATED_YEAR = re.compile(r"\b(?:in|since|by|during|of|for|until|from|at the end of|early|late|mid)[\s-]+"
                         r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(1[89]\d\d|20\d\d)\b",
                         re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w$£€.,])(?:1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")


def _back_then(sentence: str, start: int, end: int, clause_start: int, clause_end: int) -> ClaimTime | None:
    """'... proclaimed a republic in 1947, and was then a nation of about 16 million': a
    word like "then" in the figure's clause dates it to the last year named before it."""
    thens, years = _then_and_years(sentence)
    if not any(clause_start <= at < clause_end for at in thens):
        return None
    year = next((y for at, y in reversed(years) if at < start), None)
    if year is None:
        return None
    return ClaimTime(year, source_words=f"then ({year})", from_article=False)


@lru_cache(maxsize=512)
def _then_and_years(sentence: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Where a sentence says "then" (and the like), and the years it names: read once for all its figures."""
    thens = tuple(m.start() for m in _ending_words(words().back_then).finditer(sentence))
    years = tuple((m.start(), int(m.group())) for m in _YEAR.finditer(sentence)) if thens else ()
    return thens, years


@lru_cache(maxsize=8)
def _ending_words(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b",
                      re.IGNORECASE)


def _ends_with_any(before: str, phrases: tuple[str, ...]) -> bool:
    return _ending_phrase(before, phrases) >= 0


def _ending_phrase(before: str, phrases: tuple[str, ...]) -> int:
    """Where the longest of `phrases` that `before` ends with begins (whole words, any
    spacing or hyphen between them: "in mid-"); -1 if none."""
    m = _phrase_end_pattern(phrases).search(before)
    return m.start(1) if m else -1


@lru_cache(maxsize=8)
def _phrase_end_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((r"[\s-]+".join(map(re.escape, re.findall(r"\w+", p))) for p in phrases),
                          key=len, reverse=True)
    return re.compile(r"(?:^|(?<=\W))(" + "|".join(alternatives) + r")[\s-]*$", re.IGNORECASE)


def _event_before(before: str, stems: tuple[str, ...]) -> bool:
    """An event word within the four words before the year: 'annexed in 2014'."""
    tail = re.findall(r"[a-z]+", before)[-4:]
    return any(word.startswith(stem) for word in tail for stem in stems)


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    year = r"(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)"
    return re.compile(
        rf"(?<![\w$£€.,])(?:(?P<day>\d{{1,2}})\s+(?P<month>(?:{months})\.?),?\s+|"
        rf"(?P<month2>(?:{months})\.?)\s+(?:(?P<day2>\d{{1,2}}),?\s+)?)?{year}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    phrases = sorted(words().relative_years, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b",
                      re.IGNORECASE)
