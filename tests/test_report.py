"""The situation report on the hand-built world of ``test_reconcile``: data, Markdown, HTML, PDF, CLI."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_reconcile import _doc, build_world, fig
from typer.testing import CliRunner

from fogline.cli import app
from fogline.reconcile.corpus import Corpus
from fogline.report import RENDERERS, build_report, render, write_report
from fogline.report.graphics import to_svg
from fogline.report.maps import area_outlines, event_map, map_points
from fogline.schema import Extraction, ReportRun
from fogline.store import Store


def test_report_data_has_every_section(store: Store) -> None:
    build_world(store)
    report = build_report(store)
    killed = next(h for h in report.headlines if h.tally.measure == "killed" and h.tally.group == "civilians")
    assert killed.tally.contested
    assert set(killed.notes) == {"Sudan Doctors Network", "the local resistance committee", "Agency E"}
    # every current claim has a footnote pointing to its quote
    for source, notes in killed.notes.items():
        assert notes and all(report.footnotes[n - 1].quote for n in notes), source
    assert {c.item.name for c in report.agreements} == {"Jeddah Declaration", "Ceasefire"}
    assert report.ceasefire is not None and report.ceasefire.date == "2025-10-29"
    assert [c.item.facility for c in report.facilities] == ["Saudi Teaching Hospital"]
    assert report.statements[0].item.demands == ["an immediate ceasefire", "safe passage for civilians"]
    assert report.map is not None and report.charts
    assert report.previous_at is None and report.sources == ["Agency E", "Daily C", "Radio B", "Wire A"]


def test_what_changed_since_the_last_report(store: Store, tmp_path: Path) -> None:
    build_world(store)
    write_report(store, tmp_path / "first.md")
    assert store.count(ReportRun) == 1
    later = _doc("d5")
    later.id, later.content_hash, later.published, later.outlet = "d6", "d6", "2025-10-31", "Radio F"
    store.save(Extraction(document=later, figures=[fig("d6", 1, 500, source_id="ac-doctors")]))
    report = build_report(store)
    assert report.previous_at is not None
    changes = "\n".join(report.changes)
    assert "Civilians killed in El Fasher" in changes and "range 30–460 → 60–500" in changes
    assert "1 more document" in changes


def test_markdown_footnotes_every_number(sqlite_store: Store) -> None:
    build_world(sqlite_store)
    md = render(build_report(sqlite_store), ".md")
    assert "**contested**" in md and "30–460" in md
    assert "12 → 30 → 60 → 460" in md
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(\d+)\]:", md, flags=re.M))
    assert cited and cited == defined
    assert "reports differ on date start: 2025-10-20, 2025-10-21, 2025-10-24" in md
    assert "Saudi Teaching Hospital" in md and "Jeddah Declaration" in md


def test_html_is_self_contained(sqlite_store: Store) -> None:
    build_world(sqlite_store)
    html = render(build_report(sqlite_store), ".html")
    assert isinstance(html, str)
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r'src="https?://', html)
    assert html.count("<svg") >= 3  # two tally charts and the map
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        ET.fromstring(svg)  # well-formed
    notes = set(re.findall(r'href="#note-(\d+)"', html))
    anchors = set(re.findall(r'id="note-(\d+)"', html))
    assert notes and notes <= anchors
    assert 'class="contested"' in html


def test_pdf_has_the_expected_text(sqlite_store: Store, tmp_path: Path) -> None:
    build_world(sqlite_store)
    path = write_report(sqlite_store, tmp_path / "sitrep.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    for expected in (
        "Headline figures",
        "contested",
        "30–460",
        "Saudi Teaching Hospital",
        "Jeddah Declaration",
        "Sudan Doctors Network",
        "Map of events",
        "2025-10-24",
        "Sources",
    ):
        assert expected in text, expected


def test_map_outlines_the_enclosing_city(sqlite_store: Store) -> None:
    build_world(sqlite_store)
    corpus = Corpus.load(sqlite_store)
    report = build_report(sqlite_store)
    points = map_points(corpus, report.events, [c.item for c in report.facilities])
    outlines = area_outlines(corpus, points)
    assert [name for name, _ in outlines] == ["El Fasher"]
    svg = to_svg(event_map(points, outlines))
    ET.fromstring(svg)
    assert "Abu Shouk" in svg and "Tawila" in svg and "El Fasher" in svg


def test_write_report_picks_the_format_by_suffix(sqlite_store: Store, tmp_path: Path) -> None:
    build_world(sqlite_store)
    assert {".md", ".html", ".pdf"} <= set(RENDERERS)
    assert write_report(sqlite_store, tmp_path / "r.html").read_text().startswith("<!doctype html>")
    assert (write_report(sqlite_store, tmp_path / "r.pdf").read_bytes()[:5]) == b"%PDF-"
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(sqlite_store, tmp_path / "r.docx")


def test_empty_store_still_reports(sqlite_store: Store) -> None:
    md = render(build_report(sqlite_store), ".md")
    assert "No figures reported." in md
    assert render(build_report(sqlite_store), ".pdf")[:5] == b"%PDF-"


def test_report_cli(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    build_world(Store(str(db)))
    out = tmp_path / "out.md"
    result = CliRunner().invoke(app, ["report", "-o", str(out), "--db", str(db), "--place", "El Fasher"])
    assert result.exit_code == 0, result.output
    assert "report written to" in result.output and out.exists()
    assert "Situation report: El Fasher" in out.read_text()
    bad = CliRunner().invoke(app, ["report", "--since", "last week", "--db", str(db)])
    assert bad.exit_code == 1 and "--since" in bad.output


def test_migration_adds_the_report_runs_table_to_an_older_database(tmp_path: Path) -> None:
    from sqlalchemy import delete, inspect

    from fogline.store.tables import TABLES, migrations_table

    db = tmp_path / "old.db"
    store = Store(str(db))
    with store.engine.begin() as conn:  # make it look like a database from before 0002
        TABLES["report_runs"].drop(conn)
        conn.execute(delete(migrations_table).where(migrations_table.c.name == "0002_report_runs"))
    store.close()
    reopened = Store(str(db))
    assert "report_runs" in inspect(reopened.engine).get_table_names()
    build_world(reopened)
    write_report(reopened, tmp_path / "r.md")
    assert reopened.count(ReportRun) == 1
