"""A4 sheets of ten cards (2 x 5) with crop marks in the margins, and a calibration page."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from printouts.card_face import CARD_H, CARD_W, CardText, draw_back, draw_front
from printouts.qr import MM
from printouts.typography import BOLD, REGULAR, new_canvas

PAGE_W, PAGE_H = A4
# Crop marks stop short of the cards, so a slightly shifted cut never shows them.
MARK_GAP = 1.5 * MM
MARK_LEN = 5.0 * MM


@dataclass(frozen=True)
class Layout:
    """Where ten cards sit on an A4 sheet, in mm from the top left corner of the page."""

    key: str
    description: str
    card_w: float
    card_h: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    columns: int = 2
    rows: int = 5

    @property
    def per_page(self) -> int:
        """Cards on one sheet."""
        return self.columns * self.rows

    def slot(self, index: int, offset_x: float = 0.0, offset_y: float = 0.0) -> tuple[float, float]:
        """The lower left corner, in points, of the card in slot index (row by row)."""
        row, column = divmod(index, self.columns)
        x_mm = self.left + column * self.pitch_x + offset_x
        top_mm = self.top + row * self.pitch_y + offset_y
        return x_mm * MM, PAGE_H - (top_mm + self.card_h) * MM


LAYOUTS: dict[str, Layout] = {
    layout.key: layout
    for layout in (
        Layout(
            "avery-c32011",
            "Avery C32011 (and stock with the same grid): 85 x 54 mm cards, 15/13.5 mm margins",
            85.0,
            54.0,
            15.0,
            13.5,
            95.0,
            54.0,
        ),
        Layout(
            "cr80-guillotine",
            "Plain A4 card: true CR80 cards butted together, centred; one cut per line",
            85.6,
            53.98,
            (210 - 2 * 85.6) / 2,
            (297 - 5 * 53.98) / 2,
            85.6,
            53.98,
        ),
        Layout(
            "cr80-scissors",
            "Plain A4 card: true CR80 cards with 5 mm and 2 mm gaps, for cutting by hand",
            85.6,
            53.98,
            (210 - 2 * 85.6 - 5) / 2,
            (297 - 5 * 53.98 - 4 * 2) / 2,
            90.6,
            55.98,
        ),
    )
}
DEFAULT_LAYOUT = "avery-c32011"

Draw = Callable[[Canvas, CardText, float, float], None]


def _place(canvas: Canvas, layout: Layout, draw: Draw, card: CardText, x: float, y: float) -> None:
    """Draw a card scaled uniformly into the layout's card size (stock is not always true CR80)."""
    w, h = layout.card_w * MM, layout.card_h * MM
    scale = min(w / CARD_W, h / CARD_H)
    canvas.saveState()
    canvas.translate(x + (w - CARD_W * scale) / 2, y + (h - CARD_H * scale) / 2)
    canvas.scale(scale, scale)
    draw(canvas, card, 0, 0)
    canvas.restoreState()


def crop_marks(
    layout: Layout, offset_x: float = 0.0, offset_y: float = 0.0
) -> list[tuple[float, float, float, float]]:
    """Line segments (x1, y1, x2, y2 in points) at every cut line, only in the page margins."""
    w, h = layout.card_w * MM, layout.card_h * MM
    slots = [layout.slot(i, offset_x, offset_y) for i in range(layout.per_page)]
    xs = sorted({round(x, 3) for x, _ in slots} | {round(x + w, 3) for x, _ in slots})
    ys = sorted({round(y, 3) for _, y in slots} | {round(y + h, 3) for _, y in slots})
    grid_left, grid_right, grid_bottom, grid_top = xs[0], xs[-1], ys[0], ys[-1]
    marks = []
    for x in xs:
        marks.append((x, grid_top + MARK_GAP, x, min(PAGE_H, grid_top + MARK_GAP + MARK_LEN)))
        marks.append((x, grid_bottom - MARK_GAP, x, max(0, grid_bottom - MARK_GAP - MARK_LEN)))
    for y in ys:
        marks.append((grid_left - MARK_GAP, y, max(0, grid_left - MARK_GAP - MARK_LEN), y))
        marks.append((grid_right + MARK_GAP, y, min(PAGE_W, grid_right + MARK_GAP + MARK_LEN), y))
    return marks


