"""Reading a number at a token: a currency written before it, a sign, digits with scale
suffixes or scale words, scientific notation, fractions and ratios, shares of a scale
("half a million"), spelled-out numbers and vague amounts ("tens of thousands")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from checker.extract.numbers import (
    NUMBER_WORDS,
    ONES,
    PLURAL_SCALES_AFTER_DIGITS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS,
    VAGUE_SCALES,
    parse_digits,
    scale,
    scaled_precision,
    words_value,
)
from checker.extract.tokens import MONTHS, STOP, Token
from checker.extract.unit_phrases import unit_words
from checker.extract.units import CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, lookup_unit


@dataclass(frozen=True)
class Number:
    value: float
    first: int  # token index of the first token of the number (after any currency/sign)
    last: int  # token index of the last token
    decimals: int
    scaled: bool  # a scale word or suffix was applied
    kind: str  # 'digits', 'words' or 'vague'
    high: float | None = None  # for vague amounts
    scale_unit: str = ""  # a unit carried by the suffix, e.g. "5km", "20%"
    scale_unit_last: int = -1


def sign_at(tokens: list[Token], i: int) -> tuple[float, int]:
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


def currency_before_number(tokens: list[Token], i: int) -> tuple[str, int]:
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
        # "HK$3.7bn", and "HK $3.7bn" as some copy spaces it (only for two-letter prefixes
        # and "C $6", "S $1m": "A $5 fee" is an article).
        spaced_ok = t.text in ("US", "AU", "CA", "HK", "NZ", "NT", "C", "S")
        if i + 2 < len(tokens) and nxt.text == "$" and (not nxt.spaced or spaced_ok) \
                and t.text in ("US", "C", "A", "AU", "CA", "HK", "NZ", "S", "NT", "R"):
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


def number_at(tokens: list[Token], i: int) -> Number | None:
    if i >= len(tokens):
        return None
    t = tokens[i]
    if t.kind == "num":
        return _digits_number(tokens, i)
    if t.kind == "word":
        return _word_number(tokens, i)
    return None


def _digits_number(tokens: list[Token], i: int) -> Number:
    if tokens[i].text in VULGAR_FRACTIONS:
        of = i + 1 < len(tokens) and tokens[i + 1].low == "of"  # "½ of the budget" is a share
        return Number(VULGAR_FRACTIONS[tokens[i].text], i, i, 2, False, "fraction" if of else "digits")
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
            return Number(scale(value, SCALE_SUFFIXES[nxt.text]), i, i + 1,
                          scaled_precision(decimals, SCALE_SUFFIXES[nxt.text]), True, "digits")
        unit = _adjacent_unit(tokens, i + 1)
        if unit is not None:
            return Number(value, i, i, decimals, False, "digits", scale_unit=unit[0], scale_unit_last=unit[1])
    elif nxt is not None and nxt.kind == "word" and (nxt.low in SCALE_WORDS or nxt.low in PLURAL_SCALES_AFTER_DIGITS
                                                     # "in 2010 millions fled" is a year, then a vague amount
                                                     and not (tokens[i].text.isdigit() and len(tokens[i].text) == 4)):
        factor = SCALE_WORDS.get(nxt.low) or PLURAL_SCALES_AFTER_DIGITS[nxt.low]
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
        return Number(value, i, i, decimals, False, "digits", scale_unit="percent", scale_unit_last=i + 1)
    return Number(value, i, last, decimals, scaled, "digits")


VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}


def _mixed_fraction(tokens: list[Token], i: int, whole: float) -> Number | None:
    """'2½ years', '7 3/4 per cent', '101 1/4': a whole number and a fraction of one."""
    n = len(tokens)
    if not tokens[i].text.isdigit() or i + 1 >= n:
        return None
    nxt = tokens[i + 1]
    if nxt.text in VULGAR_FRACTIONS:
        return Number(whole + VULGAR_FRACTIONS[nxt.text], i, i + 1, 2, False, "digits")
    frac = _digit_fraction(tokens, i + 1) if nxt.kind == "num" and nxt.spaced else None
    if frac is not None and tokens[i + 3].text in ("2", "4", "8", "16", "32", "3"):
        return Number(whole + frac.value, i, frac.last, 2, False, "digits")
    return None


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def _scientific(tokens: list[Token], i: int, mantissa: float) -> Number | None:
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
        if not math.isfinite(value) or (value == 0 and mantissa != 0):
            return None  # "10^400" is past any float: not a figure we can check
        return Number(value, i, k, 0, True, "digits")
    return None


def _digit_fraction(tokens: list[Token], i: int) -> Number | None:
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
    return Number(num / den, i, i + 2, 0, False, "digits")


_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128, 1000})
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
              "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
              "tenth": 10, "tenths": 10}


def fraction_at(tokens: list[Token], i: int) -> Number | None:
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
            return Number(0.5, i, i, 2, False, "fraction")
        return None
    ratio = _ratio_at(tokens, i)
    if ratio is not None:
        return ratio
    if low.endswith("fold") and low[:-4].rstrip("-") in ONES | TENS.keys():
        return Number(float(words_value([low[:-4].rstrip("-")]) or 0), i, i, 0, False, "times")
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
        return Number(count / _FRACTIONS[frac], i, j, 2, False, "fraction")
    return None


def _ratio_at(tokens: list[Token], i: int) -> Number | None:
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
    if b is None or not 0 < a < b or j + 1 >= n or tokens[j + 1].kind != "word" or tokens[j + 1].low in STOP \
            or tokens[j + 1].low in MONTHS:
        return None
    return Number(a / b, i, j, 2, False, "fraction")


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
    longer = unit_words(tokens, j)  # "3923sq m", "54m2", "380lb-ft"
    if longer is not None and longer[1] > j:
        return longer
    found = lookup_unit(words)
    if found:
        return found[0].canonical, j
    if t.text in ("C", "F") or t.text in ("ºC", "ºF"):
        return ("°C" if t.text.endswith("C") else "°F"), j
    if t.text == "p":
        return "GBX", j
    if t.low in CURRENCY_WORDS and t.low not in ("won", "real", "rand"):
        return CURRENCY_WORDS[t.low], j
    return None


def _word_number(tokens: list[Token], i: int) -> Number | None:
    t = tokens[i]
    low = t.low
    n = len(tokens)
    if low in VAGUE_SCALES or (low == "tens" and i + 2 < n and tokens[i + 1].low == "of"):
        return _vague_number(tokens, i)
    if low in ("several", "few", "many") and i + 1 < n and tokens[i + 1].low in ("hundred", "thousand", "million",
                                                                                 "billion", "dozen"):
        # "several thousand", "a few hundred": between two (or three) and nine of the scale
        factor = SCALE_WORDS.get(tokens[i + 1].low, 12)
        return Number((2 if low == "few" else 3) * factor, i, i + 1, 0, True, "vague", high=9 * factor)
    if low in ("a", "an") and i + 1 < n:
        nxt = tokens[i + 1].low
        if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            value = 12.0 if nxt == "dozen" else SCALE_WORDS[nxt]
            return Number(value, i, i + 1, -len(str(int(value))) + 1 if value >= 10 else 0, True, "words")
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
    spelled = words_value(words)
    if spelled is None:
        return None
    value = spelled
    scaled = any(w in ("hundred", "thousand", "million", "billion", "trillion") for w in words)
    # Also "two million" spelled with digits scale after: "five 000"? no. Digits-word mixes are rare.
    decimals = 0
    if scaled:
        v = int(value)
        decimals = -(len(str(v)) - len(str(v).rstrip("0")))
    return Number(value, i, last, decimals, scaled, "words")


_SHARES = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
_BIG_SCALES = ("million", "billion", "trillion")


def share_of_scale(tokens: list[Token], i: int) -> Number | None:
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
    return Number(scale(share, factor), i, k, scaled_precision(2, factor), True, "words")


def _vague_number(tokens: list[Token], i: int) -> Number:
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
    return Number(lo, i, last, 0, True, "vague", high=hi)
