#!/usr/bin/env python3
"""Does checking time grow linearly with the length of a sentence? (issue #12)

    python bench/bench_linear.py [--cap 120] [--repeat 1]

Generates run-on sentences of 5, 10, 20 and 40 KB (clauses full of figures joined by
"and", never a full stop) and a 2 MB single line of figures, and times, each as a
whole child process with a per-run time cap:

(a) extraction only: `checker.extract.extract_claims` on the text (import included);
(b) the whole CLI: `python -m checker check FILE --format json -o OUT`.

A run that passes the cap is killed and reported as "did not finish in N s", never
as a time. Linear growth shows as a steady time per KB; each line also gives the
ratio to the 5 KB run of the same kind, measured in the same run. All checker runs
use a fresh FACTCHECK_CACHE_DIR whose cache is built once before timing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import PY, REPO, env_with_cache, header, temp_file

_CLAUSE = ("and Ukraine covers 603,550 square kilometres while about 20 percent of the territory, some "
           "3.7 million people and $41 billion in 2022 rose by 5.3% to 1.5m troops ")


def run_on_sentence(size: int) -> str:
    """One sentence of `size` characters: no full stop anywhere."""
    text = "Officials said "
    while len(text) < size:
        text += _CLAUSE
    return text[:size]


def line_of_figures(size: int, seed: int = 12) -> str:
    """A single line of `size` characters of figures separated by spaces."""
    rng = random.Random(seed)
    shapes = ("{a}", "{a},{b:03d}", "{a}.{c}", "{a}%", "{a} million", "${a}bn")
    parts: list[str] = []
    total = 0
    while total < size:
        part = rng.choice(shapes).format(a=rng.randint(1, 999), b=rng.randint(0, 999), c=rng.randint(0, 9)) + " "
        parts.append(part)
        total += len(part)
    return "".join(parts)[:size]


def timed(cmd: list[str], env: dict[str, str], cap: float) -> float | None:
    """Wall time of `cmd`, or None if it did not finish within `cap` seconds (it is then killed)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=cap)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode('utf-8', 'replace')[-500:]}")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cap", type=float, default=120.0, help="seconds a run may take before it is killed")
    ap.add_argument("--repeat", type=int, default=1, help="runs per input; the fastest is reported")
    args = ap.parse_args()

    header("bench_linear: time against sentence length")
    cache = tempfile.mkdtemp(prefix="bench-cache-")
    env = env_with_cache(cache)
    cases = [(f"{kb} KB run-on sentence", run_on_sentence(kb * 1000)) for kb in (5, 10, 20, 40)]
    cases.append(("2 MB line of figures", line_of_figures(2_000_000)))
    files = [(label, temp_file(text)) for label, text in cases]
    out = os.path.join(cache, "report.json")
    try:
        timed([PY, "-m", "checker", "check", files[0][1], "--format", "json", "-o", out], env, args.cap * 5)
        for kind, make in (
            ("extraction only", lambda f: [PY, "-c", "import sys; from checker.extract import extract_claims; "
                                                       "extract_claims(open(sys.argv[1], encoding='utf-8').read())",
                                           f]),
            ("whole CLI", lambda f: [PY, "-m", "checker", "check", f, "--format", "json", "-o", out]),
        ):
            print(f"\n{kind} (cap {args.cap:g} s per run, best of {args.repeat}):")
            base: float | None = None
            for (label, path), (_, text) in zip(files, cases):
                runs = [timed(make(path), env, args.cap) for _ in range(args.repeat)]
                done = [r for r in runs if r is not None]
                if not done:
                    print(f"  {label:<24} did not finish in {args.cap:g} s")
                    continue
                best = min(done)
                kb = len(text.encode("utf-8")) / 1000
                base = base if base is not None else best
                print(f"  {label:<24} {best:8.2f} s   {best / kb * 1000:7.2f} ms/KB   {best / base:6.1f}x the 5 KB run")
    finally:
        for _, path in files:
            os.unlink(path)
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
