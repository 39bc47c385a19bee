"""QR payloads (MECARD contacts, web links, SMS) and QR codes drawn as vector rectangles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4
MM = 72 / 25.4


def _mecard_escape(value: str) -> str:
    # MECARD reserves \ ; , : and " ; a backslash makes them literal.
    value = " ".join(value.split())
    return re.sub(r'([\\;,:"])', r"\\\1", value)


def dial_string(number: str) -> str:
    """A phone number as a phone dials it: digits and a leading +."""
    compact = re.sub(r"[^\d+]", "", number)
    return compact[0] + compact[1:].replace("+", "") if compact else ""


def mecard(name: str, numbers: Sequence[str], url: str = "", note: str = "") -> str:
    """A MECARD contact: scanning it saves the name and numbers with no internet needed."""
    fields = [f"N:{_mecard_escape(name)}"]
    fields += [f"TEL:{dial_string(n)}" for n in numbers if dial_string(n)]
    if url:
        fields.append(f"URL:{_mecard_escape(url)}")
    if note:
        fields.append(f"NOTE:{_mecard_escape(note)}")
    return "MECARD:" + ";".join(fields) + ";;"


def sms_link(number: str, body: str = "") -> str:
    """An SMSTO payload: scanning it opens a new text message to the number."""
    return f"SMSTO:{dial_string(number)}:{body}"


@dataclass(frozen=True)
class QrMatrix:
    """A QR symbol: rows of dark (True) and light modules, without the quiet zone."""

    rows: list[list[bool]]
    version: int

    @property
    def modules(self) -> int:
        """Modules per side, without the quiet zone."""
        return len(self.rows)


def page_link(pages_url: str, path: str, language: str) -> str:
    """A phone page's address for a QR code, in the printout's language."""
    return f"{pages_url.rstrip('/')}{path}?lang={language}"


def make_matrix(payload: str, error: str = "m") -> QrMatrix:
    """Encode a payload as a full QR symbol (never Micro QR), the smallest version that fits.

    Non-ASCII payloads (Greek, Romanian names) carry a UTF-8 ECI header, so that readers do not
    guess another encoding (zbar, for one, reads unmarked UTF-8 bytes as Shift JIS).
    """
    code = segno.make_qr(payload, error=error, encoding="utf-8", eci=not payload.isascii())
    rows = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=0)]
    return QrMatrix(rows, int(code.version))


def module_mm(payload: str, box_mm: float) -> float:
    """The module size in mm when the payload's symbol and its quiet zone fill box_mm."""
    return box_mm / (make_matrix(payload).modules + 2 * QUIET_MODULES)


def draw_qr(canvas: Canvas, matrix: QrMatrix, x: float, y: float, box: float) -> float:
    """Draw the symbol so that it and its 4-module quiet zone fill a box; returns the module size.

    (x, y) is the lower left corner of the box in points. Runs of dark modules are merged into
    one rectangle each, which keeps the PDF small.
    """
    module = box / (matrix.modules + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    top = y + box - QUIET_MODULES * module
    path = canvas.beginPath()
    for r, row in enumerate(matrix.rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(left + start * module, top - (r + 1) * module, (c - start) * module, module)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, fill=1, stroke=0)
    canvas.restoreState()
    return module
