"""``fogline.events.v1``: where and when an event happened when the sentence does not say it all — the
dateline (the filing place and day are not the event's), the next sentence that elaborates ("The ambush
happened on Sunday near X"), the earlier sentences of the same passage, a speech act's day, places used as
reference points, and a speaker who claims the act. Hand-made documents with hand-set mentions."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import Builder

from fogline.nlp.event_context import is_reference_point, is_speech_date
from fogline.nlp.events import DATELINE, dateline_spans
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import DatePrecision


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.events.v1"])


@pytest.mark.parametrize(
    "text",
    [
        "(Dakar, April 2, 2025) – Soldiers",
        "Goma, 3 February 2025 – Rebels",
        "MAIDUGURI, Nigeria, Jan 9 (Wire) – Insurgents",
    ],
)
def test_dateline_forms(text: str) -> None:
    assert DATELINE.match(text)


def test_the_dateline_city_is_not_where_the_event_happened(nlp: Language) -> None:
    text = (
        "MOGADISHU, June 2 (Wire) – Militants stormed a hotel in Kismayo late on Saturday and shot dead "
        "nine guests."
    )
    events = (
        Builder(nlp, text, published="2025-06-02")
        .place("MOGADISHU")
        .place("Kismayo")
        .date("June 2", "2025-06-02")
        .date("late on Saturday", "2025-05-31")
        .run()
    )
    assert [(e.place, e.date_start) for e in events] == [("Kismayo", "2025-05-31")]


def test_a_dateline_alone_gives_neither_place_nor_day(nlp: Language) -> None:
    text = (
        "KHARTOUM, May 5 (Wire) – Paramilitary fighters shelled a displacement camp overnight, killing 30 "
        "people, medics said. Khartoum itself was calm."
    )
    events = (
        Builder(nlp, text, published="2025-05-05")
        .place("KHARTOUM")
        .date("May 5", "2025-05-05")
        .figure("30 people", 30)
        .run()
    )
    assert len(events) == 1
    assert events[0].place is None  # the only other mention is the dateline: no dominant place either
    assert events[0].attributes["date_from"] == "publication"
    assert events[0].date_precision == DatePrecision.WEEK


def test_a_line_with_only_a_place_and_a_day_is_a_dateline(nlp: Language) -> None:
    text = "Kabul, Tuesday 4 March 2025\n\nGunmen ambushed a police patrol in Jalalabad on Monday."
    builder = (
        Builder(nlp, text)
        .place("Kabul")
        .place("Jalalabad")
        .date("Tuesday 4 March 2025", "2025-03-04")
        .date("on Monday", "2025-03-03")
    )
    assert dateline_spans(builder.doc) == [(0, text.index("Gunmen"))]


def test_the_next_sentence_gives_the_place_and_day(nlp: Language) -> None:
    text = (
        "GOMA, Feb 3 (Wire) – Rebels ambushed an army convoy in eastern Congo, killing 12 soldiers, the army "
        "said.\n\nThe ambush happened on Sunday near the village of Kiwanja, in Rutshuru territory."
    )
    events = (
        Builder(nlp, text, published="2025-02-03")
        .place("GOMA")
        .place("Congo", "country")
        .place("Kiwanja")
        .place("Rutshuru", "admin2")
        .date("Feb 3", "2025-02-03")
        .date("on Sunday", "2025-02-02")
        .run()
    )
    lead = events[0]
    assert (lead.place, lead.date_start) == ("Kiwanja", "2025-02-02")
    assert lead.attributes["date_from"] == lead.attributes["place_from"] == "next_sentence"


def test_a_speech_day_gives_way_to_the_day_of_the_event(nlp: Language) -> None:
    text = (
        "Drones struck a fuel depot in Yei, a county official said on Friday. The strike hit the depot "
        "on Wednesday night, he added."
    )
    events = (
        Builder(nlp, text, published="2025-08-08")
        .place("Yei")
        .date("on Friday", "2025-08-08")
        .date("on Wednesday night", "2025-08-06")
        .run()
    )
    assert events[0].date_start == "2025-08-06"


def test_a_speech_day_alone_is_kept_and_beats_a_month(nlp: Language) -> None:
    text = (
        "Soldiers killed five fighters near Gao, the army said on Monday, weeks after the truce collapsed "
        "last month."
    )
    events = (
        Builder(nlp, text, published="2025-09-10")
        .place("Gao")
        .date("on Monday", "2025-09-08")
        .date("last month", "2025-08", precision="month")
        .run()
    )
    assert [(e.date_start, e.attributes["date_from"]) for e in events] == [("2025-09-08", "text")]


def test_undated_sentences_take_the_day_and_place_of_their_paragraph(nlp: Language) -> None:
    text = (
        "Fighters attacked the village of Tumbo on 12 April and killed four farmers. The attackers also "
        "looted shops and burned the clinic.\n\n"
        "Aid workers arrived two days later. Elsewhere, gunmen looted a warehouse."
    )
    events = Builder(nlp, text, published="2025-04-15").place("Tumbo").date("on 12 April", "2025-04-12").run()
    looting = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert next((e.place, e.date_start, e.attributes["date_from"]) for e in looting) == (
        "Tumbo",
        "2025-04-12",
        "context",
    )
    # a new paragraph that is not the lead, or "elsewhere": the day is not carried over
    assert all(e.date_start != "2025-04-12" for e in looting[1:])


def test_list_items_take_the_day_of_their_introduction(nlp: Language) -> None:
    text = (
        "The monitor recorded the following deaths on Sunday, 3 March 2024:\n\n"
        "- Two farmers shot dead by gunmen in Kadi.\n"
        "- A boy killed by a landmine in Lomo.\n"
    )
    events = (
        Builder(nlp, text, published="2024-03-04")
        .place("Kadi")
        .place("Lomo")
        .date("Sunday, 3 March 2024", "2024-03-03")
        .run()
    )
    assert [(e.place, e.date_start) for e in events] == [("Kadi", "2024-03-03"), ("Lomo", "2024-03-03")]


def test_a_reference_point_is_not_the_place(nlp: Language) -> None:
    text = (
        "In Pibor, about 40 km south of Bor, armed youths attacked cattle camps on Tuesday, killing six "
        "civilians."
    )
    events = Builder(nlp, text).place("Pibor").place("Bor").date("on Tuesday", "2025-03-18").run()
    assert [e.place for e in events] == ["Pibor"]
    # with no other place, the reference point is still the best place there is
    text = "Armed youths attacked cattle camps 40 km south of Bor on Tuesday, killing six civilians."
    events = Builder(nlp, text).place("Bor").date("on Tuesday", "2025-03-18").run()
    assert [e.place for e in events] == ["Bor"]


def test_a_vaguer_reference_point_keeps_the_city(nlp: Language) -> None:
    text = (
        "Police killed four gunmen in a shootout east of Morelia, the capital of Michoacan state, on Monday."
    )
    events = (
        Builder(nlp, text)
        .place("Morelia")
        .place("Michoacan state", "admin1")
        .date("on Monday", "2025-03-17")
        .run()
    )
    assert [e.place for e in events] == ["Morelia"]


def test_a_claimant_is_the_actor_a_reporting_speaker_is_not(nlp: Language) -> None:
    text = "The Arakan Army says its fighters overran a border guard post in Maungdaw on Friday."
    events = Builder(nlp, text).actor("Arakan Army").place("Maungdaw").date("on Friday", "2025-03-14").run()
    assert [e.actor1 for e in events] == ["Arakan Army"]
    text = "UNAMID says an army tank shelled one of its bases near Tawila on Friday, damaging a generator."
    events = (
        Builder(nlp, text)
        .actor("UNAMID", "international")
        .place("Tawila")
        .date("on Friday", "2025-03-14")
        .run()
    )
    assert events and all(e.actor1 != "UNAMID" for e in events)


def test_a_country_before_a_preposition_is_a_place(nlp: Language) -> None:
    text = "Gunmen killed 12 herders in Mali during a raid on Thursday."
    events = Builder(nlp, text).place("Mali", "country").date("on Thursday", "2025-03-13").run()
    assert [e.place for e in events] == ["Mali"]


def test_speech_dates_and_reference_points() -> None:
    text = "the governor said on Monday"
    assert is_speech_date(text, text.index("on Monday"))
    text = "the ministry said in a statement four days later"
    assert is_speech_date(text, text.index("four days"))
    text = "the bombs fell on Monday"
    assert not is_speech_date(text, text.index("on Monday"))
    text = "some 60 kilometres east of Zemio"
    assert is_reference_point(text, text.index("Zemio"))
    text = "north-west of the town of Kidal"
    assert is_reference_point(text, text.index("Kidal"))
    text = "near the town of Kidal"
    assert not is_reference_point(text, text.index("Kidal"))


def test_a_next_sentence_about_an_earlier_strike_gives_nothing(nlp: Language) -> None:
    text = (
        "Missiles struck a power plant in Ukraine on Monday, killing three workers. "
        "The strike came two days after an attack on a depot in Odesa."
    )
    events = (
        Builder(nlp, text).place("Ukraine", "country").place("Odesa").date("on Monday", "2025-03-17").run()
    )
    assert events[0].place == "Ukraine" and "place_from" not in events[0].attributes


def test_a_colon_dateline_only_where_the_text_opens(nlp: Language) -> None:
    text = (
        "SRINAGAR: Militants shot dead two labourers in Gagangir on Sunday, police said.\n\n"
        "BARAMULLA: Troops killed three militants in a gunfight on Monday, the army said."
    )
    builder = (
        Builder(nlp, text)
        .place("SRINAGAR")
        .place("Gagangir")
        .place("BARAMULLA")
        .date("on Sunday", "2025-03-16")
        .date("on Monday", "2025-03-17")
    )
    assert dateline_spans(builder.doc) == [(0, len("SRINAGAR: "))]
    # further down, a place header is where the news happened
    assert [e.place for e in builder.run()] == ["Gagangir", "BARAMULLA"]
