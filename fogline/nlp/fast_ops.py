"""Faster matrix products for the statistical NER: numpy's BLAS instead of thinc's bundled BLIS.

thinc runs spaCy's CPU models on ``NumpyOps``, whose ``gemm`` calls the BLIS library bundled with the
``blis`` package. On the machines we measured (AMD EPYC with AVX-512) that BLIS build reaches about
28 GFLOP/s on the NER's token-to-vector layers, where numpy's own BLAS (OpenBLAS in the PyPI wheels) reaches
80-90 GFLOP/s on the same products with one thread.

- ``use_numpy_blas`` swaps the ops of one model (ours: the NER that ``fogline.model_ner.v1`` runs).
- ``one_blas_thread`` keeps numpy's BLAS on one thread for the duration of a call: the pipeline already runs
  one process per core, and a second BLAS thread only spins against it.

Models loaded elsewhere (a user's own pipeline, the plain spaCy baseline of ``fogline bench``) keep their ops.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import numpy
from thinc.api import Model, NumpyOps


class NumpyBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is numpy's ``matmul`` (the BLAS numpy was built with)."""

    name = "fogline_numpy_blas"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.ascontiguousarray(numpy.matmul(a, b), dtype=numpy.float32)
        numpy.matmul(a, b, out=out)
        return out


def use_numpy_blas(model: Model) -> None:
    """Run every layer of ``model`` on ``NumpyBlasOps`` (in place)."""
    ops = NumpyBlasOps()
    for node in model.walk():
        node.ops = ops


@lru_cache(maxsize=1)
def _controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a declared dependency
        return None
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread inside the block (restored after)."""
    controller = _controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield
