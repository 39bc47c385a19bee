"""`waypost stats`: what the directory covers and what is still missing, as counts.

Prisons by nation and status, services by coverage area and status, visitor centres by operator,
entries per source site, and how many fields are empty: the figures for an issue's closing note
and for planning the volunteers' next phone round.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from directory.db.connections import ContentDB
from directory.text.areas import AREA_URI

# Fields whose emptiness is worth a volunteer's time, per table: (label, SQL test for "empty").
_SERVICE_GAPS = {
    "phone": "NOT EXISTS (SELECT 1 FROM phone p WHERE p.service_id = s.id)",
    "hours": "COALESCE(s.hours_text, '') = ''",
    "email": "COALESCE(s.email, '') = ''",
    "website": "COALESCE(s.url, '') = ''",
    "checked date": "COALESCE(s.assured_date, '') = ''",
}
_PRISON_GAPS = {
    "visits phone": "COALESCE(visits_phone, '') = ''",
    "street line": "COALESCE(address_1, '') = ''",
    "postcode": "COALESCE(postcode, '') = ''",
    "visit slots": "COALESCE(visit_slots, '') = ''",
}
_CENTRE_GAPS = {
    "phone": "phone = ''",
    "email": "email = ''",
    "hours": "hours = ''",
    "offers": "offers = ''",
    "checked date": "checked_date = ''",
}


@dataclass
class DirectoryStats:
    """Counts of what the directory holds and what it lacks."""

    prisons: Counter[tuple[str, str]] = field(default_factory=Counter)  # (area, status)
    services_by_area: Counter[str] = field(default_factory=Counter)  # code, or "local (GB)"
    services_by_status: Counter[str] = field(default_factory=Counter)
    visitor_centres: Counter[str] = field(default_factory=Counter)  # operator
    sources: Counter[str] = field(default_factory=Counter)  # web site (host) of source_url
    empty: dict[str, Counter[str]] = field(default_factory=dict)  # table -> field -> count
    totals: dict[str, int] = field(default_factory=dict)


def _host(url: str) -> str:
    host = urlparse(url.strip()).netloc.lower().removeprefix("www.")
    return host or "(no source URL)"


def _first_url(text: str) -> str:
    for word in text.replace(";", " ").split():
        if word.startswith(("http://", "https://")):
            return word
    return ""


def directory_stats(db: ContentDB) -> DirectoryStats:
    """Count everything once; the prison visiting entries are counted as prisons, not services."""
    stats = DirectoryStats()
    for area, status, count in db.execute(
        "SELECT COALESCE(country, 'GB-ENG'), status, COUNT(*) FROM prison GROUP BY 1, 2"
    ):
        stats.prisons[(str(area), str(status))] = int(count)
    own = "s.ref NOT IN (SELECT service_ref FROM prison WHERE service_ref IS NOT NULL)"
    codes: dict[str, list[str]] = {}
    for service_id, name in db.execute(
        "SELECT service_id, name FROM service_area WHERE uri LIKE ?", (AREA_URI + "%",)
    ):
        codes.setdefault(str(service_id), []).append(str(name))
    for uid, status, source_url, country in db.execute(
        "SELECT s.id, s.status, COALESCE(s.source_url, ''),"
        " (SELECT a.country FROM service_at_location sal JOIN address a"
        "  ON a.location_id = sal.location_id WHERE sal.service_id = s.id LIMIT 1)"
        f" FROM service s WHERE {own}"
    ):
        stats.services_by_status[str(status)] += 1
        for code in codes.get(str(uid), [f"local ({country or 'GB'})"]):
            stats.services_by_area[code] += 1
        stats.sources[_host(str(source_url))] += 1
    for (source,) in db.execute("SELECT source FROM prison"):
        url = _first_url(str(source))
        # Seed data has no page: name the document ("MoJ prison-register seed").
        stats.sources[_host(url) if url else str(source).split(" (")[0][:60]] += 1
    for operator, source_url in db.execute("SELECT operator, source_url FROM visitor_centre"):
        stats.visitor_centres[str(operator)] += 1
        stats.sources[_host(str(source_url))] += 1
    stats.totals = {
        "services": sum(stats.services_by_status.values()),
        "prisons": sum(stats.prisons.values()),
        "visitor centres": sum(stats.visitor_centres.values()),
    }
    stats.empty = {
        "services": _gaps(db, f"FROM service s WHERE {own}", _SERVICE_GAPS),
        "prisons": _gaps(db, "FROM prison WHERE status = 'open'", _PRISON_GAPS),
        "visitor centres": _gaps(db, "FROM visitor_centre WHERE 1", _CENTRE_GAPS),
    }
    return stats


def _gaps(db: ContentDB, from_where: str, tests: dict[str, str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for label, test in tests.items():
        # The tests are this module's constants, never data.
        out[label] = int(db.execute(f"SELECT COUNT(*) {from_where} AND {test}").fetchone()[0])
    return out


@dataclass(frozen=True)
class PrisonGap:
    """An open prison missing a detail families need: for `waypost stale`."""

    code: str
    name: str
    missing: list[str]
    source: str


def prison_gaps(db: ContentDB) -> list[PrisonGap]:
    """Open prisons with no visits phone or no street line, by name."""
    out = []
    for code, name, phone, street, source in db.execute(
        "SELECT nomis, display_name, COALESCE(visits_phone, ''), COALESCE(address_1, ''), source"
        " FROM prison WHERE status = 'open' ORDER BY display_name"
    ):
        missing = [
            label
            for label, value in (("visits phone", phone), ("street line", street))
            if not value
        ]
        if missing:
            out.append(PrisonGap(str(code), str(name), missing, str(source)))
    return out
