"""Cards assembled from the directory: one service's card, the centre card, the centre's set."""

from __future__ import annotations

from directory.db.connections import ContentDB
from directory.lookup.categories import list_categories
from directory.lookup.centre import prison_place, visits_phone
from directory.lookup.keywords import primary_keyword
from directory.lookup.search import search_services
from directory.lookup.services import get_service, helplines, prison_visiting
from directory.text.presentation import presentation
from printouts.card_face import CardText, PhoneLine
from printouts.translations import translator
from printouts.wallet_card import (
    back_lines,
    card_text,
    contact_payload,
    sms_instruction,
    status_line,
)


def helps_with(db: ContentDB, categories: list[str], language: str) -> str:
    """The card's one line on what a service helps with: its first two category labels."""
    labels = {c.key: c.label for c in list_categories(db, language)}
    return " · ".join(labels[k] for k in categories[:2] if k in labels)


def service_card(
    db: ContentDB,
    service_id: str,
    *,
    language: str = "en",
    centre_name: str = "",
    sms_number: str | None = None,
    pages_url: str = "",
) -> CardText:
    """One service's card, with its categories and SMS keyword in the card's language."""
    detail = get_service(db, service_id, language)
    keyword = primary_keyword(db, detail.categories[0], language) if detail.categories else "HELP"
    return card_text(
        detail,
        language=language,
        centre_name=centre_name,
        sms_number=sms_number,
        helps_with=helps_with(db, detail.categories, language),
        sms_keyword=keyword,
        pages_url=pages_url,
    )


def centre_card(
    db: ContentDB,
    nomis: str,
    *,
    language: str = "en",
    centre_name: str = "",
    sms_number: str | None = None,
) -> CardText:
    """The centre's own card: visits booking, a 24-hour helpline and a local support group."""
    gettext = translator(language)
    prison = prison_visiting(db, nomis)
    lines: list[PhoneLine] = []
    visits = visits_phone(db, prison)
    if visits and prison.is_open:
        lines.append(PhoneLine(visits, gettext("Visits booking")))
    centre = prison.visitor_centre
    if centre is not None and centre.phone and prison.is_open:
        lines.append(
            PhoneLine(centre.phone, presentation(language).visitor_centre(centre.operator))
        )
    for line in helplines(db, language, limit=1):
        if line.phones:
            lines.append(PhoneLine(line.phones[0].number, line.name))
    group = search_services(db, near=prison_place(prison), category="peer", language=language)
    for found in group.local[:1] or group.national[:1]:
        if found.phones:
            lines.append(PhoneLine(found.phones[0].number, found.name))
    title = centre_name or gettext("{prison} visitor centre").format(prison=prison.display_name)
    slots = prison.visit_slots
    payload = contact_payload(title, [p.number for p in lines], "", most=3)
    return CardText(
        title=title,
        subtitle=gettext("Key contacts for families visiting {prison}").format(
            prison=prison.display_name
        ),
        phones=lines,
        hours=(
            gettext("Visits: {slots}").format(slots=_slots(slots, language))
            if slots and prison.is_open
            else ""
            if prison.is_open
            else presentation(language).prison_closed(prison.display_name, prison.area)
        ),
        qr_payload=payload,
        qr_caption=gettext("Scan to save these numbers") if payload else "",
        status=status_line(None, language),
        back_heading=gettext("Help for families of people in prison"),
        back_emphasis=sms_instruction(
            sms_number, primary_keyword(db, "visiting", language), gettext
        ),
        back_lines=back_lines(sms_number, gettext),
        back_footer=centre_name or prison.display_name,
        reference=f"centre {prison.nomis}",
    )


def _slots(slots: str, language: str) -> str:
    return presentation(language).hours_short(slots)
