"""The situation report as PDF (ReportLab, pure Python), charts and map drawn as vector graphics.

Text is set in DejaVu Sans (shipped with matplotlib) so names in any Latin, Cyrillic or Greek script print;
every number carries bracketed footnote numbers that refer to the Sources section at the end.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from reportlab.graphics.shapes import Circle as RLCircle
from reportlab.graphics.shapes import Drawing, Polygon, PolyLine, String
from reportlab.graphics.shapes import Line as RLLine
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fogline.report import text
from fogline.report.graphics import Circle, Line, Poly, Scene, Text
from fogline.report.model import SituationReport, timeline_entries

FONT, BOLD = "Helvetica", "Helvetica-Bold"


def _fonts() -> tuple[str, str]:
    """DejaVu Sans from matplotlib's data directory when available, else the PDF base fonts."""
    global FONT, BOLD
    if FONT == "DejaVuSans":
        return FONT, BOLD
    try:
        import matplotlib

        base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(base / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(base / "DejaVuSans-Bold.ttf")))
        FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
    except Exception:  # no matplotlib fonts: fall back to Helvetica (Latin-1 only)
        pass
    return FONT, BOLD


def drawing(scene: Scene, max_width: float) -> Drawing:
    """A scene as a ReportLab drawing, scaled to fit ``max_width`` points."""
    k = min(1.0, max_width / scene.width)
    d = Drawing(scene.width * k, scene.height * k)
    h = scene.height

    def col(value: str | None) -> colors.Color | None:
        return colors.HexColor(value) if value else None

    for it in scene.items:
        if isinstance(it, Line):
            d.add(
                RLLine(
                    it.x1 * k,
                    (h - it.y1) * k,
                    it.x2 * k,
                    (h - it.y2) * k,
                    strokeColor=col(it.stroke),
                    strokeWidth=it.width * k,
                    strokeDashArray=[2, 2] if it.dash else None,
                )
            )
        elif isinstance(it, Poly):
            flat = [v for x, y in it.points for v in (x * k, (h - y) * k)]
            if it.closed:
                d.add(
                    Polygon(
                        flat, fillColor=col(it.fill), strokeColor=col(it.stroke), strokeWidth=it.width * k
                    )
                )
            else:
                d.add(PolyLine(flat, strokeColor=col(it.stroke), strokeWidth=it.width * k))
        elif isinstance(it, Circle):
            d.add(
                RLCircle(
                    it.x * k,
                    (h - it.y) * k,
                    it.r * k,
                    fillColor=col(it.fill),
                    strokeColor=col(it.stroke),
                    strokeWidth=0.5,
                )
            )
        elif isinstance(it, Text):
            d.add(
                String(
                    it.x * k,
                    (h - it.y) * k,
                    it.text,
                    fontName=BOLD if it.bold else FONT,
                    fontSize=it.size * k,
                    fillColor=col(it.fill),
                    textAnchor=it.anchor,
                )
            )
    return d


def _map_flow(
    report: SituationReport, width: float, heading: Flowable, small: ParagraphStyle
) -> list[Flowable]:
    """The map panels: the largest cluster at full width, the others two to a row, each with its caption."""
    first, *insets = report.maps
    out: list[Flowable] = [
        KeepTogether(
            [heading, drawing(first.scene, width), Paragraph(escape(text.panel_caption(first)), small)]
        )
    ]
    cell = width / 2 - 6
    for k in range(0, len(insets), 2):
        row = [
            [drawing(panel.scene, cell), Paragraph(escape(text.panel_caption(panel)), small)]
            for panel in insets[k : k + 2]
        ]
        table = Table([row], colWidths=[width / 2] * len(row), hAlign="LEFT")
        table.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        out += [Spacer(1, 6), table]
    out.append(Paragraph(escape(text.map_caption(report)), small))
    return out


def _notes(ns: list[int]) -> str:
    return f"<super>[{','.join(str(n) for n in ns)}]</super>" if ns else ""


