"""Extraction in forked worker processes: the stored result is exactly the one-process result.

A mixed batch (good reports, exact and near copies, bad files, a multi-item JSON Lines file, a document
whose extraction fails, one that crashes its worker's batch) goes through ``ingest`` and ``extract_stored``
with ``n_process`` 1 and 2 on every backend; ids, figures, links and errors must match, and the store is
only ever used by the parent process.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import event

import fogline.ingest as ingest_module
import fogline.nlp.pipeline as pipeline
from fogline.ingest import IngestError, default_processes, extract_stored, ingest
from fogline.schema import CLAIM_RECORDS, Document, Entity, Figure
from fogline.store import Store
from fogline.store.tables import metadata

PLACES = ["Kassala", "Kramatorsk", "Beit Lahia", "Timbuktu", "Mandalay", "Kismayo", "Bossangoa", "Tal Afar"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CRASH = "XCRASHX"  # a document holding this word makes its whole worker batch raise
FAIL = "XFAILX"  # a document holding this word fails in one component (per-document isolation)


def report(i: int) -> str:
    place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
    day = WEEKDAYS[i % 7]
    return (
        f"Shelling hits {place} for a {['second', 'third', 'fourth'][i % 3]} day\n"
        f"Artillery fire struck the centre of {place} on {day}, killing {i + 3} civilians and wounding "
        f"{2 * i + 11} others, the local health office said.\n"
        f"Around {(i + 2) * 150} families fled towards {other}, where aid workers said shelters had "
        f"run out of blankets after a week of cold nights.\n"
        f"A clinic in {place} closed after the strike and {i + 4} of its staff moved to {other}, "
        f"officials added on {WEEKDAYS[(i + 2) % 7]}.\n"
    )


def _crash_or_fail_component(doc: Doc) -> Doc:
    if FAIL in doc.text:
        raise ValueError("component broke on this document")
    return doc


Language.component("test_parallel_fail", func=_crash_or_fail_component)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The full default pipeline plus a component that fails on one marked document."""
    try:
        full = pipeline.build_pipeline()
    except ImportError as exc:  # pragma: no cover - only while a component is missing
        pytest.skip(f"full pipeline not built: {exc}")
    full.add_pipe("test_parallel_fail", first=True)
    return full


