"""Exports: a registry of exporters by (kind, format).

Kinds: figures, events, statements, agreements, entities, tallies. Formats: ``jsonl`` and ``csv`` for every
kind (columns derived from the schema), ``acled``, ``ucdp``, ``geojson`` and ``hxl`` for events (merged across
reports), ``hxl`` for tallies. ``export(store, kind, fmt, out, since=, until=, place=) -> rows written``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from fogline.reconcile.corpus import Corpus
from fogline.store import Store


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    place_id: str | None = None


Exporter = Callable[[Corpus, TextIO, Filters], int]
EXPORTERS: dict[tuple[str, str], Exporter] = {}
KINDS = ("figures", "events", "statements", "agreements", "entities", "tallies")
FORMATS = ("jsonl", "csv", "acled", "ucdp", "geojson", "hxl")


def exporter(kind: str, fmt: str) -> Callable[[Exporter], Exporter]:
    """Register an exporter for one kind of record in one format."""

    def register(fn: Exporter) -> Exporter:
        EXPORTERS[(kind, fmt)] = fn
        return fn

    return register


def formats_for(kind: str) -> list[str]:
    return [f for (k, f) in EXPORTERS if k == kind]


def export(
    store: Store | Corpus,
    kind: str,
    fmt: str,
    out: TextIO,
    *,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
) -> int:
    """Write ``kind`` records in format ``fmt`` to ``out``; return the number of records written."""
    _load()
    fn = EXPORTERS.get((kind, fmt))
    if fn is None:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
        raise ValueError(f"no {fmt!r} export for {kind}: use one of {', '.join(formats_for(kind))}")
    corpus = store if isinstance(store, Corpus) else Corpus.load(store)
    return fn(corpus, out, Filters(since=since, until=until, place_id=corpus.resolve_place(place)))


def _load() -> None:
    """Import the format modules (each registers its exporters)."""
    from fogline.export import acled, geo, humdata, records, ucdp  # noqa: F401


__all__ = ["EXPORTERS", "FORMATS", "KINDS", "Filters", "export", "exporter", "formats_for"]
