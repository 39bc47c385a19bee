"""What each page shows, from the core's answers: plain values for the templates, in one language.

The core finds and words things (search, hours, distances, "checked on"); this module only picks
what a page needs and builds its links. Templates escape everything they are given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from directory import SearchResults, ServiceDetail, ServiceResult
from directory.text.presentation import presentation

NOT_DIALLED = re.compile(r"[^\d+]")


@dataclass(frozen=True)
class Call:
    """A phone number as shown and as a tel: link."""

    shown: str
    href: str


@dataclass(frozen=True)
class Row:
    """One search result on a page."""

    href: str
    name: str
    organization: str
    distance: str
    calls: list[Call]
    checked: str


@dataclass
class ResultPage:
    """A page of results: local ones nearest first, then national ones for the place's area."""

    place: str = ""
    fuzzy: bool = False
    local: list[Row] = field(default_factory=list)
    national: list[Row] = field(default_factory=list)
    next_href: str = ""
    previous_href: str = ""


def link(path: str, language: str, **query: str | int | None) -> str:
    """A link within the site that keeps the language (no cookies: the language is in the URL)."""
    values = {k: v for k, v in query.items() if v not in (None, "")}
    values["lang"] = language
    return f"{path}?{urlencode(values)}"


def call(number: str, description: str = "") -> Call:
    """A phone number for a tel: link: digits and a leading + only."""
    words = presentation("en").phone(number, description)
    return Call(shown=words, href="tel:" + NOT_DIALLED.sub("", number))


def row(result: ServiceResult, language: str, country: str | None) -> Row:
    """A result for the results list."""
    words = presentation(language)
    return Row(
        href=link(f"/s/{result.service_id}", language),
        name=result.name,
        organization=result.organization if result.organization != result.name else "",
        distance=words.distance_away(result.distance_km, country),
        calls=[call(p.number, p.description) for p in result.phones[:1]],
        checked=words.checked(result.assured_date),
    )


def result_page(
    found: SearchResults, language: str, *, page: int, per_page: int, query: dict[str, str]
) -> ResultPage:
    """The results for one page, with links to the pages either side."""
    country = found.place.country if found.place else None
    view = ResultPage(
        place=found.place.name if found.place else "",
        fuzzy=bool(found.place and found.place.fuzzy),
        local=[row(r, language, country) for r in found.local[:per_page]],
        national=[row(r, language, None) for r in found.national] if page == 0 else [],
    )
    if len(found.local) > per_page:
        view.next_href = link("/search", language, **query, page=page + 1)
    if page > 0:
        view.previous_href = link("/search", language, **query, page=page - 1)
    return view


@dataclass(frozen=True)
class ServiceView:
    """One service on its own page."""

    name: str
    organization: str
    description: str
    eligibility: str
    calls: list[Call]
    hours: list[str]
    hours_note: str
    fees: str
    address: list[str]
    map_href: str
    website: str
    email: str
    checked: str
    verified: bool
    sources: list[str]


def service_view(detail: ServiceDetail, language: str) -> ServiceView:
    """A service's page: phones as tel: links, hours in words, the map as a geo: link."""
    words = presentation(language)
    address = detail.address.lines() if detail.address else []
    map_href = ""
    if detail.latitude is not None and detail.longitude is not None:
        map_href = f"geo:{detail.latitude:.5f},{detail.longitude:.5f}"
    sources = [s for s in re.split(r"\s*;\s*|\s+", detail.source_url or "") if s.startswith("http")]
    return ServiceView(
        name=detail.name,
        organization=detail.organization if detail.organization != detail.name else "",
        description=detail.description,
        eligibility=detail.eligibility,
        calls=[call(p.number, p.description) for p in detail.phones],
        hours=words.hours_lines(detail.hours),
        hours_note=detail.hours_note,
        fees=detail.fees,
        address=address,
        map_href=map_href,
        website=detail.url if detail.url.startswith(("https://", "http://")) else "",
        email=detail.email,
        checked=words.checked(detail.assured_date if detail.verified else None),
        verified=detail.verified,
        sources=sources[:5],
    )
