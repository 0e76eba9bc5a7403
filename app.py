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
import json
import math
import re
import sqlite3
from collections.abc import Sequence
from urllib.parse import urlparse

import altair as alt
import pandas as pd
import streamlit as st

from checker.io import SUPPORTED_SUFFIXES, check_size, text_from_upload
from checker.errors import CheckerError, ReferenceTableError
from checker.models import VERDICTS, CheckedClaim, Report
from checker.pipeline import check_text
from checker.reference import Reference, load_reference, reference_from_bytes
from checker.verdict import claim_interval, in_row_unit
from checker.output.report import claim_value_text, format_value, report_to_dict, summary_counts, to_csv
from checker.review.store import (
    DB_ENV_VAR,
    REVIEW_FIELDS,
    STATUSES,
    Review,
    ReviewStore,
    claim_keys,
    default_db_path,
    export_rows,
)

CREDIT = "Country data: CIA World Factbook (public domain). City populations: GeoNames, geonames.org, CC BY 4.0."

# Highlight colours: (background, border). Amber marks a vague amount the
# reference could not pin down ("hundreds of thousands"): the wording is the issue.
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "supported": ("#c9ecd1", "#2e8b47"),
    "contradicted": ("#f8c8c8", "#c62828"),
    "unverified": ("#e3e3e3", "#8a8a8a"),
    "vague": ("#ffe1a6", "#d48a00"),
}
CATEGORY_LABELS = {
    "supported": "supported",
    "contradicted": "contradicted",
    "unverified": "unverified",
    "vague": "vague qualifier",
}

EDITOR_COLUMNS = ("#", "claim", "value", "unit", "verdict", "reference value", "source", "note")
# Review columns sit right after the verdict so they are on screen without scrolling.
EDITOR_ORDER = ("#", "claim", "value", "unit", "verdict", "status", "reviewer_note", "reference value", "source", "note")


# ------------------------------------------------------------------ pure helpers


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~&])")


