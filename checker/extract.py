"""Find the numeric claims in a text.

A rule-based scanner over word tokens, sentence by sentence. It reads what news
writes (scale abbreviations, spelled-out numbers, hedges, ranges, counted nouns,
calendar years) and skips what only looks like a quantity (ordinals, dates, clock
times, scores, model names, a lone article). Units come from `checker.units`.

Why not hand each sentence to quantulum3's parser: on news it misreads the cases
listed above, and its first call costs seconds; this scanner is tuned for news and
keeps quantulum3's idea of a unit lexicon without its start-up cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from checker.models import Claim
from checker.numbers import (
    NUMBER_WORDS,
    ONES,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS,
    VAGUE_SCALES,
    parse_digits,
    scale,
    scaled_precision,
    words_value,
)
from checker.sentences import split_sentences
from checker.units import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    lookup_quantulum_unit,
    lookup_unit,
)

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|(?<![\w.])\.\d+|[½⅓⅔¼¾⅕⅛])"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # 'num', 'word' or 'sym'
    spaced: bool  # whitespace (or the sentence start) before it

    @property
    def low(self) -> str:
        return self.text.lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        tokens.append(Token(m.group(), m.start() + offset, m.end() + offset, m.lastgroup or "sym",
                            m.start() != prev_end))
        prev_end = m.end()
    return tokens


MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_TIME_WORDS = frozenset({"am", "pm", "gmt", "bst", "utc", "edt", "est", "cet", "cest", "pdt", "pst", "et", "pt",
                         "hrs", "o'clock", "o’clock", "local", "msk"})
_SCORE_WORDS = frozenset({"won", "win", "wins", "beat", "beats", "lost", "lose", "loses", "drew", "draw", "defeat",
                          "defeated", "victory", "aggregate", "score", "scoreline", "trailed", "led", "leads",
                          "vote", "voted", "votes", "margin", "thrashed", "edged", "tied", "tie", "lead",
                          "leading", "trailing", "game", "inning", "innings", "sets", "halftime", "half-time",
                          "final", "down", "ruling", "decision", "majority", "match", "series"})

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
                        "lower down dipped dip eased ease cut cuts shrank shrink slumped slump retreated".split())

# Words that end the search for a counted noun after a number.
_STOP = frozenset(
    "a an the of and or but to in on at for by with from into onto than as is was were are be been being has "
    "have had will would could should may might can do does did this that these those which who whom whose "
    "it its it's their there they them he she his her we our you your i me my not no so if then when while "
    "per each every more less most least much many few other another such all both either neither same only "
    "also just even still yet ago later earlier before after since until till during about around over under "
    "up down out off again back away here now then percent cent times time".split()
)
# Adjectives that may stand between a number and its counted noun ("30,000 more troops").
_SKIPPABLE = frozenset(
    "new more additional extra other further fresh young old small large big major minor local foreign active "
    "armed registered eligible full part-time full-time confirmed reported estimated total civilian military "
    "russian ukrainian american british european chinese".split()
)
# Nouns that count things though they do not end in -s.
_IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle sheep fish aircraft deer feet teeth geese mice "
    "livestock troops crew infantry clergy".split()
)


@dataclass(frozen=True)
class _Number:
    value: float
    first: int  # token index of the first token of the number (after any currency/sign)
    last: int  # token index of the last token
    decimals: int
    scaled: bool  # a scale word or suffix was applied
    kind: str  # 'digits', 'words' or 'vague'
    high: float | None = None  # for vague amounts
    scale_unit: str = ""  # a unit carried by the suffix, e.g. "5km", "20%"
    scale_unit_last: int = -1


@dataclass
class _Draft:
    """A quantity being assembled; turned into a Claim at the end."""

    first: int
    last: int
    value: float
    decimals: int
    unit: str = ""
    unit_text: str = ""
    currency: str = ""
    qualifier: str = "exact"
    high: float | None = None
    kind: str = "digits"
    scaled: bool = False


def extract_claims(text: str) -> list[Claim]:
    """Every numeric claim in `text`, in reading order, with offsets into `text`."""
    claims: list[Claim] = []
    for start, end in split_sentences(text):
        claims.extend(_without_dating_years(list(_sentence_claims(text, start, end))))
    return claims


# Verbs that make a year the claim itself: "annexed in 2014", "founded in 1998".
_EVENT_BEFORE_YEAR = re.compile(
    r"\b(?:annex\w*|seiz\w*|invad\w*|invasion|founded|establish\w*|born|died|signed|elected|launched|built|opened|"
    r"closed|became|joined|independen\w*|began|started|ended|introduced|created|formed|captured|occupied|"
    r"released|published|acquired|merged|incorporated|declared|abolished|enacted|ratified|collapsed|"
    r"discovered|invented|killed|won|lost|took|took over|came|fell|since|until)\b"
    r"(?:\W+\w+){0,4}?\W+$",
    re.IGNORECASE,
)


def _without_dating_years(claims: list[Claim]) -> list[Claim]:
    """A year that only dates another figure of the sentence ("grew 3% in 2019") is the
    figure's time, not a claim of its own; a year that dates an event ("annexed in 2014")
    or stands alone is kept."""
    if not any(c.unit != "year" for c in claims):
        return claims
    kept = []
    for c in claims:
        if c.unit == "year":
            before = c.sentence[max(0, c.start - c.sentence_start - 60):c.start - c.sentence_start]
            if not _EVENT_BEFORE_YEAR.search(before):
                continue
        kept.append(c)
    return kept


def _sentence_claims(text: str, start: int, end: int) -> Iterator[Claim]:
    sentence = text[start:end]
    if not _HAS_NUMBER.search(sentence):
        return
    tokens = tokenize(sentence, start)
    for draft in _scan(tokens):
        s, e = tokens[draft.first].start, tokens[draft.last].end
        if draft.kind == "vague":
            qualifier = "vague"
        else:
            qualifier = draft.qualifier
        unit = draft.currency or draft.unit
        yield Claim(
            text=text[s:e],
            start=s,
            end=e,
            sentence=sentence,
            sentence_start=start,
            value=draft.value,
            unit=unit,
            qualifier=qualifier,  # type: ignore[arg-type]
            value_high=draft.high,
            decimals=draft.decimals,
            unit_text=draft.unit_text,
            change=_change(tokens, draft.first),
        )


# Cheap pre-check: most sentences of an article hold no number at all.
_HAS_NUMBER = re.compile(
    r"\d|[½⅓⅔¼¾⅕⅛]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores of|tens of|half|halves|"
    r"thirds?|quarters?|fourths?|fifths?|tenths?|\w+-?fold)\b",
    re.IGNORECASE,
)


def _scan(tokens: list[Token]) -> Iterator[_Draft]:
    i = 0
    n = len(tokens)
    while i < n:
        drafts, nxt = _quantity_at(tokens, i)
        yield from drafts
        i = max(nxt, i + 1)


def _quantity_at(tokens: list[Token], i: int) -> tuple[list[_Draft], int]:
    """The quantities starting at token i (two for "from X to Y"), and the next index."""
    sign, at = _sign_at(tokens, i)
    currency, num_at = _currency_before_number(tokens, at)
    if currency and num_at < len(tokens) and tokens[num_at].text in "-−" and sign == 1.0:
        sign, num_at = _sign_at(tokens, num_at)  # "$-50.8bn"
    num = _share_of_scale(tokens, num_at) or _fraction_at(tokens, num_at) or _number_at(tokens, num_at)
    if num is None:
        return [], i
    if _not_a_quantity(tokens, num, has_currency=bool(currency)):
        return [], _past_glued_chain(tokens, num.last)
    draft = _draft(tokens, i, num, currency)
    if sign < 0:
        draft.value = -draft.value
    if _is_calendar_year(tokens, num, draft):
        if _year_in_name(tokens, num):
            return [], _after(draft)
        draft.unit, draft.unit_text, draft.decimals = "year", "", 0
        return _maybe_year_range(tokens, draft), _after(draft)
    _read_unit(tokens, draft)
    pair = _range_after(tokens, draft)
    if pair is not None:
        return pair, _after(pair[-1])
    _read_trailing_qualifier(tokens, draft)
    if draft.qualifier == "exact":
        draft.qualifier = _qualifier_before(tokens, draft.first)
    return [draft], _after(draft)


def _sign_at(tokens: list[Token], i: int) -> tuple[float, int]:
    """A minus sign before a number: '-5 yards', 'minus 387 Fahrenheit', 'minus-1.4 degrees', 'Stoxx -1.3%'.

    A hyphen counts only when it stands apart from what precedes it, so '10-20' stays a range."""
    n = len(tokens)
    t = tokens[i]
    if t.text in ("-", "−") and i + 1 < n and not tokens[i + 1].spaced and (
            i == 0 or t.spaced or tokens[i - 1].text in "(:[$£€") and (
            tokens[i + 1].kind == "num" or tokens[i + 1].text in "$£€"):
        return -1.0, i + 1
    if t.low == "minus" and i + 1 < n:
        j = i + 1
        if tokens[j].text == "-" and not tokens[j].spaced and j + 1 < n:
            j += 1
        if tokens[j].kind == "num" or tokens[j].text in "$£€":
            return -1.0, j
    return 1.0, i


def _past_glued_chain(tokens: list[Token], last: int) -> int:
    """After a number that is not a quantity, skip what is glued to it: '-2' in 'ISO 3888-2',
    '-09-01' in a timestamp, '-24' in 'Sept. 20-24'."""
    k = last + 1
    n = len(tokens)
    while k + 1 < n and tokens[k].text in ("-", "–", "/", ".", ":") and not tokens[k].spaced \
            and tokens[k + 1].kind == "num" and not tokens[k + 1].spaced:
        k += 2
    return k


def _after(d: _Draft) -> int:
    return d.last + 1


def _draft(tokens: list[Token], first: int, num: _Number, currency: str) -> _Draft:
    d = _Draft(first=first, last=num.last, value=num.value, decimals=num.decimals, currency=currency,
               high=num.high, kind=num.kind, scaled=num.scaled)
    if num.kind == "fraction":
        d.unit = "fraction"
    elif num.kind == "times":
        d.unit, d.kind = "times", "words"
    if num.scale_unit:
        d.unit, d.unit_text, d.last = num.scale_unit, _span_text(tokens, num.last, num.scale_unit_last), \
            num.scale_unit_last
    return d


# --- numbers --------------------------------------------------------------------------


def _currency_before_number(tokens: list[Token], i: int) -> tuple[str, int]:
    """A currency written before the number ("$", "US$", "£", "Rs", "€"), and where the number starts."""
    t = tokens[i]
    n = len(tokens)
    if t.kind == "sym" and t.text in "$£€¥₹₽₴₩₪":
        # "US$", "HK$", "C$": the letters come before the symbol, handled when the scan is at them.
        code = CURRENCY_SYMBOLS[t.text]
        j = i + 1
        if t.text == "$" and j < n and not tokens[j].spaced and tokens[j].text in ("US", "A", "C", "NZ"):
            code = CURRENCY_SYMBOLS.get("$" + tokens[j].text, code)
            j += 1
        if j < n and (tokens[j].kind == "num" or tokens[j].low in ("a", "one") or tokens[j].low in NUMBER_WORDS):
            return code, j
        return "", i
    if t.kind == "word" and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if i + 2 < len(tokens) and nxt.text == "$" and not nxt.spaced and t.text in ("US", "C", "A", "AU", "CA", "HK", "NZ", "S", "NT", "R"):
            if tokens[i + 2].kind == "num":
                return CURRENCY_SYMBOLS.get(t.text + "$", "USD"), i + 2
        if (t.text in ("Rs", "RM") or t.text in CURRENCY_CODES) and tokens[i + 1].kind == "num":
            return CURRENCY_SYMBOLS.get(t.text, t.text), i + 1
        if t.text == "Y" and tokens[i + 1].kind == "num" and not tokens[i + 1].spaced:
            return "JPY", i + 1
        # wire copy writes the yen sign as "Y=": "Y=590 billion"
        if t.text == "Y" and tokens[i + 1].text == "=" and i + 2 < len(tokens) and tokens[i + 2].kind == "num":
            return "JPY", i + 2
    return "", i


def _number_at(tokens: list[Token], i: int) -> _Number | None:
    if i >= len(tokens):
        return None
    t = tokens[i]
    if t.kind == "num":
        return _digits_number(tokens, i)
    if t.kind == "word":
        return _word_number(tokens, i)
    return None


def _digits_number(tokens: list[Token], i: int) -> _Number:
    if tokens[i].text in VULGAR_FRACTIONS:
        of = i + 1 < len(tokens) and tokens[i + 1].low == "of"  # "½ of the budget" is a share
        return _Number(VULGAR_FRACTIONS[tokens[i].text], i, i, 2, False, "fraction" if of else "digits")
    value, decimals = parse_digits(tokens[i].text)
    mixed = _mixed_fraction(tokens, i, value)
    if mixed is not None:
        return mixed
    last = i
    scaled = False
    n = len(tokens)
    special = _scientific(tokens, i, value) or _digit_fraction(tokens, i)
    if special is not None:
        return special
    nxt = tokens[i + 1] if i + 1 < n else None
    if nxt is not None and nxt.kind == "word" and not nxt.spaced:
        # "3.2bn", "£2m", "10k" - but "5m tall" is metres: decided by what follows.
        if nxt.text in SCALE_SUFFIXES and _suffix_is_scale(tokens, i + 1):
            return _Number(scale(value, SCALE_SUFFIXES[nxt.text]), i, i + 1,
                           scaled_precision(decimals, SCALE_SUFFIXES[nxt.text]), True, "digits")
        unit = _adjacent_unit(tokens, i + 1)
        if unit is not None:
            return _Number(value, i, i, decimals, False, "digits", scale_unit=unit[0], scale_unit_last=unit[1])
    elif nxt is not None and nxt.kind == "word" and nxt.low in SCALE_WORDS:
        factor = SCALE_WORDS[nxt.low]
        value = scale(value, factor)
        decimals = scaled_precision(decimals, factor)
        last = i + 1
        scaled = True
        # "1.5 million", and the rarer "2 hundred thousand"
        if last + 1 < n and tokens[last + 1].low in ("thousand", "million", "billion") and factor == 100:
            scale2 = SCALE_WORDS[tokens[last + 1].low]
            value = scale(value, scale2)
            decimals = scaled_precision(decimals, scale2)
            last += 1
    elif nxt is not None and nxt.text == "%":
        return _Number(value, i, i, decimals, False, "digits", scale_unit="percent", scale_unit_last=i + 1)
    return _Number(value, i, last, decimals, scaled, "digits")


VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}


def _mixed_fraction(tokens: list[Token], i: int, whole: float) -> _Number | None:
    """'2½ years', '7 3/4 per cent', '101 1/4': a whole number and a fraction of one."""
    n = len(tokens)
    if not tokens[i].text.isdigit() or i + 1 >= n:
        return None
    nxt = tokens[i + 1]
    if nxt.text in VULGAR_FRACTIONS:
        return _Number(whole + VULGAR_FRACTIONS[nxt.text], i, i + 1, 2, False, "digits")
    frac = _digit_fraction(tokens, i + 1) if nxt.kind == "num" and nxt.spaced else None
    if frac is not None and tokens[i + 3].text in ("2", "4", "8", "16", "32", "3"):
        return _Number(whole + frac.value, i, frac.last, 2, False, "digits")
    return None


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _scientific(tokens: list[Token], i: int, mantissa: float) -> _Number | None:
    """'1.99×10−30', '2.998 x 10^8', '6.02×10²³'."""
    n = len(tokens)
    if not (i + 2 < n and tokens[i + 1].low in ("×", "x", "*") and tokens[i + 2].text == "10"):
        return None
    k = i + 3
    if k < n and tokens[k].text == "^":
        k += 1
    sign = 1
    if k < n and tokens[k].text in ("-", "−", "⁻"):
        sign, k = -1, k + 1
    if k < n and tokens[k].text.translate(_SUPERSCRIPTS).isdigit() and not tokens[k].spaced:
        exp = sign * int(tokens[k].text.translate(_SUPERSCRIPTS))
        value = float(f"{mantissa}e{exp}")
        return _Number(value, i, k, 0, True, "digits")
    return None


def _digit_fraction(tokens: list[Token], i: int) -> _Number | None:
    """'1/16 of a pint', '1⁄2 pound': a fraction written with digits (not a date like 9/11/2001)."""
    n = len(tokens)
    if not (i + 2 < n and tokens[i + 1].text in ("/", "⁄") and not tokens[i + 1].spaced
            and tokens[i + 2].kind == "num" and not tokens[i + 2].spaced):
        return None
    a, b = tokens[i].text, tokens[i + 2].text
    if not (a.isdigit() and b.isdigit()) or i + 3 < n and tokens[i + 3].text in ("/", "⁄"):
        return None
    num, den = int(a), int(b)
    # Fractions have the usual denominators; "9/11" or "24/7" are names and idioms.
    if not 0 < num < den or den not in _DENOMINATORS or (i > 0 and tokens[i - 1].text in "$£€"):
        return None
    return _Number(num / den, i, i + 2, 0, False, "digits")


_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128, 1000})
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
              "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
              "tenth": 10, "tenths": 10}


def _fraction_at(tokens: list[Token], i: int) -> _Number | None:
    """'a third of', 'one-fifth of', 'two-thirds of', 'half the': shares written as words.

    Ordinals are left alone: 'the third round' has no 'a'/'one' before it and no 'of' after."""
    n = len(tokens)
    if i >= n:
        return None
    t = tokens[i]
    low = t.low
    prev = tokens[i - 1].low if i > 0 else ""
    if low in ("half",) and prev not in ("first", "second", "the", "other", "in", "a", "an", "and", "one"):
        nxt = tokens[i + 1].low if i + 1 < n else ""
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all"):
            return _Number(0.5, i, i, 2, False, "fraction")
        return None
    ratio = _ratio_at(tokens, i)
    if ratio is not None:
        return ratio
    if low.endswith("fold") and low[:-4].rstrip("-") in ONES | TENS.keys():
        return _Number(float(words_value([low[:-4].rstrip("-")]) or 0), i, i, 0, False, "times")
    if low in ("a", "an", "one") or low in ONES:
        j = i + 1
        if j < n and tokens[j].text == "-" and not tokens[j].spaced:
            j += 1
        if j >= n or tokens[j].low not in _FRACTIONS:
            return None
        frac = tokens[j].low
        count = 1 if low in ("a", "an") else ONES[low]
        plural = frac.endswith("s") and frac != "halves"
        if (count > 1) != plural and not (count == 1 and frac in ("half",)):
            return None
        after = tokens[j + 1].low if j + 1 < n else ""
        before = tokens[i - 1].low if i > 0 else ""
        # "a third of voters", "two-thirds majority", "grew by a fifth": a share, not an ordinal
        if after != "of" and before not in ("by", "than", "nearly", "almost", "about", "around") and \
                not (tokens[j - 1].text == "-" and after not in ("", "round", "time", "place")):
            return None
        return _Number(count / _FRACTIONS[frac], i, j, 2, False, "fraction")
    return None


def _ratio_at(tokens: list[Token], i: int) -> _Number | None:
    """'one in five adults', '3 out of 10 voters': a share written as a ratio."""
    n = len(tokens)
    a = _small_whole(tokens[i])
    if a is None:
        return None
    j = i + 1
    if j + 1 < n and tokens[j].low == "out" and tokens[j + 1].low == "of":
        j += 2
    elif j < n and tokens[j].low == "in":
        j += 1
    else:
        return None
    if j >= n:
        return None
    b = _small_whole(tokens[j])
    if b is None or not 0 < a < b or j + 1 >= n or tokens[j + 1].kind != "word" or tokens[j + 1].low in _STOP \
            or tokens[j + 1].low in MONTHS:
        return None
    return _Number(a / b, i, j, 2, False, "fraction")


def _small_whole(t: Token) -> int | None:
    if t.kind == "num" and t.text.isdigit() and int(t.text) <= 1000:
        return int(t.text)
    if t.low in ONES and t.low != "zero":
        return ONES[t.low]
    if t.low in TENS:
        return TENS[t.low]
    return None


def _suffix_is_scale(tokens: list[Token], j: int) -> bool:
    """After digits, is 'm' (or 'b', 'k') a scale rather than a unit (metres)?"""
    suffix = tokens[j].text
    if suffix != "m":
        return suffix not in ("T",) or _currency_context(tokens, j)
    if _currency_context(tokens, j):
        return True
    # Lower-case "m" is metres in "100m sprint", "a 2m-high wall", "jumped 8m."; million before a noun.
    follow = tokens[j + 1] if j + 1 < len(tokens) else None
    if follow is None or follow.kind != "word":
        return False
    return follow.low not in _METRE_CONTEXT


_METRE_CONTEXT = frozenset("tall high long wide deep away above below sprint hurdles freestyle race dash "
                           "backstroke breaststroke butterfly relay square cubic run swim metres meters".split())


def _currency_context(tokens: list[Token], j: int) -> bool:
    """Money is written just before the number ("$3", "£2") or named just after ("2m euros")."""
    k = j - 1
    while k >= 0 and tokens[k].kind == "num":
        k -= 1
    if k >= 0 and (tokens[k].text in "$£€¥₹₽₴₩₪" or tokens[k].text in ("Rs", "RM") or
                   tokens[k].text in CURRENCY_CODES):
        return True
    return j + 1 < len(tokens) and tokens[j + 1].low in CURRENCY_WORDS and tokens[j + 1].low not in ("p", "won")


def _adjacent_unit(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A unit written straight after the digits: '5km', '20mph', '30C', '50p', '5pc'."""
    t = tokens[j]
    words = [t.text]
    # "5km/h", "5sq km" are rare; the common cases are single tokens.
    if j + 2 < len(tokens) and tokens[j + 1].text == "/" and not tokens[j + 1].spaced:
        words = [t.text + "/" + tokens[j + 2].text]
        found = lookup_unit(words)
        if found:
            return found[0].canonical, j + 2
        words = [t.text]
    found = lookup_unit(words)
    if found:
        return found[0].canonical, j
    longer = _unit_words(tokens, j)  # "3923sq m"
    if longer is not None and longer[1] > j:
        return longer
    if t.text in ("C", "F") or t.text in ("ºC", "ºF"):
        return ("°C" if t.text.endswith("C") else "°F"), j
    if t.text == "p":
        return "GBX", j
    if t.low in CURRENCY_WORDS and t.low not in ("won", "real", "rand"):
        return CURRENCY_WORDS[t.low], j
    return None


