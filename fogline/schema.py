"""The Fogline domain model, declared once.

Every record is a dataclass. The store's tables (``fogline.store.tables``), the API models and the export
columns are all derived from these declarations, so a field added here appears everywhere.

Conventions
- Ids are content hashes (``make_id``): re-extracting the same text yields the same ids.
- Dates are ISO strings (``2026-01-08``, ``2026-01``, ``2026``) with a separate precision.
- Every extracted item is a ``Claim``: it carries its provenance (document, character span, quote, extractor,
  confidence) and a review status. Claims are kept as written; tallies are computed at read time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar


class EntityKind(StrEnum):
    ACTOR = "actor"
    PLACE = "place"
    FACILITY = "facility"


class ActorType(StrEnum):
    """Actor types, close to ACLED's ``inter`` codes plus the roles analysts need."""

    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"  # non-state armed group
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    GOVERNMENT = "government"  # governments, ministries, local authorities
    CIVILIANS = "civilians"
    PROTESTERS = "protesters"
    NGO = "ngo"  # NGOs, monitors, humanitarian bodies
    INTERNATIONAL = "international"  # UN and other international bodies
    MEDIA = "media"
    PERSON = "person"
    OTHER = "other"


class PlaceLevel(StrEnum):
    """Place precision, coarse to fine."""

    COUNTRY = "country"
    ADMIN1 = "admin1"  # governorate, province, state
    ADMIN2 = "admin2"  # district
    CITY = "city"  # city, town, village
    NEIGHBOURHOOD = "neighbourhood"
    SITE = "site"  # a facility or landmark


class Measure(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    CASUALTIES = "casualties"  # killed and injured not separated
    DISPLACED = "displaced"
    DETAINED = "detained"
    MISSING = "missing"
    EVACUATED = "evacuated"
    RETURNED = "returned"
    AT_RISK = "at_risk"  # population living in / exposed to an area


class VictimGroup(StrEnum):
    CIVILIANS = "civilians"
    FIGHTERS = "fighters"
    SECURITY_FORCES = "security_forces"
    CHILDREN = "children"
    WOMEN = "women"
    UNKNOWN = "unknown"  # people, residents without civilian status stated


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    ABOUT = "about"
    VAGUE = "vague"  # "dozens", "tens of thousands"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class ReviewStatus(StrEnum):
    AUTO = "auto"
    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"


class StatementAct(StrEnum):
    CONDEMN = "condemn"
    APPEAL = "appeal"  # call on, urge
    DEMAND = "demand"
    ACCUSE = "accuse"
    DENY = "deny"
    REJECT = "reject"
    ANNOUNCE = "announce"
    EXPRESS_CONCERN = "express_concern"
    PRAISE = "praise"
    OFFER_SUPPORT = "offer_support"
    WARN = "warn"
    DISCUSS = "discuss"  # talks, calls between leaders
    STATE = "state"  # said, with no stronger act


class AgreementStatus(StrEnum):
    PROPOSED = "proposed"
    REACHED = "reached"
    SIGNED = "signed"
    PARTIAL = "partial"
    IN_FORCE = "in_force"
    VIOLATED = "violated"
    COLLAPSED = "collapsed"


class FacilityStatus(StrEnum):
    ATTACKED = "attacked"
    DAMAGED = "damaged"
    DESTROYED = "destroyed"
    OUT_OF_SERVICE = "out_of_service"
    EVACUATED = "evacuated"
    BESIEGED = "besieged"


def make_id(*parts: Any, length: int = 16) -> str:
    """A stable content hash of the identifying parts of a record."""
    raw = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:length]


# --------------------------------------------------------------------------------------------------
# Records


@dataclass(kw_only=True)
class Record:
    """Base for every stored record. ``table`` names its table; ``id`` is a content hash."""

    table: ClassVar[str] = ""
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


R = TypeVar("R", bound=Record)


@dataclass(kw_only=True)
class Document(Record):
    """One report: the normalised text and its publication metadata."""

    table: ClassVar[str] = "documents"
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None  # ISO date
    published_precision: DatePrecision | None = None
    published_inferred: bool = False  # True when read off the text, not given by metadata
    language: str | None = None
    source_format: str = "text"  # text, markdown, html, pdf, jsonl, feed, url
    content_hash: str = ""  # hash of the normalised text (exact-duplicate key)
    simhash: str = ""  # 64-bit similarity fingerprint, hex (near-duplicate key)
    near_duplicate_of: str | None = None  # id of the earlier copy of a syndicated story
    ingested_at: str = ""  # ISO timestamp
    extracted_with: str | None = None  # pipeline version last run on it
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Entity(Record):
    """A canonical actor, place or facility, with its aliases and attributes."""

    table: ClassVar[str] = "entities"
    kind: EntityKind = EntityKind.ACTOR
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    type: str | None = None  # ActorType for actors, PlaceLevel for places, facility type for facilities
    country: str | None = None  # ISO 3166-1 alpha-2
    parent_id: str | None = None  # enclosing place, parent organisation, facility's place
    latitude: float | None = None
    longitude: float | None = None
    origin: str = "gazetteer"  # gazetteer, geonames, extracted, review
    merged_into: str | None = None  # set when a reviewer merges this entity into another
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Claim(Record):
    """Provenance shared by every extracted item: where in which text, by which extractor."""

    document_id: str = ""
    start: int = 0  # character offsets into Document.text
    end: int = 0
    quote: str = ""  # the sentence the item was read from
    extractor: str = ""  # versioned component name, e.g. "fogline.figures.v1"
    confidence: float = 1.0
    review_status: ReviewStatus = ReviewStatus.AUTO
    reviewed_by: str | None = None


