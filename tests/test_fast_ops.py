"""numpy-BLAS ops for the NER: the same entities as thinc's default ops, and BLAS threads restored."""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps

from fogline.nlp.fast_ops import NumpyBlasOps, one_blas_thread, use_numpy_blas
from fogline.nlp.pipeline import load_model


def test_gemm_matches_thinc_numpy_ops() -> None:
    rng = numpy.random.default_rng(3)
    x = rng.random((7, 5), dtype=numpy.float32)
    y = rng.random((4, 5), dtype=numpy.float32)
    ours, theirs = NumpyBlasOps(), NumpyOps()
    assert numpy.allclose(ours.gemm(x, y, trans2=True), theirs.gemm(x, y, trans2=True), atol=1e-5)
    assert numpy.allclose(ours.gemm(x.T, y.T, trans1=True), theirs.gemm(x.T, y.T, trans1=True), atol=1e-5)
    out = numpy.zeros((7, 4), dtype=numpy.float32)
    assert ours.gemm(x, y, out=out, trans2=True) is out
    assert numpy.allclose(out, x @ y.T, atol=1e-5)


def test_ner_finds_the_same_entities_with_numpy_blas() -> None:
    text = (
        "Hundreds of families fled Kidal on Sunday after fighters of the Front de Libération de l'Azawad "
        "clashed with Malian troops, Ibrahim Ag Mohamed told Radio France Internationale in Bamako."
    )
    plain = load_model(disable_all=True)
    fast = load_model(disable_all=True)
    use_numpy_blas(fast.get_pipe("ner").model)
    expected = [(e.text, e.label_) for e in plain.get_pipe("ner")(plain.make_doc(text)).ents]
    with one_blas_thread():
        got = [(e.text, e.label_) for e in fast.get_pipe("ner")(fast.make_doc(text)).ents]
    assert got == expected and expected


def test_one_blas_thread_restores_the_thread_count() -> None:
    from threadpoolctl import threadpool_info

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    with one_blas_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before
