"""Bytes to text: byte-order marks, UTF-8, then the likeliest legacy code page; binary data refused.

Legacy candidates are scored by how plausible the decoded words look (one script per word, Latin words
mostly ASCII), so Windows-1256 Arabic, Windows-1251 Cyrillic and Latin-1/Windows-1252 text all come out
right without a detection library guessing exotic code pages for short texts.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Tried in order; on equal scores the earlier wins. latin-1 decodes anything, so it is the last resort.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "cp1256", "cp1251", "latin-1")

_WORD = re.compile(r"[^\W\d_]+")
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


class DecodeError(ValueError):
    """The bytes are not text."""


def _script(char: str) -> str:
    if unicodedata.category(char) in ("Mn", "Mc", "Lm"):
        return ""  # combining marks and modifiers take the script of their word
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "?"


def plausibility(text: str) -> int:
    """How natural the non-ASCII part of a decoded text looks (higher is better)."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        non_ascii = sum(1 for c in word if not c.isascii())
        scripts = {s for s in map(_script, word) if s}
        latin_garble = scripts == {"LATIN"} and len(word) > 3 and non_ascii * 2 > len(word)
        score += -non_ascii if len(scripts) > 1 or latin_garble else non_ascii
    for char in text:
        if not char.isascii() and unicodedata.category(char) in ("Cc", "Co", "Cn", "So", "Sk"):
            score -= 1
    return score


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL bytes all on one side of each code unit."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > half * 0.3 and other == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(text: str) -> bool:
    """Control characters (other than whitespace) in more than 1% of the text: not a text file."""
    if "\x00" in text:
        return True
    sample = text[:20000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    return controls > max(2, len(sample) // 100)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; raises ``DecodeError`` for binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {exc.reason}") from exc
            if looks_binary(text):
                raise DecodeError("binary content, not text")
            return text, encoding
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is not None and not looks_binary(text16):
            return text16, "utf-16"
        raise DecodeError("binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best: tuple[int, str, str] | None = None
        for candidate in LEGACY_ENCODINGS:
            try:
                decoded = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            score = plausibility(decoded)
            if best is None or score > best[0]:
                best = (score, candidate, decoded)
        assert best is not None  # latin-1 always decodes
        _, encoding, text = best
    if looks_binary(text):
        raise DecodeError("binary content, not text")
    return text, encoding
