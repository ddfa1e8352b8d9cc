"""``fogline.figures.v1`` reading rules added for wire-style reports: who the victims of an "N of them"
appositive are, crews named by their job, leaders of armed groups, a verb and its count split by "according
to", "identified among the dead", communiqué verbs, and deaths given as the reason for an attack."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.figures_tally import acled_fatalities, is_subset
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Entity, EntityKind, Measure, Mention, VictimGroup

K = Measure.KILLED
C, U, F, S, W = (
    VictimGroup.CIVILIANS,
    VictimGroup.UNKNOWN,
    VictimGroup.FIGHTERS,
    VictimGroup.SECURITY_FORCES,
    VictimGroup.WOMEN,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def run(nlp: Language, text: str, actors: dict[str, str] | None = None) -> Doc:
    """The text through sentences and figures, with ACTOR mentions for ``actors`` (name -> actor type)."""
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("fogline.sentences.v1")(doc)
    if actors is not None:
        mentions, entities = [], {}
        for k, (name, actor_type) in enumerate(actors.items()):
            start = text.index(name)
            entities[f"a{k}"] = Entity(id=f"a{k}", kind=EntityKind.ACTOR, name=name, type=actor_type)
            mentions.append(
                Mention(label="ACTOR", start=start, end=start + len(name), text=name, entity_id=f"a{k}")
            )
        doc._.mentions = mentions
        doc._.entities = entities
    return nlp.get_pipe("fogline.figures.v1")(doc)


Reading = tuple[Measure, VictimGroup, int]


def read(nlp: Language, text: str, actors: dict[str, str] | None = None) -> list[Reading]:
    return [(f.measure, f.group, f.low) for f in run(nlp, text, actors)._.figures or []]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N of them" followed by modifiers and a group noun
        (
            "Drone fire hit the bridge near Kherson, killing nine people, three of them local journalists.",
            [(K, U, 9), (K, C, 3)],
        ),
        (
            "Clashes in the valley killed 14 people, four of them rebel fighters, residents said.",
            [(K, U, 14), (K, F, 4)],
        ),
        (
            "The mortar round killed six people, two of them were ambulance crew.",
            [(K, U, 6), (K, C, 2)],
        ),
        # a place after "of them" says nothing of who they were
        ("Gunfire killed 8 people, five of them in the old town.", [(K, U, 8), (K, U, 5)]),
        # a crew named by its job
        ("Two ambulance crew were killed when a drone hit their vehicle outside Sumy.", [(K, C, 2)]),
        ("Three tank crew were killed when the column was ambushed.", [(K, U, 3)]),
    ],
)
def test_the_group_of_an_appositive_and_of_a_crew(
    nlp: Language, text: str, expected: list[tuple[Measure, VictimGroup, int]]
) -> None:
    assert read(nlp, text) == expected


def test_leaders_of_an_armed_actor_are_its_members(nlp: Language) -> None:
    text = "Five leaders of the Hawks Brigade were killed in an air strike near the border."
    assert read(nlp, text, {"Hawks Brigade": "political_militia"}) == [(K, F, 5)]
    text = "Two leaders of the Republican Guard were killed in the ambush."
    assert read(nlp, text, {"Republican Guard": "state_forces"}) == [(K, S, 2)]
    # leaders of a civilian body, or of a side the text does not resolve, stay civilians
    text = "Two leaders of the Teachers Union were killed when gunmen opened fire on the meeting."
    assert read(nlp, text, {"Teachers Union": "other"}) == [(K, C, 2)]
    assert read(nlp, "Three leaders of the Lake Farmers were killed in the raid.") == [(K, C, 3)]


def test_its_leader_belongs_to_the_armed_body_named_before(nlp: Language) -> None:
    text = "A car bomb hit the base of an Islamist rebel group near Gao, killing its leader."
    assert read(nlp, text) == [(K, F, 1)]
    text = "Drones struck a convoy of the Hawks Brigade on the highway, killing its leader."
    assert read(nlp, text, {"Hawks Brigade": "political_militia"}) == [(K, F, 1)]
    # a town, a union or no body at all: the leader stays a civilian
    text = "Shells hit the town hall of Bor, killing its leader."
    assert read(nlp, text) == [(K, C, 1)]
    text = "Gunmen attacked the offices of the Teachers Union, killing its leader."
    assert read(nlp, text, {"Teachers Union": "other"}) == [(K, C, 1)]


def test_a_verb_after_the_members_phrase_does_not_name_their_group(nlp: Language) -> None:
    text = "Troops killed 60 members of the Northern Legion and rescue 300 of their hostages near Dikwa."
    assert read(nlp, text)[0] == (K, F, 60)


def test_an_attribution_between_the_verb_and_its_count(nlp: Language) -> None:
    text = "Mortar rounds hit the market in Goma, killing, according to the provincial health office, 14 men."
    assert read(nlp, text) == [(K, U, 14)]
    text = "Shells fell on the camp killing according to the latest toll 31 people and wounding dozens."
    assert read(nlp, text)[0] == (K, U, 31)
    # no killing verb before the attribution: no figure
    assert read(nlp, "The report said, according to the ministry, 40 soldiers.") == []


def test_victims_identified_among_the_dead_are_a_part(nlp: Language) -> None:
    doc = run(nlp, "Rescuers said 12 women were identified among those killed in the Omdurman strike.")
    (fig,) = doc._.figures
    assert (fig.measure, fig.group, fig.low) == (K, W, 12)
    assert is_subset(fig, doc.text)


def test_a_communique_verb_kills_only_armed_victims(nlp: Language) -> None:
    assert read(nlp, "The army said it eliminated 30 insurgents near Mocimboa da Praia.") == [(K, F, 30)]
    assert read(nlp, "The party eliminated two candidates in the primaries.") == []


def test_a_reported_execution_given_as_the_reason_is_background(nlp: Language) -> None:
    text = (
        "Troops shelled the town a day after the reported execution of a captured pilot, killing 12 people."
    )
    doc = run(nlp, text)
    assert acled_fatalities(doc._.figures, doc.text) == 12
