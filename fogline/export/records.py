"""JSONL and flat CSV for every kind, with columns derived from the schema's dataclass fields.

Every claim line carries its ``document`` (id, path, url, title, published) and ``span`` [start, end]; figure
lines also carry the resolved ``source`` (the attributed actor, else the attribution as written, else the
outlet) and ``place`` names, with the attribution as written kept in ``source_text``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TextIO

from fogline.export import Filters, exporter
from fogline.reconcile.corpus import Corpus, select_claims
from fogline.reconcile.tallies import compute_tallies
from fogline.schema import Agreement, Claim, Entity, Event, Figure, Record, Statement, record_fields

CLAIM_KINDS: dict[str, type[Claim]] = {
    "figures": Figure,
    "events": Event,
    "statements": Statement,
    "agreements": Agreement,
}


def plain(value: Any) -> Any:
    """JSON-ready values: enums to their value, dataclasses to dicts."""
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def record_row(record: Record) -> dict[str, Any]:
    """A record's declared fields, in schema order."""
    return {f.name: plain(getattr(record, f.name)) for f in record_fields(type(record))}


def claim_row(corpus: Corpus, claim: Claim) -> dict[str, Any]:
    row = record_row(claim)
    doc = corpus.documents.get(claim.document_id)
    row["document"] = {
        "id": claim.document_id,
        "path": doc.path if doc else None,
        "url": doc.url if doc else None,
        "title": doc.title if doc else None,
        "published": doc.published if doc else None,
    }
    row["span"] = [claim.start, claim.end]
    if isinstance(claim, Figure):
        row["source_text"] = claim.source
        row["source"] = corpus.source_of(claim.source_id, claim.source, claim.document_id)[1]
        row["place"] = corpus.name(claim.place_id, claim.place)
        row["side"] = corpus.name(claim.side_id, claim.side)
    return row


def _place_of(corpus: Corpus) -> Callable[[Any], str | None]:
    def place_of(claim: Any) -> str | None:
        pid = getattr(claim, "place_id", None)
        return corpus.canonical_entity_id(pid) or corpus.dominant_place(claim.document_id)

    return place_of


def claim_rows(corpus: Corpus, record: type[Claim], filters: Filters) -> list[dict[str, Any]]:
    claims = select_claims(
        corpus,
        corpus.claims(record),
        since=filters.since,
        until=filters.until,
        place_id=filters.place_id,
        place_of=_place_of(corpus),
    )
    claims.sort(key=lambda c: (corpus.order_key(c.document_id), c.start))
    return [claim_row(corpus, c) for c in claims]


def entity_rows(corpus: Corpus, filters: Filters) -> list[dict[str, Any]]:
    rows = []
    for ent in sorted(corpus.entities.values(), key=lambda e: (str(e.kind), e.name)):
        if filters.place_id and not corpus.encloses(filters.place_id, ent.id):
            continue
        rows.append(record_row(ent))
    return rows


def tally_rows(corpus: Corpus, filters: Filters) -> list[dict[str, Any]]:
    tallies = compute_tallies(corpus, since=filters.since, until=filters.until, place_id=filters.place_id)
    return [plain(t) for t in tallies]


def rows_for(kind: str, corpus: Corpus, filters: Filters) -> list[dict[str, Any]]:
    if kind in CLAIM_KINDS:
        return claim_rows(corpus, CLAIM_KINDS[kind], filters)
    if kind == "entities":
        return entity_rows(corpus, filters)
    return tally_rows(corpus, filters)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """One level of nested dicts becomes prefixed columns; lists and deeper values become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict) and key == "document":
            for sub, v in value.items():
                flat[f"document_{sub}"] = v
        elif isinstance(value, list | dict):
            flat[key] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            flat[key] = value
    return flat


def write_csv(rows: list[dict[str, Any]], out: TextIO, columns: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(flatten(row))
    return len(rows)


def csv_columns(kind: str) -> list[str]:
    """CSV columns of a kind: the schema fields, with the document split into ``document_*`` columns."""
    if kind == "entities":
        return [f.name for f in record_fields(Entity)]
    if kind == "tallies":
        from fogline.reconcile.tallies import Tally

        return [f.name for f in dataclasses.fields(Tally)]
    record = CLAIM_KINDS[kind]
    names = [f.name for f in record_fields(record)]
    extra = ["document_path", "document_url", "document_title", "document_published", "span"]
    if record is Figure:
        extra.append("source_text")
    return names + extra


def _register(kind: str) -> None:
    @exporter(kind, "jsonl")
    def _jsonl(corpus: Corpus, out: TextIO, filters: Filters) -> int:
        return write_jsonl(rows_for(kind, corpus, filters), out)

    @exporter(kind, "csv")
    def _csv(corpus: Corpus, out: TextIO, filters: Filters) -> int:
        return write_csv(rows_for(kind, corpus, filters), out, csv_columns(kind))


for _kind in (*CLAIM_KINDS, "entities", "tallies"):
    _register(_kind)
