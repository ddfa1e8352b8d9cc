"""The record of generated reports (``ReportRun``) and "what changed since the last report"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fogline.schema import ReportRun, make_id
from fogline.store import Store

if TYPE_CHECKING:
    from fogline.report.model import SituationReport


def summary_of(report: SituationReport) -> dict[str, Any]:
    """What a later report compares against: headline tallies, events, agreements, facilities, counts."""
    return {
        "documents": report.documents,
        "tallies": {
            h.tally.key: {
                "label": h.tally.label,
                "low": h.tally.low,
                "best": h.tally.best,
                "high": h.tally.high,
                "contested": h.tally.contested,
                "sources": list(h.tally.sources),
                "approximate": h.tally.approximate,
                "words": h.tally.vague_words,
            }
            for h in report.headlines
        },
        "events": sorted(e.id for e in report.events),
        "agreements": {getattr(c.item, "name", ""): getattr(c.item, "status", "") for c in report.agreements},
        "facilities": {
            getattr(c.item, "facility", ""): list(getattr(c.item, "statuses", [])) for c in report.facilities
        },
        "statements": len(report.statements),
    }


def _range(t: dict[str, Any]) -> str:
    return f"{t['low']:,}–{t['high']:,}" if t["low"] != t["high"] else f"{t['low']:,}"


def _best(t: dict[str, Any]) -> str:
    """ "best 460", or for a tally resting only on vague words "dozens, no precise figure" (no fake 12)."""
    if t.get("approximate"):
        return f"{', '.join(t.get('words') or []) or 'approximate'}, no precise figure"
    return f"best {t['best']:,}"


def what_changed(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Plain-language differences between two report summaries."""
    out: list[str] = []
    old_tallies: dict[str, Any] = before.get("tallies", {})
    for key, t in now.get("tallies", {}).items():
        old = old_tallies.get(key)
        if old is None:
            out.append(
                f"New figure: {t['label']}: {_best(t)} (range {_range(t)}), {len(t['sources'])} source(s)"
            )
            continue
        parts = []
        if (old["low"], old["best"], old["high"]) != (t["low"], t["best"], t["high"]):
            if old.get("approximate") or t.get("approximate"):
                parts.append(f"{_best(old)} → {_best(t)}, range {_range(old)} → {_range(t)}")
            else:
                parts.append(f"best {old['best']:,} → {t['best']:,}, range {_range(old)} → {_range(t)}")
        added = [s for s in t["sources"] if s not in old["sources"]]
        if added:
            parts.append("new source(s): " + ", ".join(added))
        if t["contested"] != old["contested"]:
            parts.append("now contested" if t["contested"] else "no longer contested")
        if parts:
            out.append(f"{t['label']}: " + "; ".join(parts))
    new_events = len(set(now.get("events", [])) - set(before.get("events", [])))
    if new_events:
        out.append(f"{new_events} new event(s) reported")
    for name, status in now.get("agreements", {}).items():
        old_status = before.get("agreements", {}).get(name)
        if old_status is None:
            out.append(f"Agreement newly reported: {name} ({status})")
        elif old_status != status:
            out.append(f"{name}: {old_status} → {status}")
    for name, statuses in now.get("facilities", {}).items():
        old_statuses = before.get("facilities", {}).get(name)
        if old_statuses is None:
            out.append(f"Facility newly reported affected: {name} ({', '.join(statuses)})")
        elif set(statuses) - set(old_statuses):
            out.append(f"{name}: now also {', '.join(sorted(set(statuses) - set(old_statuses)))}")
    added_docs = int(now.get("documents", 0)) - int(before.get("documents", 0))
    if added_docs > 0:
        out.append(f"{added_docs} more document(s) behind this report")
    return out


def previous_run(store: Store, *, place: str | None) -> ReportRun | None:
    """The latest report generated for the same place (any place when none matches)."""
    runs = store.records(ReportRun, order_by="-generated_at", limit=50)
    same = [r for r in runs if r.place == place]
    found = same or runs
    return found[0] if found else None


def record_run(store: Store, report: SituationReport, path: Path) -> ReportRun:
    """Remember a generated report so the next one can say what changed."""
    at = report.generated_at or datetime.now(UTC).isoformat(timespec="seconds")
    run = ReportRun(
        id=make_id("report", at, str(path), report.place),
        generated_at=at,
        since=report.since,
        place=report.place,
        path=str(path),
        format=path.suffix.lstrip("."),
        summary=report.summary,
    )
    store.put(run)
    return run
