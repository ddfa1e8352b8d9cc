"""Gazetteer rows for conflicts added with the other-conflicts reports (South Sudan, Cameroon, Central African
Republic, Ituri, Iraq, Deir ez-Zor, northern Israel, Sinaloa, Tillaberi, Kashmir), and acronyms defined in the
text ("Ambazonia Defence Forces (ADF)") overriding what the gazetteer says the acronym stands for elsewhere.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_gazetteer_conflicts import assert_place

from fogline.gazetteer.actors import gazetteer_actor
from fogline.gazetteer.places import place_entity
from fogline.ingest.normalize import document_from_text
from fogline.nlp.actor_acronyms import abbreviates, acronym_like
from fogline.nlp.pipeline import build_pipeline, make_doc
from fogline.schema import ActorType, PlaceLevel


@pytest.mark.parametrize(
    ("alias", "canonical", "country", "actor_type"),
    [
        ("SSPDF", "South Sudan People's Defence Forces", "SS", ActorType.STATE_FORCES),
        ("Nuer White Army", "White Army", "SS", ActorType.IDENTITY_MILITIA),
        ("BIR", "Rapid Intervention Battalion", "CM", ActorType.STATE_FORCES),
        ("AAKG", "Azande Ani Kpi Gbe", "CF", ActorType.IDENTITY_MILITIA),
        ("UPC", "Union for Peace in Central Africa", "CF", ActorType.REBEL_GROUP),
        ("FACA", "Central African Armed Forces", "CF", ActorType.STATE_FORCES),
        ("YBS", "Sinjar Resistance Units", "IQ", ActorType.POLITICAL_MILITIA),
        ("Kurdish Peshmerga", "Peshmerga", "IQ", ActorType.STATE_FORCES),
        ("MDA", "Magen David Adom", "IL", ActorType.NGO),
        ("TRF", "The Resistance Front", "IN", ActorType.REBEL_GROUP),
        ("EIGS", "Islamic State Sahel Province", None, ActorType.REBEL_GROUP),
        ("CRPF", "Central Reserve Police Force", "IN", ActorType.STATE_FORCES),
        ("FLA", "Azawad Liberation Front", "ML", ActorType.REBEL_GROUP),
        ("Hezbollah's Radwan Force", "Radwan Force", "LB", ActorType.REBEL_GROUP),
        ("IPOB", "Indigenous People of Biafra", "NG", ActorType.REBEL_GROUP),
        ("Cartel del Golfo", "Gulf Cartel", "MX", ActorType.REBEL_GROUP),
    ],
)
def test_region_actors_resolve_by_alias(
    alias: str, canonical: str, country: str | None, actor_type: ActorType
) -> None:
    actor = gazetteer_actor(alias)
    assert actor is not None, alias
    assert (actor.name, actor.country, actor.type) == (canonical, country, actor_type)


def test_peshmerga_belong_to_the_kurdistan_regional_government() -> None:
    peshmerga, krg = gazetteer_actor("Peshmerga"), gazetteer_actor("Kurdistan Regional Government")
    assert peshmerga is not None and krg is not None and peshmerga.parent_id == krg.id


@pytest.mark.parametrize(
    ("name", "canonical", "level", "country", "parent"),
    [
        ("Nasir", "Nasir", PlaceLevel.CITY, "SS", "Upper Nile"),
        ("Upper Nile state", "Upper Nile", PlaceLevel.ADMIN1, "SS", None),
        ("Gambella region", "Gambella", PlaceLevel.ADMIN1, "ET", None),
        ("Bui division", "Bui", PlaceLevel.ADMIN2, "CM", None),
        ("Komanda", "Komanda", PlaceLevel.CITY, "CD", "Ituri"),
        ("Djugu territory", "Djugu", PlaceLevel.ADMIN2, "CD", "Ituri"),
        ("Hamrin mountains", "Hamrin Mountains", PlaceLevel.SITE, "IQ", None),
        ("Snune", "Sinune", PlaceLevel.CITY, "IQ", "Nineveh Governorate"),
        ("al-Busayrah", "Al-Busayrah", PlaceLevel.CITY, "SY", "Deir ez-Zor Governorate"),
        ("Jebel al-Zawiya", "Jabal al-Zawiya", PlaceLevel.SITE, "SY", "Idlib Governorate"),
        ("Qiryat Shmona", "Kiryat Shmona", PlaceLevel.CITY, "IL", None),
        ("Baisaran meadow", "Baisaran", PlaceLevel.SITE, "IN", "Pahalgam"),
        ("Kokorou", "Kokorou", PlaceLevel.CITY, "NE", None),
        ("Pakistan-administered Kashmir", "Azad Jammu and Kashmir", PlaceLevel.ADMIN1, "PK", None),
        ("Telafer", "Tal Afar", PlaceLevel.CITY, "IQ", "Nineveh Governorate"),
        ("Aita al-Chaab", "Aita al-Shaab", PlaceLevel.CITY, "LB", "Nabatieh Governorate"),
        ("Panjshir valley", "Panjshir", PlaceLevel.ADMIN1, "AF", None),
    ],
)
def test_region_places_resolve_with_their_parent(
    name: str, canonical: str, level: PlaceLevel, country: str, parent: str | None
) -> None:
    assert_place(name, canonical, level, country, parent)


def test_a_village_of_unknown_position_has_a_country_but_no_coordinates() -> None:
    place = place_entity("Fambita")
    assert place is not None and place.country == "NE"
    assert place.latitude is None and place.attributes["coordinates"].startswith("unknown")


def test_same_named_places_follow_the_document_country() -> None:
    iraqi, syrian = place_entity("Salahuddin", country="IQ"), place_entity("Salahuddin", country="SY")
    assert iraqi is not None and (iraqi.name, iraqi.type) == ("Salah al-Din Governorate", PlaceLevel.ADMIN1)
    assert syrian is not None and (syrian.country, syrian.type) == ("SY", PlaceLevel.NEIGHBOURHOOD)


# --------------------------------------------------------------------------------------------------
# whole names in text, and acronyms defined in the text


@pytest.fixture(scope="module")
def actors_nlp() -> Language:
    return build_pipeline(
        ["fogline.sentences.v1", "fogline.gazetteer.v1", "fogline.model_ner.v1", "fogline.actors.v1"]
    )


def run(nlp: Language, text: str) -> Doc:
    doc = make_doc(nlp, document_from_text(text, published="2025-03-01"))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert not doc._.errors
    return doc


def actors_named(doc: Doc, text: str) -> list[str]:
    return [doc._.entities[m.entity_id].name for m in doc._.mentions if m.label == "ACTOR" and m.text == text]


def test_a_national_army_name_is_not_split_into_a_place_and_another_country_s_force(
    actors_nlp: Language,
) -> None:
    doc = run(actors_nlp, "The South Sudan People's Defence Forces (SSPDF) shelled positions near Nasir.")
    names = {doc._.entities[m.entity_id].name for m in doc._.mentions}
    assert "South Sudan People's Defence Forces" in names
    assert "People's Defence Force" not in names  # Myanmar's PDF


def test_an_acronym_defined_in_the_text_beats_the_gazetteer_reading(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Fighters of the Ambazonia Defence Forces (ADF) stopped a bus near Bamenda on Monday. "
        "The ADF later released eight of the passengers, relatives said.",
    )
    assert actors_named(doc, "ADF") == ["Ambazonia separatists", "Ambazonia separatists"]
    assert "Allied Democratic Forces" not in {e.name for e in doc._.entities.values()}


def test_an_undefined_acronym_keeps_the_gazetteer_reading(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "Suspected ADF fighters killed 12 people near Beni in North Kivu, officials said.")
    assert actors_named(doc, "ADF") == ["Allied Democratic Forces"]


def test_a_defined_acronym_the_gazetteer_lacks_becomes_a_mention(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Police blamed Lashkar-e-Taiba (LeT) for the attack near Pahalgam. LeT has not commented.",
    )
    assert actors_named(doc, "LeT") == ["Lashkar-e-Taiba", "Lashkar-e-Taiba"]


def test_a_parenthesis_that_does_not_abbreviate_the_name_is_left_alone(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "Clashes between the Rapid Support Forces (RSF) and the army (SAF) spread to Bara.")
    assert actors_named(doc, "SAF") == ["Sudanese Armed Forces"]
    assert actors_named(doc, "RSF") == ["Rapid Support Forces"]


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("ADF", "Ambazonia Defence Forces", True),
        ("LeT", "Lashkar-e-Taiba", True),
        ("TRF", "The Resistance Front", True),
        ("SAF", "army", False),
        ("FACA", "Central African Armed Forces", False),  # a French acronym of an English name
    ],
)
def test_abbreviates(acronym: str, name: str, expected: bool) -> None:
    assert abbreviates(acronym, name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ADF", True), ("LeT", True), ("SPLM", True), ("Army", False), ("A", False), ("YPG-led", False)],
)
def test_acronym_like(text: str, expected: bool) -> None:
    assert acronym_like(text) is expected
