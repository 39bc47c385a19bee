"""The webhook end to end: signed requests, real directory, real state database."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from directory.state.privacy import hash_sender
from sms_gateway.gsm import count_segments
from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app
from tests.sms_gateway.conftest import (
    HASH_KEY,
    PUBLIC_URL,
    Sender,
    make_settings,
    message_texts,
    sign,
    state_rows,
    twilio_form,
)


def replies(response: object) -> list[str]:
    return message_texts(response.text)  # type: ignore[attr-defined]


def one_reply(send: Sender, body: str, **kw: str) -> str:
    response = send(body, **kw)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    texts = replies(response)
    assert len(texts) == 1, response.text
    return texts[0]


def test_bad_or_missing_signature_is_403_and_writes_nothing(
    client: TestClient, settings: GatewaySettings
) -> None:
    form = twilio_form("HOUSING BN7")
    assert client.post("/sms", data=form).status_code == 403
    bad = sign(form, token="0" * 32)
    assert client.post("/sms", data=form, headers={"X-Twilio-Signature": bad}).status_code == 403
    wrong_url = sign(form, url="https://evil.example.org/sms")
    r = client.post("/sms", data=form, headers={"X-Twilio-Signature": wrong_url})
    assert r.status_code == 403
    tampered = dict(form, Body="STOP")
    r = client.post("/sms", data=tampered, headers={"X-Twilio-Signature": sign(form)})
    assert r.status_code == 403
    for table in ("sms_message", "sms_session", "sms_optout", "sms_rate", "usage_count"):
        assert state_rows(settings.state_db, f"SELECT * FROM {table}") == []


def test_unknown_fields_are_signed_and_accepted(text: Sender) -> None:
    reply = one_reply(text, "VISITS BN7 1EA", NewTwilioField="x", OptOutType="")
    assert "1." in reply


def test_keyword_and_place_in_any_order_give_a_budgeted_page(text: Sender) -> None:
    a = one_reply(text, "VISITS BN7 1EA", sender="+447700900001")
    b = one_reply(text, "bn71ea visits please", sender="+447700900002")
    assert a == b
    assert a.startswith("Visits near")
    assert "01273 785271" in a  # HMP Lewes's visits line, nearest first
    assert count_segments(a).segments <= 2 and count_segments(a).encoding == "GSM-7"


def test_more_and_details(text: Sender) -> None:
    first = one_reply(text, "VISITS BN7 1EA")
    assert "MORE" in first and first.count("\n") >= 3
    second = one_reply(text, "MORE")
    assert "\n4. " in second and second != first
    detail = one_reply(text, "1")
    assert "01273 785271" in detail
    assert count_segments(detail).segments <= 2
    info = one_reply(text, "INFO 4")
    assert "01903 663120" in info and "01903 663120" in second  # result 4 of page 2


def test_visits_and_a_prison_town_lead_with_that_prison_across_pages(text: Sender) -> None:
    first = one_reply(text, "VISITS LEWES")
    numbered = [line for line in first.splitlines() if line[:1].isdigit()]
    assert numbered[0].startswith("1. HMP & YOI Lewes: visits")  # not the nearer forum
    second = one_reply(text, "MORE")
    assert numbered[0][3:] not in second  # not repeated on the next page
    assert next(line for line in second.splitlines() if line[:1].isdigit()).startswith("4. ")


def test_keyword_without_place_asks_then_remembers(text: Sender) -> None:
    ask = one_reply(text, "vivienda")
    assert "¿donde?" in ask and count_segments(ask).segments == 1
    page = one_reply(text, "BN7")
    assert "Vivienda" in page and "Lewes" in page  # Spanish, because the keyword was


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("ΣΤΕΓΑΣΗ BN7", "ΣTEΓAΣH"),
        ("locuință bn7", "Locuinta"),
        ("habitação bn7", "Habitacao"),
        ("wohnung bn7", "Nähe"),
    ],
)
def test_reply_in_the_language_of_the_keyword(text: Sender, body: str, words: str) -> None:
    reply = one_reply(text, body)
    assert words in reply
    assert count_segments(reply).encoding == "GSM-7"


def test_prison_alone_gives_visiting_first(text: Sender) -> None:
    reply = one_reply(text, "HMP Lewes")
    assert reply.startswith("HMP & YOI Lewes visits: book on 01273 785271")
    # issue 13: a prison alone is someone new to it: the families helpline, then the topics
    assert "Prisoners' Families Helpline" in reply.split("\n")[1]
    assert "VISIT" in reply.split("\n")[2]


def test_a_prison_alone_gives_the_helpline_of_its_own_nation(text: Sender) -> None:
    # The Prisoners' Families Helpline serves England and Wales only: a family naming a Scottish
    # prison gets Families Outside, one naming a Northern Irish prison no England-only line.
    scottish = one_reply(text, "HMP Barlinnie")
    assert scottish.startswith("HMP Barlinnie visits")
    assert "To talk now: Families Outside" in scottish and "0800 254 0088" in scottish
    assert "Prisoners' Families Helpline" not in scottish
    northern_irish = one_reply(text, "HMP Maghaberry", From="+447700900111")
    assert northern_irish.startswith("HMP Maghaberry visits")
    assert "Prisoners' Families Helpline" not in northern_irish
    assert "0808 808 2003" not in northern_irish


def test_place_without_keyword_lists_topics_near(text: Sender) -> None:
    reply = one_reply(text, "Lewes")
    assert reply.startswith("Near Lewes:")


def test_nothing_understood_gives_menu_and_helpline_never_an_echo(text: Sender) -> None:
    reply = one_reply(text, "hello there xyzzy")
    assert "e.g. HOUSING BN7" in reply and "Samaritans 116 123" in reply
    assert "xyzzy" not in reply
    assert count_segments(reply).segments <= 2


def test_distress_starts_with_the_helpline(text: Sender) -> None:
    reply = one_reply(text, "I can't cope anymore")
    assert reply.startswith("Please call Samaritans now on 116 123")


@pytest.mark.parametrize("word", ["STOP", "stop", "Unsubscribe", "QUIT", " cancel "])
def test_exact_stop_is_recorded_silently_then_silence(
    text: Sender, settings: GatewaySettings, word: str
) -> None:
    r = text(word)
    assert r.status_code == 200 and replies(r) == [] and "<Response" in r.text
    rows = state_rows(settings.state_db, "SELECT sender_hash, method FROM sms_optout")
    assert rows == [(hash_sender("+447700900123", HASH_KEY.encode()), "exact")]
    assert replies(text("HOUSING BN7")) == []
    assert replies(text("START")) == []  # Twilio confirms START itself
    assert state_rows(settings.state_db, "SELECT * FROM sms_optout") == []
    assert "Housing" in one_reply(text, "HOUSING BN7")


@pytest.mark.parametrize(
    "body", ["Stop.", "stop please", "STOP!!", "unsubscribe me", "parar", "stopp"]
)
def test_near_miss_stop_is_confirmed_once(
    text: Sender, settings: GatewaySettings, body: str
) -> None:
    reply = one_reply(text, body)
    assert "START" in reply and count_segments(reply).segments == 1
    assert state_rows(settings.state_db, "SELECT method FROM sms_optout") == [("near",)]
    assert replies(text(body)) == []  # confirmed once only
    assert replies(text("VISITS BN7")) == []


def test_exact_help_is_left_to_twilio(text: Sender) -> None:
    assert replies(text("HELP")) == []
    reply = one_reply(text, "menu")
    assert "Topics:" in reply


def test_duplicate_message_sid_returns_stored_reply_and_does_no_work(
    text: Sender, settings: GatewaySettings
) -> None:
    first = text("VISITS BN7 1EA", sid="SM" + "d" * 32)
    counts = state_rows(settings.state_db, "SELECT SUM(count) FROM usage_count")
    rate = state_rows(settings.state_db, "SELECT count FROM sms_rate")
    again = text("VISITS BN7 1EA", sid="SM" + "d" * 32)
    assert "near BN7 1EA" in first.text
    # The same reply, kept with the outward code only (docs/privacy.md).
    assert again.text == first.text.replace("BN7 1EA", "BN7")
    assert state_rows(settings.state_db, "SELECT SUM(count) FROM usage_count") == counts
    assert state_rows(settings.state_db, "SELECT count FROM sms_rate") == rate


def test_flood_gets_one_please_wait_then_silence(built_db: Path, state_path: Path) -> None:
    settings = make_settings(built_db, state_path, rate_limit_count=3)
    with TestClient(create_app(settings)) as client:

        def send(body: str) -> list[str]:
            form = twilio_form(body, "+447700900777")
            r = client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
            return replies(r)

        answered = [send("VISITS BN7") for _ in range(3)]
        assert all(len(a) == 1 for a in answered)
        assert send("VISITS BN7") == ["Please wait a few minutes before you text again."]
        assert send("VISITS BN7") == [] and send("VISITS BN7") == []


def test_no_number_or_body_stored_in_clear(text: Sender, settings: GatewaySettings) -> None:
    text("my son is in HMP Lewes", sender="+447700900555")
    text("housing bn7", sender="+447700900555")
    raw = settings.state_db.read_bytes()
    for wal in settings.state_db.parent.glob("state.db*"):
        raw += wal.read_bytes()
    assert b"447700900555" not in raw
    assert b"my son" not in raw


@pytest.mark.parametrize(
    "body",
    ["", "   ", "😀😀😀", "x" * 2000, "SGVsbG8gd29ybGQhIFRoaXMgaXMgYmFzZTY0Lg==", "\u0000\u200b",
     "1" * 300, "INFO 999", "MORE", "0", "ΠEPIΣΣOTEPA", "🏠 BN7"],
)  # fmt: skip
def test_no_input_gives_a_500(text: Sender, body: str) -> None:
    r = text(body)
    assert r.status_code == 200
    assert r.text.startswith("<?xml")
    for reply in replies(r):
        assert count_segments(reply).segments <= 2


def test_media_only_message(text: Sender) -> None:
    reply = one_reply(
        text, "", NumMedia="1", MediaUrl0="https://api.twilio.com/x", MediaContentType0="image/jpeg"
    )
    # Issue 13: one segment saying the line reads words, not the topic list
    assert "words only" in reply and count_segments(reply).segments == 1


def test_missing_directory_answers_politely(tmp_path: Path, state_path: Path) -> None:
    settings = make_settings(tmp_path / "missing.db", state_path)
    with TestClient(create_app(settings)) as client:
        form = twilio_form("HOUSING BN7")
        r = client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
        assert r.status_code == 200
        assert replies(r) == ["Sorry, the directory is not available now. Please try again later."]
        assert state_rows(settings.state_db, "SELECT event, count, segments FROM usage_count") == [
            ("unavailable", 1, 1)
        ]
        health = client.get("/healthz")
        assert health.status_code == 503 and health.json()["state"]["writable"] is True


def test_healthz(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["ok"] is True
    assert body["content"]["version"]
    assert body["state"]["writable"] is True


def test_public_url_is_what_is_signed(settings: GatewaySettings) -> None:
    assert settings.webhook_url == PUBLIC_URL + "/sms"


def test_refuses_to_start_without_secrets(built_db: Path, state_path: Path) -> None:
    with pytest.raises(ValueError, match="WAYPOST_TWILIO_AUTH_TOKEN"):
        GatewaySettings(db=built_db, state_db=state_path, hash_key=HASH_KEY)
    with pytest.raises(ValueError, match="placeholder"):
        GatewaySettings(db=built_db, twilio_auth_token="changeme", hash_key=HASH_KEY)
    assert GatewaySettings(db=built_db, dev=True).dev
