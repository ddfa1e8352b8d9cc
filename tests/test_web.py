"""The web app in-process: pages and JSON from the same data functions, filters, access control, CSRF.

``fill_sample`` builds a small hand-written corpus (two reports on shelling in a town, with places nested
country > province > town > neighbourhood) and is reused by the review and browser tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fogline import users
from fogline.schema import (
    Document,
    Entity,
    EntityKind,
    Event,
    Extraction,
    Figure,
    Mention,
    Statement,
    make_id,
)
from fogline.store import Store
from fogline.web.app import Settings, create_app

REPORT_1 = (
    "Artillery fire hit the Hay Salam quarter of Kadugli on Sunday, killing at least 12 civilians and "
    "wounding 30 more, the state health ministry said. The Sudan Doctors Network condemned the strike on "
    "the town's teaching hospital and urged every armed group to spare medical workers. More than 4,000 "
    "residents have left for the hills since the weekend, according to the International Organization "
    "for Migration."
)
REPORT_2 = (
    "A monitoring group said on Tuesday that 41 people died in Sunday's bombardment of Kadugli, far above "
    "the health ministry's revised count of 15 civilians killed. The ministry said crews were still "
    "searching the rubble in Hay Salam."
)
HOSTILE = (
    "<script>window.__pwned = 1; document.title = 'pwned'</script> Officials said "
    '<img src=x onerror="window.__pwned = 2"> 7 people were killed near '
    '<a href="javascript:window.__pwned=3">the bridge</a> on Monday. '
    '"><svg onload=window.__pwned=4> Nobody claimed the blast.'
)

PLACES = [
    Entity(
        id="pl-sudan",
        kind=EntityKind.PLACE,
        name="Sudan",
        type="country",
        country="SD",
        latitude=15.5,
        longitude=30.0,
    ),
    Entity(
        id="pl-skordofan",
        kind=EntityKind.PLACE,
        name="South Kordofan",
        type="admin1",
        country="SD",
        parent_id="pl-sudan",
        latitude=11.2,
        longitude=29.9,
    ),
    Entity(
        id="pl-kadugli",
        kind=EntityKind.PLACE,
        name="Kadugli",
        type="city",
        country="SD",
        parent_id="pl-skordofan",
        latitude=11.01,
        longitude=29.72,
        aliases=["Kaduqli"],
    ),
    Entity(
        id="pl-haysalam",
        kind=EntityKind.PLACE,
        name="Hay Salam",
        type="neighbourhood",
        country="SD",
        parent_id="pl-kadugli",
        latitude=11.02,
        longitude=29.71,
    ),
    Entity(
        id="pl-elobeid",
        kind=EntityKind.PLACE,
        name="El Obeid",
        type="city",
        country="SD",
        parent_id="pl-sudan",
        latitude=13.18,
        longitude=30.22,
    ),
]
ACTORS = [
    Entity(
        id="ac-moh",
        kind=EntityKind.ACTOR,
        name="State Ministry of Health",
        type="government",
        aliases=["health ministry"],
    ),
    Entity(id="ac-sdn", kind=EntityKind.ACTOR, name="Sudan Doctors Network", type="ngo"),
    Entity(
        id="ac-iom",
        kind=EntityKind.ACTOR,
        name="International Organization for Migration",
        type="international",
        aliases=["IOM"],
    ),
    Entity(id="ac-monitor", kind=EntityKind.ACTOR, name="monitoring group", type="ngo", origin="extracted"),
    Entity(id="ac-monitor2", kind=EntityKind.ACTOR, name="the monitor", type="ngo", origin="extracted"),
]


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sentence(text: str, start: int) -> str:
    a = text.rfind(". ", 0, start)
    b = text.find(". ", start)
    return text[a + 2 if a >= 0 else 0 : b + 1 if b >= 0 else len(text)].strip()


def claim(cls: type[Any], doc: Document, needle: str, **fields: Any) -> Any:
    start, end = span(doc.text, needle)
    extractor = f"test.{cls.table}"
    return cls(
        id=make_id(doc.id, extractor, start, end),
        document_id=doc.id,
        start=start,
        end=end,
        quote=sentence(doc.text, start),
        extractor=extractor,
        confidence=0.8,
        **fields,
    )


def report_1() -> Extraction:
    doc = Document(
        id="doc-one",
        text=REPORT_1,
        title="Shelling hits Kadugli quarter",
        outlet="Relief Wire",
        published="2025-03-10",
        content_hash="h1",
    )
    mentions = [
        claim(Mention, doc, "Hay Salam", label="PLACE", text="Hay Salam", entity_id="pl-haysalam"),
        claim(Mention, doc, "Kadugli", label="PLACE", text="Kadugli", entity_id="pl-kadugli"),
        claim(Mention, doc, "Sunday", label="DATE", text="Sunday", value="2025-03-09", precision="day"),
        claim(
            Mention,
            doc,
            "state health ministry",
            label="ACTOR",
            text="state health ministry",
            entity_id="ac-moh",
        ),
        claim(
            Mention,
            doc,
            "Sudan Doctors Network",
            label="ACTOR",
            text="Sudan Doctors Network",
            entity_id="ac-sdn",
        ),
        claim(
            Mention,
            doc,
            "International Organization for Migration",
            label="ACTOR",
            text="International Organization for Migration",
            entity_id="ac-iom",
        ),
    ]
    figures = [
        claim(
            Figure,
            doc,
            "at least 12 civilians",
            measure="killed",
            group="civilians",
            low=12,
            qualifier="at_least",
            number_text="at least 12",
            source_id="ac-moh",
            source="state health ministry",
            place_id="pl-haysalam",
            place="Hay Salam",
            date_start="2025-03-09",
            date_precision="day",
        ),
        claim(
            Figure,
            doc,
            "wounding 30",
            measure="injured",
            group="civilians",
            low=30,
            high=30,
            number_text="30",
            source_id="ac-moh",
            source="state health ministry",
            place_id="pl-haysalam",
            place="Hay Salam",
            date_start="2025-03-09",
            date_precision="day",
        ),
        claim(
            Figure,
            doc,
            "More than 4,000 residents",
            measure="displaced",
            group="unknown",
            low=4000,
            qualifier="more_than",
            number_text="More than 4,000",
            source_id="ac-iom",
            source="International Organization for Migration",
            place_id="pl-kadugli",
            place="Kadugli",
            date_start="2025-03-09",
            date_precision="day",
        ),
    ]
    events = [
        claim(
            Event,
            doc,
            "Artillery fire hit the Hay Salam quarter of Kadugli on Sunday",
            disorder_type="Political violence",
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            date_start="2025-03-09",
            date_precision="day",
            place_id="pl-haysalam",
            place="Hay Salam",
            fatalities=12,
        ),
    ]
    statements = [
        claim(
            Statement,
            doc,
            "The Sudan Doctors Network condemned the strike",
            speaker_id="ac-sdn",
            speaker="Sudan Doctors Network",
            act="condemn",
            date_start="2025-03-10",
            date_precision="day",
        ),
    ]
    return Extraction(
        document=doc,
        entities=PLACES + ACTORS,
        mentions=mentions,
        figures=figures,
        events=events,
        statements=statements,
    )


def report_2() -> Extraction:
    doc = Document(
        id="doc-two",
        text=REPORT_2,
        title="Kadugli toll disputed",
        outlet="Daily Monitor",
        published="2025-03-11",
        content_hash="h2",
    )
    mentions = [
        claim(Mention, doc, "Kadugli", label="PLACE", text="Kadugli", entity_id="pl-kadugli"),
        claim(
            Mention, doc, "monitoring group", label="ACTOR", text="monitoring group", entity_id="ac-monitor"
        ),
    ]
    figures = [
        claim(
            Figure,
            doc,
            "41 people died",
            measure="killed",
            group="civilians",
            low=41,
            high=41,
            number_text="41",
            source_id="ac-monitor",
            source="A monitoring group",
            place_id="pl-kadugli",
            place="Kadugli",
            date_start="2025-03-09",
            date_precision="day",
        ),
        claim(
            Figure,
            doc,
            "15 civilians killed",
            measure="killed",
            group="civilians",
            low=15,
            high=15,
            number_text="15",
            source_id="ac-moh",
            source="the health ministry",
            place_id="pl-kadugli",
            place="Kadugli",
            date_start="2025-03-09",
            date_precision="day",
        ),
    ]
    return Extraction(document=doc, entities=ACTORS, mentions=mentions, figures=figures)


def hostile_report() -> Extraction:
    doc = Document(
        id="doc-evil",
        text=HOSTILE,
        title="<script>document.title='pwned'</script>Blast",
        outlet='"><img src=x onerror="window.__pwned=5">',
        url="javascript:window.__pwned=6",
        published="2025-03-12",
        content_hash="h3",
    )
    evil_place = Entity(
        id="pl-evil",
        kind=EntityKind.PLACE,
        name="<img src=x onerror=window.__pwned=7>",
        latitude=11.5,
        longitude=29.9,
        parent_id="pl-kadugli",
    )
    figures = [
        claim(
            Figure,
            doc,
            '<img src=x onerror="window.__pwned = 2"> 7 people were killed',
            measure="killed",
            low=7,
            high=7,
            number_text="<b onmouseover=window.__pwned=8>7</b>",
            place_id="pl-evil",
            place="<svg onload=window.__pwned=9>",
            source="<script>window.__pwned=10</script>",
            date_start="2025-03-10",
            date_precision="day",
        ),
    ]
    mentions = [claim(Mention, doc, "the bridge", label="PLACE", text="the bridge", entity_id="pl-evil")]
    return Extraction(document=doc, entities=[evil_place], mentions=mentions, figures=figures)


def fill_sample(store: Store, hostile: bool = True) -> None:
    """The sample corpus plus users admin/analyst/viewer (password: the name twice + '!!')."""
    store.save(report_1())
    store.save(report_2())
    if hostile:
        store.save(hostile_report())
    for name, role in (("admin", "admin"), ("ana", "analyst"), ("vic", "viewer")):
        users.add_user(store, name, password_of(name), role)


def password_of(name: str) -> str:
    return f"{name}{name}!!pw"


def sign_in(client: TestClient, name: str) -> None:
    page = client.get("/login")
    token = csrf_of(page.text)
    r = client.post(
        "/login",
        data={"name": name, "password": password_of(name), "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text


def csrf_of(html: str) -> str:
    tree = lxml.html.fromstring(html)
    values = tree.xpath("//input[@name='csrf_token']/@value")
    assert values, "page has no CSRF field"
    return str(values[0])


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap scrypt cost in tests (hashes record their cost, so verification still checks it)."""
    monkeypatch.setattr(users, "_SCRYPT_N", 2**8)


