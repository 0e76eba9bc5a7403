"""Seed articles checked end to end against the bundled reference tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.models import CheckedClaim, ReferenceRow, Report
from checker.pipeline import check_text
from checker.reference import Reference, load_reference
from checker.verdict import VerdictOptions

ARTICLES = Path(__file__).parent / "data" / "articles"
UKRAINE = (ARTICLES / "ukraine_talks_feb2026.txt").read_text(encoding="utf-8")
COUNTRIES = (ARTICLES / "three_countries.txt").read_text(encoding="utf-8")
TALKS_DATE = dt.date(2026, 2, 17)


@pytest.fixture(scope="module")
def bundle() -> Reference:
    return load_reference()


@pytest.fixture(scope="module")
def ukraine(bundle: Reference) -> Report:
    return check_text(UKRAINE, reference=bundle, date=TALKS_DATE)


@pytest.fixture(scope="module")
def countries(bundle: Reference) -> Report:
    return check_text(COUNTRIES, reference=bundle, date=TALKS_DATE)


def claim_with(report: Report, text: str) -> CheckedClaim:
    found = [c for c in report.claims if c.claim.text == text]
    assert len(found) == 1, [c.claim.text for c in report.claims]
    return found[0]


def covered(report: Report, phrase: str) -> list[CheckedClaim]:
    """Claims whose span overlaps `phrase` in the report's text."""
    at = report.text.index(phrase)
    end = at + len(phrase)
    return [c for c in report.claims if c.claim.start < end and at < c.claim.end]


# ------------------------------------------------------------------ Ukraine talks


def test_ukraine_share_of_territory_is_supported_with_named_source(ukraine: Report) -> None:
    c = claim_with(ukraine, "20 percent")
    assert (c.claim.value, c.claim.unit, c.claim.qualifier) == (20, "percent", "approx")
    assert c.verdict == "supported"
    ref = c.reference
    assert ref is not None
    assert ref.entity == "Ukraine"
    assert ref.unit == "percent"
    assert "DeepState" in ref.source
    assert "DeepState" in c.note
    assert "rule: " in c.note


def test_crimea_annexation_year_is_supported(ukraine: Report) -> None:
    c = claim_with(ukraine, "2014")
    assert c.claim.unit == "year"
    assert c.verdict == "supported"
    assert c.reference is not None and c.reference.entity == "Crimea"
    assert c.reference.source  # a named publication
    assert "rule: year" in c.note


def test_troops_come_back_as_troops(ukraine: Report) -> None:
    c = claim_with(ukraine, "30,000 troops")
    assert c.claim.value == 30000
    assert c.claim.unit == "troops"
    assert c.claim.qualifier == "approx"


@pytest.mark.parametrize("phrase", ["A Putin aide", "the third round", "on Tuesday", "Geneva"])
def test_no_claim_from_non_quantities(ukraine: Report, phrase: str) -> None:
    assert covered(ukraine, phrase) == []


def test_ukraine_report_has_exactly_the_three_figures_and_the_anniversary(ukraine: Report) -> None:
    # The ordinal is no extracted quantity; the anniversary is checked as elapsed time.
    assert [c.claim.text for c in ukraine.claims] == ["fourth anniversary", "20 percent", "2014", "30,000 troops"]
    anniversary = ukraine.claims[0]
    assert (anniversary.verdict, anniversary.rule) == ("supported", "anniversary")
    assert "2022-02-24 → 2026-02-24" in anniversary.note


def test_offsets_point_into_the_article(ukraine: Report) -> None:
    for c in ukraine.claims:
        assert UKRAINE[c.claim.start:c.claim.end] == c.claim.text
        assert c.claim.sentence in UKRAINE
        assert UKRAINE[c.claim.sentence_start:].startswith(c.claim.sentence)


def test_report_lists_the_bundled_tables(ukraine: Report) -> None:
    names = {Path(t).name for t in ukraine.tables}
    assert {"countries.csv", "cities.csv", "ukraine_war.csv"} <= names


# ------------------------------------------------------------------ three countries


@pytest.mark.parametrize(("text", "entity", "metric", "verdict"), [
    ("68.5 million inhabitants", "France", "population", "supported"),  # 68,512,806
    ("377,900 sq km", "Japan", "area", "supported"),  # 377,915 km2
    ("65 million", "Kenya", "population", "contradicted"),  # 55,751,717
])
def test_three_countries(countries: Report, text: str, entity: str, metric: str, verdict: str) -> None:
    c = claim_with(countries, text)
    assert c.verdict == verdict, c.note
    ref = c.reference
    assert isinstance(ref, ReferenceRow)
    assert (ref.entity, ref.metric) == (entity, metric)
    assert "CIA World Factbook" in ref.source
    assert "CIA World Factbook" in c.note


