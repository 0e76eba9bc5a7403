"""Matching a claim to a reference row: units, entities and aliases, places inside places."""

from __future__ import annotations

import sys

import pytest

from checker.extract import extract_claims
from checker.match import match_claim, units_compatible
from checker.models import Claim, ReferenceRow
from checker.reference import Reference, normalise_name

POPULATION = ("population", "people", "inhabitants", "residents")
AREA = ("area", "territory", "size", "square kilometres", "square miles", "covers")


def row(entity: str, metric: str, value: float | None, unit: str, *, etype: str = "country",
        aliases: tuple[str, ...] = (), metric_aliases: tuple[str, ...] = (), claimant: str = "",
        low: float | None = None, high: float | None = None) -> ReferenceRow:
    return ReferenceRow(entity=entity, metric=metric, value=value, unit=unit, source=f"{entity} test source",
                        aliases=aliases, metric_aliases=metric_aliases, claimant=claimant, value_low=low,
                        value_high=high, extra=(("entity_type", etype),))


ROWS = (
    row("Ukraine", "area", 603550, "km2", aliases=("Ukrainian SSR",), metric_aliases=AREA),
    row("Ukraine", "population", 35661826, "people", metric_aliases=POPULATION),
    row("Ukraine", "independence", 1991, "year", metric_aliases=("independence", "independent")),
    row("Russia", "troops deployed near Ukraine", 30000, "troops", aliases=("Russian Federation",),
        metric_aliases=("troops", "soldiers", "deployed", "massed")),
    row("Russia", "area", 17098242, "km2", aliases=("Russian Federation",), metric_aliases=AREA),
    row("Kharkiv", "population", 1421125, "people", etype="city", aliases=("Kharkov",),
        metric_aliases=POPULATION),
    row("United Kingdom", "population", 68350000, "people", aliases=("Britain", "UK"),
        metric_aliases=POPULATION),
    row("Kenya", "population", 55751717, "people", metric_aliases=POPULATION),
    row("Nairobi", "population", 4397073, "people", etype="city", metric_aliases=POPULATION),
    row("Turkey", "inflation", 33, "percent", metric_aliases=("inflation", "prices", "price")),
    row("Donetsk Oblast", "territory under Ukrainian control", None, "percent", etype="region",
        aliases=("Donetsk region",), metric_aliases=("under Ukrainian control", "still holds"),
        claimant="Russia: Vladimir Putin", low=15, high=17),
)


@pytest.fixture(scope="module")
def reference() -> Reference:
    # Only the aliases written in these rows count, whatever checker.reference.aliases knows:
    # a None entry in sys.modules makes `import checker.reference.aliases` fail.
    saved = sys.modules.get("checker.reference.aliases")
    sys.modules["checker.reference.aliases"] = None  # type: ignore[assignment]
    try:
        return Reference.from_rows(ROWS, tables=["test"])
    finally:
        if saved is None:
            sys.modules.pop("checker.reference.aliases", None)
        else:
            sys.modules["checker.reference.aliases"] = saved


def only_claim(sentence: str) -> Claim:
    claims = extract_claims(sentence)
    assert len(claims) == 1, claims
    return claims[0]


def matched(sentence: str, reference: Reference) -> tuple[str, str] | None:
    m = match_claim(only_claim(sentence), reference)
    return None if m is None else (m.row.entity, m.row.metric)


# ------------------------------------------------------------------ unit compatibility


@pytest.mark.parametrize(("claim_unit", "row_unit", "ok"), [
    ("troops", "km2", False),
    ("km2", "troops", False),
    ("year", "people", False),
    ("people", "year", False),
    ("years", "year", False),  # a duration is not a calendar year
    ("year", "year", True),
    ("troops", "troops", True),
    ("soldiers", "troops", True),
    ("troops", "people", False),
    ("inhabitants", "people", True),
    ("residents", "people", True),
    ("", "people", True),  # "a population of 38 million": the noun is in the metric
    ("permanent residents", "people", True),  # the counted noun's head decides
    ("shipping containers", "containers", True),
    ("kidney transplants", "people", False),
    ("mi2", "km2", True),
    ("km", "km2", False),
    ("ft", "m", True),
    ("percent", "fraction", True),
    ("fraction", "percent", True),
    ("percent", "people", False),
    ("USD", "EUR", False),
    ("USD", "USD", True),
])
def test_units_compatible(claim_unit: str, row_unit: str, ok: bool) -> None:
    assert units_compatible(claim_unit, row_unit) is ok


