"""Turn a checked Report into JSON, CSV or a plain-text terminal table.

The JSON shape is a contract other tools read; the CSV is opened by editors in
Excel, so it carries a BOM (accents display correctly) and neutralises cells a
spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence

from checker.models import VERDICTS, CheckedClaim, ReferenceRow, Report

# Claim fields in JSON and CSV order. The reference's fields follow, prefixed.
CLAIM_FIELDS: tuple[str, ...] = (
    "text",
    "start",
    "end",
    "sentence",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "change",
    "decimals",
    "date",
    "verdict",
    "rule",
    "note",
    "time",
    "time_source",
    "stale",
)
REFERENCE_FIELDS: tuple[str, ...] = (
    "entity",
    "metric",
    "value",
    "value_low",
    "value_high",
    "unit",
    "as_of",
    "source",
    "source_url",
    "claimant",
    "table",
    "line",
)
# The article's date and where it came from, repeated on every CSV row.
ARTICLE_FIELDS: tuple[str, ...] = ("article_date", "article_date_source")
REPORT_FIELDS: tuple[str, ...] = (
    *CLAIM_FIELDS,
    "match_score",
    "why",
    *(f"reference_{name}" for name in REFERENCE_FIELDS),
    *ARTICLE_FIELDS,
)

# OWASP CSV-injection advice: a cell starting with these is run as a formula by
# Excel/LibreOffice/Sheets. Fullwidth forms are included because some
# spreadsheet locales normalise them to the ASCII characters.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# ------------------------------------------------------------------------ values


def _finite(v: float | None) -> float | None:
    # json.dumps would write NaN/Infinity, which is not JSON and breaks readers.
    if v is None or not math.isfinite(v):
        return None
    return v


def claim_to_dict(c: CheckedClaim) -> dict[str, object]:
    """One checked claim in the JSON contract shape."""
    claim = c.claim
    ref = c.reference
    # value_high means something only when the claim stated a span.
    has_high = claim.qualifier in ("range", "vague")
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
        "value": _finite(claim.value),
        "value_high": _finite(claim.value_high) if has_high else None,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "change": claim.change,
        "decimals": claim.decimals,
        "date": claim.date or None,
        "verdict": c.verdict,
        "rule": c.rule,
        "note": c.note,
        # When: the time the claim is about, the words that gave it, and whether the
        # reference row may be out of date for the article's date.
        "time": c.time or None,
        "time_source": c.time_source or None,
        "stale": c.stale or None,
        "match_score": c.match.score if c.match else None,
        # Why the matcher chose the row: each term of its score, as a reviewer reads it.
        "why": list(c.match.why) if c.match else None,
        "reference": _reference_dict(ref) if ref else None,
    }


def _reference_dict(ref: ReferenceRow) -> dict[str, object]:
    d = ref.as_dict()
    for key in ("value", "value_low", "value_high"):
        v = d.get(key)
        if isinstance(v, float):
            d[key] = _finite(v)
    return d


def summary_counts(r: Report) -> dict[str, int]:
    """Claims per verdict, every verdict present (0 when none) so readers need no defaults."""
    counts = dict.fromkeys(VERDICTS, 0)
    for c in r.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return counts


def article_date_text(r: Report) -> str | None:
    """The article's date as ISO text, None when it is unknown."""
    return r.date.isoformat() if r.date_known else None


def date_line(r: Report) -> str:
    """'Article date: 2026-02-18 (given)', or 'Article date unknown: checked against the latest rows'."""
    if not r.date_known:
        source = r.date_source if r.date_source.startswith("unknown") else f"unknown ({r.date_source})"
        return f"Article date {source}"
    return f"Article date: {r.date.isoformat()} ({r.date_source})"


def report_to_dict(r: Report) -> dict[str, object]:
    return {
        "date": article_date_text(r),
        "date_source": r.date_source,
        "tables": list(r.tables),
        "summary": summary_counts(r),
        "claims": [claim_to_dict(c) for c in r.claims],
    }


