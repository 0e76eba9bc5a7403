"""Reference-table loading: validation errors, encodings, the name index and the cache."""

from __future__ import annotations

import functools
import os
import pickle
import random
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import reference as refmod
from checker.errors import ReferenceTableError
from checker.models import ReferenceRow
from checker.reference import Reference, load_reference, normalise_name, parse_number
from checker.reference import cache as cachemod
from checker.reference import load as loadmod

TABLES = Path(__file__).parent / "data" / "tables"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty cache dir, so tests never see each other's
    (or the user's) cached tables."""
    cache = tmp_path / "cache"
    monkeypatch.setenv(refmod.CACHE_ENV_VAR, str(cache))
    return cache


# Loaders without the automatic alias source, so results depend only on the table.
load_plain = functools.partial(load_reference, aliases=None)
from_rows_plain = functools.partial(Reference.from_rows, aliases=None)


def load_one_plain(name: str) -> Reference:
    return load_plain([TABLES / name])


@pytest.fixture
def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = loadmod.parse_table

    def counting(data: bytes, path: str) -> list[ReferenceRow]:
        calls.append(path)
        return real(data, path)

    monkeypatch.setattr(loadmod, "parse_table", counting)
    return calls


def load_one(name: str) -> Reference:
    return load_reference([TABLES / name])


# ---------------------------------------------------------------- normalise_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The United Kingdom", "united kingdom"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Cote d'Ivoire", "cote d ivoire"),
        ("Donetsk Oblast", "donetsk oblast"),
        ("Guinea-Bissau", "guinea bissau"),
        ("  São   Tomé  ", "sao tome"),
        ("U.S.", "u s"),
        ("Theodore", "theodore"),  # only the word "the" is dropped
        ("the the Netherlands", "netherlands"),
        ("İstanbul", "istanbul"),
        ("Zürich", "zurich"),
        ("", ""),
    ],
)
def test_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


@given(st.text(max_size=40))
def test_normalise_name_is_idempotent(s: str) -> None:
    # A matcher may normalise text that is already normalised; that must be a no-op.
    once = normalise_name(s)
    assert normalise_name(once) == once
    assert once == once.strip() and "  " not in once


# ------------------------------------------------------------------ parse_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("603550", 603550.0),
        ("603,550", 603550.0),
        ("1,234.5", 1234.5),
        (" 1 234 ", 1234.0),
        ("1\u00a0234", 1234.0),
        ("-3.5", -3.5),
        ("\u22123.5", -3.5),
        ("2.5e6", 2.5e6),
        ("2,5", None),  # European decimal comma: ambiguous, rejected
        ("1,23,456", None),
        ("lots", None),
        ("nan", None),
        ("inf", None),
        ("12%", None),
        ("$5", None),
        ("-", None),
    ],
)
def test_parse_number(raw: str, expected: float | None) -> None:
    assert parse_number(raw) == expected


# ----------------------------------------------------------------- good tables


def test_good_table() -> None:
    ref = load_one_plain("good.csv")
    assert len(ref.rows) == 6
    ukraine = ref.rows_for("Ukraine")[0]
    assert ukraine.value == 603550.0
    assert ukraine.unit == "km2"
    assert ukraine.source == "CIA World Factbook"
    assert ukraine.as_of == "2024"
    assert ukraine.source_url.startswith("https://www.cia.gov/")
    assert ukraine.metric_aliases == ("size", "territory")
    assert ukraine.line == 2  # first data row, as a spreadsheet numbers it
    assert ukraine.table.endswith("good.csv")
    assert ref.tables == (str(TABLES / "good.csv"),)
    russia = ref.rows_for("Russian Federation")[0]
    assert russia.claimant == "Ukraine's General Staff"
    assert russia.notes == "a claim"
    assert russia.line == 7


