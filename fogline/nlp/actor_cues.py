"""The steps of ``fogline.actors.v1``: actors the gazetteer missed.

- generic state actors: "Nigerian troops", "Sudan's Ministry of Health", "Kharkiv authorities";
- the model's ORG/PERSON/GPE entities (``doc._.model_ents``) that no gazetteer mention covers;
- capitalised phrases around attribution cues ("X said", "according to X", "a statement from X");
- references to an actor named earlier ("the ministry", "the Observatory").

Each step takes ``(doc, add_mention, extractor)``; ``add_mention`` is ``fogline.nlp.entities.add_mention``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from fogline.gazetteer.actors import (
    actor_entity,
    contextual_actor,
    gazetteer_actor,
)
from fogline.gazetteer.normalize import fold_word, light_key, name_key, name_words
from fogline.gazetteer.places import place_gazetteer
from fogline.nlp.actor_acronyms import link_defined_acronyms
from fogline.nlp.extensions import doc_value
from fogline.nlp.gazetteer_match import needs_context, sentence_span, token_table
from fogline.schema import ActorType, Entity, Mention

AddMention = Callable[..., Mention]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for s in text.split() for w in name_words(s))


def plain_words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head words -> actor type (checked right to left: the last head word in a name decides).
TYPE_HEADS: dict[str, ActorType] = {
    **dict.fromkeys(_words("army military police gendarmerie navy troops soldiers"), ActorType.STATE_FORCES),
    **dict.fromkeys(
        _words(
            "militia militias brigade brigades battalion battalions front movement liberation rebels "
            "fighters insurgents jihadists"
        ),
        ActorType.REBEL_GROUP,
    ),
    **dict.fromkeys(
        _words(
            "council ministry government authority authorities administration municipality parliament "
            "assembly presidency department governorate cabinet"
        ),
        ActorType.GOVERNMENT,
    ),
    **dict.fromkeys(
        _words(
            "organisation organization foundation network observatory watch institute centre center society "
            "association federation confederation committee initiative trust fund relief rights doctors "
            "crescent cross ngo charity syndicate"
        ),
        ActorType.NGO,
    ),
    **dict.fromkeys(
        _words("agency news times post tv television radio press media channel newspaper daily"),
        ActorType.MEDIA,
    ),
    # Arabic words for armed formations: "Jaish al-Islam", "Liwa al-Quds", "Harakat Nour al-Din"
    **dict.fromkeys(
        _words("jaish jaysh faylaq liwa ansar harakat jabhat kataib saraya ahrar jund katiba firqa alwiya"),
        ActorType.REBEL_GROUP,
    ),
    **dict.fromkeys(_words("councils ministries authorities municipalities"), ActorType.GOVERNMENT),
    **dict.fromkeys(
        _words("committees organisations organizations foundations networks societies associations unions"),
        ActorType.NGO,
    ),
}
_INTERNATIONAL = _words("un united nations")
_ROLE_NOUNS = plain_words(
    "president minister spokesman spokeswoman spokesperson ambassador envoy director head chief commander "
    "general secretary leader coordinator representative official governor mayor chairman chair founder "
    "adviser advisor researcher doctor physician journalist correspondent analyst emir deputy rapporteur "
    "commissioner officer activist member"
)
_TITLE_WORDS = plain_words("mr mrs ms dr prof gen general col colonel maj major capt captain lt sheikh imam")
_CONNECTORS = frozenset({"of", "for", "the", "and", "al", "el", "-", "'s", "&", "de", "du", "bin", "ibn"})
_NOT_NAMES = _words(
    "the a an he she it they we i his her their its this that these those there here but and or if in on at "
    "as by for from with after before when while during since also however meanwhile earlier later "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday today yesterday residents sources officials witnesses people "
    "local medical security military activists reports report statement "
    "telegram facebook twitter whatsapp youtube instagram tiktok"
)
_SPEECH_AFTER = plain_words(
    "said says told stated announced confirmed reported added warned claimed noted wrote tweeted"
)
_ACCORDING = ("according", "to")
_FROM_CUES = plain_words("statement spokesman spokeswoman spokesperson spokespeople")
_REFERENCE_HEADS = _words(
    "council ministry observatory organisation organization agency confederation network committee "
    "commission "
    "coalition federation office administration movement group authority union crescent centre center"
)
_REFERENCE_LOWER = plain_words(
    "council ministry observatory organisation organization agency confederation network committee "
    "commission coalition federation office administration movement group authority union crescent centre "
    "center"
)
_TYPE_REFERENCES = {
    "organisation": {ActorType.NGO, ActorType.INTERNATIONAL},
    "organization": {ActorType.NGO, ActorType.INTERNATIONAL},
    "group": {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA, ActorType.NGO},
    "agency": {ActorType.INTERNATIONAL, ActorType.MEDIA, ActorType.GOVERNMENT},
}
_MAX_NAME_TOKENS = 10
_MODEL_CONFIDENCE = 0.7


def guess_type(words: tuple[str, ...]) -> ActorType | None:
    """An actor type from the head words of a name, or None."""
    if words[:1] and words[0] in _INTERNATIONAL and len(words) > 1:
        return ActorType.INTERNATIONAL
    for word in reversed(words):
        if word in TYPE_HEADS:
            return TYPE_HEADS[word]
    return None


_OCCUPIED_KEY = "fogline_occupied"


def occupied(doc: Doc) -> set[int]:
    """Token indices already inside a PLACE/ACTOR/FACILITY mention (a fresh set the caller may change).

    The answer is kept in ``doc.user_data`` with the mentions it was computed from; a later call adds only
    the mentions appended since, and starts over when any earlier mention was replaced or removed."""
    mentions: list[Mention] = doc_value(doc, "mentions") or []
    table = token_table(doc)
    cached = doc.user_data.get(_OCCUPIED_KEY)
    done: tuple[Mention, ...] = ()
    taken: set[int] = set()
    if cached is not None:
        seen, cached_table, cached_taken = cached
        n = len(seen)
        if (
            cached_table is table
            and len(mentions) >= n
            and all(a is b for a, b in zip(seen, mentions, strict=False))
        ):
            done, taken = seen, set(cached_taken)
    for m in mentions[len(done) :]:
        if m.label in ("PLACE", "ACTOR", "FACILITY"):
            taken.update(table.token_range(m.start, m.end))
    doc.user_data[_OCCUPIED_KEY] = (tuple(mentions), table, frozenset(taken))
    return taken


def main_country(doc: Doc) -> str | None:
    counts = doc_countries(doc)
    return counts.most_common(1)[0][0] if counts else None


def in_context(doc: Doc, name: str) -> Entity | None:
    """A countryless state actor ("the Ministry of Defense") read as the document's main country's."""
    country = main_country(doc)
    return contextual_actor(name, country) if country else None


def doc_countries(doc: Doc) -> Counter[str]:
    counts: Counter[str] = Counter()
    entities = doc_value(doc, "entities") or {}
    for m in doc_value(doc, "mentions") or []:
        entity = entities.get(m.entity_id)
        if entity is not None and entity.country:
            counts[entity.country] += 1
    return counts


# --------------------------------------------------------------------------------------------------
# generic state actors


_FACILITY_EXTRA = ("store", "shop", "supermarket", "mall", "port", "airport", "station", "hotel", "factory")


@lru_cache(maxsize=1)
def facility_heads() -> frozenset[str]:
    """Last words of the facility nouns (fogline/nlp/data/facilities.json): a name ending in one of them, or
    followed by one ("Epicentr store"), names a building, not an actor."""
    path = Path(__file__).parent / "data" / "facilities.json"
    types: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))["types"]
    heads = {phrase.split()[-1].lower() for phrases in types.values() for phrase in phrases}
    heads.update(_FACILITY_EXTRA)
    heads.update(w + "s" for w in _FACILITY_EXTRA)
    return frozenset(heads)


def _names_facility(doc: Doc, span: Span) -> bool:
    heads = facility_heads()
    if span[-1].lower_ in heads:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_lower and after.lower_ in heads


def _adjective_opening(doc: Doc, span: Span) -> bool:
    """A lone capitalised word opening a sentence, followed by a lowercase word that is no verb form."""
    if len(span) != 1 or span.end >= len(doc):
        return False
    sent = sentence_span(doc, span.start)
    if any(not (t.is_punct or t.is_space) for t in doc[sent.start : span.start]):
        return False  # not the sentence's first word ("# Joint statement": markup may come first)
    if same_person(doc, name_key(span.text)) is not None:
        return False
    after = doc[span.end]
    word = after.text
    return (
        after.is_alpha
        and after.is_lower
        and word not in _SPEECH_AFTER
        and not word.endswith(("ed", "s"))
        and word not in _VERB_FORMS
    )


_VERB_FORMS = plain_words("met told spoke wrote said gave took made held sent led won lost fled left urged")


def add_model_entities(doc: Doc, add: AddMention, extractor: str) -> None:
    """ORG/PERSON/GPE/LOC entities of the model that no gazetteer mention explains."""
    taken = occupied(doc)
    countries = doc_countries(doc)
    for ent in doc_value(doc, "model_ents") or []:
        span = _trim(ent)
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        label = ent.label_
        if label == "PERSON" and _adjective_opening(doc, span):
            continue  # "Joint statement on ...": a capitalised word opening a heading, not a name
        if label in ("ORG", "PERSON") and _names_facility(doc, span):
            continue  # "Saudi Hospital", "Epicentr store": the facilities component reads those
        if label == "ORG" and span[-1].lower_ in _ROLE_NOUNS:
            continue  # "Humanitarian Coordinator": a title, not an organisation
        if (
            label == "ORG"
            and guess_type(name_key(span.text)) is None
            and 2 <= len(span) <= 3
            and _person_like(span)
            and person_role(doc, span)
        ):
            label = "PERSON"  # "Oleh Kiper, the governor of ..., said"
        if label in ("GPE", "LOC"):
            if not _add_place(doc, span, add, extractor, countries):
                continue
        elif label in ("ORG", "PERSON"):
            words = name_key(span.text)
            if not words or _bare_head(words) or _possessive_of_known(span):
                continue
            if label == "PERSON" and guess_type(words) not in (None, ActorType.PERSON):
                label = "ORG"  # "Jaish al-Islam", "Al-Nasr Army": organisations the model took for persons
            if label == "PERSON" and _add_place(doc, span, add, extractor, countries):
                taken.update(range(span.start, span.end))
                continue
            actor_type = ActorType.PERSON if label == "PERSON" else guess_type(words) or ActorType.OTHER
            if label == "PERSON" and not _person_like(span):
                continue
            entity = same_person(doc, words) if label == "PERSON" else in_context(doc, span.text)
            entity = entity or actor_entity(span.text, actor_type)
            attrs: dict[str, Any] = {"model_label": label}
            if entity.type == ActorType.PERSON:
                role = person_role(doc, span)
                if role:
                    attrs["role"] = role
            add(doc, span, entity, "ACTOR", extractor, _MODEL_CONFIDENCE, attrs)
            if attrs.get("role"):
                doc_value(doc, "entities")[entity.id].attributes.setdefault("role", attrs["role"])
        else:
            continue
        taken.update(range(span.start, span.end))


def _add_place(doc: Doc, span: Span, add: AddMention, extractor: str, countries: Counter[str]) -> bool:
    """Write a PLACE for a model entity that names a known place (our gazetteer, or a world-list place of a
    country the document is about)."""
    index = place_gazetteer()
    single = len(name_key(span.text)) == 1
    ids = [
        i
        for i in index.lookup(span.text)
        if not needs_context(index, i, single) or index.entities[i].country in countries
    ]
    if not ids or light_key(span.text) in index.stop:
        return False
    place = index.entities[index.rank(ids, countries)[0]]
    add(doc, span, place, "PLACE", extractor, 0.75, {"model_label": span.label_, "level": str(place.type)})
    return True


_PUNCT: dict[str, bool] = {}  # token text -> spaCy's ``is_punct`` (a property of the word's lexeme)


def _is_punct(doc: Doc, i: int) -> bool:
    """``doc[i].is_punct`` without making a ``Token`` for words seen before."""
    text = token_table(doc).texts[i]
    value = _PUNCT.get(text)
    if value is None:
        value = doc[i].is_punct
        if len(_PUNCT) < 100_000:
            _PUNCT[text] = value
    return value


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and trailing possessive/punctuation; None for spans that cannot be names."""
    start, end = span.start, span.end
    doc = span.doc
    lowers = token_table(doc).lowers
    while start < end and (lowers[start] == "the" or _is_punct(doc, start)):
        start += 1
    while end > start and (_is_punct(doc, end - 1) or lowers[end - 1] in ("'s", "’s")):
        end -= 1
    if end <= start or end - start > _MAX_NAME_TOKENS:
        return None
    trimmed = doc[start:end]
    if not any(t.is_alpha and t.text[:1].isupper() for t in trimmed) or any(t.like_num for t in trimmed):
        return None
    if end - start == 1 and fold_word(trimmed.text) in _NOT_NAMES:
        return None
    return trimmed


