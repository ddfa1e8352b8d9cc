"""``fogline.onsets.v1``: sentences that date the start of a campaign ("the offensive began on 6 March").

A sentence dates an onset when a campaign noun (offensive, operation, assault, war, clashes…) is tied to a
start cue by one of the ``ONSET_RULES`` and the sentence holds a resolved, non-future DATE mention:

- ``verb_noun``: a past-tense start verb before the noun ("launched a ground offensive", "announced the launch
  of a military operation", "kicked off its campaign");
- ``noun_verb``: the noun before a start verb ("fighting erupted", "the siege, which began", "clashes broke
  out", "the war has been underway since");
- ``first_day``: "the first day of the offensive", "the start of the siege";
- ``dates_to``: "the offensive, which the council dates to 6 January";
- ``nth_day``: "the offensive entered its fourth day" → start = reference day − (N − 1) days, the reference
  being a day-precision date of the sentence else the publication date (nothing without one).

The onset date is the day/week/month DATE mention nearest to the cue (relations on/since/between). Excluded:
a modal or threat before the cue ("will launch", "threatened to launch", "could begin"), negation ("has not
begun"), and history: an onset more than ``HISTORY_DAYS`` before the publication date ("the 2018 operation").

The event that ``fogline.events.v1`` made from the sentence is marked ``is_onset`` with the onset date as
``date_start`` (``date_end`` left open: the campaign goes on). A sentence without an event (an announcement,
a statement) gets a new ``Event`` from this extractor, unless the document already has an onset event on that
date. Events flagged ``is_onset`` upstream whose sentence states no onset by these rules are unflagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from fogline.nlp.dates import dates_in, parse_iso_date
from fogline.nlp.event_classifier import classify
from fogline.nlp.events import dateline_spans, dominant_place, is_party
from fogline.nlp.extensions import (
    doc_list,
    doc_text,
    doc_value,
    document_id,
    mentions_in,
    register_extensions,
)
from fogline.nlp.fastre import with_first_char_filter
from fogline.schema import DatePrecision, Event, Mention, make_id

EXTRACTOR = "fogline.onsets.v1"
HISTORY_DAYS = 365  # an onset further back than this before publication is background, not the campaign
DEFAULT_TYPE = ("Political violence", "Battles", "Armed clash")
_PLACE_RANK = {"site": 6, "neighbourhood": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}
_ONSET_PRECISIONS = {"day", "week", "month"}
_ONSET_RELATIONS = {"on", "since", "between"}

_W = r"[\w'’“”\"-]+"  # one word, quotes allowed ("a “limited military operation”")
NOUN = (
    r"(?:military\s+operations?|offensives?|operations?|assaults?|attacks?|campaigns?|escalation|"
    r"incursions?|sieges?|bombardments?|shelling|war|fighting|clashes|hostilities|invasion)"
)
_CAMPAIGN_ATTACK = r"(?:large-scale|major|full-scale|wide-scale|ground|sweeping|coordinated|broad)\s+attack"
_PAST_VERB = (
    r"(?:launched|began|begun|started|kicked\s+off|opened|mounted|unleashed|initiated|commenced|"
    r"announced\s+the\s+(?:launch|start|beginning)\s+of)"
)
_NOUN_CUE = (
    r"(?:began|begun|started|erupted|broke\s+out|kicked\s+off|opened|commenced|launched|"
    r"(?:was|were|had\s+been|has\s+been)\s+launched|(?:has|have|had)\s+been\s+(?:underway|under\s+way|"
    r"ongoing|raging|going\s+on)\s+since)"
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINAL = r"(?P<nth>\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")"

ONSET_RULES: dict[str, re.Pattern[str]] = {
    # "launched an attack on a checkpoint" is one attack, not a campaign: a bare singular "attack" needs a
    # campaign modifier here ("launched a large-scale attack")
    "verb_noun": re.compile(
        rf"\b{_PAST_VERB}\s+(?:{_W}\s+){{0,5}}?(?:{_CAMPAIGN_ATTACK}|(?!attack\b){NOUN})\b", re.IGNORECASE
    ),
    "noun_verb": re.compile(
        rf"\b{NOUN}\b,?\s+(?:{_W},?\s+){{0,8}}?(?:which\s+|that\s+)?{_NOUN_CUE}\b", re.IGNORECASE
    ),
    "first_day": re.compile(
        r"\b(?:first\s+day|start|beginning|outset|onset|launch)\s+of\s+(?:the|its|their|a|an)\s+"
        rf"(?:{_W}\s+){{0,3}}?{NOUN}\b",
        re.IGNORECASE,
    ),
    "dates_to": re.compile(
        rf"\b{NOUN}\b,?\s+(?:{_W},?\s+){{0,6}}?dates?\s+(?:it\s+|its\s+start\s+|the\s+start\s+)?(?:back\s+)?to\b",
        re.IGNORECASE,
    ),
    "nth_day": re.compile(
        rf"\b{NOUN}\b,?\s+(?:{_W},?\s+){{0,6}}?(?:enter(?:s|ed|ing)?|reach(?:es|ed)?|(?:is|was)\s+in)\s+"
        rf"(?:its|their|the)\s+{_ORDINAL}\s+day\b",
        re.IGNORECASE,
    ),
}
# Every rule names a campaign noun: a sentence without one needs no further look (most sentences).
_ANY_NOUN = re.compile(rf"\b(?:{NOUN})", re.IGNORECASE)
# the same rules behind a lookahead on the letters a match can start with (same matches, found faster)
_FAST_RULES = {rule: with_first_char_filter(pattern) for rule, pattern in ONSET_RULES.items()}
# A modal, threat or negation just before the cue: the start is not (yet) a fact.
_IRREALIS = re.compile(
    r"\b(?:will|would|could|might|may|shall|should|must|if|unless|not|never|yet|threaten(?:s|ed|ing)?|"
    r"plan(?:s|ned|ning)?|vow(?:s|ed)?|intend(?:s|ed)?|prepar(?:es|ed|ing)|"
    rf"(?:poised|ready|about|expected|set|going)\s+to)\b(?:\s+{_W}){{0,3}}\s*$",
    re.IGNORECASE,
)
_IRREALIS_INSIDE = re.compile(
    r"\b(?:will|would|could|might|may|shall|should|must|not|never|yet|expected\s+to|set\s+to)\b",
    re.IGNORECASE,
)


@dataclass
class Onset:
    """One sentence's dated start of a campaign."""

    start: int  # sentence span (characters)
    end: int
    rule: str
    cue: str
    date: str  # ISO date at its precision
    precision: str
    date_text: str


