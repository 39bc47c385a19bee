"""A local HTTP server that answers as Twilio's Messages endpoint does (tests only)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

ACCOUNT_SID = "AC" + "1" * 32
# Twilio's own error bodies for these cases (https://www.twilio.com/docs/api/errors).
ERRORS = {
    21610: "Attempt to send to unsubscribed recipient",
    21211: "The 'To' number is not a valid phone number.",
}


@dataclass
class Received:
    """One POST as the server saw it."""

    path: str
    form: dict[str, str]
    user: str


@dataclass
class FakeTwilio:
    """Scripted answers per recipient: a list of statuses/error codes, used in turn."""

    base_url: str = ""
    script: dict[str, list[int]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    next_sid: int = 0

    def answer(self, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        """The status and JSON body Twilio would send for this form."""
        plan = self.script.get(form.get("To", ""), [])
        step = plan.pop(0) if plan else 201
        if step in ERRORS:
            return 400, {
                "code": step,
                "message": ERRORS[step],
                "more_info": f"https://www.twilio.com/docs/errors/{step}",
                "status": 400,
            }
        if step >= 500:
            return step, {"code": 20500, "message": "Internal Server Error", "status": step}
        self.next_sid += 1
        body = form.get("Body", "")
        return 201, {
            "sid": f"SM{self.next_sid:032x}",
            "account_sid": ACCOUNT_SID,
            "to": form.get("To"),
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": body,
            "status": "queued",
            "num_segments": "1" if len(body) <= 160 else "2",
            "num_media": "0",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "price": None,
            "error_code": None,
            "error_message": None,
            "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/SM{self.next_sid:032x}.json",
        }


def _handler(fake: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
            auth = self.headers.get("Authorization", "")
            user = base64.b64decode(auth.split(" ", 1)[1]).decode().split(":")[0] if auth else ""
            fake.received.append(Received(self.path, form, user))
            status, body = fake.answer(form)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the default writes every request (with its path) to stderr."""

    return Handler


@contextmanager
def fake_twilio() -> Iterator[FakeTwilio]:
    """Run the fake on a free loopback port for the duration of the block."""
    fake = FakeTwilio()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