def _person_like(span: Span) -> bool:
    return 1 <= len(span) <= 5 and all(
        t.is_alpha or t.text in ("-", "'", ".") or t.text.endswith(".") for t in span
    )


def person_role(doc: Doc, span: Span) -> str | None:
    """A role from an appositive (", the French ambassador,") or a preceding title ("Director of X Y")."""
    sent = sentence_span(doc, span.start)
    end = span.end
    if end + 2 < sent.end and doc[end].text == ",":
        j = end + 1
        while j < min(sent.end, end + 12) and doc[j].text not in (",", ".", ";", "(", ")"):
            j += 1
        words = [t.lower_ for t in doc[end + 1 : j]]
        if j < sent.end and doc[j].text in (",", ".") and any(w in _ROLE_NOUNS for w in words):
            return doc[end + 1 : j].text.removeprefix("the ").removeprefix("a ").removeprefix("an ")
    start = span.start
    i = start - 1
    while i >= sent.start and start - i <= 8 and (doc[i].text[:1].isupper() or doc[i].lower_ in _CONNECTORS):
        i -= 1
    before = doc[i + 1 : start]
    while len(before) and before[0].lower_ in _CONNECTORS:
        before = before[1:]
    if len(before) and any(t.lower_ in _ROLE_NOUNS for t in before):
        return before.text
    return None


