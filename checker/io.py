"""Reading text in: one decoder for articles and tables, article files and standard
input, and uploaded .txt/.md/.html/.docx files turned into plain text.

Pure (no Streamlit). Every failure is an InputError whose message is one line a
journalist can act on: which file, what is wrong, what to do instead. The size
limits live here, in one place.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import BinaryIO

from checker.errors import InputError
from checker.limits import MAX_ARTICLE_BYTES, MAX_FILE_BYTES, MAX_TABLE_BYTES, MAX_TEXT_BYTES
from checker.when.article_date import UNKNOWN, ArticleDate, date_from_html, find_article_date

__all__ = ["MAX_ARTICLE_BYTES", "MAX_FILE_BYTES", "MAX_TABLE_BYTES", "MAX_TEXT_BYTES"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx")

# C0 controls other than tab, newline, form feed and carriage return: real prose
# never has them, binary files decoded by the permissive cp1252 fallback always do.
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Terminal colour and cursor codes ("\x1b[31m"): text copied from a terminal is still
# text; the extractor removes them (checker.extract.normalise).
_ANSI_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


# An article of ours, written for trying the tool: one verdict of each kind with the
# bundled tables (README's quick start and the app's "Try the sample article").
SAMPLE_ARTICLE = Path(__file__).resolve().parent / "samples" / "steppe_report.txt"


def sample_article() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


def check_size(text: str, name: str) -> None:
    """Refuse text over MAX_TEXT_BYTES (used for pasted text too)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise InputError(
            name,
            f"the text is {size:,} bytes, over the {MAX_TEXT_BYTES:,}-byte (1 MB) limit; "
            "split the article and check it in parts",
        )


@dataclass(frozen=True)
class Document:
    """An uploaded article: its plain text and its publication date as the file gives it
    (HTML metadata, a "Published ..." line, a dateline), or UNKNOWN."""

    text: str
    date: ArticleDate = UNKNOWN


def read_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """At most `limit` bytes from `stream`, read in chunks; None if there are more. Never
    holds more than limit + 1 bytes, so /dev/zero or an endless pipe stops at the limit."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


_CHUNK = 1 << 20


def read_upload(name: str, stream: BinaryIO) -> bytes:
    """The bytes of an uploaded file (from its start), up to MAX_FILE_BYTES; an InputError if it is larger."""
    if stream.seekable():
        stream.seek(0)
    data = read_bounded(stream, MAX_FILE_BYTES)
    if data is None:
        raise InputError(name, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    return data


def text_from_upload(name: str, data: bytes) -> str:
    """Plain text of an uploaded .txt, .md, .html/.htm or .docx file."""
    return document_from_upload(name, data).text


def document_from_upload(name: str, data: bytes) -> Document:
    """An uploaded .txt, .md, .html/.htm or .docx file as text plus its date. An HTML
    page's date is read from its metadata before the page is turned into text."""
    suffix = PurePath(name).suffix.casefold()
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    date: ArticleDate | None = None
    if suffix in TEXT_SUFFIXES:
        text = _normalise_newlines(decode_text(data, name))
    elif suffix in HTML_SUFFIXES:
        html = decode_text(data, name)
        date = date_from_html(html)
        text = html_to_text(html)
    elif suffix in DOCX_SUFFIXES:
        text = docx_to_text(data, name)
    elif suffix == ".doc":
        raise InputError(name, "old Word .doc files cannot be read; save it as .docx and upload that")
    else:
        shown = suffix or "files without an extension"
        raise InputError(name, f"{shown} is not supported; upload {', '.join(SUPPORTED_SUFFIXES)}")
    check_size(text, name)
    if not text.strip():
        raise InputError(name, "the file contains no text")
    return Document(text, article_date_of(text) if date is None else date)


def article_date_of(document: str) -> ArticleDate:
    """The date an article gives itself: HTML metadata if it is a page, a "Published
    18 February 2026" line or a wire dateline; UNKNOWN when nothing dates it."""
    return find_article_date(document)


# ----------------------------------------------------------------------- decoding

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UndecodableText(ValueError):
    """Bytes that are not text in any encoding we accept; the message says what to do."""


