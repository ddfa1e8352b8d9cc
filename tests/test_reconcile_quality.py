"""What an analyst reads off the reconciled record: places of figures, headline choice, timeline wording,
consistent ACLED types. Hand-built records on the world of ``test_reconcile``."""

from __future__ import annotations

from test_reconcile import CITY, COUNTRY, ENTITIES, NB1, NB2, _doc, _tally, event, fig

from fogline.reconcile import compute_tallies, headline_tallies, merged_events, timeline
from fogline.reconcile.corpus import Corpus
from fogline.reconcile.tallies import names_side
from fogline.schema import Extraction, Figure, Measure, Mention, Qualifier, VictimGroup, make_id
from fogline.store import Store


def _places(doc: str, *place_ids: str) -> list[Mention]:
    return [
        Mention(
            id=make_id(doc, "m", i),
            document_id=doc,
            start=200 + 10 * i,
            end=205 + 10 * i,
            extractor="test",
            label="PLACE",
            text=pid,
            entity_id=pid,
        )
        for i, pid in enumerate(place_ids)
    ]


def test_a_capital_named_as_an_allegiance_is_not_where_the_victims_died() -> None:
    quote = "Medics said 21 civilians and 9 soldiers loyal to Kampala died in the fighting."
    loyal = Figure(quote=quote, place="Kampala", place_id="pl-kla", low=21)
    assert names_side(loyal)
    backed = Figure(quote="Forty Moscow-backed fighters were killed.", place="Moscow", low=40)
    assert names_side(backed)
    side = Figure(quote="Ten of them were killed.", place="Kyiv", side="Kyiv", low=10)
    assert names_side(side)
    # the place is also named as a location: keep it
    both = Figure(
        quote="In Kampala, 21 people including soldiers loyal to Kampala were killed.",
        place="Kampala",
        low=21,
    )
    assert not names_side(both)
    plain = Figure(quote="Twelve people were killed in Kampala on Monday.", place="Kampala", low=12)
    assert not names_side(plain)


def test_figure_placed_by_allegiance_joins_the_tally_of_its_story(sqlite_store: Store) -> None:
    # d1 is about two districts of El Fasher; the figure's place word (the state) only names a side
    allegiance = fig(
        "d1",
        1,
        43,
        place_id="pl-nd",
        place="North Darfur",
        quote="At least 43 civilians and 38 fighters affiliated with North Darfur were killed.",
        qualifier=Qualifier.AT_LEAST,
        high=None,
        source="monitor",
    )
    other = fig("d2", 1, 13, place_id="pl-fasher", source="medics")
    sqlite_store.save(
        Extraction(
            document=_doc("d1"),
            entities=ENTITIES,
            figures=[allegiance],
            mentions=_places("d1", "pl-abushouk", "pl-daraja", "pl-fasher"),
        )
    )
    sqlite_store.save(Extraction(document=_doc("d2"), figures=[other]))
    tally = _tally(compute_tallies(sqlite_store), "killed", "civilians")
    assert tally.place == "El Fasher" and tally.contested
    assert sorted(c.low for c in tally.claims) == [13, 43]


def test_dominant_place_counts_the_places_inside_a_city(sqlite_store: Store) -> None:
    # the country is named twice, the city and two of its districts once each: the story is about the city
    mentions = _places("d1", COUNTRY.id, COUNTRY.id, NB1.id, NB2.id, CITY.id)
    sqlite_store.save(Extraction(document=_doc("d1"), entities=ENTITIES, mentions=mentions))
    corpus = Corpus.load(sqlite_store)
    assert corpus.anchor(corpus.dominant_place("d1")) == CITY.id


def test_headlines_keep_every_measure_when_there_are_too_many(sqlite_store: Store) -> None:
    figures = [fig("d1", i, 10 + i, group=VictimGroup.FIGHTERS, side=f"unit {i}") for i in range(1, 6)]
    figures.append(fig("d1", 9, 62000, measure=Measure.DISPLACED, source="IOM"))
    sqlite_store.save(Extraction(document=_doc("d1"), entities=ENTITIES, figures=figures))
    sqlite_store.save(
        Extraction(document=_doc("d2"), figures=[fig("d2", 1, 60000, measure=Measure.DISPLACED, source="UN")])
    )
    tallies = compute_tallies(sqlite_store)
    assert len(tallies) == 6 and tallies[-1].measure == "displaced"
    chosen = headline_tallies(tallies, 3)
    assert len(chosen) == 3
    assert any(t.measure == "displaced" for t in chosen)  # two sources: kept
    assert [t.id for t in chosen] == [t.id for t in tallies if t in chosen]  # order kept


def test_timeline_figure_changes_read_as_written(sqlite_store: Store) -> None:
    vague = fig(
        "d1",
        1,
        20000,
        99999,
        measure=Measure.DISPLACED,
        qualifier=Qualifier.VAGUE,
        number_text="tens of thousands",
    )
    more = fig("d2", 1, 461, qualifier=Qualifier.MORE_THAN, high=None, number_text="More than 460")
    precise = fig(
        "d3", 1, 150000, measure=Measure.DISPLACED, qualifier=Qualifier.ABOUT, number_text="about 150,000"
    )
    sqlite_store.save(Extraction(document=_doc("d1"), entities=ENTITIES, figures=[vague]))
    sqlite_store.save(Extraction(document=_doc("d2"), figures=[more]))
    sqlite_store.save(Extraction(document=_doc("d3"), figures=[precise]))
    changes = [e for e in timeline(sqlite_store) if e.kind == "figure_change"]
    titles = [e.title for e in changes]
    # the vague step is left out of a tally that has a number; "more than 460" is not shown as 461
    assert not any("20,000" in t or "tens of thousands" in t for t in titles), titles
    killed = next(e for e in changes if "killed" in e.title)
    assert "more than 460" in killed.title and "461" not in killed.title + killed.detail
    assert "–" not in killed.detail  # one value: no "range 461–461"


def test_merged_event_types_come_as_one_acled_triple(sqlite_store: Store) -> None:
    drone = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date_start": "2025-10-25",
        "place_id": "pl-fasher",
    }
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2025-10-25"}
    sqlite_store.save(
        Extraction(
            document=_doc("d1"),
            entities=ENTITIES,
            events=[event("d1", 1, **drone), event("d1", 2, **drone)],
        )
    )
    sqlite_store.save(Extraction(document=_doc("d2"), events=[event("d2", 1, place_id="pl-fasher", **clash)]))
    sqlite_store.save(Extraction(document=_doc("d5"), events=[event("d5", 1, place_id="pl-fasher", **clash)]))
    merged = merged_events(sqlite_store)
    assert any("sub_event_type" in ev.conflicts for ev in merged)  # the reports were merged
    for ev in merged:
        pair = (ev.event_type, ev.sub_event_type)
        assert pair in {("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash")}, pair


def test_event_placed_by_allegiance_takes_the_place_of_its_story(sqlite_store: Store) -> None:
    ev = event(
        "d1",
        1,
        place_id="pl-nd",
        place="North Darfur",
        quote="Fighters affiliated with North Darfur clashed with the RSF for six days.",
        date_start="2025-10-25",
    )
    sqlite_store.save(
        Extraction(
            document=_doc("d1"),
            entities=ENTITIES,
            events=[ev],
            mentions=_places("d1", "pl-abushouk", "pl-fasher", "pl-fasher"),
        )
    )
    (merged,) = merged_events(sqlite_store)
    assert merged.place == "El Fasher"
