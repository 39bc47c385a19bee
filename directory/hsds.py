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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from directory.places import normalise_postcode
from directory.prison_sources import PRISON_COLUMNS
from directory.records import ServiceRecord, Sources, stable_uuid
from directory.spreadsheet import number_text
from directory.writer import TAXONOMY_ID

Progress = Callable[[str, int, int], None]
Row = dict[str, str]
CROSS_TAXONOMIES = {
    "open_eligibility": ("Open Eligibility", "https://openeligibility.org"),
    "airs": ("AIRS/211 LA County Taxonomy (top level)", "https://211taxonomy.org"),
}
# Our own resources: name -> columns. The first column links the row to an HSDS record.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "waypost_services": (
        "service_id",
        "ref",
        "scope",
        "hours_text",
        "hours_note",
        "assured_by",
        "notes",
        "source",
        "source_url",
        "address_1",
        "address_2",
        "city",
        "region",
        "postal_code",
        "country",
        "location_name",
    ),
    "waypost_organizations": ("organization_id", "ref", "source"),
    "waypost_categories": (
        "key",
        "position",
        "icon",
        "open_eligibility",
        "airs",
        "taxonomy_term_id",
    ),
    "waypost_category_labels": ("key", "language", "label", "short_label"),
    "waypost_keywords": ("key", "language", "keyword"),
    "waypost_translations": ("table_name", "record_id", "field", "language", "value"),
    "waypost_prisons": (*PRISON_COLUMNS,),
    "waypost_places": (
        "kind",
        "key",
        "name",
        "country",
        "region",
        "latitude",
        "longitude",
        "population",
    ),
}


def standards_dir() -> Path:
    """The HSDS 3.0 data package description shipped with the core (CC BY-SA 4.0, see LICENSE)."""
    return Path(__file__).resolve().parent / "standards" / "hsds-3.0"


def _time(value: str | None) -> str:
    # HSDS times are HH:MM:SS; the hours grammar allows 24:00, which is 23:59:59 here and comes
    # back exactly from the service's readable hours.
    if not value:
        return ""
    return "23:59:59" if value == "24:00" else f"{value}:00"


def _state_province(service: ServiceRecord, regions: dict[str, str]) -> str:
    loc = service.location
    if loc is None:
        return ""
    if loc.region:
        return loc.region
    postcode = normalise_postcode(loc.postal_code)
    return regions.get(postcode.split(" ")[0], "") if postcode and loc.country == "GB" else ""


