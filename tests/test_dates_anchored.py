"""fogline.dates.v1: "four days later", "a week later", "the next day" count from the date the text gave
just before them, not from the publication date."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_dates import found, run

from fogline.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.dates.v1"])


@pytest.mark.parametrize(
    ("text", "phrase", "value", "precision"),
    [
        (
            "Troops entered Kutum on 3 June. Four days later the market reopened.",
            "Four days later",
            "2024-06-07",
            "day",
        ),
        (
            "The convoy was hit on Tuesday near Kramatorsk. A day later the road was closed again.",
            "A day later",
            "2024-06-12",  # Tuesday is 11 June (published Friday 14 June)
            "day",
        ),
        (
            "Militants seized the port on 28 May and the navy shelled it the next day.",
            "the next day",
            "2024-05-29",
            "day",
        ),
        (
            "The talks opened in Doha on 30 May; the parties walked out the following day.",
            "the following day",
            "2024-05-31",
            "day",
        ),
        (
            "Fighters overran the base on 1 June. Two weeks later the army took it back.",
            "Two weeks later",
            "2024-06-15",
            "week",
        ),
    ],
)
def test_counted_from_the_date_before(
    nlp: Language, text: str, phrase: str, value: str, precision: str
) -> None:
    m = found(run(nlp, text, published="2024-06-14"))[phrase]
    assert (m.value, m.precision, m.attributes["kind"]) == (value, precision, "anchored")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # nothing dated before it
        ("Four days later the market reopened.", "Four days later"),
        # the date before is a month, not a day
        ("The siege began in March. Two days later the water ran out.", "Two days later"),
        # the date before lies ahead
        ("Talks will resume on 20 June, and a vote is due two days later.", "two days later"),
    ],
)
def test_not_resolved_without_a_past_day_before(nlp: Language, text: str, phrase: str) -> None:
    m = found(run(nlp, text, published="2024-06-14"))[phrase]
    assert m.value is None and not m.attributes["resolved"]
