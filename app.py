"""Fact-figure checker: the browser app.

Run with `streamlit run app.py`. A thin layer over the `checker` package: it
gathers the article and the reference tables, calls checker.pipeline.check_text,
and shows, reviews and exports the report. It decides nothing about claims itself.

Review work is saved to SQLite (checker.review.store) on every edit, one event per
changed field, and only if no one changed the claim since this page showed it; set
the FACTCHECK_DB environment variable to choose the database file.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import html
from collections.abc import Callable, Sequence
from typing import TypeVar

import altair as alt
import pandas as pd
import streamlit as st

from checker.errors import CheckerError
from checker.io import SUPPORTED_SUFFIXES, check_size, document_from_upload, read_upload, sample_article
from checker.models import VERDICTS, CheckedClaim, Report
from checker.output.report import date_line, summary_counts
from checker.pipeline import check_text
from checker.reference import Reference, load_reference, reference_from_bytes
from checker.reference.load import DEFAULT_REFERENCE_DIR
from checker.review.store import (
    STATUSES,
    Review,
    ReviewEvent,
    ReviewStore,
    StoredArticle,
    StoredTable,
    StoreError,
    article_key,
    claim_keys,
    default_db_path,
    open_store,
    table_hash,
)
from checker.review.view import (
    EDITOR_COLUMNS,
    EDITOR_ORDER,
    FieldEdit,
    article_html,
    bundled_table_hashes,
    changes_to_save,
    chart_bands,
    claim_review_count,
    claim_review_jsonld,
    claim_time_text,
    conflict_text,
    date_caption,
    editor_delta,
    export_csv,
    export_json,
    filter_frame,
    highlight_html,
    history_csv,
    history_frame,
    plain,
    reference_value_text,
    review_frame,
    review_signature,
    safe_url,
    stale_text,
    when_text,
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
def bundled_hashes() -> dict[str, str]:
    return bundled_table_hashes(DEFAULT_REFERENCE_DIR)


@st.cache_resource(show_spinner=False)
def review_store(path: str) -> tuple[ReviewStore | None, str]:
    return open_store(path)


# ------------------------------------------------------------------- the store
# Every call to the store goes through these: a failure becomes the banner, never a traceback.

T = TypeVar("T")


def store() -> ReviewStore | None:
    # Keyed by path so FACTCHECK_DB set after start (tests) gets its own store.
    opened, problem = review_store(str(default_db_path()))
    if problem and not st.session_state.get("store_problem"):
        st.session_state.store_problem = problem
    return opened


def can_save() -> bool:
    s = store()
    return s is not None and not s.readonly and not st.session_state.get("store_failed", False)


def from_store(read: Callable[[ReviewStore], T], default: T) -> T:
    s = store()
    if s is None:
        return default
    try:
        return read(s)
    except StoreError as exc:
        st.session_state.store_problem = exc.message()
        st.session_state.store_failed = True
        return default


def fresh_reviews() -> dict[str, Review]:
    """The document's reviews as stored now (what every reviewer has saved)."""
    document = st.session_state.document_key
    return from_store(lambda s: s.reviews(document), {}) if document else {}


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
        "check_tables": [],  # StoredTable: the uploaded tables the shown check used
        "kept_tables": [],  # StoredTable: tables of a reopened check, used until dropped
        "seen": {},  # claim key -> Review as this page last showed it
        "conflicts": {},  # claim key -> Conflict: saves refused, waiting for the reviewer's choice
        "editor_handled": ("", {}),  # (editor key, its edited_rows already saved)
        "store_problem": "",
        "store_failed": False,
        "pending_check": False,
        "check_cancelled": False,
        "upload_error": "",
    }
    for name, value in defaults.items():
        ss.setdefault(name, value)
    if "reviewer" not in ss:
        # The name belongs to this browser tab: it is kept in the page's address, so a
        # reload keeps it and another person's session does not get it.
        ss.reviewer = st.query_params.get("reviewer", "")


def save(key: str, changes: dict[str, str], base_version: int | None = None) -> None:
    """Save some fields of one claim's review if it is still as this page last showed it
    (or at `base_version`); a refused save is kept as a conflict to show."""
    ss = st.session_state
    s = store()
    if not changes or s is None or not can_save():
        return
    base = ss.seen.get(key, Review(key)).version if base_version is None else base_version
    try:
        result = s.save_fields(ss.document_key, key, changes, base_version=base, reviewer=ss.reviewer.strip())
    except StoreError as exc:
        ss.store_problem, ss.store_failed = exc.message(), True
        return
    ss.seen = {**ss.seen, key: result.review}
    conflicts = dict(ss.conflicts)
    if result.conflict is None:
        conflicts.pop(key, None)
    else:
        conflicts[key] = result.conflict
    ss.conflicts = conflicts