def _word_number(tokens: list[Token], i: int) -> _Number | None:
    t = tokens[i]
    low = t.low
    n = len(tokens)
    if low in VAGUE_SCALES or (low == "tens" and i + 2 < n and tokens[i + 1].low == "of"):
        return _vague_number(tokens, i)
    if low in ("several", "few", "many") and i + 1 < n and tokens[i + 1].low in ("hundred", "thousand", "million",
                                                                                 "billion", "dozen"):
        # "several thousand", "a few hundred": between two (or three) and nine of the scale
        factor = SCALE_WORDS.get(tokens[i + 1].low, 12)
        return _Number((2 if low == "few" else 3) * factor, i, i + 1, 0, True, "vague", high=9 * factor)
    if low in ("a", "an") and i + 1 < n:
        nxt = tokens[i + 1].low
        if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            value = 12.0 if nxt == "dozen" else SCALE_WORDS[nxt]
            return _Number(value, i, i + 1, -len(str(int(value))) + 1 if value >= 10 else 0, True, "words")
        return None
    if low not in ONES and low not in TENS:
        return None
    words: list[str] = []
    last = i
    j = i
    while j < n:
        w = tokens[j].low
        if w in NUMBER_WORDS:
            words.append(w)
            last = j
            j += 1
        elif w == "-" and not tokens[j].spaced and j + 1 < n and not tokens[j + 1].spaced \
                and tokens[j + 1].low in ONES and words and words[-1] in TENS:
            j += 1
        elif w == "and" and words and words[-1] in ("hundred", "thousand") and j + 1 < n \
                and tokens[j + 1].low in NUMBER_WORDS:
            words.append(w)
            j += 1
        else:
            break
    # "one" alone is usually a pronoun ("one of them", "no one"): see _lone_one.
    value = words_value(words)
    if value is None:
        return None
    scaled = any(w in ("hundred", "thousand", "million", "billion", "trillion") for w in words)
    # Also "two million" spelled with digits scale after: "five 000"? no. Digits-word mixes are rare.
    decimals = 0
    if scaled:
        v = int(value)
        decimals = -(len(str(v)) - len(str(v).rstrip("0")))
    return _Number(value, i, last, decimals, scaled, "words")


