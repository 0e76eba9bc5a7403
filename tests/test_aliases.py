"""checker.reference.aliases: the other names newsrooms write for the tables' entities."""

from __future__ import annotations

import pytest

from checker.reference.aliases import (
    CASE_SENSITIVE_ALIASES,
    NEWSROOM_ALIASES,
    aliases_for,
    canonical_country,
)


@pytest.mark.parametrize(
    "entity,entity_type,alias",
    [
        ("United Kingdom", "country", "Britain"),
        ("United Kingdom", "country", "Great Britain"),
        ("United Kingdom", "country", "UK"),
        ("United Kingdom", "country", "U.K."),
        ("United States", "country", "the US"),
        ("United States", "country", "U.S."),
        ("United States", "country", "USA"),
        ("United States", "country", "America"),
        ("United States", "country", "United States of America"),
        ("Russia", "country", "Russian Federation"),
        ("Kyiv", "city", "Kiev"),
        ("Donetsk Oblast", "region", "Donetsk region"),
        ("Donetsk Oblast", "region", "Donetska oblast"),
        ("Luhansk Oblast", "region", "Lugansk region"),
        ("Zaporizhzhia Oblast", "region", "Zaporozhye region"),
        ("Kherson Oblast", "region", "Kherson region"),
        ("Crimea", "region", "Crimean peninsula"),
        ("Crimea", "region", "Autonomous Republic of Crimea"),  # from iso3166-2
        ("Moldova", "country", "Republic of Moldova"),
        ("South Korea", "country", "Republic of Korea"),
        ("Czechia", "country", "Czech Republic"),
        ("Turkey", "country", "Türkiye"),
        ("Côte d'Ivoire", "country", "Ivory Coast"),
        ("Burma", "country", "Myanmar"),
        ("France", "country", "French Republic"),  # from pycountry
        ("Iran", "country", "Islamic Republic of Iran"),  # from pycountry
        ("Zaporizhzhya", "city", "Zaporizhzhia"),
    ],
)
def test_alias(entity: str, entity_type: str, alias: str):
    assert alias in aliases_for(entity, entity_type)


@pytest.mark.parametrize(
    "name,entity",
    [
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("the UK", "United Kingdom"),
        ("the US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("Russian Federation", "Russia"),
        ("Korea, Republic of", "South Korea"),
        ("Republic of Moldova", "Moldova"),
        ("Czech Republic", "Czechia"),
        ("Türkiye", "Turkey"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("Myanmar", "Burma"),
        ("Viet Nam", "Vietnam"),
        ("Syrian Arab Republic", "Syria"),
        ("ukraine", "Ukraine"),
    ],
)
def test_canonical_country(name: str, entity: str):
    assert canonical_country(name) == entity


@pytest.mark.parametrize("name", ["Kiev", "Donetsk region", "in", "", "Atlantis", "Holland"])
def test_canonical_country_rejects_non_countries(name: str):
    assert canonical_country(name) is None


@pytest.mark.parametrize(
    "entity,entity_type",
    [
        ("United Kingdom", "country"), ("United States", "country"), ("Russia", "country"),
        ("Ukraine", "country"), ("Donetsk Oblast", "region"), ("Crimea", "region"), ("Kyiv", "city"),
        ("Germany", ""), ("Georgia", ""), ("Bavaria", "region"), ("Nowhere", ""),
    ],
)
def test_aliases_are_clean(entity: str, entity_type: str):
    aliases = aliases_for(entity, entity_type)
    assert isinstance(aliases, tuple)
    folded = [a.casefold() for a in aliases]
    assert entity.casefold() not in folded
    assert len(folded) == len(set(folded))
    for alias in aliases:
        assert len(alias) >= 2
        assert ", " not in alias or alias.startswith("Saint")  # no "Korea, Republic of"
        assert alias.casefold() != "us"  # the pronoun; kept in CASE_SENSITIVE_ALIASES


def test_no_two_letter_codes_from_pycountry():
    assert "GB" not in aliases_for("United Kingdom", "country")
    assert "FR" not in aliases_for("France", "country")
    assert "FRA" not in aliases_for("France", "country")  # only prose-style alpha-3 codes


def test_region_aliases_never_are_the_bare_city_name():
    for oblast, city in [("Donetsk Oblast", "Donetsk"), ("Kherson Oblast", "Kherson"),
                         ("Luhansk Oblast", "Luhansk"), ("Zaporizhzhia Oblast", "Zaporizhzhia")]:
        assert city not in aliases_for(oblast, "region")
        assert city not in aliases_for(oblast, "")


def test_donbas_and_holland_are_not_aliases():
    everything = {a.casefold() for names in NEWSROOM_ALIASES.values() for a in names}
    assert "donbas" not in everything
    assert "holland" not in everything
    assert "Donbas" not in aliases_for("Donetsk Oblast", "region")


def test_cities_get_only_the_hand_table():
    assert aliases_for("Paris", "city") == ()
    assert aliases_for("Kyiv", "city") == ("Kiev",)


def test_case_sensitive_acronyms_are_kept_apart():
    assert CASE_SENSITIVE_ALIASES["United States"] == ("US",)
    assert "US" not in aliases_for("United States", "country")


def test_answers_are_cached():
    first = aliases_for("Ukraine", "country")
    assert aliases_for("Ukraine", "country") is first
    assert aliases_for.cache_info().hits >= 1


def test_importing_is_cheap():
    import subprocess
    import sys

    code = "import sys, checker.reference.aliases; print('pycountry' in sys.modules, 'iso3166_2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    assert out.stdout.split() == ["False", "False"]
