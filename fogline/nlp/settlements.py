"""Settlements named by a cue noun: "the village of Oe Htein Kwin", "the town of Pont-Sondé".

A step of ``fogline.actors.v1`` that runs before the model's entities are read, so a village the model took
for a person or an organisation becomes a place. Names no gazetteer knows become new places (origin
``extracted``) in the country, and region, of the nearest place named in the same sentence, else in the
document's main country.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from fogline.gazetteer.normalize import fold_word, name_key
from fogline.gazetteer.places import country_id
from fogline.nlp.actor_cues import (
    _MODEL_CONFIDENCE,
    _NOT_NAMES,
    AddMention,
    _add_place,
    doc_countries,
    main_country,
    occupied,
)
from fogline.nlp.extensions import doc_text, doc_value
from fogline.nlp.gazetteer_match import sentence_span, token_table
from fogline.schema import Entity, EntityKind, PlaceLevel, make_id

# The nouns that introduce a settlement's name ("the village of X") and the level of the place they name.
_SETTLEMENT_WORDS: dict[str, PlaceLevel] = {
    **dict.fromkeys(
        ("village", "town", "city", "hamlet", "locality", "commune", "township"), PlaceLevel.CITY
    ),
    **dict.fromkeys(("district", "county", "municipality"), PlaceLevel.ADMIN2),
    **dict.fromkeys(("neighbourhood", "neighborhood", "suburb", "quarter"), PlaceLevel.NEIGHBOURHOOD),
}


def _add_settlement(doc: Doc, span: Span, level: PlaceLevel, add: AddMention, extractor: str) -> None:
    """A settlement no gazetteer knows: a new place, in the country (and region) of the nearest place named
    in the same sentence, else the document's main country."""
    sent = sentence_span(doc, span.start)
    entities = doc_value(doc, "entities") or {}
    nearest: Entity | None = None
    best = 10**9
    text = doc_text(doc)
    for m in doc_value(doc, "mentions") or []:
        entity = entities.get(m.entity_id or "")
        if m.label != "PLACE" or entity is None or not entity.country:
            continue
        if not (sent.start_char <= m.start < sent.end_char):
            continue
        if entity.type == PlaceLevel.COUNTRY and re.match(r"(?:['’]s)?\s+[a-z]", text[m.end : m.end + 6]):
            continue  # "Russia's defence ministry", "US strikes": the country names an actor here
        distance = abs(m.start - span.start_char)
        if distance < best:
            nearest, best = entity, distance
    country = nearest.country if nearest is not None else main_country(doc)
    parent = None
    if nearest is not None and nearest.type in (PlaceLevel.ADMIN1, PlaceLevel.ADMIN2):
        parent = nearest.id
    elif country:
        parent = country_id(country)
    entity = Entity(
        id=make_id("place", "extracted", country or "", name_key(span.text)),
        kind=EntityKind.PLACE,
        name=span.text,
        type=level,
        country=country,
        parent_id=parent,
        origin="extracted",
    )
    add(doc, span, entity, "PLACE", extractor, _MODEL_CONFIDENCE, {"level": str(level), "cue": "settlement"})


def add_settlement_cues(doc: Doc, add: AddMention, extractor: str) -> None:
    """PLACE mentions for "the village of X", "the town of X" (X: up to four capitalised words): a known
    place when the gazetteers have it, else a new one."""
    table = token_table(doc)
    texts, lowers = table.texts, table.lowers
    n = len(texts)
    taken: set[int] | None = None  # computed at the first cue: most documents have none
    countries: Counter[str] = Counter()
    for i in range(n - 2):
        if lowers[i + 1] != "of" or lowers[i] not in _SETTLEMENT_WORDS or not texts[i].islower():
            continue
        j = i + 2
        while j < n and ((texts[j][:1].isupper() and texts[j].isalpha()) or texts[j] in ("-", "–")):
            j += 1
        while j > i + 2 and not texts[j - 1].isalpha():
            j -= 1
        if taken is None:
            taken, countries = occupied(doc), doc_countries(doc)
        if j == i + 2 or j - (i + 2) > 4 or any(k in taken for k in range(i + 2, j)):
            continue
        span = doc[i + 2 : j]
        if table.sentence(i + 2)[1] < j or fold_word(span.text) in _NOT_NAMES:
            continue
        if not _add_place(doc, span, add, extractor, countries):
            _add_settlement(doc, span, _SETTLEMENT_WORDS[lowers[i]], add, extractor)
        taken.update(range(span.start, span.end))
