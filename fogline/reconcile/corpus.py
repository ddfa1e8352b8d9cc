"""What every reconciliation step needs to know about the store: documents, places, sources, filters.

A ``Corpus`` loads document metadata (never the texts) and entities once, and answers the questions the
tallies, merged events and timeline ask: which source is behind a claim (near-duplicate stories count once),
which place encloses which, what date a claim is effective at, and whether it passes the filters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select

from fogline.schema import Claim, Document, Entity, EntityKind, PlaceLevel, ReviewStatus
from fogline.store import Store
from fogline.store.tables import TABLES

C = TypeVar("C", bound=Claim)

REVIEWED = {ReviewStatus.ACCEPTED.value, ReviewStatus.EDITED.value}

# Coarse to fine; a place is "anchored" at the nearest enclosing place of city level or coarser, so that
# neighbourhood figures and city figures count the same thing while two cities never merge.
LEVEL_RANK = {
    PlaceLevel.COUNTRY.value: 0,
    PlaceLevel.ADMIN1.value: 1,
    PlaceLevel.ADMIN2.value: 2,
    PlaceLevel.CITY.value: 3,
    PlaceLevel.NEIGHBOURHOOD.value: 4,
    PlaceLevel.SITE.value: 5,
}
ANCHOR_RANK = LEVEL_RANK[PlaceLevel.CITY.value]
UNDATED = "9999"


def norm_key(text: str | None) -> str:
    """A comparison key for free text: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