_SHARES = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_BIG_SCALES = ("million", "billion", "trillion")


def _share_of_scale(tokens: list[Token], i: int) -> _Number | None:
    """'half a million', 'a quarter million', 'three quarters of a billion': a share of a scale word."""
    n = len(tokens)
    j, count = i, 1.0
    if i >= n or tokens[i].kind != "word":
        return None
    if tokens[j].low in ("a", "an") and j + 1 < n and tokens[j + 1].low in ("quarter", "half"):
        j += 1
    elif tokens[j].low in ONES and j + 1 < n and tokens[j + 1].low == "quarters":
        count, j = float(ONES[tokens[j].low]), j + 1
    if tokens[j].low not in _SHARES:
        return None
    share = _SHARES[tokens[j].low] * count
    k = j + 1
    while k < n and tokens[k].low in ("a", "an", "of"):
        k += 1
    if k >= n or tokens[k].low not in (*_BIG_SCALES, "dozen") or k - j > 3:
        return None
    factor = 12.0 if tokens[k].low == "dozen" else SCALE_WORDS[tokens[k].low]
    return _Number(scale(share, factor), i, k, scaled_precision(2, factor), True, "words")


def _vague_number(tokens: list[Token], i: int) -> _Number:
    """'hundreds', 'tens of thousands', 'hundreds of millions': an order of magnitude, not a figure."""
    n = len(tokens)
    low = tokens[i].low
    if low == "tens":
        lo, hi = 10.0, 100.0
    else:
        lo, hi = VAGUE_SCALES[low]
    last = i
    # "hundreds of thousands": multiply by the next scale.
    if i + 2 < n and tokens[i + 1].low == "of" and tokens[i + 2].low in ("thousands", "millions", "billions"):
        mult = VAGUE_SCALES[tokens[i + 2].low][0]
        lo, hi = lo * mult, hi * mult
        last = i + 2
    return _Number(lo, i, last, 0, True, "vague", high=hi)


