"""Calendar years: telling a year from an amount, spans of years ("2014-2017"), years inside
names ("Euro 2020"), and dropping years that only date another figure of the sentence."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.draft import Draft
from checker.extract.number_phrases import Number
from checker.extract.qualifiers import is_change
from checker.extract.tokens import MONTH_NUMBERS, MONTHS, SENTENCE_OPENERS, STOP, Token
from checker.extract.unit_phrases import IRREGULAR_PLURALS, looks_counted
from checker.extract.units import lookup_unit
from checker.lexicon import Qualifiers
from checker.models import Claim


def date_before_year(tokens: list[Token], draft: Draft) -> None:
    """Widen a year claim to the date it ends: '24 February 2022', 'Feb. 24, 2022',
    'February 2022'; and record that date (YYYY-MM-DD or YYYY-MM) for the verdict."""
    k = draft.first - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    day = None
    if k >= 0 and tokens[k].kind == "num" and tokens[k].text.isdigit() and 1 <= int(tokens[k].text) <= 31:
        day, k = int(tokens[k].text), k - 1  # "February 24, 2022"
        if k >= 0 and tokens[k].text == ".":
            k -= 1
        month_at = k
    else:
        month_at = k
        if k >= 0 and tokens[k].low in MONTH_NUMBERS and k - 1 >= 0 and tokens[k - 1].kind == "num" \
                and tokens[k - 1].text.isdigit() and 1 <= int(tokens[k - 1].text) <= 31:
            day = int(tokens[k - 1].text)  # "24 February 2022"
            k -= 1
    if month_at < 0 or tokens[month_at].low not in MONTH_NUMBERS:
        return
    if tokens[month_at].low == "may" and day is None:
        return  # "may 2022" could be the verb
    month, year = MONTH_NUMBERS[tokens[month_at].low], int(draft.value)
    try:
        draft.date = dt.date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return  # "31 February": keep the year alone
    draft.first = min(k, month_at)


def without_dating_years(claims: list[Claim], q: Qualifiers) -> list[Claim]:
    """A year that only dates another figure of the sentence ("grew 3% in 2019") is the
    figure's time, not a claim of its own; a year that dates an event ("annexed in 2014",
    the words are qualifiers.toml's `years.event_words`) or stands alone is kept, and so is
    a year listed right after a kept one ("independent in 1962 and 1966")."""
    if not any(c.unit != "year" for c in claims):
        return claims
    kept: list[Claim] = []
    for c in claims:
        if c.unit == "year":
            at = c.start - c.sentence_start
            before = c.sentence[max(0, at - 60):at]
            listed = bool(kept) and kept[-1].unit == "year" and \
                _YEAR_LIST_JOIN.fullmatch(c.sentence[kept[-1].end - c.sentence_start:at]) is not None
            event = q.event_before_year.search(before)
            # "Exports gained 3% in 2019": a figure between the event word and the year makes
            # the year that figure's time, not an event of its own.
            if event is not None:
                event_at = c.start - len(before) + event.start()
                if any(o is not c and o.unit != "year" and event_at < o.start < c.start for o in claims):
                    event = None
            if not (listed or event is not None):
                continue
        kept.append(c)
    return kept


_YEAR_LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")


def is_calendar_year(tokens: list[Token], num: Number, draft: Draft, q: Qualifiers) -> bool:
    """A four-digit number with no unit read as a year: 1800-2100 unless it counts or
    measures something ("2000 people", "1500 km"); earlier only after "in", "since"..."""
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
    if nxt is not None and nxt.kind == "word" and (lookup_unit([nxt.text]) or nxt.low in IRREGULAR_PLURALS
                                                   or (looks_counted(nxt.low) and not 1900 <= value <= 2100)):
        return False
    prev = tokens[num.first - 1].low if num.first > 0 else ""
    if prev in q.before and prev not in ("around", "about", "over", "under", "towards", "above",
                                                   "below", "since", "before"):
        return False
    if value >= 1800:
        return True
    # Before 1800 a bare number is more often an amount: only a clear preposition, or
    # brackets after a name ("the Peace of Westphalia (1648)"), make it a year.
    if prev == "(" and nxt is not None and nxt.text == ")" and num.first >= 2 \
            and tokens[num.first - 2].text[:1].isupper():
        return True
    return prev in ("in", "since", "from", "until", "till", "circa", "during", "ad", "bc")


def year_in_name(tokens: list[Token], num: Number) -> bool:
    """'Euro 2020', 'the Consumer Credit Act 1974', 'a 2020 Escape hybrid', 'the 2019 Ballon d'Or':
    the year is part of a name or a model, not a date the article asserts."""
    i = num.first
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # "independence from France 1960" dates an event of France; "Euro 2020" is a name.
    after_preposition = (i >= 2 and tokens[i - 2].low in ("from", "of", "since", "in", "by")) or (
        i >= 3 and tokens[i - 2].low == "the" and tokens[i - 3].low in ("from", "of"))
    if prev is not None and prev.kind == "word" and prev.text[0].isupper() and i - 1 > 0 \
            and prev.low not in MONTHS and prev.low not in _SEASONS and prev.low not in STOP \
            and prev.low not in SENTENCE_OPENERS and not after_preposition:
        return True
    return prev is not None and prev.low in ("a", "an", "the", "this", "his", "her", "their", "its") \
        and nxt is not None and nxt.kind == "word" and nxt.text[0].isupper() and nxt.low not in MONTHS


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter", "christmas", "easter"})


def maybe_year_range(tokens: list[Token], draft: Draft, q: Qualifiers) -> list[Draft]:
    """'2014-2017' or '2019-20' is a span of years: read as a range of years."""
    n = len(tokens)
    j = draft.last + 1
    before = tokens[draft.first - 1].low if draft.first > 0 else ""
    spans = j + 1 < n and (tokens[j].text in ("-", "–") or (tokens[j].low == "and" and before == "between") or (
        tokens[j].low == "to" and before == "from" and not is_change(tokens, draft.first, q)))
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
