"""The fast paths of the pipeline give what the plain ones give: batched model NER, the model's reading
windows, ``doc_value``, token ranges, the cached sentence list, and batched ``extract``.

Texts are written for these tests.
"""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest.normalize import document_from_text
from fogline.nlp.entities import ModelNer, model_focus, model_windows
from fogline.nlp.extensions import DOC_EXTENSIONS, doc_value
from fogline.nlp.facilities import sentences
from fogline.nlp.gazetteer_match import token_table
from fogline.nlp.pipeline import ExtractionFailure, build_pipeline, extract, make_doc, run_pipes

TEXTS = [
    "Amina Yusuf, a spokeswoman for the Northern Relief Alliance, said 14 people were killed in Kadugli on "
    "Monday. The alliance urged both sides to let convoys through.",
    "The governor of Kharkiv, Oleh Marchenko, said three civilians died when a drone hit a depot.",
    "Local officials in Sittwe said fighting had displaced about 2,000 families, according to Mya Thant.",
    "No names here: rain fell all day and the market stayed shut.",
    "Colonel Idrissa Kone told reporters that 9 soldiers were wounded near Mopti, the army said.",
]


@pytest.fixture(scope="module")
def ner_nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.gazetteer.v1", "fogline.model_ner.v1"])


def _upto_ner(nlp: Language, text: str) -> Doc:
    doc = make_doc(nlp, document_from_text(text))
    for name, proc in nlp.pipeline:
        if name == "fogline.model_ner.v1":
            break
        doc = proc(doc)
    return doc


def _ents(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc._.model_ents]


def test_batched_model_ner_equals_one_document_at_a_time(ner_nlp: Language) -> None:
    ner = ner_nlp.get_pipe("fogline.model_ner.v1")
    assert isinstance(ner, ModelNer) and ner.batched
    one_by_one = [_ents(ner(_upto_ner(ner_nlp, t))) for t in TEXTS]
    batched = [_ents(d) for d in ner.pipe([_upto_ner(ner_nlp, t) for t in TEXTS], batch_size=len(TEXTS))]
    assert batched == one_by_one
    assert any(one_by_one)  # the texts do give the model something to find
    assert not one_by_one[3]  # no capitalised name to explain: the model is not run


def test_model_windows_keep_context_around_focus_words() -> None:
    pieces = model_windows([10, 13, 35], 0, 40, margin=4)
    assert pieces == [(6, 18), (31, 40)]  # overlapping windows merged, clipped at the sentence end
    assert model_windows([], 0, 40) == []
    assert model_windows([22], 20, 30, margin=6) == [(20, 29)]  # clipped at the sentence start


def _focus(text: str, covered: set[int] | None = None) -> list[str]:
    words = text.split()
    return [words[i] for i in model_focus(words, [w.lower() for w in words], 0, len(words), covered or set())]


def test_model_focus_reads_every_name_of_a_casualty_sentence() -> None:
    sentence = "Gunmen from Ansar Dine killed 12 villagers near Wuro Sabbe on Monday , Adama Kone said ."
    assert _focus(sentence) == ["Ansar", "Dine", "Wuro", "Sabbe", "Adama", "Kone"]  # not the opening word


def test_model_focus_reads_near_the_cue_and_multiword_names_elsewhere() -> None:
    sentence = (
        "After the talks held at Bakassi last month had ended without any result at all , the leader of the "
        "Ambazonia Defence Forces said on Friday that the group welcomed the offer made by ADF envoys ."
    )
    focus = _focus(sentence)
    assert "Bakassi" not in focus  # a lone capitalised word far from the cue: the model is not needed
    assert {"Ambazonia", "Defence", "Forces", "ADF"} <= set(focus)
    assert _focus("The convoy reached Bakassi after a long delay .") == []  # no cue, no toll: no model


def test_doc_value_reads_what_doc_underscore_reads(ner_nlp: Language) -> None:
    doc = _upto_ner(ner_nlp, TEXTS[0])
    doc._.pub_date_inferred = True
    for name in DOC_EXTENSIONS:
        assert doc_value(doc, name) is getattr(doc._, name) or doc_value(doc, name) == getattr(doc._, name)
    assert doc_value(doc, "mentions") is doc._.mentions


def test_token_range_maps_mention_offsets_to_tokens(ner_nlp: Language) -> None:
    doc = _upto_ner(ner_nlp, TEXTS[1])
    table = token_table(doc)
    for m in doc._.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        assert span is not None
        assert table.token_range(m.start, m.end) == range(span.start, span.end)
    start = TEXTS[1].index("Oleh")
    assert [doc[i].text for i in table.token_range(start, start + len("Oleh Marchenko"))] == [
        "Oleh",
        "Marchenko",
    ]


def test_sentence_list_is_built_once_and_callers_get_their_own_copy(ner_nlp: Language) -> None:
    doc = _upto_ner(ner_nlp, TEXTS[0])
    first = sentences(doc)
    assert [s.text for s in first] == [s.text.strip() for s in doc.sents]
    first.clear()
    assert len(sentences(doc)) == 2


@Language.component("fogline_test_batch_breaker")
def _breaker(doc: Doc) -> Doc:
    if "market" in doc._.document.text:
        raise ValueError("broken on purpose")
    return doc


def _plain(result: object) -> dict:
    data = dataclasses.asdict(result)  # type: ignore[call-overload]
    data["document"].pop("ingested_at", None)
    return data


def test_batched_extract_equals_one_document_at_a_time() -> None:
    nlp = build_pipeline(["fogline.sentences.v1", "fogline.gazetteer.v1", "fogline.model_ner.v1"])
    nlp.add_pipe("fogline_test_batch_breaker")
    singles = list(extract([document_from_text(t) for t in TEXTS], nlp=nlp, batch_size=1))
    batched = list(extract([document_from_text(t) for t in TEXTS], nlp=nlp, batch_size=4))
    assert [_plain(r) for r in batched] == [_plain(r) for r in singles]
    failed = [r for r in batched if isinstance(r, ExtractionFailure)]
    assert [r.document.text for r in failed] == [TEXTS[3]]
    assert "broken on purpose" in failed[0].error


def test_run_pipes_reports_each_failure_on_its_own_document() -> None:
    nlp = build_pipeline(["fogline.sentences.v1"])
    nlp.add_pipe("fogline_test_batch_breaker")
    timings: dict[str, float] = {}
    out = run_pipes(nlp, [document_from_text(t) for t in TEXTS], timings)
    assert [isinstance(d, Doc) for d in out] == [True, True, True, False, True]
    assert out[3] == "ValueError: broken on purpose"
    assert set(timings) == {"tokenizer", "fogline.sentences.v1", "fogline_test_batch_breaker"}