def test_aliases_are_indexed() -> None:
    ref = load_one_plain("good.csv")
    for name in ("UK", "Britain", "the United Kingdom", "great britain"):
        assert [r.entity for r in ref.rows_for(name)] == ["United Kingdom"], name
    assert ref.rows_for("Ivory Coast")[0].entity == "Côte d’Ivoire"
    assert ref.rows_for("cote d'ivoire")[0].entity == "Côte d’Ivoire"
    assert ref.rows_for("Kharkov")[0].entity == "Kharkiv"
    assert ref.rows_for("Atlantis") == ()
    assert "donetsk region" in ref.entity_index
    assert ref.max_name_tokens == 3  # "cote d ivoire"


def test_entity_type_is_kept_as_extra() -> None:
    row = load_one_plain("good.csv").rows_for("Kharkiv")[0]
    assert row.extra == (("entity_type", "city"),)
    assert row.as_dict()["entity_type"] == "city"


def test_extra_columns_kept_in_order() -> None:
    row = load_one("extra_columns.csv").rows[0]
    # Headers are matched case-insensitively, "Source URL" is the source_url column.
    assert row.entity == "Poland" and row.source_url == "https://stat.gov.pl"
    assert row.extra == (("Checked by", "Anna"), ("Confidence", "high"))


def test_bom_is_stripped() -> None:
    row = load_one("bom.csv").rows[0]
    assert row.entity == "São Tomé and Príncipe"  # not "\ufeffentity" as a header


def test_utf16_table_with_bom_is_read_like_an_article() -> None:
    # One decoder (checker.io) for articles and tables: what the CLI reads, the tables read.
    row = load_one("utf16.csv").rows[0]
    assert (row.entity, row.metric, row.value, row.unit, row.source) == ("X", "population", 1.0, "people", "x")


def test_cp1252_table_committed() -> None:
    row = load_one("cp1252.csv").rows[0]
    assert row.entity == "Curaçao"
    assert row.notes == "“approx”"


def test_cp1252_written_by_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = "entity,metric,value,unit,source\r\nRéunion,population,\"896,175\",people,Insee\r\n"
    path.write_bytes(text.encode("cp1252"))
    row = load_reference([path]).rows[0]
    assert (row.entity, row.value) == ("Réunion", 896175.0)


def test_range_row_with_empty_value() -> None:
    ref = load_one("range_no_value.csv")
    sudan = ref.rows_for("Sudan")[0]
    assert sudan.value is None
    assert (sudan.value_low, sudan.value_high) == (8_000_000.0, 9_000_000.0)
    assert (sudan.low, sudan.high) == (8_000_000.0, 9_000_000.0)
    assert ref.rows_for("Russia")[0].claimant == "UK Ministry of Defence"


def test_blank_records_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("entity,metric,value,unit,source\n\nFrance,population,1,people,x\n,,,,\nSpain,area,2,km2,y\n")
    assert [r.line for r in load_reference([path]).rows] == [3, 5]


