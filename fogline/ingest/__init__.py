"""Reading reports into the store: files, directories and URLs, any supported format, one transaction each.

``ingest(store, sources)`` reads every source with the reader its format selects (``readers.READERS``),
normalises the text (offsets point into exactly what is stored), skips exact duplicates, links near
duplicates, runs the extraction pipeline and saves each document with its items in one transaction. A source
that fails is reported with one reason; the batch goes on and nothing of the failed source is stored.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy.exc import SQLAlchemyError

from fogline.ingest.duplicates import DuplicateIndex
from fogline.ingest.normalize import document_from_text, normalize_date
from fogline.ingest.readers import (
    READERS,
    Article,
    ReadError,
    ReadFailure,
    ReadResult,
    SourceRef,
    extension_formats,
    read_source,
)
from fogline.ingest.remote import DEFAULT_TIMEOUT, FetchError, fetch, human_size
from fogline.schema import Document, Extraction
from fogline.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

    from fogline.nlp.pipeline import ExtractionFailure

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "ExtractSummary",
    "IngestError",
    "IngestSummary",
    "default_processes",
    "expand_sources",
    "extract_stored",
    "ingest",
    "read",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

Progress = Callable[[str], None]


class IngestError(ValueError):
    """The batch cannot run at all (bad option, no extraction pipeline)."""


@dataclass
class IngestSummary:
    """What a batch did. Near duplicates are stored, so they count in ``ingested`` too."""

    ingested: int = 0
    duplicates: int = 0  # exact copies of a stored document: skipped
    near_duplicates: int = 0  # stored, linked to the earlier copy
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    document_ids: list[str] = field(default_factory=list)  # stored in this batch, in order


@dataclass
class ExtractSummary:
    extracted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _wanted(path: Path) -> bool:
    """Files taken from a directory: a known extension or none (named files are always tried)."""
    return path.suffix.lower() in extension_formats() or not path.suffix


def expand_sources(sources: Iterable[str]) -> list[str]:
    """Sources with directories replaced by their files (recursive, sorted, hidden entries skipped)."""
    out: list[str] = []
    for source in sources:
        if is_url(source) or not Path(source).is_dir():
            out.append(source)
            continue
        for root, dirs, files in os.walk(source):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if not name.startswith(".") and _wanted(path):
                    out.append(str(path))
    return out


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read(
    source: str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[ReadResult]:
    """Articles and per-item failures from one file or URL.

    Raises ``ReadError``, ``FetchError`` or ``OSError`` when the whole source cannot be read.
    """
    if is_url(source):
        got = fetch(source, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
        ref = SourceRef(name=source, url=got.final_url, charset=_charset(got.content_type))
        results = list(read_source(got.data, ref, content_type=got.content_type))
        host = (urlsplit(got.final_url).hostname or "").removeprefix("www.")
        for item in results:
            if isinstance(item, Article) and not item.outlet and host:
                item.outlet = host  # the site stands in for an outlet the page does not name
        return results
    path = Path(source)
    if not path.exists():
        raise ReadError("no such file or directory")
    if not path.is_file():
        raise ReadError("not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty file")
    if size > max_bytes:
        raise ReadError(f"file is {human_size(size)}, over the {human_size(max_bytes)} size limit")
    data = path.read_bytes()
    return list(read_source(data, SourceRef(name=source, path=str(path.resolve()))))


def _document(article: Article, published: str | None) -> Document:
    meta: dict[str, Any] = {**article.meta, "source": article.source}
    return document_from_text(
        article.text,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        path=article.path,
        published=published or article.published,
        language=article.language,
        source_format=article.source_format,
        meta=meta,
    )


# A chunk with fewer documents to extract runs in one process. Measured (2 cores, full pipeline, ~260-word
# reports, ~18 ms each): starting the pool costs ~0.1 s and the workers' first documents ~0.2 s CPU more, and
# a worker takes 16 documents at a time, so below ~3 worker batches the second process saves nothing.
PARALLEL_MIN_DOCS = 48
# Documents extracted ahead per worker process: each chunk starts a new pool (``extract_many``), and at most
# one chunk's results (plus the next chunk's documents) are held at once.
CHUNK_PER_PROCESS = 256
WORKER_BATCH = 16  # documents a worker takes at a time (``extract_many``'s batch_size)


def default_processes() -> int:
    """Extraction processes the command line uses unless told: two when the machine has two cores."""
    return max(1, min(2, os.cpu_count() or 1))


class _Extractor:
    """Runs extraction for a batch; builds the pipeline on first use, so a batch of duplicates never loads
    spaCy. Forked worker processes (``extract_many``) do the extraction only: a pure function of the
    document. Reading, deduplication and the store stay in the parent."""

    def __init__(self, nlp: Language | None, enabled: bool, n_process: int = 1) -> None:
        if n_process < 1:
            raise IngestError(f"the number of processes must be at least 1, not {n_process}")
        self.nlp = nlp
        self.enabled = enabled
        self.n_process = n_process

    def pipeline(self) -> Language:
        if self.nlp is None:
            from fogline.nlp.pipeline import default_pipeline

            try:
                self.nlp = default_pipeline()
            except (ImportError, RuntimeError, OSError) as exc:
                raise IngestError(
                    f"the extraction pipeline cannot be built ({type(exc).__name__}: {exc}); "
                    "use --no-extract to store the documents only"
                ) from exc
        return self.nlp

    def one(self, document: Document) -> Extraction | ExtractionFailure:
        """One document, in this process (any exception becomes its failure)."""
        if not self.enabled:
            return Extraction(document=document)
        from fogline.nlp.pipeline import ExtractionFailure, extract

        nlp = self.pipeline()
        try:
            return next(iter(extract([document], nlp)))
        except Exception as exc:  # outside extract's own isolation (a batched pipe): this document's error
            return ExtractionFailure(document=document, error=f"{type(exc).__name__}: {exc}")

    def many(self, documents: list[Document]) -> Iterator[Extraction | ExtractionFailure]:
        """Every document's result in input order, over the worker processes when there are enough of them.

        Never forks while other threads run (a threaded server): then everything stays in this process.
        When a worker's batch raises (rather than yielding per-document failures), that batch is redone
        here one document at a time, so the error lands on its document and the rest go on."""
        from fogline.nlp.pipeline import extract_many

        if not documents:
            return
        nlp = self.pipeline()
        n_process = self.n_process if len(documents) >= PARALLEL_MIN_DOCS else 1
        if threading.active_count() > 1:
            n_process = 1  # a fork copies no other thread, so a lock one of them holds would stay held
        done = 0
        while done < len(documents):
            results = extract_many(documents[done:], nlp, n_process=n_process, batch_size=WORKER_BATCH)
            try:
                for result in results:
                    done += 1
                    yield result
            except Exception:  # the batch in flight is redone below, document by document
                for document in documents[done : done + WORKER_BATCH]:
                    done += 1
                    yield self.one(document)
            finally:
                _close(results)


def _close(results: Iterator[Any]) -> None:
    """Finish a results generator now (its worker pool is shut down)."""
    close = getattr(results, "close", None)
    if close is not None:
        close()


@dataclass
class _Entry:
    """One step of a batch, committed in input order: a document to store, a failure to report, and/or
    the end of a source (``progress(source)``)."""

    source: str
    document: Document | None = None
    failure: str | None = None
    finished: bool = False
    extract: bool = False  # sent to the workers ahead of its turn
    result: Extraction | ExtractionFailure | None = None


@dataclass
class _Chunk:
    entries: list[_Entry] = field(default_factory=list)
    wanted: int = 0  # entries to extract

    def full(self, size: int) -> bool:
        return self.wanted >= size or len(self.entries) >= 4 * size


def _run(
    entries: Iterable[_Entry],
    plan: Callable[[Document], bool],
    extractor: _Extractor,
    commit: Callable[[_Entry], None],
) -> None:
    """Commit every entry in input order. The documents ``plan`` picks are extracted a chunk ahead (in the
    worker processes); the parent reads the next chunk while it commits this one. Only finished results
    and the parent's own decisions touch the store, so the outcome is the sequential one."""
    stream = iter(entries)
    size = CHUNK_PER_PROCESS * extractor.n_process
    exhausted = False

    def pull(chunk: _Chunk) -> None:
        nonlocal exhausted
        if exhausted or chunk.full(size):
            return
        entry = next(stream, None)
        if entry is None:
            exhausted = True
            return
        if entry.document is not None and extractor.enabled and plan(entry.document):
            entry.extract = True
            chunk.wanted += 1
        chunk.entries.append(entry)

    current = _Chunk()
    while not (exhausted or current.full(size)):
        pull(current)
    while current.entries:
        results = extractor.many([e.document for e in current.entries if e.extract and e.document])
        upcoming = _Chunk()
        try:
            for entry in current.entries:
                if entry.extract:
                    entry.result = next(results)
                commit(entry)
                entry.document = entry.result = None  # committed: free it
                pull(upcoming)
            if next(results, None) is not None:
                raise RuntimeError("extraction returned more results than documents")
        finally:
            _close(results)
        while not (exhausted or upcoming.full(size)):
            pull(upcoming)
        current = upcoming


