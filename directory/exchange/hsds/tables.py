"""Waypost records as HSDS 3.0 tables: one list of rows per resource, as the CSVs hold them.

Services become services, phones, schedules, languages, areas, attributes (their categories),
locations and addresses; the `waypost_*` rows (hsds_extensions.py) keep what HSDS cannot.
"""

from __future__ import annotations

from typing import Any

from directory.building.records import ServiceRecord, Sources, stable_uuid
from directory.exchange.hsds import Progress, Tables
from directory.exchange.hsds.extensions import extension_tables
from directory.exchange.hsds.taxonomy import cross_terms, taxonomy_tables
from directory.exchange.spreadsheet import number_text
from directory.lookup.places import normalise_postcode
from directory.text.areas import AREA_URI


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
    for code in s.service_area:
        t.add(
            "service_area",
            id=stable_uuid("service_area", f"{s.ref}:{code}"),
            service_id=s.uuid,
            name=code,
            extent=code,
            extent_type="text",
            uri=AREA_URI + code,
        )
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
    cross = taxonomy_tables(sources, t)
    ctx = {
        "org_ids": {o.ref: o.uuid for o in sources.organizations},
        "regions": {p.key: p.region for p in sources.places if p.kind == "outcode"},
        "cross": cross_terms(sources, cross),
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
    extension_tables(sources, t)
    return t
