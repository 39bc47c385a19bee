"""Waypost's own `waypost_*` resources: what HSDS 3.0 has no field for, so nothing is lost.

A service's scope, readable hours, checker and source; category labels and keywords;
translations; prisons; the gazetteer. They are declared in the same datapackage.json.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from directory.building.prison_rows import PRISON_COLUMNS
from directory.building.records import Sources, stable_uuid
from directory.building.visitor_centres import VISITOR_CENTRE_COLUMNS
from directory.exchange.hsds import Tables
from directory.exchange.spreadsheet import number_text

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
    "waypost_visitor_centres": (*VISITOR_CENTRE_COLUMNS,),
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


def extension_tables(sources: Sources, t: Tables) -> None:
    """Add the waypost_* rows for the directory to `t`."""
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
            country=p.area,
            latitude=number_text(loc.latitude),
            longitude=number_text(loc.longitude),
            latlon_source=p.latlon_source,
            visits_phone=p.visits_phone,
            visits_email=p.visits_email,
            visit_slots=p.visit_slots,
            booking_enabled=str(p.booking_enabled).lower(),
            source=p.source,
            status=p.status,
            status_source=p.status_source,
        )
    for vc in sources.visitor_centres:
        t.add("waypost_visitor_centres", **{c: getattr(vc, c) for c in VISITOR_CENTRE_COLUMNS})
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


def extension_resource(name: str, columns: Iterable[str]) -> dict[str, Any]:
    """The datapackage.json entry declaring one waypost_* resource."""
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "description": "Waypost data that HSDS 3.0 has no field for (not part of HSDS).",
        "schema": {"fields": [{"name": c, "type": "string"} for c in columns]},
    }
