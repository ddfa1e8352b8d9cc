"""Situation reports: ``build_report`` (data) and renderers registered by file suffix (.md, .html, .pdf)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fogline.report.model import SituationReport, build_report
from fogline.report.runs import record_run
from fogline.store import Store

Renderer = Callable[[SituationReport], str | bytes]
RENDERERS: dict[str, Renderer] = {}


def renderer(suffix: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer for a file suffix (``.md``)."""

    def register(fn: Renderer) -> Renderer:
        RENDERERS[suffix] = fn
        return fn

    return register


@renderer(".md")
def _markdown(report: SituationReport) -> str:
    from fogline.report.markdown import render_markdown

    return render_markdown(report)


@renderer(".html")
def _html(report: SituationReport) -> str:
    from fogline.report.html import render_html

    return render_html(report)


@renderer(".pdf")
def _pdf(report: SituationReport) -> bytes:
    from fogline.report.pdf import render_pdf

    return render_pdf(report)


RENDERERS[".markdown"] = RENDERERS[".md"]
RENDERERS[".htm"] = RENDERERS[".html"]


def render(report: SituationReport, suffix: str) -> str | bytes:
    """The report in the format of a file suffix."""
    fn = RENDERERS.get(suffix.lower())
    if fn is None:
        raise ValueError(f"unknown report format {suffix!r}: use one of {', '.join(sorted(RENDERERS))}")
    return fn(report)


def write_report(
    store: Store, path: str | Path, *, since: str | None = None, place: str | None = None
) -> Path:
    """Build the report, write it in the format its suffix names, and remember it for the next report."""
    path = Path(path)
    if path.suffix.lower() not in RENDERERS:
        raise ValueError(f"unknown report format {path.suffix!r}: use one of {', '.join(sorted(RENDERERS))}")
    report = build_report(store, since=since, place=place)
    content = render(report, path.suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    record_run(store, report, path)
    return path


__all__ = ["RENDERERS", "SituationReport", "build_report", "render", "renderer", "write_report"]
