"""The verdict rules, driven by a table of hand-built claims and reference rows."""

from __future__ import annotations

import pytest

from checker.extract import extract_claims
from checker.models import Claim, Match, ReferenceRow
from checker.verdict import DEFAULT_APPROX_TOLERANCE, VerdictOptions, judge


def claim(text: str, value: float, unit: str, qualifier: str = "exact", decimals: int = 0,
          high: float | None = None) -> Claim:
    sentence = f"The report said {text} on Monday."
    start = sentence.index(text)
    return Claim(text=text, start=start, end=start + len(text), sentence=sentence, sentence_start=0,
                 value=value, unit=unit, qualifier=qualifier, value_high=high,  # type: ignore[arg-type]
                 decimals=decimals)


def row(value: float | None, unit: str, *, low: float | None = None, high: float | None = None,
        claimant: str = "", entity: str = "Testland", metric: str = "population", as_of: str = "2025",
        notes: str = "") -> ReferenceRow:
    return ReferenceRow(entity=entity, metric=metric, value=value, unit=unit, source="Test Source 2026",
                        value_low=low, value_high=high, claimant=claimant, as_of=as_of, notes=notes)


def match(r: ReferenceRow) -> Match:
    return Match(row=r, score=95.0, entity_surface=r.entity)


# (id, claim, row, expected verdict, expected rule)
RULES = [
    # estimates from different sources may differ by 2%; undated counts may be out of date
    ("17.9m-fits-estimate-17.83m", claim("17.9 million", 17.9e6, "people", decimals=-5),
     row(17_833_885, "people", notes="17,833,885 (2025 est.)"), "supported", "estimate-tolerance"),
    ("38m-not-estimate-36.6m", claim("38 million", 38e6, "people", decimals=-6),
     row(36.6e6, "people", notes="36,600,000 (2025 est.)"), "contradicted", "rounding"),
    ("undated-count-not-contradicted", claim("3.8 million", 3.8e6, "people", decimals=-5),
     row(3_426_354, "people", as_of=""), "unverified", "undated-reference"),
    ("undated-area-still-contradicted", claim("700,000 sq km", 7e5, "km2", decimals=-4),
     row(603_550, "km2", as_of="", metric="area"), "contradicted", "rounding"),
    # rounding: a figure stated to the million fits anything that rounds to it
    ("68m-fits-68.4m", claim("68 million", 68e6, "people", decimals=-6), row(68.4e6, "people"),
     "supported", "rounding"),
    ("68m-fits-67.6m", claim("68 million", 68e6, "people", decimals=-6), row(67.6e6, "people"),
     "supported", "rounding"),
    ("38m-not-36.6m", claim("38 million", 38e6, "people", decimals=-6), row(36.6e6, "people"),
     "contradicted", "rounding"),
    ("68.4m-not-68.6m", claim("68.4 million", 68.4e6, "people", decimals=-5), row(68.6e6, "people"),
     "contradicted", "rounding"),
    ("exact-equal", claim("603,550 sq km", 603550, "km2"), row(603550, "km2"), "supported", "rounding"),
    ("exact-off-by-one", claim("603,551 sq km", 603551, "km2"), row(603549, "km2"), "contradicted",
     "rounding"),
    # hedged figures: ±10% by default
    ("approx-within-5pc", claim("about 30,000 troops", 30000, "troops", "approx", -3), row(31400, "troops"),
     "supported", "approx-tolerance"),
    ("approx-below-within-5pc", claim("about 30,000 troops", 30000, "troops", "approx", -3),
     row(28600, "troops"), "supported", "approx-tolerance"),
    ("approx-beyond-5pc", claim("about 30,000 troops", 30000, "troops", "approx", -3), row(31700, "troops"),
     "contradicted", "approx-tolerance"),
    # the hedge and the rounding are not added up: the wider of the two applies
    ("approx-38m-not-35.7m", claim("about 38 million", 38e6, "people", "approx", -6), row(35_661_826, "people"),
     "contradicted", "approx-tolerance"),
    ("approx-far-below", claim("about 30,000 troops", 30000, "troops", "approx", -3), row(25000, "troops"),
     "contradicted", "approx-tolerance"),
    # bounds
    ("at-least-holds", claim("more than 100 votes", 100, "votes", "at_least", -1), row(141, "votes"),
     "supported", "lower-bound"),
    ("at-least-fails", claim("more than 100 votes", 100, "votes", "at_least", -1), row(58, "votes"),
     "contradicted", "lower-bound"),
    ("at-most-holds", claim("less than 10%", 10, "percent", "at_most"), row(8.2, "percent"),
     "supported", "upper-bound"),
    ("at-most-fails", claim("less than 10%", 10, "percent", "at_most"), row(19.5, "percent"),
     "contradicted", "upper-bound"),
    ("at-least-vs-ref-range", claim("more than 15 percent", 15, "percent", "at_least"),
     row(None, "percent", low=19, high=20), "supported", "lower-bound"),
    ("at-most-vs-ref-range", claim("under 10 percent", 10, "percent", "at_most"),
     row(None, "percent", low=19, high=20), "contradicted", "upper-bound"),
    # reference ranges (value_low..value_high)
    ("exact-inside-ref-range", claim("19.5 percent", 19.5, "percent", decimals=1),
     row(None, "percent", low=19, high=20), "supported", "rounding"),
    ("exact-outside-ref-range", claim("25 percent", 25, "percent"), row(None, "percent", low=19, high=20),
     "contradicted", "rounding"),
    ("approx-vs-ref-range", claim("about 20 percent", 20, "percent", "approx"),
     row(None, "percent", low=19, high=20), "supported", "approx-tolerance"),
    ("claim-range-overlaps", claim("15 and 20 percent", 15, "percent", "range", high=20),
     row(None, "percent", low=19, high=20), "supported", "range-overlap"),
    ("claim-range-misses", claim("5 and 10 percent", 5, "percent", "range", high=10),
     row(None, "percent", low=19, high=20), "contradicted", "range-overlap"),
    # unit conversion
    ("sq-miles-vs-km2", claim("233,000 square miles", 233000, "mi2", decimals=-3), row(603550, "km2"),
     "supported", "rounding"),
    ("sq-miles-vs-km2-wrong", claim("250,000 square miles", 250000, "mi2", decimals=-3), row(603550, "km2"),
     "contradicted", "rounding"),
    ("feet-vs-metres", claim("29,032 feet", 29032, "ft"), row(8849, "m"), "supported", "rounding"),
    ("feet-vs-metres-wrong", claim("29,000 feet", 29000, "ft", decimals=-3), row(8000, "m"), "contradicted",
     "rounding"),
    ("km-vs-miles", claim("about 100 km", 100, "km", "approx", -1), row(62, "mi"), "supported",
     "approx-tolerance"),
    # fraction vs percent
    ("third-vs-33pc", claim("a third", 1 / 3, "fraction"), row(33, "percent"), "supported", "rounding"),
    ("percent-vs-fraction", claim("30 percent", 30, "percent", decimals=-1), row(0.3, "fraction"),
     "supported", "rounding"),
    ("percent-vs-fraction-wrong", claim("45 percent", 45, "percent"), row(0.3, "fraction"),
     "contradicted", "rounding"),
    # calendar years: equal or not, never "close enough"
    ("year-equal", claim("2014", 2014, "year"), row(2014, "year"), "supported", "year"),
    ("year-off-by-one", claim("2015", 2015, "year"), row(2014, "year"), "contradicted", "year"),
    ("year-hedged-still-exact", claim("around 2013", 2013, "year", "approx"), row(2014, "year"),
     "contradicted", "year"),
    # vague amounts are never supported
    ("vague-in-range", claim("thousands", 1e3, "people", "vague", high=1e4), row(5000, "people"),
     "unverified", "vague"),
    ("vague-outside-range", claim("thousands", 1e3, "people", "vague", high=1e4), row(50, "people"),
     "contradicted", "vague"),
    ("vague-millions", claim("millions", 1e6, "people", "vague", high=1e7), row(6.8e6, "people"),
     "unverified", "vague"),
]


