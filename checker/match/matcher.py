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

from checker.extract.sentences import clause_bounds
from checker.extract.units import dimension_of
from checker.models import Claim, Match, ReferenceRow
from checker.reference import Reference, normalise_name

# How many words either side of the number count as its context.
CONTEXT_WORDS = 10
# Minimum metric similarity (0-100) for a row to be considered about the same thing.
METRIC_THRESHOLD = 80.0
# Metric words found only outside the number's clause count this much less.
OUTSIDE_CLAUSE_DISCOUNT = 10.0
# A name inside a comma-delimited aside ("Kharkiv, Ukraine's second city, has ...") is
# rarely what the number is about; nor, less surely, a name in another clause when the
# number's own clause names something. This much is taken off their scores.
ASIDE_PENALTY = 40.0
OTHER_CLAUSE_PENALTY = 20.0
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
    clause_context = _clause_context(claim)
    clause = _clause_penalties(claim, spans, mentions)
    delta = is_change_amount(claim)
    best: tuple[float, ReferenceRow, _Mention] | None = None
    for mention in mentions:
        for row in reference.rows_for(mention.name):
            if not units_compatible(claim.unit, row.unit):
                continue
            if delta and not _is_rate_of_change(row):
                continue  # "fell by 500,000" is not the population
            # Words in the number's own clause count fully; beyond it, a little less:
            # "Russia controls 75% of Donetsk, while Kyiv still holds a fifth".
            metric = max(metric_score(clause_context, row, claim.unit),
                         metric_score(context, row, claim.unit) - OUTSIDE_CLAUSE_DISCOUNT)
            if metric < METRIC_THRESHOLD:
                continue
            distance = abs(mention.position - claim_pos)
            score = (metric - 2.0 * distance + _claimant_bonus(claim.sentence, row)
                     - clause[id(mention)] + _TYPE_PRIORITY.get(_entity_type(row), 0.0))
            if best is None or score > best[0]:
                best = (score, row, mention)
    if best is None:
        return None
    score, row, mention = best
    same_clause = [m for m in mentions if clause[id(m)] == 0.0]
    if _inside_nearer_place(row, mention, same_clause, claim_pos, reference):
        return None
    return Match(row=row, score=round(max(0.0, min(100.0, score)), 1), entity_surface=mention.surface,
                 attributed=bool(row.claimant) and attributed_to(claim.sentence, row.claimant))


def is_change_amount(claim: Claim) -> bool:
    """'fell by 500,000', 'grew 3%': the size of a change, not a level ('rose to 3%' is a level)."""
    if claim.change is None:
        return False
    before = claim.sentence[:claim.start - claim.sentence_start].split()
    return not before or before[-1].lower() not in ("to", "at", "from", "of")


def _is_rate_of_change(row: ReferenceRow) -> bool:
    """A row that measures a change itself: inflation, growth, a rise or fall."""
    words = default_process(" ".join((row.metric, *row.metric_aliases))).split()
    return any(w in _CHANGE_WORDS or _stem(w) in _CHANGE_WORDS for w in words)


_CHANGE_WORDS = frozenset("inflation growth grow increase rise change decline fall drop gain loss".split())


# When one name is both a country and a town ("Mexico"), the country is meant unless
# the sentence says otherwise; a small bonus, smaller than one word of distance.
_TYPE_PRIORITY = {"country": 1.5, "territory": 1.0, "region": 0.5}


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


def metric_score(context: str, row: ReferenceRow, claim_unit: str = "") -> float:
    """How well the words around the number name the row's metric (0-100).

    The claim's own counted noun is weak evidence: "5,000 people attended a rally in
    Paris" is not about Paris's population. It counts only beside words of having or
    living ("Germany, with 84 million people"; "home to 9 million people")."""
    weak = _same_group(claim_unit)
    best = 0.0
    for phrase in (row.metric, *row.metric_aliases):
        p = default_process(phrase)
        if not p:
            continue
        if p in weak:
            if _HAVING.intersection(context.split()):
                best = max(best, 100.0)
            continue
        if _all_words_in(p, context):
            return 100.0
        best = max(best, fuzz.partial_ratio(p, context) if len(p) >= 5 else 0.0)
    return best


_HAVING = frozenset("has have had with home population populous inhabited inhabitants residents lives live "
                    "living census counts counted totals".split())


def _same_group(unit: str) -> frozenset[str]:
    for group in _NOUN_GROUPS:
        if unit in group:
            return group
    return frozenset({unit}) if unit else frozenset()


def _all_words_in(phrase: str, context: str) -> bool:
    ctx = set(context.split())
    stems = {_stem(c) for c in ctx}
    return all(w in ctx or _stem(w) in stems for w in phrase.split())


def _stem(word: str) -> str:
    for suffix in ("ation", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _claimant_bonus(sentence: str, row: ReferenceRow) -> float:
    """Prefer a party's row when the sentence attributes the figure to that party;
    unattributed, a neutral row is preferred to a party's figure for the same metric."""
    if not row.claimant:
        return 0.0
    return 15.0 if attributed_to(sentence, row.claimant) else -5.0


# Words that attribute a figure to someone: "Putin said", "according to Kyiv".
_ATTRIBUTION = frozenset("said says say saying told tells claimed claims claim claiming according reported "
                         "reports announced stated insisted alleged estimates estimated put puts".split())
# Words of a claimant's name too common to identify it ("Ukraine's General Staff": "general").
_GENERIC = frozenset("the of and general staff ministry office head official officials government "
                     "authorities installed russian ukrainian".split())


def attributed_to(sentence: str, claimant: str) -> bool:
    """Does the sentence attribute its figure to `claimant`? It must name the party (a
    distinctive word of the claimant's name) and use a word of attribution."""
    words = set(default_process(sentence).split())
    if not words & _ATTRIBUTION:
        return False
    names = {w for w in default_process(claimant.replace("'s", "")).split() if len(w) > 3} - _GENERIC
    return bool(names & words)


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


def _clause_penalties(claim: Claim, spans: list[tuple[int, int]], mentions: list[_Mention]) -> dict[int, float]:
    """How much less likely each mention is to be what the number is about, judged by
    the comma-separated clauses of the sentence (keyed by id of the mention).

    A name in the number's own clause is preferred. When that clause names nothing,
    the sentence's subject (its first clause) is, and a name in an aside set off by
    commas is not: in "Kharkiv, Ukraine's second city, has 1.4 million people" the
    figure is Kharkiv's."""
    cuts = [m.start() for m in re.finditer(r",\s", claim.sentence)]

    def clause_of(offset: int) -> int:
        return sum(1 for c in cuts if c < offset)

    here = clause_of(claim.start - claim.sentence_start)
    clause = {id(m): clause_of(spans[m.position][0]) for m in mentions}
    if any(c == here for c in clause.values()):
        return {key: 0.0 if c == here else OTHER_CLAUSE_PENALTY for key, c in clause.items()}
    return {key: ASIDE_PENALTY if 0 < c < here else 0.0 for key, c in clause.items()}


def _clause_context(claim: Claim) -> str:
    """The words of the clause that holds the number."""
    start, end = clause_bounds(claim.sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start)
    return default_process(claim.sentence[start:end])


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
