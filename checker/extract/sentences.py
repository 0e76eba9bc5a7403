"""Sentence splitting with offsets.

Extraction works sentence by sentence: it keeps each regex scan short, gives the
matcher its context window, and the report its `sentence` field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.tokens import MONTH_ABBREVIATIONS

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


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of each non-blank sentence in `text`."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group(0) and _NO_BREAK_BEFORE.search(text, max(0, m.start() - 7), m.start()):
            continue
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


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
CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()–—]|\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)


def clause_bounds(sentence: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) offsets in `sentence` of the clause that holds sentence[start:end]."""
    end = start if end is None else end
    begins = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)]
    stop = CLAUSE_BREAK.search(sentence, end)
    return (begins[-1] if begins else 0), (stop.start() if stop else len(sentence))
