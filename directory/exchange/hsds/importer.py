"""Reading HSDS 3.0 back in: a tabular data package folder or a services JSON file.

The files are read into tables (reader.py), each service is checked with the same rules as
a spreadsheet row (services.py), and organisations, categories, translations, prisons,
places and change history are taken from the tables here. The `waypost_*` resources of our own
export, when present, give back what HSDS has no field for; from other publishers sensible
defaults are used.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from directory.building.data_folder import Issues
from directory.building.prison_rows import load_prisons
from directory.building.records import (
    CategoryRecord,
    MetadataRecord,
    OrganizationRecord,
    PlaceRecord,
    PrisonRecord,
    Sources,
    TranslationRecord,
    category_records,
)
from directory.exchange.hsds import Progress
from directory.exchange.hsds.extension_checks import check_extensions
from directory.exchange.hsds.reader import SourceTables, read_json, read_package
from directory.exchange.hsds.services import hsds_services, slug_ref, usable_id
from directory.exchange.import_plan import ImportPlan, carried_translations, finish_plan


def _organizations(
    tables: SourceTables, current: Sources, issues: Issues, label: str
) -> list[OrganizationRecord]:
    ext = {r["organization_id"]: r for _, r in tables.rows.get("waypost_organizations", [])}
    merged = {o.uuid: o for o in current.organizations}
    taken = {o.ref for o in current.organizations}
    seen: set[str] = set()
    for (file, n, prefix), row in tables.rows.get("organization", []):
        oid = row.get("id", "")
        if not usable_id((file, n, prefix), oid, seen, issues):
            continue
        for column in ("name", "description"):
            if not row.get(column):
                issues.add(file, n, prefix + column, "", "is required")
        prior = merged.get(oid)
        extra = ext.get(oid, {})
        ref = extra.get("ref") or (prior.ref if prior else slug_ref(row.get("name", ""), taken))
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


def _categories(tables: SourceTables) -> list[CategoryRecord] | None:
    rows = tables.rows.get("waypost_categories", [])
    if not rows:
        return None
    return category_records(
        (
            (r["key"], int(r["position"] or 0), r["icon"], r["open_eligibility"], r["airs"])
            for _, r in rows
        ),
        (
            (r["key"], r["language"], r["label"], r["short_label"])
            for _, r in tables.rows.get("waypost_category_labels", [])
        ),
        (
            (r["key"], r["language"], r["keyword"])
            for _, r in tables.rows.get("waypost_keywords", [])
        ),
    )


def _places(tables: SourceTables) -> list[PlaceRecord] | None:
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


def _history(tables: SourceTables, current: Sources) -> list[MetadataRecord]:
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
    check_extensions(tables, issues)
    label = f"Open Referral HSDS import ({source.name})"
    categories = _categories(tables) or current.categories
    organizations = _organizations(tables, current, issues, label)
    services = hsds_services(
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
