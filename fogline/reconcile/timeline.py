"""One dated line of everything: events, statements, agreements, figure changes and facilities, in date order.

Each kind of entry comes from a registered builder (``@entries("kind")``) over the reconciled items, so an
entry already merges what several reports said and lists all their sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fogline.reconcile import digest
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.events import MergedEvent, merged_events
from fogline.reconcile.tallies import Tally, compute_tallies
from fogline.schema import Qualifier
from fogline.store import Store

ACT_VERBS = {
    "condemn": "condemned",
    "appeal": "appealed",
    "demand": "demanded",
    "accuse": "accused",
    "deny": "denied",
    "reject": "rejected",
    "announce": "announced",
    "express_concern": "expressed concern",
    "praise": "praised",
    "offer_support": "offered support",
    "warn": "warned",
    "discuss": "held talks",
    "state": "said",
}


@dataclass
class TimelineEntry:
    date: str | None
    precision: str | None
    kind: str  # event, statement, agreement, figure_change, facility
    title: str
    detail: str
    sources: list[str]
    item_ids: list[str]
    flags: list[str] = field(default_factory=list)  # e.g. "conflicting dates"


@dataclass
class Reconciled:
    """Everything reconciled once, shared by the timeline and the report."""

    corpus: Corpus
    tallies: list[Tally]
    events: list[MergedEvent]
    statements: list[digest.StatementItem]
    agreements: list[digest.AgreementItem]
    facilities: list[digest.FacilityItem]


def reconcile(
    store: Store | Corpus, *, since: str | None = None, until: str | None = None, place_id: str | None = None
) -> Reconciled:
    corpus = store if isinstance(store, Corpus) else Corpus.load(store)
    place = corpus.resolve_place(place_id)
    kwargs = {"since": since, "until": until, "place_id": place}
    return Reconciled(
        corpus=corpus,
        tallies=compute_tallies(corpus, **kwargs),
        events=merged_events(corpus, **kwargs),
        statements=digest.statements(corpus, **kwargs),
        agreements=digest.agreements(corpus, **kwargs),
        facilities=digest.facilities(corpus, **kwargs),
    )


Builder = Callable[[Reconciled], list[TimelineEntry]]
BUILDERS: dict[str, Builder] = {}


def entries(kind: str) -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return register


def _killed(ev: MergedEvent) -> str:
    if not ev.fatalities:
        return ""
    if len(ev.document_ids) > 1:
        return f"{ev.fatalities:,} killed (most conservative report)"
    return f"{ev.fatalities:,} killed"


@entries("event")
def _events(rec: Reconciled) -> list[TimelineEntry]:
    out = []
    for ev in rec.events:
        actors = " vs ".join(a for a in (ev.actor1, ev.actor2) if a)
        detail = "; ".join(
            part
            for part in (
                actors,
                _killed(ev),
                f"{ev.mention_count} mention(s)",
            )
            if part
        )
        flags = [
            f"reports differ on {name.replace('_', ' ')}: {', '.join(v)}" for name, v in ev.conflicts.items()
        ]
        out.append(
            TimelineEntry(
                date=ev.date_start,
                precision=ev.date_precision,
                kind="event",
                title=ev.title,
                detail=detail,
                sources=ev.sources,
                item_ids=ev.event_ids,
                flags=flags,
            )
        )
    return out


@entries("statement")
def _statements(rec: Reconciled) -> list[TimelineEntry]:
    out = []
    for st in rec.statements:
        verbs = ", ".join(ACT_VERBS.get(a, a) for a in st.acts)
        target = f" ({', '.join(st.targets)})" if st.targets else ""
        detail = (
            "Demands: " + "; ".join(st.demands) if st.demands else (st.quotes[0].quote if st.quotes else "")
        )
        out.append(
            TimelineEntry(
                date=st.date,
                precision=st.precision,
                kind="statement",
                title=f"{st.speaker} {verbs}{target}",
                detail=detail,
                sources=st.sources,
                item_ids=st.item_ids,
            )
        )
    return out


@entries("agreement")
def _agreements(rec: Reconciled) -> list[TimelineEntry]:
    out = []
    for ag in rec.agreements:
        parties = f" between {', '.join(ag.parties)}" if ag.parties else ""
        out.append(
            TimelineEntry(
                date=ag.date,
                precision=ag.precision,
                kind="agreement",
                title=f"{ag.name} ({ag.kind}){parties}",
                detail=f"status: {ag.status}" + (" — reported violated" if ag.violated else ""),
                sources=ag.sources,
                item_ids=ag.item_ids,
            )
        )
    return out


@entries("facility")
def _facilities(rec: Reconciled) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            date=fa.date,
            precision=fa.precision,
            kind="facility",
            title=f"{fa.facility}: {', '.join(s.replace('_', ' ') for s in fa.statuses)}",
            detail=f"{fa.facility_type} in {fa.place}" if fa.place else fa.facility_type,
            sources=fa.sources,
            item_ids=fa.item_ids,
        )
        for fa in rec.facilities
    ]


@entries("figure_change")
def _figure_changes(rec: Reconciled) -> list[TimelineEntry]:
    out = []
    for tally in rec.tallies:
        claims = {c.figure_id: c for c in tally.claims}
        vague = {i for i, c in claims.items() if c.qualifier == Qualifier.VAGUE.value}
        precise = len(vague) < len(claims)
        previous: tuple[int, int, int] | None = None
        for point in tally.history:
            now = (point.low, point.best, point.high)
            if now == previous:
                continue
            previous = now
            claim = claims.get(point.figure_id)
            if point.figure_id in vague:
                if precise:
                    continue  # "tens of thousands" is no step of a tally that sources give numbers for
                said = claim.number_text if claim and claim.number_text else f"{point.value:,}"
                spread = "no precise figure yet"
            else:
                written = claim.number_text.strip() if claim and claim.number_text else ""
                said = written[:1].lower() + written[1:] if 0 < len(written) <= 40 else f"{point.value:,}"
                spread = (
                    (said if point.low == point.value else f"{point.best:,}")
                    if point.low == point.high
                    else f"range {point.low:,}–{point.high:,}, best {point.best:,}"
                )
            out.append(
                TimelineEntry(
                    date=point.date,
                    precision="day" if point.date and len(point.date) == 10 else None,
                    kind="figure_change",
                    title=f"{tally.label}: {said} ({point.source})",
                    detail=f"tally now {spread}",
                    sources=[point.source],
                    item_ids=[point.figure_id],
                )
            )
    return out


def entries_of(rec: Reconciled) -> list[TimelineEntry]:
    out = [entry for build in BUILDERS.values() for entry in build(rec)]
    order = list(BUILDERS)
    return sorted(out, key=lambda e: (e.date or "9999", order.index(e.kind), e.title))


def timeline(
    store: Store | Corpus, *, since: str | None = None, until: str | None = None, place_id: str | None = None
) -> list[TimelineEntry]:
    """Every reconciled item as a dated entry, in date order (undated entries last)."""
    return entries_of(reconcile(store, since=since, until=until, place_id=place_id))
