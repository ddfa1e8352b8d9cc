"""``extract_many``: forked workers give what ``extract`` gives, in order, and isolate errors."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest.normalize import document_from_text
from fogline.nlp.pipeline import ExtractionFailure, build_pipeline, extract, extract_many

TEXTS = [
    "Shelling hit Kharkiv on Monday, officials said.",
    "Aid convoys reached Goma after the road reopened.",
    "This one breaks the test component.",
    "Fighting continued near Khartoum and Omdurman, residents said.",
    "The Red Cross said it had evacuated wounded people from Mariupol.",
]


@Language.component("fogline_test_breaker")
def _breaker(doc: Doc) -> Doc:
    if "breaks" in doc._.document.text:
        raise ValueError("broken on purpose")
    return doc


@pytest.fixture(scope="module")
def small_nlp() -> Language:
    nlp = build_pipeline(["fogline.sentences.v1", "fogline.gazetteer.v1"])
    nlp.add_pipe("fogline_test_breaker")
    return nlp


def _plain(result: object) -> dict:
    data = dataclasses.asdict(result)  # type: ignore[call-overload]
    data["document"].pop("ingested_at", None)
    return data


def test_two_processes_give_the_sequential_results_in_order(small_nlp: Language) -> None:
    sequential = list(extract([document_from_text(t) for t in TEXTS], nlp=small_nlp))
    parallel = list(
        extract_many([document_from_text(t) for t in TEXTS], nlp=small_nlp, n_process=2, batch_size=2)
    )
    assert [_plain(r) for r in parallel] == [_plain(r) for r in sequential]
    assert any(r.mentions for r in parallel if not isinstance(r, ExtractionFailure))


def test_a_failing_document_does_not_stop_the_others(small_nlp: Language) -> None:
    results = list(
        extract_many([document_from_text(t) for t in TEXTS], nlp=small_nlp, n_process=2, batch_size=1)
    )
    failed = [r for r in results if isinstance(r, ExtractionFailure)]
    assert [r.document.text for r in failed] == [TEXTS[2]]
    assert "broken on purpose" in failed[0].error
    assert len(results) == len(TEXTS)


@Language.component("fogline_test_killer")
def _killer(doc: Doc) -> Doc:
    if "vanishes" in doc._.document.text:
        import os

        os._exit(13)  # a worker killed mid-document (OOM killer, native crash)
    return doc


def test_a_worker_that_dies_fails_its_document_and_the_batch_goes_on() -> None:
    nlp = build_pipeline(["fogline.sentences.v1", "fogline.gazetteer.v1"])
    nlp.add_pipe("fogline_test_killer")
    texts = [*TEXTS[:2], "The process vanishes on this report.", *TEXTS[3:]]
    results = list(extract_many([document_from_text(t) for t in texts], nlp=nlp, n_process=2, batch_size=2))
    assert [r.document.text for r in results] == texts
    failed = [r for r in results if isinstance(r, ExtractionFailure)]
    assert [r.document.text for r in failed] == [texts[2]]
    assert "worker process died" in failed[0].error
