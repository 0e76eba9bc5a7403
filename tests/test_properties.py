"""Properties of extract_claims that must hold for any input text."""

from __future__ import annotations

import math
import time

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
        # what normalisation removes or rewrites (issue #12): offsets must still map back
        "\u200b", "\u00ad", "\x1b[31m", "\x1b[0m", "\u2009", "٣٠", "٬", "٫", "\u066a", "000", "1 000", "6,5",
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


# Long input (issue #12): up to 100 KB of text, built by repeating generated pieces so
# that hypothesis reaches that size at all; few examples keep the suite fast.
LONG_TEXTS = st.tuples(st.one_of(NEWSY, st.text(min_size=1, max_size=200)),
                       st.integers(min_value=1, max_value=2_000),
                       st.sampled_from(["", " ", ", ", " and ", ".\n"])).map(
    lambda t: (t[0] + t[2]) * max(1, min(t[1], 100_000 // max(1, len(t[0] + t[2])))))


@settings(max_examples=15, deadline=None)
@given(LONG_TEXTS)
def test_long_text_never_raises(text: str) -> None:
    assert len(text) <= 100_000 + 1
    check_claims(text)


def _best_time(text: str, runs: int = 3) -> float:
    best = math.inf
    for _ in range(runs):
        t0 = time.perf_counter()
        extract_claims(text)
        best = min(best, time.perf_counter() - t0)
    return best


def test_extraction_time_grows_linearly_with_a_run_on_sentence() -> None:
    """Eight times the text may take eight times as long, with room for noise; a cost that grows
    with the square of the sentence's length would take 64 times as long. The baseline is
    measured here, in the same run, never a fixed number of seconds."""
    clause = "and some 3.7 million people, about 20 percent, rose by 5.3% to $41 billion in 2022 "
    small = "Officials said " + clause * 30  # ~2.5 KB, one sentence
    large = "Officials said " + clause * 240  # ~20 KB, one sentence
    _best_time(small, 1)  # warm up
    ratio = _best_time(large, 5) / _best_time(small, 5)
    assert ratio < 20, f"8x the text took {ratio:.1f}x the time"
