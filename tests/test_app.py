"""The Streamlit app, driven headless with streamlit.testing (no browser)."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import sqlite3
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


def new_app(**query: str) -> AppTest:
    """A new browser session; `query` is its address's query string (a reload keeps it)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
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
    at = check(new_app(reviewer="Ana"), ARTICLE)
    keys = keys_of(at)
    at.selectbox(key=f"detail_status_{keys[0]}").set_value("wrong").run()
    at.text_input(key=f"detail_note_{keys[0]}").set_value("minister misquoted").run()
    assert metric(at, "Reviewed") == f"1 of {len(keys)}"
    at.run()  # a plain rerun keeps it
    assert metric(at, "Reviewed") == f"1 of {len(keys)}"
    assert at.selectbox(key=f"detail_status_{keys[0]}").value == "wrong"
    # The tab's address now names its article and reviewer.
    assert at.query_params["article"] == at.session_state["article_key"]

    # A reload of that tab (same address), or a server restart, reopens the article from the DB.
    fresh = new_app(article=at.session_state["article_key"])
    reopen = next(b for b in fresh.button if b.label == "Reopen last article")
    reopen.click().run()
    assert not fresh.exception
    assert fresh.text_area(key="article_text").value == ARTICLE
    assert metric(fresh, "Reviewed") == f"1 of {len(keys)}"
    assert fresh.selectbox(key=f"detail_status_{keys[0]}").value == "wrong"
    assert fresh.text_input(key=f"detail_note_{keys[0]}").value == "minister misquoted"
    stored = ReviewStore(db).reviews(fresh.session_state["document_key"])
    assert stored[keys[0]].status == "wrong"


def test_a_fresh_session_gets_neither_the_last_reviewer_nor_their_article():
    at = check(new_app(reviewer="Ana"), ARTICLE)
    other = new_app()  # another person, another browser
    assert other.text_input(key="reviewer").value == ""
    assert not [b for b in other.button if b.label == "Reopen last article"]
    # The same name, in another tab, is offered that reviewer's last article.
    again = new_app(reviewer="Ana")
    assert again.text_input(key="reviewer").value == "Ana"
    next(b for b in again.button if b.label == "Reopen last article").click().run()
    assert again.session_state["article_key"] == at.session_state["article_key"]
    # Ben's session is offered Ben's article, not Ana's.
    ben = check(new_app(reviewer="Ben"), "The bridge is 300 metres long.")
    assert new_app(reviewer="Ben").session_state["article_key"] == ""
    reopen = next(b for b in new_app(reviewer="Ben").button if b.label == "Reopen last article")
    assert "The bridge" in shown(reopen.help)
    assert ben.session_state["article_key"] != at.session_state["article_key"]


def test_pasting_the_same_text_restores_reviews():
    at = check(new_app(), ARTICLE)
    key = keys_of(at)[1]
    at.selectbox(key="detail_claim").set_value(key).run()
    at.selectbox(key=f"detail_status_{key}").set_value("confirmed").run()
    again = check(new_app(), ARTICLE + "\n")  # trailing whitespace: same article
    assert again.session_state["seen"][key].status == "confirmed"


def test_reviewer_name_is_stored_with_reviews_and_kept_in_the_address(db):
    at = new_app()
    at.text_input(key="reviewer").set_value("Ana Reporter").run()
    assert at.query_params["reviewer"] == "Ana Reporter"
    check(at, ARTICLE)
    key = keys_of(at)[0]
    at.selectbox(key=f"detail_status_{key}").set_value("confirmed").run()
    assert ReviewStore(db).reviews(at.session_state["document_key"])[key].reviewer == "Ana Reporter"
    assert new_app(reviewer="Ana Reporter").text_input(key="reviewer").value == "Ana Reporter"
    assert new_app().text_input(key="reviewer").value == ""


@pytest.fixture()
def downloads(monkeypatch) -> dict[str, bytes]:
    """What the app hands to its download buttons, by file name (the latest run's)."""
    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, data, mimetype, kind, filename=None):
        saved[filename or mimetype] = data if isinstance(data, bytes) else Path(data).read_bytes()
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return saved


def download(saved: dict[str, bytes], suffix: str) -> bytes:
    return next(v for k, v in saved.items() if k.endswith(suffix))


