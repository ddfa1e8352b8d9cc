"""Reconciliation across reports, on records built by hand (shaped like the extractors' output).

``build_world`` is shared with the report and export tests: a city siege told by five outlets, one of them a
syndicated copy of another, with figures that rise over time, disagree, and agree within "about".
"""

from __future__ import annotations

from fogline.reconcile import compute_tallies, merged_events, timeline
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.tallies import claim_range, describes_source, summarise
from fogline.schema import (
    Agreement,
    AgreementStatus,
    Document,
    Entity,
    EntityKind,
    Event,
    Extraction,
    FacilityImpact,
    FacilityStatus,
    Figure,
    Measure,
    Qualifier,
    ReviewStatus,
    Statement,
    StatementAct,
    VictimGroup,
    make_id,
)
from fogline.store import Store

COUNTRY = Entity(
    id="pl-sd",
    kind=EntityKind.PLACE,
    name="Sudan",
    type="country",
    country="SD",
    latitude=15.5,
    longitude=30.0,
)
STATE = Entity(
    id="pl-nd",
    kind=EntityKind.PLACE,
    name="North Darfur",
    type="admin1",
    country="SD",
    parent_id="pl-sd",
    latitude=15.8,
    longitude=25.0,
)
CITY = Entity(
    id="pl-fasher",
    kind=EntityKind.PLACE,
    name="El Fasher",
    type="city",
    country="SD",
    parent_id="pl-nd",
    latitude=13.63,
    longitude=25.35,
    aliases=["Al Fashir"],
)
NB1 = Entity(
    id="pl-abushouk",
    kind=EntityKind.PLACE,
    name="Abu Shouk",
    type="neighbourhood",
    country="SD",
    parent_id="pl-fasher",
    latitude=13.66,
    longitude=25.33,
)
NB2 = Entity(
    id="pl-daraja",
    kind=EntityKind.PLACE,
    name="Daraja Oula",
    type="neighbourhood",
    country="SD",
    parent_id="pl-fasher",
    latitude=13.62,
    longitude=25.37,
)
TOWN = Entity(
    id="pl-tawila",
    kind=EntityKind.PLACE,
    name="Tawila",
    type="city",
    country="SD",
    parent_id="pl-nd",
    latitude=13.49,
    longitude=24.85,
)
RSF = Entity(
    id="ac-rsf", kind=EntityKind.ACTOR, name="Rapid Support Forces", type="rebel_group", country="SD"
)
SAF = Entity(
    id="ac-saf", kind=EntityKind.ACTOR, name="Sudanese Armed Forces", type="state_forces", country="SD"
)
DOCTORS = Entity(id="ac-doctors", kind=EntityKind.ACTOR, name="Sudan Doctors Network", type="ngo")
IOM = Entity(id="ac-iom", kind=EntityKind.ACTOR, name="IOM", type="international")
UNSG = Entity(id="ac-unsg", kind=EntityKind.ACTOR, name="UN Secretary-General", type="international")
CIVS = Entity(id="ac-civ", kind=EntityKind.ACTOR, name="Civilians (Sudan)", type="civilians", country="SD")
HOSPITAL = Entity(
    id="fa-hosp",
    kind=EntityKind.FACILITY,
    name="Saudi Teaching Hospital",
    type="hospital",
    parent_id="pl-fasher",
)
ENTITIES = [COUNTRY, STATE, CITY, NB1, NB2, TOWN, RSF, SAF, DOCTORS, IOM, UNSG, CIVS, HOSPITAL]

DOCS = {
    "d1": ("Wire A", "2025-10-26", None),
    "d2": ("Radio B", "2025-10-27", None),
    "d3": ("Daily C", "2025-10-28", None),
    "d4": ("Syndicated D", "2025-10-28", "d3"),  # a syndicated copy of d3
    "d5": ("Agency E", "2025-10-29", None),
}


