"""The gateway under a real uvicorn: parallel signed texts, and a directory rebuilt mid-run."""

from __future__ import annotations

import csv
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from directory import build
from sms_gateway.gsm import count_segments
from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app
from tests.sms_gateway.conftest import make_settings, message_texts, sign, state_rows, twilio_form

THREADS = 16


class Served:
    """A running server: where it listens and what it was built with."""

    def __init__(self, url: str, settings: GatewaySettings) -> None:
        self.url = url
        self.settings = settings

    def text(self, client: httpx.Client, body: str, sender: str, sid: str | None = None) -> str:
        """Post one signed text; return the TwiML (asserting a 200 with the right type)."""
        form = twilio_form(body, sender, sid)
        r = client.post(self.url + "/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/xml")
        return r.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve() -> Iterator[type[GatewaySettings]]:
    """Start create_app(settings) under uvicorn on a free loopback port; stopped afterwards."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(settings: GatewaySettings) -> Served:
        port = _free_port()
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return Served(f"http://127.0.0.1:{port}", settings)

    yield start  # type: ignore[misc]
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


def test_parallel_texts_all_answered_and_state_adds_up(
    serve: object, built_db: Path, state_path: Path
) -> None:
    served: Served = serve(make_settings(built_db, state_path))  # type: ignore[operator]
    senders = [f"+4477009{n:05d}" for n in range(25)]
    bodies = ["VISITS BN7", "MORE", "1", "housing lewes", "vivienda", "BN7", "MENU", "2"]
    # 25 senders x 8 texts each, in conversation order per sender, senders interleaved.
    jobs = [
        (sender, body, f"SM{i:04d}{j:028d}")
        for j, body in enumerate(bodies)
        for i, sender in enumerate(senders)
    ]

    def run(chunk: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
        with httpx.Client(timeout=30) as client:
            return [(sid, served.text(client, body, sender, sid)) for sender, body, sid in chunk]

    by_sender = [[job for job in jobs if job[0] == s] for s in senders]
    with ThreadPoolExecutor(THREADS) as pool:
        answered = [pair for part in pool.map(run, by_sender) for pair in part]
        # Twilio retrying 40 of them at once: the stored reply again, no work done twice.
        retries = [(s, b, sid) for s, b, sid in jobs[::5]]
        again = [
            pair
            for part in pool.map(run, [retries[i::THREADS] for i in range(THREADS)])
            for pair in part
        ]
    assert len(answered) == 200 and len(again) == 40
    replies = {sid: message_texts(doc) for sid, doc in answered}
    assert all(len(texts) == 1 for texts in replies.values())
    first = dict(answered)
    assert all(first[sid] == doc for sid, doc in again)

    db = state_path
    assert state_rows(db, "SELECT COUNT(*), COUNT(DISTINCT message_sid) FROM sms_message") == [
        (200, 200)
    ]
    assert state_rows(db, "SELECT COUNT(*) FROM sms_message WHERE reply IS NULL") == [(0,)]
    assert state_rows(db, "SELECT COUNT(*), SUM(count) FROM sms_rate") == [(25, 200)]
    segments = sum(count_segments(t[0]).segments for t in replies.values())
    # One event with the reply's segments per text (no distress, no silence in this mix), and
    # one "session" per sender: each sender's texts are one conversation.
    assert state_rows(db, "SELECT SUM(count), SUM(segments) FROM usage_count") == [
        (200 + len(senders), segments)
    ]
    assert state_rows(db, "SELECT SUM(count) FROM usage_count WHERE event = 'session'") == [(25,)]
    assert state_rows(db, "SELECT COUNT(*) FROM sms_session") == [(25,)]


def _rename_helpline(data: Path, name: str) -> None:
    path = data / "services.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["service_id"] == "samaritans-helpline":
            row["name"] = name
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_rebuilt_directory_is_served_without_restart(
    serve: object, built_db: Path, data_copy: Path, tmp_path: Path, state_path: Path
) -> None:
    live = tmp_path / "directory.db"
    shutil.copy2(built_db, live)
    served: Served = serve(make_settings(live, state_path))  # type: ignore[operator]
    stop = threading.Event()
    seen: list[str] = []

    def keep_texting(n: int) -> None:
        # Texts from other threads all through the rebuild: none may fail at the swap.
        with httpx.Client(timeout=30) as client:
            i = 0
            while not stop.is_set():
                doc = served.text(client, "VISITS BN7", f"+4477009{n}{i:05d}")
                seen.append(message_texts(doc)[0] if message_texts(doc) else "")
                i += 1

    with httpx.Client(timeout=30) as client:
        before = message_texts(served.text(client, "hello", "+447700900301"))[0]
        assert "Samaritans 116 123" in before
        with ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(keep_texting, n) for n in range(4)]
            _rename_helpline(data_copy, "Samaritans Listening Line")
            build(data_copy, live)  # written beside, then renamed over the live file
            time.sleep(0.3)
            stop.set()
            for future in futures:
                future.result()  # re-raises any failed request
        after = message_texts(served.text(client, "hello", "+447700900302"))[0]
    assert "Samaritans Listening Line 116 123" in after
    assert len(seen) > 4 and [t for t in seen if not t.startswith("Visits near")] == []
