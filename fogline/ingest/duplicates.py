"""Exact and near-duplicate detection: content hashes and 64-bit SimHash fingerprints.

Syndicated wire copies (the same story with a different byline or footer) differ in a few SimHash bits.
They are stored, linked to the first copy through ``Document.near_duplicate_of``, so tallies can count a
wire story once.
"""

from __future__ import annotations

import re

from fogline.ingest.normalize import hamming
from fogline.schema import Document
from fogline.store import Store

MAX_DISTANCE = 3  # SimHash bits: this close is a copy
CONFIRM_DISTANCE = 8  # this close is a copy only if most word trigrams are shared too
MIN_OVERLAP = 0.8  # shared trigrams / trigrams of the shorter text
MIN_LENGTH_RATIO = 0.6  # shorter / longer text: a short item never "duplicates" a long report

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 3) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}


def overlap(a: str, b: str) -> float:
    """Shared word trigrams over the trigrams of the shorter text (1.0 when one contains the other)."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


class DuplicateIndex:
    """The fingerprints of a store, extended with each document added during a batch."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._simhash: dict[str, str] = dict(store.simhashes())

    def is_exact_duplicate(self, document: Document) -> bool:
        """Same normalised text (the id is the content hash) already stored or seen in this batch."""
        if document.id in self._simhash:
            return True
        return self.store.find_document_by_hash(document.content_hash) is not None

    def near_duplicate_of(self, document: Document) -> str | None:
        """The id of the first copy of the story this document nearly duplicates (closest match), or None.

        Within ``MAX_DISTANCE`` bits the fingerprints decide; up to ``CONFIRM_DISTANCE`` bits the texts must
        also share ``MIN_OVERLAP`` of their word trigrams. Either way the lengths must be comparable.
        """
        if not document.simhash:
            return None
        distances = ((hamming(document.simhash, fp), doc_id) for doc_id, fp in self._simhash.items() if fp)
        candidates = sorted((d, doc_id) for d, doc_id in distances if d <= CONFIRM_DISTANCE)
        for distance, doc_id in candidates:
            other = self.store.get(Document, doc_id)
            if other is None or not other.text:
                continue
            shorter, longer = sorted((len(document.text), len(other.text)))
            if shorter / longer < MIN_LENGTH_RATIO:
                continue
            if distance > MAX_DISTANCE and overlap(document.text, other.text) < MIN_OVERLAP:
                continue
            return other.near_duplicate_of or other.id
        return None

    def add(self, document: Document) -> None:
        self._simhash[document.id] = document.simhash
