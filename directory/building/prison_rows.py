"""Reading prisons.csv, and the "visiting this prison" entry each prison gets."""

from __future__ import annotations

from pathlib import Path

from directory.building.data_folder import Issues, number_in_range, read_rows
from directory.building.records import LocationRecord, PrisonRecord, ServiceRecord
from directory.lookup.places import normalise_postcode
from directory.text.areas import AreaError, parse_areas
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
    "status",
    "status_source",
)
PRISON_STATUSES = ("open", "closed", "temporarily closed")


def load_prisons(path: Path, issues: Issues) -> list[PrisonRecord]:
    """Read prisons.csv."""
    out = []
    for n, row in read_rows(path, issues, PRISON_COLUMNS):
        area = _prison_area(path.name, n, row, issues)
        uk = area.startswith("GB")
        lat = number_in_range(
            row["latitude"], issues, path.name, n, "latitude", *((49, 61) if uk else (-90, 90))
        )
        lon = number_in_range(
            row["longitude"], issues, path.name, n, "longitude", *((-9, 3) if uk else (-180, 180))
        )
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
                phone = parse_phones(row["visits_phone"], area[:2])[0].number
            except PhoneError as exc:
                issues.add(path.name, n, "visits_phone", row["visits_phone"], str(exc))
        location = LocationRecord(
            row["address_1"],
            row["address_2"],
            row["town"],
            row["county"],
            (normalise_postcode(row["postcode"]) if uk else None) or row["postcode"],
            area[:2],
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
                area=area,
                status=row["status"] or "open",
                status_source=row["status_source"],
            )
        )
    return out


def _prison_area(file: str, n: int, row: dict[str, str], issues: Issues) -> str:
    """The prison's `country` cell: a country or UK nation code (GB-SCT); checks `status` too."""
    status = row["status"] or "open"
    if status not in PRISON_STATUSES:
        issues.add(file, n, "status", status, "must be one of " + ", ".join(PRISON_STATUSES))
    elif status != "open" and not row["status_source"]:
        issues.add(file, n, "status_source", "", "a closed prison needs the page that says so")
    try:
        codes = parse_areas(row["country"] or "GB-ENG")
    except AreaError as exc:
        issues.add(file, n, "country", row["country"], str(exc))
        return "GB-ENG"
    if len(codes) != 1 or codes[0] in ("GB", "EU"):
        issues.add(
            file,
            n,
            "country",
            row["country"],
            "must be one UK nation (GB-ENG, GB-WLS, GB-SCT, GB-NIR) or one country code",
        )
        return "GB-ENG"
    return codes[0]


# Who runs the prisons of each nation or country: the owner of a prison's visiting entry, and
# the page that explains visiting there. Countries missing here have no visiting entries yet.
PRISON_OPERATORS: dict[str, tuple[str, str]] = {
    "GB-ENG": (HMPPS, "https://www.gov.uk/prison-visits"),
    "GB-WLS": (HMPPS, "https://www.gov.uk/prison-visits"),
    "GB-SCT": ("sps", "https://www.sps.gov.uk/"),
    "GB-NIR": ("nips", "http://www.nidirect.gov.uk/visiting-someone-in-prison"),
    "ES": ("es-sgip", ""),
    "PT": ("dgrsp", "https://dgrsp.justica.gov.pt/"),
    # Prisons in Germany are run by each Land; only Berlin's are listed so far.
    "DE": ("berlin-justizvollzug", "https://www.berlin.de/justizvollzug/"),
    "GR": ("gr-ministry-citizen-protection", ""),
    "RO": ("anp-romania", "https://anp.gov.ro/"),
}


def prison_visiting_service(prison: PrisonRecord) -> ServiceRecord:
    """The "visiting this prison" entry every prison gets (unverified until someone phones).

    A closed prison keeps its entry, so that its name is still recognised, but loses its
    booking line and slots and leaves the results (its status is not active).
    """
    phones = []
    if prison.visits_phone and prison.is_open:
        phones = parse_phones(f"{prison.visits_phone} (visits booking)", prison.area[:2])
    note = ""
    if prison.visit_slots and prison.is_open:
        note = "Weekly social visit slots from the MoJ booking system: check before you travel."
    operator, url = PRISON_OPERATORS.get(prison.area, (HMPPS, ""))
    status = "active"
    if not prison.is_open:
        status = "temporarily closed" if prison.status == "temporarily closed" else "inactive"
    return ServiceRecord(
        ref=f"prison-visits-{prison.nomis.lower()}",
        organization_ref=operator,
        name=f"{prison.display_name}: visits",
        description=(
            f"Visiting {prison.display_name}: visit times, how to book a visit, "
            "and the prison's address."
        ),
        categories=["visiting"],
        scope="local",
        phones=phones,
        email=prison.visits_email if prison.is_open else "",
        url=url,
        hours_text=prison.visit_slots if prison.is_open else "",
        openings=prison.openings if prison.is_open else [],
        hours_note=note,
        location=prison.location,
        area=prison.display_name,
        status=status,
        source=prison.source,
    )
