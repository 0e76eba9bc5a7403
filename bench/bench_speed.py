#!/usr/bin/env python3
"""Speed and memory of the checker CLI, against plain quantulum3, in one run.

    python bench/bench_speed.py [--repeat 3] [--cold-repeat 5]

(a) `python -m checker check DOC --format json` on all NewsQuant sentences joined by blank
    lines (~77 KB), as a whole child process: best of N wall times.
(b) plain quantulum3 on the same sentences one by one (`parser.parse(s)` per sentence), as a
    whole child process (import included, warnings ignored): best of N. Ratio (b)/(a).
(c) cold start: the CLI on a ~5 KB article written for this script, best of 5, and
    `python -c pass` as the floor of any Python process.
(d) peak RSS of each child (os.wait4 rusage), notably the CLI on the 77 KB document.
All checker runs use FACTCHECK_CACHE_DIR set to a fresh temp dir: the first run on each
input is a separate "cold cache" run (reference tables parsed and indexed, cache written);
every timed run after it reads the warm cache. The user's own cache is never touched.

NewsQuant is read at run time from ../shared/eval-data/newsquant (internal use only).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import (
    NEWSQUANT_JSON,
    PY,
    best_of,
    checker_cmd,
    env_with_cache,
    header,
    joined,
    load_dataset,
    run_child,
    temp_file,
)

# A ~5 KB article composed for this benchmark (fictional events; figures chosen to exercise
# the extractor: currencies, percentages, scale words, hedges, ranges, changes, countries).
_PARAGRAPHS = (
    "Ukraine, a country of about 38 million people, covers 603,550 square kilometres, and its "
    "economy shrank by 29.1% in 2022 before growing 5.3% the following year. Officials in Kyiv said "
    "on Tuesday that more than 6.3 million refugees were still recorded across Europe, while some "
    "3.7 million people remained displaced inside the country. The government asked donors for "
    "$41 billion for reconstruction this year, up from $37.4bn a year earlier.",
    "In Poland, which hosts nearly 1 million Ukrainians, the central bank kept its main rate at "
    "5.75 per cent for a fourth month. Inflation eased to 2.8% in March from 3.9% in February, "
    "the statistics office said, and wages rose 12.4 percent year on year. Warsaw plans to spend "
    "4.1% of GDP on defence, roughly 190 billion zloty, and to buy 250 tanks and 96 attack helicopters "
    "over the next 10 years.",
    "Germany's population reached 84.4 million last year, according to preliminary figures, an "
    "increase of 0.3 per cent. Berlin, a city of 3.8 million inhabitants, added between 20,000 and "
    "30,000 residents. The economy, worth about €4.1 trillion, contracted by 0.3% as energy-intensive "
    "industries cut output by as much as 20 percent. Around two thirds of firms expect prices to "
    "rise by at least 3% within 12 months.",
    "France covers 643,801 sq km including overseas regions, and Paris has roughly 2.1 million "
    "inhabitants. Unemployment fell to 7.1%, its lowest level in 15 years, while the budget deficit "
    "stood at 5.5% of output, or €154 billion. A new high-speed line of 327 km will cut journey "
    "times by 40 minutes and carry up to 18 million passengers a year once it opens in 2030.",
    "Japan's economy, the world's fourth largest at $4.2 trillion, grew at an annualised pace of "
    "1.2%. Tokyo, home to almost 14 million people, welcomed 25 million foreign visitors, who spent "
    "¥5.3 trillion, up 38 percent. The yen weakened past 150 per dollar, and the Bank of Japan raised "
    "its rate by 0.25 percentage points for the first time in 17 years.",
)


def article_5kb() -> str:
    text, paragraphs = "", []
    while len(text.encode("utf-8")) < 5000:
        paragraphs.append(_PARAGRAPHS[len(paragraphs) % len(_PARAGRAPHS)])
        text = "\n\n".join(paragraphs) + "\n"
    return text


QUANTULUM_CHILD = (
    "import json, sys, warnings\n"
    "warnings.filterwarnings('ignore')\n"
    "from quantulum3 import parser\n"
    "sentences = json.load(open(sys.argv[1], encoding='utf-8'))\n"
    "out = [parser.parse(s) for s in sentences]\n"
)


def fmt_times(times: list[float]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)


def main() -> int:
    ap = argparse.ArgumentParser(description="CLI speed and memory vs quantulum3")
    ap.add_argument("--repeat", type=int, default=3, help="runs for (a) and (b), best kept (default 3)")
    ap.add_argument("--cold-repeat", type=int, default=5, help="runs for (c), best kept (default 5)")
    ap.add_argument("--skip-quantulum", action="store_true", help="skip (b), which takes ~10 s a run")
    args = ap.parse_args()

    header("bench_speed")
    # An installed package has its bytecode compiled (pip does it), and quantulum3's in
    # site-packages is: compile ours too, so that neither side pays for compiling its
    # sources on every run where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "checker"), quiet=1)
    sentences = [d["text"] for d in load_dataset(NEWSQUANT_JSON)]
    doc, _ = joined(sentences)
    work = tempfile.mkdtemp(prefix="bench-speed-")
    try:
        doc_path = temp_file(doc, folder=work)
        sents_path = temp_file(json.dumps(sentences), suffix=".json", folder=work)
        small = article_5kb()
        small_path = temp_file(small, folder=work)
        print(f"inputs: NewsQuant document {len(doc.encode('utf-8')) / 1000:.1f} KB ({len(sentences)} sentences); "
              f"article {len(small.encode('utf-8')) / 1000:.1f} KB")

        # cold cache: one run each on an empty cache dir, reported apart from the warm runs
        cold_small = run_child(checker_cmd(small_path), env_with_cache(os.path.join(work, "cache-small")))
        cold_doc = run_child(checker_cmd(doc_path), env_with_cache(os.path.join(work, "cache-doc")))
        warm = env_with_cache(os.path.join(work, "cache-doc"))  # now populated

        a, a_times = best_of(args.repeat, checker_cmd(doc_path), warm)
        n_claims = len(json.loads(run_child(checker_cmd(doc_path), warm, capture=True).stdout)["claims"])
        c, c_times = best_of(args.cold_repeat, checker_cmd(small_path), warm)
        floor, floor_times = best_of(args.cold_repeat, [PY, "-c", "pass"])
        b = None
        if not args.skip_quantulum:
            b, b_times = best_of(args.repeat, [PY, "-c", QUANTULUM_CHILD, sents_path], env_with_cache(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'measurement':<62} {'best s':>8} {'peak MB':>8}   all runs (s)")
    print(f"{'(a) checker CLI, 77 KB NewsQuant doc, warm cache':<62} {a.seconds:>8.3f} {a.maxrss_mb:>8.1f}   "
          f"{fmt_times(a_times)}  [{n_claims} claims]")
    if b is not None:
        print(f"{'(b) quantulum3 parse() per sentence, whole process':<62} {b.seconds:>8.3f} {b.maxrss_mb:>8.1f}   "
              f"{fmt_times(b_times)}")
    print(f"{'(c) checker CLI, 5 KB article, warm cache':<62} {c.seconds:>8.3f} {c.maxrss_mb:>8.1f}   "
          f"{fmt_times(c_times)}")
    print(f"{'    floor: python -c pass':<62} {floor.seconds:>8.3f} {floor.maxrss_mb:>8.1f}   "
          f"{fmt_times(floor_times)}")
    print(f"{'cold cache (fresh FACTCHECK_CACHE_DIR), 5 KB article, 1 run':<62} {cold_small.seconds:>8.3f} "
          f"{cold_small.maxrss_mb:>8.1f}")
    print(f"{'cold cache (fresh FACTCHECK_CACHE_DIR), 77 KB doc, 1 run':<62} {cold_doc.seconds:>8.3f} "
          f"{cold_doc.maxrss_mb:>8.1f}")
    print()
    if b is not None:
        ratio = b.seconds / a.seconds
        print(f"ratio (b)/(a) = {ratio:.1f}x  (target >= 10x: {'met' if ratio >= 10 else 'NOT met'})")
    print(f"cold start, 5 KB, warm cache = {c.seconds:.3f} s  (target < 1 s: {'met' if c.seconds < 1 else 'NOT met'}); "
          f"above the interpreter floor by {c.seconds - floor.seconds:.3f} s")
    print(f"(d) peak RSS of the CLI on the 77 KB doc: {a.maxrss_mb:.1f} MB warm cache, "
          f"{cold_doc.maxrss_mb:.1f} MB cold cache")
    return 0


if __name__ == "__main__":
    sys.exit(main())
