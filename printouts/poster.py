"""The A4 visitor-centre poster: the SMS keywords with examples, in one or two languages."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from directory.db.connections import ContentDB
from directory.lookup.categories import list_categories
from directory.lookup.keywords import primary_keyword
from printouts.qr import MM, draw_qr, make_matrix, page_link, sms_link
from printouts.translations import translator
from printouts.typography import (
    BOLD,
    REGULAR,
    fit,
    fit_unbreakable,
    keep_together,
    new_canvas,
    width,
)

PAGE_W, PAGE_H = A4
MARGIN = 14 * MM
QR_BOX = 60 * MM


@dataclass(frozen=True)
class PosterColumn:
    """One language's half of the poster: its words and its (category label, keyword) rows."""

    language: str
    title: str
    instruction: str
    example_label: str
    example: str
    rows: list[tuple[str, str]]
    reply: str
    scan: str


def poster_column(
    db: ContentDB, language: str, example_place: str, *, pages: bool = False
) -> PosterColumn:
    """Read the categories and their main keywords in a language, with the poster's words."""
    gettext = translator(language)
    rows = [
        (c.short_label, primary_keyword(db, c.key, language)) for c in list_categories(db, language)
    ]
    housing = primary_keyword(db, "housing", language)
    return PosterColumn(
        language=language,
        title=gettext("Help by text message"),
        instruction=gettext("Text one word and your postcode or town to the number above."),
        example_label=gettext("For example:"),
        example=f"{housing} {example_place}",
        rows=rows,
        reply=gettext("You get nearby contacts back by text. No internet needed."),
        scan=gettext("Scan to open the help pages on your phone")
        if pages
        else gettext("Scan to start a text"),
    )


def _paragraph(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    room: float,
    *,
    size: float,
    min_size: float,
    max_lines: int,
) -> float:
    """Draw regular text fitted to `room` below `y`; return the y under its last line."""
    fitted = fit(text, REGULAR, room, size=size, min_size=min_size, max_lines=max_lines)
    canvas.setFont(REGULAR, fitted.size)
    y -= 4
    for line in fitted.lines:
        y -= fitted.size * 1.25
        canvas.drawString(x, y, line)
    return y


def _column(canvas: Canvas, column: PosterColumn, x: float, top: float, room: float) -> None:
    """Draw one language's column from top downwards."""
    title = fit(column.title, BOLD, room, size=24, min_size=14, max_lines=2)
    y = top
    canvas.setFont(BOLD, title.size)
    for line in title.lines:
        y -= title.size * 1.15
        canvas.drawString(x, y, line)
    y = _paragraph(canvas, column.instruction, x, y, room, size=12, min_size=9, max_lines=3)
    y -= 10
    canvas.setFont(REGULAR, 11)
    canvas.drawString(x, y - 11, column.example_label)
    y -= 11 + 6
    size = fit_unbreakable(keep_together(column.example), BOLD, room - 4 * MM, size=18, min_size=11)
    canvas.setFillColorRGB(0.92, 0.92, 0.92)
    canvas.rect(x, y - size * 1.6, room, size * 1.6, fill=1, stroke=0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(BOLD, size)
    canvas.drawString(x + 2 * MM, y - size * 1.2, column.example)
    y -= size * 1.6 + 12
    key_w = max((width(k, BOLD, 9.5) for _, k in column.rows), default=0.0)
    label_room = max(room * 0.5, room - key_w - 3 * MM)
    # One size for every row, so the list reads as a table; long labels then end in an ellipsis.
    label_size = min(
        (fit(label, REGULAR, label_room, size=11, min_size=8).size for label, _ in column.rows),
        default=11.0,
    )
    for label, keyword in column.rows:
        fitted = fit(label, REGULAR, label_room, size=label_size, min_size=label_size)
        canvas.setFont(REGULAR, fitted.size)
        canvas.drawString(x, y - 10, fitted.lines[0])
        key_size = fit_unbreakable(keyword, BOLD, room - label_room - 2 * MM, size=9.5, min_size=6)
        canvas.setFont(BOLD, key_size)
        canvas.drawRightString(x + room, y - 10, keyword)
        canvas.setLineWidth(0.2)
        canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
        canvas.line(x, y - 14, x + room, y - 14)
        y -= 18
    _paragraph(canvas, column.reply, x, y, room, size=10, min_size=8, max_lines=2)


def poster_pdf(
    columns: Sequence[PosterColumn],
    *,
    sms_number: str,
    centre_name: str = "",
    pages_url: str = "",
) -> bytes:
    """An A4 poster: the SMS number, keywords in one or two languages, and a large QR code."""
    if not 1 <= len(columns) <= 2:
        raise ValueError("A poster has one or two languages.")
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, "Waypost poster", columns[0].language)
    number = keep_together(sms_number)
    size = fit_unbreakable(number, BOLD, PAGE_W - 2 * MARGIN, size=40, min_size=24)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - MARGIN - size, number)
    top = PAGE_H - MARGIN - size * 1.5
    gutter = 10 * MM
    room = (PAGE_W - 2 * MARGIN - gutter * (len(columns) - 1)) / len(columns)
    for i, column in enumerate(columns):
        _column(canvas, column, MARGIN + i * (room + gutter), top, room)
    qr_x, qr_y = (PAGE_W - QR_BOX) / 2, MARGIN + 14
    # With the phone pages, the code opens them in the poster's (first) language; without, it
    # starts a text to the SMS line.
    target = page_link(pages_url, "/", columns[0].language) if pages_url else sms_link(sms_number)
    draw_qr(canvas, make_matrix(target), qr_x, qr_y, QR_BOX)
    caption = " / ".join(dict.fromkeys(c.scan for c in columns))
    cap = fit(caption, REGULAR, PAGE_W - 2 * MARGIN, size=10, min_size=7)
    canvas.setFont(REGULAR, cap.size)
    canvas.drawCentredString(PAGE_W / 2, MARGIN + 2, cap.lines[0])
    if centre_name:
        canvas.setFont(BOLD, 9)
        canvas.drawRightString(PAGE_W - MARGIN, MARGIN + 2, centre_name[:80])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
