"""Reads of single services, helplines and prisons' visiting details."""

from __future__ import annotations

from directory.db.connections import ContentDB
from directory.errors import DirectoryError, ServiceNotFound
from directory.lookup.categories import category_positions
from directory.lookup.results import hydrate
from directory.lookup.visitor_centres import visitor_centre_for
from directory.models import Address, Phone, PrisonVisiting, ServiceDetail, ServiceResult
from directory.text.areas import AREA_URI

_DETAIL_SQL = (
    "SELECT s.rowid, s.id, s.ref, s.name, o.name, COALESCE(s.description, ''), s.scope,"
    " COALESCE(s.email, ''), COALESCE(s.url, o.website, ''), COALESCE(s.hours_text, ''),"
    " COALESCE(s.hours_note, ''), COALESCE(s.eligibility_description, ''),"
    " COALESCE(s.fees_description, ''), COALESCE(s.application_process, ''), s.status,"
    " s.assured_date, COALESCE(s.assured_by, ''), s.source, COALESCE(s.source_url, '')"
    " FROM service s JOIN organization o ON o.id = s.organization_id"
    " WHERE s.ref = ? OR s.id = ?"
)


def get_service(db: ContentDB, service_id: str, language: str | None = None) -> ServiceDetail:
    """Everything about one service (by short id or UUID), translated where possible."""
    row = db.execute(_DETAIL_SQL, (service_id, service_id)).fetchone()
    if row is None:
        raise ServiceNotFound(service_id)
    rowid, uuid = row[0], row[1]
    text = {
        "name": row[3],
        "description": row[5],
        "hours_note": row[10],
        "eligibility": row[11],
        "fees": row[12],
        "application": row[13],
    }
    if language and language != "en":
        for field, value in db.execute(
            "SELECT field, value FROM translation WHERE table_name = 'service' AND record_id = ?"
            " AND language = ?",
            (uuid, language),
        ):
            text[field] = value
    phones = [
        Phone(n, d or "")
        for n, d in db.execute(
            "SELECT number, description FROM phone WHERE service_id = ? ORDER BY position", (uuid,)
        )
    ]
    positions = category_positions(db)
    cats = sorted(
        (
            r[0]
            for r in db.execute(
                "SELECT category_key FROM service_category WHERE service_rowid = ?", (rowid,)
            )
        ),
        key=lambda k: positions.get(k, 99),
    )
    loc = db.execute(
        "SELECT l.latitude, l.longitude, a.address_1, a.address_2, a.city, a.region,"
        " a.postal_code, a.country FROM service_at_location sal JOIN location l"
        " ON l.id = sal.location_id LEFT JOIN address a ON a.location_id = l.id"
        " WHERE sal.service_id = ? LIMIT 1",
        (uuid,),
    ).fetchone()
    address = None
    lat = lon = None
    if loc:
        lat, lon = loc[0], loc[1]
        if loc[2] is not None:
            address = Address(
                loc[2] or "", loc[3] or "", loc[4] or "", loc[5] or "", loc[6] or "", loc[7] or ""
            )
    area = db.execute(
        "SELECT name FROM service_area WHERE service_id = ? AND COALESCE(uri, '') NOT LIKE ?"
        " ORDER BY rowid LIMIT 1",
        (uuid, AREA_URI + "%"),
    ).fetchone()
    langs = [r[0] for r in db.execute("SELECT code FROM language WHERE service_id = ?", (uuid,))]
    return ServiceDetail(
        service_id=row[2],
        uuid=uuid,
        name=text["name"],
        organization=row[4],
        description=text["description"],
        categories=cats,
        scope=row[6],
        phones=phones,
        email=row[7],
        url=row[8],
        hours=row[9],
        hours_note=text["hours_note"],
        address=address,
        latitude=lat,
        longitude=lon,
        area=area[0] if area else "",
        languages=langs,
        eligibility=text["eligibility"],
        fees=text["fees"],
        application=text["application"],
        status=row[14],
        assured_date=row[15],
        assured_by=row[16],
        source=row[17],
        source_url=row[18],
    )


def helplines(db: ContentDB, language: str | None = None, limit: int = 3) -> list[ServiceResult]:
    """National 24-hour helplines: the kiosk's "Need to talk now?" strip, the SMS distress reply."""
    rows = db.execute(
        "SELECT s.rowid FROM service s JOIN service_category c ON c.service_rowid = s.rowid"
        " WHERE c.category_key = 'helplines' AND s.scope = 'national' AND s.status = 'active'"
        " ORDER BY (s.hours_text LIKE '%24 hours%') DESC, s.rowid LIMIT ?",
        (limit,),
    ).fetchall()
    return hydrate(db, [(r[0], None) for r in rows], language)


def prison_visiting(db: ContentDB, nomis: str) -> PrisonVisiting:
    """A prison's visiting details by NOMIS code."""
    row = db.execute(
        "SELECT nomis, display_name, name, COALESCE(address_1, ''), COALESCE(address_2, ''),"
        " COALESCE(town, ''), COALESCE(county, ''), COALESCE(postcode, ''), latitude, longitude,"
        " COALESCE(visits_phone, ''), COALESCE(visits_email, ''), COALESCE(visit_slots, ''),"
        " service_ref, source, status, status_source, COALESCE(country, 'GB-ENG')"
        " FROM prison WHERE nomis = ?",
        (nomis.upper(),),
    ).fetchone()
    if row is None:
        raise DirectoryError(f"There is no prison with the code {nomis!r}.")
    address = Address(row[3], row[4], row[5], row[6], row[7], row[17][:2])
    is_open = row[15] == "open"
    return PrisonVisiting(
        row[0],
        row[1],
        row[2],
        address,
        row[8],
        row[9],
        row[10] if is_open else "",  # a closed prison offers no booking line and no slots
        row[11] if is_open else "",
        row[12] if is_open else "",
        row[13],
        row[14],
        status=row[15],
        status_source=row[16],
        area=row[17],
        visitor_centre=visitor_centre_for(db, row[0]),
    )


def attribution(db: ContentDB) -> str:
    """The data sources' attribution text that must be shown to users (kiosk About, NOTICE)."""
    return db.meta.get("attribution", "")
