"""The stale-entries call list: an A4 PDF volunteers print and work through by phone."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from directory.reports.staleness import StaleOrganization, StaleService
from directory.text.presentation import presentation
from printouts.typography import BOLD, REGULAR, new_canvas, width

MM = 72 / 25.4
MARGIN = 15 * MM
LINE = 4.6 * MM


def _fit(text: str, font: str, size: float, room: float) -> str:
    if width(text, font, size) <= room:
        return text
    while text and width(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


class _Pages:
    """A cursor down A4 pages, starting a new page (with its header) when one is full."""

    def __init__(self, canvas: Canvas, title: str, subtitle: str) -> None:
        self.canvas = canvas
        self.title = title
        self.subtitle = subtitle
        self.page = 0
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        _, top = A4
        c = self.canvas
        c.setFont(BOLD, 13)
        c.drawString(MARGIN, top - MARGIN, self.title)
        c.setFont(REGULAR, 8.5)
        for i, line in enumerate(self.subtitle.split("\n")):
            c.drawString(MARGIN, top - MARGIN - (5 + 4 * i) * MM, line)
        c.drawRightString(A4[0] - MARGIN, top - MARGIN, f"Page {self.page}")
        self.y = top - MARGIN - 16 * MM

    def need(self, height: float) -> None:
        """Start a new page unless `height` points fit on this one."""
        if self.y - height < MARGIN:
            self._new_page()


def _service(pages: _Pages, s: StaleService) -> None:
    c = pages.canvas
    room = A4[0] - 2 * MARGIN - 8 * MM
    pages.need(LINE * (3 + len(s.phones)))
    x = MARGIN + 4 * MM
    c.rect(MARGIN, pages.y - 2.6 * MM, 3 * MM, 3 * MM)  # a box to tick when done
    c.setFont(BOLD, 9.5)
    c.drawString(x, pages.y - 2.2 * MM, _fit(s.name, BOLD, 9.5, room * 0.7))
    when = presentation("en").date(s.assured_date) if s.assured_date else ""
    checked = f"last checked {when}" if when else "never checked"
    if s.assured_by:
        checked += f" by {s.assured_by}"
    c.setFont(REGULAR, 8.5)
    c.drawRightString(A4[0] - MARGIN, pages.y - 2.2 * MM, checked)
    pages.y -= LINE
    c.drawString(
        x,
        pages.y - 2.2 * MM,
        f"id: {s.service_id}" + (f"   ({s.status})" if s.status != "active" else ""),
    )
    pages.y -= LINE
    for phone in s.phones or []:
        line = phone.number + (f"  ({phone.description})" if phone.description else "")
        c.setFont(BOLD, 10)
        c.drawString(x, pages.y - 2.2 * MM, _fit(line, BOLD, 10, room))
        pages.y -= LINE
    if not s.phones:
        c.drawString(x, pages.y - 2.2 * MM, "no phone number: check the website or email")
        pages.y -= LINE
    c.setFont(REGULAR, 8.5)
    c.drawString(x, pages.y - 2.2 * MM, "Notes:")
    c.setDash(1, 2)
    c.line(x + 12 * MM, pages.y - 2.6 * MM, A4[0] - MARGIN, pages.y - 2.6 * MM)
    c.setDash()
    pages.y -= LINE * 1.4


def call_list_pdf(
    groups: list[StaleOrganization], months: int, generated: date, centre: str = ""
) -> bytes:
    """An A4 call list of stale services grouped by organisation, with a tick box for each."""
    buffer = io.BytesIO()
    title = "Waypost: entries to check by phone"
    canvas = new_canvas(buffer, A4, title)
    count = sum(len(g.services) for g in groups)
    subtitle = (
        f"{count} service(s) not checked in the last {months} month(s), or never; "
        f"made {generated.isoformat()}"
        + (f" for {centre}" if centre else "")
        + ".\nAfter each call: waypost verify SERVICE_ID --by YOUR_NAME"
    )
    pages = _Pages(canvas, title, subtitle)
    if not groups:
        canvas.setFont(REGULAR, 11)
        canvas.drawString(MARGIN, pages.y, "Everything has been checked recently. Thank you!")
    for group in groups:
        pages.need(LINE * 5)
        canvas.setFont(BOLD, 11.5)
        canvas.drawString(
            MARGIN, pages.y - 3 * MM, _fit(group.name, BOLD, 11.5, A4[0] - 2 * MARGIN)
        )
        canvas.line(MARGIN, pages.y - 4.4 * MM, A4[0] - MARGIN, pages.y - 4.4 * MM)
        pages.y -= LINE * 1.6
        for service in group.services:
            _service(pages, service)
        pages.y -= LINE * 0.5
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