@pytest.fixture
def sample(store: Store) -> Store:
    fill_sample(store)
    return store


@pytest.fixture
def client(sample: Store) -> Iterator[TestClient]:
    with TestClient(app_for(sample)) as c:
        yield c


@pytest.fixture
def open_client(sample: Store) -> Iterator[TestClient]:
    with TestClient(app_for(sample, anonymous_read=True)) as c:
        yield c


_APP: list[FastAPI] = []


def app_for(store: Store, anonymous_read: bool = False) -> FastAPI:
    """The app over ``store``: built once per test session (route setup is slow), its settings swapped."""
    if not _APP:
        _APP.append(create_app(store, anonymous_read=anonymous_read))
    app = _APP[0]
    app.state.settings = Settings(store, anonymous_read, login_limit=5, login_window=60.0)
    return app


def tree_of(html: str) -> Any:
    return lxml.html.fromstring(html)


# -- pages and JSON agree ------------------------------------------------------------------------------


def test_listing_html_and_json_come_from_one_function(open_client: TestClient) -> None:
    api = open_client.get("/api/figures").json()
    dotjson = open_client.get("/figures.json").json()
    assert api == dotjson
    assert api["total"] == 6 and len(api["items"]) == 6
    page = tree_of(open_client.get("/figures").text)
    rows = page.xpath("//table[@class='data']/tbody/tr")
    assert len(rows) == api["total"]
    links = {a.get("href") for a in page.xpath("//table[@class='data']//a")}
    for item in api["items"]:
        assert f"/items/figures/{item['id']}" in links


