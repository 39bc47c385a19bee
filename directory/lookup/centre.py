"""A visitor centre's own place and the services that belong on its sheet of cards.

The kiosk searches "near this centre", the printouts make the centre's card and sheet, and the
phone pages will do both: the rules for where the centre is and what it lists live here once.
"""

from __future__ import annotations

from directory.db.connections import ContentDB
from directory.errors import DirectoryError
from directory.lookup.places import resolve_place
from directory.lookup.search import search_services
from directory.lookup.services import get_service, helplines, prison_visiting
from directory.models import Place, PrisonVisiting

# The categories whose nearest local service goes on a centre's sheet, in this order.
CENTRE_CATEGORIES = ("visiting", "travel", "money", "peer", "children", "housing", "emotional")
SHEET_SIZE = 10  # cards on an A4 sheet: the centre's own card and nine services


def prison_place(prison: PrisonVisiting) -> Place:
    """The prison as a place to search near."""
    return Place(
        text=prison.display_name,
        kind="prison",
        name=prison.display_name,
        latitude=prison.latitude,
        longitude=prison.longitude,
        country="GB",
        outcode=prison.address.postal_code.split(" ")[0] or None,
        prison=prison.nomis,
        area=prison.area,
    )


def centre_place(db: ContentDB, *, location: str | None, prison: str | None) -> Place | None:
    """Where "near this centre" is: the configured location, else the centre's prison."""
    if location:
        return resolve_place(db, location)
    if prison:
        return prison_place(prison_visiting(db, prison))
    return None


def visits_phone(db: ContentDB, prison: PrisonVisiting) -> str:
    """The visits booking number: the prison's own, else its visiting service's first phone."""
    if prison.visits_phone:
        return prison.visits_phone
    if prison.service_id:
        try:
            phones = get_service(db, prison.service_id).phones
        except DirectoryError:
            return ""
        return phones[0].number if phones else ""
    return ""


def centre_service_ids(db: ContentDB, nomis: str, language: str = "en") -> list[str]:
    """The centre's key services: its visiting service, the nearest in key categories, helplines."""
    prison = prison_visiting(db, nomis)
    place = prison_place(prison)
    chosen: list[str] = [prison.service_id] if prison.service_id else []
    national: list[str] = []
    for category in CENTRE_CATEGORIES:
        found = search_services(db, near=place, category=category, language=language, limit=3)
        local = [r.service_id for r in found.local if r.phones and r.service_id not in chosen]
        chosen += local[:1]
        national += [r.service_id for r in found.national if r.phones]
    # Then the 24-hour helplines, then national services in the same categories, to fill a sheet.
    for service_id in [h.service_id for h in helplines(db, language, limit=3)] + national:
        if service_id not in chosen:
            chosen.append(service_id)
    return chosen[: SHEET_SIZE - 1]
