"""The running line: settings, signature checker, directory and state, per-request connections."""

from __future__ import annotations

import functools
import logging
import sqlite3
import time

from starlette.concurrency import run_in_threadpool

from directory.db.connections import open_state
from directory.errors import ContentUnavailable
from sms_gateway.admission import Admission
from sms_gateway.content import ContentSource
from sms_gateway.dialogue import Inbound, Line, NeedsFuzzy, Outcome
from sms_gateway.settings import GatewaySettings
from sms_gateway.signature import RejectionLog, SignatureChecker
from sms_gateway.state_pool import Checkpointer, StatePool
from sms_gateway.templates import ERROR, UNAVAILABLE

log = logging.getLogger(__name__)


class Gateway:
    """Everything a request needs, built once from the settings."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.checker = SignatureChecker(settings.auth_token(), settings.webhook_url)
        self.rejections = RejectionLog(logging.getLogger("sms_gateway.routes.sms"))
        self.line = Line(settings)
        self.content = ContentSource(settings.db)
        self.state = StatePool(settings.state_db)
        self._checkpointer = Checkpointer(settings.state_db)
        self._keeper: sqlite3.Connection | None = None

    def prepare(self) -> None:
        """Create or migrate the state database once, before the first request, and hold it.

        The held connection is never used for queries. While it is open, a request closing its
        own connection is not the last one, so SQLite does not checkpoint and delete the WAL on
        every close (measured: 7 ms per text without it, on a busy disk). The checkpointer
        thread starts here too: the pool's connections leave checkpoints to it.
        """
        if self._keeper is None:
            self._keeper = open_state(self.settings.state_db)
            self._checkpointer.start()
            try:
                self.line.warm(self.content.get())
            except ContentUnavailable:
                log.warning("the directory is not available yet; the line will say so")

    def handle(self, msg: Inbound) -> Outcome:
        """Answer one text entirely in this thread; never raises."""
        now = time.time()
        try:
            db = self.content.get()
        except ContentUnavailable as exc:
            return self._unavailable(msg, now, exc)
        step: Admission | None = None
        try:
            with self.state.connection() as conn:
                admitted = self.line.admit(conn, msg, now)
                if isinstance(admitted, Outcome):
                    return admitted
                step = admitted
                command = self.line.understand(db, msg, step, fuzzy_here=True)
                return self.line.finish(conn, db, msg, step, command, now)
        except Exception:
            log.exception("unexpected error while answering a text")
        return self._failed(msg, now, step)

    async def handle_async(self, msg: Inbound) -> Outcome:
        """Answer one text on the event loop; a misspelt place is guessed in a worker thread
        (tens of ms), never on the loop and never while a state transaction is open."""
        now = time.time()
        try:
            db = self.content.get()
        except ContentUnavailable as exc:
            return self._unavailable(msg, now, exc)
        step: Admission | None = None
        try:
            with self.state.connection() as conn:
                admitted = self.line.admit(conn, msg, now)
            if isinstance(admitted, Outcome):
                return admitted
            step = admitted
            try:
                command = self.line.understand(db, msg, step, fuzzy_here=False)
            except NeedsFuzzy:
                command = await run_in_threadpool(
                    functools.partial(self.line.understand, db, msg, step, fuzzy_here=True)
                )
            with self.state.connection() as conn:
                return self.line.finish(conn, db, msg, step, command, now)
        except Exception:
            log.exception("unexpected error while answering a text")
        return self._failed(msg, now, step)

    def _unavailable(self, msg: Inbound, now: float, exc: ContentUnavailable) -> Outcome:
        log.error("the directory is not available: %s", exc)
        try:
            with self.state.connection() as conn:
                return self.line.unavailable(conn, msg, now)
        except Exception:
            log.exception("could not record a reply while the directory is unavailable")
        return self.line.plain(msg, UNAVAILABLE)

    def _failed(self, msg: Inbound, now: float, step: Admission | None) -> Outcome:
        try:
            with self.state.connection() as conn:
                return self.line.failed(conn, msg, now, step)
        except Exception:
            log.exception("could not record the error reply")
        return self.line.plain(msg, ERROR)

    def close(self) -> None:
        """Release the directory and the state database."""
        self.content.close()
        self._checkpointer.stop()
        self.state.close()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
