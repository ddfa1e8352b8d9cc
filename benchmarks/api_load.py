"""Load benchmark for the read API: 100,000 figures in SQLite, concurrent reads over loopback.

    .venv/bin/python benchmarks/api_load.py [--figures N] [--concurrency 8] [--requests 2000] [--seconds 60]

Fills a temporary SQLite store (bulk insert), starts ``fogline serve`` in a subprocess on 127.0.0.1 with
``--anonymous-read``, fires a bounded number of concurrent GET requests (httpx, async) at a mix of API
endpoints, and prints requests per second and latency percentiles. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from fogline.schema import Document, Entity, EntityKind, make_id
from fogline.store import Store
from fogline.store.tables import TABLES

MEASURES = ["killed", "injured", "displaced", "detained", "missing"]
GROUPS = ["civilians", "fighters", "children", "unknown"]


def fill(store: Store, n_figures: int, n_documents: int = 2000, seed: int = 7) -> dict[str, list[str]]:
    """Bulk-insert places (country > 20 cities > 5 quarters each), documents and figures."""
    rng = random.Random(seed)
    places = [
        Entity(id="country", kind=EntityKind.PLACE, name="Country", type="country", latitude=10, longitude=30)
    ]
    cities, quarters = [], []
    for c in range(20):
        city = Entity(
            id=f"city{c}",
            kind=EntityKind.PLACE,
            name=f"City {c}",
            type="city",
            parent_id="country",
            latitude=10 + rng.random() * 5,
            longitude=30 + rng.random() * 5,
        )
        places.append(city)
        cities.append(city.id)
        for q in range(5):
            quarter = Entity(
                id=f"city{c}q{q}",
                kind=EntityKind.PLACE,
                name=f"Quarter {c}.{q}",
                type="neighbourhood",
                parent_id=city.id,
            )
            places.append(quarter)
            quarters.append(quarter.id)
    store.upsert_entities(places)
    docs = []
    for d in range(n_documents):
        day = f"2025-{1 + d % 12:02d}-{1 + d % 28:02d}"
        docs.append(
            Document(
                id=f"doc{d}",
                text=f"Report {d}: shelling and displacement. " * 20,
                title=f"Report {d}",
                outlet=f"Outlet {d % 30}",
                published=day,
                content_hash=make_id("doc", d),
            ).to_dict()
        )
    figures = []
    for i in range(n_figures):
        d = rng.randrange(n_documents)
        low = rng.randint(1, 5000)
        figures.append(
            {
                "id": make_id("fig", i),
                "document_id": f"doc{d}",
                "start": 0,
                "end": 10,
                "quote": f"Report {d} says {low} people were affected.",
                "extractor": "bench",
                "confidence": 0.9,
                "review_status": "auto",
                "reviewed_by": None,
                "measure": rng.choice(MEASURES),
                "group": rng.choice(GROUPS),
                "side_id": None,
                "side": None,
                "low": low,
                "high": low,
                "qualifier": "exact",
                "number_text": str(low),
                "source_id": None,
                "source": f"Source {i % 50}",
                "place_id": rng.choice(quarters + cities),
                "place": None,
                "date_start": docs[d]["published"],
                "date_end": None,
                "date_precision": "day",
                "event_id": None,
            }
        )
    with store.engine.begin() as conn:
        conn.execute(TABLES["documents"].insert(), docs)
        for start in range(0, len(figures), 10_000):
            conn.execute(TABLES["figures"].insert(), figures[start : start + 10_000])
    return {"cities": cities, "quarters": quarters, "documents": [d["id"] for d in docs]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def requests_mix(ids: dict[str, list[str]], n: int, seed: int = 11) -> list[tuple[str, str]]:
    """(label, path) pairs: listings with filters and pagination, detail pages, search."""
    rng = random.Random(seed)
    makers = {
        "figures page": lambda: f"/api/figures?limit=50&offset={rng.randrange(0, 5000, 50)}",
        "figures by measure+date": lambda: (
            f"/api/figures?measure={rng.choice(MEASURES)}&since=2025-0{rng.randint(1, 6)}-01&until=2025-09-30"
        ),
        "figures in city (nested)": lambda: f"/api/figures?place={rng.choice(ids['cities'])}&limit=20",
        "document detail": lambda: f"/api/documents/{rng.choice(ids['documents'])}",
        "entity detail": lambda: f"/api/entities/{rng.choice(ids['quarters'])}",
        "search": lambda: f"/api/figures?q=Source%20{rng.randrange(50)}&limit=20",
    }
    labels = list(makers)
    return [(label, makers[label]()) for label in (labels[i % len(labels)] for i in range(n))]


async def run_load(
    base: str, plan: list[tuple[str, str]], concurrency: int, seconds: float
) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60, trust_env=False) as client:

        async def worker() -> None:
            nonlocal errors
            while not queue.empty() and time.monotonic() < deadline:
                label, path = queue.get_nowait()
                t0 = time.perf_counter()
                response = await client.get(path)
                latencies[label].append(time.perf_counter() - t0)
                if response.status_code != 200:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    latencies["_errors"] = [float(errors)]
    return latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        store = Store(str(db))
        ids = fill(store, args.figures)
        store.close()
        size = db.stat().st_size / 1e6
        print(f"filled {args.figures:,} figures in {time.perf_counter() - t0:.1f}s ({size:.0f} MB)")

        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fogline.cli",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
                "--anonymous-read",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/openapi.json", timeout=2, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
            asyncio.run(run_load(base, requests_mix(ids, 60), 2, 30))  # warm-up
            plan = requests_mix(ids, args.requests)
            started = time.perf_counter()
            latencies = asyncio.run(run_load(base, plan, args.concurrency, args.seconds))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=20)

    errors = int(latencies.pop("_errors")[0])
    every = [v for values in latencies.values() for v in values]
    print(f"{len(every):,} requests, concurrency {args.concurrency}, {elapsed:.1f}s, {errors} errors")
    print(f"throughput: {len(every) / elapsed:.1f} requests/s")
    p50, p95 = pct(every, 0.5), pct(every, 0.95)
    print(f"latency: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(every) * 1000:.0f} ms")
    for label, values in sorted(latencies.items()):
        mean = statistics.fmean(values) * 1000
        print(
            f"  {label:26s} n={len(values):5d}  p50 {pct(values, 0.5):6.0f} ms"
            f"  p95 {pct(values, 0.95):6.0f} ms  mean {mean:6.0f} ms"
        )


if __name__ == "__main__":
    main()
