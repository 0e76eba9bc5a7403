"""Find the reference row a claim asserts about, or none.

A row is a candidate only when three things hold: its entity (or an alias) is
named in the claim's sentence, its unit is compatible with the claim's, and the
words around the number resemble its metric. Among candidates the nearest entity
and the closest metric win. When nothing fits well the claim stays unmatched: a
wrong match that "contradicts" a true claim is worse than no match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from checker.models import Claim, Match, ReferenceRow
from checker.reference import Reference, normalise_name
from checker.units import dimension_of

# How many words either side of the number count as its context.
CONTEXT_WORDS = 10
# Minimum metric similarity (0-100) for a row to be considered about the same thing.
METRIC_THRESHOLD = 80.0
# A name inside a comma-delimited aside ("Kharkiv, Ukraine's second city, has ...") is
# rarely what the number is about; this much is taken off its score.
ASIDE_PENALTY = 40.0
# Entity types that sit inside a country: their figures are never the country's.
_SUB_NATIONAL = frozenset({"city", "region", "oblast", "province", "state", "district", "town"})

# Counted nouns that name the same kind of thing.
_NOUN_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"people", "persons", "residents", "inhabitants", "citizens", "population"}),
    frozenset({"troops", "soldiers", "servicemen", "personnel", "fighters", "military personnel"}),
    frozenset({"regions", "oblasts", "provinces"}),
)

# Possessives split off ("Ukraine's" -> "Ukraine", "s") so that names are found.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Mention:
    name: str  # normalised
    surface: str
    position: int  # word index in the sentence


def match_claim(claim: Claim, reference: Reference) -> Match | None:
    """The best reference row for `claim`, or None when no row fits well enough."""
    if claim.qualifier == "vague" and not claim.unit:
        return None
    words, spans, mentions = _sentence_index(claim.sentence, reference)
    claim_pos = _word_index(spans, claim.start - claim.sentence_start)
    if not mentions:
        return None
    context = _context(words, claim, claim_pos)
    aside = _in_asides(claim, spans, mentions)
    best: tuple[float, ReferenceRow, _Mention] | None = None
    for mention in mentions:
        rows = reference.rows_for(mention.name)
        for row in rows:
            if not units_compatible(claim.unit, row.unit):
                continue
            metric = metric_score(context, row)
            if metric < METRIC_THRESHOLD:
                continue
            distance = abs(mention.position - claim_pos)
            score = metric - 2.0 * distance + _claimant_bonus(claim.sentence, row)
            if mention in aside:
                score -= ASIDE_PENALTY
            if best is None or score > best[0]:
                best = (score, row, mention)
    if best is None:
        return None
    score, row, mention = best
    if _inside_nearer_place(row, mention, [m for m in mentions if m not in aside], claim_pos, reference):
        return None
    return Match(row=row, score=round(max(0.0, min(100.0, score)), 1), entity_surface=mention.surface)


def units_compatible(claim_unit: str, row_unit: str) -> bool:
    """Could a figure in `claim_unit` be about a row in `row_unit`? Troops never match km2."""
    if claim_unit == row_unit:
        return True
    a, b = dimension_of(claim_unit), dimension_of(row_unit)
    if {claim_unit, row_unit} <= {"percent", "fraction"}:
        return True
    if a.startswith("count:") and b.startswith("count:"):
        return any(claim_unit in g and row_unit in g for g in _NOUN_GROUPS)
    if a == "count" and b.startswith("count:"):
        return True  # "a population of 38 million": the noun is in the metric, not after the number
    if a in ("area", "length", "mass", "volume", "speed", "temperature", "energy", "power"):
        return a == b
    return False


def metric_score(context: str, row: ReferenceRow) -> float:
    """How well the words around the number name the row's metric (0-100)."""
    best = 0.0
    for phrase in (row.metric, *row.metric_aliases):
        p = default_process(phrase)
        if not p:
            continue
        if _all_words_in(p, context):
            return 100.0
        best = max(best, fuzz.partial_ratio(p, context) if len(p) >= 5 else 0.0)
    return best


