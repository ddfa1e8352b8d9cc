"""Read queries behind the web app and the API: filtered, paginated listings and full-text search.

One SQLAlchemy query builder serves SQLite and PostgreSQL (``ilike`` is ``LIKE`` with ``lower`` on SQLite);
text search goes through ``fogline.store.search`` (FTS5 / pg_trgm indexes when present).
Each listable table is described once in ``RESOURCES``: which columns hold its dates, places, actors…
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from fogline.schema import (
    Agreement,
    Document,
    Entity,
    Event,
    FacilityImpact,
    Figure,
    Mention,
    Record,
    Statement,
)
from fogline.store import Store
from fogline.store.search import ilike as _ilike
from fogline.store.search import text_condition
from fogline.store.tables import TABLES, _unwrap_optional

R = TypeVar("R", bound=Record)

MAX_LIMIT = 500


@dataclass(frozen=True)
class Resource:
    """How to filter one table: the columns that carry each kind of filter."""

    record: type[Record]
    title: str
    date_start: str | None = None
    date_end: str | None = None
    place: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    order_by: tuple[str, ...] = ("id",)
    reviewable: bool = True


RESOURCES: dict[str, Resource] = {
    "documents": Resource(
        Document,
        "Documents",
        "published",
        None,
        (),
        (),
        ("outlet",),
        ("title", "text"),
        ("-published", "id"),
        reviewable=False,
    ),
    "entities": Resource(
        Entity,
        "Entities",
        None,
        None,
        ("parent_id",),
        (),
        (),
        ("name", "aliases"),
        ("name",),
        reviewable=True,
    ),
    "figures": Resource(
        Figure,
        "Figures",
        "date_start",
        "date_end",
        ("place_id",),
        ("side_id", "source_id"),
        ("source_id", "source"),
        ("quote", "number_text", "source", "place", "side"),
        ("-date_start", "-id"),
    ),
    "events": Resource(
        Event,
        "Events",
        "date_start",
        "date_end",
        ("place_id",),
        ("actor1_id", "actor2_id"),
        (),
        ("quote", "place", "actor1", "actor2", "event_type", "sub_event_type"),
        ("-date_start", "-id"),
    ),
    "statements": Resource(
        Statement,
        "Statements",
        "date_start",
        None,
        (),
        ("speaker_id", "target_id"),
        ("speaker_id", "speaker"),
        ("quote", "speaker", "target"),
        ("-date_start", "-id"),
    ),
    "agreements": Resource(
        Agreement,
        "Agreements",
        "date",
        None,
        (),
        (),
        (),
        ("quote", "name", "parties"),
        ("-date", "-id"),
    ),
    "facility_impacts": Resource(
        FacilityImpact,
        "Facilities hit",
        "date_start",
        None,
        ("place_id",),
        (),
        (),
        ("quote", "facility", "facility_type"),
        ("-date_start", "-id"),
    ),
    "mentions": Resource(
        Mention,
        "Mentions",
        None,
        None,
        (),
        (),
        (),
        ("text", "quote"),
        ("document_id", "start"),
    ),
}

STATUS_FILTERS: dict[str, tuple[str, ...]] = {
    "": ("auto", "accepted", "edited"),  # default: everything except rejected items
    "all": ("auto", "accepted", "edited", "rejected"),
    "reviewed": ("accepted", "edited"),
    "auto": ("auto",),
    "accepted": ("accepted",),
    "edited": ("edited",),
    "rejected": ("rejected",),
}


@dataclass
class Filters:
    """Query filters shared by every listing (unknown to a table = ignored for it)."""

    since: str | None = None
    until: str | None = None
    place: str | None = None  # entity id: the place and everything inside it
    actor: str | None = None  # entity id
    measure: str | None = None
    source: str | None = None  # attribution actor id or text; for documents, the outlet
    status: str = ""  # review status: see STATUS_FILTERS
    document: str | None = None
    kind: str | None = None  # entity kind
    q: str | None = None  # substring search over the table's text columns
    limit: int = 50
    offset: int = 0

    def active(self) -> dict[str, Any]:
        """The filters that are set (for links and export calls)."""
        keys = ("since", "until", "place", "actor", "measure", "source", "status", "document", "kind", "q")
        return {k: getattr(self, k) for k in keys if getattr(self, k)}


@dataclass
class Page:
    items: list[Any]
    total: int
    limit: int
    offset: int
    filters: dict[str, Any] = field(default_factory=dict)


_ENUM_FIELDS: dict[Any, dict[str, type[enum.Enum]]] = {}


def _enum_fields(record: Any) -> dict[str, type[enum.Enum]]:
    if record in _ENUM_FIELDS:
        return _ENUM_FIELDS[record]
    hints = typing.get_type_hints(record)
    found: dict[str, type[enum.Enum]] = {}
    for f in dataclasses.fields(record):
        tp, _ = _unwrap_optional(hints[f.name])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            found[f.name] = tp
    _ENUM_FIELDS[record] = found
    return found


def typed(record: type[R], row: dict[str, Any]) -> R:
    """A record from a row, with enum columns turned back into their enum (unknown values kept as text)."""
    for name, enum_type in _enum_fields(record).items():
        value = row.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):  # unknown values stay text
                row[name] = enum_type(value)
    return record.from_dict(row)


def retyped(items: list[R]) -> list[R]:
    """Records read by ``Store`` methods (enum columns as text), with their enums restored in place."""
    for item in items:
        for name, enum_type in _enum_fields(type(item)).items():
            value = getattr(item, name)
            if isinstance(value, str) and not isinstance(value, enum.Enum):
                with contextlib.suppress(ValueError):
                    setattr(item, name, enum_type(value))
    return items


def entity_family(store: Store, entity_id: str) -> set[str]:
    """An entity and every entity merged into it."""
    table = TABLES["entities"]
    family, frontier = {entity_id}, {entity_id}
    with store.engine.connect() as conn:
        while frontier:
            rows = conn.execute(select(table.c.id).where(table.c.merged_into.in_(list(frontier)))).all()
            frontier = {r[0] for r in rows} - family
            family |= frontier
    return family


def places_within(store: Store, place_id: str) -> set[str]:
    """A place, every place whose ``parent_id`` chain leads to it, and the entities merged into them."""
    table = TABLES["entities"]
    found = entity_family(store, place_id)
    frontier = set(found)
    with store.engine.connect() as conn:
        while frontier:
            rows = conn.execute(select(table.c.id).where(table.c.parent_id.in_(list(frontier)))).all()
            new = {r[0] for r in rows} - found
            for ent_id in list(new):
                new |= entity_family(store, ent_id)
            new -= found
            found |= new
            frontier = new
    return found


def _period_end(iso: str) -> str:
    """The last day a partial ISO date can mean: ``2026-01`` -> ``2026-01-31``, ``2026`` -> ``2026-12-31``."""
    return iso + {4: "-12-31", 7: "-31"}.get(len(iso), "")


def _document_ids_mentioning(store: Store, entity_ids: set[str]) -> Select[Any]:
    mentions = TABLES["mentions"]
    return select(mentions.c.document_id).where(mentions.c.entity_id.in_(sorted(entity_ids)))


def _conditions(store: Store, name: str, filters: Filters) -> list[ColumnElement[bool]]:
    res = RESOURCES[name]
    table = TABLES[res.record.table]
    cond: list[ColumnElement[bool]] = []
    if res.date_start:
        start = table.c[res.date_start]
        end = func.coalesce(table.c[res.date_end], start) if res.date_end else start
        if filters.since:
            cond.append(and_(start.is_not(None), end >= filters.since))
        if filters.until:
            cond.append(and_(start.is_not(None), start <= _period_end(filters.until)))
    if filters.place:
        ids = sorted(places_within(store, filters.place))
        if res.place:
            cond.append(or_(*(table.c[c].in_(ids) for c in res.place)))
        elif name in ("documents", "statements", "agreements", "mentions"):
            column = table.c.id if name == "documents" else table.c.document_id
            cond.append(column.in_(_document_ids_mentioning(store, set(ids))))
    if filters.actor:
        ids = sorted(entity_family(store, filters.actor))
        if res.actor:
            cond.append(or_(*(table.c[c].in_(ids) for c in res.actor)))
        elif name == "agreements":
            cond.append(or_(*(_ilike(table.c.party_ids, i) for i in ids)))
        elif name in ("documents", "mentions"):
            column = table.c.id if name == "documents" else table.c.document_id
            cond.append(column.in_(_document_ids_mentioning(store, set(ids))))
    if filters.measure and name == "figures":
        cond.append(table.c.measure == filters.measure)
    if filters.source and res.source:
        family = sorted(entity_family(store, filters.source))
        parts: list[ColumnElement[bool]] = [table.c[c].in_(family) for c in res.source if c.endswith("_id")]
        parts += [_ilike(table.c[c], filters.source) for c in res.source if not c.endswith("_id")]
        cond.append(or_(*parts))
    if "review_status" in table.c:
        statuses = STATUS_FILTERS.get(filters.status)
        if statuses is None:
            raise ValueError(f"unknown review status filter {filters.status!r}")
        if filters.status == "":  # written as != so that SQLite can walk the listing's date index
            cond.append(table.c.review_status != "rejected")
        elif filters.status != "all":
            cond.append(table.c.review_status.in_(statuses))
    if filters.document and "document_id" in table.c:
        cond.append(table.c.document_id == filters.document)
    if name == "entities":
        cond.append(table.c.merged_into.is_(None))
        if filters.kind:
            cond.append(table.c.kind == filters.kind)
    if filters.q and res.text:  # through the text index when the store has one (same results either way)
        cond.append(text_condition(store, res.record.table, res.text, filters.q))
    return cond


def list_records(store: Store, name: str, filters: Filters) -> Page:
    """One page of a table's records, filtered, with the total count."""
    if name not in RESOURCES:
        raise KeyError(name)
    res = RESOURCES[name]
    table = TABLES[res.record.table]
    cond = _conditions(store, name, filters)
    limit = max(1, min(filters.limit, MAX_LIMIT))
    offset = max(0, filters.offset)
    order = [table.c[o.lstrip("-")].desc() if o.startswith("-") else table.c[o] for o in res.order_by]
    query = select(table).where(*cond).order_by(*order).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(table).where(*cond)).scalar_one())
        rows = conn.execute(query).all()
    items = [typed(res.record, dict(r._mapping)) for r in rows]
    return Page(items=items, total=total, limit=limit, offset=offset, filters=filters.active())


