"""fogline.statements.v1: speakers, acts, targets, demands and dates from hand-written sentences."""

from __future__ import annotations

from typing import Any

import pytest

from fogline.gazetteer.normalize import key_string
from fogline.nlp.pipeline import build_pipeline
from fogline.nlp.statements import demand_clause, normalise_demands
from fogline.schema import Document, Entity, EntityKind, Mention, StatementAct, make_id


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.statements.v1"])


def run(
    nlp: Any,
    text: str,
    actors: dict[str, str] | None = None,
    countries: tuple[str, ...] = (),
    dates: dict[str, str] | None = None,
) -> Any:
    """Run the component with ACTOR (name -> type), country and DATE mentions set by hand."""
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d1", text=text, published="2025-05-10")
    mentions, entities = [], {}
    items = [(n, "ACTOR", t) for n, t in (actors or {}).items()] + [
        (n, "PLACE", "country") for n in countries
    ]
    for name, label, etype in items:
        kind = EntityKind.ACTOR if label == "ACTOR" else EntityKind.PLACE
        entity = Entity(id=make_id(label, name), kind=kind, name=name, type=etype)
        entities[entity.id] = entity
        start = text.find(name)
        while start >= 0:
            mentions.append(
                Mention(start=start, end=start + len(name), label=label, text=name, entity_id=entity.id)
            )
            start = text.find(name, start + len(name))
    date_mentions = []
    for surface, value in (dates or {}).items():
        start = text.index(surface)
        date_mentions.append(
            Mention(
                start=start,
                end=start + len(surface),
                label="DATE",
                text=surface,
                value=value,
                precision="day",
                attributes={"relation": "on"},
            )
        )
    doc._.mentions, doc._.entities, doc._.dates = mentions + date_mentions, entities, date_mentions
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def acts(doc: Any) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.act.value) for s in doc._.statements]


@pytest.mark.parametrize(
    ("text", "speaker", "act"),
    [
        (
            "The African Union strongly condemned the attack on the displacement camp.",
            "African Union",
            "condemn",
        ),
        ("The RSF denied targeting civilians in the camp.", "RSF", "deny"),
        ("Hamas rejected the latest proposal from the mediators.", "Hamas", "reject"),
        ("The army announced a curfew across the city.", "army", "announce"),
        ("Egypt welcomed the agreement between the two sides.", "Egypt", "praise"),
        (
            "The European Union pledged its full support for the mediation effort.",
            "European Union",
            "offer_support",
        ),
        (
            "Médecins Sans Frontières warned that the clinic could run out of fuel within days.",
            "Médecins Sans Frontières",
            "warn",
        ),
        (
            "Amnesty International said it was gravely concerned about the detention of activists.",
            "Amnesty International",
            "express_concern",
        ),
        ("The Sahel Observatory said fighting had resumed near the border.", "Sahel Observatory", "state"),
    ],
)
def test_acts(nlp: Any, text: str, speaker: str, act: str) -> None:
    doc = run(
        nlp,
        text,
        actors={"RSF": "rebel_group", "Hamas": "rebel_group", "army": "state_forces"},
        countries=("Egypt",),
    )
    assert [(key_string(s or ""), a) for s, a in acts(doc)] == [(key_string(speaker), act)]


def test_accusation_with_target(nlp: Any) -> None:
    doc = run(
        nlp, "Ukraine accused Russia of shelling the reactor site again.", countries=("Ukraine", "Russia")
    )
    (statement,) = doc._.statements
    assert (statement.speaker, statement.act, statement.target) == ("Ukraine", StatementAct.ACCUSE, "Russia")


def test_appeal_with_addressee_and_normalised_demands(nlp: Any) -> None:
    doc = run(
        nlp, "UNICEF urged all parties to allow humanitarian access and to protect civilians in El Fasher."
    )
    (statement,) = doc._.statements
    assert statement.act == StatementAct.APPEAL and statement.speaker == "UNICEF"
    assert {"humanitarian access", "protection of civilians"} <= set(statement.demands)


def test_demand_lexicon_and_raw_items() -> None:
    assert normalise_demands(
        "an immediate ceasefire, the release of all detainees and an independent inquiry"
    ) == [
        "immediate ceasefire",
        "release of detainees",
        "investigation",
    ]
    assert normalise_demands("the withdrawal of all foreign troops") == ["withdrawal of forces"]
    assert normalise_demands("a return to negotiations under AU auspices") == ["return to negotiations"]
    assert normalise_demands("the reopening of the Rafah crossing for fuel deliveries") == [
        "the reopening of the Rafah crossing for fuel deliveries"
    ]
    assert demand_clause("appealed to", " the donors not to cut funding") == ("not cut funding", True)
    assert demand_clause("issued an appeal", " to the international community") == (
        " to the international community",
        False,
    )


