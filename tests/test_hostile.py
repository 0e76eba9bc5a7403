"""Hostile and odd input (issue #12): one fixture or inline case per failure mode, each
asserting what a user would notice: the claim's value and unit, the message, the exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.errors import InputError, ReferenceTableError
from checker.extract import extract_claims
from checker.extract.sentences import MAX_SENTENCE_CHARS
from checker.io import MAX_FILE_BYTES, read_bounded, read_upload
from checker.pipeline import CheckCancelled, check_text
from checker.reference import Reference, load_reference, reference_from_bytes
from checker.reference.tables import canonical_unit

REPO = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "data" / "hostile"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=180)


def one_line_error(result: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def claims_of(text: str) -> list[tuple[str, float, str]]:
    return [(c.text, c.value, c.unit) for c in extract_claims(text)]


# ------------------------------------------------------------------ long input


def test_a_5000_digit_number_is_not_a_quantity() -> None:
    result = run("check", str(HOSTILE / "5000_digit_number.txt"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8-sig")
    assert "Traceback" not in result.stderr.decode("utf-8")
    assert out.count("\n") == 2  # the header and one claim: "45 people"
    assert "45 people" in out and "7777" not in out.split("\n", 1)[1].split(",")[0]


def test_a_run_on_sentence_is_cut_into_pieces_a_reader_can_take_in() -> None:
    clause = "and Ukraine covers 603,550 square kilometres while some 3.7 million people live there "
    text = "Officials said " + clause * 500  # 43 KB without a full stop
    claims = extract_claims(text)
    assert [(c.value, c.unit) for c in claims] == [(603550, "km2"), (3.7e6, "people")] * 500
    assert max(len(c.sentence) for c in claims) <= MAX_SENTENCE_CHARS
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.text in c.sentence


def test_a_huge_power_of_ten_is_not_infinity() -> None:
    assert all(value != float("inf") for _, value, _ in claims_of("It has 1.5×10^400 atoms."))


# ------------------------------------------------------------------ bounded reading


class EndlessStream(io.RawIOBase):
    """An endless stream of "1 " that counts what was taken from it, as /dev/zero would not."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read"
        self.taken += size
        return b"1 " * (size // 2) + b"1" * (size % 2)


def test_reading_stops_one_byte_past_the_limit() -> None:
    stream = EndlessStream()
    assert read_bounded(stream, 5_000_000) is None  # type: ignore[arg-type]
    assert stream.taken == 5_000_001


def test_reading_within_the_limit_returns_everything() -> None:
    assert read_bounded(io.BytesIO(b"12 people"), 9) == b"12 people"
    assert read_bounded(io.BytesIO(b"12 people"), 8) is None


def test_dev_zero_is_refused_at_the_limit_not_read_whole() -> None:
    result = run("check", "/dev/zero")
    one_line_error(result, "/dev/zero", "larger than 10 MB", "reading stopped there")


def test_a_large_standard_input_is_refused_with_one_line() -> None:
    result = run("check", "-", stdin=b"The city has 45,000 residents.\n" * 700_000)  # 21.7 MB
    one_line_error(result, "standard input", "larger than 10 MB")


def test_an_upload_over_the_limit_is_refused_without_reading_it_whole() -> None:
    stream = EndlessStream()
    with pytest.raises(InputError, match=r"^huge\.txt: the file is larger than 50 MB$"):
        read_upload("huge.txt", stream)  # type: ignore[arg-type]
    assert stream.taken == MAX_FILE_BYTES + 1


def test_an_oversized_reference_table_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.reference.tables as tables

    table = tmp_path / "big.csv"
    table.write_text("entity,metric,value,unit,source\n" + "France,area,1,km2,x\n" * 100)
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", 1000)
    with pytest.raises(ReferenceTableError, match=r"big\.csv: is larger than .*reading stopped there"):
        tables.read_table_bytes(tables.TableSource("big.csv", table))


# ------------------------------------------------------------------ numerals and separators

NUMERALS = [
    # (text, the claim's text as written, its value, its unit)
    ("Ukraine covers 603\u202f550 sq km.", "603\u202f550 sq km", 603550, "km2"),  # narrow no-break space
    ("Ukraine covers 603\u00a0550 sq km.", "603\u00a0550 sq km", 603550, "km2"),  # no-break space
    ("Ukraine covers 603\u2009550 sq km.", "603\u2009550 sq km", 603550, "km2"),  # thin space
    ("The town has 45 000 residents.", "45 000 residents", 45000, "residents"),  # plain space
    ("It reached 1 250 000 people.", "1 250 000 people", 1250000, "people"),
    ("The fee is 1'000 francs.", "1'000 francs", 1000, "CHF"),  # Swiss apostrophe
    ("The fee is 2’500 CHF.", "2’500 CHF", 2500, "CHF"),
    ("They lost more than 6,5 million hectares.", "6,5 million hectares", 6.5e6, "ha"),  # decimal comma
    ("Prices rose 3,75 % last year.", "3,75 %", 3.75, "percent"),
    ("The army has 1,500 staff.", "1,500 staff", 1500, "staff"),  # a thousands comma stays one
    ("It holds 2\u200b0 percent of the land.", "2\u200b0 percent", 20, "percent"),  # zero-width space
    ("It holds 2\u00ad0 percent of the land.", "2\u00ad0 percent", 20, "percent"),  # soft hyphen
    ("نحو ٣٠٬٠٠٠ people", "٣٠٬٠٠٠ people", 30000, "people"),  # Arabic-Indic digits, Arabic thousands sign
    ("a rate of ٣٫٥ percent", "٣٫٥ percent", 3.5, "percent"),  # Arabic decimal sign
    ("some २५ percent", "२५ percent", 25, "percent"),  # Devanagari digits
    ("The lake covers 41,500 km2 of land.", "41,500 km2", 41500, "km2"),  # issue #8
    ("The park covers 316 square km.", "316 square km", 316, "km2"),
    ("The reserve spans 181 sq. mi. in all.", "181 sq. mi", 181, "mi2"),
    ("A 40 km² park.", "40 km²", 40, "km2"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), NUMERALS, ids=[n[1] for n in NUMERALS])
def test_numerals_and_separators(text: str, written: str, value: float, unit: str) -> None:
    claims = extract_claims(text)
    assert [(c.text, c.value, c.unit) for c in claims] == [(written, value, unit)]
    c = claims[0]
    assert text[c.start:c.end] == c.text
    assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2019 45 000 people fled.", [45000]),  # a year is not a first group
    ("between 1 000 and 2 000 troops", [1000]),  # a range, each side joined
    ("He counted 1,2,3 and stopped.", [1, 2, 3]),  # a list, not decimals
    ("It was 6,5 and 7 in the polls.", [6, 5, 7]),  # "6,5 and": a list
    ("It had 12 345 6 of them.", [12, 345, 6]),  # a group followed by more digits is not joined
])
def test_separators_left_alone_where_ambiguous(text: str, expected: list[float]) -> None:
    assert [c.value for c in extract_claims(text) if c.unit != "year"] == expected


