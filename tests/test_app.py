"""The Streamlit app, driven headless with streamlit.testing (no browser)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import app  # importing it does not run main()
from checker.output.report import REPORT_FIELDS, to_csv
from checker.pipeline import check_text
from checker.review import view
from checker.review.store import REVIEW_FIELDS, Review, ReviewStore, export_rows

APP = str(ROOT / "app.py")
ARTICLE = (
    "Flood report\n"
    "France has a population of 68 million people, the minister said.\n"
    "Ukraine covers 603,550 sq km.\n"
    "Hundreds of thousands of people were left without power for two days."
)
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & more'


@pytest.fixture(autouse=True)
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "reviews.sqlite3"
    monkeypatch.setenv("FACTCHECK_DB", str(path))
    return path


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def check(at: AppTest, text: str) -> AppTest:
    at.text_area(key="article_text").set_value(text)
    next(b for b in at.button if b.label == "Check figures").click().run()
    assert not at.exception, at.exception
    return at


def shown(value: str) -> str:
    """An error/caption as the user reads it (the app backslash-escapes markdown)."""
    return re.sub(r"\\(.)", r"\1", value)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def keys_of(at: AppTest) -> list[str]:
    return list(at.session_state["claim_key_list"])


# ----------------------------------------------------------------- the flow


def test_check_shows_claims_summary_and_editor():
    at = check(new_app(), ARTICLE)
    assert not at.error
    report = at.session_state["report"]
    assert len(report.claims) >= 3
    assert metric(at, "Reviewed") == f"0 of {len(report.claims)}"
    assert int(metric(at, "Supported")) + int(metric(at, "Contradicted")) + int(metric(at, "Unverified")) == len(
        report.claims
    )
    assert len(at.data_editor) == 1
    page = at.get("html")[0].value
    assert page.count("<mark ") == len(report.claims)
    assert 'data-verdict="supported"' in page  # Ukraine's area is in the bundled table
    assert 'data-category="vague"' in page  # "Hundreds of thousands": amber


def test_hostile_article_text_is_escaped():
    at = check(new_app(), ARTICLE + "\n" + HOSTILE)
    page = at.get("html")[0].value
    assert "&lt;script&gt;window.__pwned=" in page and "&lt;img src=x onerror=&quot;" in page
    assert "<script" not in page and "<img" not in page
    # With the app's own tags removed, what is left is exactly the escaped article.
    body = page[page.index('class="fc-article"') :]
    body = body[body.index(">") + 1 : body.rindex("</div>")]
    visible = re.sub(r"<sup[^>]*>\d+</sup>|<mark [^>]*>|</mark>", "", body)
    assert visible == html.escape(ARTICLE + "\n" + HOSTILE)


def test_empty_text_warns_and_oversize_text_errors_keeping_text():
    at = check(new_app(), "   ")
    assert "Paste an article" in at.warning[0].value
    big = "The dam holds 5 cubic metres. " * 40_000  # 1.2 MB
    at = check(at, big)
    assert shown(at.error[0].value).startswith("The article: the text is 1,200,000 bytes")
    assert "\n" not in at.error[0].value
    assert at.text_area(key="article_text").value == big
    assert at.session_state["report"] is None


def test_review_persists_across_rerun_and_new_session(db):
    at = check(new_app(), ARTICLE)
    keys = keys_of(at)
    at.selectbox(key=f"detail_status_{keys[0]}").set_value("wrong").run()
    at.text_input(key=f"detail_note_{keys[0]}").set_value("minister misquoted").run()
    assert metric(at, "Reviewed") == f"1 of {len(keys)}"
    at.run()  # a plain rerun keeps it
    assert metric(at, "Reviewed") == f"1 of {len(keys)}"
    assert at.selectbox(key=f"detail_status_{keys[0]}").value == "wrong"

    # A new session (browser refresh, server restart) reopens the article from the DB.
    fresh = new_app()
    reopen = next(b for b in fresh.button if b.label == "Reopen last article")
    reopen.click().run()
    assert not fresh.exception
    assert fresh.text_area(key="article_text").value == ARTICLE
    assert metric(fresh, "Reviewed") == f"1 of {len(keys)}"
    assert fresh.selectbox(key=f"detail_status_{keys[0]}").value == "wrong"
    assert fresh.text_input(key=f"detail_note_{keys[0]}").value == "minister misquoted"
    stored = ReviewStore(db).reviews(fresh.session_state["document_key"])
    assert stored[keys[0]].status == "wrong"


def test_pasting_the_same_text_restores_reviews():
    at = check(new_app(), ARTICLE)
    key = keys_of(at)[1]
    at.selectbox(key="detail_claim").set_value(key).run()
    at.selectbox(key=f"detail_status_{key}").set_value("confirmed").run()
    again = check(new_app(), ARTICLE + "\n")  # trailing whitespace: same article
    assert again.session_state["reviews"][key].status == "confirmed"


def test_reviewer_name_is_stored_with_reviews_and_remembered():
    at = new_app()
    at.text_input(key="reviewer").set_value("Ana Reporter").run()
    check(at, ARTICLE)
    key = keys_of(at)[0]
    at.selectbox(key=f"detail_status_{key}").set_value("confirmed").run()
    assert at.session_state["reviews"][key].reviewer == "Ana Reporter"
    assert new_app().text_input(key="reviewer").value == "Ana Reporter"


def test_csv_and_json_exports_carry_reviews(monkeypatch):
    # Record what the app hands to the download buttons.
    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, data, mimetype, kind, filename=None):
        saved[filename or mimetype] = data if isinstance(data, bytes) else Path(data).read_bytes()
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    at = check(new_app(), ARTICLE + "\n=HYPERLINK(\"http://x\") cost 5 dollars.")
    key = keys_of(at)[0]
    at.selectbox(key=f"detail_status_{key}").set_value("needs follow-up").run()

    report, keys, reviews = at.session_state["report"], keys_of(at), at.session_state["reviews"]
    expected = to_csv(report, extra=export_rows(keys, reviews), extra_fields=REVIEW_FIELDS)
    csv_bytes = next(v for k, v in saved.items() if k.endswith(".csv"))
    assert csv_bytes == expected == view.export_csv(report, keys, reviews)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert list(rows[0]) == [*REPORT_FIELDS, *REVIEW_FIELDS]
    assert len(rows) == len(report.claims)
    assert rows[0]["review_status"] == "needs follow-up"
    assert {r["review_status"] for r in rows[1:]} == {"unreviewed"}

    json_bytes = next(v for k, v in saved.items() if k.endswith(".json"))
    data = json.loads(json_bytes)
    assert data["claims"][0]["review"]["review_status"] == "needs follow-up"
    assert len(data["claims"]) == len(report.claims)


def test_article_upload_fills_text_and_bad_upload_keeps_text():
    at = new_app()
    at.text_area(key="article_text").set_value("my draft").run()
    at.file_uploader(key="article_upload").upload("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x01").run()
    assert shown(at.error[0].value).startswith("bad.txt: is a binary file")
    assert at.text_area(key="article_text").value == "my draft"
    at.file_uploader(key="article_upload").set_value(
        ("story.html", b"<p>Ukraine covers 603,550 sq km.</p><script>alert(1)</script>", "text/html")
    ).run()
    assert not at.exception
    assert at.text_area(key="article_text").value == "Ukraine covers 603,550 sq km."


def test_bad_reference_csv_is_reported_and_not_used():
    at = new_app()
    good = b"entity,metric,value,unit,source\nZarnovia,population,1234,people,Test table\n"
    bad = b"entity,metric,value,unit\nZarnovia,population,1234,people\n"
    at.file_uploader(key="reference_uploads").set_value(
        [("good.csv", good, "text/csv"), ("bad.csv", bad, "text/csv")]
    ).run()
    assert [shown(e.value) for e in at.error] == [
        "bad.csv, row 1, column 'source': required column 'source' is missing"]
    check(at, "Zarnovia has a population of 1,234 people.")
    report = at.session_state["report"]
    assert report.claims[0].verdict == "supported"
    assert "good.csv" in report.tables and "bad.csv" not in report.tables


# ------------------------------------------------------------- pure helpers


def test_editor_changes_map_positions_to_claim_keys():
    frame = pd.DataFrame({"status": ["unreviewed"] * 3}, index=pd.Index(["k1", "k2", "k3"]))
    shown = frame.iloc[[2, 0]]  # a filtered view: position 0 is k3
    changes = view.editor_changes({0: {"status": "wrong"}, "1": {"reviewer_note": None}}, shown)
    assert changes == [("k3", "wrong", None), ("k1", None, "")]
    # An unknown status (never offered by the editor) is ignored rather than stored.
    assert view.editor_changes({0: {"status": "bogus", "reviewer_note": "x"}}, shown) == [("k3", None, "x")]


def test_progress_is_reported_up_to_one():
    from checker.pipeline import check_text

    text = "\n".join(f"Paragraph {i}: Ukraine covers 603,550 sq km and France has 68 million people."
                     for i in range(50))
    fractions: list[float] = []
    check_text(text, reference=app.load_reference(), progress=fractions.append)
    assert fractions and fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_highlight_skips_overlaps_and_escapes_everything():
    report = check_text("<b>5 km</b> & 7 km", reference=app.load_reference())
    markup = view.highlight_html(report.text, report.claims)
    assert markup.startswith("&lt;b&gt;<mark ")
    assert "&amp;" in markup and "<b>" not in markup


def test_safe_url_allows_only_http():
    assert view.safe_url("https://www.cia.gov/x") == "https://www.cia.gov/x"
    assert view.safe_url("javascript:alert(1)") is None
    assert view.safe_url("data:text/html,hi") is None
    assert view.safe_url("") is None


def test_comparison_chart_needs_a_reference_in_a_convertible_unit():
    report = check_text("Ukraine covers 603,550 sq km, or 233,000 square miles.", reference=app.load_reference())
    km2, miles = report.claims
    assert app.comparison_chart(km2) is not None
    assert app.comparison_chart(miles) is not None  # drawn in the reference's km2
    assert app.comparison_chart(type(km2)(km2.claim, "unverified", "no-reference", "")) is None


def test_comparison_chart_band_is_what_the_verdict_allowed():
    report = check_text("France has about 68 million people.", reference=app.load_reference())
    c = report.claims[0]
    chart = app.comparison_chart(c)
    spans = chart.layer[0].data
    low, high = spans.loc[0, "low"], spans.loc[0, "high"]
    assert low < 68e6 * 0.96 and high > 68e6 * 1.04  # the ±5% hedge tolerance, not just the figure


def test_review_frame_defaults_to_unreviewed():
    report = check_text(ARTICLE, reference=app.load_reference())
    keys = [f"k{i}" for i in range(len(report.claims))]
    frame = view.review_frame(report, keys, {"k0": Review("k0", "wrong", "n")})
    assert list(frame.index) == keys
    assert frame.loc["k0", "status"] == "wrong" and frame.loc["k1", "status"] == "unreviewed"
    assert list(view.filter_frame(frame, [], ["wrong"]).index) == ["k0"]


def test_the_sample_article_is_one_click_away():
    at = new_app()
    next(b for b in at.button if b.label == "Try the sample article").click().run()
    assert not at.exception, at.exception
    report = at.session_state["report"]
    assert report is not None and report.text.startswith("Steppe neighbours look to the railway")
    assert {c.verdict for c in report.claims} == {"supported", "contradicted", "unverified"}
    assert int(metric(at, "Contradicted")) >= 1 and int(metric(at, "Supported")) >= 1