def test_openapi_models_are_derived_from_the_schema(open_client: TestClient) -> None:
    schema = open_client.get("/openapi.json").json()
    figure = schema["components"]["schemas"]["Figure"]["properties"]
    import dataclasses

    assert set(figure) == {f.name for f in dataclasses.fields(Figure)}
    assert "/api/figures" in schema["paths"] and "/api/documents/{doc_id}" in schema["paths"]
    assert "/api/review/{table}/{item_id}" in schema["paths"]


def test_pagination_reports_total(open_client: TestClient) -> None:
    first = open_client.get("/api/figures?limit=2").json()
    second = open_client.get("/api/figures?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    page = tree_of(open_client.get("/figures?limit=2").text)
    assert page.xpath("//nav[@class='pager']/a[contains(@href, 'offset=2')]")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "place=pl-kadugli",
            {"at least 12", "30", "More than 4,000", "41", "15", "<b onmouseover=window.__pwned=8>7</b>"},
        ),
        ("place=pl-haysalam", {"at least 12", "30"}),
        ("place=pl-elobeid", set()),
        (
            "place=pl-sudan&measure=killed",
            {"at least 12", "41", "15", "<b onmouseover=window.__pwned=8>7</b>"},
        ),
        ("actor=ac-moh", {"at least 12", "30", "15"}),
        ("source=ac-iom", {"More than 4,000"}),
        ("source=monitoring", {"41"}),
        ("since=2025-03-10", {"<b onmouseover=window.__pwned=8>7</b>"}),
        ("until=2025-03-09&measure=injured", {"30"}),
        ("until=2025-02", set()),
        ("q=died", {"41", "15"}),
        ("q=HILLS", {"More than 4,000"}),
    ],
)
def test_filters(open_client: TestClient, query: str, expected: set[str]) -> None:
    data = open_client.get(f"/api/figures?{query}").json()
    assert {i["number_text"] for i in data["items"]} == expected
    assert data["total"] == len(expected)


