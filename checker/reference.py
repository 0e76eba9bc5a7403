"""Load, validate and index the curated reference tables (CSV files).

The CLI starts on every run, so this module sticks to the standard library (no
pandas) and keeps a cache of the parsed, indexed tables keyed on the files'
contents: an unchanged bundle loads in milliseconds, and an edited file can never
be served from a stale cache because its bytes are part of the key.

The cache for one key is a small SQLite file: the name index (name -> row
positions), the table names and the row count are read when the tables are
loaded; the rows themselves are stored one per record and fetched only when
`Reference.rows_for` asks for them. Checking an article needs the rows of the
few entities it names, so loading costs O(names), not O(rows).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import io
import marshal
import math
import operator
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.models import ReferenceRow

DEFAULT_REFERENCE_DIR: Path = Path(__file__).resolve().parent.parent / "reference_data"

# Bump when the cache layout changes in a way the code fingerprint below cannot see.
CACHE_VERSION = "2"
CACHE_ENV_VAR = "FACTCHECK_CACHE_DIR"
_CACHE_KEEP = 8  # newest cache files kept; older ones are pruned after a write

REQUIRED_COLUMNS: tuple[str, ...] = ("entity", "metric", "value", "unit", "source")
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "as_of",
    "source_url",
    "aliases",
    "metric_aliases",
    "value_low",
    "value_high",
    "claimant",
    "notes",
)
# entity_type is understood (it decides whether checker.aliases is asked for
# alternative names) but ReferenceRow has no field for it, so it is kept in
# `extra` like any other curator column.
ENTITY_TYPE_COLUMN = "entity_type"
# ReferenceRow.as_dict() writes these itself; an extra column with the same name
# would silently overwrite them in every report.
_RESERVED_COLUMNS = frozenset({"table", "line"})
_AUTO_ALIAS_TYPES = frozenset({"", "country", "region"})
_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers"})


# --------------------------------------------------------------------------- names

_NON_WORD = re.compile(r"[^\w\s]|_")


def normalise_name(s: str) -> str:
    """Fold a place or entity name to the form used as an index key.

    "The United Kingdom" -> "united kingdom", "Côte d’Ivoire" -> "cote d ivoire".
    Punctuation (apostrophes, hyphens, dots) becomes a space rather than vanishing
    so "Guinea-Bissau" and "Guinea Bissau" meet, and a leading "the" is dropped
    because articles write "the Netherlands" and tables write "Netherlands".
    """
    s = s.casefold()
    if not s.isascii():  # most names are ASCII; skip the costly decomposition for them
        # casefold first ("İ" folds to "i" + combining dot, dropped below) and
        # again after, as NFKD can yield capitals ("ℌ" -> "H").
        decomposed = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = " ".join(_NON_WORD.sub(" ", s).split())
    while folded.startswith("the "):  # repeated so normalising twice changes nothing
        folded = folded[4:]
    return folded


# ----------------------------------------------------------------------- Reference


class _RowSource:
    """Where a lazily loaded Reference gets its rows from (by position)."""

    def fetch(self, ids: Sequence[int]) -> dict[int, ReferenceRow]:
        raise NotImplementedError

    def fetch_all(self) -> tuple[ReferenceRow, ...]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class Reference:
    """All loaded rows plus a name index for the matcher.

    `entity_index` maps the normalised form of every entity name and alias to the
    positions of its rows in `rows`. A Reference read from the cache fetches rows
    only when `rows_for` (or `rows`) needs them, and keeps what it fetched; one built
    in memory (`from_rows`, `reference_from_bytes`, a cache miss) holds them all.
    Either way it behaves the same and never changes once built. Equality and
    hashing are by identity, so a Reference can be a cache key (Streamlit,
    lru_cache) without hashing its dict. It is safe to use from several threads.
    """

    __slots__ = ("__weakref__", "_count", "_index", "_lock", "_max_tokens", "_memo", "_rows", "_source",
                 "_tables")

    def __init__(
        self,
        rows: Iterable[ReferenceRow] = (),
        tables: Sequence[str] = (),
        entity_index: dict[str, tuple[int, ...]] | None = None,
        max_name_tokens: int = 0,
    ) -> None:
        rows = tuple(rows)
        self._init(len(rows), tuple(tables), {} if entity_index is None else entity_index, max_name_tokens)
        self._rows = rows

    def _init(self, count: int, tables: tuple[str, ...], index: dict[str, tuple[int, ...]],
              max_tokens: int, source: _RowSource | None = None) -> None:
        self._rows: tuple[ReferenceRow, ...] | None = None
        self._tables = tables
        self._index = index
        self._max_tokens = max_tokens
        self._count = count
        self._source = source
        self._memo: dict[int, ReferenceRow] = {}
        self._lock = threading.Lock()

    @classmethod
    def _lazy(cls, count: int, tables: tuple[str, ...], index: dict[str, tuple[int, ...]], max_tokens: int,
              source: _RowSource) -> Reference:
        """A Reference whose rows come from `source` when first asked for."""
        ref = cls.__new__(cls)
        ref._init(count, tables, index, max_tokens, source)
        return ref

    @property
    def tables(self) -> tuple[str, ...]:
        return self._tables

    @property
    def entity_index(self) -> dict[str, tuple[int, ...]]:
        return self._index

    @property
    def max_name_tokens(self) -> int:
        return self._max_tokens

    @property
    def rows(self) -> tuple[ReferenceRow, ...]:
        """Every row, in table order. For a cached Reference this reads them all
        (once); the matcher never needs it, only `rows_for`."""
        rows = self._rows
        if rows is None:
            with self._lock:
                if self._rows is None:
                    assert self._source is not None
                    fetched = self._source.fetch_all()
                    memo = self._memo
                    # Rows already handed out stay the same objects.
                    self._rows = tuple(memo.get(i, row) for i, row in enumerate(fetched)) if memo else fetched
                    self._memo = {}
                    self._source.close()
                    self._source = None
                rows = self._rows
        return rows

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        state = "all rows loaded" if self._rows is not None else f"{len(self._memo)} rows fetched"
        return (f"<Reference: {self._count} rows ({state}), {len(self._index)} names, "
                f"tables={self._tables!r}>")

    def __reduce__(self) -> tuple[object, ...]:
        # Pickling (multiprocessing, a disk cache) carries the rows themselves,
        # not a handle on this process's cache file.
        return (Reference, (self.rows, self._tables, self._index, self._max_tokens))

    def rows_for(self, name: str) -> tuple[ReferenceRow, ...]:
        """Rows whose entity or any alias normalises to the same key as `name`."""
        ids = self._index.get(normalise_name(name))
        return self._rows_at(ids) if ids else ()

    def _rows_at(self, ids: Sequence[int]) -> tuple[ReferenceRow, ...]:
        rows = self._rows
        if rows is not None:
            return tuple(rows[i] for i in ids)
        memo = self._memo
        try:
            return tuple(memo[i] for i in ids)
        except KeyError:
            pass
        with self._lock:
            if self._rows is not None:
                return tuple(self._rows[i] for i in ids)
            memo = self._memo
            missing = [i for i in dict.fromkeys(ids) if i not in memo]
            if missing:
                assert self._source is not None
                memo.update(self._source.fetch(missing))
            return tuple(memo[i] for i in ids)

    @classmethod
    def from_rows(cls, rows: Iterable[ReferenceRow], tables: Sequence[str] = ()) -> Reference:
        """Index rows built elsewhere (tests, an uploaded table, another loader)."""
        rows = tuple(rows)
        index, max_tokens = _build_index(rows)
        return cls(rows=rows, tables=tuple(tables), entity_index=index, max_name_tokens=max_tokens)

    def merged(self, other: Reference) -> Reference:
        """Both references' rows; the other's indices are shifted past ours.

        Rows not yet fetched by either side stay unfetched until asked for."""
        offset = len(self)
        index = dict(self._index)
        for key, positions in other._index.items():
            shifted = tuple(i + offset for i in positions)
            index[key] = index.get(key, ()) + shifted
        tables = self._tables + other._tables
        max_tokens = max(self._max_tokens, other._max_tokens)
        if self._rows is not None and other._rows is not None:
            return Reference(rows=self._rows + other._rows, tables=tables, entity_index=index,
                             max_name_tokens=max_tokens)
        return Reference._lazy(offset + len(other), tables, index, max_tokens, _MergedRows(self, other))


class _MergedRows(_RowSource):
    """Rows of two References end to end, each fetched from its own side."""

    def __init__(self, first: Reference, second: Reference) -> None:
        self.first, self.second, self.offset = first, second, len(first)

    def fetch(self, ids: Sequence[int]) -> dict[int, ReferenceRow]:
        low = [i for i in ids if i < self.offset]
        high = [i for i in ids if i >= self.offset]
        out = dict(zip(low, self.first._rows_at(low)))
        out.update(zip(high, self.second._rows_at([i - self.offset for i in high])))
        return out

    def fetch_all(self) -> tuple[ReferenceRow, ...]:
        return self.first.rows + self.second.rows


AliasFunction = Callable[[str, str], tuple[str, ...]]


def _alias_function() -> AliasFunction | None:
    # checker.aliases is optional (and may pull in heavy data packages), so it is
    # imported only when a cache miss forces a rebuild.
    try:
        from checker.aliases import aliases_for
    except ImportError:
        return None
    return aliases_for


def _entity_type(row: ReferenceRow) -> str:
    for name, text in row.extra:
        if name.casefold() == ENTITY_TYPE_COLUMN:
            return text.casefold()
    return ""


def _build_index(rows: Sequence[ReferenceRow]) -> tuple[dict[str, tuple[int, ...]], int]:
    auto = _alias_function()
    auto_cache: dict[tuple[str, str], tuple[str, ...]] = {}
    keys_of: dict[str, str] = {}  # name -> normalised key; entities repeat once per metric
    index: dict[str, list[int]] = {}

    for i, row in enumerate(rows):
        names = [row.entity, *row.aliases] if row.aliases else [row.entity]
        # Cities are never expanded: there are tens of thousands and the alias
        # source only knows countries and regions.
        if auto is not None and (etype := _entity_type(row)) in _AUTO_ALIAS_TYPES:
            pair = (row.entity, etype)
            if pair not in auto_cache:
                auto_cache[pair] = tuple(auto(row.entity, etype))
            names.extend(auto_cache[pair])
        row_keys: list[str] = []
        for name in names:
            key = keys_of.get(name)
            if key is None:
                key = keys_of[name] = normalise_name(name)
            if key and key not in row_keys:
                row_keys.append(key)
                index.setdefault(key, []).append(i)
    max_tokens = max((k.count(" ") + 1 for k in index), default=0)
    return {k: tuple(v) for k, v in index.items()}, max_tokens


# ------------------------------------------------------------------------ decoding

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_table(data: bytes, path: str) -> str:
    """Bytes of a CSV file -> text, accepting UTF-8 (with or without BOM) or cp1252."""
    if data.startswith(_UTF16_BOMS):
        raise ReferenceTableError(path, "is saved as UTF-16; save it as 'CSV UTF-8' instead")
    if b"\x00" in data:
        raise ReferenceTableError(path, "is a binary file, not a CSV table")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves plain "CSV" as cp1252; Python's cp1252 codec leaves
    # five bytes undefined, so text that is really something else still fails here.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReferenceTableError(
            path, "is neither UTF-8 nor Windows-1252 text; save it as 'CSV UTF-8'"
        ) from None


# ------------------------------------------------------------------------- parsing

# Space-like characters spreadsheets put inside numbers ("1 234", NBSP, thin space).
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?")


def parse_number(raw: str) -> float | None:
    """Parse a table number; None if it is not one.

    Commas are accepted only as thousands separators in groups of three, so the
    European "1,5" is rejected rather than read as 15.
    """
    text = _NUMBER_SPACES.sub("", raw).replace("\u2212", "-")  # U+2212 minus sign
    if "," in text:
        if not _GROUPED.fullmatch(text):
            return None
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return None
    # float() accepts "nan" and "inf"; neither is a figure anyone can check against.
    return value if math.isfinite(value) else None


def _column_key(header: str) -> str:
    """Header text -> canonical column name ("Source URL" -> "source_url")."""
    return re.sub(r"[\s\-]+", "_", header.strip().casefold())


def _split_list(cell: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in cell.split("|"):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class _Layout:
    """Where each column sits in a table.

    Every known column has a position; an absent optional column points one
    past the last real cell, where each row gets an empty cell appended, so
    reading a row needs no per-cell "is this column there?" test.
    """

    pos: dict[str, int]
    extras: tuple[tuple[str, int, bool], ...]  # (name, position, name was made up)
    width: int


def _read_header(header: list[str], path: str, line: int) -> _Layout:
    known: dict[str, int] = {}
    extras: list[tuple[str, int, bool]] = []
    seen: set[str] = set()
    for pos, cell in enumerate(header):
        name = cell.strip()
        key = _column_key(name)
        if not key:
            # Excel often saves trailing empty columns; keep any data under them
            # with a made-up name rather than drop it.
            extras.append((f"column_{pos + 1}", pos, True))
            continue
        if key in seen:
            raise ReferenceTableError(path, f"column '{name}' appears twice in the header", line, name)
        seen.add(key)
        if key in REQUIRED_COLUMNS or key in OPTIONAL_COLUMNS:
            known[key] = pos
        elif key in _RESERVED_COLUMNS:
            raise ReferenceTableError(
                path, f"column name '{name}' is reserved by the checker; rename the column", line, name
            )
        else:
            extras.append((name, pos, False))
    for required in REQUIRED_COLUMNS:
        if required not in known:
            raise ReferenceTableError(path, f"required column '{required}' is missing", line, required)
    width = len(header)
    for optional in OPTIONAL_COLUMNS:
        known.setdefault(optional, width)
    return _Layout(pos=known, extras=tuple(extras), width=width)


def _number_cell(raw: str, column: str, path: str, line: int) -> float | None:
    if not raw:
        return None
    value = parse_number(raw)
    if value is None:
        raise ReferenceTableError(path, f"'{raw}' is not a number", line, column)
    return value


def _row_from_cells(cells: list[str], layout: _Layout, path: str, line: int) -> ReferenceRow:
    """One data record -> ReferenceRow. `cells` is stripped and padded to width + 1."""
    p = layout.pos
    for column in ("entity", "metric", "unit", "source"):
        if not cells[p[column]]:
            raise ReferenceTableError(path, f"{column} is empty", line, column)

    value = _number_cell(cells[p["value"]], "value", path, line)
    low = _number_cell(cells[p["value_low"]], "value_low", path, line)
    high = _number_cell(cells[p["value_high"]], "value_high", path, line)
    _check_values(value, low, high, path, line)

    aliases = cells[p["aliases"]]
    metric_aliases = cells[p["metric_aliases"]]
    return ReferenceRow(
        entity=cells[p["entity"]],
        metric=cells[p["metric"]],
        value=value,
        unit=cells[p["unit"]],
        source=cells[p["source"]],
        as_of=cells[p["as_of"]],
        source_url=cells[p["source_url"]],
        aliases=_split_list(aliases) if aliases else (),
        metric_aliases=_split_list(metric_aliases) if metric_aliases else (),
        value_low=low,
        value_high=high,
        claimant=cells[p["claimant"]],
        notes=cells[p["notes"]],
        table=path,
        line=line,
        extra=tuple((name, cells[i]) for name, i, made_up in layout.extras if not made_up or cells[i]),
    )


def _check_values(value: float | None, low: float | None, high: float | None, path: str, line: int) -> None:
    if value is None and (low is None or high is None):
        raise ReferenceTableError(
            path, "value is empty; give a value, or both value_low and value_high for a range", line, "value"
        )
    if low is not None and high is not None and low > high:
        raise ReferenceTableError(
            path, f"value_low ({low:g}) is greater than value_high ({high:g})", line, "value_low"
        )
    # A point figure outside its own stated range is a typo, and would make
    # the checker support and contradict the same claim depending on the rule.
    if value is not None and ((low is not None and value < low) or (high is not None and value > high)):
        raise ReferenceTableError(
            path, f"value ({value:g}) lies outside value_low..value_high", line, "value"
        )


def _records(text: str, path: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return list(reader)
    except csv.Error as exc:
        raise ReferenceTableError(path, f"is not valid CSV ({exc})", reader.line_num) from None


def parse_table(data: bytes, path: str) -> list[ReferenceRow]:
    """Validate and parse one CSV file's bytes. `path` is the name used in rows and errors.

    Line numbers are record numbers as a spreadsheet shows them (header = row 1);
    blank records are skipped but still counted so the numbers stay aligned.
    """
    text = decode_table(data, path)
    if not text.strip():
        raise ReferenceTableError(path, "the file is empty: no rows")
    records = _records(text, path)
    header_at = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if header_at is None:
        raise ReferenceTableError(path, "the file is empty: no rows")
    layout = _read_header(records[header_at], path, header_at + 1)
    width = layout.width
    # The same few strings (metric, unit, source, date) repeat on every row; sharing
    # one object each halves memory.
    share = {"": ""}.setdefault

    rows: list[ReferenceRow] = []
    for line, record in enumerate(records[header_at + 1 :], start=header_at + 2):
        cells = [share(c, c) for c in map(str.strip, record)]
        if len(cells) != width:
            if len(cells) > width and any(cells[width:]):
                raise ReferenceTableError(
                    path,
                    f"row has {len(cells)} cells but the header has {width} columns"
                    " (does a cell with a comma lack quotes?)",
                    line,
                )
            cells = cells[:width] + [""] * (width - len(cells))
        if not any(cells):
            continue
        cells.append("")  # the cell absent optional columns point at
        rows.append(_row_from_cells(cells, layout, path, line))
    if not rows:
        raise ReferenceTableError(path, "has a header but no rows")
    return rows


# ------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class _Source:
    display: str  # name shown in reports and errors
    path: Path


def _is_table_file(p: Path) -> bool:
    return p.is_file() and p.suffix.casefold() == ".csv" and not p.name.startswith(("_", "."))


def _tables_in(folder: Path, display_prefix: str) -> list[_Source]:
    found = sorted((p for p in folder.iterdir() if _is_table_file(p)), key=lambda p: p.name)
    return [_Source(f"{display_prefix}/{p.name}" if display_prefix else p.name, p) for p in found]


def _sources(paths: Sequence[str | os.PathLike[str]] | None) -> list[_Source]:
    if paths is None:
        if not DEFAULT_REFERENCE_DIR.is_dir():
            return []
        return _tables_in(DEFAULT_REFERENCE_DIR, DEFAULT_REFERENCE_DIR.name)
    sources: list[_Source] = []
    for given in paths:
        display = os.fspath(given)
        p = Path(given)
        if p.is_dir():
            inside = _tables_in(p, display.rstrip("/\\") or display)
            if not inside:
                raise ReferenceTableError(display, "is a folder with no .csv files")
            sources.extend(inside)
        elif p.exists():
            sources.append(_Source(display, p))
        else:
            raise ReferenceTableError(display, "no such file or folder")
    # The same file given twice (or via a folder and directly) would double its rows.
    unique: dict[Path, _Source] = {}
    for s in sources:
        unique.setdefault(s.path.resolve(), s)
    return list(unique.values())


def _read_bytes(source: _Source) -> bytes:
    if source.path.suffix.casefold() in _WORKBOOK_SUFFIXES:
        raise ReferenceTableError(source.display, "is a spreadsheet workbook; export it as 'CSV UTF-8'")
    try:
        return source.path.read_bytes()
    except OSError as exc:
        raise ReferenceTableError(source.display, f"cannot be read ({exc.strerror or exc})") from None


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override)
    import platformdirs  # imported here: only needed when the cache is used

    return Path(platformdirs.user_cache_dir("fact-figure-checker"))


def _code_fingerprint() -> bytes:
    """Hash of the code (and alias data) whose output is cached, so changing
    either can never be answered from a stale cache."""
    h = hashlib.sha256()
    h.update(repr([f.name for f in fields(ReferenceRow)]).encode())
    # Rows and index are stored with marshal, whose format belongs to the Python version.
    h.update(f"python {sys.version_info[:2]} marshal {marshal.version}".encode())
    here = Path(__file__).resolve().parent
    # aliases.py decides the automatic aliases; any aliases* data file beside it counts too.
    for path in [here / "reference.py", *sorted(here.glob("aliases*"))]:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0unreadable")
    return h.digest()


def _source_digests(contents: Sequence[tuple[_Source, bytes]]) -> list[bytes]:
    """One hash per table: its names, its size and its bytes."""
    digests = []
    for source, data in contents:
        h = hashlib.sha256()
        for part in (source.display, str(source.path.resolve()), str(len(data))):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())
        digests.append(h.digest())
    return digests


def _cache_key(digests: Sequence[bytes]) -> str:
    h = hashlib.sha256()
    h.update(f"reference-cache-v{CACHE_VERSION}\0".encode())
    h.update(_code_fingerprint())
    for digest in digests:
        h.update(digest)
    return h.hexdigest()


_CACHE_SUFFIX = ".sqlite3"
# Cache files of earlier versions; pruned with the current ones so they age out.
_OLD_CACHE_SUFFIXES = (".pickle",)


def _cache_path(key: str) -> Path:
    return cache_dir() / f"reference-{key[:40]}{_CACHE_SUFFIX}"


# Rows are stored as marshal'd tuples of ReferenceRow's fields, in field order,
# each with a CRC32 so a damaged record is noticed rather than read as wrong data.
_ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ReferenceRow))
_row_values = operator.attrgetter(*_ROW_FIELDS)  # row -> tuple of its field values
_SQL_CHUNK = 500  # ids per SELECT ... IN (...), well under SQLite's parameter limit

_SCHEMA = (
    (
        "CREATE TABLE meta(version TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,"
        " max_tokens INTEGER NOT NULL, tables BLOB NOT NULL, names BLOB NOT NULL, names_crc INTEGER NOT NULL)"
    ),
    "CREATE TABLE rows(id INTEGER PRIMARY KEY, crc INTEGER NOT NULL, data BLOB NOT NULL)",
)


class _CacheDamaged(Exception):
    """The cache file cannot be trusted; the tables are read again instead."""


# What reading a row record can raise when the file is damaged (marshal.loads gives
# ValueError, EOFError or TypeError on bad bytes).
_UNREADABLE = (sqlite3.Error, _CacheDamaged, ValueError, EOFError, TypeError)


def _encode_row(row: ReferenceRow) -> bytes:
    return marshal.dumps(_row_values(row))


def _decode_row(data: bytes, crc: int) -> ReferenceRow:
    if type(data) is not bytes or zlib.crc32(data) != crc:
        raise _CacheDamaged
    values = marshal.loads(data)
    if type(values) is not tuple or len(values) != len(_ROW_FIELDS):
        raise _CacheDamaged
    return ReferenceRow(*values)


@dataclass(frozen=True)
class _Origin:
    """What a cached Reference was loaded from, to read the tables again if its
    cache file turns out to be damaged after the load."""

    key: str
    path: Path
    sources: tuple[_Source, ...]
    digests: tuple[bytes, ...]


class _CachedRows(_RowSource):
    """Rows in one cache file, read by position on demand.

    The connection stays open for the Reference's lifetime, so the file being
    replaced or pruned by another process does not matter (POSIX keeps the old
    file readable). Callers serialise access (Reference holds its lock); the
    connection is opened with check_same_thread=False because Streamlit calls
    from whichever thread runs the script.

    A record that turns out unreadable (damaged file) is not an error: the tables
    are read and parsed again, provided their contents are still the ones the
    cache was built from, and the cache file is rewritten.
    """

    def __init__(self, conn: sqlite3.Connection, origin: _Origin, count: int, tables: tuple[str, ...],
                 index: dict[str, tuple[int, ...]], max_tokens: int) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._origin = origin
        self._count = count
        # What the cache file held besides the rows, to write it again after a reparse.
        self._tables, self._index, self._max_tokens = tables, index, max_tokens
        self._reparsed: tuple[ReferenceRow, ...] | None = None

    def fetch(self, ids: Sequence[int]) -> dict[int, ReferenceRow]:
        if self._reparsed is None:
            with contextlib.suppress(*_UNREADABLE):
                return self._select(ids)
        rows = self._reparse()
        return {i: rows[i] for i in ids}

    def _select(self, ids: Sequence[int]) -> dict[int, ReferenceRow]:
        if self._conn is None:  # closed by a reparse that failed
            raise _CacheDamaged
        out: dict[int, ReferenceRow] = {}
        for k in range(0, len(ids), _SQL_CHUNK):
            chunk = ids[k:k + _SQL_CHUNK]
            sql = f"SELECT id, crc, data FROM rows WHERE id IN ({','.join('?' * len(chunk))})"
            for i, crc, data in self._conn.execute(sql, chunk):
                out[i] = _decode_row(data, crc)
        if len(out) != len(ids):  # ids are distinct: a record is missing
            raise _CacheDamaged
        return out

    def fetch_all(self) -> tuple[ReferenceRow, ...]:
        if self._reparsed is None:
            with contextlib.suppress(*_UNREADABLE):
                return self._select_all()
        return self._reparse()

    def _select_all(self) -> tuple[ReferenceRow, ...]:
        if self._conn is None:
            raise _CacheDamaged
        out: list[ReferenceRow] = []
        records = self._conn.execute("SELECT id, crc, data FROM rows ORDER BY id")
        with _gc_paused():
            for expected, (i, crc, data) in enumerate(records):
                if i != expected:
                    raise _CacheDamaged
                out.append(_decode_row(data, crc))
        if len(out) != self._count:
            raise _CacheDamaged
        return tuple(out)

    def _reparse(self) -> tuple[ReferenceRow, ...]:
        if self._reparsed is not None:
            return self._reparsed
        origin = self._origin
        self.close()
        _discard_cache_file(origin.path)
        contents = [(s, _read_bytes(s)) for s in origin.sources]
        for (source, _), old, new in zip(contents, origin.digests, _source_digests(contents)):
            if old != new:
                raise ReferenceTableError(
                    source.display, "changed while the checker was using it, and the cache of the old"
                    " version is damaged; load the tables again"
                )
        with _gc_paused():
            rows = tuple(row for source, data in contents for row in parse_table(data, source.display))
        if len(rows) != self._count:  # cannot happen: same bytes, same code
            raise ReferenceTableError(origin.sources[0].display, "gave different rows on a second read")
        self._reparsed = rows
        _write_cache(origin.key, rows, self._tables, self._index, self._max_tokens)
        return rows

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None


def _discard_cache_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _read_cache(key: str, sources: Sequence[_Source], digests: Sequence[bytes]) -> Reference | None:
    """The cached Reference for `key` (rows not yet read), or None when there is no
    usable cache: missing, from another version or key, truncated or damaged."""
    path = _cache_path(key)
    if not path.is_file():
        return None
    conn = None
    try:
        # mode=ro: a reader never creates, locks for writing or journals anything.
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        found = conn.execute(
            "SELECT version, key, count, max_tokens, tables, names, names_crc FROM meta"
        ).fetchall()
        if len(found) != 1:
            raise _CacheDamaged
        version, stored_key, count, max_tokens, tables_blob, names, names_crc = found[0]
        if version != CACHE_VERSION or stored_key != key:
            raise _CacheDamaged
        if type(names) is not bytes or zlib.crc32(names) != names_crc or type(tables_blob) is not bytes:
            raise _CacheDamaged
        # The rows are read later, but a missing or truncated rows table is noticed now.
        low, high = conn.execute("SELECT min(id), max(id) FROM rows").fetchone()
        if type(count) is not int or type(max_tokens) is not int:
            raise _CacheDamaged
        if (low, high) != ((0, count - 1) if count else (None, None)):
            raise _CacheDamaged
        index = marshal.loads(names)
        tables = marshal.loads(tables_blob)
        if type(index) is not dict or type(tables) is not tuple:
            raise _CacheDamaged
    except Exception:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        return None
    origin = _Origin(key, path, tuple(sources), tuple(digests))
    source = _CachedRows(conn, origin, count, tables, index, max_tokens)
    return Reference._lazy(count, tables, index, max_tokens, source)


def _write_cache(key: str, rows: Sequence[ReferenceRow], tables: tuple[str, ...],
                 index: dict[str, tuple[int, ...]], max_tokens: int) -> None:
    """Write the cache for `key`: built in a temporary file, then renamed into place,
    so a reader sees the whole file or none. Never raises."""
    tmp_name = None
    try:
        target = _cache_path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".reference-", suffix=".tmp", dir=target.parent)
        os.close(fd)
        names = marshal.dumps(index)
        conn = sqlite3.connect(tmp_name)
        try:
            # Nothing to journal or sync: an interrupted write leaves only the temp file.
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO rows(id, crc, data) VALUES (?, ?, ?)",
                ((i, zlib.crc32(data), data) for i, data in enumerate(map(_encode_row, rows))),
            )
            conn.execute(
                "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)",
                (CACHE_VERSION, key, len(rows), max_tokens, marshal.dumps(tuple(tables)), names,
                 zlib.crc32(names)),
            )
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp_name, target)
        tmp_name = None
        _prune_cache(target.parent)
    except Exception:
        # A read-only or full disk must not stop the check; the next run rebuilds.
        pass
    finally:
        if tmp_name is not None:
            _discard_cache_file(Path(tmp_name))


def _prune_cache(folder: Path) -> None:
    files = []
    for suffix in (_CACHE_SUFFIX, *_OLD_CACHE_SUFFIXES):
        for path in folder.glob(f"reference-*{suffix}"):
            with contextlib.suppress(OSError):
                files.append((path.stat().st_mtime, path))
    files.sort(reverse=True)
    for _, old in files[_CACHE_KEEP:]:
        _discard_cache_file(old)


# ---------------------------------------------------------------------------- load


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Building ~100k small objects triggers the cyclic GC dozens of times for
    nothing (none of them form cycles); pausing it roughly halves load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()



def load_reference(
    paths: Sequence[str | os.PathLike[str]] | None = None, *, use_cache: bool = True
) -> Reference:
    """Load reference tables: the bundled reference_data/ when `paths` is None,
    otherwise exactly the given CSV files and folders of CSVs, combined.

    With the cache, a table seen before is not parsed again: its name index is
    read at once and its rows when they are first asked for.

    Raises ReferenceTableError naming the file, row and column of the first problem.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path is an easy mistake; a str is a Sequence of chars
    sources = _sources(paths)
    contents = [(s, _read_bytes(s)) for s in sources]
    digests = _source_digests(contents) if use_cache else []
    key = _cache_key(digests) if use_cache else ""
    with _gc_paused():
        cached = _read_cache(key, sources, digests) if use_cache else None
        if cached is not None:
            return cached
        rows: list[ReferenceRow] = []
        for source, data in contents:
            rows.extend(parse_table(data, source.display))
        reference = Reference.from_rows(rows, tables=[s.display for s in sources])
    if use_cache:
        _write_cache(key, reference.rows, reference.tables, reference.entity_index, reference.max_name_tokens)
    return reference


def reference_from_bytes(data: bytes, name: str) -> Reference:
    """Parse one uploaded table (e.g. from the browser app) without touching disk."""
    return Reference.from_rows(parse_table(data, name), tables=[name])
