"""A printer test page: does the queue print at all, at full size, with a readable QR code?"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4

from printouts.qr import MM, draw_qr, make_matrix
from printouts.typography import BOLD, REGULAR, new_canvas

PAGE_W, PAGE_H = A4
TEST_PAYLOAD = "WAYPOST TEST PAGE"


def printer_test_pdf(queue: str, printed_at: datetime, centre_name: str = "") -> bytes:
    """An A4 page naming the queue and time, with a 100 mm line and a QR code to scan."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, "Waypost test page")
    canvas.setFont(BOLD, 24)
    canvas.drawString(20 * MM, PAGE_H - 35 * MM, "Waypost test page")
    canvas.setFont(REGULAR, 12)
    lines = [
        f"Printer queue: {queue or '(default)'}",
        f"Printed: {printed_at.strftime('%Y-%m-%d %H:%M')}",
        centre_name[:80],
        "The line below must measure 100 mm; if it does not, the printer is scaling pages.",
    ]
    for i, line in enumerate(line for line in lines if line):
        canvas.drawString(20 * MM, PAGE_H - (50 + 8 * i) * MM, line)
    y = PAGE_H - 90 * MM
    canvas.setLineWidth(0.5)
    canvas.line(20 * MM, y, 120 * MM, y)
    for end in (20, 120):
        canvas.line(end * MM, y - 3 * MM, end * MM, y + 3 * MM)
    draw_qr(canvas, make_matrix(TEST_PAYLOAD), 20 * MM, y - 80 * MM, 60 * MM)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
