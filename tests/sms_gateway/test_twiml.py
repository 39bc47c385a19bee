"""TwiML written directly must be exactly what Twilio's MessagingResponse writes."""

from __future__ import annotations

import pytest
from twilio.twiml.messaging_response import MessagingResponse

from sms_gateway.gsm import MAX_CHARS
from sms_gateway.twiml import EMPTY, MAX_MESSAGES, twiml
from tests.sms_gateway.conftest import message_texts


def reference(pages: list[str]) -> str:
    response = MessagingResponse()
    for page in pages:
        if page:
            response.message(page)
    return str(response.to_xml(xml_declaration=True))


@pytest.mark.parametrize(
    "pages",
    [
        [],
        ["Housing near BN7:\n1. A & B <Trust> 0.4mi 01632 960001"],
        ["Quotes \"q\" and 'a' > < & €^{}[]~|\\"],
        ["ΣTEΓAΣH KONTA ΣAΣ", "Öffnungszeiten für Straße"],
        ["", "only the second"],
        ["Please call Samaritans now on 116 123 (free, 24 hours).\n\nTopics: HOUSING"],
    ],
)
def test_same_document_as_messaging_response(pages: list[str]) -> None:
    assert twiml(pages) == reference(pages)
    assert message_texts(twiml(pages)) == [p for p in pages if p]


def test_silence_is_an_empty_response_not_an_empty_body() -> None:
    assert twiml(None) == EMPTY == reference([])
    assert EMPTY.endswith("<Response />")


def test_limits_and_characters_xml_cannot_carry() -> None:
    doc = twiml(["x" * (MAX_CHARS + 50)] * (MAX_MESSAGES + 3))
    texts = message_texts(doc)
    assert len(texts) == MAX_MESSAGES and all(len(t) == MAX_CHARS for t in texts)
    assert message_texts(twiml("a\x00b\x1fc\td")) == ["abc\td"]
