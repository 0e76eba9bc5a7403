"""Find the reference row a claim is about, or none, and say why.

Three steps, each a module of its own:
1. candidates: the places named in the sentence, and a word such as "it" or "the
   country" resolved to the last fitting place named before (`sentence`); each
   place's rows whose unit fits the claim's;
2. features: how well the words around the number name the row's metric
   (`evidence`), what the number is (`roles`: a part, an age, a rank is no level),
   and the place's role in the sentence (`features`: subject, possessive, aside,
   object of "from", position in a "respectively" list, attribution);
3. a score with weights kept in data (checker/lexicon/weights.toml), and a decision:
   the best candidate if its metric evidence passes the threshold and no other place
   comes close. When nothing fits well the claim stays unmatched: a wrong match that
   "contradicts" a true claim is worse than no match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.extract.sentences import split_sentences
from checker.extract.tokens import STOP
from checker.extract.units import counted_head, dimension_of
from checker.lexicon import Lexicon, lexicon
from checker.match.evidence import Evidence, Region, lexicon_dimension, metric_evidence, row_concept
from checker.match.features import Candidate, PlaceFeatures, terms
from checker.match.roles import LEVEL, NumberRole, number_role
from checker.match.sentence import Mention, Sentence, analysed, entity_types, remembered, stems_of
from checker.models import Claim, Match, ReferenceRow
from checker.reference import Reference

# How many words either side of the number count as its wider context.
CONTEXT_WORDS = 10
# The number's clause is read at most this many words either side (a run-on
# sentence must not make every number read the whole of it).
CLAUSE_WORDS = 30
# How many sentences back a word like "it" or "the country" may point.
ANAPHORA_SENTENCES = 3


@dataclass(frozen=True)
class Decision:
    """The matcher's answer for one claim: a match, or none and why."""

    match: Match | None
    reason: str = ""


def match_claim(claim: Claim, reference: Reference, lex: Lexicon | None = None) -> Match | None:
    """The best reference row for `claim`, or None (the claim's sentence alone as context)."""
    return decide(claim, reference, lex).match


def decide(claim: Claim, reference: Reference, lex: Lexicon | None = None,
           siblings: Sequence[Claim] | None = None, earlier: Sequence[Sentence] = ()) -> Decision:
    """Like match_claim, with the reason when there is no match. `siblings` are all the
    claims of the sentence (found again when not given); `earlier` the sentences before
    it, most recent last, for "it" and "the country"."""
    lex = lex or lexicon()
    sent = analysed(claim.sentence, claim.sentence_start, reference, lex)
    if siblings is None:
        from checker.extract import extract_claims, with_offset  # the same sentence, read again

        siblings = [with_offset(c, claim.sentence_start) for c in extract_claims(claim.sentence, lex)]
    return _decide(claim, sent, siblings, earlier, reference, lex)


def match_claims(text: str, claims: Sequence[Claim], reference: Reference,
                 lex: Lexicon | None = None) -> Iterator[Decision]:
    """A decision for each claim of an article, in order, reading its sentences in order
    so that "It covers 1.56 million square kilometres" finds the place named before."""
    lex = lex or lexicon()
    groups: dict[tuple[int, str], list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.sentence_start, c.sentence), []).append(c)
    recent = _Recent(reference, lex)
    read_to = 0
    for (start, sentence), group in groups.items():
        # The sentences between the last claim's and this one may name the place that
        # "It covers ..." points back at; they are read only if a claim asks.
        if start > read_to:
            for s, e in split_sentences(text[read_to:start]):
                recent.add_unread(text[read_to + s:read_to + e], read_to + s)
        sent = analysed(sentence, start, reference, lex)
        for c in group:
            yield _decide(c, sent, group, recent, reference, lex)
        recent.add(sent)
        read_to = max(read_to, start + len(sentence))


class _Recent(Sequence[Sentence]):
    """The last ANAPHORA_SENTENCES sentences that name a place, most recent last. Most
    sentences between two claims are never needed (their claims name their own place),
    so they are analysed only when a claim looks back: for its "it", or because its own
    sentence names nothing."""

    def __init__(self, reference: Reference, lex: Lexicon) -> None:
        self._reference = reference
        self._lex = lex
        self._items: list[Sentence | tuple[str, int]] = []  # analysed, or (text, start) not yet
        self._resolved: list[Sentence] | None = []

    def add_unread(self, text: str, start: int) -> None:
        self._items.append((text, start))
        self._resolved = None

    def add(self, sent: Sentence) -> None:
        self._items.append(sent)
        self._resolved = None
        if sent.mentions:
            # Whatever lies before the last ANAPHORA_SENTENCES read sentences that name a
            # place can never be needed: keep a run-on list of claims from piling up.
            seen = 0
            for k in range(len(self._items) - 1, -1, -1):
                item = self._items[k]
                if isinstance(item, Sentence) and item.mentions:
                    seen += 1
                    if seen == ANAPHORA_SENTENCES:
                        del self._items[:k]
                        break

    def _sentences(self) -> list[Sentence]:
        if self._resolved is None:
            found: list[Sentence] = []
            for item in reversed(self._items):
                sent = item if isinstance(item, Sentence) else analysed(*item, self._reference, self._lex)
                if sent.mentions:
                    found.append(sent)
                    if len(found) == ANAPHORA_SENTENCES:
                        break
            found.reverse()
            self._items = list(found)  # what lies before them can never be needed again
            self._resolved = found
        return self._resolved

    def __len__(self) -> int:
        return len(self._sentences())

    def __getitem__(self, index):
        return self._sentences()[index]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self._sentences())

    def __reversed__(self) -> Iterator[Sentence]:
        return reversed(self._sentences())