# --------------------------------------------------------------------------------------------------
# attribution cues


def _name_phrase(doc: Doc, start: int, forward: bool, limit: Span) -> Span | None:
    """The longest capitalised name phrase starting (forward) or ending (backward) at token ``start``."""
    step = 1 if forward else -1
    i, last = start, None
    while limit.start <= i < limit.end and abs(i - start) < _MAX_NAME_TOKENS:
        token = doc[i]
        if token.is_alpha and token.text[:1].isupper():
            last = i
        elif token.lower_ not in _CONNECTORS:
            break
        elif token.lower_ == "the" and not (i > limit.start and doc[i - 1].lower_ in ("of", "for")):
            break  # "the" only inside a name ("Council of the Wise"), never before one
        i += step
    if last is None:
        return None
    lo, hi = (start, last + 1) if forward else (last, start + 1)
    return doc[lo:hi] if lo < hi else None


def add_cue_actors(doc: Doc, add: AddMention, extractor: str) -> None:
    """Capitalised names next to "said", after "according to", "a statement from", "spokesman for"."""
    taken = occupied(doc)
    table = token_table(doc)
    cues = _SPEECH_AFTER | _FROM_CUES | {_ACCORDING[0]}
    for t, word in enumerate(table.lowers):
        if word in cues:
            token = doc[t]
            a, b = table.sentence(t)
            sent = doc[a:b]
            candidates: list[Span | None] = []
            if word in _SPEECH_AFTER:
                if token.i - 1 >= sent.start:
                    candidates.append(_name_phrase(doc, token.i - 1, False, sent))
                if token.i + 1 < sent.end and doc[token.i + 1].text[:1].isupper():
                    candidates.append(_name_phrase(doc, token.i + 1, True, sent))
            elif (word == _ACCORDING[0] and token.i + 1 < sent.end and doc[token.i + 1].lower_ == "to") or (
                word in _FROM_CUES
                and token.i + 1 < sent.end
                and doc[token.i + 1].lower_ in ("from", "by", "for", "of")
            ):
                nxt = token.i + 2 + (1 if token.i + 2 < sent.end and doc[token.i + 2].lower_ == "the" else 0)
                candidates.append(_name_phrase(doc, nxt, True, sent) if nxt < sent.end else None)
            for span in candidates:
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                entity = _cue_entity(span)
                if entity is None:
                    continue
                attrs: dict[str, Any] = {"pattern": "attribution cue"}
                if entity.type == ActorType.PERSON:
                    role = person_role(doc, span)
                    if role:
                        attrs["role"] = role
                add(doc, span, entity, "ACTOR", extractor, 0.65, attrs)
                if attrs.get("role"):
                    doc_value(doc, "entities")[entity.id].attributes.setdefault("role", attrs["role"])
                taken.update(range(span.start, span.end))


