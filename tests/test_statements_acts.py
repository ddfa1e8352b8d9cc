"""fogline.statements.v1: acts read from how a report words them (recommendations in quotations, a quotation
continued in the next sentence, announced decisions, characterisations that condemn) and speakers that must
NOT be found (the subject of the clause before an unattributed "said", a negated subject, "Head of X").

Hand-written sentences about several conflicts; ACTOR mentions are set by hand."""

from __future__ import annotations

from typing import Any

import pytest
from test_statements_groups import run

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import StatementAct


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.statements.v1"])


def acts(doc: Any) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.act.value) for s in doc._.statements]


# ---- recommendations inside quotations, and a quotation continued in the next sentence


def test_a_recommendation_in_an_attributed_quote_is_an_appeal(nlp: Any) -> None:
    text = (
        '"The government should open an independent inquiry into the Kalehe killings," said Jean Mobert, '
        "a researcher at Amnesty International."
    )
    doc = run(nlp, text, {"Amnesty International": "ngo"})
    (record,) = doc._.statements
    assert (record.speaker, record.act) == ("Jean Mobert", StatementAct.APPEAL)
    assert "investigation" in record.demands


def test_must_is_a_demand_and_an_intransitive_verb_keeps_its_subject(nlp: Any) -> None:
    doc = run(nlp, '"Strikes on bakeries must stop," said Oleksandr Prokudin, the governor of Kherson.')
    (record,) = doc._.statements
    assert record.act == StatementAct.DEMAND
    assert any("stop strikes on bakeries" in d for d in record.demands)


def test_a_quotation_continued_in_the_next_sentence_keeps_its_speaker(nlp: Any) -> None:
    text = (
        '"Families in Tawila have nothing left," said Mathilde Vu, an advocacy manager at the Norwegian '
        'Refugee Council. "Donors should fund water trucking now and the parties must let convoys through."'
    )
    doc = run(nlp, text, {"Norwegian Refugee Council": "ngo"})
    continued = [s for s in doc._.statements if s.attributes.get("cue") == "continued quotation"]
    assert [(s.speaker, s.act) for s in continued] == [("Mathilde Vu", StatementAct.APPEAL)]


def test_a_quotation_two_sentences_later_is_not_continued(nlp: Any) -> None:
    text = (
        '"Families in Tawila have nothing left," said Mathilde Vu. Trucks have been stuck at the border for '
        'a week. "Donors should fund water trucking now."'
    )
    doc = run(nlp, text)
    assert [s.act for s in doc._.statements] == [StatementAct.STATE]


@pytest.mark.parametrize(
    "quote",
    [
        '"We should have left earlier."',  # about the speaker, no addressee
        '"It must be said that nobody expected this."',
        '"Civilians should never be targets."',
    ],
)
def test_no_appeal_from_quotes_without_an_addressed_action(nlp: Any, quote: str) -> None:
    text = f'"The shelling lasted all night," said Hanna Koval, a resident of Kupiansk. {quote}'
    doc = run(nlp, text)
    assert [s.act for s in doc._.statements] == [StatementAct.STATE]


# ---- announced decisions, characterisations


def test_announcing_a_decision_is_an_announcement(nlp: Any) -> None:
    doc = run(nlp, "Interior Minister Ali Hamoudi announced that the Rabia crossing would close for a week.")
    assert acts(doc) == [("Ali Hamoudi", "announce")]


def test_announcing_a_past_fact_is_a_plain_statement(nlp: Any) -> None:
    doc = run(nlp, "Interior Minister Ali Hamoudi announced that three officers had been killed.")
    assert acts(doc) == [("Ali Hamoudi", "state")]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ('The ministry described the attack on the mosque as "barbaric".', {"ministry": "government"}),
        ("The Kremlin called the drone strike on Belgorod a terrorist act.", {"Kremlin": "government"}),
        ("The army branded the ambush near Mopti a cowardly act.", {"army": "state_forces"}),
    ],
)
def test_a_condemning_characterisation_is_a_condemnation(nlp: Any, text: str, actors: dict[str, str]) -> None:
    doc = run(nlp, text, actors)
    assert [s.act for s in doc._.statements] == [StatementAct.CONDEMN]


def test_a_neutral_characterisation_is_no_condemnation(nlp: Any) -> None:
    doc = run(nlp, "The UN called the situation in Gaza catastrophic.", {"UN": "international"})
    assert all(s.act != StatementAct.CONDEMN for s in doc._.statements)


# ---- speakers that must not be found


def test_a_participle_after_an_unresolved_said_is_not_the_clause_subject(nlp: Any) -> None:
    text = (
        "Gunmen killed 30 villagers near Bankass overnight, a local official said, blaming jihadists and "
        "declaring a curfew."
    )
    doc = run(nlp, text, {"Gunmen": "rebel_group", "jihadists": "rebel_group"})
    assert not any(s.speaker == "Gunmen" for s in doc._.statements)


def test_a_coordinated_act_still_takes_the_subject_of_the_first_verb(nlp: Any) -> None:
    doc = run(nlp, "The army called it a massacre and urged an inquiry.", {"army": "state_forces"})
    assert ("army", "appeal") in acts(doc)


def test_a_negated_subject_is_no_speaker(nlp: Any) -> None:
    doc = run(nlp, "No group has claimed the bombing in Mogadishu. None said why.")
    assert doc._.statements == []


def test_head_of_an_organisation_is_no_person_named_of(nlp: Any) -> None:
    text = (
        "The Special Envoy and Head of UNSMIL, Hanna Tetteh, met the parties. UNSMIL strongly condemns the "
        "attack on the Mitiga airport."
    )
    doc = run(nlp, text, {"UNSMIL": "international"})
    assert ("UNSMIL", "condemn") in acts(doc)
    assert not any((s.speaker or "").startswith("of ") for s in doc._.statements)