def test_bad_filter_values_are_rejected(open_client: TestClient) -> None:
    assert open_client.get("/api/figures?since=yesterday").status_code == 422
    assert open_client.get("/api/figures?limit=100000").status_code == 422
    assert open_client.get("/api/figures?status=maybe").status_code == 422


def test_documents_filtered_by_place_use_mentions(open_client: TestClient) -> None:
    ids = {d["id"] for d in open_client.get("/api/documents?place=pl-haysalam").json()["items"]}
    assert ids == {"doc-one"}
    ids = {d["id"] for d in open_client.get("/api/documents?place=pl-sudan").json()["items"]}
    assert ids == {"doc-one", "doc-two", "doc-evil"}


def test_entity_page_includes_places_inside(open_client: TestClient) -> None:
    data = open_client.get("/api/entities/pl-kadugli").json()
    assert data["entity"]["name"] == "Kadugli"
    assert {c["id"] for c in data["children"]} == {"pl-haysalam", "pl-evil"}
    assert data["figures"]["total"] == 6 and data["events"]["total"] == 1
    page = tree_of(open_client.get("/entities/pl-kadugli").text)
    assert page.xpath("//a[@href='/entities/pl-haysalam']")
    actor = open_client.get("/api/entities/ac-sdn").json()
    assert actor["statements"]["total"] == 1 and actor["statements"]["items"][0]["act"] == "condemn"


def test_document_page_highlights_every_item(open_client: TestClient) -> None:
    data = open_client.get("/api/documents/doc-one").json()
    page = tree_of(open_client.get("/documents/doc-one").text)
    marks = page.xpath("//article[@id='doctext']//mark")
    covered = {i for m in marks for i in m.get("data-items").split()}
    ids = {i["id"] for name in ("mentions", "figures", "events", "statements") for i in data[name]}
    assert covered == ids
    text = page.xpath("string(//article[@id='doctext'])")
    assert text == REPORT_1
    figure = data["figures"][0]
    detail = page.xpath(f"//section[@id='item-{figure['id']}']")[0]
    assert detail.get("hidden") is not None
    assert figure["number_text"] in detail.text_content()
    kinds = {m.get("class") for m in marks}
    assert {"hl hl-figure", "hl hl-place", "hl hl-actor", "hl hl-date"} <= kinds


