"""Reading what a number measures or counts from the words after it: units, currency words,
compound adjectives ("a five-year journey"), counted nouns ("30,000 troops") and rates ("per day")."""

from __future__ import annotations

from checker.extract.draft import Draft
from checker.extract.tokens import MONTHS, ONE_IDIOMS, STOP, Token, span_text
from checker.extract.units import CURRENCY_WORDS, lookup_quantulum_unit, lookup_unit

# Adjectives that may stand between a number and its counted noun ("30,000 more troops").
_SKIPPABLE = frozenset(
    "new more additional extra other further fresh young old small large big major minor local foreign active "
    "armed registered eligible full part-time full-time confirmed reported estimated total civilian military "
    "russian ukrainian american british european chinese".split()
)
# Nouns that count things though they do not end in -s.
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle sheep fish aircraft deer feet teeth geese mice "
    "livestock troops crew infantry clergy".split()
)


_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}
def _plural(word: str) -> str:
    if word in _PLURALS:
        return _PLURALS[word]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("is"):
        return word[:-2] + "es"  # "one analysis"
    if word.endswith(("ss", "us", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return word  # "one innings", "one series": the same word in both numbers
    return word + "s"


def read_unit(tokens: list[Token], d: Draft) -> None:
    """What follows the number: percent, a currency word, a physical unit, or a counted noun."""
    n = len(tokens)
    j = d.last + 1
    if not d.unit:
        # compound adjectives: "a five-year journey", "a 45-year-old man", "1.8 billion-mile"
        if j + 1 < n and tokens[j].text in ("-", "–") and not tokens[j].spaced and not tokens[j + 1].spaced:
            found = unit_words(tokens, j + 1)
            if found is not None:
                unit, k = found
                d.unit, d.unit_text, d.last = unit, span_text(tokens, j + 1, k), k
                if k + 2 < n and tokens[k + 1].text == "-" and tokens[k + 2].low == "old":
                    d.last = k + 2
            elif tokens[j + 1].kind == "word" and tokens[j + 1].text.islower() and tokens[j + 1].low not in STOP \
                    and len(tokens[j + 1].low) > 2 and not d.currency:
                # "a four-cylinder engine", "a 10-point lead": the number counts the noun it is joined to
                word = tokens[j + 1].low
                d.unit, d.unit_text, d.last = _plural(word), word, j + 1
        if not d.unit and j < n:
            found = unit_words(tokens, j)
            if found is not None:
                unit, k = found
                d.unit, d.unit_text, d.last = unit, span_text(tokens, j, k), k
    if d.unit == "GBX" and d.currency:
        d.unit = ""
    if d.currency and d.unit and d.unit in _CURRENCY_CODE_SET:
        d.currency, d.unit = d.unit, ""
    if d.unit in _CURRENCY_CODE_SET and not d.currency:
        d.currency, d.unit = d.unit, ""
    if not d.unit and d.kind == "vague" and d.last + 2 < n and tokens[d.last + 1].low == "of":
        # "hundreds of thousands of Ukrainians", "tens of millions of dollars"
        found = unit_words(tokens, d.last + 2)
        if found is not None:
            d.unit, d.last = found[0], found[1]
        else:
            noun = _counted_noun(tokens, d.last + 2)
            if noun is not None:
                d.unit, d.last = noun[0], noun[1]
    if not d.unit and d.value == 1 and d.last + 1 < n and tokens[d.last + 1].kind == "word" \
            and tokens[d.last + 1].text.islower() and tokens[d.last + 1].low not in STOP \
            and not d.currency and tokens[d.last + 1].low not in ONE_IDIOMS:
        # "one person", "one count of fraud": counted in the singular
        word = tokens[d.last + 1].low
        d.unit, d.unit_text, d.last = _plural(word), word, d.last + 1
    if not d.unit and d.kind != "year":
        noun = _counted_noun(tokens, d.last + 1)
        if noun is not None:
            word, k = noun
            if not d.currency:
                d.unit, d.unit_text, d.last = word, span_text(tokens, d.last + 1, k), k
    _read_per(tokens, d)


# A bare whole number is a person's age in years after these: "aged 45", "she was 10", "who turned 66".
_AGE_SUBJECTS = frozenset("he she who i".split())
_AGE_VERBS = frozenset("is was turned turns turning".split())


def read_age(tokens: list[Token], d: Draft) -> None:
    """Ages as news writes them without the word 'years': 'aged 45', 'aged 18 to 34', 'Smith, 45, said',
    'she was 10 when', 'he will be 40 by', 'a 70 yo woman'."""
    if d.unit or d.currency or d.kind not in ("digits", "words") or d.value != int(d.value) or not 0 < d.value < 130:
        return
    n = len(tokens)
    f, j = d.first, d.last + 1
    nxt = tokens[j] if j < n else None
    before = [t.low for t in tokens[max(0, f - 3):f]]
    if nxt is not None and nxt.low in ("yo", "y.o"):
        d.unit, d.unit_text, d.last = "years", nxt.text, j
        return
    # The age ends its phrase: the sentence, a comma, or "when"/"by" ("she was 10 when"), not
    # any short word ("he was 5 in the poll" is a rank).
    ends_phrase = nxt is None or nxt.kind != "word" or nxt.low in ("when", "by", "and", "but")
    said = before[-1:] == ["aged"]
    said = said or (ends_phrase and len(before) >= 2 and before[-1] in _AGE_VERBS and before[-2] in _AGE_SUBJECTS)
    said = said or (ends_phrase and before[-2:] == ["will", "be"] and len(before) == 3 and before[0] in _AGE_SUBJECTS)
    # "Okafor, 52, runs": a name, then the age between commas
    # ("Norway, 16, Germany, 12": a list of names and figures is no list of ages.)
    after = tokens[j + 1] if j + 1 < n else None
    listed = after is not None and after.kind == "word" and after.text[:1].isupper()
    said = said or (d.kind == "digits" and f >= 2 and tokens[f - 1].text == "," and nxt is not None
                    and nxt.text == "," and not listed and tokens[f - 2].kind == "word"
                    and tokens[f - 2].text[0].isupper()
                    and tokens[f - 2].low not in STOP and tokens[f - 2].low not in MONTHS
                    and tokens[f - 2].low not in _WEEKDAYS)
    if said:
        d.unit = "years"


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())



_CURRENCY_CODE_SET = frozenset(CURRENCY_WORDS.values())


def unit_words(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A unit (or currency word, or percent) starting at token j, and its last token index."""
    n = len(tokens)
    t = tokens[j]
    if t.text == "%":
        return "percent", j
    if t.text == "€" and not (j + 1 < n and tokens[j + 1].kind == "num"):
        return "EUR", j  # "1.200 €", "1,200€": the euro sign after the amount, as much of Europe writes it
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
        elif _squared(tokens, k):
            words[-1] += tok.text  # "km2", "m3"
        elif tok.text == "." and not tok.spaced and words and k + 1 < n and tokens[k + 1].spaced:
            words[-1] += "."  # "sq. mi.": an abbreviation's full stop
        elif tok.text in ("/", ".") and not tok.spaced and words and k + 1 < n and tokens[k + 1].kind == "word":
            words[-1] = words[-1] + tok.text + tokens[k + 1].text
            k += 1
        elif tok.text == "-" and not tok.spaced and words and k + 1 < n and tokens[k + 1].kind == "word" \
                and not tokens[k + 1].spaced and lookup_unit([f"{words[-1]}-{tokens[k + 1].text}"]) is not None:
            words[-1] += "-" + tokens[k + 1].text  # "lb-ft", "pound-feet"
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
    if rare is not None and words[0].lower() not in STOP and words[0].lower() not in CURRENCY_WORDS:
        return rare[0], _last_token_of_words(tokens, j, rare[1])
    # currency words ("20 dollars", "5 million euros", "50 pence")
    for size in (3, 2, 1):
        phrase = " ".join(w.lower() for w in words[:size])
        if len(words) >= size and phrase in CURRENCY_WORDS and phrase not in ("won", "real", "rand", "p", "cent",
                                                                                    "sen"):
            return CURRENCY_WORDS[phrase], _last_token_of_words(tokens, j, size)
    if words and words[0].lower() in ("cents", "cent", "sen") :
        return CURRENCY_WORDS[words[0].lower()], j
    return None


def _squared(tokens: list[Token], k: int) -> bool:
    """Token k is the "2" of "km2" or the "3" of "m3": a power glued to a unit word."""
    return (0 < k < len(tokens) and tokens[k].text in ("2", "3", "²", "³") and not tokens[k].spaced
            and tokens[k - 1].kind == "word" and lookup_unit([tokens[k - 1].text + tokens[k].text]) is not None)


def _last_token_of_words(tokens: list[Token], j: int, used: int) -> int:
    """Index of the token that ends the `used`-th word starting at token j (joined words span tokens)."""
    k = j
    count = 0
    n = len(tokens)
    while k < n:
        if tokens[k].kind == "word":
            count += 1
            if _squared(tokens, k + 1):
                k += 1
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


def looks_counted(word: str) -> bool:
    return word in IRREGULAR_PLURALS or _men_plural(word) or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in STOP
        and word not in _NOT_NOUN_S)


def _men_plural(word: str) -> bool:
    """Compounds of 'men' are plural nouns though they do not end in -s ('40 fishermen', 'servicemen')."""
    return len(word) > 5 and word.endswith("men") and word not in _NOT_MEN


_NOT_MEN = frozenset("specimen abdomen regimen acumen stamen omen".split())


# Words ending in -s that are not plural nouns.
_NOT_NOUN_S = frozenset("is was has does this thus its his hers ours yours theirs whereas always perhaps "
                        "across towards besides sometimes plus minus various previous famous serious "
                        "nervous obvious numerous enormous was unless less bus news series species".split())


def _counted_noun(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The noun that a bare number counts: '30,000 troops', '5,000 new homes', '450 kidney transplants'.

    Common adjectives ('new', 'more') and proper nouns before the noun are left out of the unit;
    other lower-case words are kept with it, because they name what is counted:
    '2.1 million shipping containers', 'hundreds of job losses'."""
    n = len(tokens)
    k = j
    skipped = 0
    kept: list[str] = []
    while k < n and skipped <= 2:
        t = tokens[k]
        if t.kind != "word":
            return None
        low = t.low
        if low in _SKIPPABLE and k + 1 < n and tokens[k + 1].kind == "word" \
                or low not in STOP and t.text[0].isupper() and not looks_counted(low):
            kept = []  # "eight sold-out Wembley concerts": the kept words must stand right before the noun
            skipped += 1
            k += 1
            continue
        if low in STOP or low in MONTHS:
            return None
        if looks_counted(low):
            unit = lookup_unit([t.text]) if kept else None
            if unit is not None:  # "30 terrifying minutes", "210 rushing yards": a unit, not a kind of thing
                return unit[0].canonical, k
            return " ".join([*kept, low]), k
        glued = _glued_compound(tokens, k)
        if glued is not None:  # "first-team players", "year-round residents"
            word, k = glued
        elif not _modifier(low):
            return None
        else:
            word = low
        kept.append(word)
        skipped += 1
        k += 1
    return None


def _modifier(low: str) -> bool:
    """A lower-case word that may name the kind of thing counted ('kidney' in 'kidney transplants')."""
    return len(low) > 2 and low.isalpha() and not low.endswith("ly") and low not in _NOT_MODIFIERS


def _glued_compound(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """'first-team' or 'year-round' at token k: the joined word and its last token."""
    if k + 2 < len(tokens) and tokens[k + 1].text == "-" and not tokens[k + 1].spaced \
            and tokens[k + 2].kind == "word" and not tokens[k + 2].spaced and tokens[k].text.islower() \
            and tokens[k + 2].text.islower():
        return f"{tokens[k].low}-{tokens[k + 2].low}", k + 2
    return None


# Words after a number that end a noun phrase rather than describe its noun.
_NOT_MODIFIERS = frozenset("said says say according compared than".split())


def _read_per(tokens: list[Token], d: Draft) -> None:
    """Rates: '325,000 barrels per day', '$52 a barrel', '3 points per game', '£18 a-year',
    and past an aside: '90 euros ($98) a month'."""
    n = len(tokens)
    j = d.last + 1
    aside = False
    if j < n and tokens[j].text in ("(", ")"):
        # the rate after an aside applies to the figure before it and to the one inside it
        close = j if tokens[j].text == ")" else next(
            (k for k in range(j + 1, min(n, j + 12)) if tokens[k].text in ("(", ")")), -1)
        if close < 0 or tokens[close].text != ")":
            return
        j, aside = close + 1, True
    if j + 1 < n and tokens[j].low in ("per", "a", "an", "each"):
        k = j + 1
        if k + 1 < n and tokens[k].text == "-" and not tokens[k].spaced and not tokens[k + 1].spaced:
            k += 1  # "a-year"
        if tokens[k].kind != "word":
            return
        denom = tokens[k].low
        if tokens[j].low in ("a", "an") and denom not in _RATE_DENOMINATORS and not _measure(tokens[k].text):
            return
        if k + 1 < n and tokens[k + 1].low in ("earlier", "later", "ago", "before", "after", "from", "into"):
            return  # "a week earlier" is when, not a rate
        if tokens[j].low == "per" and denom in ("cent",):
            return
        base = d.currency or d.unit or ""
        found = lookup_unit([t.text for t in tokens[k:k + 3]])
        if found is not None and found[0].dimension != "area" and found[1] > 1:
            found = lookup_unit([tokens[k].text])  # only areas are read over several words: "per square foot"
        denom_name = found[0].canonical if found else denom
        if found and found[0].dimension == "time":
            denom_name = denom_name.rstrip("s") if denom_name != "centuries" else "century"  # "per day"
        if d.currency:
            d.currency = f"{d.currency}/{denom_name}"
        elif aside and not base:
            return
        else:
            d.unit = f"{base}/{denom_name}" if base else f"per {denom_name}"
        if not aside:
            d.last = k + (found[1] - 1 if found else 0)


def _measure(word: str) -> bool:
    """A unit of weight, volume or length can follow 'a' in a price: '$2,310 an ounce'."""
    found = lookup_unit([word]) if len(word) > 2 else None
    return found is not None and found[0].dimension in ("mass", "volume", "length", "area")


_RATE_DENOMINATORS = frozenset("day week month year hour minute second barrel head person share gallon litre "
                               "liter kilo kilogram pound tonne ton game season night mile kilometre km "
                               "square dozen unit piece ticket".split())