def plain(text: str) -> str:
    """Text for Streamlit's markdown-rendering elements (st.error, st.caption, help)
    shown as written: a file name or table cell with * _ $ [ ] stays literal."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def category(c: CheckedClaim) -> str:
    """Highlight category: the verdict, except an unverified vague amount is amber."""
    if c.verdict == "unverified" and c.claim.qualifier == "vague":
        return "vague"
    return c.verdict


def _mark(index: int, c: CheckedClaim) -> str:
    background, border = CATEGORY_COLOURS[category(c)]
    tip = f"#{index} {CATEGORY_LABELS[category(c)]}: {c.note}"
    return (
        f'<mark data-claim="{index}" data-verdict="{c.verdict}" data-category="{category(c)}" '
        f'title="{html.escape(tip, quote=True)}" '
        f'style="background:{background};border-bottom:2px solid {border};padding:0 2px;border-radius:3px">'
        f"{html.escape(c.claim.text)}<sup style=\"font-size:0.65em;color:#555\">{index}</sup></mark>"
    )


def highlight_html(text: str, claims: Sequence[CheckedClaim], base: int = 0, numbers: Sequence[int] = ()) -> str:
    """`text` with each claim wrapped in a coloured <mark>; every text segment is escaped.

    `base` is the offset of `text` in the article (for a single sentence);
    `numbers` are the claims' display numbers (1-based positions by default).
    Overlapping claims are not nested: the later one stays unmarked here but is
    still listed in the review table.
    """
    numbers = list(numbers) or list(range(1, len(claims) + 1))
    order = sorted(zip(numbers, claims), key=lambda nc: (nc[1].claim.start, -nc[1].claim.end))
    out: list[str] = []
    cursor = 0
    for number, c in order:
        start, end = c.claim.start - base, c.claim.end - base
        if start < cursor or end > len(text) or start < 0:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(_mark(number, c))
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def article_html(report: Report) -> str:
    legend = " ".join(
        f'<span style="background:{bg};border-bottom:2px solid {bd};padding:0 6px;border-radius:3px;'
        f'margin-right:6px">{CATEGORY_LABELS[cat]}</span>'
        for cat, (bg, bd) in CATEGORY_COLOURS.items()
    )
    return (
        f'<div style="font-size:0.85em;margin-bottom:0.4rem">{legend}</div>'
        '<div class="fc-article" style="white-space:pre-wrap;line-height:1.65;max-height:560px;overflow-y:auto;'
        'border:1px solid #ddd;border-radius:6px;padding:0.8rem 1rem;font-family:Georgia,serif">'
        f"{highlight_html(report.text, report.claims)}</div>"
    )


def reference_value_text(c: CheckedClaim) -> str:
    row = c.reference
    if row is None:
        return ""
    if row.value is not None and row.low == row.high:
        return format_value(row.value)
    span = f"{format_value(row.low)}–{format_value(row.high)}"
    return f"{format_value(row.value)} ({span})" if row.value is not None else span


def review_frame(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> pd.DataFrame:
    """One row per claim, indexed by claim key: the data behind the review editor."""
    rows = []
    for number, (c, key) in enumerate(zip(report.claims, keys), start=1):
        review = reviews.get(key, Review(key))
        ref = c.reference
        rows.append({
            "#": number,
            "claim": c.claim.text,
            "value": claim_value_text(c),
            "unit": c.claim.unit,
            "verdict": c.verdict,
            "reference value": reference_value_text(c),
            "source": ref.source if ref else "",
            "note": c.note,
            "status": review.status,
            "reviewer_note": review.note,
        })
    columns = [*EDITOR_COLUMNS, "status", "reviewer_note"]
    return pd.DataFrame(rows, columns=columns, index=pd.Index(list(keys), name="claim_key"))


def filter_frame(frame: pd.DataFrame, verdicts: Sequence[str], statuses: Sequence[str]) -> pd.DataFrame:
    """Rows whose verdict and status are among those chosen (an empty choice means all)."""
    keep = pd.Series(True, index=frame.index)
    if verdicts:
        keep &= frame["verdict"].isin(list(verdicts))
    if statuses:
        keep &= frame["status"].isin(list(statuses))
    return frame[keep]


def export_csv(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> bytes:
    return to_csv(report, extra=export_rows(keys, reviews), extra_fields=REVIEW_FIELDS)


def export_json(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> str:
    """The JSON report contract, each claim with an added "review" object."""
    data = report_to_dict(report)
    for claim, review in zip(data["claims"], export_rows(keys, reviews)):  # type: ignore[arg-type]
        claim["review"] = review
    return json.dumps(data, ensure_ascii=False, indent=2)


def safe_url(url: str) -> str | None:
    """Only http(s) links are rendered: an uploaded table could carry javascript: URLs."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def comparison_chart(c: CheckedClaim) -> alt.LayerChart | None:
    """The article's figure with the band its wording allows (rounding, hedge, bound:
    what the verdict used), against the reference value and its low..high band,
    both in the reference's unit."""
    row = c.reference
    claim = c.claim
    if row is None:
        return None
    allowed = claim_interval(claim, row)
    if allowed is None:
        return None  # units that do not convert: the numbers are not on one axis
    figure = (in_row_unit(claim, row) or (claim.value, claim.value))[0]
    # Open bounds ("more than 600") are drawn to the edge of the reference's side.
    low = allowed[0] if math.isfinite(allowed[0]) else min(figure, row.low) - abs(row.high - row.low or figure) * 0.5
    high = allowed[1] if math.isfinite(allowed[1]) else max(figure, row.high) + abs(row.high - row.low or figure) * 0.5
    lanes = ["Article", "Reference"]
    spans = pd.DataFrame({
        "lane": lanes,
        "low": [low, row.low],
        "high": [high, row.high],
        "what": [f"what “{claim.text}” allows (rule {c.rule})", "reference range (low–high)"],
    })
    # A reference known only as a range gets its band and no point of its own.
    n_points = 2 if row.value is not None else 1
    points = pd.DataFrame({
        "lane": lanes[:n_points],
        "value": [figure, row.value][:n_points],
        "what": [f"article: {claim.text}", f"reference: {reference_value_text(c)} {row.unit}"][:n_points],
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
    defaults = {
        "article_text": "",
        "pub_date": None,
        "report": None,
        "claim_key_list": [],
        "document_key": "",
        "article_key": "",
        "reviews": {},
        "editor_version": 0,
        "pending_check": False,
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
        ss.article_text = text_from_upload(upload.name, upload.getvalue())
        ss.upload_error = ""
    except CheckerError as exc:
        ss.upload_error = str(exc)  # the text area keeps what the user had


def on_reopen() -> None:
    last = store().last_article()
    if last is None:
        return
    st.session_state.article_text = last.text
    st.session_state.pub_date = last.date
    st.session_state.pending_check = True


def editor_changes(
    edited_rows: dict[int | str, dict[str, object]], frame: pd.DataFrame
) -> list[tuple[str, str | None, str | None]]:
    """The editor's `edited_rows` (row position -> changed cells) as
    (claim key, new status or None, new note or None) for the store."""
    out = []
    for position, cells in edited_rows.items():
        key = str(frame.index[int(position)])
        status = cells.get("status")
        note: str | None = None
        if "reviewer_note" in cells:
            # A cleared text cell comes back as None: that means an empty note.
            note = "" if cells["reviewer_note"] is None else str(cells["reviewer_note"])
        out.append((key, status if status in STATUSES else None, note))
    return out


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
            extra = uploaded_reference(upload.getvalue(), upload.name)
        except ReferenceTableError as exc:
            st.error(plain(str(exc)))
            continue
        reference = reference.merged(extra)
        st.caption(plain(f"Using {upload.name} ({len(extra):,} rows)"))
    return reference


def input_section(reference: Reference | None) -> None:
    ss = st.session_state
    last = store().last_article()
    if last is not None and last.article_key != ss.article_key:
        st.button(
            "Reopen last article", on_click=on_reopen, help=plain(f"“{last.title}”, last checked {last.updated} UTC")
        )
    st.file_uploader(
        "Upload an article", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], key="article_upload",
        on_change=on_article_upload,
    )
    if ss.upload_error:
        st.error(plain(ss.upload_error))
    st.text_area("Article text", key="article_text", height=260, placeholder="Paste the article here…")
    st.date_input(
        "Publication date (optional)", key="pub_date", format="YYYY-MM-DD",
        help="“Eight years ago” is read from this date; today when empty.",
    )
    clicked = st.button("Check figures", type="primary", disabled=reference is None)
    if (clicked or ss.pending_check) and reference is not None:
        ss.pending_check = False
        run_check(ss.article_text, ss.pub_date, reference)


def run_check(text: str, date: dt.date | None, reference: Reference) -> None:
    ss = st.session_state
    if not text.strip():
        st.warning("Paste an article or upload a file first.")
        return
    try:
        check_size(text, "The article")
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return
    bar = st.progress(0.0, text="Checking figures…")
    try:
        report = check_text(text, reference=reference, date=date,
                            progress=lambda f: bar.progress(f, text="Checking figures…"))
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return
    finally:
        bar.empty()
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
            _html_block("Reference:", html.escape(f"{row.entity} — {row.metric}: {reference_value_text(c)} {row.unit}")),
            _html_block("As of:", html.escape(row.as_of or "not stated")),
            _html_block("Source:", source),
            _html_block("Table:", html.escape(f"{row.table}, row {row.line}")),
        ]
        if row.claimant:
            parts.append(_html_block("Claimed by:", html.escape(row.claimant)))
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