def _doc(key: str) -> Document:
    outlet, published, dup = DOCS[key]
    return Document(
        id=key,
        text=f"Report {key} written for the reconciliation tests.",
        title=f"{outlet} on the siege",
        outlet=outlet,
        url=f"https://example.org/{key}",
        published=published,
        near_duplicate_of=dup,
        ingested_at=f"2025-11-01T00:00:0{key[-1]}",
        content_hash=key,
    )


def fig(doc: str, n: int, low: int, high: int | None = None, **kw: object) -> Figure:
    values: dict[str, object] = {
        "measure": Measure.KILLED,
        "group": VictimGroup.CIVILIANS,
        "qualifier": Qualifier.EXACT,
        "place_id": "pl-fasher",
        "quote": f"Sentence {n} of {doc} gives {low}.",
        "number_text": str(low),
    }
    values.update(kw)
    start = 10 * n
    return Figure(
        id=make_id(doc, "fig", n),
        document_id=doc,
        start=start,
        end=start + 5,
        extractor="test",
        low=low,
        high=high if high is not None or values["qualifier"] != Qualifier.EXACT else low,
        **values,  # type: ignore[arg-type]
    )


def event(doc: str, n: int, **kw: object) -> Event:
    values: dict[str, object] = {
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "place_id": "pl-abushouk",
        "actor1_id": "ac-rsf",
        "actor1": "RSF",
        "quote": f"Event sentence {n} of {doc}.",
    }
    values.update(kw)
    return Event(
        id=make_id(doc, "ev", n), document_id=doc, start=100 + n, end=110 + n, extractor="test", **values
    )  # type: ignore[arg-type]


