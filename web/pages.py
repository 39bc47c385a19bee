"""The pages: each route reads the core and renders a template in the family's language."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from directory import (
    ContentDB,
    DirectoryError,
    PlaceNotFound,
    ServiceNotFound,
    UnknownCategory,
    search_services,
)
from directory.guides import GuideNotFound, prison_guide
from directory.lookup.categories import list_categories
from directory.lookup.services import attribution, get_service, helplines, prison_visiting
from directory.text.i18n import LANGUAGES
from directory.understanding import read_search
from web.i18n import from_accept_language
from web.rendering import BadRequest, NotFound, render
from web.vcard import vcard
from web.views import link, result_page, service_view

router = APIRouter()
PER_PAGE = 10
MAX_TEXT = 100
SERVICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,79}$")
PRISON_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,31}$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Text = Annotated[str, Query(max_length=1000)]


def language(request: Request, lang: str | None) -> str:
    """?lang=, then Accept-Language, then the site default; an unknown ?lang= is a bad request."""
    if lang:
        if lang not in LANGUAGES:
            raise BadRequest("unknown language")
        return lang
    header = request.headers.get("accept-language", "")
    return from_accept_language(header) or request.app.state.settings.default_language


def clean(value: str, what: str) -> str:
    """A short line of text from a form; control characters and very long text are refused."""
    value = value.strip()
    if len(value) > MAX_TEXT or CONTROL.search(value):
        raise BadRequest(what)
    return value


def content(request: Request) -> ContentDB:
    """The read-only directory (a new handle once the file has been swapped)."""
    source: Any = request.app.state.source
    return source.get()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, lang: Text = "") -> Response:
    """The topics as big links, the place box and the helplines."""
    code = language(request, lang)

    def read() -> dict[str, Any]:
        db = content(request)
        # The same for every visitor until the directory changes: worked out once per file.
        return db.cached(f"web-home-{code}", lambda db: _home_data(db, code))

    data = await run_in_threadpool(read)
    return render(request, "home.html.j2", code, **data)


def _home_data(db: ContentDB, code: str) -> dict[str, Any]:
    lines = helplines(db, code)
    return {
        "topics": list_categories(db, code),
        "helplines": [service_view(get_service(db, h.service_id, code), code) for h in lines],
        "helpline_links": [link(f"/s/{h.service_id}", code) for h in lines],
    }


@router.get("/search", response_class=HTMLResponse)
async def search(
    request: Request,
    lang: Text = "",
    topic: Text = "",
    near: Text = "",
    q: Text = "",
    page: Annotated[int, Query(ge=0, le=50)] = 0,
) -> Response:
    """Results near a place, nearest first, then national ones for the place's area."""
    code = language(request, lang)
    topic, near, q = clean(topic, "topic"), clean(near, "place"), clean(q, "words")
    query = {"topic": topic, "near": near, "q": q}

    def read() -> dict[str, Any]:
        db = content(request)
        labels = {c.key: c.label for c in list_categories(db, code)}
        if topic and topic not in labels:
            raise BadRequest("topic")
        base: dict[str, Any] = {
            "topic": topic,
            "near": near,
            "q": q,
            "topic_label": labels.get(topic, ""),
        }
        if not (topic or q):
            return base
        # Free text is read as the SMS line reads a text ("visits brixton").
        asked = read_search(db, q or None, language=code, category=topic or None, near=near)
        try:
            found = search_services(
                db,
                near=asked.place,
                category=asked.category,
                text=asked.text,
                language=code,
                limit=PER_PAGE + 1,
                offset=page * PER_PAGE,
            )
        except PlaceNotFound as missing:
            base["missing_place"] = True
            base["suggestions"] = [
                (s.text, link("/search", code, topic=topic, q=q, near=s.text))
                for s in missing.suggestions[:3]
            ]
            return base
        except UnknownCategory:
            raise BadRequest("topic") from None
        request.app.state.count(
            "search",
            keyword=topic,
            area=(found.place.outcode or "") if found.place else "",
            language=code,
            found=bool(found.local or found.national),
        )
        base["results"] = result_page(found, code, page=page, per_page=PER_PAGE, query=query)
        return base

    data = await run_in_threadpool(read)
    return render(request, "search.html.j2", code, **data)


@router.get("/s/{service_id}.vcf")
async def save_contact(request: Request, service_id: str, lang: Text = "") -> Response:
    """The service as a contact card, to save on the phone."""
    code = language(request, lang)
    if not SERVICE_ID.match(service_id):
        raise NotFound()

    def read() -> str:
        db = content(request)
        try:
            return vcard(get_service(db, service_id, code))
        except ServiceNotFound:
            raise NotFound() from None

    card = await run_in_threadpool(read)
    return Response(
        card,
        media_type="text/vcard; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{service_id}.vcf"'},
    )


@router.get("/s/{service_id}", response_class=HTMLResponse)
async def service(request: Request, service_id: str, lang: Text = "") -> Response:
    """One service: what it offers, how to call, when it is open, where it is."""
    code = language(request, lang)
    if not SERVICE_ID.match(service_id):
        raise NotFound()

    def read() -> dict[str, Any]:
        db = content(request)
        try:
            detail = get_service(db, service_id, code)
        except ServiceNotFound:
            raise NotFound() from None
        return {"service": service_view(detail, code), "service_id": detail.service_id}

    data = await run_in_threadpool(read)
    request.app.state.count("view", language=code, found=True)
    return render(request, "service.html.j2", code, **data)


@router.get("/prison/{prison_code}", response_class=HTMLResponse)
async def prison(request: Request, prison_code: str, lang: Text = "") -> Response:
    """A prison's visiting details and its visit guide, section by section."""
    code = language(request, lang)
    if not PRISON_CODE.match(prison_code):
        raise NotFound()

    def read() -> dict[str, Any]:
        db = content(request)
        try:
            visiting = prison_visiting(db, prison_code.upper())
            guide = prison_guide(db, visiting.nomis, code)
        except (GuideNotFound, DirectoryError):
            raise NotFound() from None
        return {"visiting": visiting, "guide": guide}

    data = await run_in_threadpool(read)
    return render(request, "prison.html.j2", code, **data)


@router.get("/about", response_class=HTMLResponse)
async def about(request: Request, lang: Text = "") -> Response:
    """What Waypost is, where the data comes from, and what it keeps."""
    code = language(request, lang)

    def read() -> dict[str, Any]:
        db = content(request)
        return {"attribution": attribution(db)}

    data = await run_in_threadpool(read)
    return render(request, "about.html.j2", code, **data)
