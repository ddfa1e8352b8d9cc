"""Rendering helpers of the web app: highlight segments and the SVG chart/map geometry."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient
from test_reconcile import _doc, fig
from test_web import PLACES, app_for

from fogline.schema import Entity, Extraction, Figure, Measure, Mention, Qualifier, VictimGroup
from fogline.store import Store


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


def test_dashboard_puts_counted_tallies_first_and_marks_vague_ones(sqlite_store: Store) -> None:
    dozens = dict(measure=Measure.INJURED, group=VictimGroup.CHILDREN, qualifier=Qualifier.VAGUE)
    sqlite_store.save(
        Extraction(
            document=_doc("d1"), figures=[fig("d1", 1, 12, 99, number_text="dozens", source="A", **dozens)]
        )
    )
    sqlite_store.save(
        Extraction(
            document=_doc("d2"), figures=[fig("d2", 1, 12, 99, number_text="dozens", source="B", **dozens)]
        )
    )
    sqlite_store.save(Extraction(document=_doc("d3"), figures=[fig("d3", 1, 7, source="the clinic")]))
    with TestClient(app_for(sqlite_store, anonymous_read=True)) as client:
        tallies = client.get("/api/dashboard").json()["tallies"]
        page = lxml.html.fromstring(client.get("/").text)
    vague = next(t for t in tallies if t["group"] == "children")
    assert (vague["best"], vague["conservative"]) == (12, 12)  # the data keeps ACLED's value
    cards = page.xpath("//article[contains(@class, 'tally')]")
    assert len(cards) == 2 and "approximate" not in cards[0].get("class")  # 1 source, but a number
    assert "approximate" in cards[1].get("class")
    value = cards[1].xpath(".//span[contains(@class, 'value')]")[0].text_content()
    assert value == "dozens" and cards[1].xpath(".//span[contains(@class, 'approx-badge')]")
    assert "range 12–99" in cards[1].text_content()


def test_tallies_page_shows_vague_only_tallies_as_words_not_a_count(sqlite_store: Store) -> None:
    dozens = dict(measure=Measure.INJURED, group=VictimGroup.CHILDREN, qualifier=Qualifier.VAGUE)
    sqlite_store.save(
        Extraction(
            document=_doc("d1"), figures=[fig("d1", 1, 12, 99, number_text="dozens", source="A", **dozens)]
        )
    )
    sqlite_store.save(Extraction(document=_doc("d3"), figures=[fig("d3", 1, 7, source="the clinic")]))
    with TestClient(app_for(sqlite_store, anonymous_read=True)) as client:
        page = lxml.html.fromstring(client.get("/tallies").text)
    rows = page.xpath("//table[contains(@class, 'data')]/tbody/tr")
    vague = next(r for r in rows if r.xpath(".//span[contains(@class, 'approx-badge')]"))
    counted = next(r for r in rows if not r.xpath(".//span[contains(@class, 'approx-badge')]"))
    assert vague.xpath("./td")[1].text_content().strip().startswith("dozens")
    assert counted.xpath("./td")[1].text_content().strip() == "7"