def decode_bytes(data: bytes, *, terminal_codes: bool = False) -> str:
    """The one decoder for articles and tables alike: UTF-8 (BOM optional), UTF-16 with
    a BOM, and Windows-1252 as the last resort (older Windows editors and Excel's plain
    "CSV" save it). Raises UndecodableText for binary or undecodable bytes.
    `terminal_codes` lets ANSI escapes pass (an article copied from a terminal)."""
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UndecodableText("is marked as UTF-16 but cannot be decoded; save it as UTF-8") from None
    elif b"\x00" in data:
        raise UndecodableText("is a binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Python's cp1252 leaves five bytes undefined, so text that is really
            # something else still fails here.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise UndecodableText("is neither UTF-8 nor Windows-1252 text; save it as UTF-8") from None
    if _BINARY_CONTROLS.search(_ANSI_ESCAPES.sub("", text) if terminal_codes and "\x1b" in text else text):
        raise UndecodableText("is a binary file, not text")
    return text


def decode_text(data: bytes, name: str) -> str:
    """An uploaded article's bytes as text; an InputError naming the file if they are not text."""
    return _article_text(data, name, "upload a .txt, .md, .html or .docx file")


def _article_text(data: bytes, label: str, advice: str) -> str:
    """An article's bytes as text, or an InputError naming it; `advice` follows "is a binary file"."""
    try:
        return decode_bytes(data, terminal_codes=True)
    except UndecodableText as exc:
        problem = str(exc)
        if problem.startswith("is a binary file"):
            problem += f"; {advice}"
        raise InputError(label, problem) from None


def read_article(name: str) -> str:
    """The text of an article file, or of standard input for "-", up to MAX_ARTICLE_BYTES.
    Missing, unreadable, binary or undecodable input is refused with one line naming it."""
    label = "standard input" if name == "-" else name
    try:
        if name == "-":
            data = read_bounded(sys.stdin.buffer, MAX_ARTICLE_BYTES)
        else:
            with open(name, "rb") as fh:
                data = read_bounded(fh, MAX_ARTICLE_BYTES)
    except FileNotFoundError:
        raise InputError(label, "no such file") from None
    except IsADirectoryError:
        raise InputError(label, "is a folder, not a text file") from None
    except OSError as exc:
        raise InputError(label, f"cannot be read ({exc.strerror})") from None
    if data is None:
        raise InputError(label, f"is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB "
                                f"(reading stopped there); split it first")
    return _article_text(data, label, "save the article as UTF-8 text")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- HTML

# Elements whose content a reader never sees as article text.
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object"})
# Void elements have no end tag, so they must never open a hidden region.
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
    "figure", "figcaption", "pre", "hr", "form", "fieldset", "address", "details", "summary", "caption",
})
_LINE = frozenset({"br", "td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _VisibleText(HTMLParser):
    """Collects visible text; block elements become paragraph breaks.

    Whitespace inside text runs is collapsed as a browser does, except in <pre>.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, or a self-closed hidden element (<svg/>) that has no content.
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self.hidden_depth:
            return
        if not self.pre_depth:
            # HTML collapses ASCII whitespace only; a no-break space stays (as in "4\u00a0million").
            data = _HTML_SPACE.sub(" ", data)
            if data.startswith(" ") and self.parts and self.parts[-1].endswith((" ", "\n")):
                data = data[1:]  # "Hi <img> there": one space across the removed tag
        if data:
            self.parts.append(data)

    def _break(self, tag: str) -> None:
        if tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in _LINE:
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(_normalise_newlines(html))
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --------------------------------------------------------------------------- DOCX


def docx_to_text(data: bytes, name: str) -> str:
    """Body paragraphs and table cells in document order, one paragraph per line."""
    import docx  # python-docx; imported here because only .docx uploads need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(name, "is not a readable Word .docx document") from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError for a damaged file
        raise InputError(name, "is a damaged Word document; open and re-save it in Word") from exc

    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells]
                paragraphs.append("\t".join(cells))
    return "\n".join(p.strip() for p in paragraphs if p.strip())
