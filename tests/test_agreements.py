"""fogline.agreements.v1: agreements, ceasefires and status claims from hand-written sentences."""

from __future__ import annotations

from typing import Any

import pytest

from fogline.gazetteer.places import place_entity
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import AgreementStatus, Document, Entity, EntityKind, Mention, make_id


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.agreements.v1"])


def run(
    nlp: Any,
    text: str,
    actors: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    dates: dict[str, str] | None = None,
    cities: tuple[str, ...] = (),
) -> Any:
    """Run the component with ACTOR, country PLACE, gazetteer city and DATE mentions set by hand (every
    occurrence)."""
    doc = nlp.make_doc(text)
    doc._.document = Document(id="d1", text=text, published="2025-06-10")
    mentions, entities, date_mentions = [], {}, []
    for name in cities:
        city = place_entity(name)
        assert city is not None
        entities[city.id] = city
        start = text.index(name)
        mentions.append(
            Mention(start=start, end=start + len(name), label="PLACE", text=name, entity_id=city.id)
        )
    for names, label, kind, etype in (
        (actors, "ACTOR", EntityKind.ACTOR, "rebel_group"),
        (countries, "PLACE", EntityKind.PLACE, "country"),
    ):
        for name in names:
            entity = Entity(id=make_id(label, name), kind=kind, name=name, type=etype)
            entities[entity.id] = entity
            start = text.find(name)
            while start >= 0:
                mentions.append(
                    Mention(start=start, end=start + len(name), label=label, text=name, entity_id=entity.id)
                )
                start = text.find(name, start + len(name))
    for surface, value in (dates or {}).items():
        start = text.find(surface)
        while start >= 0:
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
            start = text.find(surface, start + len(surface))
    doc._.mentions, doc._.entities, doc._.dates = mentions + date_mentions, entities, date_mentions
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_signed_deal_with_parties_and_date(nlp: Any) -> None:
    doc = run(
        nlp,
        "Russia and Ukraine signed a grain deal in Istanbul on 22 July 2022.",
        countries=("Russia", "Ukraine"),
        dates={"on 22 July 2022": "2022-07-22"},
    )
    (deal,) = doc._.agreements
    assert (deal.kind, deal.status, deal.date) == ("deal", AgreementStatus.SIGNED, "2022-07-22")
    assert deal.parties == ["Russia", "Ukraine"]


def test_truce_between_parties_in_force(nlp: Any) -> None:
    doc = run(
        nlp, "A 72-hour truce between the army and the RSF took effect at dawn.", actors=("army", "RSF")
    )
    (truce,) = doc._.agreements
    assert (truce.kind, truce.status, truce.parties) == ("truce", AgreementStatus.IN_FORCE, ["army", "RSF"])


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("The ceasefire in Gaza collapsed in March after strikes resumed.", "ceasefire", "collapsed"),
        ("Local leaders said the truce had broken down by nightfall.", "truce", "collapsed"),
        ("Mediators proposed a 60-day ceasefire to both delegations.", "ceasefire", "proposed"),
        ("A partial ceasefire was reached around the power plant on Sunday.", "ceasefire", "partial"),
        ("The two commanders reached an understanding on prisoner exchanges.", "understanding", "reached"),
        (
            "Juba hosted talks where a humanitarian pause was agreed for the market town.",
            "humanitarian pause",
            "reached",
        ),
        ("Both sides accused each other of breaching the Doha agreement.", "agreement", "violated"),
        ("Three days on, the truce appears to be holding in Rakhine.", "truce", "in_force"),
        ("Elders of the two clans signed a peace pact in the market town on Friday.", "agreement", "signed"),
        (
            "The 1999 non-aggression pact between the two militias was broken overnight.",
            "agreement",
            "violated",
        ),
    ],
)
def test_statuses(nlp: Any, text: str, kind: str, status: str) -> None:
    found = [(a.kind, a.status.value) for a in run(nlp, text)._.agreements]
    assert (kind, status) in found


