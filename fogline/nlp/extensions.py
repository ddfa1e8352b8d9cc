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


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` without its cost: each ``doc._`` builds a spaCy ``Underscore`` object (~4 µs, and the
    components read these attributes thousands of times per document). The value is read where spaCy keeps
    it, ``doc.user_data[("._.", name, None, None)]``; unset, the extension's default."""
    data: dict[Any, Any] = doc.user_data
    return data.get(("._.", name, None, None), DOC_EXTENSIONS.get(name))


def doc_list(doc: Doc, name: str) -> list[Any]:
    """The list stored in ``doc._.<name>``, created on first use."""
    value = doc_value(doc, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value


def doc_entities(doc: Doc) -> dict[str, Any]:
    entities: dict[str, Any] | None = doc_value(doc, "entities")
    if entities is None:
        entities = doc._.entities = {}
    return entities


def document_id(doc: Doc) -> str:
    meta = doc_value(doc, "document")
    return meta.id if meta is not None else ""


def mentions_in(doc: Doc, start: int, end: int, label: str | None = None) -> list[Any]:
    """Mentions (``doc._.mentions``) whose character span lies within [start, end)."""
    return [
        m
        for m in (doc_value(doc, "mentions") or [])
        if m.start >= start and m.end <= end and (label is None or m.label == label)
    ]


_TEXT_KEY = "fogline.text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without its cost: spaCy rebuilds ``doc.text`` token by token on *every* access (~4 ms
    for 600 words); the Document's text is the string the Doc was made from, so it is used when it fits.
    Cached in ``doc.user_data`` while the doc keeps its length (every component reads it, many times)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is not None and cached[0] == len(doc):
        return str(cached[1])
    text = getattr(doc_value(doc, "document"), "text", None)
    if not (isinstance(text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text)):
        text = doc.text if len(doc) else ""
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


register_extensions()
