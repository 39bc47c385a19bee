"""Reading prisons.csv, and the "visiting this prison" entry each prison gets."""

from __future__ import annotations

from pathlib import Path

from directory.building.data_folder import Issues, number_in_range, read_rows
from directory.building.records import LocationRecord, PrisonRecord, ServiceRecord
from directory.lookup.places import normalise_postcode
from directory.text.hours import HoursError, parse_hours
from directory.text.phones import PhoneError, parse_phones

HMPPS = "hmpps"


PRISON_COLUMNS = (
    "nomis",
    "name",
    "name_cy",
    "display_name",
    "aliases",
    "types",
    "address_1",
    "address_2",
    "town",
    "county",
    "postcode",
    "country",
    "latitude",
    "longitude",
    "latlon_source",
    "visits_phone",
    "visits_email",
    "visit_slots",
    "booking_enabled",
    "source",
)


def load_prisons(path: Path, issues: Issues) -> list[PrisonRecord]:
    """Read prisons.csv."""
    out = []
    for n, row in read_rows(path, issues, PRISON_COLUMNS):
        lat = number_in_range(row["latitude"], issues, path.name, n, "latitude", 49, 61)
        lon = number_in_range(row["longitude"], issues, path.name, n, "longitude", -9, 3)
        if lat is None or lon is None:
            issues.add(path.name, n, "latitude", row["latitude"], "every prison needs coordinates")
            continue
        openings = []
        try:
            openings = parse_hours(row["visit_slots"])
        except HoursError as exc:
            issues.add(path.name, n, "visit_slots", row["visit_slots"], str(exc))
        phone = ""
        if row["visits_phone"]:
            try:
                phone = parse_phones(row["visits_phone"])[0].number
            except PhoneError as exc:
                issues.add(path.name, n, "visits_phone", row["visits_phone"], str(exc))
        location = LocationRecord(
            row["address_1"],
            row["address_2"],
            row["town"],
            row["county"],
            normalise_postcode(row["postcode"]) or row["postcode"],
            "GB",
            lat,
            lon,
            name=row["display_name"],
            nomis=row["nomis"],
        )
        out.append(
            PrisonRecord(
                nomis=row["nomis"],
                name=row["name"],
                name_cy=row["name_cy"],
                display_name=row["display_name"],
                aliases=[a.strip() for a in row["aliases"].split(";") if a.strip()],
                types=row["types"],
                location=location,
                latlon_source=row["latlon_source"],
                visits_phone=phone,
                visits_email=row["visits_email"],
                visit_slots=row["visit_slots"],
                openings=openings,
                booking_enabled=row["booking_enabled"].lower() == "true",
                source=row["source"],
            )
        )
    return out


def prison_visiting_service(prison: PrisonRecord) -> ServiceRecord:
    """The "visiting this prison" entry every prison gets, from MoJ seed data (unverified)."""
    phones = []
    if prison.visits_phone:
        phones = parse_phones(f"{prison.visits_phone} (visits booking)")
    note = ""
    if prison.visit_slots:
        note = "Weekly social visit slots from the MoJ booking system: check before you travel."
    return ServiceRecord(
        ref=f"prison-visits-{prison.nomis.lower()}",
        organization_ref=HMPPS,
        name=f"{prison.display_name}: visits",
        description=(
            f"Visiting {prison.display_name}: visit times, how to book a visit, "
            "and the prison's address."
        ),
        categories=["visiting"],
        scope="local",
        phones=phones,
        email=prison.visits_email,
        url="https://www.gov.uk/prison-visits",
        hours_text=prison.visit_slots,
        openings=prison.openings,
        hours_note=note,
        location=prison.location,
        area=prison.display_name,
        source=prison.source,
    )
