"""Search through the store's text indexes (SQLite FTS5 trigram, PostgreSQL pg_trgm): the same items, in the
same order, with the same totals as the plain scan; indexes follow every write; the index is really used."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import fogline.store.search as store_search
from fogline.schema import (
    Agreement,
    Document,
    Entity,
    EntityKind,
    Event,
    Extraction,
    FacilityImpact,
    Figure,
    ReviewStatus,
    Statement,
    make_id,
)
from fogline.store import Store
from fogline.store.search import SEARCH_COLUMNS, indexed_columns, like_pattern, text_condition
from fogline.store.tables import TABLES
from fogline.web.queries import RESOURCES, Filters, list_records, search

TEXTS = [
    (
        "Drone strikes on the river port",
        "Drone strikes hit the river port of Nyala overnight; medics from Médecins Sans Frontières said 14 "
        "people were killed and about 50% of the warehouses burned.",
    ),
    (
        "Shelling in the old quarter",
        "SHELLING resumed in the old quarter at dawn. The regional governor's office said 3 children died; "
        'a volunteer group called it "the worst night since March". File ref: under_score 7.',
    ),
    (
        "Aid convoy reaches the camp",
        "An aid convoy reached the displacement camp near the border after a ceasefire of two days; "
        "UNHCR counted 2,300 new arrivals, among them families from Øksendal street.",
    ),
]


def _claim(cls: type[Any], doc: Document, n: int, **fields: Any) -> Any:
    return cls(
        id=make_id(doc.id, cls.table, n),
        document_id=doc.id,
        start=n,
        end=n + 5,
        extractor="test.search",
        confidence=0.9,
        **fields,
    )


def _fill(store: Store) -> list[Extraction]:
    saved = []
    for i, (title, text) in enumerate(TEXTS):
        doc = Document(
            id=f"doc-{i}", title=title, text=text, published=f"2025-0{i + 1}-1{i}", content_hash=f"h{i}"
        )
        sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
        ext = Extraction(
            document=doc,
            entities=[
                Entity(
                    id=f"place-{i}", kind=EntityKind.PLACE, name=title.split()[-1], aliases=[f"Alias {i}"]
                ),
                Entity(id=f"org-{i}", kind=EntityKind.ACTOR, name=f"Group {i}", aliases=["Médecins", "MSF"]),
            ],
            figures=[
                _claim(
                    Figure,
                    doc,
                    n,
                    quote=s,
                    low=n + 1,
                    number_text=str(n + 1),
                    source=["UNHCR", "the governor's office", None][n % 3],
                    place=title.split()[-1],
                    date_start=f"2025-0{i + 1}-0{n + 1}",
                )
                for n, s in enumerate(sentences)
            ],
            events=[
                _claim(
                    Event, doc, 90, quote=sentences[0], event_type="Explosions/Remote violence", actor1="RSF"
                )
            ],
            statements=[_claim(Statement, doc, 91, quote=sentences[-1], speaker="Regional Governor")],
            agreements=[
                _claim(Agreement, doc, 92, quote=sentences[0], name="Two-day truce", parties=["A", "B"])
            ],
            facility_impacts=[_claim(FacilityImpact, doc, 93, quote=sentences[0], facility="River port")],
        )
        store.save(ext)
        saved.append(ext)
    return saved


QUERIES = [
    "the",  # nearly everything
    "shelling",
    "SHELLING",
    "Drone strikes",
    "médecins",
    "MÉDECINS",  # SQLite compares non-ASCII letters exactly, PostgreSQL folds them: either way, like a scan
    "50%",  # LIKE wildcards are plain characters
    "under_score",
    '"the worst',  # quotes inside the query
    "governor's",
    "MSF",
    "Øksendal",
    "2,300",
    "ab",  # under 3 characters: always a scan
    "x",
    "zebra crossing",  # nothing
    "Explosions/Remote",
    "Alias 1",  # a JSON list column
]


def _shape(pages: dict[str, Any]) -> dict[str, tuple[list[str], int]]:
    return {name: ([item.id for item in page.items], page.total) for name, page in pages.items()}


def test_indexed_search_finds_what_a_scan_finds(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(store)
    indexed = {q: _shape(search(store, q)) for q in QUERIES}
    listings = {
        (name, q): _shape({name: list_records(store, name, Filters(q=q, limit=2, offset=1))})
        for name in ("documents", "figures", "entities")
        for q in QUERIES
    }
    monkeypatch.setattr(store_search, "indexed_columns", lambda _store: {})
    assert indexed == {q: _shape(search(store, q)) for q in QUERIES}
    assert listings == {
        (name, q): _shape({name: list_records(store, name, Filters(q=q, limit=2, offset=1))})
        for name in ("documents", "figures", "entities")
        for q in QUERIES
    }
    # and the scan is right: spot checks written out by hand
    assert indexed["shelling"]["documents"] == (["doc-1"], 1)
    assert indexed["50%"]["figures"][1] == 1 and indexed["under_score"]["figures"][1] == 1
    assert indexed["zebra crossing"] == {name: ([], 0) for name in indexed["zebra crossing"]}
    assert indexed["Alias 1"]["entities"] == (["place-1"], 1)
    assert indexed["MSF"]["entities"][1] == 3


def test_the_index_follows_every_write(store: Store) -> None:
    first = _fill(store)[1]
    assert list_records(store, "figures", Filters(q="loitering munition")).total == 0
    assert list_records(store, "figures", Filters(q="3 children died")).total == 1
    figure = first.figures[0]
    figure.quote = "A loitering munition struck the port crane."
    figure.review_status = ReviewStatus.EDITED
    store.put(figure)  # a reviewer's edit
    found = list_records(store, "figures", Filters(q="LOITERING munition"))
    assert [f.id for f in found.items] == [figure.id]
    # re-extraction replaces the automatic items and keeps the edited one
    added = _claim(
        Figure, first.document, 40, quote="Rebuilt ferry terminal reopened.", low=1, number_text="1"
    )
    first.figures = [figure, added]
    store.save(first)
    assert list_records(store, "figures", Filters(q="ferry terminal")).total == 1
    assert list_records(store, "figures", Filters(q="3 children died")).total == 0  # an old automatic item
    assert list_records(store, "figures", Filters(q="loitering")).total == 1
    store.delete(Figure, figure.id)
    assert list_records(store, "figures", Filters(q="loitering")).total == 0
    store.upsert_entities([Entity(id="place-0", kind=EntityKind.PLACE, name="port", aliases=["Quayside"])])
    assert [e.id for e in list_records(store, "entities", Filters(q="quaysid")).items] == ["place-0"]


def test_every_searched_column_is_indexed() -> None:
    for name, columns in SEARCH_COLUMNS.items():
        assert RESOURCES[name].text == columns, name  # else that listing's search falls back to a scan


def test_sqlite_search_goes_through_fts5(sqlite_store: Store) -> None:
    _fill(sqlite_store)
    assert indexed_columns(sqlite_store)["figures"] == SEARCH_COLUMNS["figures"]
    table = TABLES["figures"]
    query = select(table.c.id).where(
        text_condition(sqlite_store, "figures", SEARCH_COLUMNS["figures"], "port")
    )
    with sqlite_store.engine.connect() as conn:
        compiled = query.compile(sqlite_store.engine, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "(id=?)" in plan and "VIRTUAL TABLE" in plan  # driven by the matched ids, not a scan
    with sqlite_store.engine.connect() as conn:
        assert {r[0] for r in conn.execute(query)} == {
            f.id for f in sqlite_store.records(Figure) if "port" in f.quote
        }
    short = select(table.c.id).where(text_condition(sqlite_store, "figures", ("quote",), "po"))
    assert "json_each" not in str(short.compile(sqlite_store.engine))


def test_common_strings_are_scanned_with_the_same_results(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(sqlite_store)
    through_index = {q: _shape(search(sqlite_store, q)) for q in QUERIES}
    monkeypatch.setattr(store_search, "SCAN_MIN_ROWS", 1)  # "common" = found in more than 1 row here
    table = TABLES["figures"]
    common = text_condition(sqlite_store, "figures", SEARCH_COLUMNS["figures"], "the")
    rare = text_condition(sqlite_store, "figures", SEARCH_COLUMNS["figures"], "warehouses burned")
    assert "json_each" not in str(select(table.c.id).where(common).compile(sqlite_store.engine))
    assert "json_each" in str(select(table.c.id).where(rare).compile(sqlite_store.engine))
    assert through_index == {q: _shape(search(sqlite_store, q)) for q in QUERIES}


def test_postgres_search_can_use_trigram_indexes(store: Store) -> None:
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    with store.engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
            pytest.skip("pg_trgm is not installed on this server (search is a scan there)")
    assert indexed_columns(store) == SEARCH_COLUMNS
    _fill(store)
    for name, columns in (("figures", SEARCH_COLUMNS["figures"]), ("entities", ("aliases",))):
        table = TABLES[name]
        query = select(table.c.id).where(text_condition(store, name, columns, "port"))
        compiled = query.compile(store.engine, compile_kwargs={"literal_binds": True})
        with store.engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")  # tiny tables: make the planner show its options
            plan = " ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled}"))
        assert f"ix_trgm_{name}" in plan, plan


def test_sqlite_like_ignores_case_exactly_as_lower_like_lower(sqlite_store: Store) -> None:
    """Search on SQLite uses plain LIKE: it must match exactly what ``lower(x) LIKE lower(q)`` matched."""
    texts = [
        "Médecins",
        "MÉDECINS",
        "Åland ISLANDS",
        "Straße",
        "İstanbul",
        "\u212a marks",
        "50% of",
        "a_b",
        None,
    ]
    needles = [
        "médecins",
        "MÉD",
        "åland",
        "islands",
        "STRASSE",
        "straße",
        "istanbul",
        "k marks",
        "50%",
        "A_B",
        "_",
    ]
    with sqlite_store.engine.connect() as conn:
        for value in texts:
            for needle in needles:
                args = (value, like_pattern(needle))
                plain = conn.exec_driver_sql("SELECT ? LIKE ? ESCAPE '\\'", args).scalar()
                folded = conn.exec_driver_sql("SELECT lower(?) LIKE lower(?) ESCAPE '\\'", args).scalar()
                assert plain == folded, (value, needle)
