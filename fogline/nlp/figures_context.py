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
from fogline.schema import DatePrecision, Mention

_PLACE_RANK = {"site": 6, "neighbourhood": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


def _slice(sent: Span, start: int, end: int) -> str:
    """Document characters [start:end] inside the sentence, without building the whole document's text."""
    return sent.text[start - sent.start_char : end - sent.start_char]


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
