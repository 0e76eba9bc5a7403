#!/usr/bin/env python3
"""Score the checker on the labelled dev set of issue #8 ("Whose figure is it").

    python bench/eval_devset.py [--json] [--failures] [--family NAME] [--set DIR]

`--set DIR` scores another labelled set in the same format (e.g. the held-out set,
tests/data/heldout/); its user tables are read relative to DIR.

The set lives in tests/data/devset/ (one JSON file per pattern family, described in
tests/data/devset/README.md). Every case is run through the public API
(`load_reference`, `check_text`) and each labelled claim is compared with what the tool
said about it:

- a label is found in the case text by its `claim` string (labels are listed in text
  order); the extracted claim with exactly that text and an overlapping span answers it,
  otherwise the extracted claim that overlaps it most (the tool cut it differently);
- any further extracted claim overlapping the label is a *fragment* ("10,2 million" cut
  into "10" and "2 million"): a fragment with a supported/contradicted verdict makes the
  label wrong and counts as one more (wrong) prediction;
- a label that no extracted claim overlaps is a *miss* and counts as "unverified";
- a label is right when the verdict is right and, for supported/contradicted, the row's
  entity equals the label's `entity` and the row's metric contains the label's `metric`
  (whole words, case-insensitive).

Printed: accuracy over all labels; precision of "supported" and of "contradicted";
recall of the covered figures (labels supported/contradicted that got the right verdict
on the right row); the same per family, per pattern and for bundled vs user tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from checker import check_text, load_reference  # noqa: E402  (the repo's checker, not an installed one)

DEVSET = REPO / "tests" / "data" / "devset"
SET_DIR = DEVSET  # the folder being scored (--set); user-table paths are relative to it
VERDICTS = ("supported", "contradicted", "unverified")
COVERED = ("supported", "contradicted")


# ---------------------------------------------------------------- the data

def load_cases(folder: Path = DEVSET) -> list[dict]:
    """All cases of all family files, each with its `family` (the file's stem) added."""
    cases = []
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            for case in json.load(fh):
                case = dict(case, family=path.stem)
                cases.append(case)
    return cases


def label_id(case: dict, k: int) -> str:
    """The id of the k-th label of a case: '<case id>:<claim>', '#2' added for a repeat."""
    claim = case["expect"][k]["claim"]
    n = sum(1 for e in case["expect"][:k] if e["claim"] == claim)
    return f"{case['id']}:{claim}" + (f"#{n + 1}" if n else "")


def table_kind(case: dict) -> str:
    return "bundled" if case["tables"] == "bundled" else "user"


@functools.cache
def _reference(tables: tuple[str, ...]):
    if tables == ("bundled",):
        return load_reference()
    paths = [REPO / "reference_data" if t == "bundled" else SET_DIR / t for t in tables]
    return load_reference(paths)


def reference_for(case: dict):
    tables = case["tables"]
    return _reference(("bundled",) if tables == "bundled" else tuple(tables))


def label_spans(case: dict) -> list[tuple[int, int]]:
    """Where each label's claim string sits in the text, searched in label order."""
    spans, cursor = [], 0
    for e in case["expect"]:
        at = case["text"].find(e["claim"], cursor)
        if at < 0:
            at = case["text"].find(e["claim"])  # tolerate labels listed out of order
        if at < 0:
            raise ValueError(f"{case['id']}: label {e['claim']!r} is not in the text")
        spans.append((at, at + len(e["claim"])))
        cursor = at + 1
    return spans


# ---------------------------------------------------------------- scoring

@dataclass
class Outcome:
    """What the tool said about one label."""

    id: str
    case: dict
    expect: dict
    verdict: str  # the tool's verdict for the label ("unverified" when missed)
    entity: str = ""
    metric: str = ""
    value: float | None = None
    claim_text: str = ""  # the tool's claim.text, empty when missed
    note: str = ""
    missed: bool = False
    fragments: list = field(default_factory=list)  # (text, verdict, entity, metric) of extra cuts

    @property
    def row_ok(self) -> bool:
        if self.expect["verdict"] not in COVERED:
            return True
        return self.entity == self.expect["entity"] and metric_ok(self.metric, self.expect["metric"])

    @property
    def bad_fragments(self) -> list:
        return [f for f in self.fragments if f[1] in COVERED]

    @property
    def correct(self) -> bool:
        return self.verdict == self.expect["verdict"] and self.row_ok and not self.bad_fragments


def metric_ok(row_metric: str, wanted: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(wanted.lower()) + r"(?!\w)", row_metric.lower()) is not None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@functools.cache
def _run(case_key: str):
    case = _CASES_BY_ID[case_key]
    return check_text(case["text"], reference=reference_for(case), date=dt.date.fromisoformat(case["date"]))


_CASES_BY_ID: dict[str, dict] = {}


def check_case(case: dict) -> tuple[list[Outcome], list]:
    """The outcome of every label of `case`, and the extracted claims no label covers."""
    _CASES_BY_ID[case["id"]] = case
    report = _run(case["id"])
    claims = list(report.claims)
    spans = label_spans(case)
    cspans = [(c.claim.start, c.claim.end) for c in claims]
    primary: dict[int, int] = {}
    used: set[int] = set()
    # Exact text first, then the largest overlap.
    for k, e in enumerate(case["expect"]):
        for j, c in enumerate(claims):
            if j not in used and c.claim.text == e["claim"] and _overlap(spans[k], cspans[j]):
                primary[k] = j
                used.add(j)
                break
    for k in range(len(spans)):
        if k in primary:
            continue
        best = max(((_overlap(spans[k], cspans[j]), j) for j in range(len(claims)) if j not in used),
                   default=(0, -1))
        if best[0] > 0:
            primary[k] = best[1]
            used.add(best[1])
    fragments: dict[int, list] = defaultdict(list)
    unlabelled = []
    for j, c in enumerate(claims):
        if j in used:
            continue
        best = max(((_overlap(spans[k], cspans[j]), k) for k in range(len(spans))), default=(0, -1))
        if best[0] > 0:
            fragments[best[1]].append(c)
        else:
            unlabelled.append(c)
    outcomes = []
    for k, e in enumerate(case["expect"]):
        frags = [(f.claim.text, f.verdict, f.reference.entity if f.reference else "",
                  f.reference.metric if f.reference else "") for f in fragments[k]]
        if k not in primary:
            outcomes.append(Outcome(label_id(case, k), case, e, "unverified", missed=True, fragments=frags,
                                    note="(not extracted)"))
            continue
        c = claims[primary[k]]
        row = c.reference
        outcomes.append(Outcome(label_id(case, k), case, e, c.verdict,
                                entity=row.entity if row else "", metric=row.metric if row else "",
                                value=row.value if row else None, claim_text=c.claim.text, note=c.note,
                                fragments=frags))
    return outcomes, unlabelled


def evaluate(cases: list[dict]) -> tuple[list[Outcome], list[tuple[dict, object]]]:
    outcomes, unlabelled = [], []
    for case in cases:
        o, u = check_case(case)
        outcomes.extend(o)
        unlabelled.extend((case, c) for c in u)
    return outcomes, unlabelled


def scores(outcomes: list[Outcome]) -> dict:
    """Accuracy, precision of supported/contradicted and recall of covered figures."""
    n = len(outcomes)
    right = sum(o.correct for o in outcomes)
    out = {"labels": n, "correct": right, "accuracy": _ratio(right, n)}
    for v in COVERED:
        predicted = sum(o.verdict == v for o in outcomes) + sum(
            1 for o in outcomes for f in o.fragments if f[1] == v)
        tp = sum(o.correct and o.expect["verdict"] == v for o in outcomes)
        out[f"{v}_predicted"] = predicted
        out[f"{v}_precision"] = _ratio(tp, predicted)
    covered = [o for o in outcomes if o.expect["verdict"] in COVERED]
    out["covered"] = len(covered)
    out["covered_recall"] = _ratio(sum(o.correct for o in covered), len(covered))
    out["missed"] = sum(o.missed for o in covered)  # figures a table covers that were not extracted
    # A true figure called false: the failure the issue is about.
    out["true_called_contradicted"] = sum(
        o.expect["verdict"] == "supported" and o.verdict == "contradicted" for o in outcomes)
    out["distractor_given_verdict"] = sum(
        o.expect["verdict"] == "unverified" and o.verdict in COVERED for o in outcomes)
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(outcomes: list[Outcome], unlabelled: list) -> dict:
    groups: dict[str, dict[str, list[Outcome]]] = {"family": defaultdict(list), "pattern": defaultdict(list),
                                                   "tables": defaultdict(list)}
    for o in outcomes:
        groups["family"][o.case["family"]].append(o)
        groups["pattern"][f"{o.case['family']}/{o.case['pattern']}"].append(o)
        groups["tables"][table_kind(o.case)].append(o)
    cases = {o.case["id"] for o in outcomes}
    return {
        "cases": len(cases),
        "overall": scores(outcomes),
        "by_tables": {k: scores(v) for k, v in sorted(groups["tables"].items())},
        "by_family": {k: scores(v) for k, v in sorted(groups["family"].items())},
        "by_pattern": {k: scores(v) for k, v in sorted(groups["pattern"].items())},
        "unlabelled_claims": [{"case": case["id"], "claim": c.claim.text, "verdict": c.verdict}
                              for case, c in unlabelled],
    }


# ---------------------------------------------------------------- output

def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:5.1f}"


