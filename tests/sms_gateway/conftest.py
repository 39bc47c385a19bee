"""Fixtures for the SMS line: real directory, real state file, requests signed as Twilio signs."""

from __future__ import annotations

import html
import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app

TOKEN = "12345678901234567890123456789012"
PUBLIC_URL = "https://sms.example.org"
HASH_KEY = "a-test-hash-key-that-is-long-enough"
_sids = itertools.count(1)


def make_settings(db: Path, state: Path, **extra: object) -> GatewaySettings:
    """Gateway settings on real files.

    Tests play whole conversations faster than anyone types, so the burst guard is off unless
    a test sets burst_texts (test_abuse.py tests it with the default, 4 texts in 30 s).
    """
    extra.setdefault("burst_texts", 1000)
    return GatewaySettings(
        twilio_auth_token=TOKEN,
        public_url=PUBLIC_URL,
        hash_key=HASH_KEY,
        db=db,
        state_db=state,
        **extra,  # type: ignore[arg-type]
    )


def twilio_form(
    body: str, sender: str = "+447700900123", sid: str | None = None, **extra: str
) -> dict[str, str]:
    """The fields Twilio posts for an incoming SMS."""
    sid = sid or f"SM{next(_sids):032d}"
    # Twilio's own field order and names (a real webhook, captured; numbers are Ofcom's
    # drama range).
    form = {
        "ToCountry": "GB", "ToState": "", "SmsMessageSid": sid, "NumMedia": "0",
        "ToCity": "", "FromZip": "", "SmsSid": sid, "FromState": "", "SmsStatus": "received",
        "FromCity": "", "Body": body, "FromCountry": "GB", "To": "+447700900999",
        "MessagingServiceSid": "MG" + "0" * 32, "ToZip": "", "NumSegments": "1",
        "MessageSid": sid, "AccountSid": "AC" + "0" * 32, "From": sender,
        "ApiVersion": "2010-04-01",
    }  # fmt: skip
    form.update(extra)
    return form


def sign(form: dict[str, str], url: str = PUBLIC_URL + "/sms", token: str = TOKEN) -> str:
    """The X-Twilio-Signature Twilio would send."""
    return str(RequestValidator(token).compute_signature(url, form))


Sender = Callable[..., httpx.Response]


@pytest.fixture
def settings(built_db: Path, state_path: Path) -> GatewaySettings:
    """Settings on the session's real directory and a fresh state database."""
    return make_settings(built_db, state_path)


@pytest.fixture
def client(settings: GatewaySettings) -> Iterator[TestClient]:
    """A TestClient on the real app."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def text(client: TestClient) -> Sender:
    """Send a signed text; returns the HTTP response."""

    def send(
        body: str, sender: str = "+447700900123", sid: str | None = None, **extra: str
    ) -> httpx.Response:
        form = twilio_form(body, sender, sid, **extra)
        return client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})

    return send


def state_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the state database directly (tests only)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


_TWIML = re.compile(
    r'<\?xml version="1\.0" encoding="UTF-8"\?>'
    r"(?:<Response />|<Response>(?:<Message>[^<]*</Message>)+</Response>)"
)
_MESSAGE = re.compile(r"<Message>([^<]*)</Message>")


def message_texts(document: str) -> list[str]:
    """The text of each <Message> in a TwiML document (which must be exactly that shape)."""
    # A strict pattern rather than an XML parser: it also proves there are no other verbs,
    # attributes or nesting, and needs no XML library on untrusted-looking input.
    assert _TWIML.fullmatch(document), document
    return [html.unescape(m) for m in _MESSAGE.findall(document)]
