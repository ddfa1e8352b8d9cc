"""The FA-KES scorer: main-event killed counts, civilian split, governorate matching; and the CLI commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from fogline.cli import app
from fogline.evaluate import evaluate
from fogline.evaluate.fakes import _skeleton, main_event_figures, same_governorate, split_killed
from fogline.nlp.pipeline import build_pipeline
from fogline.schema import Entity, EntityKind

COLUMNS = [
    "unit_id", "article_title", "article_content", "source", "date", "location", "actor", "cause_of_death",
    "nb_children", "nb_civilians", "nb_noncivilians", "nb_women", "label",
]  # fmt: skip
ARTICLES = [
    ("11", "Air strikes kill 14 civilians in Idlib town",
     "Air strikes on a market in the town killed 14 civilians on Monday, a monitor said. Rescue teams "
     "searched the rubble. Separately, three soldiers died in clashes further south last month.",
     "idlib", 14, 0),
    ("12", "Rebels lose fighters in Hama push",
     "At least 22 rebel fighters were killed in an attack on army positions north of Hama, activists said. "
     "Government media said the assault was repelled.", "hama", 0, 22),
    ("13", "Shelling in Aleppo",
     "Shelling hit eastern districts of Aleppo overnight, killing nine people and wounding 30 others. "
     "The strikes destroyed two bakeries.", "aleppo", 9, 0),
]  # fmt: skip


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(["fogline.sentences.v1", "fogline.figures.v1"])


def write_csv(path: Path, extra: list[tuple[Any, ...]] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for uid, title, content, loc, civ, non in [*ARTICLES, *(extra or [])]:
            writer.writerow([uid, title, content, "test", "3/14/16", loc, "x", "shelling", 0, civ, non, 0, 1])
    return path


def test_main_event_is_read_from_the_lead(nlp: Language) -> None:
    title = "Regime raid kills 11 in Douma"
    text = (
        f"{title}\n\nAt least 11 civilians, among them four children, were killed in Douma on Sunday. "
        "Rescuers pulled survivors from the rubble. Last year 40 soldiers died in the same area."
    )
    doc = nlp(text)
    figures = main_event_figures(doc, len(title))
    assert split_killed(figures, doc.text) == (11, 0)


def test_fakes_scorer_counts_exact_matches(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "fakes.csv", [("14", "Car bomb kills 5", "A car bomb killed 5 people.", "homs", 7, 0)]
    )
    result = evaluate("fakes", path)
    assert result["n"] == 4
    assert result["exact_match"] == pytest.approx(0.75)
    assert result["exact_match_noncivilians"] == 1.0
    assert result["mae_civilians"] == pytest.approx(0.5)
    assert result["errors"] == [{"id": "14", "expected": [7, 0], "got": [5, 0]}]
    assert 0.0 <= result["location_accuracy"] <= 1.0
    assert evaluate("fakes", path, limit=1)["n"] == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [("Deir ez-Zor", "deir ezzor"), ("Al-Hasakah", "hasakeh"), ("Latakia", "lattakia"), ("Tartus", "tartous"),
     ("Ar-Raqqah", "raqqa"), ("Daraa", "daraa"), ("Hama", "hama")],
)  # fmt: skip
def test_governorate_spellings_match(a: str, b: str) -> None:
    assert _skeleton(a) == _skeleton(b)


def test_same_governorate_uses_aliases() -> None:
    rif = Entity(kind=EntityKind.PLACE, name="Rif Dimashq", type="admin1", aliases=["Damascus Countryside"])
    assert same_governorate(rif, "damascus")
    assert not same_governorate(rif, "homs")


def test_fakes_dev_file_scores(eval_dir: Path) -> None:
    result = evaluate("fakes", eval_dir / "fakes.csv", limit=60)
    assert result["n"] == 60
    assert result["exact_match"] >= 0.6, result


# --- CLI ------------------------------------------------------------------------------------------------

runner = CliRunner()


def test_eval_command_json_and_table(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fakes.csv")
    result = runner.invoke(app, ["eval", "fakes", str(path), "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 2 and "exact_match" in data
    table = runner.invoke(app, ["eval", "fakes", str(path)])
    assert table.exit_code == 0 and "exact_match" in table.output


def test_eval_command_clean_errors(tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["eval", "nosuch", str(tmp_path)])
    assert unknown.exit_code == 1 and "unknown data set" in unknown.output
    missing = runner.invoke(app, ["eval", "acled", str(tmp_path / "absent.csv")])
    assert missing.exit_code == 1 and "no such file" in missing.output
    assert "Traceback" not in missing.output


def test_bench_command_prints_what_run_bench_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    import fogline.evaluate.bench as bench

    calls: list[int] = []

    def fake_run_bench(n_articles: int = 200, **_: Any) -> dict[str, Any]:
        calls.append(n_articles)
        return {"articles_per_s": 75.5, "peak_rss_mb": 410.0, "baseline_articles_per_s": 5.1, "ratio": 14.8}

    monkeypatch.setattr(bench, "run_bench", fake_run_bench)
    result = runner.invoke(app, ["bench", "--n", "7", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ratio"] == 14.8
    table = runner.invoke(app, ["bench", "--n", "3"])
    assert table.exit_code == 0 and "articles_per_s" in table.output
    assert calls == [7, 3]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # unknown-status dead in a report of clashes only are combatants
        (
            "Heavy fighting in the north",
            "At least 18 people were killed in clashes between the army and rebels "
            "near the town, a monitor said.",
            (0, 18),
        ),
        # a civilian named as part of an unknown-status total, with no armed victims named: all civilians
        (
            "Blast hits cafe",
            "A bomb in a cafe killed seven people including a local reporter on Friday.",
            (7, 0),
        ),
    ],
)
def test_status_of_unknown_victims(nlp: Language, title: str, body: str, expected: tuple[int, int]) -> None:
    text = f"{title}\n\n{body}"
    doc = nlp(text)
    assert split_killed(main_event_figures(doc, len(title)), doc.text) == expected