def _ordinal(value: str) -> int | None:
    value = value.lower()
    if value in _ORDINALS:
        return _ORDINALS[value]
    digits = re.match(r"\d+", value)
    return int(digits.group()) if digits else None


def _is_irrealis(text: str, cue_start: int, cue_end: int, rule: str) -> bool:
    """A modal/threat/negation right before the cue, or (noun-first rules) anywhere between noun and verb."""
    if _IRREALIS.search(text[max(0, cue_start - 60) : cue_start]):
        return True
    return rule != "verb_noun" and _IRREALIS_INSIDE.search(text[cue_start:cue_end]) is not None


def _candidate_dates(doc: Doc, sent: Span) -> list[Mention]:
    return [
        m
        for m in dates_in(doc, sent.start_char, sent.end_char)
        if m.value and (m.attributes or {}).get("resolved", True) and not (m.attributes or {}).get("future")
    ]


def _pub_date(doc: Doc) -> date | None:
    pub = doc_value(doc, "pub_date")
    if isinstance(pub, date):
        return pub
    document = doc_value(doc, "document")
    return parse_iso_date(document.published if document is not None else None)


def _nth_day(doc: Doc, sent: Span, match: re.Match[str], dates: list[Mention]) -> tuple[str, str] | None:
    n = _ordinal(match.group("nth"))
    if not n or n > 400:
        return None
    days = [m for m in dates if m.precision == "day" and (m.attributes or {}).get("relation", "on") == "on"]
    position = sent.start_char + match.start()
    ref_mention = min(days, key=lambda m: abs(m.start - position)) if days else None
    reference = parse_iso_date(ref_mention.value) if ref_mention else _pub_date(doc)
    if reference is None:
        return None
    text = ref_mention.text if ref_mention else "publication date"
    return (reference - timedelta(days=n - 1)).isoformat(), f"{match.group(0)} ({text})"


def sentence_onset(doc: Doc, sent: Span, text: str) -> Onset | None:
    """The dated campaign start a sentence states, if any (``text`` is the sentence's text)."""
    if _ANY_NOUN.search(text) is None:
        return None
    dates = _candidate_dates(doc, sent)
    if not dates and doc_value(doc, "pub_date") is None:
        return None
    pub = _pub_date(doc)
    for rule, pattern in _FAST_RULES.items():
        for match in pattern.finditer(text):
            if _is_irrealis(text, match.start(), match.end(), rule):
                continue
            if rule == "nth_day":
                found = _nth_day(doc, sent, match, dates)
                if found is None:
                    continue
                value, date_text, precision = found[0], found[1], "day"
            else:
                usable = [
                    m
                    for m in dates
                    if m.precision in _ONSET_PRECISIONS
                    and (m.attributes or {}).get("relation", "on") in _ONSET_RELATIONS
                ]
                if not usable:
                    continue
                position = sent.start_char + (match.end() if rule == "dates_to" else match.start())
                best = min(usable, key=lambda m: abs(m.start - position))
                value, date_text, precision = str(best.value), best.text, str(best.precision)
            day = parse_iso_date(value) or parse_iso_date(f"{value}-01"[:10])
            if pub is not None and day is not None and (pub - day).days > HISTORY_DAYS:
                continue
            return Onset(sent.start_char, sent.end_char, rule, match.group(0), value, precision, date_text)
    return None


