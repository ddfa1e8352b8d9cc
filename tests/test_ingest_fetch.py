"""Fetching URLs: content type picks the reader, redirects are re-checked, size and address limits hold."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from fogline.ingest import ingest, read
from fogline.ingest.readers import Article
from fogline.ingest.remote import FetchError, check_url, fetch
from fogline.schema import Document
from fogline.store import Store

PAGE = (
    b"<html><head><title>Market fire</title><meta property='og:site_name' content='Harbour Times'>"
    b"<meta name='date' content='2025-06-21'></head><body><article><h1>Market fire</h1>"
    b"<p>A fire swept through the covered market before dawn on Saturday, destroying more than forty "
    b"stalls, the fire brigade said. Nobody was hurt, but traders said they had lost their stock.</p>"
    b"</article></body></html>"
)
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
    b"<item><title>Ferry delayed</title><link>https://example.org/ferry</link>"
    b"<pubDate>Sun, 22 Jun 2025 07:00:00 GMT</pubDate>"
    b"<description>The morning ferry was held in port by strong winds.</description></item>"
    b"</channel></rss>"
)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/story": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, FEED),
    "/plain": (200, {"Content-Type": "text/plain"}, b"Water trucking resumed in the camp on Monday."),
    "/moved": (302, {"Location": "/story"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/missing": (404, {}, b"not here"),
    "/big": (200, {"Content-Type": "text/plain"}, b"word " * 50_000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_url(store: Store, server: str) -> None:
    summary = ingest(store, [f"{server}/story"], allow_private=True, extract_items=False)
    assert summary.failed == [] and summary.ingested == 1
    doc = store.get(Document, summary.document_ids[0])
    assert doc is not None and doc.source_format == "html"
    assert (doc.title, doc.outlet, doc.published) == ("Market fire", "Harbour Times", "2025-06-21")
    assert "forty stalls" in doc.text and doc.url == f"{server}/story"


def test_feed_and_plain_urls(store: Store, server: str) -> None:
    summary = ingest(store, [f"{server}/feed", f"{server}/plain"], allow_private=True, extract_items=False)
    assert summary.failed == [] and summary.ingested == 2
    feed_doc, plain_doc = (store.get(Document, i) for i in summary.document_ids)
    assert feed_doc and feed_doc.source_format == "feed" and feed_doc.published == "2025-06-22"
    assert feed_doc.outlet == "Harbour Times"
    assert feed_doc.url == "https://example.org/ferry"
    assert plain_doc and plain_doc.source_format == "text" and plain_doc.outlet == "127.0.0.1"


def test_redirects_followed_and_bounded(server: str) -> None:
    got = fetch(f"{server}/moved", allow_private=True)
    assert got.final_url == f"{server}/story" and got.data == PAGE
    with pytest.raises(FetchError, match="redirects"):
        fetch(f"{server}/loop", allow_private=True)
    with pytest.raises(FetchError, match="404"):
        fetch(f"{server}/missing", allow_private=True)


def test_size_cap_on_downloads(server: str) -> None:
    with pytest.raises(FetchError, match="limit"):
        fetch(f"{server}/big", allow_private=True, max_bytes=10_000)


def test_redirect_to_a_private_address_is_refused() -> None:
    """A public page redirecting to an internal one: the second hop is checked and refused."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    client = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=False)
    with pytest.raises(FetchError, match="link-local"):
        fetch("http://93.184.216.34/article", client=client)
    assert asked == ["http://93.184.216.34/article"]


def test_size_cap_when_no_length_is_declared() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 4000] * 5), headers={"Content-Type": "text/plain"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(FetchError, match="limit"):
        fetch("http://93.184.216.34/stream", client=client, max_bytes=10_000)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.0.0.8/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://169.254.169.254/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
    ],
)
def test_internal_addresses_refused(url: str, kind: str) -> None:
    with pytest.raises(FetchError, match=kind):
        check_url(url)
    check_url(url, allow_private=True)


def test_public_address_and_schemes() -> None:
    check_url("http://93.184.216.34/x")
    with pytest.raises(FetchError, match="only http"):
        check_url("ftp://93.184.216.34/x")


ARABIC = "تضرر خزان المياه الرئيسي في الحي"
FRENCH = "Réfugiés à la frontière"
CHARSET_CASES = {  # path: (body, content type, text, encoding used)
    "/ar-1256": (ARABIC.encode("cp1256"), "text/plain; charset=windows-1256", ARABIC, "windows-1256"),
    "/utf8-claims-latin1": (FRENCH.encode(), "text/plain; charset=ISO-8859-1", FRENCH, "utf-8"),
    "/latin1-claims-utf8": (FRENCH.encode("latin-1"), "text/plain; charset=utf-8", FRENCH, "cp1252"),
}
ROUTES.update({path: (200, {"Content-Type": case[1]}, case[0]) for path, case in CHARSET_CASES.items()})


@pytest.mark.parametrize("path", sorted(CHARSET_CASES))
def test_declared_charset_is_used_unless_it_is_wrong(server: str, path: str) -> None:
    (article,) = read(server + path, allow_private=True)
    assert isinstance(article, Article)
    assert (article.text, article.meta["encoding"]) == CHARSET_CASES[path][2:]