def to_json(r: Report) -> str:
    return "".join(json_chunks(r))


def json_chunks(r: Report) -> Iterator[str]:
    """The report as JSON, in pieces to write one after the other (a pasted table of
    270,000 figures makes 300 MB of JSON: never held twice). Its fields are indented and
    each claim is one line: a claim reads like a table row, and json's C encoder writes
    it (an indented dump takes the pure-Python encoder, 1.7x slower)."""
    data = report_to_dict(r)
    claims = data.pop("claims")
    assert isinstance(claims, list)
    yield "{\n"
    for key, value in data.items():
        yield f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n"
    yield '  "claims": ['
    for k, c in enumerate(claims):
        yield f"{',' if k else ''}\n    {json.dumps(c, ensure_ascii=False)}"
    yield "\n  ]\n}" if claims else "]\n}"


# --------------------------------------------------------------------------- CSV


def safe_cell(v: object) -> object:
    """Neutralise a text cell a spreadsheet would run as a formula; leave numbers alone.

    Only strings are changed: a real negative number (-3.5) is data, and Excel
    reads it as a number, not a formula.
    """
    if isinstance(v, str) and v.startswith(_FORMULA_STARTS):
        return "'" + v
    return v


def _csv_scalar(v: object) -> object:
    """A value as the csv module should write it: None -> empty, whole floats -> ints."""
    if v is None:
        return ""
    if isinstance(v, float):
        if not math.isfinite(v):
            return ""
        return _whole(v)
    return v


def _whole(v: float) -> float | int:
    # 30000.0 -> 30000: a spreadsheet shows the same number, readers see no ".0".
    if v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def claim_to_row(c: CheckedClaim) -> dict[str, object]:
    """One claim flattened to REPORT_FIELDS (reference fields prefixed `reference_`)."""
    d = claim_to_dict(c)
    ref = d.pop("reference")
    row: dict[str, object] = {name: d.get(name) for name in CLAIM_FIELDS}
    row["match_score"] = d.get("match_score")
    why = d.get("why")
    row["why"] = "; ".join(why) if isinstance(why, list) else None
    ref_map: Mapping[str, object] = ref if isinstance(ref, Mapping) else {}
    for name in REFERENCE_FIELDS:
        row[f"reference_{name}"] = ref_map.get(name)
    return row


def to_csv(
    r: Report,
    extra: Sequence[Mapping[str, object]] | None = None,
    extra_fields: Sequence[str] = (),
) -> bytes:
    """The report as UTF-8 CSV bytes with a BOM, one row per claim.

    `extra[i]` holds additional values for claim i (e.g. review status); the
    columns named in `extra_fields` are appended in that order.
    """
    extra_fields = tuple(extra_fields)
    _check_extra(r, extra, extra_fields)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(REPORT_FIELDS + extra_fields)
    for i, c in enumerate(r.claims):
        row = claim_to_row(c)
        row.update(zip(ARTICLE_FIELDS, (article_date_text(r), r.date_source)))
        values = [row[name] for name in REPORT_FIELDS]
        if extra_fields:
            more = extra[i] if extra is not None else {}
            values.extend(more.get(name) for name in extra_fields)
        writer.writerow([safe_cell(_csv_scalar(v)) for v in values])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _check_extra(r: Report, extra: Sequence[Mapping[str, object]] | None, fields: tuple[str, ...]) -> None:
    # Misaligned review data would silently attach one claim's review to another.
    if extra is not None and len(extra) != len(r.claims):
        raise ValueError(f"extra has {len(extra)} entries for {len(r.claims)} claims")
    clashes = sorted(set(fields) & set(REPORT_FIELDS))
    if clashes:
        raise ValueError(f"extra_fields repeat report columns: {', '.join(clashes)}")
    if len(set(fields)) != len(fields):
        raise ValueError("extra_fields has a duplicate name")


# ------------------------------------------------------------------------- table


