"""Shared fixtures: a store on every backend, the real seeds, a shared NLP pipeline."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fogline.store import Store
from fogline.store.tables import metadata

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
PG_URL = os.environ.get("FOGLINE_TEST_PG")

BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _fresh_pg_store() -> Store:
    assert PG_URL
    store = Store(PG_URL, create=False)
    metadata.drop_all(store.engine)
    store.close()
    return Store(PG_URL)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store: in-memory SQLite, and a real PostgreSQL server when FOGLINE_TEST_PG is set."""
    s = _fresh_pg_store() if request.param == "postgresql" else Store("sqlite:///:memory:")
    yield s
    s.close()


@pytest.fixture
def sqlite_store() -> Iterator[Store]:
    s = Store("sqlite:///:memory:")
    yield s
    s.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not beside the checkout")
    return EVAL


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The full default pipeline, built once per test session."""
    from fogline.nlp.pipeline import default_pipeline

    return default_pipeline()