def build_world(store: Store) -> None:
    """Five reports on one siege (see the module docstring)."""
    ext = {key: Extraction(document=_doc(key)) for key in DOCS}
    ext["d1"].entities = ENTITIES
    ext["d1"].figures = [
        fig(
            "d1",
            1,
            12,
            qualifier=Qualifier.AT_LEAST,
            high=None,
            source_id="ac-doctors",
            place_id="pl-abushouk",
        ),
        fig("d1", 2, 40, measure=Measure.INJURED, source_id="ac-doctors"),
    ]
    ext["d2"].figures = [
        fig("d2", 1, 30, source_id="ac-doctors", group=VictimGroup.UNKNOWN),  # "30 people"
        fig("d2", 2, 100, group=VictimGroup.FIGHTERS, side_id="ac-saf", side="army soldiers"),
    ]
    ext["d3"].figures = [
        fig("d3", 1, 60, source="the local resistance committee", place_id=None),
        fig(
            "d3",
            2,
            36000,
            measure=Measure.DISPLACED,
            group=VictimGroup.UNKNOWN,
            qualifier=Qualifier.ABOUT,
            source_id="ac-iom",
            place_id="pl-fasher",
        ),
    ]
    ext["d4"].figures = [fig("d4", 1, 60, source="the local resistance committee", place_id=None)]
    ext["d5"].figures = [
        fig("d5", 1, 460, place_id="pl-daraja"),  # unattributed: the outlet is the source
        fig("d5", 2, 40000, measure=Measure.DISPLACED, group=VictimGroup.UNKNOWN, qualifier=Qualifier.ABOUT),
        fig("d5", 3, 5, group=VictimGroup.CHILDREN),
        fig("d5", 4, 999, confidence=0.9, review_status=ReviewStatus.REJECTED),
    ]
    # the campaign's start, dated differently by three outlets
    ext["d1"].events = [
        event(
            "d1",
            1,
            is_onset=True,
            date_start="2025-10-20",
            event_type="Battles",
            sub_event_type="Armed clash",
            place_id="pl-fasher",
            actor2_id="ac-saf",
        ),
        event("d1", 2, date_start="2025-10-25", figure_ids=[make_id("d1", "fig", 1)]),
    ]
    ext["d2"].events = [event("d2", 1, is_onset=True, date_start="2025-10-21", place_id="pl-fasher")]
    ext["d3"].events = [event("d3", 1, date_start="2025-10-25", place_id="pl-fasher", fatalities=15)]
    ext["d4"].events = [event("d4", 1, date_start="2025-10-26", place_id="pl-fasher", fatalities=14)]
    ext["d5"].events = [
        event(
            "d5",
            1,
            is_onset=True,
            date_start="2025-10-24",
            event_type="Battles",
            sub_event_type="Armed clash",
            place_id=None,
        ),
        event(
            "d5",
            2,
            date_start="2025-10-28",
            event_type="Battles",
            sub_event_type="Armed clash",
            place_id="pl-tawila",
            actor1_id="ac-saf",
            actor2_id="ac-rsf",
        ),
    ]
    ext["d3"].statements = [
        Statement(
            id="st1",
            document_id="d3",
            start=0,
            end=50,
            quote="The Secretary-General condemned the siege.",
            speaker_id="ac-unsg",
            speaker="Guterres",
            act=StatementAct.CONDEMN,
            target_id="ac-rsf",
            demands=["an immediate ceasefire", "safe passage for civilians"],
            date_start="2025-10-27",
        ),
    ]
    ext["d4"].statements = [
        Statement(
            id="st2",
            document_id="d4",
            start=0,
            end=50,
            quote="The Secretary-General condemned the siege.",
            speaker_id="ac-unsg",
            act=StatementAct.CONDEMN,
            date_start="2025-10-27",
        ),
    ]
    ext["d2"].agreements = [
        Agreement(
            id="ag1",
            document_id="d2",
            start=0,
            end=20,
            quote="The 2023 declaration committed both sides.",
            name="Jeddah Declaration",
            kind="agreement",
            date="2023-05-11",
            status=AgreementStatus.SIGNED,
            parties=["SAF", "RSF"],
        ),
    ]
    ext["d5"].agreements = [
        Agreement(
            id="ag2",
            document_id="d5",
            start=0,
            end=20,
            quote="A truce was agreed on Wednesday.",
            name="",
            kind="ceasefire",
            date="2025-10-29",
            status=AgreementStatus.REACHED,
        ),
        Agreement(
            id="ag3",
            document_id="d5",
            start=30,
            end=60,
            quote="The attack broke the 2023 declaration.",
            name="Jeddah Declaration",
            kind="agreement",
            date="2023-05-11",
            status=AgreementStatus.VIOLATED,
            violated=True,
        ),
    ]
    for key, status in (("d3", FacilityStatus.ATTACKED), ("d5", FacilityStatus.OUT_OF_SERVICE)):
        ext[key].facility_impacts = [
            FacilityImpact(
                id=f"fi-{key}",
                document_id=key,
                start=0,
                end=10,
                quote="The hospital was hit.",
                facility_id="fa-hosp",
                facility="Saudi Hospital",
                facility_type="hospital",
                status=status,
                place_id="pl-fasher",
                date_start=DOCS[key][1],
            )
        ]
    for key in DOCS:
        store.save(ext[key])


def _tally(tallies, measure: str, group: str):  # type: ignore[no-untyped-def]
    found = [t for t in tallies if t.measure == measure and t.group == group]
    assert len(found) == 1, [(t.measure, t.group, t.place) for t in tallies]
    return found[0]


def test_civilian_deaths_are_one_contested_tally(store: Store) -> None:
    build_world(store)
    tallies = compute_tallies(store)
    killed = _tally(tallies, "killed", "civilians")
    # neighbourhood figures, city figures, a placeless figure and an unknown-group figure count the same thing
    assert killed.place == "El Fasher"
    assert killed.contested
    current = {c.source: c.low for c in killed.current()}
    # the network's 12 was superseded by its 30; the syndicated copy is not a second source; 999 was rejected
    assert current == {"Sudan Doctors Network": 30, "the local resistance committee": 60, "Agency E": 460}
    assert sorted(killed.sources) == sorted(current)
    assert (killed.low, killed.best, killed.high, killed.conservative) == (30, 60, 460, 30)
    superseded = [c for c in killed.claims if c.superseded]
    assert {c.low for c in superseded} == {12, 60}  # the older network figure, the duplicate story's copy
    assert [p.value for p in killed.history] == [12, 30, 60, 60, 460]
    assert [p.best for p in killed.history][-1] == 60
    assert all(c.low != 999 for c in killed.claims)