def render_pdf(report: SituationReport) -> bytes:
    font, bold = _fonts()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    h1 = ParagraphStyle("h1", parent=styles["Title"], fontName=bold, fontSize=18, alignment=0)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName=bold, fontSize=13, spaceBefore=10)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=report.title,
        author="Fogline",
    )
    width = A4[0] - 32 * mm
    flow: list[Flowable] = [
        Paragraph(escape(report.title), h1),
        Paragraph(escape(text.scope_line(report)), small),
    ]

    def p(value: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(value, style)

    flow.append(p("Headline figures", h2))
    if report.headlines:
        rows: list[list[object]] = [
            [
                p(f"<b>{x}</b>", cell)
                for x in ("What", "Where", "Range", "Best", "Cons.", "Sources (latest figure each)", "")
            ]
        ]
        for hl in report.headlines:
            t = hl.tally
            sources = "; ".join(
                f"{escape(src)}: {escape(claim)}{_notes(hl.notes.get(src, []))}"
                for src, claim in text.source_claims(t)
            )
            status = text.status(t)
            if status == "contested":
                status = '<font color="#c0392b"><b>contested</b></font>'
            elif status == "approximate":
                status = '<font color="#8a5a00"><i>approximate</i></font>'
            rows.append(
                [
                    p(escape(text.what(t)), cell),
                    p(escape(t.place or "—"), cell),
                    p(escape(text.tally_range(t)), cell),
                    p(escape(text.best_text(t)), cell),
                    p(escape(text.value(t, t.conservative)), cell),
                    p(sources, cell),
                    p(status, cell),
                ]
            )
        table = Table(
            rows, colWidths=[22 * mm, 19 * mm, 29 * mm, 19 * mm, 19 * mm, None, 23 * mm], repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f4f8")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d9e2ec")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        flow.append(table)
        for hl in report.headlines:
            scene = report.charts.get(hl.tally.id)
            if scene is None or len(hl.tally.history) < 2:
                continue
            caption = (
                f"{escape(text.what(hl.tally))}{' in ' + escape(hl.tally.place) if hl.tally.place else ''}: "
                f"{text.history_text(hl.tally)}{_notes(sorted(set(hl.history_notes)))}"
            )
            flow.append(KeepTogether([Spacer(1, 6), p(caption, small), drawing(scene, width * 0.8)]))
    else:
        flow.append(p("No figures reported."))
    flow.append(p("What changed", h2))
    flow.append(p(escape(text.changes_heading(report))))
    flow += [p("• " + escape(c)) for c in report.changes]
    flow.append(p("Agreements and ceasefire", h2))
    flow.append(p(f"<b>{escape(text.ceasefire_line(report))}</b>"))
    flow += [p("• " + escape(text.agreement_line(c.item)) + _notes(c.notes)) for c in report.agreements]
    flow.append(p("Facilities affected", h2))
    flow += [p("• " + escape(text.facility_line(c.item)) + _notes(c.notes)) for c in report.facilities] or [
        p("None reported.")
    ]
    flow.append(p("Statements", h2))
    if text.omitted_line(report, "statements"):
        flow.append(p(f"<i>{escape(text.omitted_line(report, 'statements'))}</i>", small))
    for c in report.statements:
        s = c.item
        gist = text.statement_gist(s)
        said = f": {escape(gist)}" if gist else "."
        when = f"<b>{s.date}</b> " if s.date else ""
        flow.append(p(f"• {when}{escape(text.statement_line(s))}{said}{_notes(c.notes)}"))
    if not report.statements:
        flow.append(p("None reported."))
    if report.maps:
        flow += _map_flow(report, width, p("Map of events", h2), small)
    flow.append(p("Timeline", h2))
    if text.omitted_line(report, "timeline"):
        flow.append(p(f"<i>{escape(text.omitted_line(report, 'timeline'))}</i>", small))
    for entry, notes in timeline_entries(report):
        flags = "".join(f'<br/><font color="#b44d12">⚠ {escape(f)}</font>' for f in entry.flags)
        detail = f" — {escape(entry.detail)}" if entry.detail else ""
        flow.append(
            p(
                f"<b>{entry.date or 'undated'}</b> "
                f"<font color='#52606d'>[{entry.kind.replace('_', ' ')}]</font> "
                f"{escape(entry.title)}{detail}{_notes(notes)}{flags}",
                small,
            )
        )
    flow.append(p("Sources", h2))
    for n in report.footnotes:
        where = ", ".join(escape(x) for x in (n.title, n.published, n.url) if x)
        flow.append(p(f"[{n.n}] <b>{escape(n.source)}</b> ({where}): “{escape(n.quote.strip())}”", small))
    doc.build(flow)
    return buffer.getvalue()
