"""Word tokens of a sentence, and the word lists that several parts of the extractor share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.limits import MAX_DIGITS

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|(?<![\w.])\.\d+|[½⅓⅔¼¾⅕⅛])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # 'num', 'word', 'sym', or 'long' (a digit string too long to be a quantity)
    spaced: bool  # whitespace (or the sentence start) before it
    low: str  # the text in lower case: asked for many times per token, so made once




def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        if kind == "num" and m.end() - m.start() > MAX_DIGITS and sum(c.isdigit() for c in m.group()) > MAX_DIGITS:
            kind = "long"
        word = m.group()
        tokens.append(Token(word, m.start() + offset, m.end() + offset, kind, m.start() != prev_end, word.lower()))
        prev_end = m.end()
    return tokens


# Month names and their abbreviations -> the month's number: the one month list.
MONTH_NUMBERS: dict[str, int] = {name: k for k, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTHS = frozenset(MONTH_NUMBERS)
# Abbreviations that may end in a full stop ("Feb. 24") without ending a sentence.
MONTH_ABBREVIATIONS = tuple(name for name in MONTH_NUMBERS
                            if len(name) <= 4 and name not in ("may", "june", "july"))


# Words that end the search for a counted noun after a number.
STOP = frozenset(
    "a an the of and or but to in on at for by with from into onto than as is was were are be been being has "
    "have had will would could should may might can do does did this that these those which who whom whose "
    "it its it's their there they them he she his her we our you your i me my not no so if then when while "
    "per each every more less most least much many few other another such all both either neither same only "
    "also just even still yet ago later earlier before after since until till during about around over under "
    "up down out off again back away here now then percent cent times time".split()
)


ONE_IDIOMS = frozenset("day time way thing side another's who whose reason example problem issue question "
                       "thing such else".split())


SENTENCE_OPENERS = frozenset("only just nearly almost around roughly another all some over under about "
                              "exactly precisely fully barely merely perhaps maybe between from with for by in "
                              "on at to after before since until of than like across among within without "
                              "through during against despite toward towards upon via plus minus below above "
                              "beyond up down still yet".split())


def span_text(tokens: list[Token], a: int, b: int) -> str:
    return " ".join(tokens[k].text for k in range(a, b + 1) if tokens[k].kind == "word" or tokens[k].text in "%°/")
