"""The situation report as data: headline tallies, what changed, timeline, statements, agreements, facilities.

Renderers (Markdown, HTML, PDF) only lay this out. Every number in it carries footnote numbers that point to
the quoted sentences it was read from (``SituationReport.footnotes``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from fogline.reconcile import digest
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.events import MergedEvent
from fogline.reconcile.tallies import Tally, TallyClaim, headline_tallies
from fogline.reconcile.timeline import Reconciled, TimelineEntry, entries_of, reconcile
from fogline.report.graphics import Scene, tally_chart
from fogline.report.maps import MapPanel, map_panels, map_points
from fogline.report.runs import previous_run, summary_of, what_changed
from fogline.schema import ReportRun
from fogline.store import Store

MAX_HEADLINES = 12
# A situation report is a summary: the most recent items of each section (exports have everything).
MAX_TIMELINE = 150
MAX_ITEMS = 60
HISTORY_NOTES = 10
T = TypeVar("T")


@dataclass
class Footnote:
    n: int
    source: str
    quote: str
    title: str | None
    url: str | None
    published: str | None
    document_id: str


@dataclass
class Headline:
    tally: Tally
    notes: dict[str, list[int]]  # source -> footnotes of its current claims
    history_notes: list[int]


@dataclass
class Cited(Generic[T]):
    """A timeline entry, statement, agreement or facility with the footnotes of its quotes."""

    item: T
    notes: list[int]


@dataclass
class SituationReport:
    generated_at: str
    since: str | None
    place: str | None
    place_id: str | None
    documents: int
    sources: list[str]
    headlines: list[Headline] = field(default_factory=list)
    previous_at: str | None = None
    changes: list[str] = field(default_factory=list)
    timeline: list[Cited[TimelineEntry]] = field(default_factory=list)
    statements: list[Cited[digest.StatementItem]] = field(default_factory=list)
    agreements: list[Cited[digest.AgreementItem]] = field(default_factory=list)
    ceasefire: digest.AgreementItem | None = None
    facilities: list[Cited[digest.FacilityItem]] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    summary: dict[str, object] = field(default_factory=dict)
    charts: dict[str, Scene] = field(default_factory=dict)  # tally id -> chart of the tally over time
    maps: list[MapPanel] = field(default_factory=list)  # one panel per cluster, most reported first
    map: Scene | None = None  # the first panel's drawing
    map_elsewhere: list[str] = field(default_factory=list)  # clusters beyond the panels, not drawn
    map_coarse: list[str] = field(default_factory=list)  # events located at country/province level only
    omitted: dict[str, int] = field(default_factory=dict)  # section -> older items left out
    _index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str:
        where = f": {self.place}" if self.place else ""
        return f"Situation report{where}"

    def cite(
        self,
        *,
        document_id: str,
        quote: str,
        source: str,
        title: str | None,
        url: str | None,
        published: str | None,
    ) -> int:
        """The footnote number of a quote (one footnote per document and sentence)."""
        key = (document_id, quote)
        if key not in self._index:
            n = len(self.footnotes) + 1
            self.footnotes.append(
                Footnote(
                    n=n,
                    source=source,
                    quote=quote,
                    title=title,
                    url=url,
                    published=published,
                    document_id=document_id,
                )
            )
            self._index[key] = n
        return self._index[key]

    def cite_quote(self, q: digest.Quote) -> int:
        return self.cite(
            document_id=q.document_id,
            quote=q.quote,
            source=q.source,
            title=q.title,
            url=q.url,
            published=q.published,
        )


def _headline(report: SituationReport, tally: Tally) -> Headline:
    """Footnotes for each source's current claim and for the last ``HISTORY_NOTES`` points of the history."""
    notes: dict[str, list[int]] = {}
    claims = {c.figure_id: c for c in tally.claims}

    def cite(claim: TallyClaim) -> int:
        return report.cite(
            document_id=claim.document_id,
            quote=claim.quote,
            source=claim.source,
            title=claim.title,
            url=claim.url,
            published=claim.published,
        )

    for claim in tally.current():
        notes.setdefault(claim.source, []).append(cite(claim))
    history = [cite(claims[p.figure_id]) for p in tally.history[-HISTORY_NOTES:]]
    return Headline(tally=tally, notes=notes, history_notes=history)


def _moved(tally: Tally) -> bool:
    """Whether a chart of the tally says anything: two different figures, vague words not counting when
    sources give numbers (one report, or the same figure twice, is one dot)."""
    vague = {c.figure_id for c in tally.claims if c.qualifier == "vague"}
    points = [p for p in tally.history if p.figure_id not in vague] or tally.history
    return len({p.value for p in points}) > 1


