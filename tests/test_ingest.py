"""The ingest entry point on every backend: duplicates, near duplicates, dates, extraction, the catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest import expand_sources, extract_stored, ingest
from fogline.ingest.catalog import DocumentNotFound, list_documents, resolve_document
from fogline.ingest.normalize import document_from_text
from fogline.nlp.extensions import doc_list, document_id
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Document, Extraction, Mention, ReviewStatus, make_id
from fogline.store import Store

STORY = (
    "River floods force thousands from their homes\n"
    "Heavy rain pushed the river over its banks near the market town on Sunday, and thousands of "
    "residents left their homes, the regional disaster office said.\n"
    "The office said about 2,300 households had moved into schools and churches on higher ground, while "
    "boats were used to reach families cut off in outlying hamlets.\n"
    "Three people drowned when their car was swept off a bridge, police said, and a fourth was missing.\n"
    "Forecasters expect more rain until Wednesday, and the office asked people living along the river "
    "to move their livestock and keep away from the water.\n"
    "The town last flooded eight years ago, when the same stretch of embankment gave way."
)
OTHER_STORY = (
    "Talks on prisoner exchange resume in the capital\n"
    "Negotiators from both sides met again on Tuesday to discuss the release of detainees held since the "
    "summer, according to mediators who asked not to be named.\n"
    "A first list of 140 names was exchanged, but no date has been set for any transfer."
)


@Language.component("test_ingest_capitals")
def _capitals(doc: Doc) -> Doc:
    """A stand-in extractor: every capitalised word after the first of a line is a PLACE mention."""
    for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]+", doc.text):
        doc_list(doc, "mentions").append(
            Mention(
                id=make_id(document_id(doc), "test.capitals", m.start(), m.end()),
                document_id=document_id(doc),
                start=m.start(),
                end=m.end(),
                text=m.group(),
                label="PLACE",
                extractor="test.capitals",
            )
        )
    return doc


@pytest.fixture(scope="module")
def sentences_nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1"])


@pytest.fixture(scope="module")
def capitals_nlp() -> Language:
    nlp = build_pipeline(["fogline.sentences.v1"])
    nlp.add_pipe("test_ingest_capitals")
    return nlp


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return str(path)


def test_seeds_twice_store_five_then_nothing(store: Store, seeds_dir: Path, sentences_nlp: Language) -> None:
    first = ingest(store, [str(seeds_dir)], nlp=sentences_nlp)
    assert first.failed == [] and first.ingested == 5 and len(first.document_ids) == 5
    second = ingest(store, [str(seeds_dir)], nlp=sentences_nlp)
    assert second.ingested == 0 and second.duplicates == 5 and second.failed == []
    assert store.count(Document) == 5
    for doc in store.records(Document):
        assert doc.extracted_with and doc.text and doc.simhash and doc.meta["encoding"] == "utf-8"


def test_directory_is_walked_recursively(tmp_path: Path) -> None:
    write(tmp_path, "b/deep/one.md", "x")
    write(tmp_path, "a.txt", "x")
    write(tmp_path, ".hidden/secret.txt", "x")
    write(tmp_path, "logo.png", "x")
    write(tmp_path, "README", "x")
    names = [Path(p).relative_to(tmp_path).as_posix() for p in expand_sources([str(tmp_path)])]
    assert names == ["README", "a.txt", "b/deep/one.md"]


def test_stored_text_is_the_normalised_text(store: Store, tmp_path: Path) -> None:
    raw = "Cafe\u0301 owner  hurt\r\n\r\n\r\n\r\nA blast\u00a0hit the cafe\u0301 at noon.\u200b "
    summary = ingest(store, [write(tmp_path, "a.txt", raw)], extract_items=False)
    doc = store.get(Document, summary.document_ids[0])
    assert doc is not None
    assert doc.text == "Café owner hurt\n\nA blast hit the café at noon."
    assert doc.id == doc.content_hash == document_from_text(raw).id


def test_exact_duplicates_in_one_batch_and_across_formats(store: Store, tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", OTHER_STORY)
    b = write(tmp_path, "b.txt", OTHER_STORY.replace("\n", "\r\n") + "\n\n")
    c = write(tmp_path, "c.jsonl", json.dumps({"text": OTHER_STORY}) + "\n")
    summary = ingest(store, [a, b, c], extract_items=False)
    assert (summary.ingested, summary.duplicates) == (1, 2)
    assert store.count(Document) == 1


def test_near_duplicates_are_stored_and_linked(store: Store, tmp_path: Path) -> None:
    original = write(tmp_path, "1.txt", STORY)
    wire = write(
        tmp_path, "2.txt", "By a staff correspondent\n" + STORY + "\nReporting by the regional desk."
    )
    edited = write(
        tmp_path, "3.txt", STORY.replace("Three people", "Four people").replace("Sunday", "Monday")
    )
    unrelated = write(tmp_path, "4.txt", OTHER_STORY)
    summary = ingest(store, [original, wire, edited, unrelated], extract_items=False)
    assert summary.ingested == 4 and summary.near_duplicates == 2
    first, copy1, copy2, other = (store.get(Document, i) for i in summary.document_ids)
    assert first and copy1 and copy2 and other
    assert first.near_duplicate_of is None and other.near_duplicate_of is None
    assert copy1.near_duplicate_of == first.id and copy2.near_duplicate_of == first.id
    # a later batch links to the first copy too
    again = ingest(store, [write(tmp_path, "5.txt", STORY + "\nCopyright the agency.")], extract_items=False)
    assert again.near_duplicates == 1
    late = store.get(Document, again.document_ids[0])
    assert late is not None and late.near_duplicate_of == first.id


def test_short_text_does_not_duplicate_a_long_one(store: Store, tmp_path: Path) -> None:
    short = "\n".join(STORY.split("\n")[:3])
    summary = ingest(
        store, [write(tmp_path, "long.txt", STORY), write(tmp_path, "s.txt", short)], extract_items=False
    )
    assert summary.ingested == 2 and summary.near_duplicates == 0


def test_published_dates(store: Store, tmp_path: Path) -> None:
    md = write(tmp_path, "a.md", "---\npublished: 3 March 2025\n---\n" + OTHER_STORY)
    txt = write(tmp_path, "b.txt", STORY)
    summary = ingest(store, [md, txt], extract_items=False)
    dated, undated = (store.get(Document, i) for i in summary.document_ids)
    assert dated and dated.published == "2025-03-03" and dated.published_precision == "day"
    assert undated and undated.published is None and not undated.published_inferred
    forced = ingest(
        store, [write(tmp_path, "c.txt", STORY + "\nUpdated.")], published="2025-04-01", extract_items=False
    )
    doc = store.get(Document, forced.document_ids[0])
    assert doc is not None and doc.published == "2025-04-01"


def test_bad_published_option_stops_before_anything(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="publication date"):
        ingest(store, [write(tmp_path, "a.txt", STORY)], published="soon", extract_items=False)
    assert store.count(Document) == 0


def test_extracted_items_are_stored_and_reviewed_ones_survive(
    store: Store, tmp_path: Path, capitals_nlp: Language, sentences_nlp: Language
) -> None:
    summary = ingest(store, [write(tmp_path, "a.txt", STORY)], nlp=capitals_nlp)
    doc_id = summary.document_ids[0]
    mentions = store.records(Mention, where={"document_id": doc_id})
    doc = store.get(Document, doc_id)
    assert doc is not None and mentions
    assert all(doc.text[m.start : m.end] == m.text for m in mentions)
    kept = mentions[0]
    kept.review_status = ReviewStatus.ACCEPTED
    store.put(kept)
    result = extract_stored(store, [doc_id[:6]], nlp=sentences_nlp)  # finds nothing this time
    assert result.extracted == 1 and result.failed == []
    assert [m.id for m in store.records(Mention)] == [kept.id]


def test_extract_stored_reports_unknown_ids(store: Store, sentences_nlp: Language) -> None:
    result = extract_stored(store, ["ffffffff"], nlp=sentences_nlp)
    assert result.extracted == 0 and result.failed[0][0] == "ffffffff"


def test_catalogue_filters_and_prefixes(store: Store, tmp_path: Path) -> None:
    rows = [
        {"text": STORY, "title": "Floods", "outlet": "Valley Post", "published": "2025-02-10"},
        {"text": OTHER_STORY, "title": "Talks", "outlet": "Capital Daily", "published": "2025-03-15"},
        {"text": "Power cut in the port city after a storm damaged pylons.", "outlet": "valley post"},
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(r) for r in rows))
    ingest(store, [path], extract_items=False)
    assert [d.title for d in list_documents(store)] == ["Talks", "Floods", None]
    assert {d.title for d in list_documents(store, outlet="VALLEY POST")} == {"Floods", None}
    assert [d.title for d in list_documents(store, since="2025-03-01")] == ["Talks"]
    assert [d.title for d in list_documents(store, until="2025-02-28")] == ["Floods"]
    assert [d.title for d in list_documents(store, search="PRISONER")] == ["Talks"]
    assert len(list_documents(store, limit=1)) == 1
    assert set(list_documents(store)[0].counts) >= {"figures", "events", "statements", "mentions"}
    with pytest.raises(ValueError, match="--since"):
        list_documents(store, since="whenever")
    talks = list_documents(store, search="prisoner")[0]
    assert resolve_document(store, talks.id[:6]).id == talks.id
    with pytest.raises(DocumentNotFound, match="no document"):
        resolve_document(store, "zzzzzz")
    with pytest.raises(DocumentNotFound):
        resolve_document(store, "ab")
    for suffix in ("1", "2"):
        store.save(Extraction(document=Document(id="abcdef" + suffix, text="x" + suffix)))
    with pytest.raises(DocumentNotFound, match="several"):
        resolve_document(store, "abcdef")
    assert resolve_document(store, "abcdef2").text == "x2"


def test_listing_search_uses_the_text_index_and_finds_the_same_documents(store: Store) -> None:
    texts = {
        "a": "Shelling hit the Tawila market on Monday; traders said stalls burned.",
        "b": "A convoy reached MARKETPLACE stalls near Goma after the road reopened.",
        "c": "No trade today: the border crossing stayed closed.",
    }
    for title, text in texts.items():
        store.save(Extraction(document=document_from_text(text, title=f"Report {title}")))
    found = {row.title for row in list_documents(store, search="market")}
    assert found == {"Report a", "Report b"}  # substring, any case, as before the index
    short = {row.title for row in list_documents(store, search="ma")}  # under the index's 3 characters
    assert short == {"Report a", "Report b"}
    assert {row.title for row in list_documents(store, search="Report c")} == {"Report c"}  # titles too
    assert list_documents(store, search="100%_") == []  # LIKE wildcards are literal
