"""The HTTP API (FastAPI): thin routes over the store, read-only unless started with a token.

Each worker thread keeps its own read-only connection to the store (SQLite connections stay on the
thread that made them); a download is written to a temporary file on that thread and then sent, so
a large view never sits in memory. Every failure answers as an RFC 9457 problem document carrying
the error code the command line would print.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
import json
import os
import tempfile
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import BadOption, InputTooLarge, NotAllowed, NotFound, SitrepError
from ..export.store_export import export_store
from ..store import Store, open_store
from . import schemas, views
from .filters import EventQuery
from .problems import PROBLEM_TYPE, problem
from .writes import ArticleIn, ArticleWriter

# The filters of an event route, read from its query string (module level: the routes' annotations are
# resolved against this module's names).
Events = Annotated[EventQuery, Depends()]
STATIC = Path(__file__).parent / "static"
# The page may load scripts, styles, images and data from this server alone, and no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
DEFAULT_BODY_LIMIT = 1_000_000  # bytes of a posted article
DOWNLOADS = {"geojson": ("geojson", "application/geo+json"), "csv": ("acled-csv", "text/csv; charset=utf-8")}


@dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
class Settings:
    db: Path
    token: str | None = None
    body_limit: int = DEFAULT_BODY_LIMIT


class _Stores(threading.local):
    """One read-only store per worker thread."""

    store: Store | None = None


def create_app(settings: Settings) -> FastAPI:
    """The application over the store at ``settings.db`` (opened once here, so a bad path fails now)."""
    open_store(settings.db).close()
    stores = _Stores()

    def store() -> Store:
        if stores.store is None:
            stores.store = open_store(settings.db)
        return stores.store

    writer = ArticleWriter(settings.db)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        writer.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        version=__version__,
        description="Conflict events extracted from news, with every source's claims side by side.",
        docs_url=None,  # its page would load scripts from a CDN; the schema is at /api/openapi.json
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    _errors(app)
    app.add_middleware(_BodyLimit, limit=settings.body_limit)
    app.add_middleware(_SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get(
        "/api/events",
        tags=["events"],
        summary="A page of events, newest first",
        response_model=schemas.EventPage,
        responses=schemas.PROBLEMS,
    )
    def events(
        query: Events,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[str | None, Query(description="the `next` of the previous page")] = None,
    ) -> Response:
        return _json(views.page_body(store().page(query.to_filter(), size=limit, after=cursor)))

    @app.get(
        "/api/events/count",
        tags=["events"],
        summary="How many events match",
        response_model=schemas.Count,
        responses=schemas.PROBLEMS,
    )
    def count(query: Events) -> Response:
        return _json({"count": store().count_events(query.to_filter())})

    @app.get("/api/events.{fmt}", tags=["downloads"], summary="The matching events as GeoJSON or ACLED-style CSV")
    def download(fmt: str, query: Events) -> FileResponse:
        if fmt not in DOWNLOADS:
            raise NotFound(f"no download as {fmt!r}; choose geojson or csv", source="format")
        name, media = DOWNLOADS[fmt]
        handle, path = tempfile.mkstemp(prefix="sitrep-", suffix=f".{fmt}")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                export_store(store(), query.to_filter(), name, out)
        except BaseException:
            os.unlink(path)
            raise
        return FileResponse(
            path, media_type=media, filename=f"sitrep-events.{fmt}", background=BackgroundTask(os.unlink, path)
        )

    @app.get(
        "/api/events/{event_id}",
        tags=["events"],
        summary="One event with its evidence and incident",
        response_model=schemas.EventDetail,
        responses=schemas.PROBLEMS,
    )
    def event(event_id: str) -> Response:
        found = store().event(event_id)
        if found is None:
            raise NotFound("no event of this id in the store", source=event_id)
        return _json(views.event_detail(store(), found))

    @app.get(
        "/api/counts/day",
        tags=["charts"],
        summary="Matching events per day",
        response_model=schemas.DayCounts,
        responses=schemas.PROBLEMS,
    )
    def per_day(query: Events) -> Response:
        rows = store().counts_by_day(query.to_filter())
        return _json({"days": [{"date": d.isoformat(), "count": n} for d, n in rows]})

    @app.get(
        "/api/counts/type",
        tags=["charts"],
        summary="Matching events per ACLED type and sub-type",
        response_model=schemas.TypeCounts,
        responses=schemas.PROBLEMS,
    )
    def per_type(query: Events) -> Response:
        rows = store().counts_by_type(query.to_filter())
        return _json({"types": [{"acled_type": t, "acled_subtype": s, "count": n} for t, s, n in rows]})

    @app.get(
        "/api/incidents",
        tags=["incidents"],
        summary="Merged incidents with a report matching the filters, newest first",
        response_model=schemas.IncidentPage,
        responses=schemas.PROBLEMS,
    )
    def incidents(
        query: Events,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[str | None, Query(description="the `next` of the previous page")] = None,
    ) -> Response:
        page = store().incident_page(query.to_filter(), size=limit, after=cursor)
        return _json({"incidents": [views.incident_summary(i) for i in page.incidents], "next": page.next})

    @app.get(
        "/api/incidents/{incident_id}",
        tags=["incidents"],
        summary="One incident, every report side by side",
        response_model=schemas.IncidentDetail,
        responses=schemas.PROBLEMS,
    )
    def incident(incident_id: str) -> Response:
        body = views.incident_body(store(), store().incident(incident_id))
        if body is None:
            raise NotFound("no incident of this id in the store", source=incident_id)
        return _json(body)

    @app.post(
        "/api/documents",
        tags=["write"],
        status_code=201,
        summary="Extract an article and store it",
        response_model=schemas.Posted,
        responses={
            **schemas.PROBLEMS,
            401: {"model": schemas.Problem, "description": "no or a wrong bearer token (E013)"},
            413: {"model": schemas.Problem, "description": "the body is over the limit (E004)"},
        },
    )
    async def post_document(
        article: ArticleIn, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        _check_token(settings.token, authorization)
        return await writer.store(article)

    @app.get("/api/health", tags=["meta"], summary="Whether the store can be read", response_model=schemas.Health)
    def health() -> dict[str, Any]:
        s = store()
        return {"status": "ok", "events": s.count_events(), "writable": settings.token is not None}

    return app


def _json(body: Any) -> Response:
    """A JSON answer written by orjson straight from the view (FastAPI's own encoder walks every value
    again and costs more than the query on a page of events)."""
    return Response(orjson.dumps(body), media_type="application/json")


def _check_token(token: str | None, header: str | None) -> None:
    if token is None:
        raise NotAllowed("this server is read-only (start it with --token to accept articles)", source="POST")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise NotAllowed("a bearer token is needed to post articles", source="Authorization")


def _errors(app: FastAPI) -> None:
    def answer(request: Request, error: SitrepError) -> JSONResponse:
        status, body = problem(error, instance=request.url.path)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)

    @app.exception_handler(SitrepError)
    async def coded(request: Request, exc: SitrepError) -> JSONResponse:
        return answer(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body"))
        return answer(request, BadOption(str(first.get("msg", "invalid request")), source=where or "request"))

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return answer(request, NotFound("no such address", source=request.url.path))
        _, body = problem(BadOption(str(exc.detail), source=request.url.path), instance=request.url.path)
        return JSONResponse({**body, "status": exc.status_code}, status_code=exc.status_code, media_type=PROBLEM_TYPE)

    @app.exception_handler(Exception)
    async def anything(request: Request, exc: Exception) -> JSONResponse:
        body = {
            "type": "urn:sitrep:error:E000",
            "title": "Internal error",
            "status": 500,
            "detail": f"an unexpected {type(exc).__name__}; the server goes on",
            "code": "E000",
            "instance": request.url.path,
        }
        return JSONResponse(body, status_code=500, media_type=PROBLEM_TYPE)


class _SecurityHeaders:
    """The Content-Security-Policy and its companions on every response."""

    HEADERS = (
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


class _BodyLimit:
    """Refuses a request body over ``limit`` bytes (413, E004): at once by its Content-Length, else by
    reading it (never more than ``limit`` bytes are held) before the route sees any of it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self.limit:
                await _too_large(scope, send, self.limit)
                return
            await self.app(scope, receive, send)
            return
        held: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await _too_large(scope, send, self.limit)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return held.pop(0) if held else await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    status, body = problem(InputTooLarge(f"a request body is limited to {limit} bytes", source=scope.get("path")))
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", PROBLEM_TYPE.encode()), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})
