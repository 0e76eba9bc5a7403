"""The command line, run as a user runs it: `python -m checker check ...` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent / "data" / "articles"
COUNTRIES = ARTICLES / "three_countries.txt"
UKRAINE = ARTICLES / "ukraine_talks_feb2026.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # The environment (FACTCHECK_CACHE_DIR, FACTCHECK_DB) comes from conftest.py.
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=180)


def stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode("utf-8").splitlines()


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    assert result.returncode == 2, result.stderr
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert "Traceback" not in result.stderr.decode("utf-8")
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert result.stdout == b""
    return lines[0]


def write_reference(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


GOOD_REFERENCE = (
    "entity,metric,value,unit,source,as_of,metric_aliases\n"
    "France,population,70000000,people,Newsroom sheet,2025,population|inhabitants\n"
)


# ------------------------------------------------------------------ formats


def test_table_format_is_the_default() -> None:
    result = run("check", str(COUNTRIES), "--date", "2026-02-17")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "68.5 million inhabitants" in out
    assert "supported" in out and "contradicted" in out
    assert "3 claims: 2 supported, 1 contradicted, 0 unverified" in out
    assert result.stderr == b""


def test_json_format() -> None:
    result = run("check", str(COUNTRIES), "--format", "json", "--date", "2026-02-17")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["date"] == "2026-02-17"
    assert data["summary"] == {"supported": 2, "contradicted": 1, "unverified": 0}
    assert [c["text"] for c in data["claims"]] == ["68.5 million inhabitants", "377,900 sq km", "65 million"]
    assert [c["verdict"] for c in data["claims"]] == ["supported", "supported", "contradicted"]
    for c in data["claims"]:
        assert "CIA World Factbook" in c["reference"]["source"]
        assert "rule: " in c["note"]


def test_csv_format() -> None:
    result = run("check", str(COUNTRIES), "--format", "csv", "--date", "2026-02-17")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert [r["text"] for r in rows] == ["68.5 million inhabitants", "377,900 sq km", "65 million"]
    assert [r["verdict"] for r in rows] == ["supported", "supported", "contradicted"]
    assert rows[2]["reference_entity"] == "Kenya"


def test_dash_reads_standard_input() -> None:
    text = COUNTRIES.read_bytes()
    result = run("check", "-", "--format", "json", "--date", "2026-02-17", stdin=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["supported"] == 2


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("check", str(UKRAINE), "--format", "json", "-o", str(out), "--date", "2026-02-17")
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["text"] for c in data["claims"]] == ["fourth anniversary", "20 percent", "2014", "30,000 troops"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp file left behind


def test_date_option_reads_years_ago() -> None:
    article = b"Russia annexed Crimea eight years ago."
    then = json.loads(run("check", "-", "--format", "json", "--date", "2022-03-01", stdin=article).stdout)
    later = json.loads(run("check", "-", "--format", "json", "--date", "2025-06-01", stdin=article).stdout)
    assert then["claims"][0]["verdict"] == "supported"
    assert later["claims"][0]["verdict"] == "contradicted"


def test_tolerance_option() -> None:
    article = b"France has about 62 million inhabitants."
    default = json.loads(run("check", "-", "--format", "json", stdin=article).stdout)
    loose = json.loads(run("check", "-", "--format", "json", "--tolerance", "0.15", stdin=article).stdout)
    assert default["claims"][0]["verdict"] == "contradicted"  # 62 million is 9.5% below 68.5 million
    assert loose["claims"][0]["verdict"] == "supported"


def test_reference_replaces_the_bundle(tmp_path: Path) -> None:
    ref = write_reference(tmp_path / "mine.csv", GOOD_REFERENCE)
    result = run("check", str(COUNTRIES), "--format", "json", "--reference", str(ref))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["tables"] == [str(ref)]
    verdicts = {c["text"]: (c["verdict"], c["reference"]) for c in data["claims"]}
    assert verdicts["68.5 million inhabitants"][0] == "contradicted"  # 70 million in my sheet
    assert verdicts["68.5 million inhabitants"][1]["source"] == "Newsroom sheet"
    assert verdicts["65 million"] == ("unverified", None)  # no Kenya row any more


def test_cp1252_reference_with_accented_entity(tmp_path: Path) -> None:
    ref = write_reference(tmp_path / "excel.csv",
                          "entity,metric,value,unit,source,metric_aliases\r\n"
                          "Curaçao,population,150000,people,CBS Curaçao,population|inhabitants\r\n",
                          encoding="cp1252")
    assert b"\xe7" in ref.read_bytes()  # really saved as Windows-1252
    result = run("check", "-", "--format", "json", "--reference", str(ref),
                 stdin="Curaçao has about 150,000 inhabitants.".encode())
    assert result.returncode == 0, result.stderr
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["verdict"] == "supported"
    assert claim["reference"]["entity"] == "Curaçao"
    assert claim["reference"]["source"] == "CBS Curaçao"


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("text", [b"", b"   \n\n  ", b"\xef\xbb\xbf"])
def test_empty_text_gives_empty_report(text: bytes) -> None:
    result = run("check", "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["claims"] == []
    assert data["summary"] == {"supported": 0, "contradicted": 0, "unverified": 0}


def test_empty_file_gives_empty_report(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("check", str(empty), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"] == []


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert_one_line_error(run("check", str(binary)), str(binary), "binary")


def test_windows_1252_article_is_read_as_the_app_reads_it(tmp_path: Path) -> None:
    # One decoder for CLI, app and tables: a cp1252 file is not refused by one and read by the other.
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le café coûte 5 euros.".encode("cp1252"))
    result = run("check", str(latin), "--format", "json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert [(c["text"], c["sentence"]) for c in claims] == [("5 euros", "Le café coûte 5 euros.")]


def test_utf16_article_with_bom_is_read(tmp_path: Path) -> None:
    article = tmp_path / "utf16.txt"
    article.write_bytes("Ukraine covers 603,550 sq km.".encode("utf-16"))
    result = run("check", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [c["value"] for c in json.loads(result.stdout)["claims"]] == [603550]


def test_undecodable_article_names_the_file(tmp_path: Path) -> None:
    # 0x81 is one of the five bytes cp1252 leaves undefined, and it is not UTF-8 either.
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Kyiv \x81\x81 has 3 million people.")
    assert_one_line_error(run("check", str(bad)), str(bad), "UTF-8")


def test_missing_article_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert_one_line_error(run("check", str(missing)), str(missing))


@pytest.mark.parametrize(("content", "needles"), [
    ("entity,metric,value,source\nFrance,population,68000000,INSEE\n", ["row 1", "unit", "missing"]),
    ("entity,metric,value,unit,source\nFrance,population,68000000,people,INSEE\n"
     "Germany,population,lots,people,Destatis\n", ["row 3", "column 'value'", "lots"]),
    ("", ["empty"]),
])
def test_malformed_reference(tmp_path: Path, content: str, needles: list[str]) -> None:
    ref = write_reference(tmp_path / "bad.csv", content)
    out = tmp_path / "report.json"
    result = run("check", str(COUNTRIES), "--format", "json", "--reference", str(ref), "-o", str(out))
    assert_one_line_error(result, str(ref), *needles)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_malformed_reference_leaves_existing_output_alone(tmp_path: Path) -> None:
    ref = write_reference(tmp_path / "bad.csv", "entity,metric,value,source\nFrance,population,1,INSEE\n")
    out = tmp_path / "report.json"
    out.write_text("previous report", encoding="utf-8")
    result = run("check", str(COUNTRIES), "--reference", str(ref), "-o", str(out))
    assert result.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous report"


def test_binary_article_writes_nothing(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    out = tmp_path / "report.json"
    assert_one_line_error(run("check", str(binary), "-o", str(out)), str(binary))
    assert not out.exists()


@pytest.mark.parametrize("date", ["17/02/2026", "2026-13-01", "yesterday", "20260217x"])
def test_unknown_date_format_is_an_argparse_error(date: str) -> None:
    result = run("check", str(COUNTRIES), "--date", date)
    line = assert_one_line_error(result, "--date", f"'{date}' is not a date in the form YYYY-MM-DD", "--help")
    assert "usage:" not in line


def test_lexicon_file_adds_a_newsroom_s_metric_words(tmp_path: Path) -> None:
    table = write_reference(tmp_path / "museums.csv",
                            "entity,metric,value,unit,source\nCivic Museum,visitors,120000,visits,Museum report\n")
    article = tmp_path / "a.txt"
    article.write_text("The Civic Museum drew 120,000 last year.", encoding="utf-8")
    words = tmp_path / "words.toml"
    words.write_text('[concept.footfall]\nnames = ["visitors"]\nphrases = ["drew"]\ndimensions = ["count"]\n',
                     encoding="utf-8")
    without = run("check", str(article), "--format", "json", "--reference", str(table), "--date", "2026-02-18")
    assert json.loads(without.stdout)["claims"][0]["verdict"] == "unverified"
    with_words = run("check", str(article), "--format", "json", "--reference", str(table), "--date", "2026-02-18",
                     "--lexicon", str(words))
    claim = json.loads(with_words.stdout)["claims"][0]
    assert (claim["verdict"], claim["reference"]["metric"]) == ("supported", "visitors")


def test_a_bad_lexicon_file_is_one_line(tmp_path: Path) -> None:
    words = tmp_path / "words.toml"
    words.write_text('[concept.footfall]\nnames = ["visitors"]\ndimensions = ["crowds"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The museum drew 120,000.", encoding="utf-8")
    assert_one_line_error(run("check", str(article), "--lexicon", str(words)), str(words),
                          "concept.footfall.dimensions")