def test_troops_never_match_an_area_row(reference: Reference) -> None:
    # Russia's area row has "territory" among its metric words; the claim counts troops.
    m = match_claim(only_claim("Russia keeps 12,000 troops on its own territory."), reference)
    assert m is None or m.row.unit == "troops"


def test_troops_match_the_troops_row(reference: Reference) -> None:
    assert matched("Russia has massed some 30,000 troops near the border.", reference) == (
        "Russia", "troops deployed near Ukraine")


def test_troops_claim_about_the_wrong_entity_stays_unmatched(reference: Reference) -> None:
    assert matched("Ukraine has 30,000 troops on the border.", reference) is None


def test_area_claim_matches_area_row(reference: Reference) -> None:
    assert matched("Ukraine covers 603,550 square kilometres.", reference) == ("Ukraine", "area")


def test_area_in_square_miles_matches_km2_row(reference: Reference) -> None:
    assert matched("Ukraine covers 233,000 square miles.", reference) == ("Ukraine", "area")


def test_year_matches_only_a_year_row(reference: Reference) -> None:
    assert matched("Ukraine became independent in 1991.", reference) == ("Ukraine", "independence")


def test_year_never_matches_a_count_row(reference: Reference) -> None:
    # The population row's metric words are all there, but a year is not a head count.
    assert matched("Ukraine's population peaked in 1993.", reference) is None


def test_count_never_matches_a_year_row(reference: Reference) -> None:
    m = match_claim(only_claim("Independent Ukraine had 52 million people."), reference)
    assert m is not None and m.row.unit == "people"


# ------------------------------------------------------------------ entities and aliases


@pytest.mark.parametrize(("sentence", "entity", "surface"), [
    ("Britain has 68 million inhabitants.", "United Kingdom", "Britain"),
    ("The UK has 68 million inhabitants.", "United Kingdom", "UK"),
    ("Kharkov has 1.4 million inhabitants.", "Kharkiv", "Kharkov"),
    ("The Russian Federation has massed some 30,000 troops.", "Russia", "Russian Federation"),
    ("The Ukrainian SSR covered 603,700 square kilometres.", "Ukraine", "Ukrainian SSR"),
])
def test_entity_found_via_alias(sentence: str, entity: str, surface: str, reference: Reference) -> None:
    m = match_claim(only_claim(sentence), reference)
    assert m is not None
    assert m.row.entity == entity
    # How much of "the UK" the surface keeps is not the point; which name was found is.
    assert normalise_name(m.entity_surface) == normalise_name(surface)
    assert m.entity_surface in sentence
    assert 0.0 <= m.score <= 100.0


def test_lower_case_word_is_not_a_country(reference: Reference) -> None:
    assert matched("The price of turkey rose 33 percent.", reference) is None
    assert matched("Prices in Turkey rose 33 percent.", reference) == ("Turkey", "inflation")


def test_claimant_row_preferred_when_sentence_names_claimant(reference: Reference) -> None:
    m = match_claim(only_claim("Putin said Ukraine still holds about 16 percent of the Donetsk region."),
                    reference)
    assert m is not None and m.row.claimant == "Russia: Vladimir Putin"


# ------------------------------------------------------------------ places inside places


def test_city_figure_matches_city(reference: Reference) -> None:
    assert matched("Kharkiv has 1.4 million inhabitants.", reference) == ("Kharkiv", "population")


def test_city_named_nearer_than_country_wins(reference: Reference) -> None:
    assert matched("Kenya's capital Nairobi has 4.4 million residents.", reference) == ("Nairobi", "population")


