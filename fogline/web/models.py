"""API response models, built from the ``fogline.schema`` dataclasses (never written by hand)."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel, create_model

from fogline.schema import (
    Agreement,
    Document,
    Entity,
    Event,
    FacilityImpact,
    Figure,
    Mention,
    Record,
    Review,
    Statement,
    User,
)

_create: Any = create_model  # field types are only known at run time
_PAGE_MODELS: dict[Any, type[BaseModel]] = {}


def page_model(record: Any) -> type[BaseModel]:
    """``{items: [record], total, limit, offset, filters}`` for one record type (one model per type)."""
    if record not in _PAGE_MODELS:
        _PAGE_MODELS[record] = _create(
            f"{record.__name__}Page",
            items=(list_model(record), ...),
            total=(int, ...),
            limit=(int, ...),
            offset=(int, ...),
            filters=(dict[str, Any], {}),
        )
    return _PAGE_MODELS[record]


def list_model(record: Any) -> Any:
    """``list[record]`` for a record type known only at run time."""
    return list[record]


def _model(name: str, **fields: Any) -> type[BaseModel]:
    model: type[BaseModel] = _create(name, **{k: (v, ...) for k, v in fields.items()})
    return model


DocumentDetail = _model(
    "DocumentDetail",
    document=Document,
    entities=list[Entity],
    mentions=list[Mention],
    figures=list[Figure],
    events=list[Event],
    statements=list[Statement],
    agreements=list[Agreement],
    facility_impacts=list[FacilityImpact],
)

EntityDetail = _model(
    "EntityDetail",
    entity=Entity,
    parent=Entity | None,
    children=list[Entity],
    merged=list[Entity],
    figures=page_model(Figure),
    events=page_model(Event),
    statements=page_model(Statement),
    facility_impacts=page_model(FacilityImpact),
)

SearchResults = _model(
    "SearchResults",
    q=str,
    documents=page_model(Document),
    entities=page_model(Entity),
    figures=page_model(Figure),
    events=page_model(Event),
    statements=page_model(Statement),
    agreements=page_model(Agreement),
    facility_impacts=page_model(FacilityImpact),
)


@dataclasses.dataclass
class PublicUser:
    """A user as the API shows it: no hashes."""

    name: str
    role: str
    created_at: str

    @classmethod
    def of(cls, user: User) -> PublicUser:
        return cls(name=user.name, role=user.role, created_at=user.created_at)


class ReviewAction(BaseModel):
    """Body of ``POST /api/review/{table}/{item_id}``."""

    action: str  # accept, edit, reject
    changes: dict[str, Any] = {}


class MergeAction(BaseModel):
    keep_id: str
    merge_id: str


ReviewModel: type[Any] = Review
RECORD_MODELS: dict[str, type[Record]] = {
    r.table: r for r in (Document, Entity, Mention, Figure, Event, Statement, Agreement, FacilityImpact)
}
