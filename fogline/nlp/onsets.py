"""``fogline.onsets.v1``: when a text says a campaign started (being written; passes docs through for now)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.extensions import register_extensions


class OnsetFinder:
    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        return doc


@Language.factory("fogline_onsets_v1", requires=["doc._.events", "doc._.dates"], assigns=["doc._.events"])
def make_onset_finder(nlp: Language, name: str) -> OnsetFinder:
    return OnsetFinder()
