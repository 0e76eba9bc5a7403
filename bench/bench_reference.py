"""Time loading and indexing the bundled reference tables (run by hand).

    python bench/bench_reference.py

Reports a cold load (fresh cache directory: CSV parsing, validation, aliases,
index, cache write) and warm loads (from the cache), best of 5, and the
ratio of the two. Target: a warm load under 0.5 s on this machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["FACTCHECK_CACHE_DIR"] = cache
        from checker.reference import load_reference

        start = time.perf_counter()
        ref = load_reference()
        cold = time.perf_counter() - start
        warm = []
        for _ in range(5):
            start = time.perf_counter()
            load_reference()
            warm.append(time.perf_counter() - start)
    print(f"rows {len(ref)}, tables {len(ref.tables)}, indexed names {len(ref.entity_index)}")
    print(f"cold load (no cache): {cold:.3f} s")
    print(f"warm load (cached), best of 5: {min(warm):.3f} s  (cold/warm = {cold / min(warm):.1f}x)")


if __name__ == "__main__":
    main()
