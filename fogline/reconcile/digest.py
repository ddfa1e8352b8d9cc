"""Statements, agreements and facility impacts across reports: the same thing said twice is one item."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

from fogline.reconcile.corpus import UNDATED, Corpus, effective_date, norm_key, select_claims, unique
from fogline.schema import Agreement, AgreementStatus, Claim, FacilityImpact, Statement

C = TypeVar("C", bound=Claim)

# Status strength: a later, stronger status wins (a ceasefire reached, then violated, then collapsed).
STATUS_ORDER = [
    AgreementStatus.PROPOSED.value,
    AgreementStatus.REACHED.value,
    AgreementStatus.SIGNED.value,
    AgreementStatus.PARTIAL.value,
    AgreementStatus.IN_FORCE.value,
    AgreementStatus.VIOLATED.value,
    AgreementStatus.COLLAPSED.value,
]
CEASEFIRE_KINDS = {"ceasefire", "truce", "understanding"}
MONTHS = {m.lower()[:3]: i for i, m in enumerate(calendar.month_name) if m}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b")


@dataclass
class Quote:
    """A sentence a claim was read from, with its document."""

    document_id: str
    source: str
    quote: str
    title: str | None
    url: str | None
    published: str | None
    item_id: str


@dataclass
class StatementItem:
    speaker: str
    speaker_id: str | None
    acts: list[str]
    targets: list[str]
    demands: list[str]
    date: str | None
    precision: str | None
    sources: list[str]
    quotes: list[Quote]
    item_ids: list[str]


@dataclass
class AgreementItem:
    name: str
    kind: str
    date: str | None
    precision: str | None
    parties: list[str]
    status: str
    violated: bool
    sources: list[str]
    quotes: list[Quote]
    item_ids: list[str]
    statuses: list[str] = field(default_factory=list)

    @property
    def is_ceasefire(self) -> bool:
        return (
            self.kind in CEASEFIRE_KINDS or "ceasefire" in self.name.lower() or "truce" in self.name.lower()
        )


@dataclass
class FacilityItem:
    facility: str
    facility_id: str | None
    facility_type: str
    statuses: list[str]
    place_id: str | None
    place: str | None
    date: str | None
    precision: str | None
    sources: list[str]
    quotes: list[Quote]
    item_ids: list[str]


def quote_of(corpus: Corpus, claim: Claim) -> Quote:
    doc = corpus.documents.get(claim.document_id)
    return Quote(
        document_id=claim.document_id,
        source=corpus.outlet(claim.document_id),
        quote=claim.quote,
        title=doc.title if doc else None,
        url=doc.url if doc else None,
        published=doc.published if doc else None,
        item_id=claim.id,
    )


def _earliest(values: list[str | None]) -> str | None:
    present = sorted(v for v in values if v)
    return present[0] if present else None


def statements(
    corpus: Corpus, *, since: str | None = None, until: str | None = None, place_id: str | None = None
) -> list[StatementItem]:
    """Who said what: statements grouped by speaker and date, acts, targets and demands combined."""
    items = select_claims(
        corpus,
        corpus.claims(Statement),
        since=since,
        until=until,
        place_id=place_id,
        place_of=lambda c: corpus.dominant_place(c.document_id),
    )
    groups: dict[tuple[str, str | None], list[Statement]] = defaultdict(list)
    for st in items:
        speaker = corpus.canonical_entity_id(st.speaker_id) or norm_key(st.speaker) or "unknown"
        groups[(speaker, effective_date(corpus, st))].append(st)
    out = []
    for (_, when), group in groups.items():
        first = group[0]
        speaker_id = corpus.canonical_entity_id(first.speaker_id)
        name = corpus.name(speaker_id, first.speaker) or "Unnamed speaker"
        if first.speaker_role and first.speaker_role.lower() not in name.lower():
            name = f"{name} ({first.speaker_role})"
        out.append(
            StatementItem(
                speaker=name,
                speaker_id=speaker_id,
                acts=unique([str(s.act) for s in group]),
                targets=unique([corpus.name(s.target_id, s.target) for s in group]),
                demands=unique([d for s in group for d in s.demands]),
                date=when,
                precision=next((str(s.date_precision) for s in group if s.date_precision), None),
                sources=unique([corpus.outlet(s.document_id) for s in group]),
                quotes=[quote_of(corpus, s) for s in group],
                item_ids=[s.id for s in group],
            )
        )
    return sorted(out, key=lambda s: (s.date or "9999", s.speaker))


def agreements(
    corpus: Corpus, *, since: str | None = None, until: str | None = None, place_id: str | None = None
) -> list[AgreementItem]:
    """Agreements and ceasefires, grouped by name (or kind and date), with their latest status.

    The period filter applies to the agreement's own date only when the agreement was reached within it;
    older agreements that a report in the period mentions (e.g. as violated) are kept: analysts need them.
    """
    items = select_claims(
        corpus,
        corpus.claims(Agreement),
        since=None,
        until=until,
        place_id=place_id,
        place_of=lambda c: corpus.dominant_place(c.document_id),
    )
    if since:
        items = [
            a
            for a in items
            if (a.date or "") >= since[: len(a.date or "")] or _mentioned_since(corpus, a, since)
        ]
    groups: dict[str, list[Agreement]] = defaultdict(list)
    for ag in items:
        groups[agreement_key(corpus, ag)].append(ag)
    out = []
    for group in groups.values():
        group.sort(key=lambda a: corpus.order_key(a.document_id, a.date))
        statuses = unique([str(a.status) for a in group])
        latest = group[-1]
        status = max(
            (
                str(a.status)
                for a in group
                if corpus.order_key(a.document_id) == corpus.order_key(latest.document_id)
            ),
            key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else -1,
        )
        violated = any(a.violated for a in group)
        if violated and STATUS_ORDER.index(status) < STATUS_ORDER.index(AgreementStatus.VIOLATED.value):
            status = AgreementStatus.VIOLATED.value
        dates = [a.date for a in group]
        out.append(
            AgreementItem(
                name=next((a.name for a in group if a.name), "") or latest.kind.capitalize(),
                kind=latest.kind,
                date=_earliest(dates),
                precision=next((str(a.date_precision) for a in group if a.date == _earliest(dates)), None),
                parties=unique([p for a in group for p in a.parties]),
                status=status,
                violated=violated,
                sources=unique([corpus.outlet(a.document_id) for a in group]),
                quotes=[quote_of(corpus, a) for a in group],
                item_ids=[a.id for a in group],
                statuses=statuses,
            )
        )
    return sorted(out, key=lambda a: (a.date or "9999", a.name))


def _day_month(text: str) -> str | None:
    """ "10 March 2025 agreement" / "the March 10 agreement" -> "03-10"."""
    low = text.lower()
    for pattern in (DAY_MONTH, MONTH_DAY):
        m = pattern.search(low)
        if m:
            day = m.group("day")
            month = MONTHS[m.group("month")[:3]]
            if 1 <= int(day) <= 31:
                return f"{month:02d}-{int(day):02d}"
    return None


def agreement_key(corpus: Corpus, ag: Agreement) -> str:
    """Agreements are often named by their date: the same day and month (from the date or the name) and the
    same family (ceasefire or agreement) is the same agreement; otherwise the normalised name."""
    family = "ceasefire" if ag.kind in CEASEFIRE_KINDS - {"understanding"} else "agreement"
    day_month = ag.date[5:] if ag.date and len(ag.date) == 10 else _day_month(ag.name or "")
    if day_month:
        return f"{family}:{day_month}"
    return norm_key(ag.name) or f"{ag.kind}:{ag.date or corpus.published(ag.document_id) or ''}"


def _mentioned_since(corpus: Corpus, claim: Claim, since: str) -> bool:
    published = corpus.published(claim.document_id)
    return bool(published and published >= since)


def facilities(
    corpus: Corpus, *, since: str | None = None, until: str | None = None, place_id: str | None = None
) -> list[FacilityItem]:
    """Facilities affected, one item per facility, with every status reported."""
    items = select_claims(
        corpus,
        corpus.claims(FacilityImpact),
        since=since,
        until=until,
        place_id=place_id,
        place_of=lambda c: corpus.canonical_entity_id(c.place_id) or corpus.dominant_place(c.document_id),
    )
    groups: dict[str, list[FacilityImpact]] = defaultdict(list)
    for fi in items:
        groups[corpus.canonical_entity_id(fi.facility_id) or norm_key(fi.facility)].append(fi)
    out = []
    for group in groups.values():
        first = group[0]
        fac_id = corpus.canonical_entity_id(first.facility_id)
        place_id = corpus.canonical_entity_id(first.place_id)
        if place_id is None and fac_id:
            ent = corpus.entity(fac_id)
            place_id = corpus.canonical_entity_id(ent.parent_id) if ent else None
        dates = [effective_date(corpus, f) for f in group]
        out.append(
            FacilityItem(
                facility=corpus.name(fac_id, first.facility) or first.facility,
                facility_id=fac_id,
                facility_type=first.facility_type,
                statuses=unique([str(f.status) for f in group]),
                place_id=place_id,
                place=corpus.name(place_id),
                date=_earliest(dates),
                precision=next((str(f.date_precision) for f in group if f.date_precision), None),
                sources=unique([corpus.outlet(f.document_id) for f in group]),
                quotes=[quote_of(corpus, f) for f in group],
                item_ids=[f.id for f in group],
            )
        )
    return sorted(out, key=lambda f: (f.date or "9999", f.facility))


def ceasefire_status(items: list[AgreementItem]) -> AgreementItem | None:
    """The latest ceasefire/truce (by its date, else by when it was reported): the one analysts ask about."""
    ceasefires = [a for a in items if a.is_ceasefire]

    def when(a: AgreementItem) -> tuple[str, str, int]:
        reported = max((q.published or UNDATED for q in a.quotes), default=UNDATED)
        return a.date or reported, reported, len(a.sources)

    return max(ceasefires, key=when) if ceasefires else None
