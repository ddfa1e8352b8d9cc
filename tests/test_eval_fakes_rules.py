"""FA-KES main-event rules for wire and web reports: the rest of the dead of unclear status, a headline's
rounded "more than N", a total whose status a later sentence gives, scraped related-story lists, deaths
given as the reason for the attack, and the governorate of the figures' own place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from fogline.evaluate.fakes import governorate, main_event_figures, related_blocks, split_killed
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Entity, EntityKind, Figure, Measure, Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def killed_split(nlp: Language, title: str, body: str) -> tuple[int, int]:
    text = f"{title}\n\n{body}"
    doc = nlp(text)
    return split_killed(main_event_figures(doc, len(title)), doc.text)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # the reporter says the status of the others is unknown: they are counted as neither
        ("Strikes kill 30 in Kramatorsk suburb",
         "At least 30 people including 18 civilians were killed in strikes on the suburb on Monday. "
         "The monitor said it could not yet confirm how many of the other 12 were civilians or fighters.",
         (18, 0)),
        # … while "the rest were fighters" sets them apart (the total restated with its civilians)
        ("Strikes kill 30 in Kramatorsk suburb",
         "At least 30 people including 18 civilians were killed in strikes on the suburb on Monday. "
         "The other dead were militants, the monitor said.",
         (18, 12)),
        # "most of them civilians" gives way to the exact count when the rest is said to be unclear
        ("Air strikes kill 52 in Tawila",
         "Air strikes killed 52 people, most of them civilians, in the town on Saturday. "
         "Smoke rose over the market. "
         "The monitor said 35 civilians were identified among the dead but it was not clear whether the "
         "17 others were civilians or militants.",
         (35, 0)),
        # without that doubt the majority stands
        ("Air strikes kill 52 in Tawila",
         "Air strikes killed 52 people, most of them civilians, in the town on Saturday. "
         "Smoke rose over the market. Rescuers searched the rubble.",
         (52, 0)),
    ],
)  # fmt: skip
def test_the_rest_of_the_dead_of_unclear_status(
    nlp: Language, title: str, body: str, expected: tuple[int, int]
) -> None:
    assert killed_split(nlp, title, body) == expected


def test_dead_said_to_be_of_one_armed_side_or_another_are_combatants(nlp: Language) -> None:
    title = "Gunmen kill 21 men near Menaka"
    body = (
        "Gunmen killed 21 men near the town on Wednesday, a monitor said. "
        "It was not clear whether the men were army soldiers or militiamen."
    )
    assert killed_split(nlp, title, body) == (0, 21)
    body = (
        "Gunmen killed 21 men near the town on Wednesday, a monitor said. "
        "It was not clear whether the men were farmers or militiamen."
    )
    assert killed_split(nlp, title, body) == (21, 0)


def test_a_headline_rounding_down_the_body_count(nlp: Language) -> None:
    title = "More than 40 civilians killed in Khan Younis strikes"
    body = "At least 42 civilians were killed in strikes on Khan Younis on Tuesday, medics said."
    assert killed_split(nlp, title, body) == (42, 0)
    # a body count far above the headline's is another count: the headline's "more than 40" stays
    body = "Strikes on the city have killed 70 civilians, medics said."
    assert killed_split(nlp, title, body) == (40, 0)


def test_a_later_sentence_gives_the_status_of_the_headline_total(nlp: Language) -> None:
    title = "31 killed in shelling of Kherson"
    body = (
        "Shelling hit Kherson on Monday. At least 12 civilians died near the central market. "
        "A total of 31 civilians were killed across the city on Monday, the regional governor said."
    )
    assert killed_split(nlp, title, body) == (31, 0)
    # a later count equal to a smaller unknown-status count, not to the event's total, changes nothing
    title = "Shelling kills 6 civilians in Kherson"
    body = (
        "Shelling killed six civilians in Kherson on Monday, a regional official said. "
        "Two people died in the Dnipro district. Rescuers searched homes. "
        "Two soldiers were killed at a checkpoint in the south."
    )
    assert killed_split(nlp, title, body) == (6, 0)


def test_headlines_in_a_scraped_related_list_are_not_the_story(nlp: Language) -> None:
    title = "Car bomb kills six soldiers in Mogadishu"
    body = (
        "Wire Friday 3 Mar 2017 Print Tweet Views 312 Related Drone strike leaves 9 dead in Mali town "
        "UN renews mission A car bomb exploded near a checkpoint in Mogadishu and 6 soldiers were killed."
    )
    assert killed_split(nlp, title, body) == (0, 6)
    text = f"{title}\n\n{body}"
    ((start, _end),) = related_blocks(text)
    assert text[start:].startswith("Drone strike")
    # "related" as an ordinary word opens no list
    assert related_blocks("Related violence killed 5 people in the town.") == []
    assert related_blocks("Officials said 4 related deaths were recorded.") == []


def test_a_reported_execution_before_the_strikes_is_not_their_toll(nlp: Language) -> None:
    title = "Air strikes kill 20 in rebel-held town"
    body = (
        "Air strikes killed 20 civilians in the town on Saturday, a day after the reported execution of a "
        "captured air force pilot."
    )
    assert killed_split(nlp, title, body) == (20, 0)


def test_the_governorate_of_the_figures_own_place_comes_first(nlp: Language) -> None:
    title = "Blast kills 7 police officers in Kandahar"
    text = f"{title}\n\nA blast in the Midan district killed seven police officers in Kandahar."
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("fogline.sentences.v1")(doc)
    entities = {
        "g1": Entity(id="g1", kind=EntityKind.PLACE, name="Kandahar Province", type="admin1"),
        "g2": Entity(id="g2", kind=EntityKind.PLACE, name="Helmand Province", type="admin1"),
        "homs": Entity(id="homs", kind=EntityKind.PLACE, name="Kandahar", type="city", parent_id="g1"),
        "midan": Entity(
            id="midan", kind=EntityKind.PLACE, name="Midan", type="neighbourhood", parent_id="g2"
        ),
    }
    doc._.entities = entities
    doc._.mentions = [
        Mention(label="PLACE", start=text.index(n), end=text.index(n) + len(n), text=n, entity_id=e)
        for n, e in (("Kandahar", "homs"), ("Midan", "midan"))
    ]
    start = text.index("seven")
    figure = Figure(
        document_id="d", start=start, end=start + 5, quote=text, measure=Measure.KILLED, low=7, high=7,
        number_text="seven", place="Kandahar", place_id="homs",
    )  # fmt: skip
    found = governorate(doc, [figure], len(title))
    assert found is not None and found.name == "Kandahar Province"
    # without the figure's own place, the most specific place near it
    figure.place_id = None
    found = governorate(doc, [figure], len(title))
    assert found is not None and found.name == "Helmand Province"
