"""The kiosk's clock, injectable so that tests can jump time instead of sleeping."""

from __future__ import annotations

import time
from datetime import date
from typing import Protocol


class Clock(Protocol):
    """Something that tells monotonic seconds and today's date."""

    def now(self) -> float:
        """Monotonic seconds."""
        ...

    def today(self) -> date:
        """Today's date."""
        ...

    def wall(self) -> float:
        """Unix seconds: for times kept across a restart, which monotonic seconds are not."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        """Monotonic seconds."""
        return time.monotonic()

    def today(self) -> date:
        """Today's date."""
        return date.today()

    def wall(self) -> float:
        """Unix seconds."""
        return time.time()


class ManualClock:
    """A clock that moves only when told to (tests and snapshots)."""

    def __init__(self, start: float = 1000.0, day: date | None = None) -> None:
        self.seconds = start
        self.day = day or date(2025, 6, 1)

    def now(self) -> float:
        """The current fake time."""
        return self.seconds

    def today(self) -> date:
        """The fake date."""
        return self.day

    def wall(self) -> float:
        """The fake time as Unix seconds (it moves with `advance`, like `now`)."""
        return self.seconds

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self.seconds += seconds
