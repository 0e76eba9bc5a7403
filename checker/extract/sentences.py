"""Sentence splitting with offsets.

Extraction works sentence by sentence: it keeps each regex scan short, gives the
matcher its context window, and the report its `sentence` field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) when the
# next non-space character starts a new sentence, or at a line break.
_BOUNDARY = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]["'”’)\]]))\s+(?=["'“‘(\[]?[A-Z0-9£$€])|\n\s*""")

# Abbreviations after which a full stop does not end a sentence.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|Pres|Jr|Sr|Inc|Ltd|Co|Corp|No|"
    r"vs|approx|est|Mt|Ft|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e)\.|"
    r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.|"
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
