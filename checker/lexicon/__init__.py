"""Knowledge as data: the metric concepts, the matcher's word lists and its weights, the
extractor's hedges and verbs of change, and the words the verdict rules read, read once
from the TOML files beside this module and validated.

A newsroom adds its own metric phrases with a file in the same format
(`python -m checker check --lexicon my_words.toml`, or `load_lexicon([path])`):
concepts are merged by name, word lists are extended. A malformed file raises a
LexiconError naming the file and the key.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import CheckerError

HERE = Path(__file__).resolve().parent
_FILES = ("metrics.toml", "matching.toml", "weights.toml", "qualifiers.toml", "verdicts.toml")

DIMENSIONS = frozenset({"area", "length", "count", "currency", "percent", "year", "time", "speed", "mass",
                        "volume", "temperature", "energy", "power", "rate"})


# The top-level weights the matcher reads (weights.toml).
_WEIGHTS = ("metric_threshold", "outside_clause_discount", "outside_segment_discount", "unmatched_qualifier",
            "max_unmatched_qualifiers", "unit_evidence", "concept_phrase", "ambiguity_margin")


class LexiconError(CheckerError):
    """A lexicon file is malformed; names the file and the key."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}, key '{key}': {problem}")


@dataclass(frozen=True)
class Concept:
    """What a reference row measures, and the words news uses for it (see metrics.toml)."""

    name: str
    names: tuple[str, ...]
    phrases: tuple[str, ...]
    dimensions: frozenset[str]
    weak: tuple[str, ...] = ()
    unit_evidence: bool = False
    fixed: bool = False  # a quantity that does not change over time (an area, a height)


# The kinds of hedge or bound a qualifier word gives (qualifiers.toml), as Claim.qualifier spells them.
QUALIFIER_KINDS = ("approx", "at_least", "at_most")
_CHANGE_KEYS = ("up", "down", "other", "range_words")
_PROJECTION_KEYS = ("before_to", "words", "later_year_before")
_METRO_KEYS = ("words", "beginnings", "capitalised")


@dataclass(frozen=True)
class Qualifiers:
    """The words around a number the extractor reads (qualifiers.toml)."""

    before: Mapping[str, str]  # phrase -> kind: "about" -> "approx"
    after: Mapping[str, str]  # "or more" -> "at_least"
    up: frozenset[str]
    down: frozenset[str]
    change: frozenset[str]  # up, down and the verbs of change without a direction
    range_words: frozenset[str]
    longest_before: int  # words in the longest phrase of `before`
    longest_after: int
    # "annexed ... in 2014": a year a few words after one of `years.event_words` is a claim.
    event_before_year: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class VerdictWords:
    """The words the verdict rules read in a claim's sentence (verdicts.toml)."""

    future_before_to: tuple[str, ...]
    future: tuple[str, ...]
    later_year_before: tuple[str, ...]
    metro: tuple[str, ...]
    metro_beginnings: tuple[str, ...]
    metro_capitalised: tuple[str, ...]


# Compared and hashed by identity: it is loaded once and used as a cache key.
@dataclass(frozen=True, eq=False)
class Lexicon:
    concepts: tuple[Concept, ...]
    having: frozenset[str]
    noun_groups: tuple[frozenset[str], ...]
    change_words: frozenset[str]
    attribution: frozenset[str]
    generic_claimant_words: frozenset[str]
    sub_national: frozenset[str]
    type_priority: Mapping[str, float]
    anaphora: Mapping[str, frozenset[str]]
    anaphora_heads: Mapping[str, frozenset[str]]
    roles: Mapping[str, tuple[str, ...]]
    weights: Mapping[str, float]
    place_weights: Mapping[str, float]
    qualifiers: Qualifiers
    verdict_words: VerdictWords
    sources: tuple[str, ...] = field(default=())

    def role_words(self, name: str) -> tuple[str, ...]:
        return self.roles.get(name, ())

    def weight(self, name: str) -> float:
        return self.weights[name]


def shipped_lexicon() -> Lexicon:
    """`lexicon()`, under a name that a parameter called `lexicon` does not hide."""
    return lexicon()


def lexicon() -> Lexicon:
    """The lexicon the package ships, plus any files named in FACTCHECK_LEXICON
    (separated by the platform's path separator). Read once."""
    extra = tuple(p for p in os.environ.get("FACTCHECK_LEXICON", "").split(os.pathsep) if p)
    return load_lexicon(extra)


