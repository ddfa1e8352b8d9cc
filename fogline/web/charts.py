"""Geometry for the dashboard's inline SVG chart and map (the templates draw it; no JS, no tiles)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from fogline.report.graphics import nice_max as _nice_max
from fogline.report.labels import LabelPlacer
from fogline.schema import Entity

SERIES_COLOURS = ("#b03a2e", "#1f618d", "#7d6608", "#196f3d")
LABEL_SIZE = 11.0  # font size of the map labels in dashboard.html


@dataclass
class Series:
    label: str
    colour: str
    points: list[tuple[float, float, str, float]] = field(default_factory=list)  # x, y, date, value
    path: str = ""


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    left: int
    right: int
    top: int
    bottom: int
    empty: bool = False


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def time_chart(
    data: dict[str, dict[str, float]],
    width: int = 640,
    height: int = 220,
    colours: dict[str, str] | None = None,
) -> Chart:
    """A step chart of daily values: ``{series label: {ISO day: value}}``. Partial dates are skipped."""
    left, right, top, bottom = 56, width - 12, 12, height - 28
    days = sorted({d for values in data.values() for d in (_day(k) for k in values) if d})
    if not days:
        return Chart(width, height, [], [], [], left, right, top, bottom, empty=True)
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)
    peak = _nice_max(max((v for values in data.values() for k, v in values.items() if _day(k)), default=1))

    def x_of(day: date) -> float:
        return round(left + (right - left) * ((day - first).days / span), 1)

    def y_of(value: float) -> float:
        return round(bottom - (bottom - top) * (value / peak), 1)

    series: list[Series] = []
    for i, (label, values) in enumerate(data.items()):
        s = Series(label=label, colour=(colours or {}).get(label) or SERIES_COLOURS[i % len(SERIES_COLOURS)])
        for key in sorted(values):
            day = _day(key)
            if day is not None:
                s.points.append((x_of(day), y_of(values[key]), day.isoformat(), values[key]))
        # a step line: a reported value holds until the next report changes it
        s.path = " ".join(f"M{x},{y}" if j == 0 else f"H{x} V{y}" for j, (x, y, _, _) in enumerate(s.points))
        series.append(s)
    step = max(1, span // 6)
    x_ticks = []
    day = first
    while day <= last:
        x_ticks.append((x_of(day), day.strftime("%d %b")))
        day += timedelta(days=step)
    mantissa = peak / 10 ** math.floor(math.log10(peak))
    divisions = 4 if round(mantissa, 3) == 2 else 5
    y_ticks = [(y_of(peak * i / divisions), _fmt(peak * i / divisions)) for i in range(divisions + 1)]
    return Chart(width, height, series, x_ticks, y_ticks, left, right, top, bottom)


@dataclass
class MapPoint:
    x: float
    y: float
    r: float
    entity_id: str
    name: str
    count: int
    label: str = ""  # shown next to the point when it does not collide with another label
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"


@dataclass
class MapView:
    width: int
    height: int
    points: list[MapPoint]
    grid: list[tuple[float, float, float, float]]  # graticule lines x1, y1, x2, y2
    empty: bool = False


def place_map(places: list[tuple[Entity, int]], width: int = 480, height: int = 320) -> MapView:
    """Points for places with coordinates, sized by how many items they carry (equirectangular, fitted)."""
    located = [(e, n) for e, n in places if e.latitude is not None and e.longitude is not None]
    if not located:
        return MapView(width, height, [], [], empty=True)
    lats = [float(e.latitude) for e, _ in located]  # type: ignore[arg-type]
    lons = [float(e.longitude) for e, _ in located]  # type: ignore[arg-type]
    mid_lat = math.radians((min(lats) + max(lats)) / 2)
    x_scale = max(math.cos(mid_lat), 0.2)
    span_x = max((max(lons) - min(lons)) * x_scale, 0.02)
    span_y = max(max(lats) - min(lats), 0.02)
    pad = 30
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    cx, cy = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2

    def project(lat: float, lon: float) -> tuple[float, float]:
        return (round(width / 2 + (lon - cx) * x_scale * scale, 1), round(height / 2 - (lat - cy) * scale, 1))

    peak = max(n for _, n in located) or 1
    points = []
    for entity, count in sorted(located, key=lambda p: -p[1]):
        x, y = project(float(entity.latitude), float(entity.longitude))  # type: ignore[arg-type]
        points.append(
            MapPoint(x, y, round(4 + 14 * math.sqrt(count / peak), 1), entity.id, entity.name, count)
        )
    _place_labels(points, width, height)
    grid = []
    step = _nice_max(max(span_x / x_scale, span_y) / 4)
    lon0 = math.floor((cx - width / 2 / (x_scale * scale)) / step) * step
    while lon0 <= cx + width / 2 / (x_scale * scale):
        x, _ = project(cy, lon0)
        grid.append((x, 0.0, x, float(height)))
        lon0 += step
    lat0 = math.floor((cy - height / 2 / scale) / step) * step
    while lat0 <= cy + height / 2 / scale:
        _, y = project(lat0, cx)
        grid.append((0.0, y, float(width), y))
        lat0 += step
    return MapView(width, height, points, grid)


def _place_labels(points: list[MapPoint], width: int, height: int, max_labels: int = 15) -> None:
    """Labels for the biggest points first, beside the point (right, left, above, below), abbreviated when
    only a shorter form fits; a label that collides with another label or a point is left out (the point
    keeps its tooltip)."""
    placer = LabelPlacer(width, height, size=LABEL_SIZE, gap=3.0)
    placer.block_circles((p.x, p.y, p.r) for p in points)
    placed = 0
    for point in points:
        if placed >= max_labels:
            break
        text = point.name if len(point.name) <= 28 else point.name[:27] + "…"
        spot = placer.place(point.x, point.y, point.r, text)
        if spot is not None:
            point.label, point.label_x, point.label_y, point.anchor = spot.text, spot.x, spot.y, spot.anchor
            placed += 1
