"""fogline.agreements.v1: an agreement contained in another ("the deal also included a humanitarian
pause") and parties that no gazetteer lists, described by what they are ("the Garre clan and the Murule
clan signed …").

Hand-written sentences about several conflicts; mentions are set by hand where a test needs them."""

from __future__ import annotations

from typing import Any

import pytest
from test_agreements import run as run_with_mentions

from fogline.nlp.pipeline import build_pipeline
from fogline.schema import AgreementStatus


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.agreements.v1"])


def run(nlp: Any, text: str, countries: tuple[str, ...] = (), dates: dict[str, str] | None = None) -> Any:
    """The component on ``text`` with every occurrence of the given countries and the given day dates."""
    return run_with_mentions(nlp, text, countries=countries, dates=dates)


def kinds(doc: Any) -> list[tuple[str, str]]:
    return [(a.kind, a.status.value) for a in doc._.agreements]


# ---- an agreement that is part of another one


@pytest.mark.parametrize(
    "text",
    [
        "Mediators said the agreement also included a humanitarian pause of three days in Khan Younis.",
        "The deal provides for a humanitarian pause in the fighting around Sennar.",
        "Negotiators said the accord contains a humanitarian pause so that the wounded can leave Zemio.",
    ],
)
def test_a_pause_inside_an_agreement_is_reached(nlp: Any, text: str) -> None:
    assert ("humanitarian pause", "reached") in kinds(run(nlp, text))


def test_a_pause_inside_a_plan_is_only_proposed(nlp: Any) -> None:
    doc = run(nlp, "The US plan includes a humanitarian pause of 60 days along the Litani.")
    assert kinds(doc) == [("humanitarian pause", "proposed")]


@pytest.mark.parametrize(
    "text",
    [
        "Mediators hope a new deal could include a humanitarian pause in El Fasher.",
        "Residents said the programme included a humanitarian pause for vaccinations.",
        "The army included a humanitarian pause in its list of options.",
    ],
)
def test_no_pause_from_hopes_or_other_hosts(nlp: Any, text: str) -> None:
    assert not any(kind == "humanitarian pause" for kind, _ in kinds(run(nlp, text)))


# ---- parties described by what they are


def test_two_clans_signing_are_the_parties(nlp: Any) -> None:
    doc = run(nlp, "Elders of the Garre clan and the Murule clan signed a peace pact in Mandera on Friday.")
    (pact,) = doc._.agreements
    assert pact.status == AgreementStatus.SIGNED
    assert pact.parties == ["Garre clan", "Murule clan"]
    assert len(pact.party_ids) == 2 and all(pact.party_ids)
    assert {e for e in doc._.entities} >= set(pact.party_ids)


def test_communities_of_named_places_are_the_parties(nlp: Any) -> None:
    text = (
        "JUBA, May 3 – Representatives of the Dinka community of Twic and the Ngok community of Abyei "
        "reached a deal on Saturday to share grazing land."
    )
    (deal,) = run(nlp, text)._.agreements
    assert deal.status == AgreementStatus.REACHED
    assert deal.parties == ["Dinka community of Twic", "Ngok community of Abyei"]


@pytest.mark.parametrize(
    "text",
    [
        # one community: no pact between parties can be read from it
        "Leaders of the Nuer community signed a peace pact in Nasir on Friday.",
        # people, not communities
        "Residents and officials signed a local peace pact in Kadugli.",
        # a conjunct that is no community spoils the list
        "Elders of the Garre clan and the governor of Mandera signed a peace pact.",
    ],
)
def test_no_described_parties_without_two_communities(nlp: Any, text: str) -> None:
    assert all(a.parties == [] for a in run(nlp, text)._.agreements)


def test_named_parties_are_kept_and_no_community_is_added(nlp: Any) -> None:
    doc = run(
        nlp,
        "Ethiopia and Somalia signed a security pact in Ankara on Monday.",
        countries=("Ethiopia", "Somalia"),
    )
    (pact,) = doc._.agreements
    assert pact.parties == ["Ethiopia", "Somalia"]


# ---- a dated participle after the noun states a fact, whatever the clause around it


def test_a_dated_signing_is_signed_even_in_a_clause_of_support(nlp: Any) -> None:
    text = "The council reaffirmed its support for the peace agreement signed in Juba on 3 October 2020."
    doc = run(nlp, text, dates={"on 3 October 2020": "2020-10-03"})
    assert [(a.status, a.date) for a in doc._.agreements] == [(AgreementStatus.SIGNED, "2020-10-03")]


def test_an_undated_participle_in_an_appeal_stays_blocked(nlp: Any) -> None:
    doc = run(nlp, "Diplomats called for a truce agreed by both armies to end the siege of Kadugli.")
    assert doc._.agreements == []
