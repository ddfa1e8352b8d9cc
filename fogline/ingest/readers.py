"""One reader per input format, in a registry keyed by format name.

A reader turns the bytes of one source into articles (``Article``) and per-item failures
(``ReadFailure``: a bad JSON line, a feed entry without text); a source that cannot be read at all raises
``ReadError`` with one clear reason. The format comes from the file extension or HTTP content type, else from
sniffing the content (``detect_format``).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from fogline.ingest.decode import DecodeError, decode_bytes
from fogline.ingest.normalize import normalize_date, normalize_text


class ReadError(ValueError):
    """The whole source cannot be read; the message is the reason."""


@dataclass(frozen=True)
class SourceRef:
    """Where bytes came from: ``name`` is what messages show (a path or URL)."""

    name: str
    path: str | None = None
    url: str | None = None
    charset: str | None = None  # declared by the server (``Content-Type: …; charset=…``)


@dataclass
class Article:
    """One report read from a source, before normalisation into a ``Document``."""

    text: str
    source: str  # path, path:line, path#entry, or URL: names the item in messages
    source_format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadFailure:
    source: str
    reason: str


ReadResult = Article | ReadFailure
ReaderFn = Callable[[bytes, SourceRef], Iterator[ReadResult]]


@dataclass(frozen=True)
class Reader:
    name: str
    read: ReaderFn
    extensions: tuple[str, ...]
    content_types: tuple[str, ...]


READERS: dict[str, Reader] = {}


def register_reader(
    name: str, *, extensions: tuple[str, ...] = (), content_types: tuple[str, ...] = ()
) -> Callable[[ReaderFn], ReaderFn]:
    """Register ``fn`` as the reader of format ``name`` (the registry, not an if-chain, picks readers)."""

    def deco(fn: ReaderFn) -> ReaderFn:
        READERS[name] = Reader(name, fn, extensions, content_types)
        return fn

    return deco


def extension_formats() -> dict[str, str]:
    return {ext: r.name for r in READERS.values() for ext in r.extensions}


def content_type_formats() -> dict[str, str]:
    return {ct: r.name for r in READERS.values() for ct in r.content_types}


# -- format detection ----------------------------------------------------------------------------------

_FEED_HEAD = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_HEAD = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _suffix(name: str) -> str:
    path = urlsplit(name).path if "://" in name else name
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


def sniff_format(data: bytes) -> str:
    """The format the content looks like: pdf, feed, html, jsonl, markdown or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if _FEED_HEAD.search(head):
        return "feed"
    if _HTML_HEAD.search(head[:2048]):
        return "html"
    if head.startswith(b"<?xml"):
        return "feed"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if head.startswith(b"---") and _FRONT_MATTER.match(head.decode("utf-8", "replace")):
        return "markdown"
    return "text"


def detect_format(data: bytes, *, name: str | None = None, content_type: str | None = None) -> str:
    """Content type first (for URLs), then file extension, then sniffing."""
    by_type: str | None = None
    if content_type:
        mime = content_type.split(";", 1)[0].strip().lower()
        by_type = content_type_formats().get(mime)
        sniffed = sniff_format(data)
        if by_type == "feed" and mime.endswith("/xml") and sniffed != "feed":
            by_type = None  # generic XML that is not a feed (XHTML, sitemaps…): let the content decide
        elif by_type == "text" and sniffed in ("pdf", "feed", "html"):
            return sniffed  # servers label many things text/plain
        elif by_type and by_type != "text":
            return by_type
    if name:
        fmt = extension_formats().get(_suffix(name))
        if fmt:
            return "pdf" if fmt != "pdf" and sniff_format(data[:1024]) == "pdf" else fmt
    return by_type or sniff_format(data)


def read_source(
    data: bytes, ref: SourceRef, *, fmt: str | None = None, content_type: str | None = None
) -> Iterator[ReadResult]:
    """Read one source with the reader its format selects."""
    if not data.strip():
        raise ReadError("empty file" if ref.path else "empty response")
    fmt = fmt or detect_format(data, name=ref.path or ref.url or ref.name, content_type=content_type)
    reader = READERS.get(fmt)
    if reader is None:
        raise ReadError(f"no reader for format {fmt!r}")
    yield from reader.read(data, ref)


# -- shared helpers ----------------------------------------------------------------------------------