def test_person_with_appositive_role_and_date(nlp: Any) -> None:
    text = (
        "Jan Egeland, the secretary general of the Norwegian Refugee Council, told reporters on Tuesday "
        "that aid convoys were blocked."
    )
    doc = run(nlp, text, dates={"on Tuesday": "2025-05-06"})
    (statement,) = doc._.statements
    assert statement.speaker == "Jan Egeland" and statement.act == StatementAct.STATE
    assert statement.speaker_role == "secretary general of the Norwegian Refugee Council"
    assert statement.date_start == "2025-05-06"


def test_continuation_sentences_keep_speaker_and_date(nlp: Any) -> None:
    text = (
        "The Norwegian Refugee Council issued a statement on Monday about the siege of the camp. "
        "It called for the release of all detainees. "
        "The statement also warned that food stocks would run out."
    )
    doc = run(nlp, text, dates={"on Monday": "2025-05-05"})
    records = [(s.speaker, s.act.value, s.date_start) for s in doc._.statements]
    assert ("Norwegian Refugee Council", "appeal", "2025-05-05") in records
    assert ("Norwegian Refugee Council", "warn", "2025-05-05") in records
    appeal = next(s for s in doc._.statements if s.act == StatementAct.APPEAL)
    assert appeal.demands == ["release of detainees"] and appeal.attributes["date_inherited"]


def test_definite_description_refers_back(nlp: Any) -> None:
    text = (
        "The Sudan Doctors Network reported new cases of cholera in Tawila. "
        "Later the network accused the paramilitaries of blocking medicine."
    )
    doc = run(nlp, text)
    assert acts(doc) == [("Sudan Doctors Network", "state"), ("Sudan Doctors Network", "accuse")]


def test_unresolved_anaphor_gives_nothing(nlp: Any) -> None:
    assert acts(run(nlp, "The ministry said the road was reopened.")) == []


def test_quotes(nlp: Any) -> None:
    doc = run(
        nlp,
        "“We will not leave our homes,” said Fatima Ahmed, a teacher in the camp.\n"
        '"We demand an independent investigation into the killings," the Sudan Doctors Network said.',
    )
    records = [(s.speaker, s.act.value, s.demands) for s in doc._.statements]
    assert records == [
        ("Fatima Ahmed", "state", []),
        ("Sudan Doctors Network", "demand", ["investigation"]),
    ]


def test_calls_between_leaders(nlp: Any) -> None:
    text = (
        "Presidents Ruto and Museveni discussed the fighting with General Burhan on Friday. "
        "Kenyan President William Ruto also spoke with Egyptian President Abdel Fattah el-Sisi."
    )
    doc = run(nlp, text, dates={"on Friday": "2025-05-09"})
    pairs = {(s.speaker, s.target) for s in doc._.statements if s.act == StatementAct.DISCUSS}
    burhan = next(t for s, t in pairs if s == "Museveni")
    assert "Burhan" in str(burhan)
    assert pairs == {("William Ruto", burhan), ("Museveni", burhan), ("William Ruto", "Abdel Fattah el-Sisi")}
    ruto = next(s for s in doc._.statements if s.target == "Abdel Fattah el-Sisi")
    assert ruto.speaker_role == "Kenyan President"


def test_lowercase_title_before_a_name(nlp: Any) -> None:
    doc = run(nlp, "Sudan's army chief Abdel Fattah al-Burhan spoke with the Saudi crown prince by phone.")
    (call,) = doc._.statements
    assert call.act == StatementAct.DISCUSS and "Burhan" in str(call.speaker)
    assert call.speaker_role == "Sudan's army chief"


def test_signatory_group(nlp: Any) -> None:
    text = (
        "Joint appeal on the situation in Goma\n"
        "The undersigned organisations call for an immediate ceasefire and unhindered access for aid.\n"
        "They also condemn attacks on displacement camps.\n"
        "Signed by:\n"
        "- Kivu Peace Alliance\n"
        "- Great Lakes Women Network\n"
        "- Goma Legal Aid Foundation\n"
    )
    doc = run(nlp, text)
    records = [(s.speaker, s.act.value) for s in doc._.statements]
    assert records == [
        ("undersigned organisations (3)", "appeal"),
        ("undersigned organisations (3)", "condemn"),
    ]
    first = doc._.statements[0]
    assert first.attributes["signatories"] == [
        "Kivu Peace Alliance",
        "Great Lakes Women Network",
        "Goma Legal Aid Foundation",
    ]
    assert first.demands == ["immediate ceasefire", "humanitarian access"]


def test_embedded_post(nlp: Any) -> None:
    text = (
        "The envoy later posted on social media.\n"
        "Deeply alarmed by the strike on the market in Kherson. An immediate ceasefire and protection of "
        "civilians are needed now.\n"
        "— Jane Doe (@jdoe_envoy) March 3, 2024\n"
    )
    doc = run(nlp, text)
    posts = [s for s in doc._.statements if s.attributes.get("post")]
    assert {s.act.value for s in posts} == {"express_concern", "demand"}
    assert all(s.speaker == "Jane Doe" and s.date_start == "2024-03-03" for s in posts)
    assert posts[0].attributes["handle"] == "@jdoe_envoy"
    demand = next(s for s in posts if s.act == StatementAct.DEMAND)
    assert demand.demands == ["immediate ceasefire", "protection of civilians"]


