"""Writing the directory's reference tables: places, organisations, translations and the
exchange fields (prisons: prison_writer). Plain rows into the tables the migrations made,
batched by sqlite-utils; the services and their search documents are written by `writer`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from directory.building.records import Sources

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH_SIZE = 2000  # rows per INSERT statement sqlite-utils writes


def _rows_writer(conn: sqlite3.Connection) -> Database:
    # Imported here: sqlite-utils loads its plugins on import, and the front ends, which import
    # the core's public API (and with it this module), never write a directory.
    from sqlite_utils import Database

    return Database(conn, recursive_triggers=False, execute_plugins=False)


def write_places(conn: sqlite3.Connection, sources: Sources) -> None:
    """The gazetteer's places."""
    # The gazetteer and the organisations are plain rows into tables the migrations made:
    # sqlite-utils batches them (the services, with their FTS documents, stay hand-written).
    _rows_writer(conn).table("place").insert_all(
        (
            {
                "kind": p.kind,
                "key": p.key,
                "name": p.name,
                "country": p.country,
                "region": p.region,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "population": p.population,
            }
            for p in sources.places
        ),
        batch_size=BATCH_SIZE,
    )


def write_organizations(conn: sqlite3.Connection, sources: Sources) -> None:
    """The organisations behind the services."""
    _rows_writer(conn).table("organization").insert_all(
        (
            {
                "id": o.uuid,
                "ref": o.ref,
                "name": o.name,
                "description": o.description,
                "email": o.email or None,
                "website": o.website or None,
            }
            for o in sources.organizations
        ),
        batch_size=BATCH_SIZE,
    )


def write_translations(conn: sqlite3.Connection, sources: Sources) -> None:
    """Translated fields, keyed by the record's UUID (the last of two for a field wins)."""
    uuids = {
        "service": {s.ref: s.uuid for s in sources.services},
        "organization": {o.ref: o.uuid for o in sources.organizations},
    }
    _rows_writer(conn).table("translation").insert_all(
        (
            {
                "table_name": t.table,
                "record_id": uuids[t.table].get(t.record_ref, t.record_ref),
                "field": t.field,
                "language": t.language,
                "value": t.value,
            }
            for t in sources.translations
        ),
        replace=True,
        batch_size=BATCH_SIZE,
    )


def write_exchange_fields(conn: sqlite3.Connection, sources: Sources) -> None:
    """What import and export give back: organisation sources, prison aliases, history."""
    # Added with content migration 0002 so that import/export can give back what build was given.
    conn.executemany(
        "UPDATE organization SET source = ? WHERE id = ?",
        [(o.source, o.uuid) for o in sources.organizations if o.source],
    )
    conn.executemany(
        "UPDATE prison SET aliases = ?, booking_enabled = ? WHERE nomis = ?",
        [("; ".join(p.aliases), int(p.booking_enabled), p.nomis) for p in sources.prisons],
    )
    _rows_writer(conn).table("metadata").insert_all(
        (
            {
                "id": m.id,
                "resource_id": m.resource_id,
                "resource_type": m.resource_type,
                "last_action_date": m.last_action_date,
                "last_action_type": m.last_action_type,
                "field_name": m.field_name,
                "previous_value": m.previous_value,
                "replacement_value": m.replacement_value,
                "updated_by": m.updated_by,
            }
            for m in sources.metadata
        ),
        batch_size=BATCH_SIZE,
    )
