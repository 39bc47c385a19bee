"""The volunteers' flat CSV: writing it, and reading it back after Excel or LibreOffice.

The columns are data/services.csv's (`SERVICE_COLUMNS`), plus two that Waypost manages:
`organization_name` (to read, not to edit) and `service_uuid` (the HSDS id; leave it empty for a
new service). Reading accepts UTF-8 with or without a byte-order mark, comma, semicolon or tab
separators, decimal commas in coordinates, and the date forms spreadsheets write.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from directory.building.data_folder import SERVICE_COLUMNS, Issues
from directory.building.records import OrganizationRecord, ServiceRecord, TranslationRecord
from directory.text.formula import neutralise_row, restore
from directory.text.hours import format_hours
from directory.text.phones import format_phones

MANAGED_COLUMNS = ("organization_name", "service_uuid")
EXPORT_COLUMNS = (*SERVICE_COLUMNS, *MANAGED_COLUMNS)
ORGANIZATION_COLUMNS = ("organization_id", "name", "description", "email", "website", "source")
TRANSLATION_COLUMNS = ("table", "record_id", "field", "language", "value")
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0, after its 1900 leap-year bug
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
_LOST_ZERO = re.compile(r"^([1-9]\d{8,9}|\d(\.\d+)?E\+\d+)$", re.IGNORECASE)


def number_text(value: float | None) -> str:
    """A coordinate as text that reads back to exactly the same float."""
    return "" if value is None else repr(value)


def flat_row(service: ServiceRecord, org_names: dict[str, str]) -> dict[str, str]:
    """One service as a flat-CSV row (the same text the importer compares against)."""
    loc = service.location
    hours = service.hours_text or format_hours(service.openings)
    return {
        "service_id": service.ref,
        "organization_id": service.organization_ref,
        "name": service.name,
        "description": service.description,
        "categories": ";".join(service.categories),
        "scope": service.scope,
        "phones": format_phones(service.phones),
        "email": service.email,
        "url": service.url,
        "hours": hours,
        "hours_note": service.hours_note,
        "address_1": loc.address_1 if loc else "",
        "address_2": loc.address_2 if loc else "",
        "city": loc.city if loc else "",
        "region": loc.region if loc else "",
        "postal_code": loc.postal_code if loc else "",
        "country": loc.country if loc else "GB",
        "latitude": number_text(loc.latitude) if loc else "",
        "longitude": number_text(loc.longitude) if loc else "",
        "area": service.area,
        "service_area": ";".join(service.service_area),
        "languages": ";".join(service.languages),
        "eligibility": service.eligibility,
        "fees": service.fees,
        "application": service.application,
        "status": service.status,
        "assured_date": service.assured_date,
        "assured_by": service.assured_by,
        "source": service.source,
        "source_url": service.source_url,
        "notes": service.notes,
        "organization_name": org_names.get(service.organization_ref, ""),
        "service_uuid": service.uuid,
    }


def _write(path: Path, columns: tuple[str, ...], rows: Iterator[dict[str, str]]) -> None:
    # A byte-order mark makes Excel read the file as UTF-8; the build and import accept it.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(columns)
        # Unknown keys fail loudly, as DictWriter's extrasaction="raise" did.
        for row in rows:
            if unknown := row.keys() - set(columns):
                raise ValueError(f"unexpected columns {sorted(unknown)}")
            writer.writerow(neutralise_row(row.get(c, "") for c in columns))


def write_services_csv(
    path: Path, services: list[ServiceRecord], organizations: list[OrganizationRecord]
) -> None:
    """Write the flat services CSV."""
    names = {o.ref: o.name for o in organizations}
    _write(path, EXPORT_COLUMNS, (flat_row(s, names) for s in services))


def write_organizations_csv(path: Path, organizations: list[OrganizationRecord]) -> None:
    """Write organizations.csv in the data/ folder's format."""
    rows = (
        {
            "organization_id": o.ref,
            "name": o.name,
            "description": o.description,
            "email": o.email,
            "website": o.website,
            "source": o.source,
        }
        for o in organizations
    )
    _write(path, ORGANIZATION_COLUMNS, rows)


def write_translations_csv(path: Path, translations: list[TranslationRecord]) -> None:
    """Write translations.csv in the data/ folder's format."""
    rows = (
        {
            "table": t.table,
            "record_id": t.record_ref,
            "field": t.field,
            "language": t.language,
            "value": t.value,
        }
        for t in translations
    )
    _write(path, TRANSLATION_COLUMNS, rows)


