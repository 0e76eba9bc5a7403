"""What only looks like a quantity: ordinals, decades, clock times, identifiers, days of the
month, scores, labels ("No. 10"), model numbers, addresses, code and markup, ISO dates and
slash idioms ("9/11", "24/7")."""

from __future__ import annotations

from checker.extract.number_phrases import VULGAR_FRACTIONS, Number
from checker.extract.numbers import SCALE_SUFFIXES
from checker.extract.tokens import MONTHS, ONE_IDIOMS, SENTENCE_OPENERS, STOP, Token
from checker.extract.units import CURRENCY_CODES, CURRENCY_SYMBOLS, lookup_unit
from checker.lexicon import Qualifiers

_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_TIME_WORDS = frozenset({"am", "pm", "gmt", "bst", "utc", "edt", "est", "cet", "cest", "pdt", "pst", "et", "pt",
                         "hrs", "o'clock", "o’clock", "local", "msk"})
_SCORE_WORDS = frozenset({"won", "win", "wins", "beat", "beats", "lost", "lose", "loses", "drew", "draw", "defeat",
                          "defeated", "victory", "aggregate", "score", "scoreline", "trailed", "led", "leads",
                          "vote", "voted", "votes", "margin", "thrashed", "edged", "tied", "tie", "lead",
                          "leading", "trailing", "game", "inning", "innings", "sets", "halftime", "half-time",
                          "final", "down", "ruling", "decision", "majority", "match", "series"})


def not_a_quantity(tokens: list[Token], num: Number, q: Qualifiers, has_currency: bool) -> bool:
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
    if _is_model_number(tokens, num, q):
        return True
    bare = last == i and t.text.isdigit()
    if bare and len(t.text) > 1 and t.text.startswith("0"):
        return True  # "007", "Entity 000042": codes are written with leading zeros, amounts are not
    if bare and _is_address(tokens, i):
        return True
    if bare and nxt is not None and nxt.low in _PRODUCT_SUFFIXES and nxt.text[0].isupper():
        return True  # "11 Pro Max": a name, not an amount
    if bare and prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" \
            and not (len(t.text) == 4 and 1000 <= int(t.text) <= 2100):
        return True  # a shirt number or list marker: "(4)"; "(1648)" is a year
    # ISO dates and timestamps: "2019-09-01"
    if last + 2 < n and nxt is not None and nxt.text == "-" and not nxt.spaced and len(t.text) == 4 \
            and tokens[last + 2].kind == "num" and len(tokens[last + 2].text) == 2 and last + 3 < n \
            and tokens[last + 3].text == "-" and not tokens[last + 3].spaced:
        return True
    return False


def _word_number_is_not_quantity(tokens: list[Token], num: Number) -> bool:
    i, last = num.first, num.last
    n = len(tokens)
    prev = tokens[i - 1].low if i > 0 else ""
    nxt = tokens[last + 1] if last + 1 < n else None
    words = [tokens[k].low for k in range(i, last + 1)]
    # "a hundred", "a dozen" are fine; "a" alone never gets here.
    if words == ["one"]:
        if prev in ("no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "everyone",
                    "same",
                    "only", "last", "another", "such", "little", "big", "a", "number", "no.", "day", "one"):
            return True
        if nxt is None or nxt.kind != "word":
            return True
        if lookup_unit([nxt.text]) or nxt.low in ("per", "percent"):
            return False  # "one per cent", "one mile"
        # "one of them", "one day", "one another": idioms and pronouns, not a count
        return nxt.low in STOP or nxt.low in ONE_IDIOMS or not nxt.text.islower()
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


def _is_model_number(tokens: list[Token], num: Number, q: Qualifiers) -> bool:
    i = num.first
    t = tokens[i]
    if i == 0 or num.scaled or "," in t.text or "." in t.text or num.last != i:
        return False
    prev = tokens[i - 1]
    if prev.low in _INDEX_NAMES:
        return True  # "S&P 500", "sp 500", "FTSE 100"
    if prev.kind != "word" or not any(c.isupper() for c in prev.text) or prev.low in MONTHS:
        return False
    if i - 1 == 0 and (prev.low in STOP or prev.low in q.before or prev.low in SENTENCE_OPENERS):
        return False  # "Only 5 people", "Nearly 40 firms": a capital that just starts the sentence
    if prev.text in CURRENCY_SYMBOLS or prev.text in CURRENCY_CODES or prev.low in q.before:
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