# --- what is not a quantity -------------------------------------------------------------


def _not_a_quantity(tokens: list[Token], num: _Number, has_currency: bool) -> bool:
    i, last = num.first, num.last
    t = tokens[i]
    n = len(tokens)
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[last + 1] if last + 1 < n else None
    if num.kind == "vague":
        # "scores" is only vague before "of"; "dozens of", "hundreds of", "thousands" are fine.
        return t.low == "scores" and not (nxt and nxt.low == "of")
    if num.kind == "words":
        return _word_number_is_not_quantity(tokens, num)
    if num.kind in ("fraction", "times") or t.text in VULGAR_FRACTIONS:
        return False
    if has_currency:
        return False
    # Code and markup pasted with an article: "window.x=1", "width=300", "<h2>".
    if prev is not None and prev.text in ("=", "<", "_") and not t.spaced:
        return True
    # Ordinals: "4th", "22nd".
    if nxt is not None and not nxt.spaced and nxt.low in _ORDINAL_SUFFIXES and last == i:
        return True
    # Decades: "the 1990s", "the '80s".
    if nxt is not None and not nxt.spaced and nxt.text == "s" and last == i:
        return True
    # Clock times: "2.15pm", "12:01 a.m.", "0401 GMT", "9 am".
    if _is_clock_time(tokens, i, last):
        return True
    # Identifiers: "G7", "MH17", "COVID-19", "F-35", "Su-34".
    if _is_identifier(tokens, i):
        return True
    # Dates: "24 February", "February 24", "Feb. 24".
    if _is_day_of_month(tokens, i, last):
        return True
    # Scores and votes: "won 3-1", "ended 2-2 on aggregate", "a 5-4 vote".
    if _is_score(tokens, i, last):
        return True
    # "No. 10", "number 10", "#1", "page 4"
    if prev is not None and (prev.text == "#" or prev.low in ("no", "nos", "number", "page", "pages", "line",
                                                                "chapter", "article", "section", "figure", "table",
                                                                "room", "flight", "route", "platform", "gate",
                                                                "version", "season", "episode", "level", "tier",
                                                                "grade", "phase", "stage", "round", "week",
                                                                "category", "class", "division", "type", "part",
                                                                "unit", "item", "exhibit", "appendix", "annex",
                                                                "clause", "paragraph", "rule", "zone", "amendment",
                                                                "proposition", "prop", "channel", "bus", "apt",
                                                                "suite", "floor", "lot", "block", "resolution",
                                                                "highway", "exit", "interstate", "junction",
                                                                "resolutions", "bill", "decree", "directive",
                                                                "regulation", "convention", "protocol")):
        if prev.text == "#" or not num.scaled:
            return True
    if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].low in ("no", "nos", "vol", "p", "pp"):
        return True
    # A number glued to a word after it that is no unit: "3D", "5G", "4x4".
    if nxt is not None and not nxt.spaced and nxt.kind == "word" and last == i and not num.scale_unit \
            and nxt.text not in SCALE_SUFFIXES and nxt.low not in ("s",):
        return True
    # Parts of a phone number, postcode or version: "1.2.3", "020 7946"
    if nxt is not None and nxt.text == "." and not nxt.spaced and last + 2 < n and tokens[last + 2].kind == "num" \
            and not tokens[last + 2].spaced:
        return True
    if prev is not None and prev.text == "." and not prev.spaced and not t.spaced and i >= 2 \
            and tokens[i - 2].kind == "num" and not prev.spaced:
        return True
    # "9/11", "24/7": digits joined by a slash that are no fraction (those are read
    # earlier) name a date or an idiom; "2019/20" is a season, read as its first year.
    if nxt is not None and nxt.text == "/" and not nxt.spaced and last + 2 < n and tokens[last + 2].kind == "num" \
            and not tokens[last + 2].spaced and not (len(t.text) == 4 and len(tokens[last + 2].text) == 2):
        return True
    # "24/02/2022": a date written with slashes
    if nxt is not None and nxt.text == "/" and not nxt.spaced and last + 3 < n and tokens[last + 2].kind == "num" \
            and tokens[last + 3].text == "/" and not tokens[last + 3].spaced:
        return True
    # "2019/20" seasons: the part after the slash.
    if prev is not None and prev.text == "/" and not t.spaced and i >= 2 and tokens[i - 2].kind == "num":
        return True
    # "Model 3", "Boeing 737", "Windows 10", "S&P 500": a bare integer naming something.
    if _is_model_number(tokens, num):
        return True
    bare = last == i and t.text.isdigit()
    if bare and len(t.text) > 1 and t.text.startswith("0"):
        return True  # "007", "Entity 000042": codes are written with leading zeros, amounts are not
    if bare and _is_address(tokens, i):
        return True
    if bare and nxt is not None and nxt.low in _PRODUCT_SUFFIXES and nxt.text[0].isupper():
        return True  # "11 Pro Max": a name, not an amount
    if bare and prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return True  # a shirt number or list marker: "(4)"
    # ISO dates and timestamps: "2019-09-01"
    if last + 2 < n and nxt is not None and nxt.text == "-" and not nxt.spaced and len(t.text) == 4 \
            and tokens[last + 2].kind == "num" and len(tokens[last + 2].text) == 2 and last + 3 < n \
            and tokens[last + 3].text == "-" and not tokens[last + 3].spaced:
        return True
    return False


