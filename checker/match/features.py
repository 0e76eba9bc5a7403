"""The match model: the evidence about one candidate (a place and one of its rows), the
weighted terms it adds up to, and the explanation a reviewer reads.

Weights live in checker/lexicon/weights.toml. A new kind of evidence is a new field
here with a weight there, not another `if` in the matcher.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.lexicon import Lexicon
from checker.match.evidence import Evidence
from checker.match.sentence import Mention
from checker.models import ReferenceRow


@dataclass(frozen=True)
class PlaceFeatures:
    """Why this place might (or might not) be what the number is about."""

    distance: int  # words between the place (or the word pointing at it) and the number
    clause: str  # "same", "other" (another clause, while the number's names a place), "aside", "first"
    object: bool  # "from Spain", "than France"
    subject: bool  # the sentence's first place, before the number, when the number's clause names none
    possessive: bool  # "Ukraine's territory": a possessive right before the metric word
    anaphor: str  # "it", "the country": the word that pointed at it, if any
    antecedent: str  # "yes" / "no" / "": the noun a relative clause ("which has ...") is about
    respectively: str  # "pair" / "other" / ""
    attribution: str  # "attributed" / "unattributed" / "" (only for a party's row)
    type_priority: float  # a country beats a town of the same name
    demonym: bool = False  # named by its people ("500 Samoans")
    topic: bool = False  # the sentence names no place: the subject of the one before
    of_after: bool = False  # "116,000 sq km of Ukraine": the number is a figure of this place
    bracketed: bool = False  # "the Suez Canal (1869)": the figure in brackets right after the name
    matched_qualifiers: int = 0  # words of the row's metric beyond its concept that the sentence mentions
    type_named: str = ""  # the metric words name another kind of place ("a city of" for a country)
    modifier: bool = False  # a possessive that describes another noun ("Kenya's main port")


@dataclass(frozen=True)
class Term:
    name: str
    value: float
    why: str


@dataclass(frozen=True)
class Candidate:
    row: ReferenceRow
    mention: Mention
    evidence: Evidence
    features: PlaceFeatures
    terms: tuple[Term, ...]

    @property
    def total(self) -> float:
        return self.evidence.score + sum(t.value for t in self.terms)

    def explain(self) -> list[str]:
        """Each term's contribution, as a reviewer reads it."""
        lines = [f"metric: {self.evidence.reason} ({self.evidence.score:+.0f})"]
        lines += [f"{t.name}: {t.why} ({t.value:+.0f})" for t in self.terms if t.value]
        return lines


def terms(f: PlaceFeatures, mention: Mention, lex: Lexicon) -> tuple[Term, ...]:
    w = lex.place_weights
    out = [Term("distance", w["distance"] * f.distance, f"{f.distance} words from the number")]
    if f.clause == "other":
        out.append(Term("clause", w["other_clause"], "named in another clause"))
    elif f.clause == "aside":
        out.append(Term("clause", w["aside"], "named in an aside between commas"))
    if f.object:
        out.append(Term("role", w["object"], f"“{mention.surface}” is the object (“from”, “than” …)"))
    if f.subject:
        out.append(Term("role", w["subject"], "the sentence's subject"))
    if f.possessive:
        owner = mention.anaphor if mention.anaphor == "its" else f"{mention.anaphor or mention.surface}'s"
        out.append(Term("role", w["possessive"], f"“{owner}” before the metric"))
    if f.anaphor:
        out.append(Term("reference", w["anaphora"], f"“{f.anaphor}” → {mention.surface}, named before"))
    if f.antecedent == "yes":
        out.append(Term("relative clause", w["antecedent"], f"the clause is about {mention.surface}"))
    elif f.antecedent == "no":
        out.append(Term("relative clause", w["not_antecedent"], "the clause is about another place"))
    if f.respectively == "pair":
        out.append(Term("respectively", w["respectively_pair"], "same position in a paired list (“respectively”)"))
    elif f.respectively == "other":
        out.append(Term("respectively", w["respectively_other"], "another position in a paired list (“respectively”)"))
    if f.attribution == "attributed":
        out.append(Term("attribution", w["attributed"], "the sentence attributes the figure to this party"))
    elif f.attribution == "unattributed":
        out.append(Term("attribution", w["unattributed"], "a party's figure, not attributed to it"))
    if f.topic:
        out.append(Term("reference", w["topic"], f"the sentence names no place: {mention.surface}, the subject before"))
    if f.demonym:
        out.append(Term("reference", w["demonym"], f"named by its people (“{mention.surface}”)"))
    if f.bracketed:
        out.append(Term("role", w["bracketed"], f"in brackets right after “{mention.surface}”"))
    if f.of_after:
        out.append(Term("role", w["of_after"], f"“… of {mention.surface}” right after the number"))
    if f.modifier:
        out.append(Term("role", w["modifier"], f"“{mention.surface}'s” describes another noun"))
    if f.type_named:
        out.append(Term("type", w["type_named"], f"“{f.type_named}” names another kind of place"))
    if f.matched_qualifiers:
        out.append(Term("specific", w["matched_qualifier"] * f.matched_qualifiers,
                        "the sentence names what makes this row specific"))
    if f.type_priority:
        out.append(Term("type", f.type_priority, "a country before a town of the same name"))
    return tuple(out)