def test_csv_and_json_exports_carry_reviews(downloads, db):
    at = check(new_app(reviewer="Ana"), ARTICLE + "\n=HYPERLINK(\"http://x\") cost 5 dollars.")
    key = keys_of(at)[0]
    at.selectbox(key=f"detail_status_{key}").set_value("needs follow-up").run()
    report, keys = at.session_state["report"], keys_of(at)
    reviews = ReviewStore(db).reviews(at.session_state["document_key"])

    # By default the columns a desk reads.
    csv_bytes = download(downloads, ".csv")
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert list(rows[0]) == list(view.DESK_FIELDS) == [
        "claim", "sentence", "verdict", "reference_value", "source", "as_of", "review_status", "reviewer",
        "reviewer_note"]
    assert len(rows) == len(report.claims)
    assert (rows[0]["review_status"], rows[0]["reviewer"]) == ("needs follow-up", "Ana")
    assert {r["review_status"] for r in rows[1:]} == {"unreviewed"}
    assert rows[-1]["sentence"].startswith("'=HYPERLINK")  # spreadsheet-safe
    ukraine = next(r for r in rows if r["claim"] == "603,550 sq km")
    assert ukraine["reference_value"] == "603550 km2" and "Factbook" in ukraine["source"]

    # Every column on request.
    at.checkbox(key="export_full").check().run()
    expected = to_csv(report, extra=export_rows(keys, reviews), extra_fields=REVIEW_FIELDS)
    full = download(downloads, ".csv")
    assert full == expected == view.export_csv(report, keys, reviews)
    assert list(next(csv.DictReader(io.StringIO(full.decode("utf-8-sig"))))) == [*REPORT_FIELDS, *REVIEW_FIELDS]

    data = json.loads(download(downloads, ".json"))
    assert data["claims"][0]["review"]["review_status"] == "needs follow-up"
    assert "history" not in data["claims"][0]["review"]
    assert len(data["claims"]) == len(report.claims)
    assert [t["kind"] for t in data["table_files"]] == ["bundled"] * len(report.tables)
    bundled = {t["name"]: t["sha256"] for t in data["table_files"]}
    assert bundled["reference_data/countries.csv"] == hashlib.sha256(
        (ROOT / "reference_data" / "countries.csv").read_bytes()).hexdigest()

    # The audit trail, in the JSON and as its own CSV.
    at.checkbox(key="export_history").check().run()
    data = json.loads(download(downloads, ".json"))
    [event] = data["claims"][0]["review"]["history"]
    assert (event["field"], event["old"], event["new"], event["reviewer"]) == (
        "status", "unreviewed", "needs follow-up", "Ana")
    assert data["claims"][1]["review"]["history"] == []
    trail = list(csv.DictReader(io.StringIO(download(downloads, "-history.csv").decode("utf-8-sig"))))
    assert [(r["claim"], r["field"], r["new"]) for r in trail] == [("1", "status", "needs follow-up")]


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


def test_editor_delta_maps_positions_to_claim_keys_and_skips_handled_edits():
    frame = pd.DataFrame({"status": ["unreviewed"] * 3}, index=pd.Index(["k1", "k2", "k3"]))
    shown = frame.iloc[[2, 0]]  # a filtered view: position 0 is k3
    edits = view.editor_delta({0: {"status": "wrong"}, "1": {"reviewer_note": None}}, {}, shown)
    assert edits == [view.FieldEdit("k3", "status", "wrong"), view.FieldEdit("k1", "note", "")]
    # An unknown status (never offered by the editor) is ignored rather than stored.
    assert view.editor_delta({0: {"status": "bogus", "reviewer_note": "x"}}, {}, shown) == [
        view.FieldEdit("k3", "note", "x")]
    # `edited_rows` keeps every edit since the editor was drawn: only the new cell is sent.
    handled = {0: {"status": "wrong"}}
    assert view.editor_delta({0: {"status": "wrong"}, 1: {"status": "confirmed"}}, handled, shown) == [
        view.FieldEdit("k1", "status", "confirmed")]
    assert view.editor_delta({0: {"status": "wrong", "reviewer_note": "n"}}, handled, shown) == [
        view.FieldEdit("k3", "note", "n")]


def test_changes_to_save_leave_out_what_the_tab_already_saw():
    seen = {"k1": Review("k1", "wrong", "", "Ben", "t", 1)}
    edits = [view.FieldEdit("k1", "status", "wrong"), view.FieldEdit("k1", "note", "x"),
             view.FieldEdit("k2", "status", "unreviewed"), view.FieldEdit("k2", "status", "confirmed")]
    assert view.changes_to_save(edits, seen) == {"k1": {"note": "x"}, "k2": {"status": "confirmed"}}


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


