"""Reading and validating one reference table, a CSV file's bytes -> ReferenceRows:
decoding (checker.io's decoder), the header (required, optional,
reserved and curator columns), each record and its numbers. Any problem raises
ReferenceTableError naming the file, row and column, with rows numbered as a
spreadsheet shows them. Also the table file itself (`TableSource`) and reading its
bytes, which refuses spreadsheet workbooks. Standard library only, as the CLI
pays for every import on each run; checker.reference finds, loads and indexes
the tables, and checker.reference.cache keeps them parsed between runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checker.errors import ReferenceTableError
from checker.extract.units import CURRENCY_CODES, CURRENCY_WORDS, UNITS, dimension_of, lookup_unit
from checker.io import MAX_TABLE_BYTES, UndecodableText, decode_bytes, read_bounded
from checker.models import ReferenceRow

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
# ReferenceRow.as_dict() writes these itself; an extra column with the same name
# would silently overwrite them in every report.
_RESERVED_COLUMNS = frozenset({"table", "line"})
_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers"})


def decode_table(data: bytes, path: str) -> str:
    """Bytes of a CSV file -> text, with the same decoder as articles (checker.io)."""
    try:
        return decode_bytes(data)
    except UndecodableText as exc:
        problem = str(exc).split(";")[0]  # the decoder's advice is for articles
        raise ReferenceTableError(path, f"{problem}; save it as 'CSV UTF-8'") from None


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
            delimiter = _other_delimiter(header)
            if delimiter:
                raise ReferenceTableError(path, f"uses {delimiter} between columns; save it with commas "
                                                "(in a spreadsheet: CSV UTF-8)", line)
            raise ReferenceTableError(path, f"required column '{required}' is missing", line, required)
    width = len(header)
    for optional in OPTIONAL_COLUMNS:
        known.setdefault(optional, width)
    return _Layout(pos=known, extras=tuple(extras), width=width)


# ------------------------------------------------------------------------- units

# Units a table may use that are not in the extractor's unit vocabulary by these names.
_OWN_UNITS = frozenset({"year", "fraction", "times", "count", "percent", "percentage points"})
# A counted noun: one or more plain lower-case words ("people", "troops", "polling stations"),
# the first possibly capitalised ("Ukrainians").
_COUNTED_NOUN = re.compile(r"[A-Za-z][a-z]+(?:[ -][a-z]+)*")
# A noun this close (rapidfuzz ratio, 0-100) to a unit's spelling is taken for a misspelt
# unit ("hectars", "squre km"), not a counted noun; "camps" (amps) and "votes" (volts) are nouns.
_MISSPELT_UNIT = 90


def canonical_unit(raw: str, path: str, line: int) -> str:
    """The unit of a table row in the canonical spelling the extractor gives claims
    ("sq km" -> "km2", "dollars" -> "USD"), a counted noun as written ("troops"), or a
    ReferenceTableError listing the nearest known units for a unit we do not know."""
    canonical, nearest = _resolve_unit(raw)
    if canonical:
        return canonical
    raise ReferenceTableError(path, f"unknown unit '{raw}'; the nearest known units are {', '.join(nearest)} "
                                    "(a counted thing is a plain plural noun, e.g. people)", line, "unit")


@lru_cache(maxsize=4096)
def _resolve_unit(raw: str) -> tuple[str, tuple[str, ...]]:
    """(canonical unit, ()) or ("", nearest known units)."""
    if raw in _OWN_UNITS or raw in CURRENCY_CODES:
        return raw, ()
    words = raw.split()
    found = lookup_unit(words)
    if found is not None and found[1] == len(words):
        return found[0].canonical, ()
    if raw.casefold() in CURRENCY_WORDS:
        return CURRENCY_WORDS[raw.casefold()], ()
    if raw.upper() in CURRENCY_CODES:
        return raw.upper(), ()
    if raw.count("/") == 1:  # a rate: "USD/barrel", "USD/day", as the extractor writes them
        base, per = (_resolve_unit(part.strip())[0] for part in raw.split("/"))
        if base and per:
            if dimension_of(per) == "time":
                per = "century" if per == "centuries" else per.rstrip("s")  # "USD/day"
            return f"{base}/{per}", ()
    spellings = _unit_spellings()
    if _COUNTED_NOUN.fullmatch(raw):
        from rapidfuzz import fuzz, process  # only for nouns the vocabulary does not know

        if process.extractOne(raw.casefold(), list(spellings), scorer=fuzz.ratio,
                              score_cutoff=_MISSPELT_UNIT) is None:
            return raw, ()
    return "", _nearest_units(raw, spellings)


@lru_cache(maxsize=1)
def _unit_spellings() -> dict[str, str]:
    """Every spelling of a known unit of four or more characters -> its canonical name."""
    spellings = {surface.casefold(): info.canonical for surface, info in UNITS.items() if len(surface) >= 4}
    spellings.update({word: code for word, code in CURRENCY_WORDS.items() if len(word) >= 4})
    return spellings


def _nearest_units(raw: str, spellings: dict[str, str]) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process

    choices = {**spellings, **{info.canonical.casefold(): info.canonical for info in UNITS.values()},
               **{code.casefold(): code for code in CURRENCY_CODES}}
    nearest: list[str] = []
    for key, _, _ in process.extract(raw.casefold(), list(choices), scorer=fuzz.ratio, limit=20):
        canonical = choices[key]
        if canonical not in nearest:
            nearest.append(canonical)
    return tuple(nearest[:3])


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _is_date(text: str) -> bool:
    """A date, a year-month or a year: 2022-02-24, 2026-02, 2025 (and a real one: not 2031-02-30)."""
    m = _DATE.fullmatch(text)
    if m is None:
        return False
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_DELIMITERS = {";": "';'", "\t": "tabs", "|": "'|'"}


def _other_delimiter(header: list[str]) -> str:
    """How the header's columns are separated, if not by commas: "';'" or "tabs", else ""."""
    line = ",".join(header)
    for char, name in _DELIMITERS.items():
        names = {_column_key(cell) for cell in line.split(char)}
        if sum(column in names for column in REQUIRED_COLUMNS) >= 2:
            return name
    return ""


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

    unit = canonical_unit(cells[p["unit"]], path, line)
    value = _number_cell(cells[p["value"]], "value", path, line)
    low = _number_cell(cells[p["value_low"]], "value_low", path, line)
    high = _number_cell(cells[p["value_high"]], "value_high", path, line)
    _check_values(value, low, high, path, line)
    if dimension_of(unit).startswith("count"):
        for column, number in (("value", value), ("value_low", low), ("value_high", high)):
            if number is not None and number < 0:
                raise ReferenceTableError(path, f"{number:g} {unit} is negative; a count cannot be below zero",
                                          line, column)
    as_of = cells[p["as_of"]]
    if as_of and not _is_date(as_of):
        raise ReferenceTableError(path, f"'{as_of}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY", line, "as_of")

    aliases = cells[p["aliases"]]
    metric_aliases = cells[p["metric_aliases"]]
    return ReferenceRow(
        entity=cells[p["entity"]],
        metric=cells[p["metric"]],
        value=value,
        unit=unit,
        source=cells[p["source"]],
        as_of=as_of,
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



# --------------------------------------------------------------------------- files


@dataclass(frozen=True)
class TableSource:
    display: str  # name shown in reports and errors
    path: Path



def read_table_bytes(source: TableSource) -> bytes:
    if source.path.suffix.casefold() in _WORKBOOK_SUFFIXES:
        raise ReferenceTableError(source.display, "is a spreadsheet workbook; export it as 'CSV UTF-8'")
    try:
        with open(source.path, "rb") as fh:
            data = read_bounded(fh, MAX_TABLE_BYTES)
    except OSError as exc:
        raise ReferenceTableError(source.display, f"cannot be read ({exc.strerror or exc})") from None
    if data is None:
        raise ReferenceTableError(source.display, f"is larger than {MAX_TABLE_BYTES // 1_000_000} MB "
                                                  "(reading stopped there); split the table into several files")
    return data
