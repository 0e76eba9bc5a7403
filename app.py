"""Fact-figure checker: the browser app.

Run with `streamlit run app.py`. A thin layer over the `checker` package: it
gathers the article and the reference tables, calls checker.pipeline.check_text,
and shows, reviews and exports the report. It decides nothing about claims itself.

Review work is saved to SQLite (checker.review.store) on every edit; set the
FACTCHECK_DB environment variable to choose the database file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import sqlite3
from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from checker.errors import CheckerError
from checker.io import SUPPORTED_SUFFIXES, check_size, document_from_upload, read_upload, sample_article
from checker.models import VERDICTS, CheckedClaim, Report
from checker.output.report import date_line, summary_counts
from checker.pipeline import check_text
from checker.reference import Reference, load_reference, reference_from_bytes
from checker.review.store import DB_ENV_VAR, STATUSES, Review, ReviewStore, claim_keys, default_db_path
from checker.review.view import (
    EDITOR_COLUMNS,
    EDITOR_ORDER,
    article_html,
    chart_bands,
    claim_time_text,
    date_caption,
    editor_changes,
    export_csv,
    export_json,
    filter_frame,
    highlight_html,
    plain,
    reference_value_text,
    review_frame,
    safe_url,
    stale_text,
    why_text,
)

CREDIT = "Country data: CIA World Factbook (public domain). City populations: GeoNames, geonames.org, CC BY 4.0."


def comparison_chart(c: CheckedClaim) -> alt.LayerChart | None:
    """The article's figure with the band its wording allows, against the reference
    value and its low..high band, both in the reference's unit."""
    bands = chart_bands(c)
    row = c.reference
    if bands is None or row is None:
        return None
    lanes = ["Article", "Reference"]
    spans = pd.DataFrame({
        "lane": lanes,
        "low": [bands.claim_low, bands.reference_low],
        "high": [bands.claim_high, bands.reference_high],
        "what": [f"what “{c.claim.text}” allows (rule {c.rule})", "reference range (low–high)"],
    })
    # A reference known only as a range gets its band and no point of its own.
    n_points = 2 if bands.reference_value is not None else 1
    points = pd.DataFrame({
        "lane": lanes[:n_points],
        "value": [bands.claim_value, bands.reference_value][:n_points],
        "what": [f"article: {c.claim.text}", f"reference: {reference_value_text(c)} {row.unit}"][:n_points],
    })
    y = alt.Y("lane:N", title=None, sort=lanes)
    # Pad the axis so equal or near-equal figures do not sit on its edges.
    numbers = [*spans["low"], *spans["high"], *points["value"]]
    lo, hi = min(numbers), max(numbers)
    pad = 0.15 * ((hi - lo) or abs(hi) * 0.05 or 1.0)
    axis = alt.Axis(format="d" if row.unit == "year" else ",.6~g", title=row.unit or "value")
    band = alt.Chart(spans).mark_bar(size=18, opacity=0.35).encode(
        y=y,
        x=alt.X("low:Q", axis=axis, scale=alt.Scale(domain=[lo - pad, hi + pad], zero=False)),
        x2="high:Q",
        color=alt.Color("lane:N", legend=None, scale=alt.Scale(domain=lanes, range=["#1f6fb2", "#2e8b47"])),
        tooltip=["what:N", "low:Q", "high:Q"],
    )
    dots = alt.Chart(points).mark_point(filled=True, size=120, shape="diamond").encode(
        y=y,
        x="value:Q",
        color=alt.Color("lane:N", legend=None, scale=alt.Scale(domain=lanes, range=["#1f6fb2", "#2e8b47"])),
        tooltip=["what:N", "value:Q"],
    )
    return (band + dots).properties(height=120)


# ---------------------------------------------------------------- cached things


@st.cache_resource(show_spinner="Loading the reference tables…")
def bundled_reference() -> Reference:
    return load_reference()


@st.cache_resource(max_entries=32, show_spinner=False)
def uploaded_reference(data: bytes, name: str) -> Reference:
    return reference_from_bytes(data, name)


@st.cache_resource(show_spinner=False)
def review_store(path: str) -> ReviewStore:
    return ReviewStore(path)


def store() -> ReviewStore:
    # Keyed by path so FACTCHECK_DB set after start (tests) gets its own store.
    path = default_db_path()
    try:
        return review_store(str(path))
    except (OSError, sqlite3.Error) as exc:
        st.error(plain(f"Cannot open the review database {path} ({exc}); set {DB_ENV_VAR} to a writable file."))
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers so


