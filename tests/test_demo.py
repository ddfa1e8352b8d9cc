"""The demo end to end on the bundled examples: ingest, extract, reconcile, report (about 15 s)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fogline.demo import DemoSummary, default_examples_dir, run_demo
from fogline.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoSummary, str]:
    if not default_examples_dir().is_dir():
        pytest.skip("examples/ is not beside the package")
    store = Store("sqlite:///:memory:")
    summary = run_demo(store, report_path=tmp_path_factory.mktemp("demo") / "report.md")
    assert summary.report_path is not None
    text = Path(summary.report_path).read_text(encoding="utf-8")
    store.close()
    return summary, text


def _row(report: str, what: str, where: str) -> str:
    """The headline table row of one tally."""
    rows = [ln for ln in report.splitlines() if ln.startswith(f"| {what} | {where} |")]
    assert len(rows) == 1, (what, where, [ln for ln in report.splitlines() if ln.startswith("| ")])
    return rows[0]


def test_demo_ingests_every_example(demo: tuple[DemoSummary, str]) -> None:
    summary, _ = demo
    assert summary.ingested == 12 and not summary.failed
    assert summary.counts["figures"] > 0 and summary.counts["events"] > 0


def test_aleppo_death_toll_is_contested_across_its_sources(demo: tuple[DemoSummary, str]) -> None:
    _, report = demo
    row = _row(report, "Civilians killed", "Aleppo")
    assert "**contested**" in row
    for figure in ("13", "23", "43", "216"):  # every source's figure, each with its footnote
        assert re.search(rf"\b{figure}\[\^\d+\]", row), figure
    assert "Kurdish Red Crescent" in row and "Syrian Observatory for Human Rights" in row


def test_aleppo_displacement_agrees_between_two_sources(demo: tuple[DemoSummary, str]) -> None:
    _, report = demo
    row = _row(report, "Civilians displaced", "Aleppo")
    assert "150,000–155,000" in row and "| consistent |" in row
    assert "about 155,000" in row and "around 150,000" in row


def test_el_fasher_figures_are_reported(demo: tuple[DemoSummary, str]) -> None:
    _, report = demo
    killed = _row(report, "People killed", "El Fasher")
    assert ">460" in killed and "World Health Organization" in killed
    displaced = _row(report, "People displaced", "El Fasher")
    assert ">82,000" in displaced and "International Organization for Migration" in displaced
    assert "People displaced in El Fasher: 62,000 → >82,000" in report  # it rose from report to report