def test_about_figures_within_ten_percent_agree(store: Store) -> None:
    build_world(store)
    displaced = _tally(compute_tallies(store), "displaced", "unknown")
    assert not displaced.contested
    assert (displaced.low, displaced.high) == (36000, 40000)
    assert sorted(displaced.sources) == ["Agency E", "IOM"]


def test_subsets_and_sides_get_their_own_tallies(store: Store) -> None:
    build_world(store)
    tallies = compute_tallies(store)
    assert _tally(tallies, "killed", "children").best == 5
    fighters = _tally(tallies, "killed", "fighters")
    assert fighters.side == "Sudanese Armed Forces" and fighters.best == 100 and not fighters.contested


def test_filters_by_place_and_period(store: Store) -> None:
    build_world(store)
    in_daraja = compute_tallies(store, place_id="Daraja Oula")
    assert [(t.measure, t.best) for t in in_daraja] == [("killed", 460)]
    early = compute_tallies(store, until="2025-10-26")
    assert [(t.group, t.best) for t in early if t.measure == "killed"] == [("civilians", 12)]


def test_reviewed_values_override_automatic_ones(store: Store) -> None:
    build_world(store)
    auto = store.get(Figure, make_id("d5", "fig", 1))
    assert auto is not None
    edited = Figure(
        **{
            **auto.to_dict(),
            "id": "edited-1",
            "low": 46,
            "high": 46,
            "review_status": ReviewStatus.EDITED,
            "reviewed_by": "ana",
        }
    )
    store.put(edited)
    killed = _tally(compute_tallies(store), "killed", "civilians")
    values = {c.figure_id: c.low for c in killed.claims}
    assert values.get("edited-1") == 46 and auto.id not in values
    assert killed.high == 60


def test_claim_ranges() -> None:
    assert claim_range(150000, 150000, "about") == (135000.0, 165000.0)
    assert claim_range(38, None, "at_least")[1] == float("inf")
    assert claim_range(10, 20, "exact") == (10.0, 20.0)
    assert summarise([]) is None


def test_merged_events_flag_conflicting_start_dates(store: Store) -> None:
    build_world(store)
    events = merged_events(store)
    onset = [e for e in events if e.is_onset]
    assert len(onset) == 1
    assert onset[0].conflicts["date_start"] == ["2025-10-20", "2025-10-21", "2025-10-24"]
    assert onset[0].mention_count == 3 and len(onset[0].sources) == 3
    shelling = [e for e in events if not e.is_onset and e.event_type == "Explosions/Remote violence"]
    assert len(shelling) == 1
    merged = shelling[0]
    assert merged.mention_count == 3
    assert merged.sources == ["Wire A", "Daily C"]  # the syndicated copy counts as Daily C
    assert merged.place == "Abu Shouk" and merged.latitude == 13.66
    assert merged.fatalities == 14  # ACLED: the most conservative report
    assert merged.conflicts["date_start"] == ["2025-10-25", "2025-10-26"]
    # a clash in another town is another event
    assert any(e.place == "Tawila" for e in events)


def test_events_far_apart_stay_apart(sqlite_store: Store) -> None:
    doc = _doc("d1")
    evs = [event("d1", 1, date_start="2025-10-01"), event("d1", 2, date_start="2025-10-20")]
    sqlite_store.save(Extraction(document=doc, entities=ENTITIES, events=evs))
    assert len(merged_events(sqlite_store)) == 2


def test_timeline_is_in_date_order_and_has_every_kind(store: Store) -> None:
    build_world(store)
    entries = timeline(store)
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(dates)
    kinds = {e.kind for e in entries}
    assert kinds == {"event", "statement", "agreement", "figure_change", "facility"}
    statement = next(e for e in entries if e.kind == "statement")
    assert "condemned" in statement.title and statement.sources == ["Daily C"]
    assert "an immediate ceasefire" in statement.detail
    onset = next(e for e in entries if e.kind == "event" and e.flags)
    assert "2025-10-20" in onset.flags[0]
    hospital = next(e for e in entries if e.kind == "facility")
    assert "out of service" in hospital.title and hospital.date == "2025-10-28"


