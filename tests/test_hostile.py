"""Hostile and odd input (issue #12): one fixture or inline case per failure mode, each
asserting what a user would notice: the claim's value and unit, the message, the exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.extract import extract_claims
from checker.extract.sentences import MAX_SENTENCE_CHARS

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