def _crop_marks(canvas: Canvas, layout: Layout, offset_x: float, offset_y: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.25)
    canvas.setStrokeColorRGB(0, 0, 0)
    for x1, y1, x2, y2 in crop_marks(layout, offset_x, offset_y):
        canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def _mirror(layout: Layout, index: int) -> int:
    """The slot behind slot index when the sheet is turned over on its long edge (duplex)."""
    row, column = divmod(index, layout.columns)
    return row * layout.columns + (layout.columns - 1 - column)


def sheet_pdf(
    cards: Sequence[CardText],
    *,
    layout: str = DEFAULT_LAYOUT,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
    backs: bool = True,
    language: str = "en",
    title: str = "Waypost cards",
) -> bytes:
    """Ten cards to an A4 sheet: fronts, then the backs mirrored for long-edge duplex."""
    grid = LAYOUTS[layout]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, title, language)
    for start in range(0, max(len(cards), 1), grid.per_page):
        batch = cards[start : start + grid.per_page]
        for index, card in enumerate(batch):
            x, y = grid.slot(index, offset_x_mm, offset_y_mm)
            _place(canvas, grid, draw_front, card, x, y)
        _crop_marks(canvas, grid, offset_x_mm, offset_y_mm)
        canvas.showPage()
        if backs and batch:
            for index, card in enumerate(batch):
                x, y = grid.slot(_mirror(grid, index), offset_x_mm, offset_y_mm)
                _place(canvas, grid, draw_back, card, x, y)
            _crop_marks(canvas, grid, offset_x_mm, offset_y_mm)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def calibration_pdf(
    *, layout: str = DEFAULT_LAYOUT, offset_x_mm: float = 0.0, offset_y_mm: float = 0.0
) -> bytes:
    """A page of card outlines and rulers: print on paper, hold over the stock, adjust offsets."""
    grid = LAYOUTS[layout]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, f"Calibration: {grid.key}")
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 2)
    for index in range(grid.per_page):
        x, y = grid.slot(index, offset_x_mm, offset_y_mm)
        canvas.rect(x, y, grid.card_w * MM, grid.card_h * MM, stroke=1, fill=0)
        cx, cy = x + grid.card_w * MM / 2, y + grid.card_h * MM / 2
        canvas.line(cx - 3 * MM, cy, cx + 3 * MM, cy)
        canvas.line(cx, cy - 3 * MM, cx, cy + 3 * MM)
    canvas.setDash()
    _crop_marks(canvas, grid, offset_x_mm, offset_y_mm)
    _ruler(canvas)
    first_x, first_y = grid.slot(0, offset_x_mm, offset_y_mm)
    text = [
        f"Layout {grid.key}: {grid.description}.",
        f"Offsets now: x {offset_x_mm:+.1f} mm, y {offset_y_mm:+.1f} mm.",
        "Print this on plain paper at 100% (no 'fit to page'); the ruler must measure 100 mm.",
        "Hold it over a sheet of card stock against the light. If the dashed outlines sit to the",
        "right of the cards by 1 mm, print with --offset-x -1; if lower by 1 mm, --offset-y -1.",
    ]
    canvas.setFont(BOLD, 8)
    canvas.drawString(first_x + 4 * MM, first_y + grid.card_h * MM - 8 * MM, "CALIBRATION")
    canvas.setFont(REGULAR, 6.5)
    for i, line in enumerate(text):
        canvas.drawString(first_x + 4 * MM, first_y + grid.card_h * MM - (14 + 4 * i) * MM, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _ruler(canvas: Canvas) -> None:
    """A 100 mm ruler in the top margin, to check the printer is not scaling the page."""
    x0, y0 = 55 * MM, PAGE_H - 4 * MM
    canvas.saveState()
    canvas.setLineWidth(0.25)
    canvas.line(x0, y0, x0 + 100 * MM, y0)
    for mm in range(0, 101):
        tick = 2.5 if mm % 10 == 0 else (1.5 if mm % 5 == 0 else 0.8)
        canvas.line(x0 + mm * MM, y0, x0 + mm * MM, y0 - tick * MM)
    canvas.setFont(REGULAR, 5)
    canvas.drawString(x0 + 101 * MM, y0 - 1.5 * MM, "100 mm")
    canvas.restoreState()
