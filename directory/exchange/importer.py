"""`waypost import`: check a spreadsheet or HSDS package completely, then replace the directory.

Nothing is written unless every row is right: the new directory is written to a temporary file
and renamed over the old one, so a rejected import leaves the live file byte-for-byte unchanged.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from directory.building.builder import install_database
from directory.building.data_folder import (
    LANG,
    SERVICE_COLUMNS,
    TRANSLATED_FIELDS,
    Issues,
    check_organization_row,
    fingerprint,
    service_from_row,
)
from directory.building.gazetteer import Geocoder
from directory.building.readback import read_sources
from directory.building.records import (
    OrganizationRecord,
    ServiceRecord,
    Sources,
    TranslationRecord,
)
from directory.db.connections import ContentDB
from directory.db.write_lock import DEFAULT_WAIT, content_writer
from directory.errors import DataValidationError, DirectoryError, ValidationIssue
from directory.exchange.hsds.importer import plan_hsds_import
from directory.exchange.hsds.reader import is_hsds
from directory.exchange.import_diff import ChangeSet
from directory.exchange.import_plan import ImportPlan, carried_translations, finish_plan
from directory.exchange.spreadsheet import (
    MANAGED_COLUMNS,
    ORGANIZATION_COLUMNS,
    TRANSLATION_COLUMNS,
    flat_row,
    number_text,
    read_table,
    tidy_service_row,
)
from directory.guides.data_files import load_guides
from directory.lookup.places import normalise_postcode

Progress = Callable[[str, int, int], None]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


class SyncedSite(DirectoryError):
    """This site's directory comes from releases: a local import would be overwritten."""


def _shown(url: str) -> str:
    # Never echo a password or token that may be written into the sync URL.
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}{parts.path}" if parts.scheme else url


def _noop(step: str, done: int, total: int) -> None:
    return None


def read_organizations_sheet(
    path: Path, current: list[OrganizationRecord], issues: Issues
) -> list[OrganizationRecord]:
    """organizations.csv from a spreadsheet: every organisation, existing ones updated."""
    merged = {o.ref: o for o in current}
    seen: set[str] = set()
    for n, row in read_table(path, issues, ORGANIZATION_COLUMNS):
        check_organization_row(path.name, n, row, seen, issues)
        ref = row["organization_id"]
        if row["email"] and not _EMAIL.match(row["email"]):
            issues.add(path.name, n, "email", row["email"], "is not an email address")
        if row["website"] and not _URL.match(row["website"]):
            issues.add(path.name, n, "website", row["website"], "should start with https://")
        prior = merged.get(ref)
        merged[ref] = OrganizationRecord(
            ref,
            row["name"],
            row["description"],
            row["email"],
            row["website"],
            row["source"],
            uuid=prior.uuid if prior else "",
        )
    return list(merged.values())


def read_translations_sheet(
    path: Path, refs: dict[str, set[str]], issues: Issues
) -> list[TranslationRecord]:
    """translations.csv from a spreadsheet."""
    out = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for n, row in read_table(path, issues, TRANSLATION_COLUMNS):
        table, ref, fld, lang = row["table"], row["record_id"], row["field"], row["language"]
        if table not in refs:
            issues.add(path.name, n, "table", table, "must be service or organization")
            continue
        if ref not in refs[table]:
            issues.add(path.name, n, "record_id", ref, f"is not a known {table} id")
        if fld not in TRANSLATED_FIELDS:
            issues.add(
                path.name, n, "field", fld, "must be one of " + ", ".join(sorted(TRANSLATED_FIELDS))
            )
        if not LANG.match(lang):
            issues.add(path.name, n, "language", lang, "should be a code such as es")
        if not row["value"]:
            issues.add(path.name, n, "value", "", "is empty")
        key = (table, ref, fld, lang)
        if key in seen:
            issues.add(
                path.name, n, "language", lang, f"repeats the translation on row {seen[key]}"
            )
        seen[key] = n
        out.append(TranslationRecord(table, ref, fld, lang, row["value"]))
    return out


def _moved(row: dict[str, str], prior: ServiceRecord) -> bool:
    # Coordinates exported unchanged but a new postcode or town: place it afresh.
    loc = prior.location
    if loc is None:
        return False
    same_point = (row["latitude"], row["longitude"]) == (
        number_text(loc.latitude),
        number_text(loc.longitude),
    )
    postcode = normalise_postcode(row["postal_code"]) or row["postal_code"]
    return same_point and (postcode != loc.postal_code or row["city"] != loc.city)


def _unchanged(row: dict[str, str], prior: ServiceRecord, names: dict[str, str]) -> bool:
    return row["organization_id"] in names and all(
        row[column] == value
        for column, value in flat_row(prior, names).items()
        if column not in MANAGED_COLUMNS
    )