@dataclass(kw_only=True)
class Mention(Claim):
    """An entity, date or other typed span found in a text."""

    table: ClassVar[str] = "mentions"
    label: str = ""  # ACTOR, PLACE, FACILITY, DATE
    text: str = ""
    entity_id: str | None = None
    value: str | None = None  # resolved value, e.g. an ISO date for DATE mentions
    precision: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Figure(Claim):
    """A number of people killed, injured, displaced…, as a range, with its attribution."""

    table: ClassVar[str] = "figures"
    measure: Measure = Measure.KILLED
    group: VictimGroup = VictimGroup.UNKNOWN
    side_id: str | None = None  # the actor the victims belong to ("Damascus-affiliated fighters")
    side: str | None = None  # the side as written
    low: int = 0
    high: int | None = None  # None when open-ended ("at least 38")
    qualifier: Qualifier = Qualifier.EXACT
    number_text: str = ""  # "at least 38", "dozens"
    source_id: str | None = None  # the actor the figure is attributed to
    source: str | None = None  # the attribution as written
    place_id: str | None = None
    place: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    event_id: str | None = None


@dataclass(kw_only=True)
class Event(Claim):
    """Something that happened, typed in the ACLED taxonomy."""

    table: ClassVar[str] = "events"
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    place_id: str | None = None
    place: str | None = None
    actor1_id: str | None = None
    actor1: str | None = None
    actor2_id: str | None = None
    actor2: str | None = None
    assoc_actor_ids: list[str] = field(default_factory=list)
    figure_ids: list[str] = field(default_factory=list)
    fatalities: int | None = None
    is_onset: bool = False  # the text dates the start of a campaign ("the offensive began on …")
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Statement(Claim):
    """Who said what: a condemnation, an appeal, a demand…"""

    table: ClassVar[str] = "statements"
    speaker_id: str | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    act: StatementAct = StatementAct.STATE
    target_id: str | None = None
    target: str | None = None
    demands: list[str] = field(default_factory=list)
    date_start: str | None = None
    date_precision: DatePrecision | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class Agreement(Claim):
    """An agreement, ceasefire or truce, or a claim that one was violated."""

    table: ClassVar[str] = "agreements"
    name: str = ""
    kind: str = "agreement"  # agreement, ceasefire, truce, understanding, deal
    date: str | None = None  # when it was signed or reached
    date_precision: DatePrecision | None = None
    party_ids: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    status: AgreementStatus = AgreementStatus.REACHED
    violated: bool = False  # the text says an event violates it
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class FacilityImpact(Claim):
    """A hospital, school, mosque… hit or affected."""

    table: ClassVar[str] = "facility_impacts"
    facility_id: str | None = None
    facility: str = ""
    facility_type: str = ""  # hospital, school, mosque, church, market, power_station, water, shelter…
    status: FacilityStatus = FacilityStatus.ATTACKED
    place_id: str | None = None
    date_start: str | None = None
    date_precision: DatePrecision | None = None


@dataclass(kw_only=True)
class Review(Record):
    """A human decision on an item: who, when, before and after."""

    table: ClassVar[str] = "reviews"
    item_table: str = ""
    item_id: str = ""
    action: str = ""  # accept, edit, reject, merge
    user: str = ""
    at: str = ""
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class User(Record):
    """A person who may sign in to the web app."""

    table: ClassVar[str] = "users"
    name: str = ""
    role: str = "viewer"  # viewer, analyst, admin
    password_hash: str = ""
    token_hash: str | None = None
    created_at: str = ""


@dataclass(kw_only=True)
class ReportRun(Record):
    """A situation report that was generated: when, for what scope, and the headline numbers it showed."""

    table: ClassVar[str] = "report_runs"
    generated_at: str = ""  # ISO timestamp
    since: str | None = None
    place: str | None = None
    path: str | None = None
    format: str = ""  # md, html, pdf
    summary: dict[str, Any] = field(default_factory=dict)  # headline tallies and counts, for "what changed"


CLAIM_RECORDS: tuple[type[Claim], ...] = (Mention, Figure, Event, Statement, Agreement, FacilityImpact)
RECORDS: tuple[type[Record], ...] = (Document, Entity, *CLAIM_RECORDS, Review, User, ReportRun)
RECORD_BY_TABLE: dict[str, type[Record]] = {r.table: r for r in RECORDS}


@dataclass
class Extraction:
    """Everything extracted from one document: the unit the store writes in one transaction."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    facility_impacts: list[FacilityImpact] = field(default_factory=list)

    def claims(self) -> list[Claim]:
        return [
            *self.mentions,
            *self.figures,
            *self.events,
            *self.statements,
            *self.agreements,
            *self.facility_impacts,
        ]


def record_fields(record: type[Record]) -> list[dataclasses.Field[Any]]:
    """The declared fields of a record type, in order (``id`` first)."""
    return list(dataclasses.fields(record))