def ingest(
    store: Store,
    sources: list[str],
    *,
    published: str | None = None,
    allow_private: bool = False,
    nlp: Language | None = None,
    extract_items: bool = True,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    n_process: int = 1,
) -> IngestSummary:
    """Read, deduplicate, extract and store every source; ``progress(source)`` after each one.

    ``published`` (any common date form) overrides the dates found in the sources. One transaction per
    document: an interrupted batch leaves whole documents only, and a re-run skips what is already stored.
    ``n_process`` > 1 runs extraction in that many forked worker processes (never from a threaded server);
    what is stored, skipped, linked and reported is the same as with one.
    """
    pub = None
    if published:
        pub = normalize_date(published)
        if pub is None:
            raise IngestError(f"cannot read the publication date {published!r} (use YYYY-MM-DD)")
    summary = IngestSummary()
    index = DuplicateIndex(store)
    extractor = _Extractor(nlp, extract_items, n_process)
    seen: set[str] = set()

    def plan(document: Document) -> bool:
        """Extract ahead unless it will surely be skipped: an exact copy of a stored or earlier document.
        (Should that earlier copy fail, ``_store_document`` extracts this one in its turn.)"""
        ahead = document.id not in seen and not index.is_exact_duplicate(document)
        seen.add(document.id)
        return ahead

    def commit(entry: _Entry) -> None:
        if entry.failure is not None:
            summary.failed.append((entry.source, entry.failure))
        elif entry.document is not None:
            _store_document(store, entry, index, extractor, summary)
        if entry.finished and progress:
            progress(entry.source)

    options = {"allow_private": allow_private, "max_bytes": max_bytes, "timeout": timeout}
    _run(_ingest_entries(sources, pub, options), plan, extractor, commit)
    if extract_items:
        _complete_dates(store, summary.document_ids, extractor)
    return summary


