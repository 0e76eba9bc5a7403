"""What the app shows of a checked article, without Streamlit: highlight colours and
marked-up article text, the review table's rows and filters, the exports with
reviews, safe links, the bands of the comparison chart, and the review editor's
edits read back. app.py only lays these out."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import urlparse

import pandas as pd

from checker.models import CheckedClaim, Report
from checker.output.report import claim_value_text, format_value, report_to_dict, safe_cell, to_csv
from checker.review.store import (
    EVENT_FIELDS,
    REVIEW_FIELDS,
    STATUSES,
    Conflict,
    Review,
    ReviewEvent,
    StoredTable,
    export_rows,
)
from checker.verdict import claim_interval, in_row_unit

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
EDITOR_ORDER = ("#", "claim", "value", "unit", "verdict", "status", "reviewer_note", "reference value", "source",
                "note")


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


# The CSV a desk reads: what was claimed, what was found, what the reviewer decided.
DESK_FIELDS: tuple[str, ...] = ("claim", "sentence", "verdict", "reference_value", "source", "as_of",
                                "review_status", "reviewer", "reviewer_note")


def desk_rows(report: Report, keys: Sequence[str], reviews: Mapping[str, Review]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for c, key in zip(report.claims, keys):
        review = reviews.get(key, Review(key))
        ref = c.reference
        rows.append({
            "claim": c.claim.text,
            "sentence": c.claim.sentence,
            "verdict": c.verdict,
            "reference_value": f"{reference_value_text(c)} {ref.unit}".strip() if ref else "",
            "source": ref.source if ref else "",
            "as_of": ref.as_of if ref else "",
            "review_status": review.status,
            "reviewer": review.reviewer,
            "reviewer_note": review.note,
        })
    return rows


def export_csv(report: Report, keys: Sequence[str], reviews: Mapping[str, Review], *, full: bool = True) -> bytes:
    """The report with reviews as CSV: every report column (`full`) or DESK_FIELDS."""
    if full:
        return to_csv(report, extra=export_rows(keys, dict(reviews)), extra_fields=REVIEW_FIELDS)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=DESK_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in desk_rows(report, keys, reviews):
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def bundled_table_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of each bundled table's file, by the name reports give it ('reference_data/cities.csv')."""
    if not folder.is_dir():
        return {}
    return {f"{folder.name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.csv")) if p.is_file()}


def tables_used(
    report: Report, uploaded: Sequence[StoredTable], bundled: Mapping[str, str] | None = None
) -> list[dict[str, str]]:
    """Every table the check used, by name, with the SHA-256 of its content."""
    hashes = {t.name: t.sha256 for t in uploaded}
    bundled = bundled or {}
    return [{"name": name, "sha256": hashes.get(name) or bundled.get(name, ""),
             "kind": "uploaded" if name in hashes else "bundled"} for name in report.tables]


def export_json(
    report: Report,
    keys: Sequence[str],
    reviews: Mapping[str, Review],
    *,
    history: Sequence[ReviewEvent] | None = None,
    tables: Sequence[StoredTable] = (),
    bundled: Mapping[str, str] | None = None,
) -> str:
    """The JSON report contract, each claim with an added "review" object (and its
    "history" when given), and "table_files": each table used, uploaded ones with their hash."""
    data = report_to_dict(report)
    claims = cast(list[dict[str, object]], data["claims"])
    by_claim: dict[str, list[dict[str, object]]] = {}
    for e in history or ():
        by_claim.setdefault(e.claim_key, []).append({f: v for f, v in e.export_fields().items() if f != "claim_key"})
    for claim, key, review in zip(claims, keys, export_rows(keys, dict(reviews))):
        if history is not None:
            review = {**review, "history": by_claim.get(key, [])}
        claim["review"] = review
    data["table_files"] = tables_used(report, tables, bundled)
    return json.dumps(data, ensure_ascii=False, indent=2)


# ClaimReview ratings for a verdict a reviewer confirmed (1 worst .. 3 best).
CLAIM_REVIEW_RATINGS: dict[str, tuple[int, str]] = {"contradicted": (1, "False"), "supported": (3, "True")}


def claim_review_count(report: Report, keys: Sequence[str], reviews: Mapping[str, Review]) -> int:
    return sum(1 for c, k in zip(report.claims, keys)
               if c.verdict in CLAIM_REVIEW_RATINGS and reviews.get(k, Review(k)).status == "confirmed")


