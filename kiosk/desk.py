"""What the volunteers' desk (staff mode) asks of the core, the printouts and CUPS.

Called from worker threads: the directory is shared through the backend's lock, the state
database gets a connection per call. Every action a volunteer takes is written to the audit
log here, so no screen can forget to. The core's writers and the printouts are imported on
first use: families' mode never needs them, and the kiosk starts without them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from directory import open_state
from directory.state.audit import prune_audit, record_action
from kiosk.backend import Backend
from kiosk.clock import Clock
from kiosk.settings import KioskSettings

if TYPE_CHECKING:
    from directory.reports.staleness import StaleOrganization

Progress = Callable[[str, int, int], None]


class DeskPrintError(RuntimeError):
    """A print job failed; `reason` is a code the screen puts into plain words."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class CallList:
    """The stale entries still to check here, and how many checks wait for the keepers."""

    groups: list[StaleOrganization]
    waiting: int
    syncing: bool
    # Guide sections families said were wrong ("prison:LWI:booking", count), most first.
    wrong: list[tuple[str, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Entries to check."""
        return sum(len(g.services) for g in self.groups)


class Desk:
    """Staff mode's jobs: printing, the call list, and the audit log."""

    def __init__(self, settings: KioskSettings, backend: Backend, clock: Clock) -> None:
        self.settings = settings
        self.backend = backend
        self.clock = clock

    @contextmanager
    def _state(self) -> Iterator[sqlite3.Connection]:
        conn = open_state(self.settings.state_db)
        try:
            yield conn
        finally:
            conn.close()

    # The audit log ------------------------------------------------------------------------

    def audit(self, action: str, detail: str = "", volunteer: str = "") -> None:
        """Write one staff action to the audit log (never anything a family typed)."""
        with self._state() as conn:
            record_action(conn, action, detail=detail, volunteer=volunteer)

    def start_visit(self) -> None:
        """A volunteer came in: note it, and drop audit entries past their retention."""
        with self._state() as conn:
            prune_audit(conn, self.settings.staff_audit_days)
            record_action(conn, "enter")

    # Printing -----------------------------------------------------------------------------

    def _send(self, pdf: bytes, title: str, media: str = "A4") -> str:
        from printouts.printer import PrintError, plain_reason, print_pdf, printer_state

        try:
            return print_pdf(pdf, printer=self.settings.printer, media=media, title=title)
        except PrintError as exc:
            state = printer_state(self.settings.printer)
            raise DeskPrintError(plain_reason(exc, state), exc.detail) from None

    def printer(self) -> tuple[str, str, str]:
        """(queue, state, CUPS's words) for the centre's printer."""
        from printouts.printer import printer_state

        found = printer_state(self.settings.printer)
        return found.queue, found.state, found.detail

    def print_centre_sheets(self, languages: list[str], sheets: int, volunteer: str) -> str:
        """Sheets of the centre's cards: for each copy, one sheet per chosen language."""
        from directory.lookup.centre import centre_service_ids
        from printouts.centre import centre_card, service_card
        from printouts.sheet import sheet_pdf

        nomis = self.settings.centre_prison
        if not nomis:
            raise DeskPrintError("no-centre", "centre_prison is not set")
        cards = []
        with self.backend.content() as db:
            for language in languages:
                one = [
                    centre_card(
                        db,
                        nomis,
                        language=language,
                        centre_name=self.settings.centre_name,
                        sms_number=self.settings.sms_number,
                    )
                ]
                one += [
                    service_card(
                        db,
                        sid,
                        language=language,
                        centre_name=self.settings.centre_name,
                        sms_number=self.settings.sms_number,
                    )
                    for sid in centre_service_ids(db, nomis, language)
                ]
                cards.append(one)
        ordered = [card for _ in range(sheets) for one in cards for card in one]
        pdf = sheet_pdf(ordered, language=languages[0], title="Waypost centre cards")
        job = self._send(pdf, f"Waypost centre cards ({len(ordered)})")
        self.audit("print-centre-sheets", f"{'+'.join(languages)} x{sheets} {job}", volunteer)
        return job

    def print_visit_cards(self, languages: list[str], sheets: int, volunteer: str) -> str:
        """Sheets of the centre prison's visit card (from its visit guide), one per language."""
        from directory.guides import prison_guide
        from directory.guides.assemble import Labels
        from printouts.sheet import sheet_pdf
        from printouts.visit_card import SHEET_COPIES, visit_card_text

        nomis = self.settings.centre_prison
        if not nomis:
            raise DeskPrintError("no-centre", "centre_prison is not set")
        with self.backend.content() as db:
            cards = [
                visit_card_text(
                    prison_guide(db, nomis, language),
                    Labels(db, language),
                    self.settings.centre_name,
                )
                for language in languages
            ]
        ordered = [card for _ in range(sheets) for card in cards for _ in range(SHEET_COPIES)]
        pdf = sheet_pdf(ordered, language=languages[0], title="Waypost visit cards")
        job = self._send(pdf, f"Waypost visit cards ({len(ordered)})")
        self.audit("print-visit-cards", f"{'+'.join(languages)} x{sheets} {job}", volunteer)
        return job

    def print_service_cards(self, service_ids: list[str], language: str, volunteer: str) -> str:
        """One sheet of the chosen services' cards, each repeated to fill the sheet."""
        from directory.lookup.centre import SHEET_SIZE
        from printouts.centre import service_card
        from printouts.sheet import sheet_pdf

        if not service_ids:
            raise DeskPrintError("nothing-chosen", "no services ticked")
        copies = max(1, SHEET_SIZE // len(service_ids))
        with self.backend.content() as db:
            cards = [
                service_card(
                    db,
                    sid,
                    language=language,
                    centre_name=self.settings.centre_name,
                    sms_number=self.settings.sms_number,
                )
                for sid in service_ids
            ]
        pdf = sheet_pdf([c for c in cards for _ in range(copies)], language=language)
        job = self._send(pdf, f"Waypost cards ({len(cards)})")
        self.audit("print-service-cards", f"{language} {','.join(service_ids)} {job}", volunteer)
        return job

    def print_poster(self, languages: list[str], volunteer: str) -> str:
        """The SMS poster in one or two languages."""
        from directory.lookup.services import prison_visiting
        from printouts.poster import poster_column, poster_pdf

        if not self.settings.sms_number:
            raise DeskPrintError("no-sms-number", "sms_number is not set")
        with self.backend.content() as db:
            example = self.settings.location
            if self.settings.centre_prison:
                postcode = prison_visiting(db, self.settings.centre_prison).address.postal_code
                example = postcode or example
            columns = [poster_column(db, lang, example) for lang in languages[:2]]
        pdf = poster_pdf(
            columns, sms_number=self.settings.sms_number, centre_name=self.settings.centre_name
        )
        job = self._send(pdf, "Waypost poster")
        self.audit("print-poster", f"{'+'.join(languages)} {job}", volunteer)
        return job

    def print_test_page(self, volunteer: str) -> str:
        """A test page naming the queue, with a 100 mm line and a QR code."""
        from printouts.printer_test_page import printer_test_pdf

        pdf = printer_test_pdf(
            self.settings.printer or "", datetime.now(UTC), self.settings.centre_name
        )
        job = self._send(pdf, "Waypost test page")
        self.audit("print-test-page", job, volunteer)
        return job

    def print_calibration(self, volunteer: str) -> str:
        """The card stock calibration page."""
        from printouts.sheet import calibration_pdf

        job = self._send(calibration_pdf(), "Waypost calibration")
        self.audit("print-calibration", job, volunteer)
        return job

    # The call list ------------------------------------------------------------------------

    def call_list(self) -> CallList:
        """Entries not checked for stale_months, less those already checked at this desk."""
        from directory.guides.feedback import wrong_counts
        from directory.reports.staleness import not_yet_checked, stale_services
        from directory.state.checks import checked_since, waiting_count

        with self.backend.content() as db:
            groups = stale_services(db, self.settings.stale_months, self.clock.today())
        with self._state() as conn:
            checked = checked_since(conn)
            waiting = waiting_count(conn)
            wrong = sorted(wrong_counts(conn).items(), key=lambda kv: (-kv[1], kv[0]))
        return CallList(not_yet_checked(groups, checked), waiting, self.settings.syncing, wrong)

    def check(self, service_id: str, outcome: str, volunteer: str, note: str = "") -> bool:
        """Record a check from the call list; True when it was applied to this directory.

        On a syncing site every check waits for the keepers (the next sync would undo a local
        edit). On a standalone site "still right" and "gone" are applied at once, through the
        same core functions as `waypost verify` and `waypost import-checks`.
        """
        from directory.exchange.checks_import import apply_checks
        from directory.reports.staleness import verify_service
        from directory.state.checks import Check, record_check

        today = self.clock.today()
        applied = False
        if not self.settings.syncing and outcome in ("still_right", "gone"):
            who = volunteer or "visitor centre desk"
            with self.backend.content() as db:
                if outcome == "still_right":
                    verify_service(db, service_id, who, today)
                else:
                    apply_checks(db, [Check(service_id, "gone", today.isoformat(), who)])
            applied = True
        with self._state() as conn:
            record_check(
                conn,
                service_id,
                outcome,
                day=today,
                volunteer=volunteer,
                note=note,
                applied=applied,
            )
        state = "applied" if applied else "waiting"
        self.audit(f"check-{outcome}", f"{service_id} {state}", volunteer)
        return applied

    def print_call_list(self, volunteer: str) -> str:
        """Today's call list as the A4 PDF `waypost stale --format pdf` makes."""
        from printouts.call_list import call_list_pdf

        found = self.call_list()
        pdf = call_list_pdf(
            found.groups, self.settings.stale_months, self.clock.today(), self.settings.centre_name
        )
        job = self._send(pdf, "Waypost call list")
        self.audit("print-call-list", job, volunteer)
        return job

    # Today's figures ----------------------------------------------------------------------

    def today_counts(self) -> dict[str, str]:
        """Today's anonymous kiosk and SMS counts, small numbers shown as "<5" (as the report)."""
        from directory.reports.usage_figures import KIOSK_EVENTS
        from directory.state.usage import usage_rows

        today = self.clock.today()
        with self._state() as conn:
            rows = usage_rows(conn, today, today)
        totals = {"search": 0, "print": 0, "text": 0, "sms": 0}
        for _day, channel, event, *_rest, count, _segments in rows:
            if channel == "kiosk" and event in KIOSK_EVENTS and event in totals:
                totals[event] += count
            elif channel == "sms" and event in ("search", "prison", "place_only"):
                totals["sms"] += count
        return {k: _shown(v) for k, v in totals.items()}


def _shown(value: int) -> str:
    from directory.reports.usage_figures import small_count

    return small_count(value).text
