"""TwiML replies: one <Message> per page, or an empty <Response/> when the line stays silent."""

from __future__ import annotations

from twilio.twiml.messaging_response import MessagingResponse

from sms_gateway.gsm import MAX_CHARS

CONTENT_TYPE = "application/xml"
MAX_MESSAGES = 10


def twiml(pages: list[str] | str | None) -> str:
    """The TwiML document for zero or more reply pages (separate pages may arrive out of order,
    so the line sends one page per reply)."""
    response = MessagingResponse()
    if isinstance(pages, str):
        pages = [pages]
    for page in (pages or [])[:MAX_MESSAGES]:
        if page:
            response.message(page[:MAX_CHARS])
    return str(response.to_xml(xml_declaration=True))


EMPTY = twiml(None)