# ------------------------------------------------- several reviewers (issue #13)


def two_reviewers() -> tuple[AppTest, AppTest, list[str]]:
    ana = check(new_app(reviewer="Ana"), ARTICLE)
    ben = check(new_app(reviewer="Ben"), ARTICLE)
    assert ana.session_state["document_key"] == ben.session_state["document_key"]
    return ana, ben, keys_of(ana)


def warnings_text(at: AppTest) -> str:
    return "\n".join(shown(w.value) for w in at.warning)


def test_a_note_on_a_claim_someone_confirmed_keeps_their_status(db):
    ana, ben, keys = two_reviewers()
    k = keys[0]
    ana.selectbox(key=f"detail_status_{k}").set_value("confirmed").run()
    # Ben's page still shows claim 1 unreviewed: his note is refused, not saved with his old status.
    ben.text_input(key=f"detail_note_{k}").set_value("ministry confirms").run()
    assert not ben.exception
    message = warnings_text(ben)
    assert "Claim #1: your change was not saved" in message
    assert "Ana changed the status from “unreviewed” to “confirmed” at " in message
    assert "Yours: note “ministry confirms”. Stored now: note (empty)." in message
    document = ben.session_state["document_key"]
    assert (ReviewStore(db).review(document, k).status, ReviewStore(db).review(document, k).note) == ("confirmed", "")
    # The page now shows the stored review; Ben keeps his note.
    assert ben.selectbox(key=f"detail_status_{k}").value == "confirmed"
    next(b for b in ben.button if b.label == "Keep mine (claim #1)").click().run()
    review = ReviewStore(db).review(document, k)
    assert (review.status, review.note, review.reviewer) == ("confirmed", "ministry confirms", "Ben")
    assert "was not saved" not in warnings_text(ben)
    # The history, in the detail panel, has both changes in order.
    history = ben.table[0].value
    assert list(history["reviewer"]) == ["Ana", "Ben"] and list(history["to"]) == ["confirmed", "ministry confirms"]


def test_taking_the_stored_value_drops_the_change(db):
    ana, ben, keys = two_reviewers()
    k = keys[0]
    ana.selectbox(key=f"detail_status_{k}").set_value("wrong").run()
    ben.selectbox(key=f"detail_status_{k}").set_value("confirmed").run()
    assert "Yours: status “confirmed”. Stored now: status “wrong”." in warnings_text(ben)
    next(b for b in ben.button if b.label == "Take the stored one (claim #1)").click().run()
    assert "was not saved" not in warnings_text(ben)
    assert ReviewStore(db).review(ben.session_state["document_key"], k).status == "wrong"
    assert ben.selectbox(key=f"detail_status_{k}").value == "wrong"


def test_each_page_reads_the_store_at_every_run(db, downloads):
    ana, ben, keys = two_reviewers()
    ben.selectbox(key=f"detail_status_{keys[0]}").set_value("wrong").run()
    ana.selectbox(key="detail_claim").set_value(keys[1]).run()
    ana.selectbox(key=f"detail_status_{keys[1]}").set_value("confirmed").run()  # another claim: no conflict
    assert "was not saved" not in warnings_text(ana)
    assert metric(ana, "Reviewed") == f"2 of {len(keys)}"  # Ben's review counted on Ana's page
    next(b for b in ben.button if b.label == "Refresh reviews").click().run()
    assert metric(ben, "Reviewed") == f"2 of {len(keys)}"
    rows = list(csv.DictReader(io.StringIO(download(downloads, ".csv").decode("utf-8-sig"))))
    assert [(r["review_status"], r["reviewer"]) for r in rows[:2]] == [("wrong", "Ben"), ("confirmed", "Ana")]


def _read_only_connect(real):
    from urllib.parse import quote

    def connect(database, *args, uri=False, **kwargs):
        if not uri:
            database = f"file:{quote(str(Path(database).resolve()))}?mode=ro"
        return real(database, *args, uri=True, **kwargs)

    return connect