def _try_charset(data: bytes, charset: str | None) -> str | None:
    """``data`` decoded with a declared charset, or None when the declaration is unknown or wrong."""
    if not charset:
        return None
    if not data.isascii() and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:  # valid multi-byte UTF-8 is UTF-8, whatever a server or page template claims
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if "\x00" in text else text


def _decode(data: bytes, ref: SourceRef | None = None) -> tuple[str, str]:
    declared = ref.charset if ref else None
    text = _try_charset(data, declared)
    if text is not None and declared:
        return text.removeprefix("\ufeff"), declared.lower()
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise ReadError(str(exc)) from exc


def _require_text(text: str, what: str = "no text") -> str:
    if not normalize_text(text):
        raise ReadError(what)
    return text


def guess_title(text: str) -> str | None:
    """A headline: the first line, when it is short and does not read like a sentence of the body."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 2 or not lines[0]:
        return None
    first = lines[0]
    if len(first) > 200 or len(first.split()) < 3 or first.endswith((".", ",", ";", ":")):
        return None
    return first


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, block elements on their own lines (scripts and styles dropped)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//h5|//h6|//tr|//blockquote|//section"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content()).strip()


# -- plain text ----------------------------------------------------------------------------------


@register_reader("text", extensions=(".txt", ".text"), content_types=("text/plain",))
def read_text(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    text, encoding = _decode(data, ref)
    _require_text(text)
    yield Article(
        text=text,
        source=ref.name,
        source_format="text",
        title=guess_title(normalize_text(text)),
        url=ref.url,
        path=ref.path,
        meta={"encoding": encoding},
    )


# -- Markdown with front matter ------------------------------------------------------------------

_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$", re.MULTILINE), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+", re.MULTILINE), ""),  # bullets
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(fields, body)``: simple ``key: value`` lines between two ``---`` lines at the top."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        if ":" not in line or line.lstrip().startswith("#"):
            continue
        key, value = line.split(":", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if key.strip():
            fields[key.strip().lower()] = value
    return fields, text[m.end() :]


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup removed (headings, emphasis, links, images, bullets)."""
    for pattern, repl in _MD_RULES:
        markdown = pattern.sub(repl, markdown)
    return markdown


