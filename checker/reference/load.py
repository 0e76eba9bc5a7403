"""Finding the reference tables and loading them, through the cache when it can.

The CLI starts on every run, so loading sticks to the standard library (no
pandas) and keeps a cache of the parsed, indexed tables keyed on the files'
contents: an unchanged bundle loads in milliseconds, and an edited file can never
be served from a stale cache because its bytes are part of the key.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.models import ReferenceRow
from checker.reference.aliases import aliases_for
from checker.reference.cache import cache_key, gc_paused, read_cache, source_digests, write_cache
from checker.reference.index import AliasFunction, Reference
from checker.reference.tables import TableSource, parse_table, read_table_bytes

DEFAULT_REFERENCE_DIR: Path = Path(__file__).resolve().parent.parent.parent / "reference_data"



def _is_table_file(p: Path) -> bool:
    return p.is_file() and p.suffix.casefold() == ".csv" and not p.name.startswith(("_", "."))


def _tables_in(folder: Path, display_prefix: str) -> list[TableSource]:
    found = sorted((p for p in folder.iterdir() if _is_table_file(p)), key=lambda p: p.name)
    return [TableSource(f"{display_prefix}/{p.name}" if display_prefix else p.name, p) for p in found]


def _sources(paths: Sequence[str | os.PathLike[str]] | None) -> list[TableSource]:
    if paths is None:
        if not DEFAULT_REFERENCE_DIR.is_dir():
            return []
        return _tables_in(DEFAULT_REFERENCE_DIR, DEFAULT_REFERENCE_DIR.name)
    sources: list[TableSource] = []
    for given in paths:
        display = os.fspath(given)
        p = Path(given)
        if p.is_dir():
            inside = _tables_in(p, display.rstrip("/\\") or display)
            if not inside:
                raise ReferenceTableError(display, "is a folder with no .csv files")
            sources.extend(inside)
        elif p.exists():
            sources.append(TableSource(display, p))
        else:
            raise ReferenceTableError(display, "no such file or folder")
    # The same file given twice (or via a folder and directly) would double its rows.
    unique: dict[Path, TableSource] = {}
    for s in sources:
        unique.setdefault(s.path.resolve(), s)
    return list(unique.values())


def load_reference(
    paths: Sequence[str | os.PathLike[str]] | None = None, *, use_cache: bool = True,
    aliases: AliasFunction | None = aliases_for,
) -> Reference:
    """Load reference tables: the bundled reference_data/ when `paths` is None,
    otherwise exactly the given CSV files and folders of CSVs, combined.

    With the cache, a table seen before is not parsed again: its name index is
    read at once and its rows when they are first asked for.

    `aliases` is the source of other names for countries and regions (see
    `Reference.from_rows`); None indexes only the names written in the tables.

    Raises ReferenceTableError naming the file, row and column of the first problem.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path is an easy mistake; a str is a Sequence of chars
    sources = _sources(paths)
    contents = [(s, read_table_bytes(s)) for s in sources]
    digests = source_digests(contents) if use_cache else []
    key = cache_key(digests, aliases) if use_cache else ""
    with gc_paused():
        # The cache is handed parse_table, looked up here, to read the tables again
        # should its file turn out damaged after the load.
        cached = read_cache(key, sources, digests, parse_table) if use_cache else None
        if cached is not None:
            return Reference._lazy(*cached)
        rows: list[ReferenceRow] = []
        for source, data in contents:
            rows.extend(parse_table(data, source.display))
        reference = Reference.from_rows(rows, tables=[s.display for s in sources], aliases=aliases)
    if use_cache:
        write_cache(key, reference.rows, reference.tables, reference.entity_index, reference.max_name_tokens,
                    reference.warnings, reference.conflicting)
    return reference


def reference_from_bytes(data: bytes, name: str, *, aliases: AliasFunction | None = aliases_for) -> Reference:
    """Parse one uploaded table (e.g. from the browser app) without touching disk."""
    return Reference.from_rows(parse_table(data, name), tables=[name], aliases=aliases)
