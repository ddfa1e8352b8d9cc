"""Finding stored documents: by id prefix, by outlet, date range and word, with their item counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from fogline.ingest.normalize import normalize_date
from fogline.schema import CLAIM_RECORDS, Document
from fogline.store import Store
from fogline.store.search import text_condition
from fogline.store.tables import TABLES

MIN_PREFIX = 4


class DocumentNotFound(LookupError, ValueError):
    """No stored document matches the id or prefix (or several do)."""


@dataclass
class DocumentRow:
    """A document without its text, with the number of items of each kind extracted from it."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    published_inferred: bool
    url: str | None
    path: str | None
    source_format: str
    near_duplicate_of: str | None
    length: int
    counts: dict[str, int] = field(default_factory=dict)


def resolve_document(store: Store, ref: str) -> Document:
    """The document with id ``ref``, or the only one whose id starts with ``ref`` (4+ characters)."""
    ref = ref.strip()
    found = store.get(Document, ref)
    if found:
        return found
    if len(ref) < MIN_PREFIX:
        raise DocumentNotFound(f"no document {ref!r} (give the id or {MIN_PREFIX}+ of its first characters)")
    table = TABLES["documents"]
    escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    with store.engine.connect() as conn:
        query = select(table.c.id).where(table.c.id.like(f"{escaped}%", escape="\\")).limit(3)
        ids = conn.execute(query).all()
    if not ids:
        raise DocumentNotFound(f"no document with an id starting {ref!r}")
    if len(ids) > 1:
        raise DocumentNotFound(f"{ref!r} matches several documents; give more of the id")
    doc = store.get(Document, ids[0][0])
    assert doc is not None
    return doc


def all_document_ids(store: Store) -> list[str]:
    table = TABLES["documents"]
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(table.c.id).order_by(table.c.ingested_at, table.c.id))]


def item_counts(store: Store, document_ids: list[str]) -> dict[str, dict[str, int]]:
    """``{document id: {table: count}}`` for every claim table."""
    counts: dict[str, dict[str, int]] = {doc_id: {} for doc_id in document_ids}
    if not document_ids:
        return counts
    with store.engine.connect() as conn:
        for record in CLAIM_RECORDS:
            table = TABLES[record.table]
            query = (
                select(table.c.document_id, func.count())
                .where(table.c.document_id.in_(document_ids))
                .group_by(table.c.document_id)
            )
            for doc_id, n in conn.execute(query):
                counts[doc_id][record.table] = int(n)
    for per_doc in counts.values():
        for record in CLAIM_RECORDS:
            per_doc.setdefault(record.table, 0)
    return counts


def _day(value: str, option: str) -> str:
    day = normalize_date(value)
    if day is None:
        raise ValueError(f"cannot read the --{option} date {value!r} (use YYYY-MM-DD)")
    return day


def list_documents(
    store: Store,
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[DocumentRow]:
    """Stored documents, newest publication first (undated last), filtered; ``since``/``until`` inclusive.

    ``outlet`` matches case-insensitively; ``search`` is a case-insensitive substring of title or text.
    """
    table = TABLES["documents"]
    query = select(
        table.c.id,
        table.c.title,
        table.c.outlet,
        table.c.published,
        table.c.published_inferred,
        table.c.url,
        table.c.path,
        table.c.source_format,
        table.c.near_duplicate_of,
        func.length(table.c.text),
    )
    if outlet:
        query = query.where(func.lower(table.c.outlet) == outlet.lower())
    if since:
        query = query.where(table.c.published >= _day(since, "since"))
    if until:
        query = query.where(table.c.published <= _day(until, "until"))
    if search:
        query = query.where(text_condition(store, "documents", ("title", "text"), search))
    query = query.order_by(table.c.published.desc().nulls_last(), table.c.ingested_at.desc(), table.c.id)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    docs = [
        DocumentRow(
            id=r[0],
            title=r[1],
            outlet=r[2],
            published=r[3],
            published_inferred=bool(r[4]),
            url=r[5],
            path=r[6],
            source_format=r[7],
            near_duplicate_of=r[8],
            length=int(r[9] or 0),
        )
        for r in rows
    ]
    counts = item_counts(store, [d.id for d in docs])
    for doc in docs:
        doc.counts = counts[doc.id]
    return docs
