"""HSDS services back into Waypost service records, checked as spreadsheet rows are.

Each HSDS service (with its phones, schedules, location, address and attributes) becomes the
spreadsheet row it stands for, goes through the same checks, and every problem is reported at
its HSDS file, row and column. The `waypost_services` rows of our own export, or the record the
directory already holds, give back what HSDS has no field for.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from directory.building.data_folder import Issues, service_from_row
from directory.building.gazetteer import Geocoder
from directory.building.records import OrganizationRecord, ServiceRecord, Sources
from directory.exchange.hsds import Origin, Progress
from directory.exchange.hsds.reader import SourceTables
from directory.exchange.spreadsheet import EXPORT_COLUMNS
from directory.text.areas import AREA_URI
from directory.text.folding import fold_uncached as fold
from directory.text.hours import ICAL, Opening, format_hours
from directory.text.phones import PhoneEntry, format_phones

ADDRESS_FIELDS = ("address_1", "address_2", "city", "region", "postal_code", "country")
_DAY = {code: i for i, code in enumerate(ICAL)}


def slug_ref(name: str, taken: set[str]) -> str:
    """A new ref made from `name`, not yet in `taken` (which it joins)."""
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


def usable_id(origin: Origin, value: str, seen: set[str], issues: Issues) -> bool:
    """False (reported) unless the record's HSDS id is a UUID; a repeated one is reported too."""
    file, n, prefix = origin
    if not _is_uuid(value):
        issues.add(file, n, prefix + "id", value, "is not a UUID")
        return False
    if value in seen:
        issues.add(file, n, prefix + "id", value, "is used twice")
    seen.add(value)
    return True


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


def _cell(origin: Origin, column: str) -> Origin:
    file, row, prefix = origin
    return (file, row, prefix + column)


def _service_row(
    row: dict[str, str], sid: str, tables: dict[str, Any], ctx: dict[str, Any]
) -> tuple[dict[str, str], dict[str, Origin], dict[str, str]]:
    """The spreadsheet row for one HSDS service, and where each of its cells came from."""
    ext = ctx["ext"].get(sid) or _kept(ctx["prior"].get(sid))
    origins: dict[str, Origin] = {}
    phones = tables["phones"].get(sid, [])
    if phones:
        origins["phones"] = _cell(phones[0][0], "number")
    entries = [PhoneEntry(p.get("number", ""), p.get("description", "")) for _, p in phones]
    openings = _openings(tables["schedules"].get(sid, []))
    sal = next(iter(tables["sals"].get(sid, [])), None)
    loc: dict[str, str] = {}
    addr: dict[str, str] = {}
    if sal is not None:
        located = tables["locations"].get(sal[1].get("location_id", ""), [])
        if located:
            origins["latitude"] = _cell(located[0][0], "latitude")
            loc = located[0][1]
        found = tables["addresses"].get(sal[1].get("location_id", ""), [])
        if found:
            origins["postal_code"] = _cell(found[0][0], "postal_code")
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
        area=next(
            (
                a.get("name", "")
                for _, a in tables["areas"].get(sid, [])
                if not a.get("uri", "").startswith(AREA_URI)
            ),
            "",
        ),
        service_area=";".join(
            a.get("name", "")
            for _, a in tables["areas"].get(sid, [])
            if a.get("uri", "").startswith(AREA_URI)
        ),
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


def hsds_services(
    tables: SourceTables,
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
            known.ref if known else slug_ref(row.get("name", ""), taken)
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
        if not usable_id((file, n, prefix), sid, seen, issues):
            continue
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