@register_reader("markdown", extensions=(".md", ".markdown"), content_types=("text/markdown",))
def read_markdown(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    raw, encoding = _decode(data, ref)
    fields, body = parse_front_matter(raw)
    meta: dict[str, Any] = {"encoding": encoding}
    known: dict[str, str] = {}
    for key, value in fields.items():
        target = _FRONT_KEYS.get(key)
        if target and value and target not in known:
            known[target] = value
        elif not target:
            meta.setdefault("front_matter", {})[key] = value
    heading = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", body, re.MULTILINE)
    text = _require_text(markdown_to_text(body))
    published = normalize_date(known.get("published"))
    if known.get("published") and not published:
        meta["published_raw"] = known["published"]
    yield Article(
        text=text,
        source=ref.name,
        source_format="markdown",
        title=known.get("title") or (heading.group(1) if heading else guess_title(normalize_text(text))),
        outlet=known.get("outlet"),
        url=known.get("url") or ref.url,
        path=ref.path,
        published=published,
        language=known.get("language"),
        meta=meta,
    )


# -- HTML ----------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


def _decode_html(data: bytes, ref: SourceRef) -> tuple[str, str]:
    """The server's charset, else the page's ``<meta charset>``, else detection."""
    if ref.charset:
        return _decode(data, ref)
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace").lower() if m else None
    text = _try_charset(data, declared)
    if text is not None and declared:
        return text, declared
    return _decode(data)


@register_reader(
    "html", extensions=(".html", ".htm", ".xhtml"), content_types=("text/html", "application/xhtml+xml")
)
def read_html(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    import trafilatura

    html, encoding = _decode_html(data, ref)
    meta: dict[str, Any] = {"encoding": encoding}
    try:
        result = trafilatura.bare_extraction(
            html,
            url=ref.url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura fails on some malformed trees; fall back to plain text
        meta["extraction_error"] = f"{type(exc).__name__}: {exc}"
        result = None
    text = getattr(result, "text", None) or ""
    if not normalize_text(text):
        text = html_to_text(html)
        meta["extracted_by"] = "lxml"
    else:
        meta["extracted_by"] = "trafilatura"
    _require_text(text, "no readable text in the HTML")
    yield Article(
        text=text,
        source=ref.name,
        source_format="html",
        title=getattr(result, "title", None),
        outlet=getattr(result, "sitename", None),
        url=getattr(result, "url", None) or ref.url,
        path=ref.path,
        published=normalize_date(getattr(result, "date", None)),
        language=getattr(result, "language", None),
        meta=meta,
    )


# -- PDF -----------------------------------------------------------------------------------------


@register_reader("pdf", extensions=(".pdf",), content_types=("application/pdf", "application/x-pdf"))
def read_pdf(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # owner-password-only PDFs open with an empty user password
            except (NotImplementedError, PyPdfError) as exc:
                raise ReadError(f"encrypted PDF that cannot be opened: {exc}") from exc
            if not opened:
                raise ReadError("encrypted PDF (a password is required)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except ReadError:
        raise
    except FileNotDecryptedError as exc:
        raise ReadError("encrypted PDF (a password is required)") from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ReadError(f"corrupt or unreadable PDF: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    _require_text(text, "PDF has no extractable text (scanned images are not read)")
    title = str(info.title) if info and info.title else None
    created = None
    if info:
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
    yield Article(
        text=text,
        source=ref.name,
        source_format="pdf",
        title=title or guess_title(normalize_text(text)),
        url=ref.url,
        path=ref.path,
        published=normalize_date(created),
        meta={"pages": len(pages)},
    )


# -- JSON Lines ----------------------------------------------------------------------------------

_JSONL_KEYS = {
    "text": ("text", "content", "body"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "publish_date"),
    "outlet": ("outlet", "source", "site_name", "publisher"),
    "language": ("language", "lang"),
}


def _first(record: dict[str, Any], key: str) -> Any:
    for name in _JSONL_KEYS[key]:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _jsonl_article(record: Any, source: str, ref: SourceRef, encoding: str) -> Article:
    if not isinstance(record, dict):
        raise ReadError(f"expected a JSON object, got {type(record).__name__}")
    text = _first(record, "text")
    if not isinstance(text, str) or not normalize_text(text):
        raise ReadError("no 'text' field with text in it")
    fields = {k: _first(record, k) for k in ("title", "url", "outlet", "language")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ReadError(f"'{key}' must be a string")
    raw_date = _first(record, "published")
    published = normalize_date(raw_date)
    meta: dict[str, Any] = {"encoding": encoding}
    if raw_date and not published:
        meta["published_raw"] = str(raw_date)
    return Article(
        text=text,
        source=source,
        source_format="jsonl",
        path=ref.path,
        published=published,
        meta=meta,
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        language=fields["language"],
    )


@register_reader(
    "jsonl",
    extensions=(".jsonl", ".ndjson"),
    content_types=("application/jsonl", "application/x-ndjson", "application/x-jsonlines"),
)
def read_jsonl(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    text, encoding = _decode(data, ref)
    for lineno, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 is valid in JSON
        if not line.strip():
            continue
        source = f"{ref.name}:{lineno}"
        try:
            yield _jsonl_article(json.loads(line), source, ref, encoding)
        except json.JSONDecodeError as exc:
            yield ReadFailure(source, f"invalid JSON: {exc.msg} (column {exc.colno})")
        except ReadError as exc:
            yield ReadFailure(source, str(exc))


# -- RSS / Atom feeds ----------------------------------------------------------------------------


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = html_to_text(value) if "html" in (content.get("type") or "html") else value
        if normalize_text(text):
            return text
    summary = entry.get("summary") or entry.get("description") or ""
    return html_to_text(summary) if "<" in summary else summary


@register_reader(
    "feed",
    extensions=(".rss", ".atom", ".xml"),
    content_types=(
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
)
def read_feed(data: bytes, ref: SourceRef) -> Iterator[ReadResult]:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ReadError(f"not an RSS/Atom feed{f' ({problem})' if problem else ''}")
    if not parsed.entries:
        raise ReadError("feed has no entries")
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        source = f"{ref.name}#{number}"
        text = _entry_text(entry)
        if not normalize_text(text):
            yield ReadFailure(source, "feed entry has no text")
            continue
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(
            text=text,
            source=source,
            source_format="feed",
            title=entry.get("title") or None,
            outlet=outlet,
            url=link,
            path=ref.path,
            published=normalize_date(date) or normalize_date(entry.get("published")),
            language=parsed.feed.get("language") or None,
            meta={"feed": ref.name, "entry": number, "feed_version": parsed.get("version") or None},
        )
