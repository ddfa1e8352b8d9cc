"""Human review: accept, edit or reject an extracted item; merge two entities.

Every decision is stored as a ``Review`` (who, when, before, after) and the item keeps its new
``review_status`` and ``reviewed_by``; ``Store.save`` never overwrites reviewed items when extraction re-runs.
Merged entities keep their row with ``merged_into`` set; readers follow it (``canonical_entity``).
"""

from __future__ import annotations

import dataclasses
import enum
import json
import typing
from datetime import UTC, datetime
from typing import Any

from fogline.schema import RECORD_BY_TABLE, Claim, Entity, Record, Review, ReviewStatus, User, make_id
from fogline.store import Store
from fogline.store.tables import _unwrap_optional

# Provenance and bookkeeping fields a reviewer cannot edit.
PROTECTED_FIELDS = frozenset(
    {"id", "document_id", "start", "end", "quote", "extractor", "review_status", "reviewed_by", "merged_into"}
)
REVIEWABLE_TABLES: tuple[str, ...] = (
    "figures",
    "events",
    "statements",
    "agreements",
    "facility_impacts",
    "mentions",
    "entities",
)


_ACTION = {ReviewStatus.ACCEPTED: "accept", ReviewStatus.EDITED: "edit", ReviewStatus.REJECTED: "reject"}


class ReviewError(ValueError):
    """A review action cannot be applied (unknown table or item, bad field or value)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _user_name(user: str | User) -> str:
    name = user.name if isinstance(user, User) else str(user)
    if not name:
        raise ReviewError("a review needs a user")
    return name


def record_type(table: str) -> type[Record]:
    if table not in REVIEWABLE_TABLES:
        raise ReviewError(f"cannot review {table!r}: choose one of {', '.join(REVIEWABLE_TABLES)}")
    return RECORD_BY_TABLE[table]


def _load(store: Store, table: str, item_id: str) -> Record:
    item = store.get(record_type(table), item_id)
    if item is None:
        raise ReviewError(f"no {table} item {item_id!r}")
    return item


def _plain(item: Record) -> dict[str, Any]:
    return json.loads(json.dumps(item.to_dict(), default=str))


def editable_fields(table: str) -> list[str]:
    """The fields of a table a reviewer may change, in declaration order."""
    return [f.name for f in dataclasses.fields(record_type(table)) if f.name not in PROTECTED_FIELDS]


def coerce_value(record: type[Record], name: str, value: Any) -> Any:
    """Turn a form or JSON value into the declared type of ``record.name`` (ReviewError when it can't)."""
    hints = typing.get_type_hints(record)
    if name not in hints or name in PROTECTED_FIELDS or name == "table":
        raise ReviewError(f"{record.table} has no editable field {name!r}")
    tp, optional = _unwrap_optional(hints[name])
    if isinstance(value, str):
        value = value.strip()
        if value == "" and optional:
            return None
    if value is None:
        if optional:
            return None
        raise ReviewError(f"{name} cannot be empty")
    origin = typing.get_origin(tp) or tp
    try:
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return tp(value).value
        if tp is bool:
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes", "on"}
        if tp is int:
            if isinstance(value, bool):
                raise ValueError
            return int(str(value).replace(",", "")) if isinstance(value, str) else int(value)
        if tp is float:
            return float(value)
        if origin is list:
            if isinstance(value, str):
                value = json.loads(value) if value.startswith("[") else [v.strip() for v in value.split(",")]
            return [str(v) for v in value if str(v)]
        if origin is dict:
            value = json.loads(value) if isinstance(value, str) else value
            if not isinstance(value, dict):
                raise ValueError
            return value
        return str(value)
    except (ValueError, TypeError) as exc:
        raise ReviewError(f"invalid value for {name}: {value!r}") from exc


def _record_review(
    store: Store,
    table: str,
    item_id: str,
    action: str,
    user: str,
    before: dict[str, Any],
    after: dict[str, Any],
) -> Review:
    at = _now()
    review = Review(
        id=make_id("review", table, item_id, action, user, at, after),
        item_table=table,
        item_id=item_id,
        action=action,
        user=user,
        at=at,
        before=before,
        after=after,
    )
    store.put(review)
    return review


def _decide(
    store: Store, table: str, item_id: str, user: str | User, status: ReviewStatus, changes: dict[str, Any]
) -> Review:
    name = _user_name(user)
    item = _load(store, table, item_id)
    record = type(item)
    before = _plain(item)
    values = {key: coerce_value(record, key, value) for key, value in changes.items()}
    for key, value in values.items():
        setattr(item, key, value)
    if isinstance(item, Claim):
        item.review_status = status
        item.reviewed_by = name
    elif status == ReviewStatus.REJECTED:
        raise ReviewError("entities are merged or edited, not rejected")
    else:
        item.origin = "review"  # type: ignore[attr-defined]
    store.put(item)
    return _record_review(store, table, item_id, _ACTION[status], name, before, _plain(item))


def accept(store: Store, table: str, item_id: str, user: str | User) -> Review:
    """Mark an item as checked and correct as extracted."""
    return _decide(store, table, item_id, user, ReviewStatus.ACCEPTED, {})


def edit(store: Store, table: str, item_id: str, changes: dict[str, Any], user: str | User) -> Review:
    """Correct fields of an item; the corrected values are written to the item row."""
    if not changes:
        raise ReviewError("nothing to change")
    return _decide(store, table, item_id, user, ReviewStatus.EDITED, changes)


def reject(store: Store, table: str, item_id: str, user: str | User) -> Review:
    """Mark an item as wrong: kept for the record, left out of tallies and listings by default."""
    return _decide(store, table, item_id, user, ReviewStatus.REJECTED, {})


def canonical_entity(store: Store, entity_id: str) -> Entity | None:
    """The entity, following ``merged_into`` links to the one that was kept."""
    seen: set[str] = set()
    entity = store.get(Entity, entity_id)
    while entity is not None and entity.merged_into and entity.id not in seen:
        seen.add(entity.id)
        nxt = store.get(Entity, entity.merged_into)
        if nxt is None:
            break
        entity = nxt
    return entity


def merge_entities(store: Store, keep_id: str, merge_id: str, user: str | User) -> Review:
    """Merge ``merge_id`` into ``keep_id``: its name and aliases become aliases of the kept entity."""
    name = _user_name(user)
    keep = canonical_entity(store, keep_id)
    merge = store.get(Entity, merge_id)
    if keep is None or merge is None:
        raise ReviewError("both entities must exist")
    if keep.id == merge.id or merge.merged_into:
        raise ReviewError("these entities are already merged")
    if keep.kind != merge.kind:
        raise ReviewError(f"cannot merge a {merge.kind} into a {keep.kind}")
    before = {"keep": _plain(keep), "merge": _plain(merge)}
    keep.aliases = sorted({*keep.aliases, merge.name, *merge.aliases} - {keep.name})
    for attr in ("latitude", "longitude", "country", "parent_id", "type"):
        if getattr(keep, attr) is None and getattr(merge, attr) is not None:
            setattr(keep, attr, getattr(merge, attr))
    merge.merged_into = keep.id
    store.put(keep)
    store.put(merge)
    after = {"keep": _plain(keep), "merge": _plain(merge)}
    return _record_review(store, "entities", merge.id, "merge", name, before, after)


def history(store: Store, table: str, item_id: str) -> list[Review]:
    """Every review of one item, oldest first."""
    return store.records(Review, where={"item_table": table, "item_id": item_id}, order_by="at")