def test_search_finds_documents_and_items(open_client: TestClient) -> None:
    data = open_client.get("/api/search?q=HOSPITAL").json()
    assert [d["id"] for d in data["documents"]["items"]] == ["doc-one"]
    assert data["statements"]["total"] == 1
    data = open_client.get("/api/search?q=kaduqli").json()  # an alias
    assert [e["id"] for e in data["entities"]["items"]] == ["pl-kadugli"]
    data = open_client.get("/api/search?q=100%25").json()  # LIKE wildcards are literal
    assert data["documents"]["total"] == 0
    page = tree_of(open_client.get("/search?q=rubble").text)
    assert page.xpath("//section[@id='results-documents']//a[@href='/documents/doc-two']")


def test_dashboard_shows_tallies_map_and_documents(open_client: TestClient) -> None:
    data = open_client.get("/api/dashboard").json()
    assert data["counts"]["documents"] == 3
    page = tree_of(open_client.get("/").text)
    assert len(page.xpath("//ul[@class='doclist']/li/a")) == 3
    assert page.xpath("//svg[@class='map']//circle")
    assert page.xpath("//svg[@class='chart']//path")
    if data["tallies"]:
        cards = page.xpath("//article[contains(@class, 'tally')]")
        assert len(cards) == min(12, len(data["tallies"]))


# -- access control --------------------------------------------------------------------------------------


