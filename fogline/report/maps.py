"""The report's offline map: one inset panel per geographic cluster of located events and facilities.

No tiles, no CDN. Places closer than ``CLUSTER_KM`` to each other (single linkage) form a cluster; each
cluster gets its own panel with its own extent and scale bar, the most reported cluster first, at most
``MAX_PANELS`` (the others are listed). A panel is an equirectangular projection (x scaled by the cosine of
the mean latitude) with a graticule, each city's extent drawn as the hull of its known places, and labelled
points. Events located only at country or province level are not drawn: a dot at a country's centre would
stretch a neighbourhood map over hundreds of kilometres; they are listed instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fogline.reconcile.corpus import ANCHOR_RANK, LEVEL_RANK, Corpus
from fogline.report.graphics import ACCENT, GRID, INK, MUTED, POINT, Circle, Line, Poly, Scene, Text
from fogline.report.labels import LabelPlacer, text_box
from fogline.schema import PlaceLevel

if TYPE_CHECKING:
    from fogline.reconcile.digest import FacilityItem
    from fogline.reconcile.events import MergedEvent

CLUSTER_KM = 300.0  # places closer than this share a panel
MAX_PANELS = 4
COARSE_RANK = LEVEL_RANK[PlaceLevel.ADMIN1.value]  # country and province points are listed, not drawn
EARTH_KM = 6371.0
KM_PER_DEGREE = math.pi * EARTH_KM / 180
MAIN_SIZE = (520.0, 340.0)  # the largest cluster
INSET_SIZE = (340.0, 240.0)  # the others
LABEL_SIZE = 8.5
FINE_SPAN, CITY_SPAN = 0.01, 0.2  # the least a panel spans, in degrees: neighbourhood-level, city-level dots
BACKGROUND = "#f8fafc"


@dataclass
class MapPoint:
    lat: float
    lon: float
    label: str
    weight: int = 1
    kind: str = "event"  # event, facility
    place_id: str | None = None


@dataclass
class MapPanel:
    """One inset map: a cluster of nearby points, its name, how many reports it has, and its drawing."""

    name: str
    points: list[MapPoint]
    weight: int
    scene: Scene


# -- clusters ---------------------------------------------------------------------------------------


def distance_km(a: MapPoint, b: MapPoint) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def clusters(points: list[MapPoint], radius_km: float = CLUSTER_KM) -> list[list[MapPoint]]:
    """Points joined when closer than ``radius_km`` (single linkage), most reported cluster first."""
    order = sorted(range(len(points)), key=lambda i: (points[i].lat, points[i].lon, points[i].label))
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    window = radius_km / KM_PER_DEGREE  # latitude difference beyond which no pair can be close
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if points[j].lat - points[i].lat > window:
                break
            if distance_km(points[i], points[j]) <= radius_km:
                parent[root(j)] = root(i)
    groups: dict[int, list[MapPoint]] = {}
    for i in order:
        groups.setdefault(root(i), []).append(points[i])
    return sorted(
        groups.values(), key=lambda g: (-sum(p.weight for p in g), -len(g), min(p.label for p in g))
    )


def cluster_name(corpus: Corpus, points: list[MapPoint], most: int = 2) -> str:
    """The most reported cities (or areas) of a cluster: "El Fasher, Tawila"; "…" when there are more."""
    weights: dict[str, int] = {}
    for p in points:
        anchor = corpus.anchor(p.place_id)
        name = corpus.name(anchor) if anchor else None
        key = name or p.label
        weights[key] = weights.get(key, 0) + p.weight
    names = sorted(weights, key=lambda n: (-weights[n], n))
    return ", ".join(names[:most]) + (", …" if len(names) > most else "")


def coarse(corpus: Corpus, point: MapPoint) -> bool:
    """Located only at country or province level (its dot would be a country's or province's centre)."""
    return point.place_id is not None and corpus.level_rank(point.place_id) <= COARSE_RANK


def map_panels(
    corpus: Corpus,
    points: list[MapPoint],
    *,
    limit: int = MAX_PANELS,
    radius_km: float = CLUSTER_KM,
) -> tuple[list[MapPanel], list[str], list[str]]:
    """Panels for the ``limit`` most reported clusters, the other clusters ("Khartoum (3)") and the points
    located only at country or province level ("Syria (2)"), neither drawn."""
    fine = [p for p in points if not coarse(corpus, p)]
    wide = [
        f"{p.label} ({p.weight})" for p in sorted(points, key=lambda p: (-p.weight, p.label)) if p not in fine
    ]
    groups = clusters(fine, radius_km)
    panels = []
    for k, group in enumerate(groups[:limit]):
        name = cluster_name(corpus, group)
        width, height = MAIN_SIZE if k == 0 else INSET_SIZE
        # a map of city-level dots spans a city at least, not the few hundred metres of a neighbourhood map
        precise = any(corpus.level_rank(p.place_id) > ANCHOR_RANK for p in group)
        span = FINE_SPAN if precise else CITY_SPAN
        scene = event_map(group, area_outlines(corpus, group), width, height, title=name, min_span=span)
        panels.append(MapPanel(name, group, sum(p.weight for p in group), scene))
    others = [f"{cluster_name(corpus, g)} ({sum(p.weight for p in g)})" for g in groups[limit:]]
    return panels, others, wide


# -- one panel --------------------------------------------------------------------------------------


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


def _step(span: float, lines: int = 6) -> float:
    for step in (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20):
        if span / step <= lines:
            return step
    return 30.0


def _degrees(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + "°"


def nice_distance(km: float) -> float:
    """The largest 1, 2 or 5 × a power of ten kilometres not above ``km``."""
    if km <= 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(km))
    return max(step * exp for step in (1, 2, 5) if step * exp <= km)


def _distance_text(km: float) -> str:
    return f"{km * 1000:g} m" if km < 1 else f"{km:g} km"


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
    width: float = MAIN_SIZE[0],
    height: float = MAIN_SIZE[1],
    *,
    title: str = "",
    min_span: float = FINE_SPAN,
) -> Scene:
    """Labelled points over a graticule, the outlines of their enclosing areas, a title and a scale bar."""
    scene = Scene(width, height, title=f"Map of reported events{': ' + title if title else ''}")
    lats = [p.lat for p in points] + [lat for _, pts in outlines for lat, _ in pts]
    lons = [p.lon for p in points] + [lon for _, pts in outlines for _, lon in pts]
    pad = 0.12
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    dlat, dlon = max(lat1 - lat0, min_span), max(lon1 - lon0, min_span)
    mid_lat, mid_lon = (lat0 + lat1) / 2, (lon0 + lon1) / 2
    lat0, lat1 = mid_lat - dlat * (0.5 + pad), mid_lat + dlat * (0.5 + pad)
    lon0, lon1 = mid_lon - dlon * (0.5 + pad), mid_lon + dlon * (0.5 + pad)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    margin = 30.0
    scale = min((width - 2 * margin) / ((lon1 - lon0) * kx), (height - 2 * margin) / (lat1 - lat0))
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2

    def proj(lat: float, lon: float) -> tuple[float, float]:
        return width / 2 + (lon - cx) * kx * scale, height / 2 - (lat - cy) * scale

    scene.items.append(
        Poly([(0, 0), (width, 0), (width, height), (0, height)], stroke=GRID, fill=BACKGROUND, closed=True)
    )
    _graticule(scene, proj, (lat0, lat1, lon0, lon1))
    placer = LabelPlacer(width, height, size=LABEL_SIZE)
    dots = []
    for p in sorted(points, key=lambda p: (-p.weight, p.label)):
        x, y = proj(p.lat, p.lon)
        dots.append((x, y, 4 + min(8, 2 * math.sqrt(p.weight)), p))
    placer.block_circles((x, y, r) for x, y, r, _ in dots)
    if title:
        _title(scene, placer, title)
    _scale_bar(scene, placer, KM_PER_DEGREE / scale)
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
        top, bottom = min(y for _, y in ring), max(y for _, y in ring)
        for ty in (top - 4, bottom + 12):  # the area's name above its outline, else below
            box = text_box(mx, ty, name, 9, "middle")
            if placer.free(box):
                placer.block(box)
                scene.items.append(Text(mx, ty, name, size=9, anchor="middle", fill=MUTED, bold=True))
                break
    for x, y, r, p in dots:
        colour = ACCENT if p.kind == "facility" else POINT
        scene.items.append(Circle(x, y, r, fill=colour, title=f"{p.label} ({p.weight})"))
    for x, y, r, p in dots:
        spot = placer.place(x, y, r, p.label)
        if spot is not None:
            scene.items.append(Text(spot.x, spot.y, spot.text, size=LABEL_SIZE, anchor=spot.anchor))
    return scene


def _graticule(
    scene: Scene,
    proj: Callable[[float, float], tuple[float, float]],
    extent: tuple[float, float, float, float],
) -> None:
    lat0, lat1, lon0, lon1 = extent
    width, height = scene.width, scene.height
    step = _step(max(lat1 - lat0, lon1 - lon0), 6 if width >= 480 else 4)
    lat = math.floor(lat0 / step) * step
    while lat <= lat1:
        _, y = proj(lat, lon0)
        if 0 <= y <= height:
            scene.items.append(Line(0, y, width, y, stroke=GRID, dash=True))
            scene.items.append(Text(3, y - 2, _degrees(lat), size=7, fill=MUTED))
        lat += step
    lon = math.floor(lon0 / step) * step
    while lon <= lon1:
        x, _ = proj(lat0, lon)
        if 0 <= x <= width:
            scene.items.append(Line(x, 0, x, height, stroke=GRID, dash=True))
            scene.items.append(Text(x + 2, height - 4, _degrees(lon), size=7, fill=MUTED))
        lon += step


def _title(scene: Scene, placer: LabelPlacer, title: str) -> None:
    """The panel's name in its top-left corner, on a plain background."""
    box = text_box(8, 16, title, 10)
    x0, y0, x1, y1 = box[0] - 4, box[1] - 3, box[2] + 4, box[3] + 3
    scene.items.append(
        Poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], stroke=GRID, fill="#ffffff", closed=True)
    )
    scene.items.append(Text(8, 16, title, size=10, fill=INK, bold=True))
    placer.block((x0, y0, x1, y1))


def _scale_bar(scene: Scene, placer: LabelPlacer, km_per_px: float) -> None:
    """A scale bar in the top-right corner: the longest round distance up to a fifth of the width."""
    km = nice_distance(scene.width / 5 * km_per_px)
    if km <= 0:
        return
    length = km / km_per_px
    x1, y = scene.width - 10, 22.0
    x0 = x1 - length
    label = _distance_text(km)
    scene.items.append(Line(x0, y, x1, y, stroke=INK, width=2))
    scene.items.append(Line(x0, y - 4, x0, y + 1, stroke=INK))
    scene.items.append(Line(x1, y - 4, x1, y + 1, stroke=INK))
    scene.items.append(Text((x0 + x1) / 2, y - 5, label, size=7.5, anchor="middle", fill=INK))
    placer.block((x0 - 2, y - 5 - 7.5, x1 + 2, y + 3))


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
