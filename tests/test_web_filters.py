"""Filters as people type them (place and actor names), and readable errors for wrong input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from test_web import app_for, fast_hashing, fill_sample, tree_of  # noqa: F401  (fixture)

from fogline.store import Store

HTML = {"Accept": "text/html"}


@pytest.fixture
def reader(sqlite_store: Store) -> Iterator[TestClient]:
    fill_sample(sqlite_store)
    with TestClient(app_for(sqlite_store, anonymous_read=True)) as c:
        yield c


def test_place_filter_takes_a_name_or_an_alias(reader: TestClient) -> None:
    by_id = reader.get("/api/figures?place=pl-kadugli").json()
    assert by_id["total"] > 0
    for ref in ("Kadugli", "kadugli", "Kaduqli"):
        by_name = reader.get(f"/api/figures?place={ref}").json()
        assert by_name["total"] == by_id["total"], ref
        assert by_name["filters"]["place"] == "pl-kadugli"


def test_unknown_place_is_a_clear_400(reader: TestClient) -> None:
    api = reader.get("/api/figures?place=Atlantis")
    assert api.status_code == 400 and api.json()["detail"] == "unknown place 'Atlantis'"
    page = reader.get("/timeline?place=Atlantis", headers=HTML)
    assert page.status_code == 400
    assert "unknown place" in tree_of(page.text).xpath("string(//p[@class='error'])")


def test_malformed_date_in_a_page_gets_an_error_page(reader: TestClient) -> None:
    page = reader.get("/figures?since=last-week", headers=HTML)
    assert page.status_code == 422 and "text/html" in page.headers["content-type"]
    message = tree_of(page.text).xpath("string(//p[@class='error'])")
    assert "since" in message and "YYYY-MM-DD" in message
    api = reader.get("/api/figures?since=last-week")
    assert api.status_code == 422 and isinstance(api.json()["detail"], list)


def test_dashboard_shows_one_value_once(reader: TestClient) -> None:
    cards = tree_of(reader.get("/", headers=HTML).text).xpath("//article[contains(@class, 'tally')]")
    shown = {c.xpath("string(.//h3)"): c.xpath("string(.//p[@class='range'])") for c in cards}
    assert shown["Civilians killed in Kadugli"].startswith("range 15–41")
    # one source with one value: no "range 30–30"
    assert shown["Civilians injured in Hay Salam"] == "conservative 30"
