"""``fogline.facilities.v1``: sites the lexicon names since the other-conflict reports (health posts,
watchtowers and observation posts), "one of its …" between a cue and the site, and killings at a site."""

from __future__ import annotations

from typing import Any

import pytest
from test_facilities import impacts, run

from fogline.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Any:
    return build_pipeline(["fogline.sentences.v1", "fogline.facilities.v1"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Raiders burned the village school and the only health post in Gbiti overnight.",
            ("health post", "hospital", "attacked"),
        ),
        (
            "Two health posts were looted in the district last week, the county office said.",
            ("health posts", "hospital", "attacked"),
        ),
        (
            "The mission said a drone struck one of its watchtowers near the buffer zone on Monday.",
            ("watchtowers", "observation_post", "attacked"),
        ),
        (
            "Artillery fire damaged an observation post of the monitoring mission north of the river.",
            ("observation post", "observation_post", "damaged"),
        ),
        (
            "Militiamen shot dead nine worshippers at a church in the hills during the morning service.",
            ("church", "church", "attacked"),
        ),
        (
            "Bandits killed 11 traders inside the market before fleeing on motorbikes.",
            ("market", "market", "attacked"),
        ),
    ],
)
def test_new_sites_and_cues(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in impacts(run(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # the wounded were treated there: the hospital was not attacked
        "Three people killed in the blast were taken to a hospital in the capital.",
        "Those killed were brought to the clinic, where relatives identified them.",
        # a watchtower mentioned with no cue
        "The old watchtower above the port is a landmark for fishermen.",
    ],
)
def test_no_impact_without_a_cue_on_the_site(nlp: Any, text: str) -> None:
    assert impacts(run(nlp, text)) == []


def test_killings_at_a_surrounded_site_are_an_attack(nlp: Any) -> None:
    text = (
        "Gunmen killed 30 worshippers at a mosque in the north during evening prayers. "
        "They had surrounded the mosque before opening fire."
    )
    found = impacts(run(nlp, text))
    assert ("mosque", "mosque", "attacked") in found
    assert all(status != "besieged" for *_, status in found)  # surrounded for a raid: no siege


def test_a_surrounded_site_without_violence_is_besieged(nlp: Any) -> None:
    text = "Paramilitary forces have surrounded the hospital for a week, and supplies are running out."
    assert ("hospital", "hospital", "besieged") in impacts(run(nlp, text))