def _row(name: str, s: dict) -> str:
    return (f"{name:44s} {s['labels']:4d} {_pct(s['accuracy'])} {_pct(s['supported_precision'])} "
            f"{_pct(s['contradicted_precision'])} {s['covered']:4d} {_pct(s['covered_recall'])} "
            f"{s['true_called_contradicted']:4d} {s['distractor_given_verdict']:4d} {s['missed']:4d}")


def print_table(summ: dict) -> None:
    head = (f"{'':44s} {'n':>4s} {'acc':>5s} {'P(s)':>5s} {'P(c)':>5s} {'cov':>4s} {'R(cov)':>6s}"
            f" {'T->c':>4s} {'U->v':>4s} {'miss':>4s}")
    name = "dev set" if SET_DIR == DEVSET else f"{SET_DIR.name} set"
    print(f"{name}: {summ['cases']} cases, {summ['overall']['labels']} labelled claims")
    print(head)
    print(_row("ALL", summ["overall"]))
    for k, s in summ["by_tables"].items():
        print(_row(f"tables: {k}", s))
    print()
    for k, s in summ["by_family"].items():
        print(_row(k, s))
    print()
    for k, s in summ["by_pattern"].items():
        print(_row(k, s))
    print("\nacc: label right (verdict, and row for supported/contradicted); P(s), P(c): precision of"
          "\nsupported / contradicted; cov: labels a table covers; R(cov): those right on the right row;"
          "\nT->c: true figures called contradicted; U->v: uncovered figures given a verdict;"
          "\nmiss: covered labels not extracted at all (each counts as a wrong 'unverified').")
    if summ["unlabelled_claims"]:
        print(f"\nWARNING: {len(summ['unlabelled_claims'])} extracted claims have no label:")
        for u in summ["unlabelled_claims"]:
            print(f"  {u['case']}: {u['claim']!r} ({u['verdict']})")


