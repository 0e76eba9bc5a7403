"""Command line: `python -m checker check ARTICLE [--format table|csv|json] [-o FILE]`, and
`python -m checker batch INPUT... -o OUT` for an archive (checker.batch, on Dask).

Every user mistake ends as one line on stderr and exit status 2; nothing is
written to -o unless the whole report was produced.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from typing import NoReturn

from checker.errors import CheckerError, InputError
from checker.io import article_date_of, read_article


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line (what is wrong, and where
    to read how it is done), not the whole usage block; exit status 2 as before."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message}; run '{self.prog} --help' for how to use it\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="python -m checker",
                            description="Find numeric claims in an article and check them against reference tables.",
                            epilog="example:\n  python -m checker check checker/samples/steppe_report.txt\n\n"
                                   "Run 'python -m checker check --help' for the options.",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    check = sub.add_parser(
        "check", help="check an article (a text file, or - for standard input)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  python -m checker check checker/samples/steppe_report.txt\n"
               "  python -m checker check article.txt --date 2026-02-18 --format json -o report.json\n"
               "  python -m checker check article.txt --reference my_tables/ --lexicon my_words.toml\n"
               "  cat article.txt | python -m checker check - --format csv > report.csv")
    check.add_argument("article", help="path of the article, or - to read standard input")
    check.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="report format (default: table)")
    check.add_argument("-o", "--output", help="write the report to this file instead of standard output")
    check.add_argument("--reference", action="append", metavar="PATH",
                       help="a reference CSV or a folder of CSVs, used instead of the bundled tables "
                            "(repeat for several)")
    check.add_argument("--date", type=_date, help="publication date YYYY-MM-DD (default: the date the article gives, "
                            "else unknown)")
    check.add_argument("--tolerance", type=_fraction, default=None,
                       help="tolerance for hedged figures ('about 30,000'), as a fraction (default: 0.05)")
    check.add_argument("--estimate-tolerance", type=_fraction, default=None,
                       help="how far a figure may be from a reference estimate (population, GDP) and still fit, "
                            "as a fraction (default: 0.02)")
    check.add_argument("--lexicon", action="append", metavar="FILE",
                       help="a TOML file of your own metric words (format: checker/lexicon/metrics.toml), merged "
                            "over the shipped lexicon; repeat for several")
    batch = sub.add_parser(
        "batch", help="check an archive: folders, globs and CMS exports, on a Dask cluster",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  python -m checker batch archive/ -o checked/\n"
               "  python -m checker batch export.jsonl -o checked/ --workers 2 --resume\n"
               "  python -m checker batch 'stories/2025/*.html' -o checked/ --scheduler tcp://scheduler.example:8786")
    batch.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="a folder or glob of .txt/.md/.html/.docx files, or a JSON Lines, CSV or Parquet "
                            "export with 'id' and 'text' (and optionally 'date', 'url', 'title') columns")
    batch.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="the folder for the output: claims/, articles/ and run.json")
    batch.add_argument("--reference", action="append", metavar="PATH",
                       help="a reference CSV or a folder of CSVs, used instead of the bundled tables "
                            "(repeat for several); on a cluster every worker needs them at the same path")
    batch.add_argument("--workers", type=_positive, metavar="N",
                       help="worker processes of the local cluster (default: one per core)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="use the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) "
                            "instead of a local one")
    batch.add_argument("--resume", action="store_true",
                       help="go on with an interrupted run: skip the articles already in OUT")
    batch.add_argument("--date", type=_date, help="publication date YYYY-MM-DD for articles whose record gives none "
                            "(default: the date each article gives, else unknown)")
    batch.add_argument("--format", choices=("parquet", "csv"), default="parquet",
                       help="output file format (default: parquet)")
    batch.add_argument("--partition-size", type=_positive, default=250, metavar="N",
                       help="articles per partition, the unit of work and of output files (default: 250)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _batch(args) if args.command == "batch" else _check(args)
    except CheckerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`): say nothing, as Unix tools do.
        _silence_stdout()
        return 2


def _check(args: argparse.Namespace) -> int:
    text = read_article(args.article)
    # Imported after the input is known to be readable: a bad file is reported at once.
    from checker.lexicon import load_lexicon
    from checker.output.report import json_chunks, to_csv, to_table
    from checker.pipeline import check_text
    from checker.reference import load_reference
    from checker.verdict import VerdictOptions

    # A bad word file is reported before the tables are read, as one line naming the key.
    lexicon = load_lexicon(tuple(args.lexicon)) if args.lexicon else None
    reference = load_reference(args.reference) if args.reference else load_reference()
    for warning in reference.warning_lines():
        print(f"warning: {warning}", file=sys.stderr)
    options = VerdictOptions()
    if args.tolerance is not None:
        options = replace(options, approx_tolerance=args.tolerance)
    if args.estimate_tolerance is not None:
        options = replace(options, estimate_tolerance=args.estimate_tolerance)
    # Without --date the article's own date is used (HTML metadata, a "Published ..." line,
    # a dateline); when it has none the report says the date is unknown, never today.
    if args.date is not None:
        date, date_source = args.date, "--date"
    else:
        found = article_date_of(text)
        date, date_source = found.date, found.source
    report = check_text(text, reference=reference, date=date, date_source=date_source, options=options,
                        lexicon=lexicon)
    data: Iterable[bytes]
    if args.format == "csv":
        data = [to_csv(report)]
    elif args.format == "json":
        data = (chunk.encode("utf-8") for chunk in itertools.chain(json_chunks(report), ["\n"]))
    else:
        data = [(to_table(report) + "\n").encode("utf-8")]
    if args.output:
        write_atomically(args.output, data)
    else:
        _write_stdout(data)
    return 0


def _batch(args: argparse.Namespace) -> int:
    if args.workers is not None and args.scheduler:
        raise InputError("--workers", "sets the size of a local cluster; with --scheduler the cluster's own "
                                      "workers are used, so give one or the other")
    # Imported here: only the batch command pays for Dask and pyarrow.
    from checker.batch.progress import ProgressLine
    from checker.batch.runner import run_batch

    line = ProgressLine(sys.stderr)
    try:
        report = run_batch(args.inputs, args.output, reference=args.reference, workers=args.workers,
                           scheduler=args.scheduler, resume=args.resume, date=args.date, fmt=args.format,
                           partition_size=args.partition_size, on_message=line.message, on_progress=line.update)
    except KeyboardInterrupt:
        line.finish()
        print(f"interrupted: every file in {args.output} is complete; run again with --resume to go on",
              file=sys.stderr)
        return 130
    line.finish()
    print("\n".join(report.lines()))
    return 1 if report.failed_partitions else 0


def _write_stdout(data: Iterable[bytes]) -> None:
    try:
        sys.stdout.buffer.writelines(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk (/dev/full), a closed terminal
        _silence_stdout()
        raise InputError("standard output", f"cannot be written ({exc.strerror or exc})") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's own flush at exit does not
    fail a second time with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def write_atomically(name: str, data: bytes | bytearray | memoryview | Iterable[bytes]) -> None:
    """Write `data` (bytes, or pieces of bytes) to the file `name` all at once: into a temporary file beside the real
    target (a symlink is followed, not replaced), given the target's permissions (or the
    umask's for a new file), then renamed over it. Folders and devices are refused; no
    temporary file is left behind on any failure."""
    if name.endswith(("/", os.sep)) and not os.path.isdir(name):
        raise InputError(name, "is not a file name (it ends in a slash); give a file name for the report")
    target = os.path.realpath(name)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise InputError(name, "is a folder; give a file name for the report, e.g. report.csv")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise InputError(name, "is a device or other special file, not a regular file; give a file name "
                               "for the report, or leave out -o to write to standard output")
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    folder, base = os.path.split(target)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{base}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.writelines([data] if isinstance(data, (bytes, bytearray, memoryview)) else data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction between 0 and 1 (e.g. 0.1 for 10%)")
    return value
