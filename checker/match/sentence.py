"""One sentence as the matcher sees it: its words (folded and stemmed once), the
places it names with the grammatical role each plays, and the words that point
back at a place named before ("it", "the country").

Everything here is computed once per sentence, in time linear in its length, and
shared by every number in it.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar, cast

from checker.extract.sentences import CLAUSE_BREAK, split_sentences
from checker.extract.tokens import SENTENCE_OPENERS, STOP
from checker.lexicon import Lexicon
from checker.reference import Reference, normalise_name
from checker.reference.index import demonyms_of

# Possessives are split off ("Ukraine's" -> "Ukraine", "s") so that names are found.
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s?\b")
# The longest place name looked up, in words.
_MAX_NAME_WORDS = 6


def stem(word: str) -> str:
    """A crude English stem, enough to meet "covers" with "cover" and "populations" with
    "population"; applied alike to the sentence and to the lexicon's phrases."""
    found = _STEMS.get(word)
    if found is None:
        found = _stem(word)
        if len(_STEMS) > 100_000:  # a scraped page of nonsense words must not grow it forever
            _STEMS.clear()
        _STEMS[word] = found
    return found


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "economies" -> "economy", "countries" -> "country"
    for suffix in ("ation", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    # "recognise" and "recognised" meet at "recognis".
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def stems_of(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(phrase.casefold()))


@dataclass(frozen=True)
class Mention:
    """A place named in the sentence (or pointed at by an anaphor in it)."""

    name: str  # normalised index key
    surface: str  # as written ("Ukraine's" -> "Ukraine"; "the country" for an anaphor)
    position: int  # index of its first word
    end: int  # index past its last word
    types: frozenset[str]  # entity types of its rows ("" when a table gives none)
    possessive: bool = False  # "Ukraine's ..."
    object: bool = False  # after "from", "than", ...: not what the sentence is about
    preposition: str = ""  # the word that made it an object ("from")
    anaphor: str = ""  # the word that pointed at it ("it", "the country"), if any
    demonym: bool = False  # named by its people ("500 Samoans"), not by its name
    topic: bool = False  # not named in the sentence: the subject of the sentence before


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the sentence in the article
    words: tuple[str, ...]  # as written
    spans: tuple[tuple[int, int], ...]  # offsets in `text`
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    clause: tuple[int, ...]  # clause number of each word (CLAUSE_BREAK)
    comma_clause: tuple[int, ...]  # number of ", " before each word (for asides)
    item: tuple[int, ...]  # number of ";" before each word: the items of a list or fact box
    mentions: tuple[Mention, ...]
    anaphors: tuple[tuple[int, int, str], ...]  # (first word, past last word, phrase)
    # Does it name something, known to the tables or not? A capitalised word, the first one
    # too unless it is a common word that opens sentences: "Kenya has a population of 65
    # million" is Kenya's, even when no table holds Kenya.
    names_something: bool = False
    stem_set: frozenset[str] = frozenset()  # the stems, for a quick "is this word here at all?"
    # A fact box's line: a label that opens with a metric word, a colon, the value
    # ("Area: 964 km²", "Capital: São Tomé"). Its place is the box's heading.
    label_line: bool = False

    def word_at(self, offset: int) -> int:
        """Index of the first word ending after `offset` (an offset in `text`)."""
        lo, hi = 0, len(self.spans)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.spans[mid][1] > offset:
                hi = mid
            else:
                lo = mid + 1
        return lo



def analyse(text: str, start: int, reference: Reference, lex: Lexicon) -> Sentence:
    found = [(m.group(), m.span()) for m in _WORD.finditer(text)]
    words = tuple(w for w, _ in found)
    spans = tuple(s for _, s in found)
    folded = tuple(w.casefold() for w in words)
    stems = tuple(stem(w) for w in folded)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
    commas = [m.start() for m in re.finditer(r",\s", text)]
    starts = [s[0] for s in spans]
    clause = _counts_before(breaks, starts)
    comma_clause = _counts_before(commas, starts)
    item = _counts_before([m.start() for m in re.finditer(";", text)], starts)
    anaphors = _anaphors(text, spans, folded, lex)
    taken = {k for a, b, _ in anaphors for k in range(a, b)}
    # A fact box's label ("Independence: 1957", "- Coastline: 539 km", "Independence from
    # Britain: 1948") opens with a metric, not with the town of Independence, Missouri.
    colon = text.find(":")
    label_line = bool(words) and folded[0] in _metric_words(lex) and colon > 0 \
        and len(_WORD.findall(text[:colon])) <= 4
    if label_line:
        taken.add(0)
    mentions = tuple(_mentions(text, words, spans, folded, reference, lex, taken))
    openers = (STOP, SENTENCE_OPENERS, lex.role_words("plain_openers"), _metric_words(lex))
    names_something = bool(words) and words[0][:1].isupper() and not any(folded[0] in o for o in openers) \
        or any(w[:1].isupper() for w in words[1:])
    return Sentence(text, start, words, spans, folded, stems, clause, comma_clause, item, mentions, anaphors,
                    names_something, frozenset(stems), label_line)


def _counts_before(marks: list[int], offsets: list[int]) -> tuple[int, ...]:
    """For each offset (ascending), how many marks (ascending) come before it."""
    if not marks:
        return (0,) * len(offsets)
    out = []
    j = 0
    for offset in offsets:
        while j < len(marks) and marks[j] < offset:
            j += 1
        out.append(j)
    return tuple(out)


def _anaphors(text: str, spans: tuple[tuple[int, int], ...], folded: tuple[str, ...], lex: Lexicon
              ) -> tuple[tuple[int, int, str], ...]:
    """Words that point back at a place: the lexicon's phrases ("it", "the former"), and
    "the" with up to two words before a head noun ("the Adriatic nation"). The phrase
    given for a head-noun match is "the <head>"."""
    prefixes = _anaphora_prefixes(lex)
    out = []
    k = 0
    n = len(folded)
    while k < n:
        size = 0
        if folded[k] in prefixes:
            phrase = folded[k]
            for j in range(k, n):
                if j > k:
                    phrase = f"{phrase} {folded[j]}"
                if phrase not in prefixes:
                    break
                if phrase in lex.anaphora:
                    size = j + 1 - k
        if size:
            out.append((k, k + size, " ".join(folded[k:k + size])))
            k += size
        else:
            if folded[k] == "the":
                head = -1
                for j in range(k + 1, min(n, k + 4)):
                    # Modifiers run on without punctuation: "the oil-rich emirate", not
                    # "the Philippines, a country".
                    gap = text[spans[j - 1][1]:spans[j][0]]
                    if gap.strip(" -") or folded[j] in lex.role_words("not_modifiers"):
                        break
                    if folded[j] in lex.anaphora_heads:
                        head = j
                        break
                # "the island nation", "the Adriatic nation of 600,000", but not "the nation
                # of Chad", where a name follows.
                named_after = head + 2 < n and folded[head + 1] == "of" and text[spans[head + 2][0]].isupper()
                if head > 0 and not named_after:
                    out.append((k, head + 1, f"the {folded[head]}"))
                    k = head + 1
                    continue
            k += 1
    return tuple(out)


@lru_cache(maxsize=8)
def _metric_words(lex: Lexicon) -> frozenset[str]:
    """Every word of the metrics' names and phrases ("coastline", "independence", "area"):
    a sentence that opens with one names no place by it."""
    phrases = (p for c in lex.concepts for p in (*c.names, *c.phrases, *c.weak))
    return frozenset(w for p in phrases for w in _WORD.findall(p.casefold()))


@lru_cache(maxsize=8)
def _anaphora_prefixes(lex: Lexicon) -> frozenset[str]:
    """The first one, two, ... words of every anaphora phrase ("the", "the former")."""
    return frozenset(" ".join(words[:n]) for words in map(str.split, lex.anaphora) for n in range(1, len(words) + 1))


T = TypeVar("T")
_MEMOS: weakref.WeakKeyDictionary[Reference, dict[str, dict[Any, Any]]] = weakref.WeakKeyDictionary()
_MEMO_LOCK = threading.Lock()


def per_reference(reference: Reference, name: str) -> dict[Any, Any]:
    """A memo that lives as long as `reference`: what is read from a reference is kept
    with it, so an uploaded table's reference is freed with everything read from it."""
    with _MEMO_LOCK:
        memos = _MEMOS.setdefault(reference, {})
        return memos.setdefault(name, {})


def remembered(reference: Reference, memo: str, key: Any, make: Callable[[], T], limit: int) -> T:
    """`make()`, kept in the reference's memo `memo` under `key` (at most `limit` entries:
    the memo starts afresh when full, so a long archive cannot grow it without end)."""
    found = per_reference(reference, memo)
    value = found.get(key)
    if value is None:
        if len(found) > limit:
            found.clear()
        value = found[key] = make()
    return cast(T, value)


def entity_types(reference: Reference, name: str) -> frozenset[str]:
    memo = per_reference(reference, "entity_types")
    if name not in memo:
        memo[name] = frozenset(dict(r.extra).get("entity_type", "").strip().casefold()
                               for r in reference.rows_for(name))
    return memo[name]


def name_prefixes(reference: Reference) -> frozenset[str]:
    """The first one, two, ... words of every name in the reference's index: a name is
    read word by word, and stops as soon as no name goes on that way."""
    memo = per_reference(reference, "name_prefixes")
    if "set" not in memo:
        prefixes = set()
        for key in reference.entity_index:
            at = key.find(" ")
            while at > 0:
                prefixes.add(key[:at])
                at = key.find(" ", at + 1)
            prefixes.add(key)
        memo["set"] = frozenset(prefixes)
    return memo["set"]


def _governing_word(text: str, words: tuple[str, ...], spans: tuple[tuple[int, int], ...],
                    folded: tuple[str, ...], k: int, objects: frozenset[str]) -> str:
    """The word that governs the name at k: the word before it, or, past "the" and up to
    two lower-case modifiers, a preposition ("than the continental United States", "from
    the former Soviet Union" are objects of "than" and "from")."""
    before = folded[k - 1] if k >= 1 else ""
    if before == "the" and k >= 2:
        before = folded[k - 2]
    if before in objects:
        return before
    for j in range(k - 1, max(-1, k - 4), -1):
        if text[spans[j][1]:spans[j + 1][0]].strip(" -"):
            break  # punctuation: another phrase begins
        if folded[j] in objects:
            return folded[j]
        if not (folded[j] in ("the", "a", "an") or words[j][:1].islower() and folded[j] not in STOP):
            break
    return before


def _inside_a_longer_name(text: str, words: tuple[str, ...], spans: tuple[tuple[int, int], ...], end: int,
                          reference: Reference, name: str) -> bool:
    """Is a people's name the first word of a longer name no table knows ("British
    Somaliland"), or of a compound that says who ran or built a thing ("the Italian-run
    territory", "a Russian-installed official")? Then it names neither the people's country
    nor anything the tables hold."""
    if end >= len(words):
        return False
    gap = text[spans[end - 1][1]:spans[end][0]]
    longer_name = gap == " " and words[end][:1].isupper()
    compound = gap == "-" and words[end][:1].islower()
    return (longer_name or compound) and _is_demonym(reference, name)


def _acronym_of_a_word(word: str, name: str, reference: Reference) -> bool:
    """Is `word` written in capitals ("UN", "EU") while the place of that name is written as
    a word ("Un", a town in India)? An acronym names the places that have it as an alias."""
    if not (2 <= len(word) <= 3 and word.isupper()):
        return False
    return all(normalise_name(r.entity) == name and r.entity != word for r in reference.rows_for(name))


def _longest_name(normal: list[str], k: int, most: int, prefixes: frozenset[str], reference: Reference,
                  single: bool) -> int:
    """How many words from k make the longest name the index knows (0: none); one word
    only if `single`."""
    best = 0
    name = ""
    index = reference.entity_index
    for size in range(1, most + 1):
        part = normal[k + size - 1]
        if part:
            name = f"{name} {part}" if name else part
        if not name:
            continue
        if name not in prefixes:
            break
        if name in index and (size > 1 or single):
            best = size
    return best


def _is_demonym(reference: Reference, name: str) -> bool:
    memo = per_reference(reference, "demonyms")
    if name not in memo:
        rows = reference.rows_for(name)
        memo[name] = bool(rows) and name != normalise_name(rows[0].entity) \
            and name in {normalise_name(d) for d in demonyms_of(rows[0])}
    return bool(memo[name])


def _mentions(text: str, words: tuple[str, ...], spans: tuple[tuple[int, int], ...], folded: tuple[str, ...],
              reference: Reference, lex: Lexicon, taken: set[int]) -> list[Mention]:
    """Place names written in the sentence, longest first at each position."""
    found: list[Mention] = []
    n = len(words)
    longest = min(reference.max_name_tokens, _MAX_NAME_WORDS)
    # A word of letters and digits folds to its lower case unless it has accents.
    normal = [w.casefold() if w.isascii() else normalise_name(w) for w in words]
    objects = frozenset(lex.role_words("object_prepositions"))
    prefixes = name_prefixes(reference)
    part_of_place = frozenset(lex.role_words("part_of_place"))
    k = 0
    while k < n:
        hit = None
        size = 0
        # Most words begin no name: one set look-up skips them.
        if normal[k] in prefixes and not (
                # "northern Ethiopia", "Central America": a part of the place, or a region
                # named after it, is not the place
                k >= 1 and folded[k - 1] in part_of_place and text[spans[k - 1][1]:spans[k][0]] == " "
                # the end of a longer name no table knows: "South America" is not "America"
                or k >= 2 and words[k - 1][:1].isupper() and folded[k - 1] not in lex.role_words("name_parts_not")
                and not text[spans[k - 1][1]:spans[k][0]].strip()
                # "the Gulf of Guinea" is not Guinea
                or k >= 2 and folded[k - 1] == "of" and folded[k - 2] in lex.role_words("name_heads")):
            size = _longest_name(normal, k, min(longest, n - k), prefixes, reference,
                                 # single lower-case words are not names ("turkey", "chad"); the
                                 # sentence's first word is capitalised anyway: "Unlike Spain, ..."
                                 single=words[k][:1].isupper() and k not in taken
                                 # "Central" or "Southern" alone is no place, whatever a gazetteer says
                                 and folded[k] not in part_of_place and folded[k] not in STOP  # "Of", a town
                                 and not _acronym_of_a_word(words[k], normal[k], reference))
        if size and _inside_a_longer_name(text, words, spans, k + size, reference, " ".join(normal[k:k + size])):
            size = 0
        if size:
            end = k + size
            name = " ".join(p for p in normal[k:end] if p)
            after = text[spans[end - 1][1]:spans[end - 1][1] + 2]
            possessive = bool(_POSSESSIVE.match(after))
            # "from Spain", "than France", "from the Soviet Union"; and the rest of a
            # list: "between Russia and China".
            before = _governing_word(text, words, spans, folded, k, objects)
            listed = before in ("and", "or") and bool(found) and found[-1].end == k - 1 and found[-1].object
            hit = Mention(name, " ".join(words[k:end]), k, end, entity_types(reference, name),
                          possessive=possessive, object=before in objects or listed,
                          preposition=before if before in objects else "",
                          demonym=_is_demonym(reference, name))
            k = end
        if hit is None:
            k += 1
        else:
            found.append(hit)
    return found


def analysed(text: str, start: int, reference: Reference, lex: Lexicon) -> Sentence:
    """A sentence read once per reference and lexicon: a sentence often holds several
    claims, and the matcher and the elapsed-time finder's reading of the whole article
    read the same sentences at the same offsets. The memo lives on the reference, so it
    goes when the reference goes."""
    return remembered(reference, "sentences", (text, start, lex), lambda: analyse(text, start, reference, lex),
                      limit=1024)


def names_in(text: str, reference: Reference, lex: Lexicon) -> list[tuple[int, str, str]]:
    """(offset in `text`, index key, surface) of every place named in `text`, by name, not
    by its people: the same reading as the matcher's, sentence by sentence."""
    found = []
    for start, end in split_sentences(text):
        sent = analysed(text[start:end], start, reference, lex)
        found += [(start + sent.spans[m.position][0], m.name, m.surface) for m in sent.mentions if not m.demonym]
    return found
