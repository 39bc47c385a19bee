"""`waypost stale` and `waypost verify`: what needs a phone call; marking it checked."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.building.records import MetadataRecord
from directory.db.connections import ContentDB
from directory.db.write_lock import DEFAULT_WAIT, content_writer
from directory.errors import DirectoryError, ServiceNotFound
from directory.exchange.import_diff import NO_VALUE
from directory.exchange.spreadsheet import now_stamp
from directory.models import Phone
from directory.text.formula import neutralise_row

Progress = Callable[[str, int, int], None]
CSV_COLUMNS = (
    "organization_id",
    "organization",
    "service_id",
    "service",
    "status",
    "phones",
    "assured_date",
    "assured_by",
)


@dataclass(frozen=True)
class StaleService:
    """A service nobody has checked recently (or ever)."""

    service_id: str
    name: str
    status: str
    phones: list[Phone]
    assured_date: str | None
    assured_by: str | None


@dataclass
class StaleOrganization:
    """An organisation and its services to check: one phone call can cover them all."""

    organization_id: str
    name: str
    services: list[StaleService] = field(default_factory=list)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def stale_services(
    db: ContentDB, months: int = 6, today: date | None = None
) -> list[StaleOrganization]:
    """Services last checked more than `months` ago, or never, grouped by organisation.

    Never-checked services come first in each organisation, then the oldest. Defunct services
    are left out: there is nobody to call.
    """
    if months < 0:
        raise DirectoryError("The number of months must be 0 or more.")
    cutoff = months_before(today or date.today(), months).isoformat()
    phones: dict[str, list[Phone]] = {}
    for sid, number, description in db.execute(
        "SELECT service_id, number, description FROM phone ORDER BY service_id, position"
    ):
        phones.setdefault(sid, []).append(Phone(number, description or ""))
    groups: dict[str, StaleOrganization] = {}
    for org_ref, org_name, sid, ref, name, status, assured, by in db.execute(
        "SELECT o.ref, o.name, s.id, s.ref, s.name, s.status, s.assured_date, s.assured_by"
        " FROM service s JOIN organization o ON o.id = s.organization_id"
        " WHERE s.status != 'defunct' AND (s.assured_date IS NULL OR s.assured_date = ''"
        " OR s.assured_date < ?)"
        " ORDER BY o.name COLLATE NOCASE, o.ref, s.assured_date IS NOT NULL, s.assured_date,"
        " s.name COLLATE NOCASE",
        (cutoff,),
    ):
        group = groups.setdefault(org_ref, StaleOrganization(org_ref, org_name))
        group.services.append(
            StaleService(ref, name, status, phones.get(sid, []), assured or None, by or None)
        )
    return list(groups.values())


def verify_service(
    db: ContentDB,
    service_id: str,
    checked_by: str,
    today: date | None = None,
    progress: Progress | None = None,
    wait: float = DEFAULT_WAIT,
) -> str:
    """Mark a service checked today by `checked_by`; the directory file is replaced atomically.

    Returns the date it was last checked before (empty if never). Holds the writer lock from
    reading the file to replacing it, so no other writer's change is lost.
    """
    if not checked_by.strip():
        raise DirectoryError("Say who checked it, with --by NAME.")
    with content_writer(db.path, "verify", wait):
        db.refresh()  # start from what the last writer installed
        return _verify(db, service_id, checked_by, today, progress)


def _verify(
    db: ContentDB,
    service_id: str,
    checked_by: str,
    today: date | None,
    progress: Progress | None,
) -> str:
    sources = read_sources(db, progress)
    service = next((s for s in sources.services if s.ref == service_id), None)
    if service is None:
        raise ServiceNotFound(service_id)
    day = (today or date.today()).isoformat()
    previous = service.assured_date
    for name, old, new in (
        ("assured_date", service.assured_date, day),
        ("assured_by", service.assured_by, checked_by.strip()),
    ):
        sources.metadata.append(
            MetadataRecord(
                service.uuid, "service", day, "verify", name, old or NO_VALUE, new, checked_by
            )
        )
    service.assured_date = day
    service.assured_by = checked_by.strip()
    service.last_modified = now_stamp()
    install_database(sources, db.path, progress)
    return previous


def _phones(service: StaleService) -> str:
    return "; ".join(
        p.number + (f" ({p.description})" if p.description else "") for p in service.phones
    )


def call_list_csv(groups: list[StaleOrganization], out: TextIO) -> None:
    """The call list as CSV for a spreadsheet (no cell can run as a formula)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for g in groups:
        for s in g.services:
            writer.writerow(
                neutralise_row(
                    [
                        g.organization_id,
                        g.name,
                        s.service_id,
                        s.name,
                        s.status,
                        _phones(s),
                        s.assured_date or "",
                        s.assured_by or "",
                    ]
                )
            )


def not_yet_checked(
    groups: list[StaleOrganization], checked: dict[str, str]
) -> list[StaleOrganization]:
    """The call list without entries checked since (a day in `checked`, by service id).

    A desk's check waiting for the keepers takes the entry off this site's list; the entry
    comes back only if it goes stale again after the keepers' release.
    """
    kept: list[StaleOrganization] = []
    for group in groups:
        services = [
            s
            for s in group.services
            if s.service_id not in checked or checked[s.service_id] <= (s.assured_date or "")
        ]
        if services:
            kept.append(StaleOrganization(group.organization_id, group.name, services))
    return kept
