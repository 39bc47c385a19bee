"""Writing prisons and their aliases into the content database."""

from __future__ import annotations

import sqlite3

from directory.building.records import PrisonRecord
from directory.text.folding import fold_uncached as fold


def write_prisons(conn: sqlite3.Connection, prisons: list[PrisonRecord]) -> None:
    """Insert every prison, its status and the folded names it is recognised by.

    A closed prison keeps its aliases: a family naming it is told it is closed, not that the
    place is unknown.
    """
    for p in prisons:
        loc = p.location
        conn.execute(
            "INSERT INTO prison (nomis, name, name_cy, display_name, types, address_1, address_2,"
            " town, county, postcode, country, latitude, longitude, latlon_source, visits_phone,"
            " visits_email, visit_slots, service_ref, source, status, status_source)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                p.nomis,
                p.name,
                p.name_cy or None,
                p.display_name,
                p.types,
                loc.address_1,
                loc.address_2 or None,
                loc.city,
                loc.region,
                loc.postal_code,
                p.area,
                loc.latitude,
                loc.longitude,
                p.latlon_source,
                p.visits_phone or None,
                p.visits_email or None,
                p.visit_slots or None,
                f"prison-visits-{p.nomis.lower()}",
                p.source,
                p.status,
                p.status_source,
            ),
        )
        keys = {fold(a) for a in [p.name, p.display_name, *p.aliases] if fold(a)}
        conn.executemany(
            "INSERT OR IGNORE INTO prison_alias (key, nomis) VALUES (?, ?)",
            [(k, p.nomis) for k in keys],
        )
