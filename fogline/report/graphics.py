"""Charts and the offline map as a small vector scene that renders to SVG (HTML) and to ReportLab (PDF).

No tiles, no CDN: the map is an equirectangular projection (x scaled by cos of the mean latitude) with a
graticule, each city's extent drawn as the convex hull of its known places, and labelled event points.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from fogline.reconcile.corpus import Corpus
from fogline.reconcile.tallies import HistoryPoint, Tally, _day

if TYPE_CHECKING:
    from fogline.reconcile.digest import FacilityItem
    from fogline.reconcile.events import MergedEvent

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
            out.append(
                f'<circle cx="{it.x:.1f}" cy="{it.y:.1f}" r="{it.r:.1f}" '
                f'fill="{it.fill}" stroke="{it.stroke}"/>'
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


# -- map --------------------------------------------------------------------------------------------


@dataclass
class MapPoint:
    lat: float
    lon: float
    label: str
    weight: int = 1
    kind: str = "event"  # event, facility
    place_id: str | None = None


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _step(span: float) -> float:
    for step in (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20):
        if span / step <= 6:
            return step
    return 30.0


def area_outlines(corpus: Corpus, points: list[MapPoint]) -> list[tuple[str, list[tuple[float, float]]]]:
    """Each enclosing city/area of the points, outlined by the extent of its known places (lat, lon)."""
    areas: dict[str, list[tuple[float, float]]] = {}
    anchors = set()
    for ent in corpus.entities.values():
        if ent.latitude is None or ent.longitude is None or ent.kind != "place":
            continue
        for pid in corpus.chain(ent.id):
            areas.setdefault(pid, []).append((ent.latitude, ent.longitude))
    for p in points:
        anchor = corpus.anchor(p.place_id)
        if anchor and anchor != p.place_id:
            anchors.add(anchor)
    return [(corpus.name(a) or a, areas[a]) for a in sorted(anchors) if len(areas.get(a, [])) >= 2]


def event_map(
    points: list[MapPoint],
    outlines: list[tuple[str, list[tuple[float, float]]]],
    width: float = 520,
    height: float = 340,
) -> Scene:
    """Labelled points over a graticule and the outlines of their enclosing areas."""
    scene = Scene(width, height, title="Map of reported events")
    lats = [p.lat for p in points] + [lat for _, pts in outlines for lat, _ in pts]
    lons = [p.lon for p in points] + [lon for _, pts in outlines for _, lon in pts]
    pad = 0.12
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    dlat, dlon = max(lat1 - lat0, 0.01), max(lon1 - lon0, 0.01)
    lat0, lat1, lon0, lon1 = lat0 - dlat * pad, lat1 + dlat * pad, lon0 - dlon * pad, lon1 + dlon * pad
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    margin = 30.0
    scale = min((width - 2 * margin) / ((lon1 - lon0) * kx), (height - 2 * margin) / (lat1 - lat0))
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2

    def proj(lat: float, lon: float) -> tuple[float, float]:
        return width / 2 + (lon - cx) * kx * scale, height / 2 - (lat - cy) * scale

    scene.items.append(
        Poly([(0, 0), (width, 0), (width, height), (0, height)], stroke=GRID, fill="#f8fafc", closed=True)
    )
    step = _step(max(lat1 - lat0, lon1 - lon0))
    lat = math.floor(lat0 / step) * step
    while lat <= lat1:
        _, y = proj(lat, lon0)
        if 0 <= y <= height:
            scene.items.append(Line(0, y, width, y, stroke=GRID, dash=True))
            scene.items.append(Text(3, y - 2, f"{lat:.3f}°".rstrip("0").rstrip(".") + "", size=7, fill=MUTED))
        lat += step
    lon = math.floor(lon0 / step) * step
    while lon <= lon1:
        x, _ = proj(lat0, lon)
        if 0 <= x <= width:
            scene.items.append(Line(x, 0, x, height, stroke=GRID, dash=True))
            scene.items.append(Text(x + 2, height - 4, f"{lon:.3f}°", size=7, fill=MUTED))
        lon += step
    for name, pts in outlines:
        # the hull of small circles around each known place: rounded even for one, two or collinear places
        blob = [
            (x + 16 * math.cos(k * math.pi / 8), y + 16 * math.sin(k * math.pi / 8))
            for x, y in (proj(a, b) for a, b in pts)
            for k in range(16)
        ]
        ring = _hull(blob)
        scene.items.append(Poly(ring, stroke=MUTED, fill="#eef2f7", closed=True, width=1.2))
        mx = sum(x for x, _ in ring) / len(ring)
        top_y = min(y for _, y in ring)
        scene.items.append(Text(mx, max(12, top_y - 4), name, size=9, anchor="middle", fill=MUTED, bold=True))
    placed: list[tuple[float, float, float, float]] = []
    dots = []
    for p in sorted(points, key=lambda p: -p.weight):
        x, y = proj(p.lat, p.lon)
        r = 4 + min(8, 2 * math.sqrt(p.weight))
        scene.items.append(Circle(x, y, r, fill=ACCENT if p.kind == "facility" else POINT))
        dots.append((x, y, r, p.label))
    for x, y, r, label in dots:
        scene.items.append(_label(x, y, r, label, width, placed))
    return scene


def _label(
    x: float, y: float, r: float, label: str, width: float, placed: list[tuple[float, float, float, float]]
) -> Text:
    """A label beside its dot, moved to the first free spot (right, left, then stepping down/up)."""
    size = 8.5
    w, h = 0.55 * size * len(label), size + 2
    candidates = []
    for dy in (0, h, -h, 2 * h, -2 * h, 3 * h, -3 * h):
        candidates.append((x + r + 2, y + 3 + dy, "start"))
        candidates.append((x - r - 2, y + 3 + dy, "end"))
    for tx, ty, anchor in candidates:
        left = tx if anchor == "start" else tx - w
        box = (left, ty - size, left + w, ty + 2)
        if box[0] < 0 or box[2] > width:
            continue
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            placed.append(box)
            return Text(tx, ty, label, size=size, anchor=anchor)
    return Text(x + r + 2, y + 3, label, size=size)


def focus(corpus: Corpus, points: list[MapPoint]) -> tuple[list[MapPoint], list[str]]:
    """The points of the most reported city/area (neighbourhood-level map) and the places left out."""
    if not points:
        return [], []
    weights: dict[str | None, int] = {}
    for p in points:
        anchor = corpus.anchor(p.place_id)
        weights[anchor] = weights.get(anchor, 0) + p.weight
    main = max(weights, key=lambda a: (weights[a], a is not None, a or ""))
    kept = [p for p in points if corpus.anchor(p.place_id) == main]
    left_out = [f"{p.label} ({p.weight})" for p in points if p not in kept]
    return kept, left_out


def map_points(corpus: Corpus, events: list[MergedEvent], facilities: list[FacilityItem]) -> list[MapPoint]:
    """Points for merged events and affected facilities that have coordinates, merged per location."""
    by_place: dict[tuple[float, float], MapPoint] = {}
    for ev in events:
        if ev.latitude is None or ev.longitude is None:
            continue
        key = (ev.latitude, ev.longitude)
        if key in by_place:
            by_place[key].weight += ev.mention_count
        else:
            by_place[key] = MapPoint(
                ev.latitude, ev.longitude, ev.place or "", weight=ev.mention_count, place_id=ev.place_id
            )
    out = list(by_place.values())
    for fa in facilities:
        ent = corpus.entity(fa.facility_id)
        coords = (ent.latitude, ent.longitude) if ent and ent.latitude is not None else None
        coords = coords or corpus.place_coords(fa.place_id)
        if coords and coords[0] is not None and coords[1] is not None:
            out.append(
                MapPoint(
                    float(coords[0]), float(coords[1]), fa.facility, kind="facility", place_id=fa.place_id
                )
            )
    merged: dict[tuple[float, float], MapPoint] = {}
    for p in out:  # one dot and one label per location
        key = (round(p.lat, 4), round(p.lon, 4))
        label = p.label or f"{p.lat:.3f}, {p.lon:.3f}"
        if key in merged:
            first = merged[key]
            first.label = f"{first.label}; {label}" if label not in first.label else first.label
            first.weight += p.weight if p.kind == "event" else 0
            first.kind = "facility" if p.kind == "facility" else first.kind
        else:
            p.label = label
            merged[key] = p
    return list(merged.values())
