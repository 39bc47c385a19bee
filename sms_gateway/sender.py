"""Sending queued texts (the kiosk's "Text me this") through Twilio's Messages REST API.

A number is erased from the outbox as soon as its text is sent or abandoned, and never logged.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

import requests
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from directory.db.connections import transaction
from directory.state.optouts import is_opted_out, opt_out
from directory.state.outbox import (
    OutgoingText,
    claim_due,
    erase_stale,
    mark_failed,
    mark_sent,
    record_provider_id,
    retry_later,
)
from sms_gateway.gsm import count_segments
from sms_gateway.replies import PAGE_SEGMENTS, truncate
from sms_gateway.settings import GatewaySettings
from sms_gateway.templates import Wording

log = logging.getLogger(__name__)
TWILIO_API = "https://api.twilio.com"
BACKOFF_SECONDS = 30.0
MAX_BACKOFF_SECONDS = 3600.0
# Twilio errors that no retry will fix: opted out, invalid or unreachable number, and so on.
PERMANENT = {21211, 21212, 21408, 21610, 21612, 21614, 30003, 30004, 30005, 30006, 30007}
# The recipient has replied STOP to this sender: an opt-out, recorded like one sent to the line.
OPTED_OUT = 21610


class RebasedHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, sending to another base URL (a test server or a proxy)."""

    def __init__(self, base_url: str, timeout: float = 15.0) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: object, **kwargs: object) -> Response:
        """Send the request to the configured base URL instead of api.twilio.com."""
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


def make_client(settings: GatewaySettings) -> Client:
    """A Twilio client for the configured account (and API base, for tests)."""
    http_client = (
        None
        if settings.twilio_api_base.rstrip("/") == TWILIO_API
        else RebasedHttpClient(settings.twilio_api_base)
    )
    return Client(
        settings.twilio_account_sid, settings.auth_token(), http_client=http_client or None
    )


@dataclass
class DrainReport:
    """What one pass over the outbox did (counts only)."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    expired: int = 0
    failures: list[str] = field(default_factory=list)


def backoff(attempts: int) -> float:
    """Seconds to wait before the next try: 30 s, 60 s, 120 s ... at most an hour."""
    return min(MAX_BACKOFF_SECONDS, BACKOFF_SECONDS * 2 ** max(0, attempts - 1))


def prepare_body(text: str, language: str) -> str:
    """The same sanitiser and budget as the webhook's replies."""
    return truncate(Wording(language).clean(text), PAGE_SEGMENTS)


def drain(
    conn: sqlite3.Connection, client: Client, settings: GatewaySettings, now: datetime | None = None
) -> DrainReport:
    """Erase texts too old to send, then send every text that is due once; return counts."""
    report = DrainReport()
    report.expired = erase_stale(conn, settings.outbox_max_age_seconds, now)
    while True:
        batch = claim_due(conn, limit=10, now=now, hash_key=settings.hash_key_bytes())
        if not batch:
            return report
        for item in batch:
            _send_one(conn, client, settings, item, report, now)


def _send_one(
    conn: sqlite3.Connection,
    client: Client,
    settings: GatewaySettings,
    item: OutgoingText,
    report: DrainReport,
    now: datetime | None,
) -> None:
    if is_opted_out(conn, item.sender_hash):
        mark_failed(conn, item.id, "opted-out", "the recipient opted out of texts", now)
        report.failed += 1
        report.failures.append("opted-out")
        return
    body = prepare_body(item.body, item.language)
    sender = (
        {"messaging_service_sid": settings.messaging_service_sid}
        if settings.messaging_service_sid
        else {"from_": settings.sms_from}
    )
    try:
        message = client.messages.create(to=item.to_number, body=body, **sender)
    except TwilioRestException as exc:
        code = exc.code or exc.status
        # Twilio's message text can quote the number; keep only the code.
        if exc.status >= 500 or exc.status == 429:
            _retry(conn, settings, item, f"Twilio HTTP {exc.status}", report, now)
        elif code in PERMANENT or exc.status < 500:
            log.warning("outbox text %d failed for good: Twilio error %s", item.id, code)
            if code == OPTED_OUT:
                with transaction(conn):
                    opt_out(
                        conn, item.sender_hash, "carrier", (now or datetime.now(UTC)).timestamp()
                    )
            mark_failed(conn, item.id, str(code), f"Twilio error {code}", now)
            report.failed += 1
            report.failures.append(str(code))
        return
    except requests.RequestException as exc:
        _retry(conn, settings, item, type(exc).__name__, report, now)
        return
    # Recorded first, alone: should anything below fail, the lease runs out and claim_due
    # finishes the text as sent instead of sending it again.
    record_provider_id(conn, item.id, str(message.sid))
    mark_sent(conn, item.id, str(message.sid), count_segments(body).segments, now)
    report.sent += 1
    log.info("outbox text %d sent", item.id)


def _retry(
    conn: sqlite3.Connection,
    settings: GatewaySettings,
    item: OutgoingText,
    reason: str,
    report: DrainReport,
    now: datetime | None,
) -> None:
    if item.attempts >= settings.outbox_max_attempts:
        log.warning("outbox text %d abandoned after %d tries (%s)", item.id, item.attempts, reason)
        mark_failed(conn, item.id, "gave-up", f"gave up after {item.attempts} tries: {reason}", now)
        report.failed += 1
        report.failures.append("gave-up")
        return
    delay = backoff(item.attempts)
    log.info("outbox text %d: %s; trying again in %.0f s", item.id, reason, delay)
    retry_later(conn, item.id, delay, reason, now or datetime.now(UTC))
    report.retried += 1