_NOTHING_NAMED = "no place or thing named that a table holds"


def _rows_in_unit(reference: Reference, name: str, unit: str, lex: Lexicon) -> tuple[ReferenceRow, ...]:
    """A place's rows whose unit fits a claim's, in table order: a country has hundreds of
    rows and an article asks for the same few places and units again and again."""
    return remembered(reference, "rows_in_unit", (name, unit, lex),
                      lambda: tuple(r for r in reference.rows_for(name) if units_compatible(unit, r.unit, lex)),
                      limit=4096)


def _decide(claim: Claim, sent: Sentence, siblings: Sequence[Claim], earlier: Sequence[Sentence],
            reference: Reference, lex: Lexicon) -> Decision:
    if claim.qualifier == "vague" and not claim.unit:
        return Decision(None, "a vague amount with nothing counted")
    if not (sent.mentions or sent.anaphors or sent.names_something or earlier):
        # A line of bare figures (a pasted table) names no place and follows none: said
        # at once, as the steps below would say it for each of its thousands of figures.
        return Decision(None, _NOTHING_NAMED)
    n_words = len(sent.words)
    first = min(sent.word_at(claim.start - claim.sentence_start), max(0, n_words - 1))
    last = min(max(first + 1, sent.word_at(max(claim.start, claim.end - 1) - claim.sentence_start) + 1),
               max(n_words, first + 1))
    mentions = [*sent.mentions, *_resolved_anaphors(sent, earlier, reference, lex)]
    if not mentions and (not sent.names_something or sent.label_line) \
            or mentions and (_only_objects(sent, mentions) or sent.label_line and all(m.object for m in mentions)):
        # A sentence that names nothing continues the one before ("The economy grew by
        # 7.4%"), as a fact box's lines continue its heading (whatever else a line names:
        # "Highest point: Nanlaud, 782 m"); so does one whose only places are objects
        # ("Independence from Britain: 1948").
        mentions = [*mentions, *_topic(earlier, first, label_line=sent.label_line)]
    if not mentions:
        return Decision(None, _NOTHING_NAMED)
    clause = _clause_range(sent, first, last)
    role = number_role(claim, sent, first, last, clause, lex)
    regions, window = _regions(sent, claim, first, last, clause, siblings, lex)
    group = _noun_group(claim.unit, lex)
    change = is_change_amount(claim, lex)
    features = _place_features(claim, sent, first, last, mentions, siblings, lex)
    candidates: list[Candidate] = []
    blocked: NumberRole | None = None
    threshold = lex.weight("metric_threshold")
    compared_with, away_from, contrast = lex.role_words("compared_with"), _away_from(lex), lex.role_words("contrast")
    # Rows of a series (one metric, several years) and of several places share their
    # metric words: their evidence is read once.
    evidence_of: dict[tuple[str, tuple[str, ...], str], Evidence] = {}
    for mention in mentions:
        if claim.unit == "year" and mention.object and mention.preposition not in lex.role_words("event_prepositions"):
            continue  # "independence from France in 1960" is not an event of France
        for row in _rows_in_unit(reference, mention.name, claim.unit, lex):
            if not claim.unit and abs(claim.value) >= 1000 and lexicon_dimension(row.unit) in ("time", "rate"):
                continue  # "25 million" left unsaid is no age and no rate
            if change and not _is_rate_of_change(row, lex) and not _is_fixed(row, lex):
                # "fell by 500,000" is not the population; but a height does not change, so
                # "Denali rises 20,310 feet" is its level.
                continue
            key = (row.metric, row.metric_aliases, row.unit)
            evidence = evidence_of.get(key)
            if evidence is None:
                evidence = evidence_of[key] = metric_evidence(sent, regions, window, row, claim.unit, group, lex,
                                                              first)
            if evidence.score < threshold:
                continue
            if role.blocks(_phrase_set(row.metric)):
                blocked = role
                continue
            f = features[id(mention)]
            attribution = ""
            if row.claimant:
                attribution = "attributed" if attributed_to(claim.sentence, row.claimant, lex) else "unattributed"
            # "Ukraine's territory", "Georgia's 4.9 million people": the possessive governs
            # the metric word or the number; "Kenya's capital Nairobi" governs neither.
            named_type = _named_type(evidence, mention, lex)
            governs = mention.possessive and (mention.end <= first <= mention.end + 2 or f.clause == "same" and (
                mention.end <= evidence.at <= mention.end + 3))
            if _adjective(sent, mention) and mention.position > 0 \
                    and evidence.at not in (mention.end, mention.end + 1) and mention.end != first:
                continue  # a people's name as an adjective claims its own metric ("the Italian
                # population") or opens the sentence ("Czech unemployment ..."), but "Chinese
                # investment" in passing says nothing of China's figures
            if mention.object and mention.preposition in compared_with and not governs \
                    and not f.bracketed:
                continue  # "wider than the mainland United States, it covers 26 sq km": not the US's
            # "Kenya's main port", "Tunisia's coastal rivals": a possessive that governs
            # neither names a place only to describe another; and when that other is a
            # smaller place ("Portugal's capital, Lisbon"), the figure is not the country's.
            modifier = mention.possessive and not governs and not mention.anaphor
            if mention.possessive and not governs and _describes_a_smaller_place(sent, mention, lex):
                continue  # ... "Its capital, Vientiane, has 950,000 residents" too
            if mention.preposition in away_from and f.clause == "other" and not governs:
                # "won independence from Portugal; the volcano's peak rises to 3,200 m": a place
                # that is only an object, in another clause, owns no figure there.
                continue
            if mention.position > last and any(w in contrast for w in sent.folded[last:mention.position]):
                # "The Galapagos are home to 30,000 people, while Ecuador's coastline ...": a
                # place named after "while" or "but" is the next clause's, not the figure's.
                continue
            f = replace(f, attribution=attribution, type_priority=lex.type_priority.get(_entity_type(row), 0.0),
                        type_named=named_type, modifier=modifier,
                        matched_qualifiers=_matched_qualifiers(sent, window, row, lex), possessive=governs)
            if governs and mention.end <= first <= mention.end + 2:
                # "than Germany's 84 million": a possessive right before the number owns it,
                # whatever clause or preposition it stands in.
                f = replace(f, clause="same", object=False)
            candidates.append(Candidate(row, mention, evidence, f, terms(f, mention, lex)))
    candidates = _most_specific(candidates, lex)
    if not candidates:
        if blocked is not None:
            return Decision(None, f"the figure is {blocked.describe()}")
        if role is not LEVEL:
            return Decision(None, f"the figure is {role.describe()}")
        return Decision(None, "no row of the places named measures what the figure measures")
    # Highest total; on a tie the row whose metric the sentence names most fully
    # ("area" before "area occupied by Russia" when nothing says "occupied"), then,
    # within a series (one metric, several years), the latest.
    best = max(candidates, key=lambda c: (round(c.total, 6), -_unmatched_qualifiers(sent, window, c.row, lex),
                                          c.row.as_of))
    if claim.unit == "year" and best.features.clause == "other" and best.features.antecedent != "yes":
        # "Croatia declared independence in 1991, while Slovakia became independent in
        # 1990": a year dates an event of the place its own clause names.
        return Decision(None, "the year's own clause names another place, which has no row for it")
    together = _coordinated(sent, best.mention, first, lex)
    if together and best.features.respectively != "pair" and best.features.antecedent != "yes" \
            and all(features[id(m)].clause in ("same", "first") for m in sent.mentions if m.surface in together):
        names = " and ".join(together)
        return Decision(None, f"a figure about {names} together or each, which no single row states")
    rival = _rival(best, candidates, lex)
    if rival is not None:
        return Decision(None, f"it could be about {best.mention.surface} or {rival.mention.surface}")
    same_clause = [m for m in mentions if features[id(m)].clause == "same"]
    if _inside_nearer_place(best.row, best.mention, same_clause, first, reference, lex):
        return Decision(None, "a smaller place is named nearer the number")
    row, alternatives = _event_in_group(claim, best.row, reference, best.mention)
    match = Match(
        row=row,
        score=round(max(0.0, min(100.0, best.total)), 1),
        entity_surface=best.mention.anaphor or best.mention.surface,
        attributed=best.features.attribution == "attributed",
        why=tuple(best.explain()),
        alternatives=alternatives,
        fixed=_is_fixed(row, lex),
    )
    return Decision(match)


