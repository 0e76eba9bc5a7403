"""Command line: `python -m checker check ARTICLE [--format table|csv|json] [-o FILE]`.

Every user mistake ends as one line on stderr and exit status 2; nothing is
written to -o unless the whole report was produced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from checker.errors import CheckerError, InputError
from checker.io import article_date_of, read_article


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checker",
                                     description="Find numeric claims in an article and check them against "
                                                 "reference tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check an article (a UTF-8 text file, or - for standard input)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _check(args)
    except CheckerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _check(args: argparse.Namespace) -> int:
    text = read_article(args.article)
    # Imported after the input is known to be readable: a bad file is reported at once.
    from checker.output.report import to_csv, to_json, to_table
    from checker.pipeline import check_text
    from checker.reference import load_reference
    from checker.verdict import VerdictOptions

    reference = load_reference(args.reference) if args.reference else load_reference()
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
    report = check_text(text, reference=reference, date=date, date_source=date_source, options=options)
    if args.format == "csv":
        data = to_csv(report)
    elif args.format == "json":
        data = (to_json(report) + "\n").encode("utf-8")
    else:
        data = (to_table(report) + "\n").encode("utf-8")
    if args.output:
        _write_atomically(Path(args.output), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror})") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction between 0 and 1 (e.g. 0.1 for 10%)")
    return value