def test_quoted_multiline_cell(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('entity,metric,value,unit,source,notes\nFrance,population,1,people,x,"two\nlines"\n')
    assert load_reference([path]).rows[0].notes == "two\nlines"


# ---------------------------------------------------------------- bad tables


@pytest.mark.parametrize(
    ("name", "row", "column", "fragment"),
    [
        ("empty.csv", None, None, "no rows"),
        ("blank_lines.csv", None, None, "no rows"),
        ("header_only.csv", None, None, "no rows"),
        ("missing_column.csv", 1, "unit", "required column 'unit' is missing"),
        ("bad_value.csv", 3, "value", "'lots' is not a number"),
        ("european_decimal.csv", 2, "value", "'2,5' is not a number"),
        ("nan_value.csv", 2, "value", "not a number"),
        ("low_gt_high.csv", 2, "value_low", "greater than value_high"),
        ("value_outside_range.csv", 2, "value", "outside"),
        ("range_half.csv", 2, "value", "value is empty"),
        ("empty_entity.csv", 4, "entity", "entity is empty"),
        ("empty_unit.csv", 2, "unit", "unit is empty"),
        ("empty_source.csv", 2, "source", "source is empty"),
        ("duplicate_column.csv", 1, "Value", "appears twice"),
        ("reserved_column.csv", 1, "line", "reserved"),
        ("too_many_cells.csv", 2, None, "cells"),
        ("binary.csv", None, None, "binary"),
        ("not_text.csv", None, None, "neither UTF-8 nor Windows-1252"),
        ("workbook.xlsx", None, None, "CSV"),
    ],
)
def test_bad_table_names_file_row_and_column(name: str, row: int | None, column: str | None, fragment: str) -> None:
    with pytest.raises(ReferenceTableError) as info:
        load_one(name)
    err = info.value
    message = str(err)
    assert name in message
    assert (err.row, err.column) == (row, column)
    assert fragment in message
    assert "\n" not in message  # one line the CLI can print as it is


def test_bad_value_message_wording() -> None:
    with pytest.raises(ReferenceTableError) as info:
        load_one("bad_value.csv")
    message = str(info.value)
    assert "bad_value.csv" in message and "row 3" in message and "column 'value'" in message


@pytest.mark.parametrize("missing", ["nope.csv", "no_such_folder"])
def test_missing_path(missing: str) -> None:
    with pytest.raises(ReferenceTableError, match="no such file or folder"):
        load_reference([TABLES / missing])


def test_folder_without_tables(tmp_path: Path) -> None:
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(ReferenceTableError, match="no .csv files"):
        load_reference([tmp_path / "empty_dir"])


# ------------------------------------------------------------- several tables


def test_folder_loads_csvs_sorted_and_skips_drafts() -> None:
    ref = load_plain([TABLES / "bundle"])
    assert [Path(t).name for t in ref.tables] == ["cities.csv", "countries.csv"]
    assert [r.entity for r in ref.rows] == ["Paris", "France", "Germany"]
    assert ref.rows_for("city of light")[0].entity == "Paris"


def test_several_paths_are_combined() -> None:
    ref = load_plain([TABLES / "good.csv", TABLES / "bundle", TABLES / "bom.csv"])
    assert len(ref.rows) == 6 + 3 + 1
    assert len(ref.tables) == 4
    for i, row in enumerate(ref.rows):  # every index entry points at its own row
        assert i in ref.entity_index[normalise_name(row.entity)]
    assert ref.rows_for("Germany")[0].source == "Destatis"
    assert ref.rows_for("Sao Tome and Principe")[0].value == 227380.0


def test_same_file_twice_is_loaded_once() -> None:
    ref = load_reference([TABLES / "bom.csv", TABLES / "bom.csv", TABLES / ".." / "tables" / "bom.csv"])
    assert len(ref.rows) == 1


def test_a_single_path_string_is_accepted() -> None:
    assert len(load_reference(str(TABLES / "bom.csv"))) == 1  # type: ignore[arg-type]


def test_merged_shifts_indices() -> None:
    a = load_one_plain("good.csv")
    b = load_plain([TABLES / "bundle"])
    both = a.merged(b)
    assert both.rows == a.rows + b.rows
    assert both.tables == a.tables + b.tables
    assert both.rows_for("Paris") == b.rows_for("Paris")
    assert both.rows_for("UK") == a.rows_for("UK")
    assert both.max_name_tokens == max(a.max_name_tokens, b.max_name_tokens)


def test_from_rows_indexes_hand_built_rows() -> None:
    rows = [
        ReferenceRow("Kyiv", "population", 2_950_000.0, "people", "UN", aliases=("Kiev",)),
        ReferenceRow("Kyiv", "area", 839.0, "km2", "UN"),
    ]
    ref = from_rows_plain(rows)
    assert ref.rows_for("Kiev") == (rows[0],)
    assert ref.rows_for("kyiv") == tuple(rows)


def test_default_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "reference_data"
    shutil.copytree(TABLES / "bundle", bundled)
    monkeypatch.setattr(loadmod, "DEFAULT_REFERENCE_DIR", bundled)
    ref = load_reference()
    assert ref.tables == ("reference_data/cities.csv", "reference_data/countries.csv")
    assert len(ref.rows) == 3


def test_default_dir_missing_gives_empty_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadmod, "DEFAULT_REFERENCE_DIR", tmp_path / "nothing_here")
    ref = load_reference()
    assert ref.rows == () and ref.rows_for("France") == ()


