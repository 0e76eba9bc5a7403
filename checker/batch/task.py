"""The work of one partition, run on a Dask worker: check each article, return two tables.

Each worker process loads the reference tables once (through the on-disk reference
cache) and keeps them in a memo keyed on the tables' paths, so a partition costs only
its articles. One bad article (undecodable, too large, empty, or an error inside the
checker) becomes an article row whose `error` says why; the partition goes on.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from checker.batch.inputs import Article
from checker.batch.schema import ARTICLE_SCHEMA, CLAIM_SCHEMA
from checker.errors import CheckerError, InputError
from checker.io import article_date_of, check_size, document_from_upload
from checker.models import Report
from checker.output.report import ARTICLE_FIELDS, article_date_text, claim_to_row, summary_counts
from checker.reference import Reference, load_reference
from checker.verdict import VerdictOptions


@dataclass(frozen=True)
class Settings:
    """What every partition of a run is checked with (small: sent with each task)."""

    reference: tuple[str, ...] | None = None  # absolute paths; None: the bundled tables
    date: dt.date | None = None  # --date: for articles whose record gives no date
    options: VerdictOptions = VerdictOptions()


# The worker-level memo: one Reference per set of table paths, per worker process.
_references: dict[tuple[str, ...] | None, Reference] = {}
_lock = threading.Lock()


def worker_reference(paths: tuple[str, ...] | None) -> Reference:
    with _lock:
        reference = _references.get(paths)
        if reference is None:
            reference = load_reference(list(paths)) if paths is not None else load_reference()
            _references[paths] = reference
        return reference


def check_partition(articles: Sequence[Article], settings: Settings) -> tuple[pa.Table, pa.Table]:
    """(claims, articles) tables for one partition, in the schemas of checker.batch.schema."""
    from checker.pipeline import check_text

    reference = worker_reference(settings.reference)
    claim_rows: list[dict[str, object]] = []
    article_rows: list[dict[str, object]] = []
    for article in articles:
        row: dict[str, object] = {"article_id": article.id, "url": article.url or None,
                                  "title": article.title or None}
        try:
            text, date, date_source = _text_and_date(article, settings)
            row["bytes"] = len(text.encode("utf-8", "surrogatepass"))
            report = check_text(text, reference=reference, date=date, date_source=date_source,
                                options=settings.options)
        except InputError as exc:
            row["error"] = exc.problem
        except CheckerError as exc:
            row["error"] = str(exc)
        except Exception as exc:  # a bug in the checker must not stop the archive
            row["error"] = f"checker error: {type(exc).__name__}: {exc}"
        else:
            claim_rows.extend(_claim_rows(article, report))
            row.update(article_date=article_date_text(report), article_date_source=report.date_source,
                       claims=len(report.claims), **summary_counts(report))
        article_rows.append(row)
    return (pa.Table.from_pylist(claim_rows, schema=CLAIM_SCHEMA),
            pa.Table.from_pylist(article_rows, schema=ARTICLE_SCHEMA))


def _text_and_date(article: Article, settings: Settings) -> tuple[str, dt.date | None, str]:
    """The article's text, its date and where the date came from: the record's own date
    column, else --date, else what the document says (HTML metadata, a dateline)."""
    if article.error:
        raise InputError(article.id, article.error)
    if article.data is not None:
        document = document_from_upload(article.name, article.data)
        text, found = document.text, document.date
    else:
        text = article.text or ""
        check_size(text, article.id)
        if not text.strip():
            raise InputError(article.id, "the record's text is empty")
        found = None
    if article.date:
        try:
            return text, dt.date.fromisoformat(article.date[:10]), "date column"
        except ValueError:
            raise InputError(article.id, f"the date {article.date!r} is not in the form YYYY-MM-DD") from None
    if settings.date is not None:
        return text, settings.date, "--date"
    found = found if found is not None else article_date_of(text)
    return text, found.date, found.source


def _claim_rows(article: Article, report: Report) -> list[dict[str, object]]:
    rows = []
    for checked in report.claims:
        row: dict[str, object] = {"article_id": article.id, "article_url": article.url or None}
        row.update(claim_to_row(checked))
        row.update(zip(ARTICLE_FIELDS, (article_date_text(report), report.date_source)))
        rows.append(row)
    return rows
