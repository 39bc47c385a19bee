"""The wallet card: one CR80 card (front and back) for one service, as PDF bytes."""

from __future__ import annotations

import io
import re

from directory.models import ServiceDetail
from directory.text.presentation import presentation
from printouts.card_face import CARD_H, CARD_W, QR_BOX, CardText, PhoneLine, draw_back, draw_front
from printouts.qr import MM, mecard, module_mm, page_link
from printouts.translations import Gettext, translator
from printouts.typography import keep_together, new_canvas

MIN_MODULE_MM = 0.5
# The CUPS media option for a CR80 card (ISO/IEC 7810 ID-1), landscape.
CARD_MEDIA = "Custom.85.6x53.98mm"


def first_sentence(text: str) -> str:
    """The first sentence of a description: the card's "what it helps with" line."""
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?;])(\s|$)", text)
    return (match.group(1) if match else text).rstrip(".;")


def contact_payload(name: str, numbers: list[str], url: str, most: int = 2) -> str | None:
    """A MECARD with the numbers, or the web link alone; shortened until modules stay >= 0.5 mm."""
    box = QR_BOX / MM
    if numbers:
        for candidate in (
            mecard(name, numbers[:most], url),
            mecard(name, numbers[:most]),
            mecard(name[:40], numbers[:2]),
            mecard(name[:40], numbers[:1]),
        ):
            if module_mm(candidate, box) >= MIN_MODULE_MM:
                return candidate
        return mecard(name[:25], numbers[:1])
    if url:
        return url
    return None


def status_line(assured_date: str | None, language: str) -> str:
    """Whether a person has checked the details, and when: never hidden."""
    return presentation(language).checked(assured_date)


def sms_instruction(sms_number: str | None, keyword: str, gettext: Gettext) -> str:
    """The back's SMS line, or nothing when the centre has no SMS number (never invent one)."""
    if not sms_number:
        return ""
    return gettext("Text {keyword} + your postcode to {number}").format(
        keyword=keyword.upper(), number=keep_together(sms_number)
    )


def back_lines(sms_number: str | None, gettext: Gettext) -> list[str]:
    """The lines under the SMS instruction."""
    if sms_number:
        return [gettext("You get nearby contacts back by text. No internet needed.")]
    return [gettext("Ask at the visitor centre for more contacts near you.")]


def card_text(
    detail: ServiceDetail,
    *,
    language: str = "en",
    centre_name: str = "",
    sms_number: str | None = None,
    helps_with: str | None = None,
    sms_keyword: str | None = None,
    pages_url: str = "",
) -> CardText:
    """The words on one service's card, in the language; with pages_url, the QR opens its page."""
    gettext = translator(language)
    hours = presentation(language).hours_short(detail.hours)
    if detail.hours_note:
        hours = f"{hours}. {detail.hours_note}" if hours else detail.hours_note
    if not hours and detail.phones:
        hours = gettext("Hours not known: please phone to check.")
    numbers = [p.number for p in detail.phones]
    payload = contact_payload(detail.name, numbers, detail.url)
    if pages_url:
        payload = page_link(pages_url, f"/s/{detail.service_id}", language)
        caption = gettext("Scan to open this on your phone")
    elif payload is None:
        caption = ""
    elif payload.startswith("MECARD:"):
        caption = gettext("Scan to save this contact")
    else:
        caption = gettext("Scan to open the website")
    keyword = sms_keyword or (detail.categories[0] if detail.categories else "help")
    return CardText(
        title=detail.name,
        subtitle=helps_with if helps_with is not None else first_sentence(detail.description),
        phones=[PhoneLine(p.number, p.description) for p in detail.phones],
        hours=hours if detail.phones or hours else detail.url,
        qr_payload=payload,
        qr_caption=caption,
        status=status_line(detail.assured_date, language),
        back_heading=gettext("Help for families of people in prison"),
        back_emphasis=sms_instruction(sms_number, keyword, gettext),
        back_lines=back_lines(sms_number, gettext),
        back_footer=centre_name,
        reference=detail.service_id,
    )


def card_pdf(card: CardText, language: str = "en") -> bytes:
    """A two-page PDF, each page one CR80 card: the front, then the back."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (CARD_W, CARD_H), card.title, language)
    draw_front(canvas, card, 0, 0)
    canvas.showPage()
    draw_back(canvas, card, 0, 0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def wallet_card_pdf(
    detail: ServiceDetail,
    *,
    language: str = "en",
    centre_name: str = "",
    sms_number: str | None = None,
    helps_with: str | None = None,
    sms_keyword: str | None = None,
) -> bytes:
    """One service's wallet card as PDF bytes (front and back), in the language."""
    card = card_text(
        detail,
        language=language,
        centre_name=centre_name,
        sms_number=sms_number,
        helps_with=helps_with,
        sms_keyword=sms_keyword,
    )
    return card_pdf(card, language)
