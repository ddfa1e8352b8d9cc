"""Text normalisation, content hashes and similarity fingerprints for documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from time import struct_time
from typing import Any

import numpy as np

from fogline.schema import DatePrecision, Document

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Unicode NFC, one kind of line break, single spaces, at most one blank line, no edge whitespace.

    The stored text is this normalised string, so every character offset the extractors write points
    into exactly what is stored.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    """Identity of a normalised text (exact-duplicate key); also the document id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def simhash(text: str, shingle: int = 3) -> str:
    """64-bit SimHash over word shingles, as 16 hex digits: syndicated copies differ in few bits.

    Bit k is set when more than half of the distinct shingle hashes (blake2b, 8 bytes) have bit k set.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return ""
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    digests = b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams)
    # one row per hash, most significant bit first: column j holds bit 63 - j
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(grams)
    value = 0
    for column, is_set in enumerate(majority.tolist()):
        if is_set:
            value |= 1 << (63 - column)
    return f"{value:016x}"


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def document_from_text(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    path: str | None = None,
    published: str | None = None,
    language: str | None = None,
    source_format: str = "text",
    meta: dict[str, Any] | None = None,
) -> Document:
    """A ``Document`` with normalised text, content-hash id and fingerprint."""
    clean = normalize_text(text)
    digest = content_hash(clean)
    return Document(
        id=digest,
        text=clean,
        title=normalize_text(title) if title else None,
        outlet=outlet,
        url=url,
        path=path,
        published=published,
        published_precision=DatePrecision.DAY if published else None,
        language=language,
        source_format=source_format,
        content_hash=digest,
        simhash=simhash(clean),
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        meta=meta or {},
    )


_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_SLASH_DATE = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*$")
_WEEKDAY = r"^\s*(?:[A-Za-z]+,?\s+)?"
_DAY_MONTH_YEAR = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(_WEEKDAY + r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: object) -> str | None:
    """A publication date as ISO ``YYYY-MM-DD``, or None when it is missing, partial or unreadable.

    Accepts ``date``/``datetime`` objects, ``time.struct_time`` (feedparser), ISO dates and timestamps,
    ``YYYY/MM/DD``, RFC 2822 (``Fri, 09 Jan 2026 10:00:00 GMT``), ``9 January 2026`` and ``January 9, 2026``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in (_ISO_DATE, _SLASH_DATE):
        m = pattern.match(text)
        if m:
            return _valid(int(m[1]), int(m[2]), int(m[3]))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    m = _DAY_MONTH_YEAR.match(text)
    if m and m[2].lower() in _MONTHS:
        return _valid(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    m = _MONTH_DAY_YEAR.match(text)
    if m and m[1].lower() in _MONTHS:
        return _valid(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    return None
