"""Places and actors: ``fogline.gazetteer.v1``, ``fogline.model_ner.v1`` and ``fogline.actors.v1``.

1. ``fogline.gazetteer.v1`` finds every gazetteer place and actor name in one pass over the tokens.
2. ``fogline.model_ner.v1`` runs the model's statistical NER only on sentences that need it (attribution or
   casualty sentences with capitalised words the gazetteer did not explain), and there only on the words
   around those capitalised words -> ``doc._.model_ents``.
3. ``fogline.actors.v1`` turns model entities, attribution cues and generic patterns ("Nigerian troops") into
   ACTOR/PLACE mentions for what the gazetteer missed, and resolves "the ministry"-style references.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from hashlib import sha256
from json.encoder import encode_basestring as _json_str
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from fogline.gazetteer.actors import actor_entity, actor_gazetteer
from fogline.gazetteer.normalize import fold_word, name_key
from fogline.gazetteer.places import place_gazetteer
from fogline.nlp.actor_context import add_generic_actors
from fogline.nlp.actor_cues import (
    add_cue_actors,
    add_model_entities,
    facility_heads,
    is_bare_head,
    resolve_references,
)
from fogline.nlp.extensions import doc_entities, doc_list, doc_value, register_extensions
from fogline.nlp.fast_ops import one_blas_thread, use_numpy_blas
from fogline.nlp.gazetteer_match import (
    PhraseIndex,
    TokenTable,
    country_context,
    find_matches,
    likely_not_place,
    needs_context,
    phrase_index,
    sentence_span,
    sentence_text,
    token_table,
)
from fogline.nlp.settlements import add_settlement_cues
from fogline.schema import Entity, Mention, PlaceLevel, make_id

GAZETTEER = "fogline.gazetteer.v1"
MODEL_NER = "fogline.model_ner.v1"
ACTORS = "fogline.actors.v1"

_CONFIDENCE = {"gazetteer": 0.95, "pycountry": 0.9, "geonames": 0.8, "generic": 0.85, "extracted": 0.7}


def sentence_of(doc: Doc, start: int, end: int) -> Span:
    """The sentence holding token span [start, end) (the whole doc when no sentences are set)."""
    return sentence_span(doc, start)


_DOCUMENT_KEY = ("._.", "document", None, None)  # where spaCy keeps ``doc._.document`` (see ``doc_value``)
_MENTIONS_KEY = ("._.", "mentions", None, None)
_ENTITIES_KEY = ("._.", "entities", None, None)
_new_entity = object.__new__


def _copy_entity(entity: Entity, **changes: Any) -> Entity:
    """``dataclasses.replace(entity, **changes)`` without its cost (Entity has no ``__post_init__``)."""
    if type(entity) is not Entity:
        return replace(entity, **changes)
    copy: Entity = _new_entity(Entity)
    copy.__dict__.update(entity.__dict__)
    copy.__dict__.update(changes)
    return copy


def _mention_id(doc_id: Any, extractor: Any, start: Any, end: Any, entity_id: Any) -> str:
    """``make_id(doc_id, extractor, start, end, entity_id)``, the JSON written directly for plain values."""
    if (
        type(doc_id) is str
        and type(extractor) is str
        and type(entity_id) is str
        and type(start) is int
        and (type(end) is int)
    ):
        raw = f"[{_json_str(doc_id)}, {_json_str(extractor)}, {start}, {end}, {_json_str(entity_id)}]"
        return sha256(raw.encode("utf-8")).hexdigest()[:16]
    return make_id(doc_id, extractor, start, end, entity_id)


def add_mention(
    doc: Doc,
    span: Span,
    entity: Entity,
    label: str,
    extractor: str,
    confidence: float | None = None,
    attributes: dict[str, Any] | None = None,
) -> Mention:
    """Write one mention (and its entity and the entity's enclosing places) onto the doc."""
    data: dict[Any, Any] = doc.user_data
    meta = data.get(_DOCUMENT_KEY)
    doc_id = meta.id if meta is not None else ""
    start_char, end_char = span.start_char, span.end_char
    table = token_table(doc)
    mention = Mention(
        id=_mention_id(doc_id, extractor, start_char, end_char, entity.id),
        document_id=doc_id,
        start=start_char,
        end=end_char,
        quote=sentence_text(doc, span.start),
        extractor=extractor,
        confidence=confidence if confidence is not None else _CONFIDENCE.get(entity.origin, 0.8),
        label=label,
        text=table.text[start_char:end_char],  # the doc's text (``Span.text`` rebuilds it token by token)
        entity_id=entity.id,
        attributes={"type": str(entity.type) if entity.type else None, "origin": entity.origin}
        | (attributes or {}),
    )
    mentions = data.get(_MENTIONS_KEY)
    if mentions is None:
        mentions = doc_list(doc, "mentions")
    mentions.append(mention)
    entities = data.get(_ENTITIES_KEY)
    if entities is None:
        entities = doc_entities(doc)
    if entity.id not in entities:  # a per-document copy: the gazetteer's entities are shared by all documents
        entities[entity.id] = _copy_entity(
            entity, aliases=list(entity.aliases), attributes=dict(entity.attributes)
        )
    if label == "PLACE":
        parent = entity.parent_id
        if parent and parent not in entities:
            places = place_gazetteer().entities
            while parent and parent not in entities and parent in places:
                entities[parent] = _copy_entity(places[parent], attributes=dict(places[parent].attributes))
                parent = places[parent].parent_id
    elif entity.parent_id and entity.parent_id not in entities:
        parent_entity = actor_gazetteer().entities.get(entity.parent_id)
        if parent_entity is not None:
            entities[parent_entity.id] = _copy_entity(
                parent_entity, attributes=dict(parent_entity.attributes)
            )
    return mention


def guarded(doc: Doc, name: str, fn: Callable[[], None]) -> None:
    """Run a step; a failure becomes a message in ``doc._.errors`` instead of stopping the document."""
    try:
        fn()
    except Exception as exc:  # one bad step must not stop the batch
        doc_list(doc, "errors").append(f"{name}: {type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------------------------------
# fogline.gazetteer.v1


class GazetteerMatcher:
    """Places and actors named in the gazetteers -> ``doc._.mentions`` / ``doc._.entities``."""

    def __init__(self, index: PhraseIndex | None = None) -> None:
        self._index = index

    @property
    def index(self) -> PhraseIndex:
        if self._index is None:
            self._index = phrase_index()
        return self._index

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc_list(doc, "mentions")
        doc_entities(doc)
        guarded(doc, GAZETTEER, lambda: self._annotate(doc))
        return doc

    def _annotate(self, doc: Doc) -> None:
        index = self.index
        matches = find_matches(doc, index)
        countries = country_context(doc, matches, index)
        main_country = countries.most_common(1)[0][0] if countries else None
        for match in matches:
            phrase = match.phrase
            span = doc[match.start : match.end]
            single = len(match.key) == 1
            place_ids = [
                i
                for i in phrase.place_ids
                if not needs_context(index.places, i, single) or index.places.entities[i].country in countries
            ]
            actor = index.actors.entities.get(phrase.actor_id) if phrase.actor_id else None
            if actor is not None and phrase.contextual and actor.country and actor.country != main_country:
                actor = None
            place = index.places.entities[index.places.rank(place_ids, countries)[0]] if place_ids else None
            if place is not None and actor is not None:
                if place.type != PlaceLevel.COUNTRY and place.origin != "gazetteer":
                    place = None
                else:
                    actor = None
            if place is not None:
                if likely_not_place(doc, match, place):
                    continue
                countries_named = {index.places.entities[i].country for i in place_ids}
                confidence = _CONFIDENCE.get(place.origin, 0.8) - (0.15 if len(countries_named) > 1 else 0.0)
                add_mention(
                    doc,
                    span,
                    place,
                    "PLACE",
                    GAZETTEER,
                    confidence,
                    {"level": str(place.type), "country": place.country, "candidates": len(place_ids)},
                )
            elif actor is not None:
                add_mention(doc, span, actor, "ACTOR", GAZETTEER, attributes={"country": actor.country})
        doc._.entities = doc_entities(doc)


@Language.factory(
    GAZETTEER.replace(".", "_"),
    requires=["token.is_sent_start"],
    assigns=["doc._.mentions", "doc._.entities"],
)
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher()


# --------------------------------------------------------------------------------------------------
# fogline.model_ner.v1


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CUE_WORDS = _words(
    "said says told according statement announced reported stated added confirmed claimed accused "
    "condemned urged called spokesman spokeswoman spokesperson tweeted wrote warned denied quoted cited"
)
_CASUALTY_WORDS = _words(
    "killed dead died wounded injured casualties deaths displaced fled missing detained arrested abducted "
    "bodies fatalities victims civilians killing injuring"
)
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
    "thousand thousands scores"
)


# Capitalised words that are not names by themselves: peoples, religions, titles.
_GROUP_WORDS = _words(
    "kurdish kurds kurd arab arabs alawite alawites druze sunni sunnis shia shiite christian christians "
    "muslim muslims islamic jewish yazidi yazidis turkmen assyrian kurdistani western eastern northern "
    "southern president presidents ambassador director minister prime general spokesman spokeswoman "
    "secretary chief commander envoy deputy interim special head"
)
_NOT_NAMES = _words(
    "the a an he she it they we i his her their its this that these those in on at as but and or if "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday"
)


# Capitalised words that never start a name the actors step keeps: spelled numbers ("Eleven children were
# killed"), month abbreviations.
_NOT_NAMES_EITHER = _NUMBER_WORDS | _words(
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety millions jan feb mar apr jun jul aug sep sept oct nov dec"
)


@dataclass
class NerStats:
    """Running totals of what the model NER ran on (for measurement)."""

    sentences: int = 0
    selected: int = 0
    seconds: float = 0.0
    docs: int = 0

    @property
    def fraction(self) -> float:
        return self.selected / self.sentences if self.sentences else 0.0


_CUE_WINDOW = 6  # an attribution names its source within a few words of the cue


def needs_model(texts: list[str], lowers: list[str], start: int, end: int, covered: set[int]) -> bool:
    """A sentence (tokens [start, end)) with an unexplained capitalised word (not a gazetteer mention, an
    adjective of nationality or a title) within a few words of an attribution cue, or anywhere in a sentence
    with a number and a casualty word."""
    return bool(model_focus(texts, lowers, start, end, covered))


def model_focus(texts: list[str], lowers: list[str], start: int, end: int, covered: set[int]) -> list[int]:
    """The capitalised words of a sentence (tokens [start, end)) whose names the model must read.

    In a sentence with a number and a casualty word: every unexplained one (a perpetrator, a place, a source).
    Elsewhere: those within a few words of an attribution cue, the subject before an appositive ("X, the
    ambassador, said"), and acronyms and names of several words anywhere (organisations, people; a lone
    capitalised word far from the cue is mostly a place the gazetteer does not know, or noise).
    Empty: the sentence needs no model."""
    words = lowers[start:end]
    cues = [start + k for k, w in enumerate(words) if w in _CUE_WORDS]
    casualty = any(w in _CASUALTY_WORDS for w in words) and any(
        w[:1].isdigit() or w in _NUMBER_WORDS for w in words
    )
    if not cues and not casualty:
        return []
    alpha = [t for t in texts[start:end] if t.isalpha()]
    if alpha and sum(t[:1].isupper() for t in alpha) > 0.6 * len(alpha):
        return []  # a title-case headline: capitals carry no signal
    countries = actor_gazetteer().countries
    focus: list[int] = []
    for i in range(start + 1, end):
        text = texts[i]
        if i in covered or not text[:1].isupper() or not text.isalpha():
            continue
        if lowers[i] in _NOT_NAMES or lowers[i] in _GROUP_WORDS or lowers[i] in _NOT_NAMES_EITHER:
            continue
        if (fold_word(text),) in countries:
            continue
        if _explained(texts, lowers, start, end, i):
            continue
        if casualty or any(abs(i - c) <= _CUE_WINDOW for c in cues):
            focus.append(i)
        elif cues and i - start < 4 and "," in words[i - start :]:
            focus.append(i)  # the subject of an attribution with an appositive ("X, the ambassador, said")
        elif cues and ((text.isupper() and len(text) > 1) or _name_length(texts, lowers, start, end, i) >= 2):
            focus.append(i)  # an acronym or a name of several words: an organisation or a person, anywhere
    return focus


def _name_length(texts: list[str], lowers: list[str], start: int, end: int, i: int) -> int:
    """How many capitalised words run together around token ``i``."""
    a, b = i, i + 1
    while a > start and _name_word(texts[a - 1], lowers[a - 1]):
        a -= 1
    while b < end and _name_word(texts[b], lowers[b]):
        b += 1
    return b - a


def _explained(texts: list[str], lowers: list[str], start: int, end: int, i: int) -> bool:
    """A capitalised word whose model entity the actors step would drop anyway: a function word opening the
    sentence after punctuation ("“With ..."), a word of a facility name ("Al-Amal Hospital", "Epicentr
    store": the facilities component reads those) or a lone reference head ("the Council said")."""
    if lowers[i] in STOP_WORDS and all(not texts[k].isalnum() for k in range(start, i)):
        return True
    a, b = i, i + 1
    while a > start and (
        _name_word(texts[a - 1], lowers[a - 1])
        or (a - 2 >= start and texts[a - 1] in _HYPHENS and _name_word(texts[a - 2], lowers[a - 2]))
    ):
        a -= 1
    while b < end and (
        _name_word(texts[b], lowers[b])
        or (b + 1 < end and texts[b] in _HYPHENS and _name_word(texts[b + 1], lowers[b + 1]))
    ):
        b += 1
    heads = facility_heads()
    if lowers[b - 1] in heads or (b < end and lowers[b] in heads and texts[b].islower()):
        return True
    return b - a == 1 and a > start and lowers[a - 1] == "the" and is_bare_head(name_key(texts[i]))


_HYPHENS = frozenset({"-", "‑", "‐"})  # "Al-Noor Hospital": one name across the hyphen tokens


def _name_word(text: str, lower: str) -> bool:
    return text[:1].isupper() and text.isalpha() and lower not in _NOT_NAMES


@dataclass
class ModelNer:
    """The model's statistical NER, run on selected sentences only -> ``doc._.model_ents``.

    ``pipe`` takes a batch of documents: one forward pass for all of them (the model's cost per call is
    about that of 25 words, so a batch of 16 documents saves most of it); each document is still read on its
    own (the model's convolutions are padded between documents)."""

    nlp: Language
    stats: NerStats = field(default_factory=NerStats)
    batched: bool = True  # ``fogline.nlp.pipeline`` hands this component whole batches (``pipe``)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        ents = doc_list(doc, "model_ents")
        guarded(doc, MODEL_NER, lambda: ents.extend(self._run([doc])[0]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        register_extensions()
        for batch in minibatch(docs, size=batch_size):
            try:
                results = self._run(batch)
            except Exception:  # a failing batch: one document at a time, each failure on its own document
                yield from (self(doc) for doc in batch)
                continue
            for doc, found in zip(batch, results, strict=True):
                doc_list(doc, "model_ents").extend(found)
                yield doc

    def _run(self, docs: list[Doc]) -> list[list[Span]]:
        started = time.perf_counter()
        joined: list[tuple[int, Doc, list[int], list[int]]] = []
        for k, doc in enumerate(docs):
            pieces = self._pieces(doc)
            if pieces:
                joined.append((k, *_joined(doc, token_table(doc), pieces)))
        found: list[list[Span]] = [[] for _ in docs]
        if joined:
            ner: Any = self.nlp.get_pipe("ner")
            with one_blas_thread():
                predicted = list(ner.pipe([item[1] for item in joined], batch_size=len(joined)))
            for (k, _doc, origin, piece_of), parsed in zip(joined, predicted, strict=True):
                found[k] = _spans(docs[k], parsed, origin, piece_of)
        self.stats.docs += len(docs)
        self.stats.seconds += time.perf_counter() - started
        return found

    def _pieces(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """The token ranges of ``doc`` the model reads, and whether each is cut before its sentence's end."""
        table = token_table(doc)
        covered = {
            i
            for m in (doc_value(doc, "mentions") or [])
            if m.label in ("PLACE", "ACTOR")
            for i in table.token_range(m.start, m.end)
        }
        sents = table.sentences()
        pieces: list[tuple[int, int, bool]] = []
        selected = 0
        for a, b in sents:
            focus = model_focus(table.texts, table.lowers, a, b, covered)
            if focus:
                selected += 1
                pieces += [(start, stop, stop < b) for start, stop in model_windows(focus, a, b)]
        self.stats.sentences += len(sents)
        self.stats.selected += selected
        return pieces


def _spans(doc: Doc, parsed: Doc, origin: list[int], piece_of: list[int]) -> list[Span]:
    """The model's entities on a joined doc, as spans of ``doc``."""
    found: list[Span] = []
    for ent in parsed.ents:
        if piece_of[ent.start] != piece_of[ent.end - 1] or piece_of[ent.start] < 0:
            continue  # an entity across two of the joined pieces is an artefact of joining
        found.append(Span(doc, origin[ent.start], origin[ent.end - 1] + 1, label=ent.label_))
    return found


# Words of context the model reads on each side of a word it must explain: its convolutions see four words
# either side, and a name rarely runs more than a few lowercase words ("Office for the Coordination").
# Six rather than eight reads 15% fewer words and changed 17 of ~14,000 records on our snapshot corpus (as
# many for the better as for the worse).
MODEL_MARGIN = 6


def model_windows(
    focus: list[int], start: int, end: int, margin: int = MODEL_MARGIN
) -> list[tuple[int, int]]:
    """The parts of a selected sentence (tokens [start, end)) the model reads: ``margin`` words either side of
    each focus word (see ``model_focus``), overlapping parts merged. The actors step drops model entities that
    hold no such word, so the rest of the sentence need not be read."""
    pieces: list[tuple[int, int]] = []
    for i in focus:
        a, b = max(start, i - margin), min(end, i + margin + 1)
        if pieces and a <= pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    return pieces


def _joined(
    doc: Doc, table: TokenTable, pieces: list[tuple[int, int, bool]]
) -> tuple[Doc, list[int], list[int]]:
    """One doc made of the chosen pieces (one forward pass instead of one per piece), and for each of its
    tokens the index of the same token in ``doc`` and the piece it comes from. A piece cut before the end of
    its sentence is closed with a full stop (piece -1), so that the next piece does not read as its
    continuation."""
    words: list[str] = []
    spaces: list[bool] = []
    origin: list[int] = []
    piece_of: list[int] = []
    texts, follows = table.texts, table.spaces
    for k, (a, b, cut) in enumerate(pieces):
        for i in range(a, b):
            if texts[i].isspace():
                continue
            words.append(texts[i])
            spaces.append(follows[i])
            origin.append(i)
            piece_of.append(k)
        if cut:
            words.append(".")
            spaces.append(True)
            origin.append(-1)
            piece_of.append(-1)
        if spaces:
            spaces[-1] = True
    return Doc(doc.vocab, words=words, spaces=spaces), origin, piece_of


@Language.factory(MODEL_NER.replace(".", "_"), requires=["doc._.mentions"], assigns=["doc._.model_ents"])
def make_model_ner(nlp: Language, name: str) -> ModelNer:
    if "ner" not in nlp.component_names:
        raise ValueError("fogline.model_ner.v1 needs the model's 'ner' component in the pipeline")
    ner: Any = nlp.get_pipe("ner")
    use_numpy_blas(ner.model)  # same entities, ~3x faster token vectors (``fast_ops``)
    return ModelNer(nlp)


# --------------------------------------------------------------------------------------------------
# fogline.actors.v1


class ActorFinder:
    """Actors (and places) the gazetteer missed: model entities, attribution cues, generic state actors,
    and "the ministry"-style references to an actor named earlier."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        doc_list(doc, "mentions")
        doc_entities(doc)
        for step_name, step in (
            ("generic", add_generic_actors),
            ("settlements", add_settlement_cues),
            ("model", add_model_entities),
            ("cues", add_cue_actors),
            ("references", resolve_references),
        ):
            guarded(doc, f"{ACTORS} {step_name}", lambda step=step: step(doc, add_mention, ACTORS))  # type: ignore[misc]
        doc_value(doc, "mentions").sort(key=lambda m: (m.start, m.end))
        return doc


@Language.factory(
    ACTORS.replace(".", "_"),
    requires=["doc._.mentions", "doc._.model_ents"],
    assigns=["doc._.mentions", "doc._.entities"],
)
def make_actors(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder()


__all__ = ["ActorFinder", "GazetteerMatcher", "ModelNer", "NerStats", "actor_entity", "add_mention"]
