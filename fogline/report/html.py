"""The situation report as one self-contained HTML file: inline CSS, inline SVG charts and map, no CDN."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from fogline.report import text
from fogline.report.graphics import to_svg
from fogline.report.model import SituationReport, timeline_entries

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def render_html(report: SituationReport) -> str:
    template = _environment().get_template("report.html")
    return template.render(report=report, text=text, svg=to_svg, timeline=timeline_entries(report))
