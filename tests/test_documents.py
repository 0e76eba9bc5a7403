"""Uploaded article files -> plain text, and one-line errors for what cannot be read."""

from __future__ import annotations

import io

import docx
import pytest

from checker.errors import InputError
from checker.io import MAX_TEXT_BYTES, check_size, html_to_text, text_from_upload


def test_txt_utf8_with_bom_and_crlf():
    data = "\ufeffLine one costs €5.\r\nLine two.".encode()
    assert text_from_upload("a.txt", data) == "Line one costs €5.\nLine two."


def test_markdown_is_read_as_text():
    assert text_from_upload("notes.MD", b"# Title\n\n*10* people") == "# Title\n\n*10* people"


def test_cp1252_fallback():
    assert text_from_upload("old.txt", "café 5 km".encode("cp1252")) == "café 5 km"


def test_utf16_with_bom():
    assert text_from_upload("w.txt", "5 apples".encode("utf-16")) == "5 apples"


def test_html_drops_script_and_style_and_keeps_paragraphs():
    page = (
        "<html><head><title>Tab title</title><style>p {color: red}</style>"
        "<script>var x = '12 million';</script></head><body>"
        "<h1>Flood  news</h1><p>About 300\n   homes were hit.</p>"
        "<p>Damage: &euro;4&nbsp;million &amp; rising.<br>Second line</p>"
        "<noscript>Enable JS</noscript><script>document.write('7 tanks')</script></body></html>"
    )
    text = text_from_upload("page.html", page.encode())
    assert text == "Flood news\n\nAbout 300 homes were hit.\n\nDamage: €4\u00a0million & rising.\nSecond line"
    assert "12 million" not in text and "7 tanks" not in text and "color" not in text


def test_html_hostile_markup_becomes_plain_text_only():
    text = html_to_text('<p>Hi <img src=x onerror="alert(1)"> there</p><script>alert(2)</script>')
    assert text == "Hi there"


def test_htm_suffix_and_pre_keeps_line_breaks():
    assert text_from_upload("x.htm", b"<pre>a\n b</pre>") == "a\nb"


def test_docx_paragraphs_and_tables_in_order():
    document = docx.Document()
    document.add_paragraph("Headline with 3 numbers")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Area"
    table.cell(0, 1).text = "603,550 sq km"
    document.add_paragraph("Closing paragraph.")
    buf = io.BytesIO()
    document.save(buf)
    assert text_from_upload("story.docx", buf.getvalue()) == (
        "Headline with 3 numbers\nArea\t603,550 sq km\nClosing paragraph."
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.txt", bytes(range(256)) * 4, "binary file"),
        ("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("x.html", b"<p>\x00\x01</p>", "binary file"),
        ("x.docx", b"this is not a zip", "not a readable Word"),
        ("x.pdf", b"%PDF-1.4", ".pdf is not supported"),
        ("README", b"text", "files without an extension is not supported"),
        ("x.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
        ("x.txt", b"   \n  ", "contains no text"),
        ("x.txt", b"\x81\x8d\x8f", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_unreadable_uploads_raise_one_line_input_error(name, data, message):
    with pytest.raises(InputError) as err:
        text_from_upload(name, data)
    assert message in str(err.value)
    assert str(err.value).startswith(name + ": ")
    assert "\n" not in str(err.value)


def test_over_size_text_is_refused():
    with pytest.raises(InputError, match="1 MB"):
        text_from_upload("big.txt", b"a" * (MAX_TEXT_BYTES + 1))
    assert text_from_upload("ok.txt", b"a" * MAX_TEXT_BYTES)


def test_size_counts_utf8_bytes_not_characters():
    check_size("é" * (MAX_TEXT_BYTES // 2), "pasted")
    with pytest.raises(InputError, match="^pasted: "):
        check_size("é" * (MAX_TEXT_BYTES // 2 + 1), "pasted")


def test_over_size_docx_text_is_refused():
    document = docx.Document()
    for _ in range(11):
        document.add_paragraph("x" * 100_000)
    buf = io.BytesIO()
    document.save(buf)
    with pytest.raises(InputError, match="limit"):
        text_from_upload("long.docx", buf.getvalue())
