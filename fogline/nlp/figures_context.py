"""Where and when a figure happened: the place and the dates of its sentence that belong to it.

A figure takes the most precise place and the date of its own clause: not a dateline, not a place or date
that a later coordinated clause with a number of its own brings ("…, and 540,000 crossed into the country
since…"), and not a date that belongs to an earlier event named in the sentence.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from fogline.nlp.extensions import doc_text
from fogline.nlp.figures_words import dateline
from fogline.schema import DatePrecision, Figure, Mention

_PLACE_RANK = {"site": 6, "neighbourhood": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


def sentence_string(sent: Span) -> str:
    """``sent.text`` cut from the document's text (``Span.text`` builds a token object per word)."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def _slice(sent: Span, start: int, end: int) -> str:
    """Document characters [start:end] inside the sentence."""
    return sentence_string(sent)[start - sent.start_char : end - sent.start_char]


# ", and more than 540,000 crossed into Syria since…": a new clause with its own number
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s", re.IGNORECASE)
_COUNT_WORD = re.compile(r"\d|\b(?:dozens|scores|hundreds|thousands|millions|tens)\b", re.IGNORECASE)


def other_clause(doc: Doc, end: int, start: int) -> bool:
    """True when the text between a figure (ending at char ``end``) and a later mention (at ``start``) opens
    another coordinated clause with a number of its own: that clause's date or place is not the figure's."""
    if start < end:
        return False
    between = doc_text(doc)[end:start]
    brk = _CLAUSE_BREAK.search(between)
    return brk is not None and _COUNT_WORD.search(between, brk.end()) is not None


def figure_place(
    doc: Doc, sent: Span, position: int, skip: tuple[int, int] | None = None, end: int | None = None
) -> dict[str, Any]:
    places = [
        m
        for m in doc._.mentions or []
        if m.label == "PLACE"
        and m.start >= sent.start_char
        and m.end <= sent.end_char
        and m.entity_id
        and not (skip and skip[0] <= m.start < skip[1])
        and not (end is not None and other_clause(doc, end, m.start))
    ]
    if (
        len(places) > 1
    ):  # "PORT-AU-PRINCE, Oct 4 (Wire) – … in Pont-Sondé": the dateline is where it was filed
        places = [m for m in places if not dateline(sent, m)] or places
    if not places:
        return {}
    entities = doc._.entities or {}

    def rank(m: Mention) -> tuple[int, int]:
        entity = entities.get(m.entity_id)
        level = _PLACE_RANK.get(str(entity.type), 0) if entity is not None else 0
        return level, -abs(m.start - position)

    best = max(places, key=rank)
    return {"place": best.text, "place_id": best.entity_id}


def figure_dates(doc: Doc, sent: Span, position: int, end: int | None = None) -> dict[str, Any]:
    source = (
        doc._.dates if doc._.dates is not None else [m for m in doc._.mentions or [] if m.label == "DATE"]
    )
    dates = [
        m
        for m in source
        if m.start >= sent.start_char
        and m.end <= sent.end_char
        and not in_dateline(sent, m)
        and m.value
        and not _other_event_date(doc, sent, m)
        and not (end is not None and other_clause(doc, end, m.start))
    ]
    if not dates:
        return {}
    out: dict[str, Any] = {}
    for m in sorted(dates, key=lambda m: abs(m.start - position)):
        attrs = m.attributes or {}
        relation = attrs.get("relation", "on")
        if attrs.get("future"):
            continue
        if relation == "since" and "date_start" not in out:
            out["date_start"] = m.value
        elif relation in ("as_of", "by") and "date_end" not in out:
            out["date_end"] = m.value
        elif relation in ("on", "between") and not out:
            out["date_start"] = m.value
            out["date_end"] = attrs.get("end") if relation == "between" else m.value
        else:
            continue
        if m.precision in DatePrecision._value2member_map_:
            out["date_precision"] = DatePrecision(m.precision)
    return out


_DATELINE_HEAD = re.compile(r"^\W*[A-Z][^.,;–—:]{0,40},\s*(?:[^.;–—]{0,25},\s*)?$")
_DATELINE_TAIL = re.compile(r"^[^.;–—]{0,30}?\s[–—-]{1,2}\s")


def in_dateline(sent: Span, m: Mention) -> bool:
    """True for a place or date in a report's dateline ("Bangui, 22 July 2024 – …", "NIAMEY, March 23
    (Wire) – …"): where and when it was filed, not where and when the people were hit."""
    text = sentence_string(sent)
    head = text[: m.start - sent.start_char]
    tail = text[m.end - sent.start_char : m.end - sent.start_char + 40]
    opening = not head.strip() or bool(_DATELINE_HEAD.match(head))
    return opening and len(head) < 60 and bool(_DATELINE_TAIL.match(tail))


# words just before a date that make it the date of something else than the casualties
_OTHER_EVENT = re.compile(
    r"\b(?:signed|agreed|agreement|accord|deal|truce|ceasefire|cease-fire|talks|summit|meeting|election|"
    r"elections|resolution|vote|announced|declared|adopted|brokered)\b[^.;,]{0,25}$",
    re.IGNORECASE,
)


def _other_event_date(doc: Doc, sent: Span, m: Mention) -> bool:
    """True when an "on"-date belongs to an agreement, talks or a vote ("the truce signed on 3 May")."""
    relation = (m.attributes or {}).get("relation", "on")
    if relation not in ("on", "between"):
        return False
    return bool(_OTHER_EVENT.search(_slice(sent, max(sent.start_char, m.start - 45), m.start)))


