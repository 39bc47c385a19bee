"""Coverage areas: which codes a service serves, where a place is, and whether one covers the other.

A national or regional service lists the areas it serves as ISO 3166 codes: a country (GB, ES,
IE...), a UK nation (GB-ENG, GB-WLS, GB-SCT, GB-NIR) or EU (the European Union as a whole). A
local service has no codes: it serves the places around its location. In the database the codes
are HSDS `service_area` rows whose `uri` starts with AREA_URI (a persistent identifier for the
code), beside the row that holds the area in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

AREA_URI = "https://www.iso.org/obp/ui/#iso:code:3166:"
UK_NATIONS = ("GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR")
# The five UpFamilies countries and the codes volunteers use most; any other ISO 3166-1
# country code is accepted too (checked against phonenumbers' list of regions).
NAMED_AREAS = ("GB", *UK_NATIONS, "ES", "PT", "DE", "GR", "RO", "EU")
# EU member states by ISO 3166-1 code (Greece is GR here, EL only in EU documents).
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
_CODE = re.compile(r"^(?:[A-Z]{2}|GB-(?:ENG|WLS|SCT|NIR))$")

# Council areas and counties of the UK gazetteer (data/places) by nation; any other GB region is
# in England, except the Crown Dependencies, which are in no UK nation.
_SCOTLAND = {
    "aberdeen city", "aberdeenshire", "angus", "argyll and bute", "city of edinburgh",
    "clackmannanshire", "dumfries and galloway", "dunbartonshire", "dundee city",
    "east ayrshire", "east dunbartonshire", "east lothian", "east renfrewshire", "falkirk",
    "fife", "glasgow city", "highland", "inverclyde", "inverness", "isle of barra", "midlothian",
    "moray", "na h-eileanan an iar", "north ayrshire", "north lanarkshire", "orkney",
    "orkney islands", "perth and kinross", "renfrewshire", "scotland", "scottish borders",
    "shetland islands", "south ayrshire", "south lanarkshire", "stirling", "west dunbart",
    "west dunbartonshire", "west lothian", "western isles",
}  # fmt: skip
_WALES = {
    "blaenau gwent", "bridgend", "caerphilly", "cardiff", "carmarthenshire", "ceredigion",
    "conwy", "denbighshire", "flintshire", "gwynedd", "isle of anglesey", "merthyr tydfil",
    "monmouthshire", "neath port talbot", "newport", "pembrokeshire", "powys",
    "rhondda cynon taf", "rhondda cynon taff", "swansea", "torfaen", "vale of glamorgan",
    "wales", "wrexham",
}  # fmt: skip
_NORTHERN_IRELAND = {
    "belfast", "belfast greater", "county antrim", "county armagh", "county down",
    "county fermanagh", "county londonderry", "county tyrone", "northern ireland",
}  # fmt: skip
_CROWN_DEPENDENCIES = {"guernsey", "jersey", "isle of man"}


class AreaError(ValueError):
    """A coverage code is not one Waypost knows; the message says why."""


def _known_country(code: str) -> bool:
    # Imported here: phonenumbers is slow to import and only the build checks codes.
    import phonenumbers

    return code in phonenumbers.SUPPORTED_REGIONS


def parse_areas(text: str) -> list[str]:
    """ "GB-ENG; gb-wls" -> ["GB-ENG", "GB-WLS"]; raise AreaError naming a code that is wrong."""
    codes: list[str] = []
    for raw in (part.strip() for part in text.split(";")):
        if not raw:
            continue
        code = raw.upper()
        if not _CODE.match(code) or (code not in NAMED_AREAS and not _known_country(code)):
            raise AreaError(
                f"{raw!r} is not an area code: use GB, GB-ENG, GB-WLS, GB-SCT, GB-NIR, EU or "
                "a two-letter country code such as ES"
            )
        if code not in codes:
            codes.append(code)
    return codes


def nation_of(country: str, region: str) -> str:
    """The most precise area code of a place: its UK nation, else its country code."""
    country = (country or "GB").upper()
    if country != "GB":
        return country
    key = region.strip().lower()
    if key in _SCOTLAND:
        return "GB-SCT"
    if key in _WALES:
        return "GB-WLS"
    if key in _NORTHERN_IRELAND:
        return "GB-NIR"
    if key in _CROWN_DEPENDENCIES or not key:
        return "GB"
    return "GB-ENG"


def covering_codes(area: str) -> list[str]:
    """Every code whose services serve a place in `area` ("GB-SCT" -> GB-SCT and GB)."""
    area = area.upper()
    codes = [area]
    country = area.split("-")[0]
    if country != area:
        codes.append(country)
    if country in EU_MEMBERS:
        codes.append("EU")
    return codes


def covers(codes: Iterable[str], area: str) -> bool:
    """True when a service with these codes serves a place in `area`."""
    wanted = set(covering_codes(area))
    return any(code in wanted for code in codes)
