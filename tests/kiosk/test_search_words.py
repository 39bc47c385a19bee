"""The kiosk's "Search words" read through the same interpreter as the SMS line (issue 13)."""

from __future__ import annotations

from kiosk.backend import Backend
from kiosk.clock import ManualClock
from kiosk.settings import KioskSettings


def test_visits_brixton_finds_brixtons_visiting_first(
    settings: KioskSettings, clock: ManualClock
) -> None:
    found = Backend(settings, clock).search("en", text="visits brixton")
    assert found.place is not None and found.place.prison == "BXI"
    assert found.categories == ["visiting"]
    assert found.local and "Brixton" in found.local[0].name


def test_dinero_leeds_is_money_near_leeds(settings: KioskSettings, clock: ManualClock) -> None:
    found = Backend(settings, clock).search("es", text="dinero Leeds")
    assert found.place is not None and found.place.name == "Leeds"
    assert found.categories == ["money"]


def test_plain_search_words_still_search_text(settings: KioskSettings, clock: ManualClock) -> None:
    found = Backend(settings, clock).search("en", text="samaritans")
    assert any("Samaritans" in r.name for r in [*found.local, *found.national])


def test_suggestions_come_from_the_same_vocabulary(
    settings: KioskSettings, clock: ManualClock
) -> None:
    backend = Backend(settings, clock)
    assert backend.suggest_words("petrol", "en")[0][0] == "travel"
    assert "emotional" in [key for key, _label in backend.suggest_words("lonely", "en")]
