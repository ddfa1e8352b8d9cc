"""fogline.facilities.v1: facilities hit, damaged, closed… from hand-written sentences."""

from __future__ import annotations

from typing import Any

import pytest

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Document, Entity, EntityKind, FacilityStatus, Mention, make_id


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.facilities.v1"])


def run(nlp: Any, text: str, places: dict[str, str] | None = None, doc_id: str = "d1") -> Any:
    """Run the component with PLACE mentions (name -> country) set by hand."""
    doc = nlp.make_doc(text)
    doc._.document = Document(id=doc_id, text=text, published="2025-05-10")
    mentions, entities = [], {}
    for name, country in (places or {}).items():
        start = text.index(name)
        entity = Entity(
            id=make_id("place", name), kind=EntityKind.PLACE, name=name, type="city", country=country
        )
        entities[entity.id] = entity
        mentions.append(
            Mention(start=start, end=start + len(name), label="PLACE", text=name, entity_id=entity.id)
        )
    doc._.mentions, doc._.entities = mentions, entities
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def impacts(doc: Any) -> list[tuple[str, str, str]]:
    return [(i.facility, i.facility_type, i.status.value) for i in doc._.facility_impacts]


def test_named_hospital_attacked_gets_entity_mention_and_place(nlp: Any) -> None:
    doc = run(
        nlp,
        "Drones struck al-Shifa hospital in Gaza City on Monday, health officials said.",
        {"Gaza City": "PS"},
    )
    (impact,) = doc._.facility_impacts
    assert (impact.facility, impact.facility_type, impact.status) == (
        "al-Shifa Hospital",
        "hospital",
        "attacked",
    )
    entity = doc._.entities[impact.facility_id]
    assert entity.kind == EntityKind.FACILITY and entity.type == "hospital"
    assert entity.parent_id == make_id("place", "Gaza City") and entity.country == "PS"
    assert [m.text for m in doc._.mentions if m.label == "FACILITY"] == ["al-Shifa hospital"]
    assert impact.quote.startswith("Drones struck")


def test_same_named_hospital_is_one_entity_across_documents(nlp: Any) -> None:
    one = run(nlp, "Shells hit Al-Shifa Hospital overnight.", doc_id="a")
    two = run(nlp, "The al-Shifa hospital was raided by troops.", doc_id="b")
    assert one._.facility_impacts[0].facility_id == two._.facility_impacts[0].facility_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RSF fighters stormed the Saudi Maternity Hospital in El Fasher.",
            ("Saudi Maternity Hospital", "attacked"),
        ),
        ("A Russian missile destroyed a school in Kharkiv overnight.", ("school", "destroyed")),
        ("The main water station in Bakhmut was badly damaged by shelling.", ("water station", "damaged")),
        ("Army units surrounded Al-Amal Hospital in Khan Younis.", ("Al-Amal Hospital", "besieged")),
        ("Strikes on power plants across Ukraine left millions without light.", ("power plants", "attacked")),
        (
            "The Turkish Hospital in Gaza is no longer operational, doctors said.",
            ("Turkish Hospital", "out_of_service"),
        ),
        ("Jihadists torched the village mosque; the church nearby was razed.", ("mosque", "attacked")),
    ],
)
def test_statuses(nlp: Any, text: str, expected: tuple[str, str]) -> None:
    found = [(facility, status) for facility, _type, status in impacts(run(nlp, text))]
    assert expected in found


def test_out_of_service_then_evacuated_refers_back(nlp: Any) -> None:
    doc = run(
        nlp,
        "Kamal Adwan Hospital has stopped functioning after a week of shelling. "
        "Staff said the hospital was evacuated on Friday.",
    )
    first, second = doc._.facility_impacts
    assert (first.status, second.status) == (FacilityStatus.OUT_OF_SERVICE, FacilityStatus.EVACUATED)
    assert first.facility_id is not None and first.facility_id == second.facility_id


def test_generic_targets_in_a_list(nlp: Any) -> None:
    doc = run(nlp, "Artillery fire hit mosques, schools and a bakery in the town.")
    assert impacts(doc) == [
        ("mosques", "mosque", "attacked"),
        ("schools", "school", "attacked"),
        ("bakery", "bakery", "attacked"),
    ]
    assert all(i.facility_id is None for i in doc._.facility_impacts)


def test_apposition_is_one_facility(nlp: Any) -> None:
    doc = run(nlp, "The only working clinic, Bashair Hospital, was forced out of service by the fighting.")
    assert impacts(doc) == [("Bashair Hospital", "hospital", "out_of_service")]


def test_several_statuses_and_a_trailing_appositive(nlp: Any) -> None:
    doc = run(
        nlp,
        "The Babiker Hospital, the last working hospital in the town, was hit twice and has stopped "
        "functioning.",
    )
    assert impacts(doc) == [
        ("Babiker Hospital", "hospital", "attacked"),
        ("Babiker Hospital", "hospital", "out_of_service"),
    ]


def test_passive_after_a_list_and_a_locative(nlp: Any) -> None:
    doc = run(nlp, "Residents said two markets and a mosque in the Zamzam camp were struck by drones.")
    assert impacts(doc) == [("markets", "market", "attacked"), ("mosque", "mosque", "attacked")]


def test_place_and_common_noun_is_no_name(nlp: Any) -> None:
    doc = run(nlp, "A drone hit the Zaporizhzhia power plant overnight.", {"Zaporizhzhia": "UA"})
    (impact,) = doc._.facility_impacts
    assert impact.facility_id is None and impact.facility == "Zaporizhzhia power plant"
    assert impact.place_id == make_id("place", "Zaporizhzhia")


@pytest.mark.parametrize(
    "text",
    [
        "The school was not damaged in the fighting.",
        "If the hospital is shelled, patients will die.",
        "Was the clinic targeted on purpose?",
        "Families took shelter in a school near the front.",
        "The hospital received dozens of wounded people.",
        "Fighting raged in the streets near the hospital.",
        "Doctors fear the hospital could be hit next.",
        "Burkina Faso denied that its army had shelled a school in the border town.",
    ],
)
def test_no_impact(nlp: Any, text: str) -> None:
    assert impacts(run(nlp, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry urged the warring parties to stop attacks on hospitals and schools.",
        "Clinics in the province have been attacked 30 times since January, the agency said.",
        "They called on the army to:\n\n- end strikes on health centres;\n- reopen the village school.",
    ],
)
def test_demanded_or_tallied_facilities_are_no_impact(nlp: Any, text: str) -> None:
    assert impacts(run(nlp, text)) == []


def test_a_demand_list_does_not_hide_a_later_report(nlp: Any) -> None:
    text = "They called on the army to:\n\n- end strikes on clinics.\n\nTwo schools were shelled on Monday."
    assert impacts(run(nlp, text)) == [("schools", "school", "attacked")]
