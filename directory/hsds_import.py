"""Reading HSDS 3.0 back in: a tabular data package folder or a services JSON file.

Both are first turned into the same tables (each row remembering its file and row, or its JSON
path), then each service is checked with the same rules as a spreadsheet row, and every problem
is reported where it is in the HSDS files. The `waypost_*` resources of our own export, when
present, give back what HSDS has no field for; from other publishers sensible defaults are used.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from directory.folding import fold_uncached as fold
from directory.hours import ICAL, Opening, format_hours
from directory.imports import ImportPlan, carried_translations, finish_plan
from directory.phones import PhoneEntry, format_phones
from directory.prison_sources import load_prisons
from directory.records import (
    CategoryRecord,
    MetadataRecord,
    OrganizationRecord,
    PlaceRecord,
    PrisonRecord,
    ServiceRecord,
    Sources,
    TranslationRecord,
)
from directory.sources import Geocoder, Issues, service_from_row
from directory.spreadsheet import EXPORT_COLUMNS

Progress = Callable[[str, int, int], None]
Origin = tuple[str, int | None, str]  # file, row, column prefix (a JSON path for JSON)
ADDRESS_FIELDS = ("address_1", "address_2", "city", "region", "postal_code", "country")
_DAY = {code: i for i, code in enumerate(ICAL)}
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


class Tables:
    """HSDS rows by table, each with where it came from."""

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


def read_package(folder: Path, issues: Issues) -> Tables:
    """The CSV files of a tabular data package (those Waypost reads)."""
    tables = Tables()
    names = dict(_FILES)
    names.update({f"waypost_{n}": f"waypost_{n}.csv" for n in _EXTENSION_NAMES})
    for table, name in names.items():
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            issues.add(name, None, None, "", "cannot be read as UTF-8 text")
            continue
        for n, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            tables.add(table, (name, n, ""), {k: (v or "").strip() for k, v in row.items() if k})
    return tables


_EXTENSION_NAMES = (
    "services",
    "organizations",
    "categories",
    "category_labels",
    "keywords",
    "translations",
    "prisons",
    "places",
)


def read_json(path: Path, issues: Issues) -> Tables:
    """An HSDS JSON file (a list of services, or one service) flattened into tables."""
    tables = Tables()
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


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:70] or "service"
    ref, n = base, 2
    while ref in taken:
        ref, n = f"{base}-{n}", n + 1
    taken.add(ref)
    return ref


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _organizations(
    tables: Tables, current: Sources, issues: Issues, label: str
) -> list[OrganizationRecord]:
    ext = {r["organization_id"]: r for _, r in tables.rows.get("waypost_organizations", [])}
    merged = {o.uuid: o for o in current.organizations}
    taken = {o.ref for o in current.organizations}
    seen: set[str] = set()
    for (file, n, prefix), row in tables.rows.get("organization", []):
        oid = row.get("id", "")
        if not _is_uuid(oid):
            issues.add(file, n, prefix + "id", oid, "is not a UUID")
            continue
        if oid in seen:
            issues.add(file, n, prefix + "id", oid, "is used twice")
        seen.add(oid)
        for column in ("name", "description"):
            if not row.get(column):
                issues.add(file, n, prefix + column, "", "is required")
        prior = merged.get(oid)
        extra = ext.get(oid, {})
        ref = extra.get("ref") or (prior.ref if prior else _slug(row.get("name", ""), taken))
        merged[oid] = OrganizationRecord(
            ref,
            row.get("name", ""),
            row.get("description", ""),
            row.get("email", ""),
            row.get("website", ""),
            extra.get("source") or (prior.source if prior else label),
            uuid=oid,
        )
    return list(merged.values())


def _openings(rows: list[tuple[Origin, dict[str, str]]]) -> list[Opening]:
    out = []
    for _, r in rows:
        days = tuple(_DAY[d] for d in r.get("byday", "").split(",") if d in _DAY)
        if days:
            opens, closes = r.get("opens_at", "")[:5], r.get("closes_at", "")[:5]
            out.append(Opening(days, opens or None, closes or None))
    return out


def _kept(prior: ServiceRecord | None) -> dict[str, str]:
    """What HSDS has no field for, kept from the directory's current record of the service."""
    if prior is None:
        return {}
    return {
        "ref": prior.ref,
        "scope": prior.scope,
        "hours_text": prior.hours_text,
        "hours_note": prior.hours_note,
        "assured_by": prior.assured_by,
        "notes": prior.notes,
        "source": prior.source,
        "source_url": prior.source_url,
        **{k: getattr(prior.location, k, "") for k in ADDRESS_FIELDS if prior.location},
    }


