"""Text normalisation, content hashes and similarity fingerprints for documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from fogline.schema import Document

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
    """64-bit SimHash over word shingles, as 16 hex digits: syndicated copies differ in few bits."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return ""
    weights = [0] * 64
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
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
        published_precision=None,
        language=language,
        source_format=source_format,
        content_hash=digest,
        simhash=simhash(clean),
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        meta=meta or {},
    )
