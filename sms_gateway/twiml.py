"""TwiML replies: one <Message> per page, or an empty <Response/> when the line stays silent.

The documents are the bytes `MessagingResponse().to_xml(xml_declaration=True)` produces (a test
holds them equal for every reply shape), written directly: building them with the twilio
library cost far more, and every text gets one (docs/performance.md).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from sms_gateway.gsm import MAX_CHARS

CONTENT_TYPE = "application/xml"
MAX_MESSAGES = 10
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
# Characters XML 1.0 cannot carry at all; Twilio would reject the document.
_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def twiml(pages: list[str] | str | None) -> str:
    """The TwiML document for zero or more reply pages (separate pages may arrive out of order,
    so the line sends one page per reply)."""
    if isinstance(pages, str):
        pages = [pages]
    messages = [
        f"<Message>{escape(page[:MAX_CHARS].translate(_ILLEGAL))}</Message>"
        for page in (pages or [])[:MAX_MESSAGES]
        if page
    ]
    if not messages:
        return _DECLARATION + "<Response />"
    return _DECLARATION + "<Response>" + "".join(messages) + "</Response>"


EMPTY = twiml(None)
