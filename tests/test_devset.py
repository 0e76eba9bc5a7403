"""The labelled dev set of issue #8 ("Whose figure is it"): one test per labelled claim.

Each test runs its case through the public API (via bench/eval_devset.py, which also
scores the whole set) and asserts the label's verdict and, for supported/contradicted,
the reference row's entity and metric. The labels the checker gets wrong today are
listed in tests/data/devset/known_failures.txt and marked xfail(strict=True): a fix
makes the test pass unexpectedly, which fails, so the line must then be removed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from checker.reference import normalise_name

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "data" / "devset"

_spec = importlib.util.spec_from_file_location("eval_devset", REPO / "bench" / "eval_devset.py")
ev = importlib.util.module_from_spec(_spec)
assert _spec.loader is not None
sys.modules.setdefault("eval_devset", ev)  # dataclasses look their module up there
_spec.loader.exec_module(ev)

CASES = ev.load_cases(DEVSET)
KNOWN_FAILURES = {
    line.strip() for line in (DEVSET / "known_failures.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
LABELS = [(case, k, ev.label_id(case, k)) for case in CASES for k in range(len(case["expect"]))]


def _params():
    for case, k, lid in LABELS:
        marks = [pytest.mark.xfail(strict=True, reason="known failure, see known_failures.txt")] \
            if lid in KNOWN_FAILURES else []
        yield pytest.param(case, k, id=lid, marks=marks)


_outcomes: dict[str, list] = {}


def _outcome(case: dict, k: int):
    if case["id"] not in _outcomes:
        _outcomes[case["id"]] = ev.check_case(case)[0]
    return _outcomes[case["id"]][k]


@pytest.mark.parametrize(("case", "k"), _params())
def test_label(case: dict, k: int) -> None:
    o = _outcome(case, k)
    want = case["expect"][k]
    # Not extracted counts as "unverified": right for a figure no row covers, a miss otherwise.
    assert not (o.missed and want["verdict"] in ev.COVERED), f"{want['claim']!r} was not extracted"
    assert o.verdict == want["verdict"], ev.describe(o)
    if want["verdict"] in ev.COVERED:
        assert o.entity == want["entity"], ev.describe(o)
        assert ev.metric_ok(o.metric, want["metric"]), ev.describe(o)
    assert not o.bad_fragments, ev.describe(o)


# ------------------------------------------------------------ the data itself

def test_set_size_and_spread() -> None:
    entities = {e["entity"] for c in CASES for e in c["expect"] if "entity" in e}
    assert len(LABELS) >= 250
    assert len(entities) >= 60
    user = [c for c in CASES if c["tables"] != "bundled"]
    assert 0.25 <= len(user) / len(CASES) <= 0.45


def test_labels_are_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len({lid for _, _, lid in LABELS}) == len(LABELS), "duplicate label ids"
    for case in CASES:
        assert set(case) >= {"id", "pattern", "tables", "date", "text", "expect"}, case["id"]
        ev.label_spans(case)  # every claim string is in the text
        for e in case["expect"]:
            assert e["verdict"] in ev.VERDICTS, case["id"]
            if e["verdict"] in ev.COVERED:
                assert e.get("entity") and e.get("metric"), case["id"]
        tables = case["tables"]
        if tables != "bundled":
            for t in tables:
                assert t == "bundled" or (DEVSET / t).is_file(), f"{case['id']}: no table {t}"


def test_every_label_names_a_row_of_its_tables() -> None:
    """A supported/contradicted label must name an entity and metric that its tables have."""
    for case in CASES:
        reference = ev.reference_for(case)
        for e in case["expect"]:
            if e["verdict"] not in ev.COVERED:
                continue
            rows = reference.rows_for(normalise_name(e["entity"]))
            assert any(r.entity == e["entity"] and ev.metric_ok(r.metric, e["metric"]) for r in rows), \
                f"{case['id']}: no row {e['entity']}/{e['metric']}"


def test_user_tables_have_only_the_required_columns() -> None:
    for path in sorted((DEVSET / "tables").glob("*.csv")):
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header == "entity,metric,value,unit,source", path.name


def test_every_extracted_claim_is_labelled() -> None:
    """Each claim the checker extracts today overlaps a label, so a false verdict on a
    distractor is counted. A new extraction means a new label is due."""
    missing = []
    for case in CASES:
        _, unlabelled = ev.check_case(case)
        missing += [f"{case['id']}: {c.claim.text!r}" for c in unlabelled]
    assert not missing, missing


def test_known_failures_are_labels() -> None:
    ids = {lid for _, _, lid in LABELS}
    assert KNOWN_FAILURES <= ids, sorted(KNOWN_FAILURES - ids)


def test_family_files_are_lists() -> None:
    for path in sorted(DEVSET.glob("*.json")):
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), list), path.name