def test_country_figure_with_city_named_later_matches_country(reference: Reference) -> None:
    assert matched("Ukraine has 35.6 million inhabitants, and Kharkiv is its second city.", reference) == (
        "Ukraine", "population")


def test_country_figure_matches_country(reference: Reference) -> None:
    assert matched("Kenya has 55.8 million people.", reference) == ("Kenya", "population")


@pytest.mark.parametrize(("sentence", "entity"), [
    # the subject of the clause, not a place named in an aside between commas
    ("Kharkiv, Ukraine's second city, has 1.4 million inhabitants.", "Kharkiv"),
    ("The population of Nairobi, Kenya's capital, is 4.4 million people.", "Nairobi"),
    ("Kenya, whose capital is Nairobi, has 55.8 million people.", "Kenya"),
    ("Ukraine, home to Kharkiv, has 35.6 million inhabitants.", "Ukraine"),
])
def test_place_in_an_aside_is_not_the_subject(sentence: str, entity: str, reference: Reference) -> None:
    assert matched(sentence, reference) == (entity, "population")


def test_unattributed_figure_prefers_the_neutral_row() -> None:
    rows = (
        row("Donetsk Oblast", "territory occupied by Russia", None, "percent", etype="region",
            metric_aliases=("occupied", "held by Russia"), low=78, high=80),
        row("Donetsk Oblast", "territory occupied by Russia", None, "percent", etype="region",
            metric_aliases=("occupied", "held by Russia"), claimant="Russia: Denis Pushilin", low=83, high=85),
    )
    m = match_claim(only_claim("Some 79 percent of Donetsk Oblast is occupied."), Reference.from_rows(rows))
    assert m is not None and m.row.claimant == ""


# ------------------------------------------------------------------ nothing fits


@pytest.mark.parametrize("sentence", [
    "France has 68 million inhabitants.",  # no row for the entity
    "Ukraine has 12 airports.",  # the entity, but no row about airports
    "The country has 35 million people.",  # no entity named
    "Ukraine exported 5 million tonnes of grain.",  # no row in tonnes
    "Thousands gathered in Kharkiv.",  # a vague amount with no unit
])
def test_nothing_fits(sentence: str, reference: Reference) -> None:
    assert matched(sentence, reference) is None


def test_empty_reference_matches_nothing() -> None:
    empty = Reference.from_rows([])
    assert match_claim(only_claim("Ukraine covers 603,550 square kilometres."), empty) is None


@pytest.mark.parametrize(("sentence", "claimant", "expected"), [
    ("Putin said Ukraine still holds about 16 percent of the region.", "Russia: Vladimir Putin", True),
    ("According to Ukraine's General Staff, Russia lost 1,000 troops.", "Ukraine's General Staff", True),
    ("Russia now controls about 79 percent of the region.", "Russia: Vladimir Putin", False),  # named, not quoted
    ("Officials said Kyiv holds 16 percent.", "Russia: Vladimir Putin", False),  # quoted, someone else
])
def test_attribution_needs_the_party_and_a_word_of_attribution(sentence: str, claimant: str,
                                                                expected: bool) -> None:
    from checker.match import attributed_to

    assert attributed_to(sentence, claimant) is expected


def test_metric_words_of_another_clause_count_less() -> None:
    rows = (
        row("Donetsk Oblast", "territory occupied by Russia", None, "percent", etype="region",
            metric_aliases=("occupied", "controls", "under Russian control"), low=78, high=80),
        row("Donetsk Oblast", "territory under Ukrainian control", None, "percent", etype="region",
            metric_aliases=("still holds", "Kyiv controls"), claimant="Russia: Vladimir Putin", low=15, high=17),
    )
    ref = Reference.from_rows(rows)
    sentence = "Russia now controls about 79 percent of Donetsk Oblast, while Kyiv still holds roughly a fifth of it."
    first, second = extract_claims(sentence)
    assert match_claim(first, ref).row.metric == "territory occupied by Russia"
    assert match_claim(second, ref).row.metric == "territory under Ukrainian control"
