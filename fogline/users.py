"""Users of the web app: roles, password hashing (scrypt, stdlib), API tokens, and the signing secret.

Only hashes are stored: a password's scrypt hash and an API token's SHA-256. Nothing here prints or logs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select

from fogline.schema import User, make_id
from fogline.store import Store
from fogline.store.tables import settings_table


class Role(StrEnum):
    VIEWER = "viewer"  # read
    ANALYST = "analyst"  # read and review
    ADMIN = "admin"  # everything, including users


ROLE_RANK: dict[str, int] = {Role.VIEWER: 1, Role.ANALYST: 2, Role.ADMIN: 3}

# scrypt cost: 16 MiB of memory per hash, ~50 ms; enough to slow guessing, cheap enough for sign-in.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class UserError(ValueError):
    """A user cannot be created, found or changed."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str) -> str:
    """A salted scrypt hash, self-describing: ``scrypt$n$r$p$salt$hash``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def user_id(name: str) -> str:
    return make_id("user", name.strip().lower())


def _check_role(role: str) -> str:
    if role not in ROLE_RANK:
        raise UserError(f"unknown role {role!r}: choose one of {', '.join(ROLE_RANK)}")
    return role


def get_user(store: Store, name: str) -> User | None:
    return store.get(User, user_id(name))


def add_user(store: Store, name: str, password: str, role: str = Role.VIEWER) -> User:
    """Create a user; fails when the name is taken or the password is shorter than 8 characters."""
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise UserError("user names are 1-64 characters without spaces")
    if len(password) < 8:
        raise UserError("passwords need at least 8 characters")
    if get_user(store, name) is not None:
        raise UserError(f"user {name!r} already exists")
    user = User(
        id=user_id(name),
        name=name,
        role=_check_role(role),
        password_hash=hash_password(password),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    store.put(user)
    return user


def set_password(store: Store, name: str, password: str) -> None:
    """Set a new password: the user's existing sessions end and their API token is revoked."""
    user = _require(store, name)
    if len(password) < 8:
        raise UserError("passwords need at least 8 characters")
    user.password_hash = hash_password(password)  # a new salt, so a new ``credentials_stamp``
    user.token_hash = None
    store.put(user)


def credentials_stamp(user: User) -> str:
    """A short digest of the user's password hash, kept in their session at sign-in.

    A session whose stamp no longer matches (new password, user removed and re-created) is signed out.
    """
    return hashlib.sha256(b"fogline-credentials:" + user.password_hash.encode("utf-8")).hexdigest()[:24]


def set_role(store: Store, name: str, role: str) -> User:
    user = _require(store, name)
    user.role = _check_role(role)
    store.put(user)
    return user


def remove_user(store: Store, name: str) -> None:
    store.delete(User, _require(store, name).id)


def list_users(store: Store) -> list[User]:
    return store.records(User, order_by="name")


def _require(store: Store, name: str) -> User:
    user = get_user(store, name)
    if user is None:
        raise UserError(f"no user {name!r}")
    return user


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when name and password match, else None (a dummy hash keeps the timing similar)."""
    user = get_user(store, name)
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    return user if verify_password(password, user.password_hash) else None


def new_token(store: Store, name: str) -> str:
    """Issue a new API token for a user (replacing the old one). Only its hash is stored: show it once."""
    user = _require(store, name)
    token = "fl_" + secrets.token_urlsafe(32)
    user.token_hash = hash_token(token)
    store.put(user)
    return token


def user_for_token(store: Store, token: str) -> User | None:
    if not token:
        return None
    rows = store.records(User, where={"token_hash": hash_token(token)}, limit=1)
    return rows[0] if rows else None


def has_role(user: User | None, role: str) -> bool:
    return user is not None and ROLE_RANK.get(user.role, 0) >= ROLE_RANK[role]


# -- per-database settings (the session signing secret; table from migration 0003) -----------------------


def get_setting(store: Store, key: str) -> str | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(settings_table.c.value).where(settings_table.c.key == key)).first()
    return row[0] if row else None


def session_secret(store: Store) -> bytes:
    """The database's secret for signing session cookies, created on first use."""
    value = get_setting(store, "session_secret")
    if value is None:
        candidate = secrets.token_urlsafe(48)
        try:
            with store.engine.begin() as conn:
                conn.execute(settings_table.insert().values(key="session_secret", value=candidate))
        except Exception:  # another process created it first: use theirs
            pass
        value = get_setting(store, "session_secret") or candidate
    return value.encode("utf-8")


_DUMMY_HASH = hash_password(secrets.token_urlsafe(12))