# --------------------------------------------------------------- callbacks


def on_reviewer_change() -> None:
    name = st.session_state.reviewer.strip()
    if name:
        st.query_params["reviewer"] = name
    elif "reviewer" in st.query_params:
        del st.query_params["reviewer"]


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


def reopen_candidate() -> StoredArticle | None:
    """This tab's last article (kept in its address), else the last one of the reviewer
    named in this tab; never another person's."""
    key = st.query_params.get("article", "")
    reviewer = st.session_state.reviewer

    def find(s: ReviewStore) -> StoredArticle | None:
        return (s.article(key) if key else None) or s.last_article(reviewer)

    return from_store(find, None)


def on_reopen() -> None:
    ss = st.session_state
    last = reopen_candidate()
    if last is None:
        return
    ss.article_text = last.text
    ss.pub_date = last.date
    ss.date_source = ""
    ss.kept_tables = from_store(lambda s: s.article_tables(last.article_key), list[StoredTable]())
    ss.pending_check = True


def on_drop_kept_tables() -> None:
    st.session_state.kept_tables = []


def on_date_change() -> None:
    st.session_state.date_source = ""  # typed in by the reviewer


def on_editor_change(editor_key: str, frame: pd.DataFrame) -> None:
    """Save the cells edited since the last call, and only those fields: `edited_rows`
    holds every edit since the editor was drawn, so the ones already handled are
    skipped, and a value equal to what this page showed is no change."""
    ss = st.session_state
    edited_rows = ss[editor_key].get("edited_rows", {})
    handled_key, handled = ss.editor_handled
    edits = editor_delta(edited_rows, handled if handled_key == editor_key else {}, frame)
    ss.editor_handled = (editor_key, copy.deepcopy(edited_rows))
    for key, changes in changes_to_save(edits, ss.seen).items():
        save(key, changes)


def on_detail_change(key: str, field: str) -> None:
    ss = st.session_state
    value = ss[f"detail_{field}_{key}"]
    for claim, changes in changes_to_save([FieldEdit(key, field, value)], ss.seen).items():
        save(claim, changes)


def on_keep_mine(key: str) -> None:
    conflict = st.session_state.conflicts.get(key)
    if conflict is not None:
        # Saved at the version the reviewer has now been shown; refused again if it moved on.
        save(key, conflict.yours, base_version=conflict.stored.version)


def on_take_stored(key: str) -> None:
    conflicts = dict(st.session_state.conflicts)
    conflicts.pop(key, None)
    st.session_state.conflicts = conflicts


# ------------------------------------------------------------------ layout


def sidebar_references() -> tuple[Reference | None, list[tuple[str, bytes]]]:
    """Bundled tables plus valid uploaded CSVs (a bad upload is reported and left out)
    plus the tables kept with a reopened check; and the (name, content) of the tables
    added to the bundled ones."""
    ss = st.session_state
    try:
        reference = bundled_reference()
    except CheckerError as exc:
        st.error(plain(str(exc)))
        return None, []
    names = ", ".join(t.rsplit("/", 1)[-1] for t in reference.tables)
    st.caption(plain(f"Bundled: {names} ({len(reference):,} rows)"))
    uploads = st.file_uploader(
        "Add your own tables (CSV)", type=["csv"], accept_multiple_files=True, key="reference_uploads",
        help="Columns: entity, metric, value, unit, source (plus optional as_of, source_url, value_low, value_high…)",
    )
    used: list[tuple[str, bytes]] = []
    for upload in uploads or []:
        try:
            data = read_upload(upload.name, upload)
            extra = uploaded_reference(data, upload.name)
        except CheckerError as exc:
            st.error(plain(str(exc)))
            continue
        reference = reference.merged(extra)
        used.append((upload.name, data))
        st.caption(plain(f"Using {upload.name} ({len(extra):,} rows)"))
    kept: list[StoredTable] = ss.kept_tables
    hashes = {table_hash(data) for _, data in used}
    for table in kept:
        if table.sha256 in hashes:
            continue
        if table.content is None:
            st.warning(plain(f"The table {table.name} (SHA-256 {table.sha256[:12]}…) that this article was checked "
                             "with is no longer stored: it is checked without it. Upload it again to use it."))
            continue
        try:
            extra = uploaded_reference(table.content, table.name)
        except CheckerError as exc:
            st.error(plain(str(exc)))
            continue
        reference = reference.merged(extra)
        used.append((table.name, table.content))
        st.caption(plain(f"Kept with this article: {table.name} (SHA-256 {table.sha256[:12]}…, {len(extra):,} rows)"))
    if kept:
        st.button("Stop using the kept tables", on_click=on_drop_kept_tables)
    for warning in reference.warning_lines():
        st.caption(plain(f"Warning: {warning}"))
    return reference, used


