"""Reading and checking the data/ folder: every problem is named by file, row and column."""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from directory.building.gazetteer import Geocoder
from directory.building.records import (
    CategoryRecord,
    LocationRecord,
    OrganizationRecord,
    ServiceRecord,
    TranslationRecord,
)
from directory.errors import DataValidationError, ValidationIssue
from directory.lookup.places import normalise_postcode
from directory.text.areas import AreaError, parse_areas
from directory.text.folding import fold_uncached as fold
from directory.text.formula import restore
from directory.text.hours import HoursError, parse_hours
from directory.text.phones import PhoneError, parse_phones

Progress = Callable[[str, int, int], None]
REF = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
LANG = re.compile(r"^[a-z]{2,3}$")
# The fields translations.csv may translate; the sheet and HSDS importers check against these.
TRANSLATED_FIELDS = frozenset(
    {"name", "description", "eligibility", "fees", "application", "hours_note"}
)


class Issues:
    """Collects validation problems for one build."""

    def __init__(self) -> None:
        self.items: list[ValidationIssue] = []

    def add(self, file: str, row: int | None, column: str | None, value: str, problem: str) -> None:
        """Record one problem."""
        self.items.append(ValidationIssue(file, row, column, value, problem))

    def raise_if_any(self) -> None:
        """Raise DataValidationError when problems were found."""
        if self.items:
            raise DataValidationError(self.items)


