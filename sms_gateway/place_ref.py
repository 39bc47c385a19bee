"""A place as an SMS session keeps it: the gazetteer's name and coordinates, never the text."""

from __future__ import annotations

from dataclasses import dataclass

from directory.models import Place
from directory.state.sms_sessions import Session


@dataclass(frozen=True)
class PlaceRef:
    """A place as a session keeps it: the gazetteer's name and coordinates."""

    name: str
    latitude: float
    longitude: float
    country: str
    outcode: str | None
    prison: str | None = None  # NOMIS code when the place names a prison

    @classmethod
    def of(cls, place: Place) -> PlaceRef:
        """From a resolved place."""
        return cls(
            place.name, place.latitude, place.longitude, place.country, place.outcode,
            place.prison,
        )  # fmt: skip

    @classmethod
    def of_session(cls, s: Session) -> PlaceRef:
        """From a stored session."""
        assert s.latitude is not None and s.longitude is not None
        return cls(
            s.place_name or "", s.latitude, s.longitude, s.country or "GB", s.outcode, s.prison
        )

    @property
    def short_name(self) -> str:
        """The name as a reply shows it."""
        # "BN7 1EA (HMP & YOI Lewes)" -> the part a phone user recognises, kept short.
        return self.name if len(self.name) <= 24 else self.name.split(" (")[0]

    def as_place(self) -> Place:
        """A Place to search from."""
        return Place("", "coordinates", self.name, self.latitude, self.longitude, self.country,
                     self.outcode, self.prison)  # fmt: skip
