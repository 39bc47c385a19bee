"""POST /sms: Twilio's webhook. Signature first; then the line answers in TwiML.

One FastAPI route. The text's work (checking the signature, parsing, the SQLite reads and the
one write transaction) runs in the gateway's own worker thread, never on the event loop: a
slow disk or another process's lock then holds up one text, not every connection.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response

from sms_gateway.dialogue import Inbound
from sms_gateway.twiml import CONTENT_TYPE
from sms_gateway.web.deps import GatewayDep
from sms_gateway.web.gateway import Gateway
from sms_gateway.web.signature import FormFields

log = logging.getLogger(__name__)
router = APIRouter()
PATH = "/sms"
MAX_FIELDS = 200
MAX_BODY_BYTES = 64 * 1024
FORBIDDEN = (403, b"Forbidden", "text/plain; charset=utf-8")


def answer(
    gateway: Gateway, raw: bytes, signature: str | None, query: str, source: str = ""
) -> tuple[int, bytes, str]:
    """(status, body, content type) for one webhook request: 403 and nothing written when the
    signature is wrong, else the line's TwiML."""
    if len(raw) > MAX_BODY_BYTES:
        return FORBIDDEN
    try:
        # The raw form, every field and value: Twilio signs all of them, including new ones.
        pairs = parse_qsl(
            raw.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        return FORBIDDEN
    fields = FormFields(pairs)
    if not gateway.checker.valid(fields, signature, query):
        gateway.rejections.note(source)  # at most a line a minute per address
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
    outcome = gateway.handle(msg)
    return 200, outcome.twiml.encode("utf-8"), CONTENT_TYPE


async def _limited_body(request: Request) -> bytes | None:
    """The request body; None when it is longer than a webhook ever is."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(PATH)
async def sms_webhook(request: Request, gateway: GatewayDep) -> Response:
    """Answer a text from Twilio; 403 and nothing written when the signature is wrong."""
    raw = await _limited_body(request)
    if raw is None:
        status, body, media_type = FORBIDDEN
    else:
        signature = request.headers.get("x-twilio-signature")
        query = request.url.query
        source = request.client.host if request.client else ""
        status, body, media_type = await gateway.in_worker(
            answer, gateway, raw, signature, query, source
        )
    return Response(body, status_code=status, media_type=media_type)