@dataclass
class Corpus:
    """Document metadata and entities of a store, with the lookups reconciliation needs.

    A snapshot: claims are loaded once per record type and cached; load a new Corpus to see later writes.
    """

    store: Store
    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    _dominant: dict[str, str] | None = None
    _chains: dict[str, list[str]] = field(default_factory=dict)
    _claims: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store) -> Corpus:
        corpus = cls(store=store)
        table = TABLES["documents"]
        columns = [c for c in table.c if c.name != "text"]
        with store.engine.connect() as conn:
            for row in conn.execute(select(*columns)):
                doc = Document.from_dict(dict(row._mapping))
                corpus.documents[doc.id] = doc
        corpus.entities = {e.id: e for e in store.records(Entity)}
        return corpus

    # -- entities and places ---------------------------------------------------------------------

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity, following reviewer merges (``merged_into``)."""
        seen: set[str] = set()
        ent = self.entities.get(entity_id or "")
        while ent is not None and ent.merged_into and ent.merged_into not in seen:
            seen.add(ent.id)
            ent = self.entities.get(ent.merged_into, ent)
            if ent.id in seen:
                break
        return ent

    def canonical_entity_id(self, entity_id: str | None) -> str | None:
        ent = self.entity(entity_id)
        return ent.id if ent else entity_id

    def name(self, entity_id: str | None, fallback: str | None = None) -> str | None:
        ent = self.entity(entity_id)
        return ent.name if ent else fallback

    def chain(self, place_id: str | None) -> list[str]:
        """The place and every enclosing place, finest first (cached: entities do not change while loaded)."""
        key = place_id or ""
        cached = self._chains.get(key)
        if cached is not None:
            return cached
        out: list[str] = []
        ent = self.entity(place_id)
        while ent is not None and ent.id not in out:
            out.append(ent.id)
            ent = self.entity(ent.parent_id) if ent.parent_id else None
        self._chains[key] = out
        return out

    def encloses(self, outer: str | None, inner: str | None) -> bool:
        """True when ``outer`` is ``inner`` or one of its enclosing places."""
        if not outer or not inner:
            return False
        return self.canonical_entity_id(outer) in self.chain(inner)

    def compatible_places(self, a: str | None, b: str | None) -> bool:
        """Same place, or one encloses the other; an unknown place is compatible with anything."""
        if not a or not b:
            return True
        return self.encloses(a, b) or self.encloses(b, a)

    def level_rank(self, place_id: str | None) -> int:
        ent = self.entity(place_id)
        return LEVEL_RANK.get(ent.type or "", ANCHOR_RANK) if ent else 99

    def anchor(self, place_id: str | None) -> str | None:
        """The nearest enclosing place of city level or coarser (the place itself when coarser)."""
        chain = self.chain(place_id)
        for pid in chain:
            if self.level_rank(pid) <= ANCHOR_RANK:
                return pid
        return chain[-1] if chain else None

    def admin_names(self, place_id: str | None) -> dict[str, str | None]:
        """country (ISO2), admin1, admin2, city and the finest name, read off the place chain."""
        found: dict[str, str | None] = {"country": None, "admin1": None, "admin2": None, "city": None}
        for pid in self.chain(place_id):
            ent = self.entities[pid]
            if ent.country and not found["country"]:
                found["country"] = ent.country
            level = ent.type or ""
            if level in ("admin1", "admin2", "city") and not found[level]:
                found[level] = ent.name
        return found

    def place_coords(self, place_id: str | None) -> tuple[float, float] | None:
        """(lat, lon) of the place or, failing that, of the nearest enclosing place with coordinates."""
        for pid in self.chain(place_id):
            ent = self.entities[pid]
            if ent.latitude is not None and ent.longitude is not None:
                return ent.latitude, ent.longitude
        return None

    def resolve_place(self, place: str | None) -> str | None:
        """A place id from an id or a name/alias (case-insensitive); ``None`` when not given."""
        if not place:
            return None
        if place in self.entities:
            return self.canonical_entity_id(place)
        key = norm_key(place)
        for ent in self.entities.values():
            if ent.kind != EntityKind.PLACE or ent.merged_into:
                continue
            if norm_key(ent.name) == key or any(norm_key(a) == key for a in ent.aliases):
                return ent.id
        raise ValueError(f"unknown place {place!r}")

    def dominant_place(self, document_id: str) -> str | None:
        """The place a document mentions most (ties: the finer place), from its PLACE mentions."""
        if self._dominant is None:
            table = TABLES["mentions"]
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            query = (
                select(table.c.document_id, table.c.entity_id, func.count())
                .where(table.c.label == "PLACE", table.c.entity_id.is_not(None))
                .where(table.c.review_status != ReviewStatus.REJECTED.value)
                .group_by(table.c.document_id, table.c.entity_id)
            )
            with self.store.engine.connect() as conn:
                for doc_id, ent_id, n in conn.execute(query):
                    canonical = self.canonical_entity_id(ent_id)
                    if canonical:
                        counts[doc_id][canonical] += int(n)
            self._dominant = {doc_id: self._dominant_of(c) for doc_id, c in counts.items() if c}
        return self._dominant.get(document_id)

    def _dominant_of(self, counts: Counter[str]) -> str:
        """The city-level (or coarser) place whose mentions, its own and those of the places inside it, are
        most numerous (ties: the finer anchor); within it, the most mentioned place (ties: the finer one).

        Counting at the anchor keeps a story about two districts of a city from being placed in the country
        it names twice ("Sheikh Maqsoud", "Ashrafieh", "Aleppo" outweigh "Syria", "Syria").
        """
        by_anchor: Counter[str] = Counter()
        for pid, n in counts.items():
            by_anchor[self.anchor(pid) or pid] += n
        top = max(by_anchor.items(), key=lambda kv: (kv[1], self.level_rank(kv[0]), kv[0]))[0]
        inside = [(pid, n) for pid, n in counts.items() if (self.anchor(pid) or pid) == top]
        return max(inside, key=lambda kv: (kv[1], self.level_rank(kv[0]), kv[0]))[0]

    # -- documents and sources -------------------------------------------------------------------

    def original(self, document_id: str) -> Document | None:
        """The first copy of a syndicated story (follows ``near_duplicate_of``)."""
        doc = self.documents.get(document_id)
        seen: set[str] = set()
        while doc is not None and doc.near_duplicate_of and doc.id not in seen:
            seen.add(doc.id)
            nxt = self.documents.get(doc.near_duplicate_of)
            if nxt is None:
                break
            doc = nxt
        return doc

    def outlet(self, document_id: str) -> str:
        """The outlet of a document's original copy; else its shortened title, else its id."""
        doc = self.original(document_id)
        if doc is None:
            return f"document {document_id[:8]}"
        if doc.outlet:
            return doc.outlet
        if doc.title:
            title = doc.title.strip()
            return f"“{title[:45].rstrip()}…”" if len(title) > 48 else f"“{title}”"
        return f"document {doc.id[:8]}"

    def source_of(self, source_id: str | None, source: str | None, document_id: str) -> tuple[str, str]:
        """(key, label) of who a claim comes from: the attributed actor, else the document's outlet."""
        ent = self.entity(source_id)
        if ent is not None:
            return f"actor:{ent.id}", ent.name
        if source and norm_key(source):
            return f"text:{norm_key(source)}", source
        doc = self.original(document_id)
        return (
            f"outlet:{norm_key(self.outlet(document_id)) or (doc.id if doc else document_id)}",
            self.outlet(document_id),
        )

    def published(self, document_id: str) -> str | None:
        doc = self.documents.get(document_id)
        return doc.published if doc else None

    def order_key(self, document_id: str, claim_date: str | None = None) -> tuple[str, str, str]:
        """Sort key of a claim in time: publication date, else the claim's date, then ingestion order.

        Reports with no date at all sort last: an undated report is most often the one just received.
        """
        doc = self.documents.get(document_id)
        when = (doc.published if doc else None) or claim_date or UNDATED
        return when, doc.ingested_at if doc else "", document_id

    # -- claims ----------------------------------------------------------------------------------

    def claims(self, record: type[C]) -> list[C]:
        """Usable claims of one type: rejected ones dropped, reviewed ones preferred over automatic ones.

        A reviewed (accepted/edited) item replaces any automatic item of the same document whose span
        overlaps it (a re-extraction of the same words).
        """
        cached = self._claims.get(record.table)
        if cached is not None:
            return list(cached)
        table = TABLES[record.table]
        rejected = ReviewStatus.REJECTED.value
        query = select(table).where(table.c.review_status != rejected).order_by(table.c.id)
        with self.store.engine.connect() as conn:
            # every column is a field of the record: build records directly (faster than from_dict)
            items = [record(**row._mapping) for row in conn.execute(query)]
        reviewed: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in items:
            if c.review_status in REVIEWED:
                reviewed[c.document_id].append((c.start, c.end))
        if reviewed:
            items = [
                c
                for c in items
                if c.review_status in REVIEWED
                or not any(s < c.end and c.start < e for s, e in reviewed.get(c.document_id, ()))
            ]
        self._claims[record.table] = items
        return list(items)