@lru_cache(maxsize=8)
def load_lexicon(extra: Sequence[str | os.PathLike[str]] = ()) -> Lexicon:
    """The shipped lexicon with the files in `extra` merged over it, in order."""
    data: dict[str, Any] = {}
    where: dict[str, str] = {}  # dotted key -> the file that last set it, for error messages
    sources: list[str] = []
    for path in [*(HERE / name for name in _FILES), *(Path(p) for p in extra)]:
        shown = str(path) if path.parent != HERE else f"checker/lexicon/{path.name}"
        _merge(data, _read(path, shown), shown, where, "")
        sources.append(shown)
    return _build(data, where, tuple(sources))


def _read(path: Path, shown: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise LexiconError(shown, "-", "no such file") from None
    except OSError as exc:
        raise LexiconError(shown, "-", f"cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(shown, "-", f"is not valid TOML ({exc})") from None


def _merge(into: dict[str, Any], new: dict[str, Any], shown: str, where: dict[str, str], prefix: str) -> None:
    """Tables merge key by key; lists are extended (without repeats); scalars are replaced."""
    for key, value in new.items():
        dotted = f"{prefix}{key}"
        where[dotted] = shown
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value, shown, where, f"{dotted}.")
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = [*old, *(v for v in value if v not in old)]
        else:
            into[key] = value
            if isinstance(value, dict):
                for inner in _dotted_keys(value, f"{dotted}."):
                    where[inner] = shown


def _dotted_keys(table: dict[str, Any], prefix: str) -> list[str]:
    out = []
    for key, value in table.items():
        out.append(f"{prefix}{key}")
        if isinstance(value, dict):
            out.extend(_dotted_keys(value, f"{prefix}{key}."))
    return out


def _words(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(where, key, "must be a list of non-empty strings")
    # Words are compared as the matcher splits them: "country's" is "country s".
    return tuple(dict.fromkeys(" ".join(v.casefold().replace("’s", " s").replace("'s", " s").split())
                               for v in value))


def _number(value: Any, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LexiconError(where, key, f"must be a number, not {value!r}")
    return float(value)


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise LexiconError(where, key, "must be a table")
    return value


def _build(data: dict[str, Any], where_of: dict[str, str], sources: tuple[str, ...]) -> Lexicon:
    def where(key: str) -> str:
        """The file that set `key`, or the nearest table around it."""
        while key:
            if key in where_of:
                return where_of[key]
            key = key.rpartition(".")[0]
        return "checker/lexicon"

    concepts = []
    for name, spec in _table(data, "concept", where("concept")).items():
        key = f"concept.{name}"
        w = where(key)
        if not isinstance(spec, dict):
            raise LexiconError(w, key, "must be a table")
        unknown = set(spec) - {"names", "phrases", "weak", "dimensions", "unit_evidence", "fixed"}
        if unknown:
            raise LexiconError(w, f"{key}.{sorted(unknown)[0]}", "is not a concept field")
        dimensions = frozenset(_words(spec.get("dimensions", []), w, f"{key}.dimensions"))
        if not dimensions or not dimensions <= DIMENSIONS:
            raise LexiconError(w, f"{key}.dimensions",
                               f"must name at least one of {', '.join(sorted(DIMENSIONS))}")
        names = _words(spec.get("names", [name]), w, f"{key}.names")
        concepts.append(Concept(
            name=name,
            names=names,
            phrases=_words(spec.get("phrases", []), w, f"{key}.phrases"),
            weak=_words(spec.get("weak", []), w, f"{key}.weak"),
            dimensions=dimensions,
            unit_evidence=bool(spec.get("unit_evidence", False)),
            fixed=bool(spec.get("fixed", False)),
        ))
    evidence_by_dimension: dict[str, str] = {}
    for c in concepts:
        for d in c.dimensions if c.unit_evidence else ():
            if d in evidence_by_dimension:
                raise LexiconError(where("concept"), f"concept.{c.name}.unit_evidence",
                                   f"dimension '{d}' already gives evidence for concept '{evidence_by_dimension[d]}'")
            evidence_by_dimension[d] = c.name

    def words_at(table: str, key: str) -> tuple[str, ...]:
        return _words(_table(data, table, where(table)).get(key, []), where(table), f"{table}.{key}")

    groups = _table(data, "noun_groups", where("noun_groups"))
    types = _table(data, "entity_types", where("entity_types"))
    priority = types.get("priority", {})
    anaphora = {}
    for phrase, allowed in _table(data, "anaphora", where("anaphora")).items():
        anaphora[" ".join(phrase.casefold().split())] = frozenset(
            _words(allowed, where("anaphora"), f"anaphora.{phrase}"))
    heads = {head.casefold(): frozenset(_words(allowed, where("anaphora_heads"), f"anaphora_heads.{head}"))
             for head, allowed in _table(data, "anaphora_heads", where("anaphora_heads")).items()}
    roles = {key: words_at("roles", key) for key in _table(data, "roles", where("roles"))}
    weights = {key: _number(v, where(key), key) for key, v in data.items()
               if key in _WEIGHTS or not isinstance(v, dict | list)}
    for needed in _WEIGHTS:
        if needed not in weights:
            raise LexiconError("checker/lexicon/weights.toml", needed, "is missing")
    place = {key: _number(v, where("place"), f"place.{key}")
             for key, v in _table(data, "place", where("place")).items()}
    return Lexicon(
        concepts=tuple(concepts),
        having=frozenset(words_at("having", "words")),
        noun_groups=tuple(frozenset(_words(v, where("noun_groups"), f"noun_groups.{k}")) for k, v in groups.items()),
        change_words=frozenset(words_at("change", "words")),
        attribution=frozenset(words_at("attribution", "words")),
        generic_claimant_words=frozenset(words_at("attribution", "generic")),
        sub_national=frozenset(_words(types.get("sub_national", []), where("entity_types"),
                                      "entity_types.sub_national")),
        type_priority={k: _number(v, where("entity_types"), f"entity_types.priority.{k}")
                       for k, v in priority.items()},
        anaphora=anaphora,
        anaphora_heads=heads,
        roles=roles,
        weights=weights,
        place_weights=place,
        qualifiers=_qualifiers(data, where),
        verdict_words=_verdict_words(data, where),
        sources=sources,
    )


def _known_keys(table: dict[str, Any], known: Sequence[str], where: Callable[[str], str], name: str) -> None:
    """A key the code never reads is a curator's typo: say so rather than ignore the words."""
    for key in table:
        if key not in known:
            raise LexiconError(where(f"{name}.{key}"), f"{name}.{key}", f"is not one of {', '.join(known)}")


def _kinds(data: dict[str, Any], where: Callable[[str], str], name: str) -> dict[str, str]:
    """qualifiers.before / qualifiers.after: lists of phrases by kind, as phrase -> kind."""
    table = _table(_table(data, "qualifiers", where("qualifiers")), name, where(f"qualifiers.{name}"))
    _known_keys(table, QUALIFIER_KINDS, where, f"qualifiers.{name}")
    out: dict[str, str] = {}
    for kind, phrases in table.items():
        key = f"qualifiers.{name}.{kind}"
        for phrase in _words(phrases, where(key), key):
            if out.get(phrase, kind) != kind:
                raise LexiconError(where(key), key, f"'{phrase}' is also listed as {out[phrase]}")
            out[phrase] = kind
    return out


def _qualifiers(data: dict[str, Any], where: Callable[[str], str]) -> Qualifiers:
    verbs = _table(data, "change_verbs", where("change_verbs"))
    _known_keys(verbs, _CHANGE_KEYS, where, "change_verbs")

    def verb_list(key: str) -> frozenset[str]:
        return frozenset(_words(verbs.get(key, []), where(f"change_verbs.{key}"), f"change_verbs.{key}"))

    before, after = _kinds(data, where, "before"), _kinds(data, where, "after")
    up, down = verb_list("up"), verb_list("down")
    years = _table(data, "years", where("years"))
    _known_keys(years, ("event_words",), where, "years")
    events = _words(years.get("event_words", []), where("years.event_words"), "years.event_words")
    alternatives = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
                            for w in sorted(events, key=len, reverse=True))
    return Qualifiers(before=before, after=after, up=up, down=down,
                      change=up | down | verb_list("other"), range_words=verb_list("range_words"),
                      longest_before=max((len(p.split()) for p in before), default=0),
                      longest_after=max((len(p.split()) for p in after), default=0),
                      event_before_year=re.compile(rf"\b(?:{alternatives})\b(?:\W+\w+){{0,5}}?\W+$", re.IGNORECASE)
                      if events else re.compile(r"(?!)"))


def _verdict_words(data: dict[str, Any], where: Callable[[str], str]) -> VerdictWords:
    def words(table: str, keys: Sequence[str]) -> dict[str, tuple[str, ...]]:
        found = _table(data, table, where(table))
        _known_keys(found, keys, where, table)
        return {k: _words(found.get(k, []), where(f"{table}.{k}"), f"{table}.{k}") for k in keys}

    projection, metro = words("projection", _PROJECTION_KEYS), words("metro", _METRO_KEYS)
    return VerdictWords(future_before_to=projection["before_to"], future=projection["words"],
                        later_year_before=projection["later_year_before"], metro=metro["words"],
                        metro_beginnings=metro["beginnings"], metro_capitalised=metro["capitalised"])


def with_weights(lex: Lexicon, **weights: float) -> Lexicon:
    """A copy with some top-level weights changed (for experiments and tests)."""
    return replace(lex, weights={**lex.weights, **weights})
