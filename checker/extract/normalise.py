"""What the scanner reads: the input with invisible characters removed and numerals
written the one way the scanner knows, with a map back to the input's offsets.

Removed (they change offsets, so the map keeps track):
- ANSI terminal escapes ("\\x1b[31m"), control characters, zero-width characters,
  bidirectional marks and soft hyphens: "2\\u200b0 percent" is 20 percent.

Rewritten character for character (offsets unchanged):
- every Unicode decimal digit as its ASCII digit ("٣٠" -> "30"), with the Arabic
  thousands separator U+066C as ",", the Arabic decimal separator U+066B as "." and
  the Arabic percent sign U+066A as "%";
- a thin, narrow no-break or no-break space (U+2009, U+202F, U+00A0, U+2007), an
  apostrophe (Swiss "1'000") or a plain space between digit groups of exactly
  three as a thousands comma: "603 550 sq km", "45 000 residents". A plain space
  only joins a first group of one to three digits (so "in 2019 45 000" stays a year
  and 45,000), and never a group that is followed by more digits ("1 000 5");
- a decimal comma where it cannot be a thousands comma: one or two digits after it
  and no further group ("6,5 million", "3,75 %"); "1,500" stays 1500, "1,2,3" a list.

`extract_claims` scans `Normalised.text` and maps each claim's offsets back, so a
claim's `text` is always `input[start:end]`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# ANSI CSI sequences ("\x1b[31m", "\x1b[2K"), other two-character escapes, C0 and C1
# controls (not tab, newline, vertical tab, form feed, carriage return), zero-width
# spaces and joiners, word joiner, BOM, soft hyphen, bidirectional marks and isolates.
_INVISIBLE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|"
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Digits other than ASCII 0-9 (Python's \d is every Unicode decimal digit).
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_ARABIC_SIGNS = str.maketrans({"\u066c": ",", "\u066b": ".", "\u066a": "%"})
_HAS_OTHER_DIGIT = re.compile(r"(?![0-9])\d|[\u066a-\u066c]")

# Groups of three after a first group of one to three digits, joined by a space-like
# separator that is not a comma, and not followed by more digits.
_UNICODE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[\u00a0\u202f\u2009\u2007'’]\d{3})+(?![\d'’])")
_PLAIN_GROUPS = re.compile(r"(?<![\d.,:/'’])[1-9]\d{0,2}(?: \d{3})+(?![\d.,:/]\d|\d| \d)")
_SEPARATOR = re.compile(r"[ \u00a0\u202f\u2009\u2007'’]")
# A comma with one or two digits after it and nothing that makes it a list or a
# thousands group: "6,5 million", "3,75 %".
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d]|[.,]\d|\s*(?:,|and\b|or\b|&))")


@dataclass(frozen=True)
class Normalised:
    text: str  # what the scanner reads
    # One entry per removal, in order: (offset in `text` where characters were removed,
    # how many characters were removed up to and including this removal).
    removals: tuple[tuple[int, int], ...] = ()
    _at: tuple[int, ...] = field(default=(), repr=False)

    def start_in_input(self, pos: int) -> int:
        """The input offset of a span starting at `pos` in `text`: characters removed
        right before it are not part of the span."""
        k = bisect_right(self._at, pos)
        return pos + (self.removals[k - 1][1] if k else 0)

    def end_in_input(self, pos: int) -> int:
        """The input offset of a span ending at `pos` in `text`: characters removed right
        after it are not part of the span, those inside it ("2\\u200b0") are."""
        k = bisect_left(self._at, pos)
        return pos + (self.removals[k - 1][1] if k else 0)


def normalise(text: str) -> Normalised:
    removals: list[tuple[int, int]] = []
    if _INVISIBLE.search(text):
        parts: list[str] = []
        removed = last = 0
        for m in _INVISIBLE.finditer(text):
            parts.append(text[last:m.start()])
            at = m.start() - removed  # where the removed characters were, in the new text
            removed += m.end() - m.start()
            removals.append((at, removed))
            last = m.end()
        parts.append(text[last:])
        text = "".join(parts)
    if _HAS_OTHER_DIGIT.search(text):
        text = _OTHER_DIGIT.sub(_ascii_digit, text).translate(_ARABIC_SIGNS)
    if any(c in text for c in "\u00a0\u202f\u2009\u2007'’"):
        text = _UNICODE_GROUPS.sub(_commas, text)
    if " " in text:
        text = _PLAIN_GROUPS.sub(_commas, text)
    if "," in text:
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return Normalised(text, tuple(removals), tuple(at for at, _ in removals))


def _ascii_digit(m: re.Match[str]) -> str:
    c = m.group()
    value = unicodedata.decimal(c, None)
    return str(value) if value is not None else c


def _commas(m: re.Match[str]) -> str:
    return _SEPARATOR.sub(",", m.group())
