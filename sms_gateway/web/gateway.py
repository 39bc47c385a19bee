"""The running line: settings, signature checker, directory and state, per-request connections."""

from __future__ import annotations

import asyncio
import gc
import logging
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from directory.db.connections import open_state
from directory.db.source import ContentSource
from directory.errors import ContentUnavailable
from sms_gateway.admission import Admission
from sms_gateway.dialogue import Inbound, Line, Outcome
from sms_gateway.settings import GatewaySettings
from sms_gateway.templates import ERROR, UNAVAILABLE
from sms_gateway.web.signature import RejectionLog, SignatureChecker
from sms_gateway.web.state_pool import Checkpointer, StatePool

log = logging.getLogger(__name__)
T = TypeVar("T")


class Gateway:
    """Everything a request needs, built once from the settings."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self.checker = SignatureChecker(settings.auth_token(), settings.webhook_url)
        self.rejections = RejectionLog(logging.getLogger("sms_gateway.web.routes.sms"))
        self.line = Line(settings)
        self.content = ContentSource(settings.db)
        self.state = StatePool(settings.state_db)
        self._checkpointer = Checkpointer(settings.state_db)
        self._keeper: sqlite3.Connection | None = None
        # One thread does every text's work, off the event loop. One is enough: texts write
        # one at a time anyway (the line's write lock), and a thread per text would only add
        # hand-overs and contention for the GIL.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sms-line")

    def prepare(self) -> None:
        """Create or migrate the state database once, before the first request, and hold it.

        The held connection is never used for queries. While it is open, a request closing its
        own connection is not the last one, so SQLite does not checkpoint and delete the WAL on
        every close (docs/performance.md). The checkpointer
        thread starts here too: the pool's connections leave checkpoints to it.
        """
        if self._keeper is None:
            self._keeper = open_state(self.settings.state_db)
            self._checkpointer.start()
            try:
                self.line.warm(self.content.get())
            except ContentUnavailable:
                log.warning("the directory is not available yet; the line will say so")
            # The caches just filled live as long as the line: out of the collector's reach, a
            # full collection no longer walks them, which stalled every queued text
            # (docs/performance.md, "Garbage collection").
            gc.collect()
            gc.freeze()

    async def in_worker(self, work: Callable[..., T], *args: object) -> T:
        """Run blocking work (SQLite, parsing) in the line's worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, work, *args)

    def handle(self, msg: Inbound) -> Outcome:
        """Answer one text; never raises (an unexpected error gets a short generic reply).

        The text is claimed and counted first, then parsed (a misspelt place is guessed here)
        with no state transaction open, then answered in a second transaction. The route runs
        this in the line's worker thread, off the event loop.
        """
        now = time.time()
        try:
            db = self.content.get()
        except ContentUnavailable as exc:
            return self._unavailable(msg, now, exc)
        step: Admission | None = None
        try:
            # A connection of its own for this request (from the pool): never shared.
            with self.state.connection() as conn:
                admitted = self.line.admit(conn, msg, now)
                if isinstance(admitted, Outcome):
                    return admitted
                step = admitted
                command, understood = self.line.understand(db, msg, step)
                return self.line.finish(conn, db, msg, step, command, now, understood)
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
        self._worker.shutdown(wait=True)
        self.content.close()
        self._checkpointer.stop()
        self.state.close()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
