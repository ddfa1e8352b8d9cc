"""Quick pre-checks and indexes that skip work must give the same results as the full computation."""

from __future__ import annotations

import re
from typing import Any

import pytest

from fogline.gazetteer.actors import ActorIndex, match_country
from fogline.nlp.event_classifier import EventClassifier
from fogline.nlp.facilities import find_facilities, lexicon
from fogline.nlp.onsets import _ANY_NOUN, _FAST_RULES, ONSET_RULES

# --------------------------------------------------------------------------------------------------
# facilities: the first-word check in front of the noun alternation


@pytest.mark.parametrize(
    "text",
    [
        "Rockets struck the HOSPITAL shortly after midnight.",
        "A ſchool on the edge of the camp was shelled.",  # the long s matches "s" case-insensitively
        "Staff fled the field\u00a0hospital when the shelling began.",
        "The health\ncentre was looted twice last week.",
        "Drones hit a Health Centre near the river crossing.",
    ],
)
def test_facility_nouns_in_any_case_or_spacing_are_found(text: str) -> None:
    assert lexicon().noun_re.search(text)
    assert find_facilities(text), text


def test_a_sentence_without_facility_words_has_no_facility() -> None:
    text = "Fighting continued in the northern districts on Tuesday, residents said."
    assert lexicon().noun_re.search(text) is None
    assert find_facilities(text) == []


# --------------------------------------------------------------------------------------------------
# onsets: the campaign-noun check and the first-letter filtered rules

_ONSET_TEXTS = [
    "The army launched a ground offensive on the border towns on 3 April.",
    "Fighting erupted in the capital on Saturday morning.",
    "On the first day of the siege, shops closed across the old town.",
    "The OPERATION, which officials date to 9 May, is still going on.",
    "The campaign entered its fifth day on Sunday.",
    "Residents queued for bread while the council met to discuss prices.",
]


@pytest.mark.parametrize("text", _ONSET_TEXTS)
def test_fast_onset_rules_match_exactly_like_the_rules(text: str) -> None:
    for rule, pattern in ONSET_RULES.items():
        slow = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        fast = [(m.span(), m.groupdict()) for m in _FAST_RULES[rule].finditer(text)]
        assert fast == slow, rule
        if slow:
            assert _ANY_NOUN.search(text), (rule, text)


# --------------------------------------------------------------------------------------------------
# actors: the first-word check of country adjectives


def test_country_first_words_follow_a_growing_index() -> None:
    index = ActorIndex(countries={("ruritanian",): "RU"}, max_country_len=3)
    assert match_country(["ruritanian", "army"], 0, index) == ("RU", 1)
    assert match_country(["the", "new", "freedonian", "army"], 1, index) is None
    index.countries[("new", "freedonian")] = "FD"
    assert match_country(["the", "new", "freedonian", "army"], 1, index) == ("FD", 2)
    assert match_country([], 0, index) is None


# --------------------------------------------------------------------------------------------------
# event classifier: rules are looked up by their first required group


def _classifier(rules: list[dict[str, Any]]) -> EventClassifier:
    return EventClassifier(
        {
            "priority": ["ATTACK", "ARMED_CLASH", "ARREST"],
            "groups": {
                "gun": {"cues": ["gunfire"]},
                "blast": {"cues": ["explosion"]},
                "army": {"cues": ["soldiers"]},
                "held": {"weights": {"ARREST": 1}, "cues": ["detained"]},
            },
            "rules": rules,
        }
    )


def test_a_rule_fires_through_any_alternative_of_its_first_group() -> None:
    clf = _classifier([{"all": ["gun|blast", "army"], "weights": {"ARMED_CLASH": 4}}])
    assert clf.classify("Soldiers heard an explosion near the depot.").label == "ARMED_CLASH"
    assert clf.classify("Soldiers detained two men near the depot.").label == "ARREST"


def test_rules_add_up_in_file_order() -> None:
    rules = [
        {"all": ["army"], "weights": {"ATTACK": 0.1}},
        {"all": ["gun", "army"], "weights": {"ATTACK": 0.2}},
        {"all": ["army"], "weights": {"ATTACK": 0.3}},
    ]
    scored = _classifier(rules).score("Soldiers returned gunfire at dawn.")
    assert scored.scores["ATTACK"] == ((0.0 + 0.1) + 0.2) + 0.3
    assert scored.cues["ATTACK"] == ["army", "gun+army", "army"]


def test_a_rule_without_required_groups_is_still_applied() -> None:
    clf = _classifier([{"all": [], "none": ["held"], "weights": {"ATTACK": 2}}])
    assert clf.classify("Nothing of note happened in the market.").label == "ATTACK"
    assert clf.classify("Police detained a trader in the market.").label == "ARREST"


def test_word_pattern_sanity() -> None:
    # the facility check reads words as runs of ASCII letters and digits
    assert re.findall(r"[a-z0-9]+", "field\u00a0hospital") == ["field", "hospital"]