# ------------------------------------------------------------------- state


def init_state() -> None:
    ss = st.session_state
    defaults: dict[str, object] = {
        "article_text": "",
        "pub_date": None,
        "date_source": "",
        "report": None,
        "claim_key_list": [],
        "document_key": "",
        "article_key": "",
        "reviews": {},
        "editor_version": 0,
        "pending_check": False,
        "check_cancelled": False,
        "upload_error": "",
    }
    for name, value in defaults.items():
        ss.setdefault(name, value)
    if "reviewer" not in ss:
        ss.reviewer = store().get_setting("reviewer")


def save_review(key: str, *, status: str | None = None, note: str | None = None) -> None:
    ss = st.session_state
    review = store().save_review(
        ss.document_key, key, status=status, note=note, reviewer=ss.get("reviewer", "").strip()
    )
    ss.reviews = {**ss.reviews, key: review}


# --------------------------------------------------------------- callbacks


def on_reviewer_change() -> None:
    store().set_setting("reviewer", st.session_state.reviewer.strip())


def on_article_upload() -> None:
    ss = st.session_state
    upload = ss.get("article_upload")
    if upload is None:
        return
    try:
        document = document_from_upload(upload.name, read_upload(upload.name, upload))
        ss.article_text = document.text
        if document.date.date is not None:
            ss.pub_date, ss.date_source = document.date.date, f"{upload.name}: {document.date.source}"
        ss.upload_error = ""
    except CheckerError as exc:
        ss.upload_error = str(exc)  # the text area keeps what the user had


def on_cancel() -> None:
    st.session_state.check_cancelled = True


def on_sample() -> None:
    st.session_state.article_text = sample_article()
    st.session_state.pub_date = None
    st.session_state.date_source = ""
    st.session_state.pending_check = True


def on_reopen() -> None:
    last = store().last_article()
    if last is None:
        return
    st.session_state.article_text = last.text
    st.session_state.pub_date = last.date
    st.session_state.date_source = ""
    st.session_state.pending_check = True


def on_date_change() -> None:
    st.session_state.date_source = ""  # typed in by the reviewer


def on_editor_change(editor_key: str, frame: pd.DataFrame) -> None:
    """Persist the editor's edits at once. `edited_rows` holds every edit since the
    editor was created; values equal to the stored ones write nothing."""
    edited_rows = st.session_state[editor_key].get("edited_rows", {})
    for key, status, note in editor_changes(edited_rows, frame):
        save_review(key, status=status, note=note)


def on_detail_change(key: str) -> None:
    ss = st.session_state
    save_review(key, status=ss[f"detail_status_{key}"], note=ss[f"detail_note_{key}"])
    ss.editor_version += 1  # rebuild the table so it shows this change


# ------------------------------------------------------------------ layout


def sidebar_references() -> Reference | None:
    """Bundled tables plus valid uploaded CSVs; a bad upload is reported and left out."""
    try:
        reference = bundled_reference()
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return None
    names = ", ".join(t.rsplit("/", 1)[-1] for t in reference.tables)
    st.caption(plain(f"Bundled: {names} ({len(reference):,} rows)"))
    uploads = st.file_uploader(
        "Add your own tables (CSV)", type=["csv"], accept_multiple_files=True, key="reference_uploads",
        help="Columns: entity, metric, value, unit, source (plus optional as_of, source_url, value_low, value_high…)",
    )
    for upload in uploads or []:
        try:
            extra = uploaded_reference(read_upload(upload.name, upload), upload.name)
        except CheckerError as exc:
            st.error(plain(str(exc)))
            continue
        reference = reference.merged(extra)
        st.caption(plain(f"Using {upload.name} ({len(extra):,} rows)"))
    for warning in reference.warning_lines():
        st.caption(plain(f"Warning: {warning}"))
    return reference


def input_section(reference: Reference | None) -> None:
    ss = st.session_state
    last = store().last_article()
    buttons = st.columns([1, 1, 3])
    buttons[0].button("Try the sample article", on_click=on_sample,
                      help="An article written for trying the checker: one verdict of each kind.")
    if last is not None and last.article_key != ss.article_key:
        buttons[1].button(
            "Reopen last article", on_click=on_reopen, help=plain(f"“{last.title}”, last checked {last.updated} UTC")
        )
    st.file_uploader(
        "Upload an article", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], key="article_upload",
        on_change=on_article_upload,
    )
    if ss.upload_error:
        st.error(plain(ss.upload_error))
    st.text_area("Article text", key="article_text", height=260, placeholder="Paste the article here…")
    left, right = st.columns([1, 2])
    left.date_input(
        "Publication date (optional)", key="pub_date", format="YYYY-MM-DD", on_change=on_date_change,
        help="Figures are checked against the rows for this date; “eight years ago” is read from it.",
    )
    right.caption(plain(date_caption(ss.pub_date, ss.date_source)))
    clicked = st.button("Check figures", type="primary", disabled=reference is None)
    if ss.check_cancelled:
        ss.check_cancelled = False
        st.info("Check cancelled. Press Check figures to start again.")
    if (clicked or ss.pending_check) and reference is not None:
        ss.pending_check = False
        run_check(ss.article_text, ss.pub_date, reference, ss.date_source)


