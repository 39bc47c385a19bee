"""Reading HSDS 3.0 files into tables: a tabular data package folder or a services JSON file.

Both become the same tables, each row remembering its file and row (or its JSON path), so that
every problem found later is reported where it is in the HSDS files.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from directory.building.data_folder import Issues
from directory.exchange.hsds import Origin
from directory.exchange.hsds.extensions import EXTENSIONS
from directory.text.formula import restore

_FILES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "location": "locations.csv",
    "address": "addresses.csv",
    "service_at_location": "service_at_location.csv",
    "phone": "phones.csv",
    "schedule": "schedules.csv",
    "language": "languages.csv",
    "service_area": "service_areas.csv",
    "attribute": "attributes.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "metadata": "metadata.csv",
}


def is_hsds(source: Path) -> bool:
    """True for an HSDS data package folder or an HSDS JSON file."""
    return (source.is_dir() and (source / "datapackage.json").is_file()) or (
        source.suffix.lower() == ".json"
    )


class SourceTables:
    """HSDS rows read from a package, by table, each with where it came from."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Origin, dict[str, str]]]] = defaultdict(list)

    def add(self, table: str, origin: Origin, row: dict[str, Any]) -> None:
        """Add a row; values become text, as in the CSV files."""
        clean = {k: "" if v is None else str(v) for k, v in row.items() if not _nested(v)}
        self.rows[table].append((origin, clean))

    def by(self, table: str, key: str) -> dict[str, list[tuple[Origin, dict[str, str]]]]:
        """Rows grouped by one column."""
        out: dict[str, list[tuple[Origin, dict[str, str]]]] = defaultdict(list)
        for origin, row in self.rows.get(table, []):
            out[row.get(key, "")].append((origin, row))
        return out


def _nested(value: Any) -> bool:
    return isinstance(value, dict | list)


def read_package(folder: Path, issues: Issues) -> SourceTables:
    """The CSV files of a tabular data package (those Waypost reads)."""
    tables = SourceTables()
    names = dict(_FILES)
    names.update({name: f"{name}.csv" for name in EXTENSIONS})
    for table, name in names.items():
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            issues.add(name, None, None, "", "cannot be read as UTF-8 text")
            continue
        reader = csv.DictReader(text.splitlines())
        try:
            header = reader.fieldnames or []
            missing = [c for c in EXTENSIONS.get(table, ()) if c not in header]
            for column in missing:
                issues.add(name, 1, column, "", "this column is missing from the header row")
            if missing:
                continue  # Waypost's own files must be whole; their rows are not read
            for n, row in enumerate(reader, start=2):
                named = ((k, v) for k, v in row.items() if isinstance(k, str) and k)
                cells = {k: restore((v or "").strip()) for k, v in named}
                tables.add(table, (name, n, ""), cells)
        except csv.Error as exc:
            issues.add(name, None, None, "", f"is not a well-formed CSV file ({exc})")
    return tables


def read_json(path: Path, issues: Issues) -> SourceTables:
    """An HSDS JSON file (a list of services, or one service) flattened into tables."""
    tables = SourceTables()
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        issues.add(path.name, None, None, "", f"is not readable JSON ({exc})")
        return tables
    services = data if isinstance(data, list) else [data]
    seen_orgs: set[str] = set()
    for i, s in enumerate(services):
        if not isinstance(s, dict):
            issues.add(path.name, i + 1, None, "", "is not a service object")
            continue
        origin: Origin = (path.name, i + 1, "")
        org = s.get("organization") or {}
        if org and org.get("id") not in seen_orgs:
            seen_orgs.add(org.get("id", ""))
            tables.add("organization", (path.name, i + 1, "organization."), org)
        tables.add("service", origin, s)
        for key, table in (
            ("phones", "phone"),
            ("schedules", "schedule"),
            ("languages", "language"),
            ("service_areas", "service_area"),
            ("metadata", "metadata"),
        ):
            for j, item in enumerate(s.get(key) or []):
                tables.add(
                    table, (path.name, i + 1, f"{key}[{j}]."), {"service_id": s.get("id"), **item}
                )
        for j, attr in enumerate(s.get("attributes") or []):
            term = attr.get("taxonomy_term") or {}
            if term:
                tables.add(
                    "taxonomy_term", (path.name, i + 1, f"attributes[{j}].taxonomy_term."), term
                )
            tables.add("attribute", (path.name, i + 1, f"attributes[{j}]."), attr)
        for j, sal in enumerate(s.get("service_at_locations") or []):
            loc = sal.get("location") or {}
            prefix = f"service_at_locations[{j}]."
            tables.add(
                "service_at_location",
                (path.name, i + 1, prefix),
                {"service_id": s.get("id"), "location_id": loc.get("id"), **sal},
            )
            tables.add("location", (path.name, i + 1, prefix + "location."), loc)
            for k, addr in enumerate(loc.get("addresses") or []):
                tables.add(
                    "address",
                    (path.name, i + 1, f"{prefix}location.addresses[{k}]."),
                    {"location_id": loc.get("id"), **addr},
                )
    return tables
