"""Open Referral HSDS 3.0 export: the tabular data package (CSVs + datapackage.json) and JSON.

HSDS has no place for some of what Waypost stores (a service's scope, its readable hours, who
checked it, where it came from; category labels and keywords; translations; prisons; the
gazetteer). Those go in extra `waypost_*.csv` resources, declared in the same datapackage.json,
so that export -> import -> export loses nothing. Categories are HSDS taxonomy terms attached to
services as attributes; their Open Eligibility and AIRS cross-references are attached too, as
terms of those taxonomies.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from directory.building.records import Sources
from directory.exchange.hsds import Progress, Row
from directory.exchange.hsds.extensions import EXTENSIONS, extension_resource
from directory.exchange.hsds.tables import hsds_tables
from directory.text.formula import neutralise_row


def standards_dir() -> Path:
    """The HSDS 3.0 data package description shipped with the core (CC BY-SA 4.0, see LICENSE)."""
    return Path(__file__).resolve().parent / "standards" / "hsds-3.0"


def _write_csv(path: Path, columns: list[str], rows: list[Row]) -> None:
    # Packages are opened in spreadsheets too: formula-like cells are neutralised as in every
    # CSV Waypost writes (the reader takes it back off; services.json keeps the values bare).
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            if unknown := row.keys() - set(columns):
                raise ValueError(f"unexpected columns {sorted(unknown)} for {path.name}")
            writer.writerow(neutralise_row(row.get(c) for c in columns))


def write_hsds(sources: Sources, out: Path, progress: Progress | None = None) -> list[Path]:
    """Write the tabular data package and services.json into the folder `out`."""
    from directory.exchange.hsds.json_doc import (
        services_json,  # the nested form is built from the tables
    )

    out.mkdir(parents=True, exist_ok=True)
    tables = hsds_tables(sources, progress)
    package = json.loads((standards_dir() / "datapackage.json").read_text(encoding="utf-8"))
    package["name"] = "waypost-directory"
    package["title"] = "Waypost directory of support for families of people in prison"
    written = []
    for resource in package["resources"]:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        path = out / resource["path"]
        _write_csv(path, columns, tables.rows.get(resource["name"], []))
        written.append(path)
    for name, fields in EXTENSIONS.items():
        package["resources"].append(extension_resource(name, fields))
        path = out / f"{name}.csv"
        _write_csv(path, list(fields), tables.rows.get(name, []))
        written.append(path)
    (out / "datapackage.json").write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    written.append(out / "datapackage.json")
    if progress:
        progress("hsds json", 0, 1)
    (out / "services.json").write_text(
        json.dumps(services_json(tables), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    written.append(out / "services.json")
    return written
