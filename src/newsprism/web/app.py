"""The web app (``newsprism serve``): server-rendered pages and a JSON API over a store.

Security stance: every piece of article text reaches the browser through an
autoescaping template or :func:`newsprism.report.highlight.highlight`; a strict
Content-Security-Policy forbids inline scripts; the store is opened read-only
unless asked otherwise; oversized requests are refused before routing; no
route fetches a URL.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import httpx
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..corpus import Corpus
from ..errors import NewsprismError, StoreError
from .data import BadRequest, NotFound, WebData
from .pages import render_page

__all__ = ["CSP", "MAX_BODY_BYTES", "MAX_QUERY_BYTES", "create_app", "get", "request", "serve"]

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
API = "/api"
MAX_QUERY_BYTES = 8 * 1024
MAX_PATH_BYTES = 2 * 1024
MAX_BODY_BYTES = 1024 * 1024
# Side by side is readable for a handful of articles; bigger stories page through their originals.
STORY_PAGE_ARTICLES = 8
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_SAFE_METHODS = {"GET", "HEAD"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _is_api(path: str) -> bool:
    return path == API or path.startswith(API + "/")


def envelope_error(status: int, message: str) -> JSONResponse:
    """The one error shape of the API: ``{"ok": false, "error", "status"}``."""
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def ok(**payload: Any) -> JSONResponse:
    """The one success shape of the API: ``{"ok": true, ...}``."""
    return JSONResponse({"ok": True, **payload})


class Guard:
    """ASGI middleware: size limits and read-only refusal before routing; security headers on every answer."""

    def __init__(self, app: ASGIApp, *, readonly: bool = True, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.readonly = readonly
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        refusal = None
        allow = None
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            refusal = (414, f"query string longer than {MAX_QUERY_BYTES} bytes; shorten it")
        elif len(scope.get("raw_path") or path.encode()) > MAX_PATH_BYTES:
            refusal = (414, f"path longer than {MAX_PATH_BYTES} bytes; shorten it")
        elif self.readonly and method not in _SAFE_METHODS:
            refusal = (405, f"{method} is not allowed: this server is read-only (start it with --writable)")
            allow = "GET, HEAD"
        elif method not in _SAFE_METHODS:
            length = headers.get(b"content-length")
            if length is None and headers.get(b"transfer-encoding"):
                refusal = (411, "send a Content-Length header; chunked bodies are refused")
            elif length is not None and (not length.isdigit() or int(length) > self.max_body):
                refusal = (413, f"request body larger than {self.max_body} bytes; send less")
        if refusal is not None:
            status, message = refusal
            if _is_api(path):
                resp: Response = envelope_error(status, message)
            else:
                resp = Response(f"{status}: {message}\n", status_code=status, media_type="text/plain")
            if allow:
                resp.headers["allow"] = allow
            await resp(scope, receive, self._with_headers(send, path))
            return
        head = method == "HEAD"
        if head:
            # Answer HEAD as GET without the body, so every page and API route supports it.
            scope = {**scope, "method": "GET"}
        await self.app(scope, receive, self._with_headers(send, path, head=head))

    @staticmethod
    def _with_headers(send: Send, path: str, *, head: bool = False) -> Send:
        async def wrapped(message: Message) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                hdrs = list(message.get("headers", []))
                hdrs.extend(_HEADERS)
                if _is_api(path):
                    hdrs.append((b"cache-control", b"no-store"))
                message["headers"] = hdrs
            await send(message)

        return wrapped


def _templates() -> Environment:
    # Autoescape on for every template whatever its name (the files end in .j2, which
    # select_autoescape would not recognise as HTML).
    env = Environment(
        loader=PackageLoader("newsprism.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.globals["version"] = __version__
    return env


def create_app(db: str, *, readonly: bool = True) -> FastAPI:
    """The ASGI app over the store ``db`` (opened read-only unless ``readonly=False``)."""
    corpus = Corpus(db, readonly=readonly)
    try:
        corpus.store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()
    except sqlite3.DatabaseError as exc:
        corpus.close()
        raise StoreError(f"{db}: not a newsprism store ({exc}); choose another --db") from None
    data = WebData(corpus)
    env = _templates()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=(
            "Stories, entities, quotes, claims and timelines found in a newsprism store. Every answer is an "
            'envelope: `{"ok": true, ...}` or `{"ok": false, "error": "...", "status": N}`.'
        ),
        docs_url=None,  # the interactive docs pull scripts from a CDN; the description is at /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        redirect_slashes=False,  # a redirect would answer outside the envelope
    )
    app.state.data = data
    app.state.readonly = readonly
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(name: str, http_status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(render_page(env, name, **ctx), status_code=http_status)

    def fail(request: Request, status: int, message: str) -> Response:
        if _is_api(request.url.path):
            return envelope_error(status, message)
        return page("error.html.j2", status, status=status, message=message, title=f"Error {status}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            message = f"no page at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        resp = fail(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
        return fail(request, 400, "bad parameter — " + "; ".join(problems))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return fail(request, 404, str(exc))

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return fail(request, 400, str(exc))

    @app.exception_handler(NewsprismError)
    async def newsprism_error(request: Request, exc: NewsprismError) -> Response:
        return fail(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return fail(request, 500, f"internal error ({type(exc).__name__}); see the server log")

    _html_routes(app, data, page)
    _api_routes(app, data)
    app.add_middleware(Guard, readonly=readonly)
    return app


# --------------------------------------------------------------------------- pages

PageFn = Callable[..., HTMLResponse]
Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
SearchQ = Annotated[str, Query(max_length=500, description="Words to find (FTS5, matched as plain words).")]


def _html_routes(app: FastAPI, data: WebData, page: PageFn) -> None:
    per_page = 50

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def index(p: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1) -> HTMLResponse:
        stories, total = data.story_list((p - 1) * per_page, per_page)
        pages = max(1, -(-total // per_page))
        return page("index.html.j2", stories=stories, total=total, page=p, pages=pages, title="Stories")

    @app.get("/stories/{story_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def story(
        story_id: str,
        entity: Annotated[str | None, Query(max_length=200)] = None,
        p: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        doc = data.story_page(story_id, p, STORY_PAGE_ARTICLES)
        return page("story.html.j2", doc=doc, selected=entity, title=doc["story"]["title"])

    @app.get("/entities/{entity_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def entity(entity_id: str) -> HTMLResponse:
        doc = data.entity_doc(entity_id)
        return page("entity.html.j2", doc=doc, title=doc["entity"]["name"])

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search(q: SearchQ = "") -> HTMLResponse:
        results = data.search(q) if q.strip() else []
        return page("search.html.j2", q=q, results=results, title=f"Search: {q}" if q else "Search")


# --------------------------------------------------------------------------- JSON API


def _marks(parts: list[tuple[str, bool]]) -> list[list[int]]:
    out, pos = [], 0
    for text, hit in parts:
        if hit:
            out.append([pos, pos + len(text)])
        pos += len(text)
    return out


def _api_routes(app: FastAPI, data: WebData) -> None:
    @app.get(API, summary="What this API offers")
    def api_index() -> JSONResponse:
        return ok(
            name="newsprism",
            version=__version__,
            openapi="/openapi.json",
            endpoints=[
                "/api/stories",
                "/api/stories/{id}",
                "/api/entities/{id}",
                "/api/search?q=",
                "/api/check?claim=",
            ],
        )

    @app.get(f"{API}/stories", summary="Stories: title, outlets, dates, article count (newest first)")
    def api_stories(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> JSONResponse:
        stories, total = data.story_list(offset, limit)
        return ok(total=total, offset=offset, limit=limit, stories=stories)

    @app.get(f"{API}/stories/{{story_id:path}}",
             summary="One story: articles, comparison, entities, quotes, claims, timeline")
    def api_story(story_id: str) -> JSONResponse:
        doc = data.story_doc(story_id)
        return ok(**{k: v for k, v in doc.items() if not k.startswith("_")})

    @app.get(f"{API}/entities/{{entity_id:path}}",
             summary="One entity: aliases, mentions in context, stories, quotes, claims")
    def api_entity(entity_id: str) -> JSONResponse:
        return ok(**data.entity_doc(entity_id))

    @app.get(f"{API}/search", summary="Full-text search over titles and texts")
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> JSONResponse:
        results = [
            {k: v for k, v in r.items() if k != "parts"} | {"marks": _marks(r["parts"])}
            for r in data.search(q, limit)
        ]
        return ok(query=q, results=results)

    @app.get(f"{API}/check", summary="Stance of stored articles toward a claim (asserts, denies, discusses)")
    def api_check(
        claim: Annotated[str, Query(min_length=1, max_length=1000, description="The claim's text.")],
        top_k: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> JSONResponse:
        return ok(**data.check(claim, top_k))


# --------------------------------------------------------------------------- entry points


def get(db: str, path: str, *, readonly: bool = True) -> tuple[int, str, str]:
    """Run one GET request in-process (``newsprism serve --get PATH``): (status, content type, body)."""
    if not path.startswith("/"):
        path = "/" + path
    app = create_app(db, readonly=readonly)
    try:
        r = request(app, "GET", path)
    finally:
        app.state.data.corpus.close()
    return r.status_code, r.headers.get("content-type", ""), r.text


def request(app: FastAPI, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request to ``app`` in-process, no socket (httpx's ASGI transport)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, *, readonly: bool = True) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn

    if not 1 <= port <= 65535:
        raise NewsprismError(f"--port {port} is not a TCP port; choose 1-65535")
    try:
        if not ipaddress.ip_address(host).is_loopback:
            log.warning("serving on %s: anyone who can reach this address can read the store", host)
    except ValueError:
        if host != "localhost":
            log.warning("serving on %s: anyone who can reach this address can read the store", host)
    app = create_app(db, readonly=readonly)
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False, log_level="info")

