"""`waypost import-checks`: apply a desk's checks report to the directory, all or nothing.

Every check in the file is validated first (format, outcome, day, the service exists); one
problem and nothing changes. Then "still right" marks the entry checked on that day by that
volunteer (unless it was checked more recently already), "no longer exists" marks it defunct,
and "something changed" notes are returned for a person to act on: a note is not an edit.
The directory file is rewritten once and swapped in atomically, as every import is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.building.records import MetadataRecord
from directory.db.connections import ContentDB
from directory.errors import DataValidationError, ValidationIssue
from directory.exchange.hsds import Progress
from directory.exchange.import_diff import NO_VALUE
from directory.exchange.spreadsheet import now_stamp
from directory.state.checks import (
    MAX_NAME,
    MAX_NOTE,
    OUTCOMES,
    REPORT_FORMAT,
    REPORT_VERSION,
    Check,
)

MAX_REPORT = 5 << 20
DEFAULT_BY = "visitor centre desk"


@dataclass
class ChecksApplied:
    """What an import of checks did."""

    confirmed: list[str] = field(default_factory=list)
    already_newer: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    notes: list[Check] = field(default_factory=list)
    site: str = ""


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key, "")
    return value if isinstance(value, str) else ""


def parse_report(data: bytes, source: str, today: date | None = None) -> tuple[str, list[Check]]:
    """(site, checks) from a report file's bytes; DataValidationError lists every problem."""
    issues: list[ValidationIssue] = []

    def problem(row: int | None, column: str | None, value: str, text: str) -> None:
        issues.append(ValidationIssue(source, row, column, value, text))

    if len(data) > MAX_REPORT:
        raise DataValidationError([ValidationIssue(source, None, None, "", "the file is too big")])
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataValidationError(
            [ValidationIssue(source, None, None, "", f"not a checks report (not JSON: {exc})")]
        ) from None
    if not isinstance(document, dict) or document.get("format") != REPORT_FORMAT:
        raise DataValidationError(
            [ValidationIssue(source, None, None, "", "not a Waypost checks report")]
        )
    if document.get("version") != REPORT_VERSION:
        raise DataValidationError(
            [
                ValidationIssue(
                    source,
                    None,
                    "version",
                    str(document.get("version")),
                    f"this Waypost reads checks reports of version {REPORT_VERSION}",
                )
            ]
        )
    items = document.get("checks")
    if not isinstance(items, list):
        raise DataValidationError([ValidationIssue(source, None, "checks", "", "no checks list")])
    last_day = today or date.today()
    checks: list[Check] = []
    for row, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problem(row, None, "", "each check must be an object")
            continue
        service_id, outcome = _text(item, "service_id").strip(), _text(item, "outcome")
        day, by, note = _text(item, "day"), _text(item, "by").strip(), _text(item, "note").strip()
        if not service_id:
            problem(row, "service_id", "", "the service id is missing")
        if outcome not in OUTCOMES:
            problem(row, "outcome", outcome, f"must be one of {', '.join(OUTCOMES)}")
        try:
            if date.fromisoformat(day) > last_day:
                problem(row, "day", day, "the day is in the future")
        except ValueError:
            problem(row, "day", day, "not a date (YYYY-MM-DD)")
        if len(by) > MAX_NAME:
            problem(row, "by", by, f"a name is at most {MAX_NAME} characters")
        if len(note) > MAX_NOTE:
            problem(row, "note", note, f"a note is at most {MAX_NOTE} characters")
        if outcome == "changed" and not note:
            problem(row, "note", "", "a 'changed' check needs a note saying what changed")
        checks.append(Check(service_id, outcome, day, by, note))
    if issues:
        raise DataValidationError(issues)
    return _text(document, "site"), checks


def apply_checks(
    db: ContentDB,
    checks: list[Check],
    *,
    source: str = "checks report",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ChecksApplied:
    """Apply checks to the directory at db in one atomic rewrite (nothing, if dry_run)."""
    sources = read_sources(db, progress)
    by_ref = {s.ref: s for s in sources.services}
    missing = [
        ValidationIssue(source, row, "service_id", c.service_id, "no service has this id")
        for row, c in enumerate(checks, start=1)
        if c.service_id not in by_ref
    ]
    if missing:
        raise DataValidationError(missing)
    done = ChecksApplied()
    stamp = now_stamp()
    for check in checks:
        service = by_ref[check.service_id]
        who = check.volunteer or DEFAULT_BY
        changes: list[tuple[str, str, str]] = []
        if check.outcome == "changed":
            done.notes.append(check)
            continue
        if check.outcome == "gone":
            if service.status != "defunct":
                changes.append(("status", service.status, "defunct"))
                service.status = "defunct"
                done.retired.append(service.ref)
        elif service.assured_date and service.assured_date >= check.day:
            done.already_newer.append(service.ref)
        else:
            changes += [
                ("assured_date", service.assured_date, check.day),
                ("assured_by", service.assured_by, who),
            ]
            service.assured_date, service.assured_by = check.day, who
            done.confirmed.append(service.ref)
        for name, old, new in changes:
            sources.metadata.append(
                MetadataRecord(
                    service.uuid,
                    "service",
                    check.day,
                    "desk-check",
                    name,
                    old or NO_VALUE,
                    new,
                    who,
                )
            )
        if changes:
            service.last_modified = stamp
    if (done.confirmed or done.retired) and not dry_run:
        install_database(sources, db.path, progress)
    return done
