"""The words around a number that qualify it: hedges and bounds ("about", "more than", "up to",
"or more"), and whether the sentence calls the figure a rise or a fall.

The words are in checker/lexicon/qualifiers.toml; each function here is given them
(`Lexicon.qualifiers`, read once) by the scanner.
"""

from __future__ import annotations

from typing import Literal

from checker.extract.draft import Draft
from checker.extract.tokens import Token
from checker.lexicon import Qualifiers


def is_change(tokens: list[Token], first: int, q: Qualifiers) -> bool:
    """'fell from 20 to 10', 'rose 5% to': a verb of change just before the number, or just
    before the 'from' that introduces it."""
    k = first - 1
    if k >= 0 and tokens[k].low == "from":
        k -= 1
        window = 3
    else:
        window = 2
    seen = 0
    while k >= 0 and seen < window:
        t = tokens[k]
        if t.kind == "num":
            return False
        if t.kind == "word":
            if t.low in q.change:
                return True
            if t.low in q.range_words:
                return False
            seen += 1
        k -= 1
    return False


def qualifier_before(tokens: list[Token], first: int, q: Qualifiers) -> str:
    """Hedges and bounds written before the number: 'about', 'more than', 'up to'."""
    k = first - 1
    words: list[str] = []
    while k >= 0 and len(words) < q.longest_before and tokens[k].kind == "word":
        words.insert(0, tokens[k].low)
        k -= 1
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase in q.before:
            if phrase in ("some",) and len(words) > size and words[-size - 1] in ("for", "of"):
                continue
            return q.before[phrase]
    return "exact"


def read_trailing_qualifier(tokens: list[Token], d: Draft, q: Qualifiers) -> None:
    n = len(tokens)
    j = d.last + 1
    if j < n and tokens[j].text == "+" and not tokens[j].spaced:
        d.qualifier, d.last = "at_least", j
        return
    # One word joined by a hyphen ("30-odd"); phrases of two or more words after a space.
    if j + 1 < n and tokens[j].text == "-" and not tokens[j].spaced and tokens[j + 1].low in q.after:
        d.qualifier, d.last = q.after[tokens[j + 1].low], j + 1
        return
    for size in range(q.longest_after, 1, -1):
        if j + size <= n:
            phrase = " ".join(t.low for t in tokens[j:j + size])
            if phrase in q.after:
                d.qualifier = q.after[phrase]
                return


def change(tokens: list[Token], first: int, q: Qualifiers) -> Literal["up", "down"] | None:
    """Whether the sentence says the figure is a rise or a fall ('rose 2%', 'fell by 3 points')."""
    k = first - 1
    seen = 0
    while k >= 0 and seen < 4:
        t = tokens[k]
        if t.kind == "num":
            return None
        if t.kind == "word":
            if t.low in q.up and not (t.low == "up" and k + 1 < len(tokens) and tokens[k + 1].low == "to"):
                return "up"
            if t.low in q.down:
                return "down"
            seen += 1
        k -= 1
    return None
