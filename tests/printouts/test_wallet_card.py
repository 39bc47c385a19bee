"""The wallet card, read back: page size, text per language, embedded fonts, QR payloads."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from directory import ContentDB
from directory.lookup.services import get_service, prison_visiting
from directory.models import Phone
from directory.text.i18n import LANGUAGES
from directory.text.presentation import presentation
from printouts.card_face import QR_BOX
from printouts.centre import centre_card, service_card
from printouts.qr import MM, dial_string, module_mm
from printouts.translations import translator
from printouts.wallet_card import card_pdf, wallet_card_pdf

SMS = "07700 900123"
ALL_LANGUAGES = sorted(LANGUAGES)
SERVICES = ["samaritans-helpline", "prisoners-families-helpline", "help-with-prison-visits"]

pytestmark = pytest.mark.usefixtures("pdf_tools")


def mecard_fields(payload: str) -> dict[str, list[str]]:
    """Parse a MECARD back into its fields (honouring backslash escapes)."""
    assert payload.startswith("MECARD:"), payload
    fields: dict[str, list[str]] = {}
    current, escaped = "", False
    for char in payload[len("MECARD:") :]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ";":
            if current:
                key, _, value = current.partition(":")
                fields.setdefault(key, []).append(value)
            current = ""
        else:
            current += char
    return fields


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_card_is_one_cr80_page_front_and_back(content: ContentDB, language: str, read_pdf: Any):
    pdf = wallet_card_pdf(get_service(content, "samaritans-helpline", language), language=language)
    sizes = read_pdf["sizes"](pdf)
    assert len(sizes) == 2
    for width, height in sizes:
        assert width == pytest.approx(85.60, abs=0.01)
        assert height == pytest.approx(53.98, abs=0.01)


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_card_text_is_in_the_language(content: ContentDB, language: str, read_pdf: Any):
    card = service_card(content, "prisoners-families-helpline", language=language, sms_number=SMS)
    pdf = card_pdf(card, language)
    gettext = translator(language)
    heading = gettext("Help for families of people in prison")
    if language != "en":
        assert heading != "Help for families of people in prison", "catalogue is incomplete"
    back = read_pdf["text"](pdf, 2)
    assert heading in back
    assert SMS in back
    front = read_pdf["text"](pdf, 1)
    detail = get_service(content, "prisoners-families-helpline", language)
    assert " ".join(detail.name.split()) in front
    for phone in detail.phones[:3]:
        assert phone.number in front


def test_romanian_comma_below_and_greek_survive(content: ContentDB, read_pdf: Any):
    ro = card_pdf(service_card(content, "samaritans-helpline", language="ro", sms_number=SMS), "ro")
    assert "ș" in read_pdf["text"](ro, 2) or "ț" in read_pdf["text"](ro, 2)
    el = card_pdf(service_card(content, "samaritans-helpline", language="el", sms_number=SMS), "el")
    assert any("\u0370" <= ch <= "\u03ff" for ch in read_pdf["text"](el, 2))


@pytest.mark.parametrize("language", ["en", "el", "ro"])
def test_only_embedded_dejavu_fonts(content: ContentDB, language: str, read_pdf: Any):
    pdf = card_pdf(service_card(content, "samaritans-helpline", language=language), language)
    fonts = read_pdf["fonts"](pdf)
    assert fonts, "no fonts found"
    for name, embedded in fonts:
        assert "DejaVuSans" in name and embedded, (name, embedded)


@pytest.mark.parametrize("service_id", SERVICES)
def test_qr_saves_the_contact(content: ContentDB, service_id: str, read_pdf: Any):
    detail = get_service(content, service_id, "el")
    pdf = wallet_card_pdf(detail, language="el", sms_number=SMS)
    codes = read_pdf["qr"](pdf, 1)
    assert len(codes) == 1, codes
    fields = mecard_fields(codes[0])
    assert fields["N"] == [detail.name]
    assert fields["TEL"] == [dial_string(p.number) for p in detail.phones[:2]]


def test_web_only_service_qr_is_its_link(content: ContentDB, read_pdf: Any):
    detail = get_service(content, "pact-visitors-guides", "en")
    assert not detail.phones and detail.url
    codes = read_pdf["qr"](wallet_card_pdf(detail), 1)
    assert codes == [detail.url]


def test_markup_in_data_prints_literally(content: ContentDB, read_pdf: Any):
    hostile = '<img src="/etc/passwd"/> & <b>'
    detail = dataclasses.replace(
        get_service(content, "samaritans-helpline", "en"),
        name=hostile,
        hours_note="<font size=40>&amp;</font>",
    )
    pdf = wallet_card_pdf(detail, centre_name="<br/>Centre & co", sms_number=SMS)
    front, back = read_pdf["text"](pdf, 1), read_pdf["text"](pdf, 2)
    assert hostile in front
    assert "<font size=40>&amp;</font>" in front
    assert "<br/>Centre & co" in back
    assert mecard_fields(read_pdf["qr"](pdf, 1)[0])["N"] == [hostile]


def test_long_text_shrinks_then_ends_in_an_ellipsis_but_numbers_stay_whole(
    content: ContentDB, read_pdf: Any
):
    base = get_service(content, "prisoners-families-helpline", "en")
    phones = [
        Phone("0808 808 3444", "free helpline " * 12),
        Phone("020 8812 3600", "office, " * 15),
        Phone("+44 20 7946 0018", "from abroad " * 10),
    ]
    detail = dataclasses.replace(base, name="Families " * 40, phones=phones)
    text = read_pdf["text"](wallet_card_pdf(detail), 1)
    assert "…" in text
    for phone in phones:
        assert phone.number in text


def test_without_an_sms_number_the_back_invents_none(content: ContentDB, read_pdf: Any):
    card = service_card(content, "samaritans-helpline", language="es", sms_number=None)
    back = read_pdf["text"](card_pdf(card, "es"), 2)
    gettext = translator("es")
    assert gettext("Ask at the visitor centre for more contacts near you.") in back
    assert "+" not in back and not any(ch.isdigit() for ch in back.replace("samaritans", ""))


@pytest.mark.parametrize("language", ["en", "de"])
def test_unchecked_details_say_so(content: ContentDB, language: str, read_pdf: Any):
    detail = get_service(content, "samaritans-helpline", language)
    words = presentation(language)
    unchecked = dataclasses.replace(detail, assured_date=None)
    checked = dataclasses.replace(detail, assured_date="2026-01-15")
    text = read_pdf["text"](wallet_card_pdf(unchecked, language=language), 1)
    assert " ".join(words.checked(None).split()) in " ".join(text.split())
    text = read_pdf["text"](wallet_card_pdf(checked, language=language), 1)
    # The date in words, in the card's language ("Checked 15 January 2026"), never raw ISO.
    assert words.checked("2026-01-15") in " ".join(text.split())
    assert "2026-01-15" not in text


def test_output_is_deterministic(content: ContentDB):
    detail = get_service(content, "prisoners-families-helpline", "el")
    first = wallet_card_pdf(detail, language="el", centre_name="Κέντρο", sms_number=SMS)
    assert first == wallet_card_pdf(detail, language="el", centre_name="Κέντρο", sms_number=SMS)
    other = wallet_card_pdf(detail, language="el", centre_name="Κέντρο 2", sms_number=SMS)
    assert other != first


def test_card_pdf_is_small(content: ContentDB):
    pdf = wallet_card_pdf(get_service(content, "prisoners-families-helpline", "el"), language="el")
    assert len(pdf) <= 60_000


def test_centre_card_carries_visits_helpline_and_group(content: ContentDB, read_pdf: Any):
    card = centre_card(content, "LWI", language="el", centre_name="Lewes", sms_number=SMS)
    assert len(card.phones) == 3
    pdf = card_pdf(card, "el")
    front = read_pdf["text"](pdf, 1)
    assert translator("el")("Visits booking") in front
    fields = mecard_fields(read_pdf["qr"](pdf, 1)[0])
    assert fields["TEL"] == [dial_string(p.number) for p in card.phones]
    visits = prison_visiting(content, "LWI").visits_phone
    assert visits and fields["TEL"][0] == dial_string(visits)


@pytest.mark.parametrize(
    "name", ["Γραμμή βοήθειας για οικογένειες", "Linia de ajutor: familii și prieteni"]
)
def test_qr_keeps_greek_and_romanian_names(content: ContentDB, name: str, read_pdf: Any):
    detail = dataclasses.replace(get_service(content, "samaritans-helpline", "el"), name=name)
    fields = mecard_fields(read_pdf["qr"](wallet_card_pdf(detail, language="el"), 1)[0])
    assert fields["N"] == [name]


def test_every_service_qr_has_modules_of_half_a_millimetre(content: ContentDB, data_dir: Path):
    with (data_dir / "services.csv").open(encoding="utf-8") as fh:
        ids = [row["service_id"] for row in csv.DictReader(fh)]
    assert ids
    payloads = {
        (service_id, language): service_card(content, service_id, language=language).qr_payload
        for service_id in ids
        for language in ("en", "el")
    }
    printed = {key: payload for key, payload in payloads.items() if payload}
    assert printed  # every service with a phone or a website prints a code
    for key, payload in printed.items():
        assert module_mm(payload, QR_BOX / MM) >= 0.5, key
