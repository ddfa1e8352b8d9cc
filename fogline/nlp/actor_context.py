"""Actors read from the document's context: "the army", "police", "protesters" or "the interior ministry"
written without a country (the document's main country's), "<place> authorities" and "the local council of
<place>". A step of ``fogline.actors.v1`` (see ``fogline.nlp.actor_cues``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from fogline.gazetteer.actors import (
    actor_entity,
    contextual_actor,
    country_name,
    generic_actor,
    place_authority,
)
from fogline.gazetteer.places import place_gazetteer
from fogline.nlp.actor_cues import AddMention, doc_countries, occupied, plain_words
from fogline.nlp.extensions import doc_value
from fogline.nlp.gazetteer_match import token_table
from fogline.schema import ActorType, Entity, PlaceLevel

_PLACE_AUTHORITY_AFTER = [
    tuple(p.split()) for p in ("authorities", "local council", "municipality", "city council")
]
_PLACE_AUTHORITY_BEFORE = [tuple(p.split()) for p in ("municipality of", "authorities in", "authorities of")]
_BODY_HEADS = {
    "council": "Council",
    "councils": "Council",
    "committee": "Committee",
    "committees": "Committee",
    "administration": "Administration",
    "municipality": "Municipality",
}
_BODY_MODIFIERS = frozenset(
    [
        "local",
        "civil",
        "general",
        "governing",
        "municipal",
        "people's",
        "popular",
        "city",
        "town",
        "district",
        "neighbourhood",
        "neighborhood",
        "executive",
        "provincial",
        "regional",
        "military",
    ]
)
_AREA_WORDS = frozenset(
    [
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "district",
        "districts",
        "city",
        "town",
        "village",
        "area",
        "areas",
        "quarter",
        "quarters",
    ]
)


def add_generic_actors(doc: Doc, add: AddMention, extractor: str) -> None:
    """ "<country adjective> <head>" actors and "<place> authorities" not already matched."""
    taken = occupied(doc)
    table = token_table(doc)
    positions, keys, texts = table.positions, table.keys, table.texts
    free = 0  # the first position after the last actor found
    for p in [p for p, i in enumerate(positions) if texts[i][:1].isupper()]:
        if p < free or positions[p] in taken:
            continue
        hit = generic_actor(keys, p)
        if hit is None:
            continue
        _, _, _, used = hit
        start, end = positions[p], positions[p + used - 1] + 1
        if any(i in taken for i in range(start, end)):
            continue
        span = doc[start:end]
        add(doc, span, actor_entity(span.text), "ACTOR", extractor, None, {"pattern": "country adjective"})
        taken.update(range(start, end))
        free = p + used
    _add_place_authorities(doc, add, extractor, taken)
    _add_place_bodies(doc, add, extractor, taken)
    _add_countryless_forces(doc, add, extractor, taken)


# Lowercase phrases read as the document's main country's state actor (longest first).
_COUNTRYLESS = sorted(
    (
        tuple(p.split())
        for p in (
            "government forces",
            "government troops",
            "government soldiers",
            "army troops",
            "army",
            "soldiers",
            "troops",
            "security forces",
            "military",
            "gendarmes",
            "gendarmerie",
            "police",
            "policemen",
            "police officers",
            "riot police",
            *(
                form
                for subject in ("interior", "defence", "defense", "foreign", "health", "information")
                for form in (f"{subject} ministry", f"ministry of {subject}")
            ),
            "ministry of foreign affairs",
            "ministry of home affairs",
            "ministry of humanitarian affairs",
        )
    ),
    key=len,
    reverse=True,
)
_COUNTRYLESS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _COUNTRYLESS:
    _COUNTRYLESS_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# A word before "soldiers"/"troops" that makes them someone else's.
_OTHER_SIDE = plain_words(
    "rebel rebels militia opposition enemy foreign peacekeeping insurgent jihadist "
    "tribal allied private kurdish regime"
)
# Unnamed groups read as ACLED-style actors of the document's country: "protesters" -> "Protesters (Chad)".
_ARMED = ("Unidentified Armed Group", ActorType.POLITICAL_MILITIA)
_CROWDS: dict[tuple[str, ...], tuple[str, ActorType]] = {
    ("protesters",): ("Protesters", ActorType.PROTESTERS),
    ("demonstrators",): ("Protesters", ActorType.PROTESTERS),
    ("rioters",): ("Rioters", ActorType.PROTESTERS),
    ("gunmen",): _ARMED,
    ("unidentified", "gunmen"): _ARMED,
    ("unknown", "gunmen"): _ARMED,
    ("armed", "men"): _ARMED,
    ("unidentified", "armed", "men"): _ARMED,
    ("unknown", "assailants"): _ARMED,
    ("unidentified", "assailants"): _ARMED,
}
_CROWD_FIRST = {k[0] for k in _CROWDS}
_ARTICLES = frozenset({"the", "a", "an"})  # "An army spokesman": an article, not a country before the head
_DOMINANT_SHARE = 0.6


def _crowd_at(lowered: list[str], i: int, taken: set[int]) -> int:
    """The end of the longest unnamed-group phrase at token ``i`` (0 when there is none)."""
    for n in (3, 2, 1):
        if tuple(lowered[i : i + n]) in _CROWDS and not any(j in taken for j in range(i, i + n)):
            return i + n
    return 0


def _add_countryless_forces(doc: Doc, add: AddMention, extractor: str, taken: set[int]) -> None:
    """ "the army", "government forces", "police", "protesters" with no country named: the document's main
    country's, when one country clearly dominates the document."""
    counts = doc_countries(doc)
    if not counts:
        return
    country, top = counts.most_common(1)[0]
    if top < _DOMINANT_SHARE * sum(counts.values()):
        return
    table = token_table(doc)
    lowered, texts = table.lowers, table.texts
    for i in range(len(lowered)):
        if lowered[i] not in _COUNTRYLESS_BY_FIRST and lowered[i] not in _CROWD_FIRST:
            continue
        if i in taken or not texts[i][:1].islower():
            continue
        if i > 0 and (
            lowered[i - 1] in _OTHER_SIDE or (texts[i - 1][:1].isupper() and lowered[i - 1] not in _ARTICLES)
        ):
            continue
        crowd_end = _crowd_at(lowered, i, taken)
        if crowd_end:
            name, crowd_type = _CROWDS[tuple(lowered[i:crowd_end])]
            crowd_entity = actor_entity(f"{name} ({country_name(country)})", crowd_type)
            crowd_entity.country = crowd_entity.country or country
            add(doc, doc[i:crowd_end], crowd_entity, "ACTOR", extractor, 0.7, {"pattern": "document country"})
            taken.update(range(i, crowd_end))
            continue
        for phrase in _COUNTRYLESS_BY_FIRST.get(lowered[i], ()):
            end = i + len(phrase)
            if tuple(lowered[i:end]) != phrase or any(j in taken for j in range(i, end)):
                continue
            entity = contextual_actor(doc[i:end].text, country)
            if entity is not None:
                add(doc, doc[i:end], entity, "ACTOR", extractor, 0.7, {"pattern": "document country"})
                taken.update(range(i, end))
            break