def run_check(text: str, date: dt.date | None, reference: Reference, date_source: str = "") -> None:
    ss = st.session_state
    if not text.strip():
        st.warning("Paste an article or upload a file first.")
        return
    try:
        check_size(text, "The article")
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return
    # Clicking Cancel reruns the page: Streamlit stops this run at the next progress update.
    cancel = st.empty()
    cancel.button("Cancel", key="cancel_check", on_click=on_cancel, help="Stop checking this article")
    bar = st.progress(0.0, text="Checking figures…")

    def show(fraction: float) -> None:
        bar.progress(fraction, text="Checking figures…")

    try:
        source = (date_source or "the date field") if date is not None else ""
        report = check_text(text, reference=reference, date=date, date_source=source, progress=show)
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return
    finally:
        bar.empty()
        cancel.empty()
    keys = claim_keys(c.claim for c in report.claims)
    stored = store().open_article(text, keys, date=date)
    ss.report, ss.claim_key_list = report, keys
    ss.article_key, ss.document_key = stored.article_key, stored.document_key
    ss.reviews = store().reviews(stored.document_key)
    ss.editor_version += 1
    ss.pop("detail_claim", None)


def summary_section(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    counts = summary_counts(report)
    vague = sum(1 for c in report.claims if c.claim.qualifier == "vague")
    reviewed = sum(1 for k in keys if k in reviews and reviews[k].reviewed)
    cols = st.columns(5)
    cols[0].metric("Supported", counts["supported"])
    cols[1].metric("Contradicted", counts["contradicted"])
    cols[2].metric("Unverified", counts["unverified"])
    cols[3].metric("Vague qualifiers", vague)
    cols[4].metric("Reviewed", f"{reviewed} of {len(keys)}")
    st.progress(reviewed / len(keys) if keys else 0.0, text=f"{reviewed} of {len(keys)} reviewed")


def review_table(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    ss = st.session_state
    left, right = st.columns(2)
    verdicts = left.multiselect("Show verdicts", VERDICTS, key="filter_verdicts", placeholder="All verdicts")
    statuses = right.multiselect("Show review statuses", STATUSES, key="filter_statuses", placeholder="All statuses")
    # The editor forgets its edits when its input changes, and `edited_rows` are row
    # positions: so the frame is built once per (check, filter) and kept, and the
    # editor key changes whenever the rows could change.
    signature = repr((ss.editor_version, ss.article_key, tuple(verdicts), tuple(statuses)))
    editor_key = "review_editor_" + hashlib.sha1(signature.encode()).hexdigest()[:12]
    cached = ss.get("editor_frame")
    if cached is None or cached[0] != editor_key:
        frame = filter_frame(review_frame(report, keys, reviews), verdicts, statuses)
        ss.editor_frame = (editor_key, frame)
    frame = ss.editor_frame[1]
    st.data_editor(
        frame,
        key=editor_key,
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        disabled=list(EDITOR_COLUMNS),
        column_order=EDITOR_ORDER,
        on_change=on_editor_change,
        args=(editor_key, frame),
        column_config={
            "#": st.column_config.NumberColumn("#", width="small"),
            "note": st.column_config.TextColumn("note", width="large"),
            "status": st.column_config.SelectboxColumn("review status", options=list(STATUSES), required=True),
            "reviewer_note": st.column_config.TextColumn("reviewer note", width="medium"),
        },
    )
    st.caption(f"{len(frame)} of {len(keys)} claims shown. Edits are saved as you make them.")


def _html_block(label: str, body_html: str) -> str:
    return f'<p style="margin:0.15rem 0"><b>{html.escape(label)}</b> {body_html}</p>'


def detail_section(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    ss = st.session_state
    by_key = dict(zip(keys, report.claims))
    number = {k: i for i, k in enumerate(keys, start=1)}
    key = st.selectbox(
        "Claim", keys, key="detail_claim",
        format_func=lambda k: f"#{number[k]} · {by_key[k].claim.text} · {by_key[k].verdict}",
    )
    if key is None:
        return
    c = by_key[key]
    claim = c.claim
    sentence = highlight_html(claim.sentence, [c], base=claim.sentence_start, numbers=[number[key]])
    parts = [
        _html_block("Sentence:", f'<span style="font-family:Georgia,serif">{sentence}</span>'),
        _html_block("Verdict:", f"{html.escape(c.verdict)} — rule <code>{html.escape(c.rule)}</code>"),
        _html_block("Why:", html.escape(c.note)),
    ]
    row = c.reference
    if row is None:
        parts.append(_html_block("Reference:", "no reference row matched"))
    else:
        source = html.escape(row.source)
        if url := safe_url(row.source_url):
            source += f' — <a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">' \
                      f"{html.escape(url)}</a>"
        parts += [
            _html_block("Reference:",
                        html.escape(f"{row.entity} — {row.metric}: {reference_value_text(c)} {row.unit}")),
            _html_block("As of:", html.escape(row.as_of or "not stated")),
            _html_block("Claim's time:", html.escape(claim_time_text(c))),
            _html_block("Source:", source),
            _html_block("Table:", html.escape(f"{row.table}, row {row.line}")),
        ]
        if row.claimant:
            parts.append(_html_block("Claimed by:", html.escape(row.claimant)))
        if stale := stale_text(c):
            parts.append(_html_block("Out of date?", html.escape(stale)))
        if why := why_text(c):
            parts.append(_html_block("Why this row:", html.escape(why)))
    st.html("".join(parts))
    if (chart := comparison_chart(c)) is not None:
        st.altair_chart(chart, width="stretch")
    elif row is not None:
        st.caption(plain(f"No chart: the article's unit ({claim.unit}) differs from the reference's ({row.unit})."))

    # These widgets write to the same store as the table. Their state is set from
    # the store before they are drawn, so a change made in the table shows here.
    review = reviews.get(key, Review(key))
    ss[f"detail_status_{key}"] = review.status
    ss[f"detail_note_{key}"] = review.note
    left, right = st.columns([1, 2])
    # The claim number in the labels says which claim is being reviewed (and keeps
    # each claim's widgets distinct for assistive tools and tests).
    left.selectbox(
        f"Review status of claim #{number[key]}", STATUSES, key=f"detail_status_{key}",
        on_change=on_detail_change, args=(key,),
    )
    right.text_input(
        f"Reviewer note on claim #{number[key]}", key=f"detail_note_{key}", on_change=on_detail_change, args=(key,)
    )
    if review.reviewed_at:
        by = f" by {review.reviewer}" if review.reviewer else ""
        st.caption(plain(f"Last reviewed {review.reviewed_at} UTC{by}."))


def export_section(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    stem = f"fact-check-{dt.date.today().isoformat()}"
    left, right = st.columns(2)
    left.download_button(
        "Download CSV", export_csv(report, keys, reviews), file_name=f"{stem}.csv", mime="text/csv",
        key="download_csv", on_click="ignore",
    )
    right.download_button(
        "Download JSON", export_json(report, keys, reviews), file_name=f"{stem}.json", mime="application/json",
        key="download_json", on_click="ignore",
    )


def results_section() -> None:
    ss = st.session_state
    report: Report | None = ss.report
    if report is None:
        return
    keys, reviews = ss.claim_key_list, ss.reviews
    st.divider()
    if not report.claims:
        st.info("No figures found in this article.")
        return
    st.caption(plain(date_line(report)))
    summary_section(report, keys, reviews)
    st.subheader("Article")
    st.html(article_html(report))
    st.subheader("Review")
    review_table(report, keys, reviews)
    st.subheader("Claim detail")
    detail_section(report, keys, ss.reviews)
    st.subheader("Export")
    export_section(report, keys, ss.reviews)


def main() -> None:
    st.set_page_config(page_title="Fact-figure checker", page_icon="🔢", layout="wide")
    init_state()
    st.title("Fact-figure checker")
    st.caption(
        "Finds every figure in an article and checks it against reference tables. "
        "A verdict is a lead for a human check, not a ruling."
    )
    with st.sidebar:
        st.text_input("Reviewer name", key="reviewer", on_change=on_reviewer_change)
        st.subheader("Reference tables")
        reference = sidebar_references()
    input_section(reference)
    results_section()
    st.divider()
    st.caption(CREDIT)


if __name__ == "__main__":
    main()
