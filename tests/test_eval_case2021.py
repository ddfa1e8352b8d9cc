"""The CASE 2021 task 2 scorer: hand-checked metrics, a tiny hand-written file, and the real dev file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.evaluate import evaluate
from fogline.evaluate.case2021 import metrics, per_class, read_rows


def test_per_class_and_weighted_f1_by_hand() -> None:
    gold = ["A", "A", "A", "B", "C"]
    pred = ["A", "A", "B", "B", "A"]
    classes = per_class(gold, pred)
    # A: tp 2, fp 1, fn 1 -> p = r = f1 = 2/3; B: tp 1, fp 1 -> p 0.5, r 1, f1 2/3; C: 0
    assert classes["A"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert classes["B"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(0.6667, abs=1e-4),
        "support": 1,
    }
    assert classes["C"]["f1"] == 0.0
    m = metrics(gold, pred)
    assert m["n"] == 5
    assert m["accuracy"] == 0.6
    assert m["weighted_f1"] == pytest.approx((3 * 2 / 3 + 1 * 2 / 3 + 0) / 5, abs=1e-4)
    assert m["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3, abs=1e-4)
    assert m["confusions"][0] in (
        {"gold": "A", "predicted": "B", "count": 1},
        {"gold": "C", "predicted": "A", "count": 1},
    )


def test_event_type_accuracy_maps_sub_types() -> None:
    gold = ["AIR_STRIKE", "ARMED_CLASH", "DIPLO", "PEACE_PROTEST"]
    pred = ["ART_MISS_ATTACK", "GOV_REGAINS_TERIT", "ATTRIB", "PEACE_PROTEST"]
    m = metrics(gold, pred)
    assert m["accuracy"] == 0.25
    assert m["event_type_accuracy"] == 0.75  # explosions, battles match; diplomacy != attribution


def test_metrics_on_nothing() -> None:
    assert metrics([], []) == {"n": 0}


def test_score_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        '1\tA "car bomb" went off beside a police station, wounding three officers.\tREM_EXPLOS\n'
        "2\tThousands marched through the capital demanding the release of jailed students.\tPEACE_PROTEST\n"
        "3\tHeavy rains caused floods that swept away bridges in the valley.\tNATURAL_DISASTER\n"
        "4\tThe two parties met for a second round of talks at the embassy.\tAGREEMENT\n",
        encoding="utf-8",
    )
    assert len(read_rows(path)) == 4
    result = evaluate("case2021", path)
    assert result["n"] == 4
    assert result["accuracy"] == 0.75
    assert [e["id"] for e in result["errors"]] == ["4"]
    assert result["errors"][0]["predicted"] == "DIPLO"
    assert result["snippets_per_second"] > 0
    assert evaluate("case2021", path, limit=2)["n"] == 2


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\ttext\n1\tsomething\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        read_rows(path)


def test_dev_file_scores(eval_dir: Path) -> None:
    """Regression floor on the public dev file (the lexicons were revised looking at its errors: no held-out
    measure)."""
    result = evaluate("case2021", eval_dir / "case2021_task2.tsv")
    assert result["n"] == 480
    assert result["weighted_f1"] >= 0.88
    assert result["event_type_accuracy"] >= 0.9
    assert set(result["per_class"]) >= {"AIR_STRIKE", "DIPLO"}
