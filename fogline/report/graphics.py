"""Charts and the offline map as a small vector scene that renders to SVG (HTML) and to ReportLab (PDF).

The offline map panels (``fogline.report.maps``) are drawn with the same scene items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

from fogline.reconcile.tallies import HistoryPoint, Tally, _day

INK = "#1f2933"
MUTED = "#7b8794"
GRID = "#d9e2ec"
ACCENT = "#c0392b"
BAND = "#f5c6c0"
POINT = "#2c6e9b"
MAX_CHART_POINTS = 60


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = INK
    width: float = 1.0
    dash: bool = False


@dataclass
class Poly:
    points: list[tuple[float, float]]
    stroke: str | None = INK
    fill: str | None = None
    width: float = 1.0
    closed: bool = False


@dataclass
class Circle:
    x: float
    y: float
    r: float
    fill: str = POINT
    stroke: str = "#ffffff"
    title: str = ""  # a tooltip in SVG (the full label, even when the drawn one is shortened or left out)


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 9.0
    anchor: str = "start"  # start, middle, end
    fill: str = INK
    bold: bool = False


@dataclass
class Scene:
    width: float
    height: float
    title: str = ""
    items: list[Line | Poly | Circle | Text] = field(default_factory=list)


# -- SVG --------------------------------------------------------------------------------------------


def to_svg(scene: Scene) -> str:
    """The scene as an inline ``<svg>`` element (no external references)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {scene.width:.0f} {scene.height:.0f}" '
        f'width="{scene.width:.0f}" height="{scene.height:.0f}" role="img" '
        f'aria-label="{escape(scene.title)}">'
    ]
    for it in scene.items:
        if isinstance(it, Line):
            dash = ' stroke-dasharray="3 3"' if it.dash else ""
            out.append(
                f'<line x1="{it.x1:.1f}" y1="{it.y1:.1f}" x2="{it.x2:.1f}" y2="{it.y2:.1f}" '
                f'stroke="{it.stroke}" stroke-width="{it.width}"{dash}/>'
            )
        elif isinstance(it, Poly):
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in it.points)
            tag = "polygon" if it.closed else "polyline"
            out.append(
                f'<{tag} points="{pts}" fill="{it.fill or "none"}" stroke="{it.stroke or "none"}" '
                f'stroke-width="{it.width}"/>'
            )
        elif isinstance(it, Circle):
            end = f"><title>{escape(it.title)}</title></circle>" if it.title else "/>"
            out.append(
                f'<circle cx="{it.x:.1f}" cy="{it.y:.1f}" r="{it.r:.1f}" '
                f'fill="{it.fill}" stroke="{it.stroke}"{end}'
            )
        else:
            weight = ' font-weight="bold"' if it.bold else ""
            out.append(
                f'<text x="{it.x:.1f}" y="{it.y:.1f}" font-size="{it.size}" text-anchor="{it.anchor}" '
                f'fill="{it.fill}" font-family="sans-serif"{weight}>{escape(it.text)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


# -- tally chart ------------------------------------------------------------------------------------


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × a power of ten)."""
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return step * exp
    return 10 * exp


def _short(n: float) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g}M"
    if n >= 1000:
        return f"{n / 1000:g}k"
    return f"{n:g}"


def thin(history: list[HistoryPoint], limit: int = MAX_CHART_POINTS) -> list[HistoryPoint]:
    """At most ``limit`` points for a chart: the extremes and evenly spaced points in between."""
    if len(history) <= limit:
        return history
    keep = {0, len(history) - 1, max(range(len(history)), key=lambda i: history[i].value)}
    step = (len(history) - 1) / (limit - len(keep))
    keep |= {round(k * step) for k in range(limit - len(keep))}
    return [history[i] for i in sorted(keep)]


def tally_chart(tally: Tally, width: float = 480, height: float = 170) -> Scene:
    """The tally over time: the low–high band, the best estimate, and each source's claim as a point."""
    scene = Scene(width, height, title=f"{tally.label} over time")
    left, right, top, bottom = 46.0, 14.0, 18.0, 28.0
    pw, ph = width - left - right, height - top - bottom
    points = thin(tally.history)
    days = [_day(p.date) for p in points]
    dated = all(days)
    if dated:
        first = min(d for d in days if d)
        span = max(1, (max(d for d in days if d) - first).days)

        def xpos(i: int) -> float:
            d = days[i]
            assert d is not None and first is not None
            return left + pw * (d - first).days / span
    else:

        def xpos(i: int) -> float:
            return left + pw * (i / max(1, len(points) - 1))

    top_value = nice_max(max([p.high for p in points] + [p.value for p in points] + [1]))

    def ypos(v: float) -> float:
        return top + ph * (1 - v / top_value)

    for frac in (0, 0.5, 1):
        y = ypos(top_value * frac)
        scene.items.append(Line(left, y, left + pw, y, stroke=GRID))
        scene.items.append(Text(left - 6, y + 3, _short(top_value * frac), size=8, anchor="end", fill=MUTED))
    xs = [xpos(i) for i in range(len(points))]
    if len(points) > 1:
        upper = [(x, ypos(p.high)) for x, p in zip(xs, points, strict=True)]
        lower = [(x, ypos(p.low)) for x, p in zip(xs, points, strict=True)]
        scene.items.append(Poly(upper + lower[::-1], stroke=None, fill=BAND, closed=True))
        scene.items.append(
            Poly([(x, ypos(p.best)) for x, p in zip(xs, points, strict=True)], stroke=ACCENT, width=2)
        )
    labelled = (
        set(range(len(points)))
        if len(points) <= 15
        else {
            len(points) - 1,
            max(range(len(points)), key=lambda i: points[i].value),
        }
    )
    for i, (x, p) in enumerate(zip(xs, points, strict=True)):
        scene.items.append(Circle(x, ypos(p.value), 3.5 if len(points) <= 40 else 2, fill=POINT))
        if i in labelled:
            scene.items.append(
                Text(x, ypos(p.value) - 6, _short(p.value), size=7.5, anchor="middle", fill=INK)
            )
    labels = {0: points[0].date or "first report", len(points) - 1: points[-1].date or "latest report"}
    for i, label in labels.items():
        anchor = "start" if i == 0 else "end"
        scene.items.append(Text(xs[i], height - 10, label, size=8, anchor=anchor, fill=MUTED))
    scene.items.append(Text(left, 11, "band: low–high · line: best · dots: each report", size=8, fill=MUTED))
    return scene
