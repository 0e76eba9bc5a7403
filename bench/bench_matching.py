#!/usr/bin/env python3
"""How the checker scales with the size of the reference table: 1,000 vs 100,000 rows.

    python bench/bench_matching.py [--repeat 3] [--sizes 1000 100000]

Writes synthetic reference CSVs to a temp dir (entities "Entity 000123" plus a few invented
place names; metrics population/area/GDP in people/km2/USD; source "synthetic"), then for
each size:
  * whole process: `python -m checker check ARTICLE --reference CSV --format json`, one
    cold-cache run (fresh FACTCHECK_CACHE_DIR: parse + index + write the cache),
    then best of N warm-cache runs; wall time and peak RSS (os.wait4) of the child;
  * in process: load_reference([CSV]) from the warm cache, and check_text(ARTICLE, reference=...),
    each best of N.
The ~5 KB article (generated below from the same rows) names invented places and some
"Entity 0000xx" entities that exist in every table size, with true and false figures, so
both sizes must give the same verdicts; the script checks that they do.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import REPO, best_of, checker_cmd, env_with_cache, header, run_child, temp_file

# Invented, real-looking place names (none is meant to be a real place).
INVENTED = ("Northmere", "Karvelia", "San Aurelio", "Lake Thessin", "Brindmoor", "Port Quellan",
            "Ostravik", "Valderra", "New Harrowgate", "Maraveth")
METRICS = (("population", "people"), ("area", "km2"), ("GDP", "USD"))


def entity_names():
    yield from INVENTED
    k = 0
    while True:
        yield f"Entity {k:06d}"
        k += 1


def figures(entity: str) -> dict[str, float]:
    """Deterministic figures per entity, the same in every table size (seeded by the name)."""
    rng = random.Random(entity)
    population = rng.randint(20_000, 40_000_000)
    return {
        "population": population,
        "area": rng.randint(50, 900_000),
        "GDP": round(population * rng.uniform(2_000, 60_000), -6),
    }


def write_table(path: str, n_rows: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["entity", "metric", "value", "unit", "source"])
        written = 0
        for entity in entity_names():
            values = figures(entity)
            for metric, unit in METRICS:
                if written == n_rows:
                    return
                w.writerow([entity, metric, f"{values[metric]:.0f}", unit, "synthetic"])
                written += 1


def _millions(x: float) -> str:
    return f"{x / 1e6:.1f} million"


def article(target_bytes: int = 5000) -> str:
    """An article on the synthetic entities; every third figure is wrong on purpose."""
    subjects = list(INVENTED) + [f"Entity {k:06d}" for k in range(0, 300, 7)]
    paragraphs: list[str] = []
    k = 0
    for name in subjects:
        f = figures(name)
        wrong = 1.0 if k % 3 else 1.5  # every third paragraph states inflated figures
        paragraphs.append(
            f"{name} has a population of {_millions(f['population'] * wrong)} people, officials said on "
            f"Monday. {name} has an area of {round(f['area'] * wrong):,} square kilometres, and the GDP of "
            f"{name} reached ${f['GDP'] * wrong / 1e9:.1f} billion last year, according to the ministry."
        )
        k += 1
        text = "\n\n".join(paragraphs) + "\n"
        if len(text.encode("utf-8")) >= target_bytes:
            return text
    return "\n\n".join(paragraphs) + "\n"


def verdicts(stdout: str) -> collections.Counter:
    return collections.Counter(c["verdict"] for c in json.loads(stdout)["claims"])


def name_digit_claims(stdout: str) -> int:
    """Claims read from the digits of an "Entity 000123" name (not figures the article states)."""
    return sum(1 for c in json.loads(stdout)["claims"] if re.fullmatch(r"\d{6}", c["text"]))


def main() -> int:
    ap = argparse.ArgumentParser(description="reference-table size scaling: 1k vs 100k rows")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per measurement, best kept (default 3)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    args = ap.parse_args()

    header("bench_matching")
    work = tempfile.mkdtemp(prefix="bench-matching-")
    text = article()
    art = temp_file(text, folder=work)
    print(f"article {len(text.encode('utf-8')) / 1000:.1f} KB; sizes {args.sizes}")
    results: dict[int, dict[str, object]] = {}
    try:
        for n in args.sizes:
            table = os.path.join(work, f"synthetic_{n}.csv")
            t0 = time.perf_counter()
            write_table(table, n)
            gen = time.perf_counter() - t0
            cache = os.path.join(work, f"cache-{n}")
            env = env_with_cache(cache)
            cmd = checker_cmd(art, "--reference", table)
            cold = run_child(cmd, env, capture=True)  # builds the cache
            warm, times = best_of(args.repeat, cmd, env)
            out = run_child(cmd, env, capture=True).stdout
            counts, from_names = verdicts(out), name_digit_claims(out)

            # in process, against the same (warm) cache
            os.environ["FACTCHECK_CACHE_DIR"] = cache
            sys.path.insert(0, str(REPO))
            from checker.pipeline import check_text
            from checker.reference import load_reference
            load_times, check_times = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                ref = load_reference([table])
                load_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                report = check_text(text, reference=ref)
                check_times.append(time.perf_counter() - t0)
            in_counts = collections.Counter(c.verdict for c in report.claims)
            results[n] = dict(rows=len(ref), csv_mb=os.path.getsize(table) / 1e6, gen=gen, cold=cold, warm=warm,
                              times=times, counts=counts, in_counts=in_counts, from_names=from_names,
                              load=min(load_times), check=min(check_times))
            del ref, report
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'rows':>8} {'CSV MB':>7} {'cold-cache s':>12} {'cold MB':>8} {'warm best s':>11} {'warm MB':>8} "
          f"{'load_reference s':>16} {'check_text s':>12}  verdicts")
    for r in results.values():
        c = r["counts"]
        print(f"{r['rows']:>8} {r['csv_mb']:>7.2f} {r['cold'].seconds:>12.3f} {r['cold'].maxrss_mb:>8.1f} "
              f"{r['warm'].seconds:>11.3f} {r['warm'].maxrss_mb:>8.1f} {r['load']:>16.4f} {r['check']:>12.4f}  "
              f"{dict(sorted(c.items()))}")
        print(f"{'':>8} warm runs: {', '.join(f'{t:.3f}' for t in r['times'])}; table written in {r['gen']:.2f} s; "
              f"{r['from_names']} claims are digits of an entity name")
    if len(results) >= 2:
        small, big = min(results), max(results)
        a, b = results[small], results[big]
        ratio = b["warm"].seconds / a["warm"].seconds
        print()
        print(f"t({big})/t({small}) whole process, warm cache = {ratio:.2f}  "
              f"(target <= 2: {'met' if ratio <= 2 else 'NOT met'})")
        print(f"in process: load_reference {b['load'] / a['load']:.1f}x, check_text {b['check'] / a['check']:.2f}x; "
              f"cold-cache whole process {b['cold'].seconds / a['cold'].seconds:.1f}x")
        print(f"peak RSS warm: {a['warm'].maxrss_mb:.1f} MB vs {b['warm'].maxrss_mb:.1f} MB; "
              f"cold: {a['cold'].maxrss_mb:.1f} MB vs {b['cold'].maxrss_mb:.1f} MB")
        same = a["counts"] == b["counts"] and a["in_counts"] == b["in_counts"] == a["counts"]
        print(f"same verdicts for both sizes (CLI and in-process): {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
