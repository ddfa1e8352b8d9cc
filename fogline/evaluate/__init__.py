"""Scorers for public labelled data sets, by name: ``fogline eval NAME FILE``.

Each scorer module registers a function ``score(path, *, limit=None) -> dict`` under its name with
``@scorer("name")``; the dict holds the measures (``n``, ``exact_match``, ``weighted_f1``, …) and may hold
an ``errors`` list of examples for the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Scorer = Callable[..., dict[str, Any]]
SCORERS: dict[str, Scorer] = {}
SCORER_MODULES = {
    "fakes": "fogline.evaluate.fakes",
    "acled": "fogline.evaluate.acled",
    "case2021": "fogline.evaluate.case2021",
}


def scorer(name: str) -> Callable[[Scorer], Scorer]:
    def register(fn: Scorer) -> Scorer:
        SCORERS[name] = fn
        return fn

    return register


def evaluate(name: str, path: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on a labelled file in the named data set's format."""
    if name not in SCORER_MODULES:
        raise ValueError(f"unknown data set {name!r}; choose one of {', '.join(sorted(SCORER_MODULES))}")
    importlib.import_module(SCORER_MODULES[name])
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    return SCORERS[name](path, limit=limit)
