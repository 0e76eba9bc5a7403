"""Report writers: the JSON contract, safe CSV for spreadsheets, and the terminal table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from checker.models import CheckedClaim, Claim, Match, ReferenceRow, Report
from checker.output.report import (
    REPORT_FIELDS,
    claim_to_dict,
    report_to_dict,
    safe_cell,
    to_csv,
    to_json,
    to_table,
)

ARTICLE = (
    "Ukraine covers 603,550 sq km. Between 10 and 20 tanks were lost near Kharkiv, "
    "said officials in Côte d’Ivoire. Inflation fell -2 points."
)

UKRAINE = ReferenceRow(
    entity="Ukraine",
    metric="area",
    value=603550.0,
    unit="km2",
    source="CIA World Factbook",
    as_of="2024",
    source_url="https://www.cia.gov/the-world-factbook/countries/ukraine/",
    table="reference_data/countries.csv",
    line=7,
    extra=(("entity_type", "country"),),
)
LOSSES = ReferenceRow(
    entity="Kharkiv",
    metric="tank losses",
    value=None,
    unit="tanks",
    source="=HYPERLINK(\"http://evil\")",
    value_low=12.0,
    value_high=18.0,
    claimant="Ukraine's General Staff",
    table="claims.csv",
    line=3,
)


def claim_at(fragment: str, value: float, unit: str, **kw: object) -> Claim:
    start = ARTICLE.index(fragment)
    end = start + len(fragment)
    sentence_start = ARTICLE.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = ARTICLE.find(".", end) + 1
    return Claim(
        text=fragment,
        start=start,
        end=end,
        sentence=ARTICLE[sentence_start:sentence_end],
        sentence_start=sentence_start,
        value=value,
        unit=unit,
        **kw,  # type: ignore[arg-type]
    )


def make_report() -> Report:
    claims = (
        CheckedClaim(
            claim_at("603,550 sq km", 603550.0, "km2"),
            "supported",
            "exact",
            "Matches the reference figure of 603,550 km2 (CIA World Factbook, 2024).",
            Match(UKRAINE, 0.98, "Ukraine"),
        ),
        CheckedClaim(
            claim_at("Between 10 and 20 tanks", 10.0, "tanks", qualifier="range", value_high=20.0),
            "contradicted",
            "range_overlap",
            "=cmd|' /C calc'!A0 is a hostile note",
            Match(LOSSES, 0.8, "Kharkiv"),
        ),
        CheckedClaim(
            claim_at("-2 points", -2.0, "percentage_points", change="down", decimals=0),
            "unverified",
            "no_reference",
            "No reference figure for this claim.",
        ),
    )
    return Report(text=ARTICLE, date=dt.date(2024, 6, 1), claims=claims, tables=("reference_data/countries.csv",))


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# --------------------------------------------------------------------------- JSON

CLAIM_KEYS = {
    "text", "start", "end", "sentence", "value", "value_high", "unit", "qualifier",
    "verdict", "rule", "note", "reference", "change", "decimals",
}  # fmt: skip
REFERENCE_KEYS = {"entity", "metric", "value", "unit", "as_of", "source", "source_url", "claimant"}


def test_json_has_contract_fields() -> None:
    data = json.loads(to_json(make_report()))
    assert data["date"] == "2024-06-01"
    assert data["tables"] == ["reference_data/countries.csv"]
    assert data["summary"] == {"supported": 1, "contradicted": 1, "unverified": 1}
    assert len(data["claims"]) == 3
    for claim in data["claims"]:
        assert CLAIM_KEYS <= claim.keys()
    assert REFERENCE_KEYS <= data["claims"][0]["reference"].keys()
    assert data["claims"][0]["reference"]["entity_type"] == "country"  # extra columns travel along
    assert data["claims"][2]["reference"] is None


def test_json_offsets_point_into_the_input() -> None:
    for claim in report_to_dict(make_report())["claims"]:  # type: ignore[union-attr]
        assert ARTICLE[claim["start"] : claim["end"]] == claim["text"]
        assert claim["text"] in claim["sentence"]


@pytest.mark.parametrize(
    ("index", "value", "value_high", "change"),
    [
        (0, 603550.0, None, None),
        (1, 10.0, 20.0, None),  # a range keeps its high end
        (2, -2.0, None, "down"),
    ],
)
def test_json_values(index: int, value: float, value_high: float | None, change: str | None) -> None:
    claim = claim_to_dict(make_report().claims[index])
    assert claim["value"] == value and isinstance(claim["value"], float)
    assert claim["value_high"] == value_high
    assert claim["change"] == change


@pytest.mark.parametrize("claims", [0, 1, 3])
def test_json_is_the_report_with_one_claim_per_line(claims: int) -> None:
    report = make_report()
    report = Report(text=report.text, date=report.date, claims=report.claims[:claims], tables=report.tables)
    text = to_json(report)
    assert json.loads(text) == json.loads(json.dumps(report_to_dict(report)))
    lines = text.splitlines()
    assert sum(line.startswith('    {"text": ') for line in lines) == claims


def test_json_keeps_floats_and_accents() -> None:
    text = to_json(make_report())
    assert '"value": 603550.0' in text
    assert "Côte d’Ivoire" in text  # ensure_ascii=False


def test_value_high_is_null_unless_range_or_vague() -> None:
    stray = CheckedClaim(claim_at("603,550 sq km", 603550.0, "km2", value_high=7.0), "supported", "exact", "")
    assert claim_to_dict(stray)["value_high"] is None


def test_json_never_writes_nan() -> None:
    odd = CheckedClaim(claim_at("603,550 sq km", float("nan"), "km2"), "unverified", "x", "")
    report = Report(text=ARTICLE, date=dt.date(2024, 1, 1), claims=(odd,))
    assert json.loads(to_json(report))["claims"][0]["value"] is None


def test_empty_report() -> None:
    empty = Report(text="", date=dt.date(2024, 1, 1))
    assert report_to_dict(empty)["summary"] == {"supported": 0, "contradicted": 0, "unverified": 0}
    assert read_csv(to_csv(empty)) == []
    assert to_table(empty).rstrip().endswith("0 claims: 0 supported, 0 contradicted, 0 unverified")


# ---------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\uff1d1+1", "'\uff1d1+1"),  # fullwidth equals sign
        ("plain text", "plain text"),
        ("a=b", "a=b"),  # only the first character matters
        ("", ""),
        (-2.0, -2.0),  # numbers are data, never neutralised
        (-3.5, -3.5),
        (7, 7),
        (None, None),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_csv_starts_with_bom_and_uses_crlf() -> None:
    data = to_csv(make_report())
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").startswith(",".join(REPORT_FIELDS) + "\r\n")


def test_csv_columns_and_reference_prefix() -> None:
    rows = read_csv(to_csv(make_report()))
    assert list(rows[0].keys()) == list(REPORT_FIELDS)
    for name in (
        "reference_entity", "reference_metric", "reference_value", "reference_value_low",
        "reference_value_high", "reference_unit", "reference_as_of", "reference_source",
        "reference_source_url", "reference_claimant",
    ):  # fmt: skip
        assert name in REPORT_FIELDS
    assert rows[0]["reference_entity"] == "Ukraine"
    assert rows[0]["reference_value"] == "603550"
    assert rows[1]["reference_value"] == ""
    assert (rows[1]["reference_value_low"], rows[1]["reference_value_high"]) == ("12", "18")
    assert rows[1]["reference_claimant"] == "Ukraine's General Staff"
    assert rows[2]["reference_entity"] == ""


def test_csv_neutralises_injection_but_not_numbers() -> None:
    rows = read_csv(to_csv(make_report()))
    assert rows[1]["note"] == "'=cmd|' /C calc'!A0 is a hostile note"
    assert rows[1]["reference_source"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[2]["text"] == "'-2 points"  # text that starts with "-" is neutralised
    assert rows[2]["value"] == "-2"  # the number -2.0 is not


def test_csv_accents_round_trip() -> None:
    rows = read_csv(to_csv(make_report()))
    assert "Côte d’Ivoire" in rows[1]["sentence"]


def test_csv_extra_fields_appended() -> None:
    report = make_report()
    extra = [
        {"review_status": "confirmed", "reviewer": "Zoë", "reviewed_at": "2024-06-02T10:00:00"},
        {"review_status": "disputed", "reviewer_note": "=evil()", "reviewer": "Sam"},
        {},
    ]
    fields = ("review_status", "reviewer_note", "reviewer", "reviewed_at")
    rows = read_csv(to_csv(report, extra, fields))
    assert list(rows[0].keys()) == [*REPORT_FIELDS, *fields]
    assert rows[0]["reviewer"] == "Zoë"
    assert rows[1]["reviewer_note"] == "'=evil()"
    assert rows[2]["review_status"] == ""


def test_csv_extra_fields_without_extra_rows_are_blank() -> None:
    rows = read_csv(to_csv(make_report(), None, ("review_status",)))
    assert [r["review_status"] for r in rows] == ["", "", ""]


@pytest.mark.parametrize(
    ("extra", "fields", "message"),
    [
        ([{}], ("review_status",), "3 claims"),
        ([{}, {}, {}], ("verdict",), "repeat"),
        ([{}, {}, {}], ("a", "a"), "duplicate"),
    ],
)
def test_csv_extra_mistakes_raise(extra: list[dict[str, object]], fields: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_csv(make_report(), extra, fields)


# -------------------------------------------------------------------------- table


def test_table_layout_and_summary() -> None:
    table = to_table(make_report())
    lines = table.splitlines()
    assert lines[0].split() == ["#", "claim", "value", "unit", "qualifier", "verdict", "source"]
    assert all(len(line) <= 100 for line in lines)
    assert lines[-1] == "3 claims: 1 supported, 1 contradicted, 1 unverified"
    assert "603550 " in table and "603550.0" not in table  # whole floats shown as ints
    assert "10–20" in table
    assert "CIA World Factbook" in table


def test_table_note_is_indented_under_its_row() -> None:
    lines = to_table(make_report()).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("1 "))
    assert lines[row + 1].startswith("   Matches the reference figure")


@pytest.mark.parametrize("width", [70, 80, 120])
def test_table_fits_width(width: int) -> None:
    long = CheckedClaim(
        claim_at("603,550 sq km", 603550.0, "km2"),
        "supported",
        "exact",
        "word " * 60,
        Match(UKRAINE.__class__(**{**UKRAINE.__dict__, "source": "A very long source name " * 5}), 1.0),
    )
    report = Report(text=ARTICLE, date=dt.date(2024, 1, 1), claims=(long, *make_report().claims))
    lines = to_table(report, width=width).splitlines()
    assert all(len(line) <= width for line in lines), [line for line in lines if len(line) > width]
    assert any("…" in line for line in lines)  # the long source was truncated
    assert "percentage_…" in "\n".join(lines)  # so was the long unit


def test_table_summary_singular() -> None:
    one = Report(text=ARTICLE, date=dt.date(2024, 1, 1), claims=make_report().claims[:1])
    assert to_table(one).splitlines()[-1] == "1 claim: 1 supported, 0 contradicted, 0 unverified"


def test_table_strips_terminal_escapes() -> None:
    sneaky = CheckedClaim(
        claim_at("603,550 sq km", 603550.0, "km2"), "supported", "exact", "clear\x1b[2J screen", Match(UKRAINE, 1.0)
    )
    table = to_table(Report(text=ARTICLE, date=dt.date(2024, 1, 1), claims=(sneaky,)))
    assert "\x1b" not in table and "clear[2J screen" in table