def test_an_ansi_escape_is_not_a_claim_and_offsets_map_back() -> None:
    text = (HOSTILE / "ansi_colours.txt").read_text(encoding="utf-8")
    claims = extract_claims(text)
    assert [(c.text, c.value, c.unit) for c in claims] == [("5,000 troops", 5000, "troops"),
                                                            ("20 percent", 20, "percent")]
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_the_cli_reads_an_article_with_terminal_colours() -> None:
    result = run("check", str(HOSTILE / "ansi_colours.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert [(c["text"], c["value"]) for c in claims] == [("5,000 troops", 5000), ("20 percent", 20)]


# ------------------------------------------------------------------ output files

ARTICLE = HOSTILE / "ansi_colours.txt"


def test_o_over_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o644)
    result = run("check", str(ARTICLE), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    assert json.loads(out.read_text())["claims"][0]["text"] == "5,000 troops"


def test_o_over_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run("check", str(ARTICLE), "--format", "json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text())["claims"][1]["text"] == "20 percent"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_o_to_a_folder_is_refused_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    one_line_error(run("check", str(ARTICLE), "-o", str(folder)), str(folder), "is a folder")
    assert list(folder.iterdir()) == [] and [p.name for p in tmp_path.iterdir()] == ["reports"]


def test_o_to_a_device_is_refused_and_left_a_device() -> None:
    one_line_error(run("check", str(ARTICLE), "-o", "/dev/null"), "/dev/null", "is a device")
    assert Path("/dev/null").is_char_device()


def test_o_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    one_line_error(run("check", str(ARTICLE), "-o", str(tmp_path / "no" / "r.csv")), "cannot be written")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_standard_output_on_a_full_disk_is_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "checker", "check", str(ARTICLE)], cwd=REPO,
                                stdout=full, stderr=subprocess.PIPE, timeout=180)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in err
    assert err.splitlines() == ["error: standard output: cannot be written (No space left on device)"]


def test_a_closed_pipe_is_quiet() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", str(ARTICLE)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader went away, as `| head` does
    err = proc.stderr.read()
    assert proc.wait(timeout=180) == 2
    assert err == b""


# ------------------------------------------------------------------ command-line mistakes


@pytest.mark.parametrize(("args", "needle"), [
    ((), "the following arguments are required: command"),
    (("check",), "the following arguments are required: article"),
    (("chek", "a.txt"), "invalid choice: 'chek'"),
    (("check", "a.txt", "--format", "xml"), "invalid choice: 'xml'"),
    (("check", "a.txt", "--date", "2025-13-01"), "'2025-13-01' is not a date in the form YYYY-MM-DD"),
    (("check", "a.txt", "--tolerance", "5"), "'5' is not a fraction between 0 and 1"),
    (("check", "a.txt", "--bogus"), "unrecognized arguments: --bogus"),
])
def test_a_command_line_mistake_is_one_line_with_a_hint(args: tuple[str, ...], needle: str) -> None:
    line = one_line_error(run(*args), needle, "--help")
    assert line.startswith("error: ")
    assert "usage:" not in line


# ------------------------------------------------------------------ reference tables


def load(name: str) -> Reference:
    return load_reference([HOSTILE / name], use_cache=False, aliases=None)


def test_two_rows_that_disagree_are_both_kept_with_a_warning_naming_both() -> None:
    ref = load("conflicting_rows.csv")
    table = str(HOSTILE / "conflicting_rows.csv")
    rows = ref.rows_for("Ukraine")
    assert [(r.value, r.line) for r in rows if r.metric == "population"] == [(38e6, 2), (36.7e6, 4)]
    assert ref.warnings == (
        f"{table}, rows 2 and 4 disagree: Ukraine, population as of 2025 is 38,000,000 people in one and "
        "36,700,000 in the other; both rows are kept, correct or date one of them",)
    assert ref.conflicting == {(table, 2), (table, 4)}
    first = rows[0]
    assert [r.value for r in ref.row_conflicts(first)] == [36.7e6]
    assert ref.row_conflicts(rows[1]) == ()  # the area row agrees with nobody's other figure


def test_the_warning_does_not_depend_on_row_order(tmp_path: Path) -> None:
    lines = (HOSTILE / "conflicting_rows.csv").read_text().splitlines()
    swapped = tmp_path / "swapped.csv"
    swapped.write_text("\n".join([lines[0], lines[3], lines[2], lines[1]]) + "\n")
    ref = load_reference([swapped], use_cache=False, aliases=None)
    assert len(ref.warnings) == 1 and "rows 2 and 4 disagree" in ref.warnings[0]
    assert {r.value for r in ref.rows_for("Ukraine") if r.metric == "population"} == {38e6, 36.7e6}


def test_a_conflict_between_an_upload_and_the_loaded_tables_is_found() -> None:
    base = load("unit_sq_km.csv")
    upload = reference_from_bytes(b"entity,metric,value,unit,source,as_of\nUkraine,area,600000,km2,Mine,2025\n",
                                  "mine.csv", aliases=None)
    both = base.merged(upload)
    assert len(both.warnings) == 1
    assert both.warnings[0].startswith(f"{HOSTILE / 'unit_sq_km.csv'}, row 2 and mine.csv, row 2 disagree:")


def test_the_cli_shows_each_warning_as_one_line_on_stderr() -> None:
    result = run("check", str(HOSTILE / "ukraine_area.txt"), "--reference", str(HOSTILE / "conflicting_rows.csv"),
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: ") and "rows 2 and 4 disagree" in lines[0]
    assert json.loads(result.stdout)["claims"][0]["verdict"] == "supported"  # the area still checks


def test_the_warning_survives_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    table = [HOSTILE / "conflicting_rows.csv"]
    built = load_reference(table, aliases=None)
    cached = load_reference(table, aliases=None)
    assert len(list(tmp_path.iterdir())) == 1
    assert cached.warnings == built.warnings and cached.conflicting == built.conflicting
    assert len(cached.warnings) == 1


def test_sq_km_in_a_table_is_km2_and_supports_the_claim() -> None:
    ref = load("unit_sq_km.csv")
    assert ref.rows_for("Ukraine")[0].unit == "km2"
    result = run("check", str(HOSTILE / "ukraine_area.txt"), "--reference", str(HOSTILE / "unit_sq_km.csv"),
                 "--format", "json")
    claim = json.loads(result.stdout)["claims"][0]
    assert (claim["text"], claim["verdict"]) == ("603,550 sq km", "supported")


def test_counted_nouns_are_units() -> None:
    ref = load("counted_nouns.csv")
    assert sorted(r.unit for r in ref.rows) == ["Ukrainians", "camps", "polling stations", "reactors"]


@pytest.mark.parametrize(("fixture", "row", "column", "needle"), [
    ("unknown_unit.csv", 2, "unit", "unknown unit 'hectars'; the nearest known units are ha"),
    ("as_of_impossible_date.csv", 2, "as_of", "'2031-02-30' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("as_of_yesterday.csv", 2, "as_of", "'yesterday' is not a date"),
    ("negative_population.csv", 2, "value", "-3.8e+07 people is negative; a count cannot be below zero"),
    ("semicolons.csv", 1, None, "uses ';' between columns; save it with commas"),
    ("tabs.csv", 1, None, "uses tabs between columns; save it with commas"),
])
def test_a_bad_table_is_one_line_naming_file_row_and_column(fixture: str, row: int, column: str | None,
                                                            needle: str) -> None:
    where = f"{HOSTILE / fixture}, row {row}" + (f", column '{column}'" if column else "")
    line = one_line_error(run("check", str(HOSTILE / "ukraine_area.txt"), "--reference", str(HOSTILE / fixture)),
                          needle)
    assert line.startswith(f"error: {where}: ")


@pytest.mark.parametrize(("unit", "canonical"), [
    ("sq km", "km2"), ("square kilometres", "km2"), ("dollars", "USD"), ("usd", "USD"), ("USD/barrel", "USD/barrels"),
    ("year", "year"), ("percent", "percent"), ("people", "people"), ("votes", "votes"), ("regions", "regions"),
])
def test_table_units_are_canonicalised(unit: str, canonical: str) -> None:
    assert canonical_unit(unit, "t.csv", 2) == canonical


@pytest.mark.parametrize("unit", ["hectars", "squre km", "sq kms", "M", "XYZ", "kilometres2"])
def test_unknown_units_that_look_physical_are_refused(unit: str) -> None:
    with pytest.raises(ReferenceTableError, match=rf"^t\.csv, row 2, column 'unit': unknown unit '{unit}'; "
                                                  r"the nearest known units are \S+, \S+, \S+ "):
        canonical_unit(unit, "t.csv", 2)


# ------------------------------------------------------------------ cancelling a long check


def test_a_progress_callback_can_cancel_a_check() -> None:
    reference = load("unit_sq_km.csv")
    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        raise CheckCancelled

    text = "Ukraine covers 603,550 sq km. " * 50
    with pytest.raises(CheckCancelled):
        check_text(text, reference=reference, progress=progress)
    assert calls == [0.02]  # stopped at the first update, 1 of 50 claims checked


def test_the_app_says_a_check_was_cancelled() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["check_cancelled"] = True  # what the Cancel button's callback sets
    at.run()
    assert not at.exception
    assert [i.value for i in at.info] == ["Check cancelled. Press Check figures to start again."]
    at.run()
    assert [i.value for i in at.info] == []  # said once