def _cue_entity(span: Span) -> Entity | None:
    words = name_key(span.text)
    if not words or (len(words) == 1 and (words[0] in _NOT_NAMES or _bare_head(words) or len(span.text) < 3)):
        return None
    if span.start == sentence_span(span.doc, span.start).start and span[0].is_stop:
        return None
    if _possessive_of_known(span):
        return None
    actor_type = guess_type(words)
    if actor_type is None:
        titled = [t for t in span if t.is_alpha]
        before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
        if (
            2 <= len(titled) <= 4
            and before in _TITLE_WORDS | _ROLE_NOUNS
            and not any(t.is_upper for t in titled)
        ):
            actor_type = ActorType.PERSON
        else:
            return None
    if actor_type == ActorType.PERSON:
        return same_person(span.doc, words) or actor_entity(span.text, actor_type)
    return in_context(span.doc, span.text) or actor_entity(span.text, actor_type)


def _bare_head(words: tuple[str, ...]) -> bool:
    """A lone head noun ("Observatory", "Council"): a reference to an actor, not its name."""
    return len(words) == 1 and (words[0] in _REFERENCE_HEADS or words[0] in TYPE_HEADS)


is_bare_head = _bare_head  # public name, for the model NER's sentence selection


def _possessive_of_known(span: Span) -> bool:
    """ "Syrias", "Observatorys": a possessive that lost its apostrophe, of a name the gazetteers know."""
    for token in span:
        text = token.text
        if not text.endswith("s") or len(text) < 5 or not text[:1].isupper():
            continue
        base = text[:-1]
        if gazetteer_actor(base) or place_gazetteer().lookup(base) or _bare_head(name_key(base)):
            return True
    return False


