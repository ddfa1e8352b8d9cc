"""Readers, decoding, format detection and date normalisation, on hand-made inputs (no store)."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from fogline.ingest import read
from fogline.ingest.decode import DecodeError, decode_bytes
from fogline.ingest.normalize import document_from_text, normalize_date
from fogline.ingest.readers import (
    READERS,
    Article,
    ReadError,
    ReadFailure,
    SourceRef,
    detect_format,
    markdown_to_text,
    parse_front_matter,
    read_source,
    sniff_format,
)


def pdf_with_text(lines: list[str], *, title: str | None = None, created: str | None = None) -> bytes:
    """A one-page PDF whose content stream draws ``lines`` in Helvetica."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = DecodedStreamObject()
    stream.set_data(("BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(f"({t}) '" for t in lines) + " ET").encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    meta = {}
    if title:
        meta["/Title"] = title
    if created:
        meta["/CreationDate"] = created
    if meta:
        writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def only_article(results: list[Article | ReadFailure]) -> Article:
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


# -- decoding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("غارة جوية على سوق المدينة أسفرت عن مقتل سبعة أشخاص وإصابة عشرين", "cp1256", "cp1256"),
        ("Les déplacés de Goma ont reçu de l'aide après trois jours", "latin-1", "cp1252"),
        ("Según la Cruz Roja, los niños evacuados llegaron el miércoles", "cp1252", "cp1252"),
        ("Обстрел повредил больницу в городе, сообщили местные власти", "cp1251", "cp1251"),
        ("Plain English with a dash — and quotes “here”", "utf-8", "utf-8"),
    ],
)
def test_legacy_encodings_are_decoded_not_rejected(text: str, encoding: str, expected: str) -> None:
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert used == expected


def test_byte_order_marks_and_utf16() -> None:
    assert decode_bytes(b"\xef\xbb\xbfRoad closed") == ("Road closed", "utf-8")
    assert decode_bytes("Road closed".encode("utf-16"))[0] == "Road closed"
    assert decode_bytes("Road closed at dawn".encode("utf-16-le")) == ("Road closed at dawn", "utf-16")


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(1, 32)) * 20)


def test_arabic_text_file_keeps_its_encoding_in_meta(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.txt"
    text = "نزوح مئات العائلات من القرى الحدودية بعد القصف\nوقال مسؤول محلي إن الطرق مغلقة"
    path.write_bytes(text.encode("cp1256"))
    article = only_article(read(str(path)))
    assert article.meta["encoding"] == "cp1256"
    assert article.text.startswith("نزوح مئات العائلات")


# -- format detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b"---\ntitle: A\n---\nBody", "markdown"),
        (b"Just words on a line.", "text"),
    ],
)
def test_sniffing(data: bytes, expected: str) -> None:
    assert sniff_format(data) == expected


def test_extension_wins_then_content_type_then_sniffing() -> None:
    html = b"<html><body><p>x</p></body></html>"
    assert detect_format(html, name="page.txt") == "text"
    assert detect_format(html, name="page.unknown") == "html"
    assert detect_format(html, name="https://x.org/a", content_type="text/plain; charset=utf-8") == "html"
    assert detect_format(b"%PDF-1.4", content_type="application/octet-stream", name="f") == "pdf"
    assert detect_format(html, content_type="application/xml") == "html"
    assert {"text", "markdown", "html", "pdf", "jsonl", "feed"} <= set(READERS)


# -- readers --------------------------------------------------------------------------------------


def test_plain_text_title_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Curfew Extended in River Town\r\n\r\n\r\nThe  curfew\u00a0now runs  from dusk.\n", "utf-8"
    )
    article = only_article(read(str(path)))
    assert article.title == "Curfew Extended in River Town"
    doc = document_from_text(article.text, title=article.title)
    assert doc.text == "Curfew Extended in River Town\n\nThe curfew now runs from dusk."
    start = doc.text.index("curfew now")
    assert doc.text[start : start + 6] == "curfew"


def test_markdown_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(
        '---\ntitle: "Clinic shelled in Marib"\npublished: 2025-11-03\noutlet: Field Notes\n'
        "url: https://example.org/brief\nauthor: desk\n---\n# Clinic shelled\n\n"
        "A **mobile clinic** was hit, according to [the health office](https://example.org/h).\n\n"
        "- three staff hurt\n",
        "utf-8",
    )
    article = only_article(read(str(path)))
    assert article.title == "Clinic shelled in Marib"
    assert article.published == "2025-11-03"
    assert article.outlet == "Field Notes"
    assert article.url == "https://example.org/brief"
    assert article.meta["front_matter"] == {"author": "desk"}
    assert "A mobile clinic was hit, according to the health office." in article.text
    assert "**" not in article.text and "](" not in article.text and "- three" not in article.text


