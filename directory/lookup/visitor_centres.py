"""A prison's visitor centre: the first thing a visiting answer names after the booking line."""

from __future__ import annotations

from directory.db.connections import ContentDB
from directory.models import VisitorCentre


def visitor_centres_for(db: ContentDB, prison_code: str) -> list[VisitorCentre]:
    """Every visitor centre known at a prison, in the data file's order (usually one)."""
    return [
        VisitorCentre(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] or None)
        for row in db.execute(
            "SELECT prison, operator, phone, email, hours, offers, source_url, checked_date"
            " FROM visitor_centre WHERE prison = ? ORDER BY position",
            (prison_code.upper(),),
        )
    ]


def visitor_centre_for(db: ContentDB, prison_code: str) -> VisitorCentre | None:
    """The prison's visitor centre, or None when none is known."""
    found = visitor_centres_for(db, prison_code)
    return found[0] if found else None
