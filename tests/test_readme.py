"""README's quick start works for someone who has only the clone: every line of it that
needs no network and starts no server is run here, in a temporary copy of the checkout,
the way a newcomer would paste it (sqlite-utils keeps its docs honest the same way)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check_text, load_reference
from checker.io import sample_article

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
# Lines that reach the network (pip), make or enter a virtual environment, or start a server.
_SKIPPED = re.compile(r"^(pip |python3? -m venv|\. |source |streamlit run)")


def quick_start() -> list[str]:
    section = README.split("### Quick start, line by line", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def test_quick_start_has_the_steps_a_newcomer_needs() -> None:
    lines = quick_start()
    assert lines[0].startswith("python3 -m venv") and "activate" in lines[1]
    assert "pip install -r requirements.txt" in lines and "streamlit run app.py" in lines
    assert any(line.startswith("python -m checker check checker/samples/") for line in lines)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files git tracks, as a fresh clone would have them (with this checkout's edits)."""
    target = tmp_path_factory.mktemp("clone")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    return target


@pytest.mark.parametrize("line", [line for line in quick_start() if not _SKIPPED.match(line)])
def test_each_quick_start_line_runs_in_a_fresh_clone(clone: Path, line: str, tmp_path: Path) -> None:
    words = shlex.split(line)
    if words[0] == "python":
        words[0] = sys.executable
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"),
           "FACTCHECK_DB": str(tmp_path / "reviews.sqlite3")}
    result = subprocess.run(words, cwd=clone, env=env, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    if "-o" in words:
        report = json.loads((clone / words[words.index("-o") + 1]).read_text(encoding="utf-8"))
        assert report["claims"] and report["date"] == "2026-02-18"
    elif "check" in words:
        assert b"supported" in result.stdout and b"contradicted" in result.stdout


def test_the_sample_article_gives_each_kind_of_verdict() -> None:
    report = check_text(sample_article(), reference=load_reference())
    kinds = {c.verdict for c in report.claims}
    assert kinds == {"supported", "contradicted", "unverified"}
    assert report.date.isoformat() == "2026-02-18"  # read from its "Published" line
    assert any(c.claim.qualifier == "vague" for c in report.claims)
    assert any(c.time_source for c in report.claims if c.verdict == "supported"), "a figure dated by its sentence"


def test_every_limit_in_the_code_is_in_the_readme() -> None:
    from checker import limits

    table = README.split("### Limits", 1)[1].split("\n\n", 2)[1]
    shown = {"MAX_ARTICLE_BYTES": "10 MB", "MAX_TEXT_BYTES": "1 MB", "MAX_FILE_BYTES": "50 MB",
             "MAX_TABLE_BYTES": "100 MB", "MAX_SENTENCE_CHARS": "600 characters", "MAX_DIGITS": "24 digits"}
    names = {n for n in dir(limits) if n.startswith("MAX_")}
    assert names == set(shown)
    for name, text in shown.items():
        assert text in table, name


def test_the_app_config_is_valid_and_keeps_the_app_on_this_machine() -> None:
    # A duplicate key makes Streamlit drop the whole file, and with it the address and the upload limit.
    import tomllib

    from checker.limits import MAX_FILE_BYTES

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] * 1_000_000 == MAX_FILE_BYTES