def _word_number_is_not_quantity(tokens: list[Token], num: _Number) -> bool:
    i, last = num.first, num.last
    n = len(tokens)
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[last + 1] if last + 1 < n else None
    words = [tokens[k].low for k in range(i, last + 1)]
    # "a hundred", "a dozen" are fine; "a" alone never gets here.
    if words == ["one"]:
        if prev in ("no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "everyone", "same",
                    "only", "last", "another", "such", "little", "big", "a", "number", "no.", "day", "one"):
            return True
        if nxt is None or nxt.kind != "word":
            return True
        if lookup_unit([nxt.text]) or nxt.low in ("per", "percent"):
            return False  # "one per cent", "one mile"
        # "one of them", "one day", "one another": idioms and pronouns, not a count
        return nxt.low in _STOP or nxt.low in _ONE_IDIOMS or not nxt.text.islower()
    # "two-thirds", "one-third": fractions read elsewhere; "one-off", "two-way": compounds.
    if nxt is not None and nxt.text == "-" and not nxt.spaced and last + 2 < n:
        follow = tokens[last + 2].low
        if follow in ("third", "thirds", "quarter", "quarters", "fifth", "fifths", "half", "off", "way", "time",
                      "sided", "party", "state", "horse", "man"):
            return True
    # "twenty-first century" is an ordinal
    if nxt is not None and nxt.low in ("first", "second", "third"):
        return True
    return False


_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}
def _plural(word: str) -> str:
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


_ONE_IDIOMS = frozenset("day time way thing side another's who whose reason example problem issue question "
                        "thing such else".split())


def _is_clock_time(tokens: list[Token], i: int, last: int) -> bool:
    n = len(tokens)
    nxt = tokens[last + 1] if last + 1 < n else None
    if nxt is None:
        return False
    if nxt.low in _TIME_WORDS:
        return True
    if nxt.text == ":" and not nxt.spaced and last + 2 < n and tokens[last + 2].kind == "num":
        return True
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.text == ":" and not prev.spaced and i >= 2 and tokens[i - 2].kind == "num":
        return True
    # "a.m." / "p.m."
    if nxt.low in ("a", "p") and last + 2 < n and tokens[last + 2].text == "." and last + 3 < n \
            and tokens[last + 3].low == "m":
        return True
    return False


