"""Publication dates inferred from related reports (``fogline.ingest.dating``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language

from fogline.ingest import ingest
from fogline.ingest.dating import METHOD, complete_dates, date_from_related, related_reports
from fogline.reconcile import merged_events
from fogline.schema import Document, Entity, EntityKind, Extraction, Mention
from fogline.store import Store

CITY = Entity(id="pl-wau", kind=EntityKind.PLACE, name="Wau", type="city", country="SS")
QUARTER = Entity(id="pl-jebel", kind=EntityKind.PLACE, name="Jebel Kheir", type="neighbourhood", country="SS")
COUNTRY = Entity(id="pl-ss", kind=EntityKind.PLACE, name="South Sudan", type="country", country="SS")
ARMY = Entity(id="ac-army", kind=EntityKind.ACTOR, name="SSPDF", type="state_forces")

UNDATED = (
    "Militia fighters and soldiers traded fire in Jebel Kheir, a district of Wau, where an assault began on "
    "March 3. A local aid worker said on Wednesday that families were sheltering in a church compound."
)


def _save(store: Store, doc_id: str, text: str, published: str | None, entities: list[Entity]) -> None:
    document = Document(id=doc_id, text=text, published=published, published_inferred=published is None)
    mentions = [
        Mention(
            id=f"{doc_id}-{e.id}",
            document_id=doc_id,
            start=0,
            end=len(e.name),
            quote=e.name,
            extractor="test",
            label="PLACE" if e.kind == EntityKind.PLACE else "ACTOR",
            text=e.name,
            entity_id=e.id,
        )
        for e in entities
    ]
    store.save(Extraction(document=document, entities=entities, mentions=mentions))


def _related_pair(store: Store, first: str = "2024-03-01", second: str = "2024-03-02") -> None:
    _save(store, "rel-1", "Clashes were reported in Wau.", first, [CITY, QUARTER, ARMY])
    _save(store, "rel-2", "Shelling hit Jebel Kheir in Wau.", second, [CITY, QUARTER])


def test_anchor_then_weekday(store: Store) -> None:
    _related_pair(store)
    _save(store, "undated", UNDATED, None, [CITY, QUARTER, ARMY])
    assert {i for i, _ in related_reports(store, "undated")} == {"rel-1", "rel-2"}
    guess = date_from_related(store, "undated")
    assert guess is not None
    # March 3, 2024 is a Sunday: the first Wednesday on or after it
    assert guess.value == date(2024, 3, 6)
    assert guess.anchor == "March 3"
    assert guess.related == ["rel-1", "rel-2"]


def test_weekdays_after_the_latest_related_report(sqlite_store: Store) -> None:
    _related_pair(sqlite_store)
    text = (
        "Residents of Jebel Kheir in Wau buried their dead on Sunday, and the market stayed shut on Monday."
    )
    _save(sqlite_store, "undated", text, None, [CITY, QUARTER])
    guess = date_from_related(sqlite_store, "undated")
    assert guess is not None and guess.value == date(2024, 3, 4)  # Sun 3, Mon 4 after Sat 2 March


def test_ambiguous_or_unrelated_gives_none(sqlite_store: Store) -> None:
    text = "Residents of Jebel Kheir in Wau buried their dead on Sunday."
    _save(sqlite_store, "country-only", "Talks on South Sudan resumed.", "2024-03-01", [COUNTRY, ARMY])
    _save(sqlite_store, "undated", text, None, [CITY, QUARTER, COUNTRY])
    assert date_from_related(sqlite_store, "undated") is None  # a shared country is no solid overlap
    _save(sqlite_store, "old", "Wau and Jebel Kheir were calm.", "2022-06-10", [CITY, QUARTER])
    _save(sqlite_store, "new", "Jebel Kheir in Wau was shelled.", "2024-03-01", [CITY, QUARTER])
    assert date_from_related(sqlite_store, "undated") is None  # references years apart: ambiguous


def test_needs_weekdays_and_an_undated_document(sqlite_store: Store) -> None:
    _related_pair(sqlite_store)
    _save(sqlite_store, "no-weekday", "Jebel Kheir in Wau saw an assault on March 3.", None, [CITY, QUARTER])
    _save(sqlite_store, "dated", UNDATED, "2024-03-08", [CITY, QUARTER])
    assert date_from_related(sqlite_store, "no-weekday") is None
    assert date_from_related(sqlite_store, "dated") is None


def test_outside_the_window_gives_none(sqlite_store: Store) -> None:
    _related_pair(sqlite_store)
    text = "Jebel Kheir in Wau, where the siege began on March 14, was quiet on Wednesday."
    _save(sqlite_store, "undated", text, None, [CITY, QUARTER])
    # the first Wednesday on or after Thursday 14 March is 20 March: past the window (2 March + 14 days)
    assert date_from_related(sqlite_store, "undated") is None


def test_complete_dates_stores_and_reextracts(sqlite_store: Store, nlp: Language) -> None:
    _related_pair(sqlite_store)
    _save(sqlite_store, "undated", UNDATED, None, [CITY, QUARTER, ARMY])
    assert complete_dates(sqlite_store, ["undated", "rel-1"], nlp) == ["undated"]
    doc = sqlite_store.get(Document, "undated")
    assert doc is not None
    assert (doc.published, doc.published_precision, doc.published_inferred) == ("2024-03-06", "day", True)
    assert doc.meta["published_inferred_by"] == METHOD
    assert doc.meta["published_related_reports"] == ["rel-1", "rel-2"]
    dates = {m.text: m.value for m in sqlite_store.records(Mention, where={"document_id": "undated"})
             if m.label == "DATE"}  # fmt: skip
    assert dates["on Wednesday"] == "2024-03-06"
    assert dates["March 3"] == "2024-03-03"


def test_seeds_dated_and_onsets_conflict(seeds_dir: Path, nlp: Language) -> None:
    store = Store("sqlite://")
    summary = ingest(store, [str(seeds_dir)], nlp=nlp)
    assert summary.ingested == 5
    by_prefix = {Path(d.path or "").name[:3]: d for d in store.records(Document)}
    assert by_prefix["003"].published == "2026-01-11"
    assert by_prefix["004"].published == "2026-01-15"
    assert by_prefix["004"].meta["published_inferred_by"] == METHOD
    onsets = [m for m in merged_events(store) if m.is_onset]
    conflicting = [m for m in onsets if {"2026-01-06", "2026-01-07", "2026-01-10"} <= set(
        m.conflicts.get("date_start", []))]  # fmt: skip
    assert len(conflicting) == 1
    assert by_prefix["004"].id in conflicting[0].document_ids
