"""Users: password hashing, roles, API tokens, the signing secret, the session codec and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogline import users
from fogline.cli import app
from fogline.schema import User
from fogline.store import Store
from fogline.web.auth import RateLimiter, Session, SessionCodec


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "_SCRYPT_N", 2**8)


def test_password_hash_is_salted_and_verifies() -> None:
    a, b = users.hash_password("correct horse"), users.hash_password("correct horse")
    assert a != b and a.startswith("scrypt$") and "correct" not in a
    assert users.verify_password("correct horse", a)
    assert not users.verify_password("correct horsE", a)
    assert not users.verify_password("x", "garbage") and not users.verify_password("x", "md5$1$2$3$4$5")


def test_add_authenticate_and_roles(store: Store) -> None:
    user = users.add_user(store, "nadia", "long-password", "analyst")
    assert user.password_hash != "long-password"
    assert users.authenticate(store, "nadia", "long-password") is not None
    assert users.authenticate(store, "nadia", "wrong-password") is None
    assert users.authenticate(store, "nobody", "long-password") is None
    assert (
        users.has_role(user, "viewer")
        and users.has_role(user, "analyst")
        and not users.has_role(user, "admin")
    )
    assert not users.has_role(None, "viewer")
    users.set_role(store, "nadia", "admin")
    assert users.has_role(users.get_user(store, "nadia"), "admin")


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("nadia", "short", "viewer", "at least 8"),
        ("two words", "long-password", "viewer", "without spaces"),
        ("", "long-password", "viewer", "without spaces"),
        ("omar", "long-password", "owner", "unknown role"),
    ],
)
def test_invalid_users(store: Store, name: str, password: str, role: str, message: str) -> None:
    with pytest.raises(users.UserError, match=message):
        users.add_user(store, name, password, role)
    assert store.count(User) == 0


def test_duplicate_and_removal(store: Store) -> None:
    users.add_user(store, "nadia", "long-password")
    with pytest.raises(users.UserError, match="already exists"):
        users.add_user(store, "Nadia", "long-password")
    users.remove_user(store, "nadia")
    assert users.list_users(store) == []
    with pytest.raises(users.UserError, match="no user"):
        users.remove_user(store, "nadia")


def test_tokens_store_only_a_hash(store: Store) -> None:
    users.add_user(store, "nadia", "long-password")
    token = users.new_token(store, "nadia")
    stored = users.get_user(store, "nadia")
    assert stored is not None and stored.token_hash and token not in stored.token_hash
    assert users.user_for_token(store, token).name == "nadia"  # type: ignore[union-attr]
    second = users.new_token(store, "nadia")
    assert users.user_for_token(store, token) is None  # the old token stops working
    assert users.user_for_token(store, second) is not None
    assert users.user_for_token(store, "") is None


def test_new_password_revokes_the_token_and_changes_the_stamp(store: Store) -> None:
    users.add_user(store, "nadia", "long-password")
    token = users.new_token(store, "nadia")
    before = users.get_user(store, "nadia")
    assert before is not None
    stamp = users.credentials_stamp(before)
    assert stamp and stamp not in before.password_hash
    users.set_password(store, "nadia", "another-password")
    after = users.get_user(store, "nadia")
    assert after is not None and after.token_hash is None
    assert users.user_for_token(store, token) is None
    assert users.credentials_stamp(after) != stamp
    assert users.authenticate(store, "nadia", "another-password") is not None
    assert users.authenticate(store, "nadia", "long-password") is None
    users.set_role(store, "nadia", "analyst")  # other changes keep the sessions
    changed = users.get_user(store, "nadia")
    assert changed is not None and users.credentials_stamp(changed) == users.credentials_stamp(after)


def test_session_secret_is_per_database_and_stable(store: Store) -> None:
    first = users.session_secret(store)
    assert len(first) >= 32 and users.session_secret(store) == first
    other = Store("sqlite:///:memory:")
    assert users.session_secret(other) != first


def test_session_codec_rejects_forgery_and_age() -> None:
    codec = SessionCodec(b"secret-one")
    value = codec.dumps({"u": "nadia", "c": "tok"})
    assert codec.loads(value) is not None and codec.loads(value)["u"] == "nadia"  # type: ignore[index]
    assert SessionCodec(b"secret-two").loads(value) is None
    sig = value.rsplit(".", 1)[1]
    import base64
    import json

    forged = (
        base64.urlsafe_b64encode(json.dumps({"u": "admin", "c": "tok", "iat": 9e9}).encode())
        .decode()
        .rstrip("=")
    )
    assert codec.loads(f"{forged}.{sig}") is None
    assert SessionCodec(b"secret-one", max_age=-1).loads(value) is None
    assert codec.loads("garbage") is None and codec.loads(None) is None


def test_session_csrf_changes_on_sign_in() -> None:
    session = Session()
    before = session.csrf
    session.sign_in("nadia", "stamp")
    assert Session.from_dict(session.to_dict()).stamp == "stamp"
    assert session.csrf != before and session.check_csrf(session.csrf) and not session.check_csrf(before)
    assert not session.check_csrf("") and not session.check_csrf(None)


def test_rate_limiter() -> None:
    limiter = RateLimiter(limit=3, window=60)
    assert [limiter.allow("ip:1", "user:a") for _ in range(4)] == [True, True, True, False]
    assert not limiter.allow("ip:2", "user:a")  # the user is limited from any address
    assert limiter.allow("ip:2", "user:b")
    assert RateLimiter(limit=1, window=0).allow("k") and RateLimiter(limit=1, window=0).allow("k")


def test_cli_users(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    runner = CliRunner()
    r = runner.invoke(
        app,
        ["users", "add", "nadia", "--role", "analyst", "--password-stdin", "--db", db],
        input="long-password\n",
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app,
        ["users", "add", "omar", "--role", "owner", "--password-stdin", "--db", db],
        input="long-password\n",
    )
    assert r.exit_code == 1 and "unknown role" in r.output and "Traceback" not in r.output
    token = runner.invoke(app, ["users", "token", "nadia", "--db", db]).output.strip()
    assert token.startswith("fl_")
    listing = runner.invoke(app, ["users", "list", "--db", db]).output
    assert "nadia" in listing and "analyst" in listing and token not in listing
    store = Store(db)
    assert users.user_for_token(store, token).name == "nadia"  # type: ignore[union-attr]
    assert users.authenticate(store, "nadia", "long-password") is not None
    assert runner.invoke(app, ["users", "remove", "nadia", "--db", db]).exit_code == 0
    assert users.list_users(store) == []
    store.close()


def test_cli_prompts_for_password_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    r = CliRunner().invoke(app, ["users", "add", "nadia", "--db", db], input="long-password\nlong-password\n")
    assert r.exit_code == 0, r.output
    assert "long-password" not in r.output
    store = Store(db)
    assert users.authenticate(store, "nadia", "long-password") is not None
    store.close()