def input_section(reference: Reference | None, tables: list[tuple[str, bytes]]) -> None:
    ss = st.session_state
    last = reopen_candidate()
    buttons = st.columns([1, 1, 3])
    buttons[0].button("Try the sample article", on_click=on_sample,
                      help="An article written for trying the checker: one verdict of each kind.")
    if last is not None and last.article_key != ss.article_key:
        buttons[1].button(
            "Reopen last article", on_click=on_reopen,
            help=plain(f"“{last.title}”, last checked {when_text(last.updated)}"),
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
        run_check(ss.article_text, ss.pub_date, reference, ss.date_source, tables)


def run_check(
    text: str, date: dt.date | None, reference: Reference, date_source: str = "",
    tables: Sequence[tuple[str, bytes]] = (),
) -> None:
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
    stored = from_store(
        lambda s: s.open_article(text, keys, date=date, reviewer=ss.reviewer, tables=tables), None
    )
    ss.report, ss.claim_key_list = report, keys
    ss.article_key = stored.article_key if stored else article_key(text)
    ss.document_key = stored.document_key if stored else ss.article_key
    ss.check_tables = [StoredTable(name, table_hash(data)) for name, data in tables]
    ss.conflicts = {}
    st.query_params["article"] = ss.article_key
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
    left, right = st.columns([1, 4])
    left.button("Refresh reviews", key="refresh_reviews", help="Show what other reviewers have saved since")
    right.caption("Counts, table and exports show every reviewer's saved work as of this page's last refresh.")


def conflicts_section(keys: Sequence[str], only: str | None = None, where: str = "top") -> None:
    """Each refused save: who changed the claim and when, both values, and the choice."""
    ss = st.session_state
    number = {k: i for i, k in enumerate(keys, start=1)}
    for key, conflict in ss.conflicts.items():
        if key not in number or (only is not None and key != only):
            continue
        st.warning(plain(conflict_text(conflict, number[key])), icon="⚠️")
        left, right = st.columns(2)
        left.button(f"Keep mine (claim #{number[key]})", key=f"keep_{where}_{key}", on_click=on_keep_mine,
                    args=(key,))
        right.button(f"Take the stored one (claim #{number[key]})", key=f"take_{where}_{key}",
                     on_click=on_take_stored, args=(key,))


def review_table(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    ss = st.session_state
    left, right = st.columns(2)
    verdicts = left.multiselect("Show verdicts", VERDICTS, key="filter_verdicts", placeholder="All verdicts")
    statuses = right.multiselect("Show review statuses", STATUSES, key="filter_statuses", placeholder="All statuses")
    # Built from the store at every run. The editor forgets its edits when its key
    # changes, and `edited_rows` are row positions: the key changes whenever a shown
    # row's review changes (anyone's save) or the rows do, so the editor always
    # starts from what is stored.
    frame = filter_frame(review_frame(report, keys, reviews), verdicts, statuses)
    signature = repr((ss.article_key, tuple(verdicts), tuple(statuses), review_signature(frame, reviews)))
    editor_key = "review_editor_" + hashlib.sha1(signature.encode()).hexdigest()[:12]
    writable = can_save()
    st.data_editor(
        frame,
        key=editor_key,
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        disabled=list(EDITOR_COLUMNS) if writable else True,
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
    saved = "Edits are saved as you make them." if writable else "Reviews cannot be saved (see the message above)."
    st.caption(f"{len(frame)} of {len(keys)} claims shown. {saved}")


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
    # the store before they are drawn, so anyone's saved change shows here.
    review = reviews.get(key, Review(key))
    ss[f"detail_status_{key}"] = review.status
    ss[f"detail_note_{key}"] = review.note
    conflicts_section(keys, only=key, where="detail")
    writable = can_save()
    left, right = st.columns([1, 2])
    # The claim number in the labels says which claim is being reviewed (and keeps
    # each claim's widgets distinct for assistive tools and tests).
    left.selectbox(
        f"Review status of claim #{number[key]}", STATUSES, key=f"detail_status_{key}",
        on_change=on_detail_change, args=(key, "status"), disabled=not writable,
    )
    right.text_input(
        f"Reviewer note on claim #{number[key]}", key=f"detail_note_{key}", on_change=on_detail_change,
        args=(key, "note"), disabled=not writable,
    )
    if review.reviewed_at:
        by = f" by {review.reviewer}" if review.reviewer else ""
        st.caption(plain(f"Last changed {when_text(review.reviewed_at)}{by}."))
    document = ss.document_key
    events = from_store(lambda s: s.events(document, key), list[ReviewEvent]())
    st.markdown(f"**History of claim #{number[key]}**")
    if events:
        st.table(history_frame(events), hide_index=True)
    else:
        st.caption("No changes on record.")


def export_section(report: Report, keys: Sequence[str], reviews: dict[str, Review]) -> None:
    ss = st.session_state
    stem = f"fact-check-{dt.date.today().isoformat()}"
    options = st.columns(2)
    full = options[0].checkbox("CSV: all columns", key="export_full",
                               help="Every report column; without it, the columns a desk reads.")
    with_history = options[1].checkbox("Include each claim's review history", key="export_history")
    document = ss.document_key
    history = from_store(lambda s: s.events(document), list[ReviewEvent]()) if with_history else None
    left, middle, right = st.columns(3)
    left.download_button(
        "Download CSV", export_csv(report, keys, reviews, full=full), file_name=f"{stem}.csv", mime="text/csv",
        key="download_csv", on_click="ignore",
    )
    middle.download_button(
        "Download JSON", export_json(report, keys, reviews, history=history, tables=ss.check_tables,
                    bundled=bundled_hashes()),
        file_name=f"{stem}.json", mime="application/json", key="download_json", on_click="ignore",
    )
    if history is not None:
        number = {k: i for i, k in enumerate(keys, start=1)}
        right.download_button(
            "Download review history (CSV)", history_csv(history, number), file_name=f"{stem}-history.csv",
            mime="text/csv", key="download_history", on_click="ignore",
        )
    rated = claim_review_count(report, keys, reviews)
    left, right = st.columns([1, 2])
    publisher = right.text_input("Publisher (the ClaimReview's author)", key="export_publisher",
                                 placeholder="Your newsroom's name")
    left.download_button(
        f"Download ClaimReview JSON-LD ({rated})",
        claim_review_jsonld(report, keys, reviews, publisher=publisher.strip(), today=dt.date.today().isoformat()),
        file_name=f"{stem}-claimreview.jsonld", mime="application/ld+json", key="download_claimreview",
        on_click="ignore", disabled=rated == 0,
    )
    right.caption("ClaimReview (schema.org) for the claims a reviewer confirmed as supported or contradicted.")


def results_section() -> None:
    ss = st.session_state
    report: Report | None = ss.report
    if report is None:
        return
    keys = ss.claim_key_list
    # Read at every run: what any reviewer saved is what this page shows and exports,
    # and what this page's next save is checked against.
    reviews = fresh_reviews()
    ss.seen = reviews
    st.divider()
    if not report.claims:
        st.info("No figures found in this article.")
        return
    st.caption(plain(date_line(report)))
    summary_section(report, keys, reviews)
    st.subheader("Article")
    st.html(article_html(report))
    st.subheader("Review")
    conflicts_section(keys)
    review_table(report, keys, reviews)
    st.subheader("Claim detail")
    detail_section(report, keys, reviews)
    st.subheader("Export")
    export_section(report, keys, reviews)


def main() -> None:
    st.set_page_config(page_title="Fact-figure checker", page_icon="🔢", layout="wide")
    init_state()
    st.title("Fact-figure checker")
    st.caption(
        "Finds every figure in an article and checks it against reference tables. "
        "A verdict is a lead for a human check, not a ruling."
    )
    store()  # sets the banner's message when the database cannot be used
    with st.sidebar:
        st.text_input("Reviewer name", key="reviewer", on_change=on_reviewer_change,
                      help="Saved with each change you make; kept in this tab's address, not shared.")
        st.subheader("Reference tables")
        reference, tables = sidebar_references()
    banner = st.empty()
    input_section(reference, tables)
    results_section()
    if st.session_state.store_problem:
        # Drawn last, shown first: a failure met anywhere in this run is on it.
        banner.warning(plain(st.session_state.store_problem), icon="⚠️")
    st.divider()
    st.caption(CREDIT)


if __name__ == "__main__":
    main()
