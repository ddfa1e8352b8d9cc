"""Score fatality counts (and event types, when the events component exists) on an ACLED export.

Each row's coder note (``NOTES``) is run through the pipeline, with the publication date taken from
``EVENT_DATE`` (dd/mm/yyyy). Fatalities are counted from the figures by ACLED's rule
(``fogline.nlp.figures_tally.acled_fatalities``) and compared with ``FATALITIES``.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from fogline.evaluate import scorer
from fogline.nlp.figures_tally import UNSPECIFIED_VALUE, acled_fatalities
from fogline.schema import Document

# old (pre-2019) ACLED event types -> the current types that cover them
OLD_TO_NEW: dict[str, set[str]] = {
    "Battle-No change of territory": {"Battles"},
    "Battle-Government regains territory": {"Battles"},
    "Battle-Non-state actor overtakes territory": {"Battles"},
    "Remote violence": {"Explosions/Remote violence"},
    "Riots/Protests": {"Riots", "Protests"},
    "Violence against civilians": {"Violence against civilians"},
    "Strategic development": {"Strategic developments"},
    "Headquarters or base established": {"Strategic developments"},
    "Non-violent transfer of territory": {"Strategic developments"},
}
MAX_ERRORS = 20


def available_pipeline() -> Language:
    """The default pipeline; when some components are not built yet, the ones that load."""
    from fogline.nlp.pipeline import COMPONENT_MODULES, DEFAULT_COMPONENTS, build_pipeline, default_pipeline

    try:
        return default_pipeline()
    except (ImportError, ValueError, KeyError):
        pass
    names = []
    for name in DEFAULT_COMPONENTS:
        try:
            importlib.import_module(COMPONENT_MODULES[name])
        except ImportError:
            continue
        names.append(name)
    return build_pipeline(names)


def run_documents(nlp: Language, documents: Iterable[Document], batch_size: int = 64) -> Iterator[Doc]:
    """Docs with every component applied, in input order (batched through ``nlp.pipe``)."""
    from fogline.nlp.pipeline import make_doc

    yield from nlp.pipe((make_doc(nlp, d) for d in documents), batch_size=batch_size)


def read_rows(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def iso_date(value: str, fmt: str) -> str | None:
    try:
        return datetime.strptime(value.strip(), fmt).date().isoformat()
    except ValueError:
        return None


def main_event_type(doc: Doc) -> str | None:
    events = list(doc._.events or [])
    if not events:
        return None
    return str(max(events, key=lambda e: e.confidence).event_type) or None


@scorer("acled")
def score(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Fatalities exact match / MAE from the notes; event type accuracy when events are extracted."""
    from fogline.ingest.normalize import document_from_text

    rows = [r for r in read_rows(path, limit) if (r.get("NOTES") or "").strip()]
    nlp = available_pipeline()
    documents = [
        document_from_text(r["NOTES"], published=iso_date(r.get("EVENT_DATE", ""), "%d/%m/%Y")) for r in rows
    ]
    exact = abs_error = typed = type_ok = 0
    errors: list[dict[str, Any]] = []
    for row, doc in zip(rows, run_documents(nlp, documents), strict=True):
        expected = int(row.get("FATALITIES") or 0)
        got = acled_fatalities(doc._.figures or [], doc.text, unspecified=UNSPECIFIED_VALUE)
        exact += got == expected
        abs_error += abs(got - expected)
        if got != expected and len(errors) < MAX_ERRORS:
            errors.append({"id": row.get("EVENT_ID_CNTY", ""), "expected": expected, "got": got})
        predicted = main_event_type(doc)
        if predicted is not None:
            typed += 1
            type_ok += predicted in OLD_TO_NEW.get(row.get("EVENT_TYPE", ""), set())
    n = len(rows)
    result: dict[str, Any] = {
        "n": n,
        "exact_match": round(exact / n, 4) if n else 0.0,
        "mae": round(abs_error / n, 3) if n else 0.0,
    }
    if typed:
        result["event_type_accuracy"] = round(type_ok / n, 4)
        result["event_type_coverage"] = round(typed / n, 4)
    result["errors"] = errors
    return result