def format_value(v: float | None) -> str:
    """A number for people: whole floats without ".0", others without float noise."""
    if v is None or not math.isfinite(v):
        return ""
    w = _whole(v)
    return str(w) if isinstance(w, int) else f"{v:.12g}"


def claim_value_text(c: CheckedClaim) -> str:
    """The claim's value for people: "30000", or "3000000–4000000" for a range."""
    claim = c.claim
    low = format_value(claim.value)
    if claim.qualifier in ("range", "vague") and claim.value_high is not None:
        return f"{low}–{format_value(claim.value_high)}"
    return low


def _source_text(c: CheckedClaim) -> str:
    ref = c.reference
    if ref is None:
        return "-"
    text = ref.source
    if ref.as_of:
        text += f" ({ref.as_of})"
    if ref.claimant:
        text += f", claim by {ref.claimant}"
    return text


# C0/C1 control characters (ESC in particular) from an article or a table would
# otherwise reach the terminal as escape sequences.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _one_line(s: str) -> str:
    return _CONTROL.sub("", " ".join(s.split()))


def _fit(s: str, width: int) -> str:
    if len(s) <= width:
        return s.ljust(width)
    if width <= 1:
        return s[:width]
    return s[: width - 1] + "…"


_HEADERS = ("#", "claim", "value", "unit", "qualifier", "verdict", "source")
_GAP = "  "
_MIN_FLEX = 8  # narrowest the claim and source columns may get
_MAX_UNIT = 12  # unit names are short; a long one must not squeeze the claim text


def _column_widths(cells: Sequence[tuple[str, ...]], width: int) -> list[int]:
    """Fixed columns get their content width; claim (1) and source (6) share the rest.

    Below about 70 characters the fixed columns alone do not fit and lines overflow
    `width` rather than hide the verdict.
    """
    natural = [max(len(row[i]) for row in [_HEADERS, *cells]) for i in range(len(_HEADERS))]
    natural[3] = min(natural[3], _MAX_UNIT)
    fixed = sum(w for i, w in enumerate(natural) if i not in (1, 6))
    spare = width - fixed - len(_GAP) * (len(_HEADERS) - 1)
    claim_w, source_w = natural[1], natural[6]
    if claim_w + source_w > spare:
        # The claim text gets the larger share: it is what the reader scans for.
        # Below the minimums the line overflows rather than showing nothing.
        source_w = min(source_w, max(_MIN_FLEX, spare // 3))
        claim_w = max(_MIN_FLEX, min(claim_w, spare - source_w))
        source_w = max(min(natural[6], spare - claim_w), min(natural[6], _MIN_FLEX))
    out = list(natural)
    out[1], out[6] = claim_w, source_w
    return out


def _summary_line(r: Report) -> str:
    counts = summary_counts(r)
    n = len(r.claims)
    parts = ", ".join(f"{counts.get(v, 0)} {v}" for v in VERDICTS)
    return f"{n} claim{'' if n == 1 else 's'}: {parts}"


def to_table(r: Report, width: int = 100) -> str:
    """A plain-text table for a terminal, each claim's note wrapped under its row."""
    cells = [
        (
            str(i),
            _one_line(c.claim.text),
            claim_value_text(c),
            _one_line(c.claim.unit),
            c.claim.qualifier,
            c.verdict,
            _one_line(_source_text(c)),
        )
        for i, c in enumerate(r.claims, start=1)
    ]
    widths = _column_widths(cells, width)

    def line(row: tuple[str, ...]) -> str:
        return _GAP.join(_fit(text, w) for text, w in zip(row, widths)).rstrip()

    out = [line(_HEADERS), line(tuple("-" * w for w in widths))]
    indent = " " * (widths[0] + len(_GAP))
    for row, c in zip(cells, r.claims):
        out.append(line(row))
        note = _one_line(c.note)
        if note:
            out.extend(
                textwrap.wrap(note, width=max(width, len(indent) + 20), initial_indent=indent, subsequent_indent=indent)
            )
    out.append("")
    out.append(date_line(r))
    out.append(_summary_line(r))
    return "\n".join(out) + "\n"
