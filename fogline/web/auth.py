"""Sessions (HMAC-signed cookies), CSRF tokens, bearer tokens and the sign-in rate limiter."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from fogline.schema import User
from fogline.store import Store
from fogline.users import credentials_stamp, get_user, has_role, user_for_token

COOKIE_NAME = "fogline_session"
SESSION_MAX_AGE = 7 * 24 * 3600
CSRF_HEADER = "x-csrf-token"


class SessionCodec:
    """Encode a small dict as ``payload.signature`` (HMAC-SHA256 over the payload) and back."""

    def __init__(self, secret: bytes, max_age: int = SESSION_MAX_AGE) -> None:
        self._key = hashlib.sha256(b"fogline-session:" + secret).digest()
        self.max_age = max_age

    def _sign(self, payload: bytes) -> str:
        return (
            base64.urlsafe_b64encode(hmac.new(self._key, payload, hashlib.sha256).digest())
            .decode()
            .rstrip("=")
        )

    def dumps(self, data: dict[str, Any]) -> str:
        body = dict(data, iat=int(time.time()))
        payload = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=")
        return f"{payload.decode()}.{self._sign(payload)}"

    def loads(self, value: str | None) -> dict[str, Any] | None:
        """The session dict, or None when the cookie is missing, forged or expired."""
        if not value or "." not in value:
            return None
        payload, signature = value.rsplit(".", 1)
        if not hmac.compare_digest(self._sign(payload.encode()), signature):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        except (ValueError, TypeError):
            return None
        if not isinstance(data, dict) or time.time() - int(data.get("iat", 0)) > self.max_age:
            return None
        return data


@dataclass
class Session:
    """The signed-cookie session of one browser: who is signed in and its CSRF token."""

    user: str | None = None
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    stamp: str = ""  # the user's ``credentials_stamp`` at sign-in: a new password ends the session
    dirty: bool = False  # must be (re)sent as a cookie
    fresh: bool = False  # created for this request (no valid cookie came with it)

    def to_dict(self) -> dict[str, Any]:
        return {"u": self.user, "c": self.csrf, "s": self.stamp}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Session:
        if not data or not isinstance(data.get("c"), str):
            return cls(dirty=True, fresh=True)
        user = data.get("u") if isinstance(data.get("u"), str) else None
        stamp = data.get("s")
        return cls(user=user, csrf=data["c"], stamp=stamp if isinstance(stamp, str) else "")

    def sign_in(self, name: str, stamp: str) -> None:
        self.user, self.stamp = name, stamp
        self.csrf = secrets.token_urlsafe(24)  # a new token after sign-in (no session fixation)
        self.dirty, self.fresh = True, False

    def sign_out(self) -> None:
        self.user, self.stamp = None, ""
        self.csrf = secrets.token_urlsafe(24)
        self.dirty, self.fresh = True, False

    def check_csrf(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf, str(token))


class RateLimiter:
    """At most ``limit`` attempts per key in a sliding ``window`` of seconds, in memory."""

    def __init__(self, limit: int = 5, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, *keys: str) -> bool:
        """Record an attempt for each key; False when any key is over its limit."""
        now = time.monotonic()
        with self._lock:
            allowed = True
            for key in keys:
                hits = self._hits.setdefault(key, deque())
                while hits and now - hits[0] > self.window:
                    hits.popleft()
                if len(hits) >= self.limit:
                    allowed = False
            if allowed:
                for key in keys:
                    self._hits[key].append(now)
            if len(self._hits) > 10_000:  # forget idle keys
                for key in [k for k, v in self._hits.items() if not v]:
                    del self._hits[key]
            return allowed


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def resolve_user(store: Store, session: Session, authorization: str | None) -> tuple[User | None, bool]:
    """The user of a request and whether it came from a bearer token (no CSRF check needed then)."""
    token = bearer_token(authorization)
    if token:
        return user_for_token(store, token), True
    if session.user:
        user = get_user(store, session.user)
        if user is None or not hmac.compare_digest(session.stamp, credentials_stamp(user)):
            session.sign_out()  # removed, or a new password, since this session signed in
            return None, False
        return user, False
    return None, False


__all__ = [
    "COOKIE_NAME",
    "CSRF_HEADER",
    "RateLimiter",
    "Session",
    "SessionCodec",
    "bearer_token",
    "has_role",
    "resolve_user",
]
