"""When: the article's date, the claim's date and the row's date decide the verdict.

Golden sentences in our own words, small in-memory tables, and rule tables for each
part: the claim's time, the article's date, rows through time, elapsed time, staleness.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from checker.extract import extract_claims
from checker.io import document_from_upload
from checker.models import CheckedClaim, ReferenceRow, Report
from checker.output.report import report_to_dict, to_csv, to_table
from checker.pipeline import check_text
from checker.reference import Reference
from checker.when.article_date import find_article_date
from checker.when.claim_date import ClaimTime, claim_time
from checker.when.elapsed import anniversary, full_years
from checker.when.series import metric_window, pick_row
from checker.when.words import WordsFileError, load_words

ARTICLE_DAY = dt.date(2026, 2, 18)


def row(metric: str, value: float, unit: str, as_of: str, *, entity: str = "Norland",
        aliases: tuple[str, ...] = (), entity_type: str = "country") -> ReferenceRow:
    return ReferenceRow(entity=entity, metric=metric, value=value, unit=unit, source="Test Almanac",
                        as_of=as_of, metric_aliases=aliases or (metric,), extra=(("entity_type", entity_type),))


POPULATION = ("population", "people", "inhabitants", "residents")
GDP = ("GDP", "gross domestic product", "economy")


def reference(*rows: ReferenceRow) -> Reference:
    return Reference.from_rows(rows, aliases=None)


def only(report: Report, text: str) -> CheckedClaim:
    found = [c for c in report.claims if c.claim.text == text]
    assert len(found) == 1, [c.claim.text for c in report.claims]
    return found[0]


# ------------------------------------------------------------- 1. the claim's time

CLAIM_TIMES = [
    # (sentence, claim text, expected time, expected source words)
    ("Norland had 41 million people as of 2013.", "41 million people", "2013", "as of 2013"),
    ("Norland had 41 million people, as of 2013.", "41 million people", "2013", "as of 2013"),
    ("In 2021, the Norland economy was worth $90 billion.", "$90 billion", "2021", "In 2021"),
    ("Prices in Norland rose 7% in March 2023.", "7%", "2023-03", "in March 2023"),
    ("Joblessness stood at 4% at the end of 2024.", "4%", "2024", "at the end of 2024"),
    ("Norland's exports grew 5% last year.", "5%", "2025", "last year"),
    ("Its population was 40 million in mid-2021.", "40 million", "2021", "in mid-2021"),
    ("On 3 May 2022 the capital had 1.2 million residents.", "1.2 million residents", "2022-05-03", "On 3 May 2022"),
    # a year that starts a change or dates an event is not the figure's time
    ("Output has grown 20% since 2014.", "20%", "2026-02-18", ""),
    ("The island, annexed in 2014, has 2.4 million people.", "2.4 million people", "2026-02-18", ""),
    ("The city has 900,000 inhabitants.", "900,000 inhabitants", "2026-02-18", ""),
]


@pytest.mark.parametrize(("sentence", "text", "time", "words"), CLAIM_TIMES, ids=[c[0][:40] for c in CLAIM_TIMES])
def test_claim_time(sentence: str, text: str, time: str, words: str) -> None:
    claim = next(c for c in extract_claims(sentence) if c.text == text)
    found = claim_time(claim, ARTICLE_DAY)
    assert (found.iso(), found.source_words) == (time, words)
    assert found.from_article == (words == "")


def test_claim_time_note_fragment() -> None:
    assert ClaimTime(2021, source_words="in 2021", from_article=False).note() == "dated by ‘in 2021’"
    assert ClaimTime(2026, 2, 18).note() == "dated by the article's date 2026-02-18"


def test_last_year_needs_the_articles_date() -> None:
    claim = extract_claims("Exports grew 5% last year.")[0]
    assert claim_time(claim, None).year is None


# ------------------------------------------------------------ 2. the article's date

ARTICLE_DATES = [
    ('<html><head><meta property="article:published_time" content="2026-02-18T09:30:00+01:00"></head>'
     "<body><p>Text.</p></body></html>", "2026-02-18", "article:published_time metadata"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-11-03"}</script><p>x</p>',
     "2025-11-03", "JSON-LD"),
    ('<article><time datetime="2024-05-06T10:00">6 May</time><p>Text.</p></article>', "2024-05-06", "<time"),
    ("A headline\nPublished 18 February 2026\nThe body.", "2026-02-18", "Published 18 February 2026"),
    ("A headline\nFirst published on Wed 4 Mar 2026 10.41 GMT\nThe body.", "2026-03-04", "First published"),
    ("OSLO, March 4, 2025 (AP) — Ministers met.", "2025-03-04", "dateline"),
    ("OSLO, Feb 18 (Reuters) - Ministers met after the January 2026 vote.", "2026-02-18", "year 2026"),
    ("OSLO, Feb 18 (Reuters) - Ministers met.", None, "gives no year"),
    ("Ministers met on Wednesday and agreed nothing.", None, "unknown: checked against the latest rows"),
    ("Published 18 February 2031\nA date after today is not believed.", None, "unknown"),
]


@pytest.mark.parametrize(("document", "date", "source"), ARTICLE_DATES, ids=[d[2] for d in ARTICLE_DATES])
def test_article_date(document: str, date: str | None, source: str) -> None:
    found = find_article_date(document, today=dt.date(2026, 11, 27))
    assert (found.date.isoformat() if found.date else None) == date
    assert source in found.source


def test_html_upload_keeps_its_date_from_metadata() -> None:
    page = (b'<html><head><meta property="article:published_time" content="2023-06-01T08:00:00Z"></head>'
            b"<body><p>Norland had 41 million people.</p></body></html>")
    document = document_from_upload("story.html", page)
    assert document.text == "Norland had 41 million people."
    assert document.date.date == dt.date(2023, 6, 1)
    assert "article:published_time" in document.date.source


def test_unknown_date_is_said_in_every_report_format() -> None:
    ref = reference(row("population", 38e6, "people", "2025", aliases=POPULATION))
    report = check_text("Norland has 38 million people.", reference=ref)
    assert not report.date_known
    assert report_to_dict(report)["date"] is None
    assert report_to_dict(report)["date_source"] == "unknown: checked against the latest rows"
    assert "Article date unknown: checked against the latest rows" in to_table(report)
    assert only(report, "38 million people").verdict == "supported"


def test_date_found_in_the_text_is_used_and_reported() -> None:
    ref = reference(row("population", 38e6, "people", "2025", aliases=POPULATION))
    report = check_text("Published 2 March 2019\nNorland has 38 million people.", reference=ref)
    assert report.date == dt.date(2019, 3, 2)
    c = only(report, "38 million people")
    assert c.verdict == "unverified" and c.rule == "different-year"
    assert "the table's figure is for 2025; the article's date is 2019-03-02" in c.note.lower()
    csv_text = to_csv(report).decode("utf-8-sig")
    assert "2019-03-02,the line ‘Published 2 March 2019’" in csv_text


# -------------------------------------------------------------- 3. rows through time

SERIES = (
    row("population", 41.0e6, "people", "2013", aliases=POPULATION),
    row("population", 39.0e6, "people", "2019", aliases=POPULATION),
    # a gap: nothing between 2019 and 2025
    row("population", 36.0e6, "people", "2025", aliases=POPULATION),
)

PICKS = [
    # (claim's year, row picked, out of the window?)
    (2013, "2013", False),
    (2015, "2013", False),
    (2017, "2019", False),
    (2016, "2019", True),  # a tie goes to the later row; three years from either
    (2022, "2025", True),  # the gap: three years from either row
    (2023, "2025", False),
    (2030, "2025", True),
    (1990, "2013", True),
]


@pytest.mark.parametrize(("year", "picked", "stale"), PICKS)
def test_pick_row_nearest_in_a_series_with_gaps(year: int, picked: str, stale: bool) -> None:
    chosen, staleness = pick_row(SERIES, ClaimTime(year, source_words=f"in {year}", from_article=False),
                                 "population")
    assert chosen.as_of == picked
    assert (staleness is not None) == stale


def test_pick_row_with_unknown_time_takes_the_latest() -> None:
    chosen, staleness = pick_row(SERIES[::-1], ClaimTime(None), "population")
    assert (chosen.as_of, staleness) == ("2025", None)


WINDOWS = [
    ("population", "population figures are compared within 2 years"),
    ("GDP", "economy figures are compared within the same year"),
    ("inflation rate", "economy figures are compared within the same year"),
    ("area", "fixed quantity figures do not go out of date"),
    ("full-scale invasion", "event rows are dated by the event"),
    ("median age", "this metric's figures are compared within 2 years"),
]


@pytest.mark.parametrize(("metric", "described"), WINDOWS)
def test_metric_windows_come_from_words(metric: str, described: str) -> None:
    assert metric_window(metric).describe() == described


SERIES_VERDICTS = [
    # (sentence, claim, verdict, rule, words in the note)
    ("Norland had 41 million people as of 2013.", "41 million people", "supported", "rounding",
     "dated by ‘as of 2013’; the table's figure is for 2013"),
    ("Norland had 39 million people in 2019.", "39 million people", "supported", "rounding", "for 2019"),
    ("Norland had 44 million people in 1990.", "44 million people", "unverified", "different-year",
     "the table's figure is for 2013; the article's is for 1990"),
    ("Norland had 37 million people in 2022.", "37 million people", "unverified", "different-year",
     "the table's figure is for 2025; the article's is for 2022"),
    ("Norland had 36 million people in 2024.", "36 million people", "supported", "rounding", "for 2025"),
    ("Norland had 30 million people in 2024.", "30 million people", "contradicted", "rounding", "for 2025"),
]


@pytest.mark.parametrize(("sentence", "text", "verdict", "rule", "note"), SERIES_VERDICTS,
                         ids=[s[0] for s in SERIES_VERDICTS])
def test_series_verdicts(sentence: str, text: str, verdict: str, rule: str, note: str) -> None:
    c = only(check_text(sentence, reference=reference(*SERIES), date=ARTICLE_DAY), text)
    assert (c.verdict, c.rule) == (verdict, rule)
    assert note in c.note.lower()
    assert c.reference is not None  # the row is still shown


def test_gdp_in_another_year_is_unverified_not_contradicted() -> None:
    ref = reference(row("GDP", 190e9, "USD", "2024", aliases=GDP))
    c = only(check_text("In 2021, Norland's GDP was $200 billion.", reference=ref, date=ARTICLE_DAY),
             "$200 billion")
    assert (c.verdict, c.rule) == ("unverified", "different-year")
    assert "the table's figure is for 2024; the article's is for 2021" in c.note.lower()
    assert "it would be contradicted" in c.note


def test_an_older_article_is_not_judged_by_a_later_estimate() -> None:
    c = only(check_text("Norland has 39 million people.", reference=reference(SERIES[2]),
                        date=dt.date(2020, 5, 1)), "39 million people")
    assert (c.verdict, c.rule) == ("unverified", "different-year")
    assert "the table's figure is for 2025; the article's date is 2020-05-01" in c.note.lower()


def test_fixed_quantities_never_go_out_of_date() -> None:
    ref = reference(row("area", 300_000, "km2", "2001", aliases=("area", "covers")))
    c = only(check_text("Norland covers 300,000 sq km.", reference=ref, date=ARTICLE_DAY), "300,000 sq km")
    assert (c.verdict, c.stale) == ("supported", "")


# ------------------------------------------------------------------ 5. staleness

def test_row_older_than_the_article_is_marked_and_kept_when_it_fits() -> None:
    ref = reference(row("GDP", 190e9, "USD", "2023", aliases=GDP))
    report = check_text("Norland's GDP is $190 billion.", reference=ref, date=ARTICLE_DAY)
    c = only(report, "$190 billion")
    assert c.verdict == "supported"
    assert c.stale.startswith("the reference may be out of date: the table's figure is for 2023")
    assert report_to_dict(report)["claims"][0]["stale"] == c.stale  # type: ignore[index]
    assert "the reference may be out of date" in to_csv(report).decode("utf-8-sig")


def test_row_older_than_the_article_does_not_contradict() -> None:
    ref = reference(row("GDP", 190e9, "USD", "2023", aliases=GDP))
    c = only(check_text("Norland's GDP is $240 billion.", reference=ref, date=ARTICLE_DAY), "$240 billion")
    assert (c.verdict, c.rule) == ("unverified", "out-of-date")
    assert "the reference may be out of date" in c.note


def test_row_within_the_window_is_not_marked() -> None:
    ref = reference(row("population", 36e6, "people", "2025", aliases=POPULATION))
    c = only(check_text("Norland has 36 million people.", reference=ref, date=ARTICLE_DAY), "36 million people")
    assert (c.verdict, c.stale, c.time, c.time_source) == ("supported", "", "2026-02-18", "")


# ------------------------------------------------------------- 4. elapsed time

WAR = row("full-scale invasion of the south", 2019, "year", "2019-03-10", entity="Ostland",
          aliases=("invasion", "invaded", "full-scale invasion"))
EVENTS = reference(WAR, row("population", 5e6, "people", "2025", entity="Ostland", aliases=POPULATION))

ELAPSED = [
    # (article's date, sentence, claim, verdict, rule)
    ("2025-03-01", "Ostland marks the sixth anniversary of its invasion this month.", "sixth anniversary",
     "supported", "anniversary"),
    ("2025-03-01", "With the sixth anniversary of the Ostland invasion approaching, talks resumed.",
     "sixth anniversary", "supported", "anniversary"),
    ("2024-03-01", "With the sixth anniversary of the Ostland invasion approaching, talks resumed.",
     "sixth anniversary", "contradicted", "anniversary"),
    ("2025-03-20", "With the sixth anniversary of the Ostland invasion looming, talks resumed.",
     "sixth anniversary", "contradicted", "anniversary"),  # it has passed: no longer ahead
    ("2025-03-20", "Days after the sixth anniversary of the Ostland invasion, talks resumed.",
     "sixth anniversary", "supported", "anniversary"),
    ("2025-06-01", "Six years after Ostland was invaded, its army is rebuilt.", "Six years", "supported",
     "elapsed"),
    ("2025-06-01", "Ostland's war is now in its seventh year since the invasion.", "seventh year", "supported",
     "elapsed"),
    ("2025-06-01", "Ostland's war is now in its fifth year since the invasion.", "fifth year", "contradicted",
     "elapsed"),
    ("2029-06-01", "A decade after the Ostland invasion, the border is quiet.", "A decade", "supported", "elapsed"),
    ("2025-06-01", "Two years after the Ostland invasion, the capital had fallen.", "Two years", "unverified",
     "elapsed"),
]


@pytest.mark.parametrize(("date", "sentence", "text", "verdict", "rule"), ELAPSED,
                         ids=[f"{e[0]} {e[1][:45]}" for e in ELAPSED])
def test_elapsed_time_claims(date: str, sentence: str, text: str, verdict: str, rule: str) -> None:
    c = only(check_text(sentence, reference=EVENTS, date=dt.date.fromisoformat(date)), text)
    assert (c.verdict, c.rule, c.claim.unit) == (verdict, rule, "years")
    assert "2019-03-10 →" in c.note
    assert c.reference == WAR


def test_anniversary_note_shows_the_arithmetic() -> None:
    sentence = "With the sixth anniversary of the Ostland invasion looming, talks resumed."
    c = only(check_text(sentence, reference=EVENTS, date=dt.date(2025, 3, 4)), "sixth anniversary")
    assert c.note.startswith("2019-03-10 → 2025-03-10: the sixth anniversary falls 6 days after the article's "
                             "date 2025-03-04")
    late = only(check_text(sentence, reference=EVENTS, date=dt.date(2024, 3, 4)), "sixth anniversary")
    assert "371 days after the article's date 2024-03-04" in late.note
    assert "the one near it is the fifth (2024-03-10)" in late.note


def test_event_named_only_elsewhere_in_the_article_is_found() -> None:
    text = "Ostland talks stall.\nWith the sixth anniversary of the invasion looming, nobody expects a deal."
    c = only(check_text(text, reference=EVENTS, date=dt.date(2025, 3, 1)), "sixth anniversary")
    assert c.verdict == "supported"


def test_no_elapsed_claim_without_a_matching_event_row() -> None:
    report = check_text("The fourth anniversary of the museum falls in May.", reference=EVENTS,
                        date=dt.date(2025, 3, 1))
    assert not any("anniversary" in c.claim.text for c in report.claims)


def test_elapsed_with_unknown_date_is_unverified() -> None:
    c = only(check_text("Ostland marks the sixth anniversary of its invasion.", reference=EVENTS),
             "sixth anniversary")
    assert (c.verdict, c.rule) == ("unverified", "anniversary")
    assert "the article's date is unknown" in c.note


@pytest.mark.parametrize(("start", "end", "years"), [
    ("2022-02-24", "2026-02-18", 3), ("2022-02-24", "2026-02-24", 4), ("2020-02-29", "2021-02-28", 1),
])
def test_full_years(start: str, end: str, years: int) -> None:
    assert full_years(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == years


def test_leap_day_anniversary() -> None:
    assert anniversary(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)


# ------------------------------------------------------------------- word file

@pytest.mark.parametrize(("change", "key"), [
    (("default = 2", 'default = "soon"'), "windows.default"),
    (("near_days = 31", "near_days = -4"), "elapsed.tense.near_days"),
    (("fourth = 4", "fourth = \"4\""), "elapsed.ordinals.fourth"),
    (('name = "population"', 'name = ""'), "windows.groups[3].name"),
])
def test_bad_word_file_entry_names_file_and_key(tmp_path: Path, change: tuple[str, str], key: str) -> None:
    from checker.when.words import WORDS_FILE

    text = WORDS_FILE.read_text(encoding="utf-8")
    assert change[0] in text
    bad = tmp_path / "words.toml"
    bad.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(WordsFileError, match=re.escape(f"words.toml: key '{key}'")):
        load_words(bad)
