"""Numbers as news writes them: digits with separators, spelled-out numbers, scale
words and newsroom abbreviations ("3.2bn", "£2m", "thirty-eight million")."""

from __future__ import annotations

import math

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Scale words after a number, spelled out or abbreviated as newsrooms do.
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "mil": 1e6, "bln": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Plural scale words right after digits, as French and translated copy writes them
# ("14,4 millions d'habitants"): the scale, not a counted noun.
PLURAL_SCALES_AFTER_DIGITS: dict[str, float] = {"millions": 1e6, "billions": 1e9, "trillions": 1e12}
# Abbreviations written straight after the digits ("3.2bn", "£2m", "10k").
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "T": 1e12, "mil": 1e6,
}
NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | {"hundred", "thousand", "million", "billion", "trillion", "dozen"}

# Plural scale words used alone are vague amounts: (low, high) of what they can mean.
VAGUE_SCALES: dict[str, tuple[float, float]] = {
    # One convention for all: from the scale to ten times it ("thousands": 1,000 to 10,000).
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
}


def parse_digits(s: str) -> tuple[float, int]:
    """Value and stated precision of a digit string: '29,032' -> (29032, 0), '1.50' -> (1.5, 2).

    Precision is the number of decimal places the writer committed to; trailing zeros
    of a whole number count as rounding ('30,000' -> -4), since news rounds that way.
    """
    clean = s.replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    value = float(clean)
    if "." in clean:
        return value, len(clean.split(".", 1)[1])
    digits = clean.lstrip("0")
    if not digits:
        return value, 0
    # Keep at least two significant figures: "30,000" is read as rounded to the
    # thousand, "20" as exact; otherwise a round figure would fit almost anything.
    trailing = len(digits) - len(digits.rstrip("0"))
    return value, -min(trailing, max(len(digits) - 2, 0))


def words_value(words: list[str]) -> float | None:
    """Value of a spelled-out number given as lower-case words without hyphens:
    ['thirty', 'eight', 'million'] -> 38e6, ['one', 'hundred', 'and', 'five'] -> 105."""
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w == "and":
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def scale(value: float, factor: float) -> float:
    """value * factor without binary noise: 4.1 * 1e6 is 4099999.9999999995 in floats."""
    return float(f"{value * factor:.12g}")


def scaled_precision(decimals: int, scale: float) -> int:
    """Precision after a scale word: '1.5' (1 decimal) million -> -5."""
    return decimals - round(math.log10(scale)) if scale > 1 else decimals


def format_number(value: float) -> str:
    """A number as a reader expects it in a note: 603,550; 3.2 billion; 0.25; 20."""
    if math.isinf(value):
        return "unbounded"
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:,.6g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"