def _ingest_entries(sources: list[str], published: str | None, options: dict[str, Any]) -> Iterator[_Entry]:
    """The batch's steps in input order, read lazily (one source at a time)."""
    for source in expand_sources(sources):
        try:
            results = read(source, **options)
        except (ReadError, FetchError) as exc:
            yield _Entry(source, failure=str(exc))
        except OSError as exc:
            yield _Entry(source, failure=exc.strerror or str(exc))
        else:
            for item in results:
                if isinstance(item, ReadFailure):
                    yield _Entry(item.source, failure=item.reason)
                    continue
                document = _document(item, published)
                if document.text:
                    yield _Entry(item.source, document=document)
                else:
                    yield _Entry(item.source, failure="no text")
        yield _Entry(source, finished=True)


def _complete_dates(store: Store, document_ids: list[str], extractor: _Extractor) -> None:
    """Date the batch's still-undated documents from related reports (``fogline.ingest.dating``)."""
    from fogline.ingest.dating import complete_dates

    undated = [i for i in document_ids if (d := store.get(Document, i)) is not None and not d.published]
    if undated:
        complete_dates(store, undated, extractor.nlp)


def _store_document(
    store: Store, entry: _Entry, index: DuplicateIndex, extractor: _Extractor, summary: IngestSummary
) -> None:
    """The sequential decisions, in input order: skip exact copies, link near ones, save the rest."""
    document = entry.document
    assert document is not None
    if index.is_exact_duplicate(document):
        summary.duplicates += 1
        return
    near = index.near_duplicate_of(document)
    result = entry.result if entry.result is not None else extractor.one(document)
    if not isinstance(result, Extraction):
        summary.failed.append((entry.source, f"extraction failed: {result.error}"))
        return
    result.document.near_duplicate_of = near
    try:
        store.save(result)
    except SQLAlchemyError as exc:
        summary.failed.append((entry.source, f"cannot store: {type(exc).__name__}: {exc.args[0]}"))
        return
    index.add(result.document)
    summary.ingested += 1
    summary.near_duplicates += near is not None
    summary.document_ids.append(document.id)


