"""fogline.statements.v1: unnamed members of organisations, office holders, offices named after their holder,
joint statements whose members are listed, lists of demands, and what a denial or rejection targets.

Hand-written sentences about several conflicts; ACTOR and country mentions are set by hand."""

from __future__ import annotations

from typing import Any

import pytest
from test_statements import run as run_with_mentions

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import StatementAct


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.statements.v1"])


def run(nlp: Any, text: str, actors: dict[str, str] | None = None, countries: tuple[str, ...] = ()) -> Any:
    """The component on ``text`` with every occurrence of the given actors (name -> type) and countries."""
    return run_with_mentions(nlp, text, actors, countries)


def found(doc: Any) -> list[tuple[str | None, str, str | None]]:
    return [(s.speaker, s.act.value, s.speaker_role) for s in doc._.statements]


# ---- an unnamed member of an organisation speaks for it, with the member's role kept


@pytest.mark.parametrize(
    ("text", "actors", "speaker", "act", "role"),
    [
        (
            "An RSF commander denied that his fighters had looted the market in Nyala.",
            {"RSF": "rebel_group"},
            "RSF",
            "deny",
            "commander",
        ),
        (
            "Two Houthi officials accused the coalition of bombing a detention centre in Saada.",
            {"Houthi": "rebel_group", "coalition": "state_forces"},
            "Houthi",
            "accuse",
            "officials",
        ),
        (
            "A senior Hezbollah official said on Monday the group would not disarm, and warned of war.",
            {"Hezbollah": "rebel_group"},
            "Hezbollah",
            "warn",
            "senior official",
        ),
    ],
)
def test_unnamed_member_speaks_for_the_organisation(
    nlp: Any, text: str, actors: dict[str, str], speaker: str, act: str, role: str
) -> None:
    doc = run(nlp, text, actors)
    assert (speaker, act, role) in found(doc)
    record = next(s for s in doc._.statements if s.speaker == speaker and s.act.value == act)
    assert record.attributes.get("speaker_unnamed") is True


def test_a_name_after_the_role_is_the_speaker(nlp: Any) -> None:
    doc = run(
        nlp, "M23 spokesman Lawrence Kanyuka rejected the report by UN experts.", {"M23": "rebel_group"}
    )
    assert [(s.speaker, s.act.value) for s in doc._.statements] == [("Lawrence Kanyuka", "reject")]


def test_a_unique_office_is_its_holder(nlp: Any) -> None:
    doc = run(
        nlp,
        "The AU Commission chairperson said little. The AU President condemned the coup in Niamey.",
        {"AU": "international"},
    )
    assert ("AU President", "condemn", "President") in found(doc)
    assert not any(s.speaker == "AU" for s in doc._.statements)


def test_a_unique_office_resolves_to_the_person_introduced_with_it(nlp: Any) -> None:
    text = (
        "UN Secretary-General António Guterres arrived in Port Sudan on Monday. "
        "The UN Secretary-General is gravely concerned by the famine in Darfur, officials said."
    )
    doc = run(nlp, text, {"UN": "international"})
    assert any(
        "Guterres" in (s.speaker or "") and s.act == StatementAct.EXPRESS_CONCERN for s in doc._.statements
    )


def test_an_indefinite_member_of_a_unique_office_holder_is_not_the_holder(nlp: Any) -> None:
    doc = run(nlp, "A Kenyan minister said the talks in Nairobi had stalled.", countries=("Kenya",))
    assert not any("minister" in (s.speaker or "").lower() for s in doc._.statements)


def test_its_representative_is_the_organisation_just_named(nlp: Any) -> None:
    text = (
        "UNICEF said three schools in Kharkiv had been hit overnight. "
        "Its representative in Ukraine called for the protection of children."
    )
    doc = run(nlp, text, {"UNICEF": "international"})
    appeal = next(s for s in doc._.statements if s.act == StatementAct.APPEAL)
    assert (appeal.speaker, appeal.speaker_role) == ("UNICEF", "representative")


def test_its_representative_without_an_organisation_before_gives_nothing(nlp: Any) -> None:
    doc = run(nlp, "Its representative in Ukraine called for the protection of children.")
    assert doc._.statements == []


# ---- offices named after their holder, in lower case


def test_a_lowercase_office_is_a_speaker(nlp: Any) -> None:
    text = (
        "The regional prosecutor's office said four suspects had been detained in Goma and warned that more "
        "arrests could follow."
    )
    doc = run(nlp, text)
    assert ("prosecutor's office", "warn") in [(s.speaker.lower(), s.act.value) for s in doc._.statements]


