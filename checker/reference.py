"""Load, validate and index the curated reference tables (CSV files).

The CLI starts on every run, so this module sticks to the standard library (no
pandas) and keeps a pickle cache of the parsed, indexed tables keyed on the
files' contents: an unchanged bundle loads in milliseconds, and an edited file
can never be served from a stale cache because its bytes are part of the key.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import io
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.models import ReferenceRow

DEFAULT_REFERENCE_DIR: Path = Path(__file__).resolve().parent.parent / "reference_data"

# Bump when the pickled layout changes in a way the code fingerprint below cannot see.
CACHE_VERSION = "1"
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


@dataclass(frozen=True, eq=False)
class Reference:
    """All loaded rows plus a name index for the matcher.

    `entity_index` maps the normalised form of every entity name and alias to the
    positions of its rows in `rows`. eq=False keeps identity hashing, so a
    Reference can be a cache key (Streamlit, lru_cache) without hashing its dict.
    """

    rows: tuple[ReferenceRow, ...] = ()
    tables: tuple[str, ...] = ()
    entity_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    max_name_tokens: int = 0

    def __len__(self) -> int:
        return len(self.rows)

    def rows_for(self, name: str) -> tuple[ReferenceRow, ...]:
        """Rows whose entity or any alias normalises to the same key as `name`."""
        return tuple(self.rows[i] for i in self.entity_index.get(normalise_name(name), ()))

    @classmethod
    def from_rows(cls, rows: Iterable[ReferenceRow], tables: Sequence[str] = ()) -> Reference:
        """Index rows built elsewhere (tests, an uploaded table, another loader)."""
        rows = tuple(rows)
        index, max_tokens = _build_index(rows)
        return cls(rows=rows, tables=tuple(tables), entity_index=index, max_name_tokens=max_tokens)

    def merged(self, other: Reference) -> Reference:
        """Both references' rows; the other's indices are shifted past ours."""
        offset = len(self.rows)
        index = dict(self.entity_index)
        for key, positions in other.entity_index.items():
            shifted = tuple(i + offset for i in positions)
            index[key] = index.get(key, ()) + shifted
        return Reference(
            rows=self.rows + other.rows,
            tables=self.tables + other.tables,
            entity_index=index,
            max_name_tokens=max(self.max_name_tokens, other.max_name_tokens),
        )


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
    # one object each halves memory and the size of the pickle cache.
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
    here = Path(__file__).resolve().parent
    # aliases.py decides the automatic aliases; any aliases* data file beside it counts too.
    for path in [here / "reference.py", *sorted(here.glob("aliases*"))]:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0unreadable")
    return h.digest()


def _cache_key(contents: Sequence[tuple[_Source, bytes]]) -> str:
    h = hashlib.sha256()
    h.update(f"reference-cache-v{CACHE_VERSION}\0".encode())
    h.update(_code_fingerprint())
    for source, data in contents:
        for part in (source.display, str(source.path.resolve()), str(len(data))):
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def _cache_path(key: str) -> Path:
    return cache_dir() / f"reference-{key[:40]}.pickle"


def _read_cache(key: str) -> Reference | None:
    try:
        with open(_cache_path(key), "rb") as fh:
            payload = pickle.load(fh)
        version, stored_key, reference = payload
    except Exception:
        # Missing, truncated, corrupt or from an incompatible version: rebuild.
        return None
    if version != CACHE_VERSION or stored_key != key or not isinstance(reference, Reference):
        return None
    return reference


def _write_cache(key: str, reference: Reference) -> None:
    tmp_name = None
    try:
        target = _cache_path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".reference-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((CACHE_VERSION, key, reference), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp_name, target)
        tmp_name = None
        _prune_cache(target.parent)
    except Exception:
        # A read-only or full disk must not stop the check; the next run rebuilds.
        pass
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _prune_cache(folder: Path) -> None:
    files = sorted(folder.glob("reference-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_CACHE_KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass


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

    Raises ReferenceTableError naming the file, row and column of the first problem.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path is an easy mistake; a str is a Sequence of chars
    sources = _sources(paths)
    contents = [(s, _read_bytes(s)) for s in sources]
    key = _cache_key(contents) if use_cache else ""
    with _gc_paused():
        cached = _read_cache(key) if use_cache else None
        if cached is not None:
            return cached
        rows: list[ReferenceRow] = []
        for source, data in contents:
            rows.extend(parse_table(data, source.display))
        reference = Reference.from_rows(rows, tables=[s.display for s in sources])
    if use_cache:
        _write_cache(key, reference)
    return reference


def reference_from_bytes(data: bytes, name: str) -> Reference:
    """Parse one uploaded table (e.g. from the browser app) without touching disk."""
    return Reference.from_rows(parse_table(data, name), tables=[name])