def test_default_dir_path_is_repo_reference_data() -> None:
    assert refmod.DEFAULT_REFERENCE_DIR == Path(__file__).resolve().parent.parent / "reference_data"


# -------------------------------------------------------------- automatic aliases


def test_aliases_for_called_once_per_country_or_region() -> None:
    calls: list[tuple[str, str]] = []

    def aliases_for(entity: str, entity_type: str) -> tuple[str, ...]:
        calls.append((entity, entity_type))
        return {"France": ("French Republic",), "Germany": ("Deutschland", "FRG")}.get(entity, ())

    ref = load_reference([TABLES / "bundle", TABLES / "good.csv"], aliases=aliases_for)
    assert sorted(calls) == sorted(set(calls))  # once per pair
    called = {entity for entity, _ in calls}
    assert {"France", "Germany", "Ukraine", "Donetsk Oblast"} <= called
    assert "Paris" not in called and "Kharkiv" not in called  # cities never expanded
    assert ref.rows_for("French Republic")[0].entity == "France"
    assert ref.rows_for("deutschland")[0].entity == "Germany"


def test_entity_type_empty_also_gets_aliases(tmp_path: Path) -> None:
    def aliases_for(entity: str, entity_type: str) -> tuple[str, ...]:
        assert entity_type == ""  # no entity_type column: passed as empty, not skipped
        return ("Hellas",) if entity == "Greece" else ()

    path = tmp_path / "t.csv"
    path.write_text("entity,metric,value,unit,source\nGreece,population,10400000,people,ELSTAT\n")
    assert load_reference([path], aliases=aliases_for).rows_for("Hellas")[0].entity == "Greece"


def test_loads_without_alias_module() -> None:
    assert len(load_one_plain("good.csv")) == 6


# ------------------------------------------------------------------------ cache

SEVERAL = [TABLES / "good.csv", TABLES / "bundle", TABLES / "range_no_value.csv", TABLES / "extra_columns.csv"]


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("reference-*.sqlite3"))


def only_cache_file(cache: Path) -> Path:
    files = cache_files(cache)
    assert len(files) == 1, files
    return files[0]


