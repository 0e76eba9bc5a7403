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

    __slots__ = ("__weakref__", "_by_name", "_conflicting", "_count", "_index", "_lock", "_max_tokens", "_memo",
                 "_rows", "_source", "_tables", "_warnings")

    def __init__(
        self,
        rows: Iterable[ReferenceRow] = (),
        tables: Sequence[str] = (),
        entity_index: dict[str, tuple[int, ...]] | None = None,
        max_name_tokens: int = 0,
        warnings: Sequence[str] = (),
        conflicting: Iterable[tuple[str, int]] = (),
    ) -> None:
        rows = tuple(rows)
        self._init(len(rows), tuple(tables), {} if entity_index is None else entity_index, max_name_tokens,
                   None, tuple(warnings), frozenset(conflicting))
        self._rows = rows

    def _init(self, count: int, tables: tuple[str, ...], index: dict[str, tuple[int, ...]],
              max_tokens: int, source: RowSource | None = None, warnings: tuple[str, ...] = (),
              conflicting: frozenset[tuple[str, int]] = frozenset()) -> None:
        self._rows = None
        self._tables = tables
        self._index = index
        self._max_tokens = max_tokens
        self._count = count
        self._source = source
        self._warnings = warnings
        self._conflicting = conflicting
        self._memo: dict[int, ReferenceRow] = {}
        # The rows of each name asked for: the matcher asks for the same few places again
        # and again, one call per claim and per sentence.
        self._by_name: dict[str, tuple[ReferenceRow, ...]] = {}
        self._lock = threading.Lock()

    @classmethod
    def _lazy(cls, count: int, tables: tuple[str, ...], index: dict[str, tuple[int, ...]], max_tokens: int,
              source: RowSource, warnings: Sequence[str] = (),
              conflicting: Iterable[tuple[str, int]] = ()) -> Reference:
        """A Reference whose rows come from `source` when first asked for."""
        ref = cls.__new__(cls)
        ref._init(count, tables, index, max_tokens, source, tuple(warnings), frozenset(conflicting))
        return ref

    @property
    def warnings(self) -> tuple[str, ...]:
        """Problems in the tables that do not stop them being used, one line each: two rows
        that disagree about the same entity, metric and date (see `conflicting`)."""
        return self._warnings

    def warning_lines(self, limit: int = 20) -> list[str]:
        """The warnings to show a user, at most `limit` of them and a line saying how many more."""
        lines = list(self._warnings[:limit])
        if len(self._warnings) > limit:
            lines.append(f"... and {len(self._warnings) - limit} more rows that disagree with another row")
        return lines

    @property
    def conflicting(self) -> frozenset[tuple[str, int]]:
        """(table, line) of every row that disagrees with another row about the same entity,
        metric, unit, claimant, as_of and extra columns. Both rows are kept; `row_conflicts` finds a row's
        rivals."""
        return self._conflicting

    def row_conflicts(self, row: ReferenceRow) -> tuple[ReferenceRow, ...]:
        """The other rows that give a different figure for what `row` gives (same entity,
        metric, unit, claimant, as_of and extra columns): empty unless `row` is in `conflicting`."""
        if (row.table, row.line) not in self._conflicting:
            return ()
        key = conflict_key(row)
        return tuple(other for other in self.rows_for(row.entity)
                     if other is not row and conflict_key(other) == key and _figure(other) != _figure(row))

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
        return (Reference, (self.rows, self._tables, self._index, self._max_tokens, self._warnings,
                            self._conflicting))

    def rows_for(self, name: str) -> tuple[ReferenceRow, ...]:
        """Rows whose entity or any alias normalises to the same key as `name`."""
        rows = self._by_name.get(name)
        if rows is None:
            ids = self._index.get(normalise_name(name))
            rows = self._rows_at(ids) if ids else ()
            if len(self._by_name) > 4096:
                self._by_name.clear()
            self._by_name[name] = rows
        return rows

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
        warnings, conflicting = find_conflicts(rows)
        return cls(rows=rows, tables=tuple(tables), entity_index=index, max_name_tokens=max_tokens,
                   warnings=warnings, conflicting=conflicting)

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
        # Rows of one side that disagree with the other's: the side already in memory (an upload)
        # is read whole, of the other only the rows named like its entities.
        small, big = (other, self) if other._rows is not None or self._rows is None else (self, other)
        near = {id(row): row for mine in small.rows for row in big.rows_for(mine.entity)}
        cross_warnings, cross = find_conflicts(tuple(near.values()) + small.rows, since=len(near))
        warnings = self._warnings + other._warnings + cross_warnings
        conflicting = self._conflicting | other._conflicting | cross
        if self._rows is not None and other._rows is not None:
            return Reference(rows=self._rows + other._rows, tables=tables, entity_index=index,
                             max_name_tokens=max_tokens, warnings=warnings, conflicting=conflicting)
        return Reference._lazy(offset + len(other), tables, index, max_tokens, _MergedRows(self, other),
                               warnings, conflicting)


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


# ------------------------------------------------------------------ conflicting rows


ConflictKey = tuple[str, str, str, str, str, tuple[tuple[str, str], ...]]


def conflict_key(row: ReferenceRow) -> ConflictKey:
    """What two rows must share to be about the same figure: entity, metric, unit, claimant,
    as_of, and any extra columns (a country code, a GeoNames id: two towns of one name)."""
    return (normalise_name(row.entity), " ".join(row.metric.casefold().split()), row.unit,
            row.claimant.casefold().strip(), row.as_of, row.extra)


def _figure(row: ReferenceRow) -> tuple[float | None, float | None, float | None]:
    return row.value, row.value_low, row.value_high


def _figure_text(row: ReferenceRow) -> str:
    if row.value is not None:
        return f"{row.value:,.10g}"
    return f"{row.value_low:,.10g}–{row.value_high:,.10g}"


def _where(row: ReferenceRow, other: ReferenceRow) -> str:
    if row.table == other.table:
        return f"{row.table}, rows {row.line} and {other.line}"
    return f"{row.table}, row {row.line} and {other.table}, row {other.line}"


def find_conflicts(rows: Sequence[ReferenceRow], since: int = 0
                   ) -> tuple[tuple[str, ...], frozenset[tuple[str, int]]]:
    """Rows that give different figures for the same entity, metric, unit, claimant and
    as_of: one warning line per pair (the first such row against each that differs) and
    the (table, line) of every row involved. With `since`, only pairs that involve a row
    at or after that position count (rows added to a reference already checked)."""
    groups: dict[ConflictKey, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(conflict_key(row), []).append(i)
    warnings: list[str] = []
    conflicting: set[tuple[str, int]] = set()
    for positions in groups.values():
        if len(positions) < 2:
            continue
        # Each figure that differs from the group's first row is reported once, against it.
        first = rows[positions[0]]
        seen = {_figure(first)}
        for j in positions[1:]:
            other = rows[j]
            if _figure(other) in seen:
                continue
            seen.add(_figure(other))
            if since and not positions[0] < since <= j:
                continue  # a pair within one side was reported when that side was loaded
            as_of = f" as of {first.as_of}" if first.as_of else " (no as_of)"
            warnings.append(
                f"{_where(first, other)} disagree: {first.entity}, {first.metric}{as_of} is "
                f"{_figure_text(first)} {first.unit} in one and {_figure_text(other)} in the other; "
                "both rows are kept, correct or date one of them")
            conflicting.update({(first.table, first.line), (other.table, other.line)})
    return tuple(warnings), frozenset(conflicting)