def test_three_countries_summary(countries: Report) -> None:
    assert [c.verdict for c in countries.claims] == ["supported", "supported", "contradicted"]


# ------------------------------------------------------------------ publication date


@pytest.mark.parametrize(("date", "verdict", "year"), [
    (dt.date(2022, 3, 1), "supported", 2014),
    (dt.date(2025, 6, 1), "contradicted", 2017),
])
def test_years_ago_counts_from_the_publication_date(bundle: Reference, date: dt.date, verdict: str,
                                                     year: int) -> None:
    report = check_text("Russia annexed Crimea eight years ago.", reference=bundle, date=date)
    assert report.date == date
    (c,) = report.claims
    assert c.claim.text == "eight years"
    assert (c.claim.value, c.claim.unit) == (8, "years")  # the claim itself is as written
    assert c.verdict == verdict
    assert c.rule == "year"
    assert str(year) in c.note
    assert date.isoformat() in c.note


def test_date_defaults_to_today(bundle: Reference) -> None:
    assert check_text("No figures here.", reference=bundle).date == dt.date.today()


def test_years_without_ago_are_a_duration(bundle: Reference) -> None:
    report = check_text("The occupation of Crimea has lasted eight years.", reference=bundle,
                        date=dt.date(2022, 3, 1))
    (c,) = report.claims
    assert c.claim.unit == "years"
    assert c.rule != "year"


# ------------------------------------------------------------------ options and inputs


def test_tolerance_option_reaches_the_verdict(bundle: Reference) -> None:
    text = "France has about 62 million inhabitants."
    strict = check_text(text, reference=bundle, date=TALKS_DATE)
    loose = check_text(text, reference=bundle, date=TALKS_DATE, options=VerdictOptions(approx_tolerance=0.15))
    assert strict.claims[0].verdict == "contradicted"  # 62 million is 9.5% below 68.5 million
    assert loose.claims[0].verdict == "supported"


def test_given_reference_replaces_the_bundle() -> None:
    own = Reference.from_rows([ReferenceRow(entity="France", metric="population", value=70e6, unit="people",
                                            source="My newsroom sheet", as_of="2025",
                                            metric_aliases=("population", "inhabitants"))],
                              tables=["mine.csv"])
    report = check_text(COUNTRIES, reference=own, date=TALKS_DATE)
    assert report.tables == ("mine.csv",)
    c = claim_with(report, "68.5 million inhabitants")
    assert c.verdict == "contradicted"
    assert c.reference is not None and c.reference.source == "My newsroom sheet"
    assert claim_with(report, "65 million").verdict == "unverified"


def test_empty_text_gives_empty_report(bundle: Reference) -> None:
    report = check_text("", reference=bundle, date=TALKS_DATE)
    assert report.claims == ()


def test_progress_reaches_one(bundle: Reference) -> None:
    seen: list[float] = []
    check_text(UKRAINE, reference=bundle, date=TALKS_DATE, progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)


# ------------------------------------------------------------- what a figure is about
# Each sentence once produced a wrong verdict against the bundle; each is now left
# unverified or matched to the right row.


@pytest.mark.parametrize(("sentence", "text", "verdict", "rule", "entity"), [
    # a crowd is not a population, though both are counted in people
    ("Around 5,000 people attended the rally in Paris on Saturday.", "5,000 people", "unverified",
     "no-reference", None),
    # a change is not a level
    ("Japan's population fell by 500,000 last year.", "500,000", "unverified", "no-reference", None),
    # a forecast says nothing about today's figure
    ("Nigeria's population is expected to reach 400 million by 2050.", "400 million", "unverified",
     "projection", None),
    # the country, not a town of the same name in another country
    ("Mexico has 130 million inhabitants.", "130 million inhabitants", "supported", "rounding", "Mexico"),
    # the name in the number's own clause, not one in the next clause
    ("Ukraine declared independence in 1991, and Kyiv is its capital.", "1991", "supported", "event-year", "Ukraine"),
    # estimates from different sources differ a little
    ("The Netherlands has 17.9 million inhabitants.", "17.9 million inhabitants", "supported",
     "estimate-tolerance", "Netherlands"),
    # an undated city population may be out of date: not a contradiction
    ("Berlin has 3.8 million residents.", "3.8 million residents", "unverified", "undated-reference", "Berlin"),
])
def test_what_a_figure_is_about(bundle: Reference, sentence: str, text: str, verdict: str, rule: str,
                                entity: str | None) -> None:
    c = claim_with(check_text(sentence, reference=bundle, date=TALKS_DATE), text)
    assert (c.verdict, c.rule) == (verdict, rule), c.note
    assert (c.reference.entity if c.reference else None) == entity
    assert f"(rule: {rule})" in c.note
