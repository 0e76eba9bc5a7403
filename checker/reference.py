"""Load, validate and index the curated reference tables (CSV files).

The CLI starts on every run, so this module sticks to the standard library (no
pandas) and keeps a cache of the parsed, indexed tables keyed on the files'
contents: an unchanged bundle loads in milliseconds, and an edited file can never
be served from a stale cache because its bytes are part of the key.

A Reference loaded from the cache has its name index (name -> row positions), the
table names and the row count at once; the rows themselves are fetched only when
`Reference.rows_for` asks for them. Checking an article needs the rows of the
few entities it names, so loading costs O(names), not O(rows).

This module is the public face: the Reference and its name index, finding the
tables and loading them. Reading and validating one CSV table lives in
checker.reference_tables, the cache file (key, format, read, write, pruning) in
checker.reference_cache; the names other code imports from here are re-exported.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.models import ReferenceRow
from checker.reference_cache import (
    _CACHE_KEEP,
    CACHE_ENV_VAR,
    CACHE_VERSION,
    _cache_key,
    _CachedRows,
    _gc_paused,
    _read_cache,
    _RowSource,
    _source_digests,
    _write_cache,
    cache_dir,
)
from checker.reference_tables import (
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    _read_bytes,
    _Source,
    decode_table,
    parse_number,
    parse_table,
)

# The public face, including what moved to checker.reference_tables and
# checker.reference_cache but is still imported from here (the tests reach
# _CACHE_KEEP and _CachedRows through this module too).
__all__ = [
    "CACHE_ENV_VAR",
    "CACHE_VERSION",
    "DEFAULT_REFERENCE_DIR",
    "ENTITY_TYPE_COLUMN",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "_CACHE_KEEP",
    "AliasFunction",
    "Reference",
    "_CachedRows",
    "cache_dir",
    "decode_table",
    "load_reference",
    "normalise_name",
    "parse_number",
    "parse_table",
    "reference_from_bytes",
]

DEFAULT_REFERENCE_DIR: Path = Path(__file__).resolve().parent.parent / "reference_data"

# entity_type is understood (it decides whether checker.aliases is asked for
# alternative names) but ReferenceRow has no field for it, so it is kept in
# `extra` like any other curator column.
ENTITY_TYPE_COLUMN = "entity_type"
_AUTO_ALIAS_TYPES = frozenset({"", "country", "region"})


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


# ------------------------------------------------------------------------- finding


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


# ---------------------------------------------------------------------------- load


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
        # The cache is handed parse_table, looked up here, to read the tables again
        # should its file turn out damaged after the load.
        cached = _read_cache(key, sources, digests, parse_table) if use_cache else None
        if cached is not None:
            return Reference._lazy(*cached)
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