def _is_identifier(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if t.spaced or i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word":
        return True  # "G7", "MH17", "A380"
    if prev.text in ("-", "/", ".") and i >= 2 and not prev.spaced:
        before = tokens[i - 2]
        if before.kind == "word" and any(c.isupper() for c in before.text):
            return True  # "COVID-19", "F-35", "Su-34"
    return False


def _is_day_of_month(tokens: list[Token], i: int, last: int) -> bool:
    t = tokens[i]
    if "." in t.text or "," in t.text or last != i:
        return False
    value = float(t.text)
    if not 1 <= value <= 31:
        return False
    n = len(tokens)
    nxt = tokens[i + 1] if i + 1 < n else None
    if nxt is not None and nxt.low in MONTHS:
        return True
    if nxt is not None and nxt.low == "of" and i + 2 < n and tokens[i + 2].low in MONTHS:
        return True
    # "from 3 to 7 June", "24-26 February": the first day of a span of days
    if nxt is not None and nxt.low in ("-", "–", "to", "and") and i + 3 < n and tokens[i + 2].kind == "num" \
            and tokens[i + 3].low in MONTHS:
        return True
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.low in MONTHS:
        return True
    if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].low in MONTHS:
        return True
    return False


def _is_score(tokens: list[Token], i: int, last: int) -> bool:
    n = len(tokens)

    # X-Y with both small integers, glued by a hyphen or dash
    def small(k: int) -> bool:
        return 0 <= k < n and tokens[k].kind == "num" and tokens[k].text.isdigit() and int(tokens[k].text) <= 200

    pair = None
    if last + 2 < n and tokens[last + 1].text in ("-", "–") and small(last + 2) and small(i):
        pair = (i, last + 2)
    elif i >= 2 and tokens[i - 1].text in ("-", "–") and small(i - 2) and small(i):
        pair = (i - 2, i)
    if pair is None:
        return False
    lo, hi = pair
    window = [tokens[k].low for k in range(max(0, lo - 4), min(n, hi + 4))]
    return any(w in _SCORE_WORDS for w in window)


_SENTENCE_OPENERS = frozenset("only just nearly almost around roughly another all some over under about "
                               "exactly precisely fully barely merely perhaps maybe between from with for by in "
                               "on at to after before since until of than like across among within without "
                               "through during against despite toward towards upon via plus minus below above "
                               "beyond up down still yet".split())
_INDEX_NAMES = frozenset({"p", "sp", "nasdaq", "ftse", "stoxx", "dax", "cac", "nikkei", "asx", "russell", "sensex",
                          "nifty", "kospi", "topix", "ibex", "aex", "smi", "tsx"})
_PRODUCT_SUFFIXES = frozenset({"pro", "max", "plus", "mini", "ultra", "lite", "se", "edition", "series", "xl"})
_STREET_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "way", "lane", "drive", "boulevard",
                           "blvd", "place", "court", "terrace", "crescent", "highway", "zip", "postcode"})


def _is_address(tokens: list[Token], i: int) -> bool:
    """'10 Downing Street', '9 E 71st St', '90049 ZIP Code': house numbers and postcodes."""
    n = len(tokens)
    for k in range(i + 1, min(n, i + 6)):
        t = tokens[k]
        if t.low in _STREET_WORDS and t.text[0].isupper():
            return True
        if not (t.kind == "num" or (t.kind == "word" and (t.text[0].isupper() or t.low in _ORDINAL_SUFFIXES))):
            return False
    return False


def _is_model_number(tokens: list[Token], num: _Number) -> bool:
    i = num.first
    t = tokens[i]
    if i == 0 or num.scaled or "," in t.text or "." in t.text or num.last != i:
        return False
    prev = tokens[i - 1]
    if prev.low in _INDEX_NAMES:
        return True  # "S&P 500", "sp 500", "FTSE 100"
    if prev.kind != "word" or not any(c.isupper() for c in prev.text) or prev.low in MONTHS:
        return False
    if i - 1 == 0 and (prev.low in _STOP or prev.low in QUALIFIER_PHRASES or prev.low in _SENTENCE_OPENERS):
        return False  # "Only 5 people", "Nearly 40 firms": a capital that just starts the sentence
    if prev.text in CURRENCY_SYMBOLS or prev.text in CURRENCY_CODES or prev.low in QUALIFIER_PHRASES:
        return False
    if 1800 <= float(t.text) <= 2100:
        return False  # "Spring 2024", "Euro 2024": years are read as years
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and (nxt.text == "%" or lookup_unit([nxt.text]) or nxt.low in ("per", "percent")):
        return False
    if nxt is not None and nxt.low in ("people", "of", "percent", "per", "years"):
        return False
    # the capitalised word names the thing: "Boeing 737", "iPhone 11", "Windows 10", "Fortune 500"
    return prev.low not in ("and", "or")


# --- years ----------------------------------------------------------------------------

_YEAR_BEFORE = frozenset(
    "in since by from until till to after before during of early late mid end start beginning year years "
    "between and circa spring summer autumn fall winter january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec fiscal "
    "fy class season election census budget as the for on".split()
)


def _is_calendar_year(tokens: list[Token], num: _Number, draft: _Draft) -> bool:
    t = tokens[num.first]
    if num.kind != "digits" or num.last != num.first or not t.text.isdigit() or len(t.text) != 4:
        return False
    if draft.currency or draft.unit:
        return False
    value = int(t.text)
    if not 1000 <= value <= 2100:
        return False
    n = len(tokens)
    nxt = tokens[num.last + 1] if num.last + 1 < n else None
    # "2000 people", "1500 km": counted or measured, not a year; "2018 sales" is a year.
    if nxt is not None and nxt.kind == "word" and (lookup_unit([nxt.text]) or nxt.low in _IRREGULAR_PLURALS
                                                   or (_looks_counted(nxt.low) and not 1900 <= value <= 2100)):
        return False
    prev = tokens[num.first - 1].low if num.first > 0 else ""
    if prev in QUALIFIER_PHRASES and prev not in ("around", "about", "over", "under", "towards", "above",
                                                   "below", "since", "before"):
        return False
    if value >= 1800:
        return True
    # Before 1800 a bare number is more often an amount: only a clear preposition makes it a year.
    return prev in ("in", "since", "from", "until", "till", "circa", "during", "ad", "bc")


_YEAR_FOLLOWERS = frozenset("elections election census season games olympics levels figures prices levels "
                            "budgets accords talks".split())


def _year_in_name(tokens: list[Token], num: _Number) -> bool:
    """'Euro 2020', 'the Consumer Credit Act 1974', 'a 2020 Escape hybrid', 'the 2019 Ballon d'Or':
    the year is part of a name or a model, not a date the article asserts."""
    i = num.first
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.kind == "word" and prev.text[0].isupper() and i - 1 > 0 \
            and prev.low not in MONTHS and prev.low not in _SEASONS and prev.low not in _STOP \
            and prev.low not in _SENTENCE_OPENERS:
        return True
    return prev is not None and prev.low in ("a", "an", "the", "this", "his", "her", "their", "its") \
        and nxt is not None and nxt.kind == "word" and nxt.text[0].isupper() and nxt.low not in MONTHS


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter", "christmas", "easter"})