def read_services_sheet(
    path: Path,
    current: Sources,
    org_refs: set[str],
    issues: Issues,
    progress: Progress,
) -> list[ServiceRecord]:
    """The flat services CSV, checked row by row and matched to the directory's services."""
    by_uuid = {s.uuid: s for s in current.services}
    by_ref = {s.ref: s for s in current.services}
    categories = {c.key for c in current.categories}
    geocoder = Geocoder(current.places)
    names = {o.ref: o.name for o in current.organizations}
    rows = read_table(path, issues, SERVICE_COLUMNS)
    seen_ref: dict[str, int] = {}
    seen_uuid: dict[str, int] = {}
    out = []
    for i, (n, raw) in enumerate(rows, start=1):
        row = tidy_service_row(path.name, n, raw, issues)
        given = row["service_uuid"]
        prior = by_uuid.get(given) if given else by_ref.get(row["service_id"])
        other = by_ref.get(row["service_id"])
        if given and prior is None and other is not None:
            issues.add(
                path.name,
                n,
                "service_uuid",
                given,
                "does not belong to the service "
                f"{row['service_id']!r}: leave the id columns as they were exported",
            )
        if prior is not None and _unchanged(row, prior, names):
            # Exactly as exported: it passed these checks on its way in, so keep the record
            # (checking 100,000 phone numbers again would dominate a large import).
            record = dataclasses.replace(prior)
        else:
            if prior is not None and _moved(row, prior):
                row["latitude"] = row["longitude"] = ""
            record = service_from_row(path.name, n, row, issues, categories, org_refs, geocoder)
        if record.ref in seen_ref:
            issues.add(
                path.name,
                n,
                "service_id",
                record.ref,
                f"is used twice (also on row {seen_ref[record.ref]})",
            )
        seen_ref.setdefault(record.ref, n)
        if given:
            record.uuid = given
        elif prior is not None:
            record.uuid = prior.uuid
        elif record.uuid in by_uuid or record.uuid in seen_uuid:
            record.uuid = str(uuid.uuid4())  # its id was taken by a service since renamed
        if given and record.uuid in seen_uuid:
            issues.add(
                path.name,
                n,
                "service_uuid",
                record.uuid,
                f"is used twice (also on row {seen_uuid[record.uuid]})",
            )
        seen_uuid.setdefault(record.uuid, n)
        if prior is not None:
            record.last_modified = prior.last_modified
            if record.location and prior.location:
                record.location.name = prior.location.name
                record.location.nomis = prior.location.nomis
                record.location.location_type = prior.location.location_type
        out.append(record)
        if i % 2000 == 0:
            progress("checking", i, len(rows))
    progress("checking", len(rows), len(rows))
    return out


def plan_sheet_import(current: Sources, source: Path, progress: Progress) -> ImportPlan:
    """Read a flat services CSV, or a folder with services.csv (and organizations.csv and
    translations.csv, if there)."""
    issues = Issues()
    folder = source if source.is_dir() else None
    services_path = source / "services.csv" if folder else source
    if not services_path.is_file():
        issues.add(services_path.name, None, None, "", f"is missing from {source}")
        issues.raise_if_any()
    organizations = current.organizations
    if folder and (folder / "organizations.csv").is_file():
        organizations = read_organizations_sheet(
            folder / "organizations.csv", current.organizations, issues
        )
    org_refs = {o.ref for o in organizations}
    services = read_services_sheet(services_path, current, org_refs, issues, progress)
    refs = {"service": {s.ref for s in services}, "organization": org_refs}
    if folder and (folder / "translations.csv").is_file():
        translations = read_translations_sheet(folder / "translations.csv", refs, issues)
    else:
        translations = carried_translations(current, services)
    guides = current.guides
    if folder and (folder / "guides").is_dir():
        guides = load_guides(
            folder / "guides",
            issues,
            {p.nomis for p in current.prisons},
            {c.key for c in current.categories},
        )
    issues.raise_if_any()
    plan = finish_plan(current, organizations, services, translations)
    plan.sources.guides = guides
    return plan


def plan_import(current: Sources, source: Path, progress: Progress | None = None) -> ImportPlan:
    """Check `source` (flat CSV, folder, HSDS data package or HSDS JSON) against `current`."""
    report = progress or _noop
    source = Path(source)
    if not source.exists():
        raise DataValidationError([ValidationIssue(source.name, None, None, "", "does not exist")])
    if is_hsds(source):
        return plan_hsds_import(current, source, report)
    return plan_sheet_import(current, source, report)


def import_into(
    db: ContentDB,
    source: Path,
    updated_by: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    wait: float = DEFAULT_WAIT,
    sync_url: str | None = None,
    local_edit: bool = False,
) -> ChangeSet:
    """Import `source` into the directory file behind `db`; with dry_run, only report.

    A site that syncs (sync_url) refuses unless local_edit says the next sync may overwrite
    the import. The writer lock is held from reading the current file to replacing it.
    """
    if dry_run:
        return _import(db, source, updated_by, True, progress)
    if sync_url and not local_edit:
        raise SyncedSite(
            f"This site takes its directory from {_shown(sync_url)}, and the next sync would"
            " overwrite a local import. Change the publisher's directory instead, or add"
            " --local-edit to import here until the next release replaces it."
        )
    with content_writer(db.path, "import", wait):
        db.refresh()  # start from what the last writer installed
        return _import(db, source, updated_by, False, progress)


def _import(
    db: ContentDB,
    source: Path,
    updated_by: str,
    dry_run: bool,
    progress: Progress | None,
) -> ChangeSet:
    current = read_sources(db, progress)
    plan = plan_import(current, source, progress)
    guides_changed = plan.sources.guides != current.guides
    if dry_run or (plan.changes.empty and not plan.history and not guides_changed):
        return plan.changes
    files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
    plan.sources.fingerprint = fingerprint(files)
    plan.sources.metadata = (
        current.metadata
        + plan.history
        + plan.changes.metadata(updated_by, date.today().isoformat())
    )
    install_database(plan.sources, db.path, progress)
    return plan.changes