def _unmatched_qualifiers(sent: Sentence, window: Region, row: ReferenceRow, lex: Lexicon) -> int:
    _, rest = row_concept(row.metric, row.unit, lex)
    return len(rest) - _matched_qualifiers(sent, window, row, lex)


def _describes_a_smaller_place(sent: Sentence, mention: Mention, lex: Lexicon) -> bool:
    """'Portugal's capital', 'Kenya's main port': the noun the possessive describes, within
    two words, is a kind of place the mention is not."""
    start = mention.end + 1 if sent.folded[mention.end:mention.end + 1] == ("s",) else mention.end  # past "'s"
    for word in sent.folded[start:start + 3]:
        allowed = lex.anaphora_heads.get(word)
        if allowed:
            return "any" not in allowed and bool(mention.types) and not mention.types & allowed
    return False


def _named_type(evidence: Evidence, mention: Mention, lex: Lexicon) -> str:
    """'a city of 1.2 million' names the kind of place it is about: the noun, when the
    place is of another kind (a country), else ''."""
    for word in evidence.words:
        allowed = lex.anaphora_heads.get(word)
        if allowed and "any" not in allowed and mention.types and "" not in mention.types \
                and not mention.types & allowed:
            return word
    return ""


def _matched_qualifiers(sent: Sentence, window: Region, row: ReferenceRow, lex: Lexicon) -> int:
    _, rest = row_concept(row.metric, row.unit, lex)
    near = set(sent.stems[window.first:window.last])
    return sum(1 for w in rest if w in near)


