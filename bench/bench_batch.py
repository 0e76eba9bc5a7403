"""Batch mode throughput and memory (issue #14): `python bench/bench_batch.py`.

Generates an archive of small news-like articles (a few paragraphs, a few figures each,
about 1.6 KB), then runs `run_batch` on local Dask clusters of 1 and 2 single-threaded
worker processes:

- throughput, articles/s and MB/s of article text, on a folder of N .txt files
  (default 10,000), with 1 and with 2 workers; the ratio of the two;
- peak memory of each worker process (its ru_maxrss, read on the worker with
  `client.run`) after checking 10,000 and 100,000 articles (a JSON Lines export; 2 workers);
- per-core throughput: the 1-worker MB/s.

Cluster start-up is timed apart and not counted in the throughput. Options:
--articles N (throughput archive), --memory N1,N2 (the memory runs; empty to skip).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIGURES = [
    "Ukraine covers 603,550 sq km.",
    "Ukraine covers 703,550 sq km, the report claimed.",
    "France has a population of 68 million.",
    "Russia annexed Crimea in 2014, and the war began on 24 February 2022.",
    "Some 30,000 troops were moved to the border, officials said.",
    "Paris has a population of 2.1 million, while Berlin has 3.6 million residents.",
    "Inflation in Poland rose to 4.9% last year, the statistics office said.",
    "The company said revenue rose 12 percent to $3.5bn in the third quarter.",
    "Germany's population is 84 million, the council said on Tuesday.",
    "Hundreds of people gathered in the square on Saturday.",
]
PROSE = [
    "The minister met reporters on Tuesday and said talks would continue next week.",
    "Officials declined to comment on the details of the proposal.",
    "Residents described a tense atmosphere in the city centre as the evening went on.",
    "The opposition called the plan a mistake and demanded a vote in parliament.",
    "Analysts said the decision was likely to shape the debate for months to come.",
    "A spokesperson for the ministry said the figures would be published in due course.",
    "Negotiators from both sides are expected to meet again before the end of the month.",
    "The government has faced growing criticism over its handling of the crisis.",
    "Several roads were closed and public transport was running a reduced service.",
    "Critics argue that the measures do not go far enough to address the problem.",
    "The report, seen by reporters, sets out a series of recommendations.",
    "Local media reported that the meeting ended without an agreement.",
]


def article(rng: random.Random, i: int) -> str:
    paragraphs = []
    for _ in range(4):
        sentences = rng.sample(PROSE, 2) + [rng.choice(FIGURES)]
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    return f"Story {i}\n\n" + "\n\n".join(paragraphs) + "\n"


def worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def worker_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def run(inputs: list[str], workers: int, out: str) -> dict[str, object]:
    from dask.distributed import Client, LocalCluster

    from checker.batch.runner import run_batch

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    started = time.perf_counter() - t0
    try:
        cpu_before = client.run(worker_cpu_seconds)
        load_before = load_average()
        report = run_batch(inputs, out, client=client)
        cpu = sum(v - cpu_before[k] for k, v in client.run(worker_cpu_seconds).items())
        peaks = sorted(client.run(worker_peak_mb).values())
    finally:
        client.close()
        cluster.close()
    d = report.to_dict()
    return {"workers": workers, "articles": d["articles"], "claims": d["claims"], "errors": d["errors"],
            "seconds": d["seconds"], "articles_per_second": d["articles_per_second"], "megabytes": d["megabytes"],
            "megabytes_per_second": d["megabytes_per_second"], "cluster_start_seconds": round(started, 2),
            "worker_peak_rss_mb": [round(p, 1) for p in peaks],
            # CPU time the workers spent on the batch, and MB of text per CPU-second: the per-core
            # figure even when other processes share the cores (the load averages say how much).
            "worker_cpu_seconds": round(cpu, 2), "megabytes_per_cpu_second": round(float(d["megabytes"]) / cpu, 4),
            "articles_per_cpu_second": round(int(d["articles"]) / cpu, 1),
            "load_average_before_after": [load_before, load_average()]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--memory", default="10000,100000")
    args = parser.parse_args()
    rng = random.Random(14)
    results: dict[str, object] = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine":
                                  f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        for i in range(args.articles):
            (folder / f"story-{i:06d}.txt").write_text(article(rng, i), encoding="utf-8")
        for workers in (1, 2):
            r = run([str(folder)], workers, f"{tmp}/out-files-{workers}")
            results[f"files_{workers}_workers"] = r
            print(json.dumps(r), flush=True)
        one, two = results["files_1_workers"], results["files_2_workers"]
        assert isinstance(one, dict) and isinstance(two, dict)
        results["ratio_2_vs_1"] = round(two["articles_per_second"] / one["articles_per_second"], 2)
        results["per_core_mb_per_second"] = one["megabytes_per_second"]
        results["per_core_mb_per_cpu_second"] = one["megabytes_per_cpu_second"]
        print("2 vs 1 workers:", results["ratio_2_vs_1"], flush=True)
        for n in [int(x) for x in args.memory.split(",") if x]:
            export = Path(tmp) / f"export-{n}.jsonl"
            with open(export, "w", encoding="utf-8") as fh:
                for i in range(n):
                    fh.write(json.dumps({"id": f"a{i}", "text": article(rng, i)}) + "\n")
            r = run([str(export)], 2, f"{tmp}/out-jsonl-{n}")
            results[f"jsonl_{n}_2_workers"] = r
            print(json.dumps(r), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
