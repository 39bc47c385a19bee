"""The phone pages' app: create_app(settings) wires the directory, the templates and the pages.

Privacy: no cookies, no analytics, and the access log (ours, not uvicorn's) records the method,
the path without its query string, the status and the time taken: never what was searched for,
never an address. Anonymous counts go through the same usage counters as the other channels.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from directory import DirectoryError, open_state, search_services
from directory.db.source import ContentSource
from directory.lookup.categories import list_categories
from directory.state.usage import record_event
from web.i18n import from_accept_language
from web.pages import router
from web.rendering import BadRequest, NotFound, PageError, environment, render
from web.settings import WebSettings

log = logging.getLogger(__name__)
access = logging.getLogger("waypost.web.access")


class UsageCounter:
    """Anonymous counts (event, topic, outward code, language, found); never fails a page."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self._local = threading.local()

    def __call__(self, event: str, **fields: Any) -> None:
        if not self.settings.count_usage:
            return
        try:
            conn = getattr(self._local, "conn", None)
            if conn is None:
                conn = self._local.conn = open_state(self.settings.state_db)
            record_event(conn, "web", event, **fields)
        except Exception:  # counting must never cost a family their page
            log.warning("usage count failed", exc_info=True)


def warm(source: ContentSource) -> None:
    """Read once what every search needs (word lists, each topic's national services), so that
    the first families after a start or a new directory file do not wait for it."""
    try:
        db = source.get()
        categories = list_categories(db, "en")
    except DirectoryError:
        return  # the pages say so to each visitor; nothing to warm
    for category in categories:
        for near in (None, "London", "Cardiff", "Glasgow", "Belfast"):
            try:
                search_services(db, near=near, category=category.key, language="en", limit=1)
            except DirectoryError:
                continue  # a directory without that town: nothing to warm there


def create_app(settings: WebSettings) -> FastAPI:
    """The pages over the content database in settings.db."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=warm, args=(app.state.source,), daemon=True).start()
        yield

    app = FastAPI(
        title="Waypost pages", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.source = ContentSource(settings.db)
    app.state.templates = environment()
    app.state.count = UsageCounter(settings)
    app.include_router(router)

    @app.middleware("http")
    async def access_log(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        access.info(
            "%s %s %s %.1fms",
            request.method,
            request.url.path[:80],
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    def _language(request: Request) -> str:
        lang = request.query_params.get("lang", "")
        if lang in ("en", "es", "pt", "de", "el", "ro", "cy", "pl"):
            return lang
        return from_accept_language(request.headers.get("accept-language", "")) or (
            settings.default_language
        )

    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        return render(
            request,
            "error.html.j2",
            _language(request),
            status=exc.status,
            missing=isinstance(exc, NotFound),
        )

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError) -> Response:
        return await page_error(request, BadRequest("query"))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return await page_error(request, NotFound())
        if exc.status_code == 405:
            return Response(status_code=405, headers={"Allow": "GET"})
        return await page_error(request, BadRequest("request"))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s", request.url.path[:80], exc_info=exc)
        return render(request, "error.html.j2", _language(request), status=500, missing=False)

    return app