def _add_place_authorities(doc: Doc, add: AddMention, extractor: str, taken: set[int]) -> None:
    places = place_gazetteer().entities
    table = token_table(doc)
    lowered = table.lowers
    for m in list(doc_value(doc, "mentions") or []):
        if m.label != "PLACE":
            continue
        place = places.get(m.entity_id or "")
        if place is None or place.type == PlaceLevel.COUNTRY:
            continue
        tokens = table.token_range(m.start, m.end)
        span_start, span_end = tokens.start, tokens.stop
        for phrase in _PLACE_AUTHORITY_AFTER:
            end = span_end + len(phrase)
            if tuple(lowered[span_end:end]) == phrase and not any(i in taken for i in range(span_end, end)):
                _add_authority(doc, add, extractor, doc[span_start:end], place.name, taken)
                break
        for phrase in _PLACE_AUTHORITY_BEFORE:
            start = span_start - len(phrase)
            free = not any(i in taken for i in range(max(start, 0), span_start))
            if start >= 0 and tuple(lowered[start:span_start]) == phrase and free:
                _add_authority(doc, add, extractor, doc[start:span_end], place.name, taken)
                break


def _add_place_bodies(doc: Doc, add: AddMention, extractor: str, taken: set[int]) -> None:
    """ "the local council of the A and B neighbourhoods" -> one government actor "Council of A and B"."""
    places = place_gazetteer().entities
    by_start: dict[int, tuple[int, Entity]] = {}
    table = token_table(doc)
    for m in doc_value(doc, "mentions") or []:
        if m.label == "PLACE" and m.entity_id in places:
            tokens = table.token_range(m.start, m.end)
            if len(tokens):
                by_start[tokens.start] = (tokens.stop, places[m.entity_id or ""])
    lowers = table.lowers
    for t, lower in enumerate(lowers):
        head = _BODY_HEADS.get(lower)
        if head is None or t in taken or t + 1 >= len(doc) or lowers[t + 1] != "of":
            continue
        token = doc[t]
        i = token.i + 2
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        named: list[Entity] = []
        while i in by_start:
            end, place = by_start[i]
            named.append(place)
            i = end
            if i + 1 < len(doc) and doc[i].lower_ in ("and", ",") and i + 1 in by_start:
                i += 1
        if not named:
            continue
        if i < len(doc) and doc[i].lower_ in _AREA_WORDS:
            i += 1
        start = token.i
        while start - 1 >= 0 and doc[start - 1].lower_ in _BODY_MODIFIERS and start - 1 not in taken:
            start -= 1
        names = sorted({p.name for p in named})
        entity = actor_entity(f"{head} of {' and '.join(names)}", ActorType.GOVERNMENT)
        entity.country = entity.country or named[0].country
        entity.attributes.setdefault("place_ids", [p.id for p in named])
        add(doc, doc[start:i], entity, "ACTOR", extractor, 0.8, {"pattern": "body of place"})
        taken.update(range(start, i))


def _add_authority(
    doc: Doc, add: AddMention, extractor: str, span: Span, place: str, taken: set[int]
) -> None:
    entity = place_authority(place)
    if entity is not None:
        add(doc, span, entity, "ACTOR", extractor, None, {"pattern": "place authority"})
        taken.update(range(span.start, span.end))


# --------------------------------------------------------------------------------------------------
# model entities
