"""Batch mode (issue #14): an archive checked on a local Dask cluster of 2 worker processes.

One cluster serves the whole module. The archive is a few hundred small generated
articles, with bad ones among them (binary, undecodable, empty, too large); what is
asserted is what a user of the output would see: row counts, verdicts, error reasons,
and that the claims are exactly those `check_text` finds in the same texts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq

from checker.batch import task
from checker.batch.inputs import Article
from checker.batch.runner import run_batch
from checker.batch.task import Settings, check_partition
from checker.errors import InputError
from checker.output.report import claim_to_row
from checker.pipeline import check_text
from checker.reference import load_reference

REPO = Path(__file__).resolve().parent.parent
DATE = dt.date(2026, 2, 18)

# Sentences whose verdicts against the bundled tables are known (see the test of them below).
SUPPORTED = "Ukraine covers 603,550 sq km."
CONTRADICTED = "Ukraine covers 703,550 sq km."
TEMPLATES = [
    SUPPORTED,
    CONTRADICTED,
    "France has a population of 68 million and covers 543,940 square kilometres.",
    "Russia annexed Crimea in 2014, and the war began on 24 February 2022.",
    "Some 30,000 troops were moved to the border, officials said.",
    "The minister met reporters for an hour and said nothing new.",
    "Paris has a population of 2.1 million, while Berlin has 3.6 million residents.",
]
GOOD = 290
BAD = {
    "bad-binary.txt": b"\x00\x01\x02PNG\x00binary",
    "bad-undecodable.txt": b"caf\x81 \x8d\x8f\x90\x9d",
    "bad-empty.md": b"",
    "bad-large.txt": b"The figure was 5 percent. " * 42_000,  # over the 1 MB text limit
}
PARTITION = 40


def _article_text(i: int) -> str:
    first = TEMPLATES[i % len(TEMPLATES)]
    second = TEMPLATES[(i // len(TEMPLATES)) % len(TEMPLATES)]
    return f"Story {i}.\n\n{first} {second}\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    for i in range(GOOD):
        folder = root / f"day-{i % 3}"
        folder.mkdir(exist_ok=True)
        suffix = ".html" if i % 10 == 9 else ".txt"
        text = _article_text(i)
        if suffix == ".html":
            text = "<html><body><p>" + text.replace("\n\n", "</p><p>") + "</p></body></html>"
        (folder / f"story-{i:04d}{suffix}").write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (root / name).write_bytes(data)
    (root / "notes.pdf").write_bytes(b"%PDF not an article")  # not an article suffix: not taken
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def full_run(archive: Path, client: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("full") / "out"
    run_batch([str(archive)], out, client=client, date=DATE, partition_size=PARTITION)
    return out


def _table(folder: Path) -> list[dict[str, object]]:
    return pq.read_table(folder).to_pylist()  # type: ignore[no-any-return]


def _claim_key(row: dict[str, object]) -> tuple[object, ...]:
    return (row["article_id"], row["start"], row["end"], row["text"], row["value"], row["unit"],
            row["verdict"], row["rule"], row["note"], row["reference_entity"], row["reference_value"])


# ------------------------------------------------------------------- the archive


def test_every_article_has_one_row_and_bad_ones_say_why(archive: Path, full_run: Path) -> None:
    articles = {r["article_id"]: r for r in _table(full_run / "articles")}
    assert len(articles) == GOOD + len(BAD)  # notes.pdf is not an article
    errors = {Path(str(k)).name: r["error"] for k, r in articles.items() if r["error"] is not None}
    assert set(errors) == set(BAD)
    assert "binary" in str(errors["bad-binary.txt"])
    assert "neither UTF-8 nor Windows-1252" in str(errors["bad-undecodable.txt"])
    assert errors["bad-empty.md"] == "the file contains no text"
    assert "1 MB" in str(errors["bad-large.txt"])
    # One partition file per 40 articles, claims and articles side by side.
    parts = sorted(p.name for p in (full_run / "articles").iterdir())
    assert len(parts) == -(-(GOOD + len(BAD)) // PARTITION)
    assert parts == sorted(p.name for p in (full_run / "claims").iterdir())
    report = json.loads((full_run / "run.json").read_text())
    claims = _table(full_run / "claims")
    assert report["articles"] == GOOD + len(BAD) and report["errors"] == len(BAD)
    assert report["claims"] == len(claims) == sum(int(r["claims"] or 0) for r in articles.values())
    assert report["workers"] == 2 and report["articles_per_second"] > 0


def test_claims_are_those_check_text_finds(archive: Path, full_run: Path) -> None:
    reference = load_reference()
    expected = []
    for path in sorted(archive.rglob("story-*")):
        from checker.io import document_from_upload

        text = document_from_upload(path.name, path.read_bytes()).text
        report = check_text(text, reference=reference, date=DATE, date_source="--date")
        for c in report.claims:
            expected.append(_claim_key({"article_id": str(path), **claim_to_row(c)}))
    got = [_claim_key(r) for r in _table(full_run / "claims")]
    assert Counter(got) == Counter(expected)
    verdicts = Counter(str(k[6]) for k in got)
    assert verdicts["supported"] > 0 and verdicts["contradicted"] > 0 and verdicts["unverified"] > 0


def test_known_verdicts_and_summary_counts(archive: Path, full_run: Path) -> None:
    claims = _table(full_run / "claims")
    story0 = [r for r in claims if str(r["article_id"]).endswith("story-0000.txt")]
    # Story 0 is SUPPORTED twice: the same supported claim, with the batch's --date.
    assert [(r["text"], r["verdict"], r["reference_entity"]) for r in story0] == [
        ("603,550 sq km", "supported", "Ukraine")] * 2
    assert {r["article_date"] for r in story0} == {"2026-02-18"}
    assert {r["article_date_source"] for r in story0} == {"--date"}
    story1 = next(r for r in claims if str(r["article_id"]).endswith("story-0001.txt"))
    assert (story1["text"], story1["verdict"]) == ("703,550 sq km", "contradicted")
    # The per-article table counts each verdict of its claims.
    per_article = Counter((r["article_id"], r["verdict"]) for r in claims)
    for row in _table(full_run / "articles"):
        if row["error"] is None:
            for verdict in ("supported", "contradicted", "unverified"):
                assert row[verdict] == per_article[(row["article_id"], verdict)]


def test_resume_after_an_interrupted_run_repeats_nothing(archive: Path, client: object, full_run: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(archive)], out, client=client, date=DATE, partition_size=PARTITION, max_partitions=3)
    assert first.partitions == 3 and first.articles == 3 * PARTITION
    # What a crash leaves behind: a temporary file, and a claims file whose articles file never came.
    (out / "claims" / ".part-000007.parquet.tmp").write_bytes(b"half")
    shutil.copy(out / "claims" / "part-000000.parquet", out / "claims" / "part-000042.parquet")
    with pytest.raises(InputError, match="--resume"):
        run_batch([str(archive)], out, client=client, date=DATE, partition_size=PARTITION)
    second = run_batch([str(archive)], out, client=client, date=DATE, partition_size=PARTITION, resume=True)
    assert second.skipped == 3 * PARTITION
    assert second.articles == GOOD + len(BAD) - 3 * PARTITION
    ids = [r["article_id"] for r in _table(out / "articles")]
    assert len(ids) == len(set(ids)) == GOOD + len(BAD)
    assert Counter(map(_claim_key, _table(out / "claims"))) == Counter(map(_claim_key, _table(full_run / "claims")))
    assert not [p for p in (out / "claims").iterdir() if p.name.startswith(".") or "000042" in p.name]
    # A third run finds nothing to do.
    third = run_batch([str(archive)], out, client=client, date=DATE, resume=True)
    assert (third.articles, third.skipped) == (0, GOOD + len(BAD))


def test_a_deleted_partition_is_checked_again(archive: Path, client: object, full_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(full_run, out)
    lost = pq.read_table(out / "articles" / "part-000002.parquet").num_rows
    os.unlink(out / "articles" / "part-000002.parquet")  # its claims file is now an orphan
    report = run_batch([str(archive)], out, client=client, date=DATE, partition_size=PARTITION, resume=True)
    assert report.articles == lost == PARTITION
    assert Counter(map(_claim_key, _table(out / "claims"))) == Counter(map(_claim_key, _table(full_run / "claims")))


# ------------------------------------------------------------------ CMS exports


RECORDS = [
    {"id": "cms-1", "text": SUPPORTED, "date": "2026-02-18", "url": "https://example.org/1", "title": "One"},
    {"id": "cms-2", "text": CONTRADICTED, "date": "2025-06-01T10:00:00Z", "url": "https://example.org/2"},
    {"id": "cms-3", "text": "", "title": "Empty"},
    {"id": "cms-4", "text": "Ukraine covers 603,550 sq km.", "date": "last week"},
    {"id": "cms-5", "text": "Published 18 February 2026\n\nUkraine covers 603,550 sq km."},
]


def _write_exports(folder: Path) -> dict[str, Path]:
    jsonl = folder / "export.jsonl"
    lines = [json.dumps(r) for r in RECORDS] + ["{not json", json.dumps({"text": SUPPORTED})]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv_path = folder / "export.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "text", "date", "url"])
        writer.writeheader()
        writer.writerows(RECORDS)
    parquet = folder / "export.parquet"
    pq.write_table(pa.Table.from_pylist([{k: r.get(k) for k in ("id", "text", "date", "url", "title")}
                                         for r in RECORDS]), parquet)
    return {"jsonl": jsonl, "csv": csv_path, "parquet": parquet}


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_cms_exports(kind: str, client: object, tmp_path: Path) -> None:
    export = _write_exports(tmp_path)[kind]
    out = tmp_path / "out"
    report = run_batch([str(export)], out, client=client)
    articles = {r["article_id"]: r for r in _table(out / "articles")}
    assert articles["cms-1"]["url"] == "https://example.org/1" and articles["cms-1"]["title"] == "One"
    assert (articles["cms-1"]["article_date"], articles["cms-1"]["article_date_source"]) == ("2026-02-18",
                                                                                            "date column")
    assert articles["cms-2"]["article_date"] == "2025-06-01"
    assert articles["cms-3"]["error"] == "the record's text is empty"
    assert articles["cms-4"]["error"] == "the date 'last week' is not in the form YYYY-MM-DD"
    assert articles["cms-5"]["article_date"] == "2026-02-18"  # from its "Published" line
    claims = _table(out / "claims")
    named = [(r["article_id"], r["article_url"], r["verdict"]) for r in claims if r["article_id"] in ("cms-1", "cms-2")]
    assert named == [
        ("cms-1", "https://example.org/1", "supported"), ("cms-2", "https://example.org/2", "contradicted")]
    if kind == "jsonl":  # a bad line and a record without an id keep their place
        assert articles[f"{export}:6"]["error"] == "line 6 is not valid JSON"
        assert articles[f"{export}:7"]["supported"] == 1
        assert report.articles == 7
    else:
        assert report.articles == 5


def test_an_export_without_a_text_column_is_refused_before_any_work(tmp_path: Path, client: object) -> None:
    export = tmp_path / "export.csv"
    export.write_text("id,body\n1,Ukraine covers 603,550 sq km.\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no 'text' column"):
        run_batch([str(export)], tmp_path / "out", client=client)
    with pytest.raises(InputError, match="matches no files"):
        run_batch([str(tmp_path / "*.jsonl")], tmp_path / "out", client=client)


def test_csv_output_resumes_too(archive: Path, client: object, tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [str(p) for p in sorted((archive / "day-0").iterdir())][:30]
    run_batch(files[:10], out, client=client, date=DATE, fmt="csv")
    report = run_batch(files, out, client=client, date=DATE, fmt="csv", resume=True)
    assert (report.skipped, report.articles) == (10, 20)
    with open(out / "articles" / "part-000000.csv", encoding="utf-8-sig", newline="") as fh:
        first = list(csv.DictReader(fh))
    assert [r["article_id"] for r in first] == files[:10]
    with pytest.raises(InputError, match="--format csv"):
        run_batch(files, out, client=client, date=DATE, resume=True)


# ------------------------------------------------------------- the worker's task


def test_a_checker_error_is_an_error_row_and_the_partition_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.pipeline

    real = checker.pipeline.check_text

    def flaky(text: str, **kwargs: object) -> object:
        if "explode" in text:
            raise RuntimeError("the matcher fell over")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.pipeline, "check_text", flaky)
    articles = [Article("a", text=SUPPORTED), Article("b", text="explode 5 times"), Article("c", text=CONTRADICTED),
                Article("d", name="d.txt", data="Ukraine covers 603,550 sq km.".encode("utf-16"))]
    claims, summary = check_partition(articles, Settings(date=DATE))
    rows = summary.to_pylist()
    assert [r["error"] for r in rows] == [None, "checker error: RuntimeError: the matcher fell over", None, None]
    assert [(r["article_id"], r["verdict"]) for r in claims.to_pylist()] == [
        ("a", "supported"), ("c", "contradicted"), ("d", "supported")]


def test_each_worker_loads_the_tables_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[object] = []
    monkeypatch.setattr(task, "_references", {})
    monkeypatch.setattr(task, "load_reference", lambda *a: loads.append(a) or load_reference())
    for _ in range(3):
        check_partition([Article("a", text=SUPPORTED)], Settings())
    assert len(loads) == 1


# ------------------------------------------------------------------ the command


def test_the_command_line(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [str(p) for p in sorted((archive / "day-1").iterdir())][:12] + [str(archive / "bad-binary.txt")]
    result = subprocess.run([sys.executable, "-m", "checker", "batch", *files, "-o", str(out), "--workers", "1",
                             "--date", "2026-02-18", "--format", "csv"],
                            cwd=REPO, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("13 articles checked (1 errors)")
    assert "Dask dashboard: http" in result.stderr
    assert json.loads((out / "run.json").read_text())["articles"] == 13
    again = subprocess.run([sys.executable, "-m", "checker", "batch", *files, "-o", str(out)],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "--resume" in again.stderr


def test_the_check_command_does_not_import_dask(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SUPPORTED, encoding="utf-8")
    code = ("import sys\nfrom checker.cli import main\nmain(['check', sys.argv[1]])\n"
            "print('dask' in sys.modules, 'pyarrow' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(article)], cwd=REPO, capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.splitlines()[-1] == "False False"
