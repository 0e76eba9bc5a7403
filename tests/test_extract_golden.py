"""Golden extraction cases, in the style of quantulum3's tests.

Each tests/data/golden/<topic>.json is a list of {"req": sentence, "res": [expected claims]};
every expected claim gives value, unit and surface (the claim's text), and optionally
qualifier and value_high. The number of claims must match exactly: a sentence with
"res": [] must yield nothing.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker.extract import extract_claims

GOLDEN = Path(__file__).parent / "data" / "golden"


def _cases() -> list:
    params = []
    for path in sorted(GOLDEN.glob("*.json")):
        for index, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            params.append(pytest.param(case["req"], case["res"], id=f"{path.stem}:{index}"))
    return params


CASES = _cases()


def test_golden_files_present() -> None:
    assert len(CASES) >= 60, "golden files missing or truncated"


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_golden(sentence: str, expected: list[dict]) -> None:
    claims = extract_claims(sentence)
    got = [(c.text, c.value, c.unit, c.qualifier, c.value_high) for c in claims]
    assert len(claims) == len(expected), f"{sentence!r}: expected {len(expected)} claims, got {got}"
    for claim, want in zip(claims, expected):
        assert claim.text == want["surface"], got
        assert sentence[claim.start:claim.end] == claim.text
        assert math.isclose(claim.value, want["value"], rel_tol=1e-9, abs_tol=1e-12), got
        assert claim.unit == want["unit"], got
        if "qualifier" in want:
            assert claim.qualifier == want["qualifier"], got
        if "value_high" in want:
            assert claim.value_high is not None, got
            assert math.isclose(claim.value_high, want["value_high"], rel_tol=1e-9), got