@pytest.mark.parametrize(
    "text",
    [
        "Did the minister condemn the attack?",
        "Residents were urged to stay indoors.",
        "Witnesses said the market was shelled twice.",
        "Rumours said the commander had fled the city.",
        "The offensive prompted urgent calls for restraint.",
    ],
)
def test_no_statement(nlp: Any, text: str) -> None:
    assert acts(run(nlp, text)) == []


def test_explicit_named_subject_beats_a_description_inside_it(nlp: Any) -> None:
    text = (
        "The African Union condemned the raid on Monday. "
        "The Arab Organization for Human Rights said on Tuesday that its monitors had left the town."
    )
    doc = run(
        nlp,
        text,
        actors={"African Union": "igo", "Arab Organization for Human Rights": "ngo"},
    )
    said = next(s for s in doc._.statements if s.attributes.get("cue") == "said")
    assert said.speaker == "Arab Organization for Human Rights"


def test_leading_time_phrase_is_not_part_of_the_role(nlp: Any) -> None:
    doc = run(nlp, "On Wednesday police chief Maria Sanchez said the curfew would stay in place.")
    (said,) = doc._.statements
    assert said.speaker == "Maria Sanchez" and said.speaker_role == "police chief"


def test_characterisation_is_no_demand() -> None:
    clause = " for an end to the shelling of Kharkiv, describing the strikes on apartment blocks as terror"
    demands = normalise_demands(*demand_clause("called for", clause))
    assert demands and not any("describing" in d or "apartment" in d for d in demands)


def test_plural_description_refers_back_to_a_group(nlp: Any) -> None:
    text = (
        "Nine aid agencies issued a joint statement on Monday. The agencies condemned the shelling of the "
        "camp. The groups called on the warring parties to allow humanitarian access."
    )
    found = acts(run(nlp, text, actors={"Nine aid agencies": "ngo"}))
    assert ("Nine aid agencies", "condemn") in found
    assert ("Nine aid agencies", "appeal") in found


def test_bullet_items_do_not_push_the_pronoun_antecedent_out_of_reach(nlp: Any) -> None:
    text = (
        "Nine aid agencies issued a joint statement on Monday.\n\nThey called on the parties to:\n\n"
        "- open the crossings;\n- protect aid workers;\n- release detainees.\n\n"
        "They also urged donors to fund the appeal."
    )
    doc = run(nlp, text, actors={"Nine aid agencies": "ngo"})
    appeals = [s for s in doc._.statements if s.act == StatementAct.APPEAL]
    assert len(appeals) == 2, [(s.speaker, s.demands) for s in appeals]
    assert any("fund the appeal" in d for s in appeals for d in s.demands)


def test_quotation_with_its_author_in_the_third_person_performs_the_act(nlp: Any) -> None:
    text = '"The Council urges all sides to immediately cease hostilities," the envoy Maria Lopez said.'
    doc = run(nlp, text)
    found = [(s.speaker, s.act.value, s.demands) for s in doc._.statements]
    assert ("Maria Lopez", "appeal", ["cessation of hostilities"]) in found
    # past tense inside a quotation is a report of someone else's act, not the speaker's
    doc = run(nlp, '"The army denied everything," the envoy Maria Lopez said.')
    assert [s.act.value for s in doc._.statements] == ["state"]


def test_saying_that_another_side_violated_a_truce_is_an_accusation(nlp: Any) -> None:
    text = "The interior ministry said rebel fighters had violated the truce near the airport."
    doc = run(nlp, text, actors={"interior ministry": "state", "rebel fighters": "rebel"})
    found = [(s.speaker, s.act.value, s.target) for s in doc._.statements]
    assert ("interior ministry", "accuse", "rebel fighters") in found


def test_a_town_in_the_subject_phrase_is_no_speaker(nlp: Any) -> None:
    text = "Staff at the main hospital in Port Sudan, which took in the wounded, said supplies were low."
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d1", text=text, published="2025-05-10")
    start = text.index("Port Sudan")
    place = Entity(id="p1", kind=EntityKind.PLACE, name="Port Sudan", type="city", country="SD")
    doc._.mentions = [Mention(start=start, end=start + 10, label="PLACE", text="Port Sudan", entity_id="p1")]
    doc._.entities = {"p1": place}
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [s.speaker for s in doc._.statements] == []


def test_lowercase_office_before_a_name_is_a_title(nlp: Any) -> None:
    text = "Kenya's government spokesman Isaac Mwaura said the talks would resume."
    doc = run(nlp, text, countries=("Kenya",))
    found = [(s.speaker, s.speaker_role) for s in doc._.statements]
    assert found and found[0][0] == "Isaac Mwaura", found
