"""The throughput benchmark runs end to end on a tiny corpus and reports what it measured."""

from __future__ import annotations

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