def test_violation_of_a_dated_agreement(nlp: Any) -> None:
    text = (
        "Monitors said the shelling of Kadugli is a flagrant violation of the agreement signed on "
        "5 June 2024 between the SPLM-N and the army."
    )
    doc = run(nlp, text, actors=("SPLM-N", "army"), dates={"5 June 2024": "2024-06-05"})
    (claim,) = doc._.agreements
    assert claim.violated and claim.status == AgreementStatus.VIOLATED
    assert claim.date == "2024-06-05" and claim.parties == ["SPLM-N", "army"]


def test_named_agreement_reference_and_dedup(nlp: Any) -> None:
    text = (
        "The Minsk agreements were meant to freeze the front. "
        "Kyiv said the shelling was a breach of the Minsk agreements. "
        "Observers recorded another breach of the Minsk agreements on Tuesday."
    )
    doc = run(nlp, text)
    (claim,) = doc._.agreements  # the bare reference is dropped, the two breach claims merge
    assert claim.name == "Minsk agreements" and claim.status == AgreementStatus.VIOLATED
    assert len(claim.attributes["also_at"]) == 1


def test_one_record_per_status_claim(nlp: Any) -> None:
    text = (
        "The 12 March 2025 accord ended months of fighting in the north. "
        "A week later the 12 March 2025 accord collapsed when the militia attacked the airport."
    )
    doc = run(nlp, text, dates={"12 March 2025": "2025-03-12"})
    (claim,) = doc._.agreements  # the plain reference adds nothing to the collapse claim
    assert (claim.status, claim.date, claim.kind) == (AgreementStatus.COLLAPSED, "2025-03-12", "agreement")
    assert claim.quote.startswith("A week later")


def test_accepted_proposal_keeps_proposers_apart(nlp: Any) -> None:
    text = (
        "The Arakan Army announced on Friday that it had agreed to a humanitarian truce proposed by "
        "China and Thailand for the border townships."
    )
    doc = run(nlp, text, actors=("Arakan Army",), countries=("China", "Thailand"))
    (truce,) = doc._.agreements
    assert (truce.kind, truce.status) == ("truce", AgreementStatus.REACHED)
    assert truce.parties == ["Arakan Army"]
    assert truce.attributes["accepted_by"] == ["Arakan Army"]
    assert truce.attributes["proposed_by"] == ["China", "Thailand"]


def test_names_containing_blocker_words_do_not_block(nlp: Any) -> None:
    text = "The Popular Support Front said it had signed a ceasefire with the army."
    doc = run(nlp, text, actors=("Popular Support Front", "army"))
    (deal,) = doc._.agreements
    assert deal.status == AgreementStatus.SIGNED and deal.parties == ["army", "Popular Support Front"]
    assert "accepted_by" not in deal.attributes


def test_breach_of_a_dated_deal(nlp: Any) -> None:
    text = (
        "Residents argued that the shelling breaches the 3 May 2024 deal that the town elders concluded "
        "with a government delegation."
    )
    doc = run(nlp, text, dates={"3 May 2024": "2024-05-03"})
    (deal,) = doc._.agreements
    assert deal.kind == "deal" and deal.violated and deal.date == "2024-05-03"


def test_capital_as_party_stands_for_its_state(nlp: Any) -> None:
    text = "The envoy urged respect for the 20 August 2024 agreement between Bamako and the CSP."
    doc = run(nlp, text, actors=("CSP",), dates={"20 August 2024": "2024-08-20"}, cities=("Bamako",))
    (deal,) = doc._.agreements
    assert deal.parties == ["Mali", "CSP"]
    mali = place_entity("Mali")
    assert mali is not None and deal.party_ids[0] == mali.id


@pytest.mark.parametrize(
    "text",
    [
        "The UN Security Council called for an immediate ceasefire in Darfur.",
        "Talks in Jeddah failed to reach a truce.",
        "Negotiators hope a deal could be signed next week.",
        "The government must deal with the displacement crisis.",
        "Resolution 2254 calls for a political transition in Syria.",
        "Is a ceasefire still possible?",
        "Our understanding of the situation is limited.",
        "The army's ceasefire statement was read on television.",
    ],
)
def test_no_agreement(nlp: Any, text: str) -> None:
    assert run(nlp, text)._.agreements == []
