"""Acronyms defined in the text: "Ambazonia Defence Forces (ADF)" makes every later "ADF" of the document name
that actor, whatever the gazetteer says the acronym stands for elsewhere ("ADF" is also Congo's Allied
Democratic Forces), and "Lashkar-e-Taiba (LeT)" makes "LeT" an actor mention the gazetteer could not match.

Called at the end of ``fogline.nlp.actor_cues.resolve_references`` (a step of ``fogline.actors.v1``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from fogline.nlp.extensions import doc_value
from fogline.nlp.gazetteer_match import token_table
from fogline.schema import ActorType, Entity, Mention, make_id

AddMention = Callable[..., Mention]


def acronym_like(text: str) -> bool:
    """A one-token acronym: 2-8 letters, the first and one more a capital ("ADF", "LeT")."""
    return (
        2 <= len(text) <= 8 and text.isalpha() and text[:1].isupper() and sum(c.isupper() for c in text) >= 2
    )


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are, in order, initials of the name's words."""
    letters = iter("".join(w[0] for w in name.replace("-", " ").lower().split() if w[:1].isalpha()))
    return all(c in letters for c in acronym.lower())


def _definitions(
    doc: Doc, mentions: list[Mention], entities: dict[str, Entity]
) -> dict[str, tuple[Entity, int]]:
    """Acronym -> (the actor it abbreviates, character offset of the definition), from "Name (ACR)"."""
    texts = token_table(doc).texts
    by_end = {m.end: m for m in mentions if m.label == "ACTOR"}
    defined: dict[str, tuple[Entity, int]] = {}
    for i in range(1, len(texts) - 2):
        if texts[i] != "(" or texts[i + 2] != ")" or not acronym_like(texts[i + 1]):
            continue
        name = by_end.get(doc[i - 1].idx + len(texts[i - 1]))
        entity = entities.get(name.entity_id or "") if name is not None else None
        if name is None or entity is None or entity.type == ActorType.PERSON:
            continue
        if abbreviates(texts[i + 1], name.text):
            defined.setdefault(texts[i + 1], (entity, doc[i + 1].idx))
    return defined


def link_defined_acronyms(doc: Doc, add: AddMention, extractor: str) -> None:
    """Every occurrence of an acronym defined in the text, from the definition on, names the defined actor."""
    mentions: list[Mention] = doc_value(doc, "mentions") or []
    entities: dict[str, Entity] = doc_value(doc, "entities") or {}
    defined = _definitions(doc, mentions, entities)
    if not defined:
        return
    table = token_table(doc)
    at = {m.start: k for k, m in enumerate(mentions) if m.label in ("ACTOR", "PLACE", "FACILITY")}
    inside = {
        i
        for m in mentions
        if m.label in ("ACTOR", "PLACE", "FACILITY")
        for i in table.token_range(m.start, m.end)
    }
    for i, text in enumerate(table.texts):
        hit = defined.get(text)
        if hit is None or doc[i].idx < hit[1]:
            continue
        entity = hit[0]
        k = at.get(doc[i].idx)
        if k is None:
            if i not in inside:
                add(doc, doc[i : i + 1], entity, "ACTOR", extractor, 0.8, {"acronym": True})
        elif mentions[k].label == "ACTOR" and mentions[k].entity_id != entity.id and mentions[k].text == text:
            old = mentions[k]
            kind = str(entity.type) if entity.type else None
            mentions[k] = replace(
                old,
                id=make_id(old.document_id, old.extractor, old.start, old.end, entity.id),
                entity_id=entity.id,
                attributes=old.attributes | {"type": kind, "origin": entity.origin, "acronym": True},
            )
            if not any(m.entity_id == old.entity_id for m in mentions):
                entities.pop(old.entity_id or "", None)
