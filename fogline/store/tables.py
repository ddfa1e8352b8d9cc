"""SQLAlchemy tables derived from ``fogline.schema``: one table per record, one column per field."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.types import TypeEngine

from fogline.schema import RECORDS, Claim, Record

metadata = MetaData()

# Short string columns get an indexable VARCHAR; free text gets TEXT.
_TEXT_FIELDS = {"text", "quote", "title", "url", "path", "name", "number_text", "source", "side", "place"}
_INDEXED_FIELDS = {
    "document_id",
    "entity_id",
    "measure",
    "kind",
    "event_type",
    "review_status",
    "content_hash",
    "simhash",
    "published",
    "place_id",
    "source_id",
    "speaker_id",
    "item_id",
}


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], len(args) != len(typing.get_args(tp))
    return tp, False


def column_type(name: str, tp: Any) -> TypeEngine[Any]:
    """The column type for a declared field type."""
    origin = typing.get_origin(tp)
    if origin in (list, dict) or tp in (list, dict):
        return JSON()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return String(32)
    if tp is bool:
        return Boolean()
    if tp is int:
        return Integer()
    if tp is float:
        return Float()
    if name in _TEXT_FIELDS:
        return Text()
    return String(255)


def _table_for(record: type[Record]) -> Table:
    hints = typing.get_type_hints(record)
    columns: list[Column[Any]] = []
    for f in dataclasses.fields(record):
        tp, optional = _unwrap_optional(hints[f.name])
        col_type = column_type(f.name, tp)
        if f.name == "id":
            columns.append(Column("id", String(64), primary_key=True))
            continue
        columns.append(Column(f.name, col_type, nullable=optional or isinstance(col_type, JSON | Text)))
    table = Table(record.table, metadata, *columns)
    for f in dataclasses.fields(record):
        if f.name in _INDEXED_FIELDS:
            Index(f"ix_{record.table}_{f.name}", table.c[f.name])
    return table


TABLES: dict[str, Table] = {record.table: _table_for(record) for record in RECORDS}

migrations_table = Table(
    "schema_migrations",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

settings_table = Table(
    "fogline_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def is_claim_table(name: str) -> bool:
    from fogline.schema import RECORD_BY_TABLE

    return issubclass(RECORD_BY_TABLE[name], Claim)
