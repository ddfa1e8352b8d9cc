"""Fetching http(s) URLs safely: time-out, size cap, and no requests to internal addresses.

Every hop of a redirect chain is resolved and checked again. Loopback, private, link-local, multicast,
reserved and unspecified addresses are refused unless ``allow_private`` is set.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "fogline/0.1 (+offline crisis-report reader)"


class FetchError(ValueError):
    """The URL cannot be fetched; the message is the reason."""


@dataclass
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    content_type: str | None
    data: bytes


def _blocked(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for label, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if flag:
            return label
    return None


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise ``FetchError`` unless ``url`` is http(s) and every address its host resolves to is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    for info in infos:
        address = str(info[4][0])
        kind = _blocked(address)
        if kind:
            raise FetchError(
                f"refused: {host} resolves to {kind} address {address} (use --allow-private to permit)"
            )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = 20 * 1024 * 1024,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET ``url`` following at most ``MAX_REDIRECTS`` redirects, each re-checked; the body capped in size."""
    own = client is None
    http = client or httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT},
        trust_env=False,  # no proxy: the address checked is the address connected to
    )
    try:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            with http.stream("GET", current) as response:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"redirect without a location from {current}")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    declared_size = human_size(int(declared))
                    raise FetchError(f"response is {declared_size}, over the {human_size(max_bytes)} limit")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"response is over the {human_size(max_bytes)} limit")
                    chunks.append(chunk)
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    content_type=response.headers.get("content-type"),
                    data=b"".join(chunks),
                )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {timeout:g}s ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        if own:
            http.close()


def human_size(size: int) -> str:
    """``20.0 MB``, ``4.0 KB``, ``512 bytes``."""
    if size >= 2**20:
        return f"{size / 2**20:.1f} MB"
    if size >= 2**10:
        return f"{size / 2**10:.1f} KB"
    return f"{size} bytes"
