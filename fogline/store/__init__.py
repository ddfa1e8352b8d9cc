"""The store: SQLite by default, PostgreSQL with the same code.

Each document is written with all its extracted items in one transaction. Items a human has reviewed are
never overwritten by a re-run of extraction.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select
from sqlalchemy.engine import make_url

from fogline.schema import (
    CLAIM_RECORDS,
    Document,
    Entity,
    Extraction,
    Record,
    ReviewStatus,
)
from fogline.store.migrations import migrate
from fogline.store.tables import TABLES

R = TypeVar("R", bound=Record)

DEFAULT_URL = "sqlite:///fogline.db"


class StoreError(Exception):
    """The database cannot be opened or used."""


class StoreMissing(StoreError):
    """The SQLite database file (or its folder) does not exist and was not to be created."""


def _check_sqlite_file(path: Path, *, must_exist: bool, make_dirs: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if path.exists():
        return
    if must_exist:
        raise StoreMissing(f"database {path} does not exist")
    if not path.parent.is_dir():
        if not make_dirs:
            raise StoreMissing(f"folder {path.parent} does not exist (for the database {path})")
        path.parent.mkdir(parents=True, exist_ok=True)


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``FOGLINE_DB``, else ``./fogline.db``.

    A bare file path is accepted and turned into a SQLite URL; ``postgresql://`` uses psycopg 3.
    """
    raw = url or os.environ.get("FOGLINE_DB") or DEFAULT_URL
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser()}"
    if raw.startswith("postgresql://") or raw.startswith("postgres://"):
        raw = "postgresql+psycopg://" + raw.split("://", 1)[1]
    return raw


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _row_to_record(record: type[R], row: Any) -> R:
    return record.from_dict(dict(row._mapping))


def _record_values(item: Record) -> dict[str, Any]:
    values = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        values[f.name] = value.value if hasattr(value, "value") and not isinstance(value, str) else value
    return values


@dataclass
class SaveResult:
    document_id: str
    created: bool  # False when the document was already stored (only its extraction was refreshed)
    items: int


