"""In-memory records between the data files (or an import) and the database writer."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from directory.guides.records import GuideData
from directory.text.hours import Opening
from directory.text.phones import PhoneEntry

NAMESPACE = uuid.UUID("6f1d2c4e-1b9a-5d7e-9c3f-5a1b2c3d4e5f")
_NAMESPACE_BYTES = NAMESPACE.bytes


def stable_uuid(kind: str, key: str) -> str:
    """A UUID that stays the same for the same record across rebuilds and re-imports.

    It is exactly uuid.uuid5(NAMESPACE, f"{kind}:{key}"), computed directly: a build makes
    several per service, and the uuid module's objects cost a third of a 100k-service build.
    """
    digest = bytearray(
        hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:{key}".encode(), usedforsecurity=False).digest()[
            :16
        ]
    )
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class OrganizationRecord:
    """An organisation."""

    ref: str
    name: str
    description: str
    email: str = ""
    website: str = ""
    source: str = ""
    uuid: str = ""

    def __post_init__(self) -> None:
        self.uuid = self.uuid or stable_uuid("organization", self.ref)


@dataclass
class LocationRecord:
    """Where a service is: an address and coordinates (or a prison's NOMIS code)."""

    address_1: str = ""
    address_2: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = "GB"
    latitude: float | None = None
    longitude: float | None = None
    name: str = ""
    nomis: str = ""
    location_type: str = "physical"


@dataclass
class ServiceRecord:
    """A service, with everything the directory stores about it."""

    ref: str
    organization_ref: str
    name: str
    description: str = ""
    categories: list[str] = field(default_factory=list)
    scope: str = "local"
    phones: list[PhoneEntry] = field(default_factory=list)
    email: str = ""
    url: str = ""
    hours_text: str = ""
    openings: list[Opening] = field(default_factory=list)
    hours_note: str = ""
    location: LocationRecord | None = None
    area: str = ""
    service_area: list[str] = field(default_factory=list)  # coverage codes; empty = local
    languages: list[str] = field(default_factory=list)
    eligibility: str = ""
    fees: str = ""
    application: str = ""
    status: str = "active"
    assured_date: str = ""
    assured_by: str = ""
    source: str = ""
    source_url: str = ""
    notes: str = ""
    uuid: str = ""
    last_modified: str = ""

    def __post_init__(self) -> None:
        self.uuid = self.uuid or stable_uuid("service", self.ref)


@dataclass
class CategoryRecord:
    """A category with labels and keywords per language."""

    key: str
    position: int
    icon: str
    open_eligibility: str
    airs: str
    labels: dict[str, str]
    short: dict[str, str]
    keywords: dict[str, list[str]]


def category_records(
    categories: Iterable[tuple[str, int, str, str, str]],
    labels: Iterable[tuple[str, str, str, str]],
    keywords: Iterable[tuple[str, str, str]],
) -> list[CategoryRecord]:
    """Category records from category, label and keyword rows, in the content tables' columns."""
    label: dict[str, dict[str, str]] = defaultdict(dict)
    short: dict[str, dict[str, str]] = defaultdict(dict)
    for key, lang, text, short_text in labels:
        label[key][lang] = text
        short[key][lang] = short_text
    words: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key, lang, word in keywords:
        words[key].setdefault(lang, []).append(word)
    return [
        CategoryRecord(key, position, icon, oe, airs, label[key], short[key], words[key])
        for key, position, icon, oe, airs in categories
    ]


@dataclass
class PrisonRecord:
    """A prison and its visiting details."""

    nomis: str
    name: str
    name_cy: str
    display_name: str
    aliases: list[str]
    types: str
    location: LocationRecord
    latlon_source: str
    visits_phone: str
    visits_email: str
    visit_slots: str
    openings: list[Opening]
    booking_enabled: bool
    source: str
    area: str = "GB-ENG"  # country or UK nation code (text/areas.py)
    status: str = "open"
    status_source: str = ""

    @property
    def is_open(self) -> bool:
        """False for a closed or temporarily closed prison: no slots, no booking."""
        return self.status == "open"


@dataclass
class VisitorCentreRecord:
    """A prison's visitor centre: who runs it and how to reach it, with its source."""

    prison: str
    operator: str
    phone: str = ""
    email: str = ""
    hours: str = ""
    offers: str = ""
    source_url: str = ""
    checked_date: str = ""
    notes: str = ""


@dataclass
class PlaceRecord:
    """A gazetteer entry."""

    kind: str
    key: str
    name: str
    country: str
    latitude: float
    longitude: float
    region: str = ""
    population: int = 0


@dataclass
class TranslationRecord:
    """A translated field of a record."""

    table: str
    record_ref: str
    field: str
    language: str
    value: str


@dataclass
class MetadataRecord:
    """One HSDS metadata row: who changed which field of a record, when, from what to what."""

    resource_id: str
    resource_type: str
    last_action_date: str
    last_action_type: str
    field_name: str
    previous_value: str
    replacement_value: str
    updated_by: str
    id: str = ""

    def __post_init__(self) -> None:
        self.id = self.id or str(uuid.uuid4())


@dataclass
class Sources:
    """Everything a content database is built from."""

    categories: list[CategoryRecord] = field(default_factory=list)
    organizations: list[OrganizationRecord] = field(default_factory=list)
    services: list[ServiceRecord] = field(default_factory=list)
    translations: list[TranslationRecord] = field(default_factory=list)
    prisons: list[PrisonRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    fingerprint: str = ""
    attribution: str = ""  # the data licences' attribution text, shown on the About screen
    metadata: list[MetadataRecord] = field(default_factory=list)
    visitor_centres: list[VisitorCentreRecord] = field(default_factory=list)
    guides: GuideData = field(default_factory=GuideData)  # data/guides/ (issue 15)
