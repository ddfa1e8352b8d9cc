"""Situation-report and reconciliation timings on a large generated store and on the seeds.

    .venv/bin/python benchmarks/report_bench.py [--docs 10000] [--seeds ../shared/seeds] [--keep DIR]

The generated store holds the records extraction would produce for ``--docs`` documents (inserted directly,
no NLP): several crises, each a city with neighbourhoods, ~3 figures, ~2 events, a statement per document,
some agreements and facility impacts, 5 % syndicated near-duplicates. Times: reconciliation steps, then
``build_report`` and each renderer. With ``--seeds`` (the default when ../shared/seeds exists) the seeds are
also ingested through the full pipeline and reported on.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fogline.reconcile import compute_tallies, merged_events, timeline  # noqa: E402
from fogline.reconcile.corpus import Corpus  # noqa: E402
from fogline.report import build_report, render  # noqa: E402
from fogline.schema import (  # noqa: E402
    Agreement,
    Document,
    Entity,
    EntityKind,
    Event,
    FacilityImpact,
    Figure,
    Measure,
    Qualifier,
    Record,
    Statement,
    StatementAct,
    VictimGroup,
    make_id,
)
from fogline.store import Store  # noqa: E402
from fogline.store.tables import TABLES  # noqa: E402

CRISES = [
    ("SD", "El Fasher", 13.63, 25.35), ("UA", "Kharkiv", 49.99, 36.23), ("MM", "Lashio", 22.93, 97.75),
    ("ML", "Gao", 16.27, -0.04), ("SY", "Aleppo", 36.20, 37.13), ("PS", "Rafah", 31.29, 34.25),
]  # fmt: skip
EVENT_TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
]  # fmt: skip


def _values(record: Record) -> dict[str, Any]:
    out = {}
    for f in dataclasses.fields(record):
        v = getattr(record, f.name)
        out[f.name] = v.value if isinstance(v, Enum) else v
    return out


def _entities(rng: random.Random) -> tuple[list[Entity], dict[str, list[str]], list[str]]:
    ents: list[Entity] = []
    hoods: dict[str, list[str]] = {}
    for iso, city, lat, lon in CRISES:
        cid = make_id("city", city)
        ents.append(
            Entity(
                id=cid,
                kind=EntityKind.PLACE,
                name=city,
                type="city",
                country=iso,
                latitude=lat,
                longitude=lon,
            )
        )
        hoods[cid] = []
        for i in range(12):
            hid = make_id("hood", city, i)
            ents.append(
                Entity(
                    id=hid,
                    kind=EntityKind.PLACE,
                    name=f"{city} district {i + 1}",
                    type="neighbourhood",
                    country=iso,
                    parent_id=cid,
                    latitude=lat + rng.uniform(-0.05, 0.05),
                    longitude=lon + rng.uniform(-0.05, 0.05),
                )
            )
            hoods[cid].append(hid)
    actors = []
    for i in range(60):
        aid = make_id("actor", i)
        kind = ["state_forces", "rebel_group", "ngo", "international", "political_militia"][i % 5]
        ents.append(Entity(id=aid, kind=EntityKind.ACTOR, name=f"Actor {i}", type=kind))
        actors.append(aid)
    return ents, hoods, actors


def generate(store: Store, n_docs: int, seed: int = 7) -> dict[str, int]:
    """Insert ``n_docs`` documents' worth of records; return the counts."""
    rng = random.Random(seed)
    ents, hoods, actors = _entities(rng)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["entities"] = [_values(e) for e in ents]
    cities = list(hoods)
    for d in range(n_docs):
        cid = cities[d % len(cities)]
        day = date.fromordinal(date(2025, 1, 1).toordinal() + (d * 365) // n_docs)
        doc_id = f"doc{d:06d}"
        dup = f"doc{d - 1:06d}" if d and rng.random() < 0.05 else None
        rows["documents"].append(
            _values(
                Document(
                    id=doc_id,
                    text="(generated)",
                    title=f"Report {d}",
                    outlet=f"Outlet {d % 40}",
                    published=day.isoformat(),
                    content_hash=doc_id,
                    near_duplicate_of=dup,
                    ingested_at=f"2025-12-31T00:00:{d % 60:02d}",
                )
            )
        )
        for k in range(3):
            place = rng.choice(hoods[cid] + [cid, None])
            measure = rng.choice([Measure.KILLED, Measure.KILLED, Measure.INJURED, Measure.DISPLACED])
            low = rng.randint(1, 60) * (1000 if measure == Measure.DISPLACED else 1)
            rows["figures"].append(
                _values(
                    Figure(
                        id=make_id(doc_id, "f", k),
                        document_id=doc_id,
                        start=k * 100,
                        end=k * 100 + 5,
                        quote=f"Generated sentence {k} of report {d}.",
                        measure=measure,
                        group=rng.choice([VictimGroup.CIVILIANS, VictimGroup.UNKNOWN, VictimGroup.FIGHTERS]),
                        low=low,
                        high=low,
                        qualifier=rng.choice([Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.ABOUT]),
                        number_text=str(low),
                        source_id=rng.choice([*actors[:20], None]),
                        place_id=place,
                        extractor="bench",
                    )
                )
            )
        for k in range(2):
            etype, sub = rng.choice(EVENT_TYPES)
            rows["events"].append(
                _values(
                    Event(
                        id=make_id(doc_id, "e", k),
                        document_id=doc_id,
                        start=500 + k,
                        end=510 + k,
                        quote=f"Event {k}.",
                        event_type=etype,
                        sub_event_type=sub,
                        disorder_type="Political violence",
                        date_start=(day.fromordinal(day.toordinal() - rng.randint(0, 2))).isoformat(),
                        place_id=rng.choice(hoods[cid]),
                        actor1_id=rng.choice(actors[:10]),
                        is_onset=rng.random() < 0.02,
                        extractor="bench",
                    )
                )
            )
        rows["statements"].append(
            _values(
                Statement(
                    id=make_id(doc_id, "s"),
                    document_id=doc_id,
                    start=700,
                    end=720,
                    quote="A statement.",
                    speaker_id=rng.choice(actors),
                    act=rng.choice(list(StatementAct)),
                    demands=["a ceasefire"],
                    date_start=day.isoformat(),
                    extractor="bench",
                )
            )
        )
        if rng.random() < 0.1:
            rows["agreements"].append(
                _values(
                    Agreement(
                        id=make_id(doc_id, "a"),
                        document_id=doc_id,
                        start=800,
                        end=820,
                        quote="An agreement.",
                        name=f"Truce {d % 30}",
                        kind="ceasefire",
                        date=day.isoformat(),
                        extractor="bench",
                    )
                )
            )
        if rng.random() < 0.1:
            rows["facility_impacts"].append(
                _values(
                    FacilityImpact(
                        id=make_id(doc_id, "h"),
                        document_id=doc_id,
                        start=900,
                        end=920,
                        quote="A hospital was hit.",
                        facility=f"Hospital {d % 25}",
                        facility_type="hospital",
                        place_id=cid,
                        date_start=day.isoformat(),
                        extractor="bench",
                    )
                )
            )
    with store.engine.begin() as conn:
        for table, items in rows.items():
            for i in range(0, len(items), 2000):
                if items[i : i + 2000]:
                    conn.execute(TABLES[table].insert(), items[i : i + 2000])
    return {t: len(v) for t, v in rows.items() if v}


def timed(label: str, fn: Callable[[], Any], results: list[tuple[str, float]]) -> Any:
    started = time.perf_counter()
    value = fn()
    results.append((label, time.perf_counter() - started))
    return value


def bench_store(store: Store, label: str) -> list[tuple[str, float]]:
    results: list[tuple[str, float]] = []
    corpus = timed(f"{label}: load corpus", lambda: Corpus.load(store), results)
    tallies = timed(f"{label}: compute_tallies", lambda: compute_tallies(corpus), results)
    events = timed(f"{label}: merged_events", lambda: merged_events(corpus), results)
    timed(f"{label}: timeline", lambda: timeline(corpus), results)
    report = timed(f"{label}: build_report (from the store)", lambda: build_report(store), results)
    for suffix in (".md", ".html", ".pdf"):
        timed(f"{label}: render {suffix}", lambda s=suffix: render(report, s), results)  # type: ignore[misc]
    results.append((f"{label}: {len(tallies)} tallies, {len(events)} merged events", 0.0))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--keep", type=Path, default=None, help="Write the reports here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        counts = generate(store, args.docs)
        print(f"generated {counts} in {time.perf_counter() - started:.1f} s")
        results = bench_store(store, f"{args.docs} docs")
        if args.seeds.is_dir():
            from fogline.ingest import ingest

            seed_store = Store(str(Path(tmp) / "seeds.db"))
            t0 = time.perf_counter()
            ingest(seed_store, [str(args.seeds)])
            results.append(("seeds: ingest + extract (full pipeline)", time.perf_counter() - t0))
            results += bench_store(seed_store, "seeds")
        for label, seconds in results:
            print(f"{label:<55} {seconds * 1000:10.1f} ms" if seconds else label)
        if args.keep:
            from fogline.report import write_report

            args.keep.mkdir(parents=True, exist_ok=True)
            for suffix in (".md", ".html", ".pdf"):
                write_report(store, args.keep / f"bench{suffix}")


if __name__ == "__main__":
    main()
