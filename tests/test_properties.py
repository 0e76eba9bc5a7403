"""Properties of extract_claims that must hold for any input text."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import extract_claims
from checker.models import QUALIFIERS

DIGITS = st.from_regex(r"-?\d{1,4}([.,]\d{1,3})*", fullmatch=True)
PIECES = st.one_of(
    DIGITS,
    st.sampled_from([
        # scale words and abbreviations
        "million", "billion", "trillion", "bn", "m", "k", "tn", "mln", "thousand", "hundred", "dozen",
        "thirty-eight", "six", "a", "an", "half", "third", "quarter", "two-thirds", "hundreds", "thousands",
        "of", "tens",
        # currencies and units
        "$", "£", "€", "¥", "US$", "p", "pence", "dollars", "euros", "%", "per cent", "percent", "km", "sq km",
        "square miles", "feet", "troops", "people", "years", "ago", "°C", "minus", "x", "10^",
        # hedges and change
        "about", "around", "some", "nearly", "more than", "over", "at least", "up to", "fewer than",
        "between", "and", "from", "to", "rose", "fell", "or more", "+",
        # dates, times, identifiers
        "February", "24th", "pm", "GMT", ":", "COVID-19", "G7", "Boeing", "S&P", "in", "since",
        # punctuation and spacing
        ".", ",", "-", "–", "/", "(", ")", "'", "’", "\n", "  ", "!", "?", "\u00a0", "\u202f",
    ]),
)
NEWSY = st.lists(PIECES, max_size=30).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " "]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))))

TEXTS = st.one_of(st.text(), NEWSY)


def check_claims(text: str) -> None:
    claims = extract_claims(text)
    previous_end = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start:c.end] == c.text, c
        assert math.isfinite(c.value), c
        if c.value_high is not None:
            assert math.isfinite(c.value_high), c
        assert c.qualifier in QUALIFIERS, c
        assert c.start >= previous_end, f"overlapping or out of order: {claims}"
        previous_end = c.end
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence, c
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence), c


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    check_claims(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_newsy_text(text: str) -> None:
    check_claims(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY, NEWSY)
def test_two_paragraphs(first: str, second: str) -> None:
    """Offsets stay right across sentence and paragraph breaks."""
    text = f"{first}.\n\n{second}"
    check_claims(text)
