"""Events across reports: the same event told by several outlets becomes one event with all its mentions.

Two event mentions are the same event when (documented rules)
- their types are compatible: same ACLED event type (or sub-event type), one of them untyped, or a pair in
  ``COMPATIBLE_TYPES`` (a clash reported by one outlet as shelling by another);
- their places are compatible: the same place or one enclosing the other, within the same city-level anchor
  (an event without a place takes its document's dominant place);
- their dates are within ``WINDOW_DAYS`` of the event's dates so far (the date is the event's own start date,
  else its document's publication date);
- their actors are compatible: when both name actors, they share at least one.
Mentions that date the start of a campaign (``is_onset``: "the offensive began on …") are merged among
themselves with a wider window (``ONSET_WINDOW_DAYS``), whatever their types, actors and places within one
city-level anchor (one report names the ministry that announced the operation, another the army units
fighting it; one names a neighbourhood, another its neighbour), because reports disagree about
exactly that date; the disagreement is kept in ``conflicts``.

Attributes on which mentions disagree (start/end dates, fatalities, sub-event type) are listed in
``conflicts``; the merged value is the most reported one (ties: the earliest). Fatalities follow ACLED's rule:
the most conservative figure. Near-duplicate documents count as one source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from fogline.reconcile.corpus import Corpus, effective_date, in_period, unique
from fogline.reconcile.tallies import _day, acled_value, place_names_side
from fogline.schema import Event, Figure, Measure, make_id
from fogline.store import Store

WINDOW_DAYS = 2
ONSET_WINDOW_DAYS = 14
COMPATIBLE_TYPES = {
    frozenset({"Battles", "Explosions/Remote violence"}),
}


@dataclass
class EventMention:
    """One report's account of the event."""

    event_id: str
    document_id: str
    source: str
    date_start: str | None
    date_end: str | None
    place: str | None
    quote: str
    published: str | None
    title: str | None
    url: str | None
    fatalities: int | None
    sub_event_type: str


@dataclass
class MergedEvent:
    id: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    place_id: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    actor1_id: str | None
    actor1: str | None
    actor2_id: str | None
    actor2: str | None
    assoc_actor_ids: list[str]
    fatalities: int | None
    is_onset: bool
    mentions: list[EventMention]
    event_ids: list[str]
    document_ids: list[str]
    sources: list[str]
    mention_count: int
    conflicts: dict[str, list[str]] = field(default_factory=dict)
    figure_ids: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        kind = self.sub_event_type or self.event_type or "Event"
        if self.is_onset:
            kind = f"Start of {kind.lower()}" if kind != "Event" else "Start of the campaign"
        return f"{kind} in {self.place}" if self.place else kind


@dataclass
class _Cluster:
    events: list[Event] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None


def _types_compatible(a: set[str], b: str) -> bool:
    if not b or not a:
        return True
    return b in a or any(frozenset({b, t}) in COMPATIBLE_TYPES for t in a)


def _actors(corpus: Corpus, ev: Event) -> set[str]:
    ids = [ev.actor1_id, ev.actor2_id, *ev.assoc_actor_ids]
    return {x for x in (corpus.canonical_entity_id(i) for i in ids if i) if x}


@dataclass
class _Candidate:
    event: Event
    place: str | None
    day: date | None
    actors: set[str]
    etype: str


def _fits(corpus: Corpus, cl: _Cluster, c: _Candidate, window: int, onset: bool) -> bool:
    if bool(c.day) != bool(cl.last):
        return False
    if (
        c.day
        and cl.first
        and cl.last
        and not ((cl.first - c.day).days <= window and (c.day - cl.last).days <= window)
    ):
        return False
    if not onset and not _types_compatible(cl.types, c.etype):
        return False
    if not onset and c.actors and cl.actors and not c.actors & cl.actors:
        return False
    if onset:
        return True  # a campaign spans the neighbourhoods of its city-level anchor (the bucket)
    return all(corpus.compatible_places(p, c.place) for p in cl.places)


