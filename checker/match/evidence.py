"""How strongly the words around a number name a row's metric (0-100), and why.

Three kinds of evidence, strongest first:
- the row's own words: its metric name or one of its `metric_aliases` is written
  near the number ("population", "territory occupied by Russia");
- the concept's words: the row's metric is a concept of the lexicon (metrics.toml)
  and one of its phrases is near the number ("covers" -> area, "home to" ->
  population); any word of the row's metric beyond the concept ("occupied") that the
  sentence does not mention costs a little;
- the unit alone, for the few concepts whose unit says it all (a km2 figure about a
  place is its area).

Words count fully between the number and the figure before it in the same clause
(its segment), a little less elsewhere in its clause, and less again outside it. A
metric word that is only what the number is compared with ("twice its GDP") is not
evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.units import dimension_of
from checker.lexicon import Concept, Lexicon
from checker.match.sentence import Sentence, stems_of
from checker.models import ReferenceRow


def lexicon_dimension(unit: str) -> str:
    """A unit's dimension in the lexicon's terms: 'count', 'currency', 'year', 'area', ..."""
    d = dimension_of(unit)
    if d.startswith("count"):
        return "count"
    if d.startswith("currency"):
        return "currency"
    if d == "calendar_year":
        return "year"
    return d


@dataclass(frozen=True)
class Region:
    """A stretch of the sentence's words, and how much less evidence in it counts."""

    first: int
    last: int  # exclusive
    discount: float
    name: str  # "its clause", ...


@dataclass(frozen=True)
class Evidence:
    score: float
    reason: str  # for the note: "'covers' names area"
    at: int = -1  # word index of the words that gave it, when words did
    words: tuple[str, ...] = ()  # those words' stems


NONE = Evidence(0.0, "")


@lru_cache(maxsize=4096)
def row_concept(metric: str, unit: str, lex: Lexicon) -> tuple[Concept | None, tuple[str, ...]]:
    """The concept a row's metric is (or None), and the metric's words beyond it, as stems."""
    words = stems_of(metric)
    filler = lex.role_words("metric_filler")
    content = tuple(w for w in words if w not in filler and not w.isdigit())
    dimension = lexicon_dimension(unit)
    best: tuple[int, Concept, tuple[str, ...]] | None = None
    for concept in lex.concepts:
        if dimension not in concept.dimensions:
            continue
        for name in concept.names:
            name_stems = stems_of(name)
            if name_stems and set(name_stems) <= set(words):
                rest = tuple(w for w in content if w not in name_stems)
                if best is None or len(name_stems) > best[0]:
                    best = (len(name_stems), concept, rest)
    return (None, content) if best is None else (best[1], best[2])


@lru_cache(maxsize=8192)
def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return stems_of(phrase)


def find_phrase(sent: Sentence, phrase: tuple[str, ...], region: Region, lex: Lexicon, own_before: int = -1) -> int:
    """Word index where `phrase` (stems) starts inside `region` and is not only a
    comparison ("twice its GDP"), or -1. Before `own_before` (the number, in its own
    segment) the words are the number's own: "almost three times its annual GDP of
    $190bn" names the GDP of $190bn."""
    if not phrase:
        return -1
    n = len(phrase)
    stems = sent.stems
    first = phrase[0]
    if first not in sent.stem_set:
        return -1
    for k in range(max(0, region.first), min(region.last, len(stems)) - n + 1):
        if stems[k] == first and stems[k:k + n] == phrase and (k < own_before or not _compared(sent, k, lex)):
            return k
    return -1




def _compared(sent: Sentence, k: int, lex: Lexicon) -> bool:
    """Is the word at k only what something is compared with: 'twice its GDP', 'a tenth of its area'?"""
    j = k
    between = lex.role_words("between_comparison")
    while j > 0 and k - j < 5 and sent.folded[j - 1] in between:
        j -= 1
    before = " " + " ".join(sent.folded[max(0, j - 4):j])
    return any(before.endswith(" " + cue) for cue in lex.role_words("comparison"))


