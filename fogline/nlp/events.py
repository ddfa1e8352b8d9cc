"""``fogline.events.v1``: one ACLED-typed ``Event`` per sentence that reports something that happened.

Each sentence is typed by ``fogline.nlp.event_classifier`` (weighted cue lexicons). A sentence becomes an
event when its best class is an ACLED sub-event type with enough evidence, its cues are not negated or
hypothetical ("could", "threatened to"), and it is not a reaction ("condemned the shelling", "called for
a truce": statements, handled by ``fogline.statements.v1``). CASE 2021's extra labels (diplomacy,
attribution, crime, disasters) are not ACLED events and are skipped. Displacement is kept as
``Strategic developments / Other`` with ``attributes["displacement"] = True``.

The event takes its date from the sentence's DATE mentions, its place from the most specific PLACE mention
in the sentence; the dateline's place and day ("NIAMEY, March 23 (Wire) –") are where and when the story was
filed and never count, a speech act's day ("officials said on Monday") gives way to the event's, and a place
that locates another ("60 km east of Zemio") gives way to it. What the sentence leaves out comes from the
discourse (``fogline.nlp.event_context``): the next sentence when it elaborates ("The attack took place on
Friday in the village of X"), else the earlier sentences of the same passage; then the publication date (week
precision, lower confidence) and the document's dominant place. A speaker who claims the act ("X says its
fighters fired …") is actor1; one who reports another's act is not. Actor1/actor2 are the ACTOR mentions
before and after the event cue, and the figures of
the same sentence (``fatalities`` is ACLED's conservative count of the killed). ``is_onset`` marks a
sentence that dates the start of a campaign ("launched an offensive on 10 January"). Sentences about the
same event (same type, place and date) are merged: the first is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from fogline.nlp.acled_taxonomy import BY_LABEL, DISPLACEMENT
from fogline.nlp.event_classifier import Classification, EventClassifier, load_classifier
from fogline.nlp.event_context import Passage, is_reference_point, is_speech_date
from fogline.nlp.extensions import (
    doc_list,
    doc_text,
    doc_value,
    document_id,
    mentions_in,
    register_extensions,
)
from fogline.nlp.facilities import demand_list_spans, in_spans
from fogline.schema import ActorType, DatePrecision, Event, Figure, Measure, Mention, VictimGroup, make_id

EXTRACTOR = "fogline.events.v1"
MIN_SCORE = 3.0  # evidence a sentence needs to count as an event
MIN_ACTOR_SCORE = 1.0  # "X attacked Y" with both actors typed: the interaction decides
MIN_DISPLACEMENT_SCORE = 2.0  # displacement cues weigh less: they rarely compete with violent events
MIN_WORDS = 4
_PLACE_RANK = {"site": 6, "neighbourhood": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}
_CIVILIAN_GROUPS = {str(VictimGroup.CIVILIANS), str(VictimGroup.CHILDREN), str(VictimGroup.WOMEN)}
_COMBATANT_GROUPS = {str(VictimGroup.FIGHTERS), str(VictimGroup.SECURITY_FORCES)}
_TALLY_PRECISIONS = {"month", "year"}  # "has killed hundreds since June last year": a tally, not an event
_CONTEXT_PRECISIONS = {"day", "week"}  # a day a later sentence may be dated by

_ONSET_VERB = (
    r"(?:launch(?:ed|es|ing)?|beg[au]n|begins|start(?:ed|s|ing)?|kick(?:ed|s)? off|open(?:ed|s)?|"
    r"initiat(?:ed|es)|commenc(?:ed|es)|mount(?:ed|s)?|unleash(?:ed|es)?|embark(?:ed|s)? on)"
)
_ONSET_NOUN = (
    r"(?:offensive|operation|campaign|assault|attack|incursion|invasion|siege|bombardment|war|fighting|"
    r"hostilities|escalation|push|onslaught|blockade)"
)
ONSET = re.compile(
    rf"\b{_ONSET_VERB}\s+(?:[\w'’-]+\s+){{0,5}}?{_ONSET_NOUN}s?\b"
    rf"|\b{_ONSET_NOUN}s?\b,?\s+(?:[\w'’-]+\s+){{0,4}}?(?:which\s+|that\s+)?(?:had\s+|has\s+)?"
    r"(?:began|begun|started|was launched|were launched|kicked off|commenced)\b"
    rf"|\b(?:start|beginning|outset|onset|first day|launch)\s+of\s+(?:the|its|their|a|an)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_ONSET_NOUN}\b",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?:(?:according to|cited by|reported by|quoted by)[^,;.!?]*"
    r"|(?:said|says|told|cited|quoting|per)\s*(?:the\s+)?)$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^\W*(?:(?:['’]s\s+)?(?:[\w-]+\s+)?(?:secretary-general|spokesperson|spokesman|spokeswoman|chief|envoy|"
    r"representative|office|mission)\s+)?(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:alarmed|concerned|worried)|"
    r"said|says|reported|reports|told|stated|announced|claimed|confirmed|added|condemned|condemns|urged|urges|"
    r"warned|warns|welcomed|called\s+on|calls\s+on|expressed)\b",
    re.IGNORECASE,
)
_PASSIVE_BY = re.compile(r"\bby\b", re.IGNORECASE)
# A signature block ("Signed: NRC, Oxfam ...") lists a statement's authors; it reports no agreement.
_SIGNATURE = re.compile(r"^\s*(?:signed|signatories|signed by)\s*:", re.IGNORECASE)
# A wire dateline: "KHARTOUM, March 3 (Reuters) – ", "GAZA (AP) — ", "Kyiv, 4 May - ". The place there is
# where the story was filed, not where the event happened.
DATELINE = re.compile(
    r"^\s*(?:"
    # "GAZA, May 15", "KHARTOUM, Sudan, March 3, 2025"
    r"[A-Z][A-Z'’.\- ]{2,40}(?:,\s*[\w.]+(?:\s+\d{1,2})?){0,3}(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?"
    # "Kyiv, May 4", "(Nairobi, June 13, 2024)"
    r"|\(?[A-Z][\w'’.\- ]{1,40}?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s*\d{4})?\)?\s*(?:\([^)]{1,40}\))?"
    r"|[A-Z][\w'’.\- ]{1,40}?(?:,\s*[A-Z][\w.\- ]{1,30})?\s*\([A-Z][^)]{1,40}\)"  # "Kyiv, Ukraine (AP)"
    r")\s*[–—-]{1,2}\s"
)
# "SRINAGAR: ", "GAZA CITY: ": a dateline only where the text opens (further down, a live blog's place header
# names where the news happened)
_COLON_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+){0,2}(?:,\s*[A-Z][\w.]+)?:\s")
# "the city", "the town": the place is the last settlement named before the sentence.
_SETTLEMENT_REFERENCE = re.compile(r"\bthe (?:city|town|village|camp)\b", re.IGNORECASE)
_DISPLACEMENT_MEASURES = {str(Measure.DISPLACED), str(Measure.EVACUATED), str(Measure.RETURNED)}


@dataclass
class _Found:
    event: Event
    key: tuple[str, str | None, str | None]


# ACLED's interaction logic on the actors' types: who took territory, and whether the target was armed.
_ARMED = {
    str(t)
    for t in (
        ActorType.STATE_FORCES,
        ActorType.REBEL_GROUP,
        ActorType.POLITICAL_MILITIA,
        ActorType.IDENTITY_MILITIA,
    )
}
_STATE = {str(ActorType.STATE_FORCES)}
_NON_STATE = {
    str(t) for t in (ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA)
}
_UNARMED = {str(t) for t in (ActorType.CIVILIANS, ActorType.PROTESTERS)}
_TERRITORY = {"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"}
_VIOLENCE = {"ATTACK", "ARMED_CLASH"}
_NOT_PARTIES = {str(ActorType.MEDIA), str(ActorType.NGO)}  # monitors and outlets report events


def refine_label(label: str, agent_type: str | None, target_type: str | None) -> str:
    """Correct the lexical label with the actors' types: territory taken by state forces is regained by
    the government, by a non-state group overtaken; violence on unarmed targets is an attack, between armed
    groups a clash."""
    if label in _TERRITORY:
        if agent_type in _STATE:
            return "GOV_REGAINS_TERIT"
        if agent_type in _NON_STATE:
            return "NON_STATE_ACTOR_OVERTAKES_TER"
    if label in _VIOLENCE and agent_type in _ARMED:
        if target_type in _UNARMED:
            return "ATTACK"
        if target_type in _ARMED:
            return "ARMED_CLASH"
    return label


def _actor_type(doc: Doc, mention: Mention | None) -> str | None:
    if mention is None:
        return None
    entity = (doc_value(doc, "entities") or {}).get(mention.entity_id)
    return str(entity.type) if entity is not None and entity.type else None


def is_onset(text: str) -> bool:
    """Whether a sentence says that a campaign started ("the army launched an offensive …")."""
    return ONSET.search(text) is not None


def _first_span(c: Classification) -> tuple[int, int]:
    return c.spans[0] if c.spans else (0, 0)


_QUOTED_SPEECH = re.compile(
    r"^\W*[\"“«].*[\"”»],?\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|told|added|stated)\b", re.DOTALL
)


def is_quoted_speech(text: str) -> bool:
    """A sentence opening with a quotation attributed to a speaker ("“…,” she said, …"): a statement."""
    return _QUOTED_SPEECH.search(text) is not None


REACTION_REACH = 60  # characters after the event cue within which a reaction still makes a statement


def is_reaction(c: Classification) -> bool:
    """A reaction, appeal, norm or forecast before the event cue, or just after it ("the shelling, which
    they condemned"): a statement about an event, not one."""
    at = c.groups_at.get("reaction")
    if at is None:
        return False
    start, end = _first_span(c)
    return at < start or at - end <= REACTION_REACH


def conservative_fatalities(figures: list[Figure]) -> int | None:
    """ACLED's conservative count of the killed in one sentence's figures.

    Competing counts of the same group (and side) give the lowest; civilians, children and women overlap
    (the largest counts); fighters of distinct sides add up; a count of "people" covers the others, so the
    total is the larger of it and civilians + fighters ("20 killed, including 6 children" is 20)."""
    killed = [f for f in figures if f.measure == Measure.KILLED]
    if not killed:
        return None
    lowest: dict[tuple[str, str | None], int] = {}
    for f in killed:
        key = (str(f.group), f.side_id or f.side)
        lowest[key] = min(lowest.get(key, f.low), f.low)
    unknown = civilians = fighters = 0
    for (group, _side), low in lowest.items():
        if group in _COMBATANT_GROUPS:
            fighters += low
        elif group in _CIVILIAN_GROUPS:
            civilians = max(civilians, low)
        else:
            unknown = max(unknown, low)
    return max(unknown, civilians + fighters)


class EventExtractor:
    """The spaCy component: writes ``Event`` records to ``doc._.events``."""

    def __init__(self, classifier: EventClassifier | None = None, min_score: float = MIN_SCORE) -> None:
        self.classifier = classifier or load_classifier()
        self.min_score = min_score

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events = doc_list(doc, "events")
        found: list[_Found] = []
        context = _DocContext(doc)
        demand_lists = demand_list_spans(doc)
        for sent in doc.sents:
            if demand_lists and in_spans(sent.start_char, demand_lists):
                continue  # the items of "they called on all parties to:" are demands, not events
            try:
                item = self.sentence_event(doc, sent, context)
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
                continue
            if item is not None:
                found.append(item)
        events.extend(merge(found))
        return doc

    def classify_sentence(self, text: str) -> Classification | None:
        """The sentence's class when it reports an ACLED event, else None."""
        if len(text.split()) < MIN_WORDS or _SIGNATURE.match(text):
            return None
        c = self.classifier.classify(text)
        if not c.label or c.negated or not BY_LABEL[c.label].acled:
            return None
        if c.label == "OTHER":
            if "displacement" not in c.groups_at or c.score < MIN_DISPLACEMENT_SCORE:
                return None
        elif c.score < (MIN_ACTOR_SCORE if c.label in _VIOLENCE else self.min_score):
            return None  # a weak attack/clash cue may still be confirmed by the actors' types
        if is_reaction(c) or is_quoted_speech(text):
            return None
        return c

    def sentence_event(self, doc: Doc, sent: Span, context: _DocContext) -> _Found | None:
        text = doc_text(doc)[sent.start_char : sent.end_char]
        c = self.classify_sentence(text)
        if c is None:
            return None
        offset = sent.start_char
        anchor = (offset + _first_span(c)[0], offset + _first_span(c)[1])
        onset_match = ONSET.search(text)
        onset = onset_match is not None
        fields: dict[str, Any] = {}
        attributes: dict[str, Any] = {"label": c.label, "cues": c.cues[:6], "score": c.score}
        if c.label == "OTHER":
            attributes[DISPLACEMENT] = True
        confidence = 0.5 + 0.4 * min(1.0, c.score / 8.0) * max(c.confidence, 0.5)

        position = offset + onset_match.start() if onset_match is not None else anchor[0]
        dates = _sentence_dates(doc, sent, position, context.datelines)
        speech = bool(dates.pop("speech", False))
        if dates.pop("sequel", False):
            attributes["sequel"] = True
            confidence *= 0.9  # a follow-up to the report's main event, dated from that event's day
        if onset and not dates:
            onset = False  # the text must date the start
        if (
            not onset
            and dates.get("date_end", "") is None
            and dates.get("date_precision") in _TALLY_PRECISIONS
        ):
            return None  # a running total since a month or year long past, not one event
        place = _sentence_place(doc, sent, anchor[0], context.datelines)
        dates, place = _from_discourse(doc, sent, context, dates, speech, place, attributes)
        if dates:
            fields.update(dates)
            attributes.setdefault("date_from", "text")
            if attributes["date_from"] != "text":
                confidence *= 0.8  # a day read from the sentences around it, as unsure as the publication day
        elif context.pub_date:
            fields.update(
                date_start=context.pub_date, date_end=context.pub_date, date_precision=DatePrecision.WEEK
            )
            attributes["date_from"] = "publication"
            confidence *= 0.8

        if place is None and context.place is not None:
            place = context.place
            attributes["place_from"] = "document"
            confidence *= 0.9
        elif attributes.get("place_from") == "context":
            confidence *= 0.9  # as unsure as the document's place
        if place is not None:
            fields.update(place=place.text, place_id=place.entity_id)

        actor1, actor2 = _actors(doc, sent, [(offset + a, offset + b) for a, b in c.spans] or [anchor])
        if actor1 is not None:
            fields.update(actor1=actor1.text, actor1_id=actor1.entity_id)
        if actor2 is not None:
            fields.update(actor2=actor2.text, actor2_id=actor2.entity_id)

        agent_type, target_type = _actor_type(doc, actor1), _actor_type(doc, actor2)
        if c.label in _VIOLENCE and c.score < self.min_score and not (agent_type in _ARMED and target_type):
            return None
        label = refine_label(c.label, agent_type, target_type)
        if label != c.label:
            attributes["label"] = label
            attributes["refined_from"] = c.label
        figures = [
            f
            for f in doc_value(doc, "figures") or []
            if f.start >= sent.start_char and f.end <= sent.end_char
        ]
        if label == "OTHER" and not any(
            str(f.measure) in _DISPLACEMENT_MEASURES and f.low > 1 for f in figures
        ):
            return None  # displacement without a count, or of one person ("a teacher fled"), is no event
        kind = BY_LABEL[label]
        doc_id = document_id(doc)
        event = Event(
            id=make_id(doc_id, EXTRACTOR, sent.start_char, sent.end_char, kind.sub_event_type),
            document_id=doc_id,
            start=sent.start_char,
            end=sent.end_char,
            quote=text,
            extractor=EXTRACTOR,
            confidence=round(confidence, 2),
            disorder_type=kind.disorder_type,
            event_type=kind.event_type,
            sub_event_type=kind.sub_event_type,
            figure_ids=[f.id for f in figures],
            fatalities=conservative_fatalities(figures),
            is_onset=onset,
            attributes=attributes,
            **fields,
        )
        return _Found(event, (kind.sub_event_type, event.place_id or event.place, event.date_start))


def _from_discourse(
    doc: Doc,
    sent: Span,
    context: _DocContext,
    dates: dict[str, Any],
    speech: bool,
    place: Mention | None,
    attributes: dict[str, Any],
) -> tuple[dict[str, Any], Mention | None]:
    """The day and place the sentence leaves out, from the sentences around it: the next one when it
    elaborates ("The attack took place on Friday in the village of X": its day, and its place when more
    specific), else the earlier ones of the same passage (a day, not a month; the nearest place)."""
    follow = context.passage.following(sent)
    if follow is not None:
        if not dates or speech:
            more = _sentence_dates(doc, follow, follow.start_char, context.datelines)
            more.pop("sequel", None)
            if more and not more.pop("speech", False):
                dates, speech = more, False
                attributes["date_from"] = "next_sentence"
        better = _sentence_place(doc, follow, follow.start_char, context.datelines)
        if better is not None and (place is None or _place_level(doc, better) > _place_level(doc, place)):
            place = better
            attributes["place_from"] = "next_sentence"
    earlier = context.passage.preceding(sent) if not dates or place is None else []
    for prev in earlier if not dates else []:
        got = _sentence_dates(doc, prev, prev.end_char, context.datelines, context=True)
        got.pop("sequel", None)
        if got and not got.pop("speech", False):
            dates = got
            attributes["date_from"] = "context"
            break
    for prev in earlier if place is None else []:
        place = _sentence_place(doc, prev, prev.start_char, context.datelines)
        if place is not None:
            attributes["place_from"] = "context"
            break
    return dates, place


def _place_level(doc: Doc, m: Mention) -> int:
    entity = (doc_value(doc, "entities") or {}).get(m.entity_id or "")
    return _PLACE_RANK.get(str(getattr(entity, "type", "")), 0)


class _DocContext:
    """Document-level fallbacks: publication date and dominant place."""

    def __init__(self, doc: Doc) -> None:
        pub = doc_value(doc, "pub_date")
        if pub is None and doc_value(doc, "document") is not None:
            pub = doc_value(doc, "document").published
        self.pub_date: str | None = pub.isoformat() if hasattr(pub, "isoformat") else pub
        self.datelines = dateline_spans(doc)
        self.place = dominant_place(doc, self.datelines)
        self.passage = Passage(doc)


DATELINE_REACH = 400  # characters: a dateline opens the text (after a title at most)
_DATELINE_LINE_WORDS = 8
_WEEKDAYS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """Where the text says where and when it was filed ("KHARTOUM, March 3 (Reuters) –", "SRINAGAR:", a
    line of its own "Baghdad, 2 December 2023"): that place and day are not those of the events."""
    text = doc_text(doc)
    mentions = [m for m in doc_value(doc, "mentions") or [] if m.start < DATELINE_REACH + 200]
    for sent in doc.sents:
        if sent.start_char > DATELINE_REACH:
            break
        piece = text[sent.start_char : sent.end_char]
        match = DATELINE.match(piece) or _COLON_DATELINE.match(piece)
        if match is not None:
            return [(sent.start_char, sent.start_char + match.end())]  # a text has one dateline
        elif len(piece.split()) <= _DATELINE_LINE_WORDS and piece.strip():
            inside = [m for m in mentions if m.start >= sent.start_char and m.end <= sent.end_char]
            rest = list(piece)
            for m in inside:
                rest[m.start - sent.start_char : m.end - sent.start_char] = " " * (m.end - m.start)
            left = _WEEKDAYS.sub(" ", "".join(rest))
            labels = {m.label for m in inside}
            if {"PLACE", "DATE"} <= labels and not re.search(r"[^\W\d_]", left):
                return [(sent.start_char, sent.end_char)]
    return []


def _in(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def dominant_place(doc: Doc, datelines: list[tuple[int, int]] | None = None) -> Mention | None:
    """The document's most mentioned place (ties: the more specific, then the first), the dateline aside."""
    spans = dateline_spans(doc) if datelines is None else datelines
    places = [
        m
        for m in doc_value(doc, "mentions") or []
        if m.label == "PLACE" and m.entity_id and not _in(m.start, spans)
    ]
    if not places:
        return None
    counts = Counter(m.entity_id for m in places)
    entities = doc_value(doc, "entities") or {}
    first: dict[str, Mention] = {}
    for m in places:
        first.setdefault(m.entity_id, m)

    def rank(entity_id: str) -> tuple[int, int, int]:
        entity = entities.get(entity_id)
        level = _PLACE_RANK.get(str(getattr(entity, "type", "")), 0)
        return counts[entity_id], level, -first[entity_id].start

    return first[max(counts, key=rank)]


def _sentence_place(
    doc: Doc, sent: Span, position: int, datelines: list[tuple[int, int]] | None = None
) -> Mention | None:
    """The most specific place of the sentence, leaving out the dateline, and countries used as actors
    ("US air strikes", "Russia's defence ministry") or places that locate another ("60 km east of Zemio")
    when the sentence names another place; "the city" with no settlement in the sentence is the last one
    named before it."""
    spans = datelines or []
    places = [
        m
        for m in mentions_in(doc, sent.start_char, sent.end_char, "PLACE")
        if m.entity_id and not _in(m.start, spans)
    ]
    entities = doc_value(doc, "entities") or {}

    def level(m: Mention) -> int:
        return _PLACE_RANK.get(str(getattr(entities.get(m.entity_id or ""), "type", "")), 0)

    def rank(m: Mention) -> tuple[int, int]:
        return level(m), -abs(m.start - position)

    text = doc_text(doc)[sent.start_char : sent.end_char]
    dateline = DATELINE.match(text)
    cut = sent.start_char + dateline.end() if dateline else sent.start_char
    places = [m for m in places if m.start >= cut]
    kept = [m for m in places if not _attributive_country(doc, m, level(m))]
    located = [m for m in kept if not is_reference_point(doc_text(doc), m.start)]
    if located and max(map(level, located)) >= max(map(level, kept)):
        kept = located  # "in Mboki, 60 km east of Zemio": Mboki; "east of Culiacan, Sinaloa": Culiacan
    if not any(level(m) >= _PLACE_RANK["city"] for m in kept) and _SETTLEMENT_REFERENCE.search(text):
        city = _PLACE_RANK["city"]
        before = [
            m
            for m in doc_value(doc, "mentions") or []
            if m.label == "PLACE"
            and m.entity_id
            and m.end <= sent.start_char
            and level(m) >= city
            and not _in(m.start, spans)
        ]
        if before:
            return max(before, key=lambda m: m.start)
    if kept:
        return max(kept, key=rank)
    return max(places, key=rank) if places else None


def _attributive_country(doc: Doc, m: Mention, level: int) -> bool:
    """A country name used as a modifier or possessive of a lowercase noun: "US air strikes", "Russia's
    defence ministry" name an actor, not where something happened."""
    if level != _PLACE_RANK["country"]:
        return False
    rest = doc_text(doc)[m.end : m.end + 30]
    match = re.match(r"(['’]s)?\s+([A-Za-z]+)", rest)
    if match is None or not match.group(2).islower():
        return False
    return bool(match.group(1)) or match.group(2) not in _FUNCTION_WORDS  # "in Niger during the raid"


_FUNCTION_WORDS = frozenset(
    (
        *("during", "in", "on", "at", "and", "or", "but", "since", "after", "before", "for", "with", "from"),
        *("to", "of", "by", "near", "as", "over", "under", "while", "when", "where", "which", "that", "who"),
        *("whose", "has", "have", "had", "is", "was", "were", "are", "said", "says", "until", "amid"),
        *("across", "along", "into"),
    )
)


def _sentence_dates(
    doc: Doc,
    sent: Span,
    position: int,
    datelines: list[tuple[int, int]] | None = None,
    context: bool = False,
) -> dict[str, Any]:
    """Date fields from the sentence's resolved, non-future DATE mentions, the nearest to the cue first; a
    dateline's filing date never, a speech act's date ("officials said on Monday") last, with ``speech``
    set. ``context``: only a single day or week ("on Saturday"), to date a later sentence by."""
    source = (
        doc_value(doc, "dates")
        if doc_value(doc, "dates") is not None
        else [m for m in doc_value(doc, "mentions") or [] if m.label == "DATE"]
    )
    dates = [
        m
        for m in source
        if m.start >= sent.start_char
        and m.end <= sent.end_char
        and m.value
        and not (m.attributes or {}).get("future")
    ]
    out: dict[str, Any] = {}
    dateline_end = sent.start_char
    if dates and dates[0].start - sent.start_char < 60:
        line = DATELINE.match(doc_text(doc)[sent.start_char : min(sent.end_char, sent.start_char + 90)])
        if line is not None:  # "KHARTOUM, March 3 – … on Wednesday": the filing date is not the event's
            dateline_end = sent.start_char + line.end()
    spans = datelines or []
    dates = [m for m in dates if m.end > dateline_end and not _in(m.start, spans)]
    if context:
        dates = [
            m
            for m in dates
            if m.precision in _CONTEXT_PRECISIONS and (m.attributes or {}).get("relation", "on") == "on"
        ]
    text = doc_text(doc)

    def speech(m: Mention) -> bool:
        return is_speech_date(text, m.start, sent.start_char)

    # a speech act's day gives way to another day or week, not to "last month"
    fine = any(m.precision in _CONTEXT_PRECISIONS and not speech(m) for m in dates)
    for m in sorted(dates, key=lambda m: (fine and speech(m), abs(m.start - position))):
        attrs = m.attributes or {}
        relation = attrs.get("relation", "on")
        if relation in ("on", "between"):
            out = {"date_start": m.value, "date_end": attrs.get("end") if relation == "between" else m.value}
        elif relation == "since":
            out = {"date_start": m.value, "date_end": None}
        elif relation in ("as_of", "by", "until"):
            out = {"date_start": None, "date_end": m.value}
        else:
            continue
        if m.precision in DatePrecision._value2member_map_:
            out["date_precision"] = DatePrecision(m.precision)
        if speech(m):
            out["speech"] = True
        if attrs.get("kind") == "anchored":
            out["sequel"] = True  # "the next day", "four days later": after the event the text dated first
        break
    return out


def _is_source(doc: Doc, m: Mention) -> bool:
    """An actor named as the source of the report ("according to X", "X said"), not a party to it; one
    that claims the act for itself ("X says its fighters fired …", "X said it had struck …") is a party."""
    before = doc_text(doc)[max(0, m.start - 100) : m.start]
    after = doc_text(doc)[m.end : m.end + 60]
    if _CLAIM_AFTER.search(after):
        return False
    return bool(_SOURCE_BEFORE.search(before) or _SOURCE_AFTER.search(after))


_SPEECH_BETWEEN = re.compile(r"\b(?:says|said|reports|reported|told|announced|stated|claims|claimed)\b", re.I)
_CLAIM_AFTER = re.compile(
    r"^\W*(?:says|said|claims|claimed|announced|announces|stated)\s+(?:that\s+)?"
    r"(?:(?:its|their|our)\s+(?:[\w-]+\s+){0,2}?(?:fighters|forces|troops|soldiers|units|jets|aircraft|"
    r"drones|militants|members|gunmen|artillery|warplanes|navy|air\s+force)\b"
    r"|(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?(?:[a-z]+ed|struck|shot|hit|fought|shelled|took)\b)",
    re.IGNORECASE,
)


def is_party(doc: Doc, m: Mention) -> bool:
    """An actor mention that may be a side of an event: not a source, an outlet or a monitor."""
    entity = (doc_value(doc, "entities") or {}).get(m.entity_id or "")
    return not _is_source(doc, m) and str(getattr(entity, "type", "")) not in _NOT_PARTIES


def _actors(doc: Doc, sent: Span, cues: list[tuple[int, int]]) -> tuple[Mention | None, Mention | None]:
    """Actor1: the nearest actor before the event cue; actor2: the nearest after it (swapped after "by").
    The cue is the first one with an actor before it (a headline-like start of the sentence is skipped)."""
    actors = [
        m
        for m in mentions_in(doc, sent.start_char, sent.end_char, "ACTOR")
        if m.entity_id and is_party(doc, m)
    ]
    anchor = next((cue for cue in cues if any(m.end <= cue[0] for m in actors)), cues[0])
    text = doc_text(doc)
    before = [
        m
        for m in actors
        if m.end <= anchor[0]
        and not (  # "UNIFIL, the UN force, says an Israeli tank fired": the speaker, not the shooter
            _SPEECH_BETWEEN.search(text[m.end : anchor[0]])
            and not _CLAIM_AFTER.search(text[m.end : m.end + 60])
        )
    ]
    after = [m for m in actors if m.start >= anchor[1]]
    agent = max(before, key=lambda m: m.end) if before else None
    target = min(after, key=lambda m: m.start) if after else None
    if target is not None and _PASSIVE_BY.search(doc_text(doc)[anchor[1] : target.start]):
        agent, target = target, agent
    if agent is not None and target is not None and agent.entity_id == target.entity_id:
        target = None
    return agent, target


def _same_parties(a: Event, b: Event) -> bool:
    """No conflicting actors: a side named in both records is the same side."""
    return all(
        x is None or y is None or x == y for x, y in ((a.actor1_id, b.actor1_id), (a.actor2_id, b.actor2_id))
    )


def merge(found: list[_Found]) -> list[Event]:
    """One event per (type, place, date) in a document, unless the actors differ; the first record is kept."""
    kept: list[_Found] = []
    for item in found:
        if any(k.key == item.key and _same_parties(k.event, item.event) for k in kept):
            continue
        kept.append(item)
    return [k.event for k in kept]


# spaCy forbids "." in factory names: the pipe is named "fogline.events.v1", its factory "fogline_events_v1".
@Language.factory(
    "fogline_events_v1",
    requires=["doc.sents"],
    assigns=["doc._.events"],
)
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
