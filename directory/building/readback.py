"""Reading a content database back into the records it was written from (for import and export).

`install_database(read_sources(db), path)` writes a directory with the same content: this is how
an import or `waypost verify` changes a few records and keeps everything else.
Prison visiting services (ref `prison-visits-*`) come back as ordinary services, exactly as they
were written, so a volunteer's edits to them survive; `waypost build` still generates them afresh
from prisons.csv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import starmap

from directory.building.records import (
    CategoryRecord,
    LocationRecord,
    MetadataRecord,
    OrganizationRecord,
    PlaceRecord,
    PrisonRecord,
    ServiceRecord,
    Sources,
    TranslationRecord,
    category_records,
)
from directory.building.visitor_centres import read_visitor_centres
from directory.db.connections import ContentDB
from directory.guides.store import read_guides
from directory.text.areas import AREA_URI
from directory.text.hours import ICAL, HoursError, Opening, parse_hours
from directory.text.phones import PhoneEntry

Progress = Callable[[str, int, int], None]
_DAY = {code: i for i, code in enumerate(ICAL)}


def _noop(step: str, done: int, total: int) -> None:
    return None


def _has_column(db: ContentDB, table: str, column: str) -> bool:
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


def read_categories(db: ContentDB) -> list[CategoryRecord]:
    """Categories with their labels and keywords in every language."""
    return category_records(
        db.execute(
            "SELECT key, position, icon, open_eligibility, airs FROM category ORDER BY position"
        ),
        db.execute(
            "SELECT category_key, language, label, short_label FROM category_label ORDER BY rowid"
        ),
        db.execute("SELECT category_key, language, keyword FROM keyword ORDER BY rowid"),
    )


def read_organizations(db: ContentDB) -> list[OrganizationRecord]:
    """Every organisation, with its source where the file records it."""
    source = "source" if _has_column(db, "organization", "source") else "''"
    return [
        OrganizationRecord(ref, name, description, email or "", website or "", src, uid)
        for uid, ref, name, description, email, website, src in db.execute(
            f"SELECT id, ref, name, description, email, website, {source} FROM organization"
            " ORDER BY rowid"
        )
    ]


def _locations(db: ContentDB) -> dict[str, LocationRecord]:
    out = {}
    names = dict(db.execute("SELECT id, name FROM service").fetchall())
    for sid, ltype, name, lat, lon, ext, a1, a2, city, region, postcode, country in db.execute(
        "SELECT sal.service_id, l.location_type, l.name, l.latitude, l.longitude,"
        " l.external_identifier, a.address_1, a.address_2, a.city, a.region, a.postal_code,"
        " a.country FROM service_at_location sal JOIN location l ON l.id = sal.location_id"
        " LEFT JOIN address a ON a.location_id = l.id ORDER BY sal.rowid"
    ):
        out[sid] = LocationRecord(
            address_1=a1 or "",
            address_2=a2 or "",
            city=city or "",
            region=region or "",
            postal_code=postcode or "",
            country=country or "GB",
            latitude=lat,
            longitude=lon,
            name="" if name == names.get(sid) else name or "",  # the writer's default
            nomis=ext or "",
            location_type=ltype,
        )
    return out


def _grouped(db: ContentDB, sql: str) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for row in db.execute(sql):
        out[row[0]].append(tuple(row[1:]))
    return out


def read_services(db: ContentDB, org_refs: dict[str, str]) -> list[ServiceRecord]:
    """Every service with its phones, hours, location, languages, area and categories."""
    phones = _grouped(
        db, "SELECT service_id, number, description FROM phone ORDER BY service_id, position"
    )
    schedules = _grouped(
        db,
        "SELECT service_id, byday, opens_at, closes_at FROM schedule ORDER BY service_id, position",
    )
    languages = _grouped(db, "SELECT service_id, code FROM language ORDER BY rowid")
    areas = _grouped(
        db, "SELECT service_id, name, COALESCE(uri, '') FROM service_area ORDER BY rowid"
    )
    cats = _grouped(
        db, "SELECT link_id, value FROM attribute WHERE link_entity = 'service' ORDER BY rowid"
    )
    locations = _locations(db)
    out = []
    for row in db.execute(
        "SELECT id, ref, organization_id, name, status, description, url, email,"
        " eligibility_description, application_process, fees_description, assured_date,"
        " last_modified, scope, hours_text, hours_note, assured_by, notes, source, source_url"
        " FROM service ORDER BY rowid"
    ):
        uid = row[0]
        openings = [
            Opening(
                tuple(_DAY[d] for d in str(byday).split(",") if d),
                str(opens) if opens else None,
                str(closes) if closes else None,
            )
            for byday, opens, closes in schedules.get(uid, [])
        ]
        out.append(
            ServiceRecord(
                ref=row[1],
                organization_ref=org_refs[row[2]],
                name=row[3],
                status=row[4],
                description=row[5] or "",
                url=row[6] or "",
                email=row[7] or "",
                eligibility=row[8] or "",
                application=row[9] or "",
                fees=row[10] or "",
                assured_date=row[11] or "",
                last_modified=row[12] or "",
                scope=row[13],
                hours_text=row[14] or "",
                hours_note=row[15] or "",
                assured_by=row[16] or "",
                notes=row[17] or "",
                source=row[18],
                source_url=row[19] or "",
                uuid=uid,
                phones=[PhoneEntry(str(n), str(d or "")) for n, d in phones.get(uid, [])],
                openings=openings,
                languages=[str(c) for (c,) in languages.get(uid, []) if c],
                area=next(
                    (str(n) for n, u in areas.get(uid, []) if not str(u).startswith(AREA_URI)),
                    "",
                ),
                service_area=[str(n) for n, u in areas.get(uid, []) if str(u).startswith(AREA_URI)],
                categories=[str(k) for (k,) in cats.get(uid, [])],
                location=locations.get(uid),
            )
        )
    return out


def read_prisons(db: ContentDB) -> list[PrisonRecord]:
    """Every prison with its visiting details."""
    extra = _has_column(db, "prison", "aliases")
    cols = "aliases, booking_enabled" if extra else "'', 0"
    cols += (
        ", country, status, status_source"
        if _has_column(db, "prison", "status")
        else (", 'GB-ENG', 'open', ''")
    )
    out = []
    for row in db.execute(
        "SELECT nomis, name, name_cy, display_name, types, address_1, address_2, town, county,"
        " postcode, latitude, longitude, latlon_source, visits_phone, visits_email, visit_slots,"
        f" source, {cols} FROM prison ORDER BY rowid"
    ):
        (nomis, name, name_cy, display, types, a1, a2, town, county, postcode, lat, lon) = row[:12]
        try:
            openings = parse_hours(row[15] or "")
        except HoursError:
            openings = []  # it was checked when the file was built; keep the text as it is
        out.append(
            PrisonRecord(
                nomis=nomis,
                name=name,
                name_cy=name_cy or "",
                display_name=display,
                aliases=[a.strip() for a in str(row[17]).split(";") if a.strip()],
                types=types,
                location=LocationRecord(
                    a1 or "",
                    a2 or "",
                    town or "",
                    county or "",
                    postcode or "",
                    str(row[19] or "GB-ENG")[:2],
                    lat,
                    lon,
                    name=display,
                    nomis=nomis,
                ),
                latlon_source=row[12],
                visits_phone=row[13] or "",
                visits_email=row[14] or "",
                visit_slots=row[15] or "",
                openings=openings,
                booking_enabled=bool(row[18]),
                source=row[16],
                area=str(row[19] or "GB-ENG"),
                status=str(row[20]),
                status_source=str(row[21]),
            )
        )
    return out


def read_places(db: ContentDB) -> list[PlaceRecord]:
    """The gazetteer (hundreds of thousands of rows: built without a Python loop)."""
    return list(
        starmap(
            PlaceRecord,
            db.execute(
                "SELECT kind, key, name, country, latitude, longitude, region, population"
                " FROM place ORDER BY id"
            ),
        )
    )


def read_translations(
    db: ContentDB, organizations: list[OrganizationRecord], services: list[ServiceRecord]
) -> list[TranslationRecord]:
    """Translated fields, keyed by the records' short refs again."""
    refs = {o.uuid: o.ref for o in organizations} | {s.uuid: s.ref for s in services}
    return [
        TranslationRecord(table, refs.get(record, record), fld, lang, value)
        for table, record, fld, lang, value in db.execute(
            "SELECT table_name, record_id, field, language, value FROM translation"
        )
    ]


