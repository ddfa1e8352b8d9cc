"""``fogline.sentences.v1``: fast rule-based sentence boundaries (punctuation and line breaks)."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from fogline.nlp.extensions import register_extensions

_CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
_OPENERS = {'"', "“", "'", "‘", "«", "("}
_ABBREVIATIONS = {
    "amb",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "no",
    "vs",
    "u.s",
    "u.n",
}


class SentenceSplitter:
    """Split at sentence-final punctuation (not after common abbreviations) and at every line break."""

    def __init__(self) -> None:
        self._punct = set(Sentencizer.default_punct_chars)
        self._kinds: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        n = len(doc)
        if n == 0:
            return doc
        # Token attributes as flat lists (creating spaCy Token objects is the slow part of a token loop), and
        # per word (ORTH id) the character classes the rules test.
        orths = doc.to_array(ORTH).tolist()
        spaced = doc.to_array(SPACY).tolist()
        punct = doc.to_array(IS_PUNCT).tolist()
        kinds = [self._kind(doc, orth) for orth in orths]
        starts = [False] * n
        starts[0] = True
        for i in range(n - 1):
            kind = kinds[i]
            if kind == _OTHER:
                continue
            if kind & _NEWLINE:
                starts[i + 1] = True
            elif kind & _FINAL:
                # a quote mark after a space opens the next sentence (`said. "We…`); right after, it closes
                if not punct[i + 1] or (kinds[i + 1] & _OPENER and spaced[i] and not spaced[i + 1]):
                    if kind & _DOT and i > 0 and self._abbreviation(doc, orths[i - 1]):
                        continue
                    starts[i + 1] = True
            elif (
                kind & _CLOSER and i > 0 and kinds[i - 1] & _FINAL and not spaced[i - 1] and not punct[i + 1]
            ):
                starts[i + 1] = True
        # A line-break token belongs to the sentence it ends, never starts one of its own.
        for i in range(1, n - 1):
            if starts[i] and kinds[i] & _SPACE:
                starts[i] = False
                starts[i + 1] = True
        # One array write: setting token.is_sent_start one token at a time re-scans the doc (quadratic).
        values = numpy.array([1 if s else -1 for s in starts], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _kind(self, doc: Doc, orth: int) -> int:
        """The rule-relevant classes of a word (cached by its ORTH id)."""
        kind = self._kinds.get(orth)
        if kind is None:
            text = doc.vocab.strings[orth]
            kind = (
                (_NEWLINE if "\n" in text else 0)
                | (_FINAL if text in self._punct else 0)
                | (_DOT if text == "." else 0)
                | (_CLOSER if text in _CLOSERS else 0)
                | (_OPENER if text in _OPENERS else 0)
                | (_SPACE if text.isspace() else 0)
            )
            if len(self._kinds) < 200_000:
                self._kinds[orth] = kind
        return kind

    @staticmethod
    def _abbreviation(doc: Doc, orth: int) -> bool:
        return doc.vocab.strings[orth].lower().rstrip(".") in _ABBREVIATIONS


# Word classes for the splitter's rules (bit flags).
_OTHER, _NEWLINE, _FINAL, _DOT, _CLOSER, _OPENER, _SPACE = 0, 1, 2, 4, 8, 16, 32


@Language.factory("fogline_sentences_v1", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