class Store:
    """Access to one Fogline database."""

    def __init__(
        self, url: str | None = None, *, create: bool = True, must_exist: bool = False, make_dirs: bool = True
    ) -> None:
        """Open the database; ``create`` applies pending migrations (creating the tables of a new one).

        For a SQLite file: ``must_exist`` refuses a file that does not exist yet (``StoreMissing``);
        ``make_dirs=False`` refuses to create a missing parent folder.
        """
        self.url = resolve_url(url)
        try:
            parsed = make_url(self.url)
        except Exception as exc:  # sqlalchemy raises ArgumentError for malformed URLs
            raise StoreError(f"invalid database URL {url!r}: {exc}") from exc
        kwargs: dict[str, Any] = {"future": True}
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:":
                _check_sqlite_file(Path(database), must_exist=must_exist, make_dirs=make_dirs)
            else:
                from sqlalchemy.pool import StaticPool

                kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        self.engine: Engine = create_engine(self.url, **kwargs)
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if create:
            try:
                migrate(self.engine)
            except Exception as exc:
                shown = parsed.render_as_string(hide_password=True)
                raise StoreError(f"cannot open database {shown}: {exc}") from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # -- documents ---------------------------------------------------------------------------------

    def find_document_by_hash(self, content_hash: str) -> Document | None:
        table = TABLES["documents"]
        with self.engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.content_hash == content_hash)).first()
        return _row_to_record(Document, row) if row else None

    def simhashes(self) -> list[tuple[str, str]]:
        """(document id, simhash) for every stored document, for near-duplicate detection."""
        table = TABLES["documents"]
        with self.engine.connect() as conn:
            rows = conn.execute(select(table.c.id, table.c.simhash).where(table.c.simhash != "")).all()
        return [(r[0], r[1]) for r in rows]

    # -- writing -----------------------------------------------------------------------------------

    def save(self, extraction: Extraction) -> SaveResult:
        """Write a document and everything extracted from it, in one transaction.

        The document row is inserted once (ids are content hashes) and its metadata refreshed after.
        Automatic items of the document are replaced; reviewed items stay as the reviewer left them.
        """
        doc = extraction.document
        docs = TABLES["documents"]
        with self.engine.begin() as conn:
            exists = conn.execute(select(docs.c.id).where(docs.c.id == doc.id)).first() is not None
            values = _record_values(doc)
            if exists:
                conn.execute(docs.update().where(docs.c.id == doc.id).values(**values))
            else:
                conn.execute(docs.insert().values(**values))
            self._upsert_entities(conn, extraction.entities)
            count = 0
            claims = extraction.claims()
            for record in CLAIM_RECORDS:
                table = TABLES[record.table]
                if exists:  # items are only ever written with their document: a new one has none to replace
                    conn.execute(
                        delete(table).where(
                            table.c.document_id == doc.id, table.c.review_status == ReviewStatus.AUTO.value
                        )
                    )
                items = [c for c in claims if isinstance(c, record) and type(c) is record]
                if not items:
                    continue
                kept: set[str] = set()
                if exists:
                    query = select(table.c.id).where(table.c.document_id == doc.id)
                    kept = {r[0] for r in conn.execute(query).all()}
                rows, seen = [], set(kept)
                for item in items:
                    if item.id in seen:
                        continue
                    seen.add(item.id)
                    rows.append(_record_values(item))
                if rows:
                    conn.execute(table.insert(), rows)
                count += len(rows)
        return SaveResult(document_id=doc.id, created=not exists, items=count)

    def upsert_entities(self, entities: Iterable[Entity]) -> None:
        with self.engine.begin() as conn:
            self._upsert_entities(conn, list(entities))

    def _upsert_entities(self, conn: Connection, entities: Sequence[Entity]) -> None:
        if not entities:
            return
        table = TABLES["entities"]
        unique: dict[str, Entity] = {}
        for ent in entities:
            if ent.id in unique:
                merged = unique[ent.id]
                merged.aliases = sorted(set(merged.aliases) | set(ent.aliases))
            else:
                unique[ent.id] = ent
        ids = list(unique)
        existing: dict[str, list[str]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for row in conn.execute(select(table.c.id, table.c.aliases).where(table.c.id.in_(chunk))):
                existing[row[0]] = list(row[1] or [])
        new_rows = []
        for ent_id, ent in unique.items():
            if ent_id in existing:
                aliases = sorted(set(existing[ent_id]) | set(ent.aliases))
                if aliases != sorted(existing[ent_id]):
                    conn.execute(table.update().where(table.c.id == ent_id).values(aliases=aliases))
            else:
                new_rows.append(_record_values(ent))
        if new_rows:
            conn.execute(table.insert(), new_rows)

    def put(self, item: Record) -> None:
        """Insert or replace one record (reviews, users, edited items)."""
        table = TABLES[item.table]
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.id == item.id))
            conn.execute(table.insert().values(**_record_values(item)))

    def delete(self, record: type[Record], item_id: str) -> None:
        table = TABLES[record.table]
        with self.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.id == item_id))

    # -- reading -----------------------------------------------------------------------------------

    def get(self, record: type[R], item_id: str) -> R | None:
        table = TABLES[record.table]
        with self.engine.connect() as conn:
            row = conn.execute(select(table).where(table.c.id == item_id)).first()
        return _row_to_record(record, row) if row else None

    def find_document(self, prefix: str) -> Document | None:
        """A document by id, or by a unique id prefix of at least 4 characters."""
        found = self.get(Document, prefix)
        if found or len(prefix) < 4:
            return found
        table = TABLES["documents"]
        with self.engine.connect() as conn:
            rows = conn.execute(select(table).where(table.c.id.like(f"{prefix}%")).limit(2)).all()
        return _row_to_record(Document, rows[0]) if len(rows) == 1 else None

    def records(
        self,
        record: type[R],
        *,
        where: dict[str, Any] | None = None,
        order_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[R]:
        """Records of one type, filtered by equality on fields (a list value means "any of")."""
        table = TABLES[record.table]
        query = select(table)
        for key, value in (where or {}).items():
            column = table.c[key]
            if isinstance(value, list | tuple | set):
                query = query.where(column.in_(list(value)))
            elif value is None:
                query = query.where(column.is_(None))
            else:
                query = query.where(column == value)
        if order_by:
            desc = order_by.startswith("-")
            column = table.c[order_by.lstrip("-")]
            query = query.order_by(column.desc() if desc else column, table.c.id)
        else:
            query = query.order_by(table.c.id)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_row_to_record(record, row) for row in rows]

    def count(self, record: type[Record], where: dict[str, Any] | None = None) -> int:
        table = TABLES[record.table]
        query = select(func.count()).select_from(table)
        for key, value in (where or {}).items():
            query = query.where(table.c[key] == value)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def extraction(self, document_id: str) -> Extraction | None:
        """A stored document with every item extracted from it."""
        doc = self.get(Document, document_id)
        if doc is None:
            return None
        result = Extraction(document=doc)
        for record in CLAIM_RECORDS:
            setattr(result, record.table, self.records(record, where={"document_id": document_id}))
        return result


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at ``url`` / ``FOGLINE_DB`` / ``./fogline.db``.

    A SQLite file is created when ``create`` is true, but only in a folder that exists; with
    ``create=False`` it must exist already. Both refusals raise ``StoreMissing`` naming the path.
    """
    return Store(url, must_exist=not create, make_dirs=False)