def test_front_matter_helpers() -> None:
    fields, body = parse_front_matter("---\nTitle: X\nbad line\n---\nBody\n")
    assert fields == {"title": "X"} and body == "Body\n"
    assert parse_front_matter("No front matter") == ({}, "No front matter")
    assert markdown_to_text("## Heading ##\n![img](a.png)_calm_ and `code`") == "Heading\ncalm and code"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(
        "<html><head><title>Dam breach floods villages</title>"
        "<meta property='og:site_name' content='Valley Monitor'>"
        "<meta property='article:published_time' content='2025-08-14T09:00:00Z'></head>"
        "<body><nav>Home | World | Sport</nav><article><h1>Dam breach floods villages</h1>"
        "<p>Water from the broken dam reached six villages on Wednesday night, district officials said, "
        "and at least four hundred families left their homes for higher ground.</p>"
        "<p>Rescue teams in boats were still searching the flooded fields on Thursday morning.</p>"
        "</article><footer>All rights reserved</footer><script>var x = 1;</script></body></html>",
        "utf-8",
    )
    article = only_article(read(str(path)))
    assert article.source_format == "html"
    assert article.title == "Dam breach floods villages"
    assert article.outlet == "Valley Monitor"
    assert article.published == "2025-08-14"
    assert "four hundred families" in article.text
    assert "var x" not in article.text and "All rights reserved" not in article.text


def test_html_declared_charset_is_honoured() -> None:
    html = (
        '<html><head><meta charset="windows-1256"></head><body><p>'
        "قال الدفاع المدني إن فرق الإنقاذ انتشلت جثث ثلاثة مدنيين من تحت الأنقاض صباح اليوم"
        "</p></body></html>"
    ).encode("cp1256")
    article = only_article(list(read_source(html, SourceRef(name="ar.html", path="ar.html"))))
    assert "الدفاع المدني" in article.text
    assert article.meta["encoding"] == "windows-1256"


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.pdf"
    path.write_bytes(
        pdf_with_text(
            ["Cholera cases rose in the camps near Kassala.", "Health workers opened two new centres."],
            title="Camp situation report",
            created="D:20250304120000Z",
        )
    )
    article = only_article(read(str(path)))
    assert article.source_format == "pdf"
    assert article.title == "Camp situation report"
    assert article.published == "2025-03-04"
    assert "Cholera cases rose" in article.text and "two new centres" in article.text


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": "Protesters gathered outside the ministry.",
                "title": "Protest",
                "published": "2024-05-02",
                "outlet": "City Wire",
                "url": "https://example.org/1",
                "language": "en",
            }
        ),
        "{not json",
        "",
        json.dumps({"title": "No text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Police dispersed the crowd by evening.", "published": "May 3, 2024"}),
    ]
    path.write_text("\n".join(lines), "utf-8")
    results = read(str(path))
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [a.published for a in articles] == ["2024-05-02", "2024-05-03"]
    assert (articles[0].outlet, articles[0].language) == ("City Wire", "en")
    assert articles[0].source.endswith(":1")
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "4", "5"]
    assert "invalid JSON" in failures[0].reason and "text" in failures[1].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Border Desk</title><language>en</language>
<item><title>Crossing reopens</title><link>https://example.org/crossing</link>
<pubDate>Tue, 02 Sep 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The northern crossing reopened for aid trucks after a week.&lt;/p&gt;
</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Relief Notes</title>
<entry><title>Shelter update</title><link href="https://example.org/shelter"/>
<updated>2025-10-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;Two schools now host displaced families.&lt;/p&gt;
&lt;p&gt;More blankets are needed.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(RSS, "utf-8")
    results = read(str(path))
    article, failure = results
    assert isinstance(article, Article) and isinstance(failure, ReadFailure)
    assert article.text == "The northern crossing reopened for aid trucks after a week."
    assert (article.title, article.url, article.outlet, article.published) == (
        "Crossing reopens",
        "https://example.org/crossing",
        "Border Desk",
        "2025-09-02",
    )
    assert failure.source.endswith("#2") and "no text" in failure.reason


def test_atom_feed_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text(ATOM, "utf-8")
    article = only_article(read(str(path)))
    assert article.published == "2025-10-12"
    assert "Two schools now host displaced families." in article.text
    assert "More blankets" in article.text and "<p>" not in article.text


def test_not_a_feed_is_a_clear_error() -> None:
    with pytest.raises(ReadError, match="not an RSS/Atom feed"):
        list(read_source(b"this is plainly not xml", SourceRef(name="x.rss"), fmt="feed"))


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-09", "2026-01-09"),
        ("2026-01-09T22:15:00+03:00", "2026-01-09"),
        ("Fri, 09 Jan 2026 10:00:00 GMT", "2026-01-09"),
        ("9 January 2026", "2026-01-09"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("2026/1/9", "2026-01-09"),
        (time.strptime("2025-02-01", "%Y-%m-%d"), "2025-02-01"),
        ("2026-01", None),
        ("2026-02-30", None),
        ("last week", None),
        (None, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Restriction-only encryption (empty user password) does not stop reading."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_with_text(["Night curfew lifted in the old city."])))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "restricted.pdf"
    path.write_bytes(out.getvalue())
    assert "Night curfew lifted" in only_article(read(str(path))).text


def test_pdf_content_wins_over_a_wrong_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(pdf_with_text(["Ferry service to the islands was suspended."]))
    article = only_article(read(str(path)))
    assert article.source_format == "pdf" and "Ferry service" in article.text


def test_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path: Path) -> None:
    path = tmp_path / "sep.jsonl"
    record = {"text": "Shops reopened in the square.\u2028Queues formed at the bakery."}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    article = only_article(read(str(path)))
    expected = "Shops reopened in the square.\nQueues formed at the bakery."
    assert document_from_text(article.text).text == expected
