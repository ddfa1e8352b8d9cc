"""Reading reports into the store: files, directories and URLs, any supported format, one transaction each.

``ingest(store, sources)`` reads every source with the reader its format selects (``readers.READERS``),
normalises the text (offsets point into exactly what is stored), skips exact duplicates, links near
duplicates, runs the extraction pipeline and saves each document with its items in one transaction. A source
that fails is reported with one reason; the batch goes on and nothing of the failed source is stored.
"""

from __future__ import annotations

import os
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

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "ExtractSummary",
    "IngestError",
    "IngestSummary",
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


class _Extractor:
    """Builds the pipeline on first use, so a batch of duplicates never loads spaCy."""

    def __init__(self, nlp: Language | None, enabled: bool) -> None:
        self.nlp = nlp
        self.enabled = enabled

    def __call__(self, document: Document) -> Extraction:
        if not self.enabled:
            return Extraction(document=document)
        from fogline.nlp.pipeline import ExtractionFailure, default_pipeline, extract

        if self.nlp is None:
            try:
                self.nlp = default_pipeline()
            except (ImportError, RuntimeError, OSError) as exc:
                raise IngestError(
                    f"the extraction pipeline cannot be built ({type(exc).__name__}: {exc}); "
                    "use --no-extract to store the documents only"
                ) from exc
        result = next(iter(extract([document], self.nlp)))
        if isinstance(result, ExtractionFailure):
            raise _ExtractionFailed(result.error)
        return result


class _ExtractionFailed(Exception):
    pass


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
) -> IngestSummary:
    """Read, deduplicate, extract and store every source; ``progress(source)`` after each one.

    ``published`` (any common date form) overrides the dates found in the sources. One transaction per
    document: an interrupted batch leaves whole documents only, and a re-run skips what is already stored.
    """
    pub = None
    if published:
        pub = normalize_date(published)
        if pub is None:
            raise IngestError(f"cannot read the publication date {published!r} (use YYYY-MM-DD)")
    summary = IngestSummary()
    index = DuplicateIndex(store)
    extractor = _Extractor(nlp, extract_items)
    for source in expand_sources(sources):
        try:
            results = read(source, allow_private=allow_private, max_bytes=max_bytes, timeout=timeout)
        except (ReadError, FetchError) as exc:
            summary.failed.append((source, str(exc)))
        except OSError as exc:
            summary.failed.append((source, exc.strerror or str(exc)))
        else:
            for item in results:
                _store_item(store, item, pub, index, extractor, summary)
        if progress:
            progress(source)
    if extract_items:
        _complete_dates(store, summary.document_ids, extractor)
    return summary


def _complete_dates(store: Store, document_ids: list[str], extractor: _Extractor) -> None:
    """Date the batch's still-undated documents from related reports (``fogline.ingest.dating``)."""
    from fogline.ingest.dating import complete_dates

    undated = [i for i in document_ids if (d := store.get(Document, i)) is not None and not d.published]
    if undated:
        complete_dates(store, undated, extractor.nlp)


def _store_item(
    store: Store,
    item: ReadResult,
    published: str | None,
    index: DuplicateIndex,
    extractor: _Extractor,
    summary: IngestSummary,
) -> None:
    if isinstance(item, ReadFailure):
        summary.failed.append((item.source, item.reason))
        return
    document = _document(item, published)
    if not document.text:
        summary.failed.append((item.source, "no text"))
        return
    if index.is_exact_duplicate(document):
        summary.duplicates += 1
        return
    document.near_duplicate_of = index.near_duplicate_of(document)
    try:
        store.save(extractor(document))
    except _ExtractionFailed as exc:
        summary.failed.append((item.source, f"extraction failed: {exc}"))
        return
    except SQLAlchemyError as exc:
        summary.failed.append((item.source, f"cannot store: {type(exc).__name__}: {exc.args[0]}"))
        return
    index.add(document)
    summary.ingested += 1
    summary.near_duplicates += document.near_duplicate_of is not None
    summary.document_ids.append(document.id)


def extract_stored(
    store: Store,
    document_ids: Iterable[str] | None = None,
    *,
    nlp: Language | None = None,
    progress: Progress | None = None,
) -> ExtractSummary:
    """Re-run extraction on stored documents (all when ``document_ids`` is None); reviewed items are kept.

    A publication date that an earlier run inferred from the text is inferred afresh.
    """
    from fogline.ingest.catalog import all_document_ids, resolve_document

    ids = list(document_ids) if document_ids is not None else all_document_ids(store)
    summary = ExtractSummary()
    extractor = _Extractor(nlp, True)
    for ref in ids:
        try:
            document = resolve_document(store, ref)
        except LookupError as exc:
            summary.failed.append((ref, str(exc)))
        else:
            if document.published_inferred:
                document.published, document.published_inferred = None, False
            try:
                store.save(extractor(document))
            except _ExtractionFailed as exc:
                summary.failed.append((document.id, f"extraction failed: {exc}"))
            except SQLAlchemyError as exc:
                summary.failed.append((document.id, f"cannot store: {type(exc).__name__}: {exc.args[0]}"))
            else:
                summary.extracted += 1
                summary.document_ids.append(document.id)
        if progress:
            progress(ref)
    _complete_dates(store, summary.document_ids, extractor)
    return summary


def iter_articles(sources: Iterable[str], **options: Any) -> Iterator[ReadResult]:
    """Every article (and per-item failure) the sources hold, without storing anything."""
    for source in expand_sources(sources):
        try:
            yield from read(source, **options)
        except (ReadError, FetchError) as exc:
            yield ReadFailure(source, str(exc))
        except OSError as exc:
            yield ReadFailure(source, exc.strerror or str(exc))
