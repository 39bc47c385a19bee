"""Reading, checking, writing and reading back data/visitor_centres.csv."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from directory.building.data_folder import Issues, read_rows
from directory.building.records import PrisonRecord, VisitorCentreRecord
from directory.db.connections import ContentDB
from directory.text.phones import PhoneError, format_phones, parse_phones

VISITOR_CENTRE_COLUMNS = (
    "prison",
    "operator",
    "phone",
    "email",
    "hours",
    "offers",
    "source_url",
    "checked_date",
    "notes",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_visitor_centres(
    path: Path, issues: Issues, prisons: list[PrisonRecord]
) -> list[VisitorCentreRecord]:
    """Read visitor_centres.csv: every row names a known prison and cites its source page."""
    codes = {p.nomis: p for p in prisons}
    out: list[VisitorCentreRecord] = []
    file = path.name
    for n, row in read_rows(path, issues, VISITOR_CENTRE_COLUMNS):
        prison = codes.get(row["prison"])
        if prison is None:
            issues.add(file, n, "prison", row["prison"], "is not a prison code in prisons.csv")
        if not row["operator"]:
            issues.add(file, n, "operator", "", "is required (who runs the centre)")
        if not _URL.match(row["source_url"]):
            issues.add(file, n, "source_url", row["source_url"], "needs the page it came from")
        phone = row["phone"]
        if phone:
            try:
                country = prison.area[:2] if prison else "GB"
                phone = format_phones(parse_phones(phone, country))
            except PhoneError as exc:
                issues.add(file, n, "phone", row["phone"], str(exc))
        if row["email"] and not _EMAIL.match(row["email"]):
            issues.add(file, n, "email", row["email"], "is not an email address")
        if row["checked_date"] and not _DATE.match(row["checked_date"]):
            issues.add(file, n, "checked_date", row["checked_date"], "is not a date YYYY-MM-DD")
        out.append(
            VisitorCentreRecord(
                prison=row["prison"],
                operator=row["operator"],
                phone=phone,
                email=row["email"],
                hours=row["hours"],
                offers=row["offers"],
                source_url=row["source_url"],
                checked_date=row["checked_date"],
                notes=row["notes"],
            )
        )
    return out


def write_visitor_centres(conn: sqlite3.Connection, centres: list[VisitorCentreRecord]) -> None:
    """Insert the centres; a prison's centres keep their file order (position)."""
    positions: dict[str, int] = {}
    rows = []
    for c in centres:
        position = positions.get(c.prison, 0)
        positions[c.prison] = position + 1
        rows.append(
            (
                c.prison,
                position,
                c.operator,
                c.phone,
                c.email,
                c.hours,
                c.offers,
                c.source_url,
                c.checked_date,
                c.notes,
            )
        )
    conn.executemany(
        "INSERT INTO visitor_centre (prison, position, operator, phone, email, hours, offers,"
        " source_url, checked_date, notes) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def read_visitor_centres(db: ContentDB) -> list[VisitorCentreRecord]:
    """The centres back as records, in the order they were written."""
    return [
        VisitorCentreRecord(*row)
        for row in db.execute(
            "SELECT prison, operator, phone, email, hours, offers, source_url, checked_date, notes"
            " FROM visitor_centre ORDER BY prison, position"
        )
    ]
