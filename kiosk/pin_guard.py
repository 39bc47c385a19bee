"""Wrong staff PINs: after five in a row, each further try waits longer (shown on screen).

Kept by the app, not the PIN screen, so that closing and reopening the keypad does not reset
the count; a right PIN does.
"""

from __future__ import annotations

from kiosk.clock import Clock

FREE_TRIES = 5
FIRST_DELAY = 30.0
MAX_DELAY = 15 * 60.0


class PinGuard:
    """Counts wrong PINs and says how long the keypad must wait before the next try."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.failures = 0
        self._until = 0.0

    def wait_left(self) -> float:
        """Seconds until the next try is allowed (0 when it is)."""
        return max(0.0, self._until - self.clock.now())

    def failed(self) -> float:
        """Note a wrong PIN; returns the wait before the next try (0 for the first five)."""
        self.failures += 1
        if self.failures < FREE_TRIES:
            return 0.0
        delay = min(MAX_DELAY, FIRST_DELAY * 2 ** (self.failures - FREE_TRIES))
        self._until = self.clock.now() + delay
        return delay

    def succeeded(self) -> None:
        """A right PIN: start counting afresh."""
        self.failures = 0
        self._until = 0.0
