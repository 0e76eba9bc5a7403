"""Find the numeric claims in a text.

A rule-based scanner over word tokens, sentence by sentence. It reads what news
writes (scale abbreviations, spelled-out numbers, hedges, ranges, counted nouns,
calendar years) and skips what only looks like a quantity (ordinals, dates, clock
times, scores, model names, a lone article). Units come from `checker.extract.units`.

Why not hand each sentence to quantulum3's parser: on news it misreads the cases
listed above, and its first call costs seconds; this scanner is tuned for news and
keeps quantulum3's idea of a unit lexicon without its start-up cost.

This module holds the scan loop and ranges; the parts it calls live in their own
modules: `checker.extract.tokens`, `checker.extract.number_phrases` (reading a number),
`checker.extract.non_quantities`, `checker.extract.years`, `checker.extract.unit_phrases` (reading its unit),
`checker.extract.qualifiers` (hedges, bounds, rise or fall) and `checker.extract.draft`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from checker.extract.draft import Draft
from checker.extract.non_quantities import not_a_quantity
from checker.extract.normalise import Normalised, normalise
from checker.extract.number_phrases import (
    Number,
    currency_before_number,
    fraction_at,
    number_at,
    share_of_scale,
    sign_at,
)
from checker.extract.numbers import PLURAL_SCALES_AFTER_DIGITS, SCALE_SUFFIXES, SCALE_WORDS, scale, scaled_precision
from checker.extract.qualifiers import (
    change,
    is_change,
    qualifier_before,
    read_trailing_qualifier,
)
from checker.extract.sentences import split_sentences
from checker.extract.shared_units import share_levels, share_units
from checker.extract.tokens import Token, span_text, tokenize
from checker.extract.unit_phrases import read_age, read_unit
from checker.extract.years import (
    date_before_year,
    is_calendar_year,
    maybe_year_range,
    without_dating_years,
    year_in_name,
)
from checker.lexicon import Lexicon, Qualifiers, lexicon
from checker.models import Claim

__all__ = ["extract_claims", "with_offset"]


def extract_claims(text: str, lex: Lexicon | None = None) -> list[Claim]:
    """Every numeric claim in `text`, in reading order, with offsets into `text`.

    The scanner reads `text` normalised (checker.extract.normalise: invisible characters
    removed, numerals written one way); each claim's offsets, text and sentence are
    then those of `text` itself. `lex` gives the hedges and verbs of change
    (checker/lexicon/qualifiers.toml; the shipped lexicon by default)."""
    q = (lex or lexicon()).qualifiers
    norm = normalise(text)
    changed = norm.text != text
    claims: list[Claim] = []
    for start, end in split_sentences(norm.text):
        found = share_units(without_dating_years(list(_sentence_claims(norm.text, start, end, q)), q), norm.text)
        found = share_levels(found, norm.text)
        if found and changed:
            # The sentence as the input writes it, one string shared by its claims.
            sentence_start = norm.start_in_input(start)
            sentence = text[sentence_start:norm.end_in_input(end)]
            found = [_in_input(c, norm, text, sentence, sentence_start) for c in found]
        claims.extend(found)
    return claims


def _in_input(claim: Claim, norm: Normalised, text: str, sentence: str, sentence_start: int) -> Claim:
    start, end = norm.start_in_input(claim.start), norm.end_in_input(claim.end)
    # The claim as found, moved to the input's offsets. A field-for-field copy: every claim
    # of a pasted table passes here, and dataclasses.replace costs 4x as much.
    moved = object.__new__(Claim)
    moved.__dict__.update(claim.__dict__, text=text[start:end], start=start, end=end, sentence=sentence,
                          sentence_start=sentence_start)
    return moved


def _sentence_claims(text: str, start: int, end: int, q: Qualifiers) -> Iterator[Claim]:
    sentence = text[start:end]
    if not _HAS_NUMBER.search(sentence):
        return
    tokens = tokenize(sentence, start)
    for draft in _scan(tokens, q):
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
            change=change(tokens, draft.first, q),
            date=draft.date,
        )


# Cheap pre-check: most sentences of an article hold no number at all.
_HAS_NUMBER = re.compile(
    r"\d|[½⅓⅔¼¾⅕⅛]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores of|tens of|half|halves|"
    r"thirds?|quarters?|fourths?|fifths?|tenths?|\w+-?fold)\b",
    re.IGNORECASE,
)


def _scan(tokens: list[Token], q: Qualifiers) -> Iterator[Draft]:
    i = 0
    n = len(tokens)
    while i < n:
        drafts, nxt = _quantity_at(tokens, i, q)
        yield from drafts
        i = max(nxt, i + 1)


def _quantity_at(tokens: list[Token], i: int, q: Qualifiers) -> tuple[list[Draft], int]:
    """The quantities starting at token i (two for "from X to Y"), and the next index."""
    sign, at = sign_at(tokens, i)
    currency, num_at = currency_before_number(tokens, at)
    if currency and num_at < len(tokens) and tokens[num_at].text in "-−" and sign == 1.0:
        sign, num_at = sign_at(tokens, num_at)  # "$-50.8bn"
    num = share_of_scale(tokens, num_at) or fraction_at(tokens, num_at) or number_at(tokens, num_at)
    if num is None:
        return [], i
    if not_a_quantity(tokens, num, q, has_currency=bool(currency)):
        return [], _past_glued_chain(tokens, num.last)
    draft = _draft(tokens, i, num, currency)
    if sign < 0:
        draft.value = -draft.value
    if is_calendar_year(tokens, num, draft, q):
        if year_in_name(tokens, num):
            return [], _after(draft)
        draft.unit, draft.unit_text, draft.decimals = "year", "", 0
        date_before_year(tokens, draft)
        return maybe_year_range(tokens, draft, q), _after(draft)
    read_unit(tokens, draft)
    pair = _range_after(tokens, draft, q)
    if pair is not None:
        if len(pair) == 1:
            read_age(tokens, pair[0])
        return pair, _after(pair[-1])
    read_age(tokens, draft)
    read_trailing_qualifier(tokens, draft, q)
    if draft.qualifier == "exact":
        draft.qualifier = qualifier_before(tokens, draft.first, q)
    return [draft], _after(draft)


def _past_glued_chain(tokens: list[Token], last: int) -> int:
    """After a number that is not a quantity, skip what is glued to it: '-2' in 'ISO 3888-2',
    '-09-01' in a timestamp, '-24' in 'Sept. 20-24'."""
    k = last + 1
    n = len(tokens)
    while k + 1 < n and tokens[k].text in ("-", "–", "/", ".", ":") and not tokens[k].spaced \
            and tokens[k + 1].kind == "num" and not tokens[k + 1].spaced:
        k += 2
    return k


def _after(d: Draft) -> int:
    return d.last + 1


def _draft(tokens: list[Token], first: int, num: Number, currency: str) -> Draft:
    d = Draft(first=first, last=num.last, value=num.value, decimals=num.decimals, currency=currency,
              high=num.high, kind=num.kind, scaled=num.scaled)
    if num.kind == "fraction":
        d.unit = "fraction"
    elif num.kind == "times":
        d.unit, d.kind = "times", "words"
    if num.scale_unit:
        d.unit, d.unit_text, d.last = num.scale_unit, span_text(tokens, num.last, num.scale_unit_last), \
            num.scale_unit_last
    return d


# --- ranges -----------------------------------------------------------------------------


def _range_after(tokens: list[Token], d: Draft, q: Qualifiers) -> list[Draft] | None:
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
    sign, at = sign_at(tokens, k)
    currency2, num_at = currency_before_number(tokens, at)
    if sep.text == "/" and not (currency2 and d.currency):
        return None  # "$7/$9" is a range; other slashes are not
    num2 = number_at(tokens, num_at)
    if num2 is None or num2.kind == "vague" or not_a_quantity(tokens, num2, q, has_currency=bool(currency2)):
        return None
    other = _draft(tokens, k, num2, currency2 or d.currency)
    if sign < 0:
        other.value = -other.value
    read_unit(tokens, other)
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
    elif "/" in (other.currency or other.unit) and "/" not in (d.currency or d.unit):
        # "between $52,000 and $70,000 a year": the rate written once, at the end
        d.unit, d.currency = other.unit, other.currency
    if d.value == 0 and sep.low == "to" and not is_between:
        return [other]  # "0 to 62 mph in 7.2 seconds": the claim is the 62
    if before != "by" and is_change(tokens, d.first, q):
        # "fell from 20 to 10", "revised from 5 to 7 per cent": the old and the new value;
        # but "dropped by 1 to 1.5 degrees" is one change given as a range
        d.qualifier = qualifier_before(tokens, d.first - (1 if before == "from" else 0), q)
        return [d, other]
    if other.value < d.value:
        return None
    return [Draft(first=d.first, last=other.last, value=d.value, decimals=min(d.decimals, other.decimals),
                  unit=d.unit or other.unit, unit_text=other.unit_text or d.unit_text,
                  currency=d.currency or other.currency, qualifier="range", high=other.value, kind=d.kind,
                  scaled=d.scaled or other.scaled)]


def _scale_of(tokens: list[Token], num: Number) -> float:
    for k in range(num.first, num.last + 1):
        t = tokens[k]
        if t.low in SCALE_WORDS:
            return SCALE_WORDS[t.low]
        if k > num.first and t.low in PLURAL_SCALES_AFTER_DIGITS and not len(tokens[num.first].text) == 4:
            return PLURAL_SCALES_AFTER_DIGITS[t.low]
        if t.text in SCALE_SUFFIXES and not t.spaced:
            return SCALE_SUFFIXES[t.text]
    return 1.0


def with_offset(claim: Claim, delta: int) -> Claim:
    """The same claim, its offsets shifted (used when a text was checked in parts)."""
    return replace(claim, start=claim.start + delta, end=claim.end + delta,
                   sentence_start=claim.sentence_start + delta)
