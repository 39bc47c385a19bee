"""The visit card: a prison's booking line, visit times, what to bring, help with the costs and
the visitor centre, on a CR80 wallet card or ten to an A4 sheet, in any language.

Drawn from the prison's visit guide (directory.guides); every line is the guide's own text, cut to
the card at a sentence, never reworded here.
"""

from __future__ import annotations

import re

from directory.guides import PrisonGuide
from directory.guides.assemble import Labels
from directory.text.presentation import presentation
from printouts.card_face import CardText, PhoneLine
from printouts.sheet import sheet_pdf
from printouts.translations import translator
from printouts.wallet_card import card_pdf, contact_payload

BOOKING_URL = "https://www.gov.uk/prison-visits"
SHEET_COPIES = 10  # one A4 sheet: a stack for first-time visitors
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences(text: str, most: int) -> str:
    return " ".join(_SENTENCE.split(text)[:most])


def visit_card_text(guide: PrisonGuide, labels: Labels, centre_name: str = "") -> CardText:
    """The words on a prison's visit card, in the guide's language."""
    gettext = translator(guide.language)
    say = labels
    bring, costs = guide.section("bring"), guide.section("costs")
    booking, centre = guide.section("booking"), guide.section("visitor_centre")
    phones = []
    if guide.visits_phone:
        phones.append(PhoneLine(guide.visits_phone, say("section.booking")))
    if guide.centre_phone:
        phones.append(PhoneLine(guide.centre_phone, say("section.visitor_centre")))
    numbers = [p.number for p in phones]
    payload = contact_payload(guide.name, numbers, "") if numbers else BOOKING_URL
    caption = gettext(
        "Scan to save this contact" if numbers else "Scan to open the website"
    )  # the same words as every other card
    times = say("visit_times", times=guide.visit_times) if guide.visit_times else ""
    centre_line = (
        f"{centre.title}: {say('centre_run_by', operator=guide.centre_operator)}"
        if guide.centre_operator
        else f"{centre.title}: {_sentences(centre.text, 1)}"
    )
    return CardText(
        title=guide.name,
        subtitle=booking.title if guide.visits_phone else _sentences(booking.text, 1),
        phones=phones,
        hours=times,
        qr_payload=payload,
        qr_caption=caption,
        status=presentation(guide.language).checked(booking.checked),
        back_heading=bring.title,
        back_lines=[
            _sentences(bring.text, 1),
            f"{costs.title}: {_sentences(costs.text, 1)}",
            centre_line,
        ],
        back_footer=centre_name,
        reference=guide.code,
    )


def visit_card_pdf(guide: PrisonGuide, labels: Labels, centre_name: str = "") -> bytes:
    """One visit card (front and back pages) as PDF bytes."""
    return card_pdf(visit_card_text(guide, labels, centre_name), guide.language)


def visit_sheet_pdf(
    guide: PrisonGuide, labels: Labels, centre_name: str = "", copies: int = SHEET_COPIES
) -> bytes:
    """A4 sheets of the same visit card (fronts, then backs for duplex), `copies` cards."""
    card = visit_card_text(guide, labels, centre_name)
    return sheet_pdf(
        [card] * max(1, copies), language=guide.language, title=f"{guide.name}: visit cards"
    )
