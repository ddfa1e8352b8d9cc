"""The store on SQLite and PostgreSQL: content-hash ids, one transaction per document, reviewed items kept,
migrations from an older database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import BACKENDS, PG_URL
from sqlalchemy import inspect

from fogline.ingest.normalize import document_from_text
from fogline.schema import Entity, EntityKind, Extraction, Figure, ReviewStatus
from fogline.store import Store
from fogline.store.migrations import LISTING_INDEXES, index_name, migrate
from fogline.store.search import SEARCH_COLUMNS, indexed_columns
from fogline.store.tables import TABLES, metadata
from fogline.web.queries import Filters, list_records


def _extraction(text: str, figures: int = 2) -> Extraction:
    doc = document_from_text(text)
    figs = [
        Figure(id=f"{doc.id}-f{i}", document_id=doc.id, low=i + 1, start=i, end=i + 1) for i in range(figures)
    ]
    ent = Entity(id="ent-1", kind=EntityKind.PLACE, name="Townsville", aliases=["Town"])
    return Extraction(document=doc, figures=figs, entities=[ent])


def test_same_document_twice_is_stored_once(store: Store) -> None:
    first = store.save(_extraction("Five people were hurt in the market fire."))
    second = store.save(_extraction("Five people were hurt in the market fire."))
    assert first.created and not second.created
    assert store.count(Figure) == 2


def test_reviewed_item_survives_re_extraction(store: Store) -> None:
    ext = _extraction("A convoy was struck near the bridge; three drivers died.")
    store.save(ext)
    fig = store.records(Figure)[0]
    fig.review_status = ReviewStatus.EDITED
    fig.low = 4
    store.put(fig)
    store.save(_extraction("A convoy was struck near the bridge; three drivers died."))
    kept = store.get(Figure, fig.id)
    assert kept is not None and kept.low == 4 and kept.review_status == "edited"
    assert store.count(Figure) == 2


def test_entity_aliases_are_merged(store: Store) -> None:
    store.upsert_entities([Entity(id="e", name="Harbour City", aliases=["Harbor City"])])
    store.upsert_entities([Entity(id="e", name="Harbour City", aliases=["Port"])])
    ent = store.get(Entity, "e")
    assert ent is not None and sorted(ent.aliases) == ["Harbor City", "Port"]


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    ext = _extraction("Shelling hit the water station overnight.")
    ext.figures.append(Figure(id=ext.figures[0].id + "x", document_id=ext.document.id, low=None))  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error differs per backend
        store.save(ext)
    assert store.count(Figure) == 0
    assert store.get(type(ext.document), ext.document.id) is None


# -- migrations --------------------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def store_at_0003(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A database as fogline left it at migration 0003 (before the listing and search indexes)."""
    url = PG_URL if request.param == "postgresql" else "sqlite:///:memory:"
    s = Store(url, create=False)
    metadata.drop_all(s.engine)
    assert migrate(s.engine, upto="0003_settings") == ["0001_initial", "0002_report_runs", "0003_settings"]
    yield s
    s.close()


def _index_names(store: Store) -> set[str]:
    inspector = inspect(store.engine)
    return {ix["name"] for table in inspector.get_table_names() for ix in inspector.get_indexes(table)}


def test_a_store_at_0003_is_migrated_and_gets_the_listing_indexes(store_at_0003: Store) -> None:
    store_at_0003.save(_extraction("Floodwater cut the road to the clinic; two nurses were stranded."))
    wanted = {index_name(table, columns) for table, columns in LISTING_INDEXES}
    assert not wanted & _index_names(store_at_0003)
    applied = migrate(store_at_0003.engine)
    assert applied[:2] == ["0004_listing_indexes", "0005_search_indexes"]
    assert wanted <= _index_names(store_at_0003)
    assert migrate(store_at_0003.engine) == []  # recorded: nothing to do the second time
    assert store_at_0003.count(Figure) == 2  # the data came through
    # the text index was filled from the rows already there (SQLite FTS5; pg_trgm when the server has it)
    if store_at_0003.dialect == "sqlite":
        assert indexed_columns(store_at_0003)["documents"] == SEARCH_COLUMNS["documents"]
    found = list_records(store_at_0003, "documents", Filters(q="two NURSES were"))
    assert found.total == 1 and found.items[0].text.startswith("Floodwater")


def test_every_new_store_has_the_listing_indexes(store: Store) -> None:
    wanted = {index_name(table, columns) for table, columns in LISTING_INDEXES}
    assert wanted <= _index_names(store)
    for table, columns in LISTING_INDEXES:
        assert set(columns) <= set(TABLES[table].c.keys()), (table, columns)


def test_migrate_refuses_an_unknown_target(sqlite_store: Store) -> None:
    with pytest.raises(KeyError):
        migrate(sqlite_store.engine, upto="9999_nothing")
