"""The attributes Fogline components read and write on a spaCy ``Doc``.

Each component declares which of these it ``requires`` and ``assigns``; ``register_extensions`` is
idempotent and is called by every component factory, so components work in any user pipeline.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# name -> default factory (a fresh list/dict per doc via getter/setter pairs is not needed: we set in place)
DOC_EXTENSIONS: dict[str, Any] = {
    "document": None,  # fogline.schema.Document: metadata (id, published…) travelling with the text
    "pub_date": None,  # datetime.date the relative dates resolve against
    "pub_date_inferred": False,  # True when pub_date was read off the text
    "dates": None,  # list[fogline.nlp.dates.DateMention]
    "mentions": None,  # list[fogline.schema.Mention]: places, actors, facilities with entity ids
    "entities": None,  # dict[str, fogline.schema.Entity]: every entity a mention points to
    "model_ents": None,  # list[Span]: the statistical NER's entities on selected sentences
    "figures": None,  # list[fogline.schema.Figure]
    "events": None,  # list[fogline.schema.Event]
    "statements": None,  # list[fogline.schema.Statement]
    "agreements": None,  # list[fogline.schema.Agreement]
    "facility_impacts": None,  # list[fogline.schema.FacilityImpact]
    "errors": None,  # list[str]: component failures routed here instead of stopping the batch
}


def register_extensions() -> None:
    """Register every Fogline ``Doc`` extension (safe to call repeatedly)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("fogline_id"):
        Span.set_extension("fogline_id", default=None)


def doc_list(doc: Doc, name: str) -> list[Any]:
    """The list stored in ``doc._.<name>``, created on first use."""
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_entities(doc: Doc) -> dict[str, Any]:
    if doc._.entities is None:
        doc._.entities = {}
    return doc._.entities


def document_id(doc: Doc) -> str:
    meta = doc._.document
    return meta.id if meta is not None else ""


def mentions_in(doc: Doc, start: int, end: int, label: str | None = None) -> list[Any]:
    """Mentions (``doc._.mentions``) whose character span lies within [start, end)."""
    return [
        m
        for m in (doc._.mentions or [])
        if m.start >= start and m.end <= end and (label is None or m.label == label)
    ]


def doc_text(doc: Doc) -> str:
    """``doc.text`` without its cost: spaCy rebuilds ``doc.text`` token by token on *every* access (~4 ms
    for 600 words); the Document's text is the string the Doc was made from, so it is used when it fits."""
    text = getattr(doc._.document, "text", None)
    if isinstance(text, str) and len(doc):
        last = doc[-1]
        if last.idx + len(last.text_with_ws) == len(text):
            return text
    return doc.text if len(doc) else ""


register_extensions()