def read_rows(
    path: Path, issues: Issues, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (spreadsheet row number, cleaned dict); header problems reported."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        issues.add(name, None, None, "", f"cannot be read as UTF-8 text ({exc.__class__.__name__})")
        return
    reader = csv.DictReader(text.splitlines(), restkey="__extra__")
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    for column in missing:
        issues.add(name, 1, column, "", "this column is missing from the header row")
    if missing:
        return
    for number, row in enumerate(reader, start=2):
        if row.get("__extra__"):
            issues.add(name, number, None, "", "has more cells than the header row has columns")
            continue
        # A file exported by Waypost (and copied here) has its formula-like cells neutralised.
        yield number, {k: restore((v or "").strip()) for k, v in row.items() if k}


def number_in_range(
    value: str, issues: Issues, file: str, row: int, column: str, low: float, high: float
) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        issues.add(file, row, column, value, "is not a number")
        return None
    if not low <= number <= high:
        issues.add(file, row, column, value, f"must be between {low} and {high}")
        return None
    return number


def _date(value: str, issues: Issues, file: str, row: int, column: str) -> str:
    if not value:
        return ""
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        issues.add(file, row, column, value, "is not a date written YYYY-MM-DD")
        return ""
    if parsed > date.today():
        issues.add(file, row, column, value, "is in the future")
    return parsed.isoformat()


def load_categories(path: Path, issues: Issues) -> list[CategoryRecord]:
    """Read categories.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        issues.add(path.name, None, None, "", f"cannot be read: {exc}")
        return []
    out: list[CategoryRecord] = []
    seen: dict[tuple[str, str], str] = {}
    for key, table in data.items():
        if not isinstance(table, dict) or "label" not in table or "en" not in table["label"]:
            issues.add(path.name, None, key, "", "needs a [label] table with at least `en`")
            continue
        keywords = {
            lang: [str(k) for k in words] for lang, words in table.get("keywords", {}).items()
        }
        for lang, words in keywords.items():
            for word in words:
                folded = fold(word)
                other = seen.get((folded, lang))
                if other and other != key:
                    issues.add(
                        path.name,
                        None,
                        f"{key}.keywords.{lang}",
                        word,
                        f"is already a keyword of {other!r} in this language",
                    )
                seen[(folded, lang)] = key
        out.append(
            CategoryRecord(
                key=key,
                position=int(table.get("position", len(out) + 1)),
                icon=table.get("icon", ""),
                open_eligibility=str(table.get("open_eligibility", "")),
                airs=str(table.get("airs", "")),
                labels=dict(table["label"]),
                short=dict(table.get("short") or table["label"]),
                keywords=keywords,
            )
        )
    out.sort(key=lambda c: c.position)
    return out


def check_organization_row(
    file: str, n: int, row: dict[str, str], seen: set[str], issues: Issues
) -> None:
    """Check an organisation row's id (well formed, not yet in `seen`) and its required cells."""
    ref = row["organization_id"]
    if not REF.match(ref):
        issues.add(
            file, n, "organization_id", ref, "must be lower-case letters, digits and hyphens"
        )
    elif ref in seen:
        issues.add(file, n, "organization_id", ref, "is used twice")
    seen.add(ref)
    for column in ("name", "description", "source"):
        if not row[column]:
            issues.add(file, n, column, "", "is required")


def load_organizations(path: Path, issues: Issues) -> list[OrganizationRecord]:
    """Read organizations.csv."""
    out: list[OrganizationRecord] = []
    seen: set[str] = set()
    cols = ("organization_id", "name", "description", "email", "website", "source")
    for n, row in read_rows(path, issues, cols):
        check_organization_row(path.name, n, row, seen, issues)
        ref = row["organization_id"]
        out.append(
            OrganizationRecord(
                ref, row["name"], row["description"], row["email"], row["website"], row["source"]
            )
        )
    return out


SERVICE_COLUMNS = (
    "service_id",
    "organization_id",
    "name",
    "description",
    "categories",
    "scope",
    "phones",
    "email",
    "url",
    "hours",
    "hours_note",
    "address_1",
    "address_2",
    "city",
    "region",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "area",
    "service_area",
    "languages",
    "eligibility",
    "fees",
    "application",
    "status",
    "assured_date",
    "assured_by",
    "source",
    "source_url",
    "notes",
)


def service_from_row(
    file: str,
    n: int,
    row: dict[str, str],
    issues: Issues,
    categories: set[str],
    organizations: set[str],
    geocoder: Geocoder,
) -> ServiceRecord:
    """Check one flat-CSV service row and turn it into a record."""
    ref = row["service_id"]
    if not REF.match(ref):
        issues.add(file, n, "service_id", ref, "must be lower-case letters, digits and hyphens")
    for column in ("name", "source"):
        if not row[column]:
            issues.add(file, n, column, "", "is required")
    if row["organization_id"] not in organizations:
        issues.add(
            file,
            n,
            "organization_id",
            row["organization_id"],
            "is not an organization_id in organizations.csv",
        )
    cats = [c.strip() for c in row["categories"].split(";") if c.strip()]
    if not cats:
        issues.add(file, n, "categories", "", "needs at least one category key")
    for c in cats:
        if c not in categories:
            issues.add(file, n, "categories", c, "is not a category key (see categories.toml)")
    scope = row["scope"] or "local"
    if scope not in ("local", "national"):
        issues.add(file, n, "scope", scope, "must be local or national")
    status = row.get("status") or "active"
    if status not in STATUSES:
        issues.add(file, n, "status", status, "must be one of " + ", ".join(STATUSES))
    country = (row.get("country") or "GB").upper()
    codes: list[str] = []
    try:
        codes = parse_areas(row["service_area"])
    except AreaError as exc:
        issues.add(file, n, "service_area", row["service_area"], str(exc))
    if scope == "national" and not codes and not row["service_area"]:
        issues.add(file, n, "service_area", "", "a national service needs the areas it serves")
    if scope == "local" and codes:
        issues.add(
            file,
            n,
            "service_area",
            row["service_area"],
            "a local service serves around its "
            "location: leave it empty, or make the service national",
        )
    phones = []
    try:
        phones = parse_phones(row["phones"], country)
    except PhoneError as exc:
        issues.add(file, n, "phones", row["phones"], str(exc))
    openings = []
    try:
        openings = parse_hours(row["hours"])
    except HoursError as exc:
        issues.add(file, n, "hours", row["hours"], str(exc))
    if row["email"] and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", row["email"]):
        issues.add(file, n, "email", row["email"], "is not an email address")
    if row["url"] and not re.match(r"^https?://[^\s/]+\.[^\s]+$", row["url"]):
        issues.add(file, n, "url", row["url"], "should start with https:// and be a web address")
    langs = [x.strip() for x in row["languages"].split(";") if x.strip()]
    for code in langs:
        if not LANG.match(code):
            issues.add(file, n, "languages", code, "should be a language code such as en or pl")
    location = None
    lat = number_in_range(row["latitude"], issues, file, n, "latitude", -90, 90)
    lon = number_in_range(row["longitude"], issues, file, n, "longitude", -180, 180)
    if row["address_1"] or row["postal_code"] or row["city"] or lat is not None:
        if country == "GB" and row["postal_code"] and not normalise_postcode(row["postal_code"]):
            issues.add(file, n, "postal_code", row["postal_code"], "is not a UK postcode")
        if lat is None or lon is None:
            found = geocoder.locate(row["postal_code"], row["city"], country)
            if found:
                lat, lon = found
        location = LocationRecord(
            row["address_1"],
            row["address_2"],
            row["city"],
            row["region"],
            normalise_postcode(row["postal_code"]) or row["postal_code"],
            country,
            lat,
            lon,
        )
    if scope == "local" and (location is None or location.latitude is None):
        issues.add(
            file,
            n,
            "postal_code",
            row["postal_code"],
            "a local service needs a UK postcode, a town the gazetteer knows in its country, "
            "or latitude and longitude",
        )
    return ServiceRecord(
        ref=ref,
        organization_ref=row["organization_id"],
        name=row["name"],
        description=row["description"],
        categories=cats,
        scope=scope,
        phones=phones,
        email=row["email"],
        url=row["url"],
        hours_text=row["hours"],
        openings=openings,
        hours_note=row["hours_note"],
        location=location,
        area=row["area"],
        service_area=codes,
        languages=langs,
        eligibility=row["eligibility"],
        fees=row["fees"],
        application=row["application"],
        status=status,
        assured_date=_date(row["assured_date"], issues, file, n, "assured_date"),
        assured_by=row["assured_by"],
        source=row["source"],
        source_url=row["source_url"],
        notes=row["notes"],
    )


def load_services(
    path: Path, issues: Issues, categories: set[str], organizations: set[str], geocoder: Geocoder
) -> list[ServiceRecord]:
    """Read services.csv."""
    out: list[ServiceRecord] = []
    seen: set[str] = set()
    for n, row in read_rows(path, issues, SERVICE_COLUMNS):
        record = service_from_row(path.name, n, row, issues, categories, organizations, geocoder)
        if record.ref in seen:
            issues.add(path.name, n, "service_id", record.ref, "is used twice")
        seen.add(record.ref)
        out.append(record)
    return out


def load_translations(
    path: Path, issues: Issues, refs: dict[str, set[str]]
) -> list[TranslationRecord]:
    """Read translations.csv."""
    out = []
    fields = TRANSLATED_FIELDS
    for n, row in read_rows(path, issues, ("table", "record_id", "field", "language", "value")):
        table = row["table"]
        if table not in refs:
            issues.add(path.name, n, "table", table, "must be service or organization")
            continue
        if row["record_id"] not in refs[table]:
            issues.add(path.name, n, "record_id", row["record_id"], f"is not a known {table} id")
        if row["field"] not in fields:
            issues.add(
                path.name, n, "field", row["field"], "must be one of " + ", ".join(sorted(fields))
            )
        if not LANG.match(row["language"]):
            issues.add(path.name, n, "language", row["language"], "should be a code such as es")
        if not row["value"]:
            issues.add(path.name, n, "value", "", "is empty")
        out.append(
            TranslationRecord(table, row["record_id"], row["field"], row["language"], row["value"])
        )
    return out


def fingerprint(paths: list[Path]) -> str:
    """A short hash of the source files, part of the directory's version."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
