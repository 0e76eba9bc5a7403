"""The on-disk cache of parsed, indexed reference tables: the cache for one key is
a small SQLite file; the name index (name -> row positions), the table names and
the row count are read when the tables are loaded, and the rows themselves are
stored one per record and fetched only when `Reference.rows_for` asks for them.
The key hashes the tables' bytes and the code that parses and indexes them, so
neither an edited table nor edited code is ever answered from a stale cache, and
a damaged file makes the tables be read again. This module knows the file format,
not CSV: the loader (checker.reference.load) hands it the function that parses a table
and builds the Reference from what `read_cache` returns.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import operator
import os
import sqlite3
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.models import ReferenceRow
from checker.reference.tables import TableSource, read_table_bytes

# Bump when the cache layout changes in a way the code fingerprint below cannot see.
CACHE_VERSION = "3"
CACHE_ENV_VAR = "FACTCHECK_CACHE_DIR"
CACHE_KEEP = 8  # newest cache files kept; older ones are pruned after a write

# bytes of one table and the name to show for it -> its rows (checker.reference.tables.parse_table)
ParseFunction = Callable[[bytes, str], Sequence[ReferenceRow]]


# ----------------------------------------------------------------------------- key


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
    # The package's modules parse, index and store the tables (this file included) and
    # decide the automatic aliases; any aliases* data file beside them counts too.
    data_files = sorted(p for p in here.glob("aliases*") if p.suffix != ".py")
    # Table units are canonicalised with the extractor's unit vocabulary.
    vocabulary = here.parent / "extract" / "units.py"
    for path in [*sorted(here.glob("*.py")), *data_files, vocabulary]:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0unreadable")
    return h.digest()


def source_digests(contents: Sequence[tuple[TableSource, bytes]]) -> list[bytes]:
    """One hash per table: its names, its size and its bytes."""
    digests = []
    for source, data in contents:
        h = hashlib.sha256()
        for part in (source.display, str(source.path.resolve()), str(len(data))):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())
        digests.append(h.digest())
    return digests


def cache_key(digests: Sequence[bytes], aliases: Callable[..., object] | None = None) -> str:
    """Key of the cache for these tables indexed with this alias source (None: no aliases)."""
    h = hashlib.sha256()
    h.update(f"reference-cache-v{CACHE_VERSION}\0".encode())
    h.update(_code_fingerprint())
    source = "none" if aliases is None else f"{aliases.__module__}.{getattr(aliases, '__qualname__', repr(aliases))}"
    h.update(f"aliases {source}\0".encode())
    for digest in digests:
        h.update(digest)
    return h.hexdigest()


_CACHE_SUFFIX = ".sqlite3"
# Cache files of earlier versions; pruned with the current ones so they age out.
_OLD_CACHE_SUFFIXES = (".pickle",)


def _cache_path(key: str) -> Path:
    return cache_dir() / f"reference-{key[:40]}{_CACHE_SUFFIX}"


# ------------------------------------------------------------------------- records

# Rows are stored as marshal'd tuples of ReferenceRow's fields, in field order,
# each with a CRC32 so a damaged record is noticed rather than read as wrong data.
_ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ReferenceRow))
_row_values = operator.attrgetter(*_ROW_FIELDS)  # row -> tuple of its field values
_SQL_CHUNK = 500  # ids per SELECT ... IN (...), well under SQLite's parameter limit

_SCHEMA = (
    (
        "CREATE TABLE meta(version TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,"
        " max_tokens INTEGER NOT NULL, tables BLOB NOT NULL, names BLOB NOT NULL, names_crc INTEGER NOT NULL,"
        " warnings BLOB NOT NULL)"
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


# ------------------------------------------------------------------ rows on demand


class RowSource:
    """Where a lazily loaded Reference gets its rows from (by position)."""

    def fetch(self, ids: Sequence[int]) -> dict[int, ReferenceRow]:
        raise NotImplementedError

    def fetch_all(self) -> tuple[ReferenceRow, ...]:
        raise NotImplementedError

    def close(self) -> None:
        pass


@dataclass(frozen=True)
class _Origin:
    """What a cached Reference was loaded from, to read the tables again if its
    cache file turns out to be damaged after the load."""

    key: str
    path: Path
    sources: tuple[TableSource, ...]
    digests: tuple[bytes, ...]
    parse: ParseFunction  # the loader's parse_table, to read the tables again with


class _CachedRows(RowSource):
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
                 index: dict[str, tuple[int, ...]], max_tokens: int, warnings: tuple[str, ...] = (),
                 conflicting: frozenset[tuple[str, int]] = frozenset()) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._origin = origin
        self._count = count
        # What the cache file held besides the rows, to write it again after a reparse.
        self._tables, self._index, self._max_tokens = tables, index, max_tokens
        self._warnings, self._conflicting = warnings, conflicting
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
        with gc_paused():
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
        contents = [(s, read_table_bytes(s)) for s in origin.sources]
        for (source, _), old, new in zip(contents, origin.digests, source_digests(contents)):
            if old != new:
                raise ReferenceTableError(
                    source.display, "changed while the checker was using it, and the cache of the old"
                    " version is damaged; load the tables again"
                )
        with gc_paused():
            rows = tuple(row for source, data in contents for row in origin.parse(data, source.display))
        if len(rows) != self._count:  # cannot happen: same bytes, same code
            raise ReferenceTableError(origin.sources[0].display, "gave different rows on a second read")
        self._reparsed = rows
        write_cache(origin.key, rows, self._tables, self._index, self._max_tokens, self._warnings,
                    self._conflicting)
        return rows

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None


# ------------------------------------------------------------------ read and write

# What read_cache finds, in the order Reference._lazy takes it: the row count, the
# table names, the name index, the longest name in tokens, the rows' source, the
# tables' warnings and the (table, line) of conflicting rows.
CachedParts = tuple[int, tuple[str, ...], dict[str, tuple[int, ...]], int, _CachedRows, tuple[str, ...],
                    frozenset[tuple[str, int]]]


def _discard_cache_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def read_cache(key: str, sources: Sequence[TableSource], digests: Sequence[bytes],
                parse: ParseFunction) -> CachedParts | None:
    """The cached Reference for `key` as the arguments of `Reference._lazy` (rows not
    yet read), or None when there is no usable cache: missing, from another version
    or key, truncated or damaged. `parse` reads a table again if a row record turns
    out damaged later."""
    path = _cache_path(key)
    if not path.is_file():
        return None
    conn = None
    try:
        # mode=ro: a reader never creates, locks for writing or journals anything.
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        found = conn.execute(
            "SELECT version, key, count, max_tokens, tables, names, names_crc, warnings FROM meta"
        ).fetchall()
        if len(found) != 1:
            raise _CacheDamaged
        version, stored_key, count, max_tokens, tables_blob, names, names_crc, warnings_blob = found[0]
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
        warnings, conflicting = marshal.loads(warnings_blob)
        if type(index) is not dict or type(tables) is not tuple or type(warnings) is not tuple:
            raise _CacheDamaged
    except Exception:
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        return None
    origin = _Origin(key, path, tuple(sources), tuple(digests), parse)
    source = _CachedRows(conn, origin, count, tables, index, max_tokens, warnings, frozenset(conflicting))
    return count, tables, index, max_tokens, source, warnings, frozenset(conflicting)


def write_cache(key: str, rows: Sequence[ReferenceRow], tables: tuple[str, ...],
                 index: dict[str, tuple[int, ...]], max_tokens: int, warnings: tuple[str, ...] = (),
                 conflicting: frozenset[tuple[str, int]] = frozenset()) -> None:
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
                "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (CACHE_VERSION, key, len(rows), max_tokens, marshal.dumps(tuple(tables)), names,
                 zlib.crc32(names), marshal.dumps((tuple(warnings), tuple(sorted(conflicting))))),
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
    for _, old in files[CACHE_KEEP:]:
        _discard_cache_file(old)


# ------------------------------------------------------------------------------ gc


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Building ~100k small objects triggers the cyclic GC dozens of times for
    nothing (none of them form cycles); pausing it roughly halves load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

