"""Finding and reading the articles of a batch, on the machine that runs it.

An INPUT is a file, a folder (searched recursively for .txt/.md/.html/.docx), or a glob.
A JSON Lines (.jsonl, .ndjson), CSV or Parquet file is a CMS export: one article per
record, with `id` and `text` and optionally `date`, `url` and `title`. A file's id is
its path as found. Articles are read lazily, one at a time, so an archive of any size
is never held in memory; a file's bytes are decoded on the worker (checker.io), which
turns a bad file into an error row there.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.io import MAX_FILE_BYTES, read_bounded

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".parquet", ".pq"})
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Article:
    """One article to check: a file's bytes (`name` says how to read them) or a record's text."""

    id: str
    name: str = ""
    data: bytes | None = None
    text: str | None = None
    date: str = ""  # the record's own date column, as written
    url: str = ""
    title: str = ""
    error: str = ""  # why it could not even be read here (too large, unreadable, a bad record)

    @property
    def size(self) -> int:
        """Bytes shipped to the worker (for sizing partitions)."""
        if self.data is not None:
            return len(self.data)
        return len(self.text) if self.text is not None else 0


@dataclass(frozen=True)
class Source:
    path: str
    kind: str  # "article" (one file, one article) or "table" (a CMS export)


def find_sources(inputs: Iterable[str]) -> list[Source]:
    """The files an INPUT list names, in a stable order; an InputError for one that names nothing."""
    found: list[Source] = []
    seen: set[str] = set()
    for given in inputs:
        if _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                raise InputError(given, "the pattern matches no files")
        elif os.path.exists(given):
            matches = [given]
        else:
            raise InputError(given, "no such file or folder")
        for match in matches:
            for path in _walk(match) if os.path.isdir(match) else [match]:
                if path not in seen:
                    seen.add(path)
                    kind = "table" if Path(path).suffix.casefold() in TABLE_SUFFIXES else "article"
                    found.append(Source(path, kind))
    for source in found:
        if source.kind == "table":
            check_table_columns(source.path)
    return found


def _walk(folder: str) -> list[str]:
    # A folder holds articles; CMS exports inside it are not taken (name them to use them).
    paths: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths.extend(os.path.join(root, f) for f in sorted(files)
                     if not f.startswith(".") and Path(f).suffix.casefold() in ARTICLE_SUFFIXES)
    return paths


def check_table_columns(path: str) -> None:
    """Refuse a CMS export without `id` and `text` columns before any work starts."""
    suffix = Path(path).suffix.casefold()
    if suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        try:
            names = set(pq.ParquetFile(path).schema_arrow.names)
        except Exception as exc:  # pyarrow raises ArrowInvalid and others for a damaged file
            raise InputError(path, f"is not a readable Parquet file ({exc})") from None
    elif suffix == ".csv":
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                names = set(next(csv.reader(fh), []))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot be read as a UTF-8 CSV file ({exc})") from None
    else:
        return  # JSON Lines: each record is checked on its own
    missing = [c for c in ("id", "text") if c not in names]
    if missing:
        raise InputError(path, f"has no {' or '.join(repr(c) for c in missing)} column; a CMS export needs "
                               "'id' and 'text' (and may have 'date', 'url', 'title')")


def iter_articles(sources: Iterable[Source], skip: frozenset[str] | set[str] = frozenset()) -> Iterator[Article]:
    """Every article of the sources, in order, except those whose id is in `skip` (already done)."""
    for source in sources:
        if source.kind == "table":
            for article in _records(source.path):
                if article.id not in skip:
                    yield article
        elif source.path not in skip:
            yield _read_file(source.path)


def _read_file(path: str) -> Article:
    name = os.path.basename(path)
    try:
        with open(path, "rb") as fh:
            data = read_bounded(fh, MAX_FILE_BYTES)
    except OSError as exc:
        return Article(path, name, error=f"cannot be read ({exc.strerror or exc})")
    if data is None:
        return Article(path, name, error=f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return Article(path, name, data=data)


def _records(path: str) -> Iterator[Article]:
    suffix = Path(path).suffix.casefold()
    if suffix in (".parquet", ".pq"):
        rows: Iterator[tuple[int, object]] = _parquet_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    else:
        rows = _jsonl_rows(path)
    for number, row in rows:
        yield _record(path, number, row)


def _record(path: str, number: int, row: object) -> Article:
    where = f"{path}:{number}"
    if isinstance(row, str):  # a problem found while reading the record
        return Article(where, error=row)
    if not isinstance(row, dict):
        return Article(where, error=f"record {number} is not an object with 'id' and 'text'")
    given = row.get("id")
    article_id = where if given is None or given == "" else str(given)
    text = row.get("text")
    date, url, title = (_cell(row.get(key)) for key in ("date", "url", "title"))
    if not isinstance(text, str):
        return Article(article_id, date=date, url=url, title=title, error="the record has no text")
    return Article(article_id, text=text, date=date, url=url, title=title)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _jsonl_rows(path: str) -> Iterator[tuple[int, object]]:
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except (ValueError, UnicodeDecodeError):
                yield number, f"line {number} is not valid JSON"


def _csv_rows(path: str) -> Iterator[tuple[int, object]]:
    csv.field_size_limit(MAX_FILE_BYTES)
    with open(path, encoding="utf-8-sig", newline="", errors="replace") as fh:
        reader = csv.DictReader(fh)
        for number, row in enumerate(reader, start=2):  # line 1 is the header
            yield number, {k: v for k, v in row.items() if k is not None}


def _parquet_rows(path: str) -> Iterator[tuple[int, object]]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    columns = [c for c in ("id", "text", "date", "url", "title") if c in parquet.schema_arrow.names]
    number = 0
    for batch in parquet.iter_batches(batch_size=1000, columns=columns):
        for row in batch.to_pylist():
            number += 1
            yield number, row