def _service_row(
    row: dict[str, str], sid: str, tables: dict[str, Any], ctx: dict[str, Any]
) -> tuple[dict[str, str], dict[str, Origin], dict[str, str]]:
    """The spreadsheet row for one HSDS service, and where each of its cells came from."""
    ext = ctx["ext"].get(sid) or _kept(ctx["prior"].get(sid))
    origins: dict[str, Origin] = {}
    phones = tables["phones"].get(sid, [])
    if phones:
        origins["phones"] = (phones[0][0][0], phones[0][0][1], phones[0][0][2] + "number")
    entries = [PhoneEntry(p.get("number", ""), p.get("description", "")) for _, p in phones]
    openings = _openings(tables["schedules"].get(sid, []))
    sal = next(iter(tables["sals"].get(sid, [])), None)
    loc: dict[str, str] = {}
    addr: dict[str, str] = {}
    if sal is not None:
        located = tables["locations"].get(sal[1].get("location_id", ""), [])
        if located:
            origins["latitude"] = (
                located[0][0][0],
                located[0][0][1],
                located[0][0][2] + "latitude",
            )
            loc = located[0][1]
        found = tables["addresses"].get(sal[1].get("location_id", ""), [])
        if found:
            origins["postal_code"] = (
                found[0][0][0],
                found[0][0][1],
                found[0][0][2] + "postal_code",
            )
            addr = found[0][1]
    # Our own export's address is exact; a record we already hold keeps its partial address
    # when HSDS (which needs all five address fields) had none to give.
    if "address_1" in ext and (sid in ctx["ext"] or not addr):
        addr = {k: ext.get(k, "") for k in ADDRESS_FIELDS}
    cats = []
    for (file, n, prefix), a in tables["attributes"].get(sid, []):
        term = ctx["terms"].get(a.get("taxonomy_term_id", ""), {})
        if a.get("link_type") == "cross_reference" or term.get("taxonomy") in ctx["cross"]:
            continue
        key = term.get("code") or a.get("value", "")
        if key not in cats:
            cats.append(key)
            origins.setdefault("categories", (file, n, prefix + "taxonomy_term_id"))
    flat = {c: "" for c in EXPORT_COLUMNS}
    flat.update(
        service_id=ext.get("ref") or ctx["refs"][sid],
        organization_id=ctx["org_refs"].get(row.get("organization_id", ""), ""),
        name=row.get("name", ""),
        description=row.get("description", ""),
        categories=";".join(cats),
        scope=ext.get("scope") or ("local" if loc else "national"),
        phones=format_phones(entries),
        email=row.get("email", ""),
        url=row.get("url", ""),
        hours=ext.get("hours_text") or format_hours(openings),
        hours_note=ext.get("hours_note", ""),
        address_1=addr.get("address_1", ""),
        address_2=addr.get("address_2", ""),
        city=addr.get("city", ""),
        region=addr.get("region", ""),
        postal_code=addr.get("postal_code", ""),
        country=addr.get("country", "") or "GB",
        latitude=loc.get("latitude", ""),
        longitude=loc.get("longitude", ""),
        area=next((a.get("name", "") for _, a in tables["areas"].get(sid, [])), ""),
        languages=";".join(x.get("code", "") for _, x in tables["languages"].get(sid, [])),
        eligibility=row.get("eligibility_description", ""),
        fees=row.get("fees_description", ""),
        application=row.get("application_process", ""),
        status=row.get("status", ""),
        assured_date=row.get("assured_date", ""),
        assured_by=ext.get("assured_by", ""),
        source=ext.get("source") or ctx["label"],
        source_url=ext.get("source_url", ""),
        notes=ext.get("notes", ""),
    )
    return flat, origins, loc


def _services(
    tables: Tables,
    current: Sources,
    organizations: list[OrganizationRecord],
    categories: set[str],
    issues: Issues,
    label: str,
    progress: Progress,
) -> list[ServiceRecord]:
    prior = {s.uuid: s for s in current.services}
    taken = {s.ref for s in current.services}
    ext = {r["service_id"]: r for _, r in tables.rows.get("waypost_services", [])}
    refs = {}
    for _, row in tables.rows.get("service", []):
        sid = row.get("id", "")
        known = prior.get(sid)
        refs[sid] = ext.get(sid, {}).get("ref") or (
            known.ref if known else _slug(row.get("name", ""), taken)
        )
    terms = {r.get("id", ""): r for _, r in tables.rows.get("taxonomy_term", [])}
    groups = {
        "phones": tables.by("phone", "service_id"),
        "schedules": tables.by("schedule", "service_id"),
        "sals": tables.by("service_at_location", "service_id"),
        "locations": tables.by("location", "id"),
        "addresses": tables.by("address", "location_id"),
        "attributes": tables.by("attribute", "link_id"),
        "areas": tables.by("service_area", "service_id"),
        "languages": tables.by("language", "service_id"),
    }
    ctx = {
        "ext": ext,
        "refs": refs,
        "terms": terms,
        "label": label,
        "cross": {"open_eligibility", "airs"},
        "org_refs": {o.uuid: o.ref for o in organizations},
        "prior": prior,
    }
    org_refs = {o.ref for o in organizations}
    geocoder = Geocoder(current.places)
    seen: set[str] = set()
    out = []
    rows = tables.rows.get("service", [])
    for i, ((file, n, prefix), row) in enumerate(rows, start=1):
        sid = row.get("id", "")
        if not _is_uuid(sid):
            issues.add(file, n, prefix + "id", sid, "is not a UUID")
            continue
        if sid in seen:
            issues.add(file, n, prefix + "id", sid, "is used twice")
        seen.add(sid)
        flat, origins, loc = _service_row(row, sid, groups, ctx)
        local = Issues()
        record = service_from_row(file, n or 0, flat, local, categories, org_refs, geocoder)
        for issue in local.items:
            column = issue.column or ""
            where = origins.get(column, (file, n, prefix + _HSDS_NAMES.get(column, column)))
            issues.add(where[0], where[1], where[2], issue.value, issue.problem)
        record.uuid = sid
        record.last_modified = row.get("last_modified", "")
        if record.location is not None and loc:
            record.location.location_type = loc.get("location_type") or "physical"
            record.location.nomis = (
                loc.get("external_identifier", "")
                if loc.get("external_identifier_type") == "NOMIS"
                else ""
            )
            name = ext[sid].get("location_name", "") if sid in ext else loc.get("name", "")
            record.location.name = "" if name == record.name else name or ""
        out.append(record)
        if i % 2000 == 0:
            progress("checking", i, len(rows))
    return out


