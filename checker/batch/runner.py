"""Running a batch: find the articles, send partitions of them to Dask workers, write
each partition's tables as it comes back, and report the run.

A local cluster (one single-threaded worker process per core) is started by default;
with a scheduler address the run uses that cluster instead. The machine running this
reads the inputs and writes the output; workers need only this package and the same
reference tables. At most a few partitions per worker are in flight at once, so memory
stays flat however large the archive.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from checker.batch.inputs import Article, find_sources, iter_articles
from checker.batch.output import OutputFolder
from checker.batch.task import Settings, check_partition
from checker.reference import load_reference
from checker.verdict import VerdictOptions

PARTITION_ARTICLES = 250
# Partition data travels inside the task; Dask warns about tasks over 10 MB.
PARTITION_BYTES = 8_000_000
IN_FLIGHT_PER_WORKER = 2


@dataclass
class RunReport:
    """What a run did. `articles` counts the articles of this run (checked or errors);
    `skipped` those already in the output (--resume)."""

    output: str
    format: str
    cluster: str = ""
    workers: int = 0
    articles: int = 0
    skipped: int = 0
    claims: int = 0
    errors: int = 0
    partitions: int = 0
    failed_partitions: int = 0
    failed_articles: int = 0
    failures: list[str] = field(default_factory=list)
    text_bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    started: str = ""

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def megabytes_per_second(self) -> float:
        return self.text_bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = asdict(self)
        d["seconds"] = round(self.seconds, 3)
        d["articles_per_second"] = round(self.articles_per_second, 2)
        d["megabytes"] = round(self.text_bytes / 1e6, 3)
        d["megabytes_per_second"] = round(self.megabytes_per_second, 4)
        return d

    def lines(self) -> list[str]:
        out = [f"{self.articles:,} articles checked ({self.errors:,} errors), {self.claims:,} claims, "
               f"in {self.seconds:.1f} s: {self.articles_per_second:,.1f} articles/s, "
               f"{self.megabytes_per_second:.3f} MB/s of text ({self.workers} workers, {self.cluster})"]
        if self.skipped:
            out.append(f"{self.skipped:,} articles were already in {self.output} and were skipped")
        if self.failed_partitions:
            out.append(f"{self.failed_partitions} partitions ({self.failed_articles:,} articles) failed and were not "
                       f"written; run again with --resume to retry them. First failure: {self.failures[0]}")
        if self.interrupted:
            out.append(f"interrupted: what is in {self.output} is complete; run again with --resume to go on")
        out.append(f"output: {self.output}/claims, {self.output}/articles, {self.output}/run.json")
        return out


@dataclass(frozen=True)
class Progress:
    articles: int  # done so far in this run
    total: int | None  # to do in this run, when known (not for CMS exports, which are read lazily)
    partitions: int
    seconds: float


def run_batch(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    reference: Sequence[str] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    date: dt.date | None = None,
    fmt: str = "parquet",
    options: VerdictOptions | None = None,
    partition_size: int = PARTITION_ARTICLES,
    client: Any = None,
    dashboard_address: str | None = ":8787",
    on_message: Callable[[str], None] = lambda line: None,
    on_progress: Callable[[Progress], None] = lambda p: None,
    max_partitions: int | None = None,
) -> RunReport:
    """Check every article of `inputs` and write the tables into the folder `out`.

    `client`, if given, is a dask.distributed Client to use (and not close); else one is
    made for `scheduler`, or for a local cluster of `workers` processes (default: the
    cores). `max_partitions` stops after that many partitions, as an interruption would.
    Raises CheckerError (one line) for inputs or tables that cannot be used at all.
    """
    sources = find_sources(inputs)
    folder = OutputFolder(out, fmt, resume=resume)
    skip = folder.done_ids() if resume else set()
    # Refuse bad tables here, once, with their one-line message, before any worker starts;
    # this also builds the reference cache that local workers then read.
    paths = tuple(os.path.abspath(p) for p in reference) if reference else None
    tables = load_reference(list(paths)) if paths is not None else load_reference()
    for warning in tables.warning_lines():
        on_message(f"warning: {warning}")
    settings = Settings(reference=paths, date=date, options=options or VerdictOptions())
    total = None
    if all(s.kind == "article" for s in sources):
        total = sum(1 for s in sources if s.path not in skip)

    report = RunReport(output=str(out), format=fmt, skipped=len(skip),
                       started=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    own_client, cluster = None, None
    start = time.perf_counter()
    try:
        if client is None:
            own_client, cluster = _connect(workers, scheduler, dashboard_address)
            client = own_client
            report.cluster = scheduler or "local cluster"
            link = client.dashboard_link
            if importlib.util.find_spec("bokeh") is None and cluster is not None:
                link += " (install bokeh to open it)"
            on_message(f"Dask dashboard: {link}")
        else:
            report.cluster = str(getattr(client.scheduler, "address", "given client"))
        report.workers = sum(client.nthreads().values())
        if skip:
            on_message(f"resuming: {len(skip):,} articles already in {out} are skipped")
        _run(client, folder, _partitions(iter_articles(sources, skip), partition_size), settings, report,
             max(1, report.workers) * IN_FLIGHT_PER_WORKER, max_partitions,
             lambda: on_progress(Progress(report.articles, total, report.partitions, time.perf_counter() - start)))
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    finally:
        report.seconds = time.perf_counter() - start
        if own_client is not None:
            own_client.close()
        if cluster is not None:
            cluster.close()
        folder.write_report(report.to_dict())
    return report


def _connect(workers: int | None, scheduler: str | None, dashboard_address: str | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=dashboard_address)
    return Client(cluster), cluster


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    nbytes = 0
    for article in articles:
        if part and (len(part) >= size or nbytes + article.size > PARTITION_BYTES):
            yield part
            part, nbytes = [], 0
        part.append(article)
        nbytes += article.size
    if part:
        yield part


def _run(client: Any, folder: OutputFolder, partitions: Iterator[list[Article]], settings: Settings,
         report: RunReport, window: int, max_partitions: int | None, progress: Callable[[], None]) -> None:
    from dask.distributed import as_completed

    pending: dict[Any, int] = {}
    done = as_completed()

    def submit_next() -> None:
        part = next(partitions, None)
        if part is not None:
            future = client.submit(check_partition, part, settings, pure=False)
            pending[future] = len(part)
            done.add(future)

    for _ in range(window):
        submit_next()
    for future in done:
        count = pending.pop(future)
        try:
            claims, articles = future.result()
        except Exception as exc:  # the worker died (out of memory) or could not load the tables
            report.failed_partitions += 1
            report.failed_articles += count
            if len(report.failures) < 5:
                report.failures.append(f"{type(exc).__name__}: {exc}")
        else:
            folder.write_partition(claims, articles)
            report.partitions += 1
            report.articles += articles.num_rows
            report.claims += claims.num_rows
            report.errors += articles.num_rows - articles.column("error").null_count
            report.text_bytes += int(sum(b for b in articles.column("bytes").to_pylist() if b is not None))
        future.release()
        progress()
        if max_partitions is not None and report.partitions + report.failed_partitions >= max_partitions:
            for other in list(pending):
                other.cancel()
            return
        submit_next()
