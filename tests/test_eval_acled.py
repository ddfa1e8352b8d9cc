"""The ACLED scorer and the fatality-counting rule it applies, on hand-written coder notes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language

from fogline.evaluate import evaluate
from fogline.evaluate.acled import OLD_TO_NEW
from fogline.nlp.figures_tally import acled_fatalities
from fogline.nlp.pipeline import build_pipeline

COLUMNS = ["EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "NOTES", "FATALITIES"]
ROWS = [
    ("1SDN", "03/02/2016", "Violence against civilians",
     "Militiamen raided a village near Nyala, killing 9 farmers.", 9),
    ("2SOM", "04/02/2016", "Remote violence", "A roadside bomb wounded four soldiers near Afgooye.", 0),
    ("3MLI", "05/02/2016", "Battle-No change of territory",
     "Jihadists attacked an army post near Gao. Dozens of militants were killed, the army said.", 12),
    ("4NGA", "06/02/2016", "Riots/Protests", "Traders protested in Kano over new market fees.", 0),
    ("5COD", "07/02/2016", "Battle-No change of territory",
     "Three soldiers and five rebels died in clashes in Rutshuru; two civilians were also killed.", 10),
]  # fmt: skip


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def fatalities(nlp: Language, text: str) -> int:
    doc = nlp(text)
    return acled_fatalities(doc._.figures or [], doc.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot dead a trader in Juba.", 1),
        ("Dozens of villagers were killed in the attack on Koro.", 12),
        ("Several Boko Haram fighters were killed near Bama.", 10),
        ("Seven civilians were killed and 30 others injured by the car bomb.", 7),
        ("At least 12 people were killed, including three children, in the strike.", 12),
        ("Two soldiers and six insurgents were killed in the ambush near Menaka.", 8),
        ("Up to five students were killed. Officials said two students died.", 2),
        ("Students marched in Bunia after the killing of 4 people by a militia last week.", 0),
        ("Hundreds of people protested in the capital against fuel prices.", 0),
        ("Police arrested 16 people after the riot in the market.", 0),
    ],
)
def test_acled_fatality_rule(nlp: Language, text: str, expected: int) -> None:
    assert fatalities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes in Ulang left an unknown number of soldiers killed.", 10),
        ("Shelling of the base caused heavy casualties on both sides.", 10),
        ("Mortars hit the camp; no casualties were reported.", 0),
        ("Rebels attacked a checkpoint near Gao.", 0),
    ],
)
def test_deaths_without_a_number_follow_acleds_convention(nlp: Language, text: str, expected: int) -> None:
    doc = nlp(text)
    assert acled_fatalities(doc._.figures or [], doc.text, unspecified=10) == expected
    assert acled_fatalities(doc._.figures or [], doc.text) == 0


def test_a_part_named_before_among_is_not_added(nlp: Language) -> None:
    assert fatalities(nlp, "Five children were among at least 20 people killed in the market strike.") == 20


def write_csv(path: Path, rows: list[tuple[str, str, str, str, int]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_acled_scorer_on_a_small_export(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv", [*ROWS, ("6ETH", "08/02/2016", "Riots/Protests", "Youths rioted.", 3)]
    )
    result = evaluate("acled", path)
    assert result["n"] == 6
    assert result["exact_match"] == pytest.approx(5 / 6, abs=1e-3)
    assert result["mae"] == pytest.approx(3 / 6, abs=1e-3)
    assert result["errors"] == [{"id": "6ETH", "expected": 3, "got": 0}]
    limited = evaluate("acled", path, limit=2)
    assert limited["n"] == 2 and limited["exact_match"] == 1.0


def test_old_event_types_map_to_current_ones() -> None:
    assert OLD_TO_NEW["Battle-Government regains territory"] == {"Battles"}
    assert OLD_TO_NEW["Riots/Protests"] == {"Riots", "Protests"}
    assert OLD_TO_NEW["Non-violent transfer of territory"] == {"Strategic developments"}


def test_acled_dev_file_reaches_the_floor(eval_dir: Path) -> None:
    result = evaluate("acled", eval_dir / "acled_africa_2016.csv", limit=300)
    assert result["n"] == 300
    assert result["exact_match"] >= 0.85, result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the later items of an "including" list are parts too
        ("Nine people were killed, including a teacher and two pupils, when the school was shelled.", 9),
        # a death given as the reason for the event is not its toll
        ("Youths burned a police post in retaliation for the killing of 3 traders.", 0),
        ("Herders attacked the village following the death of a boy in a dispute over cattle.", 0),
        # scraped text that runs a clause twice without a full stop is counted once
        ("Gunmen killed six miners near the pit Gunmen killed six miners near the pit officials said.", 6),
        # ACLED counts the attackers among the dead: the bomber who blew himself up is one of them
        ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", 5),
    ],
)
def test_parts_causes_repeats_and_attackers(nlp: Language, text: str, expected: int) -> None:
    assert fatalities(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('During the sweep "a number" of insurgents were killed, the army said.', 10),
        ("Unidentified gunmen raided the camp. Unknown number killed, several wounded.", 10),
        ("Drones struck the base, though no specific numbers of fatalities were given.", 10),
        ("Two rebels were wounded. It is unknown whether the army suffered casualties.", 0),
    ],
)
def test_more_deaths_without_a_number(nlp: Language, text: str, expected: int) -> None:
    doc = nlp(text)
    assert acled_fatalities(doc._.figures or [], doc.text, unspecified=10) == expected