_HSDS_NAMES = {
    "service_id": "id",
    "eligibility": "eligibility_description",
    "fees": "fees_description",
    "application": "application_process",
}


def _categories(tables: Tables) -> list[CategoryRecord] | None:
    rows = tables.rows.get("waypost_categories", [])
    if not rows:
        return None
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    short: dict[str, dict[str, str]] = defaultdict(dict)
    for _, r in tables.rows.get("waypost_category_labels", []):
        labels[r["key"]][r["language"]] = r["label"]
        short[r["key"]][r["language"]] = r["short_label"]
    words: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for _, r in tables.rows.get("waypost_keywords", []):
        words[r["key"]].setdefault(r["language"], []).append(r["keyword"])
    return [
        CategoryRecord(
            r["key"],
            int(r["position"] or 0),
            r["icon"],
            r["open_eligibility"],
            r["airs"],
            labels[r["key"]],
            short[r["key"]],
            words[r["key"]],
        )
        for _, r in rows
    ]


def _places(tables: Tables) -> list[PlaceRecord] | None:
    rows = tables.rows.get("waypost_places", [])
    if not rows:
        return None
    return [
        PlaceRecord(
            r["kind"],
            r["key"],
            r["name"],
            r["country"],
            float(r["latitude"]),
            float(r["longitude"]),
            r["region"],
            int(r["population"] or 0),
        )
        for _, r in rows
    ]


def _history(tables: Tables, current: Sources) -> list[MetadataRecord]:
    known = {m.id for m in current.metadata}
    out = []
    for _, r in tables.rows.get("metadata", []):
        if r.get("id") and r["id"] not in known:
            known.add(r["id"])
            out.append(
                MetadataRecord(
                    r.get("resource_id", ""),
                    r.get("resource_type", ""),
                    r.get("last_action_date", ""),
                    r.get("last_action_type", ""),
                    r.get("field_name", ""),
                    r.get("previous_value", ""),
                    r.get("replacement_value", ""),
                    r.get("updated_by", ""),
                    id=r["id"],
                )
            )
    return out


def plan_hsds_import(current: Sources, source: Path, progress: Progress) -> ImportPlan:
    """Check an HSDS package or JSON file and work out the directory it gives."""
    issues = Issues()
    tables = read_package(source, issues) if source.is_dir() else read_json(source, issues)
    label = f"Open Referral HSDS import ({source.name})"
    categories = _categories(tables) or current.categories
    organizations = _organizations(tables, current, issues, label)
    services = _services(
        tables, current, organizations, {c.key for c in categories}, issues, label, progress
    )
    translations = carried_translations(current, services)
    if tables.rows.get("waypost_translations"):
        refs = {s.uuid: s.ref for s in services} | {o.uuid: o.ref for o in organizations}
        translations = [
            TranslationRecord(
                r["table_name"],
                refs.get(r["record_id"], r["record_id"]),
                r["field"],
                r["language"],
                r["value"],
            )
            for _, r in tables.rows["waypost_translations"]
        ]
    prisons = current.prisons
    if tables.rows.get("waypost_prisons"):
        prisons = _prisons(source / "waypost_prisons.csv", issues)
    issues.raise_if_any()
    plan = finish_plan(current, organizations, services, translations)
    plan.sources = dataclasses.replace(
        plan.sources,
        categories=categories,
        prisons=prisons,
        places=_places(tables) or current.places,
    )
    plan.history = _history(tables, current)
    return plan


def _prisons(path: Path, issues: Issues) -> list[PrisonRecord]:
    # waypost_prisons.csv has data/prisons.csv's columns, so the build's own reader checks it.
    return load_prisons(path, issues)
