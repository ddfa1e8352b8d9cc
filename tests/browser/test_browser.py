"""End to end in real headless Chromium against uvicorn on loopback: sign in, review, search, highlights, XSS.

Skipped when no Chromium is found (``FOGLINE_CHROMIUM`` or ``/usr/bin/chromium``); CI has one.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web import fill_sample, password_of

from fogline import users
from fogline.store import Store
from fogline.web.app import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("FOGLINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    import uvicorn

    cost = users._SCRYPT_N
    users._SCRYPT_N = 2**8  # cheap hashes for the test users
    store = Store(str(tmp_path_factory.mktemp("web") / "fogline.db"))
    fill_sample(store)
    port = free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()
    users._SCRYPT_N = cost


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (set FOGLINE_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:  # alert()/confirm() from injected script would land here
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.dialogs = dialogs
    yield pg
    context.close()


def sign_in(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password_of(name))
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert page.locator("header .who").inner_text().startswith(name)


def tally_card(page: Any, label: str) -> Any:
    return page.locator("article.tally").filter(has=page.locator("h3", has_text=label))


def test_review_changes_the_dashboard(server: tuple[str, Store], page: Any) -> None:
    base, _ = server
    sign_in(page, base, "ana")
    card = tally_card(page, "killed in Kadugli")
    assert card.count() == 1
    assert "15–41" in card.locator(".range").inner_text()
    assert card.locator(".contested-badge").count() == 1

    page.goto(f"{base}/review/figures")
    item = page.locator("li.queue-item").filter(has=page.locator("input[name='field.low'][value='41']"))
    assert item.count() == 1
    item.locator("details.edit summary").click()
    item.locator("input[name='field.low']").fill("15")
    item.locator("input[name='field.high']").fill("15")
    item.locator("form.editform button[type=submit]").click()
    page.wait_for_url(f"{base}/review/figures*")
    assert (
        page.locator("li.queue-item").filter(has=page.locator("input[name='field.low'][value='41']")).count()
        == 0
    )

    page.goto(f"{base}/")
    card = tally_card(page, "killed in Kadugli")
    shown = card.locator(".range").inner_text()  # one value: shown once, not as a range "15–15"
    assert "conservative 15" in shown and "range" not in shown
    assert card.locator(".contested-badge").count() == 0
    assert page.locator("svg.map circle").count() >= 3
    assert page.locator("svg.chart path").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_search_and_document_highlights(server: tuple[str, Store], page: Any) -> None:
    base, _ = server
    sign_in(page, base, "vic")
    page.fill("header form.search input[name=q]", "teaching hospital")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url(f"{base}/search*")
    page.click("#results-documents a")
    page.wait_for_url(f"{base}/documents/doc-one")
    assert page.locator("#itempanel .item-detail:visible").count() == 0
    page.locator("mark.hl-figure", has_text="4,000").click()
    visible = page.locator("#itempanel .item-detail:visible")
    assert visible.count() == 1
    assert "More than 4,000" in visible.inner_text() and "displaced" in visible.inner_text()
    page.locator("mark.hl-place", has_text="Kadugli").first.click()  # inside the event's sentence too
    kinds = {s.get_attribute("data-kind") for s in page.locator("#itempanel .item-detail:visible").all()}
    assert kinds == {"place", "event"}
    place = page.locator("#itempanel .item-detail[data-kind=place]:visible")
    assert place.locator("a[href='/entities/pl-kadugli']").inner_text() == "Kadugli"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)


def test_hostile_report_runs_nothing(server: tuple[str, Store], page: Any) -> None:
    base, _ = server
    sign_in(page, base, "vic")
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    for path in (
        "/documents/doc-evil",
        "/",
        "/figures",
        "/search?q=pwned",
        "/entities/pl-evil",
        "/tallies",
        "/timeline",
        "/items/figures/" + _evil_figure(server[1]),
    ):
        page.goto(base + path)
        page.wait_for_load_state("load")
        for mark in page.locator("mark.hl").all():
            mark.click()
            mark.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.title() != "pwned" and page.title().endswith("· Fogline"), path
        assert page.locator("img").count() == 0, path
    assert page.dialogs == []
    page.goto(base + "/documents/doc-evil")
    text = page.locator("#doctext").inner_text()
    assert "<script>window.__pwned = 1;" in text and 'onerror="window.__pwned = 2"' in text


def _evil_figure(store: Store) -> str:
    from fogline.schema import Figure

    return store.records(Figure, where={"document_id": "doc-evil"})[0].id