def _quote(claim: Any, item_id: str) -> digest.Quote:
    """The footnote quote of an event mention or a tally claim (both carry the same provenance fields)."""
    return digest.Quote(
        document_id=claim.document_id,
        source=claim.source,
        quote=claim.quote,
        title=claim.title,
        url=claim.url,
        published=claim.published,
        item_id=item_id,
    )


def _quotes_by_item(rec: Reconciled) -> dict[str, list[digest.Quote]]:
    out: dict[str, list[digest.Quote]] = {}
    for ev in rec.events:
        for m in ev.mentions:
            out[m.event_id] = [_quote(m, m.event_id)]
    for group in (rec.statements, rec.agreements, rec.facilities):
        for item in group:
            for q in item.quotes:
                out.setdefault(q.item_id, []).append(q)
    for tally in rec.tallies:
        for c in tally.claims:
            out[c.figure_id] = [_quote(c, c.figure_id)]
    return out


def _cited(
    report: SituationReport, item: T, item_ids: list[str], quotes: dict[str, list[digest.Quote]]
) -> Cited[T]:
    notes: list[int] = []
    for item_id in item_ids:
        for q in quotes.get(item_id, []):
            n = report.cite_quote(q)
            if n not in notes:
                notes.append(n)
    return Cited(item=item, notes=notes)


def _recent(items: list[T], limit: int) -> list[T]:
    """The last ``limit`` items of a date-ordered list (undated items sort last, so they are kept)."""
    return items[-limit:] if len(items) > limit else items


def build_report(
    store: Store | Corpus,
    *,
    since: str | None = None,
    place: str | None = None,
    until: str | None = None,
    previous: ReportRun | None = None,
) -> SituationReport:
    """Reconcile the store (within the period and place) and assemble the situation report."""
    corpus = store if isinstance(store, Corpus) else Corpus.load(store)
    place_id = corpus.resolve_place(place)
    rec = reconcile(corpus, since=since, until=until, place_id=place_id)
    doc_ids = {c.document_id for t in rec.tallies for c in t.claims}
    doc_ids |= {d for e in rec.events for d in e.document_ids}
    for group in (rec.statements, rec.agreements, rec.facilities):
        doc_ids |= {q.document_id for item in group for q in item.quotes}
    originals = {getattr(corpus.original(d), "id", d) for d in doc_ids}
    report = SituationReport(
        generated_at=datetime.now(UTC).isoformat(),
        since=since,
        place=corpus.name(place_id, place),
        place_id=place_id,
        documents=len(doc_ids),
        sources=sorted({corpus.outlet(d) for d in originals}),
    )
    credible = [t for t in rec.tallies if any(c.credible for c in t.claims)]
    report.headlines = [_headline(report, t) for t in headline_tallies(credible, MAX_HEADLINES)]
    quotes = _quotes_by_item(rec)
    # figure changes of the headline tallies only; the most recent entries of each section
    entries = entries_of(dataclasses.replace(rec, tallies=[h.tally for h in report.headlines]))
    report.omitted = {
        "timeline": max(0, len(entries) - MAX_TIMELINE),
        "statements": max(0, len(rec.statements) - MAX_ITEMS),
        "agreements": max(0, len(rec.agreements) - MAX_ITEMS),
        "facilities": max(0, len(rec.facilities) - MAX_ITEMS),
    }
    report.timeline = [_cited(report, e, e.item_ids, quotes) for e in _recent(entries, MAX_TIMELINE)]
    report.statements = [_cited(report, s, s.item_ids, quotes) for s in _recent(rec.statements, MAX_ITEMS)]
    report.agreements = [_cited(report, a, a.item_ids, quotes) for a in _recent(rec.agreements, MAX_ITEMS)]
    report.ceasefire = digest.ceasefire_status(rec.agreements)
    report.facilities = [_cited(report, f, f.item_ids, quotes) for f in _recent(rec.facilities, MAX_ITEMS)]
    report.events = rec.events
    report.charts = {h.tally.id: tally_chart(h.tally) for h in report.headlines if _moved(h.tally)}
    points = map_points(corpus, rec.events, rec.facilities)
    report.maps, report.map_elsewhere, report.map_coarse = map_panels(corpus, points)
    report.map = report.maps[0].scene if report.maps else None
    report.summary = summary_of(report)
    if previous is None:
        previous = previous_run(corpus.store, place=report.place)
    if previous is not None:
        report.previous_at = previous.generated_at
        report.changes = what_changed(previous.summary, report.summary)
    return report


def timeline_entries(report: SituationReport) -> list[tuple[TimelineEntry, list[int]]]:
    """The report's timeline as (entry, footnotes) pairs, typed for renderers."""
    return [(c.item, c.notes) for c in report.timeline]
