"""Sentence splitting with offsets.

Extraction works sentence by sentence: it keeps each regex scan short, gives the
matcher its context window, and the report its `sentence` field.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from checker.extract.tokens import MONTH_ABBREVIATIONS
from checker.limits import MAX_SENTENCE_CHARS

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) when the
# next non-space character starts a new sentence, or at a line break.
_BOUNDARY = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]["'”’)\]]))\s+(?=["'“‘(\[]?[A-Z0-9£$€])|\n\s*""")

# Abbreviations after which a full stop does not end a sentence.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|Pres|Jr|Sr|Inc|Ltd|Co|Corp|No|"
    r"vs|approx|est|Mt|Ft|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e)\.|"
    rf"\b(?i:{'|'.join(MONTH_ABBREVIATIONS)})\.|"
    r"\b[A-Z]\.)$"
)


# No reader takes in a "sentence" longer than MAX_SENTENCE_CHARS (checker.limits;
# NewsQuant's longest is 424 characters); a run-on sentence or a line of figures is cut
# into pieces of at most that length, so that everything done per claim with its
# sentence (matching it, showing it, writing it to the report) costs a bounded amount.
# Where to cut an over-long sentence, best first: after a clause's punctuation or
# before a conjunction, then at any space. Never inside a number ("603,550") or a word.
_CLAUSE_CUT = re.compile(r"[;:,)]\s+|\s+[–—]\s+|\s+(?=(?:and|but|while|whereas|or)\s)")
_SPACE_CUT = re.compile(r"\s+")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of each non-blank sentence in `text`, none longer than
    MAX_SENTENCE_CHARS."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group(0) and _NO_BREAK_BEFORE.search(text, max(0, m.start() - 7), m.start()):
            continue
        yield from _pieces(text, start, m.start())
        start = m.end()
    yield from _pieces(text, start, len(text))


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The trimmed sentence text[start:end], cut into pieces of at most MAX_SENTENCE_CHARS."""
    for first, stop in _trimmed(text, start, end):
        while stop - first > MAX_SENTENCE_CHARS:
            cut = _cut(text, first, first + MAX_SENTENCE_CHARS)
            yield from _trimmed(text, first, cut)
            first = cut
        yield from _trimmed(text, first, stop)


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at `start` and may not pass `limit`: after the last
    clause break in its second half, else at its last space, else (one 600-character
    word) before the last character that is not a letter or digit, else at the limit."""
    half = start + (limit - start) // 2
    last = None
    for m in _CLAUSE_CUT.finditer(text, half, limit):
        last = m
    if last is not None:
        return last.end()
    for m in _SPACE_CUT.finditer(text, half, limit):
        last = m
    if last is not None:
        return last.start()
    for k in range(limit - 1, half, -1):
        if not text[k].isalnum() and text[k] not in ",.":
            return k + 1
    return limit


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


# What ends a clause inside a sentence: punctuation, and the conjunctions that set
# one statement against another ("Russia holds 75%, while Kyiv holds a fifth").
# A comma between digits ("2,460") separates thousands, not clauses.
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()–—]|\b(?:while|whereas|but|although|though|even as)\b", re.IGNORECASE)


def clause_bounds(sentence: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) offsets in `sentence` of the clause that holds sentence[start:end]."""
    end = start if end is None else end
    breaks = _clause_breaks(sentence)
    # The last break ending at or before `start`, and the first starting at or after `end`.
    k = bisect.bisect_right(breaks, (start, start)) - 1
    while k >= 0 and breaks[k][1] > start:
        k -= 1
    j = bisect.bisect_left(breaks, (end, -1))
    return (breaks[k][1] if k >= 0 else 0), (breaks[j][0] if j < len(breaks) else len(sentence))


@lru_cache(maxsize=512)
def _clause_breaks(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of every clause break of a sentence, read once for all its figures."""
    return [m.span() for m in CLAUSE_BREAK.finditer(sentence)]
