"""POST /sms: Twilio's webhook. Signature first; then the line answers in TwiML.

Every text comes through here, so POST /sms is answered by `SmsEndpoint`, a plain ASGI layer
in front of FastAPI's routing: the request, dependency and response objects FastAPI builds
cost ~60 µs a text, a tenth of the whole request (measured in-process). The route below stays
for everything else about /sms (FastAPI answers 405 to other methods) and answers the same
way if the layer is not installed.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sms_gateway.deps import get_gateway
from sms_gateway.dialogue import Inbound
from sms_gateway.gateway import Gateway
from sms_gateway.signature import FormFields
from sms_gateway.twiml import CONTENT_TYPE

log = logging.getLogger(__name__)
router = APIRouter()
PATH = "/sms"
MAX_FIELDS = 200
MAX_BODY_BYTES = 64 * 1024
FORBIDDEN = (403, b"Forbidden", "text/plain; charset=utf-8")


async def answer(
    gateway: Gateway, raw: bytes, signature: str | None, query: str, source: str = ""
) -> tuple[int, bytes, str]:
    """(status, body, content type) for one webhook request: 403 and nothing written when the
    signature is wrong, else the line's TwiML."""
    if len(raw) > MAX_BODY_BYTES:
        return FORBIDDEN
    try:
        # The raw form, every field and value: Twilio signs all of them, including new ones.
        pairs = parse_qsl(
            raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
            max_num_fields=MAX_FIELDS,
        )  # fmt: skip
    except (UnicodeDecodeError, ValueError):
        return FORBIDDEN
    fields = FormFields(pairs)
    if not gateway.checker.valid(fields, signature, query):
        gateway.rejections.note(source)
        return FORBIDDEN
    try:
        num_media = int(fields.get("NumMedia", "0") or 0)
    except ValueError:
        num_media = 0
    msg = Inbound(
        message_sid=fields.get("MessageSid") or fields.get("SmsMessageSid"),
        sender=fields.get("From"),
        body=fields.get("Body"),
        from_country=fields.get("FromCountry"),
        num_media=num_media,
    )
    # Answered on the event loop, not in a worker thread: a text is well under 1 ms of CPU
    # under the GIL either way, and handing it to a thread and back cost more than the work
    # (measured with wrk, 32 connections: 426 req/s through the thread pool, 760 inline).
    # State writes wait for another process's lock at most a few ms (the outbox sender).
    # Only a misspelt place's guess goes to a worker thread (see Gateway.handle_async).
    outcome = await gateway.handle_async(msg)
    return 200, outcome.twiml.encode("utf-8"), CONTENT_TYPE


@router.post(PATH)
async def sms_webhook(request: Request) -> Response:
    """Answer a text from Twilio; 403 and nothing written when the signature is wrong."""
    raw = await request.body()
    status, body, media_type = await answer(
        get_gateway(request),
        raw,
        request.headers.get("x-twilio-signature"),
        request.url.query,
        request.client.host if request.client else "",
    )
    return Response(body, status_code=status, media_type=media_type)


class SmsEndpoint:
    """ASGI middleware answering POST /sms itself; everything else goes on to the app."""

    def __init__(self, app: ASGIApp, gateway: Gateway) -> None:
        self.app = app
        self.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer POST /sms, or pass the request on."""
        if scope["type"] != "http" or scope["method"] != "POST" or _route_path(scope) != PATH:
            await self.app(scope, receive, send)
            return
        raw = await _read_body(receive)
        if raw is None:
            status, body, media_type = FORBIDDEN
        else:
            signature = None
            for name, value in scope["headers"]:
                if name == b"x-twilio-signature":
                    signature = value.decode("latin-1")
                    break
            query = scope.get("query_string", b"").decode("latin-1")
            client = scope.get("client")
            source = str(client[0]) if client else ""
            status, body, media_type = await answer(self.gateway, raw, signature, query, source)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", media_type.encode("latin-1")),
                    (b"content-length", str(len(body)).encode("latin-1")),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _route_path(scope: Scope) -> str:
    """The path without the root path a proxy mounts the app under (as Starlette routes)."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


async def _read_body(receive: Receive) -> bytes | None:
    """The request body; None when it is too long (or the client went away)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message: Message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)
