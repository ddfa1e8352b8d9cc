"""The report's map panels (one per geographic cluster) and label placement on both maps."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from io import BytesIO

from pypdf import PdfReader
from test_reconcile import build_world, event

from fogline.reconcile.corpus import Corpus
from fogline.report import build_report, render
from fogline.report.graphics import Circle, Text, to_svg
from fogline.report.labels import LabelPlacer, abbreviations, overlaps, text_box
from fogline.report.maps import MAX_PANELS, MapPoint, clusters, distance_km, event_map, map_panels
from fogline.schema import Document, Entity, EntityKind, Extraction
from fogline.store import Store
from fogline.web.charts import LABEL_SIZE, place_map


def _place(
    pid: str, name: str, lat: float, lon: float, level: str = "city", parent: str | None = None
) -> Entity:
    return Entity(
        id=pid, kind=EntityKind.PLACE, name=name, type=level, latitude=lat, longitude=lon, parent_id=parent
    )


# a second crisis far from El Fasher: a city with two neighbourhoods, a town nearby, a country centre
KHARKIV = _place("pl-kharkiv", "Kharkiv", 49.99, 36.23, parent="pl-ua")
SALTIVKA = _place("pl-saltivka", "Saltivka", 50.03, 36.29, "neighbourhood", "pl-kharkiv")
KHOLODNA = _place("pl-kholodna", "Kholodna Hora", 49.99, 36.19, "neighbourhood", "pl-kharkiv")
IZIUM = _place("pl-izium", "Izium", 49.21, 37.26, parent="pl-ua")  # ~110 km away: same panel
UKRAINE = _place("pl-ua", "Ukraine", 49.0, 31.5, "country")


def _second_crisis(store: Store) -> None:
    doc = Document(
        id="k1",
        text="A report on shelling in a second city, written for the map tests.",
        title="Shelling in the north-east",
        outlet="Wire K",
        published="2025-10-28",
        content_hash="k1",
    )
    events = [
        event("k1", 1, place_id="pl-saltivka", actor1_id=None, actor1="unknown forces"),
        event("k1", 2, place_id="pl-kholodna", actor1_id=None, actor1="unknown forces"),
        event("k1", 3, place_id="pl-izium", actor1_id=None, actor1="unknown forces"),
        event("k1", 4, place_id="pl-ua", actor1_id=None, actor1="unknown forces"),
    ]
    store.save(
        Extraction(document=doc, entities=[UKRAINE, KHARKIV, SALTIVKA, KHOLODNA, IZIUM], events=events)
    )


def test_two_crises_get_two_panels_largest_first(sqlite_store: Store) -> None:
    build_world(sqlite_store)
    _second_crisis(sqlite_store)
    report = build_report(sqlite_store)
    names = [p.name for p in report.maps]
    assert len(names) == 2, names
    assert "El Fasher" in names[0] and "Kharkiv" in names[1]  # El Fasher has more reports
    assert report.maps[0].weight >= report.maps[1].weight
    assert report.map is report.maps[0].scene
    kharkiv = report.maps[1]
    assert {p.label for p in kharkiv.points} >= {"Saltivka", "Izium"}  # Izium joins its neighbour's panel
    assert report.map_coarse == ["Ukraine (1)"]  # a country centre is listed, not drawn
    # each panel has its own extent: the Kharkiv panel is not stretched over Sudan, nor the other way
    assert all(distance_km(a, b) < 400 for a, b in itertools.combinations(kharkiv.points, 2))
    html = render(report, ".html")
    assert isinstance(html, str)
    maps = re.findall(r'<svg[^>]*aria-label="Map of reported events[^"]*".*?</svg>', html, flags=re.S)
    assert len(maps) == 2
    for svg in maps:
        ET.fromstring(svg)
        assert " km</text>" in svg or " m</text>" in svg  # a scale bar
    assert "Ukraine (1)" in html and "<script" not in html
    pdf = render(report, ".pdf")
    assert isinstance(pdf, bytes)
    words = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "Kharkiv" in words and "El Fasher" in words and "Map of events" in words


def test_panels_are_capped_and_the_rest_listed(sqlite_store: Store) -> None:
    places = [_place(f"pl-{i}", f"Town {i}", 10.0 + 5 * i, 20.0) for i in range(MAX_PANELS + 2)]
    sqlite_store.save(
        Extraction(
            document=Document(id="x", text="t", content_hash="x", outlet="W", published="2025-01-01"),
            entities=places,
        )
    )
    corpus = Corpus.load(sqlite_store)
    points = [
        MapPoint(e.latitude or 0, e.longitude or 0, e.name, weight=10 - i, place_id=e.id)
        for i, e in enumerate(places)
    ]
    panels, others, wide = map_panels(corpus, points)
    assert [p.name for p in panels] == [f"Town {i}" for i in range(MAX_PANELS)]
    assert others == [f"Town {i} ({10 - i})" for i in range(MAX_PANELS, MAX_PANELS + 2)]
    assert wide == []
    assert panels[0].scene.width > panels[1].scene.width  # the largest cluster is the main panel


def test_clusters_join_places_within_the_radius() -> None:
    a = MapPoint(36.20, 37.15, "A", weight=2)
    b = MapPoint(36.60, 37.10, "B", weight=1)  # ~45 km from A
    c = MapPoint(13.63, 25.35, "C", weight=5)  # another country
    d = MapPoint(38.50, 37.00, "D", weight=1)  # ~210 km from B, ~255 km from A: chained in
    groups = clusters([a, b, c, d], radius_km=300)
    assert [[p.label for p in g] for g in groups] == [["C"], ["A", "B", "D"]]
    assert [[p.label for p in g] for g in clusters([a, b, c, d], radius_km=100)] == [["C"], ["A", "B"], ["D"]]
    assert round(distance_km(a, b)) in range(40, 50)


def _close_points() -> list[MapPoint]:
    """Twelve places a few hundred metres apart, with long and short names, and one village far enough
    away to squeeze them together on the map."""
    names = [
        "Old Market",
        "Al Salam",
        "North Gate",
        "Hospital Road",
        "Riverside",
        "East Camp",
        "Station Quarter; Central Clinic",
        "Hill",
        "Bridge",
        "Airport Road",
        "New Town",
        "West Souk",
    ]
    return [
        MapPoint(13.60 + 0.002 * (i % 4), 25.30 + 0.003 * (i // 4), name, weight=1 + i % 3)
        for i, name in enumerate(names)
    ] + [MapPoint(13.66, 25.40, "Far Village")]


def _label_boxes(scene_items: Sequence[object]) -> list[tuple[float, float, float, float]]:
    return [
        text_box(t.x, t.y, t.text, t.size, t.anchor)
        for t in scene_items
        if isinstance(t, Text) and t.size == 8.5
    ]


def test_report_map_labels_never_overlap_and_every_point_is_kept() -> None:
    points = _close_points()
    scene = event_map(points, [], title="Test town")
    boxes = _label_boxes(scene.items)
    shortened = [t for t in scene.items if isinstance(t, Text) and t.text.endswith("…")]
    assert boxes and (len(boxes) < len(points) or shortened)  # crowded: some labels go or get shorter
    assert not any(overlaps(a, b) for a, b in itertools.combinations(boxes, 2))
    circles = [c for c in scene.items if isinstance(c, Circle)]
    assert len(circles) == len(points)
    for box in boxes:  # inside the frame and clear of every dot
        assert box[0] >= 0 and box[2] <= scene.width and box[1] >= 0 and box[3] <= scene.height
        assert not any(overlaps(box, (c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r)) for c in circles)
    assert to_svg(event_map(points, [], title="Test town")) == to_svg(scene)  # deterministic
    assert "<title>Station Quarter; Central Clinic (1)</title>" in to_svg(scene)  # full name as a tooltip


def test_dashboard_map_labels_never_overlap() -> None:
    places = [
        (Entity(id=f"p{i}", kind=EntityKind.PLACE, name=p.label, latitude=p.lat, longitude=p.lon), p.weight)
        for i, p in enumerate(_close_points())
    ]
    view = place_map(places)
    labelled = [p for p in view.points if p.label]
    assert labelled and len(view.points) == len(places)
    boxes = [text_box(p.label_x, p.label_y, p.label, LABEL_SIZE, p.anchor) for p in labelled]
    assert not any(overlaps(a, b) for a, b in itertools.combinations(boxes, 2))
    again = place_map(places)
    assert [(p.label, p.label_x, p.label_y) for p in again.points] == [
        (p.label, p.label_x, p.label_y) for p in view.points
    ]


def test_placer_tries_right_left_above_below_then_abbreviates() -> None:
    placer = LabelPlacer(200, 100, size=10)
    first = placer.place(50, 50, 4, "Alpha")
    assert first is not None and first.anchor == "start" and first.x > 54  # right of the point
    second = placer.place(50, 50, 4, "Bravo")
    assert second is not None and second.anchor == "end"  # right is taken: left
    third = placer.place(50, 50, 4, "Cc")
    fourth = placer.place(50, 50, 4, "Dd")
    assert third is not None and fourth is not None
    assert third.anchor == fourth.anchor == "middle" and third.y < 50 < fourth.y  # above, then below
    assert placer.place(50, 50, 4, "Echo") is None  # nowhere left: no label
    narrow = LabelPlacer(60, 30, size=10)
    short = narrow.place(5, 15, 2, "Very long district name")
    assert short is not None and short.text.endswith("…") and short.box[2] <= 60
    assert abbreviations("Sheikh Maqsoud; Khalid Fajr Hospital")[1] == "Sheikh Maqsoud…"