def _all_words_in(phrase: str, context: str) -> bool:
    ctx = set(context.split())
    return all(w in ctx or _stem(w) in {_stem(c) for c in ctx} for w in phrase.split())


def _stem(word: str) -> str:
    for suffix in ("ation", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _claimant_bonus(sentence: str, row: ReferenceRow) -> float:
    """Prefer a party's row when the sentence attributes the figure to that party."""
    if not row.claimant:
        return 0.0
    names = [row.claimant, *row.claimant.replace("'s", "").split()]
    text = default_process(sentence)
    # Unattributed, a neutral row is preferred to a party's figure for the same metric.
    return 15.0 if any(len(n) > 3 and default_process(n) in text for n in names) else -5.0


@lru_cache(maxsize=64)
def _sentence_index(sentence: str, reference: Reference
                    ) -> tuple[list[str], list[tuple[int, int]], list[_Mention]]:
    """Words, their spans and the entity names of a sentence; cached because a sentence
    often holds several claims."""
    found = [(m.group(), m.span()) for m in _WORD.finditer(sentence)]
    words = [w for w, _ in found]
    return words, [s for _, s in found], _mentions(words, reference)


def _word_index(spans: list[tuple[int, int]], offset: int) -> int:
    for k, (_, end) in enumerate(spans):
        if end > offset:
            return k
    return len(spans)


def _mentions(words: list[str], reference: Reference) -> list[_Mention]:
    """Entity names written in the sentence, longest first at each position."""
    found: list[_Mention] = []
    n = len(words)
    longest = min(reference.max_name_tokens, 6)
    # Each word is normalised once; a name of several words is looked up as their join,
    # which is what normalise_name gives for the whole phrase.
    normal = [normalise_name(w) for w in words]
    k = 0
    while k < n:
        hit = None
        for size in range(min(longest, n - k), 0, -1):
            if size == 1 and not words[k][:1].isupper():
                continue  # single lower-case words are not names ("turkey", "chad")
            name = " ".join(p for p in normal[k:k + size] if p)
            if name and name in reference.entity_index:
                surface = " ".join(words[k:k + size])
                hit = _Mention(name, surface, k)
                k += size
                break
        if hit is None:
            k += 1
        else:
            found.append(hit)
    return found


def _in_asides(claim: Claim, spans: list[tuple[int, int]], mentions: list[_Mention]) -> list[_Mention]:
    """Mentions inside an aside set off by commas between the sentence's subject and the
    clause holding the number, when that clause names no entity itself:
    in "Kharkiv, Ukraine's second city, has 1.4 million people" Ukraine is an aside."""
    text = claim.sentence
    cuts = [m.start() for m in re.finditer(r",\s", text)]
    if not cuts:
        return []
    at = claim.start - claim.sentence_start

    def segment(offset: int) -> int:
        return sum(1 for c in cuts if c < offset)

    claim_segment = segment(at)
    segments = {id(m): segment(spans[m.position][0]) for m in mentions}
    if claim_segment == 0 or any(seg == claim_segment for seg in segments.values()):
        return []
    return [m for m in mentions if 0 < segments[id(m)] < claim_segment]


def _context(words: list[str], claim: Claim, claim_pos: int) -> str:
    lo = max(0, claim_pos - CONTEXT_WORDS)
    hi = min(len(words), claim_pos + CONTEXT_WORDS + len(claim.text.split()))
    return default_process(" ".join(words[lo:hi]))


def _inside_nearer_place(row: ReferenceRow, chosen: _Mention, mentions: list[_Mention], claim_pos: int,
                         reference: Reference) -> bool:
    """A country's row is not used when a city or region is named nearer the number:
    'Kharkiv, Ukraine's second city, has 1.4 million people' is not about Ukraine."""
    if _entity_type(row) in _SUB_NATIONAL:
        return False
    chosen_distance = abs(chosen.position - claim_pos)
    for m in mentions:
        if m is chosen or abs(m.position - claim_pos) >= chosen_distance:
            continue
        if any(_entity_type(r) in _SUB_NATIONAL for r in reference.rows_for(m.name)):
            return True
    return False


def _entity_type(row: ReferenceRow) -> str:
    return dict(row.extra).get("entity_type", "").strip().lower()