def read_metadata(db: ContentDB) -> list[MetadataRecord]:
    """The change history (HSDS metadata rows), oldest first."""
    return [
        MetadataRecord(rid, rtype, when, action, fld, old, new, by, id=mid)
        for mid, rid, rtype, when, action, fld, old, new, by in db.execute(
            "SELECT id, resource_id, resource_type, last_action_date, last_action_type,"
            " field_name, previous_value, replacement_value, updated_by FROM metadata"
            " ORDER BY rowid"
        )
    ]


def read_sources(db: ContentDB, progress: Progress | None = None) -> Sources:
    """Everything the directory file holds, as the records `install_database` writes."""
    report = progress or _noop
    sources = Sources()
    sources.categories = read_categories(db)
    sources.organizations = read_organizations(db)
    report("reading", 1, 4)
    org_refs = {o.uuid: o.ref for o in sources.organizations}
    sources.services = read_services(db, org_refs)
    report("reading", 2, 4)
    sources.prisons = read_prisons(db)
    sources.places = read_places(db)
    report("reading", 3, 4)
    sources.translations = read_translations(db, sources.organizations, sources.services)
    sources.metadata = read_metadata(db)
    if _has_column(db, "prison", "status"):
        sources.visitor_centres = read_visitor_centres(db)
    sources.guides = read_guides(db)
    sources.fingerprint = db.meta.get("fingerprint", "")
    sources.attribution = db.meta.get("attribution", "")
    report("reading", 4, 4)
    return sources
