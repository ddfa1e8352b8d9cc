"""Campaign onsets: which sentences date the start of an offensive, and the date they give."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from fogline.ingest.normalize import document_from_text
from fogline.nlp.onsets import EXTRACTOR
from fogline.nlp.pipeline import extract_text
from fogline.schema import Event


def _onsets(nlp: Language, text: str, published: str | None = "2024-05-20") -> list[Event]:
    return [e for e in extract_text(text, published=published, nlp=nlp).events if e.is_onset]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Sudan: noun then start verb, explicit date
        (
            "Heavy fighting erupted in El Fasher on 10 May between the army and the Rapid Support Forces. "
            "Residents fled toward the west.",
            "2024-05-20",
            "2024-05-10",
        ),
        # Ukraine: past-tense launch verb with a weekday
        (
            "Russian forces launched a new ground offensive near Kharkiv on Friday, officials said.",
            "2024-05-13",
            "2024-05-10",
        ),
        # Myanmar: an announcement sentence (no event from the events component)
        (
            "On 27 October 2023 the alliance announced the launch of a coordinated military operation in "
            "northern Shan State.",
            "2023-11-02",
            "2023-10-27",
        ),
        # DR Congo: "entered its Nth day" counted back from the publication date
        (
            "The M23 offensive on the outskirts of Goma entered its fifth day on Monday as shelling went on.",
            "2025-01-27",
            "2025-01-23",
        ),
        # Gaza: "has been underway since"
        (
            "The Israeli military campaign in Rafah has been underway since 7 May, the United Nations said.",
            "2024-05-20",
            "2024-05-07",
        ),
    ],
)
def test_onset_dates(nlp: Language, text: str, published: str, expected: str) -> None:
    found = _onsets(nlp, text, published)
    assert [e.date_start for e in found] == [expected]
    assert found[0].date_end is None
    assert found[0].disorder_type == "Political violence"


def test_announcement_creates_onset_event_with_place(nlp: Language) -> None:
    text = (
        "On 3 March the defence ministry announced the launch of a military operation against armed groups "
        "in Kidal."
    )
    (event,) = _onsets(nlp, text, "2024-03-05")
    assert event.date_start == "2024-03-03"
    if event.extractor == EXTRACTOR:
        assert event.place == "Kidal"
        assert event.event_type


@pytest.mark.parametrize(
    "text",
    [
        "The army will launch a major offensive on Tabriz road next week, a commander said.",
        "Rebels threatened to launch an assault on the capital on Sunday unless talks resumed.",
        "The offensive has not yet begun, although troops massed near Kassala on Monday.",
        "Turkey launched a military operation in Afrin in January 2018, displacing thousands.",
        "Gunmen launched an attack on a police checkpoint near Zamfara on Tuesday, killing two officers.",
        "Protesters gathered outside parliament on Monday to demand new elections.",
        "The offensive began weeks ago and continues to displace families.",
    ],
)
def test_not_onsets(nlp: Language, text: str) -> None:
    assert _onsets(nlp, text, "2024-05-20") == []


def test_nth_day_needs_a_reference_date(nlp: Language) -> None:
    text = "The siege of the town entered its tenth day as food ran out."
    assert _onsets(nlp, text, published=None) == []
    (event,) = _onsets(nlp, text, published="2024-02-10")
    assert event.date_start == "2024-02-01"


def test_one_onset_per_date_in_a_document(nlp: Language) -> None:
    text = (
        "The offensive on the city entered its third day on Wednesday. "
        "Local officials said the offensive began on Monday with artillery fire on the northern districts."
    )
    found = _onsets(nlp, text, "2024-05-22")
    assert {e.date_start for e in found} == {"2024-05-20"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_", "2026-01-06"), ("001_", "2026-01-07"), ("002_", "2026-01-06")],
)
def test_seed_onsets(nlp: Language, seeds_dir: Path, name: str, expected: str) -> None:
    path = next(p for p in sorted(seeds_dir.iterdir()) if p.name.startswith(name))
    from fogline.nlp.pipeline import extract

    result = next(iter(extract([document_from_text(path.read_text(encoding="utf-8"))], nlp)))
    starts = {e.date_start for e in result.events if e.is_onset}  # type: ignore[union-attr]
    assert starts == {expected}


def test_seed_004_onset_once_dated(nlp: Language, seeds_dir: Path) -> None:
    path = next(p for p in sorted(seeds_dir.iterdir()) if p.name.startswith("004_"))
    text = path.read_text(encoding="utf-8")
    assert _onsets(nlp, text, published=None) == []
    starts = {e.date_start for e in _onsets(nlp, text, published="2026-01-15")}
    assert starts == {"2026-01-10"}
