"""Shared by ACLED, UCDP, GeoJSON and HXL exports: merged events, admin names, actor codes, deaths."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pycountry

from fogline.export import Filters
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.events import MergedEvent, merged_events
from fogline.reconcile.tallies import TallyClaim, summarise
from fogline.schema import ActorType, Figure, Measure, VictimGroup

# ACLED ``inter`` codes by actor type (ACLED codebook: 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces).
INTER_CODES = {
    ActorType.STATE_FORCES.value: 1,
    ActorType.GOVERNMENT.value: 1,
    ActorType.REBEL_GROUP.value: 2,
    ActorType.POLITICAL_MILITIA.value: 3,
    ActorType.IDENTITY_MILITIA.value: 4,
    ActorType.PROTESTERS.value: 6,
    ActorType.CIVILIANS.value: 7,
    ActorType.INTERNATIONAL.value: 8,
    ActorType.NGO.value: 8,
    ActorType.MEDIA.value: 8,
    ActorType.PERSON.value: 8,
    ActorType.OTHER.value: 8,
}
CIVILIAN_GROUPS = {VictimGroup.CIVILIANS.value, VictimGroup.CHILDREN.value, VictimGroup.WOMEN.value}


def events(corpus: Corpus, filters: Filters) -> list[MergedEvent]:
    return merged_events(corpus, since=filters.since, until=filters.until, place_id=filters.place_id)


def inter_code(corpus: Corpus, actor_id: str | None) -> int | None:
    ent = corpus.entity(actor_id)
    return INTER_CODES.get(ent.type or "") if ent else None


def actor_type(corpus: Corpus, actor_id: str | None) -> str | None:
    ent = corpus.entity(actor_id)
    return ent.type if ent else None


@dataclass
class Where:
    iso2: str | None = None
    iso3: str = ""
    iso_numeric: int | None = None
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    level: str | None = None


def where(corpus: Corpus, place_id: str | None, fallback: str | None = None) -> Where:
    """Country and admin names of a place, read off its enclosing places."""
    names = corpus.admin_names(place_id)
    ent = corpus.entity(place_id)
    out = Where(
        iso2=names["country"],
        admin1=names["admin1"] or "",
        admin2=names["admin2"] or "",
        location=ent.name if ent else (fallback or ""),
        level=ent.type if ent else None,
    )
    country_ent = next(
        (corpus.entities[p] for p in corpus.chain(place_id) if corpus.entities[p].type == "country"), None
    )
    if out.iso2:
        found = pycountry.countries.get(alpha_2=out.iso2.upper())
        if found is not None:
            out.iso3 = found.alpha_3
            out.iso_numeric = int(found.numeric)
            out.country = getattr(found, "common_name", None) or found.name
    if country_ent is not None:
        out.country = country_ent.name
    return out


def timestamp(corpus: Corpus, ev: MergedEvent) -> int:
    """Unix time when the latest report of the event entered the store."""
    stamps = []
    for doc_id in ev.document_ids:
        doc = corpus.documents.get(doc_id)
        if doc and doc.ingested_at:
            try:
                parsed = datetime.fromisoformat(doc.ingested_at.replace("Z", "+00:00"))
            except ValueError:
                continue
            stamps.append(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))
    return int(max(stamps).timestamp()) if stamps else int(datetime.now(UTC).timestamp())


@dataclass
class Deaths:
    """Deaths by side (UCDP's deaths_a/b/civilians/unknown) and the low/best/high totals."""

    by_side: dict[str, int] = field(default_factory=dict)
    low: int = 0
    best: int = 0
    high: int = 0
    injured: int | None = None
    displaced: int | None = None


def linked_figures(corpus: Corpus, ev: MergedEvent, figures: dict[str, Figure]) -> list[Figure]:
    """Figures the extractor linked to any mention of the event (either direction)."""
    ids = set(ev.figure_ids) | {f.id for f in figures.values() if f.event_id in set(ev.event_ids)}
    return [figures[i] for i in sorted(ids) if i in figures]


def _claims(corpus: Corpus, figs: list[Figure]) -> list[TallyClaim]:
    latest: dict[str, Figure] = {}
    for f in sorted(figs, key=lambda f: corpus.order_key(f.document_id)):
        latest[corpus.source_of(f.source_id, f.source, f.document_id)[0]] = f
    return [
        TallyClaim(
            figure_id=f.id,
            document_id=f.document_id,
            source="",
            source_id=None,
            low=f.low,
            high=f.high,
            qualifier=str(f.qualifier),
            quote=f.quote,
            published=None,
            number_text=f.number_text,
        )
        for f in latest.values()
    ]


def deaths(corpus: Corpus, ev: MergedEvent, figures: dict[str, Figure]) -> Deaths:
    """Deaths of an event from its linked figures, per side, reconciled across sources like a tally."""
    figs = linked_figures(corpus, ev, figures)
    killed: dict[str, list[Figure]] = defaultdict(list)
    has_civilians = any(
        f.group == VictimGroup.CIVILIANS.value for f in figs if f.measure == Measure.KILLED.value
    )
    out = Deaths()
    for f in figs:
        if f.measure == Measure.INJURED.value:
            summary = summarise(_claims(corpus, [f]))
            out.injured = max(out.injured or 0, summary.best if summary else 0)
        if f.measure == Measure.DISPLACED.value:
            summary = summarise(_claims(corpus, [f]))
            out.displaced = max(out.displaced or 0, summary.best if summary else 0)
        if f.measure != Measure.KILLED.value:
            continue
        group = str(f.group)
        side = corpus.canonical_entity_id(f.side_id)
        if group in CIVILIAN_GROUPS:
            if group != VictimGroup.CIVILIANS.value and has_civilians:
                continue  # children/women are part of the civilians count
            killed["civilians"].append(f)
        elif side and side == ev.actor1_id:
            killed["a"].append(f)
        elif side and side == ev.actor2_id:
            killed["b"].append(f)
        else:
            killed["unknown"].append(f)
    for side_key, group_figs in killed.items():
        summary = summarise(_claims(corpus, group_figs))
        if summary is None:
            continue
        out.by_side[side_key] = summary.best
        out.low += summary.low
        out.best += summary.best
        out.high += summary.high
    if not killed and ev.fatalities:
        out.by_side["unknown"] = ev.fatalities
        out.low = out.best = out.high = ev.fatalities
    return out


def figures_by_id(corpus: Corpus) -> dict[str, Figure]:
    return {f.id: f for f in corpus.claims(Figure)}
