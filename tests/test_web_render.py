"""Rendering helpers of the web app: highlight segments and the SVG chart/map geometry."""

from __future__ import annotations

from test_web import PLACES

from fogline.schema import Entity, Figure, Mention


def test_segments_cover_the_text_with_innermost_item_first() -> None:
    from fogline.web.highlight import segments

    text = "At least 12 civilians died in Kadugli."
    outer = Figure(id="f", start=0, end=21)
    inner = Mention(id="m", start=9, end=11, label="DATE")
    place = Mention(id="p", start=30, end=37, label="PLACE")
    segs = segments(text, [outer, inner, place])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.items, s.kind) for s in segs] == [
        ("At least ", ["f"], "figure"),
        ("12", ["m", "f"], "date"),
        (" civilians", ["f"], "figure"),
        (" died in ", [], ""),
        ("Kadugli", ["p"], "place"),
        (".", [], ""),
    ]


def test_chart_and_map_geometry() -> None:
    from fogline.web.charts import place_map, time_chart

    chart = time_chart({"high": {"2025-03-01": 10, "2025-03-05": 40}, "low": {"2025-03-01": 5, "2025": 99}})
    high, low = chart.series
    assert [p[2] for p in high.points] == ["2025-03-01", "2025-03-05"] and len(
        low.points
    ) == 1  # "2025" skipped
    assert high.points[0][0] == chart.left and high.points[1][0] == chart.right
    assert chart.y_ticks[-1][1] == "50" and high.points[1][1] < high.points[0][1]  # higher value, higher up
    assert time_chart({}).empty
    view = place_map([(PLACES[2], 5), (PLACES[4], 1), (Entity(id="x", name="nowhere"), 3)])
    assert [p.entity_id for p in view.points] == ["pl-kadugli", "pl-elobeid"]
    kadugli, elobeid = view.points
    assert kadugli.r > elobeid.r and kadugli.y > elobeid.y  # El Obeid is further north
    assert all(0 <= p.x <= view.width and 0 <= p.y <= view.height for p in view.points)
    assert place_map([]).empty
