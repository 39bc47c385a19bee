"""HSDS 3.0 JSON: each service with its nested objects, built from the tabular export."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from directory.exchange.hsds import Row, Tables

NUMBERS = {"latitude", "longitude", "minimum_age", "maximum_age", "extension"}


def _clean(row: Row) -> dict[str, Any]:
    # HSDS JSON leaves out what is unknown rather than writing empty strings.
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value == "":
            continue
        out[key] = float(value) if key in NUMBERS else value
    return out


def _by(rows: list[Row], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(_clean(row))
    return out


def services_json(tables: Tables) -> list[dict[str, Any]]:
    """The HSDS JSON form of every service (validates against schema/compiled/service.json)."""
    rows = tables.rows
    orgs = {r["id"]: _clean(r) for r in rows.get("organization", [])}
    terms = {r["id"]: _clean(r) for r in rows.get("taxonomy_term", [])}
    locations = {r["id"]: _clean(r) for r in rows.get("location", [])}
    addresses = _by(rows.get("address", []), "location_id")
    phones = _by(rows.get("phone", []), "service_id")
    schedules = _by(rows.get("schedule", []), "service_id")
    languages = _by(rows.get("language", []), "service_id")
    areas = _by(rows.get("service_area", []), "service_id")
    attributes = _by(rows.get("attribute", []), "link_id")
    metadata = _by(rows.get("metadata", []), "resource_id")
    sals = _by(rows.get("service_at_location", []), "service_id")
    out = []
    for row in rows.get("service", []):
        service = _clean(row)
        sid = row["id"]
        service["organization"] = orgs[row["organization_id"]]
        service["phones"] = phones.get(sid, [])
        service["schedules"] = schedules.get(sid, [])
        service["languages"] = languages.get(sid, [])
        service["service_areas"] = areas.get(sid, [])
        service["attributes"] = [
            {**a, "taxonomy_term": terms[a["taxonomy_term_id"]]} for a in attributes.get(sid, [])
        ]
        service["metadata"] = metadata.get(sid, [])
        service["service_at_locations"] = []
        for sal in sals.get(sid, []):
            location = dict(locations[sal["location_id"]])
            location["addresses"] = addresses.get(sal["location_id"], [])
            service["service_at_locations"].append({**sal, "location": location})
        out.append(service)
    return out
