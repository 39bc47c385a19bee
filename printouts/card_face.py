"""Drawing one CR80 card's front and back at any position on a page (card, sheet, calibration)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from printouts.qr import MM, QrMatrix, draw_qr, make_matrix
from printouts.typography import BOLD, REGULAR, fit, fit_unbreakable, width

CARD_W = 85.60 * MM
CARD_H = 53.98 * MM
MARGIN = 3.5 * MM
QR_BOX = 25.0 * MM  # with its quiet zone; short payloads give modules of 0.55 mm or more
GAP = 1.5 * MM
MAX_PHONES = 3


@dataclass(frozen=True)
class PhoneLine:
    """A number (never cut) and what it is for (may shrink or be cut with an ellipsis)."""

    number: str
    label: str = ""


@dataclass(frozen=True)
class CardText:
    """Everything printed on a card, already translated; drawn literally, never as markup."""

    title: str
    subtitle: str
    phones: list[PhoneLine]
    hours: str
    qr_payload: str | None
    qr_caption: str
    status: str  # "Checked 2025-03-01" or "Not yet checked": data honesty on the card itself
    back_heading: str
    back_lines: list[str] = field(default_factory=list)
    back_emphasis: str = ""  # the SMS line: "Text HOUSING + your postcode to 07..."
    back_footer: str = ""
    reference: str = ""


def _lines(
    canvas: Canvas, lines: list[str], font: str, size: float, x: float, top: float, lead: float
) -> float:
    """Draw lines downwards from top (the first baseline is one size below it); returns the end."""
    canvas.setFont(font, size)
    y = top
    for line in lines:
        y -= size
        canvas.drawString(x, y, line)
        y -= lead - size
    return y


def draw_front(canvas: Canvas, card: CardText, x: float, y: float) -> None:
    """Draw the front with its lower left corner at (x, y)."""
    canvas.saveState()
    has_qr = bool(card.qr_payload)
    text_w = CARD_W - 2 * MARGIN - ((QR_BOX + GAP) if has_qr else 0)
    left, top = x + MARGIN, y + CARD_H - MARGIN
    title = fit(card.title, BOLD, text_w, size=10.5, min_size=7, max_lines=2)
    cursor = _lines(canvas, title.lines, BOLD, title.size, left, top, title.size * 1.18)
    if card.subtitle:
        sub = fit(card.subtitle, REGULAR, text_w, size=7, min_size=5.5, max_lines=1)
        canvas.setFillColorRGB(0.25, 0.25, 0.25)
        cursor = _lines(canvas, sub.lines, REGULAR, sub.size, left, cursor - 1, sub.size * 1.2)
        canvas.setFillColorRGB(0, 0, 0)
    cursor -= 2.5
    for phone in card.phones[:MAX_PHONES]:
        cursor = _phone(canvas, phone, left, cursor, text_w)
    if card.hours:
        hours = fit(card.hours, REGULAR, text_w, size=6.5, min_size=5.5, max_lines=2)
        cursor = _lines(canvas, hours.lines, REGULAR, hours.size, left, cursor - 1.5, 7.4)
    if has_qr:
        assert card.qr_payload is not None
        matrix: QrMatrix = make_matrix(card.qr_payload)
        qr_x, qr_y = x + CARD_W - MARGIN - QR_BOX, y + CARD_H - MARGIN - QR_BOX
        draw_qr(canvas, matrix, qr_x, qr_y, QR_BOX)
        cap = fit(card.qr_caption, REGULAR, QR_BOX, size=5.5, min_size=4.5, max_lines=2)
        canvas.setFont(REGULAR, cap.size)
        cap_y = qr_y - cap.size - 0.5
        for line in cap.lines:
            canvas.drawCentredString(qr_x + QR_BOX / 2, cap_y, line)
            cap_y -= cap.size * 1.15
    status = fit(card.status, REGULAR, CARD_W - 2 * MARGIN, size=5.5, min_size=4.5)
    canvas.setFillColorRGB(0.3, 0.3, 0.3)
    _lines(canvas, status.lines, REGULAR, status.size, left, y + MARGIN + status.size, 0)
    canvas.restoreState()


def _phone(canvas: Canvas, phone: PhoneLine, left: float, top: float, room: float) -> float:
    """One phone line: the number in bold at a size where it fits whole, then its label."""
    size = fit_unbreakable(phone.number, BOLD, room, size=9.5, min_size=7)
    canvas.setFont(BOLD, size)
    baseline = top - size
    canvas.drawString(left, baseline, phone.number)
    used = width(phone.number, BOLD, size) + 1.5 * MM
    if phone.label and room - used > 6 * MM:
        label = fit(phone.label, REGULAR, room - used, size=6.5, min_size=5.5)
        canvas.setFont(REGULAR, label.size)
        canvas.drawString(left + used, baseline, label.lines[0])
    elif phone.label:
        label = fit(phone.label, REGULAR, room, size=6, min_size=5)
        baseline -= label.size + 0.5
        canvas.setFont(REGULAR, label.size)
        canvas.drawString(left, baseline, label.lines[0])
    return baseline - 2.5


def draw_back(canvas: Canvas, card: CardText, x: float, y: float) -> None:
    """Draw the back with its lower left corner at (x, y)."""
    canvas.saveState()
    room = CARD_W - 2 * MARGIN
    left, top = x + MARGIN, y + CARD_H - MARGIN
    heading = fit(card.back_heading, BOLD, room, size=9, min_size=6.5, max_lines=2)
    cursor = _lines(canvas, heading.lines, BOLD, heading.size, left, top, heading.size * 1.2)
    if card.back_emphasis:
        cursor -= 1.5 * MM
        canvas.setFillColorRGB(0.93, 0.93, 0.93)
        sms = fit(card.back_emphasis, BOLD, room - 2 * MM, size=9, min_size=6, max_lines=2)
        box_h = len(sms.lines) * sms.size * 1.2 + 2 * MM
        canvas.rect(left, cursor - box_h, room, box_h, fill=1, stroke=0)
        canvas.setFillColorRGB(0, 0, 0)
        cursor = _lines(canvas, sms.lines, BOLD, sms.size, left + MM, cursor - MM, sms.size * 1.2)
        cursor -= MM
    for text in card.back_lines:
        part = fit(text, REGULAR, room, size=7, min_size=5.5, max_lines=2)
        cursor = _lines(canvas, part.lines, REGULAR, part.size, left, cursor - 1.5, 8.2)
    if card.back_footer:
        foot = fit(card.back_footer, BOLD, room, size=7, min_size=5.5, max_lines=2)
        bottom = y + MARGIN + 7 + len(foot.lines) * 8
        _lines(canvas, foot.lines, BOLD, foot.size, left, bottom, 8)
    if card.reference:
        canvas.setFillColorRGB(0.4, 0.4, 0.4)
        canvas.setFont(REGULAR, 5)
        canvas.drawRightString(x + CARD_W - MARGIN, y + MARGIN, card.reference)
    canvas.restoreState()
