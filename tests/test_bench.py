"""The throughput benchmark runs end to end on a tiny corpus and reports what it measured."""

from __future__ import annotations

from pathlib import Path

from fogline.evaluate.bench import generated_paragraphs, make_articles, run_bench

TINY = [
    "Shelling killed 14 civilians in the market of the northern town on Tuesday, medics said. "
    "The army denied targeting residential areas and blamed an armed group for the attack.",
    "Aid agencies said 3,200 families had fled since 4 March 2024, and the UN appealed for access. "
    "A local council official said the only hospital in the district had run out of fuel.",
]


def test_make_articles_reaches_the_target_length() -> None:
    articles = make_articles(generated_paragraphs(30), 4, target_words=300)
    assert len(articles) == 4
    for text in articles:
        assert 300 <= len(text.split()) <= 300 * 1.3


def test_run_bench_reports_positive_figures() -> None:
    result = run_bench(n_articles=5, corpus=TINY)
    for key in ("articles_per_s", "peak_rss_mb", "baseline_articles_per_s", "ratio", "mean_words"):
        assert result[key] > 0, key
    assert result["n_articles"] == 5
    assert result["mean_words"] >= 500
    assert "fogline.dates.v1" in result["components"]
    assert set(result["components"]).isdisjoint(result["skipped"])
    assert result["corpus"] == "given"
    assert set(result["component_ms_per_article"]) >= {"tokenizer", "fogline.dates.v1"}


def test_read_corpus_reads_folders_files_and_text_columns(tmp_path: Path) -> None:
    import pytest

    from fogline.evaluate.bench import read_corpus

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.md").write_text("Shelling hit the market on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("Aid trucks crossed the border.", encoding="utf-8")
    (folder / "skip.json").write_text("{}", encoding="utf-8")
    assert read_corpus(folder) == ["Shelling hit the market on Monday.", "Aid trucks crossed the border."]
    table = tmp_path / "articles.csv"
    table.write_text(
        'id,article_content\n1,"First report, with a comma."\n2,\n3,Second report.\n', encoding="utf-8"
    )
    assert read_corpus(table) == ["First report, with a comma.", "Second report."]
    notes = tmp_path / "notes.tsv"
    notes.write_text("id\tEventSnippet\n1\tClashes near the bridge.\n", encoding="utf-8")
    assert read_corpus(notes) == ["Clashes near the bridge."]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title\n1,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no text column"):
        read_corpus(bad)


def test_bench_command_takes_a_corpus(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from fogline.cli import app

    folder = tmp_path / "reports"
    folder.mkdir()
    for k in range(3):
        (folder / f"r{k}.md").write_text(
            f"Report {k}. Gunmen attacked a village near Goma on Tuesday, killing {k + 4} civilians, local "
            "officials said. Hundreds of families fled toward the town, an aid agency reported.",
            encoding="utf-8",
        )
    result = CliRunner().invoke(
        app, ["bench", "--n", "4", "--processes", "1", "--corpus", str(folder), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["corpus"] == "given" and data["articles_per_s"] > 0 and data["ratio"] > 0
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, ["bench", "--corpus", str(empty)])
    assert result.exit_code != 0 and "no texts" in result.output
