"""The staff PIN check with a growing wait after wrong tries, for every staff PIN screen.

Four digits are 10,000 guesses: without a wait, a patient visitor could find the PIN that
closes the kiosk (and, later, opens staff mode). After FREE_TRIES wrong PINs in a row each
further wrong PIN doubles the wait, up to MAX_WAIT; while waiting no PIN is checked at all.
Leaving and reopening the PIN screen, an idle reset or a restart (pulling the plug) does not
clear it: the count and the time of the last wrong PIN are kept in the state database
(directory/state/pin_tries.py), in Unix seconds, since monotonic seconds start again at boot.
Only the right PIN clears it.
"""

from __future__ import annotations

import logging
import math
import sqlite3
from pathlib import Path

from directory.db.connections import open_state
from directory.state.pin_tries import PinTries, add_wrong_pin, clear_pin_tries, pin_tries
from kiosk.clock import Clock
from kiosk.settings import check_pin

log = logging.getLogger(__name__)

FREE_TRIES = 5
FIRST_WAIT = 30.0  # seconds after the fifth wrong PIN
MAX_WAIT = 3600.0


def wait_after(wrong: int) -> float:
    """Seconds no PIN is checked after `wrong` wrong PINs in a row."""
    if wrong < FREE_TRIES:
        return 0.0
    return min(MAX_WAIT, FIRST_WAIT * 2 ** min(wrong - FREE_TRIES, 16))


class PinGuard:
    """Checks staff PINs against the stored hash, refusing to check while a wait runs."""

    def __init__(self, clock: Clock, stored_hash: str, state_db: Path) -> None:
        self.clock = clock
        self.stored_hash = stored_hash
        self.state_db = state_db
        # What this process last knew, used only while the state database cannot be reached
        # (a full disk must not turn the wait off).
        self._known = PinTries()

    @property
    def wrong(self) -> int:
        """Wrong PINs in a row since the last right one."""
        return self._tries().wrong

    def wait_left(self) -> int:
        """Whole seconds before the next PIN will be checked (0: now)."""
        tries = self._tries()
        wait = wait_after(tries.wrong)
        # Never longer than the wait itself, should the wall clock have been set back.
        left = min(wait, tries.last_wrong + wait - self.clock.wall())
        return max(0, math.ceil(left))

    def check(self, pin: str) -> bool:
        """True for the right PIN; a wrong one (or any PIN during a wait) is False."""
        if self.wait_left() > 0:
            return False
        if self.stored_hash and check_pin(pin, self.stored_hash):
            self._write(right=True)
            return True
        self._write(right=False)
        return False

    def _tries(self) -> PinTries:
        try:
            conn = open_state(self.state_db)
            try:
                self._known = pin_tries(conn)
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            log.exception("cannot read the wrong PIN count; using this process's own")
        return self._known

    def _write(self, *, right: bool) -> None:
        now = self.clock.wall()
        self._known = PinTries() if right else PinTries(self._known.wrong + 1, now)
        try:
            conn = open_state(self.state_db)
            try:
                if right:
                    clear_pin_tries(conn)
                else:
                    self._known = add_wrong_pin(conn, now)
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            log.exception("cannot keep the wrong PIN count; this process keeps it until restart")