def _most_specific(candidates: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """When the sentence names a narrower concept than another row of the same place has
    ("GDP at purchasing power parity" beside plain GDP; "land" beside area), the row of
    the broader concept is not what it means."""
    concepts = {id(c): row_concept(c.row.metric, c.row.unit, lex)[0] for c in candidates}
    # Named by words of its own ("purchasing power parity", "land"), not only by words the
    # broader concepts' names share ("GDP").
    named = {(c.row.entity, concept.name) for c in candidates
             if (concept := concepts[id(c)]) is not None and c.evidence.words
             and not set(c.evidence.words) <= _broader_words(concept.name, lex)}
    out = []
    for c in candidates:
        mine = concepts[id(c)]
        narrower = mine is not None and any(
            entity == c.row.entity and other != mine.name and other in _narrower_than(mine.name, lex)
            for entity, other in named)
        if not narrower:
            out.append(c)
    return out


@lru_cache(maxsize=256)
def _broader_words(name: str, lex: Lexicon) -> frozenset[str]:
    """The words of the names of every concept this one is narrower than."""
    return frozenset(w for c in lex.concepts if name in _narrower_than(c.name, lex)
                     for n in c.names for w in stems_of(n))


@lru_cache(maxsize=256)
def _narrower_than(name: str, lex: Lexicon) -> frozenset[str]:
    """Concepts whose names hold all the words of one of this concept's names ("gdp ppp" ⊃ "gdp")."""
    concept = next(c for c in lex.concepts if c.name == name)
    mine = [set(stems_of(n)) for n in concept.names]
    return frozenset(other.name for other in lex.concepts if other.name != name and any(
        words < set(stems_of(n)) for n in other.names for words in mine))


def _clause_range(sent: Sentence, first: int, last: int) -> tuple[int, int]:
    if not sent.words:
        return 0, 0
    k = min(first, len(sent.words) - 1)
    cid = sent.clause[k]
    lo = k
    while lo > 0 and sent.clause[lo - 1] == cid and k - lo < CLAUSE_WORDS:
        lo -= 1
    hi = max(last, k + 1)
    while hi < len(sent.words) and sent.clause[hi] == cid and hi - last < CLAUSE_WORDS:
        hi += 1
    return lo, hi


def _regions(sent: Sentence, claim: Claim, first: int, last: int, clause: tuple[int, int],
             siblings: Sequence[Claim], lex: Lexicon) -> tuple[list[Region], Region]:
    """The number's segment (between the figures either side of it, in its clause),
    its clause, and its window of words, nearest first."""
    seg_lo, seg_hi = clause
    restated = _restates(claim, siblings, sent, lex)
    for s in siblings:
        if s is restated:
            # "2,340 miles, or about 3,770 km": the second figure is the first in other
            # units, and the words of the first are its words too.
            seg_lo = min(seg_lo, _clause_range(sent, sent.word_at(s.start - s.sentence_start),
                                                sent.word_at(s.start - s.sentence_start) + 1)[0])
            continue
        if s.end <= claim.start:
            after = sent.word_at(max(s.start, s.end - 1) - s.sentence_start) + 1
            # The words trailing the figure before belong to it, up to a conjunction:
            # "143 votes in favour and 35 abstentions".
            joins = [k for k in range(after, first) if sent.folded[k] in lex.role_words("joins")]
            seg_lo = max(seg_lo, joins[0] + 1 if joins else after)
        elif s.start >= claim.end:
            seg_hi = min(seg_hi, sent.word_at(s.start - s.sentence_start))
    seg_lo, seg_hi = min(seg_lo, first), max(seg_hi, last)
    if claim.unit == "year" and not set(lex.role_words("respectively")) & set(sent.folded):
        # A year is dated by the words of its own verb phrase ("abolished slavery in
        # 1854"), not by another event in the clause. An opening "In 1991," leads into
        # the clause after it. ("became independent in 1810 and 1816 respectively"
        # shares its verb.)
        if clause[1] - clause[0] <= 4 and clause[0] == 0:
            seg_hi = _clause_range(sent, min(clause[1], len(sent.words) - 1), clause[1] + 1)[1]
        # A fact box's label leads into its value: "Independence from Britain: 1948".
        if 0 < clause[0] <= 4 and sent.text[sent.spans[clause[0] - 1][1]:sent.spans[clause[0]][0]].strip() == ":":
            seg_lo = 0
        segment = Region(seg_lo, seg_hi, 0.0, "next to the year")
        return [segment], segment
    # Beyond its clause, a number does not reach past a figure of its own kind: in "losses
    # of $30bn, against an economy of about $373bn", "economy" is the second figure's word.
    lo, hi = max(0, first - CONTEXT_WORDS), min(len(sent.words), last + CONTEXT_WORDS)
    kind = _kind(claim)
    for s in siblings:
        if s is claim or s is restated or _kind(s) != kind:
            continue
        s_first = sent.word_at(s.start - s.sentence_start)
        s_last = sent.word_at(max(s.start, s.end - 1) - s.sentence_start) + 1
        if s_first >= clause[1]:
            hi = min(hi, clause[1])
        elif s_last <= clause[0]:
            lo = max(lo, s_last)
    window = Region(min(lo, first), max(hi, last), lex.weight("outside_clause_discount"),
                    "near the number, outside its clause")
    regions = [
        Region(seg_lo, seg_hi, 0.0, "next to the number"),
        Region(clause[0], clause[1], lex.weight("outside_segment_discount"), "in the number's clause"),
        window,
    ]
    return regions, window


@lru_cache(maxsize=8)  # one entry a lexicon; bounded, so lexicons can be freed
def _restated(lex: Lexicon) -> re.Pattern[str]:
    """What may stand between a figure and its restatement (matching.toml [roles] restated)."""
    joins, hedges = ("|".join(re.escape(w) for w in lex.role_words(k)) for k in ("restated", "restated_hedges"))
    return re.compile(rf"\s*(?:,\s*)?(?:{joins or '(?!)'})\s*(?:{hedges})?\s*", re.IGNORECASE)


def _restates(claim: Claim, siblings: Sequence[Claim], sent: Sentence, lex: Lexicon) -> Claim | None:
    """The figure just before, when this one gives it again in other units:
    "2,340 miles, or about 3,770 km", "603,550 sq km (233,000 sq mi)"."""
    before = [s for s in siblings if s.end <= claim.start]
    if not before:
        return None
    prev = before[-1]
    if prev.unit == claim.unit or not prev.unit or _kind(prev) != _kind(claim):
        return None
    gap = claim.sentence[prev.end - prev.sentence_start:claim.start - claim.sentence_start]
    return prev if _restated(lex).fullmatch(gap) else None


def _kind(claim: Claim) -> str:
    return lexicon_dimension(claim.unit) if claim.unit else "count"


def _noun_group(unit: str, lex: Lexicon) -> frozenset[str]:
    """The counted nouns that name what `unit` counts ("year-round residents": people, residents, ...)."""
    noun = counted_head(unit)
    for group in lex.noun_groups:
        if unit in group or noun in group:
            return group
    return frozenset({unit, noun}) if unit else frozenset()


def _resolved_anaphors(sent: Sentence, earlier: Sequence[Sentence], reference: Reference,
                       lex: Lexicon) -> list[Mention]:
    """Each word like "it" or "the country" in the sentence, as the place it points at: a
    fitting place named before it in this sentence (the opening subject for "its", else the
    nearest), else in the sentences before (the opening subject, else the last fitting place)."""
    out = []
    for a_first, a_end, phrase in sent.anaphors:
        allowed = lex.anaphora.get(phrase) or lex.anaphora_heads.get(phrase.removeprefix("the "), frozenset())
        target = None
        if allowed & {"former", "latter"}:
            target = _former_or_latter(sent, a_first, earlier, "former" in allowed)
            allowed = frozenset({"any"})
        # "bigger than France, yet its economy ...": what a place is compared with is not
        # what "its" points at; nor is a place only mentioned as the object of "from"
        # ("independence from Portugal"), nor a people's name as an adjective ("Chinese
        # carmakers").
        before = [m for m in sent.mentions if m.end <= a_first and _fits(m, allowed) and not _adjective(sent, m)
                  and m.preposition not in _away_from(lex)] if target is None else []
        if before:
            # The sentence's opening subject ("Belarus, under sanctions since it let troops
            # invade Ukraine, said its GDP ..."), else the nearest place before.
            subject = _opening_subject(sent, before)
            target = subject if subject is not None and phrase == "its" else before[-1]
        if target is None and not allowed & {"former", "latter"}:
            for previous in reversed(earlier):
                fitting = [m for m in previous.mentions if _fits(m, allowed) and not m.object
                           and not _adjective(previous, m)
                           and previous.folded[m.end:m.end + 1] not in _modified_nouns(lex)]
                if fitting:
                    # The sentence's subject when it opens the sentence ("Rwanda borders Uganda
                    # and Burundi. It won ..."), else the last fitting place named before,
                    # unless that was only an object ("surrounded by South Africa"); a
                    # possessive opening ("Serbia's president visited Montenegro") is no subject.
                    target = _opening_subject(previous, fitting) or fitting[-1]
                    break
        if target is None:
            continue
        after = sent.text[sent.spans[a_end - 1][1]:sent.spans[a_end - 1][1] + 2]
        possessive = after[:1] in ("'", "’") or phrase == "its"
        # Shown by the place's own name: "the island nation" → Samoa, not → "Samoans".
        rows = reference.rows_for(target.name)
        surface = rows[0].entity if target.demonym and rows else target.surface
        out.append(Mention(target.name, surface, a_first, a_end,
                           target.types or entity_types(reference, target.name),
                           possessive=possessive, anaphor=phrase))
    return out


def _former_or_latter(sent: Sentence, at: int, earlier: Sequence[Sentence], former: bool) -> Mention | None:
    """The first ("the former") or last ("the latter") of two or more places named just before."""
    for places in ([m for m in sent.mentions if m.end <= at], *(s.mentions for s in reversed(earlier))):
        places = [m for m in places if not m.object]
        if len(places) >= 2:
            return places[0] if former else places[-1]
    return None


def _opening_subject(sent: Sentence, places: list[Mention]) -> Mention | None:
    """The first of `places` if it opens the sentence (after "the", or after a wire
    dateline such as "COPENHAGEN, Nov 13 (Reuters) -") and is no possessive."""
    opening = _DATELINE.match(sent.text)
    start = sent.word_at(opening.end()) if opening else 0
    after = [m for m in places if m.position >= start]  # the dateline's city is no subject
    if not after or after[0].possessive or after[0].object:
        return None
    first = after[0]
    return first if all(w == "the" for w in sent.folded[start:first.position]) else None


# "COPENHAGEN, Nov 13 (Reuters) - ", "JUBA (AP) — ": a wire story's opening line.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[^-–—\n]{0,40})?(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s*")


def _adjective(sent: Sentence, m: Mention) -> bool:
    """Is a people's name used as an adjective ("Chinese carmakers", "Turkish inflation"),
    not as the people ("500 Samoans a year")? A lower-case word of content right after it."""
    if not m.demonym or m.end >= len(sent.words):
        return False
    word = sent.words[m.end]
    glued = sent.text[sent.spans[m.end - 1][1]:sent.spans[m.end][0]] == " "
    return glued and word[:1].islower() and word.casefold() not in STOP


@lru_cache(maxsize=8)
def _away_from(lex: Lexicon) -> frozenset[str]:
    """Prepositions after which a place is an origin or a comparison, not the figure's owner."""
    return frozenset((*lex.role_words("origin"), *lex.role_words("compared_with")))


@lru_cache(maxsize=8)
def _modified_nouns(lex: Lexicon) -> frozenset[tuple[str, ...]]:
    return frozenset((w,) for w in lex.role_words("modified_nouns"))


def _only_objects(sent: Sentence, mentions: list[Mention]) -> bool:
    """Are all the sentence's places objects ("from Britain"), with no other name in it?"""
    if not all(m.object for m in mentions):
        return False
    named = {k for m in sent.mentions for k in range(m.position, m.end)}
    return not any(w[:1].isupper() and k not in named for k, w in enumerate(sent.words) if k > 0)


def _topic(earlier: Sequence[Sentence], first: int, label_line: bool = False) -> list[Mention]:
    """A sentence that names no place and points at none continues the one before: the
    lines of a fact box under "Kyrgyzstan at a glance", "The population is 6.2 million"
    after a sentence about Kyrgyzstan. Its place is that sentence's subject."""
    for previous in reversed(earlier):
        if label_line and previous.label_line:
            continue  # "Capital: São Tomé" is a value of the box, not its heading
        subject = next((m for m in previous.mentions if not m.object and not m.demonym), None)
        if subject is not None:
            return [Mention(subject.name, subject.surface, first, first + 1, subject.types, topic=True)]
    return []


def _fits(m: Mention, allowed: frozenset[str]) -> bool:
    return "any" in allowed or bool(m.types & allowed) or "" in m.types


def _place_features(claim: Claim, sent: Sentence, first: int, last: int, mentions: list[Mention],
                    siblings: Sequence[Claim], lex: Lexicon) -> dict[int, PlaceFeatures]:
    here = sent.clause[first] if sent.words else 0
    here_comma = sent.comma_clause[first] if sent.words else 0
    # A place that is only the object of "from" or "than" does not make the clause its own.
    # Nor does one named well after the number behind "of", inside another noun phrase
    # ("has a million residents and few of the charms of Granada").
    in_clause = [m for m in mentions if sent.clause[m.position] == here and not m.object
                 and not (m.position > last + 2 and m.position >= 1 and sent.folded[m.position - 1] == "of")]
    subject = next((m for m in sent.mentions if not m.object), None)
    antecedent = _antecedent(sent, first, lex)
    pairs = _respectively(claim, sent, siblings, lex)
    # A list or fact box ("El Salvador, 21,041 sq km; Belize, 22,966 sq km"): a place in
    # the number's own item, else the heading's (the first item), and no other.
    here_item = sent.item[first] if sent.words else 0
    item_named = any(sent.item[m.position] == here_item and not m.object for m in mentions)
    out = {}
    for m in mentions:
        m_item = sent.item[m.position]
        if m_item != here_item and (item_named or m_item != 0):
            relation = "other"
        elif in_clause:
            relation = "same" if m in in_clause else "other"
        else:
            # An aside lies between the opening of the number's item (its subject) and the number.
            opening = sent.comma_clause[sent.item.index(m_item)]
            c = sent.comma_clause[m.position]
            relation = "aside" if opening < c < here_comma else "first"
        out[id(m)] = PlaceFeatures(
            distance=abs(m.position - first),
            clause=relation,
            object=m.object,
            subject=(not in_clause and m is subject and m.position < first),
            possessive=m.possessive and relation == "same",
            demonym=m.demonym,
            topic=m.topic,
            of_after=_of_after(sent, m, last),
            bracketed=_bracketed(sent, m, first, lex),
            anaphor=m.anaphor,
            antecedent="" if antecedent is None else ("yes" if m.name == antecedent else "no"),
            respectively="" if pairs is None else ("pair" if pairs == m.name else "other"),
            attribution="",
            type_priority=0.0,
        )
    return out


def _bracketed(sent: Sentence, m: Mention, first: int, lex: Lexicon) -> bool:
    """'the Suez Canal (1869)', 'Djibouti (1 million people)': the figure in brackets
    right after the name is the name's."""
    if m.anaphor or m.topic or first < m.end or first >= len(sent.spans) or first > m.end + 2:
        return False
    # "Djibouti (about 1 million people)": a hedge may stand between the bracket and the figure.
    gap = sent.text[sent.spans[m.end - 1][1]:sent.spans[first][0]].strip()
    return gap == "(" or gap[:1] == "(" and " ".join(gap[1:].split()).casefold() in lex.role_words("bracketed_hedges")


def _of_after(sent: Sentence, m: Mention, last: int) -> bool:
    """'116,000 sq km of Ukraine': 'of' and the place within two words after the number."""
    return m.position >= 1 and last <= m.position <= last + 2 and sent.folded[m.position - 1] == "of" \
        and not m.anaphor


def _antecedent(sent: Sentence, first: int, lex: Lexicon) -> str | None:
    """'Kharkiv, which has 1.4 million people': when the number's comma-clause opens
    with a relative word, the place just before that comma is what it is about."""
    here = sent.comma_clause[first] if sent.words else 0
    if here == 0:
        return None
    opening = next(k for k in range(first + 1) if sent.comma_clause[k] == here)
    # A relative clause ("which has ..."), an apposition ("Ukraine, a country of 45
    # million") or a participle ("Siemens, founded in 1847, ...").
    word = sent.folded[opening]
    participle = word.endswith("ed") and len(word) > 4 or word in lex.role_words("participles")
    # ... or a possessive that describes it: "Mount Elbrus, Europe's highest summit at 6,242
    # metres" (but "In France, Germany's population is 84 million" is about Germany, a
    # place of the tables itself).
    possessive = opening + 1 < len(sent.folded) and sent.folded[opening + 1] == "s" \
        and not any(m.position <= opening < m.end for m in sent.mentions)
    if word not in (*lex.role_words("relative"), *lex.role_words("apposition")) and not participle and not possessive:
        return None
    before = [m for m in sent.mentions if m.end <= opening]
    return before[-1].name if before else None


def _respectively(claim: Claim, sent: Sentence, siblings: Sequence[Claim], lex: Lexicon) -> str | None:
    """'France and Spain, with 68 million and 48 million people respectively': the k-th
    figure belongs to the k-th place. The name of the place this claim pairs with."""
    figures = [s for s in siblings if _kind(s) == _kind(claim)]
    if len(figures) < 2 or claim not in figures:
        return None
    if not set(lex.role_words("respectively")) & set(sent.folded):
        return _paired_lists(claim, sent, figures, lex)
    first_figure = sent.word_at(figures[0].start - figures[0].sentence_start)
    places: list[str] = []
    for m in sent.mentions:
        # "ferries between Brazzaville and Kinshasa, capitals of 2 million and 16 million
        # people respectively": the objects of "between" are a list too.
        listed_object = m.object and m.preposition in ("between", "and", "")
        if m.position < first_figure and (not m.object or listed_object) and not m.demonym and not m.possessive \
                and m.name not in places:
            places.append(m.name)
    # The places listed last before the figures: a dateline ("TASHKENT (Reuters) -")
    # or an earlier aside comes before the list.
    if len(places) < len(figures):
        return None
    return places[-len(figures):][figures.index(claim)]


def _paired_lists(claim: Claim, sent: Sentence, figures: list[Claim], lex: Lexicon) -> str | None:
    """'Niger and Chad, at 1.27 million and 1.28 million sq km': a list of places and a list
    of as many figures, each joined by "and" or commas, pair up as with "respectively"."""
    joins = set(lex.role_words("place_list_joins"))
    text = sent.text
    for a, b in zip(figures, figures[1:]):
        if " ".join(text[a.end - a.sentence_start:b.start - b.sentence_start].split()) not in joins:
            return None
    first_figure = sent.word_at(figures[0].start - figures[0].sentence_start)
    before = [m for m in sent.mentions if m.position < first_figure]
    if len(before) < len(figures):
        return None
    listed = before[-len(figures):]
    if any(m.object or m.demonym or m.possessive for m in listed):
        return None
    for left, right in zip(listed, listed[1:]):
        gap = " ".join(text[sent.spans[left.end - 1][1]:sent.spans[right.position][0]].split())
        if gap not in joins:
            return None
    # Nothing but an opening word or two between the list of places and the figures ("Niger
    # and Chad, at 1.27 million and ..."), not a clause of its own.
    if first_figure - listed[-1].end > 3:
        return None
    return listed[figures.index(claim)].name


def _coordinated(sent: Sentence, chosen: Mention, first: int, lex: Lexicon) -> list[str]:
    """The places joined with the chosen one by "and" or commas before the number ("Zarnovia
    and Kellmark have 950,000 people"), surfaces in order; [] when it stands alone."""
    if chosen.anaphor or chosen.topic or chosen.position > first:
        return []
    group = [m for m in sent.mentions if m.position < first and not m.object and not m.demonym]
    if chosen not in group:
        return []
    k = group.index(chosen)
    lo = hi = k
    while lo > 0 and _joined(sent, group[lo - 1], group[lo], lex):
        lo -= 1
    while hi + 1 < len(group) and _joined(sent, group[hi], group[hi + 1], lex):
        hi += 1
    return [m.surface for m in group[lo:hi + 1]] if hi > lo else []


def _joined(sent: Sentence, a: Mention, b: Mention, lex: Lexicon) -> bool:
    between = " ".join(sent.text[sent.spans[a.end - 1][1]:sent.spans[b.position][0]].split()).lower()
    return between in lex.role_words("place_list_joins")


def _rival(best: Candidate, candidates: list[Candidate], lex: Lexicon) -> Candidate | None:
    """Another place whose best row scores within the ambiguity margin of the winner."""
    margin = lex.weight("ambiguity_margin")
    for c in candidates:
        if c.row.entity != best.row.entity and c.mention.name != best.mention.name \
                and best.total - c.total < margin and not _same_place(c.row, best.row):
            return c
    return None


def _same_place(a: ReferenceRow, b: ReferenceRow) -> bool:
    return a.entity.casefold() == b.entity.casefold()


def _event_in_group(claim: Claim, row: ReferenceRow, reference: Reference, mention: Mention
                    ) -> tuple[ReferenceRow, tuple[ReferenceRow, ...]]:
    """A country's independence may be dated by several events (Iceland: 1918 and 1944):
    the one whose year the article gives, and the others beside it for the note."""
    group = dict(row.extra).get("event_group", "")
    if not group or claim.unit != "year":
        return row, ()
    family = tuple(r for r in reference.rows_for(mention.name)
                   if r.entity == row.entity and dict(r.extra).get("event_group") == group and r.unit == "year")
    same_year = [r for r in family if r.value == claim.value]
    chosen = same_year[0] if same_year else row
    return chosen, tuple(r for r in family if r is not chosen)


def is_change_amount(claim: Claim, lex: Lexicon | None = None) -> bool:
    """'fell by 500,000', 'grew 3%': the size of a change, not a level ('rose to 3%' is a level)."""
    if claim.change is None or claim.unit == "year":
        return False  # "the Wall fell in 1989" dates a fall; it is no amount of change
    before = claim.sentence[:claim.start - claim.sentence_start].split()
    return not before or before[-1].lower() not in (lex or lexicon()).role_words("change_level_before")


def _is_rate_of_change(row: ReferenceRow, lex: Lexicon) -> bool:
    """A row that measures a change itself: inflation, growth, a rise or fall."""
    return bool(_phrase_set(" ".join((row.metric, *row.metric_aliases))) & _change_stems(lex))


def _is_fixed(row: ReferenceRow, lex: Lexicon) -> bool:
    concept, _ = row_concept(row.metric, row.unit, lex)
    return concept is not None and concept.fixed


@lru_cache(maxsize=4)
def _change_stems(lex: Lexicon) -> frozenset[str]:
    return frozenset(s for w in lex.change_words for s in stems_of(w))


@lru_cache(maxsize=8192)
def _phrase_set(text: str) -> frozenset[str]:
    return frozenset(stems_of(text))


def units_compatible(claim_unit: str, row_unit: str, lex: Lexicon | None = None) -> bool:
    """Could a figure in `claim_unit` be about a row in `row_unit`? Troops never match km2."""
    return claim_unit == row_unit or _units_compatible(claim_unit, row_unit, lex or lexicon())


@lru_cache(maxsize=4096)
def _units_compatible(claim_unit: str, row_unit: str, lex: Lexicon) -> bool:
    if claim_unit == row_unit:
        return True
    a, b = dimension_of(claim_unit), dimension_of(row_unit)
    if {claim_unit, row_unit} <= {"percent", "fraction"}:
        return True
    if a.startswith("count:") and b.startswith("count:"):
        claim_noun, row_noun = counted_head(claim_unit), counted_head(row_unit)
        return claim_noun == row_noun or any(claim_noun in g and row_noun in g for g in lex.noun_groups)
    if a == "count" and b.startswith("count:"):
        return True  # "a population of 38 million": the noun is in the metric, not after the number
    if a == "count" and b in ("time", "rate") and row_unit != "year":
        return True  # "a median age of 41.9", "a fertility rate of 1.4": the unit is left unsaid
    if a in ("area", "length", "mass", "volume", "speed", "temperature", "energy", "power"):
        return a == b
    return False


def attributed_to(sentence: str, claimant: str, lex: Lexicon | None = None) -> bool:
    """Does the sentence attribute its figure to `claimant`? It must name the party (a
    distinctive word of the claimant's name) and use a word of attribution."""
    lex = lex or lexicon()
    words = set(_plain_words(sentence))
    if not words & lex.attribution:
        return False
    names = {w for w in _plain_words(claimant.replace("'s", "")) if len(w) > 3} - lex.generic_claimant_words
    return bool(names & words)


def _plain_words(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


def _inside_nearer_place(row: ReferenceRow, chosen: Mention, mentions: list[Mention], claim_pos: int,
                         reference: Reference, lex: Lexicon) -> bool:
    """A country's row is not used when a city or region is named nearer the number:
    'Kharkiv, Ukraine's second city, has 1.4 million people' is not about Ukraine."""
    if _entity_type(row) in lex.sub_national:
        return False
    chosen_distance = abs(chosen.position - claim_pos)
    for m in mentions:
        if m is chosen or m.name == chosen.name or abs(m.position - claim_pos) >= chosen_distance or m.object:
            continue
        # Only a place that is nothing but a smaller place: "Armenia" is a country, though a
        # Colombian city has the name too.
        types = {_entity_type(r) for r in reference.rows_for(m.name)}
        if types and types <= lex.sub_national:
            return True
    return False


def _entity_type(row: ReferenceRow) -> str:
    return dict(row.extra).get("entity_type", "").strip().lower()