def _maybe_year_range(tokens: list[Token], draft: _Draft) -> list[_Draft]:
    """'2014-2017' or '2019-20' is a span of years: read as a range of years."""
    n = len(tokens)
    j = draft.last + 1
    before = tokens[draft.first - 1].low if draft.first > 0 else ""
    spans = j + 1 < n and (tokens[j].text in ("-", "–") or (tokens[j].low == "and" and before == "between") or (
        tokens[j].low == "to" and before == "from" and not _is_change(tokens, draft.first)))
    if spans and tokens[j + 1].kind == "num" and tokens[j + 1].text.isdigit():
        other = tokens[j + 1].text
        if len(other) == 2 and tokens[j].text not in ("-", "–"):
            return [draft]
        if len(other) == 4 and int(other) > draft.value:
            draft.high, draft.last, draft.qualifier = float(other), j + 1, "range"
        elif len(other) == 2:
            century = int(draft.value) // 100 * 100
            if century + int(other) > draft.value:
                draft.high, draft.last, draft.qualifier = float(century + int(other)), j + 1, "range"
    return [draft]


# --- units ------------------------------------------------------------------------------


def _read_unit(tokens: list[Token], d: _Draft) -> None:
    """What follows the number: percent, a currency word, a physical unit, or a counted noun."""
    n = len(tokens)
    j = d.last + 1
    if not d.unit:
        # compound adjectives: "a five-year journey", "a 45-year-old man", "1.8 billion-mile"
        if j + 1 < n and tokens[j].text in ("-", "–") and not tokens[j].spaced and not tokens[j + 1].spaced:
            found = _unit_words(tokens, j + 1)
            if found is not None:
                unit, k = found
                d.unit, d.unit_text, d.last = unit, _span_text(tokens, j + 1, k), k
                if k + 2 < n and tokens[k + 1].text == "-" and tokens[k + 2].low == "old":
                    d.last = k + 2
        if not d.unit and j < n:
            found = _unit_words(tokens, j)
            if found is not None:
                unit, k = found
                d.unit, d.unit_text, d.last = unit, _span_text(tokens, j, k), k
    if d.unit == "GBX" and d.currency:
        d.unit = ""
    if d.currency and d.unit and d.unit in _CURRENCY_CODE_SET:
        d.currency, d.unit = d.unit, ""
    if d.unit in _CURRENCY_CODE_SET and not d.currency:
        d.currency, d.unit = d.unit, ""
    if not d.unit and d.kind == "vague" and d.last + 2 < n and tokens[d.last + 1].low == "of":
        # "hundreds of thousands of Ukrainians", "tens of millions of dollars"
        found = _unit_words(tokens, d.last + 2)
        if found is not None:
            d.unit, d.last = found[0], found[1]
        else:
            noun = _counted_noun(tokens, d.last + 2)
            if noun is not None:
                d.unit, d.last = noun[0], noun[1]
    if not d.unit and d.value == 1 and d.last + 1 < n and tokens[d.last + 1].kind == "word" \
            and tokens[d.last + 1].text.islower() and tokens[d.last + 1].low not in _STOP \
            and not d.currency and tokens[d.last + 1].low not in _ONE_IDIOMS:
        # "one person", "one count of fraud": counted in the singular
        word = tokens[d.last + 1].low
        d.unit, d.unit_text, d.last = _plural(word), word, d.last + 1
    if not d.unit and d.kind != "year":
        noun = _counted_noun(tokens, d.last + 1)
        if noun is not None:
            word, k = noun
            if not d.currency:
                d.unit, d.unit_text, d.last = word, _span_text(tokens, d.last + 1, k), k
    _read_per(tokens, d)


_CURRENCY_CODE_SET = frozenset(CURRENCY_WORDS.values())


