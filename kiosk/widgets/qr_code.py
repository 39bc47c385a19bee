"""A QR code drawn with half-block characters, dark on light, for a phone camera to scan."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

QUIET = 2  # modules of light border; the widget's own padding adds more


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR module matrix (True = dark), ECC level M, with a quiet zone."""
    # Imported on first use, not at start: qrcode (and the imaging it pulls in) is slow to load.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def half_blocks(matrix: list[list[bool]]) -> list[str]:
    """Two module rows per text row: ▀ top dark, ▄ bottom dark, █ both, space neither."""
    lines = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        chars = []
        for a, b in zip(upper, lower, strict=True):
            chars.append("█" if a and b else "▀" if a else "▄" if b else " ")
        lines.append("".join(chars))
    return lines


def mecard(name: str, phones: list[str], url: str = "") -> str:
    """A MECARD contact (name, phones, web link) that phones can save with no internet."""

    def escape(value: str) -> str:
        return "".join("\\" + ch if ch in '\\;,:"' else ch for ch in value)

    parts = [f"N:{escape(name)}"]
    parts += [f"TEL:{escape(p.replace(' ', ''))}" for p in phones]
    if url:
        parts.append(f"URL:{escape(url)}")
    return "MECARD:" + ";".join(parts) + ";;"


class QRCode(Static):
    """Shows a payload as a scannable QR code."""

    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; color: black; background: white; }
    """

    def __init__(self, payload: str, *, id: str | None = None) -> None:
        self.payload = payload
        self.lines = half_blocks(qr_matrix(payload))
        super().__init__(Text("\n".join(self.lines), style="black on white"), id=id)
