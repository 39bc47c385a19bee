"""Everything the kiosk asks of the directory core, safe to call from worker threads.

One read-only ContentDB is shared by the workers behind a lock (SQLite connections must not be
used by two threads at once); the state database gets a fresh connection per call.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from directory import (
    Category,
    ContentDB,
    Place,
    PrisonVisiting,
    SearchResults,
    ServiceDetail,
    ServiceResult,
    open_content,
    open_state,
    resolve_place,
    search_services,
)
from directory.errors import DirectoryError
from directory.lookup.categories import category_label, list_categories
from directory.lookup.centre import centre_place
from directory.lookup.places import suggest
from directory.lookup.services import attribution, get_service, helplines, prison_visiting
from directory.state.usage import event_counts, record_event
from directory.text.folding import fold
from kiosk.clock import Clock
from kiosk.settings import KioskSettings

if TYPE_CHECKING:
    from directory.guides import PrisonGuide, StageGuide

# The visit guides, the reading of typed words and the outbox are imported where they are first
# used (the app warms them up just after the first screen): the home screen needs none of them,
# and importing them made the kiosk start slower (docs/performance.md, "The kiosk").

log = logging.getLogger(__name__)

USAGE_DAYS = 30


class PrintingUnavailable(RuntimeError):
    """This installation has no printing support."""


@dataclass(frozen=True)
class HomeData:
    """What the home screen shows."""

    categories: list[Category]
    helplines: list[ServiceResult]
    visiting: PrisonVisiting | None


@dataclass(frozen=True)
class AboutData:
    """What the About screen shows about the directory file in use."""

    version: str
    built_at: str
    attribution: str


def printing_available() -> bool:
    """True when the wallet-card and printer modules are installed."""
    try:
        return all(
            importlib.util.find_spec(name) is not None
            for name in ("printouts.centre", "printouts.wallet_card", "printouts.printer")
        )
    except ModuleNotFoundError:
        return False


class Backend:
    """The kiosk's view of the directory and state databases."""

    def __init__(self, settings: KioskSettings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self._lock = threading.Lock()
        self._db: ContentDB | None = None
        self._centre: Place | None = None
        self._early_home: tuple[str, Future[HomeData]] | None = None

    def _content(self) -> ContentDB:
        # Opened lazily so that a missing file is a friendly message, not a failed start.
        if self._db is None:
            self._db = open_content(self.settings.db)
        else:
            self._db.refresh()
        return self._db

    @contextmanager
    def content(self) -> Iterator[ContentDB]:
        """The directory, held by this thread until the block ends (for the staff desk)."""
        with self._lock:
            yield self._content()

    def close(self) -> None:
        """Close the content database."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def centre_place(self) -> Place | None:
        """Where "near this centre" is: the configured location, else the prison."""
        with self._lock:
            return self._centre_place(self._content())

    def _centre_place(self, db: ContentDB) -> Place | None:
        if self._centre is None:
            self._centre = centre_place(
                db, location=self.settings.location, prison=self.settings.centre_prison
            )
        return self._centre

    def home(self, language: str) -> HomeData:
        """Categories (most used here first), helplines and the prison's visiting details."""
        with self._lock:
            db = self._content()
            categories = list_categories(db, language)
            lines = helplines(db, language, limit=3)
            visiting = None
            if self.settings.centre_prison:
                try:
                    visiting = prison_visiting(db, self.settings.centre_prison)
                except DirectoryError:
                    log.warning(
                        "centre prison %r is not in the directory", self.settings.centre_prison
                    )
        counts = self._usage_counts()
        if counts:
            categories = sorted(categories, key=lambda c: (-counts.get(c.key, 0), c.position))
        return HomeData(categories, lines, visiting)

    def prefetch_home(self, language: str) -> None:
        """Start reading the first home screen's data now, in a thread of its own.

        Read while Textual is still starting (parsing CSS, starting its driver), the data is
        ready when the home screen is composed, so its tiles are drawn with it.
        """
        future: Future[HomeData] = Future()

        def read() -> None:
            try:
                future.set_result(self.home(language))
            except BaseException as exc:  # handed to whoever collects the data
                future.set_exception(exc)

        self._early_home = (language, future)
        threading.Thread(target=read, name="home-prefetch", daemon=True).start()

    def early_home(self, language: str, *, timeout: float | None) -> HomeData | None:
        """The prefetched home data (once), if it was read in this language.

        With a timeout, None if it is not read by then or failed (the prefetch is left for a
        later call); without one, wait for it and raise its error.
        """
        if self._early_home is None or self._early_home[0] != language:
            return None
        future = self._early_home[1]
        if timeout is not None:
            try:
                future.result(timeout)
            except Exception:
                return None
        self._early_home = None
        return future.result()

    def about(self) -> AboutData:
        """The directory's version, build time and data attribution (its licences)."""
        with self._lock:
            db = self._content()
            return AboutData(db.version, db.built_at, attribution(db))

    def _usage_counts(self) -> dict[str, int]:
        try:
            conn = open_state(self.settings.state_db)
        except Exception:
            log.exception("cannot open the state database for usage counts")
            return {}
        try:
            since = self.clock.today() - timedelta(days=USAGE_DAYS)
            return event_counts(conn, "kiosk", "view", since)
        finally:
            conn.close()

    def search(
        self,
        language: str,
        *,
        category: str | None = None,
        near: str | None = None,
        text: str | None = None,
        limit: int = 30,
    ) -> SearchResults:
        """Services near the centre (or the named place), nearest first, national apart."""
        with self._lock:
            db = self._content()
            place: Place | str | None = near or None
            if text:
                # Search words read as the SMS line reads a text ("visits brixton").
                from directory.understanding import read_search

                asked = read_search(db, text, language=language, category=category, near=near)
                place, category, text = asked.place, asked.category, asked.text
            return search_services(
                db,
                near=place if place is not None else self._centre_place(db),
                category=category,
                text=text,
                language=language,
                limit=limit,
                national_limit=10,
            )

    def suggest_places(self, typed: str) -> list[str]:
        """Place names close to what has been typed so far."""
        if len(typed.strip()) < 2:
            return []
        with self._lock:
            return [s.text for s in suggest(self._content(), typed, limit=3)]

    def detail(self, service_id: str, language: str) -> ServiceDetail:
        """Everything about one service, in the language where translated."""
        with self._lock:
            return get_service(self._content(), service_id, language)

    def record(self, event: str, keyword: str = "", language: str = "") -> None:
        """Count an anonymous event; a failure here never troubles the family."""
        try:
            conn = open_state(self.settings.state_db)
            try:
                record_event(conn, "kiosk", event, keyword=keyword, language=language)
            finally:
                conn.close()
        except Exception:
            log.exception("could not record a usage count")

    def queue_text(self, number: str, body: str, language: str) -> int:
        """Queue a text (the core checks the number and the caps); the outbox sender sends it.

        Raises NumberRefused or TextLimitReached from the core.
        """
        key = self.settings.hash_key_bytes
        if key is None:
            raise RuntimeError("texting is not set up on this kiosk (no hash_key)")
        from directory.state.outbox import TextCaps, enqueue_text

        settings = self.settings
        caps = TextCaps(settings.texts_per_number_per_day, settings.texts_per_kiosk_per_hour)
        conn = open_state(settings.state_db)
        try:
            return enqueue_text(
                conn,
                number,
                body,
                hash_key=key,
                language=language,
                origin="kiosk",
                regions=settings.text_regions,
                caps=caps,
            )
        finally:
            conn.close()

    def check_place(self, typed: str) -> Place:
        """Resolve a typed place; raises PlaceNotFound with suggestions."""
        with self._lock:
            return resolve_place(self._content(), typed)

    def suggest_words(self, typed: str, language: str) -> list[tuple[str, str]]:
        """Categories (key, label) whose label or keywords start like the typed word."""
        word = fold(typed).strip()
        if len(word) < 2:
            return []
        with self._lock:
            db = self._content()
            categories = list_categories(db, language)
            from directory.understanding import suggest as suggest_topics

            # The SMS line's vocabulary: "petrol" offers travel, "lonely" emotional support
            understood = suggest_topics(db, typed, language)
        matched: list[str] = []
        for category in categories:
            label_words = fold(category.label).split() + fold(category.short_label).split()
            if any(w.startswith(word) for w in label_words):
                matched.append(category.key)
        matched += [key for key in understood if key not in matched]
        labels = {c.key: c.label for c in categories}
        return [(key, labels[key]) for key in matched[:3] if key in labels]

    def label(self, category: str, language: str) -> str:
        """A category's label in the language."""
        with self._lock:
            return category_label(self._content(), category, language)

    def prison_guide(self, language: str) -> PrisonGuide:
        """The visit guide of the centre's prison, all eight sections, in the language."""
        from directory.guides import prison_guide

        with self._lock:
            return prison_guide(self._content(), self.settings.centre_prison or "", language)

    def centre_nation(self) -> str:
        """The legal system the centre's prison is in (England and Wales when none is set)."""
        with self._lock:
            row = (
                self._content()
                .execute(
                    "SELECT country FROM prison WHERE nomis = ?",
                    (self.settings.centre_prison or "",),
                )
                .fetchone()
            )
        from directory.guides import nation_of

        return nation_of(row[0] if row else None) or "england_wales"

    def stage_guide(self, stage: str, nation: str, language: str) -> StageGuide:
        """What happens at a stage, for a nation, in the language."""
        from directory.guides import stage_guide

        with self._lock:
            return stage_guide(self._content(), stage, nation, language)

    def guide_label(self, key: str, language: str) -> str:
        """A guide title or phrase (section, stage or nation name) in the language."""
        from directory.guides import Labels

        with self._lock:
            return Labels(self._content(), language)(key)

    def said_wrong(self, kind: str, subject: str, section: str) -> None:
        """Count one "This was wrong" tap (nothing about who); a failure never troubles anyone."""
        from directory.guides import record_wrong

        try:
            conn = open_state(self.settings.state_db)
            try:
                record_wrong(conn, kind, subject, section, "kiosk")
            finally:
                conn.close()
        except Exception:
            log.exception("could not count a wrong guide section")

    def travel_help(self, language: str) -> list[ServiceResult]:
        """Help with the cost of getting to visits (the travel category), near the centre first."""
        found = self.search(language, category="travel", limit=2)
        return [*found.national, *found.local][:2]

    def print_card(self, detail: ServiceDetail, language: str) -> str:
        """Build the wallet card and send it to the centre's printer; returns the job id.

        The card's categories and SMS keyword come from the directory in the card's language
        (printouts' service_card), not just the details on screen.
        """
        from printouts.centre import service_card
        from printouts.printer import PrintError, print_pdf
        from printouts.wallet_card import CARD_MEDIA, card_pdf

        with self._lock:
            card = service_card(
                self._content(),
                detail.service_id,
                language=language,
                centre_name=self.settings.centre_name,
                sms_number=self.settings.sms_number,
            )
        pdf = card_pdf(card, language)
        try:
            return print_pdf(
                pdf, printer=self.settings.printer, media=CARD_MEDIA, title=detail.name
            )
        except PrintError as exc:
            log.warning("printing failed: %s", exc.detail or exc)
            raise PrintingUnavailable(str(exc)) from None
