"""The loaded reference: every row plus the name index the matcher looks names up in.

A Reference read from the cache has its name index (name -> row positions), the
table names and the row count at once; the rows themselves are fetched only when
`Reference.rows_for` asks for them. Checking an article needs the rows of the
few entities it names, so loading costs O(names), not O(rows).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from checker.models import ReferenceRow
from checker.reference.aliases import aliases_for
from checker.reference.cache import RowSource
from checker.reference.names import normalise_name

# (entity, entity_type) -> other names for it.
AliasFunction = Callable[[str, str], tuple[str, ...]]

# entity_type is understood (it decides whether the alias source is asked for
# alternative names) but ReferenceRow has no field for it, so it is kept in
# `extra` like any other curator column.
ENTITY_TYPE_COLUMN = "entity_type"
_AUTO_ALIAS_TYPES = frozenset({"", "country", "region"})



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

    _rows: tuple[ReferenceRow, ...] | None

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
              max_tokens: int, source: RowSource | None = None) -> None:
        self._rows = None
        self._tables = tables
        self._index = index
        self._max_tokens = max_tokens
        self._count = count
        self._source = source
        self._memo: dict[int, ReferenceRow] = {}
        self._lock = threading.Lock()

    @classmethod
    def _lazy(cls, count: int, tables: tuple[str, ...], index: dict[str, tuple[int, ...]], max_tokens: int,
              source: RowSource) -> Reference:
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
    def from_rows(cls, rows: Iterable[ReferenceRow], tables: Sequence[str] = (), *,
                  aliases: AliasFunction | None = aliases_for) -> Reference:
        """Index rows built elsewhere (tests, an uploaded table, another loader).

        `aliases` gives other names for a country or region (the newsroom list,
        pycountry, ISO 3166-2 by default); None indexes only the names in the rows."""
        rows = tuple(rows)
        index, max_tokens = _build_index(rows, aliases)
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


class _MergedRows(RowSource):
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


def _entity_type(row: ReferenceRow) -> str:
    for name, text in row.extra:
        if name.casefold() == ENTITY_TYPE_COLUMN:
            return text.casefold()
    return ""


DEMONYMS_COLUMN = "demonyms"


def demonyms_of(row: ReferenceRow) -> tuple[str, ...]:
    """The names of the place's people, from an optional `demonyms` column ("Samoan|Samoans")."""
    for name, text in row.extra:
        if name == DEMONYMS_COLUMN:
            return tuple(d.strip() for d in text.split("|") if d.strip())
    return ()


def _build_index(rows: Sequence[ReferenceRow], auto: AliasFunction | None
                 ) -> tuple[dict[str, tuple[int, ...]], int]:
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
        # The names of a place's people ("Samoans") point at it too; the matcher
        # knows them for what they are (see demonyms_of).
        names.extend(demonyms_of(row))
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