def effective_date(corpus: Corpus, claim: Any) -> str | None:
    """The date a claim is about: its own end/start date, else its document's publication date."""
    for name in ("date_end", "date_start", "date"):
        value = getattr(claim, name, None)
        if value:
            return str(value)
    return corpus.published(claim.document_id)


def in_period(date: str | None, since: str | None, until: str | None) -> bool:
    """Prefix-aware period test: ``2026-01`` is within a period that includes any day of January 2026."""
    if date is None:
        return since is None and until is None
    if since and date < since[: len(date)]:
        return False
    return not (until and date[: len(until)] > until)


def select_claims(
    corpus: Corpus,
    claims: Iterable[C],
    *,
    since: str | None,
    until: str | None,
    place_id: str | None,
    place_of: Any = None,
) -> list[C]:
    """Claims within the period and the place (the place or any place inside it)."""
    out: list[C] = []
    for c in claims:
        if (since or until) and not in_period(effective_date(corpus, c), since, until):
            continue
        if place_id:
            pid = place_of(c) if place_of else getattr(c, "place_id", None)
            if not corpus.encloses(place_id, pid):
                continue
        out.append(c)
    return out


def unique(values: Sequence[str | None]) -> list[str]:
    """Distinct non-empty values in first-seen order."""
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)