def metric_evidence(sent: Sentence, regions: Sequence[Region], window: Region, row: ReferenceRow,
                    claim_unit: str, claim_group: frozenset[str], lex: Lexicon, first: int) -> Evidence:
    """The strongest evidence that the number is `row`'s metric."""
    best = NONE
    # 1. The row's own words.
    for phrase in (row.metric, *row.metric_aliases):
        stems = _phrase_stems(phrase)
        if not stems:
            continue
        if _is_counted_noun(phrase, lex):
            # "5,000 people" at a rally: the counted noun alone is not the population; and
            # it must be the number's own noun, or next to it.
            own = phrase in claim_group or find_phrase(sent, stems, regions[0], lex) >= 0
            ev = _weak(sent, regions, window, phrase, lex, first) if own else NONE
        else:
            ev = _in_regions(sent, regions, stems, 100.0, f"“{phrase}” names {row.metric}", lex, first)
        if ev.score > best.score:
            best = ev
        if best.score >= 100.0:
            return best
    # 2. The concept's words. A row of a family of events ("independence") is of that family's
    # concept, whatever the event is called ("union with Sweden declared dissolved").
    concept, rest = row_concept(row.metric, row.unit, lex)
    group = dict(row.extra).get("event_group", "")
    if group:
        concept = next((c for c in lex.concepts if c.name == group), concept)
    if concept is None:
        return best
    in_window = _stems_in(sent, window) if rest else frozenset()
    missing = [w for w in rest if w not in in_window]
    penalty = lex.weight("unmatched_qualifier") * min(len(missing), int(lex.weight("max_unmatched_qualifiers")))
    if row.unit == "year":
        # An event's metric describes the event ("a provisional government declared
        # independence from the Netherlands"): its other words are no second metric.
        penalty = 0.0
    for phrase in concept.phrases:
        ev = _in_regions(sent, regions, _phrase_stems(phrase), lex.weight("concept_phrase") - penalty,
                         f"“{phrase}” → {concept.name.replace('_', ' ')}", lex, first)
        if ev.score > best.score:
            best = ev
    for phrase in concept.weak:
        # The counted noun must be the number's own ("84 million people"), or next to it.
        if phrase in claim_group or find_phrase(sent, _phrase_stems(phrase), regions[0], lex) >= 0:
            ev = _weak(sent, regions, window, phrase, lex, first)
            if ev.score - penalty > best.score:
                best = Evidence(ev.score - penalty, ev.reason)
    # 3. The unit alone.
    if concept.unit_evidence and lexicon_dimension(claim_unit) in concept.dimensions and claim_unit:
        score = lex.weight("unit_evidence") - penalty
        if score > best.score:
            best = Evidence(score, f"the unit {claim_unit} → {concept.name.replace('_', ' ')}")
    return best


@lru_cache(maxsize=8192)
def _is_counted_noun(phrase: str, lex: Lexicon) -> bool:
    """Is a metric word only a counted noun that any crowd has ("people", "residents", a
    concept's `weak` phrases)? Weak evidence then; "35 abstentions" is not."""
    folded = " ".join(phrase.casefold().split())
    return any(folded in c.weak for c in lex.concepts)


def _stems_in(sent: Sentence, region: Region) -> frozenset[str]:
    return frozenset(sent.stems[region.first:region.last])


def _in_regions(sent: Sentence, regions: Sequence[Region], stems: tuple[str, ...], score: float, reason: str,
                lex: Lexicon, first: int = -1) -> Evidence:
    if not stems or (stems[0] not in sent.stem_set if len(stems) <= 2 else not sent.stem_set.issuperset(stems)):
        return NONE  # most phrases are nowhere in the sentence
    for region in regions:  # nearest first: the first hit is the best
        if len(stems) <= 2:
            at = find_phrase(sent, stems, region, lex, own_before=first if region is regions[0] else -1)
        else:  # a longer metric name may be written in another order ("granted its town charter")
            at = -1
            if set(stems) <= _stems_in(sent, region):
                at = min(k for k in range(region.first, min(region.last, len(sent.stems))) if sent.stems[k] in stems)
        if at >= 0:
            return Evidence(score - region.discount, reason if not region.discount else f"{reason} ({region.name})",
                            at, stems)
    return NONE


def _weak(sent: Sentence, regions: Sequence[Region], window: Region, phrase: str, lex: Lexicon,
          first: int) -> Evidence:
    """A counted noun names a population only after a word of having, a few words before
    the number in its own segment ("has 84 million people", "home to some 520,000"), or
    right after a place's possessive ("Georgia's 4.9 million people", "its 72,000 residents")."""
    clause = regions[1] if len(regions) > 1 else window
    before = sent.folded[max(clause.first, first - _HAVING_REACH):first]
    if set(before) & lex.having:
        return Evidence(100.0, f"“{phrase}” with a word of having")
    possessives = [m.end for m in sent.mentions if m.possessive] + [
        end for _, end, phrase in sent.anaphors
        if sent.text[sent.spans[end - 1][1]:][:1] in ("'", "’") or phrase in lex.role_words("possessive_anaphora")]
    # "Georgia's 4.9 million": the name, its "s", the number; "its 72,000": the word, the number.
    if any(first - 2 <= end <= first for end in possessives):
        return Evidence(100.0, f"“{phrase}” after a place's possessive")
    return NONE


# How far before the number, in its clause, a word of having may stand: "is home to some
# 520,000", "with 13.6 million and 16 million inhabitants".
_HAVING_REACH = 6
