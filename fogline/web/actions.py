"""State-changing routes: sign-in/out, review decisions, entity merges, user administration.

Every HTML form carries the session's CSRF token; API calls authenticate with a bearer token (no cookie, so
no CSRF) or, from the browser, send the token in the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fogline import review, users
from fogline.schema import RECORD_BY_TABLE, Review, User
from fogline.web.app import authorize, current_user, local_path, render, session_of, settings, store_of
from fogline.web.auth import CSRF_HEADER
from fogline.web.models import MergeAction, PublicUser, ReviewAction

FIELD_PREFIX = "field."


async def _authorized(request: Request, role: str, csrf: str | None) -> User:
    """The acting user; checks the role, and the CSRF token unless the request came with a bearer token."""
    user = await run_in_threadpool(authorize, request, role)
    await run_in_threadpool(current_user, request)
    if not request.state.via_token and not session_of(request).check_csrf(csrf):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
    assert user is not None  # authorize() only returns None for anonymous viewers
    return user


def _form_changes(table: str, item_id: str, form: dict[str, Any], store: Any) -> dict[str, Any]:
    """The edited fields of a review form whose value differs from the stored one."""
    record = RECORD_BY_TABLE[table]
    item = store.get(record, item_id)
    if item is None:
        raise review.ReviewError(f"no {table} item {item_id!r}")
    changes: dict[str, Any] = {}
    for key, raw in form.items():
        if not key.startswith(FIELD_PREFIX):
            continue
        name = key[len(FIELD_PREFIX) :]
        value = review.coerce_value(record, name, raw)
        current = getattr(item, name, None)
        current = getattr(current, "value", current)
        if value != current:
            changes[name] = value
    return changes


def _apply(store: Any, table: str, item_id: str, action: str, changes: dict[str, Any], user: User) -> Review:
    if action == "accept" and changes:  # the form was edited and then accepted: that is an edit
        action = "edit"
    if action == "accept":
        return review.accept(store, table, item_id, user)
    if action == "reject":
        return review.reject(store, table, item_id, user)
    if action == "edit":
        return review.edit(store, table, item_id, changes, user)
    raise review.ReviewError(f"unknown action {action!r}")


def register(app: FastAPI) -> None:
    @app.get("/login", include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> HTMLResponse:
        return render(request, "login.html", {"next": local_path(next), "error": None})

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form()
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        target = local_path(str(form.get("next", "/")))
        session = session_of(request)
        if not session.check_csrf(str(form.get("csrf_token", ""))):
            raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")
        ip = request.client.host if request.client else "?"
        if not settings(request).login_limiter.allow(f"ip:{ip}", f"user:{name.lower()}"):
            context = {"next": target, "error": "Too many attempts; wait a minute and try again."}
            return render(request, "login.html", context, status_code=429)
        user = await run_in_threadpool(users.authenticate, store_of(request), name, password)
        if user is None:
            return render(request, "login.html", {"next": target, "error": "Wrong name or password."}, 401)
        session.sign_in(user.name, users.credentials_stamp(user))
        return RedirectResponse(target, status_code=303)

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        form = await request.form()
        if not session_of(request).check_csrf(str(form.get("csrf_token", ""))):
            raise HTTPException(403, "missing or wrong CSRF token")
        session_of(request).sign_out()
        return RedirectResponse("/", status_code=303)

    @app.post("/review/merge", include_in_schema=False)
    async def merge_form(request: Request) -> Response:
        form = await request.form()
        user = await _authorized(request, "analyst", str(form.get("csrf_token", "")))
        try:
            await run_in_threadpool(
                review.merge_entities,
                store_of(request),
                str(form.get("keep_id", "")),
                str(form.get("merge_id", "")),
                user,
            )
        except review.ReviewError as exc:
            raise HTTPException(400, str(exc)) from None
        return RedirectResponse(local_path(str(form.get("next", "")), "/review/entities"), status_code=303)

    @app.post("/review/{table}/{item_id}", include_in_schema=False)
    async def review_form(request: Request, table: str, item_id: str) -> Response:
        form = await request.form()
        user = await _authorized(request, "analyst", str(form.get("csrf_token", "")))
        store = store_of(request)
        data = {k: str(v) for k, v in form.items()}
        try:
            review.record_type(table)
            changes = await run_in_threadpool(_form_changes, table, item_id, data, store)
            await run_in_threadpool(_apply, store, table, item_id, data.get("action", ""), changes, user)
        except review.ReviewError as exc:
            raise HTTPException(400, str(exc)) from None
        return RedirectResponse(local_path(data.get("next"), f"/review/{table}"), status_code=303)

    @app.post("/api/review/{table}/{item_id}", response_model=Review, tags=["review"])
    async def review_api(request: Request, table: str, item_id: str, body: ReviewAction) -> Review:
        """Accept, edit (with ``changes``) or reject one item. Needs the analyst role."""
        user = await _authorized(request, "analyst", request.headers.get(CSRF_HEADER))
        try:
            return await run_in_threadpool(
                _apply, store_of(request), table, item_id, body.action, body.changes, user
            )
        except review.ReviewError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.post("/api/merge", response_model=Review, tags=["review"])
    async def merge_api(request: Request, body: MergeAction) -> Review:
        """Merge entity ``merge_id`` into ``keep_id`` (its names become aliases). Needs the analyst role."""
        user = await _authorized(request, "analyst", request.headers.get(CSRF_HEADER))
        try:
            return await run_in_threadpool(
                review.merge_entities, store_of(request), body.keep_id, body.merge_id, user
            )
        except review.ReviewError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.get("/api/users", response_model=list[PublicUser], tags=["admin"])
    def users_api(request: Request) -> list[PublicUser]:
        """Every user (name, role, created). Needs the admin role."""
        authorize(request, "admin")
        return [PublicUser.of(u) for u in users.list_users(store_of(request))]

    @app.get("/api/me", response_model=PublicUser | None, tags=["admin"])
    def me_api(request: Request) -> PublicUser | None:
        """The signed-in user, or null."""
        user = current_user(request)
        return PublicUser.of(user) if user else None

    @app.get("/admin/users", include_in_schema=False)
    def users_page(request: Request, error: str = "") -> Response:
        try:
            authorize(request, "admin")
        except HTTPException as exc:
            if exc.status_code == 401:
                return RedirectResponse("/login?" + urlencode({"next": "/admin/users"}), status_code=303)
            raise
        listing = [PublicUser.of(u) for u in users.list_users(store_of(request))]
        return render(
            request, "users.html", {"users": listing, "roles": list(users.ROLE_RANK), "error": error}
        )

    @app.post("/admin/users", include_in_schema=False)
    async def users_action(request: Request) -> Response:
        form = await request.form()
        await _authorized(request, "admin", str(form.get("csrf_token", "")))
        store, name = store_of(request), str(form.get("name", ""))
        try:
            if form.get("action") == "remove":
                me = current_user(request)
                if me is not None and me.name == name:
                    raise users.UserError("you cannot remove yourself")
                await run_in_threadpool(users.remove_user, store, name)
            else:
                await run_in_threadpool(
                    users.add_user,
                    store,
                    name,
                    str(form.get("password", "")),
                    str(form.get("role", "viewer")),
                )
        except users.UserError as exc:
            return RedirectResponse("/admin/users?" + urlencode({"error": str(exc)}), status_code=303)
        return RedirectResponse("/admin/users", status_code=303)