def edit_cache(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def assert_same_reference(got: Reference, expected: Reference) -> None:
    """Same rows, index and tables, row by row through rows_for and as a whole."""
    assert got.entity_index == expected.entity_index
    for name in expected.entity_index:
        assert got.rows_for(name) == expected.rows_for(name), name
    assert got.rows == expected.rows
    assert len(got) == len(expected)
    assert got.tables == expected.tables
    assert got.max_name_tokens == expected.max_name_tokens


@pytest.fixture
def fetched_ids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every row position read from a cache file, one entry per read."""
    ids: list[int] = []
    real = cachemod._CachedRows._select

    def recording(self: cachemod._CachedRows, wanted: list[int]) -> dict[int, ReferenceRow]:
        ids.extend(wanted)
        return real(self, wanted)

    monkeypatch.setattr(cachemod._CachedRows, "_select", recording)
    return ids


def test_second_load_hits_cache(count_parses: list[str], private_cache: Path) -> None:
    first = load_one("good.csv")
    assert len(count_parses) == 1
    only_cache_file(private_cache)
    second = load_one("good.csv")
    assert len(count_parses) == 1
    assert_same_reference(second, first)


def test_cached_rows_equal_parsed_rows(count_parses: list[str]) -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    load_reference(SEVERAL)  # builds the cache
    parses = len(count_parses)
    cached = load_reference(SEVERAL)
    assert len(count_parses) == parses
    assert_same_reference(cached, parsed)
    assert [type(r) for r in cached.rows] == [ReferenceRow] * len(parsed)


def test_cached_reference_reads_only_the_rows_asked_for(fetched_ids: list[int]) -> None:
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    assert len(ref) == 12
    assert fetched_ids == []  # loading read the index, no row
    paris = ref.rows_for("Paris")
    assert sorted(fetched_ids) == sorted(ref.entity_index["paris"])
    assert ref.rows_for("city of light") == paris
    assert ref.rows_for("Atlantis") == ()
    assert len(fetched_ids) == len(paris)  # fetched rows are kept, not read again


def test_rows_of_a_cached_reference_are_complete_and_in_order(fetched_ids: list[int]) -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    ukraine = ref.rows_for("Ukraine")
    assert ref.rows == parsed.rows
    # Rows handed out before `rows` was read are the very objects in it.
    assert all(any(r is row for row in ref.rows) for r in ukraine)
    assert ref.rows_for("Ukraine") == ukraine


def test_empty_tables_folder_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadmod, "DEFAULT_REFERENCE_DIR", tmp_path / "nothing_here")
    load_reference()
    ref = load_reference()
    assert len(ref) == 0 and ref.rows == () and ref.rows_for("France") == ()


def test_editing_a_file_invalidates_cache(tmp_path: Path, count_parses: list[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("entity,metric,value,unit,source\nFrance,population,68000000,people,INSEE\n")
    assert load_reference([path]).rows[0].value == 68_000_000
    assert load_reference([path]).rows_for("France")[0].value == 68_000_000  # from the cache
    assert len(count_parses) == 1
    # Same size, same mtime second possible: only the content hash can tell.
    path.write_text("entity,metric,value,unit,source\nFrance,population,69000000,people,INSEE\n")
    assert load_reference([path]).rows_for("France")[0].value == 69_000_000
    assert load_reference([path]).rows_for("France")[0].value == 69_000_000
    assert len(count_parses) == 2


def test_adding_a_table_to_a_folder_invalidates_cache(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    shutil.copytree(TABLES / "bundle", folder)
    assert len(load_reference([folder])) == 3
    (folder / "more.csv").write_text("entity,metric,value,unit,source\nSpain,area,505990,km2,INE\n")
    ref = load_reference([folder])
    assert len(ref) == 4 and ref.rows_for("Spain")[0].value == 505990


def test_a_cache_written_for_other_contents_is_never_used(tmp_path: Path, private_cache: Path,
                                                          count_parses: list[str]) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("entity,metric,value,unit,source\nFrance,population,1,people,x\n")
    b.write_text("entity,metric,value,unit,source\nFrance,population,2,people,x\n")
    load_reference([a])
    file_a = only_cache_file(private_cache)
    load_reference([b])
    (file_b,) = set(cache_files(private_cache)) - {file_a}
    shutil.copyfile(file_a, file_b)  # b's cache now holds a's rows under a's key
    assert load_reference([b]).rows_for("France")[0].value == 2
    assert len(count_parses) == 3


CORRUPTIONS = {
    "garbage": lambda p: p.write_bytes(b"\x80\x05garbage that is not a database"),
    "empty file": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:4096]),
    "old pickle format": lambda p: p.write_bytes(pickle.dumps(("1", "some other key", "not a reference"))),
    "rows store missing": lambda p: edit_cache(p, "DROP TABLE rows"),
    "rows store emptied": lambda p: edit_cache(p, "DELETE FROM rows"),
    "last rows missing": lambda p: edit_cache(p, "DELETE FROM rows WHERE id >= 8"),
    "meta missing": lambda p: edit_cache(p, "DROP TABLE meta"),
    "other version": lambda p: edit_cache(p, "UPDATE meta SET version = 'x'"),
    "other key": lambda p: edit_cache(p, "UPDATE meta SET key = 'x'"),
    "name index damaged": lambda p: edit_cache(p, "UPDATE meta SET names = X'00ff00'"),
    "two meta records": lambda p: edit_cache(p, "INSERT INTO meta SELECT * FROM meta"),
}


@pytest.mark.parametrize("damage", list(CORRUPTIONS))
def test_unusable_cache_is_ignored_and_rebuilt(damage: str, count_parses: list[str], private_cache: Path) -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    before = len(count_parses)
    load_reference(SEVERAL)
    one_load = len(count_parses) - before
    CORRUPTIONS[damage](only_cache_file(private_cache))
    assert_same_reference(load_reference(SEVERAL), parsed)
    assert len(count_parses) == before + 2 * one_load  # read again
    again = load_reference(SEVERAL)  # the rebuilt cache was written back
    assert_same_reference(again, parsed)
    assert len(count_parses) == before + 2 * one_load


# Damage to the record of row 1 (United Kingdom), in the middle of the rows store.
ROW_DAMAGE = {
    "record bytes changed": "UPDATE rows SET data = X'00ff00' WHERE id = 1",
    "record bit flipped": "UPDATE rows SET data = CAST(replace(data, 'Kingdom', 'Kingdon') AS BLOB) WHERE id = 1",
    "record checksum changed": "UPDATE rows SET crc = crc + 1 WHERE id = 1",
    "record missing": "DELETE FROM rows WHERE id = 1",
    "record of another type": "UPDATE rows SET data = 'text' WHERE id = 1",
}


@pytest.mark.parametrize("damage", list(ROW_DAMAGE))
@pytest.mark.parametrize("read", ["rows_for", "rows"])
def test_damaged_row_found_after_load_is_read_from_the_tables(
    damage: str, read: str, count_parses: list[str], private_cache: Path
) -> None:
    # A damaged record is noticed only when it is read, after load_reference returned;
    # the rows then come from the tables themselves, and the cache is rewritten.
    parsed = load_reference(SEVERAL, use_cache=False)
    before = len(count_parses)
    load_reference(SEVERAL)
    one_load = len(count_parses) - before
    edit_cache(only_cache_file(private_cache), ROW_DAMAGE[damage])
    ref = load_reference(SEVERAL)
    assert len(count_parses) == before + one_load  # the index was fine
    if read == "rows":
        assert ref.rows == parsed.rows
    else:
        assert ref.rows_for("Ukraine") == parsed.rows_for("Ukraine")  # an intact record: no reparse
        assert len(count_parses) == before + one_load
        assert ref.rows_for("UK") == parsed.rows_for("UK")
    assert len(count_parses) == before + 2 * one_load  # the damaged row made it read the tables
    assert_same_reference(ref, parsed)
    assert_same_reference(load_reference(SEVERAL), parsed)
    assert len(count_parses) == before + 2 * one_load  # rewritten: the next load reads the cache


def test_damaged_row_and_an_edited_table_is_an_error(tmp_path: Path, private_cache: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("entity,metric,value,unit,source\nFrance,population,68000000,people,INSEE\n")
    load_reference([path])
    ref = load_reference([path])
    edit_cache(only_cache_file(private_cache), "UPDATE rows SET data = X'00ff00' WHERE id = 0")
    path.write_text("entity,metric,value,unit,source\nFrance,population,69000000,people,INSEE\n")
    # The damaged row cannot be recovered: the table now says something else.
    with pytest.raises(ReferenceTableError, match="changed while the checker was using it") as info:
        ref.rows_for("France")
    assert info.value.path == str(path)
    assert load_reference([path]).rows_for("France")[0].value == 69_000_000


def test_cache_file_removed_while_in_use(private_cache: Path) -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    only_cache_file(private_cache).unlink()  # pruned by another process
    assert_same_reference(ref, parsed)


def test_cache_file_replaced_while_in_use(tmp_path: Path, private_cache: Path) -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    path = only_cache_file(private_cache)
    path.rename(tmp_path / "kept")
    path.write_bytes(b"another process wrote this")
    assert_same_reference(ref, parsed)


def test_cached_reference_from_several_threads() -> None:
    parsed = load_reference(SEVERAL, use_cache=False)
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    names = list(parsed.entity_index) * 20

    def lookups(k: int) -> bool:
        mine = names[k::4]
        if k == 0:
            assert ref.rows == parsed.rows
        return all(ref.rows_for(n) == parsed.rows_for(n) for n in mine)

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(lookups, range(4)))


def test_cached_reference_pickles_with_its_rows() -> None:
    load_reference(SEVERAL)
    ref = load_reference(SEVERAL)
    ref.rows_for("Paris")
    copy = pickle.loads(pickle.dumps(ref))
    assert_same_reference(copy, load_reference(SEVERAL, use_cache=False))


def test_merging_a_cached_reference_reads_no_more_rows(fetched_ids: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    load_plain([TABLES / "good.csv"])
    cached = load_plain([TABLES / "good.csv"])
    uploaded = from_rows_plain([ReferenceRow("Atlantis", "area", 5.0, "km2", "Plato")], tables=["upload"])
    fetched_ids.clear()

    def no_full_read(self: object) -> None:
        raise AssertionError("merged() read every row")

    with monkeypatch.context() as patch:
        patch.setattr(cachemod._CachedRows, "fetch_all", no_full_read)
        both = cached.merged(uploaded)
        assert len(both) == 7
        assert both.rows_for("Atlantis")[0].source == "Plato"
        assert both.rows_for("UK")[0].entity == "United Kingdom"
        assert sorted(fetched_ids) == sorted(cached.entity_index["uk"])
        other_way = uploaded.merged(cached)
        assert other_way.rows_for("UK") == both.rows_for("UK")
    parsed = load_plain([TABLES / "good.csv"], use_cache=False)
    assert both.rows == parsed.rows + uploaded.rows
    assert other_way.rows == uploaded.rows + parsed.rows
    assert both.entity_index == parsed.merged(uploaded).entity_index


def test_unwritable_cache_does_not_fail_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(refmod.CACHE_ENV_VAR, str(blocker / "cache"))
    assert len(load_one("bom.csv")) == 1


def test_failed_cache_write_leaves_nothing_behind(private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unstorable(row: ReferenceRow) -> bytes:
        raise ValueError("unmarshallable object")

    monkeypatch.setattr("checker.reference.cache._encode_row", unstorable)
    assert len(load_one("good.csv")) == 6
    assert list(private_cache.iterdir()) == []  # no half-written file, no temp file


def test_old_cache_files_are_pruned(private_cache: Path) -> None:
    private_cache.mkdir()
    for k in range(10):
        old = private_cache / f"reference-{k:040d}.pickle"
        old.write_bytes(b"an old-format cache")
        os.utime(old, (1_000_000 + k, 1_000_000 + k))
    load_one("good.csv")
    left = sorted(p.name for p in private_cache.iterdir())
    assert len(left) == cachemod.CACHE_KEEP
    assert only_cache_file(private_cache).name in left
    assert f"reference-{0:040d}.pickle" not in left  # the oldest go first


def test_use_cache_false_writes_nothing(private_cache: Path, count_parses: list[str]) -> None:
    load_reference([TABLES / "bom.csv"], use_cache=False)
    load_reference([TABLES / "bom.csv"], use_cache=False)
    assert len(count_parses) == 2
    assert not private_cache.exists()


def test_errors_are_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("entity,metric,value,unit,source\nFrance,population,lots,people,INSEE\n")
    for _ in range(2):
        with pytest.raises(ReferenceTableError):
            load_reference([path])


# ------------------------------------------------------------------------ speed


def _big_table(path: Path, n: int) -> None:
    rnd = random.Random(7)
    lines = ["entity,metric,value,unit,source,as_of,aliases,entity_type"]
    lines += [
        f'Town {i},population,"{rnd.randint(1_000, 9_000_000):,}",people,GeoNames,2024,Ville {i}|Stadt {i},city'
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n")


def test_large_bundle_round_trips_through_the_cache(tmp_path: Path) -> None:
    # Load time is measured in bench/bench_reference.py, not asserted here: test machines are noisy.
    folder = tmp_path / "big"
    folder.mkdir()
    for part in range(3):  # ~35,000 rows across several files, like the real bundle
        _big_table(folder / f"part{part}.csv", 11_700)
    ref = load_reference([folder])
    again = load_reference([folder])
    assert len(ref) == len(again) == 35_100
    for name in ("town 0", "ville 17", "stadt 11699", "town 11699"):
        assert again.rows_for(name) == ref.rows_for(name) and len(ref.rows_for(name)) == 3
    assert again.rows == ref.rows
    assert again.entity_index == ref.entity_index
