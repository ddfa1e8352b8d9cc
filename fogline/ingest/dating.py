"""Publication dates inferred from related reports, for texts that give no year anywhere.

Some reports carry no publication date and only weekdays ("on Thursday") and month-days without a year
("January 10"); ``fogline.nlp.dates`` rightly leaves them unresolved. ``date_from_related`` dates such a
stored document from the reports about the same thing (documented, deterministic rules):

1. *Related reports*: stored documents with a publication date (not themselves dated by this module) that
   share place/actor entities with it. Shared entities weigh by specificity (``ENTITY_WEIGHTS``: a
   neighbourhood or site 3, a city 2.5, a district 1.5, a province 1, a country 0.5, an actor 1); a related
   report needs a weight of at least ``MIN_OVERLAP`` including a shared city-or-finer place. Their
   publication dates are the *reference*; when they spread over more than ``MAX_REFERENCE_SPAN`` days the
   reference is ambiguous → None.
2. *Floor*: the latest month-day without a year in the text (not in a future context), placed at its latest
   occurrence on or before the end of the window (so "March 10", a background date, lands in an earlier year
   and constrains nothing); without one, the latest reference date. The report is taken to be no older than
   what it dates explicitly, or than the related reports.
3. *Weekdays*: news uses weekdays for the days just before publication, reporting the latest developments,
   so every weekday mention ("on Sunday", "since Tuesday", "early Saturday") is taken to fall on or after
   the floor and within the 6 days up to the publication date. The publication date is the earliest day
   that satisfies all of them: the latest "first such weekday on or after the floor" ("last Monday":
   the day after it).
4. It must lie within [min(reference) − 7 days, max(reference) + 14 days]. No weekday mention, no related
   report or a date outside the window → None.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from fogline.nlp.dates import parse_iso_date
from fogline.nlp.dates_rules import DateExpr, scan
from fogline.schema import DatePrecision, Document, Entity, EntityKind, Mention
from fogline.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["METHOD", "DateGuess", "complete_dates", "date_from_related", "related_reports"]

METHOD = "related_reports"
ENTITY_WEIGHTS = {
    "site": 3.0,
    "neighbourhood": 3.0,
    "city": 2.5,
    "admin2": 1.5,
    "admin1": 1.0,
    "country": 0.5,
}
ACTOR_WEIGHT = 1.0
FINE_PLACES = {"site", "neighbourhood", "city"}
MIN_OVERLAP = 4.0
MAX_REFERENCE_SPAN = 31
WINDOW_BEFORE = 7
WINDOW_AFTER = 14


@dataclass
class DateGuess:
    """An inferred publication date and the evidence for it."""

    value: date
    related: list[str]  # ids of the reports whose dates were the reference
    reference: tuple[date, date]  # earliest and latest reference date
    floor: date
    anchor: str | None = None  # the month-day text that set the floor, if any
    weekdays: list[str] = field(default_factory=list)


def _weights(store: Store, entity_ids: set[str]) -> dict[str, tuple[float, bool]]:
    """Entity id -> (weight, is a city-or-finer place)."""
    out: dict[str, tuple[float, bool]] = {}
    for entity in store.records(Entity, where={"id": sorted(entity_ids)}) if entity_ids else []:
        if str(entity.kind) == EntityKind.PLACE.value:
            level = str(entity.type or "")
            out[entity.id] = (ENTITY_WEIGHTS.get(level, 0.5), level in FINE_PLACES)
        elif str(entity.kind) == EntityKind.ACTOR.value:
            out[entity.id] = (ACTOR_WEIGHT, False)
    return out


def related_reports(store: Store, document_id: str) -> list[tuple[str, float]]:
    """Dated stored reports sharing enough place/actor entities with the document: (id, overlap weight)."""
    own = {
        m.entity_id
        for m in store.records(Mention, where={"document_id": document_id, "label": ["PLACE", "ACTOR"]})
        if m.entity_id
    }
    if not own:
        return []
    weights = _weights(store, own)
    shared: dict[str, set[str]] = defaultdict(set)
    for m in store.records(Mention, where={"entity_id": sorted(own)}):
        if m.document_id != document_id and m.entity_id in weights:
            shared[m.document_id].add(m.entity_id)
    out: list[tuple[str, float]] = []
    for other, ids in sorted(shared.items()):
        score = sum(weights[i][0] for i in ids)
        if score < MIN_OVERLAP or not any(weights[i][1] for i in ids):
            continue
        doc = store.get(Document, other)
        if (
            doc is None
            or parse_iso_date(doc.published) is None
            or doc.meta.get("published_inferred_by") == METHOD
        ):
            continue
        out.append((other, score))
    return out


def _floor(exprs: list[DateExpr], reference: tuple[date, date]) -> tuple[date, str | None]:
    """The latest year-less month-day (at its latest occurrence up to the window's end), else the latest
    reference date."""
    window_end = reference[1] + timedelta(days=WINDOW_AFTER)
    best: tuple[date, str] | None = None
    for e in exprs:
        if e.kind != "date" or e.year is not None or e.month is None or e.day is None or e.future:
            continue
        for year in (window_end.year, window_end.year - 1):
            try:
                day = date(year, e.month, e.day)
            except ValueError:
                continue
            if day <= window_end:
                if best is None or day > best[0]:
                    best = (day, e.text)
                break
    if best is None or best[0] < reference[1] - timedelta(days=MAX_REFERENCE_SPAN):
        return reference[1], None  # no month-day, or only background ones: the related reports set the floor
    return best


def _weekdays(exprs: list[DateExpr]) -> list[DateExpr]:
    return [
        e
        for e in exprs
        if e.kind == "weekday" and e.weekday is not None and not e.future and e.direction in ("past", "last")
    ]


def date_from_related(store: Store, document_id: str) -> DateGuess | None:
    """The publication date of an undated stored document, from related reports (module docstring)."""
    document = store.get(Document, document_id)
    if document is None or document.published:
        return None
    related = related_reports(store, document_id)
    dates = sorted(
        d
        for d in (parse_iso_date(getattr(store.get(Document, i), "published", None)) for i, _ in related)
        if d
    )
    if not dates or (dates[-1] - dates[0]).days > MAX_REFERENCE_SPAN:
        return None
    reference = (dates[0], dates[-1])
    exprs = scan(document.text)
    weekdays = _weekdays(exprs)
    if not weekdays:
        return None
    floor, anchor = _floor(exprs, reference)
    value = floor
    for e in weekdays:
        assert e.weekday is not None
        first = floor + timedelta(days=(e.weekday - floor.weekday()) % 7)
        value = max(value, first + timedelta(days=1) if e.direction == "last" else first)
    if (
        not reference[0] - timedelta(days=WINDOW_BEFORE)
        <= value
        <= reference[1] + timedelta(days=WINDOW_AFTER)
    ):
        return None
    return DateGuess(
        value=value,
        related=[i for i, _ in related],
        reference=reference,
        floor=floor,
        anchor=anchor,
        weekdays=[e.text for e in weekdays],
    )


def complete_dates(store: Store, document_ids: list[str], nlp: Language | None = None) -> list[str]:
    """Date the listed undated documents from related reports, store the dates and re-extract them (reviewed
    items survive: ``Store.save`` keeps them). Returns the ids dated."""
    from fogline.nlp.pipeline import ExtractionFailure, extract

    guesses: list[tuple[Document, DateGuess]] = []
    for doc_id in document_ids:
        guess = date_from_related(store, doc_id)
        document = store.get(Document, doc_id)
        if guess is not None and document is not None:
            guesses.append((document, guess))
    dated: list[str] = []
    for document, guess in guesses:  # all guessed first: a newly dated report is no reference for another
        document.published = guess.value.isoformat()
        document.published_precision = DatePrecision.DAY
        document.published_inferred = True
        document.meta = {
            **document.meta,
            "published_inferred_by": METHOD,
            "published_related_reports": guess.related,
        }
        result = next(iter(extract([document], nlp)))
        if isinstance(result, ExtractionFailure):
            store.put(document)  # the date stands even if extraction fails
        else:
            store.save(result)
        dated.append(document.id)
    return dated
