"""The dataclasses the core returns to the front ends."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PlaceKind = Literal["postcode", "outcode", "town", "prison", "eu_postcode", "coordinates"]


@dataclass(frozen=True)
class Place:
    """A resolved place: where to search from, and how it was understood."""

    text: str
    kind: PlaceKind
    name: str
    latitude: float
    longitude: float
    country: str = "GB"
    outcode: str | None = None  # UK outward code, for anonymous statistics
    prison: str | None = None  # NOMIS code when the text names a prison
    fuzzy: bool = False  # True when matched from a misspelling ("did you mean")
    area: str = ""  # the most precise coverage code: a UK nation (GB-SCT) or a country (ES)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Phone:
    """A phone number and what it is for."""

    number: str
    description: str = ""


@dataclass(frozen=True)
class ServiceResult:
    """One search hit, enough for a results row, an SMS line or a card."""

    service_id: str
    name: str
    organization: str
    distance_km: float | None
    phones: list[Phone]
    categories: list[str]
    schedule_text: str
    assured_date: str | None
    description: str = ""
    scope: str = "local"
    town: str = ""
    url: str = ""
    areas: list[str] = field(default_factory=list)  # coverage codes of a national service

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        if self.distance_km is not None:
            data["distance_km"] = round(self.distance_km, 2)
        return data


@dataclass(frozen=True)
class SearchResults:
    """Local results ranked by distance, and national ones apart."""

    place: Place | None
    local: list[ServiceResult]
    national: list[ServiceResult]
    radius_km: float | None = None
    categories: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `waypost search --json` shape."""
        return {
            "place": self.place.to_dict() if self.place else None,
            "local": [r.to_dict() for r in self.local],
            "national": [r.to_dict() for r in self.national],
        }


@dataclass(frozen=True)
class Address:
    """A postal address."""

    address_1: str
    address_2: str
    city: str
    region: str
    postal_code: str
    country: str

    def lines(self) -> list[str]:
        """The address as display lines."""
        return [p for p in (self.address_1, self.address_2, self.city, self.postal_code) if p]


@dataclass(frozen=True)
class ServiceDetail:
    """Everything a family needs about one service."""

    service_id: str
    uuid: str
    name: str
    organization: str
    description: str
    categories: list[str]
    scope: str
    phones: list[Phone]
    email: str
    url: str
    hours: str
    hours_note: str
    address: Address | None
    latitude: float | None
    longitude: float | None
    area: str
    languages: list[str]
    eligibility: str
    fees: str
    application: str
    status: str
    assured_date: str | None
    assured_by: str
    source: str
    source_url: str

    @property
    def verified(self) -> bool:
        """True when a person has checked it (it has an assured date)."""
        return bool(self.assured_date)


@dataclass(frozen=True)
class Category:
    """A category with its label in the requested language."""

    key: str
    label: str
    short_label: str
    icon: str
    position: int


@dataclass(frozen=True)
class PrisonVisiting:
    """A prison's visiting details (MoJ seed data, to be checked)."""

    nomis: str
    display_name: str
    name: str
    address: Address
    latitude: float
    longitude: float
    visits_phone: str
    visits_email: str
    visit_slots: str
    service_id: str | None
    source: str
    status: str = "open"  # open, closed or temporarily closed
    status_source: str = ""
    area: str = "GB-ENG"  # the UK nation or country the prison is in
    visitor_centre: VisitorCentre | None = None  # where families go first, when known

    @property
    def is_open(self) -> bool:
        """False when the prison is closed, even for now: offer no slots and no booking."""
        return self.status == "open"


@dataclass(frozen=True)
class VisitorCentre:
    """A prison's visitor centre, where families go first (copied from its source, unverified)."""

    prison: str
    operator: str
    phone: str
    email: str
    hours: str  # in words, as the source prints them
    offers: str
    source_url: str
    checked_date: str | None  # None until a person has checked it

    @property
    def verified(self) -> bool:
        """True when a person has checked it."""
        return bool(self.checked_date)