def _add(cl: _Cluster, c: _Candidate) -> None:
    cl.events.append(c.event)
    if c.place:
        cl.places.append(c.place)
    cl.actors |= c.actors
    if c.etype:
        cl.types.add(c.etype)
    if c.day:
        cl.first = c.day if cl.first is None or c.day < cl.first else cl.first
        cl.last = c.day if cl.last is None or c.day > cl.last else cl.last


def _cluster(
    corpus: Corpus, events: list[Event], places: dict[str, str | None], onset: bool
) -> list[_Cluster]:
    """Greedy clustering in date order within each place anchor; placeless events then join any cluster."""
    window = ONSET_WINDOW_DAYS if onset else WINDOW_DAYS
    buckets: dict[str | None, list[_Candidate]] = defaultdict(list)
    for ev in sorted(events, key=lambda e: (effective_start(corpus, e) or "9999", e.document_id, e.start)):
        cand = _Candidate(
            event=ev,
            place=places[ev.id],
            day=_day(effective_start(corpus, ev)),
            actors=_actors(corpus, ev),
            etype=ev.event_type or ev.sub_event_type,
        )
        buckets[corpus.anchor(cand.place)].append(cand)
    placeless = buckets.pop(None, [])
    clusters: list[_Cluster] = []
    for bucket in buckets.values():
        active: list[_Cluster] = []
        for cand in bucket:
            match = next((cl for cl in active if _fits(corpus, cl, cand, window, onset)), None)
            if match is None:
                match = _Cluster()
                active.append(match)
                clusters.append(match)
            _add(match, cand)
            if cand.day:
                day = cand.day
                active = [c for c in active if c.last is None or (day - c.last).days <= window]
    for cand in placeless:
        fitting = [cl for cl in clusters if _fits(corpus, cl, cand, window, onset)]
        if fitting:
            _add(max(fitting, key=lambda cl: len(cl.events)), cand)
        else:
            cl = _Cluster()
            _add(cl, cand)
            clusters.append(cl)
    return clusters


def effective_start(corpus: Corpus, ev: Event) -> str | None:
    return ev.date_start or corpus.published(ev.document_id)


def _most_reported(values: list[str | None]) -> str | None:
    present = [v for v in values if v]
    if not present:
        return None
    if len(present) == 1 or all(v == present[0] for v in present):
        return present[0]
    counts = Counter(present)
    return min(counts, key=lambda v: (-counts[v], v))


def _fatalities(
    events: list[Event], figures: dict[str, Figure], by_event: dict[str, list[str]]
) -> int | None:
    stated = [e.fatalities for e in events if e.fatalities is not None]
    if stated:
        return min(stated)
    linked = {fid for e in events for fid in e.figure_ids} | {
        fid for e in events for fid in by_event.get(e.id, [])
    }
    by_group: dict[str, list[int]] = defaultdict(list)
    for fid in linked:
        fig = figures.get(fid)
        if fig is not None and fig.measure == Measure.KILLED.value:
            by_group[str(fig.group)].append(acled_value(fig.low, str(fig.qualifier), fig.number_text))
    return sum(min(v) for v in by_group.values()) if by_group else None