def extract_stored(
    store: Store,
    document_ids: Iterable[str] | None = None,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
    n_process: int = 1,
) -> ExtractSummary:
    """Re-run extraction on stored documents (all when ``document_ids`` is None); reviewed items are kept.

    A publication date that an earlier run inferred from the text is inferred afresh. ``n_process`` as in
    ``ingest``.
    """
    from fogline.ingest.catalog import all_document_ids

    ids = list(document_ids) if document_ids is not None else all_document_ids(store)
    summary = ExtractSummary()
    extractor = _Extractor(nlp, True, n_process)

    def commit(entry: _Entry) -> None:
        if entry.failure is not None:
            summary.failed.append((entry.source, entry.failure))
        elif entry.document is not None:
            _resave(store, entry, extractor, summary)
        if progress:
            progress(entry.source)

    _run(_stored_entries(store, ids), lambda _document: True, extractor, commit)
    _complete_dates(store, summary.document_ids, extractor)
    return summary


def _resave(store: Store, entry: _Entry, extractor: _Extractor, summary: ExtractSummary) -> None:
    assert entry.document is not None
    doc_id = entry.document.id
    result = entry.result if entry.result is not None else extractor.one(entry.document)
    if not isinstance(result, Extraction):
        summary.failed.append((doc_id, f"extraction failed: {result.error}"))
        return
    try:
        store.save(result)
    except SQLAlchemyError as exc:
        summary.failed.append((doc_id, f"cannot store: {type(exc).__name__}: {exc.args[0]}"))
        return
    summary.extracted += 1
    summary.document_ids.append(doc_id)


def _stored_entries(store: Store, ids: list[str]) -> Iterator[_Entry]:
    from fogline.ingest.catalog import resolve_document

    for ref in ids:
        try:
            document = resolve_document(store, ref)
        except LookupError as exc:
            yield _Entry(ref, failure=str(exc), finished=True)
            continue
        if document.published_inferred:
            document.published, document.published_inferred = None, False
        yield _Entry(ref, document=document, finished=True)


def iter_articles(sources: Iterable[str], **options: Any) -> Iterator[ReadResult]:
    """Every article (and per-item failure) the sources hold, without storing anything."""
    for source in expand_sources(sources):
        try:
            yield from read(source, **options)
        except (ReadError, FetchError) as exc:
            yield ReadFailure(source, str(exc))
        except OSError as exc:
            yield ReadFailure(source, exc.strerror or str(exc))