@pytest.mark.parametrize(("c", "r", "verdict", "rule"), [pytest.param(*case[1:], id=case[0]) for case in RULES])
def test_rule_table(c: Claim, r: ReferenceRow, verdict: str, rule: str) -> None:
    result = judge(c, match(r))
    assert (result.verdict, result.rule) == (verdict, rule), result.note
    assert f"rule: {rule}" in result.note
    assert result.claim is c
    assert result.reference is r
    assert "Test Source 2026" in result.note


def test_vague_is_never_supported_whatever_the_row() -> None:
    c = claim("hundreds", 100, "people", "vague", high=1000)
    for value in (1, 99, 100, 150, 500, 999, 1000, 1001, 1e6):
        assert judge(c, match(row(value, "people"))).verdict != "supported"


def test_default_tolerance_is_five_percent() -> None:
    assert VerdictOptions().approx_tolerance == DEFAULT_APPROX_TOLERANCE == 0.05


@pytest.mark.parametrize(("tolerance", "verdict"), [(0.05, "contradicted"), (0.10, "supported"),
                                                     (0.20, "supported")])
def test_approx_tolerance_is_configurable(tolerance: float, verdict: str) -> None:
    c = claim("about 30,000 troops", 30000, "troops", "approx", -3)
    result = judge(c, match(row(32900, "troops")), VerdictOptions(approx_tolerance=tolerance))
    assert result.verdict == verdict
    assert result.rule == "approx-tolerance"
    assert f"±{tolerance:.0%}" in result.note


def test_wider_tolerance_accepts_more() -> None:
    c = claim("about 30,000 troops", 30000, "troops", "approx", -3)
    r = row(37000, "troops")
    assert judge(c, match(r)).verdict == "contradicted"
    assert judge(c, match(r), VerdictOptions(approx_tolerance=0.25)).verdict == "supported"


