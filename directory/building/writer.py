"""Writing a complete content database file from records (used by build, import and benchmarks)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from directory.building.place_variants import write_place_variants
from directory.building.prison_writer import write_prisons
from directory.building.records import ServiceRecord, Sources, stable_uuid
from directory.building.reference_rows import (
    write_exchange_fields,
    write_organizations,
    write_places,
    write_translations,
)
from directory.building.visitor_centres import write_visitor_centres
from directory.db.connections import connect_writable
from directory.db.migrations import migrate
from directory.guides.store import write_guides
from directory.text.areas import AREA_URI
from directory.text.folding import fold_uncached as fold

Progress = Callable[[str, int, int], None]
TAXONOMY_ID = stable_uuid("taxonomy", "waypost-categories")


def _noop(step: str, done: int, total: int) -> None:
    return None


def write_database(sources: Sources, path: Path, progress: Progress | None = None) -> str:
    """Write `sources` into a new database file at `path` (which must not exist); return version."""
    report = progress or _noop
    conn = connect_writable(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = OFF")
        # A private temporary file until it is renamed into place: keep the random-keyed
        # B-trees (UUIDs) in memory while they fill, then write once.
        conn.execute("PRAGMA cache_size = -400000")
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, "content")
        conn.execute("BEGIN")
        _write_categories(conn, sources)
        report("categories", 1, 1)
        write_places(conn, sources)
        report("places", 1, 1)
        write_organizations(conn, sources)
        _write_services(conn, sources, report)
        write_prisons(conn, sources.prisons)
        write_visitor_centres(conn, sources.visitor_centres)
        write_place_variants(conn)
        write_translations(conn, sources)
        write_exchange_fields(conn, sources)
        write_guides(conn, sources.guides)
        built_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        version = f"{built_at[:10].replace('-', '')}-{sources.fingerprint or 'adhoc'}"
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("version", version),
                ("built_at", built_at),
                ("fingerprint", sources.fingerprint),
                ("services", str(len(sources.services))),
                ("attribution", sources.attribution),
            ],
        )
        conn.execute("COMMIT")
        conn.execute("INSERT INTO service_fts(service_fts) VALUES ('optimize')")
        conn.execute("ANALYZE")
        report("finishing", 1, 1)
    finally:
        conn.close()
    return version


def _write_categories(conn: sqlite3.Connection, sources: Sources) -> None:
    conn.execute(
        "INSERT INTO taxonomy (id, name, description, version) VALUES (?, ?, ?, ?)",
        (
            TAXONOMY_ID,
            "Waypost categories",
            "Needs of families of people in prison, cross-referenced to Open Eligibility and AIRS.",
            "1",
        ),
    )
    for c in sources.categories:
        term = stable_uuid("taxonomy_term", c.key)
        conn.execute(
            "INSERT INTO taxonomy_term (id, code, name, description, taxonomy, taxonomy_id,"
            " language) VALUES (?, ?, ?, ?, ?, ?, 'en')",
            (term, c.key, c.labels["en"], c.labels["en"], "waypost", TAXONOMY_ID),
        )
        conn.execute(
            "INSERT INTO category (key, position, icon, open_eligibility, airs, taxonomy_term_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (c.key, c.position, c.icon, c.open_eligibility, c.airs, term),
        )
        for lang, label in c.labels.items():
            conn.execute(
                "INSERT INTO category_label VALUES (?, ?, ?, ?)",
                (c.key, lang, label, c.short.get(lang, label)),
            )
        for lang, words in c.keywords.items():
            conn.executemany(
                "INSERT OR IGNORE INTO keyword (folded, keyword, language, category_key) "
                "VALUES (?, ?, ?, ?)",
                [(fold(w), w, lang, c.key) for w in words if fold(w)],
            )


def _write_category_fts(conn: sqlite3.Connection, sources: Sources) -> None:
    # Labels and keywords in every language live once per category, not in every service
    # document: a word found here widens the service query to that category's key.
    rows = []
    for c in sources.categories:
        words = [*c.labels.values(), *c.short.values()]
        for kws in c.keywords.values():
            words.extend(kws)
        rows.append((c.position, c.key, fold(" ".join(words))))
    conn.executemany("INSERT INTO category_fts (rowid, key, words) VALUES (?, ?, ?)", rows)


def _ordered(services: list[ServiceRecord]) -> list[ServiceRecord]:
    # A static order for text search: national services first, then local, each in file order.
    return [s for s in services if s.scope == "national"] + [
        s for s in services if s.scope != "national"
    ]


def _write_services(conn: sqlite3.Connection, sources: Sources, report: Progress) -> None:
    org_ids = {o.ref: o.uuid for o in sources.organizations}
    org_names = {o.ref: o.name for o in sources.organizations}
    positions = {c.key: c.position for c in sources.categories}
    terms = {c.key: stable_uuid("taxonomy_term", c.key) for c in sources.categories}
    _write_category_fts(conn, sources)
    names: dict[str, list[str]] = {}
    bodies: dict[str, list[str]] = {}
    for t in sources.translations:
        if t.table == "service" and t.field in ("name", "description"):
            (names if t.field == "name" else bodies).setdefault(t.record_ref, []).append(t.value)
    services = _ordered(sources.services)
    total = len(services)
    rows: dict[str, list[tuple[object, ...]]] = {
        k: []
        for k in (
            "service",
            "location",
            "address",
            "sal",
            "phone",
            "schedule",
            "language",
            "area",
            "attribute",
            "category",
            "fts",
            "geo",
        )
    }
    for rowid, s in enumerate(services, start=1):
        rows["service"].append(
            (
                rowid,
                s.uuid,
                s.ref,
                org_ids[s.organization_ref],
                s.name,
                s.status,
                s.description or None,
                s.url or None,
                s.email or None,
                s.eligibility or None,
                s.application or None,
                s.fees or None,
                s.assured_date or None,
                s.last_modified or None,
                s.scope,
                s.hours_text or None,
                s.hours_note or None,
                s.assured_by or None,
                s.notes or None,
                s.source,
                s.source_url or None,
            )
        )
        for i, p in enumerate(s.phones):
            rows["phone"].append(
                (
                    stable_uuid("phone", f"{s.ref}:{i}"),
                    s.uuid,
                    p.number,
                    "voice",
                    p.description or None,
                    i,
                )
            )
        for i, o in enumerate(s.openings):
            rows["schedule"].append(
                (
                    stable_uuid("schedule", f"{s.ref}:{i}"),
                    s.uuid,
                    "WEEKLY",
                    o.byday,
                    o.opens_at,
                    o.closes_at,
                    s.hours_text if i == 0 else None,
                    i,
                )
            )
        for code in s.languages:
            rows["language"].append((stable_uuid("language", f"{s.ref}:{code}"), s.uuid, code))
        if s.area:
            rows["area"].append((stable_uuid("service_area", s.ref), s.uuid, s.area, None, None))
        for code in s.service_area:
            area_id = stable_uuid("service_area", f"{s.ref}:{code}")
            rows["area"].append((area_id, s.uuid, code, "text", AREA_URI + code))
        for key in s.categories:
            rows["attribute"].append(
                (stable_uuid("attribute", f"{s.ref}:{key}"), s.uuid, terms[key], "service", key)
            )
            rows["category"].append((rowid, key))
        loc = s.location
        city = ""
        if loc is not None:
            loc_id = stable_uuid("location", s.ref)
            rows["location"].append(
                (
                    loc_id,
                    loc.location_type,
                    loc.name or s.name,
                    loc.latitude,
                    loc.longitude,
                    loc.nomis or None,
                    "NOMIS" if loc.nomis else None,
                )
            )
            if loc.address_1 or loc.postal_code or loc.city:
                rows["address"].append(
                    (
                        stable_uuid("address", s.ref),
                        loc_id,
                        loc.address_1 or "",
                        loc.address_2 or None,
                        loc.city or "",
                        loc.region or None,
                        loc.region or "",
                        loc.postal_code or "",
                        loc.country or "GB",
                    )
                )
            rows["sal"].append((stable_uuid("service_at_location", s.ref), s.uuid, loc_id))
            city = loc.city
            # Only an active service is found by place; the others stay readable by id.
            located = loc.latitude is not None and loc.longitude is not None
            if s.scope == "local" and s.status == "active" and located:
                for pos in (0, *(positions[key] for key in s.categories)):
                    rows["geo"].append((pos, loc.latitude, loc.longitude, rowid))
        name_text = " ".join([s.name, *names.get(s.ref, [])])
        body_text = " ".join(
            [
                s.description,
                *bodies.get(s.ref, []),
                org_names.get(s.organization_ref, ""),
                s.area,
                city,
                s.eligibility,
            ]
        )
        rows["fts"].append(
            (
                rowid,
                fold(name_text),
                fold(body_text) + " " + " ".join(s.categories),
            )
        )
        if rowid % 5000 == 0:
            report("services", rowid, total)
    _insert_service_rows(conn, rows)
    report("services", total, total)


def _insert_service_rows(
    conn: sqlite3.Connection, rows: dict[str, list[tuple[object, ...]]]
) -> None:
    statements = {
        "service": "INSERT INTO service (rowid, id, ref, organization_id, name, status,"
        " description, url, email, eligibility_description, application_process, fees_description,"
        " assured_date, last_modified, scope, hours_text, hours_note, assured_by, notes, source,"
        " source_url) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "location": "INSERT INTO location (id, location_type, name, latitude, longitude,"
        " external_identifier, external_identifier_type) VALUES (?,?,?,?,?,?,?)",
        "address": "INSERT INTO address (id, location_id, address_1, address_2, city, region,"
        " state_province, postal_code, country) VALUES (?,?,?,?,?,?,?,?,?)",
        "sal": "INSERT INTO service_at_location (id, service_id, location_id) VALUES (?,?,?)",
        "phone": "INSERT INTO phone (id, service_id, number, type, description, position)"
        " VALUES (?,?,?,?,?,?)",
        "schedule": "INSERT INTO schedule (id, service_id, freq, byday, opens_at, closes_at,"
        " description, position) VALUES (?,?,?,?,?,?,?,?)",
        "language": "INSERT INTO language (id, service_id, code) VALUES (?,?,?)",
        "area": "INSERT INTO service_area (id, service_id, name, extent_type, uri)"
        " VALUES (?,?,?,?,?)",
        "attribute": "INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity, value)"
        " VALUES (?,?,?,?,?)",
        "category": "INSERT INTO service_category (service_rowid, category_key) VALUES (?,?)",
        "fts": "INSERT INTO service_fts (rowid, name, body) VALUES (?,?,?)",
        "geo": "INSERT OR IGNORE INTO service_point VALUES (?,?,?,?)",
    }
    for key, sql in statements.items():
        conn.executemany(sql, rows[key])
