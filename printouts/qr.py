"""QR payloads (MECARD contacts, web links, SMS) and QR codes drawn as vector rectangles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import qrcode
from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4
MM = 72 / 25.4
ERROR_LEVELS = {
    "l": ERROR_CORRECT_L,
    "m": ERROR_CORRECT_M,
    "q": ERROR_CORRECT_Q,
    "h": ERROR_CORRECT_H,
}


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


# The ECI designator for UTF-8 (ISO/IEC 18004 section 7.4.2): mode 0111, then assignment 26.
ECI_MODE = 0b0111
ECI_UTF8 = 26


def _segments_with_eci(payload: str, version: int, level: int) -> list[int] | None:
    """The symbol's codewords for the payload, a UTF-8 ECI header first when it is not ASCII;
    None when it does not fit this version.

    qrcode writes no ECI header itself, and without one readers guess the encoding of the
    bytes (zbar, for one, reads some UTF-8 Romanian as Shift JIS). This is qrcode's own
    create_data with the header put in front.
    """
    buffer = util.BitBuffer()
    if not payload.isascii():
        buffer.put(ECI_MODE, 4)
        buffer.put(ECI_UTF8, 8)
    for segment in util.optimal_data_chunks(payload.encode("utf-8")):
        buffer.put(segment.mode, 4)
        buffer.put(len(segment), util.length_in_bits(segment.mode, version))
        segment.write(buffer)
    blocks = base.rs_blocks(version, level)
    bit_limit = sum(block.data_count * 8 for block in blocks)
    if len(buffer) > bit_limit:
        return None
    for _ in range(min(bit_limit - len(buffer), 4)):
        buffer.put_bit(False)  # the terminator
    if len(buffer) % 8:
        for _ in range(8 - len(buffer) % 8):
            buffer.put_bit(False)
    for i in range((bit_limit - len(buffer)) // 8):
        buffer.put(util.PAD0 if i % 2 == 0 else util.PAD1, 8)
    return list(util.create_bytes(buffer, blocks))


def make_matrix(payload: str, error: str = "m") -> QrMatrix:
    """Encode a payload as a QR symbol with qrcode, the smallest version that fits.

    The payload goes in as UTF-8 bytes (Greek and Romanian names) with a UTF-8 ECI header,
    split into numeric, alphanumeric and byte segments where that makes the symbol smaller.
    """
    level = ERROR_LEVELS[error]
    for version in range(1, 41):
        codewords = _segments_with_eci(payload, version, level)
        if codewords is not None:
            break
    else:
        raise ValueError("the payload is too long for a QR code")
    code = qrcode.QRCode(version=version, error_correction=level, border=0)
    code.data_cache = codewords  # what make() would build, with the ECI header
    code.make(fit=False)
    rows = [[bool(m) for m in row] for row in code.get_matrix()]
    return QrMatrix(rows, version)


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
