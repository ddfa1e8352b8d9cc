"""Ingest timing: the founding seeds and N generated reports, with the resulting database size.

    .venv/bin/python benchmarks/ingest_bench.py [--count 1000] [--no-extract] [--seed 7] [--processes N]

Extraction runs with the full default pipeline when it can be built; otherwise the script falls back to
``--no-extract`` and says so. Generated reports come from templates with random places, actors, numbers and
dates, so they are neither exact nor (mostly) near duplicates of each other.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fogline.ingest import default_processes, ingest  # noqa: E402
from fogline.store import Store  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"

PLACES = [
    "El Fasher",
    "Nyala",
    "Kadugli",
    "Khan Younis",
    "Rafah",
    "Jenin",
    "Kharkiv",
    "Pokrovsk",
    "Kherson",
    "Gao",
    "Menaka",
    "Djibo",
    "Sittwe",
    "Lashio",
    "Myitkyina",
    "Goma",
    "Bunia",
    "Beni",
    "Marib",
    "Taiz",
    "Hodeidah",
    "Idlib",
    "Deir ez-Zor",
    "Raqqa",
    "Mekelle",
    "Bahir Dar",
    "Maiduguri",
    "Kidal",
    "Tripoli",
]
ACTORS = [
    "the army",
    "the Rapid Support Forces",
    "an armed group",
    "government forces",
    "rebel fighters",
    "unidentified gunmen",
    "a local militia",
    "security forces",
    "drone units",
    "artillery units",
]
SOURCES = [
    "the health ministry",
    "a local monitoring group",
    "the United Nations",
    "the Red Cross",
    "residents",
    "the regional governor",
    "an aid agency",
    "the civil defence service",
    "hospital staff",
    "a police spokesman",
]
FACILITIES = ["hospital", "school", "market", "water station", "power plant", "mosque", "church", "clinic"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

PARAGRAPHS = [
    "{actor_cap} shelled residential areas of {place} on {weekday}, killing at least {n1} civilians and "
    "wounding {n2} others, according to {source}.",
    "{source_cap} said that {n3} families had fled {place} since {date_long}, most of them on foot, and that "
    "shelters in {place2} were already full.",
    "A {facility} in {place} was hit during the night and stopped working, {source} reported; staff moved "
    "{n2} patients and residents to {place2}.",
    "Fighting between {actor} and {actor2} continued around {place2} for a {ordinal} day, with both sides "
    "claiming to have repelled attacks.",
    "{source_cap} called for an immediate ceasefire and safe passage for civilians, warning that food and "
    "fuel stocks in {place} would run out within {n4} days.",
    "On {date_long}, a convoy of {n4} trucks carrying food and medicine reached {place2}, the first "
    "to arrive in {n5} weeks, {source} said.",
    "Officials in {place} said {n1} people remained missing after the strike, and rescue teams were still "
    "searching the rubble of {n4} buildings.",
    "The death toll from the attack on {place2} rose to {n6}, {source} said on {weekday}, adding that the "
    "figure could rise further.",
    "Talks mediated by neighbouring states were due to resume on {date_long}, but {actor} said it "
    "would not attend while the offensive on {place} continued.",
    "Residents of {place} described hearing explosions from early morning; one said {n4} houses on "
    "her street had been destroyed.",
    "{source_cap} estimated that {n7} people needed humanitarian assistance across the province, up from "
    "{n6} a month earlier.",
    "Electricity and water were cut in large parts of {place2} after the {facility} was damaged "
    "on {weekday}.",
]


def _fields(rng: random.Random) -> dict[str, str]:
    place, place2 = rng.sample(PLACES, 2)
    actor, actor2 = rng.sample(ACTORS, 2)
    source = rng.choice(SOURCES)
    day = date(2022, 1, 1) + timedelta(days=rng.randrange(1500))
    return {
        "place": place,
        "place2": place2,
        "actor": actor,
        "actor2": actor2,
        "actor_cap": actor[0].upper() + actor[1:],
        "source": source,
        "source_cap": source[0].upper() + source[1:],
        "facility": rng.choice(FACILITIES),
        "weekday": rng.choice(WEEKDAYS),
        "date_long": f"{day.day} {day:%B} {day.year}",
        "ordinal": rng.choice(["second", "third", "fourth", "fifth", "sixth"]),
        "n1": str(rng.randint(2, 90)),
        "n2": str(rng.randint(5, 300)),
        "n3": f"{rng.randint(1, 40) * 100:,}",
        "n4": str(rng.randint(3, 40)),
        "n5": str(rng.randint(2, 12)),
        "n6": str(rng.randint(20, 900)),
        "n7": f"{rng.randint(10, 900) * 1000:,}",
    }


def generated_report(rng: random.Random) -> str:
    """A synthetic report of 8–14 paragraphs (~250–450 words)."""
    paragraphs = []
    for _ in range(rng.randint(8, 14)):
        paragraphs.append(rng.choice(PARAGRAPHS).format(**_fields(rng)))
    values = _fields(rng)
    title = f"Clashes near {values['place']} as {values['n3']} flee"
    return title + "\n" + "\n".join(paragraphs) + "\n"


def _size(store: Store, path: Path | None) -> str:
    if path is not None:
        total = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        return f"{total / 2**20:.2f} MB (SQLite file with WAL)"
    with store.engine.connect() as conn:
        from sqlalchemy import text

        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    return f"{int(size) / 2**20:.2f} MB (PostgreSQL database)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000, help="generated reports (default 1000)")
    parser.add_argument("--no-extract", action="store_true", help="store documents only")
    parser.add_argument("--seed", type=int, default=7, help="random seed for the generated reports")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file in a temp dir)")
    parser.add_argument(
        "--processes",
        type=int,
        default=default_processes(),
        help="extraction processes (default: as the CLI)",
    )
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")

    nlp = None
    extract = not args.no_extract
    if extract:
        from fogline.nlp.pipeline import default_pipeline

        started = time.perf_counter()
        try:
            nlp = default_pipeline()
        except (ImportError, RuntimeError, OSError) as exc:
            print(f"full pipeline cannot be built ({type(exc).__name__}: {exc}): running with --no-extract")
            extract = False
        else:
            print(f"pipeline built in {time.perf_counter() - started:.2f}s")
            from fogline.ingest.normalize import document_from_text
            from fogline.nlp.pipeline import extract as run_pipeline

            started = time.perf_counter()
            warm = document_from_text("Shelling was reported near the border town on Monday, residents said.")
            next(iter(run_pipeline([warm], nlp)))
            print(f"first document (lazy loading: gazetteer index etc.) {time.perf_counter() - started:.2f}s")
    print(
        f"extraction: {'full default pipeline' if extract else 'OFF (--no-extract)'}, "
        f"{args.processes} process{'es' if args.processes != 1 else ''}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        db_path = None if args.db else Path(tmp) / "bench.db"
        store = Store(args.db or str(db_path))
        if SEEDS.is_dir():
            started = time.perf_counter()
            summary = ingest(store, [str(SEEDS)], nlp=nlp, extract_items=extract, n_process=args.processes)
            elapsed = time.perf_counter() - started
            print(
                f"seeds: {summary.ingested} documents in {elapsed:.2f}s ({summary.failed or 'no failures'})"
            )
        else:
            print(f"seeds: {SEEDS} not found, skipped")

        rng = random.Random(args.seed)
        folder = Path(tmp) / "generated"
        folder.mkdir()
        words = 0
        for i in range(args.count):
            text = generated_report(rng)
            words += len(text.split())
            (folder / f"report_{i:05d}.txt").write_text(text, "utf-8")
        started, cpu_started, before = time.perf_counter(), time.process_time(), os.times()
        summary = ingest(store, [str(folder)], nlp=nlp, extract_items=extract, n_process=args.processes)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        after = os.times()
        cpu_workers = sum(after[2:4]) - sum(before[2:4])  # reaped worker processes: user + system
        print(
            f"generated: {args.count} reports (avg {words / max(1, args.count):.0f} words) "
            f"in {elapsed:.2f}s = "
            f"{summary.ingested / elapsed:.1f} docs/s; stored {summary.ingested}, exact duplicates "
            f"{summary.duplicates}, near duplicates {summary.near_duplicates}, failed {len(summary.failed)}"
        )
        total_cpu = cpu + cpu_workers
        print(
            f"  CPU time {total_cpu:.2f}s (parent {cpu:.2f}s, workers {cpu_workers:.2f}s) = "
            f"{summary.ingested / max(total_cpu, 1e-9):.1f} docs per CPU-second"
        )
        print(f"database size: {_size(store, db_path)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory: parent {peak:.0f} MB, largest worker {workers:.0f} MB (RSS)")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        store.close()


if __name__ == "__main__":
    main()
