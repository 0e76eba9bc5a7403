"""Domain exceptions. Their messages are complete one-line sentences a user can act on;
the CLI and the app print them as they are, never a traceback."""

from __future__ import annotations


class CheckerError(Exception):
    """Base of every error caused by the user's input rather than by a bug."""


class InputError(CheckerError):
    """The article itself cannot be read (binary, undecodable, too large)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ReferenceTableError(CheckerError):
    """A reference table is malformed. Names the file, and the row and column where known.

    `row` is the line number in the file as a spreadsheet shows it (header = 1).
    """

    def __init__(self, path: str, problem: str, row: int | None = None, column: str | None = None) -> None:
        self.path = path
        self.row = row
        self.column = column
        self.problem = problem
        where = path
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")
