"""Every template in every language: translated, placeholders intact, within its budget."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from sms_gateway import templates as t
from sms_gateway.gsm import count_segments, encoding_of
from sms_gateway.templates import LANGUAGES, LOCALE_DIR, Wording

# Long but real values: the longest category labels, place names and keywords in the data.
VALUES = {
    "topic": "Support groups",
    "keyword": "GRUPO DE APOYO",
    "example": "VIVIENDA BN7",
    "place": "BN7 1EA (HMP & YOI Lewes)",
    "places": "Lewes / Lenis",
    "number": 12,
    "name": "Samaritans",
    "phone": "116 123",
    "prison": "HMP & YOI Lewes",
    "slots": "Mon,Tue,Thu,Sat,Sun 14:00-15:30",
    "topics": "VISIT, TRAVEL, MONEY",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(t.PROMPTS))
def test_prompts_fit_one_segment(language: str, name: str) -> None:
    text = Wording(language)(t.PROMPTS[name], **VALUES)
    assert encoding_of(text) == "GSM-7"
    assert count_segments(text).segments == 1, text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(t.PAGE_PARTS))
def test_page_parts_fit_a_page(language: str, name: str) -> None:
    text = Wording(language)(t.PAGE_PARTS[name], **VALUES)
    assert encoding_of(text) == "GSM-7"
    assert count_segments(text).segments <= 2, text


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_catalogue_is_complete(language: str) -> None:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "sms.po").open("rb") as fh:
        catalogue = read_po(fh, locale=language)
    messages = {m.id: m.string for m in catalogue if m.id}
    source = [*t.PROMPTS.values(), *t.PAGE_PARTS.values()]
    for msgid in source:
        assert messages.get(msgid), f"{language}: missing {msgid!r}"
        found = sorted(re.findall(r"\{\w+\}", messages[msgid]))
        assert found == sorted(re.findall(r"\{\w+\}", msgid)), msgid
    # Real translations: the sentences differ from the English ones.
    sentences = [m for m in t.PROMPTS.values()]
    assert all(messages[m] != m for m in sentences), language


def test_romanian_uses_comma_below() -> None:
    with (LOCALE_DIR / "ro" / "LC_MESSAGES" / "sms.po").open(encoding="utf-8") as fh:
        text = fh.read()
    assert "ș" in text and "ț" in text
    assert "ş" not in text and "ţ" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_more_hint_names_a_word_the_parser_knows(language: str) -> None:
    from sms_gateway.parser import normalise
    from sms_gateway.vocabulary import MORE_WORDS

    hint = Wording(language)(t.MORE_HINT)
    folded = " ".join(normalise(hint))
    known = [" ".join(normalise(w)) for w in MORE_WORDS]
    assert any(f" {w} " in f" {folded} " for w in known), hint