def test_a_read_only_database_still_checks_and_says_reviews_cannot_be_saved(db, monkeypatch):
    ana = check(new_app(reviewer="Ana"), ARTICLE)
    k = keys_of(ana)[0]
    ana.selectbox(key=f"detail_status_{k}").set_value("confirmed").run()
    before = db.read_bytes()
    monkeypatch.setenv("FACTCHECK_DB", str(db) + "-ro")  # a new path: a store not yet cached
    Path(str(db) + "-ro").write_bytes(before)
    monkeypatch.setattr(sqlite3, "connect", _read_only_connect(sqlite3.connect))
    at = check(new_app(reviewer="Ana"), ARTICLE)
    assert not at.exception
    banner = warnings_text(at)
    assert f"The review database {db}-ro is read-only" in banner and "FACTCHECK_DB" in banner
    assert "cannot be saved" in banner
    assert at.session_state["report"] is not None
    assert metric(at, "Reviewed") == f"1 of {len(keys_of(at))}"  # stored reviews are shown
    assert at.selectbox(key=f"detail_status_{k}").disabled
    assert Path(str(db) + "-ro").read_bytes() == before


def test_a_damaged_database_is_a_banner_and_is_not_overwritten(db):
    db.write_bytes(b"not a database at all\n" * 300)
    before = db.read_bytes()
    at = new_app(reviewer="Ana")
    banner = warnings_text(at)
    assert f"The review database {db} is damaged" in banner and "left untouched" in banner
    assert "FACTCHECK_DB" in banner
    check(at, ARTICLE)
    assert not at.exception and not at.error
    assert at.session_state["report"] is not None and metric(at, "Reviewed").startswith("0 of ")
    assert at.selectbox(key=f"detail_status_{keys_of(at)[0]}").disabled
    assert db.read_bytes() == before


def test_an_uploaded_table_is_kept_with_the_check_and_reopened(db, downloads):
    table = b"entity,metric,value,unit,source\nZarnovia,population,1234,people,Test table\n"
    text = "Zarnovia has a population of 1,234 people."
    at = new_app(reviewer="Ana")
    at.file_uploader(key="reference_uploads").set_value([("zarnovia.csv", table, "text/csv")]).run()
    check(at, text)
    assert at.session_state["report"].claims[0].verdict == "supported"
    data = json.loads(download(downloads, ".json"))
    assert {"name": "zarnovia.csv", "sha256": hashlib.sha256(table).hexdigest(), "kind": "uploaded"} in (
        data["table_files"])

    # A new session (reload, restart) has no upload: reopening uses the kept table.
    fresh = new_app(article=at.session_state["article_key"])
    next(b for b in fresh.button if b.label == "Reopen last article").click().run()
    assert not fresh.exception
    assert fresh.session_state["report"].claims[0].verdict == "supported"
    assert any("Kept with this article: zarnovia.csv" in shown(c.value) for c in fresh.caption)

    # A table no longer in the store is named, and the check goes on without it.
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM tables")
    gone = new_app(article=at.session_state["article_key"])
    next(b for b in gone.button if b.label == "Reopen last article").click().run()
    assert "The table zarnovia.csv (SHA-256 " in warnings_text(gone) and "no longer stored" in warnings_text(gone)
    assert gone.session_state["report"].claims[0].verdict == "unverified"


def test_claimreview_jsonld_for_the_claims_a_reviewer_confirmed(downloads):
    at = check(new_app(reviewer="Ana"), ARTICLE)
    report, keys = at.session_state["report"], keys_of(at)
    verdicts = [c.verdict for c in report.claims]
    supported = keys[verdicts.index("supported")]
    unverified = keys[verdicts.index("unverified")]
    assert next(b for b in at.get("download_button") if "ClaimReview" in b.label).proto.disabled
    at.selectbox(key="detail_claim").set_value(supported).run()
    at.selectbox(key=f"detail_status_{supported}").set_value("confirmed").run()
    at.text_input(key=f"detail_note_{supported}").set_value("Matches the Factbook").run()
    at.selectbox(key="detail_claim").set_value(unverified).run()
    at.selectbox(key=f"detail_status_{unverified}").set_value("confirmed").run()  # no definite finding: left out
    at.text_input(key="export_publisher").set_value("Harbour Gazette").run()
    [item] = json.loads(download(downloads, "-claimreview.jsonld"))
    claim = report.claims[keys.index(supported)]
    assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == claim.claim.sentence
    assert item["itemReviewed"] == {"@type": "Claim", "text": claim.claim.text}
    assert item["reviewRating"] == {"@type": "Rating", "ratingValue": 3, "bestRating": 3, "worstRating": 1,
                                    "alternateName": "True"}
    assert item["reviewBody"].endswith("Reviewer's note: Matches the Factbook")
    assert item["author"] == {"@type": "Organization", "name": "Harbour Gazette"}
    assert item["citation"]["url"].startswith("https://")