@pytest.fixture
def crashing_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker batch holding the crash marker raises as a whole (outside ``extract``'s isolation)."""
    run_pipes = pipeline.run_pipes

    def crashing(nlp: Language, documents: Sequence[Document], timings: Any = None) -> list[Doc | str]:
        if any(CRASH in d.text for d in documents):
            raise RuntimeError("worker batch crashed")
        return run_pipes(nlp, documents, timings)

    monkeypatch.setattr(pipeline, "run_pipes", crashing)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several chunks and pool restarts even on a small batch, and workers from the second document on."""
    monkeypatch.setattr(ingest_module, "CHUNK_PER_PROCESS", 3)
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_DOCS", 2)


def mixed_batch(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []

    def put(name: str, data: str | bytes) -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, "utf-8")
        else:
            path.write_bytes(data)
        paths.append(str(path))

    for i in range(4):
        put(f"r{i:02d}.txt", report(i))
    put("r04_copy.txt", report(1))  # exact copy of an earlier one in the batch
    put("r05_empty.txt", b"")
    put("r06_wire.txt", report(2) + "(Reporting by a staff writer; editing by the night desk)\n")
    put("r07_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    put("r08_fail.txt", report(8).replace("Artillery", f"{FAIL} Artillery"))
    put("r09_latin1.txt", report(9).replace("centre", "café district").encode("cp1252"))
    put("r10_crash.txt", report(10).replace("Artillery", f"{CRASH} Artillery"))
    put("r11_broken.html", f"<html><body><p>{report(11)}<div><b>unclosed")
    put("r12_huge.txt", report(12) * 200)  # over the test's size cap
    put("r13_copy_of_fail.txt", report(8).replace("Artillery", f"{FAIL} Artillery"))  # copy of a failure
    rows = [{"text": report(14), "title": "Fourteen"}, {"text": "   "}, {"text": report(15)}]
    put("r14_feed.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    for i in range(16, 22):
        put(f"r{i:02d}.txt", report(i))
    put("r22_copy.txt", report(17))
    return paths


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every stored record except the ingestion timestamp, in a stable order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for record in (Document, Entity, *CLAIM_RECORDS):
        rows = [r.to_dict() for r in store.records(record)]
        for row in rows:
            row.pop("ingested_at", None)
        out[record.table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


def wipe(store: Store) -> None:
    with store.transaction() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def parent_only(store: Store, tmp_path: Path) -> Iterator[Path]:
    """A file with the pid of every process that ran SQL on the store."""
    log = tmp_path / "sql_pids.log"

    def record(*_args: Any) -> None:
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")

    event.listen(store.engine, "before_cursor_execute", record)
    yield log
    event.remove(store.engine, "before_cursor_execute", record)


def run_batch(store: Store, sources: list[str], nlp: Language, n_process: int) -> dict[str, Any]:
    ticks: list[str] = []
    summary = ingest(store, sources, nlp=nlp, n_process=n_process, max_bytes=20_000, progress=ticks.append)
    refs = [i[:10] for i in summary.document_ids] + ["ffffffffff"]  # prefixes, and one unknown
    again = extract_stored(store, refs, nlp=nlp, n_process=n_process)
    return {
        "summary": summary,
        "ticks": ticks,
        "stored": snapshot(store),
        "again": (again.extracted, again.failed, again.document_ids),
        "after_extract": snapshot(store),
    }


@pytest.mark.usefixtures("crashing_batches", "small_chunks")
def test_two_processes_store_exactly_what_one_does(
    store: Store, tmp_path: Path, nlp: Language, parent_only: Path
) -> None:
    sources = mixed_batch(tmp_path / "batch")
    one = run_batch(store, sources, nlp, 1)
    wipe(store)
    two = run_batch(store, sources, nlp, 2)

    s1, s2 = one["summary"], two["summary"]
    assert s2 == s1
    assert one["ticks"] == two["ticks"] == sources  # progress per source, in input order
    assert two["stored"] == one["stored"]
    assert two["again"] == one["again"]
    assert two["after_extract"] == one["after_extract"]

    failed = dict(s1.failed)
    name = {Path(p).name: p for p in sources}
    assert failed[name["r05_empty.txt"]] == "empty file"
    assert "binary" in failed[name["r07_binary.txt"]]
    assert "size limit" in failed[name["r12_huge.txt"]]
    assert failed[name["r08_fail.txt"]] == "extraction failed: ValueError: component broke on this document"
    assert failed[name["r13_copy_of_fail.txt"]] == failed[name["r08_fail.txt"]]  # tried again, same error
    assert failed[name["r10_crash.txt"]] == "extraction failed: RuntimeError: worker batch crashed"
    assert failed[f"{name['r14_feed.jsonl']}:2"] == "no 'text' field with text in it"
    assert len(failed) == 7
    # every good report is stored (the crash took only its own document), copies skipped or linked
    assert s1.duplicates == 2 and s1.near_duplicates == 1
    assert s1.ingested == 4 + 1 + 1 + 1 + 2 + 6  # r00-03, wire, latin-1, html, feed (2), r16-21
    assert len(s1.document_ids) == s1.ingested == len(one["stored"]["documents"])
    assert one["again"][0] == s1.ingested and one["again"][1] == [
        ("ffffffffff", "no document with an id starting 'ffffffffff'")
    ]
    docs = {d["id"]: d for d in one["stored"]["documents"]}
    wire = [d for d in docs.values() if d["near_duplicate_of"]]
    assert len(wire) == 1 and docs[wire[0]["near_duplicate_of"]]["text"].startswith("Shelling hits")
    assert one["stored"]["figures"], "the full pipeline found no figure at all"
    figures = {f.document_id for f in store.records(Figure)}
    assert len(figures) >= s1.ingested - 2

    pids = set(parent_only.read_text().split())
    assert pids == {str(os.getpid())}, "the store was used outside the parent process"


@pytest.mark.usefixtures("small_chunks")
def test_workers_really_run_in_child_processes(sqlite_store: Store, tmp_path: Path) -> None:
    log = tmp_path / "extract_pids.log"

    @Language.component("test_parallel_pid")
    def _pid(doc: Doc) -> Doc:
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return doc

    small = pipeline.build_pipeline(["fogline.sentences.v1"])
    small.add_pipe("test_parallel_pid")
    sources = mixed_batch(tmp_path / "batch")
    summary = ingest(sqlite_store, sources, nlp=small, n_process=2, max_bytes=20_000)
    assert summary.ingested == 17  # no failing component here: r08 and r10 are stored, r13 is a copy
    pids = set(log.read_text().split())
    assert str(os.getpid()) not in pids and len(pids) >= 2


@pytest.mark.usefixtures("small_chunks")
def test_no_fork_while_other_threads_run(sqlite_store: Store, tmp_path: Path) -> None:
    log = tmp_path / "extract_pids.log"

    @Language.component("test_parallel_pid_threads")
    def _pid(doc: Doc) -> Doc:
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return doc

    small = pipeline.build_pipeline(["fogline.sentences.v1"])
    small.add_pipe("test_parallel_pid_threads")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)  # a server's request thread, say
    other.start()
    try:
        summary = ingest(
            sqlite_store, mixed_batch(tmp_path / "batch"), nlp=small, n_process=2, max_bytes=20_000
        )
    finally:
        stop.set()
        other.join()
    assert summary.ingested == 17
    assert set(log.read_text().split()) == {str(os.getpid())}


def test_tiny_batches_stay_in_one_process(sqlite_store: Store, tmp_path: Path) -> None:
    log = tmp_path / "extract_pids.log"

    @Language.component("test_parallel_pid_tiny")
    def _pid(doc: Doc) -> Doc:
        with log.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return doc

    small = pipeline.build_pipeline(["fogline.sentences.v1"])
    small.add_pipe("test_parallel_pid_tiny")
    paths = []
    for i in range(ingest_module.PARALLEL_MIN_DOCS - 1):
        path = tmp_path / f"{i}.txt"
        path.write_text(report(i), "utf-8")
        paths.append(str(path))
    summary = ingest(sqlite_store, paths, nlp=small, n_process=2)
    assert summary.ingested == len(paths)
    assert set(log.read_text().split()) == {str(os.getpid())}


def test_a_batch_of_duplicates_never_builds_the_pipeline(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = mixed_batch(tmp_path / "batch")
    first = ingest(sqlite_store, sources, extract_items=False, max_bytes=20_000, n_process=2)

    def no_pipeline() -> Language:
        raise AssertionError("the pipeline was built for a batch of duplicates")

    monkeypatch.setattr(pipeline, "default_pipeline", no_pipeline)
    good = [p for p in sources if p not in dict(first.failed)]
    again = ingest(sqlite_store, good, n_process=2)
    assert again.ingested == 0 and again.duplicates == first.ingested + first.duplicates


def test_process_count_is_checked_and_defaults_to_at_most_two(sqlite_store: Store, tmp_path: Path) -> None:
    assert 1 <= default_processes() <= 2
    path = tmp_path / "a.txt"
    path.write_text(report(1), "utf-8")
    with pytest.raises(IngestError, match="at least 1"):
        ingest(sqlite_store, [str(path)], n_process=0)
    with pytest.raises(IngestError, match="at least 1"):
        extract_stored(sqlite_store, [], n_process=0)
    assert sqlite_store.count(Document) == 0
