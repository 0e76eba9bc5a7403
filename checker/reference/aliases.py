"""Other names people write for the places in the reference tables.

`aliases_for("United Kingdom", "country")` -> ("Britain", "Great Britain", "UK", ...).

Three sources, in this order:

1. `NEWSROOM_ALIASES`, a small hand-written table of the names newsrooms use
   ("the US", "Kiev", "Donetsk region"), keyed by the entity names the bundled
   tables use (the CIA World Factbook's short names for countries, GeoNames'
   names for cities, "<Name> Oblast" for Ukrainian regions).
2. pycountry, at run time, for countries and territories: ISO 3166-1 names,
   official names and common names. Inverted forms ("Korea, Republic of") are
   skipped because nobody writes them in prose; two-letter codes are never
   returned and three-letter codes only when they read as a name (see
   `_PROSE_ALPHA3`).
3. iso3166-2, at run time, for first-level regions: the ISO 3166-2 name
   ("Donetska oblast"), the longer English names the package lists ("Autonomous
   Republic of Crimea") and, for oblasts, "<Name> region" / "<Name> oblast". A
   bare single-word regional name is never returned because it is usually also
   a city ("Donetsk", "Kherson").

pycountry and iso3166-2 are LGPL/MIT-licensed packages used only as installed
libraries; none of their data is copied into this repository. Both are
imported inside the functions that need them, and every answer is cached, so
importing this module costs nothing and each entity is resolved once.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from checker.reference.names import normalise_name

__all__ = [
    "NEWSROOM_ALIASES",
    "CASE_SENSITIVE_ALIASES",
    "aliases_for",
    "canonical_country",
]

# Names as the newsroom writes them, keyed by the entity name used in the bundled
# tables. Written by hand for this project. Deliberately absent: "Holland" (not the
# same as the Netherlands), "Donbas" (Donetsk and Luhansk together, not either
# one), bare "Congo" and "Korea" (two countries each), bare "Gaza" (also a city),
# "Macedonia" (also a region of Greece), "Emirates" (also an airline).
NEWSROOM_ALIASES: dict[str, tuple[str, ...]] = {
    # countries (CIA World Factbook short names)
    "United Kingdom": ("Britain", "Great Britain", "UK", "the UK", "U.K.", "the U.K.",
                       "United Kingdom of Great Britain and Northern Ireland"),
    "United States": ("the US", "U.S.", "the U.S.", "USA", "U.S.A.", "America",
                      "United States of America"),
    "Russia": ("Russian Federation", "the Russian Federation"),
    "Moldova": ("Republic of Moldova",),
    "South Korea": ("Republic of Korea", "ROK"),
    "North Korea": ("Democratic People's Republic of Korea", "DPRK"),
    "Czechia": ("Czech Republic", "the Czech Republic"),
    "Turkey": ("Türkiye", "Turkiye", "Republic of Türkiye"),
    "Côte d'Ivoire": ("Ivory Coast", "Cote d'Ivoire", "Côte d’Ivoire"),
    "Burma": ("Myanmar",),
    "Democratic Republic of the Congo": ("DRC", "DR Congo", "Congo-Kinshasa", "Congo (Kinshasa)"),
    "Republic of the Congo": ("Congo-Brazzaville", "Congo (Brazzaville)"),
    "European Union": ("EU", "the EU", "E.U."),
    "United Arab Emirates": ("UAE", "the UAE", "U.A.E."),
    "Holy See": ("Vatican", "the Vatican", "Vatican City"),
    "Cabo Verde": ("Cape Verde",),
    "Timor-Leste": ("East Timor",),
    "Eswatini": ("Swaziland",),
    "The Gambia": ("Gambia",),
    "The Bahamas": ("Bahamas",),
    "Netherlands": ("the Netherlands",),
    # Ukrainian regions (ukraine_war.csv)
    "Crimea": ("Crimean peninsula", "Crimean Peninsula", "the Crimea"),
    "Donetsk Oblast": ("Donetsk region", "Donetsk oblast", "Donetsk province", "Donetska oblast"),
    "Luhansk Oblast": ("Luhansk region", "Lugansk region", "Luhansk oblast", "Lugansk oblast",
                       "Luhansk province", "Luhanska oblast"),
    "Zaporizhzhia Oblast": ("Zaporizhzhia region", "Zaporizhia region", "Zaporozhye region",
                            "Zaporizhzhia oblast", "Zaporizhzhia province", "Zaporizka oblast"),
    "Kherson Oblast": ("Kherson region", "Kherson oblast", "Kherson province", "Khersonska oblast"),
    # cities (GeoNames spellings as the key)
    "Kyiv": ("Kiev",),
    "Kharkiv": ("Kharkov",),
    "Odesa": ("Odessa",),
    "Luhansk": ("Lugansk",),
    "Zaporizhzhya": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye"),
    "Mykolayiv": ("Mykolaiv", "Nikolaev"),
}

# Acronyms that are only names when written in capitals. A matcher that folds case
# (as the reference index does) would read the pronoun "us" as the United States,
# so these are kept out of `aliases_for` for a case-sensitive matcher to use.
CASE_SENSITIVE_ALIASES: dict[str, tuple[str, ...]] = {
    "United States": ("US",),
}

# ISO alpha-3 codes that appear in prose as names. Most alpha-3 codes are either
# never written in articles or are English words ("CAN", "AND", "PER", "ARE"), so
# the rest are not returned.
_PROSE_ALPHA3 = frozenset({"USA"})

_COUNTRY_TYPES = frozenset({"country", "territory", "union"})
_REGION_TYPES = frozenset({"region"})
_BUNDLED_COUNTRIES = Path(__file__).resolve().parents[2] / "reference_data" / "countries.csv"
_LOCAL_NAME = re.compile(r"\s*([^,()]+?)\s*\(([a-z]{3})\)")


@lru_cache(maxsize=1)
def _newsroom_index() -> dict[str, str]:
    """Normalised entity name or newsroom alias -> the entity it belongs to."""
    index: dict[str, str] = {}
    for entity, names in NEWSROOM_ALIASES.items():
        index.setdefault(normalise_name(entity), entity)
        for name in names:
            index.setdefault(normalise_name(name), entity)
    return index


def _newsroom_entry(entity: str) -> str | None:
    if entity in NEWSROOM_ALIASES:
        return entity
    found = _newsroom_index().get(normalise_name(entity))
    # Only the entity's own key counts; an alias leads to a different table name.
    return found if found is not None and normalise_name(found) == normalise_name(entity) else None


# ------------------------------------------------------------------ pycountry


def _pycountry_record(name: str):  # -> pycountry Country | None
    import pycountry  # slow-ish import, paid only when an alias cache is built

    candidates = [name]
    entry = _newsroom_entry(name)
    if entry is not None:
        candidates.extend(NEWSROOM_ALIASES[entry])
    for candidate in candidates:
        if len(candidate) < 3:  # two-letter strings would hit ISO alpha-2 codes
            continue
        try:
            return pycountry.countries.lookup(candidate)
        except LookupError:
            continue
    return None


def _pycountry_names(entity: str) -> list[str]:
    record = _pycountry_record(entity)
    if record is None:
        return []
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(record, attr, None)
        if value and ", " not in value:  # "Korea, Republic of" is a catalogue form
            names.append(value)
    alpha3 = getattr(record, "alpha_3", "")
    if alpha3 in _PROSE_ALPHA3:
        names.append(alpha3)
    return names


# ------------------------------------------------------------------ iso3166-2


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, tuple[str, dict] | None]:
    """Normalised region name -> (code, record); None where two regions share a name."""
    import iso3166_2  # reads one JSON file; only when a region is first resolved

    index: dict[str, tuple[str, dict] | None] = {}

    def add(name: str, code: str, record: dict) -> None:
        key = normalise_name(name)
        if not key:
            return
        known = index.get(key)
        if known is not None and known[0] != code:
            index[key] = None  # ambiguous: "Georgia", "Punjab", ...
        elif key not in index:  # an ambiguous name stays None
            index[key] = (code, record)

    for subdivisions in iso3166_2.Subdivisions().all.values():
        for code, record in subdivisions.items():
            if record.get("parentCode"):
                continue  # first-level regions only
            add(record.get("name") or "", code, record)
            for english in _english_names(record):
                add(english, code, record)
                if " " not in english:
                    for suffix in _suffixes(record):
                        add(f"{english} {suffix}", code, record)
    return index


def _english_names(record: dict) -> list[str]:
    text = record.get("localOtherName") or ""
    return [m.group(1) for m in _LOCAL_NAME.finditer(text) if m.group(2) == "eng"]


def _suffixes(record: dict) -> tuple[str, ...]:
    official = (record.get("name") or "").casefold()
    if official.endswith(" oblast"):
        return ("oblast", "region")
    if official.endswith(" province"):
        return ("province",)
    return ("region",)


def _subdivision_names(entity: str) -> list[str]:
    hit = _subdivision_index().get(normalise_name(entity))
    if hit is None:
        return []
    _code, record = hit
    official = record.get("name") or ""
    names = [official] if official else []
    official_key = normalise_name(official)
    entity_words = {w for w in normalise_name(entity).split() if len(w) >= 4}
    official_words = {w for w in official_key.split() if len(w) >= 4}
    english = _english_names(record)
    singles = {normalise_name(n) for n in english if " " not in n}
    if official_key.endswith(" oblast") and normalise_name(entity).endswith(" oblast"):
        stem = entity.strip()[: -len(" oblast")].strip()
        names.extend(f"{stem} {suffix}" for suffix in ("region", "oblast"))
    for name in english:
        if " " in name:
            # Keep "Autonomous Republic of Crimea"; drop nicknames ("Eastern gate of
            # Ukraine") that share no word with the region's names.
            if set(normalise_name(name).split()) & (entity_words | official_words | singles):
                names.append(name)
        elif official_key.endswith(" oblast") and _stem_of(normalise_name(name), official_key):
            # "Donetsk" for "Donetska oblast" -> "Donetsk region", "Donetsk oblast".
            # The bare word is left out: it is the name of a city too.
            names.extend(f"{name} {suffix}" for suffix in ("region", "oblast"))
    return names


def _stem_of(word: str, official_key: str) -> bool:
    """True when `word` is the adjective stem of the official name ("donetsk" / "donetska oblast")."""
    first = official_key.split()[0]
    return first.startswith(word) and len(first) - len(word) <= 2


# ------------------------------------------------------------------ public API


@lru_cache(maxsize=8192)
def aliases_for(entity: str, entity_type: str = "") -> tuple[str, ...]:
    """Other names people write for `entity`; never the entity itself, never < 2 chars.

    `entity_type` narrows the sources: 'country', 'territory' and 'union' ask
    pycountry, 'region' asks iso3166-2, 'city' and 'event' use only the hand
    table, and '' (unknown) asks everything.
    """
    etype = (entity_type or "").strip().casefold()
    found: list[str] = []
    entry = _newsroom_entry(entity)
    if entry is not None:
        found.extend(NEWSROOM_ALIASES[entry])
    if etype in _COUNTRY_TYPES or not etype:
        found.extend(_pycountry_names(entity))
    if etype in _REGION_TYPES or not etype:
        found.extend(_subdivision_names(entity))

    own = normalise_name(entity)
    seen = {own}
    out: list[str] = []
    for name in found:
        name = name.strip()
        key = normalise_name(name)
        if len(name) < 2 or len(key) < 2 or key in seen:
            continue
        seen.add(key)
        out.append(name)
    return tuple(out)


@lru_cache(maxsize=1)
def _table_countries() -> tuple[str, ...]:
    """Entity names of the bundled country table (empty if it is not there)."""
    try:
        with open(_BUNDLED_COUNTRIES, encoding="utf-8", newline="") as fh:
            return tuple(dict.fromkeys(row["entity"] for row in csv.DictReader(fh) if row.get("entity")))
    except (OSError, KeyError):
        return ()


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised name -> table entity, ISO alpha-2 -> table entity)."""
    by_name: dict[str, str] = {}
    by_alpha2: dict[str, str] = {}
    # Without the bundled table, the hand table's countries stand in for it (the
    # ones pycountry knows, which leaves out its cities and regions).
    entities = _table_countries() or tuple(e for e in NEWSROOM_ALIASES if _pycountry_record(e) is not None)
    for entity in entities:
        by_name.setdefault(normalise_name(entity), entity)
    for entity in entities:
        entry = _newsroom_entry(entity)
        for name in NEWSROOM_ALIASES.get(entry or "", ()):
            by_name.setdefault(normalise_name(name), entity)
        record = _pycountry_record(entity)
        if record is not None:
            by_alpha2.setdefault(record.alpha_2, entity)
            for name in _pycountry_names(entity):
                by_name.setdefault(normalise_name(name), entity)
    return by_name, by_alpha2


@lru_cache(maxsize=4096)
def canonical_country(name: str) -> str | None:
    """The country table's entity name for any way of writing a country, else None.

    "Britain" -> "United Kingdom", "Russian Federation" -> "Russia",
    "Türkiye" -> "Turkey", "Korea, Republic of" -> "South Korea".
    """
    key = normalise_name(name)
    if not key:
        return None
    by_name, by_alpha2 = _country_index()
    if key in by_name:
        return by_name[key]
    if len(name.strip()) < 3:
        return None  # "US", "UK", "in": two letters are too ambiguous to look up
    import pycountry

    try:
        record = pycountry.countries.lookup(name.strip())
    except LookupError:
        return None
    return by_alpha2.get(record.alpha_2)
