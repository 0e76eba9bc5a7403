"""The output folder of a batch: written partition by partition, atomically.

    OUT/claims/part-000000.parquet     one row per claim (checker.batch.schema.CLAIM_SCHEMA)
    OUT/articles/part-000000.parquet   one row per article, with its counts or its error
    OUT/run.json                       the last run's report

Each file is written under a hidden temporary name in its own folder, flushed to disk,
then renamed, so a file with a real name is always complete (and readers such as
pyarrow and pandas skip hidden names). A partition's claims file is written before its
articles file: the articles file is the record that the partition is done. `--resume`
(open with resume=True) deletes what a crash left behind (temporary files, a claims file
whose articles file never came) and skips every article id the articles files hold.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from pathlib import Path

import pyarrow as pa

from checker.errors import InputError
from checker.output.report import _csv_scalar, safe_cell

FORMATS = ("parquet", "csv")
_PART = re.compile(r"^part-(\d{6,})\.(parquet|csv)$")


class OutputFolder:
    def __init__(self, root: str | os.PathLike[str], fmt: str = "parquet", *, resume: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
        self.root = Path(root)
        self.format = fmt
        self.claims_dir = self.root / "claims"
        self.articles_dir = self.root / "articles"
        if self.root.exists() and not self.root.is_dir():
            raise InputError(str(root), "is a file; the output of a batch is a folder")
        done = self._parts(self.articles_dir)
        if (done or self._parts(self.claims_dir)) and not resume:
            raise InputError(str(root), "already holds a batch's output; add --resume to go on with it, "
                                        "or give another folder")
        other = [p for p in done.values() if not p.name.endswith(f".{fmt}")]
        if other:
            raise InputError(str(root), f"holds {other[0].suffix[1:]} output; resume it with "
                                        f"--format {other[0].suffix[1:]}")
        self.claims_dir.mkdir(parents=True, exist_ok=True)
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        self._clean_up(done)
        self.next_part = max(done, default=-1) + 1

    # ------------------------------------------------------------------ reading

    @staticmethod
    def _parts(folder: Path) -> dict[int, Path]:
        if not folder.is_dir():
            return {}
        return {int(m.group(1)): folder / name for name in os.listdir(folder) if (m := _PART.match(name))}

    def _clean_up(self, done: dict[int, Path]) -> None:
        """Remove what an interrupted run left: temporary files, and claims without their articles file."""
        for folder in (self.claims_dir, self.articles_dir):
            for name in os.listdir(folder):
                if name.startswith(".part-") and name.endswith(".tmp"):
                    os.unlink(folder / name)
        for number, path in self._parts(self.claims_dir).items():
            if number not in done:
                os.unlink(path)

    def done_ids(self) -> set[str]:
        """The ids of every article already in the output (checked, or recorded as an error)."""
        ids: set[str] = set()
        for path in self._parts(self.articles_dir).values():
            if path.suffix == ".parquet":
                import pyarrow.parquet as pq

                column = pq.read_table(path, columns=["article_id"]).column("article_id")
                ids.update(column.to_pylist())
            else:
                with open(path, encoding="utf-8-sig", newline="") as fh:
                    ids.update(_unescape(row["article_id"]) for row in csv.DictReader(fh))
        return ids

    # ------------------------------------------------------------------ writing

    def write_partition(self, claims: pa.Table, articles: pa.Table) -> int:
        """Write one partition's two files; returns its number."""
        number = self.next_part
        self.next_part += 1
        name = f"part-{number:06d}.{self.format}"
        self._write(self.claims_dir / name, claims)
        self._write(self.articles_dir / name, articles)  # last: it marks the partition done
        return number

    def _write(self, path: Path, table: pa.Table) -> None:
        data = _parquet_bytes(table) if self.format == "parquet" else _csv_bytes(table)
        write_atomically(path, data)

    def write_report(self, report: dict[str, object]) -> None:
        write_atomically(self.root / "run.json", (json.dumps(report, indent=2) + "\n").encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _parquet_bytes(table: pa.Table) -> bytes:
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _csv_bytes(table: pa.Table) -> bytes:
    # As the CSV report: UTF-8 with a BOM, and no cell a spreadsheet would run as a formula.
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow([safe_cell(_csv_scalar(v)) for v in row.values()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _unescape(cell: str) -> str:
    # safe_cell's apostrophe, taken off again to compare ids.
    if cell.startswith("'") and safe_cell(cell[1:]) == cell:
        return cell[1:]
    return cell