def _unit_words(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A unit (or currency word, or percent) starting at token j, and its last token index."""
    n = len(tokens)
    t = tokens[j]
    if t.text == "%":
        return "percent", j
    if t.text in ("°", "º"):
        if j + 1 < n and tokens[j + 1].text in ("C", "F") and not tokens[j + 1].spaced:
            return ("°C" if tokens[j + 1].text == "C" else "°F"), j + 1
        return "degrees", j
    if t.kind != "word":
        return None
    words: list[str] = []
    k = j
    # join up to four words, keeping "km/h" and "sq. km" together
    while k < n and len(words) < 4:
        tok = tokens[k]
        if tok.kind == "word":
            words.append(tok.text)
        elif tok.text in ("/", ".") and not tok.spaced and words and k + 1 < n and tokens[k + 1].kind == "word":
            words[-1] = words[-1] + tok.text + tokens[k + 1].text
            k += 1
        elif tok.text == "-" and not tok.spaced and words and words[-1].lower() in ("year", "years"):
            words[-1] += "-"
            k += 1
            if k < n:
                words[-1] += tokens[k].text
        else:
            break
        k += 1
    found = lookup_unit(words)
    if found is not None:
        info, used = found
        # map back to the token index of the last word used
        last = _last_token_of_words(tokens, j, used)
        if info.canonical in ("inches",) and tokens[j].low == "in":
            return None
        return info.canonical, last
    rare = lookup_quantulum_unit(words)
    if rare is not None and words[0].lower() not in _STOP and words[0].lower() not in CURRENCY_WORDS:
        return rare[0], _last_token_of_words(tokens, j, rare[1])
    # currency words ("20 dollars", "5 million euros", "50 pence")
    for size in (2, 1):
        phrase = " ".join(w.lower() for w in words[:size])
        if len(words) >= size and phrase in CURRENCY_WORDS and phrase not in ("won", "real", "rand", "p", "cent",
                                                                                    "sen"):
            return CURRENCY_WORDS[phrase], _last_token_of_words(tokens, j, size)
    if words and words[0].lower() in ("cents", "cent", "sen") :
        return CURRENCY_WORDS[words[0].lower()], j
    return None


def _last_token_of_words(tokens: list[Token], j: int, used: int) -> int:
    """Index of the token that ends the `used`-th word starting at token j (joined words span tokens)."""
    k = j
    count = 0
    n = len(tokens)
    while k < n:
        if tokens[k].kind == "word":
            count += 1
            # a word joined with "/" or "." or "-" continues over the next two tokens
            while k + 2 < n and tokens[k + 1].text in ("/", ".", "-") and not tokens[k + 1].spaced \
                    and tokens[k + 2].kind == "word" and not tokens[k + 2].spaced \
                    and _joined_unit(tokens, k):
                k += 2
            if count == used:
                return k
        k += 1
    return n - 1


def _joined_unit(tokens: list[Token], k: int) -> bool:
    joined = tokens[k].text + tokens[k + 1].text + tokens[k + 2].text
    return lookup_unit([joined]) is not None or tokens[k].low in ("year", "years", "sq")


def _looks_counted(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                                          and word not in _STOP and word not in _NOT_NOUN_S)


# Words ending in -s that are not plural nouns.
_NOT_NOUN_S = frozenset("is was has does this thus its his hers ours yours theirs whereas always perhaps "
                        "across towards besides sometimes plus minus various previous famous serious "
                        "nervous obvious numerous enormous was unless less bus news series species".split())


def _counted_noun(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The noun that a bare number counts: '30,000 troops', '5,000 new homes'."""
    n = len(tokens)
    k = j
    skipped = 0
    while k < n and skipped <= 2:
        t = tokens[k]
        if t.kind != "word":
            return None
        low = t.low
        if low in _STOP or low in MONTHS:
            return None
        if low in _SKIPPABLE or (t.text[0].isupper() and not _looks_counted(low)):
            skipped += 1
            k += 1
            continue
        if _looks_counted(low):
            return low, k
        return None
    return None


def _read_per(tokens: list[Token], d: _Draft) -> None:
    """Rates: '325,000 barrels per day', '$52 a barrel', '3 points per game'."""
    n = len(tokens)
    j = d.last + 1
    if j + 1 < n and tokens[j].low in ("per", "a", "an", "each") and tokens[j + 1].kind == "word":
        denom = tokens[j + 1].low
        if tokens[j].low in ("a", "an") and denom not in _RATE_DENOMINATORS:
            return
        if j + 2 < n and tokens[j + 2].low in ("earlier", "later", "ago", "before", "after", "from", "into"):
            return  # "a week earlier" is when, not a rate
        if tokens[j].low == "per" and denom in ("cent",):
            return
        base = d.currency or d.unit or ""
        found = lookup_unit([tokens[j + 1].text])
        denom_name = found[0].canonical if found else denom
        if found and found[0].dimension == "time":
            denom_name = denom_name.rstrip("s") if denom_name != "centuries" else "century"  # "per day"
        if d.currency:
            d.currency = f"{d.currency}/{denom_name}"
        else:
            d.unit = f"{base}/{denom_name}" if base else f"per {denom_name}"
        d.last = j + 1


_RATE_DENOMINATORS = frozenset("day week month year hour minute second barrel head person share gallon litre "
                               "liter kilo kilogram pound tonne ton game season night mile kilometre km "
                               "square dozen unit piece ticket".split())


def _span_text(tokens: list[Token], a: int, b: int) -> str:
    return " ".join(tokens[k].text for k in range(a, b + 1) if tokens[k].kind == "word" or tokens[k].text in "%°/")


# --- ranges, qualifiers, direction ------------------------------------------------------


def _range_after(tokens: list[Token], d: _Draft) -> list[_Draft] | None:
    """'between 3 and 4 million', '4-5 days' and 'prices range from $1 to $2' are ranges;
    'rose from 4.1m to 4.6m' is two values, the old and the new."""
    n = len(tokens)
    j = d.last + 1
    if j + 1 >= n or d.kind in ("vague", "fraction"):
        return None
    sep = tokens[j]
    before = tokens[d.first - 1].low if d.first > 0 else ""
    is_between = before == "between"
    glued_dash = sep.text in ("-", "–", "—") and not sep.spaced and not tokens[j + 1].spaced
    if not (sep.low == "to" or glued_dash or (sep.low == "and" and is_between) or sep.text == "/"):
        return None
    if before == "by" and (d.unit or d.currency):
        return None  # "rose by 2% to 5%": a change and a level
    k = j + 1
    sign, at = _sign_at(tokens, k)
    currency2, num_at = _currency_before_number(tokens, at)
    if sep.text == "/" and not (currency2 and d.currency):
        return None  # "$7/$9" is a range; other slashes are not
    num2 = _number_at(tokens, num_at)
    if num2 is None or num2.kind == "vague" or _not_a_quantity(tokens, num2, has_currency=bool(currency2)):
        return None
    other = _draft(tokens, k, num2, currency2 or d.currency)
    if sign < 0:
        other.value = -other.value
    _read_unit(tokens, other)
    mine = (d.currency or d.unit).split("/")[0]
    theirs = (other.currency or other.unit).split("/")[0]
    if mine and theirs and mine != theirs or (d.unit and not theirs):
        return None  # "up 9.4 per cent to $84": two different quantities
    if other.value and d.value and not d.scaled and other.scaled and d.value < other.value:
        # "four to five thousand", "$3 to $4 billion": the scale is written once, at the end
        factor = _scale_of(tokens, num2)
        if factor > 1 and d.value * factor <= other.value:
            d.value = scale(d.value, factor)
            d.decimals = scaled_precision(d.decimals, factor)
    if not theirs:
        other.unit = d.unit
    elif not mine:
        d.unit, d.currency = other.unit, other.currency
    if d.value == 0 and sep.low == "to" and not is_between:
        return [other]  # "0 to 62 mph in 7.2 seconds": the claim is the 62
    if before != "by" and _is_change(tokens, d.first):
        # "fell from 20 to 10", "revised from 5 to 7 per cent": the old and the new value;
        # but "dropped by 1 to 1.5 degrees" is one change given as a range
        d.qualifier = _qualifier_before(tokens, d.first - (1 if before == "from" else 0))
        return [d, other]
    if other.value < d.value:
        return None
    return [_Draft(first=d.first, last=other.last, value=d.value, decimals=min(d.decimals, other.decimals),
                   unit=d.unit or other.unit, unit_text=other.unit_text or d.unit_text,
                   currency=d.currency or other.currency, qualifier="range", high=other.value, kind=d.kind,
                   scaled=d.scaled or other.scaled)]


_CHANGE_WORDS = _UP_WORDS | _DOWN_WORDS | frozenset(
    "changed change changes moved move moves went going go goes revised revise raised raise lowered lower reduced "
    "reduce slow slowed slowing widened widen narrowed narrow expanded expand swelled doubled halved dropping "
    "tripled trimmed upgraded downgraded cutting rising increasing decreasing growing declining".split()
)


def _is_change(tokens: list[Token], first: int) -> bool:
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


def _scale_of(tokens: list[Token], num: _Number) -> float:
    for k in range(num.first, num.last + 1):
        t = tokens[k]
        if t.low in SCALE_WORDS:
            return SCALE_WORDS[t.low]
        if t.text in SCALE_SUFFIXES and not t.spaced:
            return SCALE_SUFFIXES[t.text]
    return 1.0


def _qualifier_before(tokens: list[Token], first: int) -> str:
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


def _read_trailing_qualifier(tokens: list[Token], d: _Draft) -> None:
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


def _change(tokens: list[Token], first: int) -> str | None:
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


def with_offset(claim: Claim, delta: int) -> Claim:
    """The same claim, its offsets shifted (used when a text was checked in parts)."""
    return replace(claim, start=claim.start + delta, end=claim.end + delta,
                   sentence_start=claim.sentence_start + delta)