def entities_by_id(store: Store, ids: set[str]) -> dict[str, Entity]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {e.id: e for e in store.records(Entity, where={"id": sorted(ids)})}


def children(store: Store, entity_id: str) -> list[Entity]:
    """Entities whose parent is this one (places inside a place, units of an organisation)."""
    return [
        e for e in store.records(Entity, where={"parent_id": entity_id}, order_by="name") if not e.merged_into
    ]


def search(store: Store, q: str, limit: int = 20) -> dict[str, Page]:
    """Substring search over documents and every kind of item."""
    results: dict[str, Page] = {}
    if not q.strip():
        return results
    for name in (
        "documents",
        "entities",
        "figures",
        "events",
        "statements",
        "agreements",
        "facility_impacts",
    ):
        results[name] = list_records(store, name, Filters(q=q.strip(), limit=limit))
    return results


def resolve_entity_ref(store: Store, ref: str, kind: str) -> str | None:
    """An entity id from what a user typed: an id, else a name or alias of that kind (case-insensitive)."""
    table = TABLES["entities"]
    with store.engine.connect() as conn:
        if conn.execute(select(table.c.id).where(table.c.id == ref)).first():
            return ref
        named = conn.execute(
            select(table.c.id)
            .where(table.c.kind == kind, func.lower(table.c.name) == ref.strip().lower())
            .order_by(table.c.merged_into.is_not(None), table.c.id)
        ).first()
    if named:
        return str(named[0])
    key = ref.strip().lower()
    for ent in store.records(Entity, where={"kind": kind}):
        if any(a.lower() == key for a in ent.aliases):
            return ent.id
    return None
