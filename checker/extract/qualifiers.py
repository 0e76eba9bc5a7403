"""The words around a number that qualify it: hedges and bounds ("about", "more than", "up to",
"or more"), and whether the sentence calls the figure a rise or a fall."""

from __future__ import annotations

from typing import Literal

from checker.extract.draft import Draft
from checker.extract.tokens import Token

QUALIFIER_PHRASES: dict[str, str] = {
    # approx
    "about": "approx", "around": "approx", "roughly": "approx", "some": "approx", "nearly": "approx",
    "almost": "approx", "approximately": "approx", "approx": "approx", "an estimated": "approx",
    "estimated": "approx", "close to": "approx", "circa": "approx", "more or less": "approx",
    "or so": "approx", "an approximate": "approx", "towards": "approx", "around about": "approx",
    "just about": "approx", "give or take": "approx", "nearly all of": "approx",
    # at least
    "more than": "at_least", "over": "at_least", "at least": "at_least", "passed": "at_least",
    "exceeds": "at_least", "exceeded": "at_least", "exceeding": "at_least", "exceed": "at_least",
    "above": "at_least", "upwards of": "at_least", "in excess of": "at_least", "no fewer than": "at_least",
    "no less than": "at_least", "topped": "at_least", "surpassed": "at_least", "north of": "at_least",
    "greater than": "at_least", "higher than": "at_least", "just over": "at_least", "well over": "at_least",
    "more then": "at_least", "over than": "at_least", "a minimum of": "at_least",
    # at most
    "less than": "at_most", "under": "at_most", "fewer than": "at_most", "up to": "at_most",
    "below": "at_most", "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most", "not more than": "at_most", "shy of": "at_most", "a maximum of": "at_most",
    "just under": "at_most", "lower than": "at_most", "just shy of": "at_most", "a little under": "at_most",
}
_MAX_QUALIFIER_WORDS = max(len(p.split()) for p in QUALIFIER_PHRASES)
_TRAILING_QUALIFIERS = {"or more": "at_least", "or over": "at_least", "plus": "at_least", "or less": "at_most",
                        "or fewer": "at_most", "or so": "approx", "odd": "approx", "or thereabouts": "approx"}

_UP_WORDS = frozenset("rose rise rises rising risen up gained gain gains gaining climbed climb climbs increased "
                      "increase increases jumped jump jumps surged surge surges soared soar advanced advances grew "
                      "grow grows higher rallied rally boosted added adds spiked".split())
_DOWN_WORDS = frozenset("fell fall falls falling fallen dropped drop drops declined decline declines decreased "
                        "decrease lost slid slide slides slipped slip tumbled tumble plunged plunge sank sink shed "
                        "lower down dipped dip eased ease cut cuts shrank shrink shrunk slumped slump retreated "
                        "contracted contract contracts".split())


_CHANGE_WORDS = _UP_WORDS | _DOWN_WORDS | frozenset(
    "changed change changes moved move moves went going go goes revised revise raised raise lowered lower reduced "
    "reduce slow slowed slowing widened widen narrowed narrow expanded expand swelled doubled halved dropping "
    "tripled trimmed upgraded downgraded cutting rising increasing decreasing growing declining".split()
)


def is_change(tokens: list[Token], first: int) -> bool:
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
            if t.low in _CHANGE_WORDS:
                return True
            if t.low in ("range", "ranging", "ranges", "ranged", "vary", "varies", "varying", "between", "priced",
                         "from"):
                return False
            seen += 1
        k -= 1
    return False


def qualifier_before(tokens: list[Token], first: int) -> str:
    """Hedges and bounds written before the number: 'about', 'more than', 'up to'."""
    k = first - 1
    words: list[str] = []
    while k >= 0 and len(words) < _MAX_QUALIFIER_WORDS and tokens[k].kind == "word":
        words.insert(0, tokens[k].low)
        k -= 1
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase in QUALIFIER_PHRASES:
            if phrase in ("some",) and len(words) > size and words[-size - 1] in ("for", "of"):
                continue
            return QUALIFIER_PHRASES[phrase]
    return "exact"


def read_trailing_qualifier(tokens: list[Token], d: Draft) -> None:
    n = len(tokens)
    j = d.last + 1
    if j < n and tokens[j].text == "+" and not tokens[j].spaced:
        d.qualifier, d.last = "at_least", j
        return
    if j + 1 < n and tokens[j].text == "-" and not tokens[j].spaced and tokens[j + 1].low in ("plus", "odd"):
        d.qualifier, d.last = _TRAILING_QUALIFIERS[tokens[j + 1].low], j + 1
        return
    if j + 1 < n:
        phrase = f"{tokens[j].low} {tokens[j + 1].low}"
        if phrase in _TRAILING_QUALIFIERS:
            d.qualifier = _TRAILING_QUALIFIERS[phrase]


def change(tokens: list[Token], first: int) -> Literal["up", "down"] | None:
    """Whether the sentence says the figure is a rise or a fall ('rose 2%', 'fell by 3 points')."""
    k = first - 1
    seen = 0
    while k >= 0 and seen < 4:
        t = tokens[k]
        if t.kind == "num":
            return None
        if t.kind == "word":
            if t.low in _UP_WORDS and not (t.low == "up" and k + 1 < len(tokens) and tokens[k + 1].low == "to"):
                return "up"
            if t.low in _DOWN_WORDS:
                return "down"
            seen += 1
        k -= 1
    return None
