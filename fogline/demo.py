"""The main job on the bundled example corpus: ingest, extract, reconcile, report."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fogline.schema import Agreement, Document, Entity, Event, FacilityImpact, Figure, Statement
from fogline.store import Store


def default_examples_dir() -> Path:
    """``examples/`` beside the package (a source checkout), else in the working directory."""
    here = Path(__file__).resolve().parent.parent / "examples"
    return here if here.is_dir() else Path.cwd() / "examples"


@dataclass
class DemoSummary:
    ingested: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    report_path: Path | None = None
    seconds: float = 0.0


def corpus_sources(examples: Path) -> list[str]:
    """The corpus folders under ``examples`` (each subfolder is one crisis); the README is not a report."""
    folders = sorted(p for p in examples.iterdir() if p.is_dir())
    if not folders:
        raise ValueError(f"{examples}: no example corpus folders found")
    return [str(p) for p in folders]


def run_demo(
    store: Store,
    examples: Path | None = None,
    report_path: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Ingest the example corpus into ``store`` (extraction included) and write the situation report."""
    from fogline.ingest import ingest

    started = time.perf_counter()
    examples = examples or default_examples_dir()
    result = ingest(store, corpus_sources(examples), progress=progress)
    summary = DemoSummary(ingested=result.ingested, duplicates=result.duplicates, failed=list(result.failed))
    for record in (Document, Entity, Figure, Event, Statement, Agreement, FacilityImpact):
        summary.counts[record.table] = store.count(record)
    if report_path is not None:
        from fogline.report import write_report

        summary.report_path = write_report(store, report_path)
    summary.seconds = time.perf_counter() - started
    return summary