# Context from a neighbouring sentence about the same incident ----------------------------------------------

_INCIDENT = (
    r"(?:attack|attacks|strike|strikes|air\s?strike|airstrike|raid|bombing|shelling|explosion|blast|ambush"
    r"|assault|massacre|incident|attacked|struck|stormed|bombed|shelled|ambushed)"
)
# "The strike killed two people": a definite incident named again, so the figure is about the one just told
_ANAPHOR = re.compile(
    rf"^\W*(?:the|this|that)\s+(?:\w+\s+)?{_INCIDENT}\s+(?:also\s+)?"
    r"(?:killed|wounded|injured|left|claimed|displaced|kills|wounds|leaves)\b",
    re.IGNORECASE,
)
# "The attack took place on Friday in the village of X": the next sentence says where and when
_TOOK_PLACE = re.compile(
    rf"^\W*the\s+(?:\w+\s+)?{_INCIDENT}\s+(?:took\s+place|happened|occurred|was\s+carried\s+out|struck|hit)\b",
    re.IGNORECASE,
)
_NAMES_INCIDENT = re.compile(rf"\b{_INCIDENT}\b", re.IGNORECASE)


def _dateline_span(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """Characters of the dateline's places in ``sent`` (skipped as an incident's place)."""
    spans = [
        (m.start, m.end)
        for m in doc._.mentions or []
        if m.label == "PLACE" and sent.start_char <= m.start < sent.end_char and in_dateline(sent, m)
    ]
    return (spans[0][0], spans[-1][1]) if spans else None


_TOLD_BACK = 2  # sentences before the figure's that may tell its incident


def _told_before(doc: Doc, sents: list[Span], k: int) -> list[Span]:
    """The sentences just before sentence ``k`` that tell an attack, nearest first: the one right before
    (even across a paragraph break: a lead then its details), then earlier ones of the same paragraph while
    each names the attack."""
    out: list[Span] = []
    for b in range(k - 1, max(-1, k - 1 - _TOLD_BACK), -1):
        if not _NAMES_INCIDENT.search(sentence_string(sents[b])):
            break
        out.append(sents[b])
        if "\n\n" in _between(doc, sents[b], sents[b + 1]) and b < k - 1:
            break
        if b > 0 and "\n\n" in _between(doc, sents[b - 1], sents[b]):
            break
    return out


def _between(doc: Doc, first: Span, second: Span) -> str:
    return doc_text(doc)[first.end_char : second.start_char]


def _rank(doc: Doc, place: dict[str, Any]) -> int:
    entity = (doc._.entities or {}).get(place.get("place_id") or "")
    return _PLACE_RANK.get(str(entity.type), 0) if entity is not None else 0


def incident_context(doc: Doc, sents: list[Span], k: int, has_place: bool, has_date: bool) -> dict[str, Any]:
    """Place and date for the figures of sentence ``k`` from the sentence that tells the same incident:
    the previous one when this sentence names it again ("The strike killed two people") or names no place
    and no date of its own after a sentence about an attack; the next one when it says "The attack took
    place on Friday in X". Only fields the figure lacks, or a more precise place than its own."""
    sent = sents[k]
    out: dict[str, Any] = {}
    own_place = figure_place(doc, sent, sent.start_char)
    nxt = sents[k + 1] if k + 1 < len(sents) else None
    prev = sents[k - 1] if k > 0 else None
    sources: list[Span] = []
    refine = False  # only "The attack took place in X" may replace the figure's own (vaguer) place
    if nxt is not None and _TOOK_PLACE.match(sentence_string(nxt)) and "\n\n" not in _between(doc, sent, nxt):
        sources.append(nxt)
        refine = True
    if prev is not None and (_ANAPHOR.match(sentence_string(sent)) or (not has_place and not has_date)):
        sources.extend(_told_before(doc, sents, k))
    for other in sources:
        found = _NAMES_INCIDENT.search(sentence_string(other))
        position = other.start_char + (found.start() if found else 0)
        place = figure_place(doc, other, position, _dateline_span(doc, other))
        better = refine and other is nxt and _rank(doc, place) > _rank(doc, own_place)
        if place and (not has_place or better) and "place" not in out:
            out.update(place)
        if not has_date and "date_start" not in out:
            dates = figure_dates(doc, other, position)
            if dates.get("date_start") and dates.get("date_end") == dates["date_start"]:  # a day, not "since"
                out.update(dates)
    return out


def add_incident_context(doc: Doc, sents: list[Span], k: int, figs: list[Figure]) -> None:
    """Place and date from the neighbouring sentence that tells the same incident (``incident_context``),
    for the figures of sentence ``k`` that lack them; cumulative figures ("since January") keep their own."""
    has_place = any(f.place for f in figs)
    has_date = any(f.date_start or f.date_end for f in figs)
    if has_place and has_date:
        return
    extra = incident_context(doc, sents, k, has_place, has_date)
    for f in figs:
        if "place" in extra and (f.place is None or has_place):
            f.place, f.place_id = extra["place"], extra["place_id"]
        if "date_start" in extra and f.date_start is None and f.date_end is None:
            f.date_start, f.date_end = extra["date_start"], extra.get("date_end")
            f.date_precision = extra.get("date_precision")