def test_a_generic_owner_does_not_make_an_office(nlp: Any) -> None:
    doc = run(nlp, "The country's office said it was closing.")
    assert not any("office" in (s.speaker or "").lower() for s in doc._.statements)


# ---- joint statements: listed members are not the speaker, "the groups … They …" keeps the group


def test_members_listed_in_an_apposition_are_not_the_speaker(nlp: Any) -> None:
    text = (
        "The signatories, among them Oxfam, the Danish Refugee Council and Islamic Relief, said aid had not "
        "reached North Darfur since May."
    )
    doc = run(nlp, text, {"Oxfam": "ngo", "Danish Refugee Council": "ngo", "Islamic Relief": "ngo"})
    assert [s.speaker for s in doc._.statements] == ["undersigned organisations"]


def test_a_list_inside_a_clause_does_not_hide_the_subject(nlp: Any) -> None:
    doc = run(
        nlp,
        "After fighting including drone strikes, the army said it had retaken Bara.",
        {"army": "state_forces"},
    )
    assert [s.speaker for s in doc._.statements] == ["army"]


def test_a_group_subject_without_a_statement_keeps_they_resolved(nlp: Any) -> None:
    text = (
        "The signatories, among them Oxfam and CARE, said the crossing had been shut for weeks. "
        "Trucks were waiting at the border. "
        "The groups published a list of demands. "
        "They urged Israel to reopen the Kerem Shalom crossing."
    )
    doc = run(nlp, text, {"Oxfam": "ngo", "CARE": "ngo"}, countries=("Israel",))
    appeal = next(s for s in doc._.statements if s.act == StatementAct.APPEAL)
    assert (appeal.speaker, appeal.target) == ("undersigned organisations", "Israel")


def test_they_without_a_recent_group_gives_nothing(nlp: Any) -> None:
    text = (
        "The signatories, among them Oxfam and CARE, said the crossing had been shut for weeks. "
        "Trucks were waiting at the border. "
        "Drivers slept in their cabs. "
        "Prices in Rafah doubled. "
        "They urged Israel to reopen the Kerem Shalom crossing."
    )
    doc = run(nlp, text, {"Oxfam": "ngo", "CARE": "ngo"}, countries=("Israel",))
    assert not any(s.act == StatementAct.APPEAL for s in doc._.statements)


def test_commas_inside_a_listed_demand_stay_in_it(nlp: Any) -> None:
    text = (
        "The coalition of aid agencies called on the warring parties to:\n"
        "- lift the siege of El Fasher, Kadugli and Dilling;\n"
        "- release detained aid workers;\n"
        "- reopen the Adre crossing for convoys.\n"
    )
    doc = run(nlp, text)
    (appeal,) = [s for s in doc._.statements if s.act == StatementAct.APPEAL]
    assert "Kadugli and Dilling" not in appeal.demands
    assert any("siege of El Fasher, Kadugli and Dilling" in d for d in appeal.demands)
    assert any("release detained aid workers" in d for d in appeal.demands)


# ---- denials and rejections: the accused inside the rejected claim is no target


def test_rejecting_an_accusation_does_not_target_the_accused(nlp: Any) -> None:
    doc = run(
        nlp,
        "The army rejected accusations that it had armed the Wagner group in the north.",
        {"army": "state_forces", "Wagner group": "rebel_group"},
    )
    (record,) = doc._.statements
    assert (record.act, record.target) == (StatementAct.REJECT, None)


def test_rejecting_an_accusation_by_someone_targets_the_accuser(nlp: Any) -> None:
    doc = run(
        nlp,
        "Ethiopia rejected accusations by Eritrea that its troops had crossed the border near Zalambessa.",
        countries=("Ethiopia", "Eritrea"),
    )
    (record,) = doc._.statements
    assert (record.speaker, record.act, record.target) == ("Ethiopia", StatementAct.REJECT, "Eritrea")


def test_a_plain_rejection_keeps_its_target(nlp: Any) -> None:
    doc = run(
        nlp,
        "Hamas rejected the Israeli proposal and accused Israel of stalling.",
        {"Hamas": "rebel_group"},
        ("Israel",),
    )
    assert ("Hamas", "accuse", "Israel") in [(s.speaker, s.act.value, s.target) for s in doc._.statements]


@pytest.mark.parametrize(
    "text",
    [
        "A Ukraine expert said the offensive near Pokrovsk had stalled.",
        "One Sudan analyst warned that the famine would spread to Kordofan.",
    ],
)
def test_an_expert_on_a_country_does_not_speak_for_it(nlp: Any, text: str) -> None:
    doc = run(nlp, text, countries=("Ukraine", "Sudan"))
    assert not any(s.speaker in {"Ukraine", "Sudan"} for s in doc._.statements)