def describe(o: Outcome) -> str:
    e = o.expect
    want = e["verdict"] + (f" {e['entity']}/{e['metric']}" if e["verdict"] in COVERED else "")
    got = o.verdict + (f" {o.entity}/{o.metric}" if o.entity else "")
    if o.missed:
        got = "not extracted"
    elif o.claim_text != e["claim"]:
        got += f" (cut as {o.claim_text!r})"
    frag = "".join(f" + fragment {t!r} {v}" + (f" {en}/{m}" if en else "") for t, v, en, m in o.bad_fragments)
    return f"{o.id}\n    want {want}; got {got}{frag}\n    note: {o.note}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary instead")
    ap.add_argument("--failures", action="store_true", help="also list every wrong label with the tool's note")
    ap.add_argument("--family", help="only this family (file stem, e.g. wrong_place)")
    ap.add_argument("--write-known-failures", action="store_true",
                    help="rewrite tests/data/devset/known_failures.txt with the labels wrong today")
    ap.add_argument("--set", dest="set_dir", type=Path, default=DEVSET,
                    help="folder of the labelled set to score (default: tests/data/devset)")
    args = ap.parse_args(argv)
    global SET_DIR
    SET_DIR = args.set_dir.resolve()
    cases = load_cases(SET_DIR)
    if args.family:
        cases = [c for c in cases if c["family"] == args.family]
    outcomes, unlabelled = evaluate(cases)
    summ = summary(outcomes, unlabelled)
    if args.write_known_failures:
        path = SET_DIR / "known_failures.txt"
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        path.write_text("\n".join([*head, *(o.id for o in outcomes if not o.correct)]) + "\n", encoding="utf-8")
    if args.json:
        if args.failures:
            summ["failures"] = [o.id for o in outcomes if not o.correct]
        json.dump(summ, sys.stdout, indent=1)
        print()
        return 0
    print_table(summ)
    if args.failures:
        wrong = [o for o in outcomes if not o.correct]
        print(f"\n{len(wrong)} wrong labels:")
        for o in wrong:
            print(describe(o))
    return 0


if __name__ == "__main__":
    sys.exit(main())