def _merge(
    corpus: Corpus, cl: _Cluster, figures: dict[str, Figure], by_event: dict[str, list[str]]
) -> MergedEvent:
    evs = sorted(cl.events, key=lambda e: corpus.order_key(e.document_id, e.date_start))
    mentions = []
    for ev in evs:
        doc = corpus.documents.get(ev.document_id)
        mentions.append(
            EventMention(
                event_id=ev.id,
                document_id=ev.document_id,
                source=corpus.outlet(ev.document_id),
                date_start=ev.date_start,
                date_end=ev.date_end,
                place=corpus.name(ev.place_id, ev.place),
                quote=ev.quote,
                published=doc.published if doc else None,
                title=doc.title if doc else None,
                url=doc.url if doc else None,
                fatalities=ev.fatalities,
                sub_event_type=ev.sub_event_type,
            )
        )
    conflicts: dict[str, list[str]] = {}
    for name in ("date_start", "date_end", "sub_event_type"):
        values = unique([getattr(m, name) for m in mentions])
        if len(values) > 1:
            conflicts[name] = sorted(values)
    stated = unique([str(m.fatalities) for m in mentions if m.fatalities is not None])
    if len(stated) > 1:
        conflicts["fatalities"] = sorted(stated, key=int)
    place_id = max(cl.places, key=corpus.level_rank) if cl.places else None
    coords = corpus.place_coords(place_id)
    actor1 = _most_reported([corpus.canonical_entity_id(e.actor1_id) for e in evs])
    actor2 = _most_reported([corpus.canonical_entity_id(e.actor2_id) for e in evs if e.actor2_id])
    start = _most_reported([e.date_start for e in evs])
    precision = next((str(e.date_precision) for e in evs if e.date_start == start and e.date_precision), None)
    # the types come as one ACLED triple: the most reported sub-event type, then the event and disorder
    # types of the reports that gave it (voting on each separately can pair "Battles" with a drone strike)
    sub_event = _most_reported([e.sub_event_type for e in evs]) or ""
    typed = [e for e in evs if e.sub_event_type == sub_event] or evs
    return MergedEvent(
        id=make_id("merged-event", min(e.id for e in evs)),
        disorder_type=_most_reported([e.disorder_type for e in typed]) or "",
        event_type=_most_reported([e.event_type for e in typed]) or "",
        sub_event_type=sub_event,
        date_start=start,
        date_end=_most_reported([e.date_end for e in evs]) or start,
        date_precision=precision,
        place_id=place_id,
        place=corpus.name(place_id, next((e.place for e in evs if e.place), None)),
        latitude=coords[0] if coords else None,
        longitude=coords[1] if coords else None,
        actor1_id=actor1,
        actor1=corpus.name(actor1, next((e.actor1 for e in evs if e.actor1), None)),
        actor2_id=actor2,
        actor2=corpus.name(actor2, next((e.actor2 for e in evs if e.actor2), None)),
        assoc_actor_ids=unique([corpus.canonical_entity_id(a) for e in evs for a in e.assoc_actor_ids]),
        fatalities=_fatalities(evs, figures, by_event),
        is_onset=any(e.is_onset for e in evs),
        mentions=mentions,
        event_ids=[e.id for e in evs],
        document_ids=unique([e.document_id for e in evs]),
        sources=unique([m.source for m in mentions]),
        mention_count=len(mentions),
        conflicts=conflicts,
        figure_ids=unique([f for e in evs for f in e.figure_ids]),
    )


def merged_events(
    store: Store | Corpus,
    *,
    since: str | None = None,
    until: str | None = None,
    place_id: str | None = None,
) -> list[MergedEvent]:
    """Stored events merged across reports, in date order (see the module docstring for the rules)."""
    corpus = store if isinstance(store, Corpus) else Corpus.load(store)
    place_filter = corpus.resolve_place(place_id)
    places: dict[str, str | None] = {}
    selected: list[Event] = []
    for ev in corpus.claims(Event):
        place = corpus.canonical_entity_id(ev.place_id)
        if place is None or place_names_side(ev.quote, ev.place, [ev.actor1, ev.actor2]):
            place = corpus.dominant_place(ev.document_id)  # "fighters affiliated with Damascus"
        if place_filter and not corpus.encloses(place_filter, place):
            continue
        if (since or until) and not in_period(effective_date(corpus, ev), since, until):
            continue
        places[ev.id] = place
        selected.append(ev)
    figures = {f.id: f for f in corpus.claims(Figure)} if selected else {}
    clusters = _cluster(corpus, [e for e in selected if e.is_onset], places, onset=True)
    clusters += _cluster(corpus, [e for e in selected if not e.is_onset], places, onset=False)
    by_event: dict[str, list[str]] = defaultdict(list)
    for f in figures.values():
        if f.event_id:
            by_event[f.event_id].append(f.id)
    merged = [_merge(corpus, cl, figures, by_event) for cl in clusters]
    return sorted(merged, key=lambda m: (m.date_start or "9999", -m.mention_count, m.id))