def claim_review_jsonld(
    report: Report,
    keys: Sequence[str],
    reviews: Mapping[str, Review],
    *,
    publisher: str = "",
    url: str = "",
    today: str = "",
) -> str:
    """schema.org ClaimReview (JSON-LD) for each claim a reviewer confirmed whose verdict
    is supported or contradicted: a person checked it and the finding is definite.
    A claim marked wrong, needing follow-up or unreviewed, or unverified, is left out."""
    items: list[dict[str, object]] = []
    for c, key in zip(report.claims, keys):
        review = reviews.get(key, Review(key))
        if review.status != "confirmed" or c.verdict not in CLAIM_REVIEW_RATINGS:
            continue
        value, name = CLAIM_REVIEW_RATINGS[c.verdict]
        body = c.note + (f" Reviewer's note: {review.note}" if review.note else "")
        item: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": c.claim.sentence,
            "reviewBody": body,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                             "alternateName": name},
            "itemReviewed": {"@type": "Claim", "text": c.claim.text},
        }
        if publisher:
            item["author"] = {"@type": "Organization", "name": publisher}
        if today:
            item["datePublished"] = today
        if report.date_known:
            cast(dict[str, object], item["itemReviewed"])["datePublished"] = report.date.isoformat()
        if url:
            item["url"] = url
        if c.reference is not None and (link := safe_url(c.reference.source_url)):
            item["citation"] = {"@type": "CreativeWork", "name": c.reference.source, "url": link}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


def date_caption(date: object, source: str) -> str:
    """Where the publication date field's value came from, for the caption beside it."""
    if date is None:
        return ("No date: it is read from the article when you check (a “Published …” line, a dateline, "
                "an HTML page's metadata); if it has none, dated figures are checked against the latest rows.")
    return f"Date from {source}." if source else "Date entered by you."


def claim_time_text(c: CheckedClaim) -> str:
    """The time the claim is about, and what gave it: '2021 (in 2021)', '2026-02-18 (the article's date)'."""
    if not c.time:
        return "unknown (the article's date is unknown)"
    return f"{c.time} ({c.time_source})" if c.time_source else f"{c.time} (the article's date)"


def stale_text(c: CheckedClaim) -> str:
    """The claim detail's staleness line: '' when the row is current for the article's date."""
    return c.stale[:1].upper() + c.stale[1:] + "." if c.stale else ""


def safe_url(url: str) -> str | None:
    """Only http(s) links are rendered: an uploaded table could carry javascript: URLs."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None




@dataclass(frozen=True)
class ChartBands:
    """The comparison chart's numbers, in the reference's unit: the band the claim's
    wording allows (what the verdict used) and the reference's low..high, each with
    its point when it has one."""

    claim_low: float
    claim_high: float
    claim_value: float
    reference_low: float
    reference_high: float
    reference_value: float | None


def chart_bands(c: CheckedClaim) -> ChartBands | None:
    """None without a reference row, or when the units do not convert (the numbers
    would not be on one axis)."""
    row = c.reference
    if row is None:
        return None
    allowed = claim_interval(c.claim, row)
    if allowed is None:
        return None
    figure = (in_row_unit(c.claim, row) or (c.claim.value, c.claim.value))[0]
    # Open bounds ("more than 600") are drawn to the edge of the reference's side.
    spread = abs(row.high - row.low or figure) * 0.5
    low = allowed[0] if math.isfinite(allowed[0]) else min(figure, row.low) - spread
    high = allowed[1] if math.isfinite(allowed[1]) else max(figure, row.high) + spread
    return ChartBands(low, high, figure, row.low, row.high, row.value)


# The editor's review columns and the review fields they edit.
EDITOR_FIELDS: dict[str, str] = {"status": "status", "reviewer_note": "note"}


@dataclass(frozen=True)
class FieldEdit:
    """One field of one claim's review set to a value by the reviewer."""

    key: str
    field: str
    value: str


def _cell_value(column: str, value: object) -> str | None:
    if column == "reviewer_note":
        # A cleared text cell comes back as None: that means an empty note.
        return "" if value is None else str(value)
    # An unknown status (never offered by the editor) is ignored rather than stored.
    return value if isinstance(value, str) and value in STATUSES else None


