"""The embedded fonts, a deterministic canvas, and text that shrinks, then truncates, to fit."""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ELLIPSIS = "…"
NBSP = "\u00a0"

_SPACES = re.compile(r"[ \t\r\n]+")
_lock = threading.Lock()


def register_fonts() -> None:
    """Register DejaVu Sans with reportlab once per process (it subsets what each PDF uses)."""
    with _lock:
        registered = pdfmetrics.getRegisteredFontNames()
        for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def new_canvas(
    buffer: io.BytesIO, size: tuple[float, float], title: str, language: str = "en"
) -> Canvas:
    """A canvas with DejaVu as its initial font (no Helvetica left) and invariant output."""
    register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=size,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=8,
        pageCompression=1,
        lang=language,
    )
    # Text goes in with drawString, never through reportlab's Paragraph markup parser, so data
    # such as '<img src="/etc/passwd"/>' is printed literally and never interpreted.
    canvas.setTitle(title)
    canvas.setAuthor("Waypost")
    canvas.setCreator("Waypost")
    canvas.setSubject("")
    return canvas


def width(text: str, font: str, size: float) -> float:
    """The width of text in points."""
    return float(pdfmetrics.stringWidth(text, font, size))


@dataclass(frozen=True)
class Fitted:
    """Text lines chosen to fit a box, at one font size; truncated when something was cut."""

    lines: list[str]
    size: float
    truncated: bool


def keep_together(text: str) -> str:
    """Join text with no-break spaces so that wrapping never splits it (phone numbers)."""
    return text.replace(" ", NBSP)


def _truncate(text: str, font: str, size: float, room: float) -> str:
    """The longest prefix of text, plus an ellipsis, that fits; cut at a word where possible."""
    if width(text, font, size) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if width(text[:mid].rstrip() + ELLIPSIS, font, size) <= room:
            low = mid
        else:
            high = mid - 1
    cut = text[:low]
    space = cut.rfind(" ")
    if space > low * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-·–") + ELLIPSIS


def _wrap(text: str, font: str, size: float, room: float) -> list[str]:
    """Greedy word wrap; a single word wider than the box stays on its own line."""
    lines: list[str] = []
    current = ""
    # Split on plain spaces only: a no-break space keeps a phone number in one piece.
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and width(candidate, font, size) > room:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def fit(
    text: str,
    font: str,
    room: float,
    *,
    size: float,
    min_size: float,
    max_lines: int = 1,
    step: float = 0.25,
) -> Fitted:
    """Wrap text into at most max_lines; shrink down to min_size, then truncate with an ellipsis."""
    text = _SPACES.sub(" ", text).strip(" ")
    if not text:
        return Fitted([], size, False)
    current = size
    while True:
        lines = _wrap(text, font, current, room)
        fits = len(lines) <= max_lines and all(width(ln, font, current) <= room for ln in lines)
        if fits:
            return Fitted(lines, current, False)
        if current - step < min_size - 1e-9:
            break
        current = round(current - step, 2)
    kept = lines[:max_lines]
    rest = " ".join(lines[max_lines - 1 :])
    kept[-1] = _truncate(rest, font, min_size, room)
    kept = [_truncate(ln, font, min_size, room) for ln in kept]
    return Fitted(kept, min_size, True)


def fit_unbreakable(text: str, font: str, room: float, *, size: float, min_size: float) -> float:
    """The largest size (down to min_size) at which text fits; it is never cut (phone numbers).

    If it does not fit even at min_size, the size that makes it fit is returned instead, so a
    number gets small rather than lose a digit.
    """
    current = size
    while current > min_size and width(text, font, current) > room:
        current = round(current - 0.25, 2)
    full = width(text, font, current)
    if full > room:
        current = current * room / full
    return current
