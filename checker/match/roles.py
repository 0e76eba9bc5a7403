"""What a number is, before asking whose: the level of a metric ("84 million people"),
or something no level row can confirm: a part of the whole ("1.6 million of its
people live in the capital"), an age ("children under 16"), a rank ("among the top
five"), a bound about each of several places ("none of which has more than ..."), the
other side of a comparison ("against 40 in Europe").

The cue words are in checker/lexicon/matching.toml [roles].
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from checker.lexicon import Lexicon
from checker.match.sentence import Sentence, stem
from checker.models import Claim


class Role(StrEnum):
    LEVEL = "level"
    PART = "part"
    AGE = "age"
    RANK = "rank"
    EACH = "each"
    COMPARED = "compared"


@dataclass(frozen=True)
class NumberRole:
    role: Role
    cue: str = ""  # the words that showed it
    # For a part: the noun counted ("children"), so that a row about that very group
    # ("refugees") may still match.
    noun: str = ""

    def blocks(self, metric_stems: frozenset[str]) -> bool:
        """Does this role rule out a row whose metric has these word stems?"""
        if self.role is Role.LEVEL:
            return False
        if self.role is Role.PART:
            return not (self.noun and stem(self.noun) in metric_stems)
        if self.role is Role.AGE:
            return "age" not in metric_stems
        if self.role is Role.RANK:
            return "rank" not in metric_stems
        return True

    def describe(self) -> str:
        what = {
            Role.PART: "a part of the whole, not the whole",
            Role.AGE: "an age, not a count",
            Role.RANK: "a rank, not a figure",
            Role.EACH: "a figure about each of several places, which no single row states",
            Role.COMPARED: "what the place's figure is set against, not the place's own figure",
        }.get(self.role, "")
        return f"{what} (“{self.cue}”)" if self.cue else what


LEVEL = NumberRole(Role.LEVEL)


def number_role(claim: Claim, sent: Sentence, first: int, last: int, clause: tuple[int, int],
                lex: Lexicon) -> NumberRole:
    """`first`..`last` are the claim's word indices (last exclusive); `clause` the
    number's clause as word indices."""
    words = sent.folded
    before = " ".join(words[max(clause[0], first - 4):first])
    after = " ".join(words[last:min(clause[1], last + 4)])
    unit = claim.unit.casefold()

    for cue in lex.role_words("distributive"):
        if _has_phrase(" ".join(words[clause[0]:first]), cue):
            return NumberRole(Role.EACH, cue)
    # "Malta has no town of more than 35,000 people": a bound on every town.
    for k in range(clause[0], first - 1):
        if words[k] in lex.role_words("negation") and any(w in lex.anaphora_heads or w.rstrip("s") in lex.anaphora_heads
                                                          for w in words[k + 1:k + 3]):
            return NumberRole(Role.EACH, f"{words[k]} {words[k + 1]}")
    if unit in ("years", "") or claim.unit_text.casefold().startswith("year"):
        for cue in lex.role_words("age_before"):
            if _ends_with(before, cue):
                return NumberRole(Role.AGE, cue)
        for cue in lex.role_words("age_after"):
            if _starts_with(after, cue) or _starts_with(claim.text.casefold().split(" ", 1)[-1], cue):
                return NumberRole(Role.AGE, cue)
        if claim.qualifier in ("at_most", "at_least") and first >= 2 and claim.value < 130 and not claim.unit:
            noun = words[first - 2]
            if noun in lex.role_words("age_nouns"):
                return NumberRole(Role.AGE, f"{noun} {words[first - 1]}")
    # "a median age of 18, against more than 40 in most of Europe": the other side of a
    # comparison, about another place or time.
    unhedged = _without_hedge(before, lex)
    for cue in lex.role_words("compared_before"):
        if _ends_with(unhedged, cue):
            return NumberRole(Role.COMPARED, cue)
    for cue in lex.role_words("rank_before"):
        if _ends_with(before, cue):
            return NumberRole(Role.RANK, cue)
    if not claim.unit:
        for cue in lex.role_words("rank_after"):
            if _starts_with(after, cue):
                return NumberRole(Role.RANK, cue)
    # "Portugal's 10.2 million people": a place's possessive right before the number
    # makes it that place's whole, whatever the sentence says next.
    whole = first >= 2 and words[first - 1] == "s" and any(m.end == first - 1 for m in sent.mentions)
    for cue in lex.role_words("part_before") if not whole else ():
        if _has_phrase(" ".join(words[max(clause[0], first - 12):first]), cue):
            return NumberRole(Role.PART, cue)
    if claim.unit not in ("percent", "fraction", "percentage points") and not whole:
        for cue in lex.role_words("part_after"):
            if _starts_with(after, cue) and not _place_follows(sent, last, cue):
                # "94,080 sq km of it is land": a part, but the very part a "land area" row gives.
                rest = words[last + len(cue.split()):last + len(cue.split()) + 2]
                noun = rest[1] if len(rest) == 2 and rest[0] in ("is", "are") else ""
                return NumberRole(Role.PART, cue, noun=noun)
        # "14 million residents over 65": an age bracket of the population.
        bracket = words[last:last + 3]
        if bracket and bracket[0] in lex.role_words("age_bracket_verbs"):
            bracket = bracket[1:]
        if len(bracket) >= 2 and bracket[0] in lex.role_words("age_bracket") and bracket[1][:1].isdigit():
            return NumberRole(Role.PART, f"{bracket[0]} {bracket[1]}")
        # "1.9 million of Austria's people": "of" and a place's possessive.
        if _starts_with(after, "of") and any(m.position == last + 1 and m.possessive for m in sent.mentions):
            return NumberRole(Role.PART, f"of {words[last + 1]}'s")
        subgroups = lex.role_words("subgroups")
        if unit in subgroups:
            return NumberRole(Role.PART, unit, noun=unit)
        # "Its children under 16 number 11 million": the clause counts a subgroup.
        for k in range(max(clause[0], first - 8), first):
            if words[k] in subgroups:
                return NumberRole(Role.PART, words[k], noun=words[k])
    return LEVEL


def _without_hedge(before: str, lex: Lexicon) -> str:
    """The words before a number without the hedge or bound that ends them ("against more
    than" -> "against")."""
    for hedge in _hedges_longest_first(lex):
        if _ends_with(before, hedge):
            return before[:len(before) - len(hedge)].rstrip()
    return before


@lru_cache(maxsize=8)
def _hedges_longest_first(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.qualifiers.before, key=len, reverse=True))


def _place_follows(sent: Sentence, last: int, cue: str) -> bool:
    """'84 million people live in Germany' is Germany's population, not a part of it:
    a cue ending in a preposition is no part when a place is named right after it."""
    if not cue.endswith((" in", " in the")):
        return False
    k = last + len(cue.split())
    return any(m.position in (k, k + 1) and not m.anaphor for m in sent.mentions)


def _has_phrase(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


def _ends_with(text: str, phrase: str) -> bool:
    return f" {text}".endswith(f" {phrase}")


def _starts_with(text: str, phrase: str) -> bool:
    return f"{text} ".startswith(f"{phrase} ")
