"""One composer for a service's details as a text (issue 11, item 2): the kiosk's "Text me this"
and the SMS line's details reply are the same words, within two segments, in every language,
and the "not yet checked" warning and the kiosk's footer are never cut off."""

from __future__ import annotations

import dataclasses

import pytest

from directory import ContentDB
from directory.lookup.services import get_service
from directory.text.details_message import SEGMENTS, details_message
from directory.text.gsm import count_segments, sanitise
from directory.text.i18n import LANGUAGES
from directory.text.presentation import presentation
from kiosk.i18n import Translator
from kiosk.text_message import compose_text
from sms_gateway.replies import details as sms_details
from sms_gateway.templates import Wording

LANGS = list(LANGUAGES)


def _all_services(content: ContentDB) -> list[str]:
    return [row[0] for row in content.execute("SELECT ref FROM service ORDER BY 1")]


@pytest.mark.parametrize("language", LANGS)
def test_every_service_fits_and_keeps_the_warning_and_footer(
    content: ContentDB, language: str
) -> None:
    _ = Translator(language)
    footer = _("Sent from the Waypost kiosk")
    warning = sanitise(presentation(language).checked(None), language)
    unverified = 0
    for service_id in _all_services(content):
        detail = get_service(content, service_id, language)
        kiosk = compose_text(detail, _, language)
        sms = sms_details(Wording(language), detail)
        assert count_segments(kiosk).segments <= SEGMENTS, (service_id, kiosk)
        assert count_segments(sms).segments <= SEGMENTS, (service_id, sms)
        assert kiosk.endswith(sanitise(footer, language))
        # One composer: the kiosk's text is the SMS reply with the kiosk's footer.
        assert kiosk == details_message(detail, language, footer=footer)
        assert sms == details_message(detail, language)
        if not detail.verified:
            unverified += 1
            assert warning in kiosk.splitlines() and warning in sms.splitlines()
    assert unverified > 0


@pytest.mark.parametrize("language", LANGS)
def test_a_very_long_entry_is_cut_but_never_its_warning_or_footer(
    content: ContentDB, language: str
) -> None:
    service_id = next(
        s for s in _all_services(content) if not get_service(content, s, "en").verified
    )
    detail = get_service(content, service_id, language)
    assert detail.address is not None or detail.phones
    long = dataclasses.replace(
        detail,
        name="Ωmega " + "Very Long Service Name " * 12,  # Greek letters force UCS-2 in English
        description="word " * 400,
        url="https://example.org/" + "path/" * 60,
    )
    footer = Translator(language)("Sent from the Waypost kiosk") + ", Lewes Visitor Centre"
    text = details_message(long, language, footer=footer)
    assert count_segments(text).segments <= SEGMENTS
    lines = text.splitlines()
    assert lines[-1] == sanitise(footer, language)
    assert lines[-2] == sanitise(presentation(language).checked(None), language)
    assert lines[0].endswith("...") or "word" not in text  # cut, not overflowing
