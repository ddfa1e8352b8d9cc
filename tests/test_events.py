"""``fogline.events.v1`` on hand-made documents with hand-set mentions, dates and figures."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.ingest.normalize import document_from_text
from fogline.nlp.events import conservative_fatalities, is_onset, is_party
from fogline.nlp.pipeline import build_pipeline, make_doc
from fogline.schema import (
    DatePrecision,
    Entity,
    EntityKind,
    Event,
    Figure,
    Measure,
    Mention,
    VictimGroup,
)


@pytest.fixture(scope="module")
def events_nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.events.v1"])


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


class Builder:
    """A document with mentions, dates and figures placed by their text."""

    def __init__(self, nlp: Language, text: str, published: str | None = "2025-03-20") -> None:
        self.nlp = nlp
        self.text = text
        self.doc: Doc = make_doc(nlp, document_from_text(text, published=published))
        self.doc = nlp.get_pipe("fogline.sentences.v1")(self.doc)
        self.doc._.mentions = []
        self.doc._.entities = {}
        self.doc._.dates = []
        self.doc._.figures = []

    def place(self, name: str, level: str = "city", nth: int = 0) -> Builder:
        return self._entity("PLACE", name, EntityKind.PLACE, level, nth)

    def actor(self, name: str, kind: str = "rebel_group", nth: int = 0) -> Builder:
        return self._entity("ACTOR", name, EntityKind.ACTOR, kind, nth)

    def _entity(self, label: str, name: str, kind: EntityKind, type_: str, nth: int) -> Builder:
        start, end = _span(self.text, name, nth)
        entity_id = f"{kind}-{name.lower()}"
        self.doc._.entities[entity_id] = Entity(id=entity_id, kind=kind, name=name, type=type_)
        self.doc._.mentions.append(Mention(label=label, start=start, end=end, text=name, entity_id=entity_id))
        return self

    def date(
        self, phrase: str, value: str, relation: str = "on", precision: str = "day", **attrs: Any
    ) -> Builder:
        start, end = _span(self.text, phrase)
        mention = Mention(
            label="DATE",
            start=start,
            end=end,
            text=phrase,
            value=value,
            precision=precision,
            attributes={"start": value, "end": value, "relation": relation, "resolved": True, **attrs},
        )
        self.doc._.dates.append(mention)
        self.doc._.mentions.append(mention)
        return self

    def figure(self, phrase: str, low: int, measure: Measure = Measure.KILLED, **kw: Any) -> Builder:
        start, end = _span(self.text, phrase)
        self.doc._.figures.append(
            Figure(
                id=f"fig-{start}", start=start, end=end, measure=measure, low=low, number_text=phrase, **kw
            )
        )
        return self

    def run(self) -> list[Event]:
        doc = self.nlp.get_pipe("fogline.events.v1")(self.doc)
        assert not doc._.errors
        return list(doc._.events)


def test_event_with_date_place_actors_and_fatalities(events_nlp: Language) -> None:
    text = (
        "On 14 March, the Eastern Front militia shelled Karvo, killing 7 civilians, including 2 children. "
        "Residents said the market was closed."
    )
    events = (
        Builder(events_nlp, text)
        .date("14 March", "2025-03-14")
        .actor("Eastern Front")
        .place("Karvo")
        .figure("7 civilians", 7, group=VictimGroup.CIVILIANS)
        .figure("2 children", 2, group=VictimGroup.CHILDREN)
        .run()
    )
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.event_type == "Explosions/Remote violence"
    assert event.disorder_type == "Political violence"
    assert (event.date_start, event.date_end, event.date_precision) == (
        "2025-03-14",
        "2025-03-14",
        DatePrecision.DAY,
    )
    assert event.place == "Karvo" and event.place_id == "place-karvo"
    assert event.actor1 == "Eastern Front" and event.actor2 is None
    assert event.fatalities == 7
    assert event.figure_ids == [
        "fig-" + str(text.index("7 civilians")),
        "fig-" + str(text.index("2 children")),
    ]
    assert event.quote.startswith("On 14 March") and event.extractor == "fogline.events.v1"
    assert event.attributes["date_from"] == "text"
    assert event.start == 0 and event.end == len(event.quote)


def test_target_after_the_verb_and_passive_agent(events_nlp: Language) -> None:
    text = (
        "The Northern Brigade attacked Sand Lions fighters near Tomba. "
        "The Red Hand were ambushed by the Sand Lions."
    )
    events = (
        Builder(events_nlp, text)
        .actor("Northern Brigade")
        .actor("Sand Lions")
        .actor("Red Hand")
        .actor("Sand Lions", nth=1)
        .place("Tomba")
        .run()
    )
    first, second = events
    assert (first.actor1, first.actor2) == ("Northern Brigade", "Sand Lions")
    assert (second.actor1, second.actor2) == ("Sand Lions", "Red Hand")


def test_agent_of_a_later_cue_when_the_sentence_opens_with_a_headline(events_nlp: Language) -> None:
    text = "Airstrike kills five in Dumo: Blue Wing jets bombed a market in Dumo on Monday."
    events = Builder(events_nlp, text).actor("Blue Wing").place("Dumo").run()
    assert len(events) == 1 and events[0].actor1 == "Blue Wing" and events[0].actor2 is None


def test_actor_types_refine_the_label(events_nlp: Language) -> None:
    text = (
        "The Hill Guard took control of Sarno on Monday. The Hill Guard attacked the Lake Union near Sarno."
    )
    events = (
        Builder(events_nlp, text)
        .actor("Hill Guard", "state_forces")
        .actor("Hill Guard", "state_forces", nth=1)
        .actor("Lake Union", "civilians")
        .place("Sarno")
        .place("Sarno", nth=1)
        .date("on Monday", "2025-03-17")
        .run()
    )
    assert [e.sub_event_type for e in events] == ["Government regains territory", "Attack"]
    assert events[0].attributes["refined_from"] == "NON_STATE_ACTOR_OVERTAKES_TER"


def test_weak_attack_cue_needs_typed_actors(events_nlp: Language) -> None:
    text = "The Hill Guard attacked the Lake Union near Sarno."
    untyped = Builder(events_nlp, text).actor("Hill Guard", "").actor("Lake Union", "").place("Sarno").run()
    assert untyped == []
    typed = (
        Builder(events_nlp, text).actor("Hill Guard", "rebel_group").actor("Lake Union", "state_forces").run()
    )
    assert [e.sub_event_type for e in typed] == ["Armed clash"]


def test_source_is_not_an_actor(events_nlp: Language) -> None:
    text = "Warplanes struck a bakery in Dumo on Monday, according to the London-based Civil Watch."
    events = Builder(events_nlp, text).actor("Civil Watch", "").place("Dumo").run()
    assert len(events) == 1
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].actor1 is None and events[0].actor2 is None


def test_media_are_not_parties(events_nlp: Language) -> None:
    text = "Night Wire: gunmen kidnapped a doctor in Dumo on Monday."
    events = Builder(events_nlp, text).actor("Night Wire", "media").place("Dumo").run()
    assert len(events) == 1 and events[0].actor1 is None


def test_running_tally_is_not_an_event(events_nlp: Language) -> None:
    text = "The group has killed hundreds of villagers since June 2019 in Tarsa."
    builder = Builder(events_nlp, text).place("Tarsa")
    assert builder.date("since June 2019", "2019-06", "since", "month").run() == []


def test_fallbacks_to_publication_date_and_dominant_place(events_nlp: Language) -> None:
    text = "News from Lirra province.\n\nRebels kidnapped two aid workers near a checkpoint. Lirra is remote."
    events = Builder(events_nlp, text).place("Lirra", "admin1").place("Lirra", "admin1", nth=1).run()
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert (event.date_start, event.date_precision) == ("2025-03-20", DatePrecision.WEEK)
    assert event.place == "Lirra"
    assert event.attributes["date_from"] == "publication" and event.attributes["place_from"] == "document"
    assert event.confidence < 0.8


def test_most_specific_place_wins(events_nlp: Language) -> None:
    text = "Police arrested a journalist in Old Quarter, Belmora, on Friday."
    events = (
        Builder(events_nlp, text)
        .place("Old Quarter", "neighbourhood")
        .place("Belmora", "city")
        .date("on Friday", "2025-03-14")
        .run()
    )
    assert [e.place for e in events] == ["Old Quarter"]
    assert events[0].sub_event_type == "Arrests"


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry condemned the shelling of the hospital.",
        "Aid agencies called for an immediate ceasefire around the city.",
        "The militia threatened to attack the camp if the talks failed.",
        "Analysts warned that airstrikes could resume within days.",
        "Officials denied that any protesters had been arrested.",
        "The minister will visit the region next week to discuss reconstruction.",
        "A strong earthquake struck the coastal province on Monday.",
        "“The situation around the port is very tense,” the envoy said, referring to clashes near the docks.",
        "The groups expressed their deep concern over renewed shelling of the suburbs.",
        "The fighters said they would refuse to surrender the hill.",
    ],
)
def test_statements_forecasts_and_non_acled_types_are_not_events(events_nlp: Language, text: str) -> None:
    assert Builder(events_nlp, text).run() == []


def test_displacement_is_other_with_attribute(events_nlp: Language) -> None:
    text = "About 3,000 families fled their homes in Tarsa after the clashes of last week."
    events = Builder(events_nlp, text).place("Tarsa").figure("3,000 families", 3000, Measure.DISPLACED).run()
    assert len(events) == 1
    assert events[0].sub_event_type == "Other"
    assert events[0].event_type == "Strategic developments"
    assert events[0].attributes["displacement"] is True
    assert events[0].fatalities is None


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("The army launched an offensive on the northern towns on January 10.", True),
        ("The offensive, which began on 6 January, has displaced thousands.", True),
        ("Shelling has continued since Tuesday, when the army started its assault on the district.", True),
        ("The offensive continued for a fifth day with heavy shelling.", False),
        ("Soldiers clashed with rebels near the river.", False),
    ],
)
def test_onset_pattern(text: str, onset: bool) -> None:
    assert is_onset(text) is onset


def test_onset_needs_a_date_in_the_sentence(events_nlp: Language) -> None:
    dated = "The army launched an offensive against rebel positions in Hamra on 10 January."
    events = Builder(events_nlp, dated).place("Hamra").date("10 January", "2025-01-10").run()
    assert len(events) == 1 and events[0].is_onset and events[0].date_start == "2025-01-10"
    undated = "The army launched an offensive against rebel positions in Hamra."
    events = Builder(events_nlp, undated).place("Hamra").run()
    assert len(events) == 1 and not events[0].is_onset


def test_since_date_gives_open_range(events_nlp: Language) -> None:
    text = "Clashes have continued in Hamra since 2 February, when the army launched an assault."
    events = Builder(events_nlp, text).place("Hamra").date("since 2 February", "2025-02-02", "since").run()
    assert len(events) == 1
    assert events[0].date_start == "2025-02-02" and events[0].date_end is None and events[0].is_onset


def test_sentences_about_the_same_event_merge(events_nlp: Language) -> None:
    text = (
        "Drones struck a fuel depot in Sadra on Sunday. "
        "The air strike on Sadra on Sunday set the depot ablaze. "
        "A separate airstrike hit Merin on Monday."
    )
    events = (
        Builder(events_nlp, text)
        .place("Sadra")
        .place("Sadra", nth=1)
        .place("Merin")
        .date("on Sunday", "2025-03-16")
        .date("Sunday set", "2025-03-16")
        .date("on Monday", "2025-03-17")
        .run()
    )
    assert [(e.sub_event_type, e.place, e.date_start) for e in events] == [
        ("Air/drone strike", "Sadra", "2025-03-16"),
        ("Air/drone strike", "Merin", "2025-03-17"),
    ]
    assert events[0].quote.startswith("Drones struck")


def test_future_dates_are_ignored(events_nlp: Language) -> None:
    text = "Troops clashed with rebels in Hamra, days before talks due on 30 March."
    events = Builder(events_nlp, text).place("Hamra").date("30 March", "2025-03-30", future=True).run()
    assert len(events) == 1
    assert events[0].attributes["date_from"] == "publication"


def test_conservative_fatalities() -> None:
    def fig(start: int, low: int, group: VictimGroup = VictimGroup.UNKNOWN, **kw: Any) -> Figure:
        return Figure(start=start, end=start + 1, low=low, group=group, **kw)

    assert conservative_fatalities([]) is None
    assert conservative_fatalities([fig(0, 5, measure=Measure.INJURED)]) is None
    # competing counts of the same group: the lowest
    assert conservative_fatalities([fig(0, 12), fig(5, 15)]) == 12
    # civilians and fighters add up; a children breakdown of a total does not; "people" covers the rest
    assert conservative_fatalities([fig(0, 10, VictimGroup.CIVILIANS), fig(5, 4, VictimGroup.FIGHTERS)]) == 14
    assert conservative_fatalities([fig(0, 20), fig(5, 6, VictimGroup.CHILDREN)]) == 20
    assert conservative_fatalities([fig(0, 20, VictimGroup.CIVILIANS), fig(5, 20)]) == 20
    sides = [fig(0, 3, VictimGroup.FIGHTERS, side="A"), fig(5, 5, VictimGroup.FIGHTERS, side="B")]
    assert conservative_fatalities([*sides, fig(9, 6)]) == 8


def test_a_failing_sentence_is_reported_not_raised(events_nlp: Language) -> None:
    builder = Builder(events_nlp, "Rebels shelled the town of Kessa overnight.")
    builder.doc._.figures = [object()]  # not a Figure: the sentence fails, the document goes on
    doc = events_nlp.get_pipe("fogline.events.v1")(builder.doc)
    assert doc._.events == []
    assert doc._.errors and "fogline.events.v1" in doc._.errors[0]


def test_the_dateline_date_yields_to_a_date_in_the_sentence(events_nlp: Language) -> None:
    text = "GAROWE, May 8 – Al-Shabaab fighters attacked an army base near Galkayo on Wednesday."
    events = (
        Builder(events_nlp, text, published="2025-05-09")
        .date("May 8", "2025-05-08")
        .date("Wednesday", "2025-05-07")
        .actor("Al-Shabaab")
        .place("Galkayo")
        .run()
    )
    assert [e.date_start for e in events] == ["2025-05-07"]


def test_items_of_a_demand_list_are_no_events(events_nlp: Language) -> None:
    text = (
        "The agencies called on all armed groups to:\n\n- stop shelling residential areas in the city;\n"
        "- release abducted aid workers.\n\nGunmen abducted two aid workers near Jowhar on Monday."
    )
    events = Builder(events_nlp, text).place("Jowhar").run()
    assert len(events) == 1 and "Jowhar" in events[0].quote


def test_an_organisation_reacting_to_fighting_is_no_party(events_nlp: Language) -> None:
    text = (
        "The United Nations Secretary-General is deeply alarmed by clashes in Beledweyne. "
        "Clan militias attacked soldiers near Beledweyne."
    )
    builder = Builder(events_nlp, text).actor("United Nations", kind="international").actor("Clan militias")
    un, militias = builder.doc._.mentions
    assert not is_party(builder.doc, un)
    assert is_party(builder.doc, militias)