def _best_place(doc: Doc, start: int, end: int) -> Mention | None:
    entities = doc_value(doc, "entities") or {}

    def rank(m: Mention) -> tuple[int, int]:
        level = _PLACE_RANK.get(str(getattr(entities.get(m.entity_id or ""), "type", "")), 0)
        return level, -m.start

    datelines = dateline_spans(doc)  # "KYIV, March 3 –" names where the story was filed
    places = [
        m
        for m in mentions_in(doc, start, end, "PLACE")
        if m.entity_id and not any(a <= m.start < b for a, b in datelines)
    ]
    return max(places, key=rank) if places else dominant_place(doc, datelines)


def _new_event(doc: Doc, onset: Onset, text: str) -> Event:
    c = classify(text)
    violent = c.label and not c.negated and c.disorder_type == DEFAULT_TYPE[0]
    disorder, etype, sub = (c.disorder_type, c.event_type, c.sub_event_type) if violent else DEFAULT_TYPE
    place = _best_place(doc, onset.start, onset.end)
    actors = [
        m for m in mentions_in(doc, onset.start, onset.end, "ACTOR") if m.entity_id and is_party(doc, m)
    ]
    doc_id = document_id(doc)
    return Event(
        id=make_id(doc_id, EXTRACTOR, onset.start, onset.end, onset.date),
        document_id=doc_id,
        start=onset.start,
        end=onset.end,
        quote=text,
        extractor=EXTRACTOR,
        confidence=0.7,
        disorder_type=disorder,
        event_type=etype,
        sub_event_type=sub,
        date_start=onset.date,
        date_end=None,
        date_precision=DatePrecision(onset.precision),
        place_id=place.entity_id if place else None,
        place=place.text if place else None,
        actor1_id=actors[0].entity_id if actors else None,
        actor1=actors[0].text if actors else None,
        actor2_id=actors[1].entity_id if len(actors) > 1 else None,
        actor2=actors[1].text if len(actors) > 1 else None,
        is_onset=True,
        attributes=_attributes(onset, place_from_sentence=bool(place and place.start >= onset.start)),
    )


def _attributes(onset: Onset, **extra: object) -> dict[str, object]:
    return {"onset": {"rule": onset.rule, "cue": onset.cue, "date_text": onset.date_text, **extra}}


class OnsetFinder:
    """The spaCy component: marks or adds ``is_onset`` events in ``doc._.events``."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events = doc_list(doc, "events")
        full = doc_text(doc)
        onsets: list[tuple[Onset, str]] = []
        for sent in doc.sents:
            try:
                text = full[sent.start_char : sent.end_char]
                onset = sentence_onset(doc, sent, text)
            except Exception as exc:  # one bad sentence must not stop the document
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
                continue
            if onset is not None:
                onsets.append((onset, text))
        dated = {(o.start, o.end) for o, _ in onsets}
        for ev in events:
            if ev.is_onset and (ev.start, ev.end) not in dated:
                ev.is_onset = False  # these rules decide: future, negated or historical starts are no onsets
        pending: list[tuple[Onset, str]] = []
        for onset, text in onsets:
            same = [e for e in events if e.start == onset.start and e.end == onset.end]
            for ev in same:
                ev.is_onset = True
                ev.date_start, ev.date_end = onset.date, None
                ev.date_precision = DatePrecision(onset.precision)
                ev.attributes = {**(ev.attributes or {}), **_attributes(onset)}
            if not same:
                pending.append((onset, text))
        for onset, text in pending:
            if any(e.is_onset and e.date_start == onset.date for e in events):
                continue
            try:
                events.append(_new_event(doc, onset, text))
            except Exception as exc:
                doc_list(doc, "errors").append(f"{EXTRACTOR}: {type(exc).__name__}: {exc}")
        return doc


@Language.factory("fogline_onsets_v1", requires=["doc._.events", "doc._.dates"], assigns=["doc._.events"])
def make_onset_finder(nlp: Language, name: str) -> OnsetFinder:
    return OnsetFinder()