def spreadsheet_date(value: str) -> str | None:
    """A date as a spreadsheet may have saved it, as YYYY-MM-DD; None if it is not a date.

    Accepts 2026-11-23, 2026-11-23 00:00:00, 23/11/2026, 23.11.2026, 23/11/26 (day first, as in
    the UK and Europe; month first only when the day-first reading is impossible) and Excel's
    serial day numbers (46349).
    """
    text = value.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    if match := _ISO_TIME.match(text):
        try:
            return date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            return None
    if _SERIAL.match(text):
        return (_EXCEL_EPOCH + timedelta(days=int(float(text)))).isoformat()
    if match := _DAY_FIRST.match(text):
        a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year = year + 2000 if year < 100 else year
        for day, month in ((a, b), (b, a)):
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


_EXTRA = "\x00extra"  # where rows_from_file puts cells beyond the header


def _delimiter(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def read_table(
    path: Path, issues: Issues, required: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV saved by a spreadsheet, as (row number, cells); problems go to `issues`."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        issues.add(name, None, None, "", f"cannot be opened ({exc.strerror})")
        return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        issues.add(
            name, None, None, "", "is not UTF-8 text: in your spreadsheet, save as 'CSV UTF-8'"
        )
        return []
    # Imported here: sqlite-utils loads its plugins on import; only imports read spreadsheets.
    from sqlite_utils.utils import Format, rows_from_file

    first = text.split("\n", 1)[0]
    # sqlite-utils reads the rows (the byte-order mark Excel writes, quoting, cells over several
    # lines); the delimiter is the one the header row uses most, since a spreadsheet saves with
    # "," or ";" by locale and csv.Sniffer guesses wrong on cells like "housing;money".
    dialect = type("Saved", (csv.excel,), {"delimiter": _delimiter(first)})
    records, _ = rows_from_file(
        io.BytesIO(raw), format=Format.CSV, dialect=dialect, extras_key=_EXTRA
    )
    header = [h.strip() for h in next(csv.reader([first], dialect=dialect), [])]
    if not header:
        issues.add(name, None, None, "", "is empty")
        return []
    missing = [c for c in required if c not in header]
    for column in missing:
        issues.add(name, 1, column, "", "this column is missing from the header row")
    if missing:
        return []
    rows = []
    try:
        for number, record in enumerate(records, start=2):
            found = record.get(_EXTRA)
            extra = [str(c) for c in found] if isinstance(found, list) else []
            cells = {
                (k or "").strip(): (v if isinstance(v, str) else "")
                for k, v in record.items()
                if k != _EXTRA
            }
            if not any(c.strip() for c in cells.values()) and not extra:
                continue  # spreadsheets leave blank rows at the end
            if any(c.strip() for c in extra):
                issues.add(name, number, None, "", "has more cells than the header row has columns")
                continue
            rows.append((number, {h: restore(cells.get(h, "").strip()) for h in header if h}))
    except csv.Error as exc:
        issues.add(name, None, None, "", f"is not a well-formed CSV file ({exc})")
    return rows


def tidy_service_row(file: str, n: int, row: dict[str, str], issues: Issues) -> dict[str, str]:
    """Undo what spreadsheets do to cells, before the row is checked like data/services.csv."""
    out = {c: row.get(c, "") for c in EXPORT_COLUMNS}
    for column in ("latitude", "longitude"):
        if _DECIMAL_COMMA.match(out[column]):
            out[column] = out[column].replace(",", ".")
    for column in ("assured_date",):
        value = out[column]
        parsed = spreadsheet_date(value)
        if parsed is None:
            issues.add(file, n, column, value, "is not a date (write it like 2026-03-31)")
            out[column] = ""
        else:
            out[column] = parsed
    phones = out["phones"]
    if _LOST_ZERO.match(phones.replace(" ", "")):
        issues.add(
            file,
            n,
            "phones",
            phones,
            "looks like the spreadsheet dropped the leading 0: format the column as Text "
            "and type the number again",
        )
        out["phones"] = ""
    uid = out["service_uuid"]
    if uid:
        try:
            out["service_uuid"] = str(uuid.UUID(uid))
        except ValueError:
            issues.add(
                file, n, "service_uuid", uid, "is not an id Waypost wrote: leave it as it was"
            )
            out["service_uuid"] = ""
    return out


def now_stamp() -> str:
    """The current time as an HSDS last_modified value (UTC, to the second)."""
    return datetime.now().astimezone().replace(microsecond=0).isoformat()
