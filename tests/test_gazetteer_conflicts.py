"""Gazetteer coverage of current conflicts beyond Syria: actors, places, and no false matches in plain prose.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from fogline.gazetteer.actors import actor_entity, gazetteer_actor
from fogline.gazetteer.places import place_by_id, place_entity
from fogline.ingest.normalize import document_from_text
from fogline.nlp.pipeline import build_pipeline, make_doc
from fogline.schema import ActorType, PlaceLevel


@pytest.fixture(scope="module")
def gaz_nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.gazetteer.v1"])


def run(nlp: Language, text: str) -> Doc:
    doc = make_doc(nlp, document_from_text(text))
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert not doc._.errors
    return doc


@pytest.mark.parametrize(
    ("alias", "canonical", "country", "actor_type"),
    [
        ("LNA", "Libyan National Army", "LY", ActorType.STATE_FORCES),
        ("ENDF", "Ethiopian National Defense Force", "ET", ActorType.STATE_FORCES),
        ("Eritrean Defense Forces", "Eritrean Defence Forces", "ER", ActorType.STATE_FORCES),
        ("Hashd al-Shaabi", "Popular Mobilization Forces", "IQ", ActorType.STATE_FORCES),
        ("Kata'ib Hizballah", "Kataib Hezbollah", "IQ", ActorType.POLITICAL_MILITIA),
        ("Iran's Revolutionary Guards", "Islamic Revolutionary Guard Corps", "IR", ActorType.STATE_FORCES),
        ("UNIFIL", "UNIFIL", "LB", ActorType.INTERNATIONAL),
        ("Israel Security Agency", "Shin Bet", "IL", ActorType.STATE_FORCES),
        ("Rosgvardiya", "Rosgvardia", "RU", ActorType.STATE_FORCES),
        ("Russian Defense Ministry", "Ministry of Defense of Russia", "RU", ActorType.GOVERNMENT),
        ("HRMMU", "UN Human Rights Monitoring Mission in Ukraine", "UA", ActorType.INTERNATIONAL),
        ("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "PK", ActorType.REBEL_GROUP),
        ("ISIS-K", "Islamic State Khorasan Province", "AF", ActorType.REBEL_GROUP),
        ("FADM", "Armed Defence Forces of Mozambique", "MZ", ActorType.STATE_FORCES),
        ("ELN", "National Liberation Army (Colombia)", "CO", ActorType.REBEL_GROUP),
        ("Gulf Clan", "Clan del Golfo", "CO", ActorType.REBEL_GROUP),
        ("CJNG", "Jalisco New Generation Cartel", "MX", ActorType.REBEL_GROUP),
        ("PNH", "Haitian National Police", "HT", ActorType.STATE_FORCES),
        ("Kenya-led mission", "Multinational Security Support Mission", "HT", ActorType.INTERNATIONAL),
        ("MNDAA", "Myanmar National Democratic Alliance Army", "MM", ActorType.REBEL_GROUP),
        ("SLA-AW", "Sudan Liberation Movement/Army - Abdel Wahid", "SD", ActorType.REBEL_GROUP),
        ("FARDC", "Armed Forces of the Democratic Republic of the Congo", "CD", ActorType.STATE_FORCES),
        ("Wazalendo fighters", "Wazalendo", "CD", ActorType.IDENTITY_MILITIA),
        ("FAMa", "Malian Armed Forces", "ML", ActorType.STATE_FORCES),
        ("FEWS NET", "Famine Early Warning Systems Network", "US", ActorType.NGO),
    ],
)
def test_conflict_actors_resolve_by_alias(
    alias: str, canonical: str, country: str, actor_type: ActorType
) -> None:
    actor = gazetteer_actor(alias)
    assert actor is not None, alias
    assert (actor.name, actor.country, actor.type) == (canonical, country, actor_type)
    assert actor_entity(canonical).id == actor.id


def test_generic_national_army_phrases_land_on_the_named_force() -> None:
    assert actor_entity("Congolese troops").name == "Armed Forces of the Democratic Republic of the Congo"
    assert actor_entity("Rwandan soldiers").name == "Rwanda Defence Force"
    assert actor_entity("Nigerien army").name == "Niger Armed Forces"


def test_factions_link_to_their_parent_movement() -> None:
    faction = gazetteer_actor("SPLM-N al-Hilu")
    assert faction is not None and faction.parent_id == gazetteer_actor("SPLM-N").id  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "canonical", "level", "country", "parent"),
    [
        ("Zaytoun", "Zeitoun", PlaceLevel.NEIGHBOURHOOD, "PS", "Gaza City"),
        ("Tal al-Sultan", "Tel al-Sultan", PlaceLevel.NEIGHBOURHOOD, "PS", "Rafah"),
        ("Bureij camp", "Bureij", PlaceLevel.CITY, "PS", "Gaza Strip"),
        ("Jebel Aulia", "Jabal Awliya", PlaceLevel.CITY, "SD", "Khartoum State"),
        ("Umm Ruwaba", "Um Ruwaba", PlaceLevel.CITY, "SD", "North Kordofan"),
        ("Hulyaipole", "Huliaipole", PlaceLevel.CITY, "UA", "Zaporizhzhia Oblast"),
        ("Kursk region", "Kursk Oblast", PlaceLevel.ADMIN1, "RU", None),
        ("Nabatiyeh", "Nabatieh", PlaceLevel.CITY, "LB", "Nabatieh Governorate"),
        ("Dahieh", "Dahiyeh", PlaceLevel.NEIGHBOURHOOD, "LB", None),
        ("Masisi", "Masisi", PlaceLevel.CITY, "CD", "North Kivu"),
        ("Cite Soleil", "Cité Soleil", PlaceLevel.CITY, "HT", None),
        ("Misurata", "Misrata", PlaceLevel.CITY, "LY", None),
        ("Tigray region", "Tigray", PlaceLevel.ADMIN1, "ET", None),
        ("Khankendi", "Stepanakert", PlaceLevel.CITY, "AZ", "Nagorno-Karabakh"),
    ],
)
def test_conflict_places_resolve_with_their_parent(
    name: str, canonical: str, level: PlaceLevel, country: str, parent: str | None
) -> None:
    assert_place(name, canonical, level, country, parent)


def assert_place(name: str, canonical: str, level: PlaceLevel, country: str, parent: str | None) -> None:
    """``name`` resolves to the canonical place of that level and country, with coordinates and parent."""
    place = place_entity(name)
    assert place is not None, name
    assert (place.name, place.type, place.country) == (canonical, level, country)
    assert place.latitude is not None and place.longitude is not None
    if parent:
        up = place_by_id(place.parent_id or "")
        assert up is not None and up.name == parent


def test_bethlehem_without_context_is_the_west_bank_town() -> None:
    place = place_entity("Bethlehem")
    assert place is not None and place.country == "PS"


def test_conflict_names_are_found_in_text(gaz_nlp: Language) -> None:
    doc = run(
        gaz_nlp,
        "Shelling hit Nabatieh and Bint Jbeil on Tuesday, UNIFIL said. In Haiti, the PNH said Viv Ansanm "
        "gangs attacked Tabarre. The TNLA withdrew from Lashio, according to the NUG.",
    )
    names = {doc._.entities[m.entity_id].name for m in doc._.mentions}
    assert {"Nabatieh", "Bint Jbeil", "UNIFIL", "Haitian National Police", "Viv Ansanm", "Tabarre"} <= names
    assert {"Ta'ang National Liberation Army", "National Unity Government"} <= names


PLAIN_PROSE = (
    "Let me say for the sake of argument that the city council met on Monday. The mayor said the budget "
    "for the new library and the beach camp for children would be approved in March. A crisis group of "
    "parents asked the school board to shield pupils from the cuts. Reporters waited outside while the "
    "border of the park was fenced. Aid workers, doctors and nurses gave their time as volunteers, and a "
    "local brotherhood alliance of churches raised funds. The national guard of honour marched past the "
    "market, where traders sold tea, rice and fresh fish. Living together in a crowded flat is hard, one "
    "tenant said. The chapter on settlers in the history book was revised. Officials hope the plan will be "
    "ready by June and that the committee can then go home."
)


def test_plain_prose_gives_no_gazetteer_mentions(gaz_nlp: Language) -> None:
    doc = run(gaz_nlp, PLAIN_PROSE)
    own = [
        (m.text, doc._.entities[m.entity_id].name)
        for m in doc._.mentions
        if m.label == "ACTOR" or doc._.entities[m.entity_id].origin == "gazetteer"
    ]
    assert own == []