class Tables:
    """HSDS tables as lists of rows, keyed by resource name."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {}

    def add(self, table: str, **values: object) -> Row:
        """Append a row; None becomes an empty cell."""
        row = {k: "" if v is None else str(v) for k, v in values.items()}
        self.rows.setdefault(table, []).append(row)
        return row


def _taxonomies(sources: Sources, t: Tables) -> dict[str, str]:
    """Taxonomies and terms; returns term code -> term id for the cross-references."""
    t.add(
        "taxonomy",
        id=TAXONOMY_ID,
        name="Waypost categories",
        description="Needs of families of people in prison, cross-referenced to Open "
        "Eligibility and AIRS.",
        uri="",
        version="1",
    )
    for c in sources.categories:
        t.add(
            "taxonomy_term",
            id=stable_uuid("taxonomy_term", c.key),
            code=c.key,
            name=c.labels.get("en", c.key),
            description=c.labels.get("en", c.key),
            taxonomy="waypost",
            language="en",
            taxonomy_id=TAXONOMY_ID,
        )
    cross: dict[str, str] = {}
    for column, (name, uri) in CROSS_TAXONOMIES.items():
        tax_id = stable_uuid("taxonomy", column)
        t.add(
            "taxonomy",
            id=tax_id,
            name=name,
            description=f"{name}: cross-references of the Waypost categories.",
            uri=uri,
            version="",
        )
        for c in sources.categories:
            for code in filter(None, (x.strip() for x in getattr(c, column).split(";"))):
                key = f"{column}:{code}"
                if key not in cross:
                    cross[key] = stable_uuid("taxonomy_term", key)
                    t.add(
                        "taxonomy_term",
                        id=cross[key],
                        code=key,
                        name=f"{name} {code}",
                        description=f"{name} code {code}",
                        taxonomy=column,
                        language="en",
                        taxonomy_id=tax_id,
                    )
    return cross


def _cross_terms(sources: Sources, cross: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in sources.categories:
        ids = []
        for column in CROSS_TAXONOMIES:
            for code in filter(None, (x.strip() for x in getattr(c, column).split(";"))):
                ids.append(cross[f"{column}:{code}"])
        out[c.key] = ids
    return out


def _service_tables(s: ServiceRecord, t: Tables, ctx: dict[str, Any]) -> None:
    org_ids, regions, cross = ctx["org_ids"], ctx["regions"], ctx["cross"]
    t.add(
        "service",
        id=s.uuid,
        organization_id=org_ids[s.organization_ref],
        name=s.name,
        description=s.description,
        url=s.url,
        email=s.email,
        status=s.status,
        application_process=s.application,
        fees_description=s.fees,
        eligibility_description=s.eligibility,
        assured_date=s.assured_date,
        last_modified=s.last_modified,
    )
    loc = s.location
    t.add(
        "waypost_services",
        service_id=s.uuid,
        ref=s.ref,
        scope=s.scope,
        hours_text=s.hours_text,
        hours_note=s.hours_note,
        assured_by=s.assured_by,
        notes=s.notes,
        source=s.source,
        source_url=s.source_url,
        address_1=loc.address_1 if loc else "",
        address_2=loc.address_2 if loc else "",
        city=loc.city if loc else "",
        region=loc.region if loc else "",
        postal_code=loc.postal_code if loc else "",
        country=loc.country if loc else "",
        location_name=loc.name if loc else "",
    )
    for i, p in enumerate(s.phones):
        t.add(
            "phone",
            id=stable_uuid("phone", f"{s.ref}:{i}"),
            service_id=s.uuid,
            number=p.number,
            type="voice",
            description=p.description,
        )
    for i, o in enumerate(s.openings):
        t.add(
            "schedule",
            id=stable_uuid("schedule", f"{s.ref}:{i}"),
            service_id=s.uuid,
            freq="WEEKLY",
            byday=o.byday,
            opens_at=_time(o.opens_at),
            closes_at=_time(o.closes_at),
            description=s.hours_text if i == 0 else "",
        )
    for code in s.languages:
        t.add(
            "language", id=stable_uuid("language", f"{s.ref}:{code}"), service_id=s.uuid, code=code
        )
    if s.area:
        t.add("service_area", id=stable_uuid("service_area", s.ref), service_id=s.uuid, name=s.area)
    for key in s.categories:
        t.add(
            "attribute",
            id=stable_uuid("attribute", f"{s.ref}:{key}"),
            link_id=s.uuid,
            taxonomy_term_id=stable_uuid("taxonomy_term", key),
            link_type="category",
            link_entity="service",
            value=key,
        )
        for term in cross.get(key, []):
            t.add(
                "attribute",
                id=stable_uuid("attribute", f"{s.ref}:{key}:{term}"),
                link_id=s.uuid,
                taxonomy_term_id=term,
                link_type="cross_reference",
                link_entity="service",
                value=key,
            )
    if loc is None:
        return
    loc_id = stable_uuid("location", s.ref)
    t.add(
        "location",
        id=loc_id,
        location_type=loc.location_type,
        name=loc.name or s.name,
        latitude=number_text(loc.latitude),
        longitude=number_text(loc.longitude),
        external_identifier=loc.nomis,
        external_identifier_type="NOMIS" if loc.nomis else "",
    )
    t.add(
        "service_at_location",
        id=stable_uuid("service_at_location", s.ref),
        service_id=s.uuid,
        location_id=loc_id,
    )
    state = _state_province(s, regions)
    # HSDS requires all five; a partial address stays in waypost_services only.
    if loc.address_1 and loc.city and state and loc.postal_code and loc.country:
        t.add(
            "address",
            id=stable_uuid("address", s.ref),
            location_id=loc_id,
            address_1=loc.address_1,
            address_2=loc.address_2,
            city=loc.city,
            region=loc.region,
            state_province=state,
            postal_code=loc.postal_code,
            country=loc.country,
            address_type="physical",
        )


def _extension_tables(sources: Sources, t: Tables) -> None:
    for o in sources.organizations:
        t.add("waypost_organizations", organization_id=o.uuid, ref=o.ref, source=o.source)
    for c in sources.categories:
        t.add(
            "waypost_categories",
            key=c.key,
            position=c.position,
            icon=c.icon,
            open_eligibility=c.open_eligibility,
            airs=c.airs,
            taxonomy_term_id=stable_uuid("taxonomy_term", c.key),
        )
        for lang, label in c.labels.items():
            t.add(
                "waypost_category_labels",
                key=c.key,
                language=lang,
                label=label,
                short_label=c.short.get(lang, label),
            )
        for lang, words in c.keywords.items():
            for word in words:
                t.add("waypost_keywords", key=c.key, language=lang, keyword=word)
    uuids = {
        "service": {s.ref: s.uuid for s in sources.services},
        "organization": {o.ref: o.uuid for o in sources.organizations},
    }
    for tr in sources.translations:
        t.add(
            "waypost_translations",
            table_name=tr.table,
            record_id=uuids[tr.table].get(tr.record_ref, tr.record_ref),
            field=tr.field,
            language=tr.language,
            value=tr.value,
        )
    for p in sources.prisons:
        loc = p.location
        t.add(
            "waypost_prisons",
            nomis=p.nomis,
            name=p.name,
            name_cy=p.name_cy,
            display_name=p.display_name,
            aliases="; ".join(p.aliases),
            types=p.types,
            address_1=loc.address_1,
            address_2=loc.address_2,
            town=loc.city,
            county=loc.region,
            postcode=loc.postal_code,
            country=loc.country,
            latitude=number_text(loc.latitude),
            longitude=number_text(loc.longitude),
            latlon_source=p.latlon_source,
            visits_phone=p.visits_phone,
            visits_email=p.visits_email,
            visit_slots=p.visit_slots,
            booking_enabled=str(p.booking_enabled).lower(),
            source=p.source,
        )
    for pl in sources.places:
        t.add(
            "waypost_places",
            kind=pl.kind,
            key=pl.key,
            name=pl.name,
            country=pl.country,
            region=pl.region,
            latitude=number_text(pl.latitude),
            longitude=number_text(pl.longitude),
            population=pl.population,
        )


def hsds_tables(sources: Sources, progress: Progress | None = None) -> Tables:
    """Every HSDS (and waypost_*) table for the directory."""
    t = Tables()
    for o in sources.organizations:
        t.add(
            "organization",
            id=o.uuid,
            name=o.name,
            description=o.description,
            email=o.email,
            website=o.website,
        )
    cross = _taxonomies(sources, t)
    ctx = {
        "org_ids": {o.ref: o.uuid for o in sources.organizations},
        "regions": {p.key: p.region for p in sources.places if p.kind == "outcode"},
        "cross": _cross_terms(sources, cross),
    }
    total = len(sources.services)
    for i, s in enumerate(sources.services, start=1):
        _service_tables(s, t, ctx)
        if progress and i % 5000 == 0:
            progress("hsds tables", i, total)
    for m in sources.metadata:
        t.add(
            "metadata",
            id=m.id,
            resource_id=m.resource_id,
            resource_type=m.resource_type,
            last_action_date=m.last_action_date,
            last_action_type=m.last_action_type,
            field_name=m.field_name,
            previous_value=m.previous_value,
            replacement_value=m.replacement_value,
            updated_by=m.updated_by,
        )
    _extension_tables(sources, t)
    return t


def _extension_resource(name: str, columns: Iterable[str]) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "description": "Waypost data that HSDS 3.0 has no field for (not part of HSDS).",
        "schema": {"fields": [{"name": c, "type": "string"} for c in columns]},
    }


def _write_csv(path: Path, columns: list[str], rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)


def write_hsds(sources: Sources, out: Path, progress: Progress | None = None) -> list[Path]:
    """Write the tabular data package and services.json into the folder `out`."""
    from directory.hsds_json import services_json  # the nested form is built from the tables

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
        package["resources"].append(_extension_resource(name, fields))
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
