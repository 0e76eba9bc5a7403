"""The article's publication date, read from the document when nobody gave it, and
where it came from: HTML metadata (`article:published_time`, JSON-LD `datePublished`,
`<time datetime>`), a "Published 18 February 2026" line, or a wire dateline
("GENEVA, Feb 18 (Reuters) -", its year from the text or unknown).

Never today's date by default: when nothing dates the article, it is unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from checker.extract.tokens import MONTH_NUMBERS
from checker.when.words import words

UNKNOWN_SOURCE = "unknown: checked against the latest rows"


@dataclass(frozen=True)
class ArticleDate:
    """A publication date (None: unknown) and where it came from, in words."""

    date: dt.date | None
    source: str

    @property
    def known(self) -> bool:
        return self.date is not None


UNKNOWN = ArticleDate(None, UNKNOWN_SOURCE)


def find_article_date(document: str, today: dt.date | None = None) -> ArticleDate:
    """The date of `document` (HTML or plain text): HTML metadata first, then a
    "Published ..." line, then a wire dateline; UNKNOWN when none dates it.
    A date after `today` (default: the real today) is not believed."""
    today = today or dt.date.today()
    found = date_from_html(document) if "<" in document else None
    if found is None:
        found = date_from_text(document, today)
    if found is None or found.date is None or found.date > today:
        return found if found is not None and found.date is None else UNKNOWN
    return found


# --------------------------------------------------------------------------- HTML


def date_from_html(html: str) -> ArticleDate | None:
    """The date in an HTML page's metadata, or None."""
    parser = _DateTags()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a broken page has no metadata worth trusting
        return None
    ranked = words().meta_names
    for name in sorted(parser.meta, key=ranked.index):
        if (date := _iso_date(parser.meta[name])) is not None:
            return ArticleDate(date, f"{name} metadata")
    for block in parser.json_ld:
        if (date := _iso_date(_json_date(block) or "")) is not None:
            return ArticleDate(date, "datePublished in the page's JSON-LD")
    for value in parser.times:
        if (date := _iso_date(value)) is not None:
            return ArticleDate(date, f"<time datetime=\"{value}\">")
    return None


class _DateTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.times: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.casefold(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or a.get("itemprop") or "").casefold()
            if name in words().meta_names and name not in self.meta and a.get("content"):
                self.meta[name] = a["content"]
        elif tag == "script" and a.get("type", "").casefold() == "application/ld+json":
            self._in_json = True
            self.json_ld.append("")
        elif tag == "time" and a.get("datetime"):
            # A <time> marked as the publication date goes first.
            if a.get("itemprop", "").casefold() == "datepublished" or "pubdate" in a:
                self.times.insert(0, a["datetime"])
            else:
                self.times.append(a["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.json_ld[-1] += data


def _json_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                return value
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def _iso_date(text: str) -> dt.date | None:
    """'2026-02-18T10:41:00+01:00' -> 2026-02-18, the date as the page writes it."""
    m = _ISO.match(text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# --------------------------------------------------------------------------- text

_LINES_LOOKED_AT = 30


def date_from_text(text: str, today: dt.date | None = None) -> ArticleDate | None:
    """A "Published 18 February 2026" line or a wire dateline near the top of `text`,
    or None. A dateline without a year takes the latest year the text writes in a date
    (not after `today`); with none, the date is unknown and the source says so."""
    head = "\n".join(text.splitlines()[:_LINES_LOOKED_AT])
    for m in _published_line().finditer(head):
        if (date := _written_date(m["date"])) is not None:
            return ArticleDate(date, f"the line ‘{' '.join(m.group().split())}’")
    line = _dateline().search(head)
    if line is None:
        return None
    return _from_dateline(line, text, today or dt.date.today())


def _from_dateline(m: re.Match[str], text: str, today: dt.date) -> ArticleDate | None:
    shown = " ".join(m.group().rstrip(" -–—").split())
    month = MONTH_NUMBERS[m["month"].casefold().rstrip(".")]
    day = int(m["day"])
    if m["year"]:
        year, how = int(m["year"]), ""
    else:
        year_found = _latest_year(text, today)
        if year_found is None:
            return ArticleDate(None, f"unknown: the dateline ‘{shown}’ gives no year; checked against the latest rows")
        year, how = year_found, f", its year {year_found} from the latest year the text dates"
    try:
        return ArticleDate(dt.date(year, month, day), f"dateline ‘{shown}’{how}")
    except ValueError:
        return None


def _months() -> str:
    return "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))


_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"


@lru_cache(maxsize=1)
def _published_line() -> re.Pattern[str]:
    lead = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(words().line_words, key=len,
                                                                           reverse=True))
    months = _months()
    date = (rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+(?:{months})\.?,?\s+\d{{4}}|"
            rf"(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}})")
    return re.compile(rf"^[ \t]*(?:{lead})\b[ \t]*(?:on\b)?[:\s]*{_WEEKDAY}{date}", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    agencies = "|".join(re.escape(a) for a in words().agencies)
    months = _months()
    return re.compile(
        rf"^[ \t]*[A-Z][A-Z .'’-]+,(?:\s+[A-Z][\w .'’-]*,)?\s+(?P<month>(?i:{months}))\.?\s+(?P<day>\d{{1,2}})"
        rf"(?:,?\s+(?P<year>\d{{4}}))?\s+\((?i:{agencies})\)\s*[-–—]",
        re.MULTILINE,
    )


def _written_date(text: str) -> dt.date | None:
    if (iso := _iso_date(text)) is not None:
        return iso
    parts = re.findall(r"\w+", text)
    try:
        if parts[0].isdigit():
            day, month, year = int(parts[0]), MONTH_NUMBERS[parts[1].casefold()], int(parts[2])
        else:
            month, day, year = MONTH_NUMBERS[parts[0].casefold()], int(parts[1]), int(parts[2])
        return dt.date(year, month, day)
    except (KeyError, ValueError, IndexError):
        return None


def _latest_year(text: str, today: dt.date) -> int | None:
    """The latest year written with a month ("March 2026", "18 February 2026") not after today."""
    pattern = re.compile(rf"\b(?:{_months()})\.?\s+(?:\d{{1,2}},?\s+)?(\d{{4}})\b", re.IGNORECASE)
    years = [int(y) for y in pattern.findall(text) if 1900 <= int(y) <= today.year]
    return max(years) if years else None
