"""The web app factory: one FastAPI app serving HTML pages, a JSON API and the OpenAPI schema.

Every page comes from one data function that is registered three times (datasette style):
``/figures`` renders it as HTML, ``/figures.json`` and ``/api/figures`` return the same data as JSON.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from fogline.report import text as report_text
from fogline.schema import User
from fogline.store import Store
from fogline.users import has_role, session_secret
from fogline.web.auth import COOKIE_NAME, SESSION_MAX_AGE, RateLimiter, Session, SessionCodec, resolve_user

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

templates = Jinja2Templates(directory=str(HERE / "templates"))


class Settings:
    """What the app was started with; kept on ``app.state.settings``."""

    def __init__(self, store: Store, anonymous_read: bool, login_limit: int, login_window: float) -> None:
        self.store = store
        self.anonymous_read = anonymous_read
        self.codec = SessionCodec(session_secret(store))
        self.login_limiter = RateLimiter(login_limit, login_window)


def settings(request: Request) -> Settings:
    result: Settings = request.app.state.settings
    return result


def store_of(request: Request) -> Store:
    return settings(request).store


def session_of(request: Request) -> Session:
    result: Session = request.state.session
    return result


def current_user(request: Request) -> User | None:
    """The signed-in user (bearer token or session cookie), resolved once per request."""
    if not hasattr(request.state, "user"):
        user, via_token = resolve_user(
            store_of(request), session_of(request), request.headers.get("authorization")
        )
        request.state.user, request.state.via_token = user, via_token
    found: User | None = request.state.user
    return found


def authorize(request: Request, role: str) -> User | None:
    """Raise 401/403 unless the request may act with ``role`` (anonymous viewers with --anonymous-read)."""
    user = current_user(request)
    if role == "viewer" and user is None and settings(request).anonymous_read:
        return None
    if user is None:
        raise HTTPException(401, "sign in required", headers={"WWW-Authenticate": "Bearer"})
    if not has_role(user, role):
        raise HTTPException(403, f"needs the {role} role")
    return user


def local_path(target: str | None, default: str = "/") -> str:
    """A redirect target restricted to this site (no scheme, no host, no protocol-relative URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    session = session_of(request)
    user = current_user(request)
    base = {
        "user": user,
        "csrf_token": session.csrf,
        "can_review": has_role(user, "analyst"),
        "is_admin": has_role(user, "admin"),
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


def page_url(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (pagination, filters)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def json_text(value: Any) -> str:
    """JSON as plain text (escaped by the template like any other string, safe inside attributes)."""
    return json.dumps(value, ensure_ascii=False, default=str)


templates.env.globals["page_url"] = page_url
templates.env.globals["json_text"] = json_text
# tallies read the same on every page as in the report: "more than 460" is ">460", not 461
templates.env.globals["tally_value"] = report_text.value
templates.env.globals["tally_best_text"] = report_text.best_text
templates.env.globals["tally_range"] = report_text.tally_range
templates.env.globals["tally_status"] = report_text.status


def view(
    app: FastAPI,
    path: str,
    *,
    template: str,
    model: Any = None,
    role: str = "viewer",
    api_path: str | None = None,
    html_extra: Callable[[Request, Any], dict[str, Any]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a data function ``fn(request, ...) -> data`` as an HTML page and two JSON routes."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def as_json(request: Request, *args: Any, **kwargs: Any) -> Any:
            authorize(request, role)
            return fn(request, *args, **kwargs)

        @functools.wraps(fn)
        def as_html(request: Request, *args: Any, **kwargs: Any) -> Response:
            try:
                authorize(request, role)
            except HTTPException as exc:
                if exc.status_code == 401:
                    return RedirectResponse(
                        "/login?" + urlencode({"next": page_url(request)}), status_code=303
                    )
                raise
            data = fn(request, *args, **kwargs)
            context = {"data": data, **(html_extra(request, data) if html_extra else {})}
            return render(request, template, context)

        for wrapper in (as_json, as_html):
            wrapper.__dict__["__signature__"] = signature.replace(return_annotation=inspect.Signature.empty)
        json_paths = [api_path or f"/api{path}", (path.rstrip("/") or "/index") + ".json"]
        for json_path in json_paths:
            app.add_api_route(json_path, as_json, methods=["GET"], response_model=model, name=None)
        app.add_api_route(
            path, as_html, methods=["GET"], response_class=HTMLResponse, include_in_schema=False
        )
        return fn

    return register


def _session_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def sessions(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        conf = settings(request)
        request.state.session = Session.from_dict(conf.codec.loads(request.cookies.get(COOKIE_NAME)))
        response = await call_next(request)
        session: Session = request.state.session
        path = request.url.path
        machine = path.startswith(("/api/", "/static/", "/export/")) or path.endswith(".json")
        if session.dirty and not (
            session.fresh and machine
        ):  # API clients get no cookie they did not ask for
            response.set_cookie(
                COOKIE_NAME,
                conf.codec.dumps(session.to_dict()),
                max_age=SESSION_MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
                path="/",
            )
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response


# what a query parameter should look like, for people (pydantic's message quotes a regular expression)
PATTERN_HINTS = {
    "since": "expected a date: YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "expected a date: YYYY, YYYY-MM or YYYY-MM-DD",
}


def create_app(
    store: Store, *, anonymous_read: bool = False, login_limit: int = 5, login_window: float = 60.0
) -> FastAPI:
    """The Fogline web app over one store."""
    from fogline.web import actions, pages

    app = FastAPI(
        title="Fogline",
        description="Dated, sourced, reconciled records of a conflict, read from crisis reporting.",
        version="0.1.0",
        docs_url=None,  # the Swagger page loads scripts from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.settings = Settings(store, anonymous_read, login_limit, login_window)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _session_middleware(app)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        wants_json = request.url.path.startswith("/api/") or request.url.path.endswith(".json")
        if wants_json or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(
                jsonable_encoder({"detail": exc.detail}), exc.status_code, headers=exc.headers
            )
        return render(
            request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> Response:
        wants_json = request.url.path.startswith("/api/") or request.url.path.endswith(".json")
        if wants_json or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(jsonable_encoder({"detail": exc.errors()}), 422)
        fields = [(str(err.get("loc", ["?"])[-1]), err.get("msg")) for err in exc.errors()]
        problems = "; ".join(f"{name}: {PATTERN_HINTS.get(name, msg)}" for name, msg in fields)
        return render(request, "error.html", {"status": 422, "detail": f"Invalid input — {problems}"}, 422)

    actions.register(app)
    pages.register(app)
    return app
