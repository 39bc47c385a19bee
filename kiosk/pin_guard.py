"""The staff PIN check with a growing wait after wrong tries, for every staff PIN screen.

Four digits are 10,000 guesses: without a wait, a patient visitor could find the PIN that
closes the kiosk (and, later, opens staff mode). After FREE_TRIES wrong PINs in a row each
further wrong PIN doubles the wait, up to MAX_WAIT; while waiting no PIN is checked at all.
The guard lives as long as the kiosk app, so leaving and reopening the PIN screen, or an idle
reset, does not clear it; a right PIN does.
"""

from __future__ import annotations

import math

from kiosk.clock import Clock
from kiosk.settings import check_pin

FREE_TRIES = 5
FIRST_WAIT = 30.0  # seconds after the fifth wrong PIN
MAX_WAIT = 3600.0


class PinGuard:
    """Checks staff PINs against the stored hash, refusing to check while a wait runs."""

    def __init__(self, clock: Clock, stored_hash: str) -> None:
        self.clock = clock
        self.stored_hash = stored_hash
        self.wrong = 0
        self.blocked_until = 0.0

    def wait_left(self) -> int:
        """Whole seconds before the next PIN will be checked (0: now)."""
        return max(0, math.ceil(self.blocked_until - self.clock.now()))

    def check(self, pin: str) -> bool:
        """True for the right PIN; a wrong one (or any PIN during a wait) is False."""
        if self.wait_left() > 0:
            return False
        if self.stored_hash and check_pin(pin, self.stored_hash):
            self.wrong = 0
            self.blocked_until = 0.0
            return True
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            wait = min(MAX_WAIT, FIRST_WAIT * 2 ** (self.wrong - FREE_TRIES))
            self.blocked_until = self.clock.now() + wait
        return False