def editor_delta(
    edited_rows: Mapping[int | str, Mapping[str, object]],
    handled: Mapping[int | str, Mapping[str, object]],
    frame: pd.DataFrame,
) -> list[FieldEdit]:
    """The cells of the editor's `edited_rows` (row position -> changed cells, every
    edit since the editor was drawn) that are new since `handled` (the `edited_rows`
    already acted on): each a FieldEdit on the claim key of its row in `frame`.
    Earlier edits are never sent again."""
    before = {int(pos): cells for pos, cells in handled.items()}
    out: list[FieldEdit] = []
    for position, cells in edited_rows.items():
        old = before.get(int(position), {})
        key = str(frame.index[int(position)])
        for column, name in EDITOR_FIELDS.items():
            if column not in cells or (column in old and old[column] == cells[column]):
                continue
            value = _cell_value(column, cells[column])
            if value is not None:
                out.append(FieldEdit(key, name, value))
    return out


def changes_to_save(edits: Sequence[FieldEdit], seen: Mapping[str, Review]) -> dict[str, dict[str, str]]:
    """Edits grouped by claim as {field: value}, leaving out a value equal to what the
    tab last saw (that is no change of the reviewer's)."""
    out: dict[str, dict[str, str]] = {}
    for e in edits:
        if e.value != seen.get(e.key, Review(e.key)).value(e.field):
            out.setdefault(e.key, {})[e.field] = e.value
    return out


FIELD_LABELS = {"status": "status", "note": "note"}


def _quoted(value: str) -> str:
    return f"“{value}”" if value else "(empty)"


def when_text(at: str) -> str:
    """'2026-11-28T10:02:03+00:00' as '2026-11-28 10:02:03 UTC'."""
    return at.replace("T", " ").removesuffix("+00:00") + " UTC" if at else ""


def event_text(e: ReviewEvent) -> str:
    who = e.reviewer or "someone without a name"
    return f"{who} changed the {FIELD_LABELS[e.field]} from {_quoted(e.old)} to {_quoted(e.new)} at {when_text(e.at)}"


def conflict_text(conflict: Conflict, number: int) -> str:
    """Why a reviewer's save was refused, who changed the claim and when, and both values."""
    lines = [f"Claim #{number}: your change was not saved, because the claim changed after your page showed it."]
    lines += [event_text(e) + "." for e in conflict.missed]
    yours = "; ".join(f"{FIELD_LABELS[f]} {_quoted(v)}" for f, v in conflict.yours.items())
    stored = "; ".join(f"{FIELD_LABELS[f]} {_quoted(conflict.stored.value(f))}" for f in conflict.yours)
    lines.append(f"Yours: {yours}. Stored now: {stored}.")
    return "\n\n".join(lines)


def history_frame(events: Sequence[ReviewEvent]) -> pd.DataFrame:
    """A claim's audit trail for the detail panel, oldest first."""
    return pd.DataFrame(
        [{"when": when_text(e.at), "reviewer": e.reviewer, "field": FIELD_LABELS[e.field], "from": e.old,
          "to": e.new} for e in events],
        columns=["when", "reviewer", "field", "from", "to"],
    )


def review_signature(frame: pd.DataFrame, reviews: Mapping[str, Review]) -> str:
    """Changes whenever a shown row's review changes (by anyone): the editor's key
    includes it, so the editor is redrawn from the store and forgets older edits."""
    parts = [f"{k}\x00{reviews[k].version}" if k in reviews else str(k) for k in frame.index]
    return hashlib.sha1("\x01".join(parts).encode()).hexdigest()[:12]


def history_csv(events: Sequence[ReviewEvent], number: Mapping[str, int]) -> bytes:
    """The audit trail as CSV (UTF-8 with BOM, spreadsheet-safe), with each claim's number."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(("claim", *EVENT_FIELDS))
    for e in events:
        row = e.export_fields()
        writer.writerow([safe_cell(v) for v in (number.get(e.claim_key, ""), *(row[f] for f in EVENT_FIELDS))])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def why_text(c: CheckedClaim) -> str:
    """The matcher's reasons for the row, one line: "“covers” → area (+95); ...; named before (-4)"."""
    if c.match is None or not c.match.why:
        return ""
    return "; ".join(w.removeprefix("metric: ") for w in c.match.why)