def test_tolerance_does_not_loosen_exact_figures() -> None:
    c = claim("30,500 troops", 30500, "troops", decimals=-2)
    assert judge(c, match(row(33000, "troops")), VerdictOptions(approx_tolerance=0.5)).verdict == "contradicted"


def attributed(r: ReferenceRow) -> Match:
    return Match(row=r, score=95.0, entity_surface=r.entity, attributed=True)


def test_claimant_row_names_the_claimant() -> None:
    r = row(None, "percent", low=15, high=17, claimant="Russia: the Kremlin's appointed governor",
            metric="territory under Ukrainian control")
    result = judge(claim("about 16 percent", 16, "percent", "approx"), attributed(r))
    assert result.verdict == "supported"
    assert "Russia: the Kremlin's appointed governor" in result.note
    assert "not an independently verified fact" in result.note
    assert "rule: approx-tolerance" in result.note


def test_claimant_named_even_when_contradicted() -> None:
    r = row(600000, "troops", claimant="Ukraine's General Staff", metric="troop losses")
    result = judge(claim("200,000 troops", 200000, "troops", decimals=-4), attributed(r))
    assert result.verdict == "contradicted"
    assert "Ukraine's General Staff" in result.note


@pytest.mark.parametrize("value", [16, 40])
def test_unattributed_figure_is_not_judged_by_a_party_claim(value: float) -> None:
    r = row(None, "percent", low=15, high=17, claimant="Russia: Vladimir Putin",
            metric="territory under Ukrainian control")
    result = judge(claim(f"{value} percent", value, "percent"), match(r))
    assert (result.verdict, result.rule) == ("unverified", "party-claim")
    assert "Russia: Vladimir Putin" in result.note


def test_no_match_is_unverified() -> None:
    result = judge(claim("30,000 troops", 30000, "troops", decimals=-3), None)
    assert result.verdict == "unverified"
    assert result.rule == "no-reference"
    assert result.match is None and result.reference is None
    assert "30,000 troops" in result.note


def test_incompatible_units_are_unverified() -> None:
    result = judge(claim("12 km", 12, "km"), match(row(500, "kg")))
    assert result.verdict == "unverified"
    assert result.rule == "unit-mismatch"


def test_year_note_names_the_year() -> None:
    result = judge(claim("2014", 2014, "year"), match(row(2014, "year", metric="annexation")))
    assert "the year 2014" in result.note


@pytest.mark.parametrize(("sentence", "reference_value", "verdict"), [
    ("France has 68 million people.", 68.4e6, "supported"),
    ("The country has 38 million people.", 36.6e6, "contradicted"),
    ("The country has 36.6 million people.", 36.64e6, "supported"),
    ("The country has 36.6 million people.", 36.7e6, "contradicted"),
])
def test_extracted_precision_drives_rounding(sentence: str, reference_value: float, verdict: str) -> None:
    """The precision the extractor records is what the rounding rule uses."""
    (c,) = extract_claims(sentence)
    assert c.unit == "people"
    result = judge(c, match(row(reference_value, "people")))
    assert (result.verdict, result.rule) == (verdict, "rounding")



@pytest.mark.parametrize(("sentence", "as_of", "verdict"), [
    ("Russia invaded on 24 February 2022.", "2022-02-24", "supported"),
    ("Russia invaded on 22 February 2022.", "2022-02-24", "contradicted"),
    ("Russia invaded in February 2022.", "2022-02-24", "supported"),  # compared to the month
    ("Russia invaded in March 2022.", "2022-02-24", "contradicted"),
    ("Russia invaded on 24 February 2022.", "2022-02", "supported"),  # the row knows only the month
])
def test_dates_are_compared_to_the_day_or_month(sentence: str, as_of: str, verdict: str) -> None:
    (c,) = extract_claims(sentence)
    assert c.date
    r = row(2022, "year", metric="full-scale invasion", as_of=as_of)
    result = judge(c, match(r))
    assert (result.verdict, result.rule) == (verdict, "date")
    assert as_of in result.note and "(rule: date)" in result.note


def test_a_bare_year_is_compared_as_a_year() -> None:
    (c,) = extract_claims("Russia invaded in 2022.")
    assert c.date == ""
    result = judge(c, match(row(2022, "year", metric="full-scale invasion", as_of="2022-02-24")))
    assert (result.verdict, result.rule) == ("supported", "year")


def test_readme_rule_table_lists_exactly_the_rules_in_code() -> None:
    """README's table under "How claims are checked" and the Rule enum name the same rules."""
    import re
    from pathlib import Path

    from checker.verdict.rules import RULES, Rule

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("| rule |", 1)[1].split("\n\n", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines()[2:] if line.startswith("|")]
    documented = {name for cell in first_cells for name in re.findall(r"`([a-z-]+)`", cell)}
    assert documented == {r.value for r in Rule}
    # Every rule function judge() runs is named after a rule, in the order README explains.
    assert [f.__name__.replace("_", "-") for f in RULES[:-1]] == [
        "no-reference", "unit-mismatch", "metro-area", "party-claim", "date", "event-year", "vague",
        "estimate-tolerance", "source-tolerance", "reference-rounding", "undated-reference"]