def test_corpus_follows_merges_and_places(sqlite_store: Store) -> None:
    build_world(sqlite_store)
    corpus = Corpus.load(sqlite_store)
    assert corpus.anchor("pl-abushouk") == "pl-fasher"
    assert corpus.encloses("pl-sd", "pl-daraja")
    assert not corpus.compatible_places("pl-abushouk", "pl-daraja")
    assert corpus.resolve_place("al fashir") == "pl-fasher"
    assert corpus.outlet("d4") == "Daily C"


def test_a_place_that_only_locates_the_source_is_not_the_figures_place() -> None:
    quote = "A nurse from the Red Crescent in North Darfur told us 80 people were killed."
    by_source = Figure(quote=quote, source="the Red Crescent", place="North Darfur", place_id="pl-nd", low=80)
    assert describes_source(by_source)
    in_place = Figure(
        quote="In Tawila, 80 people were killed, the Red Crescent said.",
        source="the Red Crescent",
        place="Tawila",
        place_id="pl-tawila",
        low=80,
    )
    assert not describes_source(in_place)


def test_vague_figures_do_not_make_a_tally_contested(sqlite_store: Store) -> None:
    doc1, doc2 = _doc("d1"), _doc("d2")
    figs1 = [
        fig(
            "d1",
            1,
            20000,
            99999,
            qualifier=Qualifier.VAGUE,
            number_text="tens of thousands",
            measure=Measure.DISPLACED,
        )
    ]
    figs2 = [fig("d2", 1, 155000, qualifier=Qualifier.ABOUT, measure=Measure.DISPLACED)]
    sqlite_store.save(Extraction(document=doc1, entities=ENTITIES, figures=figs1))
    sqlite_store.save(Extraction(document=doc2, figures=figs2))
    tally = _tally(compute_tallies(sqlite_store), "displaced", "civilians")
    assert not tally.contested and tally.sources == ["Radio B"] and len(tally.current()) == 2
    assert (tally.low, tally.best, tally.high, tally.conservative) == (155000, 155000, 155000, 155000)


def test_campaign_start_merges_across_differently_named_actors(sqlite_store: Store) -> None:
    doc1, doc2 = _doc("d1"), _doc("d2")
    one = event("d1", 1, is_onset=True, date_start="2025-10-20", actor1_id="ac-rsf", place_id="pl-fasher")
    two = event("d2", 1, is_onset=True, date_start="2025-10-23", actor1_id="ac-saf", place_id="pl-abushouk")
    sqlite_store.save(Extraction(document=doc1, entities=ENTITIES, events=[one]))
    sqlite_store.save(Extraction(document=doc2, events=[two]))
    (merged,) = merged_events(sqlite_store)
    assert merged.conflicts["date_start"] == ["2025-10-20", "2025-10-23"] and merged.place == "Abu Shouk"


def test_agreements_named_by_their_date_are_one_agreement(sqlite_store: Store) -> None:
    from fogline.reconcile.digest import agreements

    doc1, doc2 = _doc("d1"), _doc("d2")
    dated = Agreement(
        id="a1", document_id="d1", quote="q1", name="the 10 March 2025 agreement", date="2025-03-10"
    )
    named = Agreement(id="a2", document_id="d2", quote="q2", name="the March 10th agreement", violated=True)
    other = Agreement(id="a3", document_id="d2", start=5, quote="q3", name="the April 1 agreement")
    sqlite_store.save(Extraction(document=doc1, agreements=[dated]))
    sqlite_store.save(Extraction(document=doc2, agreements=[named, other]))
    items = agreements(Corpus.load(sqlite_store))
    assert len(items) == 2
    march = next(a for a in items if a.date == "2025-03-10")
    assert march.status == "violated" and march.sources == ["Wire A", "Radio B"]