def test_reading_needs_sign_in(client: TestClient) -> None:
    assert client.get("/api/figures").status_code == 401
    r = client.get("/figures", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


def test_anonymous_read(open_client: TestClient) -> None:
    assert open_client.get("/api/figures").status_code == 200
    assert open_client.get("/api/review/figures").status_code == 401  # review is never anonymous
    r = open_client.get("/review/figures", follow_redirects=False)
    assert r.status_code == 303


def test_sign_in_sets_a_safe_cookie_and_roles_apply(client: TestClient) -> None:
    page = client.get("/login")
    r = client.post(
        "/login",
        data={"name": "vic", "password": password_of("vic"), "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/api/figures").status_code == 200
    assert client.get("/api/review/figures").status_code == 403
    assert client.get("/api/users").status_code == 403


def test_new_password_ends_sessions_and_tokens(client: TestClient, sample: Store) -> None:
    sign_in(client, "ana")
    other = TestClient(client.app)  # a second browser signed in as the same user
    sign_in(other, "ana")
    token = users.new_token(sample, "ana")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/figures").status_code == 200
    assert other.get("/api/review/figures").status_code == 200
    assert TestClient(client.app).get("/api/figures", headers=bearer).status_code == 200

    users.set_password(sample, "ana", "a-brand-new-password")

    assert client.get("/api/figures").status_code == 401
    assert other.get("/api/review/figures").status_code == 401
    page = other.get("/figures", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    assert TestClient(client.app).get("/api/figures", headers=bearer).status_code == 401
    # signing in again with the new password works; the old one is refused
    token_field = csrf_of(client.get("/login").text)
    old = client.post(
        "/login", data={"name": "ana", "password": password_of("ana"), "csrf_token": token_field}
    )
    assert old.status_code == 401
    r = client.post(
        "/login",
        data={"name": "ana", "password": "a-brand-new-password", "csrf_token": token_field},
        follow_redirects=False,
    )
    assert r.status_code == 303 and client.get("/api/figures").status_code == 200
    fresh = users.new_token(sample, "ana")
    assert (
        TestClient(client.app).get("/api/figures", headers={"Authorization": f"Bearer {fresh}"}).status_code
        == 200
    )


def test_other_users_sessions_survive_a_password_change(client: TestClient, sample: Store) -> None:
    sign_in(client, "vic")
    users.set_password(sample, "ana", "a-brand-new-password")
    users.set_role(sample, "vic", "analyst")  # a role change does not sign anyone out
    assert client.get("/api/review/figures").status_code == 200


def test_a_removed_and_recreated_user_must_sign_in_again(client: TestClient, sample: Store) -> None:
    sign_in(client, "vic")
    users.remove_user(sample, "vic")
    users.add_user(sample, "vic", password_of("vic"), "admin")
    assert client.get("/api/figures").status_code == 401


def test_wrong_password_and_rate_limit(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    codes = [
        client.post(
            "/login", data={"name": "ana", "password": "wrong-password", "csrf_token": token}
        ).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    # even the right password is refused while the user is rate-limited
    r = client.post("/login", data={"name": "ana", "password": password_of("ana"), "csrf_token": token})
    assert r.status_code == 429


def test_login_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"name": "ana", "password": password_of("ana")}, follow_redirects=False)
    assert r.status_code == 403


def test_forged_cookie_is_ignored(client: TestClient) -> None:
    sign_in(client, "admin")
    value = client.cookies.get("fogline_session")
    assert value
    payload, sig = value.rsplit(".", 1)
    client.cookies.set(
        "fogline_session", payload + "." + sig[:-2] + ("AA" if not sig.endswith("AA") else "BB")
    )
    assert client.get("/api/figures").status_code == 401


def test_bearer_token(sample: Store) -> None:
    token = users.new_token(sample, "ana")
    with TestClient(app_for(sample)) as c:
        assert c.get("/api/figures").status_code == 401
        headers = {"Authorization": f"Bearer {token}"}
        assert c.get("/api/figures", headers=headers).status_code == 200
        fig = c.get("/api/figures?measure=injured", headers=headers).json()["items"][0]
        r = c.post(f"/api/review/figures/{fig['id']}", json={"action": "accept"}, headers=headers)
        assert r.status_code == 200 and r.json()["user"] == "ana"
        bad = {"Authorization": "Bearer fl_not-a-token"}
        assert c.get("/api/figures", headers=bad).status_code == 401


def test_api_post_with_cookie_needs_csrf_header(client: TestClient) -> None:
    sign_in(client, "ana")
    fig = client.get("/api/figures?measure=injured").json()["items"][0]
    assert client.post(f"/api/review/figures/{fig['id']}", json={"action": "accept"}).status_code == 403
    token = csrf_of(client.get("/review/figures").text)
    r = client.post(
        f"/api/review/figures/{fig['id']}", json={"action": "accept"}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200


def test_security_headers(open_client: TestClient) -> None:
    r = open_client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    page = tree_of(r.text)
    assert not [s for s in page.xpath("//script") if not s.get("src")]  # no inline scripts
    assert not page.xpath("//*[@style]")


def test_redirect_after_login_stays_on_site(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"name": "ana", "password": password_of("ana"), "csrf_token": token, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"


def test_hostile_text_is_escaped_everywhere(open_client: TestClient) -> None:
    for path in (
        "/documents/doc-evil",
        "/",
        "/figures",
        "/search?q=pwned",
        "/entities/pl-evil",
        "/entities?kind=place",
        "/documents",
    ):
        html = open_client.get(path).text
        page = tree_of(html)
        scripts = page.xpath("//script")
        assert all(s.get("src") == "/static/fogline.js" for s in scripts), path
        handlers = [
            a for el in page.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")
        ]
        assert not handlers, (path, handlers)
        assert not page.xpath("//img") and not page.xpath("//*[local-name()='svg' and @onload]"), path
        assert not [h for h in page.xpath("//a/@href") if h.strip().lower().startswith("javascript:")], path
        assert not re.search(r"<script>window", html), path
    text = tree_of(open_client.get("/documents/doc-evil").text).xpath("string(//article[@id='doctext'])")
    assert text == HOSTILE  # shown as text, character for character


def test_admin_manages_users(client: TestClient, sample: Store) -> None:
    sign_in(client, "admin")
    page = client.get("/admin/users")
    token = csrf_of(page.text)
    names = {td.text_content() for td in tree_of(page.text).xpath("//table[@class='data']//tr/td[1]")}
    assert names == {"admin", "ana", "vic"}
    client.post(
        "/admin/users",
        data={
            "csrf_token": token,
            "name": "newbie",
            "password": "longenough1",
            "role": "analyst",
            "action": "add",
        },
    )
    assert users.get_user(sample, "newbie") is not None
    client.post("/admin/users", data={"csrf_token": token, "name": "newbie", "action": "remove"})
    assert users.get_user(sample, "newbie") is None
    api = client.get("/api/users").json()
    assert all(set(u) == {"name", "role", "created_at"} for u in api)  # no hashes leave the server


def test_timeline_page_and_json(open_client: TestClient) -> None:
    entries = open_client.get("/api/timeline").json()
    assert entries == open_client.get("/timeline.json").json()
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    page = tree_of(open_client.get("/timeline").text)
    assert len(page.xpath("//ol[@class='timeline']/li[time]")) == len(entries) > 0
    later = open_client.get("/api/timeline?since=2025-03-10").json()
    assert later and all(e["date"] >= "2025-03-10" for e in later) and len(later) < len(entries)


def test_tallies_page_and_json(open_client: TestClient) -> None:
    tallies = open_client.get("/api/tallies").json()
    killed = [t for t in tallies if t["measure"] == "killed" and t["group"] == "civilians"]
    assert len(killed) == 1 and (killed[0]["low"], killed[0]["high"], killed[0]["contested"]) == (
        15,
        41,
        True,
    )
    page = tree_of(open_client.get("/tallies").text)
    rows = page.xpath("//table[@class='data']/tbody/tr")
    assert len(rows) == len(tallies)
    assert len(page.xpath("//tr[@class='contested']")) == sum(t["contested"] for t in tallies)
    only_displaced = open_client.get("/api/tallies?measure=displaced").json()
    assert [t["best"] for t in only_displaced] == [4000]


def test_export_endpoint_uses_the_export_library(open_client: TestClient) -> None:
    r = open_client.get("/export/figures.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6 and {"id", "measure", "low"} <= set(rows[0])
    placed = list(csv.DictReader(io.StringIO(open_client.get("/export/figures.csv?place=pl-haysalam").text)))
    assert {row["number_text"] for row in placed} == {"at least 12", "30"}
    assert open_client.get("/export/figures.nosuchformat").status_code == 404
    assert open_client.get("/export/figures.csv?since=soon").status_code == 422


def test_export_needs_sign_in(client: TestClient) -> None:
    assert client.get("/export/figures.csv").status_code == 401


def test_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from fogline.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--anonymous-read"):
        assert option in result.output


def test_api_clients_get_no_cookie_but_pages_do(open_client: TestClient) -> None:
    assert "set-cookie" not in open_client.get("/api/figures").headers
    assert "set-cookie" not in open_client.get("/static/fogline.css").headers
    assert "fogline_session=" in open_client.get("/figures").headers["set-cookie"]


def test_hostile_text_is_escaped_in_review_pages(client: TestClient) -> None:
    sign_in(client, "ana")
    evil = client.get("/api/figures?document=doc-evil").json()["items"][0]["id"]
    for path in (
        "/review/figures",
        "/review/entities",
        "/review/mentions",
        "/tallies",
        "/timeline",
        f"/items/figures/{evil}",
        "/items/entities/pl-evil",
    ):
        page = tree_of(client.get(path).text)
        assert [s.get("src") for s in page.xpath("//script")] == ["/static/fogline.js"], path
        handlers = [
            a for el in page.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")
        ]
        assert not handlers and not page.xpath("//img"), path


def test_no_secret_reaches_the_logs(sample: Store, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    token = users.new_token(sample, "ana")
    with TestClient(app_for(sample)) as c:
        sign_in(c, "ana")
        cookie = c.cookies.get("fogline_session")
        c.get("/api/figures", headers={"Authorization": f"Bearer {token}"})
        c.post("/login", data={"name": "ana", "password": "a-wrong-secret", "csrf_token": "x"})
    assert cookie
    for secret in (token, password_of("ana"), "a-wrong-secret", cookie):
        assert secret not in caplog.text
