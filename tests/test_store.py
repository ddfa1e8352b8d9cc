"""The store on SQLite and PostgreSQL: content-hash ids, one transaction per document, reviewed items kept."""

from __future__ import annotations

import pytest

from fogline.ingest.normalize import document_from_text
from fogline.schema import Entity, EntityKind, Extraction, Figure, ReviewStatus
from fogline.store import Store


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
