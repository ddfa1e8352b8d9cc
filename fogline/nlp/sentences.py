"""``fogline.sentences.v1``: fast rule-based sentence boundaries (punctuation and line breaks)."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Token

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


def _opens_quote(token: Token, nxt: Token) -> bool:
    """A quote mark after a space opens the next sentence (`said. "We…`); right after, it closes this one."""
    return nxt.text in _OPENERS and bool(token.whitespace_) and not nxt.whitespace_


class SentenceSplitter:
    """Split at sentence-final punctuation (not after common abbreviations) and at every line break."""

    def __init__(self) -> None:
        self._punct = set(Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if len(doc) == 0:
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        for i, token in enumerate(doc[:-1]):
            nxt = doc[i + 1]
            if (
                "\n" in token.text
                or (token.is_space and "\n" in token.whitespace_ + token.text)
                or "\n" in token.whitespace_
            ):
                starts[i + 1] = True
            elif token.text in self._punct and (not nxt.is_punct or _opens_quote(token, nxt)):
                prev = doc[i - 1].lower_ if i > 0 else ""
                if token.text == "." and prev.rstrip(".") in _ABBREVIATIONS:
                    continue
                starts[i + 1] = True
            elif (
                token.text in _CLOSERS
                and i > 0
                and doc[i - 1].text in self._punct
                and not doc[i - 1].whitespace_
                and not nxt.is_punct
            ):
                starts[i + 1] = True
        # A line-break token belongs to the sentence it ends, never starts one of its own.
        for i in range(1, len(doc) - 1):
            if starts[i] and doc[i].is_space:
                starts[i] = False
                starts[i + 1] = True
        # One array write: setting token.is_sent_start one token at a time re-scans the doc (quadratic).
        values = numpy.array([1 if s else -1 for s in starts], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("fogline_sentences_v1", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
