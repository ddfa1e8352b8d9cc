"""``fogline.figures.v1`` rules for reports about unseen conflicts: verbless bullets with an "of X" side,
appositives before the verb, lists of the dead, shares of the victims ("half of them"), parts of a count,
one person and a number of the same force, sources at the end of the sentence, and the place and date of an
incident told in the sentence before or after the toll."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Entity, EntityKind, Measure, Mention, VictimGroup

K, INJ = Measure.KILLED, Measure.INJURED
C, U, F, S, CH = (
    VictimGroup.CIVILIANS,
    VictimGroup.UNKNOWN,
    VictimGroup.FIGHTERS,
    VictimGroup.SECURITY_FORCES,
    VictimGroup.CHILDREN,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def run(nlp: Language, text: str, mentions: list[Mention] | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("fogline.sentences.v1")(doc)
    if mentions is not None:
        doc._.mentions = mentions
        doc._.dates = [m for m in mentions if m.label == "DATE"]
        doc._.entities = {
            m.entity_id: Entity(id=m.entity_id, kind=EntityKind.PLACE, name=m.text, type=m.attributes["type"])
            for m in mentions
            if m.label == "PLACE" and m.entity_id
        }
    out: Doc = nlp.get_pipe("fogline.figures.v1")(doc)
    return out


def read(nlp: Language, text: str) -> list[tuple[Measure, VictimGroup, int]]:
    return [(f.measure, f.group, f.low) for f in run(nlp, text)._.figures or []]


def place(text: str, name: str, level: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(
        label="PLACE", start=start, end=start + len(name), text=name, entity_id=f"p-{name}",
        attributes={"type": level},
    )  # fmt: skip


def date(text: str, phrase: str, value: str) -> Mention:
    start = text.index(phrase)
    return Mention(
        label="DATE", start=start, end=start + len(phrase), text=phrase, entity_id="", value=value,
        precision="day", attributes={"relation": "on"},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bulleted daily toll without a finite verb, two sides in one list, a "most of them" aside
        (
            "- Seven soldiers of the Malian army (FAMa) and four gunmen of Fulani clans, most of them from "
            "the Macina area, killed in fighting near Djenne.",
            [(K, S, 7), (K, F, 4)],
        ),
        ("- Five militiamen of the Misseriya tribe killed in a clash at the well.", [(K, F, 5)]),
        # an appositive between the count and its verb
        (
            "Officials said 14 policemen, including a colonel, also died in the ambush.",
            [(K, S, 14), (K, S, 1)],
        ),
        ("Thirty villagers, including eight children, were killed overnight.", [(K, C, 30), (K, CH, 8)]),
        # uprooted people who are then killed are civilians, and the verb decides the measure
        (
            "At least nine refugees, including an infant, were killed when the camp was shelled.",
            [(K, C, 9), (K, CH, 1)],
        ),
        # a share of the victims in the "mostly …" slot
        ("Forty-two people, half of them children, were killed in the market strike.", [(K, U, 42)]),
        (
            "Some 60 villagers, a third of them women, were abducted from the farms.",
            [(Measure.DETAINED, C, 60)],
        ),
        ("Twenty-six people died, nearly two thirds of them migrants.", [(K, U, 26)]),
        # the listed dead
        ("The dead include a traditional chief and three children.", [(K, C, 1), (K, CH, 3)]),
        ("Among the wounded were two nurses.", [(INJ, C, 2)]),
        ("Nine of the dead were pilgrims returning from the shrine.", [(K, C, 9)]),
        # a named part of a casualty count, but not a part of patients and not "four of them badly"
        (
            "The hospital in Sittwe admitted 21 injured people, eight of them children.",
            [(INJ, U, 21), (INJ, CH, 8)],
        ),
        ("Police said 11 people were hurt, three of them badly.", [(INJ, U, 11)]),
        # one officer and a number of the same force: the analyst's count
        ("A captain and five soldiers were killed when the convoy hit a mine.", [(K, S, 6)]),
        ("A commander and 12 fighters of the group were killed in the raid.", [(K, F, 13)]),
        ("A nurse and three soldiers were killed at the checkpoint.", [(K, C, 1), (K, S, 3)]),
        # a toll whose counted phrase holds a date
        (
            "The number of people killed since the siege began on 14 April has climbed to 212.",
            [(K, U, 212)],
        ),
    ],
)
def test_readings(nlp: Language, text: str, expected: list[Any]) -> None:
    assert read(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gunmen killed 17 people in Bentiu on Monday, civil society sources said.", "civil society sources"),
        ("Eight people died, hospital sources said.", "hospital sources"),
        ("The Palestine Red Crescent ambulance service says a boy was wounded.", "Palestine Red Crescent"),
        ("The interior ministry said 31 civilians were killed in the raid.", "interior ministry"),
        ("According to a preliminary assessment by the OHCHR, 40 people were killed.", "OHCHR"),
        ("The toll rose to 55, including 20 children, according to the monitor's documentation.", "monitor"),
        # a list of victims after "including" names no source
        (
            "The health office has raised the toll to 12 dead, including the governor and members of the "
            "security council.",
            "health office",
        ),
    ],
)
def test_sources(nlp: Language, text: str, source: str) -> None:
    figs = run(nlp, text)._.figures or []
    assert figs and all(f.source is not None and source in f.source for f in figs), [f.source for f in figs]


def test_plain_sources_and_a_report_are_no_source(nlp: Language) -> None:
    for text in ("Four soldiers were killed, a source said.", "According to a UN report, 12 people died."):
        assert [f.source for f in run(nlp, text)._.figures or []] == [None]


def test_the_strike_takes_place_and_date_from_the_sentence_before(nlp: Language) -> None:
    text = (
        "A drone struck a minibus near the village of Tal Abyad on Sunday. "
        "The strike killed three people and wounded two others."
    )
    mentions = [place(text, "Tal Abyad", "city"), date(text, "on Sunday", "2025-02-09")]
    figs = run(nlp, text, mentions)._.figures or []
    assert [(f.measure, f.low, f.place, f.date_start) for f in figs] == [
        (K, 3, "Tal Abyad", "2025-02-09"),
        (INJ, 2, "Tal Abyad", "2025-02-09"),
    ]


def test_the_attack_took_place_refines_a_lead(nlp: Language) -> None:
    text = (
        "BAMAKO, May 3 (Wire) – Jihadists killed 23 villagers in central Mali, officials said. "
        "The attack took place on Thursday in Ogossagou, near Bankass."
    )
    mentions = [
        place(text, "BAMAKO", "city"),
        date(text, "May 3", "2025-05-03"),
        place(text, "Mali", "country"),
        date(text, "on Thursday", "2025-05-01"),
        place(text, "Ogossagou", "city"),
        place(text, "Bankass", "admin2"),
    ]
    (fig,) = run(nlp, text, mentions)._.figures or []
    assert (fig.low, fig.place, fig.date_start, fig.date_end) == (23, "Ogossagou", "2025-05-01", "2025-05-01")


def test_a_figure_with_its_own_place_keeps_it(nlp: Language) -> None:
    text = (
        "Militants stormed a police post in Lakki Marwat on Friday. "
        "The raid came a month after an attack in Bannu in which six guards were killed."
    )
    mentions = [
        place(text, "Lakki Marwat", "city"),
        date(text, "on Friday", "2025-03-07"),
        place(text, "Bannu", "city"),
    ]
    (fig,) = run(nlp, text, mentions)._.figures or []
    assert (fig.low, fig.place, fig.date_start) == (6, "Bannu", None)


def test_no_context_from_an_unrelated_sentence(nlp: Language) -> None:
    text = "Talks resumed in Doha on Monday. Twelve people were killed."
    mentions = [place(text, "Doha", "city"), date(text, "on Monday", "2025-01-13")]
    (fig,) = run(nlp, text, mentions)._.figures or []
    assert (fig.place, fig.date_start) == (None, None)


def test_a_dateline_date_is_not_the_incident_date(nlp: Language) -> None:
    text = "KHARTOUM, June 9 (Wire) – Shelling killed 15 people in Omdurman, medics said."
    mentions = [date(text, "June 9", "2025-06-09"), place(text, "Omdurman", "city")]
    (fig,) = run(nlp, text, mentions)._.figures or []
    assert (fig.low, fig.place, fig.date_start) == (15, "Omdurman", None)
