"""Time the browser app from pressing "Check figures" to the results being on screen.

Run by hand (not part of the tests):

    python bench/bench_app.py

Starts `streamlit run app.py` on a free port with a throw-away review database,
warms it with one small check, then for a 5 KB and a 100 KB article (paragraphs
below, repeated) reloads the page, pastes the text, clicks the button and waits
until the "0 of N reviewed" line appears. Also prints the time of the core check
alone (checker.pipeline.check_text, no browser) for comparison.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"

PARAGRAPHS = [
    "The regional water board said its new reservoir near the coast will hold about 40 million cubic metres "
    "and cost $310 million, roughly 20 per cent more than the 2019 estimate.",
    "Ukraine covers 603,550 sq km, and officials in Kyiv said repairs to the grid would take at least "
    "three years; more than 1.5 million households were without power at the peak in January.",
    "France has a population of 68 million people, the minister told reporters, adding that some 12,000 "
    "teachers would be hired over five years at a cost of €2.4bn.",
    "Hundreds of thousands of commuters were affected when the line closed for 36 hours; the operator "
    "said 95% of trains ran on time the following week, up from 87% a year earlier.",
    "Germany has about 84 million inhabitants, and Berlin alone received 4,500 new arrivals last month, "
    "the city's integration office said in a statement on Tuesday.",
]


def article(size: int) -> str:
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(p)
        total += len(p.encode()) + 1
        i += 1
    return "\n".join(out)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


def core_seconds(text: str) -> float:
    sys.path.insert(0, str(ROOT))
    from checker.pipeline import check_text
    from checker.reference import load_reference

    reference = load_reference()
    check_text(text, reference=reference)  # warm caches
    start = time.perf_counter()
    check_text(text, reference=reference)
    return time.perf_counter() - start


def browser_seconds(page, url: str, text: str) -> tuple[float, int]:
    page.goto(url)
    page.get_by_label("Article text").fill(text)
    start = time.perf_counter()
    page.get_by_role("button", name="Check figures").click()
    done = page.get_by_text(re.compile(r"^0 of \d+ reviewed$"))
    done.wait_for(timeout=300_000)
    page.locator(".fc-article mark").first.wait_for(timeout=300_000)
    seconds = time.perf_counter() - start
    return seconds, int(done.inner_text().split()[2])


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "FACTCHECK_DB": str(Path(tmp) / "bench.sqlite3"),
               "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_healthy(url)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update"],
                )
                page = browser.new_page(viewport={"width": 1400, "height": 2000})
                browser_seconds(page, url, article(1_000))  # warm: reference tables, imports
                for label, size in (("5 KB", 5_000), ("100 KB", 100_000)):
                    text = article(size)
                    seconds, claims = browser_seconds(page, url, text)
                    core = core_seconds(text)
                    print(f"{label:>6}: {len(text.encode()):>7,} bytes, {claims:>4} claims: "
                          f"click to results {seconds:6.2f} s (core check alone {core:5.2f} s)")
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
