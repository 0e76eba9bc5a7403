"""The word lists of checker/when/words.toml, loaded once and checked.

Every key is validated when the file is read: a wrong type or value raises a
WordsFileError that names the file and the key, so a curator's typo is found at
once rather than as a silent miss.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("words.toml")


class WordsFileError(ValueError):
    """A bad entry in a word file: the message names the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path.name}: key '{key}' {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True)
class WindowGroup:
    """Metrics that stay current for the same time: `years` is a whole number of years,
    None for "any" (never expires), and the group is an event when `event` is set."""

    name: str
    years: int | None
    words: tuple[str, ...]
    event: bool = False


@dataclass(frozen=True)
class Words:
    dating: tuple[str, ...]
    not_dating: tuple[str, ...]
    event_words: tuple[str, ...]
    relative_years: dict[str, int]
    back_then: tuple[str, ...]
    relative_to_sentence: tuple[str, ...]
    default_window: int | None
    window_groups: tuple[WindowGroup, ...]
    ordinals: dict[str, int]
    counts: dict[str, int]
    spans: dict[str, int]
    ahead: tuple[str, ...]
    past: tuple[str, ...]
    near_days: int
    past_markers: tuple[str, ...]
    meta_names: tuple[str, ...]
    line_words: tuple[str, ...]
    agencies: tuple[str, ...]


@lru_cache(maxsize=1)
def words() -> Words:
    """The bundled word lists (read once)."""
    return load_words(WORDS_FILE)


def load_words(path: Path) -> Words:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise WordsFileError(path, "(file)", f"is not valid TOML: {exc}") from None
    r = _Reader(path, data)
    groups = []
    for k, group in enumerate(r.list_of_tables("windows.groups")):
        key = f"windows.groups[{k}]"
        g = _Reader(path, group, key)
        years = g.window("years")
        groups.append(WindowGroup(name=g.string("name"), years=None if years in ("any", "n/a") else int(years),
                                  words=g.phrases("words"), event=years == "n/a"))
    default = r.window("windows.default")
    if default == "n/a":
        raise WordsFileError(path, "windows.default", "must be a number of years or \"any\"")
    return Words(
        dating=r.phrases("claim_date.dating"),
        not_dating=r.phrases("claim_date.not_dating"),
        event_words=r.phrases("claim_date.event_words"),
        relative_years=r.numbers("claim_date.relative_years", low=-10, high=10),
        back_then=r.phrases("claim_date.back_then"),
        relative_to_sentence=r.phrases("claim_date.relative_to_sentence"),
        default_window=None if default == "any" else int(default),
        window_groups=tuple(groups),
        ordinals=r.numbers("elapsed.ordinals", low=1, high=1000),
        counts=r.numbers("elapsed.counts", low=1, high=1000),
        spans=r.numbers("elapsed.spans", low=1, high=1000),
        ahead=r.phrases("elapsed.tense.ahead"),
        past=r.phrases("elapsed.tense.past"),
        near_days=int(r.window("elapsed.tense.near_days")),
        past_markers=r.phrases("elapsed.tense.past_markers"),
        meta_names=r.phrases("article_date.meta_names"),
        line_words=r.phrases("article_date.line_words"),
        agencies=r.phrases("article_date.agencies"),
    )


class _Reader:
    """Typed access to dotted keys, each failure naming the file and the full key."""

    def __init__(self, path: Path, data: dict[str, object], prefix: str = "") -> None:
        self.path, self.data, self.prefix = path, data, prefix

    def _full(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def _get(self, key: str) -> object:
        node: object = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise WordsFileError(self.path, self._full(key), "is missing")
            node = node[part]
        return node

    def string(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise WordsFileError(self.path, self._full(key), "must be a non-empty string")
        return value

    def phrases(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not value:
            raise WordsFileError(self.path, self._full(key), "must be a non-empty list of phrases")
        out = []
        for k, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or item != item.strip().lower():
                raise WordsFileError(self.path, f"{self._full(key)}[{k}]",
                                     f"must be a lower-case phrase without outer spaces, not {item!r}")
            out.append(" ".join(item.split()))
        return tuple(out)

    def numbers(self, key: str, *, low: int, high: int) -> dict[str, int]:
        value = self._get(key)
        if not isinstance(value, dict) or not value:
            raise WordsFileError(self.path, self._full(key), "must be a table of phrase = number")
        out = {}
        for phrase, number in value.items():
            if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
                raise WordsFileError(self.path, f"{self._full(key)}.{phrase}",
                                     f"must be a whole number from {low} to {high}, not {number!r}")
            if phrase != phrase.strip().lower():
                raise WordsFileError(self.path, f"{self._full(key)}.{phrase}", "must be lower case")
            out[" ".join(phrase.split())] = number
        return out

    def window(self, key: str) -> int | str:
        value = self._get(key)
        if isinstance(value, str) and value in ("any", "n/a"):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100:
            return value
        raise WordsFileError(self.path, self._full(key),
                             f"must be a whole number of years (0-100), \"any\" or \"n/a\", not {value!r}")

    def list_of_tables(self, key: str) -> list[dict[str, object]]:
        value = self._get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise WordsFileError(self.path, self._full(key), "must be a list of tables ([[...]])")
        return value