def same_person(doc: Doc, words: tuple[str, ...]) -> Entity | None:
    """A person named earlier in the document whose full name ends with these words ("Barzani")."""
    entities = doc_value(doc, "entities") or {}
    for m in reversed(doc_value(doc, "mentions") or []):
        entity = entities.get(m.entity_id or "")
        if entity is None or entity.type != ActorType.PERSON:
            continue
        full = name_key(entity.name)
        if len(full) > len(words) and full[-len(words) :] == words:
            return entity
    return None


# --------------------------------------------------------------------------------------------------
# references


def resolve_references(doc: Doc, add: AddMention, extractor: str) -> None:
    """ "the ministry", "the Observatory", "the organisation" -> the most recent actor with that head noun."""
    taken = occupied(doc)
    entities = doc_value(doc, "entities") or {}
    actors = sorted(
        (m for m in doc_value(doc, "mentions") or [] if m.label == "ACTOR"), key=lambda m: m.start
    )
    lowers = token_table(doc).lowers
    for t in range(len(lowers) - 1):
        if lowers[t] != "the" or lowers[t + 1] not in _REFERENCE_LOWER:
            continue
        token, head = doc[t], doc[t + 1]
        word = fold_word(head.text)
        if word not in _REFERENCE_HEADS or head.i in taken:
            continue
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in ("of", "for") or (nxt.is_alpha and nxt.text[:1].isupper())):
            continue  # "the Council of Europe": a name, not a reference
        antecedent = _antecedent(actors, entities, token.idx, word, head.lower_)
        if antecedent is None:
            continue
        entity = entities[antecedent.entity_id]
        add(
            doc,
            doc[token.i : head.i + 1],
            entity,
            "ACTOR",
            extractor,
            0.6,
            {"reference": True, "antecedent": antecedent.id},
        )
    link_defined_acronyms(doc, add, extractor)


def _antecedent(
    actors: list[Mention], entities: dict[str, Entity], before: int, word: str, lower: str
) -> Mention | None:
    """The most recent earlier actor whose name has the head noun; for "the organisation"-style words, the
    most mentioned earlier actor of a fitting type (ties: the most recent)."""
    earlier = [m for m in actors if m.start < before and not m.attributes.get("reference")]
    for m in reversed(earlier):
        entity = entities.get(m.entity_id or "")
        if entity is None or entity.type == ActorType.PERSON:
            continue
        if any(word in name_key(n) for n in (entity.name, m.text, *entity.aliases)):
            return m
    types = _TYPE_REFERENCES.get(lower)
    if not types:
        return None
    fitting = [m for m in earlier if (e := entities.get(m.entity_id or "")) is not None and e.type in types]
    if not fitting:
        return None
    counts = Counter(m.entity_id for m in fitting)
    best = max(counts.values())
    return next(m for m in reversed(fitting) if counts[m.entity_id] == best)
